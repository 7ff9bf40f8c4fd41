"""Labels a trace gives the statements: "Statements: (1) P: "I don't know." (2) Q: "I knew you didn't know." …",
"(A) Alice does not know a; (B) Bob does not know b; (C) …", "① P：我不知道 ② Q：…".

Write-ups in the style of a competition solution name the statements once and then refer to them by label
("**Claim 1.** After (1), rank ∈ {A, Q, 4, 5}.", "(2) is about the moment before (1)"). A run of two or more labels,
each right before the name of the speaker of the statement with that place in the dialogue, defines them; later
mentions of a label are cues for its statement, as "statement 2" is.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .claims import tokens
from .lexicon import Lexicon, circled_place

# A label: a digit or capital letter in brackets, or a circled digit
_LABEL = re.compile(r"[(（]([1-9]|[A-H]|[A-Z][1-9])[)）]|([①②③④⑤⑥⑦⑧⑨])")  # ("(A1)", "(B1)": initial, number)
_BEFORE_NAME = re.compile(r"[\s*]*(?:(?i:mr\.?|ms\.?)\s*)?")


class Definition(NamedTuple):
    """Labels defined in a text: `names` maps each label ("(1)", "①") to its statement; text[start:end] defines them."""

    names: dict[str, int]
    start: int
    end: int


def defined_labels(lex: Lexicon, voices: tuple[str | None, ...], text: str) -> Definition | None:
    """The labels a text defines: two or more in a row, the k-th before the name of the k-th statement's speaker."""
    hits = list(_LABEL.finditer(text))
    names: dict[str, int] = {}
    start = end = None
    for k, m in enumerate(hits, start=1):
        if k > len(voices):
            break
        if voices[k - 1] is None:  # "①父亲：至少一人有泥。\n②…无人站出。": a statement no agent makes, labelled
            if _number(m) != k or _LINE_START.fullmatch(text, max(0, text.rfind("\n", 0, m.start()) + 1),
                                                         m.start()) is None:
                break  # in its place, opening a line of its own
        else:
            gap = _BEFORE_NAME.match(text, m.end())
            toks = tokens(lex, text[gap.end():gap.end() + 24])
            if not toks or toks[0].start != 0 or toks[0].kind != "agent" or toks[0].payload != voices[k - 1]:
                break
        names[m.group(0)] = k
        start = m.start() if start is None else start
        end = m.end()
    if len(names) < 2:
        return None
    return Definition({_plain(label): k for label, k in names.items()}, start, end)


def label_mentions(names: dict[str, int], text: str, skip: tuple[int, int] | None = None) -> list[tuple[int, int]]:
    """(offset, statement) of each mention of a defined label in `text`, outside text[skip[0]:skip[1]]."""
    out = []
    for m in _LABEL.finditer(text):
        if skip is not None and skip[0] <= m.start() < skip[1]:
            continue
        k = names.get(_plain(m.group(0)))
        if k is not None:
            out.append((m.start(), k))
    if any(len(label) == 4 for label in names):  # "Step 2 – S1.", "S2 → day 19 removed": "(S1)" without brackets
        for m in _BARE_LABEL.finditer(text):
            k = names.get(f"({m.group(1)})")
            if k is not None and not (skip is not None and skip[0] <= m.start() < skip[1]):
                out.append((m.start(), k))
        out.sort()
    return out


_BARE_LABEL = re.compile(r"(?<![\w(（])([A-Z][1-9])(?![\w)）])")


def initial_labels(voices: tuple[str | None, ...], texts: list[str]) -> dict[str, int]:
    """Labels made of a speaker's initial and the statement's place ("A1 ⇒ a ≠ 0, 10", "B2 ⇒ b ∉ {0, 1, 9, 10}" for
    Anne's and Bill's), when the trace uses two or more of them and none that counts a speaker's own statements
    instead ("P2" for P's second in a dialogue where Q makes the second): "(A1)" -> 1, as a defined label."""
    initials = {v[0].upper() for v in voices if v}
    fits, other = set(), set()
    for text in texts:
        for m in _BARE_LABEL.finditer(text):
            letter, k = m.group(1)[0], int(m.group(1)[1])
            if letter not in initials:
                continue
            own = k <= len(voices) and bool(voices[k - 1]) and voices[k - 1][0].upper() == letter
            (fits if own else other).add(m.group(1))
    return {f"({label})": int(label[1]) for label in fits} if len(fits) >= 2 and not other else {}


_LINE_START = re.compile(r"[\s>*\-•]*")


def _number(m: re.Match) -> int:
    """The place a label names: "(2)" and "②" 2, "(B)" 2 ("(A1)" 0, no place)."""
    label = m.group(1) or m.group(2)
    if label in "①②③④⑤⑥⑦⑧⑨":
        return circled_place(label)
    return int(label) if label.isdigit() else ord(label) - ord("A") + 1 if len(label) == 1 else 0


def _plain(label: str) -> str:
    """"（1）" and "(1)" alike."""
    return label.replace("（", "(").replace("）", ")")
