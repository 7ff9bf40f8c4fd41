"""The semantics in one page: a deliberately plain model checker where worlds are dicts and models are sets.

It shares nothing with the numpy, Z3 or symbolic engines but the syntax tree: its own enumeration
(itertools), its own term arithmetic, knowledge as "every world I cannot tell apart", common knowledge
as a breadth-first search; one branch per constructor. Slow and obviously right is the point: the
tests use it as the differential oracle (docs/semantics.md says the same in prose).
"""
from __future__ import annotations

import itertools
from collections import deque

from epistemic.language import syntax as s


def enumerate_worlds(puzzle: s.Puzzle) -> list[dict[str, int]]:
    free = [v for v in puzzle.variables if v.name not in puzzle.table_columns]
    rows = [dict(zip(puzzle.table_columns, row)) for row in puzzle.table_rows] if puzzle.table_columns else [{}]
    worlds = []
    for row in rows:
        for combo in itertools.product(*(v.codes for v in free)):
            w = {**row, **{v.name: c for v, c in zip(free, combo)}}
            if all(Checker([w], puzzle).holds(f, (frozenset([0]),), 0) for f in puzzle.constraints):
                worlds.append(w)
    return worlds


def _div(a: int, b: int) -> int:
    if b == 0:
        return 0
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0) and q * abs(b) != abs(a):
        q += 1
    return -q if (a < 0) != (b < 0) else q


def _mod(a: int, b: int) -> int:
    return 0 if b == 0 else a - b * _div(a, b)


class Checker:
    """sat(φ, history) = the set of worlds (indices) of the last model where φ holds."""

    def __init__(self, worlds: list[dict[str, int]], puzzle: s.Puzzle):
        self.worlds = worlds
        self.puzzle = puzzle
        self._cells: dict = {}
        everything = (frozenset(range(len(worlds))),)
        self.views = {
            a.name: [tuple(self.value(t, w, everything) for t in a.observes) for w in worlds] for a in puzzle.agents
        }

    def value(self, t: s.Term, w: dict[str, int], history=None) -> int:
        if isinstance(t, s.Const):
            return t.value
        if isinstance(t, s.Var):
            return w[t.name]
        if isinstance(t, s.Neg):
            return -self.value(t.term, w, history)
        if isinstance(t, s.Arith):
            a, b = self.value(t.left, w, history), self.value(t.right, w, history)
            return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
                    "/": lambda: _div(a, b), "mod": lambda: _mod(a, b)}[t.op]()
        if isinstance(t, s.Count):
            i = self.worlds.index(w)
            return sum(i in self.sat(f, history) for f in t.formulas)
        raise TypeError(t)

    def holds(self, f, history, i) -> bool:
        return i in self.sat(f, history)

    def same(self, agents, i, model):
        """Worlds of the model that the group cannot tell apart from world i (distributed: all agree)."""
        key = (tuple(agents), model)
        if key not in self._cells:
            cells: dict[tuple, set[int]] = {}
            for j in model:
                cells.setdefault(tuple(self.views[a][j] for a in agents), set()).add(j)
            self._cells[key] = cells
        return self._cells[key][tuple(self.views[a][i] for a in agents)]

    def sat(self, f, history) -> set[int]:
        model = history[-1]
        w = self.worlds
        if isinstance(f, s.Bool):
            return set(model) if f.value else set()
        if isinstance(f, s.Compare):
            ops = {"=": int.__eq__, "!=": int.__ne__, "<": int.__lt__, "<=": int.__le__, ">": int.__gt__, ">=": int.__ge__}
            return {i for i in model if ops[f.op](self.value(f.left, w[i], history), self.value(f.right, w[i], history))}
        if isinstance(f, s.Member):
            return {i for i in model if self.value(f.term, w[i], history) in f.values}
        if isinstance(f, s.Not):
            return set(model) - self.sat(f.body, history)
        if isinstance(f, s.And):
            out = set(model)
            for x in f.items:
                out &= self.sat(x, history)
            return out
        if isinstance(f, s.Or):
            out = set()
            for x in f.items:
                out |= self.sat(x, history)
            return out
        if isinstance(f, s.Implies):
            return (set(model) - self.sat(f.left, history)) | self.sat(f.right, history)
        if isinstance(f, s.Iff):
            a, b = self.sat(f.left, history), self.sat(f.right, history)
            return {i for i in model if (i in a) == (i in b)}
        if isinstance(f, s.Possible):
            phi = self.sat(f.body, history)
            return {i for i in model if not self.same((f.agent,), i, model).isdisjoint(phi)}
        if isinstance(f, s.Past):
            earlier = history[:1] if f.back is None else history[: max(1, len(history) - f.back)]
            return self.sat(f.body, earlier) & set(model)
        if isinstance(f, s.Announce):
            phi = self.sat(f.announcement, history)
            after = self.sat(f.body, history + (frozenset(phi),))
            return {i for i in model if i not in phi or i in after}
        if isinstance(f, s.Knows):
            return self.knows(f, history)
        raise TypeError(f)

    def cell(self, f: s.Knows, model, i) -> set[int]:
        if f.kind == "agent":
            return self.same(f.agents, i, model)
        if f.kind == "distributed":
            return self.same(f.agents, i, model)
        if f.kind == "common":
            seen, queue = {i}, deque([i])
            while queue:
                j = queue.popleft()
                for a in f.agents:
                    for k in self.same((a,), j, model) - seen:
                        seen.add(k)
                        queue.append(k)
            return seen
        raise ValueError(f.kind)

    def knows(self, f: s.Knows, history) -> set[int]:
        model = history[-1]
        if f.kind == "everyone":
            out = set(model)
            for a in f.agents:
                out &= self.knows(s.Knows("agent", (a,), f.mode, f.body), history)
            return out
        if f.mode == "value":
            val = {i: tuple(self.value(t, self.worlds[i], history) for t in f.body) for i in model}
            return {i for i in model if len({val[j] for j in self.cell(f, model, i)}) == 1}
        phi = self.sat(f.body, history)
        if f.mode == "that":
            return {i for i in model if self.cell(f, model, i) <= phi}
        return {i for i in model if self.cell(f, model, i) <= phi or self.cell(f, model, i).isdisjoint(phi)}


def stages(puzzle: s.Puzzle) -> tuple[list[dict[str, int]], list[frozenset[int]]]:
    """The reference run of a puzzle: its worlds and the model after each announcement."""
    worlds = enumerate_worlds(puzzle)
    checker = Checker(worlds, puzzle)
    history = (frozenset(range(len(worlds))),)
    for ann in puzzle.announcements:
        history = history + (frozenset(checker.sat(ann.content, history)),)
        if not history[-1]:
            break
    return worlds, list(history)
