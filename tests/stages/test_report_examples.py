"""The report lists only about as many example worlds as fit on its line: the line is the same as
when SHOW_WORLDS worlds are listed and cut to fit."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from epistemic import api
from epistemic.stages.report import LINE_WIDTH, SHOW_WORLDS, _examples, _fit
from epistemic.stages.solve import solve
from tests.paths import PUZZLES as PUZZLE_DIR
from tests.random_puzzles import puzzle_texts

SETTINGS = dict(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _same_lines(sol):
    for st in sol.stages:
        if st.count:
            assert _fit(_examples(sol, st), LINE_WIDTH) == _fit(sol.worlds(st.index, SHOW_WORLDS), LINE_WIDTH), st.index


@pytest.mark.parametrize("path", sorted(PUZZLE_DIR.glob("*.txt")), ids=lambda p: p.stem)
def test_every_puzzle(path):
    _same_lines(api.solve(api.load_puzzle(path)))


@pytest.mark.parametrize("name, params, engine", [("muddy.txt", {"n": 12, "k": 5}, "symbolic"),
                                                  ("sum_product.txt", {"bound": 60}, "explicit"),
                                                  ("sum_product.txt", {"bound": 60}, "small")])
def test_other_sizes_and_engines(name, params, engine):
    _same_lines(solve(api.load_puzzle(PUZZLE_DIR / name, params), engine))


@settings(max_examples=30, **SETTINGS)
@given(puzzle_texts(max_worlds=60))
def test_random_puzzles(text):
    _same_lines(solve(api.load_puzzle(text)))


def test_more_are_listed_while_every_one_fits():
    """A long first label and short ones after it: the first guess is too few, and more are asked for."""
    from types import SimpleNamespace

    labels = ["x" * 30] + [f"w{i}" for i in range(40)]
    asked = []

    def worlds(index, limit):
        asked.append(limit)
        return labels[:limit]

    sol = SimpleNamespace(worlds=worlds)
    st = SimpleNamespace(index=0, count=len(labels))
    assert _fit(_examples(sol, st), LINE_WIDTH) == _fit(labels[:SHOW_WORLDS], LINE_WIDTH)
    assert asked[:2] == [1, 4] and asked[-1] == SHOW_WORLDS
