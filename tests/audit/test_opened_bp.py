"""Readings from traces_bp* (32 rows, half correct, written in session 33 by helpers who never read the auditor, kept
blind there and opened in session 34), checked both ways where the reader reads a wrong wording of the same kind."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def _claims(report):
    return [(c.record.kind, c.formula, c.verdict.verdict) for st in report.steps for c in st.claims]


def test_values_that_lack_a_property_in_the_past(ctxs):
    """"none of 12, 14, 17, 19 was a giveaway day on the original list": a property the days lacked, not that they
    are gone (it flagged a correct trace as crediting their removal to Bernard's first clause); "none of 12, 14
    survives" still removes them."""
    ctx = ctxs("cheryl_variant.txt")
    text = "For the second clause: none of 12, 14, 17, 19 was a giveaway day on the original list."
    assert not _claims(_audit(ctx, text))
    gone = _claims(_audit(ctx, "None of 12, 14 survives."))
    assert [(k, f) for k, f, _ in gone] == [("exclusion", "not day in {12, 14}")]


def test_the_number_of_children_is_not_the_number_of_muddy_ones(ctxs):
    """"There are six children, each seeing the other five foreheads": the children counted, the foreheads what they
    see (it read "six are muddy" and, the trace's answer taken as 6, flagged its correct headline); a count of muddy
    children is still read."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 1})
    text = "**Exactly one child is muddy.**\n\nThere are six children, each seeing the other five foreheads."
    report = _audit(ctx, text)
    assert not _bad(report)
    assert not [c for c in report.steps[1].claims if c.record.kind == "candidates"]
    counted = [f for k, f, _ in _claims(_audit(ctx, "There are two children with mud on their foreheads."))]
    assert counted == ["((((m[1] + m[2]) + m[3]) + m[4]) + m[5]) + m[6] = 2"]


def test_a_statement_without_know_told_in_the_third_person(ctxs):
    """"安妮说她没有白牌。" for Anne's "我没有白牌。", "Anne says she does not have the white card": her statement in
    her own words turned round (the trace stayed before it, so its elimination was "premature"); the opposite
    content ("she has the white card") names no statement."""
    ctx = ctxs("hexa.txt")
    opening = "First list the six deals.\n\n"
    for told in ("安妮说她没有白牌。排除第3种和第4种。", "Anne says she does not have the white card, so deals 3 and 4 go."):
        report = _audit(ctx, opening + told)
        assert report.steps[1].reached == 1, told
    assert _audit(ctx, opening + "Anne says she has the white card.").steps[1].reached == 0


def test_knowing_ones_own_card(ctxs):
    """"安妮知道自己的牌", "Anne knows her own card": the card she holds (it read "Anne knows Bill's card", the
    question, which she learns only later); "Anne knows Bill's card" is still read as that."""
    ctx = ctxs("hexa.txt")
    for text in ("安妮知道自己的牌。", "Anne knows her own card."):
        assert _claims(_audit(ctx, text)) == [("knowledge", "Anne knows anne", "entailed")], text
    assert [f for _, f, _ in _claims(_audit(ctx, "Anne knows Bill's card."))] == ["Anne knows bill"]


def test_a_line_opening_on_a_bare_day_is_its_case(ctxs):
    """"16日：16日在6月和7月都有，所以波还是不知道": a line (a step of its own) labelled by a day, so Bo's knowing is
    that day's case: false after Ali's statement, where only July 16 has the 16th (it was left unchecked); the right
    case ("19日：…波无法确定") holds."""
    ctx = ctxs("cheryl_cam.txt")
    before = _said(ctx, 2, "zh") + "\n\n"
    wrong = _audit(ctx, before + "16日：16日在6月和7月都有，所以波还是不知道。")
    assert [(k, v) for k, f, v in _claims(wrong) if k == "case knowledge"] == [("case knowledge", "false")]
    right = _audit(ctx, before + "19日：3月19日和7月19日都在，波无法确定。")
    assert [(k, v) for k, f, v in _claims(right) if k == "case knowledge"] == [("case knowledge", "entailed")]


def test_he_after_hearing_someone_is_not_that_one(ctxs):
    """"波知道日子。听完阿里的话后，他能确定日期", "After hearing Ali, he can determine the date": he is not Ali (it read
    "Ali knows the date", which moved the trace on to Ali's last statement and hid a wrong elimination); "Ali
    thought it over, and he can determine the date" still means Ali."""
    ctx = ctxs("cheryl_cam.txt")
    for text in ("波知道日子。听完阿里的话后，他能确定日期。", "Bo knows the day. After hearing Ali, he can determine the date."):
        assert "Ali knows date" not in [f for _, f, _ in _claims(_audit(ctx, text))], text
    assert "Ali knows date" in [f for _, f, _ in _claims(_audit(ctx, "Ali thought it over, and he can determine "
                                                                       "the date."))]
    sp = ctxs("sum_product.txt")  # (and "after P's second statement, both of them know": the two)
    both = _claims(_audit(sp, "So at this point, after P's second statement, both of them know the numbers."))
    assert [f for _, f, _ in both] == ["S knows (x, y)", "P knows (x, y)"]


def test_at_least_in_chinese_is_a_bound(ctxs):
    """"说明蓝眼睛的人至少有3个": at least three, not exactly three (it read the count 3); "蓝眼睛的人有4个" is
    still the count."""
    ctx = ctxs("islanders.txt", {"n": 6, "k": 4})
    bound = _claims(_audit(ctx, "所以第一夜没人离开，说明蓝眼睛的人至少有3个。"))
    assert [(k, f.endswith(" >= 3")) for k, f, _ in bound] == [("bound", True)]
    counted = _claims(_audit(ctx, "所以蓝眼睛的人有4个。"))
    assert [(k, f.endswith(" = 4")) for k, f, _ in counted] == [("candidates", True)]


def test_relations_in_a_disjunction_or_taken_as_a_case(ctxs):
    """"The equal pairs left are a = b or a = c", "Take a = c first.", "Now a = b: example (7, 7, 14)": one or the
    other, or a case to look at, not a relation holding in every world (each flagged a correct step); "so neither
    a = b nor a = c" rules both out, and "So a = c." still claims it."""
    ctx = ctxs("what_sum.txt")
    for text in ("The equal pairs left are a = b or a = c.", "Take a = c first.", "Now a = b: example (7, 7, 14)."):
        assert not _bad(_audit(ctx, text)), text
    assert [(k, f) for k, f, _ in _claims(_audit(ctx, "So neither a = b nor a = c."))] == \
        [("exclusion", "not a = b"), ("exclusion", "not a = c")]
    assert [c.formula for c in _bad(_audit(ctx, "So a = c."))] == ["a = c"]
    kept = _claims(_audit(ctx, "We know b ≠ c: Alice would know otherwise."))  # (a conclusion before a colon)
    assert [(k, f) for k, f, _ in kept] == [("term bound", "b != c")]
