"""Readings from traces_dq* (32 rows written in session 53 by helpers who never read the auditor, scored blind at
0.579, then opened in session 54) and the tuning sets du*, dv* written beside the blind dt*, each checked both
ways."""
from tests.audit.reading import audit as _audit, bad, claims as _claims, said


def test_a_clean_child_who_would_not_step_forward_does_not_know(ctxs):
    """"A clean child in a two-muddy world … so no, a clean child wouldn't step forward": "wouldn't" negates the
    knowing (it was read as the clean children knowing, a false alarm on a correct trace); "would step forward" in
    that world is still the false claim it was."""
    ctx = ctxs("muddy.txt", {"n": 4, "k": 3})
    lead = "The father says at least one of them is muddy. Nobody steps forward. Nobody steps forward again.\n\n"
    report = _audit(ctx, lead + "In a two-muddy world a clean child wouldn't step forward.")
    assert [(c.verdict.verdict, "not" in c.formula) for c in _claims(report, "case knowledge")] == [("entailed", True)]
    assert bad(report) == []
    wrong = _audit(ctx, lead + "In a two-muddy world a clean child would step forward.")
    assert [c.record.kind for c in bad(wrong)] == ["case knowledge"]


def test_a_role_swap_named_as_the_source_of_a_wrong_answer_is_no_claim(ctxs):
    """"that answer comes either from swapping the roles, imagining that Albert has the day and Bernard has the
    month": the swap is the wrong line of reasoning described, not who was told what (a false alarm)."""
    ctx = ctxs("cheryl.txt")
    report = _audit(ctx, "People sometimes land on August 17. That answer comes from swapping the roles, imagining "
                         "that Albert has the day and Bernard has the month.")
    assert bad(report) == [] and {c.record.reading for c in _claims(report, "told")} == {"rejected idea"}
    swapped = _audit(ctx, "Albert has the day and Bernard has the month.")
    assert [c.formula for c in bad(swapped)] == ["Albert knows day", "Bernard knows month"]


def test_a_chain_of_products_is_not_cut_after_its_first_factor(ctxs):
    """"product 30 = 2 times 15 = 3 times 10 = 5 times 6": "2 times 15 = 3" is no sum the text makes (it was read as
    a slip, a false alarm); "2 times 15 is 31" still is one."""
    ctx = ctxs("sum_product.txt")
    chain = _audit(ctx, "For 2 + 15: product 30 = 2 times 15 = 3 times 10 = 5 times 6, with sums 17, 13, 11.")
    assert bad(chain) == []
    slip = _audit(ctx, "For 2 + 15: 2 times 15 is 31.")
    assert [c.formula for c in bad(slip)] == ["2 * 15 = 31"]


def test_lines_that_each_open_on_a_month_are_cases_without_bullets(ctxs):
    """"7月还剩16日和17日两个，阿里不能确定。\\n3月只剩18日一个，阿里能确定。": without bullets, lines that each open on a
    month are still that month's cases (Ali not knowing was judged of the whole stage, a false alarm); a numbered
    list ("2. **草花**：…") is not a list of ranks."""
    ctx = ctxs("cheryl_cam.txt")
    head = said(ctx, 3, "zh") + "\n\n阿里知道月份。\n"
    right = _audit(ctx, head + "7月还剩16日和17日两个，阿里不能确定。\n3月只剩18日一个，阿里能确定。\n所以月份是3月。")
    assert [c.formula for c in _claims(right, "case knowledge")] == ["month = July implies (not Ali knows date)",
                                                                     "month = March implies Ali knows date"]
    assert bad(right) == []
    wrong = _audit(ctx, head + "7月还剩16日和17日两个，阿里能确定。\n3月只剩18日一个，阿里能确定。")
    assert [c.formula for c in bad(wrong)] == ["month = July implies Ali knows date"]
    cards = ctxs("card16.txt")
    numbered = _audit(cards, said(cards, 2, "zh") + "\n\n逐个看花色：\n1. **黑桃**：含有J、8、2、7、3 → 排除\n"
                                                     "2. **草花**：含有K和6 → 排除\n3. **红桃**：A、Q、4都出现不止一次 → 保留")
    assert bad(numbered) == []


def test_a_possessive_that_leaves_out_its_noun_names_that_speakers_statement(ctxs):
    """"Alice's statement gives b ≠ c, Bob's gives a ≠ c, Carol's gives a ≠ b": "Bob's" is Bob's statement, where
    the statements' speakers are the labels of their lines (a ≠ c was judged at Alice's, a false alarm)."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "Putting it together: Alice's statement gives b ≠ c, Bob's gives a ≠ c, Carol's gives a ≠ b.")
    assert [(c.formula, c.verdict.stage) for c in _claims(report, "term bound")] == [
        ("b != c", 1), ("a != c", 2), ("a != b", 3)]
    assert bad(report) == []


def test_what_an_agent_knows_from_alone_is_what_the_agent_holds(ctxs):
    """"P could never identify the card from the suit alone": P holds the rank, so this reasons with Q's information
    (a wrong agent missed); "from the rank alone", "Albert … from the month alone" are right."""
    cards = ctxs("card16.txt")
    wrong = _audit(cards, "Every suit has at least two cards, so P could never identify the card from the suit alone.")
    assert [c.formula for c in bad(wrong)] == ["P knows suit"]
    zh = _audit(cards, "P先生不可能仅凭花色确定是哪张牌。")
    assert [c.formula for c in bad(zh)] == ["P knows suit"]
    for text in ("P can't identify the card from the rank alone.", "P先生不可能仅凭点数确定是哪张牌。"):
        report = _audit(cards, text)
        assert [c.formula for c in _claims(report, "told")] == ["P knows rank"] and bad(report) == []
    cheryl = ctxs("cheryl.txt")
    assert bad(_audit(cheryl, "So Albert can't know the date from the month alone.")) == []
    assert [c.formula for c in bad(_audit(cheryl, "So Albert can't know the date from the day alone."))] == [
        "Albert knows day"]
    supposed = _audit(cheryl, "If Albert had the day, he could know the date from the day alone.")
    assert bad(supposed) == []


def test_a_world_without_a_statement_is_another_information_state(ctxs):
    """"Without Anne's statement Bill with 1 would not know": a counterfactual, true before Anne spoke and false
    after; not judged at the stage in hand (a false alarm on a correct trace). The same case said plainly still is."""
    ctx = ctxs("consecutive.txt")
    lead = said(ctx) + "\n\n"
    report = _audit(ctx, lead + "Without Anne's statement Bill with 1 would not know (a ∈ [0, 2]).")
    assert bad(report) == [] and {c.record.reading for c in _claims(report, "case knowledge")} == {"modal"}
    plain = _audit(ctx, lead + "Bill with 1 would not know.")
    assert [c.record.kind for c in bad(plain)] == ["case knowledge"]


def test_the_half_a_sentence_names_is_the_one_it_credits(ctxs):
    """"The first half is automatic (…). The second half is the useful one: Albert must be sure … that Bernard's day
    is not 18 or 19": the removal is credited to the half its own sentence names, not to the line's first (a false
    alarm)."""
    ctx = ctxs("cheryl.txt")
    head = said(ctx, 1) + "\n\n"
    right = _audit(ctx, head + "The first half is automatic (every month has at least two dates). The second half "
                               "is the useful one: Albert must be sure, from his month alone, that Bernard's day is "
                               "not 18 or 19.")
    assert [c.verdict.verdict for c in _claims(right, "credit")] == ["entailed"] and bad(right) == []
    wrong = _audit(ctx, head + "The first half is the useful one: it shows that Bernard's day is not 18 or 19.")
    assert [c.record.kind for c in bad(wrong)] == ["credit"]


def test_being_sure_with_no_object_claims_no_knowing(ctxs):
    """"no unique day → Ali can be sure": sure of what the statement needs (Bo not knowing), not of the date (read
    as Ali knowing the date, an early flag); "Ali can know the date" still is that claim."""
    ctx = ctxs("cheryl_cam.txt")
    assert _claims(_audit(ctx, "- **Case March** (18, 19): no unique day → Ali can be sure. **Keep.**"),
                   "knowledge") == []
    assert [c.formula for c in _claims(_audit(ctx, "So Ali can know the date."), "knowledge")] == ["Ali knows date"]


def test_known_from_round_one_is_known_after_it(ctxs):
    """"each of the two would have seen one muddy face, known from round one that there were at least two, and
    stepped forward": known from the first round's silence, so after it (dated at the first question, it was an
    alarm); "in round one" is still the first question."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    lead = said(ctx, 3) + "\n\n"
    right = _audit(ctx, lead + "Now the worlds with exactly two muddy children went: each of the two would have "
                               "seen one muddy face, known from round one that there were at least two, and stepped "
                               "forward.")
    assert [c.verdict.verdict for c in _claims(right, "case knowledge")] == ["entailed"] and bad(right) == []
    early = _audit(ctx, lead + "With exactly two muddy children, each of the two would know in round one.")
    assert [c.record.kind for c in bad(early)] == ["case knowledge"]


def test_what_everyone_already_knew_is_no_bound_of_the_stage(ctxs):
    """"So everyone already knew there was mud in the room, in fact everyone knew there were at least three muddy
    children": what each child saw in the actual world (mutual knowledge), not a public bound before the father
    speaks (an alarm); "so at least three are muddy" there is still premature."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    text = ("At the start, each muddy child saw three muddy faces and each clean child saw four. So everyone already "
            "knew there was mud in the room, in fact everyone knew there were at least three muddy children.")
    after = "\n\n" + said(ctx)  # (the dialogue gone through later: a bound early is premature)
    assert bad(_audit(ctx, text + after)) == []
    early = _audit(ctx, "At the start, each muddy child saw three muddy faces. So at least three children are muddy."
                   + after)
    assert [c.record.kind for c in bad(early)] == ["bound"]


def test_a_dict_literal_of_candidates_names_the_worlds_of_its_pairs(ctxs):
    """`remaining = {'July': [16], 'August': [15, 17]}` lists the three dates left after Bernard (its first key was
    read as "the month is July"); `dates = {'5月': [15, 16, 19], '6月': [17, 18], …}` is the whole table; a wrong
    pair in it is a wrong list; a dict of counts names no candidates."""
    ctx = ctxs("cheryl.txt")
    head = said(ctx, 2) + "\n\n"
    right = _audit(ctx, head + "remaining = {'July': [16], 'August': [15, 17]}")
    assert [c.verdict.verdict for c in _claims(right, "candidates")] == ["entailed"] and bad(right) == []
    table = _audit(ctx, "dates = {'5月': [15, 16, 19], '6月': [17, 18], '7月': [14, 16], '8月': [14, 15, 17]}")
    assert [c.verdict.verdict for c in _claims(table, "candidates")] == ["entailed"] and bad(table) == []
    wrong = _audit(ctx, head + "remaining = {'July': [14, 16], 'August': [15, 17]}")
    assert [c.record.kind for c in bad(wrong)] == ["candidates"]
    assert _claims(_audit(ctx, "count = {'May': 3, 'June': 2}"), "candidates") == []


def test_answers_said_in_passing_at_the_end(ctxs):
    """Final answers missed or misread in du*: "— yes, it is in {3, 5, 15, 17}" (the yes, then why); "x = 4 and y =
    13, with sum 17 and product 52" (a gloss, not a case); "the answer to the father's question, …, is three" and
    "the answer is 3"; "故事到这里就结束了：三位逻辑学家都要啤酒" (故事 is no 故); "**Answer:** the blind man cannot determine
    his hat colour; white is likelier" (no answer: the hedged colour is none); "— no, wait." is no answer."""
    from tests.audit.reading import closing
    assert closing(ctxs, "consecutive.txt", "So the sum is 3 or 17 — yes, it is in {3, 5, 15, 17}.") == (((1,),), True)
    assert closing(ctxs, "consecutive.txt", "So the sum is 3 or 17 — no, wait.")[0] is None
    assert closing(ctxs, "sum_product.txt", "The two numbers are x = 4 and y = 13, with sum 17 and product 52.") == \
        (((4, 13),), True)
    muddy = {"n": 5, "k": 3}
    assert closing(ctxs, "muddy.txt", "So the answer to the father's question, how many children were muddy, is three:"
                                      " Ava, Ben and Cleo.", muddy) == (((3,),), True)
    assert closing(ctxs, "muddy.txt", "So the answer is 2.", muddy) == (((2,),), False)
    assert closing(ctxs, "drinking_logicians.txt", "故事到这里就结束了：三位逻辑学家都要啤酒，酒保倒了三杯。") == (((3,),), True)
    assert closing(ctxs, "hats.txt", "**Answer:** the blind man cannot determine his hat colour; white is likelier, "
                                     "but not certain.")[0] is None


def test_a_short_version_label_opens_a_headline(ctxs):
    """"Short version: yes, the three numbers were all different, …": an answer-first summary, not a premature claim
    (an early flag before the real first error)."""
    ctx = ctxs("what_sum.txt")
    report = _audit(ctx, "Short version: yes, the three numbers were all different, and the reason lies in what each "
                         "silence ruled out.\n\n" + said(ctx) + "\n\nSo yes, all three differ.")
    assert bad(report) == []


def test_the_now_inside_know_is_no_now(ctxs):
    """The dialogue listed backwards, '- **Logician 3: "I don't know."**': the "now" inside "know" made the line read
    as the next statement said now by the wrong logician (a false alarm)."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    backwards = _audit(ctx, "Working backwards:\n\n- **Logician 4: \"Yes!\"** — she knows everyone wants one.\n"
                            "- **Logician 3: \"I don't know.\"** So 3 wants one.\n"
                            "- **Logician 2: \"I don't know.\"** Same logic: 2 wants one.")
    assert bad(backwards) == []



def test_a_dict_of_tuple_sums_is_arithmetic_even_under_a_condition(ctxs):
    """"这个和必须对应至少两组。算各组的和：\\nsums = {(8,6,3): 17, (12,4,3): 18, …}": each entry is the tuple's sum, worked
    out the same in any world, so 12 + 4 + 3 = 18 is a slip (missed: the list after the condition's colon was read
    as supposed); the right sums are no claim against the trace."""
    ctx = ctxs("cheryls_age.txt")
    head = said(ctx, 2, "zh") + "\n\n他们知道车号，却还是不知道。也就是说，这个和必须对应至少两组。算各组的和：\n\n"
    slip = _audit(ctx, head + "sums = {(8,6,3): 17, (9,4,4): 17, (9,8,2): 19, (12,4,3): 18}")
    assert [c.formula for c in bad(slip)] == ["(12 + 4) + 3 = 18"]
    right = _audit(ctx, head + "sums = {(8,6,3): 17, (9,4,4): 17, (9,8,2): 19, (12,4,3): 19}")
    assert bad(right) == [] and len(_claims(right, "arithmetic")) == 4
    assert _claims(_audit(ctx, "ages = {(8,6,3): 17}"), "arithmetic") == []


def test_nobody_able_to_from_the_fathers_words_is_no_counterfactual(ctxs):
    """"只是说明没有人能单凭父亲的话确定自己": "没有人" is nobody, not "without" the father's words; the claim after it
    stays plain (the one-muddy case kept after the first silence is a first error)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx, said(ctx, 2, "zh") + "\n\n第一轮没人站出来，只是说明没有人能单凭父亲的话确定自己，也就是确认了“至少一个”"
                                             "这件事本身，“只有1个孩子有泥”的情况还保留着。")
    assert [c.record.kind for c in bad(report)] == ["possible"]


def test_knowing_the_date_is_one_of_a_list_is_knowing_that(ctxs):
    """"So if Albert is told April, he knows the date is April 14, April 17 or April 19": he knows it is one of them,
    not which (read as knowing the date, a false hypothetical, an early flag); knowing it is one of a wrong list is
    still false."""
    ctx = ctxs("cheryl_variant.txt")
    right = _audit(ctx, "So if Albert is told April, he knows the date is April 14, April 17 or April 19.")
    assert [c.verdict.verdict for c in _claims(right, "hypothetical")] == ["entailed"] and bad(right) == []
    wrong = _audit(ctx, "So if Albert is told April, he knows the date is April 14 or April 17.")
    assert [c.verdict.verdict for c in _claims(wrong, "hypothetical")] in (["false"], ["premature"])


def test_a_bulleted_date_closed_by_out_removes_that_date(ctxs):
    """"- April 19 — out": the date April 19 goes, not the whole of April (read as "April is out")."""
    ctx = ctxs("cheryl_variant.txt")
    report = _audit(ctx, said(ctx, 2) + "\n\nNow the days:\n- April 19 — out\n- June 19 — out")
    assert [c.formula for c in _claims(report, "exclusion")] == ["not (month = April and day = 19)",
                                                                 "not (month = June and day = 19)"]


def test_tuples_giving_numbers_in_a_sentence_about_sums(ctxs):
    """"I listed the triples with their sums: (144, 1, 1) gives 146; …; (12, 4, 3) gives 18": each tuple's sum, so
    the slip is false (missed); where the sentence speaks of products, "gives" is not read as a sum."""
    ctx = ctxs("cheryls_age.txt")
    slip = _audit(ctx, "I listed the triples with their sums: (144, 1, 1) gives 146; (72, 2, 1) gives 75; (12, 4, 3) "
                       "gives 18; (9, 4, 4) gives 17.")
    assert [c.formula for c in bad(slip)] == ["(12 + 4) + 3 = 18"]
    assert _claims(_audit(ctx, "Their products: (12, 4, 3) gives 144 and (9, 4, 4) gives 144."), "arithmetic") == []


def test_knowing_it_to_be_true_is_knowing_what_was_just_said(ctxs):
    """"this sentence, though every child already knew it to be true, still changed things": they knew the father's
    sentence, not the muddy children's closing knowledge (read as that, early)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    report = _audit(ctx, "The father said, \"At least one of you is muddy.\" It is a famous point that this sentence, "
                         "though every child already knew it to be true, still changed things.\n\n" + said(ctx))
    assert bad(report) == []


def test_a_second_subject_the_reader_does_not_know_ends_the_list(ctxs):
    """"With (9, 4, 4), Cheryl is 9 and the brothers are both 4": the 4 is the brothers', not a second age of Cheryl's
    (read as "Cheryl is 4 or 9", an early flag); a subject the reader knows still takes its own value."""
    ctx = ctxs("cheryls_age.txt")
    assert [c.formula for c in _claims(_audit(ctx, "With (9, 4, 4), Cheryl is 9 and the brothers are both 4."),
                                       "candidates")] == ["cheryl = 9"]
    assert [c.formula for c in _claims(_audit(ctx, "Cheryl is 9 and the older is 4."), "candidates")] == [
        "cheryl = 9", "older = 4"]


def test_the_supposed_count_said_again_is_that_cases(ctxs):
    """"Suppose exactly two children are muddy, say A and B. … So the two muddy children know after the first
    silence." (and "假设正好有两个孩子有泥，比如说A和B。…所以两个有泥的孩子在第一次沉默之后就知道了。"): the two are the supposed
    case's, not the count claimed, here where three are muddy (an early flag, and a wrong final answer read)."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    for text in ("Suppose exactly two children are muddy, say A and B. A sees B muddy. So the two muddy children know "
                 "after the first silence.",
                 "假设正好有两个孩子有泥，比如说A和B。所以两个有泥的孩子在第一次沉默之后就知道了。"):
        report = _audit(ctx, text)
        assert bad(report) == [] and report.final_answer is None, text
    plain = _audit(ctx, "So the two muddy children know after the first silence.\n\n" + said(ctx))
    assert [c.record.kind for c in bad(plain)] == ["candidates"]


def test_the_hats_an_agent_is_said_to_see_are_what_it_observes(ctxs):
    """"The second man looks at hats 2 and 3", "第二位也和第一位一样，看到的是第二顶和第三顶帽子": the second man sees hats 1
    and 3, so this reasons with the first man's view (a wrong agent missed); the right view is no claim against the
    trace, and a pronoun's view ("Looking at hats 2 and 3, he …") is not read."""
    ctx = ctxs("hats.txt")
    for text in ("The second man looks at hats 2 and 3: if hat 3 were red, hat 2 would be white.",
                 "第二位也和第一位一样，看到的是第二顶和第三顶帽子，所以他不知道。"):
        assert [c.formula for c in bad(_audit(ctx, text))] == ["w[2] knows (h[2], h[3])"], text
    for text in ("The second man sees hats 1 and 3.", "第二位看到的是第一顶和第三顶帽子。",
                 "Looking at hats 2 and 3, he would know only if they were both red."):
        assert bad(_audit(ctx, text)) == [], text


def test_knowing_an_attribute_being_enough_says_who_holds_it(ctxs):
    """"所以Q先生只要知道点数就能确定是哪张牌": knowing the rank is enough for Q only if he holds it, and Q holds the suit
    (a wrong agent found late); "Q先生只要知道花色就能确定" is right."""
    ctx = ctxs("card16.txt")
    assert [c.formula for c in bad(_audit(ctx, "所以Q先生只要知道点数就能确定是哪张牌。"))] == ["Q knows rank"]
    assert bad(_audit(ctx, "所以Q先生只要知道花色就能确定是哪张牌。")) == []


def test_the_supposed_count_knowing_at_a_named_time_is_that_cases_knowing(ctxs):
    """"如果有两个孩子有泥，比如A和B。父亲这句话一出来，两个有泥的孩子马上就都知道自己有泥了。" and "### Three muddy children … each
    of the three muddy children knows she is muddy …, and they step forward at the second request": the step's case
    knowing at the time named, modal or not (premature in both: two muddy know only after one silence, three after
    two); the right times are no claim against the trace."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    early = _audit(ctx, "如果有两个孩子有泥，比如A和B。父亲这句话一出来，两个有泥的孩子马上就都知道自己有泥了。")
    assert [c.record.kind for c in bad(early)] == ["case knowledge"]
    right = _audit(ctx, "如果有两个孩子有泥，比如A和B。第一轮没人站出来之后，两个有泥的孩子就都知道自己有泥了。")
    assert bad(right) == []
    three = _audit(ctx, "### Three muddy children\nEach muddy child sees two muddy faces. A single silence is enough: "
                        "each of the three muddy children knows she is muddy, and they step forward at the second "
                        "request.")
    assert [c.record.kind for c in bad(three)] == ["case knowledge"]


def test_a_supposition_naming_the_muddy_children_supposes_their_count(ctxs):
    """"假设有泥的是1号和2号。…所以父亲说完第一句，两个有泥的孩子就已经能确定自己有泥了": two named is the case of two, and
    "父亲说完第一句" is the first question (premature: they know only after one silence); after the first silence is
    right. "Suppose the muddy ones are A, B and C." supposes three."""
    from epistemic.audit.rounds import step_case
    assert step_case("Suppose the muddy ones are A, B and C.") == 3 and step_case("假设有泥的是1号和2号。") == 2
    ctx = ctxs("muddy.txt", {"n": 5, "k": 2})
    head = "假设有泥的是1号和2号。1号能看到2号有泥，3、4、5号干净。"
    early = _audit(ctx, head + "所以父亲说完第一句，两个有泥的孩子就已经能确定自己有泥了，因为他们都能看到对方。")
    assert [c.record.kind for c in bad(early)] == ["case knowledge"]
    assert bad(_audit(ctx, head + "所以第一轮没人站出来之后，两个有泥的孩子就能确定自己有泥了。")) == []


def test_spoken_sums_restated_pairs_and_a_value_label_after_a_stop(ctxs):
    """dq2-consecutive's early flags: "Bill's number is either a minus 1 or a plus 1" names no value of a (read as a =
    1); "That removes the pairs with b in 0, 1, 9, 10, which are (1, 0), (2, 1), …" says the removed pairs again (read
    as what is left); "Let me go through each value of a. a = 1: …" opens a's case after a stop the splitter kept."""
    ctx = ctxs("consecutive.txt")
    assert _claims(_audit(ctx, "Anne knows a, and Bill's number is either a minus 1 or a plus 1."), "candidates") == []
    removed = _audit(ctx, said(ctx, 2) + "\n\nThat removes the pairs with b in 0, 1, 9, 10, which are (1, 0), (2, 1), "
                                         "(8, 9), (9, 10).")
    assert _claims(removed, "candidates") == [] and len(_claims(removed, "exclusion")) == 2
    left = _audit(ctx, "That leaves four pairs, which are (1, 2), (2, 1), (8, 9), (9, 8).")
    assert [c.record.kind for c in _claims(left, "candidates")] == ["candidates"]
    case = _audit(ctx, said(ctx, 2) + "\n\nLet me go through each value of a. a = 1: candidates 0 and 2, only 2 is "
                                      "allowed, so she knows b = 2.")
    assert bad(case) == []


def test_an_agent_not_knowing_names_that_agents_statement(ctxs):
    """"So Bob not knowing means a ≠ c, …", "Alice's ignorance gives b ≠ c": the gerund names the speaker's "I don't
    know", a reference to that statement (a ≠ c was judged before Bob's statement, an early flag)."""
    ctx = ctxs("what_sum.txt")
    assert [c.stage for c in ctx.aligner._references("So Bob not knowing means a ≠ c.", 1)] == [2]
    assert [c.stage for c in ctx.aligner._references("Alice's ignorance gives b ≠ c.", 0)] == [1]
    assert ctx.aligner._references("Bob is not knowing anything yet.", 1) == []
