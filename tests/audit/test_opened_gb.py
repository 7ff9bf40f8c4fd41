"""Readings from traces_gb* (32 rows written in session 64 by helpers who never read the auditor, as Gemini-style
thinking summaries in English and Kimi / Doubao / Qwen chat answers in Chinese; scored blind at 0.793 at the start of
sessions 64 and 65, then opened in session 65), each checked both ways: "Cheryl is 9, with two 4-year-old brothers"
(the brothers' age, no second answer); "So in the WWR case he wouldn't know either" (a case of the man about to
speak, judged now); "One who does want beer can't answer …" (a person, no count); "All three logicians want a beer:
3."; "只出现一次的日子是18号，其他日子都…"; "- **阿里**：知道日子" (who was told what, in a list); and from the tuning
sets of session 65 (markdown tables, competition solutions, ReAct, XML tags, non-native English, one claim a step): a
table's "Reason" column ("| July 16 | ✓ | only 16 left |": July's case), "a=0⇒b=1", "解：n=3", "So a = 1 stays", "I
almost discarded …", "Earlier I wanted to say …", "<answer>…</answer>", statements without a speaker labelled ①②③,
'the three "I don't know"s', "after the first silent round, …, after the second", "since …, all three want a beer",
"so yes: **answer 1**", "I need check a = 3 more carefully: …", "and k = 3 once the muddy children know", a step's
opening under a tag line ('<step n="1">'), "those two 19s can go right now", "有泥的恰好是三个孩子", "so Bo couldn't be
sure ✗" on a day's line, "步骤6：", "伯纳德现在能确定的生日就是7月16日"."""
from epistemic.audit.claims import extract_records
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def _records(ctx, text):
    return extract_records(ctx.lexicon, text, False, ctx.memo)


def test_the_age_of_the_brothers_beside_the_answer(ctxs):
    """"Cheryl is **9** years old, with two 4-year-old brothers.": the answer is 9 alone; "Answer: Cheryl is 4." is
    4."""
    ctx = ctxs("cheryls_age.txt")
    body = said(ctx) + "\n\n**Final Answer**\n\n"
    report = _audit(ctx, body + "Cheryl is **9** years old, with two 4-year-old brothers.")
    assert report.final_answer == ((9,),) and report.final_answer_correct
    assert _audit(ctx, body + "Answer: Cheryl is 4.").final_answer == ((4,),)
    assert [r.answer for r in _records(ctx, "Answer: Cheryl is 9, with two 4-year-old brothers.")
            if r.kind == "answer"] == [((9,),)]


_SECOND_MAN = ("I'm now stepping into the second man's shoes. He sees man 1 and the blind man. If he sees man 1 "
               "white and the blind man red, then his own hat could still be white or red. So in the WWR case he {} "
               "know, and his \"I don't know\" only eliminates RWR.")


def test_a_case_of_the_man_about_to_speak_is_judged_now(ctxs):
    """After the first man's "I don't know" (WRR gone), "in the WWR case he wouldn't know" of the second man is false:
    he would see white and red and know he is white. "He" is the man who sees, not the blind man he sees. "… he would
    know" is right."""
    ctx = ctxs("hats.txt")
    head = said(ctx, 1) + "\n\nSo WRR is out.\n\n"
    wrong = _audit(ctx, head + _SECOND_MAN.format("wouldn't"))
    assert [(c.formula, c.verdict.verdict) for c in _claims(wrong, "hypothetical")] == \
        [("(h[1] = white and h[2] = white and h[3] = red) implies (not w[2] knows h[2])", "false")]
    right = _audit(ctx, head + _SECOND_MAN.format("would"))
    assert [c.verdict.verdict for c in _claims(right, "hypothetical")] == ["entailed"] and not bad(right)


def test_a_case_of_what_the_next_speaker_knew_still_looks_back(ctxs):
    """"如果是黑桃，Q就没法确定P不知道" at Q's "I knew you didn't know" is about the start (Q's statement is in the past
    tense), not about the stage after P's first statement."""
    ctx = ctxs("card16.txt")
    text = said(ctx, 2, "zh") + "\n\n黑桃里有J、8、2、7、3，这些都是唯一的点数，如果花色是黑桃，Q先生没法确定P先生不知道。" \
        "排除黑桃。"
    report = _audit(ctx, text)
    assert [c.verdict.verdict for c in _claims(report, "hypothetical")] == ["entailed"] and not bad(report)


def test_one_who_wants_beer_is_a_person_not_a_count(ctxs):
    """"One who does want beer can't answer …" says nothing of how many want beer; "So all three of them want a
    beer." does."""
    ctx = ctxs("drinking_logicians.txt")
    assert _records(ctx, "One who does want beer can't answer without knowing about the others.") == []
    assert [r.key.formula[-1] for r in _records(ctx, "So all three of them want a beer.")] == [("Const", 3)]


def test_a_count_said_again_after_a_colon_is_the_answer(ctxs):
    """"All three logicians want a beer: 3." closes on the answer 3; "- 2 want beer: …" stays a case label."""
    ctx = ctxs("drinking_logicians.txt")
    body = said(ctx) + "\n\n**Final Answer**\n\n"
    report = _audit(ctx, body + "All three logicians want a beer: 3.")
    assert report.final_answer == ((3,),) and report.final_answer_correct
    assert [r for r in _records(ctx, "Answer: All three want a beer: 2, or one.") if r.kind == "answer"] == []


def test_the_one_day_that_appears_once_beside_the_others(ctxs):
    """"只出现一次的日子是18号（6月18日），其他日子都至少出现在两个月里": 18 alone is said to be unique (19 is too, so
    the claim is false), read once though two phrases name it; "The only day that appears once is 18, which appears
    in June" stays a claim too."""
    ctx = ctxs("cheryl.txt")
    found = _records(ctx, "先找只出现一次的日子：翻了一遍，只出现一次的日子是18号（6月18日），其他日子都至少出现在两个月里。")
    assert [r.key.formula for r in found if r.kind == "singletons"] == [("Singletons", "day", (18,), True)]
    report = _audit(ctx, "只出现一次的日子是18号，其他日子都至少出现在两个月里。")
    assert [c.verdict.verdict for c in _claims(report, "singletons")] == ["false"]
    assert [r.kind for r in _records(ctx, "The only day that appears once is 18, all other days appear twice.")] == \
        ["singletons"]


def test_who_was_told_what_in_a_list_of_one_line_each(ctxs):
    """"卡姆私下告诉两人的信息：\\n- **阿里**：知道日子（几号）\\n- **波**：知道月份": Ali is told the month, so the
    lines swap the roles (false at the start); the right list is entailed. "Ali: knows the day now" is no role."""
    ctx = ctxs("cheryl_cam.txt")
    swapped = _audit(ctx, "卡姆私下告诉两人的信息：\n- **阿里**：知道日子（几号）\n- **波**：知道月份")
    assert len(_claims(swapped, "told")) == 2 and len(bad(swapped)) == 2
    right = _audit(ctx, "卡姆私下告诉两人的信息：\n- **阿里**：知道月份\n- **波**：知道日子（几号）")
    assert [c.verdict.verdict for c in _claims(right, "told")] == ["entailed", "entailed"] and not bad(right)
    assert [r.kind for r in _records(ctx, "Ali: knows the day now")] != ["told"]


def test_a_reason_cell_is_said_of_its_row(ctxs):
    """"| July 16 | ✓ | only 16 left |" under "| Date | After S2 | Reason |": in July only 16 is left, not of the stage
    (where 15 and 17 are left too); under a header "Left" the same cells say what the stage keeps, and are false."""
    ctx = ctxs("cheryl.txt")
    table = "| Date | After S2 | Reason |\n|---|---|---|\n| July 14 | ✗ | 14 still shared with August 14 |\n" \
        "| July 16 | ✓ | only 16 left |\n| August 15 | ✓ | only 15 left |\n| August 17 | ✓ | only 17 left |"
    report = _audit(ctx, said(ctx, 2) + "\n\n" + table)
    assert not bad(report)
    assert bad(_audit(ctx, said(ctx, 2) + "\n\n" + table.replace("Reason", "Left")))


def test_a_value_implying_another_is_a_case(ctxs):
    """"由①：a=0⇒b=1，a=10⇒b=9，安妮都会知道 ⇒ a∉{0,10}": the cases and what they force are no claims (only the
    exclusion is); "So b = 1." still is one."""
    ctx = ctxs("consecutive.txt")
    found = _records(ctx, "由①：a=0⇒b=1，a=10⇒b=9，安妮都会知道 ⇒ a∉{0,10}。")
    assert [(r.kind, r.certain) for r in found] == [("candidates", False)] * 4 + [("exclusion", True)]
    assert [(r.kind, r.certain) for r in _records(ctx, "So b = 1.")] == [("candidates", True)]


def test_the_size_of_the_instance_is_no_count(ctxs):
    """"解：n=3。" opening a Drinking Logicians solution (n the logicians, and the answer) names the instance; "So n =
    3." concludes the count, as "So k = 2." does in Muddy Children."""
    assert _records(ctxs("drinking_logicians.txt"), "解：n=3。") == []
    assert [r.key.formula[-1] for r in _records(ctxs("drinking_logicians.txt"), "So n = 3.")] == [("Const", 3)]
    assert [r.key.formula[-1] for r in _records(ctxs("muddy.txt"), "So k = 2.")] == [("Const", 2)]


def test_a_value_that_stays_is_possible_not_the_only_one(ctxs):
    """"So a = 1 stays, and by symmetry a = 9 stays.": both still possible, neither the only a."""
    found = _records(ctxs("consecutive.txt"), "So a = 1 stays, and by symmetry a = 9 stays.")
    assert [(r.kind, r.key.formula) for r in found] == [("possible", ("Possible", "a", 1)),
                                                          ("possible", ("Possible", "a", 9))]


def test_ideas_almost_taken_are_rejected(ctxs):
    """"I almost discarded a = 1 …" and "Earlier I wanted to say that the three-muddy case is removed already …, but
    it is not" set their claims aside."""
    almost = _records(ctxs("consecutive.txt"), "I almost discarded a = 1 on the grounds that 0 is still a number Bill "
                                               "could have.")
    assert almost and all(r.reading == "rejected idea" for r in almost)
    wanted = _records(ctxs("muddy.txt"), "Earlier I wanted to say that the three-muddy case is removed already by "
                                         "nobody stepping forward, but it is not.")
    assert wanted and all(r.reading == "rejected idea" for r in wanted)


def test_an_answer_in_tags(ctxs):
    """"<answer>Cam's anniversary is July 16.</answer>" is the answer the trace commits to, after "So March 18."; an
    opening "<answer>Yes: after the three "I don't know"s, …</answer>" is a headline, and the claim is dated after
    all three statements."""
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, said(ctx) + "\n\nSo March 18.\n\n<answer>Cam's anniversary is July 16.</answer>")
    assert report.final_answer == ((3, 16),) and not report.final_answer_correct
    ctx = ctxs("what_sum.txt")
    opening = "<answer>Yes: after the three \"I don't know\"s, the three numbers are all different.</answer>"
    report = _audit(ctx, opening + "\n\n" + said(ctx) + "\n\nSo yes.")
    assert not bad(report) and report.label == -1


def test_labels_of_statements_no_one_makes(ctxs):
    """"①父亲：至少一人有泥。\n②父亲问谁知道自己有没有泥，无人站出。\n③…" labels the muddy statements (the father's and
    the silences have no speaker), so "由②：…∴ 排除100、010、001" is at the silence; mentions alone define nothing."""
    ctx = ctxs("muddy.txt")
    text = "解：设三个孩子c₁、c₂、c₃。\n①父亲：至少一人有泥。\n②父亲问谁知道自己有没有泥，无人站出。\n③此后每个有泥的孩子都" \
        "知道自己有泥。\n\n由①：排除000，剩7种。\n\n由②：若恰一人有泥（如100），c₁看到另两人都干净，立即知道自己有泥，应站出 ⇒ " \
        "与②矛盾。\n∴ 排除100、010、001，剩011、101、110、111。"
    report = _audit(ctx, text)
    assert not bad(report) and report.steps[-1].reached == 2
    unlabelled = _audit(ctx, "由①：排除000，剩7种。\n\n由②：∴ 排除100、010、001，剩011、101、110、111。")
    assert unlabelled.steps[-1].reached < 2


def test_after_the_second_of_the_silent_rounds(ctxs):
    """"k ≥ 2 after the first silent round, k ≥ 3 after the second": the second silent round (n = 4, k = 3); "and k =
    3 once the muddy children know" is dated by the anchor right after it, the last statement."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    report = _audit(ctx, said(ctx, 3) + "\n\nRecap: k ≥ 1 after the father, k ≥ 2 after the first silent round, "
                                         "k ≥ 3 after the second.")
    assert [c.verdict.verdict for c in _claims(report, "bound")] == ["entailed"] * 3 and not bad(report)
    report = _audit(ctx, said(ctx) + "\n\nRecap: k ≥ 1 after the father, k ≥ 2 after the first silent round, "
                                     "k ≥ 3 after the second, and k = 3 once the muddy children know.")
    assert [c.verdict.verdict for c in _claims(report, "candidates")] == ["entailed"]


def test_a_yes_in_bold_after_the_word_answer(ctxs):
    """"…, so yes: **answer 1**." closes on the answer 1."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx) + "\n\nBoth sums are in {3, 5, 15, 17}, so yes: **answer 1**.")
    assert report.final_answer == ((1,),) and report.final_answer_correct


def test_a_value_checked_up_to_a_colon_is_a_case(ctxs):
    """"Wait, I need check a = 3 more carefully: b = 2 stays …, b = 4 stays.": a = 3's case, not the stage's;
    "Let me check: a = 2 stays." names no case."""
    ctx = ctxs("consecutive.txt")
    found = _records(ctx, "Wait, I need check a = 3 more carefully: b = 2 stays, b = 4 stays.")
    assert found and not any(r.certain for r in found)
    assert [r.certain for r in _records(ctx, "Let me check: a = 2 stays.")] == [True]


def test_all_want_beer_after_a_since_clause(ctxs):
    """"Since nobody said no, all three want beer." says the count; "Since the first said no, two want beer." does
    not (no "all")."""
    ctx = ctxs("drinking_logicians.txt")
    assert [r.key.formula[-1] for r in _records(ctx, "Since nobody said no, all three want beer.")] == [("Const", 3)]
    assert _records(ctx, "Since the first said no, two want beer.") == []



def test_a_step_opening_under_a_tag_line(ctxs):
    """'<step n="1">\nP says he doesn't know, so …': the opening is the line under the tag; a bare "P doesn't know"
    still moves nothing (it may be the state before the statement)."""
    ctx = ctxs("sum_product.txt")
    for opening in ("", '<step n="1">\n'):
        report = _audit(ctx, "Intro.\n\n" + opening + "P says he doesn't know, so p can be split in two ways.")
        assert report.steps[-1].stage == 1, opening
    assert _audit(ctx, "Intro.\n\n<step n=\"1\">\nP doesn't know, so p splits in two ways.").steps[-1].stage == 0


def test_more_ways_to_say_a_value_goes(ctxs):
    """"those two 19s can go right now as well", "The 19s are out now.", "The 19s must go." remove the 19s; "We can go
    through the list." removes nothing."""
    ctx = ctxs("cheryl_cam.txt")
    for line in ("Those two 19s can go right now as well.", "The 19s are out now.", "The 19s must go."):
        assert [r.key.formula for r in _records(ctx, line)] == [("Compare", "!=", ("Var", "day"), ("Const", 19))], line
    assert _records(ctx, "We can go through the list.") == []


def test_the_muddy_ones_are_exactly_three(ctxs):
    """"到这里就可以确定了：有泥的恰好是三个孩子。" states the count 3."""
    found = _records(ctxs("muddy.txt", {"n": 4, "k": 3}), "到这里就可以确定了：有泥的恰好是三个孩子。")
    assert [(r.kind, r.key.formula[-1]) for r in found] == [("candidates", ("Const", 3))]


def test_not_sure_of_the_lines_own_value(ctxs):
    """"- 17: appears in both April and July, so Bo couldn't be sure ✗" after Ali's first statement is that day's
    case (Bo with 17 would know: April is gone), false."""
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\nGoing through the days:\n\n- 16: July 16 only, so Bo would know ✓\n"
                                        "- 17: appears in both April and July, so Bo couldn't be sure ✗")
    assert [c.verdict.verdict for c in _claims(report, "case knowledge")][-1:] == ["false"]


def test_a_chinese_step_number_is_no_value(ctxs):
    """"步骤6：P先生这句话同时说明牌不可能是黑桃或草花": the 6 numbers the step (no rank 6); the exclusion of spades and
    clubs is read, premature at P's first statement."""
    ctx = ctxs("card16.txt")
    found = _records(ctx, "步骤6：P先生这句话同时说明牌不可能是黑桃或草花，因为这两种花色里都有只出现一次的点数。")
    assert [r.key.formula for r in found] == [("Not", ("Member", ("Var", "suit"), (1, 2)))]


def test_the_value_an_agent_can_determine(ctxs):
    """"所以伯纳德现在能确定的生日就是7月16日": the claim is that the date is July 16 (the date he can determine is its
    subject); "伯纳德现在能确定生日。" is his knowing."""
    ctx = ctxs("cheryl.txt")
    assert [r.kind for r in _records(ctx, "所以伯纳德现在能确定的生日就是7月16日。")] == ["candidates"]
    assert [r.kind for r in _records(ctx, "伯纳德现在能确定生日。")] == ["knowledge"]
