"""Generate mazes by seed and size: perfect mazes (a randomised depth-first spanning tree) or mazes with
loops (extra walls knocked down), with the origin and target placed for a wanted path length and, on
request, a unique shortest path. Item i depends only on (knobs, seed, i); duplicates within a run are
skipped and the skip recorded, so any item can be regenerated alone.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..errors import EpistemicError, TooLarge
from .grid import DOWN, LEFT, MAX_CELLS, RIGHT, UP, Grid, Maze
from .prompt import render_prompt
from .solve import MazeSolution, difficulty, distances_to, solve_maze

SCHEMA = "epistemic.generated/2"
FAMILY = "maze"
DEFAULTS: dict[str, Any] = {"rows": 5, "cols": 5, "loops": 0, "unique": 1, "length": None}
# Difficulty = how long the shortest path is, as a share of the cells: easy < 30 %, medium 30-60 %, hard >= 60 %.
PRESETS: dict[str, tuple[float, float]] = {"easy": (0.0, 0.3), "medium": (0.3, 0.6), "hard": (0.6, 10.0)}
MAX_TRIES = 2_000


@dataclass(frozen=True)
class MazeKnobs:
    """Resolved generation knobs."""

    rows: int = 5
    cols: int = 5
    loops: int = 0
    unique: bool = True
    min_length: int = 1
    max_length: int = MAX_CELLS

    def text(self) -> str:
        """A stable spelling (part of every item's random stream)."""
        return (f"rows={self.rows} cols={self.cols} loops={self.loops} unique={int(self.unique)} "
                f"length={self.min_length}..{self.max_length}")

    def to_dict(self) -> dict:
        return {"rows": self.rows, "cols": self.cols, "loops": self.loops, "unique": self.unique,
                "length": [self.min_length, self.max_length]}


def resolve_knobs(knobs: dict[str, Any] | None = None, difficulty_level: str | None = None) -> MazeKnobs:
    """Knobs from the command line (`size=5`, `rows=4`, `cols=6`, `loops=3`, `unique=0`, `length=8..12`)
    and a difficulty preset; bad values are errors that say what is allowed."""
    given = dict(knobs or {})
    names = set(DEFAULTS) | {"size"}
    unknown = sorted(k for k in given if k not in names)
    if unknown:
        raise EpistemicError(f"maze has no knob {unknown[0]!r}", hint=f"maze knobs: {', '.join(sorted(names))}")
    if "size" in given:
        size = given.pop("size")
        given.setdefault("rows", size)
        given.setdefault("cols", size)
    rows, cols = _int(given.get("rows", 5), "rows", 2), _int(given.get("cols", 5), "cols", 2)
    if rows * cols > MAX_CELLS:
        raise TooLarge(f"a {rows}x{cols} maze has {rows * cols:,} cells; mazes are limited to {MAX_CELLS:,}",
                       hint="ask for a smaller size")
    loops = _int(given.get("loops", 0), "loops", 0)
    unique = _bool(given.get("unique", 1))
    length = given.get("length")
    n = rows * cols
    if length is None and difficulty_level is not None:
        if difficulty_level not in PRESETS:
            raise EpistemicError(f"unknown difficulty {difficulty_level!r}", hint="use easy, medium or hard")
        lo, hi = PRESETS[difficulty_level]
        length = (max(1, int(lo * n + 0.999)), max(1, int(hi * n + 0.999) - 1))
    if length is None:
        lo, hi = 1, n
    elif isinstance(length, int):
        lo = hi = length
    elif isinstance(length, tuple) and len(length) == 2:
        lo, hi = length
    else:
        raise EpistemicError(f"bad maze length {length!r}", hint="write length=N or length=LO..HI")
    if lo < 1 or hi < lo:
        raise EpistemicError(f"bad maze length range {lo}..{hi}", hint="the shortest path has at least 1 move")
    if lo > n - 1:
        raise EpistemicError(f"a {rows}x{cols} maze has shortest paths of at most {n - 1} moves, not {lo}",
                             hint="ask for a shorter length or a larger maze")
    hi = min(hi, n - 1)
    return MazeKnobs(rows, cols, loops, unique, lo, hi)


def _int(v: Any, name: str, least: int) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or v < least:
        raise EpistemicError(f"maze knob {name} must be an integer >= {least}, not {v!r}")
    return v


def _bool(v: Any) -> bool:
    if v in (1, 0, True, False):
        return bool(v)
    if isinstance(v, str) and v.lower() in ("yes", "true", "no", "false"):
        return v.lower() in ("yes", "true")
    raise EpistemicError(f"maze knob unique must be 1/0 or yes/no, not {v!r}")


def carve(rng: random.Random, rows: int, cols: int) -> list[int]:
    """A perfect maze (every pair of cells joined by exactly one path): a randomised depth-first tree."""
    n = rows * cols
    walls = [UP | DOWN | LEFT | RIGHT] * n
    seen = [False] * n
    start = rng.randrange(n)
    seen[start] = True
    stack = [start]
    randrange = rng.randrange
    while stack:
        i = stack[-1]
        r, c = divmod(i, cols)
        options = []
        if r > 0 and not seen[i - cols]:
            options.append((i - cols, UP, DOWN))
        if r < rows - 1 and not seen[i + cols]:
            options.append((i + cols, DOWN, UP))
        if c > 0 and not seen[i - 1]:
            options.append((i - 1, LEFT, RIGHT))
        if c < cols - 1 and not seen[i + 1]:
            options.append((i + 1, RIGHT, LEFT))
        if not options:
            stack.pop()
            continue
        j, side, back = options[randrange(len(options))] if len(options) > 1 else options[0]
        walls[i] &= ~side
        walls[j] &= ~back
        seen[j] = True
        stack.append(j)
    return walls


def add_loops(rng: random.Random, walls: list[int], rows: int, cols: int, loops: int) -> None:
    """Knock down `loops` interior walls chosen at random (each opens a cycle in a perfect maze)."""
    closed = [(i, RIGHT, i + 1, LEFT) for i in range(rows * cols) if i % cols < cols - 1 and walls[i] & RIGHT]
    closed += [(i, DOWN, i + cols, UP) for i in range(rows * cols - cols) if walls[i] & DOWN]
    for i, side, j, back in rng.sample(closed, min(loops, len(closed))):
        walls[i] &= ~side
        walls[j] &= ~back


def sample(rng: random.Random, k: MazeKnobs, title: str = "") -> Maze | None:
    """One candidate: a maze, then an origin and a target with a wanted path length (and a unique
    shortest path if asked); None when this maze has no such pair."""
    walls = carve(rng, k.rows, k.cols)
    if k.loops:
        add_loops(rng, walls, k.rows, k.cols, k.loops)
    n = k.rows * k.cols
    grid = Grid(k.rows, k.cols, tuple(walls))
    first = rng.randrange(n)
    for step in range(n):  # every origin, from a random one on: most knobs succeed at the first
        start = (first + step) % n
        dist, count = distances_to(grid, start)
        ok = [j for j in range(n) if k.min_length <= dist[j] <= k.max_length and (not k.unique or count[j] == 1)]
        if ok:
            goal = ok[rng.randrange(len(ok))]
            return Maze(grid, grid.cells[start], grid.cells[goal], title)
    return None


@dataclass(frozen=True, eq=False)
class GeneratedMaze:
    """One generated maze with the record a dataset needs (schema `epistemic.generated/2`, family maze)."""

    seed: int
    index: int
    skip: int
    knobs: MazeKnobs
    solution: MazeSolution
    tries: int

    @property
    def id(self) -> str:
        return f"{FAMILY}-{self.seed}-{self.index}"

    @property
    def maze(self) -> Maze:
        return self.solution.maze

    def to_dict(self) -> dict:
        sol = self.solution
        return {
            "schema": SCHEMA, "id": self.id, "family": FAMILY, "seed": self.seed, "index": self.index,
            "skip": self.skip, "method": "sample", "knobs": self.knobs.to_dict(),
            "source": render_prompt(self.maze),
            "answer": " ".join(f"<|{m}|>" for m in sol.moves),
            "answer_values": list(sol.moves),
            "cells": [list(c) for c in sol.cells],
            "stages": [],
            "size": self.maze.size,
            "difficulty": difficulty(sol),
            "certificate": {"method": "bfs", "z3": False, "unique": sol.unique, "shortest_paths": sol.count,
                            "length": sol.length},
            "key": self.maze.key(),
            "candidates_tried": self.tries,
        }


@dataclass
class MazeStats:
    """Counts over one run (for the benchmark and the search-exhausted message)."""

    candidates: int = 0
    rejected: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    reasons: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        kept = self.candidates - self.rejected - self.duplicates
        return {"candidates": self.candidates, "passed_screen": kept + self.duplicates, "duplicates": self.duplicates,
                "rejected_by_engine": 0, "screen_reasons": {"no origin/target pair": self.rejected},
                "seconds": round(self.seconds, 4),
                "yield": round(kept / self.candidates, 5) if self.candidates else 0.0}


def item_rng(k: MazeKnobs, seed: int, index: int) -> random.Random:
    return random.Random(f"epistemic/maze/{k.text()}/{seed}/{index}")


def find_maze(k: MazeKnobs, seed: int, index: int, seen: set[str] | None = None, skip: int | None = None,
              stats: MazeStats | None = None, max_tries: int = MAX_TRIES) -> GeneratedMaze:
    """Item `index`: the first candidate of its stream that fits (skipping duplicates of `seen`, or,
    with `skip` given, the first `skip` fitting candidates)."""
    stats = stats if stats is not None else MazeStats()
    rng = item_rng(k, seed, index)
    skipped = 0
    title = f"maze {seed}-{index}"
    for tries in range(1, max_tries + 1):
        stats.candidates += 1
        maze = sample(rng, k, title)
        if maze is None:
            stats.rejected += 1
            continue
        if skip is not None:
            if skipped < skip:
                skipped += 1
                continue
        elif seen is not None and maze.key() in seen:
            stats.duplicates += 1
            skipped += 1
            continue
        return GeneratedMaze(seed, index, skipped, k, solve_maze(maze), tries)
    raise EpistemicError(f"no maze found for item {index} after {max_tries:,} candidates ({k.text()})",
                         hint="a unique shortest path of that length may not fit this size; widen length, "
                              "lower loops, or allow unique=0")


def generate_mazes(count: int, seed: int = 0, knobs: dict[str, Any] | MazeKnobs | None = None,
                   difficulty_level: str | None = None, start: int = 0,
                   progress: Callable[[int], Any] | None = None, known: Iterable[str] = (),
                   on_item: Callable[[GeneratedMaze], Any] | None = None) -> tuple[list[GeneratedMaze], MazeStats]:
    """`count` distinct mazes: items start..start+count-1 of (knobs, seed); `known` holds the keys of the
    items before `start` (continuing an interrupted run), `on_item` sees each maze as it is made."""
    import time

    if count < 0:
        raise EpistemicError("--count must be at least 0")
    k = knobs if isinstance(knobs, MazeKnobs) else resolve_knobs(knobs, difficulty_level)
    stats = MazeStats()
    seen: set[str] = set(known)
    out = []
    t0 = time.perf_counter()
    for index in range(start, start + count):
        item = find_maze(k, seed, index, seen, None, stats)
        seen.add(item.maze.key())
        out.append(item)
        if on_item:
            on_item(item)
        if progress:
            progress(1)
    stats.seconds = time.perf_counter() - t0
    return out, stats


def regenerate_maze(seed: int, index: int, skip: int = 0, knobs: dict[str, Any] | MazeKnobs | None = None,
                    difficulty_level: str | None = None) -> GeneratedMaze:
    """Item `index` alone, exactly as a run produced it (`skip` from its record)."""
    k = knobs if isinstance(knobs, MazeKnobs) else resolve_knobs(knobs, difficulty_level)
    return find_maze(k, seed, index, None, skip)
