"""Readings from traces_ba* (40 correct rows on every puzzle, written in session 27 by a helper who never read the
auditor, scored blind at the session's start code, then opened), each checked both ways."""
from tests.audit.reading import answer as _answer, audit as _audit, bad as _bad


def _said(ctx, n: int) -> str:
    """The first n statements of the puzzle, each in its own words (a speaker's quoted)."""
    return "\n\n".join(f"{a.speaker} says: “{dict(a.texts)['en']}”" if a.speaker else dict(a.texts)["en"]
                       for a in ctx.puzzle.announcements[:n])


def test_each_after_clause_dates_the_bounds_that_follow_it(ctxs):
    """"after the father's remark at least 1, after the three silences at least 2, 3 and finally 4": each "after …"
    opens its own clause, so "at least 2" is dated by the three silences, not by the father's remark (two anchors
    in one sentence were read as none, or the first); "at least 5" there is still wrong."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 4})
    said = _said(ctx, 5)
    line = "Each silent round raises the minimum by one: after the father's remark at least 1, after the three " \
           "silences at least 2, 3 and finally 4."
    assert not _bad(_audit(ctx, said + "\n\n" + line + "\n\nAnswer: 4."))
    assert _bad(_audit(ctx, said + "\n\n" + line.replace("after the father's remark at least 1",
                                                          "after the father's remark at least 2") + "\n\nAnswer: 4."))


def test_what_an_answer_line_says_with_its_answer_is_about_the_end(ctxs):
    """"Answer: **yes (1)** — the numbers are all different." in What Sum: the gloss after the answer is about the end
    of the dialogue too, not about the start (where two numbers may still be equal), as the same words are in a
    reasoning line."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "Each one's own number is the sum or the difference of the two seen.\n\n"
                         "Answer: **yes (1)** — the numbers are all different.")
    assert not _bad(report) and report.final_answer_correct
    assert {(c.verdict.verdict, c.verdict.stage) for c in report.steps[1].claims} == {("entailed", 3)}
    early = _audit(ctx, "Each one's own number is the sum or the difference of the two seen. Yes — the numbers are "
                        "all different.")
    assert [(c.verdict.verdict, c.verdict.stage) for c in early.steps[0].claims if c.record.kind != "answer"] == \
        [("premature", 0)]


def test_a_list_that_spells_out_a_condition_claims_nothing_yet(ctxs):
    """"She can only be in doubt if *both* candidates are legal:" then "- |b − c| must be at least 1, so **b ≠ c**;":
    the list says what Alice's doubt requires, before she has said she is in doubt; the same list after "So, now
    that she has spoken:" is a claim, and a wrong one ("b = c") is caught."""
    ctx = ctxs("what_sum.txt")
    items = "- |b − c| must be at least 1, so **b ≠ c**;\n- b + c must be at most 50."
    assert not _bad(_audit(ctx, "Alice sees b and c. She can only be in doubt if *both* candidates are legal:\n\n" +
                            items + "\n\n" + _said(ctx, 3) + "\n\nAnswer: yes."))
    assert _bad(_audit(ctx, "Alice sees b and c. So, right at the start:\n\n" + items + "\n\n" + _said(ctx, 3) +
                       "\n\nAnswer: yes."))


def test_another_version_s_dialogue_is_not_this_one_s(ctxs):
    """'Hmm, in the usual version P opens with "I don't know".' (Sum and Product with S first) tells who speaks in
    the other puzzle, not here; 'Here P opens with "I don't know".' is a wrong attribution."""
    ctx = ctxs("sum_product_s_first.txt")
    assert not _bad(_audit(ctx, 'Hmm, in the usual version P opens with "I don\'t know". Here S speaks first.'))
    assert _bad(_audit(ctx, 'Hmm, here P opens with "I don\'t know".'))


def test_a_player_holding_a_card_is_that_card_s_value(ctxs):
    """Russian cards asks who holds card 6: "Final answer: Cath holds card 6." ("凯丝拿的是6。", "Card 6 is Cath's.")
    answers it; "Bob holds card 6" is wrong; "Alice holds 0, 1 and 2" gives each of the three cards to Alice, "0, 1
    or 2" none."""
    from epistemic.audit.claims import tokens
    ctx = ctxs("russian_cards.txt")
    said = _said(ctx, 2)
    assert _answer(ctx, said + "\n\n**Final answer: Cath holds card 6.**") == (((2,),), True)
    assert _answer(ctx, said + "\n\n所以答案：凯丝拿的是6。") == (((2,),), True)
    assert _answer(ctx, said + "\n\n**Final answer: Bob holds card 6.**")[1] is False
    assert _answer(ctx, said + "\n\n### Answer\n**Card 6 is Cath's.**") == (((2,),), True)
    assert _answer(ctx, said + "\n\n### Answer\n**Card 6 is Bob's.**")[1] is False
    assert [t.payload for t in tokens(ctx.lexicon, "Alice holds 0, 1 and 2.")] == \
        [("c[0]", 0), ("c[1]", 0), ("c[2]", 0)]
    assert [t.kind for t in tokens(ctx.lexicon, "Alice holds 0, 1 or 2.")][:1] == ["agent"]


def test_the_lines_under_a_supposition_ending_on_a_colon_are_supposed(ctxs):
    """traces_bb* (long traces): '"如果我戴的是红帽子，那么：' over bullet lines makes them the supposition's ("第二位不是
    红的" there is no claim), up to "可是第二位说了不知道。", after which claims count again."""
    ctx = ctxs("hats.txt")
    said = "\n\n".join(f"{a.speaker}说：“{dict(a.texts)['zh']}”" for a in ctx.puzzle.announcements)
    monologue = ("如果我戴的是红帽子，那么：\n- 假如第二位也戴红帽子，第一位会立刻知道自己是白的。所以第一位说不知道，说明第二位不是"
                 "红的。\n可是第二位说了不知道。所以我戴的是白帽子。")
    assert not _bad(_audit(ctx, said + "\n\n" + monologue))
    assert _bad(_audit(ctx, said + "\n\n" + monologue.replace("如果我戴的是红帽子，那么：", "我戴的是红帽子：")))


def test_a_line_opening_on_what_an_agent_is_told_or_a_labelled_value_is_its_case(ctxs):
    """'- Albert is told "July". Possible dates for him: July 14, July 16.' and "- 点数是Q：只剩红桃Q，P知道。" open a
    case: the list and the knowing on the line are that case's, not the stage's."""
    ctx = ctxs("cheryl.txt")
    check = ('Check:\n- Albert is told "July". Possible dates for him: July 14, July 16. He doesn\'t know which.\n'
             '- Bernard is told "16". At first, 16 could be May 16 or July 16, so he didn\'t know.')
    assert not _bad(_audit(ctx, _said(ctx, 3) + "\n\n" + check + "\n\nAnswer: July 16."))
    def first_list(text):  # how the first list of candidates is read
        report = _audit(ctx, _said(ctx, 3) + "\n\n" + text + "\n\nAnswer: July 16.")
        return next((c.record.reading for st in report.steps for c in st.claims if c.record.kind == "candidates"),
                    None)
    assert first_list(check) in (None, "case analysis")  # ('Albert is told "July"' is read as what he is told)
    assert _bad(_audit(ctx, _said(ctx, 3) + "\n\n" + check.replace('Albert is told "July". Possible dates for him:',
                                                                      "Remaining dates:") + "\n\nAnswer: July 16."))
    cards = ctxs("card16.txt")
    lines = "按点数来看：\n- 点数是Q：只剩红桃Q，P知道。\n- 点数是4：只剩红桃4，P知道。"
    assert not _bad(_audit(cards, _said(cards, 3) + "\n\n" + lines + "\n\n答案：方块5。"))
