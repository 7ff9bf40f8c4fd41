"""Claims about a counted answer ("how many children are muddy?"): "at least two", "exactly three",
"not one", "恰好三个", "Answer: 2".

Only for puzzles whose question is one sum of variables (muddy children: `sum(m)`); each phrase
becomes `sum(m) op N` on the question's own term, judged like any other claim. A bare number is
not read ("she sees two muddy foreheads" is not the total): only a quantifier or an answer cue
says that a number is the count.
"""
from __future__ import annotations

import re

from .keys import formula_key, junction_key, key_vars
from .lexicon import ORDINAL_WORDS, Lexicon, bit_worlds
from .records import ANSWER, EXCLUSION, POSSIBLE, VALUES, ClaimRecord, record

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_N = r"(\d{1,3}|one|two|three|four|five|six|seven|eight|[一两二三四五六七八])"
_OPS = {"exactly": "=", "precisely": "=", "only": "=", "there are": "=", "there must be": "=", "恰好": "=",
        "正好": "=", "只有": "=", "刚好": "=", "所以有": "=", "因此有": "=", "一共有": "=", "总共有": "=", "共有": "=",
        "at least": ">=", "至少": ">=", "不少于": ">=", "不低于": ">=",
        "at most": "<=", "至多": "<=", "最多": "<=", "不多于": "<=", "不超过": "<=", "more than": ">", "不止": ">",
        "fewer than": "<",
        "not": "!=", "不是": "!="}
_COUNT = re.compile(r"(?i:\b(exactly|precisely|only|there are|there must be|at least|at most|more than|fewer than|"
                    r"not)\s+(?:exactly\s+|only\s+)?(?:\*\*)?" + _N + r"(?:\*\*)?\b(?!\s*(?:round|step|time|silence|statement|minute|:))"
                    r"(?=\s+(?:\w+\s+)?(?:children|kids|child|of them|of the (?:\w+\s+)?(?:children|kids)|are|is|muddy)|\s*[.,;)]|$))|"
                    r"(恰好|正好|刚好|只有|所以有|因此有|一共有|总共有|共有|至少|至多|最多|不少于|不低于|不多于|不超过|不止|不是)"
                    r"(?:有|是)?(?:\d{1,2}号(?:和|、)?)*" + _N +
                    r"(?:个|位|名)?(?!轮|次|步|号)")  # ("恰好是2个孩子有泥"; "只有2号一个人脏": one child, #2, not two)
# A round's number just before ("on night 4, not 3", "in round 2, not exactly 3"): the next number is one too
_ROUND_BEFORE = re.compile(r"(?i:\b(?:night|round|day|step|time|minute|silence|question)\s+\d{1,2}\s*[,;]?\s*(?:and\s+|but\s+|or\s+)?$)")
_SINGLE = re.compile(r"(?i:\b(?:a single|a lone|one single|a sole)\s+(?:muddy\s+)?(?:child|kid)\b)")
_REMOVES_OF = re.compile(r"(?i:\b(?:rules?|ruled|ruling)\s+out|\b(?:eliminat|remov|exclud|discard|kill|drop)\w*)\s+$")
_OF_THEM = re.compile(r"(?i:\s+of\s+(?:them|these|those)\b)")


def _clause_before(sentence: str, at: int) -> str:
    """The 30 characters before `at`, from the start of their clause on ("…看到了至少两个脏孩子，也就是说至少有3个":
    what a child sees ends at "也就是说")."""
    before = sentence[max(0, at - 30):at]
    return before[max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0):]


_CLAUSE_BREAK = re.compile(r"也就是说|所以|因此|说明|(?i:\bso\b|\bwhich\s+means\b|\bthat\s+is\b|\bhence\b|\btherefore\b)|[;；。]")
_SEES = re.compile(r"(?i:\b(?:see|sees|saw|seeing|seen)\b)|看到|看见|看得到")
_FOREHEADS = re.compile(r"(?i:\s+(?:other\s+)?(?:muddy\s+)?(?:foreheads?|faces?|heads?))")
# "rules out", and "eliminates … every world with" before a count: the worlds with that count are removed
_WORLDS_WITH = (r"(?:\s*(?:the\s+[\w-]+\s+\w+\s+)?(?:and,?\s+)?(?:with it,?\s+)?(?:every|all|any|each|the)\s+"
                r"(?:worlds?|cases?|situations?|patterns?|scenarios?|possibilit(?:y|ies))\s+(?:with|where|in which)"
                r"(?:\s+there\s+(?:is|are))?)?")
_NEGATED = re.compile(r"(?i:(?:\bnot|n't|\brule[sd]? out|\bruling out|\beliminat\w*|\bexclud\w*|\bremov\w*)"
                      + _WORLDS_WITH + r"\s*(?:a\s+)?$)|排除了?\s*$|"
                      r"(?i:(?:\bnot|n't)\s+the\s+case\s+that(?:\s+there(?:'s|’s|\s+is|\s+are|\s+was|\s+were))?\s*$)")
# ("so it's not the case that there's exactly one muddy child")
# The lower end of a range before the count's letter: "1 ≤ k ≤ 6" (markdown italics around the letter allowed)
_CHAIN_BELOW = re.compile(r"(?<![\d.])(\d{1,3})\s*(≤|<=|<)\s*[*_]*$")
# A removal verb negated right before the count: "doesn't rule out k = 1", "does not eliminate m = 2"
_REMOVAL_DENIED = re.compile(r"(?i:(?:\bnot|n't|\bnever|\bcannot)\s+(?:yet\s+|be\s+|(?:have\s+)?been\s+)?(?:rule[sd]?\s+out|"
                             r"eliminat\w*|exclud\w*|remov\w*)\s*(?:the\s+(?:case|possibility|option)\s*"
                             r"(?:(?:of|that|where)\s+)?(?:there\s+(?:is|are)\s+)?)?$)|(?:不能|无法|没有?|并未|不)排除\s*$")
# "there are three children": how many children play, not how many are muddy (no mud word in the clause)
_WOULD = re.compile(r"(?i:\b(?:would|could|might)\b|\w['’]d\b)")  # a supposed case, before or right after a count
_WOULD_AFTER = re.compile(r"(?i:\s*(?:would|could|might)\b)")
_THERE_ARE = re.compile(r"(?i:\bthere\s+(?:are|must\s+be|were)\s+)$")
_CHILDREN = re.compile(r"(?i:\s+(?:\w+\s+)?(?:children|kids|child)\b)|(?:个|位|名)?(?:孩子|小孩|人)")
_MUD = re.compile(r"(?i:mud|dirt|forehead)|泥|脏")
# what makes a count of children a count of muddy ones ("there are three muddy children"; not "there are six
# children, each seeing the other five foreheads", where the foreheads are what they see)
_MUDDY = re.compile(r"(?i:mud|dirt)|泥|脏")
_CLAUSE_END = re.compile(r"[.;:!?。；：！？\n]")
# "so k = 4 is out", "k = 4 被排除" (not "m = 4 out of the 6")
_OUT_AFTER = re.compile(r"(?i:\s*(?:(?:is|are|can be|has been|have been|gets|get)\s+)?(?:out(?!\s+of\b)|ruled out|"
                       r"eliminated|excluded|impossible|off the table)\b)|\s*(?:被)?(?:排除|不可能)")
_SIZE_LINE = re.compile(r"\s*[A-Za-z]\s*=\s*\d{1,3}\s*")
_ANSWER_LINE = re.compile(r"^answer\s+[^\n=]*=\s*([A-Za-z_]\w*)\s*$", re.MULTILINE)
_SUPPOSE_PARAM = re.compile(r"(?i:\b(?:if|for|when|suppose|assume|case|say|with|test|try|testing|trying)\s*\(?\s*$)|"
                            r"(?:如果|假设|当|若)\s*$")  # ("Test m = 3: a muddy child sees two muddy faces": tried)
# The instance given as the solution opens: "解：n=3。", "设n=3", "Let n = 3 logicians." (its size, no count claimed)
_GIVEN_PARAM = re.compile(r"(?:^|[。；;\n])\s*(?:解|设|令|已知)\s*[:：]?\s*$|(?i:\b(?:let|given|here)\s*$)")
_CASE_PARAM = re.compile(r"(?i:\b(?:if|for|when|suppose|assume|with|test|try)\s*\(?\s*[A-Za-z]\s*(?:=|≥|>=|≤|<=|>|<))|"
                         r"(?:如果|假设|当|若)\s*[A-Za-z]\s*=")
_CASE_SUBJECT = re.compile(r"(?i:\s+(?:needs|requires|would|takes|means|implies|predicts|fails|fits|works)\b)")
_TOLD_APART = re.compile(r"(?i:\b(?:tell|distinguish|decide)\b[^.;\n]{0,20}$|\bbetween\s+$|\bfrom\s+$|\bvs\.?\s+$)|"
                         r"(?:分不清|区分|还是|或是)[^，。；\n]{0,6}$")
_CASE_LABEL = re.compile(r"[\s\-*•#>]*(?:\d+[.)]\s*)?(?:\*\*)?\s*(?:情况|(?i:case))?\s*$")  # nothing but a bullet,
# bold or the word "case" before it ("情况k=3：…")
_LABEL_END = re.compile(r"\s*(?:\*\*)?\s*[.:：]?\s*(?:\*\*)?\s*(?:[:：→]|\S)")  # … and more after it
# A markdown heading that is the case and nothing else: "### k = 1" over what happens with one muddy child
_HEADING_MARK = re.compile(r"\s*#{1,6}[ \t]*(?:\*\*)?[ \t]*$")
_HEADING_END = re.compile(r"[ \t*.:：]*$")
_ALTERNATIVE = re.compile(r"(?i:\s*(?:vs\.?|versus|or|and)\s*\d)|\s*(?:和|或)\s*\d")
_OTHER_COUNT = re.compile(r"(?i:\s*(?:or|/)\s*)" + _N + r"\b|\s*(?:或|或者|或是)\s*" + _N)
_NONE = object()
FLIPPED = {  # an operator negated: "k = 4 is out" is k != 4
    "=": "!=", "!=": "=", ">=": "<", "<": ">=", ">": "<=", "<=": ">"}
# "the two muddy children step forward in round 2", "all three muddy children", "两个有泥的孩子站出来"
MUDDY_COUNTED = re.compile(r"(?i:\b(?:the|all|both|each\s+of\s+the|all\s+of\s+the)\s+(?:\*\*)?" + _N +
                           r"(?:\*\*)?\s+muddy\s+(?:children|kids|ones)\b|"
                           r"\ball\s+" + _N + r"\s+(?:children|kids)\s+(?:are|were)\s+muddy\b)|"
                           r"(?:这|那)?" + _N + r"个(?:额头上?)?有泥的孩子|(?:只剩下?|剩下)(?:了)?" + _N + r"个(?:人|孩子)都有泥")
# A denial right before a count: "it cannot be that all 4 are muddy", "it is impossible that the two muddy children …"
_DENIED = re.compile(r"(?i:\b(?:not|cannot|can't|couldn't|isn't|aren't|never|impossible)\b(?:\s+(?:be|that|be\s+that|"
                     r"the\s+case\s+that|possible\s+that))*\s*$)|(?:不可能|不会|不是)\s*$")
# Not knowing or not yet able to say what follows: "还不能说", "不能确定", "can't yet conclude that", "not sure whether"
_UNSURE = re.compile(r"(?:不能|无法|没法|不可以|不敢)(?:说|确定|断定|肯定|判断|推出|得出)|不知道|不确定|"
                     r"(?i:\b(?:can't|cannot|can\s+not|couldn't|could\s+not)\s+(?:yet\s+|really\s+)?(?:say|conclude|tell|"
                     r"be\s+sure|know|determine|claim)\b|\bnot\s+(?:yet\s+)?(?:sure|certain|known)\b|"
                     r"\b(?:don't|doesn't|do\s+not|does\s+not)\s+(?:yet\s+)?know\b)[^.。;；]{0,20}$")
# "只有一个孩子有泥的三种情况", "恰好两个人有泥的可能": a count that names cases (followed by what befalls them)
_ZH_CASES_OF = re.compile(r"(?:个|位|名)?[^，,。；;：:、\d和或]{0,10}?的(?:[一二两三四五六七八九十\d]+种)?(?:情况|可能|世界|组合|局面)")
# A count said to be still possible: "“只有1个孩子有泥”的情况还保留着", "exactly one muddy child is still possible"
_CASES_KEPT = re.compile(r"(?:还|仍然?|依然|依旧)(?:是)?(?:保留着?|在(?=[，,。.；;！!\s]|$)|存在|可能|有可能|成立|没(?:有)?被?排除)|"
                         r"排除不了|"  # (not "还在考虑之中": under consideration, nothing befalls it)
                         r"(?i:\b(?:is|are)\s+still\s+(?:possible|open|alive|on\s+the\s+table|in\s+play)\b|"
                         r"\bremains?\s+possible\b|\bcan(?:'t|not)\s+(?:yet\s+)?be\s+ruled\s+out\b)")
# Still possible, said before the count: "1号仍然觉得可能只有2号一个人脏", "还有可能只有一个"
_KEPT_BEFORE = re.compile(r"(?:还|仍然?|依然|依旧)(?:觉得|认为|以为)?(?:有)?可能(?:是)?\s*$")
_ANOTHER_COUNT = re.compile(r"(?i:\b(?:exactly|at\s+least|at\s+most|only)\b)|恰好|只有|至少|最多")  # (the kept phrase is
# another count's: "with exactly two muddy kids each still needs …, so exactly two muddy is still on the table")
_EARLIER_TIME = re.compile(r"之前|以前|(?i:\bbefore\b|\bat\s+first\b)|起初|一开始")
_ZH_CASES_OUT = re.compile(r"排除|去掉|淘汰|删掉|划掉|不可能|不成立")
_BREAK = re.compile(r"[;；。!?！？]")


def _past_break(sentence: str, a: int, b: int) -> int:
    """Where sentence[a:b] goes on after its last clause break ("…被最后一句排除；恰好两个…": the verb is the other
    clause's), or a."""
    return max((m.end() for m in _BREAK.finditer(sentence, a, b)), default=a)
_ZH_NOT_OUT = re.compile(r"(?:不能|无法|没法|没有|没|并未|未|不)(?:再|马上|立刻)?排除(?:掉)?[\s\"“”「」]*(?:只有|恰好|正好)?$")
_ZH_ALL = re.compile(_N + r"个(?:孩子|人)(?:的)?(?:额头上?|脸上)?(?:都|全)(?:有泥|是脏的|脏了)")
_ZH_ALL_DENIED = re.compile(r"(?:不可能|不会)(?:是)?" + _N + r"个(?:孩子|人)(?:都|全)(?:有泥|是脏的)")
# "**3 children are muddy.**", "So 2 kids are muddy", "So, to sum up for your notes: two children are muddy": a plain
# count at the start of its sentence
_PLAIN = re.compile(r"(?i:(?:^\W*|[,;—–]\s*(?=(?:so|thus|therefore|hence)\b))(?:(?:so|thus|therefore|hence)\b,?\s*)?"
                    r"(?:(?:to\s+sum\s+up|in\s+short|in\s+summary|"
                    r"all\s+in\s+all|in\s+the\s+end|overall)\b[^.:;,\n]{0,30}[:,]\s*)?(?:\*\*)?" + _N +
                    r"(?:\*\*)?\s+(?:of\s+the\s+(?:\d|two|three|four|five|six|seven|eight)\s+)?"
                    r"(?:muddy\s+)?(?:children|kids)\s+"
                    r"(?:are|were)\s+muddy\b)")  # (and "Two of the four children are muddy"; a clause that draws it: "…
# after two rounds of silence, so 2 children are muddy")
# "the number of muddy children is 3", "the total number of muddy kids must be two", "有泥的孩子的人数是3"
_NUMBER_OF = re.compile(r"(?i:\bthe\s+(?:total\s+)?(?:number|count)\s+of\s+(?:muddy\s+)?(?:children|kids)"
                        r"(?:\s+(?:who\s+are|with)\s+(?:muddy|mud\s+on\s+their\s+foreheads))?\s+(?:is|must\s+be|equals|=|is\s+therefore)"
                        r"\s+(?:the\s+number\s+of\s+[^.:;\n]{1,40}[:：]\s*)?(?:\*\*)?" + _N + r"\b|^\W*(?:so|thus|therefore|hence)\b,?\s+the\s+(?:number|count)\s+is\s+(?:\*\*)?"
                        + _N + r"\b)|有泥的(?:孩子|人)的?(?:人数|个数|数量)(?:就)?(?:是|为|=)" + _N +
                        r"|有泥的(?:孩子|人)(?:(?:一共|总共|共)(?:就)?(?:是|有)?|(?:就)?(?:恰好?|正好|刚好)?(?:是|有|为))" + _N +
                        r"(?:个|位|名)|有泥的(?:就)?(?:恰好?|正好|刚好)(?:是|有)" + _N + r"(?:个|位|名)(?:孩子|人)")
# ("有泥的孩子是2个", "有泥的孩子恰为两个", "有泥的恰好是三个孩子")
# "两个人有泥的情况也被排除了": that count ruled out
_ZH_RULED_OUT = re.compile(_N + r"个(?:人|孩子)(?:都)?有泥的情况(?:也|都)?(?:被|可以|就)?排除")
_PLACE = r"(?:[\u4e00-\u9fff]{1,2}上)?"  # "岛上" (on the island) before "有3个…"
_ANSWER = re.compile(r"(?i:(?<!knows\sthe\s)(?<!know\sthe\s)(?<!knew\sthe\s)\b(?:final answer|answer)\s*(?:\*\*)?\s*"
                     r"(?:[:：—–=]|(?:\s+to\s+[^,.;\n]{1,50}?,\s*(?:[^,.;\n]{1,60},\s*)?|\s+)is\b:?|"
                     r"['’]s\b)\s*(?:\*\*)?\s*"
                     r"(?:[^\n.;:—–\d*]{1,30}?\s[—–]\s*)?"  # ("Answer: all of them — 3 beers": the count after it)
                     r"(?:共有|一共有|有|是|[a-z]\s*=)?\s*" + _N +
                     r"(?:\b|(?=个)))|"
                     r"(?:答案|最终答案)\s*(?:(?:是|为)\s*[:：]?|[:：])\s*" + _PLACE + r"(?:共有|一共有|有|是)?\s*" + _N +
                     r"(?!个(?:孩子|人)[中里当])|"
                     r"(?<![回解])答\s*[:：]\s*" + _PLACE + r"(?:共有|一共有|有|是)?\s*" + _N + r"(?!个(?:孩子|人)[中里当])")
# (not "答案：4个孩子中恰好有1个有泥": the 4 children among whom the count is; "**Answer:** m = 3": a letter for it;
# "a logician who does not want one already knows the answer: one refusal is enough": an agent's answer;
# "答案：岛上有3个蓝眼睛的人": where they are, then the count)


def count_key(lex: Lexicon) -> tuple | None:
    """The key of the question's one counted term (a sum), or None when the question is not a count."""
    q = lex.puzzle.question
    if q is None or len(q.terms) != 1 or lex.question_vars:
        return None
    key = formula_key(q.terms[0])
    if key[0] == "Count":  # one condition: a yes / no question ("Are the three numbers all different? (1 for yes)");
        return key  # several: how many hold ("How many islanders have blue eyes?", count(blue[i] for i in 1..n))
    return key if key[0] == "Arith" and key[1] == "+" else None


# A yes / no answer after an answer cue: "Answer: 1 (yes)", "**Answer: yes**", "答案：是（填1）", "答案是：是的", "the answer is no",
# "答案填0" (what to fill in), '答案是"是"（填1）' (quoted), "互不相同，答案 1。" (a bare digit), "答：是。" (a worksheet's).
_YES_NO = re.compile(r"(?i:\b(?:final\s+answer|answer)\b\s*(?:\*\*)?\s*(?:is\s*[:：]?|[:：—–=])\s*(?:\*\*)?\s*[\"“]?"
                     r"(?:(?P<n>[01])\b|(?P<yes>yes)\b|(?P<no>no)\b))|"
                     r"(?:答案|最终答案|(?<![\u4e00-\u9fff])答(?=\s*[:：]))\s*(?:(?:是|为|应该填|应填|填)\s*[:：]?|[:：]|"
                     r"(?=\s*[01](?:[\s。.，,）)]|$)))"
                     r"\s*(?:\*\*)?\s*[\"“「]?"
                     r"(?:(?P<zn>[01])|(?P<zno>否|不是|不一定|未必)|(?P<zyes>是))|"
                     r"[，,；;]\s*(?:所以|因此|故)?(?:应|应该)?填\s*(?P<fill>[01])(?![\d.])")  # ("答：…中的一个，填1。")


def yes_no_records(term: tuple, sentence: str) -> list[ClaimRecord]:
    """The answer to a yes / no question (the question's term is the count, 0 or 1, of one condition)."""
    out = []
    for m in _YES_NO.finditer(sentence):
        digit = m.group("n") or m.group("zn") or m.group("fill")
        n = int(digit) if digit else 1 if (m.group("yes") or m.group("zyes")) else 0
        cond = term[1][0]  # yes: the condition holds (in every world left), no: it fails
        key = cond if n == 1 else ("Not", cond)
        out.append(record("answer", key, (), sentence.strip(), m.start(), m.end(), False, ((n,),), reading=ANSWER))
    return out


# "is 1, 2, 3 or 4": a list of three or more counts (two, "2 or 3", is read as a choice)
_LIST_ITEM = re.compile(r"(?i:\s*(?:,|，|、)\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)" + _N + r"\b")


def _listed(sentence: str, end: int, first: int) -> tuple[tuple[int, ...], int]:
    """The counts of a list starting with `first` and running on from `end`, and where it ends; one count unless the
    list has three or more items (all distinct)."""
    ns, at = [first], end
    while (m := _LIST_ITEM.match(sentence, at)) is not None:
        ns.append(_number(m.group(1)))
        at = m.end()
    return (tuple(ns), at) if len(ns) >= 3 and len(set(ns)) == len(ns) else ((first,), end)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _clause_end(sentence: str, at: int) -> int:
    end = _CLAUSE_END.search(sentence, at)
    return end.start() if end else len(sentence)


def count_records(lex: Lexicon, term: tuple, sentence: str, cue: bool = False) -> list[ClaimRecord]:
    """The count claims of one sentence (answers first, by position); `cue`: the sentence follows an answer cue
    ("### Answer"), so a plain count in it is the answer."""
    if yes_no(term):
        return yes_no_records(term, sentence)  # a yes / no question: no count of children to read
    bits = bit_worlds(lex)
    if bits is not None and bits.search(sentence) is not None:  # "Answer: 111": a world in bits, not 111 children
        sentence = bits.sub(lambda m: "#" * len(m.group(0)), sentence)
    out = []
    for m in _ANSWER.finditer(sentence):
        ns = [_number(next(g for g in m.groups() if g))]
        other = _OTHER_COUNT.match(sentence.replace("*", " "), m.end())
        if other is not None:  # "Answer: 3 or 4 children are muddy": an answer that leaves two counts open
            ns.append(_number(next(g for g in other.groups() if g)))
        keys = [("Compare", "=", term, ("Const", n)) for n in ns]
        key = keys[0] if len(keys) == 1 else junction_key("Or", keys)
        out.append(record("answer", key, (), sentence.strip(), m.start(), m.end(), False, tuple((n,) for n in ns),
                          reading=ANSWER))
    for m in _PLAIN.finditer(sentence):
        n = _number(m.group(1))
        key = ("Compare", "=", term, ("Const", n))
        out.append(record("answer", key, (), sentence.strip(), m.start(), m.end(), False, ((n,),), reading=ANSWER)
                   if cue else
                   record("candidates", key, (), sentence.strip(), m.start(), m.end(), False, ((n,),), reading=VALUES))
    out += [r for r in _asked_counts(lex, term, sentence, cue)
            if not any(o.start < r.end and r.start < o.end for o in out)]
    for m in _NUMBER_OF.finditer(sentence):  # "so the number of muddy children is 3", "有泥的孩子的人数是3"
        if _SUPPOSE_PARAM.search(sentence, 0, m.start()) or re.search(r"(?i:\bif\b|如果|假设)", sentence[:m.start()]):
            continue  # a supposition
        ns, end = _listed(sentence, m.end(), _number(next(g for g in m.groups() if g)))
        if len(ns) == 1 and _ALTERNATIVE.match(sentence.replace("*", " "), end):
            continue  # "is **2 or 3**" (a choice, not the count), "2 and 3 are both possible"
        keys = tuple(("Compare", "=", term, ("Const", n)) for n in ns)
        key, witnesses = (keys[0], ()) if len(keys) == 1 else (junction_key("Or", keys), keys)
        said = cue and len(ns) == 1 and not _ASKED.search(sentence)  # "Answer: the number of muddy children is 2":
        # the answer, after its cue (not "**Step 3: could exactly two be muddy?**" read as if after "Answer:")
        out.append(record("answer" if said else "candidates", key, witnesses, sentence.strip(), m.start(), end, False,
                          tuple((n,) for n in ns), reading=ANSWER if said else VALUES))  # (a list of three or more:
        # the candidate counts)
    for m in MUDDY_COUNTED.finditer(sentence):
        before = _clause_before(sentence, m.start())
        if _SEES.search(before) or (m.group(0)[0] in "这那") or m.group(0).startswith("一个"):
            continue  # "一个有泥的孩子，如果他看到…": "a muddy child", the indefinite article, not the count
        if _WOULD.search(before) or _WOULD_AFTER.match(sentence, m.end()):
            continue  # "the second question would get the two muddy children stepping forward": a supposed case
        n = _number(next(g for g in m.groups() if g))
        if _DENIED.search(sentence, max(0, m.start() - 30), m.start()):  # "it cannot be that all 4 children are muddy"
            key = ("Compare", "!=", term, ("Const", n))
            out.append(record("exclusion", key, (), sentence.strip(), m.start(), m.end(), False, None, reading=VALUES))
            continue
        key = ("Compare", "=", term, ("Const", n))
        out.append(record("candidates", key, (), sentence.strip(), m.start(), m.end(), False, ((n,),), reading=VALUES))
    for m in _ZH_ALL.finditer(sentence):  # "三个孩子额头上都有泥" with three children: all of them, the count
        n = _number(m.group(1))
        if n == _most(term) and not _DENIED.search(sentence, max(0, m.start() - 30), m.start()) and \
                not any(r.start <= m.start() < r.end for r in out):
            key = ("Compare", "=", term, ("Const", n))
            out.append(record("candidates", key, (), sentence.strip(), m.start(), m.end(), False, ((n,),),
                              reading=VALUES))
    for m in _ZH_ALL_DENIED.finditer(sentence):  # "不可能4个孩子都有泥" (all of them: the count is not that)
        n = _number(m.group(1))
        if n == _most(term):
            key = ("Compare", "!=", term, ("Const", n))
            out.append(record("exclusion", key, (), sentence.strip(), m.start(), m.end(), False, None, reading=VALUES))
    names = dict.fromkeys(n for n in (answer_parameter(lex), *lex.count_names) if n is not None)
    for name in (n for n in names if n in sentence):  # "so k = 3", "k ≥ 2": the parameter the puzzle's answer is
        # written as, or the letter the trace names the count by ("Let m be the number of muddy children")
        for m in re.finditer(r"(?<![A-Za-z0-9_.])" + re.escape(name) + r"\s*(=|≥|>=|≤|<=|>|<|≠)\s*(\d{1,3})(?!\d|\.\d)", sentence):
            if _SUPPOSE_PARAM.search(sentence, 0, m.start()) or _CASE_PARAM.search(sentence, 0, m.start()) or \
                    _GIVEN_PARAM.search(sentence, 0, m.start()) or \
                    _ALTERNATIVE.match(sentence, m.end()) or _TOLD_APART.search(sentence, 0, m.start()) or \
                    _CASE_SUBJECT.match(sentence, m.end()) or _INSTANCE.match(sentence, m.end()) or \
                    not cue and _CASE_LABEL.match(sentence, 0, m.start()) and _LABEL_END.match(sentence, m.end()) or \
                    not cue and _HEADING_MARK.match(sentence, 0, m.start()) and \
                    _HEADING_END.match(sentence, m.end()) or \
                    _SIZE_LINE.fullmatch(sentence) and int(m.group(2)) == len(lex.puzzle.agents):
                continue  # "for k = 1", "if k = 2": a case (and all the sentence with it); "k = 3 vs 4": a choice;
                # "Similarly k = 6 needs five silences": a case as the subject of what it would take;
                # "can't tell m = 3 from m = 4"; "**m = 4.** A muddy child sees …", "### k = 1": a case's heading;
                # "the n = 4 version of the joke": the instance, named by its parameter; "n = 3" alone on its line (the
                # first of a block of code): the instance's size, its number of agents
            op = {"≥": ">=", "≤": "<=", "≠": "!="}.get(m.group(1), m.group(1))
            if _REMOVAL_DENIED.search(sentence, max(0, m.start() - 40), m.start()):
                continue  # "Father's statement doesn't rule out k = 1": still possible, said of no stage's list
            if _NEGATED.search(sentence[max(0, m.start() - 30):m.start()]) or _OUT_AFTER.match(sentence, m.end()):
                op = FLIPPED[op]  # "that rules out k = 4", "so k = 4 is out"
            n = int(m.group(2))
            if n > _most(term):
                continue
            key = ("Compare", op, term, ("Const", n))
            low = _CHAIN_BELOW.search(sentence, max(0, m.start() - 12), m.start()) if op in ("<=", "<") else None
            if low is not None:  # "1 ≤ k ≤ 6": the range, both bounds
                key = junction_key("And", [("Compare", ">=" if low.group(2) in ("≤", "<=") else ">", term,
                                            ("Const", int(low.group(1)))), key])
            kind = "candidates" if op == "=" else "exclusion" if op == "!=" else "bound"
            out.append(record("answer" if cue and op == "=" else kind, key, (), sentence.strip(), m.start(), m.end(),
                              False, ((n,),) if op == "=" else None, reading=ANSWER if cue and op == "=" else VALUES))
    for m in _SINGLE.finditer(sentence):  # "eliminates … every world with a single muddy child": only when removed
        if _NEGATED.search(sentence[max(0, m.start() - 80):m.start()]):
            key = ("Compare", "!=", term, ("Const", 1))
            out.append(record("exclusion", key, (), sentence.strip(), m.start(), m.end(), False, None, reading=VALUES))
    for m in _ZH_RULED_OUT.finditer(sentence):
        key = ("Compare", "!=", term, ("Const", _number(m.group(1))))
        out.append(record("exclusion", key, (), sentence.strip(), m.start(), m.end(), False, None, reading=VALUES))
    for m in _COUNT.finditer(sentence):
        if any(r.start <= m.start() < r.end for r in out):
            continue
        before = _clause_before(sentence, m.start())
        if _ROUND_BEFORE.search(sentence, max(0, m.start() - 24), m.start()):
            continue  # "they'd leave on night 4, not 3": the number of a night, its noun left out
        if _SEES.search(before) or _FOREHEADS.match(sentence, m.end()) and not _THERE_ARE.search(before):
            continue  # "she sees exactly one muddy forehead": what a child sees, not the count (but "every child
            # knows there are at least three muddy foreheads" counts them)
        noun = _CHILDREN.match(sentence, m.end())
        end = _clause_end(sentence, m.end())
        if not m.group(1):  # ("这里一共有5个孩子，其中有些额头上有泥": the comma ends what the count is of)
            comma = sentence.find("，", m.end(), end)
            end = end if comma < 0 else comma
        if noun and not _MUDDY.search(sentence, m.start(), end):
            continue  # "there are three children": the number of children, not of muddy ones
        if _UNSURE.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "我们还不能说至少有3个", "we can't yet say that at least 3 are": nothing is claimed
        if _REMOVES_OF.search(sentence, max(0, m.start() - 24), m.start()) and _OF_THEM.match(sentence, m.end()):
            continue  # "the father's statement rules out only one of them: the all-clean situation": how many
            # situations go, not how many children are muddy
        word, n = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        op = _OPS[word.lower()]
        noun = _ZH_CASES_OF.match(sentence, m.end()) if not m.group(1) else None
        kept = _CASES_KEPT.search(sentence, m.end(), _clause_end(sentence, m.end())) if op == "=" else None
        if op == "=" and kept is None and not m.group(1) and _KEPT_BEFORE.search(sentence, max(0, m.start() - 12),
                                                                                 m.start()) is not None:
            out.append(_still_possible(term, n, sentence, m.start(), m.end()))  # "1号仍然觉得可能只有一个人脏"
            continue
        if kept is not None and (noun is None or kept.start() >= noun.end()) and \
                _ANOTHER_COUNT.search(sentence, m.end(), kept.start()) is None and \
                _EARLIER_TIME.search(sentence, 0, m.start()) is None:  # ("第一轮之前，…还是可能的": of a time before)
            out.append(_still_possible(term, n, sentence, m.start(), kept.end()))  # "“只有1个孩子有泥”的情况还保留着",
            continue  # "exactly one muddy child is still possible": that count still possible, not the only one
        if noun is not None and op == "=" and _ZH_NOT_OUT.search(sentence, max(0, m.start() - 12), m.start()):
            out.append(_still_possible(term, n, sentence, m.start(), noun.end()))  # "还不能排除只有2个的情况"
            continue
        if noun is not None:  # "只有一个孩子有泥的三种情况 … 都被排除": cases named by their count, not the count
            if op != "=" or (_ZH_CASES_OUT.search(sentence, noun.end(), _clause_end(sentence, noun.end())) is None and
                             _ZH_CASES_OUT.search(sentence, _past_break(sentence, max(0, m.start() - 8), m.start()),
                                                  m.start()) is None):
                continue  # ("排除了只有一个孩子有泥的情况": the verb may come first)
            key = ("Compare", "!=", term, ("Const", _number(n)))
            if not any(r.key.formula == key and r.start < noun.end() and m.start() < r.end for r in out):
                out.append(record("exclusion", key, (), sentence.strip(), m.start(), noun.end(), False, None,
                                  reading=VALUES))
            continue
        if op == "=" and _REMOVAL_DENIED.search(sentence, max(0, m.start() - 60), m.start()):
            out.append(_still_possible(term, n, sentence, m.start(), m.end()))  # "they can't yet rule out exactly
            continue  # two muddy children"
        if _NEGATED.search(sentence[max(0, m.start() - 80):m.start()]) or _OUT_AFTER.match(sentence, m.end()) or \
                _DENIED.search(sentence, max(0, m.start() - 30), m.start()):
            op = FLIPPED[op]  # "there aren't exactly one", "rule out more than three", "so exactly one is out", "不可能只有一个"
        n = _number(n)
        if n > _most(term):
            continue  # "so only 111 is removed": a pattern of children, not a count
        key = ("Compare", op, term, ("Const", n))
        answer = ((n,),) if op == "=" else None
        out.append(record("candidates" if op == "=" else "exclusion" if op == "!=" else "bound", key, (),
                          sentence.strip(), m.start(), m.end(), False, answer, reading=VALUES))
    return out


_ASKED = re.compile(r"[?？]")


def _still_possible(term: tuple, n: str, sentence: str, start: int, end: int) -> ClaimRecord:
    """The count `n` still possible at the stage (strategies: PossibleTerm), said at sentence[start:end]."""
    return record("possible", ("PossibleTerm", term, _number(n)), (), sentence.strip(), start, end, False,
                  reading=POSSIBLE)


def _asked_counts(lex: Lexicon, term: tuple, sentence: str, cue: bool) -> list[ClaimRecord]:
    """A count said in the question's own words, at the start of its sentence or of a clause drawing it ("All 3 want
    beer.", "So two islanders have blue eyes.", "…, so all four logicians must want a beer") or as the number of what
    it asks about ("蓝眼睛的人数是3"): the count asked for (an answer after an answer cue, else a candidate)."""
    en, zh = asked_words(lex)
    if _MUD.search(" ".join(en) + zh):
        return []  # the muddy children's counts: read by the patterns above, which know how they are said
    out = []
    for m in _SAID_COUNT.finditer(sentence) if en else ():
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", m.group("rest"))}
        if not any(w[:5] == a[:5] for w in words for a in en) or _SEES.search(m.group("rest")) or \
                _WOULD.search(m.group("rest")) or _BULLET_BEFORE.match(sentence) or \
                (_CASE_AFTER.match(sentence, m.end()) and not _restated(sentence, m)):
            continue  # ("three sees two", "2 would leave", "- 2 blue-eyed: they leave on night 2"): no count claimed
        out.append(_said_count(term, sentence, m, cue))
    for m in _NUMBER_OF_ASKED.finditer(sentence) if en else ():  # "the number of blue-eyed islanders is 3"
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", m.group("rest"))}
        if any(w[:5] == a[:5] for w in words for a in en) and not _SEES.search(m.group("rest")) and \
                not _SUPPOSE_PARAM.search(sentence, 0, m.start()) and not re.search(r"(?i:\bif\b)", sentence[:m.start()]):
            out.append(_said_count(term, sentence, m, cue))
    for m in (*_ZH_NUMBER_OF.finditer(sentence), *_ZH_HAS_COUNT.finditer(sentence),
              *_ZH_ALL_COUNT.finditer(sentence)) if zh else ():
        what = m.group("what").rstrip("的")
        if "啤酒" in zh and "啤酒" not in what:  # ("三个人都要喝了": to drink is to want the beer asked about)
            what = _DRINK.sub("要啤酒", what)
        if _ZH_BOUND_END.search(what) is not None or what.startswith(("不", "没")):
            continue  # "蓝眼睛的人至少有3个": a bound (read with the other counts), not the count; "三个人都不喝": none
        if len(what) >= 2 and any(what[i:i + 2] in zh for i in range(len(what) - 1)) and \
                not _SEES.search(_clause_before(sentence, m.end("what"))) and \
                re.search(r"如果|假设|若|要是", sentence[:m.start()]) is None:
            out.append(_said_count(term, sentence, m, cue))
    return [r for r in out if r is not None]


def _said_count(term: tuple, sentence: str, m: re.Match, cue: bool) -> ClaimRecord | None:
    n = _most(term) if m.groupdict().get("every") else _number(m.groupdict().get("n") or m.group(1))
    if n > _most(term):
        return None
    key = ("Compare", "=", term, ("Const", n))
    return record("answer" if cue else "candidates", key, (), sentence.strip(), m.start(), m.end(), False, ((n,),),
                  reading=ANSWER if cue else VALUES)


def own_records(lex: Lexicon, term: tuple, sentence: str) -> list[ClaimRecord]:
    """"So the first logician wants a beer", "logicians 1 and 2 both want beer", "第三位逻辑学家不要啤酒": where each agent
    observes its own counted variable (drinking logicians: l[i] knows b[i]), what one of them wants, said in the
    question's words, is that variable's value (a candidate claim `b[1] = 1`)."""
    own = _own_variables(lex, term)
    if not own:
        return []
    en, zh = asked_words(lex)
    obj = re.sub(r"^(?:想要|要|是|想)", "", zh)[:2]
    out = []
    toks = [t for t in lex.scan(sentence) if t.kind == "agent"]
    groups: list[tuple[int, int, list[str]]] = []  # (start, end, agents) of agents named together
    for t in toks:
        if groups and _AGENT_JOIN.fullmatch(sentence, groups[-1][1], t.start):
            start, _, names = groups[-1]
            groups[-1] = (start, t.end, names + [t.payload])
        else:
            groups.append((t.start, t.end, [t.payload]))
    for m in _FIRST_FEW.finditer(sentence):
        n = _number(m.group("n") or m.group("zn"))
        bare = m.group("n") is not None and _WANTS.match(sentence, m.end("n")) is not None  # "the first three all
        # want a beer": no noun, the wish follows the number
        if 1 < n <= len(lex.puzzle.agents) and (m.group("zn") or bare or m.group("noun")[:5] == _asked_noun(lex)[:5]):
            groups.append((m.start(), m.end("n") if bare else m.end(), [a.name for a in lex.puzzle.agents[:n]]))
    for m in _NTH_ONE.finditer(sentence):  # "the third must want a beer as well": one agent by its place, no noun
        i = len(lex.puzzle.agents) if m.group(1).lower() == "last" else ORDINAL_WORDS.index(m.group(1).lower()) + 1
        if i <= len(lex.puzzle.agents) and _WANTS.match(sentence, m.end()) is not None:
            groups.append((m.start(), m.end(), [lex.puzzle.agents[i - 1].name]))
    for start, end, names in groups:
        if any(name not in own for name in names):
            continue
        m = _WANTS.match(sentence, end)
        wanted = m is not None and (m.group("one") is not None or any(m.group("what").lower()[:5] == w[:5] for w in en))
        if not wanted:
            m = _WANTS_ZH.match(sentence, end) if obj else None
            wanted = m is not None and m.group("what").startswith(obj)
        if not wanted:
            continue
        value = 0 if m.group("neg") else 1
        keys = [("Compare", "=", ("Var", own[name]), ("Const", value)) for name in names]
        key = keys[0] if len(keys) == 1 else junction_key("And", keys)
        out.append(record("candidates", key, (), sentence.strip(), start, m.end(), False, reading=VALUES))
    return out


def _own_variables(lex: Lexicon, term: tuple) -> dict[str, str]:
    """Agent name -> the one counted variable it observes, when every agent observes exactly one of the term's
    variables and no two share one (drinking logicians); else empty. Cached per puzzle."""
    hit = lex.atoms.get("@own variables")
    if hit is None:
        counted = {name for _, name in key_vars(term)}
        pairs = [(a.name, a.observes[0].name) for a in lex.puzzle.agents
                 if len(a.observes) == 1 and getattr(a.observes[0], "name", None) in counted]
        whole = len(pairs) == len(lex.puzzle.agents) == len({v for _, v in pairs}) == len(counted) > 1
        hit = lex.atoms["@own variables"] = dict(pairs) if whole else {}
    return hit


def _asked_noun(lex: Lexicon) -> str:
    """The noun the question counts ("logicians" in "How many logicians want a beer?"), or ""."""
    m = re.search(r"(?i)\bhow\s+many\s+([a-z]+)", _question_text(lex, "en"))
    return m.group(1).lower() if m else ""


def _question_text(lex: Lexicon, lang: str) -> str:
    """The puzzle's question in `lang` ("How many logicians want a beer?"), or ""."""
    return dict(lex.puzzle.question.texts).get(lang, "") if lex.puzzle.question is not None else ""


_AGENT_JOIN = re.compile(r"\s*(?:,|，|、|(?i:and|&)|和|与|以及)\s*(?:(?i:and)\s+)?")
_FIRST_FEW = re.compile(r"(?i:\bthe\s+first\s+(?P<n>two|three|four|five|six|\d)\s+(?P<noun>[a-z]+))|"
                        r"前(?P<zn>[两二三四五六\d])(?:位|个)(?:逻辑学家|人)?")
_NTH_ONE = re.compile(r"(?i)\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)"
                      r"(?:\s+one)?(?=\s*,?\s*(?:must|does|do|did|also|too|then|therefore|so|wants?|would|['’]d)\b)")
_WANTS = re.compile(r"(?i:\s*,?\s*(?:(?:both|also|too|all|must|definitely|certainly|clearly|indeed|really|surely|actually|"
                    r"then|therefore|so|herself|himself|themselves|each)\s+)*(?P<neg>(?:does|do|did)\s*(?:n['’]t|\s+not)\s+)?"
                    r"(?:(?:must|does|do|did)\s+)?(?:wants?|wanted|would\s+like|['’]d\s+like|likes?)\s+"
                    r"(?:(?P<one>one)(?![\w-])(?!\s+(?:of|more|less)\b)|"
                    r"(?:a\s+|one\s+|some\s+|the\s+)?(?P<what>[a-z]+)))")
# ("L3 wants one too": one of what is asked about)
_WANTS_ZH = re.compile(r"\s*(?:也|都|肯定|一定|确实|显然|必然|必定|自己|其实|就)*(?P<neg>不|没)?(?:想要|想喝|要|喝|想)"
                       r"(?:一杯)?(?P<what>[\u4e00-\u9fff]{1,4})")


def asked_words(lex: Lexicon) -> tuple[frozenset[str], str]:
    """The content words of the question in English ("logicians", "beer") and its Chinese text without the asking
    ("位逻辑学家要啤酒"), cached: what a count in the question's own words must name."""
    hit = lex.atoms.get("@asked words")
    if hit is None:
        asked = re.search(r"(?i)\bhow\s+many\s+[a-z]+\s+(.*)", _question_text(lex, "en"))  # (after its noun: "logicians")
        en = frozenset(w for w in re.findall(r"[a-z]+", asked.group(1).lower()) if w not in _QUESTION_WORDS) \
            if asked else frozenset()
        zh = re.sub(r"有?几[个位名]?|多少|？|\?|" + "|".join(_ZH_PEOPLE), "", _question_text(lex, "zh"))
        hit = lex.atoms["@asked words"] = (en, zh)
    return hit


def _restated(sentence: str, m: re.Match) -> bool:
    """Whether the colon after a said count only gives the count again ("All three logicians want a beer: 3."): the
    answer, not a case label."""
    again = _AGAIN.match(sentence, m.end())
    return again is not None and int(again.group(1)) == _number(m.group(1))


_AGAIN = re.compile(r"\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*(\d{1,3})\s*(?:\*\*)?\s*[.。!！]?\s*(?:\*\*)?\s*$")
_CASE_AFTER = re.compile(r"\s*(?:\*\*)?\s*(?:[:：→]|->|=>|⇒)")
_BULLET_BEFORE = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s")
_ZH_PEOPLE = ("逻辑学家", "岛民", "孩子", "小孩", "智者", "人")  # who is counted, not what about them is
_QUESTION_WORDS = frozenset({"how", "many", "are", "is", "the", "a", "an", "have", "has", "do", "does", "of", "there",
                             "want", "wants", "what", "which", "who", "did", "for", "yes", "no", "or"})
_SAID_COUNT = re.compile(r"(?i:(?:^[\s*>#]*(?:A\s*[:：]\s*)?(?:(?:so|thus|therefore|hence|answer)\b[,:]?\s*)?"
                         r"(?:(?:at|by)\s+this\s+point|by\s+now|already)?[,:]?\s*|[,;]\s*(?:and\s+)?"
                         r"(?:so|thus|therefore|hence)\b[,:]?\s*|[:：]\s*(?=all\b)|"
                         r"\b(?:since|because)\b[^.;:!?\n]{1,80}?,[\"”]?\s*(?=all\b)|"
                         r"\b(?:we|i)\s+(?:already\s+|now\s+|then\s+)?(?:know|knew)\s+(?:that\s+)?(?=all\b))"
                         r"(?:\*\*)?(?:all\s+)?"
                         r"(?:the\s+)?" + _N + r"(?:\*\*)?\s+(?!(?<=one\s)(?:who|whose|that|of)\b)"
                         r"(?P<rest>[^.;:!?|\n]{1,40}))")
# (not "One who does want beer can't answer …": a person, no count; nor "one of them"; but "all three of them"; and
# the writer's knowing: "… we already know all three want a beer")
_ZH_NUMBER_OF = re.compile(r"(?P<what>[\u4e00-\u9fff]{1,8}?)(?:的)?(?:人数|个数|数量|总数)(?:\*\*)?(?:就|一共|共)?"
                           r"(?:是|为|=|：|:)\s*(?:\*\*)?(?P<n>\d{1,3}|[一两二三四五六七八])")

# "蓝眼睛的岛民有 3 个", "要啤酒的一共有2位": what is asked about, then how many of them there are
_ZH_BOUND_END = re.compile(r"(?:至少|至多|最多|最少|不止|不少于|不超过|超过|多于|少于)$")
_ZH_HAS_COUNT = re.compile(r"(?P<what>[\u4e00-\u9fff]{2,8}?)(?:的)?(?:岛民|逻辑学家|孩子|人)?(?:\*\*)?(?:一共|总共|共)?(?:就)?"
                           r"(?:有|是)\s*(?:\*\*)?(?P<n>\d{1,3}|[一两二三四五六七八])\s*(?:\*\*)?\s*(?:个|位|名)(?![\u4e00-\u9fff])")
# "∴ 四个人都要啤酒", "所以3位都要": a clause opening on how many all do what is asked about
_DRINK = re.compile(r"(?:想|要)?喝")
_ZH_ALL_COUNT = re.compile(r"(?:^|[，,；;∴⇒→]|所以|因此|于是)\s*(?:到这里|这时|此时|现在|其实|也就是说|说明)*\s*"
                           r"(?:(?P<n>\d{1,2}|[一两二三四五六七八])\s*(?:个|位|名)|(?P<every>每个人|每一位|每位|所有人|大家))"
                           r"(?:人|逻辑学家|岛民)?(?:全|都|全都)(?P<what>[\u4e00-\u9fff]{2,6})")
# "the number of blue-eyed islanders is 3", "there are exactly 3 blue-eyed islanders"
_NUMBER_OF_ASKED = re.compile(r"(?i:\bthe\s+(?:total\s+)?(?:number|count)\s+of\s+(?P<rest>[^.;:!?|\n=]{1,40}?)\s+"
                              r"(?:is|must\s+be|equals|=)\s+(?:exactly\s+)?(?:\*\*)?(?P<n>\d{1,3}|one|two|three|four|"
                              r"five|six|seven|eight)\b)")


_INSTANCE = re.compile(r"\s*(?:[)）]\s*)?(?i:version|instance|variant|edition|puzzle|problem|setup|set-up|game)\b|\s*的?(?:版本|情形下)")


def answer_parameter(lex: Lexicon) -> str | None:
    """The parameter a counted answer is written as in the puzzle file ("answer sum(m) = k": k), if any, cached."""
    hit = lex.atoms.get("@answer parameter", _NONE)
    if hit is _NONE:
        m = _ANSWER_LINE.search(lex.puzzle.source)
        names = {name for name, _ in lex.puzzle.params}
        hit = lex.atoms["@answer parameter"] = m.group(1) if m is not None and m.group(1) in names else None
    return hit


def yes_no(term: tuple) -> bool:
    """Whether a counted question term is the count of one condition: a yes / no question."""
    return term[0] == "Count" and len(term[1]) == 1


def _most(term: tuple) -> int:
    """The largest value of a count: the number of variables it adds up (or conditions it counts)."""
    if term[0] == "Var":
        return 1
    if term[0] == "Count":
        return len(term[1])
    return sum(_most(t) for t in term[2:] if isinstance(t, tuple)) if term[0] == "Arith" else 0


# The worlds of one count said to go: "removes every configuration with exactly one muddy child", "the two-muddy
# cases are also eliminated", "排除了恰好4个人有泥的情况", "也排除了四个都有泥的情况"
_CASES = r"(?:configurations?|worlds?|cases?|possibilit(?:y|ies)|patterns?|scenarios?|options?|situations?)"
_MUDDY_N = (r"(?:(?:exactly|only|just)\s+)?(?:" + _N[1:-1] + r"|a\s+single|a\s+lone)\s+"
            r"(?:muddy\s+(?:child|children|kids?|ones?)|(?:child|children|kids?)\s+(?:is|are|being)\s+muddy)")
_REMOVES_EN = (r"(?:removes?|removed|eliminates?|eliminated|rules?\s+out|ruled\s+out|excludes?|excluded|kills?|"
               r"knocks?\s+out)")
_WITH = r"\s+(?:with|where|in\s+which)\s+"
_CLASS_OUT_EN = re.compile(
    r"(?i)\b" + _REMOVES_EN + r"\s+(?:also\s+)?(?:every|all(?:\s+the)?|the|any)\s+" + _CASES + _WITH +
    r"(?P<a>" + _MUDDY_N + r")|\b(?:the\s+)?(?P<b>" + _N[1:-1] + r")-muddy\s+" + _CASES + r"\s+(?:are|is|were|was)\s+"
    r"(?:also\s+|then\s+|now\s+)?(?:eliminated|removed|ruled\s+out|excluded|gone|out)\b|"
    r",?\s+and\s+also\s+(?:every|all(?:\s+the)?)\s+" + _CASES + _WITH + r"(?P<d>" + _MUDDY_N + r")|"
    r"\b" + _REMOVES_EN + r"\s+(?:also\s+)?(?:every|all(?:\s+the)?|the|any)\s+(?P<e>" + _N[1:-1] + r")-muddy\s+" +
    _CASES)
# ("… eliminates all the 1-muddy situations")
# ("removes 000, and also every world with …": the last form only after a verb of removing)
_REMOVES_BEFORE = re.compile(r"(?i)\b" + _REMOVES_EN + r"\b")
_CLASS_OUT_ZH = re.compile(r"(?:排除了?|去掉了?|淘汰了?)(?:所有)?(?:只有|恰好|正好)?(?P<c>[一两二三四五六七八\d])个(?:人|孩子)?"
                           r"(?:都)?(?:额头上?)?有泥的(?:情况|可能|世界|组合)")


_ASKED_AFTER = re.compile(r"[^.!。！\n]*[?？]")
_MAYBE = re.compile(r"(?i:\b(?:maybe|perhaps|possibly)\b)|也许|或许")


def count_class_exclusions(term: tuple, sentence: str) -> list[ClaimRecord]:
    """"It also removes every configuration with exactly one muddy child": the worlds of that count are gone, an
    exclusion `sum != 1` (credited to the statement the sentence names, like any exclusion)."""
    out = []
    for pattern in (_CLASS_OUT_EN, _CLASS_OUT_ZH):
        for m in pattern.finditer(sentence):
            if m.group(0).lstrip(", ").startswith("and") and _REMOVES_BEFORE.search(sentence, 0, m.start()) is None:
                continue  # "…, and also every world with one muddy child" only after a verb of removing
            if _ASKED_AFTER.match(sentence, m.end()) is not None or _MAYBE.search(sentence, 0, m.start()) is not None:
                continue  # "Alternatively, maybe the second silence removes the 4-muddy case? No, …": asked
            phrase = next(g for g in m.groups() if g)
            word = re.match(r"(?i)\s*(?:(?:exactly|only|just)\s+)?(a\s+single|a\s+lone|\S+)", phrase).group(1).lower()
            n = 1 if word.startswith("a ") else _number(word) if word.isdigit() or word in NUMBER_WORDS else None
            if n is None:
                continue
            out.append(record("exclusion", ("Compare", "!=", term, ("Const", n)), (), sentence.strip(), m.start(),
                              m.end(), False, reading=EXCLUSION))
    return out
