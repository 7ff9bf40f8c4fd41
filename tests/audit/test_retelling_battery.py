"""A battery of retellings of each announcement (tests/data/audit/retellings.jsonl, 334 sentences written in session 12
by a helper who never read the auditor): each retelling must move the aligner to its statement from the stage before
it, and no sentence that retells nothing (a hypothetical, a requirement, a question) may move it on. The sentences the
aligner still misses are listed: the test fails on any other, so a reading that loses one shows at once (and one that
gains one asks to shorten the list)."""
import json
import pathlib

from epistemic.audit.segment import apostrophes

BATTERY = pathlib.Path(__file__).resolve().parents[1] / "data" / "audit" / "retellings.jsonl"

KNOWN_MISSES = {  # session 12: 262 of 288 retellings found, 45 of 46 non-retellings left alone (session 17: a quoted
    # "I knew" is the statement about before, 263; session 18: "each muddy child knows it is muddy" with no "if" or
    # modal names the last statement by fewer of its words, 266; "S: knew it." is S's statement about before, 267;
    # session 40: kids are children, so "the muddy kids will know that they are muddy" names the last statement, 268)
    "Next, the suit-holder chimes in that he had known all along that P couldn't know the card.",
    "2) Q — knew P didn't know.",
    "After P's line, Q will answer that he had known P didn't know.",
    '4) Q — knows it now as well.',
    "Q's closing remark that he also knows the card is the last piece.",
    "With Albert's concluding statement that he too knows the birthday, we can finish.",
    "Ali's assertion that Bo doesn't know the anniversary is what eliminates the months containing a unique day.",
    "The sum-holder said he had known all along that P couldn't determine the numbers.",
    "P's announcement that he now knows x and y gives the next filter.",
    "S's closing remark that he knows the numbers as well picks out the answer.",
    "P will first declare that he can't pin the numbers down.",
    "The sum-knower responded that he had known beforehand that P couldn't determine the numbers.",
    "Next, S will reply that he had known P couldn't determine the pair.",
    'S：我也能。',
    'The father will start by saying that at least one of them is muddy.',
    '1. 父亲：至少一个有泥。',
    'After the first question, none of the children knows whether they are muddy, so they all stay put.',
    'The first time the father asks, every child will stay where they are.',
    '第一次问的时候每个孩子都没有站出来，也就是说谁都不知道自己有没有泥。',
    '到了这一步，每个有泥的孩子都明白自己额头上有泥。',
    'If only one child were muddy, that child would step forward in the first round.',
}


def _located(ctx, text: str, current: int) -> set[int]:
    text = apostrophes(text)
    k, _ = ctx.aligner.locate(text, current)
    return {c.stage for c in ctx.aligner.inner_cues(text, current)} | ({k} if k else set())


def test_each_retelling_names_its_statement_and_no_other_sentence_moves_the_trace(ctxs):
    rows = [json.loads(line) for line in BATTERY.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 300
    missed, found_known = [], []
    for r in rows:
        ctx = ctxs(r["puzzle"], r["params"] or None)
        k = r["statement"]
        current = k - 1 if k else 0
        got = _located(ctx, r["text"], current)
        ok = k in got if k else not any(g > current for g in got)
        if not ok and r["text"] not in KNOWN_MISSES:
            missed.append((r["puzzle"], k, r["text"], sorted(got)))
        if ok and r["text"] in KNOWN_MISSES:
            found_known.append(r["text"])
    assert not missed, missed
    assert not found_known, ("now read: remove from KNOWN_MISSES", found_known)
