"""`generate --ray`: items sharded by index across Ray tasks, output identical to the single-process run.

Item i of a run is the first candidate of its own random stream that passes, verifies, and whose key is
not the key of an earlier item. A task makes its items as if nothing had been seen, and records every
key its items were checked against (a `Probe`). The driver then walks the items in index order: an item
none of whose checked keys belongs to an earlier item is exactly what the sequential run made; any other
item (a duplicate, rare unless the knobs allow few puzzles) is made again on the driver with the true set
of earlier keys, and its shard rewritten. So the joined file is byte-identical to `generate --out`.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import EpistemicError
from .cluster import connect
from .files import (check_output, join_parts, output_format, part_path, parts_dir, read_jsonl_part,
                    write_jsonl_part, write_parquet_part)
from .shards import DEFAULT_SHARD, Shard, index_shards

SCHEMA = "epistemic.scale.generate/1"


@dataclass(frozen=True)
class GenerateJob:
    """What `generate` was asked for: the same fields as the single-process command."""

    family: str
    count: int
    seed: int = 0
    start: int = 0
    difficulty: str | None = None
    knobs: dict = field(default_factory=dict)
    synth: bool = False
    targets: dict = field(default_factory=dict)
    max_tries: int | None = None
    use_z3: bool = True
    lang: str = "en"

    def maker(self) -> Callable:
        from .. import generate as gen

        return gen.item_maker(self.family, self.seed, self.difficulty, self.knobs, self.synth, self.targets,
                              self.max_tries, self.use_z3)


@dataclass(frozen=True)
class ShardOutcome:
    """What a task sends back: per item its key and the keys it was checked against; the task's counts."""

    shard: Shard
    keys: tuple[str, ...]
    probes: tuple[tuple[str, ...], ...]
    stats: dict
    cpu_seconds: float = 0.0
    error: str | None = None
    hint: str | None = None


@dataclass(frozen=True)
class GenerateResult:
    out: str
    count: int
    shards: int
    redone: int
    stats: dict
    seconds: float
    worker_cpu: float = 0.0

    def to_dict(self) -> dict:
        return {"schema": SCHEMA, "out": self.out, "count": self.count, "shards": self.shards,
                "redone_on_driver": self.redone, "seconds": round(self.seconds, 3),
                "worker_cpu_seconds": round(self.worker_cpu, 3), "stats": self.stats}


class Probe:
    """A stand-in for the set of earlier keys: answers "not seen" and remembers every key asked about."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def __contains__(self, key: object) -> bool:
        self.keys.append(str(key))
        return False

    def add(self, key: object) -> None:
        pass


def run_shard(job: GenerateJob, shard: Shard, path: str, fmt: str) -> ShardOutcome:
    """Make the shard's items as if nothing had been seen, write its part file, return the probes."""
    from ..generate import Stats, new_certifier

    cpu = time.process_time()
    make = job.maker()
    certifier = new_certifier() if job.use_z3 else None
    stats = Stats()
    records, keys, probes = [], [], []
    try:
        for index in range(shard.start, shard.stop):
            probe = Probe()
            item = make(index, probe, stats, certifier)
            records.append(item.to_dict())
            keys.append(item.verified.key)
            probes.append(tuple(probe.keys))
    except EpistemicError as exc:
        return ShardOutcome(shard, (), (), stats_dict(stats), 0.0, exc.message, exc.hint)
    write_part(Path(path), records, job, fmt)
    return ShardOutcome(shard, tuple(keys), tuple(probes), stats_dict(stats), time.process_time() - cpu)


def stats_dict(stats) -> dict:
    return {"candidates": stats.candidates, "screened": stats.screened, "duplicates": stats.duplicates,
            "rejected_by_engine": stats.rejected_by_engine, "reasons": dict(stats.reasons)}


def dataset_rows(records: list[dict], job: GenerateJob) -> list[dict]:
    from ..generate import datasets

    return [datasets.item_of(r, job.lang, job.difficulty) for r in records]


def write_part(path: Path, records: list[dict], job: GenerateJob, fmt: str) -> None:
    """The shard's records as `generate --out FILE` writes them (same row, same JSON text)."""
    from ..generate import datasets

    items = dataset_rows(records, job)
    if fmt == ".jsonl":
        write_jsonl_part(path, [json.dumps(datasets.row_of(i), ensure_ascii=False) for i in items])
    else:
        write_parquet_part(path, datasets.parquet_table(items))


def replace_rows(path: Path, fmt: str, fixes: dict[int, dict], job: GenerateJob) -> None:
    """Rewrite a part with the records at positions `fixes` replaced (the items remade on the driver)."""
    from ..generate import datasets

    items = {k: dataset_rows([r], job)[0] for k, r in fixes.items()}
    if fmt == ".jsonl":
        lines = read_jsonl_part(path)
        for k, item in items.items():
            lines[k] = json.dumps(datasets.row_of(item), ensure_ascii=False)
        write_jsonl_part(path, lines)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    rows = table.to_pylist()
    for k, item in items.items():
        rows[k] = datasets.parquet_table([item]).to_pylist()[0]
    write_parquet_part(path, pa.Table.from_pylist(rows, schema=table.schema))


@dataclass
class Walk:
    """The driver's pass over items in index order: the earlier keys, and items remade here."""

    job: GenerateJob
    fmt: str
    parts: Path
    seen: set = field(default_factory=set)
    redone: int = 0
    worker_cpu: float = 0.0
    totals: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    _make: Any = None
    _certifier: Any = None
    _stats: Any = None

    def accept(self, outcome: ShardOutcome) -> None:
        """Check a shard against the earlier keys; remake and rewrite what the sequential run would differ on."""
        if outcome.error:
            raise EpistemicError(outcome.error, hint=outcome.hint)
        for name in ("candidates", "screened", "rejected_by_engine"):
            self.totals[name] += outcome.stats[name]
        self.worker_cpu += outcome.cpu_seconds
        self.reasons.update(outcome.stats["reasons"])
        fixes = {}
        for k, (key, probes) in enumerate(zip(outcome.keys, outcome.probes)):
            if key in self.seen or any(p in self.seen for p in probes):
                item = self.remake(outcome.shard.start + k)
                fixes[k] = item.to_dict()
                self.seen.add(item.verified.key)
            else:
                self.seen.add(key)
        if fixes:
            self.redone += len(fixes)
            replace_rows(part_path(self.parts, outcome.shard.number, self.fmt), self.fmt, fixes, self.job)

    def remake(self, index: int):
        from ..generate import Stats, new_certifier

        if self._make is None:
            self._make = self.job.maker()
            self._certifier = new_certifier() if self.job.use_z3 else None
            self._stats = Stats()
        return self._make(index, self.seen, self._stats, self._certifier)

    def stats(self, seconds: float) -> dict:
        s = self._stats
        candidates = self.totals["candidates"] + (s.candidates if s else 0)
        screened = self.totals["screened"] + (s.screened if s else 0)
        reasons = self.reasons + (s.reasons if s else Counter())
        return {"candidates": candidates, "passed_screen": screened, "duplicates": s.duplicates if s else 0,
                "rejected_by_engine": self.totals["rejected_by_engine"] + (s.rejected_by_engine if s else 0),
                "screen_reasons": dict(reasons), "seconds": round(seconds, 4),
                "yield": round(screened / candidates, 5) if candidates else 0.0}


WINDOW_PER_CPU = 4  # shards in flight per CPU of the cluster (at least WINDOW_MIN)
WINDOW_MIN = 16


def run_generate(job: GenerateJob, out: str | Path, force: bool = False, address: str | None = None,
                 shard_size: int = DEFAULT_SHARD, num_cpus: int | None = None, progress=None) -> GenerateResult:
    """Generate `job` on a Ray cluster into `out` (.jsonl or .parquet), shard by shard, then join.

    `progress(n)` is called as items are accepted in order. The existing output is kept unless `force`."""
    out = check_output(out, force)
    fmt = output_format(out)
    job.maker()  # bad family, knobs or targets fail here, before any task starts
    shards = index_shards(job.start, job.count, shard_size)
    parts = parts_dir(out)
    walk = Walk(job, fmt, parts)
    t0 = time.perf_counter()
    with connect(address, num_cpus) as ray:
        task = ray.remote(max_retries=5)(run_shard)
        # A window of shards in flight past the next one to accept, not all of them: ray.wait costs about
        # 1.5 us per pending ref per call (BENCHMARKS.md), so 156 k refs at once would cost the driver hours.
        window = max(WINDOW_MIN, WINDOW_PER_CPU * int(ray.cluster_resources().get("CPU", 1)))
        submitted = 0
        pending: list = []
        ready: dict[int, ShardOutcome] = {}
        nxt = 0
        try:
            while submitted < len(shards) or pending:
                while submitted < len(shards) and submitted < nxt + window:
                    sh = shards[submitted]
                    pending.append(task.remote(job, sh, str(part_path(parts, sh.number, fmt)), fmt))
                    submitted += 1
                done, pending = ray.wait(pending, num_returns=1)
                for ref in done:
                    outcome = ray.get(ref)
                    ready[outcome.shard.number] = outcome
                while nxt in ready:
                    outcome = ready.pop(nxt)
                    walk.accept(outcome)
                    nxt += 1
                    if progress:
                        progress(outcome.shard.size)
        except BaseException:
            for ref in pending:
                ray.cancel(ref, force=True)
            raise
    if not shards:
        return _empty(job, out, fmt, time.perf_counter() - t0)
    join_parts([part_path(parts, sh.number, fmt) for sh in shards], out, force)
    seconds = time.perf_counter() - t0
    return GenerateResult(str(out), job.count, len(shards), walk.redone, walk.stats(seconds), seconds, walk.worker_cpu)


def _empty(job: GenerateJob, out: Path, fmt: str, seconds: float) -> GenerateResult:
    """Zero items: an empty file of the right format (as the single-process run writes)."""
    write_part(out, [], job, fmt)
    return GenerateResult(str(out), 0, 0, 0, Walk(job, fmt, out).stats(seconds), seconds)
