"""Readings from traces_ar* (60 rows in the styles of careful frontier models and small open models, written at the
start of session 25 and scored blind at the start code, then opened), each checked both ways: the true sentence passes,
and a twin that says something false is still flagged."""
from tests.audit.reading import audit as _audit, bad as _bad

CHERYL_1 = "Albert: “I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.”\n\n"


def test_a_time_gone_by_dates_what_is_said_of_it(ctxs):
    """"At that moment 15 was shared, so Bernard holding 15 didn't know." after Albert's line looks back to before it
    (right); "Now May is gone, so Bernard holding 15 doesn't know." is false there (August 15 is his only 15)."""
    ctx = ctxs("cheryl.txt")
    back = ("Albert's claim is about what Bernard knew before anything was eliminated. At that moment 15 was shared, "
            "so Bernard holding 15 didn't know.")
    assert not _bad(_audit(ctx, CHERYL_1 + back))
    assert _bad(_audit(ctx, CHERYL_1 + "Now May is gone, so Bernard holding 15 doesn't know."))


def test_a_number_written_against_a_variable_is_a_multiple_not_a_value(ctxs):
    """"b = c → her number must be 2b → she'd know." names no value of c (twice b); "so c = 2" after Alice's line is a
    claim, and false there."""
    ctx = ctxs("what_sum.txt")
    head = 'Alice: "I don\'t know my number."\n\n'
    assert not _bad(_audit(ctx, head + "- b = c → her number must be 2b → she'd know. E.g. (6, 3, 3) is gone."))
    assert _bad(_audit(ctx, head + "Left: c = 2."))


def test_parallel_parts_each_opening_on_a_value_are_that_values_cases(ctxs):
    """"…；18原来在4月也有，现在只剩3月18日" is 18's case after Ali's line; "所以只剩3月18日。" alone is what is left, and
    premature there."""
    ctx = ctxs("cheryl_cam.txt")
    ali = f"阿里：“{dict(ctx.puzzle.announcements[0].texts)['zh']}”\n\n"
    parts = ("16原来在6月也有，6月被排除后，16就只剩7月16日了；17原来在4月也有，4月排除后17只剩7月17日；18原来在4月也有，"
             "现在只剩3月18日。")
    rest = "".join(f"\n\n{a.speaker}：“{dict(a.texts)['zh']}”" for a in ctx.puzzle.announcements[1:])
    assert not _bad(_audit(ctx, ali + parts + rest))
    assert _bad(_audit(ctx, ali + "所以只剩3月18日。" + rest))


def test_a_table_cell_that_names_values_is_no_object_of_the_cell_before(ctxs):
    """"| 阿尔伯特起初不知道 | 6月有12、19两个 ✅ |" in a closing check: Albert did not know at first, and June has two
    dates; not "Albert did not know that it is June 12 or 19" (which is false after the dialogue, and was flagged)."""
    ctx = ctxs("cheryl_variant.txt")
    said = "\n\n".join(f"{a.speaker}说：“{dict(a.texts)['zh']}”" for a in ctx.puzzle.announcements)
    table = ("| 条件 | 6月12日 |\n|---|---|\n| 阿尔伯特起初不知道 | 6月有12、19两个 ✅ |\n| 伯纳德起初不知道 | 12在5月、6月都有 ✅ |\n"
             "| 阿尔伯特最后知道 | 6月只剩12 ✅ |")
    report = _audit(ctx, said + "\n\n" + table)
    assert not _bad(report)
    assert not any(c.record.kind == "knowledge" and "June" in c.formula for c in report.claims())
    # (and "| S knows | x + y |", a bare term, is still what S is told: test_opened_ae.py)


def test_numbers_worn_on_foreheads_are_had_not_known(ctxs):
    """"Alice has a on her forehead, Bob has b, Carol has c" in What Sum says what each wears (each sees the other two);
    in Cheryl's puzzle "Albert has the day" still gives Albert Bernard's information."""
    what_sum = ctxs("what_sum.txt")
    assert not _bad(_audit(what_sum, "Alice has a on her forehead, Bob has b, Carol has c. Alice sees b and c."))
    assert _bad(_audit(ctxs("cheryl.txt"), "Cheryl tells one of them each. So Albert has the day and Bernard has the "
                                          "month."))


def test_an_outline_walks_on_through_the_statements_it_tells_in_turn(ctxs):
    """"- … Ali says he knows Bo doesn't know … Left: …\\n- Bo didn't know at first (…) and knows now. … Left: …\\n- Ali
    now knows. …": each line is at its statement; the same last list before Bo's line is premature."""
    ctx = ctxs("cheryl_cam.txt")
    ali = ("- Days that appear only once: 28 (April) and 29 (June). Ali says he knows Bo doesn't know, so the month is "
           "March or July. Left: March 18, March 19, July 16, July 17, July 19.{}\n")
    bo = ("- Bo didn't know at first (fine, none of these days is unique in the full list) and knows now. So it is not "
          "19. Left: March 18, July 16, July 17.\n")
    last = "- Ali now knows. July would still leave July 16 and July 17, so the date is March 18."
    head = ("Dates: March 18, March 19, April 17, April 18, April 28, June 16, June 29, July 16, July 17, July 19.\n\n"
            "Summary of my reasoning:\n\n")
    assert not _bad(_audit(ctx, head + ali.format("") + bo + last))
    assert _bad(_audit(ctx, head + ali.format(" So only March 18, July 16, July 17 remain.") + bo + last))


def test_a_card_pinned_down_as_one_card_is_what_is_left(ctxs):
    """"At this point the card is already pinned down as ♦5" right after Q's first statement is premature; after P's
    "now I know" and Q's "me too" it holds."""
    ctx = ctxs("card16.txt")
    said = [f"{a.speaker}: “{dict(a.texts)['en']}”" for a in ctx.puzzle.announcements]
    claim = "At this point the card is already pinned down as ♦5."
    assert _bad(_audit(ctx, "\n\n".join(said[:2] + [claim] + said[2:])))
    assert not _bad(_audit(ctx, "\n\n".join(said + [claim])))


def test_only_before_values_said_to_occur_once_makes_them_all_the_singletons(ctxs):
    """"of these only 13 appears exactly once" says 13 is the one day that occurs once (false: 20 does too, May 20);
    "only 13 and 20 appear once" and "13 appears only once" (some singletons) hold."""
    ctx = ctxs("cheryl_variant.txt")
    assert _bad(_audit(ctx, "The days are 12, 13, 14, 17, 19 and 20, and of these only 13 appears exactly once."))
    for text in ("Only 13 and 20 appear once.", "13 appears only once."):
        assert not _bad(_audit(ctx, text)), text
