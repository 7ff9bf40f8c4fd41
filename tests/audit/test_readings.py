"""How the auditor reads natural model text: one hand-written minimal case per failure class of issue 18
(scope, alignment, restatements, headlines, rejected ideas, answers and arithmetic), and the natural
tuning split (tests/data/natural, rows with split "tune" only) with no false alarm on a correct trace."""
import json

import pytest

from epistemic.audit import audit_trace
from epistemic.audit.claims import ClaimMemo, extract_records
from epistemic.audit.records import CERTAIN, HEDGED, PURPOSE, REJECTED, REPORTED
from tests.paths import ROOT


def records(ctx, sentence):
    return extract_records(ctx.lexicon, sentence, False, ClaimMemo())


def sources(ctx, sentence):
    from epistemic.language.printer import formula_source
    return [(formula_source(r.claim(ctx.lexicon).formula, ctx.puzzle), r.certain) for r in records(ctx, sentence)]


# ---------------------------------------------------------------- scope


def test_from_the_month_alone_is_the_source_not_the_object(ctxs):
    """The month is what Albert knows from (he holds it), not what he cannot know."""
    ctx = ctxs("cheryl.txt")
    assert sources(ctx, "Every month has more than one date, so Albert can't know from the month alone.") == [
        ("not Albert knows date", True), ("Albert knows month", True)]


def test_purpose_clause_is_not_an_assertion(ctxs):
    ctx = ctxs("cheryl.txt")
    rs = records(ctx, "For Albert to be certain Bernard doesn't know, his month must not contain a unique day.")
    assert rs and all(r.reading == PURPOSE and not r.certain for r in rs)


def test_could_know_is_not_read_as_a_claim(ctxs):
    assert records(ctxs("cheryl.txt"), "Bernard could know the date.") == []


def test_chinese_negation_before_know_is_kept(ctxs):
    assert sources(ctxs("card16.txt"), "P先生不能从点数知道是哪张牌。") == [("not P knows card", True)]


def test_hypothetical_is_attached_to_the_agent_of_its_antecedent(ctxs):
    ctx = ctxs("cheryl.txt")
    ctx.memo.sentences.clear()
    found = records(ctx, "Albert is sure. If Bernard had 19, he would know the date.")
    assert [r.kind for r in found][-2:] == ["hypothetical", "told"]  # (Bernard holds a day: he is told the day)
    assert "Bernard knows date" in sources(ctx, "If Bernard had 19, he would know the date.")[0][0]


def test_hypothetical_about_an_eliminated_value_is_not_vacuous(ctxs):
    ctx = ctxs("cheryl.txt")
    # After Bernard's statement (stage 2) May is gone; "if it were May 19, Bernard would NOT know" is false
    # at the last stage where May 19 was possible, not vacuously true at stage 2.
    trace = ("Albert says: “I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.”\n\n"
             "Bernard says: “At first I didn't know when Cheryl's birthday is, but I know now.”\n\n"
             "If the date were May 19, Bernard would not know the date.\n")
    r = audit_trace(ctx.puzzle, trace, context=ctx)
    (c,) = r.steps[2].claims
    # judged false; a hypothetical is a weak kind (docs/audit.md, "Evidence"): wrong alone only with a wrong answer
    assert c.verdict.verdict == "false" and c.evidence == "uncorroborated" and r.label == -1
    r = audit_trace(ctx.puzzle, trace + "\nFinal answer: May 19.\n", context=ctx)
    assert r.steps[2].claims[0].evidence == "corroborated" and r.label == 2


def test_hedges_and_questions_are_uncertain(ctxs):
    ctx = ctxs("card16.txt")
    assert all(r.reading == HEDGED for r in records(ctx, "The card might be the 5 of diamonds."))
    assert records(ctx, "Is the rank 4?") and not any(r.certain for r in records(ctx, "Is the rank 4?"))


def test_rejected_idea_is_not_the_writers_claim(ctxs):
    ctx = ctxs("card16.txt")
    rs = records(ctx, "At first I thought the suit could be spades, but the J of spades rules it out.")
    assert rs and all(r.reading == REJECTED for r in rs if r.start < 40)


def test_reported_speech_is_not_a_claim_about_the_stage(ctxs):
    rs = records(ctxs("card16.txt"), "The dialogue: P says he doesn't know.")
    assert rs and all(r.reading == REPORTED for r in rs)


# ---------------------------------------------------------------- alignment and stages


CHERYL_HEADINGS = """### Step 1: Albert's statement

Albert said he didn't know but was sure Bernard didn't either, so the month is July or August.

### Step 2: Bernard's statement

Bernard: "At first I don't know, but now I know." So the date is July 16, August 15 or August 17.

### Step 3: Albert's last statement

Albert now knows, so the month is July and the birthday is July 16.

**Final Answer:** July 16
"""


def test_headings_and_paraphrases_move_the_stage(ctxs):
    ctx = ctxs("cheryl.txt")
    r = audit_trace(ctx.puzzle, CHERYL_HEADINGS, context=ctx)
    assert r.label == -1 and r.final_answer_correct, [(st.stage, st.reached, st.label) for st in r.steps]
    assert [st.reached for st in r.steps][-1] == 3


def test_restated_candidate_sets_are_judged_at_their_stage(ctxs):
    ctx = ctxs("cheryl.txt")
    trace = CHERYL_HEADINGS.replace("**Final Answer:** July 16",
                                    "After Albert's statement the options were July 14, 16; August 14, 15, 17.\n\n"
                                    "**Final Answer:** July 16")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == -1


def test_answer_first_headline_is_not_premature(ctxs):
    ctx = ctxs("cheryl.txt")
    r = audit_trace(ctx.puzzle, "**Cheryl's birthday is July 16.**\n\n" + CHERYL_HEADINGS, context=ctx)
    assert r.label == -1 and r.steps[0].label == 0 and r.steps[0].claims[0].record.reading == "answer headline"


def test_premature_claim_with_a_later_cue_is_an_error(ctxs):
    ctx = ctxs("cheryl.txt")
    trace = ("Albert says: “I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.”\n\n"
             "So the birthday is July 16.\n\n"
             "Bernard says: “At first I didn't know when Cheryl's birthday is, but I know now.”\n\n"
             "Albert says: “Then I also know when Cheryl's birthday is.”\n")
    r = audit_trace(ctx.puzzle, trace, context=ctx)
    assert r.label == 1 and r.steps[1].claims[0].verdict.verdict == "premature"
    # without any later cue for the stage where it holds, the alignment may be at fault: unchecked, not wrong
    short = audit_trace(ctx.puzzle, trace.split("\n\nBernard")[0], context=ctx)
    assert short.label == -1 and short.steps[1].unchecked == ("stage not reached by any cue",)


def test_kept_eliminated_value_is_an_error(ctxs):
    ctx = ctxs("cheryl.txt")
    trace = ("Albert says: “I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.”\n\n"
             "Bernard says: “At first I didn't know when Cheryl's birthday is, but I know now.”\n\n"
             "So the date is July 14, July 16, August 15 or August 17.\n")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == 2


# ---------------------------------------------------------------- answers and arithmetic


def test_arithmetic_slip_is_false_and_right_sums_hold(ctxs):
    ctx = ctxs("sum_product.txt")
    r = audit_trace(ctx.puzzle, "4 + 13 = 17 and 4 × 13 = 52.\n\nThen 5 + 26 = 29.\n", context=ctx)
    assert r.labels == [1, -1]
    assert r.steps[1].claims[0].verdict.counterexample["explanation"] == "5 + 26 = 31 and 29 = 29"


def test_factor_pair_shorthand_is_not_a_slip(ctxs):
    ctx = ctxs("sum_product.txt")
    (r,) = records(ctx, "42 → 2·21 = 23, so 23 is a sum in the list.")[:1]
    assert r.kind == "arithmetic" and not r.certain


@pytest.mark.parametrize("text,answer,right", [
    ("So exactly two children are muddy.\n\nThe two muddy children step forward in round 2.", 2, True),
    ("Answer: 3", 3, False),
    ("答案：2", 2, True),
])
def test_muddy_children_answers(ctxs, text, answer, right):
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    r = audit_trace(ctx.puzzle, text, context=ctx)
    assert r.final_answer == ((answer,),) and r.final_answer_correct == right


def test_sum_and_product_answer_forms(ctxs):
    ctx = ctxs("sum_product.txt")
    for text in ("The numbers are 4 and 13.", "**Final Answer:** (4, 13)", "x = 4, y = 13"):
        assert audit_trace(ctx.puzzle, text, context=ctx).final_answer_correct, text


def test_certain_readings_are_the_named_ones():
    assert {"formula", "value list", "knowledge phrase", "answer", "arithmetic"} <= CERTAIN
    assert not {HEDGED, PURPOSE, REJECTED, REPORTED} & CERTAIN


# ---------------------------------------------------------------- the natural tuning split


def _tune_rows():
    rows = []
    for path in sorted((ROOT / "tests" / "data" / "natural").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("split") == "tune"]


def _gold_step(report, text, quote):
    if not quote:
        return -1
    at = text.index(quote)
    return next(st.index for st in report.steps if st.start <= at < st.end)


# Error traces of the tuning split whose first error the auditor finds exactly (bench/audit_f1.py --detail tune).
FOUND = {"card16-gemini-error-06", "card16-qwq-zh-error-09", "card16-r1-error-05", "card16-r1-error-14",
         "card16-zh-gpt4o-error-12", "cheryl-claude-error-08", "cheryl-gpt4o-error-09", "cheryl-qwq-zh-error-13",
         "cheryl-r1-error-05", "imp-answer-first-final-01", "imp-qwq-zh-arith-01", "md-gpt4o-steps-final-01",
         "md-qwen-terse-zh-credit-01", "sp-r1-think-arith-01", "variant-claude-error-09",
         # session 7: unique splits, "only in" table rows, "is out / removed", "Q now knows"
         "c2-imp-gemini-terse-wrongelim-09", "card16-gpt4o-error-g1-03", "cheryl-qwen3-zh-error-g3-16",
         "cheryl_cam-r1-error-g3-24", "cheryl_variant-qwq-zh-error-g1-20", "cheryl_variant-r1-error-g3-17",
         "imp-gemini-terse-elim-nosolution", "impossible-o3-summary-g4-18", "sp-qwq-zh-wrongelim-f2-03",
         "sum_product-claude-markdown-error-h2-04", "sum_product-r1-error-wrongelim-g2-06",
         "sumprod-o1-wrong-elimination-07",
         # session 10 (traces_o* opened): "sum 35 (= 4 + 31) is ruled out", "knocked out … by P's", "Third, S declares"
         "o1-variant-gpt4o-droppedjune19", "o2-sp-08-gpt4o-wrongelim", "o2-imp-06-r1-wrongcredit",
         "o2-imp-09-answerfirst-wrongagent",
         "p2-sum_product-gpt4o-steps-wrong-elimination-04",  # "both 2 and 51 are prime"
         "p1-cheryl-claude-markdown-wrong-elimination-10", "p2-card16-claude-markdown-wrong-elimination-25",  # "→ 排除"
         "o1-cam-qwqzh-wrongelim", "o2-sp-09-zh-terse-wrongcredit",
         "cheryl_variant-gpt5-error-j1-22", "c2-muddy-r1-think-premature-08",  # dated by a list, by "— … already pins"
         "sum-product-o1-summary-g4-08", "cheryl_cam-gpt4o-error-j1-27", "n2-mu-gpt4o-wrongfinal-07",  # answer concluded
         "sum_product-kimi-error-h2-09", "sum-product-qwq-zh-error-credit-i2-08",  # sums of two primes, credited
         "o2-imp-10-claude-wrongelim",  # "So 53 dies too." under the sums
         "card16-answer-first-error-f1-04", "sp-gpt4o-premature-f2-05",  # "must therefore be", "must already be"
         "impossible-o1-summary-error-h2-17",  # "… and 124 can only be written as 4 × 31" after "the odd sums left"
         "p1-cheryl_cam-qwq-zh-wrong-elimination-18",
         # traces_r*, opened in session 11 (found blind by the session-start code, then by this session's readings)
         "r1-card16-gpt4o-steps-error-05", "r1-card16-qwq-zh-error-08", "r1-cheryl-gpt4o-steps-error-16",
         "r1-cheryl-qwq-zh-error-14", "r1-cheryl_cam-claude-markdown-error-28", "r1-cheryl_cam-gemini-terse-error-29",
         "r1-cheryl_variant-o1-summary-error-23", "r1-cheryl_variant-r1-think-error-21",
         "r2-impossible-answer-first-error-16", "r2-muddy-gpt4o-steps-error-26", "r2-muddy-o1-summary-error-28",
         "r2-sum_product-o1-summary-error-07", "r2-sum_product-qwq-zh-error-09",
         "r1-card16-claude-markdown-error-07", "r2-sum_product-gpt4o-steps-error-10",  # recap tables of credits
         "r1-cheryl_variant-gpt4o-steps-error-22",  # "Cheryl's birthday is **July 16**" where no month is July
         "r1-card16-r1-think-error-06",  # "the candidates are hearts and diamonds: ♥A, ♥Q, ♥4, ♦5": the cards
         "r2-sum_product-gpt4o-steps-error-06",  # "- **29**: … 29 is out" under the sums named before the list
         "r2-impossible-qwq-zh-error-20",  # "把和为19的情况全部排除了"
         "r1-cheryl-r1-think-error-13",  # "Albert is holding the day number"
         "sumprod-qwqzh-premature-08", "impossible-gemini-zh-premature-28",  # a Chinese premise read word for word
         "r2-sum_product-claude-markdown-error-08", "sum-product-r1-think-g4-06",  # "both of them know"
         "m2-imp-gemini-premature-09",  # a recap line dates what it says "at this point"
         # session 13 (traces_v* opened): an agent holding another's variable, recap lists, "，还有", 划掉, labels
         "cheryl-cam-gpt4o-steps-wrong-agent-h1-28", "v1-card16-qwq-zh-error-06", "v1-cheryl-qwq-zh-error-14",
         "v1-card16-gemini-terse-error-08", "v1-cheryl_variant-qwq-zh-error-23", "v1-cheryl-claude-markdown-error-16",
         "r1-cheryl-answer-first-error-15", "s1-card16-qwq-zh-error-02",
         # traces_w* (opened in session 13): 保证 / 敢断言, singletons strong, who was told judged at the start
         "variant-qwq-zh-error-13", "cheryl-cam-qwq-zh-premature-h1-26", "m1-variant-qwq-zh-kept-01",
         "w1-card16-gpt4o-steps-error-03", "w1-card16-r1-think-error-08", "w1-cheryl-qwq-zh-error-10",
         "w1-cheryl_variant-o1-summary-error-23", "w2-impossible-gpt4o-steps-error-17", "w2-impossible-qwq-zh-error-18",
         "r2-muddy-qwq-zh-error-29",  # "两个干净的孩子就知道自己是干净的了" one silence early
         "q2-muddy-gpt4o-steps-error-29",  # the setup retold to the last announcement is no progress
         "impossible-r1-think-error-h2-11", "sum_product-claude-markdown-error-l2-10",  # "S knew P couldn't" aligned
         "m2-imp-r1-credit-06", "q1-cheryl-o1-summary-error-13",  # "P saying … eliminates", "<statement> → … out"
         "cam-claude-md-error-wrongcredit-e1-30",  # a recap row named by its speaker's words, asides skipped
         "impossible-claude-markdown-error-kept-i2-19",  # "… 51, 53. … so 51 stays": a sum kept
         "variant-qwen-error-03",  # the answer naming no world, where first concluded
         "muddy-qwq-zh-error-k2-22", "muddy-kimi-zh-error-l2-26", "p2-muddy-qwq-zh-wrong-credit-20",  # "正好有三个"
         "muddy-claude-thinking-error-final-i2-30",  # "the number of muddy children is the number of rounds plus one: three"
         # traces_s*, opened at the end of session 11 (found blind)
         "s1-cheryl-claude-markdown-error-14", "s1-cheryl-gemini-terse-error-12", "s1-cheryl-o1-summary-error-15",
         "s1-cheryl-r1-think-error-09", "s1-cheryl_cam-o1-summary-error-30", "s1-cheryl_cam-r1-think-error-24",
         "s1-cheryl_variant-gemini-terse-error-22", "s2-impossible-answer-first-error-20", "s2-muddy-r1-think-error-26",
         "s2-sum_product-gpt4o-steps-error-06",
         # traces_t*, opened at the start of session 12 (found blind)
         "t1-card16-gpt4o-steps-error-04", "t1-card16-qwq-zh-error-05", "t1-card16-claude-markdown-error-06",
         "t1-cheryl_variant-r1-think-error-21", "t1-cheryl_variant-o1-summary-error-23",
         "t1-cheryl_cam-claude-markdown-error-28", "t1-cheryl_cam-answer-first-error-29",
         "t2-sum_product-r1-think-error-06", "t2-sum_product-gpt4o-steps-error-08", "t2-sum_product-qwq-zh-error-09",
         "t2-impossible-answer-first-error-18", "t2-impossible-gpt4o-steps-error-19", "t2-muddy-o1-summary-error-25",
         # session 12's readings (tests/audit/test_opened_t.py)
         "t1-cheryl-r1-think-error-15",  # "the classic confusion is to think the answer is August 17": rejected
         "t1-cheryl_cam-gemini-terse-error-30", "r2-impossible-gemini-terse-error-19",  # a worked outline
         "t1-cheryl-qwq-zh-error-13", "o1-cam-qwqzh-premature",  # "7月16日": 日 is a known word
         "t1-cheryl_cam-r1-think-error-27",  # "So Bo's day is 18 or 17:" then the list
         "o1-variant-r1-keptmay", "t1-cheryl-gpt4o-steps-error-12", "t1-cheryl_variant-gpt4o-steps-error-22",  # seen once
         "t1-cheryl-claude-markdown-error-14",  # "| 2 | Albert | …" under "| # | Speaker | Statement |"
         "s1-cheryl_cam-gpt4o-steps-error-28",  # "July still has two dates, so Ali would not know": a case
         "q2-impossible-answer-first-error-17", "s1-card16-gpt4o-steps-error-07",  # "Mr. P holds the sum", ", who was told"
         "n2-im-o1-wrongelim-10",  # "I also removed 29" under the sums
         "variant-gemini-error-14",  # "**Bernard** — didn't know, now knows →": a dash after the speaker
         "t2-impossible-qwq-zh-error-20",  # "P 这句话一说，和 ≥ 55 的情况就都排除了": a bound's cases, credited
         "n2-im-gpt4o-arith-07", "r2-impossible-r1-think-error-17",  # "- 47 − 2 = 43" after a bullet; "on S's list"
         "cheryl-gemini-error-06",  # '**2. Albert:** "At first I didn't know, but now I know"': a label, then speech
         "q1-cheryl_cam-claude-markdown-error-26", "r1-cheryl_cam-r1-think-error-30",  # "| Eliminated by |", "we have:"
         "impossible-qwq-zh-premature-j2-06",  # "和为10（3+7）的情况已经全部去掉了"
         # traces_u*, opened at the end of session 12 (20 found blind; the last three after its readings)
         "u1-card16-gpt4o-steps-error-05", "u1-card16-qwq-zh-error-06", "u1-card16-answer-first-error-07",
         "u1-card16-gemini-terse-error-08", "u1-cheryl-claude-markdown-error-13", "u1-cheryl-r1-think-error-14",
         "u1-cheryl_variant-r1-think-error-21", "u1-cheryl_variant-o1-summary-error-23", "u1-cheryl_cam-qwq-zh-error-27",
         "u1-cheryl_cam-answer-first-error-30", "u2-sum_product-gpt4o-steps-error-06", "u2-sum_product-r1-think-error-07",
         "u2-sum_product-o1-summary-error-09", "u2-impossible-r1-think-error-17", "u2-impossible-gemini-terse-error-18",
         "u2-impossible-qwq-zh-error-19", "u2-impossible-gpt4o-steps-error-20", "u2-muddy-gpt4o-steps-error-27",
         "u2-muddy-o1-summary-error-28", "u2-muddy-qwq-zh-error-29",
         "u1-cheryl-qwq-zh-error-16",  # "…只出现一次，也就是18或19": the values with the property
         "u2-sum_product-claude-markdown-error-10",  # "Mr. S was holding 17": what S observes, not a candidate
         "u2-muddy-gpt4o-steps-error-30",  # "If exactly three were muddy": a supposition concludes no answer
         # traces_x*, opened at the start of session 14 (14 found blind; the rest after its readings), and two older
         # rows found by its readings ("… so P would know" on a pair's line)
         "x1-card16-gemini-terse-error-06", "x1-card16-gpt4o-steps-error-04", "x1-card16-gpt4o-steps-error-08",
         "x1-card16-qwq-zh-error-02", "x1-cheryl-claude-markdown-error-12", "x1-cheryl-o1-summary-error-10",
         "x1-cheryl-qwq-zh-error-09", "x1-cheryl-r1-think-error-11", "x1-cheryl_cam-gemini-terse-error-26",
         "x1-cheryl_cam-gpt4o-steps-error-25", "x1-cheryl_variant-claude-markdown-error-22", "x1-cheryl_variant-gpt4o-steps-error-18",
         "x1-cheryl_variant-o1-summary-error-20", "x1-cheryl_variant-r1-think-error-17", "x2-impossible-gemini-terse-error-20",
         "x2-impossible-gpt4o-steps-error-17", "x2-impossible-qwq-zh-error-18", "x2-muddy-gpt4o-steps-error-28",
         "x2-sum_product-answer-first-error-10", "x2-sum_product-gpt4o-steps-error-06", "o2-sp-06-r1-keptelim",
         "w2-sum_product-r1-think-error-07",
         # traces_z*, opened at the start of session 15 (16 found blind; the other four after its readings: "P先生手里的
         # 信息是花色", "三个孩子额头上都有泥", a recap list after the right answer, "he'd have two options left")
         "z1-card16-qwq-zh-error-02", "z1-card16-r1-think-error-15", "z1-cheryl-r1-think-error-07",
         "z1-cheryl_cam-r1-think-error-13", "z1-cheryl_variant-qwq-zh-error-05", "z1-cheryl_variant-r1-think-error-19",
         "z1-impossible-answer-first-error-23", "z1-impossible-qwq-zh-error-09", "z1-muddy-qwq-zh-error-18",
         "z1-muddy-r1-think-error-04", "z1-sum_product-gpt4o-steps-error-16", "z1-sum_product-qwq-zh-error-24",
         "z1-sum_product-r1-think-error-10", "z2-card16-answer-first-error-08", "z2-card16-gemini-terse-error-10",
         "z2-card16-gpt4o-steps-error-06", "z2-cheryl-r1-think-error-04", "z2-cheryl_cam-gpt4o-steps-error-12",
         "z2-cheryl_variant-gpt4o-steps-error-16", "z2-impossible-gpt4o-steps-error-25",
         "z2-cheryl_cam-gemini-terse-error-14",  # "| ① 阿里 | …以及两个19号 |": a recap row named by number and speaker
         "z2-sum_product-claude-markdown-error-20",  # "| 41 | 37 |" under "| s | s − 2 |": a computed column
         "y1-consecutive-r1-think-error-18",  # "For a = 0 only b = 1; …" a case, not the stage's values
         "y1-muddy-qwq-zh-error-24",  # "只有一个孩子有泥的三种情况 … 都被排除": cases excluded, not the count
         "y2-what_sum-claude-markdown-error-30",  # "此时 b ≠ c 且 a ≠ c，所以三个数已经两两不同了": a ≠ b claimed early
         # traces_aa*, opened at the end of session 15 (11 found blind at both its scores)
         "aa1-card16-gemini-terse-error-11", "aa1-card16-gpt4o-steps-error-09", "aa1-cheryl-gpt4o-steps-error-03",
         "aa1-cheryls_age-o1-summary-error-27", "aa1-sum_product-claude-markdown-error-14",
         "aa2-card16-gpt4o-steps-error-13", "aa2-cheryl_cam-claude-markdown-error-08",
         "aa2-cheryl_variant-qwq-zh-error-04", "aa2-impossible-r1-think-error-17", "aa2-sum_product-o1-summary-error-22",
         "aa2-sum_product-qwq-zh-error-21",
         # traces_ab*, opened at the end of session 15 (14 found blind at both its scores)
         "ab1-card16-answer-first-error-14", "ab1-cheryl-gpt4o-steps-error-03", "ab1-cheryl-qwq-zh-error-02",
         "ab1-cheryl_variant-o1-summary-error-09", "ab1-impossible-answer-first-error-21",
         "ab1-impossible-r1-think-error-20", "ab1-sum_product-qwq-zh-error-16", "ab2-card16-answer-first-error-10",
         "ab2-card16-r1-think-error-11", "ab2-cheryl-claude-markdown-error-07", "ab2-cheryl_cam-qwq-zh-error-03",
         "ab2-cheryl_cam-r1-think-error-02", "ab2-impossible-gpt4o-steps-error-19", "ab2-muddy-qwq-zh-error-22",
         # traces_ac*, opened in session 16 (16 found blind by the start code; five more with this session's readings)
         "ac1-card16-answer-first-error-16", "ac1-card16-claude-markdown-error-15", "ac1-cheryl-gpt4o-steps-error-03",
         "ac1-cheryl-qwq-zh-error-02", "ac1-cheryl_variant-gemini-terse-error-10",
         "ac1-cheryl_variant-qwq-zh-error-11", "ac1-consecutive-o1-summary-error-30",
         "ac1-impossible-gemini-terse-error-23", "ac1-impossible-r1-think-error-22",
         "ac1-sum_product-qwq-zh-error-18", "ac2-card16-gpt4o-error-04", "ac2-card16-qwqzh-error-02",
         "ac2-cheryl-gpt4o-error-04", "ac2-cheryl-qwqzh-error-02", "ac2-cherylvar-r1think-error-02",
         "ac2-impossible-qwqzh-error-03", "ac2-impossible-r1think-error-02", "ac2-muddy-qwqzh-error-02",
         "ac2-sumprod-qwqzh-error-03", "ac2-whatsum-claude-error-02", "ac2-whatsum-qwqzh-error-03",
         # traces_ad*, opened in session 17 (14 found blind by the start code; more with this session's readings)
         "ad1-cheryl-qwq-zh-error-02", "ad1-cheryl-gpt4o-steps-error-03", "ad1-card16-r1-think-error-06",
         "ad1-card16-claude-markdown-error-09", "ad1-sum_product-claude-markdown-error-12", "ad1-muddy-qwq-zh-error-16",
         "ad1-cheryl_cam-o1-summary-error-21", "ad1-impossible-qwq-zh-error-26", "ad1-impossible-o1-summary-error-27",
         "ad1-consecutive-r1-think-error-30", "ad2-cheryl-qwq-zh-error-03", "ad2-card16-gpt4o-steps-error-08",
         "ad2-card16-answer-first-error-10", "ad2-sum_product-o1-summary-error-12", "ad2-muddy-qwq-zh-error-16",
         "ad2-impossible-r1-think-error-22", "ad2-what_sum-r1-think-error-26", "ad2-cheryl-r1-think-error-01",
         "ad2-card16-r1-think-error-07", "ad2-sum_product-qwq-zh-error-13", "ad2-cheryl_variant-claude-markdown-error-19",
         "ad2-cheryl_variant-qwq-zh-error-20", "aa1-what_sum-qwq-zh-error-30", "aa2-what_sum-r1-think-error-30",
         "mu-zh-wrongcredit-params-f2-27",
         # session 17, connectives the evidence rule knows ("既然", "而且", "实际上", "we're left with", "as well")
         "ab2-sum_product-gpt4o-steps-error-15", "card16-qwq-zh-error-g3-02", "cheryl_cam-qwq-zh-premature-i1-27",
         "s2-sum_product-r1-think-error-07", "v1-cheryl-r1-think-error-13",
         # session 17: "we know" is no speaker's words; "after S's remark" is S's statement just reached
         "sum_product-claude-error-premature-g2-08", "card16-r1-kept-l1-02", "m1-cam-o1-premature-01",
         # traces_ae*, opened in session 18 (15 found blind; "(9,8,2)=17" among sums with this session's readings)
         "ae1-cheryl-r1-think-error-01", "ae1-cheryl-gpt4o-steps-error-03", "ae1-card16-qwq-zh-error-05",
         "ae1-card16-o1-summary-error-08", "ae1-sum_product-qwq-zh-error-11", "ae1-muddy-r1-think-error-19",
         "ae1-cheryl_cam-qwq-zh-error-22", "ae1-cheryl_cam-o1-summary-error-23", "ae1-cheryl_variant-r1-think-error-24",
         "ae2-cheryl-gpt4o-steps-error-02", "ae2-card16-gpt4o-steps-error-07", "ae2-sum_product-claude-markdown-error-11",
         "ae2-muddy-answer-first-error-20", "ae2-cheryl_variant-gpt4o-steps-error-23",
         "ae2-cheryls_age-answer-first-error-25", "ae2-what_sum-gemini-terse-error-27",
         # session 18: a column of what remains dated by its row's statement; a speaker's numbered label ("A2:")
         "muddy-n4k3-claude-markdown-error-h2-28", "o2-mud-06-r1-arith", "u1-cheryl-gemini-terse-error-15",
         # session 18: ranges, crossed sums, other subjects, counts after "也就是说", "restricted to", relations next
         # to Chinese characters, outline lines dated by their statement, "pins it down to"
         "ab1-muddy-qwq-zh-error-23", "ab2-consecutive-qwq-zh-error-26", "ad2-cheryls_age-gpt4o-steps-error-28",
         "ae1-sum_product-claude-markdown-error-12", "ae1-impossible-gpt4o-steps-error-16", "ae1-muddy-qwq-zh-error-18",
         "ae1-consecutive-r1-think-error-28", "ae1-what_sum-qwq-zh-error-30", "ae2-cheryl-answer-first-error-03",
         "ae2-cheryl_variant-qwq-zh-error-22", "ae2-cheryls_age-r1-think-error-26",
         "ae2-consecutive-o1-summary-error-30", "u2-impossible-answer-first-error-16",
         # traces_af*, opened in session 19 (11 found blind; with this session's readings a line labelled by the
         # knower's own value, a sum in a worked example, a column of "(12,6,2) → 19")
         "af1-card16-gemini-terse-error-05", "af1-card16-qwq-zh-error-02", "af1-cheryl-gpt4o-steps-error-06",
         "af1-cheryl_variant-claude-markdown-error-26", "af1-impossible-r1-think-error-18",
         "af1-sum_product-r1-think-error-10", "af2-card16-gemini-terse-error-07", "af2-card16-qwq-zh-error-06",
         "af2-cheryl-gpt4o-steps-error-04", "af2-cheryl-qwq-zh-error-02", "af2-impossible-r1-think-error-18",
         "af1-consecutive-answer-first-error-27", "af1-what_sum-gemini-terse-error-29",
         "af2-cheryls_age-r1-think-error-24",
         # session 19: when the muddy children would know under a supposed count ("… would know in round 2"), "this
         # silence doesn't rule anything out"
         "ad1-muddy-gpt4o-steps-error-17", "af2-muddy-r1-think-error-15", "muddy-qwq-zh-error-final-i2-27",
         "r2-muddy-r1-think-error-27", "s2-muddy-answer-first-error-27", "v2-muddy-gpt4o-steps-error-27",
         "w2-muddy-gpt4o-steps-error-26", "w2-muddy-r1-think-error-29",
         "m2-mud-qwqzh-premature-07", "n2-mu-qwqzh-wrongagent-08",  # a one-sentence retelling of the whole story
         # first is the puzzle restated (o2-mud-09-zh-terse-keptelim no longer, session 20: its outline "- 第1次沉默：…"
         # is now read line by line, so "第3次沉默之后，大家只知道至少有三个人有泥" is judged after the third silence,
         # where "at least three" holds; the error is the "only", which is not read)
         # session 19: a bound of the sum one statement early is strong evidence alone
         "af2-sum_product-gpt4o-steps-error-12", "af2-impossible-qwq-zh-error-20", "imp-r1-think-elim-01",
         "r2-impossible-claude-markdown-error-18", "t2-impossible-r1-think-error-16", "v2-impossible-qwq-zh-error-20",
         "x2-sum_product-qwq-zh-error-09", "af1-cheryl-qwq-zh-error-08",  # (and "不能说知道" is not knowing)
         "af2-muddy-gpt4o-steps-error-14", "md-qwq-zh-elim-01", "muddy-gpt4o-error-wrongelim-g2-04",
         "v2-muddy-qwq-zh-error-28",  # session 19: "removes every world with one muddy child", credited
         "ac2-muddy-r1think-error-04",  # "… in round 1 …, and it doesn't really rule anything out"
         "af2-sum_product-qwq-zh-error-11", "n2-im-qwqzh-kept-08", "q2-sum_product-answer-first-error-10",  # 51 kept
         "ac2-cherylsage-gpt4o-error-02",  # ("older than", "; the product is 144" no longer read first)
         "c1-variant-gemini-arith-28", "aa2-card16-claude-markdown-error-14",  # "Mar (2) + May (3) = 6", "| A | ✅ |"
         "aa1-cheryl-answer-first-error-05", "cheryl-r1-error-j1-15",  # a heading quote's speaker, "now I do"
         "ac1-cheryl-claude-markdown-error-05",  # "- **August**: two candidates left" is August's count
         # traces_ag*, opened in session 20 (14 found blind by the session-19 final code)
         "ag1-cheryl-qwq-zh-error-08", "ag1-sum_product-r1-think-error-10", "ag1-sum_product-claude-markdown-error-11",
         "ag1-muddy-qwq-zh-error-15", "ag1-impossible-qwq-zh-error-19", "ag1-cheryl_cam-answer-first-error-21",
         "ag1-cheryl_cam-gpt4o-steps-error-22", "ag1-cheryl_variant-gpt4o-steps-error-24",
         "ag2-cheryl-answer-first-error-04", "ag2-card16-r1-think-error-06", "ag2-card16-gpt4o-steps-error-07",
         "ag2-sum_product-r1-think-error-11", "ag2-cheryl_variant-qwq-zh-error-21",
         "ag2-consecutive-gemini-terse-error-29",
         "ag1-muddy-gpt4o-steps-error-14", "ag1-impossible-o1-summary-error-18",  # "is 1, 2, 3 or 4", "p = xy"
         "ag2-cheryl_variant-o1-summary-error-22",  # "unique within the 5: 14 → Apr 14 only; …" checks day by day
         "ag2-muddy-r1-think-error-15",  # "Case: exactly two muddy children. … would step forward in the first round"
         "ag2-cheryls_age-qwq-zh-error-25",  # "和9 + 8 + 2 = 18": a sum right after a Han character
         "s2-muddy-gemini-terse-error-29",  # "Let m be the number …": m named the count
         "u1-cheryl_variant-gpt4o-steps-error-22",  # "伯纳德的话之后可以确定生日就是6月12日": the writer's claim
         "s1-cheryl_variant-gpt4o-steps-error-17",  # '- "At first I don't know": … That eliminates March and May'
         "muddy-gemini-terse-zh-error-credit-i2-29", "m1-cam-qwq-zh-wrongcredit-01",  # "这句话/这就排除了…" after a
         "m2-mud-gemini-zh-credit-08", "muddy-claude-markdown-error-l2-30",  # quote; "| 第1轮沉默 | 恰好1个 |" rows
         "ab2-cheryls_age-gpt4o-steps-error-30",  # "Cheryl's brothers are both 4" are not Cheryl's age
         # under a list only sums can be
         # traces_ai*, opened in session 21 (14 found by the session-20 final code)
         "ai1-card16-r1-think-error-02", "ai1-card16-gpt4o-steps-error-04", "ai1-cheryl-gemini-terse-error-07",
         "ai1-sum_product-r1-think-error-11", "ai1-sum_product-o1-summary-error-13", "ai1-muddy-gpt4o-steps-error-17",
         "ai1-cheryl_cam-o1-summary-error-22", "ai1-cheryl_variant-r1-think-error-24",
         "ai2-cheryl-gpt4o-steps-error-03", "ai2-sum_product-gpt4o-steps-error-12", "ai2-muddy-r1-think-error-15",
         "ai2-muddy-gemini-terse-error-17", "ai2-cheryl_variant-qwq-zh-error-22",
         # (ai2-consecutive-qwq-zh-error-29, session 22: found by a misreading of "b = 0和b = 10" as two clauses; "只排除了
         # b = 0和b = 10", only those, is the error, unread)
         "ai1-what_sum-answer-first-error-30",  # "**答案：是，三个数互不相同。**": the answer and its meaning, a headline
         "ai2-cheryl_variant-r1-think-error-21",  # "If April, two options left", "2. Bernard now knowing …, leaving …"
         "ai2-cheryl-qwq-zh-error-02", "cam-qwq-zh-wrongelim-l1-02",  # "如果…，他就不能确定，所以8月17日也要排除"
         # traces_aj*, written and opened in session 21 (12 found at the session-21 start code)
         "aj1-card16-table-heavy-error-02", "aj1-sum_product-qwq-zh-error-12", "aj1-cheryl_cam-qwq-zh-error-22",
         "aj1-cheryl_variant-wandering-monologue-error-26", "aj2-cheryl-qwq-zh-error-02",
         "aj2-cheryl-claude-markdown-error-05", "aj2-card16-r1-think-error-08", "aj2-sum_product-qwq-zh-error-12",
         "aj2-muddy-wandering-monologue-error-17", "aj2-cheryl_variant-o1-summary-error-23",
         "aj2-cheryls_age-gemini-terse-error-25", "aj2-what_sum-terse-notes-error-28",
         "aj1-muddy-wandering-monologue-error-17", "aj2-cheryls_age-claude-markdown-error-26",  # "if I'm clean, there
         # are exactly two muddy" is the case's count; "ages whose product is 144" is no age
         "aj1-consecutive-r1-think-error-28",  # '安妮先说"我不知道你的数"' is Anne's, not Bill's (the next with the words)
         # traces_ak*, written in session 21, opened in session 22 (11 found at the session-22 start code)
         "ak1-card16-r1-think-error-04", "ak1-cheryl-qwq-zh-error-06", "ak1-sum_product-qwq-zh-error-11",
         "ak1-muddy-gemini-terse-error-16", "ak1-impossible-wandering-monologue-error-18",
         "ak1-cheryl_cam-r1-think-error-22", "ak2-cheryl-gpt4o-steps-error-04",
         "ak2-sum_product-terse-notes-error-12", "ak2-impossible-qwq-zh-error-15", "ak2-cheryls_age-qwq-zh-error-25",
         "ak2-consecutive-claude-markdown-error-29",
         # traces_ah*, written in session 19, blind at the start and end of sessions 19 to 21, opened in session 22 (17
         # found at the session-22 start code)
         "ah1-card16-gemini-terse-error-04", "ah1-cheryl-r1-think-error-07", "ah1-cheryl-o1-summary-error-09",
         "ah1-sum_product-qwq-zh-error-12", "ah1-muddy-answer-first-error-15", "ah1-impossible-r1-think-error-19",
         "ah1-cheryl_cam-o1-summary-error-22", "ah2-cheryl-gpt4o-steps-error-03", "ah2-cheryl-claude-markdown-error-05",
         "ah2-card16-answer-first-error-07", "ah2-sum_product-claude-markdown-error-13",
         "ah2-impossible-r1-think-error-15",
         "ah2-muddy-r1-think-error-20", "ah2-cheryl_variant-r1-think-error-22", "ah2-cheryls_age-qwq-zh-error-25",
         "ah2-what_sum-answer-first-error-28", "ah2-consecutive-gpt4o-steps-error-29",
         "ak1-what_sum-gemini-terse-error-30",  # "答案：330" answers a yes / no question with a count: wrong
         "ak2-card16-o1-summary-error-07",  # 'P's opening "I don't know" also rules out Q♥ and 4♥': a credit
         "ah1-what_sum-gemini-terse-error-30",  # "1. 爱丽丝…说不知道 → b ≠ c。至此三个数已两两不同。" (a labelled voice)
         "ak1-consecutive-answer-in-sentence-error-28",  # "This also takes care of b = 0 and b = 10"
         "ah1-cheryl_variant-r1-think-error-24",  # "so Bernard with 17 couldn't be sure → out" (17 only in April)
         "ah1-consecutive-claude-markdown-error-28", "ag2-what_sum-r1-think-error-27",  # "b = a ± 1", "… means …"
         "ah2-sum_product-r1-think-error-11", "ak2-sum_product-r1-think-error-11",  # "39, which is prime", "592 only
         "ab2-sum_product-r1-think-error-14",  # works as 16 × 37"
         "ah1-muddy-r1-think-error-17", "ah2-muddy-qwq-zh-error-18",  # "…, call it m.", "父亲这句话说完，…"
         # traces_al*, written in session 22, blind at its start and end, opened in session 23 (20 found at the
         # session-23 start code; al2-cheryl_variant-qwq-zh-correct-20 relabelled: a retracted slip is an error)
         "al1-card16-qwq-zh-error-01", "al1-card16-claude-markdown-error-03", "al1-cheryl-gpt4o-steps-error-07",
         "al1-sum_product-r1-think-error-09", "al1-sum_product-gpt4o-steps-error-12", "al1-muddy-qwq-zh-error-14",
         "al1-impossible-r1-think-error-18", "al1-cheryl_cam-o1-summary-error-22",
         "al1-cheryl_variant-claude-markdown-error-23", "al1-consecutive-gemini-terse-error-27",
         "al1-what_sum-o1-summary-error-29", "al2-cheryl-r1-think-error-02", "al2-cheryl-qwq-zh-error-03",
         "al2-card16-gpt4o-steps-error-06", "al2-sum_product-r1-think-error-10", "al2-muddy-o1-summary-error-16",
         "al2-impossible-qwq-zh-error-19", "al2-cheryl_variant-qwq-zh-correct-20",
         "al2-cheryl_variant-gpt4o-steps-error-22", "al2-cheryls_age-r1-think-error-24",
         "al2-cheryls_age-gemini-terse-error-25",
         "al2-what_sum-answer-first-error-28",  # "Yes — the three numbers are all different." as the headline
         "al1-cheryl-qwq-zh-error-06", "al2-sum_product-qwq-zh-error-11",  # "阿尔伯特只要看一下日子就能确定", "51 = 17 +
         "al2-muddy-r1-think-error-14", "al2-impossible-gpt4o-steps-error-18",  # 34，…所以51保留", "knows there are at
         "u2-sum_product-qwq-zh-error-08",  # least three muddy foreheads", "rules out every pair with x = y"
         "al1-cheryl_cam-qwq-zh-error-21", "al2-consecutive-gpt4o-steps-error-30",  # "波怎么能确定…呢？所以排除7月",
         # "Bill's number can't be 0 or 10"
         # traces_am*, written at the end of session 22, blind at its end and at this session's start, opened in session
         # 23 (16 found at the session-23 start code; with "| pair | sum |" and "was already excluded by" read, more)
         "ac2-sumprod-gpt4o-error-02", "ag1-consecutive-claude-markdown-error-28",
         "am2-cheryls_age-gpt4o-steps-error-24", "am2-consecutive-r1-think-error-30",  # "4. (12, 4, 3) → 18", "So no,"
         "am1-cheryl-claude-markdown-error-04", "am1-card16-r1-think-error-07", "am1-card16-gpt4o-steps-error-08",
         "am1-sum_product-answer-first-error-11", "am1-muddy-claude-markdown-error-15",
         "am1-cheryl_cam-r1-think-error-21", "am1-consecutive-qwq-zh-error-26",
         "am1-consecutive-claude-markdown-error-27", "am1-what_sum-gpt4o-steps-error-28",
         "am1-what_sum-claude-markdown-error-29", "am2-card16-gpt4o-steps-error-03",
         "am2-sum_product-claude-markdown-error-09", "am2-sum_product-o1-summary-error-11",
         "am2-muddy-claude-markdown-error-14", "am2-muddy-qwq-zh-error-15", "am2-impossible-answer-first-error-17",
         "am2-cheryl_variant-qwq-zh-error-20", "am2-what_sum-gpt4o-steps-error-27",
         "al1-muddy-r1-think-error-16", "al1-consecutive-r1-think-error-26",
         # traces_au* (written at the end of session 25, opened in session 26) and traces_ax* (written and opened in
         # session 26, on the puzzles least written about): their first errors found by the session-26 code
         "au1-cheryl-teacher-student-error-03", "au1-cheryl-zh-en-mix-error-04", "au1-cheryl_variant-qwq-zh-error-08",
         "au1-card16-gpt4o-steps-error-11", "au1-card16-o1-summary-error-12", "au1-sum_product-r1-think-error-15",
         "au1-muddy-very-short-error-20", "au1-impossible-o1-summary-error-24",
         "au1-consecutive-teacher-student-error-28", "au1-what_sum-qwq-zh-error-31",
         "au1-what_sum-gpt4o-steps-error-32", "au1-cheryls_age-table-first-error-35",
         "au1-cheryls_age-r1-think-error-36", "au1-cheryl_cam-candidate-bullets-error-39",
         "au1-cheryl_cam-claude-markdown-error-40", "ax1-islanders-gemini-terse-error-21",
         "ax1-sum_product_s_first-gpt4o-steps-error-25", "ax1-dining_cryptographers-r1-think-error-35",
         "ax1-what_sum-gpt4o-steps-error-40"}  # "would get the two muddy children
# stepping forward", "Similarly k = 6 needs …", "- b = 1: … So a = 2." (muddy-gpt4o-wrong-elimination-16, found by
# luck before through "the two muddy children would already have stepped forward" read as a count, is late since)


def test_tune_split_no_false_alarm_and_known_first_errors(ctxs):
    rows = _tune_rows()
    assert len(rows) >= 30
    alarms, missed, read = [], [], []
    for row in rows:
        ctx = ctxs(row["puzzle"], row.get("params") or None)
        report = audit_trace(ctx.puzzle, row["text"], context=ctx)
        gold = _gold_step(report, row["text"], row["gold"]["first_error_quote"])
        if gold == -1 and report.label != -1:
            alarms.append((row["id"], report.label))
        if row["id"] in FOUND and report.label != gold:
            missed.append((row["id"], gold, report.label))
        assert report.final_answer_correct == row["gold"]["final_answer_correct"] or row["id"] in ANSWER_MISSES, row["id"]
        if row["id"] in ANSWER_MISSES and report.final_answer_correct == row["gold"]["final_answer_correct"]:
            read.append(row["id"])
    assert {a for a, _ in alarms} <= KNOWN_ALARMS, alarms
    assert not missed, missed
    assert not read, f"answers read now, drop them from ANSWER_MISSES: {read}"


# Session 29: in a trace of 20 steps or more only the kinds of evidence.STRONG_IN_LONG weigh alone (scored blind on six
# fresh sets of long traces: 47 of 122 correct rows flagged before, 4 after, 25 then 21 of 58 first errors found). These
# first errors of long tuning rows were found by a kind that now needs a second signal there (a false candidate list,
# survival, exclusion or attribution, read right in these rows but misread in most fresh long ones).
LONG_TRACE_LOSSES = {
    "aa2-card16-claude-markdown-error-14", "ad2-card16-gpt4o-steps-error-08", "af2-sum_product-qwq-zh-error-11",
    "al1-card16-claude-markdown-error-03", "al1-cheryl-qwq-zh-error-06", "al1-consecutive-r1-think-error-26",
    "al2-cheryl-qwq-zh-error-03", "al2-cheryl-r1-think-error-02", "al2-sum_product-qwq-zh-error-11",
    "au1-sum_product-r1-think-error-15", "r2-impossible-r1-think-error-17", "sum-product-r1-think-g4-06",
    "x1-cheryl_variant-claude-markdown-error-22"}
FOUND -= LONG_TRACE_LOSSES
# Session 37: Cheryl's Age triples are read ("(8,6,3), (9,4,4), …"); this trace opens by retelling the dialogue up to
# "the brothers are the same age", which reaches the third statement, so its right list after the second ("So the
# candidates are (8,6,3), (9,4,4), (9,8,2), (12,4,3).") is judged after the third, and its wrong final answer
# corroborates it: flagged at step 5 instead of the answer.
FOUND -= {"ae2-cheryls_age-r1-think-error-26"}
# Session 57: "Round one, silence: … Round two, silence: … Round three, silence: …" names its rounds now (words as
# well as digits), so the step walks through three silences, a recap, and the clean children's knowing it closes on
# no longer weighs alone there; the same wrong claim is flagged at the trace's conclusion three steps later.
FOUND -= {"aj2-muddy-wandering-monologue-error-17"}
# Session 54: "every split of 17 has an ambiguous product, so S could be sure" is sure of P's ignorance, no longer read
# as S knowing the numbers; that misreading dated the next step after the whole dialogue, where "So S's sum is 17 and
# P's product is 52" was entailed. Now it is judged where the trace stands, before any statement, and the wrong final
# answer corroborates it: flagged a step before the answer.
FOUND -= {"aa2-sum_product-o1-summary-error-22"}


ANSWER_MISSES = {  # traces_aj*, opened in session 21: the count asked ("How many children are muddy?") is right, and
    # the writer's answer adds a wrong round ("3 …, and they step forward at the father's second question"), which the
    # gold label counts as a wrong final answer; its other 7 misjudged answers read ("⇒ July 16", "Yes — the sum is …")
    "aj2-muddy-gpt4o-steps-error-15", "aj2-muddy-wandering-monologue-error-17",
    # (and traces_cr*, opened in session 47: "3 children are muddy; they step forward at the fourth question"; the
    # tuning set ek*, session 57: "**Answer:** Three children are muddy, and they step forward together at the
    # **fourth** question")
    "cr1-muddy-o1-summary-error-12", "ek1-muddy-gemini-flash-thinking-error-10",
    # traces_ap* (correct rows written in session 24 to hunt false alarms, opened at once): answers not read yet, "So
    # yes: the sum is one of 3, 5, 15 or 17." after a "## Answer" heading (read in session 26, with "∴ July 16. (…)"),
    # a YAML summary's "{cheryl: 9}" and a JSON summary with a remark after it (session 25: "**July 16 (7/16)**" read,
    # dates written month/day; session 30: "So Cheryl is 9, and the bus is number 17", the bus's number no longer
    # taken for Cheryl's age)
    "ap3-whatsum-json-summary-correct-32",
    "ap3-cherylsage-yaml-summary-correct-35",
    # (traces_ax* (session 26): a headline "盲人无法确定自己帽子的颜色——红、白都有可能" lost to a closing step naming
    # white in one of its supposed cases; read in session 68, a supposed answer is no answer given)
    # traces_ax* and traces_ay* (session 26): a dining-cryptographers "NSA paid? No → 0." (session 27 read Russian
    # cards' "Cath holds card 6", "Card 6 is Cath's"; session 30 a drinking trace's "所以答案是：五位逻辑学家都要啤酒")
    "ay1-dining_cryptographers-gemini-terse-correct-30",
    # traces_bh* (opened in session 30): "The blind man cannot be certain; his hat is white in four of the five
    # remaining cases (probably white)" is read as white (its '答案是"是"' read that session)
    "bh2-hats-o1-summary-error-14",
    # (traces_ck*, session 43: "**结论：** 是。两数之和一定是3、5、15、17之一（答案填1）。…" read in session 57, a yes after
    # a "结论" label)
    # traces_dh* (opened in session 51) and traces_dm* (session 51): the yes/no of Consecutive Numbers asked as "is the
    # sum 3, 5, 15 or 17?" and answered by a list of sums, "So the sum is 3, 5, 17 or 19" (a wrong list read as yes)
    # and "the sum is 3 or 17" (gold: the pairs are wrong, though the sum is in the set); "…; the sum is one of 3, 5,
    # 15, 17 — yes." (a closing "yes" after a dash) read the same session
    "dh2-consecutive-r1-think-error-01", "dm1-consecutive-claude-markdown-error-13",
    # (and traces_eg*, opened in session 57: "所以答案：(a, b)是(1, 2)、(8, 7)或(9, 8)，两数之和是3、15或17" — the sum
    # is in the set, yes, while the gold label counts the pairs, one of them missing)
    "eg1-consecutive-claude-thinking-error-09",
    # (and the tuning set eu*, session 58: "可能的组合是 (1,2)、(2,3)、(7,8)、(9,8)，…所以答案是"是"": (7,8) for (8,7))
    "eu1-consecutive-gpt4o-steps-error-14",
    # the tuning set eo* (casual forum comments, session 58): the count given as "5 beers." after the reasoning, then an
    # "edit:" reply about a case with "4 beers": no reader takes a bare count with a unit noun
    "eo1-drinking_logicians-reddit-correct-14",
    # the tuning sets of session 63: a tutor dialogue closing on "Tutor: Yes: the sum is one of 3, 5, 15 and 17."
    # after "Student: Final answer?" (a yes after a label that is the dialogue's speaker); ("So all three want a beer:
    # 3.", a count after a colon that only says it again, read in session 65)
    "fv1-consecutive-tutor_dialogue-error-16",
    # traces_fs* (opened in session 64) and the tuning sets of session 64: a closing "So it's 4 and 13." after another
    # sentence of its paragraph (reading the last "So …" of any paragraph took "So Cheryl is 9 — and the bus number
    # must be 17" for the bus); lecture transcripts closing in one long paragraph ("…you get it wrong, it's March 18.",
    # "So she's 9, the brothers are 4 and 4"; "the blind man's white either way, so he can say it, white." read in
    # session 69, with "has a white hat" read as his hat)
    "fs1-sum_product-reddit-error-08", "ge1-cheryl_cam-lecture-correct-06", "ge1-cheryls_age-lecture-correct-16",
    # a thread's last post: "答案：方块5（♦5）🎉 评论区有人说是红桃4的" (session 66: the emoji closes the answer's sentence
    # but the sentence reader runs on, so the answer and the comment section's one are read as one)
    "gz1-card16-weibo-error-02",
    # a recap said aloud, "S now knows. Four and thirteen. Sum seventeen, product fifty-two." (session 66: the bare
    # pair "4 and 13" is no answer even with its numbers written as digits)
    "hf1-sum_product-streamer-correct-05",
    # closing lines said aloud, "Cheryl is nine. The brothers are four and four.", "所以谢丽尔九岁" (session 66: one to
    # ten spelt out are read as counts, not values; read as digits on the last step they misread 18 other answers)
    "hf1-cheryls_age-teacher-error-11", "hf1-cheryls_age-zhvideo-correct-15",
    # a thread whose answer opens its first post and whose last posts are asides: "Answer first: after the three lines
    # …, so yes, the sum is one of 3, 5, 15, 17." (a "yes" inside a sentence), "Three white, two red, blind guy is #3.
    # Answer >!white!<" (an answer label with no colon, second on its line)
    "hj1-consecutive-reddit-correct-12", "hj1-hats-reddit-error-14"}
# (traces_ak*, opened in session 22: its 13 misjudged answers all read the same session, "the twelfth of June",
# "**Five of diamonds.**", "x, y = 4, 13", "… is Cheryl's birthday", "(answer 1)", tests/audit/test_opened_ak.py)
# answers not read yet (docs/audit.md); the tuning test fails on any other misjudged
# answer (session 18: "谢丽尔9岁，两个弟弟都是4岁，车号17" is Cheryl's 9 alone)
# (session 15: "所以谢丽尔9岁" and "Answer: 9" read, y2-cheryls_age-answer-first-error-27) (session 11: "the **five of diamonds (♦5)**" is read from its bracketed gloss)
# (session 9: "So the number of muddy children is 3" now states mu-v3-kept-f2-29's count)

KNOWN_ALARMS: frozenset[str] = frozenset(  # correct traces still flagged (the tuning test fails on any other; none
    # since session 30, when the last was read); blind sets opened later
    # (traces_g*, opened in session 6: card16-r1-correct-g3-01 read in session 19, "It's not just that Q knows it now —"
    # is no claim that Q knows; card16-answerfirst-correct-g3-05 read in session 17: "Q hears only the suit and says
    # he already knew P would be stuck" is Q's statement)
    # (cheryl_variant-r1-think-correct-k1-17, session 8, read in session 13: a list repeating the topic's value)
    # traces_n*, session 9: an unrecognised paraphrase ("Albert's certainty that Bernard can't know") leaves the
    # trace at stage 0; a ✗ checklist of months under Albert's statement; "父亲的话加上三轮无人站出" dated at the father
    # (n2-mu-qwqzh-correct-05: "父亲的话加上三轮无人站出，依次排除了…" read in session 19)
    # (n1-cheryl-o1-correct-04, n1-variant-claude-correct-02: read in session 11)
    # traces_o*, session 10: a terse outline ("A sure B doesn't know → …") never aligned, so "day not 18/19 already"
    # stays at stage 0; "P with 18 would know → (2,9) survives" under S's last statement is about P's (stage 3)
    # (o2-sp-01-r1-correct: "P with 18 would know" read as that case's knowledge in session 17, which dates the
    # survival after it by P's statement) (o1-cheryl-gemini-correct: its "A = Albert, B = Bernard" read in session 15)
    # traces_r*, session 11: a per-sum check of S's last statement ("s = 17: … Only (4,13)", "None unique") is no cue
    # for that statement, so "So S's sum is 17 and the pair is (4,13)" stays premature at P's second line
    # traces_y*, opened at the end of session 14 (4 alarms blind; scare quotes and a "Unique?" column read since):
    # (y1-card16-qwq-zh-correct-07, a quote shared by two of Q's statements ('Q说的是"我知道"') taken for the later one:
    # read in session 30, a few words of the statement in hand quoted, tests/audit/test_opened_bh.py); a per-value
    # check of Bill's statement in the consecutive-numbers puzzle
    # traces_ap* (120 correct rows written in session 24 to hunt false alarms: 25 alarms at the session's start code,
    # 18 read the same session, tests/audit/test_opened_ap.py): a What Sum trace that restates the whole dialogue
    # first and then opens each step "So after Alice's statement: …" (a reference moves no stage; its "Carol sees a
    # and b. … She says she doesn't, so a ≠ b" read in session 30), and formal notation never aligned ("A₁ := ¬K_A(date)
    # ∧ …", "$K_P(\\text{card})$", pseudo-code, "K_A(d) ⇒ …"; ap1-cheryls_age-answer-first-correct-01, "So Cheryl is 9,
    # and the bus is number 17" read as Cheryl's age 17, read in session 30)
    # (ap3-cheryl-set-notation-correct-01 and ap3-cheryl-logic-notation-correct-03 read in session 26: "• A₁ := …"
    # bullets date their lines, "D₂ = D₁ ∖ {…} = {…}" is read link by link, 'Albert, "¬K_A ∧ K_A¬K_B":' heads his
    # statement, "⇔" opens a condition, tests/audit/test_opened_au.py)
    # (ap3-cherylvar-pseudo-code-correct-07 and ap3-consec-latex-correct-28 read in session 26: a program's lines
    # state nothing, its comments do; "$a+b\\in\\{3,5,15,17\\}$" is a sum, not b)
    # (ap3-cherylcam-logic-notation-correct-40 read in session 26: "记 K_阿(φ)：阿里知道 φ" defines notation)
    # traces_ay* (30 correct rows on hats, drinking logicians, islanders, Hexa, Russian cards and dining
    # cryptographers, written in session 26 and opened the same session: 9 alarms at the session's start code, 7 at the
    # code before it was opened, 2 left; "三人不可能都戴红帽", all three, read; both read in session 30: a pronoun after
    # "第五位要不要，她不知道" is not taken for the fifth logician, "32→16→8→4→2" gives the counts up to the last
    # statement, "第3夜过后" is after the third night)
    # traces_bb* (30 long rows, 900 to 2,500 words, written in session 27 and opened the same session: 7 of 15 correct
    # rows flagged at the start code and blind; "- Albert is told “July”. …", "- 点数是A：…" lines as cases and a
    # supposition over the lines under "如果…，那么：" read): a per-rank case under P's quoted "now I know" weighing the
    # stage before it; a table of mistakes ('Reading "I knew" as "I know now" | Statement 2 then removes nothing');
    # "let me reconsider a = 1 … Anne has 1, so b is 0 or 2" (a case reopened); "the possible repeated triples are:
    # (i) b = c, …" (options, not claims); "k = 1: … So k ≥ 2" dated at the first night by a quote not in the
    # puzzle's words
    # (these five, r2-impossible-r1-think-correct-14 and bg2-sum_product_s_first-claude-markdown-correct-10 are no
    # longer flagged since session 29: their false verdicts, in traces of 20 steps or more, need a second signal)
    # traces_bg* (30 long rows written and opened in session 29: 6 of 20 correct rows flagged blind at the start code,
    # 5 read, tests/audit/test_opened_bg.py): "Right, (4, 25) survives." in the section that weighs S's last statement
    # against the table "Survives Step 2?" two steps up (judging survivals there at the stage before lost six found
    # kept-eliminated errors on the tuning split, "June is safe" under Albert's statement; no longer flagged once the
    # long-trace rule came, below)
    # (traces_ak* and traces_ah*, opened at the start of session 22: their 4 + 2 blind alarms read the same session,
    # a misread closing count, "三、P先生现在知道了。" and "(3) P now knows: …" as numbered headings, "| b = c | Alice … |"
    # a row's case, "6 = 3 + 3 only... but 6 = 2 + 4", "三个或四个有泥就…没有新信息", tests/audit/test_opened_ak.py)
    # (traces_aj*, written and opened in session 21: its 4 alarms at the session-21 start code read the same session,
    # "cannot know from a month alone", unbulleted "P: can't know → …" outline lines, 'her first "I don't know"',
    # "He says he doesn't" of a labelled statement, "e.g. a = c = 5", tests/audit/test_opened_ai.py)
    # (traces_ai*, opened at the start of session 21: its three blind alarms read the same session, a possessive
    # before What Sum's shared "I don't know", "Bob's removes a = c", "- a = 2 → 1 is gone", "a = c survives",
    # "- If b = c, … Alice knows.", "I wondered whether …", tests/audit/test_opened_ai.py)
    # (traces_ag*, opened at the start of session 20: its two blind alarms read the same session, "a = 0 only has
    # b = 1" and "Only (4, 13) survives in sum 17", tests/audit/test_opened_ag.py)
    # (traces_ae*, opened at the start of session 18: its six alarms and its unread answer read the same session,
    # tests/audit/test_opened_ae.py)
    # (traces_af*, opened at the start of session 19: its one alarm read the same session, tests/audit/test_opened_af.py)
    # (traces_ad*, opened at the start of session 17: its 3 alarms read the same session, tests/audit/test_opened_ad.py)
    # (traces_aa*, opened at the end of session 15: its 6 alarms at its second blind score all read, the last in
    # session 17: "19 → March 19 and July 19, still two. Bo couldn't know." is the case of the line, bullet or not)
    # (traces_ab*, opened at the end of session 15: its five alarms all read since, the last two in session 16: a count
    # of each day's months, "12出现两次（5月、6月），13只有3月…", is no table row; "July 17 survive Bo's turn" is about
    # Bo's statement; traces_ac*, opened in session 16: its six blind alarms all read)
    # traces_ca*, written and opened in session 40: under Q's "I knew you didn't know" the trace checks each heart and
    # diamond "站在Q先生的角度" ("- 红桃4：P先生拿到4，有红桃4、黑桃4、草花4，不知道"), true before P spoke, judged at Q's
    # statement, where P with a 4 knows. Judging such lines where the statement's content is about (its `before`)
    # fixed it but lost two first errors found there (and 6 alarms when judged there alone); read in session 48: the
    # lines under a step that takes an agent's point of view and ends on a colon are that agent's cases.
    # traces_ea*, written and opened in session 56 (3 alarms blind at the start code, "我一开始还犹豫要不要把17去掉" read
    # the same session): "Everything else is a one-off: the jack, eight, two, seven and three live only in spades"
    # (ranks spelled as number words are not read, so the singletons are taken to be J alone); ("- **With three
    # muddy**, say 1, 2 and 3, … right after the second silent round all three muddy children know" read in session
    # 60: a bullet line opening on "With"/"If" and a case, then a comma, is that case's line; taking any bold label
    # as the line's case had moved seven muddy tuning rows)
    {"ea1-card16-gpt5-summary-correct-01"} |
    # the tuning sets of session 63 (3 of 48 correct rows, each read): "**Recap:** May/June out by Albert's first line
    # → 14 out by Bernard's → …" credits 14 to the link before the arrow (the elided "Bernard's [line]" after it is
    # not taken); "At first I thought bus 19 could be dropped … so 19 stays" reads 19 as Cheryl's age, not the bus
    # (the sum); a terse trace heading its statements "S1 — A: ¬know ∧ knows B ¬know." (initials for the agents)
    # reaches no statement, so "17 is unique now" is judged at the start (read in session 64: "S1 —" numbers the
    # statements where no agent is an S)
    {"fw1-cheryl-perspective-correct-01", "fw1-cheryls_age-perspective-correct-08"} |
    # the tuning sets of session 64 (2 of 80 correct rows): a Socratic self-dialogue's "A: Albert with June doesn't
    # know at the start (12 or 19), …; Bernard with 12 was torn between May 12 and June 12" (a past case, judged where
    # the trace stands); "He says he doesn't know." after bullet cases naming the first man, under a step about the
    # second man (the pronoun taken for the man named last)
    {"gl1-cheryl_variant-socratic-correct-03", "gl1-hats-socratic-correct-11"} |
    # the tuning sets of session 65 (1 of 64 correct rows): an XML-tagged trace whose steps open on a bare "P doesn't
    # know, so …" and "S knew beforehand that P couldn't know." (no "says"): a lone "I don't know" moves no step (it
    # may be the state before the statement; reading it as the statement moved a battery of retellings and an R1
    # trace), so "P now knows." two steps on is judged at the start
    {"gs1-sum_product-xmltags-correct-08"} |
    # the tuning sets of session 67 (2 of 48 correct rows, both flagged at the session's start too): a Reddit post
    # opening 'The joke's punchline makes sense once you see what "I don't know" means here: >!all three want beer!<'
    # (the quote mentioned makes the opening a step of the dialogue, not a headline); a debate's solver defending
    # "July 16 stays" in a step that names "the "but I know now" half" of Bo's words, taken for Ali's last statement
    {"hj1-drinking_logicians-reddit-correct-15", "hl1-cheryl_cam-debate-correct-06"} |
    # the tuning sets of session 68 (1 of 48 correct rows, flagged at the session's start too): an answer-first trace
    # that checks a rival sum after "after P's "now I know" it still has three live splits" and ends "so 23 fails the
    # same way" (S's last statement, as for 11 before it), read as 23 out at P's statement
    {"hp1-sum_product-ansfirst-correct-02"} |
    # the tuning sets of session 69 (2 of 80 correct rows, both flagged at the session's start too): a slip retracted
    # in the step before ("同时rrw也排除——不对") and then "wrr已经被第一位的话排除，…，排除wwr" on the second man's
    # statement, the first man's statement named in the sentence dating the second removal; a LIHKG post in written
    # Cantonese ("所以波拎住18係可以肯定係3月18嘅"), whose copula 係 and "拎住" (holding) the reader does not know
    {"hw1-hats-selfcorr-correct-13", "hx1-cheryl_cam-lihkg-correct-06"}
)  # (y1-consecutive-qwq-zh-correct-22 read in session 15: "(2,1)" is a pair of the
# puzzle's two numbers, "安妮是0或2" Anne's number, "- b = 1：" a case)


# ---------------------------------------------------------------- session 4: real model text


def audit(ctx, text):
    return audit_trace(ctx.puzzle, text, context=ctx)


def test_typographic_apostrophes_and_bold_keep_a_negation(ctxs):
    ctx = ctxs("cheryl.txt")
    for text in ["If Albert's month were **August**, there'd still be two possibilities — he **wouldn't** know.",
                 "If it were in August, Albert wouldn’t be able to know the exact date."]:
        r = audit(ctx, "Albert says: “I don't know when Cheryl's birthday is, but I know that Bernard doesn't know "
                       "too.”\n\nBernard says he didn't know at first but knows now.\n\n" + text)
        found = [c for c in r.claims() if c.record.kind == "hypothetical"]
        assert found and found[0].formula == "month = August implies (not Albert knows date)", text


def test_could_know_in_a_consequent_is_hedged(ctxs):
    rs = records(ctxs("cheryl.txt"), "If the month were May or June, Bernard *could* know.")
    assert rs and all(r.reading == HEDGED and not r.certain for r in rs)


def test_couldnt_be_sure_negates_the_knowledge(ctxs):
    assert sources(ctxs("cheryl_cam.txt"), "If Ali was told April, she couldn't be sure Bo didn't know.") == [
        ("month = April implies (not Ali knows that (not Bo knows date))", True),
        ("Ali knows month", True)]  # and who holds a month: Ali (told the day in this puzzle: a wrong agent)


def test_a_vertical_list_under_a_colon_is_one_candidate_set(ctxs):
    ctx = ctxs("cheryl.txt")
    kept = ("Albert: I don't know, but I know Bernard doesn't know either.\n\nTherefore, the possible dates "
            "are:\n - May 15\n - May 16\n - July 14\n - July 16\n - August 14\n - August 15\n - August 17")
    right = kept.replace(" - May 15\n - May 16\n", "")
    assert audit(ctx, kept).label == 1 and audit(ctx, right).label == -1


def test_a_back_reference_judges_its_sentence_at_that_statement(ctxs):
    ctx = ctxs("card16.txt")
    steps = ("P先生说：“我不知道这张牌。”\n\nQ先生说：“我知道你不知道这张牌。”\n\n"
             "所以P先生的第一句话就排除了黑桃和草花。")
    r = audit(ctx, steps)
    assert r.label == 2 and r.steps[2].claims[0].verdict.verdict == "premature"  # it was Q's statement


def test_remaining_counts_are_checked(ctxs):
    ctx = ctxs("card16.txt")
    base = "P says: “I don't know the card.”\n\nQ says: “I knew you didn't know.”\n\nSo "
    assert audit(ctx, base + "5 cards remain.").label == -1
    # stage 1's count after Q's statement: false, but a count of an earlier stage may be a restatement, so it
    # weighs only with a wrong final answer (docs/audit.md, "Evidence")
    assert [(c.verdict.verdict, c.verdict.earlier, c.evidence) for c in audit(ctx, base + "all 9 cards remain.").claims()
            if c.record.kind == "count"] == [("false", 1, "uncorroborated")]
    assert audit(ctx, base + "all 9 cards remain.\n\nFinal answer: ♠4.").label == 2
    assert audit(ctx, base.replace("So ", "还剩5张牌。")).label == -1


def test_who_was_told_what(ctxs):
    ctx = ctxs("cheryl.txt")
    assert sources(ctx, "Cheryl told Albert the month and Bernard the day.")[0] == ("Albert knows month", True)
    r = audit(ctx, "谢丽尔把日子告诉了阿尔伯特，把月份告诉了伯纳德。")
    assert r.label == 0  # the wrong agent is caught at once


def test_property_of_values_is_not_the_candidate_set(ctxs):
    ctx = ctxs("cheryl.txt")
    for s in ["Two of the ten days occur only once: 18 and 19.",
              "The two dates that share the same day among our remaining options are the 14th."]:
        assert not any(r.certain and r.kind == "candidates" for r in records(ctx, s)), s


# ---------------------------------------------------------------- session 5: the first blind set, opened


def test_a_list_under_one_value_topic_is_that_values_case(ctxs):
    """"With a Q, only ♥Q remains" narrows the Qs, not the stage; a plain list stays a candidate set."""
    card, cam = ctxs("card16.txt"), ctxs("cheryl_cam.txt")
    for ctx, s in [(card, "With a Q, only ♥Q remains."), (cam, "18 — only March 18 now."),
                   (ctxs("cheryl.txt"), "17号也一样，6月已经排除，只剩8月17日。"),
                   (cam, "For the 17th, only July 17 remains.")]:
        rs = records(ctx, s)
        assert rs and not any(r.certain and r.kind in ("candidates", "exclusion") for r in rs), s
    assert [c for c in sources(card, "Only ♥Q remains.")] == [("suit = hearts and rank = Q", True)]


def test_a_count_of_one_values_cases_is_not_the_stage_count(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    assert not any(r.certain for r in records(ctx, "July is the month that ends up with two dates left."))
    assert [r.certain for r in records(ctx, "With April gone, 5 dates remain.")] == [True]


def test_how_many_children_play_is_not_how_many_are_muddy(ctxs):
    ctx = ctxs("muddy.txt")
    assert records(ctx, "There are three children.") == []
    assert sources(ctx, "Exactly two children are muddy.") == [("(m[1] + m[2]) + m[3] = 2", True)]


def test_a_first_association_is_a_rejected_idea(ctxs):
    rs = records(ctxs("cheryl_cam.txt"), "My first association is July 16, since that's the answer everyone "
                                         "remembers — but that was for a different list of dates.")
    assert rs and all(r.reading == REJECTED for r in rs)


def test_a_semicolon_ends_the_antecedent_of_a_supposition(ctxs):
    """"如果是红桃，Q还要犹豫；所以是方块5": the 'if' stops at the semicolon (its antecedent no longer swallows the
    diamonds), and what follows is read but left unchecked, since it may continue the supposition."""
    card = ctxs("card16.txt")
    assert sources(card, "如果是红桃，Q还要在红桃Q和红桃4之间犹豫；所以是方块5。") == [("suit = diamonds and rank = 5", False)]


def test_one_split_worked_as_a_case(ctxs):
    rs = records(ctxs("sum_product.txt"), "- 2 + 15：积30，还可以是5 × 6（和11），11也在列表里，P不能确定。")
    assert rs and not any(r.certain and r.kind == "knowledge" for r in rs)


def test_answers_in_other_words(ctxs):
    sp, muddy = ctxs("sum_product.txt"), ctxs("muddy.txt")
    for s in ["Final Answer: The two numbers are 4 and 13.", "So the answer is 4 and 13.", "这两个数是4和13。",
              "The numbers are 4 and 13: the only split, 4 + 13, for which P could conclude (see above)."]:
        assert [r.answer for r in records(sp, s) if r.certain] == [((4, 13),)], s
    assert [r.answer for r in records(muddy, "答案：有2个孩子额头上有泥。")] == [((2,),)]


def test_a_count_ruled_out_is_an_exclusion(ctxs):
    assert sources(ctxs("muddy.txt"), "Nobody did. So exactly one is out.") == [("(m[1] + m[2]) + m[3] != 1", True)]


def test_ability_now_is_knowledge_and_us_is_no_knower(ctxs):
    card = ctxs("card16.txt")
    assert sources(card, "This tells us Mr. Q can now identify the card.") == [("Q knows card", True)]
    assert sources(card, "P would know the card.") == []


def test_a_statement_named_by_its_speaker_is_not_a_second_subject(ctxs):
    assert sources(ctxs("card16.txt"), "So after Q's statement P already knows the card.") == [("P knows card", True)]


def test_a_quote_without_its_object_names_its_statement(ctxs):
    """'"I knew you didn't know." (Q)' is Q's first statement, though the puzzle's words end in "the card"."""
    report = audit_trace(ctxs("card16.txt").puzzle,
                         "P says he doesn't know.\n\n## \"I knew you didn't know.\" (Q)\n\n"
                         "So spades and clubs are out, leaving ♥A, ♥Q, ♥4, ♦A, ♦5.", context=ctxs("card16.txt"))
    assert [st.stage for st in report.steps] == [1, 2, 2] and report.label == -1


def test_muddy_counts_in_other_words(ctxs):
    muddy = ctxs("muddy.txt")
    assert sources(muddy, "All three children are muddy — they step forward in the third round.") == [
        ("(m[1] + m[2]) + m[3] = 3", True)]
    assert sources(muddy, "甲看到乙有泥，而父亲说至少有一个人有泥，甲会站出来，所以两个人有泥的情况也被排除了，只剩三个人都有泥。") == [
        ("(m[1] + m[2]) + m[3] = 3", True), ("(m[1] + m[2]) + m[3] != 2", True)]


def test_two_common_chinese_bigrams_name_no_statement(ctxs):
    """"三个孩子，…每个人看得到别人" shares only 孩子 and 每个 with "现在每个额头有泥的孩子都知道自己有泥"."""
    ctx = ctxs("muddy.txt")
    assert ctx.aligner.inner_cues("三个孩子，有些额头上有泥，每个人看得到别人看不到自己。", 0) == ()


def test_who_said_which_statement(ctxs):
    """A quote after "X says" and a numbered statement with its speaker are checked against the dialogue."""
    from epistemic.audit.speakers import speaker_records
    from epistemic.audit.verdicts import Window

    def verdicts(name, text):
        ctx = ctxs(name)
        return [(r.key.formula[1:], ctx.judge.audit(r, Window(0, 0), ctx.lexicon)[0].verdict)
                for r in speaker_records(ctx.lexicon, text, ctx.aligner.quotes, ctx.aligner.speakers)]
    assert verdicts("card16.txt", "Q says, “Now I know the card.” Then P：“Now I know the card.”") == [
        (("Q", (3,)), "false"), (("P", (3,)), "entailed")]
    assert verdicts("sum_product.txt", "**Statement 3 (S now knows):** S knows.") == [(("S", (3,)), "false")]
    assert verdicts("impossible.txt", "第二句S说“我早就知道你无法确定”；第三句是S说的。") == [
        (("S", (2,)), "entailed"), (("S", (2,)), "entailed"), (("S", (3,)), "false")]
    assert verdicts("card16.txt", "P didn't know the card.") == []


def test_session5_second_round_of_fresh_text(ctxs):
    """Classes from the blind set traces_e*, after it was scored and opened."""
    card, sp = ctxs("card16.txt"), ctxs("sum_product.txt")
    assert not any(r.certain for r in records(card, "- 点数Q：只剩红桃Q。"))  # one rank's case
    assert not any(r.certain for r in records(card, "P then knows clubs is out, so a 5 means ♦5."))
    for s in ["- s = 11 keeps (2, 9), (3, 8), (4, 7).", "For instance 11 leaves (2, 9), (3, 8) and (4, 7)."]:
        assert not any(r.certain and r.kind == "candidates" for r in records(sp, s)), s
    assert [r.kind for r in records(ctxs("impossible.txt"), "S knew it from the sum alone, so every split is "
                                                             "ambiguous.")] == ["told"]  # (S holds the sum)
    rs = records(ctxs("cheryl_cam.txt"), "In the original Cheryl puzzle the answer was July 16.")
    assert rs and all(r.reading == REJECTED for r in rs)


def test_verification_examples_outlines_and_removals(ctxs):
    variant, sp = ctxs("cheryl_variant.txt"), ctxs("sum_product.txt")
    rs = records(variant, "Albert holds June: June 12 or June 19, so he doesn't know; neither day is unique, so "
                          "Bernard can't know.")
    assert rs and not any(r.certain and r.kind != "told" for r in rs)  # one world checked, not the stage (who holds
    # the month is the set-up: "Albert knows month", judged at the start)
    assert not any(r.certain for r in records(sp, "For example if x and y were both prime, say 3 and 7, the product "
                                                  "21 only splits as 3 × 7 and P would know."))
    assert not any(r.certain for r in records(ctxs("muddy.txt"), "In a pattern with exactly one muddy child, A "
                                                                 "sees two clean faces."))
    assert sources(ctxs("cheryl_cam.txt"), "It was Ali's statement that removed April 18.") == [
        ("not (month = April and day = 18)", True)]
    outline = audit_trace(sp.puzzle, "- Dialogue: P doesn't know → S knew P didn't know → P now knows → S now "
                                     "knows too.", context=sp)
    assert outline.label == -1 and all(c.verdict.verdict == "entailed" for c in outline.claims())


def test_an_elimination_credited_to_this_statement(ctxs):
    """"阿尔伯特这句话同时也排除了7月14日和8月14日": 和 between dates is "and", and "这句话" is the statement at hand,
    so the exclusion is judged at Albert's first statement (where the 14s are still possible): wrong credit."""
    ctx = ctxs("cheryl.txt")
    text = ("所以根据阿尔伯特的第一句话，剩下7月14日、7月16日、8月14日、8月15日、8月17日。而且阿尔伯特这句话同时也排除了7月14日和8月14日。"
            "\n\n然后伯纳德说：“起初我不知道，但现在我知道了。”")
    report = audit_trace(ctx.puzzle, text, context=ctx)
    credit = [c for c in report.claims() if c.record.kind == "credit"]
    assert report.label == 0 and credit[0].record.certain and credit[0].verdict.verdict == "premature"


def test_a_value_said_to_survive_is_checked_as_possible(ctxs):
    """"May stays" after Albert's statement keeps an eliminated month: false; "July stays" holds."""
    ctx = ctxs("cheryl.txt")
    text = ("Albert says: “I don't know when Cheryl's birthday is, but I know that Bernard doesn't know too.”\n\n"
            "- 19 appears only in May → May is eliminated.\n- July has no unique day → **July stays**.\n- "
            "14 appears in July and August → **May stays**.")
    report = audit_trace(ctx.puzzle, text, context=ctx)
    survive = [(c.verdict.verdict, c.verdict.shown) for c in report.claims() if c.record.kind == "possible"]
    assert survive == [("entailed", "at stage 1: month = July still possible"),
                       ("false", "at stage 1: month = May still possible")]
    assert not any(r.kind == "possible" for r in records(ctx, "May and June stay."))  # a list, not one survivor


def test_doesnt_know_and_knows_is_two_claims_and_a_paraphrase(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    assert sources(ctxs("cheryl.txt"), "Albert doesn't know and knows Bernard doesn't know.") == [
        ("not Albert knows date", True), ("Albert knows that (not Bernard knows date)", True)]
    assert ctx.aligner.locate("Bernard didn't know at first but knows now → his day appears once.", 1) == (
        2, "paraphrase")


def test_an_observed_terms_value_is_a_claim(ctxs):
    sp = ctxs("sum_product.txt")
    assert sources(sp, "So at this point S's sum must be 17.") == [("S knows x + y", True), ("x + y = 17", True)]
    assert sources(sp, "The sum is not 11.") == [("x + y != 11", True)]
    assert [f for f, _ in sources(sp, "The product is 4 × 13 = 52.")] == ["4 * 13 = 52"]  # worked, not stated


def test_rounds_of_silence_name_the_repeated_round(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    cues = ctx.aligner.inner_cues("Two rounds of silence therefore establish that at least three are muddy.", 1)
    assert [c.stage for c in cues] == [3]


def test_an_answer_word_without_an_answer_and_a_bound(ctxs):
    imp = ctxs("impossible.txt")
    rs = records(imp, "Wait, I should make sure the answer is unique. Sum 23: (4, 19), (7, 16), (10, 13) — three.")
    assert not any(r.kind == "answer" for r in rs)
    assert records(imp, "This version bounds each number by 99.") == []
    assert [r.kind for r in records(imp, "The answer is: (4, 13).")] == ["answer"]


def test_a_crossed_value_is_eliminated(ctxs):
    """"14 (Apr, May) ✗" and a table row ending in ❌ eliminate the value that opens the item (certain)."""
    variant, card = ctxs("cheryl_variant.txt"), ctxs("card16.txt")
    assert sources(variant, "14 (Apr, May) ✗ · 17 (Mar, Apr) ✗ · 12 → only Jun 12 ✓.") == [
        ("day != 14", True), ("day != 17", True)]
    assert sources(card, "| ♠ | J, 8, 2, 7, 3 | ❌ |") == [("suit != spades", True)]
    assert all(not c for _, c in sources(variant, "Maybe 14 ✗."))  # a hedge still makes it uncertain


def test_session5_traces_f_classes(ctxs):
    """Classes from the blind set traces_f*, after it was scored and opened."""
    card, variant, muddy = ctxs("card16.txt"), ctxs("cheryl_variant.txt"), ctxs("muddy.txt", {"n": 4, "k": 3})
    # a property of the ranks, not what is left (session 12: read as what it is, the ranks seen once)
    assert [r.kind for r in records(card, "So seven ranks are singletons: J, 8, 2, 7, 3, K, 6.") if r.certain] == [
        "singletons"]
    assert [r.kind for r in records(card, "That's 3 + 6 + 5 + 2 = 16.")] == ["arithmetic"]
    assert not any(r.certain for r in records(variant, "- April → still 14 or 17 — Albert couldn't know"))
    assert not any(r.certain and r.kind == "knowledge" for r in records(variant, "要保证伯纳德不知道，阿尔伯特的月份里就不能有13或20。"))
    assert not any(r.certain for r in records(muddy, "With exactly one muddy child, that child sees no mud and "
                                                     "knows immediately."))
    outline = audit_trace(variant.puzzle, "The dialogue: Albert doesn't know and knows Bernard doesn't know; "
                                          "Bernard didn't know but now does; Albert now knows too.", context=variant)
    assert outline.label == -1


# ---------------------------------------------------------------- session 6: traces_g*, opened after its blind score


def test_and_is_certain_keeps_the_knower(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    assert [f for f, _ in sources(ctx, "Ali doesn't know the date and is certain Bo doesn't know either.")] == [
        "not Ali knows date", "Ali knows that (not Bo knows date)"]


def test_a_left_out_verb_keeps_its_negation(ctxs):
    ctx = ctxs("cheryl.txt")
    assert sources(ctx, "Albert is sure Bernard can't either.") == [("Albert knows that (not Bernard knows date)", True)]


def test_singular_value_names(ctxs):
    assert sources(ctxs("card16.txt"), "So the card is a heart or a diamond.") == [("suit in {hearts, diamonds}", True)]


def test_a_false_sum_is_a_slip_even_when_it_is_the_product(ctxs):
    (r,) = [r for r in records(ctxs("cheryl.txt"), "That's 3 + 2 = 6 dates removed.") if r.kind == "arithmetic"]
    assert r.certain


@pytest.mark.parametrize("puzzle, text, answer", [
    ("muddy.txt", "### Answer\n\n**2 children are muddy.**", ["2"]),
    ("muddy.txt", "So the father's statement removes 000.\n\n**3 children are muddy.**", ["3"]),
    ("impossible.txt", "### Answer\n> **x = 4, y = 13**", ["(4, 13)"]),
    ("card16.txt", "**Card: ♦5 (five of diamonds).**", ["5 of diamonds (♦5)"]),
    ("cheryl.txt", "Birthday: July 16", ["July 16"]),
    # session 7: a bold answer closing or opening the trace
    ("cheryl_cam.txt", "Ali has March or July.\n\nThat leaves March 18, July 16 and July 17.\n\n**March 18.**", ["March 18"]),
    ("sum_product.txt", "The sum is 17.\n\nSo the numbers are **4 and 13**.", ["(4, 13)"]),
    ("sum_product.txt", "## 结论\n\n所以 **x = 4，y = 13**。\n\n验证：4 + 13 = 17。", ["(4, 13)"]),
    ("cheryl.txt", "**July 16.**\n\nAlbert's month has no unique day.", ["July 16"]),  # a headline, nothing later
    ("muddy.txt", "没人站出来，剩011、101、110。\n\n**答：2个。**", ["2"]),
])
def test_answer_forms(ctxs, puzzle, text, answer):
    ctx = ctxs(puzzle)
    assert audit_trace(ctx.puzzle, text, context=ctx).to_dict()["final_answer"] == answer


def test_the_deck_under_a_question_label_is_no_answer(ctxs):
    ctx = ctxs("card16.txt")
    assert audit_trace(ctx.puzzle, "牌：红桃A、Q、4｜黑桃J、8、4、2、7、3｜方块A、5。", context=ctx).final_answer is None


def test_a_pattern_of_children_is_no_count(ctxs):
    ctx = ctxs("muddy.txt")
    assert [(r.kind, r.answer) for r in records(ctx, "So only 111 is removed.")] == [("exclusion", None)]  # a world
    # in bits (session 49), not the count 111
    assert sources(ctx, "So at this point we know that exactly two of the children are muddy.") == [
        ("(m[1] + m[2]) + m[3] = 2", True)]


def test_a_quoted_fact_announcement_is_not_premature(ctxs):
    ctx = ctxs("muddy.txt")
    r = audit_trace(ctx.puzzle, "The father says something.\n\nAt least one is muddy.\n\nAfter the first silence, "
                                "nobody steps forward.\n\nSo exactly two are muddy.", context=ctx)
    (c,) = [c for c in r.steps[1].claims if c.record.kind == "bound"]
    assert c.verdict.verdict == "premature" and c.record.reading == "reported speech"


def test_pair_shorthand_only_in_puzzles_about_a_pair(ctxs):
    (r,) = [r for r in records(ctxs("sum_product.txt"), "51: 17 + 34 = 578, too big.") if r.kind == "arithmetic"]
    assert not r.certain  # the pair (17, 34) with its product, not a slip
    (r,) = [r for r in records(ctxs("cheryl.txt"), "That's 3 + 2 = 6 dates removed.") if r.kind == "arithmetic"]
    assert r.certain


def test_what_is_left_in_chinese_ends_an_exclusion_and_is_no_answer(ctxs):
    ctx = ctxs("card16.txt")
    assert [f for f, _ in sources(ctx, "Q早知道P不知道 → 排除黑桃和草花，剩红桃、方块。")][1:] == [
        "not suit in {spades, clubs}", "suit in {hearts, diamonds}"]
    r = audit_trace(ctx.puzzle, "P不知道，剩9张。\n\n剩红桃A、方块5。", context=ctx)
    assert r.final_answer is None  # what is left is not the trace's answer


def test_a_statement_named_by_line_or_opening_a_step_before_an_arrow_moves_the_trace(ctxs):
    ctx = ctxs("card16.txt")
    r = audit_trace(ctx.puzzle, "Now P's first line. He says he doesn't know the card. So after the first statement the "
                                "rank is one of A, Q, 4, 5.", context=ctx)
    assert r.labels == [1]
    ctx = ctxs("cheryl.txt")
    r = audit_trace(ctx.puzzle, "阿尔伯特确定伯纳德不知道 → 不是5月、6月。\n\n伯纳德现在知道 → 不是14。剩7月16、8月15、8月17。",
                    context=ctx)
    assert r.labels == [1, 1] and r.label == -1


def test_an_equation_before_a_chinese_measure_word_is_checked(ctxs):
    ctx = ctxs("card16.txt")
    (r,) = [r for r in records(ctx, "红桃原来3张，去掉红桃A，3 − 1 = 1张。") if r.kind == "arithmetic"]
    assert r.certain and audit_trace(ctx.puzzle, "红桃原来3张，去掉红桃A，3 − 1 = 1张。", context=ctx).label == 0
    assert [r for r in records(ctxs("sum_product.txt"), "578 = 2·17², too big.") if r.kind == "arithmetic"] == []


def test_a_value_said_to_occur_only_with_one_partner_is_a_table_row(ctxs):
    ctx = ctxs("cheryl.txt")
    for sentence in ("14号：只在7月出现。", "19日只在6月出现。", "The 14th only occurs in July.", "14 occurs only in July."):
        (r,) = records(ctx, sentence)
        assert r.kind == "conditional" and r.certain, sentence
    trace = "14号：只在7月出现。\n\n伯纳德说他现在知道了，所以是7月16日。"
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == 0  # 14 is in July and August
    assert [r for r in records(ctx, "17日4月也有。") if r.certain] == []  # "April has the 17th too": no table row


def test_a_statement_about_knowing_is_named_only_by_a_sentence_about_knowing(ctxs):
    """"Every muddy child knows" is not named by "each child sees every forehead"; a sentence naming the silences
    and the final knowledge names the latest; a quote without the text's "Father:" label names the father."""
    ctx = ctxs("muddy.txt")
    assert ctx.aligner.inner_cues("Child i sees every m except its own.", 0) == ()
    assert [c.stage for c in ctx.aligner.inner_cues("So every muddy child knows it is muddy.", 2)] == [3]
    ctx4 = ctxs("muddy.txt", {"n": 4, "k": 3})
    cues = ctx4.aligner.inner_cues("So after the two silent rounds every muddy child knows they are muddy.", 3)
    assert [c.stage for c in cues] == [4]
    r = audit_trace(ctx.puzzle, "### The father's announcement\n\"At least one of you is muddy\" removes (0, 0, 0).",
                    context=ctx)
    assert r.steps[0].stage == 1
    shared = ctxs("what_sum.txt")  # "Alice: I don't know my number." and Bob's and Carol's: the bare text names none
    assert [c.stage for c in shared.aligner.inner_cues("\"I don't know my number\", she says.", 0)] == []


def test_a_value_said_to_be_out_or_removed_is_excluded(ctxs):
    ctx = ctxs("cheryl.txt")
    assert sources(ctx, "July is out.") == [("month != July", True)]
    assert sources(ctx, "So July 16 is removed as well.") == [("not (month = July and day = 16)", True)]
    assert sources(ctx, "May is gone.") == [("month != May", True)]
    r = audit_trace(ctx.puzzle, "Albert doesn't know, and he knows Bernard doesn't know: May and June are out.\n\n"
                                "Bernard now knows the date, so July 16 is removed.",
                    context=ctx)
    assert r.label == 1  # July 16 is the answer


def test_a_value_heading_a_row_of_its_tuples_is_a_table_row(ctxs):
    ctx = ctxs("card16.txt")
    assert sources(ctx, "Q → only ♥Q.") == [("rank = Q implies suit = hearts", True)]
    assert sources(ctx, "A → ♥A, ♦A") == [("rank = A implies suit in {hearts, diamonds}", True)]
    assert sources(ctx, "Q and ♥Q.") == []  # not set out as a row
    variant = ctxs("cheryl_variant.txt")
    (r,) = records(variant, "14 → only April 14 (May 14 is gone).")
    assert r.kind == "conditional" and r.certain and r.key.witnesses  # one tuple: it is still possible


def test_a_rank_named_like_an_agent_before_now_and_a_knowledge_verb_is_the_agent(ctxs):
    ctx = ctxs("card16.txt")
    assert sources(ctx, "Q now knows too.") == [("Q knows card", True)]
    assert sources(ctx, "Q already knew that P didn't know.")[0][0].startswith("Q knows that")


def test_a_supposition_with_a_stated_consequent_after_a_comma_is_a_hypothetical(ctxs):
    ctx = ctxs("card16.txt")
    for sentence in ("If it's diamonds, only ♦5 is left.", "如果是方块：只剩 ♦5"):
        assert sources(ctx, sentence) == [("suit = diamonds implies (suit = diamonds and rank = 5)", True)], sentence
    r = audit_trace(ctx.puzzle, "P doesn't know the card.\n\nIf it's diamonds, only ♦5 is left.", context=ctx)
    assert r.steps[1].claims[0].verdict.verdict == "premature"  # ♦A goes only when P knows


def test_being_stuck_torn_or_unable_to_name_the_card_is_not_knowing(ctxs):
    ctx = ctxs("card16.txt")
    assert sources(ctx, "Mr. P couldn't name the card.") == [("not P knows card", True)]
    assert ctx.aligner.locate("Mr. Q then says he already knew P would be stuck.", 1) == (2, "paraphrase")


def test_a_bold_remark_is_no_answer(ctxs):
    ctx = ctxs("cheryl.txt")
    r = audit_trace(ctx.puzzle, "Albert knows **Bernard doesn't know**.\n\nSo it is **not May**.", context=ctx)
    assert r.final_answer is None


def test_a_statement_retold_with_its_earlier_ignorance_is_judged_where_it_was_made(ctxs):
    """"Bernard didn't know at first but does now" says what Bernard's statement says of the time before it: true,
    although "Bernard does not know" holds at no single stage in every world."""
    ctx = ctxs("cheryl.txt")
    for trace in ["**July 16.**\n\n- Albert is sure Bernard doesn't know.\n- Bernard didn't know at first but does now.",
                  "## 1. Albert is sure Bernard doesn't know\n\nSo not May or June.\n\n"
                  "## 2. Bernard didn't know, but now does\n\nSo not 14."]:
        assert audit_trace(ctx.puzzle, trace, context=ctx).label == -1, trace


def test_a_speaker_label_with_a_dash_opens_what_is_said(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    line = "### Step 2: Albert — \"I don't know, but I know Bernard doesn't know\""
    assert ctx.aligner._speech_cue(line, 1, heading=True) == (1, "paraphrase", True)


def test_an_answer_the_writer_declines_to_assume_is_no_claim(ctxs):
    ctx = ctxs("cheryl_cam.txt")
    (r,) = records(ctx, "So I shouldn't just assume the answer is July 16 — let me work it out.")
    assert r.reading == REJECTED and not r.certain
    (r,) = records(ctx, "这题和原版的结构一样，但日期不同，不能直接套用7月16日的答案，要重新算。")
    assert not r.certain
    t = audit_trace(ctx.puzzle, "I shouldn't just assume the answer is July 16.\n\nAli has March or July.\n\n"
                                "**March 18.**", context=ctx)
    assert t.to_dict()["final_answer"] == ["March 18"] and t.label == -1


def test_a_list_after_a_verb_of_going_and_a_colon_is_not_what_went(ctxs):
    ctx = ctxs("card16.txt")
    found = records(ctx, "So the aces drop out: ♥Q, ♥4, ♦5.")  # the aces go; what follows is what is left
    assert [(r.kind, r.key.formula) for r in found] == [("exclusion", ("Compare", "!=", ("Var", "rank"), ("Const", 0)))]
    assert [r.kind for r in records(ctx, "This rules out: ♠J, ♠8.")] == ["exclusion"]


def test_an_ordinal_statement_of_the_dialogue_and_its_speaker(ctxs):
    from epistemic.audit.speakers import speaker_records
    ctx = ctxs("sum_product.txt")

    def said(text):
        return [r.key.formula for r in speaker_records(ctx.lexicon, text, ctx.aligner.quotes, ctx.aligner.speakers)]
    assert said("Third line: S says he now knows, so the pair is fixed.") == [("Speaker", "S", (3,))]
    assert said('The second remark, "I knew you didn\'t know them", comes from P.') == [("Speaker", "P", (2,))]
    assert said("P's second line: he knew S didn't know.") == []  # P's own second statement: a reference
    r = audit_trace(ctx.puzzle, "P doesn't know.\n\nS knew it.\n\nThird line: S says he now knows.", context=ctx)
    assert r.label == 2


def test_reported_speech_with_the_agents_exchanged_gives_a_statement_to_the_wrong_agent(ctxs):
    ctx = ctxs("card16.txt")
    wrong = "P先生说他不知道这张牌。\n\n然后P先生又说他早就知道Q先生不知道这张牌。"
    r = audit_trace(ctx.puzzle, wrong, context=ctx)
    assert r.label == 1 and any(c.record.kind == "speaker" for c in r.steps[1].claims)
    right = "P先生说他不知道这张牌。\n\n然后Q先生说他早就知道P先生不知道这张牌。"
    assert audit_trace(ctx.puzzle, right, context=ctx).label == -1
    view = "P先生说他不知道这张牌。\n\nQ先生说P先生不知道。"  # Q's view of P: not Q's statement retold
    assert not any(c.record.kind == "speaker" for c in audit_trace(ctx.puzzle, view, context=ctx).steps[1].claims)


def test_a_heading_that_quotes_then_names_its_speaker_and_plural_rank_words(ctxs):
    ctx = ctxs("card16.txt")
    assert ctx.aligner._speech_cue('### 3. "Now I know" (P)', 2, heading=True) == (3, "paraphrase", True)
    assert ctx.aligner._speech_cue('### 4. "Now I know too" (Q)', 3, heading=True) == (4, "paraphrase", True)
    assert sources(ctx, "It also removes the two aces.") == [("rank != A", True)]


def test_a_value_said_to_be_safe_or_fine_survives(ctxs):
    ctx = ctxs("cheryl.txt")
    assert [r.kind for r in records(ctx, "So June looks safe as well.")] == ["possible"]
    r = audit_trace(ctx.puzzle, "Albert says he doesn't know and is sure Bernard doesn't know.\n\nSo June looks safe as well.",
                    context=ctx)
    assert r.label == 1  # June goes with Albert's statement


def test_a_term_fixed_at_a_value_after_several_verbs(ctxs):
    ctx = ctxs("sum_product.txt")
    assert sources(ctx, "So the sum is already fixed at 17.") == [("x + y = 17", True)]
    assert sources(ctx, "So the sum is not 11.") == [("x + y != 11", True)]


def test_the_puzzle_retold_up_to_its_question_is_no_progress(ctxs):
    ctx = ctxs("muddy.txt")
    trace = ("Three kids. Father: \"At least one of you has mud.\" Then nobody steps forward. Then every muddy child "
             "knows they're muddy. How many are muddy?\n\nFirst the father's remark kills the all-clean world.\n\n"
             "So after this silence we already know that exactly two kids are muddy.")
    r = audit_trace(ctx.puzzle, trace, context=ctx)
    assert r.steps[0].aligned_by == "recap" and r.steps[1].stage == 0


def test_an_ordinal_round_names_the_repeated_statement_alone(ctxs):
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    assert [c.stage for c in ctx.aligner.inner_cues("- **2nd silence.**", 2)] == [3]


def test_a_pair_said_to_survive_is_checked_as_possible_but_a_list_is_not(ctxs):
    ctx = ctxs("sum_product.txt")
    assert [r.kind for r in records(ctx, "So (2, 15) survives P's statement.")] == ["possible"]
    assert [r.kind for r in records(ctx, "(2, 9), (3, 8), (4, 7) survive.") if r.kind == "possible"] == []
    r = audit_trace(ctx.puzzle, "P says he doesn't know.\n\nS says he knew P didn't know.\n\nP says he now knows. "
                                "So (2, 15) survives P's statement.", context=ctx)
    assert r.label == 2  # 30 = 5 × 6 too, with sum 11 on the list


def test_the_next_statement_narrated_in_the_past_tense_reaches_it(ctxs):
    ctx = ctxs("card16.txt")
    text = "Seven cards have a unique rank. Mr. P was told the rank and couldn't name the card, so it isn't one of those."
    assert [(c.stage, c.how) for c in ctx.aligner.inner_cues(text, 0)] == [(1, "narrated")]
    assert ctx.aligner.inner_cues("So P doesn't know the card.", 0) == ()  # present: maybe a conclusion drawn early
    said = ctx.aligner._speech_cue("Mr. Q then says he already knew P would be stuck.", 1)
    assert said == (2, "paraphrase", True)


def test_the_parameter_the_answer_is_written_as_is_the_count(ctxs):
    """muddy.txt says "answer sum(m) = k": a trace's "so k = 3" is a claim about the number of muddy children."""
    ctx = ctxs("muddy.txt")
    assert sources(ctx, "So k = 3.") == [("(m[1] + m[2]) + m[3] = 3", True)]
    assert sources(ctx, "这里连续两次没人站出来，所以k = 2。") == [("(m[1] + m[2]) + m[3] = 2", True)]
    assert sources(ctx, "So k = 1 is out.") == [("(m[1] + m[2]) + m[3] != 1", True)]
    for case in ("If k = 1, the muddy child knows at once.", "With k = 3, each muddy child can't exclude k = 2 vs 3."):
        counted = [(f, certain) for f, certain in sources(ctx, case) if " implies " not in f]
        assert counted == [] or all(not certain for _, certain in counted), case
    # (the first is that case's knowledge at the first question: rounds.py, tests/audit/test_opened_af.py)
    assert sources(ctx, "If k = 1, the muddy child knows at once.") == [
        ("(m[1] + m[2]) + m[3] = 1 implies ((m[1] = 1 implies c[1] knows m[1]) and (m[2] = 1 implies c[2] knows m[2])"
         " and (m[3] = 1 implies c[3] knows m[3]))", True)]
    from epistemic.audit.counts import answer_parameter
    assert answer_parameter(ctx.lexicon) == "k" and answer_parameter(ctxs("sum_product.txt").lexicon) is None


def test_a_dialogue_listed_with_arrows_is_an_outline(ctxs):
    ctx = ctxs("impossible.txt")
    r = audit_trace(ctx.puzzle, "- Statements: P can't determine → S knew that → P now can → S now knows too.\n\n"
                                "P doesn't know, so the product has two factorizations.", context=ctx)
    assert r.labels[0] == 0 and all(not c.record.certain for c in r.steps[0].claims if c.record.kind == "knowledge")


def test_a_closing_line_names_the_answer_and_a_headline_outranks_a_stray_list(ctxs):
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    trace = ("**Four children are muddy.**\n\nSilence in round 3 means there aren't exactly three.\n\n"
             "With exactly four, 'I'm clean' would mean only three are muddy.\n\nHence 4.")
    assert audit_trace(ctx.puzzle, trace, context=ctx).to_dict()["final_answer"] == ["4"]
    trace = "**Four children are muddy.**\n\nSilence in round 3 means there aren't exactly three."
    assert audit_trace(ctx.puzzle, trace, context=ctx).to_dict()["final_answer"] == ["4"]


def test_a_statement_named_as_a_premise_reaches_it(ctxs):
    ctx = ctxs("cheryl_variant.txt")
    trace = ("**Answer: June 12.**\n\n**Albert, first statement.** The 13th and the 20th appear only once, so Bernard "
             "would know straight away with either. Albert being sure Bernard doesn't know means his month has neither: "
             "March and May drop out.\n\n**Bernard.** What's left is April 14, April 17, April 19, June 12, June 19. "
             "The 19th is the only day still shared by two months, and Bernard now knows, so it isn't the 19th.\n\n"
             "**Albert, second statement.** April would still give him two dates; June gives one. It's June 12.")
    assert audit_trace(ctx.puzzle, trace, context=ctx).label == -1


def test_a_rank_named_like_an_agent_before_was_told_is_the_agent(ctxs):
    ctx = ctxs("card16.txt")
    assert sources(ctx, "Q was told the rank and P the suit.")[0] == ("Q knows rank", True)
    assert audit_trace(ctx.puzzle, "Q was told the rank and P the suit.", context=ctx).label == 0


def test_an_agent_who_holds_or_has_an_attribute_was_told_it(ctxs):
    ctx = ctxs("cheryl.txt")
    assert sources(ctx, "Bernard, who holds the month, can now tell which date it is.")[0] == ("Bernard knows month", True)
    assert sources(ctx, "Albert has the month.") == [("Albert knows month", True)]
    # holding a value of a variable says the agent observes it: right for Albert, the wrong agent for Bernard
    assert ("Albert knows month", True) in sources(ctx, "Albert has May.")
    assert audit_trace(ctx.puzzle, "Albert has May.", context=ctx).label == -1  # no wrong step
    assert audit_trace(ctx.puzzle, "If Bernard had May, he could not know.", context=ctx).label == 0
    assert all(f != "Albert knows day" for f, _ in sources(ctx, "Albert sees 15 and 16."))  # what is possible
    assert all(f != "Bernard knows month" for f, _ in sources(ctx, "Bernard has July/August 14."))


def test_removing_every_world_with_a_count_excludes_that_count(ctxs):
    ctx = ctxs("muddy.txt")
    assert sources(ctx, "The father's statement rules out every situation with fewer than two muddy children.") == [
        ("(m[1] + m[2]) + m[3] >= 2", True)]
    text = "The father's remark eliminates the all-clean world and, with it, every world with a single muddy child."
    assert ("(m[1] + m[2]) + m[3] != 1", True) in sources(ctx, text)
    assert sources(ctx, "A lone muddy child would see two clean faces.") == []
