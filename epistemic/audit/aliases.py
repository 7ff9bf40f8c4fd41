"""Short names a trace gives the agents: "A = Albert (month), B = Bernard (day)", "Albert (A)" or "A = month".

Terse traces define one-letter names once and then write "A: ✗ May, Jun" or "**1. A: "I don't know; B doesn't know
either."**". Read without the definition, those lines name no agent, so no statement is aligned and nothing after
them is judged at its stage. Only a name the trace itself defines, for an agent of the puzzle, is taken, and never one
that is already a word of the puzzle (the ace "A" in the cards puzzle stays a rank).

A letter for the counted answer is read the same way: "Let m be the number of muddy children" (COUNT), so that
"m ≥ 2" is a claim about the count. (Letters for an observed term, "Let s = x + y", were read for part of session 20
and taken out again: on fresh text they added a false alarm, for 21 more steps checked on the tuning split.)
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..language import syntax as s

_SHORT = r"([A-Z][a-z]?)"
COUNT = "@count"  # the "agent" of a letter the trace names the counted answer by ("Let m be the number of muddy …")


def trace_aliases(text: str, puzzle: s.Puzzle, taken, agent_of=None) -> tuple[tuple[str, str], ...]:
    """(short name, agent name) pairs the text defines, in order, and (letter, COUNT) for the letter it names the
    count by; `taken(word)` says whether a word already means something in the puzzle's vocabulary, `agent_of(words)`
    which agent a description names, if one ("拿月份的": the one told the month)."""
    counted = count_alias(text)
    count = ((counted, COUNT),) if counted is not None and not taken(counted) else ()
    called = _called(text, taken, agent_of) if agent_of is not None and "称" in text else ()
    if _QUICK.search(text) is None:
        return called + count
    return _agent_aliases(text, puzzle, taken) + called + count


# A name the trace gives an agent it describes: "下面称拿月份的为前者，拿日子的为后者" (each "X为Y" after the 称)
_CALL = re.compile(r"(?<![对名声号])称(?!为|作|呼|赞|得)")
_NAMED_AS = re.compile(r"(?P<who>[^，,。；;：:、\s]{2,12}?)(?:为|作)(?P<name>[\u4e00-\u9fff]{1,3}|[A-Za-z]{1,2})"
                       r"(?=[，,。；;、\s)）]|$)")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def names_something(sentence: str) -> bool:
    """Whether a sentence gives a name ("下面称拿月份的为前者，拿日子的为后者"): a definition, no claim."""
    m = _CALL.search(sentence) if "称" in sentence else None
    return m is not None and _NAMED_AS.search(sentence, m.end()) is not None


def _called(text: str, taken, agent_of) -> tuple[tuple[str, str], ...]:
    """(name, agent) for each "X为Y" of a sentence after 称 where X describes one agent and Y is no word of the
    puzzle's yet."""
    out: dict[str, str] = {}
    for m in _CALL.finditer(text):
        end = _SENTENCE_END.search(text, m.end())
        for n in _NAMED_AS.finditer(text, m.end(), end.start() if end else len(text)):
            agent, name = agent_of(n.group("who")), n.group("name")
            if agent is not None and name not in out and not taken(name):
                out[name] = agent
    return tuple(out.items())


# "Write *m* for the number of muddy children", "Let m be the number of muddy ones", "m = number muddy",
# "the number of muddy children, m,", "… the number of muddy kids, call it m.", "7 个孩子，m = 有泥人数", "设有泥的孩子有 m 个"
_MUDDY = r"(?:the\s+)?(?:number|count|total)\s+(?:of\s+)?(?:the\s+)?(?:muddy|dirty)\b"
_COUNT_DEFINED = re.compile(
    r"(?i:\b(?:write|let|say|call|denote|define)\s+\*?([a-z])\*?\s+(?:for|be|is|as|denote|=)\s+" + _MUDDY +
    r"|(?<![\w\[*])\*?([a-z])\*?\s*(?:=|:=|≡)\s*" + _MUDDY + r"|" + _MUDDY +
    r"\s+(?:children|kids|ones|foreheads)\s*(?:,|\(|—|–)\s*(?:call\s+it\s+|say\s+)?\*?([a-z])\*?\s*(?:,|\)|—|–|\.|:|$))"
    r"|(?<![A-Za-z\[])([a-z])\s*(?:=|：|:)\s*(?:有泥(?:的)?(?:孩子)?(?:的)?(?:人数|个数|数量|数)|有泥孩子数)"
    r"|设\s*(?:有泥(?:的)?(?:孩子)?(?:的)?(?:人数|个数|数量|数)\s*为|有泥的孩子有)\s*([a-z])\b")


def count_alias(text: str) -> str | None:
    """The letter the text defines as the number of muddy children (the puzzle's counted answer), if any."""
    if "muddy" not in text and "dirty" not in text and "有泥" not in text:
        return None
    m = _COUNT_DEFINED.search(text.replace("*", ""))
    return next((g for g in m.groups() if g), None) if m is not None else None


def _agent_aliases(text: str, puzzle: s.Puzzle, taken) -> tuple[tuple[str, str], ...]:
    names = {d: a.name for a in puzzle.agents for d in (a.name, *a.display)}
    names.update(_observers(puzzle))
    if not names:
        return ()
    pattern = _definitions(tuple(sorted(names, key=len, reverse=True)))
    out: dict[str, str] = {}
    for m in pattern.finditer(text):
        short, full = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if short in names or short in out or taken(short):
            continue
        out[short] = names[full]
    return tuple(out.items())


def _observers(puzzle: s.Puzzle) -> dict[str, str]:
    """{variable: agent} for each variable only one agent observes, that agent observing nothing else: "A = month"
    names Albert as well as "A = Albert" does."""
    seen = [(a.name, a.observes[0].name) for a in puzzle.agents
            if len(a.observes) == 1 and isinstance(a.observes[0], s.Var)]
    watched = Counter(u.name for a in puzzle.agents for u in a.observes if isinstance(u, s.Var))
    return {v: a for a, v in seen if watched[v] == 1}


# A short capital name right before "=" or inside brackets: every definition has one (a cheap test first)
_QUICK = re.compile(r"(?<![\w.])[A-Z][a-z]?\s*=|[(（]\s*[A-Z][a-z]?\s*[)）,，]")


@lru_cache(maxsize=64)
def _definitions(names: tuple[str, ...]) -> re.Pattern:
    """The pattern of a short-name definition for these agent names (longest first), compiled once per puzzle."""
    named = "|".join(re.escape(n) for n in names)
    return re.compile(r"(?<![\w.])" + _SHORT + r"\s*=\s*(" + named + r")(?![\w])|(" + named +
                      r")\s*[(（]\s*" + _SHORT + r"\s*[)）,，]")


def with_aliases(puzzle: s.Puzzle, aliases: tuple[tuple[str, str], ...]) -> s.Puzzle:
    """The puzzle with each short name added to its agent's display names (for the trace's own vocabulary)."""
    extra: dict[str, tuple[str, ...]] = {}
    for short, agent in aliases:  # (a COUNT alias names no agent: the lexicon takes it, counts.py reads it)
        extra[agent] = extra.get(agent, ()) + (short,)
    return replace(puzzle, agents=tuple(replace(a, display=a.display + extra.get(a.name, ())) for a in puzzle.agents))
