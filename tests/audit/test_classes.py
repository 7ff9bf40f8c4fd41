"""Classes of a term's values named by an elimination ("every sum of 55 or more") and credited to a statement."""
import pytest

from epistemic.audit import audit_trace
from epistemic.audit.classes import class_exclusions

P_FIRST = "P says he doesn't know the numbers.\n\n"


@pytest.mark.parametrize("phrase, formula", [
    ("eliminates every sum of 55 or more", ("Compare", ">=", 55)),
    ("throws out every sum from 55 upward", ("Compare", ">=", 55)),
    ("rules out sums above 54", ("Compare", ">", 54)),
    ("removes all the sums ≥ 55", ("Compare", ">=", 55)),
    ("removes every pair with sum 13", ("Compare", "=", 13)),
    ("eliminates all the even sums", ("Parity", 0)),
    ("excludes every sum that is odd", ("Parity", 1)),
])
def test_the_class_an_elimination_names(ctxs, phrase, formula):
    ctx = ctxs("sum_product.txt")
    sentence = f"So P's first statement already {phrase}."
    found = class_exclusions(ctx.lexicon.scan(sentence), sentence)
    assert len(found) == 1 and found[0].kind == "exclusion"
    cond = found[0].key.formula[1]
    if formula[0] == "Parity":
        assert cond[2][1] == "mod" and cond[3] == ("Const", formula[1])
    else:
        assert (cond[1], cond[3]) == (formula[1], ("Const", formula[2]))


def test_a_class_credited_to_the_wrong_statement_is_premature(ctxs):
    ctx = ctxs("sum_product.txt")
    early = audit_trace(ctx.puzzle, P_FIRST + "So P's first statement already throws out every sum from 55 upward.",
                        context=ctx)
    assert [(c.record.kind, c.verdict.verdict, c.evidence) for c in early.claims()][-1] == \
        ("credit", "premature", "strong")
    assert early.label == 1
    right = audit_trace(ctx.puzzle, P_FIRST + "S says he knew it. S's statement eliminates every sum of 55 or more.",
                        context=ctx)
    assert right.label == -1


def test_an_uncredited_class_is_an_uncertain_reading(ctxs):
    """"Goldbach eliminates the even sums" may explain a filter inside a statement's analysis."""
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, "Goldbach eliminates the even sums.", context=ctx)
    assert report.label == -1
    assert all(not c.record.certain for c in report.claims() if c.record.kind == "exclusion")
