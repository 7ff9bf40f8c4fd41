"""Readings from traces_dk* (32 rows written in session 51 by helpers who never read the auditor, scored blind at
0.770, then opened in session 52) and the tuning sets do*, dp* written beside the blind dn*, each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def test_a_forehead_number_named_after_its_bearer_is_not_seen(ctxs):
    """"Notation: Alice's number a, Bob's b, Carol's c.": in What Sum each sees the others' numbers, so "Bob's b" is
    his own, the one he does not see, not what he observes (a correct trace flagged: "Bob knows b" at the start)."""
    report = _audit(ctxs("what_sum.txt"), "Notation: Alice's number a, Bob's b, Carol's c.")
    assert _claims(report, "told") == [] and bad(report) == []
    card = _audit(ctxs("card16.txt"), "Q's rank is what he was told.")  # (one thing seen: what he has is what he sees)
    assert [c.formula for c in _claims(card, "told")] == ["Q knows rank"]


def test_a_candidate_label_with_a_relation_opens_a_case(ctxs):
    """"- candidate b = |a − c|: needs |a − c| ≠ c, i.e. a ≠ 2c": what the labelled candidate needs, not a bound on
    the stage (a correct trace flagged: `a ≠ 2c` one statement early)."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\n- candidate b = |a − c|: needs |a − c| ≠ c, i.e. a ≠ 2c; and "
                                        "|a − c| + c ≤ 50.")
    assert [(c.record.certain, c.record.reading) for c in _claims(report, "term bound")] == [(False, "supposition")]
    assert bad(report) == []


def test_a_sum_said_to_pass_in_a_question_is_not_kept(ctxs):
    """"- 51: 49 = 7², not prime... hmm, so 51 passes (a)–(c)? But the list I remember doesn't have 51.": asked,
    before the trace finds 51 = 17 + 34 kills it (a correct trace flagged: 51 kept)."""
    ctx = ctxs("sum_product.txt")
    report = _audit(ctx, "- 51: 51 − 2 = 49, composite... hmm, so 51 passes (a)–(c)? But the list I remember "
                         "doesn't have 51.")
    assert _claims(report, "possible") == []
    kept = _audit(ctx, "- 53: 53 − 2 = 51, composite, so 53 passes.")
    assert [c.formula for c in _claims(kept, "possible")] == ["x + y = 53 still possible"]


def test_an_agent_named_after_the_supposition_does_not_hold_its_value(ctxs):
    """"If the month were August, Albert would still be choosing among three dates, so Bernard couldn't know": the
    month supposed is one Bernard does not see, and Albert, named after the if-clause, only reasons about it: the
    wrong agent's information, strong alone (a first error missed in a long trace)."""
    ctx = ctxs("cheryl.txt")
    lead = said(ctx, 1) + "\n\nSo May and June are out.\n\nNow Bernard says \"I know now.\" "
    report = _audit(ctx, lead + "If the month were August, Albert would still be choosing among three dates, so "
                                "Bernard couldn't know it yet; it has to be July.")
    assert [(c.record.kind, c.evidence) for c in bad(report)] == [("hypothetical", "strong")]
    holder = _audit(ctx, lead + "If Albert had August, Bernard couldn't know it yet; it has to be July.")
    assert bad(holder) == []  # (an agent named inside the if-clause: his case, not Bernard's information)


def test_a_removal_column_keeps_what_a_removed_value_forces(ctxs):
    """"| 2 | Bill: … | b = 0 → a = 1; … and now also b = 1 (a = 0 is gone, so a = 2) and b = 9 (…) | 14 |" under
    "What it removes": b = 0, 10, 1 and 9 are removed; "→ a = 1" is what b = 0 would force, and the aside's "gone"
    is about a = 0 (a correct row flagged early: the cell read as candidates, then a = 1 as removed)."""
    ctx = ctxs("consecutive.txt")
    table = ("| # | Statement | What it removes | Left |\n|---|---|---|---|\n"
             "| 1 | Anne: \"I don't know your number\" | a = 0 and a = 10 | 18 |\n"
             "| 2 | Bill: \"I don't know your number\" | b = 0 → a = 1; b = 10 → a = 9; and now also b = 1 "
             "(a = 0 is gone, so a = 2) and b = 9 (a = 10 is gone, so a = 8) | 14 |")
    report = _audit(ctx, table)
    assert bad(report) == []
    assert sorted(c.formula for c in _claims(report, "credit")) == [
        "statement 1 rules out a in {0, 10}", "statement 2 rules out b = 0", "statement 2 rules out b = 10",
        "statement 2 rules out b in {1, 9}"]


def test_a_value_then_shi_is_a_case(ctxs):
    """"所以b = 1时比尔能确定a = 2。": "b = 1时" is "when b is 1", a case, not a claim that a = 2 (a correct trace
    flagged: a = 2 and Bill knowing read as claims of the stage)."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n所以b = 1时比尔能确定a = 2。")
    assert _claims(report) and not any(c.record.certain for c in _claims(report)
                                       if c.record.kind in ("candidates", "knowledge") and c.step == 2)
    assert bad(report) == []
    plain = _audit(ctx, said(ctx, 2, "zh") + "\n\n所以a = 2。")  # (without the case, a claim, false)
    assert [(c.record.kind, c.verdict.verdict) for c in bad(plain)] == [("candidates", "false")]


def test_a_range_before_an_arrow_is_a_case(ctxs):
    """"- a = 0 → b = 1 only / - a = 10 → b = 9 only / - a ∈ 1..9 → two partners": the range is the third case of
    the list, not a bound on the stage (a correct trace flagged at the start)."""
    report = _audit(ctxs("consecutive.txt"), "- a = 0 → b = 1 only\n- a = 10 → b = 9 only\n- a ∈ 1..9 → two partners")
    assert [(c.record.certain, c.record.reading) for c in _claims(report, "bound")] == [(False, "case analysis")]
    assert bad(report) == []


def test_a_set_minus_a_list_removes_it(ctxs):
    """"W1 = W0 − {(0,1), (10,9)}, |W1| = 18.": the pairs after the minus sign are taken away, not what is left (a
    correct trace flagged)."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\nW1 = W0 − {(0,1), (10,9)}, |W1| = 18.")
    assert [c.record.kind for c in _claims(report) if c.step == 1] == ["exclusion"] and bad(report) == []
    plain = _audit(ctx, said(ctx, 1) + "\n\nW1 = {(0,1), (10,9)}.")  # (without the minus, what is left: false)
    assert bad(plain)


def test_equalities_listed_after_one_dropped_are_dropped(ctxs):
    """"⇒ drop a = 0, a = 10": both dropped, not a = 10 left (a correct trace flagged); a = 2 said to stay after a
    dropped one stays."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 1) + "\n\n⇒ drop a = 0, a = 10.")
    assert [c.formula for c in _claims(report) if c.step == 1] == ["a != 0", "not a = 10"] and bad(report) == []
    kept = _audit(ctx, said(ctx, 1) + "\n\nSo we drop a = 0, a = 2 stays.")
    assert "not a = 2" not in [c.formula for c in _claims(kept)]


def test_an_answer_that_is_a_situation_is_no_final_answer(ctxs):
    """"什么情况下有人一眼就能知道自己的颜色？答案是看到两顶红帽子的时候，…": the answer to the trace's own question is
    a situation, not the blind man's hat (a correct trace flagged and its answer misjudged: red)."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, "什么情况下有人一眼就能知道自己的颜色？答案是看到两顶红帽子的时候，因为红帽子已经用完了，自己一定是白的。")
    assert _claims(report, "answer") == []
    given = _audit(ctx, "答案是白色。")
    assert [c.formula for c in _claims(given, "answer")] == ["h[3] = white"]


def test_a_row_struck_out_after_its_reason_asserts_the_reason(ctxs):
    """"如果这个点数只出现一次，P就能直接知道是哪张牌。我们数一下每个点数出现的次数：… - 5：只在方块出现一次 → 1次 ✘ 排除":
    the rule's "如果" ends with its sentence (the count after it is what is so), "只在方块出现一次" says 5 appears
    once, and the cross after the arrow strikes 5 out, leaving the reason asserted: false (♣5 is there too), a first
    error found."""
    ctx = ctxs("card16.txt")
    rows = "我们数一下每个点数出现的次数：\n- A：红桃、方块 → 2次 ✔ 保留\n- 5：只在方块出现一次 → 1次 ✘ 排除"
    report = _audit(ctx, said(ctx, 1, "zh") + "\n\n如果这个点数在16张牌里只出现一次，P就能直接知道是哪张牌。" + rows)
    assert [(c.record.kind, c.verdict.verdict, c.evidence) for c in bad(report)] == [("singletons", "false", "strong")]
    supposed = _audit(ctx, said(ctx, 1, "zh") + "\n\n如果这个点数在16张牌里只出现一次，那么：\n- 5：只在方块出现一次")
    assert bad(supposed) == []  # (a line that opens a supposition over the lines under it)
