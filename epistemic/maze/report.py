"""Text reports for the command line: the solved maze (with a drawing), the audit, the reference solution."""
from __future__ import annotations

from .audit import MazeAudit
from .grid import BIT, Cell, Maze
from .solve import MazeSolution, difficulty, expected_ok


def drawing(maze: Maze, path: tuple[Cell, ...] = ()) -> str:
    """The maze in ASCII: `+---+` walls, O the origin, T the target, * the path's cells."""
    on_path = set(path)
    lines = []
    for r in range(maze.rows):
        top, mid = ["+"], ["|"]  # the grid's edge always blocks
        for c in range(maze.cols):
            w = maze.walls[r * maze.cols + c]
            top.append("---+" if (w & BIT["up"] or r == 0) else "   +")
            cell = Cell(r, c)
            mark = "O" if cell == maze.origin else "T" if cell == maze.target else "*" if cell in on_path else " "
            right = c == maze.cols - 1 or w & BIT["right"]
            mid.append(f" {mark} " + ("|" if right else " "))
        lines.append("".join(top))
        lines.append("".join(mid))
    lines.append("+" + "---+" * maze.cols)
    return "\n".join(lines)


def solution_text(sol: MazeSolution, expected: tuple[str, ...] | None = None) -> str:
    m = sol.maze
    out = [f"{m.name} — {m.size} maze, origin {m.origin}, target {m.target}", drawing(m, sol.cells)]
    if not sol.reachable:
        out.append(f"no path: the target cannot be reached from the origin ({sol.reachable_cells} of "
                   f"{m.rows * m.cols} cells reachable)")
    else:
        out.append(f"answer: {' '.join(sol.moves)} ({sol.length} move{'' if sol.length == 1 else 's'})")
        out.append("tokens: " + " ".join(f"<|{x}|>" for x in sol.moves))
        out.append(f"cells:  {' '.join(str(c) for c in sol.cells)}")
        shortest = "unique" if sol.unique else f"{sol.count:,} shortest paths"
        out.append(f"shortest path: {shortest}; reachable cells: {sol.reachable_cells} of {m.rows * m.cols}")
        d = difficulty(sol)
        out.append(f"difficulty: length {d['length']}, turns {d['turns']}, dead ends {d['dead_ends']}, "
                   f"decisions {d['decisions']}")
    if expected is not None:
        ok = expected_ok(sol, expected)
        out.append(f"expected: {' '.join(expected)} {'✓' if ok else '✗ (not a shortest path of this maze)'}")
    return "\n".join(out)


def audit_text_report(a: MazeAudit) -> str:
    sol = a.solution
    out = [f"{sol.maze.name} — {sol.maze.size} maze; reply read as {a.form}; {len(a.steps)} steps"]
    mark = {1: " 1", 0: " 0", -1: "-1"}
    for k, s in enumerate(a.steps):
        where = f"{s.at}→{s.to}" if s.kind in ("move", "position") else f"at {s.at}"
        what = s.move or (str(s.stated) if s.stated else "")
        out.append(f"[{mark[s.label]}] step {k}: {s.kind} {what} {where} {s.verdict}" +
                   (f" — {s.text!r}" if a.form == "trace" else ""))
    if a.label >= 0:
        s = a.steps[a.label]
        out.append(f"first error: step {a.label} ({s.verdict}{', ' + s.move + ' from ' + str(s.at) if s.move else ''})")
    else:
        out.append("first error: none")
    if a.answer is None:
        out.append("final answer: none found")
    else:
        ans = a.answer
        verdict = ("reaches the target" if ans.reaches_target else
                   f"move {ans.first_illegal} is blocked" if ans.first_illegal >= 0 else f"ends at {ans.ends_at}, not the target")
        opt = ""
        if ans.reaches_target:
            opt = " — shortest" if ans.optimal else f" — {len(ans.moves) - (sol.length or 0)} moves longer than the shortest"
        out.append(f"final answer: {' '.join(ans.moves)} ({len(ans.moves)} moves) — {verdict}{opt}")
    if sol.reachable:
        out.append(f"shortest: {' '.join(sol.moves)} ({sol.length} moves)")
    return "\n".join(out)


def explain_maze(sol: MazeSolution) -> str:
    """A correct reference trace in words, in the form the auditor reads: where the ends are, each move
    with the cell it reaches, why the other open ways at a junction are not taken, and the answer."""
    m = sol.maze
    out = [f"The origin is at {m.origin} and the target is at {m.target}."]
    if not sol.reachable:
        out.append(f"The target cannot be reached: only {sol.reachable_cells} cells are reachable from the origin.")
        return "\n".join(out) + "\n"
    dist = sol.to_target
    for k, (move, here, there) in enumerate(zip(sol.moves, sol.cells, sol.cells[1:])):
        i = m.index(here)
        others = [name for name, j in m.open_moves[i] if name != move and (k == 0 or m.cells[j] != sol.cells[k - 1])]
        if others:
            why = []
            for name in others:
                j = m.exits[i][name]
                why.append(f"{name} leads to {m.cells[j]}, {'which cannot reach the target' if dist[j] < 0 else f'{dist[j]} moves from the target'}")
            out.append(f"At {here} ({dist[i]} moves from the target): " + "; ".join(why) + ".")
        out.append(f"Move {move} to {there}.")
    out.append(f"The target {m.target} is reached in {sol.length} moves.")
    out.append("")
    out.append(" ".join(f"<|{x}|>" for x in sol.moves))
    return "\n".join(out) + "\n"

