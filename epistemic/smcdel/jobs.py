"""Run SMCDEL jobs (VALID?, WHERE?, TRUE?, UPDATE!) through our engines and answer as SMCDEL prints.

States are the assignments that satisfy the LAW; each is shown as the sorted list of its true
atoms (`[1,2]`), listed in SMCDEL's order (atoms ascending, false before true, as its BDDs
enumerate them). The structure is our world space; every job is one `engine.evaluate` call.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from ..engines.base import Engine, get_engine
from ..worlds.evaluate import static_values
from ..errors import EpistemicError, Location, TooLarge
from ..language import syntax as s
from ..worlds.build import build_space
from ..worlds.space import WorldSpace, space_from_columns
from .reader import SmcdelFile, atom_of, atom_var

DIRECT_ATOMS = 20
MAX_CUBE_FREE = 16
MAX_ATOMS = 4096


@dataclass(frozen=True)
class JobResult:
    """One job's answer: `valid`/`value` for VALID?/TRUE?, `states` for WHERE?, `remaining` for UPDATE!."""

    index: int
    kind: str
    source: str
    line: int
    state: tuple[int, ...] | None = None
    valid: bool | None = None
    value: bool | None = None
    states: tuple[tuple[int, ...], ...] | None = None
    remaining: int | None = None

    def question(self) -> str:
        if self.kind == "valid":
            return f"Is {self.source} valid on F?"
        if self.kind == "true":
            return f"Is {self.source} true at {show_state(self.state or ())}?"
        if self.kind == "where":
            return f"At which states is {self.source} true?"
        return f"Update F with {self.source}."

    def answer_lines(self) -> list[str]:
        if self.kind == "valid":
            return [str(self.valid)]
        if self.kind == "true":
            return [str(self.value)]
        if self.kind == "where":
            return [show_state(st) for st in self.states or ()]
        return [f"{self.remaining} states remain"]

    def to_dict(self) -> dict:
        out: dict = {"index": self.index, "kind": self.kind, "formula": self.source, "line": self.line}
        if self.kind == "valid":
            out["valid"] = self.valid
        elif self.kind == "true":
            out["state"] = list(self.state or ())
            out["value"] = self.value
        elif self.kind == "where":
            out["states"] = [list(st) for st in self.states or ()]
        else:
            out["remaining"] = self.remaining
        return out


@dataclass(frozen=True, eq=False)
class Run:
    """All jobs of one file, answered by one engine."""

    doc: SmcdelFile
    space: WorldSpace
    engine: str
    results: tuple[JobResult, ...]
    seconds: dict[str, float] = field(default_factory=dict)

    def text(self) -> str:
        """The answers the way SMCDEL's command line prints them: a question, its answer, a blank line."""
        out = []
        for r in self.results:
            out.append(r.question())
            out.extend(r.answer_lines())
            out.append("")
        return "\n".join(out)

    def to_dict(self) -> dict:
        """JSON schema `epistemic.smcdel/1` (docs/smcdel.md)."""
        return {
            "schema": "epistemic.smcdel/1",
            "file": self.doc.file,
            "title": self.doc.puzzle.title,
            "engine": self.engine,
            "vars": list(self.doc.atoms),
            "law": self.doc.law_source,
            "observes": {name: list(atoms) for name, atoms in self.doc.observes},
            "states": self.space.size,
            "jobs": [r.to_dict() for r in self.results],
            "seconds": {k: round(v, 6) for k, v in self.seconds.items()},
        }


def show_state(state: Sequence[int]) -> str:
    """A state as SMCDEL shows it: Haskell's list syntax, `[1,2,3]`."""
    return "[" + ",".join(str(a) for a in state) + "]"


# ---------------------------------------------------------------- the structure


def smcdel_space(doc: SmcdelFile) -> WorldSpace:
    """The states of the LAW as a world space: direct enumeration, or guided by the LAW's cubes."""
    n = len(doc.atoms)
    if n > MAX_ATOMS:
        raise TooLarge(f"the file has {n:,} atoms; we read at most {MAX_ATOMS:,}")
    if n <= DIRECT_ATOMS:
        return build_space(doc.puzzle)
    columns = _cube_enumeration(doc)
    if columns is None:
        raise TooLarge(
            f"the LAW has {n} atoms (2^{n} assignments) and no disjunction of cubes to enumerate it from",
            Location(doc.file, 1, 1),
            "write the LAW as AND(ONEOF(...), OR((1 & 5), (2 & 6), ...)) as SMCDEL's examples do, or use fewer atoms")
    return space_from_columns(doc.puzzle, columns, "smcdel-law", 1 << min(n, 62))


def _conjuncts(f: s.Formula) -> list[s.Formula]:
    if isinstance(f, s.And):
        return [c for item in f.items for c in _conjuncts(item)]
    return [f]


def _literal(f: s.Formula) -> tuple[int, bool] | None:
    atom = atom_of(f)
    if atom is not None:
        return atom, True
    if isinstance(f, s.Not):
        atom = atom_of(f.body)
        if atom is not None:
            return atom, False
    return None


def _cube(f: s.Formula) -> dict[int, bool] | None:
    lits = [_literal(c) for c in _conjuncts(f)]
    if any(l is None for l in lits):
        return None
    cube: dict[int, bool] = {}
    for atom, value in lits:  # type: ignore[misc]
        if cube.get(atom, value) != value:
            return {}  # contradictory: no state
        cube[atom] = value
    return cube


def _oneof_group(f: s.Formula) -> tuple[int, ...] | None:
    """The atoms of a top-level ONEOF(a, b, ...) over plain atoms."""
    if (isinstance(f, s.Compare) and f.op == "=" and isinstance(f.left, s.Count) and f.right == s.Const(1)):
        atoms = [atom_of(x) for x in f.left.formulas]
        if all(a is not None for a in atoms):
            return tuple(atoms)  # type: ignore[arg-type]
    return None


def _cube_enumeration(doc: SmcdelFile) -> dict[str, np.ndarray] | None:
    """Candidates from the smallest top-level OR of cubes, completed by ONEOF propagation, then filtered."""
    parts = _conjuncts(doc.law)
    best = None
    for part in parts:
        if isinstance(part, s.Or):
            cubes = [_cube(item) for item in part.items]
            if all(c is not None for c in cubes) and (best is None or len(cubes) < len(best)):
                best = cubes
    if best is None:
        return None
    groups = [g for g in (_oneof_group(p) for p in parts) if g]
    atoms = list(doc.atoms)
    rows: list[np.ndarray] = []
    for cube in best:
        if cube == {}:
            continue
        fixed = dict(cube)
        for group in groups:
            if any(fixed.get(a) for a in group):
                for a in group:
                    fixed.setdefault(a, False)
        free = [a for a in atoms if a not in fixed]
        if len(free) > MAX_CUBE_FREE:
            return None
        block = np.zeros((1 << len(free), len(atoms)), dtype=np.int64)
        index = {a: j for j, a in enumerate(atoms)}
        for a, v in fixed.items():
            block[:, index[a]] = int(v)
        for k, a in enumerate(free):
            block[:, index[a]] = (np.arange(1 << len(free)) >> k) & 1
        rows.append(block)
    table = np.unique(np.concatenate(rows), axis=0) if rows else np.zeros((0, len(atoms)), dtype=np.int64)
    columns = {atom_var(a): table[:, j].copy() for j, a in enumerate(atoms)}
    ok = static_values(doc.law, columns, len(table)) if len(table) else np.zeros(0, dtype=bool)
    return {k: c[ok] for k, c in columns.items()}


def state_order(space: WorldSpace, atoms: Sequence[int]) -> np.ndarray:
    """World indices sorted as SMCDEL lists states: by atom number ascending, false before true."""
    ordered = sorted(atoms)
    if not ordered or space.size == 0:
        return np.arange(space.size)
    keys = [space.columns[atom_var(a)] for a in reversed(ordered)]
    return np.lexsort(keys)


def state_of(space: WorldSpace, atoms: Sequence[int], index: int) -> tuple[int, ...]:
    return tuple(a for a in sorted(atoms) if space.columns[atom_var(a)][index])


def find_state(space: WorldSpace, atoms: Sequence[int], state: Sequence[int]) -> int | None:
    """The world index of the state whose true atoms are exactly `state`, or None if the LAW excludes it."""
    ok = np.ones(space.size, dtype=bool)
    wanted = set(state)
    for a in atoms:
        ok &= space.columns[atom_var(a)] == (1 if a in wanted else 0)
    hits = np.flatnonzero(ok)
    return int(hits[0]) if len(hits) else None


# ---------------------------------------------------------------- jobs


def run_jobs(doc: SmcdelFile, engine: str | Engine = "explicit", space: WorldSpace | None = None) -> Run:
    """Answer every job of the file in order (UPDATE! restricts the structure for the jobs after it).

    engine 'auto': explicit up to DIRECT_ATOMS atoms, the symbolic engine (BDDs, as SMCDEL) past them.
    """
    if engine == "auto":
        engine = "explicit" if len(doc.atoms) <= DIRECT_ATOMS else "symbolic"
    eng = get_engine(engine) if isinstance(engine, str) else engine
    if getattr(eng, "symbolic", False):
        return _run_symbolic(doc, eng)
    t0 = time.perf_counter()
    space = space if space is not None else smcdel_space(doc)
    t1 = time.perf_counter()
    history = [np.ones(space.size, dtype=bool)]
    order = state_order(space, doc.atoms)
    results = []
    for i, job in enumerate(doc.jobs):
        results.append(_answer(i, job, doc, space, eng, history, order))
    t2 = time.perf_counter()
    return Run(doc, space, eng.name, tuple(results), {"enumerate": t1 - t0, "jobs": t2 - t1})


def _answer(i, job, doc, space, eng, history, order) -> JobResult:
    current = history[-1]
    truth = eng.evaluate(space, history, job.formula)
    if job.kind == "valid":
        return JobResult(i, job.kind, job.source, job.line, valid=bool((truth | ~current).all()))
    if job.kind == "where":
        idx = order[(truth & current)[order]]
        return JobResult(i, job.kind, job.source, job.line,
                         states=tuple(state_of(space, doc.atoms, int(w)) for w in idx))
    if job.kind == "true":
        w = find_state(space, doc.atoms, job.state or ())
        if w is None or not current[w]:
            shown = show_state(job.state or ())
            where = "the LAW" if w is None else "the structure after the UPDATE! jobs before it"
            raise EpistemicError(f"TRUE? asks about state {shown}, which does not satisfy {where}",
                                 Location(doc.file, job.line, 1),
                                 "a state lists the atoms that are true; it must be one of the structure's states "
                                 "(see WHERE? Top)")
        return JobResult(i, job.kind, job.source, job.line, state=job.state, value=bool(truth[w]))
    keep = truth & current
    history.append(keep)
    return JobResult(i, job.kind, job.source, job.line, remaining=int(keep.sum()))


def _run_symbolic(doc: SmcdelFile, eng) -> Run:
    """run_jobs on the symbolic engine: the LAW is a BDD, VALID? and UPDATE! count, WHERE? lists its answer."""
    t0 = time.perf_counter()
    space = eng.space(doc.puzzle)
    t1 = time.perf_counter()
    history = [eng.everything(space)]
    ordered = sorted(doc.atoms)
    results = []
    for i, job in enumerate(doc.jobs):
        current = history[-1]
        truth = eng.evaluate(space, history, job.formula)
        if job.kind == "valid":
            results.append(JobResult(i, job.kind, job.source, job.line, valid=eng.is_empty(space, current & ~truth)))
        elif job.kind == "where":
            worlds = sorted(eng.worlds(space, truth), key=lambda w: tuple(w[atom_var(a)] for a in ordered))
            states = tuple(tuple(a for a in ordered if w[atom_var(a)]) for w in worlds)
            results.append(JobResult(i, job.kind, job.source, job.line, states=states))
        elif job.kind == "true":
            wanted = set(job.state or ())
            world = {atom_var(a): int(a in wanted) for a in doc.atoms}
            if not eng.holds_at(space, current, world):
                in_law = eng.holds_at(space, history[0], world)
                where = "the structure after the UPDATE! jobs before it" if in_law else "the LAW"
                raise EpistemicError(f"TRUE? asks about state {show_state(job.state or ())}, which does not satisfy "
                                     f"{where}", Location(doc.file, job.line, 1),
                                     "a state lists the atoms that are true; it must be one of the structure's "
                                     "states (see WHERE? Top)")
            results.append(JobResult(i, job.kind, job.source, job.line, state=job.state,
                                     value=eng.holds_at(space, truth, world)))
        else:
            keep = truth & current
            history.append(keep)
            results.append(JobResult(i, job.kind, job.source, job.line, remaining=eng.count(space, keep)))
    t2 = time.perf_counter()
    return Run(doc, space, eng.name, tuple(results), {"enumerate": t1 - t0, "jobs": t2 - t1})


def all_states(space: WorldSpace, atoms: Sequence[int]) -> list[tuple[int, ...]]:
    """Every state of the structure, in SMCDEL's order."""
    return [state_of(space, atoms, int(w)) for w in state_order(space, atoms)]


__all__ = ["JobResult", "Run", "run_jobs", "smcdel_space", "show_state", "all_states", "find_state",
           "state_order"]
