"""The certificate's encoding written as SMT-LIB text, parsed by Z3 in one call.

The same encoding as the Z3 engine's (engines/z3.py): one Bool per world and stage, defined from
the previous stage; one Bool per class of an agent for each knowledge operator; "knows the value"
as an at-most-one over the classes' live value groups. Built as text it costs a few microseconds
per definition instead of the tens that Z3's Python objects cost, so Sum and Product's 15,000
definitions take milliseconds. Ground terms (the world's own values under arithmetic) are computed
with language/arith.py's integer semantics in plain Python, never with numpy or the explicit
engine's results. Formulas outside what this module encodes (common knowledge inside a symbolic
model, counts over knowledge) raise Unsupported, and the caller uses the Z3-object encoder.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..language import syntax as s
from ..language.arith import apply_int, compare_int
from ..worlds.components import components

TRUE, FALSE = "true", "false"


class Unsupported(Exception):
    """A formula this text encoder does not handle (the caller falls back to engines/z3.py)."""


def python_ints(column) -> list[int]:
    """A column of world values as Python ints (numpy engines keep arrays, the small engine lists)."""
    return column if isinstance(column, list) else column.tolist()


def world_flags(solution, stage: int) -> list[bool]:
    """Whether each world of the space is in a stage, from the engine's set (a numpy mask or a bitset)."""
    mask = solution.stages[stage].mask
    if isinstance(mask, int):
        return [bool(mask >> p & 1) for p in range(solution.space.size)]
    return [bool(x) for x in mask.tolist()]


def smt_int(v: int) -> str:
    return str(v) if v >= 0 else f"(- {-v})"


def and_(xs) -> str:
    items = []
    for x in xs:
        if x == FALSE:
            return FALSE
        if x != TRUE:
            items.append(x)
    if not items:
        return TRUE
    return items[0] if len(items) == 1 else "(and " + " ".join(items) + ")"


def or_(xs) -> str:
    items = []
    for x in xs:
        if x == TRUE:
            return TRUE
        if x != FALSE:
            items.append(x)
    if not items:
        return FALSE
    return items[0] if len(items) == 1 else "(or " + " ".join(items) + ")"


def and2(a: str, b: str) -> str:
    """and_([a, b]) without building a list (the encoder's most frequent conjunction)."""
    if a == TRUE:
        return b
    if b == TRUE or a == FALSE:
        return a
    return FALSE if b == FALSE else f"(and {a} {b})"


def not_(x: str) -> str:
    return FALSE if x == TRUE else TRUE if x == FALSE else f"(not {x})"


_SMT_OPS = {"=": "=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}


def compare(op: str, a, b) -> str:
    """A comparison of two integers (folded) or SMT-LIB Int expressions."""
    if isinstance(a, int) and isinstance(b, int):
        return TRUE if compare_int(op, a, b) else FALSE
    a, b = (smt_int(x) if isinstance(x, int) else x for x in (a, b))
    return f"(not (= {a} {b}))" if op == "!=" else f"({_SMT_OPS[op]} {a} {b})"


def implies(a: str, b: str) -> str:
    if a == TRUE or b == FALSE:
        return not_(a) if b == FALSE else b
    if a == FALSE or b == TRUE:
        return TRUE
    return f"(or (not {a}) {b})"


def iff(a: str, b: str) -> str:
    if a in (TRUE, FALSE) and b in (TRUE, FALSE):
        return TRUE if a == b else FALSE
    return f"(= {a} {b})"


@dataclass(eq=False)
class TextFrame:
    """A model over every world of the space: alive is None (all alive) or one Bool name per world."""

    alive: list[str] | None = None

    def alive_at(self, p: int) -> str:
        return TRUE if self.alive is None else self.alive[p]

    def alive_list(self, n: int) -> list[str]:
        return [TRUE] * n if self.alive is None else self.alive


class TextEncoder:
    """Builds the certificate's definitions as SMT-LIB lines over the worlds of a space."""

    def __init__(self, space):
        self.space = space
        self.n = space.size
        self.blocks: list[list[tuple[str, str]]] = []  # definitions, each block independent of itself
        self.defined = 0  # definitions made so far: the next one's number
        self._rows = {name: python_ints(col) for name, col in space.columns.items()}
        self._ground: dict = {}
        self._groups: dict = {}
        self._memo: dict = {}
        self._everything = TextFrame()

    # ---------------------------------------------------------------- output

    def define_all(self, prefix: str, exprs: list[str]) -> list[str]:
        """Fresh Bools defined as exprs, none of which mentions another of them (one `let` block).
        Constants and other definitions' names are returned as they are."""
        block, names = [], []
        letter, k = prefix[0], self.defined
        for expr in exprs:
            if expr[0] != "(":
                names.append(expr)
                continue
            name = f"{letter}{k}"  # short names: the text is parsed, never read
            k += 1
            block.append((name, expr))
            names.append(name)
        self.defined = k
        if block:
            self.blocks.append(block)
        return names

    @property
    def definitions(self) -> int:
        return sum(len(b) for b in self.blocks)

    def text(self, decls: list[str], claim: str, macros: bool = True) -> str:
        """The declarations and the assertion of `claim` over the definitions, as SMT-LIB.
        macros: the definitions as nested parallel `let`s around the claim, one per block, which
        Z3 parses about twice as fast as one define-fun each; else a declared Bool and an equation
        each, so that a model shows every definition's value (used to explain a refutation)."""
        head = "".join(d + "\n" for d in decls)
        if macros:
            lets = "".join("(let (" + " ".join(f"({n} {e})" for n, e in block) + ")\n" for block in self.blocks)
            return f"{head}(assert {lets}{claim}{')' * len(self.blocks)})\n"
        body = "".join(f"(declare-const {n} Bool)\n" for block in self.blocks for n, _ in block)
        body += "".join(f"(assert (= {n} {e}))\n" for block in self.blocks for n, e in block)
        return f"{head}{body}(assert {claim})\n"

    # ---------------------------------------------------------------- ground terms

    def ground(self, t: s.Term) -> list[int]:
        """The value of a knowledge-free term at every world (Python integers)."""
        if t not in self._ground:
            self._ground[t] = self._ground_values(t)
        return self._ground[t]

    def _ground_values(self, t: s.Term) -> list[int]:
        if isinstance(t, s.Var):
            return self._rows[t.name]
        if isinstance(t, s.Const):
            return [t.value] * self.n
        if isinstance(t, s.Neg):
            return [-v for v in self.ground(t.term)]
        if isinstance(t, s.Arith):
            op = t.op
            return [apply_int(op, a, b) for a, b in zip(self.ground(t.left), self.ground(t.right))]
        if isinstance(t, s.Count):  # ground when its formulas are knowledge-free (e.g. sum(m))
            values = self.term(t, (self._everything,))
            if all(isinstance(v, int) for v in values):
                return values
            raise Unsupported("a term whose value depends on knowledge")
        raise Unsupported(f"term {type(t).__name__}")

    def observation(self, agent: str) -> list[tuple[int, ...]]:
        terms = self.space.puzzle.agent(agent).observes
        return list(zip(*(self.ground(t) for t in terms))) if terms else [()] * self.n

    def groups(self, agents: tuple[str, ...]) -> list[list[int]]:
        """Classes of the agents' joint observation, over all worlds (in world order)."""
        key = tuple(sorted(agents))
        if key not in self._groups:
            obs = [self.observation(a) for a in key]
            by_key: dict[tuple, list[int]] = {}
            for p, view in enumerate(zip(*obs)):
                by_key.setdefault(view, []).append(p)
            self._groups[key] = list(by_key.values())
        return self._groups[key]

    def term(self, t: s.Term, frames) -> list:
        """A term at every world: Python integers where ground, else SMT-LIB Int expressions (counts)."""
        if s.is_static_term(t) or (isinstance(t, s.Count) and t in self._ground):
            return self.ground(t)
        if isinstance(t, s.Count):
            parts = [self.formula(f, frames) for f in t.formulas]
            out = []
            for bs in zip(*parts):
                if all(b in (TRUE, FALSE) for b in bs):
                    out.append(sum(b == TRUE for b in bs))
                else:
                    fixed = sum(b == TRUE for b in bs)
                    out.append("(+ " + str(fixed) + " " + " ".join(f"(ite {b} 1 0)" for b in bs if b not in (TRUE, FALSE)) + ")")
            return out if parts else [0] * self.n
        if isinstance(t, (s.Arith, s.Neg)):
            raise Unsupported("arithmetic over counts of knowledge")
        raise Unsupported(f"term {type(t).__name__}")

    # ---------------------------------------------------------------- formulas

    def formula(self, f: s.Formula, frames: tuple[TextFrame, ...]) -> list[str]:
        key = (id(f), *map(id, frames))
        hit = self._memo.get(key)
        if hit is not None and hit[0] is f and hit[1] == frames:
            return hit[2]
        value = self._formula(f, frames)
        self._memo[key] = (f, frames, value)
        return value

    def _formula(self, f, frames) -> list[str]:
        n = self.n
        if isinstance(f, s.Bool):
            return [TRUE if f.value else FALSE] * n
        if isinstance(f, s.Compare):
            op = f.op
            return [compare(op, a, b) for a, b in zip(self.term(f.left, frames), self.term(f.right, frames))]
        if isinstance(f, s.Member):
            values = set(f.values)
            return [(TRUE if a in values else FALSE) if isinstance(a, int)
                    else or_([f"(= {a} {smt_int(v)})" for v in f.values]) for a in self.term(f.term, frames)]
        if isinstance(f, s.Not):
            return [not_(b) for b in self.formula(f.body, frames)]
        if isinstance(f, (s.And, s.Or)):
            parts = [self.formula(item, frames) for item in f.items]
            if not parts:
                return [TRUE if isinstance(f, s.And) else FALSE] * n
            op = and_ if isinstance(f, s.And) else or_
            return [op(bs) for bs in zip(*parts)]
        if isinstance(f, s.Implies):
            return [implies(a, b) for a, b in zip(self.formula(f.left, frames), self.formula(f.right, frames))]
        if isinstance(f, s.Iff):
            return [iff(a, b) for a, b in zip(self.formula(f.left, frames), self.formula(f.right, frames))]
        if isinstance(f, s.Knows):
            return self.knows(f, frames)
        if isinstance(f, s.Possible):
            frame, phi = frames[-1], self.formula(f.body, frames)
            return self.per_class(self.groups((f.agent,)), "possible",
                                  lambda m: or_([and2(frame.alive_at(p), phi[p]) for p in m]))
        if isinstance(f, s.Past):
            earlier = frames[:1] if f.back is None else frames[: max(1, len(frames) - f.back)]
            return self.formula(f.body, earlier)
        if isinstance(f, s.Announce):
            frame = frames[-1]
            keep = self.formula(f.announcement, frames)
            after = TextFrame(self.define_all("alive", [and2(a, k) for a, k in zip(frame.alive_list(n), keep)]))
            body = self.formula(f.body, frames + (after,))
            return [implies(k, b) for k, b in zip(keep, body)]
        raise Unsupported(f"formula {type(f).__name__}")

    def per_class(self, groups: list[list[int]], prefix: str, make) -> list[str]:
        out = [FALSE] * self.n
        for members, b in zip(groups, self.define_all(prefix, [make(members) for members in groups])):
            for p in members:
                out[p] = b
        return out

    def knows(self, f: s.Knows, frames) -> list[str]:
        frame = frames[-1]
        if f.kind == "everyone":
            parts = [self.knows(s.Knows("agent", (a,), f.mode, f.body), frames) for a in f.agents]
            return [and_(bs) for bs in zip(*parts)]
        if f.kind == "common":
            if frame.alive is not None and len(f.agents) > 1:
                raise Unsupported("common knowledge inside a symbolic model")
            groups = self.groups(f.agents) if len(f.agents) == 1 else self.components(f.agents)
        elif f.kind in ("agent", "distributed"):
            groups = self.groups(f.agents)
        else:
            raise Unsupported(f"group kind {f.kind}")
        if f.mode == "that":
            phi = self.formula(f.body, frames)
            return self.per_class(groups, "knows", lambda m: self._all(frame, m, phi))
        if f.mode == "whether":
            phi = self.formula(f.body, frames)
            neg = [not_(b) for b in phi]
            return self.per_class(groups, "knows_whether",
                                  lambda m: or_([self._all(frame, m, phi), self._all(frame, m, neg)]))
        values = list(zip(*(self.ground(t) for t in f.body)))
        alive = frame.alive_list(self.n)  # once per operator: at stage 0 a list of n "true"s, not one per class
        return self.per_class(groups, "knows_value", lambda m: self._one_value(alive, m, values))

    def _all(self, frame: TextFrame, members: list[int], phi: list[str]) -> str:
        if frame.alive is None:
            return and_([phi[p] for p in members])
        alive = frame.alive
        return and_([phi[p] if alive[p] == TRUE else implies(alive[p], phi[p]) for p in members])

    def _one_value(self, alive: list[str], members: list[int], values: list[tuple]) -> str:
        """At most one of the class's values is live (alive: the frame's alive_list)."""
        if len(members) == 1:
            return TRUE
        if len({values[p] for p in members}) == len(members):  # one world per value
            present = [alive[p] for p in members]
        else:
            by_value: dict[tuple, list[int]] = {}
            for p in members:
                by_value.setdefault(values[p], []).append(p)
            if len(by_value) == 1:
                return TRUE
            present = [or_([alive[p] for p in ps]) for ps in by_value.values()]
        return "((_ at-most 1) " + " ".join(present) + ")"

    def components(self, agents: tuple[str, ...]) -> list[list[int]]:
        """Connected components of the union of the agents' classes over all worlds."""
        return components(self.n, (self.groups((a,)) for a in agents))

    # ---------------------------------------------------------------- stages and the claim

    def stages(self, announcements) -> list[TextFrame]:
        """Stage 0 (every world alive) and one frame per announcement, defined from the one before."""
        frames = [TextFrame()]
        for k, ann in enumerate(announcements, start=1):
            content = self.formula(ann.content, tuple(frames))
            previous = frames[-1]
            frames.append(TextFrame(self.define_all(f"stage{k}", [and2(a, c) for a, c in
                                                                  zip(previous.alive_list(self.n), content)])))
        return frames

    def negated_claim(self, solution, final: TextFrame) -> str:
        """Some surviving world has another answer, or some claimed answer has no surviving world.

        A string starting with "refuted:" when the claim fails without asking Z3."""
        puzzle = solution.puzzle
        if puzzle.question is None:
            claimed = world_flags(solution, len(solution.stages) - 1)
            return or_([not_(final.alive_at(p)) if claimed[p] else final.alive_at(p) for p in range(self.n)])
        answers = list(zip(*(self.ground(t) for t in puzzle.question.terms)))
        claimed = set(solution.answer)
        parts = [or_([final.alive_at(p) for p in range(self.n) if answers[p] not in claimed])]
        for value in claimed:
            holders = [final.alive_at(p) for p in range(self.n) if answers[p] == value]
            if not holders:
                return f"refuted:no world of the puzzle has the claimed answer {value}"
            parts.append(not_(or_(holders)))
        return or_(parts)


__all__ = ["TextEncoder", "TextFrame", "Unsupported", "python_ints", "world_flags"]


# ---------------------------------------------------------------- the world list is complete

def _sym(name: str) -> str:
    return "|world." + name.replace("|", "_").replace("\\", "_") + "|"


def symbolic_term(t: s.Term) -> str:
    """A knowledge-free term over the symbolic world (|world.x| Int constants), as SMT-LIB."""
    if isinstance(t, s.Var):
        return _sym(t.name)
    if isinstance(t, s.Const):
        return smt_int(t.value)
    if isinstance(t, s.Neg):
        return f"(- {symbolic_term(t.term)})"
    if isinstance(t, s.Arith):
        a, b = symbolic_term(t.left), symbolic_term(t.right)
        if t.op in ("+", "-", "*"):
            return f"({t.op} {a} {b})"
        # arith.py: floor division and the divisor's sign for mod, x / 0 = x mod 0 = 0
        floor = f"(ite (> {b} 0) (div {a} {b}) (div (- {a}) (- {b})))"
        value = floor if t.op == "/" else f"(- {a} (* {b} {floor}))"
        return f"(ite (= {b} 0) 0 {value})"
    if isinstance(t, s.Count):
        return "(+ 0 " + " ".join(f"(ite {symbolic_formula(f)} 1 0)" for f in t.formulas) + ")"
    raise Unsupported(f"term {type(t).__name__}")


def symbolic_formula(f: s.Formula) -> str:
    """A knowledge-free formula over the symbolic world, as SMT-LIB."""
    if isinstance(f, s.Bool):
        return TRUE if f.value else FALSE
    if isinstance(f, s.Compare):
        a, b = symbolic_term(f.left), symbolic_term(f.right)
        return f"(not (= {a} {b}))" if f.op == "!=" else f"({_SMT_OPS[f.op]} {a} {b})"
    if isinstance(f, s.Member):
        a = symbolic_term(f.term)
        return or_([f"(= {a} {smt_int(v)})" for v in f.values])
    if isinstance(f, s.Not):
        return not_(symbolic_formula(f.body))
    if isinstance(f, s.And):
        return and_([symbolic_formula(x) for x in f.items])
    if isinstance(f, s.Or):
        return or_([symbolic_formula(x) for x in f.items])
    if isinstance(f, s.Implies):
        return implies(symbolic_formula(f.left), symbolic_formula(f.right))
    if isinstance(f, s.Iff):
        return f"(= {symbolic_formula(f.left)} {symbolic_formula(f.right)})"
    raise Unsupported(f"constraint {type(f).__name__}")


def _runs(values) -> list[tuple[int, int]]:
    """Sorted distinct integers as runs of consecutive values (lo, hi)."""
    vs = sorted(set(values))
    runs, lo = [], 0
    for i in range(1, len(vs) + 1):
        if i == len(vs) or vs[i] != vs[i - 1] + 1:
            runs.append((vs[lo], vs[i - 1]))
            lo = i
    return runs


def value_set(x: str, values) -> str:
    """x is one of the (integer) values, as runs of consecutive values: `(and (<= lo x) (<= x hi))`."""
    return or_([f"(= {x} {smt_int(a)})" if a == b else f"(and (<= {smt_int(a)} {x}) (<= {x} {smt_int(b)}))"
                for a, b in _runs(values)])


@dataclass(frozen=True)
class Listing:
    """The listed worlds as one formula over the symbolic world, and how many runs of values it took."""

    text: str
    runs: int


def listed_worlds(names: list[str], rows: list[tuple[int, ...]]) -> Listing:
    """The symbolic world is one of the listed rows, as a decision tree over the variables in order:
    each variable's values are grouped by the rest of the tree they lead to and written as runs of
    consecutive values, so a product or a triangle of worlds takes a few terms, not one per world.
    Exact: the formula holds of an assignment exactly when it is a listed row."""
    syms = [_sym(name) for name in names]
    last = len(names) - 1

    def level(i: int, part: list[tuple[int, ...]]) -> tuple[str, int]:
        """The subtree over variables i.. for these rows, and the runs written in its text."""
        if i == last:
            values = [r[i] for r in part]
            return value_set(syms[i], values), len(_runs(values))
        by_value: dict[int, list[tuple[int, ...]]] = {}
        for r in part:
            by_value.setdefault(r[i], []).append(r)
        by_rest: dict[str, tuple[int, list[int]]] = {}
        for v, sub in by_value.items():
            text, runs = level(i + 1, sub)
            by_rest.setdefault(text, (runs, []))[1].append(v)
        total = sum(runs + len(_runs(vs)) for runs, vs in by_rest.values())
        return or_([and_([value_set(syms[i], vs), rest]) for rest, (_, vs) in by_rest.items()]), total

    return Listing(*level(0, rows)) if rows else Listing(FALSE, 0)


COMPACT_SHARE = 4  # the tree is used when it takes at most a quarter as many runs as there are worlds


def missing_world(space) -> tuple[list[str], str]:
    """Declarations and a formula: an assignment within the domains and constraints that the world
    list lacks, or a listed world outside the domains or violating a constraint.

    Where the list compresses into runs of values (listed_worlds: Sum and Product's 2,352 worlds take
    about a hundred), both halves are searches over its tree. Where it does not, Z3 does better with
    one clause per world for the first half (Russian cards: 0.02 s against 0.25 s over the tree), and
    the second is ground: `allowed` is a function of the world's values and each listed world one
    application of it, which Z3 evaluates (a few characters per world, not a copy of the constraints)."""
    puzzle = space.puzzle
    names = [v.name for v in puzzle.variables]
    syms = [_sym(name) for name in names]
    decls = [f"(declare-const {x} Int)" for x in syms]
    domain = []
    if puzzle.table_columns:
        cols = [_sym(c) for c in puzzle.table_columns]
        domain.append(or_([and_([f"(= {c} {smt_int(v)})" for c, v in zip(cols, row)]) for row in puzzle.table_rows]))
    for v in puzzle.variables:
        if v.name in puzzle.table_columns:
            continue
        domain.append(value_set(_sym(v.name), v.codes))
    allowed = and_(domain + [symbolic_formula(f) for f in puzzle.constraints])
    params = " ".join(f"({x} Int)" for x in syms)
    decls.append(f"(define-fun |allowed| ({params}) Bool {allowed})")  # its parameters shadow the constants
    rows = list(zip(*(python_ints(space.columns[name]) for name in names)))
    listing = listed_worlds(names, rows)
    world = f"(|allowed| {' '.join(syms)})"
    if listing.runs * COMPACT_SHARE <= len(rows):
        # both halves over the tree: each of its boxes fixes all but the last variable, so the search is small
        return decls, or_([and_([world, not_(listing.text)]), and_([listing.text, not_(world)])])
    unlisted = and_([f"(not (and {' '.join(f'(= {x} {smt_int(v)})' for x, v in zip(syms, row))}))" for row in rows])
    violated = [f"(not (|allowed| {' '.join(smt_int(v) for v in row)}))" for row in rows]
    return decls, or_([and_([world, unlisted])] + violated)


__all__ += ["Listing", "listed_worlds", "missing_world", "symbolic_formula", "symbolic_term", "value_set"]
