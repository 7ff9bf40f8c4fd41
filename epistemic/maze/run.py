"""What the commands do with a maze file (the CLI only reads files, prints and exits): each function
takes the file's text and returns what to print, as text or a JSON-ready dict, and the exit code."""
from __future__ import annotations

from .audit import MazeAudit, audit_text
from .parse import MazeFile, read_maze
from .report import audit_text_report, explain_maze, solution_text
from .solve import MazeSolution, expected_ok, solve_maze


def solve_command(text: str, file: str, as_json: bool) -> tuple[str | dict, int]:
    """`solve MAZE`: exit 1 when the target is unreachable or `# expect:` is not a shortest path."""
    mf = read_maze(text, file)
    sol = solve_maze(mf.maze)
    failed = not sol.reachable or (mf.expected is not None and not expected_ok(sol, mf.expected))
    out = sol.to_dict(mf.expected, file) if as_json else solution_text(sol, mf.expected)
    return out, 1 if failed else 0


def audit_command(text: str, file: str, reply: str, reply_file: str | None = None) -> MazeAudit:
    """`audit MAZE REPLY`: the audit (its `to_dict()` for --json; `report(audit)` for text)."""
    mf = read_maze(text, file)
    a = audit_text(solve_maze(mf.maze), reply, reply_file)
    return a


def report(a: MazeAudit) -> str:
    return audit_text_report(a)


def explain_command(text: str, file: str, as_json: bool) -> str | dict:
    """`explain MAZE`: a correct reference trace; under --json with the auditor's self-check."""
    mf: MazeFile = read_maze(text, file)
    sol: MazeSolution = solve_maze(mf.maze)
    trace = explain_maze(sol)
    if not as_json:
        return trace
    a = audit_text(sol, trace)
    return {"schema": "epistemic.maze.explain/1", "maze": sol.maze.name, "file": file, "text": trace,
            "answer": list(sol.moves) if sol.reachable else None,
            "self_check": {"labels": a.labels, "all_plus_one": all(x == 1 for x in a.labels),
                           "final_answer_correct": a.final_answer_correct}}
