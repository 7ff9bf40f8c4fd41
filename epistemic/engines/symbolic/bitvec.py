"""Integer terms as BDD bit-vectors: two's complement, least significant bit first, with a known range.

Every term's range [lo, hi] is tracked exactly enough to size its vector: an operation sign-extends
its operands to a width that holds every possible result, so the circuit (ripple-carry adder,
shift-and-add multiplier, restoring divider) computes the exact integer, never an overflowed one.
Division and modulo follow the shared semantics (language/arith.py): floor division, the remainder
has the divisor's sign, and x / 0 = x mod 0 = 0.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class BitVec:
    """bits[i] is the BDD of bit i (two's complement); every value lies in [lo, hi]."""

    bits: tuple
    lo: int
    hi: int

    @property
    def width(self) -> int:
        return len(self.bits)


def width_for(lo: int, hi: int) -> int:
    """Bits needed to hold every integer in [lo, hi] in two's complement."""
    w = 1
    while not (-(1 << (w - 1)) <= lo and hi < (1 << (w - 1))):
        w += 1
    return w


class Circuits:
    """Bit-vector operations over one BDD manager."""

    def __init__(self, m):
        self.m = m
        self.T, self.F = m.true, m.false

    # ------------------------------------------------------------ building blocks

    def const(self, value: int) -> BitVec:
        w = width_for(value, value)
        return BitVec(tuple(self.T if (value >> i) & 1 else self.F for i in range(w)), value, value)

    def from_bits(self, bits, lo: int, hi: int) -> BitVec:
        """An unsigned vector (bits LSB first) known to lie in [lo, hi] (lo >= 0)."""
        return self.extend(BitVec(tuple(bits) + (self.F,), lo, hi), width_for(lo, hi))

    def from_flag(self, f) -> BitVec:
        return BitVec((f, self.F), 0, 1)

    def extend(self, a: BitVec, width: int) -> BitVec:
        """Sign-extend (or, when every value fits, truncate) to `width` bits."""
        if width <= a.width:
            return BitVec(a.bits[:width], a.lo, a.hi)
        return BitVec(a.bits + (a.bits[-1],) * (width - a.width), a.lo, a.hi)

    def xor(self, a, b):
        return self.m.xor(a, b)

    def mux(self, c, a: BitVec, b: BitVec) -> BitVec:
        """if c then a else b."""
        w = width_for(min(a.lo, b.lo), max(a.hi, b.hi))
        a, b = self.extend(a, w), self.extend(b, w)
        return BitVec(tuple((c & x) | (~c & y) for x, y in zip(a.bits, b.bits)), min(a.lo, b.lo), max(a.hi, b.hi))

    def _add_bits(self, xs, ys, carry):
        out = []
        for x, y in zip(xs, ys):
            s = self.xor(self.xor(x, y), carry)
            carry = (x & y) | (carry & (x | y))
            out.append(s)
        return out, carry

    # ------------------------------------------------------------ arithmetic

    def add(self, a: BitVec, b: BitVec) -> BitVec:
        lo, hi = a.lo + b.lo, a.hi + b.hi
        w = width_for(lo, hi)
        bits, _ = self._add_bits(self.extend(a, w).bits, self.extend(b, w).bits, self.F)
        return BitVec(tuple(bits), lo, hi)

    def sub(self, a: BitVec, b: BitVec) -> BitVec:
        lo, hi = a.lo - b.hi, a.hi - b.lo
        w = max(width_for(lo, hi), a.width, b.width)
        bits, _ = self._add_bits(self.extend(a, w).bits, [~x for x in self.extend(b, w).bits], self.T)
        return self.extend(BitVec(tuple(bits), lo, hi), width_for(lo, hi))

    def neg(self, a: BitVec) -> BitVec:
        return self.sub(self.const(0), a)

    def mul(self, a: BitVec, b: BitVec) -> BitVec:
        corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        lo, hi = min(corners), max(corners)
        w = width_for(lo, hi)
        if a.lo == a.hi:  # a constant goes on the shifted side
            a, b = b, a
        xs, ys = self.extend(a, w).bits, self.extend(b, w).bits
        acc = [self.F] * w
        for i, y in enumerate(ys):
            if y == self.F:
                continue
            shifted = [self.F] * i + list(xs[: w - i])
            if y != self.T:
                shifted = [y & x for x in shifted]
            acc, _ = self._add_bits(acc, shifted, self.F)
        return BitVec(tuple(acc), lo, hi)

    def divmod(self, a: BitVec, b: BitVec) -> tuple[BitVec, BitVec]:
        """Floor quotient and remainder (the remainder takes the divisor's sign); both 0 when b = 0."""
        big = max(abs(a.lo), abs(a.hi))
        dbig = max(abs(b.lo), abs(b.hi))
        w = width_for(0, max(big, dbig))  # magnitudes fit, as non-negative numbers
        na, nb = self.negative(a), self.negative(b)
        ma = self.extend(self.mux(na, self.neg(a), a), w)
        mb = self.extend(self.mux(nb, self.neg(b), b), w)
        q0, r0 = self._udivmod(ma.bits, mb.bits)
        q0v, r0v = BitVec(tuple(q0), 0, big), BitVec(tuple(r0), 0, max(dbig - 1, 0))
        zero_b = self.equal(b, self.const(0))
        zero_r = self.all_zero(r0)
        differ = self.xor(na, nb)
        neg_q = self.neg(q0v)
        # signs differ: q = -q0 (exact) or -q0 - 1; r = 0 or |b| - r0 with the divisor's sign
        q_differ = self.mux(zero_r, neg_q, self.sub(neg_q, self.const(1)))
        r_pos = self.mux(nb, self.neg(r0v), r0v)  # same signs: r0 with b's sign
        r_diff_mag = self.sub(mb, r0v)
        r_differ = self.mux(zero_r, self.const(0), self.mux(nb, self.neg(r_diff_mag), r_diff_mag))
        q = self.mux(differ, q_differ, q0v)
        r = self.mux(differ, r_differ, r_pos)
        q = self.mux(zero_b, self.const(0), q)
        r = self.mux(zero_b, self.const(0), r)
        qlo, qhi = -big - 1, big
        rlo, rhi = (-(dbig - 1), dbig - 1) if dbig else (0, 0)
        if b.lo >= 0:
            rlo = 0
        if a.lo >= 0 and b.lo >= 0:
            qlo = 0
        return self.narrow(q, qlo, qhi), self.narrow(r, rlo, rhi)

    def narrow(self, a: BitVec, lo: int, hi: int) -> BitVec:
        lo, hi = max(lo, a.lo), min(hi, a.hi)
        return self.extend(BitVec(a.bits, lo, hi), width_for(lo, hi))

    def _udivmod(self, xs, ys):
        """Restoring division of unsigned vectors of one width (ys = 0 gives junk; callers mask it)."""
        w = len(xs)
        rem = [self.F] * w
        quotient = [self.F] * w
        for i in reversed(range(w)):
            rem = [xs[i]] + rem[:-1]  # rem = rem * 2 + x_i (rem < divisor, so nothing is lost)
            ext_r, ext_y = rem + [self.F], list(ys) + [self.F]
            diff, _ = self._add_bits(ext_r, [~y for y in ext_y], self.T)
            fits = ~diff[-1]  # rem >= ys
            quotient[i] = fits
            rem = [(fits & d) | (~fits & r) for d, r in zip(diff[:w], rem)]
        return quotient, rem

    # ------------------------------------------------------------ comparisons

    def negative(self, a: BitVec):
        return a.bits[-1] if a.lo < 0 else self.F

    def conjoin(self, fs) -> object:
        """The conjunction of the BDDs, as a balanced tree: each intermediate result stays as small as its
        half of the list, where a running conjunction would pass over the growing result once per item."""
        return _balanced(list(fs), lambda a, b: a & b, self.T)

    def disjoin(self, fs) -> object:
        """The disjunction of the BDDs, as a balanced tree (see conjoin)."""
        return _balanced(list(fs), lambda a, b: a | b, self.F)

    def exactly(self, flags: list, k: int):
        """Exactly k of the BDDs hold, without adding them up: a counter of at most min(k, n - k) + 1
        layers, fed the flags from the last (in the usual variable order each step then adds one node on
        top). Cheap for k or n - k small (muddy children's sum(m) = 2, drinking logicians' sum(b) = n),
        where the adder tree builds every bit of the sum first."""
        n = len(flags)
        if k < 0 or k > n:
            return self.F
        if k > n - k:
            flags, k = [~f for f in flags], n - k
        if k == 0:
            return self.conjoin(~f for f in flags)
        layers = [self.T] + [self.F] * k  # layers[j]: exactly j of the flags fed so far
        for f in reversed(flags):
            layers = [~f & layers[0]] + [(f & layers[j - 1]) | (~f & layers[j]) for j in range(1, k + 1)]
        return layers[k]

    def all_zero(self, bits):
        out = self.T
        for x in bits:
            out = out & ~x
        return out

    def equal(self, a: BitVec, b: BitVec):
        if a.hi < b.lo or b.hi < a.lo:
            return self.F
        w = max(a.width, b.width)
        out = self.T
        for x, y in zip(self.extend(a, w).bits, self.extend(b, w).bits):
            out = out & ~self.xor(x, y)
        return out

    def less(self, a: BitVec, b: BitVec):
        """a < b."""
        if a.hi < b.lo:
            return self.T
        if a.lo >= b.hi:
            return self.F
        w = max(a.width, b.width) + 1
        diff, _ = self._add_bits(self.extend(a, w).bits, [~y for y in self.extend(b, w).bits], self.T)
        return diff[-1]

    def compare(self, op: str, a: BitVec, b: BitVec):
        if op == "=":
            return self.equal(a, b)
        if op == "!=":
            return ~self.equal(a, b)
        if op == "<":
            return self.less(a, b)
        if op == ">":
            return self.less(b, a)
        if op == "<=":
            return ~self.less(b, a)
        if op == ">=":
            return ~self.less(a, b)
        raise ValueError(op)

    def total(self, flags) -> BitVec:
        """How many of the BDDs hold, as a vector (a balanced tree of adders)."""
        return self.total_of([self.from_flag(f) for f in flags])

    def total_of(self, vecs: list[BitVec]) -> BitVec:
        """The sum of the vectors, added as a balanced tree (narrow adders first)."""
        if not vecs:
            return self.const(0)
        while len(vecs) > 1:
            vecs = [self.add(vecs[i], vecs[i + 1]) if i + 1 < len(vecs) else vecs[i] for i in range(0, len(vecs), 2)]
        return vecs[0]


def _balanced(items: list, op, empty):
    """op folded over the items as a balanced binary tree (pairs, then pairs of pairs, ...)."""
    if not items:
        return empty
    while len(items) > 1:
        items = [op(items[i], items[i + 1]) if i + 1 < len(items) else items[i] for i in range(0, len(items), 2)]
    return items[0]
