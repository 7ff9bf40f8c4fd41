"""Differential tests: the explicit, Z3 and symbolic engines agree on every stage of random puzzles."""
from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic import api
from epistemic.engines.base import get_engine
from epistemic.language.elaborate import parse_claim
from epistemic.stages.solve import solve

from tests.random_puzzles import claims, puzzle_texts

EXPLICIT = get_engine("explicit")
Z3 = get_engine("z3")
SYMBOLIC = get_engine("symbolic")
SETTINGS = dict(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def disagreements(text: str, extra: list[str] = ()) -> list[str]:
    """Where the three engines differ on a puzzle text (stages, who knows, answer, lints, extra claims)."""
    puzzle = api.load_puzzle(text)
    a, b, c = solve(puzzle, EXPLICIT), solve(puzzle, Z3), solve(puzzle, SYMBOLIC)
    out = symbolic_disagreements(a, c, extra)
    if len(a.stages) != len(b.stages):
        out.append(f"stage count {len(a.stages)} vs {len(b.stages)}")
    for x, y in zip(a.stages, b.stages):
        if not np.array_equal(x.mask, y.mask):
            out.append(f"stage {x.index}: {x.count} vs {y.count} worlds")
        if x.knows != y.knows:
            out.append(f"stage {x.index}: knows {x.knows} vs {y.knows}")
    if a.answer != b.answer:
        out.append(f"answer {a.answer} vs {b.answer}")
    if [l.message for l in a.lints] != [l.message for l in b.lints]:
        out.append("lints differ")
    for claim in extra:
        f, _ = parse_claim(claim, puzzle)
        for k in range(len(a.stages)):
            history = a.history(k)
            if not np.array_equal(EXPLICIT.evaluate(a.space, history, f), Z3.evaluate(a.space, history, f)):
                out.append(f"claim {claim!r} at stage {k}")
    return out


def _members(space, sym_space, worlds) -> np.ndarray:
    """A symbolic set of worlds as a mask over the explicit space (membership, world by world)."""
    return np.array([SYMBOLIC.holds_at(sym_space, worlds, space.world(i)) for i in range(space.size)], dtype=bool)


def symbolic_disagreements(a, c, extra) -> list[str]:
    """Where the symbolic solution c differs from the explicit solution a."""
    out = []
    if len(a.stages) != len(c.stages):
        return [f"symbolic stage count {len(a.stages)} vs {len(c.stages)}"]
    for x, y in zip(a.stages, c.stages):
        if not np.array_equal(x.mask, _members(a.space, c.space, y.mask)):
            out.append(f"symbolic stage {x.index}: {x.count} vs {y.count} worlds")
        if (x.knows, x.knows_actual) != (y.knows, y.knows_actual):
            out.append(f"symbolic stage {x.index}: knows {x.knows} vs {y.knows}")
    if set(a.answer) != set(c.answer):
        out.append(f"symbolic answer {a.answer} vs {c.answer}")
    if [l.message for l in a.lints] != [l.message for l in c.lints]:
        out.append("symbolic lints differ")
    for claim in extra:
        f, _ = parse_claim(claim, a.puzzle)
        for k in range(len(a.stages)):
            truth = SYMBOLIC.evaluate(c.space, c.history(k), f)
            if not np.array_equal(EXPLICIT.evaluate(a.space, a.history(k), f), _members(a.space, c.space, truth)):
                out.append(f"symbolic claim {claim!r} at stage {k}")
    return out


@settings(max_examples=300, **SETTINGS)
@given(puzzle_texts(), st.lists(claims(), max_size=1))
def test_engines_agree_on_random_puzzles(text, extra):
    assert disagreements(text, extra) == [], text


@settings(max_examples=60, **SETTINGS)
@given(puzzle_texts(max_worlds=40))
def test_certificates_prove_the_explicit_answers_of_random_puzzles(text):
    """Z3 re-derives every stage symbolically (rank-encoded common knowledge included)."""
    from epistemic.certify.certificate import certify

    cert = certify(solve(api.load_puzzle(text), EXPLICIT))
    assert cert.outcome == "proved", (cert, text)
