"""Readings from traces_dw* (32 rows written in session 55 by helpers who never read the auditor, scored blind at
0.703, then opened in session 56) and the tuning sets eb*, ec* written beside the blind ea*, each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, closing as _closing, said


def test_a_count_arrow_in_brackets_is_no_list_of_values(ctxs):
    """"Statement 3 removed the two aces (5 → 3)": the counts before and after, not the rank 5 (it was credited to
    statement 3 with the aces, a false alarm); the count left is read."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, "- Statement 3 removed the two aces (5 → 3). ✓")
    assert bad(report) == []
    assert [c.formula for c in _claims(report, "credit")] == ["statement 3 rules out rank = A"]
    assert [c.formula for c in _claims(report, "count")] == ["3 remain"]


_TABLE = ("| # | Who | What they say | Removed by this line | Cards still possible | Left |\n"
          "|---|---|---|---|---|---|\n"
          "| 1 | P | \"I don't know the card.\" | {removed} | {left} | {size} |\n"
          "| 3 | P | \"Now I know the card.\" | HA, DA | HQ H4 D5 | 3 |")


def test_a_statement_table_dates_its_list_of_what_is_left_and_its_size_by_the_row(ctxs):
    """A row of "| # | Who | What they say | Removed by this line | Cards still possible | Left |": "Removed by this
    line" is what the line removed (not a column naming who removed the row's value), and the bare list and the size
    of what is left are said of the row's statement (P's first remark leaving five cards was not read at all)."""
    ctx = ctxs("card16.txt")
    early = _audit(ctx, _TABLE.format(removed="every spade and every club", left="HA HQ H4 DA D5", size=5))
    assert {c.formula.split(" rules out")[0] for c in bad(early)} == {"statement 1", "5 remain"}
    right = _audit(ctx, _TABLE.format(removed="J, 8, 2, 7, 3, K, 6", left="HA HQ H4 S4 CQ C5 C4 DA D5", size=9))
    assert bad(right) == [] and "9 remain" in [c.formula for c in _claims(right, "count")]


def test_a_size_column_with_its_list_in_brackets_and_rows_out_of_order(ctxs):
    """"| Q: I knew you didn't know | 5 (♥A ♥Q ♥4 ♦A ♦5) |" under "Cards left": five cards, those five (not the rank
    5); a row naming an earlier statement than the row above it is not dated by it (a last row misread as the
    second statement)."""
    ctx = ctxs("card16.txt")
    table = ("| Statement | Cards left |\n|---|---|\n| P: I don't know | 9 (ranks A, Q, 4, 5) |\n"
             "| Q: I knew you didn't know | 5 (♥A ♥Q ♥4 ♦A ♦5) |\n| P: now I know | {} |")
    right = _audit(ctx, table.format("3 (♥Q ♥4 ♦5)"))
    assert bad(right) == [] and [c.formula for c in _claims(right, "count")] == ["9 remain", "5 remain", "3 remain"]
    wrong = _audit(ctx, table.format("3 (♥A ♥4 ♦5)"))
    assert [c.formula.split(" rules out")[0] for c in bad(wrong)] == ["statement 3"]
    muddy = ctxs("muddy.txt", {"n": 5, "k": 4})
    worlds = ("| 公告 | 排除的有泥人数 | 还可能的有泥人数 | 世界数 |\n|---|---|---|---|\n| 开始 | — | 0～5 | 32 |\n"
              "| 父亲：至少一个人有泥 | 0 | 1～5 | 31 |\n| 第一轮：没人站出来 | 1 | 2～5 | {} |")
    assert bad(_audit(muddy, worlds.format(26))) == []
    assert [c.formula for c in bad(_audit(muddy, worlds.format(16)))] == ["16 remain"]


def test_the_muddy_children_deducing_their_state_after_a_premise_is_dated(ctxs):
    """"既然至少两个人有泥，而他已经看到两个，第一次没人站出来以后，每个有泥的孩子就能推出自己有泥": "推出自己" is knowing
    one's own state, and the dating phrase after the premises dates it (after the first silence: too early with three
    muddy; it was not read)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    early = _audit(ctx, "既然至少两个人有泥，而他已经看到两个，第一次没人站出来以后，每个有泥的孩子就能推出自己有泥。")
    assert [c.verdict.stage for c in bad(early)] == [2]
    right = _audit(ctx, "既然至少三个人有泥，而他只看到两个，第二次没人站出来以后，每个有泥的孩子就能推出自己有泥。")
    assert bad(right) == []


def test_a_line_labelled_by_an_agent_who_speaks_once_dates_what_it_says_already(ctxs):
    """"- **L2.** Same logic ⇒ L2 wants one. At this point L4 already knows the answer": the line is L2's statement,
    and "at this point … already" dates L4's knowing there (before L3 speaks: too early; it was judged at the end)."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    lines = ("- **L1.** Saying \"I don't know\" ⇒ he wants one.\n- **L2.** Same logic ⇒ L2 wants one. {}\n"
             "- **L3.** His \"I don't know\" confirms he wants one too. {}\n- **L4.** Wants beer himself, so \"Yes!\".")
    known = "At this point L4 already knows the answer."
    early = _audit(ctx, lines.format(known, ""))
    assert [(c.formula, c.verdict.verdict, c.verdict.stage) for c in bad(early)] == [
        ("l[4] knows whether (b[1] = 1 and b[2] = 1 and b[3] = 1 and b[4] = 1)", "premature", 2)]  # (the answer to
    # the bartender's question, what every knowing of the dialogue is about; session 67)
    right = _audit(ctx, lines.format("", known))
    assert bad(right) == [] and [c.verdict.stage for c in _claims(right, "knowledge")] == [3]


def test_the_pairs_with_a_value_are_what_is_removed_not_a_case(ctxs):
    """"So Bill's statement removes only the pairs with b = 0 or b = 10, i.e. (1, 0) and (9, 10). 16 left.": "the
    pairs with b = 0" names what goes (it was read as the case b = 0, unchecked); the bare "16 left." counts what is
    left after the statement the step named."""
    ctx = ctxs("consecutive.txt")
    head = said(ctx, 1) + "\n\n"
    wrong = _audit(ctx, head + "Now Bill: \"I don't know your number.\" So Bill's statement removes only the pairs "
                              "with b = 0 or b = 10, i.e. (1, 0) and (9, 10). 16 left.")
    assert {c.record.reading for c in bad(wrong)} >= {"exclusion", "remaining count"}
    assert "16 remain" in [c.formula for c in bad(wrong)]
    for_case = _audit(ctx, head + "For b = 1, a could be 0 or 2, so he's stuck there.")
    assert [c.record.reading for c in _claims(for_case, "hypothetical")] != []


def test_a_bare_count_is_dated_by_the_statement_its_step_names(ctxs):
    """"Father's announcement: at least one muddy. Removes CCCC. 15 left." late in a trace: fifteen after the father
    (not at the stage the trace has reached); in a step naming no statement it is not dated at all."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    head = "\n\n".join(said(ctx, n) for n in range(1, 5)) + "\n\n"
    named = _audit(ctx, head + "Father's announcement: at least one muddy. Removes CCCC. 15 left.")
    assert bad(named) == [] and [c.verdict.stage for c in _claims(named, "count")] == [1]
    unnamed = _audit(ctx, head + "Hmm. 15 left.")
    assert [c.record.reading for c in _claims(unnamed, "count")] == ["stage not reached by any cue"]


def test_a_yes_with_its_digit_in_brackets_is_the_answer(ctxs):
    """"答：是（填1）。两数之和一定是3、5、15、17中的一个。": the yes, its digit bracketed after it (no answer was read)."""
    assert _closing(ctxs, "consecutive.txt", "答：是（填1）。两数之和一定是3、5、15、17中的一个。") == (((1,),), True)
    assert _closing(ctxs, "consecutive.txt", "答：否（填0）。")[1] is False


def test_two_children_seen_stepping_forward_are_not_the_ones_who_know(ctxs):
    """"不过她看到1号和2号第二次站出来之后，就能推出自己是干净的": 1号和2号 are what she sees, their stepping forward the
    time of her knowing (it was read as the two knowing they are clean, a false alarm); said of the two, theirs."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    seen = _audit(ctx, "3号看到1号和2号都有泥。不过她看到1号和2号第二次站出来之后，就能推出自己是干净的。")
    assert bad(seen) == [] and not _claims(seen, "knowledge")
    said_of_them = _audit(ctx, "1号和2号都能推出自己是干净的。")
    assert [c.formula for c in _claims(said_of_them, "knowledge")] == [
        "(m[1] = 0 implies c[1] knows m[1]) and (m[2] = 0 implies c[2] knows m[2])"]


def test_a_list_after_if_and_only_if_spells_out_a_condition(ctxs):
    """"她“不知道”，当且仅当这两种可能都成立：" then "1. |b − c| ≥ 1，也就是 b ≠ c": what her not knowing requires, not what
    holds before she speaks (b ≠ c was judged premature, a false alarm)."""
    ctx = ctxs("what_sum.txt")
    for lead in ("她“不知道”，当且仅当这两种可能都成立：", "She doesn't know if and only if both options are legal:"):
        report = _audit(ctx, lead + "\n\n1. |b − c| ≥ 1，也就是 b ≠ c；\n2. b + c ≤ 50。")
        assert bad(report) == [] and {c.record.reading for c in _claims(report, "term bound")} == {"supposition"}, lead
    plain = _audit(ctx, "So far:\n\n1. |b − c| ≥ 1，也就是 b ≠ c；\n2. b + c ≤ 50。")
    assert [c.record.reading for c in _claims(plain, "term bound")] == ["stage not reached by any cue"]


def test_a_removal_drawn_from_a_quoted_half_is_credited_to_that_half(ctxs):
    """"∴ 由阿尔伯特"我不知道"这半句，可以排除5月和6月": the removal comes from the quoted half (it was read as a plain
    exclusion, true; "可以" was taken for the subject), which removes nothing; the other half does remove them."""
    ctx = ctxs("cheryl.txt")
    head = '阿尔伯特说"我不知道谢丽尔的生日，但我知道伯纳德也不知道"。\n∴ 由阿尔伯特"{}"这半句，可以排除5月和6月。'
    wrong = _audit(ctx, head.format("我不知道"))
    assert [c.formula for c in bad(wrong)] == [
        "statement 1 (its clause not Albert knows date alone) rules out month in {May, June}"]
    assert bad(_audit(ctx, head.format("我知道伯纳德也不知道"))) == []


def test_a_world_said_to_stay_closes_a_sentence_from_an_agents_view(ctxs):
    """"Bill with 1 considers a = 0 or a = 2, so he doesn't know and (2, 1) stays": the sentence takes Bill's view, but
    (2, 1) staying is its conclusion about the stage (false: a = 0 is gone, so Bill with 1 knows; it was a case)."""
    ctx = ctxs("consecutive.txt")
    head = said(ctx, 2) + "\n\n"
    wrong = _audit(ctx, head + "Bill with 1 considers a = 0 or a = 2, so he doesn't know and (2, 1) stays.")
    assert [c.formula for c in bad(wrong)] == ["a = 2 and b = 1 still possible"]
    right = _audit(ctx, head + "Bill with 2 considers a = 1 or a = 3, so he doesn't know and (3, 2) stays.")
    assert bad(right) == [] and [c.record.reading for c in _claims(right, "possible")] == ["possibility"]


def test_knowing_that_names_a_time_is_no_claim_of_it(ctxs):
    """"sixteen at the start, …, three after P knows, and one after Q knows": the knowing dates the counts (it was read
    as P and Q knowing now, a false alarm); "so after Q's statement P already knows the card" still claims it."""
    ctx = ctxs("card16.txt")
    head = said(ctx, 1) + "\n\n"
    tally = _audit(ctx, head + "I'm now tallying: sixteen at the start, nine after P's first admission, five after "
                               "Q's claim, three after P knows, and one after Q knows.")
    assert bad(tally) == [] and {c.record.reading for c in _claims(tally, "knowledge")} == {"reported speech"}
    early = _audit(ctx, said(ctx, 2) + "\n\nSo after Q's statement P already knows the card.")
    assert [c.formula for c in bad(early)] == ["P knows card"]


def test_an_answer_that_cannot_be_said_yet_is_no_answer_claim(ctxs):
    """"我现在在提醒自己：到这一步还不能说答案就是7月16日。": what cannot be said yet (it was judged an early answer, a false
    alarm); "到这一步答案就是7月16日" says it."""
    ctx = ctxs("cheryl.txt")
    head = said(ctx, 2, "zh") + "\n\n"
    assert bad(_audit(ctx, head + "我现在在提醒自己：到这一步还不能说答案就是7月16日。")) == []
    assert bad(_audit(ctx, head + "I can't yet say the answer is July 16.")) == []
    assert [c.formula for c in bad(_audit(ctx, head + "到这一步答案就是7月16日。"))] == ["month = July and day = 16"]


def test_an_agents_value_as_a_case_and_imagining_a_hand(ctxs):
    """"安妮是1时，比尔可能是0或2，…，只剩2": when Anne is 1, what is left for Bill (it was read as a = 2, a false alarm);
    "Imagine you are P holding a 5: only ♦5 remains, so you know": a supposition (♦ was judged early)."""
    ctx = ctxs("consecutive.txt")
    case = _audit(ctx, said(ctx, 2, "zh") + "\n\n安妮是1时，比尔可能是0或2，0已经被比尔的话排除，只剩2；安妮是8时只剩7。")
    assert bad(case) == [] and not [c for c in _claims(case, "candidates") if c.record.certain]
    cards = ctxs("card16.txt")
    imagined = _audit(cards, said(cards, 2) + "\n\nImagine you are P holding a 5: only ♦5 remains, so you know.")
    assert not [c for c in _claims(imagined, "candidates") if c.record.certain]


def test_a_pronoun_and_a_quote_name_the_statement_of_the_agent_named_last(ctxs):
    """"I'm considering Alice, who sees b and c. … her 'I don't know' removes every case with b = c": the statement of
    Alice, who speaks once (all three say "I don't know"; it was judged before any statement, a false alarm)."""
    ctx = ctxs("what_sum.txt")
    text = ("I'm considering Alice, who sees b and c. I've determined that her 'I don't know' removes every case "
            "with b = c.")
    report = _audit(ctx, text)
    assert bad(report) == [] and [c.formula for c in _claims(report, "credit")] == ["statement 1 rules out b = c"]
    wrong = _audit(ctx, text.replace("b = c", "a = b"))
    assert [c.formula for c in bad(wrong)] == ["statement 1 rules out a = b"]


def test_a_value_an_agent_must_therefore_hold_is_concluded(ctxs):
    """"I've determined that Bernard must therefore be holding the 16": concluded as forced, so one statement early it
    weighs alone (it was left uncorroborated, as a plain "Bernard holds the 16" still is)."""
    ctx = ctxs("cheryl.txt")
    text = said(ctx, 1) + "\n\nBernard says he was in the dark at first but is sure now. I've determined that {}." + \
        "\n\n" + said(ctx, 3).split("\n\n")[-1]
    forced = _audit(ctx, text.format("Bernard must therefore be holding the 16"))
    assert [c.formula for c in bad(forced)] == ["day = 16"]
    assert bad(_audit(ctx, text.format("Bernard is holding the 16"))) == []


def test_days_listed_after_a_date_share_its_month_up_to_their_suffix(ctxs):
    """"3月13、17日，5月12、14、20日": March 13 and 17, May 12, 14 and 20 (17 was read as day 17 in every month, so a
    credit of them was premature, a false alarm)."""
    ctx = ctxs("cheryl_variant.txt")
    table = ("| 发言 | 去掉 | 剩余 |\n|---|---|---|\n| 阿尔伯特：不知道，但知道伯纳德也不知道 | 3月13、17日，5月12、14、20日 | 5 |")
    report = _audit(ctx, table)
    assert bad(report) == [] and [c.formula for c in _claims(report, "credit")] == [
        "statement 1 rules out (month = March and day = 13) or (month = March and day = 17) or (month = May and "
        "day = 12) or (month = May and day = 14) or (month = May and day = 20)"]


def test_a_row_with_an_elided_verb_and_a_removal_by_what_it_is_not(ctxs):
    """"| S: I knew you couldn't | pairs whose sum is not 11, 17, … | 145 |": "knew you couldn't" is knowing that the
    other does not know (the row was taken for S's last statement), and the removed pairs are those whose sum is none
    of those (it was credited with removing the sums kept, a false alarm)."""
    ctx = ctxs("impossible.txt")
    row = ("| Statement | Removed | Pairs left |\n|---|---|---|\n"
           "| P: cannot determine | pairs with a uniquely factorable product | 3076 |\n"
           "| S: I knew you couldn't | pairs whose sum is not {} | 145 |")
    right = _audit(ctx, row.format("11, 17, 23, 27, 29, 35, 37, 41, 47, 53"))
    assert bad(right) == [] and [c.formula for c in _claims(right, "credit")] == [
        "statement 2 rules out not x + y in {11, 17, 23, 27, 29, 35, 37, 41, 47, 53}"]
    wrong = _audit(ctx, row.format("11, 17, 23, 27, 29, 35, 37, 41, 47"))  # (53 kept: it says the 53s go)
    assert [c.record.kind for c in bad(wrong)] == ["credit"]


def test_a_removal_weighed_is_no_removal(ctxs):
    """"我一开始还犹豫要不要把17去掉，…，所以保留": whether to remove 17 was weighed, not done (it was judged a removal
    of 17, a false alarm); "所以把17去掉" does remove it."""
    ctx = ctxs("cheryl_cam.txt")
    head = said(ctx, 2, "zh") + "\n\n"
    weighed = _audit(ctx, head + "我一开始还犹豫要不要把17去掉，不过4月已经被排除了，17只剩7月一个，所以保留。")
    assert not [c for c in bad(weighed) if c.record.kind == "exclusion"]
    assert [c.record.reading for c in _claims(weighed, "exclusion")][:1] == ["question"]
    assert [c.record.reading for c in _claims(_audit(ctx, head + "所以把17去掉。"), "exclusion")] != ["question"]

