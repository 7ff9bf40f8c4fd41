"""Lists of an observed term's values ("the candidate sums are 11, 17, …") name each value as still possible."""
import pytest

from epistemic.audit import audit_trace

OPENING = "P says he doesn't know the numbers.\n\nS says he knew P didn't know.\n\n"
RIGHT = "11, 17, 23, 27, 29, 35, 37, 41, 47, 53"
KEPT = "11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53"  # 51 = 17 + 34: 578 has one factorisation, S's statement drops it


def _candidates(report):
    return [c for c in report.claims() if c.record.kind == "candidates"]


@pytest.mark.parametrize("sentence", ["So S's sum is in {{{}}}.", "The candidate sums are therefore {}.",
                                      "So the possible sums are {}.", "So S's sum must be one of {}."])
def test_a_list_of_sums_after_ss_statement_is_exact(ctxs, sentence):
    ctx = ctxs("sum_product.txt")
    kept = audit_trace(ctx.puzzle, OPENING + sentence.format(KEPT), context=ctx)
    found = _candidates(kept)
    assert found and found[0].verdict.verdict == "false" and found[0].verdict.earlier is None
    assert found[0].verdict.counterexample["missing"] == "x + y = 51"
    assert kept.label == 2
    right = audit_trace(ctx.puzzle, OPENING + sentence.format(RIGHT), context=ctx)
    assert [c.verdict.verdict for c in _candidates(right)] == ["entailed"] and right.label == -1


def test_sums_named_as_a_class_are_no_bound_of_the_sum(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, OPENING + "This excludes sums that are a sum of two primes, sums ≥ 55, and 51.",
                         context=ctx)
    assert not [c for c in report.claims() if c.record.kind == "term bound" and c.verdict.verdict == "false"]


def test_an_exact_set_held_earlier_only_when_it_was_that_stages_set(ctxs):
    """A list with a value gone after S's statement is no restatement of P's stage unless it was P's stage's set."""
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, OPENING + f"So S's sum is in {{{KEPT}}}.", context=ctx)
    assert _candidates(report)[0].verdict.earlier is None


def test_a_slip_inside_a_gloss_and_a_pair_still_a_candidate(ctxs):
    ctx = ctxs("sum_product.txt")
    slip = audit_trace(ctx.puzzle, "P says he doesn't know.\n\n(35 − 2 = 31 is prime, so 35 is out)", context=ctx)
    assert [(c.formula, c.verdict.verdict) for c in slip.claims() if c.record.kind == "arithmetic"] == \
        [("35 - 2 = 31", "false")]
    split = audit_trace(ctx.puzzle, "P says he doesn't know.\n\nThe splits of 23 are ambiguous (2·21 = 23).", context=ctx)
    assert not [c for c in split.claims() if c.record.kind == "arithmetic" and c.verdict.verdict == "false" and
                c.record.certain]
    kept = audit_trace(ctx.puzzle, "P says he doesn't know.\n\nSo (7, 7) is still a candidate.", context=ctx)
    assert [(c.record.kind, c.verdict.verdict) for c in kept.claims()][-1] == ("possible", "false")


def test_the_only_card_meeting_the_conditions_is_a_candidate_claim(ctxs):
    """The real ChatGPT trace's "通过这样的推理，唯一符合条件的牌是 **草花 Q**": 这样的 qualifies the reasoning, not the card."""
    ctx = ctxs("card16.txt")
    report = audit_trace(ctx.puzzle, "P说他不知道。\n\n通过这样的推理，唯一符合条件的牌是 **草花 Q**。", context=ctx)
    assert [(c.record.kind, c.record.reading, c.verdict.verdict) for c in report.claims()][-1] == \
        ("candidates", "value list", "false")
