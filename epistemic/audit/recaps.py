"""Recaps that credit eliminations to statements: tables ("| Statement | Cards removed |" with a row
"| ① P: “I don't know the card.” | ♠J ♠8 ♠4 ♣K ♣6 |"), arrows ("Bernard's statement → the 14s and August out") and
lists under a heading about removing ("Recap of who killed what:" then "- Q's “I knew”: spades, clubs").

A header cell that speaks of removing ("removed", "eliminates", "ruled out", "排除") makes an elimination column.
Each row whose first cell names one statement of the dialogue (a quote, "P's first statement", "第二句") and whose
elimination cell is a plain list of values or tuples credits that list to the statement: the claim that exactly
that statement rules them out (strategies.Credit), so "♠4" in the row of P's first remark is false (a 4 is
ambiguous then). Exclusions read in the cell itself ("…; it also removes (5,6)") are credited to the row's
statement too. A cell with anything but a list ("every sum outside {11, 17, …}") gives no list claim. A column of
what is left ("Cards still possible", "Dates left") and one of its size ("Left", "世界数") say what the row's statement
leaves: a bare list there is credited like a removal of the rest, a bare number is the count then (rows that name an
earlier statement than the row above them are not dated so).
"""
from __future__ import annotations

import re

from .align import Aligner
from .claims import tokens, tuple_key
from .keys import junction_key, not_key, set_key
from .lexicon import Lexicon, circled_place
from .records import CASE, COUNTED, EXCLUSION, ClaimKey, ClaimRecord, credited, record
from .remaining import COUNT_ARROW
from .tables import cell_start, table_rows

_REMOVES = re.compile(r"(?i:remov|eliminat|exclud|ruled?\s+out|rules\s+out|drops?\b|dropped|gone|killed|\bout\b|"
                      r"\bimplies\b|\bmeans\b|\byields\b|\btells\s+us\b)|排除|去掉|删|淘汰|划掉|说明|意味着|推出")
# A header of what is still possible after the row's statement: "What remains", "Dates left", "Survivors", "剩下"
_REMAINS = re.compile(r"(?i:\bremain|\bleft\b|\bsurviv|\bstill\s+possible\b)|剩|仍可能|还可能")
# A header of the size of what is left after the row's statement: "Left", "# left", "Worlds", "Cards left", "世界数", "剩余"
# (not the count of muddy children, a term's value)
_SIZE_HEADER = re.compile(r"\s*(?:\*\*)?\s*(?:(?i:(?:#\s*|number\s+of\s+|no\.\s+of\s+)?(?:cards|dates|pairs|worlds|"
                          r"candidates|options|possibilities|triples)(?:\s+(?:left|remaining))?|left|remaining|"
                          r"#\s*left|"
                          r"how\s+many(?:\s+left)?|size|world\s+count)|世界数|剩余|剩下|剩余数|(?:剩余|剩下的?)?(?:世界|牌|日期|"
                          r"数对|组合|可能|候选)(?:个)?数)\s*(?:\*\*)?\s*")
_BARE_SIZE = re.compile(r"\s*(?:\*\*)?\s*(\d{1,6})\s*(?:\*\*)?\s*(?:[(（]([^()（）]*)[)）]\s*)?")  # "5", "5 (♥A ♥Q …)"
_BARE_NUMBER = re.compile(r"\s*(?:\*\*)?\s*(?:#\s*)?\d\s*(?:\*\*)?\s*")  # "| 2 |": the row's number
_CREDITABLE = frozenset({"exclusion", "term bound"})  # records a statement's row can be credited with
_REMOVED_BY = re.compile(r"(?i:\b(?:remov\w*|eliminat\w*|ruled?\s+out|excluded|dropped|killed)\s+(?:by|at|in|with)\b"
                         r"(?!\s+(?:this|it|the\s+(?:line|row))\b)|"  # (not "Removed by this line": what it removed)
                         r"\bwhich\s+statement\b|\bby\s+(?:which|whom)\b)|被.{0,6}排除|由谁排除|排除于|哪句话")
_EXCEPT = re.compile(r"(?i:\b(?:except|but|besides|other than|outside|not|no|keeps?|kept|remain|left|stays?)\b)|"
                     r"除|以外|之外|保留|剩|不")
_ASIDE = re.compile(r"\([^()]*\)|（[^（）]*）")
_RELATIVE = re.compile(r"(?i:,?\s*\b(?:which|that|since|because|as|who|where)\b)|[，,]?(?:因为|由于|它们|其中)")
_LIST = frozenset({"value", "tuple", "sep"})
# A removal cell describing what goes by what it is not: "pairs whose sum is not 11, 17, …", "和不是11、17…的数对"
_COMPLEMENT = re.compile(r"(?i:\bwhose\b[^|]{0,30}?\b(?:is|are)\s+not\b|\bnot\s+in\b|\boutside\b)|不是|不在|以外|之外")


def credit_tables(aligner: Aligner, lex: Lexicon, text: str, found: list[ClaimRecord]) -> list[ClaimRecord]:
    """The step's records with its recap tables read: the exclusions inside an elimination cell credited to the
    row's statement, and a credit for each row that lists what its statement removes."""
    out: list[ClaimRecord] = []
    moved: dict[int, ClaimRecord] = {}  # id of an exclusion read inside a cell -> its credited form
    column = by = None  # the elimination column of the current table; or the column naming what removed the row's
    # values ("| Date | Eliminated by |": "| March 19 | Ali's first statement |")
    left = None  # the column of what remains after the row's statement ("| step | announcement | … | what remains |")
    sizes: list[int] = []  # the columns of its size ("| … | Left |" with "| 5 |")
    last = 0  # the statement the last row named
    for m, cells, opens in table_rows(text):
        if opens:
            by = next((n for n, c in enumerate(cells) if n > 0 and _REMOVED_BY.search(c)), None)
            column = None if by is not None else next((n for n, c in enumerate(cells) if n > 0 and _REMOVES.search(c)),
                                                     None)
            left = next((n for n, c in enumerate(cells) if n > 0 and n != column and _REMAINS.search(c)), None)
            sizes = [n for n, c in enumerate(cells) if n > 0 and n != column and _SIZE_HEADER.fullmatch(c)]
            last = 0
            continue
        named = _named_row(aligner, cells) if by is None and (left is not None or column is not None or sizes) \
            else None
        ordered = named is not None and named[0] > last  # (a row naming an earlier statement than the row above it
        # is misread or looks back: its sizes and lists are not dated by it)
        last = named[0] if named is not None else last
        for n in sizes if ordered else ():  # "| 1 | P | … | 5 |" under "Left": the size of what is left
            size = _BARE_SIZE.fullmatch(cells[n]) if n > named[1] and n < len(cells) else None
            if size is not None:
                at = cell_start(m, cells, n)
                out.append(record("count", ("Remaining", int(size.group(1))), (), m.group(0).strip(), at,
                                  at + len(cells[n]), False, reading=COUNTED)._replace(at=named[0]))
        if left is not None and left < len(cells) and named is not None and (named[1] == 0 or left > 1):
            at = cell_start(m, cells, left)
            kept = [r for r in found if r.kind in ("candidates", "bound") and at <= r.start < at + len(cells[left])]
            if kept:  # ("| 1 ≤ k ≤ 6 |": both bounds of the cell together are what is left)
                moved[id(kept[0])] = _left_after(kept[0], named[0], [r.key.formula for r in kept])
                moved.update((id(r), None) for r in kept[1:])
            elif ordered and (listed := _left_listed(lex, cells[left])) is not None:  # "| ♥A ♥Q ♥4 ♦A ♦5 |", "| 5 (♥A
                # ♥Q ♥4 ♦A ♦5) |": a bare list of what is left (its size first), read as one under the column's header
                r = record("candidates", listed, (), m.group(0).strip(), at, at + len(cells[left]), False)
                out.append(_left_after(r, named[0], [listed]))
        if by is not None and by < len(cells):
            k = _row_statement(aligner, cells[by])
            listed = _listed(lex, cells[0]) if k else None
            if listed is not None:
                at = m.start(1)
                r = record("exclusion", listed, (), m.group(0).strip(), at, at + len(cells[0]), False, reading=EXCLUSION)
                out.append(credited(r, (k,)))
            continue
        if column is None or column >= len(cells):
            continue
        if named is None or (named[1] == 1 and column <= 1):
            continue
        k = named[0]
        at = cell_start(m, cells, column)
        cell = cells[column]
        inside = [r for r in found if r.kind in _CREDITABLE and at <= r.start < at + len(cell) and
                  credited(r, (k,)) is not r]  # "| Bob | a, c | a ≠ c |": a ≠ c is what Bob's statement gives
        moved.update((id(r), credited(_negated(r) if r.kind == "exclusion" and _rest_of(text, at, r) else
                                      r.read_as(EXCLUSION) if r.reading == CASE else r, (k,))) for r in inside)
        # (a row is read as a case of its first cell; here the first cell names the statement, so no case)
        listed = _listed(lex, cell)
        if listed is not None and not inside:
            r = record("exclusion", listed, (), m.group(0).strip(), at, at + len(cell), False, reading=EXCLUSION)
            out.append(credited(r, (k,)))
    return [x for x in (moved.get(id(r), r) for r in found) if x is not None] + out


def _named_row(aligner: Aligner, cells: list[str]) -> tuple[int, int] | None:
    """(statement, cell) of the statement a row names in its first cell, or in its second after a bare row number
    ("| 2 | first silence | … |"), or None."""
    k = _row_statement(aligner, cells[0])
    if k:
        return k, 0
    if len(cells) < 2 or not _BARE_NUMBER.fullmatch(cells[0]):
        return None
    k = _row_statement(aligner, cells[1]) or \
        _numbered_speaker(aligner, f"{cells[0].strip(' *')} {cells[1].strip(' *')}")
    return (k, 1) if k else None  # ("| 1 | Albert | …": the number and its speaker, Albert's first statement)


def _rest_of(text: str, cell: int, r: ClaimRecord) -> bool:
    """Whether the clause of a removal cell (starting at `cell`) that holds `r` describes what goes by what it is not
    ("| pairs whose sum is not 11, 17, … |"; not "…; it also removes (5,6)" after such a clause)."""
    clause = max(cell, *(text.rfind(mark, cell, r.start) + 1 for mark in ";；"))
    return _COMPLEMENT.search(text, clause, r.end) is not None


def _negated(r: ClaimRecord) -> ClaimRecord:
    """The record with its formula negated: an exclusion of what a cell of removals says goes by what it is not."""
    return r._replace(key=r.key._replace(formula=("Not", r.key.formula)))


def _left_listed(lex: Lexicon, cell: str) -> tuple | None:
    """The values or tuples a cell of what is left lists ("♥A ♥Q ♥4", "5 (♥A ♥Q ♥4 ♦A ♦5)": after its size), or None (a
    size alone)."""
    size = _BARE_SIZE.fullmatch(cell)
    listed = _listed(lex, cell) if size is None else _listed(lex, size.group(2)) if size.group(2) else None
    return listed[1] if listed is not None else None


def _left_after(r: ClaimRecord, k: int, formulas: list[tuple]) -> ClaimRecord:
    """What a row says is left after statement k (`formulas`, all the cell says, on its first record `r`), as a
    credit: the rest is gone by then, and statement k removed some of it."""
    left = formulas[0] if len(formulas) == 1 else junction_key("And", formulas)
    return r._replace(kind="credit", key=ClaimKey(("Credit", (k,), not_key(left)), (), r.key.past))


def _row_statement(aligner: Aligner, cell: str) -> int | None:
    """The statement a row's first cell names: as a phrase would ("P's first statement", a quote), or by the one
    statement its speaker and know / don't-know structure fit ('Ali: "I don't know, and I know Bo doesn't"')."""
    k = aligner.anchor(cell)
    if k:
        return k
    stages = {c.stage for c in aligner.inner_cues(cell, 0) if c.how == "paraphrase"}
    if len(stages) == 1:
        return stages.pop()
    return _numbered_speaker(aligner, cell) or _only_speaker(aligner, cell)


def _only_speaker(aligner: Aligner, cell: str) -> int | None:
    """The statement of the agent a cell names and nothing else ("| **Bob** |"), when that agent speaks once."""
    toks = aligner.lexicon.scan(cell)
    if len(toks) != 1 or toks[0].kind != "agent" or cell.strip(" *_`").strip() != toks[0].text:
        return None
    return aligner.anchor(f"{toks[0].text}'s statement") or None  # as "Bob's statement" would name it (one only)


# "① 阿里", "1. Ali", "(2) Bo", "#3 Ali": a row named by the statement's number and its speaker
_ROW_NUMBER = re.compile(r"\W*?(?:#\s*|[(（]\s*)?([1-9]|[①-⑨])\s*[.)）、:：]?\s*")


def _numbered_speaker(aligner: Aligner, cell: str) -> int | None:
    """The statement a row label gives by number, when the agent named after the number makes that statement."""
    m = _ROW_NUMBER.match(cell)
    if m is None:
        return None
    digit = m.group(1)
    nth = int(digit) if digit in "123456789" else circled_place(digit)
    toks = aligner.lexicon.scan(cell[m.end():m.end() + 24])
    if not (0 < nth <= len(aligner.speakers)) or not toks or toks[0].start > 0 or toks[0].kind != "agent":
        return None
    return nth if aligner.speakers[nth - 1] == toks[0].payload else None


def _listed(lex: Lexicon, cell: str) -> tuple | None:
    """`not (…)` of the values or tuples a cell lists and nothing else ("♠J ♠8 ♣K", "May, June", "April (has 28),
    June (has 29), and the 19s, which are shared by March and July": the asides and the relative clause are
    no items), or None."""
    cell = _RELATIVE.split(_ASIDE.sub(" ", cell), maxsplit=1)[0]
    toks = tokens(lex, cell)
    if not toks or _EXCEPT.search(cell) or any(t.kind not in _LIST for t in toks):
        return None
    items = [t for t in toks if t.kind != "sep"]
    parts = [tuple_key(lex, t.payload) for t in items if t.kind == "tuple"]
    by_var: dict[str, set] = {}
    for t in items:
        if t.kind == "value":
            by_var.setdefault(t.payload[0], set()).add(t.payload[1])
    parts += [set_key(var, sorted(codes)) for var, codes in by_var.items()]
    return not_key(junction_key("Or", parts)) if parts else None


# "- Bernard's statement → the 14s and August out", "Q's remark ⇒ spades, clubs gone"
_ARROW = re.compile(r"(?m)^[^\S\n]*(?:[-*•]\s*|\d+[.)]\s*)?(?P<subj>[^→⇒\n]{2,60}?)\s*(?:→|->|⇒)\s*"
                    r"(?P<obj>[^→⇒\n.;:!?]{1,60}?)\s+(?:(?:are|is)\s+)?(?:out|gone|eliminated|removed|excluded)\b")
_STATEMENT_NAME = re.compile(r"(?i:statement|announcement|remark|reply|response|claim|line|silence|words)|话|句|沉默|发言")


def arrow_credits(aligner: Aligner, lex: Lexicon, text: str, current) -> list[ClaimRecord]:
    """"<statement> → <values> out": the values credited to the statement the arrow starts from (every value
    named, of one or several variables, is said to go). `current(offset)`: the stage the trace is at there, which
    picks "Albert's statement" among his several (the one just reached or next)."""
    out = []
    for m in _ARROW.finditer(text):
        subj = m.group("subj")
        if _STATEMENT_NAME.search(subj) is None:
            continue
        k = aligner.anchor(subj, current(m.start()))
        counts = [c.span() for c in COUNT_ARROW.finditer(text, m.start(), m.end())]  # "line 2: 9 → 5 (♠ and ♣ out)":
        # from 9 cards to 5, then what went
        toks = [t for t in tokens(lex, m.group("obj")) if t.kind in ("value", "tuple") and
                not any(a <= m.start("obj") + t.start < b for a, b in counts)]
        if not k or not toks or _EXCEPT.search(m.group("obj")):
            continue
        parts = [tuple_key(lex, t.payload) if t.kind == "tuple" else set_key(t.payload[0], [t.payload[1]])
                 for t in toks]
        r = record("exclusion", not_key(junction_key("Or", parts)), (), m.group(0).strip(), m.start(), m.end(), False,
                   reading=EXCLUSION)
        out.append(credited(r, (k,)))
    return out


# "Recap of who killed what:", "**Eliminations by statement:**", "各句排除了什么：": a heading about removing, then
# "- Q's "I knew": spades, clubs, and with them ♥A and ♦A." lines, each a statement and the list it removes
_LIST_HEAD = re.compile(r"[^\S\n]*(?:#+\s*|\*\*)?(?P<head>[^\n]{3,80}?)[:：]\s*(?:\*\*)?[^\S\n]*$")
_LIST_LINE = re.compile(r"[^\S\n]*(?:[-*•]|\d+[.)])\s*(?:\*\*)?(?P<label>[^:：\n]{2,60}?)(?:\*\*)?\s*[:：]\s*(?:\*\*)?"
                        r"(?P<items>[^\n]+?)[\s.。]*$")
_COUNTED = re.compile(r"\d+\s+(?!of\b)[A-Za-z]{3,}")  # "the 7 singletons": a count, not the rank 7


def list_credits(aligner: Aligner, lex: Lexicon, text: str, current) -> list[ClaimRecord]:
    """Each line of a list under a heading about removing that names a statement and lists values only: the
    values credited to that statement (as a recap table's row would). `current(offset)` as for arrows."""
    if _REMOVES.search(text) is None:  # (a quick test: no heading about removing without a word for it)
        return []
    out = []
    lines = text.split("\n")
    under = False
    at = 0
    for line in lines:
        start, at = at, at + len(line) + 1
        item = _LIST_LINE.match(line)
        if item is None:
            head = _LIST_HEAD.match(line)
            under = head is not None and _REMOVES.search(head.group("head")) is not None and \
                _EXCEPT.search(head.group("head")) is None
            continue
        if not under or _COUNTED.search(item.group("items")) is not None:
            continue
        k = aligner.anchor(item.group("label"), current(start))
        listed = _listed(lex, item.group("items")) if k else None
        if listed is not None:
            r = record("exclusion", listed, (), line.strip(), start, start + len(line), False, reading=EXCLUSION)
            out.append(credited(r, (k,)))
    return out
