"""What the commands do with maze files: exit codes, JSON shapes, explain's self-check."""
from pathlib import Path

from epistemic.maze.run import audit_command, explain_command, report, solve_command

PUZZLES = Path(__file__).resolve().parents[2] / "puzzles" / "mazes"
SEED = (PUZZLES / "seed_5x5.txt").read_text(encoding="utf-8")


def test_solve_exit_codes():
    out, code = solve_command(SEED, "seed_5x5.txt", True)
    assert code == 0 and out["answer"] == ["right", "right", "right", "up", "left", "left", "up", "right"]
    assert out["expected"] == {"answer": out["answer"], "answer_ok": True}
    wrong = SEED.replace("# expect: right right right up left left up right", "# expect: right right up")
    out, code = solve_command(wrong, "x.txt", False)
    assert code == 1 and "✗" in out
    closed = SEED.replace("<|1-2|><|up_left_wall|>", "<|1-2|><|up_left_right_wall|>").replace(
        "<|1-3|><|down_right_wall|>", "<|1-3|><|down_left_right_wall|>").replace("# expect:", "# old:")
    out, code = solve_command(closed, "x.txt", True)
    assert code == 1 and out["reachable"] is False and out["answer"] is None


def test_audit_and_explain():
    a = audit_command(SEED, "seed_5x5.txt", "<|right|> <|up|>")
    assert a.label == 1 and "first error: step 1" in report(a)
    d = explain_command(SEED, "seed_5x5.txt", True)
    assert d["self_check"]["all_plus_one"] and d["self_check"]["final_answer_correct"]
    assert explain_command(SEED, "seed_5x5.txt", False).endswith("<|up|> <|right|>\n")


def test_batch_audit_lines():
    import json

    from epistemic.maze.batch import audit_lines, summarize
    from epistemic.maze.parse import read_maze
    from epistemic.maze.solve import solve_maze

    sol = solve_maze(read_maze(SEED).maze)
    other = (PUZZLES / "small_3x3.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": "a", "response": "<|right|> <|right|> <|right|> <|up|> <|left|> <|left|> <|up|> <|right|>"}),
             json.dumps({"id": "b", "text": "<|up|> <|up|> <|up|>", "label": 2}),
             json.dumps({"id": "c", "maze": other, "text": "down left up up right right down"}),
             "not json", json.dumps({"id": "d", "maze": "puzzles/mazes/small_3x3.txt", "text": "left"})]
    results = list(audit_lines(lines, sol))
    assert [r.get("label") for r in results[:3]] == [-1, 2, -1]
    assert results[2]["final_answer_correct"] and results[2]["maze"] == "small 3x3"
    assert "not JSON" in results[3]["error"]
    assert results[4]["label"] == 0  # a path is not maze text: the record cannot choose a file; MAZE is used
    s = summarize(results)
    assert (s["replies"], s["errors"], s["final_answer_correct"], s["gold_label_agreement"]) == (5, 1, 2, 1.0)
    assert list(audit_lines(lines[:1], None))[0]["error"].startswith("line 1: no maze")
