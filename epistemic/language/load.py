"""A puzzle from a file or from text: the one entry from the outside world into the language layer."""
from __future__ import annotations

from pathlib import Path

from ..files import read_text
from . import syntax as s
from .elaborate import load_puzzle as elaborate_text


def looks_like_text(path_or_text: str | Path) -> bool:
    """Puzzle text rather than a path: anything containing a newline (or nothing at all)."""
    return isinstance(path_or_text, str) and ("\n" in path_or_text or not path_or_text.strip())


def load_puzzle(path_or_text: str | Path, params: dict[str, int] | None = None) -> s.Puzzle:
    """A puzzle from a file path or from puzzle text; `params` override the file's `param` defaults."""
    if looks_like_text(path_or_text):
        return elaborate_text(str(path_or_text), "<text>", params)
    return elaborate_text(read_text(path_or_text), str(path_or_text), params)


__all__ = ["load_puzzle", "looks_like_text"]
