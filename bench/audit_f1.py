"""The auditor's accuracy, one table: python bench/audit_f1.py [--out F] [--detail SET] [--seed N] [--final] [--blind P]

Rows: (a) `explain` traces with injected errors (epistemic.inject, our own templates); (b) natural
traces, tuning split; (c) natural traces, held-out split (never used for tuning);
(c2) the oldest blind held-out set (the files named by BLIND, written last and scored once); (d) real published model traces. Natural and real rows are read from tests/data/natural/*.jsonl and
tests/data/real/*.jsonl (schema: docs/audit.md, "Evaluation data"); a gold `first_error_quote` is
mapped to the auditor's step by text offset.

Columns: err acc (first wrong step found exactly, on erroneous traces), ok acc (no step flagged, on
correct traces), F1 (ProcessBench: harmonic mean of the two), coverage (share of steps with at least
one checked claim), answer acc (final answer judged right or wrong as the gold says).
`--detail SET` (tune, heldout or real) lists each trace of that set with its gold and predicted labels.
`--final` adds row (c2), the oldest blind set; without it that set is not scored at all, so that even its
aggregate is seen once (docs/audit.md, "Evaluation data"). `--blind PREFIX` picks another blind set for (c2) (one
listed in BLIND, or held-out files with that prefix, which then leave row (c) too).
"""
from __future__ import annotations

import collections
import glob
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from epistemic.api import load_puzzle  # noqa: E402
from epistemic.audit import AuditContext, audit_trace  # noqa: E402
from epistemic.audit.metrics import processbench  # noqa: E402
from epistemic.audit.inject import dataset  # noqa: E402

NATURAL = "tests/data/natural/*.jsonl"
# Blind held-out sets, oldest first: hidden from (c); `--final` scores the oldest once (traces_e* to traces_al* were
# each scored blind, in sessions 5 to 23, then opened; traces_ah* at the start and end of sessions 19 to 22;
# traces_bh*, 30 long rows written in session 29, was scored with `--final --blind traces_bh` until session 30 opened
# it; traces_bk* was scored once at the start of session 30, then opened; traces_bn* and traces_bo* were scored at the
# start, middle and end of the session after they were written, then opened; traces_bp*, 32 rows written in session
# 33, scored 0.665 at that session's start, middle and end, opened in session 34; traces_bq*, 32 rows written in
# session 34, scored 0.703 at that session's start code; traces_br*, 32 rows written in session 35, scored 0.707 at
# that session's start and end and at the start of session 36; traces_bs*, 32 rows written in session 36, scored 0.609
# at that session's start code, 0.667 at its end and at the start of session 37, then opened; traces_bt*, 32 rows
# written in session 37, scored 0.769 at that session's start code 30a9d9a, at its end and at the start of session 38,
# then opened; traces_bu*, 32 rows written in session 38, scored 0.685 at that session's start code 1030302, at its
# end and at the start of session 39, then opened; traces_bw*, 32 rows written in session 39, scored 0.476 at that
# session's start code 5e49bde, at its end and at the start of session 40, then opened; traces_by*, 32 rows written in
# session 40, scored 0.793 at that session's start code 40548f0, at its end and at the start of session 41, then
# opened; traces_cb*, 32 rows written in session 41, scored 0.720 at that session's start code 31bb4f8, at its end and
# at the start of session 42, then opened; traces_ce*, 32 rows written in session 42, scored 0.793 at that session's
# start code de4c4ce, at its end and at the start of session 43, then opened; traces_ch*, 32 rows written in session
# 43, scored 0.636 at that session's start code 750c67f, at its end and at the start of session 44, then opened;
# traces_cl*, 32 rows written in session 44, scored 0.525 at that session's start code 728b5ff, at its end and at the
# start of session 45, then opened; traces_co*, 32 rows written in session 45, scored 0.857 at that session's start
# code 4fb0801, at its end and at the start of session 46, then opened; traces_cr*, 32 rows written in session 46,
# scored 0.536 at that session's start code 1171397, at its end and at the start of session 47, then opened;
# traces_cw*, 32 rows written in session 47, scored 0.685 at that session's start code 96e95b0, 0.703 at its end and
# at the start of session 48, then opened; traces_da*, 32 rows written in session 48, scored 0.652 at that session's
# start code 93ff32a, at its end and at the start of session 49, then opened; traces_de*, 32 rows written in session
# 49, scored 0.682 at that session's start code 70b83bc, at its end and at the start of session 50, then opened;
# traces_dh*, 32 rows written in session 50, scored 0.685 at that session's start code 0a66357, at its end and at the
# start of session 51, then opened; traces_dk*, 32 rows written in session 51, scored 0.770 at that session's start
# code 82177ab, at its end and at the start of session 52, then opened; traces_dn*, 32 rows written in session 52,
# scored 0.667 at that session's start code 618a0e9, at its end and at the start of session 53, then opened;
# traces_dq*, 32 rows written in session 53, scored 0.579 at that session's start code 75eedc8, at its end and at the
# start of session 54, then opened; traces_dt*, 32 rows written in session 54, scored 0.707 at that session's start
# code 68b7a31, 0.682 at its end and at the start of session 55, then opened; traces_dw*, 32 rows written in session
# 55, scored 0.703 at that session's start code 3230650, at its end and at the start of session 56, then opened;
# traces_ea*, 32 rows written in session 56, scored 0.382 at that session's start code 2cd9e9d and again at 5503946,
# then opened in the same session: its start score showed a whole class of failure, paraphrasing summaries;
# traces_eg*, 32 rows written in session 56, scored 0.636 at that session's start code 2cd9e9d, at its end and at the
# start of session 57, then opened; traces_eh*, 32 rows written in session 57, scored 0.769 at that session's start
# code 828a0c3, at its end and at the start of session 58, then opened; traces_en*, 32 rows written in session 58,
# scored 0.729 at that session's start code 7d368cc, 0.770 at its end and at the start of session 59, then opened;
# traces_ew*, 32 rows written in session 59, scored 0.750 at that session's start code c4e2220, at its end and at the
# start of session 60, then opened; traces_fb*, 32 rows written in session 60, scored 0.720 at that session's start
# code 7e41e45, at its end and at the start of session 61, then opened; traces_fg*, 32 rows written in session 61,
# scored 0.729 at that session's start code ddeddfa, at its end and at the start of session 62, then opened;
# traces_fm*, 32 rows written in session 62, scored 0.833 at that session's start code 6793e76, at its end and at the
# start of session 63, then opened; traces_fs*, 32 rows written in session 63, scored 0.553 at that session's start
# code 5c4f522, 0.569 at its end and at the start of session 64, then opened; traces_gb*, 32 rows written in session
# 64, scored 0.793 at that session's start code 128605a, at its end and at the start of session 65, then opened;
# traces_gm*, 32 rows written in session 65, scored 0.808 at that session's start code c6798ac, at its end and at the
# start of session 66, then opened; traces_gv*, 32 rows written in session 66, scored 0.769 at that session's start
# code 526de62, at its end and at the start of session 67, then opened; traces_hg*, 32 rows written in session 67,
# scored 0.703 at that session's start code 9bf7a88, at its end and at the start of session 68, then opened;
# traces_hn*, 32 rows written in session 68, scored 0.636 at that session's start code 99c5f61, at its end and at the
# start of session 69, then opened).
# Still blind, in order (traces_hu*, 32 rows written in session 69):
BLIND = ("traces_ao", "traces_hu")
REAL = "tests/data/real/*.jsonl"


def gold_step(report, text: str, quote: str | None) -> int:
    """The index of the auditor's step that holds the gold quote (-1 for a correct trace)."""
    if not quote:
        return -1
    at = text.find(quote)
    if at < 0:
        raise ValueError(f"gold quote not in text: {quote[:60]!r}")
    for st in report.steps:
        if st.start <= at < st.end:
            return st.index
    return next((st.index for st in report.steps if st.start >= at), len(report.steps) - 1)


def rows_of(pattern: str) -> list[dict]:
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        with open(path, encoding="utf-8") as f:
            out += [{**json.loads(line), "_file": os.path.basename(path)} for line in f if line.strip()]
    return out


class Contexts:
    def __init__(self):
        self.cache = {}

    def get(self, puzzle: str, params: dict | None) -> AuditContext:
        key = (puzzle, json.dumps(params or {}, sort_keys=True))
        if key not in self.cache:
            self.cache[key] = AuditContext.build(load_puzzle(os.path.join(ROOT, "puzzles", puzzle), params or None))
        return self.cache[key]


def score(results: list[dict]) -> dict:
    pb = processbench([(r["gold"], r["pred"]) for r in results])
    steps = sum(r["steps"] for r in results)
    checked = sum(r["checked"] for r in results)
    answers = [r["answer_ok"] for r in results if r["answer_ok"] is not None]
    return {"traces": len(results), "erroneous": pb.erroneous, "correct": pb.correct,
            "acc_erroneous": pb.acc_erroneous, "acc_correct": pb.acc_correct, "f1": pb.f1,
            "coverage": checked / steps if steps else 0.0,
            "answer_acc": sum(answers) / len(answers) if answers else float("nan")}


def coverage_counts(report) -> tuple[int, int]:
    checked = getattr(report, "coverage_counts", None)
    if checked is not None:
        return checked()
    return sum(1 for st in report.steps if st.claims), len(report.steps)


def template_results(seed: int = 2024) -> list[dict]:
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "puzzles", "*.txt"))):
        ctx = AuditContext.build(load_puzzle(path))
        for it in dataset(ctx.solution, seed=seed, per_kind=12, correct=12):
            report = audit_trace(ctx.puzzle, it.text, context=ctx)
            checked, steps = coverage_counts(report)
            out.append({"id": f"{os.path.basename(path)}:{it.kind}:{it.lang}", "gold": it.label, "pred": report.label,
                        "steps": steps, "checked": checked,
                        "answer_ok": report.final_answer_correct == it.final_answer_correct})
    return out


def natural_results(rows: list[dict], contexts: Contexts) -> list[dict]:
    out = []
    for row in rows:
        ctx = contexts.get(row["puzzle"], row.get("params"))
        report = audit_trace(ctx.puzzle, row["text"], context=ctx)
        gold = row["gold"]
        checked, steps = coverage_counts(report)
        out.append({"id": row["id"], "gold": gold_step(report, row["text"], gold.get("first_error_quote")),
                    "pred": report.label, "steps": steps, "checked": checked,
                    "answer_ok": report.final_answer_correct == bool(gold["final_answer_correct"]),
                    "kind": gold.get("first_error_kind"), "style": row.get("style"), "puzzle": row["puzzle"],
                    "labels": report.labels})
    return out


def main():
    args = sys.argv[1:]
    out_path = args[args.index("--out") + 1] if "--out" in args else None
    detail = args[args.index("--detail") + 1] if "--detail" in args else None
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 2024
    contexts = Contexts()
    natural = rows_of(NATURAL)
    sets = collections.OrderedDict()
    sets["(a) templates"] = template_results(seed)
    sets["(b) natural tune"] = natural_results([r for r in natural if r.get("split") == "tune"], contexts)
    held = [r for r in natural if r.get("split") == "heldout"]
    chosen = args[args.index("--blind") + 1] if "--blind" in args else None
    blind = BLIND + ((chosen,) if chosen and chosen not in BLIND else ())
    hidden = [r for r in held if r["_file"].startswith(blind)]  # the sets written last, each scored once
    sets["(c) natural held-out"] = natural_results([r for r in held if r not in hidden], contexts)
    name = chosen or next((b for b in BLIND if any(r["_file"].startswith(b) for r in hidden)), None)
    if name and "--final" in args:  # without --final not even its aggregate is printed (it stays blind)
        sets[f"(c2) blind {name}*"] = natural_results([r for r in hidden if r["_file"].startswith(name)], contexts)
    real = rows_of(REAL)
    sets["(d) real"] = natural_results([r for r in real if "gold" in r], contexts)
    print(f"{'set':<22}{'traces':>7}{'err':>5}{'ok':>5}{'err acc':>9}{'ok acc':>8}{'F1':>7}{'coverage':>10}"
          f"{'answer acc':>12}")
    for name, results in sets.items():
        if not results:
            continue
        s = score(results)
        print(f"{name:<22}{s['traces']:>7}{s['erroneous']:>5}{s['correct']:>5}{s['acc_erroneous']:>9.3f}"
              f"{s['acc_correct']:>8.3f}{s['f1']:>7.3f}{s['coverage']:>10.4f}{s['answer_acc']:>12.3f}")
    if detail:
        name = next(n for n in sets if detail in n)
        if "blind" in name:
            sys.exit("a blind set is scored by its aggregate only: no --detail")
        print()
        for r in sets[name]:
            mark = "ok " if r["gold"] == r["pred"] else "BAD"
            print(f"{mark} gold {r['gold']:>3} pred {r['pred']:>3} answer {'ok' if r['answer_ok'] else 'WRONG':<5} "
                  f"{r['id']}")
    if out_path:
        with open(out_path, "w", encoding="utf-8") as f:
            for name, results in sets.items():
                for r in results:
                    f.write(json.dumps({"set": name, **r}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
