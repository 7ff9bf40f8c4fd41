"""Long traces (evidence.LONG_TRACE steps or more): only the kinds of evidence.STRONG_IN_LONG weigh alone there, and
a candidate list drawn from what an agent is rightly said to know; other false verdicts need a wrong final answer."""
from types import SimpleNamespace

from hypothesis import given, strategies as st

from epistemic.audit import _ahead
from epistemic.audit.evidence import LONG_TRACE

from tests.audit.reading import audit as _audit, bad as _bad, said as _said

# Steps that say nothing checkable, to make a trace long without changing what it claims
_FILLER = "\n\n".join(f"Hmm, let me think about this carefully ({n})." for n in range(LONG_TRACE))


def test_a_false_list_needs_a_second_signal_in_a_long_trace(ctxs):
    """"So the possible dates are May 15 and May 16." after the whole dialogue flags a short trace, not a long one
    whose answer is right; with a wrong final answer it flags the long one too."""
    ctx = ctxs("cheryl.txt")
    claim = _said(ctx) + "\n\nSo the possible dates are May 15 and May 16."
    assert _bad(_audit(ctx, claim))
    long = _FILLER + "\n\n" + claim
    report = _audit(ctx, long + "\n\nAnswer: July 16.")
    assert len(report.steps) >= LONG_TRACE and not _bad(report)
    assert any(c.evidence == "uncorroborated" for st in report.steps for c in st.claims)
    assert _bad(_audit(ctx, long + "\n\nAnswer: May 16."))


def test_arithmetic_weighs_alone_in_a_long_trace(ctxs):
    """"17 = 4 + 12" is wrong however long the trace."""
    ctx = ctxs("sum_product.txt")
    report = _audit(ctx, _FILLER + "\n\nThe sum is 17 = 4 + 12.\n\nAnswer: x = 4, y = 13.")
    assert len(report.steps) >= LONG_TRACE and _bad(report)


def test_a_list_drawn_from_what_an_agent_knows(ctxs):
    """"P先生原来不知道，说明点数是重复的，即A或5。" (the seed trace's first error, after Q's statement): drawn in the same
    sentence from what P is rightly said not to have known, it weighs alone in a long trace too; the same list said
    bare does not."""
    ctx = ctxs("card16.txt")
    said = "\n\n".join(f"{a.speaker}：“{dict(a.texts)['zh']}”" for a in ctx.puzzle.announcements[:2])
    tail = "\n\n答案：方块5。"
    assert _bad(_audit(ctx, _FILLER + "\n\n" + said + "\n\nP先生原来不知道，说明点数是重复的，即A或5。" + tail))
    assert not _bad(_audit(ctx, _FILLER + "\n\n" + said + "\n\n所以点数是重复的，即A或5。" + tail))


@given(st.lists(st.integers(min_value=0, max_value=3), max_size=30))
def test_the_next_stage_after_each_step_in_one_pass(stages):
    """audit._ahead (one pass from the end) is the plain definition: the first later stage that differs, else the
    step's own."""
    steps = [SimpleNamespace(stage=k) for k in stages]
    assert _ahead(steps) == [next((b.stage for b in steps[n + 1:] if b.stage != a.stage), a.stage)
                             for n, a in enumerate(steps)]


_CONSECUTIVE = "Anne: \"I don't know your number.\"\n\nBill: \"I don't know your number.\"\n\n"


def test_a_case_knowledge_slip_weighs_alone_in_a_long_trace(ctxs):
    """"b = 1：a 可以是 0 或 2，两个都有可能，所以比尔不知道" at Bill's statement: a = 0 went with Anne's, so Bill with 1
    knows. Judged where the case was last possible (just before Bill spoke), with no stage more of slack, it is
    false, and a false case of who knows weighs alone in a long trace (31 at gold first errors against 2 before one
    on the tuning split, both misreadings since mended); the right case is no error."""
    ctx = ctxs("consecutive.txt")
    head = _FILLER + "\n\n" + _CONSECUTIVE
    tail = "\n\nAnswer: yes (1)."
    wrong = _audit(ctx, head + "b = 1：a 可以是 0 或 2，两个都有可能，所以比尔不知道。" + tail)
    assert len(wrong.steps) >= LONG_TRACE and _bad(wrong)
    assert [(c.formula, c.verdict.verdict, c.verdict.stage) for st in wrong.steps for c in st.claims
            if c.record.kind == "case knowledge"] == [("b = 1 implies (not Bill knows a)", "false", 1)]
    right = _audit(ctx, head + "b = 1：a 只能是 2（a = 0 已被安妮排除），所以比尔知道。" + tail)
    assert not _bad(right)


def test_a_claim_dated_by_at_this_point_weighs_alone_in_a_long_trace(ctxs):
    """"At this point the card has to be ♦5" right after P's "now I know" (♥Q and ♥4 are still open until Q's last
    statement): the trace dates its claim itself, so it weighs alone however long the trace is; said after Q's last
    statement it holds."""
    ctx = ctxs("card16.txt")

    def said(n):
        return "\n\n".join(f"{a.speaker}: \"{dict(a.texts)['en']}\"" for a in ctx.puzzle.announcements[:n])
    tail = "\n\nAt this point the card has to be ♦5.\n\nAnswer: ♦5."
    early = _audit(ctx, _FILLER + "\n\n" + said(3) + tail)
    assert len(early.steps) >= LONG_TRACE and _bad(early)
    assert not _bad(_audit(ctx, _FILLER + "\n\n" + said(4) + tail))


def test_a_false_credit_weighs_alone_in_a_long_trace(ctxs):
    """"Q's statement rules out the 5 of diamonds" (it survives to the end) in a long trace: a false credit was wrong
    only where the trace was on the long traces of the tuning split (7 at gold first errors, 1 before one, a table
    of mistakes since read as such), so it weighs alone there too; the right credit does not flag."""
    ctx = ctxs("card16.txt")
    said = "\n\n".join(f"{a.speaker}: \"{dict(a.texts)['en']}\"" for a in ctx.puzzle.announcements[:2])
    tail = "\n\nAnswer: ♦5."
    wrong = _audit(ctx, _FILLER + "\n\n" + said + "\n\nQ's statement rules out the 5 of diamonds." + tail)
    assert len(wrong.steps) >= LONG_TRACE and _bad(wrong)
    assert not _bad(_audit(ctx, _FILLER + "\n\n" + said + "\n\nQ's statement rules out the 4 of spades." + tail))


def test_what_is_left_one_statement_early_weighs_alone_in_a_long_trace(ctxs):
    """"That leaves ♥Q, ♥4, ♦5." right after Q's statement (P's second removes the aces) is premature as a list labelled
    what is left, however long the trace; the same cards as a bare list of values are not (evidence.STRONG_READINGS)."""
    ctx = ctxs("card16.txt")
    lead = _FILLER + "\n\n" + _said(ctx, 2) + "\n\n"
    tail = "\n\n" + "\n\n".join(_said(ctx).split("\n\n")[2:]) + "\n\nAnswer: ♦5."
    left = _audit(ctx, lead + "That leaves ♥Q, ♥4, ♦5." + tail)
    assert len(left.steps) >= LONG_TRACE and _bad(left)
    assert not _bad(_audit(ctx, lead + "The cards are ♥Q, ♥4, ♦5." + tail))
