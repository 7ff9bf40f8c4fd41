"""Bare numbers said to go under a sum named before them in the step: "Sums with a prime split are out: 11? …
So 53 dies too." The number is a value of the sum (the step's topic), and the claim is its exclusion.

Only in puzzles about a pair of numbers, only when the last observed term named before the number in its step is
a sum, and only for verbs that remove ("dies", "is out", "goes", "is ruled out"); a number inside an expression
("2 + 51 dies") is not read. What survives ("51 stays") is left alone: the claim kinds say what is possible of a
variable, not of a term.
"""
from __future__ import annotations

import re

from .lexicon import Lexicon
from .records import EXCLUSION, ClaimRecord, record

_OUT = re.compile(r"(?<![\w.·×*+−=^<>≤≥-])(?<![·×*+−=^<>≤≥-] )(?<!minus )(?<!plus )(?<!times )(?<!above )(?<!over )"
                  r"(?<!than )(?<!below )(?<!under )(?<!least )(?<!most )(\d{1,4})\s+(?:also\s+|then\s+)?"
                  r"(?:dies|is\s+out|goes|is\s+(?:also\s+)?(?:eliminated|removed|ruled\s+out|excluded|gone)|"
                  r"drops\s+out|fails)\b", re.IGNORECASE)


def topic_exclusions(lex: Lexicon, text: str) -> list[ClaimRecord]:
    """The exclusions of bare numbers under the sum the step last named before them."""
    if lex.number_pair is None or not any(w in text for w in ("die", "out", "goes", "elimin", "remov", "exclud",
                                                                "gone", "fails")):
        return []
    out = []
    for m in _OUT.finditer(text):
        terms = [t for t in lex.scan(text[:m.start()]) if t.kind == "attr" and isinstance(t.payload, tuple)
                 and t.payload[0] == "@term"]
        if not terms or terms[-1].payload[1][:2] != ("Arith", "+"):
            continue
        a = max((s.end() for s in re.finditer(r"[.!?。！？\n]", text[:m.start()])), default=0)
        key = ("Compare", "!=", terms[-1].payload[1], ("Const", int(m.group(1))))
        out.append(record("exclusion", key, (), text[a:m.end()].strip(), m.start(), m.end(), False,
                          reading=EXCLUSION))
    return out
