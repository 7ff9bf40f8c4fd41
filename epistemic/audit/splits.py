"""Claims that a number splits one way only: "54 = 2 × 27 is the only factorization", "124 can only be 4 × 31",
"30只能分解为5×6".

In a puzzle about a pair of numbers whose product (or sum) an agent is told, such a sentence says that exactly
one pair of the puzzle's domain has that product: a fact about the numbers, not about a stage, so it is judged on
the worlds before any announcement (strategies.UniqueSplit). A sentence that restricts the pairs ("the only split
left", "whose sum is in the list", "剩下的") speaks of a stage instead and is not read here.
"""
from __future__ import annotations

import re

from .keys import implies_key, junction_key, value_key
from .lexicon import Lexicon
from .records import SPLIT, ClaimRecord, record

_PAIR = r"(\d{1,5})\s*([×x·*+])\s*(\d{1,5})(?!\d|\.\d|\s*[=×·*+]\s*\d)"
_START = r"(?<![\d.,+×·*=−-])(?<!\d\s)(\d{1,6})"
# "54 = 2 × 27 is its only factorization", "28 = 4 · 7 only", "124 = 4 × 31 can only be factored that way"
_EQUALS = re.compile(_START + r"\s*=\s*" + _PAIR)
_ONLY_AFTER = re.compile(
    r"[\s)*]*(?:[,，—–-]\s*)?(?:(?:is|was|as)\s+(?:its|the)\s+only\b|(?:can|could)\s+only\s+be\s+(?:factored|split|written|"
    r"decomposed)\b|only\b(?=\s*(?:[,，.;:；：)—–→-]|$|\b(?:which|so|and|one|way)\b))|(?:is\s+)?(?:its|the)\s+unique\b|uniquely\b|(?:is\s+|是)?唯一|只有这一种|只能这样)", re.IGNORECASE)
# "124 can only be 4 × 31", "124 can only be written as 4 × 31", "30只能分解为5×6"
_CAN_ONLY = re.compile(_START + r"\s+(?:(?:can|could)\s+only\s+be\s+(?:(?:written|factored|split|decomposed|expressed)"
                       r"\s+(?:as|into)\s+)?|only\s+(?:works|splits|factors|factori[sz]es|decomposes)\s+(?:as|into)\s+)"
                       + _PAIR + r"|" + _START + r"\s*(?:只能|只可以|仅能)(?:分解|拆分|拆|写)?(?:成|为)\s*"
                       + _PAIR, re.IGNORECASE)
# The number left out, named just before: "6×47 = 282，在范围内只能分解为 6×47", "= 282, which can only be written as 6 × 47"
_ELIDED = re.compile(r"(?:[,，]\s*)(?:(?i:which|that|and\s+it|it)\s+(?:(?:can|could)\s+only\s+be\s+"
                     r"(?:written|factored|split|decomposed|expressed)\s+(?:as|into)\s+)|"
                     r"(?:在范围内|范围内|这)?\s*(?:只能|只可以|仅能)(?:分解|拆分|拆|写)?(?:成|为)\s*)" + _PAIR, re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\d.])\d{1,6}(?![\d.])")
# Words that restrict the pairs to those of a stage, or deny or suppose the claim.
_QUALIFIED = re.compile(r"(?i:\b(?:left|remaining|remain|remains|survives?|surviving|list|listed|candidates?|whose|among|now|"
                        r"still|not|isn't|no longer|if|were|would be|suppose)\b|with\s+(?:a\s+|its\s+)?sum)|剩|候选|列表|表里|"
                        r"其中|之中|不是|如果|假如|现在")
_EXAMPLE = re.compile(r"(?i:\bfor\s+(?:example|instance)\b|\be\.g\.|,\s*say\b)|例如|比如|譬如")
# Where the claim's clause starts: "For the odd sums left, … and 124 can only be written as 4 × 31" is not qualified
_CLAUSE_START = re.compile(r"[.;!?。；！？\n]|\b(?:and|because|since|so|while)\b|因为|所以|而且")
_CLAUSE_END = re.compile(r"[.;!?。；！？\n]|\s[—–-]\s|[,，]\s*(?:so|which|and|since|because|所以|因此)")


def split_records(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """The unique-split claims of a sentence, in a puzzle whose question is a pair of numbers."""
    pair = lex.number_pair
    if pair is None:
        return []
    out = []
    for m in _EQUALS.finditer(sentence):
        if _ONLY_AFTER.match(sentence, m.end()) is not None:
            out += _record(lex, pair, sentence, m, m.groups())
    for m in _CAN_ONLY.finditer(sentence):
        groups = m.groups()[:4] if m.group(1) is not None else m.groups()[4:]
        out += _record(lex, pair, sentence, m, groups)
    for m in _ELIDED.finditer(sentence):
        a, op, b = m.groups()
        value = int(a) * int(b) if op != "+" else int(a) + int(b)
        named = [n for n in _NUMBER.finditer(sentence, 0, m.start()) if int(n.group(0)) == value]
        if named and named[-1].end() >= m.start() - 12:  # the number the clause before ends on
            out += _record(lex, pair, sentence, m, (named[-1].group(0), a, op, b))
    return out


def _record(lex: Lexicon, pair: tuple[str, str], sentence: str, m: re.Match, groups) -> list[ClaimRecord]:
    n, a, op, b = int(groups[0]), int(groups[1]), groups[2], int(groups[3])
    product = op != "+"
    if (a * b if product else a + b) != n:
        return []  # a slip, which the arithmetic reading judges
    end = _CLAUSE_END.search(sentence, m.end())
    start = max((x.end() for x in _CLAUSE_START.finditer(sentence, 0, m.start())), default=0)
    if _QUALIFIED.search(sentence, start, end.start() if end else len(sentence)) is not None or \
            _EXAMPLE.search(sentence, 0, m.start()) is not None:
        return []  # ("For example if x and y were both prime, say 3 and 7, the product 21 only splits as 3 × 7")
    x, y = pair
    codes_x, codes_y = lex.codes.get(x, frozenset()), lex.codes.get(y, frozenset())
    options = [(p, q) for p, q in ((a, b), (b, a)) if p in codes_x and q in codes_y]
    if not options:
        return []  # a pair outside the domain: no unique-split claim the puzzle can check
    term = ("Arith", "*" if product else "+", ("Var", x), ("Var", y))
    split = junction_key("Or", [junction_key("And", [value_key(x, p), value_key(y, q)]) for p, q in dict.fromkeys(options)])
    key = implies_key(("Compare", "=", term, ("Const", n)), split)
    return [record("split", key, (split,), m.group(0), m.start(), m.end(), False, reading=SPLIT)]


# "208只有一种分法", "so 208 has only one factorization": the split the step wrote for that number before
_ONE_WAY = re.compile(_START + r"\s*(?:只有一种(?:分法|分解|拆法|拆分|因式分解)|(?i:has\s+only\s+one\s+"
                      r"(?:factori[sz]ation|split|way\s+to\s+(?:split|factor)\s+it)|factors\s+uniquely|has\s+a\s+"
                      r"unique\s+factori[sz]ation)\b)")


def one_way_records(lex: Lexicon, text: str) -> list[ClaimRecord]:
    """"208 = 13 × 16 … so 208 has only one factorization": the unique-split claim of the last split of that number
    the step wrote before the phrase (none without one)."""
    pair = lex.number_pair
    out = []
    for m in _ONE_WAY.finditer(text) if pair is not None else ():
        n = int(m.group(1))
        written = [e for e in _EQUALS.finditer(text, 0, m.start()) if int(e.group(1)) == n and e.group(3) != "+"]
        if written:
            e = written[-1]
            out += _record(lex, pair, text, m, (n, int(e.group(2)), e.group(3), int(e.group(4))))
    return out


# Another split named in words: "6 also splits as (2, 4)", "28 can also be written as 2 × 14", "24也可以拆成 3+21"
_SPLITS_AS = re.compile(r"(?<![\d.])(\d{1,6})\s+(?:(?:also|too)\s+)?(?:(?:splits|factors|decomposes|breaks)\s+"
                        r"(?:up\s+)?(?:as|into)|(?:can|could)\s+(?:also\s+)?be\s+(?:written|split|factored)\s+"
                        r"(?:as|into))"
                        r"\s+\(?\s*(\d{1,5})\s*[,+×x·*]\s*(\d{1,5})\b|"
                        r"(?<![\d.])(\d{1,6})\s*也(?:可以|能)(?:拆|分解|写)(?:成|为)\s*(\d{1,5})\s*[+×·*]\s*(\d{1,5})",
                        re.IGNORECASE)


def without_relative(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """The records less the unique-split claims of a number that `text` also splits another way ("6 = 3 + 3 only...
    but 6 = 2 + 4": only among the splits the step speaks of, two primes)."""
    written = {(int(m.group(1)), m.group(3) == "+", frozenset((m.group(2), m.group(4))))
               for m in _EQUALS.finditer(text)}
    for m in _SPLITS_AS.finditer(text):  # "But 6 also splits as (2, 4)": a sum or a product, as the numbers say
        n, a, b = (g for g in m.groups() if g is not None)
        written |= {(int(n), plus, frozenset((a, b))) for plus in (True, False)
                    if (int(a) + int(b) if plus else int(a) * int(b)) == int(n)}
    def relative(r: ClaimRecord) -> bool:
        _, (_, _, (_, op, _, _), (_, n)), _ = r.key.formula  # (x op y = n) implies the split
        return sum(1 for w in written if w[0] == n and w[1] == (op == "+")) > 1

    return [r for r in records if r.reading != SPLIT or not relative(r)]
