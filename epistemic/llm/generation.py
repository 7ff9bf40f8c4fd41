"""Streaming and batched generation with thinking/answer split and token counts."""

from __future__ import annotations

import time
from typing import Any, Callable, Sequence

from . import fastdecode
from .completion import Generation, finish, fit_context, make_streamer
from .errors import require
from .loading import LoadedModel
from .memory import oom_guard
from .prompting import Prompt
from .settings import Settings, to_generation_config

__all__ = ["Generation", "generate", "timed"]


def generate(
    loaded: LoadedModel,
    prompts: Sequence[Prompt],
    settings: Settings,
    num_samples: int = 1,
    logits_processors: Sequence[Any] = (),
    on_text: Callable[[str], None] | None = None,
    stop_strings: Sequence[str] = (),
) -> list[Generation]:
    """Generate `num_samples` completions for each prompt in one padded batch (prompt-major order).

    With `settings.decoder == "fast"` the fast decoder (fastdecode.py) runs where it applies; where it
    does not, transformers' `generate` runs and each Generation's warnings say why."""
    fallback: tuple[str, ...] = ()
    if settings.decoder == "fast":
        why = fastdecode.unsupported(loaded, settings, logits_processors, stop_strings)
        if why is None:
            return fastdecode.generate(loaded, prompts, settings, num_samples, on_text)
        fallback = (f"decoder 'fast' not used: {why}; decoded with transformers' generate",)
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
        finish(loaded, ids, prompts[i // num_samples], prompt_lens[i // num_samples],
               i % num_samples, settings, fallback + notes, stop_strings)
        for i, ids in enumerate(new)
    ]


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
