"""Readings from traces_ch* (32 rows written in session 43 by helpers who never read the auditor, scored blind three
times at 0.636, then opened in session 44) and traces_cm* (tuning rows written in session 44), each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, said


def _kinds(report, kind):
    return [(c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims if c.record.kind == kind]


def test_what_went_then_what_is_left_with_its_subject(ctxs):
    """"So Q and 4 are out and the rank must be A or 5." at P's "now I know": two claims, the ranks that went (false:
    ♥Q and ♥4 are left there) and the rank left; the subject "the rank" opens the second, so the first is read."""
    ctx = ctxs("card16.txt")
    last = said(ctx).split("\n\n")[-1]
    report = _audit(ctx, said(ctx, 3) + "\n\nSo Q and 4 are out and the rank must be A or 5.\n\n" + last)
    assert ("premature", True) in _kinds(report, "exclusion") and bad(report)
    assert _kinds(_audit(ctx, said(ctx, 4) + "\n\nSo Q and 4 are out and the rank must be 5."), "exclusion") == \
        [("entailed", True)]


def test_a_table_row_of_an_earlier_stage_is_not_corroborated(ctxs):
    """The table of days written when the trace has just named Albert's statement ("- 13: March 13 → once", true
    before it, false after it: March goes) is the start's table, not a first error, even when the final answer is
    wrong; a list of what is left that keeps May after it still is."""
    ctx = ctxs("cheryl_variant.txt")
    lead = ("Let me start with the unique days, since they drive Albert's first statement.\n\n"
            "Days:\n- 12: May 12, June 12 → twice\n- 13: March 13 → once\n- 20: May 20 → once\n\n")
    wrong = "\n\nSo the answer is April 17."
    table = _audit(ctx, lead + "March and May are out." + wrong)
    assert ("false", True) in _kinds(table, "conditional") and [c.record.kind for c in bad(table)] == ["answer"]
    kept = _audit(ctx, lead + "So the dates left are April 14, April 17, April 19, May 12, May 14, June 12, June 19." +
                  wrong)
    assert "candidates" in [c.record.kind for c in bad(kept)]


def test_at_first_in_a_recap_that_reaches_the_statement(ctxs):
    """"伯纳德起初不知道，现在知道" in a numbered recap of all three statements: "at first" is before his statement (true
    there), though the recap opens at the start, where Bernard with 13 or 20 knows; without "起初" it is about now."""
    ctx = ctxs("cheryl_variant.txt")
    recap = ("阿尔伯特=月份，伯纳德=日子。\n\n日期：3月13、17；4月14、17、19；5月12、14、20；6月12、19。\n"
             "只出现一次的日子：13（3月）、20（5月）。\n\n"
             "1. 阿尔伯特确定伯纳德不知道 → 他的月份里没有唯一日子 → 排除3月、5月。剩4月14、4月17、4月19、6月12、6月19。\n"
             "2. 伯纳德{}不知道（五个日子起初都重复），现在知道 → 他的日子在剩余中唯一。19出现两次（4月19、6月19）→ 排除。"
             "剩4月14、4月17、6月12。\n3. 阿尔伯特也知道 → 月份只剩一个日期。4月还有两个，6月只有一个 → 6月。\n\n答案：6月12日。")
    assert bad(_audit(ctx, recap.format("起初"))) == []
    knowing = [c for st in _audit(ctx, recap.format("起初")).steps for c in st.claims if c.record.kind == "knowledge"]
    assert any(c.verdict.verdict == "entailed" and c.record.certain and "not Bernard" in c.formula for c in knowing)


def test_sure_of_the_others_ignorance_in_one_case(ctxs):
    """"阿里拿到4月也能确定波不知道": Ali's first statement in April's case (false: 28 is only in April), dated by that
    statement; "阿里拿到3月或7月都能确定波不知道" holds there, though after it March's 18 is alone; "P拿到4确实不知道" is
    P's first statement's case, not read as a case at a later stage."""
    ctx = ctxs("cheryl_cam.txt")
    lead = said(ctx, 1, "zh") + "\n\n"
    april = _audit(ctx, lead + "4月的17日、18日、28日在别的月份都能找到，所以阿里拿到4月也能确定波不知道。")
    assert _kinds(april, "case knowledge") == [("false", True)] and bad(april)
    march = _audit(ctx, lead + "3月的18、19都出现两次；7月的16、17、19也都出现两次。没错，阿里拿到3月或7月都能确定波不知道。")
    assert _kinds(march, "case knowledge") == [("entailed", True)] and bad(march) == []
    card = ctxs("card16.txt")
    four = _audit(card, said(card, 2, "zh") + "\n\n黑桃4的点数4是重复的，P拿到4确实不知道。")
    assert _kinds(four, "case knowledge") == [] and bad(four) == []


def test_a_bare_digit_after_the_answer_word(ctxs):
    """"结论：互不相同，答案 1。" answers the yes / no question (1: yes), as "答案：1" does; "答案 12" is no yes or no."""
    ctx = ctxs("what_sum.txt")
    lead = said(ctx, None, "zh") + "\n\n"
    assert _audit(ctx, lead + "结论：互不相同，答案 1。").final_answer == ((1,),)
    assert _audit(ctx, lead + "所以互不相同，答案1。").final_answer == ((1,),)
    assert _audit(ctx, lead + "答案 12。").final_answer is None


def test_a_conclusion_of_its_own_is_not_the_silence_credit(ctxs):
    """"第一次沉默排除了只有1个的情况，而有泥的孩子恰好在这之后知道，就说明不是3个或更多": the first silence removes the one
    muddy child (a credit, true); "not 3" is concluded from the muddy children knowing, not credited to the silence."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    text = (said(ctx, None, "zh") + "\n\n第一次沉默排除了只有1个的情况，而有泥的孩子恰好在这之后知道，就说明不是3个或更多。"
            "\n\n答案：2个。")
    report = _audit(ctx, text)
    assert _kinds(report, "credit") == [("entailed", True)] and bad(report) == []
    plain = _audit(ctx, said(ctx, 2, "zh") + "\n\n第一次沉默排除了只有1个的情况，也排除了只有3个的情况。")
    assert ("premature", True) in _kinds(plain, "credit")


def test_knowing_a_bound_is_not_knowing_ones_forehead(ctxs):
    """"如果有五个有泥的孩子，…三次沉默后只能知道至少有四个，他们还是分不清自己是否有泥，第四次也不会站出来": the muddy
    children's not knowing at the fourth question (true), not a knowing read off "知道至少有四个"."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    case = "如果有五个有泥的孩子，每个有泥的孩子看到四个，三次沉默后只能知道至少有四个，他们还是分不清自己是否有泥，第四次也不会站出来。"
    report = _audit(ctx, said(ctx, None, "zh") + "\n\n" + case)
    assert _kinds(report, "case knowledge") == [("entailed", True)] and bad(report) == []
    wrong = "如果有五个有泥的孩子，每个有泥的孩子看到四个，三次沉默后就知道自己有泥，第四次就会站出来。"
    assert ("false", True) in _kinds(_audit(ctx, said(ctx, None, "zh") + "\n\n" + wrong), "case knowledge")


def test_an_equation_cut_short_before_a_power_is_not_read(ctxs):
    """"17 × 34 = 578 = 2 × 289 = 2 × 17²": the last side has a power the reader does not take, so it is not read
    as "2 × 289 = 2" (false); the sides before it are; a plain slip is still false."""
    ctx = ctxs("sum_product.txt")
    report = _audit(ctx, "51 = 17 + 34: 17 × 34 = 578 = 2 × 289 = 2 × 17²; so 578 only splits as (17, 34).")
    assert _kinds(report, "arithmetic") == [("entailed", True)] * 3
    assert ("false", True) in _kinds(_audit(ctx, "17 × 34 = 578 = 2 × 289 = 2 × 19."), "arithmetic")


def test_a_case_named_inside_a_labelled_line(ctxs):
    """"k = 3: … With k = 2, at the first question nobody knows yet. … Then at the second question, the two muddy ones
    know.": from "With k = 2" on, the line is about two muddy children (true), and "the two muddy ones" is that case's
    count, not a claim that two are muddy; "With k = 3: …" labels its line like "k = 3:"."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    line = ("k = 3: A, B, C muddy. With k = 2, at the first question nobody knows yet. Then nobody steps forward. "
            "Then at the second question, the two muddy ones know.")
    report = _audit(ctx, said(ctx, 4) + "\n\n" + line)
    assert _kinds(report, "case knowledge") == [("entailed", True)] and bad(report) == []
    assert ("premature", True) in _kinds(_audit(ctx, said(ctx, 4) + "\n\nk = 3: A, B, C muddy. Then at the second "
                                                "question, the muddy ones know."), "case knowledge")
    labelled = ("With k = 3: first question, nobody knows. But in the k = 3 world, B sees A and C muddy, so B isn't in "
                "a k = 2 situation.")
    assert bad(_audit(ctx, said(ctx, 4) + "\n\n" + labelled)) == []


def test_in_which_case_supposes_inside_a_labelled_line(ctxs):
    """"k = 3: … he considers that he might be clean, in which case A and C would be the only muddy ones and they would
    know at the second question": the inner case (two muddy), not the label's three."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    line = ("k = 3: A, B, C muddy. B considers that he might be clean, in which case A and C would be the only muddy "
            "ones and they would know at the second question.")
    assert _kinds(_audit(ctx, said(ctx, 4) + "\n\n" + line), "case knowledge") == []


def test_a_count_drawn_after_so_in_the_questions_words(ctxs):
    """"At this point three "I don't know"s have been given and nobody has said no, so all four logicians must want a
    beer": the count after "so" (premature at the third logician: the fourth's "Yes!" says it)."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    text = said(ctx, 3) + ("\n\nThree \"I don't know\"s have been given and nobody has said no, so all four logicians "
                           "must want a beer.\n\n") + said(ctx).split("\n\n")[-1]
    assert ("premature", True) in _kinds(_audit(ctx, text), "candidates")
    assert ("entailed", True) in _kinds(_audit(ctx, said(ctx) + "\n\nSo all four logicians want a beer."), "candidates")


def test_an_agent_knowing_the_answer_is_not_the_answer(ctxs):
    """"A logician who does not want a beer already knows the answer: one refusal is enough" is the bartender's
    question answered by her, not the trace's answer 1; "Answer: 5" still is."""
    ctx = ctxs("drinking_logicians.txt", {"n": 5})
    lead = said(ctx) + "\n\n"
    assert _audit(ctx, lead + "A logician who does not want a beer already knows the answer: one refusal is enough to "
                              "make it no.\n\nAll five want one.").final_answer != ((1,),)
    assert _audit(ctx, lead + "Answer: 5").final_answer == ((5,),)


def test_the_wrong_agents_information_with_what_is_left_in_the_case(ctxs):
    """"如果花色是红桃，还剩红桃A、红桃Q、红桃4三张，P先生不可能确定是哪一张" at P's "now I know": a supposition on the suit,
    which P does not hold, with what is left of hearts listed; false there (with ♥Q P knows): the wrong agent's
    information weighs alone. Supposing a card (suit and rank) is no such case."""
    ctx = ctxs("card16.txt")
    lead = said(ctx, 3, "zh") + "\n\n"
    report = _audit(ctx, lead + "如果花色是红桃，还剩红桃A、红桃Q、红桃4三张，P先生不可能确定是哪一张。")
    assert _kinds(report, "hypothetical") == [("false", True)] and bad(report)
    card = _audit(ctx, lead + "如果是红桃Q，P先生不可能确定是哪一张。")
    assert ("false", True) in _kinds(card, "hypothetical") and bad(card) == []


def test_that_settles_it_states_the_card(ctxs):
    """"3. P now knows → rank isn't A (two aces left). That settles it: D5." names the card at P's "now I know"
    (premature: ♥Q and ♥4 are still there); at Q's last line it holds."""
    ctx = ctxs("card16.txt")
    lead = said(ctx, 3) + "\n\n"
    assert ("premature", True) in _kinds(_audit(ctx, lead + "Rank isn't A. That settles it: D5.\n\n" +
                                                said(ctx).split("\n\n")[-1]), "candidates")
    assert _kinds(_audit(ctx, said(ctx) + "\n\nThat settles it: D5."), "candidates") == [("entailed", True)]


def test_a_shared_quote_after_a_reference_is_the_one_named(ctxs):
    """"Anne's first statement. … So "I don't know your number" rules out the endpoint numbers. So … remove (1,0) and
    (9,10)." — Anne and Bill say the same words; the reference names Anne's, so the removal is dated at hers (premature
    there: Bill's removes those pairs), not at Bill's."""
    ctx = ctxs("consecutive.txt")
    step = ("Anne's first statement. Who could name the other's number immediately? Someone whose number is 0 or 10. "
            "So \"I don't know your number\" rules out the endpoint numbers. So remove (1,0) and (9,10).")
    report = _audit(ctx, step + "\n\nBill's statement: \"I don't know your number.\"")
    assert report.steps[0].reached == 1 and ("premature", True) in _kinds(report, "exclusion") and bad(report)


def test_a_round_said_to_rule_out_nothing_in_chinese(ctxs):
    """"第一次问，没人站出来：这一轮其实排除不了什么" says the first silence removes nothing (false: it removes the one-muddy
    worlds); "没有这句话，第一次沉默就什么也排除不了" is what would follow without the father, no claim."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = said(ctx, 2, "zh") + "\n\n"
    report = _audit(ctx, lead + "第一次问，没人站出来：这一轮其实排除不了什么，大家都只是在消化父亲的话。")
    assert ("false", True) in _kinds(report, "credit") and bad(report)
    assert _kinds(_audit(ctx, lead + "父亲的话很重要：没有这句话，第一次沉默就什么也排除不了。"), "credit") == []
