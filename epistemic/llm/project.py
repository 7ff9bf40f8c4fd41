"""The runner's view of the rest of the package, imported lazily and injectable for tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable


@dataclass(frozen=True)
class ProjectAPI:
    """Functions the runner needs from epistemic: puzzles, prompts, audit, scoring, grammar."""

    load_puzzle: Callable[..., Any]
    render_prompt: Callable[..., str]
    audit_trace: Callable[[Any, str], Any]
    score_answer: Callable[[str, Any], float]
    grammar_text: Callable[[], str]
    parse_claim: Callable[[str, Any], Any] | None = None  # (claim text, puzzle) -> formula
    extract_claims_rule_based: Callable[[Any, str], Any] | None = None
    audit_context: Callable[[Any], Any] | None = None  # puzzle -> context reused by audit_trace
    read_answer: Callable[[str, Any], str | None] | None = None  # the answer the scorer read, None if none


def default_api() -> ProjectAPI:
    """The real package functions (imported on first use, so `import epistemic` stays light)."""
    from epistemic import audit, language
    from epistemic.language.load import load_puzzle
    from epistemic.tasks import render, scoring

    return ProjectAPI(
        load_puzzle=load_puzzle,
        render_prompt=render.render_prompt,
        audit_trace=audit.audit_trace,
        score_answer=scoring.score_answer,
        grammar_text=language.grammar_text,
        parse_claim=getattr(language, "parse_claim", None),
        extract_claims_rule_based=getattr(audit, "extract_claims_rule_based", None),
        audit_context=getattr(getattr(audit, "AuditContext", None), "build", None),
        read_answer=lambda text, puzzle: read_answer(text, puzzle, scoring),
    )


def read_answer(text: str, puzzle: Any, scoring: Any) -> str | None:
    """The part of `text` the scorer reads as the final answer, or None when it names no value of the
    question (the answer is missing: nothing on an `Answer:` line or last line that parses)."""
    if getattr(puzzle, "question", None) is None:
        return None
    part = scoring.final_answer_text(text)
    return part if part and scoring.parse_answer(part, puzzle) is not None else None


def to_plain(obj: Any) -> Any:
    """JSON-ready form of a report object (`to_dict()` when it has one)."""
    if hasattr(obj, "to_dict"):
        return obj.to_dict()
    return obj
