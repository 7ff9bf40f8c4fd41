"""Readings from traces_dn* (32 rows written in session 52 by helpers who never read the auditor, scored blind at
0.667, then opened in session 53) and the tuning sets dr*, ds* written beside the blind dq*, each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def test_knowing_a_letter_is_being_told_what_it_names(ctxs):
    """"Let us denote each date by $(m,d)$. Albert knows $m$, Bernard knows $d$.": each knows what his letter names
    (he is told it), not the date (a step flagged as Albert knowing the date at the start; the bare "Albert knows m
    and Bernard knows d" was read as Albert knowing that Bernard knows)."""
    ctx = ctxs("cheryl_variant.txt")
    for text in ("Let us denote each date by $(m,d)$. Albert knows $m$, Bernard knows $d$.",
                 "Albert knows m and Bernard knows d."):
        report = _audit(ctx, text)
        assert _claims(report, "knowledge") == [] and bad(report) == []
    named = _audit(ctx, "Albert knows the month, Bernard knows the day.")
    assert [c.formula for c in _claims(named, "told")] == ["Albert knows month", "Bernard knows day"]


def test_a_knowing_dated_after_it_by_a_count_of_silences_is_that_case(ctxs):
    """"… so the three muddy children know after one round of silence": with three muddy, the muddy children know
    only after two silences, so the case is false after one (a premature knowing missed); "So with k = 2, the muddy
    children know after one silent round" is the true case of two (no alarm)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = "The father says at least one of them is muddy. Nobody steps forward.\n\n"
    early = _audit(ctx, lead + "Since they did not step forward, she concludes she is muddy, and so the three muddy "
                               "children know after one round of silence and step forward at the second question.")
    assert [(c.record.kind, c.verdict.stage) for c in bad(early)] == [("case knowledge", 2)]
    case = _audit(ctx, lead + "So with k = 2, the muddy children know after one silent round, i.e., they step "
                              "forward at round 2.")
    assert [c.verdict.verdict for c in _claims(case, "case knowledge")] == ["entailed"] and bad(case) == []
    late = _audit(ctx, lead + "So three muddy children know after two silences.")
    assert bad(late) == []


def test_a_chinese_subject_before_its_dating_and_a_case_in_the_reason(ctxs):
    """"三个有泥的孩子在第一轮没人站出来之后，就都知道自己有泥了，因为…两个有泥的情况在第一轮之后就该解决了": the subject stands
    before "在…之后", and the case named in the reason is not the claim's (a premature knowing missed)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    report = _audit(ctx, "三个有泥的孩子在第一轮没人站出来之后，就都知道自己有泥了，因为他们每个人看到的都是两个有泥的，而两个有泥的"
                         "情况在第一轮之后就该解决了。")
    assert [(c.record.kind, c.verdict.stage) for c in bad(report)] == [("case knowledge", 2)]
    right = _audit(ctx, "三个有泥的孩子在第二轮没人站出来之后，就都知道自己有泥了，因为他们每个人看到的都是两个有泥的。")
    assert bad(right) == []


def test_a_value_line_closing_on_kept_or_out_is_that_values_verdict(ctxs):
    """"b=9：安妮是8或10，比尔还是分不清，保留。" keeps b = 9 after Bill's statement (it goes: a = 10 is gone, so he
    would know); "17：…17出现两次，伯纳德拿到17还是分不清 → 排除。" removes 17, which survives (two first errors missed)."""
    ctx = ctxs("consecutive.txt")
    lead = said(ctx, 2, "zh") + "\n\n看第二句，逐个检查 b：\n"
    kept = _audit(ctx, lead + "b=1：安妮是0或2，但0已经被排除了，所以安妮是2，比尔知道 → 排除。\n"
                              "b=9：安妮是8或10，比尔还是分不清，保留。")
    assert [(c.record.kind, c.formula) for c in bad(kept)] == [("possible", "b = 9 still possible")]
    right = _audit(ctx, lead + "b=9：安妮是8或10，但10已经被排除了，所以安妮是8，比尔知道 → 排除。")
    assert [c.verdict.verdict for c in _claims(right, "exclusion") if c.formula == "not b = 9"] == ["entailed"]
    assert bad(right) == []
    variant = ctxs("cheryl_variant.txt")
    gone = _audit(variant, said(variant, 1, "zh") + "\n\n所以三月被排除了。\n\n伯纳德接着说：“起初我不知道，但现在我知道"
                                                   "了。”\n\n看一下：\n17：4月17日，还有3月17日，17出现两次，伯纳德拿到17还"
                                                   "是分不清 → 排除。\n\n阿尔伯特最后说：“那我也知道了。”")
    assert [(c.record.kind, c.formula) for c in bad(gone)] == [("exclusion", "not day = 17")]  # (it goes only then)


def test_a_modal_in_a_relative_clause_puts_no_case_on_its_sentence(ctxs):
    """"The blind man is the one who can't see, so after the first man's answer the blind man already knows his hat
    is white": "can't" says what the blind man is, not that the knowing is some case's (a premature knowing left
    unchecked)."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\nThe blind man is the one who can't see, so after the first man's answer "
                                        "the blind man already knows his hat is white.")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("knowledge", "premature")]
    modal = _audit(ctx, said(ctx, 1) + "\n\nIf the others were red he can't tell, so the blind man already knows his "
                                       "hat is white.")
    assert bad(modal) == []


def test_an_idea_one_was_tempted_by_is_rejected(ctxs):
    """"At first I was tempted to cross out the 16th and 17th at this point, … But that's backwards.": the writer's
    rejected idea, not an elimination (a correct trace flagged one statement early)."""
    ctx = ctxs("cheryl_cam.txt")
    lead = said(ctx, 1) + "\n\n"
    report = _audit(ctx, lead + "At first I was tempted to cross out the 16th and 17th at this point. But that's "
                                "backwards.")
    assert bad(report) == []
    plain = _audit(ctx, lead + "So I cross out the 16th and 17th at this point." + "\n\n" + said(ctx).split("\n\n")[1])
    assert [c.record.kind for c in bad(plain)] == ["exclusion"]


def test_a_yes_under_an_answer_heading_line_is_the_answer(ctxs):
    """"**Answer**\\nYes. … the three numbers must be **all different** (answer: 1). A repeated number can only occur
    as (x, x, 2x), …": the yes under the heading is the final answer, whatever follows (an answer missed)."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, said(ctx) + "\n\n**Answer**\nYes. The three numbers must be **all different** (answer: 1). "
                                     "A repeated number can only occur as (x, x, 2x).")
    assert report.final_answer_correct is True
    wrong = _audit(ctx, said(ctx) + "\n\n**Answer**\nNo. Two of them can be equal. A repeated number can occur as "
                                    "(x, x, 2x).")
    assert wrong.final_answer_correct is False


def test_a_count_after_when_exactly_is_a_case(ctxs):
    """"It matters most when exactly one child is muddy: that child sees four clean foreheads …": the case of one,
    not a claim that one child is muddy (a correct step flagged before the first error)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    report = _audit(ctx, "His statement rules out the case where all five are clean. It matters most when exactly one "
                         "child is muddy: that child sees four clean foreheads and immediately concludes \"it must be "
                         "me.\"\n\nAnswer: 2.")
    assert [c.record.certain for c in _claims(report, "candidates")] == [False] and bad(report) == []
    said_one = _audit(ctx, "So exactly one child is muddy.\n\nAnswer: 2.")
    assert [c.record.certain for c in _claims(said_one, "candidates")] == [True]


def test_an_ordinal_man_is_no_count_of_everyone(ctxs):
    """"第二位和第三位不可能都戴红帽": the second and the third man, not "三位" (all three) wearing red; "三人不可能都戴红帽" is
    all three."""
    ctx = ctxs("hats.txt")
    two = _audit(ctx, "第二位和第三位不可能都戴红帽。")
    assert all("h[1] = red" not in c.formula for c in _claims(two))
    three = _audit(ctx, "三人不可能都戴红帽。")
    assert [c.formula for c in _claims(three, "exclusion")] == ["not (h[1] = red and h[2] = red and h[3] = red)"]


def test_what_a_supposition_s_conclusion_leaves_is_read(ctxs):
    """"如果P拿到的是A，他没法在两张A之间确定，所以方块A排除，剩下红桃A、红桃Q、红桃4、方块5。": after the conclusion's "所以",
    what is left is the writer's list too (♥A kept: a first error left unread)."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx, 3, "zh") + "\n\n如果P拿到的是A，他没法在两张A之间确定，所以方块A排除，剩下红桃A、红桃Q、"
                                             "红桃4、方块5。")
    assert [(c.record.kind, c.record.reading, c.verdict.verdict) for c in _claims(report, "candidates")] == \
        [("candidates", "what is left", "false")]


def test_a_sum_held_with_is_not_what_one_is_sure_of(ctxs):
    """"So S could not be certain with any even sum up to 54": the sum is what S holds, not what he is unsure of (a
    correct step flagged: "S does not know the sum")."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, "So S could not be certain with any even sum up to 54.")
    assert [c.formula for c in _claims(report, "knowledge")] != ["not S knows x + y"] and bad(report) == []
    plain = _audit(ctx, "S could not be certain of the sum.")
    assert [c.formula for c in _claims(plain, "knowledge")] == ["not S knows x + y"]


def test_a_line_labelled_example_is_its_own_case(ctxs):
    """"Example: p = 52 = 2·26 = 4·13. … → P knows it's (4,13).\\nCounter-example: p = 30 …": each line is the case it
    names, not the stage (a correct step flagged: the product said to be 52, then 30)."""
    ctx = ctxs("impossible.txt")
    lines = ("Example: p = 52 = 2·26 = 4·13. Sums 28 and 17. Only 17 is in the list → P knows it's (4,13).\n"
             "Counter-example: p = 30 = 2·15 = 3·10 = 5·6. Sums 17, 13, 11. Both 17 and 11 are in the list → P still "
             "can't decide.")
    report = _audit(ctx, said(ctx, 2) + "\n\n" + lines)
    assert [c.record.certain for c in _claims(report, "candidates")] == [False, False]
    zh = _audit(ctx, said(ctx, 2) + "\n\n反例：p = 30 = 2·15 = 3·10 = 5·6。")
    assert [c.record.certain for c in _claims(zh, "candidates")] == [False]


def test_a_wrong_answer_named_as_a_case_world_is_not_its_conclusion(ctxs):
    """"But in the k = 3 world, B sees A and C muddy, …" in a trace whose wrong final answer is 3: a case the trace
    works through, not where it concludes 3 (the wrong answer was flagged there, long before the closing line)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    text = ("With k = 3: first question, nobody knows. But in the k = 3 world, B sees A and C muddy, so B isn't in a "
            "k = 2 situation.\n\nSo the answer follows from three silences.\n\n**Answer: 3 children are muddy.**")
    report = _audit(ctx, text)
    assert report.final_answer_correct is False and report.label == 2
    concluded = _audit(ctx, "So k = 3.\n\nSo the answer follows from three silences.\n\n**Answer: 3 children are "
                            "muddy.**")
    assert concluded.label == 0


def test_the_muddy_ones_knowing_is_the_knowing_statement(ctxs):
    """"Now our case: three rounds of silence, then the muddy ones know. So k − 1 = 3, so k = 4.": "the muddy ones"
    are the muddy children, so the step reaches their knowing (k = 4 was flagged one statement early)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    report = _audit(ctx, "Now our case: three rounds of silence, then the muddy ones know. So k − 1 = 3, so k = 4.")
    assert bad(report) == [] and [c.verdict.verdict for c in _claims(report, "candidates")] == ["entailed"]


def test_a_knowing_dated_by_after_then_what_it_means(ctxs):
    """"Hence the muddy children knowing right after the third silence means k is exactly 4.": the "after" dates the
    knowing, and what it means holds once they know (k = 4 was judged after the third silence, one stage early)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    lead = "\n\n".join(["Father: at least one of you is muddy."] + ["Nobody steps forward."] * 3 +
                       ["Now every muddy child knows."]) + "\n\n"
    report = _audit(ctx, lead + "Hence the muddy children knowing right after the third silence means k is exactly 4.")
    assert bad(report) == []
    early = _audit(ctx, lead + "After the third silence we know k = 4.")
    assert [c.verdict.verdict for c in bad(early)] == ["premature"]


def test_a_value_of_an_unread_subject_after_a_reason_is_not_the_variables(ctxs):
    """"Since Cheryl tells the truth, the bus number must be 17.": the 17 is the bus number's (since session 67 read
    as the sum of the ages, which the story calls the bus number), not Cheryl's age named in the reason (the wrong
    answer was flagged as concluded there); ", the anniversary must be March 18" still names the answer."""
    ctx = ctxs("cheryls_age.txt")
    report = _audit(ctx, "Since Cheryl tells the truth, the bus number must be 17.")
    assert [c.formula for c in _claims(report, "candidates")] == ["(cheryl + older) + (144 / (cheryl * older)) = 17"]
    cam = ctxs("cheryl_cam.txt")
    named = _audit(cam, "Since Bo now knows, the anniversary must be March 18.")
    assert [c.formula for c in _claims(named, "candidates")] == ["month = March and day = 18"]


def test_a_wrong_answer_tested_as_a_competitor_is_not_its_conclusion(ctxs):
    """"Let me also test the main competitor, July 16, to be thorough. … after Ali's statement only July 16 → …":
    the world tested, not where the trace concludes its (wrong) final answer July 16."""
    ctx = ctxs("cheryl_cam.txt")
    text = (said(ctx) + "\n\nSo the anniversary is March 18.\n\nLet me also test the main competitor, July 16, to be "
            "thorough. Bo, told \"16\": originally June 16 or July 16; after Ali's statement only July 16. Right, "
            "July 16 is out.\n\n**Answer: Cam's anniversary is July 16.**")
    report = _audit(ctx, text)
    assert report.final_answer_correct is False and report.label == len(report.steps) - 1


def test_a_world_named_after_a_supposition_is_that_supposition(ctxs):
    """"如果他看到两顶红帽子，也就是第一位红、第三位红，那他自己一定是白的，他就知道了。这是“红白红”。": the world just supposed,
    named, not a claim that the hats are red-white-red."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n然后看第二位。如果他看到两顶红帽子，也就是第一位红、第三位红，那他自己一定是白"
                                             "的，他就知道了。这是“红白红”。他说不知道，所以排除“红白红”。")
    assert [c.record.certain for c in _claims(report, "candidates")] == [False] and bad(report) == []
    plain = _audit(ctx, said(ctx, 2, "zh") + "\n\n所以帽子是“红白红”。")
    assert [c.record.certain for c in _claims(plain, "candidates")] == [True]


def test_the_puzzle_retold_under_a_problem_label_claims_nothing(ctxs):
    """"题目：…④ 这时每个额头有泥的孩子都知道了自己有泥。": the puzzle's events retold, its last one too, not the muddy
    children said to know already (a correct opening flagged)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    retold = ("题目：4个孩子在外面玩。\n① 父亲说：“你们中至少有一个人额头上有泥。”\n② 没有人站出来。\n③ 仍然没有人站出来。\n"
              "④ 这时每个额头有泥的孩子都知道了自己有泥。")
    assert _claims(_audit(ctx, retold), "formula") == []
    claimed = _audit(ctx, "父亲说：“你们中至少有一个人额头上有泥。”\n\n这时每个额头有泥的孩子都已经知道了自己有泥。")
    assert [c.record.kind for c in bad(claimed)] == ["formula"]


def test_not_fewer_than_is_a_lower_bound(ctxs):
    """"由②知：第一次没有人站出来，所以有泥的孩子不少于3个。": at least 3, one silence early (a first error unread)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    report = _audit(ctx, "父亲说至少有一个孩子有泥。\n\n第一次问，没有人站出来。\n\n所以有泥的孩子不少于3个。\n\n第二次问，还是没有"
                         "人站出来。")
    assert [(c.formula.split(" >= ")[-1], c.verdict.verdict) for c in bad(report)] == [("3", "premature")]
    most = _audit(ctx, "有泥的孩子不超过2个。")
    assert [c.formula.split(" <= ")[-1] for c in _claims(most, "bound")] == ["2"]


def test_a_supposed_knowing_is_no_narration_of_it(ctxs):
    """"如果k = 1，那个有泥的孩子看不到任何人有泥，结合①马上知道自己有泥，会在第一次就站出来。": the case of one muddy child
    knowing, not the puzzle's last statement told (the trace was taken to stand after it, hiding a premature bound)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    supposed = "如果k = 1，那个有泥的孩子看不到任何人有泥，结合①马上知道自己有泥，会在第一次就站出来。"
    assert ctx.aligner.inner_cues(supposed, 0) == ()
    told = "那个有泥的孩子马上知道自己有泥。"
    assert [c.stage for c in ctx.aligner.inner_cues(told, 3)] == [4]


def test_a_bare_verdict_after_a_value_question_is_that_values(ctxs):
    """"那b=1呢？a可能是0或2，两种可能，比尔不知道，保留。": the value asked about kept after Bill's statement, though a = 0
    is gone and b = 1 goes (a first error read only a step later)."""
    ctx = ctxs("consecutive.txt")
    lead = "Anne：“我不知道你的数。”\n\n第二句，比尔说“我不知道你的数”。\n"
    kept = _audit(ctx, lead + "那b=1呢？a可能是0或2，两种可能，比尔不知道，保留。")
    assert [(c.record.kind, c.formula) for c in bad(kept)] == [("possible", "b = 1 still possible")]
    gone = _audit(ctx, lead + "那b=1呢？a=0已经排除了，a只能是2，比尔知道，排除。")
    assert [(c.formula, c.verdict.verdict) for c in _claims(gone, "exclusion") if "b = 1" in c.formula] == \
        [("not b = 1", "entailed")] and bad(gone) == []


def test_a_part_label_quoting_a_statement_names_no_speaker(ctxs):
    """'Part two, "I know that Bernard doesn't know": Albert only has the month.': the second part of Albert's first
    statement, not Bernard's statement two (the trace was taken to stand after it, hiding a premature elimination)."""
    ctx = ctxs("cheryl.txt")
    part = 'Part two, "I know that Bernard doesn\'t know": Albert only has the month.'
    assert ctx.aligner.align([said(ctx, 1), part])[-1].stage == 1
    named = "Part two. Bernard, who had the day, now knows it."
    assert ctx.aligner.align([said(ctx, 1), named])[-1].stage == 2


def test_a_pattern_closed_by_and_so_on_is_no_claim_about_the_stage(ctxs):
    """"每一轮没人站出来…：第一轮沉默说明不是1个，第二轮沉默说明不是2个，依此类推。": each part is dated by its own round, a
    pattern, not the count ruled out at the stage in hand (a correct step flagged: "not 2" one silence early)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    lead = "父亲说至少有一个孩子有泥。\n\n第一次问，没有人站出来。\n\n"
    tail = "\n\n第二次问，还是没有人站出来。"
    pattern = _audit(ctx, lead + "每一轮没人站出来，大家就能多排除一种可能：第一轮沉默说明不是1个，第二轮沉默说明不是2个，依此类推。"
                     + tail)
    assert bad(pattern) == []
    said_now = _audit(ctx, lead + "所以有泥的孩子不是2个。" + tail)
    assert [c.verdict.verdict for c in bad(said_now)] == ["premature"]
