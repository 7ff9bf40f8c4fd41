"""Values said to occur once among the candidates: "the only day that appears once is 18", "the singleton days
are 13 and 20", "18 and 19 appear only once", "只出现一次的日子只有18和19", "J, 8, 2, 7, 3, K, 6 appear on only one
card". A claim about how the list looks (which values of one variable have a single candidate), not about what
is left; Cheryl and card traces argue from it at every step, and miscounting it is a common first error.

The claim's key is `("Singletons", variable, codes, exact)`: with `exact` the values are all the singletons ("the
only day that …", "the singleton days are …", "…的日子只有…"), else some of them ("18 and 19 appear only once").
strategies.Singletons judges it against the stages the text can be talking about. Not read: a clause that names
a value of another variable before the list ("in July, 16 appears once": one month's case), a negated one, and
"unique" next to no list ("the answer is unique").
"""
from __future__ import annotations

import re

from .lexicon import Lexicon, Token
from .records import VALUES, ClaimRecord, record

# The phrase that says "occurs once": English and Chinese.
_ONCE = re.compile(r"(?i:\b(?:appears?|occurs?|shows?\s+up|turns?\s+up)\s+(?:only\s+|just\s+|exactly\s+)?once\b|"
                   r"\b(?:appears?|occurs?|shows?\s+up)\s+(?:in|on|under)\s+(?:only\s+|just\s+|exactly\s+)?(?:one|a\s+single)\s+"
                   r"(?:month|card|suit|date|row|column)s?(?:\s+only)?\b|\bon\s+(?:only\s+)?one\s+card(?:\s+only)?\b|"
                   r"\bunique\b|\bsingletons?\b|\bone[-\s]offs?\b)|只出现(?:了|过)?一次|仅出现一次|只出现在一个月|只在一个月(?:里)?出现|"
                   r"只在[^，。,.;；\n]{1,6}?(?:里|中)?出现(?:了|过)?一次|"  # ("5：只在方块出现一次": once, in diamonds)
                   r"唯一的(?=日子|号数|点数)|(?<=\d)\s*是唯一的?(?=\s*[。，,；;…！!]|\s*$)")
# ("所以唯一的日子只有13日": the unique days; not "唯一的日期", the one date; "只有18是唯一的": 18 alone)
QUICK = re.compile(r"(?i:once|unique|singleton|single|one\s+(?:month|card|suit)|one[-\s]off)|出现|唯一的")
_CLAUSE_BREAK = re.compile(r"[.;!?。；！？\n]|[,，]\s*(?:(?i:so|and so|which|hence|thus|therefore|but)\b|所以|因此|但)|→|->|⇒|—|\s[–-]\s")
_LIST_GAP = re.compile(r"\s*(?:日|号|th|st|nd|rd)?\s*(?:[(（][^()（）]{0,30}[)）]\s*)?(?:[,，、/]\s*)?"
                       r"(?:and|or|plus|as\s+well\s+as|along\s+with|together\s+with|和|与|或|及|以及|加上)?"
                       r"\s*(?:,|，|、)?\s*(?:the\s+)?", re.IGNORECASE)
# (", and K, 6": a comma before the last "and")
# ("J, 8, 2, 7, 3 (all spades) plus K and 6": a remark in brackets does not end the list)
# Between the phrase and the list after it: a relative clause's rest, a copula, a colon ("… is 18", "…: 18, 19")
_STATES = re.compile(r"(?i:[^.;!?。；！？\d]{0,30}?(?:\b(?:is|are|was|were)\b|[:：]|是|为|只有|有)\s*(?:only\s+|just\s+)?"
                     r"(?:the\s+)?(?:days?\s+|ranks?\s+|suits?\s+|months?\s+)?)$")
_EXACT = re.compile(r"(?i:\b(?:the|only)\b|只有|是|为)")
_OTHER = re.compile(r"(?i:\b(?:other|others|every|each|all|also|too|some|several)\b)|其他|其余|都|也")  # not all of them
_NEGATED = re.compile(r"(?i:\b(?:not|no|never|none|neither|nor|without|isn't|aren't|doesn't|don't|wasn't|weren't)\b)|不|没")
# A condition, modal, purpose, need or question before the claim ("if his day were one that appears once", "his day
# must appear once", "Bo needs a unique day: 16 (June, July), …", "哪些日子只出现一次"), and what a checklist says after the values ("14 ✗", "19 appears twice")
_SCOPED = re.compile(r"(?i:\b(?:if|were|would|could|should|must|might|may|which|whether|either|for\s+\w+\s+to|needs?|"
                     r"requires?)\b)|"
                     r"哪些|哪个|是否|如果|假如|要是|要想|必须")
_NOT_ONCE = re.compile(r"(?i:\btwice\b|more\s+than\s+once|\b(?:appears?|occurs?)\s+in\b|\bkeeps?\b|\bshared\b)|[✗✘❌]|"
                       r"两次|重复|出现在")


def singleton_records(lex: Lexicon, sentence: str, toks: list[Token]) -> list[ClaimRecord]:
    """The singleton claims of one sentence (`toks`: its resolved tokens). Not in puzzles about a pair of numbers,
    where "unique" is said of factorizations and splits (splits.py)."""
    if lex.number_pair is not None:
        return []
    out = []
    for m in _ONCE.finditer(sentence):
        a = max([b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, m.start())], default=0)
        end = _CLAUSE_BREAK.search(sentence, m.end())
        b = end.start() if end else len(sentence)
        clause = [t for t in toks if a <= t.start and t.end <= b]
        found = _before(clause, sentence, m) or _after(clause, sentence, m)
        if found is None:
            continue
        run, exact = found
        if run[0].start >= m.end() and (_GOES_AFTER.match(sentence, run[-1].end) is not None or
                                        _CASE_ARROW.match(sentence, run[0].end) is not None):
            continue  # "his day is unique: the 14ths go": what goes because of it, not what is unique; "his day is
            # unique within the 5: 14 → Apr 14 only; 17 → …": the cases checked one by one
        var = run[0].payload[0]
        lo, hi = min(run[0].start, m.start()), max(run[-1].end, m.end())
        if any(t.kind == "value" and t.payload[0] != var and t.start < run[0].start for t in clause) or \
                any(t.kind == "attr" and t.payload != var and t.payload in lex.order and lo <= t.start < hi
                    for t in clause) or _NEGATED.search(sentence, a, b) or _SCOPED.search(sentence, a, lo) or \
                _NOT_ONCE.search(sentence, run[-1].end, _before_others(sentence, run[-1].end, b)) or \
                "?" in sentence[a:b + 1] or "？" in sentence[a:b + 1] or \
                _among_worlds(toks, sentence, lo):
            continue  # "in July, 16 appears once": a case; "no day appears once", "18 isn't unique"; "suits without
            # unique-rank cards"; "if his day were one that appears once"; "unique among those five: 19 appears twice";
            # "Among March 18, …, July 19, 16 and 17 each appear once": among a list the sentence names
        codes = tuple(sorted({t.payload[1] for t in run}))
        if any(r.end == hi and r.key.formula == ("Singletons", var, codes, exact) for r in out):
            continue  # ("先找只出现一次的日子：…，只出现一次的日子是18号": both phrases name the same list)
        out.append(record("singletons", ("Singletons", var, codes, exact), (), sentence[a:b].strip(), lo, hi, False,
                          reading=VALUES))
    return out


def _before_others(sentence: str, at: int, end: int) -> int:
    """Where a clause about the other values starts after `at` (before `end`): "只出现一次的日子是18号，其他日子都至少出现在
    两个月里" says 18 is once, the rest twice."""
    others = _OTHERS.search(sentence, at, end)
    return others.start() if others is not None else end


_OTHERS = re.compile(r"[,，;；]\s*(?:(?i:(?:and\s+|while\s+|but\s+)?(?:all\s+|every\s+|the\s+)?others?\b)|其他|其余|别的|其它)")
_AMONG = re.compile(r"(?i:\bamong\b|\bwithin\b)|在")


def _among_worlds(toks: list[Token], sentence: str, at: int) -> bool:
    """Whether the sentence counts among worlds it lists before offset `at` ("Among March 18, March 19, July 16, …,
    16 and 17 each appear once"): singletons of that list, not of a stage."""
    among = next(_AMONG.finditer(sentence, 0, at), None)
    return among is not None and sum(t.kind == "tuple" and among.end() <= t.start < at for t in toks) >= 2


_CASE_ARROW = re.compile(r"\s*(?:→|->|⇒)")
_GOES_AFTER = re.compile(r"(?i:(?:st|nd|rd|th)?s?\s*(?:all\s+|both\s+|then\s+)?(?:go|goes|drop|drops|are\s+out|is\s+out|are\s+gone|is\s+gone|"
                         r"are\s+eliminated|is\s+eliminated|are\s+ruled\s+out|is\s+ruled\s+out)\b)|"
                         r"\s*(?:都|也)?(?:被)?(?:排除|去掉|出局|没了|划掉)")


def _run(clause: list[Token], sentence: str, i: int, step: int) -> list[Token]:
    """The values of one variable joined by list words from clause[i] on, going forward (step 1) or back (-1)."""
    first = clause[i]
    run = [first]
    j = i + step
    while 0 <= j < len(clause):
        t = clause[j]
        if t.kind == "sep" and t.text in (",", "，", "、", "/") or _bracketed(sentence, t.start):
            j += step
            continue
        if t.kind != "value" or t.payload[0] != first.payload[0]:
            break
        lo, hi = (run[-1].end, t.start) if step == 1 else (t.end, run[-1].start)
        if not _LIST_GAP.fullmatch(sentence, lo, hi):
            break
        run.append(t)
        j += step
    return run if step == 1 else run[::-1]


def _bracketed(sentence: str, at: int) -> bool:
    """Whether offset `at` is inside brackets that close on the same line."""
    opening = max(sentence.rfind("(", 0, at), sentence.rfind("（", 0, at))
    return opening >= 0 and max(sentence.rfind(")", 0, at), sentence.rfind("）", 0, at)) < opening and \
        re.match(r"[^()（）\n]{0,30}[)）]", sentence[at:]) is not None


def _before(clause: list[Token], sentence: str, m: re.Match) -> tuple[list[Token], bool] | None:
    """ "18 and 19 appear only once", "16 is unique now": the values right before the phrase (some singletons)."""
    before = [n for n, t in enumerate(clause) if t.end <= m.start() and t.kind == "value"]
    if not before:
        return None
    i = before[-1]
    t = clause[i]
    gap = sentence[t.end:m.start()]
    the_only = _THE_ONLY.fullmatch(gap) is not None  # "29 is the only day that appears once": all of them
    if not the_only and not re.fullmatch(r"(?i:(?:st|nd|rd|th)?\s*(?:also\s+|too\s+|then\s+|now\s+|each\s+|both\s+)?(?:(?:is|are)\s+"
                                         r"(?:also\s+|now\s+|still\s+|then\s+)?)?|\s*(?:也|都)?|\s*[:：]\s*)", gap):
        return None  # (a label's colon: "5：只在方块出现一次")
    run = _run(clause, sentence, i, -1)
    return run, the_only or _ONLY_BEFORE.search(sentence, max(0, run[0].start - 12), run[0].start) is not None


# Between the values and the phrase, saying they are all of them: "29 is the only day that appears once", "18 and 19
# are the only unique days", "29是唯一只出现一次的日子"
_THE_ONLY = re.compile(r"(?i:(?:st|nd|rd|th)?\s*(?:is|are|was|were)\s+(?:now\s+|still\s+)?the\s+only\s+(?:(?:days?|dates?|ranks?|"
                       r"suits?|months?|values?|numbers?|cards?)\s+)?(?:(?:that|which)\s+)?)|\s*(?:就)?是唯一(?:一个|的)?")


# "only 13 appears exactly once", "只有18出现一次": the values named are all the singletons
_ONLY_BEFORE = re.compile(r"(?:(?i:\bonly(?:\s+the)?)|只有|仅有)\s*$")


def _after(clause: list[Token], sentence: str, m: re.Match) -> tuple[list[Token], bool] | None:
    """ "the only day that appears once is 18", "the singleton days are 13 and 20", "只出现一次的日子只有18和19": the
    list the phrase is said to be (all singletons when the phrase is definite: "the", "only", a colon, 只有/是)."""
    i = next((n for n, t in enumerate(clause) if t.start >= m.end() and t.kind == "value"), None)
    if i is None or _STATES.search(sentence, m.end(), clause[i].start) is None:
        return None
    head = sentence[max(0, m.start() - 24):m.start()]
    exact = not _OTHER.search(head) and (_EXACT.search(head) is not None or
                                         _EXACT.search(sentence, m.end(), clause[i].start) is not None)
    return _run(clause, sentence, i, 1), exact
