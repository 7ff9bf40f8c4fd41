"""Readings from the opened blind set traces_n* (false alarms of correct traces there, and an answer)."""
from epistemic.audit import audit_trace


def test_nothing_new_to_one_child_is_no_credit_of_nothing(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 1})
    report = audit_trace(ctx.puzzle, "父亲说至少有一个孩子有泥。\n\n如果有两个或更多孩子有泥，每个有泥的孩子至少看到一个有泥的人，"
                         "父亲的话对他来说没有新信息——他无法区分“我干净”和“我也有泥”，所以不会马上知道。", context=ctx)
    assert not [c for c in report.claims() if c.record.kind == "credit"]


def test_values_that_lack_a_property_are_not_eliminated(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    report = audit_trace(ctx.puzzle, "Let me verify with March 18.\n\nAli hears March: March 18 or 19. Doesn't know. "
                         "Neither 18 nor 19 is a one-off day, so Bo can't know.", context=ctx)
    assert not [c for c in report.claims() if c.record.kind == "exclusion"]


def test_what_a_case_would_leave_is_no_list_of_what_is_left(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    report = audit_trace(ctx.puzzle, "Albert's final statement: \"Then I also know.\" With April he'd be left with "
                         "April 14 and April 17 — can't decide.", context=ctx)
    assert all(c.record.reading != "what is left" for c in report.claims())


def test_cannot_just_say_a_value_is_no_elimination(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    report = audit_trace(ctx.puzzle, "嗯，这题其实就是谢丽尔生日问题换了个说法。但日期换了，所以要重新算，不能直接说7月16日。",
                         context=ctx)
    assert not [c for c in report.claims() if c.record.kind == "exclusion"]


def test_a_bold_result_label_states_the_answer(ctxs):
    ctx = ctxs("impossible.txt")
    report = audit_trace(ctx.puzzle, "**S now knows** → sum with one surviving split.\n\n**Result**: (4, 13).",
                         context=ctx)
    assert report.final_answer_correct
