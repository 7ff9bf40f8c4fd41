"""Readings from traces_fg* (32 rows written in session 61 by helpers who never read the auditor, as dense plain-text
paragraphs and as formal write-ups with possible worlds and information cells, scored blind at 0.729 three times,
then opened in session 62) and from the tuning sets of session 62 (GPT-4.1 blocks, olympiad proofs, small open models,
English-Chinese drift, grids in code blocks), each checked both ways: a headline opening a one-paragraph answer,
reported speech that ends at a semicolon, a supposition that ends at one, a credit across an aside, "this
announcement only deletes …", "剩下8个：…" as a count and a list, "(9,8,2)：和18", a heading's silence told again
under it, "剩下的世界里", a lemma before its proof, "3号", knowledge operators in logic notation, dashes as bullets,
"和减 2 不是素数", and "有泥的孩子恰为两个"."""
from epistemic.audit.computed import tuple_values
from tests.audit.reading import audit as _audit, bad, claims as _claims, formulas, said

CAM_PARAGRAPH = ("Cam's anniversary is {answer}. The ten candidates are March 18, March 19, April 17, April 18, "
                 "April 28, June 16, June 29, July 16, July 17 and July 19; so when Ali says he doesn't know and knows that Bo "
                 "doesn't know either, his month can't be April or June, and the candidates shrink to March 18, March "
                 "19, July 16, July 17 and July 19. Bo then says he didn't know at first but knows now, so his day "
                 "number must occur exactly once among those five; 19 appears in both March and July, which means Bo "
                 "with 19 would still be stuck, and March 19 and July 19 are removed. Finally Ali says that he knows "
                 "too, so the date is March 18.")


def test_a_headline_opening_a_one_paragraph_answer_is_a_summary(ctxs):
    """"Cam's anniversary is March 18." opening a paragraph that then goes through the whole dialogue: a headline, as
    it is in a step of its own (it was premature because the paragraph reaches the statements later). A wrong
    headline still flags the paragraph: the wrong answer it closes on corroborates nothing else, the headline does."""
    ctx = ctxs("cheryl_cam.txt")
    right = _audit(ctx, CAM_PARAGRAPH.format(answer="March 18"))
    assert right.label == -1 and not bad(right)
    assert [c.record.reading for c in _claims(right, "candidates")][0] == "answer headline"
    wrong = _audit(ctx, CAM_PARAGRAPH.format(answer="July 16").replace("so the date is March 18", "so the date is "
                                                                                                   "July 16"))
    assert wrong.label == 0 and not wrong.final_answer_correct


def test_reported_speech_ends_at_a_semicolon(ctxs):
    """"Bo then says he didn't know at first but knows now, so …; … Bo with 19 would still be stuck": what Bo says is
    his statement (statement 2), not also the trace's case after the semicolon (which made it statement 1's "don't
    know, know, don't know", given to the wrong agent)."""
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, CAM_PARAGRAPH.format(answer="March 18"))
    assert not [c for c in _claims(report, "speaker") if c.verdict.verdict == "false"]
    swapped = _audit(ctx, "Ali says: “I don't know when Cam's anniversary is, and I know that Bo does not know it "
                          "either.”\n\nThen Ali says he didn't know at first but knows now; with 19 he would be stuck.")
    assert {c.formula for c in _claims(swapped, "speaker") if c.verdict.verdict == "false"} == {"Ali made statement 2"}


HATS_ZH = ("第一位说不知道，所以第二位和第三位不会都戴红帽子。第二位能看到第一位和第三位的帽子；如果第三位戴红帽子，第二位就会"
           "想：假如我也戴红帽子，第一位就会知道自己的颜色；第二位说他也不知道，所以第三位的帽子不是红的。此时剩下的可能只有"
           "四种：{left}。")


def test_a_supposition_ends_at_its_semicolon(ctxs):
    """"…；如果第三位戴红帽子，…；第二位说他也不知道，…": the second man's statement is told after the supposition's
    semicolon (the sentence's "如果" hid every speech cue in it), so the four worlds left are judged after it."""
    ctx = ctxs("hats.txt")
    right = _audit(ctx, HATS_ZH.format(left="白白白、白红白、红白白、红红白"))
    assert right.steps[0].reached == 2 and right.label == -1
    assert [c.verdict.verdict for c in _claims(right, "candidates")] == ["entailed"]
    wrong = _audit(ctx, HATS_ZH.format(left="白白白、白红白、红白白"))
    assert wrong.label == 0 and [c.verdict.verdict for c in bad(wrong)] == ["false"]


def test_the_opening_sentence_of_a_one_paragraph_trace_names_its_answer(ctxs):
    """"盲人的帽子是白色的。" opening a trace of one paragraph and no answer line: the trace's answer (read from a
    first line over several steps, never from one paragraph)."""
    ctx = ctxs("hats.txt")
    right = _audit(ctx, "盲人的帽子是白色的。" + HATS_ZH.format(left="白白白、白红白、红白白、红红白"))
    assert right.final_answer_correct and right.label == -1
    wrong = _audit(ctx, "盲人的帽子是红色的。" + HATS_ZH.format(left="白白白、白红白、红白白、红红白"))
    assert wrong.final_answer is not None and not wrong.final_answer_correct
    assert _audit(ctx, HATS_ZH.format(left="白白白、白红白、红白白、红红白")).final_answer is None  # (one sentence: none)


CHERYL_CREDIT = ("Albert says he doesn't know and knows Bernard doesn't know, which rules out May and June. Albert's "
                 "statement, read together with his admission that he doesn't know either, also {verb} July 14 and "
                 "August 14, and that leaves July 16, August 15 and August 17.")


def test_a_credit_reads_its_subject_across_an_aside(ctxs):
    """"Albert's statement, read together with his admission …, also knocks out July 14 and August 14": the
    statement named before the aside removes them (Bernard's does: a credit to a statement before the one that
    removes them, premature); credited to Bernard's statement, with its aside, it holds."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, CHERYL_CREDIT.format(verb="knocks out"))
    credits = [c for c in _claims(report, "credit") if "14" in c.formula]
    assert [c.verdict.verdict for c in credits] == ["premature"] and report.label == 0
    plain = _audit(ctx, CHERYL_CREDIT.format(verb="knocks out").replace(
        "Albert's statement, read together with his admission that he doesn't know either, also knocks out",
        "Bernard's statement, read together with Albert's, knocks out"))
    assert [c.verdict.verdict for c in _claims(plain, "credit") if "14" in c.formula] == ["entailed"]


CHERYL_ZH = ('阿尔伯特说："我不知道谢丽尔的生日，但我知道伯纳德也不知道。"\n\n'
             "伯纳德拿到18日或19日就会直接知道。阿尔伯特知道伯纳德不知道，所以这个公开宣告只删掉5月19日和6月18日这两个可能世界，"
             "剩下{n}个：{left}。")


def test_this_announcement_only_deletes_and_a_count_before_its_list(ctxs):
    """"这个公开宣告只删掉5月19日和6月18日这两个可能世界，剩下8个：…": the announcement in hand is said to remove those
    two and nothing else (false: all of May and June go), "删掉" is a verb of removing like "排除", "可能世界" (possible
    worlds) is a noun and no hedge, and "剩下8个：" counts the list that follows, which is read too."""
    ctx = ctxs("cheryl.txt")
    eight = "5月15日、5月16日、6月17日、7月14日、7月16日、8月14日、8月15日、8月17日"
    report = _audit(ctx, CHERYL_ZH.format(n=8, left=eight))
    assert {c.record.kind: c.verdict.verdict for c in _claims(report) if c.record.kind in ("credit", "candidates",
                                                                                         "count")} == \
        {"credit": "false", "candidates": "false", "count": "false"}
    assert [c.record.reading for c in _claims(report, "credit")] == ["exclusion"]
    assert report.label == 1
    listed = _audit(ctx, '阿尔伯特说："我不知道谢丽尔的生日，但我知道伯纳德也不知道。"\n\n所以剩下5个：7月14日、7月16日、'
                         '8月14日、8月15日、8月17日。')
    assert [c.record.kind for c in _claims(listed, None) if c.record.kind in ("candidates", "count")] == \
        ["candidates", "count"] and listed.label == -1


def test_a_tuple_and_its_sum_after_a_full_width_colon():
    """"- (9,8,2)：和18" in a column of triples and their sums: 9 + 8 + 2 = 18, false (the full-width colon before
    the word for sum was read as no separator: no arithmetic)."""
    column = "- (12,4,3)：和19\n- (9,8,2)：和18\n- (9,4,4)：和17"
    assert [(r.key.formula[3][1], r.text) for r in tuple_values(column)] == [
        (19, "(12,4,3)：和19"), (18, "(9,8,2)：和18"), (17, "(9,4,4)：和17")]
    assert [r.key.formula[3][1] for r in tuple_values("(12,4,3)：19\n(9,8,2)：19\n(9,4,4)：17\n(8,6,3)：17")] == \
        [19, 19, 17, 17]
    products = ("(5,12): 60 → (2,30) 32, (3,20) 23, (4,15) 19, (5,12) 17, (6,10) 16.\n"
                "(8,9): 72 → (2,36) 38, (3,24) 27, (4,18) 22, (6,12) 18, (8,9) 17.")  # (a colon marks the products,
    # a space the sums: "(5,12): 60" is no sum)
    read = tuple_values(products)
    assert len(read) >= 10 and all(_holds(r.key.formula) for r in read)


def _holds(f: tuple) -> bool:
    """Whether an arithmetic claim `("Compare", "=", term, ("Const", n))` of constants is true."""
    def value(t):
        if t[0] == "Const":
            return t[1]
        a, b = value(t[2]), value(t[3])
        return a + b if t[1] == "+" else a * b
    return value(f[2]) == f[3][1]


MUDDY_HEADED = ('### 1. 父亲的宣告\n\n"至少一个人有泥"删掉 0000，剩下 15 个世界。\n\n### 2. 第一次没人站出来\n\n'
                "如果只有一个孩子有泥，他会知道自己有泥并站出来。没人站出来，所以剩下的世界里至少有{n}个孩子有泥。\n\n"
                "### 3. 第二次没人站出来\n\n没人站出来，所以至少有3个孩子有泥。")


def test_the_silence_a_heading_names_is_told_again_under_it(ctxs):
    """"### 2. 第一次没人站出来" over "…没人站出来，所以…": the body tells the heading's silence again (it was read as the
    second silence, so "at least 3 muddy" held there); and "剩下的世界里" (in the worlds left) is every world left,
    not a supposed one ("在只有一个泥孩子的世界里" is)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    early = _audit(ctx, MUDDY_HEADED.format(n=3))
    assert early.steps[3].reached == 2 and early.label == 3
    assert [c.verdict.verdict for c in bad(early)][:1] == ["premature"]
    right = _audit(ctx, MUDDY_HEADED.format(n=2))
    assert right.label == -1 and "((m[1] + m[2]) + m[3]) + m[4] >= 2" in formulas(right, "bound")


def test_a_speakers_label_over_the_others_words_is_no_attribution(ctxs):
    """'- 第5位：从前四位的"不知道"推出他们都要；他自己也要': the fifth logician draws on the first four's "don't know"s
    (read as his own words once reported speech ends at the semicolon: statements 1-4 given to him)."""
    ctx = ctxs("drinking_logicians.txt", {"n": 5})
    report = _audit(ctx, '五位逻辑学家，酒保问："每个人都要啤酒吗？"\n\n- 第1位："不知道。"\n- 第2、3、4位："不知道。"\n'
                         '- 第5位：从前四位的"不知道"推出他们都要；他自己也要 → 能确定答案 → "是的！"\n\n结论：**5位都要啤酒。**')
    assert not _claims(report, "speaker") or all(c.verdict.verdict != "false" for c in _claims(report, "speaker"))
    assert report.label == -1


def test_a_count_and_its_list_in_english_and_an_agents_view(ctxs):
    """"exactly two dates are left: June 12 and April 14" states the list as well as its count (the list was
    dropped); "Ali, holding March, now sees just one date left: March 18" is what is left in Ali's view, his month's
    case, not the stage's."""
    variant = ctxs("cheryl_variant.txt")
    report = _audit(variant, said(variant) + "\n\nAfter Albert's last statement, exactly two dates are left: June 12 "
                                             "and April 14.")
    assert [c.verdict.verdict for c in _claims(report, "candidates")] == ["false"] and report.label == 3
    cam = ctxs("cheryl_cam.txt")
    view = _audit(cam, said(cam, 2) + "\n\nAli, holding March, now sees just one date left: March 18.")
    assert view.label == -1 and not bad(view)


HATS_LEMMA = ('第一位说："我不知道自己帽子的颜色。"\n\n引理 1　第一位说"我不知道自己帽子的颜色"之后，h[3] = 白。\n\n'
              "证明：若 h[2] = h[3] = 红，第一位会知道自己戴白帽。{reason}\n\n"
              '第二位说："我也不知道自己帽子的颜色。"\n\n所以盲人的帽子是白色的。')


def test_a_lemma_waits_for_the_wrong_step_of_its_proof(ctxs):
    """"引理 1　第一位说…之后，h[3] = 白。" then "证明：…": a lemma states its result ahead of the argument; when a step
    of its proof is flagged ("第一位的这句话已经排除了 h[3] = 红", a removal credited to the wrong statement), that step
    is the first error, not the lemma; with nothing wrong in the proof, the lemma stays the first error."""
    ctx = ctxs("hats.txt")
    credited = _audit(ctx, HATS_LEMMA.format(reason="由此，第一位的这句话已经排除了 h[3] = 红。"))
    assert credited.label == 2 and credited.steps[1].label == 0 and "a lemma before its proof" in \
        credited.steps[1].unchecked
    alone = _audit(ctx, HATS_LEMMA.format(reason="所以 h[2]、h[3] 不都是红的。"))
    assert alone.label == 1


def test_a_child_named_by_number_knowing_he_is_clean(ctxs):
    """"所以3号就能知道自己额头是干净的" after the first silence: child 3 (named "3号") knows he is clean, read and
    judged like "child 3 knows he is clean" (premature: he knows only once the muddy two step forward)."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    report = _audit(ctx, "父亲说至少有一个孩子有泥。\n\n第一轮没有人站出来，说明至少有两个人有泥，3号看到的正好是两个，"
                         "所以3号就能知道自己额头是干净的。")
    assert [(c.formula, c.verdict.verdict) for c in _claims(report, "knowledge")] == [
        ("m[3] = 0 implies c[3] knows m[3]", "premature")]


CONSECUTIVE_K = ("1. Anne: ¬K_Anne(b). The announcement removes {removed}. 18 worlds remain.\n\n"
                 "2. Bill: ¬K_Bill(a). So b ∉ {{0, 1, 9, 10}}. 14 worlds remain.\n\n"
                 "3. Anne: K_Anne(b). Remaining worlds: (1, 2), (2, 3), (8, 7), (9, 8).\n\n**Answer: yes (1).**")


def test_knowledge_operators_in_logic_notation_name_their_statements(ctxs):
    """"1. Anne: ¬K_Anne(b)." is Anne's "I don't know", "3. Anne: K_Anne(b)." her "now I know" (a knowing word whose
    subscript is the knower, "K_A" by a unique initial): the outline walks the dialogue, so the worlds each line
    removes are judged after its statement (the wrong edge, Bill's numbers for Anne's, is found at once; it stayed at
    the start, unaligned, and was flagged only a line later)."""
    ctx = ctxs("consecutive.txt")
    right = _audit(ctx, CONSECUTIVE_K.format(removed="a = 0 and a = 10: (0, 1) and (10, 9) go"))
    assert [st.stage for st in right.steps[:3]] == [1, 2, 3] and right.label == -1
    wrong = _audit(ctx, CONSECUTIVE_K.format(removed="b ∈ {0, 10}: (1, 0) and (9, 10) go"))
    assert wrong.label == 0
    cheryl = ctxs("cheryl.txt")
    notation = _audit(cheryl, "Albert: ¬K_A(date) ∧ K_A(¬K_B(date)). So May and June are out.")
    assert notation.steps[0].reached == 1 and notation.label == -1


def test_a_row_bulleted_by_a_dash_closed_by_its_verdict(ctxs):
    """"– 17: it occurs twice …, so a Bernard holding 17 would still be unsure. Eliminated." (an en dash for its bullet,
    as typeset proofs write lists): 17 is removed, like "- 17: …"; after Bernard's statement April 17 is still there
    (only Albert's last line removes it), so the row is premature there."""
    ctx = ctxs("cheryl_variant.txt")
    for bullet in ("–", "-"):
        report = _audit(ctx, said(ctx, 2) + f"\n\n{bullet} 17: it occurs twice (March 17 and April 17), so a Bernard "
                                            "holding 17 would still be unsure. Eliminated.")
        assert [(c.formula, c.verdict.verdict) for c in _claims(report, "exclusion")] == [("day != 17", "premature")]


def test_a_number_subtracted_before_not_prime_is_no_primality_claim(ctxs):
    """"而且和减 2 不是素数" (and the sum minus 2 is not prime): the difference is not prime, not 2 (it was read as "2 is
    not prime", false, a false alarm); "51 不是素数" is still read."""
    ctx = ctxs("impossible.txt")
    assert not [c for c in _claims(_audit(ctx, "所以和是奇数，而且和减 2 不是素数。"), "prime")]
    assert [c.formula for c in _claims(_audit(ctx, "所以 51 不是素数。"), "prime")] == ["51 is not prime"]


def test_the_muddy_count_said_as_exactly_so_many(ctxs):
    """"综上所述，有泥的孩子恰为两个。" closing a proof: the count answered (it was read as no answer)."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    for ending, right in (("有泥的孩子恰为两个。", True), ("有泥的孩子恰好是三个。", False)):
        report = _audit(ctx, "父亲说至少有一个孩子有泥。\n\n综上所述，" + ending)
        assert report.final_answer is not None and report.final_answer_correct is right
