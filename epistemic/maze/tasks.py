"""Mazes as tasks for the dataset and model pipeline: prompt, dataset item, answer score, trace audit.

These mirror the knowledge-puzzle functions (render_prompt, score_answer, audit_trace, an audit
context) so the dataset writer and the local-model runner can take either kind of item.
"""
from __future__ import annotations

from .audit import audit_text
from .grid import Maze
from .parse import is_maze_text, read_maze
from .prompt import render_prompt as _render
from .solve import MazeSolution, solve_maze
from .trace import final_moves


def maze_of(obj) -> Maze:
    """The maze of a Maze, a solution, prompt/maze text, or a dataset item/row holding one."""
    if isinstance(obj, Maze):
        return obj
    if isinstance(obj, MazeSolution):
        return obj.maze
    if isinstance(obj, str):
        return read_maze(obj).maze
    if isinstance(obj, dict):
        meta = obj.get("metadata", obj)
        return read_maze(meta.get("source") or obj.get("puzzle") or obj["question"]).maze
    raise TypeError(f"not a maze: {type(obj).__name__}")


def is_maze_item(item: dict) -> bool:
    """Is a dataset item (or row, or generated record) a maze?"""
    meta = item.get("metadata", item)
    return meta.get("family") == "maze" or is_maze_text(str(meta.get("source") or item.get("puzzle") or ""))


def render_prompt(maze: Maze, lang: str = "en") -> str:
    """The AlphaMaze prompt (English only: the format has one wording)."""
    return _render(maze_of(maze))


def dataset_item(record: dict, lang: str = "en", difficulty: str | None = None) -> dict:
    """A dataset item {question, answer, metadata} from a generated maze record."""
    meta = {k: record[k] for k in ("id", "family", "seed", "index", "skip", "method", "knobs", "source",
                                   "answer_values", "cells", "stages", "size", "difficulty", "certificate", "key")}
    meta["lang"] = "en"
    meta["level"] = difficulty
    return {"question": record["source"], "answer": record["answer"], "metadata": meta}


def score_answer(answer_text: str | None, maze_or_item) -> float:
    """1.0 when the reply's final moves are all legal and end on the target (any length), else 0.0."""
    if not answer_text:
        return 0.0
    moves = final_moves(answer_text)
    if not moves:
        return 0.0
    maze = maze_of(maze_or_item)
    cell = maze.origin
    for move in moves:
        cell, blocked = maze.step(cell, move)
        if blocked:
            return 0.0
    return 1.0 if cell == maze.target else 0.0


def audit_context(maze: Maze) -> MazeSolution:
    """The solved maze, shared by every trace of it."""
    return solve_maze(maze_of(maze))


def audit_trace(maze: Maze, text: str, context: MazeSolution | None = None):
    """The maze audit of a reply (has `to_dict()`, schema `epistemic.maze.audit/1`)."""
    return audit_text(context if context is not None else solve_maze(maze_of(maze)), text)
