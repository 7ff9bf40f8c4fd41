"""Readings from traces_bd* (30 long rows, 20 correct, written in session 28 by a helper who never read the
auditor, scored blind at the session's start code and twice more, then opened), checked both ways where the
reader reads a wrong wording of the same kind."""
import json
from pathlib import Path

from tests.audit.reading import audit as _audit, bad as _bad, said as _said

_ROWS = Path(__file__).resolve().parents[1] / "data" / "natural" / "traces_bd1.jsonl"


def _row(prefix: str) -> dict:
    """The opened row whose id starts with `prefix`."""
    return next(r for r in map(json.loads, _ROWS.read_text(encoding="utf-8").splitlines()) if r["id"].startswith(prefix))


def _flagged_at(ctx, text: str, words: str) -> bool:
    """Whether the step holding `words` has a claim that marks it wrong."""
    report = _audit(ctx, text)
    return any(c.evidence in ("strong", "corroborated") for st in report.steps if words in text[st.start:st.end]
               for c in st.claims)


def test_a_re_verification_of_one_world(ctxs):
    """"Hmm, let me re-verify the full chain with July 16 as the true date:" then a line per statement: that world's
    replay ("Bernard can't know" is said at Albert's statement, not at the end)."""
    ctx = ctxs("cheryl.txt")
    lines = "\n- A1: Albert has July → July 14 or 16 → doesn't know. July has days 14, 16; neither is a singleton " \
            "day → Bernard can't know."
    assert not _bad(_audit(ctx, _said(ctx, 3) + "\n\nHmm, let me re-verify the full chain with July 16 as the true "
                                                "date:" + lines))
    assert _bad(_audit(ctx, _said(ctx, 3) + "\n\nHmm, let me go on with what we have:" + lines))


def test_another_author_s_version_and_ordering(ctxs):
    """'in Freudenthal's version P opens with "I don't know"', "Freudenthal's ordering, where P first says he doesn't
    know" (Sum and Product with S first): that version's dialogue, not this one's."""
    ctx = ctxs("sum_product_s_first.txt")
    for line in ('First thing: in Freudenthal\'s version P opens with "I don\'t know" and then S says "I knew you '
                 'didn\'t know".', "I'm also checking the relation to Freudenthal's ordering, where P first says "
                 "he doesn't know."):
        assert not _bad(_audit(ctx, line))
    assert _bad(_audit(ctx, 'First thing: here P opens with "I don\'t know" and then S says "I knew you didn\'t '
                            'know".'))


def test_removing_nothing_from_some_worlds(ctxs):
    """"so P's line removes nothing from those sums": nothing among the sums kept, not nothing at all (P's first
    statement removes many pairs)."""
    ctx = ctxs("sum_product.txt")
    said = _said(ctx, 2) + "\n\nSums whose every split is ambiguous: all their pairs already have ambiguous products, "
    assert not _bad(_audit(ctx, said + "so P's line removes nothing from those sums."))
    assert _bad(_audit(ctx, said + "so P's line removes nothing."))


def test_an_example_heading_makes_the_next_step_that_world(ctxs):
    """"**例 1：(a, b, c) = (1, 2, 3)，它会留到最后吗？**" then what each one sees and whether they know there: that world,
    not the stage (in the row, as written); under a plain heading the same lines are the stage's, and read as false
    (in this long trace such a list needs a second signal to flag its step: evidence.STRONG_IN_LONG)."""
    ctx = ctxs("what_sum.txt")
    text = _row("bd1-what_sum-claude-markdown-correct-22")["text"]
    words = "于是卡罗尔只剩 c = 3 一个候选"
    assert not _false_and_certain_at(ctx, text, words)
    assert _false_and_certain_at(ctx, text.replace("**例 1：(a, b, c) = (1, 2, 3)，它会留到最后吗？**", "**再看一遍：**"),
                                 words)


def _false_and_certain_at(ctx, text: str, words: str) -> bool:
    """Whether the step holding `words` has a candidate list there read with certainty and judged false or premature."""
    report = _audit(ctx, text)
    return any(c.record.certain and c.verdict.verdict in ("false", "premature") and c.record.kind == "candidates"
               and c.record.text.strip()[:8] in words for st in report.steps if words in text[st.start:st.end]
               for c in st.claims)


def test_what_a_relative_clause_says_was_removed_is_not_the_list_after_it(ctxs):
    """"leaves only a ∈ {1, 2, 8, 9}, where one neighbour has been removed: (1, 2), (2, 3), (8, 7), (9, 8)": the pairs
    left, not removed ones; "The pairs removed: (1, 2), (2, 3)." removes them."""
    ctx = ctxs("consecutive.txt")
    said = _said(ctx, 3) + "\n\n"
    assert not _bad(_audit(ctx, said + "Anne's \"I know\" leaves only a ∈ {1, 2, 8, 9}, where one neighbour has been "
                                       "removed: (1, 2), (2, 3), (8, 7), (9, 8)."))
    assert _bad(_audit(ctx, said + "Anne's \"I know\" removes these too: (1, 2), (2, 3), (8, 7), (9, 8)."))


def test_a_bound_denied_is_not_claimed(ctxs):
    """"限制是 y ≤ 99，不是 x + y ≤ 100": the bound this puzzle does not have."""
    ctx = ctxs("impossible.txt")
    assert not _bad(_audit(ctx, "和弗赖登塔尔的版本相比，这里的限制是 y ≤ 99，不是 x + y ≤ 100。\n\n" + _said(ctx, 4)))
    assert _bad(_audit(ctx, "和弗赖登塔尔的版本相比，这里的限制是 x + y ≤ 100。\n\n" + _said(ctx, 4)))


def test_what_is_recalled_and_its_gloss_are_hedged(ctxs):
    """'I vaguely remember the test says something like "There are 330 solutions" — meaning 330 triples survive':
    recalled, not claimed (in the row, whose wrong final answer 330 would corroborate it); said plainly, a claim."""
    ctx = ctxs("what_sum.txt")
    text = _row("bd1-what_sum-r1-think-error-23")["text"]
    words = "meaning 330 triples survive"
    assert not _flagged_at(ctx, text, words)
    assert _flagged_at(ctx, text.replace("I vaguely remember the test says something like", "The test says"), words)


def test_a_relation_before_an_arrow_is_its_condition(ctxs):
    """"b = c and b + c > 50 → a = 2b > 50 and a = 0 — no valid a": what follows from supposing b = c (in the row, as
    written); "Case b = c: Alice knows immediately" supposes it too; stated plainly, b = c is a wrong claim."""
    ctx = ctxs("what_sum.txt")
    text = _row("bd1-what_sum-r1-think-error-23")["text"]
    for words in ("b = c and b + c > 50 → a = 2b > 50", "Case b = c: Alice knows immediately"):
        assert not _flagged_at(ctx, text, words)
    plain = text.replace("Case b = c: Alice knows immediately (a = 2b).", "So b = c, and Alice knows immediately.")
    assert _flagged_at(ctx, plain, "So b = c, and Alice knows immediately.")


def test_worlds_tried_one_after_another(ctxs):
    """"Let me double-check with an example: a = 1, c = 3." after a short opening sentence, "Another: a = 1, c = 3.",
    "Try (1,4,3): …", "And try (1,4,3), which I'd expect to survive:": each an example world, its lines that world's;
    "So a = 1, c = 3." is a claim about the stage."""
    ctx = ctxs("what_sum.txt")
    said = _said(ctx, 2) + "\n\n"
    rest = " Candidates b = 4 or 2. Both live, so Bob doesn't know."
    for opening in ("Hmm nice, that's clean. Let me double-check with an example: a = 1, c = 3.",
                    "Another: a = 1, c = 3.", "Try (1,4,3): a = 1, b = 4, c = 3.",
                    "And try (1,4,3), which I'd expect to survive:"):
        assert not _bad(_audit(ctx, said + opening + rest))
    assert _bad(_audit(ctx, said + "So a = 1, c = 3." + rest))
