"""Helpers of the reading tests: audit a text in a puzzle's context, and the claims that flag a step."""
from epistemic.audit import audit_trace


def audit(ctx, text):
    """The audit of `text` with the shared context of its puzzle."""
    return audit_trace(ctx.puzzle, text, context=ctx)


def bad(report):
    """The claims that mark their step wrong: false or premature with strong or corroborated evidence."""
    return [c for st in report.steps for c in st.claims if c.evidence in ("strong", "corroborated")]


def answer(ctx, text):
    """The final answer the audit reads from `text`, and whether it is right."""
    report = audit(ctx, text)
    return report.final_answer, report.final_answer_correct


def closing(ctxs, puzzle, ending, params=None):
    """The answer read from an ending after the puzzle's statements retold, and whether it is right."""
    ctx = ctxs(puzzle, params)
    said = "\n\n".join(f"{a.speaker or 'Father'}: “{dict(a.texts)['en']}”" for a in ctx.puzzle.announcements)
    return answer(ctx, said + "\n\n" + ending)


def said(ctx, n: int | None = None, lang: str = "en") -> str:
    """The puzzle's first n statements (all by default), one paragraph each: quoted after the speaker ("P says:
    “…”", "P：“…”"), or the text alone where the statement names none."""
    def one(a):
        text = dict(a.texts)[lang]
        if not a.speaker:
            return text
        return f"{a.speaker}：“{text}”" if lang == "zh" else f"{a.speaker} says: “{text}”"
    return "\n\n".join(one(a) for a in ctx.puzzle.announcements[:n])


def claims(report, kind=None):
    """Every claim of a report, in step order (of one kind, when given)."""
    return [c for st in report.steps for c in st.claims if kind is None or c.record.kind == kind]


def formulas(report, kind=None):
    """The formulas of `claims(report, kind)`."""
    return [c.formula for c in claims(report, kind)]
