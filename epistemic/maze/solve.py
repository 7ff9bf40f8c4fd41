"""Breadth-first search: the shortest path, how many shortest paths there are, and reachability."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .grid import Cell, Grid, Maze


@dataclass(frozen=True)
class MazeSolution:
    """A solved maze. `moves`/`cells` are one shortest path (the first in up, down, left, right order);
    `count` is the number of distinct shortest paths; `to_target[i]` is cell i's distance to the target
    (-1 where the target cannot be reached), which the auditor uses to judge each move."""

    maze: Maze
    reachable: bool
    moves: tuple[str, ...]
    cells: tuple[Cell, ...]
    count: int
    reachable_cells: int
    to_target: tuple[int, ...]

    @property
    def length(self) -> int | None:
        return len(self.moves) if self.reachable else None

    @property
    def unique(self) -> bool:
        return self.count == 1

    def to_dict(self, expected: tuple[str, ...] | None = None, file: str | None = None) -> dict:
        """JSON (schema `epistemic.maze.solve/1`, docs/maze.md)."""
        m = self.maze
        return {
            "schema": "epistemic.maze.solve/1",
            "kind": "maze",
            "maze": m.name,
            "file": file,
            "size": {"rows": m.rows, "cols": m.cols},
            "origin": list(m.origin),
            "target": list(m.target),
            "reachable": self.reachable,
            "answer": list(self.moves) if self.reachable else None,
            "cells": [list(c) for c in self.cells],
            "length": self.length,
            "shortest_paths": self.count,
            "unique": self.unique,
            "reachable_cells": self.reachable_cells,
            "difficulty": difficulty(self),
            "expected": None if expected is None else {"answer": list(expected),
                                                       "answer_ok": expected_ok(self, expected)},
        }


def distances_to(maze: Maze | Grid, goal: int) -> tuple[list[int], list[int]]:
    """BFS from `goal`: each cell's distance to it (-1: unreachable) and its number of shortest paths."""
    n = maze.rows * maze.cols
    dist = [-1] * n
    count = [0] * n
    dist[goal] = 0
    count[goal] = 1
    queue = deque([goal])
    moves = maze.open_moves
    while queue:
        i = queue.popleft()
        d = dist[i] + 1
        ci = count[i]
        for _, j in moves[i]:
            dj = dist[j]
            if dj < 0:
                dist[j] = d
                count[j] = ci
                queue.append(j)
            elif dj == d:
                count[j] += ci
    return dist, count


def solve_maze(maze: Maze) -> MazeSolution:
    """One BFS from the target gives every distance to it and the number of shortest paths from the origin."""
    goal = maze.index(maze.target)
    start = maze.index(maze.origin)
    dist, count = distances_to(maze, goal)
    if dist[start] < 0:
        seen, _ = distances_to(maze, start)
        return MazeSolution(maze, False, (), (), 0, len(seen) - seen.count(-1), tuple(dist))
    moves, path = [], [start]
    i = start
    opened = maze.open_moves
    while i != goal:
        want = dist[i] - 1
        for name, j in opened[i]:
            if dist[j] == want:
                moves.append(name)
                path.append(j)
                i = j
                break
    every = maze.cells
    return MazeSolution(maze, True, tuple(moves), tuple([every[j] for j in path]), count[start],
                        len(dist) - dist.count(-1), tuple(dist))


def expected_ok(sol: MazeSolution, expected: tuple[str, ...]) -> bool:
    """Is an expected answer a shortest path of the maze (legal, ends on the target, shortest length)?"""
    if not sol.reachable or len(expected) != len(sol.moves):
        return False
    maze = sol.maze
    cell = maze.origin
    for move in expected:
        cell, blocked = maze.step(cell, move)
        if blocked:
            return False
    return cell == maze.target


def turns(moves: tuple[str, ...]) -> int:
    """How many times a move sequence changes direction."""
    return sum(a != b for a, b in zip(moves, moves[1:]))


def difficulty(sol: MazeSolution) -> dict:
    """Path length, turns, dead ends (cells with one opening) and decisions (cells on the path where
    more than one way on is open), plus the size."""
    maze = sol.maze
    dead_ends = sum(len(o) == 1 for o in maze.open_moves)
    decisions = 0
    for cell in sol.cells[:-1]:
        ways = len(maze.open_moves[maze.index(cell)])
        decisions += ways - (1 if cell == maze.origin else 2) > 0
    return {"rows": maze.rows, "cols": maze.cols, "length": sol.length, "turns": turns(sol.moves),
            "dead_ends": dead_ends, "decisions": decisions}
