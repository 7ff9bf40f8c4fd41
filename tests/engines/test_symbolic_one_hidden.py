"""The symbolic engine's shortcut for knowing a value when the agent has one hidden atom
(evaluate.py, _one_hidden_atom) against the general per-bit quantification and the explicit engine."""
from __future__ import annotations

import pytest

from epistemic import api
from epistemic.engines.symbolic.evaluate import Evaluator
from epistemic.stages.solve import solve
from tests.paths import ROOT

CASES = [("muddy.txt", {"n": 6, "k": 4}, ["c[1] knows sum(m)", "c[2] knows (m[1], m[2])", "c[3] knows m[3]",
                                          "c[4] knows sum(m) - m[4]", "everyone {c[1], c[2]} knows sum(m)"]),
         ("drinking_logicians.txt", {"n": 5}, ["l[1] knows sum(b)", "l[2] knows (b[1], b[2])"])]


@pytest.mark.parametrize("name, params, claims", CASES, ids=[c[0] for c in CASES])
def test_same_worlds_as_the_explicit_engine_at_every_stage(name, params, claims):
    puzzle = api.load_puzzle(ROOT / "puzzles" / name, params)
    a, c = solve(puzzle, "explicit"), solve(puzzle, "symbolic")
    assert [(x.count, x.knows, x.knows_actual) for x in a.stages] == [(y.count, y.knows, y.knows_actual) for y in c.stages]
    for claim in claims:
        for k in range(len(a.stages)):
            x, y = api.check(a, claim, stage=k), api.check(c, claim, stage=k)
            assert (x.holds, x.total) == (y.holds, y.total), (claim, k)


def test_the_shortcut_equals_the_per_bit_quantification_within_each_stage():
    puzzle = api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 7, "k": 5})
    sol = solve(puzzle, "symbolic")
    space = sol.space
    ev = Evaluator(space)
    m = space.manager
    for k in range(len(sol.stages)):
        stage = sol.stages[k].mask
        frames = tuple(st.mask for st in sol.stages[: k + 1])
        for agent in puzzle.agents:
            hidden = space.hidden((agent.name,))
            assert len(hidden) == 1
            bits = [b for t in puzzle.question.terms for b in ev.term(t, frames).bits]
            general = m.true
            for b in bits:
                general = general & (m.box(stage, b, hidden) | m.box(stage, ~b, hidden))
            fast = ev._one_hidden_atom(hidden, bits, stage)
            assert (general & stage) == (fast & stage), (k, agent.name)
