"""Generator output for fixed seeds, written to a folder so two versions of the code can be compared byte for byte.

    python bench/generate_golden.py OUT_DIR [--count 40] [--seeds 0 1 7] [--cli]
    diff -r OLD_DIR NEW_DIR

One JSON file per (family, knobs, seed): the records of `generate` (timings left out, they are not part
of the output a seed decides) and the items of `datasets.create`; with --cli also the `generate` command's
--json output. A refactor of the generator must leave every file identical.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from epistemic.generate import datasets, generate  # noqa: E402

JOBS = [  # (label, family, knobs, synth)
    ("cards", "cards", {}, False),
    ("cards-classic", "cards", {"dialogue": "classic"}, False),
    ("birthdays", "birthdays", {}, False),
    ("birthdays-3", "birthdays", {"agents": 3}, False),
    ("sum_product", "sum_product", {}, False),
    ("muddy", "muddy", {}, False),
    ("hats", "muddy", {"story": "hats", "n": (4, 6)}, False),
    ("generic", "generic", {}, False),
    ("generic-3", "generic", {"agents": 3, "columns": 3}, False),
]
SYNTH = [("cards-synth", "cards", {}, True), ("birthdays-synth", "birthdays", {}, True)]
TIMING = ("seconds", "time", "elapsed")


def scrub(x):
    """The record without wall-clock fields (which differ run to run)."""
    if isinstance(x, dict):
        return {k: scrub(v) for k, v in x.items() if not any(t in k for t in TIMING)}
    if isinstance(x, list):
        return [scrub(v) for v in x]
    return x


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--synth-count", type=int, default=4)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 7])
    ap.add_argument("--cli", action="store_true", help="also run the generate command (slower: one process per job)")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for label, family, knobs, synth in JOBS + SYNTH:
        count = args.synth_count if synth else args.count
        for seed in args.seeds:
            items, _ = generate(family, count, seed=seed, knobs=knobs, synth=synth, use_z3=False)
            records = [scrub(i.to_dict()) for i in items]
            (out / f"{label}-{seed}.json").write_text(json.dumps(records, ensure_ascii=False, indent=1))
        print(label, flush=True)
    for label, family, knobs, synth in (JOBS[0], JOBS[2], JOBS[5]):
        items = datasets.create(family, 10, seed=3, synth=synth, use_z3=True, **knobs)
        (out / f"dataset-{label}.json").write_text(json.dumps(scrub(items), ensure_ascii=False, indent=1))
    if args.cli:
        root = Path(__file__).resolve().parents[1]
        for family, extra in (("cards", []), ("muddy", ["--knob", "story=hats"]), ("sum_product", []),
                              ("birthdays", ["--synth", "--count", "3"]), ("generic", ["--difficulty", "hard"])):
            cmd = [sys.executable, str(root / "cli.py"), "generate", family, "--count", "8", "--seed", "5", "--json", *extra]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            (out / f"cli-{family}.json").write_text(json.dumps(scrub(json.loads(res.stdout)), ensure_ascii=False, indent=1))
        print("cli", flush=True)


if __name__ == "__main__":
    main()
