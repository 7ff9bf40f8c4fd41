"""Regenerate the auditor's golden outputs: python bench/make_audit_golden.py [--check | --refresh | --remake]

About 300 traces (injected-error datasets for every puzzle in puzzles/ with two seeds, the explain
traces in English and Chinese, the QwQ seed trace, perturbed 4-6 KB traces from bench_audit.py),
each stored with its full `AuditReport.to_dict()` in tests/data/audit/golden.jsonl.gz, one JSON
object per line: {"puzzle": path, "text": trace, "audit": to_dict()}. tests/test_audit_golden.py
audits them again and compares exactly. `--check` compares instead of writing; `--refresh` rewrites the
audits of the stored traces (review the differences first: they are the point of the golden file).
"""
import glob
import gzip
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from epistemic.api import load_puzzle  # noqa: E402
from epistemic.audit import AuditContext, audit_trace  # noqa: E402
from epistemic.audit.explain import explain  # noqa: E402
from epistemic.audit.inject import dataset  # noqa: E402

GOLDEN = os.path.join(ROOT, "tests", "data", "audit", "golden.jsonl.gz")
SEED_TRACE = os.path.join(ROOT, "tests", "data", "audit", "qwq_card16_zh.txt")
PERTURBED = ("puzzles/card16.txt", "puzzles/cheryl.txt", "puzzles/sum_product.txt")


def traces() -> list[tuple[str, str]]:
    """(puzzle path relative to the repository, trace text), in a fixed order."""
    from bench_audit import novel_traces

    out = []
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        for path in sorted(glob.glob("puzzles/*.txt")):
            ctx = AuditContext.build(load_puzzle(path))
            for lang in ("en", "zh"):
                out.append((path, explain(ctx.solution, lang).text))
            for seed in (1, 2):
                out += [(path, it.text) for it in dataset(ctx.solution, seed=seed, per_kind=2, correct=2)]
            if path in PERTURBED:
                for n, lang in enumerate(("en", "zh")):
                    out += [(path, t) for t in novel_traces(ctx, lang, 10, 500 + n)]
        out.append(("puzzles/card16.txt", open(SEED_TRACE, encoding="utf-8").read()))
    finally:
        os.chdir(old)
    return out


def audit_all(items: list[tuple[str, str]]) -> list[dict]:
    """Each trace's to_dict(), one shared context per puzzle (as a reward function would use it)."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        contexts: dict[str, AuditContext] = {}
        out = []
        for path, text in items:
            ctx = contexts.get(path) or contexts.setdefault(path, AuditContext.build(load_puzzle(path)))
            out.append(audit_trace(ctx.puzzle, text, context=ctx).to_dict())
        return out
    finally:
        os.chdir(old)


def load() -> list[dict]:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


USAGE = ("usage: python bench/make_audit_golden.py [--check | --refresh | --remake]\n"
         "  --check    audit the stored traces again and list the ones whose audit differs (writes nothing)\n"
         "  --refresh  store the stored traces' audits anew (after an intended change, reviewed with --check)\n"
         "  --remake   make the traces afresh and store them with their audits")


def main() -> None:
    args = sys.argv[1:]
    if len(args) != 1 or args[0] not in ("--check", "--refresh", "--remake"):
        print(USAGE, file=sys.stderr)  # (a bare or unknown flag used to rewrite the golden file)
        sys.exit(2)
    if args[0] == "--check":
        rows = load()
        got = audit_all([(r["puzzle"], r["text"]) for r in rows])
        bad = [n for n, (r, g) in enumerate(zip(rows, got)) if r["audit"] != g]
        print(f"{len(rows)} audits, {len(bad)} differ" + (f": {bad[:20]}" if bad else ""))
        sys.exit(1 if bad else 0)
    # --refresh: the stored traces audited again (after an intended change); --remake: traces made afresh.
    items = [(r["puzzle"], r["text"]) for r in load()] if args[0] == "--refresh" else traces()
    audits = audit_all(items)
    with gzip.GzipFile(GOLDEN, "wb", compresslevel=9, mtime=0) as raw:
        for (path, text), a in zip(items, audits):
            line = json.dumps({"puzzle": path, "text": text, "audit": a}, ensure_ascii=False, separators=(",", ":"))
            raw.write((line + "\n").encode("utf-8"))
    print(f"{len(items)} audits -> {os.path.relpath(GOLDEN, ROOT)} ({os.path.getsize(GOLDEN) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
