"""`audit DATASET --ray`: traces audited across Ray tasks, one output row per input row, in input order.

Shards are ranges of JSONL lines or Parquet rows. One `Auditor` actor per CPU takes shards as it gets
free: it reads its slice of the input itself, audits it with the same code as the single-process batch
(`audit.batch.audit_records`: bad rows become error rows, line numbers those of the whole file), writes
a part file and returns only what the summary needs. An actor that dies is restarted and its shard run
again; the part file is replaced whole, so no row is lost or doubled.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Union

from ..errors import EpistemicError
from .cluster import connect
from .files import check_output, join_parts, output_format, part_path, parts_dir, write_jsonl_part, write_parquet_part
from .shards import DEFAULT_SHARD, LineShard, Shard, index_shards, line_shards, read_line_shard

SCHEMA = "epistemic.scale.audit/1"
SUMMARY_FIELDS = ("line", "error", "label", "final_answer_correct", "gold_label", "gold_final_answer_correct")
MAX_CONTEXTS = 256
PARQUET_COLUMNS = (("line", "int64"), ("id", "string"), ("error", "string"), ("label", "int64"),
                   ("final_answer_correct", "bool_"), ("result", "string"))


@dataclass(frozen=True)
class AuditJob:
    """What `audit` was asked for: the default puzzle (rows may name their own), --param values, --z3."""

    source: str
    puzzle: str | None = None
    params: dict = field(default_factory=dict)
    z3: bool = False
    root: str | None = None  # the folder a row's `puzzle` path must lie in (None: paths as given, as audit_records)


@dataclass(frozen=True)
class AuditOutcome:
    """What a task sends back: its shard number and, per row, the fields the summary counts."""

    number: int
    rows: tuple[dict, ...]
    cpu_seconds: float = 0.0


@dataclass(frozen=True)
class AuditResult:
    out: str
    rows: int
    shards: int
    summary: dict
    seconds: float
    worker_cpu: float = 0.0

    def to_dict(self) -> dict:
        return {"schema": SCHEMA, "out": self.out, "rows": self.rows, "shards": self.shards,
                "seconds": round(self.seconds, 3), "worker_cpu_seconds": round(self.worker_cpu, 3),
                "summary": self.summary}


InputShard = Union[LineShard, Shard]


def input_shards(source: str | Path, size: int = DEFAULT_SHARD) -> list[InputShard]:
    """JSONL: ranges of lines (one pass over the bytes); Parquet: ranges of rows (from the metadata)."""
    path = Path(source)
    if not path.is_file():
        raise EpistemicError(f"no such file: {source}", hint="give a .jsonl or .parquet file of traces")
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        return index_shards(0, pq.ParquetFile(path).metadata.num_rows, size)
    if path.suffix.lower() != ".jsonl":
        raise EpistemicError(f"{source}: --ray audits .jsonl or .parquet files", hint="one trace per line or row")
    return line_shards(path, size)


def read_shard(source: str, shard: InputShard) -> tuple[list[str], int]:
    """The shard's rows as JSON lines, and the number of its first line (rows count from 1)."""
    if isinstance(shard, LineShard):
        return read_line_shard(source, shard), shard.first
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(source)
    groups, first_row, row = [], None, 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if row < shard.stop and row + n > shard.start:
            groups.append(g)
            first_row = row if first_row is None else first_row
        row += n
    table = pf.read_row_groups(groups).slice(shard.start - (first_row or 0), shard.size)
    return [json.dumps(r, ensure_ascii=False, default=str) for r in table.to_pylist()], shard.start + 1


class Auditor:
    """A worker that audits shards and keeps its solved puzzles between them (a Ray actor per CPU).

    Rebuilding a puzzle's audit context for every shard cost as much as the audit itself on the golden
    set (BENCHMARKS.md); the cache is dropped when it holds MAX_CONTEXTS puzzles, so memory stays bounded."""

    def __init__(self, job: AuditJob) -> None:
        from .. import api
        from ..audit.batch import ContextCache

        self.job = job
        self.cache = ContextCache(lambda key: api.load_puzzle(key, job.params), z3=job.z3)

    def run(self, shard: InputShard, path: str, fmt: str) -> AuditOutcome:
        """Audit one shard, write its part, return the summary fields."""
        from ..audit.batch import audit_records

        cpu = time.process_time()
        if len(self.cache.contexts) >= MAX_CONTEXTS:
            self.cache.contexts.clear()
        lines, first = read_shard(self.job.source, shard)
        root = Path(self.job.root) if self.job.root is not None else None
        results = list(audit_records(lines, self.job.puzzle, self.cache, root=root, first=first))
        if fmt == ".jsonl":
            write_jsonl_part(Path(path), [json.dumps(r, ensure_ascii=False) for r in results])
        else:
            write_parquet_part(Path(path), parquet_table(results))
        return AuditOutcome(shard.number, tuple(summary_row(r) for r in results), time.process_time() - cpu)


def summary_row(result: dict) -> dict:
    """The fields audit.batch.summarize reads; the claims shrink to their count's worth of placeholders."""
    row = {k: result[k] for k in SUMMARY_FIELDS if k in result}
    if "claims" in result:
        row["claims"] = [None] * len(result["claims"])
    return row


def parquet_table(results: list[dict]):
    """Audit rows as a table: the fields to filter on as columns, the whole row as JSON in `result`."""
    import pyarrow as pa

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_COLUMNS])
    columns = {
        "line": [r["line"] for r in results],
        "id": [None if r.get("id") is None else str(r["id"]) for r in results],
        "error": [r.get("error") for r in results],
        "label": [r.get("label") for r in results],
        "final_answer_correct": [r.get("final_answer_correct") for r in results],
        "result": [json.dumps(r, ensure_ascii=False) for r in results],
    }
    return pa.table(columns, schema=schema)


def run_audit(job: AuditJob, out: str | Path, force: bool = False, address: str | None = None,
              shard_size: int = DEFAULT_SHARD, num_cpus: int | None = None,
              progress: Callable[[int], object] | None = None,
              shards: list[InputShard] | None = None) -> AuditResult:
    """Audit every row of `job.source` on a Ray cluster into `out` (.jsonl or .parquet), then summarise.

    `shards`: the input's shards when the caller already cut them (`input_shards` reads a whole JSONL file)."""
    from ..audit.batch import summarize

    out = check_output(out, force)
    fmt = output_format(out)
    if shards is None:
        shards = input_shards(job.source, shard_size)
    parts = parts_dir(out)
    t0 = time.perf_counter()
    outcomes: dict[int, AuditOutcome] = {}
    with connect(address, num_cpus) as ray:
        from ray.util import ActorPool

        workers = max(1, min(len(shards), int(ray.cluster_resources().get("CPU", 1))))
        auditor = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=-1)(Auditor)
        pool = ActorPool([auditor.remote(job) for _ in range(workers)])
        calls = pool.map_unordered(lambda a, sh: a.run.remote(sh, str(part_path(parts, sh.number, fmt)), fmt), shards)
        for outcome in calls:
            outcomes[outcome.number] = outcome
            if progress:
                progress(len(outcome.rows))
    rows = [r for n in range(len(shards)) for r in outcomes[n].rows]
    if shards:
        join_parts([part_path(parts, sh.number, fmt) for sh in shards], out, force)
    else:
        write_empty(out, fmt)
    return AuditResult(str(out), len(rows), len(shards), summarize(rows), time.perf_counter() - t0,
                       sum(o.cpu_seconds for o in outcomes.values()))


def write_empty(out: Path, fmt: str) -> None:
    if fmt == ".jsonl":
        write_jsonl_part(out, [])
    else:
        write_parquet_part(out, parquet_table([]))
