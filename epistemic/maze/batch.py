"""Batch audits of maze replies: JSONL in (one reply per line), one result per line, and a summary.

A line's maze is the command's MAZE file, or inline maze text in its `maze`, `prompt` or `puzzle`
field (text only: a record never names a file to read)."""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..errors import EpistemicError
from .audit import audit_text
from .parse import is_maze_text, read_maze
from .solve import MazeSolution, solve_maze

TEXT_FIELDS = ("response", "trace", "text", "completion", "output", "answer")


def reply_of(record: dict) -> str:
    for name in TEXT_FIELDS:
        if isinstance(record.get(name), str):
            return record[name]
    raise EpistemicError("a JSONL record has no reply", hint=f"give one of the fields {', '.join(TEXT_FIELDS)}")


def audit_lines(lines: Iterable[str], default: MazeSolution | None) -> Iterator[dict]:
    """One result per non-blank line; a bad line gives an `error` field, not a crash. Each distinct
    inline maze is solved once per run."""
    solved: dict[str, MazeSolution] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        out: dict = {"line": n}
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise EpistemicError("a JSONL line must be an object")
            inline = next((record[k] for k in ("maze", "prompt", "puzzle")
                           if isinstance(record.get(k), str) and is_maze_text(record[k])), None)
            if inline is not None:
                if inline not in solved:
                    solved[inline] = solve_maze(read_maze(inline, f"line {n}").maze)
                sol = solved[inline]
            elif default is not None:
                sol = default
            else:
                raise EpistemicError("no maze for this record", hint="give the MAZE argument or a `maze` field with the maze text")
            out.update({k: record[k] for k in ("id", "idx") if k in record})
            out.update(audit_text(sol, reply_of(record)).to_dict())
            for k in ("label", "final_answer_correct"):
                if k in record:
                    out[f"gold_{k}"] = record[k]
        except ValueError as exc:
            out["error"] = f"line {n}: not JSON ({exc})"
        except EpistemicError as exc:
            out["error"] = f"line {n}: {exc.message}"
        yield out


def summarize(results: list[dict]) -> dict:
    """Counts over a batch (schema `epistemic.maze.audit-summary/1`)."""
    ok = [r for r in results if "error" not in r]
    gold = [r for r in ok if isinstance(r.get("gold_label"), int)]
    return {
        "schema": "epistemic.maze.audit-summary/1",
        "replies": len(results),
        "errors": len(results) - len(ok),
        "with_error_step": sum(r["label"] != -1 for r in ok),
        "final_answer_correct": sum(bool(r["final_answer_correct"]) for r in ok),
        "optimal": sum(bool(r["optimal"]) for r in ok),
        "gold_label_agreement": round(sum(r["gold_label"] == r["label"] for r in gold) / len(gold), 4) if gold else None,
    }


def summary_text(summary: dict) -> str:
    return (f"{summary['replies']} replies, {summary['errors']} unreadable, {summary['with_error_step']} with an "
            f"error step, {summary['final_answer_correct']} reaching the target, {summary['optimal']} shortest")
