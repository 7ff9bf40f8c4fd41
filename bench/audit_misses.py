"""Where the auditor misses on the tuning split, trace by trace: python bench/audit_misses.py [--files m1,n2] [--all]
[--summary]

For each opened natural trace whose first wrong step the auditor does not find (or a correct trace it flags): the
gold and predicted steps with their stage, alignment and every claim read there (kind, verdict, certainty,
evidence, reading, formula, text). `--files` keeps the files whose names start with `traces_<prefix>`; `--all`
lists found traces too; `--summary` prints only the count of misses by error kind and by cause (`none` nothing
flagged, `late` flagged after the error, `early` before it; the gold step `unread`, `read-ok` or `bad-uncertain`).
Only rows with `"split": "tune"` are read: held-out and blind rows never (docs/audit.md, "Evaluation data").
"""
from __future__ import annotations

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from audit_f1 import NATURAL, Contexts, gold_step, rows_of  # noqa: E402
from epistemic.audit import audit_trace  # noqa: E402


def cause(report, gold: int, pred: int) -> str:
    """Why a first error was missed: when the auditor flagged, and what it read in the gold step."""
    if gold == -1:
        return "alarm"
    if 0 <= pred < gold:
        return "early"
    claims = report.steps[gold].claims
    bad = [c for c in claims if c.verdict.verdict in ("false", "premature")]
    return ("late:" if pred > gold else "none:") + ("bad-uncertain" if bad else "read-ok" if claims else "unread")


def show(report, index: int, tag: str) -> None:
    st = report.steps[index]
    print(f"  [{tag} step {index}, stage {st.stage}, reached {st.reached}, {st.aligned_by}] {st.text[:300]!r}")
    for c in st.claims:
        v = c.verdict
        print(f"     - {c.record.kind:14} {v.verdict:9} stage {v.stage} {'certain' if c.record.certain else 'uncertain':9}"
              f" {c.evidence or '-':14} {c.record.reading[:22]:22} {c.formula[:70]} | {c.record.text[:80]!r}")


def main() -> None:
    args = sys.argv[1:]
    prefixes = tuple(f"traces_{p}" for p in args[args.index("--files") + 1].split(",")) if "--files" in args else ()
    rows = [r for r in rows_of(NATURAL) if r.get("split") == "tune" and (not prefixes or r["_file"].startswith(prefixes))]
    contexts = Contexts()
    counts: collections.Counter = collections.Counter()
    for row in rows:
        ctx = contexts.get(row["puzzle"], row.get("params"))
        report = audit_trace(ctx.puzzle, row["text"], context=ctx)
        gold, pred = gold_step(report, row["text"], row["gold"].get("first_error_quote")), report.label
        kind = row["gold"].get("first_error_kind") or "correct"
        if gold == pred and "--all" not in args:
            continue
        why = cause(report, gold, pred) if gold != pred else "found"
        counts[(kind, why)] += 1
        if "--summary" in args:
            continue
        print(f"\n=== {row['id']}: gold {gold}, predicted {pred}, {kind}, {why}")
        print(f"  why: {row['gold'].get('why', '')[:240]}")
        if gold >= 0:
            print(f"  quote: {row['gold']['first_error_quote'][:200]}")
            show(report, gold, "gold")
        if pred >= 0 and pred != gold:
            show(report, pred, "predicted")
    print(f"\n{len(rows)} tuning rows; by error kind and cause:")
    for (kind, why), n in sorted(counts.items()):
        print(f"  {kind:20} {why:28} {n:4}")


if __name__ == "__main__":
    main()
