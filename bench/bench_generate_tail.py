"""What `generate --out` spends after its last item: the dataset rows. Before issue 12's fix each row's
question was rendered by parsing the puzzle's source again, after the bar reached 100% (silence); now it
is rendered from the puzzle in hand, as each item is made. CPU ms per row, interleaved A/B, medians.

    PYTHONPATH=$PWD python bench/bench_generate_tail.py --count 100 --rounds 5
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from epistemic import generate as gen
    from epistemic.generate import datasets

    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--families", default="cards,birthdays,sum_product,muddy,generic")
    args = ap.parse_args()
    print("| family | rows | reparse source (ms/row) | puzzle in hand (ms/row) | same rows |")
    print("|---|---:|---:|---:|---|")
    for family in args.families.split(","):
        made, _ = gen.generate(family, args.count, 0, use_z3=False)
        records = [g.to_dict() for g in made]
        old, new = [], []
        for _ in range(args.rounds):
            t = time.process_time()
            a = [datasets.item_of(r) for r in records]
            old.append((time.process_time() - t) / len(records) * 1000)
            t = time.process_time()
            b = [datasets.item_of(r, puzzle=g.verified.solution.puzzle) for r, g in zip(records, made)]
            new.append((time.process_time() - t) / len(records) * 1000)
        print(f"| {family} | {len(records)} | {statistics.median(old):.2f} | {statistics.median(new):.2f} | {a == b} |")


if __name__ == "__main__":
    main()
