"""Step labels, month abbreviations, cases held by an agent, who said what, and dialogue outlines: readings added
after the traces_k* blind set (one hand-written case each, with the near miss that must not be read)."""

import pytest

from epistemic.audit import audit_trace
from epistemic.audit.claims import ClaimMemo, extract_records
from epistemic.audit.speakers import speaker_records


@pytest.mark.parametrize("opening, current, stage", [
    ("Step two — Bernard. He now knows the month is April or June.", 1, 2),
    ("Step three — Albert now knows.", 2, 3),
    ("Step 2: Bernard.", 1, 2),
    ("第二步：伯纳德。", 1, 2),
    ("Step 3: Albert's statement.", 0, None),  # the trace's own step 3 is Albert's first statement: no label
    ("Step 2 — Albert.", 1, None),  # Albert does not make the next statement
    ("Step three — Bernard.", 1, None),  # Bernard's statement is the second
])
def test_a_numbered_label_names_the_next_statement_only_when_speaker_and_number_agree(ctxs, opening, current, stage):
    k, how = ctxs("cheryl_variant.txt").aligner.locate(opening, current)
    assert (k if how == "label" else None) == stage


def test_month_abbreviations_are_the_months(ctxs):
    ctx = ctxs("cheryl.txt")
    (r,) = [r for r in extract_records(ctx.lexicon, "Candidates: July 14, July 16, Aug 14, Aug 15, Aug 17.", False,
                                       ClaimMemo()) if r.kind == "candidates"]
    assert len(r.key.witnesses) == 5
    trace = ("Albert is sure Bernard doesn't know, so May and June are out. Candidates: July 14, July 16, Aug 14, "
             "Aug 15, Aug 17.\n\nBernard now knows, so 14 is out. Albert then knows: July 16.")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == -1


def test_an_agent_holding_a_value_is_a_case_not_a_survivor(ctxs):
    ctx = ctxs("cheryl.txt")

    def possible(sentence):
        return [r for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "possible"]
    assert possible("Albert with August is fine at step one.") == []
    assert len(possible("August is still possible.")) == 1


def speakers(ctx, text):
    return [r.key.formula for r in speaker_records(ctx.lexicon, text, ctx.aligner.quotes, ctx.aligner.speakers)]


def test_the_speakers_own_nth_statement_is_no_attribution(ctxs):
    ctx = ctxs("impossible.txt")
    assert speakers(ctx, "P的第二句话：P现在知道了。") == []
    assert speakers(ctx, "第二句话：P说他早就知道。") == [("Speaker", "P", (2,))]


def test_a_quote_is_given_to_the_agent_who_says_it_not_to_an_earlier_speaker(ctxs):
    ctx = ctxs("sum_product.txt")
    assert speakers(ctx, "first P says he doesn't know; then there's \"I knew you didn't know\"; then more.") == []
    assert speakers(ctx, "S says, \"I knew you didn't know.\"") == [("Speaker", "S", (2,))]
    assert speakers(ctx, "P then says: \"I knew you didn't know.\"") == [("Speaker", "P", (2,))]


@pytest.mark.parametrize("sentence", [
    "P can't determine the numbers; S knew that; P now can; S now can too.",
    "The exchange is: P is stuck, S already knew P would be stuck, P then gets it, S then gets it.",
])
def test_a_sentence_running_through_the_speakers_in_order_is_an_outline(ctxs, sentence):
    ctx = ctxs("impossible.txt")
    rest = ("\n\nP says: \"I don't know the numbers.\"\n\nS says: \"I knew you didn't know them.\"\n\n"
            "P says: \"Now I know them.\"\n\nS says: \"Now I know them too.\"")
    report = audit_trace(ctx.puzzle, f"We need 2 ≤ x ≤ y ≤ 99. S is told the sum, P the product. {sentence}" + rest,
                         context=ctx)
    assert report.labels[0] != -1
    wrong = "We need 2 ≤ x ≤ y ≤ 99. So P already knows the numbers." + rest
    assert audit_trace(ctx.puzzle, wrong, context=ctx).labels[0] == -1


def exclusions(ctx, sentence):
    from epistemic.language.printer import formula_source
    return [formula_source(r.claim(ctx.lexicon).formula, ctx.puzzle)
            for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "exclusion"]


@pytest.mark.parametrize("sentence, expected", [
    ("This rules out spades, clubs and both aces.", ["(not suit in {spades, clubs}) and rank != A"]),
    ("Spades, clubs and the aces are gone.", ["(not suit in {spades, clubs}) and rank != A"]),  # capitalised opening
    ("So the aces are eliminated by Q's statement.", ["rank != A"]),
    ("That disposes of the queens.", ["rank != Q"]),
    ("The aces are not eliminated by Q's statement.", []),
    ("The card is a heart or an ace.", []),  # a mixed list that is no elimination says nothing here
])
def test_eliminations_of_values_of_several_kinds_and_passives(ctxs, sentence, expected):
    assert exclusions(ctxs("card16.txt"), sentence) == expected


def test_values_joined_by_more_than_list_words_are_no_list_of_what_goes(ctxs):
    assert exclusions(ctxs("cheryl_cam.txt"), "The 19th occurs in both March and July and is excluded.") == []


def test_another_speakers_turn_of_statement_reported_is_a_wrong_attribution(ctxs):
    from epistemic.audit.speakers import swapped_speech
    ctx = ctxs("cheryl.txt")

    def swapped(sentence):
        recs = extract_records(ctx.lexicon, sentence, False, ClaimMemo())
        return [r.key.formula for r in swapped_speech(ctx.lexicon, recs, ctx.aligner.restated, ctx.aligner.speakers)]
    assert swapped("Next, Albert says that at first he didn't know the birthday but now he knows it.") == \
        [("Speaker", "Albert", (2,))]
    assert swapped("阿尔伯特说他起初不知道，但现在知道了。") == [("Speaker", "Albert", (2,))]
    assert swapped("Bernard says that at first he didn't know the birthday but now he knows it.") == []
    assert swapped("At first, Albert says he doesn't know, but he knows Bernard doesn't either.") == []
    assert swapped("Albert said he didn't know the date.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("So x + y ≤ 54.", "x + y <= 54"),
    ("The sum is at most 54.", "x + y <= 54"),
    ("而且x + y ≤ 54", "x + y <= 54"),
    ("So the sum is odd.", "(x + y) mod 2 = 1"),
    ("所以x + y一定是奇数", "(x + y) mod 2 = 1"),
    ("So every sum ≥ 55 is out, even or odd.", "x + y < 55"),  # a quantified subject ruled out
    ("every sum ≥ 55 gives S a chance", None),
    ("If the sum is odd, S knows.", None),  # a supposition, read but not certain
])
def test_bounds_and_parity_of_an_observed_term(ctxs, sentence, expected):
    from epistemic.language.printer import formula_source
    ctx = ctxs("impossible.txt")
    found = [formula_source(r.claim(ctx.lexicon).formula, ctx.puzzle)
             for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "term bound" and r.certain]
    assert found == ([expected] if expected else [])


def test_a_bound_is_judged_on_the_stages(ctxs):
    ctx = ctxs("impossible.txt")
    rest = "\n\nS says: \"I knew you didn't know them.\" So x + y ≤ 54."
    early = "P says: \"I don't know the numbers.\" So at this point x + y ≤ 54 already." + rest
    assert audit_trace(ctx.puzzle, early, context=ctx).label == 0
    domain = "P says: \"I don't know the numbers.\" So x + y ≤ 198, as before." + rest
    assert audit_trace(ctx.puzzle, domain, context=ctx).label == -1


def test_a_colon_after_an_elimination_of_named_values_opens_an_explanation(ctxs):
    ctx = ctxs("card16.txt")
    assert exclusions(ctx, "同时，A也被排除了：A在红桃和方块里各有一张。") == ["rank != A"]
    assert exclusions(ctx, "we eliminate: ♥A, ♦A") == ["not ((suit = hearts and rank = A) or (suit = diamonds and rank = A))"]


def test_a_chinese_full_stop_ends_the_reach_of_a_reference(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    trace = ("The father says at least one of you is muddy.\n\n"
             "如果恰好一个孩子有泥，他结合父亲的话马上就知道自己有泥，会站出来。没人站出来 → 至少两个有泥。")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == -1


@pytest.mark.parametrize("sentence, certain", [
    ("so a P holding a 4 still couldn't pin it down; ♥4 is out", True),
    ("the 4 is also found in spades and clubs, so a 4 would still leave P unsure → eliminate ♥4", True),
    ("With a Q, only ♥Q remains and ♠Q is out", False),  # the case's own list
])
def test_the_conclusion_of_a_worked_case_is_about_the_stage(ctxs, sentence, certain):
    ctx = ctxs("card16.txt")
    found = [r for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "exclusion"]
    assert found and found[-1].certain == certain


def test_the_teller_is_he_and_says_reaches_both_parts_of_a_compound(ctxs):
    from epistemic.audit.speakers import swapped_speech
    cards = ctxs("card16.txt")

    def swapped(ctx, sentence):
        recs = extract_records(ctx.lexicon, sentence, False, ClaimMemo())
        return [r.key.formula for r in swapped_speech(ctx.lexicon, recs, ctx.aligner.restated, ctx.aligner.speakers)]
    assert swapped(cards, "Here Mr. P is telling Mr. Q that he already knew Mr. Q could not know the card.") == \
        [("Speaker", "P", (2,))]
    assert swapped(cards, "Here Mr. Q is telling Mr. P that he already knew Mr. P could not know the card.") == []
    variant = ctxs("cheryl_variant.txt")
    assert swapped(variant, "Bernard opens by saying he doesn't know the date and is sure Albert doesn't either.") == \
        [("Speaker", "Bernard", (1,))]
    assert swapped(variant, "Albert opens by saying he doesn't know the date and is sure Bernard doesn't either.") == []


@pytest.mark.parametrize("sentence, kind, formula, certain", [
    ("hence x ≠ y", "term bound", ("Compare", "!=", ("Var", "x"), ("Var", "y")), True),
    ("So all the pairs with x = y are eliminated.", "exclusion",
     ("Not", ("Compare", "=", ("Var", "x"), ("Var", "y"))), True),
    ("if x = y, P would see a perfect square", "term bound", ("Compare", "=", ("Var", "x"), ("Var", "y")), False),
])
def test_a_relation_between_the_two_numbers(ctxs, sentence, kind, formula, certain):
    ctx = ctxs("impossible.txt")
    found = [(r.kind, r.key.formula, r.certain) for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo())
             if r.key.formula[-1] == ("Var", "y") or r.kind == "exclusion"]
    assert found == [(kind, formula, certain)]


def test_pairs_with_equal_numbers_are_not_all_gone_after_ps_first_statement(ctxs):
    ctx = ctxs("impossible.txt")
    trace = "P says he doesn't know. So all the pairs with x = y are eliminated by P's first statement."
    assert audit_trace(ctx.puzzle, trace, context=ctx).labels == [-1]  # 6 × 6 = 4 × 9: (6, 6) survives


@pytest.mark.parametrize("line, sums", [
    ("- 3 × 14 = 42 = 2 × 21 (sum 23), 6 × 7 = 42 (sum 12) → P can't know.", [(2, 21, 23, True), (6, 7, 12, False)]),
    ("| 2 + 15 | 30 | 3·10 (13), 5·6 (11) | 17, 11 | no |", [(3, 10, 13, True), (5, 6, 11, True)]),
    ("2 × 15 (30) is the product", []),  # a bracketed product says nothing more
])
def test_the_bracketed_sum_of_a_factor_pair_is_checked(ctxs, line, sums):
    ctx = ctxs("sum_product.txt")
    found = [r.key.formula for r in extract_records(ctx.lexicon, line, False, ClaimMemo())
             if r.kind == "arithmetic" and r.key.formula[2][1] == "+"]
    assert [(f[2][2][1], f[2][3][1], f[3][1], f[2][2][1] + f[2][3][1] == f[3][1]) for f in found] == sums


@pytest.mark.parametrize("sentence, codes", [
    ("So after P's first statement we already know the sum must be one of 11, 17, 23, 27, 29, 35, 37, 41, 47, 53",
     (11, 17, 23, 27, 29, 35, 37, 41, 47, 53)),
    ("So S's sum is in {11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53}.", (11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53)),
    ("那么S的和就已经只能是 11、17、23、27、29、35、37、41、47、53 中的一个了", (11, 17, 23, 27, 29, 35, 37, 41, 47, 53)),
])
def test_an_observed_term_said_to_lie_in_a_list(ctxs, sentence, codes):
    ctx = ctxs("sum_product.txt")
    found = [r.key.formula for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "candidates"]
    assert found == [("Member", ("Arith", "+", ("Var", "x"), ("Var", "y")), codes)]


def test_a_list_said_to_hold_already_is_dated_by_the_trace(ctxs):
    ctx = ctxs("sum_product.txt")
    rest = ("\n\nS says: \"I knew you didn't know them.\" So the sum is one of 11, 17, 23, 27, 29, 35, 37, 41, 47, 53."
            "\n\nP says: \"Now I know them.\"\n\nS says: \"Now I know them too.\"")
    early = "P says: \"I don't know the numbers.\" So we already know the sum must be one of 11, 17, 23, 27, 29, 35, " \
            "37, 41, 47, 53." + rest
    assert audit_trace(ctx.puzzle, early, context=ctx).label == 0
    fine = "P says: \"I don't know the numbers.\" So the product has two splits at least." + rest
    assert audit_trace(ctx.puzzle, fine, context=ctx).label == -1


def test_a_chinese_count_after_answer_and_a_bold_answer_before_a_verification(ctxs):
    from epistemic.audit.answers import _answer_of
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    assert _answer_of(ctx.lexicon, ctx.memo, "有3个孩子额头上有泥。") == ((3,),)
    cam = ctxs("cheryl_cam.txt")
    trace = ("Ali doesn't know and is sure Bo doesn't: April and June are out.\n\nBo now knows: 19 is out.\n\n"
             "Ali now knows: July would leave two, so March.\n\n→ **March 18**\n\n### Verification\n\n"
             "Take March 18: everything is consistent.")
    assert audit_trace(cam.puzzle, trace, context=cam).final_answer_correct
