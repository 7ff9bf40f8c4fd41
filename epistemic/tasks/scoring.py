"""Score a model's answer against a puzzle: lenient about format, strict about content.

The final answer is taken from the last <answer>…</answer>, else the last `Answer:`/`答案：` line,
else a \\boxed{…}, else the last non-empty line. Values are recognised by name or alias (♦5,
"5 of diamonds", 方块5), numbers by position or as `x = 4`; muddy-style yes/no families by the numbers
of those for whom it holds. The score is 1.0 when exactly the expected answer is named, else 0.0.
"""
from __future__ import annotations

import re

from ..language import syntax as s
from .items import puzzle_of

_TAG = re.compile(r"<answer>(.*?)</answer>", re.S | re.I)
_LINE = re.compile(r"(?:final answer|answer|答案|最终答案)\s*(?:is|是|为)?\s*[:：]?\s*(.+)", re.I)
_BOXED = re.compile(r"\\boxed\{([^{}]*)\}")
_INT = re.compile(r"(?<![A-Za-z0-9.])-?\d+(?![A-Za-z0-9])")
_LABEL = re.compile(r"([A-Za-z_]\w*(?:\[\d+\])?)\s*(?:=|:|是|为)\s*(-?\d+)")


def final_answer_text(text: str) -> str:
    """The part of a reply that states the final answer."""
    tags = _TAG.findall(text)
    if tags:
        return tags[-1].strip()
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    for ln in reversed(lines):
        m = _LINE.search(ln)
        if m and m.group(1).strip():
            return m.group(1).strip()
    boxed = _BOXED.findall(text)
    if boxed:
        return boxed[-1].strip()
    return lines[-1] if lines else ""


def expected_answers(puzzle: s.Puzzle) -> tuple[tuple[int, ...], ...]:
    """The puzzle's stated answer, else the one its solution gives."""
    if puzzle.expected_answer:
        return tuple(puzzle.expected_answer)
    from ..stages.solve import solve

    return solve(puzzle).answer


def score_answer(answer_text: str, puzzle_or_item) -> float:
    """1.0 when the reply's final answer names exactly the puzzle's unique answer, else 0.0."""
    puzzle = puzzle_of(puzzle_or_item)
    if puzzle.question is None or not isinstance(answer_text, str):
        return 0.0
    expected = expected_answers(puzzle)
    if len(expected) != 1:
        return 0.0
    got = parse_answer(final_answer_text(answer_text), puzzle)
    return 1.0 if got == expected[0] else 0.0


def parse_answer(text: str, puzzle: s.Puzzle) -> tuple[int, ...] | None:
    """The answer tuple a text names, or None when it names none or several values for a term."""
    terms = puzzle.question.terms
    variables = [puzzle.variable(t.name) if isinstance(t, s.Var) else None for t in terms]
    if variables and all(v is not None and v.sort == "bool" for v in variables):
        return _yes_set(text, len(terms))
    codes: list[int | None] = [None] * len(terms)
    rest = text
    for i, var in enumerate(variables):
        if var is None or var.numeric:
            continue
        found, rest = _find_values(rest, var)
        if len(found) != 1:
            return None
        codes[i] = found.pop()
    numeric = [i for i, v in enumerate(variables) if v is None or v.numeric]
    if numeric:
        labelled = {name: int(n) for name, n in _LABEL.findall(rest)}
        names = [_term_name(terms[i]) for i in numeric]
        if all(n in labelled for n in names):
            values = [labelled[n] for n in names]
        else:
            values = [int(x) for x in _INT.findall(rest)]
            if len(values) != len(numeric):
                return None
        for i, value in zip(numeric, values):
            var = variables[i]
            if var is not None and value not in var.codes:
                return None
            codes[i] = value
    return tuple(codes)  # type: ignore[arg-type]


def _term_name(t: s.Term) -> str:
    return t.name if isinstance(t, s.Var) else ""


def _spellings(var: s.Variable) -> list[tuple[str, int]]:
    out = []
    for value, code in zip(var.values, var.codes):
        for spelling in (value.name, *value.aliases):
            out.append((spelling, code))
    return sorted(out, key=lambda x: -len(x[0]))


def _find_values(text: str, var: s.Variable) -> tuple[set[int], str]:
    """Codes of var named in text (longest spellings first; ASCII words need ASCII word boundaries)."""
    found: set[int] = set()
    for spelling, code in _spellings(var):
        flags = 0 if len(spelling) == 1 and spelling.isascii() else re.I
        pattern = re.escape(spelling)
        if spelling[:1].isascii() and spelling[:1].isalnum():
            pattern = r"(?<![A-Za-z0-9])" + pattern
        if spelling[-1:].isascii() and spelling[-1:].isalnum():
            pattern = pattern + r"(?![A-Za-z0-9])"
        regex = re.compile(pattern, flags)
        if regex.search(text):
            found.add(code)
            text = regex.sub(" ", text)
    return found, text


def _yes_set(text: str, n: int) -> tuple[int, ...] | None:
    """Bool families: `1 0 1` (one per member) or the numbers of the members for whom it holds."""
    numbers = [int(x) for x in _INT.findall(text)]
    if len(numbers) == n and set(numbers) <= {0, 1}:
        return tuple(numbers)
    if not numbers and re.search(r"\b(none|nobody)\b|没有", text, re.I):
        return tuple([0] * n)
    if not numbers or any(not 1 <= x <= n for x in numbers):
        return None
    chosen = set(numbers)
    return tuple(1 if i in chosen else 0 for i in range(1, n + 1))
