"""The generator's inner loop alone: sample a candidate and screen it (no parsing, no engine), per family.

    python bench/bench_screen.py [--n 3000] [--repeat 3]

Prints one row per family: candidates, CPU seconds (median of --repeat runs, `time.process_time`) and
candidates per CPU second. Run it on two versions of the code, interleaved, to compare them.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from epistemic.generate.families import FAMILIES  # noqa: E402
from epistemic.generate.screen import screen  # noqa: E402


def timed(family: str, n: int) -> tuple[float, int]:
    fam = FAMILIES[family]
    knobs = dict(fam.defaults)
    c0 = time.process_time()
    ok = 0
    for i in range(n):
        cand = fam.sample(random.Random(i), knobs)
        ok += screen(cand.model, cand.lines).ok
    return time.process_time() - c0, ok


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print("| family | candidates | passed | CPU s | candidates/CPU s |")
    print("|---|---|---|---|---|")
    for family in ("cards", "birthdays", "sum_product", "muddy", "generic"):
        n = args.n // 10 if family == "muddy" else args.n
        runs = sorted(timed(family, n) for _ in range(args.repeat))
        cpu, ok = runs[len(runs) // 2]
        print(f"| {family} | {n} | {ok} | {cpu:.3f} | {n / cpu:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
