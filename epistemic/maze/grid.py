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
class Maze:
    """A rectangular maze: `walls[r * cols + c]` is the cell's wall mask (UP|DOWN|LEFT|RIGHT).

    The grid's edge always blocks a move, whether or not the boundary wall is written; between two
    cells a wall is written on both sides (the parser rejects files where neighbours disagree).
    """

    rows: int
    cols: int
    walls: tuple[int, ...]
    origin: Cell
    target: Cell
    name: str = ""
    # open_moves[i]: ((move name, neighbour index), ...) for cell index i, derived from walls.
    open_moves: tuple[tuple[tuple[str, int], ...], ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if len(self.walls) != self.rows * self.cols:
            raise ValueError(f"{len(self.walls)} wall masks for a {self.rows}x{self.cols} maze")
        object.__setattr__(self, "open_moves", tuple(self._open(i) for i in range(self.rows * self.cols)))

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

    @property
    def size(self) -> str:
        """`5x5` (rows x columns)."""
        return f"{self.rows}x{self.cols}"

    def index(self, cell: Cell) -> int:
        return cell.row * self.cols + cell.col

    def cell(self, index: int) -> Cell:
        return Cell(*divmod(index, self.cols))

    def contains(self, cell: Cell) -> bool:
        return 0 <= cell.row < self.rows and 0 <= cell.col < self.cols

    def step(self, cell: Cell, move: str) -> tuple[Cell, str | None]:
        """Where `move` leads from `cell`, and why it is blocked: None, "wall" or "off_grid"."""
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
