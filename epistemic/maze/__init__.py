"""AlphaMaze mazes: read the token format, solve by breadth-first search, audit a model's moves,
generate mazes with certified shortest paths, and render the exact AlphaMaze prompt."""
from __future__ import annotations

from .grid import DOWN, LEFT, MOVES, RIGHT, UP, Cell, Grid, Maze
from .parse import is_maze_text, parse_maze
from .solve import MazeSolution, solve_maze

__all__ = ["Cell", "Grid", "Maze", "MOVES", "UP", "DOWN", "LEFT", "RIGHT", "parse_maze", "is_maze_text",
           "solve_maze", "MazeSolution"]
