"""Certificates checked in batches (pipeline.collect, Session.check_many) give the run that certifies each item
before the next: the same items, order, stats and certificates; a refuted certificate in a batch is handled as
the unbatched run handles it, and every certificate is still its own Z3 check."""
from __future__ import annotations

import pytest

import epistemic.generate.z3direct as z3direct
from epistemic.certify.z3_text import Session
from epistemic.errors import EpistemicError
from epistemic.generate import FAMILIES, item_maker
from epistemic.generate.knobs import resolve
from epistemic.generate.pipeline import BATCH, collect


def run(family: str, count: int, batched: bool, seed: int = 4, knobs: dict | None = None, max_tries=None,
        on_item=None):
    make = item_maker(family, seed, knobs=knobs, max_tries=max_tries)
    return collect(make, 0, count, True, None, on_item=on_item, batched=batched)


def records(items) -> list[dict]:
    return [item.to_dict() for item in items]


def same_stats(a, b) -> bool:
    return {**a.to_dict(), "seconds": 0} == {**b.to_dict(), "seconds": 0}


@pytest.mark.parametrize("family", ["cards", "birthdays"])
def test_batched_and_unbatched_runs_make_the_same_items(family):
    count = BATCH + 5  # a full batch and a short one
    batched, stats_b = run(family, count, True)
    single, stats_s = run(family, count, False)
    assert records(batched) == records(single)
    assert same_stats(stats_b, stats_s)
    assert all(item.verified.certificate.z3 and item.verified.certificate.unique for item in batched)
    assert {item.verified.certificate.encoding for item in batched} == {"direct"}


def refute(victim: str, monkeypatch) -> list[str]:
    """Make the direct query of the first puzzle titled `victim` satisfiable (a refutation), and of that same
    puzzle whenever it is certified again; returns the texts refuted, one entry per refutation."""
    original = z3direct.query
    refuted: list[str] = []
    first: list[str] = []

    def query(solution):
        text, claim = original(solution)
        source = solution.puzzle.source
        if solution.puzzle.title == victim and (not first or first[0] == source):
            first[:] = [source]
            refuted.append(source)
            return "(assert true)\n", claim
        return text, claim

    monkeypatch.setattr(z3direct, "query", query)
    return refuted


def test_a_refuted_certificate_in_a_batch_is_handled_as_without_batches(monkeypatch):
    """Item 5's first passing candidate is refuted by Z3: the unbatched run rejects it and searches on; the
    batched run must end with the same items and stats (it makes the batch again, one item at a time)."""
    plain, _ = run("cards", BATCH + 2, False)
    refuted = refute("cards 4-5", monkeypatch)
    single, stats_s = run("cards", BATCH + 2, False)
    assert len(refuted) == 1
    batched, stats_b = run("cards", BATCH + 2, True)
    assert len(refuted) == 3 and len(set(refuted)) == 1  # in the batch, then again when the batch is made again
    assert records(batched) == records(single)
    assert same_stats(stats_b, stats_s)
    assert stats_b.rejected_by_engine == 1
    assert records(single)[:5] == records(plain)[:5] and records(single)[5] != records(plain)[5]


def test_an_exhausted_search_keeps_the_items_before_it():
    """The search for item 5 runs out (these knobs allow five puzzles): items 0-4 reach on_item, certified,
    and the same error is raised, batched or not."""
    knobs = {"suits": 2, "ranks": 3, "cards": (3, 5), "lines": (1, 3)}
    seen = {True: [], False: []}
    errors = {}
    for batched in (True, False):
        with pytest.raises(EpistemicError) as caught:
            run("cards", 12, batched, seed=1, knobs=knobs, max_tries=3000, on_item=seen[batched].append)
        errors[batched] = str(caught.value)
    assert len(seen[True]) == 5
    assert records(seen[True]) == records(seen[False])
    assert all(item.verified.certificate.unique for item in seen[True])
    assert errors[True] == errors[False]


def test_check_many_gives_each_scripts_own_verdict():
    session = Session.open(10_000)
    if session is None:
        pytest.skip("libz3 cannot be loaded directly here")
    scripts = ["(declare-const a Bool)\n(assert (and a (not a)))\n", "(declare-const a Bool)\n(assert a)\n",
               "(assert false)\n", "(assert true)\n"]
    many = session.check_many(scripts)
    alone = [session.check(script) for script in scripts]
    assert [v.result for v in many] == [v.result for v in alone] == ["unsat", "sat", "unsat", "sat"]
    # the second script's `a` is its own (declared again after the first script's pop): nothing leaks


def test_check_many_retires_the_session_on_an_error():
    """A script Z3 rejects could stop the call inside its push; the session is then never used again."""
    session = Session.open(10_000)
    if session is None:
        pytest.skip("libz3 cannot be loaded directly here")
    assert session.check_many(["(assert false)\n", "(assert (and undeclared))\n", "(assert true)\n"]) is None
    assert session.broken
    assert session.check("(assert true)\n") is None


def test_a_retired_session_leaves_the_checks_to_the_z3_package(monkeypatch):
    """DirectCertifier.certify_many after a failed batch call checks each query alone; the verdicts stay."""
    certifier = z3direct.DirectCertifier()
    if certifier.session is None:
        pytest.skip("libz3 cannot be loaded directly here")
    monkeypatch.setattr(Session, "check_many", lambda self, scripts: setattr(self, "broken", True))
    items, _ = run("cards", 3, False)
    out = certifier.certify_many([item.verified.solution for item in items])
    assert [proved for proved, _, _ in out] == [True, True, True]
    assert certifier.ctx is not None  # the z3 package checked them


def test_families_resolve():  # the knobs used above are valid for the family
    resolve(FAMILIES["cards"], None, {"suits": 2, "ranks": 3, "cards": (3, 5), "lines": (1, 3)})
