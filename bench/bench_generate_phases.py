"""Where the generator's time goes, without a profiler: CPU seconds per phase of `generate("cards", N)`.

    python bench/bench_generate_phases.py [--count 300] [--family cards] [--runs 3]

cProfile charges every Python call, so it inflates call-heavy pure-Python code (lark's parser, the
screen) against C code (Z3, numpy): in session 6 it put lark's parse at 61% of the run, where timing
the phases directly gives about 30%. Here each phase's function is wrapped with a process-time
counter for the measured run (one warm-up run first, then the median of `--runs`). Phases nest: the
parse and the elaboration are part of loading, the certificate's query text is part of certifying.
Each measured run starts with the line cache (language/line_parse.py) as a fresh process has it after
bench_peers.py's 3-puzzle warm-up: the runs repeat one seed, and a cache kept from the run before would
hold every line (session 7's table was measured that way and under-counts the parse).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import epistemic.generate.pipeline as pipeline  # noqa: E402
import epistemic.generate.verify as verify  # noqa: E402
import epistemic.generate.z3direct as z3direct  # noqa: E402
import epistemic.language.elaborate as elaborate  # noqa: E402
import epistemic.language.line_parse as line_parse  # noqa: E402
import epistemic.language.line_shapes as line_shapes  # noqa: E402
from epistemic.generate import FAMILIES, generate  # noqa: E402
from epistemic.generate.base import Candidate  # noqa: E402

# (module or class, function name, phase label), in the order the table prints them
PHASES = [
    (pipeline, "screen", "screen (per candidate)"),
    (Candidate, "write", "write the text"),
    (verify, "load_puzzle", "load: parse + elaborate"),
    (line_parse, "parse_by_line", "  parse (line by line)"),  # load_puzzle imports it when called
    (line_parse, "statements_by_line", "  parse (line by line)"),  # the same lines, placed without copies
    (elaborate, "parse_text", "  parse (whole text)"),
    (verify, "solve", "solve"),
    (verify, "puzzle_key", "canonical key (dedup)"),
    (verify, "necessity", "necessity per unit"),
    (verify, "certify_unique", "certificate (Z3)"),
    (pipeline, "certify_all", "certificate (Z3)"),  # generate's batches (pipeline.collect)
    (z3direct, "query", "  its query text"),
]


def timed(counts: Counter, label: str, func):
    def run(*args, **kwargs):
        t0 = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            counts[label] += time.process_time() - t0
    return run


def measure(family: str, count: int) -> tuple[float, Counter]:
    line_parse._parse_line.cache_clear()
    line_shapes.line_shapes.cache_clear()  # the learnt line shapes too: a fresh process has none
    generate(family, 3, seed=12345)  # the warm-up of a fresh process (bench_peers.py), untimed
    counts: Counter = Counter()
    # Sampling: the pipeline's draft_of (the family's draft, or its sample where it has none); in a checkout
    # from before drafts (session 15's base), the family's sample.
    sampler = pipeline if hasattr(pipeline, "draft_of") else FAMILIES[family].__class__
    sample_name = "draft_of" if sampler is pipeline else "sample"
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in PHASES if hasattr(owner, name)]
    originals.append((sampler, sample_name, getattr(sampler, sample_name)))
    try:
        for owner, name, label in PHASES:
            if hasattr(owner, name):
                setattr(owner, name, timed(counts, label, getattr(owner, name)))
        setattr(sampler, sample_name, timed(counts, "sample (per candidate)", getattr(sampler, sample_name)))
        t0 = time.process_time()
        generate(family, count, seed=1, use_z3=True)
        return time.process_time() - t0, counts
    finally:
        for owner, name, func in originals:
            setattr(owner, name, func)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--family", default="cards")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    generate(args.family, 3, seed=12345)  # imports, grammar, libz3
    runs = sorted((measure(args.family, args.count) for _ in range(args.runs)), key=lambda r: r[0])
    total, counts = runs[len(runs) // 2]
    labels = list(dict.fromkeys(["sample (per candidate)"] + [label for _, _, label in PHASES]))  # rows once
    print(f"{args.count} {args.family} puzzles: {total:.3f} CPU s ({args.count / total:.0f}/s), median of {args.runs}")
    print("| phase | CPU s | share |")
    print("|---|---|---|")
    for label in labels:
        if label in counts:
            print(f"| {label} | {counts[label]:.3f} | {counts[label] / total:.0%} |")
    rest = total - sum(counts[label] for label in labels if not label.startswith("  "))
    print(f"| everything else (quick keys, records, the loop) | {rest:.3f} | {rest / total:.0%} |")


if __name__ == "__main__":
    main()
