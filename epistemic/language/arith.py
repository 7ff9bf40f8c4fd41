"""Integer semantics shared by every engine: floor division, modulo with the divisor's sign, x/0 = 0."""
from __future__ import annotations

import operator

COMPARE = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def apply_int(op: str, a: int, b: int) -> int:
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if b == 0:
        return 0
    return a // b if op == "/" else a % b


_RING = {"+": operator.add, "-": operator.sub, "*": operator.mul}  # the operators that need no zero test


def apply_int_lists(op: str, xs, ys) -> list[int]:
    """apply_int elementwise over two equally long sequences: a map of the operator itself for + - *
    (one C call a pair instead of a Python call), apply_int for / and mod."""
    ring = _RING.get(op)
    return list(map(ring, xs, ys)) if ring is not None else [apply_int(op, a, b) for a, b in zip(xs, ys)]


def compare_int(op: str, a: int, b: int) -> bool:
    return COMPARE[op](a, b)
