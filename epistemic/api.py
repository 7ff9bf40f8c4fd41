"""The Python API under the CLI: load a puzzle, solve it, and query it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import EpistemicError, Location
from .language import syntax as s
from .language.elaborate import load_puzzle as _load_text, parse_claim
from .language.printer import formula_source
from .solve import Solution, require_stage, solve

MAX_PUZZLE_BYTES = 5_000_000

__all__ = ["load_puzzle", "read_text", "solve", "check", "certify", "CheckResult", "Solution"]


def read_text(path: str | Path) -> str:
    """A text file as UTF-8, with a clear error for missing, binary or oversized files."""
    p = Path(path)
    if str(path) == "-":
        import sys

        return sys.stdin.read()
    if not p.exists():
        raise EpistemicError(f"no such file: {path}", hint="check the path")
    if p.is_dir():
        raise EpistemicError(f"{path} is a directory, not a puzzle file")
    if p.stat().st_size > MAX_PUZZLE_BYTES:
        raise EpistemicError(f"{path} is {p.stat().st_size:,} bytes; puzzle files are limited to {MAX_PUZZLE_BYTES:,}")
    data = p.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EpistemicError(f"{path} is not UTF-8 text (byte {exc.start})", Location(str(path), 1, 1),
                             "save the file as UTF-8") from None


def load_puzzle(path_or_text: str | Path, params: dict[str, int] | None = None) -> s.Puzzle:
    """A puzzle from a file path or from puzzle text (anything containing a newline is text)."""
    text_like = isinstance(path_or_text, str) and ("\n" in path_or_text or not path_or_text.strip())
    if text_like:
        return _load_text(path_or_text, "<text>", params)
    text = read_text(path_or_text)
    return _load_text(text, str(path_or_text), params)


def certify(solution: Solution, **limits):
    """Prove the solution's answer with Z3 (see epistemic.certify and docs/z3.md)."""
    from .certify import certify as prove

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
    from .render_values import world_label

    formula, claimed_stage = parse_claim(formula_text, solution.puzzle)
    k = require_stage(solution, stage if stage is not None else claimed_stage)
    engine = get_engine(solution.engine)
    history = solution.history(k)
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
