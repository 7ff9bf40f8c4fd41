"""Markdown tables with a knowledge column: "| Day | Dates left | Bernard knows? |", "| pair | product | … | P knows? |".

Each row whose first cell names one case (a value, "July 16", "5 + 6", "(2, 15)") and whose knowledge cell says
yes or no is a claim about that case: `day = 15 implies not Bernard knows date` (kind "case knowledge", judged like
a hypothetical, where its case was last possible). Only a header cell that names an agent and asks whether they
know (in the present: "Could Q have been sure?" looks back) makes a knowledge column; the puzzle must ask a
question, which is what "knows" is about.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .align import statement_parts
from .claims import ELIMINATED, bare_knows_key, observed_vars, question_key, tokens, tuple_key
from .keys import formula_key, implies_key, junction_key, not_key, value_key
from .lexicon import ZH_REMOVING, Lexicon
from .records import ARITHMETIC, CASE, REJECTED, TABLE, ClaimRecord, record
from .rounds import first_asked

_ROW = re.compile(r"(?m)^[ \t]*\|(.*)\|[ \t]*$")
_RULE = re.compile(r"^[\s|:\-]+$")
_ASKS = re.compile(r"(?i:\bknows?\b|\bsure\b|\bcertain\b|\bdetermine|\bidentif|\btell\b|\bname\b)\s*(?:\w+\s*){0,3}\?|"
                   r"(?:能否|能不能|是否)(?:确定|知道)|(?:知道|确定)[吗？?]")
_LOOKS_BACK = re.compile(r"(?i:\bhave\s+been\b|\bknew\b|\bbefore\b|\bfirst\b|\bimmediately\b|\bat\s+once\b|\bround\b|"
                         r"\bafter\b)|一开始|最初|立刻|马上")
_SURE_ONLY = re.compile(r"(?i:^(?!.*\b(?:know|knows|determine|identify|tell|name)\b).*\b(?:sure|certain)\b)")
_YES = re.compile(r"(?i:\s*(?:\*\*)?\s*(?:yes\b|✓|✔|✅|☑|是|能|可以))")
_NO = re.compile(r"(?i:\s*(?:\*\*)?\s*(?:no\b|✗|✘|×|❌|✖|否|不能|不))")
_UNIQUE = re.compile(r"(?i:\bunique\b|\bonce\b|\bsingleton)|唯一|只出现一次")
_SURE_WORD = re.compile(r"(?i:\bsure\b|\bcertain\b)|确定|肯定|保证")
_BARE_NUMBER = re.compile(r"^\s*(?:\*\*)?\s*(\d{1,4})\s*(?:\*\*)?\s*$")
_PAIR = re.compile(r"^\s*(?:\*\*)?[(（]?\s*(\d{1,3})\s*(?:,|，|\+)\s*(\d{1,3})\s*[)）]?(?:\*\*)?\s*$")


def table_records(lex: Lexicon, text: str) -> list[ClaimRecord]:
    """The case knowledge of each row of the step's tables with a knowledge column."""
    if "|" not in text or question_key(lex) is None:
        return []
    out: list[ClaimRecord] = []
    header: KnowledgeColumn | None = None  # the current table's knowledge column
    keyed: str | None = None  # the numeric variable the first column's header names ("| a | b left | Anne knows? |")
    original = False  # the table shows where values appear in the original list ("| 日子 | 出现的月份 | …"): it may
    # be about the start, not the current stage
    for m, cells, opens in table_rows(text):
        if opens:
            header = _knowledge_column(lex, cells)
            keyed = _keyed_variable(lex, cells[0]) if cells else None
            original = any(_ORIGINAL.search(c) is not None for c in cells)
            continue
        if header is None or header.column >= len(cells):
            continue
        case = None if _STAGE_CELL.match(cells[0]) else _case(lex, cells[0], keyed)
        said = _said(cells[header.column])
        if case is None or said is None:
            continue
        knows = header.sure or bare_knows_key(lex, header.agent)
        if header.sure and not (case[0] == "Compare" and case[2][1] in observed_vars(lex, header.agent)):
            continue  # (sure in a case of what the agent sees: "| April | … | yes |" for Ali, who holds the month)
        claim = implies_key(case, knows if said else not_key(knows))
        found = record("case knowledge", claim, (), m.group(0).strip(), m.start(), m.end(), original, reading=TABLE)
        out.append(found._replace(at=header.said_at - 1) if header.sure else found)  # (what he is sure of, judged
        # where he says it: before his statement)
    return out


# A header cell that is the row's sum: "sum", "Sum", "s", "x + y", "和", "总和" (the bus number of Cheryl's Age is
# its ages' sum, but a column is only read as a sum where its header says so)
_SUM_HEADER = re.compile(r"\s*(?:\*\*)?\s*(?:(?i:sum|total|s|x\s*\+\s*y|a\s*\+\s*b)|和|总和|之和)\s*(?:\*\*)?\s*$")
# A header cell left of the sum whose numbers are not terms of it: a product, a count, a label or a verdict
_NOT_A_TERM = re.compile(r"(?i:product|prod|\bp\b|count|#|ways|splits?|options|number\s+of|sums|row|case|step|"
                         r"stage|known?|sure|\?)|积|乘积|个数|种|几")
_CELL_NUMBER = re.compile(r"(?<![\d.])\d{1,4}(?![\d.])")


def sum_rows(text: str) -> list[ClaimRecord]:
    """The sums of tables with a sum column: "| Cheryl | brothers | sum |\n| 12 | 4, 3 | 20 |" says 12 + 4 + 3 = 20
    (kind "arithmetic"). Read only where every header cell left of the sum names terms (no product, count or
    verdict column) and each row's sum cell is one number."""
    out: list[ClaimRecord] = []
    column: int | None = None
    for m, cells, opens in table_rows(text):
        if opens:
            column = next((i for i, c in enumerate(cells) if _SUM_HEADER.match(c)), None)
            if column is not None and (column == 0 or any(_NOT_A_TERM.search(c) for c in cells[:column])):
                column = None
            continue
        if column is None or column >= len(cells):
            continue
        total = _CELL_NUMBER.findall(cells[column])
        terms = [int(n) for c in cells[:column] for n in _CELL_NUMBER.findall(c)]
        if len(total) != 1 or cells[column].strip(" *") != total[0] or len(terms) < 2:
            continue
        term: tuple = ("Const", terms[0])
        for t in terms[1:]:
            term = ("Arith", "+", term, ("Const", t))
        out.append(record("arithmetic", ("Compare", "=", term, ("Const", int(total[0]))), (), m.group(0).strip(),
                          m.start(), m.end(), False, reading=ARITHMETIC))
    return out


# A first cell naming a moment of the dialogue, not a case: '| After "Cath has 6" | 4 | yes | yes | no |', "| 第一句之后 |"
_STAGE_CELL = re.compile(r"[\s*]*(?i:after|before|once|following|start|initially|at\s+first)\b|[^|]{0,16}(?:之后|以后|之前)\s*[*\s]*$|"
                         r"[\s*]*(?:最初|起初|开始)")
_ORIGINAL = re.compile(r"(?i:\bappears?\b|\boccurs?\b|\bshows?\s+up\b|\boriginal|\binitial|\bat\s+first\b)|出现|原来|最初|原表|起初")


def table_rows(text: str) -> Iterator[tuple[re.Match, list[str], bool]]:
    """(row match, cells, whether the row opens a table: its header) for each markdown row that is no rule line."""
    first = True
    for m in _ROW.finditer(text):
        if _RULE.match(m.group(1)):
            continue
        yield m, m.group(1).split("|"), first or _starts_table(text, m.start())
        first = False


# A header cell asking whether a value has a property: "Unique?", "Appears once?", "唯一吗？": its ✗ means no, not gone.
_PROPERTY_ASKED = re.compile(r"(?i:\b(?:unique|once|singleton|repeated|shared|twice)\b[^|?？]{0,12}[?？])|(?:唯一|只出现一次|重复)[^|?？]{0,6}[吗？?]")


def property_rows(text: str) -> list[tuple[int, int]]:
    """The spans of the rows of tables whose header asks whether a value has a property ("| Day | Appears in |
    Unique? |"): a ✗ there answers that question, it eliminates nothing."""
    out, asked = [], False
    for m, cells, opens in table_rows(text):
        if opens:
            asked = any(_PROPERTY_ASKED.search(cell) for cell in cells)
        elif asked:
            out.append(m.span())
    return out


# A header cell whose column lists what each row removes: "What everyone can now rule out", "Eliminated", "What it
# removes", "排除"
_RULED_OUT_HEADER = re.compile(r"(?i:\brul(?:e|es|ed)\s+out\b|\beliminat|\bexclud|\bremov(?:e|es|ed)\b|"
                               r"\bdrop(?:s|ped)\b|\bkill(?:s|ed)\b)|" + ZH_REMOVING)


def ruled_out_cells(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """Values a row's cell states under a column of what is ruled out ("| Silence #1 | exactly 1 muddy |" under
    "What everyone can now rule out") are exclusions: `sum(m) = 1` there is `not sum(m) = 1`."""
    spans = column_cells(text, _RULED_OUT_HEADER)
    if not spans:
        return records
    out = []
    for r in records:
        cell = next(((a, b) for a, b in spans if r.start < b and a < r.end), None)
        if r.kind not in ("candidates", "bound") or cell is None:
            out.append(r)
        elif _CONSEQUENCE.search(text, cell[0], max(cell[0], r.start)) is not None:
            out.append(r.read_as(CASE))  # "b = 0 → a = 1": what the removed value would force, no claim of its own
        elif ELIMINATED.search(_ASIDES.sub("", text[max(cell[0], r.start):min(cell[1], r.end)])) is None:
            out.append(r.as_removed())  # (a record that says "eliminated" itself is read as an exclusion already;
        else:  # not one beside an aside "(a = 0 is gone, so a = 2)")
            out.append(r)
    return out


def column_cells(text: str, header: re.Pattern) -> list[tuple[int, int]]:
    """The spans of the cells under the first column but one whose header cell matches `header`, table by table."""
    spans = []
    column = None
    for m, cells, opens in table_rows(text):
        if opens:
            column = next((n for n, c in enumerate(cells) if n > 0 and header.search(c)), None)
        elif column is not None and column < len(cells):
            start = cell_start(m, cells, column)
            spans.append((start, start + len(cells[column])))
    return spans


# A header cell whose column gives each row's reason: "| Date | After S2 | Reason |", "| 日期 | 是否排除 | 理由 |"
_REASON_HEADER = re.compile(r"(?i:\breasons?\b|\bwhy\b|\bnotes?\b|\bcomments?\b|\bexplanation\b|\bjustification\b|"
                            r"\brationale\b)|理由|原因|说明|备注|解释|依据")


def reason_cells(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """What a row's reason cell says is said of that row's case ("| July 16 | ✓ | only 16 left |": in July, only 16;
    "| April 19 | ✗ | 19 also in June, Bernard couldn't know |": with 19), not of the stage."""
    spans = column_cells(text, _REASON_HEADER) if "|" in text else []
    if not spans:
        return records
    return [r.read_as(CASE) if r.certain and r.kind in _REASON_KINDS and any(a <= r.start < b for a, b in spans) else r
            for r in records]


_REASON_KINDS = frozenset({"candidates", "exclusion", "bound", "count", "knowledge"})


# In a cell of removed values, an arrow ending the text before a record (in its clause): "b = 0 → a = 1"
_CONSEQUENCE = re.compile(r"(?:→|->|⇒)[^;；,，→]*$")
_ASIDES = re.compile(r"[(（][^()（）]*[)）]")


# A table of mistakes: "| Mistake | What goes wrong |", "| 常见错误 | 后果 |": each row says what a wrong reading gives
_MISTAKE_HEADER = re.compile(r"(?i:\bmistakes?\b|\bpitfalls?\b|\btraps?\b|\bwrong\s+(?:turns?|readings?)\b|"
                             r"\berrors?\b|\bmisreadings?\b)|错误|误区|陷阱|误读")


def mistake_rows(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """The records in the rows of a table whose first header cell names mistakes ("| Mistake | What goes wrong |"):
    what each wrong reading would give, rejected ideas, not the trace's claims."""
    spans = []
    mistakes = False
    for m, cells, opens in table_rows(text):
        if opens:
            mistakes = bool(cells) and _MISTAKE_HEADER.search(cells[0]) is not None
        elif mistakes:
            spans.append(m.span())
    if not spans:
        return records
    return [r.read_as(REJECTED) if r.certain and any(a <= r.start < b for a, b in spans) else r for r in records]


_ROW_KINDS = frozenset({"candidates", "exclusion", "bound", "count"})


def row_cases(lex: Lexicon, text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """A table keyed by a variable ("| a | 可能的 b | 安妮第1句后 | 比尔发言后 |" with rows "| 1 | 0, 2 | ✓ | 只剩 b=2 |"):
    what a row's other cells say is said of its first cell's value, a case, not of the stage."""
    spans = []
    keyed = False
    for m, cells, opens in table_rows(text):
        if opens:
            head = tokens(lex, cells[0]) if cells else []
            keyed = len(head) == 1 and head[0].kind == "attr" and isinstance(head[0].payload, str) and \
                head[0].payload in lex.codes
            var = head[0].payload if keyed else None
            continue
        if keyed and cells and cells[0].strip(" *").isdigit() and int(cells[0].strip(" *")) in lex.codes[var]:
            spans.append((cell_start(m, cells, 1), m.end()))
    if not spans:
        return records
    return [r.read_as(CASE) if r.certain and r.kind in _ROW_KINDS and any(a <= r.start < b for a, b in spans) else r
            for r in records]


def timeline_rows(records: list[ClaimRecord], text: str) -> list[ClaimRecord]:
    """A table whose columns are moments ("| worlds | after father | after r1 | after r2 |" with rows "| 100, 010, 001 |
    ✓ | ✗ | — |"): a row's marks say when its worlds go, each at its own column's moment, not at the step's stage;
    read as that row's cases."""
    spans = []
    timed = False
    for m, cells, opens in table_rows(text):
        if opens:
            timed = sum(_STAGE_CELL.match(c) is not None for c in cells[1:]) >= 2
        elif timed:
            spans.append(m.span())
    if not spans:
        return records
    return [r.read_as(CASE) if r.certain and r.kind in _ROW_KINDS and any(a <= r.start < b for a, b in spans) else r
            for r in records]


def cell_start(m: re.Match, cells: list[str], n: int) -> int:
    """Where cell `n` of the row `m` (split into `cells`) starts in the step's text."""
    return m.start(1) + sum(len(c) + 1 for c in cells[:n])


def _starts_table(text: str, at: int) -> bool:
    """Whether the row at `at` opens a new table (the line before it is no row)."""
    before = text.rfind("\n", 0, max(0, at - 1))
    line = text[before + 1:at].strip()
    return not line.startswith("|")


class KnowledgeColumn(NamedTuple):
    """A table's column that says whether an agent knows (or, with `sure`, is sure of what his statement at
    `said_at` says he is sure of: "Can Ali be sure?")."""

    column: int
    agent: str
    sure: tuple | None = None
    said_at: int = 0


def _knowledge_column(lex: Lexicon, cells: list[str]) -> KnowledgeColumn | None:
    """The first header cell that asks whether an agent knows now, or None. Being sure next to a column of unique
    values ("| 月份 | 含唯一日子？ | 阿尔伯特能确定吗？ |") is being sure that the other cannot know."""
    unique = any(_UNIQUE.search(cell) for cell in cells)
    for n, cell in enumerate(cells):
        if n == 0 or _ASKS.search(cell) is None or _LOOKS_BACK.search(cell) is not None:
            continue
        agents = {t.payload for t in tokens(lex, cell) if t.kind == "agent"}
        if _SURE_ONLY.search(cell) or (unique and _SURE_WORD.search(cell)):  # ("Can Ali be sure?": of something
            # else, that Bo doesn't know: what the agent says he is sure of, if he says so)
            sure = _sure_of(lex, next(iter(agents))) if len(agents) == 1 else None
            if sure is not None:
                return KnowledgeColumn(n, next(iter(agents)), *sure)
            continue
        if len(agents) == 1:
            return KnowledgeColumn(n, agents.pop())
    return None


def _sure_of(lex: Lexicon, agent: str) -> tuple | None:
    """(key, stage) of what the agent announces being sure of about another's ignorance ("… but I know Bo doesn't
    know either": `Ali knows that not Bo knows …`) and of the statement saying so, or None when none does."""
    for stage, a in enumerate(lex.puzzle.announcements, start=1):
        for part in statement_parts(a.said) if a.speaker == agent else ():
            k = formula_key(part)
            if k[0] == "Knows" and k[2] == (agent,) and k[3] == "that" and k[4][0] == "Not" and k[4][1][0] == "Knows":
                return k, stage
    return None


def _keyed_variable(lex: Lexicon, cell: str) -> str | None:
    """The numeric variable a header cell names alone ("a", "Anne's number", "b 的值"), or None."""
    named = [t for t in tokens(lex, cell) if t.kind in ("attr", "value", "number", "agent", "tuple")]
    if len(named) != 1 or named[0].kind != "attr" or not isinstance(named[0].payload, str):
        return None
    return named[0].payload if named[0].payload in lex.numeric else None


def _case(lex: Lexicon, cell: str, keyed: str | None = None) -> tuple | None:
    """The case a row's first cell names: one value, one tuple, a pair of the question's two numbers, or a bare
    number under a header naming its variable (`keyed`: "| 8 | 7, 9 | ❌ |" under "| a | … |" is a = 8)."""
    bare = _BARE_NUMBER.match(cell)
    if keyed is not None and bare is not None:
        n = int(bare.group(1))
        return value_key(keyed, n) if n in lex.codes.get(keyed, ()) else None
    pair = lex.number_pair
    m = _PAIR.match(cell)
    if m is not None and pair is not None:
        a, b = int(m.group(1)), int(m.group(2))
        if a in lex.codes[pair[0]] and b in lex.codes[pair[1]]:
            return junction_key("And", [value_key(pair[0], a), value_key(pair[1], b)])
        return None
    found = [t for t in tokens(lex, cell) if t.kind in ("value", "tuple", "number", "ambig", "agent")]
    if len(found) != 1:
        return None
    t = found[0]
    if t.kind == "ambig" and t.text.strip() == cell.strip(" *"):  # "| A | ♥A | ✅ |": a cell of one word is the value
        value = dict(t.payload).get("value")
        return None if value is None else value_key(*value)
    if t.kind == "value":
        return value_key(*t.payload)
    if t.kind == "tuple":
        return tuple_key(lex, t.payload)
    return None


def _said(cell: str) -> bool | None:
    """True for yes, False for no, None for anything else ("—", "?", "maybe")."""
    if _NO.match(cell):
        return False
    if _YES.match(cell):
        return True
    return None


# A header whose first cell counts silences: "| silences so far | what everyone can conclude |", "| 沉默次数 | … |"
_SILENCES_HEAD = re.compile(r"(?i:\bsilen(?:ces?|t\s+rounds?)\b)|沉默")
_COUNT_CELL = re.compile(r"\s*(?:\*\*)?\s*(\d{1,2})\s*(?:\*\*)?\s*$")


def silence_rows(lex: Lexicon, text: str, records: list[ClaimRecord]) -> list[ClaimRecord]:
    """Rows of a table keyed by the number of silences so far ("| 2 | at least 3 muddy |"): what a row says holds
    after that many silences (the father's statement first), each row dated by it; a row past the last silence the
    puzzle has is a case, not a claim about any stage."""
    first = first_asked(lex)
    if first is None or not records:
        return records
    last_silence = len(lex.puzzle.announcements) - 1  # (the last announcement is the knowing, not a silence)
    rows: list[tuple[int, int, int | None]] = []  # (start, end, stage or None for a case)
    keyed = False
    for m, cells, opens in table_rows(text):
        if opens:
            keyed = bool(cells) and _SILENCES_HEAD.search(cells[0]) is not None
            continue
        n = _COUNT_CELL.match(cells[0]) if keyed and cells else None
        if n is not None:
            stage = first + int(n.group(1))
            rows.append((m.start(), m.end(), stage if stage <= last_silence else None))
    if not rows:
        return records
    out = []
    for r in records:
        row = next((row for row in rows if row[0] <= r.start < row[1]), None)
        if row is not None and r.certain and r.kind in ("bound", "candidates", "exclusion", "count"):
            r = r._replace(at=row[2]) if row[2] is not None else r.read_as(CASE)
        out.append(r)
    return out

