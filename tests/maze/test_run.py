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
