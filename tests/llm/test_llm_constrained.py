"""Grammar-constrained claim extraction: both parsers accept the grammar; outputs always re-parse."""

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("llguidance")
lark = pytest.importorskip("lark")

from epistemic.llm.constrained import Constraint, compile_lark  # noqa: E402
from epistemic.llm.errors import GrammarError  # noqa: E402
from epistemic.llm.extract import ExtractedClaim, ModelClaimExtractor, extract_claims  # noqa: E402
from epistemic.llm.grammar import ClaimListParser, extraction_grammar  # noqa: E402
from epistemic.llm.portable import portable_bytes, portable_char  # noqa: E402
from epistemic.llm.settings import Overrides, resolve  # noqa: E402


def _project_grammar():
    language = pytest.importorskip("epistemic.language")
    return language.grammar_text()


@pytest.mark.parametrize("source", ["fixture", "project"])
def test_grammar_valid_in_llguidance_and_lark(source, claim_grammar):
    text = claim_grammar if source == "fixture" else _project_grammar()
    for grammar in (text, extraction_grammar(text)):
        compile_lark(grammar)  # llguidance
        lark.Lark(grammar, parser="lalr", start="start")  # python-lark
    assert ClaimListParser(extraction_grammar(text)).claims("P knows card ; at stage 2: not Q knows card") == [
        "P knows card", "at stage 2: not Q knows card"]


def test_bad_grammar_is_reported():
    with pytest.raises(GrammarError):
        compile_lark('start: "a" (')
    with pytest.raises(GrammarError, match="no rule 'claim'"):
        extraction_grammar("start: NAME\nNAME: /[a-z]+/\n")


def test_portable_characters():
    assert portable_char("a") and portable_char("方") and portable_char("♦") and portable_char("，")
    assert not portable_char("\u0329") and not portable_char("²") and not portable_char("\x1c")
    assert not portable_bytes("方".encode()[:2])


@pytest.fixture(scope="module", params=["fixture", "project"])
def extractor(request, loaded, claim_grammar):
    text = claim_grammar if request.param == "fixture" else _project_grammar()
    return ModelClaimExtractor.build(loaded, text, max_new_tokens=24)


def test_outputs_always_reparse(extractor, loaded):
    """Random weights, sampling, short budgets (truncation): every output is grammatical."""
    steps = ["P does not know the card.", "Q knew that.", "x", "现在我知道这张牌了。"]
    seen = 0
    for seed in range(4):
        settings = resolve(loaded.generation_config, Overrides(seed=seed, max_new_tokens=4 + 7 * seed))
        for claims in extractor.with_settings(settings).extract_many("P says: not P knows card", steps):
            text = " ; ".join(c.text for c in claims)
            if text:
                extractor.parser.parse(text)
                seen += 1
            assert all(c.source == "model" for c in claims)
    assert seen > 0


def test_processor_masks_batch_rows(loaded, claim_grammar):
    constraint = Constraint.from_lark(extraction_grammar(claim_grammar), loaded.tokenizer,
                                      loaded.model.config.vocab_size, loaded.eos_token_ids)
    from epistemic.llm.generation import generate
    from epistemic.llm.prompting import puzzle_prompt

    proc = constraint.processor()
    settings = resolve(loaded.generation_config, Overrides(seed=1, max_new_tokens=16))
    prompts = [puzzle_prompt(loaded.tokenizer, "claims?", enable_thinking=False)] * 2
    outs = generate(loaded, prompts, settings, num_samples=2, logits_processors=[proc])
    assert len(proc.matchers) == 4 and not proc.errors and proc.seconds > 0
    parser = ClaimListParser(extraction_grammar(claim_grammar))
    for i, g in enumerate(outs):
        ids = g.token_ids if g.finish_reason == "stop" else g.token_ids[: proc.accepting[i]]
        text = loaded.tokenizer.decode(list(ids), skip_special_tokens=True)
        assert not text.strip() or parser.accepts(text)


def test_rule_based_first(project_api, extractor):
    from dataclasses import replace

    api = replace(project_api, extract_claims_rule_based=lambda puzzle, step: ["P knows card"])
    assert extract_claims("p", "step", api, extractor) == [ExtractedClaim("P knows card", "rule")]
    api = replace(project_api, extract_claims_rule_based=lambda puzzle, step: [])
    got = extract_claims("P says: not P knows card", "step", api, extractor)
    assert all(c.source == "model" for c in got)



def _reference_forbidden(constraint, tokens, width):
    """Independent reference: a fresh matcher, its bytes bitmask, the usable tokens, the fallback."""
    import llguidance
    import torch

    m = llguidance.LLMatcher(constraint.tokenizer, constraint.grammar, log_level=0)
    for t in tokens:
        assert m.consume_token(t)
    raw = m.compute_bitmask()
    allowed = torch.tensor([(raw[j // 8] >> (j % 8)) & 1 for j in range(min(width, 8 * len(raw)))], dtype=torch.bool)
    allowed = torch.cat([allowed, torch.zeros(width - allowed.shape[0], dtype=torch.bool)])
    usable = torch.zeros(width, dtype=torch.bool)
    n = min(width, constraint.usable.shape[0])
    usable[:n] = constraint.usable[:n]
    both = allowed & usable
    return ~(both if both.any() else allowed)


@pytest.mark.parametrize("hooked", [True, False])
def test_processor_mask_matches_reference(loaded, claim_grammar, hooked):
    """Step the processor by hand (3 rows, different tokens): every mask equals the reference."""
    import torch

    width = loaded.model.config.vocab_size
    constraint = Constraint.from_lark(extraction_grammar(claim_grammar), loaded.tokenizer, width,
                                      loaded.eos_token_ids)
    proc = constraint.processor()
    hook = proc.stopping_hook()
    gen = torch.Generator().manual_seed(0)
    ids = torch.zeros(3, 1, dtype=torch.long)
    history: list[list[int]] = [[], [], []]
    for _ in range(6):
        scores = proc(ids, torch.randn(3, width, generator=gen))
        for i in range(3):
            assert torch.equal(torch.isinf(scores[i]), _reference_forbidden(constraint, history[i], width))
        noise = torch.rand(3, width, generator=gen)
        nxt = torch.where(torch.isinf(scores), -1.0, noise).argmax(dim=1)
        for i in range(3):
            history[i].append(int(nxt[i]))
        ids = torch.cat([ids, nxt[:, None]], dim=1)
        if hooked:
            hook(ids, scores)
    assert not proc.errors and proc.mask_seconds > 0 and proc.start_seconds > 0
    assert (proc.wait_seconds > 0) == hooked


def test_rows_fall_back_to_the_grammar_when_no_usable_token_is_allowed(loaded, claim_grammar):
    """With no usable token at all, every row is masked by the grammar alone (as the reference says)."""
    from dataclasses import replace

    import torch

    width = loaded.model.config.vocab_size
    constraint = Constraint.from_lark(extraction_grammar(claim_grammar), loaded.tokenizer, width,
                                      loaded.eos_token_ids)
    constraint = replace(constraint, usable=torch.zeros_like(constraint.usable))
    scores = constraint.processor()(torch.zeros(2, 1, dtype=torch.long), torch.zeros(2, width))
    expect = _reference_forbidden(constraint, [], width)
    assert expect.any() and not expect.all()
    assert torch.equal(torch.isinf(scores), expect.expand(2, width))
