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
_STAYS = re.compile(r"(?i:\b(?:left|remain|remains|survive|survives|stay|stays|still)\b)|剩|留下|保留|还在")
# A question of the trace's own, inline, asking what goes, then its answer: "What does the father's statement rule out
# as a world? Only 0000, all clean.", "这句话排除了什么？只有0000。"
_INLINE_ASKS = re.compile(r"(?:^|(?<=[.!?。！？\n]))[ \t>*#-]*(?P<asks>(?i:what|which)\b[^.!?\n]{0,80}\?|"
                          r"[^。！？\n]{0,40}(?:什么|哪些|哪几)[^。！？\n]{0,20}？)(?:\*\*)?[ \t]*"
                          r"(?P<answer>(?:(?i:only|just)\s+|只有|只)?[\d(（♠♥♦♣\[{])")
# (the answer opens on what it names: "Only 0000", "(1, 0) and (9, 10)"; not "四个候选里，只有 (9, 4, 4) 两个弟弟同岁", a
# property of what stays)


def answered_exclusions(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """The candidate lists of an answer to "what does it rule out?" read as exclusions (the answer's first sentence
    only: "答：a = 0和a = 10。现在a在1到9之间。" goes on with what is left), on a line of its own or right after the
    question, inline ("What does that rule out? Only 0000.")."""
    spans = []
    for m in _QUESTION_LINE.finditer(text):
        asks = m.group("asks")
        if ELIMINATED.search(asks) is None and _ASKS_REMOVED.search(asks) is None:
            continue
        end = _SENTENCE_END.search(text, m.start("answer"), m.end("answer"))
        spans.append((m.start("line"), end.start() if end is not None else m.end("answer")))
    for m in _INLINE_ASKS.finditer(text):
        asks = m.group("asks")
        if ELIMINATED.search(asks) is None or _STAYS.search(asks) is not None:
            continue  # (not "What is left once the 19s are eliminated?": what stays)
        end = _SENTENCE_END.search(text, m.start("answer"))
        spans.append((m.start("answer"), end.start() if end is not None else len(text)))
    if not spans:
        return records
    return [r.as_removed()
            if r.kind in ("candidates", "bound") and any(a <= r.start < b for a, b in spans) else r for r in records]
