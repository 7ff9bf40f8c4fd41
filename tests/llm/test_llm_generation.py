"""Prompting, streaming, stopping, batching and token counts through the real generate()."""

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from epistemic.llm.errors import ContextLengthError  # noqa: E402
from epistemic.llm.generation import generate  # noqa: E402
from epistemic.llm.prompting import puzzle_prompt  # noqa: E402
from epistemic.llm.settings import Overrides, resolve  # noqa: E402


def _settings(loaded, **kw):
    return resolve(loaded.generation_config, Overrides(**kw))


def test_chat_template_and_thinking_switch(loaded):
    p = puzzle_prompt(loaded.tokenizer, "Which card?", system="Be brief.")
    assert p.text.startswith("<|im_start|>system\nBe brief.<|im_end|>")
    assert p.text.endswith("<|im_start|>user\nWhich card?<|im_end|>\n<|im_start|>assistant\n")
    off = puzzle_prompt(loaded.tokenizer, "Which card?", enable_thinking=False)
    assert off.text.endswith("<think>\n\n</think>\n\n") and not off.opened_think
    plain = puzzle_prompt(loaded.tokenizer, "Which card?", use_template=False)
    assert plain.text == "Which card?\n\n"


def test_model_settings_unless_overridden(loaded):
    s = _settings(loaded)
    assert (s.do_sample, s.temperature, s.top_p, s.top_k, s.max_new_tokens) == (True, 0.7, 0.8, 20, 32)
    s = _settings(loaded, temperature=0.0, max_new_tokens=5)
    assert (s.do_sample, s.temperature, s.max_new_tokens) == (False, None, 5)
    assert _settings(loaded, top_k=3, seed=1).top_k == 3


def test_streaming_matches_text_and_counts(loaded):
    prompt = puzzle_prompt(loaded.tokenizer, "Which card?")
    pieces = []
    g = generate(loaded, [prompt], _settings(loaded, seed=0, max_new_tokens=12), on_text=pieces.append)[0]
    assert "".join(pieces) == g.text
    assert g.generated_tokens == len(g.token_ids) <= 12
    assert g.prompt_tokens == len(loaded.tokenizer(prompt.text, add_special_tokens=False)["input_ids"])


def test_seed_reproducible(loaded):
    prompt = puzzle_prompt(loaded.tokenizer, "Which card?")
    a = generate(loaded, [prompt], _settings(loaded, seed=7, max_new_tokens=10))[0]
    b = generate(loaded, [prompt], _settings(loaded, seed=7, max_new_tokens=10))[0]
    assert a.token_ids == b.token_ids


def test_length_stop(loaded, force_tokens):
    prompt = puzzle_prompt(loaded.tokenizer, "Which card?")
    tok = loaded.tokenizer
    never_eos = force_tokens(tok.encode("ab" * 20, add_special_tokens=False), tok.pad_token_id)
    g = generate(loaded, [prompt], _settings(loaded, max_new_tokens=6), logits_processors=[never_eos])[0]
    assert g.finish_reason == "length" and g.generated_tokens == 6


def test_eos_stop_thinking_split_and_counts(loaded, force_tokens):
    tok = loaded.tokenizer
    think = tok.encode("<think>P does not know.</think>", add_special_tokens=False)
    answer = tok.encode("diamonds 5", add_special_tokens=False)
    force = force_tokens(think + answer, tok.convert_tokens_to_ids("<|im_end|>"))
    prompt = puzzle_prompt(tok, "Which card?")
    g = generate(loaded, [prompt], _settings(loaded, max_new_tokens=40), logits_processors=[force])[0]
    assert g.finish_reason == "stop"
    assert (g.thinking, g.answer, g.split_method) == ("P does not know.", "diamonds 5", "think-tag")
    assert (g.thinking_tokens, g.answer_tokens) == (len(think), len(answer))


def test_batching_padding_and_samples(loaded):
    tok = loaded.tokenizer
    prompts = [puzzle_prompt(tok, "Which card?"), puzzle_prompt(tok, "A much longer question about P and Q?")]
    greedy = _settings(loaded, do_sample=False, max_new_tokens=8)
    batched = generate(loaded, prompts, greedy, num_samples=2)
    assert [g.sample for g in batched] == [0, 1, 0, 1]
    lengths = [len(tok(p.text, add_special_tokens=False)["input_ids"]) for p in prompts]
    assert [g.prompt_tokens for g in batched] == [lengths[0]] * 2 + [lengths[1]] * 2
    alone = generate(loaded, prompts[:1], greedy)[0]
    assert batched[0].token_ids == alone.token_ids  # left padding does not change the result


def test_context_length(loaded):
    tok, ctx = loaded.tokenizer, loaded.context_length
    per_word = len(tok.encode(" card" * 10, add_special_tokens=False)) / 10
    long = puzzle_prompt(tok, "card " * int(ctx / per_word + 10))
    with pytest.raises(ContextLengthError) as e:
        generate(loaded, [long], _settings(loaded, max_new_tokens=4))
    assert f"context is {ctx} tokens" in e.value.message and "shorten" in e.value.hint
    near = puzzle_prompt(tok, "card " * int((ctx - 40) / per_word))
    g = generate(loaded, [near], _settings(loaded, seed=0, max_new_tokens=400))[0]
    assert g.warnings and "lowered" in g.warnings[0]
    assert g.prompt_tokens + g.generated_tokens <= ctx
