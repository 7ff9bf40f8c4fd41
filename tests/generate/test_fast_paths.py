"""The generator's fast paths against the slower ones they replace: it solves with the small engine and
checks necessity over that engine's bitsets; the numpy engine, and a fresh solve of each puzzle with a
unit dropped, must agree on generated puzzles of every family."""
from __future__ import annotations

import dataclasses

import pytest

from epistemic.generate import FAMILIES, generate
from epistemic.generate.units import announcement_units, without
from epistemic.generate.verify import necessity
from epistemic.language.elaborate import load_puzzle
from epistemic.stages.solve import solve


def necessary_by_resolving(solution) -> tuple[bool, ...]:
    """Each unit's necessity the slow way: drop it, solve the whole puzzle again with the numpy engine."""
    puzzle = solution.puzzle
    out = []
    for unit in announcement_units(puzzle.announcements):
        rest = dataclasses.replace(puzzle, announcements=without(puzzle.announcements, unit))
        again = solve(rest, engine="explicit")
        same = again.complete and again.stages[-1].count > 0 and again.answer == solution.answer
        out.append(not same)
    return tuple(out)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_necessity_and_answer_agree_between_the_small_and_the_numpy_engine(family):
    items, _ = generate(family, 5, seed=33, use_z3=False)
    for item in items:
        small = item.verified.solution
        assert small.engine == "small"  # what the generator solves with
        numpy = solve(load_puzzle(item.text), engine="explicit")
        assert numpy.answer == small.answer
        assert [st.count for st in numpy.stages] == [st.count for st in small.stages]
        assert necessity(numpy) == necessity(small) == item.verified.necessary
        assert necessary_by_resolving(numpy) == item.verified.necessary


@pytest.mark.parametrize("family", ["cards", "birthdays", "muddy"])
def test_unnecessary_units_are_found_by_both_engines(family):
    """The last line said twice: one of the two copies is not necessary, and both ways must say which."""
    items, _ = generate(family, 3, seed=8, use_z3=False)
    for item in items:
        puzzle = item.verified.solution.puzzle
        twice = dataclasses.replace(puzzle, announcements=puzzle.announcements + puzzle.announcements[-1:])
        small, numpy = solve(twice, engine="small"), solve(twice, engine="explicit")
        expected = necessary_by_resolving(numpy)
        assert not all(expected)
        assert necessity(small) == necessity(numpy) == expected


def _slow_paths(monkeypatch):
    """The generator as it was: the whole text parsed at once, the numpy engine, Z3 through the z3 package."""
    import epistemic.generate.verify as verify
    from epistemic.language import elaborate

    monkeypatch.setattr(verify, "load_puzzle", lambda text, file, by_line=False: elaborate.load_puzzle(text, file))
    monkeypatch.setattr(verify, "solve", lambda puzzle, engine="explicit": solve(puzzle, engine="explicit"))
    monkeypatch.setattr("epistemic.certify.z3_text._library", lambda: None)


@pytest.mark.parametrize("family", ["cards", "birthdays", "muddy", "sum_product"])
def test_the_fast_paths_make_the_same_records_as_the_slow_ones(family, monkeypatch):
    """Same seed, same records (text, answer, stages, certificate, key, ...), item for item."""
    fast, _ = generate(family, 4, seed=13, use_z3=True)
    _slow_paths(monkeypatch)
    slow, _ = generate(family, 4, seed=13, use_z3=True)
    assert slow[0].verified.solution.engine == "explicit" and fast[0].verified.solution.engine == "small"
    assert [item.to_dict() for item in fast] == [item.to_dict() for item in slow]
