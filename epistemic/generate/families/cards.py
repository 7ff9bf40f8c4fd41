"""Cards: a drawer of N cards from a deck; P is told the rank, Q the suit (or the other way round)."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Sequence

from ...errors import EpistemicError
from ...language import syntax as s
from .. import dialogue as d
from ..base import Candidate, Draft, bounds, knob_error, pick, require_within
from ..screen import ScreenModel, table_model

SUITS = (("hearts", "红桃, 红心", "♥"), ("spades", "黑桃", "♠"), ("clubs", "草花, 梅花", "♣"), ("diamonds", "方块", "♦"))
RANKS = ("A", "2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K")
RANK_ALIASES = {"A": "ace", "J": "jack", "Q": "queen", "K": "king"}
ANSWER = (s.Var("suit"), s.Var("rank"))  # `card`
VOICE = d.Voice("the card", "这张牌", {"P": "Mr. P", "Q": "Mr. Q"}, {"P": "P先生", "Q": "Q先生"})
PRESETS = {
    "easy": {"suits": 3, "ranks": 6, "cards": (6, 9), "lines": 3},
    "medium": {"suits": 4, "ranks": 13, "cards": (10, 16), "lines": (3, 4), "dialogue": ["classic", "random"]},
    "hard": {"suits": 4, "ranks": 13, "cards": (16, 24), "lines": (4, 6)},
}
DEFAULTS = {"suits": 4, "ranks": 13, "cards": 16, "lines": (3, 4), "dialogue": "random", "told": "rank"}


@dataclass(frozen=True)
class Cards:
    name: str = "cards"
    presets: dict = field(default_factory=lambda: PRESETS, compare=False)  # difficulty -> knob ranges
    defaults: dict = field(default_factory=lambda: DEFAULTS, compare=False)  # its keys are the knobs
    synthesizable: bool = True

    def check(self, knobs: dict) -> None:
        s_hi = bounds(knobs["suits"])[1]
        r_hi = bounds(knobs["ranks"])[1]
        c_lo, c_hi = bounds(knobs["cards"])
        l_lo, _ = bounds(knobs["lines"])
        require_within(self.name, knobs, {"suits": (1, 4), "ranks": (1, 13)})
        if c_hi > s_hi * r_hi:
            raise knob_error(self.name, f"cannot draw {c_hi} cards from a deck of {s_hi} suits × {r_hi} ranks",
                             "lower --knob cards or raise suits/ranks")
        if c_lo < 2:
            raise knob_error(self.name, "a puzzle needs at least 2 cards")
        if l_lo < 1:
            raise knob_error(self.name, "a dialogue needs at least 1 line")
        if knobs["told"] not in ("rank", "suit"):
            raise knob_error(self.name, f"told must be 'rank' (P is told the rank) or 'suit', got {knobs['told']!r}")

    def pool(self, knobs: dict, rng=None) -> Sequence[tuple[int, int]]:
        suits, ranks = pick(rng, knobs["suits"]), pick(rng, knobs["ranks"])
        if ranks == len(RANKS):
            return full_deck(suits)  # every rank: the same deck each time (built once)
        chosen = sorted(rng.sample(range(len(RANKS)), ranks))
        return [(su, r) for su in range(suits) for r in chosen]

    def sample(self, rng, knobs: dict) -> Candidate:
        return self.draft(rng, knobs).finish()

    def draft(self, rng, knobs: dict) -> Draft:
        """The next candidate of the stream as the screen needs it (see base.Draft); the same draws as ever."""
        pool = self.pool(knobs, rng)
        n = min(pick(rng, knobs["cards"]), len(pool))
        cards = sorted(rng.sample(pool, n))
        lines = d.sample_dialogue(rng, ("P", "Q"), VOICE, ANSWER, pick(rng, knobs["lines"]), pick(rng, knobs["dialogue"]))
        told = knobs["told"]
        model = two_column_model(cards, told)
        return Draft(model, lines, lambda: self.candidate(cards, lines, told, model))

    def synth_answer(self, name, knobs: dict) -> tuple[int, int]:
        """A card by name ("diamonds 5", "5 of diamonds", "♦5", "方块5") as (suit, rank) in the synthesis deck."""
        card = parse_card(name)
        suits, ranks = bounds(knobs["suits"])[1], bounds(knobs["ranks"])[1]
        if card[0] >= suits or card[1] >= ranks:
            raise knob_error(self.name, f"answer {name!r} is not in the synthesis deck ({suits} suits: "
                             f"{', '.join(x[0] for x in SUITS[:suits])}; ranks {RANKS[0]}..{RANKS[ranks - 1]})",
                             "raise --knob suits/ranks or choose another card")
        return card

    def synth_pool(self, rng, knobs: dict, answer=None):
        """Synthesis: the whole deck as the pool, a dialogue, and how many cards to choose."""
        pool = [(su, r) for su in range(bounds(knobs["suits"])[1]) for r in range(bounds(knobs["ranks"])[1])]
        lines = d.sample_dialogue(rng, ("P", "Q"), VOICE, ANSWER, pick(rng, knobs["lines"]), pick(rng, knobs["dialogue"]))
        return pool, lines, min(pick(rng, knobs["cards"]), len(pool))

    def synth_candidate(self, cards, lines, knobs: dict) -> Candidate:
        return self.candidate(sorted(cards), lines, knobs["told"])

    def synth_rows(self, pool) -> list:
        return [c[0] for c in pool]

    def candidate(self, cards: list[tuple[int, int]], lines: tuple[d.Line, ...], told: str = "rank",
                  model: ScreenModel | None = None) -> Candidate:
        """A candidate over the given cards (suit index, rank index) and dialogue (`model`: its screen model,
        when already made)."""
        if model is None:
            p_key, q_key = (1, 0) if told == "rank" else (0, 1)
            model = table_model(cards, (("P", p_key), ("Q", q_key)), ANSWER)  # = build_model on the two columns
        return Candidate(self.name, model, lines, "card", {}, lambda: self.header(cards, told),
                         lambda i: f"{SUITS[cards[i][0]][0]} {RANKS[cards[i][1]]}",
                         footer='show card as "{rank} of {suit} ({suit.symbol}{rank})"',
                         ask=("Which card is it?", "这张牌是什么牌？"),
                         rows=tuple(cards), sorts=("suit", "rank"), shape=(told,))

    def header(self, cards: list[tuple[int, int]], told: str) -> str:
        p_what, q_what = ("rank", "suit") if told == "rank" else ("suit", "rank")
        zh = {"rank": "点数", "suit": "花色"}
        n = len(cards)
        out = [
            f'en: "There are {n} playing cards in a drawer. Professor John picks one, tells Mr. P its {p_what} '
            f'and Mr. Q its {q_what}."',
            f'zh: "桌子的抽屉里有{n}张扑克牌。约翰教授从这{n}张牌中挑出一张牌来，并把这张牌的{zh[p_what]}告诉P先生，'
            f'把这张牌的{zh[q_what]}告诉Q先生。"',
            "",
            "values suit: " + ", ".join(f"{en} ({zh_}, {sym})" for en, zh_, sym in SUITS),
            "values rank: " + ", ".join(f"{r} ({RANK_ALIASES[r]})" if r in RANK_ALIASES else r
                                        for r in (RANKS[i] for i in sorted({c[1] for c in cards}))),
            "worlds card(suit, rank):",
        ]
        for su in sorted({c[0] for c in cards}):
            ranks = " ".join(RANKS[c[1]] for c in cards if c[0] == su)
            out.append(f"  {SUITS[su][0]}: {ranks}")
        out += [
            "",
            f'agent P (P先生, "Mr. P") observes {p_what}',
            f'agent Q (Q先生, "Mr. Q") observes {q_what}',
        ]
        return "\n".join(out)


def two_column_model(cards: Sequence[tuple[int, int]], told: str) -> ScreenModel:
    """`table_model(cards, (("P", rank column), ("Q", suit column)), ANSWER)` (told rank; the columns swap
    for told suit), with both agents' classes grouped in one pass over the cards: made for every candidate."""
    by_suit: dict[int, int] = {}
    by_rank: dict[int, int] = {}
    suit_get, rank_get = by_suit.get, by_rank.get
    bit = 1
    for su, r in cards:
        by_suit[su] = suit_get(su, 0) | bit
        by_rank[r] = rank_get(r, 0) | bit
        bit <<= 1
    suits, ranks = tuple(by_suit.values()), tuple(by_rank.values())
    classes = {"P": ranks, "Q": suits} if told == "rank" else {"P": suits, "Q": ranks}
    return ScreenModel(len(cards), classes, {}, ANSWER)


@functools.lru_cache(maxsize=len(SUITS))
def full_deck(suits: int) -> tuple[tuple[int, int], ...]:
    """Every card of the first `suits` suits, suit by suit (the pool when all ranks are used)."""
    return tuple((su, r) for su in range(suits) for r in range(len(RANKS)))


def parse_card(name) -> tuple[int, int]:
    """(suit, rank) indices of a card written as "diamonds 5", "5 of diamonds", "♦5", "方块5" or "ace of spades"."""
    text = str(name).strip().lower()
    found = None
    for i, (en, zh, sym) in enumerate(SUITS):
        for alias in sorted([en, sym, *(z.strip() for z in zh.split(","))], key=len, reverse=True):
            if alias in text:
                found = (i, text.replace(alias, " ", 1))
                break
        if found:
            break
    if found is None:
        raise EpistemicError(f"unknown card {name!r}: no suit",
                             hint='write the answer as SUIT RANK, e.g. answer="diamonds 5" (suits: '
                                  + ", ".join(x[0] for x in SUITS) + ")")
    words = [w for w in found[1].replace(" of ", " ").split() if w != "of"]
    names = {r.lower(): i for i, r in enumerate(RANKS)}
    names.update({alias: RANKS.index(r) for r, alias in RANK_ALIASES.items()})
    if len(words) != 1 or words[0] not in names:
        raise EpistemicError(f"unknown card {name!r}: no rank",
                             hint="ranks: " + " ".join(RANKS) + ' (or ace, jack, queen, king), e.g. answer="diamonds 5"')
    return found[0], names[words[0]]
