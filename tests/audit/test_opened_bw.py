"""Readings from traces_bw* (32 rows, half correct, written in session 39 by helpers who never read the auditor, kept
blind there and opened in session 40), each checked both ways: the wrong wording of the same kind is still caught."""
from tests.audit.reading import audit as _audit


def _verdicts(report, kind):
    return [(c.formula, c.verdict.verdict) for st in report.steps for c in st.claims if c.record.kind == kind]


def test_muddy_kids_who_knew_narrate_the_last_announcement(ctxs):
    """"Here there were three silent rounds, and then the muddy kids knew. So k = 4.": kids are children, and their
    knowing is the last announcement, so the count is judged after it (true); "So k = 3." there is false."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    right = _audit(ctx, "Here there were three silent rounds, and then the muddy kids knew. So k = 4.")
    assert [v for _, v in _verdicts(right, "candidates")] == ["entailed"]
    wrong = _audit(ctx, "Here there were three silent rounds, and then the muddy kids knew. So k = 3.")
    assert [v for _, v in _verdicts(wrong, "candidates")] == ["false"]


def test_an_ordinal_without_its_noun_takes_the_noun_said_before(ctxs):
    """"after the first silence everyone learns k ≥ 2, after the second k ≥ 3": the second silence, so k ≥ 3 is
    judged after it (true), not at the first (premature); "after the second k ≥ 5" is false there."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    right = _audit(ctx, "after the first silence everyone learns k ≥ 2, after the second k ≥ 3.")
    assert right.label == -1 and {v for _, v in _verdicts(right, "bound")} == {"entailed"}
    wrong = _audit(ctx, "after the first silence everyone learns k ≥ 2, after the second k ≥ 5.")
    assert [(c.verdict.verdict, c.verdict.stage) for st in wrong.steps for c in st.claims][1:] == [("false", 3)]


def test_the_clean_children_of_a_step_case_are_the_subject_of_its_knowing(ctxs):
    """Under "Case: exactly one muddy child.", "The clean children … can't tell whether they're muddy themselves" is
    about the clean ones (true in that case), not the muddy one (who knows at once); "The muddy child can't tell
    whether she is muddy" there is false."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    lead = "Case: exactly one muddy child. She sees four clean foreheads. "
    right = _audit(ctx, lead + "The clean children, on the other hand, each see one muddy child, and they can't tell "
                              "whether they're muddy themselves at the first question.")
    assert right.label == -1 and [v for _, v in _verdicts(right, "case knowledge")] == ["entailed"]
    wrong = _audit(ctx, lead + "The muddy child, on the other hand, sees no muddy child, and she can't tell whether "
                              "she is muddy at the first question.")
    assert [v for _, v in _verdicts(wrong, "case knowledge")] == ["false"]


def test_every_child_knowing_whether_it_is_muddy_is_read(ctxs):
    """"After the first silence, all five children know whether they are muddy": every child's own state, false
    there with two muddy (the clean ones see two and cannot tell two from three); after they step forward, true."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    early = _audit(ctx, "After the first silence, all five children know whether they are muddy.")
    assert early.label == 0 and [v for _, v in _verdicts(early, "knowledge")] == ["premature"]
    late = _audit(ctx, "Nobody steps forward at the first question. At the second question the muddy children step "
                       "forward. Now all five children know whether they are muddy.")
    assert late.label == -1 and [v for _, v in _verdicts(late, "knowledge")] == ["entailed"]


def test_a_month_that_can_also_be_ruled_out_does_not_survive(ctxs):
    """"所以8月也可以排除" is August ruled out too (premature at Bernard's statement), not "8月也可以" (August
    possible too); "所以7月也可以" is still July surviving."""
    ctx = ctxs("cheryl.txt")
    lead = "伯纳德说：“一开始我不知道，但现在我知道了。”"
    out = _audit(ctx, lead + "所以8月也可以排除。")
    assert [(c.record.kind, c.verdict.verdict) for st in out.steps for c in st.claims] == [("exclusion", "premature")]
    kept = _audit(ctx, lead + "所以7月也可以。")
    assert [(c.record.kind, c.verdict.verdict) for st in kept.steps for c in st.claims] == [("possible", "entailed")]


def test_the_pairs_after_i_e_are_ruled_out_too(ctxs):
    """"So her statement rules out a = 0 and a = 10, i.e. the pairs (0, 1) and (10, 9).": the same pairs said again,
    ruled out (true), not what is left (false); "i.e. only (1, 2) and (2, 3) are left" is still a list of what is
    left."""
    ctx = ctxs("consecutive.txt")
    lead = "Anne says she doesn't know. "
    right = _audit(ctx, lead + "So her statement rules out a = 0 and a = 10, i.e. the pairs (0, 1) and (10, 9).")
    assert right.label == -1 and not _verdicts(right, "candidates")
    left = _audit(ctx, lead + "So her statement rules out 0 and 10, i.e. only (1, 2) and (2, 3) are left.")
    assert [v for _, v in _verdicts(left, "candidates")] == ["false"]


def test_a_knowing_modal_in_chinese_is_the_consequent_of_a_supposition(ctxs):
    """"如果日子是18或19，他马上就知道了" after "阿尔伯特说…": Albert (who holds the month) would know at once, false
    (June 18 and May 19 share their months); "如果是5月19日，伯纳德马上就知道了" is true (19 is on one date)."""
    ctx = ctxs("cheryl.txt")
    wrong = _audit(ctx, '阿尔伯特说"我不知道谢丽尔的生日"。如果日子是18或19，他马上就知道了。')
    assert [v for _, v in _verdicts(wrong, "hypothetical")] == ["false"]
    right = _audit(ctx, "如果是5月19日，伯纳德马上就知道了。")
    assert [v for _, v in _verdicts(right, "hypothetical")] == ["entailed"]


def test_an_even_sum_credited_to_a_statement_by_when_it_was_made(ctxs):
    """"所以和为偶数的情况，在P说第一句话的时候就已经被排除了": even sums credited to P's first statement (false:
    Goldbach's even sums go with S's), flagged; the same credited to S's first statement is true."""
    ctx = ctxs("impossible.txt")
    wrong = _audit(ctx, "所以和为偶数的情况，在P说第一句话的时候就已经被排除了。")
    assert wrong.label == 0 and [v for _, v in _verdicts(wrong, "credit")] == ["premature"]
    right = _audit(ctx, "和为偶数的情况被S的第一句话排除了。")
    assert right.label == -1 and [v for _, v in _verdicts(right, "credit")] == ["entailed"]


def test_a_name_that_is_also_a_rank_labels_its_line_as_the_rank(ctxs):
    """"- **Q**: Q also appears in clubs (Q♣), so P still can't tell Q♥ from Q♣." after Q's statement: the rank Q's
    case (P would know: clubs are gone, false), not the agent Q; "- **A**: A♥ and A♦ → P wouldn't know" is true."""
    ctx = ctxs("card16.txt")
    lead = ('P: "I don\'t know the card." Q: "I knew you didn\'t know." So only hearts and diamonds are left.\n\n'
            "Which ranks would let P know?\n")
    wrong = _audit(ctx, lead + "- **Q**: Q also appears in clubs (Q♣), so P still can't tell Q♥ from Q♣.")
    assert [v for _, v in _verdicts(wrong, "case knowledge")] == ["false"]
    right = _audit(ctx, lead + "- **A**: A♥ and A♦ are both still possible → P wouldn't know.")
    assert [v for _, v in _verdicts(right, "case knowledge")] == ["entailed"]
