"""Question-and-answer steps: "问：安妮说“我不知道”，排除了什么？\n答：a = 0和a = 10。", "Q: What does Bernard's line rule
out?\nA: the 19s."

A Socratic write-up asks itself a question and answers it on the next line. When the question asks what an
announcement removes, the values of the answer's first sentence are what goes, not what is left: exclusions.
"""
from __future__ import annotations

import re

from .claims import ELIMINATED
from .records import ClaimRecord

_QUESTION_LINE = re.compile(r"(?m)^[ \t>*#-]*(?:\*\*)?(?:问|Q|Question)(?:\*\*)?\s*[:：.](?P<asks>[^\n]*[?？][^\n]*)\n"
                            r"(?P<line>)[ \t>*#-]*(?:\*\*)?(?:答|A|Answer)(?:\*\*)?\s*[:：.](?P<answer>[^\n]*)")
_ASKS_REMOVED = re.compile(r"(?i:\bimpossible\b|\bcan(?:no|')t\s+be\b|\bdrops?\b|\bgoes\b|\bkill)|不行|不可能|不成立|去掉|"
                           r"淘汰")
_SENTENCE_END = re.compile(r"[。！!;；]|\.(?:\s|$)")


def answered_exclusions(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """The candidate lists of an answer to "what does it rule out?" read as exclusions (the answer's first sentence
    only: "答：a = 0和a = 10。现在a在1到9之间。" goes on with what is left)."""
    spans = []
    for m in _QUESTION_LINE.finditer(text):
        asks = m.group("asks")
        if ELIMINATED.search(asks) is None and _ASKS_REMOVED.search(asks) is None:
            continue
        end = _SENTENCE_END.search(text, m.start("answer"), m.end("answer"))
        spans.append((m.start("line"), end.start() if end is not None else m.end("answer")))
    if not spans:
        return records
    return [r.as_removed()
            if r.kind in ("candidates", "bound") and any(a <= r.start < b for a, b in spans) else r for r in records]
