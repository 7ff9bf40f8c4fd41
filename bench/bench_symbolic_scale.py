"""Before/after the symbolic engine's scale work: drinking logicians and dining cryptographers by n.

Each cell loads the puzzle file with `--param n=N` and solves it on the symbolic engine (structure,
every announcement, answer, per-stage "who knows" report) in a fresh subprocess whose PYTHONPATH is
one source tree, and reports CPU seconds (time.process_time, elaboration included) and peak RSS.
Trees run interleaved (A, B, A, B, ...) and each cell is the median of --rounds runs.

    python bench/bench_symbolic_scale.py --tree /path/to/before --tree . --rounds 3
    python bench/bench_symbolic_scale.py --tree /path/to/before --tree . --loads   # elaboration only
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROWS = [("drinking logicians", "puzzles/drinking_logicians.txt", n) for n in (20, 50, 100, 200, 400)] + \
       [("dining cryptographers", "puzzles/dining_cryptographers_n.txt", n) for n in (50, 100, 210)]

CHILD = """
import json, resource, sys, time
t = time.process_time()
from epistemic import api
from epistemic.engines.symbolic import SymbolicEngine
from epistemic.stages.solve import solve
t = time.process_time()
try:
    sol = solve(api.load_puzzle(sys.argv[1], {"n": int(sys.argv[2])}), engine=SymbolicEngine())
    out = {"cpu": time.process_time() - t, "answer": sol.answer_text()[:1], "last": sol.stages[-1].count}
except Exception as exc:  # a refusal (EpistemicError) is a result here
    out = {"error": type(exc).__name__ + ": " + str(exc).splitlines()[0][:60]}
out["mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


LOADS = [("muddy children", "puzzles/muddy.txt", 1000), ("muddy children", "puzzles/muddy.txt", 400),
         ("drinking logicians", "puzzles/drinking_logicians.txt", 400)]

LOAD_CHILD = """
import json, resource, sys, time
from epistemic import api
t = time.process_time()
try:
    api.load_puzzle(sys.argv[1], {"n": int(sys.argv[2])})
    out = {"cpu": time.process_time() - t, "what": "accepted"}
except Exception as exc:
    out = {"cpu": time.process_time() - t, "what": "refused"}
out["mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run(tree: Path, path: str, n: int, timeout: float, child: str = CHILD) -> dict:
    try:
        done = subprocess.run([sys.executable, "-c", child, path, str(n)], cwd=tree, capture_output=True, text=True,
                              timeout=timeout, env={**os.environ, "PYTHONPATH": str(tree)})
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": (done.stderr.strip().splitlines() or ["?"])[-1][:60]}


def cell(results: list[dict]) -> str:
    ok = [r for r in results if "error" not in r]
    if not ok:
        return results[0]["error"]
    return f"{statistics.median(r['cpu'] for r in ok):.2f} s, {statistics.median(r['mb'] for r in ok):.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", action="append", help="a source tree (default: this one); give two for before/after")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--only", help="rows whose name contains this")
    ap.add_argument("--loads", action="store_true", help="time elaboration (accepted or refused) only")
    args = ap.parse_args()
    trees = [Path(t).resolve() for t in (args.tree or ["."])]
    if args.loads:
        print("| puzzle | n | " + " | ".join(t.name for t in trees) + " |")
        print("|---|---:|" + "---|" * len(trees))
        for name, path, n in LOADS:
            results = [[run(tree, path, n, args.timeout, LOAD_CHILD) for _ in range(args.rounds)] for tree in trees]
            cells = [f"{r[0]['what']} in {statistics.median(x['cpu'] for x in r):.3f} s" for r in results]
            print(f"| {name} | {n} | " + " | ".join(cells) + " |", flush=True)
        return
    rows = [r for r in ROWS if not args.only or args.only in f"{r[0]} {r[2]}"]
    print("| puzzle | n | " + " | ".join(t.name for t in trees) + " |")
    print("|---|---:|" + "---|" * len(trees))
    for name, path, n in rows:
        results: list[list[dict]] = [[] for _ in trees]
        for _ in range(args.rounds):
            for i, tree in enumerate(trees):
                results[i].append(run(tree, path, n, args.timeout))
        print(f"| {name} | {n} | " + " | ".join(cell(r) for r in results) + " |", flush=True)


if __name__ == "__main__":
    main()
