"""The AlphaMaze token vocabulary: `<|r-c|>` coordinates, wall tokens, markers and moves, with positions."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .grid import BIT, MOVES

TOKEN = re.compile(r"<\|([^|<>\s]*)\|>")
_COORD = re.compile(r"(\d{1,4})-(\d{1,4})")
_SIDE = "up|down|left|right"
_WALL = re.compile(rf"(?:no|(?:{_SIDE})(?:_(?:{_SIDE}))*)_wall")
MARKERS = ("origin", "target", "blank")
WALL_EXAMPLES = "<|no_wall|>, <|up_wall|>, <|up_down_wall|>, <|down_left_right_wall|>"


@dataclass(frozen=True)
class Token:
    """One `<|...|>` token: its kind ("coord", "wall", "marker", "move", "unknown"), text and place."""

    kind: str
    text: str        # the inner text, e.g. "3-1", "up_left_wall", "origin", "right"
    line: int        # 1-based
    col: int         # 1-based character column of "<|"
    row: int = -1    # coord: the row and column
    column: int = -1
    mask: int = 0    # wall: the wall bits
    repeated: str = ""  # wall: a side named twice, if any


def classify(inner: str, line: int, col: int) -> Token:
    """The token `<|inner|>` found at line:col."""
    m = _COORD.fullmatch(inner)
    if m:
        return Token("coord", inner, line, col, row=int(m.group(1)), column=int(m.group(2)))
    if _WALL.fullmatch(inner):
        sides = inner[: -len("_wall")].split("_")
        mask, repeated = 0, ""
        for side in sides:
            if side == "no":
                continue
            if mask & BIT[side]:
                repeated = side
            mask |= BIT[side]
        return Token("wall", inner, line, col, mask=mask, repeated=repeated)
    if inner in MARKERS:
        return Token("marker", inner, line, col)
    if inner in MOVES:
        return Token("move", inner, line, col)
    return Token("unknown", inner, line, col)


def wall_token(mask: int) -> str:
    """The wall token for a mask, sides in AlphaMaze order: `<|up_left_wall|>`, `<|no_wall|>`."""
    sides = [m for m in MOVES if mask & BIT[m]]
    return "<|" + ("_".join(sides) if sides else "no") + "_wall|>"


def move_token(move: str) -> str:
    return f"<|{move}|>"
