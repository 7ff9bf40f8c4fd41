"""Readings from traces_eg* (32 rows written in session 56 by helpers who never read the auditor, scored blind at
0.636, then opened in session 57) and the tuning sets ei*, ej*, ek*, em* written beside the blind eh*, each checked
both ways."""
from epistemic.audit.records import CASE
from tests.audit.reading import audit as _audit, bad, claims as _claims, closing as _closing, said

_WHAT_SUM = ('**1. Alice: "I don\'t know my number."**\n→ So after this: b ≠ c.\n\n'
             '**2. Bob: "I don\'t know my number."**\n→ Hence a ≠ c now.\n→ {}\n')


def test_a_statement_named_in_a_bracketed_aside_does_not_date_the_claim_after_it(ctxs):
    """"This announcement removes more than that (some cases killed by Alice's statement), but the part we need is
    a ≠ c": the aside names Alice's statement, the claim is about Bob's (it was judged after Alice's: a false
    alarm); named outside the brackets, it still dates the claim."""
    ctx = ctxs("what_sum.txt")
    aside = _audit(ctx, _WHAT_SUM.format("This announcement removes more than that (some cases killed by Alice's "
                                         "statement), but the part we need is a ≠ c."))
    assert bad(aside) == [] and [c.verdict.stage for c in _claims(aside, "term bound")][-1] == 2
    named = _audit(ctx, _WHAT_SUM.format("From Alice's statement, a ≠ c."))
    assert [c.verdict.stage for c in bad(named)] == [1]


def test_a_second_possessive_with_its_noun_left_out_takes_the_claim_after_it(ctxs):
    """"Alice's statement only forced b ≠ c, Bob's only a ≠ c": a ≠ c is Bob's (it was dated at Alice's, a false
    alarm); without "Bob's" it is Alice's, and too early."""
    ctx = ctxs("what_sum.txt")
    text = _WHAT_SUM.format("Bob's turn done.") + "\n\nLet me check: Alice's statement only forced b ≠ c, {}a ≠ c."
    assert bad(_audit(ctx, text.format("Bob's only "))) == []
    assert [c.formula for c in bad(_audit(ctx, text.format("and ")))] == ["a != c"]


def test_a_labelled_summary_gives_its_answer_before_the_reasons(ctxs):
    """"**Summary: yes — after the three "I don't know"s, …**", "**Summary: 3 children are muddy — the first silent
    round …**" and "**总结：有3个孩子额头有泥。父亲的话加上…**": the answer the label heads (none was read)."""
    assert _closing(ctxs, "what_sum.txt", '**Summary: yes — after the three "I don\'t know"s, all three numbers are '
                    'different (answer 1). Each announcement rules out one kind of repetition.**') == (((1,),), True)
    reasons = " — the first silent round rules out a single muddy child, and the muddy ones knowing right " \
              "afterwards pins the count, whatever the clean ones see.**"
    muddy = {"n": 5, "k": 3}
    assert _closing(ctxs, "muddy.txt", "**Summary: 3 children are muddy" + reasons, muddy) == (((3,),), True)
    assert _closing(ctxs, "muddy.txt", "**Summary: 2 children are muddy" + reasons, muddy) == (((2,),), False)
    assert _closing(ctxs, "muddy.txt", "**总结：有3个孩子额头有泥。父亲的话加上连续两轮“没人站出来”，让3个泥孩子在第三次"
                    "提问时同时知道自己有泥，而干净的孩子这一轮还不知道。**", muddy) == (((3,),), True)


def test_a_colour_two_agents_share_is_no_one_hat_and_a_whenever_case_is_a_supposition(ctxs):
    """"“第二位和盲人都戴红帽”这种情况被排除": both hats, not the blind man's alone (read as "the blind man is not
    red", too early: a false alarm); "凡是盲人戴红帽的情况，第二位都会知道" is what holds in every such case, not "the
    blind man wears red" (read as a list, false)."""
    ctx = ctxs("hats.txt")
    both = _audit(ctx, "第一位智者说不知道。所以“第二位和盲人都戴红帽”这种情况被排除。")
    assert [c.formula for c in _claims(both, "exclusion")] == []
    one = _audit(ctx, "第一位智者说不知道。所以盲人戴红帽这种情况被排除。")
    assert [c.formula for c in _claims(one, "exclusion")] == ["h[3] != red"]
    cases = _audit(ctx, said(ctx, 1, "zh") + "\n\n所以凡是盲人戴红帽的情况，第二位都会知道。")
    assert bad(cases) == [] and [c.formula for c in _claims(cases, "hypothetical")] == \
        ["h[3] = red implies w[2] knows h[2]"]


def test_who_holds_a_term_before_its_value(ctxs):
    """"S holds the product 52": S is told the sum, so this gives him P's information (a wrong agent, unread
    because a number followed the term); "P holds the product 52" is right."""
    ctx = ctxs("impossible.txt")
    assert [c.formula for c in bad(_audit(ctx, "S holds the product 52, so the only split is 4 × 13."))] == \
        ["S knows x * y"]
    assert bad(_audit(ctx, "P holds the product 52, so he weighs 4 × 13 against 2 × 26.")) == []


def test_a_relation_a_variant_allows_is_no_claim_that_it_holds(ctxs):
    """"Allowing x = y adds a few ambiguities", "the x = y relaxation doesn't matter": a rule of the variant, not
    "x = y" (read as certain and false: an error row flagged long before its error); "Hence x = y" still is."""
    ctx = ctxs("impossible.txt")
    allowing = _claims(_audit(ctx, "Allowing x = y adds a few ambiguities: 16 is 2·8 but also 4·4."), "term bound")
    assert [(c.formula, c.record.certain) for c in allowing] == [("x = y", False)]
    noun = _claims(_audit(ctx, "None of them is even, so the x = y relaxation doesn't matter here."), "term bound")
    assert noun == []  # ("the x = y relaxation": a rule named)
    hence = _claims(_audit(ctx, "Hence x = y, and 16 is 4·4."), "term bound")
    assert [(c.formula, c.record.certain) for c in hence] == [("x = y", True)]


def test_a_listed_triple_and_its_sum_after_a_comma(ctxs):
    """"(12, 4, 3), sum 18" in a column of such lines says 12 + 4 + 3 = 18 (false: an arithmetic slip, unread); a
    Chinese "(3,2)，和是31" is not read so (the pair is part of a triple, and "，和" may be "and")."""
    ctx = ctxs("cheryls_age.txt")
    lines = "The triples:\n1. (144, 1, 1), sum 146\n2. (72, 2, 1), sum 75\n3. (12, 4, 3), sum {}\n4. (9, 8, 2), sum 19"
    assert [c.formula for c in bad(_audit(ctx, lines.format(18)))] == ["(12 + 4) + 3 = 18"]
    assert bad(_audit(ctx, lines.format(19))) == []
    zh = "c = 24：o·y = 6，(6,1)或(3,2)，和是31和29。\nc = 18：o·y = 8，(8,1)或(4,2)，和是27和24。\n" \
         "c = 16：o·y = 9，(9,1)或(3,3)，和是26和22。"
    assert bad(_audit(ctx, zh)) == []


def test_a_statement_said_not_to_cut_anything(ctxs):
    """"so Ali's statement doesn't cut anything" after she says she knows: it removes July 16 and 17 (unread)."""
    ctx = ctxs("cheryl_cam.txt")
    text = said(ctx, 2) + "\n\nAli then says she also knows. The day settles it in every case, so Ali's statement " \
        "doesn't {} anything."
    assert [c.formula for c in bad(_audit(ctx, text.format("cut")))] == ["statement 3 or 1 rules out nothing"]
    assert [c.formula for c in bad(_audit(ctx, text.format("rule out")))] == ["statement 3 or 1 rules out nothing"]


def test_a_pronoun_says_what_the_agent_named_before_it_says(ctxs):
    """"The first man sees the second and third hats. He says he doesn't know his own colour." and "The second man
    sees the first and third hats, and he also says he doesn't know.": each man's statement (neither was aligned, so
    "WWR stays" was judged at the start and a kept world missed)."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, "The first man sees the second and third hats. He says he doesn't know his own colour.\n\n"
                         "The second man sees the first and third hats, and he also says he doesn't know. If he "
                         "sees the first man in white and the third in red, he can't tell. WWR stays.")
    assert [st.reached for st in report.steps] == [1, 2]
    assert [c.formula for c in bad(report)] == ["h[1] = white and h[2] = white and h[3] = red still possible"]


def test_a_removal_denied_or_only_meant(ctxs):
    """"黑桃并没有全部去掉" (not all removed), "一开始想把17也删掉——不对" (meant, then rejected) and "I was about to drop
    17 too, but no": no removal (each was read as one, too early: false alarms); "黑桃全部去掉" and "删掉17" are."""
    card = ctxs("card16.txt")
    assert _claims(_audit(card, said(card, 1, "zh") + "\n\n注意，黑桃并没有全部去掉。"), "exclusion") == []
    assert [c.formula for c in _claims(_audit(card, said(card, 1, "zh") + "\n\n所以黑桃全部去掉。"), "exclusion")] == \
        ["suit != spades"]
    cheryl = ctxs("cheryl_variant.txt")
    for meant in ("一开始想把17也删掉（3月也有17）——不对，17只剩4月17，保留。", "I was about to drop 17 too, but no."):
        assert bad(_audit(cheryl, said(cheryl, 1) + "\n\n" + meant)) == []
    assert [c.formula for c in _claims(_audit(cheryl, said(cheryl, 1) + "\n\n所以把17删掉。"), "exclusion")] == \
        ["day != 17"]


def test_a_supposed_card_and_the_speakers_own_hat(ctxs):
    """"Pretend the card were ♥4." is a supposition (read as "the card is ♥4", false: a false alarm); "- h3 白 →
    自己红白都还在 → 不知": the second man's own hat may be red or white, not h3 (read as "h3 may be red")."""
    card = ctxs("card16.txt")
    assert bad(_audit(card, said(card) + "\n\nOne more check. Pretend the card were ♥4. Would each line hold?")) == []
    hats = ctxs("hats.txt")
    text = said(hats, 2, "zh") + "\n\n第二位看到的情况：\n- h3 白 → 自己红白都还在 → 不知。\n- h3 红 → 自己必白 → 知道。"
    assert bad(_audit(hats, text)) == []


def test_what_answers_a_question_whether_an_agent_knows_is_a_case(ctxs):
    """"Status: A knows? no. B knows? depends — 14 ✘, 15/16/17 ✔." and "Anne knows? at a ∈ {0, 10} only.": the
    days on which Bernard would not know and the values at which Anne would, not days gone or values left (read so,
    too early and false); the same marks with no question before them still strike their values."""
    cheryl = ctxs("cheryl.txt")
    status = said(cheryl, 1) + "\n\nStatus: July 14, July 16, Aug 14, Aug 15, Aug 17. (5)\nA knows? no. {}"
    asked = _claims(_audit(cheryl, status.format("B knows? depends — 14 ✘, 15/16/17 ✔.")), "exclusion")
    assert [(c.formula, c.record.reading) for c in asked] == [("day != 14", CASE)]
    struck = _claims(_audit(cheryl, status.format("Days: 14 ✘, 15/16/17 ✔.")), "exclusion")
    assert [c.formula for c in struck] == ["day != 14"] and struck[0].record.reading != CASE
    consecutive = ctxs("consecutive.txt")
    assert bad(_audit(consecutive, "Status @ start: Anne knows? at a ∈ {0, 10} only. Bill knows? at b ∈ {0, 10} "
                                   "only.")) == []


def test_a_decorative_arrow_reads_as_an_arrow_and_kill_as_a_removal(ctxs):
    """"Anne says she doesn't know ➜ kill pairs with b = 0 or b = 10": "➜" is "→", and the imperative "kill"
    removes; Anne's statement removes a = 0 and a = 10, not b's (a wrong agent, unread)."""
    ctx = ctxs("consecutive.txt")
    wrong = _audit(ctx, "Anne says she doesn't know ➜ kill pairs with b = 0 or b = 10.")
    assert [c.formula for c in bad(wrong)] == ["statement 1 rules out b in {0, 10}"]
    assert bad(_audit(ctx, "Anne says she doesn't know ➜ kill pairs with a = 0 or a = 10.")) == []


def test_a_checklist_line_counts_with_an_arrow_then_names_what_went(ctxs):
    """"- [x] line 2: 9 ➜ 5 (♠ and ♣ out)": from nine cards to five, the spades and clubs gone; the 5 is a count,
    not the rank 5 credited to line 2 (a false alarm once "➜" read as an arrow)."""
    ctx = ctxs("card16.txt")
    right = _audit(ctx, "Checklist:\n- [x] line 1: 16 ➜ 9 (single-copy ranks out)\n- [x] line 2: 9 ➜ 5 (♠ and ♣ out)")
    assert bad(right) == [] and [c.formula for c in _claims(right, "credit")][-1] == \
        "statement 2 rules out suit = spades or suit = clubs"
    assert not any("rank = 5" in c.formula for c in _claims(right))
    wrong = _audit(ctx, "Checklist:\n- [x] line 2: 9 ➜ 5 (♥ out)")
    assert [c.formula for c in bad(wrong)] == ["statement 2 rules out suit = hearts"]


_Q_KNEW = ("第二句，Q先生说他早就知道P不知道。逐个花色看：\n"
           "1. 黑桃里有J、8、2、7、3，都是独一无二的点数，Q拿到黑桃就没法确定，排除。\n2. 草花里有K和6，同理排除。\n"
           "3. 红桃A、Q、4，三个点数都在别的花色里出现过，保留。")


def test_not_being_sure_on_a_statement_of_knowing_anothers_ignorance(ctxs):
    """"Q拿到黑桃就没法确定" while Q's "I knew you didn't know" is weighed: Q could not be sure that P doesn't know
    (the object left out), not "Q would not know the card" (read so, certain and false: an error row flagged two
    steps early); "没法确定" is not knowing, so the numbered line is no heading for Q's "I know too"."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx, 1, "zh") + "\n\n" + _Q_KNEW)
    assert [st.reached for st in report.steps] == [1, 2] and bad(report) == []
    knowing = _claims(report, "case knowledge")
    assert [(c.formula, c.record.certain) for c in knowing] == [("suit = spades implies (not Q knows card)", False)]
    plain = _audit(ctx, "P先生说他不知道。\n\nQ先生说：我知道你不知道。\n\nP先生说他现在知道了。如果P拿到4，他就没法确定。")
    assert [(c.formula, c.record.certain) for c in _claims(plain, "hypothetical")] == \
        [("rank = 4 implies (not P knows card)", True)]  # (on P's own statement: sure of the card)


def test_a_round_numbered_in_words_names_its_silence(ctxs):
    """"Round two, still nobody: that rules out exactly two": the second silence (it was taken for the first, so
    the removal of two was too early: a false alarm in tuning set ek*)."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 3})
    text = "The father's \"at least one is muddy\" removes the all-clean world. Round one, nobody steps forward: " \
           "that rules out exactly one muddy child. Round {}, still nobody: that rules out exactly two."
    assert bad(_audit(ctx, text.format("two"))) == []
    assert [c.verdict.verdict for c in _claims(_audit(ctx, text.format("two")), "exclusion")] == ["entailed"] * 2
    assert [c.verdict.verdict for c in _claims(_audit(ctx, text.format("one")), "exclusion")] == \
        ["entailed", "premature"]


def test_a_letter_given_as_a_name_is_no_value_and_a_is_an_article(ctxs):
    """"设谢丽尔的年龄为 c，…，c × o × y = 144" names the age c (read as "Cheryl is 144"); "Anne has a number a and
    Bill has a number b": "a number" is an article and a noun (read as "Bill holds a", a wrong agent)."""
    age = ctxs("cheryls_age.txt")
    named = _audit(age, "设谢丽尔的年龄为 c，两个弟弟分别为 o 和 y，c × o × y = 144。")
    assert _claims(named, "candidates") == []
    assert [c.formula for c in _claims(_audit(age, "谢丽尔的年龄为9。"), "candidates")] == ["cheryl = 9"]
    consecutive = ctxs("consecutive.txt")
    told = _claims(_audit(consecutive, "Anne has a number a and Bill has a number b."), "told")
    assert "Bill knows a" not in [c.formula for c in told]
    assert [c.formula for c in _claims(_audit(consecutive, "Bill has b."), "told")] == ["Bill knows b"]


def test_splits_and_their_values_said_in_order(ctxs):
    """"11 可以拆成 2+9、3+8、4+7、5+6，对应的积分别为 18、24、28、36": 5 × 6 = 36 is a slip (unread); without "分别" or
    "对应" the order is not said, and nothing is read."""
    ctx = ctxs("impossible.txt")
    slip = _audit(ctx, "11 可以拆成 2+9、3+8、4+7、5+6，对应的积分别为 18、24、28、36。")
    assert [c.formula for c in bad(slip)] == ["5 * 6 = 36"]
    assert bad(_audit(ctx, "11 can be split as 2+9, 3+8, 4+7, 5+6, with products 18, 24, 28, 30 respectively.")) == []
    assert _claims(_audit(ctx, "11 可以拆成 2+9、3+8、4+7、5+6，积有 18、24、28、36。"), "arithmetic") == []


def test_could_not_be_sure_is_not_knowing(ctxs):
    """"If Ali had April he couldn't be sure": not knowing ("couldn't be" was read as a denial and "sure" as
    knowing: "April implies Ali knows", false)."""
    ctx = ctxs("cheryl_cam.txt")
    for said_so in ("couldn't be sure", "would not be certain"):
        report = _audit(ctx, f"If Ali had April he {said_so}.")
        assert [c.formula for c in _claims(report, "hypothetical")] == ["month = April implies (not Ali knows date)"]


def test_a_conclusion_dated_after_its_premises(ctxs):
    """"他知道至少有2个人有泥，而他看到的正好是2个，所以第一轮没人站出来之后，每个有泥的孩子就已经知道自己有泥了": the
    dating phrase after "所以" dates the knowing (too early with three muddy; it was not read)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    early = _audit(ctx, "他知道至少有2个人有泥，而他看到的正好是2个，所以第一轮没人站出来之后，每个有泥的孩子就已经知道自己有泥了。")
    assert [c.verdict.stage for c in bad(early)] == [2]
    right = _audit(ctx, "他知道至少有3个人有泥，而他看到的正好是2个，所以第二轮没人站出来之后，每个有泥的孩子就知道自己有泥了。")
    assert bad(right) == []


def test_a_triple_that_has_a_repeated_number_and_who_is_given_what_by_an_arrow(ctxs):
    """"Alice's statement eliminates every triple that has a repeated number": every equality credited to her (only
    b = c is hers: unread); "Setup: Ali ← day number, Bo ← month": who is told what (swapped: unread)."""
    what = ctxs("what_sum.txt")
    assert [c.formula for c in bad(_audit(what, "Alice's statement eliminates every triple that has a repeated "
                                                "number."))] == ["statement 1 rules out a = b or a = c or b = c"]
    assert bad(_audit(what, "Alice's statement eliminates every triple with b = c.")) == []
    cam = ctxs("cheryl_cam.txt")
    assert [c.formula for c in bad(_audit(cam, "Setup: Ali ← day number, Bo ← month."))] == \
        ["Ali knows day", "Bo knows month"]
    assert bad(_audit(cam, "Setup: Ali ← month, Bo ← day.")) == []
