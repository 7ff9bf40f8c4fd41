"""Readings from traces_av* (40 rows, half correct, written carelessly in session 26, kept out of the repository and
scored blind twice, then opened in session 27), each checked both ways: the true text reads clean, a false twin
changed as little as possible is caught (or the answer read is the one written)."""
from tests.audit.reading import answer as _answer, audit as _audit, bad as _bad


def _said(ctx, n: int, lang: str = "en") -> str:
    """The first n statements of the puzzle, quoted by their speakers."""
    said = "说：" if lang == "zh" else " says: "
    return "\n\n".join(f"{a.speaker}{said}“{dict(a.texts)[lang]}”" for a in ctx.puzzle.announcements[:n])


def _stages(report) -> list[int]:
    """The stage each step's lists of candidates are judged at (its first list's), -1 for a step without one."""
    return [next((c.verdict.stage for c in st.claims if c.record.kind == "candidates"), -1) for st in report.steps]


_OUTLINE = ("1. P doesn't know → rank occurs ≥ 2 times → A, Q, 4, 5. Left: ♥A ♥Q ♥4 ♠4 ♣Q ♣5 ♣4 ♦A ♦5.\n\n"
            "2. Q knew beforehand → every rank in Q's suit is repeated. Left: ♥A ♥Q ♥4 ♦A ♦5.\n\n"
            "3. P now knows → rank unique among those 5. Left: ♥Q ♥4 ♦5.\n\n"
            "4. Q now knows → ♦5.\n\n**♦5.**")


def test_a_numbered_outline_whose_items_open_on_the_statements(ctxs):
    """"1. P doesn't know → …", "2. Q knew beforehand → …": items numbered like the dialogue, each opening on its
    speaker knowing or not, are its statements (the lists after them are read at their stages, not all at the start);
    a list that keeps ♠4 after Q's statement is wrong there."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, _OUTLINE)
    assert not _bad(report) and report.final_answer_correct
    assert _stages(report)[:3] == [1, 2, 3]
    wrong = _audit(ctx, _OUTLINE.replace("Left: ♥A ♥Q ♥4 ♦A ♦5.", "Left: ♥A ♥Q ♥4 ♠4 ♦A ♦5."))
    assert [st.index for st in wrong.steps if st.label == -1] == [1]


def test_knowing_that_something_would_happen_is_not_knowing_the_numbers(ctxs):
    """"Mr. S had already known that would happen." (that P could not name the pair) claims nothing about S knowing
    the numbers, as "Mr. S had already known the numbers." does."""
    ctx = ctxs("sum_product.txt")
    said = _said(ctx, 1)

    def knowing(text):
        return [c.source for st in _audit(ctx, said + "\n\n" + text).steps for c in st.claims
                if c.record.kind == "knowledge"]
    assert knowing("Mr. S had already known that would happen.") == []
    assert knowing("Mr. S had already known the numbers.") == ["S knows (x, y)"]


def test_a_colour_several_hats_share_is_nobody_s_without_an_owner(ctxs):
    """"The second and third hats are not both red": red is no one hat's (it was the third's before, and false); "Anne
    is red or blue" in Hexa gives both colours to Anne; "the blind man" is the third wise man, whose hat is his own."""
    hats = ctxs("hats.txt")
    said = _said(hats, 1)
    assert not _bad(_audit(hats, said + "\n\nSo the second and third hats are **not both red**. This removes WRR."))
    assert _bad(_audit(hats, _said(hats, 2) + "\n\nSo the blind man can't be wearing white."))
    assert not _bad(_audit(hats, _said(hats, 2) + "\n\nSo the blind man can't be wearing red."))
    assert _answer(hats, _said(hats, 2) + "\n\n**Answer:** The blind man's hat is white.") == (((0,),), True)
    hexa = ctxs("hexa.txt")
    report = _audit(hexa, _said(hexa, 1) + "\n\nSo Anne is red or blue.")
    assert [c.source for st in report.steps for c in st.claims if c.record.kind == "candidates"] == \
        ["anne in {red, blue}"]
    assert _bad(_audit(hexa, _said(hexa, 1) + "\n\nSo Anne is white or blue."))


_SECTION = """## Statement 1 — Albert: "I don't know, but I know Bernard doesn't know either"

How often each day appears:

| day | months | would Bernard know from it? |
|---|---|---|
| 14 | Jul, Aug | no |
| 15 | May, Aug | no |
| 16 | May, Jul | no |
| 17 | Jun, Aug | no |
| 18 | Jun | **yes** |
| 19 | May | **yes** |

For Albert to be certain, his month must not contain an 18 or a 19: May and June go.

Survivors: {Jul 14, Jul 16, Aug 14, Aug 15, Aug 17}."""


def test_a_table_under_a_statement_s_heading_weighs_the_stage_before_it(ctxs):
    """Under "## Statement 1 — …", a table of whether Bernard would know from each day is about the dates before the
    statement (15 was May 15 or Aug 15 then), until the section states what is left; a row saying Bernard would know
    from 14 is wrong at either stage."""
    ctx = ctxs("cheryl.txt")
    assert not _bad(_audit(ctx, _SECTION))
    assert _bad(_audit(ctx, _SECTION.replace("| 14 | Jul, Aug | no |", "| 14 | Jul, Aug | **yes** |")))


def test_the_removal_drawn_from_one_half_of_a_statement_is_that_half_s(ctxs):
    """"先看前半句，阿尔伯特不知道。这说明日子不可能是18号或19号": the removal is credited to the half "I don't know" alone,
    which removes nothing; the second half ("我知道伯纳德也不知道") does remove May and June. "The first half only
    excludes 13 and 20, which are already gone" grants the values gone, no removal claimed."""
    ctx = ctxs("cheryl.txt")
    said = _said(ctx, 1, "zh")
    assert _bad(_audit(ctx, said + "\n\n先看前半句，阿尔伯特不知道。这说明日子不可能是18号或19号。"))
    assert not _bad(_audit(ctx, said + "\n\n先看前半句，阿尔伯特不知道。这排除不了任何日期。\n\n"
                                       "再看后半句，阿尔伯特知道伯纳德不知道。所以不能是5月和6月。"))
    assert not _bad(_audit(ctx, said + "\n\n- The first half tells us nothing new.\n- The second half is the key: "
                                       "May contains 19 and June contains 18, so both are eliminated."))


def test_a_conclusion_heading_or_in_summary_opens_the_final_answer(ctxs):
    """"**结论**" then "综上所述，谢丽尔的生日是7月17日。" is the final answer (wrong), though the step before named 7月16日
    as the one date left; "In summary, Cheryl's birthday is July 16." is one too."""
    ctx = ctxs("cheryl.txt")
    before = _said(ctx, 3, "zh") + "\n\n所以月份是7月，只剩7月16日这一个日期。\n\n**结论**\n\n"
    assert _answer(ctx, before + "综上所述，谢丽尔的生日是7月17日。") == (((2, 17),), False)
    assert _answer(ctx, before + "综上所述，谢丽尔的生日是7月16日。") == (((2, 16),), True)
    assert _answer(ctx, _said(ctx, 3) + "\n\nMay and June are gone, and only July has one date.\n\n"
                                        "In summary, Cheryl's birthday is July 16.") == (((2, 16),), True)


def test_a_speaker_s_own_words_after_his_reach_the_next_statement(ctxs):
    """'- The second man sees the first and third hats. … His "I don't know" therefore excludes a red third hat.': the
    line's speaker and his words quoted are the second statement, so "the blind man already knows his hat is white"
    before it is premature (it is true after it)."""
    ctx = ctxs("hats.txt")
    first = ("- The first man would only know his own colour if both other hats were red. He doesn't, so they are not "
             "both red.\n")
    second = ("- The second man sees the first and third hats. If the third were red, he'd know his own hat is white. "
              "His \"I don't know\" therefore excludes a red third hat.\n")
    knows = "- From this alone the blind man already knows his hat is white.\n"
    assert not _bad(_audit(ctx, first + second + knows + "\n**Answer:** white."))
    assert _bad(_audit(ctx, first + knows + second + "\n**Answer:** white."))


def test_ruling_out_the_possibility_is_no_hedge(ctxs):
    """"这就排除了比尔是0或10的可能": "the possibility" (的可能) is what is ruled out, not a hedge; after Anne's first
    statement alone it is premature (Bill's own statement does it), after Bill's it is right."""
    ctx = ctxs("consecutive.txt")
    claim = "\n\n所以a不是0也不是10，这就排除了比尔是0或10的可能。"
    bill = "\n\n" + _said(ctx, 2, "zh").split("\n\n")[1]
    assert _bad(_audit(ctx, _said(ctx, 1, "zh") + claim + bill))
    assert not _bad(_audit(ctx, _said(ctx, 2, "zh") + claim))


def test_the_clause_before_a_comma_is_what_brings_nothing(ctxs):
    """"所以第一轮没人站出来，其实没有带来任何新信息": the first silence, before the comma, is said to remove nothing; with
    four children and three muddy it removes the worlds with one muddy child, so that is wrong, and "第一轮没人站出来，
    排除了只有一个人有泥的情况" is right."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    said = _said(ctx, 2, "zh")
    assert _bad(_audit(ctx, said + "\n\n所以第一轮没人站出来，其实没有带来任何新信息。"))
    assert not _bad(_audit(ctx, said + "\n\n所以第一轮没人站出来，排除了只有一个人有泥的情况。"))


def test_the_muddy_children_stepping_forward_is_the_last_announcement(ctxs):
    """"So at the second question both step forward." tells the muddy children knowing: a claim before it that the
    clean child already knows is premature, not a stage the trace never reaches; "they'd have stepped forward"
    (supposed) and "the two clean children step forward" (a claim) tell nothing."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    opening = "The father says at least one of them is muddy.\n\n"
    early = opening + "Right after the father speaks, the clean child sees two muddy faces, so she knows right away " \
        "that she is clean.\n\n"
    ending = "Nobody steps forward at first. So at the second question both step forward.\n\nAnswer: 2."

    def knowing(text):  # (verdict, reading) of the clean child's knowing
        c = _audit(ctx, text).steps[1].claims[0]
        return c.verdict.verdict, c.record.reading
    assert knowing(early + ending) == ("premature", "knowledge phrase")
    for other in ("If only one had been muddy, they'd have stepped forward at the first question.",
                  "Nobody steps forward at first. So at the second question the two clean children step forward."):
        assert knowing(early + other + "\n\nAnswer: 2.") == ("premature", "stage not reached by any cue")


def test_a_shared_value_in_an_answer_is_the_asked_variable_s(ctxs):
    """A colour no owner claims is read only where the sentence gives the answer: then it is the asked card's (Bill's
    in Hexa, not the last variable's, Cath's); elsewhere it is no one's."""
    from epistemic.audit.claims import tokens
    ctx = ctxs("hexa.txt")
    values = [t.payload for t in tokens(ctx.lexicon, "so it is white", answered=True) if t.kind == "value"]
    assert values == [("bill", 1)]
    assert [t for t in tokens(ctx.lexicon, "so it is white") if t.kind == "value"] == []
