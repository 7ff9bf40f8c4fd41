"""Readings from the opened blind set traces_r* (session 11): structures its traces use that no reader knew (or
misread), each checked both ways: the wrong claim flagged, its correct twin not."""
from tests.audit.reading import audit as _audit, bad as _bad

CARDS = "P says he doesn't know the card.\n\nQ says he knew P didn't know.\n\n"
CHERYL = "Albert says he doesn't know, and he knows Bernard doesn't know either.\n\n"
SUMS = "P says he cannot determine the numbers.\n\nS says he knew P couldn't know.\n\n"


def test_a_dashed_row_of_ranks_is_a_table_row_not_the_candidates(ctxs):
    ctx = ctxs("card16.txt")
    right = _audit(ctx, "P says he doesn't know the card. Which ranks are unique? J — only spades. 2, 7, 3 — only "
                   "spades. K — only clubs.")
    rows = [c for c in right.claims() if c.record.kind == "conditional"]
    assert [c.formula for c in rows] == ["rank = J implies suit = spades", "rank in {2, 7, 3} implies suit = spades",
                                         "rank = K implies suit = clubs"]
    assert right.label == -1 and all(c.record.certain for c in rows)
    wrong = _audit(ctx, "Which ranks are unique? J — only spades. 5 — only clubs.")
    assert wrong.label == 0  # a 5 is in clubs and diamonds


def test_a_letter_at_a_time_in_chinese_is_the_agent(ctxs):
    ctx = ctxs("card16.txt")
    agent = _audit(ctx, CARDS + '注意是"知道"而不是"现在才知道"：Q在P开口前就能断定。')
    assert agent.label == -1 and not [c for c in agent.claims() if "rank" in c.formula]
    rank = _audit(ctx, "Q在红桃和梅花里都有。")
    assert [c.formula for c in rank.claims()] == ["rank = Q implies suit in {hearts, clubs}"]


def test_the_list_for_an_agent_names_the_agent(ctxs):
    ctx = ctxs("card16.txt")
    r = _audit(ctx, CARDS + "Let me double-check that I'm not supposed to use the nine-card list for Q after all.")
    assert r.label == -1 and not [c for c in r.claims() if "rank" in c.formula]


def test_an_objection_someone_could_raise_is_a_rejected_idea(ctxs):
    ctx = ctxs("cheryl.txt")
    text = CHERYL + "Bernard says he didn't know at first but knows now.\n\nSomeone could argue that 17 also appears " \
        "in June, so Bernard with 17 wouldn't know... but June was eliminated by Albert's first remark."
    r = _audit(ctx, text)
    assert r.label == -1
    assert [c.record.reading for c in r.claims() if c.record.kind == "case knowledge"] == ["rejected idea"]
    owned = _audit(ctx, text.replace("Someone could argue that", "Note that"))
    assert owned.label == 2  # the same objection as the trace's own claim is false


def test_a_sum_case_header_conditions_the_lists_under_it(ctxs):
    ctx = ctxs("impossible.txt")
    text = SUMS + "P says he now knows.\n\ns = 17:\n(2,15) 30 — rival (5,6), sum 11. Out.\n(4,13) 52 — stays.\n" \
        "Only (4,13)."
    r = _audit(ctx, text)
    (c,) = [c for c in r.claims() if "implies" in c.formula]
    assert c.formula == "x + y = 17 implies (x = 4 and y = 13)" and c.verdict.verdict == "entailed"
    assert r.label == -1
    wrong = _audit(ctx, text.replace("Only (4,13).", "Only (2,15)."))
    assert wrong.label == 3


def test_values_spelled_out_after_a_colon_are_the_claim(ctxs):
    ctx = ctxs("card16.txt")
    wrong = _audit(ctx, CARDS + "So now the candidates are hearts and diamonds: ♥A, ♥Q, ♥4, ♦5.")
    assert wrong.label == 2  # ♦A is dropped
    (c,) = [c for c in _bad(wrong)]
    assert c.record.kind == "candidates" and "rank = 5" in c.formula
    right = _audit(ctx, CARDS + "So now the candidates are hearts and diamonds: ♥A, ♥Q, ♥4, ♦A, ♦5.")
    assert right.label == -1 and any(c.record.certain and c.record.kind == "candidates" for c in right.claims())


def test_an_answer_that_names_no_date_of_the_puzzle_is_wrong(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    wrong = _audit(ctx, "Albert says he doesn't know.\n\n### Final Answer\nCheryl's birthday is **July 16**.")
    assert wrong.foreign_answer == "July 16" and not wrong.final_answer_correct and wrong.label == 1
    assert wrong.to_dict()["foreign_answer"] == "July 16" and wrong.to_dict()["wrong_answer_step"] == 1
    right = _audit(ctx, "Result: Cheryl's birthday is June 12 — not July 16, which isn't even on this list.")
    assert right.foreign_answer is None and right.final_answer_correct and right.label == -1
    assert _audit(ctxs("cheryl.txt"), "Answer: Cheryl's birthday is July 16.").foreign_answer is None


def test_a_recap_table_credits_each_row_to_its_statement(ctxs):
    ctx = ctxs("card16.txt")
    table = ("| Statement | Cards removed |\n|---|---|\n| ① P: “I don't know the card.” | {one} |\n"
             "| ② Q: “I knew you didn't know.” | ♣Q ♣5 ♣4 |")
    wrong = _audit(ctx, CARDS + table.format(one="♠J ♠8 ♠4 ♠2 ♠7 ♠3 ♣K ♣6"))
    assert wrong.label == 2  # ♠4 goes at Q's statement: a 4 is ambiguous
    assert [c.record.kind for c in _bad(wrong)] == ["credit"]
    right = _audit(ctx, CARDS + table.format(one="♠J ♠8 ♠2 ♠7 ♠3 ♣K ♣6"))
    assert right.label == -1 and sum(c.record.kind == "credit" for c in right.claims()) >= 2
    kept = _audit(ctx, CARDS + table.format(one="everything except ♥A"))
    assert kept.label == -1  # not a list of what goes


def test_a_bare_sum_in_chinese_and_its_parity(ctxs):
    ctx = ctxs("sum_product.txt")
    early = _audit(ctx, "### 第一步：P先生说“我不知道这两个数”\n积不能唯一分解。也就是说，和不能写成两个质数之和，因此和一定是奇数。"
                   "\n\n### 第二步：S先生说“我知道你不知道”\n所以和是奇数。")
    (c,) = [c for c in early.claims() if c.record.kind == "term bound"][:1]
    assert c.formula == "(x + y) mod 2 = 1" and c.verdict.verdict == "premature"
    r = _audit(ctx, "4和13。")
    assert not [c for c in r.claims() if c.record.kind == "term bound"]  # 和 between numbers is "and"


def test_a_label_of_the_remaining_sums(ctxs):
    ctx = ctxs("sum_product.txt")
    wrong = _audit(ctx, SUMS + "Remaining sums: **{11, 17, 23, 27, 35, 37, 41, 47, 53}**.")
    assert wrong.label == 2  # 29 is dropped
    right = _audit(ctx, SUMS + "Sums left: 11, 17, 23, 27, 29, 35, 37, 41, 47, 53.\n\n剩下的和：11、17、23、27、29、35、37、41、"
                   "47、53。")
    assert right.label == -1 and sum(c.record.certain for c in right.claims() if c.record.kind == "candidates") == 2


def test_a_row_labelled_by_a_sum_goes_under_the_sums_named_before(ctxs):
    ctx = ctxs("sum_product.txt")
    text = SUMS.replace("\n\nS says", "\n\nThe odd sums with s − 2 composite are the ones to test.\n\nS says") + \
        "- **{n}**: {split}, so P with that product would have known and {n} is out.\n\n" \
        "P then says he knows.\n\nS says he knows too."
    wrong = _audit(ctx, text.format(n=29, split="29 = 4 + 25 and 4 × 25 = 100"))  # 100 = 5 × 20 too
    assert [c.formula for c in _bad(wrong)] == ["x + y != 29"]
    right = _audit(ctx, text.format(n=51, split="51 = 17 + 34 and 17 × 34 = 578"))
    assert right.label == -1 and any(c.formula == "x + y != 51" and c.record.certain for c in right.claims())


def test_a_denied_count_of_muddy_children_is_an_exclusion(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    for text in ["So it cannot be that all 4 children are muddy.", "所以不可能只有一个孩子有泥。", "所以不可能4个孩子都有泥。"]:
        r = _audit(ctx, '父亲说：“你们中至少有一个人额头上有泥。”\n\n第一次没有人站出来。\n\n第二次，有泥的孩子都站出来了。\n\n' + text)
        (c,) = [c for c in r.claims() if c.record.kind in ("candidates", "exclusion")]
        assert c.record.kind == "exclusion" and "!=" in c.formula, text


def test_cases_of_a_sum_removed_in_chinese(ctxs):
    ctx = ctxs("impossible.txt")
    wrong = _audit(ctx, "先看P的第一句。P无法确定。所以P的第一句话，这一句就已经把和为19的情况全部排除了。")
    assert [c.formula for c in _bad(wrong)] == ["x + y != 19"]  # (2, 17) goes; sum 19 keeps other pairs
    right = _audit(ctx, "先看P的第一句。P无法确定。\n\nS说他早就知道。\n\n所以和为19的情况也被排除了。积为30的数对不能排除。")
    assert right.label == -1
    assert [c.formula for c in right.claims() if c.record.kind == "exclusion"] == ["x + y != 19"]


def test_an_agent_holding_an_attribute_is_told_it(ctxs):
    ctx = ctxs("cheryl.txt")
    wrong = _audit(ctx, "So Albert is holding the day number and Bernard is holding the month.")
    assert wrong.label == 0 and {c.record.kind for c in _bad(wrong)} == {"told"}
    right = _audit(ctx, "So Albert is holding the month and Bernard gets the day.")
    assert right.label == -1 and [c.record.kind for c in right.claims()] == ["told", "told"]


def test_a_chinese_parity_premise_weighs_alone(ctxs):
    ctx = ctxs("sum_product.txt")
    early = _audit(ctx, "P说他不知道。\n\n因此x + y不能是两个质数之和，所以x + y一定是奇数。\n\nS说他早就知道。\n\nP说现在知道了。\n\nS说他也知道了。")
    assert early.label == 1  # odd only after S's statement
    right = _audit(ctx, "P说他不知道。\n\nS说他早就知道。\n\n因此x + y不能是两个质数之和，所以x + y一定是奇数。")
    assert right.label == -1


def test_a_list_of_excluded_classes_is_no_bound(ctxs):
    ctx = ctxs("impossible.txt")
    r = _audit(ctx, "P说无法确定。\n\nS早就知道。排除偶数和、s − 2 为质数的和、≥ 55 的和、还有51。")
    assert not [c for c in r.claims() if c.record.kind == "term bound"]


def test_a_recap_line_dates_what_it_says_already(ctxs):
    ctx = ctxs("impossible.txt")
    text = ("- P: can't determine → product has ≥ 2 factorisations.\n- S: knew it → sum ∈ {{11, 17, 23, 27, 29, 35, "
            "37, 41, 47, 53}}.\n- P: now can determine → {claim} at this point.\n- S: can too → sum 17.")
    early = _audit(ctx, "Summary:\n\n" + text.format(claim="only (4, 13) is left"))
    assert [c.record.kind for c in _bad(early)] == ["candidates"]
    right = _audit(ctx, "Summary:\n\n" + text.format(claim="the sum is still open"))
    assert right.label == -1


def test_both_agents_know(ctxs):
    ctx = ctxs("sum_product.txt")
    dialogue = "P says he cannot know. S says he knew. P says he now knows.\n\n"
    for text in ["So at this point, after P's second statement, both of them know the numbers.",
                 "Now both P and S know the numbers."]:
        r = _audit(ctx, dialogue + text)
        assert r.label == 1, text  # S knows only after his last statement
        assert sorted(c.formula for c in r.claims() if c.step == 1) == ["P knows (x, y)", "S knows (x, y)"]
    right = _audit(ctx, dialogue + "S says he knows too.\n\nNow both P and S know the numbers.")
    assert right.label == -1
    one = _audit(ctx, dialogue + "Now P knows both numbers.")
    assert [c.formula for c in one.claims() if c.step == 1] == ["P knows (x, y)"]


def test_a_statement_that_fixes_a_value_dates_it(ctxs):
    ctx = ctxs("sum_product.txt")
    text = SUMS + "P says he now knows.\n\nS says he knows too.\n\nSo {who} alone fixes the sum at 17."
    early = _audit(ctx, text.format(who="P's second statement"))
    assert early.label == 4  # after P's second statement ten sums still have a pair
    assert [c.record.kind for c in _bad(early)] == ["candidates"]
    assert _audit(ctx, text.format(who="S's last statement")).label == -1


MUDDY = '父亲说：“你们中至少有一个人额头上有泥。”\n\n第一次没有人站出来。\n\n'


def test_what_the_clean_children_know(ctxs):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    last = "\n\n然后每个有泥的孩子都知道自己有泥了。"
    for text in ["So the clean child can now tell she is clean.", "所以干净的孩子这时就能确定自己是干净的。", "第一次没有人站出来之后，两个干净的孩子就知道自己是干净的了。"]:
        r = _audit(ctx, MUDDY + text + last)
        assert r.label == 2, text  # a clean child seeing two muddy faces cannot tell two from three yet
        assert [c.record.kind for c in _bad(r)] == ["knowledge"]
    right = _audit(ctx, MUDDY + "The clean child still cannot tell whether she is muddy." + last)
    assert right.label == -1 and [c.record.certain for c in right.claims() if c.record.kind == "knowledge"] == [True]
    case = _audit(ctx, MUDDY + "If only one were muddy, the clean children would know they are clean." + last)
    assert not [c for c in case.claims() if c.record.kind == "knowledge" and c.record.certain]


def test_a_first_paragraph_retelling_the_dialogue_to_its_end_is_no_progress(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    setup = "### Step 1: Understand the setup\n\nThere are 4 children. The father says at least one of them is " \
        "muddy. He then asks twice, and both times nobody steps forward. After that, every muddy child knows that " \
        "they are muddy.\n\n### Step 2: The father's statement\n\nThe father's announcement rules out the case " \
        "where no child is muddy. {claim}"
    r = _audit(ctx, setup.format(claim="It also rules out the case where exactly one child is muddy."))
    assert r.steps[1].aligned_by == "recap" and r.label == 3  # the lone muddy child goes at the first silence
    assert _audit(ctx, setup.format(claim="The one-muddy case goes at the first silence.")).label == -1


def test_an_outline_line_dates_what_it_says_at_this_point(ctxs):
    ctx = ctxs("card16.txt")
    text = ("**Sixteen cards**\n\n1. P: don't know → rank occurs more than once → drop J 8 2 7 3 (♠) and K 6 (♣).\n"
            "2. Q: *knew* P didn't know → at this point only {cards} are left.\n3. P: now knows → ♥Q ♥4 ♦5.\n"
            "4. Q: knows too → ♦5.")
    assert [c.stage for c in ctx.aligner.outline_cues(text)] == [1, 2, 3, 4]
    right = _audit(ctx, text.format(cards="♥A ♥Q ♥4 ♦A ♦5"))
    assert right.label == -1 and right.steps[1].label == 1  # line 2 is Q's statement: the list holds there
    assert ctx.aligner.outline_cues("3. Q: now knows") == ()  # line 3 is P's statement, not Q's


def test_a_speakers_certainty_names_the_statement(ctxs):
    ctx = ctxs("cheryl.txt")
    text = "Identifying the giveaway days: 18 and 19 each occur once (June 18, May 19). Albert's certainty that " \
        "Bernard can't know rules out any month holding them, so {months} are gone."
    right = _audit(ctx, text.format(months="May and June"))
    assert right.label == -1 and [c.record.kind for c in right.claims() if c.record.certain] == ["singletons", "credit"]
    # ("18 and 19 each occur once": the singleton days, read since session 38)
    wrong = _audit(ctx, text.format(months="May and July"))
    assert wrong.label == 0  # July survives Albert's statement


def test_being_sure_in_other_words(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    for verb in ["can vouch that", "is confident that", "can guarantee that"]:
        r = _audit(ctx, f"Albert {verb} Bernard doesn't know, so his month avoids 13 and 20.\n\n"
                        "Remaining: Apr 14, Apr 17, Apr 19, Jun 12, Jun 19.")
        assert r.label == -1, verb
        assert [c.formula for c in r.claims() if c.record.kind == "knowledge"] == \
            ["Albert knows that (not Bernard knows date)"], verb


def test_statements_paraphrased_with_an_elided_verb_or_finding(ctxs):
    ctx = ctxs("sum_product.txt")
    r = _audit(ctx, "P admits he can't find the numbers.\n\nS replies that he already knew P couldn't.\n\n"
                    "Then P announces he has found them.")
    assert [st.stage for st in r.steps] == [1, 2, 3]
    wrong = _audit(ctx, "P admits he can't find the numbers.\n\nS replies that he already knew P couldn't.\n\n"
                        "Then S says that he now knows the numbers.")
    assert wrong.label == 2 and [c.record.kind for c in _bad(wrong)] == ["speaker"]  # statement 3 is P's


def _located(ctx, text, current):
    from epistemic.audit.segment import apostrophes
    k, _ = ctx.aligner.locate(apostrophes(text), current)
    return sorted({c.stage for c in ctx.aligner.inner_cues(apostrophes(text), current)} | ({k} if k else set()))


def test_retellings_of_each_statement_name_it(ctxs):
    cases = {("card16.txt", None): [("Q then states that he was sure P couldn't know.", 2),
                                    ("Q claims he knew all along P had no idea.", 2),
                                    ("Mr. P now announces he has figured it out.", 3)],
             ("sum_product.txt", None): [("P admits he can't find the numbers.", 1),
                                         ("S replies that he already knew P couldn't.", 2),
                                         ("Then P announces he has found them.", 3)],
             ("cheryl.txt", None): [("Albert's opening line: no idea, but Bernard has no idea either.", 1),
                                    ("Albert can't tell the date from the month, and he's certain Bernard can't "
                                     "either.", 1), ("Bernard's reply: he didn't know before, but he knows now.", 2),
                                    ("阿尔伯特表示他不知道生日，并且确信伯纳德也不知道。", 1), ("伯纳德听了之后说，他现在知道了。", 2)],
             ("cheryl_variant.txt", None): [("Bernard responds: at first I didn't know, but now I do.", 2),
                                            ("阿尔伯特：那我也知道了。", 3)],
             ("impossible.txt", None): [("S回答说他早就知道P确定不了。", 2), ("P接着说他现在知道了。", 3), ("S最后也说他知道了。", 4)],
             ("muddy.txt", (("n", 3), ("k", 2))): [("The father says that at least one child is muddy.", 1),
                                                   ("No child steps forward the first time.", 2)]}
    for (puzzle, params), items in cases.items():
        ctx = ctxs(puzzle, dict(params) if params else None)
        for text, want in items:
            assert _located(ctx, text, want - 1) == [want], text
    muddy = ctxs("muddy.txt", {"n": 3, "k": 2})
    assert 2 not in _located(muddy, "Then all the muddy children step forward.", 2)  # no silence


def test_an_arrow_from_a_statement_credits_what_goes(ctxs):
    ctx = ctxs("cheryl.txt")
    text = "- Albert's statement → May and June out.\n- Bernard's statement → {gone} out.\n- Albert then knows."
    wrong = _audit(ctx, text.format(gone="the 14s and August"))
    assert [c.record.kind for c in _bad(wrong)] == ["credit"]  # August 15 and 17 survive Bernard's statement
    right = _audit(ctx, text.format(gone="the 14s"))
    assert right.label == -1 and [c.record.kind for c in right.claims() if c.record.certain].count("credit") == 2


def test_a_speaker_saying_names_the_statement(ctxs):
    ctx = ctxs("impossible.txt")
    text = 'P saying "I cannot determine" already eliminates {what}.\n\nS says he knew it.'
    assert _audit(ctx, text.format(what="all the even sums")).label == 0  # the even sums go at S's statement
    assert _audit(ctx, text.format(what="every pair of two primes")).label == -1


def test_a_recap_row_named_by_its_speakers_words_with_asides(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    table = ('| Statement | What it rules out | Dates left |\n|---|---|---|\n'
             '| Ali: "I don\'t know, and I know Bo doesn\'t" | April (has 28), June (has 29){more} | {left} |\n'
             '| Bo: "I didn\'t know, now I do" | {bo} | March 18, July 16, July 17 |')
    wrong = _audit(ctx, table.format(more=", and the 19s, which are shared by March and July",
                                     left="March 18, July 16, July 17", bo="nothing new"))
    assert {c.record.kind for c in _bad(wrong)} == {"credit"}  # the 19s go at Bo's statement (and are left after Ali's)
    right = _audit(ctx, table.format(more="", left="March 18, March 19, July 16, July 17, July 19", bo="the 19s"))
    assert right.label == -1 and sum(c.record.kind == "credit" for c in right.claims()) >= 2


def test_a_sum_said_to_stay(ctxs):
    ctx = ctxs("impossible.txt")
    text = SUMS + "The odd sums below 55 with s − 2 composite are 11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53. " \
        "Every way of writing {n} gives an ambiguous product, so {n} stays."
    wrong = _audit(ctx, text.format(n=51))
    assert [c.formula for c in _bad(wrong)] == ["x + y = 51 still possible"]  # 17 + 34: 578 factors one way
    assert _audit(ctx, text.format(n=29)).label == -1
    held = _audit(ctx, SUMS + "Three left, S with 11 stays undecided.")
    assert not [c for c in held.claims() if c.record.kind == "possible"]
    zh = _audit(ctx, SUMS + "所以两数之和为奇数。其中 51 − 2 = 49 不是素数，所以 51 也留在候选里。")
    assert [c.record.kind for c in _bad(zh)] == ["possible"]


def test_a_bold_answer_read_from_its_gloss(ctxs):
    ctx = ctxs("card16.txt")
    assert _audit(ctx, "## Answer\n\nThe card is the **five of diamonds (♦5)**.").final_answer_correct
    wrong = _audit(ctx, "## Answer\n\nThe card is the **ace of diamonds (♦A)**.")
    assert wrong.final_answer == ((3, 0),) and not wrong.final_answer_correct


def test_a_chinese_count_with_you(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    r = _audit(ctx, MUDDY + "第二次也没有人站出来。\n\n所以正好有三个孩子有泥。")
    (c,) = [c for c in r.claims() if c.record.kind == "candidates"]
    assert c.formula.endswith("= 3") and c.verdict.verdict == "premature"  # three only after the last statement


def test_a_foreign_answer_is_wrong_where_first_concluded(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    r = _audit(ctx, "Albert says he doesn't know.\n\nSo Cheryl's birthday is July 16.\n\n### Final Answer\n"
                    "Cheryl's birthday is **July 16**.")
    assert r.label == 1 and r.to_dict()["wrong_answer_step"] == 1


def test_the_count_after_a_described_number(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    r = _audit(ctx, "The father says at least one is muddy.\n\nNobody steps forward.\n\nThen every muddy child knows.\n\n"
                    "So the number of muddy children is the number of rounds plus one: {n}.".replace("{n}", "three"))
    assert [c.record.kind for c in _bad(r)] == ["candidates"]  # one silence: two are muddy
    right = _audit(ctx, "The father says at least one is muddy.\n\nNobody steps forward.\n\nThen every muddy child "
                        "knows.\n\nSo the number of muddy children is the number of silent rounds plus one: two.")
    assert right.label == -1
