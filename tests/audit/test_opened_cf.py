"""Readings from traces_cf* (32 rows, half correct, written in session 42 by helpers who never read the auditor and
read at once for tuning), each checked both ways."""
from tests.audit.reading import audit as _audit


def _claims(report):
    return [(str(c.source), c.verdict.verdict, c.record.certain) for st in report.steps for c in st.claims]


def test_an_agent_in_a_time_phrase_is_not_the_knower(ctxs):
    """"Q先生在P先生开口之前就已经能断定P先生不可能知道": P is when, Q the knower (Q knew P couldn't know: true after his
    line), not "P knows that P doesn't know" one statement early; "P先生在Q先生开口之后就知道了": P knows."""
    ctx = ctxs("card16.txt")
    lead = "P先生：我不知道。Q先生：我知道你不知道。\n\n"
    said = _claims(_audit(ctx, lead + "Q先生只看自己的花色，在P先生开口之前就已经能断定P先生不可能知道。"))
    assert not any(s.startswith("P knows that") for s, _, _ in said)
    assert ("Q knows that (not P knows card)", "entailed") in [(s, v) for s, v, _ in said]
    assert any(s == "P knows card" for s, _, _ in _claims(_audit(ctx, lead + "P先生在Q先生开口之后就知道了。")))


def test_test_a_count_is_a_case(ctxs):
    """"Test m = 3: a muddy child sees two muddy faces" after one silence: the count tried, not claimed (m is 2
    here); "So m = 3." is claimed (false)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 2})
    lead = "n = 6 children, m = number muddy.\n\nFather: at least one is muddy. Nobody steps forward. "
    tried = _claims(_audit(ctx, lead + "Test m = 3: a muddy child sees two muddy faces, so he can't know yet."))
    assert not any(v == "false" and c for _, v, c in tried)
    assert any(v == "false" and c for _, v, c in _claims(_audit(ctx, lead + "So m = 3.")))


def test_a_closing_answer_with_its_gloss_after_a_colon(ctxs):
    """A last line "m = 2: two of the six children are muddy." gives the answer 2 (right for k = 2, wrong for k = 3)."""
    lead = "n = 6 children, m = number muddy.\n\n- Father: m ≥ 1.\n- Round 1, nobody steps forward. So m ≥ 2.\n" \
           "- Then every muddy child knows.\n\n"
    for k, right in ((2, True), (3, False)):
        report = _audit(ctxs("muddy.txt", {"n": 6, "k": k}), lead + "m = 2: two of the six children are muddy.")
        assert report.final_answer == ((2,),) and report.final_answer_correct is right


def test_a_sum_opening_its_pairs_is_their_case(ctxs):
    """"17 只剩 (4,13)。" right after P's "now I can tell": the pairs left of sum 17 (a case; S's last line is what leaves
    (4, 13) alone), not the stage's candidates one statement early; "只剩 (4,13)。" is the stage's."""
    ctx = ctxs("impossible.txt")
    lead = "第三句，P 说现在能确定了。\n\n"
    end = "\n\n第四句，S 说“我也能确定了”。"
    case = _claims(_audit(ctx, lead + "17 只剩 (4,13)。" + end))
    assert ("x = 4 and y = 13", "premature", False) in case
    assert ("x = 4 and y = 13", "premature", True) in _claims(_audit(ctx, lead + "只剩 (4,13)。" + end))
    assert ("x = 4 and y = 13", "premature", True) in _claims(_audit(ctx, lead + "18 个里只剩 (4,13)。" + end))


def test_the_dialogue_listed_by_number_after_set_up_reaches_nothing(ctxs):
    """"1. P: I don't know the card.\n2. Q: I knew you didn't know.\n3. P: …\n4. Q: Now I know it too." after three
    set-up steps is the puzzle restated (Q, also the queen's letter, is the speaker here): the trace has reached no
    statement, so dropping ♥Q and ♥4 at P's "now I know" is premature (Q's last line removes them)."""
    ctx = ctxs("card16.txt")
    text = ("Okay, 16 cards.\n\nHearts: A, Q, 4\nSpades: J, 8, 4, 2, 7, 3\nClubs: K, Q, 5, 4, 6\nDiamonds: A, 5\n\n"
            "P is told the rank and Q the suit. Then:\n\n1. P: I don't know the card.\n2. Q: I knew you didn't know.\n"
            "3. P: Now I know the card.\n4. Q: Now I know it too.\n\n"
            "P's first line: the rank is A, Q, 4 or 5.\n\nQ's line: the suit is hearts or diamonds.\n\n"
            "P now knows: the ace is out, and the queen and the 4 of hearts are out as well.")
    report = _audit(ctx, text)
    assert report.steps[4].reached == 1  # (P's first line, after the listing)
    assert report.label == len(report.steps) - 1


def test_his_day_of_the_agent_the_sentence_opens_on(ctxs):
    """"阿尔伯特说他不知道，说明他手里的日子在名单里出现了不止一次": his day is Albert's, who is told the month (the wrong
    agent); "伯纳德说他不知道，说明他手里的日子…" is right; "他要确定伯纳德不知道，他的月份…" names no "he" of its own; and in
    What Sum, "爱丽丝看到b、c，她的a…" is her own number, not one she observes."""
    ctx = ctxs("cheryl_variant.txt")
    told = lambda text: [(s, v) for s, v, c in _claims(_audit(ctx, text)) if s.endswith(("knows day", "knows month"))]
    assert told("阿尔伯特说他不知道，说明他手里的日子在名单里出现了不止一次。") == [("Albert knows day", "premature")]
    assert told("伯纳德说他不知道，说明他手里的日子出现了不止一次。") == [("Bernard knows day", "entailed")]
    assert told("他要确定伯纳德不知道，他的月份里就不能有13或20。") == []
    what = _claims(_audit(ctxs("what_sum.txt"), "爱丽丝看到b、c，她的a要么是b+c，要么是|b−c|。"))
    assert "Alice knows a" not in [s for s, _, _ in what]


def test_this_round_of_silence_removes_nothing(ctxs):
    """"第一轮没人站出来……这一轮沉默不排除任何情况": the silence the trace is at removes nothing (false: exactly one muddy
    child goes); on the father's statement "这一轮" names no silence."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    lead = "父亲说：至少有一个孩子有泥。\n\n"
    credits = lambda text: [(s, v) for s, v, _ in _claims(_audit(ctx, text)) if "rules out" in s]
    assert credits(lead + "## 第一次沉默\n第一次问话时没人站出来，这一轮沉默不排除任何情况。") == [
        ("statement 2 rules out nothing", "false")]
    assert credits("父亲说：至少有一个孩子有泥。这一轮沉默不排除任何情况。") == []


def test_a_reference_to_the_next_statement_reaches_nothing_yet(ctxs):
    """"… so the sum is odd. Hmm, let me get to S's statement, which is the real filter." on P's first statement: the
    sum being odd is S's statement's, not yet reached (premature); "S's statement shows the sum is odd." reaches it."""
    ctx = ctxs("sum_product.txt")
    lead = "Step one, P says he doesn't know. So P not knowing means x and y are not both prime. "
    early = _claims(_audit(ctx, lead + "And so the sum is odd. Hmm, let me get to S's statement, which is the real "
                                       "filter.\n\nS says: I knew you didn't know."))
    assert ("(x + y) mod 2 = 1", "premature", True) in early
    late = _claims(_audit(ctx, lead + "S's statement shows the sum is odd.\n\nS says: I knew you didn't know."))
    assert ("(x + y) mod 2 = 1", "premature", True) not in late


def test_knowing_dated_after_an_earlier_silence_is_a_claim(ctxs):
    """With four muddy children, "After the second silence, every muddy child knows she is muddy." claims the last
    statement's content two silences early (premature), not the dialogue narrated; with three muddy it is when they
    know (narration: no flag), and "If there were two, after the first silence they would know" is a case."""
    lead = "Father: at least one of you is muddy.\n\nFirst question: nobody steps forward. So at least two are muddy.\n\n"
    early = _audit(ctxs("muddy.txt", {"n": 4, "k": 4}), lead + "After the second silence, every muddy child knows she is "
                                                                "muddy.\n\nThird question: nobody steps forward.")
    assert early.label == 2 and [s.reached for s in early.steps][2] == 2
    assert _audit(ctxs("muddy.txt", {"n": 4, "k": 3}), lead + "After the second silence, every muddy child knows she "
                                                              "is muddy.").label == -1
    case = _audit(ctxs("muddy.txt", {"n": 4, "k": 4}), lead + "If there were two, after the first silence every muddy "
                                                               "child would know she is muddy.")
    assert case.label == -1
