"""A finished completion: the `Generation` record, and how token ids become one (cut, decode, split, count).

Shared by transformers' `generate` path (generation.py) and the fast decoder (fastdecode.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Sequence

from .errors import ContextLengthError, require
from .loading import LoadedModel
from .prompting import Prompt
from .settings import Settings
from .thinking import count_tokens, split_thinking


@dataclass(frozen=True)
class Generation:
    """One sampled completion with its split and token counts."""

    text: str
    thinking: str
    answer: str
    split_method: str
    prompt_tokens: int
    thinking_tokens: int
    answer_tokens: int
    finish_reason: str  # "stop" (end-of-sequence or stop string) or "length"
    sample: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    token_ids: tuple[int, ...] = field(default_factory=tuple, repr=False)

    @property
    def generated_tokens(self) -> int:
        """Thinking plus answer tokens."""
        return self.thinking_tokens + self.answer_tokens

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        d = asdict(self)
        d.pop("token_ids")
        d["warnings"] = list(self.warnings)
        d["generated_tokens"] = self.generated_tokens
        return d


def make_streamer(tokenizer: Any, on_text: Callable[[str], None]):
    """A transformers TextStreamer that hands each finished piece of text to `on_text`."""
    transformers = require("transformers")

    class CallbackStreamer(transformers.TextStreamer):
        def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
            if text:
                on_text(text)

    return CallbackStreamer(tokenizer, skip_prompt=True, skip_special_tokens=True)


def fit_context(loaded: LoadedModel, prompt_len: int, settings: Settings) -> tuple[Settings, tuple[str, ...]]:
    """Check the prompt fits the context; shrink max_new_tokens if prompt + output would not."""
    ctx = loaded.context_length
    if ctx is None:
        return settings, ()
    if prompt_len >= ctx:
        raise ContextLengthError(
            f"the prompt has {prompt_len} tokens but the model's context is {ctx} tokens",
            "shorten the puzzle or its system prompt, or use a model with a longer context",
        )
    if prompt_len + settings.max_new_tokens > ctx:
        room = ctx - prompt_len
        note = (f"max_new_tokens lowered from {settings.max_new_tokens} to {room} "
                f"to fit the {ctx}-token context")
        return settings.with_max_new_tokens(room), (note,)
    return settings, ()


def finish(loaded: LoadedModel, ids: list[int], prompt: Prompt, prompt_len: int, sample: int,
            settings: Settings, notes: tuple[str, ...], stop_strings: Sequence[str]) -> Generation:
    """Cut one row at its end-of-sequence, decode, split and count."""
    eos = set(loaded.eos_token_ids)
    cut = next((j for j, t in enumerate(ids) if t in eos), None)
    content = ids if cut is None else ids[:cut]
    tok = loaded.tokenizer

    def decode(part: Sequence[int]) -> str:
        return tok.decode(list(part), skip_special_tokens=True)

    text = decode(content)
    if cut is not None or any(text.endswith(s) for s in stop_strings):
        reason = "stop"
    else:
        reason = "length" if len(content) >= settings.max_new_tokens else "stop"
    split = split_thinking(text, prompt.opened_think)
    n_think, n_answer = count_tokens(decode, content, split)
    return Generation(text, split.thinking, split.answer, split.method, int(prompt_len),
                      n_think, n_answer, reason, sample, notes, tuple(content))
