"""Dialogue lines: who says what, as formulas of the one syntax tree (language/syntax.py), in English and Chinese.

A line's body uses the shapes the generators need: knowing the answer (`Knows` of mode "value" over the
asked terms), knowing that, knowing whether, negation, conjunction, `before` (`Past` one step back), and
static facts the family states (e.g. muddy's `m[1] = 1`). The puzzle source is printed by the language
printer; the asked terms print as the question's name and a family may give its own text for a fact.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import permutations, product

from ..language import syntax as s
from ..language.printer import Spelled, formula_source
from .screen_tests import Test, compile_formula

Answer = tuple[s.Term, ...]  # the asked terms, e.g. (suit, rank) for `card`


@dataclass(frozen=True)
class Line:
    """One announcement: a speaker's statement (content K_speaker body) or a public one (speaker None)."""

    speaker: str | None
    body: s.Formula
    en: str
    zh: str
    kind: str = ""

    @cached_property
    def content(self) -> s.Formula:
        """What the announcement removes worlds by: a speaker's statement is K_speaker body (a truthful
        speaker). Built once per line (lines are shared by the cached dialogue banks; the screen asks often)."""
        return knows_that(self.speaker, self.body) if self.speaker else self.body

    @cached_property
    def screen_test(self) -> Test:
        """The content as a closure for the screen (screen_tests.py): compiled once per line, since the
        dialogue banks share their lines across the thousands of candidates a run screens."""
        return compile_formula(self.content)


def knows_answer(agent: str, answer: Answer) -> s.Knows:
    """`agent knows <the asked terms>`."""
    return s.Knows("agent", (agent,), "value", answer)


def knows_that(agent: str, body: s.Formula) -> s.Knows:
    return s.Knows("agent", (agent,), "that", body)


def knows_whether(agent: str, body: s.Formula) -> s.Knows:
    return s.Knows("agent", (agent,), "whether", body)


def before(body: s.Formula) -> s.Past:
    """The formula one announcement earlier."""
    return s.Past(body, 1)


def line_source(line: Line, spelled: Spelled) -> str:
    """The line in the puzzle language; `spelled` names the asked terms (card, date, (x, y)) and gives the
    family's own text for its facts (see printer.Spelled)."""
    body = formula_source(line.body, None, spelled)
    return f"{line.speaker} says: {body}" if line.speaker else f"announce: {body}"


# ---------------------------------------------------------------- two- and three-agent dialogues


@dataclass(frozen=True, eq=False)
class Voice:
    """How a family names its answer and its agents in both languages."""

    it_en: str  # "the card"
    it_zh: str  # "这张牌"
    names_en: dict[str, str]
    names_zh: dict[str, str]


def _other(voice: Voice, speaker: str, other: str, lang: str, n_agents: int) -> str:
    if n_agents == 2:
        return "you" if lang == "en" else "你"
    return (voice.names_en if lang == "en" else voice.names_zh).get(other, other)


def make_line(kind: str, speaker: str, other: str | None, voice: Voice, said_dont: bool, someone_knows: bool,
              n_agents: int, answer: Answer) -> Line:
    """A dialogue move of one kind about the asked terms `answer`, worded for what was said before."""
    it_en, it_zh = voice.it_en, voice.it_zh
    if kind == "dont_know":
        body: s.Formula = s.Not(knows_answer(speaker, answer))
        if said_dont:
            return Line(speaker, body, f"I still don't know {it_en}.", f"我还是不知道{it_zh}。", kind)
        return Line(speaker, body, f"I don't know {it_en}.", f"我不知道{it_zh}。", kind)
    if kind == "knew_other_didnt":
        assert other is not None
        o_en, o_zh = _other(voice, speaker, other, "en", n_agents), _other(voice, speaker, other, "zh", n_agents)
        return Line(speaker, before(knows_that(speaker, s.Not(knows_answer(other, answer)))),
                    f"I knew {o_en} didn't know {it_en}.", f"我早就知道{o_zh}不知道{it_zh}。", kind)
    if kind == "know_other_doesnt":
        assert other is not None
        o_en, o_zh = _other(voice, speaker, other, "en", n_agents), _other(voice, speaker, other, "zh", n_agents)
        verb = "don't" if o_en == "you" else "doesn't"
        return Line(speaker, knows_that(speaker, s.Not(knows_answer(other, answer))),
                    f"I know {o_en} {verb} know {it_en}.", f"我知道{o_zh}不知道{it_zh}。", kind)
    if kind == "dont_know_and_other_doesnt":
        assert other is not None
        o_en, o_zh = _other(voice, speaker, other, "en", n_agents), _other(voice, speaker, other, "zh", n_agents)
        verb = "don't" if o_en == "you" else "doesn't"
        return Line(speaker, s.And((s.Not(knows_answer(speaker, answer)),
                                      knows_that(speaker, s.Not(knows_answer(other, answer))))),
                    f"I don't know {it_en}, but I know {o_en} {verb} know it either.",
                    f"我不知道{it_zh}，但我知道{o_zh}也不知道。", kind)
    if kind == "know":
        body = knows_answer(speaker, answer)
        if someone_knows:
            return Line(speaker, body, "Now I know it too.", "我也知道了。", kind)
        if said_dont:
            return Line(speaker, body, f"Now I know {it_en}.", f"现在我知道{it_zh}了。", kind)
        return Line(speaker, body, f"I know {it_en}.", f"我知道{it_zh}。", kind)
    raise ValueError(kind)


CLASSIC = ("dont_know", "knew_other_didnt", "know", "know")
CHERYL = ("dont_know_and_other_doesnt", "know", "know")
MIDDLE = ("dont_know", "knew_other_didnt", "know_other_doesnt", "dont_know_and_other_doesnt")


def sample_dialogue(rng, agents: tuple[str, ...], voice: Voice, answer: Answer, length: int,
                    shape: str = "random") -> tuple[Line, ...]:
    """A dialogue of `length` lines about the asked terms: ignorance and higher-order statements, ending
    with someone knowing.

    shape 'classic' is the 16-card dialogue, 'cheryl' Cheryl's; 'random' picks uniformly from every
    dialogue the move rules allow (see `dialogue_bank`).
    """
    return rng.choice(dialogue_bank(agents, voice, answer, length, shape))


@lru_cache(maxsize=256)
def dialogue_bank(agents: tuple[str, ...], voice: Voice, answer: Answer, length: int,
                  shape: str = "random") -> tuple[tuple[Line, ...], ...]:
    """Every dialogue of one shape and length, for every order of speakers (computed once, then cached)."""
    if shape == "classic":
        patterns = [CLASSIC]
    elif shape == "cheryl":
        patterns = [CHERYL]
    elif shape == "random":
        firsts = ("dont_know", "dont_know_and_other_doesnt")
        if length == 1:
            patterns = [("know",)]
        else:
            patterns = [(f, *mid, *end) for f in firsts for end in (("know",), ("know", "know"))
                        for mid in product(MIDDLE, repeat=max(0, length - 1 - len(end)))
                        if 1 + len(mid) + len(end) == length]
    else:
        raise ValueError(f"unknown dialogue shape {shape!r}")
    bank = []
    for order in permutations(agents):
        for kinds in patterns:
            bank.append(_spoken(order, kinds, voice, answer))
    return tuple(bank)


def _spoken(order: tuple[str, ...], kinds: tuple[str, ...], voice: Voice, answer: Answer) -> tuple[Line, ...]:
    n = len(order)
    lines = []
    said_dont: set[str] = set()
    knows = False
    for i, kind in enumerate(kinds):
        speaker = order[i % n]
        previous = order[(i - 1) % n]
        other = previous if previous != speaker else order[(i + 1) % n]
        if kind == "knew_other_didnt" and i == 0:
            kind = "know_other_doesnt"
        lines.append(make_line(kind, speaker, other, voice, speaker in said_dont, knows, n, answer))
        if kind.startswith("dont_know"):
            said_dont.add(speaker)
        if kind == "know":
            knows = True
    return tuple(lines)
