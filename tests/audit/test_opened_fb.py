"""Readings from traces_fb* (32 rows written in session 60 by helpers who never read the auditor, in the manner of
gpt-oss's terse analysis and of Taiwan and Hong Kong models writing traditional Chinese, scored blind at 0.720 twice,
then opened in session 61) and from the tuning sets of session 61 (stories, o1 summaries, knowledge tables, R1 with
boxed answers, Llama/Qwen "## Step N" answers), each checked both ways: traditional characters read as simplified, a
removes-nothing said of a reading set aside, who-can-know lines, a table row's first cell, who looks before speaking,
an agent with a number who would know, a count ruled out as a case, values already gone, "there are two fives", and a
first step that restates the puzzle."""
import glob
import os

from epistemic.audit.traditional import _TRADITIONAL, simplified
from tests.audit.reading import answer, audit as _audit, bad, claims as _claims, said

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")

CHERYL_TRADITIONAL = ("阿爾伯特說：「我不知道謝麗爾的生日，但我知道伯納德也不知道。」\n\n"
                      "5月有19日，6月有18日，所以排除5月和6月，剩下{left}。\n\n最終答案：7月16日\n")


def test_traditional_characters_are_read_as_their_simplified_forms(ctxs):
    """A trace in traditional characters ("阿爾伯特說", "謝麗爾", "剩下7月14日…", "最終答案") is read as the same trace
    in simplified ones: the quote names statement 1, what is left is judged at its stage, the answer is read (the
    quote, the list and the answer were missed: every later claim unchecked). A wrong list is still false, and the
    report shows the text as written."""
    ctx = ctxs("cheryl.txt")
    right = _audit(ctx, CHERYL_TRADITIONAL.format(left="7月14日、7月16日、8月14日、8月15日、8月17日"))
    assert [c.formula for c in _claims(right, "speaker")] == ["Albert made statement 1"]
    assert [c.verdict.verdict for c in _claims(right, "candidates")] == ["entailed"]
    assert right.final_answer_correct and right.label == -1
    assert "阿爾伯特說" in right.steps[0].text and "謝麗爾" in right.to_dict()["steps"][0]
    wrong = _audit(ctx, CHERYL_TRADITIONAL.format(left="7月14日、7月16日、8月15日、8月17日"))
    assert wrong.label == 1 and [c.verdict.verdict for c in bad(wrong)] == ["false"]


def test_a_traditional_answer_heading_names_the_final_answer(ctxs):
    """"最終答案" on its own line, the card on the next (traditional for 最终答案): the final answer."""
    ctx = ctxs("card16.txt")
    assert answer(ctx, "最終答案\n\n方塊5\n") == answer(ctx, "最终答案\n\n方块5\n")
    assert answer(ctx, "所以這張牌是方塊5。\n\n最終答案\n\n方塊5\n")[1] is True
    assert answer(ctx, "所以這張牌是紅心4。\n\n最終答案\n\n紅心4\n")[1] is False


def test_simplified_keeps_length_and_leaves_other_text_as_it_is():
    """One character for one, so offsets still point into the original; ASCII and simplified text come back as the
    same object (no copy on the common path)."""
    text = "伯納德說他現在知道了；只有29號只出現在6月。紅心、方塊、點數"
    assert simplified(text) == "伯纳德说他现在知道了；只有29号只出现在6月。红心、方块、点数"
    assert len(simplified(text)) == len(text)
    for same in ("Bernard now knows.", "伯纳德说他现在知道了", ""):
        assert simplified(same) is same


def test_no_reader_is_written_with_a_character_the_table_rewrites():
    """A pattern or word list holding a traditional character would never match after the conversion: the table
    leaves out every character the sources use (bench/make_traditional.py), and this keeps it so."""
    table = set(_TRADITIONAL)
    for path in glob.glob(os.path.join(ROOT, "epistemic", "**", "*.py"), recursive=True):
        if path.endswith("traditional.py"):
            continue
        with open(path, encoding="utf-8") as f:
            used = table & set(f.read())
        assert not used, f"{os.path.relpath(path, ROOT)} uses {''.join(sorted(used))}: regenerate the table"


def test_a_removes_nothing_said_of_another_reading_is_not_a_credit(ctxs):
    """"I briefly consider reading Q's remark as …. Under that reading it would be empty, …, so it couldn't remove
    anything": the pronoun is the reading set aside, not Q's statement (it was read as Q's statement removing
    nothing, false: a false alarm). "Q's remark removes nothing." on its own is still read, and false."""
    ctx = ctxs("card16.txt")
    head = said(ctx, 2) + "\n\n"
    aside = _audit(ctx, head + "I briefly consider reading Q's remark as a statement about the moment after P spoke. "
                   "Under that reading it would be empty, since after P's remark every surviving card has a shared "
                   "rank, so it couldn't remove anything.")
    assert _claims(aside, "credit") == [] and bad(aside) == []
    plain = _audit(ctx, head + "Q's remark removes nothing.")
    assert [c.verdict.verdict for c in _claims(plain, "credit")] == ["false"]


def test_a_removes_nothing_said_of_a_common_slip_is_not_a_credit(ctxs):
    """'A common slip is to read statement 1 as "…" and stop there; that removes nothing': "that" is the slip's
    reading (it was read as statement 1 removing nothing, false: a false alarm); "Another slip is to think August 17
    survives" is the slip, not the trace's claim. Without the slip the same words are the trace's own, and false."""
    ctx = ctxs("cheryl.txt")
    head = said(ctx) + "\n\n"
    slip = _audit(ctx, head + 'A common slip is to read statement 1 as "Albert doesn\'t know, so the month isn\'t one '
                  'with a single date" and stop there; that removes nothing, since no month has a single date. '
                  "Another slip is to think August 17 survives to the end.")
    assert _claims(slip, "credit") == [] and bad(slip) == []
    own = _audit(ctx, said(ctx, 1) + "\n\nStatement 1 tells us the month has no single date; that removes nothing.")
    assert [c.verdict.verdict for c in _claims(own, "credit")] == ["false"]
    kept = _audit(ctx, head + "August 17 survives to the end.")
    assert [c.verdict.verdict for c in bad(kept)] == ["false"]


def test_who_can_know_lines_name_the_cases_where_one_knows(ctxs):
    """"Who can know now: Bo, only with 28 or 29.": the days with which Bo would know, not the days left (it was read
    as the days being 28 or 29, false: a wrong first error). "So the possible days are 28 or 29." is still false."""
    ctx = ctxs("cheryl_cam.txt")
    for text in ("Who can know now: Bo, only with 28 or 29. Ali never.", "现在谁能知道：波，只有拿到28或29时。"):
        assert [c.record.certain for c in _claims(_audit(ctx, text), "candidates")] in ([], [False])
    plain = _audit(ctx, "So the possible days are 28 or 29.")
    assert [(c.record.certain, c.verdict.verdict) for c in _claims(plain, "candidates")] == [(True, "false")]


def test_a_table_rows_first_cell_names_who_knows(ctxs):
    """"| P先生 | Q | 红桃Q | 知道 |" is P holding the rank Q, who knows (it was read as the agent Q knowing the card,
    premature: a false alarm in a correct table); "| Q先生 | 红桃 | … | 不知道 |" is still Q's row."""
    ctx = ctxs("card16.txt")
    table = ("| 谁 | 手里的信息 | 可能的牌 | 知道/不知道 |\n|---|---|---|---|\n| P先生 | Q | 红桃Q | 知道 |\n"
             "| Q先生 | 红桃 | 红桃A、Q、4 | 不知道 |\n")
    report = _audit(ctx, said(ctx, 2, lang="zh") + "\n\n" + table)
    assert bad(report) == []
    assert [c.formula for c in _claims(report, "knowledge")][-2:] == ["P knows card", "not Q knows card"]


def test_who_looks_at_the_others_before_a_quote_says_it(ctxs):
    """"第一位智者看了看第二位和盲人头上的帽子，说：“…”": the first man speaks, the others are what he looks at (it was
    read as the blind man's words, a wrong speaker: a false alarm). The same words given to the second man are still
    a wrong speaker."""
    ctx = ctxs("hats.txt")
    first = _audit(ctx, "第一位智者看了看第二位和盲人头上的帽子，说：“我不知道自己帽子的颜色。”")
    assert [(c.formula, c.verdict.verdict) for c in _claims(first, "speaker")] == \
        [("w[1] made statement 1", "entailed")]
    english = _audit(ctx, "The first man looks at the second man and the blind man, then says: “I don't know the "
                     "colour of my hat.”")
    assert [(c.formula, c.verdict.verdict) for c in _claims(english, "speaker")] == \
        [("w[1] made statement 1", "entailed")]
    wrong = _audit(ctx, "第二位智者看了看第一位和盲人头上的帽子，说：“我不知道自己帽子的颜色。”")
    assert [c.verdict.verdict for c in _claims(wrong, "speaker")] == ["false"]


def test_an_agent_with_a_number_who_would_know_is_that_numbers_case(ctxs):
    """"P with 30 would know." is P's knowledge where the product is 30 (it was left unchecked: "would" read as a
    counterfactual of the stage), false at the start (30 = 2·15 = 3·10 = 5·6); "P with 18 would know → (2,9)
    survives" dates what follows by P's statement; "S with 11 would know P doesn't know" is S's first statement's
    case, true where it was said."""
    ctx = ctxs("sum_product.txt")
    wrong = _audit(ctx, "P with 30 would know.")
    assert [(c.formula, c.verdict.verdict) for c in bad(wrong)] == [("x * y = 30 implies P knows (x, y)", "false")]
    head = said(ctx) + "\n\n"
    right = _audit(ctx, head + "18 = 2·9 = 3·6, and 3 + 6 = 9 is not on S's list. So P with 18 would know → (2,9) "
                   "survives. Good, so S with 11 would know P doesn't know.")
    assert bad(right) == []
    assert [c.formula for c in _claims(right, "case knowledge")] == \
        ["x * y = 18 implies P knows (x, y)", "x + y = 11 implies (S knows that (not P knows (x, y)))"]


def test_a_count_named_as_a_case_and_ruled_out_is_excluded(ctxs):
    """"第一轮没人站出来，所以“只有一个孩子有泥”这种情况就被排除了": the one-muddy case goes (it was read as one child
    being muddy, a false count: the first silence's removal unchecked, the father's crediting with it missed). Said
    before the first silence it is premature; "只有一个孩子有泥。" alone is still a count, false."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    father = said(ctx, 1, lang="zh") + "\n\n"
    silent = _audit(ctx, said(ctx, 2, lang="zh") + "\n\n第一轮没人站出来，所以“只有一个孩子有泥”这种情况就被排除了。")
    assert [c.verdict.verdict for c in _claims(silent, "exclusion") if "= 1" in c.formula] == ["entailed"]
    assert bad(silent) == []
    early = _audit(ctx, "有5个孩子，有些孩子的额头上沾了泥。父亲说：「你们中至少有一个人额头上有泥。」然后父亲问：「知道"
                   "自己额头上有没有泥的人请站出来。」没有人站出来。问：有几个孩子额头上有泥？\n\n先考虑只有一个孩子有泥的"
                   "情况。这个孩子看到其他4个人都是干净的，父亲一说「至少有一个人有泥」，他马上就知道有泥的是自己。所以父亲"
                   "说完这句话之后，「只有一个孩子有泥」这种情况就被排除了。")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(early)] == [("exclusion", "premature")]
    english = _audit(ctx, father + 'So the "exactly one muddy child" case is ruled out.')
    assert [c.formula for c in _claims(english, "exclusion")] == ["not (((m[1] + m[2]) + m[3]) + m[4]) + m[5] = 1"]
    assert _claims(english, "candidates") == []
    assert [(c.record.kind, c.verdict.verdict) for c in bad(_audit(ctx, "只有一个孩子有泥。"))] == [("candidates", "false")]


def test_values_already_excluded_in_a_participle_are_no_credit(ctxs):
    """'Bo: "At first I didn't know" — excludes 28 and 29, already excluded with April and June': April and June went
    at Ali's statement, granted here (it was read as Bo's clause removing April and June, false: a wrong first error
    in a correct stretch). 'Bo's "At first I didn't know" excludes April and June.' is still a false credit."""
    ctx = ctxs("cheryl_cam.txt")
    head = said(ctx, 2) + "\n\n"
    granted = _audit(ctx, head + 'Bo: "At first I didn\'t know" — excludes 28 and 29, already excluded with April and '
                     "June, so no change from that half.")
    assert bad(granted) == []
    claimed = _audit(ctx, head + 'Bo\'s "At first I didn\'t know" excludes April and June.')
    assert [(c.record.kind, c.verdict.verdict) for c in bad(claimed)] == [("credit", "false")]


def test_there_are_two_of_a_value_counts_cards_not_the_card(ctxs):
    """"There are two fives (♣5 and ♦5), so he doesn't know.": how many cards hold the rank, said in a check run
    with ♦5 (it was read as the rank being 5, premature at P's first statement: a false alarm). "So the rank is J." is
    still read, false there."""
    ctx = ctxs("card16.txt")
    head = said(ctx, 1) + "\n\n"
    count = _audit(ctx, said(ctx) + "\n\n## Step 7: Verify the solution\nLet's run the whole conversation with the "
                   "card ♦5:\n1. Mr. P is told 5. There are two fives (♣5 and ♦5), so he doesn't know. ✓\n2. Mr. Q "
                   "is told diamonds. The diamonds are A and 5, each of which appears in two suits, so whichever it "
                   "is, Mr. P can't know. ✓")
    assert [c.record.certain for c in _claims(count, "candidates")] in ([], [False]) and bad(count) == []
    claim = _audit(ctx, head + "So the rank is J.")
    assert [(c.record.certain, c.verdict.verdict) for c in _claims(claim, "candidates")] == [(True, "false")]


def test_a_first_step_that_restates_the_puzzle_reaches_no_statement(ctxs):
    """"## Step 1: Understand the given information" retelling the whole dialogue is the puzzle restated: the trace
    has reached no statement (it was taken to have reached the last, and the list of 16 triples that follows, and
    "four triples remain" after the bus number, were judged there, false: an early first error)."""
    ctx = ctxs("cheryls_age.txt")
    text = ("## Step 1: Understand the given information\nThe product of the three ages is 144. Albert and Bernard "
            "still don't know her age. Then Cheryl tells them the sum is the bus number; they still can't tell her "
            "age. Finally, Cheryl says her brothers have the same age, and then they know.\n\n## Step 2: Use the bus "
            "number\nThe repeated sums are 17: (9, 4, 4) and (8, 6, 3); 19: (12, 4, 3) and (9, 8, 2). Every other "
            "sum appears once. So four triples remain.")
    report = _audit(ctx, text)
    assert [st.reached for st in report.steps][:1] == [0] and bad(report) == []
    retold = _audit(ctx, text.replace("## Step 1: Understand the given information\n", "## Step 1\n"))
    assert retold.steps[0].reached > 0


def test_narrowing_a_named_attribute_to_values_leaves_them(ctxs):
    """"Q's statement narrows the suit to hearts or diamonds": what is left (it was unread: only "narrows it (down)
    to" and "narrows the suit down to" were known); "narrows the suit down to hearts" at the same stage is false."""
    ctx = ctxs("card16.txt")
    head = said(ctx, 2) + "\n\n"
    right = _audit(ctx, head + "Q's statement narrows the suit to hearts or diamonds.")
    assert [(c.formula, c.verdict.verdict) for c in _claims(right, "candidates")] == \
        [("suit in {hearts, diamonds}", "entailed")]
    wrong = _audit(ctx, head + "So Q's statement narrowed the suit to hearts.")
    assert [(c.formula, c.verdict.verdict) for c in bad(wrong)] == [("suit = hearts", "false")]
