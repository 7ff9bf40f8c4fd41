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
