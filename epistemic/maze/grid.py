"""The maze as frozen data: cells, walls as bit masks per cell, origin and target, legal moves."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

# Wall bits, in the order AlphaMaze writes them in a wall token: up, down, left, right.
UP, DOWN, LEFT, RIGHT = 1, 2, 4, 8
MOVES: tuple[str, ...] = ("up", "down", "left", "right")
BIT: dict[str, int] = {"up": UP, "down": DOWN, "left": LEFT, "right": RIGHT}
DELTA: dict[str, tuple[int, int]] = {"up": (-1, 0), "down": (1, 0), "left": (0, -1), "right": (0, 1)}
OPPOSITE: dict[str, str] = {"up": "down", "down": "up", "left": "right", "right": "left"}
MAX_CELLS = 10_000  # 100 x 100: larger grids are refused before anything is allocated


class Cell(NamedTuple):
    """A cell by row and column (0-based, row 0 at the top), written `r-c` as in `<|r-c|>`."""

    row: int
    col: int

    def __str__(self) -> str:
        return f"{self.row}-{self.col}"


def wall_names(mask: int) -> tuple[str, ...]:
    """The sides a wall mask closes, in AlphaMaze order (up, down, left, right)."""
    return tuple(m for m in MOVES if mask & BIT[m])


@dataclass(frozen=True)
class Grid:
    """The walls of a rectangular maze: `walls[r * cols + c]` is the cell's wall mask (UP|DOWN|LEFT|RIGHT).

    The grid's edge always blocks a move, whether or not the boundary wall is written; between two
    cells a wall is written on both sides (the parser rejects files where neighbours disagree).
    """

    rows: int
    cols: int
    walls: tuple[int, ...]
    # open_moves[i]: ((move name, neighbour index), ...) for cell index i; exits[i]: the same as a dict;
    # cells[i]: the Cell of index i. All derived from the walls once, when the grid is made.
    open_moves: tuple[tuple[tuple[str, int], ...], ...] = field(init=False, repr=False, compare=False, hash=False)
    exits: tuple[dict[str, int], ...] = field(init=False, repr=False, compare=False, hash=False)
    cells: tuple[Cell, ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if len(self.walls) != self.rows * self.cols:
            raise ValueError(f"{len(self.walls)} wall masks for a {self.rows}x{self.cols} maze")
        n = self.rows * self.cols
        opened = tuple(self._open(i) for i in range(n))
        object.__setattr__(self, "open_moves", opened)
        object.__setattr__(self, "exits", tuple(dict(o) for o in opened))
        object.__setattr__(self, "cells", tuple(Cell(*divmod(i, self.cols)) for i in range(n)))

    def _open(self, i: int) -> tuple[tuple[str, int], ...]:
        r, c = divmod(i, self.cols)
        w = self.walls[i]
        out = []
        if r > 0 and not w & UP:
            out.append(("up", i - self.cols))
        if r < self.rows - 1 and not w & DOWN:
            out.append(("down", i + self.cols))
        if c > 0 and not w & LEFT:
            out.append(("left", i - 1))
        if c < self.cols - 1 and not w & RIGHT:
            out.append(("right", i + 1))
        return tuple(out)


@dataclass(frozen=True)
class Maze:
    """A grid with an origin and a target (and a display name, not part of equality)."""

    grid: Grid
    origin: Cell
    target: Cell
    name: str = field(default="", compare=False)

    @property
    def rows(self) -> int:
        return self.grid.rows

    @property
    def cols(self) -> int:
        return self.grid.cols

    @property
    def walls(self) -> tuple[int, ...]:
        return self.grid.walls

    @property
    def open_moves(self) -> tuple[tuple[tuple[str, int], ...], ...]:
        return self.grid.open_moves

    @property
    def exits(self) -> tuple[dict[str, int], ...]:
        return self.grid.exits

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.grid.cells

    @property
    def size(self) -> str:
        """`5x5` (rows x columns)."""
        return f"{self.rows}x{self.cols}"

    def index(self, cell: Cell) -> int:
        return cell.row * self.cols + cell.col

    def cell(self, index: int) -> Cell:
        return self.cells[index]

    def contains(self, cell: Cell) -> bool:
        return 0 <= cell.row < self.rows and 0 <= cell.col < self.cols

    def step(self, cell: Cell, move: str) -> tuple[Cell, str | None]:
        """Where `move` leads from `cell`, and why it is blocked: None, "wall" or "off_grid"."""
        if 0 <= cell.row < self.rows and 0 <= cell.col < self.cols:
            j = self.exits[cell.row * self.cols + cell.col].get(move)
            if j is not None:
                return self.cells[j], None
        dr, dc = DELTA[move]
        nxt = Cell(cell.row + dr, cell.col + dc)
        if not self.contains(nxt):
            return cell, "off_grid"
        if self.walls[self.index(cell)] & BIT[move]:
            return cell, "wall"
        return nxt, None

    def key(self) -> str:
        """A canonical text of the maze (walls, origin, target): equal exactly when the mazes are."""
        return f"{self.rows}x{self.cols}:{self.origin}:{self.target}:" + ",".join(map(str, self.walls))
