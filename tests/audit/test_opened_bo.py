"""Readings from traces_bo* (32 rows, half correct, written in session 32 by helpers who never read the auditor, kept
blind there and opened in session 33), checked both ways where the reader reads a wrong wording of the same kind."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def test_a_first_idea_in_chinese_is_rejected(ctxs):
    """"我一开始想的是……那Q先生拿黑桃也可以说“我知道你不知道”。但这样理解不对": the writer's first idea, taken back
    (it flagged a correct trace); the same sentence said as the writer's own view is still read."""
    ctx = ctxs("card16.txt")
    before = _said(ctx, 2, "zh") + "\n\n"
    idea = "比如黑桃只剩黑桃4，4是重复的，那Q先生拿黑桃也可以说“我知道你不知道”。"
    assert not _bad(_audit(ctx, before + "嗯，我一开始想的是在剩下的9张牌里面看每个花色……" + idea + "但这样理解不对。"))
    assert _bad(_audit(ctx, before + "在剩下的9张牌里面看每个花色：" + idea))


def test_a_nights_number_is_not_a_count(ctxs):
    """"They'd leave on night 4, not 3.": the second number is a night's, its noun left out (it read "the count is
    not 3" and flagged a correct trace); "it is 4, not 3" still denies the count 3."""
    ctx = ctxs("islanders.txt")
    assert not _bad(_audit(ctx, "With four, each blue-eyed islander sees three. They'd leave on night 4, not 3."))
    assert _bad(_audit(ctx, "So the number of blue-eyed islanders is 4, not 3."))


def test_number_words_before_a_plural_noun_count(ctxs):
    """"every coin is seen by exactly two diners, so when all three announcements are XORed …": in the dining
    cryptographers, whose payers are named one, two and three, a number word before a plural noun counts things (it
    read "the payer is two or three" and flagged the step); "the payer is two or three" is still read."""
    ctx = ctxs("dining_cryptographers.txt")
    text = ("Key observation: every coin is seen by exactly two diners, so when all three announcements are XORed "
            "together, each coin appears twice and cancels. XOR = 1 → one of the three cryptographers paid.")
    assert not [c for st in _audit(ctx, text).steps for c in st.claims if c.formula.startswith("paid")]
    read = [c.formula for st in _audit(ctx, "So the payer is two or three.").steps for c in st.claims]
    assert read == ["paid in {two, three}"]


def test_a_tuples_sum_in_words(ctxs):
    """"(12,4,3) sums to 18, (9,8,2) to 19": a tuple's sum in words, then the same verb left out (12 + 4 + 3 = 19: the
    slip was not read); right sums, products and the Chinese "(1,2,3)的和是6" are fine."""
    ctx = ctxs("cheryls_age.txt")
    wrong = _bad(_audit(ctx, "Computing the sums: (12,4,3) sums to 18, (9,8,2) to 19, (9,4,4) to 17."))
    assert [c.formula for c in wrong] == ["(12 + 4) + 3 = 18"]
    assert not _bad(_audit(ctx, "(12,4,3) sums to 19, (9,8,2) to 19. (2, 9) has product 18 and (1,2,3)的和是6."))
    assert _bad(_audit(ctx, "(1,2,3)的和是7。"))


def test_a_list_labelled_with_its_size_or_time(ctxs):
    """"Remaining (9 cards): ♥A, …", "Remaining after Step 3: ♥Q, ♥4, ♦A, ♦5": what is left, under a label with its
    size or its time (neither was read, so a kept ace went unflagged); the right list is fine."""
    ctx = ctxs("card16.txt")
    after_p = _said(ctx, 1) + "\n\n"
    assert not _bad(_audit(ctx, after_p + "Remaining (9 cards): ♥A, ♥Q, ♥4, ♠4, ♣Q, ♣5, ♣4, ♦A, ♦5"))
    assert _bad(_audit(ctx, after_p + "Remaining (8 cards): ♥A, ♥Q, ♥4, ♠4, ♣Q, ♣5, ♣4, ♦A"))
    after_all = _said(ctx, 3) + "\n\n"
    assert _bad(_audit(ctx, after_all + "Remaining after Step 3: ♥Q, ♥4, ♦A, ♦5"))
    assert not _bad(_audit(ctx, after_all + "Remaining after Step 3: ♥Q, ♥4, ♦5"))


def test_a_list_testing_sums_by_s_minus_2(ctxs):
    """"check s − 2:\n- 7: 5 prime → bad\n- …\n- 35: 31 prime → bad": each row says s − 2 = m, so the row with 31
    is a slip (35 − 2 = 33; it was not read); a list whose rows all hold is fine, and rows under no such test are
    read as nothing."""
    ctx = ctxs("sum_product.txt")
    rows = "\n".join(f"- {s}: {s - 2} {'prime → bad' if s in (7, 9, 13, 15) else '→ ok'}" for s in (7, 9, 11, 13, 15, 17))
    text = "S knew P couldn't know.\n\nLet me go through the odd s from 7 up to 53 and check s − 2:\n" + rows
    assert not _bad(_audit(ctx, text))
    wrong = _bad(_audit(ctx, text + "\n- 35: 31 prime → bad"))
    assert [c.formula for c in wrong] == ["35 - 2 = 31"]
    assert not _bad(_audit(ctx, "S knew P couldn't know.\n\nThe sums and their pairs:\n" + rows + "\n- 35: 31 prime → bad"))


def test_a_family_of_variables_by_its_short_names(ctxs):
    """"with wrr gone, h3 must be white": h3 is the blind man's hat, h[3] (it was not read, so a conclusion one
    statement early went unflagged); "h2 and h3 aren't both red" is a claim on two hats, unread (it was taken for
    "h3 is not red")."""
    ctx = ctxs("hats.txt")
    early = "\n\nThat already fixes the blind man's hat: with wrr gone, h3 must be white."
    assert [c.formula for c in _bad(_audit(ctx, _said(ctx, 1) + early))] == ["h[3] = white"]
    assert not _bad(_audit(ctx, _said(ctx, 2) + early))
    assert not _bad(_audit(ctx, _said(ctx, 1) + "\n\nSo h2 and h3 aren't both red."))


def test_a_speaker_who_sees_and_does_not_know(ctxs):
    """"Man 1 sees h2 and h3 and doesn't know.": the first man's statement told after what he sees (the trace stayed
    before it, so a conclusion it allowed was early); "If man 1 sees two reds, he knows" tells no statement."""
    ctx = ctxs("hats.txt")
    told = _audit(ctx, "Possible hats: seven.\n\nMan 1 sees h2 and h3 and doesn't know.\n\nSo wrr is out.")
    assert told.steps[-1].stage == 1
    supposed = _audit(ctx, "Possible hats: seven.\n\nIf man 1 sees two reds, he knows.\n\nSo wrr is out.")
    assert supposed.steps[-1].stage == 0


def test_the_dialogue_set_out_after_some_set_up_is_the_puzzle_restated(ctxs):
    """"Statements:\\nAli: I don't know, …\\nBo: …\\nAli: Then I also know." after three steps of set-up: the puzzle's
    dialogue restated, which reaches no statement (it let every later claim be judged up to the last statement, so
    Bo's statement credited with removing July 16 went unflagged); a summary that works through it still reaches."""
    ctx = ctxs("cheryl_cam.txt")
    setup = ("Let me set this up. Cam's anniversary, ten dates.\n\nMarch 18, March 19\nApril 17, April 18, April 28\n"
             "June 16, June 29\nJuly 16, July 17, July 19\n\nAli has the month, Bo has the day number.\n\n"
             "Statements:\nAli: I don't know, and I know Bo doesn't know either.\n"
             "Bo: At first I didn't know, but now I do, after Ali's statement.\nAli: Then I also know.\n\n")
    report = _audit(ctx, setup + "Nothing is removed yet.")
    assert report.steps[-1].reached == 0
    assert _bad(_audit(ctx, setup + "So June is out."))


def test_the_triples_with_two_equal_numbers_removed(ctxs):
    """"So Alice's "I don't know" already rules out every triple with two equal numbers": a class of worlds, no two
    numbers equal (not read, so the credit to Alice, who removes only b = c, went unflagged); after all three
    statements, or in Chinese after them, it holds."""
    ctx = ctxs("what_sum.txt")
    assert _bad(_audit(ctx, "So Alice's statement rules out every triple with two equal numbers."))
    assert _bad(_audit(ctx, _said(ctx, 1) + "\n\nSo the triples with two equal numbers are all gone already."))
    assert not _bad(_audit(ctx, _said(ctx) + "\n\nSo the triples with two equal numbers are all gone."))
    assert not _bad(_audit(ctx, _said(ctx, None, "zh") + "\n\n有两个数相等的情况都被排除了。"))


def test_the_clean_children_in_a_supposed_world(ctxs):
    """"Suppose just one child were muddy. Then the clean children would … immediately know their own status": in
    that world the clean children see one muddy face and cannot tell (the group claim was skipped as a supposition;
    read as that world's case it is false, and at the stages the trace reached later the world is gone, which must
    not make it vacuously true). The muddy child's knowing, or the clean ones' not knowing, holds."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    later = "\n\nNobody stepped forward in round one." + "\n\n" + _said(ctx, 3)
    wrong = ("Suppose just one child were muddy. Then the clean children would each see exactly one muddy forehead "
             "and they'd immediately know their own status.")
    assert _bad(_audit(ctx, _said(ctx, 1) + "\n\n" + wrong + later))
    assert _bad(_audit(ctx, _said(ctx, 1) + "\n\nWith one muddy child, the clean children know at once that they "
                                            "are clean."))
    assert not _bad(_audit(ctx, _said(ctx, 1) + "\n\nWith one muddy child, the clean children can't tell whether "
                                                "they are muddy." + later))


def test_the_worlds_named_in_the_sentence_before(ctxs):
    """"**Answer:** in the worlds with exactly one muddy child. Why? Because in such a world the clean children …
    conclude that they themselves must be clean": the world supposed in the sentence before is the case of the
    clean children's knowledge (read as a supposition, it was unchecked); the muddy child's knowing there holds."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    head = _said(ctx, 1) + "\n\n**Answer:** in the worlds with exactly one muddy child. Why? Because in such a world "
    assert _bad(_audit(ctx, head + "the clean children each see exactly one muddy face, and they can immediately "
                                   "conclude that they themselves must be clean."))
    assert not _bad(_audit(ctx, head + "the clean children each see exactly one muddy face and cannot tell whether "
                                       "they are muddy."))
