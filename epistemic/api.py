"""The Python API under the CLI: read an input (its kind decided here, once), solve it, query it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import EpistemicError
from .files import read_text
from .language import syntax as s
from .language.elaborate import load_puzzle as elaborate_text
from .language.elaborate import parse_claim
from .language.load import load_puzzle, looks_like_text
from .language.printer import formula_source
from .stages.solve import Solution, require_stage, solve

if TYPE_CHECKING:
    from .maze.grid import Maze
    from .maze.parse import MazeFile

__all__ = ["Source", "read_source", "load_puzzle", "load_task", "maze_of", "project_api", "read_text", "solve",
           "check", "certify", "CheckResult", "Solution"]

SMCDEL_SUFFIXES = (".smcdel.txt", ".smcdel")
# VARS first, past `--` comments and blank space: an SMCDEL file whatever its name
_STARTS_WITH_VARS = re.compile(r"(?:\s|--[^\n]*)*VARS(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Source:
    """An input file read once, with its kind decided once: a puzzle, an SMCDEL file or a maze."""

    name: str
    text: str
    kind: str  # "puzzle" | "smcdel" | "maze"


def file_kind(name: str, text: str) -> str:
    """Which reader a file goes to: by its extension, else by its content (a maze holds AlphaMaze
    cells, `<|r-c|><|..._wall|>`, which no puzzle or SMCDEL file can contain)."""
    if name.lower().endswith(SMCDEL_SUFFIXES) or _STARTS_WITH_VARS.match(text):
        return "smcdel"
    if "<|" in text:  # every maze cell is a `<|...|>` token; only then is the maze reader loaded
        from .maze.parse import is_maze_text

        if is_maze_text(text):
            return "maze"
    return "puzzle"


def read_source(path_or_text: str | Path) -> Source:
    """Read a puzzle or SMCDEL file (or take text given directly) and decide its kind."""
    if looks_like_text(path_or_text):
        name, text = "<text>", str(path_or_text)
    else:
        name, text = str(path_or_text), read_text(path_or_text)
    return Source(name, text, file_kind(name, text))


def puzzle_of(source: Source, params: dict[str, int] | None = None) -> s.Puzzle:
    """The puzzle a source holds (SMCDEL files are run by epistemic.smcdel, mazes by epistemic.maze)."""
    if source.kind == "smcdel":
        raise EpistemicError(f"{source.name} is an SMCDEL file; this command needs a puzzle file",
                             hint="SMCDEL files run with solve and check")
    if source.kind == "maze":
        raise EpistemicError(f"{source.name} is a maze; this command needs a puzzle file",
                             hint="mazes run with solve, audit, explain, generate and eval (docs/maze.md)")
    return elaborate_text(source.text, source.name, params)


def maze_of(source: Source) -> MazeFile:
    """The maze a maze source holds, with its header and expected answer."""
    from .maze.parse import read_maze

    if source.kind != "maze":
        raise EpistemicError(f"{source.name} is not a maze", hint="a maze holds cells like <|0-0|><|up_left_wall|><|blank|>")
    return read_maze(source.text, source.name)


def load_task(path_or_text: str | Path) -> s.Puzzle | Maze:
    """What a model is asked to solve: a puzzle or a maze, by the file's kind (eval and ask load items here)."""
    source = read_source(path_or_text)
    return maze_of(source).maze if source.kind == "maze" else puzzle_of(source)


def project_api():
    """The functions the local-model runner needs (epistemic.llm.project.ProjectAPI), for puzzles and
    mazes alike: the runner's own view of the package (`default_api()`, replaceable in tests) for
    puzzles, epistemic.maze for items whose file kind is a maze; after loading, each function goes
    by what was loaded."""
    from dataclasses import replace

    from .llm import project
    from .maze import tasks as maze_tasks
    from .maze.grid import Maze

    base = project.default_api()

    def load(path_or_text, *args, **kwargs):
        source = read_source(path_or_text)
        return maze_of(source).maze if source.kind == "maze" else base.load_puzzle(path_or_text, *args, **kwargs)

    def render_prompt(task, lang: str = "en") -> str:
        return maze_tasks.render_prompt(task) if isinstance(task, Maze) else base.render_prompt(task, lang=lang)

    def audit_trace(task, text: str, **kwargs):
        if isinstance(task, Maze):
            return maze_tasks.audit_trace(task, text, kwargs.get("context"))
        return base.audit_trace(task, text, **kwargs)

    def score_answer(text: str, task) -> float:
        return maze_tasks.score_answer(text, task) if isinstance(task, Maze) else base.score_answer(text, task)

    def audit_context(task):
        if isinstance(task, Maze):
            return maze_tasks.audit_context(task)
        return base.audit_context(task) if base.audit_context else None

    return replace(base, load_puzzle=load, render_prompt=render_prompt, audit_trace=audit_trace,
                   score_answer=score_answer, audit_context=audit_context)


def certify(solution: Solution, **limits):
    """Prove the solution's answer with Z3 (see epistemic.certify and docs/z3.md)."""
    from .certify.certificate import certify as prove

    return prove(solution, **limits)


@dataclass(frozen=True)
class CheckResult:
    """A query's answer at one stage: validity, where it holds, and (optionally) truth at a world."""

    formula: str
    stage: int
    valid: bool
    holds: int
    total: int
    worlds_true: tuple[str, ...]
    worlds_false: tuple[str, ...]
    at_world: str | None = None
    at_value: bool | None = None

    def to_dict(self) -> dict:
        return {
            "schema": "epistemic.check/1",
            "formula": self.formula,
            "stage": self.stage,
            "valid": self.valid,
            "holds_in": self.holds,
            "worlds": self.total,
            "worlds_true": list(self.worlds_true),
            "worlds_false": list(self.worlds_false),
            "at": None if self.at_world is None else {"world": self.at_world, "value": self.at_value},
        }


def check(solution: Solution, formula_text: str, stage: int | None = None, at: str | None = None,
          limit: int = 100) -> CheckResult:
    """Evaluate a formula (puzzle syntax; `at stage K:` allowed) at a stage of a solved puzzle."""
    from .engines.base import get_engine

    formula, claimed_stage = parse_claim(formula_text, solution.puzzle)
    k = require_stage(solution, stage if stage is not None else claimed_stage)
    engine = get_engine(solution.engine)
    history = solution.history(k)
    if getattr(engine, "symbolic", False):  # its own sets of worlds (BDDs, bitsets), not numpy masks
        return _check_symbolic(solution, engine, history, formula, k, at, limit)
    import numpy as np

    from .worlds.labels import world_label
    truth = engine.evaluate(solution.space, history, formula)
    alive = history[-1]
    true_idx = np.flatnonzero(truth & alive)
    false_idx = np.flatnonzero(~truth & alive)
    at_world = at_value = None
    if at is not None:
        where, _ = parse_claim(at, solution.puzzle)
        picked = np.flatnonzero(engine.evaluate(solution.space, history, where) & alive)
        if len(picked) != 1:
            raise EpistemicError(f"--at {at!r} matches {len(picked)} worlds of stage {k}; it must pick exactly one",
                                 hint="name every variable, e.g. --at 'suit = hearts and rank = A'")
        at_world = world_label(solution.space, int(picked[0]))
        at_value = bool(truth[picked[0]])
    label = lambda i: world_label(solution.space, int(i))  # noqa: E731
    return CheckResult(
        formula=formula_source(formula, solution.puzzle),
        stage=k,
        valid=len(false_idx) == 0,
        holds=len(true_idx),
        total=int(alive.sum()),
        worlds_true=tuple(label(i) for i in true_idx[:limit]),
        worlds_false=tuple(label(i) for i in false_idx[:limit]),
        at_world=at_world,
        at_value=at_value,
    )


def _check_symbolic(solution: Solution, engine, history: list, formula, k: int, at: str | None,
                    limit: int) -> CheckResult:
    """check() on an engine's own sets (BDDs: counts are model counts; bitsets): only the listed worlds
    (up to `limit`) are enumerated."""
    space = solution.space
    alive = history[-1]
    truth = engine.evaluate(space, history, formula)
    false = alive & ~truth
    at_world = at_value = None
    if at is not None:
        where, _ = parse_claim(at, solution.puzzle)
        picked = engine.evaluate(space, history, where)
        found = engine.count(space, picked)
        if found != 1:
            raise EpistemicError(f"--at {at!r} matches {found:,} worlds of stage {k}; it must pick exactly one",
                                 hint="name every variable, e.g. --at 'suit = hearts and rank = A'")
        world = engine.only_world(space, picked)
        at_world = engine.labels(space, picked, 1)[0]
        at_value = engine.holds_at(space, truth, world)
    return CheckResult(
        formula=formula_source(formula, solution.puzzle),
        stage=k,
        valid=engine.is_empty(space, false),
        holds=engine.count(space, truth),
        total=engine.count(space, alive),
        worlds_true=tuple(engine.labels(space, truth, limit)),
        worlds_false=tuple(engine.labels(space, false, limit)),
        at_world=at_world,
        at_value=at_value,
    )
