"""Announcements -> stages -> answers, with lints about vacuous and contradictory announcements."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from ..engines.base import Engine, choose_engine, get_engine
from ..errors import EpistemicError
from ..language import syntax as s
from ..worlds.labels import format_answer

if TYPE_CHECKING:
    from ..worlds.space import WorldSpace


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
    mask: object = field(repr=False)  # the engine's set of worlds: a numpy mask, a BDD or a bitset
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
        return self.space.labels(self.stages[stage].mask, limit)

    def history(self, stage: int | None = None) -> list:
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

    engine: 'explicit', 'small', 'z3', 'symbolic', or 'auto' (small for a few thousand raw worlds,
    explicit when the worlds fit the memory budget, symbolic otherwise: engines.base.choose_engine). worlds: how the explicit engines enumerate the
    worlds (model.build_space): 'auto', 'explicit' or 'z3'.
    """
    if engine == "auto":  # the small engine only where it enumerates as asked (product and filter)
        engine = choose_engine(puzzle, small=space is None and worlds != "z3")
    eng = get_engine(engine) if isinstance(engine, str) else engine
    sets = set_operations(eng)
    t0 = time.perf_counter()
    if space is None and sets is eng:
        space = eng.space(puzzle)
    elif space is None:
        from ..worlds.build import build_space

        space = build_space(puzzle, worlds=worlds)
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
        if getattr(eng, "within_stage", False) is not True:  # the BDD engine's value lies within the stage
            keep = keep & masks[-1]  # already, and one more AND of two stage-sized BDDs costs as much as the
            # announcement; masks and the small engine's bitsets are ANDed (cheap)
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


def who_knows_answer(eng: Engine, space, history: list, actual, sets=None, count: int | None = None):
    """Per agent: in how many worlds of the stage it knows the answer, and whether it does at the answer.

    Engines with their own sets answer themselves; over masks, past masks.KNOWS_BUDGET (e.g. 2^20
    worlds × 20 agents) only the answer's world is looked at and the counts are None.
    """
    puzzle = space.puzzle
    sets = sets or set_operations(eng)
    if puzzle.question is None or not (count if count is not None else sets.count(space, history[-1])):
        return {}, None
    if sets is eng:
        return eng.who_knows(space, history, puzzle.question.terms, actual)
    return sets.who_knows(eng, space, history, puzzle.question.terms, actual)


def set_operations(eng):
    """The engine itself when it keeps its own sets of worlds (`symbolic = True`: BDDs, bitsets), else
    numpy masks (imported here, so that the other engines never load numpy)."""
    if getattr(eng, "symbolic", False):
        return eng
    from .masks import MaskSets

    return MaskSets()


def answer_values(space, mask, terms: tuple[s.Term, ...]) -> tuple[tuple[int, ...], ...]:
    """The distinct values of the question's terms over the worlds in a numpy mask, in world order."""
    from .masks import answer_values as values

    return values(space, mask, terms)


def require_stage(solution: Solution, stage: int | None) -> int:
    """A valid stage index (None: the last), or a clear error."""
    last = len(solution.stages) - 1
    if stage is None:
        return last
    if stage < 0 or stage > last:
        raise EpistemicError(f"stage {stage} does not exist", hint=f"stages run from 0 to {last}")
    return stage
