"""Split a generated text into thinking and answer, and count tokens on each side."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

THINK_OPEN = "<think>"
THINK_CLOSE = "</think>"
ANSWER_OPEN = "<answer>"
# A line that opens the final answer. The prompt (epistemic.render) asks for `Answer: …` on the last
# line (`答案：…` in Chinese) or an <answer> tag; QwQ-Preview writes "**Final Answer**" / "最终答案".
# Markdown decoration (#, >, *, _, -) before or around the word is allowed; plain "answer" needs a
# colon or the end of the line after it, so "answering the question…" is not a marker.
ANSWER_MARKERS = re.compile(
    r"^[ \t>#*_\-]*(?:final[ \t]+answer|最终答案"
    r"|(?:the[ \t]+)?answer[ \t*_]*(?:[:：]|$)|答案[ \t*_]*(?:[:：]|$))",
    re.IGNORECASE | re.MULTILINE,
)
# Weaker cues, inside a line, that epistemic.scoring also reads: "the answer is …", 答案是, \boxed{…}.
ANSWER_PHRASES = re.compile(r"^.*(?:\banswer[ \t]+is\b|答案[是为]|\\boxed\{)", re.IGNORECASE | re.MULTILINE)
METHODS = ("think-tag", "think-tag-unclosed", "answer-tag", "answer-marker", "answer-phrase", "last-line", "none")


@dataclass(frozen=True)
class Split:
    """Thinking and answer text; `boundary` is the answer's character offset in the text."""

    thinking: str
    answer: str
    boundary: int
    method: str  # one of METHODS


def split_thinking(text: str, prompt_opened_think: bool = False) -> Split:
    """Separate reasoning from the answer, trying in order:

    1. `</think>` (the answer follows the last one; the template may have opened `<think>`);
    2. an unclosed `<think>`: all thinking, no answer (the budget ran out);
    3. the last `<answer>` tag: the answer starts there;
    4. the last line opening with an answer marker (`Answer:`, `Final Answer`, `答案：`, `最终答案`);
    5. the last line with an answer phrase ("the answer is", 答案是, `\\boxed{`): the answer starts
       at that line (the cues epistemic.scoring reads);
    6. fallback, "last-line": the last non-empty line is the answer, everything before it is thinking;
    7. "none": a text of at most one line is all answer.
    """
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
    tag = text.lower().rfind(ANSWER_OPEN)
    if tag >= 0:
        return _split_at(text, tag, "answer-tag")
    markers = list(ANSWER_MARKERS.finditer(text))
    if markers:
        return _split_at(text, markers[-1].start(), "answer-marker")
    phrases = list(ANSWER_PHRASES.finditer(text))
    if phrases and text[:phrases[-1].start()].strip():
        return _split_at(text, phrases[-1].start(), "answer-phrase")
    body = text.rstrip()
    last = body.rfind("\n")
    if last >= 0 and body[:last].strip():
        return _split_at(text, last + 1, "last-line")
    return Split("", text.strip(), 0, "none")


def _split_at(text: str, at: int, method: str) -> Split:
    return Split(text[:at].strip(), text[at:].strip(), at, method)


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
