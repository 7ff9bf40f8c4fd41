"""Readings from traces_bq* (32 rows, half correct, written in session 34 by helpers who never read the auditor, kept
blind there and opened in session 35), checked both ways where the reader reads a wrong wording of the same kind."""
from tests.audit.reading import audit as _audit


def _speakers(report):
    return [(c.formula, c.verdict.verdict) for st in report.steps for c in st.claims if c.record.kind == "speaker"]


def test_an_agent_after_a_verb_of_knowing_is_not_the_speaker(ctxs):
    """"第二位知道第一、二位要，不知道第三位，说“不知道”": the third logician is what the second does not know, and the
    "不知道" is the second's (it gave statements 1 or 2 to the third and flagged a correct check of all three); the
    third saying "不知道" is still his statement given to the wrong logician."""
    ctx = ctxs("drinking_logicians.txt")
    opening = "第一位说“不知道”，第二位说“不知道”，第三位说“是的”。\n\n"
    check = "再验证：第二位知道第一位要，不知道第三位，说“不知道” ✓；第三位知道全部，说“是的” ✓。"
    assert all(v == "entailed" for _, v in _speakers(_audit(ctx, opening + check)))
    wrong = _speakers(_audit(ctx, opening + "再验证：第三位知道全部，说“不知道”。"))
    assert ("false") in [v for _, v in wrong]
