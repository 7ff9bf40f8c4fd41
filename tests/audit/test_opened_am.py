"""Readings from the opened blind set traces_am* (session 23: its three false alarms and its early flags first), each
checked both ways: the true sentence passes, and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad


def test_what_the_answer_is_not_is_judged_after_the_dialogue(ctxs):
    """"这题跟谢丽尔的生日几乎一样，只是日期换了，所以答案应该不是7月16日" (Cam's list, where the answer is March 18) says what
    the final answer is not: right after the whole dialogue, not a stage-0 exclusion; "答案应该不是3月18日" is wrong."""
    ctx = ctxs("cheryl_cam.txt")
    line = ("阿里知道月份，波知道日子。这题跟谢丽尔的生日几乎一样，只是日期换了，所以答案应该不是{}，要重新算。\n\n"
            "阿里说：我不知道，但我知道波也不知道。\n\n波说：起初我不知道，但现在我知道了。\n\n阿里说：那我也知道了。")
    assert not _bad(_audit(ctx, line.format("7月16日")))
    gone = [c for c in _audit(ctx, line.format("3月18日")).claims() if c.record.kind == "exclusion"]
    assert gone and gone[0].verdict.verdict == "false"


def test_a_relation_restating_the_equation_before_it_is_a_case(ctxs):
    """"1. |b − c| = 0, i.e. b = c." in a list of the ways a candidate is impossible restates its condition (a case);
    "So b = c." on its own still says the two numbers are equal (false)."""
    ctx = ctxs("what_sum.txt")
    head = "When is a candidate impossible? There are two ways at the start:\n"
    assert not _bad(_audit(ctx, head + "1. |b − c| = 0, i.e. b = c. Zero isn't allowed, so you must be b + c."))
    assert _bad(_audit(ctx, head + "1. So b = c. Zero isn't allowed, so you must be b + c."))


CONSECUTIVE = ("- Anne sees a, so Bill's number is a − 1 or a + 1. She'd know only at the edges: a = 0 (then b = 1) or "
               "a = 10 (then b = 9). **Her \"no\" ⇒ a ∈ {{1, ..., 9}}.**\n"
               "- Bill sees b and now also knows a ≠ 0, 10. He'd know if one of b ± 1 is excluded. "
               "**His \"no\" ⇒ b ∈ {}.**\n\nAnne: I know your number. So the pairs are (1, 2), (2, 3), (8, 7), (9, 8).")


def test_bulleted_lines_naming_a_speakers_quoted_no_are_that_statements(ctxs):
    """"- Anne sees a, … **Her "no" ⇒ a ∈ {1, ..., 9}.**" then "- Bill sees b … **His "no" ⇒ b ∈ {2, ..., 8}.**":
    an outline, each line dated by its speaker's statement (right); "b ∈ {3, ..., 8}" on Bill's line is false."""
    ctx = ctxs("consecutive.txt")
    assert not _bad(_audit(ctx, CONSECUTIVE.format("{2, ..., 8}")))
    assert _bad(_audit(ctx, CONSECUTIVE.format("{3, ..., 8}")))


def test_a_table_keyed_by_silences_dates_each_row(ctxs):
    """"| silences so far | what everyone can conclude |" with rows "| 1 | at least 2 muddy |" …: each row holds after
    that many silences (6 children, 4 muddy: three silences), rows past the last silence are cases; a row
    "| 1 | at least 3 muddy |" is premature."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    table = ("Father: at least one of you is muddy.\n\nWhat each silence gives:\n\n"
             "| silences so far | what everyone can conclude |\n|---|---|\n| 0 | at least 1 muddy |\n"
             "| 1 | at least {} muddy |\n| 2 | at least 3 muddy |\n| 3 | at least 4 muddy |\n"
             "| 4 | at least 5 muddy |\n\n"
             "So after three silences the four muddy children know.")
    assert not _bad(_audit(ctx, table.format(2)))
    bounds = [c for c in _audit(ctx, table.format(3)).claims() if c.record.kind == "bound" and c.record.certain]
    assert any(c.verdict.verdict == "premature" for c in bounds)


def test_a_row_named_by_its_value_and_an_elimination_said_already_done(ctxs):
    """'I initially wrote "0, 2" in the b = 1 row — …; a = 0 was already excluded by Anne, so Bill with 1 would know.'
    after Bill's statement: no claim that b = 1, and a = 0 excluded (right); "a = 2 was already excluded by Anne" is
    false."""
    ctx = ctxs("consecutive.txt")
    head = "Anne: I don't know your number. So a ∉ {0, 10}.\n\nBill: I don't know your number.\n\n"
    line = "I initially wrote \"0, 2\" in the b = 1 row — that's the trap; a = {} was already excluded by Anne."
    assert not _bad(_audit(ctx, head + line.format(0)))
    assert _bad(_audit(ctx, head + line.format(2)))


def test_a_sum_column_beside_a_column_of_pairs(ctxs):
    """"| pair | sum |" over "| (8, 7) | 15 |": each row's sum is checked (right); "| (8, 7) | 16 |" is a slip."""
    ctx = ctxs("consecutive.txt")
    table = "| pair | sum |\n|---|---|\n| (1, 2) | 3 |\n| (2, 3) | 5 |\n| (8, 7) | {} |\n| (9, 8) | 17 |"
    assert not _bad(_audit(ctx, table.format(15)))
    slips = [c for c in _audit(ctx, table.format(16)).claims() if c.record.kind == "arithmetic"]
    assert len(slips) == 4 and [c.verdict.verdict for c in slips].count("false") == 1


def test_an_answer_line_naming_the_count_by_a_letter(ctxs):
    """"**Answer:** m = 3 — three of the five children are muddy." answers 3 (right); "m = 4" is wrong."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    for n, right in ((3, True), (4, False)):
        report = _audit(ctx, "Two silences, then every muddy child knows.\n\n"
                             f"**Answer:** m = {n} — of the five children.")
        assert report.final_answer == ((n,),) and report.final_answer_correct is right


def test_set_notation_and_a_formal_not_knowing(ctxs):
    """Terse notation: "Anne ¬K(b) ⇒ a ∉ {0, 10}." is Anne not knowing b and a ∉ {0, 10} (both right after her
    statement); "b ∈ {2..8}" is the range 2 ≤ b ≤ 8; "Bill now knows a ∉ {0, 10}" and "Bill now knows that a is not 0
    or 10" are knowledge of that fact, not of a (true after Anne's statement, where Bill does not know a)."""
    ctx = ctxs("consecutive.txt")
    claims = _audit(ctx, "Anne: I don't know your number.\n\nAnne ¬K(b) ⇒ a ∉ {0, 10}.").claims()
    assert {c.record.kind for c in claims} >= {"knowledge", "exclusion"}
    assert all(c.verdict.verdict == "entailed" for c in claims if c.record.kind in ("knowledge", "exclusion"))
    bounds = [c for c in _audit(ctx, "Anne: I don't know.\n\nBill: I don't know.\n\nSo b ∈ {2..8}.").claims()
              if c.record.kind == "bound"]
    assert len(bounds) == 1 and bounds[0].verdict.verdict == "entailed"
    for line in ("Bill now knows a ∉ {0, 10}.", "Bill now knows that a is not 0 or 10."):
        report = _audit(ctx, "Anne: I don't know your number.\n\n" + line)
        known = [c for c in report.claims() if c.record.kind == "knowledge"]
        assert known and known[-1].record.key.formula[3] == "that" and not _bad(report), line


def test_a_numbered_column_of_triples_with_their_sums(ctxs):
    """"1. (8, 6, 3) → 17" … numbered lines, one triple each: each sum checked ("4. (12, 4, 3) → 18" is a slip,
    12 + 4 + 3 = 19); the same column with 19 has none."""
    ctx = ctxs("cheryls_age.txt")
    column = "Each triple with its sum:\n1. (8, 6, 3) → 17\n2. (9, 4, 4) → 17\n3. (9, 8, 2) → 19\n4. (12, 4, 3) → {}"
    slips = lambda n: [c for c in _audit(ctx, column.format(n)).claims()
                       if c.record.kind == "arithmetic" and c.verdict.verdict == "false"]
    assert len(slips(18)) == 1 and not slips(19)


def test_so_no_closing_a_final_answer_paragraph(ctxs):
    """"**Final answer.** … with sums 3, 5, 17 and 19. So no, the sum is not always one of 3, 5, 15, 17." answers no
    (wrong: the sum is always one of them); "So yes, …" answers yes (right)."""
    ctx = ctxs("consecutive.txt")
    ending = ("Anne: I don't know.\n\nBill: I don't know.\n\nAnne: I know.\n\n**Final answer.** The pairs are (1, 2), "
              "(2, 3), (8, 7), (9, 8), with sums 3, 5, 15 and 17. So {}, the sum is {} one of 3, 5, 15, 17.")
    assert _audit(ctx, ending.format("no", "not always")).final_answer_correct is False
    assert _audit(ctx, ending.format("yes", "always")).final_answer_correct is True


def test_a_similar_range_and_a_double_check_after_wait_are_cases(ctxs):
    """"Similarly b = 3..8 both neighbours are in 1..9." is a case (not b ≥ 3); "Wait, let me double check a = 8: …
    Yes, so b = 7." checks one world (b = 7 there, not at the stage); "So b is 3..8." alone is false."""
    ctx = ctxs("consecutive.txt")
    head = "Anne: I don't know your number.\n\nBill: I don't know your number. So b is 2..8. "
    assert not _bad(_audit(ctx, head + "Similarly b = 3..8 both neighbours are in 1..9."))
    assert _bad(_audit(ctx, head + "So b is 3..8."))
    told = head + "\n\nAnne: I know your number.\n\n"
    step = "Wait, {}Bill's numbers are 7 and 9; b = 9 was removed by Bill's statement. Yes, so b = 7."
    sevens = lambda text: [c for c in _audit(ctx, told + text).claims() if c.record.kind == "candidates" and
                           c.record.key.formula == ("Compare", "=", ("Var", "b"), ("Const", 7))]
    assert not any(c.record.certain for c in sevens(step.format("let me double check a = 8: ")))
    assert any(c.record.certain for c in sevens(step.format("")))
