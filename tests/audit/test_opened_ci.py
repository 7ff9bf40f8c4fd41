"""Readings from traces_ci* (32 tuning rows written in session 43 by helpers who never read the auditor), each
checked both ways."""
from epistemic.audit.segment import lists_read_together, segment
from tests.audit.reading import audit as _audit


def _kinds(report, kind):
    return [(c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims if c.record.kind == kind]


def test_a_list_spread_over_steps_is_read_with_the_step_announcing_it():
    """"这样剩下的日期是：" and the dates after it, one paragraph each, are read together (each line alone would read
    as the whole list), while the steps stay paragraphs (ProcessBench's unit); a sentence after them, a paragraph
    after one that announces nothing, or the line after "Final answer:" keeps its own reading."""
    text = "这样剩下的日期是：\n\n6月17日\n\n7月14日、7月16日\n\n接下来伯纳德说：\"现在我知道了。\"\n\n7月14日"
    steps = [st.text for st in segment(text).steps]
    assert len(steps) == 5
    read = lists_read_together(steps)
    assert read[0] == "这样剩下的日期是：\n6月17日\n7月14日、7月16日" and read[1:3] == [" " * len(steps[1]), " " * len(steps[2])]
    assert read[3:] == steps[3:]
    prose = ["Remaining cards:", "That is all. P knows.", "♥A"]
    assert lists_read_together(prose) == prose
    assert lists_read_together(["**Final answer:**", "July 16"]) == ["**Final answer:**", "July 16"]


def test_unmarked_list_lines_after_a_colon_are_what_is_left(ctxs):
    """"Remaining cards:" with the cards on the next line is the list left (true after P's first statement), as
    with bullets; the dates of a list over blank lines likewise ("June 17" kept after Albert's statement: false)."""
    ctx = ctxs("card16.txt")
    text = "P: I don't know the card.\n\nRemaining cards:\n♥A, ♥Q, ♥4, ♠4, ♣Q, ♣5, ♣4, ♦A, ♦5"
    assert _kinds(_audit(ctx, text), "candidates") == [("entailed", True)]
    cheryl = ctxs("cheryl.txt")
    lead = "阿尔伯特：我不知道，但我知道伯纳德也不知道。\n\n这样剩下的日期是：\n\n"
    assert _kinds(_audit(cheryl, lead + "6月17日\n\n7月14日、7月16日\n\n8月14日、8月15日、8月17日"), "candidates") == \
        [("false", True)]
    assert _kinds(_audit(cheryl, lead + "7月14日、7月16日\n\n8月14日、8月15日、8月17日"), "candidates") == \
        [("entailed", True)]


def test_a_date_kept_with_its_day_character(ctxs):
    """"所以6月17日可以保留" keeps June 17 (false after Albert's statement) though "日" stands between the date and
    the verb; "4月19日和6月19日都还在" is a list, not one date kept."""
    ctx = ctxs("cheryl.txt")
    lead = "阿尔伯特：我不知道，但我知道伯纳德也不知道。\n\n"
    assert _kinds(_audit(ctx, lead + "所以6月17日可以保留。"), "possible") == [("false", True)]
    assert _kinds(_audit(ctx, lead + "所以7月16日可以保留。"), "possible") == [("entailed", True)]
    assert _kinds(_audit(ctx, lead + "7月14日和8月14日都还在。"), "possible") == []


def test_a_paraphrase_that_does_not_fit_the_later_statement_stays(ctxs):
    """"S is saying that, knowing only the sum, he was already certain P could not know" under the heading of S's
    "I knew you didn't know" is that statement, not S's later "So can I" (a positive first word alone moved it)."""
    ctx = ctxs("sum_product.txt")
    text = ("### Step 2: \"I knew you didn't know\" (S)\n\nS is saying that, knowing only the sum, he was already "
            "certain P could not know. This rules out every even sum.")
    assert [st.stage for st in _audit(ctx, text).steps] == [2, 2]


def test_a_count_not_yet_ruled_out_is_still_possible(ctxs):
    """"还不能排除只有2个的情况", "they can't yet rule out exactly two muddy children": that count still possible after
    the first silence (true with two muddy; "exactly one" false), not an exclusion of it (the negation was lost)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 2})
    lead = "父亲：至少有一个孩子有泥。\n\n第一轮没有人站出来。\n\n"
    assert _kinds(_audit(ctx, lead + "所以第一轮沉默之后，还不能排除只有2个的情况。"), "possible") == [("entailed", True)]
    assert _kinds(_audit(ctx, lead + "所以第一轮沉默之后，还不能排除只有1个的情况。"), "possible") == [("false", True)]
    assert _kinds(_audit(ctx, lead + "所以第一轮沉默之后，还不能排除只有2个的情况。"), "exclusion") == []
    en = "Father: at least one of you is muddy.\n\nNobody steps forward in round 1.\n\nSo after the first silence, "
    assert _kinds(_audit(ctx, en + "they can't yet rule out exactly two muddy children."), "possible") == \
        [("entailed", True)]
    assert _kinds(_audit(ctx, en + "a muddy child still can't rule out the case of exactly one muddy child."),
                  "possible") == [("false", True)]


def test_the_muddy_children_in_all_is_the_count(ctxs):
    """"**答案：有泥的孩子共4个。**" answers 4 (wrong with two muddy), "共" (in all) before the number."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 2})
    lead = "父亲：至少有一个孩子有泥。\n\n第一轮没有人站出来。\n\n第二轮有泥的孩子都站出来了。\n\n"
    report = _audit(ctx, lead + "**答案：有泥的孩子共4个。**")
    assert report.final_answer == ((4,),) and report.final_answer_correct is False
    report = _audit(ctx, lead + "**答案：有泥的孩子共2个。**")
    assert report.final_answer == ((2,),) and report.final_answer_correct is True


def test_the_numbers_of_the_agent_after_them_are_the_pair(ctxs):
    """"so P's numbers are 4 and 13": the pair asked for (P holds their product, no number of his own), as "the numbers
    are 4 and 13"; "S's number is 17" names no pair and stays unread."""
    ctx = ctxs("impossible.txt")
    lead = ("P: I cannot determine the two numbers. S: I knew that you couldn't determine them. P: Now I can "
            "determine them. S: So can I.\n\n")
    assert _kinds(_audit(ctx, lead + "So P's numbers are 4 and 13."), "candidates") == [("entailed", True)]
    assert _kinds(_audit(ctx, lead + "So P's numbers are 4 and 12."), "candidates") == [("false", True)]
    assert _kinds(_audit(ctx, lead + "So S's number is 17."), "candidates") == []


def test_the_sums_left_described_before_the_colon(ctxs):
    """"剩下的就是 s ≤ 53、奇数、且 s − 2 为合数的和：11, …, 51, 53" lists the sums left after S's statement (false: 51
    is gone), once, not once for each "s" of the description."""
    ctx = ctxs("sum_product.txt")
    lead = "P：我不知道这两个数。\n\nS：我知道你不知道。\n\n剩下的就是 s ≤ 53、奇数、且 s − 2 为合数的和："
    assert _kinds(_audit(ctx, lead + "11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53。"), "candidates") == [("false", True)]
    assert _kinds(_audit(ctx, lead + "11, 17, 23, 27, 29, 35, 37, 41, 47, 53。"), "candidates") == [("entailed", True)]


def test_a_suppositions_conclusion_after_a_dash(ctxs):
    """"If Cheryl's month were April, …, so Bernard could not possibly be sure — **April is eliminated**." concludes
    that April is gone after Bernard's statement (premature: Albert's second removes it); "— 19 is out" (true)."""
    ctx = ctxs("cheryl_variant.txt")
    lead = ("Albert: I don't know when Cheryl's birthday is, but I know that Bernard does not know too.\n\n"
            "Bernard: At first I don't know when Cheryl's birthday is, but I know now.\n\n")
    april = _audit(ctx, lead + "If Cheryl's month were April, there would still be three April dates (14, 17, 19) to "
                               "choose between, so Bernard could not possibly be sure — **April is eliminated**.")
    assert [v for v, _ in _kinds(april, "exclusion")] == ["premature"]
    nineteen = _audit(ctx, lead + "If Cheryl's day were 19, Bernard could not be sure — 19 is out.")
    assert _kinds(nineteen, "exclusion") == [("entailed", True)]
    assert _kinds(_audit(ctx, lead + "If Cheryl's day were 19, Bernard could not be sure, and 19 is out."),
                  "exclusion") == []
