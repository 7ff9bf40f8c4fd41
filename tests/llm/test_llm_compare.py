"""`eval compare`: figures computed by hand on small synthetic runs, the table, the picture, the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from epistemic.llm.compare import compare_runs, comparison_table, load_run, plot_comparison
from epistemic.llm.errors import LLMError


def _rec(i, correct, first_error, think, finish="stop", difficulty=None, steps=4):
    return {"schema": "epistemic.llm.trace/1", "id": str(i), "sample": 0, "correct": correct,
            "first_error": first_error, "tokens": {"prompt": 10, "thinking": think, "answer": 5},
            "finish_reason": finish, "difficulty": difficulty or {"agents": 2, "depth": 1 + i % 2},
            "audit": {"steps": ["s"] * steps, "labels": [1] * steps, "label": first_error}}


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


@pytest.fixture()
def two_runs(tmp_path):
    full = [_rec(0, True, -1, 100), _rec(1, True, 2, 200), _rec(2, False, 1, 300, "length"), _rec(3, True, -1, 400)]
    quant = [_rec(0, True, 0, 500), _rec(1, False, 3, 600, "length"), _rec(2, False, -1, 700, "length"),
             _rec(3, False, None, 800)]
    return _write(tmp_path / "full.jsonl", full), _write(tmp_path / "q4.jsonl", quant)


def test_figures_by_hand(two_runs):
    c = compare_runs([load_run(p) for p in two_runs])
    full, q4 = c["runs"]
    assert (full["name"], full["samples"], full["accuracy"], full["truncated_rate"]) == ("full", 4, 0.75, 0.25)
    assert full["right_answer_wrong_reasoning"] == round(1 / 3, 4)  # of 3 correct, one has a wrong step
    assert full["thinking_tokens"]["median"] == 250 and full["thinking_tokens"]["mean"] == 250
    assert full["first_error"] == {"by_step": {"1": 1, "2": 1}, "mean_relative": round((2 / 4 + 1 / 4) / 2, 3)}
    assert q4["accuracy"] == 0.25 and q4["right_answer_wrong_reasoning"] == 1.0 and q4["truncated_rate"] == 0.5
    assert q4["thinking_tokens"]["median"] == 650
    # ids 0, 2 are depth 1; ids 1, 3 depth 2 — keyed by a label, not by a dict's str()
    assert full["accuracy_by_difficulty"] == {"agents=2,depth=1": 0.5, "agents=2,depth=2": 1.0}
    assert q4["accuracy_by_difficulty"] == {"agents=2,depth=1": 0.5, "agents=2,depth=2": 0.0}
    table = comparison_table(c)
    assert "full" in table and "agents=2,depth=2" in table and "0.750" in table


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_picture(two_runs, tmp_path, suffix):
    pytest.importorskip("matplotlib")
    runs = [load_run(p) for p in two_runs]
    out = plot_comparison(runs, compare_runs(runs), tmp_path / f"cmp{suffix}")
    head = out.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in out.read_bytes()[:2000]
    with pytest.raises(LLMError, match="exists"):
        plot_comparison(runs, compare_runs(runs), out)
    with pytest.raises(LLMError, match=".png or .svg"):
        plot_comparison(runs, compare_runs(runs), tmp_path / "cmp.pdf")


def test_bad_runs(tmp_path):
    with pytest.raises(LLMError, match="does not exist"):
        load_run(tmp_path / "none.jsonl")
    with pytest.raises(LLMError, match="no trace records"):
        load_run(_write(tmp_path / "empty.jsonl", [{"x": 1}]))


def test_cli(two_runs, tmp_path):
    from epistemic.cli.llm import eval_cmd

    res = CliRunner().invoke(eval_cmd, ["compare", *map(str, two_runs), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["schema"] == "epistemic.llm.compare/1" and [r["name"] for r in data["runs"]] == ["full", "q4"]
    res = CliRunner().invoke(eval_cmd, ["compare", str(tmp_path / "none.jsonl"), "--json"])
    err = json.loads(res.output)
    assert res.exit_code == 2 and err["schema"] == "epistemic.error/1" and "does not exist" in err["error"]
    res = CliRunner().invoke(eval_cmd, [])
    assert res.exit_code == 2 and "--model and --dataset" in res.output
