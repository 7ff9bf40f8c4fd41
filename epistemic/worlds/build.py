"""Building a puzzle's world space: product and filter, or Z3 from the constraints when that is too large."""
from __future__ import annotations

from ..errors import EpistemicError, TooLarge
from ..language import syntax as s
from .space import MAX_RAW_WORLDS, WorldSpace, enumerate_product, raw_size, space_from_columns
from .z3_enumerate import enumerate_columns


def build_space(puzzle: s.Puzzle, max_raw: int = MAX_RAW_WORLDS, worlds: str = "auto") -> WorldSpace:
    """Enumerate the worlds and the agents' partitions; refuse, before allocating, what is too large.

    worlds: 'explicit' (product and filter), 'z3' (Z3 solves the constraints), 'auto' (Z3 only
    when the raw product is over max_raw).
    """
    free = [v for v in puzzle.variables if v.name not in puzzle.table_columns]
    total = raw_size(puzzle)
    if worlds not in ("auto", "explicit", "z3"):
        raise EpistemicError(f"unknown world enumeration {worlds!r}", hint="use auto, explicit or z3")
    if worlds == "z3" or (worlds == "auto" and total > max_raw and puzzle.constraints):
        return space_from_columns(puzzle, enumerate_columns(puzzle), "z3", total)
    if total > max_raw:
        sizes = " × ".join(f"{v.name}: {len(v.values):,}" for v in free[:6]) + (" × ..." if len(free) > 6 else "")
        raise TooLarge(
            f"the puzzle has {total:,} possible worlds ({sizes}); the explicit engine enumerates at most {max_raw:,}",
            hint="use --engine symbolic (BDDs: it never lists the worlds), shrink the variables' ranges or list "
            "the worlds as a table"
            + ("; with `where` constraints that leave few worlds, try --worlds z3" if worlds == "explicit" and puzzle.constraints else ""),
        )
    return enumerate_product(puzzle, total)


__all__ = ["build_space"]
