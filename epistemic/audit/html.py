"""The audit as one self-contained HTML page: steps coloured by verdict, claims and counterexamples on
hover, and the stage-by-stage world table beside it. No scripts, no network; all trace text is escaped."""
from __future__ import annotations

from html import escape


from ..worlds.labels import world_label
from . import AuditReport

MAX_TABLE_WORLDS = 64
CSS = """
body{font-family:system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:0;background:#fafafa;color:#222}
header{padding:12px 20px;background:#263238;color:#fff}header h1{margin:0;font-size:20px}
header .sum{font-size:14px;opacity:.9;margin-top:4px}
main{display:flex;gap:16px;padding:16px;align-items:flex-start}
#trace{flex:3;min-width:0}#worlds{flex:2;position:sticky;top:8px;max-height:96vh;overflow:auto}
.step{border-left:6px solid #bbb;background:#fff;margin:0 0 8px;padding:6px 10px;border-radius:4px;position:relative}
.step.ok{border-color:#2e7d32;background:#f1f8f1}.step.bad{border-color:#c62828;background:#fdecec}
.step.first{outline:2px solid #c62828}
.meta{font-size:11px;color:#666}.text{white-space:pre-wrap;font-size:14px;line-height:1.5}
.claims{margin:4px 0 0;padding:0;list-style:none}
.claim{display:inline-block;margin:2px 4px 2px 0;padding:1px 6px;border-radius:10px;font-size:12px;position:relative;cursor:help}
.claim.entailed{background:#c8e6c9}.claim.premature{background:#ffe0b2}.claim.false{background:#ffcdd2}
.claim .tip{display:none;position:absolute;left:0;top:1.6em;z-index:5;background:#fff;border:1px solid #999;
padding:6px 8px;width:420px;max-width:60vw;box-shadow:0 2px 6px rgba(0,0,0,.2);white-space:normal;font-size:12px}
.claim:hover .tip{display:block}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
table{border-collapse:collapse;background:#fff;font-size:12px}th,td{border:1px solid #ddd;padding:2px 6px;text-align:center}
td.alive{background:#c8e6c9}td.dead{color:#bbb}td.ans{font-weight:bold}
.legend span{display:inline-block;padding:1px 6px;margin-right:6px;border-radius:8px;font-size:12px}
"""


def audit_html(report: AuditReport) -> str:
    d = report.to_dict()
    first = d["label"]
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             f"<title>Audit: {escape(report.puzzle.title)}</title><style>{CSS}</style></head><body>"]
    fa = ", ".join(d["final_answer"]) if d["final_answer"] else "not found"
    verdict = "correct" if d["final_answer_correct"] else "wrong"
    parts.append(f"<header><h1>Audit: {escape(report.puzzle.title)}</h1><div class='sum'>"
                 f"{len(report.steps)} steps · first error: {'none' if first == -1 else f'step {first}'} · "
                 f"final answer: {escape(fa)} ({verdict}; expected {escape(', '.join(d['expected_answer']))})"
                 "</div></header><main><section id='trace'>")
    parts.append("<div class='legend'><span class='claim entailed'>entailed</span>"
                 "<span class='claim premature'>premature</span><span class='claim false'>false</span></div>")
    for st in report.steps:
        cls = {1: "ok", -1: "bad", 0: "none"}[st.label] + (" first" if st.index == first else "")
        parts.append(f"<div class='step {cls}' id='step{st.index}'><div class='meta'>step {st.index} · "
                     f"stage {st.stage} ({escape(st.aligned_by)}) · label {st.label:+d}</div>"
                     f"<div class='text'>{escape(st.text)}</div>")
        if st.claims:
            parts.append("<ul class='claims'>")
            for c in st.claims:
                v = c.verdict
                tip = [f"<b>{escape(v.verdict)}</b> ({escape(c.record.kind)})", f"<code>{escape(v.shown)}</code>",
                       f"from: “{escape(c.record.text[:200])}”"]
                if c.record.key.witnesses:
                    tip.append("each possible: " + ", ".join(f"<code>{escape(w)}</code>" for w in
                                                             c.to_dict(report.puzzle)["witnesses"]))
                if v.holds_at is not None:
                    tip.append(f"true only from stage {v.holds_at}")
                cx = v.counterexample
                if cx and v.verdict != "entailed":
                    tip.append("counterexample: " + escape(cx.get("world") or cx.get("explanation", "")))
                parts.append(f"<li class='claim {escape(v.verdict)}'><code>{escape(c.formula)}</code>"
                             f"<span class='tip'>{'<br>'.join(tip)}</span></li>")
            parts.append("</ul>")
        parts.append("</div>")
    parts.append("</section><aside id='worlds'>")
    parts.append(world_table(report))
    parts.append("</aside></main></body></html>")
    return "".join(parts)


def world_table(report: AuditReport) -> str:
    sol = report.solution
    stages = sol.stages
    head = "".join(f"<th title='{escape(st.announcement.source if st.announcement else 'start')}'>{st.index}</th>"
                   for st in stages)
    rows = ["<table><tr><th>stage</th>" + head + "</tr>",
            "<tr><th>worlds</th>" + "".join(f"<td>{st.count:,}</td>" for st in stages) + "</tr>"]
    for st in stages[1:]:
        text = st.announcement.texts[0][1] if st.announcement and st.announcement.texts else st.announcement.source
        rows.append(f"<tr><td colspan='{len(stages) + 1}' style='text-align:left'>{st.index}: "
                    f"{escape(text)}</td></tr>")
    if sol.space.size <= MAX_TABLE_WORLDS:
        final = stages[-1].mask
        for i in range(sol.space.size):
            cells = "".join("<td class='alive'>●</td>" if st.mask[i] else "<td class='dead'>·</td>" for st in stages)
            cls = " class='ans'" if final[i] else ""
            rows.append(f"<tr><td{cls}>{escape(world_label(sol.space, i))}</td>{cells}</tr>")
    else:
        rows.append(f"<tr><td colspan='{len(stages) + 1}'>{sol.space.size:,} worlds: too many to list</td></tr>")
    rows.append("</table>")
    return "".join(rows)
