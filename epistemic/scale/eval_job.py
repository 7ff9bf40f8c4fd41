"""`eval --ray`: one model replica per GPU as a Ray actor, batches of samples spread over the replicas.

The driver reads the dataset and the records already written (resume as today: a (id, sample) pair
in the output is not run again), hands batches of pending items to idle replicas, and appends each
batch's records as it returns (flushed, so an interruption keeps them). A replica that dies is restarted
by Ray and its batch retried; a record is appended only once.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .cluster import connect


@dataclass(frozen=True)
class ModelSpec:
    """How each replica loads the model: a local directory (never downloaded), dtype and chat template."""

    path: str
    device: str = "auto"
    dtype: str = "auto"
    chat_template: str | None = None
    need_chat_template: bool = True


class Replica:
    """One loaded model; runs batches of items (the same code as the single-process eval)."""

    def __init__(self, spec: ModelSpec, device: str, api=None) -> None:
        from ..api import project_api
        from ..llm.loading import load_model

        self.loaded = load_model(spec.path, device, spec.dtype, spec.chat_template, spec.need_chat_template)
        self.api = api or project_api()

    def run(self, items: list, config, done: set, order: dict) -> list[dict]:
        from ..llm.evaluate import eval_batches

        return [r for batch in eval_batches(self.loaded, items, config, self.api, done, order) for r in batch]


@dataclass(frozen=True)
class Placement:
    """How many replicas, and the GPUs and device each one gets."""

    replicas: int
    gpus_each: float
    device: str


def placement(cluster_gpus: float, replicas: int | None, device: str) -> Placement:
    """One replica per GPU; with no GPU, or `device` "cpu", `replicas` CPU replicas (default 1) on `device`
    (auto: cpu). A GPU replica sees only its own GPU, so it loads with "auto" unless a device was named."""
    if cluster_gpus >= 1 and device != "cpu":
        return Placement(replicas or int(cluster_gpus), 1, device)
    return Placement(replicas or 1, 0, "cpu" if device == "auto" else device)


def run_eval(spec: ModelSpec, dataset: str | Path, out: str | Path, config, replicas: int | None = None,
             address: str | None = None, num_cpus: int | None = None, api=None,
             progress: Callable[[int, int], Any] | None = None) -> dict[str, Any]:
    """Evaluate `dataset` with replicas of the model on a Ray cluster; append records to `out`; summarise."""
    from ..llm.evaluate import append_records, read_dataset, read_records, summarize

    items = read_dataset(dataset)[: config.limit]
    written = {(r.get("id"), r.get("sample")) for r in read_records(out)}
    samples = range(config.num_samples)
    pending = [i for i in items if any((i.id, s) not in written for s in samples)]
    total = len(items) * config.num_samples
    finished = sum((i.id, s) in written for i in items for s in samples)
    if progress:
        progress(finished, total)
    order = {item.id: n for n, item in enumerate(items)}
    batch = max(1, config.batch_size)
    chunks = [pending[k:k + batch] for k in range(0, len(pending), batch)]
    t0 = time.perf_counter()
    with connect(address, num_cpus) as ray:
        from ray.util import ActorPool

        where = placement(ray.cluster_resources().get("GPU", 0), replicas, spec.device)
        actor = ray.remote(num_cpus=1, num_gpus=where.gpus_each, max_restarts=-1, max_task_retries=-1)(Replica)
        actors = [actor.remote(spec, where.device, api) for _ in range(min(where.replicas, max(len(chunks), 1)))]
        pool = ActorPool(actors)
        jobs = [(c, {(i.id, s) for i in c for s in samples} & written) for c in chunks]
        for records in pool.map_unordered(
                lambda a, job: a.run.remote(job[0], config, job[1], {i.id: order[i.id] for i in job[0]}), jobs):
            fresh = [r for r in records if (r.get("id"), r.get("sample")) not in written]
            append_records(out, fresh)
            written.update((r.get("id"), r.get("sample")) for r in fresh)
            finished += len(fresh)
            if progress:
                progress(finished, total)
    ids = {i.id for i in items}
    summary = summarize([r for r in read_records(out) if r.get("id") in ids])
    summary["replicas"] = where.replicas if chunks else 0
    summary["seconds"] = round(time.perf_counter() - t0, 3)
    return summary
