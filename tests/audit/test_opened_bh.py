"""Readings from traces_bh* (30 long rows, 20 correct, written in session 29 by helpers who never read the auditor,
kept blind and scored by aggregate three times, opened in session 30), checked both ways."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def test_a_relation_left_open(ctxs):
    """"Sanity check on a ≠ b: not yet guaranteed." asks whether a ≠ b holds (after Alice's statement it does not
    yet); "So a ≠ b." there claims it, one statement early."""
    ctx = ctxs("what_sum.txt")
    said, then = _said(ctx, 1) + "\n\n", "\n\n" + _said(ctx)  # (the trace goes on to Bob's statement)
    assert not _bad(_audit(ctx, said + "Sanity check on a ≠ b: not yet guaranteed." + then))
    assert not _bad(_audit(ctx, said + "所以 a ≠ b 还不能保证。" + then))
    assert _bad(_audit(ctx, said + "So a ≠ b." + then))


def test_a_few_words_quoted_from_the_statement_in_hand(ctxs):
    """While on Ali's first statement ("我不知道…，而且我知道波也不知道"), '阿里说"我知道"' quotes three of its words: it is
    not Ali's "那我也知道" to come, so the trace stays on the first statement and Bo's statement is read next."""
    ctx = ctxs("cheryl_cam.txt")
    texts = ["第二步，分析阿里的第一句话。",
             '对，因为阿里说"我知道"，是基于他手里的月份做的判断，只要月份里有一个唯一日子，他就不敢这么说。',
             '第三步，波说"起初我不知道，但现在我知道了"。']
    assert [a.stage for a in ctx.aligner.align(texts)] == [1, 1, 2]
    texts[1] = '对，阿里说"那我也知道卡姆的纪念日了"。'  # Ali's last statement quoted whole: the trace is there
    assert [a.stage for a in ctx.aligner.align(texts)][1] == 3


def test_a_quoted_yes(ctxs):
    """'结论：…，答案是"是"（填1）。': the yes quoted is the answer (it was blanked as speech)."""
    ctx = ctxs("consecutive.txt")
    said = _said(ctx, None, "zh") + "\n\n"
    assert _audit(ctx, said + '结论：两数之和一定是3、5、15、17中的一个，答案是"是"（填1）。').final_answer_correct
    report = _audit(ctx, said + '结论：答案是“否”。')
    assert report.final_answer is not None and not report.final_answer_correct


def test_she_says_she_does_not(ctxs):
    """"Carol sees a and b. If a = b, … she knows. She says she doesn't, so a ≠ b." tells Carol's statement (the
    third) though the trace never moved past the start: "She" is Carol, and what she says is her statement's words
    (a traces_ap* alarm, read in session 30). Said of Bob, whose statement says the same, it names his."""
    ctx = ctxs("what_sum.txt")
    texts = ["Alice sees b and c; she doesn't know when b ≠ c. So after Alice's statement: b ≠ c.",
             "Bob sees a and c. If a = c, the only candidate is 2a, so he'd know.",
             "Carol sees a and b. If a = b, her only candidate is c = 2a, and she knows. She says she doesn't, so a ≠ b."]
    assert [c.stage for c in ctx.aligner.align(texts)[2].cues] == [3]
    texts[2] = "Bob sees a and c. If a = c, he knows. He says he doesn't, so a ≠ c."
    assert [c.stage for c in ctx.aligner.align(texts)[2].cues] == [2]
