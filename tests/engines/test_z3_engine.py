"""The Z3 engine, certificates, counterexamples and worlds from constraints."""
from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

import numpy as np
import pytest
import z3
from click.testing import CliRunner

from epistemic import api
from epistemic.certify.certificate import certify
from epistemic.certify.counterexample import counterexample, find_counterexample
from epistemic.language.arith import apply_int
from epistemic.engines.base import get_engine
from epistemic.engines.z3 import floor_div, floor_mod
from epistemic.worlds.z3_enumerate import enumerate_columns
from epistemic.errors import EpistemicError, TooLarge
from epistemic.language.elaborate import parse_claim
from epistemic.worlds.build import build_space
from epistemic.stages.solve import solve
from tests.paths import ROOT

PUZZLES = sorted((ROOT / "puzzles").glob("*.txt"))
CARD16 = ROOT / "puzzles" / "card16.txt"
SUM_PRODUCT = """puzzle "Sum and Product"
param n = 100
var x, y in 2..n
where x < y and x + y <= n
agent S observes x + y
agent P observes x * y
P says: not P knows (x, y)
S says: before (S knows not P knows (x, y))
P says: P knows (x, y)
S says: S knows (x, y)
answer (x, y) = (4, 13)
expect stages 2352 1747 145 86 1
"""


@pytest.fixture(scope="module")
def card16():
    return api.solve(api.load_puzzle(CARD16))


# ------------------------------------------------------------------ the engine


@pytest.mark.parametrize("path", PUZZLES, ids=lambda p: p.stem)
def test_z3_engine_matches_explicit_on_every_puzzle(path):
    puzzle = api.load_puzzle(path)
    a, b = solve(puzzle, "explicit"), solve(puzzle, "z3")
    assert [st.count for st in a.stages] == [st.count for st in b.stages]
    for x, y in zip(a.stages, b.stages):
        assert np.array_equal(x.mask, y.mask)
        assert x.knows == y.knows
    assert a.answer == b.answer
    assert b.engine == "z3"


@pytest.mark.parametrize("a", range(-7, 8))
def test_division_and_modulo_follow_arith(a):
    for b in range(-4, 5):
        assert z3.simplify(floor_div(z3.IntVal(a), z3.IntVal(b))).as_long() == apply_int("/", a, b)
        assert z3.simplify(floor_mod(z3.IntVal(a), z3.IntVal(b))).as_long() == apply_int("mod", a, b)


def test_modal_claims_agree_on_card16(card16):
    claims = ["P knows card", "Q knows whether rank = 4", "common {P, Q} knows rank != 3",
              "everyone knows suit != hearts", "distributed {P, Q} knows card", "before (Q knows not P knows card)",
              "initially P considers possible rank = 5", "[! rank = 4] Q knows card",
              "[! not P knows card] common knows whether suit = clubs", "common {P, Q} knows card"]
    explicit, smt = get_engine("explicit"), get_engine("z3")
    for text in claims:
        f, _ = parse_claim(text, card16.puzzle)
        for k in range(len(card16.stages)):
            h = card16.history(k)
            assert np.array_equal(explicit.evaluate(card16.space, h, f), smt.evaluate(card16.space, h, f)), (text, k)


# ------------------------------------------------------------------ certificates


@pytest.mark.parametrize("path", PUZZLES, ids=lambda p: p.stem)
def test_every_puzzle_is_certified(path):
    sol = api.solve(api.load_puzzle(path))
    cert = certify(sol)
    assert cert.outcome == "proved", cert
    assert cert.worlds_checked
    assert cert.line().startswith("certified by Z3 in")
    assert cert.to_dict()["proved"] is True


def test_a_wrong_answer_is_refuted(card16):
    wrong = dataclasses.replace(card16, answer=((0, 0),))  # hearts A
    cert = certify(wrong)
    assert cert.outcome == "refuted"
    assert "NOT certified" in cert.line()


def test_an_extra_answer_is_refuted(card16):
    more = dataclasses.replace(card16, answer=card16.answer + ((0, 0),))
    assert certify(more).outcome == "refuted"


def test_a_timeout_is_never_a_proof():
    # n = 200: the whole proof takes about 0.15 s, far past the 1 ms floor of Z3's timeout (at n = 50 a 30 ms proof
    # once finished before Z3 looked at its timer, on a fresh machine)
    small = api.solve(api.load_puzzle(SUM_PRODUCT.replace("expect stages 2352 1747 145 86 1", ""), {"n": 200}))
    cert = certify(small, timeout_s=1e-6)
    assert cert.outcome in ("timeout", "unknown")
    assert not cert.proved
    assert cert.seconds > 0 and "not a proof" in cert.reason


def test_too_large_is_skipped_with_a_reason(card16):
    cert = certify(card16, max_worlds=10)
    assert cert.outcome == "skipped" and "16 worlds" in cert.reason
    assert certify(card16, max_terms=10).outcome == "skipped"


def test_a_missing_world_is_found(card16):
    space = card16.space
    keep = np.arange(space.size) != 3
    from epistemic.worlds.space import space_from_columns

    partial = space_from_columns(space.puzzle, {k: v[keep] for k, v in space.columns.items()}, "table", space.size)
    sol = api.solve(card16.puzzle, space=partial)
    cert = certify(sol)
    assert cert.outcome == "refuted"


# ------------------------------------------------------------------ counterexamples


def test_counterexample_is_a_live_world_where_the_claim_fails(card16):
    explicit = get_engine("explicit")
    for k in range(len(card16.stages)):
        for text in ["P knows card", "not Q knows card", "rank != 5", "Q knows whether rank = A"]:
            res = find_counterexample(card16, k, text)
            f, _ = parse_claim(text, card16.puzzle)
            truth = explicit.evaluate(card16.space, card16.history(k), f)
            alive = card16.stages[k].mask
            if res.entailed:
                assert truth[alive].all()
            else:
                assert res.outcome == "counterexample" and alive[res.index] and not truth[res.index]


def test_counterexample_from_a_puzzle_derives_the_stages(card16):
    world = counterexample(card16.puzzle, 2, "P knows card")
    assert world is not None and set(world) == {"suit", "rank"}
    assert counterexample(card16.puzzle, 4, "Q knows card") is None
    assert counterexample(card16, None, "suit = diamonds and rank = 5") is None
    world = counterexample(card16, None, "at stage 3: rank = 5")
    assert world is not None and world["rank"] != "5"


def test_counterexample_bad_stage(card16):
    with pytest.raises(EpistemicError):
        counterexample(card16, 9, "P knows card")


# ------------------------------------------------------------------ worlds from constraints

BIG = """puzzle "five numbers"
var a, b, c, d, e in 0..40
where a <= b and b <= c and c <= d and d <= e and a + b + c + d + e = 9
agent P observes a + e
agent Q observes c
P says: not P knows (a, b, c, d, e)
ask (a, b, c, d, e)
"""


def test_z3_enumerates_when_the_product_is_too_large():
    puzzle = api.load_puzzle(BIG)
    space = build_space(puzzle)
    assert space.method == "z3" and space.raw_size == 41 ** 5
    brute = [t for t in itertools.product(range(10), repeat=5) if list(t) == sorted(t) and sum(t) == 9]
    got = list(zip(*(space.columns[v].tolist() for v in "abcde")))
    assert got == sorted(brute)
    with pytest.raises(TooLarge):
        build_space(puzzle, worlds="explicit")
    assert certify(api.solve(puzzle)).outcome == "proved"


def test_z3_worlds_match_explicit_worlds_and_order(card16):
    small = api.solve(api.load_puzzle(SUM_PRODUCT, {"n": 30}))
    for sol in (card16, small):
        cols = enumerate_columns(sol.puzzle, timeout_s=120, project_after_s=120)  # no time-based refusal here
        for name, col in sol.space.columns.items():
            assert np.array_equal(cols[name], col)


def test_z3_enumeration_limit():
    with pytest.raises(TooLarge):
        enumerate_columns(api.load_puzzle(BIG), max_worlds=5)


# ------------------------------------------------------------------ command line


def test_cli_certifies_by_default():
    from epistemic.cli.main import cli

    runner = CliRunner()
    out = runner.invoke(cli, ["solve", str(CARD16)])
    assert out.exit_code == 0 and "certified by Z3 in" in out.output
    out = runner.invoke(cli, ["solve", str(CARD16), "--no-certify"])
    assert out.exit_code == 0 and "certified" not in out.output
    out = runner.invoke(cli, ["solve", str(CARD16), "--json", "--worlds", "z3", "--engine", "z3"])
    data = json.loads(out.output)
    assert data["certificate"]["outcome"] == "proved" and data["enumeration"] == "z3" and data["engine"] == "z3"
    out = runner.invoke(cli, ["solve", str(CARD16), "--json", "--no-certify"])
    assert json.loads(out.output)["certificate"] is None
