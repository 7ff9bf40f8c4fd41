"""Batched, resumable evaluation and its summary."""

import json

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from epistemic.llm.evaluate import EvalConfig, read_records, run_eval, summarize  # noqa: E402
from epistemic.llm.settings import Overrides  # noqa: E402


@pytest.fixture()
def dataset(tmp_path, card16):
    rows = [{"id": f"p{i}", "puzzle": card16, "family": fam, "difficulty": d}
            for i, (fam, d) in enumerate([("cards", 1), ("cards", 2), ("cheryl", 1)])]
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_eval_batches_resumes_and_summarises(loaded, project_api, dataset, tmp_path):
    out = tmp_path / "out.jsonl"
    config = EvalConfig(batch_size=2, num_samples=2, overrides=Overrides(seed=0, max_new_tokens=6))
    calls = []
    summary = run_eval(loaded, dataset, out, config, api=project_api, progress=lambda d, t: calls.append((d, t)))
    records = read_records(out)
    assert len(records) == 6 and {(r["id"], r["sample"]) for r in records} == {
        (f"p{i}", s) for i in range(3) for s in range(2)}
    assert calls[0] == (0, 6) and calls[-1] == (6, 6)
    r = records[0]
    assert r["schema"] == "epistemic.llm.trace/1" and r["tokens"]["thinking"] + r["tokens"]["answer"] <= 6
    assert summary["overall"]["samples"] == 6 and set(summary["by_family"]) == {"cards", "cheryl"}
    assert set(summary["by_difficulty"]) == {"1", "2"}

    # Resume: nothing left to do; then an interruption mid-line loses only the torn record.
    assert run_eval(loaded, dataset, out, config, api=project_api)["overall"]["samples"] == 6
    raw = out.read_bytes()
    out.write_bytes(raw[: raw.rfind(b"\n", 0, len(raw) - 1) + 1] + b'{"id": "p2", "sam')
    calls.clear()
    run_eval(loaded, dataset, out, config, api=project_api, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (5, 6) and len(read_records(out)) == 6


def test_summary_first_error_rate():
    def rec(fam, correct, first_error, think):
        return {"id": fam + str(think), "family": fam, "difficulty": 1, "correct": correct, "answer_score": float(correct),
                "first_error": first_error, "tokens": {"thinking": think, "answer": 1}, "finish_reason": "stop"}

    s = summarize([rec("a", True, -1, 10), rec("a", True, 2, 20), rec("a", False, 0, 30), rec("b", True, -1, 40)])
    assert s["overall"]["accuracy"] == 0.75
    assert s["overall"]["first_error_rate_among_correct"] == round(1 / 3, 4)
    assert s["overall"]["mean_thinking_tokens"] == 25.0
    assert s["by_family"]["a"]["first_error_rate_among_correct"] == 0.5


def test_each_record_keeps_its_batch_seed_and_difficulty_labels(loaded, project_api, tmp_path, card16):
    rows = [{"id": f"p{i}", "puzzle": card16, "family": "cards", "difficulty": {"depth": i, "agents": 2}}
            for i in range(3)]
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "o.jsonl"
    summary = run_eval(loaded, data, out, EvalConfig(batch_size=1, overrides=Overrides(seed=7, max_new_tokens=3)),
                       api=project_api)
    seeds = {r["id"]: r["settings"]["seed"] for r in read_records(out)}
    assert seeds == {"p0": 7, "p1": 1007, "p2": 2007}  # seed + 1000 × the batch's first item index
    assert sorted(summary["by_difficulty"]) == ["agents=2,depth=0", "agents=2,depth=1", "agents=2,depth=2"]
    assert "cards/agents=2,depth=1" in summary["by_family_difficulty"]
