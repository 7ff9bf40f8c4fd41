"""Readings from traces_bm* (32 rows of mixed lengths, half correct, written in session 30 by helpers who never read
the auditor, kept blind there and opened in session 31), checked both ways where the reader reads a wrong wording of
the same kind."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def test_what_the_writer_almost_said(ctxs):
    """"等一下，我刚才差点想说：…所以红桃Q、红桃4早就该排除了。不对，…": an idea the writer almost took and rejects, not an
    elimination (it flagged a correct trace); said outright it is one, and wrong (♥Q and ♥4 survive P's statement)."""
    ctx = ctxs("card16.txt")
    idea = "Q和4只在红桃里有，那P一开始就应该知道，所以红桃Q、红桃4早就该排除了。"
    last = "\n\nQ：“" + dict(ctx.puzzle.announcements[3].texts)["zh"] + "”"
    assert not _bad(_audit(ctx, _said(ctx, 3, "zh") + "\n\n等一下，我刚才差点想说：" + idea + "不对，一开始Q还有草花Q。" + last))
    assert _bad(_audit(ctx, _said(ctx, 3, "zh") + "\n\n" + idea + last))
    assert not _bad(_audit(ctx, _said(ctx, 1) + "\n\nI almost said the hearts Q and 4 go here, but they stay."))


def test_a_quote_two_statements_share_goes_to_its_speakers(ctxs):
    """'安妮说：“我不知道你的数。”' after an outline of the dialogue (which reached Anne's first): Anne's words, not Bill's
    statement with the same words, so "b 也不能是0或10" right after it is judged at Anne's statement (wrong: (1, 0) and
    (9, 10) survive it) and is right after Bill's."""
    ctx = ctxs("consecutive.txt")
    outline = "对话只有三句：安妮说不知道，比尔说不知道，安妮说知道了。\n\n"
    claim = "\n\n同理，比尔的数b也不能是0或10。"
    assert _bad(_audit(ctx, outline + "安妮说：“我不知道你的数。”" + claim + "\n\n比尔说：“我不知道你的数。”"))
    assert not _bad(_audit(ctx, outline + "安妮说：“我不知道你的数。”\n\n比尔说：“我不知道你的数。”" + claim))


def test_what_a_statement_can_only_mean(ctxs):
    """"所以伯纳德说的“现在知道了”只能指7月16日": the date named as the only one left (one statement early here: August 15
    and 17 go with Albert's last statement); it was not read."""
    ctx = ctxs("cheryl.txt")
    claims = [c.formula for st in _audit(ctx, _said(ctx, 2, "zh") + "\n\n所以伯纳德说的“现在知道了”只能指7月16日。").steps
              for c in st.claims if c.record.kind == "candidates"]
    assert claims == ["month = July and day = 16"]


def test_what_went_and_what_is_left_in_one_sentence(ctxs):
    """"spades and clubs are eliminated and only hearts and diamonds are left": two claims, what went and what is left
    (both were lost together); after P's first statement both are early, after Q's both right."""
    ctx = ctxs("card16.txt")
    sentence = "spades and clubs are eliminated and only hearts and diamonds are left."
    assert _bad(_audit(ctx, _said(ctx, 1) + "\n\nSo after P's first statement, " + sentence))
    report = _audit(ctx, _said(ctx, 2) + "\n\nSo after Q's statement, " + sentence)
    assert not _bad(report)
    assert [c.formula for c in report.steps[-1].claims] == ["not suit in {spades, clubs}", "suit in {hearts, diamonds}"]


def test_a_statement_that_takes_out_dates(ctxs):
    """"Albert's statement already takes out April 19 and June 19": a credit (Bernard's statement removes them, so it
    is wrong); "takes out March and May" is right."""
    ctx = ctxs("cheryl_variant.txt")
    said = _said(ctx, 1) + "\n\nSo Albert's statement "
    assert _bad(_audit(ctx, said + "already takes out April 19 and June 19."))
    assert not _bad(_audit(ctx, said + "takes out March and May."))


def test_a_heading_that_names_a_case_of_muddy_children(ctxs):
    """"### Exactly one muddy child" over a paragraph that works the case through: a case, not the count claimed (it
    flagged a right step of a trace that was past the first silence); the count said outright there is wrong."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    said = _said(ctx, 2) + "\n\n"
    case = "### Exactly one muddy child\nThe muddy child sees four clean faces, so it must be them."
    assert not _bad(_audit(ctx, said + case))
    assert _bad(_audit(ctx, said + "So there is exactly one muddy child."))


def test_a_number_not_the_sum_of_the_others(ctxs):
    """"hence c ≠ a + b" after Carol's statement: a relation with a sum (wrong: half the triples left have c = a + b);
    "c ≠ a" of it is not read, nor an equality "c = a + b" (a case's value, as a rule)."""
    ctx = ctxs("what_sum.txt")

    def bounds(text):
        return [(c.formula, c.verdict.verdict) for st in _audit(ctx, _said(ctx) + "\n\n" + text).steps
                for c in st.claims if c.record.kind == "term bound"]
    assert bounds("So she'd know, hence c ≠ a + b.") == [("c != a + b", "false")]
    assert bounds("If c = a + b, she would know.") == []
