"""Readings from traces_cr* (32 rows written in session 46 by helpers who never read the auditor, scored blind three
times at 0.536, then opened in session 47) and the tuning sets cx*, cy* written beside the blind cw*, each checked
both ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, formulas as _formulas, said


def test_knowing_a_fact_about_another_is_not_knowing_his_unknowns(ctxs):
    """"Note L2 already knew L1 wants one" is a fact about L1 the reader does not read, not `l[2] knows (b[1], b[3],
    b[4])` (premature); "L2 doesn't know" still is his knowing."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    lead = said(ctx, 2) + "\n\n"
    report = _audit(ctx, lead + "Note L2 already knew L1 wants one; still not enough.")
    assert _claims(report, "knowledge") == [] and bad(report) == []
    assert _claims(_audit(ctx, lead + "So L2 doesn't know."), "knowledge")


def test_sums_of_pairs_listed_with_or_are_not_paired_across(ctxs):
    """"the two numbers are 1 and 2 or 9 and 8, so the sum is 3 or 17": no `9 + 8 = 3` (false arithmetic); "9 and 8,
    so the sum is 3" alone still is that slip."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, "**Yes: the two numbers are 1 and 2 or 9 and 8, so the sum is 3 or 17.**")
    assert _claims(report, "arithmetic") == [] and bad(report) == []
    assert "9 + 8 = 3" in _formulas(_audit(ctx, "The numbers are 9 and 8, so the sum is 3."), "arithmetic")


def test_the_seer_of_a_supposed_hat_is_the_one_who_knows(ctxs):
    """"如果第二位看到第一位戴的是红帽子，他就能断定自己戴白帽子" (if the second man sees a red hat on the first, he can tell
    his own is white): the second man's knowing, false after the first statement (red, red, white remains); not the
    first man's (read `h[1] = red implies w[1] knows h[1]`)."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, said(ctx, 1, "zh") + "\n\n如果第二位看到第一位戴的是红帽子，他就能断定自己戴白帽子。")
    assert _formulas(report, "hypothetical") == ["h[1] = red implies w[2] knows h[2]"]
    assert [c.verdict.verdict for c in _claims(report, "hypothetical")] == ["false"]


def test_an_adverb_between_a_person_and_his_hat(ctxs):
    """"所以第一位也不是红的" and "所以第三位一定是白的": the first man's hat is not red (false after two statements),
    the third's is white (true); the adverbs 也 and 一定 no longer hide the hat."""
    ctx = ctxs("hats.txt")
    lead = said(ctx, 2, "zh") + "\n\n"
    report = _audit(ctx, lead + "所以第一位也不是红的。")
    assert [(c.formula, c.verdict.verdict) for c in _claims(report, "exclusion")] == [("h[1] != red", "false")]
    assert "h[3] = white" in _formulas(_audit(ctx, lead + "所以第三位一定是白的。"), "candidates")


def test_a_line_told_before_the_next_statements_line_is_about_its_own(ctxs):
    """"- 第一位说不知道：… 于是盲人立即可以确定自己戴的是白帽子。\\n- 第二位也说不知道：…": the blind man's knowing is said on
    the first man's line, before the second's: premature there (he knows only after the second statement), though the
    step goes on to it. Said on the second man's line it holds."""
    ctx = ctxs("hats.txt")
    first = "- 第一位说“不知道”：他看到 h2、h3，所以 h2、h3 不全红。"
    second = "- 第二位也说“不知道”：他看到 h1、h3，所以 h3 不是红的。"
    early = _audit(ctx, "三顶白帽、两顶红帽。\n\n" + first + "于是盲人立即可以确定自己戴的是白帽子。\n" + second)
    assert [c.verdict.verdict for c in _claims(early, "knowledge") if c.formula == "w[3] knows h[3]"] == ["premature"]
    late = _audit(ctx, "三顶白帽、两顶红帽。\n\n" + first + "\n" + second + "于是盲人立即可以确定自己戴的是白帽子。")
    assert [c.verdict.verdict for c in _claims(late, "knowledge") if c.formula == "w[3] knows h[3]"] == ["entailed"]


def test_a_list_of_counts_under_eliminated_is_what_went(ctxs):
    """"Eliminated:\\n- exactly 1 muddy (4 cases) — first silence": the count 1 is gone (true after the first
    silence), not the count claimed (read `… = 1`, false and taken for the final answer)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    text = said(ctx) + ("\n\nEliminated:\n- 0 muddy (1 case) — the father's announcement\n- exactly 1 muddy (4 cases) "
                        "— first silence\n- exactly 2 muddy (6 cases) — second silence")
    report = _audit(ctx, text)
    assert [(c.formula, c.verdict.verdict) for c in _claims(report, "exclusion")] == [
        ("((m[1] + m[2]) + m[3]) + m[4] != 1", "entailed"), ("((m[1] + m[2]) + m[3]) + m[4] != 2", "entailed")]
    assert _claims(report, "candidates") == [] and bad(report) == []
    listed = _audit(ctx, said(ctx) + "\n\nLeft:\n- exactly 1 muddy (4 cases) — first silence\n- exactly 3 muddy")
    assert "((m[1] + m[2]) + m[3]) + m[4] = 1" in _formulas(listed)


def test_a_credit_denied_is_no_credit(ctxs):
    """"5月16日不是被伯纳德这句话排除的" (May 16 was not removed by Bernard's statement): no credit to statement 2
    (false, strong); "5月16日是被伯纳德这句话排除的" still credits it."""
    ctx = ctxs("cheryl.txt")
    lead = said(ctx, 2, "zh") + "\n\n"
    report = _audit(ctx, lead + "顺便说一句：5月16日不是被伯纳德这句话排除的，它在第一步就随着整个5月一起出局了。")
    assert _claims(report, "credit") == [] and bad(report) == []
    assert _claims(_audit(ctx, lead + "5月16日是被伯纳德这句话排除的。"), "credit")


def test_a_holder_named_by_what_he_holds_is_a_case(ctxs):
    """"持1的比尔知道安妮是2" (Bill holding 1 knows Anne has 2): the knowing of that case, not the actual Bill's
    (read `Bill knows a` with certainty, premature); "比尔知道安妮是2" is Bill's."""
    ctx = ctxs("consecutive.txt")
    lead = said(ctx, 3, "zh") + "\n\n"
    report = _audit(ctx, lead + "第一句已经排除了a = 0和a = 10，所以持1的比尔知道安妮是2，持9的比尔知道安妮是8。")
    assert {c.record.reading for c in _claims(report, "knowledge")} == {"case analysis"} and bad(report) == []
    plain = _audit(ctx, lead + "所以比尔知道安妮的数。")
    assert [c.record.reading for c in _claims(plain, "knowledge")] != ["case analysis"]


def test_a_sum_made_of_its_parts_is_a_case(ctxs):
    """"s = 4 is only 2 + 2 (product 4, unique)" looks at the sum 4, it does not claim it (read `x + y = 4`, false);
    "So s = 17." still claims it."""
    ctx = ctxs("impossible.txt")
    lead = said(ctx, 2) + "\n\n"
    report = _audit(ctx, lead + "- **Even sums fail.** s = 4 is only 2 + 2 (product 4, unique).")
    assert [c.record.reading for c in _claims(report, "candidates")] == ["case analysis"] and bad(report) == []
    assert [c.record.reading for c in _claims(_audit(ctx, lead + "So s = 17."), "candidates")] != ["case analysis"]


def test_a_sum_that_fails_is_out(ctxs):
    """"- **s ≥ 55 fails**: …" and "- **s = 51 fails**: …" put those sums out after S's statement (true); not the
    bound `x + y >= 55` or the sum 51 (false)."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\n- **s ≥ 55 fails**: use the split 53 + (s − 53).\n\n"
                                        "- **s = 51 fails**: 17 + 34 gives 578.")
    assert _formulas(report, "term bound") + _formulas(report, "exclusion") == ["x + y < 55", "x + y != 51"]
    assert bad(report) == [] and _claims(report, "candidates") == []


def test_a_pronoun_under_a_bold_name_tells_that_speakers_statement(ctxs):
    """Lines that open on a speaker's bold name, "- **Alice** sees b and c. She says she doesn't know a, so b ≠ c."
    then Bob's "He doesn't know, so a ≠ c." and Carol's "By the same argument, a ≠ b.": each line is that speaker's
    statement, so "a ≠ c" and "a ≠ b" hold where they are said (were premature at the start)."""
    ctx = ctxs("what_sum.txt")
    text = ("**Yes, all three numbers differ.**\n\n- **Alice** sees b and c. She says she doesn't know a, so b ≠ c.\n"
            "- **Bob** sees a and c. He doesn't know, so a ≠ c.\n- **Carol** sees a and b. By the same argument, a ≠ b.")
    report = _audit(ctx, text)
    assert [(c.formula, c.verdict.verdict) for c in _claims(report, "term bound")] == [
        ("b != c", "entailed"), ("a != c", "entailed"), ("a != b", "entailed")]
    bare = _audit(ctx, "**Yes.**\n\n- **Alice** sees b and c.\n- **Bob** sees a and c. So a ≠ c.")
    assert [c.verdict.verdict for c in _claims(bare, "term bound")] == ["premature"]


def test_digits_count_rounds_of_silence(ctxs):
    """"after the father's statement plus 2 rounds of silence" is stage 3 (two silences), as "two rounds" is; and
    "the muddy children know after …, and there are 3 of them": the after dates the knowing, the count is the
    step's (the muddy children knowing), true there."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = said(ctx, 3) + "\n\n"
    report = _audit(ctx, lead + "So the muddy children know after the father's statement plus 3 − 1 = 2 rounds of "
                                "silence, and there are 3 of them.")
    assert bad(report) == [] and ("((m[1] + m[2]) + m[3]) + m[4] = 3", "entailed") in [
        (c.formula, c.verdict.verdict) for c in _claims(report, "candidates")]
    early = _audit(ctx, lead + "So after the father's statement plus 2 rounds of silence there are 3 of them.")
    assert [c.verdict.verdict for c in _claims(early, "candidates")] == ["premature"]


def test_values_taken_away_with_ba_are_gone(ctxs):
    """"是Q先生的话把黑桃和草花去掉以后，P先生才知道的" (only after Q's words took spades and clubs away did P know): spades
    and clubs are gone, not the candidates (read `suit in {spades, clubs}`, false); "起初3月/4月两个，4月排除后唯一"
    with no 把 removes April alone."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx, 3, "zh") + "\n\n是Q先生的话把黑桃和草花去掉以后，P先生才知道的。")
    assert "suit in {spades, clubs}" not in _formulas(report, "candidates") and bad(report) == []
    assert any("spades" in f for f in _formulas(report, "credit") + _formulas(report, "exclusion"))
    cam = ctxs("cheryl_cam.txt")
    verified = _audit(cam, said(cam, 3, "zh") + "\n\n**验证**：波拿18，起初3月/4月两个，4月排除后唯一 ✓。")
    assert "not month in {March, April}" not in _formulas(verified) and bad(verified) == []


def test_a_singleton_list_goes_on_after_a_bracket_and_a_comma(ctxs):
    """"The ranks that appear only once are J, 8, 2, 7, 3 (all spades), and K, 6 (clubs)": all seven (true), not the
    five before the bracket (false, strong); "J, 8, 2, 7, 3 appear only once" still names some of them."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, "The ranks that appear only once are J, 8, 2, 7, 3 (all spades), and K, 6 (clubs).")
    assert [c.verdict.verdict for c in _claims(report, "singletons")] == ["entailed"] and bad(report) == []
    assert "K" in _claims(report, "singletons")[0].formula


def test_ordinal_labelled_lines_walk_the_dialogue(ctxs):
    """A recap told a line per statement under "- *First statement.*", "- *Second statement.*", "- *Third
    statement.*": what the second line says is about the second statement, so "August is ruled out too" there is
    premature (August goes with the third); said on the third line it holds."""
    ctx = ctxs("cheryl.txt")
    first = ("- *First statement.* Day 18 (June) and day 19 (May) are unique, so May and June are ruled out. What "
             "remains: July 14, July 16, August 14, August 15, August 17.\n")
    second = "- *Second statement.* Bernard now knows, so July 14 and August 14 go."
    third = "\n- *Third statement.* Albert now knows too."
    early = _audit(ctx, "Summary:\n\n" + first + second + " August is ruled out too." + third)
    assert [(c.formula, c.verdict.verdict) for c in bad(early)] == [("month != August", "premature")]
    late = _audit(ctx, "Summary:\n\n" + first + second + third + " August is ruled out too.")
    assert bad(late) == []


def test_what_an_agent_can_know_if_is_no_narration_of_his_statement(ctxs):
    """"Albert can only be sure if his month contains no unique day" (a condition on the first statement's "I know")
    does not tell Albert's closing statement, so the trace has not reached it: a later "August is ruled out" on
    Bernard's statement stays premature. "So S knows only if the sum is 17" still narrates S's statement."""
    ctx = ctxs("cheryl.txt")
    text = (said(ctx, 1) + "\n\n- Albert can only be sure if his month contains no day that occurs once, so May and "
            "June are ruled out.\n- Bernard didn't know at first but knows now, so July 14 and August 14 go, and "
            "August is ruled out too.\n\nAlbert says: \"Then I also know when Cheryl's birthday is.\" "
            "So it is July 16.")
    assert [(c.formula, c.verdict.verdict) for c in bad(_audit(ctx, text))] == [("month != August", "premature")]


def test_a_bare_sure_of_a_held_sum_is_a_case(ctxs):
    """"So S with 10 couldn't be sure." after "P holding 21 would know": sure of what the text weighed (that P can't
    know), not of the numbers; the case stays unchecked (was `x + y = 10 implies not S knows (x, y)`, false after P's
    statement, strong). "S with 11 couldn't know the numbers" is still checked."""
    ctx = ctxs("sum_product.txt")
    lead = said(ctx, 1) + "\n\n"
    bare = _audit(ctx, lead + "Suppose S had 10. Then 10 = 3 + 7 is possible, and P holding 21 would know immediately. "
                              "So S with 10 couldn't be sure.")
    assert [(c.formula, c.record.certain, c.verdict.verdict) for c in _claims(bare, "case knowledge")] == \
        [("x * y = 21 implies P knows (x, y)", True, "entailed"),  # (P's case, read since session 61)
         ("x + y = 10 implies (not S knows (x, y))", False, "false")] and bad(bare) == []
    named = _audit(ctx, lead + "S with 11 couldn't know the numbers.")
    assert [c.record.certain for c in _claims(named, "case knowledge")] == [True]


def test_an_answer_in_brackets_closes_a_headline(ctxs):
    """"**结论：三个数一定互不相同（答案：1）。**" opening the trace: the headline of the trace's own answer (yes), not
    a premature claim that the numbers differ."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "**结论：三个数一定互不相同（答案：1）。**\n\n" + said(ctx, 3, "zh") +
                    "\n\n三句话以后，b ≠ c、a ≠ c、a ≠ b 同时成立，所以答案是1。")
    assert bad(report) == [] and report.final_answer_correct
    plain = _audit(ctx, "**结论：三个数一定互不相同。**\n\n" + said(ctx, 3, "zh") + "\n\n所以答案是0。")
    assert bad(plain)


def test_only_one_equality_removed_is_no_exact_credit(ctxs):
    """"注意第一句只排除 b = c，像 a = b 的三元组在爱丽丝说完以后还在": of the equalities, the first statement removes
    b = c alone; not that it removes nothing else (it also removes sums over 50: read as an exact credit, false).
    "比尔的话只排除了 b = 0 和 b = 10" (values) still is one."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, said(ctx, 3, "zh") + "\n\n注意第一句只排除 b = c，像 (5, 5, 10) 这样 a = b 的三元组在爱丽丝说完以后"
                                              "还在，要等卡罗尔开口才被排除。")
    assert [c.verdict.verdict for c in _claims(report, "credit")] == ["entailed"] and bad(report) == []
    cons = ctxs("consecutive.txt")
    values = _audit(cons, said(cons, 2, "zh") + "\n\n所以比尔的话只排除了 b = 0 和 b = 10。")
    assert [c.formula.endswith("and nothing else") for c in _claims(values, "credit")] == [True]


def test_splits_listed_with_arrows_each_give_their_sum(ctxs):
    """"product 72 = 2·36 → 37, 3·24 → 27, …": each split's sum, so the slip 2 + 36 = 37 is false; a bare "4·6 → 10,
    12" (a split, then a list) is still not read as one."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, "17 = 8 + 9: product 72 = 2·36 → 37, 3·24 → 27, 4·18 → 22, 6·12 → 18, 8·9 → 17.")
    assert [(c.formula, c.verdict.verdict) for c in bad(report)] == [("2 + 36 = 37", "false")]
    assert "3 + 24 = 27" in _formulas(report, "arithmetic")
    assert _claims(_audit(ctx, "Splits: 4·6 → 10, 12."), "arithmetic") == []


def test_a_count_after_a_colon_with_all(ctxs):
    """"So at this point it's settled: all four of them want a beer" after three "I don't know"s: the count 4,
    premature (the fourth's wish is settled by her "Yes!"); "Remaining: 4 cards" is no count of logicians."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    report = _audit(ctx, said(ctx, 3) + "\n\nSo at this point it's settled: all four of them want a beer.\n\n" +
                    said(ctx)[len(said(ctx, 3)):].strip())
    assert [(c.formula, c.verdict.verdict) for c in bad(report)] == [
        ("((b[1] + b[2]) + b[3]) + b[4] = 4", "premature")]


def test_removes_exactly_is_an_exact_credit(ctxs):
    """"So Bill's statement removes exactly b = 1 and b = 9": nothing else (false: b = 0 and b = 10 go too); "Each
    step removes exactly what it should, … it was Ali's statement that removed April 18" credits April 18 alone."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nSo Bill's statement removes exactly b = 1 and b = 9.")
    assert [c.formula for c in bad(report)] == ["statement 2 rules out b in {1, 9} and nothing else"]
    cam = ctxs("cheryl_cam.txt")
    fits = _audit(cam, said(cam) + "\n\nEach step removes exactly what it should: it was Ali's statement that removed "
                                   "April 18.")
    assert not any(c.formula.endswith("nothing else") for c in _claims(fits, "credit"))


def test_a_supposed_count_stepping_forward_tells_no_round(ctxs):
    """"So with one muddy child, someone steps forward at the first question." is the supposed case, not the muddy
    children knowing: the trace stays at the father's statement, and "Nobody stepped forward the first time, so … at
    least three are muddy" after it is premature (was dated after the children knew)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    text = ("The father says at least one of you is muddy. Then he asks \"step forward if you know whether you're "
            "muddy\" — nobody steps forward. He asks again — again nobody. After that, every muddy child knows they're "
            "muddy. How many are muddy?\n\nLet me build it up.\n\nThe father's statement: at least one muddy. If "
            "exactly one child were muddy, that child sees three clean "
            "faces and immediately concludes it's them. So with one muddy child, someone steps forward at the first "
            "question.\n\nNobody stepped forward the first time, so it can't be one muddy child and it can't be two "
            "either: at least three are muddy.\n\nAfter the second silence, at the third question, the three muddy "
            "children step forward.")
    first = bad(_audit(ctx, text))[0]
    assert (first.formula, first.verdict.verdict) == ("((m[1] + m[2]) + m[3]) + m[4] >= 3", "premature")
