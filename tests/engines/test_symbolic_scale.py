"""The symbolic engine's shortcuts against the long way and the explicit engine: the report at the
answer's world (witness cubes), knowing what one observes, worlds listed by cofactors; and drinking
logicians at n = 400 through `auto`."""
from __future__ import annotations

import pytest

from epistemic import api
from epistemic.engines.symbolic import SymbolicEngine
from epistemic.language import syntax as s
from epistemic.stages.solve import solve

from tests.paths import PUZZLES

ROOT = PUZZLES.parent
SHIPPED = sorted((ROOT / "puzzles").glob("*.txt"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_the_report_at_the_answer_matches_the_explicit_engine(path):
    """Forced past the counting budget, the symbolic report says who knows at the answer's world from
    witness cubes; the explicit engine says it from the agents' classes."""
    puzzle = api.load_puzzle(path)
    explicit = solve(puzzle, "explicit")
    at_answer = solve(puzzle, engine=SymbolicEngine(knows_budget=0))
    assert [st.knows_actual for st in at_answer.stages] == [st.knows_actual for st in explicit.stages]
    if explicit.stages[-1].count == 1 and puzzle.question is not None:
        assert any(st.knows_actual for st in at_answer.stages)  # the comparison is not vacuous


@pytest.mark.parametrize("n", [3, 6])
def test_knowing_what_one_observes_equals_the_quantified_box(n):
    """d[i] knows the parity of what d[i] sees: the shortcut (K φ = φ within the stage) against
    ∀(unobserved atoms). (stage → φ), at every stage of dining cryptographers."""
    puzzle = api.load_puzzle(ROOT / "puzzles" / "dining_cryptographers_n.txt", {"n": n})
    eng = SymbolicEngine()
    sol = solve(puzzle, engine=eng)
    ev = eng._evaluator(sol.space)
    history = tuple(st.mask for st in sol.stages)
    for k in range(len(history)):
        frames = history[: k + 1]
        for ann in puzzle.announcements:
            knows = ann.content
            assert isinstance(knows, s.Knows) and ev._observed_by(knows)
            phi = ev.formula(knows.body, frames)
            long_way = ev.box(knows.agents, phi, frames[-1]) & frames[-1]
            assert (ev.formula(knows, frames) & frames[-1]) == long_way


def test_knowing_what_one_does_not_observe_is_not_shortcut():
    puzzle = api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 4})
    eng = SymbolicEngine()
    ev = eng._evaluator(eng.space(puzzle))
    assert not ev._observed_by(s.Knows("agent", ("c[1]",), "whether", s.Compare("=", s.Var("m[1]"), s.Const(1))))
    assert ev._observed_by(s.Knows("agent", ("c[1]",), "whether", s.Compare("=", s.Var("m[2]"), s.Const(1))))
    assert not ev._observed_by(s.Knows("everyone", ("c[1]", "c[2]"), "whether",
                                       s.Compare("=", s.Var("m[2]"), s.Const(1))))


def test_drinking_logicians_n400_is_solved_by_auto():
    puzzle = api.load_puzzle(ROOT / "puzzles" / "drinking_logicians.txt", {"n": 400})
    sol = solve(puzzle, "auto")  # 2^400 worlds go to the symbolic engine
    assert sol.engine == "symbolic"
    assert sol.answer_text() == ["400"]
    # each "I don't know" keeps the worlds where that logician wants a beer: 2^(400 - k) after k of them
    assert [st.count for st in sol.stages] == [2 ** (400 - k) for k in range(400)] + [1]
    last = sol.stages[-1]
    assert last.knows_actual is not None and all(last.knows_actual.values())
    # after 399 "I don't know"s only the last logician knows how many want a beer (her own wish decides)
    assert sol.stages[-2].knows_actual == {f"l[{i}]": i == 400 for i in range(1, 401)}
    assert not any(sol.stages[-3].knows_actual.values())
