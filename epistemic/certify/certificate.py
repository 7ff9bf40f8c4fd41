"""Certificates: Z3 proves a solution's answer from the puzzle alone (the negation is unsat).

Every stage is re-derived symbolically (one Z3 Bool per world, defined from the previous stage),
never read from the solution's masks. The claim "the final worlds give exactly these answers" is
negated and handed to Z3: unsat is a proof, sat a refutation, anything else is reported as such.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace

from ..interrupts import z3_check
from ..language import syntax as s
from .smt_text import world_flags

OUTCOMES = ("proved", "refuted", "unknown", "timeout", "skipped")
DEFAULT_TIMEOUT_S = 20.0
MAX_WORLDS = 50_000
MAX_TERMS = 4_000_000
WORLD_CHECK_LIMIT = 20_000  # worlds up to which Z3 also checks that the world list is complete


@dataclass(frozen=True)
class Certificate:
    """The outcome of asking Z3 to prove a solution's answer."""

    outcome: str
    seconds: float
    reason: str
    claim: str = ""
    worlds_checked: bool = False

    @property
    def proved(self) -> bool:
        return self.outcome == "proved"

    def line(self) -> str:
        """One line for the terminal: "certified by Z3 in 12 ms" or why not."""
        took = _duration(self.seconds)
        if self.outcome == "proved":
            return f"certified by Z3 in {took}"
        if self.outcome == "refuted":
            return f"NOT certified: Z3 refutes the answer in {took} — {self.reason}"
        if self.outcome == "skipped":
            return f"not certified: skipped — {self.reason}"
        return f"not certified: Z3 {self.outcome} after {took} — {self.reason}"

    def to_dict(self) -> dict:
        return {
            "outcome": self.outcome,
            "proved": self.proved,
            "seconds": round(self.seconds, 6),
            "reason": self.reason,
            "claim": self.claim,
            "worlds_checked": self.worlds_checked,
        }


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def formula_size(f) -> int:
    """Nodes of a formula or term (to estimate the size of the encoding before building it)."""
    if isinstance(f, tuple):
        return sum(formula_size(x) for x in f)
    if isinstance(f, (s.Const, s.Var, s.Bool)):
        return 1
    if isinstance(f, s.Arith):
        return 1 + formula_size(f.left) + formula_size(f.right)
    if isinstance(f, s.Neg):
        return 1 + formula_size(f.term)
    if isinstance(f, s.Count):
        return 1 + formula_size(f.formulas)
    if isinstance(f, (s.And, s.Or)):
        return 1 + formula_size(f.items)
    if isinstance(f, (s.Implies, s.Iff)):
        return 1 + formula_size(f.left) + formula_size(f.right)
    if isinstance(f, s.Compare):
        return 1 + formula_size(f.left) + formula_size(f.right)
    if isinstance(f, s.Member):
        return 1 + formula_size(f.term) + len(f.values)
    if isinstance(f, (s.Not, s.Possible, s.Past)):
        return 1 + formula_size(f.body)
    if isinstance(f, s.Knows):
        return 2 + formula_size(f.body)
    if isinstance(f, s.Announce):
        return 2 + formula_size(f.announcement) + formula_size(f.body)
    return 1


def certify(solution, timeout_s: float = DEFAULT_TIMEOUT_S, max_worlds: int = MAX_WORLDS,
            max_terms: int = MAX_TERMS, check_worlds: bool = True) -> Certificate:
    """Prove (or refute) the solution's answer with Z3, re-deriving every stage from the puzzle."""
    t0 = time.perf_counter()
    if solution.space.method == "symbolic":
        return Certificate("skipped", 0.0, "the symbolic engine does not list worlds for Z3; its stages are "
                           "cross-checked against the explicit and Z3 engines in the tests (use --engine explicit "
                           "to certify a puzzle whose worlds fit)", _claim_text(solution))
    puzzle, space = solution.puzzle, solution.space
    announcements = puzzle.announcements[: len(solution.stages) - 1]
    claim = _claim_text(solution)
    terms = space.size * (sum(formula_size(a.content) for a in announcements) + 1)
    if space.size > max_worlds:
        return Certificate("skipped", time.perf_counter() - t0,
                           f"{space.size:,} worlds is over the {max_worlds:,} that are certified quickly", claim)
    if terms > max_terms:
        return Certificate("skipped", time.perf_counter() - t0,
                           f"the encoding would have about {terms:,} Z3 terms (limit {max_terms:,})", claim)
    text_result = _certify_text(solution, announcements, claim, t0, timeout_s, check_worlds)
    if text_result is not None:
        return text_result
    import z3

    from ..engines.z3 import OR, Encoder, symbolic_frames

    solution = _over_numpy(solution)
    space = solution.space
    enc = Encoder(space)
    frames = symbolic_frames(enc, announcements)
    everything = frames[0]
    final = frames[-1]
    negation = _negated_claim(enc, solution, final, everything)
    if isinstance(negation, str):
        return Certificate("refuted", time.perf_counter() - t0, negation, claim)
    parts = [negation]
    worlds_checked = False
    if check_worlds:
        missing = _missing_world(enc, space)
        if missing is not None:
            parts.append(missing)
            worlds_checked = True
    solver = z3.Solver()
    remaining_ms = max(1, int((timeout_s - (time.perf_counter() - t0)) * 1000))
    solver.set("timeout", remaining_ms)
    solver.add(enc.defs)
    solver.add(OR(parts))
    result = z3_check(solver)
    alive = lambda model: [z3.is_true(model.eval(b, model_completion=True)) for b in final.alive]  # noqa: E731
    return _outcome(solver, result, t0, timeout_s, solution, alive, claim, worlds_checked)


def _outcome(solver, result, t0: float, timeout_s: float, solution, alive, claim: str,
             worlds_checked: bool) -> Certificate:
    """The certificate for Z3's answer to the negated claim."""
    import z3

    seconds = time.perf_counter() - t0
    if result == z3.unsat:
        scope = "every world of the puzzle is accounted for; " if worlds_checked else ""
        return Certificate("proved", seconds, f"{scope}the negation of the claim is unsat", claim, worlds_checked)
    if result == z3.sat:
        model = solver.model()
        return Certificate("refuted", seconds, _explain(model, solution, alive(model), solution.space), claim,
                           worlds_checked)
    why = solver.reason_unknown()
    outcome = "timeout" if ("timeout" in why or "canceled" in why or seconds >= timeout_s) else "unknown"
    return Certificate(outcome, seconds, f"Z3 answered unknown ({why}); this is not a proof", claim, worlds_checked)


def _certify_text(solution, announcements, claim: str, t0: float, timeout_s: float,
                  check_worlds: bool) -> Certificate | None:
    """The certificate through the SMT-LIB text encoding (smt_text.py); None where it does not apply.

    Z3 checks the text through its C library (z3_text.py, no z3 package import); only a refutation
    (whose model explains it) or a library that cannot be loaded that way goes through the z3 package.
    """
    from .smt_text import TRUE, TextEncoder, Unsupported, missing_world
    from .z3_text import check_script

    space = solution.space
    enc = TextEncoder(space)
    try:
        final = enc.stages(announcements)[-1]
        negation = enc.negated_claim(solution, final)
        decls: list[str] = []
        parts = [negation]
        worlds_checked = False
        if check_worlds and space.size <= WORLD_CHECK_LIMIT and solution.puzzle.variables:
            decls, missing = missing_world(space)
            parts.append(missing)
            worlds_checked = True
    except Unsupported:
        return None
    if negation.startswith("refuted:"):
        return Certificate("refuted", time.perf_counter() - t0, negation[len("refuted:"):], claim)
    claim_negated = "(or " + " ".join(parts) + " false)"
    remaining_ms = max(1, int((timeout_s - (time.perf_counter() - t0)) * 1000))
    verdict = check_script(enc.text(decls, claim_negated), remaining_ms)
    if verdict is not None and verdict.result == "unsat":
        scope = "every world of the puzzle is accounted for; " if worlds_checked else ""
        return Certificate("proved", time.perf_counter() - t0, f"{scope}the negation of the claim is unsat", claim,
                           worlds_checked)
    if verdict is not None and verdict.result == "unknown":
        seconds = time.perf_counter() - t0
        why = verdict.reason or "unknown"
        outcome = "timeout" if ("timeout" in why or "canceled" in why or seconds >= timeout_s) else "unknown"
        return Certificate(outcome, seconds, f"Z3 answered unknown ({why}); this is not a proof", claim, worlds_checked)
    import z3

    solver = z3.Solver()
    remaining_ms = max(1, int((timeout_s - (time.perf_counter() - t0)) * 1000))
    solver.set("timeout", remaining_ms)
    solver.from_string(enc.text(decls, claim_negated))
    result = z3_check(solver)
    if result == z3.sat:  # again with named definitions, so that the model shows which worlds survive
        solver = z3.Solver()
        solver.set("timeout", remaining_ms)
        solver.from_string(enc.text(decls, claim_negated, macros=False))
        result = z3_check(solver)

    def alive(model) -> list[bool]:
        names = final.alive or [TRUE] * space.size
        return [b == TRUE or (b != "false" and z3.is_true(model.eval(z3.Bool(b), model_completion=True)))
                for b in names]

    return _outcome(solver, result, t0, timeout_s, solution, alive, claim, worlds_checked)


def _claim_text(solution) -> str:
    if solution.puzzle.question is None:
        return f"exactly {solution.stages[-1].count:,} worlds survive"
    answers = solution.answer_text()
    if not answers:
        return "no world survives"
    return f"{solution.puzzle.question.source} = " + " or ".join(answers)


def _negated_claim(enc, solution, final, everything):
    """Z3: some surviving world has another answer, or some claimed answer has no surviving world."""
    import z3

    from ..engines.z3 import ground_int

    n = enc.space.size
    puzzle = solution.puzzle
    if puzzle.question is None:
        claimed = world_flags(solution, len(solution.stages) - 1)
        return z3.Or([z3.Not(final.alive[p]) if claimed[p] else final.alive[p] for p in range(n)] or [z3.BoolVal(False)])
    columns = [enc.term(t, (everything,)) for t in puzzle.question.terms]
    answers = [tuple(ground_int(col[p]) for col in columns) for p in range(n)]
    claimed = set(solution.answer)
    other = [final.alive[p] for p in range(n) if answers[p] not in claimed]
    parts = [z3.Or(other)] if other else []
    for value in claimed:
        holders = [final.alive[p] for p in range(n) if answers[p] == value]
        if not holders:
            return f"no world of the puzzle has the claimed answer {value}"
        parts.append(z3.Not(z3.Or(holders)))
    return z3.Or(parts) if parts else z3.BoolVal(False)


def _missing_world(enc, space):
    """Z3: an assignment satisfying the domains and constraints that the world list lacks,
    or a listed world that violates a constraint. None when not worth checking."""
    import numpy as np
    import z3

    from ..engines.z3 import AND, EQ, NOT, OR, Encoder, Frame

    puzzle = space.puzzle
    if space.size > WORLD_CHECK_LIMIT:
        return None
    symbolic = {v.name: [z3.Int(f"world.{v.name}")] for v in puzzle.variables}
    one = Encoder(space, symbolic)
    single = Frame(np.zeros(1, dtype=np.int64))
    domain = []
    if puzzle.table_columns:
        cols = [symbolic[c][0] for c in puzzle.table_columns]
        domain.append(z3.Or([z3.And([c == v for c, v in zip(cols, row)]) for row in puzzle.table_rows]))
    for v in puzzle.variables:
        if v.name in puzzle.table_columns:
            continue
        x, codes = symbolic[v.name][0], sorted(v.codes)
        if codes == list(range(codes[0], codes[-1] + 1)):
            domain.append(z3.And(x >= codes[0], x <= codes[-1]))
        else:
            domain.append(z3.Or([x == c for c in codes]))
    constraints = [one.formula(f, (single,))[0] for f in puzzle.constraints]
    names = [v.name for v in puzzle.variables]
    columns = [(symbolic[name][0], enc.column(name)) for name in names]
    listed = [NOT(AND([EQ(x, col[p]) for x, col in columns])) for p in range(space.size)]
    missing = AND(domain + constraints + listed)
    everything = Frame(np.arange(space.size))
    violated = [NOT(b) for f in puzzle.constraints for b in enc.formula(f, (everything,))]
    return OR([missing] + violated)


def _over_numpy(solution):
    """The solution over a numpy WorldSpace, for the Z3-object encoder: a small engine's solution gets
    the explicit enumeration (the same worlds in the same order, checked) and its stages as masks."""
    if not isinstance(solution.stages[0].mask, int):
        return solution
    import numpy as np

    from ..worlds.build import build_space

    space = build_space(solution.puzzle, worlds="explicit")
    if space.size != solution.space.size or any(space.columns[k].tolist() != v for k, v in solution.space.columns.items()):
        raise AssertionError("the small and explicit enumerations list different worlds")
    stages = tuple(replace(st, mask=np.array(world_flags(solution, st.index), dtype=bool)) for st in solution.stages)
    return replace(solution, space=space, stages=stages)


def _explain(model, solution, alive: list[bool], space) -> str:
    """What the satisfying assignment says against the claim (alive: the final stage in the model)."""
    from ..worlds.labels import world_label

    claimed = world_flags(solution, len(solution.stages) - 1)
    extra = [p for p in range(space.size) if alive[p] and not claimed[p]]
    lost = [p for p in range(space.size) if claimed[p] and not alive[p]]
    bits = []
    if extra:
        bits.append("world " + world_label(space, extra[0]) + " also survives")
    if lost:
        bits.append("world " + world_label(space, lost[0]) + " does not survive")
    if not bits:
        found = {d.name(): model[d] for d in model.decls() if d.name().startswith("world.")}
        order = [f"world.{v.name}" for v in solution.puzzle.variables]  # the puzzle's order, not Z3's
        values = {k: found[k] for k in sorted(found, key=lambda k: order.index(k) if k in order else len(order))}
        if values:
            return "a world the enumeration missed: " + ", ".join(f"{k[6:]}={v}" for k, v in values.items())
        return "Z3 found a model of the negated claim"
    return "; ".join(bits)


__all__ = ["Certificate", "certify", "formula_size", "OUTCOMES"]
