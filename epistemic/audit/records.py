"""Claims as compact records: hashable formula keys made straight from tokens, formulas built on demand.

A formula key is a formula written as nested tuples of names and numbers (`formula_key`): equal keys
exactly when the formulas are equal, and a flat tuple hashes far faster than a tree of frozen
dataclasses. The extractor (claims.py) writes keys directly, the judge caches verdicts by key, and a
`Claim` with its formula objects is only built (`ClaimRecord.claim`) when a verdict is not cached yet
or when someone reads the claim.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import NamedTuple

from ..language import syntax as s
from .lexicon import Lexicon


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a step: a formula that must hold in every remaining world, and
    witnesses that must each hold in some remaining world (for exact candidate sets)."""

    kind: str
    formula: s.Formula
    witnesses: tuple[s.Formula, ...] = ()
    text: str = ""
    start: int = 0
    end: int = 0
    past: bool = False
    answer: tuple[tuple[int, ...], ...] | None = None


# A claim's key: (formula key, witness keys, past). Equal keys mean equal verdicts.
ClaimKey = tuple


class ClaimRecord(NamedTuple):
    """A claim as the extractor emits it (a tuple: made by the hundred per trace, hashed, moved)."""

    kind: str
    key: ClaimKey
    text: str
    start: int
    end: int
    answer: tuple[tuple[int, ...], ...] | None = None
    made: Claim | None = None  # a claim parsed from an inline formula (its formula has no key builder)

    @property
    def past(self) -> bool:
        return self.key[2]

    def claim(self, lex: Lexicon) -> Claim:
        """The full claim, formulas included (built from the key, equal to what the key was made from)."""
        if self.made is not None:
            formula, witnesses = self.made.formula, self.made.witnesses
        else:
            formula = formula_of(lex, self.key[0])
            witnesses = tuple(formula_of(lex, w) for w in self.key[1])
        return Claim(self.kind, formula, witnesses, self.text, self.start, self.end, self.key[2], self.answer)


def record(kind: str, fkey: tuple, wkeys: tuple, text: str, start: int, end: int, past: bool,
           answer=None) -> ClaimRecord:
    return ClaimRecord(kind, (fkey, wkeys, past), text, start, end, answer)


def moved(r: ClaimRecord, offset: int) -> ClaimRecord:
    """The record with its span shifted by `offset` (records are memoised per sentence, spans per step)."""
    if offset == 0:
        return r
    return tuple.__new__(ClaimRecord, (r[0], r[1], r[2], r[3] + offset, r[4] + offset, r[5], r[6]))


# ---------------------------------------------------------------- keys written directly


def value_key(var: str, code: int) -> tuple:
    """The key of `var = code`."""
    return ("Compare", "=", ("Var", var), ("Const", code))


def set_key(var: str, codes: list[int]) -> tuple:
    """The key of `var = c` (one code) or `var in {codes}` (sorted)."""
    if len(codes) == 1:
        return value_key(var, codes[0])
    return ("Member", ("Var", var), tuple(sorted(codes)))


def junction_key(head: str, keys: list[tuple]) -> tuple:
    """`a or b ...` / `a and b ...` of several keys, or the key itself when there is one."""
    return keys[0] if len(keys) == 1 else (head, tuple(keys))


def not_key(key: tuple) -> tuple:
    return ("Not", key)


def implies_key(a: tuple, b: tuple) -> tuple:
    return ("Implies", a, b)


def knows_key(agent: str, mode: str, body) -> tuple:
    """`agent knows that body` (mode "that", body a key) or `agent knows terms` (mode "value", term keys)."""
    return ("Knows", "agent", (agent,), mode, body)


# ---------------------------------------------------------------- keys of formulas, and formulas of keys


_FIELDS: dict[type, tuple[str, ...]] = {}


def formula_key(x) -> object:
    """A formula (or term, or tuple of them) as nested tuples: equal keys exactly when the formulas are equal."""
    t = type(x)
    if t is s.Compare:  # the common shapes first, without reflection (same keys as the general case)
        left, right = x.left, x.right
        return ("Compare", x.op, ("Var", left.name) if type(left) is s.Var else formula_key(left),
                ("Const", right.value) if type(right) is s.Const else formula_key(right))
    if t is s.And or t is s.Or:
        return (t.__name__, tuple([formula_key(y) for y in x.items]))
    if t is s.Not:
        return ("Not", formula_key(x.body))
    if t is s.Implies:
        return ("Implies", formula_key(x.left), formula_key(x.right))
    if t is s.Member and type(x.term) is s.Var and all(type(v) is int for v in x.values):
        return ("Member", ("Var", x.term.name), x.values)
    if t is s.Knows and all(type(a) is str for a in x.agents):
        return ("Knows", x.kind, x.agents, x.mode, formula_key(x.body))
    if t is s.Var:
        return ("Var", x.name)
    if t is int or t is str:
        return x
    if t is tuple:
        return tuple([formula_key(y) for y in x])
    names = _FIELDS.get(t)
    if names is None:
        if not dataclasses.is_dataclass(t):
            return x
        names = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(t))
    if t is s.Const:
        return ("Const", x.value)
    return (t.__name__, *[formula_key(getattr(x, n)) for n in names])


def claim_key(c: Claim) -> ClaimKey:
    return (formula_key(c.formula), formula_key(c.witnesses) if c.witnesses else (), c.past)


def formula_of(lex: Lexicon, key: tuple) -> s.Formula:
    """The formula of a key written by the extractor (the inverse of `formula_key` on those shapes)."""
    head = key[0]
    if head == "Compare":
        return s.Compare(key[1], term_of(key[2]), term_of(key[3]))
    if head == "Member":
        return s.Member(term_of(key[1]), key[2])
    if head == "And":
        return s.And(tuple(formula_of(lex, k) for k in key[1]))
    if head == "Or":
        return s.Or(tuple(formula_of(lex, k) for k in key[1]))
    if head == "Not":
        return s.Not(formula_of(lex, key[1]))
    if head == "Implies":
        return s.Implies(formula_of(lex, key[1]), formula_of(lex, key[2]))
    if head == "Knows":
        kind, agents, mode, body = key[1:]
        if mode == "that":
            return s.Knows(kind, agents, mode, formula_of(lex, body))
        return s.Knows(kind, agents, mode, _terms_of(lex, body))
    raise ValueError(f"no formula for key {key!r}")


def _terms_of(lex: Lexicon, keys: tuple) -> tuple[s.Term, ...]:
    q = lex.puzzle.question
    if q is not None and formula_key(q.terms) == keys:
        return q.terms  # the question's own terms, whatever their shape
    return tuple(term_of(k) for k in keys)


def term_of(key: tuple) -> s.Term:
    if key[0] == "Var":
        return s.Var(key[1])
    if key[0] == "Const":
        return s.Const(key[1])
    if key[0] == "Arith":
        return s.Arith(key[1], term_of(key[2]), term_of(key[3]))
    if key[0] == "Neg":
        return s.Neg(term_of(key[1]))
    raise ValueError(f"no term for key {key!r}")
