"""What an agent's knowing needs, said as its only condition: "Bill只有在b=0或b=10时才能直接确定", "安妮只有在a = 0或
a = 10时才能确定比尔的数", "Anne can only know b if a is 0 or 10".

Read as the case knowledge "not <condition> implies not <agent knows>": where the condition fails the agent does not
know. Its consequent is what the agent's "I don't know" says, so the claim is judged just before the latest such statement
the trace has come to (after it no world where he knew is left, and the claim would hold vacuously): "Bill only knows
with b = 0 or 10" at Bill's statement is false once Anne's "I don't know" has gone (with b = 1 he knows a = 2). Only a
condition that reads as one certain list of values is taken ("只有在看到两顶红帽时才能确定" names no values: left
unread); a knowing of a knowing ("can only be sure that Bernard doesn't know if …") is not this form.
"""
from __future__ import annotations

import re
from typing import Callable

from .keys import formula_key, implies_key, not_key
from .lexicon import Lexicon
from .records import HYPOTHETICAL, ClaimRecord, record

QUICK = re.compile(r"只有在|只有当|(?i:\bonly\b[^.;\n]{0,40}?\b(?:if|when)\b)")
_ZH = re.compile(r"(?P<who>[^\s，,。；;：:、]{1,12}?)\s*只有(?:在|当)(?P<cond>[^，,。；;\n]{1,40}?)(?:的)?时(?:候)?[，,]?\s*"
                 r"(?:他|她)?才(?:能|会|可以)?(?:直接|立刻|马上|一下子|立即)?(?:确定|知道|判断出)")
_EN = re.compile(r"(?i:(?P<who>\b[\w.]{1,16}(?:\s+\d)?)\s+(?:can|could|would)\s+only\s+(?:know|tell|be\s+(?:sure|certain))"
                 r"(?:\s+(?!that\b)[\w']+){0,3}?\s+(?:if|when)\s+(?P<cond>[^.;:!?\n]{1,50}?))"
                 r"(?=\s*(?:[.;:!?\n]|$|,\s*(?i:leaving|so|which|and|because|since|then|but)\b))")
# (the condition's list may hold commas: "if his rank is Q, 4 or 5, leaving …")
_HOLDING = re.compile(r"\s*(?:(?:拿到|拿着|拿的是|手里是|手上是)|(?i:(?:he|she)\s+)?(?i:has|holds|had|held|gets|got)\s+)")


def only_if_records(lex: Lexicon, sentence: str, values: Callable[[str], tuple | None],
                    knows: Callable[[str], tuple | None]) -> list[ClaimRecord]:
    """The case knowledge of each "X only knows if <values>" in the sentence; `values(text)` is the one certain list
    a text names (its formula key), `knows(agent)` the key of that agent knowing what it is asked (or None)."""
    out = []
    for m in (*_ZH.finditer(sentence), *_EN.finditer(sentence)):
        toks = lex.scan(m.group("who"))
        if len(toks) != 1 or toks[0].kind != "agent":
            continue  # (a pronoun or a description the lexicon does not name: unread)
        cond = values(m.group("cond"))
        held = _HOLDING.match(m.group("cond")) if cond is None else None
        if held is not None:  # "比尔只有在拿到0或10的时候才能确定": what he holds, said of him
            rest = m.group("cond")[held.end():]
            zh = not rest.isascii() or not m.group("who").isascii()
            cond = values(m.group("who") + ("是" if zh else " is ") + rest)
        known = knows(toks[0].payload)
        if cond is None or known is None:
            continue
        out.append(record("case knowledge", implies_key(not_key(cond), not_key(known)), (), sentence.strip(),
                          m.start(), m.end(), False, reading=HYPOTHETICAL))
    return out


def ignorance_said(puzzle, key: tuple, stage: int) -> int | None:
    """The latest statement up to `stage` that says `key` (an agent's "I don't know") or its negation ("now I know"):
    an only-if claim on that agent's knowing is about just before it, where he spoke (after it no world is left
    where he knew, or where he did not)."""
    if key[0] != "Not" or key[1][0] != "Knows":
        return None
    return next((k for k in range(min(stage, len(puzzle.announcements)), 0, -1)
                 if formula_key(puzzle.announcements[k - 1].said) in (key, key[1])), None)
