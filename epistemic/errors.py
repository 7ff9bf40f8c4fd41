"""Errors a user can act on: where (file:line:col), what was expected, and a hint."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a source text (1-based line and column)."""

    file: str
    line: int
    column: int
    source_line: str = ""


class EpistemicError(Exception):
    """Bad input: shown to the user as a located message with a hint, never as a traceback."""

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def render(self) -> str:
        """The message as printed by the CLI: `file:line:col: error: ...`, the line, a caret, a hint."""
        loc = self.location
        head = f"{loc.file}:{loc.line}:{loc.column}: " if loc else ""
        lines = [f"{head}error: {self.message}"]
        if loc and loc.source_line:
            text, column = _window(loc.source_line.rstrip("\n"), loc.column)
            lines.append("    " + text)
            lines.append("    " + " " * (_display_width(text[: column - 1])) + "^")
        if self.hint:
            lines.append(f"hint: {self.hint}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        loc = self.location
        return {
            "error": self.message,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "hint": self.hint,
        }


class ExpectationFailed(EpistemicError):
    """The puzzle's own expectation (answer or stage counts) does not hold: exit code 1."""

    exit_code = 1


class TooLarge(EpistemicError):
    """A problem refused before allocating memory for it."""


def _window(text: str, column: int, width: int = 100) -> tuple[str, int]:
    """A long source line cut to `width` characters around the column (with ... marks), and the new column."""
    if len(text) <= width:
        return text, column
    start = max(0, min(column - 1 - width // 2, len(text) - width))
    head = "..." if start > 0 else ""
    tail = "..." if start + width < len(text) else ""
    return head + text[start:start + width] + tail, column - start + len(head)


def _display_width(text: str) -> int:
    """Columns a terminal uses for text: CJK characters are two wide, tabs kept as one."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
