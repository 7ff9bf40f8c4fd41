"""Readings from the opened blind set traces_ad* (session 17: its three false alarms, its unread answer and first
errors it missed), each checked both ways where it can be: the right reading leaves a true step alone or flags the
wrong one, and its twin goes the other way."""
from tests.audit.reading import audit as _audit, bad as _bad, said

WHAT_SUM = "爱丽丝说：“我不知道我的数。”\n\n鲍勃说：“我不知道我的数。”\n\n卡罗尔说：“我不知道我的数。”\n\n"


def _claims(report):
    return [(c.record.kind, c.formula, c.record.certain) for c in report.claims()]


def test_a_term_after_a_worked_split_is_that_splits(ctxs):
    """"51 = 17 + 34，积 = 578": the product of the split being worked, not the stage's product."""
    ctx = ctxs("sum_product.txt")
    text = "等等，51要单独检查一下。51 = 17 + 34，积 = 578 = 2 × 17 × 17。"
    assert not any(kind == "candidates" and certain for kind, _, certain in _claims(_audit(ctx, text)))
    assert ("candidates", "x * y = 578", True) in _claims(_audit(ctx, "所以积 = 578。"))
    # a claim about the number itself stays a claim: "28只能写成4 × 7" is false whatever the case
    worked = _audit(ctx, "11 = 4 + 7，积是28，而28只能写成4 × 7，所以P拿到28就直接知道了。")
    assert any(c.record.kind == "split" and c.record.certain for c in worked.claims())


def test_knowing_a_membership_is_knowing_that_fact(ctxs):
    ctx = ctxs("consecutive.txt")
    text = "安妮说：“我不知道你的数。”\n\nBill now knows a ∉ {0, 10}."
    assert _claims(_audit(ctx, text))[-1][:2] == ("knowledge", "Bill knows that (not a in {0, 10})")
    assert _audit(ctx, text).label == -1
    assert _audit(ctx, "Bill knows b ∈ {1, 3}.").label == 0  # he knows b itself, not that it is 1 or 3
    ranged = _claims(_audit(ctx, "Anne knows b ∈ {2, …, 8}."))  # a range: what she knows holds (session 18), her
    assert [c[:2] for c in ranged] == [("bound", "b >= 2 and b <= 8")]  # knowledge of it unread


def test_a_bare_knowing_is_about_what_the_agent_does_not_see(ctxs):
    """What Sum asks a yes/no question, but "爱丽丝说不知道" is about her own number (a), not the question."""
    ctx = ctxs("what_sum.txt")
    found = _claims(_audit(ctx, "所以爱丽丝说不知道，说明b ≠ c。"))
    assert ("knowledge", "not Alice knows a") in [c[:2] for c in found]
    assert _audit(ctx, WHAT_SUM + "鲍勃不知道。").label == -1
    card = ctxs("card16.txt")  # where the question asks for what the agent does not see, it is the question
    assert ("knowledge", "not P knows card") in [c[:2] for c in _claims(_audit(card, "So P doesn't know."))]


def test_yes_no_answers_after_answer_is_colon(ctxs):
    ctx = ctxs("what_sum.txt")
    assert _audit(ctx, WHAT_SUM + "所以答案是：是的，三个数互不相同。").final_answer_correct is True
    assert _audit(ctx, WHAT_SUM + "**答案：不一定，三个数未必互不相同（填0）。**").final_answer_correct is False
    assert _audit(ctx, WHAT_SUM + "The answer is: no.").final_answer_correct is False


def test_not_necessarily_all_different_is_no_claim_that_they_are(ctxs):
    ctx = ctxs("what_sum.txt")
    assert not _claims(_audit(ctx, "三个数不一定互不相同。"))
    assert _claims(_audit(ctx, "三个数互不相同。"))[0][:2] == ("term bound", "a != b and a != c and b != c")
    assert not _bad(_audit(ctx, "问三个数是不是一定互不相同。"))  # a question (A-not-A), asked


def test_the_variables_an_agent_sees(ctxs):
    ctx = ctxs("what_sum.txt")
    assert _audit(ctx, "三个数是a、b、c，爱丽丝看到的是a和b两个数，她要猜的是剩下那个。").label == 0
    assert _audit(ctx, "Alice sees b and c. Bob can see a and c.").label == -1
    assert ("told", "Bob knows (a, c)") in [c[:2] for c in _claims(_audit(ctx, "Bob can see a and c."))]
    assert not any(kind == "told" for kind, _, _ in _claims(_audit(ctx, "Alice sees b = 3 and c = 5.")))


def test_b_equals_c_inside_a_sum_is_no_relation(ctxs):
    ctx = ctxs("what_sum.txt")
    assert not _claims(_audit(ctx, "No: a + b = c with a = b = c gives a = 0."))
    assert ("exclusion", "not b = c") in [c[:2] for c in _claims(_audit(ctx, "So b = c is out."))]


def test_an_arithmetic_slip_under_could_is_a_slip(ctxs):
    ctx = ctxs("what_sum.txt")
    slip = _audit(ctx, "Carol sees 20 and 35: c could be 20 + 35 = 45 or 15.")
    assert slip.label == 0
    assert _audit(ctx, "Carol sees 20 and 35: c could be 20 + 35 = 55 or 15.").label == -1


def test_the_one_who_knows_a_variable_observes_it(ctxs):
    ctx = ctxs("card16.txt")
    text = "P is the one who knows the suit, so P now knowing means only one card of his suit is left."
    assert ("told", "P knows suit") in [c[:2] for c in _claims(_audit(ctx, text))]
    assert _audit(ctx, text).label == 0
    assert not any(kind == "told" for kind, _, _ in _claims(_audit(ctx, "P knows the suit now.")))


def test_a_speaker_label_with_what_the_speaker_observes_is_no_statement(ctxs):
    """"- P先生：知道**点数**" says who is told what; it does not move the trace to P's "I know"."""
    ctx = ctxs("card16.txt")
    text = "- P先生：知道**点数**\n- Q先生：知道**花色**\n\n所以花色只可能是红桃或方块。"
    assert [st.stage for st in _audit(ctx, text).steps] == [0, 0]
    assert _audit(ctx, "- P先生：知道了\n\n所以花色只可能是红桃或方块。").steps[-1].stage == 3


def test_only_possibly_is_certain(ctxs):
    ctx = ctxs("card16.txt")
    readings = [c.record.reading for c in _audit(ctx, "所以花色只可能是红桃或方块。").claims()]
    assert readings and "hedged" not in readings
    assert [c.record.reading for c in _audit(ctx, "所以花色可能是红桃或方块。").claims()] == ["hedged"]


def test_i_knew_in_quotes_is_the_statement_about_before(ctxs):
    ctx = ctxs("sum_product.txt")
    text = ('1. P: "don\'t know" → p not uniquely factorable.\n\n2. S: "I knew" → every split of s has ambiguous '
            'product.\n\n3. P: "now I know" → the pair is fixed.')
    report = _audit(ctx, text)
    assert [st.stage for st in report.steps] == [1, 2, 3]


def test_a_numbered_step_label_names_the_next_statement_by_its_speaker(ctxs):
    ctx = ctxs("impossible.txt")
    text = ("Step one. If P could determine them, the product would have one factorization.\n\n"
            "Step two. S knew this from the sum alone.\n\nStep three. P now can.\n\nStep four. S can now determine.")
    assert [st.stage for st in _audit(ctx, text).steps] == [1, 2, 3, 4]
    assert _audit(ctx, "Step one. Let us list the sums.").steps[0].stage == 0  # no speaker: no statement


def test_a_plural_value_and_a_month_are_both_removed(ctxs):
    ctx = ctxs("cheryl.txt")
    found = _claims(_audit(ctx, "Bernard's statement knocks out the 14s and all of August."))
    assert found[0][0] == "credit" and "month = August" in found[0][1]
    assert _audit(ctx, "Bernard's statement knocks out the 14s and all of August.").label == 0
    cam = _claims(_audit(ctxs("cheryl_cam.txt"), "18 is now only March 18 — April's 18 is gone."))
    assert ("exclusion", "not month = April") not in [c[:2] for c in cam]  # "April's 18": one date, not a list


def test_a_value_said_to_go_after_a_semicolon_is_its_own_claim(ctxs):
    ctx = ctxs("cheryl.txt")
    text = "Bernard holding 15 would still be torn between May 15 and August 15; August 15 goes too."
    assert ("exclusion", "not (month = August and day = 15)") in [c[:2] for c in _claims(_audit(ctx, text))]
    listed = _claims(_audit(ctxs("cheryl_cam.txt"), "Left: March 18, 19; July 16, 17."))  # one list across ";"
    assert listed[0][1] == ("(month = March and day = 18) or (month = March and day = 19) or (month = July and day = 16)"
                            " or (month = July and day = 17)")


def test_so_that_leaves_is_no_purpose(ctxs):
    ctx = ctxs("cheryl.txt")
    assert [c.record.reading for c in _audit(ctx, "So that leaves July 16 and August 17.").claims()] == ["what is left"]
    assert [c.record.reading for c in _audit(ctx, "So that Bernard can know, the day must be unique.").claims()] == \
        ["purpose clause"]


def test_an_agent_holding_a_value_knows_in_that_case(ctxs):
    ctx = ctxs("card16.txt")
    for text in ["So P with a K wouldn't be sure either.", "So P with a K wouldn't know either."]:
        assert _claims(_audit(ctx, text))[0][:2] == ("case knowledge", "rank = K implies (not P knows card)"), text
        assert _audit(ctx, text).label == 0  # K is a one-off rank: P with it would know
    assert _audit(ctx, "So P with an A wouldn't be sure either.").label == -1
    assert not _claims(_audit(ctx, "P would know."))  # no case named: a counterfactual, unread
    cam = ctxs("cheryl_cam.txt")  # what the speaker is sure of is what his statement says, not a case to judge now:
    # dated by that statement, so true after Bo's too; with April (28 is April's alone) false (session 44)
    lead = said(cam, 2) + "\n\n"
    assert _audit(cam, lead + "So no, Ali with March is sure Bo doesn't know.").label == -1
    assert _audit(cam, lead + "So Ali with April is sure Bo doesn't know.").label == 2


def test_must_and_comparatives_are_words_the_reader_knows(ctxs):
    """"所以和必须小于53": a bound said outright; premature before the statement that removes 53 (weighs alone)."""
    ctx = ctxs("sum_product.txt")
    text = "P说他不知道。\n\nS说他早就知道P不知道。\n\n所以和必须小于53。\n\nP说他现在知道了。\n\nS说他也知道了。"
    assert _audit(ctx, text).label == 2
    assert _audit(ctx, text.replace("所以和必须小于53。", "所以和必须小于55。")).label == -1


def test_a_bold_number_is_read_like_a_plain_one(ctxs):
    from epistemic.audit.segment import plain
    assert plain("The only unique day is **13**, which") == "The only unique day is   13  , which"
    assert plain("**17** and **52**") == "  17   and   52  "
    assert plain("- **x + y ≥ 55** — the split") == "-   x + y ≥ 55** — the split"  # (a bold case label stays one)
    assert plain("2 * 3 = 6") == "2 * 3 = 6" and plain("2 ** 3") == "2 ** 3"
    ctx = ctxs("cheryl_variant.txt")  # 20 is a one-off day too
    assert _claims(_audit(ctx, "The only unique day is **13**, which sits in March."))[0][:2] == (
        "singletons", "only day = 13 occurs once")


def test_a_list_after_a_property_and_a_colon_names_values_with_it(ctxs):
    """"…a day that appears once. Those are:" then "- **18** → only June 18": the original list's one-off days, not
    the rows of the stage after Albert's statement."""
    ctx = ctxs("cheryl.txt")
    text = ("**Albert: \"I don't know, but I know Bernard doesn't know.\"**\n\nBernard could only know outright if his "
            "day were a day that appears once. Those are:\n\n- **18** → only June 18\n- **19** → only May 19")
    assert _audit(ctx, text).label == -1
    assert not any(c.record.certain for c in _audit(ctx, text).claims() if c.record.kind == "conditional")
    bare = "**Albert: \"I don't know, but I know Bernard doesn't know.\"**\n\n- **18** → only June 18"
    assert any(c.record.certain for c in _audit(ctx, bare).claims() if c.record.kind == "conditional")


def test_an_after_inside_a_since_clause_dates_the_reason(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 1})
    text = ("Father: at least one of you is muddy.\n\nEvery muddy child knows right away.\n\nSince the muddy children knew "
            "straight after the father's announcement, without any silent round, there must be exactly **1** muddy "
            "child.")
    assert _audit(ctx, text).label == -1
    early = "Father: at least one of you is muddy.\n\nAfter the father's announcement there is exactly 1 muddy child."
    assert _audit(ctx, early + "\n\nEvery muddy child knows right away.").label == 1


def test_shuo_ming_is_no_speech(ctxs):
    """"…，说明他的月份里没有13" is "which shows", not someone saying something (it had moved the trace to
    Bernard's statement)."""
    ctx = ctxs("cheryl_variant.txt")
    text = ("第一句，阿尔伯特：“我不知道，但我知道伯纳德也不知道。”阿尔伯特确定伯纳德不知道，说明他的月份里没有13也没有20，"
            "3月和5月被排除。而且19在4月和6月都出现，所以也不可能是19。\n\n伯纳德说：“起初我不知道谢丽尔的生日，但现在我知道"
            "了。”\n\n阿尔伯特说：“那我也知道谢丽尔的生日了。”")
    report = _audit(ctx, text)
    assert report.label == 0 and report.steps[0].stage == 1  # the 19s go with Bernard's statement, not yet


def test_a_chinese_step_label_with_a_comma(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, "第一步，阿里只知道月份。他敢说波也不知道。\n\n第二步，波原来不知道。")
    assert report.steps[0].stage == 1


def test_an_agent_then_a_quote_is_what_the_agent_said(ctxs):
    ctx = ctxs("sum_product.txt")
    report = _audit(ctx, "P不知道。\n\n那么S“早知道P不知道”，说明S的和的每一种拆法，积都有多种分解。")
    assert report.steps[-1].reached == 2


def test_a_bracketed_reason_before_out_is_no_row(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    assert not _claims(_audit(ctx, "Apr (28), Jun (29) out."))
    assert _claims(_audit(ctx, "April: 17, 18, 28."))[0][:2] == ("conditional", "month = April implies day in {17, 18, 28}")


def test_hears_only_the_suit_makes_q_the_agent(ctxs):
    ctx = ctxs("card16.txt")
    text = ("P hears only the rank and says he can't name the card.\n\nQ hears only the suit and says he *already* knew "
            "P would be stuck. Left: ♥A, ♥Q, ♥4, ♦A, ♦5.")
    report = _audit(ctx, text)  # (a step's stage is where it opens: the second opens where the first's cue left it)
    assert [st.stage for st in report.steps] == [0, 2] and report.label == -1


def test_a_line_opening_on_a_value_and_an_arrow_is_its_case(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    text = "18 → March 18 only.\n19 → March 19 and July 19, still two. Bo couldn't know."
    assert not any(c.record.kind == "knowledge" and c.record.certain for c in _audit(ctx, text).claims())
    assert any(c.record.kind == "knowledge" and c.record.certain for c in
               _audit(ctx, "18 → March 18 only.\nSo Bo couldn't know.").claims())
    card = ctxs("card16.txt")  # a colon after the value is a list of its partners, then a claim of its own
    assert [c.record.reading for c in _audit(card, "hearts: A, Q and 4.\ndiamonds: A and 5. Mr. P does not know the "
                                             "card yet.").claims() if c.record.kind == "knowledge"] != ["case analysis"]


def test_an_agents_first_line_is_a_heading_for_that_statement(ctxs):
    ctx = ctxs("impossible.txt")
    text = "P's first line: the product isn't uniquely factorable.\n\nP's second line: one factorization has a listed sum."
    # (since session 40 "first line" names the statement as "first statement" does, so each step stands at it)
    assert [(st.stage, st.reached) for st in _audit(ctx, text).steps] == [(1, 1), (3, 3)]
    same = text.replace("line", "statement")
    assert [(st.stage, st.reached) for st in _audit(ctx, same).steps] == [(1, 1), (3, 3)]


def test_connectives_are_words_the_reader_knows(ctxs):
    """"既然 …", "而且", "实际上", "we're left with", "as well": a false list or bound in such a clause weighs alone; an
    unknown word still makes it wait for a second signal."""
    from epistemic.audit.evidence import explained
    card = ctxs("card16.txt").lexicon
    assert explained("那么，既然黑桃里只剩下黑桃4，而且这几张都不是唯一点数，所以牌只能是红桃或方块了。", card)
    assert explained("So ♠4 is out, and we're left with ♥A, ♥Q, ♥4, ♦A, ♦5.", card)
    assert not explained("Two pairs survive.", card)  # a count word: a count per case is the commonest misreading
    assert not explained("Here it's hearts and diamonds.", card)


def test_we_know_after_a_speakers_remark_is_the_traces_own_knowledge(ctxs):
    """"so after S's remark we know x + y = 17": not S's "now I know too" (which had moved the trace to the end), and
    the anchor is S's statement just reached: the sum is fixed only two statements later."""
    ctx = ctxs("sum_product.txt")
    text = ('## P: "I don\'t know the numbers"\n\n## S: "I knew you didn\'t know"\n\nThis already pins the answer down: '
            "17 is the one S must be holding, so after S's remark we know x + y = 17.\n\n"
            '## P: "Now I know"\n\n## S: "Now I know too"')
    report = _audit(ctx, text)
    assert report.steps[2].reached == 2 and report.label == 2


def test_an_after_inside_a_quote_dates_nothing_outside_it(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    text = ('Ali: "I don\'t know, but I know Bo doesn\'t know either."\n\nNow Bo: "At first I didn\'t know, but now I do, '
            'after Ali\'s statement." Bo has the day and now knows the month is March or July.')
    claims = _claims(_audit(ctx, text))
    assert ("knowledge", "Bo knows that month in {March, July}") in [c[:2] for c in claims]
    assert _audit(ctx, text).label == -1
