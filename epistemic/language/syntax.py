"""The syntax tree: frozen dataclasses for terms, formulas and elaborated puzzles.

Every term denotes an integer at a world (symbolic values are stored as their index in their
sort, booleans as 0/1); every formula denotes a set of worlds of the current model.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Union

# ---------------------------------------------------------------- terms


@dataclass(frozen=True)
class Const:
    value: int


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class Arith:
    """Binary arithmetic: + - * / (floor division) mod (sign of divisor); x / 0 = x mod 0 = 0."""

    op: str
    left: "Term"
    right: "Term"


@dataclass(frozen=True)
class Neg:
    term: "Term"


@dataclass(frozen=True)
class Count:
    """How many of the formulas hold (used for count(...) and sums of booleans)."""

    formulas: tuple["Formula", ...]


Term = Union[Const, Var, Arith, Neg, Count]

# ---------------------------------------------------------------- formulas


@dataclass(frozen=True)
class Bool:
    value: bool


@dataclass(frozen=True)
class Not:
    body: "Formula"


@dataclass(frozen=True)
class And:
    items: tuple["Formula", ...]


@dataclass(frozen=True)
class Or:
    items: tuple["Formula", ...]


@dataclass(frozen=True)
class Implies:
    left: "Formula"
    right: "Formula"


@dataclass(frozen=True)
class Iff:
    left: "Formula"
    right: "Formula"


@dataclass(frozen=True)
class Compare:
    """op is one of = != < <= > >=."""

    op: str
    left: Term
    right: Term


@dataclass(frozen=True)
class Member:
    term: Term
    values: tuple[int, ...]


GROUP_KINDS = ("agent", "everyone", "common", "distributed")
MODES = ("that", "whether", "value")


@dataclass(frozen=True)
class Knows:
    """Knowledge of a group: kind 'agent' (one agent), 'everyone' (E), 'common' (C), 'distributed' (D).

    mode 'that': body is a formula; 'whether': body is a formula (knows it or knows its negation);
    'value': body is a tuple of terms (each takes one value over the agent's class).
    """

    kind: str
    agents: tuple[str, ...]
    mode: str
    body: Union["Formula", tuple[Term, ...]]


@dataclass(frozen=True)
class Possible:
    """M_a φ: agent a considers φ possible (φ holds somewhere in a's class)."""

    agent: str
    body: "Formula"


@dataclass(frozen=True)
class Past:
    """φ evaluated `back` announcements earlier (before); back=None means at stage 0 (initially)."""

    body: "Formula"
    back: int | None = 1


@dataclass(frozen=True)
class Announce:
    """[!φ]ψ: if φ holds, ψ holds after φ is publicly announced."""

    announcement: "Formula"
    body: "Formula"


Formula = Union[Bool, Not, And, Or, Implies, Iff, Compare, Member, Knows, Possible, Past, Announce]


Node = Union[Term, Formula]
NODE_TYPES = (Const, Var, Arith, Neg, Count, Bool, Not, And, Or, Implies, Iff, Compare, Member, Knows, Possible,
              Past, Announce)
MODAL_TYPES = (Knows, Possible, Past, Announce)
# The fields of each node type that hold sub-nodes (a node, or a tuple of nodes), in declaration order.
_CHILD_FIELDS = {
    Arith: ("left", "right"), Neg: ("term",), Count: ("formulas",), Not: ("body",), And: ("items",),
    Or: ("items",), Implies: ("left", "right"), Iff: ("left", "right"), Compare: ("left", "right"),
    Member: ("term",), Knows: ("body",), Possible: ("body",), Past: ("body",), Announce: ("announcement", "body"),
}


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-terms and sub-formulas of a node, in field order (the one generic view of the tree)."""
    out: list[Node] = []
    for name in _CHILD_FIELDS.get(type(node), ()):
        value = getattr(node, name)
        if isinstance(value, tuple):
            out.extend(value)
        else:
            out.append(value)
    return tuple(out)


def with_children(node: Node, new: tuple[Node, ...]) -> Node:
    """The node rebuilt with `new` in place of its children (same order and shape as children(node))."""
    names = _CHILD_FIELDS.get(type(node), ())
    if not names:
        return node
    changes, at = {}, 0
    for name in names:
        value = getattr(node, name)
        if isinstance(value, tuple):
            changes[name], at = tuple(new[at:at + len(value)]), at + len(value)
        else:
            changes[name], at = new[at], at + 1
    return replace(node, **changes)


def walk(node: Node):
    """Every node of the tree, pre-order, without recursion (deep trees cannot overflow the stack)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def walk_shared(roots):
    """Every node object under the roots once (a subtree shared by many formulas, such as an inner `all`
    the elaborator expanded once, is visited once), without recursion."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(children(current))


def transform(node: Node, fn) -> Node:
    """Rebuild the tree bottom-up, replacing each node by fn(node with transformed children)."""
    kids = children(node)
    if kids:
        node = with_children(node, tuple(transform(k, fn) for k in kids))
    return fn(node)


def is_modal(node: Node) -> bool:
    """Does a formula or term mention knowledge, the past or an announcement anywhere inside it?"""
    return any(isinstance(n, MODAL_TYPES) for n in walk(node))


def is_static_term(t: Term) -> bool:
    """A term built from variables, constants and arithmetic only: its value depends on the world alone."""
    return all(isinstance(n, (Var, Const, Arith, Neg)) for n in walk(t))


# ---------------------------------------------------------------- puzzles


@dataclass(frozen=True)
class Value:
    """One value of a variable: its canonical name, its integer (numeric sorts) and its aliases."""

    name: str
    number: int | None = None
    aliases: tuple[str, ...] = ()

    def alias_of_kind(self, kind: str) -> str | None:
        """The first alias that is a symbol (♦), Chinese (方块) or a word, by kind."""
        for alias in self.aliases:
            if _alias_kind(alias) == kind:
                return alias
        return None


def _alias_kind(text: str) -> str:
    if any("\u3400" <= ch <= "\u9fff" for ch in text):
        return "zh"
    if not any(ch.isalnum() for ch in text):
        return "symbol"
    return "word"


@dataclass(frozen=True)
class Variable:
    """A variable with a finite domain. codes[i] is what columns store for values[i]."""

    name: str
    values: tuple[Value, ...]
    numeric: bool
    sort: str | None = None

    @property
    def codes(self) -> tuple[int, ...]:
        if self.numeric:
            return tuple(v.number for v in self.values)  # type: ignore[misc]
        return tuple(range(len(self.values)))

    def value_of(self, code: int) -> Value:
        if self.numeric:
            for v in self.values:
                if v.number == code:
                    return v
            return Value(str(code), code)
        return self.values[code]


@dataclass(frozen=True)
class Agent:
    name: str
    observes: tuple[Term, ...]
    display: tuple[str, ...] = ()
    observes_text: str = ""


@dataclass(frozen=True)
class Span:
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0


@dataclass(frozen=True)
class Announcement:
    """A public announcement. For `a says: φ` the content is K_a φ (a truthful speaker)."""

    content: Formula
    said: Formula
    speaker: str | None
    source: str
    texts: tuple[tuple[str, str], ...] = ()
    span: Span | None = None
    round: int | None = None

    def text(self, lang: str) -> str | None:
        return dict(self.texts).get(lang)


@dataclass(frozen=True)
class Question:
    """The term a puzzle asks for (a tuple of terms) and how it is named and shown."""

    terms: tuple[Term, ...]
    source: str
    template: str | None = None
    texts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Puzzle:
    """An elaborated puzzle: everything resolved to variables, agents and formulas."""

    title: str
    file: str
    variables: tuple[Variable, ...]
    table_columns: tuple[str, ...]
    table_rows: tuple[tuple[int, ...], ...]
    constraints: tuple[Formula, ...]
    agents: tuple[Agent, ...]
    announcements: tuple[Announcement, ...]
    question: Question | None
    expected_answer: tuple[tuple[int, ...], ...] | None = None
    expected_stages: tuple[int, ...] | None = None
    params: tuple[tuple[str, int], ...] = ()
    texts: tuple[tuple[str, str], ...] = ()
    source: str = field(default="", repr=False, compare=False)
    names: tuple[tuple[str, tuple[str, ...]], ...] = ()
    param_defaults: tuple[tuple[str, int], ...] = ()
    """the file's own `param` values: expectations written as numbers hold at these"""
    not_applicable: tuple[str, ...] = ()
    """expectations ("answer", "stages") left out because --param changed the values they were written for"""

    def variable(self, name: str) -> Variable:
        for v in self.variables:
            if v.name == name:
                return v
        raise KeyError(name)

    def agent(self, name: str) -> Agent:
        for a in self.agents:
            if a.name == name:
                return a
        raise KeyError(name)

    def text(self, lang: str) -> str | None:
        return dict(self.texts).get(lang)
