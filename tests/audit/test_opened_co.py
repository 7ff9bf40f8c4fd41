"""Readings from traces_co* (32 rows written in session 45 by helpers who never read the auditor, scored blind three
times at 0.857, then opened in session 46) and the tuning sets cs*, ct* written beside the blind cr*, each checked
both ways."""
from tests.audit.reading import audit as _audit, bad, said


def _claims(report, kind=None):
    return [c for st in report.steps for c in st.claims if kind is None or c.record.kind == kind]


def _formulas(report, kind=None):
    return [c.formula for c in _claims(report, kind)]


def test_the_bus_number_told_is_not_cheryls_age(ctxs):
    """"Cheryl's hint also tells us the bus was 17, not 19": 17 and 19 are sums (bus numbers), not Cheryl's age (read
    as `cheryl = 17`, false); "Cheryl is 9" after it still is her age."""
    ctx = ctxs("cheryls_age.txt")
    report = _audit(ctx, said(ctx, 3) + "\n\nSo Cheryl's hint also tells us the bus was 17, not 19. Cheryl is 9.")
    assert "cheryl = 17" not in _formulas(report) and "cheryl != 19" not in _formulas(report)
    assert "cheryl = 9" in _formulas(report, "candidates") and bad(report) == []


def test_a_person_after_a_supposed_hat_has_his_own_colour(ctxs):
    """"若 h2 = h3 = 红，他必是白" (if hats 2 and 3 are red, he — the first man — is white): white is his hat's, not h3's
    (read as `h[3] = white`, premature); "第三位是白" names h3 plainly."""
    ctx = ctxs("hats.txt")
    lead = said(ctx, 1, "zh") + "\n\n"
    assert "h[3] = white" not in _formulas(_audit(ctx, lead + "若 h2 = h3 = 红，他必是白。"))
    assert "h[3] = white" in _formulas(_audit(ctx, lead + "所以 h3 只能是白。"))


def test_ruo_opens_a_supposition(ctxs):
    """"若 h3 = 红，则 h2 不可能也是红" is a conditional (true after the first man's statement), not the exclusion
    `h[2] != red` (false); "h2 不可能是红" alone still is one."""
    ctx = ctxs("hats.txt")
    lead = said(ctx, 2, "zh") + "\n\n"
    report = _audit(ctx, lead + "若 h3 = 红，则 h2 不可能也是红。")
    assert [(c.verdict.verdict, c.record.certain) for c in _claims(report, "hypothetical")] == [("entailed", True)]
    assert bad(report) == []
    assert "h[2] != red" in _formulas(_audit(ctx, lead + "所以 h2 不可能是红。"), "exclusion")


def test_one_hat_white_in_every_case_is_that_hats_value(ctxs):
    """"4 种里 h3 全是白" (in all four cases h3 is white): `h[3] = white`, true after both statements; not the world
    with all three hats white ("3" of "h3" read as "all three"). "三人不可能都戴红帽" still names that world."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n剩 4 种：白白白、白红白、红白白、红红白。4 种里 h3 全是白。")
    assert "h[3] = white" in _formulas(report, "candidates") and bad(report) == []
    assert "h[1] = white and h[2] = white and h[3] = white" not in _formulas(report)
    assert "not (h[1] = red and h[2] = red and h[3] = red)" in _formulas(_audit(ctx, "三人不可能都戴红帽。"))


def test_another_authors_version_is_not_this_puzzle(ctxs):
    """"Freudenthal's version uses x < y and x + y ≤ 100" is about another puzzle: no certain bound (read as bounds of
    this one, premature at its start)."""
    ctx = ctxs("impossible.txt")
    dialogue = ("Dialogue:\n\n1. P: \"I cannot determine the two numbers.\"\n2. S: \"I knew that you couldn't "
                "determine them.\"\n3. P: \"Now I can determine them.\"\n4. S: \"So can I.\"\n\n")
    report = _audit(ctx, dialogue + "Freudenthal's version uses x < y and x + y ≤ 100; I want to check whether the "
                    "bounds here change anything.")
    assert bad(report) == [] and not any(c.record.certain for c in _claims(report, "term bound"))


def test_what_an_agent_can_be_sure_of_is_a_topic(ctxs):
    """"a fact about what Albert can be sure of, given only the month" names a topic, not that Albert is sure of the
    date (read as `Albert knows date`, premature); "Albert still can't be sure of the date" still says he isn't."""
    ctx = ctxs("cheryl_variant.txt")
    lead = ("Dialogue:\n\n1. Albert: \"I don't know when the birthday is, but I know Bernard doesn't know either.\"\n"
            "2. Bernard: \"At first I didn't know, but now I know.\"\n3. Albert: \"Then I also know.\"\n\n"
            "### Statement 1\n\n")
    report = _audit(ctx, lead + "It's a fact about what Albert can be sure of, given only the month.")
    assert not any(c.record.certain for c in _claims(report, "knowledge") if "Albert knows date" == c.formula)
    assert [c.record.certain for c in _claims(_audit(ctx, lead + "Albert still can't be sure of the date."),
                                              "knowledge") if c.formula == "not Albert knows date"] == [True]


def test_counted_silences_date_the_knowing(ctxs):
    """"经过两轮“没人站出来”之后，有泥的孩子全都知道自己有泥": after the second silence, true with three muddy (not dated
    at the first silence, premature); with four muddy the same sentence is premature."""
    text = "父亲说至少一个有泥。第一轮没人站出来。第二轮也没人站出来。\n\n经过两轮“没人站出来”之后，有泥的孩子全都知道自己有泥。"
    assert bad(_audit(ctxs("muddy.txt", {"n": 5, "k": 3}), text)) == []
    assert bad(_audit(ctxs("muddy.txt", {"n": 5, "k": 4}), text)) != []


def test_the_clean_childs_knowing_is_of_its_own_clause(ctxs):
    """"那个干净的孩子：…三次沉默后只知道至少4个，他也分不清自己是不是第5个" knows a count, not whether it is clean; "干净
    的孩子D和E：D看到A、B、C三个有泥，又知道至少有三个有泥，所以D能确定自己是干净的" is the clean ones knowing, read at the
    later knowing word."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 4})
    knowing = "m[1] = 0 implies c[1] knows m[1]"
    report = _audit(ctx, "三次沉默之后。\n\n那个干净的孩子：他看到4个有泥的，三次沉默后只知道至少4个，他也分不清自己是不是第5个。")
    assert not any(knowing in f for f in _formulas(report))
    ctx3 = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx3, "比如A、B、C有泥，D、E干净。这时干净的孩子D和E：D看到A、B、C三个有泥，又知道至少有三个有泥，所以D能确定"
                    "自己是干净的。")
    assert any(knowing in f for f in _formulas(report, "knowledge"))


def test_a_copula_with_its_own_complement_before_a_colon(ctxs):
    """"That's the twist: July 16 is still among the final three candidates" does not say the candidates are July 16
    (false at the end); "The answer is: July 16." still gives an answer."""
    ctx = ctxs("cheryl_cam.txt")
    lead = said(ctx) + "\n\n"
    report = _audit(ctx, lead + "That's the twist: July 16 is still among the final three candidates, which makes it "
                    "a trap.")
    assert _claims(report, "candidates") == [] and bad(report) == []
    assert [c.formula for c in _claims(_audit(ctx, lead + "The answer is: July 16."), "answer")] == \
        ["month = July and day = 16"]


def test_pins_it_to(ctxs):
    """"So Bernard's statement already pins it to June 12" says what Bernard's statement leaves: premature there
    (April 14 and 17 remain until Albert's last word)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nSo Bernard's statement already pins it to June 12.")
    assert [(c.verdict.verdict, c.record.certain) for c in _claims(report, "candidates")] == [("premature", True)]


def test_the_answer_being_unique_gives_no_answer(ctxs):
    """"to be sure the answer is unique, try April 14 as the 'true' date" gives no answer (read as April 14: the final
    answer, wrong); "所以答案唯一：4和13" gives one."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx) + "\n\nCheryl's birthday is June 12.\n\nAnd to be sure the answer is unique, try "
                    "April 14 as the true date.")
    assert _claims(report, "answer") == [] and report.final_answer_correct
    impossible = ctxs("impossible.txt")
    assert [c.formula for c in _claims(_audit(impossible, "所以答案唯一：4和13。"), "answer")] == ["x = 4 and y = 13"]


def test_a_value_told_in_quotes_opens_a_case(ctxs):
    """'Bo, told "16": originally June 16 or July 16; after Ali's statement only July 16' is the case of Bo holding
    16 (the quote is the value told, not speech): not a certain claim that only July 16 is left."""
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nBo, told \"16\": originally June 16 or July 16; after Ali's statement "
                    "only July 16 → statement 2 OK.")
    assert not any(c.record.certain for c in _claims(report, "candidates")) and bad(report) == []
