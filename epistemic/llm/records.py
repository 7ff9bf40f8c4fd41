"""One JSON record per sampled trace: generation, counts, answer score and audit."""

from __future__ import annotations

import traceback
from typing import Any

from .completion import Generation
from .project import ProjectAPI, to_plain
from .settings import Settings

SCHEMA = "epistemic.llm.trace/1"


def audit_fields(puzzle: Any, gen: Generation, api: ProjectAPI, context: Any = None) -> dict[str, Any]:
    """Answer score, correctness, first wrong step and the audit report; failures are recorded, not raised.

    `context` (from api.audit_context) lets many traces of one puzzle share one solve."""
    out: dict[str, Any] = {"final_answer": None, "answer_score": None, "correct": None, "first_error": None,
                           "audit": None, "audit_error": None}
    try:
        if api.read_answer is not None:
            out["final_answer"] = api.read_answer(gen.answer or gen.text, puzzle)
        out["answer_score"] = float(api.score_answer(gen.answer or gen.text, puzzle))
    except Exception as exc:  # noqa: BLE001 - model text is untrusted; keep going
        out["audit_error"] = f"score_answer: {type(exc).__name__}: {exc}"
    try:
        extra = {"context": context} if context is not None else {}
        report = to_plain(api.audit_trace(puzzle, gen.text, **extra))
        out["audit"] = report
        out["first_error"] = report.get("label")
    except Exception as exc:  # noqa: BLE001
        out["audit_error"] = f"audit_trace: {type(exc).__name__}: {exc}"
        out["audit_traceback"] = traceback.format_exc(limit=3)
    if out["answer_score"] is not None:
        out["correct"] = out["answer_score"] >= 1.0 - 1e-9
    elif out["audit"] is not None:
        out["correct"] = out["audit"].get("final_answer_correct")
    return out


def trace_record(gen: Generation, prompt_text: str, settings: Settings, model_path: str,
                 audit: dict[str, Any], seconds: float | None = None, **meta: Any) -> dict[str, Any]:
    """The record written by `ask --save` and by `eval` (see docs/llm.md for the schema)."""
    rec: dict[str, Any] = {"schema": SCHEMA, **meta, "sample": gen.sample, "model": model_path,
                           "settings": settings.to_dict(), "prompt": prompt_text, "text": gen.text,
                           "thinking": gen.thinking, "answer": gen.answer,
                           "tokens": {"prompt": gen.prompt_tokens, "thinking": gen.thinking_tokens,
                                      "answer": gen.answer_tokens},
                           "finish_reason": gen.finish_reason, "split_method": gen.split_method,
                           "warnings": list(gen.warnings), "seconds": seconds}
    rec.update(audit)
    return rec
