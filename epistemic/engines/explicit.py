"""The explicit engine: every operator vectorised with numpy over the worlds of a model.

A model (frame) is the sorted array of the world indices still possible. Knowing is a property of
an agent's class: K_a φ holds at w when no world of w's class (within the frame) falsifies φ, which
is one bincount over class ids. Common knowledge uses the connected components of the union of the
group's partitions, found by label propagation with pointer jumping.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..language import syntax as s
from ..model import WorldSpace, combine_keys
from .arith import COMPARE


class ExplicitEngine:
    """numpy model checker; see Engine in base.py for the contract."""

    name = "explicit"

    def evaluate(self, space: WorldSpace, history: Sequence[np.ndarray], formula: s.Formula) -> np.ndarray:
        frames = tuple(_Frame(space, mask) for mask in history)
        values = _Evaluator(space).formula(formula, frames)
        out = np.zeros(space.size, dtype=bool)
        out[frames[-1].idx] = values
        return out


class _Frame:
    """The worlds of one model, with per-frame caches of columns and class ids."""

    def __init__(self, space: WorldSpace, mask: np.ndarray | None = None, idx: np.ndarray | None = None):
        self.space = space
        self.idx = np.flatnonzero(mask) if idx is None else idx
        self.full = len(self.idx) == space.size
        self.n = len(self.idx)
        self._cols: dict[str, np.ndarray] = {}
        self._cls: dict[object, tuple[np.ndarray, int]] = {}

    def column(self, name: str) -> np.ndarray:
        if name not in self._cols:
            col = self.space.columns[name]
            self._cols[name] = col if self.full else col[self.idx]
        return self._cols[name]

    def classes(self, agent: str) -> tuple[np.ndarray, int]:
        if agent not in self._cls:
            cls = self.space.classes[agent]
            self._cls[agent] = (cls if self.full else cls[self.idx], self.space.class_counts[agent])
        return self._cls[agent]

    def group_classes(self, agents: tuple[str, ...]) -> tuple[np.ndarray, int]:
        key = ("distributed", agents)
        if key not in self._cls:
            cls, count = self.space.group_classes(agents)
            self._cls[key] = (cls if self.full else cls[self.idx], count)
        return self._cls[key]

    def components(self, agents: tuple[str, ...]) -> tuple[np.ndarray, int]:
        """Connected components of the union of the agents' relations, labelled by a member index."""
        key = ("common", agents)
        if key not in self._cls:
            self._cls[key] = (_components([self.classes(a) for a in agents], self.n), self.n)
        return self._cls[key]

    def restrict(self, keep: np.ndarray) -> "_Frame":
        return _Frame(self.space, idx=self.idx[keep])


def _components(partitions: list[tuple[np.ndarray, int]], n: int) -> np.ndarray:
    labels = np.arange(n, dtype=np.int64)
    if n == 0:
        return labels
    while True:
        before = labels
        for cls, count in partitions:
            low = np.full(count, n, dtype=np.int64)
            np.minimum.at(low, cls, labels)
            labels = np.minimum(labels, low[cls])
        labels = labels[labels]
        if np.array_equal(labels, before):
            return labels


class _Evaluator:
    """Evaluates formulas and terms at the last frame of a stack of frames (the history)."""

    def __init__(self, space: WorldSpace):
        self.space = space

    def term(self, t: s.Term, frames: tuple[_Frame, ...]) -> np.ndarray:
        frame = frames[-1]
        if isinstance(t, s.Var):
            return frame.column(t.name)
        if isinstance(t, s.Const):
            return np.full(frame.n, t.value, dtype=np.int64)
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

    def formula(self, f: s.Formula, frames: tuple[_Frame, ...]) -> np.ndarray:
        frame = frames[-1]
        if isinstance(f, s.Bool):
            return np.full(frame.n, f.value, dtype=bool)
        if isinstance(f, s.Compare):
            return np.asarray(COMPARE[f.op](self.term(f.left, frames), self.term(f.right, frames)))
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
        if isinstance(f, s.Knows):
            return self.knows(f, frames)
        if isinstance(f, s.Possible):
            cls, count = frame.classes(f.agent)
            return np.bincount(cls[self.formula(f.body, frames)], minlength=count)[cls] > 0
        if isinstance(f, s.Past):
            earlier = frames[:1] if f.back is None else frames[: max(1, len(frames) - f.back)]
            values = self.formula(f.body, earlier)
            then = earlier[-1]
            if then is frame:
                return values
            return values[np.searchsorted(then.idx, frame.idx)]
        if isinstance(f, s.Announce):
            keep = self.formula(f.announcement, frames)
            after = frame.restrict(keep)
            out = np.ones(frame.n, dtype=bool)
            out[keep] = self.formula(f.body, frames + (after,))
            return out
        raise TypeError(f"not a formula: {f!r}")

    def knows(self, f: s.Knows, frames: tuple[_Frame, ...]) -> np.ndarray:
        frame = frames[-1]
        if f.kind == "everyone":
            out = np.ones(frame.n, dtype=bool)
            for agent in f.agents:
                out &= self.knows(s.Knows("agent", (agent,), f.mode, f.body), frames)
            return out
        if f.kind == "agent":
            cls, count = frame.classes(f.agents[0])
        elif f.kind == "distributed":
            cls, count = frame.group_classes(f.agents)
        elif f.kind == "common":
            cls, count = frame.components(f.agents)
        else:
            raise ValueError(f"unknown group kind {f.kind!r}")
        if f.mode == "that":
            return _constant_true(cls, count, self.formula(f.body, frames))
        if f.mode == "whether":
            phi = self.formula(f.body, frames)
            return _constant_true(cls, count, phi) | _constant_true(cls, count, ~phi)
        differs = np.zeros(frame.n, dtype=bool)
        for t in f.body:
            differs |= _differs_in_class(cls, count, self.term(t, frames))
        return _constant_true(cls, count, ~differs)


def _constant_true(cls: np.ndarray, count: int, phi: np.ndarray) -> np.ndarray:
    """Where every world of the class satisfies phi."""
    return np.bincount(cls[~phi], minlength=count)[cls] == 0


def _differs_in_class(cls: np.ndarray, count: int, values: np.ndarray) -> np.ndarray:
    """True at worlds whose value differs from some representative value of their class."""
    representative = np.zeros(count, dtype=values.dtype)
    representative[cls] = values  # any one world's value per class will do
    return values != representative[cls]


def arith(op: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The shared integer semantics (arith.py) on arrays."""
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    zero = b == 0
    safe = np.where(zero, 1, b)
    result = np.floor_divide(a, safe) if op == "/" else np.remainder(a, safe)
    return np.where(zero, 0, result)


def static_values(f: s.Formula, columns: dict[str, np.ndarray], size: int) -> np.ndarray:
    """A knowledge-free formula over raw columns (used to filter worlds while enumerating)."""
    frame = _ColumnsFrame(columns, size)
    return np.broadcast_to(_Evaluator(None).formula(f, (frame,)), (size,))  # type: ignore[arg-type]


def static_term(t: s.Term, columns: dict[str, np.ndarray]) -> np.ndarray:
    size = len(next(iter(columns.values()))) if columns else 0
    return _Evaluator(None).term(t, (_ColumnsFrame(columns, size),))  # type: ignore[arg-type]


class _ColumnsFrame:
    """A frame over plain columns with no agents (for constraints and observed terms)."""

    def __init__(self, columns: dict[str, np.ndarray], size: int):
        self.columns = columns
        self.n = size

    def column(self, name: str) -> np.ndarray:
        return self.columns[name]


__all__ = ["ExplicitEngine", "static_values", "static_term", "arith", "combine_keys"]
