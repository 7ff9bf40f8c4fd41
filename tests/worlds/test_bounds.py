"""Kept-worlds enumeration (worlds/bounds.py) against a plain Python enumeration of the product,
with the constraints evaluated by the language's integer semantics (language/arith.py)."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic import api
from epistemic.language.arith import apply_int, compare_int
from epistemic.worlds import bounds
from epistemic.worlds.space import enumerate_product
from epistemic.worlds.size import raw_size

SETTINGS = dict(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None)
NAMES = ("x", "y", "z")


@st.composite
def terms(draw, k: int, depth: int = 2):
    """(text, python function of the assignment) of a term over the first k variables."""
    if depth == 0 or draw(st.booleans()):
        if draw(st.booleans()):
            c = draw(st.integers(-4, 6))
            return (str(c) if c >= 0 else f"(0 - {-c})"), (lambda w, c=c: c)
        i = draw(st.integers(0, k - 1))
        return NAMES[i], (lambda w, i=i: w[i])
    op = draw(st.sampled_from(["+", "-", "*", "*", "/", "mod"]))
    (ta, fa), (tb, fb) = draw(terms(k, depth - 1)), draw(terms(k, depth - 1))
    return f"({ta} {op} {tb})", (lambda w, op=op, fa=fa, fb=fb: apply_int(op, fa(w), fb(w)))


@st.composite
def puzzles(draw):
    k = draw(st.integers(2, 3))
    ranges = [sorted((draw(st.integers(-4, 6)), draw(st.integers(-4, 6)))) for _ in range(k)]
    constraints = []
    for _ in range(draw(st.integers(1, 3))):
        (ta, fa), (tb, fb) = draw(terms(k)), draw(terms(k))
        op = draw(st.sampled_from(["<", "<=", ">", ">=", "=", "!="]))
        constraints.append((f"{ta} {op} {tb}", lambda w, op=op, fa=fa, fb=fb: compare_int(op, fa(w), fb(w))))
    text = "puzzle \"t\"\n" + "".join(f"var {NAMES[i]} in {lo}..{hi}\n" for i, (lo, hi) in enumerate(ranges))
    text += "where " + " and ".join(c for c, _ in constraints) + "\n"
    text += "agent A observes x\n"
    worlds = [w for w in itertools.product(*(range(lo, hi + 1) for lo, hi in ranges))
              if all(f(w) for _, f in constraints)]
    return text, k, worlds


@settings(max_examples=300, **SETTINGS)
@given(puzzles())
def test_enumeration_equals_the_python_product_and_filter(case):
    text, k, worlds = case
    puzzle = api.load_puzzle(text)
    space = enumerate_product(puzzle, raw_size(puzzle))
    got = list(zip(*(space.columns[NAMES[i]].tolist() for i in range(k))))
    assert got == worlds, text
    assert space.cache["distinct worlds"] and len(set(got)) == len(got)  # the flag the explicit engine trusts


def test_sum_and_product_is_bounded_and_division_is_not():
    puzzle = api.load_puzzle("puzzle \"t\"\nvar x, y in 2..100\nwhere x < y and x + y <= 100\nagent A observes x\n")
    b = [bounds.bound_on(f, "y") for f in bounds.conjuncts(puzzle.constraints)]
    assert [x.op for x in b] == [">", "<="]
    assert bounds.bound_on(api.load_puzzle("puzzle \"t\"\nvar x, y in 2..9\nwhere y / 2 < x\nagent A observes x\n")
                           .constraints[0], "y") is None
    assert bounds.bound_on(api.load_puzzle("puzzle \"t\"\nvar x, y in 2..9\nwhere 2 * y < x\nagent A observes x\n")
                           .constraints[0], "y") is None  # coefficient 2: not an interval step of one
