"""The audit as terminal text: each step shortened, its stage, its claims and their verdicts."""
from __future__ import annotations

from . import AuditReport

MARK = {1: "+1", 0: " 0", -1: "-1"}
SHORT = 90


def shorten(text: str, width: int = SHORT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def audit_text(report: AuditReport, verbose: bool = False) -> str:
    d = report.to_dict()
    lines = [f"{report.puzzle.title}: {len(report.steps)} steps ({report.segmentation})"
             + (" — trace truncated" if report.truncated else "")]
    for st in report.steps:
        if st.label == 0 and not verbose:
            continue
        lines.append(f"[{MARK[st.label]}] step {st.index} (stage {st.stage}): {shorten(st.text)}")
        for c in st.claims:
            v = c.verdict
            extra = ""
            if v.verdict == "premature":
                extra = f" (true from stage {v.holds_at})"
            if v.counterexample and v.verdict != "entailed":
                cx = v.counterexample
                extra += f" — counterexample: {cx.get('world') or cx.get('explanation', '')}"
            lines.append(f"      {v.verdict:<9} {c.record.kind:<12} {v.shown}{extra}")
    first = d["label"]
    lines.append("")
    lines.append(f"labels: {' '.join(MARK[x].strip() for x in d['labels'])}")
    lines.append(f"first error: {'none' if first == -1 else f'step {first}'}")
    fa = ", ".join(d["final_answer"]) if d["final_answer"] else "not found"
    lines.append(f"final answer: {fa} — {'correct' if d['final_answer_correct'] else 'wrong'}"
                 f" (expected {', '.join(d['expected_answer'])})")
    return "\n".join(lines)
