"""A direct Z3 certificate for small table puzzles: one SMT-LIB query per puzzle, one Context per run.

Built from the re-parsed puzzle (its syntax tree and world table), never from the screen or the
explicit engine's masks: stage k's survival of world w is `alive_k_w`, defined from stage k-1 by the
announcement's formula; knowledge quantifies over the agent's class (worlds whose observed attributes
are equal in the table); knowing the answer at w means no world of w's class with another answer is
alive. Z3 must find the negation of "the final worlds all have the claimed answer, and some world
has it" unsat. The text leaves out only what is an identity: `true =>` (stage 0's worlds are all alive),
a conjunct repeated, a name for a name; every literal is still evaluated by Z3. Only puzzles whose worlds are exactly the rows of their `worlds` table (no `where`
constraints) are covered; others (ranges with constraints, arithmetic, facts, groups) return None and
go through `epistemic.certify`, which also checks the world enumeration.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..certify.z3_text import Session, Verdict
from ..interrupts import z3_check
from ..language import syntax as s


class Unsupported(Exception):
    """The puzzle uses something the direct encoding does not cover."""


@dataclass
class DirectCertifier:
    """Certifies many puzzles with one Z3 context (create one per generation run, not globally).

    The query text goes to libz3 directly (certify/z3_text.Session: one context, each query between
    push and pop); where that library cannot be used, through the z3 package (`ctx`, made on first use)."""

    timeout_ms: int = 10_000
    ctx: object = field(default=None, repr=False)
    session: Session | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.session is None and self.ctx is None:
            self.session = Session.open(self.timeout_ms)

    def certify(self, solution) -> tuple[bool | None, str, float]:
        """(proved, detail, seconds): True proved, False refuted, None not covered or no answer."""
        return self.certify_many([solution])[0]

    def certify_many(self, solutions: list) -> list[tuple[bool | None, str, float]]:
        """`certify` of each solution, the queries checked by one call to libz3 (Session.check_many: each
        between its own push and pop, the same check as one call each). Where that call fails, each query
        is checked alone as before (the z3 package once the session is retired)."""
        t0 = time.perf_counter()
        queries: list = []
        for solution in solutions:
            try:
                queries.append(query(solution))
            except Unsupported as e:
                queries.append(e)
        texts = [q[0] for q in queries if not isinstance(q, Unsupported)]
        verdicts = self.session.check_many(texts) if self.session is not None and len(texts) > 1 else None
        if verdicts is None:
            verdicts = [self._check_one(text) for text in texts]
        seconds = (time.perf_counter() - t0) / max(1, len(solutions))  # the call's time, shared
        out = []
        found = iter(verdicts)
        for solution, q in zip(solutions, queries):
            if isinstance(q, Unsupported):
                out.append((None, f"not covered by the direct encoding ({q})", seconds))
            else:
                out.append(self._outcome(solution, q[1], next(found), seconds))
        return out

    def _check_one(self, text: str) -> Verdict:
        """Z3's verdict on one query: the libz3 session, else (no library, or retired) the z3 package."""
        verdict = self.session.check(text) if self.session is not None else None
        return verdict if verdict is not None else Verdict(*self._check_with_package(text))

    @staticmethod
    def _outcome(solution, claim: str, verdict: Verdict, seconds: float) -> tuple[bool | None, str, float]:
        result, reason = verdict.result, verdict.reason
        n, k = solution.space.size, len(solution.puzzle.announcements)
        where = f"direct encoding, {n} worlds, {k} announcements"
        if result == "unsat":
            return True, f"Z3 proved: {claim} (negation unsat; {where})", seconds
        if result == "sat":
            return False, f"Z3 refuted: {claim} ({where})", seconds
        return None, f"Z3 unknown ({reason}; {where})", seconds

    def _check_with_package(self, text: str) -> tuple[str, str]:
        """The same check through the z3 package's solver (when libz3 cannot be called directly)."""
        import z3

        if self.ctx is None:
            self.ctx = z3.Context()
        solver = z3.SimpleSolver(ctx=self.ctx)
        solver.set("timeout", self.timeout_ms)
        solver.from_string(text)
        result = z3_check(solver)
        if result == z3.unsat:
            return "unsat", ""
        if result == z3.sat:
            return "sat", ""
        return "unknown", solver.reason_unknown()


def query(solution) -> tuple[str, str]:
    """The SMT-LIB text whose unsatisfiability proves the solution's unique answer, and the claim."""
    puzzle, space = solution.puzzle, solution.space
    if puzzle.question is None or len(solution.answer) != 1:
        raise Unsupported("the explicit solve has no single answer to prove")
    if puzzle.constraints or sorted(puzzle.table_columns) != sorted(v.name for v in puzzle.variables):
        raise Unsupported("the worlds are not exactly a table")
    listed = set(zip(*([int(x) for x in space.columns[c]] for c in puzzle.table_columns)))
    if listed != set(puzzle.table_rows) or len(listed) != space.size:
        raise Unsupported("the world space is not the table's rows")
    q = _var_names(puzzle.question.terms)
    return _Writer(puzzle, space).query(q, solution.answer[0]), _claim(solution)


def _claim(solution) -> str:
    return f"{solution.puzzle.question.source} = {solution.answer_text()[0]}"


def _var_names(terms) -> tuple[str, ...]:
    if not all(isinstance(t, s.Var) for t in terms):
        raise Unsupported("a term that is not a plain variable")
    return tuple(t.name for t in terms)


class _Writer:
    """SMT-LIB text for one puzzle: one assertion, the definitions as nested lets around the negated claim."""

    def __init__(self, puzzle: s.Puzzle, space):
        self.puzzle, self.n = puzzle, space.size
        self.names = [v.name for v in puzzle.variables]
        self.cols = {name: [int(x) for x in space.columns[name]] for name in self.names}
        self.out: list[tuple[str, str]] = []  # (name, definition), in order
        self.classes: dict[str, list[list[int]]] = {}
        self.memo: dict[tuple, list[str]] = {}
        self.named: dict[str, str] = {}
        self.rival_cache: dict[tuple, list[list[int]]] = {}
        self.counter = 0

    def class_of(self, agent: str) -> list[list[int]]:
        """Each world's class (all worlds with equal observed attributes), computed from the table."""
        if agent not in self.classes:
            observed = _var_names(self.puzzle.agent(agent).observes)
            groups: dict[tuple, list[int]] = {}
            keys = [tuple(self.cols[v][w] for v in observed) for w in range(self.n)]
            for w, key in enumerate(keys):
                groups.setdefault(key, []).append(w)
            self.classes[agent] = [groups[key] for key in keys]
        return self.classes[agent]

    def define(self, expr: str) -> str:
        """A let-bound name for expr (atoms stay inline; equal definitions share one name)."""
        if " " not in expr:
            return expr
        if expr not in self.named:
            self.counter += 1
            self.named[expr] = f"d{self.counter}"
            self.out.append((self.named[expr], expr))
        return self.named[expr]

    def rivals(self, agent: str, names: tuple[str, ...]) -> list[list[int]]:
        """Per world w: the worlds of w's class whose answer (values of `names`) differs from w's."""
        key = (agent, names)
        if key not in self.rival_cache:
            cls = self.class_of(agent)
            values = list(zip(*(self.cols[x] for x in names)))
            self.rival_cache[key] = [[v for v in cls[w] if values[v] != values[w]] for w in range(self.n)]
        return self.rival_cache[key]

    def formula(self, f, stages: tuple[list[str], ...]) -> list[str]:
        """Per world, the formula's value at the last of `stages` (alive literals per world)."""
        key = (id(f), len(stages))
        if key not in self.memo:
            self.memo[key] = self._formula(f, stages)
        return self.memo[key]

    def _formula(self, f, stages: tuple[list[str], ...]) -> list[str]:
        n = self.n
        if isinstance(f, s.Bool):
            return ["true" if f.value else "false"] * n
        if isinstance(f, s.Not):
            return [f"(not {x})" for x in self.formula(f.body, stages)]
        if isinstance(f, (s.And, s.Or)):
            parts = [self.formula(x, stages) for x in f.items]
            op = "and" if isinstance(f, s.And) else "or"
            return [f"({op} {' '.join(p[w] for p in parts)})" if parts else ("true" if op == "and" else "false")
                    for w in range(n)]
        if isinstance(f, (s.Implies, s.Iff)):
            a, b = self.formula(f.left, stages), self.formula(f.right, stages)
            op = "=>" if isinstance(f, s.Implies) else "="
            return [f"({op} {x} {y})" for x, y in zip(a, b)]
        if isinstance(f, s.Past):
            earlier = stages[:1] if f.back is None else stages[: max(1, len(stages) - f.back)]
            return self.formula(f.body, earlier)
        if isinstance(f, s.Knows):
            return self.knows(f, stages)
        raise Unsupported(type(f).__name__)

    def knows(self, f: s.Knows, stages: tuple[list[str], ...]) -> list[str]:
        if f.kind != "agent" or len(f.agents) != 1:
            raise Unsupported(f"{f.kind} knowledge")
        alive, cls = stages[-1], self.class_of(f.agents[0])
        if f.mode == "value":
            rivals = self.rivals(f.agents[0], _var_names(f.body))
            return [self.define(_and([f"(not {alive[v]})" for v in rivals[w]])) for w in range(self.n)]
        body = self.formula(f.body, stages)
        per_class: dict[int, str] = {}
        out = []
        for w in range(self.n):
            first = cls[w][0]
            if first not in per_class:
                if f.mode == "that":
                    per_class[first] = self.define(_and([_implies(alive[v], body[v]) for v in cls[w]]))
                elif f.mode == "whether":
                    yes = _and([_implies(alive[v], body[v]) for v in cls[w]])
                    no = _and([_implies(alive[v], f"(not {body[v]})") for v in cls[w]])
                    per_class[first] = self.define(f"(or {yes} {no})")
                else:
                    raise Unsupported(f"knowing {f.mode}")
            out.append(per_class[first])
        return out

    def query(self, question: tuple[str, ...], answer: tuple[int, ...]) -> str:
        stages: tuple[list[str], ...] = (["true"] * self.n,)
        for k, ann in enumerate(self.puzzle.announcements, start=1):
            content = self.formula(ann.content, stages)
            alive = []
            for w in range(self.n):
                expr = content[w] if stages[-1][w] == "true" else f"(and {stages[-1][w]} {content[w]})"
                if " " not in expr:  # an atom (a defined name, a literal): not renamed
                    alive.append(expr)
                    continue
                name = f"alive_{k}_{w}"
                self.out.append((name, expr))
                alive.append(name)
            stages = stages + (alive,)
        final = stages[-1]
        has = [all(self.cols[x][w] == v for x, v in zip(question, answer)) for w in range(self.n)]
        other = " ".join(final[w] for w in range(self.n) if not has[w])
        some = " ".join(final[w] for w in range(self.n) if has[w])
        claim = f"(or false {other} (not (or false {some})))"
        lets = "".join(f"(let (({name} {expr}))\n" for name, expr in self.out)
        return f"(assert {lets}{claim}{')' * len(self.out)})"


def _implies(a: str, b: str) -> str:
    """(=> a b), written as b when a is the literal true (stage 0's worlds): an identity, not an evaluation.
    Z3 still evaluates every literal of the query, e.g. the `(not true)` of a rival alive at stage 0."""
    return b if a == "true" else f"(=> {a} {b})"


def _and(parts: list[str]) -> str:
    """The conjunction, each distinct part once (x and x is x: the worlds of a class often give one part)."""
    if len(parts) > 1:
        parts = list(dict.fromkeys(parts))
    if not parts:
        return "true"
    return parts[0] if len(parts) == 1 else f"(and {' '.join(parts)})"


