"""Tie each step to the announcements it reasons about (0 = before any announcement).

Two things per step. Its `stage`: a step that opens with a quote of announcement k (English or
Chinese text of the puzzle), or with its speaker saying something with the same know / don't-know
structure ("Mr. P says he doesn't know", "P先生说现在知道了"), or with an ordinal cue ("P's second
statement", "第三句"), moves the trace to stage k; other steps stay where the trace is, and an
opening paraphrase only moves forward, so a back-reference does not rewind. And `cues` further in
the step and `reached`: every announcement the text has mentioned so far by any cue anywhere — a
quote (in any tense), a speaker with a speech word or "'s statement", a heading ("### Step 2:
Bernard's statement") — so a claim is judged against every stage from where it stands up to the
latest one the trace has reached, and "premature" means beyond anything the trace has talked about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..language import syntax as s
from .claims import QUOTES, SUPPOSING_WORD, tokens
from .evidence import ALREADY
from .fold import fold, fold_prefix
from .labels import defined_labels, initial_labels, label_mentions
from .keys import formula_key
from .lexicon import Lexicon, Token, indexed_names, words_pattern

OPENING = 80
QUOTE_LEAD = 12
QUOTE_START = 60
# A know / don't-know phrase in the past tense: what an agent said or showed, narrated.
_PAST_KNOWING = re.compile(r"(?i:\b(?:didn't|did not|couldn't|could not|wasn't able to|was not able to|was unable to|"
                           r"knew|was sure|was certain|figured out|worked out)\b)")
# The next statement told with its verb left out, after a sentence that has it: "If P had been told J he would have
# known. He says he doesn't, so …", "… would know at once. But he didn't." (the elided verb is the knowing one).
_ELIDED = re.compile(r"(?i:(?:^|[,;:—–.!?]\s*|\b(?:but|and|yet|however|since|because|well)\s*,?\s+)(?P<subject>he|she|[a-z][\w.]*"
                     r"(?:\s+[a-z]\w*)?)\s+(?P<says>(?:says|said|claims|claimed|admits|admitted|replies|replied|tells\s+us|"
                     r"told\s+us|answers|answered)\s+(?:that\s+)?(?:he|she)\s+)?(?:doesn't|does\s+not|didn't|did\s+not|can't|"
                     r"cannot|couldn't|could\s+not|isn't|is\s+not|wasn't|was\s+not)(?=\s*(?:[,.;:!—–)]|$|\s+(?:so|and|which|"
                     r"therefore|hence|thus|though|either)\b)))")
# "Man 1 sees h2 and h3 and doesn't know": what the speaker sees, then the statement narrated
_SEES_THEN = re.compile(r"(?i:\s+(?:sees|can\s+see|looks\s+at)\s+[^.;:!?\n]{1,40}?,?\s+(?:and|but)\s+(?:still\s+)?"
                        r"(?:doesn't|does\s+not|can't|cannot|knows|says)\b)")
# 'His "I don't know"': a speaker's own words, quoted after a possessive pronoun
_OWN_QUOTE = re.compile(r"(?i:\b(?:his|her)\s+(?:own\s+)?)[“\"「]([^”\"」\n]{1,60})[”\"」]")
# "He says he doesn't know": the speaker a pronoun, named in the sentence before.
_HE_SAYS = re.compile(r"(?i:(?:^|[.!?;:]\s)\W*(?:(?:but|and|so|now|then|yet)\s*,?\s+)?(?:he|she)\s+(?:then\s+|now\s+)?(?:says|said|claims|"
                      r"claimed|admits|admitted|replies|replied|answers|answered|announces|announced|declares|"
                      r"declared)\b)|"
                      r"(?:^|[。！？；，,]\s*)(?:但|可是|而|所以|因此|于是)?(?:他|她)(?:却|也|还是)?(?:说|表示|回答)")
# (and Chinese: "…他就知道了。他说不知道")
# An agent named as what is seen: "看到第二位和第三位的帽子", "sees the second and the third man"
_SEEN_BEFORE = re.compile(r"(?:看到|看见|看得到|能看到|(?i:\bsees?|\bsaw|\bseeing))[^。.!?！？,，]{0,8}$")
_DIALOGUE_RETOLD = re.compile(r"(?i:\b(?:the\s+)?(?:dialogue|conversation|exchange)\s+(?:runs|goes|is|was|reads)\b\s*:?|"
                              r"\b(?:the\s+)?(?:dialogue|conversation|exchange)\s*:)|对话(?:是|如下|为|[:：]|四句|三句)")
# A heading that announces the puzzle restated: "## Step 1: Understand the given information", "### 第一步：理解题意"
_GIVEN_HEADING = re.compile(r"\W*(?:(?i:step)\s*\d+\s*[:：.]\s*|第[一1]步\s*[:：]?\s*)?(?:(?i:understand(?:ing)?\s+the\s+"
                            r"(?:given\s+information|problem|puzzle|question|set-?up)|restat(?:e|ing)\s+the\s+"
                            r"(?:problem|puzzle)|(?:the\s+)?given\s+information|(?:the\s+)?set-?up(?=\W{0,3}[(:.]))\b|"
                            r"理解题意|题目信息|已知条件|审题)")
# ("**Setup (three children).** Each child sees …, the father says …, and afterwards every muddy child knows.")
# The same words said by several speakers one after another: "三人依次说「我不知道我的数」", "each in turn says "I don't
# know my number"": every statement with those words is told
_IN_TURN = re.compile(r"(?:依次|轮流|先后|挨个|(?i:in\s+turn|one\s+after\s+(?:an)?other)|"
                      r"(?i:the\s+first\s+(?:two|three)(?:\s+\w+)?\s+(?:all\s+|both\s+)?(?:say|said|answer|answered|"
                      r"reply|replied))|前[两三](?:位|个人|个)?都?(?:说|回答))[^。.!?！？\n]{0,6}?"
                      r"[“\"「『]([^”\"」』\n]{2,40})[”\"」』]")
# A heading that asks who knows what ("1.2 Who knows what: Albert → month, Bernard → day"): the set-up, no statement
_WHO_KNOWS = re.compile(r"(?i:\bwho\s+(?:knows|sees|is\s+told|hears)\b)|谁知道|谁看到|谁看得到")
_IN_TURN_WORDS = ("依次", "轮流", "先后", "挨个", "turn", "after an", "after ot", "TURN", "Turn", "first two", "first three",
                  "前两", "前三")  # ("the first two say "I don't know"", "前两位都说“不知道”")
ASIDE_BRACKETS = re.compile(r"[(（][^()（）\n]{0,80}[)）]")
_COUNTERFACTUAL = re.compile(r"(?i:\b(?:would|could|'d)\b)|会|就能")
_EXPECTED = re.compile(r"(?i:\bshould\b)|应该|应当")  # "所以第一次问的时候，有泥的孩子就应该站出来": a claim, not narration
_ASKS = re.compile(r"[?？]\s*(?:\*\*)?\s*$|[?？]\s*\n")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1, "finally": -1,
             "initial": 1, "opening": 1,
             "第一": 1, "第二": 2, "第三": 3, "第四": 4, "第五": 5, "最后": -1}
_ORDINAL = re.compile(r"(?=[fstl第最])(?:(first|second|third|fourth|fifth|last|final)\s+"
                      r"(?:statement|announcement|remark|claim|line(?!\s+of\b))|(第[一二三四五]|最后)(?:句|次|个(?:陈述|发言)|条))",
                      re.IGNORECASE)  # ("This first line eliminates nothing"; not "the first line of the table")
# A sentence ends at 。！？!? or a newline, or at '.' (and a closing quote) before a space, except after Mr, Ms,
# Dr, Mrs or one letter.
# A filler opening a step before what it is about: "Hmm, ", "Okay — ", "Alright, so ", "嗯，", "好吧，", "等一下，"
_INTERJECTION = re.compile(r"[\s*>]*(?:(?i:(?:hmm+|hm+|okay|ok|alright|all\s+right|right|well|oh|ah|wait|yeah|yes|"
                           r"good|great|fine)(?:\s*[,—–…!.]+\s*|\s+(?=so\b))(?:so\s*,?\s+)?)|"
                           r"(?:嗯+|呃+|好吧|好的|好|行|对|哦|噢|等一下|等等)\s*[，,、…！!。]+\s*)")
_FIRST_SENTENCE = re.compile(r"[。！？!?\n]|(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<![^\w'’][A-Za-z])(?<!^[A-Za-z])\."
                             r"[\"”’」』]?\s")  # (an initial, "J. ", is no sentence's end; "doesn't. " is)


# A speaker named alone after "after": "after Bernard, …", "after Bernard has spoken", "left after Bernard are …"
_BARE_SPEAKER = re.compile(r"\s*(?:(?i:right|just|immediately|directly)\s+)?(?:(?i:after|following|once)\s+)?"
                           r"(?:(?i:mr|ms|mrs)\.?\s*)?(?P<who>[^\W\d_]{1,20})(?:\s+(?:has\s+|had\s+)?"
                           r"(?i:spoke|spoken|speaks|replies|replied|answers|answered|talks|talked)|['’]s)?"
                           r"(?=\s*(?:[,;:.)]|→|->|⇒|$|\s(?i:are|is|were|was|we|the|only|there)\b))")
# ("drop the 19s after Bo's → March after …": his statement, its noun left out)
# "伯纳德说完这句话以后", "所以在Q先生说完之后": a speaker finishing their (one) statement
_BARE_SPEAKER_ZH = re.compile(r"\s*(?:所以|那么|于是|因此)?\s*(?:在|等)?\s*(?P<who>[^\W\d_]{1,12}?)\s*说完(?:了)?"
                              r"(?:这句话|这话|话|这一句)?\s*(?:之后|以后|后)?\s*$")


# A structured step, YAML or JSON ("```yaml\nstep: 1\nspeaker: Anne\nstatement: \"I don't know …\""): its statement
# field is what the step opens on, said by its speaker field (or by the name opening the quoted words)
_BLOCK_HEAD = re.compile(r"\s*(?:```[a-zA-Z]*\s*\n)?\s*[{\[]?\s*(?:[\"']?step[\"']?\s*:\s*[\"']?\w{1,8}[\"']?,?\s*"
                         r"(?:\n|(?=[\"'])))")
_JSON_FIELD = re.compile(r"\"(?P<key>speaker|who|agent|statement|says|said|quote|line|announcement)\"\s*:\s*"
                         r"(?P<value>\"[^\"\n]*\")")
_BLOCK_FIELD = re.compile(r"^\s*[\"']?(?P<key>speaker|who|agent|statement|says|said|quote|line|announcement)[\"']?\s*:"
                          r"\s*(?P<value>.+?),?\s*$", re.MULTILINE)
_NAME_IN_QUOTE = re.compile(r"^([\"“])((?:Mr\.?\s)?[A-Z][a-z]{1,15}|[\u4e00-\u9fff]{1,4}?(?:先生)?)\s?[:：]\s?")


# A tag alone on the step's first line: '<step n="1">', "<analysis>" (what follows is the opening)
_TAG_LINE = re.compile(r"<[A-Za-z_][\w-]*(?:\s+[^<>\n]{0,40})?>[ \t]*\n")


def _block_opening(text: str) -> str | None:
    """The opening a structured step stands for ('Albert: "I don't know, …"'), or None for any other step."""
    if _BLOCK_HEAD.match(text) is None:
        return None
    fields = {m.group("key"): m.group("value").strip()
              for pattern in (_BLOCK_FIELD, _JSON_FIELD) for m in pattern.finditer(text[:600])}
    said = next((fields[k] for k in ("statement", "says", "said", "quote", "line", "announcement") if k in fields),
                None)
    if said is None:
        return None
    who = (fields.get("speaker") or fields.get("who") or fields.get("agent") or "").strip("\"'")
    inner = _NAME_IN_QUOTE.match(said)
    if inner is not None:  # ('"Albert: I don't know, …"': the speaker inside the quote marks)
        who, said = inner.group(2), inner.group(1) + said[inner.end():]
    return f"{who}: {said}" if who else said


@dataclass(frozen=True)
class Cue:
    """A mention of announcement `stage` at offset `at` of a step; `strong` cues move the step's stage."""

    at: int
    stage: int
    how: str
    strong: bool


@dataclass(frozen=True)
class Alignment:
    stage: int
    how: str  # quote, paraphrase, ordinal, carried
    reached: int = 0  # the latest announcement mentioned by any cue up to the end of this step
    cues: tuple[Cue, ...] = ()  # cues after the opening, in text order
    retold: tuple[Cue, ...] = ()  # a recap's cues: they move no stage, but date what the step says "already"

    def reached_at(self, offset: int) -> int:
        """The latest announcement a claim at `offset` can be talking about: `reached`, less the statements the step
        walks on to after the offset ("walked" cues: what comes before "- Ali now knows." is not about Ali's line)."""
        ahead = [c.stage for c in self.cues + self.retold if c.how == WALKED and c.at > offset]
        return max(self.stage_at(offset), min(ahead) - 1 if ahead else self.reached)

    def moved_at(self, offset: int) -> bool:
        """Whether this step itself moved the trace to the stage it has at `offset` (by its opening or a cue)."""
        stage = self.stage_at(offset)
        if self.how not in ("carried", "recap") and self.stage == stage:
            return True
        return any(c.strong and c.stage == stage and c.at <= offset for c in self.cues)

    def moved_between(self, start: int, offset: int) -> bool:
        """Whether text[start:offset] of this step moved the trace to the stage it has at `offset`: a strong cue there,
        or the step's own opening when `start` is 0 ("Q says: "Now I know it too." This statement …")."""
        stage = self.stage_at(offset)
        if start == 0 and self.how not in ("carried", "recap") and self.stage == stage:
            return True
        return any(c.strong and c.stage == stage and start <= c.at <= offset for c in self.cues)

    def referred_at(self, offset: int) -> Cue | None:
        """The back-reference before `offset` ("from Bernard's statement, ..."), unless a strong cue comes between
        them: claims after it are about that stage (`how` "reference"), or from it on when the speaker has
        several statements and the text does not say which."""
        found = None
        for c in self.cues:
            if c.at > offset:
                break
            if c.how.startswith("reference"):
                found = c
            elif c.strong and (found is None or c.stage != found.stage):
                found = None  # (but "阿尔伯特的第一句话": the ordinal names the same statement)
        return found

    def stage_at(self, offset: int) -> int:
        """The stage at `offset` of the step: the opening's, moved by strong cues before the offset."""
        stage = self.stage
        for c in self.cues:
            if c.at > offset:
                break
            if c.strong and c.stage > stage:
                stage = c.stage
        return stage


# Words that announce the statement taken up next: "let me get to S's statement", "moving on to Bernard's"
_AHEAD = re.compile(r"(?i:\b(?:get|move|moving|turn|turning|go|going|come|coming|proceed|proceeding|on)\s+"
                    r"(?:on\s+)?to\s+(?:the\s+)?$)|(?:再|接着|然后)?(?:来看|看看|转到|进入)\s*$")


# A sentence that opens on the announcement after which it speaks: "After the second silence, …", "第二轮沉默之后，…"
_AFTER_LEAD = re.compile(r"[\s*>\-•]*(?:(?i:so|and|then|thus|already|right|just)\s+){0,2}(?i:after|following)\s+"
                         r"(?:(?P<en>(?i:the\s+)?(?i:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|"
                         r"one|two|three|four|five|six)\s+"
                         r"(?i:silences?|silent\s+rounds?|rounds?(?:\s+of\s+silence)?|questions?))\b[,，]?|"
                         r"(?P<other>[^,，;；.。:：]{3,40})[,，])|"
                         r"[\s*>\-•]*(?:所以|那么|于是)?(?P<subj>[^，,。；;：:\n在]{2,12}在)?(?:在)?"
                         r"(?P<zh>[^，,。；;：:\n]{2,20}?)(?:之后|以后|过后|后)[，,]")  # ("三个有泥的孩子在第一轮没人站出来之后，
# 就都知道…": the subject before 在)
_AFTER_INSIDE = re.compile(r"(?i)\s(?:already\s+|right\s+|just\s+)?after\s+(?P<en>(?:the\s+)?(?:first|second|third|"
                           r"fourth|fifth|sixth|one|two|three|four|five|six)\s+(?:silences?|silent\s+rounds?|"
                           r"rounds?(?:\s+of\s+silence)?|questions?))\b")  # ("… already knows after the first silence
# that she is muddy", "the three muddy children know after one round of silence")
_DATED_CASE = re.compile(r"(?i:\b(?:if|would|whenever|suppose|unless|configurations?|cases?|worlds?|scenarios?|"
                         r"with\s+exactly)\b)|"
                         r"如果|若|假如|要是|假设|情况|世界")
_CLAUSE_END = re.compile(r"[,，;；:：—–(（]|\s-\s")
# A sentence opening on its premises ("既然…，而…，")
_PREMISE_OPENS = re.compile(r"[\s*>\-•]*(?:既然|由于|因为|(?i:since|because|given\s+that)\b)")
_CLAUSE_MARKS = re.compile(r"[,，]")
_CONCLUDES = re.compile(r"[,，;；]\s*(?:所以|因此|于是|(?i:so|hence|therefore|thus)\b)[\s,，]*")  # a conclusion's opening
REASON_OPENS = re.compile(r"[:：;；]|因为|由于|(?i:\b(?:because|since)\b)")  # where a claim's reason begins


# A claim stated first and proved in the next step ("**Claim 4.** The card is ♦5." / "*Proof.* … contradicting (4).")
_CLAIM_HEAD = re.compile(r"\W*(?i:claim|lemma|proposition|observation|fact|命题|引理|结论)\s*\d*\W*?(?:[.:：]|$)")
_PROOF_HEAD = re.compile(r"\W*(?i:proof|证明)\b")


def _lined_turns(text: str, cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
    """A step told a line per statement ("- 第一位说“不知道”：… 于是…\n- 第二位也说“不知道”：…"): a strong cue that
    opens a line on the statement after the last one cued is walked on to, so what the lines before it say is not
    about it."""
    out, last = [], None
    for c in cues:
        opening = _LINE_END.match(text, c.at) is not None or "\n" in text[:c.at] and \
            _LINE_OPENING.fullmatch(text, text.rfind("\n", 0, c.at) + 1, c.at) is not None
        # (or on the line break before it: a cue found by sentence may sit on the stop that ends the line before)
        if c.strong and last is not None and c.stage == last + 1 and c.how not in (WALKED, "content") and opening:
            # (not a silence told by its content: "3. 第二次没人站出来 ⇒ 至少有3个；第三次没人站出来 ⇒ 至少有4个" names two)
            c = Cue(c.at, c.stage, WALKED, True)
        if c.strong:
            last = c.stage
        out.append(c)
    return tuple(out)


_LINE_END = re.compile(r"[.。!?！？]?[ \t]*\n")
_LINE_OPENING = re.compile(r"[ \t]*(?:[-*•·]|\d{1,2}[.)、]|[（(]\d{1,2}[)）])?[ \t]*[*_]{0,2}")


def _proved(texts: list[str], out: list[Alignment]) -> list[Alignment]:
    """Each claim step followed by its proof reaches what the proof reaches: the claim is what it goes on to show."""
    return [replace(al, reached=max(al.reached, out[n + 1].reached))
            if n + 1 < len(out) and _CLAIM_HEAD.match(text) and _PROOF_HEAD.match(texts[n + 1]) else al
            for n, (text, al) in enumerate(zip(texts, out))]


class OutlineLine(NamedTuple):
    """A line of an outline that gives statement `stage`: text[start:end]."""

    start: int
    end: int
    stage: int


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _surfaces(lex: Lexicon, kinds: set[str]) -> re.Pattern:
    """A pattern that finds every surface the lexicon can scan as one of `kinds` (and maybe more)."""
    exact = [w for w, ms in lex.entries.items() if any(k in kinds for k, _ in ms)]
    folded = [w for w, ms in lex.folded.items() if any(k in kinds for k, _ in ms)]
    return re.compile(words_pattern(exact, folded))


def _cues(f: s.Formula) -> tuple[str, ...]:
    """The know / notknow words of an announcement in the order they are said: "I knew you didn't know" ->
    (know, notknow)."""
    if isinstance(f, s.Past):
        return _cues(f.body)
    if isinstance(f, s.Not) and isinstance(f.body, s.Knows):
        return ("notknow",) + (_cues(f.body.body) if f.body.mode == "that" else ())
    if isinstance(f, s.Knows):
        return ("know",) + (_cues(f.body) if f.mode == "that" else ())
    if isinstance(f, s.And):
        return tuple(c for x in f.items for c in _cues(x))
    return ()


def _polarity(f: s.Formula) -> str:
    if isinstance(f, s.Not) and isinstance(f.body, s.Knows):
        return "neg"
    if isinstance(f, s.Knows):
        return "pos"
    if isinstance(f, s.Past):
        return "pos"
    if isinstance(f, s.And):
        kinds = {_polarity(x) for x in f.items}
        return "pos" if "pos" in kinds and any(isinstance(x, s.Knows) for x in f.items) else "any"
    return "any"


_STATEMENT = re.compile(r"(?:'s|’s|的)?\s*(?:first\s+|second\s+|third\s+|last\s+|final\s+|next\s+)?(?:statement|"
                        r"announcement|remark|reply|response|claim|turn|certainty|(?<=s\s)opening\b|line\b|words\b|:|：|声明|发言|回答|"
                        r"的话|那句话|这句话|(?:第[一二三四五]|最后一?)句)", re.IGNORECASE)  # ("Albert's opening (he
# doesn't know, …):", "S先生那句话", "Q先生最后一句")
# A statement named by its speaker's possessive: "Q's statement", "Q的话", "Q的发言"
_OWN_STATEMENT = re.compile(r"(?:'s|’s|的)\s*(?i:statement|announcement|remark|reply|response|turn|line\b|words\b|"
                            r"声明|发言|回答|话|那句话|这句话)")
def _speaking(lex: Lexicon, t: Token, sentence: str) -> Token:
    """An agent's name that is also a value ("Q"), read as the agent before a statement of theirs ("接下来是Q的话",
    "Q's statement"); other tokens as they are."""
    if t.kind not in ("ambig", "value") or _OWN_STATEMENT.match(sentence, t.end) is None:
        return t
    return next((t._replace(kind="agent", payload=who) for kind, who in lex.entries.get(t.text, ()) if kind == "agent"),
                t)


# "Q说的是他一开始就知道", "what Q means is", "Q's point is": an explanation of the statement at hand, not a new one
_EXPLAINS = re.compile(r"\s*(?:说的是|的意思是|意思是|这句话的意思|is saying that|is telling us|means\b|meant\b|'s point)",
                       re.IGNORECASE)
# A quote's object at its end, which models drop when they quote ("I knew you didn't know" for "… the card").
_OBJECT_END = re.compile(r"(?i:\s+(?:the\s+(?:card|date|birthday|numbers?|pair|answer|sum|product)|it|them|this card|that|"
                         r"your\s+age)\W*$)|"
                         r"(?:这张牌|是哪张牌|哪张牌|日期|生日)\W*$")
# Shorter quotes without their object ("I don't know", "我知道了") are too common to name a statement.
SHORT_QUOTE = {True: 12, False: 6}  # by whether the quote is ASCII
# A speaker's label opening an announcement's text ("Father: at least one of you is muddy."), which a quote omits.
_LABEL_START = re.compile(r"^[^\s:：\"“]{1,12}[:：]\s*")


WORD_QUOTE = 3  # folded characters: a statement this short ("Yes!", "是的！") is a common word, found only in quotes


_ECHO_TAIL = re.compile(r"(either|too|aswell)$")


# What a speaker sees, when he would know, what follows (Aligner._outlined_next)
_SEES = re.compile(r"\s*(?i:sees|can\s+see)\b|\s*(?:能)?看(?:到|见|得到)")
_WOULD_KNOW = re.compile(r"(?i:\b(?:he|she)(?:\s+(?:would|could)|['’]d)\s+(?:only\s+)?(?:know|be\s+able\s+to\s+tell|"
                         r"be\s+sure)\b)|(?:他|她)[^。\n]{0,16}(?:就|才)?(?:会|能)(?:知道|确定)")
_OUTLINE_CONSEQUENCE = re.compile(r"(?i:\b(?:so|thus|hence|therefore)\b[^.\n]{0,60}\b(?:out|gone|eliminated|removed|"
                                  r"ruled\s+out|left|remain|remains)\b)|(?:所以|因此|于是)[^。\n]{0,40}(?:排除|去掉|剩)")


def _holds_quote(words: str, said: str) -> bool:
    """Whether a statement's folded words hold a short quote of it, its closing "either" kept apart ("I don't know
    either" of "I don't know the colour of my hat either")."""
    if said in words:
        return True
    tail = _ECHO_TAIL.search(said)
    return tail is not None and len(said) - len(tail.group(1)) >= 4 and said[:tail.start()] in words and \
        words.endswith(tail.group(1))


def _quoted_word(text: str, q: str) -> bool:
    """Whether a short statement's words `q` occur in `text` inside quotation marks ('"Yes!"', '“是的”') and not as
    what someone could, would or cannot say ('nobody can answer "yes"', 'she would say "yes"')."""
    for m in re.finditer(r"[\"“‘'「『]\W{0,2}" + re.escape(q) + r"\W{0,3}[\"”’'」』]", text, re.IGNORECASE):
        if _UNSAID_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None:
            return True
    return False


_UNSAID_BEFORE = re.compile(r"(?i:\b(?:would|could|can|can't|cannot|couldn't|wouldn't|might|nobody|no\s+one|unless|"
                            r"never)\b[^.;:!?\n\"“]{0,25}\b(?:say|answer|reply|respond|said)\w*\s*(?:with\s+)?$)|"
                            r"(?:会|能|可能|不能|无法|才能|就会)[^。；：！？\n“]{0,8}(?:说|回答)\s*$")


def _spoken(text: str) -> str:
    """A statement's words folded, without its speaker's label and its object ("我不知道我的数" of "爱丽丝：我不知道我的
    数。")."""
    return fold(_OBJECT_END.sub("", _LABEL_START.sub("", text)))


def _unlabelled_quotes(puzzle: s.Puzzle) -> list[list[str]]:
    """Per announcement, its texts without the speaker's label ("at least one of you is muddy" for "Father: at least
    one of you is muddy."), for announcements whose speaker the puzzle does not name; a text so shortened that two
    announcements share it ("I don't know my number") names neither."""
    bare = [[_spoken(t) for _, t in a.texts if _LABEL_START.match(t)]
            if a.speaker is None else [] for a in puzzle.announcements]
    owners: dict[str, set[int]] = {}
    for k, qs in enumerate(bare):
        for q in qs:
            owners.setdefault(q, set()).add(k)
    return [[q for q in qs if len(owners[q]) == 1 and len(q) >= SHORT_QUOTE[q.isascii()]] for qs in bare]
_NAMES = re.compile(r"(?i:(?=[acdhlrstw])(?:statement|announcement|remark|reply|response|claim|turn|hint|comment|"
                    r"admission|answer|words|line|certainty|confidence|assurance|spoke|speaks))|声明|发言|回答|的话|句话|开口|说话")
# ("So Bob not knowing means …", "Alice's ignorance": the statement of the speaker's "I don't know")
_REFERENCE = re.compile(r"(?:\s+not\s+knowing\b|(?:'s|’s)\s+(?:not\s+knowing|ignorance)\b|"
                        r"(?:'s|的)\s*(?:(first|second|third|last|final|initial|opening|第[一二三四])\s*)?"
                        r"(?:statement|announcement|"
                        r"remark|reply|response|claim|words|line|hint|comment|admission|answer|certainty|confidence|turn|"
                        r"assurance|(?:这)?句话|发言|话|声明)|"
                        r"这(?:句话|一句)|"
                        r"(?:\s*[(（][^()（）\n]{1,20}[)）])?\s+(?:speaks|talks|goes)(?:\s+(?:first|next))?(?=\s*[.:：\n]))",
                        re.IGNORECASE)
# ("Ali (month) speaks first.", "Bo speaks:": a heading for the speaker's statement)
# An ordinal right before a quote: 'her first "I don't know"', 'the second "I don't know"', '第二个“不知道”'
_NTH_QUOTE = re.compile(r"(?i:\b(first|second|third|fourth|last|final)\s*(?:\*\*)?\s*$)|"
                        r"(第[一二三四]|最后一?)(?:个|句|次)?\s*$")
# A possessive whose noun was said once before in the sentence: "Alice's "I don't know" gives b ≠ c, Bob's gives
# a ≠ c" (group 1, the ordinal of _REFERENCE, is always empty here)
_ELIDED_REFERENCE = re.compile(r"(?:'s|’s)()\s+(?=(?:gives|removes|rules\s+out|eliminates|excludes|forces|yields|"
                               r"kills|leaves|means|tells\s+us)\b)")
_QUOTED_AFTER = re.compile(r"(?:'s|’s|的)\s*(?=[“\"「『])[“\"「『][^”\"」』\n]{2,60}[”\"」』]")
BEFORE_REFERENCE = "reference, before"  # a cue for the stage before a speaker's statement ("before S spoke")
# "before S spoke", "until Albert's statement", "在S先生开口前", "S说话之前": what held before the speaker's statement
_SPOKEN_BEFORE = re.compile(r"\s*(?:说话|开口|发言|说)(?:之前|以前|前)")
_BEFORE_NAME = re.compile(r"(?i:\b(?:before|until|till|prior\s+to)\s+(?:Mr\.?\s+)?$)")
_BEFORE_WORD = re.compile(r"(?i:\b(?:before|until|till|prior\s+to)\s+(?:Mr\.?\s+)?$)|在$")
_SPOKE = re.compile(r"(?i:\s*(?:spoke|speaks|said\s+anything|opened\s+(?:his|her)\s+mouth|(?:'s|’s)\s+"
                    r"(?:(?P<nth>first|second|third|final|last|opening)\s+)?"
                    r"(?:statement|remark|announcement|reply|line|words))\b)|"
                    r"(?P<zh>(?:先生)?(?:第[一二三]次|最后一次)?(?:开口|说话|发言)(?:之前|以前|前))")
_BEFORE_SPEAKER = re.compile(r"(?:句话|句|条|次发言|个陈述|\s+(?i:statement|announcement|remark|line))?[\s:：\-—–(（*]*")  # between "第二句" and the speaker who made it
_OWN_ORDINAL_GAP = re.compile(r"(?i:\b(?:of|from|by)\s*$)")  # "the second statement of Q": Q's own second
_ORDINAL_WORD = re.compile(r"\b(?:first|second|third|fourth|last|final)\b(?=\s+(?:statement|announcement|remark|line|reply|claim|turn)\b)|"
                           r"第[一二三四](?![步点部章节种个天轮])|最后", re.IGNORECASE)  # (not "第二步": the trace's step 2)


# A line opening on a bold name with no colon ("- **Bob** sees a and c. …"), and a sentence in it opening on a pronoun
_BOLD_NAME_LINE = re.compile(r"[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*\*\*([^*\n:：]{1,24})\*\*(?![ \t]*[:：])")
# A sentence of speech with a pronoun subject ("… He says he doesn't know"), and a line opening on a plain name
_PRONOUN_SAYS = re.compile(r"(?:(?<=[.!?])\s+)(?:He|She)\s+(?:says|said|admits|replies|answers)\b|[。！？](?:他|她)(?:说|回答)")
_PLAIN_NAME_LINE = re.compile(r"[ \t>\-•]*((?:Mr\.?\s*)?[A-Z][a-z]*(?:\s+\d)?|[\u4e00-\u9fff]{1,4}?(?:先生)?)(?=\s|[，,])")
_PRONOUN_SENTENCE = re.compile(r"(?:(?<=[.!?])\s+|(?<=[。！？]))((?:He|She|他|她)\b[^.!?。！？\n]*)")
_LABEL = re.compile(r"\s*(?:[-*•]|\d+[.)、])?\s*\*{1,2}([^*\n]{2,80}?)[:：]?\*{1,2}\s*[:：]?")
_KNOWING_LABEL = re.compile(r"\s*(?:[-*•]\s*)?(?:\*\*)?([^:：.。!?！？\n*]{3,60}?)(?:\*\*)?\s*[:：]\s*\S")  # "P not knowing: …"
_PIECES = re.compile(r"[。！？!?\n]|\.\s")  # sentences, roughly (cue offsets only need the order)
_LEADING_WORDS = ("first,", "second,", "third,", "fourth,", "fifth,", "finally,", "last,", "first ,", "second ,",
                  "third ,", "fourth ,", "finally ,", "first:", "second:", "third:", "fourth:", "fifth:", "finally:",
                  "last:")
_HEADING_ANY = re.compile(r"(?m)^\s*(?:[#*•\d(（-]|(?:step|part)\b|第|[一二三四五六七八九十]{1,2}、)|[:：]\s*(?:\*\*)?\s*$",
                          re.IGNORECASE)  # ("三、P先生现在知道了。", "(3) P now knows: …")
# "Step two — ", "Line 3:", "Statement 2.", "第二步：": a numbered label before a speaker's name
_STEP_LABEL = re.compile(r"[\s#*>\-]*(?:(?i:step|statement|line|part|stage|round)\s+(\d|one|two|three|four|five|six)|"
                         r"第([一二三四五六1-6])(?:步|句|句话|阶段))\s*\**\s*(?:[—–:：.)\-，,]|\s)\s*\**\s*")
WALKED = "walked on"  # how a cue was found: a statement told after the one the step had reached (Aligner._walked_on)
_SUBJECT_KINDS = frozenset({"agent", "if", "modal", "neg", "notknow", "know"})  # the first of them opens a narration
_LABEL_COLON = re.compile(r"\s*(?:\*\*)?\s*[:：]")
_HEADING_STEP = re.compile(r"\s*(?:#{1,6}\s|\*\*[^*\n]+\*\*\s*$)")  # a step that is one heading line
_CLAUSE_BREAK = re.compile(r"[;；]\s*")  # clauses of one sentence (a supposition's scope ends at its semicolon)
_CONDITION = re.compile(r"(?i:\b(?:if|iff|unless|provided|whenever|when)\b)|如果|除非|只要|当且仅当|的话")
_ENUMERATOR = re.compile(r"\s*(?:\*\*)?[(（](i{1,3}|iv|v|\d)[)）]\s|\s*(?:\*\*)?(i{1,3}|iv|v|\d)[.)]\s", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                "五": 5, "六": 6}
_GLOSSED = re.compile(r"(?:'s|’s|的)?\s*(?:\w+\s+){0,2}?\w+\s*[(（][^()（）\n]{3,160}[)）]")
# "然后是S先生那句话", "Next comes Bernard's statement", "Now for S's reply": the trace turns to a statement, as a
# heading would
_TURN_WORDS = (r"[\s*#>\-]*(?:(?:然后|接下来|接着|下面|再往下)(?:就)?(?:是|看|轮到|来看)?|再看|来看|轮到|"
               r"(?i:(?:next|then|now)\s*,?\s*(?:comes|come|is|we\s+have|up:?|for|to)|moving\s+on\s+to|on\s+to|"
               r"turning\s+to|now\s+consider|next\s+consider))\s*(?:the\s+)?")
_TURN_OPENER = re.compile(_TURN_WORDS + "$")
_TURN_HINT = re.compile(_TURN_WORDS)
# A sentence that only names the next speaker: "Anne first.", "**Bill next:**", "Bernard's turn.", "轮到比尔。"
_AGENT_TURN = re.compile(r"[\s*#>\-]*(?:(?:好[，,]\s*)?(?:轮到|接下来是|然后是|最后是|(?:现在|接着|接下来|然后)看)\s*"
                         r"(?P<zh>[^\s，,。.:：]{1,12}?)|"
                         r"(?i:(?:now|next|then)\s*,?\s+(?:to\s+|for\s+|comes\s+)?)"
                         r"(?P<lead>[^\s，,。.:：*]{1,16}?(?: \d)?)|"  # ("Now man 2.")
                         r"(?P<name>[^\s，,。.:：*]{1,16}?)(?:'s|’s)?\s*(?i:first|next|now|then|again|turn|goes\s+next|"
                         r"speaks\s+(?:next|again)))\s*(?:了)?\s*(?:\*\*)?\s*[.。:：!]?\s*(?:\*\*)?")
# A line of a speaker's name and a short quote, nothing else: 'Albert, "¬K_A ∧ K_A¬K_B":' (the statement in notation)
_AGENT_QUOTING = re.compile(r"[ \t*#>\-]*(?P<name>[^\W\d][\w.]{0,15}(?: [^\W\d][\w.]{0,15})?)(?P<zh>)\s*[,，:：]?\s*"
                            r"[\"“「][^\"”」\n]{1,60}[\"”」]\s*[:：]?[ \t]*\n")  # (a heading: lines follow it)
# A line opening on a speaker's short name and the number of that speaker's statement: "A1:", "**A2** "now I know
# too"", "S2: …" (terse outlines); without the number, the speaker's next statement ("**B** "didn't know, now know"")
_AGENT_NTH = re.compile(r"[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?([A-Z][A-Za-z]{0,11}?)(?:[-_]?(\d))?(?:\*\*)?[ \t]*"
                        r"(?:[:：]|(?<=\*\*)|"
                        r"(?=[ \t]*[\"“]))")
_INITIAL_NTH = re.compile(r"[ \t>*#\-]*(?:\*\*)?([A-Z])(?:([₁₂₃₄₅]|[1-5](?!\d))(?:\*\*)?\s*(?::=|[:：=≡]|[—–](?=\s))|"
                          r"([₁₂₃₄₅]|[1-5](?!\d))?[ \t]+[—–][ \t]*(?=[\"“])|"
                          r"[ \t]*[:：][ \t]*(?=[\"“]))")  # (or "**A1 — "I
# don't know, …"**", "**B — "Didn't know at first, know now."**", 'B: "didn't know, now I do"': the speaker's next
# statement when no number is given)
_SUBSCRIPTS = {"₁": 1, "₂": 2, "₃": 3, "₄": 4, "₅": 5}
_DASH_AFTER = re.compile(r"\s*(?:#?\d\s*)?(?:\*\*)?\s*[—–](?=\s)")
_AGENT_NUMBER = re.compile(r"\s*#?(\d)\b(?!\s*[,.]\d)")
_LEADING_ORDINAL = re.compile(r"\s*(?:\*\*)?(first|second|third|fourth|fifth|finally|last)\b(?=\s*[,:：])", re.IGNORECASE)
# The label a bulleted line opens on: "*Round 2 silence.*", "**Second silence:**", "第二轮沉默："
_LINE_LABEL = re.compile(r"(?:\*{1,2}|_)?([^*_\n.:：。]{3,40}?)[.:：。]?(?:\*{1,2}|_)[.:：。]?|([^*_\n.:：。]{3,40})[:：]|"
                         r"([^*_\n.:：。]{3,40}?)[.:：。]?(?= {2,})")  # (its marks blanked to spaces: "Round 2 silence.  ")
_CONSEQUENCE = re.compile(r"→|->|⇒|(?i:\b(?:so|therefore|hence|thus|out|left|remain|remains|eliminates?|rules?\s+out|"
                         r"drop|drops|dropped|removes?|keep|keeps)\b)|所以|因此|排除|剩|去掉|淘汰")
# ("1. Albert: "…" … Drop May and June; keep July 14, …")
_BULLET_LINE = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?[ \t]*(\S[^\n]*)")  # each line's text, after a bullet
# A bare answer quoted as a statement's name ("her "no"", "his 'yes'", "她的“不知道”"), and a bullet opening a line
_QUOTED_ANSWER = re.compile(r"(?i:[\"“'‘](?:no|yes|nope|don't know|I don't know)[.!]?[\"”'’])|[“\"](?:不知道|知道了?)[”\"]")
_BULLET = re.compile(r"[ \t]*[-*•][ \t]")
# A line's label: "**L2.** …", "Bo: …" (its marks may be blanked to spaces: "L2.   Same logic")
_SPEAKER_LABEL = re.compile(r"(?:\*\*|__)?([^\s*_.:：]{1,20})(?:[.:：](?:\*\*|__| {2})|(?:\*\*|__)[.:：]?|[:：])\s")
# A line opening on a speaker's own words and where they lead: 'S's "I knew you didn't know" →', "P的“不知道”：…"
_OWN_WORDS = re.compile(r"[*_\s]*[^\s'’\"“:：]{1,20}(?:'s|’s|的)\s*[\"“「][^\"”」\n]{2,60}[\"”」]\s*(?:[*_]*\s*)?(?:→|->|=>|⇒|[:：])")
_KNEW = re.compile(r"knew|早知道|早就")  # (in folded text: lower case, no spaces)
_JOIN_BEFORE = re.compile(r"(?i:\band\s*$|\bplus\s*$|&\s*$)|[和与及、]\s*$")
_INDENTED = re.compile(r"(?:\n[ \t]+[^\s\-*•][^\n]*)*")  # lines indented under a bullet, not bulleted themselves
_OUTLINE_LINE = re.compile(r"(?m)^[ \t]*(?:\*\*)?(\d)[.)、:：][ \t]*(?:\*\*)?[ \t]*(?:Mr\.?[ \t]+)?")
NUMBERED_STATEMENT = re.compile(r"(?i:\b(?:statement|stmt\.?|announcement|remark|line)\s*#?\s*(\d)\b(?!\s*(?:of|in)\s+the\s+table))|第([一二三四五])(?:句话?|个(?:陈述|发言)|条)|"
                                r"(?i:\bthe\s+(first|second|third|fourth|fifth)\s+line\s+(?:is|was|says|said|tells|gives)\b)")
# A bold heading that is a speaker's quote and nothing else: '**Q's "me too".**', '**P's "now I know"**'
_QUOTE_HEADING = re.compile(r"\s*(?:#{1,6}\s*)?\*\*\s*([^*\n\"“]{1,20}?)(?:'s|’s)\s*[\"“][^\"”\n]{1,30}[\"”]\s*[.:：]?"
                            r"\s*\*\*")
_INDENTED_UNDER = re.compile(r"(?:\n[ \t]+[^\n]*)*")  # the indented lines right under a line
# A heading that is a quote and nothing else: '## "I can't tell, and I'm sure Bernard can't either"'
_BARE_QUOTE_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]*(?:\*\*)?[ \t]*[\"“]([^\"”\n]{3,90})[\"”][ \t]*(?:\*\*)?[ \t]*")
# The first few statements together: "**First two statements.**", "the first three announcements", "前两句"
_FIRST_FEW = re.compile(r"(?i:\bfirst\s+(two|three|four)\s+(?:statements|announcements|remarks|lines)\b)|"
                        r"前(两|三|四)(?:句|个(?:陈述|发言)|次发言)")
# A line labelled by the dialogue's ordinal: "- *Third statement.* …", "**Second announcement:** …", "Next
# announcement:" (the one after the trace's)
_ORDINAL_LABEL = re.compile(r"(?im)^[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+|#{1,6}[ \t]*)?[*_]{0,2}[ \t]*"
                            r"(first|second|third|fourth|fifth|last|final|next)\s+(?:statement|announcement)"
                            r"[*_]{0,2}\s*[.:：*_]")
_OWN_LAST = re.compile(r"((?:[A-Za-z]{1,12}|[\u4e00-\u9fff]{1,4})(?:先生)?)\s*的?\s*最后一?句")
_ORDINAL_LINES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
ZH_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_HEADING = re.compile(r"\s*(?:#{1,6}\s*|[-*•]\s*\*{1,2}|\*\*|\d+[.)、]\s*|[(（]\d{1,2}[)）]\s*|[一二三四五六七八九十]{1,2}、\s*|"
                      r"(?:step|part)\s*\d+\s*[:：.-]?\s*|第.步\s*[:：]?\s*)"
                      r"[^\n]{0,80}$|[^\n。.!?！？]{0,30}[:：]\s*(?:\*\*)?\s*$", re.IGNORECASE)


_WORD = re.compile(r"[a-z]{4,}|[\u4e00-\u9fff]{2}")
_STOP = frozenset({"that", "they", "them", "this", "with", "your", "yours", "whether", "know", "knows", "have", "what",
                   "their", "there", "then", "from", "will"})
# All the statements named at once: "the three announcements", "all the statements", "三句话", "所有发言"
_ALL_STATEMENTS = re.compile(r"(?i:\b(?:all\s+(?:the\s+)?|the\s+)(?:(two|three|four|five|\d)\s+)?(?:statements|"
                             r"announcements|remarks|lines|answers|replies)\b)|(?:所有|全部)(?:的)?(?:发言|声明|话)|([两三四五])句话|"
                             r"(?i:\b(?:all\s+)?the\s+(two|three|four|five|\d)\s+[\"“][^\"“”\n]{1,30}[\"”]\s*[’']?s\b)")
# ('the three "I don't know"s': the statements by their words, all alike)
# A step opening on "after …" as its label, up to a colon (_LABEL_COLON): "So after all three statements:"
_AFTER_OPENING = re.compile(r"[\s#*>-]*(?:(?i:so|thus|hence|then|and|now|finally)[\s,]+)?(?i:after|once|following)\s+"
                            r"[^,:;.\n，：；。]{2,40}|[^,:;.\n，：；。]{2,20}(?:之后|以后)")
# Statements credited one after another ("…依次排除了…", "respectively"): each its own, none dates them all
IN_TURN = re.compile(r"(?i:\brespectively\b|\bin\s+turn\b|\bone\s+by\s+one\b|\bone\s+after\s+another\b)|"
                     r"依次|分别|逐一|一个个")
# A general rule of when knowing happens: "can only be sure … once", "only when", "只有…才" (no event narrated)
_RULE = re.compile(r"(?i:\b(?:can|could|will|would)\s+only\b|\bonly\s+(?:once|when|after|if)\b)|只有[^，。,.]{0,20}才")
_ROUND = re.compile(r"(?i:\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|two|three|four|five)\b"
                    r"(?=\s+(?:\w+\s+)?(?:round|silence|time|question|ask|call|announcement|night))|"
                    r"\b(?:round|night|question|silence)(?:\s+|\s*#\s*)(\d|one|two|three|four|five)\b|"
                    r"(?<![\d.,])\b([2-9])(?=\s+(?:silent\s+)?(?:rounds|silences|questions|calls|nights)\b))|"
                    r"第\s*([一二三四五]|[1-9])\s*(?:轮|次|夜|晚)|"
                    # (or counted: "经过两轮“没人站出来”之后", "两次沉默后")
                    r"(?<![第\d])([两二三四五]|[2-9])\s*(?:轮|次)(?=[\s\"“”「]*(?:的)?(?:沉默|没人|无人|都没人))")
def _round_number(m: re.Match) -> int:
    """The round a _ROUND match names ("second question" -> 2, "round 3" -> 3, "第二轮" -> 2)."""
    word = next(g for g in m.groups() if g)
    return int(word) if word.isdigit() else _ROUND_WORDS.get(word.lower(), 0)


_ROUND_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
                "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,  # ("Round two, still nobody")
                "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}


def _words(text: str) -> set:
    low = text.lower()
    out = {_stem(w) for w in _WORD.findall(low) if w not in _STOP}
    cjk = "".join(ch for ch in low if "\u4e00" <= ch <= "\u9fff")
    out |= {cjk[i:i + 2] for i in range(len(cjk) - 1)}
    return out


_BEFORE_PHRASE = re.compile(r"(?i:\b(?:before|until|till|prior\s+to)\s+(?:the\s+|any\s+|a\s+)?[a-z]+\s+[a-z]+)")
_PHRASE = re.compile(r"(?<![a-z])([a-z]{3,})(?= ([a-z]{3,})(?![a-z]))")  # (overlapping: each word and the next)
_PHRASE_STOP = frozenset({"the", "and", "but", "not", "know", "knows", "still", "that", "this", "your", "our", "you",
                          "now", "can", "don", "didn", "doesn", "all", "for", "was", "are", "has", "have", "with",
                          "one", "two", "three", "four", "five", "any", "few", "least", "most", "each", "some", "none",
                          "every", "more", "less", "than", "who", "they"})  # (no "at least one")


def _phrases(text: str) -> set:
    """Two words that stand together, one of them too short for _words ("bus number"), as one word: a statement's
    phrase names it where its longer words alone are too few ("They know the bus number but still don't know")."""
    return {f"{a} {b}" for a, b in _PHRASE.findall(text.lower())
            if a not in _PHRASE_STOP and b not in _PHRASE_STOP and 3 in (len(a), len(b))}  # (a word _words leaves)


# What a statement that says no "know" is about, in any person: "I do not have the white card" told as "she does
# not have the white card", "我没有白牌" as "安妮说她没有白牌". Pronouns, articles and auxiliaries go; a negation stays.
_CONTENT_WORD = re.compile(r"[a-z]+n['’]t\b|[a-z0-9]+|[\u4e00-\u9fff]+")  # ("don't" whole: a negation)
_PERSON_WORDS = frozenset({"i", "me", "my", "mine", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
                           "they", "them", "their", "it", "its", "the", "a", "an", "do", "does", "did", "is", "am",
                           "are", "was", "were", "that", "says", "said", "say", "announces", "announced", "tells",
                           "told", "claims", "claimed", "states", "stated", "card", "number", "also", "now", "then"})
_HAVE_WORDS = frozenset({"has", "have", "had", "holds", "hold", "held", "holding", "got", "gets"})
_ZH_PERSON = re.compile(r"[我你他她它们的了说道呢吧啊就]")


def content_words(text: str) -> frozenset:
    """The words a statement without "know" says, whoever tells it (see _CONTENT_WORD); "not" for any negation."""
    out = set()
    for w in _CONTENT_WORD.findall(text.lower()):
        if "\u4e00" <= w[0] <= "\u9fff":
            w = _ZH_PERSON.sub("", w)
            out |= {"not"} if ("没" in w or "不" in w) else set()
            out |= {w[i:i + 2] for i in range(len(w) - 1)} | ({w} if len(w) == 1 else set())
        elif w.endswith(("n't", "n’t")) or w in ("not", "no", "never"):
            out.add("not")
        elif w not in _PERSON_WORDS:
            out.add("have" if w in _HAVE_WORDS else w)
    return frozenset(out)


def _stem(word: str) -> str:
    """A plural's singular, enough to match a statement's words: children → child, steps → step; a kid is a child, and
    so are "the muddy ones"."""
    if word in ("children", "kid", "kids", "ones"):
        return "child"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 4 else word


_SILENT = re.compile(r"(?i:\bnobody\b|\bno one\b)|没有人|没人")
# A round of silence narrated in other words than the puzzle's: "No one stepped forward", "Since no one moves"
_SILENCE_NARRATED = re.compile(r"(?i:\b(?:nobody|no\s+one|none\s+of\s+(?:them|the\s+(?:children|kids)))\s+"
                               r"(?:steps?|stepped|moves?|moved|comes?|came|did|does|raises?|raised|goes|went|speaks?|"
                               r"spoke|answers?|answered)\b)|没有人(?:站|动|出来|举手)|没人(?:站|动|出来|举手)|无人(?:站|动|出来|举手)")
# A sentence that is only a round of silence: "Silent.", "Silent again.", "Silence again.", "Still nobody.", "又是沉默。"
_SILENT_SENTENCE = re.compile(r"\W*(?i:(?:(?:still|again)\s+)?(?:silent|silence|nobody|no\s+one|nothing)"
                              r"(?:\s+again)?)\W*|"
                              r"\W*(?:又是|还是|依然|仍然)?沉默(?:了)?\W*")
# ... or one that opens on it, with what follows from it: "Silence again → at least 3.", "Silent, so …", "又沉默⇒…"
# A hearing done (speakers._HEARD takes any hearing word: "第四位听到了…"; here "heard", "也听到了" only, as a turn opens)
# "Bob同理：…", "Carol, likewise: …", "Bob: by the same argument, …" (Aligner._likewise_next)
_LIKEWISE = re.compile(r"[\s*]*(?:(?:的情况|这边|那边)?(?:也是)?同理|也一样|同样(?:地)?|[,:：]?\s*(?i:likewise|similarly|"
                       r"by\s+the\s+same\s+(?:argument|reasoning|logic|token)))")
_HEARS = re.compile(r"(?i:\b(?:has\s+|had\s+|also\s+)?heard\b)|也?听到了|也?听见了")
_SILENT_LEAD = re.compile(r"\W*(?i:(?:(?:still|again)\s+)?(?:silent|silence|nobody|no\s+one)"
                          r"(?:\s+again|\s*#\s*\d|\s+\d)?\s*(?:→|⇒|=>|->|⟹|∴|,\s*so\b))|"
                          r"\W*(?:又是|又|还是|依然|仍然)?沉默(?:了)?\s*(?:→|⇒|=>|->|⟹|∴|，所以)")
_ROUND_NOUNS = frozenset({"round", "rounds", "silence", "silences", "silent", "沉默", "轮沉", "次沉", "没人", "无人",
                          "night", "nights", *(a + b for a in "夜晚" for b in "过之后"), "第夜", "第晚"})
# ("第一轮没人动"; the islanders' nights: "after the third night", "第3夜过后", "第1晚：…", whose digit the bigrams drop)


def _knows_positively(f: s.Node, negated: bool = False) -> bool:
    """Whether some agent's knowledge occurs in `f` under no negation ("every muddy child knows"), as
    opposed to only denied knowledge ("nobody knows whether they are muddy")."""
    if isinstance(f, s.Knows):
        return not negated
    if isinstance(f, s.Not):
        return _knows_positively(f.body, not negated)
    if isinstance(f, s.Implies):
        return _knows_positively(f.left, not negated) or _knows_positively(f.right, negated)
    return any(_knows_positively(c, negated) for c in s.children(f))


def _setup_bigrams(puzzle: s.Puzzle) -> frozenset:
    """The Chinese bigrams of the puzzle's own description outside its announcements' texts ("我有两个弟弟", the
    setup): a sentence retelling the setup ("两个弟弟比她小") names no announcement by them alone."""
    said = [t for a in puzzle.announcements for _, t in a.texts]
    out = set()
    for _, intro in puzzle.texts:
        for t in said:
            intro = intro.replace(t, " ")
        out |= {w for w in _words(intro) if not w.isascii()}
    return frozenset(out)


def _signatures(puzzle: s.Puzzle) -> tuple:
    """For announcements without a speaker: the words of their texts that no other announcement's text has,
    grouped by identical texts (a repeated round), as ((stages...), words, whether a sentence naming it must
    speak of knowing: "every muddy child knows" is named by "every child knows", not by "each child sees every
    forehead")."""
    groups: dict = {}
    for k, a in enumerate(puzzle.announcements, start=1):
        if a.speaker is None and a.texts:
            groups.setdefault(tuple(t for _, t in a.texts), []).append(k)
    if len(groups) < 2:
        return ()
    names = set().union(*(_words(v.name) for v in puzzle.variables))  # "Cheryl: my brothers …" names the variable
    words = {texts: set().union(*(_words(t) | _phrases(t) for t in texts)) - names  # (cheryl), no statement
             for texts in groups}
    out = []
    for texts, stages in groups.items():
        others = set().union(*(w for t, w in words.items() if t != texts))
        own = words[texts] - others
        if len(stages) > 1 or _SILENT.search(" ".join(texts)):  # a round where nobody steps forward: "two rounds
            own |= _ROUND_NOUNS  # of silence", "the first silence" name it too
        if len(own) >= 2:
            knowing = _knows_positively(puzzle.announcements[stages[0] - 1].said)
            out.append((tuple(stages), frozenset(own), knowing))
    return tuple(out)


_SPEAKER_LINE = re.compile(r"[ \t>*\-•]*(?:\d[.)、][ \t]*)?(?:\*\*)?([^:：*\n]{1,16}?)(?:\*\*)?[ \t]*[:：]")  # "- **Ali**: …"
_TURN_LABEL = re.compile(r"[A-Za-z]\.?\s?\d")  # "A1", "B.1": a speaker's initial and turn
_TEXT_LABEL = re.compile(r"\s*([A-Za-z]{2,12}|[\u4e00-\u9fff]{1,6})\s*[:：]")


_QUOTE_AFTER = re.compile(r"\s*[“「『\"]")
# 'Anne: "not white" →': a speaker, a colon and a short quote of her words, cut down
_COLON_QUOTE = re.compile(r"\s*(?:\*\*)?\s*[:：]\s*(?:\*\*)?\s*[“「『\"]([^”」』\"\n]{2,40})[”」』\"]")
# A quote, then what it means for its speaker: 'What does "I don't know" mean for Alice?', '"我不知道"对爱丽丝…'.
# _QUOTE_FOR ends where the speaker's name starts; _QUOTE_MEANS finds one anywhere (a quick test of the step)
_QUOTE_MEANING = (r"[\"“][^\"”\n]{2,60}[\"”]\s*(?:(?i:mean|means|imply|implies|tells?\s+us|say|says)\s+"
                  r"(?:\w+\s+){0,2}(?i:for|about|from)\s+|(?:对|对于)\s*)")
_QUOTE_FOR = re.compile(_QUOTE_MEANING + "$")


def _in_quote(sentence: str, at: int) -> bool:
    """Whether offset `at` lies inside quotation marks opened before it in the sentence."""
    before = sentence[:at]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")
_QUOTE_MEANS = re.compile(_QUOTE_MEANING + r"\S")
_QUOTED_I = re.compile(r"[\"“”'‘]\s*I\s+$")


def _knew_before(toks: list, sentence: str = "") -> bool:
    """Whether the first knowledge word of what is said comes right after a word of an earlier time ("already knew",
    "早就知道"; "knew all along" is not read: the marker must come first), or is a quoted "I knew"."""
    i = next((n for n, u in enumerate(toks) if u.kind in ("know", "notknow")), None)
    if i is not None and toks[i].text.lower() == "knew" and _QUOTED_I.search(sentence, 0, toks[i].start) and \
            not any(u.kind in ("now", "then") for u in toks):
        return True  # 'S: "I knew" →': the past in the speaker's own quoted words (not "S said he knew": reported)
    if i is not None and toks[i].text.lower() == "knew" and _KNEW_IT.match(sentence, toks[i].end) is not None and \
            not any(u.kind in ("now", "then") for u in toks):
        return True  # "**S knew it** →": knew what was just said (that P could not), the object a pronoun
    if i is not None and toks[i].text.lower() == "knew" and _KNEW_AHEAD.match(sentence, toks[i].end) is not None:
        return True  # "2. Q knew beforehand → …": knew before anyone spoke, the object left out
    if i is not None and toks[i].text.lower() == "knew" and \
            any(u.kind == "says" and u.text.lower() in _SAYS_NOW for u in toks[:i]):
        return True  # "S says he knew": a past said in the present is no tense shifted back ("S said he knew" is)
    return i is not None and i > 0 and toks[i - 1].kind == "past"


_SAYS_NOW = frozenset({"says", "claims", "states", "replies", "answers", "announces", "adds", "declares", "insists"})
_KNEW_AHEAD = re.compile(r"(?i:\s+(?:beforehand|in\s+advance)\s*(?:\*{1,2}|→|->|⇒|[.:;,)]|$))|"
                         r"\s+before\s+(?:[A-Z]\w{0,12}|anyone|anybody|the\s+\w+)\s+(?:spoke|said|answered|opened)\b")
_KNEW_IT = re.compile(r"\s+(?:it|that|this)(?:\s+(?:in\s+advance|beforehand|all\s+along|from\s+the\s+start))?\s*"
                      r"(?:\*{1,2}|→|->|⇒|[.:;,)]|$)", re.IGNORECASE)


def _label_opening(puzzle: s.Puzzle) -> re.Pattern | None:
    """A line that opens on the label of an announcement without a speaker, then a colon or a dash ("Father: at least
    one …", "1) Father — at least one child is muddy", "父亲：…"): it tells of that announcement, like "says"."""
    words = sorted({m.group(1) for a in puzzle.announcements if a.speaker is None for _, t in a.texts
                    if (m := _TEXT_LABEL.match(t)) is not None}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"\W{0,6}(?:\d[.)、]\s*)?(?:the\s+)?(?:" + "|".join(map(re.escape, words)) + r")\s*(?:\*\*)?\s*[:：—–]",
                      re.IGNORECASE)


def _labels(puzzle: s.Puzzle) -> tuple:
    """For announcements without a speaker whose texts open on a label ("Father: at least one of you is muddy."):
    a pattern for "the father's statement" / "父亲的话", naming the first announcement with that label."""
    first: dict[str, int] = {}
    for k, a in enumerate(puzzle.announcements, start=1):
        if a.speaker is None:
            for _, t in a.texts:
                m = _TEXT_LABEL.match(t)
                if m is not None:
                    first.setdefault(m.group(1).lower(), k)
    out = []
    for label, k in first.items():
        # (or the label saying a quote that asks nothing: '父亲说“至少一个有泥”', 'the father says "one of you …"')
        if label.isascii():
            pat = re.compile(r"(?i)\b(?:the\s+)?" + re.escape(label) + r"(?:(?:'s|’s)\s+(?:first\s+|initial\s+|"
                             r"opening\s+)?(?:statement|announcement|remark|words|hint|claim|reminder|declaration)\b|"
                             r"\s+(?:says|said)[:,]?\s*[“\"](?![^”\"\n]*(?:step|forward|\?)))")
        else:
            pat = re.compile(re.escape(label) + r"(?:(?:的|说的|所说的)(?:第一句)?(?:话|声明|宣布|提示)|的?(?:发言|宣布)|这句话?|"
                             r"说[：:]?\s*[“「\"]"
                             r"(?![^”」\"\n]*(?:站出|？))|"
                             r"说(?![完过了]|[^，。！？\n]{0,14}(?:站出|问|？|知道|吗)))")  # (unquoted: "父亲说至少一个有泥")
        out.append((pat, k))
    return tuple(out)


def _echoes(said: list[str], earlier: list[list[str]]) -> list[str]:
    """The words of a statement that repeats an earlier one, as its second speaker says them in Chinese: "我也不知道
    你的数" for "我不知道你的数" (in English "I don't know your number either" holds the words as they are)."""
    before = {q for qs in earlier for q in qs}
    return [q[0] + "也" + q[1:] for q in said if q in before and q.startswith("我")]


def _knew(said: list[str]) -> list[str]:
    """The words of a statement about an earlier time as Chinese traces quote it with the time said: "我早知道你不知
    道" and "我早就知道…" for "我知道你不知道这张牌" ("I knew you didn't know")."""
    return [q[0] + early + q[1:] for q in said if q.startswith("我知道") for early in ("早", "早就")]


def _voices(puzzle: s.Puzzle, lexicon: Lexicon) -> tuple[str | None, ...]:
    """Who says each announcement: its speaker, else the one agent its texts' labels name ("Alice: I don't know my
    number.", "爱丽丝：…" in What Sum, whose statements have no speaker), else None."""
    out = []
    for a in puzzle.announcements:
        named = {t[0].payload for _, text in a.texts if (m := _TEXT_LABEL.match(text)) is not None
                 and len(t := tokens(lexicon, m.group(1))) == 1 and t[0].kind == "agent"}
        out.append(a.speaker or (named.pop() if len(named) == 1 else None))
    return tuple(out)


def knows_others_ignorance(said: s.Formula, agent: str) -> bool:
    """Whether a statement says what `agent` knows of another agent's knowing ("I knew you didn't know"): there, the
    agent's being sure is of that, not of the answer."""
    return any(isinstance(n, s.Knows) and n.agents == (agent,) and n.mode == "that" and
               any(isinstance(m, s.Knows) and agent not in m.agents for m in s.walk(n.body))
               for n in s.walk(said))


def statement_parts(said: s.Formula) -> tuple[s.Formula, ...]:
    """The clauses of what a speaker says: the items of a conjunction ("I don't know, but I know you don't"), else
    the whole."""
    return tuple(said.items) if isinstance(said, s.And) else (said,)


def _restated(puzzle: s.Puzzle) -> dict:
    """Each announcement's parts ("P does not know the card", "Q knew that P did not know") as formula keys,
    mapped to the stage of the earliest announcement that says them: a claim with one of these keys restates it.
    ("@past", key): a part said of an earlier time; ("@known", key): what a part says its speaker knows."""
    out: dict = {}

    def parts(f, past=False):
        if isinstance(f, s.And):
            for x in f.items:
                yield from parts(x, past)
        elif isinstance(f, s.Past):
            yield from parts(f.body, True)
        else:
            yield f, past

    for k, a in enumerate(puzzle.announcements, start=1):
        for f, past in parts(a.said):
            out.setdefault(formula_key(f), k)
            if past:  # "Bernard didn't know at first": what the announcement says of an earlier time
                out.setdefault(("@past", formula_key(f)), k)
            if isinstance(f, s.Knows) and f.mode == "that":  # "I know Bernard doesn't know": what the speaker
                out.setdefault(("@known", formula_key(f.body)), k)  # says is known ("Bernard indeed doesn't know")
    return out


# A relative clause after a speaker ("Q, who holds the suit, says …"): between the speaker and the speech verb.
_RELATIVE_CLAUSE = r"(?:[,，]\s*(?i:who|whose)\b[^,，.。!?\n]{1,60}[,，]|\s*[(（]\s*(?i:who|whose)\b[^()（）\n]{1,60}[)）])"
_RELATIVE = re.compile(r"(?<=\w)" + _RELATIVE_CLAUSE)


# "S — now aware that P's product is ambiguous — declares": an aside between dashes right after a name
ASIDE = re.compile(r"(?<=\w)\s+[—–]\s[^—–.。!?\n]{1,80}\s[—–]\s")


def outside_relatives(sentence: str, toks: list) -> list:
    """The sentence's tokens outside relative clauses and dashed asides after a name: "Q, who holds the suit, says"
    and "S — now aware that P's product is ambiguous — declares" scan as "Q says", "S declares"."""
    if "who" not in sentence and "—" not in sentence and "–" not in sentence:
        return toks
    spans = [m.span() for m in _RELATIVE.finditer(sentence)] + [m.span() for m in ASIDE.finditer(sentence)]
    return [t for t in toks if not any(a <= t.start < b for a, b in spans)] if spans else toks


# A sentence split for step-level readers (speech, announcements claimed early)
SENTENCES = re.compile(r"[^.。!?！？\n]+")


_NOBODY = re.compile(r"(?i:\b(?:nobody|no\s+one|none|no\s+child|no\s+kid|not|didn't|doesn't|don't|never|silent|"
                     r"silence|stays?|stayed|remains?|remained|still)\b)|没|无人|不|沉默")
# Children stepping forward, as the rounds of silence ask of those who know: "both step forward", "有泥的孩子站出来了"
_STEP_FORWARD = re.compile(r"(?i:\bstep(?:s|ped)?\s+(?:forward|out)\b)|站了?出来")
# A rule or a failure, not a narration: "For a child to know …, it must … see that the others failed to step forward"
_NOT_NARRATED = re.compile(r"(?i:\bfail(?:s|ed)?\s+to\b|\bmust\b|\bneeds?\s+to\b|"
                           r"\bfor\s+(?:a|each|every|any)\s+\w+\s+to\b)|"
                           r"必须|才能|才会")
_CLEAN = re.compile(r"(?i:\bclean\b)|干净")  # ("it's the two clean children who step forward": a claim, not the end)
_IF_ANY = re.compile(r"(?i:\b(?:if|suppose|unless|when)\b|\bwith\s+(?:exactly\s+|only\s+|just\s+)?"
                     r"(?:one|two|three|four|five|six|\d)\s+(?:muddy|dirty|blue)\b)|如果|假如|假设|要是|的话")
# (and a supposed count: "So with one muddy child, someone steps forward at the first question")
_TOLD_US = re.compile(r"(?i:\b(?:says?|said|announces?|announced|tells?|told|declares?|declared|states?|stated)\b)")
_ELIDED_NOT = frozenset({"couldn't", "could not", "can't", "cannot", "wouldn't", "would not", "won't", "will not"})


def _elided(toks) -> tuple[str, ...]:
    """("notknow",) when the last knowing word is followed by another agent and a negated modal with no verb
    ("S knew P couldn't"), else ()."""
    last = max((i for i, u in enumerate(toks) if u.kind in ("know", "notknow")), default=None)
    if last is None:
        return ()
    rest = toks[last + 1:]
    return ("notknow",) if any(u.kind == "agent" and i + 1 < len(rest) and rest[i + 1].kind == "modal" and
                               rest[i + 1].text.lower() in _ELIDED_NOT and not any(
                                   v.kind in ("know", "notknow") for v in rest[i + 2:]) for i, u in enumerate(rest)) else ()


def _pronoun_says_next(toks, i: int) -> bool:
    """Whether a pronoun and a saying verb follow toks[i]: ", and he says …"."""
    return i + 2 < len(toks) and toks[i + 1].kind == "he" and toks[i + 2].kind == "says"


def said_words(toks) -> tuple[str, ...]:
    """The know / don't-know words a speaker says: up to another agent or a comma before the first of them
    ("after Q's remark, P knows": nothing is Q's), nested clauses after it ("Q said he knew P didn't know"). Speech
    straight about another agent is the speaker's knowledge of it ("Albert claims Bernard can't know": know, notknow)."""
    out = []
    last = None
    said = False  # right after "says", through the commas of an aside ("Anne says that, actually, now she does know")
    for i, u in enumerate(toks):
        kind = u.kind
        said = kind == "sep" and (said or last == "says")
        if kind == "we" and not out:
            break  # "after S's remark we know x + y = 17": the trace's own knowledge, not what S said
        if (kind == "know" or kind == "notknow") and (last != "modal" or out):  # "P would know" is no statement,
            # but "Q knew P would be stuck" is Q's knowledge of what P would not know
            out.append(kind)
        if out and kind == "sep" and u.text in (";", "；"):
            break  # "Bo says he didn't know at first but knows now; … Bo with 19 would be stuck": the trace's own
        if out and kind == "agent" and i + 1 < len(toks) and toks[i + 1].kind == "modal" and \
                toks[i + 1].text.lower() in _ELIDED_NOT and (i + 2 == len(toks) or toks[i + 2].kind not in ("know", "notknow")):
            out.append("notknow")  # "S knew P couldn't": the verb elided after a negated modal
        if out and kind == "modal" and last == "know" and u.text.lower() in _ELIDED_NOT and \
                (i + 1 == len(toks) or toks[i + 1].kind not in ("know", "notknow")):
            out.append("notknow")  # "S: I knew you couldn't" (no agent named before the modal)
        if not out and kind == "agent" and last == "says":
            out.append("know")
        prev, last = last, kind
        if kind == "know" or kind == "notknow" or (kind == "agent" and prev == "says"):
            continue
        elif not out and (kind == "agent" or (kind == "sep" and u.text not in (":", "：", "—", "–") and not said and
                                              not _pronoun_says_next(toks, i))):
            break  # (`Albert says, "I don't know…"`, `Albert — "I don't know…"`: what is said opens there; "The
            # second man sees …, and he also says he doesn't know": the subject's pronoun, then his saying)
    return tuple(out)


def subsequence(a: tuple, b: tuple) -> bool:
    it = iter(b)
    return all(x in it for x in a)


_MISSING = object()


# "d3 announces 0", "丙宣布：0": a speech verb, then the number said, and nothing more in the clause
_SAID_NUMBER = re.compile(r"\s*(?:\*\*)?\s*(?:(?:now\s+|then\s+|also\s+)?(?:announces|announced|says|said|declares|declared|"
                          r"outputs|reports|reported|calls\s+out|也?宣布|说|报)\s*(?:[:：]\s*)?)[\"“「]?(\d+)[\"”」]?\s*"
                          r"(?:\*\*)?\s*(?:[.。,，;；!！]|$)", re.IGNORECASE)


# An idea given up for what really holds, in one sentence: "一开始我以为第二位的“不知道”只是在重复第一位的话，但其实它排除了
# b₂ = 0" (the statements it names date the idea, not the claim after it)
_GIVEN_UP = re.compile(r"(?:一开始|起初|本来|原本|最初|开始)我?(?:还)?(?:以为|觉得|认为)[^。！？\n]*?(?:但|可是|然而|不过)(?:其实|实际上|事实上)|"
                       r"(?i:\b(?:at\s+first|initially|originally)\s*,?\s*I\s+(?:thought|assumed|believed)\b[^.!?\n]*?"
                       r"\bbut\s+(?:actually|in\s+fact|really)\b)")


@dataclass(frozen=True, eq=False)
class Aligner:
    """Per-puzzle matchers for its announcements."""

    quotes: tuple[tuple[str, ...], ...]
    speakers: tuple[str | None, ...]
    polarity: tuple[str, ...]
    cues: tuple[tuple[str, ...], ...]  # _cues of each announcement
    lexicon: Lexicon
    says: re.Pattern  # any surface that can scan as a "says" cue (a quick necessary test before scanning)
    speech: re.Pattern  # a speech word or a statement's name: sentences without one name no announcement
    speaks: re.Pattern  # a speaker's name followed closely by a speech word, a statement's name or a colon
    knows: re.Pattern  # any surface that can scan as "know" or "notknow" (likewise)
    longest: int = 0  # the longest quote
    restated: dict = field(default_factory=dict)  # formula key of an announcement's part -> its stage
    signatures: tuple = ()  # (stages, words) for announcements without a speaker ("Father: ...", rounds of silence)
    labels: tuple = ()  # (pattern, stage): "the father's statement" names the first announcement labelled "Father:"
    opens_on_label: re.Pattern | None = None  # a line that opens on such a label: "Father: …", "1) Father — …"
    words: tuple = ()  # the words of each announcement's texts, by language (for `described_knowing`)
    past: tuple = ()  # whether each announcement is wholly about an earlier time ("I knew you didn't know")
    voices: tuple = ()  # who says each announcement's words: its speaker, else the agent its texts' label names
    shared: bool = False  # whether two announcements share words ("I don't know your number" of Anne and of Bill)
    contents: tuple = ()  # the content words of each announcement's texts, for statements without "know"
    setup: frozenset = frozenset()  # the Chinese bigrams of the puzzle's setup (_setup_bigrams)
    spoken: tuple = ()  # each announcement's folded texts without a speaker's label ("我不知道我的数")
    memo: dict = field(default_factory=dict)  # (opening of a step, current stage) -> located stage
    limit: int = 50_000

    @classmethod
    def build(cls, puzzle: s.Puzzle, lexicon: Lexicon) -> "Aligner":
        full = [[fold(t) for _, t in a.texts] for a in puzzle.announcements]
        short = [[q for q in (fold(_OBJECT_END.sub("", t)) for _, t in a.texts) if len(q) >= SHORT_QUOTE[q.isascii()]]
                 for a in puzzle.announcements]  # "I knew you didn't know" for "… know the card"
        short = [sq + bq for sq, bq in zip(short, _unlabelled_quotes(puzzle))]
        every = [q for qs in full for q in qs]
        quotes = tuple(tuple(dict.fromkeys([q for q in qs if len(q) >= 2] + [q for q in sq if q not in every] +
                                           _echoes(qs, full[:k]) +
                                           (_knew([q for q in qs + sq if q not in every]) if isinstance(
                                               a.said, s.Past) else [])))
                       for k, (qs, sq, a) in enumerate(zip(full, short, puzzle.announcements)))
        return cls(quotes, tuple(a.speaker for a in puzzle.announcements),
                   tuple(_polarity(a.said) for a in puzzle.announcements),
                   tuple(_cues(a.said) for a in puzzle.announcements), lexicon, _surfaces(lexicon, {"says"}),
                   re.compile(_surfaces(lexicon, {"says"}).pattern + r"|(?i:statement|announcement|remark|reply)|"
                              r"[:：]|声明|发言|回答|的话"),
                   re.compile("(?:" + _surfaces(lexicon, {"agent", "ambig"}).pattern + r")" + _RELATIVE_CLAUSE +
                              r"?[^。.!?\n]{0,30}?(?:"
                              + _surfaces(lexicon, {"says"}).pattern
                              + r"|(?i:statement|announcement|remark|reply|response|claim|turn|opening)|[:：—–]|"
                              r"声明|发言|回答|的话)|(?i:,\s+and\s+(?:he|she)\s+(?:also\s+|then\s+|too\s+)?(?:says|said)\b)"),
                   # (", and he also says he doesn't know": the subject's pronoun and his saying)
                   _surfaces(lexicon, {"know", "notknow"}), max((len(q) for qs in quotes for q in qs), default=0),
                   _restated(puzzle), _signatures(puzzle), _labels(puzzle), _label_opening(puzzle),
                   tuple(tuple(_words(t) for _, t in a.texts) for a in puzzle.announcements),
                   tuple(isinstance(a.said, s.Past) for a in puzzle.announcements), _voices(puzzle, lexicon),
                   len({q for qs in quotes for q in qs}) < sum(len(set(qs)) for qs in quotes),
                   contents=tuple(tuple(content_words(t) for _, t in a.texts) for a in puzzle.announcements),
                   setup=_setup_bigrams(puzzle),
                   spoken=tuple(tuple(_spoken(t) for _, t in a.texts) for a in puzzle.announcements))

    def said_in_turn(self, text: str) -> set[int]:
        """The statements a quote told as said in turn names ("三人依次说「我不知道我的数」"): each with those words."""
        if not any(w in text for w in _IN_TURN_WORDS):
            return set()  # (a literal test first: the pattern opens on alternatives, tried at every offset)
        said = {fold(_OBJECT_END.sub("", m.group(1))) for m in _IN_TURN.finditer(text)}
        named = {k + 1 for k, qs in enumerate(self.spoken) if said & set(qs)} if said else set()
        return named if len(named) >= 2 else set()

    def align(self, texts: list[str]) -> list[Alignment]:
        out, current, reached = [], 0, 0
        names = initial_labels(self.voices, texts)  # the labels the trace has given the statements so far ("(1)",
        # "①", or "A1", "B2" from the speakers' initials)
        parts: dict[str, int] = {}  # the trace's own numbered headings so far ("## Step 1: Albert's statement") -> stage
        listed = None  # (the stage before, the last statement) of the dialogue being listed line by line
        headed = None  # the stage a heading step just moved to ("### 2. 第一次没人站出来"), for the step under it
        for i, text in enumerate(texts):
            before = current
            k, how = self.locate(text, current)
            if listed is None and reached == 0 and k == 1 and how == "quote" and self._lines_ahead(texts, i):
                listed = (current, current)  # 'Albert: "I don't know …"' / 'Bernard: "…"' / 'Albert: "…"', a line a
                # step before any reasoning, with no lead-in: the dialogue restated all the same
            if listed is not None and how == "quote" and k == listed[1] + 1 and self._bare_line(text, k):
                # "接着有三句对话：\n\n阿尔伯特：…\n\n伯纳德：…": the puzzle's dialogue, a line a step; no progress
                listed = (listed[0], k)
                reached = max(reached, k)  # (as the lines were read before: told, if not worked through)
                out.append(Alignment(listed[0], "recap", reached, (), ()))
                continue
            listed = (current, current) if _DIALOGUE_RETOLD.search(text[-40:]) and text.rstrip()[-1:] in ":：" \
                else None  # (a step ending on "接着有三句对话：", "The conversation goes:")
            if k is not None:
                current = k
                part = _PART_HEADING.match(text)
                if part is not None:
                    parts[part.group(1) or part.group(2)] = k
            back = _looked_back(text, parts, current) if k is None else None
            cues = self.inner_cues(text, current)
            if "(" in text or "（" in text or "①" in text or any(len(n) == 4 and n[1:3] in text for n in names):
                defined = self.memoised(("@labels", text), lambda: defined_labels(self.lexicon, self.voices, text))
                names.update(defined.names if defined else {})
                skip = (defined.start, defined.end) if defined else None
                cues = tuple(sorted(cues + tuple(Cue(at, n, "numbered", True)
                                                 for at, n in label_mentions(names, text, skip)), key=lambda c: c.at))
            if k is None and current < len(self.quotes) and self.speakers[current] is not None:
                # (a step that opens on a statement and then tells the one after it in the present confuses the two:
                # '### "Now I know the card"\nMr. Q now knows the card.' is P's line given to Q)
                cues = tuple(sorted(cues + self.told_present(text, current), key=lambda c: c.at))
            if how == "quote":  # "### Q's statement — "I knew you didn't know"": the quote, not Q's next one (nor
                # another speaker's: '**Interpreting "I know that Bo does not know"**' is Ali's, not Bo's)
                cues = tuple(c for c in cues if c.how not in ("heading", "paraphrase") or c.at > 0 or c.stage == k)
            if len(out) < 3 and reached == 0 and _GIVEN_HEADING.match(text) is not None:
                out.append(Alignment(before, "recap", reached, (), ()))  # "## Step 1: Understand the given
                current = before  # information" and the puzzle retold: no progress
                continue
            named = {c.stage for c in cues if c.how != BEFORE_REFERENCE} | ({k} if k else set())  # (what held
            # before a statement names no statement retold)
            if not out and self.signatures and len(named) < 3:  # "父亲说至少一个人有泥，…，没人站出来；然后有泥的
                # 孩子都知道自己有泥了": one sentence retelling the speakerless statements up to the last names each
                described = {j for piece in _PIECES.split(text) for j in self.described(piece, current)}
                if len(self.quotes) in described and (len(described) >= 2 or any(
                        knowing and len(self.quotes) in stages for stages, _, knowing in self.signatures)):
                    named |= described  # (ending on the knowing: "然后有泥的孩子都知道自己有泥了"; or naming the last and
                    # another: "Then, in order: Alice says she doesn't know her number, …, Carol says she doesn't …")
            named |= self.said_in_turn(text)
            # the whole dialogue retold: the puzzle restated (no progress) or a summary; at the start, a retelling
            # that ends on the puzzle's question ("… Then every muddy child knows. How many are muddy?") or on its
            # last statement ("…没人站出来；然后有泥的孩子都知道自己有泥了。")
            if len(named) >= 3 or (len(out) < 2 and len(named) >= 2 and (
                    _ASKS.search(text) is not None or (max(named) == len(self.quotes) and self.speakers[-1] is None))) or \
                    ((len(out) < 3 or reached == 0) and named and _DIALOGUE_RETOLD.search(text) is not None):
                # (after set-up steps too, while nothing is reached: "对话是：P说不知道；Q说…" after the deck is listed)
                # ("The dialogue runs P (can't), S (knew it), P (now can), S (so can I).": the whole of it, told in
                # words the cues only partly know)
                top = max([reached, before] + list(named))
                out.append(Alignment(before, "recap", top, tuple(c for c in cues if c.how.startswith("reference")),
                                     _lined_turns(text, cues)))
                current = before
                if (len(out) > 2 and not (reached == 0 and (self._dialogue_lines(text) or
                                                            _DIALOGUE_RETOLD.search(text) is not None))) or before > 0 or \
                        self.worked_outline(text):  # a summary of the reasoning, or the reasoning as an outline: the
                    reached = top  # trace has been through it (not the puzzle retold, however late, which draws
                    # nothing: "…然后：\nP先生：我不知道这张牌。\nQ先生：…")
                continue
            if headed == current and k is None:
                cues = self._under_heading(cues, current)
            cues = _lined_turns(text, self._walked_on(text, cues, current))
            reached = max([reached, current] + [c.stage for c in cues if c.strong or not _AHEAD.search(
                text, max(0, c.at - 24), c.at)])  # ("… so the sum is odd. Let me get to S's statement": not yet)
            out.append(Alignment(current if back is None else back, how if k is not None else "carried", reached, cues))
            for c in cues:  # a back-reference further in a step does not rewind the trace
                if c.strong and c.stage > current:
                    current = c.stage
            headed = current if current > before and "\n" not in text.strip() and \
                _HEADING_STEP.match(text) is not None else None
        return _proved(texts, out)

    def _under_heading(self, cues: tuple[Cue, ...], current: int) -> tuple[Cue, ...]:
        """The cues of the step under a heading that moved the trace to statement `current`, less the first that reads
        the next statement by content alone when the two are worded alike: "### 2. 第一次没人站出来" over "…没人站出来，
        所以…" tells the heading's silence again, not the next one."""
        if current >= len(self.quotes) or not set(self.quotes[current]) & set(self.quotes[current - 1]):
            return cues
        first = next((c for c in cues if c.how == "content" and c.stage == current + 1), None)
        return cues if first is None else tuple(c for c in cues if c is not first)

    def _lines_ahead(self, texts: list[str], i: int) -> bool:
        """Whether steps i, i + 1, … are the dialogue's statements 1, 2, … to the last, each its quote alone, and a
        later step names the first statement again (the walk-through restarts; else the lines are its outline)."""
        n = len(self.quotes)
        return n >= 2 and i + n <= len(texts) and all(
            self.locate(texts[i + j], j) == (j + 1, "quote") and self._speaker_and_quote(texts[i + j], j + 1)
            for j in range(n)) and any(self.locate(t, 0)[0] == 1 for t in texts[i + n:])

    def _speaker_and_quote(self, text: str, k: int) -> bool:
        """Whether a step is statement k's quote and a name for its speaker, nothing more (not '阿里说："…" 也就是说，
        …', the statement glossed as the trace walks through it)."""
        folded = fold(text)
        return any(q in folded and len(folded) - len(q) <= 12 for q in self.quotes[k - 1])

    def _dialogue_lines(self, text: str) -> bool:
        """Whether a step is the puzzle's dialogue set out, a line per statement under its speaker's name, after an
        optional label ("Statements:\nAli: I don't know, …\nBo: At first …\nAli: Then I also know."): the puzzle
        restated, however many steps of set-up came before it."""
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) == len(self.speakers) + 1 and lines[0].rstrip().endswith((":", "：")):
            lines = lines[1:]
        if len(lines) != len(self.speakers) or None in self.speakers:
            return False
        for k, (line, speaker) in enumerate(zip(lines, self.speakers), start=1):
            m = _SPEAKER_LINE.match(line)
            toks = self.lexicon.scan(m.group(1)) if m is not None else []
            if len(toks) == 1 and (toks[0].kind == "agent" and toks[0].payload == speaker or
                                   toks[0].kind == "ambig" and dict(toks[0].payload).get("agent") == speaker):
                continue  # ("4. Q: Now I know it too.": Q the speaker, not the queen)
            if m is None or not _TURN_LABEL.fullmatch(m.group(1).strip()) or \
                    m.group(1).strip()[0].upper() != speaker[0].upper() or \
                    not any(q in fold(line[m.end():]) for q in self.quotes[k - 1]):
                return False  # ('A1: "I don't know …"', 'B1: "At first …"': the speaker's initial and turn, his words)
        return True

    def _bare_line(self, text: str, k: int) -> bool:
        """Whether a step is statement k's line alone ("伯纳德：“起初我不知道……”", "2. Bernard: "…""): its quote
        and a label, no more."""
        return len(fold(text)) <= max((len(q) for q in self.quotes[k - 1]), default=0) + 24

    def _walked_on(self, text: str, cues: tuple[Cue, ...], current: int) -> tuple[Cue, ...]:
        """A step that reaches a statement by a cue of its own and then tells the next ones in turn ("- Ali says he
        knows Bo doesn't know … Left: …\n- Bo didn't know at first … and knows now. …\n- Ali now knows. …"): each
        narration read after the cue of the statement before it, as a step opening there would be."""
        out = list(cues)
        stage = max([current] + [c.stage for c in cues if c.strong])
        while current < stage < len(self.quotes) and self.speakers[stage] is not None:
            at = min(c.at for c in out if c.strong and c.stage == stage)
            more = [c for c in self._narrated_next(text, stage) + list(self.told_present(text, stage)) if c.at > at]
            if not more:
                break
            first = min(more, key=lambda c: c.at)
            out.append(Cue(first.at, first.stage, WALKED, True))
            stage += 1
        return tuple(sorted(out, key=lambda c: c.at)) if len(out) > len(cues) else cues

    def outline_cues(self, text: str) -> tuple[Cue, ...]:
        """Lines of an outline of the dialogue: "2. Q: *knew* P didn't know → …" is statement 2 when Q makes it (the
        line's number and speaker agree). They date what the line says; they move no stage."""
        return self.memoised(("@outline", text), lambda: tuple(self._outline_cues(text)))

    def _outline_cues(self, text: str) -> list[Cue]:
        out = []
        for m in _OUTLINE_LINE.finditer(text):
            nth = int(m.group(1))
            toks = self.lexicon.scan(text[m.end():m.end() + 24])
            if not (0 < nth <= len(self.quotes)) or not toks or toks[0].start > 2 or self.voices[nth - 1] is None:
                continue  # (the voice: "1. 爱丽丝（看 b、c）说不知道 → b ≠ c" in What Sum, whose statements are labelled)
            t = toks[0]
            agent = t.payload if t.kind == "agent" else dict(t.payload).get("agent") if t.kind == "ambig" else None
            if agent == self.voices[nth - 1]:
                out.append(Cue(m.start(1), nth, "numbered", True))
        return out

    def worked_outline(self, text: str) -> bool:
        """Whether a step retelling the dialogue is the reasoning in outline ("1. Ali: doesn't know … → Apr, Jun out →
        Mar 18, …", "- Bo: didn't know, now does → 19 out"): two or more of its statement lines go on to a
        consequence (on the line or the indented lines under it), where a restatement of the puzzle gives the
        statements alone."""
        return sum(1 for line in self.outline_lines(text)
                   if _CONSEQUENCE.search(text, line.start, _INDENTED_UNDER.match(text, line.end).end())) >= 2

    def outline_lines(self, text: str) -> tuple[OutlineLine, ...]:
        """The lines of an outline that each give one statement: numbered ("2. Q: knew …") or bulleted with the
        speaker's label and a knowing word ("- 安妮：“不知道” → …", the speaker's statements taken in order)."""
        return self.memoised(("@lines", text), lambda: tuple(self._outline_lines(text)))

    def _outline_lines(self, text: str) -> list[OutlineLine]:
        out = [OutlineLine(c.at, _line_end(text, c.at), c.stage) for c in self.outline_cues(text)]
        last = 0
        for m in _BULLET_LINE.finditer(text):
            agent = self._speaker_knowing(m.group(1)) or self._speaker_answering(m.group(0), m.group(1)) or \
                self._speaker_quoting(m.group(0), m.group(1))
            k = next((k for k in range(last + 1, len(self.quotes) + 1) if self.speakers[k - 1] == agent), None) \
                if agent is not None else None
            end = _line_end(text, m.start(1))
            if k is None and _BULLET.match(m.group(0)) is not None:
                k = self._initial_nth(m.group(1))  # "• A₁ := ¬K_A(date) ∧ …\n  D₁ = …": the statement, with the
                k = k if k is not None and k > last else None  # indented lines under it
                end = _INDENTED.match(text, end).end() if k is not None else end
            if k is None and _BULLET.match(m.group(0)) is not None:  # "- **L2.** Same logic ⇒ L2 wants one": the
                # line labelled by its speaker alone, that speaker's next statement
                k = self._labelled_next(m.group(1), last)
            if k is None and self.signatures and _BULLET.match(m.group(0)) is not None and \
                    (label := _LINE_LABEL.match(m.group(1))) is not None:
                # "- *Round 2 silence.* …": the statement without a speaker that the line's label names
                k = max(self.described(next(g for g in label.groups() if g), last), default=None)
                k = k if k is not None and k > last else None
            if k is not None:
                k = self._joined_next(text, m.start(1), end, k)
                out.append(OutlineLine(m.start(1), end, k))
                last = k
        return sorted(set(out))

    def _labelled_next(self, line: str, last: int) -> int | None:
        """The statement after `last` of the agent a line's label names ("**L2.** …", "Bo: …"), when that agent
        speaks once (a replay may name a later statement by the same label), or None."""
        label = _SPEAKER_LABEL.match(line)
        toks = self.lexicon.scan(label.group(1)) if label is not None else ()
        if len(toks) != 1 or toks[0].kind != "agent" or toks[0].text != label.group(1) or \
                self.speakers.count(toks[0].payload) != 1:
            return None
        k = self.speakers.index(toks[0].payload) + 1
        return k if k > last else None

    def _joined_next(self, text: str, start: int, end: int, k: int) -> int:
        """A line that names statement k and, joined to it, the next one's speaker before any consequence
        ('- P's "I don't know" and S's "I knew it" force the sum into …') gives both: dated by the later."""
        if k >= len(self.quotes) or self.speakers[k] is None:
            return k
        stop = _CONSEQUENCE.search(text, start, end)
        head = text[start:stop.start() if stop else end]
        toks = self.lexicon.scan(head)
        joined = [t for t in toks[1:] if t.kind == "agent" and t.payload == self.speakers[k] and
                  _JOIN_BEFORE.search(head, max(0, t.start - 6), t.start) is not None]
        return k + 1 if joined and toks and toks[0].start <= 2 else k

    def _speaker_knowing(self, line: str) -> str | None:
        """The speaker whose label opens a bullet line followed by a knowing word ("- P: don't know → …", a statement
        in outline, where "- P: sees the product" is what P observes), or None."""
        if ":" not in line[:16] and "：" not in line[:16]:
            return None  # (a quick test: most lines open on no label)
        toks = self.lexicon.scan(line[:40])
        if len(toks) >= 3 and toks[0].kind in ("agent", "ambig") and toks[1].text in (":", "：") and \
                toks[1].start - toks[0].end <= 1 and any(t.kind in ("know", "notknow") for t in toks[2:4]) and \
                toks[2].kind in ("know", "notknow", "now", "past"):
            return toks[0].payload if toks[0].kind == "agent" else dict(toks[0].payload).get("agent")
        return None

    def _speaker_quoting(self, line: str, body: str) -> str | None:
        """The agent opening a bulleted line on his own words and a consequence ('- S's "I knew you didn't know" →
        …'): that agent's statement in outline, or None."""
        if _BULLET.match(line) is None or _OWN_WORDS.match(body) is None:
            return None
        return self._opening_agent(body[:40])

    def _speaker_answering(self, line: str, body: str) -> str | None:
        """The agent opening a bulleted line that quotes a bare answer ("- Anne sees a, … **Her "no" ⇒ a ∈ {1, …,
        9}.**"): that agent's statement in outline, or None."""
        if _QUOTED_ANSWER.search(body) is None or _BULLET.match(line) is None:
            return None
        return self._opening_agent(body[:24])

    def _opening_agent(self, head: str) -> str | None:
        """The agent (or the agent reading of an ambiguous name) that `head` opens on, or None."""
        toks = self.lexicon.scan(head)
        if not toks or toks[0].start > 2 or toks[0].kind not in ("agent", "ambig"):
            return None
        return toks[0].payload if toks[0].kind == "agent" else dict(toks[0].payload).get("agent")

    def memoised(self, key, make):
        """make(), cached under `key` in this aligner's bounded memo (readers of whole steps use it too)."""
        hit = self.memo.get(key, _MISSING)
        if hit is _MISSING:
            if len(self.memo) >= self.limit:
                self.memo.clear()
            hit = self.memo[key] = make()
        return hit

    def inner_cues(self, text: str, current: int) -> tuple[Cue, ...]:
        """Mentions of announcements anywhere in a step (quotes, speakers, statement names), cached."""
        key = ("@inner", text, current)
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) >= self.limit:
                self.memo.clear()
            hit = self._inner_cues(text, current)
            if "以为" in text or "thought" in text or "assumed" in text:
                given_up = [m.span() for m in _GIVEN_UP.finditer(text)]
                hit = tuple(c for c in hit if not any(a <= c.at < b for a, b in given_up))
            self.memo[key] = hit
        return hit

    def _inner_cues(self, text: str, current: int) -> tuple[Cue, ...]:
        out: list[Cue] = []
        folded = fold(text) if self.quotes else ""
        seen: dict[str, int] = {}  # a text several announcements share names only the next of them
        for k, qs in enumerate(self.quotes):
            for q in qs:
                at = folded.find(q)
                if at >= 0 and len(q) <= WORD_QUOTE and not _quoted_word(text, q):
                    continue  # 'nobody can answer "yes" on their own wish' is no "Yes!" said (nor is any "yes")
                if at >= 0 and (q not in seen or seen[q] <= current):
                    if q in seen:
                        out = [c for c in out if not (c.how == "quote" and c.stage == seen[q] and c.at == at)]
                    seen[q] = k + 1
                    out.append(Cue(at, k + 1, "quote", True))
        if seen and self.shared:
            out = self._voiced(text, out, current)
        for m in NUMBERED_STATEMENT.finditer(text):  # "Statement 2", "第二句", "announcement #3": by number
            nth = int(m.group(1)) if (m.group(1) or "").isdigit() else ZH_NUMBERS.get(m.group(2) or "", 0) or \
                _ORDINAL_LINES.get((m.group(3) or "").lower(), 0)  # ("the second line is the strong one")
            if 0 < nth <= len(self.quotes):
                out.append(Cue(m.start(), nth, "numbered", True))
        for m in _OWN_LAST.finditer(text) if "最后" in text else ():  # "被Q先生最后一句排除": Q's last statement
            toks = self.lexicon.scan(m.group(1))  # (a name that is also a value is the speaker here: "Q的最后一句话")
            who = toks[-1].payload if toks and toks[-1].kind == "agent" else \
                dict(toks[-1].payload).get("agent") if toks and toks[-1].kind == "ambig" else None
            own = self.statements_of(who) if who is not None else []
            if own:
                out.append(Cue(m.start(), own[-1], "numbered", True))
        for m in _ORDINAL_LABEL.finditer(text) if "tatement" in text or "nnouncement" in text else ():
            word = m.group(1).lower()  # "- *Third statement.* Albert's closing …": the dialogue's third, as a label
            nth = len(self.quotes) if word in ("last", "final") else current + 1 if word == "next" else \
                _ORDINAL_LINES[word]  # ("Next announcement: every muddy child already knows.": the one after)
            if 0 < nth <= len(self.quotes):
                out.append(Cue(m.start(1), nth, "numbered", True))
        for m in _FIRST_FEW.finditer(text) if "first" in text.lower() or "前" in text else ():
            nth = _COUNT_WORDS.get((m.group(1) or m.group(2)).lower(), 0)  # "**First two statements.**": 1 and 2
            if 1 < nth <= len(self.quotes):
                out.append(Cue(m.start(), nth, "numbered", True))
        if _NAMES.search(text) is not None or _QUOTED_AFTER.search(text) is not None:
            out += self._references(text, current)
        for pattern, k in self.labels:  # "the father's announcement", "父亲的话"
            out += [Cue(m.start(), k, "reference", False) for m in pattern.finditer(text)]
        at = 0
        for line in text.split("\n") if _HEADING_ANY.search(text) else ():
            start, at = at, at + len(line) + 1
            quoted = _QUOTE_HEADING.match(line)
            label = _LABEL.match(line)
            if label is not None:
                line = label.group(1)  # "- *P doesn't know:* the rank must ...", "**Statement 1 (P doesn't know):**"
            cue = None
            if len(line) <= 120 and (label or _HEADING.match(line)) and (self.knows.search(line) or _NAMES.search(line)) \
                    and not self._quotes_in_hand(line.lstrip(), current) and _WHO_KNOWS.search(line) is None:
                cue = self._speech_cue(line, current, heading=True)  # "## 2. S knew P didn't know"
            if cue is None and quoted is not None:  # '**Q's "me too".**', no words of his: Q's next statement
                toks = self.lexicon.scan(quoted.group(1))
                agent = None if len(toks) != 1 else toks[0].payload if toks[0].kind == "agent" else \
                    dict(toks[0].payload).get("agent") if toks[0].kind == "ambig" else None
                k = next((k for k in range(current + 1, len(self.quotes) + 1) if self.voices[k - 1] == agent), None)
                if agent is not None and k is not None and self._quoted_part(quoted.group(0)) is None:
                    cue = (k, "paraphrase", True)
            if cue is None and (bare := _BARE_QUOTE_HEADING.fullmatch(line)) is not None and \
                    not any(fold(bare.group(1)) in q for qs in self.quotes for q in qs):  # (not '### "But I know
                # now"', the words of a statement, part of the one in hand)
                said = said_words(tokens(self.lexicon, bare.group(1)))  # '## "I didn't know before, but I do now"':
                k = next((k for k in range(current + 1, len(self.quotes) + 1)  # the next statement of that shape
                          if said and self.cues[k - 1] == said), None)
                cue = (k, "paraphrase", True) if k is not None else None
            if cue is not None:
                out.append(Cue(start, cue[0], cue[1], cue[2]))
        at = 0
        low = text.lower() if "," in text or ":" in text or "：" in text else ""  # "First, …", "Third: P now …"
        leading = any(w in low for w in _LEADING_WORDS)
        pieces = _PIECES.split(text) if leading or self.signatures else ()
        for sentence in pieces if leading else ():  # "First, P can't determine ... Third, P"
            start, at = at, at + len(sentence) + 1
            m = _LEADING_ORDINAL.match(sentence)
            if m is None or self.knows.search(sentence) is None:
                continue
            nth = _ORDINALS.get(m.group(1).lower(), 0)
            k = len(self.quotes) if nth == -1 else nth
            agent = next((u.payload for u in tokens(self.lexicon, sentence) if u.kind == "agent"), None)
            if 0 < k <= len(self.quotes) and agent is not None and self.speakers[k - 1] in (agent, None):
                out.append(Cue(start, k, "ordinal", True))
        if self.signatures:
            at, asked = 0, 0
            for sentence in pieces:
                start, at = at, at + len(sentence) + 1
                k = self._signature_cue(sentence, current)
                rounds = [_round_number(m) for m in _ROUND.finditer(sentence)]
                if k is not None and asked and not rounds:  # "… they would step forward at the second question.
                    # Nobody does": the silence of the round the sentence before names
                    group = next((stages for stages, _, _ in self.signatures if k in stages and len(stages) > 1), ())
                    bare = _SILENT_LEAD.match(sentence) is not None or _SILENT_SENTENCE.fullmatch(sentence) is not None
                    if asked <= len(group) and (group[asked - 1] > k or bare):
                        k = group[asked - 1]  # ("… know at the first question. Silence → at least 2": that round's,
                        # even when the trace already stands past it)
                asked = max(rounds, default=0)
                if k is not None and k > current and (ALREADY.search(sentence) is not None and
                                                      self.described_knowing(sentence) == k or
                                                      self.dated_knowing(sentence) is not None):
                    continue  # "at this point the muddy children already know", "after the second silence every
                    # muddy child knows" (with four muddy): a claim (announced.py), no narration
                if k is not None:
                    out.append(Cue(start, k, "content", True))
        if current < len(self.quotes) and self.speakers[current] is not None and _PAST_KNOWING.search(text):
            out += self._narrated_next(text, current)
        if 0 < current < len(self.quotes) and self.speakers[current] is not None and _HEARS.search(text) is not None:
            out += self._hearing_next(text, current)
        if 0 < current < len(self.quotes) and self.voices[current] is not None and \
                _LIKEWISE.search(text, 0, 40) is not None:
            out += self._likewise_next(text, current)
        if current < len(self.quotes) and self.speakers[current] is not None and \
                _WOULD_KNOW.search(text) is not None and _OUTLINE_CONSEQUENCE.search(text) is not None:
            out += self._outlined_next(text, current)
        if current < len(self.quotes) and self.voices[current] is not None and (
                _ELIDED.search(text) is not None or _HE_SAYS.search(text) is not None or
                _OWN_QUOTE.search(text) is not None):
            out += self._elliptic_next(text, current)
        if self.speaks.search(text) is not None or _QUOTE_MEANS.search(text) is not None:
            at = 0
            for sentence in _FIRST_SENTENCE.split(text):
                start, at = at, at + len(sentence) + 1
                if len(sentence) > 600 or self.speaks.search(sentence) is None and \
                        _QUOTE_MEANS.search(sentence) is None:
                    continue
                if out and any(q in fold(sentence) for qs in self.quotes for q in qs):
                    continue  # the sentence quotes an announcement word for word: the quote says which
                # a bold sentence inside a paragraph ("… fits it. **So P already knows.**") is no heading
                cue, offset = self._speech_cue(sentence, current, line_start=start == 0 or text[start - 1] == "\n"), 0
                for clause in _CLAUSE_BREAK.finditer(sentence) if cue is None and (";" in sentence or "；" in sentence) \
                        else ():  # "…；如果第三位戴红帽子，…；第二位说他也不知道": a supposition ends at its semicolon
                    offset = clause.end()
                    cue = self._speech_cue(sentence[offset:], current, line_start=False)
                    if cue is not None:
                        break
                if cue is not None:
                    out.append(Cue(start + offset, cue[0], cue[1], cue[2]))
        if ("**" in text and "\n" in text) or _PRONOUN_SAYS.search(text) is not None:
            out += self._named_lines(text, current, out)
        out.sort(key=lambda c: c.at)
        return tuple(self._named_quotes(out) if self.shared else out)

    def _named_lines(self, text: str, current: int, found: list[Cue]) -> list[Cue]:
        """Lines that open on a speaker's bold name and tell his statement in a sentence with a pronoun subject
        ("- **Bob** sees a and c. … He doesn't know, so a ≠ c."), and such a line right after one cued for the
        statement before his ("- **Carol** sees a and b. By the same argument, a ≠ b."): each his statement."""
        out: list[Cue] = []
        last, at = None, 0
        for line in text.split("\n"):
            start, at = at, at + len(line) + 1
            if not line.strip():
                continue
            had = [c.stage for c in found if c.strong and start <= c.at < at]
            m = _BOLD_NAME_LINE.match(line)
            toks = self.lexicon.scan(m.group(1)) if m is not None and not had else []
            if m is None and not had and _PRONOUN_SAYS.search(line) is not None:  # "Man 1 sees h2 and h3. … He says
                m = _PLAIN_NAME_LINE.match(line)  # he doesn't know, so WRR is out.": a plain name opening the line,
                toks = self.lexicon.scan(m.group(1)) if m is not None else []  # his words told after "He says"
            agent = toks[0].payload if len(toks) == 1 and toks[0].kind == "agent" else None
            if agent is None or not self.statements_of(agent):
                last = max(had) if had else None
                continue
            cue = next((Cue(start + p.start(1), *said) for p in _PRONOUN_SENTENCE.finditer(line, m.end())
                        if (said := self._speech_cue(f"**{m.group(1)}**: {p.group(1)}", current, heading=True))), None)
            if cue is None and last is not None and last < len(self.quotes) and \
                    (self.speakers[last] or self.voices[last]) == agent:
                cue = Cue(start, last + 1, "paraphrase", True)
            if cue is not None:
                out.append(cue)
            last = cue.stage if cue is not None else None
        return out

    def _named_quotes(self, cues: list[Cue]) -> list[Cue]:
        """A quote whose words several announcements share, after a reference to one of them in the step ("Anne's first
        statement. … So "I don't know your number" rules out …"), is that one's, not the next one with those words."""
        out, named = [], None
        for c in cues:
            if c.how in ("reference", "numbered", "ordinal"):
                named = c.stage
            elif c.how == "quote" and named is not None and named < c.stage and \
                    set(self.quotes[named - 1]) & set(self.quotes[c.stage - 1]):
                c = Cue(c.at, named, c.how, c.strong)
            out.append(c)
        return out

    def _narrated_next(self, text: str, current: int) -> list[Cue]:
        """"Mr. P was told the rank and couldn't name the card": the next announcement narrated in the past tense, by
        its speaker and with its know / don't-know structure, reaches it (a present "so P doesn't know" may be a
        conclusion drawn early, and is left to the judge)."""
        k = current + 1
        at = 0
        for sentence in _FIRST_SENTENCE.split(text):
            start, at = at, at + len(sentence) + 1
            if _PAST_KNOWING.search(sentence) is None:
                continue
            toks = tokens(self.lexicon, sentence)
            i = next((i for i, t in enumerate(toks) if t.kind == "agent"), None)
            if i is None or toks[i].payload != self.speakers[k - 1] or any(
                    t.kind in ("if", "modal", "he") for t in toks[:i + 3]):
                continue
            said = said_words(toks[i + 1:])
            knowing = [t for t in toks[i + 1:] if t.kind in ("know", "notknow")]
            if said == self.cues[k - 1] and knowing and _PAST_KNOWING.search(knowing[0].text):
                return [Cue(start, k, "narrated", True)]
        return []

    def _outlined_next(self, text: str, current: int) -> list[Cue]:
        """"Man 1 sees h2, h3. He'd know only if he saw two reds. So WRR is out.": a step opening on what the next
        speaker sees and when he would know works his statement out before naming it; what it concludes is after it."""
        sentence = _FIRST_SENTENCE.split(text, 1)[0]
        toks = tokens(self.lexicon, sentence)
        if not toks or toks[0].start > 2 or toks[0].kind != "agent" or toks[0].payload != self.speakers[current] or \
                _SEES.match(sentence, toks[0].end) is None:
            return []
        would = _WOULD_KNOW.search(text, len(sentence))
        then = _OUTLINE_CONSEQUENCE.search(text, would.end()) if would is not None else None
        return [] if then is None else [Cue(then.start(), current + 1, "narrated", True)]

    def _hearing_next(self, text: str, current: int) -> list[Cue]:
        """"第二位看得到第一位和第三位，也听到了第一位的话。": a step opening on the next speaker hearing what was said so
        far is his reasoning, up to his statement (the cases that follow are those his words decide)."""
        sentence = _FIRST_SENTENCE.split(text, 1)[0]
        toks = tokens(self.lexicon, sentence)
        if not toks or toks[0].kind != "agent" or toks[0].payload != self.speakers[current] or \
                _HEARS.search(sentence) is None or any(t.kind in ("if", "modal", "notknow", "know") for t in toks):
            return []
        return [Cue(0, current + 1, "narrated", True)]

    def _likewise_next(self, text: str, current: int) -> list[Cue]:
        """"Bob同理：如果a=c，他就知道b=2a，所以a≠c。": a step opening on the next speaker and "likewise", where his
        statement has the words of the one just discussed, works his statement out the same way."""
        toks = tokens(self.lexicon, text[:40])
        if not toks or toks[0].kind != "agent" or toks[0].payload != self.voices[current] or \
                text[:toks[0].start].strip(" *#>-•") or self.cues[current] != self.cues[current - 1] or \
                _LIKEWISE.match(text, toks[0].end) is None:
            return []
        return [Cue(0, current + 1, "paraphrase", True)]

    def told_present(self, text: str, current: int) -> tuple[Cue, ...]:
        """`_told_present`, memoised per step text and stage."""
        return self.memoised(("@present", text, current), lambda: self._told_present(text, current))

    def _told_present(self, text: str, current: int) -> tuple[Cue, ...]:
        """The next statement told in the present by its speaker as the subject: "(i) Albert, who holds the month,
        knows that Bernard doesn't know iff …" (a part of two or more know / don't-know words that ends it), "(ii)
        Bernard now knows iff …", "伯纳德现在知道了" (its closing knowing, with "now"). Only the next statement (an outline
        that tells the whole dialogue so is a recap), not a bare present "P doesn't know", which may be a conclusion
        drawn early, nor with a condition or in a question; but "Man 1 sees h2 and h3 and doesn't know" narrates the whole
        statement after what its speaker sees. Read only in a step whose opening names no statement."""
        k, at = current + 1, 0
        agent = next((a for a in self.lexicon.puzzle.agents if a.name == self.speakers[k - 1]), None)
        names = (agent.name, *agent.display) if agent is not None else ()
        folded = indexed_names(agent.name) if agent is not None else ()  # ("Man 1", "the first man": any case)

        def named(part: str) -> bool:
            return any(n in part for n in names) or bool(folded) and any(n in part.lower() for n in folded)
        if not named(text):
            return ()
        for sentence in _FIRST_SENTENCE.split(text):
            start, at = at, at + len(sentence) + 1
            if not named(sentence) or _ASKS.search(sentence + "\n") is not None or \
                    self.knows.search(sentence) is None:
                continue
            toks = outside_relatives(sentence, tokens(self.lexicon, sentence))
            i = next((i for i, t in enumerate(toks) if t.kind in _SUBJECT_KINDS), None)
            if i is None or toks[i].kind != "agent" or toks[i].payload != self.speakers[k - 1]:
                continue
            if any(t.kind == "if" for t in toks[i + 1:]) or _CONDITION.search(sentence, toks[i].end) is not None or \
                    _LABEL_COLON.match(sentence, toks[i].end) is not None:  # ("- Ali: doesn't know + …": an outline's
                # line, which dates what it says and moves no stage)
                continue  # "Bernard now knows, unless his day is 19": when he knows, at the stage before he says so
            said, whole = said_words(toks[i + 1:]), self.cues[k - 1]
            now = i + 2 < len(toks) and {toks[i + 1].kind, toks[i + 2].kind} == {"now", "know"}
            if (now and whole[-1:] == ("know",)) or (len(said) >= 2 and whole[-len(said):] == said) or \
                    (said == whole and _SEES_THEN.match(sentence, toks[i].end) is not None):
                return (Cue(start, k, "paraphrase", True),)
        return ()

    def _elliptic_next(self, text: str, current: int) -> list[Cue]:
        """The next statement told as a reply to the sentence before, its verb or its speaker left out: "… he would
        have known. He says he doesn't, so …", "… would know at once. But he didn't.", "P would know if the rank were
        unique. He says he doesn't know."; '- The second man sees … His "I don't know" …' (the line's speaker). The next
        statements in turn, each by its speaker and its know / don't-know words."""
        k, prev, at, out = current + 1, "", 0, []
        for sentence in _FIRST_SENTENCE.split(text):
            start, at = at, at + len(sentence) + 1
            elided, he_says = _ELIDED.search(sentence), _HE_SAYS.search(sentence)
            before, prev = prev, sentence
            if k > len(self.quotes):
                break
            if elided is None and he_says is None:
                owned = _OWN_QUOTE.search(sentence)  # '- The second man sees … His "I don't know" therefore …': the
                # speaker the line opens on, his words quoted
                line = text[text.rfind("\n", 0, start) + 1:start]
                agent = next((t.payload for t in tokens(self.lexicon, line) if t.kind == "agent"), None) \
                    if owned is not None else None
                if agent is not None and self.voices[k - 1] == agent and \
                        said_words(tokens(self.lexicon, owned.group(1))) == self.cues[k - 1]:
                    out.append(Cue(start, k, "paraphrase", True))
                    k += 1
                continue
            if self.knows.search(before) is None and (he_says is None or not before.strip()):
                continue  # (but "The first man sees the second and third hats. He says he doesn't know …": the
                # speaker named in the sentence before, his saying explicit)
            subject = tokens(self.lexicon, elided.group("subject")) if elided is not None else []
            agent = subject[0].payload if len(subject) == 1 and subject[0].kind == "agent" else None
            if agent is None and (he_says is not None or (subject and subject[0].kind == "he")):
                agent = next((t.payload for span in (before, text[:start])
                              for t in reversed(tokens(self.lexicon, span)) if t.kind == "agent" and
                              _SEEN_BEFORE.search(span, max(0, t.start - 12), t.start) is None), None)
                # (not "第三位" of "第一位智者能看到第二位和第三位的帽子。…他说不知道": whose hat is seen, not who speaks)
                # (or the one named earlier in the step: "Carol sees a and b. If a = b, … she knows. She says …")
            if elided is not None:  # the verb left out: a reply to a counterfactual, or what the speaker says
                said = ("notknow",) if elided.group("says") or _COUNTERFACTUAL.search(before) else ()
            else:
                toks = tokens(self.lexicon, sentence[he_says.end():])
                said = said_words(toks)
            j = next((j for j in range(k, len(self.quotes) + 1) if self.voices[j - 1] == agent and
                      self.cues[j - 1] == said), None) if agent is not None and said else None
            if j is not None:  # (the speaker's next statement of those words, as "Carol says she doesn't know" names
                out.append(Cue(start, j, "paraphrase", True))  # it: "Carol sees a and b. … She says she doesn't")
                k = j + 1
        return out

    def _references(self, text: str, current: int) -> list[Cue]:
        """"From Albert's statement", "after Bernard's second remark", "Q的第一句话": back-references (weak cues)
        to a speaker's statement; without an ordinal, the speaker's first one not after the current stage."""
        out = []
        original = text
        text = QUOTES.sub(lambda m: " " * len(m.group(0)), text)  # "…but I know now, after Ali's statement."
        for t in tokens(self.lexicon, text):
            if t.kind != "agent":
                continue
            quoted = _QUOTED_AFTER.match(original, t.end)
            if quoted is not None:  # "Q先生的“我早知道你不知道”", "Q's 'I knew'": the statement with those words
                k = self._quoted_part(original[t.start:quoted.end()])
                if k is not None:
                    out.append(Cue(t.start, k, "reference", False))
                    continue
            spoke = _SPOKE.match(text, t.end)
            if spoke is not None and (spoke.group("zh") or _BEFORE_WORD.search(text, max(0, t.start - 12), t.start)):
                # "before S spoke", "before Albert's final line", "阿尔伯特说话之前": the stage before that statement
                own = [k for k in range(1, len(self.quotes) + 1) if self.speakers[k - 1] == t.payload]
                nth = _ORDINALS.get((spoke.group("nth") or "").lower(), 0)
                if own and nth:
                    k = own[-1] if nth == -1 else own[nth - 1] if nth <= len(own) else None
                else:
                    k = max((k for k in own if k <= max(current, own[0])), default=None) if own else None
                if k is not None:
                    out.append(Cue(t.start, k - 1, BEFORE_REFERENCE, False))
                continue
            m = _REFERENCE.match(text, t.end)
            between = text[out[-1].at:t.start] if out else "."
            elided = m is None and "." not in between and "\n" not in between
            if elided:  # (only after a reference earlier in the sentence; "Bob's" is then the statement Bob voices)
                m = _ELIDED_REFERENCE.match(text, t.end)
            if m is None:
                continue
            own = self.statements_of(t.payload)  # (by speaker, or by the voice of a labelled line: "Alice: …")
            if not own:
                continue
            word = (m.group(1) or "").lower()
            nth = _ORDINALS.get(word, 0) or ZH_NUMBERS.get(word[1:], 0)
            this = "这" in m.group(0)  # "阿尔伯特这句话", "P的这句话": the speaker's statement at hand
            exact = bool(nth) or len(own) == 1 or this
            if nth:
                k = own[-1] if nth == -1 else (own[nth - 1] if nth <= len(own) else None)
            elif this:
                k = max((k for k in own if k <= max(current, own[0])), default=None)
            else:
                k = next((k for k in own if k <= max(current, own[0])), None)
            if k is not None:
                out.append(Cue(t.start, k, "reference" if exact else "reference, any of the speaker's", False))
        return out

    def dated_knowing(self, sentence: str) -> tuple[int, int, int] | None:
        """(j, k, where the dating phrase ends) when the sentence says what knowing announcement k says but dates it
        after announcement j < k - 1 by its opening ("After the second silence, every muddy child knows she is muddy"
        with four muddy: the knowing comes after the fourth silence): a claim about stage j (announced.py), not the
        dialogue narrated; else None."""
        lead = _AFTER_LEAD.match(sentence) if self.signatures else None
        if lead is None and self.signatures and _PREMISE_OPENS.match(sentence) is not None:  # "既然至少两个人有泥，
            # 而他已经看到两个，第一次没人站出来以后，每个有泥的孩子就能推出自己有泥": the dating phrase after its premises
            lead = next((m for c in _CLAUSE_MARKS.finditer(sentence) if (m := _AFTER_LEAD.match(sentence, c.end()))),
                        None)
        if lead is None and self.signatures and _CONCLUDES.search(sentence) is not None:  # "他知道至少有2个人有泥，
            # 而他看到的正好是2个，所以第一轮没人站出来之后，每个有泥的孩子就已经知道…": the dating phrase after "所以"
            lead = next((m for c in _CONCLUDES.finditer(sentence) if (m := _AFTER_LEAD.match(sentence, c.end()))),
                        None)
        if lead is None and self.signatures:  # "each muddy child already knows after the first silence that …":
            lead = _AFTER_INSIDE.search(sentence)  # the dating phrase inside the sentence, the knowing before it
            if lead is not None:
                k = self.described_knowing(sentence[:lead.start()])
                j = self.anchor(lead.group("en")) if k is not None and \
                    _DATED_CASE.search(sentence, 0, lead.end()) is None else None
                return (j, k, lead.end()) if j is not None and j < k - 1 else None
        reason = REASON_OPENS.search(sentence, lead.end()) if lead is not None else None
        if lead is None or _DATED_CASE.search(sentence, 0, reason.start() if reason else len(sentence)) is not None:
            return None  # (a case in its reason is no case of the claim: "…，因为…两个有泥的情况在第一轮之后就该解决了")
        rest = sentence[lead.end():]
        end = _CLAUSE_END.search(rest)
        k = self.described_knowing((lead.group("subj") or "") + (rest[:end.start()] if end else rest))  # (its
        # subject and first clause: "… two rounds of silence rule out …; at that point each muddy child … knows"
        # walks on first)
        j = self.anchor(lead.group("en") or lead.group("other") or lead.group("zh")) if k is not None else None
        return (j, k, lead.end()) if j is not None and j < k - 1 else None

    def described_knowing(self, sentence: str) -> int | None:
        """The one announcement without a speaker, made once and saying that someone knows, whose distinctive words
        the sentence has, or one of them and two thirds of all its words ("the muddy children know they are muddy"
        for "Now every muddy child knows that they are muddy."), or None."""
        words = _words(sentence)
        found = [stages[0] for stages, sig, knowing in self.signatures if knowing and len(stages) == 1 and (
            len(words & sig) >= (2 if sentence.isascii() else 3) or  # or one of its own words and most of its words:
            (words & sig and any(len(words & w) * 3 >= len(w) * 2 for w in self.words[stages[0] - 1])))]
        return found[0] if len(found) == 1 and self.knows.search(sentence) is not None else None

    def _knowing_told(self, sentence: str, stage: int) -> bool:
        """Whether a sentence tells, plainly, that the knowing of a speakerless statement happened ("Muddy children
        knowing right away ⇒ each sees nobody muddy"): its words describe that statement and it has a positive
        knowing word and no supposition or modal ("each muddy child would see … they could not know")."""
        if self.described_knowing(sentence) != stage:
            return False
        sentence = ASIDE_BRACKETS.sub(lambda m: " " * len(m.group(0)), sentence)  # ("… ⇒ each sees exactly 3 others
        # (had he seen 4, he would still be waiting)": the aside's modal is no supposition of the knowing)
        toks = tokens(self.lexicon, sentence)
        kinds = {t.kind for t in toks}
        if "know" not in kinds or kinds & {"if", "modal", "notknow"}:
            return False
        at = next(t.start for t in toks if t.kind == "know")  # its subject is the statement's ("muddy children"),
        subject = _words(sentence[max(0, at - 30):at])  # not "everyone" knowing a fact
        return any(len(subject & w) >= 2 for w in self.words[stage - 1])

    def _signature_cue(self, sentence: str, current: int) -> int | None:
        """The announcement a sentence describes by its distinctive words ("nobody steps forward" for a round
        of silence), the n-th of a repeated one by an ordinal ("the second silence", "第二轮"); of several it
        describes ("after two silent rounds every muddy child knows"), the latest. A bracketed aside narrates
        nothing ("大家都知道（四个孩子只要 m ≥ 2，每个人都能看到泥）")."""
        return max(self.described(sentence, current), default=None)

    def described(self, sentence: str, current: int) -> list[int]:
        """Each announcement `_signature_cue` finds a sentence describing (it keeps the latest)."""
        plain = ASIDE_BRACKETS.sub(" ", sentence)
        words = _words(plain) | _phrases(_BEFORE_PHRASE.sub(" ", plain))  # ("said before the bus number is
        # mentioned": a time before the statement, which names it)
        found = []
        rounds = _ROUND.search(sentence)
        silence = _SILENCE_NARRATED.search(sentence) is not None or _SILENT_SENTENCE.fullmatch(sentence) is not None \
            or _SILENT_LEAD.match(sentence) is not None
        forward = _STEP_FORWARD.search(sentence) is not None and _NOBODY.search(sentence) is None and \
            _COUNTERFACTUAL.search(sentence) is None and _IF_ANY.search(sentence) is None and \
            _EXPECTED.search(sentence) is None and \
            _CLEAN.search(sentence) is None and _NOT_NARRATED.search(sentence) is None and \
            any(_ROUND_NOUNS <= sig for _, sig, _ in self.signatures)
        supposed = SUPPOSING_WORD.search(plain) is not None  # (a knowing supposed, not narrated)
        for stages, sig, knowing in self.signatures:
            if knowing and supposed and not forward:
                continue  # "如果k = 1，那个有泥的孩子…马上知道自己有泥，会在第一次就站出来": a case's knowing, not the statement's
            if forward and knowing and len(stages) == 1:  # "So at the second question both step forward": the
                found.append(stages[0])  # children who know step forward, where the silent rounds' text asks them to
                continue
            shared = words & sig
            counted = rounds is not None and shared & _ROUND_NOUNS  # "**2nd silence.**", "the first silence"
            counted = counted or (silence and _ROUND_NOUNS <= sig)  # "No one stepped forward", "Since no one moves"
            if _ROUND_NOUNS <= sig and not counted and (_NOBODY.search(sentence) is None or (
                    _IF_ANY.search(sentence) is not None and _COUNTERFACTUAL.search(sentence) is not None)):
                continue  # "all the muddy children step forward" shares "step forward" with a silence, but no one
                # stayed silent; "因为如果有2个，…他们会想到…，所以不会马上站出来": a case's silence, not the rounds'
            told = len(shared) == 1 and shared == {w for w in sig if w.isascii()} and (
                _TOLD_US.search(sentence) or (self.opens_on_label and self.opens_on_label.match(sentence)) or
                self._label_knowing(sentence, next(iter(shared))))  # ('"Alice doesn't know" means …')
            if not counted and not told and (len(shared) < 2 or not any(w.isascii() for w in shared) and (
                    len(shared) < 3 or shared <= self.setup)) \
                    and not (knowing and len(stages) == 1 and self._knowing_told(sentence, stages[0])):
                continue  # two Chinese bigrams ("孩子", "每个") are too common to name a statement; three are not,
                # unless all retell the setup ("两个弟弟比她小": the two brothers, not that they are twins)
                # (a statement with one word of its own, "least", is named by it when the sentence tells of it)
            if any(" " in w for w in shared) and self.cues[stages[0] - 1] and self.knows.search(sentence) is None:
                continue  # "The bus number = sum of the three ages": the phrase of a statement about knowing, and
                # no knowing told
            if knowing and (self.knows.search(sentence) is None or _RULE.search(sentence) is not None):
                continue  # (not "A muddy child can only be sure of her state once …": a rule, no narration)
            k = next((k for k in stages if k > current), stages[-1])
            if _ROUND_NOUNS <= sig and rounds is None and not silence and current in stages:
                k = current  # "So nobody stepping forward eliminates …": the silence in hand named again, no new round
            m = _ROUND.search(sentence)
            if m is not None:
                word = next(g for g in m.groups() if g)
                nth = int(word) if word.isdigit() else _ROUND_WORDS.get(word.lower(), 0)
                if 0 < nth <= len(stages):
                    k = stages[nth - 1]
            found.append(k)
        return found

    def _label_knowing(self, sentence: str, word: str) -> bool:
        """Whether a statement's label word (the agent "Alice" of "Alice: I don't know my number.") is followed at
        once by a knowing verb ("Alice doesn't know", "Alice says she doesn't know"): her statement, told."""
        m = re.search(r"(?i)\b" + re.escape(word) + r"\b", sentence)
        return m is not None and self.knows.search(sentence, m.end(), m.end() + 28) is not None

    def _speech_cue(self, sentence: str, current: int, heading: bool = False,
                    line_start: bool = True) -> tuple[int, str, bool] | None:
        """(stage, how, strong) of a sentence where a speaker says something or a statement is named."""
        toks = outside_relatives(sentence, [_speaking(self.lexicon, t, sentence)
                                            for t in tokens(self.lexicon, sentence)])
        n = len(self.quotes)
        for i, t in enumerate(toks):
            if t.kind == "if":
                return None  # "if the rank were unique, P would know": a supposition names no statement
            if t.kind != "agent" or _in_quote(sentence, t.start):
                continue  # ('"I know Bernard does not know" — Albert must be certain': Bernard is quoted, not speaking)
            agent = t.payload
            own = self.statements_of(agent)
            # (a statement labelled by its speaker, "Alice: I don't know my number.", is hers to say)
            if not own or _EXPLAINS.match(sentence, t.end) is not None:
                continue
            after = sentence[t.end:t.end + 14]
            named = _STATEMENT.match(after) is not None
            # "**Bernard** — didn't know, now knows →", "**Albert 1** — knows Bernard doesn't know": a line that opens
            # on the speaker and a dash is that speaker's line, like a colon
            dashed = _DASH_AFTER.match(sentence, t.end) is not None and not sentence[:t.start].strip(" *#-•>\t")
            heading = heading or dashed or (named and _TURN_OPENER.fullmatch(sentence, 0, t.start) is not None)
            asked = _QUOTE_FOR.search(sentence, max(0, t.start - 90), t.start) is not None
            speaks = heading or named or asked or any(u.kind == "says" for u in toks[i + 1:i + 4]) or \
                _QUOTE_AFTER.match(sentence, t.end) is not None or \
                _COLON_QUOTE.match(sentence, t.end) is not None  # 'S“早知道P不知道”': a quote, no verb
            if not speaks or _SPOKEN_BEFORE.match(sentence, t.end) is not None or \
                    _BEFORE_NAME.search(sentence, max(0, t.start - 16), t.start) is not None:
                continue  # "Q在P说话之前就知道", "Q knew before P spoke": a time before the speaking, not its words
            rest = toks[i + 1:]
            if self._knows_own(agent, rest):
                continue  # "- P先生：知道**点数**", "P: knows the rank": who is told what, not P's statement
            gloss = _GLOSSED.match(sentence, t.end) if named else None
            if gloss is not None:  # "Albert's opening (he doesn't know, and he's sure …): …": what the brackets say
                rest = [u for u in rest if u.end <= gloss.end()]
            said = said_words(rest)
            if (heading or asked) and not said:  # '### 3. "Now I know" (P)', 'What does "I don't know" mean for
                said = said_words([u for u in toks[:i] if u.kind != "sep"])  # Alice?': the quote, then the speaker
            m = _ORDINAL_WORD.search(sentence)
            if m is not None and any(u.start <= m.start() < u.end for u in toks if u.kind in ("agent", "ambig") and
                                     u is not t):
                m = None  # ("用（第一位, 第二位, 第三位）表示": the first man's name, not the second man's first statement)
            numbered = _AGENT_NUMBER.match(sentence, t.end) if heading else None
            if numbered is not None:  # "**Albert 1**", "Bernard 2:": the speaker's n-th statement
                nth = int(numbered.group(1))
                if 0 < nth <= len(own):
                    return own[nth - 1], "heading", True
            if m is not None:
                nth = _ORDINALS.get(m.group(0).lower(), 0)
                if nth > 0 and m.end() <= t.start and _BEFORE_SPEAKER.fullmatch(sentence, m.end(), t.start):
                    # "### 第二句：Q “…”", "Second statement — Q": the dialogue's second, made by Q
                    k = nth if nth <= n and self.speakers[nth - 1] == agent else None
                elif self._dialogue_nth(sentence, nth, m.end(), t.start, agent):
                    k = nth  # "第二句要按Q“事先就知道”来理解": the dialogue's second, Q's (not "second statement of Q")
                else:  # "Q's second statement", "Q的第二句话": Q's own second
                    k = own[-1] if nth == -1 else (own[nth - 1] if 0 < nth <= len(own) else None)
                if k is not None:
                    return k, "ordinal", True
            part_of = self._quoted_part_of(sentence, t.end, own, current)
            if part_of is not None:  # '阿里说"我知道"' while on Ali's first statement ("…而且我知道波也不知道"):
                return part_of, "paraphrase", False  # a few of its words quoted, not his "那我也知道" to come
            same = self._same_structure(own, said, rest, sentence)  # ("S：早就知道": the statement about before)
            if same:
                k = next((k for k in same if k > current), same[-1])
                return k, "paraphrase", True
            part = [k for k in own if said and subsequence(said, self.cues[k - 1])]
            if part:  # part of a statement: moves the trace only as a heading naming the speaker's next one
                k = next((k for k in part if k > current), part[-1])
                return k, "paraphrase", (heading or asked) and k > current and k == next(j for j in own if j > current)
            told = self._told_content(own, sentence[t.end:], current) if not said else None
            cut = _COLON_QUOTE.match(sentence, t.end) if told is None else None
            if cut is not None:  # 'Anne: "not white"' for Anne's "I do not have the white card": two or more of
                words = content_words(cut.group(1))  # its words and no other
                told = next((k for k in own if k > current and not self.cues[k - 1] and len(words) >= 2 and
                             any(words <= q for q in self.contents[k - 1])), None)
            if told is not None:  # "安妮说她没有白牌" for Anne's "我没有白牌": her words in the third person
                return told, "paraphrase", True
            ahead = [k for k in own if k > current]
            if ahead and not said and named and (heading or (line_start and _HEADING.match(sentence))):  # "### Step 2: Bernard's statement"
                if current in own and ahead[0] > current + 1:  # S's statement just reached, S's next one after P's:
                    return current, "heading", True  # "### Step 4: More from S's statement" stays; no heading skips P
                return ahead[0], "heading", True
            if said:
                return None
            # nothing said yet: `**Albert's Statement**: When Albert says, "…"` names the speaker again
        return None

    def _quoted_part_of(self, sentence: str, at: int, own: list[int], current: int) -> int | None:
        """The statement of the speaker's up to the current one whose words hold the quote that follows the speaker
        at `at` (his "我知道" of "…而且我知道波也不知道"), when none of his later statements holds it; else None."""
        m = QUOTES.search(sentence, at, at + 400)
        said = fold(m.group(0)) if m is not None and m.start() - at <= 4 else ""  # ('阿里说"…"', 'Ali: "…"')
        if len(said) < 2:
            return None
        holding = [k for k in own if any(said in q for q in self.quotes[k - 1])]
        if not holding or max(holding) > current:
            return None
        return max(holding)

    def _told_content(self, own: list[int], reported: str, current: int) -> int | None:
        """The speaker's statement without "know" (of `own`) whose content words, two or more, are three quarters
        or more in what the sentence reports (`reported`), with the same polarity; the next such one, else the last."""
        words = content_words(reported)
        hits = [k for k in own if not self.cues[k - 1] and any(
            len(q) >= 2 and len(q & words) * 4 >= len(q) * 3 and ("not" in q) == ("not" in words)
            for q in self.contents[k - 1])]
        said = _SAID_NUMBER.match(reported)
        if not hits and said is not None:  # "d3 announces 0" for d3's "I say 0.": the one number the statement says
            hits = [k for k in own if not self.cues[k - 1] and self._said_number(k) == said.group(1)]
        return next((k for k in hits if k > current), hits[-1]) if hits else None

    def _said_number(self, k: int) -> str | None:
        """The one number every text of announcement k says ("I say 0.", "我宣布：0。"), else None."""
        common = frozenset.intersection(*self.contents[k - 1]) if self.contents[k - 1] else frozenset()
        numbers = [w for w in common if w.isdigit()]
        return numbers[0] if len(numbers) == 1 else None

    def _knows_own(self, agent: str, rest: list) -> bool:
        """Whether the first thing said after the agent is that it knows what it observes ("知道点数", "knows the
        rank" of P who is told the rank)."""
        know = next((n for n, u in enumerate(rest[:3]) if u.kind in ("know", "notknow")), None)
        if know is None or know + 1 >= len(rest) or rest[know].kind != "know" or rest[know + 1].kind != "attr":
            return False
        found = next((a for a in self.lexicon.puzzle.agents if a.name == agent), None)
        return found is not None and any(isinstance(o, s.Var) and o.name == rest[know + 1].payload
                                         for o in found.observes)

    def _dialogue_nth(self, sentence: str, nth: int, end: int, speaker: int, agent: str | None) -> bool:
        """Whether an ordinal before the speaker's name counts the dialogue's statements, not his own: "第二句要按Q来理解"
        is the second statement, Q's; "the second statement of Q" would be Q's own second."""
        return 0 < nth <= len(self.speakers) and end <= speaker and self.speakers[nth - 1] == agent and \
            _OWN_ORDINAL_GAP.search(sentence, end, speaker) is None

    def _same_structure(self, own: list[int], said: tuple[str, ...], toks: list, sentence: str = "") -> list[int]:
        """The speaker's statements (`own`) whose know / don't-know structure is `said`; when what is said is a bare
        "knew" after a word of an earlier time ("S：早就知道", "S says he already knew"), the object left out, the
        speaker's statements wholly about before that open on knowing, if any."""
        if said == ("know",) and self.past and _knew_before(toks, sentence):
            earlier = [k for k in own if self.past[k - 1] and self.cues[k - 1][:1] == ("know",)]
            if earlier:
                return earlier
        return [k for k in own if said and self.cues[k - 1] == said]

    def attributed_wrongly(self, agent: str, said: tuple[str, ...], turn: bool = False) -> tuple[int, ...]:
        """The statements whose know / don't-know structure is exactly `said`, when all are other speakers' and
        `said` is not even part of one of `agent`'s own statements; else (). A `turn` ("didn't know at first but
        knows now") is a whole statement: part of another one does not excuse it."""
        ks = tuple(k for k in range(1, len(self.cues) + 1) if self.cues[k - 1] == said and self.speakers[k - 1])
        if not ks or any(self.speakers[k - 1] == agent for k in ks):
            return ()
        own = [k for k in range(1, len(self.cues) + 1) if self.speakers[k - 1] == agent]
        return () if not own or (not turn and any(subsequence(said, self.cues[k - 1]) for k in own)) else ks

    def skips_next(self, agent: str, said: tuple[str, ...], current: int) -> bool:
        """Whether `said` by `agent` at stage `current` is the structure of the next statement, another speaker's,
        and of a later one of `agent`'s (P's "Now I know" next, Q's "Now I know too" after it)."""
        n = current + 1
        if n > len(self.cues) or self.cues[n - 1] != said or self.speakers[n - 1] in (agent, None):
            return False
        return any(self.speakers[k - 1] == agent and self.cues[k - 1] == said for k in range(n + 1, len(self.cues) + 1))

    def anchor(self, phrase: str, current: int | None = None) -> int | None:
        """The announcement a short phrase names ("after P's second statement", "第一轮沉默后"; the latest of several,
        "after P's statement and Q's reply"), or None. With the trace's `current` stage, "Q's statement" of a speaker
        with several is the one of theirs just reached or next, if only one of them is."""
        k, _ = self.locate(phrase, 0)
        k = k or self._quoted_part(phrase) or self._all_named(phrase) or self._bare_speaker(phrase)
        cues = self.inner_cues(phrase, k or 0)
        named = {c.stage for c in cues if c.strong or c.how == "reference"}
        named |= {k} if k else set()
        if current is not None:
            named |= {j for j in (self._speaker_statement(phrase, c.at, current) for c in cues
                                  if c.how.startswith("reference, any")) if j is not None}
        return max(named, default=None)

    def _bare_speaker(self, phrase: str) -> int | None:
        """The one statement of a speaker named alone ("the candidates left after Bernard are …", "after Bernard
        has spoken", "伯纳德说完这句话以后"), when that speaker makes exactly one statement; else None."""
        m = _BARE_SPEAKER_ZH.match(phrase) or _BARE_SPEAKER.match(phrase)
        if m is None:
            return None
        toks = tokens(self.lexicon, m.group("who"))
        if len(toks) != 1 or toks[0].kind != "agent" or self.voices.count(toks[0].payload) != 1 or \
                len(m.group("who").strip()) > toks[0].end:
            return None  # (the name and nothing else: not "伯纳德听到这句话后", after what Bernard heard)
        return self.voices.index(toks[0].payload) + 1

    def _all_named(self, phrase: str) -> int | None:
        """The last statement, for a phrase naming them all ("after the three announcements", "after all the
        statements", "三句话之后", "所有发言之后"), else None."""
        m = _ALL_STATEMENTS.search(phrase)
        if m is None or IN_TURN.search(phrase) is not None:
            return None  # ("三句话依次去掉了 b = c、a = c、a = b": each statement its own, in turn)
        n = m.group(1) or m.group(2) or m.group(3)
        count = _COUNT_WORDS.get(n.lower(), 0) if n and not n.isdigit() else int(n) if n else 0
        return len(self.quotes) if not n or count == len(self.quotes) else None

    def _quoted_part(self, phrase: str) -> int | None:
        """The one statement whose words hold a short quote in the phrase (Q's "I knew", P's "now I know"), among
        the statements of the speaker it names, if it names one."""
        m = QUOTES.search(phrase)
        said = fold(m.group(0)) if m is not None else ""
        if len(said) < 4:
            return None
        agent = next((t.payload for t in tokens(self.lexicon, phrase[:m.start()]) if t.kind == "agent"), None)
        fits = [k for k, qs in enumerate(self.quotes, start=1)  # (no speaker named: the words alone pick it)
                if (agent is None or self.voices[k - 1] in (agent, None)) and any(_holds_quote(q, said) for q in qs)]
        if not fits and agent is not None and _KNEW.search(said) is not None:  # S's "I knew it": the speaker's one
            fits = [k for k in range(1, len(self.quotes) + 1) if self.voices[k - 1] == agent and self.past[k - 1]]
            return fits[0] if len(fits) == 1 else None  # statement about before
        nth = _NTH_QUOTE.search(phrase, 0, m.start()) if len(fits) > 1 and \
            len({(self.quotes[k - 1], self.voices[k - 1]) for k in fits}) == len(fits) else None  # (not one
        # statement repeated: rounds of silence)
        if nth is not None:  # 'her first "I don't know"', '第二个“不知道”': the nth statement with those words
            word = (nth.group(1) or nth.group(2)).lower()
            n = _ORDINALS.get(word, 0) or ZH_NUMBERS.get(word[1:], 0) or (-1 if word in ("最后", "最后一") else 0)
            return fits[n - 1] if 0 < n <= len(fits) else fits[-1] if n == -1 else None
        return fits[0] if len(fits) == 1 else None

    def quoted_part_index(self, phrase: str) -> tuple[int, int] | None:
        """(k, i): the phrase quotes only part i of statement k, one of its clauses, by the clause's know /
        don't-know words (Albert's "I don't know" of "I don't know, but I know Bernard doesn't know"), or None."""
        k = self._quoted_part(phrase)
        m = QUOTES.search(phrase)
        if k is None or m is None:
            return None
        parts = statement_parts(self.lexicon.puzzle.announcements[k - 1].said)
        said = said_words(tokens(self.lexicon, m.group(0)[1:-1]))
        fits = [i for i, f in enumerate(parts) if said and _cues(f) == said]
        return (k, fits[0]) if len(parts) > 1 and len(fits) == 1 else None

    def _speaker_statement(self, phrase: str, at: int, current: int) -> int | None:
        """The statement of the agent named at `at` that is the stage `current` or the next one, if exactly one is."""
        toks = tokens(self.lexicon, phrase[at:at + 30])
        if not toks or toks[0].kind != "agent":
            return None
        near = [k for k in (current, current + 1) if 0 < k <= len(self.speakers) and self.speakers[k - 1] == toks[0].payload]
        return near[0] if len(near) == 1 else None

    def statements_of(self, agent: str) -> list[int]:
        """The statements an agent makes, by speaker or by the voice of a labelled line ("Alice: I don't know …")."""
        return [k for k in range(1, len(self.quotes) + 1) if (self.speakers[k - 1] or self.voices[k - 1]) == agent]

    def speaker_statements(self, phrase: str) -> tuple[int, ...]:
        """Every statement of the speaker a phrase refers to without saying which ("Ali's statement"), or ()."""
        for c in self.inner_cues(phrase, 0):
            if c.how.startswith("reference, any"):
                toks = tokens(self.lexicon, phrase[c.at:c.at + 30])
                if toks and toks[0].kind == "agent":
                    return tuple(k for k, a in enumerate(self.speakers, start=1) if a == toks[0].payload)
        return ()

    def locate(self, text: str, current: int) -> tuple[int | None, str]:
        """The stage a step moves to (or None) and how; it depends only on the step's opening."""
        key = (text[:OPENING + 400], current)
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) >= self.limit:
                self.memo.clear()
            hit = self._locate(key[0], current)
            block = _block_opening(key[0]) if hit[0] is None and ("step" in key[0] or "statement" in key[0]) \
                else None
            tag = _TAG_LINE.match(key[0]) if hit[0] is None and block is None and key[0][:1] == "<" else None
            hit = self.memo[key] = self._locate(block, current) if block is not None else \
                self._locate(key[0][tag.end():], current) if tag is not None else hit
        return hit

    def _step_label(self, first: str, current: int) -> int | None:
        """"Step two — Bernard.", "Line 3: Albert now knows", "Bernard's turn": a label naming a speaker whose next
        statement is the next one of the dialogue (and is the numbered one, when a number is given)."""
        m = _STEP_LABEL.match(first)
        if m is None:
            return None
        toks = tokens(self.lexicon, first[m.end():m.end() + 40])
        k = current + 1
        word = (m.group(1) or m.group(2) or "").lower()
        nth = int(word) if word.isdigit() else _COUNT_WORDS.get(word, 0)
        if k > len(self.quotes) or self.speakers[k - 1] is None:
            return None
        if toks and toks[0].kind == "agent" and toks[0].start <= 4:
            return k if self.speakers[k - 1] == toks[0].payload and (not word or nth == k) else None
        # "Step two. If S had 11, …": the next statement's number, its speaker named in the label's sentence
        end = _FIRST_SENTENCE.search(first, m.end())
        said = QUOTES.sub(lambda q: " " * len(q.group(0)), first[m.end():end.start() if end else len(first)])
        named = tokens(self.lexicon, said)  # (not an agent inside a quote: 'Part two, "I know that Bernard doesn't
        # know": …' is the second part of Albert's statement)
        return k if nth == k and any(t.kind == "agent" and t.payload == self.speakers[k - 1] for t in named) else None

    def _initial_label(self, text: str, current: int) -> int | None:
        """"A₁: ¬K_A(date) ∧ …", "B1 := K_B(date)": a speaker written by the initial of their name (the only agent
        with it) and the number of their statement, as logic notation labels the dialogue."""
        k = self._initial_nth(text, current)
        return k if k is not None and k > current else None

    def _initial_nth(self, text: str, current: int | None = None) -> int | None:
        """The statement an initial-and-number label opening `text` names ("A₁ :=", "B2:"; with the trace's
        `current` stage, "B — "…"" names B's next), or None."""
        m = _INITIAL_NTH.match(text)
        if m is None:
            return None
        agents = [a.name for a in self.lexicon.puzzle.agents if a.name[:1] == m.group(1)]
        if not agents and m.group(1) == "S" and m.group(2) is not None:  # "S1 — A: ¬know …": the statements numbered
            nth = _SUBSCRIPTS.get(m.group(2), 0) or int(m.group(2))  # in order, where no agent is an S
            return nth if nth <= len(self.quotes) else None
        if len(agents) != 1 or (m.group(2) is None and self.lexicon.scan(m.group(1))):
            return None  # (a dashed label's letter must be no word of the puzzle: "A — …" is the ace in the cards)
        own = self.statements_of(agents[0])
        number = m.group(2) or m.group(3)
        if number is None:
            return next((k for k in own if k > current), None) if current is not None else None
        nth = _SUBSCRIPTS.get(number, 0) or int(number)
        return own[nth - 1] if 0 < nth <= len(own) else None

    def _numbered_speaker(self, text: str, current: int) -> int | None:
        """"A1: ¬K_A ∧ …", "**A2** "now I know too"": a label of a speaker's name and the number of their statement
        opens the step on that statement; "**B** "didn't know, now do"" (no number) on the speaker's next one, when
        it is the dialogue's next."""
        m = _AGENT_NTH.match(text)
        if m is None or (m.group(2) is None and not text.lstrip(" \t").startswith(("**", "#"))):
            return None
        toks = tokens(self.lexicon, m.group(1))
        if len(toks) != 1 or toks[0].kind != "agent" or toks[0].end != len(m.group(1)):
            return None
        own = [k for k in range(1, len(self.quotes) + 1) if self.speakers[k - 1] == toks[0].payload]
        if m.group(2) is None:
            return current + 1 if current < len(self.quotes) and self.speakers[current] == toks[0].payload else None
        nth = int(m.group(2))
        return own[nth - 1] if 0 < nth <= len(own) and own[nth - 1] > current else None

    def _enumerated(self, text: str, current: int) -> int | None:
        """"(ii) Restricted to April and June, … Bernard now knows iff …": an item of a proof numbered like the
        dialogue (i, ii, iii or (1), (2), (3)) opens on the next statement when its number is that statement's and
        its speaker knows or does not know somewhere in the item."""
        m = _ENUMERATOR.match(text)
        k = current + 1
        if m is None or k > len(self.quotes) or self.speakers[k - 1] is None:
            return None
        word = (m.group(1) or m.group(2)).lower()
        if (int(word) if word.isdigit() else _ROMAN.get(word, 0)) != k:
            return None
        if self._quotes_in_hand(text[m.end():].lstrip("* "), current):
            return None  # '2. **"I know that Bernard doesn't know"**: …' numbers the parts of the statement in hand
        toks = [t for t in outside_relatives(text, tokens(self.lexicon, text)) if t.kind != "sep"]
        speaker = self.speakers[k - 1]
        knowing = any(t.kind == "agent" and t.payload == speaker and
                      any(u.kind in ("know", "notknow") for u in toks[i + 1:i + 4]) for i, t in enumerate(toks))
        return k if knowing else None

    def _quotes_in_hand(self, text: str, current: int) -> bool:
        """Whether `text` opens on a quote of the words of the statement in hand that no later statement holds:
        '**"I know that Bernard doesn't know"**: …' heads a part of Albert's first, whoever it names."""
        m = QUOTES.match(text.lstrip("#*>-• \t"))  # (a heading's marks first: '### "I know that Bo does not know"')
        said = fold(m.group(0)).replace("that", "") if m is not None else ""  # ("I know Bo does not know")
        return len(said) > 3 and 0 < current <= len(self.quotes) and \
            any(said in q.replace("that", "") for q in self.quotes[current - 1]) and \
            not any(said in q.replace("that", "") for qs in self.quotes[current:] for q in qs)

    def _knowing_label(self, text: str, current: int) -> int | None:
        """"P not knowing: the product …", "S knowing in advance that P didn't know: …": a short label before a
        colon that opens the step, naming the next statement's speaker and (part of) its know / don't-know
        structure, is that statement's heading."""
        m = _KNOWING_LABEL.match(text)
        k = current + 1
        if m is None or k > len(self.quotes):
            return None
        toks = tokens(self.lexicon, m.group(1))
        if not toks or toks[0].kind != "agent" or toks[0].payload != self.speakers[k - 1]:
            return None
        said = tuple(t.kind for t in toks[1:] if t.kind in ("know", "notknow"))
        if not said or not subsequence(said, self.cues[k - 1]):
            return None
        # "Bo then knows:", "Bo now knows:": the end of "at first I didn't know, but I know now", told as it happens
        turn = said == self.cues[k - 1][-1:] and len(self.cues[k - 1]) > 1 and \
            any(t.kind in ("now", "then") for t in toks[1:])
        return k if said[0] == self.cues[k - 1][0] or turn else None

    def _voiced(self, text: str, cues: list[Cue], current: int) -> list[Cue]:
        """Quote cues moved to the statement of the speaker named right before the quote, when several statements
        share its words ('安妮先说"我不知道你的数"' is Anne's first, not Bill's, the next one with those words)."""
        out = list(cues)
        for m in QUOTES.finditer(text):
            said = fold(m.group(0))
            agent = self._speaker_before(text, m.start())
            sharing = [k for k, qs in enumerate(self.quotes, start=1) if any(q and q in said for q in qs)]
            own = [k for k in sharing if self.voices[k - 1] == agent]
            if agent is None or len(sharing) < 2 or not own:
                continue
            k = next((k for k in own if k >= current), own[-1])
            out = [Cue(c.at, k, c.how, c.strong) if c.how == "quote" and c.stage in sharing and
                   self.voices[c.stage - 1] != agent else c for c in out]
        return out

    def _speaker_before(self, text: str, at: int) -> str | None:
        """The agent named last in the few characters before a quote at `at` ('安妮先说"…"', 'Anne: "…"'), if any."""
        return next((t.payload for t in reversed(tokens(self.lexicon, text[max(0, at - 28):at])) if t.kind == "agent"),
                    None)

    def _voice_before_quote(self, text: str, sharing: list[int]) -> list[int] | None:
        """Of statements sharing a quote's words, those of the speaker named right before the step's first quote
        (None when no speaker is named there, or when he made none of them)."""
        m = QUOTES.search(text, 0, QUOTE_START + self.longest)
        agent = self._speaker_before(text, m.start()) if m is not None else None
        if agent is None:
            return None
        return [k for k in sharing if self.voices[k - 1] == agent] or None

    def _quotes(self, text: str) -> list[tuple[int, int, int]]:
        """(length, announcement, position) of each quote found near the start of the folded `text`."""
        opening = fold_prefix(text, QUOTE_START + self.longest)
        return [(len(q), k + 1, at) for k, qs in enumerate(self.quotes) for q in qs
                if 0 <= (at := opening.find(q)) <= QUOTE_START and (len(q) > WORD_QUOTE or _quoted_word(text, q))]

    def _locate(self, text: str, current: int) -> tuple[int | None, str]:
        n = len(self.quotes)
        hits = self._quotes(text)
        if hits:
            best = max(h for h, _, _ in hits)
            ks = [(k, at) for h, k, at in hits if h == best]
            voiced = self._voice_before_quote(text, [k for k, _ in ks]) if len(ks) > 1 else None
            if voiced is not None:  # '安妮说：“我不知道你的数。”' on Anne's first: hers, not Bill's with those words
                return next((k for k in voiced if k >= current), voiced[-1]), "quote"
            after = [k for k, _ in ks if k > current]
            if after:
                return after[0], "quote"
            if ks[-1][1] <= QUOTE_LEAD:
                return ks[-1][0], "quote"
        first = _FIRST_SENTENCE.split(text, maxsplit=1)[0][:OPENING * 2]
        if _INTERJECTION.match(first) is not None:  # "Hmm, next comes Q's statement", "嗯，接下来是Q先生的话": what
            first = _INTERJECTION.sub(lambda m: " " * len(m.group(0)), first, count=1)  # follows the filler opens it
        label = self._step_label(first, current)
        if label is None and _STEP_LABEL.fullmatch(first + " "):  # "Step two. S knew this …": the name follows the label
            label = self._step_label(text[:OPENING * 2], current)
        if label is not None:
            return label, "label"
        label = self._knowing_label(text, current)
        if label is None:
            label = self._numbered_speaker(text, current)
        if label is None:
            label = self._enumerated(text, current)
        if label is None:
            label = self._initial_label(text, current)
        if label is not None:
            return label, "label"
        turn = _AGENT_TURN.fullmatch(first.strip()) or _AGENT_QUOTING.match(text)
        if turn is not None and current < n:  # "Anne first.", "Bernard's turn:", 'Albert, "¬K_A ∧ K_A¬K_B":'
            name = turn.group("name") or turn.group("zh") or turn.groupdict().get("lead")
            toks = tokens(self.lexicon, name)
            if len(toks) == 1 and toks[0].kind == "agent" and \
                    (self.speakers[current] or self.voices[current]) == toks[0].payload and \
                    (turn.re is not _AGENT_QUOTING or (toks[0].start, toks[0].end) == (0, len(name))):
                return current + 1, "heading"
        if _TURN_HINT.match(first) is not None:  # "然后是S先生那句话，这句是关键。", "Next comes S's statement."
            turn = self._speech_cue(first, current)
            if turn is not None and turn[0] > current and turn[1] == "heading":  # named, nothing said yet
                return turn[0], turn[1]
        part = self._quoted_part(text[:OPENING * 2])  # "S的那句话最关键。“早就知道”说明…": a statement's own words
        if part is not None and part > current:
            return part, "quote"
        after = _AFTER_OPENING.match(first)
        if after is not None and current < n and _LABEL_COLON.match(first, after.end()) is not None and \
                self._all_named(after.group(0)) == n:
            return n, "after"  # "So after all three statements: b ≠ c, a ≠ c, a ≠ b. All different."
        m = _ORDINAL.search(first)
        if m is None and self.knows.search(first) is None:
            return None, ""  # no ordinal, and no one who knows or does not know
        toks = outside_relatives(first, tokens(self.lexicon, first))  # "Q says": Q the agent, not the queen
        agent = next((t.payload for t in toks if t.kind == "agent"), None)
        if m is not None:
            word = (m.group(1) or m.group(2)).lower()
            nth = _ORDINALS.get(word, 0)
            speaker = next((t for t in toks if t.kind == "agent"), None)
            if 0 < nth <= n and speaker is not None and m.end() <= speaker.start and \
                    _BEFORE_SPEAKER.fullmatch(first, m.end(), speaker.start) and self.speakers[nth - 1] == agent:
                # "Third statement: P can now determine": the dialogue's third, made by P (not P's third)
                return (nth, "ordinal") if nth > current else (None, "")
            if speaker is not None and self._dialogue_nth(first, nth, m.end(), speaker.start, agent):
                return (nth, "ordinal") if nth > current else (None, "")  # "第二句要按Q…来理解": the dialogue's second
            own = [k + 1 for k in range(n) if agent is None or self.speakers[k] == agent]
            if own and nth:
                k = own[-1] if nth == -1 else (own[nth - 1] if nth <= len(own) else None)
                if k is not None and k > current:
                    return k, "ordinal"
        kinds = [t.kind for t in toks]
        at = next((i for i, t in enumerate(toks) if t.kind == "agent" and not _in_quote(first, t.start)), None)
        if at is None:  # ('"I know Bernard does not know" — Albert must be certain.': Albert, not the quoted Bernard)
            return None, ""
        agent = toks[at].payload
        said = tuple(k for k in kinds[at:] if k == "know" or k == "notknow") + _elided(toks[at:])
        if not said:
            return None, ""
        own = [k for k in range(1, n + 1) if self.speakers[k - 1] == agent]
        if self._quoted_part_of(first, toks[at].end, own, current) is not None:
            return None, ""  # '阿里说"我知道"' on Ali's first statement: its own words quoted, no move
        if "says" not in kinds[:at + 3]:
            # "P now knows" may restate P's next announcement, or conclude it too early; but the whole structure of
            # the next one ("Albert doesn't know and knows Bernard doesn't know") opening a step is its paraphrase
            nxt = next((k for k in own if k > current), None)
            if nxt == current + 1 and len(said) >= 2 and self.cues[nxt - 1] == said:
                return nxt, "paraphrase"
            return None, ""
        same = self._same_structure(own, said, toks[at + 1:], first)  # ("S说他早就知道", "S says he already knew")
        if same:  # "Q says he knew P didn't know" is Q's "I knew you didn't know", even when it looks back
            return next(((k, "paraphrase") for k in same if k > current), (None, ""))
        pol = "neg" if said[0] == "notknow" else "pos"  # (by its first word, when it has every word said: not "S
        # is saying that, knowing only the sum, he was already certain P could not know" for S's "So can I")
        return next(((k, "paraphrase") for k in own if k > current and self.polarity[k - 1] in (pol, "any") and
                     set(said) <= set(self.cues[k - 1])), (None, ""))


# A numbered heading of the trace's own that opens a statement's part: "## Step 1: Albert's statement", "第2步：伯纳德"
_PART_HEADING = re.compile(r"[\s#*>]*(?:(?i:step|part)\s+(\d)|第([1-9])步)\s*(?:\*\*)?\s*[:：.—–-]")
# A look back at one of them, opening a step: "Wait, let me double-check one thing I glossed over in Step 1.", "回到第1步"
_LOOK_BACK = re.compile(r"(?i:\b(?:double-?check|re-?check|recheck|revisit|gloss|go\s+back|going\s+back|back\s+to|"
                        r"re-?examine|re-?verify|re-?read)\w*)|回到|回头|复查|再检查|重新看|再看一下|再看看")
_PART_MENTION = re.compile(r"(?i:\bstep\s+(\d)\b)|第([1-9])步")
_STATEMENT_MENTION = re.compile(r"(第[一二三四五])(?=句)|(?i:\b(first|second|third|fourth|fifth)\s+(?:statement|announcement|"
                                r"line|remark)\b)")


_LOOK_REACH = 240  # characters: where a step's first sentences say they look back
_SHORT_OPENING = 24  # characters: a first sentence this short ("Hmm, wait.", "嗯，等等。") opens what the next one says


def _looked_back(text: str, parts: dict[str, int], current: int) -> int | None:
    """The stage of an earlier numbered part of the trace that a step's first sentence goes back to ("Wait, let me
    double-check one thing I glossed over in Step 1."): the step is about that stage, not the current one."""
    if _LOOK_BACK.search(text, 0, _LOOK_REACH) is None:
        return None  # (the cheap test first: no looking back near the step's opening)
    pieces = _FIRST_SENTENCE.split(text, maxsplit=2)
    first = pieces[0] if len(pieces[0]) >= _SHORT_OPENING or len(pieces) < 2 else pieces[0] + " " + pieces[1]  # ("嗯，
    # 等等，我是不是漏了什么？让我重新看一下第一句……": a short opening, then the look back)
    if _LOOK_BACK.search(first) is None:
        return None
    named = {parts.get(m.group(1) or m.group(2)) for m in _PART_MENTION.finditer(first)} | \
        {_ORDINALS[(m.group(1) or m.group(2)).lower()] for m in _STATEMENT_MENTION.finditer(first)}  # ("让我重新看一下第一句", "let me
    # re-check the first statement": that statement, numbered parts or not)
    named.discard(-1)
    stage = named.pop() if len(named) == 1 else None
    return stage if stage is not None and stage < current else None
