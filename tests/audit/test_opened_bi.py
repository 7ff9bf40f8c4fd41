"""Readings from traces_bi* (30 long rows, 20 correct, written in session 29 by helpers who never read the
auditor, scored blind at the session's start code and after the traces_bg* readings, then opened), checked both
ways where the reader reads a wrong wording of the same kind."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def test_a_denied_elimination_with_a_time_between(ctxs):
    """"所以6月不能在第一步排除。": June cannot be eliminated at the first step, so it is no exclusion of June."""
    ctx = ctxs("cheryl_variant.txt")
    said = _said(ctx, 1, "zh") + "\n\n"
    assert not _bad(_audit(ctx, said + "所以6月不能在第一步排除。"))
    assert _bad(_audit(ctx, said + "所以6月在第一步排除。"))


def test_a_statement_named_by_its_number(ctxs):
    """"so it was removed in announcement 2": the label of a statement, not the value 2."""
    ctx = ctxs("what_sum.txt")
    said = "\n\n".join(dict(a.texts)["en"] for a in ctx.puzzle.announcements) + "\n\n"
    line = "The alternative (1, 2, 1) has a = c = 1; Bob would have known there, so it was removed "
    assert not _bad(_audit(ctx, said + line + "in announcement 2."))
    assert _bad(_audit(ctx, said + line + "and so was 2."))


def test_what_the_other_version_would_say(ctxs):
    """"McCarthy's phrasing, where S opens the conversation instead of P saying "I don't know" first": P says no such
    thing here."""
    ctx = ctxs("sum_product_s_first.txt")
    assert not _bad(_audit(ctx, 'This is McCarthy\'s phrasing, where S opens the conversation instead of P saying '
                                '"I don\'t know" first.'))
    assert _bad(_audit(ctx, 'Here S opens the conversation, and then P says "I don\'t know".'))


def test_each_line_its_own_case(ctxs):
    """"- s = 11: … → S would not know.\\n- s = 17: only (4, 13) survives → S knows.": each line under its own sum;
    "S knows" under s = 11 is wrong."""
    ctx = ctxs("sum_product.txt")
    said = _said(ctx, 4) + "\n\n- s = 11: (2, 9), (3, 8), (4, 7) survive → S would not know.\n"
    assert not _bad(_audit(ctx, said + "- s = 17: only (4, 13) survives → S knows."))
    assert _bad(_audit(ctx, said + "- s = 11 again: only (4, 7) survives → S knows."))


def test_a_heading_quoting_part_of_a_statement(ctxs):
    """'**Interpreting "I know that Bo does not know"**' is Ali's first statement, not Bo's: the list under it is
    judged after Ali's statement."""
    ctx = ctxs("cheryl_cam.txt")
    text = ('**Interpreting "I know that Bo does not know"**\n\nMarch and July stay.\n\n'
            "**Taking stock after Ali's first line**\n\n")
    assert not _bad(_audit(ctx, text + "The surviving dates are March 18, March 19, July 16, July 17, July 19."))
    assert _bad(_audit(ctx, text + "The surviving dates are March 18, March 19, July 16, July 17, July 19, June 16."))


def test_what_is_left_under_an_answer_heading(ctxs):
    """Under "## Answer", a recap line "Remaining: March 18, July 16, July 17." says what was left then, not the
    answer; a wrong remainder is still wrong."""
    ctx = ctxs("cheryl_cam.txt")
    recap = _said(ctx, 3) + "\n\n## Answer\n\n1. **Ali's first statement**: April and June go. Remaining: "
    assert not _bad(_audit(ctx, recap + "March 18, March 19, July 16, July 17, July 19."))
    assert _bad(_audit(ctx, recap + "March 18, March 19, July 16, July 17, July 19, June 29."))


def test_numbers_with_thousands_separators(ctxs):
    """"(1 + 2 + … + 50) − 25 = 1,275 − 25 = 1,250": not "275 − 25 = 1"; a slip in small numbers is still one."""
    ctx = ctxs("what_sum.txt")
    assert not _bad(_audit(ctx, "That's (1 + 2 + … + 50) − 25 = 1,275 − 25 = 1,250."))
    assert _bad(_audit(ctx, "That's 275 − 25 = 1."))


def test_an_agent_s_point_of_view_with_a_supposed_value(ctxs):
    """"我再站在伯纳德的角度想一遍第二句。假设伯纳德拿到的是14。…于是他排除了5月，只剩4月14日": his case."""
    ctx = ctxs("cheryl_variant.txt")
    said = _said(ctx, 2, "zh") + "\n\n"
    body = "假设伯纳德拿到的是14。一开始他面对4月14日和5月14日。于是他排除了5月，只剩4月14日，他就知道了。"
    assert not _bad(_audit(ctx, said + "我再站在伯纳德的角度想一遍第二句。" + body))
    assert _bad(_audit(ctx, said + "我再想一遍第二句。于是只剩4月14日。"))


def test_an_apposition_to_what_is_removed(ctxs):
    """"所以第一句排除了a = 0和a = 10，也就是(0,1)和(10,9)。": the pairs restate what goes; after "只剩一个日期，即…" the
    apposition is what is left."""
    ctx = ctxs("consecutive.txt")
    said = _said(ctx, 1, "zh") + "\n\n"
    assert not _bad(_audit(ctx, said + "所以第一句排除了a = 0和a = 10，也就是(0,1)和(10,9)。"))
    assert _bad(_audit(ctx, said + "所以第一句之后只剩两对，也就是(0,1)和(10,9)。"))


def test_a_bold_replay_heading(ctxs):
    """"**Forward replay with (4, 13)**" heads that world's replay, like "Forward replay with (4, 13):"."""
    ctx = ctxs("sum_product_s_first.txt")
    said = _said(ctx, 3) + "\n\n"
    body = "\n\n- s = 17. Splits → products 30, 42. So S knows P can't know. ✓"
    assert not _bad(_audit(ctx, said + "**Forward replay with (4, 13)**" + body))
    assert _bad(_audit(ctx, said + "**Forward, as before**" + body))


def test_lines_on_the_value_an_agent_holds(ctxs):
    """"Put yourself in Bernard's shoes." then "- Holding 16: 16 May is gone, leaving only 16 July. You know.": that
    holding's case (unchecked), not the stage's list."""
    ctx = ctxs("cheryl.txt")
    said = _said(ctx, 2) + "\n\nPut yourself in Bernard's shoes. You hold a day number.\n\n"

    def readings(line):
        return {c.record.reading for st in _audit(ctx, said + line).steps for c in st.claims
                if c.record.kind == "candidates"}
    assert readings("- Holding 16: 16 May is gone, leaving only 16 July. You know.") == {"case analysis"}
    assert "case analysis" not in readings("- So 16 May is gone, leaving only 16 July. You know.")


def test_a_long_check_of_the_answer_s_world(ctxs):
    """"Wait, let me double check the whole thing from the point of view of the answer itself, to make sure each
    statement is actually true if the birthday is July 16." heads that world's replay."""
    ctx = ctxs("cheryl.txt")
    said = _said(ctx, 3) + "\n\n"
    body = "\n\nAlbert has July. He doesn't know. Bernard has either 14 or 16; both days appear twice."
    assert not _bad(_audit(ctx, said + "Wait, let me double check the whole thing from the point of view of the "
                                       "answer itself, to make sure each statement is actually true if the birthday "
                                       "is July 16." + body))
    assert _bad(_audit(ctx, said + "Wait, let me think about the whole thing once more from the start." + body))
