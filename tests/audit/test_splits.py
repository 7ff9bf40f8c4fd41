"""Unique-split claims ("54 = 2 × 27 is the only factorization"): how they are read, and their verdicts checked
against a plain enumeration of the puzzle's domain."""
import pytest
from hypothesis import given, settings, strategies as st

from epistemic import api
from epistemic.audit import AuditContext, audit_trace
from epistemic.audit.claims import ClaimMemo, extract_records
from epistemic.audit.verdicts import Window
from tests.paths import ROOT


@pytest.fixture(scope="module")
def ctx():
    return AuditContext.build(api.load_puzzle(ROOT / "puzzles" / "sum_product.txt"))


def splits(ctx, sentence):
    return [r for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "split"]


@pytest.mark.parametrize("sentence", [
    "54 = 2 × 27 is its only admissible factorization, so P would know.",
    "So 124 can only be 4 × 31, and P would know.",
    "124 can only be written as 4 × 31.",
    "28 = 4 · 7 only, which P would decode.",
    "124 = 4 × 31 can only be factored that way.",
    "30只能分解为5×6，P会直接知道。",
])
def test_a_unique_split_is_read_with_certainty(ctx, sentence):
    (r,) = splits(ctx, sentence)
    assert r.certain


@pytest.mark.parametrize("sentence", [
    "52 = 4 × 13 is the only split left.",  # a stage's pairs, not the domain's
    "52 = 2 × 26 only offers 28 as an alternative.",
    "30 = 5 × 6 is not the only factorization.",
    "If 54 = 2 × 27 were the only factorization, P would know.",
    "For 17 the only pair whose sum is in the list: 52 = 4 × 13 only.",
    "54 = 2 × 28 is the only factorization.",  # a slip: the arithmetic reading judges it
])
def test_no_unique_split_where_the_pairs_are_qualified_or_the_sum_is_wrong(ctx, sentence):
    assert splits(ctx, sentence) == []


def test_a_false_unique_split_makes_its_step_wrong(ctx):
    trace = "P doesn't know the numbers.\n\nFor 29: 54 = 2 × 27 is the only factorization, so P would know; 29 is out."
    r = audit_trace(ctx.puzzle, trace, context=ctx)
    assert r.labels[1] == -1 and r.label == 1
    ok = "P doesn't know the numbers.\n\nFor 31: 58 = 2 × 29 is the only factorization, so P would know; 31 is out."
    assert audit_trace(ctx.puzzle, ok, context=ctx).label == -1


def _domain_pairs(n: int, product: bool) -> list[tuple[int, int]]:
    return [(x, y) for x in range(2, 101) for y in range(x + 1, 101) if x + y <= 100 and (x * y if product else x + y) == n]


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 60), st.integers(2, 60), st.booleans())
def test_unique_split_verdicts_match_a_plain_enumeration(ctx, a, b, product):
    n = a * b if product else a + b
    op = "×" if product else "+"
    (r,) = splits(ctx, f"{n} = {a} {op} {b} is the only way.")
    verdict, _ = ctx.judge.audit(r, Window(0, 0), ctx.lexicon)
    assert (verdict.verdict == "entailed") == (_domain_pairs(n, product) == [(min(a, b), max(a, b))])
