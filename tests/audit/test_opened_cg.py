"""Readings from traces_cg* (32 rows, half correct, written in session 42 by helpers who never read the auditor and
read at once for tuning), each checked both ways."""
from tests.audit.reading import audit as _audit


def _credits(report):
    return [(str(c.source), c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims
            if c.record.kind == "credit"]


def test_every_card_with_a_unique_rank_is_a_class(ctxs):
    """"So Q's statement eliminates every card with a unique rank: J♠, …": the cards where P (who sees the rank, alone)
    would know, credited to Q's statement (false: P's first one removes them); credited to P's, true."""
    ctx = ctxs("card16.txt")
    lead = "P: I don't know. Q: I knew you didn't know.\n\n"
    tail = " eliminates every card with a unique rank: J♠, 8♠, 2♠, 7♠, 3♠, K♣ and 6♣."
    assert [(v, c) for _, v, c in _credits(_audit(ctx, lead + "So Q's statement" + tail))] == [("false", True)]
    assert [(v, c) for _, v, c in _credits(_audit(ctx, lead + "So P's statement" + tail))] == [("entailed", True)]


def test_cannot_rule_out_anything_more(ctxs):
    """"所以第二次沉默和第一次一样，不能再排除任何情况" with three muddy: the second silence removes nothing (false: it removes
    the two-muddy worlds); with the same words about the first silence after the father, none is read of the second."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    text = "父亲说：至少有一个孩子有泥。\n\n第一次没人站出来。\n\n第二次还是没人站出来。所以第二次沉默和第一次一样，不能再排除任何情况。"
    assert [(s, v) for s, v, _ in _credits(_audit(ctx, text))] == [("statement 3 rules out nothing", "false")]
    assert _credits(_audit(ctx, "父亲说：至少有一个孩子有泥。\n\n第一次没人站出来。所以不能再排除任何情况了吗？")) == []
