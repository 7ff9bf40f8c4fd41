"""Ray against the plain single-process run: throughput of generate and audit with 1 and 2 workers,
and the CPU overhead per item (driver + workers, against the single process).

    PYTHONPATH=$PWD python bench/bench_scale.py [--count 192] [--traces 626] [--repeat 3] [--shard-size 16]

CPU is process_time: the driver's own, and each task's (reported by the task). Wall times are medians
of interleaved single/Ray pairs on one warm cluster per worker count; cluster start-up is timed apart.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from epistemic import api, generate as gen  # noqa: E402
from epistemic.generate import datasets  # noqa: E402
from epistemic.audit.batch import ContextCache, audit_records  # noqa: E402
from epistemic.scale.audit_job import AuditJob, run_audit  # noqa: E402
from epistemic.scale.generate_job import GenerateJob, run_generate  # noqa: E402


def single_generate(count: int, out: Path) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    items, _ = gen.generate("cards", count, 1)
    datasets.export_jsonl([datasets.item_of(p.to_dict()) for p in items], out)
    return time.perf_counter() - w, time.process_time() - c


def ray_generate(count: int, out: Path, shard: int = 16) -> tuple[float, float]:
    c = time.process_time()
    res = run_generate(GenerateJob("cards", count, seed=1), out, force=True, shard_size=shard)
    return res.seconds, time.process_time() - c + res.worker_cpu


def single_audit(lines: list[str], out: Path) -> tuple[float, float]:
    w, c = time.perf_counter(), time.process_time()
    cache = ContextCache(lambda key: api.load_puzzle(key, {}))
    with out.open("w", encoding="utf-8") as fh:
        for r in audit_records(lines, None, cache):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return time.perf_counter() - w, time.process_time() - c


def ray_audit(src: Path, out: Path, shard: int = 16) -> tuple[float, float]:
    c = time.process_time()
    res = run_audit(AuditJob(str(src)), out, force=True, shard_size=shard)
    return res.seconds, time.process_time() - c + res.worker_cpu


def main() -> None:
    import os

    import ray

    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=192)
    ap.add_argument("--traces", type=int, default=626)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shard-size", type=int, default=16)
    args = ap.parse_args()
    os.chdir(ROOT)  # the golden traces name their puzzles relative to the repository
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    golden = gzip.open(ROOT / "tests/data/audit/golden.jsonl.gz", "rt", encoding="utf-8").read().splitlines()
    lines = (golden * (args.traces // len(golden) + 1))[: args.traces]
    src = tmp / "traces.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = []
    for workers in (1, 2):
        t0 = time.perf_counter()
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        startup = time.perf_counter() - t0
        ray_generate(4, tmp / "warm.jsonl")  # workers import the package once
        ray_audit(src, tmp / "warm-audit.jsonl")
        runs: dict[str, list] = {k: [] for k in ("g1", "gr", "a1", "ar")}
        for _ in range(args.repeat):
            runs["g1"].append(single_generate(args.count, tmp / "g1.jsonl"))
            runs["gr"].append(ray_generate(args.count, tmp / "gr.jsonl", args.shard_size))
            runs["a1"].append(single_audit(lines, tmp / "a1.jsonl"))
            runs["ar"].append(ray_audit(src, tmp / "ar.jsonl", args.shard_size))
        ray.shutdown()
        assert (tmp / "g1.jsonl").read_bytes() == (tmp / "gr.jsonl").read_bytes()
        assert (tmp / "a1.jsonl").read_bytes() == (tmp / "ar.jsonl").read_bytes()
        for job, n, single, on_ray in (("generate", args.count, "g1", "gr"), ("audit", args.traces, "a1", "ar")):
            w1 = statistics.median(w for w, _ in runs[single])
            c1 = statistics.median(c for _, c in runs[single])
            wr = statistics.median(w for w, _ in runs[on_ray])
            cr = statistics.median(c for _, c in runs[on_ray])
            rows.append((job, workers, n, w1, n / w1, 1000 * c1 / n, wr, n / wr, 1000 * cr / n,
                         1000 * (cr - c1) / n, startup))
    size_g = (tmp / "gr.jsonl").stat().st_size / args.count
    size_a = (tmp / "ar.jsonl").stat().st_size / args.traces
    head = ("job", "workers", "items", "1p wall s", "1p items/s", "1p CPU ms/item", "Ray wall s", "Ray items/s",
            "Ray CPU ms/item", "overhead ms/item", "ray.init s")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]:.2f} | {r[4]:.1f} | {r[5]:.2f} | {r[6]:.2f} | {r[7]:.1f} | "
              f"{r[8]:.2f} | {r[9]:+.2f} | {r[10]:.1f} |")
    print(f"\noutput bytes per item: generate {size_g:,.0f}, audit {size_a:,.0f}")


if __name__ == "__main__":
    main()
