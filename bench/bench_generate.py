"""Generation speed and yield: sampling vs Z3 synthesis, with and without Z3 certification (one core).

    taskset -c 0 python bench/bench_generate.py [--count 300] [--synth-count 5] [--repeat 3]

Each row runs the same job `--repeat` times (after one warm-up) and reports the median run;
"CPU s" is the process's CPU time of that run (less sensitive to other jobs than wall-clock seconds).
Yield = candidates passing the screen / candidates sampled.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from epistemic.generate import generate  # noqa: E402


def timed(family, method, z3cert, count, seed, **kw):
    w0, c0 = time.perf_counter(), time.process_time()
    items, stats = generate(family, count, seed=seed, synth=method == "synth", use_z3=z3cert, **kw)
    return time.perf_counter() - w0, time.process_time() - c0, items, stats


def row(family, method, z3cert, count, repeat, seed=1, label=None, **kw):
    runs = sorted((timed(family, method, z3cert, count, seed, **kw) for _ in range(repeat)), key=lambda r: r[0])
    wall, cpu, items, stats = runs[len(runs) // 2]
    d = stats.to_dict()
    certified = sum(i.verified.certificate.z3 and i.verified.certificate.unique for i in items)
    return (f"| {label or family} | {method} | {'Z3' if z3cert else 'explicit'} | {len(items)} | {certified} | {wall:.2f} | "
            f"{cpu:.2f} | **{len(items) / wall:.0f}** | {len(items) / cpu:.0f} | {d['candidates']:,} | "
            f"{d['candidates'] / wall:,.0f} | {d['yield']:.2%} | {d['duplicates']} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=300)
    ap.add_argument("--synth-count", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    generate("cards", 3, seed=12345)  # warm-up: imports, grammar, Z3 library
    print("| family | method | certified by | puzzles | Z3-certified | seconds | CPU s | puzzles/s | puzzles/CPU s "
          "| candidates | candidates/s | yield | duplicates skipped |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for family in ("cards", "birthdays"):
        print(row(family, "sample", False, args.count, args.repeat), flush=True)
        print(row(family, "sample", True, args.count, args.repeat), flush=True)
    print(row("cards", "sample", True, args.count, args.repeat, label="cards, dialogue=classic",
              knobs={"dialogue": "classic"}), flush=True)
    for family in ("sum_product", "muddy", "generic"):
        print(row(family, "sample", False, min(args.count, 50), 1), flush=True)
    for family in ("birthdays", "cards"):
        print(row(family, "synth", True, args.synth_count, 1), flush=True)


if __name__ == "__main__":
    main()
