"""Readings from the opened blind set traces_an* (session 24: its false alarms first, then its misses), each checked
both ways: the true sentence passes, and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad

CARD16_P2 = ("P说\"我不知道这张牌\"，所以点数是A、Q、4、5。Q说\"我知道你不知道\"，所以花色是红桃或者方块，"
             "剩下：红桃A、红桃Q、红桃4、方块A、方块5。\n\n"
             "接着P说\"现在我知道这张牌了\"。所以P这句话之后剩下的是{}，不是只有方块5。")


def test_not_only_denies_an_exclusivity_not_the_value(ctxs):
    """"剩下的是红桃Q、红桃4、方块5三张，不是只有方块5" after P's second statement: ♦5 is not excluded (right, no flag);
    "剩下的是红桃Q、红桃4三张" with ♦5 gone is still false. The same in English: "not just the 5 of diamonds"."""
    ctx = ctxs("card16.txt")
    assert not _bad(_audit(ctx, CARD16_P2.format("红桃Q、红桃4、方块5三张")))
    assert _bad(_audit(ctx, CARD16_P2.format("红桃A、红桃Q、红桃4")))
    en = ("P: I don't know. So the rank is A, Q, 4 or 5.\n\nQ: I knew you didn't know. So the suit is hearts or "
          "diamonds.\n\nP: Now I know. So the cards left are {}, not just the 5 of diamonds.")
    assert not _bad(_audit(ctx, en.format("the Q of hearts, the 4 of hearts and the 5 of diamonds")))
    assert _bad(_audit(ctx, en.format("the A of hearts, the Q of hearts and the 5 of diamonds")))

CARD16_EN = ("{} The card is the **{}**.\n\n"
             "P: \"I don't know the card.\" The ranks that appear once (J, 8, 2, 7, 3, K, 6) are out, so the rank is "
             "A, Q, 4 or 5.\n\nQ: \"I knew you didn't know.\" Spades and clubs hold a unique rank, so the suit is "
             "hearts or diamonds: ♥A ♥Q ♥4 ♦A ♦5.\n\nP: \"Now I know.\" The ace is in both suits, so it goes: ♥Q ♥4 "
             "♦5.\n\nQ: \"Now I know too.\" Hearts would leave two cards, so the suit is diamonds.\n\n"
             "So the card is the {}.")


def test_a_greeting_before_the_headline_keeps_it_a_headline(ctxs):
    """"Hi! The card is the **5 of diamonds**." opening a trace that reasons to the 5 of diamonds: a greeting, then the
    answer-first headline (no flag); a trace that opens and ends on the 4 of hearts is still wrong."""
    ctx = ctxs("card16.txt")
    for greeting in ("Hi!", "Sure!", "好的！"):
        assert not _bad(_audit(ctx, CARD16_EN.format(greeting, "5 of diamonds (♦5)", "5 of diamonds")))
    assert _bad(_audit(ctx, CARD16_EN.format("Hi!", "4 of hearts (♥4)", "4 of hearts")))

MUDDY_FIRST = ("**Answer: exactly {0} child is muddy.**\n\n"
               "Here's why. Four children played outside; each sees the others' foreheads but not their own. "
               "The father "
               "says \"at least one of you is muddy\", and right after that, every muddy child knows that they are "
               "muddy.\n\nA muddy child can deduce her state from the father's sentence only if she sees no muddy "
               "forehead at all.\n\nSo the number of muddy children is {0}.")


def test_a_plain_closing_sentence_naming_one_value_is_the_answer(ctxs):
    """"So the number of muddy children is 1." closing an answer-first trace that narrated the whole dialogue is its
    answer, judged after the dialogue (right, no flag); the same trace answering 2 is wrong."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 1})
    assert not _bad(_audit(ctx, MUDDY_FIRST.format(1)))
    assert _bad(_audit(ctx, MUDDY_FIRST.format(2)))

CONSECUTIVE_ZH = ("安妮说\"我不知道你的数\"，所以a不是0也不是10。\n\n"
                  "比尔说\"我不知道你的数\"。比尔看到b，a是b−1或b+1。\n{}\nb=2到8：两个都还在，不知道。")


def test_an_unbulleted_line_opening_on_a_variables_value_is_a_case(ctxs):
    """"b=0：a只能是1，比尔知道 → 去掉(1,0)。" (no bullet) and two more such lines are cases: Bill would know there
    (right, no flag); "b=5：…，比尔知道" is false even as a case."""
    ctx = ctxs("consecutive.txt")
    lines = ("b=0：a只能是1，比尔知道 → 去掉(1,0)。\nb=1：a可能是0或2，但a=0已经被排除了，所以a=2，比尔知道 → 去掉(2,1)。\n"
             "{}，比尔知道 → 去掉({})。")
    assert not _bad(_audit(ctx, CONSECUTIVE_ZH.format(lines.format("b=9：a可能是8或10，a=10已排除", "8,9"))))
    assert _bad(_audit(ctx, CONSECUTIVE_ZH.format(lines.format("b=5：a可能是4或6，a=6已排除", "4,5"))))


RETHINK = ("安妮说\"我不知道你的数\"。如果a=0，b只能是1；如果a=10，b只能是9。所以a不是0也不是10，剩18对。\n\n"
           "比尔说\"我不知道你的数\"。比尔看到b，a是b−1或b+1。\nb=0：a只能是1，比尔知道 → 去掉(1,0)。\n"
           "b=1：a可能是0或2，但a=0已经被排除了，所以a=2，比尔知道 → 去掉(2,1)。\n"
           "b=9：a可能是8或10，a=10已排除，比尔知道 → 去掉(8,9)。\nb=10：a只能是9 → 去掉(9,10)。\n"
           "b=2到8：两个都还在，不知道。\n剩14对。\n\n"
           "嗯，等一下，{}我再想一想。比尔拿到1，原本a可以是0或2。安妮说不知道，说明a≠0。所以比尔就知道a=2了。"
           "对，所以{}要去掉。\n\n"
           "安妮说\"我知道你的数\"。\na=1：(1,0)已去掉，(1,2)还在 → 知道b=2。\na=2：(2,1)已去掉，(2,3)还在 → 知道b=3。\n"
           "a=3到7：两边都在 → 不知道。\na=8：(8,9)已去掉，(8,7)还在 → 知道b=7。\n"
           "a=9：(9,10)已去掉，(9,8)还在 → 知道b=8。\n\n剩下4对：(1,2)、(2,3)、(8,7)、(9,8)。")


def test_a_step_opening_on_a_case_to_rethink_is_that_case(ctxs):
    """"嗯，等一下，b=1的情况我再想一想。比尔拿到1，原本a可以是0或2。…" after Bill's statement: what is said is said of
    the case b = 1 (no flag); without the opening, the step's claims are the stage's: "(2,3)要去掉" is false."""
    ctx = ctxs("consecutive.txt")
    assert not _bad(_audit(ctx, RETHINK.format("b=1的情况", "(2,1)")))
    assert _bad(_audit(ctx, RETHINK.format("", "(2,3)")))
    wrong = RETHINK.format("b=1的情况", "(2,1)") + "\n\n四种和都可能，无法唯一确定，答案填0。"  # (a wrong answer weighs
    assert _audit(ctx, wrong).label == 5  # (the case's claims are still not the stage's: the wrong answer is the error)


def test_a_check_of_each_pair_reads_each_labelled_line_as_its_case(ctxs):
    """"验证一下每一对：\\n(1,2)：安妮拿1，b是0或2，不知道 ✓；…" after the dialogue: each line is said of its pair, and
    "安妮知道b≠1" knows a fact about b, not b (no flag); a plain "所以b是0或2" after the dialogue is false."""
    ctx = ctxs("consecutive.txt")
    head = ("安妮说\"我不知道你的数\"。比尔说\"我不知道你的数\"。安妮说\"我知道你的数\"。"
            "剩下4对：(1,2)、(2,3)、(8,7)、(9,8)。\n\n")
    check = ("验证一下每一对：\n(1,2)：安妮拿1，b是0或2，不知道 ✓；比尔拿2，a是1或3，都还在，不知道 ✓。\n"
             "(2,3)：安妮拿2，不知道 ✓；比尔拿3，a是2或4，不知道 ✓；安妮知道b≠1（比尔拿1会知道），所以b=3 ✓。")
    assert not _bad(_audit(ctx, head + check))
    assert _bad(_audit(ctx, head + "所以b是0或2。"))


def test_what_to_fill_in_is_the_answer(ctxs):
    """"所以不能确定两数之和，答案填0。" answers the yes/no question (0: no), which is wrong for the consecutive-numbers
    puzzle (the sum is one of 3, 5, 15, 17: 1); "答案填1" is right."""
    ctx = ctxs("consecutive.txt")
    text = ("安妮说\"我不知道你的数\"。比尔说\"我不知道你的数\"。安妮说\"我知道你的数\"。剩下(1,2)、(2,3)、(8,7)、(9,8)，"
            "和是3、5、15、17。\n\n所以{}，答案填{}。")
    assert _audit(ctx, text.format("和一定是3、5、15、17之一", 1)).final_answer_correct
    wrong = _audit(ctx, text.format("不能确定两数之和", 0))
    assert not wrong.final_answer_correct and _bad(wrong)

CHERYL_STEPS = ("**Step 2: Albert's first statement.**\n\nMay contains 19 and June contains 18, so both are ruled "
                "out.\n\n"
                "Remaining dates: **Jul 14, Jul 16, Aug 14, Aug 15, Aug 17**.\n\n**Step 3: Bernard's statement.**\n\n"
                "Among the five remaining dates, day 14 occurs twice, so a Bernard holding 14 would still be "
                "unsure.\n\n"
                "Remaining dates: **Jul 16, Aug 15, Aug 17**.\n\n**Step 4: Albert's second statement.**\n\n"
                "If his month were August he would still have two options. July leaves only Jul 16.\n\n"
                "### Verification\n\nLet me re-check each step.\n\n"
                "- **Statement 1:** Albert with May would have to consider May 19, where Bernard would know. "
                "Albert with "
                "June would have to consider June 18. So only July and August are compatible with his certainty. ✔\n"
                "- **Statement 2:** His \"now I know\" requires a day that is unique among the five survivors, which "
                "excludes 14. ✔\n"
                "- **Statement 3:** {} the candidates left after Bernard are {{{}}}. If Albert had August, he would "
                "face two options and could not know; with July he has only 16 July. ✔\n\n"
                "**Final answer: Cheryl's birthday is July 16.**")


def test_a_list_dated_by_a_speaker_named_alone_is_judged_at_that_statement(ctxs):
    """"Restating the candidates left after Bernard are {16 July, 14 August, 15 August, 17 August}" on the line of
    statement 3: "after Bernard" (his only statement) dates the list, which keeps August 14, gone by then (flagged, as a
    false list dated by its own words); "{16 July, 15 August, 17 August}" is right."""
    ctx = ctxs("cheryl.txt")
    assert not _bad(_audit(ctx, CHERYL_STEPS.format("Restating", "16 July, 15 August, 17 August")))
    assert _bad(_audit(ctx, CHERYL_STEPS.format("Restating", "16 July, 14 August, 15 August, 17 August")))
    assert _bad(_audit(ctx, CHERYL_STEPS.format("Recall:", "16 July, 14 August, 15 August, 17 August")))

SUMMARY_TABLE = ("Summary:\n\n| # | Speaker | What it rules out | Left afterwards |\n|---|---|---|---|\n"
                 "| 1 | Albert | {} | {} |\n| 2 | Bernard | {} | July 16, Aug 15, Aug 17 |\n"
                 "| 3 | Albert | August (two dates left) | July 16 |\n\nSo Cheryl's birthday is July 16.")


def test_a_table_row_named_by_its_number_and_speaker_credits_that_statement(ctxs):
    """"| 1 | Albert | May, June | …" in a table keyed "| # | Speaker | What it rules out |": row 1 is Albert's first
    statement (right); "| 1 | Albert | May, June, and the two 14ths |" credits the 14ths to it (wrong: Bernard's)."""
    ctx = ctxs("cheryl.txt")
    assert not _bad(_audit(ctx, SUMMARY_TABLE.format("May, June", "July 14, July 16, Aug 14, Aug 15, Aug 17",
                                                     "the two 14ths")))
    assert _bad(_audit(ctx, SUMMARY_TABLE.format("May, June, and the two 14ths", "July 16, Aug 15, Aug 17",
                                                 "nothing new")))

VARIANT_ZH = ("阿尔伯特知道伯纳德不知道，说明阿尔伯特的月份里没有唯一的日子。3月有13日，5月有20日，所以排除3月和5月。"
              "剩下4月14日、4月17日、4月19日、6月12日、6月19日。\n\n"
              "然后伯纳德说起初不知道，现在知道了。19日出现了两次，所以如果伯纳德拿到19，他还是不知道，排除19。{}\n\n"
              "阿尔伯特说：\"那我也知道谢丽尔的生日了。\"如果是4月，还有4月14日和4月17日，他不会知道；"
              "如果是6月，只剩6月12日，他知道。{}")


def test_an_answer_concluded_before_the_last_statement_is_premature(ctxs):
    """"那伯纳德现在知道了，所以答案就是6月12日。" on Bernard's statement, with Albert's last statement discussed next:
    concluded too early (June 12 is unique only after Albert's); the same sentence after Albert's statement is right."""
    ctx = ctxs("cheryl_variant.txt")
    answer = "所以答案就是6月12日。"
    assert not _bad(_audit(ctx, VARIANT_ZH.format("剩下4月14日、4月17日、6月12日。", answer)))
    early = _audit(ctx, VARIANT_ZH.format("那伯纳德现在知道了，" + answer, "所以是6月12日。"))
    assert _bad(early) and early.label == 1


def test_a_total_counted_with_yigong_is_the_muddy_count_only_when_mud_is_said(ctxs):
    """"所以一共有2个孩子有泥。" (5 children, 3 muddy) counts the muddy children: false; "一共有3个孩子有泥" is right;
    "这里一共有5个孩子，其中有些额头上有泥" and "只有5个孩子" count the children, not the muddy ones (no claim)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    head = "父亲说：你们中至少有一个人额头上有泥。没有人站出来。又没有人站出来。现在有泥的孩子都知道了。\n\n"
    assert _bad(_audit(ctx, head + "所以一共有2个孩子有泥。"))
    assert not _bad(_audit(ctx, head + "所以一共有3个孩子有泥。"))
    assert not _bad(_audit(ctx, "这里一共有5个孩子，其中有些额头上有泥。只有5个孩子。\n\n" + head))


def test_what_a_pronoun_sees_is_what_the_agent_named_before_it_observes(ctxs):
    """"鲍勃也是一样的道理，他不知道，说明他看到的 b 和 c 不相等。": 他 is Bob, who sees a and c, not b and c (the wrong
    agent's view: false at the start); "他看到的 a 和 c" is right. The same in English: "he sees b and c"."""
    ctx = ctxs("what_sum.txt")
    line = "爱丽丝说她不知道，说明她看到的 b 和 c 不相等。\n\n鲍勃也是一样的道理，他不知道，说明他看到的 {} 和 c 不相等。"
    assert not _bad(_audit(ctx, line.format("a")))
    assert _bad(_audit(ctx, line.format("b")))
    assert _bad(_audit(ctx, "Bob cannot know his number at first; he sees b and c."))
