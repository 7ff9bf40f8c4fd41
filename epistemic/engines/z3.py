"""The Z3 engine: a puzzle's models and formulas as an SMT problem, solved by Z3.

Every world is a row of Z3 integer constants; terms are Z3 integer expressions over them (Z3
computes the arithmetic); each model (stage) is one Z3 Boolean per world; each knowledge operator
is one fresh Boolean per class of the agent, defined as the conjunction over the class's members.
Common knowledge under a symbolic model is a least fixpoint, pinned down by integer ranks.
Nothing here calls the explicit engine: the two are cross-checked in tests.
"""
from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import z3
from z3 import z3core as C

from ..errors import EpistemicError
from ..language import syntax as s
from ..model import WorldSpace


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


class Encoder:
    """Builds Z3 expressions for terms and formulas over frames, collecting definitions."""

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

    # ---------------------------------------------------------------- classes

    def observation(self, agent: str) -> list[tuple[int, ...]]:
        """Each world's observation by `agent`, computed by Z3 from the observed terms (cached)."""
        key = ("z3-observation", agent)
        cache = self.space.cache
        if key not in cache:
            frame = Frame(np.arange(self.space.size))
            terms = self.space.puzzle.agent(agent).observes
            per_term = []
            for t in terms:
                values = [ground_int(e) for e in self.term(t, (frame,))]
                if any(v is None for v in values):
                    raise EpistemicError(f"agent {agent} observes a term that is not determined by the world")
                per_term.append(values)
            cache[key] = list(zip(*per_term)) if per_term else [()] * self.space.size
        return cache[key]

    def groups(self, frame: Frame, agents: tuple[str, ...]) -> list[list[int]]:
        """The classes (lists of positions in the frame) of the agents' joint observation."""
        key = tuple(sorted(agents))
        if key not in frame.groups:
            obs = [self.observation(a) for a in key]
            by_key: dict[tuple, list[int]] = {}
            for p, w in enumerate(frame.worlds.tolist()):
                by_key.setdefault(tuple(o[w] for o in obs), []).append(p)
            frame.groups[key] = list(by_key.values())
        return frame.groups[key]

    # ---------------------------------------------------------------- terms

    def term(self, t: s.Term, frames: tuple[Frame, ...]) -> list:
        if _static_term(t):
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
        if isinstance(f, s.Knows):
            return self.knows(f, frames)
        if isinstance(f, s.Possible):
            phi = self.formula(f.body, frames)
            return self.per_class(frame, self.groups(frame, (f.agent,)), "possible",
                                  lambda members: OR([self._alive_and(frame, p, phi[p]) for p in members]))
        if isinstance(f, s.Past):
            earlier = frames[:1] if f.back is None else frames[: max(1, len(frames) - f.back)]
            values = self.formula(f.body, earlier)
            then = earlier[-1]
            if then is frame:
                return values
            where = np.searchsorted(then.worlds, frame.worlds)
            return [values[i] for i in where.tolist()]
        if isinstance(f, s.Announce):
            keep = self.formula(f.announcement, frames)
            alive = [self.define("alive", keep[p] if frame.alive is None else AND([frame.alive[p], keep[p]])) for p in range(n)]
            after = Frame(frame.worlds, alive, frame.groups)
            body = self.formula(f.body, frames + (after,))
            return [IMPLIES(k, b) for k, b in zip(keep, body)]
        raise TypeError(f"not a formula: {f!r}")

    def _alive_and(self, frame: Frame, p: int, phi):
        return phi if frame.alive is None else AND([frame.alive[p], phi])

    def _alive_implies(self, frame: Frame, p: int, phi):
        return phi if frame.alive is None else IMPLIES(frame.alive[p], phi)

    def per_class(self, frame: Frame, groups: list[list[int]], prefix: str, make) -> list:
        """One fresh Bool per class, defined by make(members); each world gets its class's Bool."""
        out = [None] * len(frame.worlds)
        for members in groups:
            b = self.define(prefix, make(members))
            for p in members:
                out[p] = b
        return out

    def knows(self, f: s.Knows, frames: tuple[Frame, ...]) -> list:
        frame = frames[-1]
        if f.kind == "everyone":
            parts = [self.knows(s.Knows("agent", (a,), f.mode, f.body), frames) for a in f.agents]
            return [AND(list(bs)) for bs in zip(*parts)]
        if f.kind == "common":
            return self.common(f, frames)
        if f.kind not in ("agent", "distributed"):
            raise ValueError(f"unknown group kind {f.kind!r}")
        groups = self.groups(frame, f.agents)
        if f.mode == "that":
            phi = self.formula(f.body, frames)
            return self.per_class(frame, groups, "knows", lambda m: self._all(frame, m, phi))
        if f.mode == "whether":
            phi = self.formula(f.body, frames)
            neg = [NOT(b) for b in phi]
            return self.per_class(frame, groups, "knows_whether",
                                  lambda m: OR([self._all(frame, m, phi), self._all(frame, m, neg)]))
        values = [self.term(t, frames) for t in f.body]
        return self.per_class(frame, groups, "knows_value", lambda m: self._one_value(frame, m, values))

    def _all(self, frame: Frame, members: list[int], phi: list):
        return AND([self._alive_implies(frame, p, phi[p]) for p in members])

    def _one_value(self, frame: Frame, members: list[int], values: list[list]):
        """The terms take one value over the class's live members."""
        per_term = [self.grounds(v) for v in values]
        grounds = [tuple(g[p] for g in per_term) for p in members]
        if all(None not in g for g in grounds):
            by_value: dict[tuple, list[int]] = {}
            for p, g in zip(members, grounds):
                by_value.setdefault(g, []).append(p)
            if len(by_value) == 1:
                return z3.BoolVal(True)
            present = [OR([frame.alive_at(p) for p in ps]) for ps in by_value.values()]
            return z3.AtMost(*present, 1)
        pairs = []
        for i, p in enumerate(members):
            for q in members[i + 1:]:
                differ = z3.Or([v[p] != v[q] for v in values])
                pairs.append(z3.Not(z3.And(frame.alive_at(p), frame.alive_at(q), differ)))
        return z3.And(pairs) if pairs else z3.BoolVal(True)

    def common(self, f: s.Knows, frames: tuple[Frame, ...]) -> list:
        """C_G: the body holds on every live world reachable through G's classes."""
        frame = frames[-1]
        if f.mode == "that":
            bodies = [self.formula(f.body, frames)]
        elif f.mode == "whether":
            phi = self.formula(f.body, frames)
            bodies = [phi, [NOT(b) for b in phi]]
        else:
            return self.common_value(f, frames)
        if frame.alive is None:
            comps = self.components(frame, f.agents)
            parts = [self.per_class(frame, comps, "common", lambda m, phi=phi: self._all(frame, m, phi)) for phi in bodies]
        else:
            parts = [[NOT(r) for r in self.reaches(frame, f.agents, phi)] for phi in bodies]
        return [OR(list(bs)) for bs in zip(*parts)]

    def common_value(self, f: s.Knows, frames: tuple[Frame, ...]) -> list:
        """C_G knows a value: the terms take one value over the live component."""
        frame = frames[-1]
        values = [self.term(t, frames) for t in f.body]
        if frame.alive is None:
            return self.per_class(frame, self.components(frame, f.agents), "common_value",
                                  lambda m: self._one_value(frame, m, values))
        n = len(frame.worlds)
        per_term = [self.grounds(v) for v in values]
        grounds = [tuple(g[p] for g in per_term) for p in range(n)]
        if all(None not in g for g in grounds):
            # one reachability per value present: "the terms equal d" must hold all over the component
            reach_for = {}
            for d in dict.fromkeys(grounds):
                reach_for[d] = self.reaches(frame, f.agents, [z3.BoolVal(g == d) for g in grounds])
            return [z3.Not(reach_for[g][p]) for p, g in enumerate(grounds)]
        out = []
        for p in range(n):
            same = [z3.And([v[q] == v[p] for v in values]) for q in range(n)]
            out.append(z3.Not(self.reaches(frame, f.agents, same)[p]))
        return out

    def components(self, frame: Frame, agents: tuple[str, ...]) -> list[list[int]]:
        """Connected components of the union of the agents' classes (a concrete model): union-find."""
        parent = list(range(len(frame.worlds)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a in agents:
            for members in self.groups(frame, (a,)):
                root = find(members[0])
                for p in members[1:]:
                    other = find(p)
                    if other != root:
                        parent[other] = root
        comps: dict[int, list[int]] = {}
        for p in range(len(frame.worlds)):
            comps.setdefault(find(p), []).append(p)
        return list(comps.values())

    def reaches(self, frame: Frame, agents: tuple[str, ...], phi: list) -> list:
        """R[w]: from live w, a live world falsifying phi is reachable through G's classes.

        Least fixpoint: R is closed under the rules, and every R[w] is justified by a strictly
        smaller integer rank, so Z3 cannot make R larger than the reachable set.
        """
        n = len(frame.worlds)
        k = next(self.counter)
        r_world = [z3.Bool(f"reach!{k}!{p}") for p in range(n)]
        rank_world = [z3.Int(f"rank!{k}!{p}") for p in range(n)]
        via: list[list[tuple]] = [[] for _ in range(n)]
        for a in agents:
            for j, members in enumerate(self.groups(frame, (a,))):
                rc = z3.Bool(f"reach!{k}!{a}!{j}")
                rank_c = z3.Int(f"rank!{k}!{a}!{j}")
                for p in members:
                    via[p].append((rc, rank_c))
                    self.defs.append(z3.Implies(r_world[p], rc))
                self.defs.append(z3.Implies(rc, z3.Or([z3.And(r_world[p], rank_world[p] < rank_c) for p in members])))
        for p in range(n):
            alive = frame.alive_at(p)
            bad = z3.And(alive, z3.Not(phi[p]))
            self.defs.append(z3.Implies(r_world[p], alive))
            self.defs.append(z3.Implies(z3.And(alive, z3.Or([bad] + [rc for rc, _ in via[p]])), r_world[p]))
            self.defs.append(z3.Implies(r_world[p], z3.Or([bad] + [z3.And(rc, rc_rank < rank_world[p])
                                                                   for rc, rc_rank in via[p]])))
        return r_world


def _static_term(t: s.Term) -> bool:
    """A term without formulas inside: its values depend only on the worlds, not on the model."""
    if isinstance(t, (s.Var, s.Const)):
        return True
    if isinstance(t, s.Arith):
        return _static_term(t.left) and _static_term(t.right)
    if isinstance(t, s.Neg):
        return _static_term(t.term)
    return False


def _simplify_if_ground(e, *inputs):
    """Let Z3 compute e when its inputs are numbers (so terms stay small)."""
    if all(is_constant(x) for x in inputs):
        return simplify_like(e)
    return e


def solve_values(defs: list, values: list, timeout_ms: int | None = None) -> list[bool]:
    """The truth of each expression in the (unique) model of the definitions."""
    pending = [i for i, v in enumerate(values) if not (z3.is_true(v) or z3.is_false(v))]
    out = [z3.is_true(v) for v in values]
    if not pending:
        return out
    start = time.perf_counter()
    solver = z3.Solver()
    if timeout_ms:
        solver.set("timeout", timeout_ms)
    solver.add(defs)
    result = solver.check()
    if result != z3.sat:
        reason = solver.reason_unknown() if result == z3.unknown else "the definitions are unsatisfiable"
        raise EpistemicError(f"Z3 could not evaluate the formula ({result}: {reason}) after "
                             f"{time.perf_counter() - start:.2f} s", hint="this is not an answer; try the explicit engine")
    model = solver.model()
    for i in pending:
        out[i] = z3.is_true(model.eval(values[i], model_completion=True))
    return out


def symbolic_frames(enc: Encoder, announcements) -> list[Frame]:
    """Stage 0 (every world) and one frame per announcement, each world's membership a Z3 Bool
    defined from the previous stage: alive_k(w) = alive_{k-1}(w) and content_k holds at w."""
    everything = Frame(np.arange(enc.space.size))
    frames = [everything]
    for k, ann in enumerate(announcements, start=1):
        content = enc.formula(ann.content, tuple(frames))
        previous = frames[-1]
        alive = [enc.define(f"stage{k}", AND([previous.alive_at(p), content[p]])) for p in range(enc.space.size)]
        frames.append(Frame(everything.worlds, alive, everything.groups))
    return frames


class Z3Engine:
    """SMT model checker; see Engine in base.py for the contract."""

    name = "z3"

    def __init__(self, timeout_ms: int | None = None):
        self.timeout_ms = timeout_ms

    def evaluate(self, space: WorldSpace, history: Sequence[np.ndarray], formula: s.Formula) -> np.ndarray:
        enc = Encoder(space)
        frames = enc.top_frames(history)
        values = enc.formula(formula, frames)
        truth = solve_values(enc.defs, values, self.timeout_ms)
        out = np.zeros(space.size, dtype=bool)
        out[frames[-1].worlds] = np.array(truth, dtype=bool)
        return out


__all__ = ["Z3Engine", "Encoder", "Frame", "symbolic_frames", "AND", "OR", "NOT", "IMPLIES", "IFF", "EQ", "is_constant", "floor_div", "floor_mod", "z3_arith", "z3_compare", "ground_int",
           "solve_values"]
