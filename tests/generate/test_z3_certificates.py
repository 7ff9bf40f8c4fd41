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
    ctx, session = certifier.ctx, certifier.session
    assert session is not None and not session.broken  # libz3 is called directly here
    items, _ = generate("cards", 2, seed=5, use_z3=False)
    for it in items:
        assert certifier.certify(it.verified.solution)[0] is True
    assert certifier.ctx is ctx and certifier.session is session


def test_the_z3_package_path_gives_the_same_verdicts(monkeypatch):
    """Without libz3 reachable directly, the z3 package checks the same text, with the same verdicts."""
    monkeypatch.setattr("epistemic.certify.z3_text._library", lambda: None)
    package = DirectCertifier()
    assert package.session is None
    monkeypatch.undo()
    direct = DirectCertifier()
    sol = _card16()
    wrong = dataclasses.replace(sol, answer=((0, 2),))
    for claim in (sol, wrong):
        assert package.certify(claim)[:2] == direct.certify(claim)[:2]
    assert package.ctx is not None and direct.ctx is None


def test_a_z3_error_leaves_the_session_unused():
    """Text Z3 rejects marks the session broken (nothing is checked in a half-popped context again)."""
    session = DirectCertifier().session
    assert session.check("(assert (and true))\n").result == "sat"
    assert session.check("(assert (undeclared_name))\n") is None
    assert session.broken and session.check("(assert true)\n") is None


def test_each_query_is_checked_alone_in_the_shared_context():
    """push/pop: an unsat query does not make the next (satisfiable) one unsat."""
    session = DirectCertifier().session
    assert session.check("(declare-const a Bool)\n(assert (and a (not a)))\n").result == "unsat"
    assert session.check("(declare-const a Bool)\n(assert a)\n").result == "sat"


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


@pytest.mark.parametrize("family", ["cards", "birthdays", "generic"])
def test_the_direct_query_proves_exactly_the_engines_answer(certifier, family):
    """Every answer the table allows is claimed in turn: Z3 proves the explicit engine's and refutes the others
    (the query's text drops identities only: `true =>`, repeated conjuncts, names for names)."""
    items, _ = generate(family, 6, seed=44, use_z3=False)
    for it in items:
        sol = it.verified.solution
        text, _ = query(sol)
        assert "(=> true " not in text
        for answer in _all_answers(sol):
            assert certifier.certify(dataclasses.replace(sol, answer=(answer,)))[0] is (answer == sol.answer[0])
