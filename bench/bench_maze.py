"""Maze speed on one core: solve + audit of a 5x5 maze with a 20-move answer, parse, and generation.

    taskset -c 0 python bench/bench_maze.py [--rounds 7] [--seconds 0.5]

Each row is timed in CPU seconds (`time.process_time`) over `--rounds` rounds, interleaved (every
round runs every row once, in turn), and the median round is reported. Targets: solve + audit of
the 20-move maze >= 5,000/s, generation of unique-answer 5x5 mazes >= 1,000/s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from epistemic.maze.audit import audit_text  # noqa: E402
from epistemic.maze.generate import generate_mazes, resolve_knobs  # noqa: E402
from epistemic.maze.parse import read_maze  # noqa: E402
from epistemic.maze.solve import solve_maze  # noqa: E402

TEXT = (ROOT / "puzzles" / "mazes" / "long_5x5.txt").read_text(encoding="utf-8")
MAZE = read_maze(TEXT).maze
ANSWER = " ".join(f"<|{m}|>" for m in solve_maze(MAZE).moves)
TRACE = "<think>\n" + "\n".join(
    f"Move {m} to {c.row}-{c.col}." for m, c in zip(solve_maze(MAZE).moves, solve_maze(MAZE).cells[1:])) + \
    "\n</think>\n" + ANSWER


def solve_and_audit_tokens(n):
    for _ in range(n):
        audit_text(solve_maze(MAZE), ANSWER)


def solve_and_audit_trace(n):
    for _ in range(n):
        audit_text(solve_maze(MAZE), TRACE)


def parse_solve_audit(n):
    for _ in range(n):
        audit_text(solve_maze(read_maze(TEXT).maze), ANSWER)


KNOBS = {"perfect": resolve_knobs({"size": 5}), "hard": resolve_knobs({"size": 5}, "hard"),
         "loops": resolve_knobs({"size": 5, "loops": 3})}


def generator(name):
    def run(n, _seed=[0]):
        _seed[0] += 1
        generate_mazes(n, _seed[0], KNOBS[name])
    return run


ROWS = [
    ("solve + audit, 20-move token answer", solve_and_audit_tokens, 5000),
    ("solve + audit, 20-step trace + answer", solve_and_audit_trace, None),
    ("parse + solve + audit (tokens)", parse_solve_audit, None),
    ("generate 5x5, perfect (unique answer)", generator("perfect"), 1000),
    ("generate 5x5, hard (length >= 15, unique)", generator("hard"), 1000),
    ("generate 5x5, 3 loops, unique answer", generator("loops"), 1000),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--seconds", type=float, default=0.5, help="CPU seconds per row per round (roughly)")
    args = ap.parse_args()
    assert audit_text(solve_maze(MAZE), ANSWER).final_answer_correct and len(ANSWER.split()) == 20
    assert audit_text(solve_maze(MAZE), TRACE).label == -1
    sizes = {}
    for name, fn, _ in ROWS:  # calibrate: how many calls fill --seconds
        t = time.process_time()
        fn(50)
        per = (time.process_time() - t) / 50
        sizes[name] = max(50, int(args.seconds / max(per, 1e-7)))
    rates: dict[str, list[float]] = {name: [] for name, _, _ in ROWS}
    for _ in range(args.rounds):
        for name, fn, _ in ROWS:
            n = sizes[name]
            t = time.process_time()
            fn(n)
            rates[name].append(n / (time.process_time() - t))
    print("| task | per CPU second (median) | min–max over rounds | target |")
    print("|---|---|---|---|")
    for name, _, target in ROWS:
        r = rates[name]
        mark = "" if target is None else (f"≥ {target:,} ✓" if statistics.median(r) >= target else f"≥ {target:,} ✗")
        print(f"| {name} | **{statistics.median(r):,.0f}** | {min(r):,.0f}–{max(r):,.0f} | {mark} |")


if __name__ == "__main__":
    main()
