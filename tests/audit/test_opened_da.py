"""Readings from traces_da* (32 rows written in session 48 by helpers who never read the auditor, scored blind at
0.652, then opened in session 49) and the tuning sets df*, dg* written beside the blind de*, each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, formulas as _formulas, said


def test_worlds_written_in_bits_are_read(ctxs):
    """"Left: 011, 101, 110, 111." after the first silence names four worlds of the muddy children (m[1] first):
    true there; a list missing one of them is false; the Chinese "剩下0111、1011…" reads the same."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 3})
    lead = "Father: at least one is muddy. Nobody steps forward.\n\n"
    right = _audit(ctx, lead + "Left: 011, 101, 110, 111.")
    assert [c.verdict.verdict for c in _claims(right, "candidates")] == ["entailed"] and bad(right) == []
    wrong = _audit(ctx, lead + "Left: 011 and 111.")
    assert [c.verdict.verdict for c in _claims(wrong, "candidates")] == ["false"] and bad(wrong)
    four = ctxs("muddy.txt", {"n": 4, "k": 3})
    zh = _audit(four, "第二轮沉默之后，现在剩下0111、1011、1101、1110、1111。")
    assert [c.verdict.verdict for c in _claims(zh, "candidates")] == ["entailed"]


def test_a_world_in_bits_is_no_count(ctxs):
    """"Left: **111** only." names the world where all three are muddy: not the answer "111 children" (a wrong answer
    that flagged a correct trace); the count stays the answer of "all 3 children are muddy"."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 3})
    report = _audit(ctx, "Father: at least one. Nobody steps forward. Nobody steps forward again.\n\n"
                         "Left: **111** only.\n\n**Answer: all 3 children are muddy.**")
    assert report.final_answer == ((3,),) and report.final_answer_correct and bad(report) == []
    assert _formulas(report, "candidates")[0] == "m[1] = 1 and m[2] = 1 and m[3] = 1"
    count = _audit(ctx, "Answer: 3")
    assert count.final_answer == ((3,),)


def test_two_bits_and_numbers_are_no_world(ctxs):
    """Only a word of exactly n bits, n >= 3, is a world: "10 worlds" and "1,000" are numbers, "110" of a
    four-child puzzle is no world."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 2})
    report = _audit(ctx, "Father: at least one is muddy.\n\nLeft: 110 and 011.")
    assert _claims(report, "candidates") == []


def test_the_worlds_of_one_world_taken_up_are_its_case(ctxs):
    """"Check 1110: child 1's options are 0110 and 1110" and "比如110：…他无法区分110和010" list a child's alternatives
    in one world, not the stage's candidates or exclusions (false at the stage: a correct trace flagged)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = "Father: at least one. Nobody steps forward. Nobody steps forward again.\n\n"
    report = _audit(ctx, lead + "Check 1110: child 1's options are 0110 and 1110, so he doesn't know yet.")
    assert bad(report) == [] and all(c.record.reading == "case analysis" for c in _claims(report, "candidates"))
    bare = _audit(ctx, lead + "So the options are 0110 and 1110.")
    assert bad(bare) == [] and _claims(bare, "candidates")  # (a view with no world taken up is still read)
    three = ctxs("muddy.txt", {"n": 3, "k": 2})
    zh = _audit(three, "父亲说至少有一个有泥。没人站出来。\n\n比如110：孩子1看到孩子2有泥、孩子3没泥，他无法区分110和010，所以他不知道。")
    assert bad(zh) == [] and all(c.record.reading == "case analysis" for c in _claims(zh, "exclusion"))
    plain = _audit(three, "父亲说至少有一个有泥。没人站出来。\n\n所以110和010都排除了。")
    assert bad(plain)  # (110 survives the silence: an exclusion said of the stage is still read)


def test_a_timeline_table_marks_its_rows_by_column(ctxs):
    """"| worlds | after father | after r1 | after r2 |" with "| 110, 101, 011 | ✓ | ✓ | ✗ |": each ✗ belongs to its
    column's moment, not to the step's stage (premature there): the rows are read as cases; a table without moments
    is read as before."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 3})
    table = ("| worlds | after father | after r1 | after r2 |\n|---|---|---|---|\n| 100, 010, 001 | ✓ | ✗ | — |\n"
             "| 110, 101, 011 | ✓ | ✓ | ✗ |\n| 111 | ✓ | ✓ | ✓ |")
    report = _audit(ctx, "Three children, eight worlds.\n\n" + table)
    assert bad(report) == []
    plain = _audit(ctx, "Three children, eight worlds.\n\n| worlds | status |\n|---|---|\n| 110, 101, 011 | ✗ |")
    assert [c.verdict.verdict for c in _claims(plain, "exclusion")] == ["premature"]


def test_a_value_row_whose_tuples_are_gone(ctxs):
    """"With 4: ♠4 and ♣4 are both gone, so it's ♥4." says rank 4 is no longer a spade or a club (loosely), not that
    rank 4 implies spades or clubs (premature, and the very opposite)."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, "With 4: ♠4 and ♣4 are both gone, so it's ♥4.")
    assert "rank = 4 implies suit in {spades, clubs}" not in _formulas(report, "conditional")
    assert "rank = 4 implies (not suit in {spades, clubs})" in _formulas(report, "conditional")
    kept = _audit(ctx, "With 4: ♠4 and ♣4, so P can't know.")
    assert "rank = 4 implies suit in {spades, clubs}" in _formulas(kept, "conditional")


def test_a_value_taken_up_with_with_is_a_case(ctxs):
    """"With Q, P originally had ♥Q and ♣Q, … Clubs are gone now, so it's ♥Q." works the case of rank Q: "it's ♥Q" is
    that case's card, not the stage's only card (false at P's "now I know", where ♥Q, ♥4 and ♦5 are left)."""
    ctx = ctxs("card16.txt")
    lead = "P: I don't know. Q: I knew you didn't. P: Now I know.\n\n"
    report = _audit(ctx, lead + "With Q, P originally had ♥Q and ♣Q, so he didn't know at first. Clubs are gone now, "
                                "so it's ♥Q.")
    assert bad(report) == [] and all(c.record.reading == "supposition" for c in _claims(report, "candidates"))
    plain = _audit(ctx, lead + "Clubs are gone now, so it's ♥Q.")
    assert bad(plain)


def test_a_value_question_makes_the_next_list_its_case(ctxs):
    """"那b=1呢？安妮是0或2，…" takes up b = 1: "安妮是0或2" is a in that case (false of the stage, where a = 0 is gone); the
    case's verdict in the next sentence ("6月呢？…，所以6月可以保留。") is still said of the stage."""
    ctx = ctxs("consecutive.txt")
    lead = "安妮说：我不知道你的数。比尔说：我不知道你的数。\n\n"
    report = _audit(ctx, lead + "那b=1呢？安妮是0或2，但0已经被安妮的话排除了，所以比尔会知道a=2。")
    assert bad(report) == [] and [c.record.reading for c in _claims(report, "candidates") if c.formula ==
                                  "a in {0, 2}"] == ["supposition"]
    plain = _audit(ctx, lead + "安妮是0或2。")
    assert [c.record.reading for c in _claims(plain, "candidates")] == ["value list"] and bad(plain)
    cheryl = ctxs("cheryl.txt")
    kept = _audit(cheryl, "Albert: I don't know when Cheryl's birthday is, but I know that Bernard doesn't know "
                          "too.\n\n6月呢？6月是17和18，17在8月也有，所以6月可以保留。")
    assert bad(kept)


def test_a_candidate_answer_set_up_for_testing_is_no_claim(ctxs):
    """"**Candidate: yes, the three numbers are all different.**" opens a verification: the guess is tested by the
    steps after it, not claimed at the start (premature there, before the statements the trace goes through)."""
    ctx = ctxs("what_sum.txt")
    rest = "\n\n" + said(ctx)
    report = _audit(ctx, "Are they all different?\n\n**Candidate: yes, the three numbers are all different.** I tried "
                         "to break this." + rest)
    assert bad(report) == []
    plain = _audit(ctx, "Are they all different?\n\n**So: yes, the three numbers are all different.** I tried to "
                        "break this." + rest)
    assert bad(plain)


def test_hat_worlds_written_as_joined_colours(ctxs):
    """"Left: white-white-red and red-white-red." names two hat worlds (man 1 first), like "WWR and RWR": both gone
    after the second man's "I don't know" (false there)."""
    ctx = ctxs("hats.txt")
    lead = "The first man says he does not know. The second man says he does not know.\n\n"
    report = _audit(ctx, lead + "Left: white-white-red and red-white-red.")
    assert _formulas(report, "candidates") == ["(h[1] = white and h[2] = white and h[3] = red) or "
                                               "(h[1] = red and h[2] = white and h[3] = red)"] and bad(report)
    right = _audit(ctx, lead + "Left: white-white-white, white-red-white, red-white-white and red-red-white.")
    assert [c.verdict.verdict for c in _claims(right, "candidates")] == ["entailed"]


def test_an_agents_not_knowing_as_the_subject_of_a_removal(ctxs):
    """"So Bill not knowing removes a = 1 and a = 9" credits Bill's "I don't know" with removing a = 1 and a = 9
    (false: it removes b = 0, 1, 9, 10), a claim, not Bill's knowledge; "b = 1 and b = 9" is right."""
    ctx = ctxs("consecutive.txt")
    lead = "Anne: I don't know your number.\n\nBill: I don't know your number.\n\n"
    wrong = _audit(ctx, lead + "So Bill not knowing removes a = 1 and a = 9.")
    assert [(c.verdict.verdict, c.formula) for c in _claims(wrong, "credit")] == [
        ("false", "statement 2 rules out a in {1, 9}")] and bad(wrong)
    right = _audit(ctx, lead + "So Bill not knowing removes b = 1 and b = 9.")
    assert [c.verdict.verdict for c in _claims(right, "credit")] == ["entailed"] and bad(right) == []


def test_a_count_still_there(ctxs):
    """"这9张牌都还在" and "all 9 cards are still in play" after Q's statement count nine cards left (false: five);
    "这3个孩子都还在" counts children, no candidates."""
    ctx = ctxs("card16.txt")
    lead = "P：我不知道。Q：我知道你不知道。\n\n"
    for text in ("这样看来，Q先生的话不能排除哪个花色，这9张牌都还在。", "So all 9 cards are still in play."):
        assert [(c.record.key.formula[:2], c.verdict.verdict) for c in _claims(_audit(ctx, lead + text), "count")] \
            == [(("Remaining", 9), "false")]  # (a "still" count keyed apart, test_opened_dh)
    assert _claims(_audit(ctx, lead + "这样看来，5张牌都还在。"), "count")[0].verdict.verdict == "entailed"
    assert _claims(_audit(ctxs("muddy.txt"), "这3个孩子都还在。"), "count") == []


def test_placing_ones_hat_is_knowing_it(ctxs):
    """"the blind man can already place his own hat: it is white" after the first man's "I don't know" claims the
    blind man knows his hat (premature: WWR and RWR go only with the second man's); "can't place" denies it."""
    ctx = ctxs("hats.txt")
    lead = "The first man says he does not know.\n\n"
    report = _audit(ctx, lead + "So hats 2 and 3 are not both red — and from that the blind man can already place his "
                                "own hat: it is white.\n\nThe second man says he does not know either.")
    assert [c.verdict.verdict for c in _claims(report, "knowledge") if c.formula == "w[3] knows h[3]"] == [
        "premature"] and bad(report)
    denied = _audit(ctx, lead + "The blind man can't place his hat yet.")
    assert [c.verdict.verdict for c in _claims(denied, "knowledge") if c.formula == "not w[3] knows h[3]"] == [
        "entailed"] and bad(denied) == []


def test_a_short_quote_with_either_names_the_second_statement(ctxs):
    """'The second man's "I don't know either" then only confirms it.' reaches the second man's statement, whose
    words are "I don't know the colour of my hat either"; "too" is not its word."""
    ctx = ctxs("hats.txt")
    lead = 'The first wise man says "I don\'t know."\n\n'
    report = _audit(ctx, lead + 'The second man\'s "I don\'t know either" then only confirms it.')
    assert [st.reached for st in report.steps] == [1, 2]
    other = _audit(ctx, lead + 'The second man\'s "I don\'t know too" then only confirms it.')
    assert [st.reached for st in other.steps] == [1, 1]


def test_an_arrow_then_left_lists_the_cards_left(ctxs):
    """"… ⇒ left ♥A ♥Q ♥4 ♦A ♦5." after P's "I don't know" lists five cards left (false there: nine); after Q's
    statement it is right."""
    ctx = ctxs("card16.txt")
    wrong = _audit(ctx, "P says he does not know.\n\nSingleton ranks are out ⇒ left ♥A ♥Q ♥4 ♦A ♦5.\n\n"
                        "Q says he knew it.")
    assert [c.verdict.verdict for c in _claims(wrong, "candidates")] == ["premature"] and bad(wrong)
    right = _audit(ctx, "P says he does not know. Q says he knew it.\n\nSo → left ♥A ♥Q ♥4 ♦A ♦5.")
    assert [c.verdict.verdict for c in _claims(right, "candidates")] == ["entailed"]


def test_a_column_of_bare_triples_and_their_sums(ctxs):
    """"- 12, 4, 3 → 18" in a column of "a, b, c → sum" lines is a slip (12 + 4 + 3 = 19); the right rows are not
    flagged, and three rows are too few to set a convention."""
    ctx = ctxs("cheryls_age.txt")
    rows = ["- 36, 4, 1 → 41", "- 24, 6, 1 → 31", "- 18, 8, 1 → 27", "- 12, 4, 3 → 18", "- 9, 8, 2 → 19"]
    report = _audit(ctx, "Triples with product 72, summed:\n\n" + "\n".join(rows))
    assert [(c.formula, c.verdict.verdict) for c in _claims(report, "arithmetic") if c.verdict.verdict != "entailed"] \
        == [("(12 + 4) + 3 = 18", "false")] and len(_claims(report, "arithmetic")) == 5
    few = _audit(ctx, "Triples with product 72, summed:\n\n" + "\n".join(rows[2:]))
    assert _claims(few, "arithmetic") == []


def test_exactly_is_with_a_copula_in_chinese(ctxs):
    """"可以确定恰好是2个孩子有泥" after one silence of five children with two muddy says exactly two are muddy (premature:
    only at least two is known then); "恰好有2个" reads the same."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    lead = "父亲说至少一个。没人站出来。\n\n"
    for said in ("再结合只沉默了一轮这一点，可以确定恰好是2个孩子有泥，这时候局面已经定下来了。", "所以恰好有2个孩子有泥。"):
        report = _audit(ctx, lead + said + "\n\n现在有泥的孩子都知道了。")
        assert [c.verdict.verdict for c in _claims(report, "candidates")] == ["premature"]
    assert bad(report) == [] and bad(_audit(ctx, lead + "可以确定恰好是2个孩子有泥，这时候局面已经定下来了。\n\n现在有泥的孩子都知道了。"))
    # ("所以" alone does not weigh enough to flag the step; "可以确定 … 已经定下来了" does)


def test_a_count_after_an_arrow_is_what_is_left(ctxs):
    """"32 → 26 candidates" right after the father's words counts 26 worlds left (premature: 31 then, 26 after the
    first silence); "32 → 31 worlds" is right."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    lead = 'Father: "at least one is muddy." Removes 00000. '
    early = _audit(ctx, lead + "32 → 26 candidates.\n\nNobody steps forward.")
    assert [(c.record.key.formula, c.verdict.verdict) for c in _claims(early, "count")] == [
        (("Remaining", 26), "premature")]
    right = _audit(ctx, lead + "32 → 31 worlds.\n\nNobody steps forward.")
    assert [c.verdict.verdict for c in _claims(right, "count")] == ["entailed"]
