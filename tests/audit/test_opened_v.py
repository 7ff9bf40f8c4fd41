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


# ---------------------------------------------------------------- traces_w* (opened in session 13, after two blind scores)


def test_a_suit_mark_before_a_keeps_the_ace(ctxs):
    ctx = ctxs("card16.txt")
    right = _audit(ctx, "With ♦A eliminated, Q's diamonds leave just ♦5.")
    assert not [c for c in right.claims() if c.formula == "suit != diamonds"]
    assert any(c.formula == "not (suit = diamonds and rank = A)" for c in right.claims())


def test_knowledge_on_a_line_labelled_by_a_value_is_that_values_case(ctxs):
    ctx = ctxs("cheryl.txt")
    head = "阿尔伯特说他不知道，并且知道伯纳德也不知道。\n\n伯纳德说他现在知道了。在这五个日期里：\n"
    case = _audit(ctx, head + "- 14日有7月14日和8月14日，伯纳德还是不能确定；\n- 16日只剩7月16日。")
    assert case.label == -1
    plain = _audit(ctx, head + "伯纳德还是不能确定。")  # not on a value's line: the stage's claim, and false
    assert [c.record.kind for c in _bad(plain)] == ["knowledge"]


def test_a_table_of_where_values_appear_may_be_about_the_start(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    head = "阿里说她不知道，而且知道波也不知道。\n\n"
    table = "| 日子 | {} | 波拿到它能直接知道吗？ |\n|---|---|---|\n| 16 | 6月、7月 | 不能 |\n| 28 | 只有4月 | 能 |"
    assert _audit(ctx, head + table.format("出现的月份")).label == -1
    now = _audit(ctx, head + table.format("月份"))  # no word of the original list: about now, where 16 tells Bo
    assert [c.record.kind for c in _bad(now)] == ["case knowledge"]


def test_a_row_whose_tuple_is_gone_pairs_nothing(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    out = _audit(ctx, "阿里说她不知道，而且知道波也不知道。\n\n18日：4月18日已经排除，只剩3月18日，能确定；")
    assert not [c for c in out.claims() if c.formula == "day = 18 implies month = April"]


def test_a_reference_before_a_semicolon_does_not_date_what_follows(ctxs):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    text = ("The father says at least one of you is muddy. Nobody steps forward. Now every muddy child knows.\n\n"
            "**Two** children are muddy. A lone muddy child would have stepped forward after the father's remark; "
            "since nobody did, there are at least two.")
    assert _audit(ctx, text).label == -1


def test_a_denial_is_no_announcement_claimed_already(ctxs):
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    text = ("The father says at least one of you is muddy. Nobody steps forward.\n\nClean children can't know anything "
            "at this point either: a clean child sees all the muddy ones and can't rule out being one more.")
    assert not [c for c in _audit(ctx, text).claims() if c.record.kind == "formula"]


def test_guarantee_and_dare_assert_are_knowing_in_chinese(ctxs):
    ctx = ctxs("cheryl.txt")
    out = _audit(ctx, "所以如果月份是5月或6月，阿尔伯特就不能保证伯纳德不知道。")
    assert [c.formula for c in out.claims()] == ["month in {May, June} implies (not Albert knows that (not Bernard "
                                                 "knows date))"] and out.label == -1
    dare = _audit(ctx, "若月份是3月或5月，伯纳德就可能直接知道，阿尔伯特不敢这样断言。")
    assert not [c for c in dare.claims() if c.formula == "Albert knows date"]


def test_speech_in_a_time_clause_is_no_attribution(ctxs):
    ctx = ctxs("card16.txt")
    when = _audit(ctx, "第二句，Q先生说“我知道你不知道”。Q先生是在P先生说话之前就知道P先生不知道。")
    assert not [c for c in when.claims() if c.record.kind == "speaker" and c.verdict.verdict == "false"]
    wrong = _audit(ctx, "第二句，P先生说他早就知道Q先生不知道。")
    assert {c.record.kind for c in _bad(wrong)} == {"speaker"}


def test_a_singletons_claim_missing_one_is_a_wrong_step(ctxs):
    ctx = ctxs("card16.txt")
    head = "P says he doesn't know the card.\n\n"
    wrong = _audit(ctx, head + "The ranks that appear only once are J, 8, 2, 7, 3 and K, so those six cards are out.")
    assert "singletons" in [c.record.kind for c in _bad(wrong)]
    right = _audit(ctx, head + "The ranks that appear only once are J, 8, 2, 7, 3, K and 6, so those cards are out.")
    assert right.label == -1


def test_who_was_told_a_term_is_judged_at_the_start_in_any_sentence(ctxs):
    ctx = ctxs("impossible.txt")
    text = "### Step 5: S's final statement — \"So can I.\"\nS, who was told the product 52, can now name the numbers."
    assert [(c.record.kind, c.formula) for c in _bad(_audit(ctx, text))] == [("told", "S knows x * y")]
    assert _audit(ctx, text.replace("product 52", "sum 17")).label == -1


def test_a_quoted_fragment_names_its_statement(ctxs):
    ctx = ctxs("impossible.txt")
    out = _audit(ctx, "P先说：我无法确定这两个数。\n\nS的那句话最关键。“早就知道”说明S只凭和就能断定P无法确定。\n\n所以51也保留。")
    assert [st.stage for st in out.steps][1:] == [2, 2]


# ---------------------------------------------------------------- the precision battery's first alarms (session 13)


def test_neither_with_a_property_after_it_removes_nothing(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    prop = _audit(ctx, "Neither April nor June has been narrowed to one date.")
    assert not [c for c in prop.claims() if c.record.kind == "exclusion"]
    gone = _audit(ctx, "Neither April nor June has been eliminated.")
    assert [c.formula for c in gone.claims() if c.record.kind == "exclusion"] == ["not month in {April, June}"]


def test_before_a_speaker_spoke_is_the_stage_before_his_statement(ctxs):
    ctx = ctxs("sum_product.txt")
    head = "P说：“我不知道这两个数。”\n\nS说：“我早就知道你不知道。”\n\n"
    assert _audit(ctx, head + "在S先生开口前，(2,10)还在。\n\nFinal answer: (4, 13)").label == -1
    early = _audit(ctx, head + "在S先生开口前，(2,10)已经被排除了。\n\nFinal answer: (4, 13)")
    assert [c.record.kind for c in _bad(early)] == ["exclusion"]


def test_a_denied_or_modal_saying_is_no_speech(ctxs):
    ctx = ctxs("sum_product.txt")
    out = _audit(ctx, "我一开始以为答案是(4,7)，但和为11时还剩三组，S先生不可能说知道。")
    assert not [c for c in out.claims() if c.record.kind == "speaker"]
    said = _audit(ctx, "然后S先生说他不知道。")  # P's first statement given to S
    assert [c.record.kind for c in _bad(said)] == ["speaker"]


def test_a_guess_rejected_in_its_sentence_removes_no_sum(ctxs):
    ctx = ctxs("impossible.txt")
    head = "P: \"I cannot determine the two numbers.\"\n\nS: \"I knew that you couldn't determine them.\"\n\n"
    out = _audit(ctx, head + "My first guess was that sum 23 fails because 4 × 19 = 76 looks unique, but 76 = 2 × 38 "
                             "too, so 23 is fine.")
    assert out.label == -1


def test_not_yet_before_a_colon_negates_nothing_after_it(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    out = _audit(ctx, "Does Albert know the birthday now? Not yet: April leaves three dates and June two.")
    assert not [c for c in out.claims() if c.record.kind == "exclusion"]
    gone = _audit(ctx, "We eliminate: April and June.")
    assert [c.record.kind for c in gone.claims()] == ["exclusion"]


def test_the_puzzles_own_name_is_a_known_word(ctxs):
    ctx = ctxs("cheryl.txt")
    head = ("Albert: \"I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.\"\n\n"
            "Bernard: \"At first I didn't know when Cheryl's birthday is, but I know now.\"\n\n"
            "Albert: \"Then I also know when Cheryl's birthday is.\"\n\n")
    wrong = _audit(ctx, head + "Cheryl's birthday is August 17.\n\nFinal answer: July 16")
    assert [c.record.kind for c in _bad(wrong)] == ["candidates"]
    assert _audit(ctx, head + "Cheryl's birthday is July 16.\n\nFinal answer: July 16").label == -1
