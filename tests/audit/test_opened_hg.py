"""Readings from traces_hg* (32 rows written in session 67 by helpers who never read the auditor, as Grok 3 / Le Chat
answers in English and Qwen3 / DeepSeek-R1-0528 thinking traces in Chinese; scored blind at 0.703 at the start of
sessions 67 and 68, then opened in session 68), each checked both ways: "答案：额头上有泥的孩子有2个" (an answer line
that names the count as a sentence); "我记得有的版本答案是7月16……所以7月16不行" (another version's answer, rejected);
"Bob同理：…" (the next speaker's statement worked the same way); "Q在P说话之前就知道" (a time before P spoke, not P's
words)."""
from epistemic.audit.claims import extract_records
from tests.audit.reading import answer, audit as _audit, bad, claims as _claims, said


def _read(ctx, text, kind=None):
    return [(r.kind, r.key.formula, r.certain) for r in extract_records(ctx.lexicon, text, False, ctx.memo)
            if kind is None or r.kind == kind]


_MUDDY = ("k=2：两个有泥的孩子各看到一个有泥的，第二次他们都会站出来。\n\n"
          "k=3：每个有泥的孩子看到两个有泥的。他想：如果我干净，那就是k=2，那两个人第二次就会站出来。两轮沉默之后他们就知道了。\n\n"
          "所以是3个孩子有泥。\n</think>\n\n**答案：额头上有泥的孩子有{n}个。**")


def test_an_answer_line_naming_the_count_in_a_sentence(ctxs):
    """"**答案：额头上有泥的孩子有2个。**" after a think block concluding 3 is the answer the trace gives (wrong for
    three muddy children), flagged there, not at the "k=2：" and "如果我干净，那就是k=2" cases before it; with 3 it is
    right."""
    ctx = ctxs("muddy.txt", {"n": 5, "k": 3})
    assert [k for k, _, _ in _read(ctx, "Answer: the number of muddy children is 2.")] == ["answer"]
    assert [k for k, _, _ in _read(ctx, "So the number of muddy children is 2.")] == ["candidates"]
    wrong = _audit(ctx, _MUDDY.format(n=2))
    assert wrong.final_answer == ((2,),) and not wrong.final_answer_correct
    assert wrong.label == len(wrong.steps) - 1
    right = _audit(ctx, _MUDDY.format(n=3))
    assert right.final_answer_correct and not bad(right)


def test_another_version_s_answer_rejected(ctxs):
    """"我记得有的版本答案是7月16……所以7月16不行" names another version's answer and rules it out: the trace's answer is
    the bold August 17 after it (wrong here, as it is July 16)."""
    ctx = ctxs("cheryl.txt")
    assert [k for k, _, _ in _read(ctx, "所以7月16不行。")] == ["exclusion"]
    ending = ("不过，让我再确认一下：会不会是7月16日？我记得有的版本答案是7月16……但按照上面的推理，16在5月和7月都有，Bernard拿到16不能"
              "确定，所以7月16不行。\n\n**谢丽尔的生日是{d}。**")
    assert answer(ctx, ending.format(d="8月17日")) == (((3, 17),), False)
    assert answer(ctx, ending.format(d="7月16日"))[1]


def test_only_one_unique_day(ctxs):
    """"只有18是唯一的" says 18 is the only day that occurs once (19 does too): false; "18和19是唯一的" is right."""
    ctx = ctxs("cheryl.txt")
    assert _read(ctx, "只有18是唯一的。") == [("singletons", ("Singletons", "day", (18,), True), True)]
    assert _read(ctx, "18和19是唯一的。") == [("singletons", ("Singletons", "day", (18, 19), False), True)]
    assert bad(_audit(ctx, "日子只出现一次的情况：只有18是唯一的。"))
    assert not bad(_audit(ctx, "日子只出现一次的情况：18和19是唯一的。"))
    assert _read(ctx, "答案是唯一的。") == []


_CAM = "{bo}\n\n3月只剩18这一个日期，而7月有两个，所以Bo说完这句话以后，纪念日就确定是3月18日了。"


def test_the_anniversary_settled(ctxs):
    """"纪念日就确定是3月18日了" names what is left of Cam's anniversary: right after Ali's closing statement, one
    statement early after Bo's; "19还在3月和7月两个月，排除" says where 19 is found, not that it is still possible."""
    ctx = ctxs("cheryl_cam.txt")
    assert [k for k, _, _ in _read(ctx, "So the anniversary is settled: March 18.")] == ["candidates"]
    early = _audit(ctx, _CAM.format(bo=said(ctx, 2, "zh")))
    assert "premature" in [c.verdict.verdict for c in _claims(early, "candidates")] and bad(early)
    assert not bad(_audit(ctx, _CAM.format(bo=said(ctx, 3, "zh"))))
    assert "possible" not in [k for k, _, _ in _read(ctx, "现在知道了：19还在3月和7月两个月，排除。")]
    assert [k for k, _, _ in _read(ctx, "7月16还在。")] == ["possible"]


def test_we_already_know_all_want_a_beer(ctxs):
    """"… so after the second "I don't know" we already know all three want a beer" is one statement early (the
    third's "Yes!" says it); after the third statement it is right."""
    ctx = ctxs("drinking_logicians.txt")
    claim = "We already know all three want a beer."
    assert [f[3] for _, f, _ in _read(ctx, claim)] == [("Const", 3)]
    assert bad(_audit(ctx, said(ctx, 2) + "\n\n" + claim))
    assert not bad(_audit(ctx, said(ctx, 3) + "\n\n" + claim))


def test_likewise_for_the_next_speaker(ctxs):
    """"Bob同理：如果a=c，他就知道b=2a，所以a≠c。" works out Bob's "I don't know" the same way as Alice's: a ≠ c holds
    after his statement, not before it (the step is his, though it quotes nothing)."""
    ctx = ctxs("what_sum.txt")
    text = ("Alice说\"我不知道我的数\"。如果b=c，a只能是2b，她就知道了。所以b≠c。\n\n"
            "Bob同理：如果a=c，他就知道b=2a，所以a≠c。\n\nCarol同理：如果a=b，她知道c=2a，所以a≠b。")
    assert [st.reached for st in _audit(ctx, text).steps] == [1, 2, 3]
    assert not bad(_audit(ctx, text))
    assert [st.reached for st in _audit(ctx, text.replace("Carol同理", "Carol看到a和b")).steps][-1] == 2


def test_before_a_speaker_spoke(ctxs):
    """"这句话是Q在P说话之前就知道的意思" dates Q's knowing before P's first statement; it is no paraphrase of P's "now I
    know", so the step stays on Q's statement and the next step's list after it is judged there."""
    ctx = ctxs("card16.txt")
    step = 'Q先生："我知道你不知道。"所以花色是红桃或方块。等等，这句话是Q在P说话之前就知道的意思。'
    assert [st.reached for st in _audit(ctx, said(ctx, 1, "zh") + "\n\n" + step).steps] == [1, 2]
    report = _audit(ctx, said(ctx, 1, "zh") + "\n\n" + step + "\n\n现在剩下：♥A ♥Q ♥4 ♦A ♦5。")
    assert not bad(report)


def test_sums_split_into_two_primes(ctxs):
    """"P's statement already rules out every sum that can be split into two primes" credits P's "I don't know" with
    what S's statement removes: wrong; credited to S's statement it is right."""
    ctx = ctxs("sum_product.txt")
    for text in ("every sum that can be split into two primes", "every sum that is a sum of two primes"):
        assert [k for k, _, _ in _read(ctx, f"So S's statement rules out {text}.")] == ["exclusion"]
    wrong = _audit(ctx, said(ctx, 1) + "\n\nSo P's statement already rules out every sum that can be split into two "
                   "primes.")
    assert bad(wrong)
    right = _audit(ctx, said(ctx, 2) + "\n\nSo S's statement rules out every sum that can be split into two primes.")
    assert not bad(right)


# Readings from the session's six tuning sets (traces_ho1 … traces_ht1), each checked both ways.

def test_names_the_trace_gives_the_agents(ctxs):
    """"下面称拿月份的为前者，拿日子的为后者" names Ali and Bo; "① 前者：我不知道…" is then Ali's statement, and the
    naming sentence claims nothing (not that Ali knows the day)."""
    ctx = ctxs("cheryl_cam.txt")
    assert [(t.kind, t.payload) for t in ctx.lexicon.scan("拿月份的说")][0] == ("agent", "Ali")
    naming = "卡姆把月份告诉阿里，把日子告诉波。下面称拿月份的为前者，拿日子的为后者。"
    report = _audit(ctx, naming + "\n\n① 前者：我不知道，而且我知道后者也不知道。所以月份是3月或7月。")
    assert [st.reached for st in report.steps] == [0, 1] and not bad(report)
    kept = _audit(ctx, naming + "\n\n① 前者：我不知道，而且我知道后者也不知道。所以4月也还在。")
    assert bad(kept)


def test_the_q_holding_clubs_and_cards_out_of_play(ctxs):
    """"拿着草花的Q没法…" is Q the agent, not the queen of clubs; "♣5也跟着出局" rules ♣5 out; "我一开始想过草花5会不会
    也是答案——…但…" is an idea given up, so ♦5 stays the answer."""
    ctx = ctxs("card16.txt")
    assert [k for k, _, _ in _read(ctx, "♣5出局。")] == ["exclusion"]
    text = (said(ctx, None, "zh") + '\n\n我一开始想过草花5会不会也是答案——它的点数5同样不唯一——但草花里有K和6，拿着草花的Q没法"早就知道"，'
            "所以草花整个出局，♣5也跟着出局。\n\n答案：♦5。")
    report = _audit(ctx, text)
    assert report.final_answer_correct and not bad(report)


def test_ideas_given_up(ctxs):
    """"I briefly thought 18 should be discarded, …" and "这里我一开始把 18 也划掉了，…但…" are ideas given up: no
    exclusion of 18 is claimed; "18 should be discarded" said plainly after Bo's statement is wrong."""
    ctx = ctxs("cheryl_cam.txt")
    bo = said(ctx, 2)
    assert not bad(_audit(ctx, bo + "\n\nI briefly thought 18 should be discarded, since it was a shared day."))
    assert bad(_audit(ctx, bo + "\n\nSo 18 should be discarded, since it was a shared day."))
    zh = said(ctx, 2, "zh")
    assert not bad(_audit(ctx, zh + "\n\n这里我一开始把 18 也划掉了，因为原表里 18 在 3月 和 4月 都有……但 4月 已经排除了，所以 3月18日 保留。"))


def test_an_after_right_behind_the_claim(ctxs):
    """"… after Ali's first remark → drop the 19s after Bo's → …" dates the 19s by Bo's statement, the "after"
    right behind them; "at least two after the silent round, and not three, because the muddy children already know"
    dates only the "at least two"."""
    ctx = ctxs("cheryl_cam.txt")
    recap = "Recap: March/July after Ali's first remark → drop the 19s after {who} → March after Ali's second."
    assert not bad(_audit(ctx, said(ctx) + "\n\n" + recap.format(who="Bo's")))
    assert bad(_audit(ctx, said(ctx) + "\n\n" + recap.format(who="Ali's first remark")))
    muddy = ctxs("muddy.txt")
    text = said(muddy) + "\n\nSo: at least two after the first silent round, and not three, because the muddy " \
                         "children already know."
    assert not bad(_audit(muddy, text))


def test_what_knowing_needs_is_no_count(ctxs):
    """"安妮必须只剩一个选项" is what Anne's knowing needs, not a count of the pairs left; "只剩一个" said plainly is."""
    ctx = ctxs("consecutive.txt")
    assert [k for k, _, _ in _read(ctx, "安妮必须只剩一个选项。")] == []
    assert [k for k, _, _ in _read(ctx, "现在只剩一个选项。")] == ["count"]


def test_a_recap_crediting_a_statement_with_cards_already_gone(ctxs):
    """"红桃：♥A、♥Q、♥4 都是被Q先生最后一句排除的" credits Q's last statement with ♥A, gone with P's "now I know": wrong;
    "♥Q、♥4 都是被Q先生最后一句排除的" is right (the suit heading takes nothing from it)."""
    ctx = ctxs("card16.txt")
    wrong = _audit(ctx, said(ctx, None, "zh") + "\n\n回顾：\n- 红桃：♥A、♥Q、♥4 都是被Q先生最后一句排除的。")
    assert "false" in [c.verdict.verdict for c in _claims(wrong, "credit")] and bad(wrong)
    right = _audit(ctx, said(ctx, None, "zh") + "\n\n回顾：\n- 红桃：♥Q、♥4 都是被Q先生最后一句排除的。")
    assert [c.verdict.verdict for c in _claims(right, "credit")] == ["entailed"] and not bad(right)


def test_the_set_becomes(ctxs):
    """"candidate set 变成 {…}", "the candidate set becomes {…}": what is left."""
    ctx = ctxs("cheryl.txt")
    for text in ("candidate set 变成 {July 16, Aug 15, Aug 17}。", "The candidate set becomes {July 16, Aug 15}."):
        assert [k for k, _, _ in _read(ctx, text)] == ["candidates"]


def test_a_rival_supposed_and_a_worksheet_answer(ctxs):
    """"假如是5月16，阿尔伯特第一句就说不出口" supposes a rival, the answer stays July 16; "答：是。" after a recap line
    answers the yes-or-no question."""
    ctx = ctxs("cheryl.txt")
    closing = "反过来再看一眼对手：假如答案是8月17，阿尔伯特最后就不可能知道；假如是5月16，阿尔伯特第一句就说不出口。"
    assert answer(ctx, "答案：7月16日。\n\n" + "\n\n".join(["验证。"] * 4) + "\n\n" + closing) == (((2, 16),), True)
    consecutive = ctxs("consecutive.txt")
    assert answer(consecutive, "回顾：20种 → 18种 → 14种 → 4种。\n答：是。")[1]
    assert not answer(consecutive, "回顾：20种 → 18种 → 14种 → 4种。\n答：否。")[1]


def test_only_if_an_agent_knows(ctxs):
    """"Bill只有在b=0或b=10时才能直接确定" on Bill's statement says he knows only with b = 0 or 10, just before it: false,
    as with b = 1 he knows a = 2 once Anne's "I don't know" is out (b in {0, 1, 9, 10} is right); "Anne can only know
    b if a is 0 or 10" on her first statement is right. "只有在看到两顶红帽时才能确定" names no values: unread."""
    ctx = ctxs("consecutive.txt")
    anne, bill = said(ctx, 1), said(ctx, 2)
    wrong = _audit(ctx, bill + "\n\n同理，Bill只有在b=0或b=10时才能直接确定。")
    assert [c.verdict.verdict for c in _claims(wrong, "case knowledge")] == ["premature"] and bad(wrong)
    assert not bad(_audit(ctx, bill + "\n\n同理，Bill只有在b=0、1、9或10时才能直接确定。"))
    assert not bad(_audit(ctx, anne + "\n\nAnne can only know b if a is 0 or 10."))
    assert bad(_audit(ctx, anne + "\n\nAnne can only know b if a is 0."))
    hats = ctxs("hats.txt")
    assert _read(hats, "第一位只有在看到两顶红帽时才能确定自己是白的。", "case knowledge") == []
    card16 = ctxs("card16.txt")  # on P's "now I know": before it, where he spoke
    two = said(card16, 2) + '\n\nP says: "I now know the card."\n\n'
    assert not bad(_audit(card16, two + "P can only be certain if his rank is Q, 4 or 5, leaving ♥Q, ♥4, ♦5."))
    assert bad(_audit(card16, two + "P can only be certain if his rank is 5, leaving ♦5."))
