"""Readings from traces_ax* (40 rows, half correct, on the puzzles least written about so far: three hats, Russian
cards, drinking logicians, blue-eyed islanders, Sum and Product with S first, Hexa, dining cryptographers and What
Sum, written in session 26, scored blind at the session's start code, then opened), each checked both ways."""
from tests.audit.reading import answer as _answer, audit as _audit, bad as _bad


def _said(ctx, n: int, lang: str = "en") -> str:
    """The first n statements of the puzzle, told in its own words."""
    said = "说：" if lang == "zh" else " says: "
    return "\n\n".join(f"{a.speaker}{said}“{dict(a.texts)[lang]}”" if a.speaker else dict(a.texts)[lang]
                       for a in ctx.puzzle.announcements[:n])


def test_a_count_of_several_conditions_is_the_counted_answer(ctxs):
    """The islanders' question counts blue eyes over every islander (count(blue[i] for i in 1..n)): "所以答案是3个蓝眼睛"
    answers it (with k = 3, right; with k = 2, wrong), as "Answer: 3" does for the muddy children's sum."""
    right = ctxs("islanders.txt", {"n": 5, "k": 3})
    wrong = ctxs("islanders.txt", {"n": 5, "k": 2})
    ending = _said(right, 4, "zh") + "\n\n所以答案是3个蓝眼睛。"
    assert _answer(right, ending) == (((3,),), True)
    assert _answer(wrong, _said(wrong, 3, "zh") + "\n\n所以答案是3个蓝眼睛。")[1] is False


def test_an_agent_holding_a_shared_value_holds_it_as_their_own(ctxs):
    """In Hexa the three cards share the values red, white and blue: "Bill holds white", "So Bill is white",
    "比尔拿的是白牌" give Bill's own card (the question), not Cath's; "安妮的话排除了她拿白牌的两种发法" is Anne's card,
    the pronoun's agent named last. Bill holding red is a wrong answer."""
    ctx = ctxs("hexa.txt")
    said = _said(ctx, 2)
    for ending in ("**Bill holds white.**", "So Bill is white.", "所以比尔拿的是白牌。"):
        report = _audit(ctx, said + "\n\n" + ending)
        assert report.final_answer_correct and not _bad(report), ending
    assert _answer(ctx, said + "\n\n**Bill holds red.**")[1] is False
    assert not _bad(_audit(ctx, _said(ctx, 2, "zh") + "\n\n安妮的话排除了她拿白牌的两种发法。"))
    assert _bad(_audit(ctx, _said(ctx, 2, "zh") + "\n\n安妮的话排除了她拿红牌的两种发法。"))


def test_a_statement_told_as_what_it_is_and_a_possibly_inside_not_knowing(ctxs):
    """"So S speaks first, and his statement is that, given his sum, P cannot possibly know." tells S's statement (a
    not-knowing: "cannot possibly know" is no "know"): "So 51 is out." after it is right, "So 17 is out." false."""
    ctx = ctxs("sum_product_s_first.txt")
    head = ("Two numbers, S has the sum.\n\nSo S speaks first, and his statement is that, given his sum, P cannot "
            "possibly know.\n\n")
    assert not _bad(_audit(ctx, head + "So 51 is out."))
    assert _bad(_audit(ctx, head + "So 17 is out."))
    assert [st.stage for st in _audit(ctx, "Intro.\n\nS's statement is that P can't know.\n\nSo 51 is out.").steps] \
        == [0, 1, 1]


def test_a_relation_removed_by_a_speaker_named_alone(ctxs):
    """"b = c 被爱丽丝排除" removes b = c and credits Alice (her one statement): right; "a = b 被爱丽丝排除" credits her
    with what Carol's statement removes. "… are removed by Alice, Bob and Carol respectively" pairs them in order and
    credits none to Alice alone."""
    ctx = ctxs("what_sum.txt")
    said = _said(ctx, 3, "zh")
    assert not _bad(_audit(ctx, said + "\n\n那么三句话说完以后：\nb = c 被爱丽丝排除，\na = c 被鲍勃排除，\na = b 被卡罗尔排除。"))
    assert _bad(_audit(ctx, said + "\n\n那么三句话说完以后：\na = b 被爱丽丝排除。"))
    assert not _bad(_audit(ctx, _said(ctx, 3) + "\n\nThe equalities b = c, a = c and a = b are removed by Alice, Bob "
                                                 "and Carol respectively."))


def test_a_list_of_relations_removed_together(ctxs):
    """"b = c、a = c、a = b 三种相等的情况都被排除了" and "b = c, a = c and a = b are all eliminated" remove all three
    (right after the three statements); after two statements a = b is not yet removed (premature)."""
    ctx = ctxs("what_sum.txt")
    for line in ("b = c、a = c、a = b 三种相等的情况都被排除了。", "b = c, a = c and a = b are all eliminated."):
        assert not _bad(_audit(ctx, _said(ctx, 3) + "\n\n" + line)), line
        early = _said(ctx, 2) + "\n\nSo after two statements: " + line + "\n\n" + _said(ctx, 3).split("\n\n")[-1]
        assert _bad(_audit(ctx, early)), line


def test_indexed_speakers_by_ordinal_number_and_letter(ctxs):
    """"The first man says "I don't know."" is w[1]'s statement and "The second man says …" w[2]'s (the hats' speakers
    are indexed, w[1], w[2]); so are "Logician 2" and "L3" of the drinking logicians and "第二位智者". A step under the
    second man's statement that keeps a red hat on the blind man is premature no more: it is dated there."""
    hats = ctxs("hats.txt")
    report = _audit(hats, "Setup.\n\n**The first man says \"I don't know.\"**\n\n"
                          "**The second man says \"I don't know either.\"**\nSo the blind man's hat is white.")
    assert [st.stage for st in report.steps] == [0, 1, 2] and not _bad(report) and report.final_answer_correct
    zh = _audit(hats, "开始。\n\n第一位智者说：“我不知道。”\n\n第二位智者说：“我也不知道。”所以盲人的帽子是白的。")
    assert [st.stage for st in zh.steps][-1] == 2
    drink = ctxs("drinking_logicians.txt", {"n": 3})
    steps = _audit(drink, "Bar.\n\nLogician 1 says \"I don't know.\"\n\nL2: \"I don't know.\"\n\nL3: \"Yes!\"").steps
    assert [st.stage for st in steps] == [0, 1, 2, 3]


def test_a_count_in_the_questions_own_words(ctxs):
    """"All 3 want beer." answers "How many logicians want a beer?" (right with three logicians, wrong with four), and
    "**蓝眼睛的人数是3**" answers "有几个岛民是蓝眼睛？"."""
    three, four = ctxs("drinking_logicians.txt", {"n": 3}), ctxs("drinking_logicians.txt", {"n": 4})
    assert _answer(three, _said(three, 3) + "\n\nAll 3 want beer.") == (((3,),), True)
    assert _answer(four, _said(four, 4) + "\n\nAll 3 want beer.")[1] is False
    right, wrong = ctxs("islanders.txt", {"n": 3, "k": 3}), ctxs("islanders.txt", {"n": 3, "k": 2})
    assert _answer(right, _said(right, 4, "zh") + "\n\n**蓝眼睛的人数是3**（也就是所有人）。") == (((3,),), True)
    assert _answer(wrong, _said(wrong, 3, "zh") + "\n\n**蓝眼睛的人数是3**（也就是所有人）。")[1] is False


def test_both_are_possible_is_no_hedge(ctxs):
    """"红、白都有可能" says both colours are possible (a claim, here the trace's undetermined answer), where "可能是白的"
    hedges: the answer "盲人无法确定——红、白都有可能" is read, and wrong."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, "**答案：仅凭两位智者的话，盲人无法确定自己帽子的颜色——红、白都有可能。**\n\n理由如下。")
    assert [c.record.reading for c in report.claims() if c.record.kind == "answer"] == ["answer"]


def test_what_an_agent_heard_others_say_is_not_his_speech(ctxs):
    """"第四位听到了前三位都说“不知道”" is what the fourth logician heard (the first three's statements), not the fourth
    saying "I don't know"; "第四位说“不知道”" still gives him statements that are not his."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    said = _said(ctx, 3, "zh")
    assert not _bad(_audit(ctx, said + "\n\n第四位听到了前三位都说“不知道”，于是她知道前三位都要啤酒。"))
    assert _bad(_audit(ctx, said + "\n\n第四位说“我不知道”，于是她知道前三位都要啤酒。"))


def test_shared_values_named_by_position_or_by_their_owner(ctxs):
    """Hats: "白白红" and "（白，白，红）" name a whole world by position (one hat per man in order), so "第二位说不知道，
    所以排除白白红和红白红" removes two worlds (right) instead of "the blind man's hat is neither white nor red". Hexa:
    "Cath's card isn't white", "她拿的不是白牌" are Cath's card; "Anne red, Bill white, Cath blue" gives each their
    own; a bare "Answer: white." is the card asked about (Bill's)."""
    hats = ctxs("hats.txt")
    said = _said(hats, 2, "zh")
    assert not _bad(_audit(hats, said + "\n\n第二位说不知道，所以排除白白红和红白红。剩下4种：白白白、白红白、红白白、红红白。"))
    assert _bad(_audit(hats, said + "\n\n第二位说不知道，所以排除白白白和红白红。"))
    hexa = ctxs("hexa.txt")
    two = _said(hexa, 2)
    assert not _bad(_audit(hexa, two + "\n\nHer statement tells everyone that Cath's card isn't white."))
    assert not _bad(_audit(hexa, _said(hexa, 2, "zh") + "\n\n凯丝能确定发牌，说明她拿的不是白牌。"))
    assert _answer(hexa, two + "\n\nAnswer: white.") == (((1,),), True)
    assert _answer(hexa, two + "\n\nSo the deal is Anne red, Bill white, Cath blue.\n\n**Answer:** Bill has the white "
                              "card.") == (((1,),), True)


def test_all_of_them_wearing_one_colour(ctxs):
    """"三人不可能都戴红帽" rules out all three red (right, there are two red hats), not the blind man's red hat; "三人都戴
    白帽" after the two statements is no claim that the blind man's hat is red."""
    ctx = ctxs("hats.txt")
    assert not _bad(_audit(ctx, "因为红帽子只有两顶，三人不可能都戴红帽，所以共有7种可能。\n\n" + _said(ctx, 2, "zh")))
    assert _bad(_audit(ctx, _said(ctx, 2, "zh") + "\n\n所以盲人不可能戴白帽。"))
