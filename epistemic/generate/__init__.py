"""Puzzle generation: families, a fast screen, dedup, engine verification, Z3 synthesis, difficulty."""
from __future__ import annotations

from typing import Any

from ..errors import EpistemicError
from .families import FAMILIES
from .knobs import resolve
from .pipeline import Generated, Stats, find_item, generate as _generate

__all__ = ["FAMILIES", "family", "generate", "regenerate", "Generated", "Stats"]


def family(name: str):
    """A family by name, or a clear error listing the families."""
    if name not in FAMILIES:
        raise EpistemicError(f"unknown family {name!r}", hint=f"families: {', '.join(FAMILIES)}")
    return FAMILIES[name]


def generate(name: str, count: int, seed: int = 0, difficulty: str | None = None, knobs: dict[str, Any] | None = None,
             synth: bool = False, targets: dict[str, Any] | None = None, start: int = 0, max_tries: int | None = None,
             use_z3: bool = True, progress=None) -> tuple[list[Generated], Stats]:
    """Generate `count` distinct puzzles of a family (sampling, or Z3 synthesis with `synth`)."""
    fam = family(name)
    resolved = resolve(fam, difficulty, knobs or {})
    if count < 0:
        raise EpistemicError("--count must be at least 0")
    if synth:
        from .synth import synthesize

        return synthesize(fam, resolved, count, seed, targets or {}, start, max_tries, use_z3, progress)
    return _generate(fam, resolved, count, seed, start, max_tries or 50_000, use_z3, progress)


def regenerate(name: str, seed: int, index: int, skip: int = 0, difficulty: str | None = None,
               knobs: dict[str, Any] | None = None, use_z3: bool = True) -> Generated:
    """Item `index` alone, exactly as a run produced it (`skip` comes from its record)."""
    fam = family(name)
    return find_item(fam, resolve(fam, difficulty, knobs or {}), seed, index, None, skip, use_z3=use_z3)
