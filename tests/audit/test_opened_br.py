"""Readings from traces_br* (32 rows, half correct, written in session 35 by helpers who never read the auditor, kept
blind there and opened in session 36), checked both ways where the reader reads a wrong wording of the same kind."""
from tests.audit.reading import audit as _audit

_WHAT_SUM = ('Alice says "I don\'t know", then Bob says "I don\'t know", then Carol says "I don\'t know".\n\n'
             "If a person sees two equal numbers, their own number must be their sum, so they would know it. ")


def _verdicts(report, kind):
    return [(c.formula, c.verdict.verdict) for st in report.steps for c in st.claims if c.record.kind == kind]


def test_an_elided_possessive_names_its_own_statement(ctxs):
    """'Alice's "I don't know" gives b ≠ c, Bob's gives a ≠ c, and Carol's gives a ≠ b': each "X's" names the statement
    X voices (the noun said once), so a ≠ c is about Bob's and a ≠ b about Carol's, not all three about Alice's (which
    made two of them premature); crediting a ≠ b to Bob's is still early."""
    ctx = ctxs("what_sum.txt")
    right = _audit(ctx, _WHAT_SUM + 'Hence Alice\'s "I don\'t know" gives b ≠ c, Bob\'s gives a ≠ c, and Carol\'s '
                                    "gives a ≠ b.")
    assert right.label == -1
    assert {v for _, v in _verdicts(right, "term bound")} == {"entailed"}
    early = _audit(ctx, _WHAT_SUM + 'Hence Alice\'s "I don\'t know" gives b ≠ c, Bob\'s gives a ≠ b.')
    assert ("a != b", "premature") in _verdicts(early, "term bound")


def test_a_step_opening_after_all_the_statements_is_at_the_end(ctxs):
    """"So after all three statements: b ≠ c (Alice), a ≠ c (Bob), a ≠ b (Carol). All different.": the step stands
    after the last statement, so "All different." is no early claim; a step that opens after two is not moved."""
    ctx = ctxs("what_sum.txt")
    opening = ('Alice says "I don\'t know": b ≠ c.\n\n')
    right = _audit(ctx, opening + "So after all three statements: b ≠ c (Alice), a ≠ c (Bob), a ≠ b (Carol). "
                                  "All different.")
    assert right.label == -1 and right.steps[-1].stage == 3
    two = _audit(ctx, opening + "So after the two statements: b ≠ c and a ≠ c. All different.")
    assert two.steps[-1].stage < 3


def test_a_product_written_as_a_sum_in_a_gloss_is_shorthand(ctxs):
    """"(5 + 6 = 30 is the one that doesn't: 2·15 gives 17.)": in an aside of Sum and Product, a "sum" equal to the
    pair's product is the writer's shorthand for the pair and its product (read loose, as outside brackets), not an
    arithmetic slip; a sum that is neither stays a slip."""
    ctx = ctxs("sum_product.txt")
    head = "- **11:** 2 + 9 (18), 3 + 8 (24), 4 + 7 (28) all let P know. "
    short = _audit(ctx, head + "(5 + 6 = 30 is the one that doesn't: 2·15 gives 17.)")
    assert short.label == -1
    slip = _audit(ctx, head + "(5 + 6 = 12 is the one that doesn't: 2·15 gives 17.)")
    assert ("5 + 6 = 12", "false") in _verdicts(slip, "arithmetic") and slip.label == 0


def test_running_the_story_forward_heads_a_checked_world(ctxs):
    """"Run the story forward with March 18:" heads the check of one world, so "Bo has 18. … After April is eliminated
    → only March 18 → knows." is what Bo's view holds in it, not the candidates after Ali's statement; the same list
    without the heading is still the trace's own claim there."""
    ctx = ctxs("cheryl_cam.txt")
    lines = ("1. Ali has March (18, 19). Neither 18 nor 19 is unique → he can say Bo doesn't know. ✓\n"
             "2. Bo has 18. Originally March 18 / April 18 → didn't know. After April is eliminated → only March 18 → "
             "knows. ✓")
    story = ("**Remaining:** March 18, July 16, July 17.\n\n## Sanity check\n\nRun the story forward with "
             "March 18:\n\n")
    assert _audit(ctx, story + lines).label == -1
    bare = _audit(ctx, "**Remaining:** March 18, July 16, July 17.\n\n## Sanity check\n\n" + lines)
    assert bare.label == 2 and ("month = March and day = 18", "premature") in _verdicts(bare, "candidates")


def test_what_an_agent_sees_gives_that_agents_options(ctxs):
    """"Alice sees 3 and 2 → a = 5 or 1, doesn't know.": after an agent's seeing, a list of what she does not see is
    her options in the world seen (a case), not the stage's candidates; a list of what she sees stays a claim."""
    ctx = ctxs("what_sum.txt")
    said = "Alice: \"I don't know.\"\n\nBob: \"I don't know.\"\n\nCarol: \"I don't know.\"\n\n"
    report = _audit(ctx, said + "So every surviving triple has three distinct numbers. Alice sees 3 and 2 → a = 5 "
                                "or 1, doesn't know.\n\nAnswer: yes.")
    lists = [c for st in report.steps for c in st.claims if c.record.kind == "candidates"]
    assert lists and all(not c.record.certain for c in lists)
    own = _audit(ctx, said + "So every surviving triple has three distinct numbers. Alice sees that b = 5 or 1.")
    assert any(c.record.certain for st in own.steps for c in st.claims if c.record.kind == "candidates")


def test_an_agents_view_is_that_agents_options(ctxs):
    """"From Ali's view, it's March 18 or March 19." after the dialogue: what Ali considers possible before Bo's
    news (a case), not the stage's candidates; the same list said bare is the trace's claim, and wrong there."""
    ctx = ctxs("cheryl_cam.txt")
    said = ("Ali: \"I don't know, but Bo doesn't either.\"\n\nBo: \"At first I didn't know, but now I do.\"\n\n"
            "Ali: \"Then I also know.\"\n\n")
    assert _audit(ctx, said + "From Ali's view, it's March 18 or March 19.").label == -1
    assert _audit(ctx, said + "So it's March 18 or March 19.").label == 3


def test_a_heading_that_quotes_the_statement_in_hand_stays_there(ctxs):
    """'### "I know that Bo does not know"' under Ali's first statement heads its second half (the words are his),
    not Bo's statement: the list after it is judged after Ali's statement, where it is right."""
    ctx = ctxs("cheryl_cam.txt")
    text = ("## Step 1 — Ali's first statement\n\n### \"I don't know\"\nEach month has at least two dates.\n\n"
            "### \"I know that Bo does not know\"\nAli only knows the month, so no date in his month may have a unique "
            "day.\n\n**Remaining (5):** March 18, March 19, July 16, July 17, July 19.")
    report = _audit(ctx, text)
    assert report.steps[-1].stage == 1 and report.label == -1


def test_values_under_a_relative_clause_with_a_modal_are_a_property(ctxs):
    """"So the only days that would tell Bo the date immediately are 28 and 29.": the days with a property (what
    would happen with them), not the candidates left; "So the only days left are 28 and 29." is the trace's list."""
    from epistemic.audit.claims import ClaimMemo, extract_records
    ctx = ctxs("cheryl_cam.txt")

    def lists(sentence):
        return [r.certain for r in extract_records(ctx.lexicon, sentence, False, ClaimMemo()) if r.kind == "candidates"]
    assert lists("So the only days that would tell Bo the date immediately are 28 and 29.") == [False]
    assert lists("So the only days left are 28 and 29.") == [True]
