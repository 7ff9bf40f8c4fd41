"""Headings that name a speaker's statement move the trace, but never past another speaker's statement."""
from epistemic.audit import audit_trace

SP = ("### Step 1: P's first statement\nP says he doesn't know the numbers.\n\n"
      "### Step 2: S's statement\nS says he knew P couldn't know.\n\n"
      "### Step 3: More on S's statement\nSince S was so confident, at this point we already know the sum is 17.\n\n"
      "### Step 4: S's statement\nS now knows too.\n\n")


def test_a_heading_naming_the_speaker_just_reached_does_not_skip_the_other_speakers_statement(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, SP, context=ctx)
    stages = [st.stage for st in report.steps]
    assert stages[:3] == [1, 2, 2]
    assert report.label == 2  # the sum is 17 only after the last statement: "already" there is premature


def test_a_heading_naming_the_speakers_next_statement_after_the_other_one_moves_on(ctxs):
    ctx = ctxs("sum_product.txt")
    text = SP.replace("### Step 3: More on S's statement\nSince S was so confident, at this point we already know the "
                      "sum is 17.", "### Step 3: P's second statement\nP now knows the numbers.")
    report = audit_trace(ctx.puzzle, text, context=ctx)
    assert [st.stage for st in report.steps] == [1, 2, 3, 4]


def test_a_claim_that_says_already_is_dated_at_the_statement_named_before_it_in_the_step(ctxs):
    """An outline that walks on to Bo's statement still dates "Already only …" at Ali's, named before it."""
    ctx = ctxs("cheryl_cam.txt")
    lines = ("- Day counts: 16 ×2, 17 ×2, 18 ×2, 19 ×2, 28 ×1 (Apr), 29 ×1 (Jun).\n"
             "- Ali: doesn't know + knows Bo doesn't → no 28/29 in his month → April, June out. Already only {}.\n"
             "- Bo: didn't know, now knows → consistent; his day is 16, 17 or 18.")
    early = audit_trace(ctx.puzzle, lines.format("March 18, July 16, July 17 remain"), context=ctx)
    assert early.label == 0
    assert any(c.verdict.verdict == "premature" and c.verdict.stage == 1 for c in early.claims())
    right = audit_trace(ctx.puzzle, lines.format("March 18, March 19, July 16, July 17, July 19 remain"), context=ctx)
    assert right.label == -1


def test_numbers_settled_as_values_are_a_candidate_claim_not_knowledge(ctxs):
    """"这两个数就已经确定是4和13了" after P's "now I can determine": the pair is settled one statement early."""
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, "P说他不知道。\n\nS说他早就知道P不知道。\n\n"
                         "所以P说完“现在我能确定了”之后，这两个数就已经确定是4和13了。", context=ctx)
    found = [(c.record.kind, c.verdict.verdict) for c in report.claims() if c.record.kind in ("candidates", "knowledge")
             and "13" in c.formula]
    assert found == [("candidates", "premature")]
    assert report.label == 2
