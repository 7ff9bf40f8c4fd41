"""Precision at the sentence level: python bench/audit_true_battery.py [--show] [--file BATTERY.jsonl]

tests/data/audit/true_battery.jsonl (written in session 13 by a helper who never read the auditor; true_battery_2.jsonl likewise,
opened in session 14; true_battery_3.jsonl, written in session 14, is blind: aggregates only) holds sentences
as models write them in the middle of their reasoning, each TRUE at the stage it is written (a case analysis, a
verification line, a restatement of an earlier stage, a property list, a table row, a recap credit, a rejected idea,
…), with a FALSE twin changed as little as possible, both checked with the solver. Each sentence is audited as the
paragraph of a trace that retells the announcements up to its stage, quoted, in the sentence's language, then the
rest of them, and closes with the right final answer (so a conclusion drawn early is one the trace goes past).
A true sentence whose step is marked wrong is a false alarm; a false twin whose step is marked wrong is caught.
Per form: sentences, true ones flagged (alarms), false ones caught. `--show` lists the alarms.
"""
from __future__ import annotations

import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from audit_f1 import Contexts  # noqa: E402
from epistemic.audit import audit_trace  # noqa: E402

BATTERY = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "audit", "true_battery.jsonl")


def retold(ctx, stage: int, lang: str, start: int = 0) -> str:
    """The announcements from `start` up to `stage`, each a paragraph quoting its words ("Albert says: “…”")."""
    out = []
    for a in ctx.puzzle.announcements[start:stage]:
        words = dict(a.texts).get(lang) or dict(a.texts).get("en") or a.source
        if a.speaker is None:
            out.append(words)
        elif lang == "zh":
            out.append(f"{a.speaker}说：“{words}”")
        else:
            out.append(f"{a.speaker} says: “{words}”")
    return "\n\n".join(out)


def answer_line(ctx) -> str:
    """The puzzle's right answer as a closing line ("Final answer: July 16", "… 5 of diamonds", "… (4, 13)"), so that
    the sentence under test is not taken for the trace's final answer."""
    lex, answer = ctx.lexicon, ctx.solution.answer[0]
    names = {v: lex.show_value(v, code).split(" = ", 1)[1] for v, code in zip(lex.question_vars, answer)}
    if not names:
        return f"Final answer: {answer[0]} children are muddy."
    if lex.number_pair is not None:
        return "Final answer: (" + ", ".join(names[v] for v in lex.number_pair) + ")"
    if "suit" in names:
        return f"Final answer: the {names['rank']} of {names['suit']}."
    return "Final answer: " + " ".join(names[v] for v in lex.question_vars)


def flagged(ctx, row: dict, sentence: str) -> bool:
    """Whether the sentence's own step is marked wrong."""
    lang, stage = row.get("lang", "en"), row["stage"]
    head = retold(ctx, stage, lang)
    tail = retold(ctx, len(ctx.puzzle.announcements), lang, stage)
    text = (head + "\n\n" if head else "") + sentence + "\n\n" + (tail + "\n\n" if tail else "") + answer_line(ctx)
    report = audit_trace(ctx.puzzle, text, context=ctx)
    at = len(head.split("\n\n")) if head else 0  # the sentence's step (the retold lines are one step each)
    return len(report.steps) > at and report.steps[at].label == -1


def main() -> None:
    path = sys.argv[sys.argv.index("--file") + 1] if "--file" in sys.argv else BATTERY  # another battery of the schema
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    contexts = Contexts()
    table: dict = collections.defaultdict(collections.Counter)
    shown = []
    for row in rows:
        ctx = contexts.get(row["puzzle"], row.get("params") or None)
        c = table[row["form"]]
        c["sentences"] += 1
        alarm = flagged(ctx, row, row["true"])
        c["alarms"] += alarm
        c["caught"] += flagged(ctx, row, row["false"])
        if alarm:
            shown.append(row)
    print(f"{'form':<22}{'sentences':>10}{'alarms':>8}{'caught':>8}")
    for form, c in sorted(table.items()):
        print(f"{form:<22}{c['sentences']:>10}{c['alarms']:>8}{c['caught']:>8}")
    total = sum(table.values(), collections.Counter())
    print(f"{'all':<22}{total['sentences']:>10}{total['alarms']:>8}{total['caught']:>8}")
    if "--show" in sys.argv:
        for row in shown:
            print(f"\n[{row['form']}] {row['id']} stage {row['stage']}: {row['true']}")


if __name__ == "__main__":
    main()
