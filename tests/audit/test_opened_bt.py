"""Readings from traces_bt* (32 rows, half correct, written in session 37 by helpers who never read the auditor, kept
blind there and opened in session 38) and from misses of the tuning split read in session 38, checked both ways
where the reader reads a wrong wording of the same kind."""
import json
import pathlib

from tests.audit.reading import audit as _audit

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _verdicts(report, kind):
    return [(c.formula, c.verdict.verdict) for st in report.steps for c in st.claims if c.record.kind == kind]


_MUDDY_REASONS = ("Father: at least one of you is muddy. Nobody steps forward at the first question.\n\n"
                  "If only one were muddy, that child would see no mud and step forward at once. So at least two are "
                  "muddy.\n\n")


def test_a_wrong_headline_waits_for_the_reasoning_step_that_goes_wrong(ctxs):
    """"**Answer: 5 children are muddy.**" opening a trace whose third step miscounts ("at least 3 after the first
    silence"): the headline is the conclusion announced ahead, and the first error is the step where the reasoning
    goes wrong. When the reasoning is sound and only the answer is wrong, the headline stays the first error, and a
    headline that adds a wrong claim of its own is never deferred."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    wrong_step = ("**Answer: 5 children are muddy.**\n\n"
                  "Father: at least one of you is muddy. Nobody steps forward at the first question.\n\n"
                  "After the first round of silence we know at least 3 are muddy.\n\n"
                  "So 5 children are muddy.")
    report = _audit(ctx, wrong_step)
    assert report.steps[0].label == 0 and report.label == 2
    sound = ("**Answer: 5 children are muddy.**\n\n" + _MUDDY_REASONS + "So 5 children are muddy.")
    assert _audit(ctx, sound).label == 0


def test_one_off_days_are_singletons(ctxs):
    """"Only 13 (March) and 20 (May) are one-off days": a property of the days (they occur once), not the days
    left; "the one-off days are 13 and 20" is true at the start, "the one-off day is 13" false (20 too)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, "Only 13 (March) and 20 (May) are one-off days.")
    assert _verdicts(report, "candidates") == [] and [v for _, v in _verdicts(report, "singletons")] == ["entailed"]
    wrong = _audit(ctx, "The only one-off day is 13.")
    assert [v for _, v in _verdicts(wrong, "singletons")] == ["false"]


def test_the_only_day_that_appears_once(ctxs):
    """"So 29 is the only day that appears once": the value, then "is the only day that", then the property: all of
    the singletons, false where 28 occurs once too; "28 and 29 are the only days that appear once" is true, and "the
    days 28 and 29 each appear only once" (some of them) too."""
    ctx = ctxs("cheryl_cam.txt")
    wrong = _audit(ctx, "So 29 is the only day that appears once. Everything else shows up in two months.")
    assert wrong.label == 0 and [v for _, v in _verdicts(wrong, "singletons")] == ["false"]
    for text in ("28 and 29 are the only days that appear once.", "The days 28 and 29 each appear only once.",
                 "29是唯一只出现一次的日子吗？不，28也是。"):
        assert "false" not in [v for _, v in _verdicts(_audit(ctx, text), "singletons")], text


def test_singletons_among_listed_worlds_are_not_the_stages(ctxs):
    """"Among March 18, March 19, July 16, July 17 and July 19, … 16, 17 and 18 each appear once": singletons of the
    worlds the sentence lists, not of a stage, so no claim; "the days are 12, 13, …, and of these only 13 appears
    once" is about all the days and is read."""
    ctx = ctxs("cheryl_cam.txt")
    among = _audit(ctx, "Among March 18, March 19, July 16, July 17 and July 19, the day 19 appears twice, while 16, "
                        "17 and 18 each appear once.")
    assert _verdicts(among, "singletons") == []
    variant = _audit(ctxs("cheryl_variant.txt"), "The days are 12, 13, 14, 17 and 19, and of these only 13 appears "
                                                 "exactly once.")
    assert [v for _, v in _verdicts(variant, "singletons")] == ["false"]


def test_a_row_labelled_by_a_sum_and_its_addends(ctxs):
    """"- **29:** 13 + 16 gives 208 … so **29 is out** too": a row labelled by a number that opens on two addends of
    it is about that sum, whatever term the text named last ("splits with unique products"), so the exclusion of the
    sum 29 is read (too early after S's statement: 208 also factors as 8 · 26)."""
    ctx = ctxs("impossible.txt")
    text = ('P: I cannot determine the numbers. S: I knew that.\n\n'
            'But "s − 2 is composite" is only a necessary condition, so I should spot-check for other splits with '
            'unique products.\n\n'
            '- **29:** 13 + 16 gives 208. So P would know, and **29 is out** too.')
    assert ("x + y != 29", "premature") in _verdicts(_audit(ctx, text), "exclusion")
    other = text.replace("13 + 16", "13 + 15")  # addends of another number: the row's sum is not said
    assert not [f for f, _ in _verdicts(_audit(ctx, other), "exclusion") if "29" in f]


def test_a_pointing_antecedent_takes_the_values_just_named(ctxs):
    """"…日子不是18日或19日，因为如果是这两个只出现一次的日子，他马上就能确定": "these two" points back at the days
    named before the "if", so the supposition is "day 18 or 19 → Albert knows", false (Albert holds the month): the
    wrong agent's reasoning. With no values before it, nothing is read."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, "阿尔伯特说他不知道，这说明日子不是18日或19日，因为如果是这两个只出现一次的日子，他马上就能确定是哪一天。")
    assert ("day in {18, 19} implies Albert knows date", "false") in _verdicts(report, "hypothetical")
    right = _audit(ctx, "Bernard does not know at first, so it is not 18 or 19: if it were one of those, he would "
                        "have known.")
    assert ("day in {18, 19} implies Bernard knows date", "entailed") in _verdicts(right, "hypothetical")
    bare = _audit(ctx, "如果是这两个日子，他马上就能确定是哪一天。")
    assert _verdicts(bare, "hypothetical") == []


def test_knowing_drawn_from_a_property_of_own_values_is_a_case(ctxs):
    """"Ali hears March: … Neither 18 nor 19 is unique, so Bo can't know": Bo's not knowing drawn from a property of
    days (what Bo observes) named before it is his knowing in those days' case, not at the stage (where 28 would
    tell him): read as a case, never flagged; "Bo did not know, so 28 and 29 are out" is still the stage's."""
    ctx = ctxs("cheryl_cam.txt")
    for text in ("Ali hears March: March 18 or 19. Neither 18 nor 19 is unique, so Bo can't know.",
                 "Ali hears March: March 18 or 19. 18 and 19 both appear twice, so Bo can't know."):
        assert _audit(ctx, text).label == -1, text
    plain = _audit(ctx, "Bo can't know.")
    assert plain.label == 0


def test_the_last_item_of_a_list_before_a_noun_is_a_value(ctxs):
    """"leaves the A, Q, 4 and 5 cards": the noun is the list's, so 5 is a rank (not "5 cards", a count); "5 cards
    remain" is still a count."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, "P doesn't know at first. That leaves the A, Q, 4 and 5 cards.")
    assert ("rank in {A, Q, 4, 5}", "entailed") in _verdicts(report, "candidates")
    counted = _audit(ctx, "P doesn't know at first. 10 cards remain.")
    assert _verdicts(counted, "count")


def test_what_a_case_has_is_no_candidate_list(ctxs):
    """"For 17 … Its products are 30, 42, 52, …", "Repeat the argument with exactly three muddy children",
    "饭钱要么是其中一人付的，要么是国安局付的": the products of the sum in hand, a supposed count and one branch of an
    either-or are cases, never the stage's candidates (each was flagged on a correct step); "The products left are
    30 and 42" after the dialogue is still a list, and false."""
    sp = ctxs("sum_product.txt")
    dialogue = "P says he does not know. S says he knew. P now knows. S now knows.\n\n"
    its = _audit(sp, dialogue + "For 17 the detail is worth spelling out. Its products are 30, 42, 52, 60, 66, 70 and 72.")
    assert its.label == -1 and all(not c.record.certain for c in its.claims() if c.record.kind == "candidates")
    listed = _audit(sp, dialogue + "The products are 30, 42, 52, 60, 66, 70 and 72.")
    assert listed.label == 1
    muddy = _audit(ctxs("muddy.txt", {"n": 6, "k": 4}), "Nobody steps forward at the first, second or third "
                                                        "question.\n\nRepeat the argument with **exactly three** muddy "
                                                        "children.")
    assert muddy.label == -1
    paid = _audit(ctxs("dining_cryptographers.txt"), "饭钱要么是其中一人付的，要么是国安局（NSA）付的。")
    assert all(not c.record.certain for c in paid.claims() if c.record.kind == "candidates")


def test_a_quote_and_what_it_means_for_its_speaker_names_the_statement(ctxs):
    """'What does "I don't know" mean for Alice?': the quote, then the speaker it is asked of, opens the discussion
    of Alice's statement, so "b ≠ c" after it is drawn at the right time (it was flagged one statement early); the
    next such question moves on to Bob's."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, 'What does "I don\'t know" mean for Alice? She sees b and c. So b ≠ c.\n\n'
                         'What does "I don\'t know" mean for Bob? He sees a and c.')
    assert [st.reached for st in report.steps] == [1, 2] and report.label == -1
    plain = _audit(ctx, 'She sees b and c. So b ≠ c.')
    assert plain.steps[0].reached == 0


def test_the_dialogue_set_out_under_turn_labels_is_the_puzzle_restated(ctxs):
    """'A1: "I don't know …"\nB1: "At first …"\nA2: "Then I also know …"' after the set-up: the dialogue under its
    speakers' initials and turns is the puzzle restated (however many steps of set-up come before it), not a trace
    that has been through it, so "17 August is out
    as well" at Bernard's statement is judged there (false: with June gone, 17 is August's alone) and not stretched
    to Albert's last statement, where it holds."""
    ctx = ctxs("cheryl.txt")
    setup = ("Alright, Cheryl's birthday. Let me actually work it.\n\nThe ten dates are the usual ones.\n\n"
             "Albert gets the month. Bernard gets the day. Then:\n\n"
             "A1: \"I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.\"\n"
             "B1: \"At first I didn't know when Cheryl's birthday is, but I know now.\"\n"
             "A2: \"Then I also know when Cheryl's birthday is.\"\n\n"
             "Let me think about what each statement carries.\n\n")
    steps = ("Albert's statement rules out May and June. Remaining: 14 July, 16 July, 14 August, 15 August, 17 "
             "August.\n\nBernard: \"But I know now.\" His day must pick out a single date.\n\n"
             "- 14: 14 July and 14 August — two options. Out.\n- 17: 17 June and 17 August — two options, so 17 August "
             "is out as well.")
    report = _audit(ctx, setup + steps)
    assert report.steps[4].reached == 0 and report.label == len(report.steps) - 1
    named = _audit(ctx, setup.replace("A1:", "Albert:").replace("B1:", "Bernard:").replace("A2:", "Albert:") + steps)
    assert named.label == len(named.steps) - 1  # (the same with the speakers' names, as before)


def test_the_sum_is_not_a_sum_of_two_primes(ctxs):
    """"So the sum is not a sum of two primes" is Goldbach's class ruled out of the sum: drawn from P's "I don't know"
    alone it is one statement early (S's "I knew" gives it: a common wrong credit), after S's statement it holds."""
    ctx = ctxs("sum_product.txt")
    early = _audit(ctx, "P says he does not know.\n\nSo the sum cannot be expressed as the sum of two primes.\n\n"
                        "S says he knew that P could not know.")
    assert [v for _, v in _verdicts(early, "term bound")] == ["premature"] and early.label == 1
    right = _audit(ctx, "P says he does not know.\n\nS says he knew that. So the sum isn't a sum of two primes.")
    assert [v for _, v in _verdicts(right, "term bound")] == ["entailed"] and right.label == -1
    product = _audit(ctx, "P says he does not know.\n\nSo the product is not a product of two primes.")
    assert _verdicts(product, "term bound") == []


def test_a_removal_denied_removes_nothing(ctxs):
    """"Father's statement doesn't rule out k = 1 since child 2 is muddy" (from traces_bv*, 48 correct rows written in
    session 38 to hunt false alarms): a negated removal credits nothing and excludes nothing; "the silence rules out
    k = 1" still excludes it."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    denied = _audit(ctx, "Father's statement doesn't rule out k = 1 since child 2 is muddy.\n\n"
                         "The silence does not rule out k = 2.")
    assert _verdicts(denied, "credit") == [] and _verdicts(denied, "exclusion") == []
    said = _audit(ctx, "The silence rules out k = 1.")
    assert [f for f, _ in _verdicts(said, "exclusion")] == ["(((m[1] + m[2]) + m[3]) + m[4]) + m[5] != 1"]


def test_a_range_left_in_a_table_is_both_its_bounds(ctxs):
    """"| Father: at least one muddy | *k* = 0 | 1 ≤ *k* ≤ 6 |" under "Still possible": the range is what is left,
    so the father's statement is credited with removing k = 0 (true), not with removing k > 6 (never possible,
    which was flagged)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    table = ("| What we've seen | What it rules out | Still possible |\n|---|---|---|\n"
             "| Father: at least one muddy | *k* = 0 | 1 ≤ *k* ≤ 6 |\n"
             "| Round 1 silent | *k* = 1 (the lone muddy child would have known) | *k* ≥ 2 |")
    report = _audit(ctx, table)
    assert report.label == -1 and [v for _, v in _verdicts(report, "credit")] == ["entailed"] * 4
    ranged = _audit(ctx, "Nobody steps forward at the first question. So 2 ≤ k ≤ 6.")
    assert [f for f, _ in _verdicts(ranged, "bound")] == [
        "((((m[1] + m[2]) + m[3]) + m[4]) + m[5]) + m[6] >= 2 and ((((m[1] + m[2]) + m[3]) + m[4]) + m[5]) + m[6] <= 6"]


def test_a_case_labelled_by_another_agent_keeps_its_property_case(ctxs):
    """"1. Albert (July): can't tell 14 from 16; and neither 14 nor 16 is unique, so Bernard can't know. ✓": a world's
    check under another agent's label is still Bernard's knowing in those days' case, not at the stage."""
    ctx = ctxs("cheryl.txt")
    row = next(json.loads(line) for line in (ROOT / "tests/data/natural/traces_bv2.jsonl").open(encoding="utf-8")
               if '"bv2-cheryl-gpt4o-steps-correct-05"' in line)
    assert _audit(ctx, row["text"]).label == -1


def test_an_answer_filled_in_a_bracket(ctxs):
    """"所以结论：不是国安局付的钱，是三位密码学家中的一位付的（答案填0）。": the bracket fills in the answer, 0 (the NSA
    did not pay), so the final answer is found and right; "（答案填1）" is found and wrong."""
    ctx = ctxs("dining_cryptographers.txt")
    lead = "甲说1，乙说0，丙说0，1 + 0 + 0 = 1，是奇数。\n\n"
    right = _audit(ctx, lead + "所以结论：不是国安局付的钱，是三位密码学家中的一位付的（答案填0）。")
    assert right.final_answer == ((0,),) and right.final_answer_correct
    wrong = _audit(ctx, lead + "所以结论：是国安局付的钱（答案填1）。")
    assert wrong.final_answer == ((1,),) and not wrong.final_answer_correct


def test_the_sum_is_odd_and_more(ctxs):
    """"that already tells us the sum is odd and that s − 2 is not prime" after P's first statement: "odd and …" goes
    on to another claim (only "odd or even" is a pair of values), so the parity is read, one statement early."""
    ctx = ctxs("sum_product.txt")
    report = _audit(ctx, "P says he does not know.\n\nThat already tells us the sum is odd and that s − 2 is not "
                         "prime.\n\nS says he knew.")
    assert [v for _, v in _verdicts(report, "term bound")] == ["premature"] and report.label == 1
    pair = _audit(ctx, "P says he does not know.\n\nIs the sum odd or even?\n\nS says he knew.")
    assert _verdicts(pair, "term bound") == []


def test_the_dialogue_retold_after_the_deck_is_no_progress(ctxs):
    """"P先生知道点数，Q先生知道花色。对话是：P说不知道；Q说…" after the deck is listed: the puzzle retold, however many
    steps of set-up came before, moves nothing, so the analysis of P's first statement that follows stands at it."""
    ctx = ctxs("card16.txt")
    deck = "好的，抽屉里有16张牌：\n\n红桃：A、Q、4\n\n黑桃：J、8、4、2、7、3\n\n草花：K、Q、5、4、6\n\n方块：A、5\n\n"
    told = "P先生知道点数，Q先生知道花色。对话是：P说不知道；Q说我知道你不知道；P说现在我知道了；Q说我也知道了。\n\n"
    report = _audit(ctx, deck + told + "先从P先生的第一句话开始。")
    assert [st.reached for st in report.steps][-1] == 1


def test_nothing_removed_in_part_of_the_list(ctxs):
    """"Bill's statement doesn't remove anything in the middle": nothing of some values (the middle rows), not
    nothing at all (it removes the ends); "Bill's statement doesn't remove anything" is still false."""
    ctx = ctxs("consecutive.txt")
    assert _verdicts(_audit(ctx, "It's also worth noticing that Bill's statement doesn't remove anything in the "
                                 "middle."), "credit") == []
    assert [v for _, v in _verdicts(_audit(ctx, "Bill's statement doesn't remove anything."), "credit")] == ["false"]
