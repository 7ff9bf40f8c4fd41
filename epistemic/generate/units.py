"""Dialogue units for the necessity check: "I don't know" + "I knew you didn't know" count as one step.

Q's `before (Q knows not P knows X)` right after P's `not P knows X` entails it, so P's line alone can
never be necessary; the pair is one unit, and dropping the unit (both lines) must lose the unique answer.
Every other announcement is a unit of its own.
"""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

from ..language import syntax as s
from . import dialogue as d

NECESSITY = "per unit"
T = TypeVar("T")


def units_of(items: Sequence[T], pairs: Callable[[T, T], bool]) -> tuple[tuple[int, ...], ...]:
    """Indices grouped into units: (i-1, i) when item i is the "I knew" that refers to item i-1."""
    out: list[tuple[int, ...]] = []
    i = 0
    while i < len(items):
        if i + 1 < len(items) and pairs(items[i], items[i + 1]):
            out.append((i, i + 1))
            i += 2
        else:
            out.append((i,))
            i += 1
    return tuple(out)


def _knew_pair(first_speaker: str | None, first: s.Formula, second_speaker: str | None, second: s.Formula) -> bool:
    """Is `second` (said by second_speaker) `before (second_speaker knows that not X knows T)`, right after
    X said `not X knows T`?"""
    if not (isinstance(second, s.Past) and second.back == 1 and isinstance(second.body, s.Knows)):
        return False
    knew = second.body
    if not (knew.kind == "agent" and knew.agents == (second_speaker,) and knew.mode == "that"):
        return False
    other = first_speaker
    if other is None or other == second_speaker:
        return False
    x = _dont_know(knew.body, other)
    return x is not None and _dont_know(first, other) == x


def _dont_know(f, agent: str):
    """X when f is `not agent knows X` (knowing a value), else None."""
    if isinstance(f, s.Not) and isinstance(f.body, s.Knows):
        k = f.body
        if k.kind == "agent" and k.agents == (agent,) and k.mode == "value":
            return k.body
    return None


def line_units(lines: Sequence[d.Line]) -> tuple[tuple[int, ...], ...]:
    """Units of a generator dialogue (the screen's and synthesis' view)."""
    return units_of(lines, lambda a, b: _knew_pair(a.speaker, a.body, b.speaker, b.body))


def announcement_units(announcements: Sequence[s.Announcement]) -> tuple[tuple[int, ...], ...]:
    """Units of a parsed puzzle's announcements (the engine's view, from the re-parsed text)."""
    return units_of(announcements, lambda a, b: _knew_pair(a.speaker, a.said, b.speaker, b.said))


def without(items: Sequence[T], unit: tuple[int, ...]) -> tuple[T, ...]:
    """The items with one unit dropped (the rest keep their order)."""
    drop = set(unit)
    return tuple(x for i, x in enumerate(items) if i not in drop)
