"""`eval compare`: several eval outputs side by side — accuracy, right answer with wrong reasoning,
first-error positions, thought tokens, truncation — as a table and a picture (matplotlib)."""

from __future__ import annotations

import os
import statistics
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from .errors import LLMError, require
from .evaluate import difficulty_label, read_records, summarize_group

SCHEMA = "epistemic.llm.compare/1"


@dataclass(frozen=True)
class Run:
    """One eval output file: its name (the file's stem unless given) and its trace records."""

    name: str
    records: tuple[dict[str, Any], ...]


def load_run(path: str | os.PathLike, name: str | None = None) -> Run:
    """The records of an eval output (JSONL); an empty or missing file is an error."""
    p = Path(path)
    if not p.is_file():
        raise LLMError(f"run file {str(p)!r} does not exist", "pass the JSONL files written by `eval --out`")
    records = [r for r in read_records(p) if isinstance(r, dict) and "tokens" in r]
    if not records:
        raise LLMError(f"{str(p)!r} holds no trace records", "pass the JSONL files written by `eval --out`")
    return Run(name or p.stem, tuple(records))


def _quartiles(xs: Sequence[float]) -> dict[str, float | None]:
    if not xs:
        return {"min": None, "q1": None, "median": None, "q3": None, "max": None, "mean": None}
    ys = sorted(xs)
    q = statistics.quantiles(ys, n=4, method="inclusive") if len(ys) > 1 else [ys[0]] * 3
    return {"min": ys[0], "q1": round(q[0], 1), "median": round(q[1], 1), "q3": round(q[2], 1),
            "max": ys[-1], "mean": round(sum(ys) / len(ys), 1)}


def first_error_positions(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Where the first wrong step falls: counts by step index, and the mean relative position
    (index ÷ number of steps) among audited traces that have one."""
    at: Counter = Counter()
    relative = []
    for r in records:
        fe, audit = r.get("first_error"), r.get("audit") or {}
        if fe is None or fe < 0:
            continue
        at[int(fe)] += 1
        steps = len(audit.get("steps") or [])
        if steps:
            relative.append(fe / steps)
    return {"by_step": {str(k): at[k] for k in sorted(at)},
            "mean_relative": round(sum(relative) / len(relative), 3) if relative else None}


def compare_runs(runs: Sequence[Run]) -> dict[str, Any]:
    """Per run: the eval summary's figures, thought-token quartiles, first-error positions, and
    accuracy per difficulty (documented in docs/llm.md, schema epistemic.llm.compare/1)."""
    out = []
    for run in runs:
        g = summarize_group(run.records)
        by_diff: dict[str, list] = {}
        for r in run.records:
            by_diff.setdefault(difficulty_label(r.get("difficulty")), []).append(r)
        out.append({
            "name": run.name,
            "samples": g["samples"],
            "accuracy": g["accuracy"],
            "right_answer_wrong_reasoning": g["first_error_rate_among_correct"],
            "truncated_rate": g["truncated_rate"],
            "thinking_tokens": _quartiles([r["tokens"]["thinking"] for r in run.records]),
            "answer_tokens": _quartiles([r["tokens"]["answer"] for r in run.records]),
            "first_error": first_error_positions(run.records),
            "accuracy_by_difficulty": {k: summarize_group(v)["accuracy"] for k, v in sorted(by_diff.items())},
        })
    return {"schema": SCHEMA, "runs": out}


def comparison_table(comparison: dict[str, Any]) -> str:
    """The comparison as aligned text, one row per run, then accuracy per difficulty."""
    def f(x: Any) -> str:
        return "-" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))

    runs = comparison["runs"]
    width = max([len("run")] + [len(r["name"]) for r in runs]) + 2
    lines = [f"{'run':<{width}}{'n':>6}{'acc':>8}{'ok-but-wrong-step':>19}{'trunc':>8}"
             f"{'think tok median (q1-q3)':>27}{'first error at (mean rel.)':>28}"]
    for r in runs:
        t = r["thinking_tokens"]
        think = f"{f(t['median'])} ({f(t['q1'])}-{f(t['q3'])})"
        fe = r["first_error"]
        top = ", ".join(f"{k}:{v}" for k, v in list(fe["by_step"].items())[:4]) or "-"
        lines.append(f"{r['name']:<{width}}{r['samples']:>6}{f(r['accuracy']):>8}"
                     f"{f(r['right_answer_wrong_reasoning']):>19}{f(r['truncated_rate']):>8}"
                     f"{think:>27}{(top + ' (' + f(fe['mean_relative']) + ')'):>28}")
    diffs = sorted({d for r in runs for d in r["accuracy_by_difficulty"]})
    if diffs:
        lines += ["", "accuracy by difficulty"]
        dw = max(len(d) for d in diffs) + 2
        lines.append(f"{'difficulty':<{dw}}" + "".join(f"{r['name']:>{max(10, len(r['name']) + 2)}}" for r in runs))
        for d in diffs:
            lines.append(f"{d:<{dw}}" + "".join(f"{f(r['accuracy_by_difficulty'].get(d)):>{max(10, len(r['name']) + 2)}}"
                                                for r in runs))
    return "\n".join(lines)


def plot_comparison(runs: Sequence[Run], comparison: dict[str, Any], path: str | os.PathLike,
                    force: bool = False) -> Path:
    """A picture (PNG or SVG, by the suffix): thought-token histograms of every run, overlaid, and
    accuracy per difficulty as grouped bars. Written to a temporary file, then renamed."""
    out = Path(path)
    if out.suffix.lower() not in (".png", ".svg"):
        raise LLMError(f"cannot draw {out.name!r}: the picture must be .png or .svg", "name the file PLOT.png or PLOT.svg")
    if out.exists() and not force:
        raise LLMError(f"{str(out)!r} exists", "pass --force to replace it, or choose another name")
    require("matplotlib")
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    from matplotlib.figure import Figure

    fig = Figure(figsize=(11, 4.2))
    ax1, ax2 = fig.subplots(1, 2)
    thinks = [[r["tokens"]["thinking"] for r in run.records] for run in runs]
    top = max((max(t) for t in thinks if t), default=1) or 1
    bins = [top * i / 20 for i in range(21)]
    for run, t in zip(runs, thinks):
        ax1.hist(t, bins=bins, histtype="step", linewidth=1.6, label=f"{run.name} (median {statistics.median(t):.0f})")
    ax1.set_xlabel("thought tokens per sample")
    ax1.set_ylabel("samples")
    ax1.set_title("Thought tokens")
    ax1.legend(fontsize=8)
    diffs = sorted({d for r in comparison["runs"] for d in r["accuracy_by_difficulty"]})
    width = 0.8 / max(len(runs), 1)
    for i, r in enumerate(comparison["runs"]):
        xs = [j + i * width for j in range(len(diffs))]
        ys = [r["accuracy_by_difficulty"].get(d) or 0.0 for d in diffs]
        ax2.bar(xs, ys, width=width, label=r["name"])
    ax2.set_xticks([j + 0.4 - width / 2 for j in range(len(diffs))])
    ax2.set_xticklabels(diffs, rotation=20, fontsize=8)
    ax2.set_ylim(0, 1)
    ax2.set_ylabel("accuracy")
    ax2.set_title("Accuracy per difficulty")
    ax2.legend(fontsize=8)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=out.name + ".", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, format=out.suffix.lower()[1:])
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
