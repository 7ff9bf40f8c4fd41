"""The commands on maze files: solve, audit (text, JSONL, --html), explain, generate, and bad input."""
import json
from pathlib import Path

from click.testing import CliRunner

from epistemic.cli.main import cli

PUZZLES = Path(__file__).resolve().parents[2] / "puzzles" / "mazes"
SEED = str(PUZZLES / "alphamaze_seed.txt")
ANSWER = "<|right|> <|right|> <|right|> <|up|> <|left|> <|left|> <|up|> <|right|>"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_solve_text_and_json():
    res = run("solve", SEED)
    assert res.exit_code == 0 and "answer: right right right up left left up right (8 moves)" in res.output
    d = json.loads(run("solve", SEED, "--json").output)
    assert d["schema"] == "epistemic.maze.solve/1" and d["answer"][:3] == ["right"] * 3
    assert d["cells"][0] == [3, 1] and d["cells"][-1] == [1, 3] and d["unique"]


def test_bad_maze_is_exit_2_with_location(tmp_path):
    bad = tmp_path / "bad.txt"
    rows = (PUZZLES / "seed_5x5.txt").read_text().replace("<|1-4|><|down_left_right_wall|>", "<|1-4|><|down_right_wall|>")
    bad.write_text(rows)
    res = run("solve", bad)
    assert res.exit_code == 2 and "walls disagree between 1-3 and 1-4" in res.output and "bad.txt:5:" in res.output
    d = json.loads(run("solve", bad, "--json").output)
    assert d["schema"] == "epistemic.error/1" and d["line"] == 5 and d["column"] > 1
    assert run("check", SEED, "x = 1").exit_code == 2


def test_audit_text_html_and_jsonl(tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_text("<|right|> <|up|>")
    html = tmp_path / "audit.html"
    res = run("audit", SEED, reply, "--html", html)
    assert res.exit_code == 0 and "first error: step 1" in res.output and "<svg" in html.read_text()
    res = run("audit", SEED, reply, "--html", html)
    assert res.exit_code == 2 and "not replacing" in res.output
    assert run("audit", SEED, reply, "--html", html, "--force").exit_code == 0
    d = json.loads(run("audit", SEED, reply, "--json").output)
    assert d["schema"] == "epistemic.maze.audit/1" and d["labels"] == [1, -1] and d["label"] == 1
    batch = tmp_path / "replies.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": ANSWER}) + "\n" + json.dumps({"id": 2, "text": "<|left|>"}) + "\n")
    out = tmp_path / "out.jsonl"
    res = run("audit", SEED, batch, "--out", out, "--json")
    assert res.exit_code == 0 and json.loads(res.output)["final_answer_correct"] == 1
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["label"] for r in rows] == [-1, 0]


def test_explain(tmp_path):
    res = run("explain", SEED)
    assert res.exit_code == 0 and res.output.startswith("The origin is at 3-1 and the target is at 1-3.")
    d = json.loads(run("explain", SEED, "--json").output)
    assert d["schema"] == "epistemic.maze.explain/1" and d["self_check"]["all_plus_one"]


def test_generate_jsonl_and_files(tmp_path):
    out = tmp_path / "m.jsonl"
    res = run("generate", "maze", "--count", 5, "--seed", 3, "--knob", "size=4", "--difficulty", "hard", "--out", out)
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 5 and all(r["family"] == "maze" and r["size"] == "4x4" for r in rows)
    assert all(r["metadata"]["difficulty"]["length"] >= 10 for r in rows)
    folder = tmp_path / "mazes"
    assert run("generate", "maze", "--count", 2, "--out", folder).exit_code == 0
    first = sorted(folder.glob("maze-*.txt"))[0]
    assert run("solve", first).exit_code == 0
    d = json.loads(run("generate", "maze", "--count", 2, "--json").output)
    assert d["family"] == "maze" and d["items"][0]["certificate"]["method"] == "bfs"
    res = run("generate", "maze", "--knob", "loops=x")
    assert res.exit_code == 2 and "loops must be" in res.output
    assert run("generate", "maze", "--synth").exit_code == 2
