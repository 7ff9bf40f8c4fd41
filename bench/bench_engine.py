"""Explicit-engine benchmarks for the foundation's speed targets (issue 2), printed as a table.

    python bench/bench_engine.py [--repeat 3]

Each case runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own; times are the
best of --repeat runs. "engine" is enumeration + announcements + the per-stage report, excluding
parsing; "command" is the whole `python cli.py solve ...` as a user runs it. SMCDEL and DEMO-S5
figures are quoted from docs/semantics.md (measured on a 2-core machine like ours), not run here.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASE = r"""
import json, resource, sys, time
from epistemic import api
from epistemic.stages.solve import solve
puzzle = api.load_puzzle(sys.argv[1], json.loads(sys.argv[2]))
t = time.perf_counter()
sol = solve(puzzle)
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "worlds": sol.space.size, "stages": [s.count for s in sol.stages],
                  "answer": sol.answer_text()[:3], "split": sol.seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CASES = [
    # name, puzzle, params, target seconds, peers (docs/semantics.md)
    ("Sum and Product, x + y <= 100", "puzzles/sum_product.txt", {"bound": 100}, None, "SMCDEL 0.62–1.02 s; DEMO-S5 0.44–0.55 s"),
    ("Sum and Product, x + y <= 200", "puzzles/sum_product.txt", {"bound": 200}, 0.1, "SMCDEL 5.2 s, 465 MB; DEMO-S5 16 s"),
    ("Sum and Product, x + y <= 2000 (~1M worlds)", "puzzles/sum_product.txt", {"bound": 2000}, 3.0, "—"),
    ("Muddy children n = 20, k = 20 (2^20 worlds, all rounds)", "puzzles/muddy.txt", {"n": 20, "k": 20}, 5.0, "SMCDEL n = 100: 1.31 s (BDDs); DEMO-S5 n = 11: 52 s"),
    ("Russian cards (140 deals)", "puzzles/russian_cards.txt", {}, None, "—"),
    ("16 cards", "puzzles/card16.txt", {}, None, "—"),
]


def run_case(path: str, params: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", CASE, path, json.dumps(params)], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout)


def whole_command(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "cli.py", *args], capture_output=True, cwd=ROOT, check=True)
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for name, path, params, target, peers in CASES:
        best = min((run_case(path, params) for _ in range(args.repeat)), key=lambda r: r["seconds"])
        ok = "" if target is None else (" ✓" if best["seconds"] < target else " ✗")
        goal = "—" if target is None else f"< {target:g} s{ok}"
        stages = best["stages"]
        shown = stages if len(stages) <= 8 else stages[:4] + ["…"] + stages[-2:]
        label = " → ".join(map(str, shown)) + (f" ({len(stages)} stages)" if len(stages) > 8 else "")
        rows.append((name, f"{best['worlds']:,}", label, f"{best['seconds']:.3f} s",
                     f"{best['peak_mb']:.0f} MB", goal, peers))
    print("| job | worlds | stages | engine time | peak memory (process) | target | peers (docs/semantics.md) |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("| whole command | best | median | target | SMCDEL (docs/semantics.md) |")
    print("|---|---|---|---|---|")
    for label, cmd, target, peer in [
        ("python cli.py solve puzzles/card16.txt", ["solve", "puzzles/card16.txt"], 0.5, "0.10 s"),
        ("python cli.py solve puzzles/card16.txt --no-certify", ["solve", "puzzles/card16.txt", "--no-certify"], 0.5, "—"),
    ]:
        best, median = whole_command(cmd, max(args.repeat, 5))
        mark = "✓" if best < target else "✗"
        print(f"| `{label}` | {best:.3f} s | {median:.3f} s | < {target:g} s {mark} | {peer} |")


if __name__ == "__main__":
    main()
