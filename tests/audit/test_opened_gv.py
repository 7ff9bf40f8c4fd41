"""Readings from traces_gv* (32 rows written in session 66 by helpers who never read the auditor, as Claude chat answers
in English prose and DeepSeek-V3 / Kimi answers in Chinese; scored blind at 0.769 at the start of sessions 66 and 67,
then opened in session 67), each checked both ways: "伯纳德知道日期中的“日”" (the part of the date named in quotes);
"the third must want a beer as well" (an agent by its place, no noun); "the bus number is 17, and Cheryl is either 8 or
9" (what the story calls the number the agents are told); "Q的这句话排除了A" (Q the speaker, not the queen)."""
from epistemic.audit.claims import extract_records
from epistemic.audit.computed import tuple_values
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def _read(ctx, text, kind=None):
    return [(r.kind, r.key.formula, r.certain) for r in extract_records(ctx.lexicon, text, False, ctx.memo)
            if kind is None or r.kind == kind]


def test_the_part_of_the_date_named_in_quotes(ctxs):
    """"伯纳德知道日期中的“日”": Bernard is told the day (true), not the date (which he does not know at the start)."""
    ctx = ctxs("cheryl.txt")
    text = "阿尔伯特知道月份，伯纳德知道日期中的“日”。"
    assert [f for _, f, _ in _read(ctx, text, "told")] == [
        ("Knows", "agent", ("Albert",), "value", (("Var", "month"),)),
        ("Knows", "agent", ("Bernard",), "value", (("Var", "day"),))]
    assert not bad(_audit(ctx, text))


def test_an_agent_by_its_place_alone(ctxs):
    """"the third must want a beer as well" after two "I don't know"s is one statement early (her "Yes!" says it);
    after the third statement it is right."""
    ctx = ctxs("drinking_logicians.txt")
    claim = "At this point we already see it: the third must want a beer as well."
    assert [f for _, f, _ in _read(ctx, claim)] == [("Compare", "=", ("Var", "b[3]"), ("Const", 1))]
    early = _audit(ctx, said(ctx, 2) + "\n\n" + claim)
    assert [c.verdict.verdict for c in _claims(early, "candidates")] == ["premature"] and bad(early)
    assert not bad(_audit(ctx, said(ctx, 3) + "\n\n" + claim))


_BUS = ("Cheryl: “I have two younger brothers. The product of all our ages is 144.”\n\nAlbert and Bernard: “We still "
        "don't know your age.”\n\nCheryl: “The sum of our ages is the number of this bus.”\n\nAlbert and Bernard: “Of "
        "course we know the bus number, but we still don't know your age.”\n\nThe bus number must be shared by at "
        "least two combinations. Scanning the sums, 17 shows up twice and {rest}. So the bus number is **{bus}**, and "
        "Cheryl is either {ages}.")


def test_the_bus_number_is_the_sum(ctxs):
    """The sum of the ages is the bus number ("the bus number is 17" is a claim on the sum), and "Cheryl is either 8 or
    9" after a sentence on which sums repeat is a list of what is left, not of values with a property: 19 repeats too,
    so Cheryl may be 8, 9 or 12."""
    ctx = ctxs("cheryls_age.txt")
    assert [f[2] for _, f, _ in _read(ctx, "So the bus number is 17.")] == [
        ("Arith", "+", ("Arith", "+", ("Var", "cheryl"), ("Var", "older")),
         ("Arith", "/", ("Const", 144), ("Arith", "*", ("Var", "cheryl"), ("Var", "older"))))]
    wrong = _audit(ctx, _BUS.format(rest="every other sum appears only once", bus="17", ages="8 or 9"))
    assert ("cheryl in {8, 9}", "false") in [(c.formula, c.verdict.verdict) for c in _claims(wrong, "candidates")]
    assert bad(wrong)
    right = _audit(ctx, _BUS.format(rest="so does 19", bus="17 or 19", ages="8, 9 or 12"))
    assert not bad(right)


def test_q_the_speaker_of_this_statement(ctxs):
    """"所以Q的这句话同时排除了A": Q's statement is credited with removing the aces, which P's second statement does;
    "Q的这句话排除了黑桃和梅花" credits it with what it does remove."""
    ctx = ctxs("card16.txt")
    assert [f for k, f, _ in _read(ctx, "所以Q的这句话排除了A。")] == [("Compare", "!=", ("Var", "rank"), ("Const", 0))]
    wrong = _audit(ctx, said(ctx, 2, "zh") + "\n\n所以Q的这句话同时排除了A。")
    assert [c.verdict.verdict for c in _claims(wrong, "credit")] == ["premature"] and bad(wrong)
    right = _audit(ctx, said(ctx, 2, "zh") + "\n\n所以Q的这句话排除了黑桃和梅花。")
    assert [c.verdict.verdict for c in _claims(right, "credit")] == ["entailed"] and not bad(right)


# Readings from the tuning sets of session 67 (hh1 code-ish notation, hi1 terse answers, hj1 Reddit threads, hk1 知乎,
# hl1 debate transcripts, hm1 olympiad write-ups), each checked both ways.


def test_spoiler_marks_hide_nothing(ctxs):
    """Reddit's spoiler marks (">!9!<") are markup: an opening ">!Cheryl is 9.!<" under a user's line is a headline,
    and a closing "答案：>!梅花5!<" is the answer the thread gives (wrong: ♦5)."""
    ctx = ctxs("cheryls_age.txt")
    head = "u/someone · 276 points\n\n>!Cheryl is {}.!<\n\n" + said(ctx) + "\n\nSo she is 9."
    assert not bad(_audit(ctx, head.format(9)))
    card = ctxs("card16.txt")
    for answer, right in (("方块5", True), ("梅花5", False)):
        report = _audit(card, said(card, None, "zh") + f"\n\n所以是方块5。\n\n总结一下最后答案：>!{answer}!<")
        assert report.final_answer_correct is right


def test_a_survival_dated_by_the_statement_s_number(ctxs):
    """"15 is fine for Bernard, that's why it survives step 2": the 15 survives Bernard's statement (true), not the
    third, which removes it; "survives step 3" is false."""
    ctx = ctxs("cheryl.txt")
    for n, verdict in ((2, "entailed"), (3, "false")):
        report = _audit(ctx, said(ctx, 3) + f"\n\nSo 15 is fine for Bernard, that's why it survives step {n}.")
        assert [c.verdict.verdict for c in _claims(report, "possible")] == [verdict]


def test_at_that_point_is_the_time_just_named(ctxs):
    """"After the first silence we have at least two; 111 is still on the table at that point.": 111 survives the
    first silence (it goes only when the muddy children know); "110 is out at that point" is false."""
    ctx = ctxs("muddy.txt")
    head = said(ctx, 3) + "\n\nAfter the first silence we have at least two; "
    assert not bad(_audit(ctx, head + "111 is still on the table at that point."))
    report = _audit(ctx, head + "110 is out at that point.")
    assert ("false", 2) in [(c.verdict.verdict, c.verdict.stage) for c in _claims(report, "exclusion")]


def test_code_notation(ctxs):
    """A comment after code closes its clause ("after_w1 = [WWW, …]   # WRR removed, 6 left": the list is what is
    left, only WRR goes) and gives a tuple's sum ("(12, 4, 3),   # 18": false); a commented case line closes on its
    verdict ("#   b = 0  -> a in {1}  -> knows -> drop")."""
    hats = ctxs("hats.txt")
    read = _read(hats, "after_w1 = [WWW, WWR, WRW, RWW, RWR, RRW]   # WRR removed, 6 left")
    assert [k for k, _, _ in read] == ["candidates", "exclusion"]
    age = ctxs("cheryls_age.txt")
    rows = "triples = [\n  (9, 4, 4),    # 17\n  (8, 6, 3),    # 17\n  (9, 8, 2),    # 19\n  (12, 4, 3),   # {}\n]"
    assert [(r.key.formula[3], r.reading) for r in tuple_values(rows.format(18))][-1] == (("Const", 18), "arithmetic")
    assert not bad(_audit(age, rows.format(19))) and bad(_audit(age, rows.format(18)))
    pairs = ctxs("consecutive.txt")
    lines = "\n".join(f"#   b = {b}  -> a in {{{a}}}  -> knows -> {v}" for b, a, v in ((0, 1, "drop"), (10, 9, "drop")))
    report = _audit(pairs, said(pairs, 2) + "\n\n# B2: Bill\n" + lines)
    assert [c.verdict.verdict for c in _claims(report, "exclusion")] == ["entailed"] * 2 and not bad(report)
    assert bad(_audit(pairs, said(pairs, 2) + "\n\n# B2: Bill\n" + lines.replace("drop", "keep")))


def test_labels_from_the_speakers_initials(ctxs):
    """"A1 ("don't know") ⇒ a ≠ 0, 10" and "B2 … ⇒ b ∉ {0, 1, 9, 10}": the statements by their speaker's initial and
    place (Anne's first, Bill's second), so each removal is dated at its statement, not before any."""
    ctx = ctxs("consecutive.txt")
    text = ("Yes.\n\nA1 (\"don't know\") ⇒ a ≠ 0, 10.\n\nB2 (\"don't know\") ⇒ b ∉ {0, 1, 9, 10}.\n\n"
            "A3 (\"I know\") ⇒ a ∈ {1, 2, 8, 9}.")
    report = _audit(ctx, text)
    assert [c.verdict.verdict for c in _claims(report, "exclusion")] == ["entailed", "entailed"] and not bad(report)


def test_number_three_and_two_of_three(ctxs):
    """"三号全是白" is number three's hat in every case left, not every hat; "第二、三位不全是红的" says two hats are
    not both red."""
    ctx = ctxs("hats.txt")
    assert [k for k, _, _ in _read(ctx, "剩：白白白、白红白、红白白、红红白，三号全是白。")] == ["candidates"]
    assert _read(ctx, "说明第二、三位不全是红的。") == []
    assert [k for k, _, _ in _read(ctx, "三个人都是白的。")] == ["candidates"]


def test_a_bool_variable_given_a_bit_and_wanting_one(ctxs):
    """"so L3 wants one too: b3 = 1" after two "I don't know"s is one statement early; after her "Yes!" it is right.
    Drinking logicians' "n = 3" gives the instance's size, no count of who wants beer."""
    ctx = ctxs("drinking_logicians.txt")
    claim = "At this point L3 wants one too: b3 = 1."
    assert [f for _, f, _ in _read(ctx, claim)] == [("Compare", "=", ("Var", "b[3]"), ("Const", 1))] * 2
    assert bad(_audit(ctx, said(ctx, 2) + "\n\n" + claim))
    assert not bad(_audit(ctx, said(ctx, 3) + "\n\n" + claim))
    assert _read(ctx, "n = 3") == []
    assert _read(ctxs("muddy.txt"), "So k = 2.")


def test_a_critic_s_turn_is_another_voice(ctxs):
    """In a debate transcript "Critic: I think April 17 should go too." is an objection (rejected or not), not the
    trace's claim; the solver saying it is."""
    ctx = ctxs("cheryl_variant.txt")
    head, tail = said(ctx, 2, "zh") + "\n\n", "\n\n" + said(ctx, None, "zh").split("\n\n")[2]
    assert not bad(_audit(ctx, head + "批评者：所以4月17日也被排除了。\n\n解题者：不对，4月17日保留。" + tail))
    assert bad(_audit(ctx, head + "解题者：所以4月17日也被排除了。" + tail))


def test_the_solver_s_opening_answer_and_a_claim_of_the_whole_dialogue(ctxs):
    """"Solver: Yes, all different." opening a debate is its headline; "**Claim.** In every world consistent with
    the three announcements, a, b, c are pairwise distinct." dates itself after all three."""
    ctx = ctxs("what_sum.txt")
    body = "\n\n" + said(ctx) + "\n\nSo after all three statements no two numbers are equal: yes."
    assert not bad(_audit(ctx, "Solver: Yes, all different." + body))
    claim = "**Claim.** In every world {} the three announcements, a, b, c are pairwise distinct."
    assert not bad(_audit(ctx, claim.format("consistent with") + body))
    assert bad(_audit(ctx, said(ctx) + "\n\n" + claim.format("consistent with Alice's statement")))


def test_a_case_before_an_arrow_to_knowing(ctxs):
    """"a=c ⇒ Bob knows b" and "b2 = 0 ⇒ L2 knows": the case that would let him know, and what he would know in it;
    not that a = c, nor that Bob is told b (said plainly, "So Bob knows b." is false: he sees a and c)."""
    ctx = ctxs("what_sum.txt")
    read = _read(ctx, "Symmetrically, a=c ⇒ Bob knows b, and a=b ⇒ Carol knows c.")
    assert read and not any(certain for _, _, certain in read)
    assert bad(_audit(ctx, "So Bob knows b."))
    logicians = ctxs("drinking_logicians.txt")
    case = ("Compare", "=", ("Var", "b[2]"), ("Const", 0))
    assert [c for _, f, c in _read(logicians, "Same logic: b2 = 0 ⇒ L2 knows the answer.") if f == case] == [False]
    assert [c for _, f, c in _read(logicians, "So b2 = 0.") if f == case] == [True]


def test_what_bernard_heard_and_a_fact_he_knows(ctxs):
    """"伯纳德听到这句话后便知道月份只能是7月或8月" is after Albert's statement (what Bernard heard, not Bernard's own
    statement, as "伯纳德说完这句话以后" is), and what he knows is that the month is July or August (true there), not
    which month ("伯纳德便知道月份", false there)."""
    ctx = ctxs("cheryl.txt")
    assert ctx.aligner.anchor("伯纳德听到这句话后", 1) is None and ctx.aligner.anchor("伯纳德说完这句话以后", 1) == 2
    that = ("Knows", "agent", ("Bernard",), "that", ("Member", ("Var", "month"), (2, 3)))
    assert [f for _, f, _ in _read(ctx, "伯纳德便知道月份只能是7月或8月。")] == [that]
    assert [f for _, f, _ in _read(ctx, "伯纳德便知道月份。")] == [("Knows", "agent", ("Bernard",), "value",
                                                                  (("Var", "month"),))]
    report = _audit(ctx, said(ctx, 1, "zh") + "\n\n伯纳德听到这句话后便知道月份只能是7月或8月。")
    assert [(c.verdict.verdict, c.verdict.stage) for c in _claims(report, "knowledge")] == [("entailed", 1)]
