"""Dialogue lines: a tiny formula tree that prints as puzzle source, English and Chinese.

Only the shapes the generators use: knowing the answer, knowing that, knowing whether a fact,
negation, conjunction, `before`, and named facts (boolean conditions on a world).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations, product
from typing import Union


@dataclass(frozen=True)
class KnowsAnswer:
    agent: str


@dataclass(frozen=True)
class KnowsThat:
    agent: str
    body: "Formula"


@dataclass(frozen=True)
class KnowsWhether:
    agent: str
    fact: str


@dataclass(frozen=True)
class Fact:
    """A named boolean condition on a world (its source text lives in the screen model)."""

    name: str


@dataclass(frozen=True)
class Not:
    body: "Formula"


@dataclass(frozen=True)
class And:
    items: tuple["Formula", ...]


@dataclass(frozen=True)
class Before:
    body: "Formula"


@dataclass(frozen=True)
class Named:
    """A formula written in the puzzle by its own source text (e.g. `all i in 1..3: ...`)."""

    name: str
    body: "Formula"


Formula = Union[KnowsAnswer, KnowsThat, KnowsWhether, Fact, Not, And, Before, Named]


@dataclass(frozen=True)
class Line:
    """One announcement: a speaker's statement (content K_speaker body) or a public one (speaker None)."""

    speaker: str | None
    body: Formula
    en: str
    zh: str
    kind: str = ""


def source(f: Formula, question: str, facts: dict[str, str]) -> str:
    """The formula in the puzzle language; `question` names the asked term (card, date, (x, y))."""
    if isinstance(f, KnowsAnswer):
        return f"{f.agent} knows {question}"
    if isinstance(f, KnowsThat):
        return f"{f.agent} knows that {_paren(f.body, question, facts)}"
    if isinstance(f, KnowsWhether):
        return f"{f.agent} knows whether {_paren(Fact(f.fact), question, facts)}"
    if isinstance(f, (Fact, Named)):
        return facts[f.name]
    if isinstance(f, Not):
        inner = source(f.body, question, facts)
        return f"not {inner}" if isinstance(f.body, KnowsAnswer) else f"not ({inner})"
    if isinstance(f, And):
        return " and ".join(_paren(x, question, facts) for x in f.items)
    if isinstance(f, Before):
        return f"before ({source(f.body, question, facts)})"
    raise TypeError(f)


def _paren(f: Formula, question: str, facts: dict[str, str]) -> str:
    text = source(f, question, facts)
    return text if isinstance(f, KnowsAnswer) else f"({text})"


def line_source(line: Line, question: str, facts: dict[str, str]) -> str:
    body = source(line.body, question, facts)
    return f"{line.speaker} says: {body}" if line.speaker else f"announce: {body}"


def modal_depth(f: Formula) -> int:
    """Nesting depth of knowledge operators (knowing the answer counts as one)."""
    if isinstance(f, (KnowsAnswer, KnowsWhether)):
        return 1
    if isinstance(f, KnowsThat):
        return 1 + modal_depth(f.body)
    if isinstance(f, (Not, Before, Named)):
        return modal_depth(f.body)
    if isinstance(f, And):
        return max((modal_depth(x) for x in f.items), default=0)
    return 0


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
              n_agents: int) -> Line:
    """A dialogue move of one kind, worded for what was said before."""
    it_en, it_zh = voice.it_en, voice.it_zh
    if kind == "dont_know":
        body: Formula = Not(KnowsAnswer(speaker))
        if said_dont:
            return Line(speaker, body, f"I still don't know {it_en}.", f"我还是不知道{it_zh}。", kind)
        return Line(speaker, body, f"I don't know {it_en}.", f"我不知道{it_zh}。", kind)
    if kind == "knew_other_didnt":
        assert other is not None
        o_en, o_zh = _other(voice, speaker, other, "en", n_agents), _other(voice, speaker, other, "zh", n_agents)
        return Line(speaker, Before(KnowsThat(speaker, Not(KnowsAnswer(other)))),
                    f"I knew {o_en} didn't know {it_en}.", f"我早就知道{o_zh}不知道{it_zh}。", kind)
    if kind == "know_other_doesnt":
        assert other is not None
        o_en, o_zh = _other(voice, speaker, other, "en", n_agents), _other(voice, speaker, other, "zh", n_agents)
        verb = "don't" if o_en == "you" else "doesn't"
        return Line(speaker, KnowsThat(speaker, Not(KnowsAnswer(other))),
                    f"I know {o_en} {verb} know {it_en}.", f"我知道{o_zh}不知道{it_zh}。", kind)
    if kind == "dont_know_and_other_doesnt":
        assert other is not None
        o_en, o_zh = _other(voice, speaker, other, "en", n_agents), _other(voice, speaker, other, "zh", n_agents)
        verb = "don't" if o_en == "you" else "doesn't"
        return Line(speaker, And((Not(KnowsAnswer(speaker)), KnowsThat(speaker, Not(KnowsAnswer(other))))),
                    f"I don't know {it_en}, but I know {o_en} {verb} know it either.",
                    f"我不知道{it_zh}，但我知道{o_zh}也不知道。", kind)
    if kind == "know":
        body = KnowsAnswer(speaker)
        if someone_knows:
            return Line(speaker, body, "Now I know it too.", "我也知道了。", kind)
        if said_dont:
            return Line(speaker, body, f"Now I know {it_en}.", f"现在我知道{it_zh}了。", kind)
        return Line(speaker, body, f"I know {it_en}.", f"我知道{it_zh}。", kind)
    raise ValueError(kind)


CLASSIC = ("dont_know", "knew_other_didnt", "know", "know")
CHERYL = ("dont_know_and_other_doesnt", "know", "know")
MIDDLE = ("dont_know", "knew_other_didnt", "know_other_doesnt", "dont_know_and_other_doesnt")


def sample_dialogue(rng, agents: tuple[str, ...], voice: Voice, length: int, shape: str = "random") -> tuple[Line, ...]:
    """A dialogue of `length` lines: ignorance and higher-order statements, ending with someone knowing.

    shape 'classic' is the 16-card dialogue, 'cheryl' Cheryl's; 'random' picks uniformly from every
    dialogue the move rules allow (see `dialogue_bank`).
    """
    return rng.choice(dialogue_bank(agents, voice, length, shape))


@lru_cache(maxsize=256)
def dialogue_bank(agents: tuple[str, ...], voice: Voice, length: int, shape: str = "random") -> tuple[tuple[Line, ...], ...]:
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
            bank.append(_spoken(order, kinds, voice))
    return tuple(bank)


def _spoken(order: tuple[str, ...], kinds: tuple[str, ...], voice: Voice) -> tuple[Line, ...]:
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
        lines.append(make_line(kind, speaker, other, voice, speaker in said_dont, knows, n))
        if kind.startswith("dont_know"):
            said_dont.add(speaker)
        if kind == "know":
            knows = True
    return tuple(lines)
