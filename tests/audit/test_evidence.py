"""How much a false verdict weighs (epistemic/audit/evidence.py): strong kinds and fully explained clauses make a
step wrong alone; other false claims only with a wrong final answer, else the step is 0, `uncorroborated`."""
import pytest

from epistemic import api
from epistemic.audit import AuditContext, audit_trace
from epistemic.audit.evidence import explained, labelled, weighs_alone
from tests.paths import ROOT


@pytest.fixture(scope="module")
def cheryl():
    return AuditContext.build(api.load_puzzle(ROOT / "puzzles" / "cheryl.txt"))


@pytest.fixture(scope="module")
def card16():
    return AuditContext.build(api.load_puzzle(ROOT / "puzzles" / "card16.txt"))


def audit(ctx, *paragraphs):
    return audit_trace(ctx.puzzle, "\n\n".join(paragraphs), context=ctx)


def wrong_claims(report, step):
    return [c for c in report.steps[step].claims if c.verdict.verdict in ("false", "premature") and c.record.certain]


def test_a_plain_false_list_makes_its_step_wrong_alone(cheryl):
    r = audit(cheryl, "The remaining dates are May 15 and May 16.", "Final answer: July 16.")
    assert r.labels[0] == -1 and [c.evidence for c in wrong_claims(r, 0)] == ["strong"]
    assert r.to_dict()["claims"][0]["evidence"] == "strong"


def test_an_unknown_word_makes_it_weak_and_the_step_unchecked(cheryl):
    r = audit(cheryl, "The remaining dates are May 15 and May 16, as the table shows.", "Final answer: July 16.")
    assert r.final_answer_correct
    assert r.labels[0] == 0 and [c.evidence for c in wrong_claims(r, 0)] == ["uncorroborated"]
    assert r.to_dict()["unchecked"] == [{"step": 0, "readings": ["uncorroborated value list"]}]
    assert r.steps[0].checked  # a weak claim still counts for coverage


def test_a_wrong_final_answer_corroborates_a_weak_claim(cheryl):
    r = audit(cheryl, "The remaining dates are May 15 and May 16, as the table shows.", "Final answer: May 15.")
    assert not r.final_answer_correct
    assert r.labels[0] == -1 and [c.evidence for c in wrong_claims(r, 0)] == ["corroborated"]


def test_strong_kinds_need_no_explained_clause(cheryl, card16):
    assert weighs_alone("arithmetic", "false", None, "whatever odd words 5 + 26 = 29", 17, 30, cheryl.lexicon)
    assert weighs_alone("exclusion", "premature", None, "x", 0, 1, cheryl.lexicon)
    assert not weighs_alone("candidates", "false", None, "For instance only May 15 remains", 13, 33, cheryl.lexicon)


@pytest.mark.parametrize("clause, known", [
    ("So the remaining dates are May 15 and May 16", True),
    ("That leaves Jul 16 and Aug 17", True),  # month abbreviations of the puzzle's values
    ("At this point Bernard already knows the birthday", True),
    ("So seven months are favourites: May, June", False),
    ("So the only days that would tell Bernard the date are 18 and 19", False),
    ("If the month were May, Bernard would know", False),
    ("所以，月份只能是7月或8月", True),
    ("比如月份只能是7月或8月", False),  # an example, though the lexicon knows the word
])
def test_explained_accepts_only_known_words(cheryl, clause, known):
    assert explained(clause, cheryl.lexicon) is known


def test_a_value_label_makes_a_case(card16):
    assert labelled("- 点数Q：只剩红桃Q", card16.lexicon)
    assert labelled("hearts → only A, Q and 4", card16.lexicon)
    assert labelled("12 was May/June, now only June", AuditContext.build(api.load_puzzle(
        ROOT / "puzzles" / "cheryl_variant.txt")).lexicon)  # a value opening its clause, said to lie in others
    assert not labelled("Remaining: ♥A, ♥Q", card16.lexicon)
    assert not labelled("So the card is ♦5", card16.lexicon)


def test_the_seed_error_weighs_alone(card16):
    text = (ROOT / "tests" / "data" / "audit" / "qwq_card16_zh.txt").read_text(encoding="utf-8")
    r = audit_trace(card16.puzzle, text, context=card16)
    step = r.steps[r.label]
    assert "即A或5" in step.text and any(c.evidence == "strong" for c in step.claims)


def test_a_lead_in_dates_the_claim_unless_it_names_a_knower():
    """"At this point we know: the day is 16, so the date is July 16" dates the claim in the clause after the colon's
    (a premature one weighs alone); "At this point Bernard knows: …" says what Bernard knows, his statement, not the
    trace's own dating. The English words were once written with backspaces for \\b and never matched."""
    from epistemic.audit.evidence import says_already

    for lead, dated in (("At this point we know: the day is 16, so ", True),
                        ("At this point Bernard knows: the day is 16, so ", False),
                        ("此时我们知道：日子是16，所以", True), ("此时伯纳德知道了：日子是16，所以", False)):
        text = lead + "the date is July 16."
        start = len(lead)
        assert says_already(text, start, len(text) - 1) is dated, lead


def test_another_agents_information_in_a_hypothetical_weighs_alone(ctxs):
    """"if the suit were hearts, P couldn't pin it down" at P's "now I know" supposes the suit, which Q holds (false:
    with ♥Q or ♥4 P knows): the wrong agent's information, a step error even in a long trace; "if the rank were A,
    P couldn't pin it down" supposes P's own (true) and "if Q had hearts, P couldn't …" names another agent: neither
    weighs alone."""
    from tests.audit.reading import audit as _audit, said
    ctx = ctxs("card16.txt")
    lead = said(ctx, 3) + "\n\n"
    wrong = _audit(ctx, lead + "Hearts still has three cards — A, Q, 4 — so if the suit were hearts, P couldn't pin it "
                               "down.\n\nAnswer: ♦5.")
    assert [c.evidence for st in wrong.steps for c in st.claims if c.record.kind == "hypothetical"] == ["strong"]
    own = _audit(ctx, lead + "So if the rank were A, P couldn't pin it down.\n\nAnswer: ♦5.")
    assert all(c.evidence != "strong" for st in own.steps for c in st.claims)
    named = _audit(ctx, lead + "So if Q had hearts, P couldn't pin it down.\n\nAnswer: ♦5.")
    assert all(c.evidence != "strong" for st in named.steps for c in st.claims if c.record.kind == "hypothetical")
