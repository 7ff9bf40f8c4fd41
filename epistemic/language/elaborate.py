"""Lark tree -> Puzzle: resolve names, parameters, families, value aliases and types.

Every term is typed while it is built: 'int', 'bool', ('sort', name) for symbolic values,
('tuple', types) and 'literal' for a bare value name whose sort is fixed by its context
(`rank = Q` reads Q as a rank even though an agent is also called Q).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from lark import Token, Tree

from ..errors import EpistemicError, Location
from . import syntax as s
from .parse import node_error, parse_text

BOOL_VALUES = (s.Value("0", 0, ("false",)), s.Value("1", 1, ("true",)))
MAX_EXPANSION = 100_000


@dataclass(frozen=True)
class Typed:
    """A term or formula with its type; `text` keeps a literal's spelling until its sort is known."""

    node: Any
    type: Any
    text: str = ""
    agent: str | None = None


@dataclass
class _Scope:
    """Declarations gathered in the first pass (mutable only while elaborating one puzzle)."""

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


def load_puzzle(text: str, file: str = "<text>", params: dict[str, int] | None = None) -> s.Puzzle:
    """Parse and elaborate a puzzle text; `params` override the file's `param` defaults."""
    return Elaborator(text, file, params or {}).puzzle(parse_text(text, file))


def parse_claim(text: str, puzzle: s.Puzzle) -> tuple[s.Formula, int | None]:
    """A claim in the puzzle's vocabulary -> (formula, stage or None)."""
    tree = parse_text(text, "<claim>", start="claim")
    elab = Elaborator.for_puzzle(puzzle, text)
    stage_token, body = tree.children
    return elab.formula(body, {}), (int(stage_token) if stage_token is not None else None)


class Elaborator:
    """Turns one parsed puzzle into a Puzzle; holds only that puzzle's declarations."""

    def __init__(self, source: str, file: str, overrides: dict[str, int]):
        self.scope = _Scope(file=file, source=source)
        self.overrides = dict(overrides)
        self.lines = source.splitlines()

    @classmethod
    def for_puzzle(cls, puzzle: s.Puzzle, source: str) -> "Elaborator":
        """An elaborator over an already elaborated puzzle's names (for claims and queries)."""
        elab = cls(source, "<claim>", {})
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
        if tree.meta.empty:
            return ""
        return self.scope.source[tree.meta.start_pos : tree.meta.end_pos].strip()

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

    # ------------------------------------------------------------ puzzle

    def puzzle(self, tree: Tree) -> s.Puzzle:
        statements = [st for st in tree.children if isinstance(st, Tree)]
        sc = self.scope
        title = ""
        table_cols: tuple[str, ...] = ()
        table_name = None
        raw_rows: list[tuple[Tree, list]] = []
        for st in statements:
            kind = st.data
            if kind == "puzzle_stmt":
                title = str(st.children[0])[1:-1]
            elif kind == "param_stmt":
                name = str(st.children[0])
                sc.params[name] = self.overrides.pop(name) if name in self.overrides else self.const(st.children[1], {})
            elif kind == "values_stmt":
                self.declare_sort(st)
            elif kind == "var_stmt":
                self.declare_vars(st)
            elif kind == "worlds_stmt":
                if table_name is not None:
                    raise self.error("only one `worlds` table is allowed", st)
                table_name = str(st.children[0])
                table_cols = tuple(str(c) for c in st.children[1:])
                if len(table_cols) < 2:
                    raise self.error("a worlds table needs at least two columns", st)
            elif kind in ("row_stmt", "tuple_row_stmt"):
                if table_name is None:
                    raise self.error("a table row must follow a `worlds NAME(col, ...):` line", st,
                                     "declare the table first, e.g. `worlds card(suit, rank):`")
                raw_rows.append((st, self.row_values(st, len(table_cols))))
            elif kind == "let_stmt":
                sc.lets[str(st.children[0])] = st.children[1]
            elif kind == "agent_stmt":
                self.declare_agent(st)
        if self.overrides:
            name = next(iter(self.overrides))
            raise EpistemicError(f"unknown parameter {name!r}", None,
                                 f"the puzzle declares: {', '.join(sc.params) or 'no parameters'}")
        rows = self.build_table(table_name, table_cols, raw_rows) if table_name else ()
        if table_name:
            sc.tuples[table_name] = table_cols
        if not sc.variables:
            raise EpistemicError("the puzzle declares no variables", Location(sc.file, 1, 1),
                                 "declare worlds with `worlds NAME(a, b):` rows or `var x in 1..9`")
        if not sc.agents:
            raise EpistemicError("the puzzle declares no agents", Location(sc.file, 1, 1),
                                 "add e.g. `agent P observes rank`")

        constraints: list[s.Formula] = []
        agents: list[s.Agent] = []
        announcements: list[s.Announcement] = []
        question: s.Question | None = None
        expected_answer = None
        expected_stages = None
        templates: dict[str, str] = {}
        puzzle_texts: list[tuple[str, str]] = []
        last: Any = "puzzle"
        for st in statements:
            kind = st.data
            if kind == "where_stmt":
                f = self.formula(st.children[0], {})
                if s.is_modal(f):
                    raise self.error("a `where` constraint cannot talk about knowledge", st)
                constraints.append(f)
            elif kind == "agent_stmt":
                agents.extend(self.build_agents(st))
            elif kind == "announce_stmt":
                announcements.append(self.announcement(st.children[0], {}, None))
                last = ("announcements", len(announcements) - 1, 1)
            elif kind == "repeat_stmt":
                count = self.const(st.children[0], {})
                if count < 0:
                    raise self.error(f"cannot repeat a negative number of times ({count})", st.children[0])
                for k in range(count):
                    announcements.append(self.announcement(st.children[1], {}, k + 1))
                last = ("announcements", len(announcements) - count, count)
            elif kind == "each_stmt":
                bindings = list(self.comprehension(st.children[0], {}))
                for env in bindings:
                    announcements.append(self.announcement(st.children[1], env, None))
                last = ("announcements", len(announcements) - len(bindings), len(bindings))
            elif kind in ("ask_stmt", "answer_stmt"):
                if question is not None:
                    raise self.error("the puzzle already asks a question", st)
                question = self.question(st.children[0])
                if kind == "answer_stmt":
                    expected_answer = (self.answer_value(st.children[1], question, st),)
                last = "question"
            elif kind == "expect_stmt":
                expected_stages = tuple(int(t) for t in st.children)
            elif kind == "show_stmt":
                templates[self.source_of(st.children[0])] = str(st.children[1])[1:-1]
            elif kind == "text_stmt":
                lang, text = str(st.children[0]), str(st.children[1])[1:-1]
                if last == "puzzle":
                    puzzle_texts.append((lang, text))
                elif last == "question":
                    question = replace(question, texts=question.texts + ((lang, text),))
                else:
                    _, start, count = last
                    for i in range(start, start + count):
                        a = announcements[i]
                        announcements[i] = replace(a, texts=a.texts + ((lang, text),))
            if kind == "puzzle_stmt":
                last = "puzzle"
        if question is not None and question.source in templates:
            question = replace(question, template=templates[question.source])
        return s.Puzzle(
            title=title or sc.file,
            file=sc.file,
            variables=tuple(sc.variables.values()),
            table_columns=table_cols,
            table_rows=rows,
            constraints=tuple(constraints),
            agents=tuple(agents),
            announcements=tuple(announcements),
            question=question,
            expected_answer=expected_answer,
            expected_stages=expected_stages,
            params=tuple(sc.params.items()),
            texts=tuple(puzzle_texts),
            source=sc.source,
            names=tuple(sc.tuples.items()),
        )

    # ------------------------------------------------------------ declarations

    def value_text(self, node: Any) -> str:
        """The spelling of a value token: a name, number, symbol, "string" or -number."""
        if isinstance(node, Tree) and node.data == "negative":
            return "-" + str(node.children[0])
        text = str(node)
        return text[1:-1] if text.startswith('"') else text

    def alias_text(self, node: Any) -> str:
        text = str(node)
        return text[1:-1] if text.startswith('"') else text

    def declare_sort(self, st: Tree) -> None:
        name = str(st.children[0])
        values = []
        for vd in st.children[1:]:
            token = self.value_text(vd.children[0])
            aliases = tuple(self.alias_text(a) for a in vd.children[1:] if a is not None)
            values.append((token, aliases))
        self.add_sort(name, values, st)

    def add_sort(self, name: str, values: list[tuple[str, tuple[str, ...]]], where: Any) -> None:
        seen: dict[str, str] = {}
        for value, aliases in values:
            for spelling in (value, *aliases):
                if spelling in seen:
                    raise self.error(f"{spelling!r} names two values of {name!r}", where)
                seen[spelling] = value
        numeric = all(_is_int(v) for v, _ in values)
        self.scope.sorts[name] = (
            tuple(s.Value(v, int(v) if numeric else None, a) for v, a in values),
            numeric,
        )

    def declare_vars(self, st: Tree) -> None:
        *targets, domain = st.children
        values, numeric, sort = self.domain(domain)
        for target in targets:
            name_tok, lo, hi = target.children
            name = str(name_tok)
            self.check_fresh(name, name_tok)
            var_names = [name]
            if lo is not None:
                a, b = self.const(lo, {}), self.const(hi, {})
                self.check_size(b - a + 1, target)
                var_names = [f"{name}[{i}]" for i in range(a, b + 1)]
                self.scope.families[name] = {i: f"{name}[{i}]" for i in range(a, b + 1)}
            for vn in var_names:
                self.scope.variables[vn] = s.Variable(vn, values, numeric, sort)

    def domain(self, tree: Tree) -> tuple[tuple[s.Value, ...], bool, str | None]:
        if tree.data == "range_domain":
            a, b = self.const(tree.children[0], {}), self.const(tree.children[1], {})
            if b < a:
                raise self.error(f"empty range {a}..{b}", tree)
            self.check_size(b - a + 1, tree)
            return tuple(s.Value(str(i), i) for i in range(a, b + 1)), True, None
        if tree.data == "set_domain":
            texts = [self.value_text(v) for v in tree.children]
            numeric = all(_is_int(t) for t in texts)
            return tuple(s.Value(t, int(t) if numeric else None) for t in texts), numeric, None
        sort = str(tree.children[0])
        if sort == "bool":
            return BOOL_VALUES, True, "bool"
        if sort not in self.scope.sorts:
            raise self.error(f"unknown sort {sort!r}", tree.children[0],
                             self.did_you_mean(sort, [*self.scope.sorts, "bool"]) or
                             "declare it with `values NAME: a, b, c` or use `bool`")
        values, numeric = self.scope.sorts[sort]
        return values, numeric, sort

    def check_fresh(self, name: str, where: Any) -> None:
        sc = self.scope
        if name in sc.variables or name in sc.families or name in sc.tuples:
            raise self.error(f"{name!r} is declared twice", where)

    def check_size(self, size: int, where: Any) -> None:
        if size > MAX_EXPANSION:
            raise self.error(f"a range of {size:,} values is too large to expand", where,
                             f"keep ranges and families under {MAX_EXPANSION:,}")

    def row_values(self, st: Tree, width: int) -> list[list[str]]:
        """A table row as a list of full tuples of value spellings."""
        if st.data == "tuple_row_stmt":
            tuples = [[self.value_text(v) for v in t.children] for t in st.children]
        else:
            first = self.value_text(st.children[0])
            tuples = []
            for entry in st.children[1:]:
                rest = [self.value_text(v) for v in entry.children] if _is_tree(entry, "tuple_lit") else [self.value_text(entry)]
                tuples.append([first, *rest])
        for t in tuples:
            if len(t) != width:
                raise self.error(f"a row of the table has {len(t)} values but the table has {width} columns", st)
        return tuples

    def build_table(self, name: str, cols: tuple[str, ...], raw_rows) -> tuple[tuple[int, ...], ...]:
        sc = self.scope
        self.check_fresh(name, None)
        variables = []
        for i, col in enumerate(cols):
            if col in sc.variables:
                variables.append(sc.variables[col])
                continue
            if col in sc.sorts:
                values, numeric = sc.sorts[col]
                var = s.Variable(col, values, numeric, col)
            else:
                order: dict[str, None] = {}
                for _, tuples in raw_rows:
                    for t in tuples:
                        order.setdefault(t[i], None)
                self.add_sort(col, [(v, ()) for v in order], None)
                values, numeric = sc.sorts[col]
                var = s.Variable(col, values, numeric, col)
            sc.variables[col] = var
            variables.append(var)
        rows = []
        seen = set()
        for st, tuples in raw_rows:
            for t in tuples:
                codes = tuple(self.code_of(var, text, st) for var, text in zip(variables, t))
                if codes in seen:
                    raise self.error(f"the table lists ({', '.join(t)}) twice", st)
                seen.add(codes)
                rows.append(codes)
        return tuple(rows)

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

    def declare_agent(self, st: Tree) -> None:
        name_tok, index_tok, _display, comp, _observed = st.children
        name = str(name_tok)
        sc = self.scope
        if index_tok is not None and index_tok.type == "NUMBER":
            member = f"{name}[{int(index_tok)}]"
            if member in sc.agents:
                raise self.error(f"agent {member!r} is declared twice", name_tok)
            sc.agents[member] = st
            sc.agent_families.setdefault(name, {})[int(index_tok)] = member
            return
        if name in sc.agents or name in sc.agent_families:
            raise self.error(f"agent {name!r} is declared twice", name_tok)
        if index_tok is None:
            sc.agents[name] = st
            return
        if comp is None:
            raise self.error(f"agent family {name}[{index_tok}] needs `for {index_tok} in a..b`", st)
        members = {}
        for bound in self.comprehension(comp, {}):
            i = bound[str(comp.children[0])]
            members[i] = f"{name}[{i}]"
            sc.agents[members[i]] = st
        sc.agent_families[name] = members

    def build_agents(self, st: Tree) -> list[s.Agent]:
        name_tok, index_tok, display, comp, observed = st.children
        shown = tuple(self.alias_text(a) for a in display.children) if display is not None else ()
        single = index_tok is None or index_tok.type == "NUMBER"
        envs = [{}] if single else list(self.comprehension(comp, {}))
        agents = []
        for env in envs:
            if index_tok is None:
                name = str(name_tok)
            elif single:
                name = f"{name_tok}[{int(index_tok)}]"
            else:
                name = f"{name_tok}[{env[str(comp.children[0])]}]"
            terms: list[s.Term] = []
            if observed.data != "observes_nothing":
                for item in observed.children:
                    term_tree, item_comp = item.children
                    inner = [env] if item_comp is None else list(self.comprehension(item_comp, env))
                    for e in inner:
                        terms.extend(self.observed_terms(term_tree, e))
            agents.append(s.Agent(name, tuple(terms), shown, _observed_text(terms)))
        return agents

    def observed_terms(self, tree: Tree, env: dict) -> list[s.Term]:
        t = self.term(tree, env)
        if t.type == "literal":
            raise self.error(f"{t.text!r} is not a variable or a term over variables", tree,
                             self.did_you_mean(t.text, self.scope.variables))
        if isinstance(t.type, tuple) and t.type[0] == "tuple":
            return [x.node for x in t.node]
        if t.type == "family":
            return [s.Var(v) for v in t.node]
        return [self.as_term(t, tree)]

    def comprehension(self, comp: Tree, env: dict):
        """Bindings of `for i in a..b [if cond]`, in order."""
        var, lo, hi, cond = comp.children
        a, b = self.const(lo, env), self.const(hi, env)
        self.check_size(b - a + 1, comp)
        for i in range(a, b + 1):
            inner = {**env, str(var): i}
            if cond is None or self.const_formula(cond, inner):
                yield inner

    # ------------------------------------------------------------ announcements, question

    def announcement(self, tree: Tree, env: dict, round_: int | None) -> s.Announcement:
        span = s.Span(tree.meta.line, tree.meta.column, tree.meta.end_line, tree.meta.end_column)
        if tree.data == "public":
            f = self.formula(tree.children[0], env)
            return s.Announcement(f, f, None, self.source_of(tree), span=span, round=round_)
        name_tok, index, body = tree.children
        agent = self.agent_name(name_tok, index, env, tree)
        f = self.formula(body, env)
        content = s.Knows("agent", (agent,), "that", f)
        return s.Announcement(content, f, agent, self.source_of(tree), span=span, round=round_)

    def question(self, tree: Tree) -> s.Question:
        t = self.term(tree, {})
        if t.type == "literal":
            raise self.error(f"unknown name {t.text!r}", tree, self.names_hint(t.text))
        if isinstance(t.type, tuple) and t.type[0] == "tuple":
            terms = tuple(self.as_term(x, tree) for x in t.node)
        elif t.type == "family":
            terms = tuple(s.Var(v) for v in t.node)
        else:
            terms = (self.as_term(t, tree),)
        return s.Question(terms, self.source_of(tree))

    def answer_value(self, tree: Tree, question: s.Question, st: Tree) -> tuple[int, ...]:
        items = tree.children
        if len(items) == 1 and _is_tree(items[0], "tuple_lit"):
            items = items[0].children
        texts = [self.value_text(v) for v in items]
        texts = [str(self.scope.params[t]) if t in self.scope.params else t for t in texts]
        if len(texts) != len(question.terms):
            raise self.error(f"the answer has {len(texts)} values but {question.source} has {len(question.terms)}", st)
        codes = []
        for term, text in zip(question.terms, texts):
            var = self.variable_of(term)
            if var is not None:
                codes.append(self.code_of(var, text, tree))
            elif _is_int(text):
                codes.append(int(text))
            else:
                raise self.error(f"{text!r} is not a number", tree)
        return tuple(codes)

    def variable_of(self, term: s.Term) -> s.Variable | None:
        if isinstance(term, s.Var):
            return self.scope.variables[term.name]
        return None

    # ------------------------------------------------------------ expressions

    def formula(self, tree: Any, env: dict) -> s.Formula:
        return self.as_formula(self.expr(tree, env), tree)

    def term(self, tree: Any, env: dict) -> Typed:
        return self.expr(tree, env)

    def const(self, tree: Any, env: dict) -> int:
        t = self.expr(tree, env)
        node = self.as_int(t, tree)
        value = _fold(node)
        if value is None:
            raise self.error("expected a constant (numbers, parameters and index variables only)", tree)
        return value

    def const_formula(self, tree: Any, env: dict) -> bool:
        f = self.formula(tree, env)
        value = _fold_formula(f)
        if value is None:
            raise self.error("expected a condition on constants and index variables", tree)
        return value

    def expr(self, tree: Any, env: dict) -> Typed:
        if isinstance(tree, Token):
            raise self.error(f"unexpected {tree!s}", tree)
        method = getattr(self, "e_" + tree.data, None)
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
            return Typed(items, ("tuple", tuple(i.type for i in items)), name)
        if name in sc.families:
            return Typed(tuple(sc.families[name].values()), "family", name)
        return Typed(None, "literal", name, agent)

    def var_type(self, var: s.Variable):
        if var.sort == "bool":
            return "bool"
        return "int" if var.numeric else ("sort", var.sort or var.name)

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
        return Typed(items, ("tuple", tuple(i.type for i in items)))

    def e_call(self, tree, env):
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
        a, b = self.unify(a, b, where)
        if op not in ("=", "!=") and (isinstance(a.type, tuple)):
            pass  # symbolic values compare by their order in the sort
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
            if isinstance(a.type, tuple) and b.type == "int" and b.text:
                b = self.resolve_literal(Typed(None, "literal", b.text), a.type, where)
            elif isinstance(b.type, tuple) and a.type == "int" and a.text:
                a = self.resolve_literal(Typed(None, "literal", a.text), b.type, where)
            else:
                raise self.error(f"cannot compare {_type_name(a.type)} with {_type_name(b.type)}", where)
        return a, b

    def resolve_literal(self, lit: Typed, target, where) -> Typed:
        if target in ("int", "bool"):
            if lit.text in ("true", "false") and target == "bool":
                return Typed(s.Const(1 if lit.text == "true" else 0), "bool")
            if _is_int(lit.text):
                return Typed(s.Const(int(lit.text)), target)
            raise self.error(f"unknown name {lit.text!r}", where, self.names_hint(lit.text))
        if isinstance(target, tuple) and target[0] == "sort":
            sort = target[1]
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
        if _is_tree(tree, "name"):
            return self.agent_name(tree.children[0], None, env, tree)
        if _is_tree(tree, "index"):
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
        if isinstance(t.type, tuple) and t.type[0] == "sort":
            raise self.error(f"{t.text or 'this term'} has symbolic values ({t.type[1]}); arithmetic needs numbers", where)
        if t.type == "literal" and _is_int(t.text):
            return s.Const(int(t.text))
        return self.as_term(t, where)


# ---------------------------------------------------------------- helpers


def _observed_text(terms: list[s.Term]) -> str:
    from .printer import term_source

    if not terms:
        return "nothing"
    shown = [term_source(t) for t in terms[:8]]
    return ", ".join(shown) + (f", … ({len(terms)} terms)" if len(terms) > 8 else "")


def _flatten(kind, items: list) -> tuple:
    """a and (b and c) -> And(a, b, c): the parser nests binary connectives, the tree need not."""
    out = []
    for item in items:
        out.extend(item.items if isinstance(item, kind) else (item,))
    return tuple(out)


def _is_tree(x: Any, data: str) -> bool:
    return isinstance(x, Tree) and x.data == data


def _is_tuple(t: Typed) -> bool:
    return isinstance(t.type, tuple) and t.type[0] == "tuple"


def _is_int(text: str) -> bool:
    return text.lstrip("-").isdigit() and text.lstrip("-").isascii()


def _numeric_view(t):
    return "int" if t in ("int", "bool") else t


def _type_name(t) -> str:
    if isinstance(t, tuple):
        return f"a value of {t[1]}" if t[0] == "sort" else "a tuple"
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
    from ..engines.arith import apply_int

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
    from ..engines.arith import compare_int

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
