"""The answer a response sets in bold when it states no answer in words: "**March 18.**" closing the trace,
"**(4, 13)**", "So the numbers are **4 and 13**", or an answer-first headline "**July 16.**".

A bold span is read as if it followed "Answer:"; the span must name a whole answer (the question's values), so a
bold list of candidates or a bold remark ("**exactly two**") gives none.
"""
from __future__ import annotations

import re

from .claims import ClaimMemo, extract_records
from .lexicon import Lexicon

_BOLD = re.compile(r"\*\*([^*\n]{1,120})\*\*|__([^_\n]{1,120})__")


def bold_answer(lex: Lexicon, memo: ClaimMemo, text: str, last: bool = True) -> tuple[tuple[int, ...], ...] | None:
    """The answer named by the last (or first) bold span of `text` that names one, or None."""
    spans = [m.group(1) or m.group(2) for m in _BOLD.finditer(text)]
    for span in reversed(spans) if last else spans:
        found = [r.answer for r in extract_records(lex, "Answer: " + span, True, memo) if r.kind == "answer" and r.answer]
        if found:
            return found[-1]
    return None
