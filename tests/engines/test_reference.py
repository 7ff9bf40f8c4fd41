"""The numpy engine, in both of its layouts, against the plain reference checker on random puzzles."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from epistemic.engines import explicit
from epistemic.language import load_puzzle
from epistemic.stages.solve import solve

from tests.random_puzzles import puzzle_texts
from epistemic.engines.reference import stages as reference_stages


def _stage_sets(sol) -> list[set[tuple[int, ...]]]:
    names = [v.name for v in sol.puzzle.variables]
    rows = list(zip(*(sol.space.columns[n].tolist() for n in names)))
    return [{rows[i] for i in np.flatnonzero(st.mask)} for st in sol.stages]


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(puzzle_texts())
def test_explicit_layouts_and_reference_agree(text):
    puzzle = load_puzzle(text)
    worlds, history = reference_stages(puzzle)
    names = [v.name for v in puzzle.variables]
    want = [{tuple(worlds[i][n] for n in names) for i in model} for model in history]
    for threshold in (0.0, 2.0):  # 0.0: always full-length arrays; 2.0: always compacted
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(explicit, "COMPACT_BELOW", threshold)
            got = _stage_sets(solve(puzzle))
        assert got[: len(want)] == want, text


def test_nested_announcement_inside_a_compact_model():
    """[!φ]ψ evaluated where the current model is already small (a regression: stale memo entries)."""
    text = '''puzzle "nested"
worlds w(a, b):
  (0, 0) (0, 1) (1, 0) (1, 1) (2, 0) (2, 1) (3, 0) (3, 1)
agent A observes a
agent B observes b
announce: a <= 1
announce: [! b = 1] (A knows b and [! a = 0] B knows a)
announce: [! a = 1] (before (B knows whether a = 1) or initially (A knows a))
ask (a, b)
'''
    puzzle = load_puzzle(text)
    worlds, history = reference_stages(puzzle)
    names = [v.name for v in puzzle.variables]
    want = [{tuple(worlds[i][n] for n in names) for i in model} for model in history]
    for threshold in (0.0, 2.0):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(explicit, "COMPACT_BELOW", threshold)
            assert _stage_sets(solve(puzzle)) == want
