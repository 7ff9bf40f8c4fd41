"""Building a puzzle's world space: product and filter, or Z3 from the constraints when that is too large."""
from __future__ import annotations

from ..errors import EpistemicError, TooLarge
from ..language import syntax as s
from ..limits import check_world_bytes
from .space import MAX_RAW_WORLDS, WorldSpace, enumerate_product, raw_size, space_from_columns
from .z3_enumerate import MAX_Z3_WORLDS, enumerate_columns


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
        if not puzzle.constraints and not puzzle.table_columns and total > MAX_Z3_WORLDS:
            raise TooLarge(f"the puzzle has {total:,} worlds and no `where` constraints to narrow them; Z3 enumerates "
                           f"at most {MAX_Z3_WORLDS:,}", hint="shrink the variables' ranges or the parameters")
        try:
            columns = enumerate_columns(puzzle)
        except TooLarge as exc:
            if total > max_raw:
                raise
            raise TooLarge(exc.message, hint=f"--worlds explicit filters these {total:,} raw worlds directly") from None
        return space_from_columns(puzzle, columns, "z3", total)
    if total <= max_raw:
        check_world_bytes(total, len(puzzle.variables), len(puzzle.agents), len(puzzle.announcements),
                          hint="use --engine symbolic (BDDs: it never lists the worlds; --engine auto picks it), "
                          "or smaller parameters or ranges"
                          + ("; `where` constraints that leave few worlds can be enumerated with --worlds z3"
                             if puzzle.constraints else ""))
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
