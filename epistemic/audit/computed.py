"""Table columns computed from other columns: "| s | s − 2 | prime? |", "| x | y | x + y | x·y |", "| pair | sum |";
and lines of tuples with their sums or products, "(8,6,3)=17，(9,4,4)=17，(9,8,2)=17".

A header that is an arithmetic expression over the names of other columns of the same table (and numbers) says
that each row's cell in that column is the expression's value for the row's numbers. Each such cell is an
arithmetic claim ("| 41 | 37 |" under "| s | s − 2 |" says 41 − 2 = 37), true or false whatever the stage, like
"41 − 2 = 37" written out. Only headers made of column names, numbers and + − × · * are read; a row whose cells
are not plain numbers is skipped.
"""
from __future__ import annotations

import math
import re

from .records import ARITHMETIC, ClaimRecord, record
from .tables import cell_start, table_rows

_TOKEN = re.compile(r"\s*(\d{1,6}|[A-Za-z][A-Za-z0-9_']*|[+*×·−-])")
_OPS = {"+": "+", "*": "*", "×": "*", "·": "*", "−": "-", "-": "-"}
_NUMBER = re.compile(r"\s*(?:\*\*)?\s*(\d{1,7})\s*(?:\*\*)?\s*$")
_MARKS = re.compile(r"\*\*|`|\$")


def computed_records(text: str) -> list[ClaimRecord]:
    """The arithmetic claims of the computed columns of every markdown table in `text`."""
    out: list[ClaimRecord] = []
    columns: list[tuple[int, tuple]] = []  # (column, parsed header) of the current table's computed columns
    names: dict[str, int] = {}
    folds: list[tuple[int, str]] = []  # (column, operator) of the current table's "sum" and "product" columns
    folded: list[tuple[re.Match, int, str, list[int], int]] = []  # rows whose numbers a fold column adds up
    for m, cells, opens in table_rows(text):
        if opens:
            out += _row_folds(folded)
            folded = []
            heads = [_MARKS.sub("", c).strip() for c in cells]
            names = {h: n for n, h in enumerate(heads) if re.fullmatch(r"[A-Za-z][A-Za-z0-9_']*", h)}
            columns = [(n, e) for n, h in enumerate(heads) if h not in names
                       for e in (_expression(h, names),) if e is not None]
            folds = [(n, "*" if _PRODUCT_HEAD.search(h) else "+") for n, h in enumerate(heads)
                     if _SUM_HEAD.fullmatch(h) or _PRODUCT_HEAD.fullmatch(h) or
                     _NAMED_FOLD.fullmatch(_HEAD_NOTE.sub("", h))]  # ("年龄之和（车号）": the ages' sum, a note after it)
            continue
        pair_folds = _pair_folds(m, cells, folds)
        out += pair_folds
        folded += [] if pair_folds else _numbers_folded(m, cells, folds)
        if not columns:
            continue
        values = {}
        for name, n in names.items():
            hit = _NUMBER.match(cells[n]) if n < len(cells) else None
            if hit is not None:
                values[name] = int(hit.group(1))
        for n, expr in columns:
            hit = _NUMBER.match(cells[n]) if n < len(cells) else None
            key = _bind(expr, values)
            if hit is None or key is None:
                continue
            at = cell_start(m, cells, n)
            out.append(record("arithmetic", ("Compare", "=", key, ("Const", int(hit.group(1)))), (),
                              m.group(0).strip(), at, at + len(cells[n]), False, reading=ARITHMETIC))
    return out + _row_folds(folded)


def _numbers_folded(m: re.Match, cells: list[str], folds: list[tuple[int, str]]) -> list:
    """(row, column, operator, operands, value) for each fold column of a row of plain numbers: "| 8 | 6 | 3 | 16 |"
    under "| Cheryl | older | younger | sum |" offers 8 + 6 + 3 = 16 (kept only if the table keeps its convention)."""
    numbers = [(n, int(h.group(1))) for n, c in enumerate(cells) for h in (_NUMBER.match(c),) if h is not None]
    fold_columns = {n for n, _ in folds}
    out = []
    for n, op in folds:
        operands = [x for k, x in numbers if k < n and k not in fold_columns]
        value = next((x for k, x in numbers if k == n), None)
        if value is not None and len(operands) >= 2:
            out.append((m, n, op, operands, value))
    return out


def _row_folds(folded: list) -> list[ClaimRecord]:
    """The arithmetic claims of a table's rows of numbers under a sum or product column, when the table keeps that
    convention (at least three rows, two thirds of them, fold right): the rest are slips ("8 + 6 + 3 = 16")."""
    out = []
    for n in {c for _, c, _, _, _ in folded}:
        rows = [f for f in folded if f[1] == n]
        right = sum(1 for _, _, op, xs, v in rows if _FOLD[op](xs) == v)
        if right < 3 or right * 3 < len(rows) * 2:
            continue
        for m, _, op, xs, v in rows:
            key: tuple = ("Const", xs[0])
            for x in xs[1:]:
                key = ("Arith", op, key, ("Const", x))
            cells = m.group(1).split("|")
            at = cell_start(m, cells, n)
            out.append(record("arithmetic", ("Compare", "=", key, ("Const", v)), (), m.group(0).strip(), at,
                              at + len(cells[n]), False, reading=ARITHMETIC))
    return out


# A column headed as the sum or the product of a row's pair: "| pair | sum |" over "| (8, 7) | 15 |"
_SUM_HEAD = re.compile(r"(?i:sum|total|a\s*\+\s*b|x\s*\+\s*y)|和|两数之和")
_PRODUCT_HEAD = re.compile(r"(?i:product|a\s*[×·*]\s*b|x\s*[×·*]\s*y)|积|两数之积")
# A sum or product named with what it adds up, a note in brackets after it: "年龄之和（车号）", "Sum of ages (bus)"
_NAMED_FOLD = re.compile(r"(?i:(?:sum|product|total)\s+of\s+(?:the\s+)?(?:ages|numbers|the\s+three|all\s+three))|"
                         r"[\u4e00-\u9fff]{1,4}之(?:和|积)")
_HEAD_NOTE = re.compile(r"\s*[(（][^()（）]{1,12}[)）]\s*$")
_PAIR_CELL = re.compile(r"\s*(?:\*\*)?\s*[(（]\s*(\d{1,4})\s*[,，]\s*(\d{1,4})\s*[)）]\s*(?:\*\*)?\s*$")


def _pair_folds(m: re.Match, cells: list[str], folds: list[tuple[int, str]]) -> list[ClaimRecord]:
    """The arithmetic claims of one row under "sum" / "product" columns: the row's one pair cell ("(8, 7)") folded
    by the column's operator equals its cell there ("| (8, 7) | 16 |" says 8 + 7 = 16, false)."""
    if not folds:
        return []
    pairs = [p for c in cells for p in (_PAIR_CELL.match(c),) if p is not None]
    if len(pairs) != 1:
        return []
    a, b = int(pairs[0].group(1)), int(pairs[0].group(2))
    out = []
    for n, op in folds:
        hit = _NUMBER.match(cells[n]) if n < len(cells) else None
        if hit is None:
            continue
        at = cell_start(m, cells, n)
        key = ("Compare", "=", ("Arith", op, ("Const", a), ("Const", b)), ("Const", int(hit.group(1))))
        out.append(record("arithmetic", key, (), m.group(0).strip(), at, at + len(cells[n]), False, reading=ARITHMETIC))
    return out


# "(9, 8, 2) = 17", "(12,6,2) → 19", "(9,8,2) 18" (in a list of them under "Triples (sum):"): a tuple of two to four
# numbers and the number it is said to equal
_TUPLE_VALUE = re.compile(r"(?:[(（]\s*(?P<numbers>\d{1,4}(?:\s*[,，]\s*\d{1,4}){1,3})\s*[)）]"
                          r"(?P<sep>\s*(?:=|→|->|[:：](?:\s*(?:和|积|Σ|∑|(?i:sum|product))\s*(?:为|是|=)?)?|"
                          r"(?:和|积|Σ|∑|(?i:sum|product))\s*(?:为|是|=|:)?|"
                          r"[,，]\s*(?:(?i:sum|product)\b\s*(?:=|:)?|(?:和|积)[ \t]*(?=\d{1,6}[ \t]*(?:[,，;；。.)）\n]|$))))"
                          r"\s*|[,，]?[ \t]*#[ \t]*|[ \t]+)|"
                          # ("(9,8,2) 和20", "(12, 4, 3),   # 18": a code comment, "(12, 4, 3), sum 18", "(12, 4, 3)，和
                          # 18", "(9,8,2)：和18", "(9,8,2) Σ=18"; not "(3,2)，和是31": a comma and 和 before a word may
                          # be "and")
                          r"(?<![\d,.])(?P<bare>\d{1,4}(?:,\d{1,4}){1,3}):[ \t]*|"  # "9,8,2: 18"
                          r"(?<![\d.+·×*/])(?P<split>\d{1,4}\s*\+\s*\d{1,4})\s*(?:→|->)\s*|"  # "6 + 11 → 56"
                          r"(?<![\d.,])(?P<listed>\d{1,4}(?:,[ \t]*\d{1,4}){2,3})[ \t]*(?:→|->)[ \t]*|"
                          # ("12, 4, 3 → 18", "12,6,2 → 19")
                          r"(?<![\d.、])(?P<enumerated>\d{1,4}(?:、\d{1,4}){1,3})[ \t]*[，,：:][ \t]*(?P<named>和|积)[ \t]*"
                          r"(?:是|为|=|：|:)?[ \t]*)"  # ("12、4、3，和是18": numbers in a Chinese enumeration, the word saying
                          # which)
                          r"(?P<value>\d{1,6})(?![\d.,]\d)")
# a line that is only one of them, after a bullet or a number ("4. (12, 4, 3) → 18"): one row of a column of them
_TUPLE_ROW = re.compile(r"[ \t]*(?:[-*•][ \t]+|\d{1,2}[.)][ \t]+)?(?P<tuple>" + _TUPLE_VALUE.pattern + r")[ \t]*$")
_FOLD = {"+": sum, "*": math.prod}


def _written(m: re.Match) -> str:
    """How an item of a list of tuples gives its value: after a bracket and a sign ("marked"), a bracket and a space
    ("bare"), bare numbers and a colon ("9,8,2: 18"), a split and an arrow ("6 + 11 → 56"), or bare numbers and an
    arrow ("12, 4, 3 → 18", "listed")."""
    if m.group("enumerated"):
        return "sum" if m.group("named") == "和" else "product"
    if m.group("split"):
        return "split"
    if m.group("listed"):
        return "listed"
    if m.group("bare"):
        return "colon"
    sep = m.group("sep").strip().lstrip(",，").strip().lower()
    word = sep.lstrip(":：").strip()  # ("(9,8,2)：和18": the colon, then the word)
    if word.startswith(("和", "sum", "Σ", "∑")):
        return "sum"  # "(9,8,2) 和20", "(3, 6) sum 9": the word says which
    if word.startswith(("积", "product")):
        return "product"
    return "marked" if sep else "bare"


def tuple_values(text: str) -> list[ClaimRecord]:
    """Each "(a, b, c) = n" of a line listing three or more of them, or of a column of lines that are one each, read
    as a sum or a product by the list's own convention: the one that at least three of them and two thirds of them
    satisfy. The rest are slips of that convention ("(9,8,2)=17" among sums: 9 + 8 + 2 = 17, false)."""
    out: list[ClaimRecord] = []
    at = 0
    column: list = []  # the rows of the column read so far, as (match, offset)
    lists = []
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        row = _TUPLE_ROW.match(line)
        if row is not None:
            column.append((_TUPLE_VALUE.match(line, row.start("tuple")), start))
            continue
        if column:
            lists.append(column)
            column = []
        inline = [(m, start) for m in _TUPLE_VALUE.finditer(line)]  # ("(4,19) 76, rival (2,38) → 40": a product
        lists += [[(m, a) for m, a in inline if _written(m) == way]  # and a sum, each written its own way, two lists)
                  for way in ("marked", "bare", "colon", "split", "listed", "sum", "product")]
    lists.append(column)
    for items in lists:
        found = [(m, start, [int(x) for x in re.split(r"\s*[,，+、]\s*", m.group("numbers") or m.group("bare") or
                                                      m.group("split") or m.group("listed") or m.group("enumerated"))],
                  int(m.group("value")))
                 for m, start in items]
        named = _written(items[0][0]) if items else None
        if named in ("sum", "product"):
            op = "+" if named == "sum" else "*"  # (the word names the operation: no convention needed)
        else:
            if len(found) < 3:
                continue
            fits = {op: sum(1 for _, _, xs, n in found if fold(xs) == n) for op, fold in _FOLD.items()}
            op = max(fits, key=lambda o: fits[o])
            if fits[op] < 3 or fits[op] * 3 < len(found) * 2:
                continue
            if named != "marked" and (len(found) < 4 or fits[op] < len(found) - 1):
                continue  # a bare number after each tuple keeps its convention all but once ("(2,9) 18 → (3,6) 9":
                # a product, then a sum, is no list)
        for m, start, xs, n in found:
            if _written(m) != named and _written(m) in ("sum", "product"):
                continue  # (in a column of another convention, an item that names its own operation)
            key = ("Const", xs[0])
            for x in xs[1:]:
                key = ("Arith", op, key, ("Const", x))
            out.append(record("arithmetic", ("Compare", "=", key, ("Const", n)), (), m.group(0), start + m.start(),
                              start + m.end(), False, reading=ARITHMETIC))
    return out


# A product's splits, then their sums in the same order: "28 = 4·7 = 2·14 → sums 11 and 17", "24 = 3·8 = 2·12 = 4·6 →
# 11, 14, 10", "30 = 2×15 = 3×10，和为17、13"
_SPLIT = r"\d{1,4}\s*[·×*]\s*\d{1,4}"
_SPLIT_SUMS = re.compile(r"(?P<splits>" + _SPLIT + r"(?:\s*=\s*" + _SPLIT + r")+)\s*(?:(?:→|->|⇒)\s*(?:(?i:the\s+)?"
                         r"(?i:sums?)\s*(?:are\s+|of\s+)?|和(?:为|是)?\s*)?|[,，:：]\s*(?:(?i:the\s+)?(?i:sums?)\s*(?:are\s+)?|"
                         r"和(?:为|是|分别是)?\s*))(?P<sums>\d{1,4}(?:\s*(?:,|，|、|(?i:and|or)|和|或)\s*\d{1,4})+)(?![\d·×*])")


def split_sums(text: str) -> list[ClaimRecord]:
    """The sum of each split of a product listed after them in the same order ("28 = 4·7 = 2·14 → sums 11 and 17"
    says 4 + 7 = 11 and 2 + 14 = 17, the second false); only when as many sums as splits are listed."""
    out = []
    for m in _SPLIT_SUMS.finditer(text):
        splits = [tuple(int(x) for x in re.split(r"\s*[·×*]\s*", p)) for p in re.findall(_SPLIT, m.group("splits"))]
        sums = [int(x) for x in re.findall(r"\d{1,4}", m.group("sums"))]
        if len(splits) != len(sums):
            continue
        if sorted(a + b for a, b in splits) == sorted(sums):
            sums = [a + b for a, b in splits]  # (the same sums in another order: all right)
        for (a, b), total in zip(splits, sums):
            key = ("Compare", "=", ("Arith", "+", ("Const", a), ("Const", b)), ("Const", total))
            out.append(record("arithmetic", key, (), m.group(0), m.start(), m.end(), False, reading=ARITHMETIC))
    return out


# Splits, then the value of each in the same order: "2+9、3+8、4+7、5+6，对应的积分别为 18、24、28、36", "2×9 and 3×6,
# with sums 11 and 9 respectively"
_PART = r"\d{1,4}\s*[+×·*]\s*\d{1,4}"
_RESPECTIVE = re.compile(r"(?P<parts>" + _PART + r"(?:\s*(?:[、,，]|(?i:and)|和)\s*" + _PART + r")+)"
                         r"[^\d\n。.;；]{0,16}?(?P<word>积|乘积|和|(?i:products?|sums?))"
                         r"(?P<gap>[^\d\n。.;；]{0,12}?)(?P<values>\d{1,6}(?:\s*(?:[、,，]|(?i:and)|和)\s*\d{1,6})+)"
                         r"(?P<tail>[^\n。.;；]{0,14})")
_IN_ORDER = re.compile(r"分别|对应|(?i:respectively|in\s+order|in\s+turn)")


def respective_values(text: str) -> list[ClaimRecord]:
    """The value of each split listed after them in the same order, said so ("分别", "对应", "respectively"): "2+9、
    3+8、4+7、5+6，对应的积分别为 18、24、28、36" says 2 × 9 = 18, …, 5 × 6 = 36 (false); only when as many values as
    splits are listed."""
    if _IN_ORDER.search(text) is None:
        return []
    out = []
    for m in _RESPECTIVE.finditer(text):
        if _IN_ORDER.search(text, m.start("parts"), m.end()) is None:
            continue
        parts = [tuple(int(x) for x in re.split(r"\s*[+×·*]\s*", p)) for p in re.findall(_PART, m.group("parts"))]
        values = [int(x) for x in re.findall(r"\d{1,6}", m.group("values"))]
        if len(parts) != len(values):
            continue
        op = "*" if m.group("word").lower().startswith(("积", "乘积", "product")) else "+"
        for (a, b), n in zip(parts, values):
            key = ("Compare", "=", ("Arith", op, ("Const", a), ("Const", b)), ("Const", n))
            out.append(record("arithmetic", key, (), m.group(0), m.start(), m.end(), False, reading=ARITHMETIC))
    return out


def _expression(head: str, names: dict[str, int]) -> tuple | None:
    """A header as a list of operands and operators ([("name", "s"), "-", ("const", 2)]), or None when it is not an
    expression over the table's column names with at least one operator and one name."""
    parts, at = [], 0
    while at < len(head):
        m = _TOKEN.match(head, at)
        if m is None:
            return None if head[at:].strip() else tuple(parts) if _valid(parts) else None
        word, at = m.group(1), m.end()
        if word in _OPS:
            parts.append(_OPS[word])
        elif word.isdigit():
            parts.append(("const", int(word)))
        elif word in names:
            parts.append(("name", word))
        else:
            return None
    return tuple(parts) if _valid(parts) else None


def _valid(parts: list) -> bool:
    """Operand, operator, operand, …: at least one operator and one column name."""
    return len(parts) >= 3 and len(parts) % 2 == 1 and all(isinstance(p, tuple) for p in parts[::2]) and \
        all(isinstance(p, str) for p in parts[1::2]) and any(p[0] == "name" for p in parts[::2])


def _bind(parts: tuple, values: dict[str, int]) -> tuple | None:
    """The expression's term key with the row's numbers in place of the names (products before sums), or None
    when a name has no number in the row."""
    operands = []
    for p in parts[::2]:
        if p[0] == "name" and p[1] not in values:
            return None
        operands.append(("Const", values[p[1]] if p[0] == "name" else p[1]))
    terms, ops = [operands[0]], []
    for op, operand in zip(parts[1::2], operands[1:]):
        if op == "*":
            terms[-1] = ("Arith", "*", terms[-1], operand)
        else:
            ops.append(op)
            terms.append(operand)
    key = terms[0]
    for op, term in zip(ops, terms[1:]):
        key = ("Arith", op, key, term)
    return key
