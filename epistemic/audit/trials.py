"""Lines that test named candidates against the statement in hand and close on a verdict: "Test July 14. Bernard holds
14, sees July 14 and August 14 still alive. Fails.", "检验8月15日：…，所以淘汰。", "- 检验白红红：… → 淘汰。".

A verdict of failing is each named candidate's exclusion; one of passing says each is still possible: claims of the
stage the trace stands at, as the backward-checking style means them. The reasons on the line are read as usual.
"""
from __future__ import annotations

import re

from .claims import possible_key, tokens, tuple_key
from .keys import not_key, value_key
from .lexicon import Lexicon
from .records import EXCLUSION, POSSIBLE, ClaimRecord, record

# The label: a testing word, then the candidates, then ":" or the sentence's end ("Test May 15.", "检验5月16日、5月19日：")
_LABEL = re.compile(r"(?m)^[ \t>]*(?:[-*•][ \t]*|\d{1,2}[.)][ \t]*)?(?:\*\*)?(?:(?i:test(?:ing)?|check(?:ing)?)[ \t]+|"
                    r"检验|验证)[ \t]*(?P<named>[^\n:：.。]{1,60}?)[ \t]*(?:\*\*)?[ \t]*(?:[:：]|[.。](?=\s))")
# The verdict: a sentence of its own ("Fails.", "Yes, fail.", "Passes."), one opening on it ("Fails for the same
# reason — …"), or the last clause of the line ("…，伯纳德知道，通过。", "… → 淘汰。", "…: pass.")
_ALONE = re.compile(r"[\s*]*(?i:(?:yes|so|hence|thus|then)[,\s]+)?(?:(?P<out>(?i:fails?|failed|eliminated|out|"
                    r"excluded)|不通过|淘汰|排除|出局)|(?P<kept>(?i:pass(?:es|ed)?|survives|kept|stays)|通过|保留))"
                    r"[\s*]*[.。!！]?[\s*]*$")
_OPENING = re.compile(r"[\s*]*(?:(?P<out>(?i:fails?)\b)|(?P<kept>(?i:pass(?:es)?)\b))")
_LAST_CLAUSE = re.compile(r"(?:[,，;；:：]|→|->|⇒)[\s*]*(?:所以|因此|于是|同样|也)?[\s*]*(?:(?P<out>不通过|淘汰|出局|"
                          r"(?i:fails?|eliminated|out))|(?P<kept>通过|保留|(?i:pass(?:es)?|survives|stays)))[\s*]*[.。!！]?"
                          r"[\s*]*$")
_SENTENCE = re.compile(r"[^.。!！?？]*[.。!！?？]?")
_JOIN = re.compile(r"\s*(?:[,，、/&]|(?i:and)\b|和|与)\s*")


def trial_records(lex: Lexicon, text: str) -> list[ClaimRecord]:
    """The exclusions and survivals each test line of one step gives its candidates, spanning the line."""
    out = []
    for m in _LABEL.finditer(text):
        named = _candidates(lex, m.group("named"))
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        verdict = _verdict(text[m.end():end])
        if not named or verdict is None:
            continue
        line = text[m.start():end]
        for t in named:
            if verdict:
                key = value_key(*t.payload) if t.kind == "value" else tuple_key(lex, t.payload)
                out.append(record("exclusion", not_key(key), (), line.strip(), m.start(), end, False,
                                  reading=EXCLUSION))
            else:
                out.append(record("possible", possible_key(lex, t), (), line.strip(), m.start(), end, False,
                                  reading=POSSIBLE))
    return out


def _candidates(lex: Lexicon, named: str) -> list:
    """The values or worlds a label names, when it names nothing else ("May 15", "5月16日、5月19日", "白红红")."""
    toks = tokens(lex, named)
    if not toks or any(t.kind not in ("value", "tuple") for t in toks) or named[:toks[0].start].strip() or \
            named[toks[-1].end:].strip(" *日号") or len({t.kind for t in toks}) > 1:
        return []
    if any(_JOIN.fullmatch(named[a.end:b.start].lstrip("日号")) is None for a, b in zip(toks, toks[1:])):
        # ("5月16日、5月19日": the day's 日 after each)
        return []
    return toks


def _verdict(rest: str) -> bool | None:
    """True when the rest of a test line fails its candidates, False when they pass, None when it says neither."""
    sentences = [s for s in _SENTENCE.findall(rest) if s.strip()]
    if not sentences:
        return None
    m = _ALONE.fullmatch(sentences[-1]) or _LAST_CLAUSE.search(sentences[-1])
    if m is None:
        m = next((o for s in reversed(sentences) if (o := _OPENING.match(s)) is not None), None)
    return None if m is None else m.group("out") is not None
