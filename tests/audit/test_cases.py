"""Knowledge on a line labelled by a pair is that pair's case; a case gone later is no later truth."""
from epistemic.audit import audit_trace

OPENING = ("P says he doesn't know the numbers.\n\nS says he knew P didn't know.\n\n"
           'P says: "Now I know the numbers."\n\n')


def _case_claims(report):
    return [(c.formula, c.verdict.verdict) for c in report.claims() if c.record.kind == "case knowledge"]


def test_a_pair_labelled_line_is_that_pairs_case(ctxs):
    ctx = ctxs("sum_product.txt")
    wrong = audit_trace(ctx.puzzle, OPENING + "Sum 11:\n1. **(2, 15)**: 30 = 2 · 15 = 3 · 10 = 5 · 6. The sums are 17, "
                        "13 and 11. Only 17 is a possible sum, so P could determine the numbers.", context=ctx)
    assert ("(x = 2 and y = 15) implies P knows (x, y)", "false") in _case_claims(wrong)
    assert wrong.label == 3
    right = audit_trace(ctx.puzzle, OPENING + "Sum 11:\n- 2+9=11，积18 = 2×9 = 3×6，另一个和是9，不在候选里，所以P知道。\n"
                        "- 2 + 15 → 30，也可以是 5 × 6，和为 11，在列表里，P 确定不了。", context=ctx)
    assert _case_claims(right) == [("(x = 2 and y = 9) implies P knows (x, y)", "entailed"),
                                   ("(x = 2 and y = 15) implies (not P knows (x, y))", "entailed")]
    assert right.label == -1


def test_an_agent_with_a_value_who_can_now_determine(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, OPENING + "Only 17 is admissible, so P with 30 can now determine the numbers.",
                         context=ctx)
    assert _case_claims(report) == [("x * y = 30 implies P knows (x, y)", "false")]


def test_a_case_that_holds_later_only_because_it_is_gone_is_false_not_premature(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, OPENING + "- 2 + 9，积18。18 = 2×9 = 3×6，两种分解，所以P还是不能确定，排除。", context=ctx)
    assert [v for f, v in _case_claims(report) if f.startswith("(x = 2 and y = 9)")] == ["false"]


def test_an_agent_with_a_value_of_the_variable_they_observe(ctxs):
    ctx = ctxs("cheryl.txt")
    opening = "Albert: I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.\n\n"
    wrong = audit_trace(ctx.puzzle, opening + "16 also appears in May, so Bernard with 16 still couldn't tell May 16 "
                        "from July 16.", context=ctx)
    assert _case_claims(wrong) == [("day = 16 implies (not Bernard knows date)", "false")] and wrong.label == 1
    right = audit_trace(ctx.puzzle, opening + "So Bernard with 14 still couldn't tell.", context=ctx)
    assert _case_claims(right) == [("day = 14 implies (not Bernard knows date)", "entailed")]
    then = audit_trace(ctx.puzzle, opening + "At that time 16 had two dates, so Bernard with 16 wouldn't know.",
                       context=ctx)
    assert _case_claims(then) == []


def test_a_replay_heading_reads_who_knows_in_its_world(ctxs):
    """Under "… pretending the answer is July 16 and replaying it:", "Albert himself doesn't know (two July dates)"
    is the replay's line for Albert's first statement, not a case judged at the end (where Albert knows); under
    "Let's check s = 17:" a pair's case of who knows is still judged as the stage's."""
    from epistemic.audit.cases import checked_kinds
    ctx = ctxs("cheryl.txt")
    replay = checked_kinds(ctx.lexicon, "Let me sanity-check the whole chain once more, by pretending the answer is "
                                        "July 16 and replaying it:")
    assert "case knowledge" in replay and "candidates" in replay
    sp = ctxs("sum_product.txt")
    cases = checked_kinds(sp.lexicon, "P's product must have exactly one factorization whose sum is in the list. "
                                      "Let's check s = 17:")
    assert "candidates" in cases and "case knowledge" not in cases
    assert checked_kinds(ctx.lexicon, "So the month is July.") == frozenset()


def test_a_value_line_closing_on_a_bare_verdict_is_its_observers_case(ctxs):
    """"- a = 2：b 可以是 1 或 3，两种都还在 → 不知道" at Anne's "I know": the verdict has no subject, and the one agent
    who sees a is Anne, so the line says a = 2 implies Anne does not know b, false there ((2, 1) went with Bill's
    statement); "- a = 1：… → 只剩 b = 2，**知道** ✓" is the right case."""
    from tests.audit.reading import audit as _audit
    ctx = ctxs("consecutive.txt")
    said = "安妮：“我不知道你的数。”\n\n比尔：“我不知道你的数。”\n\n安妮：“我知道你的数。”\n\n"
    right = "- a = 1：b 原来可以是 0 或 2，b = 0 被比尔的话排除了 → 只剩 b = 2，**知道** ✓\n"
    report = _audit(ctx, said + right + "- a = 2：b 可以是 1 或 3，两种都还在 → 不知道")
    found = [(c.formula, c.verdict.verdict) for st in report.steps for c in st.claims
             if c.record.kind == "case knowledge"]
    assert found == [("a = 1 implies Anne knows b", "entailed"), ("a = 2 implies (not Anne knows b)", "false")]
    assert report.label == 3
    assert _audit(ctx, said + right + "- a = 2：b 只能是 3（b = 1 已被比尔排除）→ 知道").label == -1
