"""Readings from traces_ew* (32 rows written in session 59 by helpers who never read the auditor, in the manner of
Qwen3's thinking mode and of Phi-4-reasoning / OpenThinker, scored blind at 0.750 twice, then opened in session 60),
each checked both ways: a speaker's not knowing quoted in the third person as what removes, the others' words under a
speaker's label, what a sentence about one value leaves, a trial of another reading of a statement, a count in
brackets after a leaving word, and a knowing said of another case than the one named first."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def _verdicts(report, kind):
    return [(c.formula, c.verdict.verdict) for c in _claims(report, kind)]


def test_a_quoted_not_knowing_in_the_third_person_names_the_speakers_statement(ctxs):
    """'So "Bob doesn't know" rules out a = c': Bob's "I don't know", statement 2, removes a = c (it was read as an
    exclusion at the stage before, premature: a false alarm). Said of Albert in Cheryl's puzzle it is his first
    clause, which removes nothing: crediting it with May and June is false."""
    ctx = ctxs("what_sum.txt")
    text = 'So "Alice doesn\'t know" tells us b ≠ c. So "Bob doesn\'t know" rules out a = c.'
    report = _audit(ctx, text)
    assert bad(report) == [] and _verdicts(report, "credit") == [("statement 2 rules out a = c", "entailed")]
    zh = _audit(ctx, "所以“鲍勃不知道”排除了 a = c。")
    assert _verdicts(zh, "credit") == [("statement 2 rules out a = c", "entailed")]
    wrong = _audit(ctx, 'So "Bob doesn\'t know" rules out a = b.')  # (Carol's statement does)
    assert [v for _, v in _verdicts(wrong, "credit")] == ["premature"]
    cheryl = _audit(ctxs("cheryl.txt"), 'So "Albert doesn\'t know" rules out May and June.')
    assert [(c.formula, c.verdict.verdict) for c in _claims(cheryl, "credit")] == \
        [("statement 1 (its clause not Albert knows date alone) rules out month in {May, June}", "false")]


def test_the_others_words_under_a_speakers_label_are_not_his(ctxs):
    """'第四位：前三位都说"不知道"，他推出前三位都要': under the fourth logician's label the first three speak (it was read
    as the fourth saying "I don't know", a wrong speaker: a false alarm). "第四位：他说“不知道”" is still his."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    head = said(ctx, lang="zh") + "\n\n"
    assert _claims(_audit(ctx, head + '第四位：前三位都说"不知道"，他推出前三位都要。'), "speaker")[-1].formula != \
        "l[4] made statement 1 or 2 or 3"
    assert all("l[4] made statement 1" not in c.formula
               for c in _claims(_audit(ctx, head + '第四位：前三位都说"不知道"，他推出前三位都要。'), "speaker"))
    own = _audit(ctx, head + "第四位：他也说“我不知道”。")
    assert [c.verdict.verdict for c in _claims(own, "speaker")][-1] == "false"


def test_what_a_sentence_about_one_value_leaves_is_that_values_case(ctxs):
    """"5 appeared in clubs and diamonds; clubs gone, leaving ♦5": if the rank is 5 the card is ♦5, true once the
    clubs are gone (it was read as ♦5 being all that is left, premature: a false alarm). Said before the clubs go it
    is premature; "Clubs gone, leaving ♦5." with no value as the subject is still the stage's candidates."""
    ctx = ctxs("card16.txt")
    head = said(ctx, 2) + "\n\n"
    report = _audit(ctx, head + "Q appeared in hearts and clubs; clubs gone, leaving ♥Q. 5 appeared in clubs and "
                    "diamonds; clubs gone, leaving ♦5.")
    assert bad(report) == []
    assert _verdicts(report, "conditional")[-1] == ("rank = 5 implies (suit = diamonds and rank = 5)", "entailed")
    early = _audit(ctx, said(ctx, 1) + "\n\n5 appeared in clubs and diamonds; the clubs are gone, leaving ♦5.")
    assert [v for f, v in _verdicts(early, "conditional") if "and rank = 5)" in f] == ["premature"]
    plain = _audit(ctx, head + "Clubs gone, leaving ♦5.")
    assert [c.formula for c in _claims(plain, "candidates")] == ["suit = diamonds and rank = 5"]


def test_a_trial_of_another_reading_is_not_the_traces_own_claim(ctxs):
    """"Let me also try the other reading of statement 2 once. Suppose it meant "…". After statement 1, …, and nothing
    is eliminated": what the other reading would give (it was read as statement 1 said to remove nothing, false: a
    false alarm). Without the trial the same sentence is still judged."""
    ctx = ctxs("card16.txt")
    body = ("After statement 1, P's ignorance is public, so Q trivially knows it whatever the suit, and nothing is "
            "eliminated by statement 1; we'd still have nine cards.")
    trial = _audit(ctx, said(ctx) + "\n\nActually, let me also try the other reading of statement 2 once, just to be "
                   'sure. Suppose it meant "Q knows now that P doesn\'t know." ' + body)
    assert bad(trial) == []
    plain = _audit(ctx, said(ctx) + "\n\nStatement 1 eliminates nothing.")
    assert [c.verdict.verdict for c in _claims(plain, "credit")] == ["false"]


def test_a_count_in_brackets_after_a_leaving_word_is_no_value(ctxs):
    """"…, so not A, leaving (3): ♥Q ♥4 ♦5": three cards are left (the 3 was read as the rank 3, a false candidate);
    "剩下（3）：…" the same. The list is still read."""
    ctx = ctxs("card16.txt")
    for text in ("So not A, leaving (3): ♥Q ♥4 ♦5.", "所以不是A，剩下（3）：红桃Q、红桃4、方块5。"):
        assert [c.formula for c in _claims(_audit(ctx, said(ctx, 3) + "\n\n" + text), "candidates")] == \
            ["(suit = hearts and rank = Q) or (suit = hearts and rank = 4) or (suit = diamonds and rank = 5)"], text


def test_a_knowing_after_another_case_is_that_cases(ctxs):
    """"…只在恰好两个有泥时成立，k = 3 或 4 时有泥的孩子还不能确定": the children who cannot tell are those of the cases
    k = 3 or 4, not of exactly two (read as "with two muddy, nobody knows", false: a false alarm). With no other case
    between, the case named is the knowing's."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    other = _audit(ctx, said(ctx) + "\n\n再核对一遍：第一轮后被排除的是“只有一个孩子有泥”的4种情况；之后“每个有泥的孩子都知道”只在"
                   "恰好两个有泥时成立，k = 3 或 4 时有泥的孩子还不能确定。")
    assert _claims(other, "case knowledge") == [] and bad(other) == []
    own = _audit(ctx, "如果恰好两个孩子有泥，有泥的孩子在第一轮的时候就能确定。")
    assert [c.verdict.verdict for c in _claims(own, "case knowledge")] == ["premature"]


def test_a_speakers_saying_he_does_not_know_is_what_a_removal_after_it_is_credited_to(ctxs):
    """"P说不知道，所以Q先生手里的花色不可能是黑桃或梅花": the removal is drawn from P's "I don't know", which removes
    ♠J but not the spades and clubs (Q's statement does): a wrong credit, premature (it was read as an exclusion of
    the stage in hand, true, and missed)."""
    ctx = ctxs("card16.txt")
    wrong = _audit(ctx, "P说不知道，所以Q先生手里的花色不可能是黑桃或梅花。")
    assert _verdicts(wrong, "credit") == [("statement 1 rules out suit in {spades, clubs}", "premature")]
    assert bad(wrong) != []
    right = _audit(ctx, "P说不知道，所以不可能是黑桃J。")
    assert _verdicts(right, "credit") == [("statement 1 rules out suit = spades and rank = J", "entailed")]
    assert _claims(_audit(ctx, "P不知道，Q也说不知道，所以不可能是黑桃。"), "credit") == []


def test_a_knowing_said_to_come_a_step_later_is_not_dated_at_the_time_named(ctxs):
    """"They realise it after the father's statement plus two silent rounds, and the clean child works out that he
    is clean one step later": the clean child's knowing is not at the time named (it was dated there, premature: a
    false alarm)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    text = said(ctx) + ("\n\n**Three children are muddy.** They realise it after the father's statement plus two "
                        "silent rounds, and the clean child works out that he is clean one step later.")
    assert bad(_audit(ctx, text)) == []
    early = text.replace(" one step later", "")
    assert bad(_audit(ctx, early)) != []


def test_a_line_testing_candidates_closes_on_their_verdict(ctxs):
    """"Test May 15. … Fails." / "检验8月15日：…，所以淘汰。": the candidates tested are gone (fails) or still possible
    (passes) at the statement in hand, the backward-checking style's claims (they were not read: a wrong elimination
    went unseen)."""
    ctx = ctxs("cheryl.txt")
    head = said(ctx, 1) + "\n\n"
    report = _audit(ctx, head + "Test May 15. Albert would hold May, and May contains 19. Fails.\n"
                    "Test July 14. July = {14, 16}. Passes.\nTest May 19. Fails for the same reason.\n"
                    "Test June 17: pass.")
    assert [(c.record.kind, c.formula, c.verdict.verdict) for c in _claims(report)
            if c.record.reading in ("exclusion", "possibility")] == [
        ("exclusion", "not (month = May and day = 15)", "entailed"),
        ("possible", "month = July and day = 14 still possible", "entailed"),
        ("exclusion", "not (month = May and day = 19)", "entailed"),
        ("possible", "month = June and day = 17 still possible", "false")]
    zh = _audit(ctx, said(ctx, 2, "zh") + "\n\n检验7月16日：16日现在只剩7月16日，伯纳德知道，通过。\n"
                "检验8月15日：15日在5月也有，伯纳德拿到15还是分不清，所以淘汰。")
    assert [(c.formula, c.verdict.verdict) for c in _claims(zh, "exclusion")][-1] == \
        ("not (month = August and day = 15)", "premature")  # (Albert's second statement removes it)
    assert _claims(_audit(ctx, head + "Test each date against statement 1. Fails."), "exclusion") == []


def test_we_are_already_at_names_what_is_left(ctxs):
    """"— so after statement 2 we're already at July 16": July 16 is all that is left then, premature (Albert's second
    statement removes August): it was not read, nor was it when the number of "statement 2" was taken for a case's
    value. "After statement 3 we're at July 16." is right."""
    ctx = ctxs("cheryl.txt")
    early = _audit(ctx, said(ctx, 2) + "\n\nThat leaves July 16, August 15, August 17. Bernard's line is the one "
                   "that singles it out — so after statement 2 we're already at July 16.")
    assert ("month = July and day = 16", "premature") in _verdicts(early, "candidates") and bad(early) != []
    right = _audit(ctx, said(ctx) + "\n\nAfter statement 3 we're at July 16.")
    assert _verdicts(right, "candidates") == [("month = July and day = 16", "entailed")]


def test_an_ordinal_inside_an_agents_name_names_no_statement(ctxs):
    """"用（第一位, 第二位, 第三位）表示": the first man's name is no "first statement" of the second man (the step was
    taken to reach statement 2, so a premature claim after it went unseen); "第二位的第一句话" still names it."""
    ctx = ctxs("hats.txt")
    head = said(ctx, 1, "zh") + "\n\n"
    assert [st.reached for st in _audit(ctx, head + "用（第一位, 第二位, 第三位）表示，一共7种。").steps] == [1, 1]
    assert [st.reached for st in _audit(ctx, head + "再看第二位的第一句话。").steps] == [1, 2]


def test_he_says_after_a_sentence_naming_whose_hats_he_sees_is_the_seers_statement(ctxs):
    """"第一位看到第二位和第三位的帽子。…所以他说不知道，说明…": "he" is the first man, who sees, not the third, whose
    hat is seen, and his saying he does not know is statement 1 (the step stayed before it, so the removal it draws
    looked premature: a false alarm, hidden until session 60 by the ordinal of "第一位" read as a statement's)."""
    ctx = ctxs("hats.txt")
    text = "第一位看到第二位和第三位的帽子。如果他看到两顶红帽子，他自己一定是白的。所以他说不知道，说明第二、三位不是都红。排除“白红红”。"
    report = _audit(ctx, text)
    assert report.steps[-1].reached == 1 and bad(report) == []


def test_a_first_thought_withdrawn_in_chinese_is_rejected(ctxs):
    """"一开始我想，也是看到两顶红帽子才能知道，…只排除“红白红”。但是等一下，…": the idea first had and then withdrawn is
    no claim of the trace (it was judged and flagged premature)."""
    ctx = ctxs("hats.txt")
    text = said(ctx, 1, "zh") + "\n\n一开始我想，也是看到两顶红帽子才能知道，也就是第一位和第三位都戴红，只排除“红白红”。但是等一下。"
    assert [c.record.reading for c in _claims(_audit(ctx, text), "exclusion")] == ["rejected idea"]
    assert [c.record.reading for c in _claims(_audit(ctx, text.replace("一开始我想，", "")), "exclusion")] != \
        ["rejected idea"]


def test_an_answer_line_gives_its_count_after_a_dash(ctxs):
    """"Answer: all of them — 3 beers." for four logicians: the count after the dash is the answer, wrong (it was not
    read, and an earlier "all four want beer" stood as the answer)."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    report = _audit(ctx, "So all four want beer.\n\nAnswer: all of them — 3 beers.")
    assert (report.final_answer, report.final_answer_correct) == (((3,),), False)
    right = _audit(ctx, "So all four want beer.\n\nAnswer: all of them — 4 beers.")
    assert (right.final_answer, right.final_answer_correct) == (((4,),), True)


def test_a_bullet_line_opening_on_a_case_is_that_cases_line(ctxs):
    """"- **With three muddy**, say 1, 2 and 3, child 1 thinks: "…" Children 2 and 3 run the same argument, and right
    after the second silent round all three muddy children know": the count 3 is the line's case, not a claim that
    three are muddy (premature at the stage in hand: a false alarm since session 56). A line that opens otherwise is
    still read as claiming it."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    line = ("- **With three muddy**, say 1, 2 and 3, child 1 thinks: \"I see two muddy faces.\" Children 2 and 3 run "
            "the same argument, and right after the second silent round all three muddy children know.")
    assert [c.record.certain for c in _claims(_audit(ctx, said(ctx, 2) + "\n\n" + line), "candidates")] == [False]
    plain = line.replace("- **With three muddy**, say 1, 2 and 3,", "- So")
    assert [c.record.certain for c in _claims(_audit(ctx, said(ctx, 2) + "\n\n" + plain), "candidates")] == [True]


def test_numbered_deductions_that_drop_and_keep_are_worked_lines(ctxs):
    """"1. Albert: "…" … Drop May and June; keep July 14, …\\n2. Bernard: "…" … Drop July 14 and August 14; keep July
    16, August 15, August 17.": each line is its statement's work, dated there (the step was taken for a retelling of
    the puzzle and its drops judged before any statement: false alarms), and what it keeps is not what it drops."""
    ctx = ctxs("cheryl.txt")
    text = ("Deductions:\n1. Albert: \"I don't know, and I know Bernard doesn't know either.\" His month must contain "
            "neither 18 nor 19. Drop May and June; keep July 14, July 16, August 14, August 15, August 17.\n"
            "2. Bernard: \"At first I didn't know, but now I do.\" 14 still appears twice. Drop July 14 and August 14; "
            "keep July 16, August 15, August 17.\n3. Albert: \"Then I know too.\" August would leave two. Drop August "
            "15 and August 17; keep July 16.")
    report = _audit(ctx, text)
    assert bad(report) == [] and ("not ((month = July and day = 14) or (month = August and day = 14))", "entailed") \
        in _verdicts(report, "exclusion")


def test_a_bound_of_the_even_sums_is_no_bound_of_the_sum(ctxs):
    """"So every even s ≥ 8 is out": the even sums from 8 up go, not every sum from 8 up (read as s < 8, false: a
    false alarm). "So every s ≥ 8 is out." is still read."""
    ctx = ctxs("sum_product.txt")
    assert _claims(_audit(ctx, "So every even s ≥ 8 is out."), "term bound") == []
    assert [c.formula for c in _claims(_audit(ctx, "So every s ≥ 8 is out."), "term bound")] == ["x + y < 8"]


def test_a_claim_taken_back_in_the_same_breath_is_a_rejected_idea(ctxs):
    """"∴ 至少3个……哦不对，第一次沉默只能排除“只有1个”，所以只能得出至少2个": the count said and at once withdrawn is no
    claim (it was judged premature: a false alarm); what the sentence settles on is."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n∴ 至少3个……哦不对，第一次沉默只能排除“只有1个”，所以只能得出至少2个。")
    assert [(c.formula, c.record.reading) for c in _claims(report, "bound")][-2:] == [
        ("(((m[1] + m[2]) + m[3]) + m[4]) + m[5] >= 3", "rejected idea"),
        ("(((m[1] + m[2]) + m[3]) + m[4]) + m[5] >= 2", "value list")]


def test_an_agent_whose_words_are_heard_is_not_who_knows(ctxs):
    """"盲人听完第一位的话就已经能确定了": the blind man knows, after the first man's words (it was read as the first man
    knowing, a false claim of uncertain subject, and the premature claim went unseen)."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, said(ctx, 1, "zh") + "\n\n由此可得，盲人听完第一位的话就已经能确定了。")
    assert [c.formula for c in _claims(report, "knowledge")] == ["w[3] knows h[3]"]


def test_a_count_of_all_who_want_in_chinese_is_the_asked_count(ctxs):
    """"∴ 四个人都要啤酒": four want beer, the count asked about (it was not read); not inside a supposition."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    head = said(ctx, 3, "zh") + "\n\n"
    assert [c.formula for c in _claims(_audit(ctx, head + "∴ 四个人都要啤酒。"), "candidates")] == \
        ["((b[1] + b[2]) + b[3]) + b[4] = 4"]
    assert _claims(_audit(ctx, head + "如果四个人都要啤酒，第四位会说是。"), "candidates") == []


def test_a_value_with_only_hyphenated_is_a_property_not_the_candidates(ctxs):
    """"Before Albert spoke, 14 was shared with May; after, it's April-only.": 14 is April's alone now, not April the
    only month left (read so, false and corroborated: an early flag). "So it's April only." still names April."""
    ctx = ctxs("cheryl_variant.txt")
    assert _claims(_audit(ctx, "Before Albert spoke, 14 was shared with May; after, it's April-only."),
                   "candidates") == []
    assert [c.formula for c in _claims(_audit(ctx, "So it's April only."), "candidates")] == ["month = April"]


def test_cannot_claim_to_know_is_not_knowing(ctxs):
    """"So Albert with May cannot claim to know that Bernard doesn't know": he does not know it (the negation was lost
    and the case judged false, strong)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, "Suppose Albert has May. So Albert with May cannot claim to know that Bernard doesn't know.")
    assert all(c.formula.startswith("not ") for c in _claims(report, "knowledge")) and bad(report) == []


def test_a_knowing_that_removes_is_the_subject_of_the_removal(ctxs):
    """"Albert's claim that Bernard cannot know rules out March and May": the removal is credited to Albert's claim
    (it was read as Bernard not knowing that March and May are out, false and corroborated)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, "Albert's claim that Bernard cannot know rules out March and May.")
    assert [c.record.kind for c in _claims(report)] == ["credit"] and bad(report) == []
