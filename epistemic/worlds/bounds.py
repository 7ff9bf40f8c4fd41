"""Enumerate only the kept worlds of a product when constraints bound its last variable.

A constraint `a·y + (a linear term in the other variables) op 0` with a = ±1 bounds the last
variable y to an interval at each assignment of the others (op one of < <= > >= =). Sum and
Product's `x < y and x + y <= bound` keeps a quarter of its raw pairs: instead of building every
raw pair and filtering it, each outer assignment gets its interval of y and only the worlds inside
are written, in the same order (first variable most significant). Other constraints are evaluated
on those worlds afterwards, so the result equals product-and-filter exactly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..language import syntax as s
from .evaluate import static_values

FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}


@dataclass(frozen=True)
class Linear:
    """sum(coefs[v] * v) + const, over integer variables."""

    coefs: tuple[tuple[str, int], ...]
    const: int


def linear(t: s.Term) -> Linear | None:
    """The term as a linear form, or None (division, modulo, products of variables, counts)."""
    if isinstance(t, s.Const):
        return Linear((), t.value)
    if isinstance(t, s.Var):
        return Linear(((t.name, 1),), 0)
    if isinstance(t, s.Neg):
        inner = linear(t.term)
        return None if inner is None else _scale(inner, -1)
    if isinstance(t, s.Arith) and t.op in ("+", "-", "*"):
        a, b = linear(t.left), linear(t.right)
        if a is None or b is None:
            return None
        if t.op == "*":
            if not a.coefs:
                return _scale(b, a.const)
            return _scale(a, b.const) if not b.coefs else None
        return _add(a, b if t.op == "+" else _scale(b, -1))
    return None


def _scale(a: Linear, k: int) -> Linear:
    return Linear(tuple((v, c * k) for v, c in a.coefs), a.const * k)


def _add(a: Linear, b: Linear) -> Linear:
    coefs: dict[str, int] = {}
    for v, c in a.coefs + b.coefs:
        coefs[v] = coefs.get(v, 0) + c
    return Linear(tuple((v, c) for v, c in coefs.items() if c), a.const + b.const)


@dataclass(frozen=True)
class Bound:
    """y op rest, where rest is a linear form in the other variables."""

    op: str
    rest: Linear


def bound_on(f: s.Formula, y: str) -> Bound | None:
    """The constraint as `y op rest` when it is linear with y's coefficient ±1, else None."""
    if not isinstance(f, s.Compare) or f.op not in FLIP:
        return None
    left, right = linear(f.left), linear(f.right)
    if left is None or right is None:
        return None
    diff = _add(left, _scale(right, -1))  # diff op 0
    a = dict(diff.coefs).get(y, 0)
    if a not in (1, -1):
        return None
    rest = Linear(tuple((v, c) for v, c in diff.coefs if v != y), diff.const)
    # a*y + rest op 0  =>  y op -rest (a = 1)  or  y op' rest (a = -1, the comparison flipped)
    return Bound(f.op, _scale(rest, -1)) if a == 1 else Bound(FLIP[f.op], rest)


def conjuncts(constraints) -> list[s.Formula]:
    out = []
    for f in constraints:
        out.extend(conjuncts(f.items) if isinstance(f, s.And) else [f])
    return out


def bounded_product(free: list, code_tables: list[np.ndarray], constraints, max_outer: int) -> dict[str, np.ndarray] | None:
    """The kept worlds of the product of `free` (variables, no table) as columns, in product order,
    when some constraint bounds the last variable; None when none does or the shape does not fit
    (fewer than two variables, the last one's codes not consecutive ascending, too many outer
    assignments)."""
    if len(free) < 2:
        return None
    y, y_codes = free[-1], code_tables[-1]
    if len(y_codes) == 0 or not np.array_equal(y_codes, np.arange(y_codes[0], y_codes[0] + len(y_codes))):
        return None
    outer_radices = [len(c) for c in code_tables[:-1]]
    outer = math.prod(outer_radices)
    if outer > max_outer:
        return None
    bounds, residual = [], []
    for f in conjuncts(constraints):
        b = bound_on(f, y.name)
        if b is not None and all(v in {w.name for w in free[:-1]} for v, _ in b.rest.coefs):
            bounds.append(b)
        else:
            residual.append(f)
    if not bounds:
        return None
    cols = {}
    for i, (v, codes) in enumerate(zip(free[:-1], code_tables[:-1])):
        inner, reps = math.prod(outer_radices[i + 1:]), math.prod(outer_radices[:i])
        cols[v.name] = np.tile(np.repeat(codes, inner), reps)
    lo = np.full(outer, int(y_codes[0]), dtype=np.int64)
    hi = np.full(outer, int(y_codes[-1]), dtype=np.int64)
    for b in bounds:
        rest = np.full(outer, b.rest.const, dtype=np.int64)
        for v, c in b.rest.coefs:
            rest += c * cols[v]
        if b.op in ("<", "<="):
            np.minimum(hi, rest - (b.op == "<"), out=hi)
        if b.op in (">", ">="):
            np.maximum(lo, rest + (b.op == ">"), out=lo)
        if b.op == "=":
            np.minimum(hi, rest, out=hi)
            np.maximum(lo, rest, out=lo)
    counts = np.maximum(hi - lo + 1, 0)
    total = int(counts.sum())
    kept = {name: np.repeat(col, counts) for name, col in cols.items()}
    # y runs from lo up within each outer assignment: the position in the output minus (start - lo)
    y_column = np.arange(total, dtype=np.int64)
    y_column -= np.repeat(np.cumsum(counts) - counts - lo, counts)  # in place: one array of the space's length fewer
    kept[y.name] = y_column
    if residual:
        ok = np.ones(total, dtype=bool)
        for f in residual:
            ok &= static_values(f, kept, total)
        kept = {k: c[ok] for k, c in kept.items()}
    return {v.name: kept[v.name] for v in free}


__all__ = ["Bound", "Linear", "bound_on", "bounded_product", "linear"]
