"""Readings from traces_bk* (32 rows of mixed lengths, half correct, written in session 30 by helpers who never read
the auditor, scored blind at the session's start code, then opened), checked both ways where the reader reads a
wrong wording of the same kind."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def test_a_muddy_child_is_not_the_count(ctxs):
    """"一个有泥的孩子，如果他看到…": "a muddy child" (the indefinite article), not "exactly one is muddy"; the count
    said outright is still read."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 1})
    said = _said(ctx, 1, "zh") + "\n\n"
    sentence = "一个有泥的孩子，如果他看到别人额头上也有泥，那么父亲的话对他来说已经被那个孩子满足了，他没法判断自己有没有泥。"
    assert not _bad(_audit(ctx, said + sentence))
    assert not _bad(_audit(ctx, said + "所以只有一个孩子有泥。"))  # at stage 1 the count is open: premature, weak
    assert [c.formula for st in _audit(ctx, said + "所以只有一个孩子有泥。").steps for c in st.claims
            if c.record.kind == "candidates"] == ["(m[1] + m[2]) + m[3] = 1"]


def test_ten_sums_left_is_no_count_of_pairs(ctxs):
    """"剩下十个和：11, 17, …" counts the sums left (ten), not the pairs; "剩下十个数对" counts the pairs."""
    ctx = ctxs("impossible.txt")
    said = _said(ctx, 2, "zh") + "\n\n"

    def counts(text):
        return [c.formula for st in _audit(ctx, said + text).steps for c in st.claims if c.record.kind == "count"]
    assert counts("剩下十个和：11, 17, 23, 27, 29, 35, 37, 41, 47, 53。") == []
    assert counts("剩下十个数对。") == ["10 remain"]


def test_a_statement_that_fixes_the_date(ctxs):
    """"Bo's statement therefore fixes the date as March 18": what Bo's statement leaves, one statement early (Ali's
    last statement removes July 16 and July 17); after Ali's last statement it holds."""
    ctx = ctxs("cheryl_cam.txt")
    last = dict(ctx.puzzle.announcements[2].texts)["en"]
    assert _bad(_audit(ctx, _said(ctx, 2) + "\n\nBo's statement therefore fixes the date as March 18.\n\n" + last))
    assert not _bad(_audit(ctx, _said(ctx, 3) + "\n\nAli's last statement therefore fixes the date as March 18."))
