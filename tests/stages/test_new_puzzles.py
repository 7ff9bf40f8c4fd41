"""The puzzles added with the symbolic engine, re-derived by a plain set-based brute force (a second method)."""
from __future__ import annotations

import itertools

import pytest

from epistemic import api
from epistemic.stages.solve import solve

from tests.paths import PUZZLES

ROOT = PUZZLES


def knows_value(worlds, see, value, w) -> bool:
    """Is value() constant over the worlds that look like w under see()? (classes grouped once per set)"""
    key = (id(worlds), see, value)
    if key not in _CLASSES:
        groups: dict = {}
        for v in worlds:
            groups.setdefault(see(v), set()).add(value(v))
        _CLASSES.clear()  # one world set at a time: ids of dead lists are never reused meanwhile
        _CLASSES[key] = (worlds, groups)
    return len(_CLASSES[key][1][see(w)]) == 1


_CLASSES: dict = {}


def stages(worlds, steps) -> list[int]:
    """Apply each step (worlds -> kept worlds) in turn; the sizes before and after each."""
    sizes = [len(worlds)]
    for step in steps:
        worlds = step(worlds)
        sizes.append(len(worlds))
    return sizes


def counts(name: str, engine: str, params=None) -> list[int]:
    return [st.count for st in solve(api.load_puzzle(ROOT / f"{name}.txt", params), engine).stages]


@pytest.mark.parametrize("engine", ["explicit", "symbolic"])
def test_what_sum(engine):
    n = 50
    worlds = [t for t in itertools.product(range(1, n + 1), repeat=3)
              if t[0] + t[1] == t[2] or t[0] + t[2] == t[1] or t[1] + t[2] == t[0]]
    others = [lambda t, i=i: tuple(x for j, x in enumerate(t) if j != i) for i in range(3)]
    own = [lambda t, i=i: t[i] for i in range(3)]
    steps = [lambda W, i=i: [w for w in W if not knows_value(W, others[i], own[i], w)] for i in range(3)]
    expected = stages(worlds, steps)
    assert expected[-1] == 330  # SMCDEL's test suite
    assert counts("what_sum", engine) == expected


@pytest.mark.parametrize("engine", ["explicit", "symbolic"])
def test_cheryls_age(engine):
    triples = [(c, b1, b2) for c in range(1, 145) for b1 in range(1, c) for b2 in range(1, b1 + 1) if c * b1 * b2 == 144]
    bus = lambda t: sum(t)  # noqa: E731
    steps = [lambda W: [w for w in W if not knows_value(W, lambda v: 0, lambda v: v[0], w)],
             lambda W: [w for w in W if not knows_value(W, bus, lambda v: v[0], w)],
             lambda W: [w for w in W if w[1] == w[2]],
             lambda W: [w for w in W if knows_value(W, bus, lambda v: v[0], w)]]
    assert counts("cheryls_age", engine) == stages(triples, steps)
    assert solve(api.load_puzzle(ROOT / "cheryls_age.txt"), engine).answer == ((9,),)


@pytest.mark.parametrize("engine", ["explicit", "symbolic"])
def test_sum_and_product_with_s_first(engine):
    n = 100
    pairs = [(x, y) for x in range(2, n + 1) for y in range(x + 1, n + 1) if x + y <= n]
    s, p = (lambda v: v[0] + v[1]), (lambda v: v[0] * v[1])
    ident = lambda v: v  # noqa: E731

    def s_knew_p_did_not(W):
        doubtful = {w for w in W if not knows_value(W, p, ident, w)}
        return [w for w in W if all(v in doubtful for v in W if s(v) == s(w))]

    steps = [s_knew_p_did_not,
             lambda W: [w for w in W if knows_value(W, p, ident, w)],
             lambda W: [w for w in W if knows_value(W, s, ident, w)]]
    assert counts("sum_product_s_first", engine) == stages(pairs, steps)
    assert solve(api.load_puzzle(ROOT / "sum_product_s_first.txt"), engine).answer == ((4, 13),)


def test_hexa_and_consecutive_numbers():
    deals = list(itertools.permutations(range(3)))
    hexa = [lambda W: [w for w in W if w[0] != 1],
            lambda W: [w for w in W if knows_value(W, lambda v: v[2], lambda v: v, w)]]
    assert counts("hexa", "symbolic") == counts("hexa", "explicit") == stages(deals, hexa)
    pairs = [(a, b) for a in range(11) for b in range(11) if abs(a - b) == 1]
    anne, bill = (lambda v: v[0]), (lambda v: v[1])
    steps = [lambda W: [w for w in W if not knows_value(W, anne, bill, w)],
             lambda W: [w for w in W if not knows_value(W, bill, anne, w)],
             lambda W: [w for w in W if knows_value(W, anne, bill, w)]]
    assert counts("consecutive", "symbolic") == counts("consecutive", "explicit") == stages(pairs, steps)
