"""Readings from traces_bn* (32 rows, half correct, written in session 31 by helpers who never read the auditor, kept
blind there and opened in session 32), checked both ways where the reader reads a wrong wording of the same kind."""
from tests.audit.reading import audit as _audit, answer as _answer, bad as _bad, said as _said


def test_the_cards_before_a_statement_are_a_basis_not_a_time(ctxs):
    """"所以这里应该按P先生说话之前的16张牌来判断，黑桃和草花要排除": Q's statement judged against the 16 cards, its
    elimination made after Q spoke (it flagged a correct trace as one statement early); saying that spades and clubs
    were gone before P spoke is early."""
    ctx = ctxs("card16.txt")
    after_q = _said(ctx, 2, "zh") + "\n\n"
    assert not _bad(_audit(ctx, after_q + "所以这里应该按P先生说话之前的16张牌来判断，黑桃和草花要排除。"))
    assert not _bad(_audit(ctx, after_q + "So we judge it against the 16 cards before P spoke: spades and clubs are out."))
    assert _bad(_audit(ctx, after_q + "在P先生说话之前，黑桃和草花就已经排除了。"))


def test_a_count_in_the_questions_own_words(ctxs):
    """"**蓝眼睛的岛民有 3 个。**", "So the number of blue-eyed islanders is 3.": the count asked for (the answer was not
    read, so a correct trace's answer counted as wrong); a wrong count is a wrong answer, what a child sees is none."""
    said = "\n\n".join(dict(a.texts)["zh"] for a in ctxs("islanders.txt").puzzle.announcements)
    ctx = ctxs("islanders.txt")
    assert _answer(ctx, said + "\n\n## 结论\n\n**蓝眼睛的岛民有 3 个。**") == (((3,),), True)
    assert _answer(ctx, said + "\n\n## 结论\n\n**蓝眼睛的岛民有 4 个。**") == (((4,),), False)
    assert _answer(ctx, said + "\n\nSo the number of blue-eyed islanders is 3.") == (((3,),), True)
    assert _answer(ctx, said + "\n\n他看到的蓝眼睛有2个。")[0] is None


def test_once_as_a_time_is_no_property(ctxs):
    """"so once Bernard has spoken, the only date consistent with everything is June 12": "once" dates the claim; it
    is no "appears once" that makes the list a property's values. June 12 alone is early after Bernard's statement."""
    ctx = ctxs("cheryl_variant.txt")
    sentence = "So once Bernard has spoken, the only date consistent with everything is **June 12**."
    assert _bad(_audit(ctx, _said(ctx, 2) + "\n\n" + sentence))
    assert not _bad(_audit(ctx, _said(ctx) + "\n\n" + sentence.replace("once Bernard has", "after Albert has")))


def test_a_split_and_an_arrow_to_its_sum(ctxs):
    """"p = 24 = 2·12 (sum 14), 3·8 (sum 11), 4·6 → 11": the arrow gives the split's sum (4 + 6 = 10, a slip that was
    not read); a list of splits mapped to a list of sums, or a sum worked out after the arrow, is no such claim."""
    ctx = ctxs("sum_product.txt")
    wrong = _bad(_audit(ctx, "- (3,8): p = 24 = 2·12 (sum 14), 3·8 (sum 11), 4·6 → 11. Both land on 11."))
    assert [c.formula for c in wrong] == ["4 + 6 = 11"]
    assert not _bad(_audit(ctx, "- (3,8): p = 24 = 2·12 (sum 14), 3·8 (sum 11), 4·6 → 10. Only 11 is listed."))
    assert not _bad(_audit(ctx, "(7,16): 112 = 2·56, 4·28, 8·14 → 58, 32, 22, none listed."))
    assert not _bad(_audit(ctx, "2 + 15: 30 = 5 × 6 → 5 + 6 = 11 (in the list)."))


def test_how_many_situations_a_statement_removes(ctxs):
    """"The father's statement rules out only one of them: the situation where everyone is clean": how many
    situations go, not "the count is not 1" credited to him (it flagged step 2 of an error trace, whose error came at
    the end); "rules out exactly one muddy child" is still that count."""
    ctx = ctxs("muddy.txt", {"n": 6, "k": 4})
    text = ("Each child is either muddy or clean, so there are 2^6 = **64** possible situations. The father's "
            "statement rules out only one of them: the situation where everyone is clean. That leaves **63**.")
    assert not [c for st in _audit(ctx, text).steps for c in st.claims if "rules out" in c.formula]
    assert _bad(_audit(ctx, "The father's statement rules out exactly one muddy child."))


def test_a_sum_said_in_words(ctxs):
    """"if Alice saw 24 and 29, the sum is 43", "the sum of 24 and 29 is 43", "24和29的和是43": a sum in words (24 + 29
    = 53: the slip was not read); right sums and products in words are right."""
    ctx = ctxs("what_sum.txt")
    for wrong in ("For example, if Alice saw 24 and 29, the sum is 43, so both 5 and 43 would be possible.",
                  "The sum of 24 and 29 is 43.", "24和29的和是43。", "24 plus 29 is 43."):
        assert [c.formula for c in _bad(_audit(ctx, wrong))] == ["24 + 29 = 43"], wrong
    for right in ("The sum of 24 and 29 is 53.", "24 and 29 add up to 53.", "24加29等于53。",
                  "The product of 4 and 13 is 52."):
        assert not _bad(_audit(ctx, right)), right


def test_an_answer_that_says_it_cannot_be_determined(ctxs):
    """"**最终答案：无法确定（白色的可能性更大）。**": no answer (the guess in brackets was read as the answer white, so a
    wrong final answer counted as right); a bracketed gloss of a stated answer still names it."""
    ctx = ctxs("hats.txt")
    assert _answer(ctx, "**最终答案：无法确定（白色的可能性更大）。**") == (None, False)
    assert _answer(ctx, "**Final answer: it cannot be determined (white is more likely).**") == (None, False)
    assert _answer(ctx, "**最终答案：白色（盲人推得出）。**") == (((0,),), True)


def test_what_one_logician_wants(ctxs):
    """"So at this point we can already conclude that the first two logicians both want a beer": where each agent
    knows its own counted variable, what one wants is a claim about it (it was not read): early after the first
    "I don't know", right after the second; in Chinese too, and a supposition is no claim."""
    ctx = ctxs("drinking_logicians.txt")
    claim = "\n\nSo at this point we can already conclude that the first two logicians both want a beer."
    assert [c.formula for c in _bad(_audit(ctx, _said(ctx, 1) + claim))] == ["b[1] = 1 and b[2] = 1"]
    assert not _bad(_audit(ctx, _said(ctx, 2) + claim))
    assert not _bad(_audit(ctx, _said(ctx, 1) + "\n\nSo the first logician wants a beer."))
    assert _bad(_audit(ctx, _said(ctx, 1, "zh") + "\n\n此时已经可以断定前两位逻辑学家都要啤酒。"))
    assert not _bad(_audit(ctx, _said(ctx, 1) + "\n\nIf the first logician did not want a beer, she would say no."))
    formulas = [c.formula for st in _audit(ctx, "Logician 1 knows whether everyone wants beer.").steps
                for c in st.claims if c.record.kind == "candidates"]
    assert formulas == []


def test_a_one_word_statement_only_in_quotes(ctxs):
    """'nobody can answer "yes" based on their own wish alone': the third logician's "Yes!" is a common word; only a
    quote of it said (not one someone could say) names the statement (the step was taken to be after all three)."""
    ctx = ctxs("drinking_logicians.txt")
    text = ("The question is about all three of them, so nobody can answer \"yes\" based on their own wish alone."
            "\n\nThe first logician says \"I don't know.\" So at this point we can already conclude that the first "
            "two logicians both want a beer.")
    assert _bad(_audit(ctx, text))
    assert [st.reached for st in _audit(ctx, 'The third logician says "Yes!"').steps] == [3]


def test_a_lead_in_that_dates_what_follows(ctxs):
    """"3. 到这一步答案其实已经出来了：方块只有A和5两张，…，所以牌只能是方块5。" after Q's statement: an answer the trace
    itself dates at this step (before a colon) is early there (it was judged as the answer of the whole dialogue);
    "伯纳德此时知道了：…" names what Bernard knows, and dates nothing."""
    ctx = ctxs("card16.txt")
    text = _said(ctx, 2, "zh") + "\n\n3. 到这一步答案其实已经出来了：方块只有A和5两张，而A和红桃A重复，所以牌只能是方块5。"
    assert [c.record.kind for c in _bad(_audit(ctx, text))] == ["answer"]
    assert not _bad(_audit(ctx, _said(ctx, None, "zh") + "\n\n到这一步答案已经出来了：所以牌只能是方块5。"))


def test_knowing_a_fact_the_reader_cannot_parse(ctxs):
    """"Note L2 already knows b_1 = 1 from the previous answer": a fact known is no claim that L2 knows everything he
    lacks (read so, it was early and flagged a step before the trace's real error); since session 33 it is read as
    what it says, that L2 knows b[1], which holds."""
    ctx = ctxs("drinking_logicians.txt", {"n": 4})
    report = _audit(ctx, _said(ctx, 1) + "\n\nNote L2 already knows b_1 = 1 from the previous answer.")
    assert [c.formula for st in report.steps for c in st.claims if c.record.kind == "knowledge"] == ["l[2] knows b[1]"]
    assert not _bad(report)
    report = _audit(ctx, _said(ctx, 1) + "\n\nNote L2 already knows the others.")
    assert [c.formula for st in report.steps for c in st.claims if c.record.kind == "knowledge"] == [
        "l[2] knows (b[1], b[3], b[4])"]


def test_a_turn_named_after_now(ctxs):
    """"Now Bill. He knows b, and he heard Anne. …" opens Bill's statement: the bulleted cases after it ("b = 0: a
    must be 1 … Remove (1, 0).") are what Bill's "I don't know" removes, not early after Anne's."""
    ctx = ctxs("consecutive.txt")
    text = ("Anne: \"I don't know your number.\" So a is neither 0 nor 10.\n\n"
            "Now Bill. He knows b, and he heard Anne. He says he doesn't know.\n\n"
            "- b = 0: a must be 1. Only one candidate → Bill would know. Remove (1, 0).")
    assert [st.stage for st in _audit(ctx, text).steps] == [1, 2, 2]
    assert not _bad(_audit(ctx, text))


def test_outline_lines_on_a_speakers_own_words(ctxs):
    """'- P's "I don't know" → …, hence the sum is odd' in an outline whose lines open on each speaker's own words
    ('- S's "I knew you didn't know" → …'): each line gives its statement, so the sum's parity on P's line is early
    (it was judged after the whole dialogue); on S's line it is right."""
    ctx = ctxs("sum_product.txt")
    lines = ["- P's \"I don't know\" → xy has at least two admissible factorizations{p}.",
             "- S's \"I knew you didn't know\" → every split of the sum has an ambiguous product{s}.",
             "- P's \"Now I know\" → exactly one factorization of xy has its sum in that list.",
             "- S's \"Now I know too\" → exactly one split of the sum survives."]
    odd = "; hence the sum is odd"
    early = "- Worlds: 2 ≤ x < y, x + y ≤ 100.\n" + "\n".join(lines).format(p=odd, s="")
    right = "- Worlds: 2 ≤ x < y, x + y ≤ 100.\n" + "\n".join(lines).format(p="", s=odd)
    assert [c.formula for c in _bad(_audit(ctx, early))] == ["(x + y) mod 2 = 1"]
    assert not _bad(_audit(ctx, right))


def test_one_clean_child_knowing_she_is_clean(ctxs):
    """"After that first silence, kid 3 — who is clean — now knows it's clean", "所以孩子3就能确定自己是干净的": one named
    member of the family knowing her own clean state (the group's claim was read, one member's was not): early after
    the first silence with two muddy, right once the muddy two have stepped forward; "can't tell" is right then."""
    ctx = ctxs("muddy.txt", {"n": 3, "k": 2})
    one = _said(ctx, 2) + "\n\n"
    for claim in ("After that first silence, kid 3 — who is clean — now knows it's clean.",
                  "第一轮没人站出来以后，孩子3看到两个有泥，所以孩子3就能确定自己是干净的。",
                  "After round 1, each clean child — who also sees one muddy face — knows she's clean."):
        assert [c.record.kind for c in _bad(_audit(ctx, one + claim))] == ["knowledge"], claim
    assert not _bad(_audit(ctx, _said(ctx) + "\n\nNow child 3 knows she is clean."))
    assert not _bad(_audit(ctx, one + "Child 3 still cannot tell that she is clean."))
    assert not _bad(_audit(ctx, one + "If child 3 were clean and saw no mud, she would know she is clean."))


def test_an_elimination_said_to_be_exact(ctxs):
    """"Albert's statement removes only June 18 and May 19", "… and nothing else", "所以比尔的话只排除了 b = 0 和 b =
    10": a credit whose removed worlds must be exactly the named ones (right as a credit, wrong in its "only"; the
    gap noted in session 31); naming all that goes is right, and without "only" the credit is right."""
    ctx = ctxs("cheryl.txt")
    after = _said(ctx, 1) + "\n\n"
    for wrong in ("Albert's statement removes only June 18 and May 19.",
                  "Albert's statement removes June 18 and May 19 and nothing else.",
                  "阿尔伯特的话只排除了5月19日和6月18日。"):
        assert [c.formula for c in _bad(_audit(ctx, after + wrong))][0].endswith("and nothing else"), wrong
    assert not _bad(_audit(ctx, after + "Albert's statement removes June 18 and May 19."))
    assert not _bad(_audit(ctx, after + "Albert's statement removes May and June and nothing else."))
    ctx = ctxs("consecutive.txt")
    assert _bad(_audit(ctx, _said(ctx, 2, "zh") + "\n\n所以比尔的话只排除了 b = 0 和 b = 10。"))


def test_a_sum_kept_by_the_test_of_s_minus_two(ctxs):
    """"For 51: 51 − 2 = 49 = 7², composite, … so 51 stays in the list", "51：49 = 7 × 7，不是质数，保留" after S's
    statement: the s − 2 test says the number is a sum (the term named last was the product), and keeping 51 is the
    classic slip (17 + 34 gives P the unique 578); it weighs in a long trace too. Keeping 53 is right."""
    ctx = ctxs("impossible.txt")
    after = _said(ctx, 2) + "\n\nEach product has several splits.\n\n"
    wrong = ("For 51: 51 − 2 = 49 = 7², composite, and 51 is below 55, so 51 stays in the list.",
             "47：45，保留\n51：49 = 7 × 7，不是质数，保留")
    for text in wrong:
        assert [c.formula for c in _bad(_audit(ctx, after + text))] == ["x + y = 51 still possible"], text
    assert not _bad(_audit(ctx, after + "For 53: 53 − 2 = 51 = 3 × 17, composite, so 53 stays in the list."))
    long = after + "\n\n".join(f"Step {i}: checking." for i in range(25)) + "\n\n" + wrong[0]
    assert _bad(_audit(ctx, long))
