"""Find the grammar file (from a clone or an installed wheel) and build the Lark parser."""
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
    """The LALR parser for puzzles (start) and claims (claim)."""
    from lark import Lark

    return Lark(
        grammar_text(),
        parser="lalr",
        start=["start", "claim"],
        propagate_positions=True,
        maybe_placeholders=True,
        cache=True,  # lark keeps the built tables in the temp dir, keyed by the grammar's hash
    )
