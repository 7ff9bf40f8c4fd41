"""Z3 expressions for the knowledge-free part of the language: terms, arithmetic, comparisons.

The Z3 engine extends StaticEncoder with knowledge; Z3 world enumeration uses it directly, so the
world layer never imports an engine. Thin constructors over Z3's C API keep large encodings fast.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import z3
from z3 import z3core as C

from ..language import syntax as s
from .space import WorldSpace

# Thin constructors over Z3's C API: the same terms as z3.And & co., without the Python-side
# coercions that dominate the time of large encodings.
_CTX = z3.main_ctx()


def _ast_array(xs: list):
    return (z3.Ast * len(xs))(*[x.as_ast() for x in xs])


def AND(xs: list) -> z3.BoolRef:
    if not xs:
        return z3.BoolVal(True)
    if len(xs) == 1:
        return xs[0]
    return z3.BoolRef(C.Z3_mk_and(_CTX.ref(), len(xs), _ast_array(xs)), _CTX)


def OR(xs: list) -> z3.BoolRef:
    if not xs:
        return z3.BoolVal(False)
    if len(xs) == 1:
        return xs[0]
    return z3.BoolRef(C.Z3_mk_or(_CTX.ref(), len(xs), _ast_array(xs)), _CTX)


def NOT(x) -> z3.BoolRef:
    return z3.BoolRef(C.Z3_mk_not(_CTX.ref(), x.as_ast()), _CTX)


def IMPLIES(a, b) -> z3.BoolRef:
    return z3.BoolRef(C.Z3_mk_implies(_CTX.ref(), a.as_ast(), b.as_ast()), _CTX)


def IFF(a, b) -> z3.BoolRef:
    return z3.BoolRef(C.Z3_mk_eq(_CTX.ref(), a.as_ast(), b.as_ast()), _CTX)


_BOOL_SORT = z3.BoolSort()


def FRESH(prefix: str) -> z3.BoolRef:
    return z3.BoolRef(C.Z3_mk_fresh_const(_CTX.ref(), prefix, _BOOL_SORT.ast), _CTX)


def _int(ast) -> z3.ArithRef:
    return z3.ArithRef(ast, _CTX)


def _bool(ast) -> z3.BoolRef:
    return z3.BoolRef(ast, _CTX)


def _nary(fn, a, b):
    return fn(_CTX.ref(), 2, _ast_array([a, b]))


def EQ(a, b) -> z3.BoolRef:
    return _bool(C.Z3_mk_eq(_CTX.ref(), a.as_ast(), b.as_ast()))


def _neg(a) -> z3.ArithRef:
    return _int(C.Z3_mk_unary_minus(_CTX.ref(), a.as_ast()))


def _ite(c, a, b) -> z3.ArithRef:
    return _int(C.Z3_mk_ite(_CTX.ref(), c.as_ast(), a.as_ast(), b.as_ast()))


_ZERO = z3.IntVal(0)


def floor_div(a: z3.ArithRef, b: z3.ArithRef) -> z3.ArithRef:
    """arith.py's division: floor, and x / 0 = 0 (Z3's own `div` is Euclidean)."""
    euclid = _int(C.Z3_mk_div(_CTX.ref(), a.as_ast(), b.as_ast()))
    minus_a, minus_b = _neg(a), _neg(b)  # held: an unreferenced wrapper frees its AST
    flipped = _int(C.Z3_mk_div(_CTX.ref(), minus_a.as_ast(), minus_b.as_ast()))
    positive = _bool(C.Z3_mk_gt(_CTX.ref(), b.as_ast(), _ZERO.as_ast()))
    return _ite(EQ(b, _ZERO), _ZERO, _ite(positive, euclid, flipped))


def floor_mod(a: z3.ArithRef, b: z3.ArithRef) -> z3.ArithRef:
    """arith.py's modulo: the sign of the divisor, and x mod 0 = 0."""
    rest = _int(_nary(C.Z3_mk_sub, a, _int(_nary(C.Z3_mk_mul, b, floor_div(a, b)))))
    return _ite(EQ(b, _ZERO), _ZERO, rest)


def z3_arith(op: str, a: z3.ArithRef, b: z3.ArithRef) -> z3.ArithRef:
    if op == "+":
        return _int(_nary(C.Z3_mk_add, a, b))
    if op == "-":
        return _int(_nary(C.Z3_mk_sub, a, b))
    if op == "*":
        return _int(_nary(C.Z3_mk_mul, a, b))
    if op == "/":
        return floor_div(a, b)
    if op == "mod":
        return floor_mod(a, b)
    raise ValueError(f"unknown operator {op!r}")


_COMPARE = {"<": C.Z3_mk_lt, "<=": C.Z3_mk_le, ">": C.Z3_mk_gt, ">=": C.Z3_mk_ge}


def z3_compare(op: str, a, b) -> z3.BoolRef:
    if op == "=":
        return EQ(a, b)
    if op == "!=":
        return NOT(EQ(a, b))
    if op in _COMPARE:
        return _bool(_COMPARE[op](_CTX.ref(), a.as_ast(), b.as_ast()))
    raise ValueError(f"unknown comparison {op!r}")


def is_constant(e) -> bool:
    """A number, true or false (what Z3 has finished computing)."""
    ast = e.as_ast()
    kind = C.Z3_get_ast_kind(_CTX.ref(), ast)
    if kind == z3.Z3_NUMERAL_AST:
        return True
    return kind == z3.Z3_APP_AST and C.Z3_get_bool_value(_CTX.ref(), ast) != z3.Z3_L_UNDEF


def simplify_like(e):
    """z3.simplify without the Python-side dispatch (keeps e's class)."""
    return type(e)(C.Z3_simplify(_CTX.ref(), e.as_ast()), _CTX)


def ground_int(e: z3.ArithRef) -> int | None:
    """The integer a ground Z3 term simplifies to, or None if it is not ground."""
    if C.Z3_get_ast_kind(_CTX.ref(), e.as_ast()) != z3.Z3_NUMERAL_AST:
        e = simplify_like(e)
        if C.Z3_get_ast_kind(_CTX.ref(), e.as_ast()) != z3.Z3_NUMERAL_AST:
            return None
    return int(C.Z3_get_numeral_string(_CTX.ref(), e.as_ast()))


@dataclass(eq=False)
class Frame:
    """One model: candidate worlds (sorted indices into the space) and whether each is alive.

    `alive` is None when every candidate is alive (a concrete model), else one Z3 Bool per world.
    """

    worlds: np.ndarray
    alive: list | None = None
    groups: dict = field(default_factory=dict)

    def alive_at(self, p: int):
        return z3.BoolVal(True) if self.alive is None else self.alive[p]


class StaticEncoder:
    """Builds Z3 expressions for terms and knowledge-free formulas over frames, collecting definitions.

    Modal nodes go to `modal`, which the Z3 engine's Encoder defines.
    """

    def __init__(self, space: WorldSpace, columns: dict[str, list] | None = None):
        """columns: Z3 terms per variable and world; default the space's worlds as Z3 numbers."""
        self.space = space
        self.defs: list[z3.BoolRef] = []
        self.counter = itertools.count()
        self._ints: dict[str, list] = columns if columns is not None else space.cache.setdefault("z3-columns", {})
        self._terms: dict[tuple, list] = {}
        self._grounds: dict[int, tuple[list, list]] = {}

    # ---------------------------------------------------------------- basics

    def fresh(self, prefix: str) -> z3.BoolRef:
        return FRESH(prefix)

    def define(self, prefix: str, expr) -> z3.BoolRef:
        """A fresh Bool b with the definition b == expr (keeps every assertion small)."""
        b = self.fresh(prefix)
        self.defs.append(IFF(b, expr))
        return b

    def column(self, name: str) -> list:
        if name not in self._ints:
            self._ints[name] = [z3.IntVal(int(v)) for v in self.space.columns[name]]
        return self._ints[name]

    def top_frames(self, history: Sequence[np.ndarray]) -> tuple[Frame, ...]:
        """Concrete frames from a history of masks (each stage's surviving worlds)."""
        return tuple(Frame(np.flatnonzero(mask)) for mask in history)

    # ---------------------------------------------------------------- terms

    def term(self, t: s.Term, frames: tuple[Frame, ...]) -> list:
        if s.is_static_term(t):
            key = (t, id(frames[-1].worlds))
            if key not in self._terms:
                self._terms[key] = (self._term(t, frames), frames[-1].worlds)
            return self._terms[key][0]
        return self._term(t, frames)

    def grounds(self, values: list) -> list:
        """ground_int of each element (cached per list of terms)."""
        key = id(values)
        if key not in self._grounds:
            self._grounds[key] = (values, [ground_int(v) for v in values])
        return self._grounds[key][1]

    def _term(self, t: s.Term, frames: tuple[Frame, ...]) -> list:
        frame = frames[-1]
        if isinstance(t, s.Var):
            col = self.column(t.name)
            return [col[w] for w in frame.worlds.tolist()]
        if isinstance(t, s.Const):
            return [z3.IntVal(t.value)] * len(frame.worlds)
        if isinstance(t, s.Arith):
            left, right = self.term(t.left, frames), self.term(t.right, frames)
            return [_simplify_if_ground(z3_arith(t.op, a, b), a, b) for a, b in zip(left, right)]
        if isinstance(t, s.Neg):
            return [_simplify_if_ground(_neg(a), a) for a in self.term(t.term, frames)]
        if isinstance(t, s.Count):
            parts = [self.formula(f, frames) for f in t.formulas]
            return [z3.Sum([z3.If(b, 1, 0) for b in bs]) for bs in zip(*parts)]
        raise TypeError(f"not a term: {t!r}")

    # ---------------------------------------------------------------- formulas

    def formula(self, f: s.Formula, frames: tuple[Frame, ...]) -> list:
        frame = frames[-1]
        n = len(frame.worlds)
        if isinstance(f, s.Bool):
            return [z3.BoolVal(f.value)] * n
        if isinstance(f, s.Compare):
            left, right = self.term(f.left, frames), self.term(f.right, frames)
            return [_simplify_if_ground(z3_compare(f.op, a, b), a, b) for a, b in zip(left, right)]
        if isinstance(f, s.Member):
            values = [z3.IntVal(v) for v in f.values]
            return [_simplify_if_ground(OR([EQ(a, v) for v in values]), a) for a in self.term(f.term, frames)]
        if isinstance(f, s.Not):
            return [NOT(b) for b in self.formula(f.body, frames)]
        if isinstance(f, (s.And, s.Or)):
            if not f.items:
                return [z3.BoolVal(isinstance(f, s.And))] * n
            parts = [self.formula(item, frames) for item in f.items]
            op = AND if isinstance(f, s.And) else OR
            return [op(list(bs)) for bs in zip(*parts)]
        if isinstance(f, s.Implies):
            return [IMPLIES(a, b) for a, b in zip(self.formula(f.left, frames), self.formula(f.right, frames))]
        if isinstance(f, s.Iff):
            return [IFF(a, b) for a, b in zip(self.formula(f.left, frames), self.formula(f.right, frames))]
        return self.modal(f, frames)

    def modal(self, f: s.Formula, frames: tuple[Frame, ...]) -> list:
        raise TypeError(f"not a knowledge-free formula: {f!r}")


def _simplify_if_ground(e, *inputs):
    """Let Z3 compute e when its inputs are numbers (so terms stay small)."""
    if all(is_constant(x) for x in inputs):
        return simplify_like(e)
    return e
