"""Verify a screened candidate through the real engine: write it, re-parse it, solve it, certify it."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..engines.base import get_engine
from ..language.elaborate import load_puzzle
from ..solve import Solution, answer_values, solve
from .certification import Certificate, certify_unique
from .difficulty import difficulty
from .dedup import puzzle_key


@dataclass(frozen=True, eq=False)
class Verified:
    text: str
    solution: Solution
    necessary: tuple[bool, ...]
    informative: tuple[bool, ...]
    certificate: Certificate
    difficulty: dict
    key: str

    @property
    def ok(self) -> bool:
        return (self.solution.ok and self.solution.unique and all(self.necessary) and all(self.informative)
                and self.certificate.unique)


def stage_masks(space, engine, announcements) -> list[np.ndarray]:
    """Masks after each announcement (stops at the first empty model)."""
    masks = [np.ones(space.size, dtype=bool)]
    for ann in announcements:
        keep = engine.evaluate(space, masks, ann.content) & masks[-1]
        masks.append(keep)
        if not keep.any():
            break
    return masks


def necessity(solution: Solution, engine_name: str = "explicit") -> tuple[bool, ...]:
    """For each announcement: does dropping it lose the unique answer (several, none, or another)?"""
    puzzle, space = solution.puzzle, solution.space
    engine = get_engine(engine_name)
    out = []
    anns = puzzle.announcements
    for i in range(len(anns)):
        rest = anns[:i] + anns[i + 1:]
        masks = stage_masks(space, engine, rest)
        final = masks[-1]
        same = (len(masks) == len(rest) + 1 and final.any()
                and answer_values(space, final, puzzle.question.terms) == solution.answer)
        out.append(not same)
    return tuple(out)


def verify_text(text: str, file: str = "<generated>", use_z3: bool = True) -> Verified:
    """Parse and solve generated text; check uniqueness, informativeness, necessity; certify."""
    puzzle = load_puzzle(text, file)
    solution = solve(puzzle)
    informative = tuple(st.removed > 0 for st in solution.stages[1:])
    necessary = necessity(solution) if solution.unique and solution.ok else ()
    cert = certify_unique(puzzle, solution, use_z3)
    return Verified(text, solution, necessary, informative, cert, difficulty(solution),
                    puzzle_key(puzzle, solution.space))


def strip_expectations(puzzle):
    return replace(puzzle, expected_answer=None, expected_stages=None)
