"""Readings from traces_gm* (32 rows written in session 65 by helpers who never read the auditor, as o3 / o4-mini chat
answers in English and GLM-4 / 文心一言 / 讯飞星火 answers in Chinese; scored blind at 0.808 at the start of sessions 65
and 66, then opened in session 66), each checked both ways: "分两种情况讨论：" over a list of cases (each case supposed,
not claimed); "有人可能会以为…，但其实不是" (what a reader might think); "If Bill's number were 0 or 10, Anne's would be
forced and she'd know ⇒ b ∉ {0, 10}" (the conditional's "would be" is its mood, not a hedge, and the part after "⇒" is
the writer's conclusion)."""
from epistemic.audit.claims import extract_records
from tests.audit.reading import audit as _audit, bad, claims as _claims, said

_CASES = ("第三步：现在每个额头有泥的孩子都知道自己有泥。\n{}\n（1）恰好2个孩子有泥，比如孩子1和孩子2。孩子1看到孩子2有泥、孩子3干净，"
          "可是孩子2没有站出来，所以孩子1知道自己有泥。这与题目相符。\n（2）3个孩子都有泥。每个孩子都看到另外两个人有泥，他无法判断自己有没有泥。"
          "所以这时有泥的孩子不可能都知道，排除。")


def test_a_split_into_cases_supposes_each_case(ctxs):
    """Under "分两种情况讨论：" the items "（1）恰好2个孩子有泥" and "（2）3个孩子都有泥" are cases, not what is left; the same
    items under a line that lists what is left ("剩下的可能：") say three muddy children remain, which is false."""
    ctx = ctxs("muddy.txt")
    head = said(ctx, 3, "zh") + "\n\n"
    assert not bad(_audit(ctx, head + _CASES.format("分两种情况讨论：")))
    assert bad(_audit(ctx, head + _CASES.format("剩下的可能：")))


_REPEAT = "第二位的“不知道”只是在重复第一位的话、没有新信息。"


def test_what_a_reader_might_think_is_not_claimed(ctxs):
    """"有人可能会以为第二位的“不知道”…没有新信息，但其实不是" rejects the idea; said outright it credits the second
    statement with nothing, which is false."""
    ctx = ctxs("drinking_logicians.txt")
    head = said(ctx, 2, "zh") + "\n\n"
    assert not bad(_audit(ctx, head + "有人可能会以为" + _REPEAT.rstrip("。") + "，但其实不是——它额外告诉大家第二位自己也要。"))
    assert bad(_audit(ctx, head + _REPEAT))


_EDGE = ("### 1. Anne: \"I don't know your number.\"\n- If {}'s number were 0 or 10, {} would be forced and {} know ⇒ "
         "{} ∉ {{0, 10}}.\n\n### 2. Bill: \"I don't know your number.\"\n\n### 3. Anne: \"I know your number.\"\n\n"
         "**Answer: Yes (1).**")


def test_a_conditional_would_be_and_its_conclusion_after_an_arrow(ctxs):
    """Anne sees b: her "I don't know" rules out b = 0 and b = 10? No: Anne knows b from a, so it rules out a = 0 and
    a = 10. "If Bill's number were 0 or 10, Anne's would be forced and she'd know ⇒ b ∉ {0, 10}" swaps the agents: its
    hypothetical is false and its conclusion premature; the right version is read as right."""
    ctx = ctxs("consecutive.txt")
    wrong = _audit(ctx, _EDGE.format("Bill", "Anne's", "she'd", "b"))
    assert [c.verdict.verdict for c in _claims(wrong, "hypothetical")] == ["false"]
    assert [(c.formula, c.verdict.verdict) for c in _claims(wrong, "exclusion")] == \
        [("not b in {0, 10}", "premature")] and bad(wrong)
    right = _audit(ctx, _EDGE.format("Anne", "Bill's", "she'd", "a"))
    assert [c.verdict.verdict for c in _claims(right, "exclusion")] == ["entailed"] and not bad(right)


def _kinds(ctx, text, kind):
    return [(r.key.formula, r.certain) for r in extract_records(ctx.lexicon, text, False, ctx.memo) if r.kind == kind]


def test_assume_opens_a_case_but_we_can_assume_takes_a_fact(ctxs):
    """"Assume d = 19." supposes the day (a proof by contradiction); "hence x ≠ y and we can assume x < y" keeps its
    claim x ≠ y."""
    ctx = ctxs("cheryl_variant.txt")
    assert _kinds(ctx, "Assume d = 19.", "candidates") == [(("Compare", "=", ("Var", "day"), ("Const", 19)), False)]
    assert _kinds(ctx, "So d = 19.", "candidates") == [(("Compare", "=", ("Var", "day"), ("Const", 19)), True)]
    imp = ctxs("impossible.txt")
    assert any(certain for _, certain in _kinds(imp, "So P would know; hence x ≠ y and we can assume x < y from here "
                                                     "on.", "term bound"))


def test_knowing_that_a_letter_is_not_some_values(ctxs):
    """"Bill now knows a isn't 0 or 10": knows that fact (the letter a before "isn't" is Anne's number, not the
    article), not Anne's number."""
    ctx = ctxs("consecutive.txt")
    assert _kinds(ctx, "Bill now knows a isn't 0 or 10.", "knowledge") == \
        [(("Knows", "agent", ("Bill",), "that", ("Not", ("Member", ("Var", "a"), (0, 10)))), True)]
    assert _kinds(ctx, "Bill now knows a.", "knowledge") == \
        [(("Knows", "agent", ("Bill",), "value", (("Var", "a"),)), True)]


_WALK = ("Anne: \"I know your number.\"\n- a = 1 → (1,0) already out → only (1,2) → alive\n- a = 3 → (3,2) and (3,4) "
         "both alive → she couldn't know → dead\n- a = {} → two options each → dead\n- a = 9 → (9,10) already out → "
         "only (9,8) → alive")


def test_a_line_of_several_values_closed_by_dead(ctxs):
    """"- a = 4, 5, 6, 7 → two options each → dead" after Anne's "I know" removes all four values (a case of them,
    not the claim that a is one of them); "dead" on a line of 1, 2 would remove values still possible."""
    ctx = ctxs("consecutive.txt")
    head = said(ctx, 2) + "\n\n"
    right = _audit(ctx, head + _WALK.format("4, 5, 6, 7"))
    assert ("not a in {4, 5, 6, 7}", "entailed") in [(c.formula, c.verdict.verdict) for c in _claims(right, "exclusion")]
    assert not bad(right)
    assert bad(_audit(ctx, head + _WALK.format("1, 2")))


def test_an_emoji_cross_after_an_agent_and_before_what_is_left(ctxs):
    """"…，Q就不敢这么说 ❌" crosses out Mr. Q's claim, not the rank Q; "盲人的帽子不是红的 ❌ 剩下 白白白、…" leaves the
    worlds listed after the cross."""
    card = ctxs("card16.txt")
    text = "如果是黑桃或草花，P完全可能一下子就知道，Q就不敢这么说 ❌ 所以花色只能是红桃或方块。"
    assert not any(r.key.formula == ("Compare", "!=", ("Var", "rank"), ("Const", 12)) for r in
                   extract_records(card.lexicon, text, False, card.memo))
    hats = ctxs("hats.txt")
    found = _kinds(hats, "他不知道 → 盲人的帽子不是红的 ❌ 剩下 白白白、白红白、红白白、红红白 四种。", "candidates")
    assert len(found) == 1 and found[0][0][0] == "Or" and found[0][1]
    assert not _kinds(hats, "他不知道 → 盲人的帽子不是红的 ❌ 剩下 白白白、白红白、红白白、红红白 四种。", "exclusion")


def test_none_of_the_values_has_a_property(ctxs):
    """"none of 16–19 was a loner in the original list": a property the days lack, not their removal; "None of 16
    and 19 is left." removes them."""
    ctx = ctxs("cheryl_cam.txt")
    assert not _kinds(ctx, "It holds for all of them — none of 16–19 was a loner in the original list.", "exclusion")
    assert _kinds(ctx, "None of 16 and 19 is left.", "exclusion")


def test_a_clause_of_a_statement_named_then_quoted(ctxs):
    """"伯纳德那句“起初我不知道”本身只排除13和20，这两个在第一句之后已经没了": one clause of Bernard's statement, said to remove
    values already gone, is no credit of his whole statement."""
    ctx = ctxs("cheryl_variant.txt")
    head = said(ctx, 3, "zh") + "\n\n"
    tail = "伯纳德那句“起初我不知道”本身只排除13和20，这两个在第一句之后已经没了，真正起作用的是“现在知道了”。"
    assert not bad(_audit(ctx, head + tail))
    assert bad(_audit(ctx, head + "伯纳德这句话只排除了13和20。"))


def test_already_sure_of_his_own_hat(ctxs):
    """"At this point the blind man can already be sure his hat is white." after the first man alone is premature;
    after the second man it holds."""
    ctx = ctxs("hats.txt")
    parts = said(ctx).split("\n\n")
    text = "At this point the blind man can already be sure his hat is white."
    assert bad(_audit(ctx, "\n\n".join([parts[0], text, *parts[1:]])))
    assert not bad(_audit(ctx, "\n\n".join([*parts[:2], text, *parts[2:]])))


_TRIPLES = ("Cheryl's brothers are younger than her.\n\nListing the triples with their sums:\n144,1,1 → 146\n72,2,1 → 75\n36,2,2 → 40\n18,4,2 → 24\n12,6,2 → {}\n"
            "12,4,3 → 19\n9,8,2 → 19\n9,4,4 → 17\n8,6,3 → 17\n6,6,4 → 16")


def test_a_list_of_triples_and_their_sums(ctxs):
    """In a column where every line's number is its triple's sum, written without spaces or brackets, "12,6,2 → 19"
    is a slip (the sum is 20); a column of pairs and a count each ("2,3 → 1") has no convention and is not read."""
    ctx = ctxs("cheryls_age.txt")
    assert [c.formula for c in bad(_audit(ctx, _TRIPLES.format(19)))] == ["(12 + 6) + 2 = 19"]
    assert not bad(_audit(ctx, _TRIPLES.format(20)))
    assert not _claims(_audit(ctx, "Counts:\n\n2,3,1 → 1\n4,5,1 → 2\n6,7,1 → 1\n8,9,1 → 3"), "arithmetic")


def test_a_cleft_credit(ctxs):
    """"It is Albert's last line, not Bernard's, that rules out July 14 and August 14" credits Albert's last
    statement, which removes August; Bernard's statement removes the 14s."""
    ctx = ctxs("cheryl.txt")
    head = said(ctx) + "\n\n"
    wrong = _audit(ctx, head + "It is Albert's last line, not Bernard's, that rules out July 14 and August 14.")
    assert [c.verdict.verdict for c in _claims(wrong, "credit")] == ["false"] and bad(wrong)
    right = _audit(ctx, head + "It is Bernard's line, not Albert's last one, that rules out July 14 and August 14.")
    assert [c.verdict.verdict for c in _claims(right, "credit")] == ["entailed"] and not bad(right)


def test_a_closing_yes_after_the_question_asked_again(ctxs):
    """"So, are the three numbers all different? Yes!" answers the puzzle's question; "Did Alice know? No." does
    not."""
    ctx = ctxs("what_sum.txt")
    body = said(ctx) + "\n\n"
    report = _audit(ctx, body + "So, are the three numbers all different? Yes!")
    assert report.final_answer == ((1,),) and report.final_answer_correct
    assert _audit(ctx, body + "So, are the three numbers all different? No!").final_answer == ((0,),)
    assert _audit(ctx, body + "Did Alice know? No.").final_answer is None


def test_weighing_whether_a_date_survives(ctxs):
    """"Let me think about whether June 16 survives somehow" asks; "June 16 survives" says."""
    ctx = ctxs("cheryl_cam.txt")
    assert [c for _, c in _kinds(ctx, "Let me think about whether June 16 survives somehow.", "possible")] == [False]
    assert [c for _, c in _kinds(ctx, "So June 16 survives.", "possible")] == [True]


_STREAMER = "So here's the drawer. Hearts: ace, queen, {}. Spades: jack, {}, four, two, seven, three."


def test_ranks_said_aloud_leave_a_row_unread(ctxs):
    """"Hearts: ace, queen, four." names three hearts, the last spelt as a number (read as a count word elsewhere):
    no row "hearts are A and Q"; with the digits the rows are read."""
    ctx = ctxs("card16.txt")
    assert not _kinds(ctx, _STREAMER.format("four", "eight"), "conditional")
    assert len(_kinds(ctx, _STREAMER.format("4", "8").replace("four, two, seven, three", "4, 2, 7, 3"),
                      "conditional")) == 2


def test_days_said_aloud(ctxs):
    """In a date puzzle "Eighteen, now only March" is day 18's row, "July sixteenth" a date; "one of ten dates: March
    eighteen, nineteen." opens the set-up's list, no claim that it is March."""
    ctx = ctxs("cheryl_cam.txt")
    assert _kinds(ctx, "Eighteen, now only March, since April's out.", "conditional")[0][0] == \
        ("Implies", ("Compare", "=", ("Var", "day"), ("Const", 18)), ("Compare", "=", ("Var", "month"), ("Const", 0)))
    assert [r.answer for r in extract_records(ctx.lexicon, "The answer is July sixteenth.", True, ctx.memo)
            if r.kind == "answer"] == [((3, 16),)]
    assert not _kinds(ctx, "Cam's anniversary is one of ten dates: March eighteen, nineteen.", "candidates")
    assert _kinds(ctx, "Cam's anniversary is one of two dates: March eighteen, nineteen.", "candidates")


def test_bare_labels_of_statements(ctxs):
    """"(S1) Ali: …" defines S1; "Step 4 – S3. Ali knows the month." is then at statement 3, where "the month is
    March" holds."""
    ctx = ctxs("cheryl_cam.txt")
    quotes = [dict(a.texts)["en"] for a in ctx.puzzle.announcements]
    given = "Given:\n" + "\n".join(f"• (S{k}) {s}: \"{q}\"" for k, (s, q) in enumerate(
        zip(("Ali", "Bo", "Ali"), quotes), start=1)) + "\n\n"
    steps = ("Step 2 – S1. April and June are out.\n\nStep 3 – S2. The 19s go.\n\nStep 4 – S3. Ali knows the month. "
             "Hence the month is March.")
    assert not bad(_audit(ctx, given + steps))


def test_another_solution_quoted(ctxs):
    """'The key says: "Anne's first 'I don't know' gives no information"' and '网上有个解法说：“…没有提供任何新信息。”'
    quote another's solution, not the writer's claim; "does not leave only July" denies the only."""
    con = ctxs("consecutive.txt")
    head = said(con) + "\n\n"
    key = "The key says: \"Anne's first statement gives no information, since almost every number has two neighbours.\""
    assert not bad(_audit(con, head + key))
    assert bad(_audit(con, head + "Anne's first statement gives no information."))
    mud = ctxs("muddy.txt")
    quoted = "网上有个解法说：“父亲说‘至少有一个人有泥’是废话，没有提供任何新信息。”这一步错了。"
    assert not bad(_audit(mud, said(mud, 1, "zh") + "\n\n" + quoted))
    cam = ctxs("cheryl_cam.txt")
    assert not any(c for _, c in _kinds(cam, "That is wrong: Ali's statement does not leave only July.", "exclusion"))
    assert any(c for _, c in _kinds(cam, "So Ali's statement leaves only July.", "candidates"))


def test_dates_in_chinese_numerals(ctxs):
    """"所以答案就是七月十六号" in a date puzzle is July 16 (a video transcript's numerals); "八月十五号" is not."""
    ctx = ctxs("cheryl.txt")
    body = said(ctx, lang="zh") + "\n\n"
    report = _audit(ctx, body + "所以答案就是七月十六号。")
    assert report.final_answer == ((2, 16),) and report.final_answer_correct
    assert not _audit(ctx, body + "所以答案就是八月十五号。").final_answer_correct
