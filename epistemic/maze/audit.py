"""Audit a model's answer to a maze: each move (or stated position) is a step, judged against the maze.

Three forms of input: a move sequence in tokens (`<|up|> <|left|>`), in words (`up, left`), or a
reasoning trace that states moves and positions. The record has the knowledge-puzzle audit's shape
(`steps`, `labels` 1 / 0 / -1, `label` = first wrong step or -1, `final_answer_correct`) plus the
final path's optimality. docs/maze.md gives the rules.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .grid import DELTA, Cell, Maze
from .solve import MazeSolution, solve_maze
from .trace import Statement, final_answer, pure_sequence, split_reply, statements

SCHEMA = "epistemic.maze.audit/1"
_TOKEN_TEXT = {m: f"<|{m}|>" for m in ("up", "down", "left", "right")}


@dataclass(frozen=True)
class PathCheck:
    """A move sequence walked from the origin: the first illegal move, where it ends, optimality.
    A blocked move leaves the walker where it is."""

    moves: tuple[str, ...]
    cells: tuple[Cell, ...]        # the walker's cell after each move (origin first)
    blocked: tuple[str | None, ...]  # per move: None, "wall" or "off_grid"
    first_illegal: int             # -1 when every move is legal
    ends_at: Cell
    reaches_target: bool           # every move legal and the walk ends on the target
    shortest: int | None
    detours: tuple[int, ...]       # legal moves that do not bring the walker closer to the target

    @property
    def optimal(self) -> bool:
        return self.reaches_target and len(self.moves) == self.shortest

    def to_dict(self) -> dict:
        return {"moves": list(self.moves), "cells": [list(c) for c in self.cells], "first_illegal": self.first_illegal,
                "ends_at": list(self.ends_at), "reaches_target": self.reaches_target, "length": len(self.moves),
                "shortest": self.shortest, "optimal": self.optimal,
                "extra_moves": len(self.moves) - self.shortest if self.reaches_target and self.shortest is not None
                else None, "detours": list(self.detours)}


def walk(sol: MazeSolution, moves: tuple[str, ...]) -> PathCheck:
    """Follow moves from the origin (a blocked move is recorded and the walker stays)."""
    maze = sol.maze
    dist = sol.to_target
    exits = maze.exits
    every = maze.cells
    i = maze.index(maze.origin)
    path = [i]
    blocked: list[str | None] = []
    detours = []
    first = -1
    for k, move in enumerate(moves):
        j = exits[i].get(move)
        if j is None:
            blocked.append(maze.step(every[i], move)[1])
            if first < 0:
                first = k
        else:
            blocked.append(None)
            if dist[j] >= dist[i]:
                detours.append(k)
            i = j
        path.append(i)
    end = every[i]
    return PathCheck(tuple(moves), tuple([every[j] for j in path]), tuple(blocked), first, end,
                     first < 0 and end == maze.target, sol.length, tuple(detours))


class MoveStep(NamedTuple):
    """One audited step: what it says, where the walker was and went, the verdict and its label.
    (A named tuple: a 20-move answer makes 20 of them per audit, and the audit must be fast.)"""

    text: str
    span: tuple[int, int] | None
    kind: str                  # "move" | "position" | "blocked" | "origin" | "target"
    move: str | None
    at: Cell                   # the walker's cell before the step (or the stated start)
    to: Cell                   # the walker's cell after it
    stated: Cell | None
    verdict: str               # ok | wall | off_grid | wrong_position | not_adjacent | backtrack | unreached | not_blocked | wrong_origin | wrong_target
    label: int                 # 1 correct, 0 neutral, -1 wrong

    def to_dict(self) -> dict:
        return {"text": self.text, "span": list(self.span) if self.span else None, "kind": self.kind,
                "move": self.move, "at": list(self.at), "to": list(self.to),
                "stated": list(self.stated) if self.stated else None, "verdict": self.verdict, "label": self.label}


@dataclass(frozen=True)
class MazeAudit:
    """The audit of one reply: its steps and their labels, the final answer's walk, optimality."""

    solution: MazeSolution
    form: str                  # "tokens" | "words" | "trace"
    steps: tuple[MoveStep, ...]
    answer: PathCheck | None   # the final move sequence, walked (None when the reply gives none)
    file: str | None = None

    @property
    def labels(self) -> list[int]:
        return [s.label for s in self.steps]

    @property
    def label(self) -> int:
        return next((k for k, s in enumerate(self.steps) if s.label < 0), -1)

    @property
    def final_answer_correct(self) -> bool:
        return self.answer is not None and self.answer.reaches_target

    def to_dict(self) -> dict:
        """JSON (schema `epistemic.maze.audit/1`, docs/maze.md)."""
        sol = self.solution
        return {
            "schema": SCHEMA,
            "kind": "maze",
            "maze": sol.maze.name,
            "file": self.file,
            "form": self.form,
            "steps": [s.text for s in self.steps],
            "labels": self.labels,
            "label": self.label,
            "final_answer": list(self.answer.moves) if self.answer else None,
            "expected_answer": list(sol.moves) if sol.reachable else None,
            "final_answer_correct": self.final_answer_correct,
            "optimal": bool(self.answer and self.answer.optimal),
            "length": len(self.answer.moves) if self.answer else None,
            "shortest": sol.length,
            "shortest_paths": sol.count,
            "answer": self.answer.to_dict() if self.answer else None,
            "moves": [s.to_dict() for s in self.steps],
        }


def audit_moves(maze_or_solution: Maze | MazeSolution, moves: tuple[str, ...] | list[str], form: str = "tokens",
                texts: tuple[str, ...] | None = None) -> MazeAudit:
    """Audit a bare move sequence: every move is a step (1 legal, -1 into a wall or off the grid)."""
    sol = _solution(maze_or_solution)
    check = walk(sol, tuple(moves))
    cells, blocked = check.cells, check.blocked
    steps = [MoveStep(texts[k] if texts else _TOKEN_TEXT[move] if form == "tokens" else move, None, "move", move,
                      cells[k], cells[k + 1], None, blocked[k] or "ok", -1 if blocked[k] else 1)
             for k, move in enumerate(check.moves)]
    return MazeAudit(sol, form, tuple(steps), check)


def audit_text(maze_or_solution: Maze | MazeSolution, text: str, file: str | None = None) -> MazeAudit:
    """Audit a reply: a bare move sequence (tokens or words), or a reasoning trace with a final answer."""
    sol = _solution(maze_or_solution)
    seq = pure_sequence(text)
    if seq is not None:
        form = "tokens" if "<|" in text else "words"
        a = audit_moves(sol, seq, form)
        return MazeAudit(sol, form, a.steps, a.answer, file)
    reasoning, _ = split_reply(text)
    moves, start = final_answer(text)
    if reasoning is text:  # no </think>: the reasoning is what comes before the final answer
        reasoning = text[:start]
    answer = walk(sol, moves) if moves else None
    steps = judge_statements(sol, statements(reasoning))
    return MazeAudit(sol, "trace", tuple(steps), answer, file)


def judge_statements(sol: MazeSolution, said: list[Statement]) -> list[MoveStep]:
    """Judge a trace's statements in order, following a walker that starts at the origin.

    A move is judged from its stated start, else from the cell its stated destination implies when
    the walker has been there (a trace often lists the options from one cell), else from the walker.
    A stated position resynchronises the walker: to a cell already visited it is a backtrack (0); to a
    cell the trace never reached it is wrong (-1), and later moves are judged from where the model
    believes it is.
    """
    maze = sol.maze
    walker = maze.origin
    visited = {walker}
    out: list[MoveStep] = []
    for s in said:
        if s.kind in ("origin", "target"):
            truth = maze.origin if s.kind == "origin" else maze.target
            ok = s.stated == truth
            out.append(MoveStep(s.text, s.span, s.kind, None, walker, walker, s.stated,
                                "ok" if ok else f"wrong_{s.kind}", 1 if ok else -1))
            continue
        if s.kind == "blocked":
            src = s.source or walker
            if not maze.contains(src):
                out.append(MoveStep(s.text, s.span, "blocked", s.move, walker, walker, src, "off_grid", -1))
                continue
            _, why = maze.step(src, s.move)
            out.append(MoveStep(s.text, s.span, "blocked", s.move, src, walker, s.source,
                                "ok" if why else "not_blocked", 1 if why else -1))
            continue
        if s.kind == "position":
            p = s.stated
            if not maze.contains(p):
                out.append(MoveStep(s.text, s.span, "position", None, walker, walker, p, "off_grid", -1))
                continue
            verdict, label = ("ok", 1) if p == walker else ("backtrack", 0) if p in visited else ("unreached", -1)
            out.append(MoveStep(s.text, s.span, "position", None, walker, p, p, verdict, label))
            walker = p
            visited.add(p)
            continue
        step = _judge_move(maze, s, walker, visited)
        out.append(step)
        walker = step.to
        visited.add(walker)
    return out


def _judge_move(maze: Maze, s: Statement, walker: Cell, visited: set[Cell]) -> MoveStep:
    if s.move is None:  # an arrow between cells that are not neighbours: a jump
        to = s.stated if maze.contains(s.stated) else walker
        return MoveStep(s.text, s.span, "move", None, s.source, to, s.stated, "not_adjacent", -1)
    dr, dc = DELTA[s.move]
    src = s.source
    if src is None and s.stated is not None:
        implied = Cell(s.stated.row - dr * s.repeat, s.stated.col - dc * s.repeat)
        if implied in visited and implied != walker:
            src = implied
    src = src if src is not None else walker
    if not maze.contains(src):
        return MoveStep(s.text, s.span, "move", s.move, walker, walker, s.stated, "off_grid", -1)
    cell, why = src, None
    for _ in range(s.repeat):
        cell, why = maze.step(cell, s.move)
        if why:
            break
    if why:
        return MoveStep(s.text, s.span, "move", s.move, src, s.stated if s.stated and maze.contains(s.stated) else src,
                        s.stated, why, -1)
    if s.stated is not None and s.stated != cell:
        to = s.stated if maze.contains(s.stated) else cell
        return MoveStep(s.text, s.span, "move", s.move, src, to, s.stated, "wrong_position", -1)
    return MoveStep(s.text, s.span, "move", s.move, src, cell, s.stated, "ok", 1)


def _solution(x: Maze | MazeSolution) -> MazeSolution:
    return x if isinstance(x, MazeSolution) else solve_maze(x)
