"""Tie each step to the announcement it reasons about (0 = before any announcement).

A step that opens with a quote of announcement k (English or Chinese text of the puzzle), or with
its speaker saying something of the same polarity ("Mr. P says he doesn't know", "P先生说现在知道了"),
or with an ordinal cue ("P's second statement", "第三句"), moves the trace to stage k; other steps
stay where the trace is. Paraphrases only move forward, so a back-reference does not rewind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..language import syntax as s
from .claims import tokens
from .fold import fold, fold_prefix
from .lexicon import Lexicon, words_pattern

OPENING = 80
QUOTE_LEAD = 12
QUOTE_START = 60
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1,
             "第一": 1, "第二": 2, "第三": 3, "第四": 4, "第五": 5, "最后": -1}
_ORDINAL = re.compile(r"(?=[fstl第最])(?:(first|second|third|fourth|fifth|last|final)\s+"
                      r"(?:statement|announcement|remark|claim)|(第[一二三四五]|最后)(?:句|次|个(?:陈述|发言)|条))",
                      re.IGNORECASE)
# A sentence ends at 。！？!? or a newline, or at '.' (and a closing quote) before a space, except after Mr, Ms,
# Dr, Mrs or one letter.
_FIRST_SENTENCE = re.compile(r"[。！？!?\n]|(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\b[A-Za-z])\.[\"”’」』]?\s")


@dataclass(frozen=True)
class Alignment:
    stage: int
    how: str  # quote, paraphrase, ordinal, carried


def _surfaces(lex: Lexicon, kinds: set[str]) -> re.Pattern:
    """A pattern that finds every surface the lexicon can scan as one of `kinds` (and maybe more)."""
    exact = [w for w, ms in lex.entries.items() if any(k in kinds for k, _ in ms)]
    folded = [w for w, ms in lex.folded.items() if any(k in kinds for k, _ in ms)]
    return re.compile(words_pattern(exact, folded))


def _cues(f: s.Formula) -> tuple[str, ...]:
    """The know / notknow words of an announcement in the order they are said: "I knew you didn't know" ->
    (know, notknow)."""
    if isinstance(f, s.Past):
        return _cues(f.body)
    if isinstance(f, s.Not) and isinstance(f.body, s.Knows):
        return ("notknow",) + (_cues(f.body.body) if f.body.mode == "that" else ())
    if isinstance(f, s.Knows):
        return ("know",) + (_cues(f.body) if f.mode == "that" else ())
    return ()


def _polarity(f: s.Formula) -> str:
    if isinstance(f, s.Not) and isinstance(f.body, s.Knows):
        return "neg"
    if isinstance(f, s.Knows):
        return "pos"
    if isinstance(f, s.Past):
        return "pos"
    if isinstance(f, s.And):
        kinds = {_polarity(x) for x in f.items}
        return "pos" if "pos" in kinds and any(isinstance(x, s.Knows) for x in f.items) else "any"
    return "any"


@dataclass(frozen=True, eq=False)
class Aligner:
    """Per-puzzle matchers for its announcements."""

    quotes: tuple[tuple[str, ...], ...]
    speakers: tuple[str | None, ...]
    polarity: tuple[str, ...]
    cues: tuple[tuple[str, ...], ...]  # _cues of each announcement
    lexicon: Lexicon
    says: re.Pattern  # any surface that can scan as a "says" cue (a quick necessary test before scanning)
    knows: re.Pattern  # any surface that can scan as "know" or "notknow" (likewise)
    longest: int = 0  # the longest quote
    memo: dict = field(default_factory=dict)  # (opening of a step, current stage) -> located stage
    limit: int = 20_000

    @classmethod
    def build(cls, puzzle: s.Puzzle, lexicon: Lexicon) -> "Aligner":
        quotes = tuple(tuple(q for q in (fold(t) for _, t in a.texts) if len(q) >= 2)
                       for a in puzzle.announcements)
        return cls(quotes, tuple(a.speaker for a in puzzle.announcements),
                   tuple(_polarity(a.said) for a in puzzle.announcements),
                   tuple(_cues(a.said) for a in puzzle.announcements), lexicon, _surfaces(lexicon, {"says"}),
                   _surfaces(lexicon, {"know", "notknow"}), max((len(q) for qs in quotes for q in qs), default=0))

    def align(self, texts: list[str]) -> list[Alignment]:
        out, current = [], 0
        for text in texts:
            k, how = self.locate(text, current)
            if k is not None:
                current = k
            out.append(Alignment(current, how if k is not None else "carried"))
        return out

    def locate(self, text: str, current: int) -> tuple[int | None, str]:
        """The stage a step moves to (or None) and how; it depends only on the step's opening."""
        key = (text[:OPENING + 400], current)
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) >= self.limit:
                self.memo.clear()
            hit = self.memo[key] = self._locate(key[0], current)
        return hit

    def _quotes(self, text: str) -> list[tuple[int, int, int]]:
        """(length, announcement, position) of each quote found near the start of the folded `text`."""
        opening = fold_prefix(text, QUOTE_START + self.longest)
        return [(len(q), k + 1, at) for k, qs in enumerate(self.quotes) for q in qs
                if 0 <= (at := opening.find(q)) <= QUOTE_START]

    def _locate(self, text: str, current: int) -> tuple[int | None, str]:
        n = len(self.quotes)
        hits = self._quotes(text)
        if hits:
            best = max(h for h, _, _ in hits)
            ks = [(k, at) for h, k, at in hits if h == best]
            after = [k for k, _ in ks if k > current]
            if after:
                return after[0], "quote"
            if ks[-1][1] <= QUOTE_LEAD:
                return ks[-1][0], "quote"
        first = _FIRST_SENTENCE.split(text, maxsplit=1)[0][:OPENING * 2]
        m = _ORDINAL.search(first)
        if m is None and (self.says.search(first) is None or self.knows.search(first) is None):
            return None, ""  # no ordinal, and no one saying they know or do not know
        toks = tokens(self.lexicon, first)  # "Q says": Q the agent, not the queen
        agent = next((t.payload for t in toks if t.kind == "agent"), None)
        if m is not None:
            word = (m.group(1) or m.group(2)).lower()
            nth = _ORDINALS.get(word, 0)
            own = [k + 1 for k in range(n) if agent is None or self.speakers[k] == agent]
            if own and nth:
                k = own[-1] if nth == -1 else (own[nth - 1] if nth <= len(own) else None)
                if k is not None and k > current:
                    return k, "ordinal"
        kinds = [t.kind for t in toks]
        if agent is None:
            return None, ""
        at = kinds.index("agent")
        said = tuple(k for k in kinds[at:] if k == "know" or k == "notknow")
        if not said:
            return None, ""
        if "says" not in kinds[:at + 3]:
            return None, ""  # "P now knows" may restate P's next announcement, or conclude it too early
        own = [k for k in range(1, n + 1) if self.speakers[k - 1] == agent]
        same = [k for k in own if self.cues[k - 1] == said]
        if same:  # "Q says he knew P didn't know" is Q's "I knew you didn't know", even when it looks back
            return next(((k, "paraphrase") for k in same if k > current), (None, ""))
        pol = "neg" if said[0] == "notknow" else "pos"
        return next(((k, "paraphrase") for k in own if k > current and self.polarity[k - 1] in (pol, "any")),
                    (None, ""))
