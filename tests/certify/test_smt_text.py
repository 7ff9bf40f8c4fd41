"""The certificate's SMT-LIB text encoding against the Z3-object encoding it replaces (same verdicts)."""
from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from epistemic import api
from epistemic.certify import certificate as cert_module
from epistemic.certify.smt_text import TextEncoder, Unsupported, symbolic_formula
from epistemic.stages.solve import solve
from epistemic.worlds.space import space_from_columns
from tests.paths import ROOT
from tests.random_puzzles import puzzle_texts

PUZZLES = sorted((ROOT / "puzzles").glob("*.txt"))
SETTINGS = dict(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def both(solution, **kw):
    """(text certificate, object certificate); the first is None where the text encoder falls back."""
    text = cert_module._certify_text(solution, solution.puzzle.announcements[: len(solution.stages) - 1],
                                     "claim", time.perf_counter(), 60.0, kw.get("check_worlds", True))
    original = cert_module._certify_text
    cert_module._certify_text = lambda *a, **k: None
    try:
        objects = cert_module.certify(solution, **kw)
    finally:
        cert_module._certify_text = original
    return text, objects


@pytest.mark.parametrize("path", PUZZLES, ids=lambda p: p.stem)
def test_same_verdict_as_the_object_encoding(path):
    sol = api.solve(api.load_puzzle(path))
    text, objects = both(sol, timeout_s=180.0)  # the object encoding is the slow reference: room for a busy machine
    assert objects.outcome == "proved"
    if text is not None:
        assert (text.outcome, text.worlds_checked, text.reason) == ("proved", True, objects.reason)


def test_most_puzzles_use_the_text_encoding():
    used = 0
    for path in PUZZLES:
        sol = api.solve(api.load_puzzle(path))
        try:
            TextEncoder(sol.space).stages(sol.puzzle.announcements)
            used += 1
        except Unsupported:
            pass
    assert used >= len(PUZZLES) - 2


@pytest.fixture(scope="module")
def card16():
    return api.solve(api.load_puzzle(ROOT / "puzzles" / "card16.txt"))


@pytest.mark.parametrize("change", ["wrong", "extra", "missing world", "stage mask"])
def test_wrong_claims_are_refuted_with_the_same_explanation(card16, change):
    sol = card16
    if change == "wrong":
        sol = dataclasses.replace(card16, answer=((0, 0),))
    elif change == "extra":
        sol = dataclasses.replace(card16, answer=card16.answer + ((0, 0),))
    elif change == "missing world":
        space = card16.space
        keep = np.arange(space.size) != 3
        partial = space_from_columns(space.puzzle, {k: v[keep] for k, v in space.columns.items()}, "table", space.size)
        sol = api.solve(card16.puzzle, space=partial)
    else:  # a claim about the surviving worlds when there is no question
        puzzle = dataclasses.replace(card16.puzzle, question=None, expected_answer=None)
        sol = api.solve(puzzle)
        last = sol.stages[-1]
        bad = last.mask.copy()
        bad[np.flatnonzero(~bad)[0]] = True
        sol = dataclasses.replace(sol, stages=sol.stages[:-1] + (dataclasses.replace(last, mask=bad),))
    text, objects = both(sol)
    assert objects.outcome == "refuted"
    assert text is not None and text.outcome == "refuted"
    assert text.reason == objects.reason


@settings(max_examples=40, **SETTINGS)
@given(puzzle_texts(max_worlds=40))
def test_random_puzzles_same_verdict(text):
    sol = solve(api.load_puzzle(text))
    got, objects = both(sol)
    if got is not None:
        assert (got.outcome, got.worlds_checked) == (objects.outcome, objects.worlds_checked), text


def test_division_and_modulo_follow_the_language():
    """Z3 evaluates the text's floor division and modulo as language/arith.py does, signs included."""
    import z3

    from epistemic.language import syntax as s
    from epistemic.language.arith import apply_int

    for a in (-7, -6, 0, 5, 7):
        for b in (-3, -2, 0, 2, 3):
            for op in ("/", "mod"):
                f = s.Compare("=", s.Arith(op, s.Var("x"), s.Var("y")), s.Const(apply_int(op, a, b)))
                solver = z3.Solver()
                solver.from_string(f"(declare-const |world.x| Int)(declare-const |world.y| Int)"
                                   f"(assert (= |world.x| {a}))(assert (= |world.y| {b}))"
                                   f"(assert (not {symbolic_formula(f)}))")
                assert solver.check() == z3.unsat, (a, op, b)
