"""A value said to have several left, then someone not knowing: "红桃还有两张，Q不可能知道", "Hearts still has two
cards, so Q couldn't know".

The value is the topic the knowing is said under, not a fact of the stage: the sentence means "if it were hearts, Q
could not know" (two hearts are left for him to choose between), and is read as that hypothetical. Read alone, "Q不可能
知道" would claim that Q does not know, which is false once Q has said he knows.
"""
from __future__ import annotations

import re

from .keys import implies_key, value_key
from .lexicon import Lexicon
from .records import HYPOTHETICAL, KNOWLEDGE

QUICK = re.compile(r"还有|还剩|剩下|剩|(?i:\b(?:has|have)\s+(?:two|three|four|several|[2-9])\b)")
# The count right before the knowing, its topic before it in the same clause: "红桃还有两张，", "hearts still has two
# cards left, so "
_COUNT_BEFORE = re.compile(r"(?P<topic>[^，,；;。.:：\n]{1,16}?)\s*(?:(?:还有|还剩|剩下|剩|有)\s*(?:两|三|四|五|几|多|[2-9])\s*"
                           r"(?:张|个|种|天|组|对|种可能|个日期)"
                           r"|(?i:\s(?:still\s+)?(?:has|have)\s+(?:two|three|four|several|[2-9])"
                           r"(?:\s+(?:cards?|dates?|options?))?(?:\s+left)?))"
                           r"\s*[，,;；]?\s*(?:所以|因此|那么|(?i:so|and))?\s*$")


def topic_cases(lex: Lexicon, sentence: str, records: tuple) -> tuple:
    """The records, with each certain knowing that a value counted just before it names as its topic read as the
    hypothetical "that value implies the knowing"."""
    out = []
    for r in records:
        m = _COUNT_BEFORE.search(sentence, max(0, r.start - 40), r.start) if \
            r.kind == "knowledge" and r.certain and r.reading == KNOWLEDGE else None
        toks = lex.scan(m.group("topic").strip()) if m is not None else []
        if len(toks) == 1 and toks[0].kind == "value":
            key = implies_key(value_key(*toks[0].payload), r.key.formula)
            r = r._replace(kind="hypothetical", key=r.key._replace(formula=key), reading=HYPOTHETICAL)
        out.append(r)
    return tuple(out)
