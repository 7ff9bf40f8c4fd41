"""How many candidates remain: "9 cards remain", "leaving 5 dates", "还剩3张牌" as claims about a stage.

A remaining count is checked against the number of distinct answers (values of the question's terms)
still possible at a stage, so "5 dates remain" after Albert's statement in Cheryl's puzzle holds and
"all 9 cards remain" after Q's statement in the 16-card puzzle does not. Only counts tied to a word for
candidates are read; a bare number ("two of the ten days") is not.
"""
from __future__ import annotations

import re

from .lexicon import ZH_REMOVING
from .records import COUNTED, ClaimRecord, record

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16}
_ZH_DIGITS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_N = r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d{1,6}|" + "|".join(_NUMBER_WORDS) + r")"  # ("1,747 pairs left": one number)
# "(16 → 9)" after a removal: from one count to the count left, no values; or after a label, before its reason in
# brackets ("line 2: 9 → 5 (♠ and ♣ out)")
COUNT_ARROW = re.compile(r"(?<=[(（])\s*\d{1,4}\s*(?:→|->|⟶)\s*(\d{1,4})(?=\s*[)）])|"
                         r"(?:(?<![\s\S])|[:：]|(?<=\d[ \t]))[ \t]*\d{1,4}\s*(?:→|->|⟶)\s*(\d{1,4})(?=\s*[(（])")
# (the label's colon may be read as a space: "line 2  9 → 5 (…")
_NOUN = (r"(?:possible\s+|candidate\s+|remaining\s+)?(?:cards?|dates?|pairs?|rows?|triples|possibilities|candidates|"
         r"options|birthdays|worlds)")
# "16 left." alone: a count with nothing but the step to date it
BARE_LEFT = re.compile(r"^[^\w(（]*(?:(?i:so|then|now|thus|hence|that's|that\s+leaves)\s+)?" + _N +
                       r"\s+(?:left|remain|remaining)\s*[.。!]?\s*$")
_EN = re.compile(r"(?i:\b(?:all\s+)?" + _N + r"\s+" + _NOUN + r"\s+(?:still\s+)?(?:remain|are\s+left|left|survive|"
                 r"remaining|(?:are\s+)?still\s+(?:there|in\s+play|alive|standing))\b|"
                 r"\b(?:leaving|leaves|left\s+with|leaving\s+us\s+with)\s+(?:only\s+|just\s+)?" + _N +
                 r"\s+" + _NOUN + r"\b|(?<![\d,.])\d{1,4}\s*(?:→|->)\s*" + _N + r"\s+" + _NOUN + r"\b|" +
                 COUNT_ARROW.pattern + r"|" + BARE_LEFT.pattern + ")")
# ("32 → 26 candidates": from one count to the count left; "removed the two aces (5 → 3)": the same in brackets; "16
# left." alone: what is left, counted)
# (not "剩下十个和：11, 17, …": ten sums, a count of one term's values, not of the candidates)
_ZH = re.compile(r"(?:剩下|还剩|只剩|剩余|(?:还是|仍然?|依然)剩|(?<=[，,])\s*剩)了?\s*(\d{1,6}|十?[一两二三四五六七八九十])\s*"
                 r"(张|个(?!和|积|乘积|差|月|花色|点数|孩子|人|(?:都|也)?(?:是)?(?:干净|没有?泥))|种|对)")
# (nor "剩下3个是干净的": the other children, not the candidates)
# "这9张牌都还在", "4种可能仍然保留": a count of candidates still there
_ZH_STILL = re.compile(r"(\d{1,6}|十?[一两二三四五六七八九十])\s*(张|种|对|个(?=日期|可能|组合|数对|候选))(?:牌|日期|可能|组合|数对|"
                       r"候选)?\s*(?:都|全|也)?(?:还|仍然?|依然)(?:在|保留|留着|留下)")
# "只剩一种" counts what the sentence speaks of: possibilities ("排除了6种可能，还剩4种"), not P's factorizations of 52
_KINDS_OF = re.compile(r"可能|情况|组合|日期|答案|牌|数对|候选|" + ZH_REMOVING)  # (or what was removed: "去掉(1,0)和
# (9,10)，剩16种": what is left of the candidates)
_NEEDED_BEFORE = re.compile(r"(?:必须|需要|得|要)\s*$")
_STILL = re.compile(r"(?i:\bstill\b)|还是|仍然?|依然")  # "还是剩六种", "9 cards still remain"
_REMOVED = re.compile(ZH_REMOVING)  # a bare "剩" after a comma counts what a removal left ("去掉…，剩16种")

# After the count: it is a count within one case or for each case, not of the stage ("one date left with that day")
_PER_CASE = re.compile(r"(?i:\s+(?:with|for|in|of|on|under)\s+(?:that|this|the\s+same|each|every|its|his|her|their|"
                       r"any|such\s+an?)\b)")

# Before the count: each of several cases has that many ("16、17、18都只剩一个", "12 and 14 each have one date left")
_EACH_BEFORE = re.compile(r"(?:都|各|各自|分别)(?:只|就)?$|(?i:\beach\s+(?:\w+\s+){0,3}$)")
# A range of values as the subject: "Anything from 1 to 9 leaves two options", "any b between 2 and 7 leaves two
# dates": each value of the range has that many, not the stage
_RANGE_SUBJECT = re.compile(r"(?i)\b(?:any(?:thing)?|every(?:thing)?|each|all)\s+(?:[\w=$]+\s+){0,2}(?:from|between)\s+"
                            r"\S{1,8}\s+(?:to|and|through)\s+\S{1,8}\s+(?:(?:still|also|then|just)\s+)?$")


def remaining_records(sentence: str) -> list[ClaimRecord]:
    """The remaining-count claims of one sentence, with key ("Remaining", n)."""
    out = []
    for pattern in (_EN, _ZH, _ZH_STILL):
        if pattern is _EN and "remain" not in sentence and "left" not in sentence and "leav" not in sentence and \
                "surviv" not in sentence and "still" not in sentence and "→" not in sentence and "->" not in sentence:
            continue
        if pattern is _ZH_STILL and "在" not in sentence and "留" not in sentence:
            continue
        for m in pattern.finditer(sentence):
            if pattern is not _EN and m.group(2) == "种" and _KINDS_OF.search(sentence, 0, m.end() + 4) is None:
                continue
            if pattern is _ZH and m.group(0).lstrip().startswith("剩") and not m.group(0).lstrip().startswith(
                    ("剩下", "剩余")) and _REMOVED.search(sentence, 0, m.start()) is None:
                continue  # ("…，不行。剩三对，S不能确定": the pairs of the case in hand)
            if pattern is _EN and _PER_CASE.match(sentence, m.end()) is not None:
                continue  # "only one date left with that number", "two dates left in each month": a count per case
            if pattern is _ZH and _NEEDED_BEFORE.search(sentence, max(0, m.start() - 4), m.start()) is not None:
                continue  # "安妮必须只剩一个选项": what her knowing needs, not the count of the stage
            if _EACH_BEFORE.search(sentence, max(0, m.start() - 24), m.start()) is not None or \
                    _RANGE_SUBJECT.search(sentence, max(0, m.start() - 60), m.start()) is not None:
                continue
            word = m.group(1) if pattern is not _EN else next(g for g in m.groups() if g)
            n = _number(word)
            if n is not None:  # ("Remaining", n, "still"): the count said to hold still, after the statement in hand
                key = ("Remaining", n, "still") if _STILL.search(m.group(0)) is not None else ("Remaining", n)
                out.append(record("count", key, (), m.group(0), m.start(), m.end(), False, reading=COUNTED))
    return out


def _number(word: str) -> int | None:
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    low = word.lower()
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    if word.startswith("十"):
        return 10 + _ZH_DIGITS.get(word[1:], 0) if len(word) > 1 else 10
    return _ZH_DIGITS.get(word)
