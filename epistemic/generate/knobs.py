"""Knob values from the command line and difficulty presets: ints, ranges lo..hi, lists a,b, words."""
from __future__ import annotations

from typing import Any

from ..errors import EpistemicError

DIFFICULTIES = ("easy", "medium", "hard")


def parse_value(text: str) -> Any:
    """`16` -> 16, `10..16` -> (10, 16), `2,3` -> [2, 3], `classic` -> 'classic'."""
    text = text.strip()
    if ".." in text:
        lo, _, hi = text.partition("..")
        if not (_is_int(lo) and _is_int(hi)):
            raise EpistemicError(f"bad range {text!r}", hint="write a range as LO..HI, e.g. 10..16")
        a, b = int(lo), int(hi)
        if b < a:
            raise EpistemicError(f"empty range {text!r}", hint="the low end comes first")
        return (a, b)
    if "," in text:
        return [parse_value(t) for t in text.split(",") if t.strip()]
    return int(text) if _is_int(text) else text


def _is_int(text: str) -> bool:
    t = text.strip()
    return t.lstrip("-").isdigit() and t.lstrip("-").isascii()


def parse_knobs(items: tuple[str, ...] | list[str]) -> dict[str, Any]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise EpistemicError(f"bad --knob {item!r}", hint="write --knob NAME=VALUE, e.g. --knob cards=16 or cards=10..16")
        out[name.strip()] = parse_value(value)
    return out


def resolve(family, difficulty: str | None, overrides: dict[str, Any]) -> dict[str, Any]:
    """Defaults, then the difficulty preset, then the user's knobs; unknown names are errors."""
    unknown = [k for k in overrides if k not in tuple(family.defaults)]
    if unknown:
        raise EpistemicError(f"{family.name} has no knob {unknown[0]!r}",
                             hint=f"{family.name} knobs: {', '.join(tuple(family.defaults))}")
    knobs = dict(family.defaults)
    if difficulty is not None:
        if difficulty not in DIFFICULTIES:
            raise EpistemicError(f"unknown difficulty {difficulty!r}", hint="use easy, medium or hard")
        knobs.update(family.presets[difficulty])
    knobs.update(overrides)
    family.check(knobs)
    return knobs


def knobs_text(knobs: dict[str, Any]) -> str:
    """A stable, readable spelling of knobs (part of every item's random stream)."""
    def show(v):
        if isinstance(v, tuple):
            return f"{v[0]}..{v[1]}"
        if isinstance(v, list):
            return ",".join(show(x) for x in v)
        return str(v)

    return " ".join(f"{k}={show(v)}" for k, v in sorted(knobs.items()))


def to_json(knobs: dict[str, Any]) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in knobs.items()}
