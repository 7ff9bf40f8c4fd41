"""Read a maze in the AlphaMaze token format: the maze lines alone, or the whole prompt (rows after `MAZE:`).

Every cell is `<|r-c|>`, one wall token and one marker (`<|blank|>`, `<|origin|>`, `<|target|>`).
Lines starting with `#` are comments; `# expect: right up ...` states the expected shortest answer and
`# title: ...` names the maze. Errors carry file:line:col and say what was expected.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import EpistemicError, Location, TooLarge
from .grid import BIT, MAX_CELLS, Cell, Grid, Maze
from .tokens import TOKEN, WALL_EXAMPLES, Token, classify

_DETECT = re.compile(r"<\|\d+-\d+\|>\s*<\|[a-z_]*wall\|>")
_MOVE_WORD = re.compile(r"<\|(up|down|left|right)\|>|\b(up|down|left|right)\b", re.I)
VOCABULARY = ("coordinates <|r-c|>, walls " + WALL_EXAMPLES + ", markers <|blank|>, <|origin|>, <|target|>")


@dataclass(frozen=True)
class MazeFile:
    """A parsed maze file: the maze, the prompt text before `MAZE:` (if the file is a whole prompt),
    and the answer the file expects (`# expect:`), if any."""

    maze: Maze
    file: str
    header: str | None = None
    expected: tuple[str, ...] | None = None


def is_maze_text(text: str) -> bool:
    """Does the text hold an AlphaMaze grid (a coordinate token followed by a wall token)?"""
    return _DETECT.search(text) is not None


def parse_maze(text: str, file: str = "<text>") -> Maze:
    """The maze of a text in the token format (see `read_maze` for the file with its header)."""
    return read_maze(text, file).maze


@dataclass(frozen=True)
class _Placed:
    """A cell as read: its coordinate token, wall token and marker token."""

    coord: Token
    wall: Token
    marker: Token


def read_maze(text: str, file: str = "<text>") -> MazeFile:
    """Parse the whole file: header, comments, rows; check the grid, markers and walls."""
    lines = text.splitlines()
    start, header = 0, None
    for n, line in enumerate(lines):
        if line.strip().upper() == "MAZE:":
            start, header = n + 1, "\n".join(lines[: n + 1])
            break
    title, expected = "", None
    placed: list[_Placed] = []
    ended_at = None  # the line (0-based) where the rows ended, once they have
    for n in range(start, len(lines)):
        line = lines[n]
        stripped = line.strip()
        if not stripped:
            if placed and ended_at is None:
                ended_at = n
            continue
        if stripped.startswith("#"):
            key, _, value = stripped[1:].strip().partition(":")
            if key.strip().lower() == "expect":
                expected = _expected_moves(value, file, n + 1, line)
            elif key.strip().lower() == "title":
                title = value.strip()
            continue
        if not stripped.startswith("<|"):
            if header is not None and placed:  # prose after the maze of a whole prompt ends the maze
                ended_at = n if ended_at is None else ended_at
                continue
            col = len(line) - len(line.lstrip()) + 1
            raise EpistemicError(f"expected a maze row (cells like <|0-0|><|up_left_wall|><|blank|>), found {stripped[:30]!r}",
                                 _loc(file, n + 1, col, line),
                                 "a maze file holds the rows alone, or a whole AlphaMaze prompt with the rows after 'MAZE:'")
        if ended_at is not None:
            raise EpistemicError("maze rows must be contiguous: this row comes after the maze ended",
                                 _loc(file, n + 1, 1, line), f"the maze ended at line {ended_at + 1}; remove the gap")
        placed.extend(_cells_of_line(_lex(line, n + 1, file), file, lines))
    if not placed:
        where = _loc(file, max(len(lines), 1), 1, lines[-1] if lines else "")
        raise EpistemicError("no maze rows found", where,
                             "write rows of cells like <|0-0|><|up_left_wall|><|blank|>, one row per line")
    maze = _build(placed, file, lines, title or Path(file).stem)
    return MazeFile(maze, file, header, expected)


def _loc(file: str, line: int, col: int, source: str) -> Location:
    return Location(file, line, col, source)


def _expected_moves(value: str, file: str, line_no: int, line: str) -> tuple[str, ...]:
    moves = tuple((m.group(1) or m.group(2)).lower() for m in _MOVE_WORD.finditer(value))
    rest = _MOVE_WORD.sub(" ", value).replace(",", " ").strip()
    if rest or not moves:
        raise EpistemicError(f"'# expect:' takes moves (up, down, left, right or <|up|> ...), found {value.strip()!r}",
                             _loc(file, line_no, line.find(":") + 2, line), "e.g. # expect: right right up left")
    return moves


def _lex(line: str, line_no: int, file: str) -> list[Token]:
    """The tokens of one row line; anything between tokens other than spaces is an error."""
    out, pos = [], 0
    for m in TOKEN.finditer(line):
        _gap(line, pos, m.start(), line_no, file)
        out.append(classify(m.group(1), line_no, m.start() + 1))
        pos = m.end()
    _gap(line, pos, len(line), line_no, file)
    return out


def _gap(line: str, a: int, b: int, line_no: int, file: str) -> None:
    gap = line[a:b]
    if gap.strip():
        col = a + len(gap) - len(gap.lstrip()) + 1
        raise EpistemicError(f"expected a token <|...|>, found {gap.strip()[:30]!r}", _loc(file, line_no, col, line),
                             "maze rows hold only tokens: " + VOCABULARY)


def _cells_of_line(tokens: list[Token], file: str, lines: list[str]) -> list[_Placed]:
    """Group a line's tokens into cells (coordinate, wall, marker), with a located error otherwise."""
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        _known(t, file, lines)
        if t.kind != "coord":
            raise _error(t, file, lines, f"expected a coordinate <|r-c|> to start a cell, found <|{t.text}|>",
                         "each cell is <|r-c|>, a wall token, then <|blank|>, <|origin|> or <|target|>")
        _expect(tokens, i + 1, "wall", t, file, lines, f"expected a wall token after <|{t.text}|>",
                "walls are " + WALL_EXAMPLES)
        wall = tokens[i + 1]
        if wall.repeated:
            raise _error(wall, file, lines, f"<|{wall.text}|> names the {wall.repeated} wall twice",
                         "name each side once, in the order up, down, left, right")
        _expect(tokens, i + 2, "marker", wall, file, lines,
                f"expected <|blank|>, <|origin|> or <|target|> after the walls of cell {t.text}",
                "every cell ends with one marker token")
        out.append(_Placed(t, wall, tokens[i + 2]))
        i += 3
    return out


def _expect(tokens: list[Token], at: int, kind: str, before: Token, file: str, lines: list[str], expected: str,
            hint: str) -> None:
    """Token `at` must be of `kind`; else an error at it (or just past `before` at the end of the line)."""
    if at < len(tokens) and tokens[at].kind == kind:
        return
    after = tokens[at] if at < len(tokens) else None
    if after is not None:
        _known(after, file, lines)
    found = f"<|{after.text}|>" if after else "the end of the line"
    raise _error(after or before, file, lines, f"{expected}, found {found}", hint, end=after is None)


def _known(t: Token, file: str, lines: list[str]) -> None:
    if t.kind == "unknown":
        raise _error(t, file, lines, f"unknown token <|{t.text}|>", "maze tokens are " + VOCABULARY)


def _error(t: Token, file: str, lines: list[str], message: str, hint: str, end: bool = False) -> EpistemicError:
    source = lines[t.line - 1]
    col = t.col
    if end:  # point just past the token
        m = TOKEN.match(source, t.col - 1)
        col = (m.end() if m else t.col) + 1
    return EpistemicError(message, _loc(file, t.line, col, source), hint)


def _build(placed: list[_Placed], file: str, lines: list[str], title: str) -> Maze:
    """Check coordinates, markers and walls, and build the maze."""
    rows = 1 + max(p.coord.row for p in placed)
    cols = 1 + max(p.coord.column for p in placed)
    if rows * cols > MAX_CELLS:
        raise TooLarge(f"a {rows}x{cols} maze has {rows * cols:,} cells; mazes are limited to {MAX_CELLS:,}",
                       _loc(file, placed[-1].coord.line, placed[-1].coord.col, lines[placed[-1].coord.line - 1]),
                       "use a smaller maze")
    by_cell: dict[Cell, _Placed] = {}
    markers: dict[str, _Placed] = {}
    for p in placed:
        cell = Cell(p.coord.row, p.coord.column)
        if cell in by_cell:
            first = by_cell[cell].coord
            raise _error(p.coord, file, lines, f"cell {cell} appears twice (first at line {first.line}, column {first.col})",
                         "each coordinate <|r-c|> names one cell")
        by_cell[cell] = p
        m = p.marker.text
        if m in ("origin", "target"):
            if m in markers:
                first = markers[m]
                raise _error(p.marker, file, lines, f"a second <|{m}|> in cell {cell}; the first is in cell "
                             f"{first.coord.text} (line {first.coord.line})", f"a maze has exactly one {m}")
            markers[m] = p
    _check_shape(by_cell, rows, file, lines)
    for m in ("origin", "target"):
        if m not in markers:
            last = placed[-1].marker
            raise _error(last, file, lines, f"no <|{m}|> in the maze", f"mark one cell's last token <|{m}|>", end=True)
    walls = [0] * (rows * cols)
    for cell, p in by_cell.items():
        walls[cell.row * cols + cell.col] = p.wall.mask
    _check_walls(by_cell, walls, rows, cols, file, lines)
    origin = Cell(markers["origin"].coord.row, markers["origin"].coord.column)
    target = Cell(markers["target"].coord.row, markers["target"].coord.column)
    return Maze(Grid(rows, cols, tuple(walls)), origin, target, title)


def _check_shape(by_cell: dict[Cell, _Placed], rows: int, file: str, lines: list[str]) -> None:
    """Every row runs 0..w-1 without gaps (else a cell is missing) and all rows have the same width."""
    widths: dict[int, int] = {}
    for r in range(rows):
        cols_here = sorted(c.col for c in by_cell if c.row == r)
        if not cols_here:
            nxt = min((p.coord for c, p in by_cell.items() if c.row > r), key=lambda t: (t.line, t.col))
            raise _error(nxt, file, lines, f"row {r} is missing (no cell {r}-0 ... before row {r + 1})",
                         "write every row of the grid, numbered from 0")
        for expect, got in enumerate(cols_here):
            if got != expect:
                after = by_cell[Cell(r, got)].coord
                raise _error(after, file, lines, f"cell {r}-{expect} is missing (row {r} jumps from "
                             f"{'the start' if expect == 0 else f'{r}-{expect - 1}'} to {r}-{got})",
                             "every row needs cells numbered from 0 without gaps")
        widths[r] = len(cols_here)
    reference = widths[0]
    for r in range(1, rows):
        if widths[r] != reference:
            last = by_cell[Cell(r, widths[r] - 1)].marker
            raise _error(last, file, lines, f"the grid is not rectangular: row {r} has {widths[r]} cells, row 0 has "
                         f"{reference}", "every row needs the same number of cells", end=True)


def _check_walls(by_cell: dict[Cell, _Placed], walls: list[int], rows: int, cols: int, file: str,
                 lines: list[str]) -> None:
    """A wall between two neighbours must be written on both sides (or on neither)."""
    for r in range(rows):
        for c in range(cols):
            w = walls[r * cols + c]
            pairs = []
            if c + 1 < cols:
                pairs.append((Cell(r, c + 1), "right", "left"))
            if r + 1 < rows:
                pairs.append((Cell(r + 1, c), "down", "up"))
            for other, side, back in pairs:
                mine = bool(w & BIT[side])
                theirs = bool(walls[other.row * cols + other.col] & BIT[back])
                if mine != theirs:
                    here = Cell(r, c)
                    a = f"{here} has {'a' if mine else 'no'} {side} wall"
                    b = f"{other} has {'a' if theirs else 'no'} {back} wall"
                    second = by_cell[max(here, other, key=lambda x: (by_cell[x].wall.line, by_cell[x].wall.col))]
                    raise _error(second.wall, file, lines, f"walls disagree between {here} and {other}: {a} but {b}",
                                 "a wall between two cells is written on both of them (or on neither)")


def moves_in(text: str) -> tuple[str, ...]:
    """The move names of `MOVES` written as tokens or words in a text, in order."""
    return tuple((m.group(1) or m.group(2)).lower() for m in _MOVE_WORD.finditer(text))

