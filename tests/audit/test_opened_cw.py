"""Readings from traces_cw* (32 rows written in session 47 by helpers who never read the auditor, scored blind at
0.685 and 0.703, then opened in session 48) and the tuning sets db*, dc* written beside the blind da*, each checked
both ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, formulas as _formulas, said


def test_at_the_start_dates_a_statement_retold(ctxs):
    """"Bo didn't know at the start and now does." retells Bo's statement (what held before it); not `not Bo knows
    date` said of the stage it is at (false there: Bo knows)."""
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nBo didn't know at the start and now does.")
    assert [c.verdict.verdict for c in _claims(report, "knowledge") if c.formula == "not Bo knows date"] == ["entailed"]


def test_asking_those_who_know_whether_they_are_muddy_is_no_claim(ctxs):
    """"父亲让知道自己额头有没有泥的人站出来" (the father asks those who know whether they are muddy to step forward):
    有没有泥 is "whether", not the clean children (没有泥的人) knowing."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx, "父亲说至少有一个孩子有泥。然后父亲让知道自己额头有没有泥的人站出来。")
    assert _claims(report, "knowledge") == [] and bad(report) == []
    clean = _audit(ctx, "父亲说至少有一个孩子有泥。额头没有泥的人这时就能站出来。")
    assert _claims(clean, "knowledge")


def test_a_row_labelled_by_two_values_closes_on_both(ctxs):
    """"- **Q and 4**: … → eliminated." at P's "now I know": both ranks go (premature: ♥Q and ♥4 survive until Q's
    last statement); one value's row still reads as before."""
    ctx = ctxs("card16.txt")
    lead, last = said(ctx, 3) + "\n\n", "\n\n" + said(ctx).split("\n\n")[-1]  # (the trace goes on to Q's last)
    report = _audit(ctx, lead + "- **Q and 4**: rank Q still occurs twice, so P would still be unsure → eliminated."
                    + last)
    assert _formulas(report, "exclusion") == ["rank != Q", "rank != 4"] and bad(report)
    one = _audit(ctx, lead + "- **A**: ♥A and ♦A both remain → eliminated." + last)
    assert _formulas(one, "exclusion") == ["rank != A"] and bad(one) == []


def test_next_announcement_labels_the_one_after(ctxs):
    """"Next announcement: every muddy child already knows." after the father's words is the second announcement
    retold (true there), not the children knowing after the first (premature)."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 1})
    report = _audit(ctx, 'Father: "at least one is muddy" → drop 000 → 7 left.\n\n'
                         "Next announcement: every muddy child already knows. So exactly one muddy child.")
    assert [c.verdict.verdict for c in _claims(report, "formula")] == ["entailed"] and bad(report) == []


def test_an_agent_inside_a_quote_is_not_its_speaker(ctxs):
    """'"I know Bernard does not know" — Albert must be certain.' quotes Albert's first statement: Bernard, named in
    the quote, does not make it Bernard's "at first I didn't know, but now I do" (the step stays at stage 1)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx, 1) + '\n\n"I know Bernard does not know" — Albert must be certain. So the month is '
                                        "not March and not May.")
    assert [st.stage for st in report.steps] == [1, 1] and bad(report) == []


def test_a_knowing_dated_after_an_earlier_statement_is_judged_there(ctxs):
    """"With that Bernard knows the birthday after Albert's statement." while on Albert's statement: premature (Bernard
    knows only after his own), not Bernard's statement narrated ahead."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\nFive dates. With that Bernard knows the birthday after Albert's statement.")
    assert [c.verdict.verdict for c in _claims(report, "knowledge")] == ["premature"] and bad(report)


def test_removing_no_world_is_removing_nothing(ctxs):
    """"So the announcement doesn't actually remove any world, we still have all 32.": the father's announcement
    removes the all-clean world, so the credit of nothing is false."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    text = ("Five children, 32 worlds.\n\nThe father's announcement: \"at least one of you is muddy.\" Hmm, every child can already see a muddy "
            "forehead, so everyone already knew this. So the announcement doesn't actually remove any world, we still "
            "have all 32.")
    report = _audit(ctx, text)
    assert [c.verdict.verdict for c in _claims(report, "credit")] == ["false"] and bad(report)


def test_two_things_told_in_turn_with_ba(ctxs):
    """"私下把月份告诉阿尔伯特、把日子告诉伯纳德": Albert has the month, Bernard the day; not Albert the day (the words
    after the first 告诉 are the next clause's)."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, "谢丽尔私下把月份告诉阿尔伯特、把日子告诉伯纳德。")
    assert _formulas(report, "told") == ["Albert knows month", "Bernard knows day"] and bad(report) == []


def test_a_value_told_in_quotes(ctxs):
    """'Q is told "diamonds".' in a replay of the answer: Q has the suit, not the claim that the suit is diamonds
    (premature before Q's statements)."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, '1. P is told "5". Fives exist in clubs and diamonds.\n2. Q is told "diamonds".')
    assert _formulas(report, "told") == ["P knows rank", "Q knows suit"] and _claims(report, "candidates") == []


def test_an_outline_worked_under_its_lines_moves_the_trace(ctxs):
    """Numbered statements each with indented working under it ("2. 比尔：“…” …\\n   - b=1 → … 去掉。") are the
    reasoning in outline, not the puzzle retold: the trace has reached the last statement, so "此时比尔也能确定a"
    after it holds (it was judged before Anne's first statement)."""
    ctx = ctxs("consecutive.txt")
    outline = ("1. 安妮：“我不知道你的数。” → 她手里不是0也不是10。去掉(0,1)、(10,9)。\n"
               "2. 比尔：“我不知道你的数。” 他知道a∉{0,10}。\n   - b=1 → a=0或2，a=0已排除 → 他会知道。去掉。\n"
               "   剩b∈{2,…,8}。\n"
               "3. 安妮：“我知道你的数。” 她知道比尔的数在2到8之间：\n   - a=1 → b=2；a=9 → b=8。剩(1,2)、(2,3)、(8,7)、(9,8)。")
    report = _audit(ctx, "设安妮的数为a，比尔的数为b。\n\n" + outline + "\n\n此时比尔也能确定a。")
    assert [c.verdict.verdict for c in _claims(report, "knowledge") if c.formula == "Bill knows a"] == ["entailed"]
    assert bad(report) == []


def test_but_then_goes_on_with_a_rejected_idea(ctxs):
    """"My first instinct is …: Q knows the suit … but then Q's line says nothing at all, every suit passes, nothing is
    removed. That can't be right": what the rejected idea would give, not the trace's credit of nothing."""
    ctx = ctxs("card16.txt")
    text = (said(ctx, 2) + "\n\nHmm. My first instinct is to apply this to the 9 remaining cards: Q knows the suit, "
            "and everybody knows P doesn't know... but then Q's line says nothing at all, every suit passes, nothing "
            "is removed. That can't be right.")
    assert bad(_audit(ctx, text)) == []


def test_a_heading_quoting_a_statement_loosely(ctxs):
    """'## "I can't tell, and I'm sure Bernard can't either"' heads Albert's first statement (its shape: not know,
    know, not know), not Bernard's; '## "I didn't know before, but I do now"' then heads Bernard's."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, "## \"I can't tell, and I'm sure Bernard can't either\"\n\nMay and June go.\n\n"
                         "## \"I didn't know before, but I do now\"\n\nSo the day isn't 14.")
    assert [st.stage for st in report.steps][1::2] == [1, 2] and bad(report) == []


def test_known_from_the_start_is_judged_at_the_start(ctxs):
    """"if the rank were Q or 4, P would have known from the start" (after Q's statement, where ♥Q and ♥4 are the only
    Q and 4): false at the start (♣Q, ♠4), where the trace dates it; "如果点数是Q或4，P先生一开始就能知道" too."""
    ctx = ctxs("card16.txt")
    lead = said(ctx, 2) + "\n\n"
    report = _audit(ctx, lead + "So if the rank were Q or 4, P would have known from the start.")
    assert [c.verdict.stage for c in _claims(report, "hypothetical")] == [0] and bad(report)
    zh = _audit(ctx, said(ctx, 2, "zh") + "\n\n如果点数是Q或4，P先生一开始就能知道。")
    assert [c.verdict.stage for c in _claims(zh, "hypothetical")] == [0] and bad(zh)
    now = _audit(ctx, lead + "So if the rank were Q or 4, P would know now.")
    assert bad(now) == []


def test_a_plain_line_keeping_its_value_by_name(ctxs):
    """"5月：12日（6月也有）、14日（4月也有），所以5月里没有唯一的日子，保留5月。" on Albert's first statement (May holds the
    lone 20): May kept, false there; a line that keeps April, which stays, is no error."""
    ctx = ctxs("cheryl_variant.txt")
    lead = said(ctx, 1, "zh") + "\n\n"
    report = _audit(ctx, lead + "5月：12日（6月也有）、14日（4月也有），所以5月里没有唯一的日子，保留5月。")
    assert [c.verdict.verdict for c in _claims(report, "possible")] == ["false"] and bad(report)
    kept = _audit(ctx, lead + "4月：14日（5月也有）、17日（3月也有）、19日（6月也有），所以4月里没有唯一的日子，保留4月。")
    assert [c.verdict.verdict for c in _claims(kept, "possible")] == ["entailed"] and bad(kept) == []


def test_a_bold_conclusion_that_is_not_sure_names_no_answer(ctxs):
    """"**The blind man's hat is more likely white (2 of 3 cases), but he cannot be certain.**" gives no answer (the
    puzzle's is white); "**The blind man's hat is white.**" does."""
    ctx = ctxs("hats.txt")
    unsure = _audit(ctx, said(ctx) + "\n\n**The blind man's hat is more likely white (2 of 3 cases), but he cannot be "
                                     "certain from these statements alone.**")
    assert unsure.final_answer is None and not unsure.final_answer_correct
    assert _audit(ctx, said(ctx) + "\n\n**The blind man's hat is white.**").final_answer_correct


def test_a_pronoun_after_a_value_holder_is_the_supposed_holder(ctxs):
    """"If Bill had 1, Anne could be 0 or 2, so he wouldn't know": he is Bill (Anne only holds a value), so the claim
    is Bill's ignorance; "如果是8月，伯纳德手里可能是15或17，他就无法确定" is still Bernard's own."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\nIf Bill had 1, Anne could be 0 or 2, so he wouldn't know.")
    assert _formulas(report, "hypothetical") == ["b = 1 implies (not Bill knows a)"]
    cheryl = ctxs("cheryl.txt")
    zh = _audit(cheryl, said(cheryl, 2, "zh") + "\n\n如果是8月，伯纳德手里可能是15或17，他就无法确定具体是哪一天。")
    assert _formulas(zh, "hypothetical") == ["month = August implies (not Bernard knows date)"]


def test_the_worlds_of_a_case_dropped_by_name_after_it(ctxs):
    """"所以第一位是红的时候第二位也能知道，排除红白白、红红白" after the second man's "I don't know": the worlds dropped
    are the case's own (the first man red), the trace's verdict, false (he cannot tell red-white-white), not a case."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n所以第一位是红的时候第二位也能知道，排除红白白、红红白。")
    assert [c.record.reading for c in _claims(report, "exclusion")] == ["exclusion"] and bad(report)


def test_a_bit_string_world_is_a_case(ctxs):
    """"在 1100 里，…，所以孩子1知道自己有泥" names one world by its bits: the child knowing there is that world's case,
    not the muddy children knowing at the stage (premature before the second round)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n现在第二轮开始前，在 1100 里，孩子1考虑的 {1100, 0100}，0100 已经被排除了，"
                                              "所以孩子1知道自己有泥！" + "\n\n" + said(ctx, None, "zh").split("\n\n")[-1])
    assert bad(report) == []


def test_the_pairs_where_an_agent_holds_values(ctxs):
    """"By symmetry this also removes the pairs where Bill holds 0 or 10" on Anne's first statement: the exclusion of
    b = 0 and b = 10, credited to it (premature: Bill's statement removes them)."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\nSo a ≠ 0 and a ≠ 10. By symmetry this also removes the pairs where Bill "
                                        "holds 0 or 10.\n\n" + said(ctx).split("\n\n", 1)[1])
    assert "not b in {0, 10}" in _formulas(report, "exclusion") and bad(report)


def test_at_this_point_the_blind_man_can_already_work_out(ctxs):
    """"So at this point the blind man can already work out that his hat is white" after the first man's statement,
    with the set-up retelling the whole dialogue before it: premature (he knows after the second man's)."""
    ctx = ctxs("hats.txt")
    setup = ("Three hats drawn from three white and two red. Man 1 sees men 2 and 3; man 2 sees men 1 and 3; man 3 is "
             "blind. Man 1 says he doesn't know his colour, man 2 says he doesn't know either, and then the blind man "
             "says what his hat is.")
    report = _audit(ctx, setup + "\n\n" + said(ctx, 1) + "\n\nSo at this point the blind man can already work out that "
                    "his hat is white.\n\nHmm, but then why would the puzzle need man 2's statement?")
    assert [c.verdict.verdict for c in _claims(report, "knowledge") if c.formula == "w[3] knows h[3]"] == ["premature"]
    assert bad(report)


def test_he_says_on_a_line_opening_on_a_plain_name(ctxs):
    """"Man 1 sees h2 and h3. … He says he doesn't know, so WRR is out." tells man 1's statement (the exclusion holds
    there); "Now man 2." turns to the second man's."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, "Seven assignments.\n\nMan 1 sees h2 and h3. When would he know? Only with two reds. He says "
                         "he doesn't know, so WRR is out.\n\nNow man 2. He sees h1 and h3.")
    assert [st.reached for st in report.steps] == [0, 1, 2] and bad(report) == []


def test_a_setup_retelling_all_statements_with_an_aside(ctxs):
    """"… Then Anne says that, actually, now she does know Bill's number." ends a set-up that retells all three
    statements (a recap: the trace stays at the start), so "Anne's first statement. …" after it is statement 1."""
    ctx = ctxs("consecutive.txt")
    setup = ("Anne and Bill each get a number. Then Anne says she can't tell what Bill has. Bill says he can't tell "
             "what Anne has either. Then Anne says that, actually, now she does know Bill's number.")
    report = _audit(ctx, setup + "\n\nAnne's first statement. So a ≠ 0 and a ≠ 10.")
    assert [(st.stage, st.aligned_by) for st in report.steps] == [(0, "recap"), (1, "ordinal")]


def test_lines_under_a_point_of_view_are_its_cases(ctxs):
    """"…，站在Q先生的角度想：" then "- 红桃4：P先生拿到4，有红桃4、黑桃4、草花4，不知道。" after Q's statement: what Q
    weighed when he spoke (P with a 4 could not know then), not a claim about the stage (where ♥4 is the only 4)."""
    ctx = ctxs("card16.txt")
    lines = "- 红桃4：P先生拿到4，有红桃4、黑桃4、草花4，不知道。"
    viewed = _audit(ctx, said(ctx, 2, "zh") + "\n\n为了稳妥，我站在Q先生的角度想：\n\n" + lines)
    assert bad(viewed) == []
    assert bad(_audit(ctx, said(ctx, 2, "zh") + "\n\n再检查一下：\n\n" + lines))


def test_the_muddy_knowing_dated_inside_its_sentence(ctxs):
    """"Combined with "at least 2", each muddy child already knows after the first silence that she is muddy: if she
    were clean, …" with three muddy: dated after the first silence by its own words, premature there (they know after
    the second); "With exactly 3 muddy, each muddy child … knows after the second silence." is a case."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = said(ctx, 2) + "\n\n"
    report = _audit(ctx, lead + 'A muddy child sees 2 muddy faces. Combined with "at least 2", each muddy child '
                                "already knows after the first silence that she is muddy: if she were clean, the two "
                                "she sees would have stepped forward.")
    assert bad(report)
    case = _audit(ctx, lead + "With exactly 3 muddy, each muddy child sees 2 and knows after the second silence.")
    assert bad(case) == []
