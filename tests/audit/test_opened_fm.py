"""Readings from traces_fm* (32 rows written in session 62 by helpers who never read the auditor, as chat answers of
Gemini 2.5 / Claude 4 in English and of Doubao / Kimi / DeepSeek-V3 in Chinese, scored blind at 0.833 three times,
then opened in session 63), each checked both ways: one statement quoted as said by all in turn ("三人依次说「…」"),
"结论先行：" as a summary label, "… points us to June 12", two named children knowing in a supposed world ("假设只
有一个孩子有泥…2号和3号…会知道自己是干净的"), a "Setup" paragraph retelling the puzzle, a supposition said alone and
the "那么…" sentence after it, and "第二位结合第一位的话就能判断出…" (the second man knows, not the first); and from
the tuning sets of session 63 (Claude thinking, LaTeX answers, tutor dialogues, points of view, terse notes): "It was
in May too", "我一开始也想顺手把…划掉，但…", "m = Jul leaves {16, 17}", LaTeX text commands and "\\dots", dates as
"(7,16)", "S先生知道 $S$", "is in the dark" without an object, "我早知道你不知道", full-width digits, and "asks
everyone who knows … to step forward"."""
from epistemic.audit.claims import extract_records
from tests.audit.reading import audit as _audit, bad, claims as _claims, formulas, said

WHAT_SUM = ("### 题目理解\n\n三个数都在 1 到 50 之间，其中一个是另两个之和，每人看得到另外两个数。问：三人依次说「我不知道我的数」"
            "之后，三个数是否一定互不相同？\n\n**结论先行：{verdict}**\n\n第一句排除 b = c 的情况，第二句排除 a = c，第三句排除"
            " a = b。所以剩下的 330 种情况里三个数两两不同。\n\n**答案：是。**")


def test_one_statement_quoted_as_said_in_turn_retells_them_all(ctxs):
    """"问：三人依次说「我不知道我的数」之后，…？": the three statements share those words, and "in turn" says all of them:
    the puzzle retold with its question (no progress), so the "conclusion first" line after it is a headline; the
    same quote not said in turn names no statement but its own."""
    ctx = ctxs("what_sum.txt")
    assert ctx.aligner.said_in_turn("三人依次说「我不知道我的数」之后") == {1, 2, 3}
    assert ctx.aligner.said_in_turn("They each in turn say 'I don't know my number'.") == set()  # no quote marks read
    assert ctx.aligner.said_in_turn("爱丽丝说「我不知道我的数」") == set()
    right = _audit(ctx, WHAT_SUM.format(verdict="是，三个数一定互不相同。"))
    assert (right.steps[1].aligned_by, right.steps[2].stage) == ("recap", 0) and right.label == -1 and not bad(right)
    assert [c.record.reading for c in _claims(right) if c.record.start < 20 and c.step == 2] == ["answer headline"]


def test_conclusion_first_is_a_summary_label(ctxs):
    """"**结论先行：…**" labels a summary as "先说结论：" does: its claim holds only after the dialogue, a headline."""
    from epistemic.audit.answers import SUMMARY_LABEL
    assert SUMMARY_LABEL.match("**结论先行：是，三个数一定互不相同。**") is not None
    assert SUMMARY_LABEL.match("**结论：是。**") is not None and SUMMARY_LABEL.match("结论是这样的。") is None


def test_points_us_to_names_what_is_left(ctxs):
    """"Bernard's statement points us to June 12 as the date" says only June 12 is left: premature right after
    Bernard's statement (April 14 and April 17 are left too), right after Albert's last one."""
    ctx = ctxs("cheryl_variant.txt")
    last = said(ctx).split("\n\n")[-1]
    early = _audit(ctx, said(ctx, 2) + "\n\nSo Bernard's statement points us to June 12 as the date.\n\n" + last +
                   "\n\nSo the birthday is June 12.")
    assert early.label == 2 and [(c.formula, c.verdict.verdict) for c in bad(early)] == [
        ("month = June and day = 12", "premature")]
    right = _audit(ctx, said(ctx, 3) + "\n\nSo Albert's last statement points us to June 12 as the date.")
    assert not bad(right) and right.final_answer_correct


def test_two_named_children_knowing_in_a_supposed_world(ctxs):
    """"假设只有一个孩子有泥，比如1号。那么2号和3号各自看到1号有泥，…，他们会立刻知道自己是干净的": the case of one
    muddy child, in which children 2 and 3 would know they are clean: false (each sees one muddy face and cannot
    tell one muddy child from two); in that case child 1 would know, which holds. 1号, seen, is not who knows."""
    ctx = ctxs("muddy.txt")
    opening = said(ctx, 2, "zh") + "\n\n"
    wrong = _audit(ctx, opening + "假设只有一个孩子有泥，比如1号。那么2号和3号各自看到1号有泥，结合父亲的话，他们会立刻知道"
                                  "自己是干净的。可是没有人站出来，所以有泥的孩子不止一个。")
    assert [(c.record.kind, c.verdict.verdict) for c in bad(wrong)] == [("case knowledge", "false")]
    assert "c[2] knows m[2]" in bad(wrong)[0].formula and "c[1] knows" not in bad(wrong)[0].formula
    other = extract_records(ctx.lexicon, "1号和2号都有泥，所以3号知道自己是干净的。", False, ctx.memo)
    assert not [r for r in other if "c[1]" in str(r.key.formula)]  # (3号 knows, not the pair before it)


def test_a_setup_paragraph_retells_the_puzzle(ctxs):
    """"**Setup (three children).** … the father says …, asks those who know to step forward (nobody does), and
    afterwards every muddy child knows.": the puzzle retold, which reaches no statement, so a case judged in the first
    round is judged there ("The clean child can now also tell that she is clean" after one silence: false, she
    cannot tell two muddy children from three), not after the last statement."""
    ctx = ctxs("muddy.txt")
    text = ("**Setup (three children).** Each child sees the other two foreheads. The father says at least one of "
            "them is muddy, asks those who know to step forward (nobody does), and afterwards every muddy child "
            "knows.\n\n## Round 1: nobody steps forward\n\nSo at least two children are muddy. Suppose two children "
            "are muddy. The clean child can now also tell that she is clean: she sees two muddy faces.\n\n## Then "
            "every muddy child knows\n\nSo exactly two children are muddy.")
    report = _audit(ctx, text)
    assert report.steps[0].reached == 0 and report.steps[0].aligned_by == "recap"
    assert report.label == 2 and [c.record.kind for c in bad(report)] == ["case knowledge"]
    right = _audit(ctx, text.replace("The clean child can now also tell", "Only the muddy ones can now tell they "
                                     "are muddy; the clean child still cannot tell"))
    assert right.label == -1
    from epistemic.audit.align import _GIVEN_HEADING
    assert _GIVEN_HEADING.match("**Setup:** three children") is not None
    assert _GIVEN_HEADING.match("Setup the table first") is None


HATS = ("第一位看到第二位和第三位的帽子，他说不知道，所以第二位和第三位没有同时戴红帽。\n\n盲人假设自己戴的是红帽。那么{who}，"
        "就能立刻知道自己帽子的颜色。但第一位说了「不知道」，所以盲人戴的不是红帽。\n\n盲人戴的是**白帽子**。")


def test_a_supposition_said_alone_then_its_consequence(ctxs):
    """"盲人假设自己戴的是红帽。那么第一位看到盲人头上的红帽，就能立刻知道…": the sentence opening on "那么" says what
    follows in the world the sentence before supposes: h[3] = red implies w[1] knows h[1] (false: he could still
    wear either colour); said of the second man after the first spoke, it holds."""
    ctx = ctxs("hats.txt")
    wrong = _audit(ctx, said(ctx, 1, "zh") + "\n\n" + HATS.format(who="第一位看到盲人头上的红帽"))
    assert "h[3] = red implies w[1] knows h[1]" in [c.formula for c in _claims(wrong, "hypothetical")]
    records = extract_records(ctx.lexicon, "假设盲人戴的是红帽。那么第二位结合第一位的话，就能知道自己帽子的颜色。",
                              False, ctx.memo)
    assert [str(r.key.formula) for r in records if r.kind == "hypothetical"] == [
        "('Implies', ('Compare', '=', ('Var', 'h[3]'), ('Const', 1)), ('Knows', 'agent', ('w[2]',), 'value', "
        "(('Var', 'h[2]'),)))"]
    plain = extract_records(ctx.lexicon, "假设盲人戴的是红帽。第一位看到了。", False, ctx.memo)
    assert not [r for r in plain if r.kind == "hypothetical"]  # (no "then": no consequence read)


def test_the_knower_is_not_the_one_whose_words_are_used(ctxs):
    """"如果第三位是红帽，第二位结合第一位的话就能判断出自己是白帽": the second man knows, using the first man's words
    (it was read as the first man knowing, the agent nearest the knowing word)."""
    ctx = ctxs("hats.txt")
    records = extract_records(ctx.lexicon, "如果第三位是红帽，第二位结合第一位的话就能判断出自己是白帽。", False, ctx.memo)
    assert [r.key.formula[2][2] for r in records if r.kind == "hypothetical"] == [("w[2]",)]


def test_a_value_said_in_addition_is_no_list(ctxs):
    """"Why can we keep 16? It was in May too.": where 16 occurs, not that the month is May (false after May went)."""
    ctx = ctxs("cheryl.txt")
    records = extract_records(ctx.lexicon, "Why can we keep 16? It was in May too.", False, ctx.memo)
    assert [r.reading for r in records if r.kind == "candidates"] == ["list under a property"]
    plain = extract_records(ctx.lexicon, "It was in May.", False, ctx.memo)
    assert [r.reading for r in plain if r.kind == "candidates"] == ["value list"]


def test_an_idea_one_also_had_at_first_is_rejected(ctxs):
    """"我一开始也想顺手把b = 0和b = 10划掉，但…": the idea set aside, not an elimination made one statement early."""
    ctx = ctxs("consecutive.txt")
    rejected = extract_records(ctx.lexicon, "我一开始也想顺手把b = 0和b = 10划掉，但这句话是安妮说的。", False, ctx.memo)
    assert [r.reading for r in rejected if r.kind == "exclusion"] == ["rejected idea"]
    made = extract_records(ctx.lexicon, "我们把b = 0和b = 10划掉。", False, ctx.memo)
    assert [r.reading for r in made if r.kind == "exclusion"] != ["rejected idea"]


def test_a_value_that_leaves_options_is_a_case(ctxs):
    """"m = Jul leaves {16, 17} — two options": July's case, not the month claimed to be July."""
    ctx = ctxs("cheryl_cam.txt")
    case = extract_records(ctx.lexicon, "m = Jul leaves {16,17} — two options, Ali would not know.", False, ctx.memo)
    assert not [r for r in case if r.kind == "candidates" and r.certain]
    said_so = extract_records(ctx.lexicon, "So m = Jul.", False, ctx.memo)
    assert [r.certain for r in said_so if r.kind == "candidates"] == [True]


def test_latex_text_commands_and_dots_are_read(ctxs):
    """"$\\boxed{\\text{July } 16}$", "$m=\\mathrm{Jul}$", "$\\mathcal{D}_1$" and "$a\\in\\{1,\\dots,9\\}$": the words inside
    a text command and "…" for \\dots, at the same offsets."""
    from epistemic.audit.segment import plain
    for raw, read in (("is $\\boxed{\\text{July } 16}$.", "July  16"), ("$m=\\mathrm{Jul}$", "m=         Jul"),
                      ("$\\mathcal{D}_1'=$", "D_1'="), ("$a\\in\\{1,\\dots,9\\}$", "{1, …")):
        assert read in plain(raw) and len(plain(raw)) == len(raw)
    ctx = ctxs("consecutive.txt")
    bound = _audit(ctx, said(ctx, 1) + "\n\n**Claim 1.** After Anne's statement, $a\\in\\{1,\\dots,9\\}$.")
    assert not bad(bound) and "a >= 1 and a <= 9" in formulas(bound)


def test_a_date_written_as_a_pair_of_numbers(ctxs):
    """"{(7,16),(8,15),(8,17)}" in Cheryl's puzzle: July 16, August 15, August 17 (month, day), as "7/16" is."""
    ctx = ctxs("cheryl.txt")
    records = extract_records(ctx.lexicon, "So only {(7,16),(8,15),(8,17)} are left.", False, ctx.memo)
    assert [r.answer for r in records if r.kind == "candidates"] == [((2, 16), (3, 15), (3, 17))]


def test_an_agent_knowing_the_letter_of_his_own_term(ctxs):
    """"S先生知道 $S$，P先生知道 $P$": what each is told (the sum, the product), not each knowing the pair."""
    ctx = ctxs("sum_product.txt")
    assert not extract_records(ctx.lexicon, "S先生知道 $S$，P先生知道 $P$。", False, ctx.memo)
    knows = extract_records(ctx.lexicon, "S先生知道这两个数。", False, ctx.memo)
    assert [r.kind for r in knows] == ["knowledge"]


def test_in_the_dark_takes_no_object_but_after_about(ctxs):
    """"Albert's certainty that Bernard is in the dark also disposes of the 14s": Bernard does not know the date (the
    14s are what the certainty disposes of, not what he does not know); "in the dark about the month" has one."""
    ctx = ctxs("cheryl.txt")
    dark = extract_records(ctx.lexicon, "Albert's certainty that Bernard is in the dark also disposes of the 14s.",
                           False, ctx.memo)
    assert [str(r.key.formula) for r in dark if r.kind == "knowledge"] == [
        "('Not', ('Knows', 'agent', ('Bernard',), 'value', (('Var', 'month'), ('Var', 'day'))))"]
    about = extract_records(ctx.lexicon, "Bernard is in the dark about the month.", False, ctx.memo)
    assert [str(r.key.formula) for r in about] == ["('Not', ('Knows', 'agent', ('Bernard',), 'value', "
                                                   "(('Var', 'month'),)))"]


def test_i_knew_with_its_time_said_is_the_statement_quoted(ctxs):
    """"② Q：我早知道你不知道" quotes Q's "我知道你不知道这张牌" with its time said (早, 早就): statement 2."""
    ctx = ctxs("card16.txt")
    assert ctx.aligner.locate("② Q：我早知道你不知道\n⇒ Q的花色", 1) == (2, "quote")
    assert ctx.aligner.locate("Q：我早就知道你不知道这张牌。", 1) == (2, "quote")
    assert ctx.aligner.locate("P：我早知道了。", 1) != (2, "quote")


def test_full_width_digits_name_values(ctxs):
    """"**所以这张牌是方块５。**": the 5 of diamonds, its digit full-width."""
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx, None, "zh") + "\n\n**所以这张牌是方块５。**")
    assert report.final_answer_correct and report.final_answer == ((3, 9),)


def test_everyone_who_knows_picks_out_whom_a_request_is_for(ctxs):
    """"He then asks everyone who knows whether they are muddy to step forward": no claim that everyone knows."""
    ctx = ctxs("muddy.txt")
    asked = extract_records(ctx.lexicon, "He then asks everyone who knows whether they are muddy to step forward.",
                            False, ctx.memo)
    assert not [r for r in asked if r.kind == "knowledge"]
    claimed = extract_records(ctx.lexicon, "Now everyone knows whether they are muddy.", False, ctx.memo)
    assert [r.kind for r in claimed] == ["knowledge"]


def test_knowing_what_another_knows_of_an_unread_it(ctxs):
    """"P knows it, and Q knows P knows it" (it: a quoted fact): what P knows is unread, so Q's knowing is not read
    as Q knowing the card (it was, and flagged early)."""
    ctx = ctxs("card16.txt")
    assert not extract_records(ctx.lexicon, "Q knows P knows it.", False, ctx.memo)
    nested = extract_records(ctx.lexicon, "Q knows P does not know the card.", False, ctx.memo)
    assert [r.key.formula[4][0] for r in nested if r.kind == "knowledge"] == ["Not"]


def test_a_statement_in_single_quotes_is_quoted(ctxs):
    """"P's 'I don't know' knocked out spades and clubs": the single-quoted words are P's statement, not a claim that
    P does not know the suit; an apostrophe inside a word does not close the quote, and one quoted word stays."""
    from epistemic.audit.claims import QUOTES
    found = [m.group(0) for m in QUOTES.finditer("P's 'I don't know' and Q’s ‘I knew you didn’t know’; the 'unique' "
                                                 "days, Albert's and Bernard's words")]
    assert found == ["'I don't know'", "‘I knew you didn’t know’"]
    ctx = ctxs("card16.txt")
    report = _audit(ctx, said(ctx) + "\n\nSo P's 'I don't know' knocked out spades and clubs.")
    assert not _claims(report, "knowledge")


def test_a_line_back_from_a_point_of_view_is_the_traces_own(ctxs):
    """"站在P的角度：…P还是不知道。\nP说现在知道了，所以和只能是17。": the lines under the point of view are P's cases,
    the line that turns back to what P said draws the trace's conclusion (premature here: sums other than 17 are
    left after P's statement)."""
    ctx = ctxs("sum_product.txt")
    step = ("**③ P先生：“现在我知道了。”**\n站在P的角度：如果恰好只有一种分解的和在表里，他就知道了。再比如p=30：2×15（17）和"
            "5×6（11）都在表里，P还是不知道。\n{tail}")
    early = _audit(ctx, said(ctx, 2, "zh") + "\n\n" + step.format(tail="P说现在知道了，所以和只能是17。") + "\n\n" +
                   said(ctx, None, "zh").split("\n\n")[-1] + "\n\n所以这两个数是4和13。")
    assert [(c.formula, c.verdict.verdict) for c in bad(early)] == [("x + y = 17", "premature")]
    viewed = _audit(ctx, said(ctx, 2, "zh") + "\n\n" + step.format(tail="对他来说和只能是17。"))
    assert not bad(viewed)


def test_seeing_and_at_once_are_explained_words(ctxs):
    """"干净的孩子看到两个泥孩，也立刻知道自己干净" after one silent round: premature, and it weighs alone (seeing, "at
    once", "herself", "clean" are words the reader knows in Chinese too)."""
    ctx = ctxs("muddy.txt")
    text = (said(ctx, 2, "zh") + "\n\n没人站出来，所以不止一个孩子有泥。干净的孩子看到两个泥孩，也立刻知道自己干净。\n\n" +
            said(ctx, None, "zh").split("\n\n")[-1] + "\n\n所以有两个孩子有泥。")
    report = _audit(ctx, text)
    assert [(c.record.kind, c.evidence) for c in bad(report)] == [("knowledge", "strong")]


def test_a_hypothetical_read_with_its_modal_weighs_alone(ctxs):
    """"盲人假设自己戴的是红帽。那么第一位看到盲人头上的红帽，就能立刻知道自己帽子的颜色。": false, and its own "就能"
    (the modal its reading took in) leaves it explained: it marks the step."""
    ctx = ctxs("hats.txt")
    wrong = _audit(ctx, said(ctx, 1, "zh") + "\n\n" + HATS.format(who="第一位看到盲人头上的红帽"))
    assert [(c.formula, c.evidence) for c in bad(wrong)] == [("h[3] = red implies w[1] knows h[1]", "strong")]


def test_headline_is_a_summary_label(ctxs):
    """"Headline: **Yes, all three numbers are different.**" opens a summary, as "Short answer:" does."""
    from epistemic.audit.answers import SUMMARY_LABEL
    assert SUMMARY_LABEL.match("Headline: **Yes, all three numbers are different.**") is not None
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "Headline: **Yes, all three numbers are different.**\n\n" + said(ctx) +
                    "\n\nThe three statements remove b = c, a = c and a = b in turn, so all three differ.")
    assert not bad(report)


def test_a_heading_asking_who_knows_what_is_no_statement(ctxs):
    """"1.2 Who knows what: Albert → month, Bernard → day." sets the puzzle up; it was read as Albert's "now I know",
    which put every later step at the last statement."""
    ctx = ctxs("cheryl.txt")
    assert not ctx.aligner.inner_cues("1.2 Who knows what: Albert → month, Bernard → day.", 0)
    assert {c.stage for c in ctx.aligner.inner_cues("1.2 Albert: then I also know.", 2)} == {3}


def test_looking_back_at_a_named_statement(ctxs):
    """"嗯，等等，我是不是漏了什么？让我重新看一下第一句……如果阿里拿到3月，…波…都不知道": the step goes back to the first
    statement (it was judged after Bo's, where Bo with 18 knows)."""
    ctx = ctxs("cheryl_cam.txt")
    text = (said(ctx, 2, "zh") + "\n\n嗯，等等，我是不是漏了什么？让我重新看一下第一句……如果阿里拿到3月，波拿到18可能是3月或4月，拿到19"
            "可能是3月或7月，确实都不知道，阿里可以这么说。")
    report = _audit(ctx, text)
    assert report.steps[-1].stage == 1 and not bad(report)
    from epistemic.audit.align import _looked_back
    assert _looked_back("Wait. Let me re-check the first statement: …", {}, 3) == 1
    assert _looked_back("Let me re-check this.", {}, 3) is None


def test_an_idea_set_aside_is_not_where_a_wrong_answer_is_concluded(ctxs):
    """"In the original, the answer was **July 16**. The dates here are different, …" then a right derivation and
    "Just as in the original puzzle: **Cam's anniversary is July 16.**": the closing line is the error, not the
    opening recollection."""
    ctx = ctxs("cheryl_cam.txt")
    text = ("This is a disguised Cheryl's Birthday. In the original, the answer was **July 16**. The dates here are "
            "different, though, so let's re-derive it.\n\n" + said(ctx) + "\n\nJust as in the original puzzle: "
            "**Cam's anniversary is July 16.**")
    report = _audit(ctx, text)
    assert not report.final_answer_correct and report.label == len(report.steps) - 1


def test_a_version_one_knows_is_set_aside(ctxs):
    """"The version I know best is Freudenthal's, with x < y and x + y ≤ 100": another puzzle's data, not a bound."""
    ctx = ctxs("impossible.txt")
    records = extract_records(ctx.lexicon, "The version I know best is Freudenthal's, with x < y and x + y ≤ 100.",
                              False, ctx.memo)
    assert records and all(not r.certain for r in records)


def test_english_words_of_seeing_and_uniqueness_are_explained(ctxs):
    """"the anniversary is March 18, since March is the only month left with a single date" after Bo's statement:
    premature, and it weighs alone ("single", like "once" and "immediately", is a word the reader knows)."""
    from epistemic.audit.evidence import explained
    ctx = ctxs("cheryl_cam.txt")
    assert explained("the anniversary is March 18, since March is the only month left with a single date",
                     ctx.lexicon)
    assert explained("if the date were Jun 29, Ali would see it immediately", ctx.lexicon, scoped=True) is False


def test_counts_removed_then_the_count_left(ctxs):
    """"父亲的话排除0个；第一轮沉默排除1个；…排除3个。剩下2个。": the count of muddy children left, not two worlds left."""
    ctx = ctxs("muddy.txt")
    after = extract_records(ctx.lexicon, "父亲的话排除0个；第一轮沉默排除1个；最后一句排除3个。剩下2个。", False, ctx.memo)
    assert [r.certain for r in after if r.kind == "count"] == [False]
    worlds = extract_records(ctx.lexicon, "第一轮沉默排除了3个世界。剩下4个。", False, ctx.memo)
    assert [r.certain for r in worlds if r.kind == "count"] == [True]


def test_a_supposition_asking_who_would_know_then_its_answer(ctxs):
    """"那么如果日子是19，谁会知道？伯纳德马上就知道。": the answer says who knows in the world the question supposes
    (day = 19 implies Bernard knows the date); a question with no answer after it reads nothing."""
    ctx = ctxs("cheryl.txt")
    for text in ("那么如果日子是19，谁会知道？伯纳德马上就知道。", "So if the day were 19, who would know? Bernard would know."):
        records = extract_records(ctx.lexicon, text, False, ctx.memo)
        assert [str(r.key.formula) for r in records if r.kind == "hypothetical"] == [
            "('Implies', ('Compare', '=', ('Var', 'day'), ('Const', 19)), ('Knows', 'agent', ('Bernard',), 'value', "
            "(('Var', 'month'), ('Var', 'day'))))"]
    alone = extract_records(ctx.lexicon, "那么如果日子是19，谁会知道？", False, ctx.memo)
    assert not [r for r in alone if r.kind == "hypothetical"]


def test_the_sum_alone_left(ctxs):
    """"所以P这一句话之后，和只剩11、17、…、53。": the sums left, as "和只能是…" is (premature right after P's statement)."""
    ctx = ctxs("impossible.txt")
    records = extract_records(ctx.lexicon, "所以P这一句话之后，和只剩11、17、23、27、29、35、37、41、47、53。", False,
                              ctx.memo)
    assert [str(r.key.formula) for r in records if r.kind == "candidates"] == [
        "('Member', ('Arith', '+', ('Var', 'x'), ('Var', 'y')), (11, 17, 23, 27, 29, 35, 37, 41, 47, 53))"]


def test_a_supposed_relation_between_two_numbers(ctxs):
    """"如果a = b，卡罗尔就会知道" and "If b = c, Alice would know her number": a relation supposed (Carol, who sees a and
    b, knows c = 2a; it was no hypothetical at all), not "b = a + 1", which is no relation of two letters alone."""
    ctx = ctxs("what_sum.txt")
    for text, formula in (("如果a = b，卡罗尔就会知道。", "a = b implies Carol knows c"),
                          ("If b = c, Alice would know her number.", "b = c implies Alice knows a")):
        report = _audit(ctx, said(ctx) + "\n\n" + text)
        assert [(c.formula, c.verdict.verdict) for c in _claims(report, "hypothetical")] == [(formula, "entailed")]
    ctx = ctxs("consecutive.txt")
    records = extract_records(ctx.lexicon, "If b = a + 1, Anne would know.", False, ctx.memo)
    assert not [r for r in records if r.kind == "hypothetical" and r.key.formula[1][0] == "Compare" and
                r.key.formula[1][3] == ("Var", "a")]
