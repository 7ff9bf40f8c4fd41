"""The fast decoder: an own decoding loop over transformers' StaticCache.

One step — the forward pass of one token per row, repetition penalty, min-new-tokens, temperature, top-k,
top-p and the draw — is one function; on a CUDA GPU it is compiled (`torch.compile`, mode
`reduce-overhead`: CUDA graphs), so a step is one graph replay with no host sync. The host reads the new
tokens back only every `CHECK_EVERY` steps to look for end-of-sequence (and to stream), and cuts each row
at its first end-of-sequence afterwards, so the output is what a per-step check gives. On CPU the same
loop runs uncompiled (same tokens, no speed-up). Greedy decoding gives transformers' greedy `generate`
token for token; sampling draws from the same distribution (top-k first, then top-p within the k) by the
exponential-race trick (argmax of p / E, E ~ Exp(1)) with noise from a generator seeded by
`settings.seed`, so a seed gives the same tokens every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from .completion import Generation, finish, fit_context, make_streamer
from .errors import LLMError, require
from .loading import LoadedModel
from .memory import oom_guard
from .prompting import Prompt
from .settings import Settings, to_generation_config

CHECK_EVERY = 8  # steps between two host reads of the new tokens (end-of-sequence check, streaming)
CACHE_BUCKET = 64  # KV-cache lengths rounded up to a multiple: prompts of similar length share one compiled step
KEEP_SESSIONS = 4  # (batch, cache length, settings) shapes kept with their caches per model; the oldest is dropped

# Generation-config fields the fast step does not implement, with the value that switches each off.
NEUTRAL = {
    "no_repeat_ngram_size": (None, 0), "bad_words_ids": (None,), "sequence_bias": (None,),
    "min_length": (None, 0), "forced_bos_token_id": (None,), "forced_eos_token_id": (None,),
    "suppress_tokens": (None,), "begin_suppress_tokens": (None,), "exponential_decay_length_penalty": (None,),
    "encoder_repetition_penalty": (None, 1.0), "guidance_scale": (None, 1.0), "watermarking_config": (None,),
    "renormalize_logits": (None, False), "remove_invalid_values": (None, False), "num_beams": (None, 1),
    "penalty_alpha": (None,), "max_time": (None,), "stop_strings": (None,),
}
NEUTRAL_SAMPLING = {"min_p": (None,), "typical_p": (None, 1.0), "epsilon_cutoff": (None, 0.0),
                    "eta_cutoff": (None, 0.0), "top_h": (None,)}


@dataclass(frozen=True)
class SamplingParams:
    """What one step does to the logits before it picks a token (constants of the compiled step)."""

    greedy: bool
    temperature: float = 1.0
    top_k: int = 0  # 0: no top-k
    top_p: float = 1.0  # 1.0: no top-p
    repetition_penalty: float = 1.0
    min_new_tokens: int = 0

    @property
    def noise_width(self) -> int | None:
        """Columns of exponential noise a sampled step needs (None: the whole vocabulary; 0: greedy)."""
        return 0 if self.greedy else (self.top_k or None)


def sampling_params(loaded: LoadedModel, settings: Settings, vocab: int) -> SamplingParams:
    """The step's constants from the resolved settings and the model's generation config."""
    cfg = to_generation_config(loaded.generation_config, settings)
    penalty = float(getattr(cfg, "repetition_penalty", None) or 1.0)
    min_new = int(settings.min_new_tokens or 0)
    if not settings.do_sample:
        return SamplingParams(True, repetition_penalty=penalty, min_new_tokens=min_new)
    top_k = int(cfg.top_k or 0)
    return SamplingParams(False, float(cfg.temperature or 1.0), min(top_k, vocab), float(cfg.top_p or 1.0),
                          penalty, min_new)


def unsupported(loaded: LoadedModel, settings: Settings, logits_processors: Sequence[Any] = (),
                stop_strings: Sequence[str] = ()) -> str | None:
    """Why the fast decoder cannot run these settings on this model, or None when it can."""
    if logits_processors:
        return "grammar-constrained decoding (a logits processor) needs the host at every step"
    if stop_strings:
        return "stop strings are matched on the decoded text at every step"
    cfg = to_generation_config(loaded.generation_config, settings)
    fields = dict(NEUTRAL, **(NEUTRAL_SAMPLING if settings.do_sample else {}))
    odd = sorted(k for k, ok in fields.items() if getattr(cfg, k, None) not in ok)
    if odd:
        return f"the generation config sets {', '.join(odd)}, which the fast step does not implement"
    if settings.do_sample and cfg.temperature is not None and cfg.temperature <= 0:
        return "a temperature of 0 or less"
    model = loaded.model
    if getattr(model.config, "is_encoder_decoder", False):
        return "encoder-decoder models are not supported"
    if compiles(loaded):
        if getattr(model, "is_quantized", False):
            return "quantized weights are not compiled"
        if not getattr(model, "_can_compile_fullgraph", False):
            return f"{type(model).__name__} does not declare that it compiles as one graph"
        layer_types = getattr(model.config.get_text_config(decoder=True), "layer_types", None) or []
        if any(t != "full_attention" for t in layer_types):
            return "sliding-window layers keep a host-side counter in the static cache"
    return None


def compiles(loaded: LoadedModel) -> bool:
    """Whether the step is compiled: on CUDA devices only (on CPU it runs as is)."""
    return str(loaded.device).startswith("cuda")


def processed(logits: Any, seen: Any, step: Any, eos: Any, params: SamplingParams) -> Any:
    """The logits after transformers' processors that come before the warpers: repetition penalty over
    the tokens `seen` so far, then end-of-sequence forbidden while `step` < min_new_tokens."""
    import torch  # a plain import: the compiled step traces through this function

    if params.repetition_penalty != 1.0:
        p = params.repetition_penalty
        logits = torch.where(seen, torch.where(logits < 0, logits * p, logits / p), logits)
    if params.min_new_tokens > 0:
        logits = torch.where(step < params.min_new_tokens, logits.index_fill(1, eos, float("-inf")), logits)
    return logits


def candidates(logits: Any, params: SamplingParams) -> tuple[Any, Any]:
    """Temperature, top-k, then top-p within the k: (unnormalised probabilities [B, w], their token ids).

    A token is kept while the probability mass ranked above it is below top_p (the first always), which
    is transformers' TopPLogitsWarper rule written from the top instead of from the bottom."""
    import torch

    logits = logits / params.temperature
    if params.top_k:
        values, index = torch.topk(logits, params.top_k, dim=-1)
    else:
        values, index = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(values, dim=-1)
    if params.top_p < 1.0:
        above = probs.cumsum(dim=-1) - probs
        probs = probs.masked_fill(above >= max(params.top_p, 1e-9), 0.0)
    return probs, index


def choose(logits: Any, noise: Any, seen: Any, step: Any, eos: Any, params: SamplingParams) -> Any:
    """The next token of each row from float32 logits [B, V]: argmax, or a draw from the candidates.

    `noise` [B, width] holds Exp(1) draws (sampling only): argmax of p / E picks token i with probability
    p_i / sum(p). `seen` [B, V] marks the tokens so far (repetition penalty only), `step` counts the
    tokens generated before this one (a 0-d tensor)."""
    import torch

    logits = processed(logits, seen, step, eos, params)
    if params.greedy:
        return logits.argmax(dim=-1)
    probs, index = candidates(logits, params)
    pick = torch.argmax(probs / noise, dim=-1, keepdim=True)
    return index.gather(-1, pick).squeeze(-1)


@dataclass
class Buffers:
    """The step's tensors, at fixed addresses so that one captured graph serves every step and call."""

    tokens: Any  # [B, 1] the last token of each row, the next step's input
    positions: Any  # [B, 1] its position (prompt tokens before it, padding excluded)
    mask: Any  # [B, L] 1 for real tokens, 0 for left padding; ones after the prompt
    step: Any  # 0-d: tokens generated so far
    history: Any  # [B, L] the generated tokens
    noise: Any  # [B, width] Exp(1) draws of this step (sampling), else [B, 0]
    seen: Any  # [B, V] tokens seen so far (repetition penalty), else [B, 0]
    eos: Any  # [n] end-of-sequence ids


def record(buffers: Buffers, nxt: Any, params: SamplingParams) -> None:
    """Store the chosen tokens [B] and make them the next step's input."""
    buffers.history.index_copy_(1, buffers.step.view(1), nxt.view(-1, 1))
    buffers.tokens.copy_(nxt.view(-1, 1))
    buffers.positions.add_(1)
    buffers.step.add_(1)
    if params.repetition_penalty != 1.0:
        buffers.seen.scatter_(1, nxt.view(-1, 1), True)


def cache_argument(model: Any) -> str:
    """The forward's name for the KV cache: `cache` in newer transformers, `past_key_values` before."""
    import inspect

    return "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"


def decode_step(model: Any, cache: Any, buffers: Buffers, params: SamplingParams, cache_arg: str) -> None:
    """One token for every row: forward pass, processors, choice, bookkeeping; all on the device."""
    out = model(input_ids=buffers.tokens, attention_mask=buffers.mask, position_ids=buffers.positions,
                use_cache=True, **{cache_arg: cache})
    logits = out.logits[:, -1, :].float()
    record(buffers, choose(logits, buffers.noise, buffers.seen, buffers.step, buffers.eos, params), params)


class Session:
    """A static KV cache and the step's buffers for one (batch, cache length, settings) shape, reused across calls."""

    def __init__(self, loaded: LoadedModel, batch: int, cache_len: int, params: SamplingParams) -> None:
        torch = require("torch")
        transformers = require("transformers")
        model, dev = loaded.model, loaded.model.device
        self.params, self.cache_len = params, cache_len
        self.cache_arg = cache_argument(model)
        self.cache = transformers.StaticCache(config=model.config, max_cache_len=cache_len)
        vocab = model.config.get_text_config(decoder=True).vocab_size
        width = {0: 0, None: vocab}.get(params.noise_width, params.noise_width)
        long = dict(dtype=torch.long, device=dev)
        self.buffers = Buffers(
            tokens=torch.zeros((batch, 1), **long), positions=torch.zeros((batch, 1), **long),
            mask=torch.ones((batch, cache_len), **long), step=torch.zeros((), **long),
            history=torch.zeros((batch, cache_len), **long),  # room for any max_new that fits the cache
            noise=torch.ones((batch, width), dtype=torch.float32, device=dev),
            seen=torch.zeros((batch, vocab if params.repetition_penalty != 1.0 else 0), dtype=torch.bool, device=dev),
            eos=torch.tensor(list(loaded.eos_token_ids), **long))
        self.step: Callable[..., None] = decode_step
        if compiles(loaded):
            for t in vars(self.buffers).values():
                torch._dynamo.mark_static_address(t)
            # not fullgraph: a graph break (some other architecture) splits the step instead of failing it
            self.step = torch.compile(decode_step, mode="reduce-overhead", dynamic=False)
        self.compiled = compiles(loaded)

    def prefill(self, model: Any, input_ids: Any, attention_mask: Any, generator: Any) -> None:
        """Reset the cache, run the prompt (eager) and choose the first token."""
        n = input_ids.shape[1]
        self.cache.reset()
        buf = self.buffers
        buf.mask.fill_(1)
        buf.mask[:, :n].copy_(attention_mask)
        positions = (attention_mask.long().cumsum(-1) - 1).masked_fill(attention_mask == 0, 0)
        buf.positions.copy_(positions[:, -1:])
        buf.step.zero_()
        if buf.seen.shape[1]:
            buf.seen.zero_()
            buf.seen.scatter_(1, input_ids, True)  # as transformers: the prompt's padding counts as seen too
        out = model(input_ids=input_ids, attention_mask=buf.mask, position_ids=positions, use_cache=True,
                    logits_to_keep=1, **{self.cache_arg: self.cache})
        self.draw_noise(generator)
        nxt = choose(out.logits[:, -1, :].float(), buf.noise, buf.seen, buf.step, buf.eos, self.params)
        record(buf, nxt, self.params)
        del out

    def draw_noise(self, generator: Any) -> None:
        """Fresh Exp(1) noise for the next draw (nothing when greedy)."""
        if self.buffers.noise.shape[1]:
            self.buffers.noise.exponential_(generator=generator)

    def advance(self, model: Any, generator: Any) -> None:
        """One decoding step (a graph replay when compiled)."""
        self.draw_noise(generator)
        if self.compiled:
            require("torch").compiler.cudagraph_mark_step_begin()
        self.step(model, self.cache, self.buffers, self.params, self.cache_arg)


def session_for(loaded: LoadedModel, batch: int, prompt_len: int, max_new: int, params: SamplingParams) -> Session:
    """The model's session for this shape, made on first use; at most KEEP_SESSIONS are kept per model."""
    need = prompt_len + max_new
    cache_len = -(-need // CACHE_BUCKET) * CACHE_BUCKET
    if loaded.context_length:
        cache_len = max(need, min(cache_len, loaded.context_length))
    sessions: dict = loaded.reusable.setdefault("fastdecode", {})
    key = (batch, cache_len, params)
    if key in sessions:
        sessions[key] = sessions.pop(key)  # most recently used last
        return sessions[key]
    while len(sessions) >= KEEP_SESSIONS:
        sessions.pop(next(iter(sessions)))
    sessions[key] = Session(loaded, batch, cache_len, params)
    return sessions[key]


@dataclass(frozen=True)
class RowEnd:
    """Where one row's first end-of-sequence fell (index into its new tokens), if it has one yet."""

    at: int | None = None


def scan(chunk: list[list[int]], offset: int, ends: list[RowEnd], eos: frozenset[int]) -> list[RowEnd]:
    """Rows' ends after reading the new tokens `chunk` (row-major) that start at index `offset`."""
    out = []
    for end, row in zip(ends, chunk):
        if end.at is None:
            hit = next((j for j, t in enumerate(row) if t in eos), None)
            end = RowEnd(None if hit is None else offset + hit)
        out.append(end)
    return out


def generate(loaded: LoadedModel, prompts: Sequence[Prompt], settings: Settings, num_samples: int = 1,
             on_text: Callable[[str], None] | None = None, check_every: int = CHECK_EVERY) -> list[Generation]:
    """`num_samples` completions of each prompt (prompt-major order), decoded by the fast loop."""
    torch = require("torch")
    if check_every < 1:
        raise LLMError(f"check_every must be at least 1, not {check_every}")
    tok, model = loaded.tokenizer, loaded.model
    texts = [p.text for p in prompts for _ in range(num_samples)]
    special = {p.add_special_tokens for p in prompts}
    if len(special) > 1:
        raise ValueError("one batch mixes chat-template prompts and plain-text prompts")
    enc = tok(texts, return_tensors="pt", padding=True, add_special_tokens=special.pop())
    input_ids, attention_mask = enc["input_ids"].to(model.device), enc["attention_mask"].to(model.device)
    prompt_lens = enc["attention_mask"].sum(dim=1).tolist()
    settings, notes = fit_context(loaded, input_ids.shape[1], settings)
    max_new = settings.max_new_tokens
    vocab = model.config.get_text_config(decoder=True).vocab_size
    params = sampling_params(loaded, settings, vocab)
    generator = None
    if settings.seed is not None and not params.greedy:
        generator = torch.Generator(device=model.device).manual_seed(settings.seed)
    streamer = make_streamer(tok, on_text) if on_text is not None and len(texts) == 1 else None
    eos = frozenset(loaded.eos_token_ids)
    batch = len(texts)
    with oom_guard(f"generating a batch of {len(prompts)}×{num_samples}"), torch.inference_mode():
        session = session_for(loaded, batch, input_ids.shape[1], max_new, params)
        session.prefill(model, input_ids, attention_mask, generator)
        if streamer is not None:
            streamer.put(input_ids[0].cpu())
        done, ends = 0, [RowEnd()] * batch
        made = 1
        while True:
            chunk = session.buffers.history[:, done:made].tolist()  # the one host sync per CHECK_EVERY steps
            ends = scan(chunk, done, ends, eos)
            if streamer is not None:
                stop = len(chunk[0]) if ends[0].at is None else ends[0].at - done + 1
                if stop > 0:
                    streamer.put(torch.tensor(chunk[0][:stop]))
            done = made
            if made >= max_new or all(e.at is not None for e in ends):
                break
            for _ in range(min(check_every, max_new - made)):
                session.advance(model, generator)
                made += 1
        rows = session.buffers.history[:, :made].tolist()
    if streamer is not None:
        streamer.end()
    out = []
    for i, (ids, end) in enumerate(zip(rows, ends)):
        ids = ids if end.at is None else ids[: end.at + 1]
        out.append(finish(loaded, ids, prompts[i // num_samples], prompt_lens[i], i % num_samples,
                          settings, notes, ()))
    return out
