"""Claims the trace dates itself ("after P's first statement we already know …"): the stage an "after …" phrase
names, and that such a claim is judged there alone, premature by the trace's own words when it holds only later."""

import pytest

from epistemic.audit import audit_trace
from epistemic.audit.anchors import anchor_stage
from epistemic.audit.claims import ClaimMemo, extract_records


def anchor(ctx, sentence: str) -> int | None:
    return anchor_stage(ctx.aligner, sentence, 0, len(sentence))


@pytest.mark.parametrize("puzzle, params, sentence, stage", [
    ("cheryl_cam.txt", None, "这样一来，阿里说完第一句话后，波就已经能确定纪念日了", 1),
    ("cheryl_cam.txt", None, "After Ali's first statement, Bo knows the date.", 1),
    ("cheryl_cam.txt", None, "after Bo's statement the date is July 16", 2),
    ("sum_product.txt", None, "after P's second statement, the product must be 52", 3),
    ("sum_product.txt", None, "Therefore, right after this first statement we already know the sum is odd", 1),
    ("sum_product.txt", None, "所以P说完“现在我能确定了”之后，这两个数就已经确定是4和13了。", 3),
    ("sum_product.txt", None, "after P's first statement and S's reply, the sum is 17", 2),  # the latest of two
    ("muddy.txt", {"n": 4, "k": 3}, "So after the second silence we already know that three are muddy.", 3),
    ("muddy.txt", {"n": 4, "k": 3}, "第一轮沉默后，至少两个孩子有泥", 2),
    ("muddy.txt", None, "after the first silence every child can reason", 2),  # one silent round only (k = 2)
])
def test_an_after_phrase_names_its_announcement(ctxs, puzzle, params, sentence, stage):
    assert anchor(ctxs(puzzle, params), sentence) == stage


@pytest.mark.parametrize("puzzle, sentence", [
    ("sum_product.txt", "after S's remark we know x + y = 17"),  # S has two remarks: which one is not said
    ("card16.txt", "The card is a heart until after Q's statement"),
    ("muddy.txt", "Silence means none is alone (a lone muddy child would know after the father spoke)"),  # an aside
    ("cheryl.txt", "The month is July, as Albert says after Bernard's statement."),  # after the claim
    ("cheryl.txt", "Albert's month is July."),
])
def test_no_anchor_where_none_is_named_before_the_claim(ctxs, puzzle, sentence):
    ctx = ctxs(puzzle)
    end = sentence.find(",") if "as Albert" in sentence else len(sentence)
    assert anchor_stage(ctx.aligner, sentence, 0, end) is None


def test_a_dated_claim_that_holds_only_later_is_an_error(ctxs):
    ctx = ctxs("sum_product.txt")
    lines = ["P says he cannot determine the numbers.",
             "S says he knew that. So after S's first statement the product must be 52.",
             "P now knows, and then S knows too. The numbers are 4 and 13."]
    report = audit_trace(ctx.puzzle, "\n\n".join(lines), context=ctx)
    assert report.label == 1
    (claim,) = [c for c in report.steps[1].claims if c.anchored]
    assert claim.verdict.verdict == "premature" and claim.evidence == "strong"
    right = "\n\n".join([lines[0], "S says he knew that. So after S's first statement the sum must be odd.", lines[2]])
    assert audit_trace(ctx.puzzle, right, context=ctx).label == -1


def test_a_dated_claim_is_not_judged_at_a_later_stage_the_step_reaches(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    trace = ("Ali doesn't know and knows Bo doesn't know, so April and June are out.\n\n"
             "这样一来，阿里说完第一句话后，波就已经能确定纪念日了。然后波说他知道了，阿里也知道了。")
    report = audit_trace(ctx.puzzle, trace, context=ctx)
    assert report.label == 1


def test_already_marks_a_premature_conclusion_as_the_traces_own(ctxs):
    ctx = ctxs("card16.txt")
    trace = ("P says he doesn't know the card, so the rank is A, Q, 4 or 5.\n\n"
             "At this point we already know the card is a heart or a diamond.\n\n"
             "Q says he knew P didn't know, so the suit is hearts or diamonds. P now knows, so it is ♥Q.")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == 1


def test_knowing_a_fact_about_a_value_is_not_knowing_the_value(ctxs):
    ctx = ctxs("sum_product.txt")

    def knowledge(sentence):
        return [r for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "knowledge"]
    assert knowledge("P knows the sum is in that list of ten.") == []
    assert len(knowledge("P knows the sum is 17.")) == 1
    assert len(knowledge("P knows the sum.")) == 1


def test_can_already_is_knowledge_now(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    for sentence in ("波已经能确定日期了。", "So Bo can already pin down the date."):
        (r,) = [r for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "knowledge"]
        assert r.certain


# ---------------------------------------------------------------- eliminations credited to a statement


def credit(ctx, sentence, current=1):
    from epistemic.audit.anchors import credit_stage
    return credit_stage(ctx.aligner, sentence, 0, len(sentence), current)


@pytest.mark.parametrize("puzzle, sentence, current, stages", [
    ("card16.txt", "P's first statement eliminates J, 8, 2, 7, 3, K and 6.", 0, (1,)),
    ("card16.txt", "Q's statement therefore rules out spades, clubs and both aces.", 1, (2, 4)),  # Q's just next
    ("card16.txt", "So the aces are eliminated by Q's statement.", 3, (4, 2)),
    ("cheryl_cam.txt", "Bo's statement also disposes of July 16 and July 17.", 1, (2,)),
    ("muddy.txt", "The first silence rules out one muddy child.", 1, (2,)),
    ("card16.txt", "This rules out J and 8.", 1, None),  # no statement named
    ("cheryl_cam.txt", "阿里听说波知道了，就排除3月19日", 3, None),  # an event, not a statement
])
def test_an_elimination_is_credited_to_the_statement_its_subject_names(ctxs, puzzle, sentence, current, stages):
    assert credit(ctxs(puzzle), sentence, current) == stages


def test_of_several_credits_in_a_sentence_the_nearest_one_counts(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    s = "The first silence rules out a single muddy child, the second rules out exactly two."
    assert credit(ctx, s, 3) is None  # "the second" names no statement by itself
    assert credit(ctx, s[:s.index(",")], 3) == (2,)


@pytest.mark.parametrize("puzzle, trace, label", [
    # the aces go with P's second statement: crediting Q's is premature
    ("card16.txt", "P doesn't know, so the rank is A, Q, 4 or 5.\n\n"
                   "Q's statement therefore rules out spades, clubs and both aces.", 1),
    ("card16.txt", "P doesn't know, so the rank is A, Q, 4 or 5.\n\nQ's statement rules out spades and clubs.", -1),
    # the 14s are still possible after Albert's statement: Bernard's removes them
    ("cheryl.txt", "Albert doesn't know and knows Bernard doesn't, so May and June are out.\n\n"
                   "Albert's statement also rules out July 14 and August 14.", 1),
    # May 19 went with May, at Albert's statement: Bernard's cannot remove it again
    ("cheryl.txt", "Albert doesn't know and knows Bernard doesn't, so May and June are out.\n\n"
                   "Bernard says he now knows. Bernard's statement eliminates May 19.", 1),
    ("cheryl.txt", "Albert doesn't know and knows Bernard doesn't, so May and June are out.\n\n"
                   "Bernard says he now knows. Bernard's statement eliminates July 14 and August 14.", -1),
])
def test_a_credited_elimination_must_be_that_statements_work(ctxs, puzzle, trace, label):
    assert audit_trace(ctxs(puzzle).puzzle, trace, context=ctxs(puzzle)).label == label


def test_either_statement_of_a_speaker_may_be_credited(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    trace = ("Ali doesn't know and is sure Bo doesn't, so April and June are out.\n\nBo now knows.\n\n"
             "Ali now knows. Checking March 18: Ali's statement rules out April, so Bo knows.")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == -1


def test_the_fathers_statement_names_the_first_labelled_announcement(ctxs):
    ctx = ctxs("muddy.txt")
    assert credit(ctx, "The father's announcement eliminates the clean world and every world with one muddy child", 0) \
        == (1,)
    assert credit(ctx, "父亲的话排除了只有一个孩子有泥的情况", 0) == (1,)
    assert credit(ctx, "The father's question eliminates the clean world", 0) is None  # the rounds, not named
    trace = ("The father's announcement eliminates the clean world and, with it, every world with a single muddy "
             "child.\n\nNobody steps forward, so at least two are muddy.")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == 0  # the single-muddy worlds go with the silence


@pytest.mark.parametrize("sentence, found", [
    ("The second round of silence adds no information.", ("Credit", (3,), None)),
    ("第一轮的沉默排除不了任何情况", ("Credit", (2,), None)),
    ("The \"I don't know\" part removes nothing.", None),  # part of a statement
    ("The first silence gives no information about child 2.", None),  # qualified
])
def test_a_statement_said_to_remove_nothing(ctxs, sentence, found):
    from epistemic.audit.anchors import nothing_records
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    got = [r.key.formula for r in nothing_records(ctx.aligner, sentence, lambda at: 2)]
    assert got == ([found] if found else [])


def test_a_statement_that_removes_nothing_is_checked_on_the_stages(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    opening = "The father says at least one is muddy.\n\nNobody steps forward: no lone muddy child.\n\n"
    wrong = opening + "The second round of silence adds no information."
    assert audit_trace(ctx.puzzle, wrong, context=ctx).label == 2
    cards = ctxs("cheryl.txt")
    fine = "Albert says he doesn't know. The \"I don't know\" part removes nothing: every month has two dates."
    assert audit_trace(cards.puzzle, fine, context=cards).label == -1


def test_an_after_right_behind_the_claim_dates_it(ctxs):
    """"none of the three numbers can be equal after Alice's statement", said once the dialogue is over: the "after"
    right behind the claim dates it as one opening its clause would (there only b ≠ c holds), not a look back judged
    anywhere up to the end; after Carol's statement it holds."""
    from tests.audit.reading import audit as _audit
    ctx = ctxs("what_sum.txt")
    said = "Alice: \"I don't know.\"\n\nBob: \"I don't know.\"\n\nCarol: \"I don't know.\"\n\n"
    early = _audit(ctx, said + "By the same token, none of the three numbers can be equal after Alice's statement.")
    assert early.label == 3
    assert _audit(ctx, said + "By the same token, none of the three numbers can be equal after Carol's "
                              "statement.").label == -1
