"""The fast screen: run a dialogue over a small world table with worlds as bits of a Python int.

A model is an int whose bit i says world i is still possible; an agent's class is an int too, and
an agent knows the answer at w when w's class (within the model) holds one answer. This is only a
filter for candidates: every kept puzzle is re-parsed and solved by the real engine.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Sequence

from . import dialogue as d
from .units import line_units, without


@dataclass(frozen=True)
class ScreenModel:
    """Worlds 0..n-1; each agent's classes as bitmasks; facts as bitmasks; answers (None: each world)."""

    n: int
    classes: dict[str, tuple[int, ...]]
    facts: dict[str, int]
    answers: tuple[int, ...] | None = None

    @property
    def full(self) -> int:
        return (1 << self.n) - 1


def build_model(keys: dict[str, Sequence[Hashable]], facts: dict[str, Sequence[bool]] | None = None,
                answers: Sequence[Hashable] | None = None) -> ScreenModel:
    """A screen model from each agent's observed key per world (and optional facts and answer keys)."""
    n = len(next(iter(keys.values())))
    classes = {agent: _partition(ks) for agent, ks in keys.items()}
    fact_masks = {name: sum(1 << i for i, v in enumerate(vals) if v) for name, vals in (facts or {}).items()}
    return ScreenModel(n, classes, fact_masks, _partition(answers) if answers is not None else None)


def _partition(keys: Sequence[Hashable]) -> tuple[int, ...]:
    groups: dict[Hashable, int] = {}
    bit = 1
    for k in keys:
        groups[k] = groups.get(k, 0) | bit
        bit <<= 1
    return tuple(groups.values())


def _decided(model: ScreenModel, cm: int) -> bool:
    if model.answers is None:
        return cm & (cm - 1) == 0
    return any(cm & ~a == 0 for a in model.answers)


def evaluate(f: d.Formula, model: ScreenModel, hist: tuple[int, ...]) -> int:
    """The worlds of the last model in `hist` where f holds."""
    m = hist[-1]
    if isinstance(f, d.KnowsAnswer):
        out = 0
        for c in model.classes[f.agent]:
            cm = c & m
            if cm and _decided(model, cm):
                out |= cm
        return out
    if isinstance(f, d.KnowsThat):
        body = evaluate(f.body, model, hist)
        out = 0
        for c in model.classes[f.agent]:
            cm = c & m
            if cm and not cm & ~body:
                out |= cm
        return out
    if isinstance(f, d.KnowsWhether):
        fact = model.facts[f.fact]
        out = 0
        for c in model.classes[f.agent]:
            cm = c & m
            if cm and (not cm & ~fact or not cm & fact):
                out |= cm
        return out
    if isinstance(f, d.Fact):
        return model.facts[f.name] & m
    if isinstance(f, d.Not):
        return m & ~evaluate(f.body, model, hist)
    if isinstance(f, d.And):
        out = m
        for item in f.items:
            out &= evaluate(item, model, hist)
        return out
    if isinstance(f, d.Named):
        return evaluate(f.body, model, hist)
    if isinstance(f, d.Before):
        earlier = hist[:-1] if len(hist) > 1 else hist
        return evaluate(f.body, model, earlier) & m
    raise TypeError(f)


def content(line: d.Line) -> d.Formula:
    """What an announcement removes worlds by: a speaker's statement is K_speaker body."""
    return d.KnowsThat(line.speaker, line.body) if line.speaker else line.body


def run(model: ScreenModel, lines: Sequence[d.Line], start: int | None = None) -> tuple[int, ...]:
    """The models after each announcement (stage 0 first); stops early once no world is left."""
    hist = (model.full if start is None else start,)
    for line in lines:
        nxt = evaluate(content(line), model, hist)
        hist = hist + (nxt,)
        if not nxt:
            break
    return hist


@dataclass(frozen=True)
class Verdict:
    """Why a candidate passes or fails the screen, with its stage sizes and surviving world."""

    ok: bool
    reason: str
    counts: tuple[int, ...] = ()
    survivor: int | None = None


def popcount(x: int) -> int:
    return x.bit_count()


def screen(model: ScreenModel, lines: Sequence[d.Line]) -> Verdict:
    """Unique survivor, every announcement informative, and every dialogue unit necessary (see units.py)."""
    hist = run(model, lines)
    counts = tuple(popcount(h) for h in hist)
    if len(hist) <= len(lines) or not hist[-1]:
        return Verdict(False, "empty", counts)
    final = hist[-1]
    if not _single_answer(model, final):
        return Verdict(False, "several", counts)
    for a, b in zip(hist, hist[1:]):
        if a == b:
            return Verdict(False, "vacuous", counts)
    for unit in line_units(lines):
        rest = without(lines, unit)
        dropped = run(model, rest)
        if len(dropped) == len(rest) + 1 and _single_answer(model, dropped[-1]) and _same_answer(model, dropped[-1], final):
            return Verdict(False, "unnecessary", counts)
    return Verdict(True, "ok", counts, (final & -final).bit_length() - 1)


def _single_answer(model: ScreenModel, mask: int) -> bool:
    return bool(mask) and _decided(model, mask)


def _same_answer(model: ScreenModel, a: int, b: int) -> bool:
    if model.answers is None:
        return a == b
    return any(a & ~x == 0 and b & ~x == 0 for x in model.answers)
