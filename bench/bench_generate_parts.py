"""Two parts of the generator's per-puzzle work, old way against new, on the same generated texts.

    python bench/bench_generate_parts.py [--count 300] [--rounds 3]

1. Parsing: `parse_text` (the whole text) against `parse_by_line` with a cold line cache (as a run
   starts) and with every line cached (the per-line copies alone).
2. The direct Z3 certificate's check: a z3 package `SimpleSolver` + `from_string` per query (as before)
   against one libz3 context evaluating push / query / check-sat / pop (`certify.z3_text.Session`).
3. The other per-puzzle parts on the same puzzles (elaboration of the parsed tree, the canonical key, the
   certificate's query text, its length) and, per candidate, sampling and screening cards candidates (the
   ~10,000 of a 300-puzzle run, from one random stream).
CPU ms per puzzle (time.process_time), each round runs the variants one after the other; medians. To compare
two checkouts, copy this script into the other one's bench/ and run both (it imports the checkout it is in).
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
from epistemic.generate import FAMILIES, generate  # noqa: E402
from epistemic.generate.dedup import puzzle_key  # noqa: E402
from epistemic.generate.pipeline import item_rng  # noqa: E402
from epistemic.generate.screen import screen  # noqa: E402
from epistemic.generate.z3direct import query  # noqa: E402
from epistemic.language import line_parse, line_shapes  # noqa: E402
from epistemic.language.elaborate import Elaborator  # noqa: E402
from epistemic.language.parse import parse_text  # noqa: E402

CANDIDATES = 10_000


def per_puzzle_ms(run, items) -> float:
    t0 = time.process_time()
    run(items)
    return (time.process_time() - t0) * 1000 / len(items)


def parse_whole(texts):
    for text in texts:
        parse_text(text)


def parse_cold(texts):
    line_parse._parse_line.cache_clear()
    line_shapes.line_shapes.cache_clear()  # no line shapes learnt either
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


def elaborate(pairs):
    for text, tree in pairs:
        Elaborator(text, "<generated>", {}).puzzle(tree)


def canonical_keys(solutions):
    for sol in solutions:
        puzzle_key(sol.puzzle, sol.space)


def query_texts(solutions):
    for sol in solutions:
        query(sol)


def sample_cards(knobs, keep: bool = True):
    """CANDIDATES cards drafts (or candidates) from one stream (as one item's search draws them); timed without keeping
    them (a run drops each rejected candidate at once; keeping 10,000 makes the collector scan them)."""
    cards, rng = FAMILIES["cards"], item_rng("cards", knobs, 1, 0)
    draw = getattr(cards, "draft", cards.sample)  # what the pipeline draws per candidate (base.Draft, session 15b)
    if keep:
        return [draw(rng, knobs) for _ in range(CANDIDATES)]
    for _ in range(CANDIDATES):
        draw(rng, knobs)
    return []


def screen_all(candidates):
    for cand in candidates:
        screen(cand.model, cand.lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    items, _ = generate("cards", args.count, seed=1, use_z3=False)
    texts = [item.text for item in items]
    queries = [query(item.verified.solution)[0] for item in items]
    solutions = [item.verified.solution for item in items]
    trees = [(text, line_parse.parse_by_line(text)) for text in texts]
    knobs = dict(FAMILIES["cards"].defaults)
    candidates = sample_cards(knobs)
    rows = {name: [] for name in ("parse: whole text", "parse: by line, cold cache", "parse: by line, all cached",
                                  "Z3: z3 package solver per query", "Z3: one libz3 session, push/pop",
                                  "elaborate the parsed tree", "canonical key (dedup)", "Z3 query text",
                                  "sample a cards candidate (µs each)", "screen a cards candidate (µs each)")}
    for _ in range(args.rounds):
        rows["parse: whole text"].append(per_puzzle_ms(parse_whole, texts))
        rows["parse: by line, cold cache"].append(per_puzzle_ms(parse_cold, texts))
        rows["parse: by line, all cached"].append(per_puzzle_ms(parse_cached, texts))
        rows["Z3: z3 package solver per query"].append(per_puzzle_ms(z3_package, queries))
        rows["Z3: one libz3 session, push/pop"].append(per_puzzle_ms(z3_session, queries))
        rows["elaborate the parsed tree"].append(per_puzzle_ms(elaborate, trees))
        rows["canonical key (dedup)"].append(per_puzzle_ms(canonical_keys, solutions))
        rows["Z3 query text"].append(per_puzzle_ms(query_texts, solutions))
        t0 = time.process_time()
        sample_cards(knobs, keep=False)
        rows["sample a cards candidate (µs each)"].append((time.process_time() - t0) * 1e6 / CANDIDATES)
        rows["screen a cards candidate (µs each)"].append(per_puzzle_ms(screen_all, candidates) * 1000)
    chars = sum(len(q) for q in queries) / len(queries)
    print(f"{args.count} card puzzles, median of {args.rounds} rounds (CPU ms per puzzle); "
          f"the Z3 query averages {chars:,.0f} characters")
    print("| part | CPU ms per puzzle |")
    print("|---|---|")
    for name, values in rows.items():
        print(f"| {name} | {statistics.median(values):.2f} |")


if __name__ == "__main__":
    main()
