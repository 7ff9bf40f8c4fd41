"""Text -> Lark tree, turning Lark's exceptions into located messages with hints."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import EpistemicError, Location
from ..limits import MAX_DEPTH, check_numbers, check_tree_depth
from .grammar import parser
from .lark_parser import Tree, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

KEYWORDS = (
    "puzzle param values var worlds where let agent observes nothing announce says repeat ask answer "
    "expect stages show as not and or implies iff knows that whether does know considers possible "
    "everyone common distributed before initially all any in for if mod true false at stage"
).split()

_TERMINAL_NAMES = {
    "NAME": "a name",
    "WORD": "a word",
    "NUMBER": "a number",
    "SYMBOL": "a symbol",
    "STRING": 'a quoted string ("...")',
    "_NL": "the end of the line",
    "$END": "the end of the text",
}


@dataclass(frozen=True)
class ErrorKinds:
    """The parse errors of one Lark runtime: the puzzle grammar's stand-alone parser has its own classes, the
    lark package (the SMCDEL reader) others; `located` reads either."""

    characters: type
    token: type
    eof: type


PUZZLE_ERRORS = ErrorKinds(UnexpectedCharacters, UnexpectedToken, UnexpectedEOF)


def parse_text(text: str, file: str = "<text>", start: str = "start") -> Tree:
    """Parse a puzzle (start='start') or a claim (start='claim')."""
    if "\x00" in text:
        raise EpistemicError("the text contains a NUL byte; is it a binary file?", Location(file, 1, 1))
    if start == "start" and not text.endswith("\n"):
        text += "\n"
    try:
        tree = parser().parse(text, start=start)
    except UnexpectedInput as exc:
        raise located(exc, text, file, parser().terminals) from None
    except RecursionError:
        raise too_deep(file) from None
    check_tree_depth(tree, file, text)
    check_numbers(tree, file, text)
    return tree


def too_deep(file: str) -> EpistemicError:
    """The error for text nested past what the parser can hold (before any tree exists)."""
    return EpistemicError(f"the text is nested more than {MAX_DEPTH} levels deep", Location(file, 1, 1),
                          "split the formula into smaller ones (e.g. with `let`), or nest it less")


def located(exc: Exception, text: str, file: str, terminals, keywords=KEYWORDS,
            hint: str | None = None, names: dict[str, str] | None = None,
            kinds: ErrorKinds = PUZZLE_ERRORS) -> EpistemicError:
    """A Lark error as a located message: what was found, what was expected, and a hint.

    Shared by every grammar of the project (puzzles, SMCDEL files: `kinds` names the runtime's error
    classes); `hint` is used when no more specific one (a full-width character, a misspelt keyword) applies.
    """
    lines = text.splitlines() or [""]
    line = max(1, getattr(exc, "line", 1) or 1)
    column = max(1, getattr(exc, "column", 1) or 1)
    at_end = isinstance(exc, kinds.eof) or (isinstance(exc, kinds.token) and exc.token.type == "$END")
    if at_end or line > len(lines):
        line, column = len(lines), len(lines[-1]) + 1
    loc = Location(file, line, column, lines[line - 1] if line <= len(lines) else "")
    specific = None
    if isinstance(exc, kinds.characters):
        char = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        message = f"unexpected character {char!r}"
        specific = _char_hint(char)
    elif isinstance(exc, kinds.token) and not at_end:
        shown = "end of line" if exc.token.type == "_NL" else repr(str(exc.token))
        message = f"unexpected {shown}"
        specific = _token_hint(str(exc.token), exc.token.type, keywords) or \
            (_tuple_hint(loc.source_line, column) if kinds is PUZZLE_ERRORS else None)  # (not in SMCDEL files)
    else:
        message = "unexpected end of the file"
    expected = _expected(exc, terminals, {**_TERMINAL_NAMES, **(names or {})})
    if expected:
        message += "; expected " + _join(expected)
    return EpistemicError(message, loc, specific or hint)


def node_error(message: str, where, file: str, lines: list[str], hint: str | None = None) -> EpistemicError:
    """An error located at a Lark token or tree node (elaboration errors of any of our grammars, whichever
    Lark runtime parsed them: a token is a str with a position, a node has `meta`)."""
    line = column = 0
    meta = getattr(where, "meta", None)
    if isinstance(where, str):
        line, column = getattr(where, "line", 0) or 0, getattr(where, "column", 0) or 0
    elif meta is not None and not meta.empty:
        line, column = meta.line, meta.column
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return EpistemicError(message, Location(file, line, column, source_line) if line else None, hint)


def _expected(exc: Exception, terminals, human: dict[str, str]) -> list[str]:
    names = getattr(exc, "expected", None) or getattr(exc, "allowed", None) or set()
    by_name = {t.name: t for t in terminals}
    shown = set()
    for name in names:
        if name in human:
            shown.add(human[name])
        elif name in by_name and by_name[name].pattern.type == "str":
            shown.add(repr(by_name[name].pattern.value))
        elif name in by_name:
            shown.add(name.lower())
    return sorted(shown, key=lambda s: (not s[1:2].isalpha(), not s.startswith("'"), s))


def _join(items: list[str], most: int = 6) -> str:
    if len(items) > most:
        items = items[:most] + [f"... ({len(items) - most} more)"]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _char_hint(char: str) -> str | None:
    fullwidth = {"：": ":", "，": ",", "（": "(", "）": ")", "“": '"', "”": '"', "；": ";"}
    if char in fullwidth:
        return f"use the ASCII {fullwidth[char]!r} instead of the full-width {char!r}"
    if char == "'":
        return 'strings use double quotes: "..."'
    return None


# "date = July 16" in a formula: a value of several columns written as on an `answer` line, without its tuple
_SPACED_VALUE = re.compile(r"([A-Za-z_]\w*)\s*(=|!=|≠)\s*([^\s(){},=]+)\s+$")
_NEXT_WORDS = re.compile(r"[^\s(){},=]+(?:\s+[^\s(){},=]+)*")


def _tuple_hint(source_line: str, column: int) -> str | None:
    """The hint for `NAME = v1 v2` in a formula: a value of several parts is written as a tuple there."""
    m = _SPACED_VALUE.search(source_line[:column - 1])
    rest = _NEXT_WORDS.match(source_line, column - 1)
    if m is None or rest is None or m.group(3) in KEYWORDS:
        return None
    words = rest.group(0).split()
    more = words[:next((n for n, w in enumerate(words) if w in KEYWORDS), len(words))]  # up to "and", "or", …
    parts = [m.group(3)] + more
    if not more or len(parts) > 4:
        return None
    return f"a value of several parts is a tuple in a formula: {m.group(1)} {m.group(2)} ({', '.join(parts)})"


def _token_hint(value: str, kind: str, keywords=KEYWORDS) -> str | None:
    import difflib

    close = difflib.get_close_matches(value.lower(), list(keywords), n=1, cutoff=0.75)
    if kind == "NAME" and close and close[0] != value:
        return f"did you mean {close[0]!r}?"
    if kind == "_NL":
        return "the statement ends too early; a line can be continued with a trailing backslash"
    return None
