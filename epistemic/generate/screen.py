"""The fast screen: run a dialogue over a small world table with worlds as bits of a Python int.

A model is an int whose bit i says world i is still possible; an agent's class is an int too, and
an agent knows the answer at w when w's class (within the model) holds one answer. This is only a
filter for candidates: every kept puzzle is re-parsed and solved by the real engine.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Sequence

from ..language import syntax as s
from . import dialogue as d
from .screen_tests import unsupported_error
from .units import line_units, without


@dataclass(frozen=True)
class ScreenModel:
    """Worlds 0..n-1; each agent's classes as bitmasks; the static facts a dialogue mentions as bitmasks;
    the asked terms and their answer classes (None: each world is its own answer)."""

    n: int
    classes: dict[str, tuple[int, ...]]
    facts: dict[s.Formula, int]
    answer: d.Answer = ()
    answers: tuple[int, ...] | None = None

    @property
    def full(self) -> int:
        return (1 << self.n) - 1


def build_model(keys: dict[str, Sequence[Hashable]], facts: dict[s.Formula, Sequence[bool]] | None = None,
                answer: d.Answer = (), answers: Sequence[Hashable] | None = None) -> ScreenModel:
    """A screen model from each agent's observed key per world, the truth of each static fact per world,
    the asked terms and (optional) each world's answer key."""
    n = len(next(iter(keys.values())))
    classes = {agent: _partition(ks) for agent, ks in keys.items()}
    fact_masks = {f: sum(1 << i for i, v in enumerate(vals) if v) for f, vals in (facts or {}).items()}
    return ScreenModel(n, classes, fact_masks, answer, _partition(answers) if answers is not None else None)


def table_model(rows: Sequence[tuple], observed: Sequence[tuple[str, int]], answer: d.Answer = ()) -> ScreenModel:
    """The model `build_model` makes when each agent observes one column of a world table (no facts,
    each world its own answer), without building the key lists: the cards family makes one for each of
    the ~10,000 candidates of a run. `observed`: (agent, column) pairs."""
    classes = {}
    for agent, j in observed:
        groups: dict[Hashable, int] = {}
        get = groups.get
        bit = 1
        for row in rows:
            key = row[j]
            groups[key] = get(key, 0) | bit
            bit <<= 1
        classes[agent] = tuple(groups.values())
    return ScreenModel(len(rows), classes, {}, answer)


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


def evaluate(f: s.Formula, model: ScreenModel, hist: tuple[int, ...]) -> int:
    """The worlds of the last model in `hist` where f holds (one case per kind of formula, as in
    engines/reference.py; static facts are looked up in the model)."""
    m = hist[-1]
    if isinstance(f, s.Knows):
        # Where the agent knows: the asked terms (its class within the model has one answer), that φ
        # (φ holds on its whole class) or whether φ (φ holds on all or none of it).
        if f.kind != "agent":
            return _unsupported(f)
        out = 0
        if f.mode == "value":
            if f.body is not model.answer and f.body != model.answer:
                return _unsupported(f)
            if model.answers is None:  # each world its own answer: known where one world of the class is live
                for c in model.classes[f.agents[0]]:
                    cm = c & m
                    if cm and not cm & (cm - 1):
                        out |= cm
                return out
            for c in model.classes[f.agents[0]]:
                cm = c & m
                if cm and _decided(model, cm):
                    out |= cm
            return out
        body = evaluate(f.body, model, hist)
        if f.mode == "that":
            for c in model.classes[f.agents[0]]:
                cm = c & m
                if cm and not cm & ~body:
                    out |= cm
            return out
        for c in model.classes[f.agents[0]]:
            cm = c & m
            if cm and (not cm & ~body or not cm & body):
                out |= cm
        return out
    if isinstance(f, s.Not):
        return m & ~evaluate(f.body, model, hist)
    if isinstance(f, s.And):
        out = m
        for item in f.items:
            out &= evaluate(item, model, hist)
        return out
    if isinstance(f, s.Past):
        back = len(hist) - 1 if f.back is None else f.back
        return evaluate(f.body, model, hist[:max(1, len(hist) - back)]) & m
    if isinstance(f, s.Or):
        out = 0
        for item in f.items:
            out |= evaluate(item, model, hist)
        return out & m
    if isinstance(f, s.Bool):
        return m if f.value else 0
    if isinstance(f, (s.Compare, s.Member)):
        mask = model.facts.get(f)
        return _unsupported(f) if mask is None else mask & m
    return _unsupported(f)


def _unsupported(f: s.Formula) -> int:
    raise unsupported_error(f)


def run(model: ScreenModel, lines: Sequence[d.Line], start: int | None = None) -> tuple[int, ...]:
    """The models after each announcement (stage 0 first); stops early once no world is left."""
    hist = (model.full if start is None else start,)
    for line in lines:
        nxt = line.screen_test(model, hist)  # evaluate(line.content, model, hist), compiled once per line
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
    counts = tuple([h.bit_count() for h in hist])
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
