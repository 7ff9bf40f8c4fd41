"""Formula keys: a formula written as nested tuples of names and numbers.

Equal keys exactly when the formulas are equal, and a flat tuple hashes far faster than a tree of
frozen dataclasses. The extractor (claims.py) writes keys directly, the judge caches verdicts by key.
This module depends only on the syntax tree, so the lexicon and the records can both use it.
"""
from __future__ import annotations

import dataclasses

from ..language import syntax as s

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


def key_vars(key) -> set:
    """The variables (`("Var", name)`) a formula key names, at any depth."""
    if not isinstance(key, tuple):
        return set()
    if len(key) == 2 and key[0] == "Var":
        return {key}
    return set().union(*(key_vars(k) for k in key))


def knower(key) -> str | None:
    """The agent of a key's outermost knowledge, through `not` and `before` ("P knew S didn't know": P)."""
    if not isinstance(key, tuple) or not key:
        return None
    if key[0] == "Knows" and len(key[2]) == 1:
        return key[2][0]
    if key[0] in ("Not", "Past"):
        return knower(key[-1])
    return None


def knows_key(agent: str, mode: str, body) -> tuple:
    """`agent knows that body` (mode "that", body a key) or `agent knows terms` (mode "value", term keys)."""
    return ("Knows", "agent", (agent,), mode, body)




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



def term_of(key: tuple) -> s.Term:
    if key[0] == "Var":
        return s.Var(key[1])
    if key[0] == "Const":
        return s.Const(key[1])
    if key[0] == "Arith":
        return s.Arith(key[1], term_of(key[2]), term_of(key[3]))
    if key[0] == "Neg":
        return s.Neg(term_of(key[1]))
    if key[0] == "Count" and all(k[0] == "Compare" for k in key[1]):  # count(blue[i] for i in 1..n): how many hold
        return s.Count(tuple(s.Compare(k[1], term_of(k[2]), term_of(k[3])) for k in key[1]))
    raise ValueError(f"no term for key {key!r}")
