"""The runner against the real package: real puzzle, prompt, audit, scoring and grammar."""

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")


@pytest.fixture(scope="module")
def real_api():
    from epistemic.llm.project import default_api

    try:
        return default_api()
    except ImportError as exc:  # pragma: no cover - only while the package is incomplete
        pytest.skip(f"package not complete yet: {exc}")


def test_ask_with_real_audit(loaded, real_api, card16, force_tokens):
    from epistemic.llm.generation import generate
    from epistemic.llm.prompting import puzzle_prompt
    from epistemic.llm.records import audit_fields
    from epistemic.llm.runner import ask
    from epistemic.llm.settings import Overrides, resolve

    rec = ask(loaded, card16, Overrides(seed=0, max_new_tokens=8), api=real_api)  # random text: never raises
    assert "16 playing cards" in rec["prompt"] and (rec["audit"] is not None or rec["audit_error"])

    tok = loaded.tokenizer
    text = "<think>P does not know the card.</think>It is diamonds 5."
    force = force_tokens(tok.encode(text, add_special_tokens=False), tok.convert_tokens_to_ids("<|im_end|>"))
    gen = generate(loaded, [puzzle_prompt(tok, rec["prompt"], use_template=False)],
                   resolve(loaded.generation_config, Overrides(max_new_tokens=60)), logits_processors=[force])[0]
    puzzle = real_api.load_puzzle(card16)
    got = audit_fields(puzzle, gen, real_api, real_api.audit_context(puzzle))
    assert got["audit_error"] is None and got["answer_score"] == 1.0 and got["correct"] is True
    assert {"steps", "labels", "label", "final_answer_correct", "claims"} <= set(got["audit"])


def test_reward_with_real_scoring(real_api, card16):
    from epistemic.llm.rewards import make_reward

    reward = make_reward(answer_weight=1.0, process_weight=0.5, api=real_api)
    good = "P does not know the card.\n\nSo the card is the 5 of diamonds."
    scores = reward(prompts=["q", "q"], completions=[good, "hearts A"], puzzle=[card16, card16])
    assert scores[0] >= 1.0 > scores[1] >= 0.0


def test_rule_based_claims_before_model(real_api, card16):
    from epistemic.llm.extract import extract_claims

    puzzle = real_api.load_puzzle(card16)
    claims = extract_claims(puzzle, "P does not know the card.", real_api, extractor=None)
    assert claims and claims[0].source == "rule" and claims[0].text == "P does not know the card."


def test_model_claims_parse_in_project_language(loaded, real_api, card16):
    from epistemic.llm.extract import ModelClaimExtractor
    from epistemic.llm.settings import Overrides, resolve

    puzzle = real_api.load_puzzle(card16)
    ex = ModelClaimExtractor.build(loaded, real_api.grammar_text(), max_new_tokens=16,
                                   parse_claim=real_api.parse_claim)
    for seed in range(3):
        sampled = ex.with_settings(resolve(loaded.generation_config, Overrides(seed=seed, max_new_tokens=16)))
        for claim in sampled(puzzle, "Q knew that P did not know."):
            assert claim.parsed is not None  # grammatical AND elaborated against this puzzle
