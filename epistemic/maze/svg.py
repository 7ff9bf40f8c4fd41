"""The maze as a picture: walls, origin and target, the model's path, and its first wrong move marked."""
from __future__ import annotations

import html

from .audit import MazeAudit
from .grid import DELTA, Cell, Maze, wall_names

CELL = 44
PAD = 14


def _xy(cell: Cell) -> tuple[float, float]:
    return PAD + cell.col * CELL + CELL / 2, PAD + cell.row * CELL + CELL / 2


def maze_svg(maze: Maze, path: tuple[Cell, ...] = (), wrong: tuple[Cell, str] | None = None,
             shortest: tuple[Cell, ...] = ()) -> str:
    """An SVG of the maze; `path` (cells) drawn in blue, `shortest` dashed in grey, and `wrong` (the cell
    and direction of the first wrong move) as a red arrow ending in a cross."""
    w, h = PAD * 2 + maze.cols * CELL, PAD * 2 + maze.rows * CELL
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           f'role="img" aria-label="maze {html.escape(maze.name)}">',
           f'<rect x="0" y="0" width="{w}" height="{h}" fill="white"/>']
    for r in range(maze.rows):
        for c in range(maze.cols):
            x, y = PAD + c * CELL, PAD + r * CELL
            out.append(f'<text x="{x + 3}" y="{y + 10}" font-size="8" fill="#bbb">{r}-{c}</text>')
    for cell, colour, letter in ((maze.origin, "#2e8b57", "O"), (maze.target, "#d2691e", "T")):
        x, y = _xy(cell)
        out.append(f'<circle cx="{x}" cy="{y}" r="{CELL * 0.3:.1f}" fill="{colour}" opacity="0.85"/>'
                   f'<text x="{x}" y="{y + 5}" font-size="14" text-anchor="middle" fill="white" '
                   f'font-family="sans-serif">{letter}</text>')
    if len(shortest) > 1:
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in map(_xy, shortest))
        out.append(f'<polyline points="{pts}" fill="none" stroke="#999" stroke-width="2" stroke-dasharray="4 4"/>')
    if len(path) > 1:
        pts = " ".join(f"{x + 3:.1f},{y + 3:.1f}" for x, y in map(_xy, path))
        out.append(f'<polyline points="{pts}" fill="none" stroke="#1f6feb" stroke-width="3" opacity="0.8" '
                   f'stroke-linejoin="round"/>')
    for r in range(maze.rows):
        for c in range(maze.cols):
            x, y = PAD + c * CELL, PAD + r * CELL
            for side in wall_names(maze.walls[r * maze.cols + c]):
                x1, y1, x2, y2 = {"up": (x, y, x + CELL, y), "down": (x, y + CELL, x + CELL, y + CELL),
                                  "left": (x, y, x, y + CELL), "right": (x + CELL, y, x + CELL, y + CELL)}[side]
                out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="black" stroke-width="3" '
                           f'stroke-linecap="round"/>')
    if wrong is not None:
        cell, move = wrong
        x, y = _xy(cell)
        dr, dc = DELTA[move]
        ex, ey = x + dc * CELL * 0.55, y + dr * CELL * 0.55
        out.append(f'<line x1="{x}" y1="{y}" x2="{ex}" y2="{ey}" stroke="#d00" stroke-width="4"/>')
        s = 7
        out.append(f'<path d="M{ex - s},{ey - s} L{ex + s},{ey + s} M{ex - s},{ey + s} L{ex + s},{ey - s}" '
                   f'stroke="#d00" stroke-width="4"/>')
    out.append("</svg>")
    return "\n".join(out)


def audit_svg(audit: MazeAudit) -> str:
    """The audited reply drawn on its maze: the final answer's path, the first wrong move (if a move)."""
    sol = audit.solution
    path = audit.answer.cells if audit.answer else ()
    wrong = None
    if audit.label >= 0 and audit.steps[audit.label].move is not None:
        step = audit.steps[audit.label]
        wrong = (step.at, step.move)
    elif audit.answer is not None and audit.answer.first_illegal >= 0:
        k = audit.answer.first_illegal
        wrong = (audit.answer.cells[k], audit.answer.moves[k])
    return maze_svg(sol.maze, path, wrong, sol.cells)


_COLOURS = {1: "#e6ffed", 0: "#f6f8fa", -1: "#ffeef0"}


def audit_html(audit: MazeAudit) -> str:
    """A self-contained HTML page: the picture, the verdict, and every step with its label."""
    sol = audit.solution
    d = audit.to_dict()
    rows = []
    for k, s in enumerate(audit.steps):
        mark = {1: "✓", 0: "·", -1: "✗"}[s.label]
        rows.append(f'<tr style="background:{_COLOURS[s.label]}"><td>{k}</td><td>{mark}</td><td>{html.escape(s.kind)}'
                    f'</td><td>{html.escape(s.move or "")}</td><td>{s.at}→{s.to}</td><td>{html.escape(s.verdict)}</td>'
                    f'<td>{html.escape(s.text)}</td></tr>')
    answer = " ".join(d["final_answer"]) if d["final_answer"] else "(none found)"
    summary = (f"final answer: {html.escape(answer)} — {'reaches the target' if d['final_answer_correct'] else 'does not reach the target'}"
               f"{' (shortest)' if d['optimal'] else ''}; shortest: {sol.length} moves "
               f"({sol.count} shortest path{'s' if sol.count != 1 else ''}); first error: "
               f"{'step ' + str(d['label']) if d['label'] >= 0 else 'none'}")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>maze audit: " + html.escape(sol.maze.name) +
            "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            "td{padding:2px 8px;border-bottom:1px solid #ddd;font-size:13px}</style></head><body>"
            f"<h1>Maze audit: {html.escape(sol.maze.name)} ({sol.maze.size})</h1>"
            f"{audit_svg(audit)}<p>{summary}</p><p>blue: the answer's path; grey dashes: a shortest path; "
            "red: the first wrong move.</p><table><tr><th>#</th><th></th><th>kind</th><th>move</th><th>cells</th>"
            "<th>verdict</th><th>text</th></tr>" + "".join(rows) + "</table></body></html>\n")
