"""Worlds from constraints: Z3 enumerates the solutions of a puzzle's `where` constraints.

Used when the raw product of the variables' domains is too large to enumerate and filter. The
variables are fixed one at a time (all feasible values of the first, then for each the feasible
values of the second, ...), so every Z3 call is a small incremental check.
"""
from __future__ import annotations

import time

import numpy as np

from ..errors import TooLarge
from ..interrupts import z3_check
from ..language import syntax as s

MAX_Z3_WORLDS = 200_000
DEFAULT_TIMEOUT_S = 8.0  # the whole enumeration; with start-up a run stays under 10 s
PROJECT_AFTER_S = 2.0  # from then on, refuse as soon as the projected time exceeds the timeout
TOO_MANY_HINT = "tighten the constraints or shrink the ranges (smaller parameters)"


def enumerate_columns(puzzle: s.Puzzle, max_worlds: int = MAX_Z3_WORLDS,
                      timeout_s: float = DEFAULT_TIMEOUT_S,
                      project_after_s: float = PROJECT_AFTER_S) -> dict[str, np.ndarray]:
    """Every assignment of the puzzle's variables that satisfies its constraints, as columns.

    Refused (TooLarge) within project_after_s seconds when the enumeration cannot finish in
    timeout_s: the share of the search tree done so far projects the total time.
    """
    import z3

    from .z3_terms import Frame, StaticEncoder

    start = time.perf_counter()
    symbols = {v.name: z3.Int(f"world.{v.name}") for v in puzzle.variables}
    solver = z3.Solver()
    if puzzle.table_columns:
        cols = [symbols[c] for c in puzzle.table_columns]
        solver.add(z3.Or([z3.And([c == x for c, x in zip(cols, row)]) for row in puzzle.table_rows]))
    for v in puzzle.variables:
        x, codes = symbols[v.name], sorted(v.codes)
        if codes == list(range(codes[0], codes[-1] + 1)):
            solver.add(x >= codes[0], x <= codes[-1])
        else:
            solver.add(z3.Or([x == c for c in codes]))
    enc = StaticEncoder(None, {name: [sym] for name, sym in symbols.items()})  # type: ignore[arg-type]
    single = (Frame(np.zeros(1, dtype=np.int64)),)
    for f in puzzle.constraints:
        solver.add(enc.formula(f, single)[0])
    order = [v.name for v in puzzle.variables]
    rows: list[tuple[int, ...]] = []

    position: list[list[int]] = []  # per level of the search: [values done, values found (0: still finding)]

    def done_share() -> float:
        share, scale = 0.0, 1.0
        for done, found in position:
            if not found:
                break
            share += scale * done / found
            scale /= found
        return share

    def check() -> bool:
        elapsed = time.perf_counter() - start
        left = timeout_s - elapsed
        if left <= 0:
            raise TooLarge(f"Z3 enumeration timed out after {timeout_s:.0f} s with {len(rows):,} worlds found",
                           hint=TOO_MANY_HINT)
        if elapsed > project_after_s:
            share = done_share()
            if share <= 0 or elapsed / share > timeout_s:
                need = "an unknown time" if share <= 0 else f"about {elapsed / share:,.0f} s"
                raise TooLarge(f"Z3 would need {need} to enumerate the worlds (over the {timeout_s:.0f} s limit): "
                               f"{len(rows):,} found in {elapsed:.1f} s", hint=TOO_MANY_HINT)
        solver.set("timeout", max(1, int(left * 1000)))
        result = z3_check(solver)
        if result == z3.unknown:
            raise TooLarge(f"Z3 could not enumerate the worlds ({solver.reason_unknown()}) after "
                           f"{time.perf_counter() - start:.1f} s", hint=TOO_MANY_HINT)
        return result == z3.sat

    def extend(prefix: tuple[int, ...]) -> None:
        depth = len(prefix)
        if depth == len(order):
            rows.append(prefix)
            if len(rows) > max_worlds:
                raise TooLarge(f"the constraints have more than {max_worlds:,} solutions", hint=TOO_MANY_HINT)
            return
        x = symbols[order[depth]]
        level = [0, 0]
        position.append(level)
        solver.push()
        found = []
        while check():
            value = solver.model().eval(x, model_completion=True).as_long()
            found.append(value)
            if len(found) > max_worlds:
                raise TooLarge(f"the constraints have more than {max_worlds:,} solutions", hint=TOO_MANY_HINT)
            solver.add(x != value)
        solver.pop()
        level[1] = len(found)
        for value in sorted(found):
            solver.push()
            solver.add(x == value)
            extend(prefix + (value,))
            solver.pop()
            level[0] += 1
        position.pop()

    extend(())
    rows.sort(key=_explicit_order(puzzle, order))
    data = np.array(rows, dtype=np.int64).reshape(-1, len(order))
    return {name: data[:, j].copy() for j, name in enumerate(order)}


def _explicit_order(puzzle: s.Puzzle, order: list[str]):
    """Sort key giving the explicit enumerator's world order (table row, then each free variable)."""
    table = {row: i for i, row in enumerate(puzzle.table_rows)}
    table_at = [order.index(c) for c in puzzle.table_columns]
    free = [(order.index(v.name), {c: i for i, c in enumerate(v.codes)})
            for v in puzzle.variables if v.name not in puzzle.table_columns]

    def key(row: tuple[int, ...]) -> tuple[int, ...]:
        head = (table[tuple(row[j] for j in table_at)],) if table_at else ()
        return head + tuple(index[row[j]] for j, index in free)

    return key


__all__ = ["enumerate_columns", "MAX_Z3_WORLDS"]
