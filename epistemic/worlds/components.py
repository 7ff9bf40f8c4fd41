"""Connected components of a union of partitions (common knowledge's reachability), by union-find."""
from __future__ import annotations

from typing import Iterable


def components(n: int, partitions: Iterable[Iterable[list[int]]]) -> list[list[int]]:
    """The classes of the finest partition of 0..n-1 that every given partition refines into (each
    partition given as its classes, lists of positions), in order of their first member's first class."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for classes in partitions:
        for members in classes:
            root = find(members[0])
            for p in members[1:]:
                other = find(p)
                if other != root:
                    parent[other] = root
    comps: dict[int, list[int]] = {}
    for p in range(n):
        comps.setdefault(find(p), []).append(p)
    return list(comps.values())


__all__ = ["components"]
