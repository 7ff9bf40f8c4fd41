"""Generation speed and yield: sampling vs Z3 synthesis, with and without Z3 certification (one core).

    python bench/bench_generate.py [--count 200] [--synth-count 5]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from epistemic.generate import generate  # noqa: E402


def row(family, method, z3cert, count, seed=1, **kw):
    t0 = time.perf_counter()
    items, stats = generate(family, count, seed=seed, synth=method == "synth", use_z3=z3cert, **kw)
    dt = time.perf_counter() - t0
    d = stats.to_dict()
    return (f"| {family} | {method} | {'Z3' if z3cert else 'explicit'} | {len(items)} | {dt:.2f} | "
            f"{len(items) / dt:.1f} | {d['candidates']:,} | {d['candidates'] / dt:,.0f} | {d['yield']:.2%} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--synth-count", type=int, default=5)
    args = ap.parse_args()
    print("| family | method | certified by | puzzles | seconds | puzzles/s | candidates | candidates/s | yield |")
    print("|---|---|---|---|---|---|---|---|---|")
    for family in ("cards", "birthdays"):
        print(row(family, "sample", False, args.count))
        print(row(family, "sample", True, args.count))
    for family in ("sum_product", "muddy", "generic"):
        print(row(family, "sample", False, min(args.count, 50)))
    for family in ("birthdays", "cards"):
        print(row(family, "synth", False, args.synth_count))


if __name__ == "__main__":
    main()
