"""The small engine: the explicit engine's semantics in plain Python, for puzzles of a few thousand worlds.

Importing numpy costs more than solving a puzzle like card16 (16 worlds) several times over, so
`--engine auto` takes this engine when its work estimate (base.small_work: raw worlds × agents ×
stages) is at most base.SMALL_WORK. A set of worlds
is a Python int used as a bitset (bit p: world p), so knowing is a few integer operations per class:
K_a φ holds in the live part of each class of a that has no live world outside φ. The worlds are
enumerated in the explicit engine's order (table rows, then the variables in mixed radix, first
variable most significant), so world p is the same world in both; tests/engines/test_small.py
checks every stage of every shipped puzzle and random puzzles against the numpy engine.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..language import syntax as s
from ..language.arith import COMPARE, apply_int_lists
from ..worlds.components import components
from ..worlds.labels import world_label_of
from ..worlds.size import raw_size


def bits_of(flags) -> int:
    """A bitset from one truth value per world (world 0 first)."""
    text = "".join("1" if f else "0" for f in flags)
    return int(text[::-1], 2) if text else 0


def members(mask: int) -> list[int]:
    """The worlds (indices, ascending) of a bitset: bit by bit when few are set, else one pass over its
    binary digits (each bit step costs a pass over the int, the digits one pass in all)."""
    if mask.bit_count() * 32 >= mask.bit_length():
        return [p for p, digit in enumerate(bin(mask)[:1:-1]) if digit == "1"]
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


@dataclass(frozen=True, eq=False)
class SmallSpace:
    """A puzzle's worlds as Python lists: one column per variable and, per agent, its classes as bitsets."""

    puzzle: s.Puzzle
    columns: dict[str, list[int]]
    size: int
    classes: dict[str, list[int]]
    method: str
    raw_size: int
    cache: dict = field(default_factory=dict, repr=False)

    @property
    def everything(self) -> int:
        return (1 << self.size) - 1

    def world(self, index: int) -> dict[str, int]:
        return {name: col[index] for name, col in self.columns.items()}

    def labels(self, mask: int, limit: int | None = None) -> list[str]:
        """Short names of the worlds in a bitset, in world order (at most `limit`)."""
        picked = members(mask)
        return [world_label_of(self.puzzle, self.world(p)) for p in (picked if limit is None else picked[:limit])]

    def names_the_world(self, terms: tuple) -> bool:
        """Whether the terms include every variable and no two worlds are the same assignment, so that
        knowing their value is knowing the world."""
        names = {t.name for t in terms if isinstance(t, s.Var)}
        if any(v.name not in names for v in self.puzzle.variables):
            return False
        if "distinct worlds" not in self.cache:
            rows = set(zip(*self.columns.values())) if self.columns else {()}
            self.cache["distinct worlds"] = len(rows) == self.size or self.size == 0
        return self.cache["distinct worlds"]

    def group_classes(self, agents: tuple[str, ...]) -> list[int]:
        """The partition of distributed knowledge: worlds the whole group's observations agree on."""
        key = ("distributed", tuple(sorted(agents)))
        if key not in self.cache:
            parts = [self.classes[a] for a in key[1]]
            joint = parts[0]
            for other in parts[1:]:
                joint = [c & d for c in joint for d in other if c & d]
            self.cache[key] = joint
        return self.cache[key]


def product_columns(puzzle: s.Puzzle, free: list[s.Variable], rows: list[dict[str, int]]) -> dict[str, list[int]]:
    """The raw worlds' columns: for each table row, the free variables' product (itertools.product's order,
    first variable most significant). Built a column at a time, each value repeated over the variables after
    it and the pattern over those before: Sum and Product's 9,801 raw pairs in 1 ms instead of 11 ms of
    appends per world and variable."""
    sizes = [len(v.codes) for v in free]
    block = 1  # raw worlds per table row
    for n in sizes:
        block *= n
    by_name: dict[str, list[int]] = {name: [row[name] for row in rows for _ in range(block)]
                                     for name in puzzle.table_columns}
    inner, outer = block, 1
    for v, n in zip(free, sizes):
        inner = inner // n if n else 0
        by_name[v.name] = [c for c in v.codes for _ in range(inner)] * outer * len(rows)
        outer *= n
    return {v.name: by_name[v.name] for v in puzzle.variables}


def build_small_space(puzzle: s.Puzzle) -> SmallSpace:
    """Product and filter in plain Python, in the explicit engine's world order."""
    free = [v for v in puzzle.variables if v.name not in puzzle.table_columns]
    rows = [dict(zip(puzzle.table_columns, row)) for row in puzzle.table_rows] if puzzle.table_columns else [{}]
    raw = product_columns(puzzle, free, rows)
    total = len(next(iter(raw.values()))) if raw else len(rows)
    keep = (1 << total) - 1
    if puzzle.constraints:
        ev = Evaluator(_ColumnsView(raw, total))
        for f in puzzle.constraints:
            keep &= ev.formula(f, (keep,))
    kept = members(keep)
    columns = {name: [col[p] for p in kept] for name, col in raw.items()} if len(kept) < total else raw
    size = len(kept)
    view = _ColumnsView(columns, size)
    ev = Evaluator(view)
    classes = {}
    for agent in puzzle.agents:
        keys = [ev.term(t, ((1 << size) - 1,)) for t in agent.observes]
        by_view: dict[tuple, int] = {}
        for p, key in enumerate(zip(*keys) if keys else [()] * size):
            by_view[key] = by_view.get(key, 0) | (1 << p)
        classes[agent.name] = list(by_view.values())
    return SmallSpace(puzzle, columns, size, classes, "table" if puzzle.table_columns else "product",
                      raw_size(puzzle))


@dataclass(frozen=True)
class _ColumnsView:
    """Columns of some worlds, for evaluating knowledge-free formulas (enumeration's filter)."""

    columns: dict[str, list[int]]
    size: int


class Evaluator:
    """Formulas as bitsets over a space's worlds (terms as lists of ints), memoised per node and history.

    A value is meaningful on the live worlds of the last frame only; every operator reads live worlds.
    """

    def __init__(self, space):
        self.space = space
        self.n = space.size
        self._memo: dict[tuple, tuple[object, object]] = {}

    def _cached(self, node, frames: tuple[int, ...], compute):
        key = (id(node), frames)
        hit = self._memo.get(key)
        if hit is not None and hit[0] is node:
            return hit[1]
        value = compute()
        self._memo[key] = (node, value)  # holds the node, so its id is not reused meanwhile
        return value

    # ------------------------------------------------------------ terms: one int per world

    def term(self, t: s.Term, frames: tuple[int, ...]) -> list[int]:
        if isinstance(t, s.Var):
            return self.space.columns[t.name]
        return self._cached(t, frames, lambda: self._term(t, frames))

    def _term(self, t, frames) -> list[int]:
        if isinstance(t, s.Const):
            return [t.value] * self.n
        if isinstance(t, s.Neg):
            return [-v for v in self.term(t.term, frames)]
        if isinstance(t, s.Arith):
            return apply_int_lists(t.op, self.term(t.left, frames), self.term(t.right, frames))
        if isinstance(t, s.Count):
            total = [0] * self.n
            for f in t.formulas:
                for p in members(self.formula(f, frames)):
                    total[p] += 1
            return total
        raise TypeError(f"not a term: {t!r}")

    # ------------------------------------------------------------ formulas: a bitset of live worlds

    def formula(self, f: s.Formula, frames: tuple[int, ...]) -> int:
        return self._cached(f, frames, lambda: self._formula(f, frames) & frames[-1])

    def _formula(self, f, frames) -> int:
        alive = frames[-1]
        if isinstance(f, s.Bool):
            return alive if f.value else 0
        if isinstance(f, s.Compare):
            return bits_of(map(COMPARE[f.op], self.term(f.left, frames), self.term(f.right, frames)))
        if isinstance(f, s.Member):
            values = set(f.values)
            return bits_of(a in values for a in self.term(f.term, frames))
        if isinstance(f, s.Not):
            return alive & ~self.formula(f.body, frames)
        if isinstance(f, s.And):
            out = alive
            for item in f.items:
                out &= self.formula(item, frames)
            return out
        if isinstance(f, s.Or):
            out = 0
            for item in f.items:
                out |= self.formula(item, frames)
            return out
        if isinstance(f, s.Implies):
            return (alive & ~self.formula(f.left, frames)) | self.formula(f.right, frames)
        if isinstance(f, s.Iff):
            return alive & ~(self.formula(f.left, frames) ^ self.formula(f.right, frames))
        if isinstance(f, s.Knows):
            return self.knows(f, frames)
        if isinstance(f, s.Possible):
            phi = self.formula(f.body, frames)
            return _union(c & alive for c in self.space.classes[f.agent] if c & phi)
        if isinstance(f, s.Past):
            earlier = frames[:1] if f.back is None else frames[: max(1, len(frames) - f.back)]
            return self.formula(f.body, earlier)
        if isinstance(f, s.Announce):
            keep = self.formula(f.announcement, frames)
            body = self.formula(f.body, frames + (keep,))
            return (alive & ~keep) | body
        raise TypeError(f"not a formula: {f!r}")

    def cells(self, kind: str, agents: tuple[str, ...], alive: int) -> list[int]:
        """The live parts of the group's classes (for common knowledge: of the union's components)."""
        if kind == "agent" or (kind == "common" and len(agents) == 1):
            classes = self.space.classes[agents[0]]
        elif kind == "distributed":
            classes = self.space.group_classes(agents)
        elif kind == "common":
            live = members(alive)
            where = {p: i for i, p in enumerate(live)}
            parts = [[[where[p] for p in members(c & alive)] for c in self.space.classes[a] if c & alive]
                     for a in agents]
            return [_union(1 << live[i] for i in comp) for comp in components(len(live), parts)]
        else:
            raise ValueError(f"group kind {kind!r}")
        return [c & alive for c in classes if c & alive]

    def knows(self, f: s.Knows, frames: tuple[int, ...]) -> int:
        alive = frames[-1]
        if f.kind == "everyone":
            out = alive
            for agent in f.agents:
                out &= self.knows(s.Knows("agent", (agent,), f.mode, f.body), frames)
            return out
        cells = self.cells(f.kind, f.agents, alive)
        if f.mode == "that":
            phi = self.formula(f.body, frames)
            return _union(c for c in cells if not c & ~phi)
        if f.mode == "whether":
            phi = self.formula(f.body, frames)
            return _union(c for c in cells if not c & ~phi or not c & phi)
        if self.space.names_the_world(f.body):  # one value of every variable: one live world in the class
            return _union(c for c in cells if c.bit_count() == 1)
        values = list(zip(*(self.term(t, frames) for t in f.body))) if f.body else [()] * self.n
        return _union(c for c in cells if _one_value(values, c))


def _one_value(values: list, cell: int) -> bool:
    """Whether the worlds of a cell all have the same value (stops at the second value seen)."""
    picked = members(cell)
    first = values[picked[0]]
    return all(values[p] == first for p in picked)


def _union(sets) -> int:
    out = 0
    for x in sets:
        out |= x
    return out


class SmallEngine:
    """Plain-Python model checker over bitsets (see the module docstring); keeps its own sets of worlds,
    so solve and check reach it through the set methods below, as they reach the symbolic engine."""

    name = "small"
    symbolic = True  # the engine contract's flag for "keeps its own space and sets" (engines/base.py)

    def __init__(self):
        self._evaluators: dict[int, tuple[SmallSpace, Evaluator]] = {}

    def space(self, puzzle: s.Puzzle) -> SmallSpace:
        return build_small_space(puzzle)

    def _evaluator(self, space: SmallSpace) -> Evaluator:
        hit = self._evaluators.get(id(space))
        if hit is None or hit[0] is not space:
            hit = self._evaluators[id(space)] = (space, Evaluator(space))
        return hit[1]

    def evaluate(self, space: SmallSpace, history: Sequence[int], formula: s.Formula) -> int:
        return self._evaluator(space).formula(formula, tuple(history))

    def evaluate_many(self, space: SmallSpace, history: Sequence[int], formulas: Sequence[s.Formula]) -> list[int]:
        return [self.evaluate(space, history, f) for f in formulas]

    def who_knows(self, space: SmallSpace, history: Sequence[int], terms: tuple[s.Term, ...], actual: int | None):
        """Per agent: in how many worlds of the stage it knows the terms' value, and whether it does at `actual`."""
        agents = [a.name for a in space.puzzle.agents]
        results = self.evaluate_many(space, history, [s.Knows("agent", (a,), "value", terms) for a in agents])
        knows = {a: r.bit_count() for a, r in zip(agents, results)}
        at = None if actual is None else {a: bool(r >> actual & 1) for a, r in zip(agents, results)}
        return knows, at

    # ------------------------------------------------------------ sets of worlds

    def everything(self, space: SmallSpace) -> int:
        return space.everything

    def count(self, space: SmallSpace, worlds: int) -> int:
        return worlds.bit_count()

    def is_empty(self, space: SmallSpace, worlds: int) -> bool:
        return worlds == 0

    def minus(self, a: int, b: int) -> int:
        return a & ~b

    def answers(self, space: SmallSpace, worlds: int, terms: tuple[s.Term, ...]) -> tuple[tuple[int, ...], ...]:
        """The distinct values of the terms over the worlds, in world order."""
        picked = members(worlds)
        if not terms:
            return ((),) if picked else ()
        every = (space.everything,)
        columns = [self._evaluator(space).term(t, every) for t in terms]
        return tuple(dict.fromkeys(tuple(col[p] for col in columns) for p in picked))

    def labels(self, space: SmallSpace, worlds: int, limit: int | None = None) -> list[str]:
        return space.labels(worlds, limit)

    def only_world(self, space: SmallSpace, worlds: int) -> int:
        return (worlds & -worlds).bit_length() - 1

    def holds_at(self, space: SmallSpace, worlds: int, world: int) -> bool:
        return bool(worlds >> world & 1)


__all__ = ["SmallEngine", "SmallSpace", "build_small_space", "bits_of", "members"]
