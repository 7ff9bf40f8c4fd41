"""Formulas about an agent's own knowledge, recognised by their form (positive and negative introspection).

In S5 an agent knows what it knows and what it does not know: K_a K_a φ = K_a φ and K_a ¬K_a φ = ¬K_a φ.
More generally, where φ holds on all or none of each of the agent's classes, the worlds where the agent knows
that φ are φ's own live worlds, and the agent knows whether φ everywhere. A speaker's statement is its
knowledge of what it says ("P says: I don't know" is K_P ¬K_P ...), so every such line has this form;
engines use it to skip the class-by-class pass of the outer operator. Used by the explicit engine and the
generator's screen (generate/screen_tests.py).
"""
from __future__ import annotations

from . import syntax as s


def about_own_knowledge(f: s.Formula, agent: str) -> bool:
    """Does φ hold on all or none of each of the agent's classes, by its form: the agent's own knowledge (any
    mode), and negations, conjunctions, disjunctions, constants and earlier stages of such formulas?

    A class is the same set of worlds at every stage (stages only remove worlds), and the agent's knowledge at
    any stage is decided class by class, so an earlier stage's knowledge is as constant on each class as the
    current one's."""
    if isinstance(f, s.Knows):
        return f.kind == "agent" and f.agents == (agent,)
    if isinstance(f, (s.Not, s.Past)):
        return about_own_knowledge(f.body, agent)
    if isinstance(f, (s.And, s.Or)):
        return all(about_own_knowledge(x, agent) for x in f.items)
    return isinstance(f, s.Bool)


__all__ = ["about_own_knowledge"]
