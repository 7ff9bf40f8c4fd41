"""Readings from the opened blind set traces_ai* (session 21: its three false alarms), each checked both ways: the
right reading leaves a true step alone, and its twin, a wrong step written the same way, is still flagged."""
from tests.audit.reading import answer as _answer, audit as _audit, bad as _bad, closing as _closing

WHAT_SUM_ALICE = 'So Alice\'s "I don\'t know" tells everyone: b ≠ c and b + c ≤ 50.\n\n'


def test_a_possessive_before_a_shared_quote_picks_that_speakers_statement(ctxs):
    """What Sum's three statements are all "I don't know my number" and have no speaker, only a label ("Bob: …"):
    Bob's "I don't know" is the second, after which a ≠ c holds and a ≠ b not yet."""
    ctx = ctxs("what_sum.txt")
    for line in ('So Bob\'s "I don\'t know" at least rules out a = c.', '鲍勃的“我不知道”排除了a = c。',
                 'So after Bob\'s "I don\'t know", a ≠ c.'):
        assert not _bad(_audit(ctx, WHAT_SUM_ALICE + line)), line
    assert _bad(_audit(ctx, WHAT_SUM_ALICE + 'So after Bob\'s "I don\'t know", a ≠ b.'))  # (Carol's removes a = b)


def test_a_possessive_without_its_noun_credits_that_speakers_statement(ctxs):
    """"Alice's statement removes b = c, Bob's removes a = c, Carol's removes a = b": the noun said once; swapping
    Bob's and Carol's pairs is a wrong credit."""
    ctx = ctxs("what_sum.txt")
    right = "Alice's statement removes b = c, Bob's removes a = c, Carol's removes a = b."
    assert not _bad(_audit(ctx, right))
    assert _bad(_audit(ctx, right.replace("a = c, Carol", "a = b, Carol").replace("removes a = b.", "removes a = c.")))


def test_a_bare_number_after_a_fixed_case_is_not_that_variables(ctxs):
    """"- a = 2 → 1 is gone, so only 3 → knows": with a fixed at 2, the 1 and 3 are Bill's candidates (b), not values
    of a; "a = 1 is gone" after Anne's first statement still claims a value of a gone too early."""
    ctx = ctxs("consecutive.txt")
    cases = ("Anne's candidates for Bill are a − 1 and a + 1, restricted to {2, …, 8}:\n"
             "- a = 2 → 1 is gone, so only 3 → knows.\n- a = 8 → 9 is gone, so only 7 → knows.")
    assert not _bad(_audit(ctx, cases))
    assert _bad(_audit(ctx, "Anne's first statement: she doesn't know b, so a ≠ 0 and a ≠ 10.\n\nSo a = 1 is gone."))


def test_a_relation_that_survives_is_still_possible(ctxs):
    """"So a = c survives Alice's statement": still possible, not true in every world; "after Alice's statement,
    a ≠ c" claims the relation gone one statement early."""
    ctx = ctxs("what_sum.txt")
    for line in ("So a = c survives Alice's statement.", "a = c 的情况仍然可能。"):
        assert not _bad(_audit(ctx, line)), line
    assert _bad(_audit(ctx, "After Alice's statement, a ≠ c."))


def test_knowing_on_a_bulleted_supposition_line_is_that_cases(ctxs):
    """"- If b = c, the difference would be 0 … → a = 2b. Alice knows.": her knowing in the supposed case, not at
    the stage; the same line without its "If" says she knows outright."""
    ctx = ctxs("what_sum.txt")
    line = "- If b = c, the difference would be 0, which isn't allowed → a = 2b. Alice knows.\n- Otherwise she doesn't."
    assert not _bad(_audit(ctx, "When can Alice know her number?\n" + line))
    assert _bad(_audit(ctx, "When can Alice know her number?\n" + line.replace("If b = c, the", "The")))


def test_what_one_wondered_whether_is_asked(ctxs):
    """"I first wondered whether Alice's statement alone already makes all three distinct": asked, then answered
    no; the same said outright is premature (a = b goes only with Carol's statement)."""
    ctx = ctxs("what_sum.txt")
    said = "Alice's statement alone already makes all three distinct."
    assert not _bad(_audit(ctx, "I first wondered whether " + said[0].lower() + said[1:]))
    assert not _bad(_audit(ctx, "I asked myself whether " + said[0].lower() + said[1:]))
    assert _bad(_audit(ctx, said))


WHAT_SUM_STEPS = ('理由：\n\n1. 爱丽丝说"我不知道我的数"，所以 b ≠ c。\n\n2. 鲍勃说"我不知道"，同理 a ≠ c。\n\n'
                  '3. 卡罗尔说"我不知道"，同理 a ≠ b。{}\n\n所以答案是"是"（填1）。')


def test_what_an_answer_headline_says_the_answer_means_is_headline_too(ctxs):
    """"**答案：是，三个数互不相同。**" opening the trace: the answer (yes) and what it means, both a summary, not a
    step; the same meaning said after Alice's statement alone is premature."""
    ctx = ctxs("what_sum.txt")
    for head in ("**答案：是，三个数互不相同。**", "**Answer: yes, the three numbers are all different.**"):
        assert not _bad(_audit(ctx, head + "\n\n" + WHAT_SUM_STEPS.format(""))), head
    early = WHAT_SUM_STEPS.replace("所以 b ≠ c。", "所以 b ≠ c，三个数互不相同。")
    assert _bad(_audit(ctx, "**答案：是，三个数互不相同。**\n\n" + early.format("")))


VARIANT = ('Albert: "I don\'t know, but I know Bernard doesn\'t know either." March and May are out. Remaining: April '
           '14, April 17, April 19, June 12, June 19.\n\nBernard: "At first I didn\'t know, but now I know." 19 is '
           'shared, so it goes: April 14, April 17, June 12.\n\nAlbert: "Then I also know." {}\n\n')


def test_a_count_in_a_sentence_opening_on_if_is_that_cases(ctxs):
    """"If April, two options left (14 and 17) → he wouldn't know": two dates in April, not two at the stage; "Two
    options left." alone is a count of the stage."""
    ctx = ctxs("cheryl_variant.txt")
    text = VARIANT.format("If April, two options left (14 and 17) → he wouldn't know. If June, only June 12.")
    counts = [c for c in _audit(ctx, text).claims() if c.record.kind == "count"]
    assert counts and not any(c.record.certain for c in counts)
    counts = [c for c in _audit(ctx, VARIANT.format("Two options left.")).claims() if c.record.kind == "count"]
    assert counts and all(c.record.certain for c in counts)


def test_a_numbered_outline_of_the_statements_dates_each_line(ctxs):
    """"1. Albert's first statement … 2. Bernard now knowing rules out day 19, leaving April 14, April 17 and June 12.
    3. …" after the dialogue was gone through: line 2 is what Bernard's statement leaves (true there); keeping April
    19 there is a kept-eliminated date."""
    ctx = ctxs("cheryl_variant.txt")
    outline = ("Working through the three statements:\n\n1. Albert's first statement rules out March and May.\n2. "
               "Bernard now knowing rules out day 19, leaving April 14, April 17 and June 12.\n3. Albert then knowing "
               "means his month has one remaining date, which is June.")
    done = VARIANT.format("So the month is June: June 12.")
    report = _audit(ctx, done + outline)
    left = [c for c in report.steps[-1].claims if c.record.kind == "candidates"]
    assert not _bad(report) and left and all(c.verdict.verdict == "entailed" for c in left)  # (not false at stage 3)
    assert _bad(_audit(ctx, done + outline.replace("April 17 and June", "April 17, April 19 and June")))


CHERYL_TWO = ('Albert: "I don\'t know when Cheryl\'s birthday is, but I know that Bernard does not know too." So May '
              'and June are out.\n\nBernard: "At first I don\'t know when Cheryl\'s birthday is, but I know now."'
              '\n\n{}\n\n'
              'Albert: "Then I also know when Cheryl\'s birthday is." So it is July 16.')


def test_a_supposition_sentence_that_concludes_an_elimination_asserts_it(ctxs):
    """"If Bernard had 14 he could not know, so July 14 and August 14 are out": the "so …" after the supposed case
    is the writer's own elimination (true after Bernard's statement); "…, so August 17 is out" there is too early."""
    ctx = ctxs("cheryl.txt")
    right = "If Bernard had 14 he could not know, so July 14 and August 14 are out."
    for line in (right, "如果伯纳德的日子是14，他就不能确定，所以7月14日和8月14日也要排除。"):
        assert not _bad(_audit(ctx, CHERYL_TWO.format(line))), line
    for line in ("If Bernard had 17 he could not know, so August 17 is out.",
                 "如果伯纳德的日子是17，他就不能确定，所以8月17日也要排除。"):
        assert _bad(_audit(ctx, CHERYL_TWO.format(line))), line
    assert not _bad(_audit(ctx, CHERYL_TWO.format("If Bernard had 17 he could not know, so August 17 would be out.")))


CARD_LABELS = ("① P：我不知道这张牌。\n② Q：我知道你不知道。\n③ P：现在我知道了。\n④ Q：我也知道了。\n\n"
               "注：♣5、♣Q、♣4本身点数不唯一，但Q如果拿梅花就不敢保证P不知道，所以整组梅花在{}被去掉。\n\n答案：方块5。")


def test_a_circled_numeral_names_the_statement_of_that_number(ctxs):
    """"所以整组梅花在②被去掉": clubs go with statement ② (Q's), as the trace's own list numbers them; crediting them
    to ① (P's) is a wrong credit."""
    ctx = ctxs("card16.txt")
    assert not _bad(_audit(ctx, CARD_LABELS.format("②")))
    assert _bad(_audit(ctx, CARD_LABELS.format("①")))


def test_a_closing_arrow_gives_the_answer(ctxs):
    """"⇒ July 16" closing terse notes, "=> all different: yes (1)": the answer after an arrow, right or wrong."""
    notes = ("A1 \"I don't know\" → drop May 19, Jun 18; \"B doesn't know\" → drop May, June\nleft: Jul 14 16, Aug 14 "
             "15 17\nB \"now I do\" → 14 twice → drop\nleft: Jul 16, Aug 15, Aug 17\nA2 \"me too\" → Jul\n{}")
    ctx = ctxs("cheryl.txt")
    assert _answer(ctx, notes.format("⇒ July 16")) == (((2, 16),), True)
    assert _answer(ctx, notes.format("⇒ August 17"))[1] is False
    what = ctxs("what_sum.txt")
    assert _answer(what, "- Alice ✗ → b ≠ c\n- Bob ✗ → a ≠ c\n- Carol ✗ → a ≠ b\n=> all different: yes (1)")[1] is True


def test_a_yes_with_a_dash_closing_a_dialogue_is_the_answer(ctxs):
    """"Student: Yes — the sum is one of 3, 5, 15, 17, whichever pair it is." (a line before the teacher's last
    remark), "So yes — the sum must be one of …": yes; "No — it could be anything." is the wrong answer, no."""
    ctx = ctxs("consecutive.txt")
    pairs = "Student: (1, 2), (2, 3), (8, 7), (9, 8). Sums 3, 5, 15, 17.\n\n{}\n\nTeacher: And Bill knows too."
    for line in ("Student: Yes — the sum is one of 3, 5, 15, 17, whichever pair it is.",
                 "So yes — the sum must be one of 3, 5, 15, 17."):
        assert _answer(ctx, pairs.format(line))[1] is True, line
    assert _answer(ctx, pairs.format("Student: No — it could be anything."))[1] is False


def test_a_count_after_a_summing_up_lead_in_is_the_answer(ctxs):
    """"So, to sum up for your notes: two children are muddy, and they step forward on the second asking": the count
    (2 of 3); "…: three children are muddy" is a wrong count."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    story = "Nobody steps forward at the first asking.\n\n{}"
    assert _answer(ctx, story.format("So, to sum up for your notes: two children are muddy, and they step forward on "
                                     "the second asking.")) == (((2,),), True)
    assert _answer(ctx, story.format("In short: three children are muddy."))[1] is False


def test_knowing_from_a_month_alone_is_no_knowledge_of_the_month(ctxs):
    """"Albert cannot know from a month alone": the month is what he knows from (a source after "from a"), not what
    he does not know; "Albert cannot know the month" would be false (he was told it)."""
    ctx = ctxs("cheryl.txt")
    forms = [c.formula for c in _audit(ctx, "Albert cannot know from a month alone.").claims()]
    assert "not Albert knows month" not in forms
    assert "not Albert knows month" in [c.formula for c in _audit(ctx, "Albert cannot know the month.").claims()]


def test_unbulleted_speaker_lines_with_consequences_are_a_worked_outline(ctxs):
    """"P: can't know → …\\nS: knew that → …\\nP: now knows → …\\nS: now knows → …" opening terse notes goes through
    the whole dialogue, so the per-sum check after it is judged at the end; without the outline, "One survivor → S
    knows" is premature after the dialogue merely restated."""
    ctx = ctxs("sum_product.txt")
    outline = ("P: can't know → product has ≥ 2 admissible factorisations.\nS: knew that → no split of s is a prime "
               "pair. Candidates: s ∈ {11, 17, 23, 27, 29, 35, 37, 41, 47, 53}.\nP: now knows → exactly one "
               "factorisation has its sum among the candidates.\nS: now knows → exactly one split passes.\n\n")
    check = "s = 17: 4·13 = 52 (2 + 26 = 28, unlisted ✓), the others ✗. One survivor → S knows."
    assert not _bad(_audit(ctx, outline + check))
    assert _bad(_audit(ctx, "P: can't know.\nS: knew that.\nP: now knows.\nS: now knows.\n\n" + check))  # (restated)


def test_an_ordinal_before_a_quote_shared_by_statements_picks_among_them(ctxs):
    """'her first "I don't know"' is Anne's first statement (a ≠ 0, 10 holds after it); 'the second "I don't know"'
    is Bill's, and what it removes is false after the first."""
    ctx = ctxs("consecutive.txt")
    rest = '\n\nThen Bill says "I don\'t know your number" and Anne says "I know your number".'
    assert not _bad(_audit(ctx, 'So her first "I don\'t know" tells everyone that a is neither 0 nor 10.' + rest))
    assert _bad(_audit(ctx, 'So her first "I don\'t know" tells everyone that b is neither 0 nor 1.' + rest))
    assert not _bad(_audit(ctx, 'So the second "I don\'t know" tells everyone that b is neither 0 nor 1.' + rest))


def test_an_elided_reply_names_a_labelled_statement(ctxs):
    """What Sum: "… so Bob's only option is 2a, and he would know. He says he doesn't, so a ≠ c." is Bob's statement
    told (his statements have no speaker, only a label), after which a ≠ c; "so a ≠ b" there is premature."""
    ctx = ctxs("what_sum.txt")
    text = (WHAT_SUM_ALICE + "Bob next. If a = c, then the difference candidate is 0, so Bob's only option is 2a, and "
            "he would know. He says he doesn't, so {}.\n\nCarol: \"I don't know\" too.")
    assert not _bad(_audit(ctx, text.format("a ≠ c")))
    assert _bad(_audit(ctx, text.format("a ≠ b")))


def test_a_relation_in_an_example_is_a_case(ctxs):
    """"It can: e.g. a = c = 5, b = 10." shows a world where a = c, no claim that a = c everywhere; "It can: a = c."
    says it."""
    ctx = ctxs("what_sum.txt")
    asked = WHAT_SUM_ALICE + "Does a world with a = c survive Alice's statement? {}\n\nBob: \"I don't know\" too."
    assert not _bad(_audit(ctx, asked.format("It can: e.g. a = c = 5, b = 10. Alice sees 10 and 5 and can't tell.")))
    assert _bad(_audit(ctx, asked.format("It can: a = c.")))


def test_ages_whose_product_is_a_number_are_no_age(ctxs):
    """"Cheryl and her two younger brothers have ages whose product is 144": the product, not Cheryl's age; "Cheryl's
    age is 144" says her age."""
    ctx = ctxs("cheryls_age.txt")
    text = "Cheryl and her two younger brothers have ages whose product is 144."
    assert "cheryl = 144" not in [c.formula for c in _audit(ctx, text).claims()]
    assert "cheryl = 144" in [c.formula for c in _audit(ctx, "Cheryl's age is 144.").claims()]


def test_a_count_in_the_consequent_of_an_if_is_that_cases(ctxs):
    """"Each thinks: if I'm clean, there are exactly two muddy, and they would have stepped forward": the supposed
    count; "so there are exactly two muddy" after "if …" concludes it."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    counts = [c for c in _audit(ctx, "Each thinks: if I'm clean, there are exactly two muddy, and they would have "
                                     "stepped forward on the second call.").claims() if c.record.kind == "candidates"]
    assert counts and not any(c.record.certain for c in counts)
    counts = [c for c in _audit(ctx, "If nobody moved, so there are exactly two muddy.").claims()
              if c.record.kind == "candidates"]
    assert counts and all(c.record.certain for c in counts)


def test_a_named_speaker_picks_which_of_two_shared_quotes(ctxs):
    """'安妮先说"我不知道你的数"' is Anne's first statement even once the trace is at it (the words are Bill's too):
    what it removes (a = 0, 10) holds after it, and "b = 0和b = 10也随之排除了" credited to it is wrong."""
    ctx = ctxs("consecutive.txt")
    step = ('安妮先说"我不知道你的数"。a = 0的话b只能是1，a = 10的话b只能是9，那她就知道了。所以a ≠ 0且a ≠ 10。{}\n\n'
            '比尔说"我也不知道你的数"。\n\n安妮说"我知道你的数了"。')
    opening = "安妮和比尔各拿一个相邻的数。\n\n"
    assert not _bad(_audit(ctx, opening + step.format("")))
    assert _bad(_audit(ctx, opening + step.format("同样的道理对b也成立：b = 0和b = 10这两种情况也随之排除了。")))


def test_a_second_speakers_echo_of_the_same_words_names_their_statement(ctxs):
    """"比尔说“我也不知道你的数”" repeats Anne's words with 也: Bill's statement, so a retelling that names all three
    statements is the puzzle restated (a guard: before, the shared words were taken for Bill's by accident)."""
    ctx = ctxs("consecutive.txt")
    restated = ('安妮和比尔各拿一个0到10之间的数，两个数相邻。安妮先说“我不知道你的数”，比尔说“我也不知道你的数”，然后安妮说'
                '“我知道你的数了”。问两数之和是不是3、5、15或17。')
    assert [st.aligned_by for st in _audit(ctx, restated).steps] == ["recap"]


def test_knowing_that_another_agent_is_not_at_a_value_is_no_knowledge_of_their_number(ctxs):
    """"Bill now also knows Anne isn't at 0 or 10": a fact about Anne's number, not that Bill knows it; "Bill knows
    Anne's number" says he knows it."""
    ctx = ctxs("consecutive.txt")
    forms = [c.formula for c in _audit(ctx, "Bill now also knows Anne isn't at 0 or 10.").claims()]
    assert "Bill knows a" not in forms
    assert "Bill knows a" in [c.formula for c in _audit(ctx, "Bill knows Anne's number.").claims()]


def test_a_boxed_answer_is_the_one_committed_to(ctxs):
    """"\\boxed{9}" then a remark naming the bus number 17: the boxed 9 (right); "\\boxed{8}" is a wrong answer, and
    LaTeX spacing inside the box ("\\boxed{(4,\\ 13)}") is read through."""
    remark = "\n\nThat's Cheryl's age: the bus number is 17, and the triples are (8, 6, 3) and (9, 4, 4)."
    assert _closing(ctxs, "cheryls_age.txt", "\\boxed{9}" + remark) == (((9,),), True)
    assert _closing(ctxs, "cheryls_age.txt", "\\boxed{8}" + remark)[1] is False
    assert _closing(ctxs, "impossible.txt", "$$(x, y) = \\boxed{(4,\\ 13)}$$") == (((4, 13),), True)


def test_a_closing_tables_last_row_gives_the_answer(ctxs):
    """"| Ali: then I know too | Mar 18 |" as the last row of the closing table: March 18; a last row with two dates
    names no answer, and one with a wrong date is a wrong answer."""
    table = ("| Statement | Dates still possible |\n|---|---|\n| Ali: I don't know | Mar 18, Mar 19, Jul 16, Jul 17, "
             "Jul 19 |\n| Bo: now I know | Mar 18, Jul 16, Jul 17 |\n| Ali: then I know too | {} |")
    assert _closing(ctxs, "cheryl_cam.txt", table.format("Mar 18")) == (((0, 18),), True)
    assert _closing(ctxs, "cheryl_cam.txt", table.format("Jul 16"))[1] is False
    assert _closing(ctxs, "cheryl_cam.txt", table.format("Mar 18, Jul 16"))[0] is None


def test_ages_and_counts_in_more_closing_forms(ctxs):
    """"谢丽尔今年9岁", "The answer is 9: Cheryl is nine, …", "所以有泥的孩子是2个", "Two of the four children are
    muddy": the answers, right; the same with a wrong number, wrong."""
    for ending, right in (("谢丽尔今年9岁。", True), ("谢丽尔今年8岁。", False),
                          ("The answer is 9: Cheryl is nine, and her brothers are both four.", True),
                          ("The answer is 8: Cheryl is eight.", False)):
        assert _closing(ctxs, "cheryls_age.txt", ending)[1] is right, ending
    muddy = {"n": 4, "k": 2}
    for ending, right in (("所以有泥的孩子是2个。", True), ("所以有泥的孩子是3个。", False),
                          ("Two of the four children are muddy.", True),
                          ("Three of the four children are muddy.", False)):
        assert _closing(ctxs, "muddy.txt", ending, muddy)[1] is right, ending


def test_a_yes_or_no_opening_a_closing_step_answers(ctxs):
    """"Yes. Anne can only know after …" and "所以是。" answer the yes/no question (right); "No. …" is wrong."""
    reason = " Anne can only know after Bill's statement for a = 1, 2, 8 or 9, so a + b is 3, 5, 15 or 17."
    assert _closing(ctxs, "consecutive.txt", "Yes." + reason)[1] is True
    assert _closing(ctxs, "consecutive.txt", "所以是。")[1] is True
    assert _closing(ctxs, "consecutive.txt", "No." + reason)[1] is False


def test_sums_passing_all_the_tests_are_what_is_left(ctxs):
    """"Sums passing all three: 11, 17, …, 51, 53." lists the sums left (as "Sums left: …" does), so the 51 kept is
    judged (false after S's first statement); "Sums we tried: …" lists no candidates."""
    ctx = ctxs("impossible.txt")
    head = 'P says he cannot know.\n\nS: "I knew it."\n\n'
    sums = "11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53."
    found = [c for c in _audit(ctx, head + "Sums passing all three: " + sums).claims() if c.record.kind == "candidates"]
    assert found and found[0].verdict.verdict == "false"
    assert not [c for c in _audit(ctx, head + "Sums we tried: " + sums).claims() if c.record.kind == "candidates"]


def test_a_cards_rank_in_words_before_its_suit_is_the_card(ctxs):
    """"So the card is the five of diamonds": ♦5 (right); "the Four of hearts" is ♥4 (wrong); "Five of the cards
    remain" names no card."""
    assert _closing(ctxs, "card16.txt", "So the card is the five of diamonds.") == (((3, 9),), True)
    assert _closing(ctxs, "card16.txt", "So the card is the Four of hearts.")[1] is False
    assert _closing(ctxs, "card16.txt", "Five of the cards remain.")[0] is None
