"""Readings from traces_be* (30 long rows, 22 correct, written in session 28 by a helper who never read the
auditor, scored blind at the session's start code, then opened), each checked both ways where the reader reads a
wrong wording of the same kind."""
from epistemic.audit.labels import defined_labels, label_mentions
from tests.audit.reading import audit as _audit, bad as _bad, said as _said


def test_a_world_supposed_and_the_dialogue_replayed_in_it(ctxs):
    """"Suppose the card is the 5 of diamonds." then a line per statement ("P is told 5 … P genuinely doesn't know"):
    each line is about its own statement in that world, not about the last stage, where P does know."""
    ctx = ctxs("card16.txt")
    lines = "\n- P is told \"5\". The 5 appears in clubs and diamonds, so P genuinely doesn't know.\n" \
            "- Q is told \"diamonds\". Q knew P didn't know."
    assert not _bad(_audit(ctx, _said(ctx, 4) + "\n\nSuppose the card is the 5 of diamonds." + lines))
    assert _bad(_audit(ctx, _said(ctx, 4) + "\n\nLet me look once more." + lines))


def test_a_line_naming_two_statements_is_dated_by_the_later(ctxs):
    """'- P's "I don't know" and S's "I knew it" force the sum into {…} (… 51 fails via 17·34).': S's statement rules
    out 51, so the line is about the stage after it (S's "I knew it" names S's statement about before); the same
    line naming P's statement alone is early for 51."""
    ctx = ctxs("sum_product.txt")
    tail = " force the sum into {11, 17, 23, 27, 29, 35, 37, 41, 47, 53} (51 fails via 17·34).\n" \
           "- P's \"Now I know\": the product has one factorization with a sum in that list."
    head = _said(ctx, 4) + "\n\n**x = 4 and y = 13.**\n\n"
    assert not _bad(_audit(ctx, head + "- P's \"I don't know\" and S's \"I knew it\"" + tail))
    assert _bad(_audit(ctx, head + "- P's \"I don't know\" alone does it: it and the rest" + tail))


def test_the_clause_asked_whether_runs_to_the_end_of_the_sentence(ctxs):
    """"The question is whether, after all that, the three numbers are necessarily all different": asked, not said,
    though a comma comes first."""
    ctx = ctxs("what_sum.txt")
    assert not _bad(_audit(ctx, "The question is whether, after all that, the three numbers are necessarily all "
                                "different (answer 1 for yes).\n\n" + _said(ctx, 3)))
    assert _bad(_audit(ctx, "So, after all that, the three numbers are necessarily all different.\n\n" + _said(ctx, 3)))


def test_an_enumerated_if_line_is_supposed_to_its_end(ctxs):
    """"第一，如果 b = c，那 … 只能是 a = 2b。爱丽丝知道。": the knowing on the line is that case's."""
    ctx = ctxs("what_sum.txt")
    line = "那 |b − c| = 0，不在1到50之间，所以只能是 a = b + c = 2b。爱丽丝知道。"
    assert not _bad(_audit(ctx, "什么时候只剩一个候选？\n第一，如果 b = c，" + line + "\n除此之外她不知道。"))
    assert _bad(_audit(ctx, "什么时候只剩一个候选？\n第一，b = c，" + line + "\n除此之外她不知道。"))


def test_a_step_headed_by_a_relation_s_case(ctxs):
    """"情况二：a = c。… 所以鲍勃一定知道。但他说不知道，所以…没有 a = c 的。": Bob knows in that case; what follows
    "但" is the conclusion. Without the heading, "鲍勃一定知道" is a claim about the stage."""
    ctx = ctxs("what_sum.txt")
    body = "鲍勃看到的两个数相等，他的候选是2a和0，0不行，所以他的数只能是2a。所以鲍勃一定知道。但他说不知道，所以鲍勃说完之后，" \
           "剩下的可能里没有 a = c 的。"
    assert not _bad(_audit(ctx, _said(ctx, 1) + "\n\n情况二：a = c。" + body))
    assert _bad(_audit(ctx, _said(ctx, 1) + "\n\n再看：" + body))


def test_a_sentence_opening_on_one_value_of_a_number_is_its_topic(ctxs):
    """"a = 2原来有(2, 1)和(2, 3)，(2, 1)被排除了，只剩(2, 3)。": the pairs with a = 2, not the pairs left."""
    ctx = ctxs("consecutive.txt")
    said = _said(ctx, 2) + "\n\n"
    assert not _bad(_audit(ctx, said + "a = 2原来有(2, 1)和(2, 3)，(2, 1)被排除了，只剩(2, 3)。"))
    assert _bad(_audit(ctx, said + "所以(2, 1)被排除了，只剩(2, 3)。"))


def test_knowing_the_owner_of_other_cards_is_not_card_6(ctxs):
    """"Cath still doesn't know the owner of any of 0–5": cards 0 to 5, not card 6 (which she holds and knows)."""
    ctx = ctxs("russian_cards.txt")
    report = _audit(ctx, _said(ctx, 2) + "\n\nSo Cath still doesn't know the owner of any of 0–5.")
    assert not [c for c in report.steps[-1].claims if c.record.kind == "knowledge"]
    report = _audit(ctx, _said(ctx, 2) + "\n\nSo Cath still doesn't know the owner of card 6.")
    assert [c for c in report.steps[-1].claims if c.record.kind == "knowledge"]


def test_an_answer_s_gloss_on_its_line_is_no_second_answer(ctxs):
    """"**Card 6 is held by Cath.** Bob can say so because …, while Cath, seeing four equally possible hands for
    Alice, learns nothing": the answer is Cath's; Alice named in its gloss is not another holder."""
    ctx = ctxs("russian_cards.txt")
    report = _audit(ctx, _said(ctx, 2) + "\n\n## Answer\n\n**Card 6 is held by Cath.** Bob can say so because "
                                         "Alice's announcement tells him her hand, while Cath, seeing four equally "
                                         "possible hands for Alice, learns nothing about the other six cards.")
    assert report.final_answer_correct and not _bad(report)
    report = _audit(ctx, _said(ctx, 2) + "\n\n## Answer\n\n**Card 6 is held by Alice.**")
    assert not report.final_answer_correct


def test_a_pair_spelled_out_after_a_question_is_no_claim(ctxs):
    """"Is (9,8) still in? That's a = 9, b = 8.": the pair asked about, written out, not the values left."""
    ctx = ctxs("consecutive.txt")
    said = _said(ctx, 2) + "\n\n"
    assert not _bad(_audit(ctx, said + "Wait, is (9,8) still in? That's a = 9, b = 8. Bill with 8 considers 7 and 9."))
    assert _bad(_audit(ctx, said + "Wait, is (9,8) still in? So a = 9, b = 8. Bill with 8 considers 7 and 9."))


def test_knowing_only_when_is_a_condition(ctxs):
    """"Anne knows b immediately only when her number has a single neighbour in range": when she would know, not
    that she does (a supposition); "…, since …" asserts it (too early, with nothing after it to date it)."""
    ctx = ctxs("consecutive.txt")
    head = "## Statement 1 — Anne doesn't know\n\nAnne knows b immediately{}her number has a single neighbour in range."

    def knowing(report):
        return [c.record.reading for c in report.steps[1].claims if c.record.kind == "knowledge"]
    assert knowing(_audit(ctx, head.format(" only when "))) == ["supposition"]
    assert knowing(_audit(ctx, head.format(", since "))) == ["stage not reached by any cue"]  # (said; too early)


def test_labels_made_of_an_initial_and_a_number(ctxs):
    """"- (A1) Albert: "…"\n- (B1) Bernard: "…"\n- (A2) Albert: "…"" defines labels for the three statements, and a
    later "After (A1)" is a cue for statement 1; labels before the wrong speakers define nothing."""
    ctx = ctxs("cheryl.txt")
    said = [dict(a.texts)["en"] for a in ctx.puzzle.announcements]

    def defined(names):
        text = "\n".join(f'- {n}: "{q}"' for n, q in zip(names, said))
        return defined_labels(ctx.lexicon, ctx.aligner.voices, text)
    found = defined(("(A1) Albert", "(B1) Bernard", "(A2) Albert"))
    assert found is not None and found.names == {"(A1)": 1, "(B1)": 2, "(A2)": 3}
    assert label_mentions(found.names, "**Claim 1.** After (A1) the month is July or August.") == [(19, 1)]
    assert defined(("(A1) Bernard", "(B1) Albert", "(A2) Bernard")) is None


def test_what_a_removal_leaves_is_a_count_among_counts(ctxs):
    """"from the 9, we removed ♠4, ♣Q, ♣5, ♣4 — four cards — leaving 5": five cards, not the rank 5."""
    ctx = ctxs("card16.txt")
    said = _said(ctx, 2) + "\n\n"
    later = "\n\n" + "\n\n".join(f"{a.speaker} then says: “{dict(a.texts)['en']}”"
                                   for a in ctx.puzzle.announcements[2:])
    assert not _bad(_audit(ctx, said + "Let me count: from the 9, we removed ♠4, ♣Q, ♣5, ♣4 — four cards — leaving 5."
                           + later))
    assert _bad(_audit(ctx, said + "From the 9 cards, we removed ♠4, ♣Q and ♣4, leaving ♣5." + later))
