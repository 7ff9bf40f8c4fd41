"""Generation settings: the model's own generation_config, overridden where asked."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

DEFAULT_MAX_NEW_TOKENS = 2048


@dataclass(frozen=True)
class Overrides:
    """User overrides; None keeps the model's own value."""

    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    max_new_tokens: int | None = None
    seed: int | None = None
    do_sample: bool | None = None
    min_new_tokens: int | None = None
    cache_implementation: str | None = None  # "static": fixed-size KV cache, compiled decoding on GPU
    decoder: str | None = None  # "fast": the own decode loop of fastdecode.py; None/"generate": transformers'


DECODERS = ("generate", "fast")


@dataclass(frozen=True)
class Settings:
    """Resolved decoding settings, recorded with every output."""

    do_sample: bool
    temperature: float | None
    top_p: float | None
    top_k: int | None
    max_new_tokens: int
    seed: int | None
    min_new_tokens: int | None = None
    cache_implementation: str | None = None
    decoder: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return asdict(self)

    def with_max_new_tokens(self, n: int) -> "Settings":
        """Copy with another max_new_tokens."""
        return replace(self, max_new_tokens=n)


def resolve(model_config: Any, overrides: Overrides = Overrides()) -> Settings:
    """Merge a transformers GenerationConfig (or None) with user overrides."""
    base = model_config
    get = (lambda k: getattr(base, k, None)) if base is not None else (lambda k: None)
    temperature = overrides.temperature if overrides.temperature is not None else get("temperature")
    do_sample = overrides.do_sample if overrides.do_sample is not None else bool(get("do_sample"))
    if overrides.temperature is not None and overrides.do_sample is None:
        do_sample = overrides.temperature > 0
    if temperature is not None and temperature <= 0:
        do_sample, temperature = False, None
    if overrides.decoder not in (None, *DECODERS):
        from .errors import LLMError

        raise LLMError(f"unknown decoder {overrides.decoder!r}", f"use one of {', '.join(DECODERS)}")
    max_new = overrides.max_new_tokens or get("max_new_tokens") or DEFAULT_MAX_NEW_TOKENS
    return Settings(
        do_sample=do_sample,
        temperature=temperature if do_sample else None,
        top_p=(overrides.top_p if overrides.top_p is not None else get("top_p")) if do_sample else None,
        top_k=(overrides.top_k if overrides.top_k is not None else get("top_k")) if do_sample else None,
        max_new_tokens=int(max_new),
        seed=overrides.seed,
        min_new_tokens=overrides.min_new_tokens,
        cache_implementation=overrides.cache_implementation,
        decoder=None if overrides.decoder == "generate" else overrides.decoder,
    )


def to_generation_config(model_config: Any, settings: Settings):
    """A transformers GenerationConfig: the model's own, with the resolved settings applied."""
    import copy

    from transformers import GenerationConfig

    cfg = copy.deepcopy(model_config) if model_config is not None else GenerationConfig()
    cfg.do_sample = settings.do_sample
    cfg.max_new_tokens = settings.max_new_tokens
    cfg.max_length = None
    if settings.min_new_tokens is not None:
        cfg.min_new_tokens = settings.min_new_tokens
    if settings.cache_implementation is not None:
        # transformers' own fast path: with a static cache, generate() compiles the decoding step
        # (torch.compile, mode "reduce-overhead" = CUDA graphs) on a GPU; eager elsewhere.
        cfg.cache_implementation = settings.cache_implementation
    if settings.do_sample:
        cfg.temperature = settings.temperature if settings.temperature is not None else 1.0
        cfg.top_p = settings.top_p if settings.top_p is not None else 1.0
        cfg.top_k = settings.top_k if settings.top_k is not None else 0
    else:
        cfg.temperature, cfg.top_p, cfg.top_k = None, None, None
    return cfg
