"""Verify a screened candidate through the real engine: write it, re-parse it, solve it, certify it."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..engines.base import get_engine
from ..language.elaborate import load_puzzle
from ..stages.solve import Solution, set_operations, solve
from .certification import AnswerCheck, certify_unique
from .difficulty import difficulty
from .dedup import puzzle_key
from .units import announcement_units, without


@dataclass(frozen=True, eq=False)
class Parsed:
    """Generated text after the engine's own parse and solve, with its canonical key (for dedup)."""

    text: str
    solution: Solution
    key: str


@dataclass(frozen=True, eq=False)
class Verified:
    text: str
    solution: Solution
    necessary: tuple[bool, ...]
    informative: tuple[bool, ...]
    certificate: AnswerCheck
    difficulty: dict
    key: str
    units: tuple[tuple[int, ...], ...] = ()

    @property
    def ok(self) -> bool:
        return self.passes_engine and self.certificate.unique

    @property
    def passes_engine(self) -> bool:
        """Everything but the certificate: one answer, every announcement informative, every unit necessary."""
        return self.solution.ok and self.solution.unique and all(self.necessary) and all(self.informative)


def stage_masks(space, engine, announcements, start: list | None = None) -> list:
    """The sets of worlds after each announcement (stops at the first empty one), continuing `start` if
    given; in the engine's own sets (numpy masks, the small engine's bitsets)."""
    sets = set_operations(engine)
    masks = list(start) if start else [sets.everything(space)]
    for ann in announcements:
        keep = engine.evaluate(space, masks, ann.content)
        if getattr(engine, "within_stage", False) is not True:
            keep = keep & masks[-1]
        masks.append(keep)
        if sets.count(space, keep) == 0:
            break
    return masks


def necessity(solution: Solution, engine_name: str | None = None,
              units: tuple[tuple[int, ...], ...] | None = None) -> tuple[bool, ...]:
    """For each unit (see units.py): does dropping it lose the unique answer (several, none, or another)?

    Re-evaluated with the engine that solved the puzzle (its stage sets are reused), unless another is named."""
    puzzle, space = solution.puzzle, solution.space
    engine = get_engine(engine_name or solution.engine)
    sets = set_operations(engine)
    anns = puzzle.announcements
    out = []
    for unit in announcement_units(anns) if units is None else units:
        rest = without(anns, unit)
        # The stages before the unit are the solution's own; only the rest is re-evaluated.
        prefix = [st.mask for st in solution.stages[: unit[0] + 1]]
        masks = stage_masks(space, engine, rest[unit[0]:], prefix)
        final = masks[-1]
        same = (len(masks) == len(rest) + 1 and sets.count(space, final) > 0
                and sets.answers(space, final, puzzle.question.terms) == solution.answer)
        out.append(not same)
    return tuple(out)


def parse_text(text: str, file: str = "<generated>") -> Parsed:
    """Parse and solve generated text with the real engine; key it canonically (dedup.py)."""
    puzzle = load_puzzle(text, file, by_line=True)
    solution = solve(puzzle, engine="auto")  # the small engine for the generator's puzzles: no numpy per step
    return Parsed(text, solution, puzzle_key(puzzle, solution.space))


# The certificate of a puzzle verified with `certify=False`, until its batch is certified (pipeline.collect):
# never unique, so such a Verified is never `ok`.
NOT_YET_CERTIFIED = AnswerCheck("pending", False, False, "not certified yet")


def verify_parsed(parsed: Parsed, use_z3: bool = True, certifier=None, certify: bool = True) -> Verified:
    """Check uniqueness, informativeness, necessity per unit; certify (Z3 unless use_z3 is False).

    `certify=False` leaves the certificate NOT_YET_CERTIFIED: the caller certifies the puzzle later (with
    others, certification.certify_all) and keeps it only if that certificate is unique."""
    solution = parsed.solution
    puzzle = solution.puzzle
    units = announcement_units(puzzle.announcements)
    informative = tuple(st.removed > 0 for st in solution.stages[1:])
    necessary = necessity(solution, units=units) if solution.unique and solution.ok else ()
    cert = certify_unique(puzzle, solution, use_z3, certifier) if certify else NOT_YET_CERTIFIED
    return Verified(parsed.text, solution, necessary, informative, cert, difficulty(solution), parsed.key, units)


def verify_text(text: str, file: str = "<generated>", use_z3: bool = True, certifier=None) -> Verified:
    """Parse and solve generated text; check uniqueness, informativeness, necessity per unit; certify."""
    return verify_parsed(parse_text(text, file), use_z3, certifier)


def strip_expectations(puzzle):
    return replace(puzzle, expected_answer=None, expected_stages=None)
