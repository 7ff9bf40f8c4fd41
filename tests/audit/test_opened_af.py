"""Readings from the opened blind set traces_af* (session 19: its false alarm and first errors it missed), each
checked both ways where it can be: the right reading leaves a true step alone or flags the wrong one, and its twin
goes the other way."""
from tests.audit.reading import audit as _audit, bad as _bad

ALBERT = "Albert says he doesn't know and is sure Bernard doesn't know either. That leaves April 14, April 17, April 19, " \
         "June 12 and June 19.\n\n"


def _claims(report):
    return [(c.record.kind, c.formula, c.record.certain) for c in report.claims()]


def test_a_denial_then_an_elided_knowing_is_the_whole_turn(ctxs):
    """"he didn't know at first but does now": "does now" is "knows now", so the sentence is Bernard's statement and
    the trace reaches it there; without the second half it is only part of it, which moves nothing."""
    ctx = ctxs("cheryl_variant.txt")
    text = ALBERT + ("Bernard then says he didn't know at first but does now. 19 appears twice, so both 19s go. "
                     "Left: April 14, April 17 and June 12.")
    assert _audit(ctx, text).label == -1
    for turn in ("Bernard then says he didn't know at first but does now.",
                 "Bernard says he didn't know at first, but now he does."):
        report = _audit(ctx, text.replace("Bernard then says he didn't know at first but does now.", turn))
        assert report.label == -1 and report.steps[1].stage == 2
    half = _audit(ctx, text.replace(" but does now", ""))
    assert half.steps[1].stage == 1


def test_an_inverted_if_opens_a_supposition(ctxs):
    """"Had Bernard been told 19, he'd still be stuck": a hypothetical about day 19, not Bernard's ignorance at the
    stage; the same supposition about 12 (unique after Albert's statement) is false."""
    ctx = ctxs("cheryl_variant.txt")
    step = "Bernard says he didn't know at first, but now he knows. Had Bernard been told {}, he'd still be stuck."
    found = _claims(_audit(ctx, ALBERT + step.format(19)))
    assert ("hypothetical", "day = 19 implies (not Bernard knows date)", True) in found
    wrong = _audit(ctx, ALBERT + step.format(12))  # judged false (weak evidence alone, like its "If …" form)
    assert [(c.formula, c.verdict.verdict) for c in wrong.claims() if c.record.kind == "hypothetical"] == \
        [("day = 12 implies (not Bernard knows date)", "false")]
    plain = _claims(_audit(ctx, ALBERT + "We had been told 19 twice."))  # no subject and verb after it: no "if"
    assert not [c for c in plain if c[0] == "hypothetical"]


def test_what_a_trace_keeps_is_not_what_it_drops(ctxs):
    """"we drop April 19 and June 19 and keep April 14, April 17 and June 12": the kept dates are what is left, not
    more dates dropped (read as one exclusion of all five, the true step was flagged)."""
    ctx = ctxs("cheryl_variant.txt")
    head = ALBERT + "Bernard says he didn't know at first, but now he knows. "
    for keep in (" and keep April 14, April 17 and June 12.", ", keeping April 14, April 17 and June 12."):
        report = _audit(ctx, head + "So we drop April 19 and June 19" + keep)
        assert report.label == -1
        exclusions = [c[1] for c in _claims(report) if c[0] == "exclusion"]
        assert exclusions == ["not ((month = April and day = 19) or (month = June and day = 19))"]
    kept = _claims(_audit(ctx, head + "So we drop April 19 and June 19, keeping April 14, April 17 and June 12."))
    assert any(kind == "candidates" and certain for kind, _, certain in kept)


CONSECUTIVE = (
    "**1. 安妮：\"我不知道你的数。\"**\n所以 a ≠ 0 且 a ≠ 10，去掉 (0,1)、(10,9)，剩 18 对。\n\n"
    "**2. 比尔：\"我不知道你的数。\"**\n- b = 1：a 本来是 0 或 2，但 a = 0 已经排除 → 比尔知道，去掉 (2,1)；\n"
    "- b = 9：同理去掉 (8,9)。\n其余 b 都有两个可能。剩 14 对。\n\n"
    "**3. 安妮：\"我知道你的数。\"**\n现在安妮要判断：她的 a 在剩下的 14 对里是否只对应一个 b。\n"
    "- a = 1：邻居是 0 和 2，(1,0) 已去掉 → b = 2，知道。\n"
    "- a=2：邻居是1和3，{}")


def test_a_line_labelled_by_the_knowers_own_value_is_that_cases_knowledge(ctxs):
    """"- a=2：… 安妮无法确定": Anne sees a, so the line says what Anne knows when a = 2 (she knows: (2,1) went with
    Bill's statement) — false, the first error; "(2,1)已去掉 → 安妮知道" is true."""
    ctx = ctxs("consecutive.txt")
    wrong = _audit(ctx, CONSECUTIVE.format("(2,1)和(2,3)都还在，安妮无法确定。"))
    assert [c.formula for c in _bad(wrong)] == ["a = 2 implies (not Anne knows b)"]
    assert _audit(ctx, CONSECUTIVE.format("(2,1)已去掉 → b = 3，安妮知道。")).label == -1


def test_a_value_line_in_a_check_or_about_being_sure_stays_a_case(ctxs):
    """A replay under a "Check" heading ("- July: Albert can't know …" of the first statement, at the end) and
    "→ Ali can be sure" (sure that Bo doesn't know, the object left out) stay unchecked cases."""
    ctx = ctxs("cheryl.txt")
    head = ("Albert: he doesn't know, and he knows Bernard doesn't. Bernard: at first he didn't know, now he does. "
            "Albert: then he knows too. So the birthday is July 16.\n\n")
    check = "### Check the answer\n- July: Albert can't know, and neither 14 nor 16 is unique.\n- 16: only July 16."
    assert _audit(ctx, head + check).label == -1
    cam = ctxs("cheryl_cam.txt")
    sure = "Ali's first statement:\n- March (18, 19): every day shared → Ali can be sure.\n- April contains 28 → out."
    assert not _bad(_audit(cam, sure))


def test_a_sum_in_a_worked_example_is_still_the_writers_arithmetic(ctxs):
    """"e.g. (b, c) = (18, 30): 18 + 30 = 58 > 50 → …": the example is a case, but the sum is false in every case;
    the right sum (48) leaves the step alone."""
    ctx = ctxs("what_sum.txt")
    step = ("**Alice (sees b, c): \"don't know\"**\n→ both options valid → b ≠ c and b + c ≤ 50.\n"
            "e.g. (b, c) = (18, 30): 18 + 30 = {} → a is 12 or {}.")
    assert [c.formula for c in _bad(_audit(ctx, step.format(58, 58)))] == ["18 + 30 = 58"]
    assert not _bad(_audit(ctx, step.format(48, 48)))


def test_a_column_of_triples_and_their_sums_is_read_by_its_convention(ctxs):
    """"(12,6,2) → 19" in a column of "(a,b,c) → sum" lines: most rows are sums, so this one is a slip (12 + 6 + 2 =
    20); the right column is left alone, and a column too short to show its convention is not read."""
    ctx = ctxs("cheryls_age.txt")
    rows = ["(16,3,3) → 22", "(12,6,2) → 19", "(12,4,3) → 19", "(9,8,2) → 19", "(9,4,4) → 17", "(8,6,3) → 17"]
    head = "The ages multiply to 144, so I list the triples.\n\n"
    column = head + "Now sums (the bus number):\n" + "\n".join(rows) + "\n\nOnly 19 and 17 repeat."
    assert [c.formula for c in _bad(_audit(ctx, column))] == ["(12 + 6) + 2 = 19"]
    assert not _bad(_audit(ctx, column.replace("(12,6,2) → 19", "(12,6,2) → 20")))
    assert not _bad(_audit(ctx, head + "Now sums:\n(12,6,2) → 19\n(9,4,4) → 17\n\nOnly 19 and 17 repeat."))


def test_a_silence_said_to_rule_nothing_out(ctxs):
    """"This first silence doesn't rule anything out" (it rules out every world with one muddy child): a credit of
    nothing, false; "doesn't really rule out anything" and "rule anything new out" too."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    for said in ("This first silence doesn't rule anything out.", "The first silence doesn't really rule out anything.",
                 "The second round of silence doesn't rule anything new out."):
        text = "Father: at least one of you is muddy.\n\nFather asks; nobody steps forward. " + said + "\n\nSo it goes on."
        assert [c.record.kind for c in _bad(_audit(ctx, text))] == ["credit"], said


def test_a_bound_on_the_sum_one_statement_early_is_wrong_on_its_own(ctxs):
    """"The sum is odd" before P's first statement has been used (it follows from S's): premature, and strong
    evidence alone; after S's statement it is entailed. A rule the puzzle lacks ("没有 x + y ≤ 100 的限制") and "the
    classic statement usually has x + y ≤ 100" are no bounds of this puzzle's stages."""
    ctx = ctxs("impossible.txt")
    early = ("P says: I cannot determine the two numbers.\n\nSo the sum is odd, since every even sum splits into two "
             "primes.\n\nS says he knew that.")
    assert [c.record.kind for c in _bad(_audit(ctx, early))] == ["term bound"]
    later = ("P says: I cannot determine the two numbers.\n\nS says he knew that.\n\nSo the sum is odd, since every "
             "even sum splits into two primes.")
    assert not _bad(_audit(ctx, later))
    for rule in ("这里 x 可以等于 y，而且没有 x + y ≤ 100 的限制，只要每个数不超过99。",
                 "The classic statement usually has x + y ≤ 100 and x < y. Here it's y ≤ 99 and x = y allowed."):
        assert not [c for c in _audit(ctx, rule).claims() if c.record.kind == "term bound" and c.record.certain], rule


def test_cannot_say_he_knows_and_torn_between_dates_are_not_knowing(ctxs):
    """"如果月份是8月，阿尔伯特还要在8月15日和8月17日之间犹豫，不能说知道": with August Albert does not know (true after
    Bernard's statement); read before as "Albert knows" (不能说 a reason word), it flagged a true step."""
    ctx = ctxs("cheryl.txt")
    text = ("阿尔伯特说他不知道，但知道伯纳德也不知道。剩下7月14日、7月16日、8月14日、8月15日、8月17日。\n\n"
            "伯纳德说他现在知道了。所以14号去掉，剩下7月16日、8月15日、8月17日。\n\n"
            "阿尔伯特说他也知道了。如果月份是8月，阿尔伯特还要在8月15日和8月17日之间犹豫，不能说知道。所以只剩7月16日。")
    report = _audit(ctx, text)
    assert report.label == -1
    assert [c.formula for c in report.claims() if c.record.kind == "hypothetical"] == \
        ["month = August implies (not Albert knows date)"]


def test_a_pronoun_for_the_silence_just_named_rules_nothing_out(ctxs):
    """"everyone staying put in round 1 is just what you'd expect, and it doesn't really rule anything out": "it" is
    the first silence the sentence named (which rules out every world with one muddy child)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    said = "So everyone staying put in round 1 is just what you'd expect, and it doesn't really rule anything out."
    text = "Father: at least one of you is muddy.\n\n" + said + "\n\nSo it goes on."
    assert [c.formula for c in _bad(_audit(ctx, text))] == ["statement 2 rules out nothing"]
    assert not _bad(_audit(ctx, text.replace("it doesn't really rule anything out", "it rules out a lone muddy child")))


def test_a_sum_kept_under_a_list_only_sums_can_be(ctxs):
    """"11、17、23、…、51、53" are sums (primes are no product of two numbers ≥ 2), so "所以51保留下来" keeps the sum 51
    — which S's statement removes (51 = 17 + 34, product 578 = 17 × 34 only); a row "51：…，所以也保留" too. 53 kept is
    right."""
    ctx = ctxs("sum_product.txt")
    head = ("P说他不知道。\n\nS说他早就知道P不知道。那么S的和的每种拆法的积都要有多种分解，所以积也不唯一。\n\n"
            "满足这些的奇数：11（9）、17（15）、23（21）、27（25）、29（27）、35（33）、37（35）、41（39）、47（45）、51（49）、53（51）。\n\n")
    for kept in ("51 − 2 = 49 = 7 × 7，不是质数，所以51保留下来。", "嗯，每个都看一下。51：51−2=49不是素数，而且51<55，所以也保留。"):
        assert [(c.record.kind, c.verdict.verdict) for c in _bad(_audit(ctx, head + kept))] == [("possible", "false")]
        assert not _bad(_audit(ctx, head + kept.replace("51", "53").replace("49", "51").replace("7 × 7", "3 × 17")))


def test_a_count_of_worlds_is_no_sum(ctxs):
    """"This rules out 1602 worlds" after a list of sums: 1602 worlds, not the sum 1602 (nor 160, its first digits)."""
    ctx = ctxs("sum_product.txt")
    text = ("The odd sums left are 11, 17, 23, 27, 29, 35, 37, 41, 47, 53.\n\n"
            "This rules out 1602 worlds; 145 remain. So 53 is ruled out too.")
    sums = [c.formula for c in _audit(ctx, text).claims() if c.formula.startswith("x + y !=")]
    assert sums == ["x + y != 53"]


def test_not_just_that_is_no_claim(ctxs):
    """"It's not just that Q knows it now — he's saying he already knew": the idea set aside is no claim that Q knows
    the card after P's statement; "So Q knows the card now." is one (premature)."""
    ctx = ctxs("card16.txt")
    head = "P says: \"I don't know the card.\"\n\nSecond statement: Q says \"I knew you didn't know.\"\n\n"
    tail = "\n\nP says: \"Now I know the card.\"\n\nQ says: \"Now I know it too.\""
    assert not _bad(_audit(ctx, head + "It's not just that Q knows it now — he's saying he already knew, before P "
                                       "spoke." + tail))
    assert _bad(_audit(ctx, head + "So Q knows the card now." + tail))


def test_what_is_left_after_a_removal_is_not_removed(ctxs):
    """"排除之后还剩9张：♥A ♥Q …" lists what is left after the removal, not what was removed (read as removed, the true
    step was flagged)."""
    ctx = ctxs("card16.txt")
    text = "第一句，P先生说不知道。只出现一次的点数有：J、8、2、7、3（黑桃），K、6（草花）。排除之后还剩9张：♥A ♥Q ♥4，♠4，♣Q ♣5 ♣4，♦A ♦5。"
    report = _audit(ctx, text)
    assert not _bad(report) and not [c for c in report.claims() if c.record.kind == "exclusion"]


def test_a_comparison_and_an_unnamed_product_are_no_values(ctxs):
    """"Cheryl is older than both brothers; the product is 144": "older than" compares (it is not the variable
    `older`) and 144 is the product's, not Cheryl's nor the older brother's age."""
    ctx = ctxs("cheryls_age.txt")
    report = _audit(ctx, "Cheryl is older than both brothers; the product is 144.")
    assert not [c for c in report.claims() if c.record.certain]
    assert [c.formula for c in _audit(ctx, "So Cheryl is 144.").claims()] == ["cheryl = 144"]
    owned = _audit(ctx, "They can now determine the ages: Cheryl's brothers are both 4 and the bus number is 17.")
    assert not [c for c in owned.claims() if c.record.certain]  # the brothers' ages and the bus's number
    assert [c.formula for c in _audit(ctx, "So Cheryl's age is 9.").claims()] == ["cheryl = 9"]


def test_counts_added_under_their_labels(ctxs):
    """"Dates removed: Mar (2) + May (3) = 6": 2 + 3 = 5, an arithmetic slip; "(2) + May (3) = 5" is right."""
    ctx = ctxs("cheryl_variant.txt")
    step = "**Albert #1**\n* Mar has 13 (unique) → out.\n* Dates removed: Mar (2) + May (3) = {} → 10 − {} = {} left."
    assert [c.formula for c in _bad(_audit(ctx, step.format(6, 6, 4)))] == ["2 + 3 = 6"]
    assert not [c for c in _audit(ctx, step.format(5, 5, 5)).claims() if c.verdict.verdict == "false"]


def test_a_knowledge_column_with_emoji_marks_and_a_bare_rank(ctxs):
    """"| A | ♥A | ✅ |" under "P knows?": with an ace P knows — false after Q's statement (♥A and ♦A are both left);
    the ✅ and ❌ marks read like ✓ and ✗, a cell "A" alone is the rank. "能确定吗" next to a column of unique days
    is being sure that the other cannot know, not knowing the date: what Albert's statement says he is sure of,
    judged before it (true in every row here; since session 40 read, before then left unread)."""
    ctx = ctxs("card16.txt")
    table = ("Now P says he knows.\n\n| Rank | Cards left with that rank | P knows? |\n|---|---|---|\n"
             "| A | ♥A | {} |\n| Q | ♥Q | ✅ |\n| 4 | ♥4 | ✅ |\n| 5 | ♦5 | ✅ |")
    assert [c.formula for c in _bad(_audit(ctx, table.format("✅")))] == ["rank = A implies P knows card"]
    assert not _bad(_audit(ctx, table.format("❌")))
    variant = ctxs("cheryl_variant.txt")
    sure = ("阿尔伯特说他不知道，但知道伯纳德也不知道。\n\n| 月份 | 含唯一日子？ | 阿尔伯特能确定吗？ |\n|---|---|---|\n"
            "| 3月 | 含13 | ❌ |\n| 4月 | 否 | ✅ |\n| 5月 | 含20 | ❌ |\n| 6月 | 否 | ✅ |")
    found = [c for c in _audit(variant, sure).claims() if c.record.kind == "case knowledge"]
    assert len(found) == 4 and {c.verdict.verdict for c in found} == {"entailed"}
    assert all("Albert knows that (not Bernard knows date)" in c.formula for c in found)


def test_a_quote_heading_the_step_and_this_is_its_speaker(ctxs):
    """'**2. "At first I didn't know, but now I do."** This is Albert speaking again': the heading paraphrases
    Bernard's statement (its know / don't-know words, "now I do" the knowing left elided), so naming Albert as its
    speaker is false; "This is Bernard speaking" is right."""
    ctx = ctxs("cheryl.txt")
    step = '**2. "At first I didn\'t know, but now I do."** This is {} speaking again: May and June are gone.'
    assert [c.formula for c in _bad(_audit(ctx, step.format("Albert")))] == ["Albert made statement 2"]
    assert not _bad(_audit(ctx, step.format("Bernard")))


def test_a_line_labelled_by_a_month_counts_its_case(ctxs):
    """"- **August**: two candidates left (15, 17) → Albert would not know.": two left in August's case, not at the
    stage; "- Day 14 is still shared by July and August → Bernard couldn't know" is day 14's case knowledge (true)."""
    ctx = ctxs("cheryl.txt")
    head = ("Albert: he doesn't know and knows Bernard doesn't either. Left: July 14, July 16, August 14, August 15, "
            "August 17.\n\nBernard now knows.\n- Day 14 is still shared by July and August → Bernard couldn't know → "
            "eliminated.\n\nAlbert then knows too.\n")
    report = _audit(ctx, head + "- **August**: two candidates left (15, 17) → Albert would not know.\n"
                                "- **July**: one candidate left (16) → Albert knows.")
    assert not _bad(report)
    assert "day = 14 implies (not Bernard knows date)" in [c.formula for c in report.claims()
                                                            if c.record.kind == "case knowledge"]
    zh = '**2. “起初我不知道，但现在我知道了。”** 这是{}说的。'
    assert [c.formula for c in _bad(_audit(ctx, zh.format("阿尔伯特")))] == ["Albert made statement 2"]
    assert not _bad(_audit(ctx, zh.format("伯纳德")))
