"""Readings from traces_bu* (32 rows, half correct, written in session 38 by helpers who never read the auditor, kept
blind there and opened in session 39), checked both ways where the reader reads a wrong wording of the same kind."""
from tests.audit.reading import audit as _audit


def _verdicts(report, kind):
    return [(c.formula, c.verdict.verdict) for st in report.steps for c in st.claims if c.record.kind == kind]


def test_a_heading_that_names_a_case_is_not_the_count(ctxs):
    """"### k = 1" over an induction's first case ("The single muddy child sees three clean faces …") names the case
    the section works through, not the number of muddy children; "So k = 1." said as the count is still read (false
    with three muddy children)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    case = ("### k = 1\nThe single muddy child sees three clean faces. Since the father said at least one is muddy, "
            "it must be them.")
    assert all(v != "false" for _, v in _verdicts(_audit(ctx, case), "candidates"))
    said = _audit(ctx, "The father speaks and nobody steps forward, twice.\n\nSo k = 1.")
    assert "false" in [v for _, v in _verdicts(said, "candidates")]


def test_sure_with_nothing_after_it_under_a_held_case_is_unchecked(ctxs):
    """"August: 14 (also July), 15 (also May), 17 (also June). None of them unique. So Albert with August can also be
    sure.": sure of what the text just weighed (that Bernard cannot know), not of the date; read as a case and left
    unchecked. "P with a K wouldn't be sure either" still says P would not know the card (false: K is on one card)."""
    cheryl = ctxs("cheryl.txt")
    text = ("After Albert's first statement the candidates are July 14, July 16, August 14, August 15, August 17.\n\n"
            "August: 14 (also July), 15 (also May), 17 (also June). None of them unique. So Albert with August can "
            "also be sure.")
    report = _audit(cheryl, text)
    assert report.label == -1
    assert [c.record.certain for st in report.steps for c in st.claims if c.record.kind == "case knowledge"] == [False]
    card = _audit(ctxs("card16.txt"), "I think K also shows up somewhere else, so P with a K wouldn't be sure either.")
    assert card.label == 0


def test_ranks_written_as_digits_have_plurals(ctxs):
    """"That leaves the aces, queens, fours and fives" after P's first statement: four ranks (the fours and fives are
    ranks 4 and 5, not lost), true at stage 1; "That leaves the aces and the fours" is false (queens and fives too)."""
    ctx = ctxs("card16.txt")
    lead = 'P: "I don\'t know the card." P holds the rank, so the rank must occur in more than one suit. '
    right = _audit(ctx, lead + "That leaves the aces, queens, fours and fives.")
    assert right.label == -1 and "false" not in [v for _, v in _verdicts(right, "candidates")]
    wrong = _audit(ctx, lead + "That leaves the aces and the fours.")
    assert "false" in [v for _, v in _verdicts(wrong, "candidates")]


def test_knowing_a_count_is_not_the_muddy_children_knowing(ctxs):
    """'这时候每个孩子都知道"至少有两个人有泥"' after the first silence: everyone knows a bound on the count, not the
    muddy ones their own state (the last announcement, which would be premature here)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    text = ("父亲说至少有一个人有泥。第一次没有人站出来。所以有泥的孩子不止一个，至少有两个。\n\n"
            '这时候每个孩子都知道"至少有两个人有泥"。')
    assert _audit(ctx, text).label == -1
    early = "父亲说至少有一个人有泥。第一次没有人站出来。\n\n这时候每个有泥的孩子都已经知道自己有泥了。"
    assert _audit(ctx, early).label == 1


def test_a_contracted_denial_quotes_a_statement_without_knowing(ctxs):
    """'Anne: "I don't have white." → drop WRB, WBR.' is Anne's "I do not have the white card" (the contraction a
    negation like "not"): the drop is judged after her statement, where it holds."""
    ctx = ctxs("hexa.txt")
    for quote in ("I don't have white.", "I don't have the white card."):
        report = _audit(ctx, f'All deals: RWB, RBW, WRB, WBR, BRW, BWR.\n\nAnne: "{quote}" → drop WRB, WBR. '
                             "Left: RWB, RBW, BRW, BWR.")
        assert report.label == -1 and report.steps[-1].reached == 1, quote


def test_a_count_left_by_a_removal_after_a_comma(ctxs):
    """"所以去掉(1,0)和(9,10)，剩16种" after Bill's "I don't know": 14 pairs are left (he also knows with b = 1 or 9),
    so the count is false; "剩14种" holds. A bare "剩" with no removal before it ("…不行。剩三对，S不能确定") counts
    the pairs of a case, and is not read."""
    ctx = ctxs("consecutive.txt")
    lead = ('安妮："我不知道你的数。"所以a ≠ 0、a ≠ 10，去掉(0,1)和(10,9)，剩18种。\n\n'
            '比尔："我不知道你的数。"b = 0时a只能是1，b = 10时a只能是9，他会知道。所以去掉(1,0)和(9,10)，')
    assert [v for _, v in _verdicts(_audit(ctx, lead + "剩16种。"), "count")][-1] == "false"
    assert [v for _, v in _verdicts(_audit(ctx, lead.replace("b = 10时a只能是9，", "b = 10时a只能是9，b = 1时a只能是2，"
                                                                  "b = 9时a只能是8，") + "剩14种。"), "count")][-1] == "entailed"
    case = _audit(ctxs("sum_product.txt"), "和为11：(2, 9)积18，保留；(5, 6)积30，不行。剩三对，S不能确定。")
    assert _verdicts(case, "count") == []


def test_the_father_says_without_quotes(ctxs):
    """"父亲说至少一个有泥，排除"都没泥"，剩7种" names the father's statement (no quote, two of its words): the count is
    judged after it, where 7 worlds are left; "父亲说完" (when he has finished) and "父亲说知道的站出来" do not name it."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    report = _audit(ctx, '三个孩子，一共8种情况。\n\n父亲说至少一个有泥，排除"都没泥"，剩7种。')
    assert report.label == -1 and [v for _, v in _verdicts(report, "count")] == ["entailed"]


def test_a_letter_before_a_verb_only_a_person_does_is_the_agent(ctxs):
    """"It's public: Q hears it too": Q the agent (Mr. Q), not the queen; "the Q is gone" stays the rank."""
    ctx = ctxs("card16.txt")
    assert _verdicts(_audit(ctx, "It's public: Q hears it too, and so do we."), "candidates") == []
    assert _verdicts(_audit(ctx, "Q reasons the same way."), "candidates") == []


def test_whats_left_is_a_plain_list(ctxs):
    """"What's left is ♥A, ♥Q, ♥4, ♣Q, ♣5, ♣4, ♦A, ♦5." after P's first statement drops ♠4, which survives it: a list
    whose every word the reader knows weighs alone (the step is wrong); with ♠4 it holds."""
    ctx = ctxs("card16.txt")
    lead = 'P: "I don\'t know the card." So the rank is one of A, Q, 4, 5.\n\n'
    assert _audit(ctx, lead + "What's left is ♥A, ♥Q, ♥4, ♣Q, ♣5, ♣4, ♦A, ♦5.").label == 1
    assert _audit(ctx, lead + "What's left is ♥A, ♥Q, ♥4, ♠4, ♣Q, ♣5, ♣4, ♦A, ♦5.").label == -1
