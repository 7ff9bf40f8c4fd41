"""Turn a puzzle statement into the exact prompt text the model sees."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .thinking import THINK_OPEN


@dataclass(frozen=True)
class Prompt:
    """Rendered prompt text, whether the template already opened a <think> block, and whether the
    tokenizer should add its special tokens (BOS): yes for plain text, no when a chat template
    already wrote them into the text."""

    text: str
    opened_think: bool
    add_special_tokens: bool = False


def messages_for(statement: str, system: str | None = None) -> list[dict[str, str]]:
    """Chat messages: an optional system turn, then the puzzle as the user turn."""
    msgs = [{"role": "system", "content": system}] if system else []
    return msgs + [{"role": "user", "content": statement}]


def render_chat(
    tokenizer: Any,
    messages: list[dict[str, str]],
    use_template: bool = True,
    enable_thinking: bool | None = None,
) -> Prompt:
    """Apply the model's chat template (or join the plain text when use_template is False)."""
    if not use_template:
        return Prompt("\n\n".join(m["content"] for m in messages) + "\n\n", False, add_special_tokens=True)
    kwargs: dict[str, Any] = {"tokenize": False, "add_generation_prompt": True}
    if enable_thinking is not None:
        kwargs["enable_thinking"] = enable_thinking
    text = tokenizer.apply_chat_template(messages, **kwargs)
    tail = text[-40:]
    return Prompt(text, THINK_OPEN in tail and "</think>" not in tail)


def puzzle_prompt(
    tokenizer: Any,
    statement: str,
    system: str | None = None,
    use_template: bool = True,
    enable_thinking: bool | None = None,
) -> Prompt:
    """The prompt for one puzzle statement (already rendered to natural language)."""
    return render_chat(tokenizer, messages_for(statement, system), use_template, enable_thinking)
