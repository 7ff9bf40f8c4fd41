"""Readings from traces_bz* (32 rows, half correct, written in session 40 by helpers who never read the auditor and
read at once for tuning), each checked both ways: the wrong wording of the same kind is still caught, or the right
one still passes."""
from tests.audit.reading import audit as _audit


def _claims(report):
    return [(c.record.kind, c.verdict.verdict) for st in report.steps for c in st.claims]


def test_a_retold_setup_names_no_announcement(ctxs):
    """"两个弟弟比她小" retells the setup ("我有两个弟弟"), not Cheryl's "我的两个弟弟同岁", so the list after it is
    still at the start (unreached there, so unchecked), while "她的两个弟弟同岁" names the third statement."""
    ctx = ctxs("cheryls_age.txt")
    setup = _audit(ctx, "乘积144，谢丽尔最大，两个弟弟比她小。所以剩(8,6,3)、(9,4,4)、(9,8,2)、(12,4,3)。")
    assert setup.steps[0].reached == 0
    twins = _audit(ctx, "谢丽尔说她的两个弟弟同岁。所以剩(9,4,4)。")
    assert twins.steps[0].reached == 3 and _claims(twins) == [("candidates", "entailed")]


def test_the_common_knowledge_of_a_silence_is_not_the_muddy_knowing(ctxs):
    """"每个孩子都看到了这一轮的沉默，也都知道别人看到了" says what everyone saw and knows of the others, not that the
    muddy ones already know their state; "每个有泥的孩子都已经知道自己有泥了" after one silence with three muddy still
    claims that (premature)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    lead = "父亲说至少有一个人有泥。第一次没有人站出来。\n\n"
    seen = _audit(ctx, lead + "这一点是**公共知识**：每个孩子都看到了这一轮的沉默，也都知道别人看到了。")
    assert seen.label == -1
    early = _audit(ctx, lead + "这时候每个有泥的孩子都已经知道自己有泥了。")
    assert early.label == 1


def test_one_layer_of_a_statement_removing_nothing_is_no_credit_to_it(ctxs):
    """"第一层是他自己不知道，这个没有排除任何东西" says one layer of Albert's statement removes nothing (true), not the
    whole statement (which removes March and May); "阿尔伯特的这句话没有排除任何东西" still credits the whole (false)."""
    ctx = ctxs("cheryl_variant.txt")
    lead = "阿尔伯特说：“我不知道谢丽尔的生日，但我知道伯纳德也不知道。”\n\n"
    layer = _audit(ctx, lead + "阿尔伯特的这句话其实包含了两层信息：第一层是他自己不知道，这个没有排除任何东西。")
    assert ("credit", "false") not in _claims(layer)
    whole = _audit(ctx, lead + "阿尔伯特的这句话没有排除任何东西。")
    assert ("credit", "false") in _claims(whole)


def test_being_certain_in_chinese_is_knowing_that(ctxs):
    """"阿尔伯特确信伯纳德不知道": Albert knows that Bernard does not know (his statement, true after it), not the
    bare "所以伯纳德不知道" (false at the start: Bernard knows with 13 or 20)."""
    ctx = ctxs("cheryl_variant.txt")
    sure = _audit(ctx, "阿尔伯特确信伯纳德不知道。")
    assert _claims(sure) == [("knowledge", "entailed")]
    assert _claims(_audit(ctx, "所以伯纳德不知道。")) == [("knowledge", "false")]


def test_the_unique_days_in_chinese_are_the_singletons(ctxs):
    """"唯一的日子只有13日" names the days that occur once (13 and 20 in the variant: false); "唯一的日子是13日和20日"
    is true; "唯一的日期是4月17日" (the one date) is no singleton claim."""
    ctx = ctxs("cheryl_variant.txt")
    assert _claims(_audit(ctx, "所以唯一的日子只有13日，它在3月。")) == [("singletons", "false")]
    assert _claims(_audit(ctx, "唯一的日子是13日和20日。")) == [("singletons", "entailed")]
    assert "singletons" not in [k for k, _ in _claims(_audit(ctx, "唯一的日期是4月17日。"))]


def test_a_sure_column_is_what_its_agent_says_he_is_sure_of(ctxs):
    """"| Month | Days … | Can Ali be sure? |": Ali sure that Bo doesn't know, judged before Ali says it (his statement
    is that): "| April | 17 (July), 18 (March) | yes |" is false (April 28 occurs once), "| June | … | no |" true."""
    ctx = ctxs("cheryl_cam.txt")
    table = ("| Month | Days, and where else they occur | Can Ali be sure? |\n|---|---|---|\n"
             "| April | 17 (July), 18 (March) | yes |\n| June | 16 (July), 29 (nowhere else) | **no** |")
    report = _audit(ctx, table)
    assert [v for k, v in _claims(report) if k == "case knowledge"] == ["false", "entailed"]
    assert report.label == 0


def test_a_sum_column_named_with_a_note_adds_up_its_row(ctxs):
    """"| 谢丽尔 | 大弟 | 小弟 | 年龄之和（车号） |": each row's last cell is the sum of its ages, so "| 12 | 4 | 3 | 18 |"
    is an arithmetic slip among rows that add up."""
    ctx = ctxs("cheryls_age.txt")
    rows = ["| 144 | 1 | 1 | 146 |", "| 72 | 2 | 1 | 75 |", "| 48 | 3 | 1 | 52 |", "| 36 | 4 | 1 | 41 |"]
    head = "乘积是144的组合：\n\n| 谢丽尔 | 大弟 | 小弟 | 年龄之和（车号） |\n|---|---|---|---|\n"
    slip = _audit(ctx, head + "\n".join(rows + ["| 12 | 4 | 3 | 18 |"]))
    assert ("arithmetic", "false") in _claims(slip) and slip.label == 1
    right = _audit(ctx, head + "\n".join(rows + ["| 12 | 4 | 3 | 19 |"]))
    assert ("arithmetic", "false") not in _claims(right)


def test_clearing_out_a_class_credits_the_statement(ctxs):
    """"Alice's announcement already clears out every triple with a repeated number": a credit to Alice's statement
    (premature: the repeated triples go with Carol's and Bob's), as "rules out" is; credited to Carol's, true."""
    ctx = ctxs("what_sum.txt")
    alice = _audit(ctx, "Alice's announcement already clears out every triple with a repeated number.")
    assert _claims(alice) == [("credit", "premature")]
    carol = _audit(ctx, "Carol's announcement rules out every triple with a repeated number.")
    assert _claims(carol) == [("credit", "entailed")]


def test_what_remains_named_before_the_term_lists_its_values(ctxs):
    """"What remains are the odd sums up to 53 with s − 2 composite: 11, 17, …": the sums left after S's statement,
    read as the sum's candidates (with 51 wrongly kept: false; without it, true)."""
    ctx = ctxs("impossible.txt")
    lead = 'S says: "I knew that you couldn\'t." What remains are the odd sums up to 53 with s − 2 composite: '
    wrong = _audit(ctx, lead + "11, 17, 23, 27, 29, 35, 37, 41, 47, 51, 53.")
    assert ("candidates", "false") in _claims(wrong)
    right = _audit(ctx, lead + "11, 17, 23, 27, 29, 35, 37, 41, 47, 53.")
    assert ("candidates", "entailed") in _claims(right)


def test_a_line_labelled_by_its_count_is_that_case_to_its_end(ctxs):
    """'- k = 2: each muddy child sees exactly 1 muddy face; given "≥1 muddy", … they know right after the father
    speaks': with two muddy the muddy ones know at the first question (false: only after a silence), the label
    holding past the semicolon and "right after the father speaks" the first question; "after the first silence"
    there is true."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    line = '- k = 2: each muddy child sees exactly 1 muddy face; given "≥1 muddy", they know {}.'
    early = _audit(ctx, line.format("right after the father speaks"))
    assert ("case knowledge", "premature") in _claims(early)
    late = _audit(ctx, line.format("after the first silence"))
    assert ("case knowledge", "entailed") in _claims(late) and late.label == -1


def test_an_adverb_between_a_claim_and_its_after_keeps_the_date(ctxs):
    """"the spades are gone entirely after P's first line": dated by the "after" past "entirely" (premature there:
    ♠4 survives P's first line); "the aces are gone entirely after P's first line" is false there too, and "the
    spades are gone entirely after Q's statement" true."""
    ctx = ctxs("card16.txt")
    lead = "P says he doesn't know. Q says he knew that. "
    assert _claims(_audit(ctx, lead + "The spades are gone entirely after P's first line.")) == [
        ("knowledge", "entailed"), ("exclusion", "premature")]
    assert ("exclusion", "entailed") in _claims(_audit(ctx, lead + "The spades are gone entirely after Q's statement."))


def test_a_knowing_two_clauses_after_a_supposition_is_its_consequent(ctxs):
    """"If the suit were hearts, P would still be looking at three cards, ♥A, ♥Q and ♥4, so he couldn't know": the
    supposition leads to P not knowing (false where P says he now knows: he holds the rank, and with Q or 4 he
    knows)."""
    ctx = ctxs("card16.txt")
    lead = ("P says he doesn't know.\n\nQ says he knew that, so only hearts and diamonds are left.\n\n"
            "Now P says he knows.\n\n")
    hearts = _audit(ctx, lead + "If the suit were hearts, P would still be looking at three cards, ♥A, ♥Q and ♥4, "
                                "so he couldn't know.")
    found = [c for st in hearts.steps for c in st.claims if c.record.kind == "hypothetical"]
    assert [(c.formula, c.verdict.verdict) for c in found] == [("suit = hearts implies (not P knows card)", "false")]
