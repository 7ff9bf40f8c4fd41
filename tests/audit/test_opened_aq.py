"""Readings from the correct-only sets traces_aq* (written at the end of session 24, blind then, opened in session 25),
each checked both ways: the true sentence passes, and a twin that says something false is still flagged (or, for
answers, a wrong answer is read as wrong)."""
from tests.audit.reading import answer, audit as _audit, bad as _bad

CONSECUTIVE = "安妮说：“我不知道你的数。”\n\n比尔说：“我不知道你的数。”\n\n"


def test_a_number_before_a_measure_word_counts_and_names_no_value(ctxs):
    """"剩 4 对：(1,2)、(2,3)、(8,7)、(9,8)" counts four pairs after a line that named a: it is not `a = 4`; the pairs
    listed are what is left, so a list that keeps (8,9) instead of (8,7) is still wrong."""
    ctx = ctxs("consecutive.txt")
    step = "安妮说“我知道你的数”。a ∈ {1, 2, 8, 9}，因为这些 a 的一个邻居已不可能；剩 4 对：(1,2)、(2,3)、(8,B)、(9,8)。"
    assert not _bad(_audit(ctx, CONSECUTIVE + step.replace("B", "7")))
    assert _bad(_audit(ctx, CONSECUTIVE + step.replace("B", "9")))


def test_a_bare_chinese_yes_opening_the_reply_is_its_answer_and_a_headline(ctxs):
    """"**是，三个数互不相同。**" and "**答：是，三个数一定互不相同。**" open a What Sum reply with its answer: a headline,
    not a claim made before the announcements; "**否，…**" is a wrong answer."""
    ctx = ctxs("what_sum.txt")
    body = ("\n\n- 爱丽丝不知道 ⇒ b ≠ c。\n- 鲍勃不知道 ⇒ a ≠ c。\n- 卡罗尔不知道 ⇒ a ≠ b。\n\n"
            "三句话说完，三对数两两不等。")
    for head in ("**是，三个数互不相同。**", "**答：是，三个数一定互不相同。**"):
        report = _audit(ctx, head + body)
        assert report.final_answer_correct and not _bad(report), head
    assert answer(ctx, "**否，三个数不一定互不相同。**" + body)[1] is False


SOCRATIC = ("问：哪些日子只出现一次？\n答：13（只有3月）和20（只有5月）。\n\n问：知道月份的人说“我知道伯纳德不知道”，排除了什么？\n"
            "答：排除了含有13或20的月份，也就是3月和5月。\n\n问：还剩什么？\n答：4月14日、4月17日、4月19日、6月12日、6月19日。\n\n"
            "问：伯纳德说“现在我知道了”，哪个日子不行？\n答：19。4月19日和6月19日都还在，拿到19的人分不出来。{}所以剩下4月14日、"
            "4月17日、6月12日。")


def test_several_values_each_with_one_date_left_is_no_count_of_the_stage(ctxs):
    """"12、14、17都只剩一个日期" and "12, 14 and 17 each have only one date left" count per value, not the stage's
    candidates; "只剩四个日期" of the stage is false (three are left)."""
    ctx = ctxs("cheryl_variant.txt")
    for each in ("12、14、17都只剩一个日期。", "12, 14 and 17 each have only one date left. "):
        assert not _bad(_audit(ctx, SOCRATIC.format(each))), each
    assert _bad(_audit(ctx, SOCRATIC.format("只剩四个日期。")))


def test_a_table_column_of_what_each_statement_rules_out_lists_exclusions(ctxs):
    """Under "| after | what it rules out | pairs left |", the cell "a = 0, a = 10" is what Anne's line removes, not
    what is left; a cell under "pairs left" naming values is still what is left."""
    ctx = ctxs("consecutive.txt")
    table = ("| after | what it rules out | pairs left |\n|---|---|---|\n| Anne's \"don't know\" | a = 0, a = 10 "
             "(she'd "
             "know) | 18 |\n| Bill's \"don't know\" | b = 0, 10 (always) | 14 |")
    assert not _bad(_audit(ctx, table))
    wrong = table.replace("what it rules out", "what is left")
    assert _bad(_audit(ctx, wrong))


def test_the_answer_to_what_a_statement_removes_is_an_exclusion(ctxs):
    """"问：安妮说“我不知道你的数”，排除了什么？\\n答：a = 0和a = 10。" answers with what goes; "问：…还剩什么？\\n答：a = 0和
    a = 10。" would say what is left, and is wrong."""
    ctx = ctxs("consecutive.txt")
    qa = "问：安妮说“我不知道你的数”，{}？\n答：a = 0和a = 10。现在a在1到9之间。"
    assert not _bad(_audit(ctx, qa.format("排除了什么")))
    assert _bad(_audit(ctx, qa.format("还剩什么")))
    english = "Intro.\n\nQ: What does Anne's first line {}?\nA: a = 0 and a = 10."
    assert not _bad(_audit(ctx, english.format("rule out")))


def test_everyone_knew_this_already_is_the_fact_before_not_the_announcement(ctxs):
    """"Notice that everyone already knew this — every child sees at least one muddy face." is about the father's
    statement just quoted, not the muddy children knowing they are muddy; "the muddy children already know they are
    muddy" there is premature."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    head = 'The father: "At least one of you is muddy."\n'
    assert not _bad(_audit(ctx, head + "Notice that everyone already knew this — every child sees at least one muddy "
                                       "face."))
    assert _bad(_audit(ctx, head + "So at this point the muddy children already know that they are muddy."))


PROOF = ("**Answer: June 12.**\n\n*Proof.* Call a day *unique* if it occurs in only one month.\n\n"
         "(i) Albert, who holds the month, knows that Bernard doesn't know iff his month contains no unique day. March "
         "contains 13 and May contains 20, so the month is April or June.\n\n"
         "(ii) Restricted to April and June, the days are 14, 17, 19 (April) and 12, 19 (June). Bernard now knows iff "
         "his day occurs once in this restricted list. So 19 is out and the candidates are April 14, April 17, June 12."
         "\n\n(iii) Albert now knows iff his month has exactly one remaining candidate. {}")


def test_items_of_a_proof_numbered_like_the_dialogue_open_on_its_statements(ctxs):
    """"(i) Albert … knows that Bernard doesn't know iff …", "(ii) … Bernard now knows iff …", "(iii) Albert now knows
    iff …": items numbered like the statements, each naming its speaker's knowing, are those statements' steps, so
    "Hence the date is June 12" in (iii) is after the dialogue; "Hence the date is April 14" there is wrong."""
    ctx = ctxs("cheryl_variant.txt")
    right = _audit(ctx, PROOF.format("April has two, June has one. Hence the date is June 12."))
    assert [st.stage for st in right.steps][-3:] == [1, 2, 3] and not _bad(right)
    assert _bad(_audit(ctx, PROOF.format("Hence the candidates are April 14 and April 17.")))


def test_the_next_statement_told_in_the_present_by_its_speaker_reaches_it(ctxs):
    """"Albert knows that Bernard does not know." then "Bernard now knows." then "Albert now knows.": the dialogue told
    in the present reaches each statement in turn; not with a condition ("Bernard now knows, unless his day is 19" is
    about the stage before), and not when the step opened on another statement ('"Now I know the card"\\nMr. Q now
    knows the card.' gives P's line to Q)."""
    ctx = ctxs("cheryl_variant.txt")
    text = ("Intro.\n\nAlbert knows that Bernard does not know. So the month is April or June.\n\nBernard now knows. "
            "So "
            "the candidates are April 14, April 17, June 12.\n\nAlbert now knows. Hence the date is June 12.")
    report = _audit(ctx, text)
    assert [st.reached for st in report.steps] == [0, 1, 2, 3]
    assert not _bad(report)
    report = _audit(ctx, "Intro.\n\nAlbert knows that Bernard does not know.\n\nBernard now knows, unless his day "
                         "is 19.")
    assert [st.reached for st in report.steps] == [0, 1, 1]


def test_a_date_written_month_slash_day_is_that_date(ctxs):
    """"→ 3/18, 7/16, 7/17" is March 18, July 16 and July 17 (what is left after Bo's line); "→ 3/18, 7/16, 7/19" is
    wrong there; "**Answer: March 18 (3/18).**" names March 18."""
    ctx = ctxs("cheryl_cam.txt")
    said = "\n\n".join(f"{a.speaker}: “{dict(a.texts)['en']}”" for a in ctx.puzzle.announcements[:2])
    assert not _bad(_audit(ctx, said + "\n\nBo now knows → his day isn't 19 → 3/18, 7/16, 7/17."))
    assert _bad(_audit(ctx, said + "\n\nLeft: 3/18, 7/16, 7/19."))
    assert answer(ctx, "**Answer: March 18 (3/18).**\n\nAli now knows → not July → 3/18.") == (((0, 18),), True)


def test_answers_on_a_first_line_under_a_question_and_in_a_last_clause(ctxs):
    """"(4, 13)." alone on the first line, "**Q: So how old is Cheryl?**\\n9." closing the trace, and
    "…，最终只剩下4和13（和17，积52）。" are the traces' answers (and a wrong one there is read as wrong)."""
    impossible = ctxs("impossible.txt")
    body = "\nP can't tell → the product factors more than one way.\n\nP now knows → one split of his is on the list."
    assert answer(impossible, "(4, 13)." + body)[1] is True
    assert answer(impossible, "(4, 14)." + body)[1] is False
    assert answer(impossible, "S说他早就知道P不知道。\n\n接下来P说“现在我知道了”、S说“我也知道了”，最终只剩下4和13（和17，积52）。") \
        == (((4, 13),), True)
    age = ctxs("cheryls_age.txt")
    qa = ("**Q: What does the bus number do?**\nThe bus is 17 or 19.\n\n**Q: So how old is Cheryl?**\n{}. (And the bus "
          "is 17.)")
    assert answer(age, qa.format(9)) == (((9,),), True)
    assert answer(age, qa.format(12))[1] is False
