"""The direct Z3 certificate (one SMT-LIB query per puzzle) against epistemic.certify and wrong claims."""
import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from epistemic.api import load_puzzle
from epistemic.certify.certificate import certify
from epistemic.generate import FAMILIES, generate
from epistemic.generate.certification import certify_unique
from epistemic.generate.screen import Verdict, run
from epistemic.generate.z3direct import DirectCertifier, query
from epistemic.stages.solve import solve
from tests.paths import ROOT

CERTIFIER = DirectCertifier()  # one context for this module's property test


@pytest.fixture(scope="module")
def certifier():
    return DirectCertifier()


def _card16():
    return solve(load_puzzle((ROOT / "puzzles" / "card16.txt").read_text(encoding="utf-8")))


def test_direct_certificate_proves_card16_and_cheryl(certifier):
    proved, detail, _ = certifier.certify(_card16())
    assert proved is True and "5 of diamonds" in detail
    cheryl = solve(load_puzzle((ROOT / "puzzles" / "cheryl.txt").read_text(encoding="utf-8")))
    assert certifier.certify(cheryl)[0] is True


@pytest.mark.parametrize("family", ["cards", "birthdays"])
def test_direct_certificate_agrees_with_epistemic_certify(certifier, family):
    items, _ = generate(family, 4, seed=21, use_z3=False)
    for it in items:
        sol = it.verified.solution
        assert certifier.certify(sol)[0] is True
        assert certify(sol).proved  # the other, general encoding proves the same claim
        wrong = next(a for a in _all_answers(sol) if a != sol.answer[0])
        assert certifier.certify(dataclasses.replace(sol, answer=(wrong,)))[0] is False


def _all_answers(sol):
    names = [t.name for t in sol.puzzle.question.terms]
    return sorted({tuple(int(sol.space.columns[n][w]) for n in names) for w in range(sol.space.size)})


def test_wrong_claims_are_refuted(certifier):
    sol = _card16()
    # A world that survives until the last announcement, claimed as the answer: Z3 finds the negation sat.
    assert certifier.certify(dataclasses.replace(sol, answer=((0, 2),)))[0] is False
    # The query really depends on the dialogue: without the last announcement three cards remain.
    fewer = dataclasses.replace(sol, puzzle=dataclasses.replace(sol.puzzle, announcements=sol.puzzle.announcements[:3]))
    assert certifier.certify(fewer)[0] is False


def test_outside_the_fragment_falls_back_to_epistemic_certify():
    items, _ = generate("sum_product", 1, seed=3, use_z3=False)  # observes x + y: arithmetic
    sol = items[0].verified.solution
    with pytest.raises(Exception):
        query(sol)
    cert = certify_unique(sol.puzzle, sol, True, DirectCertifier())
    assert cert.z3 and cert.encoding == "certify" and cert.unique == sol.unique


def test_several_answers_are_not_certified(certifier):
    sol = _card16()
    two = dataclasses.replace(sol, puzzle=dataclasses.replace(sol.puzzle, announcements=sol.puzzle.announcements[:2]))
    two = solve(two.puzzle)
    assert not two.unique
    cert = certify_unique(two.puzzle, two, True, certifier)
    assert not cert.unique


def test_one_context_serves_a_whole_run(certifier):
    ctx = certifier.ctx
    items, _ = generate("cards", 2, seed=5, use_z3=False)
    for it in items:
        assert certifier.certify(it.verified.solution)[0] is True
    assert certifier.ctx is ctx


@settings(max_examples=20, deadline=None, derandomize=True)
@given(st.integers(0, 10**6), st.sampled_from(["cards", "birthdays", "generic"]))
def test_direct_certificate_matches_the_explicit_engine_on_random_candidates(seed, family):
    fam = FAMILIES[family]
    cand = fam.sample(random.Random(seed), dict(fam.defaults))
    counts = tuple(h.bit_count() for h in run(cand.model, cand.lines))
    lines = cand.write(Verdict(True, "ok", counts, 0), "random").splitlines()
    answer_at = next(i for i, l in enumerate(lines) if l.startswith("answer "))  # + its en/zh lines
    kept = [l for i, l in enumerate(lines) if not l.startswith("expect") and not answer_at <= i <= answer_at + 2]
    text = "\n".join(kept) + f"\nask {cand.question}\n"
    sol = solve(load_puzzle(text))
    if sol.puzzle.question is None:
        return
    cert = certify_unique(sol.puzzle, sol, True, CERTIFIER)
    assert cert.unique == (sol.ok and sol.unique)
    if sol.ok and sol.unique:
        assert cert.encoding == "direct" and cert.z3
        others = [a for a in _all_answers(sol) if a != sol.answer[0]]
        if others:
            assert CERTIFIER.certify(dataclasses.replace(sol, answer=(others[0],)))[0] is False
