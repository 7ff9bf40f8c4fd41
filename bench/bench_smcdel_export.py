"""export --smcdel with bit-vectors: CPU time, text size and atoms per puzzle, and (with --read-back) the
time our reader and symbolic engine take to answer the exported file's jobs, each job in a fresh process.

    python bench/bench_smcdel_export.py                 # the table
    python bench/bench_smcdel_export.py --read-back     # also re-run every export through our SMCDEL reader
    python bench/bench_smcdel_export.py --write DIR     # also keep the .smcdel.txt files (for an smcdel binary)

One-hot atoms are what the earlier writer used: one atom per value of each variable and observed term.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ_BACK_CHARS = 1_000_000  # our Lark reader takes ~35 s a MB; larger exports are not read back
JOBS = [
    ("sum_product", {}),
    ("sum_product_s_first", {}),
    ("what_sum", {}),
    ("cheryls_age", {}),
    ("muddy", {"n": 100, "k": 2}),
    ("dining_cryptographers_n", {"n": 50}),
    ("dining_cryptographers_n", {"n": 210}),
    ("drinking_logicians", {"n": 100}),
    ("drinking_logicians", {"n": 300}),
]


def one_hot_atoms(sol) -> int:
    """Atoms of a one-hot encoding: each variable's values, plus each observed term's distinct values."""
    from epistemic.engines.symbolic.evaluate import Evaluator

    st = sol.space
    ev = Evaluator(st)
    atoms = sum(1 if v.numeric and v.codes == (0, 1) else len(v.codes) for v in sol.puzzle.variables)
    for t in st.term_atoms:
        values = st.distinct(st.law, [ev.term(t, (st.law,))])  # the term's values over the worlds
        atoms += 1 if len(values) <= 2 else len(values)
    return atoms


def run(name: str, params: dict, read_back: bool, write: str | None, queue) -> None:
    from epistemic import api
    from epistemic.engines.symbolic import SymbolicEngine
    from epistemic.errors import EpistemicError
    from epistemic.smcdel import read_smcdel, run_jobs
    from epistemic.smcdel.writer import export_smcdel
    from epistemic.stages.solve import solve

    puzzle = api.load_puzzle(ROOT / "puzzles" / f"{name}.txt", params)
    t0 = time.process_time()
    sol = solve(puzzle, SymbolicEngine())
    t1 = time.process_time()
    exported = export_smcdel(puzzle, sol)
    t2 = time.process_time()
    row = {"job": name + "".join(f" {k}={v}" for k, v in params.items()), "solve_s": t1 - t0, "write_s": t2 - t1,
           "chars": len(exported.text), "atoms": sol.space.atoms, "one_hot": one_hot_atoms(sol),
           "listed": sum(exported.listed), "stages": len(exported.listed), "answer": exported.answer_written}
    if write:
        out = Path(write) / f"{name}{''.join(f'_{k}{v}' for k, v in params.items())}.smcdel.txt"
        out.write_text(exported.text + "\n", encoding="utf-8")
    if read_back and len(exported.text) <= READ_BACK_CHARS:
        t3 = time.process_time()
        doc = read_smcdel(exported.text, "export.smcdel.txt")
        t4 = time.process_time()
        try:
            result = run_jobs(doc, "symbolic")
            valid = [r.valid for r in result.results if r.kind == "valid"]
        except EpistemicError as exc:  # e.g. the BDD budget: reported in the row, not a hang
            valid = f"refused: {exc.message[:60]}"
        t5 = time.process_time()
        row |= {"parse_s": t4 - t3, "jobs_s": t5 - t4, "valid": valid}
    row["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(row)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--read-back", action="store_true")
    ap.add_argument("--write", metavar="DIR")
    args = ap.parse_args()
    ctx = mp.get_context("spawn")
    head = f"{'job':36} {'atoms':>6} {'one-hot':>8} {'chars':>10} {'solve s':>8} {'write s':>8} {'WHERE?':>7} {'MB':>6}"
    if args.read_back:
        head += f" {'parse s':>8} {'jobs s':>8} valid"
    print(head)
    for name, params in JOBS:
        queue = ctx.Queue()
        p = ctx.Process(target=run, args=(name, params, args.read_back, args.write, queue))
        p.start()
        row = queue.get()
        p.join()
        line = (f"{row['job']:36} {row['atoms']:>6} {row['one_hot']:>8} {row['chars']:>10,} {row['solve_s']:>8.2f} "
                f"{row['write_s']:>8.2f} {row['listed']:>3}/{row['stages']:<3} {row['peak_mb']:>6.0f}")
        if args.read_back and "parse_s" in row:
            line += f" {row['parse_s']:>8.2f} {row['jobs_s']:>8.2f} {row['valid']}"
        elif args.read_back:
            line += f" {'(not read back: over 1 MB)':>26}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
