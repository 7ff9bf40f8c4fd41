"""How many assignments a puzzle's enumeration looks at, from its syntax alone (no numpy)."""
from __future__ import annotations

import math

from ..language import syntax as s


def raw_size(puzzle: s.Puzzle) -> int:
    """How many assignments enumeration has to look at before the constraints filter them."""
    free = [v for v in puzzle.variables if v.name not in puzzle.table_columns]
    rows = len(puzzle.table_rows) if puzzle.table_columns else 1
    return rows * math.prod(len(v.values) for v in free)


__all__ = ["raw_size"]
