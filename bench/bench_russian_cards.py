"""Russian cards: check SMCDEL's 1290 candidate announcements at the deal 012|345|6 (docs/semantics.md).

    python bench/bench_russian_cards.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from epistemic import api
from epistemic.examples.russian_cards import candidate_announcements, safe_announcements
from epistemic.worlds.build import build_space

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    space = build_space(api.load_puzzle(ROOT / "puzzles" / "russian_cards.txt"))
    candidates = candidate_announcements()
    best, safe = float("inf"), []
    for _ in range(args.repeat):
        t = time.perf_counter()
        safe = safe_announcements(space, candidates=candidates)
        best = min(best, time.perf_counter() - t)
    print("| job | candidates | safe | explicit engine (best of %d) | SMCDEL (docs/semantics.md) |" % args.repeat)
    print("|---|---|---|---|---|")
    print(f"| Russian cards, all announcements checked | {len(candidates)} | {len(safe)} | {best:.2f} s | 0.40 s |")


if __name__ == "__main__":
    main()
