"""Read a model's reply about a maze: the final move sequence, and the moves and positions a reasoning
trace states ("move right to 3-2", "now at (2,3)", "left is blocked", "<|up|>").

Coordinates are read row first, as the AlphaMaze prompt defines them: `3-2`, `(3, 2)`, `<|3-2|>`,
`[3,2]`, `row 3, column 2`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .grid import Cell

_DIR = r"(up|down|left|right|north|south|west|east)(?:wards?)?"
_ALIAS = {"north": "up", "south": "down", "west": "left", "east": "right"}
COORD = (r"(?:<\|(\d+)-(\d+)\|>|\((\d+)\s*,\s*(\d+)\)|\[(\d+)\s*,\s*(\d+)\]|(?<![\w.-])(\d+)-(\d+)(?!\w|-(?!>))"
         r"|row\s+(\d+)\s*,?\s*(?:and\s+)?col(?:umn)?\s+(\d+))")
_COORD = re.compile(COORD, re.I)
_COUNT = r"(?:\s+(twice|thrice|(?:\d+|one|two|three|four|five|six)\s+(?:times|steps?|cells?|squares?|spaces?)))?"
_NUMBERS = {"twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MOVE_TOKEN = re.compile(r"<\|(up|down|left|right)\|>")
_SEQ_WORD = re.compile(r"<\|(up|down|left|right)\|>|\b(up|down|left|right)\b", re.I)
_SEQ_ONLY = re.compile(r"(?:\s|[,;.>→\-]|\b(?:up|down|left|right)\b|<\|(?:up|down|left|right)\|>)*", re.I)
_PREFIX = re.compile(r"^\s*(?:\*\*)?(?:final answer|answer|moves|solution|path)(?:\*\*)?\s*[:：]?\s*(?:\*\*)?", re.I)
_ANSWER_TAG = re.compile(r"<answer>(.*?)</answer>", re.S | re.I)
_THINK_END = re.compile(r"</think>", re.I)
_ANSWER_SAID = re.compile(r"\b(?:final answer|answer)\s*(?:is)?\s*[:：]\s*([^\n]+)", re.I)

# Statements, each anchored on a direction or a position.
_FROM = rf"(?:\s*,?\s*from\s+(?:cell\s+|position\s+)?{COORD})?"
_DEST = rf"(?:\s*,?\s*(?:to|into|onto|->|→|reaching|landing\s+(?:at|on)|arriving\s+at|,?\s*(?:now\s+)?at)\s+(?:cell\s+|position\s+)?{COORD})?"
_MOVE = re.compile(
    rf"(?:<\|(up|down|left|right)\|>|(?:\b(?:move|moves|moving|moved|go|goes|going|went|step|steps|stepping|stepped|head|"
    rf"heading|headed|then|turn|turning|next)\s+(?:one\s+(?:step|cell)\s+)?){_DIR}\b){_COUNT}{_FROM}{_DEST}",
    re.I)
_BARE_MOVE = re.compile(rf"\b{_DIR}\b{_COUNT}{_FROM}\s*(?:to|->|→)\s+(?:cell\s+|position\s+)?{COORD}", re.I)
_POSITION = re.compile(
    rf"\b(?:now\s+(?:I'?m\s+|we'?re\s+)?(?:at|in|on)|currently\s+at|I'?m\s+(?:now\s+)?at|I\s+am\s+(?:now\s+)?at|"
    rf"we\s+are\s+(?:now\s+)?at|(?:back|return|returning|returned|go\s+back|going\s+back)\s+to|"
    rf"(?:arrive|arrived|reach|reached|land|landed|end\s+up)\s+(?:at|on|in)?|position\s+is|at\s+position)"
    rf"\s+(?:cell\s+|position\s+|the\s+cell\s+)?{COORD}", re.I)
_FACT = re.compile(rf"\b(origin|start(?:ing)?(?:\s+(?:point|cell|position))?|target|goal|end(?:\s+point)?)\s+"
                   rf"(?:\(\w\)\s+)?(?:is\s+)?(?:located\s+)?(?:at|in|on)\s+(?:cell\s+|position\s+)?{COORD}", re.I)
_ARROW = r"\s*(?:->|-->|→|=>)\s*"
_CHAIN = re.compile(rf"{COORD}(?:{_ARROW}{COORD})+", re.I)
_BLOCK_CUE = re.compile(r"\b(?:can'?t|cannot|can\s+not|blocked|no\s+way|not\s+possible|impossible|walls?|dead[\s-]end)\b", re.I)
_CLAUSE = re.compile(r"[^.;!?\n]+(?:[.;!?]|\n|$)|\n")
_CLAUSE_SPLIT = re.compile(r",?\s+\b(?:so|then|but|and\s+then|therefore|hence|thus)\b\s+", re.I)


@dataclass(frozen=True)
class Statement:
    """One checkable statement of a trace: a move (with optional stated start and destination), a
    position, a blocked direction, or where the origin or target is. `span` is into the full text."""

    kind: str                     # "move" | "position" | "blocked" | "origin" | "target"
    text: str
    span: tuple[int, int]
    move: str | None = None       # None for a move between cells that are not neighbours ("3-1 -> 1-1")
    repeat: int = 1
    source: Cell | None = None    # "from 3-1"
    stated: Cell | None = None    # "to 3-2", "now at (2,3)", "origin at 3-1"


def cell_of(groups: tuple) -> Cell | None:
    """The first coordinate among regex groups (pairs of row, column)."""
    for k in range(0, len(groups) - 1, 2):
        if groups[k] is not None:
            return Cell(int(groups[k]), int(groups[k + 1]))
    return None


def split_reply(text: str) -> tuple[str, str]:
    """(reasoning, answer part): split at the last </think>; with none, the whole text is both."""
    ends = list(_THINK_END.finditer(text))
    if ends:
        return text[: ends[-1].start()], text[ends[-1].end():]
    return text, text


def pure_sequence(text: str) -> tuple[str, ...] | None:
    """The moves when a text is nothing but moves (tokens or words, separators, an `Answer:` prefix)."""
    body = _PREFIX.sub("", text.strip())
    if not body or not _SEQ_ONLY.fullmatch(body):
        return None
    moves = tuple((m.group(1) or m.group(2)).lower() for m in _SEQ_WORD.finditer(body))
    return moves or None


def final_moves(text: str) -> tuple[str, ...] | None:
    """The reply's final move sequence (see `final_answer`), or None."""
    return final_answer(text)[0]


def final_answer(text: str) -> tuple[tuple[str, ...] | None, int]:
    """The reply's final move sequence and where its text starts: the last <answer> tag, else the part
    after </think> (its move tokens, else its last line that is only moves), else the last line that is
    only moves, else the last run of move tokens. (None, len(text)) when there is none."""
    tags = list(_ANSWER_TAG.finditer(text))
    ends = list(_THINK_END.finditer(text))
    if tags:
        part, base = tags[-1].group(1), tags[-1].start(1)
    elif ends:
        part, base = text[ends[-1].end():], ends[-1].end()
    else:
        part, base = text, 0
    if tags or ends:
        tokens = list(_MOVE_TOKEN.finditer(part))
        if tokens:
            return tuple(m.group(1) for m in tokens), base + tokens[0].start()
    whole = pure_sequence(part)
    if whole:
        return whole, base
    said = list(_ANSWER_SAID.finditer(part))
    if said:
        seq = pure_sequence(said[-1].group(1))
        if seq:
            return seq, base + said[-1].start()
    pos = len(part)
    for line in reversed(part.splitlines(keepends=True)):
        pos -= len(line)
        if line.strip():
            seq = pure_sequence(line)
            if seq:
                return seq, base + pos
    runs = list(re.finditer(r"(?:<\|(?:up|down|left|right)\|>[\s,]*)+", part))
    if runs:  # the last run of move tokens separated only by spaces or commas
        return tuple(_MOVE_TOKEN.findall(runs[-1].group(0))), base + runs[-1].start()
    return None, len(text)


def statements(text: str, offset: int = 0) -> list[Statement]:
    """The checkable statements of a reasoning text, in order."""
    out: list[Statement] = []
    for cm in _CLAUSE.finditer(text):
        sentence = cm.group(0)
        if not sentence.strip():
            continue
        base = cm.start()
        pos = 0
        for part in _CLAUSE_SPLIT.split(sentence):
            start = sentence.find(part, pos)
            pos = start + len(part)
            out.extend(_clause(part, offset + base + start))
    return out


def _clause(clause: str, at: int) -> list[Statement]:
    found: list[tuple[int, Statement]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _FACT.finditer(clause):
        kind = "origin" if m.group(1).lower().startswith(("origin", "start")) else "target"
        found.append((m.start(), Statement(kind, m.group(0), (at + m.start(), at + m.end()), stated=cell_of(m.groups()[1:]))))
        taken.append(m.span())
    blocked = _BLOCK_CUE.search(clause) is not None
    if blocked:
        src = None
        fm = re.search(rf"\bfrom\s+(?:cell\s+|position\s+)?{COORD}", clause, re.I)
        if fm:
            src = cell_of(fm.groups())
        for m in re.finditer(rf"<\|(up|down|left|right)\|>|\b{_DIR}\b", clause, re.I):
            move = _ALIAS.get((m.group(1) or m.group(2)).lower(), (m.group(1) or m.group(2)).lower())
            found.append((m.start(), Statement("blocked", clause.strip(), (at + m.start(), at + m.end()), move=move,
                                               source=src)))
        return [s for _, s in sorted(found, key=lambda x: x[0])]
    for m in _CHAIN.finditer(clause):  # "(3,2) -> (3,3) -> (2,3)": a move per arrow, its direction from the cells
        cells = [cell_of(c.groups()) for c in _COORD.finditer(m.group(0))]
        for a, b in zip(cells, cells[1:]):
            found.append((m.start(), Statement("move", f"{a} -> {b}", (at + m.start(), at + m.end()),
                                               move=direction(a, b), source=a, stated=b)))
        taken.append(m.span())
    for pattern in (_MOVE, _BARE_MOVE):
        for m in pattern.finditer(clause):
            if not free(*m.span()):
                continue
            g = m.groups()
            if pattern is _MOVE:
                raw, count, rest = g[0] or g[1], g[2], g[3:]
            else:
                raw, count, rest = g[0], g[1], g[2:]
            move = _ALIAS.get(raw.lower(), raw.lower())
            source = cell_of(rest[:10])
            stated = cell_of(rest[10:20])
            found.append((m.start(), Statement("move", m.group(0).strip(), (at + m.start(), at + m.end()), move=move,
                                               repeat=_count(count), source=source, stated=stated)))
            taken.append(m.span())
    for m in _POSITION.finditer(clause):
        if free(*m.span()):
            found.append((m.start(), Statement("position", m.group(0).strip(), (at + m.start(), at + m.end()),
                                               stated=cell_of(m.groups()))))
            taken.append(m.span())
    return [s for _, s in sorted(found, key=lambda x: x[0])]


def direction(a: Cell, b: Cell) -> str | None:
    """The move from a to a neighbouring cell b; None when they are not neighbours."""
    return {(-1, 0): "up", (1, 0): "down", (0, -1): "left", (0, 1): "right"}.get((b.row - a.row, b.col - a.col))


def _count(text: str | None) -> int:
    if not text:
        return 1
    word = text.split()[0].lower()
    if word.isdigit():
        return max(1, min(int(word), 100))
    return _NUMBERS.get(word, 1)
