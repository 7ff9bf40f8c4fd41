"""Claims the trace dates itself: "after P's first statement we already know …", "阿里说完第一句话后，波就已经…".

An explicit "after <announcement>" in a claim's sentence says which stage the claim is about. The claim is judged
there alone, not anywhere up to the stage the trace has reached, and a claim that holds only later is then
premature by the trace's own words (evidence.py weighs it alone).
"""
from __future__ import annotations

import re

from .align import Aligner

# "after P's first statement", "right after the second silence", "once Q has spoken", "following Bernard's reply"
_AFTER_EN = re.compile(r"(?i)(?<!until )(?<!till )\b(?:right |just |immediately |directly )?(?:after|following|once)\s+")
# "阿里说完第一句话后", "第一轮沉默之后", "P说完“现在我能确定了”之后"
_AFTER_ZH = re.compile(r"(?:之后|以后|过后|后)(?=\s*[，,：:]|\s*(?:我们|就|便|已经|可以|能|剩|只))")
_PHRASE_END = re.compile(r"[,，;；:：.。!?！？\n]|\s(?:we|the|it|there|so|only|both|each|every|all|he|she|they|P|Q|S)\s")
_PHRASE_START = re.compile(r"[，,；;：:。.!?！？\n]")
AFTER = re.compile(r"(?i:after|following|once)|后")  # a quick test before the sentence is cut out
_SENTENCE = re.compile(r"[.。!?！？;；]\s|[。！？；]|\n")
_MAX_PHRASE = 80
_BRACKETS = re.compile(r"\([^()]*\)|（[^（）]*）")


def anchor_stage(aligner: Aligner, text: str, start: int, end: int) -> int | None:
    """The announcement an explicit "after …" in the sentence of text[start:end] names (None without one, or when
    the sentence has anchors naming different announcements)."""
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
    m = _SENTENCE.search(text, end)
    b = m.start() if m else len(text)
    sentence = _BRACKETS.sub(lambda m: " " * len(m.group(0)), text[a:b])  # "(… after round 1 would know)": an aside
    found = {aligner.anchor(p) for at, p in _phrases(sentence) if a + at < end}  # not an anchor after the claim
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _phrases(sentence: str) -> list[tuple[int, str]]:
    """(offset, phrase) of the "after …" phrases of a sentence: from the word to the next comma or subject (EN), or from the clause's
    start to 后 (ZH)."""
    out = []
    for m in _AFTER_EN.finditer(sentence):
        stop = _PHRASE_END.search(sentence, m.end())
        out.append((m.start(), sentence[m.start():min(stop.start() if stop else len(sentence), m.end() + _MAX_PHRASE)]))
    for m in _AFTER_ZH.finditer(sentence):
        opening = max((s.end() for s in _PHRASE_START.finditer(sentence, 0, m.start())), default=0)
        at = max(opening, m.start() - _MAX_PHRASE)
        out.append((at, sentence[at:m.end()]))
    return out
