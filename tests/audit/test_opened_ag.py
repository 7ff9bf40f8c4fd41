"""Readings from the opened blind set traces_ag* (session 20: its two false alarms and the steps it flagged before
the first error), each checked both ways where it can be: the right reading leaves a true step alone or flags the
wrong one, and its twin goes the other way."""
from tests.audit.reading import audit as _audit, bad as _bad

CONSECUTIVE_ANNE = "Anne's first statement: she doesn't know b, so a ≠ 0 and a ≠ 10.\n\n"


def _claims(report):
    return [(c.record.kind, c.formula, c.record.certain) for c in report.claims()]


def test_a_value_that_only_has_another_is_a_case(ctxs):
    """"a = 0 only has b = 1; a = 10 only has b = 9": how the list looks case by case (a value and what it allows),
    not a claim that a is 0; "only a = 0 is left" still is one."""
    ctx = ctxs("consecutive.txt")
    for line in ("a = 0 only has b = 1; a = 10 only has b = 9; everything else has two.",
                 "a = 0 only leaves b = 1."):
        assert not _bad(_audit(ctx, line)), line
    assert _bad(_audit(ctx, CONSECUTIVE_ANNE + "So only a = 0 is left."))


SUM_PRODUCT = ('1. P: "I don\'t know the numbers." Every product with one factorisation is out.\n\n'
               '2. S: "I knew you didn\'t know." The sums left are 11, 17, 23, 27, 29, 35, 37, 41, 47 and 53.\n\n'
               '3. **P: "Now I know."** 52 = 4·13 = 2·26, and 28 is not in the list, so P knows. {}\n\n'
               '4. **S: "Now I know too."** Sum 17 keeps only (4, 13).\n')


def test_what_survives_in_one_sum_is_that_sums_case(ctxs):
    """"Only (4, 13) survives in sum 17" after P's second statement: within the sum 17 (other sums keep pairs until
    S speaks); without "in sum 17" it claims the answer one statement early."""
    ctx = ctxs("sum_product.txt")
    for tail in ("Only (4, 13) survives in sum 17.", "In the sum 17 only (4, 13) survives."):
        assert _audit(ctx, SUM_PRODUCT.format(tail)).steps[2].label != -1, tail
    assert _audit(ctx, SUM_PRODUCT.format("Only (4, 13) survives.")).steps[2].label == -1


MUDDY = ('The father says "At least one of you is muddy." {}\n\n'
         "Nobody steps forward in the first round, so there are at least two muddy children.\n\n")


def test_a_list_of_three_or_more_counts_is_the_candidate_counts(ctxs):
    """"the number of muddy children is 1, 2, 3 or 4" after the father: all four counts (it was read as 1 alone and
    judged false); a list naming a count already ruled out is wrong."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    for counts in ("1, 2, 3 or 4", "1, 2, 3, or 4"):
        report = _audit(ctx, MUDDY.format(f"So the number of muddy children is {counts}."))
        assert report.steps[0].label == 1, counts
        assert ("candidates", "m[1] + m[2] + m[3] + m[4] = 1 or m[1] + m[2] + m[3] + m[4] = 2 or "
                "m[1] + m[2] + m[3] + m[4] = 3 or m[1] + m[2] + m[3] + m[4] = 4", True) in \
            [(k, f.replace("(", "").replace(")", ""), c) for k, f, c in _claims(report)]
    wrong = _audit(ctx, MUDDY.format("") + "So the number of muddy children is 1, 2, 3 or 4.")
    assert wrong.steps[-1].label == -1


def test_two_letters_side_by_side_are_their_product(ctxs):
    """"P knows p = xy" (or "x*y"): P is told the product, not x and y; "P knows x" is still a claim about x."""
    ctx = ctxs("impossible.txt")
    for setup in ("Setup: S knows s = x + y, P knows p = xy.", "Setup: S knows s = x + y, P knows p = x*y.",
                  "Setup: P knows xy."):
        report = _audit(ctx, setup)
        assert ("knowledge", "P knows x * y", True) in _claims(report), setup
        assert not _bad(report), setup
    assert [f for k, f, _ in _claims(_audit(ctx, "Setup: P knows x.")) if k == "knowledge"] == ["P knows x"]


def test_the_values_of_an_example_are_its_case(ctxs):
    """"比如鲍勃看到a = 10，c = 30，候选b = 40或20": the values an example supposes, not what is left; the same
    values stated as what is left are wrong at the start."""
    ctx = ctxs("what_sum.txt")
    example = "比如鲍勃看到a = 10，c = 30，候选b = 40或20。"
    report = _audit(ctx, example)
    assert not [c for c in _claims(report) if c[0] == "candidates" and c[2]]
    assert [c for c in _claims(_audit(ctx, "所以c = 30，b = 40或20。")) if c[0] == "candidates" and c[2]]
    english = _audit(ctx, "For example, Bob sees a = 10 and c = 30, so b = 40 or 20.")
    assert not [c for c in _claims(english) if c[0] == "candidates" and c[2]]


def test_a_case_heading_supposes_its_count(ctxs):
    """"Case: exactly one muddy child." opens a supposition (the count is not claimed); "So exactly one child is
    muddy." with the same count is a claim."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    for head in ("Case: exactly one muddy child.", "Case 2: exactly two muddy children.", "情况一：恰好一个孩子有泥。"):
        found = [c for c in _claims(_audit(ctx, head)) if c[0] == "candidates"]
        assert found and not any(certain for _, _, certain in found), head
    assert any(c[0] == "candidates" and c[2] for c in _claims(_audit(ctx, "So exactly one child is muddy.")))


VARIANT = ("Albert says he doesn't know and is sure Bernard doesn't know either. That leaves April 14, April 17, "
           "April 19, June 12 and June 19.\n\n")


def test_values_checked_one_by_one_after_unique_are_no_singleton_list(ctxs):
    """"his day is unique within the 5: 14 → Apr 14 only; 17 → …": each day checked in turn, not a claim that 14
    is the only day that appears once; "the only day that appears once is 14" is such a claim (and false)."""
    ctx = ctxs("cheryl_variant.txt")
    step = ('Bernard: "At first I didn\'t know, but now I do." → his day is unique within the 5: 14 → Apr 14 only; '
            "17 → Apr 17 only; 12 → Jun 12 only; 19 → Apr 19 and Jun 19 ✗. Left: Apr 14, Apr 17, Jun 12.")
    report = _audit(ctx, VARIANT + step)
    assert not [c for c in _claims(report) if c[0] == "singletons"] and report.label == -1
    wrong = _audit(ctx, VARIANT + "Among these five dates the only day that appears once is 14.")
    assert wrong.label == 1


def test_a_sum_written_right_after_a_han_character_is_arithmetic(ctxs):
    """"和9 + 8 + 2 = 18": the writer's sum (and a slip: it is 19), though no space or punctuation comes before it;
    the right sum is true."""
    ctx = ctxs("cheryls_age.txt")
    wrong = [c for c in _audit(ctx, "谢丽尔9岁：9 × 8 × 2 ✓，和9 + 8 + 2 = 18。").claims() if c.record.kind == "arithmetic"]
    assert [(c.formula, c.verdict.verdict) for c in wrong] == [("(9 + 8) + 2 = 18", "false")]
    right = [c for c in _audit(ctx, "谢丽尔9岁：9 × 8 × 2 ✓，和9 + 8 + 2 = 19。").claims() if c.record.kind == "arithmetic"]
    assert [c.verdict.verdict for c in right] == ["entailed"]


def test_a_pair_removed_for_a_reason_worked_out_inside_is_still_removed(ctxs):
    """"(5, 6)因30 = 2 × 15（和17也在表中）被S这句话排除": the pair named first goes (credited to S's statement), the
    product inside is its reason; "removes 4 of the 9 cards …, and 9 − 4 = 5" is a count worked out, no ranks."""
    ctx = ctxs("impossible.txt")
    text = "S说他早就知道P不知道。此时和11剩(2, 9)、(3, 8)、(4, 7)：(5, 6)因30 = 2 × 15（和17也在表中）被S这句话排除。"
    credits = [c for c in _audit(ctx, text).claims() if c.record.kind == "credit"]
    assert [c.formula for c in credits] == ["statement 2 rules out x = 5 and y = 6"]
    assert credits[0].verdict.verdict != "entailed"
    cards = ctxs("card16.txt")
    counted = _audit(cards, 'P: "I don\'t know the card." That leaves 9 cards.\n\nQ: "I knew you didn\'t know." Q\'s '
                            "statement removes 4 of the 9 cards (♠4 and the three clubs), and 9 − 4 = 5.\n")
    assert not _bad(counted)


MUDDY6 = {"n": 6, "k": 4}


def test_a_rule_of_when_children_know_narrates_no_statement(ctxs):
    """"A muddy child can only be sure of her own state once …": a rule, not the last statement (it moved the trace
    to the end, so the rounds after it were judged there); "Now every muddy child knows" still narrates it."""
    ctx = ctxs("muddy.txt", MUDDY6)
    rule = "A muddy child can only be sure of her own state once it is common knowledge that there are enough of them."
    assert not ctx.aligner.inner_cues(rule, 0)
    assert [c.stage for c in ctx.aligner.inner_cues("Now every muddy child knows she is muddy.", 0)] == [5]


def test_a_letter_the_trace_names_the_count_by_is_the_count(ctxs):
    """"Let m be the number of muddy children" (or "m = 有泥人数"): "so m ≥ 2" is then a claim about the count, judged
    like "at least two"; without the definition "m" is not read (traces also write it for a case's count)."""
    ctx = ctxs("muddy.txt", MUDDY6)
    body = ('The father says "At least one of you is muddy."\n\n'
            "Nobody steps forward at the first question, so m ≥ {}.\n\n"
            "Nobody steps forward at the second question either, so m ≥ 3.\n")
    for define in ("Let m be the number of muddy children.\n\n", "Write *m* for the number of muddy children.\n\n",
                   "6 个孩子，m = 有泥人数。\n\n"):
        assert _audit(ctx, define + body.format(2)).label == -1, define
        wrong = _audit(ctx, define + body.format(3))
        assert wrong.label == 2 and [c.formula.endswith(" >= 3") for c in _bad(wrong)] == [True], define
    assert not [c for c in _audit(ctx, body.format(3)).claims() if c.record.kind == "bound"]


def test_a_named_count_told_apart_or_heading_a_case_is_no_claim(ctxs):
    """With m named the count: "she can't tell m = 3 from m = 4", "分不清 m = 3 还是 m = 4" and a case heading
    "**m = 4.** A muddy child sees three…" claim no count; "So m = 4 out of the 6." claims it (not "m = 4 is out")."""
    ctx = ctxs("muddy.txt", MUDDY6)
    define = "Let m be the number of muddy children.\n\n"
    for line in ("She can't tell m = 3 from m = 4.", "4 号分不清 m = 3 还是 m = 4。",
                 "**m = 4.** A muddy child sees three muddy faces."):
        assert not [c for c in _audit(ctx, define + line).claims() if c.record.kind in ("candidates", "exclusion")
                    and c.record.certain], line
    said = [c for c in _audit(ctx, define + "So m = 4 out of the 6.").claims()]
    assert [(c.record.kind, c.formula[-4:]) for c in said] == [("candidates", " = 4")]


def test_after_a_statement_one_can_tell_is_the_writers_claim(ctxs):
    """"伯纳德的话之后可以确定生日就是6月12日" / "伯纳德说完之后可以确定…": Bernard's statement names a time, the
    claim that the date is June 12 is the writer's (premature there: April 14 and 17 are still open); with "他" it is
    Bernard's knowledge."""
    ctx = ctxs("cheryl_variant.txt")
    for line in ("伯纳德的话之后可以确定生日就是6月12日。", "伯纳德说完之后可以确定生日就是6月12日。"):
        report = _audit(ctx, VARIANT + BERNARD_ZH + line)
        found = [(c.record.kind, c.formula, c.verdict.verdict) for c in report.claims()
                 if c.record.kind in ("candidates", "knowledge")]
        assert ("candidates", "month = June and day = 12", "premature") in found, line
    his = _audit(ctx, VARIANT + BERNARD_ZH + "伯纳德说完之后他可以确定生日就是6月12日。")
    assert [c.record.kind for c in his.claims() if c.step == 2] == ["knowledge"]


BERNARD_ZH = "伯纳德说：“一开始我不知道，现在我知道了。”剩下4月14日、4月17日和6月12日。\n\n"


def test_a_turn_ends_a_supposition_in_a_run_on_chinese_sentence(ctxs):
    """"如果是4月，他还有…两个，没法确定，不过回头看，其实4月14和4月17是被伯纳德的话排除掉的": the sentence turns at
    "，不过", so the "如果…" supposition ends there and the credit after it is read (wrongly crediting Bernard:
    Albert's last statement removes those dates); crediting Albert's last statement is right. ("Bernard那句话" was
    read as naming his statement for part of session 20 and taken out: it added a false alarm on fresh text.)"""
    ctx = ctxs("cheryl_variant.txt")
    head = VARIANT + BERNARD_ZH + "阿尔伯特说他也知道了。如果是4月，他还有4月14和4月17两个，没法确定，不过回头看，"
    report = _audit(ctx, head + "其实4月14和4月17是被伯纳德的话排除掉的。")
    assert [c.formula.split(" rules")[0] for c in report.claims() if c.record.kind == "credit"] == ["statement 2"]
    assert report.label == 2
    right = _audit(ctx, head + "其实4月14和4月17是被阿尔伯特的第二句话排除掉的。")
    assert right.label == -1 and [c.formula.split(" rules")[0] for c in right.claims()
                                  if c.record.kind == "credit"] == ["statement 3"]


def test_a_pronoun_after_a_quoted_line_label_credits_that_clause(ctxs):
    """'- "At first I don't know": Bernard's day is not 13 or 20. That eliminates March and May entirely': "That" is
    the quoted clause labelling the line, which removes no month (Albert's statement did); "that excludes 28 and 29,
    which are already gone" grants it removes nothing, so it is no credit."""
    ctx = ctxs("cheryl_variant.txt")
    line = "- \"At first I don't know\": Bernard's day is not 13 or 20. That {}."
    wrong = _audit(ctx, VARIANT + line.format("eliminates March and May entirely"))
    assert [c.formula.split(" rules")[0] for c in _bad(wrong)] == \
        ["statement 2 (its clause before (not Bernard knows date) alone)"]
    granted = _audit(ctx, VARIANT + line.format("excludes 13 and 20, which are already gone"))
    assert not [c for c in granted.claims() if c.record.kind == "credit"] and not _bad(granted)


def test_this_after_a_quote_credits_what_the_quote_said(ctxs):
    """'父亲说“至少一个有泥”：这句话排除了只有一个孩子有泥的情况' credits the father's statement (wrongly: the first
    silence removes the one-muddy worlds), and '“起初我不知道”说明…，这就排除了4月和6月' the quoted clause of Bo's
    statement (wrongly: Ali's first statement removed those months)."""
    muddy = ctxs("muddy.txt", {"n": 4, "k": 2})
    wrong = _audit(muddy, "- 父亲说“至少一个有泥”：这句话排除了只有一个孩子有泥的情况。")
    assert [c.formula.split(" rules")[0] for c in _bad(wrong)] == ["statement 1"]
    right = _audit(muddy, "- 父亲说“至少一个有泥”：这句话排除了所有孩子都干净的情况。\n\n- 第1轮沉默：排除只有1个的情况。")
    assert right.label == -1
    cam = ctxs("cheryl_cam.txt")
    text = ("阿里说：“我不知道，但我知道波也不知道。”剩下3月18、3月19、7月16、7月17、7月19。\n\n"
            "然后波说：“起初我不知道，但听了阿里的话，现在我知道了。”“起初我不知道”说明日子不是28也不是29，这就排除了{}。")
    assert [c.formula.split(" rules")[0] for c in _bad(_audit(cam, text.format("4月和6月")))] == \
        ["statement 2 (its clause before (not Bo knows date) alone)"]


def test_rounds_and_the_fathers_words_named_in_a_table_date_its_rows(ctxs):
    """"| 第1轮沉默 | 恰好1个 | 2–5个 |" and "| 父亲发言 | 0个有泥 | …": a digit ordinal names the round, "父亲发言" the
    father's statement, so each row is credited to its event (it was judged at the stage of the trace)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    assert ctx.aligner.anchor("第1轮沉默", 0) == 2 and ctx.aligner.anchor("第 2 次沉默", 0) == 3
    assert ctx.aligner.anchor("父亲发言", 0) == 1
    table = ("| 轮次 | 排除的情况 | 剩下 |\n|---|---|---|\n| 父亲发言 | 0个有泥 | 1–5个 |\n| 第1轮沉默 | 恰好1个 | 2–5个 |\n"
             "| 第2轮沉默 | 恰好{}个 | 3–5个 |")
    assert _audit(ctx, table.format(2)).label == -1
    assert _audit(ctx, table.format(3)).label == 0


def test_a_bound_after_for_is_a_case(ctxs):
    """"for x + y ≥ 153 the same works with 97 + …": the bound names the case worked, not a claim that the sum is at
    least 153; "so x + y ≥ 153" claims it."""
    ctx = ctxs("impossible.txt")
    case = _audit(ctx, "For x + y ≥ 153 the same works with 97.").claims()
    assert [c.record.certain for c in case if c.record.kind == "term bound"] == [False]
    said = [c for c in _audit(ctx, "So x + y ≥ 153.").claims() if c.record.kind == "term bound"]
    assert [c.record.certain for c in said] == [True]


def test_a_case_sentence_supposes_its_count_for_the_step(ctxs):
    """"Case: exactly two muddy children, say A and B. … So both would step forward in the first round.": the step's
    case, so "two muddy children know in round 1" is judged (too early: they know at the second question); "in the
    second round" is true, and "if I were clean, B would know right away" (a case inside the case) is not read
    with it."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    step = ("Case: exactly two muddy children, say A and B. A sees B muddy and three clean. If I were clean, B would "
            "see no mud and B would know right away. So A and B would both step forward in the {} round.")
    wrong = _audit(ctx, step.format("first"))
    found = [(c.formula.split(" implies")[0], c.verdict.verdict) for c in wrong.claims()
             if c.record.kind == "case knowledge"]
    assert found == [("(((m[1] + m[2]) + m[3]) + m[4]) + m[5] = 2", "premature")] and _bad(wrong)
    right = _audit(ctx, step.format("second"))
    assert [c.verdict.verdict for c in right.claims() if c.record.kind == "case knowledge"] == ["entailed"]
    assert not _bad(right)


def test_a_retelling_of_the_statements_in_order_is_the_puzzle_restated(ctxs):
    """"Then, in order: Alice says she doesn't know her number, Bob says …, Carol says …" as the opening step restates
    the puzzle (it moved the trace to the last statement, so claims made before any were judged there); "Alice doesn't
    know" names her statement (what_sum's statements have no speaker, only the label "Alice:")."""
    ctx = ctxs("what_sum.txt")
    opening = ("Okay, three numbers, one the sum of the other two. Then, in order: Alice says she doesn't know her "
               "number, Bob says he doesn't know his, Carol says she doesn't know hers.")
    assert [(a.how, a.stage) for a in ctx.aligner.align([opening, "Let me think."])] == [("recap", 0), ("carried", 0)]
    assert ctx.aligner.align([opening, "Let me think."])[1].reached == 0
    assert [c.stage for c in ctx.aligner.inner_cues('So "Alice doesn\'t know" means b ≠ c.', 0)] == [1]
    assert ctx.aligner.anchor("after the three announcements", 0) == 3
    assert ctx.aligner.anchor("三句话依次", 0) is None  # each statement its own, in turn


def test_what_is_left_of_a_term_between_it_and_its_verb(ctxs):
    """"The sums left are 11, 17, …", "the sums that survive are …", "Sums passing that test: …": the sums left after
    S's statement, an exact set (51 is not one of them); "The remaining sums are …" was read already. ("passing that
    test" are words the reader does not know: that list's falsehood weighs only with a second signal.)"""
    ctx = ctxs("sum_product.txt")
    head = '1. P: "I don\'t know the numbers."\n\n2. S: "I knew you didn\'t know."\n\n'
    sums = "11, 17, 23, 27, 29, 35, 37, 41, 47, {}53"
    for lead in ("The sums left are ", "The sums that survive are ", "Sums passing that test: ",
                 "The remaining sums are "):
        assert _audit(ctx, head + lead + sums.format("") + ".").label == -1, lead
        wrong = _audit(ctx, head + lead + sums.format("51, ") + ".")
        assert [c.verdict.verdict for c in wrong.claims() if c.record.kind == "candidates"] == ["false"], lead
