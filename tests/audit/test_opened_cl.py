"""Readings from traces_cl* (32 rows written in session 44 by helpers who never read the auditor, scored blind three
times at 0.525, then opened in session 45), each checked both ways."""
from tests.audit.reading import audit as _audit, bad, said


def _kinds(report, kind):
    return [(c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims if c.record.kind == kind]


def _kept_false_and_true(ctx, lead, kept, fine):
    """A survival read certain and false marks its step after `lead`; a true one after the same lead does not."""
    report = _audit(ctx, lead + kept)
    assert ("false", True) in _kinds(report, "possible") and bad(report)
    assert bad(_audit(ctx, lead + fine)) == []


_PAUSES = "\n\n".join(["Hmm, let me slow down and go through this carefully."] * 20)  # a long trace (20+ steps)


def test_a_kept_case_concluded_from_a_reason_weighs_in_a_long_trace(ctxs):
    """"…, so with clubs Q would be sure P can't know — clubs stays." at Q's statement (false: ♣K and ♣6 were clubs
    before P spoke) marks its step even in a long trace, where a bare survival needs a second signal; "so no even sum
    survives"-style denials and a true verdict do not."""
    ctx = ctxs("card16.txt")
    lead = said(ctx, 2) + "\n\n" + _PAUSES + "\n\n"
    _kept_false_and_true(ctx, lead, "Clubs: the clubs still in play are Q, 5 and 4, and each of those ranks also shows "
                         "up in another suit, so with clubs Q would be sure P can't know — clubs stays.",
                         "Diamonds: A and 5 both repeat in other suits, so with diamonds Q would be sure P can't know "
                         "— diamonds stays.")


def test_the_class_after_a_colon_explains_the_object(ctxs):
    """"Albert's first statement rules out May and June: each contains a date with a unique day" credits May and June,
    not the class of dates with a unique day (read as "rules out Bernard knowing": false, he never knew there)."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, said(ctx) + "\n\nAlbert's first statement rules out May and June: each contains a date with a "
                    "unique day (May 19, June 18), so Albert holding either month could not be sure Bernard was in "
                    "the dark.")
    assert bad(report) == [] and ("entailed", True) in _kinds(report, "credit")
    assert [f for f in (c.formula for st in report.steps for c in st.claims) if "Bernard knows" in f and
            "rules out" in f] == []


def test_right_after_the_fathers_words_is_the_puzzles_timeline(ctxs):
    """"紧接着（还没有任何一轮“没有人站出来”），每个有泥的孩子都已经知道自己有泥" retells the puzzle (the muddy children know
    at once), not a claim that they know before that announcement; "此时每个有泥的孩子都已经知道自己有泥" right after the
    father still is one."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 1})
    lead = "- 6个孩子，父亲宣布：**至少有一个人额头上有泥**。\n"
    assert bad(_audit(ctx, lead + "- 紧接着（还没有任何一轮“没有人站出来”），**每个有泥的孩子都已经知道自己有泥**。")) == []
    assert _kinds(_audit(ctx, lead + "- 此时每个有泥的孩子都已经知道自己有泥。"), "formula") == [("premature", True)]


def test_the_ranks_left_in_a_supposed_suit(ctxs):
    """"如果花色是红桃，还剩A、Q、4三张牌，P先生没法确定是哪一张" at P's "now I know": P holds the rank, so judging by the suit
    is Q's information (the wrong agent) whether the cards left are named in full (红桃A、…) or by rank alone."""
    ctx = ctxs("card16.txt")
    text = said(ctx, 3, "zh") + "\n\n如果花色是红桃，还剩A、Q、4三张牌，P先生没法确定是哪一张，所以花色不是红桃，只能是方块。"
    report = _audit(ctx, text)
    assert ("false", True) in _kinds(report, "hypothetical") and \
        [c.record.kind for c in bad(report)] == ["hypothetical"]


def test_the_other_children_are_clean_is_no_count_of_candidates(ctxs):
    """"所以额头有泥的孩子是2个，剩下3个是干净的": the other three children, not three possibilities left; "还剩3个" is."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    lead = said(ctx, None, "zh")
    assert _kinds(_audit(ctx, lead + "\n\n所以额头有泥的孩子是2个，剩下3个是干净的。"), "count") == []
    assert _kinds(_audit(ctx, lead + "\n\n排除之后还剩3个可能。"), "count") != []


def test_a_yes_after_what_it_answers_opens_as_a_headline(ctxs):
    """"All different — yes (1)." opening a What Sum trace is the answer announced ahead (a headline), not the claim
    that the numbers differ before anyone spoke; the same words after the statements are a conclusion."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "All different — yes (1).\n\n" + said(ctx) + "\n\nSo all three numbers are different.")
    assert report.final_answer_correct and bad(report) == []
    assert [c.record.reading for c in report.steps[0].claims if c.record.kind == "term bound"] == ["answer headline"]


def test_a_speaker_finishing_their_one_statement_dates_the_claim(ctxs):
    """"所以伯纳德说完这句话以后，就只剩下7月16日了" names Bernard's (only) statement: July 16 alone there is one statement
    early (August 15 and 17 remain), and marks the step; "所以阿尔伯特说完第二句话以后，就只剩下7月16日了" holds."""
    ctx = ctxs("cheryl.txt")
    lead = said(ctx, 2, "zh") + "\n\n"
    early = _audit(ctx, lead + "所以伯纳德说完这句话以后，就只剩下7月16日了。")
    assert ("premature", True) in _kinds(early, "candidates") and bad(early)
    assert bad(_audit(ctx, said(ctx, None, "zh") + "\n\n所以阿尔伯特说完第二句话以后，就只剩下7月16日了。")) == []


def test_so_the_sum_passes(ctxs):
    """"- s = 51: 51 − 2 = 49 = 7², composite, so 51 passes ✓" after S's statement keeps 51 (false: 17 + 34 gives 578,
    which only splits one way); "only 52 passes" (a product) and "51 passes both" (the tests) are not read so."""
    ctx = ctxs("sum_product.txt")
    lead = said(ctx, 2) + "\n\n"
    kept = _audit(ctx, lead + "- s = 51: 51 − 2 = 49 = 7², composite, so 51 passes ✓")
    assert ("false", True) in _kinds(kept, "possible") and bad(kept)
    assert _kinds(_audit(ctx, lead + "51 passes both (51 − 2 = 49 = 7²); does every split of it really work?"),
                  "possible") == []


def test_what_an_agent_knows_when_she_speaks(ctxs):
    """A recap of all three statements: "Alice's statement is made first, so Bob already knows b ≠ c when he speaks,
    and Carol knows both b ≠ c and a ≠ c" (dated at Alice's statement by the recap): a ≠ c is what Carol knows at her
    turn, not a claim one statement early; "So after Alice's statement we already know a ≠ c." is one."""
    ctx = ctxs("what_sum.txt")
    recap = ("Reason: a repeated number is self-revealing. If Alice saw b = c, her own number would be b + c or "
             "|b − c| = 0; zero isn't allowed, so she'd know a = 2b. Her \"I don't know\" therefore gives b ≠ c. "
             "Bob's \"I don't know\" gives a ≠ c the same way, and Carol's gives a ≠ b. Order matters only for "
             "bookkeeping: Alice's statement is made first, so Bob already knows b ≠ c when he speaks, and Carol "
             "knows both b ≠ c and a ≠ c.")
    known = _audit(ctx, "All different — yes (1).\n\n" + recap)
    assert bad(known) == [] and ("premature", False) in _kinds(known, "term bound")
    assert bad(_audit(ctx, said(ctx, 1) + "\n\nSo after Alice's statement we already know a ≠ c."))


def test_a_relation_that_went_with_a_statement_is_gone(ctxs):
    """"b = c went with Alice, a = c went with Bob, and a = b can't survive either" after Bob's statement: three
    relations ruled out (a = b one statement early), not three relations said to hold (false, weighing alone)."""
    ctx = ctxs("what_sum.txt")
    text = said(ctx, 2) + "\n\nBy the time Bob has passed as well, the equal-number triples are all gone: b = c went " \
        "with Alice, a = c went with Bob, and a = b can't survive either."
    report = _audit(ctx, text + "\n\n" + said(ctx).split("\n\n")[2])
    assert _kinds(report, "term bound") == [] and ("premature", True) in _kinds(report, "exclusion")
    assert _kinds(_audit(ctx, said(ctx) + "\n\nSo a = b can't survive."), "exclusion") == [("entailed", True)]


def test_a_case_lines_verdict_on_its_own_month(ctxs):
    """Under "- **March (18, 19):** …", the line "- **April (17, 18, 28):** April survives, since its days 17 and 18
    both occur in other months." gives April's verdict at Ali's statement (false: 28 is only in April), not a finding
    inside a case; what a line finds about another value ("16 is in June") stays the case's."""
    ctx = ctxs("cheryl_cam.txt")
    lead = said(ctx, 1) + "\n\n- **March (18, 19):** 18 also appears in April, and 19 also appears in July. Both " \
        "shared, so March is safe.\n"
    _kept_false_and_true(ctx, lead, "- **April (17, 18, 28):** April survives, since its days 17 and 18 both occur in "
                         "other months.",
                         "- **July (16, 17, 19):** 16 is in June, 17 in April, 19 in March. All shared, so July is "
                         "safe.")


def test_a_removal_drawn_from_the_speakers_ignorance_alone(ctxs):
    """"Since Albert doesn't know, the day cannot be 18 or 19" credits the removal to the first half of his statement
    (false: not knowing from the month removes nothing); "伯纳德起初不知道，所以5月和6月整个被排除了" likewise to Bernard's
    "at first I didn't know" (May and June went before it); a reason naming both halves is the whole statement's."""
    ctx = ctxs("cheryl.txt")
    lead = said(ctx, 1) + "\n\n"
    half = _audit(ctx, lead + "Since Albert doesn't know, the day cannot be 18 or 19: those days appear only once.")
    assert ("false", True) in _kinds(half, "credit") and bad(half)
    whole = _audit(ctx, lead + "Since Albert doesn't know, and he is sure Bernard doesn't know, May and June are out.")
    assert bad(whole) == []
    zh = _audit(ctx, said(ctx, 2, "zh") + "\n\n伯纳德起初不知道，所以5月和6月整个被排除了。")
    assert ("false", True) in _kinds(zh, "credit") and bad(zh)
