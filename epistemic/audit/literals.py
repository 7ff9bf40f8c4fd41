"""Candidate sets written as code: a dict literal assigned to a name, `remaining = {'July': [16], 'August': [15,
17]}`, `dates = {'5月': [15, 16, 19], …}`.

Each entry lists the values one variable takes with one value of the other, so the literal names the worlds of
every (key, item) pair, whichever variable keys it (by month or by day): read as the candidates `(month = July and
day = 16) or …` (kind "candidates", judged like any list of worlds). Only in puzzles of two variables, with every
key a value of one and every item a value of the other; anything else (counts, `{'May': 3}`, tuples) is no list of
worlds and is left to the other readers.

A dict named for sums or products, keyed by tuples of numbers, `sums = {(8,6,3): 17, (12,4,3): 18, …}`, gives each
tuple's sum (or product): arithmetic claims, so a slip in one entry is false.
"""
from __future__ import annotations

import re

from .keys import junction_key, value_key
from .lexicon import Lexicon
from .records import ARITHMETIC, VALUES, ClaimRecord, record

QUICK = re.compile(r"=\s*\{")
_ASSIGNED = re.compile(r"(?P<name>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]{0,30})\s*=\s*\{(?P<body>[^{}\n]{1,1200})\}")
_ENTRY = re.compile(r"\s*(?P<q>['\"]?)(?P<key>[^'\":,{}\[\]\n]{1,12})(?P=q)\s*:\s*\[(?P<items>[^\[\]\n]{0,200})\]"
                    r"\s*(?:,|$)")
_ITEM = re.compile(r"\s*(?P<q>['\"]?)(?P<item>[^'\",\[\]\n]{1,12})(?P=q)\s*(?:,|$)")


def _value(lex: Lexicon, word: str) -> tuple[str, int] | None:
    """(variable, code) of a key or item that is one value ("July", "5月", "♥", "16"), or None."""
    toks = lex.scan(word.strip())
    if len(toks) != 1 or toks[0].start != 0 or toks[0].end != len(word.strip()):
        return None
    t = toks[0]
    if t.kind == "value":
        return t.payload
    if t.kind == "ambig":
        return dict(t.payload).get("value")
    if t.kind == "number":
        held = [v for v, codes in lex.codes.items() if t.payload in codes]
        return (held[0], t.payload) if len(held) == 1 else None
    return None


def _entries(lex: Lexicon, body: str) -> list[tuple[tuple[str, int], list[tuple[str, int]]]] | None:
    """The (key, items) of a dict body, every key and item one value; None when any part is not."""
    out, at = [], 0
    while at < len(body.rstrip()):
        m = _ENTRY.match(body, at)
        key = _value(lex, m.group("key")) if m is not None else None
        if key is None:
            return None
        items, pos, inner = [], 0, m.group("items")
        while pos < len(inner.rstrip()):
            i = _ITEM.match(inner, pos)
            item = _value(lex, i.group("item")) if i is not None else None
            if item is None:
                return None
            items.append(item)
            pos = i.end()
        out.append((key, items))
        at = m.end()
    return out or None


def _world_key(lex: Lexicon, world: dict[str, int]) -> tuple:
    """`v1 = c1 and v2 = c2` in the puzzle's variable order."""
    return junction_key("And", [value_key(v, world[v]) for v in sorted(world, key=lambda v: lex.order.get(v, 0))])


def dict_spans(sentence: str) -> list[tuple[int, int]]:
    """Where dict literals are assigned in `sentence`: their keys are no list of candidates, whatever they map to
    (`count = {'May': 3, 'June': 2}`)."""
    return [m.span() for m in _ASSIGNED.finditer(sentence) if ":" in m.group("body")]


def dict_records(lex: Lexicon, sentence: str) -> list[ClaimRecord]:
    """The list of worlds each dict literal assigned in `sentence` names, in a puzzle of two variables."""
    names = [v.name for v in lex.puzzle.variables]
    if len(names) != 2:
        return []
    out = []
    for m in _ASSIGNED.finditer(sentence):
        entries = _entries(lex, m.group("body"))
        if entries is None:
            continue
        keyed = {k[0] for k, _ in entries}
        listed = {i[0] for _, items in entries for i in items}
        if len(keyed) != 1 or len(listed) != 1 or keyed | listed != set(names):
            continue
        worlds = [{k[0]: k[1], i[0]: i[1]} for k, items in entries for i in items]
        if not worlds:
            continue
        witnesses = tuple(_world_key(lex, w) for w in worlds)
        q = lex.question_vars
        answer = tuple(tuple(w[v] for v in q) for w in worlds) if q and all(v in names for v in q) else None
        out.append(record("candidates", junction_key("Or", list(witnesses)), witnesses, sentence.strip(), m.start(),
                          m.end(), False, answer, reading=VALUES))
    return out


_TUPLE_ENTRY = re.compile(r"\s*[(（](?P<terms>\d{1,4}(?:\s*[,，]\s*\d{1,4}){1,3})[)）]\s*:\s*(?P<n>\d{1,6})\s*(?:,|$)")
_SUMS_NAME = re.compile(r"(?i:sum|total)|和")
_PRODUCTS_NAME = re.compile(r"(?i:prod)|积")


def tuple_sum_records(sentence: str) -> list[ClaimRecord]:
    """`sums = {(8,6,3): 17, …}`, `products = {(2,15): 30, …}`: each entry's arithmetic, `8 + 6 + 3 = 17`."""
    out = []
    for m in _ASSIGNED.finditer(sentence):
        op = "+" if _SUMS_NAME.search(m.group("name")) else "*" if _PRODUCTS_NAME.search(m.group("name")) else None
        if op is None:
            continue
        body, at, entries = m.group("body"), 0, []
        while at < len(body.rstrip()) and (e := _TUPLE_ENTRY.match(body, at)) is not None:
            entries.append(e)
            at = e.end()
        if at < len(body.rstrip()):
            continue  # (not every entry a tuple and its number: no such dict)
        for e in entries:
            terms = [int(t) for t in re.findall(r"\d+", e.group("terms"))]
            term: tuple = ("Const", terms[0])
            for t in terms[1:]:
                term = ("Arith", op, term, ("Const", t))
            start = m.start("body") + e.start("terms") - 1
            out.append(record("arithmetic", ("Compare", "=", term, ("Const", int(e.group("n")))), (),
                              sentence[start:m.start("body") + e.end("n")], start, m.start("body") + e.end("n"),
                              False, reading=ARITHMETIC))
    return out
