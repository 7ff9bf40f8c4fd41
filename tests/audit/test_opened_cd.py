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
