"""puzzles/cheryl_variant.txt: Cheryl's dialogue over ten other dates, checked against a hand-worked solution."""
from __future__ import annotations

from collections import Counter

from epistemic import api
from tests.paths import PUZZLES

PUZZLE = PUZZLES / "cheryl_variant.txt"
DATES = [("March", 13), ("March", 17), ("April", 14), ("April", 17), ("April", 19),
         ("May", 12), ("May", 14), ("May", 20), ("June", 12), ("June", 19)]


def _plain_stages(dates):
    """The three announcements with day/month counts only: a second method, independent of the engine."""
    def day_unique(pool, d):
        return Counter(day for _, day in pool)[d] == 1

    s1 = [(m, d) for m, d in dates if not any(day_unique(dates, d2) for m2, d2 in dates if m2 == m)]
    s2 = [(m, d) for m, d in s1 if not day_unique(dates, d) and day_unique(s1, d)]
    s3 = [(m, d) for m, d in s2 if Counter(m2 for m2, _ in s2)[m] == 1]
    return [dates, s1, s2, s3]


def _labels(pairs):
    return [f"month={m},day={d}" for m, d in pairs]


def test_variant_hand_worked_stages():
    sol = api.solve(api.load_puzzle(PUZZLE))
    # 13 and 20 occur once, so March and May go; 19 is shared by April and June; April keeps two dates
    assert sol.worlds(1) == _labels([("April", 14), ("April", 17), ("April", 19), ("June", 12), ("June", 19)])
    assert sol.worlds(2) == _labels([("April", 14), ("April", 17), ("June", 12)])
    assert sol.worlds(3) == _labels([("June", 12)])
    assert sol.answer_text() == ["June 12"] and sol.unique


def test_variant_engine_agrees_with_plain_counting():
    sol = api.solve(api.load_puzzle(PUZZLE))
    plain = _plain_stages(DATES)
    assert [st.count for st in sol.stages] == [len(s) for s in plain] == [10, 5, 3, 1]
    for k, stage in enumerate(plain):
        assert sorted(sol.worlds(k)) == sorted(_labels(stage))


def test_plain_counting_reproduces_the_original_cheryl():
    """The second method is itself checked on the published puzzle (answer July 16)."""
    original = [("May", 15), ("May", 16), ("May", 19), ("June", 17), ("June", 18),
                ("July", 14), ("July", 16), ("August", 14), ("August", 15), ("August", 17)]
    assert _plain_stages(original)[3] == [("July", 16)]
