"""Verdicts: is a claim entailed at the step's stage, only true later (premature), or false?

A claim made while reasoning about announcement k is entailed when its formula holds in every world
of stage k, or held when the announcement was made (`before φ` at stage k, i.e. φ at stage k-1 on
the worlds that survive); claims marked as about the past ("originally", "原来") may look further
back. Each witness of an exact candidate set must hold in some world of that same stage.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..engines.base import get_engine
from ..errors import EpistemicError
from ..language import syntax as s
from ..language.printer import formula_source
from ..render_values import value_text, world_label
from ..solve import Solution
from .claims import Claim

ENTAILED, PREMATURE, FALSE = "entailed", "premature", "false"


@dataclass(frozen=True)
class Verdict:
    verdict: str
    stage: int
    shown: str
    back: int = 0
    holds_at: int | None = None
    counterexample: dict | None = None


@dataclass(frozen=True, eq=False)
class Judge:
    """Evaluates formulas on one solution's stages, caching each (formula, stage) mask."""

    solution: Solution
    cache: dict

    @classmethod
    def build(cls, solution: Solution) -> "Judge":
        return cls(solution, {})

    @property
    def last(self) -> int:
        return len(self.solution.stages) - 1

    def mask(self, f: s.Formula, stage: int) -> np.ndarray:
        key = (f, stage)
        hit = self.cache.get(key)
        if hit is None:
            engine = self.cache.setdefault("@engine", get_engine("explicit"))
            hit = engine.evaluate(self.solution.space, self.solution.history(stage), f)
            self.cache[key] = hit
        return hit

    def entailed(self, f: s.Formula, stage: int) -> bool:
        live = self.solution.stages[stage].mask
        return bool(np.all(self.mask(f, stage)[live]))

    def possible(self, f: s.Formula, stage: int) -> bool:
        live = self.solution.stages[stage].mask
        return bool(np.any(self.mask(f, stage) & live))

    def holds(self, claim: Claim, stage: int, back: int = 0) -> bool:
        f = claim.formula if back == 0 else s.Past(claim.formula, back)
        if not self.entailed(f, stage):
            return False
        return all(self.possible(w, stage - back) for w in claim.witnesses)

    def judge(self, claim: Claim, stage: int) -> Verdict | None:
        """The verdict of one claim made at `stage`, or None when it cannot be evaluated (cached)."""
        key = ("@verdict", claim.formula, claim.witnesses, claim.past, stage)
        if key not in self.cache:
            self.cache[key] = self._judge(claim, stage)
        return self.cache[key]

    def _judge(self, claim: Claim, stage: int) -> Verdict | None:
        if self.solution.space.size == 0:
            return None
        stage = max(0, min(stage, self.last))
        reach = stage if claim.past else min(1, stage)
        try:
            for back in range(reach + 1):
                if self.holds(claim, stage, back):
                    return Verdict(ENTAILED, stage, self.shown(claim.formula, stage, back), back)
            later = next((j for j in range(stage + 1, self.last + 1) if self.holds(claim, j)), None)
            example = self.counterexample(claim, stage)
        except (EpistemicError, ValueError, TypeError, KeyError, IndexError, RecursionError):
            return None
        verdict = PREMATURE if later is not None else FALSE
        return Verdict(verdict, stage, self.shown(claim.formula, stage, 0), 0, later, example)

    def shown(self, f: s.Formula, stage: int, back: int) -> str:
        body = formula_source(f if back == 0 else s.Past(f, back), self.solution.puzzle)
        return f"at stage {stage}: {body}"

    def counterexample(self, claim: Claim, stage: int) -> dict:
        """A world of the stage where the formula is false, or the witness no world satisfies."""
        sol = self.solution
        live = sol.stages[stage].mask
        bad = live & ~self.mask(claim.formula, stage)
        if bad.any():
            index = _pick(sol, bad)
            return world_dict(sol, index, stage, _external(sol, claim.formula, stage, index))
        for w in claim.witnesses:
            if not self.possible(w, stage):
                return {"stage": stage, "missing": formula_source(w, sol.puzzle),
                        "explanation": f"no world of stage {stage} satisfies {formula_source(w, sol.puzzle)}"}
        return {"stage": stage}


def _pick(sol: Solution, bad: np.ndarray) -> int:
    """Prefer a world that survives longest (it makes the most convincing counterexample)."""
    for st in reversed(sol.stages):
        both = bad & st.mask
        if both.any():
            return int(np.flatnonzero(both)[0])
    return int(np.flatnonzero(bad)[0])


def _external(sol: Solution, f: s.Formula, stage: int, index: int) -> str:
    """Where the counterexample came from: the explicit engine's mask (Z3 is not called, for speed)."""
    return "explicit"


def world_dict(sol: Solution, index: int, stage: int, source: str = "explicit") -> dict:
    values = {}
    for var in sol.puzzle.variables:
        values[var.name] = value_text(var, int(sol.space.columns[var.name][index]))
    return {"stage": stage, "world": world_label(sol.space, index), "values": values, "source": source}


def first_error(labels: Sequence[int]) -> int:
    return next((i for i, x in enumerate(labels) if x == -1), -1)
