"""An announcement's content claimed as holding already ("at this point the muddy children already know")."""
import pytest

from epistemic.audit import audit_trace

FIRST = "The father says at least one of you is muddy.\n\nNobody steps forward.\n\n"


@pytest.mark.parametrize("text", [
    FIRST + "So at this point the muddy children already know that they are muddy.",
    "父亲说至少有一个孩子额头上有泥。\n\n第一次没有人站出来。\n\n那么这时候，有泥的孩子就已经能确定自己有泥了。",
])
def test_the_last_announcement_claimed_one_silence_early_is_premature(ctxs, text):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    report = audit_trace(ctx.puzzle, text, context=ctx)
    found = [(c.record.kind, c.verdict.verdict, c.verdict.stage) for c in report.claims() if c.record.kind == "formula"]
    assert found == [("formula", "premature", 2)]
    assert report.label == 2


@pytest.mark.parametrize("sentence", [
    "If exactly two are muddy, at this point the muddy children already know that they are muddy.",
    "So right after the second silence, every muddy child already knows.",
    "The father says the muddy children already know that they are muddy.",
])
def test_conditions_timelines_and_speech_are_no_such_claim(ctxs, sentence):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    report = audit_trace(ctx.puzzle, FIRST + sentence, context=ctx)
    assert not [c for c in report.claims() if c.record.kind == "formula"]
