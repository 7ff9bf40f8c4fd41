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


def compare_int(op: str, a: int, b: int) -> bool:
    return COMPARE[op](a, b)
