"""Readings from traces_co* (32 rows written in session 45 by helpers who never read the auditor, scored blind three
times at 0.857, then opened in session 46) and the tuning sets cs*, ct* written beside the blind cr*, each checked
both ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, formulas as _formulas, said


def test_the_bus_number_told_is_not_cheryls_age(ctxs):
    """"Cheryl's hint also tells us the bus was 17, not 19": 17 and 19 are sums (bus numbers), not Cheryl's age (read
    as `cheryl = 17`, false); "Cheryl is 9" after it still is her age."""
    ctx = ctxs("cheryls_age.txt")
    report = _audit(ctx, said(ctx, 3) + "\n\nSo Cheryl's hint also tells us the bus was 17, not 19. Cheryl is 9.")
    assert "cheryl = 17" not in _formulas(report) and "cheryl != 19" not in _formulas(report)
    assert "cheryl = 9" in _formulas(report, "candidates") and bad(report) == []


def test_a_person_after_a_supposed_hat_has_his_own_colour(ctxs):
    """"若 h2 = h3 = 红，他必是白" (if hats 2 and 3 are red, he — the first man — is white): white is his hat's, not h3's
    (read as `h[3] = white`, premature); "第三位是白" names h3 plainly."""
    ctx = ctxs("hats.txt")
    lead = said(ctx, 1, "zh") + "\n\n"
    assert "h[3] = white" not in _formulas(_audit(ctx, lead + "若 h2 = h3 = 红，他必是白。"))
    assert "h[3] = white" in _formulas(_audit(ctx, lead + "所以 h3 只能是白。"))


def test_ruo_opens_a_supposition(ctxs):
    """"若 h3 = 红，则 h2 不可能也是红" is a conditional (true after the first man's statement), not the exclusion
    `h[2] != red` (false); "h2 不可能是红" alone still is one."""
    ctx = ctxs("hats.txt")
    lead = said(ctx, 2, "zh") + "\n\n"
    report = _audit(ctx, lead + "若 h3 = 红，则 h2 不可能也是红。")
    assert [(c.verdict.verdict, c.record.certain) for c in _claims(report, "hypothetical")] == [("entailed", True)]
    assert bad(report) == []
    assert "h[2] != red" in _formulas(_audit(ctx, lead + "所以 h2 不可能是红。"), "exclusion")


def test_one_hat_white_in_every_case_is_that_hats_value(ctxs):
    """"4 种里 h3 全是白" (in all four cases h3 is white): `h[3] = white`, true after both statements; not the world
    with all three hats white ("3" of "h3" read as "all three"). "三人不可能都戴红帽" still names that world."""
    ctx = ctxs("hats.txt")
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n剩 4 种：白白白、白红白、红白白、红红白。4 种里 h3 全是白。")
    assert "h[3] = white" in _formulas(report, "candidates") and bad(report) == []
    assert "h[1] = white and h[2] = white and h[3] = white" not in _formulas(report)
    assert "not (h[1] = red and h[2] = red and h[3] = red)" in _formulas(_audit(ctx, "三人不可能都戴红帽。"))


def test_another_authors_version_is_not_this_puzzle(ctxs):
    """"Freudenthal's version uses x < y and x + y ≤ 100" is about another puzzle: no certain bound (read as bounds of
    this one, premature at its start)."""
    ctx = ctxs("impossible.txt")
    dialogue = ("Dialogue:\n\n1. P: \"I cannot determine the two numbers.\"\n2. S: \"I knew that you couldn't "
                "determine them.\"\n3. P: \"Now I can determine them.\"\n4. S: \"So can I.\"\n\n")
    report = _audit(ctx, dialogue + "Freudenthal's version uses x < y and x + y ≤ 100; I want to check whether the "
                    "bounds here change anything.")
    assert bad(report) == [] and not any(c.record.certain for c in _claims(report, "term bound"))


def test_what_an_agent_can_be_sure_of_is_a_topic(ctxs):
    """"a fact about what Albert can be sure of, given only the month" names a topic, not that Albert is sure of the
    date (read as `Albert knows date`, premature); "Albert still can't be sure of the date" still says he isn't."""
    ctx = ctxs("cheryl_variant.txt")
    lead = ("Dialogue:\n\n1. Albert: \"I don't know when the birthday is, but I know Bernard doesn't know either.\"\n"
            "2. Bernard: \"At first I didn't know, but now I know.\"\n3. Albert: \"Then I also know.\"\n\n"
            "### Statement 1\n\n")
    report = _audit(ctx, lead + "It's a fact about what Albert can be sure of, given only the month.")
    assert not any(c.record.certain for c in _claims(report, "knowledge") if "Albert knows date" == c.formula)
    assert [c.record.certain for c in _claims(_audit(ctx, lead + "Albert still can't be sure of the date."),
                                              "knowledge") if c.formula == "not Albert knows date"] == [True]


def test_counted_silences_date_the_knowing(ctxs):
    """"经过两轮“没人站出来”之后，有泥的孩子全都知道自己有泥": after the second silence, true with three muddy (not dated
    at the first silence, premature); with four muddy the same sentence is premature."""
    text = "父亲说至少一个有泥。第一轮没人站出来。第二轮也没人站出来。\n\n经过两轮“没人站出来”之后，有泥的孩子全都知道自己有泥。"
    assert bad(_audit(ctxs("muddy.txt", {"n": 5, "k": 3}), text)) == []
    assert bad(_audit(ctxs("muddy.txt", {"n": 5, "k": 4}), text)) != []


def test_the_clean_childs_knowing_is_of_its_own_clause(ctxs):
    """"那个干净的孩子：…三次沉默后只知道至少4个，他也分不清自己是不是第5个" knows a count, not whether it is clean; "干净
    的孩子D和E：D看到A、B、C三个有泥，又知道至少有三个有泥，所以D能确定自己是干净的" is the clean ones knowing, read at the
    later knowing word."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 4})
    knowing = "m[1] = 0 implies c[1] knows m[1]"
    report = _audit(ctx, "三次沉默之后。\n\n那个干净的孩子：他看到4个有泥的，三次沉默后只知道至少4个，他也分不清自己是不是第5个。")
    assert not any(knowing in f for f in _formulas(report))
    ctx3 = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx3, "比如A、B、C有泥，D、E干净。这时干净的孩子D和E：D看到A、B、C三个有泥，又知道至少有三个有泥，所以D能确定"
                    "自己是干净的。")
    assert any(knowing in f for f in _formulas(report, "knowledge"))


def test_a_copula_with_its_own_complement_before_a_colon(ctxs):
    """"That's the twist: July 16 is still among the final three candidates" does not say the candidates are July 16
    (false at the end); "The answer is: July 16." still gives an answer."""
    ctx = ctxs("cheryl_cam.txt")
    lead = said(ctx) + "\n\n"
    report = _audit(ctx, lead + "That's the twist: July 16 is still among the final three candidates, which makes it "
                    "a trap.")
    assert _claims(report, "candidates") == [] and bad(report) == []
    assert [c.formula for c in _claims(_audit(ctx, lead + "The answer is: July 16."), "answer")] == \
        ["month = July and day = 16"]


def test_pins_it_to(ctxs):
    """"So Bernard's statement already pins it to June 12" says what Bernard's statement leaves: premature there
    (April 14 and 17 remain until Albert's last word)."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nSo Bernard's statement already pins it to June 12.")
    assert [(c.verdict.verdict, c.record.certain) for c in _claims(report, "candidates")] == [("premature", True)]


def test_the_answer_being_unique_gives_no_answer(ctxs):
    """"to be sure the answer is unique, try April 14 as the 'true' date" gives no answer (read as April 14: the final
    answer, wrong); "所以答案唯一：4和13" gives one."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx) + "\n\nCheryl's birthday is June 12.\n\nAnd to be sure the answer is unique, try "
                    "April 14 as the true date.")
    assert _claims(report, "answer") == [] and report.final_answer_correct
    impossible = ctxs("impossible.txt")
    assert [c.formula for c in _claims(_audit(impossible, "所以答案唯一：4和13。"), "answer")] == ["x = 4 and y = 13"]


def test_a_value_told_in_quotes_opens_a_case(ctxs):
    """'Bo, told "16": originally June 16 or July 16; after Ali's statement only July 16' is the case of Bo holding
    16 (the quote is the value told, not speech): not a certain claim that only July 16 is left."""
    ctx = ctxs("cheryl_cam.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nBo, told \"16\": originally June 16 or July 16; after Ali's statement "
                    "only July 16 → statement 2 OK.")
    assert not any(c.record.certain for c in _claims(report, "candidates")) and bad(report) == []


def test_a_supposition_goes_on_over_a_second_value(ctxs):
    """"如果第一位是白，第三位是红，第二位就不知道" supposes both hats (not h1 alone, with h3's value dropped as a reason);
    "If b = 1, Anne could be 0 or 2, so Bill doesn't know" keeps Anne's options as a reason."""
    hats = ctxs("hats.txt")
    report = _audit(hats, said(hats, 2, "zh") + "\n\n如果第一位是白，第三位是红，第二位就不知道。")
    assert _formulas(report, "hypothetical") == ["(h[1] = white and h[3] = red) implies (not w[2] knows h[2])"]
    consecutive = ctxs("consecutive.txt")
    report = _audit(consecutive, said(consecutive, 2) + "\n\nIf b = 1, Anne could be 0 or 2, so Bill doesn't know.")
    assert _formulas(report, "hypothetical") == ["b = 1 implies (not Bill knows a)"]


def test_a_case_opened_by_for(ctxs):
    """"For b = 0, a must be 1." is the case b = 0 (a conditional, true), like "If b = 0, a must be 1."; "For Bill,
    …" opens none."""
    ctx = ctxs("consecutive.txt")
    lead = said(ctx, 2) + "\n\n"
    assert _formulas(_audit(ctx, lead + "For b = 0, a must be 1."), "hypothetical") == ["b = 0 implies a = 1"]
    assert _formulas(_audit(ctx, lead + "If b = 0, a must be 1."), "hypothetical") == ["b = 0 implies a = 1"]
    assert _formulas(_audit(ctx, lead + "For Bill, a must be 1."), "hypothetical") == []


def test_triples_with_equal_numbers_removed(ctxs):
    """"凡是含有相等数的三元组在这一步就全部被排除了" at Alice's statement: only b = c goes there (premature: the other
    equalities go with Carol's and Bob's statements), like "有两个数相等的三元组都被排除了"."""
    ctx = ctxs("what_sum.txt")
    lead = said(ctx, 1, "zh") + "\n\n"
    for text in ("凡是含有相等数的三元组在这一步就全部被排除了。", "有两个数相等的三元组都被排除了。"):
        report = _audit(ctx, lead + text)
        assert [(c.formula, c.verdict.verdict) for c in _claims(report, "exclusion")] == \
            [("not (a = b or a = c or b = c)", "premature")]
    assert bad(_audit(ctx, lead + "凡是含有相等数的三元组在这一步就全部被排除了。")) != []  # ("在这一步": dated)


def test_a_chinese_line_labelled_by_its_case(ctxs):
    """"- k = 2：…父亲宣布之后他们就能立刻确定自己也有泥" is the two-muddy case knowing at the first question (premature:
    they know after one silence), like the English "- k = 2: … right after the father speaks they know at once";
    "- k = 3：…第二轮沉默之后他们就能确定自己也有泥" is right."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    for line in ("- k = 2：两个脏孩子各自看到对方有泥，父亲宣布之后他们就能立刻确定自己也有泥。",
                 "- k = 2: the two muddy children each see the other, so right after the father speaks they know at "
                 "once that they are muddy."):
        report = _audit(ctx, "推理：\n\n" + line)
        kinds = [(c.verdict.verdict, c.record.certain) for c in _claims(report, "case knowledge")]
        assert kinds == [("premature", True)]
    report = _audit(ctx, "推理：\n\n- k = 3：三个脏孩子各自看到两个，第二轮沉默之后他们就能确定自己也有泥。")
    assert [c.verdict.verdict for c in _claims(report, "case knowledge")] == ["entailed"] and bad(report) == []


def test_a_known_bound_is_no_knowing_of_oneself(ctxs):
    """"k = 3：第一轮每个脏孩子看到2个，只知道 k ≥ 1，不知道" knows a bound on the count, not its own forehead (read as
    the muddy children knowing in round 1, premature)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx, "推理：\n\nk = 3：第一轮每个脏孩子看到2个，只知道 k ≥ 1，不知道 ✓；两轮沉默之后 k ≥ 3，看到2个的脏孩子立刻"
                    "推出自己是脏的 ✓。")
    assert bad(report) == []


def test_three_factors_and_their_sum(ctxs):
    """"12 × 4 × 3，和18" and "8·6·3 → 18" are sums (false: 19, 17); "9 × 8 × 2，和19" is right; "578 = 2·17·17 → 17·34"
    is a factorisation and "2·3·4 → 24" a product, no sum."""
    ctx = ctxs("cheryls_age.txt")
    report = _audit(ctx, "Triples:\n\n144 × 1 × 1，和146\n12 × 4 × 3，和18\n9 × 8 × 2，和19\n\n- 72·2·1 → 75; 8·6·3 → 18")
    assert [(c.formula, c.verdict.verdict) for c in _claims(report, "arithmetic")] == [
        ("(144 + 1) + 1 = 146", "entailed"), ("(12 + 4) + 3 = 18", "false"), ("(9 + 8) + 2 = 19", "entailed"),
        ("(72 + 2) + 1 = 75", "entailed"), ("(8 + 6) + 3 = 18", "false")]
    impossible = ctxs("impossible.txt")
    assert _formulas(_audit(impossible, "51: 17 + 34 → 578 = 2·17·17 → 17·34 or 2·289, so 51 is out."), "arithmetic") \
        == ["578 = (2 * 17) * 17"]
    assert _claims(_audit(ctx, "2·3·4 → 24"), "arithmetic") == []


def test_a_survivor_named_by_a_pronoun_is_the_sentences_case(ctxs):
    """"For b = 1, Anne could be 0 or 2, so he doesn't know — that one stays" at Bill's statement keeps b = 1 (false:
    a = 0 went with Anne's statement, so Bill with 1 knows); "b = 9时，…，这种情况保留" likewise; "For b = 3, … — it
    stays" is true. A sentence that opens on no single case keeps nothing."""
    ctx = ctxs("consecutive.txt")
    lead = said(ctx, 2) + "\n\n"
    for text, verdict in (("For b = 1, Anne could be 0 or 2, so he doesn't know — that one stays.", "false"),
                          ("b = 9时，安妮可能是8或10，比尔不知道，这种情况保留。", "false"),
                          ("For b = 3, Anne could be 2 or 4, so he doesn't know — it stays.", "entailed")):
        report = _audit(ctx, lead + text)
        assert [(c.verdict.verdict, c.record.certain) for c in _claims(report, "possible")] == [(verdict, True)]
    assert _claims(_audit(ctx, lead + "For b from 2 to 8, two options each, so it stays."), "possible") == []


def test_a_recap_row_credits_its_label_after_a_colon(ctxs):
    """"- 红桃Q、红桃4：也是第三句排除的" credits P's "now I know" with ♥Q and ♥4 (premature: they go with Q's last
    statement), like "- 红桃Q、红桃4也是第三句排除的"; "- ♥Q, ♥4: removed by statement 3." too; "- 黑桃：第二句排除了。"
    is right. The claim keeps the row's own text."""
    ctx = ctxs("card16.txt")
    for row in ("- 红桃Q、红桃4：也是第三句排除的。", "- 红桃Q、红桃4也是第三句排除的。", "- ♥Q, ♥4: removed by statement 3."):
        credits = _claims(_audit(ctx, "回顾：\n\n" + row), "credit")
        assert [(c.verdict.verdict, c.record.certain) for c in credits] == [("premature", True)]
        assert credits[0].record.text == row
    report = _audit(ctx, "回顾：\n\n- 黑桃：第二句排除了。")
    assert [c.verdict.verdict for c in _claims(report, "credit")] == ["entailed"] and bad(report) == []


def test_it_removing_nothing_goes_on_from_further_back(ctxs):
    """'what if "at first I didn't know" carried extra information? …, it's automatically true — Albert's statement
    already guaranteed that. So it removes nothing extra.': "it" is Bernard's "at first", not Albert's statement (read
    as "Albert's statement rules out nothing", false); "Albert's statement rules out nothing." still is a credit."""
    ctx = ctxs("cheryl.txt")
    lead = said(ctx) + "\n\n"
    text = ("What if \"at first I didn't know\" were meant to carry extra information? For the five dates left after "
            "statement 1, it's automatically true — Albert's statement already guaranteed that Bernard didn't know. "
            "So it removes nothing extra.")
    assert _claims(_audit(ctx, lead + text), "credit") == []
    assert [c.verdict.verdict for c in _claims(_audit(ctx, lead + "Albert's statement rules out nothing."),
                                               "credit")] == ["false"]


def test_a_supposition_said_as_its_own_sentence_holds_over_its_step(ctxs):
    """"假设第三位戴红帽子。第二位会这样想：…——这样第二位就知道了。" reasons inside the supposed world (read as the second man
    knowing, false); a slip of arithmetic inside it is still a slip ("Suppose Alice sees b = 17 and c = 35. Her number
    is either 17 + 35 = 42 …"); a supposed count of muddy children is the step's case ("假设一共两个孩子有泥。")."""
    hats = ctxs("hats.txt")
    report = _audit(hats, said(hats, 1, "zh") + "\n\n假设第三位戴红帽子。第二位会这样想：第一位没看到两顶红帽子，而第三位是红的，"
                    "那我就不能是红的。所以我是白的。——这样第二位就知道了。")
    assert bad(report) == [] and not any(c.record.certain for c in _claims(report, "knowledge"))
    what_sum = ctxs("what_sum.txt")
    report = _audit(what_sum, "Let's try an example. Suppose Alice sees b = 17 and c = 35. Her number is either "
                    "17 + 35 = 42 or 35 − 17 = 18.")
    assert [(c.formula, c.verdict.verdict, c.record.certain) for c in _claims(report, "arithmetic")][0] == \
        ("17 + 35 = 42", "false", True)
    from epistemic.audit.rounds import step_case
    assert step_case("假设一共两个孩子有泥。") == 2


def test_knowing_this_fact_is_the_fathers_words(ctxs):
    """"Each muddy child sees two muddy faces, and D sees three, so everyone already knew this fact." is about the
    father's words (already known), not the muddy children knowing they are muddy (premature)."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    report = _audit(ctx, "**Step 1 – The father's announcement.**\n\"At least one of you is muddy.\" Each muddy child "
                    "sees two muddy faces, and D sees three, so everyone already knew this fact.")
    assert bad(report) == []


def test_a_pair_surviving_in_its_sums_row(ctxs):
    """"47: 47 − 4 = 43 is prime, so (4,43) survives." keeps (4, 43) within sum 47's row (P's statement leaves it
    there), not at the stage where the trace is; "(4, 13) survives." alone is the stage's."""
    ctx = ctxs("sum_product.txt")
    lead = said(ctx) + "\n\n"
    report = _audit(ctx, lead + "47: 47 − 4 = 43 is prime, so (4,43) survives.")
    assert not any(c.record.certain for c in _claims(report, "possible")) and bad(report) == []
    assert [c.record.certain for c in _claims(_audit(ctx, lead + "So (4, 13) survives."), "possible")] == [True]


def test_a_relation_under_unless_or_naming_triples_is_no_claim(ctxs):
    """"Two options unless b = c" and "removes exactly the b = c triples" claim no `b = c` (read so: false, which would
    flag a correct line); "Hence b = c." still claims it."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "Alice's options for a: b + c or |b − c|. Two options unless b = c (then |b − c| = 0, not "
                    "allowed). So \"Alice doesn't know\" ⇔ b ≠ c; her statement removes exactly the b = c triples.")
    assert [c.formula for c in _claims(report, "term bound") if c.record.certain] == ["b != c"] and bad(report) == []
    assert [c.record.certain for c in _claims(_audit(ctx, "Hence b = c."), "term bound")] == [True]
