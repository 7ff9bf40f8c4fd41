"""Find the grammar file (from a clone or an installed wheel) and build the Lark parser.

The parser is the stand-alone module lark_parser.py, generated from the grammar file by make_parser.py and
checked in (tests/language/test_lark_parser.py fails when the two no longer match): the puzzle path does
not import the lark package. The grammar file stays the source: llguidance reads it (grammar_for).
"""
from __future__ import annotations

import functools
from pathlib import Path

GRAMMAR_NAME = "epistemic.lark"


def grammar_path() -> Path:
    """grammar/epistemic.lark beside the package (clone) or inside it (wheel)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "grammar" / GRAMMAR_NAME, here.parent / "grammar" / GRAMMAR_NAME):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"cannot find {GRAMMAR_NAME} near {here}")


@functools.lru_cache(maxsize=1)
def grammar_text() -> str:
    return grammar_path().read_text(encoding="utf-8")


def grammar_for(start: str = "start") -> str:
    """The grammar with `start` rewritten to the given rule (llguidance reads only `start`)."""
    text = grammar_text()
    if start == "start":
        return text
    lines = text.splitlines()
    out = [f"start: {start}" if line.startswith("start:") else line for line in lines]
    return "\n".join(out) + "\n"


@functools.lru_cache(maxsize=1)
def parser():
    """The LALR parser for puzzles (start) and claims (claim), with positions and placeholders (make_parser.py)."""
    from .lark_parser import Lark_StandAlone

    return Lark_StandAlone()
