"""Sets of worlds as numpy boolean masks over an enumerated WorldSpace (the explicit and Z3 engines).

Kept apart from solve.py so that solving with an engine that keeps its own sets (the symbolic
engine's BDDs, the small engine's bitsets) never imports numpy.
"""
from __future__ import annotations

import numpy as np

from ..language import syntax as s
from ..worlds.evaluate import static_term
from ..worlds.space import WorldSpace

KNOWS_BUDGET = 8_000_000  # worlds × agents per stage for which every world's knowledge is reported


class MaskSets:
    """The set operations solve() needs, over boolean masks; engines with their own sets offer the same."""

    def everything(self, space: WorldSpace) -> np.ndarray:
        return np.ones(space.size, dtype=bool)

    def count(self, space: WorldSpace, mask: np.ndarray) -> int:
        return int(np.count_nonzero(mask))  # a boolean mask: its sum, several times faster than .sum()

    def answers(self, space: WorldSpace, mask: np.ndarray, terms) -> tuple[tuple[int, ...], ...]:
        return answer_values(space, mask, terms)

    def only_world(self, space: WorldSpace, mask: np.ndarray) -> int:
        return int(np.flatnonzero(mask)[0])

    def who_knows(self, eng, space: WorldSpace, history: list, terms: tuple[s.Term, ...], actual: int | None):
        """Per agent: in how many worlds of the stage it knows the terms' value, and whether it does at `actual`.

        Past KNOWS_BUDGET (e.g. 2^20 worlds × 20 agents) only the answer's world is looked at, through
        the agent's class there; the counts are then None.
        """
        puzzle = space.puzzle
        if space.size * len(puzzle.agents) > KNOWS_BUDGET:
            at_actual = None
            if actual is not None:
                live = np.flatnonzero(history[-1])  # once per stage: each agent then looks at the live worlds only
                at_actual = {a.name: _knows_value_at(space, live, a.name, actual, terms) for a in puzzle.agents}
            return {a.name: None for a in puzzle.agents}, at_actual
        formulas = [s.Knows("agent", (a.name,), "value", terms) for a in puzzle.agents]
        many = getattr(eng, "evaluate_many", None)
        results = many(space, history, formulas) if many else [eng.evaluate(space, history, f) for f in formulas]
        knows = {a.name: int(np.count_nonzero(r)) for a, r in zip(puzzle.agents, results)}
        at_actual = None if actual is None else {a.name: bool(r[actual]) for a, r in zip(puzzle.agents, results)}
        return knows, at_actual


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


__all__ = ["MaskSets", "answer_values", "KNOWS_BUDGET"]
