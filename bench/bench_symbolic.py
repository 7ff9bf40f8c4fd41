"""The symbolic engine at scale: muddy children, drinking logicians, dining cryptographers, Russian cards.

Each row solves a puzzle file end to end (structure, every announcement, the per-stage counts and who
knows the answer) in a fresh subprocess, and reports CPU seconds and peak memory (max RSS), so rows do
not share caches. `--backend` picks the BDD library (cudd, oxidd); `--engine explicit` runs the same
rows on the explicit engine for the crossover.

    python bench/bench_symbolic.py                      # the issue's rows, both backends
    python bench/bench_symbolic.py --growth             # n = 20, 50, 100, 200 (and explicit where it runs)
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

ROWS = [
    ("muddy children n=100, all rounds", "puzzles/muddy.txt", {"n": 100, "k": 100}),
    ("drinking logicians n=400", "puzzles/drinking_logicians.txt", {"n": 400}),
    ("dining cryptographers n=210", "puzzles/dining_cryptographers_n.txt", {"n": 210}),
    ("Russian cards", "puzzles/russian_cards.txt", {}),
]
SMCDEL = {
    "muddy children n=100, all rounds": "2.8 s, 99 MB",
    "drinking logicians n=400": "7.7 s",
    "dining cryptographers n=210": "5.6 s",
    "Russian cards": "0.40 s",
}
GROWTH = [
    ("muddy children", "puzzles/muddy.txt", lambda n: {"n": n, "k": n}),
    ("drinking logicians", "puzzles/drinking_logicians.txt", lambda n: {"n": n}),
    ("dining cryptographers", "puzzles/dining_cryptographers_n.txt", lambda n: {"n": n}),
]

CHILD = """
import json, resource, sys, time
from epistemic import api
from epistemic.engines.base import get_engine
from epistemic.engines.symbolic import SymbolicEngine
from epistemic.stages.solve import solve
path, params, engine, backend = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
t = time.process_time()
eng = SymbolicEngine(backend) if engine == "symbolic" else get_engine(engine)
sol = solve(api.load_puzzle(path, params), engine=eng)
cpu = time.process_time() - t
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu": cpu, "mb": rss, "stages": [st.count for st in sol.stages][:3] + [sol.stages[-1].count],
                  "answer": sol.answer_text()[:2]}))
"""


def run(path: str, params: dict, engine: str, backend: str, timeout: float) -> dict:
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, path, json.dumps(params), engine, backend],
                             capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        tail = (out.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": tail[:60]}
    return json.loads(lines[-1])


def cell(r: dict) -> str:
    return r["error"] if "error" in r else f"{r['cpu']:.2f} s, {r['mb']:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--backend", action="append", help="cudd, oxidd (default both)")
    ap.add_argument("--growth", action="store_true")
    ap.add_argument("--sizes", default="20,50,100,200")
    ap.add_argument("--explicit", action="store_true", help="also run the explicit engine in --growth")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    backends = args.backend or ["cudd", "oxidd"]
    if not args.growth:
        print("| job | SMCDEL (issue) | " + " | ".join(f"symbolic/{b}" for b in backends) + " | stages (first 3, last) |")
        print("|---|---|" + "---|" * len(backends) + "---|")
        for label, path, params in ROWS:
            results = [run(path, params, "symbolic", b, args.timeout) for b in backends]
            stages = next((r["stages"] for r in results if "stages" in r), "")
            print(f"| {label} | {SMCDEL[label]} | " + " | ".join(cell(r) for r in results) + f" | {stages} |")
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    engines = [("symbolic", b) for b in backends] + ([("explicit", "-")] if args.explicit else [])
    print("| puzzle | n | " + " | ".join(e if e == "explicit" else f"{e}/{b}" for e, b in engines) + " |")
    print("|---|---|" + "---|" * len(engines))
    for label, path, params in GROWTH:
        for n in sizes:
            results = [run(path, params(n), e, b, args.timeout) for e, b in engines]
            print(f"| {label} | {n} | " + " | ".join(cell(r) for r in results) + " |", flush=True)


if __name__ == "__main__":
    main()
