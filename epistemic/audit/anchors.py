"""Claims the trace dates itself: "after P's first statement we already know …", "阿里说完第一句话后，波就已经…",
and eliminations it credits to one statement: "Q's statement rules out spades and clubs", "被P的第一句话排除了".

An explicit "after <announcement>" in a claim's sentence says which stage the claim is about. The claim is judged
there alone, not anywhere up to the stage the trace has reached, and a claim that holds only later is then
premature by the trace's own words (evidence.py weighs it alone). An elimination credited to announcement k says
more than that the values are gone at stage k: they were still possible at stage k - 1 (strategies.Credit).
"""
from __future__ import annotations

import re

from ..language.syntax import Knows, Not, Past
from .align import Aligner, statement_parts
from .claims import CREDIT_BY, CREDIT_ZH_BY, QUOTES, tokens
from .lexicon import ZH_REMOVING, circled_place
from .records import EXCLUSION, OTHERS, REJECTED, SUPPOSED, record
from .scope import OTHER_READING, reading_at, scopes

# "after P's first statement", "right after the second silence", "once Q has spoken", "following Bernard's reply"
_AFTER_EN = re.compile(r"(?i)(?<!until )(?<!till )\b(?:right |just |immediately |directly )?(?:after|following|once)\s+|"
                       r"\b(?:silence|silent|nobody\s+moving|no\s+one\s+moving)\s+(?:through|up\s+to|until\s+after)\s+")
# ("silence through question 2 means k ≥ 3": after the second question's silence)
# "阿里说完第一句话后", "第一轮沉默之后", "P说完“现在我能确定了”之后"
_AFTER_ZH = re.compile(r"(?:之后|以后|过后|后|(?<=话)说完了?|(?<=句)说完了?)(?=\s*[，,：:]|\s*(?:我们|就|便|已经|可以|能|剩|只))")
# (or "父亲这句话说完，大家就已经知道…": once the statement is finished)
_PHRASE_END = re.compile(r"[,，;；:：.。!?！？\n]|\s(?:we|the|it|there|so|only|both|each|every|all|he|she|they|P|Q|S)\s")
_PHRASE_START = re.compile(r"[，,；;：:。.!?！？\n]")
_SENTENCE = re.compile(r"(?:(?<!\.\.)[.。!?！？;；]|\.\.\.(?=\s+[^a-z\s]))[\"”’*)]*\s|[。！？；]|\n")
# ('… "nobody steps forward." Here …': a quote's close; "… doesn't know... but then …": an ellipsis going on)
_MAX_PHRASE = 80
_BRACKETS = re.compile(r"\([^()]*\)|（[^（）]*）")


def anchor_stage(aligner: Aligner, text: str, start: int, end: int, current: int | None = None) -> int | None:
    """The announcement an explicit "after …" in the sentence of text[start:end] names (None without one, or when
    the sentence has anchors naming different announcements); memoised per step and span."""
    return aligner.memoised(("@anchor", text, start, end, current),
                            lambda: _anchor_stage(aligner, text, start, end, current))


# What a survival names right after its verb: "July 17 survives Bo's turn", "(2, 15) survives P's first statement"
_SURVIVED = re.compile(r"[\s*]*(?:(?:past|through|beyond)\s+)?(?P<phrase>(?:the\s+)?[^\s,.;:!?()]{1,16}(?:'s|’s)\s+"
                       r"(?:(?:first|second|third|last|final|next|opening)\s+)?(?:statement|turn|remark|reply|"
                       r"announcement|line|claim|words))\b", re.IGNORECASE)


# ... or by its number ("survives statement 2", "it survives step 2": a survival is of a statement, whatever the trace
# calls its steps)
_SURVIVED_NUMBER = re.compile(r"[\s*]*(?:(?:past|through|beyond)\s+)?(?i:statement|announcement|step|round|line)"
                              r"\s*#?\s*([1-9])\b(?!\s*[:)]|\.\d)")


_IT_SURVIVES = re.compile(r"[^.;!?。；！？\n]{0,40}?\b(?:it|that\s+one)\s+(?:still\s+|only\s+)?(?:survives|survived)",
                          re.IGNORECASE)


def survived_stage(aligner: Aligner, text: str, end: int) -> int | None:
    """The announcement a survival names right after its verb ("survive Bo's turn", "survives step 2"): the claim is
    about then."""
    later = _IT_SURVIVES.match(text, end)  # "15 is fine for Bernard, that's why it survives step 2"
    end = later.end() if later is not None else end
    m = _SURVIVED.match(text, end)
    if m is not None:
        return aligner.anchor(m.group("phrase"))
    m = _SURVIVED_NUMBER.match(text, end)
    return int(m.group(1)) if m is not None and int(m.group(1)) <= len(aligner.quotes) else None




def _anchor_stage(aligner: Aligner, text: str, start: int, end: int, current: int | None = None) -> int | None:
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
    m = _SENTENCE.search(text, end)
    b = m.start() if m else len(text)
    if _LATER_THAN.match(text, end) is not None:
        return None  # "…, and the clean child works out that he is clean one step later": not at the time named
    sentence = _BRACKETS.sub(lambda m: " " * len(m.group(0)), text[a:b])  # "(… after round 1 would know)": an aside
    teaching = _TEACHES.search(sentence) is not None
    taught = _subjects(sentence, _TEACHES, 60) if teaching else []
    phrases = _phrases(sentence) + [(at, p) for at, p in _subjects(sentence, _SETTLES, 60) + [
        (at, p) for at, p in taught if " " in p.strip() or not p.isascii()]
        if _STATEMENT_NOUN.search(p) is not None]  # "S's remark alone fixes the sum at 17" (but a bare "Silence
    # means none is alone" names no one silence of several)
    ignorant = [k for at, p in (_subjects(sentence, _TEACHES, 60, topic=True) if teaching else [])
                if a + at + len(p) < end and (k := _ignorance_stage(aligner, p, current)) is not None]
    if ignorant:  # "所以第一位不知道，说明第三位的帽子不是红的": what the speaker's not knowing teaches, dated at it
        return ignorant[-1] if len(set(ignorant)) == 1 and not any(a + at < start for at, _ in phrases) else None
    quoted = [m.span() for m in _QUOTED.finditer(sentence)] if '"' in sentence or "“" in sentence else []
    kept = [(at, p, aligner.anchor(p, current)) for at, p in phrases if (a + at < end or _TRAILING.fullmatch(
        sentence, end - a, at) is not None) and
            not _reason_before(sentence, at, start - a) and not any(qa <= at < qb for qa, qb in quoted) and
            WALKS_ON.search(sentence, at + len(p), max(at + len(p), start - a)) is None and
            not _event_dated(sentence, at, at + len(p), start - a) and
            not _trails_other(aligner, sentence, at, at + len(p), start - a) and
            _CONTRAST.search(sentence, at + len(p), max(at + len(p), start - a)) is None]
    # (not an anchor after the claim, nor one inside a "since …," clause that ends before it, nor one inside a quote:
    # 'Bo: "…now I do, after Ali's statement."' are his words; "after S's remark" is S's statement just reached)
    found = {k for _, _, k in kept} - {None}
    if len(found) > 1:  # "after the father's remark at least 1, after the three silences at least 2, 3 and finally 4":
        # each anchor opens its own clause; the claim's is the last before it, with no comma between them, unless
        # one follows the claim right after it ("…, k ≥ 3 after the second, and k = 3 once the muddy children know")
        right_after = [k for at, _, k in kept if k is not None and a + at >= end and
                       _TRAILING.fullmatch(sentence, end - a, at) is not None]
        if right_after:
            return right_after[0]
        at, p, k = max(((at, p, k) for at, p, k in kept if k is not None and a + at < start), default=(0, "", None))
        return k if k is not None and _CLAUSE_COMMA.search(sentence, at + len(p), start - a) is None else None
    if not found and a > 0 and _THAT_POINT.search(sentence) is not None:  # "after round 1 you only have 'at least
        # two'; 111 is still on the table at that point": the time the sentence before it named
        before = text[max((m.end() for m in _SENTENCE.finditer(text, 0, max(0, a - 1))), default=0):a]
        named = [k for _, p in _phrases(before) if (k := aligner.anchor(p, current)) is not None]
        return named[-1] if named else None
    return found.pop() if len(found) == 1 else None


# A turn to what really holds: "一开始我以为…只是在重复第一位的话，但其实它排除了 b₂ = 0" (a time named before it is the
# idea's, given up)
_CONTRAST = re.compile(r"(?:但|可是|然而|不过)(?:其实|实际上|事实上)|(?i:\bbut\s+(?:actually|in\s+fact|really)\b)")
_THAT_POINT = re.compile(r"(?i:\b(?:at|by)\s+that\s+(?:point|stage|time)\b|\bby\s+then\b)|那时|那个时候|那一步")


# A claim said of a time after the one the sentence names: "… that he is clean one step later", "…晚一轮才知道"
_LATER_THAN = re.compile(r"[^,;.。，；\n]{0,40}?(?i:\b(?:one|a|1|two|2)\s+(?:step|round|stage|question|announcement|"
                         r"silence)s?\s+later\b|\b(?:in|at)\s+the\s+(?:next|following)\s+(?:round|step|question)\b)|"
                         r"[^,;.。，；\n]{0,20}?(?:晚一轮|晚一步|下一轮|再过一轮|又过一轮)")
# An "after …" right after the claim, in its clause: "none of the three numbers can be equal after Alice's statement"
_TRAILING = re.compile(r"(?:s\b)?[ \t]{1,3}(?:(?i:entirely|completely|altogether|already|too|as\s+well|for\s+good)"
                       r"[ \t]{1,3})?")
# ("the spades are gone entirely after P's first line": an adverb between; "drop the 19s after Bo's": a plural's s)
# A walk on through the stages between an anchor and the claim: "after the father's remark at least 1, then at least
# 2, 3, 4": the claims after "then" are not about the named statement
WALKS_ON = re.compile(r"(?i:\bthen\b|\bnext\b|\bafterwards\b)|然后|接着|随后|之后又")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_REASON = re.compile(r"\W*(?i:since|because|given\s+that|now\s+that)\b|\W*(?:既然|因为|由于)")
_CLAUSE_COMMA = re.compile(r"[,，]")


def _trails_other(aligner: Aligner, sentence: str, at: int, stop: int, claim: int) -> bool:
    """Whether the "after …" at sentence[at:stop] closes a claim of its own (a value, number or bound before it in its
    clause) that a comma then parts from the claim at `claim`: "at least two after the silent round, and not three,
    because the muddy children already know" dates the "at least two", not what comes after it (but "In every world
    consistent with the three announcements, …" opens the claim's clause)."""
    if claim <= stop or _CLAUSE_COMMA.search(sentence, stop, claim) is None:
        return False
    opening = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
    return any(t.kind in ("value", "number", "cmp") for t in aligner.lexicon.scan(sentence[opening:at]))


_CLAUSE_BREAK = re.compile(r"[,，;；:：]")


def _reason_before(sentence: str, at: int, claim: int) -> bool:
    """Whether the phrase at `at` lies in a reason clause ("Since the muddy children knew right after the father's
    announcement, there must be exactly 1") that ends before the claim at offset `claim`: it dates the reason."""
    opening = max((m.end() for m in _CLAUSE_COMMA.finditer(sentence, 0, at)), default=0)
    close = _CLAUSE_COMMA.search(sentence, at)
    return _REASON.match(sentence, opening) is not None and close is not None and close.end() <= claim


_COLON = re.compile(r"[:：]")
_CLAUSE_OPENING = re.compile(r"[\s*>#-]*(?i:(?:and\s+)?(?:so|then|thus|hence|but|now|here|that\s+is)\b[\s,]*)?$")


_NEXT_CLAUSE = re.compile(r"[,;，；]\s*(?i:and\b|so\b|而且|并且|而)|(?i:\s(?:means|shows|implies|tells\s+us)\b)|说明|意味着")
# ("the muddy children knowing right after the third silence means k is exactly 4": the knowing is dated, then what
# it means)
_EVENT = re.compile(r"(?i:\b(?:know|knows|knew|knowing|step|steps|stepped|stepping|leave|leaves|left)\b)|知道|站出来")


def dates_event(text: str, at: int, claim: int) -> bool:
    """Whether the "after …" at `at` dates an event its clause tells ("the muddy children know after two rounds of
    silence, and there are 3 of them"), the claim at `claim` coming in a clause of its own after it."""
    opening = max((m.end() for m in _CLAUSE_COMMA.finditer(text, 0, at)), default=0)
    return _EVENT.search(text, max(opening, at - 60), at) is not None and \
        _NEXT_CLAUSE.search(text, at, claim) is not None


def _event_dated(sentence: str, at: int, stop: int, claim: int) -> bool:
    """Whether the phrase at sentence[at:stop] ends on a colon before the claim at `claim`, after words of its own
    (since the sentence's start or an earlier colon): "they stepped forward at the fifth asking, after four silent
    rounds: k − 1 = 4, so k = 5" dates the stepping forward, and after the colon comes the reckoning from it ("After
    P's statement: ♥A, ♥Q, …" opens on its phrase and dates the list)."""
    if dates_event(sentence, at, claim):
        return True
    if _COLON.match(sentence[stop:claim].lstrip()) is None:
        return False
    opening = max((m.end() for m in _COLON.finditer(sentence, 0, at)), default=0)
    return _CLAUSE_OPENING.match(sentence, opening, at) is None


def in_reason(text: str, at: int, claim: int) -> bool:
    """_reason_before on the sentence of text[at]: a cue at `at` dates a "since …," clause, not the claim after it."""
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, at)), default=0)
    return _reason_before(text[a:claim + 1], at - a, claim - a)


_CLAUSE_MARK = re.compile(r"[,，;；:：→⇒]|->|=>|\s[—–-]\s|—|\b(?:if|when|whether|would|could|might)\b", re.IGNORECASE)


def in_aside(text: str, at: int, claim: int) -> bool:
    """Whether the cue at `at` stands in a bracketed aside that closes before the claim at `claim`: "removes more
    (some cases killed by Alice's statement), but the part we need is a ≠ c" is not dated by Alice's statement."""
    opening = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    m = _BRACKETS.match(text, opening) if opening >= 0 else None
    return m is not None and at < m.end() <= claim


# A clause opening on another possessive with its noun left out: "Alice's statement only forced b ≠ c, Bob's only a ≠ c"
_LATER_POSSESSIVE = re.compile(r"[,;，；]\s*(?:(?:and|then|while|but)\s+)?(?:Mr\.?\s+)?[A-Z][\w.]{0,15}(?:'s|’s)\s")


_JOINED = re.compile(r"(?i:\b(?:with|combined\s+with|together\s+with|plus|along\s+with)\s+(?:the\s+)?)$|"
                     r"(?:加上|再加上|结合|连同)\s*$")


def joined_with(text: str, at: int) -> bool:
    """Whether the statement named at `at` is added to what the step has just taken in ("Nobody stepped forward. …;
    with the father's announcement, there are at least two"): both together, not the time of that statement."""
    return _JOINED.search(text, max(0, at - 24), at) is not None


def possessive_between(text: str, at: int, claim: int) -> bool:
    """Whether a clause opening on an elided possessive ("…, Bob's only a ≠ c") comes between the cue at `at` and the
    claim at `claim`: the claim is that statement's, not the cue's."""
    return _LATER_POSSESSIVE.search(text, at, claim) is not None


def tight_after(text: str, start: int) -> bool:
    """Whether an English "after …" opens the very clause of the claim at `start`, with no comma, colon or
    supposition between ("so after the second silence everyone knows at least four are muddy"): the claim is
    dated by it even when the trace has walked past that announcement (not "after Bernard's statement: only June
    12", a heading for what follows)."""
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
    last = max(_AFTER_EN.finditer(text, a, start), key=lambda m: m.start(), default=None)
    return last is not None and start - last.start() <= _MAX_PHRASE and re.search(r"\w\s", text[last.end():start]) \
        is not None and _CLAUSE_MARK.search(text, last.end(), start) is None  # (not "after P knows": the anchor itself)


def trailing_after(text: str, end: int) -> bool:
    """Whether an English "after …" follows the claim ending at `end` right away, in its clause ("none of the three
    numbers can be equal after Alice's statement"): the claim is dated by it as by one opening its clause."""
    m = _TRAILING.match(text, end)
    return m is not None and _AFTER_EN.match(text, m.end()) is not None


def _phrases(sentence: str) -> list[tuple[int, str]]:
    """(offset, phrase) of the "after …" phrases of a sentence: from the word to the next comma or subject (EN), or from the clause's
    start to 后 (ZH)."""
    out = []
    for m in _AFTER_EN.finditer(sentence):
        stop = _PHRASE_END.search(sentence, m.end())
        phrase = _elided_noun(sentence, m.start(), sentence[m.start():min(
            stop.start() if stop else len(sentence), m.end() + _MAX_PHRASE)])
        out.append((m.start(), _QUESTION.sub(_as_silence, phrase)))
    for m in _AFTER_ZH.finditer(sentence):
        opening = max((s.end() for s in _PHRASE_START.finditer(sentence, 0, m.start())), default=0)
        at = max(opening, m.start() - _MAX_PHRASE)
        phrase = sentence[at:m.end()]
        bare = _BARE_NTH_ZH.fullmatch(phrase)
        nouns = list(_NTH_NOUN_ZH.finditer(sentence, 0, at)) if bare is not None else []
        noun = nouns[-1].group(1) if nouns else None
        out.append((at, phrase if noun is None else phrase[:bare.end("nth")] + noun + phrase[bare.end("nth"):]))
    for m in _LEARNED.finditer(sentence):  # "From Albert's statement we learn that …": what it teaches, dated at it
        p = m.group("en") or m.group("zh")
        if _STATEMENT_NOUN.search(p) is not None:
            out.append((m.start("en") if m.group("en") else m.start("zh"), p))
    for m in _SURVIVED_WORD.finditer(sentence):  # "let me double-check H4 survived the first statement: … a P
        # holding a 4 didn't know": the sentence is about that statement
        stop = _PHRASE_END.search(sentence, m.end())
        out.append((m.start(), sentence[m.end():min(stop.start() if stop else len(sentence), m.end() + _MAX_PHRASE)]))
    return out


# "after question 2", "silence through the second question": the father's questions counted, each met by a silence
_QUESTION = re.compile(r"(?i)\bquestion(s?)\b")


def _as_silence(m: re.Match) -> str:
    """"question" read as the silence that answered it, the same length ("silence ")."""
    return ("silences" if m.group(1) else "silence").ljust(len(m.group(0)))


# "after the first silence … k ≥ 2, after the second k ≥ 3": an ordinal whose noun the sentence gave before it
_ORDINAL_NOUN = re.compile(r"(?i)\b(?:first|second|third|fourth|fifth)\s+(?:silent\s+)?(silence|round|question|ask|"
                           r"call|time|night|statement|announcement|remark)s?\b")
_BARE_ORDINAL = re.compile(r"(?i)\S+(?:\s+\S+)?\s+the\s+(?:first|second|third|fourth|fifth)\b(?!\s+[a-z]{2,})")


# "第一次沉默后剩11种，第二次后剩5种": a count of times whose noun the sentence gave before it
_NTH_NOUN_ZH = re.compile(r"第[一二三四五六七八九十\d]{1,2}(?:次|轮)(沉默|提问|发问|询问|问话)")
_BARE_NTH_ZH = re.compile(r"\W*(?P<nth>第[一二三四五六七八九十\d]{1,2}(?:次|轮))(?:之|以)?后")


def _elided_noun(sentence: str, at: int, phrase: str) -> str:
    """An "after the second" phrase with the noun an earlier ordinal of the sentence named put back ("after the
    second silence"), so that it names its round; any other phrase unchanged."""
    m = _BARE_ORDINAL.match(phrase)
    noun = None if m is None else next((n.group(1) for n in reversed(list(_ORDINAL_NOUN.finditer(sentence, 0, at)))), None)
    return phrase if noun is None else phrase[:m.end()] + " " + noun + phrase[m.end():]


_SURVIVED_WORD = re.compile(r"(?i)\b(?:survived|survives|survive|passed|passes|made\s+it\s+through|"
                            r"(?:consistent|compatible)\s+with|"  # ("in every world consistent with the three …")
                            r"makes\s+it\s+through|"
                            r"gets\s+past|got\s+past)\s+(?=the\s+(?:first|second|third|last|final|opening)\s+"
                            r"(?:statement|announcement|remark|reply|line|round)\b|"
                            r"(?:all\s+)?the\s+(?:two|three|four|five|\d)\s+"
                            r"(?:statements|announcements|[\"“][^\"“”\n]{1,30}[\"”]\s*[’']?s)\b)")
# (or all of them: 'every case that survives the three "I don't know"s')


# "<statement> (also) rules out …", "… are eliminated by <statement>", "<statement>排除了…", "…被<statement>排除"
_CREDIT_VERB = r"(?:rules?|ruled)\s+out|eliminat(?:es|ed)|remov(?:es|ed)|exclud(?:es|ed)|dispos(?:es|ed)\s+of|" \
               r"gets?\s+rid\s+of|kills?(?:\s+off)?|knocks?\s+out|throws?\s+out|wipes?\s+out|strikes?\s+out|" \
               r"takes\s+care\s+of|took\s+care\s+of|weeds?\s+out|weeded\s+out|takes?\s+out|took\s+out|" \
               r"clears?\s+out|cleared\s+out"
_CREDIT_VERBS = re.compile(r"(?i)\b(?:" + _CREDIT_VERB + r")\b")
_CHUNK_START = re.compile(r"[,.;:!?()\n，。；：！？（）]")
_ADVERBS = re.compile(r"(?i)(?:\s+(?:also|therefore|then|thus|already|now|immediately|just|further|in\s+turn|alone|"
                      r"really|actually|simply))+\s*$|\s+$")
_CREDIT_ZH_VERBS = re.compile(r"(?:一说出来|一出)?[，,]?(?:就|也|又|便|已经|同时|直接)*(?:" + ZH_REMOVING + r")了?")


# "<statement> (alone) fixes / pins down / settles / narrows …": what the statement leaves, dated at it
_SETTLES = re.compile(r"(?i)\b(?:fix(?:es|ed)|pins?\s+down|pinned\s+down|pins|settles?|settled|narrows?|narrowed|"
                      r"nails?\s+down|singles?\s+out|leaves\s+only)\b")
# A speaker's not knowing as a subject: "所以第一位不知道", "第二位也说不知道", "Albert doesn't know", "since Bo didn't know"
_IGNORANT = re.compile(r"[\W\d]*(?:(?i:so|and|thus|hence|since|because|the\s+fact\s+that)\s+|所以|因此|那么|既然|因为|而)?"
                       r"(?P<who>[^\W\d_]{1,12}?)\s*(?:先生)?\s*(?:也|还|仍然|依然|起初|一开始|(?i:also|still|at\s+first)\s+)*"
                       r"(?:说|(?i:says|said)\s+(?:that\s+)?(?:he|she|they)\s+)?"
                       r"(?:不知道|(?i:doesn't|does\s+not|didn't|did\s+not|can't|cannot|couldn't)\s+know)\W*")


def _ignorance_stage(aligner: Aligner, subject: str, current: int | None) -> int | None:
    """The statement a subject "<speaker> doesn't know" ("第一位不知道", "Bo also didn't know") stands for: the one
    of that speaker's statements up to the stage after `current` that says they don't know (of several, the one at
    `current` or the next); else None."""
    m = _IGNORANT.fullmatch(subject)
    if m is None or current is None:
        return None
    toks = tokens(aligner.lexicon, m.group("who"))
    if len(toks) != 1 or toks[0].kind != "agent":
        return None
    puzzle = aligner.lexicon.puzzle
    own = [k for k in range(1, min(current + 1, len(puzzle.announcements)) + 1)
           if puzzle.announcements[k - 1].speaker == toks[0].payload and
           any(_ignorance_of(p, toks[0].payload) for p in statement_parts(puzzle.announcements[k - 1].said))]
    near = own if len(own) == 1 else [k for k in own if k >= current]
    return near[0] if len(near) == 1 else None


def teaches(text: str) -> bool:
    """Whether a step says what a statement teaches ("From Albert's statement we learn …", "Q's reply tells us …",
    "从第一位这句话我们得知"): a quick test before the claims of the step are dated (a cheap regex, not common words)."""
    return _TEACHES_QUICK.search(text) is not None or _LEARNED.search(text) is not None


# "<statement> tells us / shows / means / 告诉我们 / 说明 …": what the statement teaches, dated at it
_TEACHES = re.compile(r"(?i:\b(?:tells?\s+us|told\s+us|shows?(?:\s+us)?|showed(?:\s+us)?|reveals?|revealed|implies|"
                      r"implied|means|meant|lets\s+us\s+(?:conclude|deduce|infer)|teaches\s+us)\b)|"
                      r"告诉(?:了)?我们|说明了?|表明了?|意味着")
# "from <statement> (,) we learn / know / conclude …", "从<statement>(中)我们得知 / 可知 / 看出 …"
_LEARNED = re.compile(r"(?i:\b(?:from|by)\s+(?P<en>[^,.;:!?\n]{2,60}?)\s*,?\s+(?:we|I|one|you)\s+(?:(?:can|could|now|"
                      r"then|immediately|already|also|thus|therefore|so)\s+)*(?:learn|know|see|conclude|deduce|infer|"
                      r"tell|gather|get|find\s+out|work\s+out)\b)|"
                      r"从(?P<zh>[^，,。；;：:！？\n]{1,30}?)(?:中|里|当中)?[，,]?(?:我们|可以|就|便|能|立刻|马上)*"
                      r"(?:得知|可知|知道|看出|推出|推断出|得出|判断出)")
# (a statement noun a few words before the verb: the quick test of `teaches`)
_TEACHES_QUICK = re.compile(r"(?i:(?:statement|announcement|remark|reply|response|claim|answer|words|line|silence|"
                            r"admission)\W{1,3}(?:\w+\W+){0,3}?(?:tells?|told|shows?|showed|reveals?|revealed|implies|"
                            r"implied|means|meant|lets\s+us|teaches)\b)|(?:话|句|发言|回答|声明)[^，。,.]{0,6}"
                            r"(?:告诉|说明|表明|意味着)|不知道[，,]?(?:这)?(?:说明|表明|意味着)|"
                            r"(?i:n't\s+know,?\s+(?:which\s+)?(?:means|implies|shows|tells\s+us)\b)")
_STATEMENT_NOUN = re.compile(r"(?i:statement|announcement|remark|reply|response|claim|hint|comment|admission|answer|"
                             r"words|line|silence|silent|round|question|certainty|confidence|assurance|insistence|"
                             r"saying|says|said|admitting|admits|announcing|declaring)|话|句|沉默|发言|声明|回答|轮|宣告|公告")


_CIRCLED = re.compile(r"[①-⑨]")
# A possessive whose noun is left out: "Bob's" in "Alice's statement removes b = c, Bob's removes a = c"
_ELIDED_NOUN = re.compile(r"(?i:(?:and|then|while|but)\s+)?(?:Mr\.?\s+)?[A-Z][\w.]{0,15}(?:'s|’s)"
                          r"(?:\s+(?i:first|opening|second|third|last|final))?")  # ("…, Albert's last removes April")


# A possessive, an ordinal and a quote: 'P's opening "I don't know"', "Bo's second 'now I know'"
_NTH_QUOTED = re.compile(r"(?i:(?:'s|’s)\s+(first|second|third|opening|initial|closing|last|final))\s*[“\"'「]")


_CLEFT = re.compile(r"(?i:\bit\s+(?:is|was|'s|’s)\s+(?:really\s+|actually\s+|only\s+)?(?P<x>[^,;:.]{2,60}?)"
                    r"(?:\s*,\s*(?:and\s+)?not\s+[^,;:.]{1,40},)?\s+that\s*$)")


def _subjects(sentence: str, verbs: re.Pattern, reach: int, topic: bool = False,
              label: bool = False) -> list[tuple[int, str]]:
    """(offset, subject) for each verb match: the text before it back to the chunk's start (at most `reach`
    characters), without the adverbs next to the verb; with `topic`, the clause before a comma right before it; with
    `label`, a list line's label when the verb opens what follows its colon.
    Verbs are found first: a lazy subject pattern tried at every offset was the auditor's slowest regex."""
    def chunk_start(at: int) -> int:  # the start of the chunk ending at `at`, at most `reach` characters back
        opening = max(0, at - reach)
        return max((c.end() for c in _CHUNK_START.finditer(sentence, opening, at)), default=opening)
    out = []
    for m in verbs.finditer(sentence):
        start = chunk_start(m.start())
        subject = _ADVERBS.sub("", sentence[start:m.start()]).strip()
        if not subject and topic and start > 0 and sentence[start - 1] in "，,":  # "所以第一轮没人站出来，其实没有带来任何
            # 新信息": the clause before the comma is what brings nothing
            start = chunk_start(start - 1)
            subject = _ADVERBS.sub("", sentence[start:m.start()]).strip(" ，,")
        if not subject and not topic and start > 1 and sentence[start - 1] == ",":  # "Albert's statement, read
            # together with his admission …, also knocks out July 14": the subject before an aside set off by commas
            aside = sentence.rfind(",", max(0, start - 2 * reach), start - 1) + 1
            if aside > 1 and _ASIDE_OPENING.match(sentence, aside):
                start = chunk_start(aside - 1)
                subject = sentence[start:aside - 1].strip()
        if subject.lower() == "that" and (cleft := _CLEFT.search(sentence, max(0, m.start() - 2 * reach), m.start())):
            start, subject = cleft.start("x"), cleft.group("x")  # "It is Albert's last line, not Bernard's, that
            # rules out July 14": what the cleft puts first
        if label and len(_ZH_ADVERBS.sub("", subject)) < 2 and start > 0 and sentence[start - 1] in ":：":
            head = _LINE_LABEL.search(sentence, 0, start - 1)  # "- 比尔：再去掉 b = 1、b = 9": the line's label
            if head is not None:
                start, subject = head.start("label"), head.group("label")
        if len(subject) >= 2 or subject in ("这", "它"):  # ("…，这就排除了4月和6月")
            out.append((start, subject))
    return out


# An aside between a subject and its verb: "read together with …", "taken with …", "combined with …", "in turn"
_ASIDE_OPENING = re.compile(r"(?i)\s*(?:read|taken|combined|together|along|coupled|paired|joined|in\s+turn|in\s+effect|"
                            r"in\s+other\s+words|that\s+is|i\.e\.|on\s+its\s+own|by\s+itself|alone)\b")
_ZH_ADVERBS = re.compile(r"[再又也还就先便都]")
# The label a list line opens on, before its colon: "- 安妮第一句", "2. **Bill**", "* Q's reply"
_LINE_LABEL = re.compile(r"(?:^|\n)[^\S\n]*(?:[-*•]|\d+[.)、])?[^\S\n]*(?:\*\*)?(?P<label>[^\n:：*]{1,30}?)(?:\*\*)?[^\S\n]*$")


def exact_credit(text: str, start: int, end: int) -> bool:
    """Whether an elimination credited in text[start:end] is said to remove what it names and nothing else ("which
    removes June 18 and May 19 and nothing else", "Albert's statement removes only the 18th and the 19th", "只排除了
    5月19日和6月18日"), from the verb before the claim to the end of its clause."""
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
    m = _SENTENCE.search(text, end)
    b = m.start() if m else len(text)
    return _ONLY_VERB.search(text, a, end) is not None or _NOTHING_ELSE.search(text, start, min(b, end + 40)) is not None


# "removes only …", "only rules out …", "只排除了…", "仅去掉…"; "… and nothing else", "… but no other date"
_ONLY_VERB = re.compile(r"(?i:\b(?:rules?\s+out|ruled\s+out|removes?|removed|eliminates?|eliminated|excludes?|excluded|"
                        r"kills?|drops?|takes?\s+out|knocks?\s+out|strikes?\s+out)\s+(?:only|exactly|just)\b"
                        r"(?!\s+(?:what|as\s+much|the\s+right)\b)|"  # (not "each step removes exactly what it should")
                        r"\b(?:only|just)\s+(?:removes?|"
                        r"rules?\s+out|eliminates?|excludes?|kills?|drops?|takes?\s+out|knocks?\s+out)\b)|"
                        r"(?:只|仅|仅仅|只是)(?:需|需要|要|用)?(?:" + ZH_REMOVING + r")")
_NOTHING_ELSE = re.compile(r"(?i:\b(?:and|but)\s+(?:nothing\s+else|no\s+others?\b|no\s+other\s+\w+|not\s+\w+\s+else))|"
                           r"(?:其他|别的|其余)的?(?:都|一个也)?(?:不|没有)(?:排除|受影响|动)")


def credit_stage(aligner: Aligner, text: str, start: int, end: int, current: int) -> tuple[int, ...] | None:
    """The announcements an elimination in the sentence of text[start:end] is credited to: the one its subject (or
    the agent of its passive) names, then, for "Ali's statement" when Ali makes several, his others (`current`, the
    stage the trace is at, picks the first: his statement just reached or the next); None when none is named.
    Memoised per step, span and stage."""
    return aligner.memoised(("@credit", text, start, end, current),
                            lambda: _credit_stage(aligner, text, start, end, current))


def _credit_subject(text: str, start: int, end: int) -> tuple[str, str | None]:
    """(the sentence of text[start:end], the subject of the elimination nearest before the claim's end, or None)."""
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
    m = _SENTENCE.search(text, end)
    sentence = text[a:m.start() if m else len(text)]
    passives = [(m.start(), next(g for g in m.groups() if g)) for pat in (CREDIT_BY, CREDIT_ZH_BY)
                for m in pat.finditer(sentence)
                if _DENIED_BY.search(sentence, max(0, m.start() - 12), m.start()) is None]
    # (not "5月16日不是被伯纳德这句话排除的": a credit denied)
    found = sorted(passives +
                   _subjects(sentence, _CREDIT_VERBS, 60, label=True) +
                   _subjects(sentence, _CREDIT_ZH_VERBS, 30, label=True))
    found = [(at, phrase) for at, phrase in found if _DENIED_PASSIVE.search(phrase) is None and
             _MODAL_ONLY.fullmatch(phrase) is None and _BY_THEN.search(phrase) is None]  # ("由…这半句，可以排除…":
    # "可以" is no subject; "第二句话时5月已被排除": gone by then, not by it)
    before = [(at, phrase) for at, phrase in found if a + at < end and
              _NEW_CONCLUSION.search(text, a + at, start) is None]  # ("第一次沉默排除了只有1个的情况，而有泥的孩子恰好在这之后
    # 知道，就说明不是3个或更多": a conclusion of its own, drawn from another reason, not what the silence removed)
    if not before:  # "和为偶数的情况，在P说第一句话的时候就已经被排除了": a passive's agent after what it removed
        after = [(at, phrase) for at, phrase in passives if a + at >= end]
        return sentence, (min(after)[1] if after else None)
    return sentence, before[-1][1]


_HALF_WORD = re.compile(r"半句|(?i:\b(?:half|clause)\b)")
_NAMED_BY_QUOTE = re.compile(r"(?:那句|这句|的)\s*[“「]")  # a statement named, then quoted: "伯纳德那句“起初我不知道”"
_BY_THEN = re.compile(r"(?:时|时候)[^，,。；;就]{0,8}已(?:经)?被?\s*$")  # (but "在第一句话的时候就已经被排除了": by it)
_MODAL_ONLY = re.compile(r"\W*(?:可以|能够|能|就|也|便|都|已经|还)+\W*")
_DENIED_PASSIVE = re.compile(r"(?:不是|并非|并不是)\s*(?:被|由)")  # "5月16日不是被伯纳德这句话排除的": not by it
_DENIED_BY = re.compile(r"(?:不是|并非|并不是)\s*$|(?i:\b(?:not|never)\s+(?:been\s+|already\s+)?$|n't\s+(?:been\s+)?$)")
_NEW_CONCLUSION = re.compile(r"[，,；;]\s*(?:而|但|并且|同时)[^，,；;。]{0,40}[，,]\s*(?:就|也就|这就|那就)?(?:说明|意味着|表明)")
_QUOTE_SUBJECT = re.compile(r"(?:[“\"「『][^”\"」』\n]{4,}[”\"」』]|(?<!\w)['‘][^\n]{4,60}?['’])\s*$")  # a subject that
# ends on a quote (in single quotes too: "her 'I don't know'")


# A quote that reports a speaker's not knowing in the third person: 'So "Bob doesn't know" rules out a = c',
# '“鲍勃不知道”排除了 a = c'
_QUOTED_IGNORANCE = re.compile(r"[“\"「『'‘]\s*(?P<who>[^\W\d_][\w.]{0,15}?)\s*(?:先生)?\s*"
                               r"(?:(?i:still\s+)?(?i:doesn't|doesn’t|does\s+not|didn't|didn’t|did\s+not)\s+know\b|"
                               r"(?:还是|仍然|也|起初|一开始)?不知道)[^”\"」』'’\n]{0,24}[”\"」』'’]\s*$")


def _first_person(aligner: Aligner, phrase: str | None) -> str | None:
    """A credit's subject with a quote of a speaker's not knowing in the third person put in the speaker's own words
    ('So "Bob doesn't know"' as 'Bob's "I don't know"'), so that it names his statement, or the clause of it."""
    m = _QUOTED_IGNORANCE.search(phrase) if phrase is not None else None
    toks = tokens(aligner.lexicon, m.group("who")) if m is not None else ()
    if len(toks) != 1 or toks[0].kind != "agent" or (toks[0].start, toks[0].end) != (0, len(m.group("who"))):
        return phrase
    zh = m.group(0)[0] in "“「『" and not m.group("who").isascii()
    return phrase[:m.start()] + (f"{m.group('who')}说“我不知道”" if zh else f"{m.group('who')}'s \"I don't know\"")


def _credit_stage(aligner: Aligner, text: str, start: int, end: int, current: int) -> tuple[int, ...] | None:
    sentence, phrase = _credit_subject(text, start, end)
    phrase = _first_person(aligner, phrase)
    quoted = _quoted_before(text, start) if phrase is not None and _THIS_STATEMENT.fullmatch(phrase) else None
    if phrase is not None and (_HALF_WORD.search(phrase) is not None or _NAMED_BY_QUOTE.search(phrase) is not None) \
            and aligner.quoted_part_index(phrase) is not None:
        return None  # ('由阿尔伯特“我不知道”这半句', '伯纳德那句“起初我不知道”本身': the clause quoted, quoted_credit's)
    if quoted is not None:  # '父亲说“至少一个有泥”：这句话排除了…': the statement quoted is what is credited
        if aligner.quoted_part_index(quoted) is not None:
            return None  # ('“起初我不知道”说明…，这就排除了…': one clause of it, quoted_credit's)
        phrase = quoted
    elif phrase is not None and len(circled := _CIRCLED.findall(phrase)) == 1 and \
            0 < (n := circled_place(circled[0])) <= len(aligner.quotes):
        return (n,)  # "所以整组梅花在②被去掉", "② removes spades": the statement numbered so in the trace's own list
    elif phrase is not None and _ELIDED_NOUN.fullmatch(phrase) is not None:
        phrase += " statement"  # "Alice's statement removes b = c, Bob's removes a = c": the noun said once
    elif phrase is not None and (gerund := _NOT_KNOWING.search(phrase)) is not None:
        phrase = phrase[:gerund.start()] + "'s statement"  # "So Bill not knowing removes a = 1 and a = 9": his
        # "I don't know", the statement his not knowing is
    elif phrase is not None and (nth := _NTH_QUOTED.search(phrase)) is not None:
        phrase = phrase[:nth.end(1)] + " statement"  # 'P's opening "I don't know" also rules out Q♥': his first
    elif phrase is not None and _RESPECTIVELY.search(sentence) is None and \
            (only := _only_statement(aligner, phrase)) is not None:
        return (only,)  # "b = c 被爱丽丝排除", "ruled out by Alice": a speaker of one statement, by name alone
    elif phrase is not None and _STATEMENT_NOUN.search(phrase) is None and _QUOTE_SUBJECT.search(phrase) and \
            (located := aligner.locate(phrase, current))[1] == "quote" and located[0]:
        if aligner.quoted_part_index(phrase) is not None:
            return None  # ('Albert's "I don't know" rules out …' as the trace opens: one clause, quoted_credit's)
        return (located[0],)  # '"We still don't know your age" already rules out …', 'Their first "we still don't
        # know" …': the whole statement quoted as the subject
    elif phrase is not None and _PRONOUN_QUOTE.search(phrase) is not None and \
            len(own := _referent_statements(aligner, text, text.rfind(phrase, 0, end))) == 1:
        return (own[0],)  # "I'm considering Alice, … her 'I don't know' removes every case with b = c": the statement
        # of the one agent the step names, who makes one
    elif phrase is not None and _BA.match(phrase) is not None:
        clause = _PIECE.split(sentence[:sentence.rfind(phrase)].rstrip(" ，,"))[-1]
        k = aligner.anchor(clause, current) if clause and _SAYS_ZH.search(clause) is not None else None
        return None if k is None else (k,)  # '第一位说不知道，就把“红白红”也排除了': the speech before a 把-removal
    elif phrase is not None and _THIS_STEP.fullmatch(phrase) is not None and 0 < current:
        return (current,)  # "所以这一步只去掉 (1,0) 和 (9,10)" under Bill's quoted line: the statement in hand
    elif phrase is None or _STATEMENT_NOUN.search(phrase) is None:
        return None  # the elimination nearest the claim, credited to a statement, a silence, a remark
    k = aligner.anchor(phrase, current)
    if k is None:  # ("P's statement" with the trace past both of P's: either of them)
        return aligner.speaker_statements(phrase) or None
    return (k,) + tuple(j for j in aligner.speaker_statements(phrase) if j != k)  # "Ali's statement": either of his


_PRONOUN_QUOTE = re.compile(r"(?i:\b(?:his|her|their)\s+)(?:[“\"「][^”\"」\n]{2,60}[”\"」]|['‘][^\n]{2,60}?['’])\s*$")


def _referent_statements(aligner: Aligner, text: str, at: int) -> list[int]:
    """The statements of the one agent the step names before `at` (none when it names several: "Bob's reasoning
    also uses Alice's statement. So his …" leaves "his" open)."""
    named = {t.payload for t in aligner.lexicon.scan(text[:max(0, at)]) if t.kind == "agent"}
    return aligner.statements_of(named.pop()) if len(named) == 1 else []


_NOT_KNOWING = re.compile(r"(?i:(?:['’]s)?\s+(?:not\s+knowing|ignorance|being\s+unsure|uncertainty)\s*$)")
_RESPECTIVELY = re.compile(r"(?i:\brespectively\b|\bin\s+turn\b)|分别|依次")  # several credits paired in order


def _only_statement(aligner: Aligner, phrase: str) -> int | None:
    """The one statement of the speaker a phrase is the bare name of ("爱丽丝", "Alice"), or None."""
    toks = tokens(aligner.lexicon, phrase)
    if len(toks) != 1 or toks[0].kind != "agent" or (toks[0].start, toks[0].end) != (0, len(phrase)):
        return None
    own = aligner.statements_of(toks[0].payload)
    return own[0] if len(own) == 1 else None


def quoted_credit(aligner: Aligner, text: str, start: int, end: int) -> tuple[int, int] | None:
    """(k, i) when the elimination in the sentence of text[start:end] is credited to a quoted clause of statement
    k ("Albert's "I don't know" already rules out March and May", "阿尔伯特说「我不知道」，就已经排除了3月和5月"), else
    None. Memoised per step and span."""
    return aligner.memoised(("@quoted credit", text, start, end), lambda: _quoted_credit(aligner, text, start, end))


def _quoted_credit(aligner: Aligner, text: str, start: int, end: int) -> tuple[int, int] | None:
    sentence, phrase = _credit_subject(text, start, end)
    phrase = _first_person(aligner, phrase)
    if phrase is None or NOTHING.search(sentence) is not None or _GONE_ALREADY.search(sentence) is not None:
        return None  # ("Bernard's "at first I didn't know" removes nothing extra here: 18 and 19 were gone"; "that
        # excludes 28 and 29, which are already gone": what the clause says, granted to be no removal)
    if _PRONOUN.fullmatch(phrase) is not None or _THIS_STATEMENT.fullmatch(phrase) is not None:
        phrase = _quoted_before(text, start) or phrase  # '- "At first I don't know": … That eliminates March and
        # May', '“起初我不知道”说明…，这就排除了4月和6月': the quote earlier on the line
    return aligner.quoted_part_index(phrase)


# A paragraph that opens on one half of the statement just quoted: "先看前半句，阿尔伯特不知道。", "First half: …"
_HALF_LABEL = re.compile(r"[\W\d]*(?:先看|再看|看)?(前|后)半句|[\W\d]*(?i:(?:the\s+|its\s+)?(first|second)\s+(?:half|clause)\b)")
_HALF_MENTION = re.compile(r"(前|后)半句|(?i:\b(first|second)\s+(?:half|clause)\b)")


def half_credit(aligner: Aligner, text: str, start: int, end: int, stage: int) -> tuple[int, int] | None:
    """(k, i) when the line of text[start:end], or its sentence, opens on half i of statement k = `stage`, the one the
    trace stands at ("先看前半句，阿尔伯特不知道。这说明日子不可能是18号": the removal the line draws is credited to that
    half alone), else None (and for values granted to be gone: "The first half only excludes 13 and 20, which are
    already gone"). A later sentence of the line that opens on the other half takes over ("前半句没什么信息量。后半句才
    是关键：…。所以5月、6月整体排除"); one that names it elsewhere leaves the credit unsure ("…。关键在后半句。")."""
    line = text.rfind("\n", 0, start) + 1
    sentences = [line, *(s.end() for s in _SENTENCE.finditer(text, line, start))]
    if _HALF_LABEL.match(text, sentences[-1]) is None and _HALF_LABEL.match(text, line) is None or \
            not 0 < stage <= len(aligner.quotes):
        return None
    m = next(h for at in reversed(sentences) if (h := _HALF_LABEL.match(text, at)) is not None)
    half = 0 if (m.group(1) or m.group(2).lower()) in ("前", "first") else 1
    if any((n.group(1) or n.group(2).lower()) in (("后", "second") if half == 0 else ("前", "first"))
           for n in _HALF_MENTION.finditer(text, m.end(), start)):
        return None
    sentence, _ = _credit_subject(text, start, end)
    if NOTHING.search(sentence) is not None or _GONE_ALREADY.search(sentence) is not None:
        return None
    parts = statement_parts(aligner.lexicon.puzzle.announcements[stage - 1].said)
    return (stage, half) if len(parts) == 2 else None


# A reason clause that opens the sentence on the speaker's own ignorance: "Since Albert doesn't know, the day cannot be
# 18 or 19", "伯纳德起初不知道，所以5月和6月整个被排除了": the removal drawn from that half of the statement alone
_REASON_IGNORANCE = re.compile(r"[\W\d]*(?:(?i:since|because|as|given\s+that)\s+|因为|既然|由于)?(?P<who>[^\W\d_]{1,12}?)\s*"
                               r"(?:先生)?\s*(?:起初|一开始|原来|最初|(?i:at\s+first\s+))?(?:(?i:doesn't|does\s+not|"
                               r"didn't|did\s+not)\s+know\b|不知道)(?P<tail>[^,，.。;；:：!?！？\n]{0,30})[,，:：]")
_KNOW_AGAIN = re.compile(r"(?i:\bkn(?:ow|ows|ew)\b|\bsure\b|\bcertain\b)|知道|确定")


def reason_credit(aligner: Aligner, text: str, start: int, end: int, stage: int) -> tuple[int, int] | None:
    """(k, i) when the sentence of text[start:end] draws its removal from the speaker of statement k = `stage` not
    knowing, half i of that statement ("Since Albert doesn't know, the day cannot be 18 or 19"), else None (and when
    the other half is given too, or the values are granted to be gone already)."""
    m = _ignorance_reason(_REASON_IGNORANCE, text, start, end) if 0 < stage <= len(aligner.quotes) else None
    if m is None:
        return None
    said = aligner.lexicon.puzzle.announcements[stage - 1]
    who = [t.payload for t in tokens(aligner.lexicon, m.group("who")) if t.kind == "agent"]
    parts = statement_parts(said.said)
    if who != [said.speaker] or len(parts) != 2:
        return None
    own = [i for i, p in enumerate(parts) if _ignorance_of(p, said.speaker)]
    return (stage, own[0]) if len(own) == 1 else None


# A reason clause that opens the sentence on a speaker saying he does not know: "P说不知道，所以Q的花色不可能是黑桃或梅花",
# "Since P says he doesn't know, …"
_SAID_IGNORANCE = re.compile(r"[\W\d]*(?:(?i:since|because|as|given\s+that)\s+|因为|既然|由于)?(?P<who>[^\W\d_]{1,12}?)\s*"
                             r"(?:先生)?\s*(?:(?i:says|said|answers|answered|replies|replied|admits|admitted)\s+"
                             r"(?:that\s+)?(?:he|she)\s+|说|回答|表示|先说)"
                             r"(?:(?i:doesn't|does\s+not|didn't|did\s+not)\s+know\b|不知道)"
                             r"(?P<tail>[^,，.。;；:：!?！？\n]{0,30})[,，:：]")


_SUPPOSING_BEFORE = re.compile(r"(?i:\b(?:suppose|supposing|assume|assuming|imagine|if)\b)|假设|假如|如果|要是|设想")


def ignorance_credit(aligner: Aligner, text: str, start: int, end: int) -> int | None:
    """The statement k an elimination in the sentence of text[start:end] is drawn from when the sentence opens on its
    speaker saying he does not know ("P说不知道，所以Q先生手里的花色不可能是黑桃或梅花") and k is the one statement of
    his that says only that (a statement of no speaker: one that says only his ignorance); else None (and when the
    values are granted to be gone already)."""
    m = _ignorance_reason(_SAID_IGNORANCE, text, start, end)
    if m is None or _SUPPOSING_BEFORE.search(text, 0, m.start()) is not None:
        return None  # ("假设我戴的是红帽子。那么…但第一位说不知道，所以第二位不是红的": inside the supposition)
    who = [t.payload for t in tokens(aligner.lexicon, m.group("who")) if t.kind == "agent"]
    if len(who) != 1:
        return None
    own = [k for k, said in enumerate(aligner.lexicon.puzzle.announcements, start=1)
           if said.speaker in (who[0], None) and
           len(parts := statement_parts(said.said)) == 1 and _ignorance_of(parts[0], who[0])]
    return own[0] if len(own) == 1 else None


def _ignorance_reason(pattern: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    """The reason clause of `pattern` ("Since Albert doesn't know, …", "P说不知道，…") that opens the sentence of
    text[start:end] before the claim, with no other knowing between it and the claim, in a sentence that does not
    grant the values gone already; else None. (Called for every exclusion not credited otherwise: no sentence scan
    without a knowing word.)"""
    if "know" not in text.lower() and "不知道" not in text:
        return None
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
    m = pattern.match(text, a)
    if m is None or m.end() > start or _KNOW_AGAIN.search(text, m.start("tail"), start) is not None:
        return None
    sentence, _ = _credit_subject(text, start, end)
    if NOTHING.search(sentence) is not None or _GONE_ALREADY.search(sentence) is not None:
        return None
    return m


def _ignorance_of(part, speaker: str) -> bool:
    """Whether a statement's part says its speaker does not know (now or at first)."""
    body = part.body if isinstance(part, Past) else part
    return isinstance(body, Not) and isinstance(body.body, Knows) and body.body.agents == (speaker,)


def _quoted_before(text: str, start: int) -> str | None:
    """The last quote on the line before `start` with the words just before it (its speaker, if named), or None."""
    a = text.rfind("\n", 0, start) + 1
    if _QUOTE_LABEL.match(text, a) is None:  # (unless a quote labels the line, only the sentence before and this one:
        # 'Albert\'s "I don\'t know" is automatic … he knows Bernard doesn\'t know. … That rules out May and June' is
        # what he knows, three sentences on)
        ends = [m.end() for m in _SENTENCE.finditer(text, a, start)]
        a = ends[-2] if len(ends) >= 2 else a
    found = list(QUOTES.finditer(text, a, start))
    if not found:
        return None
    q = found[-1]
    before = text[max(a, q.start() - 16):q.start()]
    cut = max(before.rfind(c) for c in "”」\"。，,.;；:：")
    return before[cut + 1:] + q.group(0)


# Values granted to be gone already: "which are already gone", "28 and 29, already excluded with April", "已经被排除" (not
# "就已经排除了", a removal claimed)
_GONE_ALREADY = re.compile(r"(?i:(?:\b(?:are|were|was|is|being)|[,;(—–])\s*already\s+(?:gone|out|eliminated|removed|"
                          r"excluded|ruled\s+out)\b|\balready\s+gone\b)|(?:已经|早就|早已)被(?:排除|去掉)|"
                          r"(?<![就便])已被(?:排除|去掉)|已经不在了?|已经没了")  # ("第二句话时5月已被排除")
# A line labelled by a quote: '- "At first I don't know": …', '* “我现在知道了” → …'
_QUOTE_LABEL = re.compile(r"[\s\-*•>]*(?:\*\*)?\s*(“[^”\n]{2,60}”|\"[^\"\n]{2,60}\"|「[^」\n]{2,60}」)\s*(?:\*\*)?\s*"
                          r"(?:[:：—–→]|->)")


# "<statement> adds no new information", "… rules out nothing (new)", "<statement>排除不了任何情况": the statement removes
# no world at all
# What a statement could remove, counted: "doesn't remove any world", "removes no candidates"
_ITEMS = r"(?:worlds?|cases?|candidates?|values?|dates?|cards?|pairs?|triples?|options?|possibilit(?:y|ies))\b"
_NOT_EVEN = r"(?:doesn't|does\s+not|didn't|did\s+not|can't|cannot|won't|couldn't)\s+(?:really\s+|actually\s+|even\s+)?"
_NOTHING_VERBS = re.compile(
    r"(?i)\b(?:(?:adds|gives|provides|brings|yields|carries|conveys|offers)\s+no\s+(?:new\s+|further\s+|additional\s+|"
    r"extra\s+)?(?:information|info|constraint)\b(?!\s+(?:about|on|regarding|as\s+to))|"
    r"(?:rules?|ruled)\s+(?:out\s+)?nothing|(?:eliminates|removes|excludes|changes)\s+(?:nothing|no\s+" +
    _ITEMS + r")|" + _NOT_EVEN + r"(?:rule\s+out|eliminate|remove|exclude|change|cut|drop)\s+(?:anything|any\s+"
    r"(?:single\s+)?" + _ITEMS +
    r")|" + _NOT_EVEN +
    r"rule\s+anything\s+(?:new\s+|else\s+|further\s+)?out)")  # ("doesn't really rule anything out")
_NOTHING_ZH_VERBS = re.compile(r"(?:也|就|并|都|其实|实际上)?(?:排除不了任何|(?<!就)排除不了什么|没有排除任何|不排除任何|"
                               r"(?:不能|无法)再?排除任何|没有带来任何新|没有提供任何新|没有新的?信息|什么也没(?:有)?排除|什么都没(?:有)?排除)")
# "…, so Q's statement holds for all nine cards, and nothing is eliminated": a passive, its subject the sentence so far
_NOTHING_PASSIVE = re.compile(r"(?i)\bnothing\s+(?:at\s+all\s+)?(?:is|gets|got|was|has\s+been)\s+(?:eliminated|removed|"
                              r"ruled\s+out|excluded|crossed\s+(?:off|out))\b")
_RESTRICTED = re.compile(r"(?i:\s+(?:new\s+)?(?:from|among|within|in|of)\s+(?:those|these|them|that|this|such|the\s+"
                         r"(?:remaining\s+)?\w+\s+(?:that|which|whose|with)|the\s+(?:middle|centre|center|inner|interior)\b))")
# ("Bill's statement doesn't remove anything in the middle": nothing of some values)
NOTHING = re.compile(r"(?i:\bno\s+(?:new\s+|further\s+|additional\s+|extra\s+)?(?:information|info|constraint)|nothing|"
                     r"anything|\b(?:any|no)\s+(?:single\s+)?" + _ITEMS + r")|"
                     r"任何|新的?信息|什么[也都]没|排除不了什么")  # a quick test before the patterns
# ("这一轮其实排除不了什么"; not "没有这句话，第一次沉默就什么也排除不了": what would follow, a counterfactual)
_PERSONAL = re.compile(r"(?i:\b(?:for|to)\s+(?:him|her|them|each\s+(?:of\s+)?\w+|that\s+child|the\s+child)\b|"
                       r"\bfrom\s+(?:his|her|their)\s+(?:point\s+of\s+view|perspective)\b)|"
                       r"对(?:他|她|他们|她们|每个\S{0,4})(?:来说|而言)|"
                       r"对(?:他|她|他们|她们)(?:也|都|并|而言)?没有")  # ("对他没有新信息")
# A sentence supposing a case before its claim: "if …", "With three muddy children, …", "三个或四个有泥就…"
_CASE_OPENING = re.compile(r"(?i:\b(?:if|suppose|supposing|assuming|with\s+(?:\w+\s+){0,2}muddy|in\s+that\s+case)\b)|"
                           r"如果|假如|假设|要是|那样|这样的话|那种情况下|"  # ("那样S的话不排除任何数对": the case supposed before)
                           r"[一两二三四五六七八九\d]个(?:或[一两二三四五六七八九\d]个)?(?:孩子|人)?(?:都)?有泥(?:的话|时)?[，,]?就")
_PART = re.compile(r"(?i:\bpart\b|\bhalf\b|\bclause\b|\blayer\b)|部分|前半|后半|第[一二]层|这一层")  # ("第一层是他自己不
# 知道，这个没有排除任何东西": one layer of the statement)


# "this statement", "这句话", "这": what a quote just before it said
_THIS_STATEMENT = re.compile(r"(?i:(?:and\s+|so\s+)?(?:this|that|the)\s+(?:statement|remark|line|admission|"
                             r"announcement))|这句话?|这句|这话|这|这个|那句话?")
_BA = re.compile(r"(?:就|也|又|便|才)?把")  # a removal's object marked: its reason is the clause before
_PIECE = re.compile(r"[，,；;：:]")
_SAYS_ZH = re.compile(r"说|讲|回答|表示")
_THIS_STEP = re.compile(r"(?i:(?:and\s+|so\s+)?this\s+(?:step|round|turn))|(?:所以|因此|那么)?这一(?:步|轮)(?:只|仅|就|也)?|"
                        r"(?:所以|因此|那么)?这(?:一|个|条)?(?:公开)?(?:宣告|公告)(?:只|仅|就|也)?")  # ("这个公开宣告只删掉…")
_PRONOUN = re.compile(r"(?i:(?:and\s+|so\s+|but\s+)?(?:it|this|that)(?:\s+really|\s+actually)?)|这|这个|它")


# "this statement" with a statement's noun (not a bare "this"): the statement its line is about
_THIS_SILENCE = re.compile(r"(?i:this\s+(?:round(?:'s)?\s+(?:of\s+)?)?silence|this\s+round)|这一?轮(?:的)?沉默|这次沉默|这一?轮")
_SILENT = "nobodystepsforward"  # (a silence's words, folded, as the aligner holds them)
_THIS_NOUN = re.compile(r"(?i:(?:(?:so|and|but|thus|hence)\s*,?\s+)?(?:this|that|the)\s+"
                        r"(?:statement|remark|announcement))|"
                        r"这句话?|这话|那句话?")  # ("So the announcement doesn't remove any world": the line's)


def _statement_of_line(aligner: Aligner, text: str, at: int, current, moved) -> int | None:
    """The statement the line of text[at] gives: its outline line's ("4. Q也知道了：…"), or the stage the line's
    opening reached ("Q says: "Now I know it too." This statement …"; not a quote further on, in a rejected idea);
    None when the line opens on none."""
    line = next((ln for ln in aligner.outline_lines(text) if ln.start <= at < ln.end), None)
    if line is not None:
        return line.stage
    start = text.rfind("\n", 0, at) + 1
    opening = min(at, start + _LINE_OPENING)
    k = current(at)
    return k if k > 0 and moved is not None and current(opening) == k and moved(start, opening) else None


_LINE_OPENING = 40  # characters: where a line names the statement it is about


_IT_AGAIN = re.compile(r"(?i)\bit(?:'s|’s|\s+is|\s+was)\b")


def nothing_records(aligner: Aligner, text: str, current, moved=None) -> list:
    """"The second silence adds no information": claims that an announcement removes nothing, each a credit of no
    values (`("Credit", ks, None)`), judged by strategies.Credit. `current(offset)` is the stage the trace is at;
    `moved(start, offset)` whether text[start:offset] moved it there."""
    out = []
    passive = [(a, text[a:m.start()].strip()) for m in _NOTHING_PASSIVE.finditer(text)
               for a in [max((c.end() for c in _SENTENCE.finditer(text, 0, m.start())), default=0)]]
    found = _subjects(text, _NOTHING_VERBS, 60) + _subjects(text, _NOTHING_ZH_VERBS, 30, topic=True) + passive
    for at, subject in found:
        subject = subject.strip("* ").lstrip("\"”’ ")  # ("**it eliminates nothing**": bold around the clause; a quote
        # closed before it: '… "Now I know it too." This statement rules out nothing')
        if _PRONOUN.fullmatch(subject) is not None:  # "everyone staying put in round 1 is expected, and it doesn't
            # rule anything out": the statement the sentence named before the pronoun
            before = max((m.end() for m in _SENTENCE.finditer(text, 0, at)), default=0)
            subject = text[before:at]
            if _IT_AGAIN.search(subject) is not None:
                continue  # "…, it's automatically true — Albert's statement already …. So it removes nothing": the
                # pronoun goes on from further back, not to the statement this sentence names
            if OTHER_READING.search(subject) is not None or \
                    any(sc.reading in (SUPPOSED, REJECTED) for sc in scopes(subject)):
                continue  # 'A common slip is to read statement 1 as "…"; that removes nothing', "Under that reading
                # it would be empty, …, so it couldn't remove anything": the pronoun is the idea the sentence sets aside
        end = _SENTENCE.search(text, at)
        stop = end.start() if end else len(text)
        part = aligner.quoted_part_index(subject) if '"' in subject or "“" in subject or "「" in subject else None
        if _STATEMENT_NOUN.search(subject) is None and part is None or \
                _PART.search(subject) is not None and part is None or \
                _PERSONAL.search(text, at, min(stop, at + len(subject) + 60)) is not None:
            continue  # "父亲的话对他来说没有新信息", "… doesn't change anything for him": nothing new to one agent; a
            # part of a statement only when a quote says which ('Albert's second clause "I know …" removes nothing')
        opening = max((m.end() for m in _SENTENCE.finditer(text, 0, at + 1)), default=0)  # (`at` may be the space
        # after the sentence before's full stop)
        if _CASE_OPENING.search(text[opening:at] + subject[:4]) is not None:
            continue  # "三个或四个有泥就更不行了，…父亲的话同样没有新信息": nothing new in that case
        if _RESTRICTED.match(text, _NOTHING_VERBS.search(text, at).end() if _NOTHING_VERBS.search(text, at) else at):
            continue  # "P's line removes nothing from those sums": nothing among some worlds, not nothing at all
        if reading_at([sc for sc in scopes(text[opening:stop]) if sc.reading in (SUPPOSED, REJECTED, OTHERS)],
                      at - opening + len(subject), stop - opening) is not None:
            continue  # 'With the "I know now" reading, statement 2 removes nothing': under another reading (or in
            # another's solution quoted: '网上有个解法说：“…没有提供任何新信息。”')
        if OTHER_READING.search(text, 0, at) is not None:
            continue  # "Let me also try the other reading of statement 2. … nothing is eliminated": the same, said
            # in a sentence before
        k = aligner.anchor(subject, current(at))
        if k is None and _THIS_NOUN.fullmatch(subject) is not None:
            k = _statement_of_line(aligner, text, at, current, moved)  # "4. Q也知道了：…，这句话排除不了任何牌"
        if k is None and _THIS_SILENCE.fullmatch(subject) is not None and current(at) > 0 and \
                any(_SILENT in q for q in aligner.quotes[current(at) - 1]):
            k = current(at)  # "第一次问话时…没人站出来…，这一轮沉默不排除任何情况": the silence the trace is at
        if k is None:
            continue
        ks = (k,) + tuple(j for j in aligner.speaker_statements(subject) if j != k)
        key = ("Credit", ks, None) if part is None else ("Credit", (part[0],), None, part[1])  # ('"At first I
        # didn't know" … eliminates nothing new': one clause, of the statement the quote is from)
        out.append(record("credit", key, (), text[at:stop].strip(), at, stop, False, reading=EXCLUSION))
    return out
