"""Ranges of a number: "a is between 1 and 9", "b ∈ {2, ..., 8}", "b is from 2 to 8", "b = 2..8", "a is 1–9",
"a 在1到9之间".

Read as the inclusive bound `N <= v and v <= M` (kind "bound"). Where the writer means the open range ("strictly
between"), the inclusive claim is weaker and still true, so the reading never makes a correct step wrong; read as
a list instead ("a in {1, 9}") the two ends alone would be false.
"""
from __future__ import annotations

import re

from .keys import junction_key
from .lexicon import Lexicon, Token
from .records import CASE, VALUES, ClaimRecord, record

# After the variable: a verb or sign, then the range in one of its spellings
_RANGE = re.compile(r"\s*(?:(?i:is|are|lies|lie|must\s+be|can\s+be|has\s+to\s+be|ranges)\s+|∈\s*|=\s*|在\s*|是\s*|"
                    r"(?i:in)\s+)?(?:(?i:(?:somewhere\s+)?between\s+(?P<a1>\d{1,6})\s+and\s+(?P<b1>\d{1,6})|"
                    r"from\s+(?P<a2>\d{1,6})\s+(?:to|through|thru)\s+(?P<b2>\d{1,6}))|"
                    r"[{\[]\s*(?P<a3>\d{1,6})\s*,\s*(?:\.\.\.|…)\s*,\s*(?P<b3>\d{1,6})\s*[}\]]|"
                    r"[{\[]?\s*(?P<a4>\d{1,6})\s*(?:\.\.|…)\s*(?P<b4>\d{1,6})(?!\d|\.\d)(?:\s*[}\]])?|"
                    r"(?P<a5>\d{1,6})\s*(?:到|至|~|～)\s*(?P<b5>\d{1,6})\s*(?:之间|中间)?|"
                    r"(?P<a6>\d{1,6})\s*(?:[–—-]|\s(?i:to|through|thru)\s)\s*(?P<b6>\d{1,6})(?!\d|\.\d|\s*[=+\-−×*/]))")
# A range that names a case, not a claim: "for a in 3..7 both neighbours survive", "a = 4..7: same", "a 是1到9时",
# "Similarly b = 3..8 both neighbours are in 1..9", "- a ∈ 1..9 → two partners"
_CASE_BEFORE = re.compile(r"(?i:\b(?:for|if|when|whenever|suppose|assume|with|where|similarly,?|likewise,?|"
                          r"same\s+for)\s+"
                          r"(?:each\s+|every\s+|all\s+|any\s+)?$)|(?:对于|如果|若|当|假如|假设|同理)\s*$")
_CASE_AFTER = re.compile(r"\s*(?:\*\*)?\s*(?:[:：]|时|的时候|的话|的?(?:都|均|各)|(?i:,?\s*then\b)|→|->|⇒|=>)")
_QUICK = re.compile(r"(?i:between|from\s+\d|\.\.|…|到|至|~|～|\d\s*[–—-]\s*\d|\d\s+(?:to|through|thru)\s+\d)")


def range_records(lex: Lexicon, sentence: str, raw: list[Token]) -> list[ClaimRecord]:
    """The bound of each range said of one of the puzzle's numeric variables right after its name."""
    if _QUICK.search(sentence) is None:
        return []
    out = []
    for t in raw:
        if t.kind != "attr" or not isinstance(t.payload, str) or t.payload not in lex.codes:
            continue
        m = _RANGE.match(sentence, t.end)
        if m is None:
            continue
        low, high = (int(g) for g in next((m.group(f"a{n}"), m.group(f"b{n}")) for n in range(1, 7)
                                          if m.group(f"a{n}") is not None))
        codes = lex.codes[t.payload]
        if not low < high or low not in codes or high not in codes:
            continue
        var = ("Var", t.payload)
        key = junction_key("And", [("Compare", ">=", var, ("Const", low)), ("Compare", "<=", var, ("Const", high))])
        case = _CASE_BEFORE.search(sentence, max(0, t.start - 16), t.start) is not None or \
            _CASE_AFTER.match(sentence, m.end()) is not None
        out.append(record("bound", key, (), sentence.strip(), t.start, m.end(), False, reading=CASE if case else VALUES))
    return out


# A range written on its own, whatever it is said of: "且在2到8之间", "between 2 and 8", "2..8"
_BARE_RANGE = re.compile(r"(?<![\d.])(\d{1,6})\s*(?:到|至|~|～|\.\.)\s*(\d{1,6})(?![\d.])|"
                         r"(?i:\bbetween\s+(\d{1,6})\s+and\s+(\d{1,6})\b)")


def range_ends(sentence: str) -> list[tuple[int, int, frozenset]]:
    """(start, end, {low, high}) of each range written in a sentence: its two ends are no list of two values."""
    if _QUICK.search(sentence) is None:
        return []
    out = []
    for m in _BARE_RANGE.finditer(sentence):
        low, high = (int(g) for g in (m.group(1, 2) if m.group(1) is not None else m.group(3, 4)))
        if low < high:
            out.append((m.start(), m.end(), frozenset((low, high))))
    return out
