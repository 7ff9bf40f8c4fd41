"""Masks of common knowledge claims from per-stage tables, without the model checker.

"P knows card", "Q knows that P does not know", "if it were K, P would know", `before` of those:
each agent's value-knowledge of each variable at each stage is one mask, made once per puzzle and
stage (class ids and the live worlds' values); knowing that φ is a count of φ's failures per class.
A mask here is exact on the live worlds of its stage, which is all the judge reads; formulas of
other shapes give None and go to the engine.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..engines.arith import COMPARE
from ..language import syntax as s
from ..solve import Solution


@dataclass(frozen=True, eq=False)
class StageTables:
    """One solution's knowledge masks, built on first use and kept (a few per agent, variable and stage)."""

    solution: Solution
    nested: bool
    tables: dict = field(default_factory=dict)

    @classmethod
    def build(cls, solution: Solution) -> "StageTables":
        masks = [st.mask for st in solution.stages]
        return cls(solution, all(not np.any(b & ~a) for a, b in zip(masks, masks[1:])))

    def mask(self, f: s.Formula, stage: int) -> np.ndarray | None:
        """Where `f` holds at `stage` on that stage's live worlds, or None for a shape not handled here."""
        t = type(f)
        if t is s.Compare:
            return self._compare(f)
        if t is s.Member:
            return self._member(f)
        if t is s.Not:
            body = self.mask(f.body, stage)
            return None if body is None else ~body
        if t is s.And or t is s.Or:
            return self._items(f, stage)
        if t is s.Implies:
            a = self.mask(f.left, stage)
            b = None if a is None else self.mask(f.right, stage)
            return None if b is None else ~a | b
        if t is s.Knows and f.kind == "agent" and len(f.agents) == 1:
            return self._knows(f, stage)
        if t is s.Past and self.nested:
            return self.mask(f.body, 0 if f.back is None else max(0, stage - f.back))
        return None

    def _items(self, f, stage: int) -> np.ndarray | None:
        out = None
        for item in f.items:
            m = self.mask(item, stage)
            if m is None:
                return None
            out = m.copy() if out is None else (out & m if type(f) is s.And else out | m)
        return out

    def _compare(self, f: s.Compare) -> np.ndarray | None:
        if type(f.left) is not s.Var or type(f.right) is not s.Const:
            return None
        return COMPARE[f.op](self.solution.space.columns[f.left.name], f.right.value)

    def _member(self, f: s.Member) -> np.ndarray | None:
        if type(f.term) is not s.Var:
            return None
        values, codes = self._distinct(f.term.name)
        wanted = set(f.values)  # membership per distinct value, then spread: np.isin costs far more
        return np.fromiter((v in wanted for v in values.tolist()), dtype=bool, count=len(values))[codes]

    def _knows(self, f: s.Knows, stage: int) -> np.ndarray | None:
        agent = f.agents[0]
        if f.mode == "value":
            if not all(type(x) is s.Var for x in f.body):
                return None
            out = None
            for x in f.body:
                m = self.knows_value(agent, x.name, stage)
                out = m.copy() if out is None else out & m
            return out if out is not None else np.ones(self.solution.space.size, dtype=bool)
        if f.mode == "that":
            body = self.mask(f.body, stage)
            return None if body is None else self.knows_that(agent, body, stage)
        return None

    def classes(self, agent: str) -> tuple[np.ndarray, int]:
        space = self.solution.space
        return space.classes[agent], int(space.class_counts[agent])

    def knows_that(self, agent: str, body: np.ndarray, stage: int) -> np.ndarray:
        """Worlds whose agent's class has no live world of `stage` where `body` fails."""
        cls, count = self.classes(agent)
        bad = self.solution.stages[stage].mask & ~body
        return np.bincount(cls[bad], minlength=count)[cls] == 0

    def knows_value(self, agent: str, var: str, stage: int) -> np.ndarray:
        """Worlds whose agent's class has one value of `var` among the live worlds of `stage` (kept)."""
        key = (agent, var, stage)
        hit = self.tables.get(key)
        if hit is None:
            cls, count = self.classes(agent)
            values, codes = self._distinct(var)
            live = self.solution.stages[stage].mask
            pairs = np.unique(cls[live].astype(np.int64) * len(values) + codes[live])
            per_class = np.bincount(pairs // len(values), minlength=count)
            hit = self.tables[key] = per_class[cls] <= 1
        return hit

    def _distinct(self, var: str) -> tuple[np.ndarray, np.ndarray]:
        hit = self.tables.get(("@distinct", var))
        if hit is None:
            values, codes = np.unique(self.solution.space.columns[var], return_inverse=True)
            hit = self.tables[("@distinct", var)] = (values, codes.reshape(-1))
        return hit
