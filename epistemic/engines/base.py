"""The interface every engine implements, so explicit, Z3 and symbolic engines can be compared."""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, Sequence

from ..language import syntax as s
from ..worlds.size import raw_size

SMALL_WORK = 150_000
"""Raw worlds × (agents + 1) × (announcements + 1) up to which `auto` takes the small engine: about
100 ms of its work at most (measured: Sum and Product, 147,000, takes 15 ms; muddy children n = 10,
124,000, takes 80 ms), less than importing numpy."""

if TYPE_CHECKING:
    import numpy as np

    from ..worlds.space import WorldSpace


class Engine(Protocol):
    """evaluate(space, history, φ): where φ holds in the last model of `history`.

    `history` holds one boolean mask over all worlds per stage (stage 0 first); each mask is a
    subset of the one before. The result is a boolean mask over all worlds, False outside the
    last model. `Past` formulas look back along the history; `Announce` extends it.

    An engine may also offer `evaluate_many(space, history, formulas)`, which shares work between
    formulas at one history (solve uses it for the per-stage "who knows the answer" report).

    An engine with `symbolic = True` (engines/symbolic, and engines/small with bitsets) keeps its own
    space and sets of worlds (BDDs or Python ints instead of masks) and also offers `space(puzzle)`, `everything`, `count`, `answers`, `only_world`,
    `who_knows`, `labels` and `holds_at`, so solve and check never enumerate its worlds.
    """

    name: str

    def evaluate(self, space: WorldSpace, history: Sequence[np.ndarray], formula: s.Formula) -> np.ndarray: ...


MEMORY_BUDGET = 256 << 20
"""Bytes the explicit engine may use for a puzzle's worlds before `auto` switches to the symbolic engine."""


def explicit_bytes(puzzle) -> int:
    """What the explicit engine would allocate for the puzzle's worlds, estimated before enumerating.

    Per raw assignment: an int64 column per variable and a class id per agent (the enumeration's
    chunks are filtered, but the classes and columns of what survives are of this order), plus the
    masks and temporaries of evaluation.
    """
    return raw_size(puzzle) * (8 * (len(puzzle.variables) + len(puzzle.agents)) + 64)


def small_work(puzzle) -> int:
    """The small engine's work, estimated before enumerating: every raw world, for each agent's
    knowledge (and the announcement itself) at every stage."""
    return raw_size(puzzle) * (len(puzzle.agents) + 1) * (len(puzzle.announcements) + 1)


def choose_engine(puzzle, budget: int = MEMORY_BUDGET, small: bool = True) -> str:
    """The `auto` engine: 'small' (plain Python, engines/small.py) when its work estimate is at most
    SMALL_WORK and `small` allows it (numpy's import alone costs more than such a puzzle);
    else 'explicit' when the worlds fit the memory budget, else 'symbolic' — unless the puzzle
    multiplies or divides two variable terms: such BDDs grow exponentially with the bit width
    (Bryant 1991), so the explicit engine (with Z3 enumeration for constrained spaces) keeps those and
    refuses clearly, within seconds, what it cannot hold."""
    if small and small_work(puzzle) <= SMALL_WORK:
        return "small"
    if explicit_bytes(puzzle) <= budget or _nonlinear(puzzle):
        return "explicit"
    return "symbolic"


def _nonlinear(puzzle) -> bool:
    """Does any term of the puzzle multiply, divide or take the remainder of two non-constant terms?"""
    roots = [t for a in puzzle.agents for t in a.observes] + list(puzzle.constraints)
    roots += [a.content for a in puzzle.announcements]
    roots += list(puzzle.question.terms) if puzzle.question is not None else []
    return any(isinstance(n, s.Arith) and n.op in ("*", "/", "mod")
               and not isinstance(n.left, s.Const) and not isinstance(n.right, s.Const)
               for n in s.walk_shared(roots))


def get_engine(name: str) -> Engine:
    """An engine by name: 'explicit' (numpy), 'small' (plain Python), 'z3' (SMT) or 'symbolic' (BDDs)."""
    if name == "explicit":
        from .explicit import ExplicitEngine

        return ExplicitEngine()
    if name == "small":
        from .small import SmallEngine

        return SmallEngine()
    if name == "z3":
        try:
            from .z3 import Z3Engine
        except ImportError as exc:  # pragma: no cover - z3 is a core dependency
            raise RuntimeError(f"the z3 engine is unavailable: {exc}") from exc
        return Z3Engine()
    if name == "symbolic":
        from .symbolic import SymbolicEngine

        return SymbolicEngine()
    from ..errors import EpistemicError

    raise EpistemicError(f"unknown engine {name!r}", hint="engines: explicit, small, z3, symbolic, auto")
