"""Primes for the number puzzles' readers and judge: one trial division, and Goldbach's class of sums."""
from __future__ import annotations

from functools import lru_cache

LARGEST_SUM = 400  # beyond any sum of these puzzles' domains; the class is the same whatever the domain


def smallest_factor(n: int) -> int | None:
    """The smallest divisor of `n` above 1 and below `n`, or None for a prime (and for n < 4)."""
    return next((d for d in range(2, int(n ** 0.5) + 1) if n % d == 0), None)


def is_prime(n: int) -> bool:
    return n > 1 and smallest_factor(n) is None


@lru_cache(maxsize=2)
def two_prime_sums(distinct: bool) -> tuple[int, ...]:
    """The numbers up to LARGEST_SUM that are p + q for primes p, q (p < q when `distinct`), computed once."""
    primes = [n for n in range(2, LARGEST_SUM + 1) if is_prime(n)]
    return tuple(sorted({p + q for p in primes for q in primes if (p < q if distinct else p <= q)
                         and p + q <= LARGEST_SUM}))
