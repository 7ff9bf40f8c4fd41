"""A task's puzzle: given as a Puzzle, as puzzle text or a path, or as a dataset item holding its source."""
from __future__ import annotations

from pathlib import Path

from ..language import syntax as s
from ..language.load import load_puzzle


def puzzle_of(obj) -> s.Puzzle:
    """The puzzle of a Puzzle, a path or text, or an item dict (`metadata.source`, `puzzle` or `source`)."""
    if isinstance(obj, s.Puzzle):
        return obj
    if isinstance(obj, dict):
        obj = (obj.get("metadata") or {}).get("source") or obj.get("puzzle") or obj.get("source")
    return load_puzzle(str(obj) if isinstance(obj, Path) else obj)


__all__ = ["puzzle_of"]
