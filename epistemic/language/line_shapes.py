"""Parse one line of puzzle text by its shape: lark's lexer, then a tree template learnt from lark's parser.

The LALR parser's actions depend only on the types of the tokens it is fed, never on their text, and the
tree it builds (which rules, which children, which tokens are kept, which `None` placeholders) follows its
actions. Its positions (lark's `propagate_positions`) are copied from tokens by the same structural rule: a
node's start is its first token's start, its end its last token's end. So two lines whose tokens have the
same types parse to the same tree up to the tokens themselves and the positions copied from them. The
generator's new lines (the world rows, the rank list, the title, the answer) come in a few hundred such
shapes; lark's parser runs once per shape, and every other line of that shape is built from the template.

The tokens still come from lark's own contextual lexer, run exactly as lark runs it: which scanner lexes a
token depends on the parser's state after the tokens before it, a function of their types, so the states
are learnt with the template (a trie over token types) and the same per-state lexers are called. A line
whose types are not in the trie, or that does not lex, is parsed by lark (and its shape learnt).
`tests/language/test_line_shapes.py` compares the trees with lark's, node by node and every position.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .grammar import parser
from .lark_parser import LexerState, Meta, TextSlice, Token, Tree, UnexpectedInput

SHAPES = 4096  # learnt shapes kept; past that, lines of a new shape are parsed by lark and not learnt

# A node's positions come in groups that lark sets together, each from one token's start or its end.
_START_GROUPS = (("line", "column", "start_pos"), ("container_line", "container_column", "container_start_pos"))
_END_GROUPS = (("end_line", "end_column", "end_pos"),
               ("container_end_line", "container_end_column", "container_end_pos"))
_TOKEN_START = ("line", "column", "start_pos")
_TOKEN_END = ("end_line", "end_column", "end_pos")


@dataclass(frozen=True)
class MetaSpec:
    """Where a node's positions come from: `fields` in lark's order, each (name, token index, token attribute);
    `empty` as lark left it."""

    empty: bool
    fields: tuple[tuple[str, int, str], ...]

    def build(self, tokens: list[Token]) -> Meta:
        meta = Meta.__new__(Meta)
        values: dict[str, Any] = {"empty": self.empty}
        for name, index, attribute in self.fields:
            values[name] = getattr(tokens[index], attribute)
        meta.__dict__ = values
        return meta


@dataclass(frozen=True)
class NodeSpec:
    """A tree node of the template: its rule, its children (a NodeSpec, a token index, or None) and positions."""

    data: str
    children: tuple[Any, ...]
    meta: MetaSpec

    def build(self, tokens: list[Token]) -> Tree:
        children = [child if child is None else tokens[child] if child.__class__ is int else child.build(tokens)
                    for child in self.children]
        return Tree(self.data, children, self.meta.build(tokens))


def template(tree: Tree, tokens: list[Token]) -> NodeSpec | None:
    """The template of a line's tree, given the tokens the lexer made for it (in order); None when some
    token or position cannot be traced to exactly one of those tokens (then the line is not learnt)."""
    index = {id(token): i for i, token in enumerate(tokens)}
    by_start = {token.start_pos: i for i, token in enumerate(tokens)}
    by_end = {token.end_pos: i for i, token in enumerate(tokens)}
    if len(by_start) != len(tokens) or len(by_end) != len(tokens):
        return None
    return _node_spec(tree, tokens, index, by_start, by_end)


def _node_spec(tree: Tree, tokens, index, by_start, by_end) -> NodeSpec | None:
    children: list[Any] = []
    for child in tree.children:
        if child is None:
            children.append(None)
        elif child.__class__ is Token:
            if id(child) not in index or tokens[index[id(child)]] is not child:
                return None
            children.append(index[id(child)])
        elif child.__class__ is Tree:
            spec = _node_spec(child, tokens, index, by_start, by_end)
            if spec is None:
                return None
            children.append(spec)
        else:
            return None
    meta = _meta_spec(tree.meta, tokens, by_start, by_end)
    if meta is None:
        return None
    return NodeSpec(tree.data, tuple(children), meta)


def _meta_spec(meta: Meta, tokens, by_start, by_end) -> MetaSpec | None:
    values = meta.__dict__
    source: dict[str, tuple[int, str]] = {}
    for groups, lookup, attributes in ((_START_GROUPS, by_start, _TOKEN_START), (_END_GROUPS, by_end, _TOKEN_END)):
        for group in groups:
            present = [name in values for name in group]
            if not any(present):
                continue
            if not all(present) or values[group[2]] not in lookup:
                return None
            token = lookup[values[group[2]]]
            for name, attribute in zip(group, attributes):
                if getattr(tokens[token], attribute) != values[name]:
                    return None
                source[name] = (token, attribute)
    if set(values) != set(source) | {"empty"} or not isinstance(values["empty"], bool):
        return None
    return MetaSpec(values["empty"], tuple((name, *source[name]) for name in values if name != "empty"))


class _Node:
    """A trie node: the parser's state after the token types on the path to it (which picks the lexer of the
    next token), the nodes after each next type, and the template of a line that ends here."""

    __slots__ = ("state", "after", "shape")

    def __init__(self, state: int):
        self.state = state
        self.after: dict[str, _Node] = {}
        self.shape: NodeSpec | None = None


class _Spy:
    """Stands for lark's parser state before the contextual lexer: records each state it asks for."""

    __slots__ = ("parser_state", "seen")

    def __init__(self, parser_state, seen: list[int]):
        self.parser_state = parser_state
        self.seen = seen

    @property
    def position(self) -> int:
        state = self.parser_state.position
        self.seen.append(state)
        return state


class _RecordingThread:
    """lark's lexer thread for one text, keeping the tokens it hands the parser and the states it lexed in."""

    def __init__(self, lexer, text: str):
        self.lexer = lexer
        self.state = LexerState(TextSlice.cast_from(text))
        self.tokens: list[Token] = []
        self.states: list[int] = []

    def lex(self, parser_state):
        for token in self.lexer.lex(self.state, _Spy(parser_state, self.states)):
            self.tokens.append(token)
            yield token


class LineShapes:
    """The memo of line shapes for one parser: `parse(chunk)` is `parser.parse(chunk, start="start")`.

    It only ever learns (a memo of a pure function, bounded by SHAPES), so sharing one per process is safe."""

    def __init__(self, lark):
        frontend = lark.parser
        self.lexers = frontend.lexer.lexers  # the contextual lexer's scanner for each parser state
        self.contextual = frontend.lexer
        self.lalr = frontend.parser.parser
        self.root: _Node | None = None
        self.learnt = 0

    def parse(self, chunk: str) -> Tree:
        """The tree of one line (or any text parsed from `start`); raises lark's errors as lark does."""
        tree = self.by_shape(chunk)
        return tree if tree is not None else self.learn(chunk)

    def by_shape(self, chunk: str) -> Tree | None:
        """The tree built from a learnt template, or None when the line's shape is not known (or it does not lex)."""
        node = self.root
        if node is None:
            return None
        lex_state = LexerState(TextSlice(chunk, 0, len(chunk)))
        lexers = self.lexers
        tokens: list[Token] = []
        while True:
            try:
                token = lexers[node.state].next_token(lex_state, None)
            except EOFError:
                break
            except UnexpectedInput:
                return None
            node = node.after.get(token.type)
            if node is None:
                return None
            tokens.append(token)
        return None if node.shape is None else node.shape.build(tokens)

    def learn(self, chunk: str) -> Tree:
        """Parse with lark's own parser and lexer, and keep the line's template and lexer states."""
        thread = _RecordingThread(self.contextual, chunk)
        tree = self.lalr.parse(thread, "start")
        if self.learnt < SHAPES and len(thread.states) == len(thread.tokens) + 1:
            shape = template(tree, thread.tokens)
            if shape is not None:
                self._insert([token.type for token in thread.tokens], thread.states, shape)
        return tree

    def _insert(self, types: list[str], states: list[int], shape: NodeSpec) -> None:
        if self.root is None:
            self.root = _Node(states[0])
        node = self.root
        if node.state != states[0]:
            return
        for kind, state in zip(types, states[1:]):
            after = node.after.get(kind)
            if after is None:
                after = node.after[kind] = _Node(state)
            elif after.state != state:  # cannot happen for an LALR parser; refuse rather than guess
                return
            node = after
        if node.shape is None:
            node.shape = shape
            self.learnt += 1


@functools.lru_cache(maxsize=1)
def line_shapes() -> LineShapes:
    """The shapes memo of the puzzle parser (grammar.parser())."""
    return LineShapes(parser())


def parse_line(chunk: str) -> Tree:
    """`parser().parse(chunk, start="start")`, by shape where one was learnt."""
    return line_shapes().parse(chunk)


__all__ = ["LineShapes", "MetaSpec", "NodeSpec", "SHAPES", "line_shapes", "parse_line", "template"]
