"""Audit throughput on ~5 KB traces, one core: python bench/bench_audit.py"""
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from epistemic.api import load_puzzle  # noqa: E402
from epistemic.audit import AuditContext, audit_trace  # noqa: E402
from epistemic.explain import explain  # noqa: E402


def traces(ctx, lang, size=5000):
    base = explain(ctx.solution, lang).text
    return (base * (size // len(base.encode()) + 1))[: size // (3 if lang == "zh" else 1)]


def main():
    rows = []
    seed = open(os.path.join(os.path.dirname(__file__), "..", "tests/data/audit/qwq_card16_zh.txt"), encoding="utf-8").read()
    for path in ("puzzles/card16.txt", "puzzles/cheryl.txt", "puzzles/sum_product.txt"):
        t0 = time.perf_counter()
        ctx = AuditContext.build(load_puzzle(path))
        setup = time.perf_counter() - t0
        cases = [("en", traces(ctx, "en")), ("zh", traces(ctx, "zh"))]
        if "card16" in path:
            cases.append(("QwQ seed", seed[:5000]))
        for name, text in cases:
            audit_trace(ctx.puzzle, text, context=ctx)
            n, t0 = 0, time.perf_counter()
            while time.perf_counter() - t0 < 2.0:
                audit_trace(ctx.puzzle, text, context=ctx)
                n += 1
            dt = (time.perf_counter() - t0) / n
            rows.append((os.path.basename(path), name, len(text.encode()), setup, 1 / dt))
    print(f"{'puzzle':<18}{'trace':<10}{'bytes':>7}{'setup s':>9}{'traces/s':>10}")
    for r in rows:
        print(f"{r[0]:<18}{r[1]:<10}{r[2]:>7}{r[3]:>9.3f}{r[4]:>10.0f}")


if __name__ == "__main__":
    main()
