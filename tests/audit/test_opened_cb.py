"""Readings from traces_cb* (32 rows, half correct, written in session 41 by helpers who never read the auditor,
scored blind three times and opened in session 42), each checked both ways."""
from tests.audit.reading import audit as _audit


def _claims(report):
    return [(c.record.kind, c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims]


def _sources(report, kind):
    return [(str(c.source), c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims
            if c.record.kind == kind]


CARDS = "P says: I don't know. Q says: I knew you didn't know. P says: now I know.\n\n"


def test_the_card_is_after_a_topic_value_is_the_answer(ctxs):
    """"The 5 is the rank whose twin in clubs got knocked out, so the card is ♦5": the card itself, a claim read with
    certainty (premature before Q's last line), not the case of rank 5; "originally 5 was in clubs and diamonds, but
    clubs is gone, so only ♦5 now" is still that case."""
    ctx = ctxs("card16.txt")
    said = _sources(_audit(ctx, "P says: I don't know.\n\nQ says: I knew you didn't know.\n\nP says: now I know. The 5 "
                                "is the rank whose twin in clubs got knocked out, so the card is D5.\n\nQ says: now I "
                                "know too."), "candidates")
    assert said[0] == ("suit = diamonds and rank = 5", "premature", True)
    case = _sources(_audit(ctx, CARDS + "Originally 5 was in clubs and diamonds, but clubs is gone, so only ♦5 now.\n\n"
                                        "Q says: now I know too."), "candidates")
    assert case and not case[0][2]


def test_a_gloss_that_credits_an_elimination_is_read(ctxs):
    """"Q appears once (only Q♥ — the Q♣ was already eliminated by P's first statement)": the gloss names who
    removed Q♣, a credit (false: Q's statement does); "(… ruled out by Statement 1 — when Q "knew", …)" credits
    statement 1 only (the dash ends the phrase naming it); a gloss crediting nothing stays blank."""
    ctx = ctxs("card16.txt")
    wrong = _audit(ctx, CARDS + "- Q appears once (only Q♥ — the Q♣ was already eliminated by P's first statement) → "
                                "P knows.")
    assert _sources(wrong, "credit") == [("statement 1 rules out suit = clubs and rank = Q", "premature", True)]
    right = _audit(ctx, CARDS + "- Q appears once (only Q♥ — the Q♣ was already eliminated by Q's statement) → "
                                "P knows.")
    assert [v for _, v, _ in _sources(right, "credit")] == ["entailed"]
    dashed = _audit(ctx, "P says: I don't know. Q says: I knew you didn't know.\n\n- ♣ contains K and 6 → ❌ (it doesn't "
                         "matter that ♣K and ♣6 were ruled out by Statement 1 — when Q \"knew\", they were still "
                         "possible for him)")
    assert [v for _, v, _ in _sources(dashed, "credit")] == ["entailed"]
    assert _sources(_audit(ctx, CARDS + "- Q appears once (only Q♥, the Q♣ being gone) → P knows."), "credit") == []


def test_an_ordinal_day_before_appears_once(ctxs):
    """"Only the 18th appears once" (all the singletons: false, 19 too), "The 18th appears once" (one of them)."""
    ctx = ctxs("cheryl.txt")
    assert _sources(_audit(ctx, "Only the 18th appears once."), "singletons") == [
        ("only day = 18 occurs once", "false", True)]
    assert _sources(_audit(ctx, "The 18th appears once."), "singletons") == [("day = 18 occurs once", "entailed", True)]
    assert _sources(_audit(ctx, "The 18th and the 19th are the only days that appear once."), "singletons") == [
        ("only day = 18, day = 19 occur once", "entailed", True)]


def test_rules_out_a_class_and_also_the_equal_pairs(ctxs):
    """"That rules out products of two primes, and also any pair with x = y" right after P's first statement: x = y
    is ruled out one statement early (premature; S's statement removes it), read as when the verb comes first."""
    ctx = ctxs("impossible.txt")
    lead = "P: I cannot determine the two numbers.\n\n"
    for text in ("That rules out products of two primes, and also any pair with x = y.",
                 "That rules out any pair with x = y."):
        report = _audit(ctx, lead + text + "\n\nS: I knew that you could not.")
        assert ("exclusion", "premature", True) in _claims(report), text


def test_bernard_indeed_does_not_know_restates_albert(ctxs):
    """On Albert's "I know Bernard doesn't know", "同时，伯纳德确实不知道，…，所以生日也不可能是14日" restates what Albert knows:
    still stage 1, where ruling out the 14th is premature; not Bernard's own "at first I don't know" narrated."""
    ctx = ctxs("cheryl.txt")
    lead = "阿尔伯特说：我不知道，但我知道伯纳德也不知道。\n\n"
    report = _audit(ctx, lead + "- 阿尔伯特敢肯定伯纳德不知道，所以月份不是5月，也不是6月。\n"
                                "- 同时，伯纳德确实不知道，而14日在7月和8月都有，所以生日也不可能是14日。\n\n"
                                "伯纳德说：起初我不知道，但现在我知道了。")
    assert ("exclusion", "premature", True) in _claims(report)
    assert report.label == 1  # (the step of bullets)


def test_only_need_to_remove_is_all_the_statement_removes(ctxs):
    """"所以只需要排除5月19日和6月18日" while on Albert's statement: those two are all it removes (false: May and June go),
    a credit with nothing else; "所以要排除5月19日和6月18日" names two it removes (true)."""
    ctx = ctxs("cheryl.txt")
    lead = "阿尔伯特说：我不知道，但我知道伯纳德也不知道。\n\n伯纳德如果拿到18或19就会知道。"
    only = _audit(ctx, lead + "所以只需要排除5月19日和6月18日。\n\n伯纳德说：现在我知道了。")
    assert [(v, c) for _, v, c in _sources(only, "credit")] == [("false", True)]
    some = _audit(ctx, lead + "所以要排除5月19日和6月18日。\n\n伯纳德说：现在我知道了。")
    assert ("exclusion", "entailed", True) in _claims(some) and _sources(some, "credit") == []


def test_a_count_still_possible(ctxs):
    """"“只有1个孩子有泥”的情况还保留着" after the first silence: that count is said to be still possible (false: the first
    silence removes it), a quoted case name read as the writer's words; "Exactly one muddy child is still possible."
    right after the father is true (not "exactly one is the only count"); "单凭父亲的话" is what the children reason
    from, not the time of the sentence."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    father = "父亲说：至少有一个孩子有泥。\n\n"
    silence = "然后父亲第一次问，没有人站出来。"
    possible = lambda text: [(v, c) for s, v, c in _sources(_audit(ctx, text), "possible")]
    assert possible(father + silence + "第一轮没人站出来，只是说明没有人能单凭父亲的话确定自己，“只有1个孩子有泥”的情况"
                                       "还保留着。\n\n第二轮也没人站出来。") == [("false", True)]
    assert possible(father + "Exactly one muddy child is still possible.\n\n" + silence) == [("entailed", True)]
    assert possible(father + silence + "Exactly one muddy child is still possible.") == [("false", True)]
