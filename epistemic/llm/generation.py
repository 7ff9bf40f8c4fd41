"""Streaming and batched generation with thinking/answer split and token counts."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Sequence

from .errors import ContextLengthError, require
from .loading import LoadedModel
from .memory import oom_guard
from .prompting import Prompt
from .settings import Settings, to_generation_config
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


def generate(
    loaded: LoadedModel,
    prompts: Sequence[Prompt],
    settings: Settings,
    num_samples: int = 1,
    logits_processors: Sequence[Any] = (),
    on_text: Callable[[str], None] | None = None,
    stop_strings: Sequence[str] = (),
) -> list[Generation]:
    """Generate `num_samples` completions for each prompt in one padded batch (prompt-major order)."""
    torch = require("torch")
    transformers = require("transformers")
    tok, model = loaded.tokenizer, loaded.model
    repeat = 1 if settings.do_sample else num_samples  # greedy: transformers refuses num_return_sequences
    texts = [p.text for p in prompts for _ in range(repeat)]
    special = {p.add_special_tokens for p in prompts}
    if len(special) > 1:
        raise ValueError("one batch mixes chat-template prompts and plain-text prompts")
    enc = tok(texts, return_tensors="pt", padding=True, add_special_tokens=special.pop())
    enc = {k: v.to(model.device) for k, v in enc.items()}
    prompt_lens = enc["attention_mask"].sum(dim=1).tolist()[::repeat]
    settings, notes = fit_context(loaded, enc["input_ids"].shape[1], settings)
    cfg = to_generation_config(loaded.generation_config, settings)
    cfg.num_return_sequences = num_samples // repeat
    cfg.pad_token_id = tok.pad_token_id
    cfg.eos_token_id = list(loaded.eos_token_ids)
    if stop_strings:
        cfg.stop_strings = list(stop_strings)
    if settings.seed is not None:
        transformers.set_seed(settings.seed)
    streamer = None
    if on_text is not None and len(prompts) == 1 and num_samples == 1:
        streamer = make_streamer(tok, on_text)
    kwargs: dict[str, Any] = {"generation_config": cfg, "streamer": streamer}
    if logits_processors:
        kwargs["logits_processor"] = transformers.LogitsProcessorList(list(logits_processors))
        hooks = [p.stopping_hook() for p in logits_processors if hasattr(p, "stopping_hook")]
        if hooks:
            kwargs["stopping_criteria"] = transformers.StoppingCriteriaList(hooks)
    if stop_strings:
        kwargs["tokenizer"] = tok
    with oom_guard(f"generating a batch of {len(prompts)}×{num_samples}"), torch.inference_mode():
        out = model.generate(**enc, **kwargs)
    new = out[:, enc["input_ids"].shape[1]:].tolist()
    return [
        _finish(loaded, ids, prompts[i // num_samples], prompt_lens[i // num_samples],
                i % num_samples, settings, notes, stop_strings)
        for i, ids in enumerate(new)
    ]


def _finish(loaded: LoadedModel, ids: list[int], prompt: Prompt, prompt_len: int, sample: int,
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


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """Run `fn`, return (result, seconds), synchronising the GPU if one is used."""
    torch = require("torch")
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    t0 = time.perf_counter()
    result = fn()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
    return result, time.perf_counter() - t0
