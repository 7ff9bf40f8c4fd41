"""Readings from traces_bg* (30 long rows, 20 correct, written in session 29 by helpers who never read the
auditor, scored blind at the session's start code, then opened), checked both ways where the reader reads a wrong
wording of the same kind."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def _final(ctx, text: str):
    return _audit(ctx, text).final_answer_correct


def test_a_look_back_at_a_numbered_part_of_the_trace(ctxs):
    """"## Step 1: Albert's statement" … "Wait, let me double-check one thing I glossed over in Step 1. … Good, April
    stays.": the step goes back to Step 1's stage; without the look back it is said after the last statement."""
    ctx = ctxs("cheryl_variant.txt")
    parts = "\n\n".join(f"## Step {k}: {a.speaker}'s statement\n\n{a.speaker} says: “{dict(a.texts)['en']}”"
                        for k, a in enumerate(ctx.puzzle.announcements, start=1))
    check = "17 appears in March and April, so at the start it is shared. Good, April stays."
    assert not _bad(_audit(ctx, parts + "\n\nWait, let me double-check one thing I glossed over in Step 1. " + check))
    assert _bad(_audit(ctx, parts + "\n\nWait, let me double-check one thing. " + check))


def test_an_agent_s_own_candidates(ctxs):
    """"His candidates are July 14 and July 16.", "Bob sees a = 1, c = 2. Candidates b = 3 or 1.": what one agent
    considers possible, not the stage's candidates."""
    ctx = ctxs("cheryl.txt")
    said = _said(ctx, 3) + "\n\n"
    assert not _bad(_audit(ctx, said + "Albert is told July. His candidates are July 14 and July 16."))
    assert _bad(_audit(ctx, said + "Albert is told July. The candidates are July 14 and July 16."))
    ctx = ctxs("what_sum.txt")
    said = _said(ctx, 1) + "\n\n"
    assert not _bad(_audit(ctx, said + "Consider Bob. Bob sees a = 1, c = 2. Candidates b = 3 or 1."))
    assert _bad(_audit(ctx, said + "Consider Bob. Bob is puzzled. Candidates b = 3 or 1."))


def test_what_an_islander_considers(ctxs):
    """"他不知道自己是不是，考虑两种可能：蓝眼睛总数是2或者3": the possibilities one islander weighs."""
    ctx = ctxs("islanders.txt")
    said = _said(ctx, 2) + "\n\n"
    assert not _bad(_audit(ctx, said + "1号看到2号、3号是蓝眼睛。他不知道自己是不是，考虑两种可能：蓝眼睛总数是2或者3。"))
    assert _bad(_audit(ctx, said + "1号看到2号、3号是蓝眼睛。所以蓝眼睛总数是2或者3。"))


def test_a_count_answer_after_a_place(ctxs):
    """"答案：岛上有3个蓝眼睛的人。": where they are, then the count."""
    ctx = ctxs("islanders.txt")
    assert _final(ctx, "答案：岛上有3个蓝眼睛的人。") is True
    assert _final(ctx, "答案：岛上有2个蓝眼睛的人。") is False


def test_a_sanity_pass_assuming_a_world(ctxs):
    """"Let me do a sanity pass by role-playing each person, assuming the answer is July 16." heads that world's
    replay, though it ends on a full stop."""
    ctx = ctxs("cheryl.txt")
    said = _said(ctx, 3) + "\n\n"
    replay = "\n\nAlbert is told July. The dates are July 14 and July 16. He doesn't know which."
    assert not _bad(_audit(ctx, said + "Let me do a sanity pass by role-playing each person, assuming the answer is "
                                       "July 16." + replay))
    assert _bad(_audit(ctx, said + "Let me go on with the rest of the reasoning." + replay))


def test_surviving_one_test_on_its_own(ctxs):
    """"17 March survives the "Bernard doesn't know" test on its own": one criterion, not the stage; "17 March
    survives" after Albert's statement is wrong."""
    ctx = ctxs("cheryl_variant.txt")
    said = _said(ctx, 1) + "\n\n"
    assert not _bad(_audit(ctx, said + "For example, 17 March survives the \"Bernard doesn't know\" test on its own "
                                       "(17 is shared with April)."))
    assert _bad(_audit(ctx, said + "So 17 March survives."))


def test_an_example_world_after_a_label(ctxs):
    """"Example: a = 10, c = 30. Candidates b = 40 or 20." and "Try small numbers: a = 1, b = 3, c = 2 (here b = a +
    c)." over the next step: the example's case."""
    ctx = ctxs("what_sum.txt")
    said = _said(ctx, 2) + "\n\n"
    assert not _bad(_audit(ctx, said + "Bob can also know in other ways. Example: a = 10, c = 30. Candidates b = 40 "
                                       "or 20."))
    assert _bad(_audit(ctx, said + "Bob can also know in other ways. So b = 40 or 20."))
    line = "\n\n- Alice: candidates a = 5 or 1. She doesn't know."
    assert not _bad(_audit(ctx, said + "Let me find one surviving triple. Try small numbers: a = 1, b = 3, c = 2 "
                                       "(here b = a + c)." + line))
    assert _bad(_audit(ctx, said + "Let me find one surviving triple." + line))


def test_a_table_of_versions(ctxs):
    """"| | P-first (Freudenthal) | S-first (McCarthy) |": the row's quotes belong to two versions, so who says
    what there is not read; a table of this puzzle's statements still is."""
    ctx = ctxs("sum_product_s_first.txt")
    row = "|---|---|---|\n| Opening | P: \"I don't know\" | S: \"I knew you didn't know\" |"
    assert not _bad(_audit(ctx, "| | P-first (Freudenthal) | S-first (McCarthy) |\n" + row))
    assert _bad(_audit(ctx, "| | Line | Reply |\n" + row))


def test_what_someone_would_have_said(ctxs):
    """"had L4 been asked before L3, L4 would also have said "I don't know"", "What if the bartender had asked L4
    first? L4 … says "I don't know"": a supposition's speech, not the dialogue's."""
    ctx = ctxs("drinking_logicians.txt")
    assert not _bad(_audit(ctx, "Had L3 been asked before L2, L3 would also have said \"I don't know\"."))
    assert not _bad(_audit(ctx, "What if the bartender had asked L3 first? L3, wanting beer, says \"I don't know\"."))
    assert _bad(_audit(ctx, "Then the bartender asked L3. L3, wanting beer, says \"I don't know\"."))


def _kinds(ctx, text: str) -> set[str]:
    return {c.record.kind for st in _audit(ctx, text).steps for c in st.claims}


def test_the_instance_named_by_its_parameter(ctxs):
    """"This is the n = 4 version of the well-known three-logicians joke.": the instance, not the answer ("So n = 4."
    is read as the count)."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    assert "candidates" not in _kinds(ctx, "This is the n = 4 version of the well-known three-logicians joke.")
    assert "candidates" in _kinds(ctx, "So n = 4.")


def test_no_two_numbers_equal(ctxs):
    """"none of the three numbers can be equal", "no two of the numbers are equal", "没有两个数相等": all different,
    which only the three statements together give."""
    ctx = ctxs("what_sum.txt")
    for line in ("none of the three numbers can be equal.", "no two of the numbers are equal."):
        assert _bad(_audit(ctx, "Alice: “I don't know my number.”\n\nAfter Alice's statement, " + line)), line
        assert not _bad(_audit(ctx, _said(ctx, 3) + "\n\nAfter all three statements, " + line)), line
    assert "term bound" in _kinds(ctx, "所以没有两个数相等。")
    assert "term bound" not in _kinds(ctx, "所以有两个数相等。")
