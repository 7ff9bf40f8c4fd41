"""The exact AlphaMaze prompt: the instructions as the seed prints them, then `MAZE:` and one line per row."""
from __future__ import annotations

from .grid import Maze
from .tokens import wall_token

# Byte for byte as printed in the seed (its bullets are en dashes, "–").
INSTRUCTIONS = (
    "You are a helpful assistant that solves mazes. You will be given a maze represented by a series of tokens.\n"
    "The tokens represent:\n"
    "– Coordinates: <|row-col|> (e.g., <|0-0|>, <|2-4|>)\n"
    "– Walls: <|no_wall|>, <|up_wall|>, <|down_wall|>, <|left_wall|>, <|right_wall|>, <|up_down_wall|>, etc.\n"
    "– Origin: <|origin|>\n"
    "– Target: <|target|>\n"
    "– Movement: <|up|>, <|down|>, <|left|>, <|right|>, <|blank|>\n"
    "Your task is to output the sequence of movements (<|up|>, <|down|>, <|left|>, <|right|>) required to navigate "
    "from the origin to the target, based on the provided maze representation. Think step by step. At each step, "
    "predict only the next movement token. Output only the move tokens, separated by spaces.\n"
    "MAZE:"
)


def maze_rows(maze: Maze) -> list[str]:
    """One line per row: `<|r-c|>`, the wall token, and `<|origin|>`, `<|target|>` or `<|blank|>` per cell."""
    out = []
    for r in range(maze.rows):
        parts = []
        for c in range(maze.cols):
            cell = (r, c)
            marker = "origin" if cell == maze.origin else "target" if cell == maze.target else "blank"
            parts.append(f"<|{r}-{c}|>{wall_token(maze.walls[r * maze.cols + c])}<|{marker}|>")
        out.append("".join(parts))
    return out


def render_maze(maze: Maze) -> str:
    """The maze lines alone (a maze file), newline-terminated."""
    return "\n".join(maze_rows(maze)) + "\n"


def render_prompt(maze: Maze, bullet: str = "–") -> str:
    """The whole AlphaMaze prompt for a maze (newline-terminated); `bullet="-"` writes ASCII bullets."""
    head = INSTRUCTIONS if bullet == "–" else INSTRUCTIONS.replace("\n– ", f"\n{bullet} ")
    return head + "\n" + render_maze(maze)
