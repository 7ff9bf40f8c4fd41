"""`eval`: batched generation over a dataset, resumable JSONL output, and a summary."""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .errors import LLMError, OutOfMemoryError
from .generation import generate
from .loading import LoadedModel
from . import project as _project
from .project import ProjectAPI
from .prompting import Prompt, puzzle_prompt
from .records import audit_fields, trace_record
from .runner import PromptOptions
from .settings import Overrides, Settings, resolve


@dataclass(frozen=True)
class EvalItem:
    """One dataset line: a puzzle (text or path) with its family and difficulty."""

    id: str
    puzzle: str
    family: str | None = None
    difficulty: Any = None
    statement: str | None = None  # pre-rendered natural-language prompt, if the dataset has one
    lang: str | None = None
    size: str | None = None  # a maze's size ("5x5"): the summary groups by it


def read_dataset(path: str | os.PathLike) -> list[EvalItem]:
    """Items of a JSONL dataset; each line needs `puzzle` (or `source`), and may have
    `id`, `family`, `difficulty`, `prompt`, `lang`, `size` (mazes)."""
    items = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise LLMError(f"{path}:{n}: not JSON ({exc})", "fix or remove that line") from exc
            puzzle = row.get("puzzle") or row.get("source")
            if not isinstance(puzzle, str):
                raise LLMError(f"{path}:{n}: no 'puzzle' field with the puzzle text or path",
                               "each line needs {\"puzzle\": \"...\"}; see docs/llm.md")
            size = row.get("size") or (row.get("metadata") or {}).get("size")
            items.append(EvalItem(str(row.get("id", n)), puzzle, row.get("family"), row.get("difficulty"),
                                  row.get("prompt"), row.get("lang"), size if isinstance(size, str) else None))
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        raise LLMError(f"{path}: duplicate ids", "give every line a distinct 'id'")
    return items


def read_records(path: str | os.PathLike) -> list[dict[str, Any]]:
    """Records already written; a line torn by an interruption is dropped from the file."""
    p = Path(path)
    if not p.exists():
        return []
    raw = p.read_bytes()
    if raw and not raw.endswith(b"\n"):
        raw = raw[: raw.rfind(b"\n") + 1]
        p.write_bytes(raw)
    out = []
    for line in raw.decode("utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    return out


def append_records(path: str | os.PathLike, records: Iterable[dict[str, Any]]) -> None:
    """Append records and flush them to disk (what is written survives an interruption)."""
    with open(path, "a", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def summarize_group(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, first-error rate among correct answers, mean token counts."""
    n = len(records)
    correct = [r for r in records if r.get("correct")]
    wrong_reasoning = [r for r in correct if (r.get("first_error") is not None and r["first_error"] >= 0)]
    audited_correct = [r for r in correct if r.get("first_error") is not None]
    scores = [r["answer_score"] for r in records if r.get("answer_score") is not None]
    think = [r["tokens"]["thinking"] for r in records]
    answer = [r["tokens"]["answer"] for r in records]
    return {
        "samples": n,
        "accuracy": _rate(len(correct), n),
        "mean_answer_score": round(sum(scores) / len(scores), 4) if scores else None,
        "first_error_rate_among_correct": _rate(len(wrong_reasoning), len(audited_correct)),
        "mean_thinking_tokens": round(sum(think) / n, 1) if n else None,
        "mean_answer_tokens": round(sum(answer) / n, 1) if n else None,
        "truncated_rate": _rate(sum(r.get("finish_reason") == "length" for r in records), n),
        "audit_errors": sum(1 for r in records if r.get("audit_error")),
    }


def difficulty_label(difficulty: Any) -> str:
    """A short, stable group key for a dataset's difficulty: `2`, `agents=2,depth=3`, `easy`."""
    if isinstance(difficulty, dict):
        return ",".join(f"{k}={difficulty_label(v)}" for k, v in sorted(difficulty.items()))
    if isinstance(difficulty, (list, tuple)):
        return ",".join(difficulty_label(v) for v in difficulty)
    return str(difficulty)


def summarize(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Overall summary plus the same figures per family, per difficulty, per (family, difficulty)."""
    groups: dict[str, dict[str, list]] = {"by_family": defaultdict(list), "by_difficulty": defaultdict(list),
                                          "by_family_difficulty": defaultdict(list)}
    for r in records:
        fam, diff = str(r.get("family")), difficulty_label(r.get("difficulty"))
        groups["by_family"][fam].append(r)
        groups["by_difficulty"][diff].append(r)
        groups["by_family_difficulty"][f"{fam}/{diff}"].append(r)
    summary = {"overall": summarize_group(records), "items": len({r.get("id") for r in records})}
    for name, g in groups.items():
        summary[name] = {k: summarize_group(v) for k, v in sorted(g.items())}
    sized = [r for r in records if r.get("size")]
    if sized:  # mazes: accuracy and thinking tokens per maze size
        by_size: dict[str, list] = defaultdict(list)
        for r in sized:
            by_size[str(r["size"])].append(r)
        summary["by_size"] = {k: summarize_group(v) for k, v in sorted(by_size.items(), key=lambda kv: _size_order(kv[0]))}
    return summary


def _size_order(size: str) -> tuple:
    """"5x5" before "10x10": by cells, then by the text."""
    rows, _, cols = size.partition("x")
    return (int(rows) * int(cols), size) if rows.isdigit() and cols.isdigit() else (float("inf"), size)


@dataclass(frozen=True)
class EvalConfig:
    """How to run an evaluation."""

    batch_size: int = 8
    num_samples: int = 1
    overrides: Overrides = Overrides()
    options: PromptOptions = PromptOptions()
    audit: bool = True
    limit: int | None = None


def _prepare(loaded: LoadedModel, items: Sequence[EvalItem], project: ProjectAPI,
             options: PromptOptions, audit: bool) -> list[tuple[EvalItem, Any, Prompt, Any]]:
    """(item, puzzle, prompt, audit context) for each item; each distinct puzzle is loaded and solved once."""
    cache: dict[str, tuple[Any, Any]] = {}
    out = []
    for item in items:
        if item.puzzle not in cache:
            puzzle = project.load_puzzle(item.puzzle)
            ctx = project.audit_context(puzzle) if audit and project.audit_context else None
            cache[item.puzzle] = (puzzle, ctx)
        puzzle, ctx = cache[item.puzzle]
        statement = item.statement or project.render_prompt(puzzle, lang=item.lang or options.lang)
        prompt = puzzle_prompt(loaded.tokenizer, statement, options.system, options.use_template,
                               options.enable_thinking)
        out.append((item, puzzle, prompt, ctx))
    return out


def run_eval(loaded: LoadedModel, dataset: str | os.PathLike, out_path: str | os.PathLike,
             config: EvalConfig = EvalConfig(), api: ProjectAPI | None = None,
             progress: Callable[[int, int], None] | None = None,
             notice: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Generate for every (item, sample) not yet in `out_path`, append records per batch, summarise all.

    `progress(done, total)` is called after each batch; on out-of-memory the batch size is halved
    and the batch retried (down to 1).
    """
    project = api or _project.default_api()
    items = read_dataset(dataset)[: config.limit]
    done = {(r.get("id"), r.get("sample")) for r in read_records(out_path)}
    pending = [i for i in items if any((i.id, s) not in done for s in range(config.num_samples))]
    total = len(items) * config.num_samples
    finished = total - len(pending) * config.num_samples + sum(
        (i.id, s) in done for i in pending for s in range(config.num_samples))
    if progress:
        progress(finished, total)
    order = {item.id: n for n, item in enumerate(items)}
    for records in eval_batches(loaded, pending, config, project, done, order, notice):
        append_records(out_path, records)
        finished += len(records)
        if progress:
            progress(finished, total)
    return summarize([r for r in read_records(out_path) if r.get("id") in {i.id for i in items}])


def eval_batches(loaded: LoadedModel, items: Sequence[EvalItem], config: EvalConfig, project: ProjectAPI,
                 done: set, order: dict[str, int],
                 notice: Callable[[str], None] | None = None) -> Iterator[list[dict[str, Any]]]:
    """The records of every (item, sample) not in `done`, one list per batch, longest prompts first.

    `order` gives each item's place in the whole dataset (it fixes the batch seeds); on out-of-memory
    the batch size is halved and the batch retried (down to 1)."""
    prepared = _prepare(loaded, items, project, config.options, config.audit)
    prepared.sort(key=lambda x: -len(x[2].text))  # longest first: padding shrinks, OOM shows early
    settings = resolve(loaded.generation_config, config.overrides)
    batch = max(1, config.batch_size)
    start = 0
    while start < len(prepared):
        chunk = prepared[start:start + batch]
        try:
            records = _run_batch(loaded, chunk, settings, config, project, done, order)
        except OutOfMemoryError:
            if batch == 1:
                raise
            batch //= 2
            if notice:
                notice(f"out of GPU memory: batch size lowered to {batch}")
            continue
        start += len(chunk)
        yield records


def _run_batch(loaded: LoadedModel, chunk: Sequence[tuple[EvalItem, Any, Prompt, Any]], settings: Settings,
               config: EvalConfig, project: ProjectAPI, done: set, order: dict) -> list[dict[str, Any]]:
    seeded = settings
    if settings.seed is not None:  # one seed per batch, fixed by its first item's place in the dataset
        seeded = replace(settings, seed=settings.seed + 1000 * order[chunk[0][0].id])
    t0 = time.perf_counter()
    gens = generate(loaded, [c[2] for c in chunk], seeded, num_samples=config.num_samples)
    per_sample = (time.perf_counter() - t0) / max(len(gens), 1)
    records = []
    for k, gen in enumerate(gens):
        item, puzzle, prompt, ctx = chunk[k // config.num_samples]
        if (item.id, gen.sample) in done:
            continue
        checked = audit_fields(puzzle, gen, project, ctx) if config.audit else {}
        records.append(trace_record(gen, prompt.text, seeded, loaded.path, checked, round(per_sample, 3),
                                    id=item.id, family=item.family, difficulty=item.difficulty,
                                    puzzle=item.puzzle, **({"size": item.size} if item.size else {})))
    return records
