"""Readings from the opened blind set traces_t* (session 12: its two false alarms and the first errors it hid), each
checked both ways: the correct reading leaves a right step alone, its wrong twin is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad


def test_stays_out_is_no_survival(ctxs):
    ctx = ctxs("card16.txt")
    out = _audit(ctx, "P says he doesn't know. Q says he knew it.\n\nClubs has K and 6, singletons. So clubs stays out.")
    assert not [c for c in out.claims() if c.record.kind == "possible"] and out.label == -1
    kept = _audit(ctx, "P says he doesn't know. Q says he knew it.\n\nSo clubs stays.")
    assert [c.record.kind for c in _bad(kept)] == ["possible"]


def test_a_bare_list_after_a_property_lists_values_with_it(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    prop = _audit(ctx, "So the singleton days are 13 and 20. Hmm, is 19 a singleton too? No, here it's April 19 and "
                       "June 19. Only 13 and 20.")
    assert {c.record.reading for c in prop.claims() if c.record.kind == "candidates"} <= {"list under a property"}
    assert prop.label == -1
    stage = _audit(ctx, "So the singleton days are 13 and 20. Only 13 and 20 are left.")
    assert [c.record.kind for c in _bad(stage)] == ["candidates"]


def test_only_after_and_only_if_say_when_not_which(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    when = _audit(ctx, "Bo's day isolated only after Apr/Jun drop ✓.")
    assert not [c for c in when.claims() if c.record.kind == "candidates"]
    which = _audit(ctx, "Only Apr and Jun.")
    assert [c.formula for c in which.claims() if c.record.kind == "candidates"] == ["month in {April, June}"]


def test_has_no_negates_the_pairing(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    r = _audit(ctx, "Mar has no 28/29 ✓.")
    assert [c.formula for c in r.claims()] == ["month = March implies (not day in {28, 29})"]
    assert [c.verdict.verdict for c in r.claims()] == ["entailed"]
    has = _audit(ctx, "Mar has 18/19.")
    assert [c.formula for c in has.claims()] == ["month = March implies day in {18, 19}"]


def test_a_classic_confusion_is_a_rejected_idea(ctxs):
    ctx = ctxs("cheryl.txt")
    r = _audit(ctx, "The classic confusion is to think the answer is August 17 by giving the day to Albert.")
    assert not _bad(r)
    said = _audit(ctx, "The answer is August 17.")
    assert [c.record.kind for c in _bad(said)] == ["answer"]


def test_a_worked_outline_takes_the_trace_through_the_dialogue(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    outline = ("1. Ali: doesn't know + sure Bo doesn't → Apr (28), Jun (29) out → Mar 18, Mar 19, Jul 16, Jul 17, "
               "Jul 19.\n2. Bo: knows now → 19 out → Mar 18, Jul 16, Jul 17.\n3. Ali: now knows → Jul out → Mar.")
    r = _audit(ctx, outline + "\n\nWhy not Mar 19: gone at step 2.\n\n**Answer: March 18.**")
    assert r.label == -1 and r.final_answer_correct
    told = ("1. Ali: \"I don't know when your birthday is, but I know Bo doesn't know too.\"\n2. Bo: \"At first I "
            "didn't know, but I know now.\"\n3. Ali: \"Then I also know.\"")
    rest = "\n\nSo only March 18, July 16 and July 17 are left.\n\n**Answer: March 18.**"
    assert _audit(ctx, told + rest).label == 1  # a restatement of the puzzle takes the trace nowhere: premature
    assert _audit(ctx, outline + rest).label == -1


def test_a_chinese_date_suffix_is_a_known_word(ctxs):
    ctx = ctxs("cheryl.txt")
    r = _audit(ctx, "阿尔伯特先说：\"我不知道谢丽尔的生日，但我知道伯纳德也不知道。\"所以不是5月也不是6月。\n\n"
                    "然后伯纳德说：\"起初我不知道，但现在我知道了。\"14出现两次，所以不是14。剩下7月16、8月15、8月17。"
                    "伯纳德知道了，所以生日就是7月16日，因为7月只剩下16日这一个日期。\n\n接下来阿尔伯特说：\"那我也知道了。\""
                    "\n\n**答案：7月16日**")
    assert [c.record.kind for c in _bad(r)] == ["candidates"]  # one statement early (Albert's last one pins July)


def test_a_list_introduced_by_a_colon_is_what_the_clause_states(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    text = ("Ali: \"I don't know when your birthday is, but I know Bo doesn't know too.\"\n\n"
            "Bo: \"At first I didn't know, but I know now.\" So Bo's day is 18 or 17:\n\n1. March 18\n2. July 17")
    r = _audit(ctx, text)
    assert [c.record.kind for c in _bad(r)] == ["candidates"]  # 16 is unique too once June is gone


def _singletons(report):
    return [(c.formula, c.verdict.verdict) for c in report.claims() if c.record.kind == "singletons"]


def test_values_said_to_occur_once_are_counted_on_the_list(ctxs):
    ctx = ctxs("cheryl.txt")  # by hand: days 18 (June) and 19 (May) occur once in the ten dates
    assert _singletons(_audit(ctx, "The only days that appear once are 18 and 19.")) == [
        ("only day = 18, day = 19 occur once", "entailed")]
    wrong = _audit(ctx, "The only day that appears once is 18, so June is out.")
    assert _singletons(wrong) == [("only day = 18 occurs once", "false")] and wrong.label == 0
    assert _singletons(_audit(ctx, "18 and 19 appear only once.")) == [("day = 18, day = 19 occur once", "entailed")]
    assert _singletons(_audit(ctx, "只出现一次的日子是18日和19日。")) == [("only day = 18, day = 19 occur once", "entailed")]
    assert _singletons(_audit(ctx, "17 appears only once.")) == [("day = 17 occurs once", "false")]


def test_singletons_after_a_statement_count_what_is_left(ctxs):
    ctx = ctxs("cheryl.txt")  # by hand: after Albert's statement July 14, 16, August 14, 15, 17: 15, 16, 17 once
    said = "Albert says he doesn't know, but he knows Bernard doesn't know either.\n\n"
    assert _singletons(_audit(ctx, said + "Now the only days that appear once are 15, 16 and 17.")) == [
        ("only day = 15, day = 16, day = 17 occur once", "entailed")]
    assert _singletons(_audit(ctx, "Now the only days that appear once are 15, 16 and 17.")) == [
        ("only day = 15, day = 16, day = 17 occur once", "false")]  # not on the ten dates, and no statement heard


def test_cases_negations_and_conditions_are_no_singleton_claims(ctxs):
    ctx = ctxs("cheryl.txt")
    for text in ("In July, 16 appears once.", "19 isn't unique.", "No day appears once.", "19 appears twice.",
                 "Bernard would know if his day were one that appears once, like 18.", "Which days appear once: 14?",
                 "Day unique among those 5: 14 ✗"):
        assert not _singletons(_audit(ctx, text)), text
    card = ctxs("card16.txt")
    assert _singletons(_audit(card, "The ranks J, 8, 2, 7, 3, K, 6 appear on only one card.")) == [
        ("rank = J, rank = 8, rank = 2, rank = 7, rank = 3, rank = K, rank = 6 occur once", "entailed")]
    assert not _singletons(_audit(card, "Suits without unique-rank cards are hearts and diamonds."))
    assert not _singletons(_audit(ctxs("sum_product.txt"), "The product 52 is unique."))


def test_a_table_with_a_speaker_column_says_who_made_each_statement(ctxs):
    ctx = ctxs("cheryl.txt")
    table = ("| # | Speaker | Statement | Eliminates |\n|---|---|---|---|\n"
             "| 1 | Albert | \"I don't know, but I know Bernard doesn't know\" | May, June |\n"
             "| 2 | {} | \"At first I didn't know, but I know now\" | day 14 |\n"
             "| 3 | Albert | \"Then I also know\" | August |")
    right = [(c.formula, c.verdict.verdict) for c in _audit(ctx, table.format("Bernard")).claims()
             if c.record.kind == "speaker"]
    assert right == [("Albert made statement 1", "entailed"), ("Bernard made statement 2", "entailed"),
                     ("Albert made statement 3", "entailed")]
    wrong = _audit(ctx, table.format("Albert"))
    assert [c.formula for c in _bad(wrong)] == ["Albert made statement 2"]
    steps = ("| Step | Who | What |\n|---|---|---|\n| 2 | Albert | lists the dates |")  # no statement numbers
    assert not [c for c in _audit(ctx, steps).claims() if c.record.kind == "speaker"]


def test_a_counterfactual_knows_of_a_case(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    said = ("Ali says he doesn't know, but he knows Bo doesn't know.\n\nBo says: at first I didn't know, but I know "
            "now.\n\nAli says then he knows too.\n\n")
    r = _audit(ctx, said + "- July still has two dates (16 and 17), so Ali would not know.\n\n**Answer: March 18.**")
    # (the line opens on July: July's case, judged where July was last possible; session 34)
    assert [(c.record.kind, c.verdict.verdict) for c in r.steps[3].claims] == [("case knowledge", "entailed")]
    assert r.label == -1
    first = "Ali says he doesn't know, but he knows Bo doesn't know.\n\n"
    for text, reading in (("So Ali does not know the date.", "knowledge phrase"),
                          ("So Ali would not know the date.", "case analysis")):
        got = _audit(ctx, first + text + "\n\nThe end.")
        assert [c.record.reading for c in got.steps[1].claims if c.record.kind == "knowledge"] == [reading], text


def test_who_holds_a_term_or_was_told_in_a_relative_clause(ctxs):
    sp, card = ctxs("sum_product.txt"), ctxs("card16.txt")
    assert [(c.formula, c.verdict.verdict) for c in _audit(sp, "Mr. P holds the sum, 17.").claims()
            if c.record.kind == "told"] == [("P knows x + y", "premature")]
    assert [(c.formula, c.verdict.verdict) for c in _audit(sp, "S holds the sum, 17.").claims()
            if c.record.kind == "told"] == [("S knows x + y", "entailed")]
    wrong = _audit(card, "Mr. P, who was told the suit, can now determine the card.")
    assert [c.formula for c in _bad(wrong)] == ["P knows suit"]
    right = _audit(card, "Mr. Q, who was told the suit, can now determine the card.")
    assert [c.formula for c in right.claims() if c.record.kind == "told"] == ["Q knows suit"] and not _bad(right)


def test_a_verb_before_a_bare_number_under_the_sums_removes_that_sum(ctxs):
    ctx = ctxs("impossible.txt")
    text = ("P: \"I cannot determine the two numbers.\" S: \"I knew that you couldn't determine them.\"\n\nThe sums left are 11, 17, 23, 27, 29, 35, 37, 41, "
            "47, 53. I also removed {n}, because its splits are all ambiguous.\n\nP: \"Now I can determine them.\" "
            "S: \"So can I.\"")
    assert [c.formula for c in _bad(_audit(ctx, text.format(n=29)))] == ["x + y != 29"]  # 29 survives S's statement
    assert not [c for c in _audit(ctx, text.format(n="2 + 27")).claims() if c.record.kind == "exclusion"]


def test_a_line_opening_on_the_speaker_and_a_dash_is_their_statement(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    text = ("**Albert 1** — knows Bernard doesn't know → Mar ✗, May ✗. Left: Apr 14, Apr 17, Apr 19, Jun 12, Jun 19.\n\n"
            "**Bernard** — didn't know, now knows → day must be unambiguous. {crossed} 19 (Apr, Jun) ✗. Left: {left}.\n\n"
            "**Albert 2** — \"then I also know\": only Jun 12 is left.\n\n**Answer: June 12.**")
    right = _audit(ctx, text.format(crossed="", left="Apr 14, Apr 17, Jun 12"))
    assert right.label == -1 and [st.reached for st in right.steps][:3] == [1, 2, 3]
    wrong = _audit(ctx, text.format(crossed="14 (Apr, May) ✗ 17 (Mar, Apr) ✗", left="Jun 12"))
    assert wrong.label == 1  # 14 and 17 judged on the full list: both survive Bernard's statement


def test_a_line_opening_on_an_announcements_label_tells_of_it(ctxs):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    for text in ('Father: "At least one of you has mud on your forehead."', "1) Father — at least one child is muddy."):
        k, _ = ctx.aligner.locate(text, 0)
        assert 1 in {c.stage for c in ctx.aligner.inner_cues(text, 0)} | ({k} if k else set()), text
    plain = "At least one of them might be muddy, I guess."
    k, _ = ctx.aligner.locate(plain, 0)
    assert not ({c.stage for c in ctx.aligner.inner_cues(plain, 0)} | ({k} if k else set()))


def test_a_statement_named_then_glossed_in_brackets_is_read_from_the_brackets(ctxs):
    ctx = ctxs("cheryl.txt")
    from epistemic.audit.segment import apostrophes
    text = apostrophes("Albert's opening (he doesn't know, and he's sure Bernard doesn't either): Bernard would know "
                       "straight away only with a day that appears once.")
    assert 1 in {c.stage for c in ctx.aligner.inner_cues(text, 0)}
    other = apostrophes("Albert's opening (he knows the date): nothing to do.")
    assert 1 not in {c.stage for c in ctx.aligner.inner_cues(other, 0)}


def test_the_cases_of_a_bound_on_the_sum_said_to_go(ctxs):
    ctx = ctxs("impossible.txt")
    text = "好，先从 P 的第一句开始。P 无法确定。\n\n所以 P 这句话一说，和 {} 的情况就都排除了。\n\nS 说他早就知道 P 不知道。"
    early = _audit(ctx, text.format("≥ 55"))
    assert [(c.formula, c.verdict.verdict) for c in _bad(early)] == [("x + y < 55", "premature")]  # S's statement
    assert [c.formula for c in _audit(ctx, text.format("为 5")).claims() if c.record.kind == "exclusion"] == [
        "x + y != 5"]  # (5 = 2 + 3 only: gone with P's first statement)


def test_a_crossed_bound_on_the_sum_and_an_early_knew(ctxs):
    ctx = ctxs("impossible.txt")
    said = ctx.aligner
    assert 2 in {c.stage for c in said.inner_cues("S：早就知道（P 开口前）→ s 的每种拆法，积都不唯一。", 1)}
    assert 4 in {c.stage for c in said.inner_cues("S：我也知道了。", 3)}
    text = "P: \"I cannot determine the two numbers.\"\n\nS：早就知道（P 开口前）→\n· s {} 53 ✗：总能拆出 53 + (s−53)"
    assert [c.formula for c in _audit(ctx, text.format("≥")).claims() if c.record.kind == "exclusion"] == ["x + y < 53"]
    assert [c.formula for c in _audit(ctx, text.format("<")).claims() if c.record.kind == "exclusion"] == ["x + y >= 53"]


def test_values_that_go_at_the_end_of_their_clause_are_excluded(ctxs):
    ctx = ctxs("cheryl.txt")
    said = "Albert says he doesn't know, but he knows Bernard doesn't know either.\n\n"
    right = _audit(ctx, said + "So all of May and all of June go.\n\nThe end.")
    assert [(c.formula, c.verdict.verdict) for c in right.claims() if c.record.kind == "exclusion"] == [
        ("not month in {May, June}", "entailed")]
    early = _audit(ctx, said + "So 14 goes as well.\n\nBernard says he knows now.\n\nThe end.")
    assert [c.formula for c in _bad(early)] == ["day != 14"]  # Bernard's statement removes the 14s
    assert not [c for c in _audit(ctx, said + "That's how these puzzles go; May goes on.").claims()
                if c.record.kind == "exclusion"]


def test_an_equation_after_a_bullet_is_read(ctxs):
    ctx = ctxs("impossible.txt")
    slip = _audit(ctx, "- 47 − 2 = 43 is prime → 47 eliminated.")
    assert [(c.formula, c.verdict.verdict) for c in slip.claims() if c.record.kind == "arithmetic"] == [
        ("47 - 2 = 43", "false")]
    longer = _audit(ctx, "So 100 - 47 − 2 = 51.")  # the middle of a longer expression is still not read alone
    assert not [c for c in longer.claims() if c.record.kind == "arithmetic" and c.formula == "47 - 2 = 51"]


def test_a_number_kept_on_an_agents_list_is_a_value_of_what_it_observes(ctxs):
    ctx = ctxs("impossible.txt")
    text = ("P: \"I cannot determine the two numbers.\" S: \"I knew that you couldn't determine them.\"\n\n"
            "The products are the hard part.\n\n{n}: it is below 55, so none of the rules kills it — {n} stays on S's list.")
    assert [c.formula for c in _bad(_audit(ctx, text.format(n=51)))] == ["x + y = 51 still possible"]
    assert not _bad(_audit(ctx, text.format(n=53)))


def test_a_speakers_label_before_a_paraphrased_quote_attributes_it(ctxs):
    ctx = ctxs("cheryl.txt")
    text = ('Albert: "I don\'t know when it is, but I know Bernard does not know."\n\n**2. {who}:** "At first I didn\'t '
            'know, but now I know" → the day is unique now.\n\nAlbert: "Then I also know."')
    assert [c.formula for c in _bad(_audit(ctx, text.format(who="Albert")))] == ["Albert made statement 2"]
    assert not _bad(_audit(ctx, text.format(who="Bernard")))
    assert not _bad(_audit(ctx, "Albert: month. Bernard: day."))


def test_a_table_column_naming_what_removed_each_row(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    table = "| Date | Eliminated by |\n|---|---|\n| April 28 | Ali's first statement |\n| {date} | {by} |"
    assert [c.formula for c in _bad(_audit(ctx, table.format(date="March 19", by="Ali's first statement")))] == [
        "statement 1 rules out month = March and day = 19"]  # 19 goes with Bo's statement
    right = _audit(ctx, table.format(date="March 19", by="Bo's statement"))
    assert not _bad(right) and len([c for c in right.claims() if c.record.kind == "credit"]) == 2


def test_we_have_colon_lists_what_is_left(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    text = "So after Ali's statement we have: {}."
    assert [c.record.reading for c in _bad(_audit(ctx, text.format("March 18, July 16, July 17, July 19")))] == [
        "what is left"]  # March 19 is dropped
    assert not _bad(_audit(ctx, text.format("March 18, March 19, July 16, July 17, July 19")))


def test_knew_before_and_a_glossed_sum_case(ctxs):
    ctx = ctxs("impossible.txt")
    for text in ("S说他早就知道。", "S says he already knew."):
        assert ctx.aligner.locate(text, 1) == (2, "paraphrase"), text
    assert ctx.aligner.locate("S says he knows now.", 3) == (4, "paraphrase")
    text = "P说“我无法确定这两个数。”\n\n所以，P说完第一句话以后，比如和为{}的情况已经全部去掉了。\n\nS说他早就知道。"
    assert [c.formula for c in _bad(_audit(ctx, text.format("10（3+7）")))] == ["x + y != 10"]  # (2, 8) survives
    assert not _bad(_audit(ctx, text.format("5（2+3）")))  # 5 = 2 + 3 only: gone


def test_an_agent_with_a_value_of_its_term_named_by_its_word(ctxs):
    ctx = ctxs("sum_product.txt")
    r = _audit(ctx, "P with product 60 knows the numbers.")
    assert [(c.record.kind, c.formula) for c in r.claims()] == [("case knowledge", "x * y = 60 implies P knows (x, y)")]


# ---------------------------------------------------------------- traces_u*, opened at the end of session 12


def test_u_a_list_after_a_property_in_its_own_sentence(ctxs):
    ctx = ctxs("cheryl.txt")
    prop = _audit(ctx, "伯纳德要能直接知道，他的日子必须在表里只出现一次，也就是18或19。")
    assert {c.record.reading for c in prop.claims() if c.record.kind == "candidates"} <= {"list under a property"}
    card = ctxs("card16.txt")
    stage = _audit(card, "P说他不知道。\n\n这样一来，黑桃和草花里都有唯一的点数，所以花色只能是红桃或方块了。\n\nQ说他早就知道。")
    assert [c.record.kind for c in _bad(stage)] == ["candidates"]  # one statement early: a stage list


def test_u_what_an_agent_holds_is_no_candidate(ctxs):
    ctx = ctxs("sum_product.txt")
    r = _audit(ctx, "The pair is x = 4, y = 13: Mr. S was holding 17 and Mr. P was holding 52.")
    assert not [c for c in r.claims() if c.formula == "y in {17, 52}"]


def test_u_a_supposition_is_not_where_a_wrong_answer_is_concluded(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 4})
    text = ("Father: at least one of you is muddy.\n\nNobody steps forward three times.\n\nIf exactly three were muddy, "
            "each muddy child would see two muddy faces and know after the second silence.\n\nSo all four are "
            "muddy.\n\nThe number of muddy children is **3**.")
    assert _audit(ctx, text).label == 4  # the stated answer, not the supposition two steps before


def test_u_sum_case_headers_ordinal_labels_sure_columns_and_named_relations(ctxs):
    sp, imp, variant = ctxs("sum_product.txt"), ctxs("impossible.txt"), ctxs("cheryl_variant.txt")
    from epistemic.audit.topics import case_header
    assert case_header(sp.lexicon, "Sum 17 splits:\n- (2, 15): …") is not None
    assert [x.stage for x in imp.aligner.inner_cues("Third: P now can determine. Exactly one split.", 2)] == [3]
    table = ("| Month | Contains 13 or 20? | Albert could be sure? |\n|---|---|---|\n| March | yes | ✗ |\n"
             "| April | no | ✓ |")
    sure = [c for c in _audit(variant, table).claims() if c.record.kind == "case knowledge"]  # sure that Bernard
    # doesn't know (Albert's statement), judged before he says it: true in both rows (session 40; unread before)
    assert [c.verdict.verdict for c in sure] == ["entailed", "entailed"]
    knows = ("| Month | Dates left | Albert knows? |\n|---|---|---|\n| April | 14, 17 | yes |")
    assert "case knowledge" in [c.record.kind for c in _audit(variant, knows).claims()]
    gone = _audit(imp, "The x = y possibility is gone from the candidates.")
    assert [c.formula for c in gone.claims()] == ["not x = y"]


def test_u_a_guess_at_the_answer_opens_no_answer_list(ctxs):
    ctx = ctxs("sum_product.txt")
    text = ("Let me do 17, it's usually the answer:\n(4, 13) 52: 2·26 → 28, no. unique!\n(8, 9) 72: 3·24 → 27. "
            "ambiguous.\n\nSo 17 → only (4, 13).\n\n**x = 4, y = 13.**")
    assert _audit(ctx, text).final_answer == ((4, 13),)
    assert _audit(ctx, "The answer is:\n(4, 13).").final_answer == ((4, 13),)


def test_more_ways_to_raise_and_drop_an_idea(ctxs):
    ctx = ctxs("cheryl.txt")
    for text in ("I was going to say the answer is August 17 — wait, that can't be right.",
                 "~~So it's August 15~~ — no, Albert couldn't know then.", "我原以为答案是8月17日，后来发现不对。"):
        assert not _bad(_audit(ctx, text)), text
    assert [c.record.kind for c in _bad(_audit(ctx, "So the answer is August 17."))] == ["answer"]


def test_claim_battery_lists_of_what_is_left(ctxs):
    card, imp, cheryl = ctxs("card16.txt"), ctxs("impossible.txt"), ctxs("cheryl.txt")
    said = "P说他不知道。\n\nQ说他早就知道P不知道。\n\n"
    assert [c.record.reading for c in _bad(_audit(card, said + "剩下的牌：红桃A、红桃Q、红桃4、方块5。"))] == ["what is left"]
    r = _audit(imp, "所以剩下的和是11、17、23、27、29、35、37、41、47、53。")
    assert [c.record.reading for c in r.claims() if c.record.kind == "candidates"] != ["case analysis"]
    worked = _audit(imp, "24 = 3 × 8 = 2 × 12 = 4 × 6，和是11、14、10。")
    assert not [c for c in worked.claims() if c.record.kind == "candidates" and c.record.certain]
    kept = _audit(cheryl, "Albert says he doesn't know, but knows Bernard doesn't know.\n\nBernard says he knows now.\n\n"
                          "August 14 is still on the table.")
    assert [c.formula for c in _bad(kept)] == ["month = August and day = 14 still possible"]
