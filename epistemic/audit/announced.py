"""An announcement's content claimed as holding already: "so at this point the muddy children already know that they
are muddy", "那么这时候，有泥的孩子就已经能确定自己有泥了".

A sentence with the distinctive words of an announcement that has no speaker and says that someone knows (the
aligner's signatures), and that dates itself ("already", "at this point", 此时, 已经), is not the trace narrating the
dialogue but claiming the announcement's formula at the point it stands (kind "formula", judged there). Speech
("the father says …") and the dialogue's own timeline ("right after the father's statement …") are narration and
are left to the aligner; conditions and cases ("if exactly two are muddy, …") are no claim about the stage.
"""
from __future__ import annotations

import re

from ..language import syntax as s
from .align import REASON_OPENS, SENTENCES, Aligner
from .evidence import ALREADY
from .counts import NUMBER_WORDS, count_key
from .keys import formula_key, implies_key
from .records import HYPOTHETICAL, KNOWLEDGE, Claim, ClaimRecord, claim_key, record
from .rounds import line_case, step_case

# A condition or case ("if exactly two are muddy, …", "若恰有两人有泥", "the only children who know"), or the dialogue's own
# timeline ("right after the father's statement every muddy child already knows" restates the puzzle)
_NOT_A_CLAIM = re.compile(r"(?i:\b(?:if|would|when|whenever|with\s+exactly|only|after|once|suppose|unless)\b|"
                          r"\b(?:in|of|for)\s+(?:a|an|the|any|every|each|all|such)\s+(?:[\w-]+\s+){0,2}?(?:worlds?|scenarios?)\b)|"
                          r"\b(?i:in\s+(?:world\s+)?[01]{3,8})\b|"  # ("in 01101, …": one world, named by its bits)
                          r"如果|若|假如|要是|假设|只有|之后|以后|后[，,]|紧接着|的世界|在\s*[01]{3,8}\s*(?:里|中|这个世界)")
# ("the muddy children of a two-muddy world", "在 1100 里，孩子1知道自己有泥")
# A denial, or another group as the subject ("Clean children can't know anything at this point either: … sees all the
# muddy ones"): not the announcement's content
_DENIED = re.compile(r"(?i:\b(?:can't|cannot|couldn't|don't|doesn't|didn't|not|never|unable|clean)\b)|不|无法|没法|干净")
# Knowing what was just said ("everyone already knew this — every child sees a muddy face", "大家早就知道这一点"):
# the fact before it, not the announcement's knowing
_KNEW_THIS = re.compile(r"(?i:\bkn(?:ew|ow|own|ows)\s+(?:this|it|that)(?:\s+(?:fact|much|part))?"
                        r"(?=\s*(?:[—–\-,.;:!)]|$|already\b|all\s+along\b|to\s+be\s+(?:true|so)\b|"
                        r"beforehand\b|too\b|anyway\b)))|知道(?:了)?(?:这一?点|这个|这件事|这些)|"
                        # or what the others saw or know, the common knowledge of a round ("每个孩子都看到了这一轮的
                        # 沉默，也都知道别人看到了", "everyone knows the others saw it too")
                        r"(?i:\bknows?\s+(?:that\s+)?(?:the\s+)?others\s+(?:also\s+)?(?:saw|see|know|knew)\b|"
                        r"\bcommon\s+knowledge\b)|知道(?:了)?(?:别人|其他人|其他孩子|大家|对方|他们)(?:也)?(?:都)?"
                        r"(?:看到|看见|知道)|公共知识")
# Knowing a count ("这时候每个孩子都知道“至少有两个人有泥”", "every child now knows at least two are muddy"): a bound on
# the count, read as such elsewhere, not the muddy ones knowing their own state
_COUNT_KNOWN = re.compile(r"(?i:\bat\s+least\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)|"
                          r"至少(?:有)?\s*[一两二三四五六七八九十\d]")
# The count of muddy members a dated claim names ("the three muddy children know after one round", "with k = 2, …",
# "三个有泥的孩子在第一轮没人站出来之后…"): its case
_NAMED_COUNT = re.compile(r"(?i:\bk\s*=\s*(?P<k>\d{1,2})\b|\b(?P<w>one|two|three|four|five|six|seven|eight|\d{1,2})\s+"
                          r"muddy\b)|(?P<z>[一两二三四五六七八\d])个(?:有泥的?|脸上有泥的)?孩子")


def _named_count(clause: str) -> int | None:
    m = _NAMED_COUNT.search(clause)
    word = None if m is None else (m.group("k") or m.group("w") or m.group("z")).lower()
    return None if word is None else int(word) if word.isdigit() else NUMBER_WORDS.get(word)


_PROBLEM_LABEL = re.compile(r"[\s#*>]*(?:题目|原题|问题|(?i:problem|puzzle|the\s+puzzle|question))(?:\*\*)?\s*[:：]")
_SPEECH = re.compile(r"(?i:\b(?:says?|said|announces?|announced|tells?|told|asks?|asked)\b)|说|宣布|问")


_CLAUSE_MARK = re.compile(r"[,，;；]")


def _reason_at(sentence: str, at: int) -> int:
    """Where the claim's clause after `at` ends: at a colon or a word that opens its reason ("…: if she were clean,
    …", "…，因为两个有泥的情况在第一轮之后就该解决了")."""
    m = REASON_OPENS.search(sentence, at)
    return m.start() if m else len(sentence)


def announced_claims(aligner: Aligner, puzzle: s.Puzzle, text: str) -> list[ClaimRecord]:
    """The step's sentences that claim a knowing announcement's content as holding already, or as holding after an
    earlier announcement the sentence opens on ("After the second silence, every muddy child knows she is muddy":
    dated there, `at`)."""
    if _PROBLEM_LABEL.match(text) is not None:
        return []  # "题目：…④ 这时每个额头有泥的孩子都知道了自己有泥。": the puzzle retold, its last event too
    out = []
    for m in SENTENCES.finditer(text):
        sentence = m.group(0)
        dated = aligner.dated_knowing(sentence)
        end = len(sentence) if dated is None else _reason_at(sentence, dated[2])  # (a dated claim's own clause)
        begin = 0 if dated is None else max((c.end() for c in _CLAUSE_MARK.finditer(sentence, 0, dated[2] - 1)),
                                            default=0)  # (its clause: not "Since they did not step forward, …")
        if dated is None and (ALREADY.search(sentence) is None or _NOT_A_CLAIM.search(sentence) is not None) or \
                dated is not None and _NOT_A_CLAIM.search(sentence, dated[2], end) is not None or \
                _SPEECH.search(sentence) is not None or _DENIED.search(sentence, begin, end) is not None or \
                _KNEW_THIS.search(sentence) is not None or \
                _COUNT_KNOWN.search(sentence, 0 if dated is None else dated[2]) is not None:
            continue  # ('Combined with "at least 2", each muddy child already knows after the first silence …': the
            # count a premise before the dating, not what is known)
        k = aligner.described_knowing(sentence)
        if k is None:
            continue
        content = puzzle.announcements[k - 1].content
        labelled = line_case(sentence)  # "- 第2行（1个泥孩子）：…所以他马上知道自己有泥": the knowing of the line's case
        term = count_key(aligner.lexicon) if dated is not None or labelled is not None else None
        n = labelled or _named_count(sentence[:end]) or next(
            (c for c in map(step_case, SENTENCES.findall(text, 0, m.start())) if c), None) if term is not None else None
        if n is not None:  # "So with k = 2, the muddy children know after one silent round": that case's knowing
            key = implies_key(("Compare", "=", term, ("Const", n)), formula_key(content))
            out.append(record("case knowledge", key, (), sentence.strip(), m.start(), m.end(), False,
                              reading=HYPOTHETICAL)._replace(at=dated[0] if dated else None))
            continue
        claim = Claim("formula", content, (), sentence.strip(), m.start(), m.end())
        out.append(ClaimRecord("formula", claim_key(claim), claim.text, m.start(), m.end(), None, claim, KNOWLEDGE,
                               at=dated[0] if dated else None))
    return out
