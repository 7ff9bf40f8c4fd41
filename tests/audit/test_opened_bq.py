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


def test_a_row_verdict_that_names_its_value_again(ctxs):
    """"- **6月**：…… → **保留6月**。": the row keeps June, said after Albert's statement removed it (a wrong
    survival the reader missed since "保留" was followed by the value); a verdict naming another value is no row
    verdict."""
    ctx = ctxs("cheryl.txt")
    opening = "阿尔伯特说：“我不知道生日是哪天，但我知道伯纳德也不知道。”\n\n"
    kept = _audit(ctx, opening + "- **6月**：17日和18日在其他月份也有 → **保留6月**。")
    assert [(c.formula, c.verdict.verdict) for st in kept.steps for c in st.claims if c.record.kind == "possible"] == \
        [("month = June still possible", "false")]
    other = _audit(ctx, opening + "- **6月**：17日和18日在其他月份也有 → **保留7月**。")
    assert not [c for st in other.steps for c in st.claims if c.record.kind == "possible" and "June" in c.formula]
    dropped = _audit(ctx, opening + "- **May**: 19 is unique to May → eliminate May.")
    assert [(c.formula, c.verdict.verdict) for st in dropped.steps for c in st.claims if c.record.kind == "exclusion"] \
        == [("month != May", "entailed")]


def test_after_the_rth_silence_dates_its_clause(ctxs):
    """"so after the second silence everyone knows at least four are muddy": the claim is dated by its own "after",
    even once the trace has walked past that silence (an outline of the four requests came first, so it was judged
    anywhere up to the end and held); the right count there is no error."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    opening = ("## The situation\n\nSix children, some with muddy foreheads. The father announces that **at least one** "
               "of them is muddy, then repeatedly asks anyone who knows whether they're muddy to step forward.\n\n"
               "- 1st request: nobody steps forward\n- 2nd request: nobody\n- 3rd request: nobody\n"
               "- 4th request: the muddy children step forward\n\nHow many are muddy?\n\n## Reading the silences\n\n"
               "**First silence.** If exactly one child were muddy, that child would have stepped forward. So everyone "
               "now knows there are **at least two** muddy children.\n\n**Second silence.** ")
    wrong = _audit(ctx, opening + "Two or three muddy children would have stepped forward by now, so after the second "
                                  "silence everyone knows at least four are muddy.")
    assert wrong.label == len(wrong.steps) - 1 and wrong.steps[-1].text.startswith("**Second silence.**")
    right = _audit(ctx, opening + "Two or three muddy children would have stepped forward by now, so after the second "
                                  "silence everyone knows at least three are muddy.")
    assert right.label == -1


def test_a_case_line_that_says_its_own_value_is_gone(ctxs):
    """"- a=1：a=1已经在第一句话里被排除了": the line's case is the value it removes, so the exclusion (and its credit to
    Anne's first statement, wrong: a = 1 survives it) is the trace's claim, not the case's; what a case line leaves
    of another variable ("b=0被排除了") is still the case's."""
    ctx = ctxs("consecutive.txt")
    own = _audit(ctx, "- a=1：a=1已经在第一句话里被排除了，跳过。")
    assert [(c.record.kind, c.verdict.verdict, c.record.certain) for st in own.steps for c in st.claims
            if c.record.kind == "credit"] == [("credit", "false", True)]
    other = _audit(ctx, "- a=1：b只能是0或2，b=0被排除了。")
    assert not [c for st in other.steps for c in st.claims if c.record.kind == "exclusion" and c.record.certain]


def test_the_first_few_without_a_noun_want_a_beer(ctxs):
    """"so the first three all want a beer" right after the second logician: the third's wish follows only from her
    own "I don't know" (it went unread without a noun after "three"); "the first two both want a beer" there holds,
    and "the first three days" names no logicians."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    opening = ('1. Logician 1 says "I don\'t know." So she wants one.\n2. Logician 2 says "I don\'t know." Same logic: '
               "he wants one. ")
    early = _audit(ctx, opening + "By now nobody has said no, so the first three all want a beer.")
    assert [(c.formula, c.verdict.verdict) for st in early.steps for c in st.claims if c.record.kind == "candidates"][-1] \
        == ("b[1] = 1 and b[2] = 1 and b[3] = 1", "premature")
    right = _audit(ctx, opening + "By now nobody has said no, so the first two both want a beer.")
    assert [(c.formula, c.verdict.verdict) for st in right.steps for c in st.claims if c.record.kind == "candidates"][-1] \
        == ("b[1] = 1 and b[2] = 1", "entailed")
    assert not [c for st in _audit(ctx, "The first three days are gone.").steps for c in st.claims]
