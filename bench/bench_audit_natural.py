"""Audit throughput on the natural traces (tests/data/natural, opened sets only), this checkout against another:
python bench/bench_audit_natural.py [--baseline DIR] [--pairs N]

Each run is a fresh process that builds one context per puzzle (solving is not timed), then times with
`time.process_time` a first pass over every opened natural row (`new`: each sentence is new to the memos, as in
real use) and a second pass (`repeat`: everything memoised). With `--baseline DIR` (a checkout, e.g.
`git archive <commit> | tar -x -C DIR`) runs of the two checkouts alternate, so both see the same load; the table
gives traces per second for each run and the medians. Rows of the blind sets (`BLIND` in bench/audit_f1.py) are
never read: not even their timing is taken.
"""
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

_RUN = r"""
import glob, json, os, sys, time
root, data, blind = sys.argv[1], sys.argv[2], tuple(json.loads(sys.argv[3]))
sys.path.insert(0, root)
from epistemic.api import load_puzzle
from epistemic.audit import AuditContext, audit_trace
rows = [json.loads(line) for f in sorted(glob.glob(os.path.join(data, "*.jsonl")))
        if not os.path.basename(f).startswith(blind) for line in open(f, encoding="utf-8") if line.strip()]
ctxs = {}
for r in rows:
    key = (r["puzzle"], json.dumps(r.get("params") or {}, sort_keys=True))
    if key not in ctxs:
        ctxs[key] = AuditContext.build(load_puzzle(os.path.join(root, "puzzles", r["puzzle"]), r.get("params") or None))
def once():
    for r in rows:
        ctx = ctxs[(r["puzzle"], json.dumps(r.get("params") or {}, sort_keys=True))]
        audit_trace(ctx.puzzle, r["text"], context=ctx)
t = time.process_time()
once()
new = time.process_time() - t
t = time.process_time()
once()
repeat = time.process_time() - t
kb = sum(len(r["text"].encode()) for r in rows) / len(rows) / 1024
print(json.dumps({"traces": len(rows), "new": len(rows) / new, "repeat": len(rows) / repeat, "kb": kb}))
"""


def _blind() -> list[str]:
    sys.path.insert(0, HERE)
    from audit_f1 import BLIND  # noqa: E402  (the bench's own list of blind sets)
    return list(BLIND)


def run(root: str, blind: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", _RUN, root, os.path.join(ROOT, "tests", "data", "natural"),
                          json.dumps(blind)], capture_output=True, text=True, check=True,
                         env={**os.environ, "OMP_NUM_THREADS": "1"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(args: list[str]) -> None:
    pairs = int(args[args.index("--pairs") + 1]) if "--pairs" in args else 3
    baseline = args[args.index("--baseline") + 1] if "--baseline" in args else None
    blind = _blind()
    roots = [("this checkout", ROOT)] + ([("baseline", os.path.abspath(baseline))] if baseline else [])
    rates: dict[tuple[str, str], list[float]] = {(name, col): [] for name, _ in roots for col in ("new", "repeat")}
    info = None
    for _ in range(pairs):
        for name, root in reversed(roots):  # the baseline first in each pair
            r = run(root, blind)
            for col in ("new", "repeat"):
                rates[(name, col)].append(r[col])
            info = r
    print(f"{info['traces']} natural traces, {info['kb']:.2f} KB on average, {pairs} runs each (CPU time)")
    print(f"{'checkout':<15} {'pass':<7} {'traces/s per run':<36} {'median':>8}")
    for (name, col), values in rates.items():
        print(f"{name:<15} {col:<7} {' '.join(f'{v:6.1f}' for v in values):<36} {statistics.median(values):8.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
