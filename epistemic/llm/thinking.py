"""Split a generated text into thinking and answer, and count tokens on each side."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"
# Markers that open a final answer in traces without think tags (QwQ-Preview style).
ANSWER_MARKERS = re.compile(
    r"^[ \t>*#]*(final answer|最终答案|答案[:：]|\*\*answer)", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class Split:
    """Thinking and answer text; `boundary` is the answer's character offset in the text."""

    thinking: str
    answer: str
    boundary: int
    method: str  # "think-tag", "answer-marker" or "none"


def split_thinking(text: str, prompt_opened_think: bool = False) -> Split:
    """Separate reasoning from the answer: `</think>` first, else the last final-answer marker."""
    close = text.rfind(THINK_CLOSE)
    if close >= 0:
        start = text.find(THINK_OPEN)
        body_start = start + len(THINK_OPEN) if 0 <= start < close else 0
        boundary = close + len(THINK_CLOSE)
        return Split(text[body_start:close].strip(), text[boundary:].strip(), boundary, "think-tag")
    if prompt_opened_think or text.lstrip().startswith(THINK_OPEN):
        start = text.find(THINK_OPEN)
        body = text[start + len(THINK_OPEN):] if start >= 0 else text
        return Split(body.strip(), "", len(text), "think-tag-unclosed")
    markers = list(ANSWER_MARKERS.finditer(text))
    if markers:
        at = markers[-1].start()
        return Split(text[:at].strip(), text[at:].strip(), at, "answer-marker")
    return Split("", text.strip(), 0, "none")


def token_index_at(decode: Callable[[Sequence[int]], str], ids: Sequence[int], offset: int) -> int:
    """Smallest k with len(decode(ids[:k])) >= offset (binary search over prefixes)."""
    if offset <= 0:
        return 0
    lo, hi = 0, len(ids)
    while lo < hi:
        mid = (lo + hi) // 2
        if len(decode(ids[:mid])) >= offset:
            hi = mid
        else:
            lo = mid + 1
    return lo


def count_tokens(
    decode: Callable[[Sequence[int]], str], ids: Sequence[int], split: Split
) -> tuple[int, int]:
    """(thinking tokens, answer tokens) of generated ids, split where the text splits."""
    if split.method == "none":
        return 0, len(ids)
    k = token_index_at(decode, ids, split.boundary)
    return k, len(ids) - k
