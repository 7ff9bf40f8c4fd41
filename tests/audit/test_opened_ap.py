"""Readings from the correct-only sets traces_ap* (session 24: written to hunt false alarms, each row correct), each
checked both ways: the true sentence passes, and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad


def test_a_pronoun_credit_names_the_sentence_before_not_a_quote_further_back(ctxs):
    """'"I don't know" is automatic … he *knows* Bernard doesn't know. … his month can't contain either of them. That
    rules out May and June in one stroke.': "That" is what he knows (right); 'Albert: "I don't know." That rules out
    May and June.' credits them to the "I don't know" clause alone (wrong)."""
    ctx = ctxs("cheryl.txt")
    right = ("**Answer: July 16.**\n\nHere's why, in three moves.\n\n**Albert's first line.** Albert was told the "
             "month. \"I don't know\" is automatic — no month on the list "
             "has only one date — so the weight is on the second half: he *knows* Bernard doesn't know. Bernard would "
             "know outright only if his day were unique on the list, and exactly two days are: 18 (June 18) and 19 "
             "(May 19). For Albert to be sure Bernard is in the dark, his month can't contain either of them. That "
             "rules out May and June in one stroke. Left: July 14, July 16, August 14, August 15, August 17.")
    assert not _bad(_audit(ctx, right))
    assert _bad(_audit(ctx, "**Albert's first line.** Albert says \"I don't know\". That rules out May and June."))


def test_knowing_already_before_another_spoke_knows_the_statement_not_the_card(ctxs):
    """"注意，这句话说的是P先生开口之前，Q先生就已经知道了。" explains Q's "I knew you didn't know" (no claim that Q knew
    the card); "所以Q先生现在已经知道这张牌了。" right after Q's statement is premature."""
    ctx = ctxs("card16.txt")
    head = "P先生说：我不知道这张牌。\n\nQ先生说：我知道你不知道这张牌。\n\n"
    tail = "\n\nP先生说：现在我知道这张牌了。\n\nQ先生说：我也知道了。"
    assert not _bad(_audit(ctx, head + "注意，这句话说的是P先生开口之前，Q先生就已经知道了。" + tail))
    assert _bad(_audit(ctx, head + "所以Q先生现在已经知道这张牌了。" + tail))


CARD16_CHECK = ("P: I don't know. Q: I knew you didn't know. P: now I know. Q: now I know too.\n\n"
                "After all four statements only D5 is left.\n\n"
                "Wait, let me double-check H4 survived the {} statement properly: 4 appears in hearts, spades and "
                "clubs, so a P holding a 4 didn't know. Yes.")


def test_a_check_that_a_value_survived_a_named_statement_is_dated_by_it(ctxs):
    """"double-check H4 survived the first statement properly: … a P holding a 4 didn't know" is about the first
    statement (right, though after P's second statement a P with a 4 knows); said of the third statement it is false."""
    ctx = ctxs("card16.txt")
    assert not _bad(_audit(ctx, CARD16_CHECK.format("first")))
    assert _bad(_audit(ctx, CARD16_CHECK.format("third")))


CONSECUTIVE = "Anne: I don't know your number.\n\nBill: I don't know your number.\n\nAnne: I know your number. {}"


def test_equalities_of_one_variable_listed_are_one_list(ctxs):
    """"Survivors: a = 1 (b = 2), a = 2 (b = 3), a = 8 (b = 7), a = 9 (b = 8)." after the dialogue lists a's values
    (right); the same list without a = 9 leaves one out (wrong)."""
    ctx = ctxs("consecutive.txt")
    assert not _bad(_audit(ctx, CONSECUTIVE.format("Survivors: a = 1 (b = 2), a = 2 (b = 3), a = 8 (b = 7), "
                                                   "a = 9 (b = 8).")))
    assert _bad(_audit(ctx, CONSECUTIVE.format("Survivors: a = 1 (b = 2), a = 2 (b = 3), a = 8 (b = 7).")))


def test_numbers_after_row_are_labels(ctxs):
    """"Anne's options are a ± 1, minus whatever rows 1–2 removed." names rows, not values of a (no claim that a ≠ 2);
    "minus a = 2, which is removed." is an exclusion (false: (2, 3) survives)."""
    ctx = ctxs("consecutive.txt")
    assert not _bad(_audit(ctx, CONSECUTIVE.format("Anne's options are a ± 1, minus whatever rows 1–2 removed.")))
    assert _bad(_audit(ctx, CONSECUTIVE.format("So a = 2 is removed.")))


def test_a_term_after_has_is_no_variable_held(ctxs):
    """"So if Anne has a, Bill has a−1 or a+1." says what Bill's number is, not that Bill holds a (no claim); "Bill
    has a." gives him Anne's number (wrong at the start)."""
    ctx = ctxs("consecutive.txt")
    assert not _bad(_audit(ctx, "Alright: so if Anne has a, Bill has a−1 or a+1 (within 0..10)."))
    assert _bad(_audit(ctx, "Alright: Anne holds b and Bill holds a."))


def test_chinese_knowledge_of_a_denied_value_is_knowledge_of_that_fact(ctxs):
    """"比尔现在也知道a不是0或10。" after Bill's statement: he knows that fact, not a (right); "比尔现在知道a了。" is
    premature (he never learns a in this puzzle's dialogue before Anne's last statement: false)."""
    ctx = ctxs("consecutive.txt")
    head = "安妮说\"我不知道你的数\"。\n\n比尔说\"我不知道你的数\"。{}\n\n安妮说\"我知道你的数\"。"
    assert not _bad(_audit(ctx, head.format("比尔现在也知道a不是0或10。")))
    assert _bad(_audit(ctx, head.format("比尔现在知道a了。")))



MUDDY_SILENT = ("Father says at least one is muddy. So at least 1.\n\n"
                "If exactly 1 were muddy, that child would know at question 1. Nobody steps forward. So at least 2.\n\n"
                "If exactly 2 were muddy, they'd know at question 2. Nobody steps forward. So at least 3.\n\n"
                "Same pattern: exactly 3 → they'd know at question 3. {} So at least 4.\n\n"
                "Exactly 4 → they'd know at question 4. Nobody steps forward. So at least 5: all five are muddy.")


def test_a_sentence_that_is_only_silent_is_the_next_round_of_silence(ctxs):
    """"Same pattern: exactly 3 → they'd know at question 3. Silent. So at least 4." (five muddy children): "Silent."
    is the third silence, after which at least 4 are muddy (right); without it the bound comes a round early."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 5})
    assert not _bad(_audit(ctx, MUDDY_SILENT.format("Silent.")))
    assert not _bad(_audit(ctx, MUDDY_SILENT.format("Silent again.")))
    assert _bad(_audit(ctx, MUDDY_SILENT.format("Hmm.")))


IMPOSSIBLE_CHECK = ("**The numbers are 4 and 13.**\n\nLet me show that this pair fits the conversation.\n\n"
                    "**{} (4, 13) fit?**\n- P is told 52. Within 2 ≤ x ≤ y ≤ 99 that's either 2 × 26 or 4 × 13, so "
                    "he can't determine them. ✓\n- S is told 17. Its splits are (2,15), (3,14), (4,13), (5,12), "
                    "(6,11), "
                    "(7,10), (8,9), with products 30, 42, 52, 60, 66, 70, 72. ✓\n- P now reasons: was it 2 + 26 = 28 "
                    "or 4 + 13 = 17? So it's 4 and 13. ✓")


def test_a_heading_asking_whether_a_world_fits_checks_that_world(ctxs):
    """"**Does (4, 13) fit?**" then bullets replaying the dialogue for (4, 13): what they say is said of that world,
    read as its case (no flag); under "**Step 1.**" the same bullets are read as claims about the stage."""
    ctx = ctxs("impossible.txt")
    checked = _audit(ctx, IMPOSSIBLE_CHECK.format("Does"))
    assert not _bad(checked)
    step = next(st for st in checked.steps if "fit?" in st.text)
    assert step.claims and not any(c.record.certain and c.record.kind == "candidates" for c in step.claims)
    plain = _audit(ctx, IMPOSSIBLE_CHECK.format("Does").replace("**Does (4, 13) fit?**", "**Step 1.**")
                   .replace("Its splits", "The splits"))  # ("Its splits": the sum's, a case since session 38)
    step = next(st for st in plain.steps if "Step 1." in st.text)
    assert any(c.record.certain and c.record.kind == "candidates" for c in step.claims)


def test_a_sum_labelled_by_its_count_of_pairs_labels_the_list(ctxs):
    """"23也是三对：(4, 19)、(7, 16)、(10, 13)。" names the pairs of the sum 23 (a case, no flag); "所以剩下三对：(4, 19)、
    (7, 16)、(10, 13)。" says they are all that is left (false)."""
    ctx = ctxs("impossible.txt")
    head = "S说：我知道你不知道。P说：现在我知道了。S说：我也知道了。\n\n如果和是11，有三对：(2, 9)、(3, 8)、(4, 7)，S没法确定。"
    tail = "\n\n所以答案是(4, 13)。"
    assert not _bad(_audit(ctx, head + "23也是三对：(4, 19)、(7, 16)、(10, 13)。" + tail))
    assert _bad(_audit(ctx, head + "所以剩下三对：(4, 19)、(7, 16)、(10, 13)。" + tail))


def test_a_count_with_a_thousands_separator_is_one_number(ctxs):
    """"**1,747 pairs left.**" after P's "I don't know" (Sum and Product, 2 ≤ x < y, x + y ≤ 100) is the count 1,747
    (right), not 747; "**1,750 pairs left.**" is a wrong count."""
    ctx = ctxs("sum_product.txt")
    line = "## 1. P: \"I don't know the numbers\"\np has at least two factorizations. **{} pairs left.**"
    assert not _bad(_audit(ctx, line.format("1,747")))
    assert _bad(_audit(ctx, line.format("1,750")))


def test_what_the_original_puzzle_eliminated_is_no_claim_here(ctxs):
    """"Wait, let me make sure I'm not mixing this up with the original puzzle, where it was May and June that got
    eliminated. Here it's March and May." (the variant: March and May go) says what the original puzzle did (no flag);
    "Here it was May and June that got eliminated." is false for the variant."""
    ctx = ctxs("cheryl_variant.txt")
    head = "Albert: I don't know, but I know Bernard doesn't know either. So March (13) and May (20) are out.\n\n"
    assert not _bad(_audit(ctx, head + "Wait, let me make sure I'm not mixing this up with the original puzzle, where "
                                       "it was May and June that got eliminated. Here it's March and May."))
    assert _bad(_audit(ctx, head + "Wait, here it was May and June that got eliminated."))


def test_not_knows_written_with_a_logic_sign(ctxs):
    """"- Anne ¬knows → a ∉ {0,10} → 18." is Anne's "I don't know": read as not knowing (no flag), where "- Anne
    knows → …" reads as knowing."""
    ctx = ctxs("consecutive.txt")
    lines = ("- Anne {} → a ∉ {{0,10}} → 18.\n- Bill ¬knows → b ∉ {{0,1,9,10}} → 14.\n"
             "- Anne knows → a ∈ {{1,2,8,9}} → 4.")

    def first_knowledge(text):
        return next(c.record.key.formula for c in _audit(ctx, text).claims() if c.record.kind == "knowledge")
    assert not _bad(_audit(ctx, lines.format("¬knows")))
    assert first_knowledge(lines.format("¬knows"))[0] == "Not"
    assert first_knowledge(lines.format("knows"))[0] != "Not"


def test_a_clause_after_whether_is_asked_not_said(ctxs):
    """"Hmm, so we're not asked for the numbers themselves, just whether they're all different." asks (no claim
    before the statements); "So they're all different." there is premature."""
    ctx = ctxs("what_sum.txt")
    tail = ("\n\nAlice: I don't know my number. So b ≠ c.\n\nBob: I don't know my number. So a ≠ c.\n\n"
            "Carol: I don't know my number. So a ≠ b: all different.")
    assert not _bad(_audit(ctx, "Hmm, so we're not asked for the numbers themselves, just whether they're all "
                                "different." + tail))
    assert _bad(_audit(ctx, "Hmm, so the numbers are all different." + tail))


def test_a_walk_on_through_the_rounds_is_not_dated_by_the_first_round(ctxs):
    """"after the father's remark at least 1, then at least 2, 3, 4 and — after the fourth silence — at least 5" walks
    through the rounds (right, five muddy children); "after the father's remark at least 2" is premature."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 5})
    head = ("Father: at least one of you is muddy. Nobody steps forward. Nobody steps forward. Nobody steps forward. "
            "Nobody steps forward. Now every muddy child knows.\n\n**All 5 children are muddy.** ")
    assert not _bad(_audit(ctx, head + "Each round of silence raises the lower bound by one: after the father's remark "
                                       "at least 1, then at least 2, 3, 4 and — after the fourth silence — "
                                       "at least 5."))
    assert _bad(_audit(ctx, head + "Each round of silence raises the lower bound by one: after the father's remark "
                                   "at least 2."))


def test_subscript_digits_label_a_speakers_statement(ctxs):
    """"Anne₁: ¬K_Anne(b)." is Anne's first statement, like "Anne1:" (the stage moves to it): "So a ∈ {1..9}." after it
    is right; after "Note: ¬K_Anne(b)." (no statement named) it is premature."""
    ctx = ctxs("consecutive.txt")
    tail = "\n\nSo a ∈ {1..9}.\n\nBill₁: ¬K_Bill(a). So b ∈ {2..8}.\n\nAnne₂: K_Anne(b)."
    assert _audit(ctx, "Anne₁: ¬K_Anne(b)." + tail).steps[1].stage == 1
    assert not _bad(_audit(ctx, "Anne₁: ¬K_Anne(b)." + tail))
    assert _bad(_audit(ctx, "Note: everything is possible." + tail.replace("Bill₁", "Bill")))


def test_a_set_after_a_set_difference_sign_is_removed(ctxs):
    """"Ω₁ = Ω ∖ {(0,1), (10,9)}" after Anne's statement removes those pairs (right); "Ω₁ = Ω ∖ {(1,2), (10,9)}" removes
    a pair that survives (wrong)."""
    ctx = ctxs("consecutive.txt")
    line = "Anne₁: ¬K_Anne(b). Anne knows b iff a ∈ {{0, 10}}.\n  Ω₁ = Ω ∖ {{{}, (10,9)}}   |Ω₁| = 18"
    assert not _bad(_audit(ctx, line.format("(0,1)")))
    assert _bad(_audit(ctx, line.format("(1,2)")))


def test_a_table_keyed_by_a_variable_makes_each_row_its_case(ctxs):
    """"| a | 可能的 b | 安妮第1句后 | 比尔发言后 |" with rows "| 1 | 0, 2 | ✓ | 只剩 b=2 |": each row is said of its
    value of a (no flag); the same cells under a header keyed by nothing ("| # | …") are claims about the stage."""
    ctx = ctxs("consecutive.txt")
    table = ("{} | 可能的 b | 安妮第1句后 | 比尔发言后 |\n|---|---|---|---|\n| 1 | 0, 2 | ✓ | 只剩 b=2 |\n"
             "| 2 | 1, 3 | ✓ | 只剩 b=3 |\n| 8 | 7, 9 | ✓ | 只剩 b=7 |\n| 9 | 8, 10 | ✓ | 只剩 b=8 |")
    assert not _bad(_audit(ctx, table.format("| a")))
    assert _bad(_audit(ctx, table.format("| #")))


WHAT_SUM_ZH = ("爱丽丝看到b和c。如果b = c，她就知道a = 2b。所以爱丽丝说不知道，就说明b ≠ c。\n\n"
               "鲍勃看到a和c。同样，如果a = c，他的数只能是2a，他就知道了。{}所以a ≠ c。\n\n"
               "卡罗尔说不知道，所以a ≠ b。三个数互不相同。")


def test_a_labelled_speaker_says_and_a_pronoun_speaker_move_the_stage(ctxs):
    """What Sum's statements have no speaker but their labels ("Alice: I don't know my number."): "爱丽丝说不知道" is
    Alice's, and "他说不知道" after "鲍勃看到a和c。… 他就知道了。" is Bob's, so "所以a ≠ c" follows it (right); without
    Bob's "I don't know" the step concludes a ≠ c early."""
    ctx = ctxs("what_sum.txt")
    assert not _bad(_audit(ctx, WHAT_SUM_ZH.format("他说不知道，")))
    assert _bad(_audit(ctx, WHAT_SUM_ZH.format("")))
    assert _audit(ctx, "Alice says she does not know, so b ≠ c.\n\nBob says he does not know.").steps[1].stage == 1


def test_a_what_sum_triple_is_no_list_of_one_number(ctxs):
    """"Example of a triple that only the last statement removes: (5, 5, 10)." names a world, not values of a (no
    claim that Carol's statement removes a = 5 or a = 10); "the last statement removes a = 5" is false."""
    ctx = ctxs("what_sum.txt")
    head = ("Alice: I don't know my number.\n\nBob: I don't know my number.\n\nCarol: I don't know my number.\n\n")
    assert not _bad(_audit(ctx, head + "Example of a triple that only the last statement removes: (5, 5, 10)."))
    assert _bad(_audit(ctx, head + "Example: the last statement removes a = 5."))


def test_another_subject_after_and(ctxs):
    """"So Cheryl is 9, and the bus is number 17." and "…, and her brothers are 4.": the numbers after "and" are the
    bus's and the brothers', not Cheryl's age (read in session 30); "So Cheryl is 9, and the answer is 9." stays."""
    ctx = ctxs("cheryls_age.txt")

    def ages(text):
        return [c.formula for st in _audit(ctx, text).steps for c in st.claims if "cheryl" in c.formula]
    assert ages("So Cheryl is 9, and the bus is number 17.") == ["cheryl = 9"]
    assert ages("So Cheryl is 9, and her brothers are 4.") == ["cheryl = 9"]
    assert ages("So Cheryl is 9, and she is 17.") != ["cheryl = 9"]
