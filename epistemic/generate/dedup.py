"""Canonical keys: two puzzles are one when they differ only by renaming values within a sort.

The key covers the world table, who observes what, the announcements and the question. Values of a
sort may be renamed (suits swapped, months permuted, days relabelled) when every variable of that
sort is used only bare: observed, known as a value, or asked for. A sort used in arithmetic, a
comparison or next to a named constant keeps its names. The renaming is found by colour refinement
with individualisation (a small canonical-labelling search); the smallest relabelled table wins.
"""
from __future__ import annotations

import hashlib
import json
import re
from itertools import chain

from ..language import syntax as s
from ..language.printer import formula_source, term_source

_SPACE = re.compile(r"\s+")
MAX_LEAVES = 5_000


def normal_form(puzzle: s.Puzzle, space) -> dict:
    """The parts of a puzzle that matter for its answer, canonical up to renaming values within a sort."""
    variables = sorted(puzzle.variables, key=lambda v: v.name)
    free = renamable_sorts(puzzle)
    kinds = [_sort_of(v) if _sort_of(v) in free else None for v in variables]
    cols = [space.columns[v.name] for v in variables]
    raw = []
    for i in range(space.size):
        raw.append(tuple(int(col[i]) if kind else _name(v, int(col[i]))
                         for v, kind, col in zip(variables, kinds, cols)))
    worlds, exact = canonical_rows(raw, kinds)
    agents = sorted((a.name, tuple(term_source(t, puzzle) for t in a.observes)) for a in puzzle.agents)
    anns = [(a.speaker, formula_source(a.said, puzzle)) for a in puzzle.announcements]
    question = tuple(term_source(t, puzzle) for t in puzzle.question.terms) if puzzle.question else ()
    return {"variables": [[v.name, k is not None] for v, k in zip(variables, kinds)], "worlds": worlds,
            "exact": exact, "agents": agents, "announcements": anns, "question": question}


def puzzle_key(puzzle: s.Puzzle, space) -> str:
    """A short hash of the canonical form (stable across runs and machines)."""
    data = json.dumps(normal_form(puzzle, space), ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:20]


def text_key(text: str) -> str:
    """A cheap key of generated text without its title line (same family writer -> same text)."""
    body = "\n".join(line for line in text.splitlines() if not line.startswith("puzzle "))
    return hashlib.sha1(_SPACE.sub(" ", body).encode("utf-8")).hexdigest()[:20]


# ---------------------------------------------------------------- which sorts may be renamed


def _sort_of(v: s.Variable) -> str:
    return v.sort or f"var:{v.name}"


def _name(v: s.Variable, code: int) -> str:
    return str(v.value_of(code).name) if not v.numeric else str(code)


def renamable_sorts(puzzle: s.Puzzle) -> set[str]:
    """Sorts whose every variable occurs only bare (observed, known as a value, or asked for)."""
    fixed: set[str] = set()
    for a in puzzle.agents:
        for t in a.observes:
            _visit_term(t, fixed, bare=True)
    if puzzle.question:
        for t in puzzle.question.terms:
            _visit_term(t, fixed, bare=True)
    for f in chain(puzzle.constraints, (a.content for a in puzzle.announcements)):
        _visit_formula(f, fixed)
    sort = {v.name: _sort_of(v) for v in puzzle.variables}
    fixed_sorts = {sort[name] for name in fixed if name in sort}
    return {x for x in sort.values() if x not in fixed_sorts}


def _visit_term(t, fixed: set[str], bare: bool) -> None:
    if isinstance(t, s.Var):
        if not bare:
            fixed.add(t.name)
    elif isinstance(t, s.Arith):
        _visit_term(t.left, fixed, False)
        _visit_term(t.right, fixed, False)
    elif isinstance(t, s.Neg):
        _visit_term(t.term, fixed, False)
    elif isinstance(t, s.Count):
        for f in t.formulas:
            _visit_formula(f, fixed)
    elif isinstance(t, tuple):
        for x in t:
            _visit_term(x, fixed, bare)


def _visit_formula(f, fixed: set[str]) -> None:
    if isinstance(f, s.Knows):
        if f.mode == "value":
            _visit_term(tuple(f.body), fixed, bare=True)
        else:
            _visit_formula(f.body, fixed)
    elif isinstance(f, (s.Not, s.Possible, s.Past)):
        _visit_formula(f.body, fixed)
    elif isinstance(f, (s.And, s.Or)):
        for x in f.items:
            _visit_formula(x, fixed)
    elif isinstance(f, (s.Implies, s.Iff)):
        _visit_formula(f.left, fixed)
        _visit_formula(f.right, fixed)
    elif isinstance(f, s.Announce):
        _visit_formula(f.announcement, fixed)
        _visit_formula(f.body, fixed)
    elif isinstance(f, s.Compare):
        _visit_term(f.left, fixed, False)
        _visit_term(f.right, fixed, False)
    elif isinstance(f, s.Member):
        _visit_term(f.term, fixed, False)
    elif not isinstance(f, s.Bool):
        # Anything this walker does not know keeps every variable's names (never merges wrongly).
        for name in _all_vars(f):
            fixed.add(name)


def _all_vars(node) -> set[str]:
    if isinstance(node, s.Var):
        return {node.name}
    if isinstance(node, tuple):
        return set().union(*(_all_vars(x) for x in node)) if node else set()
    if hasattr(node, "__dataclass_fields__"):
        return set().union(*(_all_vars(getattr(node, k)) for k in node.__dataclass_fields__))
    return set()


# ---------------------------------------------------------------- canonical labelling


def canonical_rows(rows: list[tuple], kinds: list[str | None]) -> tuple[list, bool]:
    """The world table with each renamable sort's values replaced by canonical numbers.

    rows: one tuple per world (codes in renamable columns, final names elsewhere); kinds: the sort of
    each column, None for fixed columns. Returns (sorted rows, exact). Renamable values become colours
    >= 0, fixed names negative numbers by their sorted order. exact is False only when the search would
    pass MAX_LEAVES; the key is then the refined colouring, which still never separates two renamings of
    one table but may, rarely, merge two different highly symmetric tables.
    """
    width = len(kinds)
    nodes = sorted({(kinds[j], row[j]) for row in rows for j in range(width) if kinds[j] is not None}, key=repr)
    fixed = sorted({(j, row[j]) for row in rows for j in range(width) if kinds[j] is None}, key=repr)
    ids = {n: i for i, n in enumerate(nodes)}
    ids.update({("fixed", f): -1 - i for i, f in enumerate(fixed)})
    table = [tuple(ids[(kinds[j], row[j])] if kinds[j] is not None else ids[("fixed", (j, row[j]))]
                   for j in range(width)) for row in rows]
    if not nodes:
        return sorted([list(r) for r in table]), True
    sort_rank = {k: i for i, k in enumerate(sorted({n[0] for n in nodes}))}
    search = _Search(table, len(nodes))
    start = search.refine(_rank([(sort_rank[n[0]], len(search.occ[i])) for i, n in enumerate(nodes)]))
    try:
        return [list(r) for r in search.best(start)], True
    except _TooMany:
        return [list(r) for r in search.relabel(start)], False


class _TooMany(Exception):
    pass


def _rank(signatures: list) -> list[int]:
    """Colours as ranks of the sorted distinct signatures (canonical: depends on signatures only)."""
    order = {sig: i for i, sig in enumerate(sorted(set(signatures)))}
    return [order[sig] for sig in signatures]


class _Search:
    """Colour refinement with individualisation over renamable values 0..n-1 (fixed ones are < 0)."""

    def __init__(self, table: list[tuple[int, ...]], n: int):
        self.table, self.n = table, n
        self.leaves = 0
        self.occ: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in range(n)]
        for row in table:
            for j, x in enumerate(row):
                if x >= 0:
                    self.occ[x].append((j, row[:j] + row[j + 1:]))
        # Twins (swapping them maps the table onto itself) lead to the same leaf: branch on one.
        self.twin = [frozenset((j, rest) for j, rest in occ) for occ in self.occ]
        self._codes(table)

    def _codes(self, table: list[tuple[int, ...]]) -> None:
        """Each occurrence (j, rest) as one int for refine: j, then rest's colours, as digits of base n + m.

        Renamable values take colours 0..n-1 and a fixed value e < 0 keeps e (m fixed values: -m..-1), so a
        digit takes one of n + m consecutive values; all rests have one length, so comparing two codes
        compares the (j, colours of rest) tuples they stand for, and equal codes are equal tuples.
        Refinement's colours are ranks of sorted signatures, so they come out as from the tuples, at less
        cost. `neg` makes `(colors + neg)[e] == e` for every fixed e (Python's negative indices)."""
        m = max(0, -min((e for row in table for e in row), default=0))
        width = len(table[0]) if table else 0
        base = self.n + m
        self.neg = list(range(-m, 0))
        self.weights = [base ** (width - 2 - k) for k in range(width - 1)]
        self.single = width == 2
        self.codes = [[(j * base ** (width - 1), rest[0] if self.single else rest) for j, rest in occ]
                      for occ in self.occ]

    def refine(self, colors: list[int]) -> list[int]:
        """Colour refinement until the number of colours stops growing.

        A value's signature is its colour and the sorted codes of its occurrences (see _codes): the same
        order and equalities as (colour, sorted (j, colours of the rest of the row)) tuples."""
        count = len(set(colors))
        while True:
            ext = colors + self.neg
            if self.single:  # two columns: the rest of a row is one value
                sigs = [(colors[x], tuple(sorted([b + ext[e] for b, e in occ]))) for x, occ in enumerate(self.codes)]
            else:
                w = self.weights
                sigs = [(colors[x], tuple(sorted([b + sum([ext[e] * k for e, k in zip(rest, w)]) for b, rest in occ])))
                        for x, occ in enumerate(self.codes)]
            new = _rank(sigs)
            new_count = len(set(new))
            if new_count == count:
                return new
            colors, count = new, new_count

    def relabel(self, colors: list[int]) -> list[tuple]:
        return sorted(tuple(colors[e] if e >= 0 else e for e in row) for row in self.table)

    def best(self, colors: list[int]) -> list[tuple]:
        cells: dict[int, list[int]] = {}
        for x, c in enumerate(colors):
            cells.setdefault(c, []).append(x)
        open_cells = [c for c, members in cells.items() if len(members) > 1]
        if not open_cells:
            self.leaves += 1
            if self.leaves > MAX_LEAVES:
                raise _TooMany
            return self.relabel(colors)
        cell = min(open_cells)
        out = None
        tried = set()
        for member in cells[cell]:
            if self.twin[member] in tried:
                continue
            tried.add(self.twin[member])
            split = [2 * c + (0 if x == member else 1) for x, c in enumerate(colors)]
            leaf = self.best(self.refine(_rank(split)))
            if out is None or leaf < out:
                out = leaf
        return out
