"""Cases listed one per clause, each opening on another value of one variable: "比尔是2，剩下的只有(1,2)；比尔是3，只有
(2,3)", "b = 2，…；b = 3，…", "Bill is 2: only (1,2) is left; Bill is 3: only (2,3)" ("Bill = 2" names no value: an
agent's "=" is often an example).

Each clause takes up one value as a case and says what follows in it; no clause states the stage's candidates. The
lists in them are read as cases (set aside), not as what is left.
"""
from __future__ import annotations

import re
from typing import Callable

from .records import CASE

QUICK = re.compile(r"[；;][^；;，,]{0,14}?(?:是|=|\bis\b)")  # a later clause opening on "X是…", "X = …"
_CLAUSE = re.compile(r"[^；;]+")
_LEAD = re.compile(r"[\s*>\-•]*")
_HEADS = frozenset({"agent", "attr"})


def _case_opened(toks: list) -> tuple | None:
    """The (variable, value) a clause opens on as its case ("比尔是2，…": b = 2), or None."""
    at = 1 if toks and toks[0].kind in _HEADS else 0
    if at and at < len(toks) and toks[at].kind == "copula":
        at += 1
    if not at or at >= len(toks) or toks[at].kind != "value":
        return None
    return toks[at].payload


def listed_cases(sentence: str, records: tuple, tokens: Callable[[str], list]) -> tuple:
    """The records, with the certain lists from the first of two or more clauses that open on different values of
    one variable read as cases; `tokens(text)` are the resolved tokens of a text."""
    opened: dict[str, list[tuple[int, int]]] = {}
    for m in _CLAUSE.finditer(sentence):
        text = m.group(0)
        for head in (text, text.rsplit("：", 1)[-1].rsplit(":", 1)[-1]):  # (or after "…知道安妮的数了：")
            case = _case_opened(tokens(head[_LEAD.match(head).end():]))
            if case is not None:
                opened.setdefault(case[0], []).append((case[1], m.end() - len(head)))
                break
    firsts = [min(at for _, at in cases) for cases in opened.values() if len({v for v, _ in cases}) > 1]
    if not firsts:
        return records
    begin = min(firsts)
    return tuple(r.read_as(CASE) if r.kind == "candidates" and r.certain and r.start >= begin else r
                 for r in records)

