"""Audit throughput on new 4-6 KB traces, one core: taskset -c 0 python bench/bench_audit.py [--traces N] [--rounds R]

An RL reward sees new text on every sample, so the traces here do not repeat: each is made of
paragraphs of `explain` traces with injected errors (epistemic.inject, several seeds) and, for
card16 in Chinese, of the QwQ seed trace, every paragraph perturbed on its way in: values swapped
for other values of the same variable (numbers within the variable's range), sentences reordered,
fillers added ("Wait,", "嗯，"). Columns, in traces per second of CPU time (time.process_time,
best of R rounds):

  new text   the row's traces one by one through the puzzle's context, every sentence, claim,
             verdict-by-sentence and alignment memo emptied before each trace; the formula masks and
             verdicts-by-formula are reset before each trace to what W other perturbed traces (a
             different seed) left there, as after a short RL warm-up. The honest RL number.
  cold       the same, but the masks too start empty for every trace (only the solved puzzle and the
             compiled vocabulary are shared)
  repeat     each trace a second time through the context it just went through (everything memoised)

`seen` is the share of the row's sentences that occur in an earlier trace of the row or in the
warm-up traces (sentence memos are emptied anyway; it shows how new the text is). The QwQ seed row
is the real trace itself, after a warm-up on Chinese traces that contain none of its paragraphs.
"""
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from epistemic.api import load_puzzle  # noqa: E402
from epistemic.audit import AuditContext, audit_trace  # noqa: E402
from epistemic.audit.inject import dataset  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")
PUZZLES = ("puzzles/card16.txt", "puzzles/cheryl.txt", "puzzles/sum_product.txt")
SEED_TRACE = "tests/data/audit/qwq_card16_zh.txt"
LOW, HIGH = 4000, 6000
WARMUP = 30
_SENTENCES = re.compile(r"[^。！？!?\n]*?(?:[。！？!?]+|\.(?=\s)|$)")
_CJK = re.compile(r"[\u3400-\u9fff]")
FILLERS = {"en": ("Wait, ", "Hmm, ", "Let me check: ", "OK, ", "Actually, ", "Note that "),
           "zh": ("嗯，", "等一下，", "再想想，", "注意，", "好的，", "其实，")}


def _script(text: str) -> str:
    return "cjk" if _CJK.search(text) else ("ascii" if text.isascii() else "symbol")


class Perturber:
    """Rewrites sentences of one puzzle's traces: other values of the same variables, other order, fillers."""

    def __init__(self, ctx: AuditContext, rng: random.Random):
        self.lex, self.rng = ctx.lexicon, rng
        self.surfaces: dict[tuple[str, str], list[str]] = {}
        for surface, meanings in self.lex.entries.items():
            for kind, payload in meanings:
                if kind == "value":
                    self.surfaces.setdefault((payload[0], _script(surface)), []).append(surface)

    def value(self, token) -> str:
        rng = self.rng
        if token.kind == "value":
            options = self.surfaces.get((token.payload[0], _script(token.text)), [token.text])
            return rng.choice(options)
        owners = [v for v in self.lex.numeric if token.payload in self.lex.codes[v]]
        if owners:
            return str(rng.choice(sorted(self.lex.codes[owners[0]])))
        return str(max(0, token.payload + rng.randint(-3, 3)))

    def sentence(self, text: str, lang: str) -> str:
        rng = self.rng
        toks = [t for t in self.lex.scan(text) if t.kind in ("value", "number") and rng.random() < 0.5]
        for t in reversed(toks):
            text = text[:t.start] + self.value(t) + text[t.end:]
        if rng.random() < 0.25 and text.strip():
            text = rng.choice(FILLERS[lang]) + text.lstrip()
        return text

    def paragraph(self, text: str, lang: str) -> str:
        parts = [p for p in _SENTENCES.findall(text) if p]
        if len(parts) > 2 and self.rng.random() < 0.3:
            head, tail = parts[0], parts[1:]
            self.rng.shuffle(tail)
            parts = [head] + tail
        glue = "" if lang == "zh" else " "
        return glue.join(self.sentence(p.strip(), lang) for p in parts if p.strip())


def novel_traces(ctx: AuditContext, lang: str, count: int, seed: int, extra: tuple[str, ...] = ()) -> list[str]:
    """`count` traces of 4-6 KB, every paragraph a perturbed copy of one from the pool (and `extra`)."""
    rng = random.Random(seed)
    sources = [it.text for s in (seed, seed + 1, seed + 2)
               for it in dataset(ctx.solution, seed=s, langs=(lang,), per_kind=4, correct=3)] + list(extra)
    pert = Perturber(ctx, rng)
    out: list[str] = []
    while len(out) < count:
        target = rng.randint(LOW + 300, HIGH - 300)
        src = rng.choice(sources).split("\n\n")
        at, paras, size = rng.randrange(len(src)), [], 0
        while size < target:
            if at >= len(src) or rng.random() < 0.08:  # jump to another trace now and then
                src, at = rng.choice(sources).split("\n\n"), 0
            para = pert.paragraph(src[at], lang)
            at += 1
            if para.strip() and size + len(para.encode()) + 2 <= HIGH:
                paras.append(para)
                size += len(para.encode()) + 2
            elif size >= LOW:
                break
        text = "\n\n".join(paras) + "\n"
        if LOW <= len(text.encode()) <= HIGH and text not in out:
            out.append(text)
    return out


def sentences(text: str) -> list[str]:
    return [x.strip() for x in _SENTENCES.findall(text) if len(x.strip()) > 3]


def seen_share(texts: list[str], before: list[str]) -> float:
    seen = {x for t in before for x in sentences(t)}
    hits = total = 0
    for t in texts:
        mine = sentences(t)
        hits += sum(x in seen for x in mine)
        total += len(mine)
        seen.update(mine)
    return hits / max(1, total)


def forget(ctx: AuditContext, warm: tuple[dict, dict] | None) -> None:
    """Empty the context's memos by sentence; reset its memos by formula to `warm` (empty when None)."""
    ctx.memo.sentences.clear()
    ctx.audits.clear()
    ctx.aligner.memo.clear()
    for table, saved in zip((ctx.judge.cache, ctx.memo.formulas), warm or ({}, {})):
        table.clear()
        table.update(saved)


def measure(ctx: AuditContext, texts: list[str], warm: tuple[dict, dict]) -> tuple[float, float, float]:
    """(new text, cold, repeat) traces per second of CPU time for one round."""
    spent = [0.0, 0.0, 0.0]
    for text in texts:
        for col, masks in ((0, warm), (1, None)):
            forget(ctx, masks)
            t0 = time.process_time()
            audit_trace(ctx.puzzle, text, context=ctx)
            spent[col] += time.process_time() - t0
        t0 = time.process_time()
        audit_trace(ctx.puzzle, text, context=ctx)
        spent[2] += time.process_time() - t0
    return tuple(len(texts) / x for x in spent)


def warmed(ctx: AuditContext, texts: list[str]) -> tuple[dict, dict]:
    forget(ctx, None)
    for text in texts:
        audit_trace(ctx.puzzle, text, context=ctx)
    return dict(ctx.judge.cache), dict(ctx.memo.formulas)


def cases(ctx: AuditContext, path: str, count: int) -> list[tuple[str, list[str], list[str]]]:
    """(row name, measured traces, warm-up traces) for one puzzle."""
    out = []
    seed_text = open(os.path.join(ROOT, SEED_TRACE), encoding="utf-8").read()
    for n, lang in enumerate(("en", "zh")):
        extra = (seed_text,) if "card16" in path and lang == "zh" else ()
        texts = novel_traces(ctx, lang, count, 100 + n, extra)
        warm = novel_traces(ctx, lang, WARMUP, 200 + n, extra)
        out.append((lang + (" + QwQ" if extra else ""), texts, warm))
        if extra:
            out.append(("QwQ seed", [seed_text], novel_traces(ctx, lang, WARMUP, 300)))
    return out


def main() -> None:
    arg = lambda name, default: int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default  # noqa: E731
    count, rounds = arg("--traces", 30), arg("--rounds", 3)
    rows = []
    for path in PUZZLES:
        t0 = time.process_time()
        ctx = AuditContext.build(load_puzzle(os.path.join(ROOT, path)))
        setup = time.process_time() - t0
        for name, texts, warm_texts in cases(ctx, path, count):
            warm = warmed(ctx, warm_texts)
            # Best of a few rounds: the machine is shared, and slow rounds measure the neighbours, not the code.
            speeds = [max(x) for x in zip(*(measure(ctx, texts, warm) for _ in range(rounds)))]
            size = sum(len(t.encode()) for t in texts) / len(texts)
            rows.append((os.path.basename(path), name, len(texts), size, seen_share(texts, warm_texts), setup,
                         *speeds))
    print(f"{'puzzle':<17}{'trace':<10}{'traces':>7}{'mean bytes':>11}{'seen':>6}{'setup s':>9}"
          f"{'new text/s':>12}{'cold/s':>8}{'repeat/s':>10}")
    for r in rows:
        print(f"{r[0]:<17}{r[1]:<10}{r[2]:>7}{r[3]:>11.0f}{r[4]:>6.0%}{r[5]:>9.3f}{r[6]:>12.0f}{r[7]:>8.0f}"
              f"{r[8]:>10.0f}")
    print(f"(traces per second of CPU time, best of {rounds} rounds; setup = solve + compile, once per puzzle)")


if __name__ == "__main__":
    main()
