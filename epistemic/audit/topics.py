"""Bare numbers said to go under a sum named before them in the step: "Sums with a prime split are out: 11? …
So 53 dies too." The number is a value of the sum (the step's topic), and the claim is its exclusion.

Only in puzzles about a pair of numbers, only when the last observed term named before the number in its step (or,
when the step names none, in the steps before it) is a sum, and only for verbs that remove ("dies", "is out", "goes", "is ruled out"); a number inside an expression
("2 + 51 dies") is not read. What survives ("51 stays") is left alone: the claim kinds say what is possible of a
variable, not of a term.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..language import syntax as s
from .keys import formula_key, implies_key, knower
from .scope import reading_at, scopes
from .lexicon import NOT_KEPT_AFTER, Lexicon
from .records import ARITHMETIC, CASE, EXCLUSION, HYPOTHETICAL, KNOWLEDGE, POSSIBLE, PRONOUN, SUM_TEST, ClaimKey, ClaimRecord, record

_OUT = re.compile(r"(?<![\w.·×*+−=^<>≤≥-])(?<![·×*+−=^<>≤≥-] )(?<!minus )(?<!plus )(?<!times )(?<!above )(?<!over )"
                  r"(?<!than )(?<!below )(?<!under )(?<!least )(?<!most )(\d{1,4})\s+(?:also\s+|then\s+)?"
                  r"(?:dies|is\s+out|goes|is\s+(?:also\s+)?(?:eliminated|removed|ruled\s+out|excluded|gone)|"
                  r"drops\s+out|fails)\b", re.IGNORECASE)
# After the reason's arrow, "out" alone: "So P would know → 53 out." (not "11 out." alone, often the last statement's
# verdict on a sum checked early)
_ARROW_OUT = re.compile(r"(?:→|⇒|->|=>)\s*(?:(?i:sum)\s+)?(\d{1,4})\s+out(?=\s*(?:[.;,!)\n]|$))")


# The verb first: "I'd also drop 29: it splits as 13 + 16", "I also removed 29, because …", "we can rule out 35"
_OUT_BEFORE = re.compile(r"\b(?:drop|drops|dropped|remove|removes|removed|eliminate|eliminates|eliminated|"
                         r"rule\s+out|rules\s+out|ruled\s+out|cross\s+off|crossed\s+off|strike|strikes|struck|discard|"
                         r"discards|discarded)\s+(?:also\s+)?(?:the\s+)?(?:sum\s+)?(\d{1,4})"
                         r"(?!\d|[.,]\d|\s*[×·*+−=-]|\s*(?:and|or|,)\s*\d)(?!\s*(?:more\s+|other\s+|further\s+)?"
                         r"(?:worlds?|cards?|pairs?|cases?|possibilit|options?|dates?|candidates?|of\b))",
                         re.IGNORECASE)  # (not "rules out 59 worlds": a count)
_ROW_LABEL = re.compile(r"[\s*•-]*(?:\*\*)?(\d{1,4})(?:(?:\*\*)?\s*[:：]|\.\*\*)")  # ("- **51:**", "- **51.**")


_TERM_HINTS = ("sum", "Sum", "SUM", "product", "Product", "PRODUCT", "和", "积", "+", "*", "·", "×")


def last_term(lex: Lexicon, text: str, before: tuple | None = None) -> tuple | None:
    """The key of the observed term ("the sum", "products") a text names last, or `before` if it names none; a list
    of numbers after it that only one term can take ("满足这些的奇数：11（9）、17（15）、…") names that term."""
    named = [(t.end, t.payload[1]) for t in lex.scan(text) if t.kind == "attr" and isinstance(t.payload, tuple)
             and t.payload[0] == "@term"] if any(w in text for w in _TERM_HINTS) else []  # (most steps name none)
    found = named[-1][1] if named else before
    if lex.number_pair is not None and ("、" in text or "," in text or "，" in text):
        at = named[-1][0] if named else 0
        lists = [m.group(0) for m in _NUMBER_LIST.finditer(re.sub(r"[(（][^()（）\n]{0,20}[)）]", "", text[at:]))]
        fits = _terms_taking(lex, tuple(int(n) for n in re.findall(r"\d{1,4}", lists[-1]))) if lists else []
        if len(fits) == 1:
            return fits[0]
    return found


# "51 stays", "so 51 survives", "51 stays on S's list", "所以51保留下来", "51 也留在候选里": the value is kept
_KEPT = re.compile(r"(?<![A-Za-z0-9_.·×*+−=^<>≤≥-])(?<![·×*+−=^<>≤≥-] )(\d{1,4})\s*(?:also\s+|too\s+|therefore\s+)?"
                   r"(?:(?i:stays|survives|remains|is\s+kept|stays\s+in|is\s+still\s+(?:in|possible|a\s+candidate))\b"
                   r"(?!\s+(?i:" + NOT_KEPT_AFTER + r"))|"
                   r"(?:也|就|都)?(?:保留下来|保留|留下来|留下|留在候选|还在候选|仍在候选|可以保留))")


_HOLDER = re.compile(r"(?i:\b(?:with|holding|having|has|had|sees|saw)\s+(?:a\s+|the\s+|sum\s+|product\s+)?$)|(?:拿到|拿着|看到|手里是)\s*$")


_NUMBER_LIST = re.compile(r"\d{1,4}(?:\s*[,、，]\s*(?:and\s+|和)?\d{1,4}){2,}")


def _listed_term(lex: Lexicon, text: str, m: re.Match, topic: tuple | None) -> tuple | None:
    """The term a bare number kept or removed at `m` is a value of: the term of the latest list before it that has
    the number ("the odd sums … are 11, 17, …, 51, 53. … so 51 stays"), else the sum when the text splits the number
    into two addends before it, else of its row's label ("- **51**: …"), else the term named last before it (or
    `topic`, the term the steps before named last)."""
    lists = [x for x in _NUMBER_LIST.finditer(text, 0, m.start()) if m.group(1) in re.findall(r"\d{1,4}", x.group(0))]
    if lists:
        fits = _terms_taking(lex, tuple(int(n) for n in re.findall(r"\d{1,4}", lists[-1].group(0))))
        if len(fits) == 1:  # "11、17、23、…、51、53": primes are no products of two numbers ≥ 2, so these are sums
            return fits[0]
        return last_term(lex, text[:lists[-1].start()], topic)
    if re.search(r"(?<![\d.])" + m.group(1) + r"\s*=\s*\d{1,4}\s*\+\s*\d{1,4}(?![\d.])", text[:m.start()]) and \
            _terms_taking(lex, (int(m.group(1)),), "+"):
        return _sum(lex)  # "51 = 17 + 34，积是578……所以51保留": the sum split
    if _minus_two(text, m) and _terms_taking(lex, (int(m.group(1)),), "+"):
        return _sum(lex)  # "For 51: 51 − 2 = 49, composite, … so 51
        # stays", "51：49 = 7 × 7，不是质数，保留": the test of a sum s (is s − 2 prime?), whatever term was named last
    return _row_term(lex, text, m, topic)


def _minus_two(text: str, m: re.Match) -> bool:
    """Whether the line of the number at `m` (group 1) opens on it and tests it less 2 ("For 51: 51 − 2 = 49", "51：
    49 = 7 × 7，不是质数", "- 51 (49) ✓"): a sum's test in the puzzles of two numbers, where s − 2 prime gives P a
    unique split (2, s − 2)."""
    n = int(m.group(1))
    line = text.rfind("\n", 0, m.start()) + 1
    head = _MINUS_TWO_HEAD.match(text, line)
    if head is None or head.group(1) != m.group(1):
        return False
    rest = text[head.end():m.end()]
    return re.search(r"(?<![\d.])" + m.group(1) + r"\s*[−-]\s*2\s*=\s*" + str(n - 2) + r"(?!\d)", rest) is not None or \
        re.match(r"\s*[(（]?\s*" + str(n - 2) + r"(?!\d)", rest) is not None


_MINUS_TWO_HEAD = re.compile(r"[ \t]*(?:[-*•][ \t]+)?(?:(?i:for|sum|s\s*=)\s*)?(?:\*\*)?(\d{1,4})(?:\*\*)?\s*[:：]?")


def _terms_taking(lex: Lexicon, numbers: tuple[int, ...], ops: str = "+*") -> list[tuple]:
    """The sum and the product (of those in `ops`) of the puzzle's two numbers that can take every one of `numbers`
    over their domains (either, both or neither)."""
    a, b = lex.number_pair
    out = []
    for op in ops:
        values = lex.atoms.get(("@values", op))
        if values is None:
            values = lex.atoms[("@values", op)] = frozenset(
                x + y if op == "+" else x * y for x in lex.codes[a] for y in lex.codes[b])
        if all(n in values for n in numbers):
            out.append(("Arith", op, ("Var", a), ("Var", b)))
    return out


def _sum(lex: Lexicon) -> tuple:
    """The key of the sum of the puzzle's two numbers."""
    return ("Arith", "+", *(("Var", v) for v in lex.number_pair))


def _row_term(lex: Lexicon, text: str, m: re.Match, topic: tuple | None) -> tuple | None:
    """The term a bare number at `m` (group 1) is a value of: the sum when its row is labelled by that number and
    opens on two addends of it ("- **29:** 13 + 16 gives 208"), the term named before its row when the row is labelled
    by that number ("- **29**: … so 29 is out"), else the term named last before it (or `topic`)."""
    line = text.rfind("\n", 0, m.start()) + 1
    label = _ROW_LABEL.match(text, line)
    own = label is not None and label.group(1) == m.group(1)
    split = _ADDENDS.match(text, label.end()) if own else None
    if split and int(split.group(1)) + int(split.group(2)) == int(m.group(1)) and \
            _terms_taking(lex, (int(m.group(1)),), "+"):
        return _sum(lex)  # "- **29:** 13 + 16 gives 208 … 29 is out"
    if not own and (named := _valued_term(lex, text, m)) is not None:
        return named  # "consider $s = 53$: … p = 592 … Hence 53 is eliminated": the term the number was given to
    first = re.search(r"(?<![\d.])" + m.group(1) + r"(?![\d.])", text)  # (the number's first mention in the step:
    # "one of these sums … 51 passes both tests … a unique product, so 51 stays" is about a sum)
    return last_term(lex, text[:line] if own else text[:first.start() if first else m.start()], topic)


def _valued_term(lex: Lexicon, text: str, m: re.Match) -> tuple | None:
    """The term the step set equal to the number at `m` (group 1) last before it ("s = 53", "the sum = 53"), whatever
    terms it named after that, or None."""
    found = list(re.finditer(r"(?<![\w.])((?i:sum|product)|[A-Za-z]\w{0,3}|和|积)\s*=\s*" + m.group(1) + r"(?![\d.])",
                             text[:m.start()]))
    if not found:
        return None
    toks = lex.scan(found[-1].group(1))
    t = toks[0] if len(toks) == 1 else None
    return t.payload[1] if t is not None and t.kind == "attr" and isinstance(t.payload, tuple) and \
        t.payload[0] == "@term" else None


_ADDENDS = re.compile(r"\s*(?:\*\*)?\s*(\d{1,4})\s*\+\s*(\d{1,4})(?![\d.])")

# "…, composite, so 51 passes ✓": a verdict drawn (not "only 52 passes", a product; nor "51 passes both": the tests)
_PASSES = re.compile(r"(?i:\bso\s+)(\d{1,4})\s+(?i:passes)\b"
                     r"(?!\s+(?i:the|this|that|both|all|each|every|one|an?|its|his|either)\b)")

# A row (or a sentence) labelled by a number and closed by keeping it: "51：51−2=49不是素数，…，所以也保留。", "- 51 → 49 =
# 7 × 7, composite, keep"
_KEPT_ROW = re.compile(r"(?m)(?:^|(?<=[。！？])|(?<=[.!?] ))[ \t]*(?:[-*•][ \t]+)?(?:\*\*)?(\d{1,4})(?:\*\*)?[ \t]*"
                       r"(?:[:：]|→|->)[^\n]*?(?:[,，;；]|→|->)\s*"
                       r"(?:so\s+|所以|因此)?(?:also\s+)?(?:也|就|都)?(?:(?i:keep|kept|stays|survives|remains|ok)|保留下来|保留|留下)"
                       r"\s*[.。!！]?[ \t]*$")


def topic_survivals(lex: Lexicon, text: str, topic: tuple | None = None) -> list[ClaimRecord]:
    """Bare numbers said to stay under the sum the step (or the steps before it) named last: that the sum is still
    possible (kind "possible", strategies.Survives), as "- **51**: … so 51 stays" says of the sums."""
    if lex.number_pair is None:
        return []
    out = []
    for m in [*_KEPT.finditer(text), *_PASSES.finditer(text), *_KEPT_ROW.finditer(text)]:
        if _HOLDER.search(text, max(0, m.start() - 12), m.start()):
            continue  # "S with 11 stays undecided": the agent holding the number, not the number kept
        end = _SENTENCE_END.search(text, m.end())
        if end is not None and end.group(0) in "?？":
            continue  # "hmm, so 51 passes (a)–(c)? But the list I remember doesn't have 51": asked, not kept
        on = _ON_LIST.match(text, m.end())
        term = agent_term(lex, on.group(1)) if on else _listed_term(lex, text, m, topic)
        if term is None or term[:2] != ("Arith", "+") or not _terms_taking(lex, (int(m.group(1)),), "+"):
            continue  # (a number no sum can be, "1602", is no sum's value)
        a = max((b.end() for b in re.finditer(r"[.!?。！？\n]", text[:m.start()])), default=0)
        key = ("PossibleTerm", term, int(m.group(1)))
        if any(r.key.formula == key and m.start() <= r.start < m.end() for r in out):
            continue  # ("- 51: … so 51 stays": the row and its verb say it once)
        out.append(record("possible", key, (), text[a:m.end()].strip(), m.start(), m.end(), False,
                          reading=SUM_TEST if _minus_two(text, m) else POSSIBLE))
    return out


_SENTENCE_END = re.compile(r"[.!?。！？\n]")


def topic_exclusions(lex: Lexicon, text: str, topic: tuple | None = None) -> list[ClaimRecord]:
    """The exclusions of bare numbers under the sum the step last named before them (or, naming none, the
    term the steps before it named last: `topic`, for "- **51**: … so 51 is out." after "the odd sums are …")."""
    if lex.number_pair is None or not any(w in text for w in ("die", "out", "goes", "elimin", "remov", "exclud",
                                                                "gone", "fails", "drop", "cross", "stri", "discard")):
        return []
    out = []
    for m in [*_OUT.finditer(text), *_OUT_BEFORE.finditer(text), *_ARROW_OUT.finditer(text)]:
        term = _listed_term(lex, text, m, topic)  # "- **29**: … so 29 is out": the row's own value, under the list's
        # term; "51 = 17 + 34, product 578 … → 51 out": the sum split
        if term is None or term[:2] != ("Arith", "+") or not _terms_taking(lex, (int(m.group(1)),), "+"):
            continue
        a = max((s.end() for s in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
        end = _SENTENCE_END.search(text, m.end())
        sentence = text[a:end.end() if end else len(text)]
        key = ("Compare", "!=", term, ("Const", int(m.group(1))))
        scoped = reading_at(scopes(sentence), m.start() - a, m.end() - a)  # "My first guess was that sum 23 fails"
        out.append(record("exclusion", key, (), text[a:m.end()].strip(), m.start(), m.end(), False,
                          reading=scoped or EXCLUSION))
    return out


# A step that opens on one value of an observed term as its case: "s = 17:", "**Sum 17**:", "和为17：", "积 = 52 →".
_CASE_HEADER = re.compile(r"\W*(?:(?:let\s+me\s+|let's\s+|now\s+)?(?:look\s+at|check|try|take|test)\s+|我来看看?|来看看?|看看|检查一下|检查)?"
                          r"(?:(?:the\s+)?(sum|product)|(和|积)|([a-z]))\s*(?:=|is|为|是)?\s*(\d{1,5})\s*(?:\*\*)?\s*"
                          r"(?:(?:splits?|pairs?|cases?|options?|factori[sz]ations?|的拆法|的分解)\s*(?:\*\*)?\s*)?"
                          r"(?:[:：—–→]|\(|（|\n)", re.IGNORECASE)  # ("Sum 17 splits:")
_WORDS = {"sum": "+", "和": "+", "product": "*", "积": "*"}


def _term_named(lex: Lexicon, word: str | None, zh: str | None, letter: str | None) -> tuple | None:
    """The term a header names: "sum"/"product", 和/积, or a letter for the term its agent observes ("s": S's sum)."""
    x, y = (("Var", v) for v in lex.number_pair)
    if letter:
        return agent_term(lex, letter)
    return ("Arith", _WORDS[(word or zh).lower()], x, y)


def agent_term(lex: Lexicon, name: str) -> tuple | None:
    """The one term the agent of that name observes ("S": `x + y`), or None."""
    terms = [formula_key(u) for a in lex.puzzle.agents if a.name.lower() == name.lower()
             for u in a.observes if isinstance(u, s.Arith)]
    return terms[0] if len(terms) == 1 else None


# "51 stays on S's list": the list of what that agent observes
_ON_LIST = re.compile(r"\s+(?:on|in)\s+(?:Mr\.?\s+)?(\w{1,12})(?:'s|’s)\s+(?:list|candidates|options)", re.IGNORECASE)


# A checklist line crossing a bound on a term: "· s ≥ 53 ✗：总能拆出 53 + (s−53)", "- sum > 54 ✗ (53 + k)"
_CROSSED_BOUND = re.compile(r"(?m)^[ \t]*[-*•·]?[ \t]*(?:(?:the\s+)?(sum|product)s?|(和|积)|([a-z]))\s*(≥|>=|>|≤|<=|<)\s*(\d{1,5})"
                            r"\s*(?:\*\*)?\s*[✗✘❌]", re.IGNORECASE)
_COMPLEMENT = {"≥": "<", ">=": "<", ">": "<=", "≤": ">", "<=": ">", "<": ">="}


def crossed_bounds(lex: Lexicon, text: str) -> list[ClaimRecord]:
    """Bounds on a term crossed out in a checklist: "· s ≥ 53 ✗" removes every sum of 53 or more (an exclusion:
    `x + y < 53`)."""
    if lex.number_pair is None:
        return []
    out = []
    for m in _CROSSED_BOUND.finditer(text):
        term = _term_named(lex, m.group(1), m.group(2), m.group(3))
        if term is None:
            continue
        key = ("Compare", _COMPLEMENT[m.group(4)], term, ("Const", int(m.group(5))))
        out.append(record("exclusion", key, (), m.group(0).strip(), m.start(), m.end(), False, reading=EXCLUSION))
    return out


# A list testing each sum by s − 2 ("check s − 2:\n- 7: 5 prime → bad\n- 11: 9 = 3·3 → ok"): a row's second number is
# its first less 2, so a row that writes another ("- 35: 31 prime → bad") is an arithmetic slip
_MINUS_TWO_INTRO = re.compile(r"(?i:\b[sn]\s*[−-]\s*2\b|\bminus\s+2\b|\bless\s+2\b)|[和数]\s*[−-]\s*2|减(?:去|掉)?\s*2")
_TEST_ROW = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]+)?(?:\*\*)?(\d{1,4})(?:\*\*)?[ \t]*[:：→][ \t]*(?:\*\*)?(\d{1,4})"
                       r"(?![\d.,]\d|\s*[+×·*−/^-]\s*\d)")


def minus_two_rows(lex: Lexicon, text: str) -> list[ClaimRecord]:
    """The rows of a list that tests sums by s − 2, each an arithmetic claim `s − 2 = m` ("- 35: 31 prime" says
    35 − 2 = 31): only under a line naming the test, and only when three rows or more (and all but one in four) hold,
    so that the list is that test."""
    if lex.number_pair is None or _MINUS_TWO_INTRO.search(text) is None:
        return []
    rows = [m for m in _TEST_ROW.finditer(text) if m.group(1) != m.group(2)]  # ("- 51: 51 − 2 = 49": written out)
    held = sum(int(m.group(2)) == int(m.group(1)) - 2 for m in rows)
    if held < 3 or 4 * held < 3 * len(rows):
        return []
    return [record("arithmetic", ("Compare", "=", ("Arith", "-", ("Const", int(m.group(1))), ("Const", 2)),
                                  ("Const", int(m.group(2)))), (), m.group(0).strip(), m.start(1), m.end(), False,
                   reading=ARITHMETIC) for m in rows if _MINUS_TWO_INTRO.search(text, 0, m.start()) is not None]


class CaseHeader(NamedTuple):
    """The equation a step (or one of its lines) opens on as its case, and the span it governs: text[end:stop]."""

    case: tuple
    end: int
    stop: int


def case_header(lex: Lexicon, text: str) -> tuple[CaseHeader, ...]:
    """The equation a step opens on as its case ("s = 17:" in a number-pair puzzle: `x + y = 17`), governing the
    rest of the step; or, when two or more lines open on one ("- s = 11: … → S would not know.\n- s = 17: only (4,
    13) survives → S knows."), each line's own. Empty when the step opens on no such header."""
    if lex.number_pair is None:
        return ()
    m = _CASE_HEADER.match(text)
    if m is None:
        return ()
    lines = [h for h in (_header_at(lex, text, at) for at in _LINE_STARTS.finditer(text)) if h is not None]
    if len(lines) >= 2:
        return tuple(lines)
    head = _header_at(lex, text, None)
    return () if head is None else (head._replace(stop=len(text)),)


_LINE_STARTS = re.compile(r"(?m)^(?=[ \t]*[-*•·]?[ \t]*(?:\*\*)?\s*(?:the\s+)?(?:sum|product|和|积|[a-z])\s*(?:=|is|为|是)?\s*\d)",
                          re.IGNORECASE)


def _header_at(lex: Lexicon, text: str, at: re.Match | None) -> CaseHeader | None:
    """The case header opening the line at `at` (the step's start when None), governing that line."""
    start = at.start() if at is not None else 0
    m = _CASE_HEADER.match(text, start)
    if m is None:
        return None
    term = _term_named(lex, m.group(1), m.group(2), m.group(3))  # a letter: the number its agent observes
    if term is None:
        return None
    stop = text.find("\n", m.end())
    return CaseHeader(("Compare", "=", term, ("Const", int(m.group(4)))), m.end(), stop if stop >= 0 else len(text))


def under_case(lex: Lexicon, records: list[ClaimRecord], headers: tuple[CaseHeader, ...]) -> list[ClaimRecord]:
    """Candidate lists after a case header are that case's ("s = 17: … Only (4,13).": `x + y = 17 implies …`), and
    so is the knowledge of the agent who observes the header's term ("我来看和为11：… S没法确定": `x + y = 11
    implies not S knows …`; what P knows there is said of one pair of the case, not of all of it)."""
    if not headers:
        return records
    out = []
    for r in records:
        header = next((h for h in headers if h.end <= r.start < h.stop), None)
        if header is None:
            out.append(r)
            continue
        case, end = header.case, header.end
        if r.start >= end and r.kind == "candidates":
            r = r._replace(kind="conditional", key=ClaimKey(implies_key(case, r.key.formula), (), r.key.past))
        elif r.start >= end and r.kind == "knowledge" and r.reading in (KNOWLEDGE, PRONOUN) and \
                _knower_observes(lex, r.key.formula, case[2]):
            r = record("case knowledge", implies_key(case, r.key.formula), (), r.text, r.start, r.end, r.past,
                       reading=HYPOTHETICAL)
        out.append(r)
    return out


def _knower_observes(lex: Lexicon, formula: tuple, term: tuple) -> bool:
    """Whether the agent whose knowledge `formula` states (or denies) observes exactly `term`."""
    who = knower(formula)
    return who is not None and agent_term(lex, who) == term


# A step that opens on one value as a case to examine: "### Case ♠ (J 8 4 2 7 3)", "Case July.", "Suppose the month
# is May:", "情况一：7月"
_VALUE_CASE = re.compile(r"\W*(?:(?:case|suppose|assume|consider|under|情况[一二三四五六七八九十\d]*)\b\W*|假设|如果是|若是)",
                         re.IGNORECASE)


def value_case(lex: Lexicon, text: str) -> int | None:
    """Where the case header ends when a step opens on one value as a case ("### Case ♠ …", "Case July."), else
    None: the lists and counts after it are that case's, not the stage's."""
    m = _VALUE_CASE.match(text)
    if m is None or m.end() == 0:
        return None
    head = text[m.end():m.end() + 40]
    toks = lex.scan(head)
    first = toks[0] if toks else None
    if first is None or first.kind not in ("value", "ambig") or first.start > 12:
        return None
    return m.end() + first.end


_TRY = re.compile(r"[\s#*>\-]*(?:(?i:take|consider|check|try|what\s+about|now)\s+)?")
_LABEL_COLON = re.compile(r"(?:日|号|st|nd|rd|th)?\s*(?:\*\*)?\s*[:：]")


def value_label_case(lex: Lexicon, records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """A step that opens on a value and a colon ("4月19日：19日有…伯纳德还是不知道。排除。", "Take 19: 19 March and 19 July.
    Bo still stuck."): its lists and counts are that value's case, and so is what the agent who sees the value knows
    ("hearts: A, Q and 4. … Mr. P does not know the card yet." is P's knowledge of the stage: P sees the rank)."""
    m = _TRY.match(text)
    toks = lex.scan(text[m.end():m.end() + 40])
    if not toks or toks[0].start != 0 or toks[0].kind not in ("value", "number", "tuple"):
        return records  # (not "ambig": '**Q: "I knew you didn't know."**' is the speaker Q, not the queens)
    n = 0
    while n + 1 < len(toks) and toks[n + 1].kind in ("value", "number", "tuple") and \
            toks[n + 1].start - toks[n].end <= 1:
        n += 1  # ("4月19日": the month and the day)
    colon = _LABEL_COLON.match(text, m.end() + toks[n].end)
    if colon is None:
        return records
    named = {t.payload[0] for t in toks[:n + 1] if t.kind == "value"} | \
        {v for t in toks[:n + 1] if t.kind == "tuple" for v in t.payload}
    if any(t.kind == "number" for t in toks[:n + 1]):
        named |= set(lex.numeric)
    seeing = {a.name for a in lex.puzzle.agents if any(isinstance(o, s.Var) and o.name in named for o in a.observes)}
    end = colon.end()
    return [r.read_as(CASE) if r.certain and r.start >= end and (
        r.kind in ("candidates", "count") or r.kind == "knowledge" and knower(r.key.formula) in seeing) else r
        for r in records]


# A line that opens on a bracketed pattern and a colon: "1. (2t, t, t): b = c. Alice sees t and t → …"
_PATTERN_LINE = re.compile(r"(?m)^[ \t>*\-]*(?:\d{1,2}[.)、]\s*)?(?:\*\*)?[(（][^()（）\n]{1,30}[)）](?:\*\*)?\s*[:：][^\n]*")


def pattern_lines(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """What a line says under a case pattern it opens on ("(t, 2t, t): a = c. Bob sees t and t …"): that case's
    condition and consequences, not claims about the stage."""
    spans = [m.span() for m in _PATTERN_LINE.finditer(text)]
    if not spans:
        return records
    return [r.read_as(CASE) if r.certain and r.kind in ("term bound", "candidates", "count", "knowledge", "bound") and
            any(a <= r.start < b for a, b in spans) else r for r in records]


# A case opened inside a step, after a sentence: "… does Bill also know now? If b = 2: the only pair …"
_CASE_COLON = re.compile(r"(?<=[.?!]\s)(?:if|suppose|assume)\s+([^:\n.?!]{1,24}):\s", re.IGNORECASE)


def value_case_inside(lex: Lexicon, text: str) -> int | None:
    """Where the first case header inside a step ends ("… now? If b = 2: …"), when it names a value, else None."""
    for m in _CASE_COLON.finditer(text):
        if any(t.kind in ("value", "ambig", "number") for t in lex.scan(m.group(1))):
            return m.end()
    return None


def under_value_case(records: list[ClaimRecord], end: int | None) -> list[ClaimRecord]:
    """Candidate lists and counts after a value's case header, read as that case's (uncertain)."""
    if end is None:
        return records
    return [r.read_as(CASE) if r.kind in ("candidates", "count") and r.certain and r.start >= end else r
            for r in records]


# An opening question about one agent's case: "could Bo with 17 still be confused?", "what if P holds a 4?"
_OPENING_CASE = re.compile(r"[^.?!。？！\n]{0,120}?\b(?i:with|holding|having|holds|has)\s+(?:a\s+|an\s+|the\s+)?"
                           r"[^.?!。？！\n]{0,30}[?？]")


def opening_case(lex: Lexicon, text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """A step that opens by asking about one agent's value ("Wait — could Bo with 17 still be confused? Originally
    April 17 and July 17. … So only July 17 remains."): a list whose every world has that value is its case."""
    m = _OPENING_CASE.match(text)
    if m is None:
        return records
    toks = lex.scan(text[:m.end()])
    if not any(t.kind == "agent" for t in toks):
        return records
    named = {t.payload for t in toks if t.kind == "number"} | {t.payload[1] for t in toks if t.kind == "value"}
    if not named:
        return records
    return [r.read_as(CASE) if r.kind == "candidates" and r.certain and r.start >= m.end() and r.key.witnesses and
            all(_has_value(w, named) for w in r.key.witnesses) else r for r in records]


def _has_value(witness: tuple, named: set) -> bool:
    """Whether a world key (`x = c` or a conjunction of such) gives some variable one of the `named` values."""
    parts = witness[1] if witness[0] == "And" else (witness,)
    return any(p[0] == "Compare" and p[1] == "=" and p[3][0] == "Const" and p[3][1] in named for p in parts)


# A step headed by a case of a relation: "情况二：a = c。…", "Case 2: b = c. …", "**Case a = b:** …"
_RELATION_CASE = re.compile(r"[\s#*>\-]*(?:(?i:case|sub-?case)\s*(?:\d{1,2}|[a-z]|[ivx]{1,3})?\s*[:：.]?|"
                            r"情况\s*[一二三四五六七八九\d]?\s*[:：]?)\s*(?:\*\*)?\s*"
                            r"[a-z]\s*(?:=|≠|!=|<|>|≤|≥)\s*[a-z]\b[^\n。.:：]{0,20}[。.:：]")  # (two numbers: "Case k = 3"
# supposes a count, read elsewhere)
# The sentence that leaves the case for what the statement shows: "但他说不知道，所以…", "But Bob said he didn't know"
_LEAVES_CASE = re.compile(r"(?:但|可是|然而|(?i:but|however|yet)\b)")
_RELATION_CASE_KINDS = frozenset({"knowledge", "candidates", "count", "term bound", "bound"})


def relation_case(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """A step headed by a case of a relation ("情况二：a = c。鲍勃看到的两个数相等，…所以鲍勃一定知道。但他说不知道，…"):
    what it derives is that case's, up to the sentence that turns to what was actually said."""
    m = _RELATION_CASE.match(text)
    if m is None:
        return records
    turn = next((t.start() for t in _LEAVES_CASE.finditer(text, m.end())
                 if t.start() == 0 or text[t.start() - 1] in "。.!！?？\n "), len(text))
    return [r.read_as(CASE) if r.certain and r.kind in _RELATION_CASE_KINDS and r.start < turn else r
            for r in records]  # (the heading's relation too: "Case b = c:" supposes it)
