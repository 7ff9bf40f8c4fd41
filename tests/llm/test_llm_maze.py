"""Mazes through `eval` and `ask` with the tiny local model: scored and audited as mazes, summarised per size."""

import json

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from click.testing import CliRunner  # noqa: E402

from epistemic.cli import llm as llm_cli  # noqa: E402
from epistemic.generate import datasets  # noqa: E402


def test_eval_on_a_maze_dataset_reports_per_size(tiny_model_dir, tmp_path):
    items = datasets.create("maze", 2, 1, rows=3, cols=3) + datasets.create("maze", 1, 2, rows=4, cols=4)
    items[2]["metadata"]["id"] = "maze-2-0"
    data = datasets.export_jsonl(items, tmp_path / "mazes.jsonl")
    out = tmp_path / "o.jsonl"
    args = ["--model", str(tiny_model_dir), "--device", "cpu", "--dataset", str(data), "--out", str(out),
            "--batch-size", "2", "--max-new-tokens", "4", "--seed", "0", "--json"]
    res = CliRunner().invoke(llm_cli.eval_cmd, args)
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)["summary"]
    assert set(summary["by_size"]) == {"3x3", "4x4"} and summary["by_size"]["3x3"]["samples"] == 2
    assert summary["by_size"]["3x3"]["mean_thinking_tokens"] is not None
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["size"] for r in records} == {"3x3", "4x4"}
    for r in records:  # random weights cannot solve a maze: scored 0, audited as a maze
        assert r["audit_error"] is None and r["audit"]["schema"] == "epistemic.maze.audit/1"
        assert r["answer_score"] == 0.0 and r["prompt"].count("MAZE:") == 1


def test_ask_on_a_maze_file(tiny_model_dir):
    from pathlib import Path

    maze = Path(__file__).resolve().parents[2] / "puzzles" / "mazes" / "small_3x3.txt"
    res = CliRunner().invoke(llm_cli.ask, [str(maze), "--model", str(tiny_model_dir), "--device", "cpu",
                                           "--max-new-tokens", "3", "--seed", "0", "--json"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output)
    assert rec["audit"]["schema"] == "epistemic.maze.audit/1" and "You are a helpful assistant that solves mazes" in rec["prompt"]
