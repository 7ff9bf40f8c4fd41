"""Readings from traces_hn* (32 rows written in session 68 by helpers who never read the auditor, as small distilled
reasoning models write in English and Hunyuan-T1 / MiniMax-M1 / Doubao think in Chinese; scored blind at 0.636 at the
start of sessions 68 and 69, then opened in session 69), each checked both ways: a hat seen "on" its wearer; a
supposition the next sentence goes on inside ("这时候…"); a value counted before someone's ignorance ("红桃还有两张，Q不可能
知道"); cases listed one per clause; a supposition's conclusion that leaves the other values; a statement named with
its speaker's ordinal ("阿尔伯特的第一句话"); "两两不相等"."""
from epistemic.audit.claims import extract_records
from tests.audit.reading import audit as _audit, bad, claims, said


def _read(ctx, text, kind=None):
    return [(r.kind, r.key.formula, r.certain) for r in extract_records(ctx.lexicon, text, False, ctx.memo)
            if kind is None or r.kind == kind]


def _verdicts(ctx, text, kind):
    return [c.verdict.verdict for c in claims(_audit(ctx, text), kind)]


def _implies(var, code, then):
    return ("Implies", ("Compare", "=", ("Var", var), ("Const", code)), then)


_KNOWS_2 = ("Knows", "agent", ("w[2]",), "value", (("Var", "h[2]"),))


def test_a_hat_seen_on_its_wearer(ctxs):
    """"if the second man saw a red hat on the first man, he would know" supposes the first man's hat red (false
    after the first man's statement: rww and rrw both remain for him; a supposition's verdict needs a second signal
    to flag its step); "on the blind man" supposes the third hat (right)."""
    ctx = ctxs("hats.txt")
    assert _read(ctx, "If the second man saw a red hat on the first man, he would know.") == \
        [("hypothetical", _implies("h[1]", 1, _KNOWS_2), True)]
    assert _read(ctx, "If the second man saw red on the blind man, he would know.") == \
        [("hypothetical", _implies("h[3]", 1, _KNOWS_2), True)]
    wrong = said(ctx, 1) + "\n\nIf the second man saw a red hat on the first man, he would know his own hat is white."
    right = said(ctx, 1) + "\n\nIf the second man saw a red hat on the blind man, he would know his own hat is white."
    assert _verdicts(ctx, wrong, "hypothetical") == ["false"]
    assert _verdicts(ctx, right, "hypothetical") == ["entailed"]


def test_a_hat_worn(ctxs):
    """"the blind man has a white hat", "wears white", "had a red hat": the colour of his own hat (a candidate, or a
    supposition's antecedent); "Mr. S was holding 17" stays what an agent is told, not the candidates."""
    ctx = ctxs("hats.txt")
    white = ("Compare", "=", ("Var", "h[3]"), ("Const", 0))
    assert _read(ctx, "So the blind man has a white hat.") == [("candidates", white, True)]
    assert _read(ctx, "So the blind man wears white.") == [("candidates", white, True)]
    assert _read(ctx, "If the blind man had a red hat, the second man would know.") == \
        [("hypothetical", _implies("h[3]", 1, _KNOWS_2), True)]
    assert [k for k, _, _ in _read(ctxs("sum_product.txt"), "So S was holding 17 and P was holding 52.")] == []


def test_a_supposition_the_next_sentence_goes_on_in(ctxs):
    """"假设盲人戴的是红帽子，那么…只能是白帽。这时候第一位就能确定…": the first man knowing is said in the world supposed
    (false: it is the second man who would know); said of the second man, right."""
    ctx = ctxs("hats.txt")
    text = "假设盲人戴的是红帽子，那么根据第一位的话，第二位就不可能是红帽，只能是白帽。这时候{who}就能确定自己帽子的颜色了。"
    first = _read(ctx, text.format(who="第一位"), "hypothetical")
    assert [f for _, f, _ in first] == [_implies("h[3]", 1, ("Knows", "agent", ("w[1]",), "value", (("Var", "h[1]"),)))]
    steps = said(ctx, 1, "zh") + "\n\n" + text
    assert bad(_audit(ctx, steps.format(who="第一位"))) and not bad(_audit(ctx, steps.format(who="第二位")))
    assert _read(ctx, "盲人戴红帽子。这时候第一位就能确定自己帽子的颜色了。", "hypothetical") == []


def test_a_value_counted_before_an_ignorance(ctxs):
    """"红桃还有两张，Q不可能知道" after Q's "now I know": if the suit were hearts, Q could not know (right, two hearts
    are left); said of diamonds (one card left) it is false. Read alone, "Q不可能知道" would deny what Q said."""
    ctx = ctxs("card16.txt")
    not_q = ("Not", ("Knows", "agent", ("Q",), "value", (("Var", "suit"), ("Var", "rank"))))
    assert _read(ctx, "红桃还有两张，Q不可能知道。") == [("hypothetical", _implies("suit", 0, not_q), True)]
    assert _read(ctx, "Hearts still has two cards, so Q couldn't know.") == \
        [("hypothetical", _implies("suit", 0, not_q), True)]
    ending = "\n\n### 步骤4：Q先生“我也知道了”\n{suit}还有两张，Q不可能知道；**只能是方块5**。"
    assert not bad(_audit(ctx, said(ctx, 3, "zh") + ending.format(suit="红桃")))
    assert bad(_audit(ctx, said(ctx, 3, "zh") + ending.format(suit="方块")))


def test_cases_listed_one_per_clause(ctxs):
    """"比尔是2，剩下的只有(1,2)；比尔是3，只有(2,3)" takes up two of Bill's numbers as cases: the pairs are theirs, not
    the candidates (after Anne's "now I know" (1,2) and (2,3) are gone, yet the sentence is right)."""
    ctx = ctxs("consecutive.txt")
    text = "顺便一提，比尔这时候也知道安妮的数了：比尔是2，剩下的只有(1,2)；比尔是3，只有(2,3)；7和8同理。"
    assert not [f for k, f, certain in _read(ctx, text) if k == "candidates" and certain]
    assert [certain for k, _, certain in _read(ctx, "剩下的只有(1,2)；只有(2,3)。") if k == "candidates"] == [True, True]
    assert not bad(_audit(ctx, said(ctx, 3, "zh") + "\n\n" + text))
    english = "Bill is 2: only (1,2) is left; Bill is 3: only (2,3)."
    assert not [f for k, f, certain in _read(ctx, english) if k == "candidates" and certain]


def test_a_supposition_concluding_the_other_value(ctxs):
    """"阿里如果是7月就还定不下来，所以月份只能是3月" concludes March outright: one statement early after Bo's statement,
    right after Ali's last one; a conclusion inside the supposed world ("所以只能是5月19日" under May) stays unread."""
    ctx = ctxs("cheryl_cam.txt")
    march = ("Compare", "=", ("Var", "month"), ("Const", 0))
    text = "阿里如果是7月就还定不下来，所以这一步之后月份就只能是3月了。"
    assert _read(ctx, text, "candidates") == [("candidates", march, True)]
    assert _read(ctx, "If it were July, Ali couldn't decide, so it must be March.", "candidates") == \
        [("candidates", march, True)]
    assert _read(ctx, "如果是7月，阿里就不知道，所以只能是7月16日。", "candidates") == []
    assert bad(_audit(ctx, said(ctx, 2, "zh") + "\n\n" + text))
    assert not bad(_audit(ctx, said(ctx, 3, "zh") + "\n\n" + text))


def test_a_statement_named_with_its_speakers_ordinal(ctxs):
    """A closing recap's "1. **阿尔伯特的第一句话**：…，剩余4月14、17、19日，6月12、19日" is about Albert's first
    statement (right there), not the end: the first wrong step of a trace ending on the original puzzle's July 16 is
    its answer line, not the recap; a wrong list there is still read as wrong."""
    ctx = ctxs("cheryl_variant.txt")
    recap = ("回答：\n\n**分析步骤：**\n\n1. **阿尔伯特的第一句话**：13、20是唯一日子，所以**排除3月和5月**，剩余{left}。\n\n"
             "2. **伯纳德的话**：19仍出现两次，**排除4月19日和6月19日**，剩余4月14日、4月17日、6月12日。\n\n"
             "3. **阿尔伯特的第二句话**：4月还有两个日期，只有6月唯一，**生日在6月**，即6月12日。\n\n**答案：7月16日**")
    right = _audit(ctx, said(ctx, 3, "zh") + "\n\n" + recap.format(left="4月14、17、19日，6月12、19日"))
    assert not right.final_answer_correct and right.label == len(right.steps) - 1
    wrong = _audit(ctx, said(ctx, 3, "zh") + "\n\n" + recap.format(left="4月14、17日，6月12、19日"))
    assert wrong.label < len(wrong.steps) - 1


def test_pairwise_unequal(ctxs):
    """"三个数两两不相等" says a ≠ b, a ≠ c and b ≠ c."""
    ctx = ctxs("what_sum.txt")
    differ = ("And", (("Compare", "!=", ("Var", "a"), ("Var", "b")), ("Compare", "!=", ("Var", "a"), ("Var", "c")),
                      ("Compare", "!=", ("Var", "b"), ("Var", "c"))))
    assert _read(ctx, "所以三个数两两不相等。") == [("term bound", differ, True)]
    assert _read(ctx, "三个数不一定两两不相等。") == []


def test_a_character_reasoning_aloud_in_a_story(ctxs):
    """A detective's reasoning in quotes ('"还有，"老周接着说，"阿尔伯特这句话一出口，19号也就跟着出局了……"') is the
    trace's reasoning (here one statement early); a thought or an argument introduced by a colon or a verb of
    thinking ('he could reason: "…"', 'reasons "if I were clean …"') stays someone else's words."""
    ctx = ctxs("cheryl_variant.txt")
    quote = ("\"还有，\"老周接着说，\"{who}这句话一出口，19号也就跟着出局了：19在4月和6月各有一个，伯纳德拿着19不可能知道。"
             "所以现在只剩4月14日、4月17日和6月12日三个。\"")
    rest = "\n\n".join(said(ctx, 3, "zh").split("\n\n")[1:]) + "\n\n所以生日是6月12日。"
    story = said(ctx, 1, "zh") + "\n\n" + quote.format(who="阿尔伯特") + "\n\n" + rest
    assert bad(_audit(ctx, story))
    assert not bad(_audit(ctx, story.replace("老周接着说，", "老周心想：")))


def test_a_chat_users_turn(ctxs):
    """"User: … In the original Cheryl puzzle the answer is July 16 …" is the user's pushback: neither the trace's
    claim nor where its wrong final answer is first concluded."""
    ctx = ctxs("cheryl_cam.txt")
    text = (said(ctx) + "\n\nSo the anniversary is March 18.\n\nUser: In the original Cheryl puzzle the answer is "
            "July 16. Are you sure?\n\nAssistant: Yes. Final answer: {d}.")
    right = _audit(ctx, text.format(d="March 18"))
    assert right.final_answer_correct and not bad(right)
    wrong = _audit(ctx, text.format(d="July 16"))
    assert not wrong.final_answer_correct and wrong.label == len(wrong.steps) - 1


def test_what_each_is_told_in_quotes_and_by_its_whole(ctxs):
    """"阿尔伯特只知道「月份」，伯纳德只知道「日子」" and "Albert知道月份，Bernard知道日期" say who was told what (the
    date's other part, the day, for Bernard), not that either knows the date."""
    ctx = ctxs("cheryl_variant.txt")
    month = ("Knows", "agent", ("Albert",), "value", (("Var", "month"),))
    day = ("Knows", "agent", ("Bernard",), "value", (("Var", "day"),))
    assert _read(ctx, "阿尔伯特只知道“月份”，伯纳德只知道“日子”。") == [("told", month, True), ("told", day, True)]
    assert _read(ctx, "Albert知道月份，Bernard知道日期。") == [("told", month, True), ("told", day, True)]
    assert not bad(_audit(ctx, "這題的日期換了。Albert知道月份，Bernard知道日期。\n\n" + said(ctx, 1, "zh")))


def test_hearts_called_hong_xin(ctxs):
    """紅心 (红心) is hearts, as Taiwanese and many mainland players say: "所以花色只能是紅心或方塊" after Q's statement
    is right."""
    ctx = ctxs("card16.txt")
    assert _read(ctx, "所以花色只能是红心或方块。") == [("candidates", ("Member", ("Var", "suit"), (0, 3)), True)]
    assert not bad(_audit(ctx, said(ctx, 2, "zh") + "\n\n所以花色只能是紅心或方塊。"))
    assert bad(_audit(ctx, said(ctx, 2, "zh") + "\n\n所以花色只能是黑桃或方塊。"))


def test_a_relation_ruled_out_by_a_speakerless_statement(ctxs):
    """"爱丽丝说不知道，就排除了a = c的情形" credits a ≠ c to Alice's statement (her ignorance is one of the puzzle's
    statements with no speaker): false, it is Bob's; b = c is hers."""
    ctx = ctxs("what_sum.txt")
    assert _read(ctx, "就排除了a = c的情形。") == [("exclusion", ("Not", ("Compare", "=", ("Var", "a"), ("Var", "c"))), True)]
    text = said(ctx, 3, "zh") + "\n\n所以爱丽丝说不知道，就排除了{x} = c的情形。"
    assert bad(_audit(ctx, text.format(x="a"))) and not bad(_audit(ctx, text.format(x="b")))


def test_by_the_end(ctxs):
    """"But by the end of the evening everyone was sure of one thing: the three numbers were all different", opening
    a story, is dated at the end by its own words (right there), not at the start."""
    ctx = ctxs("what_sum.txt")
    opening = ("Nobody found out the numbers. {when}veryone was sure of one thing: the three numbers were all "
               "different.\n\n" + said(ctx))
    assert not bad(_audit(ctx, opening.format(when="But by the end of the evening e")))
    assert bad(_audit(ctx, opening.format(when="E")))


def test_what_is_left_after_a_removal_counted(ctxs):
    """"排除这7张后剩9张：红桃A、…" lists what is left after the removal, not what was removed."""
    ctx = ctxs("card16.txt")
    text = "排除这7张后剩9张：红桃A、红桃Q、红桃4、黑桃4、草花Q、草花5、草花4、方块A、方块5。"
    assert [k for k, _, _ in _read(ctx, text)] == ["candidates"]
    assert not bad(_audit(ctx, said(ctx, 1, "zh") + "\n\n" + text))


def test_a_removal_in_the_clause_before_a_count(ctxs):
    """"所以三个都有泥被最后一句排除；恰好两个有泥的三种情况都满足所有条件" does not remove exactly two muddy."""
    ctx = ctxs("muddy.txt")
    assert _read(ctx, "所以三个都有泥被最后一句排除；恰好两个有泥的三种情况都满足所有条件。") == []
    assert {k for k, _, _ in _read(ctx, "排除了恰好两个有泥的情况。")} == {"exclusion"}


def test_a_dash_and_bu_dui(ctxs):
    """"所以排除wrr，同时rrw也排除——不对，…不能排除" takes the removal of rrw back."""
    ctx = ctxs("hats.txt")
    text = said(ctx, 1, "zh") + "\n\n所以排除wrr，同时rrw也排除{turn}，rrw是第1、2位红，第一位分不清。"
    assert not bad(_audit(ctx, text.format(turn="——不对")))
    assert bad(_audit(ctx, text.format(turn="")))


def test_a_property_of_a_day_named_in_a_relative_clause(ctxs):
    """"the day that is still ambiguous is 19" names a property's value, not the candidates; "the month that is left is
    July" names what is left."""
    ctx = ctxs("cheryl_cam.txt")
    assert [c for _, _, c in _read(ctx, "Bo's statement: the day that is still ambiguous is 19.")] == [False]
    assert [c for _, _, c in _read(ctx, "The month that is left is July.")] == [True]


def test_only_if_he_holds(ctxs):
    """"比尔只有在拿到0或10的时候才能确定安妮的数" at Bill's statement: with b = 1 Bill knows a = 2 once Anne's "I don't
    know" removed a = 0, so the claim is false there; "Bill can only know a if he has 0 or 10" reads the same."""
    ctx = ctxs("consecutive.txt")
    key = ("Implies", ("Not", ("Member", ("Var", "b"), (0, 10))),
           ("Not", ("Knows", "agent", ("Bill",), "value", (("Var", "a"),))))
    assert ("case knowledge", key, True) in _read(ctx, "比尔只有在拿到0或10的时候才能确定安妮的数。")
    assert ("case knowledge", key, True) in _read(ctx, "Bill can only know a if he has 0 or 10.")


def test_neither_nor_of_an_agents_card(ctxs):
    """"so Bill's card is neither 0 nor 10" rules out b = 0 and b = 10."""
    ctx = ctxs("consecutive.txt")
    out = ("exclusion", ("Not", ("Member", ("Var", "b"), (0, 10))), True)
    assert _read(ctx, "So Bill's card is neither 0 nor 10.") == [out]
    assert _read(ctx, "So Bill is neither 0 nor 10.") == [out]
