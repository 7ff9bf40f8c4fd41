"""Knowledge-free evaluation on numpy columns: the part of the semantics that needs no agents.

Terms and boolean formulas over the worlds' columns (constraints, observed terms, plain claims).
The explicit engine extends StaticEvaluator with the modal operators; enumeration and the world
space use it directly, so they never import an engine.
"""
from __future__ import annotations

import numpy as np

from ..language import syntax as s
from ..language.arith import COMPARE, apply_int


def arith(op: str, a, b):
    """The language's integer semantics (language/arith.py) on arrays: floor division, x/0 = 0."""
    if op not in ("/", "mod"):
        return apply_int(op, a, b)  # + - * are the same on arrays
    zero = np.equal(b, 0)
    safe = np.where(zero, 1, b)
    result = np.floor_divide(a, safe) if op == "/" else np.remainder(a, safe)
    return np.where(zero, 0, result)


def mask(x, n: int) -> np.ndarray:
    """A boolean array of length n from an array or a scalar."""
    return np.full(n, bool(x)) if np.ndim(x) == 0 else x


class StaticEvaluator:
    """Evaluates terms and knowledge-free formulas at the last of a stack of frames, memoised by node.

    A frame needs `n` (its number of worlds) and `column(name)`. Modal nodes go to `modal`, which
    subclasses (the explicit engine) define.
    """

    def __init__(self):
        self._memo: dict[tuple[int, ...], tuple[object, tuple, np.ndarray]] = {}

    def _cached(self, node, frames, compute):
        # keyed by identity; the entry holds the node and frames, so their ids cannot be reused meanwhile
        key = (id(node), *map(id, frames))
        hit = self._memo.get(key)
        if hit is not None and hit[0] is node and hit[1] == frames:
            return hit[2]
        value = compute()
        self._memo[key] = (node, frames, value)
        return value

    def term(self, t: s.Term, frames: tuple):
        frame = frames[-1]
        if isinstance(t, s.Var):
            return frame.column(t.name)
        if isinstance(t, s.Const):
            return np.int64(t.value)
        return self._cached(t, frames, lambda: self._term(t, frames, frame))

    def _term(self, t, frames, frame):
        if isinstance(t, s.Arith):
            return arith(t.op, self.term(t.left, frames), self.term(t.right, frames))
        if isinstance(t, s.Neg):
            return -self.term(t.term, frames)
        if isinstance(t, s.Count):
            total = np.zeros(frame.n, dtype=np.int64)
            for f in t.formulas:
                total += self.formula(f, frames)
            return total
        raise TypeError(f"not a term: {t!r}")

    def formula(self, f: s.Formula, frames: tuple) -> np.ndarray:
        return self._cached(f, frames, lambda: mask(self._formula(f, frames), frames[-1].n))

    def _formula(self, f, frames):
        frame = frames[-1]
        if isinstance(f, s.Bool):
            return f.value
        if isinstance(f, s.Compare):
            return COMPARE[f.op](self.term(f.left, frames), self.term(f.right, frames))
        if isinstance(f, s.Member):
            return np.isin(self.term(f.term, frames), np.array(f.values, dtype=np.int64))
        if isinstance(f, s.Not):
            return ~self.formula(f.body, frames)
        if isinstance(f, s.And):
            out = np.ones(frame.n, dtype=bool)
            for item in f.items:
                out &= self.formula(item, frames)
            return out
        if isinstance(f, s.Or):
            out = np.zeros(frame.n, dtype=bool)
            for item in f.items:
                out |= self.formula(item, frames)
            return out
        if isinstance(f, s.Implies):
            return ~self.formula(f.left, frames) | self.formula(f.right, frames)
        if isinstance(f, s.Iff):
            return self.formula(f.left, frames) == self.formula(f.right, frames)
        return self.modal(f, frames)

    def modal(self, f: s.Formula, frames: tuple):
        raise TypeError(f"not a knowledge-free formula: {f!r}")


class ColumnsFrame:
    """A frame over plain columns with no agents (for constraints and observed terms)."""

    def __init__(self, columns: dict[str, np.ndarray], size: int):
        self.columns = columns
        self.n = size

    def column(self, name: str) -> np.ndarray:
        return self.columns[name]


def static_values(f: s.Formula, columns: dict[str, np.ndarray], size: int) -> np.ndarray:
    """A knowledge-free formula over raw columns (used to filter worlds while enumerating)."""
    return np.broadcast_to(StaticEvaluator().formula(f, (ColumnsFrame(columns, size),)), (size,))


def static_term(t: s.Term, columns: dict[str, np.ndarray]) -> np.ndarray:
    """A knowledge-free term over raw columns (observed terms, answers)."""
    size = len(next(iter(columns.values()))) if columns else 0
    return np.broadcast_to(StaticEvaluator().term(t, (ColumnsFrame(columns, size),)), (size,))


__all__ = ["StaticEvaluator", "ColumnsFrame", "static_values", "static_term", "arith", "mask"]
