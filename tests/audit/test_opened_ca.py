"""Readings from traces_ca* (32 rows, half correct, written in session 40 by helpers who never read the auditor and
read at once for tuning), each checked both ways."""
from tests.audit.reading import audit as _audit


def _claims(report):
    return [(c.record.kind, c.verdict.verdict) for st in report.steps for c in st.claims]


def test_the_first_line_is_the_first_statement_and_bold_keeps_its_pronoun(ctxs):
    """"This first line is essentially scene-setting: **it eliminates nothing**": P's first statement removes nothing
    (false: seven cards go); "the first line of the table" names no statement; "Q's line eliminates nothing" is not
    read as P's."""
    ctx = ctxs("card16.txt")
    lead = 'P says: "I don\'t know the card." '
    wrong = _audit(ctx, lead + "This first line is essentially scene-setting: **it eliminates nothing**, and all 16 "
                               "cards are still in play.")
    assert ("credit", "false") in _claims(wrong)
    table = _audit(ctx, lead + "The first line of the table eliminates nothing.")
    assert "credit" not in [k for k, _ in _claims(table)]


def test_a_tuple_with_its_sum_named_in_chinese(ctxs):
    """"(144,1,1) 和146；…；(9,8,2) 和20": each triple's sum, named by 和 (9 + 8 + 2 = 19, so the last is a slip);
    "(3, 6) sum 9" in a line of products is a sum (true), not 3 · 6."""
    ctx = ctxs("cheryls_age.txt")
    line = "列出所有可能：\n(144,1,1) 和146；(72,2,1) 和75；(48,3,1) 和52；(9,8,2) 和{}；(9,4,4) 和17。"
    assert ("arithmetic", "false") in _claims(_audit(ctx, line.format(20)))
    assert ("arithmetic", "false") not in _claims(_audit(ctx, line.format(19)))
    mixed = _audit(ctxs("impossible.txt"), "What about 11? (2, 9): 18 → (3, 6) sum 9. Yes. (3, 8): 24 → (2, 12) "
                                           "14, (4, 6) 10. Yes. (5, 6): 30 → (2, 15) 17.")
    assert ("arithmetic", "false") not in _claims(mixed)


def test_the_sums_of_a_products_splits_in_order(ctxs):
    """"28 = 4·7 = 2·14 → sums 11 and 17": 4 + 7 = 11 and 2 + 14 = 17, the second a slip; "→ sums 11 and 16" is
    right, and so is the same pair of sums in the other order ("→ sums 16 and 11")."""
    ctx = ctxs("impossible.txt")
    assert ("arithmetic", "false") in _claims(_audit(ctx, "- (4,7): 28 = 4·7 = 2·14 → sums 11 and 17."))
    for sums in ("11 and 16", "16 and 11"):
        assert ("arithmetic", "false") not in _claims(_audit(ctx, f"- (4,7): 28 = 4·7 = 2·14 → sums {sums}."))



def test_only_one_split_of_a_number_written_before(ctxs):
    """"积是208 = 13 × 16。另外2 × 104的和是106，超过100，不行；所以208只有一种分法": 208 has one split only (false: 8 × 26
    and 4 × 52 are in range); "22 = 2 × 11, so 22 has only one factorization" is true; a number with no split written
    before is no claim."""
    ctx = ctxs("sum_product.txt")
    wrong = _audit(ctx, "29 = 13 + 16，积是208 = 13 × 16。另外2 × 104的和是106，超过100，不行；所以208只有一种分法。")
    assert ("split", "false") in _claims(wrong)
    assert ("split", "entailed") in _claims(_audit(ctx, "22 = 2 × 11, so 22 has only one factorization."))
    assert "split" not in [k for k, _ in _claims(_audit(ctx, "So 208 has only one factorization."))]
