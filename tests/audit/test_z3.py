"""Counterexamples from Z3 (`audit --z3`): a world of the claim's stage where the claim is false,
checked with the explicit engine; verdicts and labels the same as without Z3."""
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from epistemic.api import load_puzzle
from epistemic.audit import AuditContext, audit_trace
from epistemic.engines.base import get_engine
from epistemic.language.elaborate import parse_claim
from tests.paths import ROOT

pytest.importorskip("z3")

SEED = ROOT / "tests" / "data" / "audit" / "qwq_card16_zh.txt"


@pytest.fixture(scope="module")
def reports():
    ctx = AuditContext.build(load_puzzle(str(ROOT / "puzzles" / "card16.txt")))
    text = SEED.read_text(encoding="utf-8")
    return ctx, audit_trace(ctx.puzzle, text, context=ctx), audit_trace(ctx.puzzle, text, context=ctx, z3=True)


def _world_index(sol, values: dict) -> int:
    """The world with these value names, looked up in the space's columns (not taken from the auditor)."""
    hit = np.ones(sol.space.size, dtype=bool)
    for var in sol.puzzle.variables:
        code = next(c for c, v in zip(var.codes, var.values) if v.name == values[var.name])
        hit &= sol.space.columns[var.name] == code
    (index,) = np.flatnonzero(hit)
    return int(index)


def test_z3_counterexample_to_A_or_5_falsifies_it_at_its_stage(reports):
    ctx, _, with_z3 = reports
    sol = ctx.solution
    claim = next(c for c in with_z3.claims() if "即A或5" in c.claim.text and c.verdict.verdict == "false")
    cx = claim.verdict.counterexample
    # "P先生原来不知道，…，即A或5" restates P's first announcement, so the claim is judged at stage 1
    assert cx["source"] == "z3" and cx["stage"] == claim.verdict.stage == 1
    index = _world_index(sol, cx["values"])
    assert sol.stages[cx["stage"]].mask[index], "the world must be alive at the claim's stage"
    formula, _ = parse_claim(claim.formula, ctx.puzzle)
    mask = get_engine("explicit").evaluate(sol.space, sol.history(cx["stage"]), formula)
    assert not mask[index], "the claim must be false at the counterexample"


def test_every_z3_counterexample_is_genuine_and_verdicts_unchanged(reports):
    ctx, plain, with_z3 = reports
    sol, eng = ctx.solution, get_engine("explicit")
    assert plain.labels == with_z3.labels and plain.label == with_z3.label
    assert [c.verdict.verdict for c in plain.claims()] == [c.verdict.verdict for c in with_z3.claims()]
    checked = 0
    for c in with_z3.claims():
        cx = c.verdict.counterexample
        if c.verdict.verdict == "entailed" or not cx or "values" not in cx:
            continue
        assert cx["source"] == "z3"
        index = _world_index(sol, cx["values"])
        formula, _ = parse_claim(c.formula, ctx.puzzle)
        assert sol.stages[cx["stage"]].mask[index]
        assert not eng.evaluate(sol.space, sol.history(cx["stage"]), formula)[index]
        checked += 1
    assert checked >= 5


def test_default_counterexamples_stay_explicit(reports):
    _, plain, _ = reports
    assert all(c.verdict.counterexample["source"] == "explicit" for c in plain.claims()
               if c.verdict.counterexample and "values" in c.verdict.counterexample)


def test_cli_z3_flag():
    from epistemic.cli.audit import audit

    out = CliRunner().invoke(audit, [str(ROOT / "puzzles/card16.txt"), str(SEED), "--z3", "--json"])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    sources = {c["counterexample"]["source"] for c in d["claims"]
               if c["counterexample"] and "values" in c["counterexample"]}
    assert sources == {"z3"} and d["label"] == 49
