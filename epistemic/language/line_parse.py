"""Parse puzzle text one line at a time, reusing the parse of a line seen before (for generated text).

A puzzle is a sequence of one-line statements (`start: (_NL | statement)*`), and the parser is in the
same state at the start of every line, so a line parses to the same subtree wherever it stands; only
its positions differ. The generator writes thousands of puzzles that share most lines (the dialogue,
the agents, the value lists), so parsing each distinct line once and shifting its positions gives the
tree `parse.parse_text` gives, positions included, for a fraction of the parser's work. Every line is
still parsed by the real grammar. Text with line continuations or carriage returns, and any line that
does not parse alone, goes through `parse.parse_text` whole (which also gives the located error).
"""
from __future__ import annotations

import functools
import re

from lark import Token, Tree
from lark.exceptions import UnexpectedInput
from lark.tree import Meta

from ..limits import check_numbers, check_tree_depth
from .grammar import parser
from .parse import parse_text

# A line with the run of line breaks after it: exactly the text one `_NL` token ends.
_LINE = re.compile(r"[^\n]*\n+")
CACHED_LINES = 8192
# The position attributes lark's Meta may carry (propagate_positions): lines shift, columns stay.
_LINE_KEYS = ("line", "end_line", "container_line", "container_end_line")
_POS_KEYS = ("start_pos", "end_pos", "container_start_pos", "container_end_pos")


def parse_by_line(text: str, file: str = "<text>") -> Tree:
    """The puzzle's parse tree, equal (positions included) to `parse_text(text, file)`."""
    if not text.endswith("\n"):
        text += "\n"
    if "\\" in text or "\r" in text or "\x00" in text:
        return parse_text(text, file)
    children: list = []
    first = last = None
    pos = line = 0
    for match in _LINE.finditer(text):
        chunk = match.group()
        tree = _parse_line(chunk)
        if tree is None:
            return parse_text(text, file)
        if not tree.meta.empty:
            shifted = _shift_meta(tree.meta, line, pos)
            first = first or shifted
            last = shifted
        children.extend(_shift(child, line, pos) for child in tree.children)
        pos = match.end()
        line += chunk.count("\n")
    root = Tree("start", children, _root_meta(first, last))
    check_tree_depth(root, file, text)
    check_numbers(root, file, text)
    return root


@functools.lru_cache(maxsize=CACHED_LINES)
def _parse_line(chunk: str) -> Tree | None:
    """One line's tree at line 1, position 0 (never handed out: callers get shifted copies); None when
    the line does not parse alone."""
    try:
        return parser().parse(chunk, start="start")
    except (UnexpectedInput, RecursionError):
        return None


def _shift(node, lines: int, pos: int):
    """A copy of a subtree moved down `lines` lines and on `pos` characters (columns stay)."""
    if isinstance(node, Tree):
        return Tree(node.data, [_shift(child, lines, pos) for child in node.children],
                    _shift_meta(node.meta, lines, pos))
    if isinstance(node, Token):
        return Token(node.type, node.value, node.start_pos + pos, node.line + lines, node.column,
                     node.end_line + lines, node.end_column, node.end_pos + pos)
    return node  # None: an absent optional part (maybe_placeholders)


def _shift_meta(meta: Meta, lines: int, pos: int) -> Meta:
    fields = dict(vars(meta))
    for key in _LINE_KEYS:
        if key in fields:
            fields[key] += lines
    for key in _POS_KEYS:
        if key in fields:
            fields[key] += pos
    out = Meta.__new__(Meta)
    out.__dict__ = fields
    return out


def _root_meta(first: Meta | None, last: Meta | None) -> Meta:
    """The root's positions: from its first line with any token to its last (as lark sets them)."""
    meta = Meta()
    if first is None:
        return meta
    meta.empty = False
    meta.line, meta.column, meta.start_pos = first.line, first.column, first.start_pos
    meta.end_line, meta.end_column, meta.end_pos = last.end_line, last.end_column, last.end_pos
    return meta
