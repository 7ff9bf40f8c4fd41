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


def test_an_agents_knowledge_in_one_case_of_the_term_it_observes(ctx):
    def case(sentence):
        return [r for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "case knowledge"]
    (r,) = case("So P with 30 knows it's 5 and 6.")
    assert r.certain and r.key.formula[1] == ("Compare", "=", ("Arith", "*", ("Var", "x"), ("Var", "y")), ("Const", 30))
    (r,) = case("S with 11 can't know.")
    assert r.certain and r.key.formula[2][0] == "Not"
    assert case("S with 11 knew.") == []  # knew that P could not know: S's first statement
    assert all(not r.certain for r in case("If P with 30 knew the numbers, S would be wrong."))


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([12, 18, 24, 28, 30, 40, 42, 52, 60, 66, 70, 72, 76, 112, 130]), st.integers(1, 3))
def test_case_knowledge_verdicts_match_counting_the_live_pairs(ctx, n, stage):
    """At a stage where some pair has product n, "P with n knows" holds exactly when one live pair has it."""
    (r,) = [r for r in extract_records(ctx.lexicon, f"So P with {n} knows.", False, ClaimMemo())
            if r.kind == "case knowledge"]
    sol = ctx.solution
    live = sol.stages[stage].mask
    xs, ys = sol.space.columns["x"][live], sol.space.columns["y"][live]
    pairs = {(int(a), int(b)) for a, b in zip(xs, ys) if a * b == n}
    if not pairs:
        return  # judged where the case was last possible instead
    verdict, _ = ctx.judge.audit(r, Window(stage, stage), ctx.lexicon)
    assert (verdict.verdict == "entailed") == (len(pairs) == 1), (n, stage, pairs, verdict.verdict)
