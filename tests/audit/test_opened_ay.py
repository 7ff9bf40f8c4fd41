"""Readings from traces_ay* (30 correct rows on hats, drinking logicians, islanders, Hexa, Russian cards and dining
cryptographers, written in session 26 and opened that session; its known false alarm on drinking logicians read in
session 30), checked both ways."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def test_a_pronoun_between_the_agent_and_the_quote(ctxs):
    """"第四位说话时，…但是第五位要不要，她不知道，所以她只能说“我不知道”": "she" is the fourth logician, so the quote is no
    claim that the fifth said it; said by the fifth outright, it is one."""
    ctx = ctxs("drinking_logicians.txt", {"n": 5})
    said = _said(ctx, None, "zh") + "\n\n"
    assert not _bad(_audit(ctx, said + "第四位说话时，她已经知道前三位都要啤酒。但是第五位要不要，她不知道，所以她只能说“我不知道”。"))
    assert _bad(_audit(ctx, said + "第五位说“我不知道”。"))


def test_a_count_chain_up_to_the_last_statement(ctxs):
    """"每一个“我不知道”都把可能情况减半：32→16→8→4→2": the counts after each "I don't know", before the last statement
    (which leaves 1); a chain that is wrong on the way is still false."""
    ctx = ctxs("drinking_logicians.txt", {"n": 5})
    said = _said(ctx, None, "zh") + "\n\n"
    assert not _bad(_audit(ctx, said + "每一个“我不知道”都把可能情况减半：32→16→8→4→2。"))
    assert _bad(_audit(ctx, said + "每一个“我不知道”都把可能情况减半：32→16→4→2。"))


def test_an_answer_after_a_colon_and_a_copula(ctxs):
    """"所以答案是：五位逻辑学家都要啤酒" gives the count 5 (the cue had "是" or "：", not both); "答案是：4位" is wrong."""
    ctx = ctxs("drinking_logicians.txt", {"n": 5})
    said = _said(ctx, None, "zh") + "\n\n"
    report = _audit(ctx, said + "所以答案是：五位逻辑学家都要啤酒，一共5位。")
    assert report.final_answer == ((5,),) and report.final_answer_correct
    assert _audit(ctx, said + "所以答案是：4位。").final_answer_correct is False


def test_nights_name_the_rounds(ctxs):
    """Islanders count nights, not rounds: "第3夜过后", "第三夜之后", "after the third night" are after the third silent
    night, "第1晚：…" opens the first."""
    ctx = ctxs("islanders.txt", {"n": 4, "k": 4})
    for phrase in ("第3夜过后", "第三夜之后", "after the third night"):
        assert ctx.aligner.anchor(phrase, 1) == 4, phrase
    texts = ["访客说话后，“至少一个蓝眼睛”成为公共知识。", "第1晚：如果只有1个蓝眼睛，他看不到其他蓝眼睛，会知道是自己，当晚离开。没人离开，所以至少2个。"]
    assert [c.stage for c in ctx.aligner.align(texts)[1].cues] == [2]
