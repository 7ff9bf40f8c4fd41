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

from ..language.arith import COMPARE
from ..worlds.evaluate import static_term
from ..language import syntax as s
from ..stages.solve import Solution
from .records import formula_key, term_of


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
        return self.mask_key(formula_key(f), stage)

    def mask_key(self, key: tuple, stage: int) -> np.ndarray | None:
        """`mask` of the formula whose key (records.formula_key) is `key`: the judge has keys, not formulas."""
        head = key[0]
        if head == "Compare":
            if key[2][0] != "Var" or key[3][0] != "Const":
                return None
            return COMPARE[key[1]](self.solution.space.columns[key[2][1]], key[3][1])
        if head == "Member":
            return self._member(key[1][1], key[2]) if key[1][0] == "Var" else None
        if head == "Not":
            body = self.mask_key(key[1], stage)
            return None if body is None else ~body
        if head == "And" or head == "Or":
            return self._items(head, key[1], stage)
        if head == "Implies":
            a = self.mask_key(key[1], stage)
            b = None if a is None else self.mask_key(key[2], stage)
            return None if b is None else ~a | b
        if head == "Knows" and key[1] == "agent" and len(key[2]) == 1:
            return self._knows(key[2][0], key[3], key[4], stage)
        if head == "Past" and self.nested:
            return self.mask_key(key[1], 0 if key[2] is None else max(0, stage - key[2]))
        return None

    def _items(self, head: str, keys: tuple, stage: int) -> np.ndarray | None:
        out = None
        for item in keys:
            m = self.mask_key(item, stage)
            if m is None:
                return None
            out = m.copy() if out is None else (out & m if head == "And" else out | m)
        return out

    def _member(self, var: str, codes: tuple) -> np.ndarray:
        values, inverse = self._distinct(("Var", var))
        wanted = set(codes)  # membership per distinct value, then spread: np.isin costs far more
        return np.fromiter((v in wanted for v in values.tolist()), dtype=bool, count=len(values))[inverse]

    def _knows(self, agent: str, mode: str, body, stage: int) -> np.ndarray | None:
        if mode == "value":
            if not all(_static_term(x) for x in body):
                return None
            out = None
            for x in body:
                m = self.knows_value(agent, x, stage)
                out = m.copy() if out is None else out & m
            return out if out is not None else np.ones(self.solution.space.size, dtype=bool)
        if mode == "that":
            inner = self.mask_key(body, stage)
            return None if inner is None else self.knows_that(agent, inner, stage)
        return None

    def classes(self, agent: str) -> tuple[np.ndarray, int]:
        space = self.solution.space
        return space.classes[agent], int(space.class_counts[agent])

    def knows_that(self, agent: str, body: np.ndarray, stage: int) -> np.ndarray:
        """Worlds whose agent's class has no live world of `stage` where `body` fails."""
        cls, count = self.classes(agent)
        bad = self.solution.stages[stage].mask & ~body
        return np.bincount(cls[bad], minlength=count)[cls] == 0

    def knows_value(self, agent: str, term: tuple, stage: int) -> np.ndarray:
        """Worlds whose agent's class has one value of the term (a key: `("Var", "x")`, `x + y`) among the live
        worlds of `stage` (kept)."""
        key = (agent, term, stage)
        hit = self.tables.get(key)
        if hit is None:
            cls, count = self.classes(agent)
            values, codes = self._distinct(term)
            live = self.solution.stages[stage].mask
            pairs = np.unique(cls[live].astype(np.int64) * len(values) + codes[live])
            per_class = np.bincount(pairs // len(values), minlength=count)
            hit = self.tables[key] = per_class[cls] <= 1
        return hit

    def _distinct(self, term: tuple) -> tuple[np.ndarray, np.ndarray]:
        """The distinct values of a term (a key) over all worlds, and each world's index among them."""
        hit = self.tables.get(("@distinct", term))
        if hit is None:
            columns = self.solution.space.columns
            column = columns[term[1]] if term[0] == "Var" else static_term(term_of(term), columns)
            values, codes = np.unique(column, return_inverse=True)
            hit = self.tables[("@distinct", term)] = (values, codes.reshape(-1))
        return hit


def _static_term(key) -> bool:
    """Whether a term key is made of variables, constants and arithmetic only."""
    head = key[0]
    if head == "Var" or head == "Const":
        return True
    if head == "Arith":
        return _static_term(key[2]) and _static_term(key[3])
    return head == "Neg" and _static_term(key[1])
