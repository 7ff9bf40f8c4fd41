"""Audit throughput on ~5 KB traces, one core: taskset -c 0 python bench/bench_audit.py [--traces N] [--rounds R]

For each puzzle and language, N distinct traces of about 5,000 bytes are made by joining `explain`
traces with injected errors (epistemic.inject) in a seeded random order; card16 also gets the QwQ seed
trace (a real model's Chinese trace, 5,285 bytes). Columns, in traces per second of CPU time
(time.process_time, so other processes on a shared machine do not count):

  first pass  one AuditContext per puzzle, built before timing and shared by its rows in table order
              (en, zh, then the seed); each row's traces once each, in order, while the claim, verdict
              and formula memos fill up (an RL reward's first epoch; the seed is one more sample
              after the 2N synthetic ones, with sentences none of them has)
  repeat      the same N traces again through the same context (every sentence already seen)
  new text    every trace through a context whose claim, verdict and alignment memos are empty but
              whose formula masks are kept: the same claims worded in sentences never seen before
  cold        every trace through a context with empty memos and no cached formula masks
              (only the solved puzzle and the compiled vocabulary are shared): nothing reused
"""
import dataclasses
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from epistemic.api import load_puzzle  # noqa: E402
from epistemic.audit import AuditContext, audit_trace  # noqa: E402
from epistemic.audit.align import Aligner  # noqa: E402
from epistemic.audit.claims import ClaimMemo  # noqa: E402
from epistemic.audit.judge import Judge  # noqa: E402
from epistemic.inject import dataset  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")
PUZZLES = ("puzzles/card16.txt", "puzzles/cheryl.txt", "puzzles/sum_product.txt")
SIZE = 5000


def traces(ctx: AuditContext, lang: str, count: int, size: int = SIZE) -> list[str]:
    """`count` distinct traces of about `size` bytes: labelled variants joined in a random order."""
    pool = [it.text for it in dataset(ctx.solution, seed=11, langs=(lang,), per_kind=6, correct=6)]
    rng = random.Random(2024)
    out: list[str] = []
    while len(out) < count:
        parts, n = [], 0
        while n < size:
            parts.append(rng.choice(pool))
            n += len(parts[-1].encode()) + 2
        data = "\n\n".join(parts).encode()[:size]
        text = data.decode("utf-8", errors="ignore")
        if text not in out:
            out.append(text)
    return out


def fresh(ctx: AuditContext, keep_masks: bool = False) -> AuditContext:
    """The same puzzle and vocabulary with every memo empty (and the formula masks too, unless kept)."""
    judge = Judge(ctx.solution, {k: v for k, v in ctx.judge.cache.items() if k[0] != "@verdict"}) if keep_masks \
        else Judge.build(ctx.solution)
    return dataclasses.replace(ctx, judge=judge, memo=ClaimMemo(), audits={}, variants={},
                               aligner=Aligner.build(ctx.puzzle, ctx.lexicon))


def rate(ctx_for, texts: list[str]) -> float:
    spent = 0.0
    for text in texts:
        ctx = ctx_for()
        t0 = time.process_time()
        audit_trace(ctx.puzzle, text, context=ctx)
        spent += time.process_time() - t0
    return len(texts) / spent


def measure(base: AuditContext, cases: list[tuple[str, list[str]]]) -> list[tuple[float, ...]]:
    """One round: (first pass, repeat, new text, cold) traces/s for each case, through one fresh context."""
    ctx = fresh(base)
    out = []
    for _, texts in cases:
        again = texts * max(1, 10 // len(texts))
        first = rate(lambda: ctx, texts)
        repeat = rate(lambda: ctx, again)
        novel = rate(lambda: fresh(ctx, keep_masks=True), again)
        cold = rate(lambda: fresh(base), again)
        out.append((first, repeat, novel, cold))
    return out


def main() -> None:
    arg = lambda name, default: int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default  # noqa: E731
    count, rounds = arg("--traces", 30), arg("--rounds", 3)
    seed = open(os.path.join(ROOT, "tests/data/audit/qwq_card16_zh.txt"), encoding="utf-8").read()
    rows = []
    for path in PUZZLES:
        t0 = time.process_time()
        base = AuditContext.build(load_puzzle(os.path.join(ROOT, path)))
        setup = time.process_time() - t0
        cases = [("en", traces(base, "en", count)), ("zh", traces(base, "zh", count))]
        if "card16" in path:
            cases.append(("QwQ seed", [seed]))
        # Best of a few rounds: the machine is shared, and slow rounds measure the neighbours, not the code.
        best = [tuple(map(max, *cells)) if rounds > 1 else cells[0]
                for cells in zip(*(measure(base, cases) for _ in range(rounds)))]
        for (name, texts), speeds in zip(cases, best):
            size = sum(len(t.encode()) for t in texts) / len(texts)
            rows.append((os.path.basename(path), name, len(texts), size, setup, *speeds))
    print(f"{'puzzle':<17}{'trace':<10}{'traces':>7}{'mean bytes':>11}{'setup s':>9}"
          f"{'first pass/s':>14}{'repeat/s':>10}{'new text/s':>12}{'cold/s':>8}")
    for r in rows:
        print(f"{r[0]:<17}{r[1]:<10}{r[2]:>7}{r[3]:>11.0f}{r[4]:>9.3f}{r[5]:>14.0f}{r[6]:>10.0f}{r[7]:>12.0f}"
              f"{r[8]:>8.0f}")
    print(f"(traces per second of CPU time, best of {rounds} rounds; setup = solve + compile, once per puzzle)")


if __name__ == "__main__":
    main()
