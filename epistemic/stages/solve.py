"""Announcements -> stages -> answers, with lints about vacuous and contradictory announcements."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from ..engines.base import Engine, choose_engine, get_engine
from ..worlds.evaluate import static_term
from ..errors import EpistemicError
from ..language import syntax as s
from ..worlds.build import build_space
from ..worlds.space import WorldSpace
from ..worlds.labels import format_answer, world_label


@dataclass(frozen=True)
class Lint:
    level: str  # "warning" or "error"
    message: str
    stage: int | None = None
    line: int | None = None
    hint: str | None = None

    def to_dict(self) -> dict:
        return {"level": self.level, "message": self.message, "stage": self.stage, "line": self.line, "hint": self.hint}


@dataclass(frozen=True, eq=False)
class Stage:
    """The model after `index` announcements: which worlds survive and who knows the answer."""

    index: int
    announcement: s.Announcement | None
    mask: np.ndarray = field(repr=False)
    count: int
    removed: int
    knows: dict[str, int | None]
    knows_actual: dict[str, bool] | None = None


@dataclass(frozen=True, eq=False)
class Solution:
    puzzle: s.Puzzle
    space: WorldSpace
    stages: tuple[Stage, ...]
    answer: tuple[tuple[int, ...], ...]
    lints: tuple[Lint, ...]
    engine: str
    seconds: dict[str, float]
    complete: bool = True
    certificate: object | None = None  # a certify.Certificate once Z3 has checked the answer

    @property
    def unique(self) -> bool:
        return len(self.answer) == 1

    @property
    def answer_matches(self) -> bool | None:
        if self.puzzle.expected_answer is None:
            return None
        return set(self.answer) == set(self.puzzle.expected_answer)

    @property
    def stages_match(self) -> bool | None:
        expected = self.puzzle.expected_stages
        if expected is None:
            return None
        return tuple(st.count for st in self.stages) == tuple(expected)

    @property
    def ok(self) -> bool:
        return not any(l.level == "error" for l in self.lints)

    def answer_text(self) -> list[str]:
        return [format_answer(self.puzzle, codes) for codes in self.answer]

    def worlds(self, stage: int, limit: int | None = None) -> list[str]:
        if self.space.method == "symbolic":
            return self.space.labels(self.stages[stage].mask, limit)
        idx = np.flatnonzero(self.stages[stage].mask)
        if limit is not None:
            idx = idx[:limit]
        return [world_label(self.space, int(i)) for i in idx]

    def history(self, stage: int | None = None) -> list[np.ndarray]:
        last = len(self.stages) - 1 if stage is None else stage
        return [st.mask for st in self.stages[: last + 1]]

    def to_dict(self, world_limit: int = 50) -> dict:
        """The JSON form documented in README.md (schema `epistemic.solve/1`)."""
        p = self.puzzle
        return {
            "schema": "epistemic.solve/1",
            "puzzle": p.title,
            "file": p.file,
            "params": dict(p.params),
            "engine": self.engine,
            "worlds": self.space.size,
            "enumeration": self.space.method,
            "agents": [
                {"name": a.name, "display": list(a.display), "observes": a.observes_text} for a in p.agents
            ],
            "question": p.question.source if p.question else None,
            "stages": [
                {
                    "index": st.index,
                    "announcement": _announcement_dict(st.announcement),
                    "removed": st.removed,
                    "remaining": st.count,
                    "worlds": self.worlds(st.index, world_limit),
                    "worlds_truncated": st.count > world_limit,
                    "knows_answer": {
                        a: {"worlds": n, "at_actual": None if st.knows_actual is None else st.knows_actual[a]}
                        for a, n in st.knows.items()
                    },
                }
                for st in self.stages
            ],
            "complete": self.complete,
            "answer": {
                "values": [list(v) for v in self.answer],
                "display": self.answer_text(),
                "unique": self.unique,
                "count": len(self.answer),
            },
            "expected": {
                "answer": [format_answer(p, c) for c in p.expected_answer] if p.expected_answer else None,
                "answer_ok": self.answer_matches,
                "stages": list(p.expected_stages) if p.expected_stages else None,
                "stages_ok": self.stages_match,
                "not_applicable": list(p.not_applicable),
                "written_for": dict(p.param_defaults),
            },
            "lints": [l.to_dict() for l in self.lints],
            "seconds": {k: round(v, 6) for k, v in self.seconds.items()},
            "certificate": self.certificate.to_dict() if self.certificate is not None else None,
        }


def _announcement_dict(a: s.Announcement | None) -> dict | None:
    if a is None:
        return None
    return {
        "source": a.source,
        "speaker": a.speaker,
        "texts": dict(a.texts),
        "line": a.span.line if a.span else None,
        "round": a.round,
    }


def solve(puzzle: s.Puzzle, engine: str | Engine = "explicit", space: WorldSpace | None = None,
          worlds: str = "auto") -> Solution:
    """Announce each statement in turn; report stages, the answer and lints.

    engine: 'explicit', 'z3', 'symbolic', or 'auto' (explicit when the worlds fit the memory budget,
    symbolic otherwise: engines.base.choose_engine). worlds: how the explicit engines enumerate the
    worlds (model.build_space): 'auto', 'explicit' or 'z3'.
    """
    if engine == "auto":
        engine = choose_engine(puzzle)
    eng = get_engine(engine) if isinstance(engine, str) else engine
    sets = eng if getattr(eng, "symbolic", False) else MaskSets()
    t0 = time.perf_counter()
    space = space or (eng.space(puzzle) if sets is eng else build_space(puzzle, worlds=worlds))
    t1 = time.perf_counter()
    masks = [sets.everything(space)]
    counts = [sets.count(space, masks[0])]
    lints: list[Lint] = []
    announced: list[s.Announcement | None] = [None]
    complete = True
    if counts[0] == 0:
        lints.append(Lint("error", "the puzzle has no worlds: its constraints exclude every assignment",
                          hint="check the `where` constraints and the ranges"))
        complete = False
    for i, ann in enumerate(puzzle.announcements if complete else (), start=1):
        keep = eng.evaluate(space, masks, ann.content)
        if sets is not eng:  # the symbolic engine's value lies within the stage already, and one more AND
            keep = keep & masks[-1]  # of two stage-sized BDDs would cost as much as the announcement
        kept = sets.count(space, keep)
        removed = counts[-1] - kept
        line = ann.span.line if ann.span else None
        if kept == 0:
            lints.append(Lint("error", f"announcement {i} ({ann.source}) removes every world: it is false in all "
                              "remaining worlds", i, line, "a truthful announcement must hold in the actual world; "
                              "check the formula, or whether it should be about an earlier moment (before ...)"))
            complete = False
            masks.append(keep)
            counts.append(kept)
            announced.append(ann)
            break
        if removed == 0:
            lints.append(Lint("warning", f"announcement {i} ({ann.source}) is vacuous: it removes no world", i, line,
                              "did you mean it about an earlier moment? e.g. `before (...)` or `initially (...)`"))
        masks.append(keep)
        counts.append(kept)
        announced.append(ann)
    t2 = time.perf_counter()

    final = masks[-1]
    answer: tuple[tuple[int, ...], ...] = ()
    if puzzle.question is not None and counts[-1]:
        answer = sets.answers(space, final, puzzle.question.terms)
    actual = sets.only_world(space, final) if counts[-1] == 1 else None
    stages = []
    for k, mask in enumerate(masks):
        knows, at_actual = who_knows_answer(eng, space, masks[: k + 1], actual, sets, counts[k])
        previous = counts[k - 1] if k else counts[k]
        stages.append(Stage(k, announced[k], mask, counts[k], previous - counts[k], knows, at_actual))
    t3 = time.perf_counter()

    solution = Solution(puzzle, space, tuple(stages), answer, tuple(lints), eng.name,
                        {"enumerate": t1 - t0, "announce": t2 - t1, "report": t3 - t2}, complete)
    extra = []
    if solution.answer_matches is False:
        got = ", ".join(solution.answer_text()) or "no answer (no world survives)"
        want = ", ".join(format_answer(puzzle, c) for c in puzzle.expected_answer or ())
        extra.append(Lint("error", f"expected answer {want}, but the puzzle gives {got}"))
    if solution.stages_match is False:
        got = " ".join(str(st.count) for st in stages)
        want = " ".join(str(n) for n in puzzle.expected_stages or ())
        extra.append(Lint("error", f"expected stage sizes {want}, but the puzzle gives {got}"))
    if extra:
        solution = Solution(puzzle, space, solution.stages, answer, tuple(lints + extra), eng.name,
                            solution.seconds, complete)
    return solution


KNOWS_BUDGET = 8_000_000  # worlds × agents per stage for which every world's knowledge is reported


def who_knows_answer(eng: Engine, space: WorldSpace, history: list, actual, sets=None, count: int | None = None):
    """Per agent: in how many worlds of the stage it knows the answer, and whether it does at the answer.

    Past KNOWS_BUDGET (e.g. 2^20 worlds × 20 agents) the explicit engines look only at the answer's
    world, through the agent's class there; the counts are then None. The symbolic engine counts.
    """
    puzzle = space.puzzle
    mask = history[-1]
    sets = sets or MaskSets()
    if puzzle.question is None or not (count if count is not None else sets.count(space, mask)):
        return {}, None
    if sets is eng:
        return eng.who_knows(space, history, puzzle.question.terms, actual)
    formulas = [s.Knows("agent", (a.name,), "value", puzzle.question.terms) for a in puzzle.agents]
    if space.size * len(formulas) > KNOWS_BUDGET:
        at_actual = None
        if actual is not None:
            live = np.flatnonzero(mask)  # once per stage: each agent then looks at the live worlds only
            at_actual = {a.name: _knows_value_at(space, live, a.name, actual, puzzle.question.terms)
                         for a in puzzle.agents}
        return {a.name: None for a in puzzle.agents}, at_actual
    many = getattr(eng, "evaluate_many", None)
    results = many(space, history, formulas) if many else [eng.evaluate(space, history, f) for f in formulas]
    knows = {a.name: int(r.sum()) for a, r in zip(puzzle.agents, results)}
    at_actual = None if actual is None else {a.name: bool(r[actual]) for a, r in zip(puzzle.agents, results)}
    return knows, at_actual


class MaskSets:
    """Sets of worlds as boolean masks over an enumerated WorldSpace (the explicit and Z3 engines).

    The symbolic engine offers the same methods over BDDs, so solve() runs one loop for both.
    """

    def everything(self, space: WorldSpace) -> np.ndarray:
        return np.ones(space.size, dtype=bool)

    def count(self, space: WorldSpace, mask: np.ndarray) -> int:
        return int(mask.sum())

    def answers(self, space: WorldSpace, mask: np.ndarray, terms) -> tuple[tuple[int, ...], ...]:
        return answer_values(space, mask, terms)

    def only_world(self, space: WorldSpace, mask: np.ndarray) -> int:
        return int(np.flatnonzero(mask)[0])


def _knows_value_at(space: WorldSpace, live: np.ndarray, agent: str, world: int, terms) -> bool:
    """Whether the terms take one value over the live worlds (indices) of the agent's class at `world`."""
    cls = space.classes[agent]
    where = np.flatnonzero(cls == cls[world]) if len(live) == space.size else live[cls[live] == cls[world]]
    return all(np.all(values[where] == values[world]) for values in _term_columns(space, terms))


def _term_columns(space: WorldSpace, terms: tuple[s.Term, ...]) -> list[np.ndarray]:
    """The terms' values at every world of the space (computed once per space and terms)."""
    key = ("term-columns", id(terms))  # by identity: hashing a syntax tree walks all of it
    hit = space.cache.get(key)
    if hit is None or hit[0] is not terms:
        hit = space.cache[key] = (terms, [np.broadcast_to(static_term(t, space.columns), (space.size,)) for t in terms])
    return hit[1]


def answer_values(space: WorldSpace, mask: np.ndarray, terms: tuple[s.Term, ...]) -> tuple[tuple[int, ...], ...]:
    """The distinct values of the question's terms over the worlds in mask, in world order."""
    idx = np.flatnonzero(mask)
    if not terms:
        return ((),) if len(idx) else ()
    columns = {name: col[idx] for name, col in space.columns.items()}
    rows = np.stack([np.broadcast_to(static_term(t, columns), (len(idx),)) for t in terms], axis=1)
    _, first = np.unique(rows, axis=0, return_index=True)  # each distinct row's first world
    return tuple(tuple(row) for row in rows[np.sort(first)].tolist())


def require_stage(solution: Solution, stage: int | None) -> int:
    """A valid stage index (None: the last), or a clear error."""
    last = len(solution.stages) - 1
    if stage is None:
        return last
    if stage < 0 or stage > last:
        raise EpistemicError(f"stage {stage} does not exist", hint=f"stages run from 0 to {last}")
    return stage
