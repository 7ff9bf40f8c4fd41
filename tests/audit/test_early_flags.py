"""Misreadings that flagged an error row before its first error (session 39, tuning split): certain readings of a
case or of what is left, which a wrong final answer then corroborated. Each is checked both ways."""
from tests.audit.reading import audit as _audit


def _verdicts(report, kind):
    return [(c.formula, c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims
            if c.record.kind == kind]


def test_the_list_after_eliminated_and_a_colon_is_what_remains(ctxs):
    """"Day 19 appears twice, so it's eliminated: 3/18, 7/16, 7/17 remain." names what is left after Bo's statement
    (true there), not three dates removed; "so these are eliminated: 3/19, 7/19" still removes its list."""
    ctx = ctxs("cheryl_cam.txt")
    lead = ('Ali: "I don\'t know when the anniversary is, but I know that Bo doesn\'t know too." So the month is March '
            'or July: 3/18, 3/19, 7/16, 7/17, 7/19.\n\nBo: "At first I don\'t know, but I know now." ')
    report = _audit(ctx, lead + "Day 19 appears twice, so it's eliminated: 3/18, 7/16, 7/17 remain.")
    assert report.label == -1 and _verdicts(report, "exclusion") == []
    removed = _audit(ctx, lead + "Day 19 appears twice, so these are eliminated: 3/19, 7/19.")
    assert [v for _, v, _ in _verdicts(removed, "exclusion")] == ["entailed"]


def test_a_relation_that_would_need_something_is_supposed(ctxs):
    """"All three equal? a = b = c would need a = a + a. Impossible.": a = b is the case weighed, not claimed; "so
    a = b" alone is claimed (false at the start)."""
    ctx = ctxs("what_sum.txt")
    assert all(not certain for _, _, certain in
               _verdicts(_audit(ctx, "All three equal? a = b = c would need a = a + a. Impossible."), "term bound"))
    assert ("a = b", "false", True) in _verdicts(_audit(ctx, "So a = b."), "term bound")


def test_the_cases_listed_after_exactly_when_are_cases(ctxs):
    """"So Alice knows exactly when one option dies: b = c or b + c > 50": b = c is one of the cases in which she
    would know, not a claim that b = c."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "So Alice knows exactly when one option dies: b = c (then a must be 2b) or b + c > 50.")
    assert all(not certain for _, _, certain in _verdicts(report, "term bound"))


def test_what_an_agent_sees_there_is_a_case(ctxs):
    """"Alice there sees 1 and 2, a ∈ {3, 1}" (in the world being checked): Alice's options in that world, like
    "Alice sees 1 and 2, a ∈ {3, 1}", not the candidates of the stage."""
    ctx = ctxs("what_sum.txt")
    for text in ("Is (1, 1, 2) still around? Alice there sees 1 and 2, a ∈ {3, 1}, unsure, so yes.",
                 "Alice sees 1 and 2, a ∈ {3, 1}, unsure."):
        assert all(not certain for _, _, certain in _verdicts(_audit(ctx, text), "candidates")), text


def test_who_looks_at_which_numbers(ctxs):
    """"Bob is looking at a and b" and "能同时看到a和b的是鲍勃" / "the one who sees a and b is Bob" give Bob Carol's view
    (Bob sees a and c): a wrong agent, false from the start; with Carol, or with a and c, they hold."""
    ctx = ctxs("what_sum.txt")
    for text, verdict in (("Next, Bob's turn. Bob is looking at a and b.", "false"),
                          ("Bob is looking at a and c.", "entailed"),
                          ("能同时看到a和b的是鲍勃，可是b就是鲍勃自己的数。", "false"),
                          ("The one who sees a and b is Bob.", "false"),
                          ("The one who sees a and b is Carol.", "entailed")):
        assert [v for _, v, _ in _verdicts(_audit(ctx, text), "told")] == [verdict], text


def test_a_relation_before_de_shihou_is_a_case(ctxs):
    """"a = b的时候，c = a + b = 2a": when a = b, a case weighed, not a claim that a = b."""
    ctx = ctxs("what_sum.txt")
    assert all(not certain for _, _, certain in _verdicts(_audit(ctx, "a = b的时候，c = a + b = 2a。"), "term bound"))


def test_a_bulleted_line_labelled_by_a_silent_round_dates_what_it_says(ctxs):
    """"- *Round 2 silence.* … Nobody did, so there must be at least four muddy children." in a recap of the rounds:
    the line is about the second silence, where only "at least three" holds, so "at least four" is premature; "at
    least three" there holds."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})

    def recap(bound: str) -> str:
        return ("**Four children are muddy.**\n\n"
                "- *Round 1 silence.* A lone muddy child would have known at once. Nobody moved, so at least two are "
                "muddy.\n"
                "- *Round 2 silence.* With exactly two muddy children, both would have come forward. Nobody did, so "
                f"there must be at least {bound} muddy children.\n"
                "- *Round 3 silence.* With exactly three, each would have known after the second silence; again no "
                "one stepped forward.\n"
                "- *Now they know.* With exactly four, each muddy child sees three and knows.\n\nHence exactly four.")
    assert _audit(ctx, recap("four")).label == 1
    assert _audit(ctx, recap("three")).label == -1


def test_a_silence_after_the_round_the_sentence_before_names(ctxs):
    """"- If exactly two were muddy, … they would step forward at the second question. Nobody does, so there are at
    least three." in one bulleted step: the silence told is the second one (the round the sentence before names),
    where "at least three" holds; said after the first silence alone, "at least three" is premature."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 3})

    def trace(second: str) -> str:
        return ("With three children and all three muddy, each child sees two muddy foreheads.\n\n"
                "- If only one child were muddy, that child would step forward at the first question. Nobody does, "
                "so everyone learns there are at least two muddy children.\n"
                f"- {second}\n"
                "- Each child sees two muddy faces and now knows there are at least three, so each concludes they are "
                "muddy themselves.\n\nAt the third question all three step forward: every muddy child knows it "
                "is muddy.\n\n**Answer:** all 3 children are muddy.")
    right = trace("If exactly two were muddy, each of them would see one muddy face and, after the first silence, "
                  "realize they must be the second; they would step forward at the second question. Nobody does, so "
                  "there are at least three.")
    assert _audit(ctx, right).label == -1
    early = trace("So right after the first silence there are at least three.")
    assert _audit(ctx, early).label == 1


def test_a_bold_number_before_a_colon_is_still_a_number(ctxs):
    """"只出现一次的日子是 **13** 和 **20**：…": both days are read (the second's bold marks stood before a colon),
    so the singletons are right; "只出现一次的日子是 **13**：…" alone misses 20."""
    from epistemic.audit.segment import plain

    assert plain("是 **13** 和 **20**：伯纳德") == "是   13   和   20  ：伯纳德"
    ctx = ctxs("cheryl_variant.txt")
    right = _audit(ctx, "只出现一次的日子是 **13** 和 **20**：伯纳德如果拿到这两个日子，一开始就能知道生日。")
    assert [v for _, v, _ in _verdicts(right, "singletons")] == ["entailed"]


def test_gone_after_a_named_statement_is_dated_by_it(ctxs):
    """"And ♠4 was already gone after P's first statement": the exclusion is dated by the statement it names, where
    ♠4 (a repeated rank) survives: premature (it goes with Q's statement); "♠J was already gone after P's first
    statement" holds."""
    ctx = ctxs("card16.txt")
    lead = "Statement 2 knocks out the clubs that survived statement 1: ♣Q, ♣5, ♣4. "
    wrong = _audit(ctx, lead + "And ♠4 was already gone after P's first statement.")
    assert ("not (suit = spades and rank = 4)", "premature", True) in _verdicts(wrong, "exclusion")
    right = _audit(ctx, lead + "And ♠J was already gone after P's first statement.")
    assert [v for _, v, _ in _verdicts(right, "exclusion")] == ["entailed"]


def test_out_and_a_second_subject_are_two_claims(ctxs):
    """"So hearts is out and the suit is diamonds": what went, then a second subject with its value, two claims (they
    were one clause with two suits, and nothing was read)."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, "So hearts is out and the suit is diamonds.")
    read = {c.formula for st in report.steps for c in st.claims if c.record.kind in ("exclusion", "candidates")}
    assert read == {"suit != hearts", "suit = diamonds"}
