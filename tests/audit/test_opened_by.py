"""Readings from traces_by* (32 rows, half correct, written in session 40 by helpers who never read the auditor,
scored blind three times, then opened in session 41), each checked both ways."""
from tests.audit.reading import audit as _audit


def _claims(report):
    return [(c.record.kind, c.verdict.verdict) for st in report.steps for c in st.claims]


def _credits(report):
    return [str(c.source) for st in report.steps for c in st.claims if c.record.kind == "credit"]


def test_an_ordinal_before_the_speaker_counts_the_dialogue(ctxs):
    """"第二句要按Q“事先就知道”来理解，排除…黑桃和草花": the dialogue's second statement, Q's (true), not Q's own second
    (the fourth, which would be false); "Q的第二句话排除了黑桃和草花" is Q's own second, Q the agent (not the queen)."""
    ctx = ctxs("card16.txt")
    said = _audit(ctx, "第二句要按Q“事先就知道”来理解，排除含有唯一点数的花色，也就是黑桃和草花。")
    assert _credits(said) == ["statement 2 rules out suit in {spades, clubs}"]
    assert ("credit", "false") not in _claims(said)
    own = _audit(ctx, "Q的第二句话排除了黑桃和草花。")
    assert _credits(own) == ["statement 4 rules out suit in {spades, clubs}"]


def test_knowing_beforehand_keeps_the_agent(ctxs):
    """"黑桃含J、8等唯一点数 → Q不可能事先确定 ✗": Q the agent who could not be sure beforehand (事先, a time word between
    the negation and the knowing), not the queen ruled out."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, "## 第二句：Q“我知道你不知道”\n注意是“早就知道”，要看Q最初手中花色的全部牌：\n"
                         "- 黑桃含J、8等唯一点数 → Q不可能事先确定 ✗\n- 红桃、方块 → 所有点数都重复 ✓")
    assert ("exclusion", "premature") not in _claims(report)
    assert not any("rank != Q" in str(c.source) for st in report.steps for c in st.claims)


def test_a_dated_conclusion_after_a_supposition_is_asserted(ctxs):
    """"…阿尔伯特如果拿到的是8月就无法确定，所以伯纳德这句话之后只剩下7月16日": the conclusion names the statement it
    stands after, so it is the writer's own (premature after Bernard: 8月15日 and 8月17日 remain); undated, "所以只剩下
    7月16日" after a supposition stays inside it."""
    ctx = ctxs("cheryl.txt")
    lead = "阿尔伯特说：我不知道，但我知道伯纳德也不知道。伯纳德说：一开始我不知道，现在我知道了。"
    dated = _audit(ctx, lead + "而8月还剩15日、17日两个，阿尔伯特如果拿到的是8月就无法确定，所以伯纳德这句话之后只剩下7月16日。")
    assert ("candidates", "premature") in _claims(dated)
    english = _audit(ctx, lead + "If Albert had August he could not know, so after Bernard's statement only July 16 "
                                 "is left.")
    assert ("candidates", "premature") in _claims(english)
    undated = _audit(ctx, lead + "而8月还剩15日、17日两个，阿尔伯特如果拿到的是8月就无法确定，所以只剩下7月16日。")
    assert "candidates" not in [k for k, _ in _claims(undated)]


def test_a_number_annotated_prime_in_a_table(ctxs):
    """"| 53 | 51 (prime) | ✗ |": 51 is called prime (false: 3 × 17); "| 55 | 53 (prime) | ✗ |" and "55（合数）" are
    right; "2 + 9 (prime)" names no number alone."""
    ctx = ctxs("sum_product.txt")
    table = "| s | s − 2 | OK? |\n|---|---|---|\n| 51 | 49 | ✓ |\n| {} | {} (prime) | ✗ |"
    assert ("prime", "false") in _claims(_audit(ctx, table.format(53, 51)))
    assert ("prime", "entailed") in _claims(_audit(ctx, table.format(55, 53)))
    assert ("prime", "entailed") in _claims(_audit(ctx, "57 − 2 = 55（合数），所以57可以。"))
    assert "prime" not in [k for k, _ in _claims(_audit(ctx, "The split 2 + 9 (prime) is out."))]


def test_this_statement_removes_nothing_on_the_statements_own_line(ctxs):
    """"4. Q也知道了：…，这句话排除不了任何牌": the line gives Q's last statement, which removes ♥Q and ♥4 (false);
    'Q says: "Now I know it too." This statement rules out nothing.' likewise; the same words after a quote inside a
    rejected idea ("比如…也可以说“我知道你不知道”。但这样理解不对，…这句话就什么都没排除") credit nothing."""
    ctx = ctxs("card16.txt")
    outline = _audit(ctx, "1. P不知道 ⇒ 点数重复出现：A、Q、4、5。\n2. Q早知道P不知道 ⇒ Q的花色里没有唯一点数。\n"
                          "3. P现在知道 ⇒ 点数在剩余牌中唯一。\n4. Q也知道了：Q、4、5三个点数在剩下的牌里各自只对应一张，"
                          "所以无论是哪一张，Q先生都能确定，这句话排除不了任何牌。")
    assert _credits(outline) == ["statement 4 rules out nothing"]
    assert ("credit", "false") in _claims(outline)
    lead = "P says \"I don't know\". Q says \"I knew you didn't know\". P says \"Now I know\".\n\n"
    said = _audit(ctx, lead + 'Q says: "Now I know it too." This statement rules out nothing.')
    assert ("credit", "false") in _claims(said)
    rejected = _audit(ctx, "P先生说：我不知道。\n\n嗯，比如黑桃只剩黑桃4，4是重复的，那Q先生拿黑桃也可以说\"我知道你不知道\"。"
                           "但这样理解不对，因为这样每个花色都满足，这句话就什么都没排除。")
    assert "credit" not in [k for k, _ in _claims(rejected)]


def _hypotheticals(report):
    return [(str(c.source), c.record.certain) for st in report.steps for c in st.claims if c.record.kind == "hypothetical"]


def test_a_case_opened_by_when_is_a_supposition(ctxs):
    """"b = 1时，…，比尔不知道", "当b = 0时，比尔会知道", "When b = 0, Bill knows": who knows in a case of values, read as
    a supposition (not that Bill knows, premature, nor the case's value as the stage's); a time with no value ("这时，
    比尔知道了") stays a plain knowing."""
    ctx = ctxs("consecutive.txt")
    lead = "安妮说：我不知道。比尔说：我不知道。"
    for text, key in (("b = 1时，比尔不知道。", "b = 1 implies (not Bill knows a)"),
                      ("当b = 0时，比尔会知道。", "b = 0 implies Bill knows a"),
                      ("b = 0的时候，比尔知道。", "b = 0 implies Bill knows a"),
                      ("When b = 0, Bill knows.", "b = 0 implies Bill knows a")):
        report = _audit(ctx, lead + text)
        assert _hypotheticals(report) == [(key, True)], text
        assert ("knowledge", "premature") not in _claims(report)
        assert ("candidates", "false") not in _claims(report)
    plain = _audit(ctx, lead + "安妮说：我知道了。这时，比尔也知道了。")
    assert not _hypotheticals(plain)


def test_another_agents_options_between_a_case_and_who_knows(ctxs):
    """"b = 1时，安妮可能是0或2，比尔不知道", "If b = 1, Anne could be 0 or 2, so Bill does not know": Anne's numbers (a),
    a reason between the case and the knowing, neither part of the case nor a hedge of the claim."""
    ctx = ctxs("consecutive.txt")
    lead = "安妮说：我不知道。比尔说：我不知道。"
    for text in ("而b = 1时，安妮可能是0或2，比尔不知道。", "如果b = 1，安妮可能是0或2，比尔不知道。",
                 "If b = 1, Anne could be 0 or 2, so Bill does not know."):
        assert _hypotheticals(_audit(ctx, lead + text)) == [("b = 1 implies (not Bill knows a)", True)], text
    values = [c for st in _audit(ctx, lead + "If b = 0, Anne could only be 1.").steps for c in st.claims]
    assert not any("b = 1" in str(c.source) for c in values)


def test_a_closing_answer_naming_no_date_is_the_answer_given(ctxs):
    """"So the unique answer is June 12.", a summary, then "**Answer: Cheryl's birthday is July 16.**" (no July in this
    list): the trace answers July 16, wrong, not the June 12 it reached before; closing on June 12 is right."""
    ctx = ctxs("cheryl_variant.txt")
    summary = ("Albert hears Bernard knows. Albert with June: candidates June 12 and June 19. If it were June 19, Bernard "
               "would have 19 and would not know. So June 19 is out, it's June 12. Albert knows. ✓\n\n"
               "So the unique answer is June 12.\n\nLet me write the answer.\n\n"
               "**Summary of the reasoning**\n\n- Albert's first statement rules out March "
               "(13 occurs only there) and May (20 occurs only there), leaving April 14, April 17, April 19, June 12 and "
               "June 19.\n- Bernard can now know unless his day is 19. This leaves April 14, April 17 and June 12.\n"
               "- Albert then knows, so his month has a single remaining date: April still has two, June has one.\n\n")
    wrong = _audit(ctx, summary + "**Answer: Cheryl's birthday is July 16.**")
    assert wrong.foreign_answer == "July 16" and not wrong.final_answer_correct
    assert _audit(ctx, summary + "**Answer: Cheryl's birthday is June 12.**").final_answer_correct


def test_an_answer_table_with_a_row_per_asked_number(ctxs):
    """"### Answer" over "| x | **4** |", "| y | **13** |", "| sum / product | 17 / 52 |": the answer is x = 4, y = 13
    (right), not the pair 17, 52 of its last row; with 15 in y's row the answer read is (4, 15)."""
    ctx = ctxs("sum_product.txt")
    table = "Done.\n\n### Answer\n\n| | |\n|---|---|\n| x | **4** |\n| y | **{}** |\n| sum / product | 17 / 52 |"
    assert _audit(ctx, table.format(13)).final_answer == ((4, 13),)
    assert _audit(ctx, table.format(15)).final_answer == ((4, 15),)


def test_a_value_that_can_be_fixed_is_settled(ctxs):
    """"所以月份已经可以定为6月" right after Albert's first statement: the month is settled as June (premature: April
    still stands); "So the month can already be pinned down as June" likewise; "能让伯纳德知道的日子可以是13或20" is a
    property of days, not the stage (unread as candidates)."""
    ctx = ctxs("cheryl_variant.txt")
    lead = "阿尔伯特：“我不知道，但我知道伯纳德也不知道” → 排除3月、5月。"
    for text in ("所以月份已经可以定为6月。", "So the month can already be pinned down as June."):
        claims = [c for st in _audit(ctx, lead + text).steps for c in st.claims if c.record.kind == "candidates"]
        assert [(c.verdict.verdict, c.record.certain) for c in claims] == [("premature", True)], text
    assert "candidates" not in [k for k, _ in _claims(_audit(ctx, lead + "能让伯纳德知道的日子可以是13或20。"))]


def test_the_letter_of_an_observed_term(ctxs):
    """"→ s ∈ {11, …, 51, 53}" where S observes the sum: s is the sum (51 kept is false; the list without it is
    right); "p = 52" the product; not the s of "S's statement", nor "a prime factor p ≥ 50"; "排除 s ≥ 55" and "this
    rules out s ≥ 55" leave s < 55; "s = 11 有 (2, 9)…" and "看s = 11：" name a case, not the sum."""
    ctx = ctxs("sum_product.txt")
    lead = 'P says: "I do not know the numbers." S says: "I knew you did not know." '
    sums = "11, 17, 23, 27, 29, 35, 37, 41, 47, {}53"
    assert ("candidates", "false") in _claims(_audit(ctx, lead + "→ s ∈ {" + sums.format("51, ") + "}"))
    assert ("candidates", "entailed") in _claims(_audit(ctx, lead + "→ s ∈ {" + sums.format("") + "}"))
    assert [str(c.source) for st in _audit(ctx, "So p = 52.").steps for c in st.claims] == ["x * y = 52"]
    assert not any(t.kind == "attr" for t in ctx.lexicon.scan("S's statement"))
    assert any(t.kind == "attr" and t.text == "s" for t in ctx.lexicon.scan("so s = 17"))
    assert "term bound" not in [k for k, _ in _claims(_audit(ctx, lead + "Products with a prime factor p ≥ 50 go."))]
    for text in ("排除 s ≥ 55。", "This rules out s ≥ 55."):
        assert ("term bound", "entailed") in _claims(_audit(ctx, lead + text)), text
    for text in ("反过来验证：s = 11 有 (2, 9)、(3, 8)、(4, 7) 三个让 P 能确定的拆分；s = 23 有 (4, 19)、(7, 16)。",
                 "看s = 11：拆法2+9、3+8。", "Smallest case, s = 11:"):
        claims = [c for st in _audit(ctx, lead + text).steps for c in st.claims if c.record.kind == "candidates"]
        assert claims and not any(c.record.certain for c in claims), text
