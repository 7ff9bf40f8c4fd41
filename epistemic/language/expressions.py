"""Expressions -> typed terms and formulas over a puzzle's names (shared by puzzles and claims).

Every term is typed while it is built: 'int', 'bool', ('sort', name) for symbolic values,
('tuple', types) and 'literal' for a bare value name whose sort is fixed by its context
(`rank = Q` reads Q as a rank even though an agent is also called Q).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from ..errors import EpistemicError
from ..limits import BYTES_PER_EXPANDED_ITEM, MAX_EXPANDED, SECONDS_PER_EXPANDED_ITEM, human_bytes
from . import syntax as s
from .arith import apply_int, compare_int
from .expansion import Expansions
from .lark_parser import Token, Tree
from .parse import node_error

MAX_EXPANSION = 100_000


@dataclass(frozen=True)
class SortType:
    """The type of a term whose values are the named values of a sort (suit, month)."""

    name: str


@dataclass(frozen=True)
class TupleType:
    """The type of a tuple of terms (card = (suit, rank))."""

    items: tuple["ExprType", ...]


# "int", "bool", "literal" (a name or number whose sort is not known yet), "family" (m[1..n]),
# "pending" (a `let` being elaborated), or a sort or tuple type.
ExprType = Union[str, SortType, TupleType]


@dataclass(frozen=True)
class Typed:
    """A term or formula with its type; `text` keeps a literal's spelling until its sort is known."""

    node: Any
    type: ExprType
    text: str = ""
    agent: str | None = None


@dataclass
class Scope:
    """The names of one puzzle: declared in a first pass, or read back from an elaborated puzzle."""

    file: str
    source: str
    params: dict[str, int] = field(default_factory=dict)
    sorts: dict[str, tuple[tuple[s.Value, ...], bool]] = field(default_factory=dict)
    variables: dict[str, s.Variable] = field(default_factory=dict)
    families: dict[str, dict[int, str]] = field(default_factory=dict)
    tuples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lets: dict[str, Tree] = field(default_factory=dict)
    let_cache: dict[str, Typed] = field(default_factory=dict)
    agents: dict[str, Tree | None] = field(default_factory=dict)
    agent_families: dict[str, dict[int, str]] = field(default_factory=dict)


class Expressions:
    """Elaborates expression trees against a Scope: name resolution, typing, families, quantifiers."""

    def __init__(self, source: str, file: str):
        self.scope = Scope(file=file, source=source)
        self.lines = source.splitlines()
        self.expanded = 0  # items expanded so far (see check_size)
        self.expansions = Expansions(self.const, self.scope.lets, lambda name: name in self.scope.let_cache)
        self._memo: dict[tuple, tuple[Tree, Typed]] = {}  # `all`/`any` and calls, per binding of their names
        self._handlers: dict[str, Any] = {}  # tree kind -> its e_ method (looked up once per kind)
        # (lines, characters) to add to the positions of the statement being elaborated: 0 in a whole parse;
        # the line's place in the text when its tree is the line cache's own (Elaborator.placed_puzzle)
        self.shift: tuple[int, int] = (0, 0)

    @classmethod
    def for_puzzle(cls, puzzle: s.Puzzle, source: str) -> "Expressions":
        """Expressions over an already elaborated puzzle's names (for claims and queries)."""
        elab = cls(source, "<claim>")
        sc = elab.scope
        sc.params = dict(puzzle.params)
        for var in puzzle.variables:
            sc.variables[var.name] = var
            if "[" in var.name:
                base, index = var.name[:-1].split("[")
                sc.families.setdefault(base, {})[int(index)] = var.name
            if var.sort:
                sc.sorts.setdefault(var.sort, (var.values, var.numeric))
        for agent in puzzle.agents:
            sc.agents[agent.name] = None
            if "[" in agent.name:
                base, index = agent.name[:-1].split("[")
                sc.agent_families.setdefault(base, {})[int(index)] = agent.name
        sc.tuples = {name: cols for name, cols in puzzle.names}
        return elab

    # ------------------------------------------------------------ errors

    def error(self, message: str, where: Any = None, hint: str | None = None) -> EpistemicError:
        return node_error(message, where, self.scope.file, self.lines, hint)

    def source_of(self, tree: Tree) -> str:
        """The source text of a node of the statement being elaborated (its offsets moved by `self.shift`)."""
        if tree.meta.empty:
            return ""
        pos = self.shift[1]
        return self.scope.source[tree.meta.start_pos + pos : tree.meta.end_pos + pos].strip()

    def did_you_mean(self, name: str, candidates) -> str | None:
        import difflib

        close = difflib.get_close_matches(name, list(candidates), n=3, cutoff=0.6)
        if close:
            return "did you mean " + " or ".join(repr(c) for c in close) + "?"
        return None

    def names_hint(self, name: str) -> str:
        """A did-you-mean, or else the names that are in scope."""
        sc = self.scope
        close = self.did_you_mean(name, self.known_names())
        if close:
            return close
        scope = [*sc.params, *sc.lets, *sc.tuples, *sc.families, *(v for v in sc.variables if "[" not in v)]
        shown = ", ".join(scope[:12]) + (", ..." if len(scope) > 12 else "")
        return f"names in scope: {shown}" if scope else "declare it with `var`, `param` or `let`"

    def check_size(self, size: int, where: Any, counted: bool = True) -> None:
        """Refuse a range too large to expand; `counted` expansions (`for`, `all`/`any`, `repeat`) also
        keep the whole puzzle's total under MAX_EXPANDED (domains are bounded by the world-space limits).
        check_expansion refuses most large puzzles before this count gets near the limit."""
        if size > MAX_EXPANSION:
            raise self.error(f"a range of {size:,} values is too large to expand", where,
                             f"keep ranges and families under {MAX_EXPANSION:,}")
        if not counted:
            return
        self.expanded += max(0, size)
        if self.expanded > MAX_EXPANDED:
            raise self.error(f"the puzzle expands to more than {MAX_EXPANDED:,} items (ranges, `for`, `all`/`any`, "
                             "`repeat` multiplied out)", where,
                             "use smaller parameters")

    def check_expansion(self, trees: list, env: dict) -> None:
        """Refuse, before expanding anything, trees whose estimated expansion (expansion.py) would take the
        puzzle past MAX_EXPANDED items: the refusal then costs milliseconds, not the seconds of expanding."""
        estimate = self.expansions.estimate(trees, env)
        total = self.expanded + estimate.items
        if total <= MAX_EXPANDED:
            return
        where = estimate.largest
        raise self.error(
            f"the puzzle expands to more than {MAX_EXPANDED:,} items: about {total:,} (ranges, `for`, `all`/`any`, "
            f"`repeat` multiplied out), which would take about {human_bytes(total * BYTES_PER_EXPANDED_ITEM)} and "
            f"{total * SECONDS_PER_EXPANDED_ITEM:,.0f} s to elaborate; this statement alone expands to about "
            f"{estimate.largest_items:,}", where,
            "use smaller parameters; an inner `all`/`any` that does not mention the outer index is expanded once "
            "and shared, so write nested ranges that way where the puzzle allows")

    def code_of(self, var: s.Variable, text: str, where: Any) -> int:
        for value, code in zip(var.values, var.codes):
            if text == value.name or text in value.aliases:
                return code
        for value, code in zip(var.values, var.codes):
            if text.lower() == value.name.lower() or text.lower() in (a.lower() for a in value.aliases):
                return code
        spellings = [v.name for v in var.values] + [a for v in var.values for a in v.aliases]
        shown = ", ".join(v.name for v in var.values[:12]) + (" ..." if len(var.values) > 12 else "")
        raise self.error(f"{text!r} is not a value of {var.name} ({shown})", where,
                         self.did_you_mean(text, spellings))

    def comprehension(self, comp: Tree, env: dict):
        """Bindings of `for i in a..b [if cond]`, in order."""
        var, lo, hi, cond = comp.children
        a, b = self.const(lo, env), self.const(hi, env)
        self.check_size(b - a + 1, comp)
        for i in range(a, b + 1):
            inner = {**env, str(var): i}
            if cond is None or self.const_formula(cond, inner):
                yield inner

    # ------------------------------------------------------------ expressions

    def formula(self, tree: Any, env: dict) -> s.Formula:
        return self.as_formula(self.expr(tree, env), tree)

    def term(self, tree: Any, env: dict) -> Typed:
        return self.expr(tree, env)

    def const(self, tree: Any, env: dict) -> int:
        fast = self._plain_int(tree, env)
        if fast is not None:
            return fast
        t = self.expr(tree, env)
        node = self.as_int(t, tree)
        value = _fold(node)
        if value is None:
            raise self.error("expected a constant (numbers, parameters and index variables only)", tree)
        return value

    def const_formula(self, tree: Any, env: dict) -> bool:
        fast = self._plain_condition(tree, env)
        if fast is not None:
            return fast
        f = self.formula(tree, env)
        value = _fold_formula(f)
        if value is None:
            raise self.error("expected a condition on constants and index variables", tree)
        return value

    def _plain_int(self, tree: Any, env: dict) -> int | None:
        """A bound or index made of numbers, index names, parameters and arithmetic, computed directly
        (the per-binding fast path of const); None for anything else, which const elaborates in full."""
        if not isinstance(tree, Tree):
            return None
        kind = tree.data
        if kind == "number":
            return int(tree.children[0])
        if kind == "name":
            name = str(tree.children[0])
            if name in env:
                return env[name]
            return self.scope.params.get(name)
        if kind == "arith":
            left, op, right = tree.children
            a = self._plain_int(left, env)
            b = None if a is None else self._plain_int(right, env)
            return None if b is None else apply_int(str(op.children[0]), a, b)
        if kind == "neg":
            a = self._plain_int(tree.children[0], env)
            return None if a is None else -a
        return None

    def _plain_condition(self, tree: Any, env: dict) -> bool | None:
        """A comprehension's `if` over plain integers (see _plain_int), computed directly; else None."""
        if not isinstance(tree, Tree):
            return None
        if tree.data == "compare":
            parts = tree.children
            values = [self._plain_int(parts[k], env) for k in range(0, len(parts), 2)]
            if any(v is None for v in values):
                return None
            ops = [str(parts[k].children[0]) for k in range(1, len(parts), 2)]
            return all(compare_int(op, a, b) for op, a, b in zip(ops, values, values[1:]))
        if tree.data == "not_":
            inner = self._plain_condition(tree.children[0], env)
            return None if inner is None else not inner
        if tree.data in ("and_", "or_"):
            values = [self._plain_condition(c, env) for c in tree.children]
            if any(v is None for v in values):
                return None
            return all(values) if tree.data == "and_" else any(values)
        return None

    def expr(self, tree: Any, env: dict) -> Typed:
        if isinstance(tree, Token):
            raise self.error(f"unexpected {tree!s}", tree)
        method = self._handlers.get(tree.data)
        if method is None:
            method = self._handlers[tree.data] = getattr(self, "e_" + tree.data, None)
        if method is None:
            raise self.error(f"unsupported construct {tree.data}", tree)
        return method(tree, env)

    # atoms
    def e_number(self, tree, env):
        text = str(tree.children[0])
        return Typed(s.Const(int(text)), "int", text)

    def e_true(self, tree, env):
        return Typed(s.Bool(True), "bool")

    def e_false(self, tree, env):
        return Typed(s.Bool(False), "bool")

    def e_symbol(self, tree, env):
        return Typed(None, "literal", str(tree.children[0]))

    def e_string(self, tree, env):
        return Typed(None, "literal", str(tree.children[0])[1:-1])

    def e_name(self, tree, env):
        name = str(tree.children[0])
        sc = self.scope
        agent = name if name in sc.agents else None
        if name in env:
            return Typed(s.Const(env[name]), "int", name)
        if name in sc.params:
            return Typed(s.Const(sc.params[name]), "int", name)
        if name in sc.lets:
            if name not in sc.let_cache:
                sc.let_cache[name] = Typed(None, "pending")
                sc.let_cache[name] = self.expr(sc.lets[name], {})
            cached = sc.let_cache[name]
            if cached.type == "pending":
                raise self.error(f"`let {name}` refers to itself", tree)
            return cached
        if name in sc.variables:
            var = sc.variables[name]
            return Typed(s.Var(name), self.var_type(var), name)
        if name in sc.tuples:
            items = tuple(Typed(s.Var(c), self.var_type(sc.variables[c]), c) for c in sc.tuples[name])
            return Typed(items, TupleType(tuple(i.type for i in items)), name)
        if name in sc.families:
            return Typed(tuple(sc.families[name].values()), "family", name)
        return Typed(None, "literal", name, agent)

    def var_type(self, var: s.Variable) -> ExprType:
        if var.sort == "bool":
            return "bool"
        return "int" if var.numeric else SortType(var.sort or var.name)

    def e_index(self, tree, env):
        name_tok, index_tree = tree.children
        name = str(name_tok)
        index = self.const(index_tree, env)
        sc = self.scope
        if name in sc.families:
            members = sc.families[name]
            if index not in members:
                raise self.error(f"{name}[{index}] is out of range ({min(members)}..{max(members)})", tree)
            var = sc.variables[members[index]]
            return Typed(s.Var(var.name), self.var_type(var), var.name)
        if name in sc.agent_families:
            members = sc.agent_families[name]
            if index not in members:
                raise self.error(f"agent {name}[{index}] is out of range ({min(members)}..{max(members)})", tree)
            return Typed(None, "literal", members[index], members[index])
        raise self.error(f"{name!r} is not a family", name_tok,
                         self.did_you_mean(name, [*sc.families, *sc.agent_families]))

    def e_tuple(self, tree, env):
        items = tuple(self.expr(c, env) for c in tree.children)
        return Typed(items, TupleType(tuple(i.type for i in items)))

    def memoised(self, tree, env, build) -> Typed:
        """build(), once per tree and binding of the index names the tree mentions: an inner range that
        does not mention an outer index is expanded (and counted) once, and its formula is shared."""
        key = self.expansions.key(tree, env)
        hit = self._memo.get(key)
        if hit is None or hit[0] is not tree:
            hit = self._memo[key] = (tree, build())
        return hit[1]

    def e_call(self, tree, env):
        return self.memoised(tree, env, lambda: self._call(tree, env))

    def _call(self, tree, env):
        name_tok, *args = tree.children
        name = str(name_tok)
        values: list[Typed] = []
        for arg in args:
            body, comp = arg.children
            envs = [env] if comp is None else list(self.comprehension(comp, env))
            for e in envs:
                t = self.expr(body, e)
                values.extend(Typed(s.Var(v), self.var_type(self.scope.variables[v]), v) for v in t.node) if t.type == "family" else values.append(t)
        if name in ("sum", "count"):
            if not values:
                return Typed(s.Const(0), "int")
            if name == "count" or all(v.type == "bool" and not isinstance(v.node, s.Var) for v in values):
                return Typed(s.Count(tuple(self.as_formula(v, tree) for v in values)), "int")
            node = self.as_int(values[0], tree)
            for v in values[1:]:
                node = s.Arith("+", node, self.as_int(v, tree))
            return Typed(node, "int")
        if name in ("min", "max", "abs"):
            nodes = [self.as_int(v, tree) for v in values]
            if name == "abs":
                if len(nodes) != 1:
                    raise self.error("abs takes one argument", tree)
                x = nodes[0]
                return Typed(_ite_abs(x), "int")
            node = nodes[0]
            for other in nodes[1:]:
                node = _min_max(name, node, other)
            return Typed(node, "int")
        raise self.error(f"unknown function {name!r}", name_tok, "functions: sum, count, min, max, abs")

    def e_arith(self, tree, env):
        left, op, right = tree.children
        a = self.as_int(self.expr(left, env), left)
        b = self.as_int(self.expr(right, env), right)
        return Typed(s.Arith(str(op.children[0]), a, b), "int")

    def e_neg(self, tree, env):
        return Typed(s.Neg(self.as_int(self.expr(tree.children[0], env), tree)), "int")

    def e_negative(self, tree, env):
        return Typed(s.Const(-int(tree.children[0])), "int")

    # comparisons
    def e_compare(self, tree, env):
        parts = tree.children
        items = [self.expr(parts[0], env)]
        ops = []
        for i in range(1, len(parts), 2):
            ops.append(str(parts[i].children[0]))
            items.append(self.expr(parts[i + 1], env))
        conj = [self.comparison(op, a, b, tree) for op, a, b in zip(ops, items, items[1:])]
        return Typed(conj[0] if len(conj) == 1 else s.And(tuple(conj)), "bool")

    def comparison(self, op: str, a: Typed, b: Typed, where) -> s.Formula:
        if _is_tuple(a) or _is_tuple(b):
            if op not in ("=", "!="):
                raise self.error(f"tuples can only be compared with = or !=, not {op}", where)
            xs, ys = self.tuple_items(a, where), self.tuple_items(b, where)
            if len(xs) != len(ys):
                raise self.error(f"cannot compare a {len(xs)}-tuple with a {len(ys)}-tuple", where)
            eqs = tuple(self.comparison("=", x, y, where) for x, y in zip(xs, ys))
            eq = eqs[0] if len(eqs) == 1 else s.And(eqs)
            return eq if op == "=" else s.Not(eq)
        a, b = self.unify(a, b, where)  # symbolic values compare by their order in the sort
        return s.Compare(op, self.as_term(a, where), self.as_term(b, where))

    def tuple_items(self, t: Typed, where) -> list[Typed]:
        if _is_tuple(t):
            return list(t.node)
        if t.type == "literal":
            raise self.error(f"cannot compare a tuple with {t.text!r}", where)
        return [t]

    def unify(self, a: Typed, b: Typed, where) -> tuple[Typed, Typed]:
        """Resolve literals against the other side's sort; check the two sides have one type."""
        if a.type == "literal" and b.type == "literal":
            raise self.error(f"cannot compare two values ({a.text!r}, {b.text!r}) without a variable", where,
                             self.did_you_mean(a.text, self.known_names()))
        if a.type == "literal":
            a = self.resolve_literal(a, b.type, where)
        if b.type == "literal":
            b = self.resolve_literal(b, a.type, where)
        ta, tb = _numeric_view(a.type), _numeric_view(b.type)
        if ta != tb:
            if isinstance(a.type, (SortType, TupleType)) and b.type == "int" and b.text:
                b = self.resolve_literal(Typed(None, "literal", b.text), a.type, where)
            elif isinstance(b.type, (SortType, TupleType)) and a.type == "int" and a.text:
                a = self.resolve_literal(Typed(None, "literal", a.text), b.type, where)
            else:
                raise self.error(f"cannot compare {_type_name(a.type)} with {_type_name(b.type)}", where)
        return a, b

    def resolve_literal(self, lit: Typed, target: ExprType, where) -> Typed:
        if target in ("int", "bool"):
            if lit.text in ("true", "false") and target == "bool":
                return Typed(s.Const(1 if lit.text == "true" else 0), "bool")
            if is_int(lit.text):
                return Typed(s.Const(int(lit.text)), target)
            raise self.error(f"unknown name {lit.text!r}", where, self.names_hint(lit.text))
        if isinstance(target, SortType):
            sort = target.name
            values, numeric = self.scope.sorts[sort]
            var = s.Variable(sort, values, numeric, sort)
            return Typed(s.Const(self.code_of(var, lit.text, where)), target, lit.text)
        raise self.error(f"cannot use {lit.text!r} here", where)

    def e_member(self, tree, env, negate=False):
        term = self.expr(tree.children[0], env)
        target = tree.children[1]
        if target.data == "value_range":
            lo, hi = (self.expr(c, env) for c in target.children)
            f = s.And((self.comparison(">=", term, lo, tree), self.comparison("<=", term, hi, tree)))
        else:
            options = [self.comparison("=", term, self.expr(c, env), tree) for c in target.children]
            consts = [_const_eq(o) for o in options]
            if all(c is not None for c in consts) and len({c[0] for c in consts}) == 1:
                f = s.Member(consts[0][0], tuple(sorted({c[1] for c in consts})))
            else:
                f = options[0] if len(options) == 1 else s.Or(tuple(options))
        return Typed(s.Not(f) if negate else f, "bool")

    def e_not_member(self, tree, env):
        return self.e_member(tree, env, negate=True)

    # connectives
    def e_not_(self, tree, env):
        return Typed(s.Not(self.formula(tree.children[0], env)), "bool")

    def e_and_(self, tree, env):
        return Typed(s.And(_flatten(s.And, [self.formula(c, env) for c in tree.children])), "bool")

    def e_or_(self, tree, env):
        return Typed(s.Or(_flatten(s.Or, [self.formula(c, env) for c in tree.children])), "bool")

    def e_implies(self, tree, env):
        return Typed(s.Implies(self.formula(tree.children[0], env), self.formula(tree.children[1], env)), "bool")

    def e_iff(self, tree, env):
        return Typed(s.Iff(self.formula(tree.children[0], env), self.formula(tree.children[1], env)), "bool")

    def e_quantified(self, tree, env):
        return self.memoised(tree, env, lambda: self._quantified(tree, env))

    def _quantified(self, tree, env):
        kind, var, lo, hi, body = tree.children
        a, b = self.const(lo, env), self.const(hi, env)
        self.check_size(b - a + 1, tree)
        items = tuple(self.formula(body, {**env, str(var): i}) for i in range(a, b + 1))
        if str(kind) == "all":
            return Typed(s.And(items) if items else s.Bool(True), "bool")
        return Typed(s.Or(items) if items else s.Bool(False), "bool")

    # knowledge
    def agent_name(self, name_tok, index, env, where) -> str:
        name = str(name_tok)
        sc = self.scope
        if index is not None:
            members = sc.agent_families.get(name)
            if members is None:
                raise self.error(f"{name!r} is not a family of agents", name_tok,
                                 self.did_you_mean(name, sc.agent_families))
            i = self.const(index, env)
            if i not in members:
                raise self.error(f"agent {name}[{i}] is out of range ({min(members)}..{max(members)})", where)
            return members[i]
        if name not in sc.agents:
            raise self.error(f"unknown agent {name!r}", name_tok,
                             self.did_you_mean(name, sc.agents) or f"agents: {', '.join(sc.agents)}")
        return name

    def agent_of(self, tree, env) -> str:
        if is_tree(tree, "name"):
            return self.agent_name(tree.children[0], None, env, tree)
        if is_tree(tree, "index"):
            return self.agent_name(tree.children[0], tree.children[1], env, tree)
        raise self.error("expected an agent before `knows`", tree, f"agents: {', '.join(self.scope.agents)}")

    def knowledge(self, kind: str, agents: tuple[str, ...], mode: str | None, body_tree, env) -> s.Formula:
        body = self.expr(body_tree, env)
        if mode is None:
            mode = "that" if body.type == "bool" else "value"
        if mode in ("that", "whether"):
            return s.Knows(kind, agents, mode, self.as_formula(body, body_tree))
        if body.type == "literal":
            raise self.error(f"unknown name {body.text!r}", body_tree, self.names_hint(body.text))
        if _is_tuple(body):
            terms = tuple(self.as_term(x, body_tree) for x in body.node)
        elif body.type == "family":
            terms = tuple(s.Var(v) for v in body.node)
        else:
            terms = (self.as_term(body, body_tree),)
        return s.Knows(kind, agents, "value", terms)

    def e_knows(self, tree, env):
        return Typed(self.knowledge("agent", (self.agent_of(tree.children[0], env),), None, tree.children[1], env), "bool")

    def e_knows_that(self, tree, env):
        return Typed(self.knowledge("agent", (self.agent_of(tree.children[0], env),), "that", tree.children[1], env), "bool")

    def e_knows_whether(self, tree, env):
        return Typed(self.knowledge("agent", (self.agent_of(tree.children[0], env),), "whether", tree.children[1], env), "bool")

    def e_not_knows(self, tree, env):
        return Typed(s.Not(self.e_knows(tree, env).node), "bool")

    def e_possible(self, tree, env):
        return Typed(s.Possible(self.agent_of(tree.children[0], env), self.formula(tree.children[1], env)), "bool")

    def group(self, tree, env) -> tuple[str, ...]:
        if tree is None:
            return tuple(self.scope.agents)
        members = set()
        kids = tree.children
        for i in range(0, len(kids), 2):
            members.add(self.agent_name(kids[i], kids[i + 1], env, tree))
        return tuple(a for a in self.scope.agents if a in members)  # a group is a set: declaration order

    def _group_knows(self, tree, env, mode):
        kind_tree, group, body = tree.children
        kind = str(kind_tree.children[0])
        return Typed(self.knowledge(kind, self.group(group, env), mode, body, env), "bool")

    def e_group_knows(self, tree, env):
        return self._group_knows(tree, env, None)

    def e_group_knows_that(self, tree, env):
        return self._group_knows(tree, env, "that")

    def e_group_knows_whether(self, tree, env):
        return self._group_knows(tree, env, "whether")

    def e_before(self, tree, env):
        return Typed(s.Past(self.formula(tree.children[0], env), 1), "bool")

    def e_initially(self, tree, env):
        return Typed(s.Past(self.formula(tree.children[0], env), None), "bool")

    def e_announce_in(self, tree, env):
        return Typed(s.Announce(self.formula(tree.children[0], env), self.formula(tree.children[1], env)), "bool")

    # ------------------------------------------------------------ coercions

    def known_names(self) -> list[str]:
        sc = self.scope
        names = [*sc.variables, *sc.tuples, *sc.families, *sc.params, *sc.lets, *sc.agents]
        for values, _ in sc.sorts.values():
            names.extend(v.name for v in values)
        return names

    def as_formula(self, t: Typed, where) -> s.Formula:
        if t.type == "bool":
            if isinstance(t.node, (s.Var, s.Const)):
                return s.Compare("=", t.node, s.Const(1))
            return t.node
        if t.type == "literal":
            hint = self.names_hint(t.text)
            if t.agent:
                hint = f"{t.text!r} is an agent; did you mean `{t.text} knows ...`?"
            raise self.error(f"unknown name {t.text!r}", where, hint)
        raise self.error(f"expected a condition, got {_type_name(t.type)}", where,
                         "compare it, e.g. `x = 3`, or ask who knows it: `P knows x`")

    def as_term(self, t: Typed, where) -> s.Term:
        if t.type == "literal":
            raise self.error(f"unknown name {t.text!r}", where, self.names_hint(t.text))
        if t.type == "bool" and not isinstance(t.node, (s.Var, s.Const)):
            return s.Count((t.node,))
        if _is_tuple(t) or t.type == "family":
            raise self.error("expected a single term here, not a tuple", where)
        return t.node

    def as_int(self, t: Typed, where) -> s.Term:
        if isinstance(t.type, SortType):
            raise self.error(f"{t.text or 'this term'} has symbolic values ({t.type.name}); arithmetic needs numbers", where)
        if t.type == "literal" and is_int(t.text):
            return s.Const(int(t.text))
        return self.as_term(t, where)


# ---------------------------------------------------------------- helpers


def _flatten(kind, items: list) -> tuple:
    """a and (b and c) -> And(a, b, c): the parser nests binary connectives, the tree need not."""
    out = []
    for item in items:
        out.extend(item.items if isinstance(item, kind) else (item,))
    return tuple(out)


def _is_tuple(t: Typed) -> bool:
    return isinstance(t.type, TupleType)


def is_int(text: str) -> bool:
    return text.lstrip("-").isdigit() and text.lstrip("-").isascii()


def _numeric_view(t: ExprType) -> ExprType:
    return "int" if t in ("int", "bool") else t


def _type_name(t: ExprType) -> str:
    if isinstance(t, SortType):
        return f"a value of {t.name}"
    if isinstance(t, TupleType):
        return "a tuple"
    return {"int": "a number", "bool": "a condition", "family": "a family"}.get(t, str(t))


def _const_eq(f: s.Formula):
    if isinstance(f, s.Compare) and f.op == "=" and isinstance(f.right, s.Const):
        return f.left, f.right.value
    return None


def _ite_abs(x: s.Term) -> s.Term:
    # |x| = x - 2*x*[x<0], built from Count so that every engine needs only the core terms
    return s.Arith("-", x, s.Arith("*", s.Const(2), s.Arith("*", x, s.Count((s.Compare("<", x, s.Const(0)),)))))


def _min_max(name: str, a: s.Term, b: s.Term) -> s.Term:
    # min(a, b) = b + (a - b) * [a < b]; max(a, b) = b + (a - b) * [a > b]
    op = "<" if name == "min" else ">"
    return s.Arith("+", b, s.Arith("*", s.Arith("-", a, b), s.Count((s.Compare(op, a, b),))))


def _fold(t: s.Term) -> int | None:
    """The value of a term without variables, or None."""
    if isinstance(t, s.Const):
        return t.value
    if isinstance(t, s.Neg):
        v = _fold(t.term)
        return None if v is None else -v
    if isinstance(t, s.Arith):
        a, b = _fold(t.left), _fold(t.right)
        return None if a is None or b is None else apply_int(t.op, a, b)
    if isinstance(t, s.Count):
        vals = [_fold_formula(f) for f in t.formulas]
        return None if any(v is None for v in vals) else sum(vals)
    return None


def _fold_formula(f: s.Formula) -> bool | None:
    if isinstance(f, s.Bool):
        return f.value
    if isinstance(f, s.Compare):
        a, b = _fold(f.left), _fold(f.right)
        return None if a is None or b is None else compare_int(f.op, a, b)
    if isinstance(f, s.Member):
        a = _fold(f.term)
        return None if a is None else a in f.values
    if isinstance(f, s.Not):
        v = _fold_formula(f.body)
        return None if v is None else not v
    if isinstance(f, (s.And, s.Or)):
        vals = [_fold_formula(x) for x in f.items]
        if any(v is None for v in vals):
            return None
        return all(vals) if isinstance(f, s.And) else any(vals)
    if isinstance(f, (s.Implies, s.Iff)):
        a, b = _fold_formula(f.left), _fold_formula(f.right)
        if a is None or b is None:
            return None
        return (not a or b) if isinstance(f, s.Implies) else a == b
    return None


def is_tree(x: Any, data: str) -> bool:
    return isinstance(x, Tree) and x.data == data
