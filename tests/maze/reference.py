"""A deliberately plain second method for the tests: neighbours straight from the wall masks, and a
depth-first search over every simple path (no BFS, no shared code with epistemic.maze.solve)."""
from __future__ import annotations

from epistemic.maze.grid import Maze

SIDES = {"up": (1, -1, 0), "down": (2, 1, 0), "left": (4, 0, -1), "right": (8, 0, 1)}


def neighbours(maze: Maze, r: int, c: int) -> list[tuple[str, tuple[int, int]]]:
    out = []
    for name, (bit, dr, dc) in SIDES.items():
        rr, cc = r + dr, c + dc
        if 0 <= rr < maze.rows and 0 <= cc < maze.cols and not maze.walls[r * maze.cols + c] & bit:
            out.append((name, (rr, cc)))
    return out


def all_simple_paths(maze: Maze, limit: int = 2_000_000) -> list[tuple[str, ...]]:
    """Every simple path (no cell twice) from the origin to the target, as move names."""
    goal = tuple(maze.target)
    paths: list[tuple[str, ...]] = []

    def dfs(cell, seen, moves):
        if len(paths) > limit:
            raise RuntimeError("too many paths for the brute force")
        if cell == goal:
            paths.append(tuple(moves))
            return
        for name, nxt in neighbours(maze, *cell):
            if nxt not in seen:
                seen.add(nxt)
                moves.append(name)
                dfs(nxt, seen, moves)
                moves.pop()
                seen.discard(nxt)

    start = tuple(maze.origin)
    dfs(start, {start}, [])
    return paths


def shortest_by_brute_force(maze: Maze) -> tuple[int | None, int, list[tuple[str, ...]]]:
    """(shortest length, how many shortest paths, those paths); shortest paths are always simple."""
    paths = all_simple_paths(maze)
    if not paths:
        return None, 0, []
    best = min(len(p) for p in paths)
    shortest = [p for p in paths if len(p) == best]
    return best, len(shortest), shortest
