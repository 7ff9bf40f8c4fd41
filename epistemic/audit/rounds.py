"""When a family's members would know, supposing how many are muddy: "if exactly two were muddy, each of them would
know in round 2", "with a single muddy child she would step forward at once", "如果恰好两个孩子有泥，有泥的孩子在第一轮
就能推出自己有泥".

Read as that case's knowledge, `sum = 2 implies (m[1] implies c[1] knows m[1]) and …` (kind "case knowledge", of
the muddy members, or of the clean ones when the sentence says so), judged at the stage its time names: the r-th
question is asked after the father's statement and r - 1 silences (stage r when the father speaks first); "at once"
is the first; "after the r-th silence" the next one. A sentence that names no time, or a time after which nothing
more is asked, is left to the other readers.
"""
from __future__ import annotations

import re

from .counts import MUDDY_COUNTED, NUMBER_WORDS
from .groups import CLEAN_EN, CLEAN_ZH, members, members_knowing
from .lexicon import Lexicon
from .records import HYPOTHETICAL, ClaimRecord, record

_WORD_NUMBERS = {**NUMBER_WORDS, "nine": 9, "ten": 10, "九": 9, "十": 10, "a single": 1, "a lone": 1, "a sole": 1}
_ORDINAL_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7}

# The case: "if exactly two children were muddy", "with a single muddy child", "had there been only one muddy child",
# "in a world with exactly two muddy children", "with m = 3"
_CASE_EN = re.compile(
    r"(?i)\b(?:if|suppose|supposing|assuming|with|when|had\s+there\s+been|were\s+there|in\s+(?:a|the|any)\s+"
    r"(?:world|case|scenario|situation)\s+(?:with|where))\s+(?:there\s+(?:were|was|are|is|had\s+been)\s+)?"
    r"(?:(?:exactly|only|just|precisely)\s+)?(?:(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a\s+single|a\s+lone|a\s+sole)\s+(?:(?:of\s+(?:them|the\s+children|the\s+islanders)|children|kids|child|kid|"
    r"people|islanders|islander|persons|person)\s+)?"
    r"(?:(?:were|was|are|is|had\s+been)\s+)?(?:muddy|dirty|blue[-\s]eyed|(?:with|having|have|has|had)\s+blue\s+eyes)\b|(?:m|k)\s*=\s*(?P<m>\d{1,2})\b)|"
    r"\bin\s+(?:a|the|any)\s+(?P<w>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[-\s]muddy\s+"
    r"(?:world|case|scenario|situation)\b|"  # "in the 2-muddy world"
    r"(?m:^[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?(?:(?:情况|case)[ \t]*)?(?:k|m)[ \t]*=[ \t]*(?P<l>\d{1,2})(?:\*\*)?[ \t]*[:：])|"
    r"(?m:^[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?(?:第[一二三四五六七八九\d]{1,2}(?:行|种|类)|row[ \t]*\d{1,2}|情况[一二三四五六七八九\d]{0,2})"
    r"[ \t]*[(（][ \t]*(?P<r>\d{1,2}|one|two|three|four|five|six|[一两二三四五六])[ \t]*(?:个|muddy)?[^()（）\n:：]{0,12}[)）]"
    r"(?:\*\*)?[ \t]*[:：])")
# ("- k = 2: …", "情况k=3：…", "- 第2行（1个泥孩子）：…", "Row 3 (2 muddy): …": a line labelled by its case)
_CASE_ZH = re.compile(r"(?:如果|假如|假设|要是|若是|若|当)(?:一共|总共)?(?:有|只有|恰好|正好|刚好|仅有)?(?P<n>[一两二三四五六七八九十\d])个"
                      r"(?:孩子|人)?(?:额头上?|脸上)?(?:有泥|是脏的|脏了?|(?:是|有)?蓝眼睛?)|(?:只有|恰好|正好|仅有)(?P<m>[一两二三四五六七八九十\d])个"
                      r"(?:孩子)?(?:额头上?)?有泥(?:时|的时候|的话|的情况下|的世界里?)")
# The knowing, in the rest of the sentence
_KNOW_EN = re.compile(r"(?i)\b(?:know|knows|knew|known|tell|realis\w*|realiz\w*|conclude\w*|deduce\w*|"
                      r"figure\w*\s+(?:it\s+)?out|work\w*\s+(?:it\s+)?out|be\s+(?:sure|certain)|identify|"
                      r"step\w*\s+forward|come\s+forward|came\s+forward|leave|leaves|left)\b")
_KNOW_ZH = re.compile(r"知道|确定|推出|断定|判断出|站出来|站了出来|明白|离开|离岛")  # (islanders leave when they know)
_NEGATED_EN = re.compile(r"(?i)\b(?:not|never|nobody|no\s+one|none|unable|neither)\b|n't\b")
_NEGATED_ZH = re.compile(r"不|没|无法|无人")
_CLEAN = re.compile(r"(?i)\b" + CLEAN_EN + r"\b|" + CLEAN_ZH)  # the clean members as subject (not "sees clean faces")
_MODAL_EN = re.compile(r"(?i)\b(?:would|could|will|can|then|must|should)\b|['’]d\b")
# The time: "in the first round", "at the second question", "in round 2", "the first time the father asks",
# "after the first silence", "after two silent rounds", "at once"
_ROUND_EN = re.compile(r"(?i)\b(?:in|at|on|during|by|from)\s+(?:the\s+)?(?:very\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|"
                       r"seventh|1st|2nd|3rd|4th|5th|6th|7th)\s+(?:round|question|call|request|night|"
                       r"time\s+(?:he|she|the\s+father|"
                       r"dad)\s+asks|asking)\b|\bround\s+(?P<num>\d|one|two|three|four|five|six|seven)\b|"
                       r"\bthe\s+(?P<first>first)\s+time\s+(?:he|she|the\s+father|dad)\s+asks\b")
_AFTER_EN = re.compile(r"(?i)\bafter\s+(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|"
                       r"6th)\s+(?:silence|silent\s+round|round|question|request)|"
                       r"(?P<num>one|two|three|four|five|six|\d)\s+"
                       r"(?:silences|silent\s+rounds|rounds(?:\s+of\s+silence)?|questions))\b")
_AT_ONCE_EN = re.compile(r"(?i)\b(?:immediately|at\s+once|right\s+away|straight\s+away|instantly|on\s+the\s+spot|"
                         r"(?:right\s+|just\s+)?(?:after|as\s+soon\s+as)\s+(?:the\s+)?(?:father|dad)(?:['’]s)?\s+"
                         r"(?:speaks|spoke|has\s+spoken|statement|announcement|remark|words))\b")  # (the first question)
_ROUND_ZH = re.compile(r"第(?P<n>[一二三四五六七八九十\d])(?:轮|次|晚|夜|个晚上|个夜晚)(?P<after>(?:提问|问话|询问|问)?(?:沉默|没有?人站出来|无人站出来)?"
                       r"(?:之后|以后|过后|后)|(?:提问|问话|询问|问|的时候)?(?:都|也|还|又|仍然?|依然|还是)?(?:沉默|没有?人站出来|无人站出来)了?"
                       r"(?=[，,]))?")
# ("第1次问没人站出来以后", "第一次没有人站出来，1号就知道…": the question after that silence)
_AT_ONCE_ZH = re.compile(r"马上|立刻|立即|当场|一下子就|一开始就|父亲(?:一|刚)?说完(?:第一句|这句话)?")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[.;!?。；！？\n]")
_LINE_END = re.compile(r"\n")
_CLAUSE_BREAK = re.compile(r"(?i)[,，;；:：、—–]|\s(?:and|but|so|while)\s|所以|但是|但|而")
_SEEING = re.compile(r"(?i)\b(?:sees?|seeing|saw|looks?\s+at|looking\s+at)\b|看到|看见|看得到|看着")
_REASON = re.compile(r"(?i)\b(?:since|because|as|given\s+that)\b|因为|既然|由于")
_PASSED_SILENT = re.compile(r"(?i)\s+(?:was|is|passed|passes|went\s+by|goes\s+by)\s+(?:silent|quiet|in\s+silence|"
                            r"without\s+(?:anyone|anybody))\b")  # "Round 1 was silent, so …": the time after it
_AFTER_BEFORE = re.compile(r"(?i)\b(?:after|survives?|survived|past)\s+$")  # ("both survive round 1": the next one)
_KNOWN_FROM = re.compile(r"(?i)\b(?:known|knew|knows?|learn(?:ed|t|s)?|inferr?(?:ed|s)?|deduc(?:ed|es?)|"
                         r"conclud(?:ed|es?)|reali[sz](?:ed|es?))\s+from\s+(?:the\s+)?(?:very\s+)?$")
# "the shortcut would have them step forward at the very first asking": what a rule has them do, not the trace's case
_CAUSED = re.compile(r"(?i)\bwould\s+have\s+(?:them|him|her|it|us|everyone|each\s+of\s+them)\b")


def _number(word: str) -> int:
    """A count or an ordinal in digits or words ("two", "second", "2nd", "两"), 0 if it is none."""
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else _WORD_NUMBERS.get(word, 0) or _ORDINAL_NUMBERS.get(word, 0)


def _times(sentence: str) -> list[tuple[int, int]]:
    """(offset, question) of each time the sentence names (1 for the first question)."""
    out = []
    for m in _ROUND_EN.finditer(sentence):
        word = m.group("ord") or m.group("num") or m.group("first")
        n = _number(word)
        at = m.start("ord") if m.group("ord") else m.start()
        after = _AFTER_BEFORE.search(sentence, max(0, m.start() - 10), m.start()) is not None or \
            _PASSED_SILENT.match(sentence, m.end()) is not None or \
            _KNOWN_FROM.search(sentence, max(0, at - 40), at) is not None  # "after round 2", "Round 1 was silent, so
        # …", "known from round one that there were at least two": the time after it
        out.append((m.start(), n + 1 if after else n))
    for m in _AFTER_EN.finditer(sentence):
        word = m.group("ord") or m.group("num")
        out.append((m.start(), _number(word) + 1))
    for m in _ROUND_ZH.finditer(sentence):
        n = _number(m.group("n"))
        out.append((m.start(), n + 1 if m.group("after") else n))
    for pattern in (_AT_ONCE_EN, _AT_ONCE_ZH):
        out += [(m.start(), 1) for m in pattern.finditer(sentence)]
    return [(at, n) for at, n in out if n > 0]


# A sentence that sets what happened against the case under its label: "But …", "In fact …", "但是…"
_REALITY_LEAD = re.compile(r"(?i:\W*(?:but|however|yet|in\s+fact|actually)\b)|\W*(?:但是|但|可是|然而|不过|其实|实际上)")
# Another case opened between a case and a knowing: "，k = 3 或 4 时…", ", and with k = 3 or 4 …" (not a time: "，在第一轮的
# 时候…")
_ANOTHER_CASE = re.compile(r"[，,；;]\s*(?:而|但|但是)?\s*(?:(?!轮|次|问|晚|父亲|说)[^，,。；;\n]){1,20}?(?:时|的时候|的话|的情况下)|"
                           r"(?i:[,;]\s*(?:(?:and|but|while)\s+)?(?:with|when|if|for)\s+(?:k|m|n)\s*"
                           r"(?:=|≥|>=|>|≤|<=|<))")
# A supposition inside the case, the member's own: "if I were clean", "如果我是干净的"
_INNER_SUPPOSITION = re.compile(r"(?i:\b(?:if|suppose|supposing)\s+(?:I|I'm|he|she|he's|she's)\b)|(?:如果|假如|假设|要是|若)(?:我|他|她)")


def _verb_outside_times(know: re.Pattern, sentence: str, start: int, stop: int) -> re.Match | None:
    """The first knowing verb after `start` that is not part of a time ("第一次没人站出来之后": after a silence)."""
    spans = [m.span() for pattern in (_ROUND_ZH, _AFTER_EN) for m in pattern.finditer(sentence)]
    return next((v for v in know.finditer(sentence, start, stop)
                 if not any(a <= v.start() < b for a, b in spans) and _A_BOUND.match(sentence, v.end()) is None and
                 _NOBODY_BEFORE.search(sentence, max(0, v.start() - 6), v.start()) is None), None)


_NOBODY_BEFORE = re.compile(r"(?:没有?人|无人)(?:都|也|还|又)?$")  # "前两次都没人站出来": a silence, no one knowing


# A knowing of a bound on the count, not of one's own forehead: "三次沉默后只能知道至少有四个", "they know there are at
# least three"
_A_BOUND = re.compile(r"(?i:\s*(?:that\s+)?(?:there\s+(?:are|is|must\s+be)\s+)?(?:at\s+least|at\s+most)\b)|"
                      r"\s*(?:了)?(?:一共)?(?:至少|最少|至多|最多)|\s*[kmn]\s*(?:≥|>=|>|≤|<=)")  # ("只知道 k ≥ 1")


def _when(sentence: str, verb: int) -> int | None:
    """The question at which the knowing at `verb` happens: the time named nearest to it, not one inside a reason
    ("since a trio would have spoken in round 3") or another clause's event ("0100 在第一轮就被排除了，所以他在第二轮能确定")."""
    times = [(abs(at - verb), n) for at, n in _times(sentence)
             if _REASON.search(sentence, _clause_start(sentence, at), at) is None]
    return min(times)[1] if times else None


def _clause_start(sentence: str, at: int) -> int:
    return max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)


def first_asked(lex: Lexicon) -> int | None:
    """The stage of the first question: right after the first announcement without a speaker (the father's)."""
    return next((k for k, a in enumerate(lex.puzzle.announcements, start=1) if a.speaker is None), None)


def round_records(lex: Lexicon, term: tuple, sentence: str, case: int | None = None,
                  labelled: int | None = None) -> list[ClaimRecord]:
    """The case knowledge of each "<case>, <who> would <know> <when>" of one sentence, dated at its question.
    `case`: the count an earlier sentence of the step supposes ("Case: exactly two muddy children. … both would step
    forward in the first round"), for a sentence that names no case of its own but a modal knowing; `labelled`: the
    count its line's label names ("- k = 3: each sees 2 faces. So a muddy child knows after round 1."), which holds
    to the line's end like a label inside the sentence."""
    found = members(lex)
    first = first_asked(lex)
    if not found or first is None or sentence.rstrip().endswith(("?", "？")):
        return []  # (a question: "could somebody know in round 1 with two muddy kids?")
    out = []
    named = False
    for pattern, own_know, own_negated in ((_CASE_EN, _KNOW_EN, _NEGATED_EN), (_CASE_ZH, _KNOW_ZH, _NEGATED_ZH)):
        for m in pattern.finditer(sentence):
            named = True
            n = _number(m.group("n") or m.group("m") or (m.group("w") or _label(m) if pattern is _CASE_EN else None)
                        or "")
            end = _LINE_END.search(sentence, m.end()) if pattern is _CASE_EN and _label(m) else \
                _SENTENCE_END.search(sentence, m.end())  # (a line's label holds to the line's end)
            stop = end.start() if end else len(sentence)
            chinese_line = pattern is _CASE_EN and _label(m) and _HAN.search(sentence, m.end(), stop) is not None
            know, negated = (_KNOW_ZH, _NEGATED_ZH) if chinese_line else (own_know, own_negated)  # ("- k = 2：…父亲
            # 宣布之后他们就能立刻确定自己也有泥": a Chinese line under an English-style label)
            verb = _verb_outside_times(know, sentence, m.end(), stop)
            if verb is not None and _INNER_SUPPOSITION.search(sentence, m.end(), verb.start()) is not None:
                continue  # "如果有3个孩子有泥，…他会想：如果我是干净的，…他们在第二次就会站出来": the inner case's knowing
            if verb is not None and _ANOTHER_CASE.search(sentence, m.end(), verb.start()) is not None:
                continue  # "…只在恰好两个有泥时成立，k = 3 或 4 时有泥的孩子还不能确定": the knowing of another case
            if not n or verb is None or (pattern is _CASE_EN and _MODAL_EN.search(sentence, m.end(), verb.start())
                                         is None and not m.group(0).lower().startswith("if") and
                                         not (pattern is _CASE_EN and _label(m)) and
                                         _ROUND_EN.search(sentence, verb.start(), stop) is None):
                continue  # ("with two muddy children each sees one muddy face": no knowing said, or no mood of a case
                # and no question named after the knowing: "so with k = 2 someone steps forward at the first call")
            out += _timed(lex, term, found, first, sentence, n, m.start(), m.end(), verb, negated, stop)
    if labelled and not named and _OWN_SUPPOSITION.search(sentence) is None:
        for know, negated, modal in ((_KNOW_EN, _NEGATED_EN, _MODAL_EN), (_KNOW_ZH, _NEGATED_ZH, _MODAL_ZH)):
            verb = _verb_outside_times(know, sentence, 0, len(sentence))
            if verb is not None and _REALITY_LEAD.match(sentence) is not None and \
                    modal.search(sentence, 0, verb.start()) is None:
                return []  # "- k = 1: … He'd know at the first asking. But at the first asking nobody stepped
                # forward.": what did happen, set against the case
            if verb is not None:
                return _timed(lex, term, found, first, sentence, labelled, _clause_start(sentence, verb.start()), 0,
                              verb, negated, len(sentence))
        return []
    if case and not named and _OWN_SUPPOSITION.search(sentence) is None:  # "… So A can conclude straight off that
        # she is muddy, and both would step forward in the first round": the step's case, with a modal before the
        # knowing ("would", "会"); not "if I were clean, B would know right away" (a case inside the case)
        for know, negated, modal in ((_KNOW_EN, _NEGATED_EN, _MODAL_EN), (_KNOW_ZH, _NEGATED_ZH, _MODAL_ZH)):
            for verb in know.finditer(sentence):
                if modal.search(sentence, _clause_start(sentence, verb.start()), verb.start()) is not None or \
                        _counted(sentence, _clause_start(sentence, verb.start()), verb.start()) == case:
                    out += _timed(lex, term, found, first, sentence, case, _clause_start(sentence, verb.start()),
                                  0, verb, negated, len(sentence))  # (the case is the step's: all before the
                    # knowing is between, its subject too: "The clean children, …, and they can't tell …")
                    break
    return out


# The members counted again as the knowing's subject: "the two muddy children", "each of the three muddy children",
# "两个有泥的孩子" (the step's case said again: its knowing, modal or not)
def _counted(sentence: str, start: int, end: int) -> int | None:
    """The count of "the N muddy children" between `start` and `end` (counts.MUDDY_COUNTED), or None."""
    m = MUDDY_COUNTED.search(sentence, start, end)
    return _number(next(g for g in m.groups() if g)) if m is not None else None


def _timed(lex: Lexicon, term: tuple, found, first: int, sentence: str, n: int, start: int, case_end: int,
           verb: re.Match, negated: re.Pattern, stop: int) -> list[ClaimRecord]:
    """The case knowledge "sum = n implies (who knows)" of one knowing verb, dated at the question its time names
    (none without a time, or with one after which nothing is asked)."""
    r = _when(sentence[:stop], verb.start())
    stage = None if r is None else first + r - 1
    if stage is None or stage >= len(lex.puzzle.announcements):
        return []
    between = sentence[case_end:verb.start()]
    if _CAUSED.search(between) is not None:
        return []
    clean = any(_SEEING.search(between, max(0, c.start() - 10), c.start()) is None
                for c in _CLEAN.finditer(between))  # (not "他看到5个干净的人": what the child sees)
    no = negated.search(sentence, _clause_start(sentence, verb.start()), verb.start()) is not None  # (not
    # "她看不到任何泥，会在第一轮站出来": the seeing's negation)
    key = ("Implies", ("Compare", "=", term, ("Const", n)), members_knowing(found, 0 if clean else 1, no))
    return [record("case knowledge", key, (), sentence.strip(), start, verb.end(), False,
                   reading=HYPOTHETICAL)._replace(at=stage)]


# A sentence that sets a case for its step: "Case: exactly two muddy children", "Suppose exactly two are muddy.",
# "Case k = 2:", "情况二：恰好两个孩子有泥", "假设恰好两个孩子有泥"
_STEP_CASE = re.compile(
    r"(?i)^\W*(?:case\s*(?:\d{1,2}|[a-z])?\s*[:：.]\s*|suppose\s+|assume\s+|if\s+)(?:there\s+(?:are|were)\s+)?"
    r"(?:(?:exactly|only|just)\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|a\s+single)\s+"
    r"(?:muddy\s+)?(?:children|kids|child|kid)\b(?:\s+(?:are|were|is|was)\s+muddy)?(?:\s*[,，]\s*say\b[^.:]*)?"
    r"\s*[.:：,]?\s*$|"
    r"^\W*case\s*[:：]?\s*[km]\s*=\s*(?P<m>\d{1,2})\s*[.:：]?\s*$|"
    r"^\s*#{1,6}\s*(?:(?:exactly|only|just)\s+)?(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|a\s+single)\s+"
    r"muddy\s+(?:children|kids|child|kid)\s*[.:：]?\s*$|"  # a heading: "### Exactly one muddy child"
    r"^\W*(?:[a-z]{2,12}\s*[:：]\W*)?in\s+(?:the|those|a)\s+worlds?\s+(?:with|where\s+there\s+(?:is|are))\s+"
    r"(?:(?:exactly|only|just)\s+)?(?P<w>\d{1,2}|one|two|three|four|five|six|seven|eight|a\s+single)\s+"
    r"muddy\s+(?:children|kids|child|kid)\s*[.:：]?\s*$|"  # "**Answer:** in the worlds with exactly one muddy child."
    r"^\W*(?:now\s*,?\s*)?(?:what\s+(?:would\s+happen|happens|if)\s+)?in\s+(?:a|the)\s+(?P<v>\d{1,2}|one|two|three|"
    r"four|five|six|seven|eight)[-\s]muddy\s+(?:world|case|scenario)\s*[?？.:：]?\s*$|"  # "Now, what would happen in
    # the 2-muddy world?"
    r"^\W*(?:情况[一二三四五六七八九\d]?\s*[:：]|假设|假如|如果)\s*(?:一共|总共)?(?:只有|恰好|正好)?有?(?P<z>[一两二三四五六七八九\d])个"
    r"(?:孩子)?(?:额头上?)?有泥(?:[，,]\s*(?:比如说?|例如|譬如|就说)[^，,。.\n]{1,12})?[。：:，,]?\s*$")  # ("，比如说A和B")
# A supposition that names the muddy members: "假设有泥的是1号和2号。", "Suppose the muddy ones are A and B."
_NAMED_MUDDY = re.compile(r"(?i:^\W*(?:suppose|say|assume|if)\s+(?:that\s+)?the\s+muddy\s+(?:ones|children|kids)\s+"
                          r"are\s+"
                          r"(?P<list>[\w\s,&]{1,30}?)\s*[.:]?\s*$)|"
                          r"^\W*(?:假设|假如|如果|设)\s*有泥的(?:孩子)?(?:是|为)\s*(?P<zlist>[^，。,.\n]{1,20}?)[。.：:]?\s*$")
_NAMED_SPLIT = re.compile(r"(?i:\s*(?:,\s*and|,|&|\band\b)\s*)|\s*[和、与跟]\s*")
# after a case that opens the sentence, only what each member sees: "如果有2个蓝眼睛，每人看到1个。"
_SEEN_AFTER = re.compile(r"\s*[，,]\s*(?:每人|每个人|每个|他们|他|(?i:each(?:\s+of\s+them)?|they|he|she))\s*(?:都|只)*\s*"
                         r"(?:看到|看见|(?i:sees?|can\s+see|would\s+see))[^。.!?！？\n，,;；:：]*[。.]?\s*")
_MODAL_ZH = re.compile(r"会|就能|能够|可以|应该")
_OWN_SUPPOSITION = re.compile(r"(?i:\b(?:if|suppose|supposing|assuming|were|had|unless|otherwise|"
                             r"in\s+(?:which|that)\s+case)\b)|如果|假如|假设|要是|若|否则")  # ("he might be clean, in which
# case A and C would know")


def _label(m: re.Match) -> str | None:
    """The count of a line's case label matched by _CASE_EN ("- k = 2:", "- 第2行（1个泥孩子）："), or None."""
    return m.group("l") or m.group("r")


def named_case(sentence: str) -> int | None:
    """The count of the first case a sentence supposes ("With k = 2, at the first question nobody knows"), or None."""
    for pattern in (_CASE_EN, _CASE_ZH):
        for m in pattern.finditer(sentence):
            n = _number(next((g for g in m.groupdict().values() if g), ""))
            if n:
                return n
    return None


def line_case(sentence: str) -> int | None:
    """The count a sentence opening on a case label names for the rest of its line ("- k = 3: each sees 2 faces.",
    "With k = 3: first question, nobody knows.")."""
    m = _CASE_EN.match(sentence.lstrip())
    if m is not None and m.group("m") and _LABEL_COLON.match(sentence.lstrip(), m.end()) is not None:
        return _number(m.group("m")) or None
    bold = _BOLD_CASE.match(sentence)
    if bold is not None and (m := _CASE_EN.fullmatch(bold.group(1))) is not None and m.group("n"):
        return _number(m.group("n")) or None
    label = _label(m) if m is not None else None
    return _number(label) or None if label else None


_LABEL_COLON = re.compile(r"(?:\*\*)?\s*[:：]")
# A bullet line opening on its case ("- **With three muddy**, say 1, 2 and 3, …", bold marks blanked as the readers
# see it)
_BOLD_CASE = re.compile(r"\s*[-*•]\s+(?:\*\*)?\s*((?i:with|if)\s[^,:：*\n]{4,40}?)\s*(?:\*\*)?\s*[,:：]")


def step_case(sentence: str) -> int | None:
    """The count a sentence supposes for the rest of its step, when that is all it says ("Case: exactly two muddy
    children.", a heading "### Exactly one muddy child"), else None."""
    if len(sentence) < 90 and (opening := _CASE_ZH.match(sentence.strip()) or _CASE_EN.match(sentence.strip())) and \
            _SEEN_AFTER.fullmatch(sentence.strip(), opening.end()) is not None:  # "如果有2个蓝眼睛，每人看到1个。"
        return _number(opening.group("n") or opening.group("m") or
                       (opening.group("w") if opening.re is _CASE_EN else None) or "") or None
    named = _NAMED_MUDDY.match(sentence.strip()) if len(sentence) < 90 else None
    if named is not None:  # "假设有泥的是1号和2号。", "Suppose the muddy ones are A and B.": as many as are named
        return len(_NAMED_SPLIT.split((named.group("list") or named.group("zlist")).strip()))
    m = _STEP_CASE.match(sentence.replace("*", " ").strip()) if len(sentence) < 90 else None
    return _number(m.group("n") or m.group("m") or m.group("z") or m.group("h") or m.group("w") or m.group("v")) or None \
        if m is not None else None
