"""Against the peers (issue 14): whole commands and the engine, in CPU time, as interleaved A/B pairs.

    python bench/bench_peers.py [--pairs 5] [--baseline DIR]

Each row runs in fresh processes; its figure is the median CPU time (user + system of the child,
from getrusage) over --pairs runs. With --baseline (another checkout of the repository, e.g.
`git archive main | tar -x -C /tmp/base`), every run of this checkout is paired with a run of the
baseline, alternating which goes first, so a busy machine slows both sides alike; the table gives the
ratio of the two medians and the median (and quartiles) of the per-pair ratios. "engine" rows
time enumeration + announcements + report inside one process (parsing and imports excluded) and report bytes
per world: the peak of numpy's traced allocations during the solve over the number of worlds. The "generate"
row times `generate("cards", 300, use_z3=True)` in one process after a warm-up (the target: 300 per CPU second).
Both checkouts are byte-compiled first (`python -m compileall`), as an installed package is: this
sandbox sets PYTHONDONTWRITEBYTECODE=1, so without it every run would compile the project's modules
from source (about 100 ms of CPU for `solve`); --no-compile measures that case.
SMCDEL's figures are quoted from issue 14 (its CLI rebuilt from source on this machine kind); it
is not on PATH here, so it is not run side by side.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ENGINE = r"""
import json, sys, time, tracemalloc
from epistemic import api
from epistemic.stages.solve import solve
puzzle = api.load_puzzle(sys.argv[1], json.loads(sys.argv[2]))
solve(api.load_puzzle("puzzles/card16.txt"), "explicit")  # the engine's modules (numpy) loaded before timing
tracemalloc.start()
t = time.process_time()
sol = solve(puzzle)
cpu = time.process_time() - t
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"cpu": cpu, "worlds": sol.space.size, "peak": peak, "ok": sol.ok}))
"""

GENERATE = r"""
import json, sys, time
from epistemic.generate import generate
generate("cards", 3, seed=12345)  # imports, grammar, the Z3 library loaded before timing
t = time.process_time()
items, _ = generate("cards", int(sys.argv[1]), seed=1, use_z3=True)
print(json.dumps({"cpu": time.process_time() - t, "count": len(items)}))
"""

# label, kind, arguments, target seconds (CPU), SMCDEL (issue 14)
ROWS = [
    ("python -c pass (the interpreter alone)", "python", ["-c", "pass"], None, "—"),
    ("import epistemic.api", "python", ["-c", "import epistemic.api"], None, "—"),
    ("solve puzzles/card16.txt (with its certificate)", "command", ["solve", "puzzles/card16.txt"], 0.15, "0.15 s"),
    ("solve puzzles/card16.txt --no-certify", "command", ["solve", "puzzles/card16.txt", "--no-certify"], None, "—"),
    ("solve puzzles/sum_product.txt (x + y ≤ 100, with its certificate)", "command", ["solve", "puzzles/sum_product.txt"],
     0.62, "0.62 s"),
    ("solve puzzles/muddy.txt --param n=20 --param k=20", "command",
     ["solve", "puzzles/muddy.txt", "--param", "n=20", "--param", "k=20"], 0.5, "n = 100: 1.31 s"),
    ("solve puzzles/drinking_logicians.txt --param n=20", "command",
     ["solve", "puzzles/drinking_logicians.txt", "--param", "n=20"], 0.5, "—"),
    ("engine: Sum and Product x + y ≤ 2000 (997,002 worlds)", "engine", ["puzzles/sum_product.txt", '{"bound": 2000}'],
     0.1, "—"),
    ("engine: drinking logicians n = 20 (2^20 worlds)", "engine", ["puzzles/drinking_logicians.txt", '{"n": 20}'],
     None, "—"),
    ("generate cards: 300 Z3-certified puzzles (CPU s; puzzles per CPU s)", "generate", ["300"], 1.0, "—"),
]


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(root: Path, kind: str, args: list[str]) -> dict:
    """One fresh process in checkout `root`: its CPU seconds (and the engine's own figures)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    if kind == "python":
        cmd = [sys.executable, *args]
    elif kind == "command":
        cmd = [sys.executable, "cli.py", *args]
    elif kind == "generate":
        cmd = [sys.executable, "-c", GENERATE, *args]
    else:
        cmd = [sys.executable, "-c", ENGINE, *args]
    before = _children_cpu()
    out = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    cpu = _children_cpu() - before
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed in {root}: {out.stderr[-500:]}")
    if kind == "engine":
        data = json.loads(out.stdout)
        return {"cpu": data["cpu"], "bytes": data["peak"] / max(1, data["worlds"])}
    if kind == "generate":
        data = json.loads(out.stdout.strip().splitlines()[-1])
        return {"cpu": data["cpu"], "rate": data["count"] / data["cpu"]}
    return {"cpu": cpu}


def _extra(kind: str, runs: list[dict]) -> str:
    """The row's second figure: bytes per world (engine rows) or puzzles per CPU second (generate)."""
    if kind == "engine":
        return f" ({statistics.median(r['bytes'] for r in runs):.0f} B/world)"
    if kind == "generate":
        return f" ({statistics.median(r['rate'] for r in runs):.0f}/s)"
    return ""


def _pair_ratios(runs: dict[str, list[dict]]) -> str:
    """new/base of each interleaved pair (run i of this checkout against run i of the baseline): their median
    and quartiles. A busy spell slows both runs of a pair, so these spread less than the two medians do."""
    ratios = sorted(n["cpu"] / b["cpu"] for n, b in zip(runs["new"], runs["base"]))
    if len(ratios) < 4:
        return f"{statistics.median(ratios):.2f}"
    q1, _, q3 = statistics.quantiles(ratios, n=4)
    return f"{statistics.median(ratios):.2f} [{q1:.2f}–{q3:.2f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--baseline", type=Path, default=None, help="another checkout to pair every run with")
    parser.add_argument("--only", default=None, help="run the rows whose label contains this text")
    parser.add_argument("--no-compile", action="store_true", help="leave the checkouts without bytecode caches")
    args = parser.parse_args()
    sides = [("new", ROOT)] + ([("base", args.baseline.resolve())] if args.baseline else [])
    if not args.no_compile:
        for _, root in sides:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "epistemic")], check=True,
                           capture_output=True)
    head = "| job | CPU s (median) | target | SMCDEL (issue 14) |"
    if args.baseline:
        head = ("| job | baseline CPU s | this checkout CPU s | new/base | pair ratios: median [quartiles] | target "
                "| SMCDEL (issue 14) |")
    print(f"{args.pairs} runs per side; machine load average {os.getloadavg()[0]:.1f} at the start; "
          f"{'no bytecode caches' if args.no_compile else 'byte-compiled'}")
    print(head)
    print("|" + "|".join(["---"] * (head.count("|") - 1)) + "|")
    for label, kind, cmd, target, peer in ROWS:
        if args.only and args.only not in label:
            continue
        runs: dict[str, list[dict]] = {name: [] for name, _ in sides}
        for i in range(args.pairs):
            order = sides if i % 2 == 0 else list(reversed(sides))
            for name, root in order:
                runs[name].append(run_once(root, kind, cmd))
        med = {name: statistics.median(r["cpu"] for r in rs) for name, rs in runs.items()}
        extra = _extra(kind, runs["new"])
        goal = "—" if target is None else f"≤ {target:g} s {'✓' if med['new'] <= target else '✗'}"
        if args.baseline:
            base_extra = _extra(kind, runs["base"])
            print(f"| {label} | {med['base']:.3f}{base_extra} | {med['new']:.3f}{extra} | {med['new'] / med['base']:.2f} "
                  f"| {_pair_ratios(runs)} | {goal} | {peer} |", flush=True)
        else:
            print(f"| {label} | {med['new']:.3f}{extra} | {goal} | {peer} |", flush=True)


if __name__ == "__main__":
    main()
