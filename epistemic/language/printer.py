"""Syntax tree -> text in the puzzle language (claims are shown to users in this syntax)."""
from __future__ import annotations

from . import syntax as s

import functools
import re
from typing import Mapping


@functools.lru_cache(maxsize=1)
def _plain():
    """A name the grammar reads as NAME or NUMBER (anything else is printed in quotes)."""
    from .grammar import parser

    terminals = {t.name: t.pattern.value for t in parser().terminals}
    return re.compile(f"(?:{terminals['NAME']})|(?:{terminals['NUMBER']})")


# Sub-formulas and term tuples an author wrote in their own words, e.g. a generator's `any i in 1..3: m[i]`
# for the formula it stands for, or `card` for the terms (suit, rank): the printer writes that text instead
# (a spelled formula in parentheses when nested, a spelled term tuple as a name).
Spelled = Mapping[object, str]


def term_source(t: s.Term, puzzle: s.Puzzle | None = None, spelled: Spelled | None = None) -> str:
    if isinstance(t, s.Var):
        return t.name
    if isinstance(t, s.Const):
        return str(t.value)
    if isinstance(t, s.Neg):
        return f"-{_atom_term(t.term, puzzle, spelled)}"
    if isinstance(t, s.Arith):
        return f"{_atom_term(t.left, puzzle, spelled)} {t.op} {_atom_term(t.right, puzzle, spelled)}"
    if isinstance(t, s.Count):
        return "count(" + ", ".join(formula_source(f, puzzle, spelled) for f in t.formulas) + ")"
    raise TypeError(t)


def _atom_term(t: s.Term, puzzle, spelled=None) -> str:
    text = term_source(t, puzzle, spelled)
    return f"({text})" if isinstance(t, s.Arith) else text


def _value(term: s.Term, code_term: s.Term, puzzle: s.Puzzle | None) -> str:
    """A constant shown as the value name of the variable it is compared with."""
    if puzzle is not None and isinstance(term, s.Var) and isinstance(code_term, s.Const):
        try:
            var = puzzle.variable(term.name)
        except KeyError:
            return term_source(code_term, puzzle)
        if not var.numeric and 0 <= code_term.value < len(var.values):
            name = var.values[code_term.value].name
            return name if _plain().fullmatch(name) else f'"{name}"'
    return term_source(code_term, puzzle)


def formula_source(f: s.Formula, puzzle: s.Puzzle | None = None, spelled: Spelled | None = None) -> str:
    """Source text that parses back (in the puzzle's vocabulary) to an equivalent formula."""
    if spelled and f in spelled:
        return spelled[f]
    if isinstance(f, s.Bool):
        return "true" if f.value else "false"
    if isinstance(f, s.Compare):
        return f"{term_source(f.left, puzzle, spelled)} {f.op} {_value(f.left, f.right, puzzle)}"
    if isinstance(f, s.Member):
        items = ", ".join(_value(f.term, s.Const(v), puzzle) for v in f.values)
        return f"{term_source(f.term, puzzle, spelled)} in {{{items}}}"
    if isinstance(f, s.Not):
        if isinstance(f.body, s.Knows) and f.body.kind == "agent" and f.body.mode != "whether":
            return "not " + formula_source(f.body, puzzle, spelled)
        return "not " + _paren(f.body, puzzle, spelled)
    if isinstance(f, s.And):
        return " and ".join(_paren(x, puzzle, spelled) for x in f.items) if f.items else "true"
    if isinstance(f, s.Or):
        return " or ".join(_paren(x, puzzle, spelled) for x in f.items) if f.items else "false"
    if isinstance(f, s.Implies):
        return f"{_paren(f.left, puzzle, spelled)} implies {_paren(f.right, puzzle, spelled)}"
    if isinstance(f, s.Iff):
        return f"{_paren(f.left, puzzle, spelled)} iff {_paren(f.right, puzzle, spelled)}"
    if isinstance(f, s.Knows):
        who = _group(f, puzzle)
        if f.mode == "value":
            body = f.body
            named = spelled.get(body) if spelled else None
            if named is None:
                named = _tuple_name(body, puzzle)
            if named is not None:
                return f"{who} knows {named}"
            inner = term_source(body[0], puzzle, spelled) if len(body) == 1 else "(" + ", ".join(term_source(t, puzzle, spelled) for t in body) + ")"
            return f"{who} knows {inner}"
        verb = "knows whether" if f.mode == "whether" else "knows that"
        return f"{who} {verb} {_paren(f.body, puzzle, spelled)}"
    if isinstance(f, s.Possible):
        return f"{f.agent} considers possible {_paren(f.body, puzzle, spelled)}"
    if isinstance(f, s.Past):
        if f.back is None:
            return f"initially {_paren(f.body, puzzle, spelled)}"
        text = _paren(f.body, puzzle, spelled)
        for _ in range(f.back):
            text = f"before {text}" if text.startswith("(") else f"before ({text})"
        return text
    if isinstance(f, s.Announce):
        return f"[! {formula_source(f.announcement, puzzle, spelled)}] {_paren(f.body, puzzle, spelled)}"
    raise TypeError(f)


def _group(f: s.Knows, puzzle) -> str:
    if f.kind == "agent":
        return f.agents[0]
    if puzzle is not None and set(f.agents) == {a.name for a in puzzle.agents}:
        return f.kind
    return f"{f.kind} {{{', '.join(f.agents)}}}"


def _tuple_name(terms, puzzle) -> str | None:
    if puzzle is None:
        return None
    names = tuple(t.name for t in terms if isinstance(t, s.Var))
    for name, cols in puzzle.names:
        if cols == names and len(names) == len(terms):
            return name
    return None


def _paren(f: s.Formula, puzzle, spelled=None) -> str:
    text = formula_source(f, puzzle, spelled)
    if spelled and f in spelled:
        return f"({text})"
    simple = isinstance(f, (s.Bool, s.Compare, s.Member)) or (isinstance(f, s.Knows) and f.mode == "value")
    return text if simple else f"({text})"
