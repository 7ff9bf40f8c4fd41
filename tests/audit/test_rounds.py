"""When the muddy children would know, supposing how many are muddy (rounds.py): each sentence is that case's
knowledge at the question its time names, true at one time and false at another, checked against the solver."""
import pytest

from epistemic import api
from tests.audit.reading import audit as _audit, bad as _bad
from tests.paths import ROOT

FATHER = "Father: at least one of you is muddy.\n\n"
AFTER = "\n\nSo it goes on."
N4K3 = {"n": 4, "k": 3}


def _timed(ctx, sentence):
    """(count supposed, muddy or clean, negated, stage, verdict) of each timed case read in the sentence."""
    out = []
    for c in _audit(ctx, FATHER + sentence + AFTER).claims():
        if c.record.at is not None:
            f = c.formula
            out.append((f.split(" = ", 1)[1].split(" implies ", 1)[0], "= 0 implies" in f, "(not c[1]" in f,
                        c.record.at, c.verdict.verdict))
    return out


@pytest.mark.parametrize("sentence, want", [
    # the time names the question: the first is right after the father, the r-th after r - 1 silences
    ("If exactly two were muddy, each muddy child would know in round 2.", ("2", False, False, 2, "entailed")),
    ("If exactly two were muddy, each muddy child would know in round 1.", ("2", False, False, 1, "premature")),
    ("If there were only one muddy child, she would have stepped forward the first time the father asks.",
     ("1", False, False, 1, "entailed")),
    ("With a single muddy child, she would know at once.", ("1", False, False, 1, "entailed")),
    ("With two muddy children, each would see one muddy face and, after the first silence, would know.",
     ("2", False, False, 2, "entailed")),
    ("With exactly three muddy children each would see two muddy faces and conclude after round 2 that they are "
     "muddy.", ("3", False, False, 3, "entailed")),
    ("With exactly three muddy children each would see two muddy faces and conclude after round 1 that they are "
     "muddy.", ("3", False, False, 2, "premature")),
    ("With two muddy children, nobody would know in round 1.", ("2", False, True, 1, "entailed")),
    ("If exactly one child were muddy, the clean ones would know at once.", ("1", True, False, 1, "false")),
    ("如果只有一个孩子有泥，他马上就能知道自己有泥。", ("1", False, False, 1, "entailed")),
    ("如果恰好两个孩子有泥，有泥的孩子在第一轮就应该能推出自己有泥而站出来。", ("2", False, False, 1, "premature")),
    ("如果恰好两个孩子有泥，有泥的孩子在第一轮沉默后就能推出自己有泥。", ("2", False, False, 2, "entailed")),
    # "call" names a question too; a case with a time needs no modal ("So with k = 2 someone steps forward …")
    ("If exactly two were muddy, they would step forward at the first call.", ("2", False, False, 1, "premature")),
    ("So with k = 2 someone steps forward at the first call as well.", ("2", False, False, 1, "premature")),
    ("So with k = 2 the muddy ones step forward at the second call.", ("2", False, False, 2, "entailed")),
])
def test_a_supposed_count_and_a_time_are_that_cases_knowledge_then(ctxs, sentence, want):
    assert _timed(ctxs("muddy.txt", N4K3), sentence) == [want]


def test_the_verdicts_agree_with_the_solver(ctxs):
    """The same case knowledge checked with the puzzle language at the stage the time names."""
    sol = api.solve(api.load_puzzle(ROOT / "puzzles" / "muddy.txt", N4K3))
    muddy = " and ".join(f"(m[{i}] implies c[{i}] knows m[{i}])" for i in range(1, 5))
    assert api.check(sol, f"sum(m) = 2 implies ({muddy})", stage=2).valid
    assert not api.check(sol, f"sum(m) = 2 implies ({muddy})", stage=1).valid
    assert not api.check(sol, f"sum(m) = 3 implies ({muddy})", stage=2).valid


@pytest.mark.parametrize("sentence", [
    "If exactly two were muddy, each muddy child would know.",  # no time
    "Could somebody know in round 1 with two muddy kids?",  # a question
    "With exactly 4 muddy, each muddy child sees 3 and, since a trio would have spoken in round 3, concludes she "
    "is the fourth.",  # the time is the reason's
    "If exactly two were muddy, each would know in round 4.",  # after round 3 nothing more is asked (k = 3)
])
def test_no_time_of_its_own_no_timed_case(ctxs, sentence):
    assert _timed(ctxs("muddy.txt", N4K3), sentence) == []


def test_what_a_child_sees_and_what_a_reason_says_are_not_the_knowing(ctxs):
    """"他看到5个干净的人 … 第一次就站出来了": the clean ones are seen, the muddy one knows; "看不到任何泥" is no
    negation of her knowing."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 5})
    assert _timed(ctx, "假设只有1个孩子有泥，他看到5个干净的人，父亲说至少有一个，那就是他自己，第一次就站出来了。") == \
        [("1", False, False, 1, "entailed")]
    assert _timed(ctx, "如果只有一个孩子有泥，那个孩子看不到任何泥，就能立刻推出是自己。") == \
        [("1", False, False, 1, "entailed")]


def test_a_wrong_round_flags_its_step(ctxs):
    """The first error of a trace: two muddy children knowing in the first round (they know after the first
    silence); the right round leaves the trace alone."""
    ctx = ctxs("muddy.txt", N4K3)
    text = (FATHER + "Round 1: nobody steps forward. If exactly two were muddy, each would see one muddy face and "
            "would know {}. So at least three are muddy." + AFTER)
    assert [c.record.kind for c in _bad(_audit(ctx, text.format("immediately in the first round")))] == \
        ["case knowledge"]
    assert not _bad(_audit(ctx, text.format("after the first silence")))


def test_one_sentence_retelling_the_whole_story_is_the_puzzle_restated(ctxs):
    """"父亲说至少一个人有泥，问谁知道…，没人站出来；然后有泥的孩子都知道自己有泥了。" as the first step names the father, the
    silence and the last statement in one sentence: the puzzle restated, not the trace at its end, so "干净的孩子这时就能
    确定自己是干净的" after the first silence is judged there (false: a clean child sees two muddy faces)."""
    ctx = ctxs("muddy.txt")
    opening = "嗯，三个孩子，父亲说至少一个人有泥，问谁知道自己有没有泥，没人站出来；然后有泥的孩子都知道自己有泥了。"
    alignment = ctx.aligner.align([opening, "那么这一轮沉默之后呢？"])
    assert alignment[0].how == "recap" and alignment[0].stage == 0
    text = opening + "\n\n那么这一轮沉默之后，干净的孩子看到两个有泥的，所以干净的孩子这时就能确定自己是干净的。\n\n答案：2个。"
    assert [c.record.kind for c in _bad(_audit(ctx, text))] == ["knowledge"]
    # a retelling ending on a denial ("Alice says she doesn't know, then Bob, then Carol") names the last statement
    # and another: the puzzle restated too (session 20; it used to move the trace to the end)
    what_sum = ctxs("what_sum.txt")
    told = "Okay, one is the sum of the other two. Alice says she doesn't know, then Bob, then Carol. Question: all different?"
    assert what_sum.aligner.align([told])[0].how == "recap"


def test_statements_named_together_and_credited_in_turn_date_nothing_alone(ctxs):
    """"父亲的话加上三轮无人站出，依次排除了只有1、2、3个有泥的情况": the father's words and three silences remove one count
    each, in turn; the reference to the father does not date "only one muddy is out" at his statement."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    text = (FATHER + "Nobody steps forward, three times.\n\n**有4个孩子额头上有泥。** 父亲的话加上三轮无人站出，{}排除了只有1、2、3个"
            "有泥的情况；有泥的孩子各自看到3个，于是能推出自己有泥。")
    assert _audit(ctx, text.format("依次")).label == -1
    assert _bad(_audit(ctx, "父亲的话排除了只有1个有泥的情况。"))  # the father's words alone: one silence early


@pytest.mark.parametrize("sentence, removed, stage", [
    ("The father's statement removes 0000, and also every world with a single muddy child.", 1, 1),
    ("So the two-muddy cases are also eliminated by the first silence.", 2, 2),
    ("所以第一轮的沉默也排除了两个人都有泥的情况。", 2, 2),
])
def test_the_worlds_of_one_count_said_to_go(ctxs, sentence, removed, stage):
    """"removes every world with a single muddy child": the count's worlds removed by the statement named (each of
    these one statement early: wrong credits), not a supposition of one muddy child."""
    ctx = ctxs("muddy.txt", N4K3)
    bad = _bad(_audit(ctx, FATHER + sentence + AFTER))
    assert [(c.record.kind, c.formula.rsplit(" ", 1)[1], c.verdict.verdict) for c in bad] == \
        [("credit", str(removed), "premature")]
    right = {1: "The first silence removes every world with a single muddy child.",
             2: "So the two-muddy cases are eliminated by the second silence." if sentence.isascii() else
             "所以第二轮的沉默排除了两个人都有泥的情况。"}[removed]
    assert not _bad(_audit(ctx, FATHER + right + AFTER))
