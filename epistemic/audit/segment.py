"""Trace text -> steps: paragraphs (ProcessBench's unit), with fallbacks for traces without blank lines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import EpistemicError

MAX_CHARS = 1_000_000
_THINK = re.compile(r"</?think>", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])|(?<=\.)\s+(?=[A-Z\u4e00-\u9fff])")
FALLBACK_LINES = 6
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r
_SUBSCRIPTS = {0x2080 + n: ord("0") + n for n in range(10)}
_SUBSCRIPT = re.compile("[\u2080-\u2089]")
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\uff07", "\u2032")  # each read as "'"
_ARROWS = re.compile("[➜➔➙➛➝➞⟶⇨⮕]")  # each read as "→"
# Markdown emphasis around words ("he **wouldn't** know", "Bernard *could* know"), not a product ("3*6", "3 * 6").
_QUOTE_MARK = re.compile(r"(?m)^[ \t]*>[ \t]?")
_SPOILER = re.compile(r">!(?=[^\n]*?!<)|(?<=[^\s<>])!<")
_EMPHASIS = re.compile(r"(?!(?<=\b[a-z])\*[a-z]\b)(?:(?<![\d\s*])\*+|\*+(?![\s\d*]))")  # (not "x*y": a product)
# A bold span, both marks ("is **13**,", "**18** and **19**": around a number they look like products to _EMPHASIS);
# not a bold label before a dash or a colon ("**s ≥ 55** — …": its closing marks tell claims.py it is a case)
_BOLD = re.compile(r"(?<![\w*])\*\*(?=\S)([^*\n]{1,120}?)(?<=\S)\*\*(?!\*|\s*(?:[—–:：]|-\s))")
# The same before a dash or a colon: its opening marks go (a number after them is still a number: "**13** 和
# **20**：…"), its closing ones stay for claims.py
_BOLD_LABEL = re.compile(r"(?<![\w*])\*\*(?=\S)(?=[^*\n]{1,120}?(?<=\S)\*\*(?!\*)\s*(?:[—–:：]|-\s))")

# A list item's bold head that is an equation, followed by a supposition: "1. **b = c.** … she would know" (read as
# "**b = c**:", the case the item goes through)
_BOLD_CASE = re.compile(r"(?m)^([ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]*\*\*[^*\n]{0,40}?[^<>≤≥!≠]=[^*\n]{0,40}?)([.。])\*\*"
                        r"(?=[^\n]*?(?:\b(?:would|could)\b|['’]d\b|就会|会知道))")


@dataclass(frozen=True)
class Step:
    index: int
    text: str
    start: int
    end: int
    thinking: bool = False


@dataclass(frozen=True)
class Segmented:
    steps: tuple[Step, ...]
    text: str
    truncated: bool
    method: str


def decode_trace(data: bytes | str) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; binary is refused."""
    if isinstance(data, str):
        text = data
    else:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16", errors="replace")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                try:
                    text = data.decode("gb18030")
                except UnicodeDecodeError:
                    text = data.decode("utf-8", errors="replace")
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))
    if sample and (controls > len(sample) // 20 or sample.count("\ufffd") > len(sample) // 4):
        raise EpistemicError("the trace looks like binary data, not text",
                             hint="pass a UTF-8 text file, or JSONL with a `response` field")
    return text.replace("\x00", "")


def plain(text: str, cards: bool = False) -> str:
    """The text as the readers see it, same length (so offsets still point into the original): typographic
    apostrophes as `'` ("didn’t know" is "didn't know"), markdown emphasis and block-quote marks as spaces, inline
    LaTeX as plain symbols ("$x = 4$, $y = 13$", "$2 \\times 15$", "$s \\le 54$"); with `cards`, a card written as
    letters as its suit symbol ("D5" is ♦5)."""
    text = apostrophes(text)
    if _FULL_WIDTH.search(text) is not None:
        text = text.translate(_HALF_WIDTH)  # "方块５", "１６张牌": the digits (and Latin letters) as ASCII
    if cards:
        text = _LETTER_CARD.sub(_suit_symbol, text)  # "Answer: D5", "H10" in a puzzle of suits: ♦5, ♥10
    if " of " in text:
        text = _RANK_WORD.sub(_rank_digits, text)  # "the five of diamonds": the 5 of diamonds
    if _MONTH_NAME.search(text) is not None:  # (a quick test: months are written capitalised)
        text = _DAY_WORD.sub(_day_digits, text)  # "the twelfth of June": the 12th of June
    if "$" in text or "\\" in text:
        if "{" in text:
            text = _TEXT_COMMAND.sub(_text_content, text)  # "\\text{July } 16", "\\mathrm{Jul}": the words inside
        text = _LATEX.sub(_symbol, text)
        if "  " in text:  # "x \cdot y" became "x  ·    y": one space each side, the padding after the operand
            text = _PADDED_OPERATOR.sub(_tight, text)
    if ">!" in text:
        text = _SPOILER.sub(_spaces, text)  # "TL;DR >!x = 4, y = 13!<": Reddit's spoiler marks
    if ">" in text:
        text = _QUOTE_MARK.sub(_spaces, text)  # "> **x = 4, y = 13**": a markdown block quote
    if "*" not in text:
        return text
    if "**" in text:
        if "=" in text:  # "1. **b = c.** Alice sees b and c equal, so she would know": the item's case, a label
            text = _BOLD_CASE.sub(lambda m: m.group(1) + "**" + ("：" if m.group(2) == "。" else ":"), text)
        text = _BOLD_LABEL.sub("  ", _BOLD.sub(_unbold, text))
    return _EMPHASIS.sub(_spaces, text)


# A card written as its suit's letter and its rank ("D5", "HQ", "S10"), in a puzzle whose values include suits
_LETTER_CARD = re.compile(r"(?<![\w♠♣♥♦-])([HSCD])(10|[2-9AKQJ])(?![\w'’-])")
_SUIT_SYMBOLS = {"H": "♥", "S": "♠", "C": "♣", "D": "♦"}


def _suit_symbol(m: re.Match) -> str:
    return _SUIT_SYMBOLS[m.group(1)] + m.group(2)


# A card's rank in words before its suit ("the five of diamonds", "Four of hearts"), written as digits, same length
_RANK_WORD = re.compile(r"\b(?i:(two|three|four|five|six|seven|eight|nine|ten))(?=\s+of\s+(?i:hearts|spades|clubs|"
                        r"diamonds)\b)")
_RANK_DIGITS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
                "ten": "10"}


def _rank_digits(m: re.Match) -> str:
    return _RANK_DIGITS[m.group(1).lower()].ljust(len(m.group(1)))


# A day of the month as an ordinal word next to its month ("the twelfth of June", "July the sixteenth"), as digits
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
             "nineteenth", "twentieth")
_DAY_NUMBERS = {w: n for n, w in enumerate(_ORDINALS, 1)} | \
    {f"{tens}{sep}{w}": base + n for tens, base in (("twenty", 20), ("thirty", 30)) for sep in ("-", " ", "")
     for n, w in enumerate(_ORDINALS[:9], 1)} | {"thirtieth": 30}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # English month names, lower case (answers.py reads dates with them too)
_MONTH_NAME = re.compile(r"(?<![A-Za-z])(?:" + "|".join(m.title() for m in MONTHS) + r")\b")
_MONTH_WORDS = r"(?i:" + "|".join(MONTHS) + ")"
_DAY_WORD = re.compile(r"\b(?:(?P<month>" + _MONTH_WORDS + r")\s+(?:the\s+)?)?(?=[fstenFSTEN])(?P<day>(?i:" +
                       "|".join(sorted(_DAY_NUMBERS, key=len, reverse=True)) + r"))\b"
                       r"(?(month)(?![ \t]+(?!and\b|or\b|is\b|was\b)[a-z])"  # ("June the second statement": no date)
                       r"|(?=\s+of\s+" + _MONTH_WORDS + r"\b))")


def _day_digits(m: re.Match) -> str:
    day = m.group("day")
    n = _DAY_NUMBERS[day.lower()]
    digits = str(n) + ({1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th") if n not in (11, 12, 13) else "th")
    return m.group(0)[:m.start("day") - m.start()] + digits.ljust(len(day))


def apostrophes(text: str) -> str:
    """Typographic apostrophes as `'`, subscript digits as digits ("Anne₁:", "Ω₁" are "Anne1:", "Ω1") and
    decorative arrows as "→" ("doesn't know ➜ kill pairs with …"), same length.

    One `str.replace` per form (a fast scan each) rather than `str.translate`, which looks every character of
    non-ASCII text up in its table: this runs on every step of every trace."""
    if text.isascii():
        return text
    for form in _APOSTROPHES:
        if form in text:
            text = text.replace(form, "'")
    if _ARROWS.search(text) is not None:  # (one scan for all of them)
        text = _ARROWS.sub("→", text)
    if _SUBSCRIPT.search(text) is not None:  # (one scan in C; translate looks every character up)
        text = text.translate(_SUBSCRIPTS)
    return text


def code_blanked(texts: list[str]) -> list[str]:
    """The steps with the code of fenced blocks (```) blanked, same length: a program states nothing, its comments
    do ("#   S1 = [Apr 14, Apr 17, …]" is the writer's claim, `dates = {"Mar": [13, 17], …}` is data). A block may
    run over several steps (blank lines inside it)."""
    if not any("```" in t for t in texts):
        return texts
    out, inside = [], False
    for text in texts:
        lines = []
        for line in text.split("\n"):
            if line.lstrip().startswith("```"):
                inside = not inside and _PROGRAM.fullmatch(line.strip()[3:].strip().lower()) is not None
                lines.append(" " * len(line) if inside or not line.strip()[3:].strip() else line)
                continue
            if inside:
                m = _COMMENT.search(line)
                line = " " * m.start("mark") + line[m.start("mark"):] if m is not None else " " * len(line)
            lines.append(line)
        out.append("\n".join(lines))
    return out


# The languages of a fenced block that is a program (a YAML, JSON or plain block is the writer's own notation)
_PROGRAM = re.compile(r"python3?|py|javascript|js|typescript|ts|java|c|cpp|c\+\+|go|rust|haskell|hs|ruby|julia|r|"
                      r"sql|bash|sh|lua|prolog|lisp|scheme|ocaml|scala|kotlin|swift|pseudo(?:code)?|z3|smt2?")
_COMMENT = re.compile(r"(?:^|\s)(?P<mark>#|//|--)")  # a comment in the languages models write code in


def _spaces(m: re.Match) -> str:
    return " " * len(m.group(0))


def _unbold(m: re.Match) -> str:
    return "  " + m.group(1) + "  "


# Inline math as models write it: dollar and \( \) delimiters, braces escaped, and the commands for the symbols
# the readers know, each replaced by its symbol padded with spaces (same length).
_LATEX_SYMBOLS = {"times": "×", "cdot": "·", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "to": "→",
                  "rightarrow": "→", "Rightarrow": "⇒", "implies": "⇒", "ne": "≠", "neq": "≠", "in": "∈",
                  "notin": "∉", "lt": "<", "gt": ">", "{": "{", "}": "}", ",": " ", ";": " ", "!": " ", "quad": " ",
                  "(": " ", ")": " ", "[": " ", "]": " ", "mid": "|",
                  "dots": "…", "ldots": "…", "cdots": "…"}  # ("a \\in \\{1,\\dots,9\\}")
_LATEX = re.compile(r"\$|\\(?:[A-Za-z]+|[{}(),;!\[\]])")


# Full-width digits and Latin letters ("１６", "Ａ"), one character each way; the full-width punctuation ("，", "：",
# "（") is the Chinese the readers know, kept
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_HALF_WIDTH = {c: c - 0xFEE0 for a, b in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
               for c in range(a, b + 1)}


# A command that sets words in math ("\\text{July } 16", "m = \\mathrm{Jul}", "\\textbf{April}"): its words, read
_TEXT_COMMAND = re.compile(r"\\(?:text|mathrm|textbf|mathbf|textit|mathit|textrm|mathsf|texttt|operatorname|"
                           r"mathcal|mathbb|mathscr|mathfrak|boldsymbol)\s*"
                           r"\{([^{}\n]{0,60})\}")


def _text_content(m: re.Match) -> str:
    """The words of a text command, padded to its length (offsets still point into the original)."""
    return " " * (len(m.group(0)) - len(m.group(1))) + m.group(1)  # ("\\mathcal{D}_1": "D_1", a set named)


_PADDED_OPERATOR = re.compile(r"(?<=\w)( +)([·×+\-=≤≥<>≠])( +)([\w^{}]+)")


def _tight(m: re.Match) -> str:
    """"x  ·    y" as "x · y" followed by the padding (same length): a term the lexicon knows by its surface."""
    pad = len(m.group(1)) + len(m.group(3)) - 2
    return " " + m.group(2) + " " + m.group(4) + " " * pad


def _symbol(m: re.Match) -> str:
    word = m.group(0)
    symbol = _LATEX_SYMBOLS.get(word[1:], "" if word == "$" else None)
    if symbol is None:
        return word  # a command the readers do not need ("\\boxed", "\\text"): kept
    return " " + symbol + " " * (len(word) - len(symbol) - 1) if symbol.strip() else " " * len(word)


def segment(text: str, max_chars: int = MAX_CHARS) -> Segmented:
    """Paragraphs; if there are none but many lines, lines; if one long line, groups of sentences."""
    truncated = len(text) > max_chars
    if truncated:
        text = text[:max_chars]
    think_end = _think_end(text)
    spans = _split(_PARAGRAPH, text)
    method = "paragraphs"
    if len(spans) <= 1 and text.count("\n") >= FALLBACK_LINES:
        spans, method = _split(re.compile(r"\n\s*"), text), "lines"
    if len(spans) <= 1 and len(text) > 400:
        spans, method = _sentence_groups(text), "sentences"
    steps = []
    for a, b in spans:
        chunk = _THINK.sub(" ", text[a:b]).strip()
        if chunk:
            steps.append(Step(len(steps), chunk, a, b, think_end is not None and a < think_end))
    return Segmented(tuple(steps), text, truncated, method)


# A step that announces a list of what is left ("这样剩下的日期是：", "which leaves 9 cards:"), and the items of a list
# spread over the steps after it: short single lines that end no sentence ("6月17日", "7月14日、7月16日")
_ANNOUNCES_LIST = re.compile(r"[:：][\s*]*$")
_LEFT_WORDS = re.compile(r"(?i:remain|\bleft\b|\bleaves?\b|leaving|surviv|\bpossible\b|candidates|options)|剩|可能|候选")
_ANSWER_LABEL = re.compile(r"(?i:answer|conclusion|solution|birthday\s+is|card\s+is)|答案|结论|生日是|牌是")
_LIST_ITEM = re.compile(r"[^\n.。!?！？:：\"“”「」]{1,60}")  # (a row with a label, "14日：7月、8月", reads alone)
_ITEMS_AT_MOST = 12


def lists_read_together(texts: list[str]) -> list[str]:
    """The steps' texts for reading, with each list spread over several steps read with the step announcing it (each
    item alone would read as the whole list): the items move up, their own steps go blank (same length). The steps
    themselves stay paragraphs, so step numbers still match ProcessBench's labels. Not after an answer's label
    ("Final answer:", "谢丽尔的生日是："), which the answer readers find in the step after it.""" 
    out = list(texts)
    at, items = -1, 0  # the step announcing a list, and how many items it has taken
    for i, text in enumerate(texts):
        chunk = text.strip()
        if at >= 0 and items < _ITEMS_AT_MOST and _LIST_ITEM.fullmatch(chunk) is not None and \
                not chunk.startswith(("#", ">", "|")):
            out[at] += "\n" + chunk
            out[i] = " " * len(text)
            items += 1
            continue
        at, items = -1, 0
        if _ANNOUNCES_LIST.search(chunk) is not None and _LEFT_WORDS.search(chunk[-60:]) is not None and \
                _ANSWER_LABEL.search(chunk[-40:]) is None:
            at = i
    return out


def _think_end(text: str) -> int | None:
    m = re.search(r"</think>", text, re.IGNORECASE)
    return m.start() if m else None


def _split(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _sentence_groups(text: str, size: int = 3) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _SENTENCE_END.finditer(text) if 0 < m.start() < len(text)] + [len(text)]
    cuts = sorted(set(cuts))
    return [(cuts[i], cuts[min(i + size, len(cuts) - 1)]) for i in range(0, len(cuts) - 1, size)]
