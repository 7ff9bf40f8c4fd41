"""Names written in lower case restored to the puzzle's case, same length: casual writing ("albert says may and
june are out, left: july 14, july 16") names people and values the way the readers only match as the puzzle writes
them. Only a trace that writes the puzzle's names in lower case more often than capitalised is restored, and a name
that is also a cue word ("may") only where it reads as a value: before a number ("may 15") or next to another value
of its kind in a list ("may and june", "june/may")."""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .lexicon import Lexicon

_JOINER = r"\s*(?:,|and|or|&|/|、)\s*"


class Names(NamedTuple):
    """The puzzle's capitalised names by their lower-case form: plain ones, and those that are also cue words."""

    plain: dict[str, str]
    ambiguous: dict[str, str]
    lower: re.Pattern | None  # any lower-case form, as a whole word
    capital: re.Pattern | None  # any capitalised form, as a whole word


@functools.lru_cache(maxsize=256)
def _names(lex: Lexicon) -> Names:
    plain, ambiguous = {}, {}
    for surface, meanings in lex.entries.items():
        if not (surface.isascii() and surface.isalpha() and len(surface) >= 3 and surface[0].isupper() and
                surface[1:].islower() and any(kind in ("agent", "value") for kind, _ in meanings)):
            continue  # (not "Mr. P", "Aug.", "P", "ACE")
        low = surface.lower()
        if low in lex.entries:  # "Spades" is the sentence-initial form of "spades"
            continue
        (ambiguous if low in lex.folded else plain)[low] = surface
    if not plain:
        return Names(plain, ambiguous, None, None)
    every = sorted({*plain, *ambiguous}, key=len, reverse=True)
    lower = re.compile(r"\b(?:" + "|".join(every) + r")\b")
    capital = re.compile(r"\b(?:" + "|".join(plain[w] if w in plain else ambiguous[w] for w in every) + r")\b")
    return Names(plain, ambiguous, lower, capital)


def lower_cased(lex: Lexicon, texts: list[str]) -> bool:
    """Whether the trace writes the puzzle's names in lower case more often than capitalised (at least twice)."""
    names = _names(lex)
    if names.lower is None:
        return False
    low = sum(1 for t in texts for m in names.lower.finditer(t) if m.group(0) in names.plain)
    return low >= 2 and low > sum(len(names.capital.findall(t)) for t in texts)


def restore_case(lex: Lexicon, text: str) -> str:
    """The text with the puzzle's names capitalised where written in lower case (same length)."""
    names = _names(lex)
    if names.lower is None:
        return text

    def value_like(m: re.Match) -> bool:  # "may 15", "may and june", "june, may"
        if re.match(r"\s*\d", text[m.end():]) is not None:
            return True
        after = re.match(_JOINER + r"([a-z]+)", text[m.end():])
        before = re.search(r"([a-z]+)" + _JOINER + r"$", text[max(0, m.start() - 20):m.start()])
        return any(x is not None and x.group(1) in names.plain for x in (after, before))

    def cased(m: re.Match) -> str:
        word = m.group(0)
        if word in names.plain:
            return names.plain[word]
        return names.ambiguous[word] if value_like(m) else word
    return names.lower.sub(cased, text)
