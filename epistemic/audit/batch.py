"""Batch audits: JSONL in (one trace per line), JSONL out, with one solved context per puzzle."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import EpistemicError
from ..language import syntax as s
from ..limits import MAX_DEPTH, bracket_depth
from . import AuditContext, audit_trace
from .metrics import processbench

TEXT_FIELDS = ("response", "trace", "text", "completion", "output")


@dataclass
class ContextCache:
    """AuditContexts by puzzle key, built on first use (one per batch run, never global)."""

    loader: Callable[[str], s.Puzzle]
    contexts: dict = field(default_factory=dict)
    z3: bool = False  # counterexamples from Z3

    def get(self, key: str) -> AuditContext:
        if key not in self.contexts:
            self.contexts[key] = AuditContext.build(self.loader(key), z3=self.z3)
        return self.contexts[key]


def looks_like_jsonl(data: str) -> bool:
    first = next((line for line in data.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    if bracket_depth(first) > MAX_DEPTH:
        return True  # an object nested too deeply to decode: each row reports it as an error row
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def trace_of(record: dict) -> str:
    for name in TEXT_FIELDS:
        if isinstance(record.get(name), str):
            return record[name]
    if isinstance(record.get("steps"), list):
        return "\n\n".join(str(x) for x in record["steps"])
    raise EpistemicError("a JSONL record has no trace", hint=f"give one of the fields {', '.join(TEXT_FIELDS)} or steps")


def puzzle_key(record: dict, default_puzzle: str | None, root: Path | None) -> str:
    """The puzzle a record names: its text, or a relative path inside `root` (an untrusted dataset
    never chooses which local files are read); the command's own PUZZLE argument otherwise."""
    text = record.get("puzzle_text")
    if isinstance(text, str) and text.strip():
        return text if "\n" in text else text + "\n"
    named = record.get("puzzle") or record.get("puzzle_path")
    if named is None:
        if not default_puzzle:
            raise EpistemicError("no puzzle for this record", hint="give a `puzzle` field or the PUZZLE argument")
        return default_puzzle
    if not isinstance(named, str):
        raise EpistemicError("the record's `puzzle` must be a string (a path or puzzle text)")
    if "\n" in named:
        return named
    if root is None:
        return named
    path = Path(named)
    inside = root.resolve()
    resolved = (inside / path).resolve()
    if path.is_absolute() or (resolved != inside and inside not in resolved.parents):
        raise EpistemicError(f"the puzzle path {named!r} is outside {inside}",
                             hint="rows name puzzles relative to the dataset's folder; --puzzle-root widens it")
    return str(resolved)


def audit_records(lines: Iterable[str], default_puzzle: str | None, cache: ContextCache,
                  root: Path | None = None, first: int = 1) -> Iterator[dict]:
    """One result dict per input line: any failure in a row becomes an `error` field, and the batch goes on.

    root: the folder a row's `puzzle` path must lie in (None: paths are trusted as given); `first` is the
    number of the first line (a shard of a larger file keeps the file's numbering).
    """
    for n, line in enumerate(lines, start=first):
        if not line.strip():
            continue
        out: dict = {"line": n}
        try:
            if bracket_depth(line) > MAX_DEPTH:
                raise EpistemicError(f"the JSON is nested more than {MAX_DEPTH} levels deep")
            record = json.loads(line)
            if not isinstance(record, dict):
                raise EpistemicError("a JSONL line must be an object")
            ctx = cache.get(puzzle_key(record, default_puzzle, root))
            report = audit_trace(ctx.puzzle, trace_of(record), context=ctx, z3=ctx.z3)
            out.update({k: record[k] for k in ("id", "idx") if k in record})
            out.update(report.to_dict())
            if "label" in record:
                out["gold_label"] = record["label"]
            if "labels" in record:
                out["gold_labels"] = record["labels"]
            if "final_answer_correct" in record:
                out["gold_final_answer_correct"] = record["final_answer_correct"]
        except json.JSONDecodeError as exc:
            out["error"] = f"line {n}: not JSON ({exc})"
        except EpistemicError as exc:
            out["error"] = f"line {n}: {exc.message}"
        except RecursionError:
            out["error"] = f"line {n}: nested too deeply to audit"
        except Exception as exc:  # one bad row must not stop the batch; the row says what failed
            out["error"] = f"line {n}: {type(exc).__name__}: {exc}"
        yield out


def summarize(results: list[dict]) -> dict:
    ok = [r for r in results if "error" not in r]
    summary = {
        "schema": "epistemic.audit-summary/1",
        "traces": len(results),
        "errors": len(results) - len(ok),
        "with_error_step": sum(1 for r in ok if r["label"] != -1),
        "final_answer_correct": sum(1 for r in ok if r["final_answer_correct"]),
        "claims": sum(len(r["claims"]) for r in ok),
    }
    gold = [(int(r["gold_label"]), r["label"]) for r in ok if isinstance(r.get("gold_label"), int)]
    if gold:
        summary["processbench"] = processbench(gold).to_dict()
    fac = [(bool(r["gold_final_answer_correct"]), r["final_answer_correct"]) for r in ok
           if "gold_final_answer_correct" in r]
    if fac:
        summary["final_answer_accuracy"] = round(sum(a == b for a, b in fac) / len(fac), 4)
    return summary


def summary_text(summary: dict) -> str:
    lines = [f"{summary['traces']} traces, {summary['errors']} unreadable, {summary['with_error_step']} with an "
             f"error step, {summary['final_answer_correct']} with the right final answer, {summary['claims']} claims"]
    if "processbench" in summary:
        pb = summary["processbench"]
        lines.append(f"ProcessBench: erroneous {pb['acc_erroneous']:.1%} of {pb['erroneous']}, correct "
                     f"{pb['acc_correct']:.1%} of {pb['correct']}, F1 {pb['f1']:.1%}")
    return "\n".join(lines)


def read_lines(path: str | Path) -> list[str]:
    return Path(path).read_text(encoding="utf-8-sig").splitlines()
