"""Knob values from the command line and difficulty presets: ints, ranges lo..hi, lists a,b, words."""
from __future__ import annotations

from typing import Any

from ..errors import EpistemicError
from ..limits import MAX_KNOB

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
    """ASCII digits with at most one leading '-', and at most 7 digits (knobs are small)."""
    t = text.strip()
    digits = t[1:] if t.startswith("-") else t
    return digits.isascii() and digits.isdigit() and len(digits) <= 7


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
    for name, value in overrides.items():
        check_knob_value(family.name, name, value, family.defaults[name])
    knobs = dict(family.defaults)
    if difficulty is not None:
        if difficulty not in DIFFICULTIES:
            raise EpistemicError(f"unknown difficulty {difficulty!r}", hint="use easy, medium or hard")
        knobs.update(family.presets[difficulty])
    knobs.update(overrides)
    family.check(knobs)
    return knobs


# knobs that take a word: the words each accepts
WORD_KNOBS = {"dialogue": ("random", "classic", "cheryl")}
# the dialogue's length: each extra line multiplies the dialogues to choose from
LINES_RANGE = (1, 8)


def check_knob_value(family: str, name: str, value: Any, default: Any) -> None:
    """A knob's value has its default's kind (a number, range or list of numbers; or a word) and a sane size."""
    numeric_default = not isinstance(default, str)
    items = list(value) if isinstance(value, (tuple, list)) else [value]
    if numeric_default:
        if not all(isinstance(v, int) for v in items):
            raise EpistemicError(f"{family} knob {name} takes a number, a range LO..HI or a list a,b; got {value!r}",
                                 hint=f"e.g. --knob {name}={default if isinstance(default, int) else default[0]}")
        lo, hi = (1, MAX_KNOB) if name != "lines" else LINES_RANGE
        if name == "lines" and not all(lo <= v <= hi for v in items):
            raise EpistemicError(f"{family} knob lines must be {lo}..{hi}, got {value!r}", hint="e.g. --knob lines=3")
        if not all(-MAX_KNOB <= v <= MAX_KNOB for v in items):
            raise EpistemicError(f"{family} knob {name}={value!r} is out of range", hint=f"keep knobs within ±{MAX_KNOB:,}")
    elif name in WORD_KNOBS:
        if not all(isinstance(v, str) and v in WORD_KNOBS[name] for v in items):
            raise EpistemicError(f"{family} knob {name} must be one of {', '.join(WORD_KNOBS[name])}; got {value!r}")


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
