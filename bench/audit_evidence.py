"""How precise each kind of false verdict is, the table behind epistemic/audit/evidence.py:
python bench/audit_evidence.py [--split tune|heldout|all] [--files SUBSTRING]

Every claim read with certainty and judged false or premature on the natural traces is counted by claim kind,
verdict and weight (strong, corroborated, uncorroborated): `hit` when it lies in the gold first wrong step (the
error), `alarm` when it lies before it or anywhere in a correct trace (a misreading), `later` after the first
error (unknown: consequences of the error are often really false). Precision = hit / (hit + alarm). The
kinds listed in evidence.STRONG should keep a precision near 1 on sets opened after a blind score; a weak kind
whose precision rises there may be promoted, a strong one that falls, demoted.
"""
from __future__ import annotations

import collections
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from audit_f1 import NATURAL, Contexts, gold_step, rows_of  # noqa: E402
from epistemic.audit import audit_trace  # noqa: E402
from epistemic.audit.evidence import STRONG, EvidenceKind  # noqa: E402


def tally(rows: list[dict], contexts: Contexts) -> dict:
    table: dict = collections.defaultdict(collections.Counter)
    for row in rows:
        ctx = contexts.get(row["puzzle"], row.get("params"))
        report = audit_trace(ctx.puzzle, row["text"], context=ctx)
        gold = gold_step(report, row["text"], row["gold"].get("first_error_quote"))
        for st in report.steps:
            for c in st.claims:
                if not c.evidence:
                    continue
                where = "alarm" if gold < 0 or st.index < gold else "hit" if st.index == gold else "later"
                table[(c.record.kind, c.verdict.verdict)][where] += 1
                table[(c.record.kind, c.verdict.verdict)][c.evidence] += 1
                table[("(weight)", c.evidence)][where] += 1
    return table


def main() -> None:
    args = sys.argv[1:]
    split = args[args.index("--split") + 1] if "--split" in args else "tune"
    files = args[args.index("--files") + 1] if "--files" in args else ""
    rows = [r for r in rows_of(NATURAL) if (split == "all" or r.get("split") == split) and files in r["_file"]]
    table = tally(rows, Contexts())
    print(f"{len(rows)} traces ({split}{', files ~ ' + files if files else ''})")
    print(f"{'kind':<14}{'verdict':<11}{'strong?':<9}{'hit':>5}{'alarm':>7}{'later':>7}{'precision':>11}"
          f"{'weighed alone':>15}")
    for (kind, verdict), n in sorted(table.items(), key=lambda kv: (kv[0][0] == "(weight)", -kv[1]["hit"] - kv[1]["alarm"])):
        judged = n["hit"] + n["alarm"]
        precision = f"{n['hit'] / judged:.2f}" if judged else "-"
        strong = "" if kind == "(weight)" else "yes" if EvidenceKind(kind, verdict) in STRONG else "no"
        alone = "" if kind == "(weight)" else f"{n['strong']}/{n['strong'] + n['corroborated'] + n['uncorroborated']}"
        print(f"{kind:<14}{verdict:<11}{strong:<9}{n['hit']:>5}{n['alarm']:>7}{n['later']:>7}{precision:>11}{alone:>15}")


if __name__ == "__main__":
    main()
