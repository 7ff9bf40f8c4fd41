"""Parse puzzle text one line at a time, reusing the parse of a line seen before (for generated text).

A puzzle is a sequence of one-line statements (`start: (_NL | statement)*`), and the parser is in the
same state at the start of every line, so a line parses to the same subtree wherever it stands; only
its positions differ. The generator writes thousands of puzzles that share most lines (the dialogue,
the agents, the value lists), so parsing each distinct line once and shifting its positions gives the
tree `parse.parse_text` gives, positions included, for a fraction of the parser's work. Every line is
still lexed by lark's lexer and parsed by the real grammar, or built from the template of a line of the same
token types that the real grammar parsed (line_shapes.py: lark's parser decides by token types alone). Text with line continuations or carriage returns, and any line that
does not parse alone, goes through `parse.parse_text` whole (which also gives the located error).
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ..errors import EpistemicError
from ..limits import check_numbers, check_tree_depth
from .lark_parser import Meta, Token, Tree, UnexpectedInput
from .line_shapes import parse_line
from .parse import parse_text

# A line with the run of line breaks after it: exactly the text one `_NL` token ends.
_LINE = re.compile(r"[^\n]*\n+")
CACHED_LINES = 8192


class Placed(NamedTuple):
    """One statement as the line cache holds it (positions from line 1, offset 0: shared, never changed)
    and where its line stands in the text: its positions there are its own plus `lines` lines and `pos`
    characters (columns stay), exactly what `parse_by_line`'s copy of it carries."""

    tree: Tree
    lines: int
    pos: int


def statements_by_line(text: str) -> list[Placed] | None:
    """The puzzle's statements, in order, each the cached tree of its line with its line's offsets: what
    `parse_by_line(text).children` holds, without copying a node. None where `parse_by_line` would not
    build the tree from lines (line continuations, a carriage return or NUL, a line that does not parse
    alone) or a line breaks a parse-tree limit: the caller then parses the whole text, which also gives
    the located error.

    The elaborator reads positions only to slice an announcement's or the question's source and to make
    an announcement's span, so it can take these shared subtrees and add the offsets itself
    (`Elaborator.placed_puzzle`); the copies cost about a sixth of a generated puzzle's CPU time."""
    if not text.endswith("\n"):
        text += "\n"
    if "\\" in text or "\r" in text or "\x00" in text:
        return None
    out: list[Placed] = []
    pos = line = 0
    for match in _LINE.finditer(text):
        chunk = match.group()
        parsed = _parse_line(chunk)
        if parsed is None or not parsed.within_limits:
            return None
        for child in parsed.tree.children:
            if child.__class__ is Tree:
                out.append(Placed(child, line, pos))
        pos = match.end()
        line += chunk.count("\n")
    return out


def parse_by_line(text: str, file: str = "<text>") -> Tree:
    """The puzzle's parse tree, equal (positions included) to `parse_text(text, file)`."""
    if not text.endswith("\n"):
        text += "\n"
    if "\\" in text or "\r" in text or "\x00" in text:
        return parse_text(text, file)
    children: list = []
    first = last = None
    pos = line = 0
    within_limits = True
    for match in _LINE.finditer(text):
        chunk = match.group()
        parsed = _parse_line(chunk)
        if parsed is None:
            return parse_text(text, file)
        tree = parsed.tree
        within_limits = within_limits and parsed.within_limits
        if not tree.meta.empty:
            shifted = _shift_meta(tree.meta, line, pos)
            first = first or shifted
            last = shifted
        children.extend(_shift(child, line, pos) for child in tree.children)
        pos = match.end()
        line += chunk.count("\n")
    root = Tree("start", children, _root_meta(first, last))
    if not within_limits:  # some line is too deep or has too long a number: the whole tree's check says where
        check_tree_depth(root, file, text)
        check_numbers(root, file, text)
    return root


class _Line(NamedTuple):
    """A parsed line: its tree at line 1, position 0, and whether it passes the parse-tree limits."""

    tree: Tree
    within_limits: bool


@functools.lru_cache(maxsize=CACHED_LINES)
def _parse_line(chunk: str) -> _Line | None:
    """One line's tree at line 1, position 0 (never handed out: callers get shifted copies); None when
    the line does not parse alone."""
    try:
        tree = parse_line(chunk)  # lark's parser, or the template of a line of the same shape
    except (UnexpectedInput, RecursionError):
        return None
    return _Line(tree, _within_limits(tree))


def _within_limits(tree: Tree) -> bool:
    """Does the line pass limits.py's depth and number checks? They hold for a puzzle exactly when they
    hold for each of its lines: its root is `start` like each line's, with the lines' statements one level
    down, and the numbers are the lines' tokens. So the walks over the whole tree run only when a line fails
    (to raise the error located in the whole text)."""
    try:
        check_tree_depth(tree, "<line>", "")
        check_numbers(tree, "<line>", "")
    except EpistemicError:
        return False
    return True


def _shift(node, lines: int, pos: int):
    """A copy of a subtree moved down `lines` lines and on `pos` characters (columns stay)."""
    kind = node.__class__  # the parser makes exactly these classes (no subclasses): one test per node
    if kind is Tree:
        return Tree(node.data, [_shift(child, lines, pos) for child in node.children],
                    _shift_meta(node.meta, lines, pos))
    if kind is Token:
        return _shift_token(node, lines, pos)
    return node  # None: an absent optional part (maybe_placeholders)


_new_str = str.__new__


def _shift_token(token: Token, lines: int, pos: int) -> Token:
    """`Token(type, value, start_pos + pos, line + lines, column, end_line + lines, end_column, end_pos + pos)`
    without the constructor's argument handling (Token.__new__ checks a deprecated keyword and calls
    `_future_new`, which does what this does): about a third of the copy's time."""
    out = _new_str(Token, token.value)
    out.type = token.type
    out.value = token.value
    out.start_pos = token.start_pos + pos
    out.line = token.line + lines
    out.column = token.column
    out.end_line = token.end_line + lines
    out.end_column = token.end_column
    out.end_pos = token.end_pos + pos
    return out


def _shift_meta(meta: Meta, lines: int, pos: int) -> Meta:
    """A copy of a node's positions moved like `_shift`. lark sets a node's start (line, start_pos) and its
    end (end_line, end_pos) each as a group, and the container's likewise: one test per group."""
    fields = meta.__dict__.copy()
    for line, at in _META_GROUPS:
        if line in fields:
            fields[line] += lines
            fields[at] += pos
    out = _new_meta(Meta)
    out.__dict__ = fields
    return out


_new_meta = Meta.__new__
# (line field, position field) of each group lark sets together: the node's start and end, the container's
_META_GROUPS = (("line", "start_pos"), ("end_line", "end_pos"), ("container_line", "container_start_pos"),
                ("container_end_line", "container_end_pos"))


def _root_meta(first: Meta | None, last: Meta | None) -> Meta:
    """The root's positions: from its first line with any token to its last (as lark sets them)."""
    meta = Meta()
    if first is None:
        return meta
    meta.empty = False
    meta.line, meta.column, meta.start_pos = first.line, first.column, first.start_pos
    meta.end_line, meta.end_column, meta.end_pos = last.end_line, last.end_column, last.end_pos
    # lark's container positions: the first and last lines' own (each line's root took them from its statements)
    meta.container_line = getattr(first, "container_line", first.line)
    meta.container_column = getattr(first, "container_column", first.column)
    meta.container_start_pos = getattr(first, "container_start_pos", first.start_pos)
    meta.container_end_line = getattr(last, "container_end_line", last.end_line)
    meta.container_end_column = getattr(last, "container_end_column", last.end_column)
    meta.container_end_pos = getattr(last, "container_end_pos", last.end_pos)
    return meta
