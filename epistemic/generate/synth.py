"""Z3 synthesis: Z3 chooses the world set so that the dialogue leaves exactly one world.

One Bool per world of the family's pool says the world is in the puzzle; one Bool per world and
stage says it survives that stage. The dialogue, a unique survivor, informative and necessary
dialogue units (units.py) and the user's targets (the answer by name) are constraints; every model is then screened, written,
re-parsed and solved like a sampled candidate.
"""
from __future__ import annotations

from typing import Any, Callable

import z3

from ..errors import EpistemicError
from ..interrupts import z3_check
from ..language import syntax as s
from ..limits import MAX_KNOB
from .knobs import knobs_text
from .pipeline import Generated, Stats, collect, item_rng, title_of
from .screen import ScreenModel, screen
from .units import line_units, without
from .verify import parse_text, verify_parsed

TARGETS = ("answer", "worlds", "per_row", "removed")
DEFAULT_TRIES = 200


class Encoder:
    """Formulas of the dialogue tree as Z3 Bools per pool world, over a history of survival vectors."""

    def __init__(self, model: ScreenModel, ctx=None):
        self.model = model
        self.ctx = ctx
        self.members = {a: [[i for i in range(model.n) if c >> i & 1] for c in cs] for a, cs in model.classes.items()}
        self.class_of = {a: {i: cls for cls in ms for i in cls} for a, ms in self.members.items()}

    def formula(self, f: s.Formula, hist: list[list]) -> list:
        alive = hist[-1]
        n = self.model.n
        if isinstance(f, s.Knows) and f.kind == "agent" and f.mode == "value" and f.body == self.model.answer:
            cls = self.class_of[f.agents[0]]
            return [self.all([z3.Not(alive[v]) for v in cls[w] if v != w]) for w in range(n)]
        if isinstance(f, s.Knows) and f.kind == "agent" and f.mode == "that":
            body = self.formula(f.body, hist)
            cls = self.class_of[f.agents[0]]
            per_class = {}
            for w in range(n):
                key = cls[w][0]
                if key not in per_class:
                    per_class[key] = self.all([z3.Implies(alive[v], body[v]) for v in cls[w]])
            return [per_class[cls[w][0]] for w in range(n)]
        if isinstance(f, s.Not):
            return [z3.Not(x) for x in self.formula(f.body, hist)]
        if isinstance(f, s.And):
            parts = [self.formula(x, hist) for x in f.items]
            return [self.all([p[w] for p in parts]) for w in range(n)]
        if isinstance(f, s.Past) and f.back == 1:
            return self.formula(f.body, hist[:-1] if len(hist) > 1 else hist)
        raise EpistemicError(f"synthesis does not support {type(f).__name__} in dialogues")

    def all(self, xs: list):
        """Conjunction in this encoder's context (an empty one is true)."""
        return z3.And(xs) if xs else z3.BoolVal(True, self.ctx)

    def run(self, solver, include: list, lines, tag: str) -> list[list]:
        """Survival vectors for each stage (fresh Bools defined by equalities)."""
        hist = [include]
        for k, line in enumerate(lines, start=1):
            content = self.formula(line.content, hist)
            nxt = [z3.Bool(f"{tag}_s{k}_{w}", self.ctx) for w in range(self.model.n)]
            for w in range(self.model.n):
                solver.add(nxt[w] == z3.And(hist[-1][w], content[w]))
            hist.append(nxt)
        return hist


def count(bools) -> Any:
    return z3.Sum([z3.If(b, 1, 0) for b in bools])


def synthesize(family, knobs: dict, count_: int, seed: int, targets: dict[str, Any], start: int = 0,
               max_tries: int | None = None, use_z3: bool = True,
               progress: Callable[[int], Any] | None = None) -> tuple[list[Generated], Stats]:
    """`count_` distinct puzzles whose world sets Z3 chooses (cards, birthdays)."""
    return collect(synth_maker(family, knobs, seed, targets, max_tries, use_z3), start, count_, use_z3, progress)


def synth_maker(family, knobs: dict, seed: int, targets: dict[str, Any], max_tries: int | None = None,
                use_z3: bool = True) -> Callable:
    """make_item(index, seen, stats, certifier) for a synthesis run (checks the family and targets once)."""
    if not getattr(family, "synthesizable", False) or not hasattr(family, "synth_pool"):
        raise EpistemicError(f"--synth is not available for {family.name}",
                             hint="synthesis chooses world sets from a pool: use cards or birthdays")
    bad = [k for k in targets if k not in TARGETS]
    if bad:
        raise EpistemicError(f"unknown target {bad[0]!r}", hint=f"targets: {', '.join(TARGETS)}")
    for name in ("worlds", "per_row"):
        if name in targets and not (isinstance(targets[name], int) and 1 <= targets[name] <= MAX_KNOB):
            raise EpistemicError(f"target {name} must be a whole number from 1 to {MAX_KNOB:,}, got {targets[name]!r}")
    if "removed" in targets and not all(isinstance(r, int) and 0 <= r <= MAX_KNOB for r in targets["removed"]):
        raise EpistemicError(f"target removed must list whole numbers ≥ 0, got {targets['removed']!r}",
                             hint="e.g. --target removed=5,3,1")
    if "answer" in targets:
        targets = dict(targets, answer=family.synth_answer(targets["answer"], knobs))
    tries = max_tries or DEFAULT_TRIES

    def item(index, seen, stats, certifier):
        return synth_item(family, knobs, seed, index, targets, seen, tries, stats, use_z3, certifier)

    return item


def synth_item(family, knobs, seed, index, targets, seen, tries, stats, use_z3, certifier=None) -> Generated:
    rng = item_rng(family.name + "/synth", knobs, seed, index)
    title = title_of(family.name, seed, index)
    wanted = targets.get("answer")
    for attempt in range(1, tries + 1):
        pool, lines, size = family.synth_pool(rng, knobs, wanted)
        full = family.synth_candidate(pool, lines, knobs)
        pool_targets = dict(targets, answer=pool.index(wanted)) if wanted is not None else targets
        chosen = solve_once(full.model, lines, size, pool_targets, family.synth_rows(pool), rng)
        stats.candidates += 1
        if chosen is None:
            stats.reasons["unsat"] += 1
            continue
        cand = family.synth_candidate([pool[i] for i in chosen], lines, knobs)
        verdict = screen(cand.model, cand.lines)
        stats.reasons[verdict.reason] += 1
        if not verdict.ok:
            continue
        stats.screened += 1
        parsed = parse_text(cand.write(verdict, title), title)
        if parsed.key in seen:
            stats.duplicates += 1
            continue
        verified = verify_parsed(parsed, use_z3, certifier)
        if not verified.ok:
            stats.rejected_by_engine += 1
            continue
        return Generated(family.name, seed, index, 0, knobs, verified, attempt, method="synth")
    reasons = ", ".join(f"{k}: {v:,}" for k, v in stats.reasons.most_common())
    raise EpistemicError(f"Z3 found no {family.name} puzzle for item {index} after {tries:,} dialogues "
                         f"({stats.candidates:,} Z3 calls in all; {reasons}; duplicates: {stats.duplicates:,})",
                         hint=f"the targets may be impossible for these knobs ({knobs_text(knobs)}); relax them")


def solve_once(model: ScreenModel, lines, size: int, targets: dict, rows: list, rng) -> list[int] | None:
    """One Z3 call: the pool indices of a world set meeting every constraint, or None (unsat/unknown)."""
    n = model.n
    ctx = z3.Context()  # fresh per call: the same item gives the same model whatever ran before
    solver = z3.Solver(ctx=ctx)
    solver.set("timeout", 10_000)
    solver.set("random_seed", rng.randrange(1 << 30))
    include = [z3.Bool(f"in_{w}", ctx) for w in range(n)]
    enc = Encoder(model, ctx)
    hist = enc.run(solver, include, lines, "main")
    final = hist[-1]
    solver.add(count(include) == targets.get("worlds", size))
    solver.add(count(final) == 1)
    for a, b in zip(hist, hist[1:]):
        solver.add(z3.Or([z3.And(x, z3.Not(y)) for x, y in zip(a, b)]))
    for i, unit in enumerate(line_units(lines)):
        rest = without(lines, unit)
        dropped = enc.run(solver, include, rest, f"drop{i}")[-1]
        solver.add(z3.Not(enc.all([x == y for x, y in zip(dropped, final)])))
    if "answer" in targets:
        solver.add(final[targets["answer"]])
    if "per_row" in targets:
        for row in set(rows):
            solver.add(count([include[w] for w in range(n) if rows[w] == row]) <= targets["per_row"])
    if "removed" in targets:
        removed = list(targets["removed"])
        if len(removed) != len(lines):
            return None
        for r, (a, b) in zip(removed, zip(hist, hist[1:])):
            solver.add(count([z3.And(x, z3.Not(y)) for x, y in zip(a, b)]) == r)
    # A few random literals spread the solutions over the pool (deterministic per item).
    for w in rng.sample(range(n), min(3, n)):
        solver.add(include[w] if rng.random() < 0.5 else z3.Not(include[w]))
    if z3_check(solver) != z3.sat:
        return None
    m = solver.model()
    return [w for w in range(n) if z3.is_true(m.eval(include[w], model_completion=True))]
