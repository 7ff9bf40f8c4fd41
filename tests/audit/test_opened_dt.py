"""Readings from traces_dt* (32 rows written in session 54 by helpers who never read the auditor, scored blind at
0.682, then opened in session 55) and the tuning sets dx*, dy* written beside the blind dw*, each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def test_a_unique_split_the_step_takes_back_with_another_split_is_no_claim(ctxs):
    """"6 = 3 + 3 only. But 6 also splits as (2, 4)": the step itself names a second split of 6, so the "only" was
    among the prime splits it spoke of (it was judged a false unique split, a false alarm); alone it is still false."""
    ctx = ctxs("sum_product.txt")
    taken_back = _audit(ctx, "Hmm, 6 = 3 + 3 only. But 6 also splits as (2, 4), product 8 = 2 · 4 only, so P knows.")
    assert [c.formula for c in _claims(taken_back, "split")] == [
        "x * y = 8 implies ((x = 2 and y = 4) or (x = 4 and y = 2))"]
    alone = _audit(ctx, "Hmm, 6 = 3 + 3 only.")
    assert [c.formula for c in bad(alone)] == ["x + y = 6 implies (x = 3 and y = 3)"]


def test_a_checking_block_is_a_replay_and_its_lines_of_reasoning_are_no_list(ctxs):
    """"验算：\\nP拿5，… ⇒ 不知道 ✓\\n…\\n梅花删掉后，P的5只剩方块5 ⇒ 知道 ✓\\n方块里A已删 ⇒ Q知道 ✓": lines with "⇒" are
    reasoning, not items of one list, "验算" heads a replay, and a line opening on a value it removes ("梅花删掉后") is
    no case of that value (clubs read as the case where Q knows, a false alarm)."""
    ctx = ctxs("card16.txt")
    lines = ("P拿5，开始时梅花5/方块5 ⇒ 不知道 ✓\nQ拿方块，A、5都重复 ⇒ 早知道 ✓\n梅花删掉后，P的5只剩方块5 ⇒ 知道 ✓\n"
             "方块里A已删 ⇒ Q知道 ✓")
    for head in ("验算：\n", "回头看：\n"):
        report = _audit(ctx, said(ctx, None, "zh") + "\n\n答案是方块5。\n\n" + head + lines)
        assert bad(report) == [], head
        assert not any("suit = clubs implies" in c.formula for c in _claims(report)), head


def test_a_line_about_one_agent_gives_his_options_when_they_lead_to_his_knowing(ctxs):
    """"Albert: after Bernard's line, June 19 is out ⇒ only June 12 ⇒ knows ✓": June 12 is all Albert has left, the
    reason he knows, not the stage's whole candidate set (a false alarm in a replay); without the label and the
    knowing it is the stage's list."""
    ctx = ctxs("cheryl_variant.txt")
    head = said(ctx, 2) + "\n\n"
    labelled = _audit(ctx, head + "Albert: after Bernard's line, June 19 is out ⇒ only June 12 ⇒ knows ✓.")
    assert [c.record.reading for c in _claims(labelled, "candidates")] == ["case analysis"] and bad(labelled) == []
    plain = _audit(ctx, head + "After Bernard's line, June 19 is out, so only June 12 is left.")
    assert [c.verdict.verdict for c in _claims(plain, "candidates")] == ["premature"]


def test_a_relation_that_leads_by_arrows_is_supposed(ctxs):
    """"- a = b ⇒ c = 2a ⇒ Carol knows ⇒ out.": the line supposes a = b and follows it (Carol knowing was judged of the
    stage, a false alarm); "- a = 0 ⇒ b = 1 forced ⇒ she'd know ⇒ a ≠ 0." labels its line by a = 0, no claim that
    a = 0."""
    what = ctxs("what_sum.txt")
    head = said(what, 3) + "\n\n"
    report = _audit(what, head + "**Carol: don't know.**\n- a = b ⇒ c = 2a ⇒ Carol knows ⇒ out.\n- So a ≠ b now.")
    assert bad(report) == [] and [c.record.reading for c in _claims(report, "knowledge")][-1] == "case analysis"
    plain = _audit(what, head + "So Carol knows.")
    assert [c.formula for c in bad(plain)] == ["Carol knows c"]
    consecutive = ctxs("consecutive.txt")
    labelled = _audit(consecutive, said(consecutive, 1) + "\n\n- a = 0 ⇒ b = 1 forced ⇒ she'd know ⇒ a ≠ 0.")
    assert {c.record.reading for c in _claims(labelled, "candidates")} == {"case analysis"}


def test_a_child_still_thinking_one_muddy_possible_is_a_possibility_claim(ctxs):
    """"所以这一轮过后，1号仍然觉得可能只有2号一个人脏": "只有2号" names child 2, no count of two, and "仍然觉得可能"
    says the one-muddy world is still possible (false after the first silence), not a hedge; a first error found."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    head = said(ctx, 2, "zh") + "\n\n"
    report = _audit(ctx, head + "所以这一轮过后，1号仍然觉得可能只有2号一个人脏。")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("possible", "false")]
    assert "= 1 still possible" in bad(report)[0].formula
    named = _audit(ctx, "1号心想：如果我是干净的，那全场就只有2号脏。")
    assert not any("= 2" in c.formula for c in _claims(named))
    still = _audit(ctx, head + "所以两轮之后，仍然可能只有2个孩子有泥。")
    assert [c.record.reading for c in _claims(still, "possible")] == ["possibility"]


def test_a_statement_that_kills_values_removes_them(ctxs):
    """"so Q's statement also kills both aces": "kills" removes (a wrong credit found); ", so Q is done too" ends
    the list of what is killed (Q the agent, not the rank); "s ≥ 55 is killed by 53 + (s − 53)" rules the bound out."""
    cards = ctxs("card16.txt")
    credit = _audit(cards, said(cards, 2) + "\n\nSo Q's statement also kills both aces.")
    assert [c.formula for c in bad(credit)] == ["statement 2 or 4 rules out rank = A"]
    done = _audit(cards, said(cards, 3) + "\n\nP's announcement kills the ace, so Q is done too.")
    assert [(c.formula.endswith("rules out rank = A"), c.verdict.verdict) for c in _claims(done, "credit")] == [
        (True, "entailed")]
    assert bad(done) == []
    sums = ctxs("sum_product.txt")
    bound = _audit(sums, said(sums, 1) + "\n\ns ≥ 55 is killed by 53 + (s − 53). s ≥ 55 dies to 53 + (s − 53).")
    assert bad(bound) == [] and {c.formula for c in _claims(bound, "term bound")} == {"x + y < 55"}


def test_values_that_die_are_removed(ctxs):
    """"So both 14s die right here as well" after Albert's first statement removes the 14s one statement early (a
    premature exclusion found); after Bernard's it is right."""
    ctx = ctxs("cheryl.txt")
    early = _audit(ctx, said(ctx, 1) + "\n\nSo after Albert's statement both 14s die right here as well.")
    assert [(c.formula, c.verdict.verdict) for c in bad(early)] == [("day != 14", "premature")]
    late = _audit(ctx, said(ctx, 2) + "\n\nSo July 14 and August 14 die right here.")
    assert bad(late) == [] and [c.verdict.verdict for c in _claims(late, "exclusion")] == ["entailed"]


def test_a_speaker_who_speaks_first_names_his_statement(ctxs):
    """"Ali (month) speaks first.\\n- … Apr ∋ 28 ⇒ out.": the heading names Ali's statement, so April goes at it, not
    before any statement (a false premature flag that hid the wrong final answer)."""
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, "Ali (month) speaks first.\n- Knows Bo doesn't: Ali's month ∌ 28, 29.\n- Apr ∋ 28 ⇒ out.\n"
                         "- Jun ∋ 29 ⇒ out.")
    assert bad(report) == [] and [c.verdict.verdict for c in _claims(report, "exclusion")] == ["entailed"] * 2
    unnamed = _audit(ctx, "Dates on the list.\n- Apr ∋ 28 ⇒ out.")
    assert [c.verdict.verdict for c in _claims(unnamed, "exclusion")] == ["premature"]


def test_two_children_named_together_know_their_own_state(ctxs):
    """"⇒ after round 1, #3 and #4 know too", "kids 3 and 4 know they are clean": both named children's knowledge
    (a wrong agent found: clean children seeing two muddy cannot know after one silence); "#3 knows he is clean"."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    head = said(ctx, 2) + "\n\n"
    both = _audit(ctx, head + "- ⇒ after round 1, #3 and #4 know too.")
    assert [c.formula for c in bad(both)] == ["c[3] knows m[3] and c[4] knows m[4]"]
    clean = _audit(ctx, head + "- After round 1, kids 3 and 4 know they are clean.")
    assert [c.formula for c in bad(clean)] == [
        "(m[3] = 0 implies c[3] knows m[3]) and (m[4] = 0 implies c[4] knows m[4])"]
    one = _audit(ctx, head + "- After round 1, #3 knows he is clean.")
    assert [c.formula for c in bad(one)] == ["m[3] = 0 implies c[3] knows m[3]"]
    later = _audit(ctx, said(ctx) + "\n\nThen #3 and #4 know too.")
    assert bad(later) == []


def test_worlds_written_in_lower_case_initials(ctxs):
    """"剩：www、wwr、wrw、rww、rrw（5种）": worlds in lower-case initials are worlds, as in capitals."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, "Left: www, wwr, wrw.")
    assert [c.formula for c in _claims(report, "candidates")] == [
        "(h[1] = white and h[2] = white and h[3] = white) or (h[1] = white and h[2] = white and h[3] = red) or "
        "(h[1] = white and h[2] = red and h[3] = white)"]


def test_re_reading_the_dialogue_in_the_answer_world_is_a_replay(ctxs):
    """"let me re-read the whole dialogue once more and make sure every line is consistent with ♦5." then "1. P is
    told 5. The 5s are ♣5 and ♦5, so P doesn't know. ✓ …": each line is at its own statement (P not knowing was
    judged after the whole dialogue, a false alarm)."""
    ctx = ctxs("card16.txt")
    body = ("1. P is told 5. The 5s are ♣5 and ♦5, so P doesn't know. ✓\n2. Q is told diamonds. Diamonds has A and 5; "
            "both ranks occur in other suits, so Q knew from the start that P couldn't know. ✓")
    head = said(ctx) + "\n\nSo the card is ♦5.\n\n"
    replay = _audit(ctx, head + "Hmm, let me re-read the whole dialogue once more and make sure every line is "
                                "consistent with ♦5.\n\n" + body)
    assert bad(replay) == [] and [c.record.reading for c in _claims(replay, "case knowledge")] == ["case analysis"]
    plain = _audit(ctx, head + "Now:\n\n" + body)
    assert [c.record.reading for c in _claims(plain, "case knowledge")] == ["hypothetical"]


def test_a_pair_that_is_impossible_is_removed_but_impossible_with_a_value_is_a_condition(ctxs):
    """"So (2,26) is impossible." removes the pair; "Albert then knows, which is impossible with August but works with
    July." removes nothing (August and July were read as removed, a false alarm)."""
    ctx = ctxs("impossible.txt")
    assert [c.formula for c in _claims(_audit(ctx, "So (2,26) is impossible."), "exclusion")] == [
        "not (x = 2 and y = 26)"]
    cheryl = ctxs("cheryl.txt")
    report = _audit(cheryl, said(cheryl) + "\n\nAlbert then knows, which is impossible with August but works with "
                                           "July.")
    assert _claims(report, "exclusion") == []


def test_a_number_of_rows_is_no_value(ctxs):
    """"剩下5行：红桃A、红桃Q、红桃4、方块A、方块5。": the 5 counts the table's rows (it was read as the rank 5 left,
    a false alarm)."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n剩下5行：红桃A、红桃Q、红桃4、方块A、方块5。")
    assert [c.formula.count(" or ") for c in _claims(report, "candidates")] == [4]  # the five cards, not "rank = 5"


def test_a_line_labelled_by_its_count_in_brackets_is_that_case(ctxs):
    """"- 第2行（1个泥孩子）：…所以他马上知道自己有泥，会站出来。": the muddy child's knowing on this line is the
    one-muddy case's (it was read as the muddy children knowing at the stage, a false alarm)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    line = ("- 第2行（1个泥孩子）：那个有泥的孩子看到0个泥额头，而“总数0”已经被父亲排除了，所以他马上知道自己有泥，会站出来。"
            "但是没人站出来，所以第2行划掉。")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n" + line)
    assert bad(report) == [] and [c.verdict.verdict for c in _claims(report, "case knowledge")] == ["entailed"]


def test_what_we_have_after_a_statement_is_what_is_left(ctxs):
    """"So after Bo's statement we have March 18, July 16, July 17, July 19.": the dates left (July 19 kept, a first
    error found); "In July we have 16, 17 and 19" is July's case."""
    ctx = ctxs("cheryl_cam.txt")
    head = said(ctx, 2) + "\n\n"
    kept = _audit(ctx, head + "So after Bo's statement we have March 18, July 16, July 17, July 19.")
    assert [c.record.kind for c in bad(kept)] == ["candidates"]
    right = _audit(ctx, head + "So after Bo's statement we have March 18, July 16, July 17.")
    assert bad(right) == []
    july = _audit(ctx, head + "In July we have 16, 17 and 19.")
    assert bad(july) == []


def test_worlds_said_still_possible_in_chinese(ctxs):
    """"白白红、白红红两种都还可能": "still possible" of two worlds, each judged (white-red-red is gone after the first
    man's statement: a first error found); "他还可能是红的" still hedges."""
    ctx = ctxs("hats.txt")
    head = said(ctx, 2, "zh") + "\n\n"
    report = _audit(ctx, head + "第二位看到第一位白、第三位红，自己的帽子白红红还可能。")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("possible", "false")]
    hedged = _audit(ctx, head + "他还可能是红的。")
    assert bad(hedged) == []


def test_a_case_opened_by_for_with_a_pronoun_for_its_knower(ctxs):
    """"For b = 1 he still has two options, a = 0 or a = 2, so he can't know": the case b = 1 and its knower, Bill,
    named before (nothing was read without the comma after "b = 1")."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nBill's “I don't know” removes b = 0 and b = 10. For b = 1 he still has "
                                        "two options, a = 0 or a = 2, so he can't know.")
    assert [c.formula for c in _claims(report, "hypothetical")] == [
        "(b = 1 and a in {0, 2}) implies (not Bill knows a)"]


def test_a_cases_letter_is_no_value(ctxs):
    """"So after P's first statement, Case A is impossible.": Case A names a case of the trace, not the ace (read as the
    aces removed, a false alarm)."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\nSo after P's first statement, Case A is impossible.")
    assert _claims(report, "exclusion") == []
    aces = _audit(ctx, said(ctx, 1) + "\n\nSo after P's first statement, the A is impossible.")
    assert [c.verdict.verdict for c in bad(aces)] == ["premature"]


def test_an_answer_table_under_an_answer_heading_before_a_closing_remark(ctxs):
    """"## Answer\\n\\n| | |\\n|---|---|\\n| x | **4** |\\n| y | **13** |\\n\\nStage counts for the record: …": the
    table under the heading is the answer, though a remark closes the trace (no answer was read)."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, "Only sum 17 ends with a single pair.\n\n## Answer\n\n| | |\n|---|---|\n| x | **4** |\n"
                         "| y | **13** |\n| sum | 17 |\n\nStage counts for the record: 4851 → 3076 → 145 → 86 → 1.")
    assert (report.final_answer, report.final_answer_correct) == (((4, 13),), True)


def test_narrowed_everything_down_to_the_single_pair(ctxs):
    """"P's announcement had already narrowed everything down to the single pair 4 and 13" (traces_du*): what is left
    after P's statement, one statement early (a premature claim found); "the pair 4 and 13" is the pair (4, 13)."""
    ctx = ctxs("impossible.txt")
    head = said(ctx, 3) + "\n\n"
    early = _audit(ctx, head + "P's announcement had already narrowed everything down to the single pair 4 and 13.")
    assert [(c.formula, c.verdict.verdict) for c in bad(early)] == [("x = 4 and y = 13", "premature")]
    last = _audit(ctx, said(ctx) + "\n\nS's announcement narrowed things down to the pair 4 and 13.")
    assert bad(last) == [] and [c.verdict.verdict for c in _claims(last, "candidates")] == ["entailed"]


def test_a_table_with_a_sum_column_adds_its_rows(ctxs):
    """"| Cheryl | brothers | sum |\\n| 12 | 4, 3 | 20 |": the row says 12 + 4 + 3 = 20, a slip (a first error found
    in traces_dy*); the right sum passes, and a table with a product column left of its sum is not added up."""
    ctx = ctxs("cheryls_age.txt")
    table = "| Cheryl | brothers | sum |\n|---|---|---|\n| 8 | 6, 3 | 17 |\n| 12 | 4, 3 | {} |"
    slip = _audit(ctx, table.format(20))
    assert [c.formula for c in bad(slip)] == ["(12 + 4) + 3 = 20"]
    assert bad(_audit(ctx, table.format(19))) == []
    sums = ctxs("sum_product.txt")
    products = _audit(sums, "| pair | product | sum |\n|---|---|---|\n| (4, 13) | 52 | 17 |")
    assert [c.formula for c in _claims(products, "arithmetic")] == ["4 * 13 = 52", "4 + 13 = 17"]  # (not 4 + 13 + 52)
