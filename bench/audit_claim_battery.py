"""How the claim reader reads single sentences, by what they really say: python bench/audit_claim_battery.py [--show]

tests/data/audit/claim_battery.jsonl (252 sentences written in session 12 by a helper who never read the auditor)
labels each sentence with the stage the trace is at, a category (a list of what is left, a list of values with a
property, what one case leaves, a hypothetical, a rejected idea, a restatement of an earlier stage, an answer
headline) and the formula it asserts about that stage, checked with the solver. Each sentence's records are read
alone and judged at that stage, as the auditor judges a step at its stage; alignment plays no part. Per category:
how many sentences give a certain claim, how many a certain claim judged false or premature (on a sentence that
asserts nothing false, a misreading that could flag a step), and, for sentences whose assertion does not hold,
how many are caught that way. `--show` lists the misreadings.
"""
from __future__ import annotations

import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from audit_f1 import Contexts  # noqa: E402
from epistemic.audit.claims import extract_records  # noqa: E402
from epistemic.audit.verdicts import Window  # noqa: E402

BATTERY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "audit", "claim_battery.jsonl")


def bad_verdicts(ctx, row: dict) -> tuple[int, list[tuple[str, str, str]]]:
    """(number of certain records, the certain records judged false or premature: (kind, formula text, verdict))."""
    lex = ctx.lexicon
    records = [r for r in extract_records(lex, row["text"], False, ctx.memo) if r.certain]
    bad = []
    for r in records:
        hit = ctx.judge.audit(r, Window(row["stage"], row["stage"]), lex)
        if hit is not None and hit[0].verdict in ("false", "premature"):
            bad.append((r.kind, str(hit[1]), hit[0].verdict))
    return len(records), bad


def main() -> None:
    rows = [json.loads(line) for line in open(BATTERY, encoding="utf-8") if line.strip()]
    contexts = Contexts()
    table: dict = collections.defaultdict(collections.Counter)
    shown = []
    for row in rows:
        ctx = contexts.get(row["puzzle"], row.get("params") or None)
        n, bad = bad_verdicts(ctx, row)
        c = table[row["category"]]
        c["sentences"] += 1
        c["read"] += n > 0
        wrong = row["asserts"] is not None and row["holds"] is False
        c["false sentences"] += wrong
        if wrong:
            c["caught"] += bool(bad)
        else:
            c["misread"] += bool(bad)
            if bad:
                shown.append((row["category"], row["puzzle"], row["stage"], row["text"], bad))
    print(f"{'category':<17}{'sentences':>10}{'read':>6}{'misread':>9}{'false':>7}{'caught':>8}")
    for cat, c in sorted(table.items()):
        print(f"{cat:<17}{c['sentences']:>10}{c['read']:>6}{c['misread']:>9}{c['false sentences']:>7}{c['caught']:>8}")
    total = sum(table.values(), collections.Counter())
    print(f"{'all':<17}{total['sentences']:>10}{total['read']:>6}{total['misread']:>9}{total['false sentences']:>7}"
          f"{total['caught']:>8}")
    if "--show" in sys.argv:
        for cat, puzzle, stage, text, bad in shown:
            print(f"\n[{cat}] {puzzle} stage {stage}: {text}")
            for kind, formula, verdict in bad:
                print(f"    {kind} {verdict}: {formula}")


if __name__ == "__main__":
    main()
