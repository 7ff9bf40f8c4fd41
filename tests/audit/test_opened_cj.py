"""Readings from traces_cj* (32 tuning rows written in session 43 by helpers who never read the auditor), each
checked both ways."""
from tests.audit.reading import audit as _audit, bad


def _kinds(report, kind):
    return [(c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims if c.record.kind == kind]


def test_a_step_before_one_that_names_a_later_statement_covers_the_one_between(ctxs):
    """"P would know → gone. 9 cards left: …" right before 'Q "knew" P didn't know': P's first statement, unnamed;
    what it leaves holds there (true), not one statement early. Without Q's statement named next it stays early."""
    ctx = ctxs("card16.txt")
    lead = ("16 cards. P has the rank, Q the suit.\n\nRanks occurring once: J 8 2 7 3 (♠), K 6 (♣). P would know → "
            "gone. 9 cards left: ♥A ♥Q ♥4 ♠4 ♣Q ♣5 ♣4 ♦A ♦5.\n\n")
    named = _audit(ctx, lead + 'Q "knew" P didn\'t know → his suit has no singleton rank → not ♠, not ♣.')
    assert _kinds(named, "count") == [("entailed", True)] and bad(named) == []
    unnamed = _audit(ctx, lead + "So the suit has no singleton rank → not ♠, not ♣.")
    assert [v for v, _ in _kinds(unnamed, "count")] == ["premature"]


def test_deciding_whether_they_differ_is_the_question(ctxs):
    """"just decide whether, after three "I don't know"s, the three numbers must be pairwise distinct" asks; "so the
    three numbers are pairwise distinct" says it."""
    ctx = ctxs("what_sum.txt")
    asked = "So I just decide whether, after three answers, the three numbers must be pairwise distinct."
    assert _kinds(_audit(ctx, asked), "term bound") == []
    assert _kinds(_audit(ctx, "三个数是否两两不同？"), "term bound") == []
    assert _kinds(_audit(ctx, "So the three numbers are pairwise distinct."), "term bound") != []


def test_already_out(ctxs):
    """"so the ace is already out at this point" after Q's statement: the aces removed there (premature: P's second
    statement removes them), as "the ace is out"."""
    ctx = ctxs("card16.txt")
    lead = "P: I don't know the card.\n\nQ: I knew you didn't know.\n\n"
    assert _kinds(_audit(ctx, lead + "So the ace is already out at this point."), "exclusion") == [("premature", True)]
    assert _kinds(_audit(ctx, lead + "So the 3 of spades is already out."), "exclusion") == [("entailed", True)]


def test_then_comes_the_next_voice(ctxs):
    """In What Sum (statements without a speaker, each about its agent's own number), "然后是鲍勃。" opens Bob's
    statement and "最后是卡罗尔。" Carol's, as "轮到比尔" does for a speaker; naming another agent moves nothing."""
    ctx = ctxs("what_sum.txt")
    steps = ["好，现在看爱丽丝。爱丽丝说不知道。", "然后是鲍勃。他也不知道，所以a ≠ c。", "最后是卡罗尔。她也说不知道，所以a ≠ b。"]
    assert [st.stage for st in _audit(ctx, "\n\n".join(steps)).steps] == [1, 2, 3]
    assert [st.stage for st in _audit(ctx, "好，现在看爱丽丝。\n\n然后是卡罗尔。").steps] == [1, 1]


def test_says_he_knew_is_the_statement_about_before(ctxs):
    """"S says he knew." is S's "I knew you didn't know" (a past said in the present), not his later "So can I" ("S
    said he knew" may be "I know" reported, and stays unread)."""
    ctx = ctxs("sum_product.txt")
    steps = _audit(ctx, "P says he does not know.\n\nS says he knew.").steps
    assert [st.stage for st in steps] == [1, 2]


def test_initials_before_a_dash_and_a_quote_open_statements(ctxs):
    """'**A1 — "I don't know, and I know B doesn't."**', '**B — "Didn't know at first, know now."**', '**A2 — …**':
    each speaker's statement by initial (with its number, or the speaker's next without one); in the cards puzzle
    "A — …" is the ace and labels nothing."""
    ctx = ctxs("cheryl_variant.txt")
    text = ('**A1 — "I don\'t know, and I know B doesn\'t."** Month has no singleton day.\n\n'
            '**B — "Didn\'t know at first, know now."** Day unique among those 5.\n\n'
            '**A2 — "Then I know too."** Jun → 12.')
    assert [st.stage for st in _audit(ctx, text).steps] == [1, 2, 3]
    cards = ctxs("card16.txt")
    assert [st.stage for st in _audit(cards, '**A — "the ace"** appears twice.').steps] == [0]
