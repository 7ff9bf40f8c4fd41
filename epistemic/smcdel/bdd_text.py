"""A BDD as SMCDEL text: a flat disjunction of the cubes on its paths to true, after simplifying it
with a care set (the worlds where the formula will be evaluated), so the text stays small and shallow.

Sizes are counted on the BDD before any text is made, so a formula too large to write is refused
from its literal count, not after building a huge string.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import TooLarge

MAX_LITERALS = 2_000_000  # ~12 MB of text for one formula; SMCDEL parses it, but past this it is no help


@dataclass(frozen=True)
class Size:
    """Paths to true and the literals on them: the DNF's cubes and its length."""

    cubes: int
    literals: int


class BddText:
    """Writes BDDs of one manager over atoms numbered `offset + variable` (SMCDEL atoms)."""

    def __init__(self, manager, offset: int = 1):
        self.m = manager
        self.offset = offset
        self._restricted: dict = {}
        self._sizes: dict = {}

    # ------------------------------------------------------------ care sets

    def restrict(self, f, care):
        """A function equal to f wherever `care` holds, usually with fewer nodes (Coudert and Madre's
        restrict); its variables are among f's."""
        m = self.m
        if care == m.false or care == m.true or f == m.true or f == m.false:
            return f
        key = (f, care)
        hit = self._restricted.get(key)
        if hit is not None:
            return hit
        fv, flevel, f1, f0 = m.top(f)
        cv, clevel, c1, c0 = m.top(care)
        if clevel < flevel:  # f does not depend on care's top variable
            out = self.restrict(f, c1 | c0)
        elif clevel == flevel:
            if c0 == m.false:
                out = self.restrict(f1, c1)
            elif c1 == m.false:
                out = self.restrict(f0, c0)
            else:
                out = self._ite(fv, self.restrict(f1, c1), self.restrict(f0, c0))
        else:
            out = self._ite(fv, self.restrict(f1, care), self.restrict(f0, care))
        self._restricted[key] = out
        return out

    def _ite(self, var: int, high, low):
        if high == low:
            return high
        x = self.m.var(var)
        return (x & high) | (~x & low)

    # ------------------------------------------------------------ sizes

    def size(self, f) -> Size:
        """How many cubes and literals the DNF of f's paths has."""
        m = self.m
        if f == m.true:
            return Size(1, 0)
        if f == m.false:
            return Size(0, 0)
        hit = self._sizes.get(f)
        if hit is None:
            _, _, high, low = m.top(f)
            a, b = self.size(high), self.size(low)
            hit = self._sizes[f] = Size(a.cubes + b.cubes, a.literals + b.literals + a.cubes + b.cubes)
        return hit

    # ------------------------------------------------------------ text

    def formula(self, f, care=None, what: str = "a formula") -> str:
        """f (simplified within `care`) as SMCDEL text: Top, Bot, a cube, or OR of cubes, or the negation
        of one of those when that is shorter."""
        m = self.m
        g = self.restrict(f, care) if care is not None else f
        if g == m.true:
            return "Top"
        if g == m.false:
            return "Bot"
        yes, no = self.size(g), self.size(~g)
        negate = no.literals < yes.literals
        best = no if negate else yes
        if best.literals > MAX_LITERALS:
            raise TooLarge(f"{what} needs {best.literals:,} literals ({best.cubes:,} cubes) in SMCDEL's text, "
                           f"more than {MAX_LITERALS:,}",
                           hint="shrink the variables' ranges, or solve with --engine symbolic instead of exporting")
        body = self._dnf(~g if negate else g)
        return f"~ {body}" if negate else body

    def _dnf(self, f) -> str:
        cubes: list[str] = []
        stack = [(f, ())]
        m = self.m
        while stack:
            g, lits = stack.pop()
            if g == m.false:
                continue
            if g == m.true:
                cubes.append(lits[0] if len(lits) == 1 else "(" + " & ".join(lits) + ")")
                continue
            var, _, high, low = m.top(g)
            atom = var + self.offset
            stack.append((low, lits + (f"~{atom}",)))
            stack.append((high, lits + (str(atom),)))
        return cubes[0] if len(cubes) == 1 else "OR (" + ", ".join(cubes) + ")"
