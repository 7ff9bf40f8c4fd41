"""Readings from traces_fs* (32 rows written in session 63 by helpers who never read the auditor, as forum answers:
Reddit / Puzzling SE / Quora in English, Zhihu / Baidu Zhidao / 公众号 in Chinese; scored blind at 0.553 and 0.569,
then opened in session 64), each checked both ways: a count chain closed by a bracket ("… → 330)"), an earlier
statement added to the one just heard ("Nobody stepped forward. … with the father's announcement, there are at least
two"), an oversight owned up to ("我一开始漏看了…"), "…, I get 11, 17, …", "leaves July 16 as the only date where …",
"the first guy is white too", "the blind guy", "she realizes she's the clean one"; and from the tuning sets of
session 64 (R1 thinking, textbook solutions, lecture transcripts, 教案): "Solution." before an answer-first headline,
"对他没有新信息", "不能…推出b≠0", "第二句话时5月已被排除", "Think about the case where …", "the answer's two", "five
of diamonds", "Five of diamonds, that's the answer"."""
from epistemic.audit.chains import chain_records
from epistemic.audit.claims import extract_records
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def _records(ctx, text):
    return extract_records(ctx.lexicon, text, False, ctx.memo)


def test_a_count_chain_closed_by_a_bracket_keeps_its_last_number():
    """"(the count goes 3675 → 2400 → 1144 → 330)": 330 is not read as 33 (a number is whole or not read)."""
    assert [r.key.formula for r in chain_records("the count goes 3675 → 2400 → 1144 → 330), not")] == []
    assert [r.key.formula for r in chain_records("the count goes 3675 → 2400 → 1144 → 330.")] == \
        [("Chain", (3675, 2400, 1144, 330))]


def test_an_earlier_statement_added_to_the_one_just_heard(ctxs):
    """"Nobody stepped forward. So …; with the father's announcement, there are at least two.": both together, at
    the silence (not at the father's words, where it would be premature); "with the father's announcement alone" in a
    step still at it stays there."""
    ctx = ctxs("muddy.txt")
    text = said(ctx, 2) + "\n\nNobody stepped forward. So there is not exactly one muddy child; with the father's " \
        "announcement, there are at least two.\n\n" + said(ctx).split("\n\n")[-1] + "\n\nSo two children are muddy."
    report = _audit(ctx, text)
    assert not bad(report) and report.label == -1
    early = _audit(ctx, said(ctx, 1) + "\n\nSo with the father's announcement, there are at least two.")
    assert [c.verdict.verdict for c in _claims(early, "bound")] == ["premature"]


def test_an_oversight_owned_up_to_is_rejected(ctxs):
    """"我一开始漏看了b = 1和b = 9这两种，以为比尔这句话只排除0和10": what the writer first missed, set aside."""
    ctx = ctxs("consecutive.txt")
    owned = _records(ctx, "我一开始漏看了b = 1和b = 9这两种，以为比尔这句话只排除0和10，后来才发现不对。")
    assert owned and all(r.reading == "rejected idea" for r in owned if r.kind in ("candidates", "exclusion"))
    plain = _records(ctx, "比尔这句话只排除b = 0和b = 10。")
    assert [r.reading for r in plain if r.kind == "exclusion"] and \
        all(r.reading != "rejected idea" for r in plain)


def test_what_the_writer_gets_of_a_described_term(ctxs):
    """"…crossing out the ones where sum − 2 is prime, I get 11, 17, …, 53.": the sums left; not "For sum 17, I get
    30, 42, 52, 60" (that case's products)."""
    ctx = ctxs("sum_product.txt")
    got = _records(ctx, "Going through the odd numbers up to 54 and crossing out the ones where sum − 2 is prime, "
                        "I get 11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53.")
    assert [(r.kind, r.key.formula[1], r.key.formula[2][-1]) for r in got] == \
        [("candidates", ("Arith", "+", ("Var", "x"), ("Var", "y")), 53)]
    assert [r for r in _records(ctx, "For sum 17, I get 30, 42, 52, 60.") if r.kind == "candidates"] == []


def test_the_only_date_with_a_property_is_what_is_left(ctxs):
    """"Which leaves July 16 as the only date where the day isn't shared": what is left (premature right after
    Bernard's statement); the relative clause says why, it is no claim of its own."""
    ctx = ctxs("cheryl.txt")
    left = _records(ctx, "Which leaves July 16 as the only date where the day isn't shared.")
    assert [(r.kind, r.reading) for r in left] == [("candidates", "what is left")]
    report = _audit(ctx, said(ctx, 2) + "\n\nWhich leaves July 16 as the only date where the day isn't shared, so "
                                        "Bernard has 16.\n\n" + said(ctx).split("\n\n")[-1] + "\n\nJuly 16.")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(report)] == [("candidates", "premature")]


def test_too_after_a_named_subject_is_still_its_value(ctxs):
    """"So the first man is white too.": the man's hat (not where a value occurs, as in "It was in May too")."""
    ctx = ctxs("hats.txt")
    assert [(r.kind, r.reading) for r in _records(ctx, "So the first man is white too.")] == \
        [("candidates", "value list")]
    assert [r.reading for r in _records(ctxs("cheryl.txt"), "Why keep 16? It was in May too.")
            if r.kind == "candidates"] == ["list under a property"]


def test_guy_and_person_name_the_people(ctxs):
    """"the blind guy", "the first guy", "the blind person": the puzzle's men under other nouns."""
    ctx = ctxs("hats.txt")
    assert [r.key.formula for r in _records(ctx, "So the blind guy isn't red.")] == \
        [("Compare", "!=", ("Var", "h[3]"), ("Const", 1))]
    assert [r.key.formula for r in _records(ctx, "So the first guy is white.")] == \
        [("Compare", "=", ("Var", "h[1]"), ("Const", 0))]
    assert [r.key.formula for r in _records(ctx, "So the blind person is white.")] == \
        [("Compare", "=", ("Var", "h[3]"), ("Const", 0))]


def test_a_member_realizing_she_is_the_clean_one(ctxs):
    """"So now it's kid 3 who cracks it: she sees …, so she realizes she's the clean one.": kid 3 knows she is clean
    (false right after the first silence); "the clean kids" after it is the group, not her."""
    ctx = ctxs("muddy.txt")
    text = "So now it's kid 3 who cracks it: she sees exactly two muddy faces, there are at least two muddy kids, " \
        "so she realizes she's the clean one."
    assert [r.key.formula for r in _records(ctx, text) if r.kind == "knowledge"] == \
        [("Implies", ("Compare", "=", ("Var", "m[3]"), ("Const", 0)),
          ("Knows", "agent", ("c[3]",), "value", (("Var", "m[3]"),)))]
    assert [r for r in _records(ctx, "Kid 3 sees two muddy faces.") if r.kind == "knowledge"] == []


def test_solution_label_opens_an_answer_first_headline(ctxs):
    """"Solution. The card is the five of diamonds. We justify this …": the answer announced ahead of the argument,
    a headline, as after "Answer:"; the same sentence as the step's conclusion stays premature."""
    ctx = ctxs("card16.txt")
    head = _audit(ctx, "Solution. The card is the 5 of diamonds. We justify this by taking the statements in order."
                       "\n\n" + said(ctx) + "\n\nSo the card is the 5 of diamonds.")
    assert not bad(head)
    early = _audit(ctx, said(ctx, 1) + "\n\nSo the card is the 5 of diamonds.\n\n" + said(ctx).split("\n\n", 1)[1])
    assert [c.verdict.verdict for c in bad(early)] == ["premature"]


def test_nothing_new_for_one_agent_is_no_credit(ctxs):
    """"第一轮没人站出来对他没有新信息": nothing new to that child, not a statement that removes nothing."""
    ctx = ctxs("muddy.txt")
    text = said(ctx, 2, "zh") + "\n\n若三人都有泥：每人看到两个有泥的人。第一轮没人站出来对他没有新信息，∴ 他仍不能确定。\n\n" + \
        said(ctx, None, "zh").split("\n\n")[-1] + "\n\n所以有两个孩子有泥。"
    assert [c for c in _claims(_audit(ctx, text), "credit")] == []
    plain = _audit(ctx, said(ctx, 2, "zh") + "\n\n第一轮没人站出来，没有新信息。")
    assert [c.record.kind for c in bad(plain)] == ["credit"]


def test_an_inference_warned_against_is_declined(ctxs):
    """"这句话只说明a的情况，不能“对称地”推出b≠0": the writer warns against concluding b ≠ 0; "P不能推出…" keeps P's
    not knowing (a subject before it)."""
    ctx = ctxs("consecutive.txt")
    warned = _records(ctx, "这句话只说明a的情况，不能“对称地”推出b≠0。")
    assert [r.reading for r in warned if r.kind == "exclusion"] == ["rejected idea"]
    drawn = _records(ctx, "这句话说明a的情况，所以b≠0。")
    assert [r.reading for r in drawn if r.kind == "exclusion"] != ["rejected idea"]


def test_gone_by_the_time_of_a_statement_is_no_credit(ctxs):
    """"应注意第二句话时5月已被排除": May gone by the time of the second statement, not removed by it; "第二句话排除了5月"
    credits it (false: Albert's first statement did)."""
    ctx = ctxs("cheryl.txt")
    by_then = _audit(ctx, said(ctx, 2, "zh") + "\n\n应注意第二句话时5月已被排除。")
    assert [c for c in _claims(by_then, "credit")] == []
    by_it = _audit(ctx, said(ctx, 2, "zh") + "\n\n第二句话排除了5月。")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(by_it)] == [("credit", "false")]


def test_a_case_taken_up_is_supposed(ctxs):
    """"Think about the case where exactly one kid is muddy.": a case to reason in; "… rules out the case where
    exactly one kid is muddy" still removes it."""
    ctx = ctxs("muddy.txt")
    assert [r.reading for r in _records(ctx, "Think about the case where exactly one kid is muddy.")] == \
        ["supposition"]
    ruled = _records(ctx, "So the silence rules out the case where exactly one kid is muddy.")
    assert ruled and all(r.kind == "exclusion" and r.certain for r in ruled)


def test_the_answers_contracted(ctxs):
    """"So the answer's two." gives the count, as "the answer is two" does; "the answer's side" gives nothing."""
    ctx = ctxs("muddy.txt")
    assert [r.answer for r in _records(ctx, "So the answer's two.") if r.kind == "answer"] == [((2,),)]
    assert [r for r in _records(ctx, "From the answer's side, two children see mud.") if r.kind == "answer"] == []


def test_a_rank_spelt_out_before_its_suit(ctxs):
    """"the five of diamonds" is ♦5 (the rank 5 has no spelt-out name in the puzzle); "two of the cards" names no
    rank."""
    ctx = ctxs("card16.txt")
    assert [t.kind for t in ctx.lexicon.scan("Five of diamonds")] == ["tuple"]
    card = [r for r in _records(ctx, "So the card is the five of diamonds.") if r.kind == "candidates"]
    assert [r.answer for r in card] == [((3, 9),)]
    assert [t.kind for t in ctx.lexicon.scan("two of the cards")] == []


def test_a_value_the_closing_line_calls_the_answer(ctxs):
    """"Five of diamonds, that's the answer, and yeah, you can go back and check …": the answer, then a remark."""
    from tests.audit.reading import answer
    ctx = ctxs("card16.txt")
    assert answer(ctx, said(ctx) + "\n\nFive of diamonds, that's the answer, and yeah, you can go back and check.") \
        == (((3, 9),), True)
    assert answer(ctxs("cheryl.txt"), said(ctxs("cheryl.txt")) + "\n\nAugust 17, that's the answer.")[1] is False



def test_the_step_under_an_answer_heading_is_a_headline(ctxs):
    """"### 答案" then "\\( x = 4,\\ y = 13 \\)（和为 17，积为 52）。" before the argument: the answer, part by part; the
    same values at the start with no heading above are premature."""
    ctx = ctxs("sum_product.txt")
    rest = "\n\n" + said(ctx, None, "zh") + "\n\n所以 x = 4，y = 13。"
    assert not bad(_audit(ctx, "### 答案\n\n\\( x = 4,\\ y = 13 \\)（和为 17，积为 52）。" + rest))
    assert [c.verdict.verdict for c in bad(_audit(ctx, "### 分析\n\n所以 x = 4，y = 13。" + rest))] == ["premature"]


def test_a_speakers_statement_by_its_ordinal_alone(ctxs):
    """"Albert's first line removes March and May, Bernard's removes the 19s, Albert's last removes April.": his
    last statement, the noun left out (not an exclusion said right after Bernard's)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx) + "\n\nRecap: Albert's first line removes March and May, Bernard's removes the "
                                     "19s, Albert's last removes April.")
    assert [c.record.key.formula[1] for c in _claims(report, "credit")] == [(1,), (2,), (3,)] and not bad(report)


def test_the_size_of_a_set_names_no_value(ctxs):
    """"W2 = W1 ∩ S = {♥A, ♥Q, ♥4, ♦A, ♦5}, |W2| = 5.": five worlds, not the rank 5."""
    ctx = ctxs("card16.txt")
    found = _records(ctx, "W2 = W1 ∩ S = {♥A, ♥Q, ♥4, ♦A, ♦5}, |W2| = 5.")
    assert [len(r.key.formula[1]) for r in found if r.kind == "candidates"] == [5]
    assert [r.key.formula for r in _records(ctx, "So the rank = 5.") if r.kind == "candidates"] == \
        [("Compare", "=", ("Var", "rank"), ("Const", 9))]


def test_a_value_denied_with_the_sign(ctxs):
    """"So b ≠ 1, 9": b is neither (as "b is not 1 or 9"); "Bill knows b ≠ 0" stays a fact he knows."""
    ctx = ctxs("consecutive.txt")
    assert [r.key.formula for r in _records(ctx, "So b ≠ 1, 9.")] == [("Not", ("Member", ("Var", "b"), (1, 9)))]
    assert [r.key.formula[4] for r in _records(ctx, "Bill knows b ≠ 0.")] == \
        [("Not", ("Compare", "=", ("Var", "b"), ("Const", 0)))]


def test_an_empty_meet_is_a_condition(ctxs):
    """"K_A¬K_B holds at w iff [w]_A ∩ {3/13, 5/20} = ∅.": a condition on a set of dates, not that March 13 goes
    with May 20; "W1 = {4/14, 4/17}" is still a list."""
    ctx = ctxs("cheryl_variant.txt")
    assert _records(ctx, "K_A¬K_B holds at w iff [w]_A ∩ {3/13, 5/20} = ∅.") == []
    assert [r.kind for r in _records(ctx, "So W1 = {4/14, 4/17}.")] == ["candidates"]


def test_columns_on_one_line_are_rows(ctxs):
    """"♥: A, Q, 4   ♠: J, 8, 4, 2, 7, 3   ♣: K, Q, 5, 4, 6   ♦: A, 5": four rows side by side (hearts keep their 4)."""
    ctx = ctxs("card16.txt")
    rows = _records(ctx, "♥: A, Q, 4   ♠: J, 8, 4, 2, 7, 3   ♣: K, Q, 5, 4, 6   ♦: A, 5")
    assert [len(r.key.formula[2][2]) for r in rows] == [3, 6, 5, 2]


def test_statements_numbered_s1_s2_s3(ctxs):
    """"S1 — A: ¬know ∧ knows B ¬know.", "S2 — B: …": the statements in order where no agent's name starts with S
    (in Sum and Product "S1:" is S's first statement)."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, "S1 — A: ¬know ∧ knows B ¬know.\nLeft: Jul 14, Jul 16, Aug 14, Aug 15, Aug 17.\n\n"
                         "S2 — B: didn't know, now knows.\nLeft: Jul 16, Aug 15, Aug 17.\n\n"
                         "S3 — A: now knows too.\n⇒ July 16.")
    assert [st.stage for st in report.steps] == [1, 2, 3] and not bad(report)


def test_an_initial_and_a_colon_before_a_quote(ctxs):
    """'B: "didn't know, now I do"' opens Bernard's next statement (his initial, no other agent's)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, 'A1: "don\'t know, and I know B doesn\'t"\n- So month ∉ {Mar, May}.\n\n'
                         'B: "didn\'t know, now I do"\n- If B had 19 he\'d still be stuck. So day ≠ 19.')
    assert [st.stage for st in report.steps] == [1, 2] and not bad(report)


def test_what_to_fill_in_closes_the_answer(ctxs):
    """"答：两数之和是3、5、15、17中的一个，填1。": yes, by what to fill in."""
    from tests.audit.reading import answer
    ctx = ctxs("consecutive.txt")
    assert answer(ctx, said(ctx, None, "zh") + "\n\n答：两数之和是3、5、15、17中的一个，填1。") == (((1,),), True)
    assert answer(ctx, said(ctx, None, "zh") + "\n\n答：两数之和是3、5、15、17中的一个，填0。") == (((0,),), False)


def test_another_versions_answer_in_a_ps_is_not_the_answer(ctxs):
    """"所以谢丽尔的生日是6月12日。\\n\\nPS：…原版答案是7月16日。": the original's answer recalled (no date of this
    puzzle), not a wrong answer given."""
    from tests.audit.reading import answer
    ctx = ctxs("cheryl_variant.txt")
    said_zh = said(ctx, None, "zh")
    assert answer(ctx, said_zh + "\n\n所以谢丽尔的生日是6月12日。\n\nPS：这题和原版的套路一样，原版答案是7月16日。") == \
        (((3, 12),), True)
    assert answer(ctx, said_zh + "\n\n所以谢丽尔的生日是7月16日。")[1] is False
    assert answer(ctx, said(ctx) + "\n\nSo it is June 12.\n\nThe original's answer is July 16.") == (((3, 12),), True)


def test_among_those_left_is_no_list_of_them(ctxs):
    """"剩下5张里A有两张（♥A ♦A）": among the five left, two are aces (not that only aces are left); "剩下5张：…" still
    lists what is left."""
    ctx = ctxs("card16.txt")
    assert [r.reading for r in _records(ctx, "剩下5张里A有两张（♥A ♦A）") if r.kind == "candidates"] == []
    assert [r.reading for r in _records(ctx, "剩下5张：♥A ♥Q ♥4 ♦A ♦5") if r.kind == "candidates"] == ["what is left"]


def test_a_structured_step_opens_on_its_statement_field(ctxs):
    """'```yaml\\nstep: 3\\nspeaker: Anne\\nstatement: "I know your number."': the block is about Anne's statement
    (also with the speaker inside the quote marks: 'statement: "Albert: I don't know, but …"')."""
    ctx = ctxs("consecutive.txt")
    assert [a.stage for a in ctx.aligner.align(['```yaml\nstep: 3\nspeaker: Anne\nstatement: "I know your number."'
                                                '\nremaining: [(1, 2)]\n```'])] == [3]
    variant = ctxs("cheryl_variant.txt")
    assert [a.stage for a in variant.aligner.align(['```yaml\nstep: 1\nstatement: "Albert: I don\'t know, but I know '
                                                    'that Bernard does not know too."\n```'])] == [1]
    assert [a.stage for a in variant.aligner.align(['```yaml\nstep: 1\nnote: "Albert: I don\'t know."\n```'])] == [0]


def test_a_range_of_values_is_one_case(ctxs):
    """"a = 3 .. 7: both neighbours lie in 2..8": a range (a case), not "a = 3" cut off at the dots."""
    ctx = ctxs("consecutive.txt")
    assert [(r.kind, r.reading) for r in _records(ctx, "a = 3 .. 7: both neighbours lie in 2..8, she would not know.")
            if r.kind in ("candidates", "bound")] == [("bound", "case analysis")]


def test_json_fields_are_the_writers_notation(ctxs):
    """'{"step": 1, "statement": "P: I don't know the card", …, "remaining": ["♥A", …, "♦5"]}': the remaining cards are
    a list of what is left (the short strings are no speech), and the block opens on P's statement."""
    ctx = ctxs("card16.txt")
    block = '{"step": 1, "statement": "P: I don\'t know the card", "removes": ["♠J","♠8","♠2","♠7","♠3","♣K","♣6"], ' \
        '"remaining": ["♥A","♥Q","♥4","♠4","♣Q","♣5","♣4","♦A","♦5"], "count": 9}'
    assert [(r.kind, r.reading) for r in _records(ctx, block)] == [("exclusion", "exclusion"),
                                                                   ("candidates", "what is left")]
    assert [a.stage for a in ctx.aligner.align(["```json\n" + block + "\n```"])] == [1]
    assert [r.kind for r in _records(ctx, 'He said "♥A" and "♦5" twice.')] != ["candidates"]


def test_a_chatter_line_after_the_closing_line(ctxs):
    """"所以是4和13\\n绝了，这题第一次见的时候完全没头绪😂": the answer, then a remark naming nothing of the puzzle."""
    from tests.audit.reading import answer
    ctx = ctxs("sum_product.txt")
    assert answer(ctx, said(ctx, None, "zh") + "\n\n所以是4和13\n绝了，这题第一次见的时候完全没头绪😂") == (((4, 13),), True)
    assert answer(ctx, said(ctx, None, "zh") + "\n\n所以是4和15\n绝了😂")[1] is False


def test_all_of_them_want_a_beer_said_early(ctxs):
    """"At this point all three want a beer", "到这里其实三个人都要喝了", "说明每个人都想喝啤酒": the count asked, claimed
    (premature before the third answers); "所以三个人都不喝" is no count of those who want one."""
    ctx = ctxs("drinking_logicians.txt")
    for text in ("At this point all three want a beer.", "到这里其实三个人都要喝了。", "前两位都说不知道，说明每个人都想喝啤酒。"):
        assert [r.key.formula[3] for r in _records(ctx, text) if r.kind == "candidates"] == [("Const", 3)], text
    assert [r for r in _records(ctx, "所以三个人都不喝。") if r.kind == "candidates"] == []


def test_an_agent_standing_for_the_number_denied(ctxs):
    """"同样的道理比尔也不可能是0或10", "So Bill can't be 0 or 10": Bill's number is neither (as "安妮是2" is Anne's)."""
    ctx = ctxs("consecutive.txt")
    for text in ("同样的道理比尔也不可能是0或10，这两头一起排除", "So Bill can't be 0 or 10."):
        assert [r.key.formula for r in _records(ctx, text)] == [("Not", ("Member", ("Var", "b"), (0, 10)))], text
    assert [r.key.formula for r in _records(ctx, "安妮是2")] == [("Compare", "=", ("Var", "a"), ("Const", 2))]


def test_a_hat_named_by_its_place(ctxs):
    """"So hat 1 is not red.", "So the third hat is not red.": the hat of that man (the family's own noun and its
    place), as "the first man's hat" is."""
    ctx = ctxs("hats.txt")
    assert [r.key.formula for r in _records(ctx, "So hat 1 is not red.")] == \
        [("Compare", "!=", ("Var", "h[1]"), ("Const", 1))]
    assert [r.key.formula for r in _records(ctx, "So the third hat is not red.")] == \
        [("Compare", "!=", ("Var", "h[3]"), ("Const", 1))]


def test_one_value_denied_of_two_hats(ctxs):
    """"so neither hat 1 nor hat 3 is red", "hat 1 and hat 3 are not red": two exclusions (false right after the
    second man's statement, where hat 1 may be red); "hats 2 and 3 are not both red" denies only the pair."""
    ctx = ctxs("hats.txt")
    for text in ("He isn't certain, so neither hat 1 nor hat 3 is red.", "So hat 1 and hat 3 are not red."):
        assert [r.key.formula for r in _records(ctx, text)] == [("Compare", "!=", ("Var", "h[1]"), ("Const", 1)),
                                                                ("Compare", "!=", ("Var", "h[3]"), ("Const", 1))], text
    assert [r for r in _records(ctx, "So hat 2 and hat 3 are not both red.") if r.kind == "exclusion"] == []
    report = _audit(ctx, said(ctx, 2) + "\n\nHe isn't certain, so neither hat 1 nor hat 3 is red.")
    assert [(c.record.key.formula[2], c.verdict.verdict) for c in bad(report)] == [(("Var", "h[1]"), "false")]
