"""The difficulty vector of a solved puzzle (any puzzle, generated or hand-written)."""
from __future__ import annotations

from ..language import syntax as s


def modal_depth(f) -> int:
    """Nesting depth of knowledge operators in a formula."""
    if isinstance(f, s.Knows):
        inner = 0 if f.mode == "value" else modal_depth(f.body)
        return 1 + inner
    if isinstance(f, s.Possible):
        return 1 + modal_depth(f.body)
    if isinstance(f, (s.Not, s.Past)):
        return modal_depth(f.body)
    if isinstance(f, (s.And, s.Or)):
        return max((modal_depth(x) for x in f.items), default=0)
    if isinstance(f, (s.Implies, s.Iff)):
        return max(modal_depth(f.left), modal_depth(f.right))
    if isinstance(f, s.Announce):
        return max(modal_depth(f.announcement), modal_depth(f.body))
    return 0


def operators(f) -> int:
    """How many knowledge operators a formula has (each costs one pass over the model)."""
    if isinstance(f, s.Knows):
        return 1 + (0 if f.mode == "value" else operators(f.body))
    if isinstance(f, s.Possible):
        return 1 + operators(f.body)
    if isinstance(f, (s.Not, s.Past)):
        return operators(f.body)
    if isinstance(f, (s.And, s.Or)):
        return sum(operators(x) for x in f.items)
    if isinstance(f, (s.Implies, s.Iff)):
        return operators(f.left) + operators(f.right)
    if isinstance(f, s.Announce):
        return operators(f.announcement) + operators(f.body)
    return 0


def difficulty(solution) -> dict:
    """worlds, agents, announcements, modal depth, worlds removed per stage and solver effort.

    Solver effort is deterministic: the sum over announcements of (worlds still possible) × (knowledge
    operators in what is announced), i.e. how many world-operator evaluations solving takes.
    """
    p = solution.puzzle
    stages = solution.stages
    effort = 0
    for st in stages[1:]:
        effort += stages[st.index - 1].count * max(1, operators(st.announcement.content))
    return {
        "worlds": solution.space.size,
        "agents": len(p.agents),
        "announcements": len(p.announcements),
        "modal_depth": max((modal_depth(a.said) for a in p.announcements), default=0),
        "removed": [st.removed for st in stages[1:]],
        "solver_effort": effort,
    }
