"""The interface every engine implements, so explicit, Z3 and symbolic engines can be compared."""
from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np

from ..language import syntax as s
from ..worlds.space import WorldSpace


class Engine(Protocol):
    """evaluate(space, history, φ): where φ holds in the last model of `history`.

    `history` holds one boolean mask over all worlds per stage (stage 0 first); each mask is a
    subset of the one before. The result is a boolean mask over all worlds, False outside the
    last model. `Past` formulas look back along the history; `Announce` extends it.

    An engine may also offer `evaluate_many(space, history, formulas)`, which shares work between
    formulas at one history (solve uses it for the per-stage "who knows the answer" report).
    """

    name: str

    def evaluate(self, space: WorldSpace, history: Sequence[np.ndarray], formula: s.Formula) -> np.ndarray: ...


def get_engine(name: str) -> Engine:
    """An engine by name: 'explicit' (numpy) or 'z3' (SMT)."""
    if name == "explicit":
        from .explicit import ExplicitEngine

        return ExplicitEngine()
    if name == "z3":
        try:
            from .z3 import Z3Engine
        except ImportError as exc:  # pragma: no cover - z3 is a core dependency
            raise RuntimeError(f"the z3 engine is unavailable: {exc}") from exc
        return Z3Engine()
    from ..errors import EpistemicError

    raise EpistemicError(f"unknown engine {name!r}", hint="engines: explicit, z3")
