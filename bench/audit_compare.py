"""Two runs of the auditor's accuracy side by side: python bench/audit_compare.py OLD.jsonl NEW.jsonl

Reads the per-row files written by `python bench/audit_f1.py --out FILE` (at two commits, or before and after a
change) and prints, for each set, the rows whose predicted first wrong step or answer verdict changed, marked
better or worse against the gold label. Rows of held-out and blind sets are never named: only their counts of
better and worse rows are printed, so that comparing two runs does not open them (docs/audit.md, "Evaluation data").
"""
from __future__ import annotations

import collections
import json
import sys

_HIDDEN = ("held-out", "blind")


def load(path: str) -> dict[str, dict[str, dict]]:
    """The rows of one `--out` file, by set and then by id."""
    sets: dict[str, dict[str, dict]] = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                sets[row["set"]][row["id"]] = row
    return sets


def verdict(row: dict) -> tuple[bool, bool]:
    """Whether the row's first wrong step and its answer verdict agree with the gold label."""
    return row["gold"] == row["pred"], bool(row.get("answer_ok"))


def compare(old: dict[str, dict[str, dict]], new: dict[str, dict[str, dict]]) -> list[str]:
    lines = []
    for name, rows in new.items():
        before = old.get(name, {})
        better = worse = 0
        named = []
        for rid, row in rows.items():
            if rid not in before:
                continue
            was = before[rid]
            if (was["pred"], was.get("answer_ok")) == (row["pred"], row.get("answer_ok")):
                continue
            (step0, ans0), (step1, ans1) = verdict(was), verdict(row)
            gain = (step1 - step0) + (ans1 - ans0)
            better += gain > 0
            worse += gain < 0
            mark = "better" if gain > 0 else "worse " if gain < 0 else "moved "
            named.append(f"  {mark} {rid}: gold {row['gold']}, pred {was['pred']} -> {row['pred']}, "
                         f"answer {'ok' if ans0 else 'WRONG'} -> {'ok' if ans1 else 'WRONG'}")
        lines.append(f"{name}: {len(rows)} rows, {better} better, {worse} worse")
        if not any(h in name for h in _HIDDEN):
            lines += sorted(named)
    return lines


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    print("\n".join(compare(load(argv[0]), load(argv[1]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
