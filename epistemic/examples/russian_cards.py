"""Which announcements solve Russian cards? The 1290 candidates of SMCDEL's analysis, checked by our engine.

Alice announces a list of 5–7 hands (pairwise sharing at most one card), Bob then says that Cath
has card 6. A plan is safe when, at the deal 012|345|6, Alice can say it and afterwards Bob knows
Alice's hand (commonly between them), Cath stays ignorant (commonly among all three), and after Bob's
answer Alice and Bob commonly know each other's hands while Cath still learns nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from ..engines.base import Engine, get_engine
from ..language import syntax as s
from ..worlds.space import WorldSpace

Hand = tuple[int, int, int]
HANDS: tuple[Hand, ...] = tuple(combinations(range(7), 3))
DEAL = {"alice": (0, 1, 2), "bob": (3, 4, 5), "cath": (6,)}


def candidate_announcements() -> list[tuple[Hand, ...]]:
    """Lists of 5, 6 or 7 hands in increasing order, any two sharing at most one card (1290 of them)."""

    def pick(unused: list[Hand], n: int) -> list[list[Hand]]:
        if n == 1:
            return [[h] for h in unused]
        return [[h, *rest] for h in unused
                for rest in pick([x for x in unused if x > h and len(set(h) & set(x)) < 2], n - 1)]

    return [tuple(hands) for n in (5, 6, 7) for hands in pick(list(HANDS), n)]


@dataclass(frozen=True)
class Vocabulary:
    """The formulas of the analysis over the puzzle's variables c[0..6] (who holds each card)."""

    space: WorldSpace

    def has(self, player: str, card: int) -> s.Formula:
        var = self.space.puzzle.variable(f"c[{card}]")
        code = next(i for i, v in enumerate(var.values) if v.name == player)
        return s.Compare("=", s.Var(var.name), s.Const(code))

    def says(self, hands: tuple[Hand, ...]) -> s.Formula:
        holds = s.Or(tuple(s.And(tuple(self.has("alice", k) for k in h)) for h in hands))
        return s.Knows("agent", ("Alice",), "that", holds)

    def knows_hand(self, agent: str, other: str) -> s.Formula:
        return s.And(tuple(s.Knows("agent", (agent,), "whether", self.has(other, k)) for k in range(7)))

    def cath_ignorant(self) -> s.Formula:
        return s.And(tuple(s.Not(s.Knows("agent", ("Cath",), "that", self.has(p, k)))
                           for k in range(7) for p in ("alice", "bob")))

    def goals(self, says: s.Formula) -> list[s.Formula]:
        """What must hold at the deal once Alice has spoken (and once Bob has answered)."""
        common = lambda group, f: s.Knows("common", group, "that", f)  # noqa: E731
        bob_says = s.Knows("agent", ("Bob",), "that", self.has("cath", 6))
        b_knows, a_knows, ignorant = self.knows_hand("Bob", "alice"), self.knows_hand("Alice", "bob"), self.cath_ignorant()
        return [
            s.Announce(says, b_knows),
            s.Announce(says, common(("Alice", "Bob"), b_knows)),
            s.Announce(says, common(("Alice", "Bob", "Cath"), ignorant)),
            s.Announce(says, s.Announce(bob_says, common(("Alice", "Bob"), s.And((a_knows, b_knows))))),
            s.Announce(says, s.Announce(bob_says, common(("Alice", "Bob", "Cath"), ignorant))),
        ]


def deal_index(space: WorldSpace) -> int:
    """The world of the deal 012|345|6."""
    vocab = Vocabulary(space)
    ok = np.ones(space.size, dtype=bool)
    for player, cards in DEAL.items():
        for k in cards:
            f = vocab.has(player, k)
            ok &= space.columns[f.left.name] == f.right.value
    return int(np.flatnonzero(ok)[0])


def safe_announcements(space: WorldSpace, engine: str | Engine = "explicit",
                       candidates: list[tuple[Hand, ...]] | None = None) -> list[tuple[Hand, ...]]:
    """The candidates that make a safe plan at the deal 012|345|6 (SMCDEL finds 102 of 1290)."""
    eng = get_engine(engine) if isinstance(engine, str) else engine
    vocab, deal = Vocabulary(space), deal_index(space)
    start = [np.ones(space.size, dtype=bool)]
    many = getattr(eng, "evaluate_many", None)
    safe = []
    for hands in candidate_announcements() if candidates is None else candidates:
        says = vocab.says(hands)
        if not eng.evaluate(space, start, says)[deal]:
            continue  # Alice cannot truthfully say it
        goals = vocab.goals(says)
        results = many(space, start, goals) if many else [eng.evaluate(space, start, g) for g in goals]
        if all(r[deal] for r in results):
            safe.append(hands)
    return safe
