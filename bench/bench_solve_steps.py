"""Where `solve PUZZLE` spends its CPU, step by step, in one fresh process per run (issue 14, start-up).

    python bench/bench_solve_steps.py [--pairs 21] [--baseline DIR] [--puzzle puzzles/card16.txt]

Each run is a fresh interpreter that does what `python cli.py solve PUZZLE` does, with `time.process_time`
read between the steps: the interpreter's own start (with whatever site imports), click, our CLI modules and
`epistemic.api`, the parser's tables, the first parse and elaboration, the solve (engine auto), the report
text and the Z3 certificate. The table gives each step's median in ms; with --baseline (another checkout)
the runs of the two alternate, which goes first alternating too, as in bench_peers.py. Run byte-compiled
(`python -m compileall -q epistemic` in both checkouts) unless compiling from source is what you measure.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STEPS = r"""
import json, sys, time
marks = [("interpreter", time.process_time())]
import click
marks.append(("click", time.process_time()))
import epistemic.cli.main, epistemic.cli.solve
from epistemic import api
marks.append(("our CLI modules and epistemic.api", time.process_time()))
from epistemic.language.grammar import parser
parser()
marks.append(("the parser's tables", time.process_time()))
puzzle = api.puzzle_of(api.read_source(sys.argv[1]), {})
marks.append(("first parse and elaboration", time.process_time()))
sol = api.solve(puzzle, engine="auto", worlds="auto")
marks.append(("solve", time.process_time()))
from epistemic.stages.report import solution_text
solution_text(sol, "en")
marks.append(("report text", time.process_time()))
from epistemic.certify.certificate import certify
certify(sol)
marks.append(("certificate", time.process_time()))
out, before = {}, 0.0
for name, t in marks:
    out[name], before = (t - before) * 1000, t
out["total"] = before * 1000
print(json.dumps(out))
"""


def run_once(root: Path, puzzle: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", STEPS, puzzle], cwd=root, env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=21)
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--puzzle", default="puzzles/card16.txt")
    args = parser.parse_args()
    sides = [("new", ROOT)] + ([("base", args.baseline.resolve())] if args.baseline else [])
    runs: dict[str, list[dict]] = {name: [] for name, _ in sides}
    for i in range(args.pairs):
        for name, root in (sides if i % 2 == 0 else list(reversed(sides))):
            runs[name].append(run_once(root, args.puzzle))
    print(f"solve {args.puzzle}: CPU ms per step, medians of {args.pairs} runs" +
          (" per checkout (base / new)" if args.baseline else ""))
    print("| step | " + ("base / new |" if args.baseline else "ms |"))
    print("|---|---|")
    for step in runs["new"][0]:
        new = statistics.median(r[step] for r in runs["new"])
        if args.baseline:
            base = statistics.median(r[step] for r in runs["base"])
            print(f"| {step} | {base:.0f} / {new:.0f} |")
        else:
            print(f"| {step} | {new:.0f} |")


if __name__ == "__main__":
    main()
