"""One place that checks a generated puzzle's unique answer: Z3 (direct query, else epistemic.certify)."""
from __future__ import annotations

import time
from dataclasses import dataclass

from ..certify import certify


@dataclass(frozen=True)
class AnswerCheck:
    """How a generated puzzle's unique answer was checked (stored as the item's `certificate`)."""

    method: str          # "z3" or "explicit"
    z3: bool             # certified by Z3
    unique: bool
    detail: str = ""
    seconds: float = 0.0
    encoding: str = ""   # "direct" (one SMT-LIB query, z3direct.py), "certify" (epistemic.certify) or ""

    def to_dict(self) -> dict:
        return {"method": self.method, "z3": self.z3, "unique": self.unique, "encoding": self.encoding,
                "detail": self.detail}


def certify_unique(puzzle, solution, use_z3: bool = True, certifier=None) -> AnswerCheck:
    """Certify that the puzzle has exactly one answer: Z3 (direct encoding first, else epistemic.certify)
    when asked and available, else the explicit solve. `certifier`: a DirectCertifier to reuse (one per run)."""
    t0 = time.perf_counter()
    direct = None
    if use_z3 and solution.ok and solution.unique:
        if certifier is None:
            from .z3direct import DirectCertifier

            certifier = DirectCertifier()
        direct = certifier.certify(solution)
    return _answer_check(solution, use_z3, direct, t0)


def certify_all(solutions: list, certifier) -> list[AnswerCheck]:
    """`certify_unique(..., use_z3=True, certifier)` of each solution, their direct queries checked together
    (DirectCertifier.certify_many: one call to libz3, each query between its own push and pop). Each answer
    is still proved by its own Z3 check of a query built from its own parsed puzzle."""
    t0 = time.perf_counter()
    asked = [sol for sol in solutions if sol.ok and sol.unique]
    directs = iter(certifier.certify_many(asked))
    return [_answer_check(sol, True, next(directs) if sol.ok and sol.unique else None, t0) for sol in solutions]


def _answer_check(solution, use_z3: bool, direct, t0: float) -> AnswerCheck:
    """The check from the direct encoding's (proved, detail, seconds), or else epistemic.certify, or else
    the explicit solve."""
    why = "Z3 certification not requested"
    if direct is not None:
        proved, detail, _ = direct
        if proved is not None:
            return AnswerCheck("z3", True, proved, detail, time.perf_counter() - t0, "direct")
        why = detail
    if use_z3:
        ok, detail = _z3_certify(solution)
        if ok is not None:
            return AnswerCheck("z3", True, ok, detail, time.perf_counter() - t0, "certify")
        why = detail
    unique = solution.unique and solution.ok
    return AnswerCheck("explicit", False, unique, f"explicit engine only ({why})", time.perf_counter() - t0)


def _z3_certify(solution):
    """epistemic.certify's verdict as (unique, detail), or (None, reason) when Z3 cannot answer."""
    result = certify(solution)
    if result.outcome in ("proved", "refuted"):
        return result.proved and solution.unique, f"Z3 {result.outcome}: {result.claim}"
    return None, f"Z3 {result.outcome}: {result.reason}"
