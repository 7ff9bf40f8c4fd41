"""Two parts of the generator's per-puzzle work, old way against new, on the same generated texts.

    python bench/bench_generate_parts.py [--count 300] [--rounds 3]

1. Parsing: `parse_text` (the whole text) against `parse_by_line` with a cold line cache (as a run
   starts) and with every line cached (the per-line copies alone).
2. The direct Z3 certificate's check: a z3 package `SimpleSolver` + `from_string` per query (as before)
   against one libz3 context evaluating push / query / check-sat / pop (`certify.z3_text.Session`).
CPU ms per puzzle (time.process_time), each round runs the variants one after the other; medians.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import z3  # noqa: E402

from epistemic.certify.z3_text import Session  # noqa: E402
from epistemic.generate import generate  # noqa: E402
from epistemic.generate.z3direct import query  # noqa: E402
from epistemic.language import line_parse  # noqa: E402
from epistemic.language.parse import parse_text  # noqa: E402


def per_puzzle_ms(run, items) -> float:
    t0 = time.process_time()
    run(items)
    return (time.process_time() - t0) * 1000 / len(items)


def parse_whole(texts):
    for text in texts:
        parse_text(text)


def parse_cold(texts):
    line_parse._parse_line.cache_clear()
    for text in texts:
        line_parse.parse_by_line(text)


def parse_cached(texts):
    for text in texts:
        line_parse.parse_by_line(text)


def z3_package(queries):
    ctx = z3.Context()
    for text in queries:
        solver = z3.SimpleSolver(ctx=ctx)
        solver.set("timeout", 10_000)
        solver.from_string(text)
        assert solver.check() == z3.unsat


def z3_session(queries):
    session = Session.open(10_000)
    for text in queries:
        assert session.check(text).result == "unsat"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    items, _ = generate("cards", args.count, seed=1, use_z3=False)
    texts = [item.text for item in items]
    queries = [query(item.verified.solution)[0] for item in items]
    rows = {name: [] for name in ("parse: whole text", "parse: by line, cold cache", "parse: by line, all cached",
                                  "Z3: z3 package solver per query", "Z3: one libz3 session, push/pop")}
    for _ in range(args.rounds):
        rows["parse: whole text"].append(per_puzzle_ms(parse_whole, texts))
        rows["parse: by line, cold cache"].append(per_puzzle_ms(parse_cold, texts))
        rows["parse: by line, all cached"].append(per_puzzle_ms(parse_cached, texts))
        rows["Z3: z3 package solver per query"].append(per_puzzle_ms(z3_package, queries))
        rows["Z3: one libz3 session, push/pop"].append(per_puzzle_ms(z3_session, queries))
    print(f"{args.count} card puzzles, median of {args.rounds} rounds (CPU ms per puzzle)")
    print("| part | CPU ms per puzzle |")
    print("|---|---|")
    for name, values in rows.items():
        print(f"| {name} | {statistics.median(values):.2f} |")


if __name__ == "__main__":
    main()
