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
