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
