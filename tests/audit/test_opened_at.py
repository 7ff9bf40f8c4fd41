"""Readings from traces_at* (60 rows in the styles of textbook, tutoring, StackExchange and competition write-ups and of
raw reasoning monologues, written in session 25, scored blind at the start code and after two rounds of readings, then
opened), each checked both ways: the true sentence passes, and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad

CARD_LABELS = ("**Answer.** ♦5.\n\n*Notation.* P holds the rank, Q the suit. Statements: (1) P: \"I don't know the "
               "card.\" "
               "(2) Q: \"I knew you didn't know.\" (3) P: \"Now I know.\" (4) Q: \"Now I know too.\"\n\n")


def test_labels_the_trace_gives_the_statements_name_them_later(ctxs):
    """"Statements: (1) P: … (2) Q: … (3) P: … (4) Q: …" defines the labels; "After (1), rank ∈ {A, Q, 4, 5}." is then
    at statement 1 (right), and "After (1), suit ∈ {♥, ♦}." is premature (Q's statement removes spades and clubs)."""
    ctx = ctxs("card16.txt")
    assert not _bad(_audit(ctx, CARD_LABELS + "**Claim 1.** After (1), rank ∈ {A, Q, 4, 5}."))
    assert _bad(_audit(ctx, CARD_LABELS + "**Claim 1.** After (1), suit ∈ {♥, ♦}."))
    # without the definition, "(1)" names nothing
    plain = CARD_LABELS.replace("(1) P", "P").replace("(2) Q", "Q").replace("(3) P", "P").replace("(4) Q", "Q")
    assert [st.reached for st in _audit(ctx, plain + "**Claim 1.** After (1), rank ∈ {A, Q, 4, 5}.").steps][-1] == 0


def test_a_claim_stated_before_its_proof_reaches_what_the_proof_reaches(ctxs):
    """"**Claim 4.** The card is ♦5." then "*Proof.* … contradicting (4). …": the claim is what the proof shows after
    statement 4; under a proof that reaches only statement 2 it is premature."""
    ctx = ctxs("card16.txt")
    claim = ("**Claim 4.** The card is ♦5.\n\n*Proof.* Case 1: suit ♥. Q faces ♥Q and ♥4 and cannot know, "
             "contradicting ({}). ∎")
    assert not _bad(_audit(ctx, CARD_LABELS + claim.format(4)))
    assert _bad(_audit(ctx, CARD_LABELS + claim.format(2)))


def test_an_answer_label_before_a_yes_headline(ctxs):
    """"**Answer.** Yes — in every triple consistent with the three announcements, the numbers are pairwise distinct."
    opens a What Sum reply with its answer (a headline); "**Answer.** No — …" is a wrong answer."""
    ctx = ctxs("what_sum.txt")
    body = ("\n\nLet a, b, c be the numbers. (A) Alice does not know a; (B) Bob does not know b; (C) Carol does not "
            "know c."
            "\n\nEach of (A), (B), (C) rules out one equality: b = c, a = c, a = b.")
    right = _audit(ctx, "**Answer.** Yes — in every triple consistent with the three announcements, the numbers are "
                        "pairwise distinct." + body)
    assert right.final_answer_correct and not _bad(right)
    assert _audit(ctx, "**Answer.** No — two of the numbers can be equal." + body).final_answer_correct is False


def test_a_step_opening_on_a_value_and_a_colon_is_that_values_case(ctxs):
    """"4月19日：19日有4月19日和6月19日，两个。伯纳德还是不知道。排除。" checks April 19 (Bernard holding 19 would not know):
    not Bernard's knowledge of the stage; but after "hearts: A, Q and 4." P's not knowing is about the stage, since P
    sees the rank, not the suit (tests/audit/test_opened_ad.py), and a list under the label is the case's too."""
    ctx = ctxs("cheryl_variant.txt")
    said = "\n\n".join(f"{a.speaker}说：“{dict(a.texts)['zh']}”" for a in ctx.puzzle.announcements[:2])
    case = "4月19日：19日有4月19日和6月19日，两个。伯纳德还是不知道。排除。"
    assert not _bad(_audit(ctx, said + "\n\n" + case))
    assert _bad(_audit(ctx, said + "\n\n所以伯纳德还是不知道。"))


def test_a_line_opening_on_a_pattern_and_a_colon_is_that_patterns_case(ctxs):
    """"1. (2t, t, t): b = c. Alice sees t and t → knows a = 2t." states the pattern's condition, not that b = c now;
    "So b = c." after the three statements is false."""
    ctx = ctxs("what_sum.txt")
    said = "\n\n".join(f"{dict(a.texts)['en']}" for a in ctx.puzzle.announcements)
    shapes = ("Three shapes:\n1. (2t, t, t): b = c. Alice sees t and t → knows a = 2t. Her \"I don't know\" removes "
              "this."
              "\n2. (t, 2t, t): a = c. Bob sees t and t → his b is 2t.\n3. (t, t, 2t): a = b. Carol sees t and t.")
    assert not _bad(_audit(ctx, said + "\n\n" + shapes))
    assert _bad(_audit(ctx, said + "\n\nSo b = c."))


def test_a_speakers_initial_and_number_label_their_statement_in_logic_notation(ctxs):
    """"A₁: ¬K_A(date) ∧ K_A(¬K_B(date)). … W₁ = {Jul 14, …}", "B₁: K_B(date).", "A₂: K_A(date) ⇒ W₃ = {Jul 16}":
    Albert's first and second statements and Bernard's, by initial (Albert is the only agent whose name starts with
    A) and number; the 14ths removed at A₁ are removed one statement early."""
    ctx = ctxs("cheryl.txt")
    text = ("Let W be the 10 dates.\n\nA₁: ¬K_A(date) ∧ K_A(¬K_B(date)). This removes {}: W₁ = {{{}}}.\n\n"
            "B₁: K_B(date).\n\nA₂: K_A(date) ⇒ W₃ = {{Jul 16}}.")
    right = _audit(ctx, text.format("May and June", "Jul 14, Jul 16, Aug 14, Aug 15, Aug 17"))
    assert [st.stage for st in right.steps] == [0, 1, 2, 3] and not _bad(right)
    assert _bad(_audit(ctx, text.format("May, June and the 14ths", "Jul 16, Aug 15, Aug 17")))
