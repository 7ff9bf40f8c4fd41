"""Who said which statement: "Q says, “Now I know the card.”", "Statement 3 (S now knows)", "第三句是S说的".

A trace that gives an announcement to the wrong agent makes a claim about the dialogue itself, whatever the
stage: it is checked against the puzzle's speakers (strategies.Speaker). Only two shapes are read, both with
the agent next to what names the statement: a quote of an announcement after "X says" or "X:", and a
numbered or ordinal statement of the dialogue followed by its speaker ("Statement 3 (S now knows)", "Third line: S
says …", "The second remark, “…”, comes from P").
"""
from __future__ import annotations

import re
from .align import (ASIDE, ASIDE_BRACKETS, NUMBERED_STATEMENT, SENTENCES, ZH_NUMBERS, Aligner, outside_relatives,
                    said_words)
from .claims import QUOTES, TELLS, tokens
from .fold import fold
from .keys import knower
from .lexicon import Lexicon
from .records import ATTRIBUTION, REPORTED, ClaimRecord, record
from .tables import table_rows

# between "Statement 3" and its speaker: "Statement 3 (S now knows)", "第三句是S说的", "Statement 2 — by Albert:"
_TO_SPEAKER = re.compile(r"(?i:[\s*(（:：—–-]|is|was|by|是|为|由)*")
_SAYS_AFTER = re.compile(r"\s*(?:[:：]|(?:now\s+|then\s+|first\s+)?(?:says|said|replies|replied|answers|answered|adds|added|"
                         r"knows|knew|doesn't|does not|didn't|did not|can't|cannot|now)\b|说|回答|现在|知道|不知道|无法|能)",
                         re.IGNORECASE)
_QUICK = re.compile(r"[“\"「『]|(?i:statement|announcement|remark|line)|第[一二三四五]")
# "Third line: S says …", "The second remark, “…”, comes from P": the n-th statement of the dialogue, not of one
# speaker ("Q's second statement" is a reference, align.py), followed by who made it.
_ORDINAL_STATEMENT = re.compile(r"(?i:(?<!'s )(?<!’s )\b(first|second|third|fourth|fifth|last|final)\s+"
                                r"(?:line|statement|announcement|remark)\b)")
_ORDINAL_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1}
_QUOTED_GAP = re.compile(r"\s*,?\s*[“\"「『][^”\"」』\n]{1,120}[”\"」』]\s*,?")
_FROM = re.compile(r"(?i:\s*(?:comes|came|is|was)\s+(?:from|made by|said by|spoken by)\s+|\s*belongs\s+to\s+)")
_POSSESSIVE = re.compile(r"(?:的|'s|’s)\s*$")
_SAYS_GAP = re.compile(r"[\s,，:：*]*(?:(?i:that|again|next|then|simply|just)\s*[,，:：]?\s*)?[\s*]*")  # "says, “", "说：“"
_TURN = re.compile(r"(?i:\bbut\s+(?:\w+\s+){0,2}(?:now|does now|knows now)\b)|但现在|但是现在|现在却")
_REACH = 40  # characters from an agent to the quote it introduces
_BREAK = re.compile(r"[.。!?！？\n]")
# "This is Albert speaking (again)", "That's Q talking", "这是阿尔伯特说的": who makes the statement the step opens on
_THIS_IS = re.compile(r"(?i:\b(?:this|that|it)(?:\s+is|'s|’s)\s+((?:mr\.?\s+)?\S+?)\s+(?:speaking|talking)\b)|"
                      r"这是(\S{1,8}?)(?:说的|在说)")


# Another puzzle's dialogue named before a quote: "in the usual version", "in the original puzzle", "原题里"
_OTHER_VERSION = re.compile(r"(?i:\b(?:usual|original|standard|classic|classical|other|familiar)\s+(?:version|puzzle|"
                            r"problem|form|setup|set-up|one)\b|"
                            r"\b(?:version|variant|variation)\s+(?:where|in\s+which)\b|"
                            r"\b[A-Z]\w+(?:'s|’s)\s+(?:version|formulation|original|ordering|order|setup|phrasing|wording|variant)\b)|"
                            r"原题|原版|经典版|标准版|通常的版本")  # ("in the version where P speaks first")


def speaker_records(lex: Lexicon, text: str, quotes: tuple[tuple[str, ...], ...],
                    speakers: tuple[str | None, ...], cues: tuple[tuple[str, ...], ...] = ()) -> list[ClaimRecord]:
    """The attributions of one step, each a claim `("Speaker", agent, statements)` (`cues`: each statement's
    know / don't-know words, for a paraphrased quote heading the step)."""
    if _QUICK.search(text) is None or not any(speakers):
        return []
    out = []
    for m in QUOTES.finditer(text):  # 'Q says, “Now I know the card.”'
        inner = fold(m.group(0)[1:-1])
        ks = tuple(k + 1 for k, qs in enumerate(quotes) if inner and any(q == inner for q in qs))
        heads = m.start() < 12 and not text[:m.start()].strip(" *#>-•\t0123456789.)")
        if heads and not ks and cues:  # '**2. "At first I didn't know, but now I do."**': the statement of that
            said = said_words(tokens(lex, m.group(0)[1:-1]))  # structure, if only one has it
            fits = tuple(k + 1 for k, c in enumerate(cues) if said and c == said)
            ks = fits if len(fits) == 1 else ()
        if not ks or _supposed_speech(text, m.start()):
            continue
        agent = _agent_before(lex, text, m.start())
        if agent is not None:
            out.append(_record(agent, ks, text, m.start(), m.end()))
        elif heads:  # '… This is Albert speaking again': the quote heads the step, the sentence names its speaker
            this = _THIS_IS.search(text, m.end(), m.end() + 80)
            toks = tokens(lex, this.group(1) or this.group(2)) if this is not None else []
            if len(toks) == 1 and toks[0].kind == "agent":
                out.append(_record(toks[0].payload, ks, text, this.start(), this.end()))
    for m in NUMBERED_STATEMENT.finditer(text):  # "Statement 3 (S now knows)", "第三句是S说的"
        if m.group(3):
            continue  # "the second line is the strong one": names the statement, says nothing of its speaker
        nth = int(m.group(1)) if m.group(1) else ZH_NUMBERS[m.group(2)]
        if not 0 < nth <= len(speakers) or speakers[nth - 1] is None or _POSSESSIVE.search(text, 0, m.start()):
            continue  # "P的第二句话：…" is P's own second statement (align.py), not the dialogue's second
        at = _TO_SPEAKER.match(text, m.end()).end()
        toks = tokens(lex, text[at:at + 24])
        if toks and toks[0].kind == "agent" and toks[0].start == 0 and _SAYS_AFTER.match(text, at + toks[0].end):
            out.append(_record(toks[0].payload, (nth,), text, m.start(), at + toks[0].end))
    if "|" in text:  # "| 2 | Albert | “At first I didn't know…” | day 14 |" under "| # | Speaker | Statement |"
        out += _table_speakers(lex, text, quotes, speakers)
    for m in _ORDINAL_STATEMENT.finditer(text):
        nth = _ORDINAL_NTH[m.group(1).lower()]
        nth = len(speakers) if nth == -1 else nth
        if not 0 < nth <= len(speakers) or speakers[nth - 1] is None:
            continue
        at = m.end()
        quoted = _QUOTED_GAP.match(text, at)
        if quoted is not None:
            at = quoted.end()
        by = _FROM.match(text, at)  # "…, comes from P"
        at = by.end() if by is not None else _TO_SPEAKER.match(text, at).end()
        toks = tokens(lex, text[at:at + 24])
        if toks and toks[0].kind == "agent" and toks[0].start == 0 and (
                by is not None or _SAYS_AFTER.match(text, at + toks[0].end)):
            out.append(_record(toks[0].payload, (nth,), text, m.start(), at + toks[0].end))
    return out


# What someone would say, not what they said: "had L4 been asked before L3, L4 would also have said "I don't know"",
# "if Bernard were told 19 he'd say …", "S opens instead of P saying "I don't know""; and the sentence after a
# question that supposes ("What if the bartender had asked L4 first? L4, wanting beer, says "I don't know"")
_NOT_SAID = re.compile(r"(?i:\b(?:would|could|might|'d)\s+(?:also\s+|still\s+|then\s+)?(?:have\s+)?(?:said|say|answer|"
                        r"answered|reply|replied)\b|\bhad\s+\S+\s+been\b|\binstead\s+of\b|\brather\s+than\b)|就会说|会说|而不是")
_WHAT_IF = re.compile(r"(?i:\bwhat\s+if\b|\bsuppose\b|\bimagine\b)[^?？]*[?？]\s*$|如果[^?？]*[?？]\s*$")
_SENTENCE_START = re.compile(r"[.!?。！？\n]\s*")


_OTHERS = re.compile(r"他们|她们|别人|其他人|前[一二两三四五六七八九\d]{1,2}(?:位|个|人)|(?i:\btheir\b|\bothers?\b|"
                     r"\bthe\s+(?:first|other)\s+(?:two|three|four|five|six|\d{1,2})\b)")  # (a bracket about others')
_CLAUSE_OPEN = re.compile(r"[^，,：:;；。.!?！？]*$")  # the clause a bracket closes, back to its last break


def _supposed_speech(text: str, at: int) -> bool:
    """Whether the quote at `at` is what someone would say in a supposition (its sentence supposes, or follows a
    question that does), not an attribution."""
    starts = [m.end() for m in _SENTENCE_START.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    if _NOT_SAID.search(text, start, at) is not None:
        return True
    before = starts[-2] if len(starts) > 1 else 0
    return start > 0 and _WHAT_IF.search(text[before:start]) is not None


def this_version(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """The records less attributions right after another puzzle's dialogue is named ('in the usual version P opens
    with "I don't know"': who speaks there, not here), and attributions in a table whose columns are versions
    ("| | P-first (Freudenthal) | S-first (McCarthy) |": which cell is this puzzle's is not read)."""
    if not any(r.kind == "speaker" for r in records):
        return records
    if "|" in text:
        spans = _version_rows(text)
        if spans:
            records = [r for r in records if r.kind != "speaker" or not any(a <= r.start < b for a, b in spans)]
    if _OTHER_VERSION.search(text) is None:
        return records
    return [r for r in records
            if r.kind != "speaker" or _OTHER_VERSION.search(text, max(0, r.start - 80), r.end) is None]


# A table header cell naming a version of the puzzle: "P-first (Freudenthal)", "Original version", "原版"
_VERSION_CELL = re.compile(r"(?i:\b[A-Z]-first\b|\bversion\b|\boriginal\b|\bclassic\b|\bvariant\b)|原版|原题|版本|经典")


def _version_rows(text: str) -> list[tuple[int, int]]:
    """The spans of the rows of tables with two or more header cells naming versions of the puzzle."""
    out, versions = [], False
    for m, cells, opens in table_rows(text):
        if opens:
            versions = sum(1 for cell in cells if _VERSION_CELL.search(cell)) >= 2
        elif versions:
            out.append(m.span())
    return out


# A table's speaker column, and a first column that numbers the statements
_SPEAKER_HEADER = re.compile(r"(?i:\s*(?:\*\*)?\s*(?:speaker|who|agent|person|said\s+by|by)\s*(?:\*\*)?\s*$)|"
                             r"\s*(?:说话人|说话者|发言人|谁说的|谁|人物)\s*$")
_NUMBER_HEADER = re.compile(r"(?i:\s*(?:#|no\.?|n|statement|stmt|line|remark|step)\s*$)|\s*(?:序号|编号|句|第几句)\s*$")
_NUMBER_CELL = re.compile(r"\s*(?:\*\*)?\s*(\d)\s*(?:\*\*)?\s*$")


def _table_speakers(lex: Lexicon, text: str, quotes: tuple[tuple[str, ...], ...],
                    speakers: tuple[str | None, ...]) -> list[ClaimRecord]:
    """Rows of a table with a speaker column: the statement is the row's quote of an announcement, else its number
    under a numbering first column ("| # | Speaker | …"). The speaker cell holds the agent alone."""
    out = []
    who = numbered = None
    for m, cells, opens in table_rows(text):
        if opens:
            who = next((i for i, c in enumerate(cells) if _SPEAKER_HEADER.match(c)), None)
            numbered = bool(cells) and _NUMBER_HEADER.match(cells[0]) is not None
            continue
        if who is None or who >= len(cells):
            continue
        toks = [t for t in tokens(lex, cells[who]) if t.kind != "sep"]
        if len(toks) != 1 or toks[0].kind != "agent":
            continue
        ks: tuple[int, ...] = ()
        for q in QUOTES.finditer(m.group(0)):
            inner = fold(q.group(0)[1:-1])
            ks = tuple(k + 1 for k, qs in enumerate(quotes) if inner and any(x == inner for x in qs))
            if ks:
                break
        n = _NUMBER_CELL.match(cells[0]) if numbered and not ks else None
        if n is not None and 0 < int(n.group(1)) <= len(speakers):
            ks = (int(n.group(1)),)
        if ks and all(speakers[k - 1] is not None for k in ks):
            out.append(_record(toks[0].payload, ks, text, m.start(), m.end()))
    return out


_HEARD = re.compile(r"(?i:\b(?:hears?|heard|hearing|listens?\s+to|listened\s+to)\b)|听到|听见|听了")
# An agent right after a verb of knowing or seeing is its object, not a speaker: "不知道第三位，说“不知道”"
_OBJECT_OF = re.compile(r"(?:知道|清楚|确定|看到|看见|(?i:\b(?:knows?|knew|sees?|saw|about)\s+))\s*$")


# A verb of looking: the agents after it are what is looked at ("第一位看了看第二位和盲人头上的帽子，说：“…”")
_LOOKS_AT = re.compile(r"看了看|看了一眼|看着|望着|盯着|(?i:\b(?:looks?|looked|glances?|glanced|stares?|stared)\s+at\b)")


def _looker(lex: Lexicon, text: str, at: int) -> str | None:
    """The agent who looks at the agent at `at` before speaking: the speaker, when a verb of looking stands between
    them in the sentence."""
    cut = [b.end() for b in _BREAK.finditer(text, max(0, at - 3 * _REACH), at)]
    opening = cut[-1] if cut else max(0, at - 3 * _REACH)
    first = next((t for t in tokens(lex, text[opening:at]) if t.kind == "agent"), None)
    if first is None or _LOOKS_AT.search(text, opening + first.end, at) is None:
        return None
    return first.payload


def _agent_before(lex: Lexicon, text: str, at: int) -> str | None:
    """The agent who introduces a quote at `at`: "Q says, “…”", "Q：“…”", "Q先生说“…”" (same sentence, close by)."""
    start = max(0, at - _REACH)
    cut = [b.end() for b in _BREAK.finditer(text, start, at)]
    window = text[cut[-1] if cut else start:at]
    toks = tokens(lex, window)
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].kind == "agent":
            rest = toks[i + 1:]
            gap = window[toks[i].end:]
            says = [t for t in rest if t.kind == "says"]
            if _HEARD.search(gap) is not None or _OBJECT_OF.search(window, 0, toks[i].start) is not None:
                return None  # "第四位听到了前三位都说“不知道”": what the agent heard others say, not his own words
            if says and _OTHERS.search(window, toks[i].end, says[-1].start) is not None:
                return None  # '第四位：前三位都说"不知道"': the others are who speak, under the agent's label
            if says and any(t.kind == "he" for t in rest[:rest.index(says[-1])]):
                return None  # "但是第五位要不要，她不知道，所以她只能说“我不知道”": "she" may be another agent (the 4th)
            if (says and _SAYS_GAP.fullmatch(window, says[-1].end)) or gap.strip(" *“\"") in (":", "：", "先生：", "先生:") or \
                    re.fullmatch(r"\s*(?:先生)?\s*[:：]?\s*", gap):
                return _looker(lex, text, at - len(window) + toks[i].start) or toks[i].payload
            return None
    return None


def _record(agent: str, ks: tuple[int, ...], text: str, start: int, end: int) -> ClaimRecord:
    return record("speaker", ("Speaker", agent, ks), (), text[start:end], start, end, False, reading=ATTRIBUTION)



def swapped_speech(lex: Lexicon, records: list[ClaimRecord], restated: dict,
                   speakers: tuple[str | None, ...]) -> list[ClaimRecord]:
    """"然后P先生又说他早就知道Q先生不知道": reported speech whose content is no announcement, but is announcement k
    with the speaker and another agent exchanged, gives statement k to the wrong agent (a `Speaker` claim). The
    speaker must be the one who knows in it ("S says P doesn't know" is S's view of P, not P's statement)."""
    out = []
    for r in records:
        if r.kind != "knowledge" or r.reading != REPORTED:
            continue
        a = knower(r.key.formula)
        toks = tokens(lex, r.text)
        says = next((i for i, t in enumerate(toks) if t.kind == "says"), None)
        if says is None:  # "Mr. P is telling Mr. Q that he knew …": the teller speaks
            rest = [t for t in toks if t.kind != "copula"]  # "is telling": the copula scans on its own
            says = next((i + 1 for i, t in enumerate(rest[:-1]) if t.kind == "agent" and t.payload == a and
                         TELLS.search(r.text, t.end, rest[i + 1].start)), None)
            if says is None:
                continue
        elif next((t.payload for t in reversed(toks[:says]) if t.kind == "agent"), None) != a:
            continue
        elif (who := next(t for t in reversed(toks[:says]) if t.kind == "agent")) and \
                (_HEARD.search(r.text, who.end, toks[says].start) or _OTHERS.search(r.text, who.end, toks[says].start)):
            continue  # "第四位听到前三位都说不知道": what he heard the others say
        elif says > 0 and toks[says - 1].kind in ("neg", "modal"):
            continue  # "S先生不可能说知道", "S couldn't say he knows": no speech
        # "Albert says that at first he didn't know but now he knows": the past part of another's statement
        turn = r.past and _TURN.search(r.text, toks[says].end) is not None
        if r.key.formula in restated and not turn:
            continue
        for b in dict.fromkeys(x for x in speakers if x is not None and x != a):
            k = restated.get(("@past", _swap(r.key.formula, a, b)) if turn else _swap(r.key.formula, a, b))
            if k is not None and speakers[k - 1] == b:
                out.append(record("speaker", ("Speaker", a, (k,)), (), r.text, r.start, r.end, False,
                                  reading=ATTRIBUTION))
                break
    return out


def _swap(key, a: str, b: str):
    """The key with agents `a` and `b` exchanged in every knowledge."""
    if not isinstance(key, tuple):
        return key
    if key and key[0] == "Knows":
        agents = tuple(b if x == a else a if x == b else x for x in key[2])
        return key[:2] + (agents,) + tuple(_swap(x, a, b) for x in key[3:])
    return tuple(_swap(x, a, b) for x in key)


# Speech after an agent that the lexicon's "says" words miss: "Ali tells us that", "S speaks again:", "Ali continues
# that", "Albert's second line is that", "P answers that he can too".
_SPOKEN = (r"(?:tells?\s+(?:us|him|her|them)\b|continues\b|goes\s+on\b|speaks(?:\s+again)?\b|(?:'s|’s)\s+(?:\w+\s+)?"
           r"(?:line|statement|remark|reply|announcement|turn)\s+(?:is|was)\b)", r"(?:说|表示|宣布|回答)")
_SPEECH_AFTER = re.compile(r"(?i:\s*(?:(?:now|then|next|also|again|finally|simply)\s+)?" + _SPOKEN[0] + ")|"
                           r"\s*(?:先生)?(?:又|接着|随后|然后)?" + _SPOKEN[1])
# Whether _SPEECH_AFTER matches anywhere in a text (what comes before its speech words is optional), as a quick
# test of every step: found from the speech words' first letters, not tried at every position from its `\s*`.
_SPEECH_ANYWHERE = re.compile(r"(?i:(?=[tcgs'’])" + _SPOKEN[0] + ")|" + _SPOKEN[1])
# A time clause around a speech verb: "在P先生说话之前", "P开口以后", "before P speaks, Q already knew"
_WHEN_SPOKE = re.compile(r"话?(?:之前|以前|之后|以后|前|后)")
_TIME_WORD_BEFORE = re.compile(r"(?i:\b(?:before|after|until|till|once|when)\s+(?:Mr\.?\s+)?$)|在$")
_LABEL_COLON = re.compile(r"[ \t]*(?:\*\*)?[ \t]*[:：][ \t]*(?:\*\*)?")
_OPENING_QUOTE = re.compile(r"[\s,，:：]*[“\"「『][^”\"」』\n]{1,200}[”\"」』]")
_CLAUSE_END = re.compile(r"[,;，；]|\s(?:and|but)\s|而且|并且")


def _clause_end(sentence: str, at: int) -> int:
    """Where the clause that goes on at `at` ends ("S says he can now determine, and P answers that he can too")."""
    m = _CLAUSE_END.search(sentence, at)
    return m.start() if m else len(sentence)


_TOO = re.compile(r"(?i:\b(?:too|also|as well|either)\b)|也|同样|同时")
_NOW_WORD = re.compile(r"(?i:\bnow\b)")


_ORDINAL_OPENING = re.compile(r"[\s*#>\-•]*(?i:(first|second|third|fourth|fifth)(?:ly)?)\s*[,，:]")  # not "Finally,": often loose


def _ordinal_opening(sentence: str, n: int) -> int | None:
    """The statement a sentence opening on an ordinal adverb walks to ("Third, S declares …": the dialogue's third
    line; "Finally, …": its last), if there is one."""
    m = _ORDINAL_OPENING.match(sentence)
    if m is None:
        return None
    nth = _ORDINAL_NTH.get(m.group(1).lower(), -1)
    nth = n if nth == -1 else nth
    return nth if 0 < nth <= n else None


def paraphrased_speech(lex: Lexicon, aligner: Aligner, text: str, current: int | None = None) -> list[ClaimRecord]:
    """"Albert's second line is that he didn't know at first but knows now", "Next, Albert says: “At first I didn't
    know, but now I know.”": speech whose know / don't-know structure is exactly that of other speakers'
    statements and of none of the speaker's own (not even part of one) gives those statements to the wrong agent.
    Suppositions ("if Albert had said …") and modal speech ("Albert would say") are not read.

    With the trace at stage `current`, speech that has the structure of the next statement, another speaker's, is
    that statement given to the wrong agent even when the agent makes a like statement later ("Next, Mr. Q announces
    that he now knows the card" where P's "Now I know" comes next), when it says "now" (not "Q said he *knew*", part of
    Q's statement already reached) and not "too" or "also". Speech matching one of the agent's own later statements
    moves `current` on: an outline of the dialogue is read in order."""
    if aligner.speaks.search(text) is None and _SPEECH_ANYWHERE.search(text) is None and ASIDE.search(text) is None:
        return []
    out = []
    for m in SENTENCES.finditer(text):
        if aligner.speaks.search(m.group(0)) is None and _SPEECH_ANYWHERE.search(m.group(0)) is None and \
                ASIDE.search(m.group(0)) is None:
            continue  # no speaker with a speech word in this sentence: nothing to scan
        if (text.find("?", 0, m.start()) >= 0 or text.find("？", 0, m.start()) >= 0) and _supposed_speech(text, m.start()):
            continue  # "What if the bartender had asked L4 first? L4, wanting beer, says …": in that supposition
        toks = outside_relatives(m.group(0), tokens(lex, m.group(0)))
        for i, t in enumerate(toks):
            if t.kind != "agent":
                continue
            if any(u.kind in ("if", "modal") for u in toks[:i]):
                break
            if _OBJECT_OF.search(m.group(0), max(0, t.start - 8), t.start) is not None:
                continue  # "不知道第三位，说“不知道”": the second logician's words, not the third's
            asides = [a.span() for a in ASIDE_BRACKETS.finditer(m.group(0), t.end) if _OTHERS.search(
                a.group(0)) or _OTHERS.search(_CLAUSE_OPEN.search(m.group(0), t.end, a.start()).group(0))]
            j = next((j for j in range(i + 1, min(i + 4, len(toks))) if toks[j].kind == "says" and
                      not any(a <= toks[j].start < b for a, b in asides)), None)
            if j is not None and (any(u.kind in ("modal", "agent", "neg") for u in toks[i + 1:j]) or
                                  _HEARD.search(m.group(0), t.end, toks[j].start) is not None or
                                  _OTHERS.search(m.group(0), t.end, toks[j].start) is not None):
                j = None  # (and "S先生不可能说知道", "S couldn't say he knows": no speech; "第四位听到了前三位都说“不知道”":
                # what others said, heard; "第四位：前三位都说…": said by others)
            if j is not None and (_WHEN_SPOKE.match(m.group(0), toks[j].end) is not None or
                                  _TIME_WORD_BEFORE.search(m.group(0), max(0, t.start - 10), t.start) is not None):
                continue  # "在P先生说话之前就知道…", "before P spoke": when, not what, P said
            if j is not None:
                content, opens = toks[j + 1:], toks[j].end
            else:
                speech = _SPEECH_AFTER.match(m.group(0), t.end) or _LABEL_COLON.match(m.group(0), t.end)
                if speech is None:
                    continue  # ("**2. Albert:** “At first I didn't know, but now I know”": a speaker's label)
                content, opens = [u for u in toks[i + 1:] if u.start >= speech.end()], speech.end()
                if _OTHERS.match(m.group(0), opens + len(m.group(0)[opens:]) - len(m.group(0)[opens:].lstrip())):
                    continue  # '第四位：前三位都说"不知道"': under his label, the others' words
            quoted = _OPENING_QUOTE.match(m.group(0), opens)
            if quoted is not None:  # 'P先生说“我早就知道你不知道”，也就是说…': what is said is the quote
                content = [u for u in content if u.start < quoted.end()]
            content = [u for u in content if not any(a <= u.start < b for a, b in asides)]  # "第五位：前四位都要
            # （从他们的“不知道”推出来）", "第4位：前三位都要（都说了不知道）": the others' words, in brackets, are no
            # speech of his (but "P speaks first ("I don't know")" is his)
            said = said_words(content)
            first = next((u for u in content if u.kind in ("know", "notknow")), None)
            if said and first is not None and _OTHERS.search(m.group(0), opens, first.start) is not None:
                continue  # '第5位：从前四位的"不知道"推出…': the others' words, which he draws on
            if said:
                kinds = [u.kind for u in content]
                turn = said[:2] == ("notknow", "know") and "past" in kinds[:kinds.index("notknow") + 2] and "now" in kinds
                ks = aligner.attributed_wrongly(t.payload, said, turn)
                nth = _ordinal_opening(m.group(0), len(aligner.speakers))
                if not ks and nth is not None and aligner.cues[nth - 1] == said and \
                        aligner.speakers[nth - 1] not in (None, t.payload):
                    ks = (nth,)  # "Third, S declares he can determine the numbers": the third statement is P's
                now = any(u.kind == "now" or _NOW_WORD.search(u.text) for u in toks[i + 1:])  # "can now determine"
                # (not the "now" inside "know")
                if not ks and current is not None and now and aligner.skips_next(t.payload, said, current) and \
                        _TOO.search(m.group(0), t.end, _clause_end(m.group(0), t.end)) is None:
                    ks = (current + 1,)
                if ks:
                    out.append(record("speaker", ("Speaker", t.payload, ks), (), m.group(0), m.start() + t.start,
                                      m.end(), False, reading=ATTRIBUTION))
                elif current is not None:  # "2. S says he was already sure P couldn't. 3. Then S says …": in order
                    own = [k for k in range(current + 1, len(aligner.cues) + 1)
                           if aligner.speakers[k - 1] == t.payload and aligner.cues[k - 1] == said]
                    current = own[0] if own else current
            break  # the sentence's first agent is its speaker
    return out
