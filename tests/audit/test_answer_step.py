"""A wrong final answer is an error at the latest in the step that states it."""
from epistemic.audit import audit_trace


def _trace(answer: str) -> str:
    return ("The father says at least one child is muddy.\n\n"
            "Each muddy child sees the others and waits through the silent rounds.\n\n"
            f"The number of muddy children therefore equals the number of silent rounds: **{answer} children are muddy.**")


def test_the_step_stating_a_wrong_final_answer_is_the_first_error_when_nothing_earlier_is(ctxs):
    ctx = ctxs("muddy.txt")
    right = ctx.solution.answer_text()[0]
    wrong = "9" if right != "9" else "8"
    bad = audit_trace(ctx.puzzle, _trace(wrong), context=ctx)
    assert not bad.final_answer_correct
    assert bad.label == len(bad.steps) - 1 and bad.steps[-1].wrong_answer
    assert bad.to_dict()["wrong_answer_step"] == bad.label
    good = audit_trace(ctx.puzzle, _trace(right), context=ctx)
    assert good.final_answer_correct and good.label == -1 and good.to_dict()["wrong_answer_step"] is None


def test_a_wrong_headline_alone_flags_no_step(ctxs):
    """An answer-first summary is no reasoning step; only the stated conclusion is."""
    ctx = ctxs("cheryl.txt")
    report = audit_trace(ctx.puzzle, "**Cheryl's birthday is May 19.**\n\nLet me think about the months.", context=ctx)
    assert not report.final_answer_correct
    assert not any(st.wrong_answer for st in report.steps)


def test_a_labelled_closing_line_and_inline_latex_state_the_answer(ctxs):
    cheryl = ctxs("cheryl.txt")
    report = audit_trace(cheryl.puzzle, "Albert then knows.\n\nCheryl's birthday: July 16.", context=cheryl)
    assert report.final_answer_correct
    sp = ctxs("sum_product.txt")
    for line in ("**Final Answer:** $x = 4$, $y = 13$.", r"Final answer: \(x = 4\), \(y = 13\)."):
        assert audit_trace(sp.puzzle, "Only one split works.\n\n" + line, context=sp).final_answer_correct, line


def test_inline_latex_reads_as_its_symbols_at_the_same_offsets():
    from epistemic.audit.segment import plain
    text = r"$2 \times 15 = 30$ and $s \le 54$, $4 + 13 \to 52$, \{1, 2\}"
    out = plain(text)
    assert len(out) == len(text)
    assert out.split() == ["2", "×", "15", "=", "30", "and", "s", "≤", "54", ",", "4", "+", "13", "→", "52", ",", "{1,",
                           "2", "}"]


def test_an_elimination_in_a_closing_line_is_no_answer(ctxs):
    """"So we drop April 19." ends a step on an elimination (read as one), not on the answer."""
    ctx = ctxs("cheryl_variant.txt")
    report = audit_trace(ctx.puzzle, "Albert: I don't know when Cheryl's birthday is, but I know that Bernard doesn't "
                         "know too.\n\nSo we drop April 19.", context=ctx)
    assert report.final_answer is None and report.label == -1
    assert [c.record.kind for c in report.claims() if "19" in c.formula] == ["exclusion"]


def test_the_number_of_muddy_children_is_a_count_claim(ctxs):
    ctx = ctxs("muddy.txt")
    text = ("The father says at least one of you is muddy.\n\nNobody steps forward.\n\n"
            "So the number of muddy children is {}.")
    wrong = audit_trace(ctx.puzzle, text.format("3"), context=ctx)
    assert [(c.formula, c.verdict.verdict) for c in wrong.claims() if c.record.kind == "candidates"] == \
        [("(m[1] + m[2]) + m[3] = 3", "false")]
    choice = audit_trace(ctx.puzzle, text.format("**2 or 3**"), context=ctx)
    assert not [c for c in choice.claims() if c.record.kind == "candidates"]


def test_a_wrong_headline_waits_for_the_paragraph_that_argues_for_it(ctxs):
    """"**Cheryl's birthday is August 17.**" opening a trace whose paragraph on Albert's last statement argues for
    August 17 (August still holds 15 and 17 there): that paragraph is where the reasoning goes wrong, even when the
    reader cannot check how it argues. A trace whose body concludes July 16 and whose headline alone says August 17
    keeps the headline as its first error (a sound derivation, a wrong answer)."""
    ctx = ctxs("cheryl.txt")
    body = ("Albert's first statement removes May and June, which leaves July 14, July 16, August 14, August 15 and "
            "August 17.\n\nBernard then knows, so 14 goes: July 16, August 15 and August 17 are left.\n\n")
    argued = ("**Cheryl's birthday is August 17.**\n\n" + body +
              "Albert now knows as well. The dates that remain are spread over two months, and since 17 was the day "
              "Bernard could only resolve once June dropped out, that is the one that lets both of them finish, so "
              "the date is August 17.")
    report = audit_trace(ctx.puzzle, argued, context=ctx)
    assert report.label == len(report.steps) - 1 and report.steps[0].label == 0
    sound = ("**Cheryl's birthday is August 17.**\n\n" + body +
             "Albert now knows as well, so August, which still has two dates, is out: July 16 is the only date left.")
    assert audit_trace(ctx.puzzle, sound, context=ctx).label == 0


def test_settling_on_a_date_concludes_it(ctxs):
    """"so Albert, knowing the month is August, settles on August 17": the trace concludes August 17 (false: the
    birthday is July 16); "lands on July 16" holds once Albert's last statement is reached."""
    ctx = ctxs("cheryl.txt")
    wrong = audit_trace(ctx.puzzle, "So Albert settles on August 17.", context=ctx)
    assert [(c.formula, c.verdict.verdict) for st in wrong.steps for c in st.claims] == \
        [("month = August and day = 17", "false")]
    right = audit_trace(ctx.puzzle, "Albert: \"Then I also know when Cheryl's birthday is.\" So everything lands on "
                                    "July 16.", context=ctx)
    assert "entailed" in [c.verdict.verdict for st in right.steps for c in st.claims if c.record.kind == "candidates"]
