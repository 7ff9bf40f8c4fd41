"""Readings from the opened blind set traces_al* (session 23: its four false alarms first), each checked both ways:
the true sentence passes, and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad

CHERYL = ("Albert: I don't know when your birthday is, but I know that Bernard does not know too.\n\n"
          "So May and June are out. Five dates are left: July 14, July 16, August 14, August 15, August 17.\n\n"
          "Bernard: At first I don't know when your birthday is, but I know now.\n\n"
          "So 14 is out: July 16, August 15, August 17 remain.\n\n")


def test_what_the_first_half_of_a_statement_means_holds_after_it(ctxs):
    """'"At first I didn't know" refers to before Albert spoke: that just means the day isn't 18 or 19' names the
    time of Bernard's not knowing; what his statement means holds after it (true); "… means the day isn't 16" is
    still false."""
    ctx = ctxs("cheryl.txt")
    line = '"At first I didn\'t know" refers to before Albert spoke: that just means the day isn\'t {}.'
    assert not _bad(_audit(ctx, CHERYL + line.format("18 or 19")))
    assert _bad(_audit(ctx, CHERYL + line.format("16")))


def test_a_statement_that_changes_nothing_for_one_agent_is_no_credit(ctxs):
    """"Albert's last line doesn't change anything for him" (Bernard, who knew already) says nothing of the stage;
    "Albert's last line doesn't change anything." alone is false (it removes August 15 and 17)."""
    ctx = ctxs("cheryl.txt")
    told = CHERYL + "Albert: Then I also know when Cheryl's birthday is.\n\nSo it's July 16.\n\n"
    assert not _bad(_audit(ctx, told + "Bernard holds 16 and knew it was July 16 after Albert's first statement. "
                                       "Albert's last line doesn't change anything for him."))
    assert _bad(_audit(ctx, told + "Albert's last line doesn't change anything."))


def test_days_listed_before_a_date_written_day_first_share_its_month(ctxs):
    """"Left: 14, 17, 19 April; 12, 19 June." after Albert's statement in the variant: the five dates (right), not the
    days 14 and 17; a list that leaves out 19 April is false."""
    ctx = ctxs("cheryl_variant.txt")
    head = "Albert: I don't know, but I know Bernard doesn't know. March and May go.\n\n"
    claims = [c for c in _audit(ctx, head + "Left: 14, 17, 19 April; 12, 19 June.").claims()
              if c.record.kind == "candidates"]
    assert len(claims) == 1 and claims[0].verdict.verdict == "entailed" and len(claims[0].record.key.formula[1]) == 5
    wrong = [c for c in _audit(ctx, head + "Left: 14, 17 April; 12, 19 June.").claims()
             if c.record.kind == "candidates"]
    assert wrong and wrong[0].verdict.verdict == "false"


CONSECUTIVE = ("Anne: I don't know your number. So a is not 0 or 10.\n\n"
               "Bill: I don't know your number. So b ∈ {2, ..., 8}.\n\n")


def test_a_case_checked_against_a_named_statement_is_judged_where_it_was_made(ctxs):
    """"Is (1, 0) still alive after Anne's statement? a = 1, yes — Anne with 1 doesn't know." after Bill's statement:
    Anne with 1 did not know when she spoke (true there); without the statement named, the same words are about now,
    when she knows (b = 0 is gone), and false."""
    ctx = ctxs("consecutive.txt")
    line = ("Wait, I should double check b = 0. Is the pair (a, b) = (1, 0) still alive{}? a = 1, yes — Anne with 1 "
            "doesn't know.")
    assert not _bad(_audit(ctx, CONSECUTIVE + line.format(" after Anne's statement")))
    assert _bad(_audit(ctx, CONSECUTIVE + line.format("")))


def test_a_case_opened_inside_a_step_after_a_colon(ctxs):
    """"… does Bill also know now? If b = 2: the only surviving pair with b = 2 is (1, 2). So a = 1." after Anne's
    last statement: a = 1 is that case's, not the stage's (a is 1, 2, 8 or 9); "So a = 1." alone is still false."""
    ctx = ctxs("consecutive.txt")
    told = CONSECUTIVE + "Anne: I know your number. So a ∈ {1, 2, 8, 9}.\n\n"
    assert not _bad(_audit(ctx, told + "One more thing — does Bill also know now? If b = 2: the only surviving "
                                       "pair with b = 2 is (1, 2). So a = 1."))
    assert _bad(_audit(ctx, told + "One more thing — does Bill also know now? So a = 1."))


WHAT_SUM = ("{} — the three numbers are all different.\n\n"
            "Reasoning: someone who sees two equal numbers u and u knows their own is 2u, since 0 is not allowed.\n\n"
            "So every \"I don't know\" removes one kind of repeated pair.\n\n"
            "1. Alice's statement removes b = c.\n2. Bob's statement removes a = c.\n"
            "3. Carol's statement removes a = b.\n\n"
            "All-equal triples are impossible from the start. So after the three statements no two numbers coincide.")


def test_a_yes_or_no_headline_is_the_answer_and_no_early_claim(ctxs):
    """An answer-first trace opening "Yes — the three numbers are all different." and closing on no answer line: yes
    is its answer (right), and the headline is no premature claim; "No — …" is a wrong answer."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, WHAT_SUM.format("Yes"))
    assert report.final_answer_correct and not _bad(report)
    assert _audit(ctx, WHAT_SUM.format("No")).final_answer_correct is False


def test_muddy_counts_in_a_supposed_round_are_no_claim(ctxs):
    """"… the second question would get the two muddy children stepping forward." and "Similarly k = 6 needs five
    silences." weigh cases (4 of 6 are muddy); "The two muddy children step forward at the second question." and
    "So k = 6." are still false."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    told = ("Father: at least one of you is muddy. Three times nobody steps forward. Then every muddy child knows.\n\n"
            "If k = 2 the muddy children know after that first silence. ")
    for line in ("So in the scenario here, the second question would get the two muddy children stepping forward.",
                 "Similarly k = 6 needs five silences."):
        assert not _bad(_audit(ctx, told + line)), line
    for line in ("The two muddy children step forward at the second question.", "So k = 6."):
        assert _bad(_audit(ctx, told + line)), line


def test_a_value_in_a_bulleted_case_of_another_variable_is_that_cases(ctxs):
    """'- b = 1: a could be 0 or 2, but a = 0 is gone. So a = 2. He knows.' under Bill's statement: a = 2 in the case
    b = 1, not the stage's a; the same sentence without its case label is false."""
    ctx = ctxs("consecutive.txt")
    head = ("Anne: I don't know your number. So a is not 0 or 10.\n\n"
            "Bill's turn: he considers a = b − 1 and a = b + 1.\n")
    line = "{}a could be 0 or 2, but a = 0 is gone (Anne would have known). So a = 2. He knows.\n- b = 10: a = 9."
    assert not _bad(_audit(ctx, head + line.format("- b = 1: ")))
    assert _bad(_audit(ctx, head + line.format("- ")))


def test_an_agent_deciding_by_looking_at_a_value_observes_it(ctxs):
    """"阿尔伯特只要看一下日子就能确定" / "Albert only needs to look at the day to be sure": Albert decides by the day,
    which Bernard was told (the wrong agent, false); the same of Bernard is right; "Albert looks at the days left in
    July" says nothing of who was told what."""
    ctx = ctxs("cheryl.txt")
    for line in ("所以不管是哪一个，阿尔伯特只要看一下日子就能确定。", "Albert only needs to look at the day to be sure."):
        report = _audit(ctx, CHERYL + line)
        told = [c for c in report.claims() if c.record.kind == "told"]
        assert told and told[0].verdict.verdict != "entailed" and _bad(report), line
    assert not _bad(_audit(ctx, CHERYL + "所以不管是哪一个，伯纳德只要看一下日子就能确定。"))
    assert not [c for c in _audit(ctx, CHERYL + "Albert looks at the days left in July.").claims()
                if c.record.kind == "told"]


SUM_PRODUCT = "P: I don't know the numbers.\n\nS: I knew you didn't know.\n\n"


def test_a_number_split_as_a_sum_and_then_kept_is_the_sum_kept(ctxs):
    """"51 = 17 + 34，积是578……至少两种写法。所以51保留。": the sum 51 said to survive S's statement (false: P would
    know 578), as "所以13保留" after "13 = 2 + 11" is; "所以53保留" after "53 = 16 + 37" is right."""
    ctx = ctxs("sum_product.txt")
    line = "{0} = {1} + {2}，积是{3}……也可以写成别的乘法，至少两种写法。所以{0}保留。"
    for n, a, b, right in ((51, 17, 34, False), (13, 2, 11, False), (53, 16, 37, True)):
        kept = [c for c in _audit(ctx, SUM_PRODUCT + line.format(n, a, b, a * b)).claims()
                if c.record.kind == "possible"]
        assert kept and (kept[0].verdict.verdict == "entailed") == right, n


def test_there_being_at_least_n_muddy_foreheads_is_a_count(ctxs):
    """"… every child knows there are at least three muddy foreheads", "… common knowledge that there are at least
    three muddy foreheads" right after the father (6 children, 4 muddy): a bound on the count, premature there (two
    silences give it); "she sees at least three muddy foreheads" is what one child sees, no count."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    said = "Father: at least one of you is muddy.\n\nSo {} at least three muddy foreheads."
    report = _audit(ctx, said.format("it is common knowledge that there are"))
    bounds = [c for c in report.claims() if c.record.kind == "bound"]
    assert len(bounds) == 1 and bounds[0].verdict.verdict == "premature"
    assert [c for c in _audit(ctx, said.format("every child knows there are")).claims() if c.record.kind == "bound"]
    assert not [c for c in _audit(ctx, said.format("she sees")).claims() if c.record.kind == "bound"]


def test_a_statement_ruling_out_every_pair_with_a_relation(ctxs):
    """"So Alice's statement rules out every triple with b = c." is right (she sees b and c); "… every triple with
    a = b" is a wrong credit (Carol's statement removes it), as is P's statement ruling out "every pair with x = y"."""
    ctx = ctxs("what_sum.txt")
    credits = lambda text: [c for c in _audit(ctx, "Alice: I don't know.\n\n" + text).claims()
                            if c.record.kind == "credit"]
    assert credits("So Alice's statement rules out every triple with b = c.")[0].verdict.verdict == "entailed"
    assert credits("So Alice's statement eliminates every triple with a = b.")[0].verdict.verdict != "entailed"
    assert _bad(_audit(ctxs("impossible.txt"), "P: I don't know.\n\nSo P's statement rules out every pair with x = y."))


def test_a_rhetorical_question_leaves_the_next_sentence_the_traces_own(ctxs):
    """"如果是7月，波怎么能确定是哪一天呢？所以排除7月。" after Bo's statement in Cheryl's birthday (Cam's list): the
    question denies, and "所以排除7月" is the trace's own exclusion (wrong: July 16 and 17 are left); after a real
    case question ("波拿到17号的话，现在还有几种可能？") the answer is that case's."""
    ctx = ctxs("cheryl_cam.txt")
    head = ("阿里说：我不知道，但我知道波也不知道。所以4月和6月排除。\n\n波说：起初我不知道，但现在我知道了。\n\n")
    gone = [c for c in _audit(ctx, head + "7月还剩两个日期，如果是7月，波怎么能确定是哪一天呢？所以排除7月。").claims()
            if c.record.kind == "exclusion"]
    assert gone and gone[-1].record.reading != "supposition"
    kept = [c for c in _audit(ctx, head + "波拿到17号的话，现在还有几种可能？只剩7月17日一种。").claims()
            if c.record.kind == "candidates"]
    assert kept and kept[-1].record.reading == "supposition"


def test_an_agents_number_and_a_range_written_with_a_dash(ctxs):
    """"Since Anne says she doesn't know, Bill's number can't be 0 or 10" is the wrong agent's exclusion (false: Anne's
    "I don't know" removes a = 0 and 10); "So Anne's number is 1–9." (also "1-9", "1 to 9") is the range 1 ≤ a ≤ 9,
    right, not a = 1; "Anne's number can't be 0 or 10" is right."""
    ctx = ctxs("consecutive.txt")
    head = "Anne: I don't know your number.\n\n"
    for who, right in (("Bill", False), ("Anne", True)):
        said = f"**Step 1 – Anne: \"I don't know your number.\"**\nSo {who}'s number can't be 0 or 10."
        gone = [c for c in _audit(ctx, said).claims() if c.record.kind == "exclusion"]
        assert gone and (gone[0].verdict.verdict == "entailed") == right, who
    for dash in ("1–9", "1-9", "1 to 9"):
        report = _audit(ctx, head + f"So Anne's number is {dash}. 18 pairs remain.")
        assert not _bad(report) and [c for c in report.claims() if c.record.kind == "bound"], dash
    assert _bad(_audit(ctx, head + "So Anne's number is 2–9. 18 pairs remain."))
