"""Counterexamples: Z3 finds a world of a stage where a formula is false, or shows it is entailed.

Given a Solution, the stages are its masks (what the auditor judged against); given a Puzzle,
every stage is derived symbolically by Z3 from the announcements. Either way Z3 is asked for a
live world where the formula fails: unsat means the formula is entailed at that stage.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from ..errors import EpistemicError
from ..interrupts import z3_check
from ..language import syntax as s

DEFAULT_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class CounterexampleResult:
    """outcome: 'entailed', 'counterexample', 'timeout' or 'unknown' (the last two prove nothing)."""

    outcome: str
    stage: int
    formula: str
    world: dict[str, str] | None = None
    index: int | None = None
    label: str | None = None
    seconds: float = 0.0
    reason: str = ""

    @property
    def entailed(self) -> bool:
        return self.outcome == "entailed"

    def to_dict(self) -> dict:
        return {
            "outcome": self.outcome,
            "entailed": self.entailed,
            "stage": self.stage,
            "formula": self.formula,
            "world": self.world,
            "index": self.index,
            "label": self.label,
            "seconds": round(self.seconds, 6),
            "reason": self.reason,
        }


def counterexample(solution_or_puzzle, stage: int | None, formula: str | s.Formula) -> dict[str, str] | None:
    """A world of the stage (variable -> value name) where the formula is false, or None if entailed.

    Raises EpistemicError if Z3 cannot decide (timeout/unknown): that is never reported as entailed.
    """
    result = find_counterexample(solution_or_puzzle, stage, formula)
    if result.outcome in ("timeout", "unknown"):
        raise EpistemicError(f"Z3 could not decide the claim ({result.outcome} after {result.seconds:.1f} s)",
                             hint=result.reason)
    return result.world


def find_counterexample(solution_or_puzzle, stage: int | None, formula: str | s.Formula,
                        timeout_s: float = DEFAULT_TIMEOUT_S) -> CounterexampleResult:
    """The full answer: outcome, the world (with its index and label), the time Z3 took."""
    import z3

    from ..engines.z3 import AND, NOT, OR, Encoder, symbolic_frames
    from ..language.elaborate import parse_claim
    from ..language.printer import formula_source
    from ..worlds.build import build_space
    from ..worlds.labels import world_label
    from ..stages.solve import Solution, require_stage

    t0 = time.perf_counter()
    puzzle = solution_or_puzzle.puzzle if isinstance(solution_or_puzzle, Solution) else solution_or_puzzle
    if isinstance(formula, str):
        formula, claimed = parse_claim(formula, puzzle)
        stage = stage if stage is not None else claimed
    if isinstance(solution_or_puzzle, Solution):
        sol = solution_or_puzzle
        k = require_stage(sol, stage)
        space = sol.space
        enc = Encoder(space)
        frames = enc.top_frames(sol.history(k))
    else:
        space = build_space(puzzle)
        last = len(puzzle.announcements)
        k = last if stage is None else stage
        if k < 0 or k > last:
            raise EpistemicError(f"stage {k} does not exist", hint=f"stages run from 0 to {last}")
        enc = Encoder(space)
        frames = tuple(symbolic_frames(enc, puzzle.announcements[:k]))
    text = formula_source(formula, puzzle)
    frame = frames[-1]
    phi = enc.formula(formula, frames)
    failing = [AND([frame.alive_at(p), NOT(phi[p])]) for p in range(len(frame.worlds))]
    solver = z3.Solver()
    solver.set("timeout", max(1, int(timeout_s * 1000)))
    solver.add(enc.defs)
    solver.add(OR(failing))
    result = z3_check(solver)
    seconds = time.perf_counter() - t0
    if result == z3.unsat:
        return CounterexampleResult("entailed", k, text, seconds=seconds, reason="no live world falsifies it (unsat)")
    if result == z3.unknown:
        why = solver.reason_unknown()
        outcome = "timeout" if ("timeout" in why or "canceled" in why) else "unknown"
        return CounterexampleResult(outcome, k, text, seconds=seconds, reason=f"Z3: {why}; this proves nothing")
    model = solver.model()
    p = next(p for p, b in enumerate(failing) if z3.is_true(model.eval(b, model_completion=True)))
    index = int(frame.worlds[p])
    world = {v.name: v.value_of(int(space.columns[v.name][index])).name for v in puzzle.variables}
    return CounterexampleResult("counterexample", k, text, world, index, world_label(space, index), seconds,
                                "the formula is false at this world")


__all__ = ["counterexample", "find_counterexample", "CounterexampleResult"]
