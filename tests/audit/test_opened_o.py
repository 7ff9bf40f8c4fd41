"""Readings from the opened blind set traces_o* (session 10): structures its traces use that no reader knew, each
checked both ways (the wrong claim flagged, its correct twin not)."""
from epistemic.audit import audit_trace
from tests.audit.reading import bad as _bad

DIALOGUE = "P says he cannot determine the numbers.\n\nS says he knew P couldn't know.\n\n"


def test_a_labelled_sum_ruled_out_is_an_exclusion_of_that_sum(ctxs):
    ctx = ctxs("impossible.txt")
    early = audit_trace(ctx.puzzle, DIALOGUE + "So sum 35 (= 4 + 31) is ruled out, and similarly sum 41 (= 4 + 37) "
                        "and 47 (= 4 + 43).\n\nP: \"Now I can.\" S: \"So can I.\"", context=ctx)
    assert early.label == 2  # the first wrong step: sums 35, 41 and 47 survive S's statement (4 · 31 = 2 · 62, …)
    (claim,) = [c for c in early.claims() if c.record.kind == "exclusion"]
    assert claim.formula == "x + y != 35"  # "and similarly sum 41 …" after the verb is not read
    right = audit_trace(ctx.puzzle, DIALOGUE + "So sum 36 is ruled out, and sums 40 and 46 die too.", context=ctx)
    assert right.label == -1 and not _bad(right)  # -1: no wrong step


def test_a_sum_credited_to_the_wrong_statement_is_flagged(ctxs):
    ctx = ctxs("impossible.txt")
    text = DIALOGUE + "P says he can now determine them.\n\nSo sum 11 is knocked out right there by P's \"now I can\"." \
        "\n\nS: \"So can I.\""
    report = audit_trace(ctx.puzzle, text, context=ctx)
    assert report.label == 3  # sum 11 survives P's second statement; S's last one removes it
    right = audit_trace(ctx.puzzle, DIALOGUE + "P says he can now determine them.\n\nSo sum 11 is knocked out by S's "
                        "last statement.", context=ctx)
    assert right.label == -1


def test_an_ordinal_opening_names_the_dialogues_statement(ctxs):
    ctx = ctxs("impossible.txt")
    wrong = audit_trace(ctx.puzzle, DIALOGUE + "Third, S — now aware that P's product is ambiguous — declares he can "
                        "determine the numbers.", context=ctx)
    assert wrong.label == 2
    assert [c.record.kind for c in _bad(wrong)] == ["speaker"]
    right = audit_trace(ctx.puzzle, DIALOGUE + "Third, P — now aware that the sum is special — declares he can "
                        "determine the numbers.", context=ctx)
    assert right.label == -1 and not _bad(right)


def test_an_elided_nested_negation_is_knowledge_of_the_others_ignorance(ctxs):
    ctx = ctxs("impossible.txt")
    report = audit_trace(ctx.puzzle, "P says he cannot determine the numbers.\n\nS knew that P couldn't.", context=ctx)
    (claim,) = [c for c in report.claims() if c.record.kind == "knowledge" and c.formula.startswith("S")]
    assert claim.formula == "S knows that (not P knows (x, y))"


def test_knew_with_no_object_is_not_knowledge_of_the_numbers(ctxs):
    ctx = ctxs("impossible.txt")
    report = audit_trace(ctx.puzzle, "P says he cannot determine the numbers.\n\n## Step 2 — S already knew",
                         context=ctx)
    assert not [c for c in report.claims() if c.formula == "S knows (x, y)"]


def test_a_step_label_before_the_speakers_sentence_aligns(ctxs):
    ctx = ctxs("impossible.txt")
    report = audit_trace(ctx.puzzle, "Step one. P cannot determine them.\n\nStep two. S knew this from the sum alone."
                         "\n\nStep three. P now can.\n\nStep four. S can now determine.", context=ctx)
    assert [st.stage for st in report.steps] == [1, 2, 3, 4]


def test_those_names_the_class_just_described_not_the_candidates(ctxs):
    ctx = ctxs("card16.txt")
    report = audit_trace(ctx.puzzle, "A rank that appears on exactly one card would give the card away. Those ranks "
                         "are J, 8, 2, 7, 3 (spades only) and K, 6 (clubs only).", context=ctx)
    assert report.label == -1
    left = audit_trace(ctx.puzzle, "P says he doesn't know. Those cards left are ♥A, ♦5.", context=ctx)
    assert left.label == 0  # a list said to be left is still read as the candidates


def test_the_number_is_n_and_a_count_of_the_n_children_state_the_count(ctxs):
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    report = audit_trace(ctx.puzzle, "**Exactly 2 of the 5 children are muddy.**\n\nNobody stepped forward, so at "
                         "least two are muddy.\n\nSo the number is 2.", context=ctx)
    assert report.final_answer == ((2,),) and report.final_answer_correct


# ------------------------------------------------------------- traces_p* (opened at the end of session 10)


def test_a_number_said_prime_is_checked_whatever_the_stage(ctxs):
    ctx = ctxs("sum_product.txt")
    wrong = audit_trace(ctx.puzzle, "Also 53 = 2 + 51, and both 2 and 51 are prime, so 53 is removed as well.",
                        context=ctx)
    assert wrong.label == 0
    (claim,) = [c for c in wrong.claims() if c.record.kind == "prime"]
    assert claim.verdict.verdict == "false" and "51 = 3 × 17" in claim.verdict.counterexample["explanation"]
    right = audit_trace(ctx.puzzle, "47 is a prime, 91 isn't prime and 2、3和5都是质数. 51 = 3 × 17 is not prime.",
                        context=ctx)
    # "3 × 17 is not prime" speaks of the product, not of 17: not read
    assert [c.verdict.verdict for c in right.claims() if c.record.kind == "prime"] == ["entailed"] * 3


def test_conditions_and_expressions_are_no_primality_claims(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, "If 51 were prime, 53 would go. The sum minus 2 is composite, s − 2 is not "
                         "prime, and 17 and 34 are not both prime.", context=ctx)
    assert not [c for c in report.claims() if c.record.kind == "prime"]


def test_latex_products_read_as_the_observed_term(ctxs):
    ctx = ctxs("impossible.txt")
    report = audit_trace(ctx.puzzle, "### Step 1: The setup\nS knows $s = x + y$ and P knows $p = x \\times y$.\n\n"
                         "$51 = 17 + 34$ gives $578 = 2 \\times 17^2$.", context=ctx)
    assert report.label == -1
    assert "P knows x * y" in [c.formula for c in report.claims()]
    assert not [c for c in report.claims() if c.record.kind == "arithmetic" and "578" in c.formula]


def test_a_row_labelled_by_a_value_and_closed_by_out_excludes_that_value(ctxs):
    ctx = ctxs("card16.txt")
    text = ("Q says he knew P did not know.\n\nP says: now I know the card.\n\n### 第三句：P \"现在我知道了\"\n"
            "- A：♥A、♦A 两张 → 排除\n- Q：只有 ♥Q → 保留\n- 4：只有 ♥4 → 保留\n- 5：♦5，但草花里也有 ♣5，P 仍无法区分 → 排除")
    report = audit_trace(ctx.puzzle, text, context=ctx)
    rows = [(c.record.kind, c.formula, c.verdict.verdict) for c in report.claims()
            if c.record.kind in ("exclusion", "possible")]
    assert rows == [("exclusion", "rank != A", "entailed"), ("possible", "rank = Q still possible", "entailed"),
                    ("possible", "rank = 4 still possible", "entailed"), ("exclusion", "rank != 5", "false")]
    assert report.label == 2
    ctx = ctxs("cheryl.txt")
    english = audit_trace(ctx.puzzle, "Albert says he doesn't know and knows Bernard doesn't know either.\n\n"
                          "Bernard: at first I didn't know, now I do.\n- 14 → July 14 or August 14 — ambiguous, out.\n"
                          "- 16 → this also appears in May, so Bernard can't be sure either — out.", context=ctx)
    assert [c.verdict.verdict for c in english.claims() if c.record.kind == "exclusion"] == ["entailed", "false"]


def test_a_numbered_heading_before_the_speaker_is_the_dialogues_statement(ctxs):
    ctx = ctxs("card16.txt")
    report = audit_trace(ctx.puzzle, "### 第一句：P \"我不知道这张牌\"\n\n### 第二句：Q \"我知道你不知道\"\nQ 的花色中不能含有"
                         "唯一点数的牌。\n\n### 第三句：P \"现在我知道了\"", context=ctx)
    assert [st.stage for st in report.steps] == [1, 2, 3]


def test_a_rows_own_verdict_on_a_tuple_of_its_case_is_certain(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    report = audit_trace(ctx.puzzle, "阿里说他不知道，而且他知道波也不知道。\n\n接下来波说：起初我不知道，听了阿里的话现在知道了。\n"
                         "18：18在4月也有，波拿到18的话还要在3月18和4月18之间犹豫，所以也排除3月18。", context=ctx)
    (claim,) = [c for c in report.claims() if c.record.kind == "exclusion"]
    assert claim.record.certain and claim.verdict.verdict == "false"  # April 18 went with Ali's statement


def test_whole_pairs_ruled_out_at_this_step_are_dated_and_not_a_case(ctxs):
    ctx = ctxs("sum_product.txt")
    text = ("P先生说他不知道。S先生说他早知道P不知道。\n\n积为30的 (5,6)、(2,15) 在这一步也被排除了，因为30对应的和11、17都在表里，"
            "P先生分不清。")
    report = audit_trace(ctx.puzzle, text, context=ctx)
    assert report.label == 1  # they go with P's second statement, not S's
    right = audit_trace(ctx.puzzle, "P先生说他不知道。S先生说他早知道P不知道。\n\n积为6的 (2,3) 早在第一句就被排除了。",
                        context=ctx)
    assert right.label == -1


def test_an_exact_list_just_read_tells_where_at_this_point_stands(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    text = ("- Once-only days: 13 (Mar), 20 (May). Albert can vouch that Bernard doesn't know only if his month avoids "
            "both → Apr or Jun.\n- Remaining: Apr 14, Apr 17, Apr 19, Jun 12, Jun 19. At this point Bernard already "
            "knows the date.\n- Bernard's statement (\"At first I don't know, but now I know\"): 19 is shared by April "
            "and June, so it goes.")  # one step that goes on to Bernard's statement: the claim is pinned before it
    report = audit_trace(ctx.puzzle, text, context=ctx)
    (claim,) = [c for c in report.claims() if c.record.text.startswith("At this point")]
    assert claim.verdict.verdict == "premature"  # Bernard knows only after his own statement
    assert report.label == 0


def test_a_dash_saying_the_statement_already_settles_it_dates_the_claim(ctxs):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    early = audit_trace(ctx.puzzle, "The father says at least one of us is muddy.\n\nNobody steps forward.\n\n"
                        "So there must be exactly two muddy children — nobody stepping forward already pins it down.\n\n"
                        "Then every muddy child knows.", context=ctx)
    assert early.label == 2


WRONG_ANSWER = ("Albert says he doesn't know and knows Bernard doesn't know either. So the month is July or August.\n\n"
                "Bernard now knows, so 14 goes. Left: July 16, August 15, August 17.\n\n"
                "I think the birthday is probably August 17.\n\n**Answer: August 17**")


def test_a_wrong_answer_is_an_error_where_it_is_first_concluded(ctxs):
    ctx = ctxs("cheryl.txt")
    report = audit_trace(ctx.puzzle, WRONG_ANSWER, context=ctx)
    assert report.label == 2 and report.steps[2].wrong_answer  # a hedge, but the answer it names is the final one
    headline = audit_trace(ctx.puzzle, "**August 17.**\n\n" + WRONG_ANSWER, context=ctx)
    assert headline.label == 3  # the opening summary is no step of the reasoning
    right = audit_trace(ctx.puzzle, WRONG_ANSWER.replace("**Answer: August 17**", "**Answer: July 16**"), context=ctx)
    assert right.label == -1  # with a right final answer the hedge stays unchecked


def test_the_sums_of_two_primes_are_a_class_credited_to_a_statement(ctxs):
    from epistemic.audit.classes import two_prime_sums
    assert two_prime_sums(False)[:6] == (4, 5, 6, 7, 8, 9) and 11 not in two_prime_sums(False)
    assert 4 not in two_prime_sums(True) and 6 not in two_prime_sums(True) and 8 in two_prime_sums(True)
    ctx = ctxs("sum_product.txt")
    early = audit_trace(ctx.puzzle, "P says he cannot determine the numbers.\n\nSo P's first statement already rules "
                        "out every sum that can be written as a sum of two distinct primes.", context=ctx)
    assert early.label == 1  # S's statement does that: 10 = 3 + 7 survives P's (2 × 8 = 4 × 4 … is ambiguous)
    zh = audit_trace(ctx.puzzle, "P说他不知道。\n\n所以所有能拆成两个素数之和的和都已经被 P先生的第一句话排除了。", context=ctx)
    assert zh.label == 1
    right = audit_trace(ctx.puzzle, "P says he cannot determine the numbers.\n\nS says he knew that.\n\nSo S's statement "
                        "rules out every sum that can be written as a sum of two primes.", context=ctx)
    assert right.label == -1


def test_a_bare_number_under_the_sums_named_before_it_is_a_sum(ctxs):
    from epistemic.audit.topics import topic_exclusions
    ctx = ctxs("impossible.txt")
    (claim,) = topic_exclusions(ctx.lexicon, "Large sums: every sum above 54 has a split with a prime over 50. So 53 "
                                "dies too.")
    assert claim.key.formula == ("Compare", "!=", ("Arith", "+", ("Var", "x"), ("Var", "y")), ("Const", 53))
    assert not topic_exclusions(ctx.lexicon, "The product 52 has one split. So 53 dies too.")  # a product topic
    assert not topic_exclusions(ctx.lexicon, "Every sum above 54 goes, and 2 + 51 dies.")  # inside an expression
    report = audit_trace(ctx.puzzle, "P says he cannot determine the numbers.\n\nLarge sums: every sum above 54 has a "
                         "split with a prime over 50. So 53 dies too.\n\nS says he knew that.\n\nThen P says he now "
                         "knows the numbers.\n\nS says he now knows them too.", context=ctx)
    assert report.label == 1  # 53 survives S's statement (282 = 6 × 47 = 3 × 94); the trace reaches where it goes
    # (session 17: "S says he knew that" is S's first statement, no longer his last; the claim is premature only if
    # the trace goes on to the statement that removes 53)


def test_a_heading_on_a_speakers_certainty_names_the_statement(ctxs):
    ctx = ctxs("impossible.txt")
    report = audit_trace(ctx.puzzle, "### Step 1\nP can't determine the numbers.\n\n### Step 2: What S's certainty "
                         "means\nSo the sum is odd, and 51 is also excluded.", context=ctx)
    (claim,) = [c for c in report.claims() if c.formula == "x + y != 51"]
    assert claim.verdict.verdict == "entailed" and claim.verdict.stage == 2 and report.label == -1


def test_a_closing_line_naming_the_answer_is_judged_after_the_whole_dialogue(ctxs):
    ctx = ctxs("sum_product.txt")
    outline = ('* **P: "don\'t know"** → product has ≥ 2 valid factor pairs.\n* **S: "knew you didn\'t"** → every '
               'split is ambiguous.\n* **P: "now I know"** → 86 pairs survive.\n* **S: "now I know too"** → 17 → only '
               '(4,13) ✓\n\n')
    report = audit_trace(ctx.puzzle, "**Constraints:** 1 < x < y, x + y ≤ 100.\n\n" + outline + "**→ (x, y) = (4, 13).**",
                         context=ctx)
    assert report.label == -1 and report.final_answer_correct
    wrong = audit_trace(ctx.puzzle, "**Constraints:** 1 < x < y, x + y ≤ 100.\n\n" + outline + "**→ (x, y) = (4, 14).**",
                        context=ctx)
    assert wrong.label == 2 and not wrong.final_answer_correct


def test_an_adverb_inside_must_be_still_states_the_candidates(ctxs):
    ctx = ctxs("card16.txt")
    early = audit_trace(ctx.puzzle, "P says he doesn't know.\n\nAfter P's first statement the card must therefore be a "
                        "heart or a diamond.\n\nQ says: I knew you didn't know.", context=ctx)
    assert early.label == 1  # hearts or diamonds only after Q's statement
    right = audit_trace(ctx.puzzle, "P says he doesn't know.\n\nQ says: I knew you didn't know.\n\nSo the card must "
                        "therefore be a heart or a diamond.", context=ctx)
    assert right.label == -1


def test_a_unique_split_is_qualified_only_by_its_own_clause(ctxs):
    ctx = ctxs("impossible.txt")
    text = ("For the odd sums left, I checked splits that contain a prime: 35 falls because 35 = 4 + 31 and 124 can "
            "only be written as 4 × 31.")
    (claim,) = [c for c in audit_trace(ctx.puzzle, text, context=ctx).claims() if c.record.kind == "split"]
    assert claim.verdict.verdict == "false"  # 124 = 2 × 62 too
    left = audit_trace(ctx.puzzle, "Among the pairs left, 124 can only be written as 4 × 31.", context=ctx)
    assert not [c for c in left.claims() if c.record.kind == "split"]  # the pairs of a stage: not read


def test_what_is_left_then_its_items_is_no_case_label(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    text = '阿里说："我不知道，而且我知道波也不知道。"那阿里的月份里不能有唯一的日子。4月有28，排除；6月有29，排除；3月有19，也排除。只剩7月：7月16、7月17、7月19。'
    report = audit_trace(ctx.puzzle, text, context=ctx)
    assert report.label == 0  # March stays: 19 is in July too
    right = audit_trace(ctx.puzzle, text.replace("3月有19，也排除。只剩7月：7月16、7月17、7月19。",
                                                 "只剩3月和7月：3月18、3月19、7月16、7月17、7月19。"), context=ctx)
    assert right.label == -1


# ------------------------------------------------------------- traces_q* (opened at the end of session 10)


def test_a_bracketed_relative_after_the_speaker_is_skipped(ctxs):
    ctx = ctxs("cheryl.txt")
    report = audit_trace(ctx.puzzle, "Albert says he doesn't know and knows Bernard doesn't know either. So July or "
                         "August.\n\nBernard (who has the day) then says he didn't know at first but now does. If his "
                         "day were 14, he would still be stuck, so it isn't 14. That leaves July 16, August 15 and "
                         "August 17.", context=ctx)
    assert report.steps[1].reached == 2 and report.label == -1


def test_a_term_times_a_letter_states_no_value(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, "The product is 53·k with 2 ≤ k ≤ 47.", context=ctx)
    assert not [c for c in report.claims() if c.record.kind == "candidates"]


def test_a_silence_narrated_in_other_words_is_a_cue(ctxs):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    for sentence in ("No one stepped forward.", "Since no one moves, at least two are muddy.", "Nobody did, so at least "
                     "two are muddy.", "第一次问的时候没有人站出来。"):
        assert [c.stage for c in ctx.aligner.inner_cues(sentence, 1)] == [2], sentence
    assert not ctx.aligner.inner_cues("Each child sees the others' foreheads.", 1)
