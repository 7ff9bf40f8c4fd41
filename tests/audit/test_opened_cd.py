"""Readings from traces_cd* (32 rows, half correct, written in session 41 by helpers who never read the auditor and
read at once for tuning), each checked both ways."""
from tests.audit.reading import audit as _audit


def _claims(report):
    return [(c.record.kind, c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims]


def test_silence_through_a_question_dates_the_bound(ctxs):
    """"k muddy children step forward at question k, so silence through question 2 means k ≥ 3": the bound holds after
    the second silence (true there), not "premature" at the trace's opening; "after question 2" likewise."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 3})
    for text in ("Induction in one line: k muddy children step forward at question k, so silence through question 2 "
                 "means k ≥ 3, and with n = 3 that forces k = 3.", "After question 2, k ≥ 3."):
        claims = _claims(_audit(ctx, text))
        assert ("bound", "entailed", True) in claims and not any(v == "premature" and c for _, v, c in claims), text
    early = _claims(_audit(ctx, "Silence through question 1 means k ≥ 3."))  # (one round early: at least 2)
    assert [(k, v) for k, v, _ in early] == [("bound", "premature")]


def test_the_tempting_pick_is_a_rejected_idea(ctxs):
    """"Note that the tempting pick — April, because it has the most survivors after Albert's first line — is exactly
    what fails at the end": April is the idea rejected, not the month claimed; "So it's April." is claimed (false)."""
    ctx = ctxs("cheryl_variant.txt")
    lead = "Albert: I don't know, but I know Bernard doesn't either. Bernard: now I know. Albert: now I know too.\n\n"
    rejected = _audit(ctx, lead + "So it's 12 June. Note that the tempting pick — April, because it has the most "
                                  "survivors after Albert's first line — is exactly what fails at the end: April "
                                  "still has two dates when Albert speaks again.")
    assert not any(k == "candidates" and v == "false" and c for k, v, c in _claims(rejected))
    assert ("candidates", "false", True) in _claims(_audit(ctx, lead + "So it's April."))


def test_not_the_case_that_there_is_exactly_one(ctxs):
    """"So it's not the case that there's exactly one muddy child" after the first silence: one muddy child is ruled
    out (true), not claimed; "So there's exactly one muddy child." is claimed (false)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    lead = "Father: at least one of you is muddy. Nobody steps forward. "
    assert ("exclusion", "entailed", True) in _claims(_audit(ctx, lead + "So it's not the case that there's exactly "
                                                                        "one muddy child."))
    assert ("candidates", "false", True) in _claims(_audit(ctx, lead + "So there's exactly one muddy child."))


def _credits(report):
    return [(str(c.source), c.verdict.verdict) for st in report.steps for c in st.claims if c.record.kind == "credit"]


def test_a_summary_line_credits_its_label(ctxs):
    """"各句作用：\n- 安妮第一句：去掉 a = 0、a = 10，连带 b = 0、b = 10 也没了\n- 比尔：再去掉 b = 1、b = 9": each line's label
    is the statement its removals are credited to; b = 0 and b = 10 "也没了" with Anne's first (premature: Bill's
    statement removes them), not kept as candidates."""
    ctx = ctxs("consecutive.txt")
    lead = "安妮说：我不知道。比尔说：我不知道。安妮说：我知道了。\n\n各句作用：\n"
    report = _audit(ctx, lead + "- 安妮第一句：去掉 a = 0、a = 10，连带 b = 0、b = 10 也没了（20 → 16）。\n"
                                "- 比尔：再去掉 b = 1、b = 9。")
    assert _credits(report) == [("statement 1 rules out a in {0, 10}", "entailed"),
                                ("statement 1 rules out b in {0, 10}", "premature"),
                                ("statement 2 rules out b in {1, 9}", "entailed")]
    assert "candidates" not in [k for k, _, _ in _claims(report)]


def test_the_other_cards_of_a_suit_are_not_the_suit(ctxs):
    """"黑桃里别的牌都没了，但黑桃4的点数4出现了3次": the other spades are gone, not spades (♠4 stays); "x = y的对也就全没了":
    the pairs with x = y go."""
    card = _audit(ctxs("card16.txt"), "P先生说：我不知道。注意黑桃4还在。黑桃里别的牌都没了，但黑桃4的点数4出现了3次。")
    assert not any(k == "exclusion" for k, _, _ in _claims(card))
    pairs = _claims(_audit(ctxs("impossible.txt"), "所以偶数的和全部被排除，x = y的对也就全没了。"))
    assert [k for k, _, _ in pairs if k in ("exclusion", "term bound")] == ["exclusion"]
