"""ProcessBench F1 of the auditor on explain traces with injected errors: python bench/audit_f1.py [--out FILE]"""
import collections
import glob
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from epistemic.api import load_puzzle  # noqa: E402
from epistemic.audit import AuditContext, audit_trace  # noqa: E402
from epistemic.audit.metrics import processbench  # noqa: E402
from epistemic.audit.inject import dataset  # noqa: E402


def main():
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None
    pairs, kinds, rows, records = [], collections.defaultdict(list), [], []
    for path in sorted(glob.glob("puzzles/*.txt")):
        ctx = AuditContext.build(load_puzzle(path))
        items = dataset(ctx.solution, seed=2024, per_kind=12, correct=12)
        mine = []
        for it in items:
            pred = audit_trace(ctx.puzzle, it.text, context=ctx).label
            mine.append((it.label, pred))
            kinds[(it.kind, it.lang)].append(it.label == pred)
            records.append({**it.to_dict(), "puzzle": path})
        pairs += mine
        s = processbench(mine)
        rows.append((os.path.basename(path), len(items), s))
    print(f"{'puzzle':<28}{'traces':>7}{'err acc':>9}{'ok acc':>8}{'F1':>7}")
    for name, n, s in rows:
        print(f"{name:<28}{n:>7}{s.acc_erroneous:>9.3f}{s.acc_correct:>8.3f}{s.f1:>7.3f}")
    s = processbench(pairs)
    print(f"{'all':<28}{len(pairs):>7}{s.acc_erroneous:>9.3f}{s.acc_correct:>8.3f}{s.f1:>7.3f}")
    print()
    for (kind, lang), hits in sorted(kinds.items()):
        print(f"  {kind:<16}{lang:<4}{len(hits):>5} traces, {sum(hits) / len(hits):.3f} exact")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
