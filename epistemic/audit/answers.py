"""The answer a response sets apart when it states no answer in words: in bold ("**March 18.**" closing the trace,
"So the numbers are **4 and 13**", an answer-first headline "**July 16.**"), or a closing line ("Hence 4.").

A bold span is read as if it followed "Answer:"; the span must name a whole answer (the question's values), so a
bold list of candidates or a bold remark ("**exactly two**") gives none.
"""
from __future__ import annotations

import re

from .claims import ClaimMemo, extract_records
from .counts import count_key, yes_no as is_yes_no
from .lexicon import Lexicon, has_suits
from .records import OTHERS, REJECTED
from .scope import reading_at, scopes
from .segment import MONTHS, plain

_GLOSS = re.compile(r"[(（]([^()（）]{1,30})[)）]")
_BOLD = re.compile(r"\*\*([^*\n]{1,120})\*\*|__([^_\n]{1,120})__")


def bold_answer(lex: Lexicon, memo: ClaimMemo, text: str, last: bool = True) -> tuple[tuple[int, ...], ...] | None:
    """The answer named by the last (or first) bold span of `text` that names one, or None."""
    found = [(m, _ANSWER_WORD.sub("", m.group(1) or m.group(2), count=1)) for m in _BOLD.finditer(text)]
    found = [(m, span) for m, span in found if _UNSURE.search(span) is None]  # ("**… more likely white, but he cannot
    # be certain**": no answer given)
    hit = next(((m, a) for m, a in ((m, _answer_of(lex, memo, span)) for m, span in (reversed(found) if last else found))
                if a), None)
    if hit is None:
        return None
    m, answer = hit
    a = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
    b = next((e.start() for e in _SENTENCE_END.finditer(text, m.end())), len(text))
    together = set(answer).union(*(_answer_of(lex, memo, span) or () for n, span in found
                                   if n is not m and a <= n.start() < b))
    return tuple(sorted(together)) if len(together) > len(answer) else answer  # ("So both **17 April** and **12
    # June** are consistent": both, not the last)


_ANSWER_WORD = re.compile(r"^\s*(?i:(?:final\s+)?answer)\s*(?=\d|(?i:yes|no)\b)")  # "**answer 1**": the answer 1
_SENTENCE_END = re.compile(r"[.。!！?？;；](?=\s|$)|\n")
# A labelled summary line and why after a dash: "**Summary: 3 children are muddy — the first silent round rules …"
_SUMMARY_HEAD = re.compile(r"(?m:^)[ \t>#*_]*(?:(?i:summary|in\s+summary|conclusion|verdict|final\s+answer|answer)|"
                           r"总结|结论|最终答案|答案)[ \t*]*[:：][ \t*]*(?P<head>[^—–:：\n。]{1,60}?)"
                           r"(?:[ \t*]+[—–][ \t]+\S|。|\.[ \t]+\S)")
# (or a sentence of its own: "**总结：有3个孩子额头有泥。父亲的话加上…**")


def summary_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The one answer of the head of the step's last labelled summary line, before the dash that opens its reasons
    ("**Summary: 3 children are muddy — the first silent round rules out …**"), or None."""
    found = list(_SUMMARY_HEAD.finditer(text))
    return _one_answer(lex, memo, found[-1].group("head")) if found else None


_UNSURE = re.compile(r"(?i:\b(?:more|most)\s+likely\b|\bprobably\b|"
                     r"\b(?:cannot|can't|can\s+not)\s+be\s+(?:certain|sure|determined)\b|\bundetermined\b)|无法确定|不能确定")
_BOXED = re.compile(r"\\boxed\s*\{((?:[^{}\n]|\{[^{}\n]*\}){1,120})\}")
_TAGGED = re.compile(r"<(?:final_)?answer>\s*([^<>]{1,200}?)\s*</(?:final_)?answer>", re.IGNORECASE)


def boxed_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The answer of the last "\\boxed{…}" or "<answer>…</answer>" in `text` that names one ("\\boxed{9}",
    "\\boxed{(4, 13)}", "\\boxed{\\text{July 16}}", "<answer>Cam's anniversary is July 16.</answer>"), or None."""
    spans = [re.sub(r"\\[ ,;!:]", " ", re.sub(r"\\text\s*\{([^{}]*)\}", r"\1", m.group(1)))
             for m in _BOXED.finditer(text)]  # (LaTeX spaces: "\\boxed{(4,\\ 13)}")
    spans += [m.group(1) for m in _TAGGED.finditer(text)] if "<" in text else []
    return next((a for a in (_answer_of(lex, memo, span) for span in reversed(spans)) if a), None)


_CLOSING = re.compile(r"(?:^|\n)(?:[ \t]*(?P<arrow>⇒|∴|=>|→|->)|[^\n]*?[，,；;]\s*(?:最终|最后)(?:只)?(?:剩下?|就是|是)|"
                      r"\W*(?:hence|so|thus|therefore|in\s+summary|to\s+sum\s+up|in\s+conclusion|所以|因此|"
                      r"故(?!事|意|障)|综上所述|综上|"
                      r"[^\n:：.。]{0,30}(?:birthday|card|date|numbers|pair|solution|result|muddy|生日|这张牌|结论|结果|结束了?|结局)"
                      r"[\s*]*[:：])|[ \t]*(?:[A-Z][a-z]{1,12}[ \t]*:[ \t]*)?(?=(?:yes|no)[ \t]+[—–]))"
                      r"[,，:：\s]*(?P<said>[^\n.。]{1,60})[.。]?\W*$", re.IGNORECASE)
# (or an arrow, "⇒ July 16", "∴ 4 and 13"; a last clause "…，最终只剩下4和13。"; or a yes or no and a dash, "Student:
# Yes — the sum is one of 3, 5, 15, 17")


# A value the closing line then calls the answer: "Five of diamonds, that's the answer.", "July 16 is our answer"
_NAMED_ANSWER = re.compile(r"(?:^|\n)\W*(?i:(?:so|and|hence|thus)\W+)?(?P<said>[^\n,，.。—–:;]{1,40}?)\s*(?i:[,，—–]\s*"
                           r"(?:that's|that\s+is|this\s+is|that’s)|\s+is)\s+(?i:the|our|my)\s+(?i:final\s+)?answer\b"
                           r"[^\n]{0,120}$")


_SAID_YES_NO = re.compile(r"(?i:(?:^|(?<=[.!?])\s+|\n)\W*(?:so|hence|thus|therefore)[,\s]+(yes|no)\s*[,，—–:;]"
                          r"[^\n.!?]*[.!?]?\s*$)")


_DASH_YES_NO = re.compile(r"(?i:[—–]\s*(?:\*\*)?(yes|no)(?:\s*\(\s*[01]\s*\))?(?:\*\*)?\s*"
                          r"(?:[,;](?!\s*(?:wait|hmm|hold|actually|let))[^\n—–]{1,80})?"
                          r"[.!]?\s*$)")  # ("… 3 or 17 — yes, it is in {3, 5, 15, 17}.": the yes, then why)


_WORD = re.compile(r"[a-z]{3,}|\d+|[\u4e00-\u9fff]{2}")
_FUNCTION_WORDS = frozenset({"the", "are", "and", "for", "yes", "was", "with", "that", "this", "from", "all", "its"})
# The question asked once more, then its bare yes or no: "So, are the three numbers all different? Yes!"
_ASKED_YES_NO = re.compile(r"(?i:\?\s*(?:\*\*)?(yes|no)(?:\*\*)?(?:\s*[,，][^\n?]{1,60})?\s*[.!]*\s*$)")


def _asks_the_question(lex: Lexicon, text: str) -> bool:
    """Whether the last sentence of `text`, a question, asks the puzzle's own yes-or-no question: it names some of
    the puzzle's terms and no agent's knowing ("are the three numbers all different?", not "Did Alice know?")."""
    if not _yes_no(lex):
        return False
    start = max(text.rfind(c, 0, len(text) - 1) for c in ".!?。！？\n") + 1
    asked = text[start:]
    if any(t.kind in ("know", "notknow", "agent") for t in lex.scan(asked)):
        return False
    own = {w for _, q in lex.puzzle.question.texts for w in _WORD.findall(q.lower())} - _FUNCTION_WORDS
    return len(own & set(_WORD.findall(asked.lower()))) >= 2  # (words of the puzzle's own question: "numbers",
    # "different"; "sum")


def closing_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The answer of a short closing line ("Hence 4.", "So (4, 13).", "所以是7月16日。", "Cheryl's birthday: July 16.",
    "⇒ July 16"), or None."""
    asked = _ASKED_YES_NO.search(text.rstrip())
    if asked is not None and _asks_the_question(lex, text.rstrip()[:asked.start() + 1]):
        return _answer_of(lex, memo, asked.group(1))  # "So, are the three numbers all different? Yes!"
    text = _without_chatter(lex, _REMARK_AFTER.sub("", text.rstrip()))  # "∴ July 16. (Bernard, holding 16, already
    # knows at t2; …)", "所以盲人不用看也知道：自己是白帽子。哈哈，懂了。"
    named = _NAMED_ANSWER.search(text)
    if named is not None and (found := _answer_of(lex, memo, named.group("said"))):
        return found  # "Five of diamonds, that's the answer, and yeah, you can go back and check …"
    m = _CLOSING.search(text)
    said = _SAID_YES_NO.search(text) or _DASH_YES_NO.search(text)
    if said is not None:  # "… with sums 3, 5, 17 and 19. So no, the sum is not always …": the yes or no, then why;
        return _answer_of(lex, memo, said.group(1))  # "…; the sum is one of 3, 5, 15, 17 — yes.": why, then it
    if m is None or any(t.kind == "neg" for t in lex.scan(m.group("said"))):
        return None  # "So we drop April 19.": an elimination, not the answer
    found = _answer_of(lex, memo, _REPLIED.sub(r"\1", m.group("said")))  # ("所以回答“是”，填1": 是，填1)
    if found is None and not m.group("arrow"):  # "So the number of muddy children is 1.": one value, said plainly
        named = [r.answer for r in extract_records(lex, m.group("said"), True, memo)
                 if r.kind == "candidates" and r.certain and r.answer and len(r.answer) == 1]
        found = named[-1] if len(named) == 1 else None
    return None if m.group("arrow") and found and len(found) > 1 else found  # ("→ Remaining: Apr 14, Jun 12": a list)


# A bracketed remark after a closing sentence: what the answer line adds, not the answer
_REMARK_AFTER = re.compile(r"(?<=[.。!！])\s*[(（][^()（）\n]{1,200}[)）]\s*$")
_LAST_SENTENCE = re.compile(r"(?<=[.。!！?？])[ \t]*[^.。!！?？\n]+[.。!！?？]?[ \t]*$")
_CONTENT = frozenset({"value", "ambig", "tuple", "number", "agent", "attr"})


def _without_chatter(lex: Lexicon, text: str) -> str:
    """The text without the sentences closing it that name nothing of the puzzle (at most three): "Neat trick,
    honestly — the silence is the information.", "哈哈，懂了，这题其实就是把别人说“不知道”当成信息来用。"."""
    for _ in range(3):
        m = _LAST_SENTENCE.search(text) or _LAST_LINE.search(text)
        if m is None or any(t.kind in _CONTENT for t in lex.scan(m.group(0))):
            return text
        text = text[:m.start()].rstrip()
    return text


# A last line after an unpunctuated one, with no yes or no in it: "所以是4和13\n绝了，这题第一次见的时候完全没头绪😂"
_LAST_LINE = re.compile(r"(?<=\n)(?![^\n]*(?i:\byes\b|\bno\b|是|否|对|错|[01]))[^\n]+$")


# (after an answer label: "**答：是，三个数互不相同。**", "**Answer.** Yes — …", "**Summary: yes — …", a heading line
# "**Answer**\nYes. …"; a bare "是，" / "否，" opens a reply too)
_SUMMARY_LABELS = (r"(?:答案?|先说结论|结论先行|简而言之|总结|结论|(?i:answer|short\s+answer|short\s+version|in\s+short|tl;?\s?dr|"
                   r"bottom\s+line|(?:in\s+)?summary|conclusion|verdict|headline))")
# A step that opens on such a label ("Short answer: no. In every surviving triple …", "TL;DR: …", "先说结论：…"): a
# summary of what the trace goes on to show
SUMMARY_LABEL = re.compile(r"\W*(?:\*\*)?" + _SUMMARY_LABELS + r"\s*(?:\*\*)?\s*[:：]")
# The answering voice of a transcript, labelling its turn: "Solver:", "Solver (revised):", "Assistant:"
ROLE_LABEL = r"(?:(?i:solver|assistant|answerer)(?:\s*[(（][^)）\n]{0,20}[)）])?|解题者)"
_OPENING_YES_NO = re.compile(r"(?:\s*<(?i:(?:final_)?answer)>)?\W*(?:\*\*)?(?:" + ROLE_LABEL +
                             r"\s*(?:\*\*)?\s*[:：]\s*)?(?:\*\*)?(?:" + _SUMMARY_LABELS +
                             r"\s*(?:\*\*)?(?:\s*[:：.]|[ \t]*\n)\s*(?:\*\*)?\s*)?"
                             r"((?i:yes|no)\b|是的|不是|是|否)(?:\s*[(（]\s*(?:填|答案|(?i:answer))?\s*[:：]?\s*[01]\s*[)）])?"
                             r"\s*(?:\*\*)?\s*[.,，。!！:：—–]")  # ("答：是（填1）。")


# A short line that gives the yes or no after what it answers: "All different — yes (1).", "**Distinct: no.**"
_YES_NO_AFTER = re.compile(r"\s*(?:\*\*)?[^\n.!?:：—–]{1,40}?\s*(?:\*\*)?\s*[—–:：]\s*(?:\*\*)?((?i:yes|no)\b|是|否)"
                           r"(?:\s*\(\s*[01]\s*\))?\s*(?:\*\*)?\s*[.!。！]?\s*(?:\*\*)?\s*")


# A short line whose answer is in brackets at its end: "**结论：三个数一定互不相同（答案：1）。**", "All distinct (answer: 1)."
_BRACKETED_ANSWER = re.compile(r"\s*(?:\*\*)?[^\n()（）]{1,40}?[(（]\s*(?:答案|填|(?i:answer))\s*[:：]?\s*([01])\s*[)）]"
                               r"\s*[.。!！]?\s*(?:\*\*)?\s*")


_REPLIED = re.compile("(?:回答|答)\\s*[“\"「『]\\s*(是|否|不是)\\s*[”\"」』]")


def _one_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The answer `text` names when it names exactly one, else None."""
    found = _answer_of(lex, memo, text)
    return found if found and len(found) == 1 else None


def opening_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """A yes or no opening a closing step ("Yes. Anne can only know after …", "Yes, all three numbers are distinct."):
    the answer of a yes/no question, or None."""
    m = _OPENING_YES_NO.match(text) or _YES_NO_AFTER.fullmatch(text) or _BRACKETED_ANSWER.fullmatch(text)
    return _answer_of(lex, memo, m.group(1)) if m is not None else None


def table_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The one answer the last cell of a closing table's last row names ("| Ali: then I know too | Mar 18 |", "|
    阿尔伯特：那我也知道了 | 6月12日 |"), or None (several, or none)."""
    rows = [line for line in text.strip().split("\n") if line.lstrip().startswith("|")]
    if len(rows) < 3 or not text.rstrip().endswith("|"):
        return None
    named = _named_rows(lex, rows)
    if named is not None:  # "| x | **4** |\n| y | **13** |\n| sum / product | 17 / 52 |": a row per asked variable
        return _one_answer(lex, memo, named)
    cells = [c.strip() for c in rows[-1].strip().strip("|").split("|") if c.strip()]
    if not cells or re.fullmatch(r"[\d\s*,.]+", cells[-1]):
        return None  # ("| Muddy children now know | more than 3 muddy | 20 |": a count of worlds, not an answer)
    return _one_answer(lex, memo, cells[-1])


def _named_rows(lex: Lexicon, rows: list[str]) -> str | None:
    """"x = 4, y = 13" from the rows of a table that open on each asked variable's name with its value in the next
    cell, or None unless every asked variable has one such row."""
    found = {}
    for row in rows:
        cells = [c.strip().strip("*").strip() for c in row.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] in lex.question_vars and re.fullmatch(r"\d{1,6}", cells[1]):
            found.setdefault(cells[0], cells[1])
    if not lex.question_vars or set(found) != set(lex.question_vars):
        return None
    return ", ".join(f"{v} = {found[v]}" for v in lex.question_vars)


_ASKED_LINE = re.compile(r"(?m)^[^\n]*[?？]\W*\n([^\n]{1,80})\s*$")
_FIRST_PART = re.compile(r"[^.。!！(（]+[.。!！]?")


def asked_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The one answer a closing step's last line gives right under a question ("**Q: So how old is Cheryl?**\n9.
    (And the bus number is 17.)"): what the line opens with, read as if after "Answer:"."""
    m = _ASKED_LINE.search(text.rstrip())
    if m is None:
        return None
    first = _FIRST_PART.match(m.group(1).strip())
    return _one_answer(lex, memo, first.group(0)) if first is not None else None


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def first_line_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The one answer a trace's short first line names and nothing else ("(4, 13)." over the reasoning): a headline."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) > 24 or _NOT_ALONE.search(_ASIDE.sub("", line)) or not any(ch.isalnum() for ch in line):
        return None
    return _one_answer(lex, memo, line)


def headed_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The answer of a short step under an answer heading ("**Answer**" / "4 and 13."): read as if after "Answer:"."""
    return _answer_of(lex, memo, text.strip()) if len(text) <= 80 and "\n" not in text.strip() else None


_HEAD_GLOSSED = re.compile(r"([^:：\n]{1,24})[:：]\s+\S")
_NOT_ALONE = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)、])\s|→|->|=>|[,，、;；|]")
_ITEM = re.compile(r"\s*(?:[-*•+]|\d{1,2}[.)、])\s")


def bare_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The one answer a trace's short last line names and nothing else ("6月12日。", "x, y = 4, 13"), or before a colon
    and its gloss ("m = 2: two of the six children are muddy."), or None."""
    lines = text.rstrip().split("\n")
    line = lines[-1].strip()
    head = _HEAD_GLOSSED.match(line) if len(line) > 24 else None
    if head is not None:  # "m = 2: two of the six children are muddy.": the answer, then what it means
        line = head.group(1).strip()
    if len(line) > 24 or _NUMBERED_HEAD.match(line) or not any(ch.isalnum() for ch in line) or \
            _NOT_ALONE.search(line) or len(lines) > 1 and _ITEM.match(lines[-2]):
        return None  # ("- August 17" ending a list, "32 → 31 → 26 → 16 → 10.": a list, not an answer)
    return _one_answer(lex, memo, line)


# The answer named as the subject ("… and that one — the twelfth of June — is Cheryl's birthday", "♦5 is the card"),
# or in brackets after the reasoning ("so yes — the sum is one of those four (answer 1)")
_SUBJECT = re.compile(r"(?:^|[,，;；:：—–(]\s*)([^,，;；:：—–()\n]{1,40}?)\s*[—–]?\s*(?:is|must\s+be)\s+"
                      r"(?:(?:[A-Z]\w+'s|her|his|the|our|the\s+final)\s+)?"
                      r"(?:birthday|answer|card|date|solution|pair)\b\W*$")
# A yes or no closing the sentence: "… the answer the question is after is yes, i.e. 1.", "… gets a yes, which …"
_YES_NO_LAST = re.compile(r"(?i:\b(?:is|gets|get|earns)\s+(?:a\s+)?(yes|no)\b"
                          r"(?:\s*[,;]\s*(?:i\.e\.|that is|which)[^\n]{0,50})?\W*$)")
# The answer concluded after a comma: "Diamonds is the only suit reduced to one card, so the card is the five of
# diamonds.", "…, which leaves March 18th as the only date …"
_SO_CLAUSE = re.compile(r"(?i:[,;，]\s*(?:so|hence|thus|therefore|which\s+leaves)\s+("
                        r"(?:the\s+|cam's\s+|cheryl's\s+)?(?:card|answer|birthday|anniversary|date|numbers|pair)\b"
                        r"[^\n,;]{1,60}?|[^\n,;]{1,30}?\s+as\s+the\s+only\s+(?:date|card|pair|answer)\b[^\n]{0,90}?))"
                        r"[.!。]?\W*$")
# A corrected answer: "So the answer is not 1 (that would have …) but 2: …", "答案不是1而是2"
_CORRECTED = re.compile(r"(?i:\b(?:is|are|was)\s+not\s+[^\n]{1,80}?\bbut\s+(?:rather\s+)?([^\n:;,.。]{1,30}))|"
                        r"(?:是|答案)不是[^\n]{1,40}?而是([^\n，,。；;：:]{1,20})")
_BRACKETED = re.compile(r"[(（]\s*(?i:answer|答案)\s*(?:[:：=]|填|是|为)?\s*([^()（）\n]{1,20})[)）]\W*$")  # ("（答案填0）")


def subject_answer(lex: Lexicon, memo: ClaimMemo, text: str) -> tuple[tuple[int, ...], ...] | None:
    """The one answer of a closing sentence that names it as its subject, in a bracket, as a yes or no, or as the
    correction of another ("… is not 1 but 2"), or None."""
    line = text.rstrip().rsplit("\n", 1)[-1]
    m = _SUBJECT.search(line) or _BRACKETED.search(line) or _REPLIED.search(line) or _YES_NO_LAST.search(line) or \
        _CORRECTED.search(line) or _SO_CLAUSE.search(line)
    said = m.group(m.lastindex) if m is not None else None
    if said is None or any(t.kind == "neg" for t in lex.scan(said)):
        return None
    return _one_answer(lex, memo, said)


def _answer_of(lex: Lexicon, memo: ClaimMemo, span: str) -> tuple[tuple[int, ...], ...] | None:
    """The answer a span names when read as if it followed "Answer:", or None; else the answer its one bracketed
    gloss names ("**five of diamonds (♦5)**": the words are no card the reader knows, the gloss is)."""
    if _NUMBERED_HEAD.match(span):
        return None  # "**5. “现在我们知道了。”**": a numbered heading, not "Answer: 5"
    span = plain(span, has_suits(lex))  # ("**Five of diamonds.**": the 5 of diamonds; "Answer: D5": ♦5)
    cue = "答案：" if any("\u4e00" <= ch <= "\u9fff" for ch in span[:4]) else "Answer: "  # ("所以是，填1")
    found = [r.answer for r in extract_records(lex, cue + span, True, memo) if r.kind == "answer" and r.answer]
    if found:
        return found[-1]
    glosses = _GLOSS.findall(span)
    if _UNDETERMINED.search(span) is not None:
        return None  # "**最终答案：无法确定（白色的可能性更大）。**": no answer given; the gloss is a guess
    return _answer_of(lex, memo, glosses[0]) if len(glosses) == 1 and glosses[0] != span else None


_UNDETERMINED = re.compile(r"无法确定|不能确定|无法判断|不能判断|确定不了|无从确定|(?i:\b(?:cannot|can't|can\s+not)\s+be\s+"
                           r"(?:determined|decided|known|told)|\bundetermined\b|\bindeterminate\b|"
                           r"\b(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+be\s+(?:sure|certain)\b)")
# ("**Answer: the blind man cannot be sure; his hat is most likely white**": a guess, no answer)


def undetermined(line: str) -> bool:
    """Whether a closing line says the answer cannot be had ("**He cannot know his colour for certain.**", "无法确定")."""
    return _UNDETERMINED.search(line) is not None or _CANNOT_KNOW.search(line) is not None


_CANNOT_KNOW = re.compile(r"(?i:\b(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+(?:know|tell|determine)\b.{0,40}?"
                          r"\bfor\s+(?:certain|sure)\b|"
                          r"\b(?:cannot|can't|can\s+not|could\s+not|couldn't)\s+"
                          r"(?:know|tell|determine|be\s+sure\s+of)\s+"
                          r"(?:his|her|their|its)\s+(?:own\s+)?\w)|(?:不能|无法)(?:确定地?|肯定地?)?知道")
# A line that gives the answer under its label: "**Answer:** the blind man cannot determine his hat colour; …"
ANSWER_LINE = re.compile(r"\W*(?:(?i:final\s+answer|short\s+answer|answer|conclusion)|最终答案|答案|结论)\W{0,4}[:：]")
_NUMBERED_HEAD = re.compile(r"\s*\d{1,2}[.)、．]\s*\S")
_DATE = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+\d{1,2}(?:st|nd|rd|th)?\b|(\d{1,2})\s*月\s*\d{1,2}\s*[日号]",
                   re.IGNORECASE)
# The date right after an answer cue: "Cheryl's birthday is **July 16**", "Final answer: July 16", "答案：7月16日"
_ANSWERED = re.compile(r"(?:answer|birthday|date)\s*(?:is|:|=)\s*(?:\*\*)?\s*$|(?:生日|答案)\s*(?:是|为|[:：])\s*(?:\*\*)?\s*$",
                       re.IGNORECASE)


# A number right after an answer cue: "答案：330", "Final answer: 12" (a yes / no question is answered 1 or 0)
_NUMBER_ANSWERED = re.compile(r"(?:(?i:final\s+answer|answer)|答案|最终答案)\s*(?:is|:|：|=|是|为)\s*(?:\*\*)?\s*(\d{1,6})"
                              r"(?![\d.,，、]|\s*(?:or|and|或|和)\b)")


def _yes_no(lex: Lexicon) -> bool:
    """Whether the puzzle's question is yes / no (its term counts one condition), worked out once per puzzle."""
    yes_no = lex.atoms.get("@yes-no")
    if yes_no is None:
        term = count_key(lex)
        yes_no = lex.atoms["@yes-no"] = term is not None and is_yes_no(term)
    return yes_no


def foreign_answer(lex: Lexicon, text: str) -> str | None:
    """A date stated as the answer whose month is none of the puzzle's ("Cheryl's birthday is **July 16**" in a
    variant whose months run from March to June), or a number other than 1 and 0 given as the answer to a yes / no
    question ("答案：330", the count of triples left): a wrong answer that names no world. None otherwise."""
    if _yes_no(lex):
        return next((m.group(0) for m in _NUMBER_ANSWERED.finditer(text) if int(m.group(1)) > 1), None)
    has_months = lex.atoms.get("@months")
    if has_months is None:  # whether the puzzle has months at all, once per puzzle
        has_months = lex.atoms["@months"] = any(t.kind == "value" for t in lex.scan(" ".join(MONTHS).title()))
    if not has_months:
        return None
    for m in _DATE.finditer(text):
        month = m.group(1).title() if m.group(1) else m.group(2) + "月"
        if _ANSWERED.search(text, max(0, m.start() - 40), m.start()) and \
                not any(t.kind in ("value", "ambig") for t in lex.scan(month)) and not _set_aside(text, m.start()):
            return m.group(0)
    return None


def _set_aside(text: str, at: int) -> bool:
    """Whether the words at `at` lie in an idea its sentence sets aside or in another's answer ("PS：这题和原版的套路一样，
    原版答案是7月16日": the original's answer recalled, not this trace's)."""
    start = max(text.rfind(c, 0, at) for c in "。.!?！？\n") + 1
    end = min((i for i in (text.find(c, at) for c in "。!?！？\n") if i >= 0), default=len(text))
    return reading_at(scopes(text[start:end]), at - start, at - start + 1) in (REJECTED, OTHERS)
