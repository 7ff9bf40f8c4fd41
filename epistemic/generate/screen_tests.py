"""The screen's formulas turned into Python closures, once per dialogue line.

`screen.evaluate` walks a formula's dataclasses for every candidate: one isinstance chain per node,
about ten thousand candidates a run, each evaluated several times (the dialogue, then once per unit
dropped). A dialogue line's formula never changes and the dialogue banks share their lines across
candidates, so `compile_formula` does the walk once and returns a closure of closures taking
(model, hist), the arguments of `evaluate`. Each closure computes what `evaluate`'s case for its node
computes (the same bit operations and errors, raised when the node is evaluated), on the histories
the screen makes (each stage within the one before); one case is skipped where logic makes it the
identity (an agent knowing that it knows or does not know: `language.introspection`).
tests/generate/test_screen_tests.py compares the two on every dialogue the banks hold.

This module reads the model only through its attributes (n, classes, facts, answer, answers), so it
needs no import of screen.py, which uses it (and dialogue.py, whose lines keep their closure).
"""
from __future__ import annotations

from typing import Any, Callable

from ..language import syntax as s
from ..language.introspection import about_own_knowledge

# (model, hist) -> the worlds of hist[-1] where the formula holds, as a bitmask
Test = Callable[[Any, tuple[int, ...]], int]


def compile_formula(f: s.Formula) -> Test:
    """A closure equal to `lambda model, hist: screen.evaluate(f, model, hist)` where each stage of hist lies
    within the one before (as in screen.run)."""
    if isinstance(f, s.Knows):
        return _knows(f)
    if isinstance(f, s.Not):
        return _not(compile_formula(f.body))
    if isinstance(f, s.And):
        return _and(tuple(compile_formula(x) for x in f.items))
    if isinstance(f, s.Past):
        return _past(compile_formula(f.body), f.back)
    if isinstance(f, s.Or):
        return _or(tuple(compile_formula(x) for x in f.items))
    if isinstance(f, s.Bool):
        return _true if f.value else _false
    if isinstance(f, (s.Compare, s.Member)):
        return _fact(f)
    return _unsupported(f)


def unsupported_error(f: s.Formula) -> ValueError:
    """The error the screen raises for a formula it cannot evaluate."""
    return ValueError(f"the screen cannot evaluate {f!r}: it knows the asked terms, its model's facts and "
                      "single agents' knowledge only")


def _unsupported(f: s.Formula) -> Test:
    """Raises when evaluated (as `evaluate` does), not when compiled."""
    def test(model, hist):
        raise unsupported_error(f)
    return test


def _knows(f: s.Knows) -> Test:
    """Where the agent knows the asked terms, that φ, or whether φ (see screen.evaluate)."""
    if f.kind != "agent":
        return _unsupported(f)
    agent = f.agents[0]
    if f.mode == "value":
        return _knows_value(f, agent)
    body = compile_formula(f.body)
    if f.mode == "that" and about_own_knowledge(f.body, agent):
        return body  # knowing what one knows or does not know: K_a φ = φ (language/introspection.py)
    whether = f.mode != "that"

    def knows(model, hist):  # the live part of each class where φ holds throughout (or, for whether, fails throughout)
        m = hist[-1]
        out = 0
        b = body(model, hist)
        for c in model.classes[agent]:
            cm = c & m
            if cm and (not cm & ~b or (whether and not cm & b)):
                out |= cm
        return out
    return knows


def _knows_value(f: s.Knows, agent: str) -> Test:
    """Known where the agent's class within the model holds one answer."""
    asked = f.body

    def knows_value(model, hist):
        if asked is not model.answer and asked != model.answer:
            raise unsupported_error(f)
        m = hist[-1]
        out = 0
        answers = model.answers
        if answers is None:  # each world its own answer: known where one world of the class is live
            for c in model.classes[agent]:
                cm = c & m
                if cm and not cm & (cm - 1):
                    out |= cm
            return out
        for c in model.classes[agent]:
            cm = c & m
            if cm and any(cm & ~a == 0 for a in answers):
                out |= cm
        return out
    return knows_value


def _not(body: Test) -> Test:
    def negation(model, hist):
        return hist[-1] & ~body(model, hist)
    return negation


def _and(items: tuple[Test, ...]) -> Test:
    def conjunction(model, hist):
        out = hist[-1]
        for item in items:
            out &= item(model, hist)
        return out
    return conjunction


def _or(items: tuple[Test, ...]) -> Test:
    def disjunction(model, hist):
        out = 0
        for item in items:
            out |= item(model, hist)
        return out & hist[-1]
    return disjunction


def _past(body: Test, back: int | None) -> Test:
    """The body `back` announcements earlier (None: at the start), within the current model."""
    def past(model, hist):
        steps = len(hist) - 1 if back is None else back
        return body(model, hist[:max(1, len(hist) - steps)]) & hist[-1]
    return past


def _true(model, hist) -> int:
    return hist[-1]


def _false(model, hist) -> int:
    return 0


def _fact(f: s.Formula) -> Test:
    """A static fact: its mask in the model (each family states which facts its dialogue uses)."""
    def fact(model, hist):
        mask = model.facts.get(f)
        if mask is None:
            raise unsupported_error(f)
        return mask & hist[-1]
    return fact
