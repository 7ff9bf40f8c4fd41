"""Readings from traces_dh* (32 rows written in session 50 by helpers who never read the auditor, scored blind at
0.685, then opened in session 51) and the tuning sets dl*, dm* written beside the blind dk*, each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims


def test_but_after_a_labelled_case_is_what_happened(ctxs):
    """"k = 1: … He'd know right away, at the first asking. But at the first asking nobody stepped forward.": the
    "But" sentence tells what did happen, set against the case, not the case's knowing (a correct trace flagged)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = 'Father: "At least one of you is muddy."\n\n'
    report = _audit(ctx, lead + "k = 1: the single muddy child sees three clean faces. He'd know right away, at the "
                                "first asking. But at the first asking nobody stepped forward. So k ≥ 2.")
    assert bad(report) == [] and [c.verdict.verdict for c in _claims(report, "case knowledge")] == ["entailed"]
    case = _audit(ctx, lead + "k = 1: the single muddy child sees three clean faces. At the first asking he "
                              "doesn't step forward.")
    assert [c.verdict.verdict for c in bad(case)] == ["false"]  # (without "But", the case's own line)


def test_others_words_in_a_bracket_after_their_subject(ctxs):
    """"- 第4位：前三位都要（都说了不知道），…所以能答"是的！"": the bracket's "说了不知道" is the first three's words
    (its clause's subject names them), not the fourth's (a correct trace flagged for giving him "I don't know")."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    report = _audit(ctx, '- 第4位：前三位都要（都说了不知道），他自己也要，所以能答"是的！"')
    assert _claims(report, "speaker") == [] and bad(report) == []
    own = _audit(ctx, '- 第4位：他自己也要（他说了不知道）。')
    assert bad(own)  # (a bracket of his own words is still his)


def test_an_elimination_of_pairs_with_an_even_sum_is_a_class(ctxs):
    """"so P's statement already wipes out every pair with an even sum": the class of even sums credited to P's
    first statement, which does not remove it (S's does: a first error missed)."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, "So P's statement already wipes out every pair with an even sum.")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("credit", "premature")]
    assert bad(_audit(ctx, "So S's statement already wipes out every pair with an even sum.")) == []


def test_a_case_silence_names_no_round(ctxs):
    """"第一轮没人站出来，这就说明…至少3个。因为如果有2个，…他们会想到…，所以不会马上站出来": the second sentence's
    not stepping forward is the case's, under "如果" and "会", and names no second silence: "至少3个" stays one
    silence early (a first error found one step late)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx, '父亲说："你们中至少有一个人额头上有泥。"\n\n如果只有1个孩子有泥，他马上就知道是自己。\n\n'
                         '但是第一次问的时候没有人站出来，所以不是只有1个。\n\n第一轮没人站出来，这就说明有泥的孩子至少3个。'
                         '因为如果有2个，他们各自看到1个有泥的人，他们会想到对方可能是唯一的那个，所以不会马上站出来。\n\n'
                         '第二轮又没人站出来。')
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)][:1] == [("bound", "premature")]


def test_a_relation_that_means_something_is_a_condition(ctxs):
    """"In b = a + c: b = c means a = 0, impossible.": the relation is supposed, to be refuted, not claimed (a
    correct step flagged early, before the trace's real slip, once its wrong answer corroborated the claim)."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "In b = a + c: b = c means a = 0, impossible.")
    assert [c.record.certain for c in _claims(report, "term bound")] == [False]
    said_so = _audit(ctx, "So b = c.")  # (said outright, the relation is a claim, false at the start)
    assert [(c.record.certain, c.verdict.verdict) for c in _claims(said_so, "term bound")] == [(True, "false")]


def test_the_next_speaker_outlined_before_he_is_named(ctxs):
    """"Man 1 sees h2, h3. He'd know only if he saw two reds (then he's white). So WRR is out.": a step opening on
    what the next speaker sees and when he would know works his statement out; what it concludes is after it (the
    removal was premature at the start: a correct step flagged)."""
    ctx = ctxs("hats.txt")
    lead = "Possible assignments (h1, h2, h3): WWW, WWR, WRW, WRR, RWW, RWR, RRW.\n\n"
    report = _audit(ctx, lead + "Man 1 sees h2, h3. He'd know only if he saw two reds (then he's white). So WRR is "
                                "out. Six left: WWW, WWR, WRW, RWW, RWR, RRW.")
    assert bad(report) == [] and report.steps[-1].reached == 1
    bare = _audit(ctx, lead + "Man 1 sees h2, h3. So WRR is out.\n\nMan 1 says he doesn't know.")
    assert bad(bare)  # (no knowing worked out: the removal is the trace's own, too early)


def test_a_statement_that_took_values_out_with_it(ctxs):
    """"RRW went out with man 1's statement": a credit, like "was eliminated by"; false, since RRW survives the first
    man's "I don't know"."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, "So RRW went out with man 1's statement.")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("credit", "false")]
    assert bad(_audit(ctx, "So WRR went out with man 1's statement.")) == []


def test_a_list_after_these_values(ctxs):
    """"So the sum is one of these eleven values: {11, 17, …, 51, 53}.": the list is read (51 is gone after S's
    statement)."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, "So the sum is one of these eleven values: {11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53}.")
    assert [(c.record.kind, c.verdict.verdict) for c in _claims(report, "candidates")] == [("candidates", "false")]


def test_a_forward_sanity_pass_dates_each_case_at_its_statement(ctxs):
    """"Sanity pass forwards: P with 52 can't tell 4·13 from 2·26 ✓; S with 17 knew …; P sees …; S sees …": P's case
    in the first part is checked at P's first statement, not at the end where P knows (a correct trace flagged)."""
    ctx = ctxs("sum_product.txt")
    lead = "".join(f"Statement {k} done.\n\n" for k in range(1, 5))
    report = _audit(ctx, lead + "Sanity pass forwards: P with 52 can't tell 4·13 from 2·26 ✓; S with 17 knew every "
                                "split was ambiguous ✓; P sees that 2 + 26 = 28 isn't a possible S-sum, so 4·13 ✓; "
                                "S sees 17 has only (4, 13) left ✓.")
    assert bad(report) == [] and [c.verdict.verdict for c in _claims(report, "case knowledge")] == ["entailed"]
    late = _audit(ctx, lead + "So P with 52 can't tell 4·13 from 2·26.")
    assert bad(late)  # (said at the end, on its own, it is false there)


def test_a_products_splits_then_their_sums(ctxs):
    """"60 = 2×30 = 3×20 = 4×15 = 6×10，对应的和32、25、19、16": the sums of the splits in order, 3 + 20 = 25 false;
    the same list with 23 holds."""
    ctx = ctxs("impossible.txt")
    wrong = _audit(ctx, "- 5 + 12 → 60 = 2×30 = 3×20 = 4×15 = 6×10，对应的和32、25、19、16")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(wrong)][:1] == [("arithmetic", "false")]
    right = _audit(ctx, "60 = 2×30 = 3×20 = 4×15 = 6×10, sums 32, 23, 19, 16.")
    assert [c for c in bad(right) if c.record.kind == "arithmetic"] == []


def test_what_went_and_then_who_knows(ctxs):
    """"…, so statement 1 rules out a = 1 and Bill with 2 knows Anne has 3.": what went and who knows are two
    claims; the first credits Anne's statement with removing a = 1, which it does not (a first error missed)."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, "Anne with 1 would already have known, so statement 1 rules out a = 1 and Bill with 2 knows "
                         "Anne has 3.")
    assert ("credit", "false") in [(c.record.kind, c.verdict.verdict) for c in bad(report)]


def test_as_long_as_supposes(ctxs):
    """"只要有泥的孩子不止一个，每个人都能看到至少一个有泥的额头": "as long as" supposes its count, which is no claim
    about the stage (a count one silence early flagged a step before the trace's real slip)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    report = _audit(ctx, '父亲说："你们中至少有一个人额头上有泥。"\n\n这句话看起来大家都已经知道了——只要有泥的孩子不止一个，'
                         '每个人都能看到至少一个有泥的额头。')
    assert bad(report) == []
    assert bad(_audit(ctx, '父亲说："你们中至少有一个人额头上有泥。"\n\n所以有泥的孩子不止一个。\n\n第一轮没人站出来。'))


def test_a_list_that_all_stays(ctxs):
    """"…so Albert's month is not June; May, July and August all stay in play.": each month of the list is claimed
    still possible, and May is gone after Albert's statement (a first error found only at the wrong answer)."""
    ctx = ctxs("cheryl.txt")
    lead = "Albert says he doesn't know and knows Bernard doesn't know either.\n\n"
    wrong = _audit(ctx, lead + "So Albert's month is not June; May, July and August all stay in play.")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(wrong)] == [("possible", "false")]
    right = _audit(ctx, lead + "So Albert's month is not May or June; July and August both stay in play.")
    assert [c.verdict.verdict for c in _claims(right, "possible")] == ["entailed", "entailed"] and bad(right) == []


def test_a_case_label_after_the_word_case(ctxs):
    """"情况k=3：3个孩子A、B、C有泥。…第1次问没人站出来以后，这3个孩子就能推出自己有泥": the label is a case, not a count
    claimed; what follows it is that case's knowing, dated after the first silence, one silence early."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    report = _audit(ctx, '父亲说："至少有一个人额头上有泥。"\n\n情况k=3：3个孩子A、B、C有泥。每个人看到另外2个有泥。同理，第1次问'
                         '没人站出来以后，这3个孩子就能推出自己有泥，第2次问时站出来。')
    assert _claims(report, "candidates") == []
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("case knowledge", "premature")]
    later = _audit(ctx, '父亲说："至少有一个人额头上有泥。"\n\n情况k=3：3个孩子A、B、C有泥。第2次问没人站出来以后，这3个孩子'
                        '就能推出自己有泥。')
    assert bad(later) == []


def test_a_round_that_passed_in_silence_dates_what_follows(ctxs):
    """"Round 1 was silent, so child 1 concludes she's muddy.", "第一次没有人站出来，1号就知道…", "第二次仍没人站出来，1号才
    确定…": each knowing comes after the silence named, at the next question (they were dated at the silence itself,
    and correct case analyses flagged once their line labels were read as cases)."""
    five = ctxs("muddy.txt", {"n": 5, "k": 2})
    english = _audit(five, "Father: at least one is muddy.\n\nCase k = 2: say children 1 and 2 are muddy. Round 1 was "
                           "silent, so child 1 concludes she's muddy.")
    assert [c.verdict.verdict for c in _claims(english, "case knowledge")] == ["entailed"] and bad(english) == []
    six = ctxs("muddy.txt", {"n": 6, "k": 3})
    chinese = _audit(six, '父亲说："至少有一个人额头上有泥。"\n\n- **k = 2**：第一次没人站出来，所以 1 号知道自己有泥。\n'
                          '- **k = 3**：第二次仍没人站出来，1 号才确定自己有泥。所以需要前两次都没人站出来，第三次才知道。')
    assert [c.verdict.verdict for c in _claims(chinese, "case knowledge")] == ["entailed"] * 3 and bad(chinese) == []
    early = _audit(six, '父亲说："至少有一个人额头上有泥。"\n\n- **k = 3**：第一次仍没人站出来，1 号就确定自己有泥。')
    assert [c.verdict.verdict for c in bad(early)] == ["premature"]


def test_still_so_many_left_is_the_count_after(ctxs):
    """"第二位说不知道，…所以这句话没有排除新的情况，还是剩六种。": "still six" is the count after the second man's
    statement (four), not the one before it, which a count said right after a statement may otherwise mean."""
    ctx = ctxs("hats.txt")
    lead = '第一位说不知道，所以排除"白红红"，剩六种。\n\n'
    still = _audit(ctx, lead + "第二位说不知道，所以这句话没有排除新的情况，还是剩六种。")
    assert [(c.record.kind, c.verdict.verdict) for c in _claims(still, "count")][-1:] == [("count", "false")]
    plain = _audit(ctx, lead + "第二位说不知道，又排除两种，还剩四种。")
    assert [c.verdict.verdict for c in _claims(plain, "count")] == ["entailed", "entailed"]


def test_a_speakers_statement_past_both_of_his(ctxs):
    """"so P's statement already wipes out every pair with an even sum" with the trace past P's last statement (the
    dialogue restated at the start): either of P's statements is meant, and neither removes the even sums."""
    ctx = ctxs("impossible.txt")
    dialogue = ('P: "I cannot determine the two numbers." S: "I knew that you couldn\'t." P: "Now I can." '
                'S: "So can I."\n\n')
    report = _audit(ctx, dialogue + "So P's statement already wipes out every pair with an even sum.")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("credit", "premature")]
    assert bad(_audit(ctx, dialogue + "So S's statement already wipes out every pair with an even sum.")) == []


def test_the_dialogue_restated_line_by_line_without_a_lead_in(ctxs):
    """Three steps at the start, each a speaker's name and his words alone ('Albert: "I don't know …"', 'Bernard:
    "…"', 'Albert: "…"'), restate the puzzle: the walk-through that follows starts again at the first statement, so
    "15: August 15 only — he'd know." under Bernard's statement holds there (not at the end, where it was false). Lines
    not named again later are the walk-through's outline, and a statement glossed as it is told ('阿里说："…" 也就是说，
    …') is the walk-through itself."""
    ctx = ctxs("cheryl.txt")
    lines = "".join(f'{a.speaker}: "{dict(a.texts)["en"]}"\n\n' for a in ctx.puzzle.announcements)
    report = _audit(ctx, lines + "Now Albert's statement. The first part, \"I don't know\", is automatic. May and June "
                                 "have a unique day, so May and June are out.\n\n"
                                 'Now Bernard: "At first I didn\'t know, but I know now."\n\n15: August 15 only — '
                                 "he'd know.")
    assert [s.stage for s in report.steps[:3]] == [0, 0, 0]
    assert [c.verdict.verdict for c in _claims(report, "conditional")] == ["entailed"]


def test_a_closing_yes_after_a_dash(ctxs):
    """"**Answer:** (a, b) ∈ {(1,2), (2,3), (8,7), (9,8)}; the sum is one of 3, 5, 15, 17 — yes.": the yes closing the
    line answers the yes/no question (no answer was read, a correct trace's answer misjudged); "— no." likewise."""
    ctx = ctxs("consecutive.txt")
    yes = _audit(ctx, "**Answer:** (a, b) ∈ {(1,2), (2,3), (8,7), (9,8)}; the sum is one of 3, 5, 15, 17 — yes.")
    assert yes.final_answer == ((1,),) and yes.final_answer_correct
    no = _audit(ctx, "**Answer:** the sum can be 3, 5, 17 or 19 — no.")
    assert no.final_answer == ((0,),) and not no.final_answer_correct


def test_what_should_happen_is_no_narration(ctxs):
    """"所以第一次问的时候，有泥的孩子就应该站出来": what the trace expects of the first question ("should") is its claim,
    not the dialogue's knowing told (which had moved the trace to the last statement at once)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    lead = '父亲说："你们中至少有一个人额头上有泥。"\n\n'
    expected = _audit(ctx, lead + "所以第一次问的时候，有泥的孩子就应该站出来。")
    assert expected.steps[-1].reached == 1
    told = _audit(ctx, lead + "第一次没人站出来。第二次问的时候，有泥的孩子都站出来了。")
    assert told.steps[-1].reached == 3


def test_a_still_count_does_not_share_its_verdict(ctxs):
    """"还是剩六种" is judged after the statement in hand, a plain "还剩六种" may mean the count before it: the "still" is
    part of the claim's key, so the judge's cache never hands one's verdict to the other (a row's label had depended
    on the rows audited before it)."""
    lead = '第一位说不知道，所以排除"白红红"，剩六种。\n\n第二位说不知道，'
    plain = lead + "这句话排除了一些情况，还剩六种。"
    from epistemic.audit import AuditContext
    puzzle = ctxs("hats.txt").puzzle
    alone = [c.verdict.verdict for c in _claims(_audit(AuditContext.build(puzzle), plain), "count")]
    after = AuditContext.build(puzzle)
    _audit(after, lead + "所以这句话没有排除新的情况，还是剩六种。")
    assert [c.verdict.verdict for c in _claims(_audit(after, plain), "count")] == alone == ["entailed", "entailed"]
