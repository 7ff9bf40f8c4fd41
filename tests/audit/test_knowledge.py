"""The auditor's knowledge tables (audit/knowledge.py) against the model checker, on every shape they handle."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from epistemic import api
from epistemic.audit.knowledge import StageTables
from epistemic.engines import get_engine
from epistemic.language import load_puzzle
from epistemic.language import syntax as s

from tests.random_puzzles import puzzle_texts
from tests.paths import ROOT



def subformulas(f):
    """f and every formula inside it (announcement bodies, knowledge bodies, connectives)."""
    yield f
    if isinstance(f, s.Not):
        yield from subformulas(f.body)
    elif isinstance(f, (s.And, s.Or)):
        for item in f.items:
            yield from subformulas(item)
    elif isinstance(f, (s.Implies, s.Iff)):
        yield from subformulas(f.left)
        yield from subformulas(f.right)
    elif isinstance(f, s.Knows) and f.mode != "value":
        yield from subformulas(f.body)
    elif isinstance(f, (s.Past, s.Possible)):
        yield from subformulas(f.body)
    elif isinstance(f, s.Announce):
        yield from subformulas(f.announcement)
        yield from subformulas(f.body)


def agree(solution, formulas) -> int:
    """How many (formula, stage) masks the tables gave; each one must equal the engine's on live worlds."""
    tables, engine, checked = StageTables.build(solution), get_engine("explicit"), 0
    for k, stage in enumerate(solution.stages):
        if not stage.mask.any():
            continue
        for f in formulas:
            mine = tables.mask(f, k)
            if mine is None:
                continue
            truth = engine.evaluate(solution.space, solution.history(k), f)
            live = stage.mask
            assert np.array_equal(mine[live], truth[live]), (f, k)
            checked += 1
    return checked


def claims_about(puzzle) -> list[s.Formula]:
    """The knowledge claims traces make: who knows which variable or tuple, knowing that others do not, the past."""
    out = []
    agents = [a.name for a in puzzle.agents]
    tuples = [tuple(s.Var(v.name) for v in puzzle.variables)] + [(s.Var(v.name),) for v in puzzle.variables]
    tuples += [(t,) for agent in puzzle.agents for t in agent.observes if isinstance(t, s.Arith)]  # "the sum"
    for a in agents:
        for terms in tuples:
            knows = s.Knows("agent", (a,), "value", terms)
            out += [knows, s.Not(knows), s.Past(s.Not(knows), 1), s.Past(knows, None)]
            for b in agents:
                out += [s.Knows("agent", (b,), "that", s.Not(knows)), s.Past(s.Knows("agent", (b,), "that", s.Not(knows)), 1)]
        var = puzzle.variables[-1]
        cond = s.Compare("=", s.Var(var.name), s.Const(var.codes[0]))
        out.append(s.Implies(cond, s.Knows("agent", (a,), "value", tuples[0])))
        out.append(s.Knows("agent", (a,), "that", s.Member(s.Var(var.name), var.codes[:2])))
    return out


@pytest.mark.parametrize("name", ["card16.txt", "cheryl.txt", "sum_product.txt", "hats.txt", "russian_cards.txt"])
def test_tables_match_the_engine_on_classic_claims(name):
    sol = api.solve(api.load_puzzle(ROOT / "puzzles" / name))
    formulas = claims_about(sol.puzzle) + [g for a in sol.puzzle.announcements for g in subformulas(a.content)]
    assert agree(sol, formulas) > 0


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(puzzle_texts())
def test_tables_match_the_engine_on_random_puzzles(text):
    sol = api.solve(load_puzzle(text))
    formulas = claims_about(sol.puzzle) + [g for a in sol.puzzle.announcements for g in subformulas(a.content)]
    agree(sol, formulas)


def judged_both_ways(solution) -> int:
    """Every claim of `claims_about` (as a record) at every stage: the judge's key path gives the verdict
    the formula path gives, or declines. Returns how many the key path judged."""
    from epistemic.audit import AuditContext
    from epistemic.audit.judge import NOT_HANDLED, Judge, Window
    from epistemic.audit.records import formula_key, record

    ctx = AuditContext.build(solution.puzzle, solution)
    judged = 0
    for f in claims_about(solution.puzzle):
        if isinstance(f, s.Past):
            continue  # the extractor marks the past on the record, not in the formula
        for past in (False, True):
            r = record("knowledge", formula_key(f), (), "", 0, 0, past)
            for stage in range(len(solution.stages)):
                keyed = Judge.build(solution).judge_keys(r, ctx.lexicon, Window(stage, stage))
                plain = Judge.build(solution)._judge(r.claim(ctx.lexicon), Window(stage, stage), r.key.formula)
                if keyed is NOT_HANDLED:
                    continue
                assert (keyed is None) == (plain is None), (f, stage)
                if keyed is not None:
                    assert (keyed.verdict, keyed.stage, keyed.shown, keyed.back, keyed.holds_at,
                            keyed.counterexample) == (plain.verdict, plain.stage, plain.shown, plain.back,
                                                      plain.holds_at, plain.counterexample), (f, stage)
                    judged += 1
    return judged


@pytest.mark.parametrize("name", ["card16.txt", "cheryl.txt", "muddy.txt"])
def test_judge_key_path_matches_the_formula_path(name):
    assert judged_both_ways(api.solve(api.load_puzzle(ROOT / "puzzles" / name))) > 0


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(puzzle_texts())
def test_judge_key_path_matches_on_random_puzzles(text):
    judged_both_ways(api.solve(load_puzzle(text)))
