"""Readings from traces_bl* (32 rows of mixed lengths, half correct, written in session 30 by helpers who never read
the auditor, kept blind that session, opened in session 31), checked both ways where the reader reads a wrong
wording of the same kind."""
from tests.audit.reading import audit as _audit, bad as _bad, said as _said

_PARTS = """### Step 2: Albert's first statement

> "I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too."

1. **"I don't know"**: Every month has more than one possible day, so this is always true for Albert.

2. **"I know that Bernard doesn't know"**: Bernard would know immediately if his day were unique in the list.

The unique days are 18 and 19."""


def test_numbered_parts_of_the_statement_in_hand(ctxs):
    """'2. **"I know that Bernard doesn't know"**: …' numbers the parts of Albert's first statement (its words
    quoted), so it stays there although item 2 names Bernard, who speaks second; an item 2 on Bernard's own words
    opens his statement."""
    ctx = ctxs("cheryl.txt")
    assert [st.stage for st in _audit(ctx, _PARTS).steps] == [1, 1, 1, 1, 1]
    moved = _PARTS.replace("2. **\"I know that Bernard doesn't know\"**:", "2. **Bernard's \"I know now\"**:")
    assert [st.stage for st in _audit(ctx, moved).steps][3:] == [2, 2]


def test_a_row_closed_by_a_verdict_of_its_own(ctxs):
    """"- **15**: … so Bernard cannot be sure. **Eliminate.**": the row's value goes (August 15 survives Bernard's
    statement, so this is wrong); "- **14**: … **Eliminate.**" is right; "Out." after the row reads the same."""
    ctx = ctxs("cheryl.txt")
    last = dict(ctx.puzzle.announcements[2].texts)["en"]

    def text(row):
        return _said(ctx, 2) + "\n\n" + row + "\n\nThen Albert: “" + last + "”"
    assert _bad(_audit(ctx, text("- **15**: August 15, but May 15 was on the list, so Bernard can't be sure. "
                                 "**Eliminate.**")))
    assert _bad(_audit(ctx, text("- 15: August 15, but there was a May 15 too. Out.")))
    assert not _bad(_audit(ctx, text("- **14**: July 14 and August 14, so Bernard wouldn't know. **Eliminate.**")))
    assert not _bad(_audit(ctx, text("- **15**: only August 15, so Bernard would know. Fine.")))
    assert not _bad(_audit(ctx, text("- 15: only August 15.\n**Eliminate.**")))  # a verdict on the next line: no row's


def test_a_day_needed_unique_is_no_list_of_singletons(ctxs):
    """"Bo needs a unique day: 16 (June, July), 17 (April, July) — nothing is unique": the days checked for the need,
    not said to occur once; "the unique days are 16 and 17" says it (wrongly: both occur twice at the start)."""
    ctx = ctxs("cheryl_cam.txt")
    assert not _bad(_audit(ctx, "Then Bo needs a unique day: 16 (June, July), 17 (April, July) — nothing is unique."))
    assert _bad(_audit(ctx, "The unique days are 16 and 17."))


def _long(ctx, n: int, claim: str) -> str:
    """The puzzle's first n statements, then twenty neutral steps (a long trace: evidence.LONG_TRACE), then `claim`."""
    return _said(ctx, n) + "\n\n" + "\n\n".join(f"Let me keep going ({i})." for i in range(20)) + "\n\n" + claim


def test_a_statement_that_leaves_only_in_a_long_trace(ctxs):
    """"P's statement alone leaves only hearts and diamonds: ♥A, ♥Q, ♥4, ♦A, ♦5" dates the list at P's statement
    (spades and clubs go only with Q's): wrong even in a long trace, where other lists need a second signal; the same
    list credited to Q's statement is right."""
    ctx = ctxs("card16.txt")
    cards = "leaves only hearts and diamonds: ♥A, ♥Q, ♥4, ♦A, ♦5."
    assert _bad(_audit(ctx, _long(ctx, 1, "P's statement alone " + cards)))
    assert not _bad(_audit(ctx, _long(ctx, 2, "Q's statement " + cards)))


def test_an_after_that_dates_the_event_before_a_colon(ctxs):
    """"…stepped forward at the fifth asking, after four silent rounds: k − 1 = 4, so k = 5": the phrase dates the
    stepping forward, the reckoning after the colon is drawn from it; "after four silent rounds, k = 5" dates the
    count there, one statement early (n = 6: the clean child could still be muddy)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 5})
    assert not _bad(_audit(ctx, _long(ctx, None, "Here the muddy children stepped forward at the fifth asking, after "
                                                 "four silent rounds: k − 1 = 4, so k = 5.")))
    assert _bad(_audit(ctx, _long(ctx, None, "So after four silent rounds we already know k = 5.")))


def test_an_after_inside_a_closed_quote_does_not_date_the_next_sentence(ctxs):
    """'… after the father's statement and k − 1 rounds of "nobody steps forward." Here there were 3 silent rounds,
    so k = 4.': the sentence ends at the quote's closing mark, so "after the father's statement" does not date k = 4."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 4})
    rule = "With k muddy children, the muddy ones know after the father's statement and k − 1 rounds of \"nobody " \
           "steps forward.\" Here there were 3 silent rounds, so k − 1 = 3 and k = 4."
    assert not _bad(_audit(ctx, _long(ctx, None, rule)))
    assert _bad(_audit(ctx, _long(ctx, None, "So right after the father's statement we already know k = 4.")))


def test_a_pair_pinned_on_the_wrong_line_of_an_outline(ctxs):
    """A worked outline in one paragraph after a setup ("1. P doesn't know ⇒ …\n2. S knew it ⇒ …", the step aligned
    by its first line only): "(x, y) = (4, 13)" on P's "now I know" line is early by the line's own date (86 pairs are
    left then; S's last statement leaves one), on S's line it is right."""
    ctx = ctxs("sum_product.txt")
    lines = ["1. P doesn't know ⇒ p has two or more factorisations (not prime·prime).",
             "2. S knew it ⇒ every split of s has an ambiguous product: s ∈ {11, 17, 23, 27, 29, 35, 37, 41, 47, 53}.",
             "3. P now knows ⇒ exactly one factorisation of p has its sum in that set. p = 52: 4·13 (17) ✓, "
             "2·26 (28) ✗.",
             "4. S now knows — consistent: only 4 + 13 survives, so S can name it."]
    setup = "**Setup.** 2 ≤ x < y, x + y ≤ 100; S has s = x + y, P has p = xy.\n\n"
    pinned = " P's now-I-know therefore pins it: (x, y) = (4, 13)."
    assert _bad(_audit(ctx, setup + "\n".join(lines[:2] + [lines[2] + pinned] + lines[3:])))
    assert not _bad(_audit(ctx, setup + "\n".join(lines[:3] + [lines[3] + " So (x, y) = (4, 13)."])))


def test_a_suit_that_can_be_kept(ctxs):
    """"所以梅花可以保留" (so clubs can be kept): clubs said to be still possible, wrong after Q's statement, right after
    P's alone."""
    ctx = ctxs("card16.txt")
    assert _bad(_audit(ctx, _said(ctx, 2, "zh") + "\n\n所以梅花可以保留。"))
    assert not _bad(_audit(ctx, _said(ctx, 1, "zh") + "\n\n所以梅花可以保留。"))


def test_a_date_he_could_not_rule_out(ctxs):
    """"If his month were April, he couldn't rule out April 28": April 28 still possible for him, no fact about the
    date (it was read as "April → April 28", a false hypothetical that flagged a correct step); "he could rule out
    April 28" says April 28 goes in that case."""
    ctx = ctxs("cheryl_cam.txt")

    def hypotheticals(text):
        return [c.formula for st in _audit(ctx, text).steps for c in st.claims if c.record.kind == "hypothetical"]
    assert hypotheticals("If his month were April, he couldn't rule out April 28, so he couldn't assert that Bo is "
                         "ignorant.") == []
    assert hypotheticals("If his month were April, he could rule out April 28.") == [
        "month = April implies (not (month = April and day = 28))"]


def test_a_number_not_twice_another(ctxs):
    """"so a ≠ 2c; by the same token c ≠ 2a" after Bob's statement: two relations with a factor, the first right, the
    second wrong (c = 2a survives: Bob with b = a keeps Alice ignorant); "a = 2b" stays unread (a case's value as a
    rule: "If a = c, he'd know b = 2a")."""
    ctx = ctxs("what_sum.txt")

    def bounds(text):
        return [(c.formula, c.verdict.verdict) for st in _audit(ctx, _said(ctx, 2) + "\n\n" + text).steps
                for c in st.claims if c.record.kind == "term bound"]
    assert bounds("So a ≠ 2c; by the same token c ≠ 2a.") == [("a != 2 * c", "entailed"), ("c != 2 * a", "false")]
    assert [f for f, _ in bounds("If a = c, he'd know b = 2a.") if "*" in f] == []


def test_values_off_the_table(ctxs):
    """"So a = 0 and a = 10 are off the table": the values go (right after Anne's statement, one statement early
    before it), not the list of what is left (it was read "a ∈ {0, 10}", false)."""
    ctx = ctxs("consecutive.txt")
    sentence = "So a = 0 and a = 10 are off the table."
    assert not _bad(_audit(ctx, _said(ctx, 1) + "\n\n" + sentence))
    assert [c.formula for st in _audit(ctx, _said(ctx, 1) + "\n\n" + sentence).steps[1:] for c in st.claims] == [
        "not a in {0, 10}"]
    assert _bad(_audit(ctx, sentence + "\n\n" + _said(ctx, 1)))
