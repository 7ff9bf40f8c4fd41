"""The elaborator estimates an expansion before doing it: large puzzles are refused in milliseconds, the
estimate agrees with the items actually expanded, and an inner range that does not mention an outer
index is expanded once and shared."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings, strategies as st

from epistemic import api
from epistemic.errors import EpistemicError
from epistemic.language import parse_claim
from epistemic.language import syntax as s
from epistemic.language.elaborate import Elaborator
from epistemic.language.parse import parse_text

from tests.paths import ROOT

MUDDY = ROOT / "puzzles" / "muddy.txt"
DRINKING = ROOT / "puzzles" / "drinking_logicians.txt"


def elaborate(text: str, params: dict | None = None) -> tuple[s.Puzzle, Elaborator, int]:
    """The puzzle, its elaborator (with the items it counted) and the estimate made before pass 2."""
    elab = Elaborator(text, "<t>", dict(params or {}))
    estimates = []
    check = elab.check_expansion

    def spy(trees, env):
        estimates.append(elab.expanded + elab.expansions.estimate(trees, env).items)
        check(trees, env)

    elab.check_expansion = spy
    puzzle = elab.puzzle(parse_text(text, "<t>"))
    return puzzle, elab, estimates[0]


def test_muddy_children_n1000_is_refused_in_well_under_a_second():
    start = time.process_time()
    with pytest.raises(EpistemicError) as err:
        api.load_puzzle(MUDDY, {"n": 1000})
    assert time.process_time() - start < 0.5
    message = str(err.value)
    assert "expands to more than" in message and "1,00" in message and "MB" in message
    assert err.value.location is not None and err.value.location.line == 9  # the agent family's line


def test_drinking_logicians_n400_is_accepted_and_shares_the_inner_range():
    start = time.process_time()
    puzzle = api.load_puzzle(DRINKING, {"n": 400})
    assert time.process_time() - start < 1.0
    assert len(puzzle.announcements) == 400
    # "all j in 1..n: b[j]" does not mention i: one formula object for all 399 announcements
    inner = {id(a.said.body.body) for a in puzzle.announcements[:-1]}
    assert len(inner) == 1
    assert len(puzzle.announcements[0].said.body.body.items) == 400


SHAPES = [
    # (text body, params): ranges nested, dependent, invariant, in calls, agents, `for` and `repeat`
    ("for i in 1..n: announce: all j in 1..n: b[j] or b[i]", {"n": 7}),
    ("for i in 1..n: announce: all j in 1..i: b[j]", {"n": 9}),
    ("for i in 1..n: announce: not l[i] knows whether (all j in 1..n: b[j])", {"n": 8}),
    ("repeat n: announce: all i in 1..n: not l[i] knows whether b[i]", {"n": 5}),
    ("announce: sum(b[j] for j in 1..n) >= any_k", {"n": 6}),
    ("for i in 2..n: announce: sum(b[j] for j in 1..i) >= 1", {"n": 6}),
]


@pytest.mark.parametrize("body, params", SHAPES)
def test_the_estimate_is_the_count_for_affine_ranges(body, params):
    text = ("puzzle \"t\"\nparam n = 3\nparam any_k = 1\nvar b[1..n]: bool\n"
            "agent l[i] for i in 1..n observes b[i]\n" + body + "\n")
    puzzle, elab, estimate = elaborate(text, params)
    assert estimate == elab.expanded
    assert puzzle.announcements


@pytest.mark.parametrize("n", [3, 6, 11])
def test_the_estimate_bounds_the_count_for_curved_ranges(n):
    """A body whose size is quadratic (concave here) in the index: the middle binding keeps it a bound."""
    text = ("puzzle \"t\"\nparam n = 3\nvar b[1..n]: bool\nagent l[i] for i in 1..n observes b[i]\n"
            "for i in 1..n: announce: any j in i..n: all k in 1..j: b[k] or b[i]\n")
    _, elab, estimate = elaborate(text, {"n": n})
    assert elab.expanded <= estimate <= 1.2 * elab.expanded


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 12), m=st.integers(1, 12), shift=st.integers(0, 3), cond=st.booleans())
def test_the_estimate_bounds_the_count(n, m, shift, cond):
    """Never below the count (so nothing large slips past it): `if` filters are not applied (every binding
    counts), and an inner range shared through a middle index (`any k in j..` under `all j`) is counted
    per outer binding, so here it may be above."""
    text = ("puzzle \"t\"\nparam n = 3\nparam m = 3\nvar b[1..n]: bool\n"
            f"agent l[i] for i in 1..n observes b[j] for j in 1..n{' if j != i' if cond else ''}\n"
            f"for i in 1..m: announce: all j in 1..i + {shift}: any k in j..n + {shift}: b[(k mod n) + 1]\n")
    _, elab, estimate = elaborate(text, {"n": n, "m": m})
    assert elab.expanded <= estimate


def test_a_claim_is_estimated_before_it_is_expanded():
    puzzle = api.load_puzzle(MUDDY, {"n": 3})
    start = time.process_time()
    with pytest.raises(EpistemicError, match="expands to more than"):
        parse_claim("all i in 1..90000: all j in 1..90000: i = j", puzzle)
    assert time.process_time() - start < 0.5


def test_the_quick_range_scan_agrees_with_the_index():
    """`_has_range` answers False from a scan without names; where it indexes, the index says the same."""
    from epistemic.language.lark_parser import Tree

    from epistemic.language.expansion import Expansions, _mentions_range

    checked = 0
    for path in sorted((ROOT / "puzzles").glob("*.txt")):
        tree = parse_text(path.read_text(encoding="utf-8"), str(path))
        index = Expansions(lambda t, env: 0, {})
        for node in tree.iter_subtrees():
            index._index(node)
            assert _mentions_range(node) == index._ranges[id(node)][1]
            assert Expansions(lambda t, env: 0, {})._has_range(node) == index._ranges[id(node)][1]
            checked += isinstance(node, Tree)
    assert checked > 1000
