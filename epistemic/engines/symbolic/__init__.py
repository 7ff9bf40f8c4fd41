"""The symbolic engine: worlds as BDDs over a knowledge structure (SMCDEL's design), never listed.

Where the explicit and Z3 engines take a WorldSpace and boolean masks over its worlds, this engine
takes a Structure (structure.py) and stage BDDs; solve and check reach it through the set-level
methods below (count, answers, labels), so stage sizes are model counts and nothing is enumerated.
"""
from __future__ import annotations

from typing import Sequence

from ...language import syntax as s
from ...worlds.labels import world_label_of
from ...limits import MEMORY_BUDGET_BYTES
from .bdd import within_budget
from .evaluate import Evaluator, value_at
from .structure import Structure, build_structure

__all__ = ["SymbolicEngine", "Structure", "build_structure"]

KNOWS_BUDGET = 256  # agents × answer bits per stage for which every world's knowledge is counted
# Past KNOWS_FEW agents × bits, also at most KNOWS_WORK agents × bits × the stage's BDD nodes: each count
# passes over the stage BDD about four times (two quantifications, a conjunction, a model count), ~60 ns
# a node, so a stage's report stays well under a second (dining cryptographers n = 50: 0.64 M, counted;
# n = 100: 1-5 M, 30 s of counting over the 101 stages, not). A few knowers (two agents and a 16-bit
# answer) are always counted: their report costs no more than a few announcements.
KNOWS_FEW = 32
LIST_ANSWERS = 64  # at most this many worlds left: the answer's values are computed at each, not by BDD
KNOWS_WORK = 1_000_000
WITNESSES = 8  # cubes the report at the answer's world keeps to answer for other agents (see _knows_at)


class SymbolicEngine:
    """BDD model checker over knowledge structures; `backend` is 'oxidd' (the default) or 'cudd'."""

    name = "symbolic"
    symbolic = True
    within_stage = True  # evaluate() returns sets within the stage it is given (stages/solve.py skips one AND)

    def __init__(self, backend: str | None = None, knows_budget: int | None = None, knows_at_answer: bool = True,
                 budget_bytes: int = MEMORY_BUDGET_BYTES, knows_work: int | None = None):
        """knows_budget: agents × answer bits per stage up to which the report counts who knows
        (default KNOWS_BUDGET); knows_work: the same times the stage's BDD nodes (default KNOWS_WORK);
        knows_at_answer: past either, whether to look at the answer's world;
        budget_bytes: memory for the BDD nodes (past it a TooLarge says the size and what to do)."""
        self.backend = backend
        self.budget_bytes = budget_bytes
        self.knows_budget = KNOWS_BUDGET if knows_budget is None else knows_budget
        self.knows_work = KNOWS_WORK if knows_work is None else knows_work
        self.knows_at_answer = knows_at_answer
        self._evaluators: dict[int, tuple[Structure, Evaluator]] = {}

    # ------------------------------------------------------------ the engine contract, over BDDs

    def space(self, puzzle: s.Puzzle) -> Structure:
        return build_structure(puzzle, self.backend, self.budget_bytes)

    def everything(self, space: Structure):
        return space.law

    def evaluate(self, space: Structure, history: Sequence, formula: s.Formula):
        return self.evaluate_many(space, history, [formula])[0]

    def evaluate_many(self, space: Structure, history: Sequence, formulas: Sequence[s.Formula]) -> list:
        ev = self._evaluator(space)
        frames = tuple(history)
        with within_budget(space.manager, f"evaluating a formula at stage {len(frames) - 1}"):
            return [ev.formula(f, frames) & frames[-1] for f in formulas]

    def _evaluator(self, space: Structure) -> Evaluator:
        """One evaluator per structure, so memoised subformulas are shared across calls.

        Held here, not in the structure, so no reference cycle keeps BDDs alive past their manager.
        """
        hit = self._evaluators.get(id(space))
        if hit is None or hit[0] is not space:
            hit = self._evaluators[id(space)] = (space, Evaluator(space))
        return hit[1]

    def who_knows(self, space: Structure, history: Sequence, terms: tuple[s.Term, ...], actual: dict | None):
        """Per agent: in how many worlds of the stage it knows the terms' value, and whether it does at `actual`.

        Counting takes two quantifications per agent and bit of the answer; past KNOWS_BUDGET of those
        per stage, or past KNOWS_FEW and KNOWS_WORK of them times the stage's BDD nodes, only the answer's
        world is looked at (its class is one cube), and the counts are None.
        """
        agents = [a.name for a in space.puzzle.agents]
        ev = self._evaluator(space)
        frames = tuple(history)
        stage = frames[-1]
        width = sum(ev.width(t, frames) for t in terms)
        bits = len(agents) * width
        if bits <= min(KNOWS_FEW, self.knows_budget) or \
                bits <= self.knows_budget and bits * space.manager.size(stage) <= self.knows_work:
            results = self.evaluate_many(space, history, [s.Knows("agent", (a,), "value", terms) for a in agents])
            knows = {a: self.count(space, r) for a, r in zip(agents, results)}
            at = None if actual is None else {a: self.holds_at(space, r, actual) for a, r in zip(agents, results)}
            return knows, at
        at = None
        if actual is not None and self.knows_at_answer:
            key = _world_key(space, actual)
            at = self._knows_at(space, stage & ~self._same_answer(space, terms, actual, key), actual, agents, key)
        return {a: None for a in agents}, at

    def _knows_at(self, space: Structure, other, actual: dict[str, int], agents: list[str],
                  key: tuple) -> dict[str, bool]:
        """Whether each agent knows the answer's value at the world `actual`: iff no world of `other` (the
        stage's worlds with another value) agrees with `actual` on the agent's observed atoms.

        A cube picked inside `other` for one agent is kept as a witness: it also shows that every agent
        whose observed atoms miss the atoms where the cube differs from `actual` does not know, with one
        set operation instead of a conjunction with the stage (drinking logicians: ~3 conjunctions a stage
        instead of one per agent). The last WITNESSES cubes are kept."""
        m = space.manager
        if other == m.false:
            return {a: True for a in agents}
        observed = space.observed_at(actual, key)
        truth = {atom: value for values in observed.values() for atom, value in values.items()}
        differ: list[frozenset[int]] = []  # per witness: the observed atoms where it differs from `actual`
        out = {}
        for a in agents:
            atoms = space.observed[a]
            if any(d.isdisjoint(atoms) for d in differ):
                out[a] = False
                continue
            meet = other & space.seen_by(a, actual, key)
            out[a] = meet == m.false
            if not out[a]:
                cube = m.pick(meet)
                differ = [frozenset(x for x, v in cube.items() if x in truth and truth[x] != v), *differ[:WITNESSES - 1]]
        return out

    def _same_answer(self, space: Structure, terms: tuple[s.Term, ...], world: dict[str, int], key: tuple):
        """The worlds where the terms take the values they take at `world` (key: its sorted items; cached per
        terms object and world, so a deep term such as sum(b) is not hashed at every stage)."""
        cache_key = ("same", id(terms), key)
        hit = space.cache.get(cache_key)
        if hit is None or hit[0] is not terms:
            ev = self._evaluator(space)
            values = [value_at(t, world) for t in terms]
            if any(v is None for v in values):  # a term that counts knowledge: its value from its vector
                vectors = [ev.term(t, (space.law,)) for t in terms]
                (values,) = space.distinct(space.law & space.point(world), vectors)
            with within_budget(space.manager, "finding the worlds with the answer's value"):
                same = space.circuits.conjoin(ev.formula(s.Compare("=", t, s.Const(v)), (space.law,))
                                              for t, v in zip(terms, values))
            hit = space.cache[cache_key] = (terms, same)
        return hit[1]

    # ------------------------------------------------------------ sets of worlds

    def count(self, space: Structure, worlds) -> int:
        return space.count(worlds)

    def is_empty(self, space: Structure, worlds) -> bool:
        return worlds == space.manager.false

    def minus(self, a, b):
        return a & ~b

    def answers(self, space: Structure, worlds, terms: tuple[s.Term, ...]) -> tuple[tuple[int, ...], ...]:
        """The distinct values of the terms over the worlds (split bit by bit, not listed)."""
        if space.count(worlds) <= LIST_ANSWERS:  # a few worlds: list them and compute the terms there
            values = sorted({tuple(value_at(t, w) for t in terms) for w in space.worlds(worlds)})
            if not any(v is None for row in values for v in row):
                return tuple(values)
        ev = self._evaluator(space)
        with within_budget(space.manager, "finding the answer's values"):
            vectors = [ev.term(t, (space.law,)) for t in terms]
            return tuple(space.distinct(worlds, vectors))

    def worlds(self, space: Structure, worlds, limit: int | None = None) -> list[dict[str, int]]:
        return space.worlds(worlds, limit)

    def labels(self, space: Structure, worlds, limit: int | None = None) -> list[str]:
        return [world_label_of(space.puzzle, w) for w in space.worlds(worlds, limit)]

    def only_world(self, space: Structure, worlds) -> dict[str, int]:
        return space.worlds(worlds, 1)[0]

    def holds_at(self, space: Structure, worlds, world: dict[str, int]) -> bool:
        """Is the world (a {variable: code} assignment) in the set?"""
        return (worlds & space.point(world)) != space.manager.false


def _world_key(space: Structure, world: dict[str, int]) -> tuple:
    """The world's sorted items, the key of its cached cubes (computed once per world object: the report
    asks about the same answer's world at every stage, and sorting hundreds of variables adds up)."""
    hit = space.cache.get(("world", id(world)))
    if hit is None or hit[0] is not world:
        hit = space.cache[("world", id(world))] = (world, tuple(sorted(world.items())))
    return hit[1]
