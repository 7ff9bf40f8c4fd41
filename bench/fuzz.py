"""Fuzz bench: run thousands of hostile inputs (tests/fuzz/corpus.py) and count what went wrong.

Each input runs through the CLI (click's CliRunner) inside a worker subprocess that has an address-
space cap (--rss-cap-gb). An input over --timeout seconds of CPU time counts as a timeout: the
parent watches each worker's CPU time in /proc and kills and replaces a worker that overruns (on a
shared machine wall time is a poor measure, so CPU time is the one used and reported). Printed: inputs, tracebacks (any exception other than a clean exit, exit codes
outside {0, 1, 2}, "Traceback" in the output, an output file changed without --force), timeouts,
the slowest input, and the peak RSS of any worker.

    PYTHONPATH=$PWD python bench/fuzz.py --inputs 5000 --workers 2
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import queue
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


WALL_GUARD_S = 600  # a shared machine: wall time may be many times CPU time, so hangs are judged by CPU


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) a process has used, from /proc."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _worker(tasks, results, cap_bytes: int) -> None:
    """Run cases until told to stop; report (seed, kind, code, crash text, seconds, peak RSS bytes)."""
    resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))
    from tests.fuzz.corpus import case, run_in_process

    while True:
        seed = tasks.get()
        if seed is None:
            return
        c = case(seed)
        start = time.process_time()
        with tempfile.TemporaryDirectory() as folder:
            try:
                code, out, crash = run_in_process(c, Path(folder))
            except BaseException as exc:  # noqa: BLE001 - the bench counts it
                code, out, crash = -1, "", exc
        bad = None
        if crash is not None:
            bad = f"{type(crash).__name__}: {str(crash)[:200]}"
        elif code not in (0, 1, 2):
            bad = f"exit code {code}"
        elif "Traceback" in out:
            bad = "traceback text in the output"
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        results.put((seed, c.kind, " ".join(c.args)[:120], code, bad, time.process_time() - start, peak))


def run(inputs: int, workers: int, timeout: float, cap_gb: float, first_seed: int = 0) -> dict:
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    cap = int(cap_gb * 2**30)
    pool = []

    def spawn():
        tasks = ctx.Queue()
        proc = ctx.Process(target=_worker, args=(tasks, results, cap), daemon=True)
        proc.start()
        return {"proc": proc, "tasks": tasks, "seed": None, "since": 0.0, "cpu": 0.0}

    pool = [spawn() for _ in range(workers)]
    todo = list(range(first_seed, first_seed + inputs))
    stats = Counter()
    bad, slowest, peak = [], (0.0, None), 0
    timeouts = []
    while todo or any(w["seed"] is not None for w in pool):
        for w in pool:
            if w["seed"] is None and todo:
                w["seed"], w["since"], w["cpu"] = todo.pop(0), time.perf_counter(), _cpu_seconds(w["proc"].pid)
                w["tasks"].put(w["seed"])
        try:
            seed, kind, args, code, problem, seconds, rss = results.get(timeout=0.2)
        except queue.Empty:
            seed = None
        if seed is not None:
            for w in pool:
                if w["seed"] == seed:
                    w["seed"] = None
            stats["inputs"] += 1
            if stats["inputs"] % 250 == 0:
                print(f"... {stats['inputs']:,} inputs, {len(bad)} bad, {len(timeouts)} timeouts", file=sys.stderr,
                      flush=True)
            stats[f"kind {kind}"] += 1
            stats[f"exit {code}"] += 1
            peak = max(peak, rss)
            if seconds > slowest[0]:
                slowest = (seconds, args)
            if problem:
                bad.append((seed, kind, args, problem))
                print(f"BAD seed {seed}: {args}: {problem}", file=sys.stderr, flush=True)
            if seconds > timeout:
                timeouts.append(seed)
                print(f"SLOW seed {seed}: {args}: {seconds:.1f} s CPU", file=sys.stderr, flush=True)
        now = time.perf_counter()
        for i, w in enumerate(pool):
            over_cpu = w["seed"] is not None and _cpu_seconds(w["proc"].pid) - w["cpu"] > timeout + 2
            if w["seed"] is not None and (over_cpu or now - w["since"] > WALL_GUARD_S):
                timeouts.append(w["seed"])
                print(f"HUNG seed {w['seed']}", file=sys.stderr, flush=True)
                stats["inputs"] += 1
                w["proc"].kill()
                pool[i] = spawn()
            elif w["seed"] is not None and not w["proc"].is_alive():
                bad.append((w["seed"], "?", "?", f"worker died (exit {w['proc'].exitcode}; memory cap?)"))
                stats["inputs"] += 1
                pool[i] = spawn()
    for w in pool:
        w["tasks"].put(None)
    return {"stats": stats, "bad": bad, "timeouts": timeouts, "slowest": slowest, "peak": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
    parser.add_argument("--rss-cap-gb", type=float, default=4.0, help="address-space cap of each worker")
    parser.add_argument("--first-seed", type=int, default=0)
    args = parser.parse_args()
    start = time.perf_counter()
    out = run(args.inputs, args.workers, args.timeout, args.rss_cap_gb, args.first_seed)
    s = out["stats"]
    print(f"| inputs | tracebacks | over {args.timeout:.0f} s CPU (or hung) | slowest input (CPU) | peak RSS of a worker |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {s['inputs']:,} | {len(out['bad'])} | {len(out['timeouts'])} | {out['slowest'][0]:.1f} s "
          f"| {out['peak'] / 2**20:,.0f} MiB |")
    print()
    print("by kind: " + ", ".join(f"{k[5:]} {v}" for k, v in sorted(s.items()) if k.startswith("kind ")))
    print("exit codes: " + ", ".join(f"{k[5:]}: {v}" for k, v in sorted(s.items()) if k.startswith("exit ")))
    print(f"slowest: {out['slowest'][1]}")
    print(f"wall time {time.perf_counter() - start:.0f} s with {args.workers} workers")
    for seed, kind, cmd, problem in out["bad"][:20]:
        print(f"BAD seed {seed} ({kind}): {cmd}\n    {problem}")
    for seed in out["timeouts"][:20]:
        print(f"TIMEOUT seed {seed}")
    sys.exit(1 if out["bad"] or out["timeouts"] else 0)


if __name__ == "__main__":
    main()
