"""Speech paraphrased with the structure of another speaker's statement gives that statement to the wrong agent."""
import pytest

from epistemic.audit import audit_trace

CARD_OPENING = "P says he doesn't know the card.\n\nQ says he knew P didn't know.\n\n"


def _speaker_claims(report):
    return [(c.record.key.formula, c.verdict.verdict) for c in report.claims() if c.record.kind == "speaker"]


@pytest.mark.parametrize("sentence", [
    "Albert's second line is that he didn't know at first but knows now.",
    'Next, Albert says: "At first I didn\'t know, but now I know."',
    "Next Albert tells us that he didn't know at first but knows now.",
])
def test_another_speakers_statement_paraphrased_is_a_wrong_attribution(ctxs, sentence):
    ctx = ctxs("cheryl.txt")
    report = audit_trace(ctx.puzzle, sentence, context=ctx)
    assert (("Speaker", "Albert", (2,)), "false") in _speaker_claims(report)
    assert report.label == 0


@pytest.mark.parametrize("sentence", [
    "Bernard says he knows now.",  # part of his own "At first I don't know, but I know now"
    "Albert says he doesn't know, but knows Bernard doesn't know.",
    "If Albert had said he didn't know at first but knows now, Bernard would be confused.",
    "Albert would say he didn't know at first but knows now.",
])
def test_a_speakers_own_statement_or_a_supposition_is_no_attribution(ctxs, sentence):
    ctx = ctxs("cheryl.txt")
    report = audit_trace(ctx.puzzle, sentence, context=ctx)
    assert not [c for c in _speaker_claims(report) if c[1] == "false"]


def test_the_next_statement_given_to_the_speaker_of_a_like_later_one(ctxs):
    """P's "Now I know" comes next; Q's "Now I know too" only after it."""
    ctx = ctxs("card16.txt")
    wrong = audit_trace(ctx.puzzle, CARD_OPENING + "Next, Mr. Q announces that he now knows the card.", context=ctx)
    assert (("Speaker", "Q", (3,)), "false") in _speaker_claims(wrong) and wrong.label == 2
    for right in ("P now knows. Then Q says he knows too.", "Q said he *knew*, so his certainty came first."):
        report = audit_trace(ctx.puzzle, CARD_OPENING + right, context=ctx)
        assert not [c for c in _speaker_claims(report) if c[1] == "false"], right


def test_a_relative_clause_between_the_speaker_and_the_speech_verb(ctxs):
    """"Q, who holds the suit, says …" is Q's speech (Q is no queen); "Albert claims Bernard can't know" is Albert's
    knowledge of Bernard, the structure of his first statement's second part."""
    card = ctxs("card16.txt")
    k, _ = card.aligner.locate("Q, who holds the suit, says he already knew P would be stuck.", 1)
    assert k == 2
    variant = ctxs("cheryl_variant.txt")
    cues = variant.aligner.inner_cues("Albert, who knows the month, claims Bernard can't know yet.", 0)
    assert [c.stage for c in cues] == [1]


def test_what_is_said_is_the_quote_when_one_follows_the_speech_verb(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, "P说他不知道。\n\n然后第二句，P先生说“我早就知道你不知道”，也就是说P在开口之前就已经确定S先生不可能知道这两个数。",
                         context=ctx)
    assert (("Speaker", "P", (2,)), "false") in _speaker_claims(report)


def test_an_outline_of_the_dialogue_is_read_in_order(ctxs):
    """After "S replies that he knew P didn't know" (statement 2), "S says he can now determine" gives P's third to S,
    and "too" in another clause does not excuse it."""
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, "Let me make sure I have the dialogue right. P starts: he can't determine the "
                         "numbers. S replies that he knew P didn't know. Then S says he can now determine the numbers, "
                         "and P answers that he can too.", context=ctx)
    assert (("Speaker", "S", (3,)), "false") in _speaker_claims(report)


def test_iff_opens_a_supposition_and_nobody_moving_in_a_round_is_the_silence(ctxs):
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    report = audit_trace(ctx.puzzle, "The father says at least one of you is muddy.\n\nSo at the first question, someone "
                         "steps forward iff exactly one child is muddy.", context=ctx)
    assert report.label == -1
    assert ctx.aligner.inner_cues("第一轮没人动，所以有泥的人不止一个。", 1)[0].stage == 2


@pytest.mark.parametrize("sentence, wrong", [
    ("Mr. P knows the suit of the chosen card and Mr. Q knows its rank.", True),
    ("Mr. P knows the rank and Mr. Q the suit.", False),
])
def test_a_sentence_giving_each_agent_an_attribute_says_who_was_told_what(ctxs, sentence, wrong):
    ctx = ctxs("card16.txt")
    report = audit_trace(ctx.puzzle, sentence, context=ctx)
    told = [c for c in report.claims() if c.record.kind == "told"]
    assert len(told) == 2 and (report.label == 0) == wrong
    later = audit_trace(ctx.puzzle, "So now P knows the rank and Q knows the suit.", context=ctx)
    assert not [c for c in later.claims() if c.record.kind == "told"]


def test_knowing_that_or_it_is_no_knowledge_of_the_numbers(ctxs):
    ctx = ctxs("sum_product.txt")
    report = audit_trace(ctx.puzzle, "- P doesn't know → product has ≥ 2 valid factorizations.\n"
                         "- S knew that → no split of S's sum is prime+prime.", context=ctx)
    assert not [c for c in report.claims() if c.formula == "S knows (x, y)"]
