"""Stage counts written as a chain: "10 → 5 → 3 → 1", "Counts: 16 → 9 → 5 → 3 → 1", "规模：10 → 5 → 3 → 1".

Traces often close with how many candidates each statement leaves. Such a chain is a claim about every stage at
once: its first number is the count before any statement, and each next one the count after the next statement
(or after the next statement that removes something). It is judged exactly, against the solver's counts
(strategies.CountChain), so any wording around it is covered. Only chains of three or more plain numbers that never
grow are read; a number inside arithmetic ("2+15 → 30 → 5+6=11") breaks the chain.
"""
from __future__ import annotations

import re

from .records import COUNTED, ClaimRecord, record

_ARROW = r"\s*(?:→|->|⇒)\s*"
_NUMBER = r"(?<![\d.,+\-−×·*/=^(])\d{1,7}(?!\d|[.,]\d|\s*[+\-−×·*/=^%)])"  # whole numbers: "330)" is not "33"
_CHAIN = re.compile(_NUMBER + r"(?:" + _ARROW + _NUMBER + r"){2,}")
_DIGITS = re.compile(r"\d{1,7}")
_ARROW_AFTER = re.compile(_ARROW)
_ARROW_BEFORE = re.compile(_ARROW + r"$")


def chain_records(text: str) -> list[ClaimRecord]:
    """The count chains of a step, each one claim with key ("Chain", (n0, n1, ...))."""
    out = []
    for m in _CHAIN.finditer(text):
        if _ARROW_AFTER.match(text, m.end()) or _ARROW_BEFORE.search(text, 0, m.start()):
            continue  # part of a longer chain of other things ("2+15 → 30 → 5+6 → 11 → …")
        numbers = tuple(int(n) for n in _DIGITS.findall(m.group(0)))
        if any(b > a for a, b in zip(numbers, numbers[1:])) or numbers[0] < 2:
            continue  # a count never grows: "1 → 2 → 3" counts rounds, not candidates
        out.append(record("count chain", ("Chain", numbers), (), m.group(0), m.start(), m.end(), False,
                          reading=COUNTED))
    return out


def chain_text(key) -> str:
    """How a chain claim is shown: "stage counts 10 → 5 → 3 → 1" (its text in the JSON and its verdict)."""
    return "stage counts " + " → ".join(map(str, key.formula[1]))
