"""What an agent is said to see of a family of variables by number: "The second man looks at hats 2 and 3",
"第二位…看到的是第二顶和第三顶帽子", "他看到的第二、第三位".

Read as the agent observing those members (kind "told", `w[2] knows (h[2], h[3])`, judged at the start), so giving
an agent another's view is the wrong agent. Only for families whose sort names what the members have (a wise man's
hat: lexicon.OWN_NOUNS), only the agent that opens the clause (not one compared with it, "和第一位一样"), and never a
pronoun's ("Looking at hats 2 and 3, he …": whose view is not said).
"""
from __future__ import annotations

import re

from .counts import NUMBER_WORDS
from .keys import knows_key
from .lexicon import OWN_NOUNS, Lexicon, Token
from .records import KNOWLEDGE, ClaimRecord, record

QUICK = re.compile(r"(?i:\bhats?\b)|顶|第[一二三四五六]位")
_SEEN_EN = re.compile(r"(?i)\b(?:sees|saw|see|can\s+see|looks?\s+at|looked\s+at|observes|observed)\s+(?:only\s+)?"
                      r"(?:the\s+)?hats?\s*#?(?P<list>\d(?:\s*(?:,|and|&)\s*(?:hat\s*#?)?\d)*)\b")
_SEEN_ZH = re.compile(r"(?:看到|看见|看得到|能看到|看的)(?:的是|的|了)?\s*(?P<list>第?[一二三四五六](?:顶|位)?"
                      r"(?:(?:和|、|与|跟)第?[一二三四五六](?:顶|位)?)+)(?:的?帽子)?")
_MEMBER = re.compile(r"\d|[一二三四五六]")
_COMPARED = re.compile(r"(?:和|跟|像|与|同)\s*$|(?i:\b(?:like|as|than|with)\s+$)")  # "和第一位一样", "like the first"


def _family(lex: Lexicon) -> dict[int, str]:
    """index -> variable of the one family whose sort names a thing its members have (h[1], h[2], h[3]: hats)."""
    out = {}
    for v in lex.puzzle.variables:
        m = re.fullmatch(r"([A-Za-z]{1,2})\[(\d{1,2})\]", v.name)
        if m is not None and OWN_NOUNS.get(v.sort or ""):
            out[int(m.group(2))] = v.name
    return out


def _seer(toks: list[Token], sentence: str, at: int) -> str | None:
    """The agent who sees: the last agent before `at` in the clause not named in a comparison, unless a pronoun
    stands nearer."""
    for t in reversed([t for t in toks if t.end <= at]):
        if t.kind == "he":
            return None
        if t.kind == "sep" and t.text in (".", "。", ";", "；"):
            return None
        if t.kind == "agent" and _COMPARED.search(sentence, max(0, t.start - 6), t.start) is None:
            return t.payload
    return None


def seen_members(lex: Lexicon, toks: list[Token], sentence: str) -> list[ClaimRecord]:
    """"The second man looks at hats 2 and 3": the members an agent is said to see, as what it observes."""
    family = _family(lex)
    if not family:
        return []
    out = []
    for m in (*_SEEN_EN.finditer(sentence), *_SEEN_ZH.finditer(sentence)):
        indices = [int(w) if w.isdigit() else NUMBER_WORDS[w] for w in _MEMBER.findall(m.group("list"))]
        agent = _seer(toks, sentence, m.start())
        if agent is None or len(indices) < 2 or not all(i in family for i in indices):
            continue
        key = knows_key(agent, "value", tuple(("Var", family[i]) for i in dict.fromkeys(indices)))
        out.append(record("told", key, (), sentence.strip(), m.start(), m.end(), False, reading=KNOWLEDGE))
    return out
