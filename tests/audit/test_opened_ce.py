"""Readings from traces_ce* (32 rows written in session 42 by helpers who never read the auditor, scored blind three
times at 0.793, then opened in session 43), each checked both ways."""
from tests.audit.reading import audit as _audit, bad


def _kinds(report, kind):
    return [(c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims if c.record.kind == kind]


def test_after_the_three_answers_reaches_the_last(ctxs):
    """"After the three answers: a ≠ b, b ≠ c, a ≠ c." names all three statements: the claims are dated after the
    last (true), not before the first (premature); "after the two answers" names no such set and dates nothing."""
    ctx = ctxs("what_sum.txt")
    lead = "Each one sees the other two numbers.\n\n"
    three = _audit(ctx, lead + "After the three answers: a ≠ b, b ≠ c, a ≠ c. 330 triples remain.")
    assert _kinds(three, "term bound") == [("entailed", True)] * 3 and bad(three) == []
    two = _audit(ctx, lead + "After the two answers: a ≠ b, b ≠ c, a ≠ c. 330 triples remain.")
    assert {v for v, _ in _kinds(two, "term bound")} == {"premature"}


def test_a_line_labelled_by_its_case_holds_to_the_line_end(ctxs):
    """"- k = 3: each sees 2 faces. … a muddy child already knows he is muddy after round 1." is case k = 3's
    knowledge after the first silence (premature there: with three muddy a muddy child knows after the second); on
    the next line the label holds no more."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 3})
    line = "- k = 3: each muddy child sees 2 faces. So a muddy child already knows he is muddy after round 1."
    assert ("premature", True) in _kinds(_audit(ctx, line), "case knowledge")
    assert _kinds(_audit(ctx, "- k = 3: each muddy child sees 2 faces.\nSo a muddy child already knows he is muddy "
                              "after round 1."), "case knowledge") == []
    right = "- k = 3: each muddy child sees 2 faces. So a muddy child knows he is muddy after round 2."
    assert _kinds(_audit(ctx, right), "case knowledge") == [("entailed", True)]


def test_a_split_of_the_number_just_named(ctxs):
    """"6×47 = 282，在范围内只能分解为 6×47": the unique split of 282, the number the clause before ends on (false:
    3 × 94 too); of 578 (= 17 × 34, 2 × 289 out of range) true; not of a number named further back."""
    ctx = ctxs("impossible.txt")
    splits = lambda text: _kinds(_audit(ctx, text), "split")  # noqa: E731
    assert splits("53 = 6 + 47，6×47 = 282，在范围内只能分解为 6×47，P能确定，排除 53。") == [("false", True)]
    assert splits("51 = 17 + 34，17×34 = 578，在范围内只能分解为 17×34，P能确定，排除 51。") == [("entailed", True)]
    assert splits("The product is 282, which can only be written as 6 × 47.") == [("false", True)]
    assert splits("The product is 282 and the sum is 53, which can only be written as 6 × 47.") == []


def test_so_the_product_is_a_conclusion_not_a_case(ctxs):
    """"P能确定了，所以乘积是52，这两个数就是4和13。" after P's "now I know" concludes the pair (premature there: S's last
    line picks it), not a case of product 52; "所以和为17的只剩(4,13)一组" is still sum 17's case."""
    ctx = ctxs("impossible.txt")
    lead = "第一句，P不能确定。\n\n第二句，S早就知道P不能确定。\n\n第三句，P现在能确定了。\n\n"
    tail = "\n\n第四句，S也能确定了。"
    assert bad(_audit(ctx, lead + "P能确定了，所以乘积是52，这两个数就是4和13。" + tail))
    assert bad(_audit(ctx, lead + "所以和为17的只剩(4,13)一组。" + tail)) == []
