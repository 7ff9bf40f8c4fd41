"""Text reports and the reference explanation: explain's trace audits clean on every maze."""
from pathlib import Path

from hypothesis import given, settings, strategies as st

from epistemic.maze.audit import audit_text
from epistemic.maze.generate import generate_mazes
from epistemic.maze.parse import read_maze
from epistemic.maze.report import audit_text_report, drawing, explain_maze, solution_text
from epistemic.maze.solve import solve_maze

PUZZLES = Path(__file__).resolve().parents[2] / "puzzles" / "mazes"


def test_explain_audits_clean_on_every_puzzle():
    for path in sorted(PUZZLES.glob("*.txt")):
        sol = solve_maze(read_maze(path.read_text(encoding="utf-8")).maze)
        a = audit_text(sol, explain_maze(sol))
        assert a.label == -1 and a.final_answer_correct and a.answer.optimal, path
        assert sum(s.kind == "move" for s in a.steps) == sol.length


@settings(max_examples=40, deadline=None)
@given(size=st.integers(2, 7), loops=st.integers(0, 6), seed=st.integers(0, 10**6))
def test_explain_audits_clean_on_random_mazes(size, loops, seed):
    sol = generate_mazes(1, seed, {"size": size, "loops": loops, "unique": 0})[0][0].solution
    a = audit_text(sol, explain_maze(sol))
    assert a.label == -1 and a.answer.optimal and set(a.labels) == {1}


def test_solution_text_and_drawing():
    sol = solve_maze(read_maze((PUZZLES / "alphamaze_seed.txt").read_text(encoding="utf-8"), "seed").maze)
    text = solution_text(sol, ("right",) * 8)
    assert "answer: right right right up left left up right (8 moves)" in text
    assert "shortest path: unique" in text and "✗" in text
    pic = drawing(sol.maze, sol.cells)
    assert pic.count("\n") == 10 and pic.count("O") == 1 and pic.count("T") == 1 and pic.count("*") == 7


def test_audit_report_names_the_first_error():
    sol = solve_maze(read_maze((PUZZLES / "alphamaze_seed.txt").read_text(encoding="utf-8"), "seed").maze)
    report = audit_text_report(audit_text(sol, "<|right|> <|right|> <|up|>"))
    assert "first error: step 2 (wall, up from 3-3)" in report and "move 2 is blocked" in report
