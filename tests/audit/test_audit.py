"""The auditor: the seed's QwQ trace, claims re-parse, another puzzle's vocabulary, bad input."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from epistemic.api import load_puzzle
from epistemic.audit import AuditContext, audit_trace, extract_claims_rule_based
from epistemic.errors import EpistemicError
from epistemic.language.elaborate import parse_claim
from epistemic.language.printer import formula_source
from tests.paths import DATA as TESTS_DATA, ROOT

DATA = TESTS_DATA / "audit"


@pytest.fixture(scope="module")
def card16():
    p = load_puzzle(str(ROOT / "puzzles" / "card16.txt"))
    return AuditContext.build(p)


@pytest.fixture(scope="module")
def seed_report(card16):
    return audit_trace(card16.puzzle, (DATA / "qwq_card16_zh.txt").read_text(encoding="utf-8"), context=card16)


def test_seed_first_error_is_the_A_or_5_step(seed_report):
    d = seed_report.to_dict()
    first = d["label"]
    assert "即A或5" in d["steps"][first]
    assert all(x != -1 for x in d["labels"][:first])
    assert d["final_answer_correct"] is True
    bad = [c for c in d["claims"] if c["step"] == first and c["verdict"] != "entailed"]
    assert bad and bad[0]["verdict"] == "false" and bad[0]["counterexample"]["values"]["rank"] in ("Q", "4")


def test_seed_names_the_card_one_announcement_early(seed_report):
    d = seed_report.to_dict()
    early = [c for c in d["claims"] if c["text"].startswith("所以，牌是方块5")]
    assert early and early[0]["verdict"] == "premature" and early[0]["stage"] == 3 and early[0]["holds_at"] == 4


def _in_puzzle_syntax(report):
    """The claims with a formula ("9 remain", "P made statement 1", "51 is prime" and "K and 6 occur once" are judged
    without one)."""
    return [c for c in report.claims() if c.record.kind not in ("count", "speaker", "possible", "prime", "singletons")]


def test_shown_claims_reparse_to_the_same_formula(seed_report, card16):
    for c in _in_puzzle_syntax(seed_report):
        again, _ = parse_claim(c.formula, card16.puzzle)
        assert formula_source(again, card16.puzzle) == c.formula
        shown, stage = parse_claim(c.verdict.shown, card16.puzzle)
        assert stage == c.verdict.stage


def test_claims_are_judged_the_same_by_direct_evaluation(seed_report, card16):
    """Second way: re-evaluate each entailed claim's shown formula with the engine at its stage."""
    from epistemic.engines.base import get_engine

    sol, eng = card16.solution, get_engine("explicit")
    for c in _in_puzzle_syntax(seed_report):
        f, k = parse_claim(c.verdict.shown, card16.puzzle)
        mask = eng.evaluate(sol.space, sol.history(k), f)
        holds = bool(mask[sol.stages[k].mask].all())
        if c.verdict.verdict == "entailed":
            assert holds
        elif not c.claim.witnesses:
            assert not holds


@pytest.mark.parametrize("text,expected", [
    ("所以，可能的点数是A、Q、4、5。", "rank in {A, Q, 4, 5}"),
    ("综上所述，花色只能是红桃或方块。", "suit in {hearts, diamonds}"),
    ("因此，花色不能是黑桃。", "suit != spades"),
    ("所以，点数不能是Q或4。", "not rank in {Q, 4}"),
    ("Q先生知道P先生不知道。", "Q knows that (not P knows card)"),
    ("If the suit were clubs, Mr. P would know the card.", "suit = clubs implies P knows card"),
    ("So the rank is A, Q, 4 or 5.", "rank in {A, Q, 4, 5}"),
    ("The suit cannot be spades.", "suit != spades"),
    ("Mr. Q knows that Mr. P does not know the card.", "Q knows that (not P knows card)"),
    ("So the card is the 5 of diamonds.", "suit = diamonds and rank = 5"),
])
def test_extraction_card16(card16, text, expected):
    claims = extract_claims_rule_based(card16.puzzle, text, card16.lexicon)
    assert [formula_source(c.formula, card16.puzzle) for c in claims] == [expected]


CHERYL = """puzzle "Birthday"
values month: May (5月), June (6月), July (7月), August (8月)
worlds date(month, day):
  May: 15 16 19
  June: 17 18
  July: 14 16
  August: 14 15 17
agent Albert (阿尔伯特) observes month
agent Bernard (伯纳德) observes day
Albert says: not Albert knows date and Albert knows not Bernard knows date
  en: "I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too."
Bernard says: before (not Bernard knows date) and Bernard knows date
  en: "At first I didn't know when Cheryl's birthday is, but I know now."
Albert says: Albert knows date
  en: "Then I also know when Cheryl's birthday is."
answer date = July 16
"""


def test_other_vocabulary_cheryl():
    p = load_puzzle(CHERYL)
    ctx = AuditContext.build(p)
    claims = extract_claims_rule_based(p, "So the month cannot be May or June.", ctx.lexicon)
    assert [formula_source(c.formula, p) for c in claims] == ["not month in {May, June}"]
    trace = ("Albert says: “I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.”\n\n"
             "So the month cannot be May or June.\n\n"
             "Bernard says: “At first I didn't know when Cheryl's birthday is, but I know now.”\n\n"
             "So the day cannot be 14. Bernard knows the date.\n\n"
             "So the month is July.\n\n"
             "Albert says: “Then I also know when Cheryl's birthday is.”\n\n"
             "Final answer: July 16")
    r = audit_trace(p, trace, context=ctx)
    assert r.labels == [1, 1, 1, 1, -1, 1, 1]  # the quotes are checked against who said them
    assert r.label == 4 and r.final_answer_correct
    cx = [c for c in r.claims() if c.verdict.verdict != "entailed"][0]
    assert cx.verdict.verdict == "premature" and cx.verdict.holds_at == 3


def test_wrong_final_answer(card16):
    r = audit_trace(card16.puzzle, "P says he doesn't know.\n\nFinal answer: ♥A", context=card16)
    assert r.final_answer_correct is False and r.label == 1


@pytest.mark.parametrize("data", [b"", b"   \n\n  ", "只是一些文字。".encode("gb18030"),
                                  "\ufeffhello".encode("utf-8"), "hi".encode("utf-16")])
def test_odd_input_gives_an_audit(card16, data):
    r = audit_trace(card16.puzzle, data, context=card16)
    assert r.label == -1 and not r.final_answer_correct


def test_binary_is_refused_cleanly(card16):
    with pytest.raises(EpistemicError):
        audit_trace(card16.puzzle, bytes(range(256)) * 20, context=card16)


def test_huge_trace_is_truncated_not_crashed(card16):
    r = audit_trace(card16.puzzle, "所以，花色不能是黑桃。\n\n" * 700_000, context=card16)
    assert r.truncated and len(r.steps) > 1000


def test_no_blank_lines_fallback(card16):
    text = "\n".join(["P先生说：“我不知道这张牌。”", "所以，可能的点数是A、Q、4、5。"] * 4)
    r = audit_trace(card16.puzzle, text, context=card16)
    assert len(r.steps) == 8 and r.label == -1


def test_cli_text_json_and_batch(tmp_path, card16):
    from epistemic.cli.audit import audit

    run = CliRunner()
    seed = str(DATA / "qwq_card16_zh.txt")
    out = run.invoke(audit, [str(ROOT / "puzzles/card16.txt"), seed])
    assert out.exit_code == 0 and "first error: step 49" in out.output
    out = run.invoke(audit, [str(ROOT / "puzzles/card16.txt"), seed, "--json"])
    import json

    d = json.loads(out.output)
    assert {"steps", "labels", "label", "final_answer_correct", "claims"} <= set(d)
    # premature: the trace reaches Q's statement only afterwards (a premature claim needs a later cue)
    lines = [json.dumps({"response": "所以，花色不能是黑桃。\n\nQ先生说：“我知道你不知道这张牌。”", "label": 0}),
             json.dumps({"response": "P先生说：“我不知道这张牌。”\n\n所以，可能的点数是A、Q、4、5。", "label": -1}), "not json"]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run.invoke(audit, [str(ROOT / "puzzles/card16.txt"), str(src), "--out", str(tmp_path / "o.jsonl"), "--json"])
    assert out.exit_code == 0
    summary = json.loads(out.output)
    assert summary["traces"] == 3 and summary["errors"] == 1 and summary["processbench"]["f1"] == 1.0
    out = run.invoke(audit, [str(ROOT / "puzzles/card16.txt"), str(tmp_path / "missing.txt")])
    assert out.exit_code == 2 and "Traceback" not in out.output
