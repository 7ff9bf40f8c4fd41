"""The world space: every world as one row of integer columns, and each agent's class per world.

Worlds are enumerated once per puzzle (table rows × the other variables' domains, filtered by the
`where` constraints, in chunks so memory stays bounded). Two worlds look the same to an agent
exactly when all of the agent's observed terms agree: the agent's class ids are that partition.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..language import syntax as s
from .bounds import bounded_product
from .evaluate import static_term, static_values
from .labels import world_label
from .size import raw_size

MAX_RAW_WORLDS = 1 << 25
DISTINCT_WORLDS = "distinct worlds"  # space.cache key: True when no two worlds are the same assignment
CHUNK = 1 << 22


@dataclass(frozen=True, eq=False)
class WorldSpace:
    """All worlds of a puzzle (stage 0) as columns, with each agent's partition as class ids."""

    puzzle: s.Puzzle
    columns: dict[str, np.ndarray]
    size: int
    classes: dict[str, np.ndarray]
    class_counts: dict[str, int]
    method: str
    raw_size: int
    cache: dict = field(default_factory=dict, repr=False)
    shape: tuple[int, ...] | None = None
    hidden_axes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """shape: set when the worlds are the full product of the variables' domains, in mixed-radix
    order (first variable most significant); then an agent that observes plain variables is in
    hidden_axes with the axes it cannot see, and knowing is a reduction over those axes."""

    def group_classes(self, agents: tuple[str, ...]) -> tuple[np.ndarray, int]:
        """The partition of distributed knowledge: worlds agree for every agent of the group."""
        key = ("distributed", tuple(sorted(agents)))
        if key not in self.cache:
            self.cache[key] = combine_keys([self.classes[a] for a in agents], self.size)
        return self.cache[key]

    def world(self, index: int) -> dict[str, int]:
        return {name: int(col[index]) for name, col in self.columns.items()}

    def labels(self, mask: np.ndarray, limit: int | None = None) -> list[str]:
        """Short names of the worlds in a mask, in world order (at most `limit`)."""
        idx = np.flatnonzero(mask)
        return [world_label(self, int(i)) for i in (idx if limit is None else idx[:limit])]


def enumerate_product(puzzle: s.Puzzle, total: int) -> WorldSpace:
    """Product and filter: every assignment of the variables (in chunks), kept where the constraints hold."""

    free = [v for v in puzzle.variables if v.name not in puzzle.table_columns]
    table = np.array(puzzle.table_rows, dtype=np.int64).reshape(-1, len(puzzle.table_columns)) if puzzle.table_columns else None
    rows = len(table) if table is not None else 1
    radices = [rows] + [len(v.values) for v in free]
    code_tables = [np.array(v.codes, dtype=np.int64) for v in free]
    kept: dict[str, list[np.ndarray]] = {v.name: [] for v in puzzle.variables}
    bounded = bounded_product(free, code_tables, puzzle.constraints, CHUNK) if table is None and total else None
    if bounded is not None:  # only the worlds within the last variable's bounds are built
        kept = {k: [c] for k, c in bounded.items()}
    elif table is None and 0 < total <= CHUNK:  # one chunk: each column by repeat and tile, no digit arithmetic
        cols = {}
        for i, (v, codes) in enumerate(zip(free, code_tables)):
            inner, outer = math.prod(radices[i + 2 :]), math.prod(radices[1 : i + 1])
            cols[v.name] = np.tile(np.repeat(codes, inner), outer)
        if puzzle.constraints:
            ok = np.ones(total, dtype=bool)
            for f in puzzle.constraints:
                ok &= static_values(f, cols, total)
            cols = {k: c[ok] for k, c in cols.items()}
        kept = {k: [c] for k, c in cols.items()}
    for start in range(0, total if not any(kept.values()) else 0, CHUNK):
        flat = np.arange(start, min(total, start + CHUNK), dtype=np.int64)
        digits = []
        for radix in reversed(radices):
            digits.append(flat % radix)
            flat = flat // radix
        digits.reverse()
        cols: dict[str, np.ndarray] = {}
        if table is not None:
            for j, name in enumerate(puzzle.table_columns):
                cols[name] = table[digits[0], j]
        for v, codes, d in zip(free, code_tables, digits[1:]):
            cols[v.name] = codes[d]
        if puzzle.constraints:
            ok = np.ones(len(digits[0]), dtype=bool)
            for f in puzzle.constraints:
                ok &= static_values(f, cols, len(ok))
            cols = {k: c[ok] for k, c in cols.items()}
        for k, c in cols.items():
            kept[k].append(c)
    columns = {v.name: _join(kept[v.name]) for v in puzzle.variables}
    size = len(columns[puzzle.variables[0].name])
    shape = tuple(radices[1:]) if table is None and size == total and size > 0 else None
    space = space_from_columns(puzzle, columns, "table" if table is not None else "product", total, shape)
    if table is None and all(len(set(v.codes)) == len(v.codes) for v in free):
        space.cache[DISTINCT_WORLDS] = True  # a product of distinct values lists each assignment once
    return space


def space_from_columns(puzzle: s.Puzzle, columns: dict[str, np.ndarray], method: str, raw: int,
                       shape: tuple[int, ...] | None = None) -> WorldSpace:
    """A world space over given columns (enumerated here or by Z3): computes each agent's classes.

    With `shape` (the columns are the full product in mixed-radix order), an agent that observes
    plain variables gets its class id as the world's index with the unseen digits zeroed.
    """
    size = len(next(iter(columns.values()))) if columns else 0
    axes = {v.name: i for i, v in enumerate(puzzle.variables)} if shape else {}
    classes, counts, hidden = {}, {}, {}
    for agent in puzzle.agents:
        seen = {t.name for t in agent.observes if isinstance(t, s.Var)}
        if shape and len(seen) == len(agent.observes):
            hidden[agent.name] = tuple(i for name, i in axes.items() if name not in seen)
            classes[agent.name], counts[agent.name] = _product_classes(puzzle, columns, shape, hidden[agent.name])
            continue
        keys = [np.broadcast_to(static_term(t, columns), (size,)) for t in agent.observes]
        classes[agent.name], counts[agent.name] = combine_keys(keys, size)
    return WorldSpace(puzzle, columns, size, classes, counts, method, raw, shape=shape, hidden_axes=hidden)


def _product_classes(puzzle: s.Puzzle, columns: dict[str, np.ndarray], shape: tuple[int, ...],
                     hidden: tuple[int, ...]) -> tuple[np.ndarray, int]:
    """Class ids in a full product space: the seen digits in mixed radix (int32 when they fit).

    One pass per seen axis, none per hidden one: an agent that sees one of 20 variables costs one
    multiply-add over the worlds, not 19.
    """
    size = math.prod(shape)
    seen = [axis for axis in range(len(shape)) if axis not in hidden]
    if len(hidden) < len(seen):  # fewer passes: the world's index with the hidden digits zeroed
        dtype = np.int32 if size < 1 << 31 else np.int64
        ids = np.arange(size, dtype=dtype)
        for axis in hidden:
            stride = math.prod(shape[axis + 1 :])
            var = puzzle.variables[axis]
            if var.codes == tuple(range(len(var.values))):
                ids -= (columns[var.name] * stride).astype(dtype, copy=False)
            else:
                ids -= (ids // stride % shape[axis]) * stride
        return ids, size
    count = math.prod(shape[axis] for axis in seen)
    dtype = np.int32 if count < 1 << 31 else np.int64
    ids = np.zeros(size, dtype=dtype)
    for axis in seen:
        var = puzzle.variables[axis]
        if var.codes == tuple(range(len(var.values))):
            digit = columns[var.name]
        else:
            digit = np.arange(size, dtype=np.int64) // math.prod(shape[axis + 1 :]) % shape[axis]
        ids *= shape[axis]
        ids += digit.astype(dtype, copy=False)
    return ids, count


def _join(parts: list[np.ndarray]) -> np.ndarray:
    if not parts:
        return np.zeros(0, dtype=np.int64)
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def combine_keys(keys: list[np.ndarray], size: int) -> tuple[np.ndarray, int]:
    """Class ids for the joint value of several integer arrays (mixed radix, compacted if sparse)."""
    if not keys or size == 0:
        return np.zeros(size, dtype=np.int64), 1 if size else 0
    key, span = None, 1
    for k in keys:
        k = np.asarray(k, dtype=np.int64)
        lo, hi = int(k.min()), int(k.max())
        radix = hi - lo + 1
        if key is None and len(keys) == 1 and lo >= 0 and hi < 4 * size + 64:
            return k, hi + 1  # one term of small non-negative values: they are the ids (ids below lo unused)
        if key is None:  # the first term: its values shifted to start at 0, no multiply-add
            key, span = k - lo, radix
            continue
        if span * radix >= 1 << 62:
            _, key = np.unique(key, return_inverse=True)
            span = int(key.max()) + 1
        key = key * radix + (k - lo)
        span *= radix
    if span <= 4 * size + 64:
        return key, span
    _, inverse = np.unique(key, return_inverse=True)
    return inverse.astype(np.int64), int(inverse.max()) + 1
