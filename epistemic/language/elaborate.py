"""Lark tree -> Puzzle: declarations, the world table, agents, announcements and the question.

Expressions inside statements are elaborated by expressions.Expressions, which this extends.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import EpistemicError, Location
from ..limits import tree_leaves
from . import syntax as s
from .lark_parser import Token, Tree
from .expressions import MAX_EXPANSION, Expressions, TupleType, is_int, is_tree
from .parse import parse_text

BOOL_VALUES = (s.Value("0", 0, ("false",)), s.Value("1", 1, ("true",)))


def load_puzzle(text: str, file: str = "<text>", params: dict[str, int] | None = None,
                by_line: bool = False) -> s.Puzzle:
    """Parse and elaborate a puzzle text; `params` override the file's `param` defaults.

    `by_line`: parse line by line, reusing lines parsed before (line_parse.py: the same tree; for the
    generator, whose puzzles share most of their lines; imported only there, `solve` never loads it)."""
    if by_line:
        from .line_parse import parse_by_line, statements_by_line

        placed = statements_by_line(text)
        if placed is not None:
            try:
                return Elaborator(text, file, params or {}).placed_puzzle(placed)
            except EpistemicError:
                pass  # raised again below from the whole tree, whose nodes carry the error's location
        tree = parse_by_line(text, file)
    else:
        tree = parse_text(text, file)
    return Elaborator(text, file, params or {}).puzzle(tree)


def parse_claim(text: str, puzzle: s.Puzzle) -> tuple[s.Formula, int | None]:
    """A claim in the puzzle's vocabulary -> (formula, stage or None)."""
    tree = parse_text(text, "<claim>", start="claim")
    elab = Expressions.for_puzzle(puzzle, text)
    stage_token, body = tree.children
    elab.check_expansion([body], {})
    return elab.formula(body, {}), (int(stage_token) if stage_token is not None else None)


class Elaborator(Expressions):
    """Turns one parsed puzzle into a Puzzle; holds only that puzzle's declarations."""

    def __init__(self, source: str, file: str, overrides: dict[str, int]):
        super().__init__(source, file)
        self.overrides = dict(overrides)

    # ------------------------------------------------------------ puzzle

    def puzzle(self, tree: Tree) -> s.Puzzle:
        """Two passes: declarations first (so statements may use names declared below them), then the body."""
        return self.placed_puzzle([(st, 0, 0) for st in tree.children if isinstance(st, Tree)])

    def placed_puzzle(self, placed: list[tuple[Tree, int, int]]) -> s.Puzzle:
        """The puzzle of statements given as (tree, lines, pos): each statement's positions are its tree's
        plus `lines` lines and `pos` characters (line_parse.statements_by_line hands out the line cache's
        own trees so; a whole parse gives offsets 0). Positions are read only for source slices and
        announcement spans (`self.shift`); an error's location is right only at offsets 0, so callers with
        other offsets elaborate the whole tree again to raise it."""
        statements = [st for st, _, _ in placed]
        decls = _Declarations()
        for st, lines, pos in placed:
            method = self._DECLARE.get(st.data)
            if method is not None:
                self.shift = (lines, pos)
                method(self, st, decls)
        sc = self.scope
        if self.overrides:
            name = next(iter(self.overrides))
            raise EpistemicError(f"unknown parameter {name!r}", None,
                                 f"the puzzle declares: {', '.join(sc.params) or 'no parameters'}")
        rows = self.build_table(decls.table, decls.columns, decls.rows) if decls.table else ()
        if decls.table:
            sc.tuples[decls.table] = decls.columns
        if not sc.variables:
            raise EpistemicError("the puzzle declares no variables", Location(sc.file, 1, 1),
                                 "declare worlds with `worlds NAME(a, b):` rows or `var x in 1..9`")
        if not sc.agents:
            raise EpistemicError("the puzzle declares no agents", Location(sc.file, 1, 1),
                                 "add e.g. `agent P observes rank`")
        self.check_expansion([st for st in statements if st.data in self._BUILD], {})  # refused before expanding
        body = _Body()
        for st, lines, pos in placed:
            method = self._BUILD.get(st.data)
            if method is not None:
                self.shift = (lines, pos)
                method(self, st, body)
        self.shift = (0, 0)
        not_applicable: list[str] = []
        if any(sc.params[n] != v for n, v in decls.defaults.items()):  # expectations hold at the file's own values
            if body.expected_answer is not None and not body.answer_uses_params:
                body.expected_answer, not_applicable = None, not_applicable + ["answer"]
            if body.expected_stages is not None:
                body.expected_stages, not_applicable = None, not_applicable + ["stages"]
        question = body.question
        if question is not None and question.source in body.templates:
            question = replace(question, template=body.templates[question.source])
        return s.Puzzle(
            title=decls.title or sc.file,
            file=sc.file,
            variables=tuple(sc.variables.values()),
            table_columns=decls.columns,
            table_rows=rows,
            constraints=tuple(body.constraints),
            agents=tuple(body.agents),
            announcements=tuple(body.announcements),
            question=question,
            expected_answer=body.expected_answer,
            expected_stages=body.expected_stages,
            params=tuple(sc.params.items()),
            texts=tuple(body.texts),
            source=sc.source,
            names=tuple(sc.tuples.items()),
            param_defaults=tuple(decls.defaults.items()),
            not_applicable=tuple(not_applicable),
        )

    # ------------------------------------------------------------ pass 1: declarations

    def d_puzzle(self, st: Tree, decls: "_Declarations") -> None:
        decls.title = str(st.children[0])[1:-1]

    def d_param(self, st: Tree, decls: "_Declarations") -> None:
        name = str(st.children[0])
        decls.defaults[name] = self.const(st.children[1], {})
        self.scope.params[name] = self.overrides.pop(name) if name in self.overrides else decls.defaults[name]

    def d_values(self, st: Tree, decls: "_Declarations") -> None:
        self.declare_sort(st)

    def d_var(self, st: Tree, decls: "_Declarations") -> None:
        self.declare_vars(st)

    def d_worlds(self, st: Tree, decls: "_Declarations") -> None:
        if decls.table is not None:
            raise self.error("only one `worlds` table is allowed", st)
        decls.table = str(st.children[0])
        decls.columns = tuple(str(c) for c in st.children[1:])
        if len(decls.columns) < 2:
            raise self.error("a worlds table needs at least two columns", st)

    def d_row(self, st: Tree, decls: "_Declarations") -> None:
        if decls.table is None:
            raise self.error("a table row must follow a `worlds NAME(col, ...):` line", st,
                             "declare the table first, e.g. `worlds card(suit, rank):`")
        decls.rows.append((st, self.row_values(st, len(decls.columns))))

    def d_let(self, st: Tree, decls: "_Declarations") -> None:
        self.scope.lets[str(st.children[0])] = st.children[1]

    def d_agent(self, st: Tree, decls: "_Declarations") -> None:
        self.declare_agent(st)

    # ------------------------------------------------------------ pass 2: the body

    def b_puzzle(self, st: Tree, body: "_Body") -> None:
        body.target = _TextTarget("puzzle")

    def b_where(self, st: Tree, body: "_Body") -> None:
        f = self.formula(st.children[0], {})
        if s.is_modal(f):
            raise self.error("a `where` constraint cannot talk about knowledge", st)
        body.constraints.append(f)

    def b_agent(self, st: Tree, body: "_Body") -> None:
        body.agents.extend(self.build_agents(st))

    def b_announce(self, st: Tree, body: "_Body") -> None:
        body.announce([self.announcement(st.children[0], {}, None)])

    def b_repeat(self, st: Tree, body: "_Body") -> None:
        count = self.const(st.children[0], {})
        if count < 0:
            raise self.error(f"cannot repeat a negative number of times ({count})", st.children[0])
        if count > MAX_EXPANSION:
            raise self.error(f"cannot repeat {count:,} times (the limit is {MAX_EXPANSION:,})", st.children[0],
                             "use a smaller count or parameter")
        self.check_size(count, st.children[0])
        body.announce([self.announcement(st.children[1], {}, k + 1) for k in range(count)])

    def b_each(self, st: Tree, body: "_Body") -> None:
        bindings = list(self.comprehension(st.children[0], {}))
        body.announce([self.announcement(st.children[1], env, None) for env in bindings])

    def b_ask(self, st: Tree, body: "_Body") -> None:
        if body.question is not None:
            raise self.error("the puzzle already asks a question", st)
        body.question = self.question(st.children[0])
        body.target = _TextTarget("question")

    def b_answer(self, st: Tree, body: "_Body") -> None:
        self.b_ask(st, body)
        body.expected_answer = (self.answer_value(st.children[1], body.question, st),)
        value = st.children[1]
        tokens = [value] if isinstance(value, Token) else [t for t in tree_leaves(value) if isinstance(t, Token)]
        body.answer_uses_params = any(str(t) in self.scope.params for t in tokens)

    def b_expect(self, st: Tree, body: "_Body") -> None:
        body.expected_stages = tuple(int(t) for t in st.children)

    def b_show(self, st: Tree, body: "_Body") -> None:
        body.templates[self.source_of(st.children[0])] = str(st.children[1])[1:-1]

    def b_text(self, st: Tree, body: "_Body") -> None:
        body.attach_text(str(st.children[0]), str(st.children[1])[1:-1])

    _DECLARE = {"puzzle_stmt": d_puzzle, "param_stmt": d_param, "values_stmt": d_values, "var_stmt": d_var,
                "worlds_stmt": d_worlds, "row_stmt": d_row, "tuple_row_stmt": d_row, "let_stmt": d_let,
                "agent_stmt": d_agent}
    _BUILD = {"puzzle_stmt": b_puzzle, "where_stmt": b_where, "agent_stmt": b_agent, "announce_stmt": b_announce,
              "repeat_stmt": b_repeat, "each_stmt": b_each, "ask_stmt": b_ask, "answer_stmt": b_answer,
              "expect_stmt": b_expect, "show_stmt": b_show, "text_stmt": b_text}

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
        numeric = all(is_int(v) for v, _ in values)
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
                if b < a:
                    raise self.error(f"the family {name}[{a}..{b}] is empty", target,
                                     "check the range's ends (and the parameters they use)")
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
            self.check_size(b - a + 1, tree, counted=False)
            return tuple(s.Value(str(i), i) for i in range(a, b + 1)), True, None
        if tree.data == "set_domain":
            texts = [self.value_text(v) for v in tree.children]
            numeric = all(is_int(t) for t in texts)
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

    def row_values(self, st: Tree, width: int) -> list[list[str]]:
        """A table row as a list of full tuples of value spellings."""
        if st.data == "tuple_row_stmt":
            tuples = [[self.value_text(v) for v in t.children] for t in st.children]
        else:
            first = self.value_text(st.children[0])
            tuples = []
            for entry in st.children[1:]:
                rest = [self.value_text(v) for v in entry.children] if is_tree(entry, "tuple_lit") else [self.value_text(entry)]
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
        exact = [_exact_codes(var) for var in variables]  # code_of's first, exact-spelling search, as one lookup
        for st, tuples in raw_rows:
            for t in tuples:
                codes = tuple(spelled[text] if text in spelled else self.code_of(var, text, st)
                              for spelled, var, text in zip(exact, variables, t))
                if codes in seen:
                    raise self.error(f"the table lists ({', '.join(t)}) twice", st)
                seen.add(codes)
                rows.append(codes)
        return tuple(rows)

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
        if isinstance(t.type, TupleType):
            return [x.node for x in t.node]
        if t.type == "family":
            return [s.Var(v) for v in t.node]
        return [self.as_term(t, tree)]

    # ------------------------------------------------------------ announcements, question

    def announcement(self, tree: Tree, env: dict, round_: int | None) -> s.Announcement:
        meta, lines = tree.meta, self.shift[0]
        span = s.Span(meta.line + lines, meta.column, meta.end_line + lines, meta.end_column)
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
        if isinstance(t.type, TupleType):
            terms = tuple(self.as_term(x, tree) for x in t.node)
        elif t.type == "family":
            terms = tuple(s.Var(v) for v in t.node)
        else:
            terms = (self.as_term(t, tree),)
        return s.Question(terms, self.source_of(tree))

    def answer_value(self, tree: Tree, question: s.Question, st: Tree) -> tuple[int, ...]:
        items = tree.children
        if len(items) == 1 and is_tree(items[0], "tuple_lit"):
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
            elif is_int(text):
                codes.append(int(text))
            else:
                raise self.error(f"{text!r} is not a number", tree)
        return tuple(codes)

    def variable_of(self, term: s.Term) -> s.Variable | None:
        if isinstance(term, s.Var):
            return self.scope.variables[term.name]
        return None


@dataclass
class _Declarations:
    """What the first pass collects: the title and the world table (names go into the Expressions scope)."""

    title: str = ""
    defaults: dict[str, int] = field(default_factory=dict)  # each `param`'s value in the file
    table: str | None = None
    columns: tuple[str, ...] = ()
    rows: list[tuple[Tree, list]] = field(default_factory=list)


@dataclass(frozen=True)
class _TextTarget:
    """What an `en:` / `zh:` line attaches to: the puzzle, the question, or the last announcement statement
    (which `repeat` and `for` expand into `count` announcements from `start`)."""

    kind: str  # "puzzle" | "question" | "announcements"
    start: int = 0
    count: int = 0


@dataclass
class _Body:
    """What the second pass builds, in statement order."""

    constraints: list[s.Formula] = field(default_factory=list)
    agents: list[s.Agent] = field(default_factory=list)
    announcements: list[s.Announcement] = field(default_factory=list)
    question: s.Question | None = None
    expected_answer: tuple[tuple[int, ...], ...] | None = None
    expected_stages: tuple[int, ...] | None = None
    answer_uses_params: bool = False  # an `answer` written with a parameter applies at any parameters
    templates: dict[str, str] = field(default_factory=dict)
    texts: list[tuple[str, str]] = field(default_factory=list)
    target: _TextTarget = _TextTarget("puzzle")

    def announce(self, new: list[s.Announcement]) -> None:
        self.target = _TextTarget("announcements", len(self.announcements), len(new))
        self.announcements.extend(new)

    def attach_text(self, lang: str, text: str) -> None:
        if self.target.kind == "puzzle":
            self.texts.append((lang, text))
        elif self.target.kind == "question":
            self.question = replace(self.question, texts=self.question.texts + ((lang, text),))
        else:
            for i in range(self.target.start, self.target.start + self.target.count):
                a = self.announcements[i]
                self.announcements[i] = replace(a, texts=a.texts + ((lang, text),))


def _exact_codes(var: s.Variable) -> dict[str, int]:
    """Each exact spelling of the variable's values (name or alias) and the code `code_of` finds for it: the
    first value, in order, spelled that way. A table has a cell per world and column; other spellings (another
    case) and errors still go through `code_of`."""
    out: dict[str, int] = {}
    for value, code in zip(var.values, var.codes):
        for spelling in (value.name, *value.aliases):
            out.setdefault(spelling, code)
    return out


def _observed_text(terms: list[s.Term]) -> str:
    from .printer import term_source

    if not terms:
        return "nothing"
    shown = [term_source(t) for t in terms[:8]]
    return ", ".join(shown) + (f", … ({len(terms)} terms)" if len(terms) > 8 else "")
