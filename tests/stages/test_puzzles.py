"""Every classic puzzle gives its published answer; stage counts match docs/semantics.md and hand-worked stages."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from epistemic import api
from epistemic.language import load_puzzle

from epistemic.engines.reference import stages as reference_stages
from tests.paths import ROOT

PUZZLES = sorted((ROOT / "puzzles").glob("*.txt"))


@pytest.mark.parametrize("path", PUZZLES, ids=lambda p: p.stem)
def test_every_puzzle_meets_its_own_expectations(path):
    sol = api.solve(api.load_puzzle(path))
    assert sol.puzzle.expected_answer is not None, "every classic puzzle states its answer"
    assert sol.ok, [l.message for l in sol.lints]
    assert sol.answer_matches and sol.unique
    assert sol.stages_match is not False


@pytest.mark.parametrize("path", [p for p in PUZZLES if p.stem not in ("impossible", "what_sum")], ids=lambda p: p.stem)
def test_explicit_engine_agrees_with_the_reference_checker(path):
    puzzle = api.load_puzzle(path)
    sol = api.solve(puzzle)
    worlds, history = reference_stages(puzzle)
    assert len(worlds) == sol.space.size
    # the reference enumerates in its own order: compare worlds as value tuples
    names = [v.name for v in puzzle.variables]
    ours = [tuple(int(sol.space.columns[n][i]) for n in names) for i in range(sol.space.size)]
    theirs = [tuple(w[n] for n in names) for w in worlds]
    assert sorted(ours) == sorted(theirs)
    for k, stage in enumerate(sol.stages):
        got = {ours[i] for i in np.flatnonzero(stage.mask)}
        want = {theirs[i] for i in history[k]}
        assert got == want, f"stage {k}"


def _counts(name, **params):
    sol = api.solve(api.load_puzzle(ROOT / "puzzles" / name, params))
    return [st.count for st in sol.stages], sol


def test_card16_published_stages_and_answer():
    counts, sol = _counts("card16.txt")
    assert counts == [16, 9, 5, 3, 1]
    assert sol.answer_text() == ["5 of diamonds (♦5)"]


def test_card16_hand_worked_stages():
    """Stage contents worked out by hand from the seed's puzzle statement."""
    _, sol = _counts("card16.txt")
    assert sol.worlds(1) == ["♥A", "♥Q", "♥4", "♠4", "♣Q", "♣5", "♣4", "♦A", "♦5"]  # ranks seen twice
    assert sol.worlds(2) == ["♥A", "♥Q", "♥4", "♦A", "♦5"]  # suits with no unique rank at the start
    assert sol.worlds(3) == ["♥Q", "♥4", "♦5"]  # P now knows: Q and 4 unique among hearts/diamonds
    assert sol.worlds(4) == ["♦5"]


def test_card16_without_the_past_has_no_solution():
    """docs/semantics.md: announced in sequence, 'I knew you didn't know' is vacuous and nothing survives."""
    text = (ROOT / "puzzles" / "card16.txt").read_text()
    text = text.replace("before (Q knows not P knows card)", "Q knows not P knows card")
    text = text.replace("answer card = diamonds 5", "ask card").replace("expect stages 16 9 5 3 1", "")
    sol = api.solve(load_puzzle(text))
    assert any(l.level == "warning" and "vacuous" in l.message for l in sol.lints)
    assert sol.stages[2].removed == 0
    assert sol.answer == () or not sol.unique


def test_cheryl_published_stages_and_answer():
    counts, sol = _counts("cheryl.txt")
    assert counts == [10, 5, 3, 1]
    assert sol.answer_text() == ["July 16"]


def test_sum_and_product_published_stages_and_answer():
    counts, sol = _counts("sum_product.txt")
    assert counts == [2352, 1747, 145, 86, 1]
    assert sol.answer == ((4, 13),)


def test_impossible_puzzle_answer():
    counts, sol = _counts("impossible.txt")
    assert counts == [4851, 3076, 145, 86, 1]
    assert sol.answer == ((4, 13),)


@pytest.mark.parametrize("n", range(1, 7))
def test_muddy_children_rounds(n):
    """After the father and k-1 rounds of 'nobody knows', the muddy ones know (and not before)."""
    for k in range(1, n + 1):
        counts, sol = _counts("muddy.txt", n=n, k=k)
        from math import comb

        # father removes the clean world; each round removes the worlds with exactly j muddy
        expected = [2**n, 2**n - 1] + [2**n - sum(comb(n, j) for j in range(0, r + 1)) for r in range(1, k)]
        assert counts[: k + 1] == expected
        assert counts[-1] == comb(n, k)
        assert sol.answer == ((k,),)
        # at the actual world (children 1..k muddy), the muddy ones know exactly at stage k
        actual = " and ".join([f"m[{i}] = 1" for i in range(1, k + 1)] + [f"m[{i}] = 0" for i in range(k + 1, n + 1)])
        muddy_know = " and ".join(f"c[{i}] knows m[{i}]" for i in range(1, k + 1))
        for stage in range(1, k + 1):
            res = api.check(sol, muddy_know, stage=stage, at=actual)
            assert res.at_value == (stage == k), (n, k, stage)


def test_islanders_and_drinking_logicians():
    counts, sol = _counts("islanders.txt", n=6, k=4)
    assert sol.answer == ((4,),)
    counts, sol = _counts("drinking_logicians.txt", n=5)
    assert counts == [32, 16, 8, 4, 2, 1]
    assert sol.answer == ((5,),)


def test_russian_cards_classic_announcement_is_safe():
    _, sol = _counts("russian_cards.txt")
    actual = "c[0] = alice and c[1] = alice and c[2] = alice and c[3] = bob and c[4] = bob and c[5] = bob and c[6] = cath"
    deal = "(c[0], c[1], c[2], c[3], c[4], c[5], c[6])"
    # after Alice's announcement Bob knows the deal ...
    assert api.check(sol, f"Bob knows {deal}", stage=1, at=actual).at_value
    # ... and Cath learns no card she does not hold: for each card, she does not know whether Alice has it
    ignorant = " and ".join(f"(c[{j}] != cath implies not Cath knows whether c[{j}] = alice)" for j in range(7))
    assert api.check(sol, ignorant, stage=1).valid
    # it is safe in every world where it can be said, and commonly known to be so
    assert api.check(sol, f"common {{Alice, Bob, Cath}} knows that ({ignorant})", stage=1).valid


def test_hats_blind_man_knows():
    _, sol = _counts("hats.txt")
    assert sol.answer_text() == ["white"]
    assert api.check(sol, "w[3] knows h[3]", stage=2).valid
    assert not api.check(sol, "w[3] knows h[3]", stage=1).valid


def test_dining_cryptographers_anonymity():
    _, sol = _counts("dining_cryptographers.txt")
    assert api.check(sol, "everyone knows that paid != nsa").valid
    # a diner who did not pay does not learn which of the others did
    assert api.check(sol, "paid = one implies not d[2] knows paid").valid
    assert api.check(sol, "paid = one implies not d[3] knows paid").valid
