"""Readings from traces_de* (32 rows written in session 49 by helpers who never read the auditor, scored blind at
0.682, then opened in session 50) and the tuning sets di*, dj* written beside the blind dh*, each checked both
ways."""
from epistemic.audit.judge import Window
from tests.audit.reading import audit as _audit, bad, claims as _claims, said

ANNE_BILL = ('Anne: "I don\'t know your number."\n\nBill: "I don\'t know your number."\n\n'
             'Anne: "I know your number."\n\n')


def test_others_words_in_brackets_are_no_speech(ctxs):
    """"第五位：前四位都要（从他们的"不知道"推出来）…他说"是的！"": the bracket quotes the first four's words, not the
    fifth's (a correct trace flagged for giving him "I don't know"); a bracket right after a speech verb is still
    what is said ("P speaks first ("I don't know")", test_opened_bc)."""
    ctx = ctxs("drinking_logicians.txt", {"n": 5})
    report = _audit(ctx, '第五位：前四位都要（从他们的"不知道"推出来），如果他自己不要，他会说"不"；他说"是的！"，所以他也要。')
    assert _claims(report, "speaker") == [] and bad(report) == []
    plain = _audit(ctx, '第五位：他说"不知道"。')
    assert bad(plain)  # (his own words outside brackets are still his)


def test_a_speakers_case_checked_where_he_spoke(ctxs):
    """On Anne's final "I know", "a = 3: Bill with 2 doesn't know, Bill with 4 doesn't know" checks Bill's "I don't
    know" (his last word) case by case, where he said it; after the first statement only, with Bill to speak next,
    "Bill with 1 doesn't know" is about his coming turn, and false there (a ≠ 0 leaves him a = 2)."""
    ctx = ctxs("consecutive.txt")
    report = _audit(ctx, ANNE_BILL + "a = 3: b ∈ {2, 4}. Bill with 2 doesn't know, Bill with 4 doesn't know. "
                                     "So Anne can't tell.")
    assert bad(report) == [] and all(c.verdict.verdict == "entailed" for c in _claims(report, "case knowledge"))
    early = _audit(ctx, 'Anne: "I don\'t know your number."\n\nSo a ≠ 0. Bill with 1 doesn\'t know.')
    assert [c.verdict.verdict for c in bad(early)] == ["false"]


def test_a_silence_opening_its_sentence_is_that_rounds(ctxs):
    """"… know at the first question. Silence → at least 2 muddy. … at the second question. Silence again → at
    least 3.": each bound is dated by its round (the second one was premature at the first silence: a correct trace
    flagged); "Silence #1 → …" and "Silence #2 → …" likewise."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 3})
    report = _audit(ctx, "Father: at least one of you is muddy.\n\n1. If exactly one child were muddy, that child "
                         "would see two clean faces and know at the first question. Silence → at least 2 muddy.\n"
                         "2. If exactly two were muddy, each would see one muddy face and reason: \"if I were clean, "
                         "that child would have stepped forward in round 1.\" So both would step forward at the second "
                         "question. Silence again → at least 3.")
    bounds = _claims(report, "bound")
    assert [(c.verdict.verdict, c.verdict.stage) for c in bounds[-2:]] == [("entailed", 2), ("entailed", 3)]
    assert bad(report) == []
    four = ctxs("muddy.txt", {"n": 4, "k": 3})
    terse = _audit(four, "* 4 children. Father: ≥ 1 muddy.\n\n* Silence #1 → no child could know → k ≠ 1. So k ≥ 2.\n\n"
                         "* Silence #2 → k ≠ 2. So k ≥ 3.\n\n* Then all muddy children know → k = 3.")
    assert bad(terse) == [] and [c.verdict.stage for c in _claims(terse, "bound")] == [2, 3]


def test_this_step_credits_the_statement_in_hand(ctxs):
    """Under Bill's quoted line, "所以这一步只去掉 (1,0) 和 (9,10)" says his statement removes those and no other
    pair: false ((2,1) and (8,9) go too, a first error missed); naming all four holds."""
    ctx = ctxs("consecutive.txt")
    lead = ('## 1. 安妮："我不知道你的数"\n\n所以 a ≠ 0 且 a ≠ 10，去掉 (0,1) 和 (10,9)，剩 18 种。\n\n'
            '## 2. 比尔："我不知道你的数"\n\n其余b都有两个邻居，比尔无法确定，')
    wrong = _audit(ctx, lead + "所以这一步只去掉 (1,0) 和 (9,10)，剩 16 种。")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(wrong)] == [("credit", "false")]
    right = _audit(ctx, lead + "所以这一步只去掉 (1,0)、(2,1)、(8,9) 和 (9,10)，剩 14 种。")
    assert bad(right) == [] and [c.verdict.verdict for c in _claims(right, "credit")] == ["entailed"]


def test_an_aside_does_not_hide_the_knowing_it_explains(ctxs):
    """"- muddy children now know ⇒ each sees exactly 3 others (had he seen 4, he would still be waiting). So
    exactly 4.": the bracket's "would" is no supposition of the knowing, which the line narrates (the count was
    premature at stage 0, and took the place of the wrong final answer as the first error)."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    report = _audit(ctx, "- silence in round 1 ⇒ at least 2 muddy\n- silence in round 2 ⇒ at least 3\n"
                         "- silence in round 3 ⇒ at least 4\n- muddy children now know ⇒ each muddy child sees "
                         "exactly 3 muddy others (had he seen 4, he would still be waiting a round). So exactly 4.")
    assert [c.verdict.verdict for c in _claims(report, "candidates")] == ["entailed"] and bad(report) == []


def test_a_quoted_world_is_the_writers_word(ctxs):
    """'所以排除"白红红"': a hat world written in quotes is read, not blanked as speech; '第一位说不知道，就把"红白红"也
    排除了' credits the first man's words with a world only the second man's remove (a first error missed)."""
    ctx = ctxs("hats.txt")
    lead = '第一位说："我不知道自己帽子的颜色。"\n\n第一位看得到第二位和第三位。如果他看到两顶红帽子，他就知道自己戴的是白的。'
    right = _audit(ctx, lead + '他说不知道，所以排除"白红红"。')
    assert [c.verdict.verdict for c in _claims(right, "exclusion")] == ["entailed"] and bad(right) == []
    wrong = _audit(ctx, lead + '他说不知道，第一位说不知道，就把"红白红"也排除了。\n\n第二位说："我也不知道自己帽子的颜色。"')
    assert [(c.record.kind, c.verdict.verdict) for c in bad(wrong)] == [("credit", "premature")]


def test_a_list_concluded_as_forced_weighs_alone(ctxs):
    """"…, so the month has to be June." one statement early is a first error on its own (14 such on the tuning
    split, none before one); "so the month is June" stays a list that needs a second signal."""
    ctx = ctxs("cheryl_variant.txt")
    lead = said(ctx, 1) + "\n\nLeft: April 14, April 17, April 19, June 12, June 19.\n\n"
    step = ('**2. Bernard: "At first I didn\'t know, but now I do."**\nApril still has three possible dates and June '
            'only two; with three candidates in April there is no way for Bernard to pin the date down, so the month ')
    end = '\n\n**3. Albert: "Then I also know."**\nSo it is June 12.'
    forced = _audit(ctx, lead + step + "has to be June." + end)
    assert [(c.record.kind, c.verdict.verdict, c.evidence) for c in bad(forced)] == \
        [("candidates", "premature", "strong")]
    assert bad(_audit(ctx, lead + step + "is June." + end)) == []


def test_the_next_speaker_hearing_opens_his_turn(ctxs):
    """"第二位看得到第一位和第三位，也听到了第一位的话。" opens the second man's reasoning: the worlds his "I don't know"
    removes, listed after it, are his statement's (premature at the first: a correct trace flagged)."""
    ctx = ctxs("hats.txt")
    lead = ('第一位说："我不知道自己帽子的颜色。"\n\n'
            '第一位看得到第二位和第三位。如果他看到两顶红帽子，他就知道自己戴的是白的。他说不知道，所以排除"白红红"。\n\n')
    step = ('\n- 如果他看到第一位红、第三位红，那他自己一定是白的，他会知道。所以排除"红白红"。\n\n'
            '第二位说："我也不知道自己帽子的颜色。"')
    heard = _audit(ctx, lead + "第二位看得到第一位和第三位，也听到了第一位的话。" + step)
    assert bad(heard) == [] and heard.steps[2].reached == 2
    seeing = _audit(ctx, lead + "第二位看得到第一位和第三位。所以排除\"红白红\"。\n\n第二位说：\"我也不知道自己帽子的颜色。\"")
    assert bad(seeing)  # (without his turn opened, nor his knowing worked out, the removal is one statement early)


def test_a_second_clause_of_another_subject_gives_no_answer(ctxs):
    """"**Cheryl is 9**; her brothers are both 4.": the 4 is the brothers' age, not a second answer for Cheryl (the
    last answer read, a correct trace's answer misjudged)."""
    ctx = ctxs("cheryls_age.txt")
    report = _audit(ctx, "## Answer\n\n**Cheryl is 9**; her brothers are both 4.")
    assert report.final_answer == ((9,),) and report.final_answer_correct


def test_a_claims_verdict_is_cached_with_its_kind(ctxs):
    """The judge's cache holds a verdict by key, window and kind: a hypothetical judged first (which may look one
    stage back) does not hand its verdict to a case's knowledge of the same key (which may not), so a trace's audit
    does not depend on the traces audited before it."""
    ctx = ctxs("consecutive.txt")
    text = (ANNE_BILL.split("\n\nAnne")[0].replace("\n\nBill", "\n\nSo a ≠ 0 and a ≠ 10.\n\nBill") +
            "\n\n- b = 1 → a is 0 or 2. Bill holding 1 would be torn between 0 and 2, so he can't know. Stays.")
    fresh = [(c.record.kind, c.verdict.verdict) for c in _audit(ctx, text).steps[-1].claims]
    assert ("case knowledge", "false") in fresh
    case = next(c for c in _audit(ctx, text).steps[-1].claims if c.record.kind == "case knowledge")
    from epistemic.audit import AuditContext
    other = AuditContext.build(ctx.puzzle)
    for stage, reached, fresh_window in ((j, k, f) for j in range(3) for k in range(j, 3) for f in (False, True)):
        other.judge.audit(case.record._replace(kind="hypothetical"), Window(stage, reached, fresh_window), case.lexicon)
    assert [(c.record.kind, c.verdict.verdict) for c in _audit(other, text).steps[-1].claims] == fresh


def test_a_trace_closing_on_no_answer_gives_none(ctxs):
    """"- The blind man's hat is **probably white**, but …" then "**He cannot know his colour for certain.**": the
    trace gives no answer (a hedge in bold is none, nor is the last list of candidates), so its answer is wrong; a
    closing line that names the colour gives it."""
    ctx = ctxs("hats.txt")
    lead = ("The third man's hat is white in four of the five remaining cases, but in one it is red.\n\n"
            "- The blind man's hat is **probably white**, but a red hat is not excluded.\n\n")
    report = _audit(ctx, lead + "**He cannot know his colour for certain.**")
    assert report.final_answer is None and not report.final_answer_correct
    named = _audit(ctx, lead + "**So his hat is white.**")
    assert named.final_answer == ((0,),) and named.final_answer_correct


def test_an_items_bold_equation_before_a_supposition_is_its_case(ctxs):
    """"1. **b = c.** Alice sees b and c equal, so she would know a = 2b.": the bold equation names the item's case
    (read as "**b = c**:"), not a claim that b = c (false: a correct trace flagged); the conclusion after it is
    still read."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "1. **b = c.** Alice sees b and c equal, so she would know a = 2b. She said she doesn't "
                         "know, so b ≠ c.")
    assert bad(report) == [] and [c.verdict.verdict for c in _claims(report, "term bound") if c.record.certain] == \
        ["entailed"]
    plain = _audit(ctx, "1. **b = c.** So Alice knows nothing more.")
    assert [c.formula for c in bad(plain)] == ["b = c"]  # (no supposition after it: a claim)


def test_what_an_agent_sees_in_brackets_is_a_case(ctxs):
    """"第二位看到（第一位=白，第三位=红），…第三位已经是红的了，所以第二位不是红的。": the view spelt out in brackets
    is the world the rest of the step stands in, not the stage (where the second hat may be red)."""
    ctx = ctxs("hats.txt")
    lead = '第一位说："我不知道自己帽子的颜色。"\n\n第二位说："我也不知道自己帽子的颜色。"\n\n'
    viewed = _audit(ctx, lead + "第二位看到（第一位=白，第三位=红），第三位已经是红的了，所以第二位不是红的。")
    assert bad(viewed) == []
    bare = _audit(ctx, lead + "第三位已经是红的了，所以第二位不是红的。")
    assert bad(bare)


def test_a_sum_after_a_quotient_is_no_equation_of_its_own(ctxs):
    """"98·97/2 + 98 = 4753 + 98 = 4851": the sum starts inside a longer expression, not "2 + 98 = 4753 + 98"."""
    ctx = ctxs("impossible.txt")
    report = _audit(ctx, "- Worlds: pairs (x, y) with 2 ≤ x ≤ y ≤ 99 → 98·97/2 + 98 = 4753 + 98 = **4851**.")
    assert bad(report) == []
    assert bad(_audit(ctx, "- Worlds: 2 + 98 = 4753 + 98."))


def test_a_list_of_triples_with_bracketed_sums_is_checked(ctxs):
    """"144·1·1 (146), 72·2·1 (75), 12·4·3 (18)": in a list of three or more triples each bracket is the triple's
    sum (12 + 4 + 3 is 19: a first error missed); a lone "2·3·4 (24)" stays unread."""
    ctx = ctxs("cheryls_age.txt")
    wrong = _audit(ctx, "144·1·1 (146), 72·2·1 (75), 12·4·3 (18).")
    assert [(c.formula, c.verdict.verdict) for c in bad(wrong)] == [("(12 + 4) + 3 = 18", "false")]
    assert bad(_audit(ctx, "144·1·1 (146), 72·2·1 (75), 12·4·3 (19).")) == []
    assert _claims(_audit(ctx, "So 12·4·3 (18) is out."), "arithmetic") == []


def test_the_sums_of_a_products_splits_are_checked_in_order(ctxs):
    """"(4,7): 28 = 2·14 → {11, 17}": the pair's sum, then each other split's (2 + 14 is 16: a first error missed);
    the true sums in another order ("(3,8): 24 = 2·12 = 4·6 → {10, 11, 14}") are a sorted set, not a slip."""
    ctx = ctxs("sum_product.txt")
    wrong = _audit(ctx, "- (4,7): 28 = 2·14 → {11, 17} → two in the list ✗")
    assert [(c.formula, c.verdict.verdict) for c in bad(wrong)] == [("2 + 14 = 17", "false")]
    assert bad(_audit(ctx, "- (3,8): 24 = 2·12 = 4·6 → {10, 11, 14} ✓")) == []


def test_the_smallest_value_of_a_term_is_no_candidate(ctxs):
    """"so the smallest sum is 5 = 2 + 3" names the least sum there is, not the stage's sum (a correct derivation
    flagged eighteen steps before its wrong final answer); "so the sum is 5" is still read."""
    ctx = ctxs("sum_product.txt")
    smallest = _audit(ctx, "Also 4 = 2 + 2 not allowed, so the smallest sum is 5 = 2 + 3.")
    assert _claims(smallest, "candidates") == []
    assert [c.formula for c in _claims(_audit(ctx, "Also 4 = 2 + 2 not allowed, so the sum is 5."), "candidates")] \
        == ["x + y = 5"]


def test_already_put_first_dates_the_clause(ctxs):
    """"- So already after the first man speaks, the blind man knows his own hat is white.": the fronted "already
    after …" dates the knowing at the first statement, one early (a first error missed)."""
    ctx = ctxs("hats.txt")
    lead = '第一位说："我不知道自己帽子的颜色。"\n\n'
    early = _audit(ctx, lead + "- So already after the first man speaks, the blind man knows his own hat is white.\n\n"
                               '第二位说："我也不知道自己帽子的颜色。"')
    assert [(c.record.kind, c.verdict.verdict, c.evidence) for c in bad(early)] == \
        [("knowledge", "premature", "strong")]
    later = _audit(ctx, lead + "- So after the first man speaks, the blind man knows his own hat is white.\n\n"
                               '第二位说："我也不知道自己帽子的颜色。"')
    assert bad(later) == []
