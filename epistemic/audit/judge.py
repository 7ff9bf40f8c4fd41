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
_MISSING = object()
Z3_TIMEOUT_S = 10.0
MASK_BYTES = 100_000_000


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
    """Evaluates formulas on one solution's stages, caching each (formula, stage) mask.

    `z3`: counterexamples come from Z3 (epistemic.counterexample) rather than the explicit mask.
    """

    solution: Solution
    cache: dict
    z3: bool = False
    limit: int = 50_000  # cached masks and verdicts; the cache is emptied when it reaches this

    def _store(self, key, value):
        if len(self.cache) >= self.limit:
            self.cache.clear()
        self.cache[key] = value
        return value

    @classmethod
    def build(cls, solution: Solution, z3: bool = False) -> "Judge":
        """A judge whose cache holds at most about MASK_BYTES of masks (and never more than 50,000 entries)."""
        return cls(solution, {}, z3, min(50_000, max(1_000, MASK_BYTES // max(1, solution.space.size))))

    @property
    def last(self) -> int:
        return len(self.solution.stages) - 1

    def mask(self, f: s.Formula, stage: int) -> np.ndarray:
        """Where `f` holds at `stage` (meaningful on the stage's live worlds; the judge looks nowhere else)."""
        key = (f, stage)
        hit = self.cache.get(key)
        if hit is None:
            if stage > 0 and _static(f):
                hit = self.mask(f, 0)  # no knowledge, no past: the same on every world at every stage
            elif isinstance(f, s.Past) and f.back is not None and 0 < f.back <= stage and _static(f.body):
                hit = self.mask(f.body, 0)  # what was true of a world's values still is
            else:
                hit = get_engine("explicit").evaluate(self.solution.space, self.solution.history(stage), f)
            self._store(key, hit)
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
        hit = self.cache.get(key, _MISSING)
        return self._store(key, self._judge(claim, stage)) if hit is _MISSING else hit

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

    def source(self, f: s.Formula) -> str:
        """The formula in puzzle syntax (printed once per formula)."""
        key = ("@source", f)
        hit = self.cache.get(key)
        if hit is None:
            hit = self._store(key, formula_source(f, self.solution.puzzle))
        return hit

    def shown(self, f: s.Formula, stage: int, back: int) -> str:
        return f"at stage {stage}: {self.source(f if back == 0 else s.Past(f, back))}"

    def counterexample(self, claim: Claim, stage: int) -> dict:
        """A world of the stage where the formula is false, or the witness no world satisfies."""
        sol = self.solution
        live = sol.stages[stage].mask
        bad = live & ~self.mask(claim.formula, stage)
        if bad.any():
            if not self.z3:
                return world_dict(sol, _pick(sol, bad), stage, "explicit")
            found, outcome = _z3_world(sol, claim.formula, stage)
            if found is not None and bad[found]:
                return world_dict(sol, found, stage, "z3")
            # Z3 timed out, failed, or disagrees with the explicit mask: keep the explicit world, say why.
            why = "disagrees with the explicit engine" if found is not None else outcome
            return {**world_dict(sol, _pick(sol, bad), stage, "explicit"), "z3": why}
        for w in claim.witnesses:
            if not self.possible(w, stage):
                return {"stage": stage, "missing": formula_source(w, sol.puzzle),
                        "explanation": f"no world of stage {stage} satisfies {formula_source(w, sol.puzzle)}"}
        return {"stage": stage}


def _static(f) -> bool:
    """Whether a formula or term depends only on the world's values (not on what anyone knows or knew)."""
    if isinstance(f, (s.Const, s.Var, s.Bool)):
        return True
    if isinstance(f, (s.Compare, s.Arith, s.Implies, s.Iff)):
        return _static(f.left) and _static(f.right)
    if isinstance(f, (s.And, s.Or)):
        return all(_static(x) for x in f.items)
    if isinstance(f, s.Not):
        return _static(f.body)
    if isinstance(f, s.Neg):
        return _static(f.term)
    if isinstance(f, s.Member):
        return _static(f.term)
    return False


def _pick(sol: Solution, bad: np.ndarray) -> int:
    """Prefer a world that survives longest (it makes the most convincing counterexample)."""
    for st in reversed(sol.stages):
        both = bad & st.mask
        if both.any():
            return int(np.flatnonzero(both)[0])
    return int(np.flatnonzero(bad)[0])


def _z3_world(sol: Solution, f: s.Formula, stage: int, timeout_s: float = Z3_TIMEOUT_S) -> tuple[int | None, str]:
    """The index of a world of the stage where Z3 finds `f` false (or None) and Z3's outcome."""
    try:
        import z3

        from ..counterexample import find_counterexample
    except ImportError:
        return None, "z3 is not installed"
    try:
        result = find_counterexample(sol, stage, f, timeout_s=timeout_s)
    except (EpistemicError, z3.Z3Exception, ValueError, TypeError, KeyError, RecursionError) as exc:
        return None, f"error: {exc}"[:200]
    return (result.index if result.outcome == "counterexample" else None), result.outcome


def world_dict(sol: Solution, index: int, stage: int, source: str = "explicit") -> dict:
    values = {}
    for var in sol.puzzle.variables:
        values[var.name] = value_text(var, int(sol.space.columns[var.name][index]))
    return {"stage": stage, "world": world_label(sol.space, index), "values": values, "source": source}


def first_error(labels: Sequence[int]) -> int:
    return next((i for i, x in enumerate(labels) if x == -1), -1)
