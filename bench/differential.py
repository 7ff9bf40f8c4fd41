"""Differential benchmark: explicit vs Z3 on N random puzzles; prints the count of disagreements.

    python bench/differential.py --examples 10000 --workers 2

Puzzles come from tests/random_puzzles.py (hypothesis, fixed seeds). Every stage mask, who knows
the answer at each stage, the answer, the lints and one extra random claim at every stage are
compared. Exit status 1 if any disagreement is found.
"""
from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(seed: int, examples: int) -> dict:
    """One worker: `examples` random puzzles from hypothesis with a fixed seed."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as fix_seed
    from hypothesis import strategies as st

    from tests.random_puzzles import claims, puzzle_texts
    from tests.test_differential import disagreements

    stats = {"examples": 0, "disagreements": 0, "failures": [], "worlds": 0, "stages": 0, "errors": 0}

    @fix_seed(seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(puzzle_texts(), st.lists(claims(), max_size=1))
    def check(text, extra):
        from epistemic import api

        stats["examples"] += 1
        try:
            found = disagreements(text, extra)
        except Exception as exc:  # an engine crash is a disagreement too
            found = [f"{type(exc).__name__}: {exc}"]
            stats["errors"] += 1
        puzzle = api.load_puzzle(text)
        stats["worlds"] += len(puzzle.table_rows)
        stats["stages"] += len(puzzle.announcements) + 1
        if found:
            stats["disagreements"] += 1
            stats["failures"].append((text, found))

    check()
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20240)
    args = parser.parse_args()
    share = [args.examples // args.workers + (i < args.examples % args.workers) for i in range(args.workers)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(run, [args.seed + i for i in range(args.workers)], share))
    seconds = time.perf_counter() - t0
    total = {k: sum(r[k] for r in results) for k in ("examples", "disagreements", "worlds", "stages", "errors")}
    print("| random puzzles | stages compared | mean worlds | disagreements | engine errors | time |")
    print("|---|---|---|---|---|---|")
    print(f"| {total['examples']:,} | {total['stages']:,} | {total['worlds'] / max(1, total['examples']):.1f} "
          f"| {total['disagreements']} | {total['errors']} | {seconds:.0f} s ({args.workers} workers) |")
    for r in results:
        for text, found in r["failures"][:3]:
            print("\n--- disagreement:", found, "\n" + text)
    sys.exit(1 if total["disagreements"] else 0)


if __name__ == "__main__":
    main()
