"""Final answers read from trace endings: python bench/audit_answers.py [--show] [--file BATTERY.jsonl]

tests/data/audit/answer_battery.jsonl (written in session 21 by a helper who never read the auditor, from a brief that
lists the ways models state an answer) holds the last lines of reasoning traces on ten puzzles, half giving the right
answer and half a plausible wrong one ("August 17", "(4, 61)", "no", a neighbouring count), in English and Chinese,
each with the answer it commits to and whether that answer is right. Each ending is audited after the puzzle's
announcements retold (so the trace has reached its end). Per puzzle: endings, answers read, answers judged as the
gold label says (a right answer read as right, a wrong one as wrong or as no answer). `--show` lists the misjudged.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from audit_f1 import Contexts  # noqa: E402
from audit_true_battery import retold  # noqa: E402
from epistemic.audit import audit_trace  # noqa: E402

BATTERY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "audit",
                       "answer_battery.jsonl")


def judged(ctxs: Contexts, row: dict) -> tuple[bool, bool]:
    """(whether an answer was read, whether the audit's verdict on it agrees with the gold label)."""
    ctx = ctxs.get(row["puzzle"], row.get("params") or None)
    text = retold(ctx, len(ctx.puzzle.announcements), row.get("lang", "en")) + "\n\n" + row["text"]
    report = audit_trace(ctx.puzzle, text, context=ctx)
    read = report.final_answer is not None
    return read, bool(report.final_answer_correct) == row["gold"]["final_answer_correct"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", default=BATTERY)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    with open(args.file, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    ctxs, per, wrong = Contexts(), collections.defaultdict(lambda: [0, 0, 0]), []
    for row in rows:
        read, agrees = judged(ctxs, row)
        cell = per[row["puzzle"].removesuffix(".txt")]
        cell[0], cell[1], cell[2] = cell[0] + 1, cell[1] + read, cell[2] + agrees
        if not agrees:
            wrong.append(row["id"])
    print(f"{'puzzle':22} {'endings':>8} {'read':>6} {'agree':>6}")
    for name, (n, read, agree) in sorted(per.items()):
        print(f"{name:22} {n:8d} {read:6d} {agree:6d}")
    total = [sum(c[i] for c in per.values()) for i in range(3)]
    print(f"{'all':22} {total[0]:8d} {total[1]:6d} {total[2]:6d}   agreement {total[2] / max(1, total[0]):.3f}")
    if args.show:
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
