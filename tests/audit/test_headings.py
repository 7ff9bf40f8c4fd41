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
