"""Short names a trace gives the agents: "A = Albert (month), B = Bernard (day)", "Albert (A)" or "A = month".

Terse traces define one-letter names once and then write "A: ✗ May, Jun" or "**1. A: "I don't know; B doesn't know
either."**". Read without the definition, those lines name no agent, so no statement is aligned and nothing after
them is judged at its stage. Only a name the trace itself defines, for an agent of the puzzle, is taken, and never one
that is already a word of the puzzle (the ace "A" in the cards puzzle stays a rank).

Letters for numbers are read the same way: "Let m be the number of muddy children" (the counted answer, COUNT) and
"s = x + y", "p = xy" (a term an agent observes, TERM), so that "m ≥ 2" and "s ∈ {11, 17, …}" are claims.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..language import syntax as s
from ..language.printer import term_source
from .keys import formula_key

_SHORT = r"([A-Z][a-z]?)"
COUNT = "@count"  # the "agent" of a letter the trace names the counted answer by ("Let m be the number of muddy …")


def trace_aliases(text: str, puzzle: s.Puzzle, taken) -> tuple[tuple[str, str], ...]:
    """(short name, agent name) pairs the text defines, in order, and (letter, COUNT) for the letter it names the
    count by; `taken(word)` says whether a word already means something in the puzzle's vocabulary."""
    counted = count_alias(text)
    count = ((counted, COUNT),) if counted is not None and not taken(counted) else ()
    terms = term_aliases(text, puzzle, taken) if "=" in text or "sum" in text or "product" in text or \
        "和" in text or "积" in text else ()
    if _QUICK.search(text) is None:
        return count + terms
    return _agent_aliases(text, puzzle, taken) + count + terms


# "Write *m* for the number of muddy children", "Let m be the number of muddy ones", "m = number muddy",
# "the number of muddy children, m,", "7 个孩子，m = 有泥人数", "设有泥的孩子有 m 个"
_MUDDY = r"(?:the\s+)?(?:number|count|total)\s+(?:of\s+)?(?:the\s+)?(?:muddy|dirty)\b"
_COUNT_DEFINED = re.compile(
    r"(?i:\b(?:write|let|say|call|denote|define)\s+\*?([a-z])\*?\s+(?:for|be|is|as|denote|=)\s+" + _MUDDY +
    r"|(?<![\w\[*])\*?([a-z])\*?\s*(?:=|:=|≡)\s*" + _MUDDY + r"|" + _MUDDY +
    r"\s+(?:children|kids|ones|foreheads)\s*(?:,|\(|—|–)\s*(?:call\s+it\s+|say\s+)?\*?([a-z])\*?\s*(?:,|\)|—|–))"
    r"|(?<![A-Za-z\[])([a-z])\s*(?:=|：|:)\s*(?:有泥(?:的)?(?:孩子)?(?:的)?(?:人数|个数|数量|数)|有泥孩子数)"
    r"|设\s*(?:有泥(?:的)?(?:孩子)?(?:的)?(?:人数|个数|数量|数)\s*为|有泥的孩子有)\s*([a-z])\b")


TERM = "@term"  # the "agent" of a letter the trace names an observed term by ("Let s = x + y"): (letter, TERM + source)


def term_aliases(text: str, puzzle: s.Puzzle, taken) -> tuple[tuple[str, str], ...]:
    """(letter, TERM + the term's source) for each letter the text defines as a term an agent observes: "s = x + y",
    "Let p = xy", "p := x·y" (a letter that means nothing else in the puzzle, and is no prime elsewhere in the text;
    "the sum s" alone is not taken: "the product a(s − a)")."""
    out: dict[str, str] = {}
    for source, op in _observed_sources(puzzle):
        for m in _term_definitions(source, op).finditer(text.replace("*", "·") if op == "*" else text):
            letter = m.group(1)
            if letter not in out and not taken(letter) and not _reused(text, letter):
                out[letter] = TERM + source
    return tuple(out.items())


def _observed_sources(puzzle: s.Puzzle) -> list[tuple[str, str]]:
    """(source, operator) of each two-letter arithmetic term an agent observes: ("x + y", "+")."""
    found = []
    for a in puzzle.agents:
        for t in a.observes:
            if isinstance(t, s.Arith) and all(isinstance(u, s.Var) and len(u.name) == 1 for u in (t.left, t.right)):
                found.append((term_source(t, puzzle), t.op))
    return list(dict.fromkeys(found))


def _reused(text: str, letter: str) -> bool:
    """Whether the text also uses the letter for something else: a prime ("a prime factor p ≥ 50", "p, q primes",
    "p is prime", "素数p")."""
    return re.search(r"(?i:\bprimes?\s+(?:factors?\s+)?{0}\b|\b{0}\s*,\s*[a-z]\s+(?:are\s+|both\s+)*primes?\b|"
                     r"\b{0}\s+(?:is\s+)?(?:a\s+)?prime\b)|[素质]数\s*{0}\b".format(letter), text) is not None


@lru_cache(maxsize=16)
def _term_definitions(source: str, op: str) -> re.Pattern:
    x, y = source.split(" ")[0], source.split(" ")[-1]
    sign = r"\s*\+\s*" if op == "+" else r"\s*[·×]?\s*"
    term = r"(?:" + x + sign + y + r"|" + y + sign + x + r")(?![\w])"
    return re.compile(r"(?<![\w\[])([a-z])\s*(?:=|:=|≡)\s*" + term)


def term_keys(puzzle: s.Puzzle, aliases: tuple[tuple[str, str], ...]) -> tuple[tuple[str, tuple], ...]:
    """(letter, the term's formula key) for the TERM aliases among `aliases`."""
    terms = {term_source(t, puzzle): t for a in puzzle.agents for t in a.observes if isinstance(t, s.Arith)}
    return tuple((letter, formula_key(terms[name[len(TERM):]])) for letter, name in aliases
                 if name.startswith(TERM) and name[len(TERM):] in terms)


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
    for short, agent in aliases:  # (a COUNT or TERM alias names no agent: the lexicon takes it)
        extra[agent] = extra.get(agent, ()) + (short,)
    return replace(puzzle, agents=tuple(replace(a, display=a.display + extra.get(a.name, ())) for a in puzzle.agents))
