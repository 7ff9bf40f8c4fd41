"""Readings from the opened blind set traces_x* and the opened second sentence battery (session 14: their false
alarms), each checked both ways: the right reading leaves a true step alone, its wrong twin is still flagged."""
import pathlib
import sys

from tests.audit.reading import audit as _audit, bad as _bad

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "bench"))
from audit_true_battery import flagged  # noqa: E402  (the sentence as a paragraph of a retold dialogue)


def _flagged(ctx, stage: int, sentence: str, lang: str = "en") -> bool:
    return flagged(ctx, {"lang": lang, "stage": stage}, sentence)

_IF_J = "So if P had been told J, 8 or K, he would have known the card immediately. "


def test_the_next_statement_told_with_its_verb_or_speaker_left_out(ctxs):
    ctx = ctxs("card16.txt")
    for reply in ["He says he doesn't, so the rank is A, Q, 4 or 5.", "But he didn't, so the rank is A, Q, 4 or 5.",
                  "He says he doesn't know, so the rank is A, Q, 4 or 5.", "P says he doesn't. So the rank is A, Q, 4 "
                  "or 5."]:
        report = _audit(ctx, _IF_J + reply)
        assert report.label == -1 and report.steps[0].reached == 1, reply
        wrong = _audit(ctx, _IF_J + reply.replace("A, Q, 4 or 5", "A, Q or 4"))  # checked at stage 1 now
        assert [c.record.kind for c in _bad(wrong)] == ["candidates"], reply
    # not a reply: no knowing verb before it, or a conclusion in the present without a counterfactual
    assert _audit(ctx, "P holds the rank. He doesn't, so the rank is A, Q, 4 or 5.").steps[0].reached == 0
    assert _audit(ctx, "Q would know the suit. He doesn't, so the rank is A.").steps[0].reached == 0  # Q is not next


def test_what_is_unique_in_a_checked_world_is_that_worlds(ctxs):
    ctx = ctxs("card16.txt")
    text = "Sanity check on ♦5: P sees 5 (♣5/♦5, unsure) ✓; diamonds = {A, 5}, so Q was sure ✓; 5 is then unique ✓."
    assert _audit(ctx, text).label == -1
    assert [c.record.kind for c in _bad(_audit(ctx, "Note that 5 is unique in the deck."))] == ["singletons"]


def test_a_check_over_lines_that_each_open_on_a_world(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    check = ("**Check:**\n- Mar 18: Ali (March) unsure, sure about Bo ✓\n"
             "- Jul 16 passes Ali #1 and Bo but fails Ali #2, because Jul 17 is still open.")
    assert not _flagged(ctx, 3, check)
    assert _flagged(ctx, 3, "Jul 17 is still possible.")  # outside a check: the stage's claim (false after Ali #2)


def test_a_table_row_whose_partner_is_said_gone(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    for row, lang in [("- 16: June is gone, only July 16 left, he knows.", "en"), ("- 16：6月没了，只剩7月16日，知道。", "zh")]:
        assert not _flagged(ctx, 2, row, lang), row
    assert _flagged(ctx, 2, "- 16: only June.")  # the partner kept: a table row, and a wrong one


def test_knowledge_under_unless_and_as_long_as(ctxs):
    for puzzle, lang, text, twin in [
            ("cheryl_variant.txt", "en", "Bernard now knows, unless his day is 19.", "Bernard now knows, unless his day is 17."),
            ("cheryl.txt", "zh", "现在伯纳德只要拿到的不是14号，就已经知道生日了。", "现在伯纳德只要拿到的不是16号，就已经知道生日了。")]:
        ctx = ctxs(puzzle)
        assert not _flagged(ctx, 1, text, lang) and _flagged(ctx, 1, twin, lang), text
        assert [c.record.kind for c in _audit(ctx, text).claims()] == ["hypothetical"], text
    # the condition governs its own clause only: the claims before it stay claims
    card = ctxs("card16.txt")
    long = _audit(card, "P先生说现在知道这张牌了，所以点数不能是A，因为A在红桃和方块都有，除非花色是方块。")
    assert "rank != A" in [c.formula for c in long.claims()]


def test_ideas_dropped_before_they_are_made(ctxs):
    ctx = ctxs("cheryl.txt")
    for text, lang in [("我本来想把16号也删掉，因为5月也有16号；但5月已经排除了，所以7月16日保留。", "zh"),
                       ("一开始我想把7月16日删掉；但5月已经排除了，所以保留。", "zh"), ("我先以为7月16日也该删掉，但它保留。", "zh"),
                       ("I wanted to drop July 16 too, but May is already gone, so it stays.", "en")]:
        assert not _flagged(ctx, 2, text, lang), text
    assert _flagged(ctx, 2, "所以7月16日也删掉。", "zh")


def test_a_list_before_a_semicolon_does_not_run_into_what_is_gone_after_it(ctxs):
    ctx = ctxs("sum_product.txt")
    assert not _flagged(ctx, 3, "For sum 11 the survivors are (2, 9), (3, 8) and (4, 7); (5, 6) is gone.")
    assert _flagged(ctx, 3, "For sum 11 the survivors are (2, 9), (3, 8) and (5, 6); (4, 7) is gone.")


def test_a_singleton_list_goes_on_past_plus_and_a_bracketed_remark(ctxs):
    ctx = ctxs("card16.txt")
    right = "The ranks that occur exactly once are J, 8, 2, 7, 3 (all spades) plus K and 6 (clubs)."
    assert _audit(ctx, right).label == -1
    assert [c.record.kind for c in _bad(_audit(ctx, right.replace("K and 6", "K and Q")))] == ["singletons"]


def test_what_holds_in_a_named_world_is_a_supposition(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    head = ctx.puzzle.announcements[0].source + "\n\n"
    for text in ["After round 1, in every two-mud world the muddy children can already say there are exactly two.",
                 "In a three-muddy world a muddy child sees 3 − 1 = 2 muddy faces."]:
        assert _audit(ctx, head + text).label == -1, text
    # a sum is checked inside the supposition all the same
    slip = _audit(ctx, head + "In a three-muddy world a muddy child sees 3 − 1 = 1 muddy face.")
    assert [c.record.kind for c in _bad(slip)] == ["arithmetic"]


def test_the_answer_to_a_question_about_one_holders_case(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    head = 'Ali says: "I don\'t know, and I know Bo doesn\'t know either."\n\n'
    assert _audit(ctx, head + "波拿到17号的话，现在还有几种可能？只剩7月17日一种。").label == -1
    assert _audit(ctx, head + "If Bo had 17, how many options would be left? Just July 17.").label == -1
    assert _bad(_audit(ctx, head + "现在还有几种可能？只剩7月17日一种。"))  # no holder's case: the stage's candidates


def test_an_agent_described_by_what_another_observes(ctxs):
    ctx = ctxs("card16.txt")
    wrong = _audit(ctx, "Mr. Q, the one holding the rank, now declares that he knows the card.")
    assert [(c.record.kind, c.formula) for c in _bad(wrong)] == [("told", "Q knows rank")]
    assert not _bad(_audit(ctx, "Mr. P, the one holding the rank, now declares that he knows the card."))


def test_the_traces_own_step_number_is_no_statement(ctxs):
    ctx = ctxs("card16.txt")
    heading = '### 第二步：分析P先生的第一句话"我不知道这张牌"'
    assert ctx.aligner.align([heading])[0].reached == 1  # not P's second statement (stage 3)


def test_a_denied_parity_is_the_other_one(ctxs):
    ctx = ctxs("sum_product.txt")
    for text, lang in [("所以和不是偶数。", "zh"), ("So the sum is not even.", "en")]:
        assert not _flagged(ctx, 2, text, lang), text
        assert "(x + y) mod 2 = 1" in [c.formula for c in _audit(ctx, text).claims()], text
    assert _flagged(ctx, 2, "So the sum is not odd.")


def test_a_bracketed_aside_names_no_statement(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    aside = "这句话看起来大家都知道（四个孩子只要 m ≥ 2，每个人都能看到泥），但它让至少一个变成了公共知识。"
    assert ctx.aligner.align([aside])[0].reached == 0
    assert ctx.aligner.align(["现在每个有泥的孩子都知道自己有泥了。"])[0].reached == 3


def test_answers_under_a_heading_and_answers_that_leave_two_counts(ctxs):
    imp = ctxs("impossible.txt")
    assert _audit(imp, "**Answer**\n\n4 and 13.").final_answer == ((4, 13),)
    assert _audit(imp, "**Answer**\n\n4 and 14.").final_answer_correct is False
    muddy = ctxs("muddy.txt", {"n": 4, "k": 3})
    for text in ["**Answer: 3 or 4 children are muddy.**", "答案：3或4个孩子有泥。"]:
        assert _audit(muddy, text).final_answer == ((3,), (4,)), text
    assert _audit(muddy, "Answer: 3 children are muddy.").final_answer_correct


def test_the_original_puzzles_answer_is_a_rejected_idea(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    text = "Careful — the original puzzle's answer is July 16, and July 16 is in this list too."
    assert [c.record.reading for c in _audit(ctx, text).claims()] == ["rejected idea"]
    assert [c.record.reading for c in _audit(ctx, "So the answer is July 16, and it is in this list.").claims()
            if c.record.kind != "answer"] != ["rejected idea"]


def test_can_already_name_is_knowing(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    claims = _audit(ctx, "At this point Albert can already name the date.").claims()
    assert [c.formula for c in claims] == ["Albert knows date"]


def test_an_elimination_credited_to_one_quoted_clause_of_a_statement(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    for text, lang in [("Albert's \"I don't know\" already rules out March and May.", "en"),
                       ("所以阿尔伯特说「我不知道」，就已经排除了3月和5月。", "zh")]:
        assert _flagged(ctx, 1, text, lang), text  # Albert knows in no month: that clause removes nothing
        report = _audit(ctx, "Albert says: \"I don't know when Cheryl's birthday is, but I know that Bernard does not "
                             "know too.\"\n\n" + text)
        assert [(c.record.kind, c.verdict.verdict) for c in _bad(report)] == [("credit", "false")], text
    assert not _flagged(ctx, 1, "Albert's statement rules out March and May.")  # the whole statement does
    assert not _flagged(ctx, 1, "Albert's \"I don't know\" removes nothing by itself.")


def test_would_know_on_a_pairs_line_is_that_pairs_case(ctxs):
    ctx = ctxs("sum_product.txt")
    line = "Check sum 11:\n- (2, 9): 18 = 3 × 6, sum 9 — not on the list, so P would know.\n"
    assert not _flagged(ctx, 2, line + "- (5, 6): 30 = 2 × 15 (17) — P wouldn't know.")
    assert _flagged(ctx, 2, line + "- (5, 6): 30 = 3 × 10 (13) — 13 isn't on the list either, so P would know.")


def test_the_dialogue_retold_in_short_at_the_start_moves_no_stage(ctxs):
    ctx = ctxs("impossible.txt")
    setup = "Pairs 2 ≤ x ≤ y ≤ 99. The dialogue runs P (can't), S (knew it), P (now can), S (so can I)."
    assert ctx.aligner.align(["**Setup**", setup])[1].stage == 0
    assert ctx.aligner.align(["**Setup**", "S says: so can I."])[1].stage == 4  # the statement itself, told


def test_one_quoted_word_is_the_writers_own(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    assert not _flagged(ctx, 0, 'So the "unique" days are 13 and 20.')
    assert _flagged(ctx, 0, 'So the "unique" days are 13 and 19.')
    assert not _flagged(ctx, 1, 'Albert says "I don\'t know" here.')  # a quote of speech is still blanked


def test_a_cross_under_a_property_question_is_no(ctxs):
    ctx = ctxs("cheryl.txt")
    table = "| Day | Appears in | Unique? |\n|---|---|---|\n| 14 | July, August | ✗ |\n| 19 | May | ✓ |"
    assert not _flagged(ctx, 1, table)
    assert _flagged(ctx, 1, "| Day | Status |\n|---|---|\n| 15 | ✗ |\n| 16 | ✗ |")  # crossed out: eliminated


def test_what_an_agent_has_is_what_the_agent_observes(ctxs):
    ctx = ctxs("card16.txt")
    for text, lang in [("说明Q先生手里的点数在这5张牌中只出现一次。", "zh"), ("So Q's rank appears once among these five.", "en")]:
        assert _flagged(ctx, 3, text, lang), text  # P holds the rank
        assert not _flagged(ctx, 3, text.replace("Q", "P"), lang), text
    sp = ctxs("sum_product.txt")
    assert [c.formula for c in _audit(sp, "S's sum is odd.").claims() if c.record.kind == "told"] == ["S knows x + y"]


def test_roles_in_short(ctxs):
    ctx = ctxs("cheryl.txt")
    wrong = _audit(ctx, "**Albert = day, Bernard = month.**")
    assert sorted(c.formula for c in _bad(wrong)) == ["Albert knows day", "Bernard knows month"]
    assert not _bad(_audit(ctx, "Albert → month; Bernard → day."))
    # an arrow inside a chain of consequences assigns nothing
    card = ctxs("card16.txt")
    chain = _audit(card, "Q: knew → judged before P spoke → suit has no one-off rank.")
    assert not [c for c in chain.claims() if c.record.kind == "told"]
