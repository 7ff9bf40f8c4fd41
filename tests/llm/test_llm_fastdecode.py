"""The fast decoder (epistemic.llm.fastdecode) on CPU: the same tokens as transformers' generate when greedy,
the same distribution when sampling, reproducible seeds, end-of-sequence cut as a per-step check would,
and a clear fallback where it does not apply."""

import copy
from dataclasses import replace

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

from epistemic.llm import fastdecode as fd  # noqa: E402
from epistemic.llm.errors import LLMError  # noqa: E402
from epistemic.llm.generation import generate  # noqa: E402
from epistemic.llm.loading import LoadedModel  # noqa: E402
from epistemic.llm.prompting import puzzle_prompt  # noqa: E402
from epistemic.llm.settings import Overrides, resolve  # noqa: E402

QUESTIONS = ("Which card?", "P says: I don't know the card. Q says: I knew it. Which card is it, then?", "x")


def _prompts(loaded):
    return [puzzle_prompt(loaded.tokenizer, q) for q in QUESTIONS]


def _pair(loaded, prompts, check_every=fd.CHECK_EVERY, num_samples=1, **kw):
    """(transformers generate, fast decoder) on the same prompts and settings."""
    s = resolve(loaded.generation_config, Overrides(**kw))
    ref = generate(loaded, prompts, s, num_samples=num_samples)
    fast = fd.generate(loaded, prompts, replace(s, decoder="fast"), num_samples, check_every=check_every)
    return ref, fast


def _with_model(loaded, model, generation_config=None):
    return LoadedModel(model, loaded.tokenizer, generation_config or loaded.generation_config, loaded.path,
                       loaded.device, loaded.context_length)


@pytest.fixture(scope="module")
def eos_loaded(loaded):
    """The tiny model with its end-of-sequence row of the output layer set just above the row of a token
    that greedy decoding picks early: rows then stop at different steps."""
    prompts = _prompts(loaded)
    s = resolve(loaded.generation_config, Overrides(do_sample=False, max_new_tokens=6))
    first = generate(loaded, prompts[:1], s)
    model = copy.deepcopy(loaded.model)
    eos = loaded.tokenizer.convert_tokens_to_ids("<|im_end|>")
    frequent = first[0].token_ids[3]
    with torch.no_grad():
        w = model.get_output_embeddings().weight
        w[eos] = w[frequent] * 1.02
    return _with_model(loaded, model)


def test_greedy_equals_generate_with_padding(loaded):
    ref, fast = _pair(loaded, _prompts(loaded), do_sample=False, max_new_tokens=16)
    assert [g.token_ids for g in fast] == [g.token_ids for g in ref]
    assert [g.prompt_tokens for g in fast] == [g.prompt_tokens for g in ref]
    assert len({g.prompt_tokens for g in fast}) == 3  # the batch really was left-padded


@pytest.mark.parametrize("check_every", [1, 5])
def test_end_of_sequence_cut_as_a_per_step_check(eos_loaded, check_every):
    ref, fast = _pair(eos_loaded, _prompts(eos_loaded), check_every, do_sample=False, max_new_tokens=16)
    assert [g.token_ids for g in fast] == [g.token_ids for g in ref]
    assert [g.finish_reason for g in fast] == [g.finish_reason for g in ref]
    assert "stop" in {g.finish_reason for g in fast}  # the case under test happens
    assert [g.text for g in fast] == [g.text for g in ref]


def test_min_new_tokens_holds_back_end_of_sequence(eos_loaded):
    ref, fast = _pair(eos_loaded, _prompts(eos_loaded)[:1], do_sample=False, max_new_tokens=16, min_new_tokens=10)
    assert fast[0].token_ids == ref[0].token_ids and fast[0].generated_tokens >= 10


def test_repetition_penalty_equals_generate(loaded):
    cfg = copy.deepcopy(loaded.generation_config)
    cfg.repetition_penalty = 5.0
    ref, fast = _pair(_with_model(loaded, loaded.model, cfg), _prompts(loaded), do_sample=False, max_new_tokens=10)
    plain = generate(loaded, _prompts(loaded), resolve(loaded.generation_config,
                                                       Overrides(do_sample=False, max_new_tokens=10)))
    assert [g.token_ids for g in fast] == [g.token_ids for g in ref]
    assert [g.token_ids for g in fast] != [g.token_ids for g in plain]  # the penalty changed something


def test_seed_reproducible_and_samples_differ(loaded):
    s = resolve(loaded.generation_config, Overrides(seed=5, max_new_tokens=10, decoder="fast"))
    a = generate(loaded, _prompts(loaded), s, num_samples=2)
    b = generate(loaded, _prompts(loaded), s, num_samples=2)
    c = generate(loaded, _prompts(loaded), replace(s, seed=6), num_samples=2)
    assert [g.token_ids for g in a] == [g.token_ids for g in b]
    assert [g.token_ids for g in a] != [g.token_ids for g in c]
    assert [g.sample for g in a] == [0, 1, 0, 1, 0, 1]
    assert a[0].token_ids != a[1].token_ids  # two samples of one prompt draw different noise


def _reference_kept(logits, temperature, top_k, top_p):
    """Probabilities after transformers' own warpers (the second method)."""
    from transformers import TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

    scores = TemperatureLogitsWarper(temperature)(None, logits.clone())
    if top_k:
        scores = TopKLogitsWarper(top_k)(None, scores)
    if top_p < 1.0:
        scores = TopPLogitsWarper(top_p)(None, scores)
    return torch.softmax(scores, dim=-1)


@hsettings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), top_k=st.sampled_from([0, 1, 5, 20]),
       top_p=st.sampled_from([1.0, 0.95, 0.8, 0.3]), temperature=st.sampled_from([0.5, 0.7, 1.0, 1.3]))
def test_candidates_keep_what_transformers_keeps(seed, top_k, top_p, temperature):
    logits = torch.randn((3, 50), generator=torch.Generator().manual_seed(seed)) * 3
    params = fd.SamplingParams(False, temperature, top_k, top_p)
    probs, index = fd.candidates(logits, params)
    mine = torch.zeros_like(logits).scatter(1, index, probs)
    mine = mine / mine.sum(dim=-1, keepdim=True)
    ref = _reference_kept(logits, temperature, top_k, top_p)
    assert torch.equal(mine > 0, ref > 0)
    assert torch.allclose(mine, ref, atol=1e-5)


def test_top_p_by_hand():
    logits = torch.log(torch.tensor([[0.5, 0.3, 0.2]]))
    probs, index = fd.candidates(logits, fd.SamplingParams(False, 1.0, 0, 0.8))
    kept = sorted(index[probs > 0].tolist())
    assert kept == [0, 1]  # 0.5 + 0.3 reaches 0.8: the third token is cut


def test_draws_follow_the_distribution():
    """20,000 exponential-race draws against transformers' probabilities: total variation under 0.02."""
    g = torch.Generator().manual_seed(0)
    logits = torch.randn((1, 40), generator=g) * 2
    params = fd.SamplingParams(False, 0.7, 20, 0.9)
    ref = _reference_kept(logits, 0.7, 20, 0.9)[0]
    rows = logits.expand(20_000, -1)
    noise = torch.empty((20_000, 20)).exponential_(generator=g)
    picks = fd.choose(rows, noise, None, torch.tensor(0), torch.tensor([0]), params)
    freq = torch.bincount(picks, minlength=40).float() / 20_000
    assert freq[ref == 0].sum() == 0
    assert 0.5 * (freq - ref).abs().sum() < 0.02


def test_streaming_and_counts(loaded):
    pieces = []
    s = resolve(loaded.generation_config, Overrides(seed=1, max_new_tokens=14, decoder="fast"))
    g = generate(loaded, _prompts(loaded)[:1], s, on_text=pieces.append)[0]
    assert "".join(pieces) == g.text
    assert g.generated_tokens == len(g.token_ids) <= 14 and not g.warnings


def test_streaming_stops_at_end_of_sequence(eos_loaded):
    pieces = []
    s = resolve(eos_loaded.generation_config, Overrides(do_sample=False, max_new_tokens=16, decoder="fast"))
    g = generate(eos_loaded, _prompts(eos_loaded)[:1], s, on_text=pieces.append)[0]
    assert g.finish_reason == "stop" and "".join(pieces) == g.text


def test_sessions_are_reused_and_bounded(loaded):
    s = resolve(loaded.generation_config, Overrides(do_sample=False, max_new_tokens=1, decoder="fast"))
    fresh = _with_model(loaded, loaded.model)
    generate(fresh, _prompts(loaded), s)
    first = dict(fresh.reusable["fastdecode"])
    generate(fresh, _prompts(loaded), s)
    assert fresh.reusable["fastdecode"] == first  # the same session, no new cache
    for b in range(1, fd.KEEP_SESSIONS + 3):
        generate(fresh, _prompts(loaded)[:1] * b, s)
    assert len(fresh.reusable["fastdecode"]) == fd.KEEP_SESSIONS


def test_falls_back_with_a_reason(loaded, force_tokens):
    tok = loaded.tokenizer
    proc = force_tokens(tok.encode("ab" * 10, add_special_tokens=False), tok.pad_token_id)
    s = resolve(loaded.generation_config, Overrides(max_new_tokens=6, decoder="fast"))
    g = generate(loaded, _prompts(loaded)[:1], s, logits_processors=[proc])[0]
    assert "decoder 'fast' not used" in g.warnings[0] and "grammar" in g.warnings[0]
    assert g.text.startswith("ab")  # the processor did run, through transformers' generate
    cfg = copy.deepcopy(loaded.generation_config)
    cfg.no_repeat_ngram_size = 2
    odd = _with_model(loaded, loaded.model, cfg)
    assert "no_repeat_ngram_size" in fd.unsupported(odd, s)
    g = generate(odd, _prompts(loaded)[:1], s)[0]
    assert "no_repeat_ngram_size" in g.warnings[0]
    assert fd.unsupported(loaded, s) is None


def test_unknown_decoder_is_refused(loaded):
    with pytest.raises(LLMError, match="unknown decoder"):
        resolve(loaded.generation_config, Overrides(decoder="turbo"))
    assert resolve(loaded.generation_config, Overrides(decoder="generate")).decoder is None
