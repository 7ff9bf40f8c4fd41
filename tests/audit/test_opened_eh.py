"""Readings from traces_eh* (32 rows written in session 57 by helpers who never read the auditor, scored blind at
0.769, then opened in session 58) and the tuning sets eo*, ep*, eq*, er*, es*, et* written beside the blind en*, each
checked both ways. They read whole kinds of writing rather than one phrase: what a statement is said to teach, a
negated inference, names written in lower case."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, said

_ALBERT = "Albert: I don't know when Cheryl's birthday is, but I know that Bernard does not know too.\n\n"


def test_what_a_statement_is_said_to_teach_is_dated_at_it(ctxs):
    """"From the first logician's answer we learn that the second wants beer", "Albert's statement tells us the month
    is July", "从第一位这句话我们得知：第二位想要啤酒": the trace dates the claim at that statement, so a claim true
    only later is premature by its own words (it was read as looking ahead, unchecked); undated, it stays unchecked,
    and "we cannot conclude" dates nothing."""
    cheryl = ctxs("cheryl.txt")
    for dated in ("From Albert's statement we learn that the birthday is in July.",
                  "Albert's statement tells us that the month is July."):
        assert [(c.verdict.verdict, c.formula) for c in bad(_audit(cheryl, _ALBERT + dated))] == \
            [("premature", "month = July")]
    for undated in ("So the birthday is in July.", "From Albert's statement alone we cannot conclude that the month "
                    "is July."):
        assert bad(_audit(cheryl, _ALBERT + undated)) == []
    drinking = ctxs("drinking_logicians.txt", {"n": 3})
    first = "第一位说“我不知道”。\n\n"
    assert [c.formula for c in bad(_audit(drinking, first + "从第一位这句话我们得知：第二位想要啤酒。"))] == ["b[2] = 1"]
    assert bad(_audit(drinking, first + "所以第二位想要啤酒。")) == []


def test_a_negated_inference_denies_nothing(ctxs):
    """"It does not follow that the month is July", "Albert's statement does not tell us that the month is July",
    "这并不意味着生日不在七月": the complement is left open (they were read as "the month is not July", false, a false
    alarm); "So the month is not July." still denies it."""
    cheryl = ctxs("cheryl.txt")
    for open_ in ("It does not follow that the month is July.", "Albert's statement does not tell us that the month "
                  "is July.", "This doesn't mean the month is not July.", "The month is not necessarily July."):
        assert bad(_audit(cheryl, _ALBERT + open_)) == [], open_
    assert [c.formula for c in bad(_audit(cheryl, _ALBERT + "So the month is not July."))] == ["month != July"]
    zh = ctxs("cheryl.txt")
    assert bad(_audit(zh, said(zh, 1, "zh") + "\n\n这并不意味着生日不在七月。")) == []


def test_names_written_in_lower_case_are_read(ctxs):
    """Casual writing: 'albert: "i don't know, but i know bernard doesn't know either." so may and june are out.'
    aligns with Albert's statement and its elimination is checked (nothing was read); a wrong one is then caught;
    "may" stays a modal where it is no month, and a trace that capitalises its names is read as written."""
    ctx = ctxs("cheryl.txt")
    quote = 'albert: "i don\'t know, but i know bernard doesn\'t know either."'
    right = _audit(ctx, quote + " so may and june are out.\n\nleft: july 14, july 16, aug 14, aug 15, aug 17.")
    assert [c.formula for c in _claims(right, "exclusion")] == ["not month in {May, June}"] and bad(right) == []
    assert [c.verdict.verdict for c in _claims(right, "candidates")] == ["entailed"]
    wrong = _audit(ctx, quote + " so may and july are out.\n\nleft: june 17, aug 14, aug 15, aug 17.")
    assert bad(wrong) != [] and wrong.label == 0
    modal = _audit(ctx, quote + " so june is out; we may drop july too.\n\nleft: july 14, july 16.")
    assert not any("May" in c.formula for c in _claims(modal))
    assert [c.formula for c in _claims(_audit(ctx, quote + " so may and june are out."), "exclusion")] == \
        [c.formula for c in _claims(_audit(ctx, quote.replace("albert", "Albert").replace("bernard", "Bernard") +
                                           " so May and June are out."), "exclusion")]


def test_inline_code_that_is_a_condition_or_a_case_label_states_nothing(ctxs):
    """Programmer-style notes: "- `b + c > 50` → only `abs(b - c)` is left, she knows" labels a case and "only for
    `a in {0, 10}`" is a condition (both were read as facts, false: false alarms); "So after Alice: `b != c`." is
    still the writer's claim, and a wrong one is caught."""
    ctx = ctxs("what_sum.txt")
    cases = _audit(ctx, "From Alice's seat: she knows `a` iff one option is impossible:\n- `b == c` → not allowed, "
                   "she knows.\n- `b + c > 50` → only `abs(b - c)` is left, she knows.")
    assert bad(cases) == []
    first = "Alice: I do not know my number.\n\n"
    assert bad(_audit(ctx, first + "`len(options) == 1` only for `a in {0, 10}`. So after Alice: `b != c`.")) == []
    assert [c.formula for c in bad(_audit(ctx, first + "So after Alice: `b == c`."))] == ["b = c"]
    line = _audit(ctx, "From Alice's seat:\n- `b == c` → `abs(b - c) == 0`, not allowed → `a == 2 * b`, she knows.")
    assert bad(line) == [] and len(_claims(line, "formula")) == 3
    muddy = ctxs("muddy.txt", {"n": 5, "k": 2})
    worlds = "Father: at least one of you is muddy.\n\n既然没人站出来，所有 `sum(m) == 1` 的世界都被排除，一共5个。"
    assert bad(_audit(muddy, worlds)) == [] and len(_claims(_audit(muddy, worlds), "formula")) == 1
    assert [c.formula for c in bad(_audit(muddy, worlds.replace("所有 `sum(m) == 1` 的世界都被排除", "`sum(m) == 1`")))] \
        == ["(((m[1] + m[2]) + m[3]) + m[4]) + m[5] = 1"]


def test_a_filler_before_a_turn_to_the_next_statement_does_not_hide_it(ctxs):
    """"Hmm, next comes Q's statement. So the suit is neither spades nor clubs." and "嗯，接下来是Q的话，…": the step
    turns to Q's statement (the filler hid the turn, and "Q" before "的话" was read as the queen: the elimination was
    read one statement early, a false alarm); without the turn the elimination is still one statement early."""
    ctx = ctxs("card16.txt")
    p = "P says: I do not know the card.\n\n"
    for turn in ("Hmm, next comes Q's statement. ", "Alright so next up: Q's statement. ",
                 "嗯，接下来是Q先生的话，大意是“我早就知道你不知道”。", "嗯，接下来是Q的话，大意是“我早就知道你不知道”。"):
        report = _audit(ctx, p + turn + "So the suit is neither spades nor clubs.")
        assert bad(report) == [] and [s.stage for s in report.steps] == [1, 2], turn
    assert [c.verdict.verdict for c in bad(_audit(ctx, p + "Hmm. Then the suit is neither spades nor clubs.\n\n"
                                                      "Next comes Q's statement."))] == ["premature"]


def test_a_list_of_triples_with_their_sums_in_any_layout_is_checked(ctxs):
    """"- (12, 4, 3)，和 18", "(12, 4, 3), sum 18" in a column of two, and a dict in inline code "`ages = {(8,6,3): 17,
    (9,8,2): 18, …}`": each sum is checked (these were not read, so the slip 12 + 4 + 3 = 18 went unseen); right sums
    pass."""
    ctx = ctxs("cheryls_age.txt")
    for slip in ("- (12, 4, 3)，和 18\n- (9, 8, 2)，和 19\n- (8, 6, 3)，和 17", "- (12, 4, 3), sum 18\n- (9, 8, 2), sum 19",
                 "`ages = {(8,6,3): 17, (9,4,4): 17, (12,4,3): 18, (9,8,2): 19}`"):
        assert [c.formula for c in bad(_audit(ctx, slip))] == ["(12 + 4) + 3 = 18"], slip
        assert bad(_audit(ctx, slip.replace("18", "19").replace("(9, 8, 2)，和 19", "(9, 8, 2)，和 19"))) == [], slip
    assert _claims(_audit(ctx, "(3,2)，和是31，(4,5)，和是9，(1,1)，和是2")) == []  # ("，和是" may be "and is")


def test_a_list_under_an_agents_side_is_what_that_agent_weighs(ctxs):
    """"from P's side: P had the 5 from the start, candidates ♣5 and ♦5; Q's "I knew" rules out clubs, leaving ♦5":
    ♦5 is what P is left with, not the stage's one card after Q's statement (a false alarm); said of the stage, it is
    still one statement early."""
    ctx = ctxs("card16.txt")
    text = said(ctx) + "\n\nSanity check. {}P had the 5 from the start, candidates ♣5 and ♦5; Q's \"I knew\" rules " \
                         "out clubs, leaving ♦5."
    assert bad(_audit(ctx, text.format("From P's side: "))) == []
    assert [c.verdict.verdict for c in bad(_audit(ctx, text.format("")))] == ["premature"]


def test_a_value_that_stays_ambiguous_is_no_survivor(ctxs):
    """"so 72 stays ambiguous" says P with the product 72 cannot decide, not that a sum of 72 survives (read so:
    false, a false alarm); "so 72 stays" still says it survives."""
    ctx = ctxs("sum_product.txt")
    text = "The sums S could hold: 11, 17, 23, 27.\n\nRe-check: for 72, 3 + 24 = 27, and 27 is on the list, so 72 " \
           "stays{}."
    assert _claims(_audit(ctx, text.format(" ambiguous")), "possible") == []
    assert [c.formula for c in _claims(_audit(ctx, text.format("")), "possible")] == ["x + y = 72 still possible"]


def test_a_removal_is_credited_to_the_half_named_last_before_it(ctxs):
    """"前半句没什么信息量，…。后半句才是关键：…。所以5月、6月整体排除": the months go by the second half (credited to the
    first, which removes nothing: a false alarm); with only the first half named, the credit is wrong."""
    ctx = ctxs("cheryl.txt")
    text = said(ctx, 1, "zh") + "\n\n前半句没什么信息量，阿尔伯特本来就不可能知道。{}所以5月、6月整体排除。"
    assert bad(_audit(ctx, text.format("后半句才是关键：他那个月里就不能有18或19。"))) == []
    assert bad(_audit(ctx, text.format("关键在后半句。阿尔伯特能保证伯纳德不知道，说明他的月份里没有18也没有19，"))) == []
    assert [c.verdict.verdict for c in bad(_audit(ctx, text.format("")))] == ["false"]


def test_formulas_worked_in_an_example_world_are_its_case(ctxs):
    """"e.g. `(5, 5, 10)`. Alice sees 5, 10 → `a in {15, 5}`": Alice's options in that world (read as facts of the
    stage, false: a false alarm); the same formula stated of the stage is still false."""
    ctx = ctxs("what_sum.txt")
    text = said(ctx) + "\n\nNote `a == b` survives until Carol speaks{}. Alice sees 5, 10 → `a in {{15, 5}}`."
    assert bad(_audit(ctx, text.format(": e.g. `(5, 5, 10)`"))) == []
    assert [c.formula for c in bad(_audit(ctx, text.format("")))] == ["a in {5, 15}"]


def test_a_labelled_summary_of_the_traces_own_question_and_the_answer_it_closes_on(ctxs):
    """The trace asks its own question ("can two of the numbers be equal?"), answers it in a labelled summary ("Short
    answer: no. In every surviving triple all three numbers are different.") and closes on the puzzle's ("**yes
    (1)**"): the closing answer is the trace's (the opening "no" was taken, wrong), and the summary is a headline
    (judged at the start: premature, a false alarm)."""
    ctx = ctxs("what_sum.txt")
    text = ("This is the What Sum puzzle.\n\nThe interesting question: after the three \"I don't know\"s, can two of "
            "the numbers be equal?\n\n{}In every surviving triple all three numbers are different.\n\n" + said(ctx) +
            "\n\nSo b ≠ c, a ≠ c and a ≠ b.\n\nAnswer to the puzzle's question: **yes (1)**.\n\nSide note: the counts "
            "go 3675 → 2400 → 1144 → 330.\n\nAnother note: (1, 3, 2) survives.")
    labelled = _audit(ctx, text.format("Short answer: no. "))
    assert (labelled.final_answer, labelled.final_answer_correct) == (((1,),), True) and bad(labelled) == []
    assert [c.verdict.verdict for c in bad(_audit(ctx, text.format("")))] == ["premature"]


def test_a_cross_after_a_row_that_says_he_cannot_know_is_its_verdict(ctxs):
    """"- 14 → 14 was in both April and May, so Bernard with 14 still couldn't be sure ✗": the cross marks what the
    row says, that he would not know, not the row struck out (it was left unchecked, hiding the error: May is gone,
    so 14 is unique); "- 19 → April 19 or June 19 ✗" is still a row crossed out."""
    ctx = ctxs("cheryl_variant.txt")
    rows = said(ctx, 1) + "\n\nSo May is gone.\n\n" + said(ctx)[len(said(ctx, 1)):].split("\n\n")[1] + \
        "\n\n- 12 → only June 12 remains → he'd know ✓\n- 14 → 14 was in both April and May, so Bernard with 14 " \
        "still couldn't be sure{}"
    assert [c.verdict.verdict for c in bad(_audit(ctx, rows.format(" ✗")))] == ["false"]
    assert bad(_audit(ctx, rows.format(" ✗").replace("- 14 → 14 was in both April and May, so Bernard with 14 still "
                                                      "couldn't be sure", "- 19 → April 19 or June 19"))) == []


def test_an_answer_others_give_is_not_the_traces(ctxs):
    """"注意：网上流传的另一个常见答案是8月17日。" before "**最终答案：8月17日**": the answer others give is no conclusion
    of the trace (it was taken for where the wrong final answer was first concluded, one step early); said as the
    trace's own, it is."""
    ctx = ctxs("cheryl.txt")
    text = said(ctx, None, "zh") + "\n\n所以候选数：10 → 5 → 3 → 1。\n\n**小结**\n- {}8月17日。\n\n**最终答案：8月17日**"
    for others in ("注意：网上流传的另一个常见答案是", "有人会说是", "Another popular answer is "):
        report = _audit(ctx, text.format(others))
        assert report.label == len(report.steps) - 1, others
    report = _audit(ctx, text.format("所以生日是"))
    assert report.label == len(report.steps) - 2


def test_two_answers_bold_in_one_sentence_are_both_the_answer(ctxs):
    """"So both **17 April** and **12 June** are consistent with every line": the trace answers both (the last bold
    was taken alone, June 12: a wrong answer judged right); one bold answer is that answer."""
    ctx = ctxs("cheryl_variant.txt")
    text = said(ctx) + "\n\nLeft: April 17, June 12.\n\nSo {} consistent with every line of the dialogue."
    both = _audit(ctx, text.format("both **17 April** and **12 June** are"))
    assert (both.final_answer, both.final_answer_correct) == (((1, 17), (3, 12)), False)
    one = _audit(ctx, text.format("only **12 June** is"))
    assert (one.final_answer, one.final_answer_correct) == (((3, 12),), True)


def test_a_bare_number_under_a_header_naming_its_variable_is_that_value(ctxs):
    """"| a | b candidates | Anne knows? |" then "| 8 | 7, 9 — both still alive | ❌ |": the row is a = 8, and Anne
    with 8 knows once b = 9 is gone (the row was not read: the wrong "no" went unseen); the right rows pass, and a
    header naming no variable keys nothing."""
    ctx = ctxs("consecutive.txt")
    text = said(ctx, 2) + "\n\n| {} | b candidates | Anne knows? |\n|---|---|---|\n| 1 | 2 (0 is gone) | ✅ |\n" \
                          "| 8 | 7, 9 — both still alive | {} |\n| 9 | 8 (10 is gone) | ✅ |"
    assert [c.formula for c in bad(_audit(ctx, text.format("a", "❌")))] == ["a = 8 implies (not Anne knows b)"]
    assert bad(_audit(ctx, text.format("a", "✅"))) == []
    assert _claims(_audit(ctx, text.format("row", "❌")), "case knowledge") == []


def test_the_sentence_after_a_supposition_that_opens_on_then_is_the_suppositions(ctxs):
    """"Suppose a candidate reads it at the current moment instead. Then line 2 removes nothing …": what that reading
    would give (read as the trace's own credit, false: a false alarm); "Line 2 removes nothing." said plainly is
    still false."""
    ctx = ctxs("card16.txt")
    text = said(ctx) + "\n\nI checked whether the answer depends on reading line 2 as a claim about the start. {}" \
                       "line 2 removes nothing and nine cards remain when P speaks again."
    assert bad(_audit(ctx, text.format("Suppose a candidate reads it at the current moment instead. Then "))) == []
    assert [c.verdict.verdict for c in bad(_audit(ctx, text.format("So ")))] == ["false"]


def test_a_count_of_silences_whose_noun_was_given_before_names_its_silence(ctxs):
    """"第一次沉默后剩11种，第二次后剩5种，第三次后只剩1种": "第三次后" is after the third silence (dated at the second, the
    count 1 was early: a false alarm); "第二次后只剩1种" is after the second, and early."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 4})
    text = said(ctx, None, "zh") + "\n\n核对：16种情况，父亲的话后剩15种，第一次沉默后剩11种，{}只剩1种。"
    assert bad(_audit(ctx, text.format("第二次后剩5种，第三次后"))) == []
    assert [c.verdict.verdict for c in bad(_audit(ctx, text.format("第二次后")))] == ["premature"]


def test_a_teachers_note_on_the_usual_mistake_is_no_claim(ctxs):
    """"易错点：只考虑第二位“看到两顶红帽”这一种情况，…这样只能排除“红白红”，得不出结论。": the mistake a marker warns of
    (read as the trace's elimination, one statement early); said as the trace's own, it is early."""
    ctx = ctxs("hats.txt")
    first, every = said(ctx, 1, "zh"), said(ctx, None, "zh")
    text = first + "\n\n{}只考虑第二位看到两顶红帽这一种情况，这样只能排除“红白红”。" + every[len(first):]
    for note in ("易错点：", "**常见错误**：", "Common error: "):
        assert bad(_audit(ctx, text.format(note))) == [], note
    assert [c.verdict.verdict for c in bad(_audit(ctx, text.format("所以")))] == ["premature"]
