"""How values, worlds and answers are written for people: aliases, symbols, templates."""
from __future__ import annotations

import re

from ..language import syntax as s

_FIELD = re.compile(r"\{([^{}.]+)(?:\.(symbol|zh|word|name))?\}")


def value_text(var: s.Variable, code: int, kind: str = "name") -> str:
    """A value's canonical name, or its alias of a kind (symbol ♦, zh 方块, word), falling back to the name."""
    value = var.value_of(code)
    if kind == "name":
        return value.name
    return value.alias_of_kind(kind) or value.name


def term_label(puzzle: s.Puzzle, term: s.Term) -> str:
    from ..language.printer import term_source

    return term_source(term, puzzle)


def format_answer(puzzle: s.Puzzle, codes: tuple[int, ...]) -> str:
    """An answer tuple as the puzzle shows it: its `show ... as "..."` template, or `(diamonds, 5)`."""
    q = puzzle.question
    if q is None:
        return str(codes)
    by_name: dict[str, tuple[s.Variable, int]] = {}
    for term, code in zip(q.terms, codes):
        if isinstance(term, s.Var):
            by_name[term.name] = (puzzle.variable(term.name), code)
    if q.template:
        def field(m: re.Match) -> str:
            name, kind = m.group(1), m.group(2) or "name"
            if name not in by_name:
                return m.group(0)
            var, code = by_name[name]
            return value_text(var, code, kind)

        return _FIELD.sub(field, q.template)
    parts = []
    for term, code in zip(q.terms, codes):
        parts.append(value_text(puzzle.variable(term.name), code) if isinstance(term, s.Var) else str(code))
    return parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def world_label(space, index: int) -> str:
    """A short name for a world: ♥A for a card, x=4,y=13 for numbers, m=0110 for a family of booleans."""
    return world_label_of(space.puzzle, {v.name: int(space.columns[v.name][index]) for v in space.puzzle.variables})


def world_label_of(puzzle: s.Puzzle, world: dict[str, int]) -> str:
    """world_label for a world given as {variable: code} (the symbolic engine has no columns)."""
    parts = [(var, world[var.name]) for var in puzzle.variables]
    if len(parts) > 1 and all(v.value_of(c).alias_of_kind("symbol") for v, c in parts[:-1]):
        return "".join(value_text(v, c, "symbol") for v, c in parts)
    pieces: list[str] = []
    families: dict[str, list[str]] = {}
    for var, code in parts:
        base = var.name.split("[")[0]
        if "[" in var.name and (var.numeric or _initials_unique(var)):
            if base not in families:
                families[base] = []
                pieces.append(base)
            families[base].append(str(code) if var.numeric else var.value_of(code).name[0])
        else:
            pieces.append(f"{var.name}={value_text(var, code)}")
    sep = lambda p: "" if all(len(x) == 1 for x in families[p]) else "."  # noqa: E731
    return ",".join(f"{p}={sep(p).join(families[p])}" if p in families else p for p in pieces)


def _initials_unique(var: s.Variable) -> bool:
    initials = [v.name[0] for v in var.values]
    return len(set(initials)) == len(initials)
