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


def test_a_world_line_closed_by_one_tick_is_that_worlds_knowledge(ctxs):
    """"我们一个一个检查：… - 白白红：第二位看到第一位白、第三位红，…，所以他不知道 ✔ 保留": the line opens on a whole
    world (the hats in order) and its one closing tick is its verdict; going through the cases one by one is no
    replay. Man 2 not knowing in WWR is false once WRR is gone (a first error found one step early)."""
    ctx = ctxs("hats.txt")
    lines = ("第二位能看到第一位和第三位的帽子。我们一个一个检查：\n- 红白红：第二位看到红、红 → 知道自己是白色 ✘ 排除\n"
             "- 白白红：第二位看到第一位白、第三位红，他的帽子可能是白也可能是红，所以他不知道 ✔ 保留")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n" + lines)
    assert [(c.record.kind, c.verdict.verdict, c.evidence) for c in bad(report)] == [
        ("case knowledge", "false", "strong")]
    replayed = _audit(ctx, said(ctx, 2, "zh") + "\n\n" + lines.replace("✔ 保留", "✔；第一位不知道 ✔"))
    assert bad(replayed) == []  # (a line ticked statement by statement replays the dialogue)


def test_a_split_then_its_product_by_letter_is_arithmetic(ctxs):
    """"- 4+13 → p=56: alts 2·28 (30), …": the split's product, written "p=", is 52 (an arithmetic slip missed)."""
    report = _audit(ctxs("sum_product.txt"), "Test s = 17, splits:\n- 2+15 → p=30: 5·6 (11) also ∈ 𝒮 ⇒ ✗\n"
                                             "- 4+13 → p=56: alts 2·28 (30), 4·14 (18), 7·8 (15) — none ∈ 𝒮 ⇒ ✓")
    products = [(c.formula, c.verdict.verdict) for c in _claims(report, "arithmetic") if c.formula[2] == "*"]
    assert products == [("2 * 15 = 30", "entailed"), ("4 * 13 = 56", "false")]


def test_situations_of_a_count_said_eliminated_and_the_silence_named_again(ctxs):
    """"Nobody steps forward. … So nobody stepping forward eliminates all the 1-muddy situations. … So since nobody
    stepped forward in the first round, the 2-muddy situations are eliminated too.": "situations" are worlds of a
    count; the silence named again as a noun is the one in hand, not a second round, so the 2-muddy worlds go one
    silence early (a first error missed). Asked ("maybe … removes the 4-muddy case?") is no claim."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = 'Father: "At least one of you is muddy."\n\nNow the first question. Nobody steps forward.\n\n'
    report = _audit(ctx, lead + "So nobody stepping forward eliminates all the 1-muddy situations.\n\nSo since nobody "
                                "stepped forward in the first round, the 2-muddy situations are eliminated too.\n\n"
                                "At the second question again nobody steps forward. So exactly 3 are muddy.")
    assert [(c.formula[-6:], c.verdict.verdict) for c in _claims(report, "exclusion")] == [
        ("] != 1", "entailed"), ("] != 2", "premature")]
    assert [c.step for c in bad(report)] == [3]
    asked = _audit(ctx, lead + "Alternatively, maybe the first silence removes the 2-muddy case? No.")
    assert _claims(asked, "exclusion") == []


def test_a_line_labelled_by_an_attribute_and_its_value_is_that_case(ctxs):
    """"- 点数4：4有♥4、♠4、♣4三张，P先生还是不能确定，排除。" under P's "现在我知道了": the line is the case rank = 4
    (no copula between the attribute and its value), so P not knowing is that case's knowledge, false once only ♥4
    is left (a first error found one step early)."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx, 3, "zh") + "\n\n一个一个看：\n- 点数A：♥A和♦A都在，P先生不能确定，排除。\n"
                                               "- 点数4：4有♥4、♠4、♣4三张，P先生还是不能确定，排除。")
    assert [(c.formula, c.verdict.verdict) for c in bad(report)] == [("rank = 4 implies (not P knows card)", "false")]


def test_didnt_know_then_now_is_the_statement_before_and_after(ctxs):
    """"2. Bo didn't know, but now he knows." / "Bo didn't know, now does →": the statement retold, its first part
    before it (a correct step flagged, then corroborated by a wrong final answer)."""
    ctx = ctxs("cheryl_cam.txt")
    lead = said(ctx, 1) + "\n\n"
    for line in ("2. Bo didn't know, but now he knows.", "2. Bo didn't know, now does → his day occurs once."):
        report = _audit(ctx, lead + line)
        assert [c.verdict.verdict for c in _claims(report, "knowledge") if c.formula == "not Bo knows date"] == \
            ["entailed"], line


def test_a_parity_opening_a_line_as_its_label_is_a_case(ctxs):
    """"- s 为偶数：由哥德巴赫猜想…，P 能确定。排除。": an even sum as the line's label is the case ruled out, not a claim
    that the sum is even; "the sum must be odd: every even number …" still concludes."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, "- s 为偶数：由哥德巴赫猜想，s 可以写成两个质数之和，P 能确定。排除。")
    assert [(c.record.certain, c.record.reading) for c in _claims(report, "term bound")] == [(False, "case analysis")]
    said_so = _audit(ctx, "Consequently the sum must be odd: every even number up to 100 is a sum of two primes.")
    assert [c.record.reading for c in _claims(said_so, "term bound")] != ["case analysis"]


def test_a_product_written_out_names_no_values(ctxs):
    """"16也被排除，因为4×4不满足 x < y，只剩2×8一种分解。": 2×8 is a factorization, not y ∈ {2, 8} (a correct step
    flagged, then corroborated by a wrong final answer)."""
    ctx = ctxs("sum_product.txt")
    report = _audit(ctx, "16也被排除，因为4×4不满足 x < y，只剩2×8一种分解。")
    assert _claims(report, "candidates") == []
    listed = _audit(ctx, "因为 x < y，只剩 y 是2或8。")  # (numbers joined by 或 are values)
    assert [c.formula for c in _claims(listed, "candidates")] == ["y in {2, 8}"]


def test_only_when_then_that_is_is_the_condition(ctxs):
    """"只有当其中一个超出0到10的范围时她才能确定，也就是 a = 0 或 a = 10。": the values after "也就是" restate the
    condition of her knowing, not what is left (a correct step flagged, then corroborated by a wrong answer)."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 1, "zh") + "\n\n只有当其中一个超出0到10的范围时她才能确定，也就是 a = 0 或 a = 10。")
    assert [c.record.certain for c in _claims(report, "candidates")] == [False] and bad(report) == []
    english = _audit(ctx, said(ctx, 1) + "\n\nShe can be sure only when a neighbour is out of range, i.e. a = 0 or 10.")
    assert bad(english) == []


def test_the_ends_of_a_range_are_no_list(ctxs):
    """"比尔的数是 a ± 1 且在2到8之间": 2 and 8 are a range's ends, not the values {2, 8} (a correct step flagged);
    "a 在1到9之间" is read as the range only."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n安妮拿到 a，比尔的数是 a ± 1 且在2到8之间。\n\n也就是 a 在1到9之间。")
    assert _claims(report, "candidates") == [] and [c.formula for c in _claims(report, "bound")] == \
        ["a >= 1 and a <= 9"]
    listed = _audit(ctx, said(ctx, 2, "zh") + "\n\n所以 b 是2或8。")  # (a list: still read)
    assert [c.formula for c in _claims(listed, "candidates")] == ["b in {2, 8}"]
