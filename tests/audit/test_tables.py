"""Markdown tables with a knowledge column: each row is its case's knowledge."""
from epistemic.audit import audit_trace
from epistemic.audit.tables import table_records

CHERYL = ("Albert: I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.\n\n"
          "So May and June are out.\n\n"
          "| Day | Remaining dates | Bernard knows? |\n|---|---|---|\n| 14 | July 14, August 14 | no |\n"
          "| 15 | August 15 | {} |\n| 16 | July 16 | yes |\n| 17 | August 17 | yes |")


def test_each_row_under_a_knowledge_column_is_a_case(ctxs):
    ctx = ctxs("cheryl.txt")
    right = audit_trace(ctx.puzzle, CHERYL.format("yes"), context=ctx)
    found = [(c.formula, c.verdict.verdict) for c in right.claims() if c.record.reading == "table row"
             and c.record.kind == "case knowledge"]
    assert found == [("day = 14 implies (not Bernard knows date)", "entailed"),
                     ("day = 15 implies Bernard knows date", "entailed"),
                     ("day = 16 implies Bernard knows date", "entailed"),
                     ("day = 17 implies Bernard knows date", "entailed")]
    assert right.label == -1
    wrong = audit_trace(ctx.puzzle, CHERYL.format("no (also May 15)"), context=ctx)
    assert wrong.label == 2


def test_pairs_in_the_first_cell_and_headers_that_look_back(ctxs):
    sp = ctxs("sum_product.txt")
    rows = table_records(sp.lexicon, "| pair | product | P knows? |\n|---|---|---|\n| 5 + 6 | 30 | yes |\n"
                                     "| (4, 13) | 52 | ✓ |\n| 11 | — | no |")
    assert [r.key.formula[1] for r in rows] == [
        ("And", (("Compare", "=", ("Var", "x"), ("Const", 5)), ("Compare", "=", ("Var", "y"), ("Const", 6)))),
        ("And", (("Compare", "=", ("Var", "x"), ("Const", 4)), ("Compare", "=", ("Var", "y"), ("Const", 13))))]
    card = ctxs("card16.txt")
    assert table_records(card.lexicon, "| Suit | Could Q have been sure? |\n|---|---|\n| spades | no |") == []
    assert table_records(card.lexicon, "| Rank | Cards | Would P know? |\n|---|---|---|\n| J | ♠J | yes |")


def test_a_row_that_names_a_moment_is_no_case(ctxs):
    """'| After "Cath has 6" | 4 | yes | yes | no |': the first cell names a moment of the dialogue, so the row is no
    case of who knows (it was read as "c[6] = cath implies not Cath knows c[6]"); a row naming a value still is."""
    ctx = ctxs("russian_cards.txt")
    table = ("| Stage | Deals left | Cath knows any card? |\n|---|---|---|\n| Start | 140 | no |\n"
             "| After \"Cath has 6\" | 4 | no |\n| 第一句之后 | 28 | no |")
    assert table_records(ctx.lexicon, table) == []
    cheryl = ctxs("cheryl.txt")
    assert len(table_records(cheryl.lexicon, "| Day | Bernard knows? |\n|---|---|\n| 19 | yes |")) == 1


def test_a_table_of_mistakes_holds_rejected_readings(ctxs):
    """'| Reading "I knew" as "I know now" | Statement 2 then removes nothing |' under "| Mistake | What goes wrong |":
    what a wrong reading gives, not the trace's claim that statement 2 removes nothing (false: it removes many sums);
    said outside such a table it is the trace's claim."""
    from tests.audit.reading import audit as _audit, bad as _bad
    ctx = ctxs("sum_product.txt")
    said = "\n\n".join(f"{a.speaker}: \"{dict(a.texts)['en']}\"" for a in ctx.puzzle.announcements)
    table = ("| Mistake | What goes wrong |\n|---|---|\n| Reading \"I knew\" as \"I know now\" | Statement 2 then "
             "removes nothing. |")
    assert not _bad(_audit(ctx, said + "\n\n" + table))
    assert _bad(_audit(ctx, said + "\n\n| Step | Effect |\n|---|---|\n| Statement 2 | Statement 2 removes "
                                   "nothing. |"))
