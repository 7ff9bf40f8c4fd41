"""Readings from the opened blind set traces_v* (session 13: its false alarms and the first errors it hid), each
checked both ways: the correct reading leaves a right step alone, its wrong twin is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad


def test_an_agent_holding_another_agents_variable_is_the_wrong_agent(ctxs):
    card, cheryl = ctxs("card16.txt"), ctxs("cheryl.txt")
    for text in ["If Q had the K, he would immediately know it is the K of clubs.",
                 "比如K只有梅花K一张，如果Q先生拿到的是K，他马上就知道是梅花K了。"]:
        assert [(c.record.kind, c.formula) for c in _bad(_audit(card, text))] == [("told", "Q knows rank")], text
    for text in ["If P had the K, he would immediately know it is the K of clubs.", "如果P先生拿到的是K，他马上就知道了。"]:
        assert _audit(card, text).label == -1, text
    assert [c.record.kind for c in _bad(_audit(cheryl, "如果阿尔伯特拿到的是19号或18号，他就能直接知道了。"))] == ["told"]
    assert _audit(cheryl, "如果伯纳德拿到的是19号，他就能直接知道了。").label == -1
    # what an agent sees or has as possibilities is no value held
    for text in ["Check: with June, Albert sees 18 and 19, so he can't know.", "Bernard has July/August 14 — no help."]:
        assert not [c for c in _audit(cheryl, text).claims() if c.record.kind == "told"], text


def test_a_number_before_an_operator_is_a_factor_not_a_value(ctxs):
    sp = ctxs("sum_product.txt")
    assert not [c for c in _audit(sp, "The product is 53 · (s − 53). Could P factor that?").claims()
                if c.record.kind == "candidates"]
    assert [c.formula for c in _audit(sp, "The product is 52.").claims()] == ["x * y = 52"]


def test_the_dialogues_nth_statement_named_before_its_speaker(ctxs):
    ctx = ctxs("impossible.txt")
    head = ("First statement. P can't determine the pair.\n\nSecond statement. S knew beforehand that P couldn't "
            "determine.\n\n")
    right = _audit(ctx, head + "Third statement: P can now determine. Only a few products are left.")
    assert [st.stage for st in right.steps] == [1, 2, 3] and right.label == -1
    other = _audit(ctx, head + "Third statement: S can now determine.")  # S made the fourth, not the third
    assert [st.stage for st in other.steps] == [1, 2, 2]


def test_a_recap_list_credits_each_line_to_its_statement(ctxs):
    ctx = ctxs("card16.txt")
    head = ('P: "I don\'t know." Q: "I knew." P: "Now I know." Q: "Me too."\n\nRecap of who killed what:\n'
            "- P's first line: the 7 singletons.\n")
    wrong = _audit(ctx, head + "- Q's \"I knew\": spades, clubs, and with them ♥A and ♦A.\n- Q's last line: ♥Q, ♥4.")
    assert [c.record.kind for c in _bad(wrong)] == ["credit"]
    right = _audit(ctx, head + "- Q's \"I knew\": spades and clubs.\n- Q's last line: ♥Q, ♥4.")
    assert right.label == -1 and len([c for c in right.claims() if c.record.kind == "credit"]) == 2


def test_a_removed_list_goes_on_after_and_also(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    wrong = _audit(ctx, "小结一下：阿尔伯特的第一句话排除了3月、5月，还有6月19日；伯纳德的话排除了4月19日。")
    assert [c.record.kind for c in _bad(wrong)] == ["credit"]
    right = _audit(ctx, "小结一下：阿尔伯特的第一句话排除了3月、5月；伯纳德的话排除了4月19日，还有6月19日。")
    assert right.label == -1
    en = _audit(ctxs("cheryl.txt"), "Albert's first statement rules out May and June, and also July 14.")
    assert [c.record.kind for c in _bad(en)] == ["credit"]


def test_crossed_off_in_chinese_is_an_elimination(ctxs):
    ctx = ctxs("cheryl.txt")
    early = _audit(ctx, "阿尔伯特说他不知道，并且知道伯纳德也不知道。\n\n所以这一步就可以把7月14日和8月14日一起划掉。")
    assert [c.record.kind for c in _bad(early)] == ["exclusion"]
    right = _audit(ctx, "阿尔伯特说他不知道，并且知道伯纳德也不知道。\n\n所以这一步就可以把5月和6月一起划掉。")
    assert right.label == -1


def test_a_case_about_the_next_speaker_does_not_narrate_his_statement(ctxs):
    ctx = ctxs("cheryl.txt")
    text = ("阿尔伯特说他不知道，并且知道伯纳德也不知道。\n\n- 阿尔伯特敢断言伯纳德不知道 → 排除5月、6月。\n"
            "- 同时，14号在7月和8月都出现，伯纳德拿到14号也无法确定，所以这一步就可以把7月14日和8月14日一起划掉。")
    out = _audit(ctx, text)
    assert out.label == 1 and [c.record.kind for c in _bad(out)] == ["exclusion"]
    assert any(c.formula == "Albert knows that (not Bernard knows date)" for c in out.claims())  # 敢断言: he is sure


def test_a_knowing_label_heads_its_statement(ctxs):
    ctx = ctxs("sum_product.txt")
    out = _audit(ctx, "P not knowing: the product isn't uniquely factorable. Fine.\n\nS knowing in advance that P "
                      "didn't know: every split of S's sum has a product with several splits. And 51 dies, since "
                      "17 × 34 = 578 has a unique split.")
    assert [st.stage for st in out.steps] == [1, 2] and out.label == -1
    unlabelled = _audit(ctx, "The product isn't uniquely factorable: not knowing.\n\nIn advance, S's sum: 51 dies.")
    assert [st.stage for st in unlabelled.steps] == [0, 0]
    wrong = _audit(ctx, "S not knowing: the sum has several splits.")  # S's statement is about knowing
    assert [st.stage for st in wrong.steps] == [0]


def test_the_knowledge_of_the_agent_who_holds_the_headers_term_is_the_cases(ctxs):
    ctx = ctxs("impossible.txt")
    head = "最后S也能确定：他的和的所有拆法中，只有一种满足这一点。\n\n"
    case = _audit(ctx, head + "我来看和为11：\n- 2 + 9，积18，P能确定。\n- 3 + 8，积24，P能确定。\n还剩三组，S没法确定，所以不是11。")
    assert not [c for c in case.claims() if c.record.kind == "knowledge" and c.verdict.verdict == "false"]
    assert any(c.record.kind == "case knowledge" and c.formula.startswith("x + y = 11 implies")
               for c in case.claims())


def test_a_list_repeating_the_sentences_topic_value_is_its_case(ctxs):
    ctx = ctxs("cheryl.txt")
    head = ("Albert doesn't know and knows Bernard doesn't know either.\n\nBernard now knows.\n\n")
    case = _audit(ctx, head + "Originally 15 was in May and August, but May is gone, so only August 15 now.")
    assert case.label == -1
    stage = _audit(ctx, head + "So only August 15 is left now.")
    assert [c.record.kind for c in _bad(stage)] == ["candidates"]
