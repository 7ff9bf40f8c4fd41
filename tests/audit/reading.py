"""Helpers of the reading tests: audit a text in a puzzle's context, and the claims that flag a step."""
from epistemic.audit import audit_trace


def audit(ctx, text):
    """The audit of `text` with the shared context of its puzzle."""
    return audit_trace(ctx.puzzle, text, context=ctx)


def bad(report):
    """The claims that mark their step wrong: false or premature with strong or corroborated evidence."""
    return [c for st in report.steps for c in st.claims if c.evidence in ("strong", "corroborated")]
