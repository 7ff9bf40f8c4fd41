"""Normalised keys: two puzzles with the same worlds, observers, announcements and question are one."""
from __future__ import annotations

import hashlib
import json
import re

from ..language import syntax as s
from ..language.printer import formula_source, term_source

_SPACE = re.compile(r"\s+")


def normal_form(puzzle: s.Puzzle, space) -> dict:
    """The parts of a puzzle that matter for its answer, in a canonical order and spelling."""
    names = sorted(v.name for v in puzzle.variables)
    rows = []
    for i in range(space.size):
        rows.append(tuple(puzzle.variable(n).value_of(int(space.columns[n][i])).name for n in names))
    agents = sorted((a.name, tuple(term_source(t, puzzle) for t in a.observes)) for a in puzzle.agents)
    anns = [(a.speaker, formula_source(a.said, puzzle)) for a in puzzle.announcements]
    question = tuple(term_source(t, puzzle) for t in puzzle.question.terms) if puzzle.question else ()
    return {"variables": names, "worlds": sorted(rows), "agents": agents, "announcements": anns, "question": question}


def puzzle_key(puzzle: s.Puzzle, space) -> str:
    """A short hash of the normal form (stable across runs and machines)."""
    data = json.dumps(normal_form(puzzle, space), ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:20]


def text_key(text: str) -> str:
    """A cheap key of generated text without its title line (same family writer -> same text)."""
    body = "\n".join(line for line in text.splitlines() if not line.startswith("puzzle "))
    return hashlib.sha1(_SPACE.sub(" ", body).encode("utf-8")).hexdigest()[:20]
