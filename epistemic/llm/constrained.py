"""Grammar-constrained decoding: one transformers LogitsProcessor driven by llguidance matchers."""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from typing import Any, Sequence

from .errors import GrammarError, require
from .portable import portable_bytes


def ll_tokenizer(hf_tokenizer: Any, n_vocab: int | None = None, eos: Sequence[int] | None = None):
    """An llguidance tokenizer built from a fast Hugging Face tokenizer (expensive: build once)."""
    llg = require("llguidance")
    backend = getattr(hf_tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise GrammarError("constrained decoding needs a fast (Rust) tokenizer",
                           "use a model folder with tokenizer.json")
    backend = copy.copy(backend)
    backend.no_padding()
    backend.no_truncation()
    return llg.LLTokenizer(backend.to_str(), n_vocab=n_vocab, eos_token=list(eos) if eos else hf_tokenizer.eos_token_id)


def compile_lark(grammar: str) -> str:
    """llguidance grammar from Lark text; GrammarError if llguidance rejects it."""
    llg = require("llguidance")
    compiled = llg.LLMatcher.grammar_from_lark(grammar)
    is_error, messages = llg.LLMatcher.validate_grammar_with_warnings(compiled)
    if is_error:
        raise GrammarError(f"llguidance rejects the grammar: {messages[0]}",
                           "keep the grammar inside the subset both python-lark and llguidance accept")
    return compiled


def portable_tokens(tokenizer: Any):
    """Boolean tensor over the vocabulary: tokens whose text is portable (see portable.py), or EOS."""
    torch = require("torch")
    eos = set(tokenizer.eos_tokens)
    flags = [i in eos or portable_bytes(tokenizer.decode_bytes([i])) for i in range(tokenizer.vocab_size)]
    return torch.tensor(flags, dtype=torch.bool)


@dataclass(frozen=True)
class Constraint:
    """A compiled grammar, the tokenizer it is matched against, and the tokens it may use."""

    grammar: str  # compiled llguidance grammar
    tokenizer: Any  # llguidance.LLTokenizer
    usable: Any = None  # bool tensor over the vocabulary, or None for every token

    @classmethod
    def from_lark(cls, lark_text: str, hf_tokenizer: Any, n_vocab: int | None = None,
                  eos: Sequence[int] | None = None, portable: bool = True) -> "Constraint":
        """Compile `lark_text` for `hf_tokenizer` (n_vocab: the model's logits width).

        With `portable`, tokens whose characters Rust and Python regexes classify differently
        are never sampled, so outputs re-parse in python-lark.
        """
        tok = ll_tokenizer(hf_tokenizer, n_vocab, eos)
        return cls(compile_lark(lark_text), tok, portable_tokens(tok) if portable else None)

    def with_grammar(self, lark_text: str) -> "Constraint":
        """The same tokenizer and usable tokens with another grammar (compiling is cheap; the tokenizer is not)."""
        return Constraint(compile_lark(lark_text), self.tokenizer, self.usable)

    def processor(self) -> "GrammarLogitsProcessor":
        """A fresh processor for one `generate` call."""
        return GrammarLogitsProcessor(self)


def unpack_bitmask(bitmask, vocab: int, device):
    """Boolean (batch, vocab) tensor of allowed tokens from llguidance's packed int32 bitmask."""
    torch = require("torch")
    bits = bitmask.to(device, non_blocking=True)  # pinned host memory: an asynchronous copy
    shifts = torch.arange(32, device=device, dtype=torch.int32)
    allowed = ((bits.unsqueeze(-1) >> shifts) & 1).bool().reshape(bits.shape[0], -1)
    if allowed.shape[1] >= vocab:
        return allowed[:, :vocab]
    pad = torch.zeros(bits.shape[0], vocab - allowed.shape[1], dtype=torch.bool, device=device)
    return torch.cat([allowed, pad], dim=1)


class GrammarLogitsProcessor:
    """Masks every token the grammar forbids; one llguidance matcher per batch row.

    With its `stopping_hook()` installed (generation.generate does this), the next mask is
    computed on a worker thread while the GPU runs the next forward pass; without it, the mask
    is computed when the logits arrive. Rows whose matcher has ended (end-of-sequence consumed)
    or failed are left unmasked: transformers pads finished rows itself. `accepting[i]` is the
    longest number of generated tokens of row i that forms a complete sentence of the grammar
    (to cut a truncated output). `seconds` is the host time added to the decoding loop, of which
    `wait_seconds` is spent waiting for the worker and `start_seconds` creating the matchers;
    `mask_seconds` is the time spent computing masks (overlapped with the GPU when hooked).
    """

    def __init__(self, constraint: Constraint) -> None:
        self.constraint = constraint
        self.matchers: list[Any] | None = None
        self.done: list[bool] = []
        self.consumed: list[int] = []
        self.accepting: list[int] = []
        self.errors: list[str] = []
        self.seconds = 0.0
        self.wait_seconds = 0.0
        self.start_seconds = 0.0
        self.mask_seconds = 0.0
        self._executor = None
        self._usable = None
        self._bitmask = None
        self._seen = 0
        self._pending = None
        self._pool = None

    def stopping_hook(self) -> "MaskAhead":
        """A stopping criterion (never stops) that starts the next mask as soon as a token is sampled."""
        return MaskAhead(self)

    def _start(self, batch: int) -> None:
        llg = require("llguidance")
        torch = require("torch")
        from concurrent.futures import ThreadPoolExecutor

        c = self.constraint
        self.matchers = [llg.LLMatcher(c.tokenizer, c.grammar, log_level=0) for _ in range(batch)]
        self.done = [False] * batch
        self.consumed = [0] * batch
        self.accepting = [0] * batch
        self._executor = llg.LLExecutor()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llguidance-mask")
        shape = (batch, (c.tokenizer.vocab_size + 31) // 32)
        try:
            self._bitmask = torch.full(shape, -1, dtype=torch.int32, pin_memory=torch.cuda.is_available())
        except RuntimeError:
            self._bitmask = torch.full(shape, -1, dtype=torch.int32)

    def _consume(self, last: Sequence[int]) -> None:
        """Advance every live matcher by its row's token (in parallel, outside the GIL)."""
        eos = set(self.constraint.tokenizer.eos_tokens)
        todo = []
        for i, (m, t) in enumerate(zip(self.matchers, last)):
            if self.done[i]:
                continue
            if t in eos and (m.is_accepting() or m.is_stopped()):
                self.done[i] = True
            else:
                todo.append((i, m, t))
        if not todo:
            return
        results = self._executor.consume_token_par([(m, t) for _, m, t in todo])
        for (i, m, _), ok in zip(todo, results):
            if not ok:
                self.done[i] = True
                self.errors.append(m.get_error())
            else:
                self.consumed[i] += 1
                if m.is_accepting():
                    self.accepting[i] = self.consumed[i]

    def _fill(self) -> None:
        """Masks of the live rows into the bitmask; other rows allow everything."""
        t0 = time.perf_counter()
        with require("torch").inference_mode():  # the bitmask may be an inference tensor
            self._bitmask.fill_(-1)
        live = [(m, i) for i, m in enumerate(self.matchers) if not self.done[i]]
        if live:
            bm = self._bitmask
            self._executor.unsafe_compute_mask_ptr(live, bm.data_ptr(), bm.shape[1] * 4, bm.shape[0])
        self.mask_seconds += time.perf_counter() - t0

    def observe(self, input_ids) -> None:
        """Consume the tokens just sampled and start the next mask (called before the next forward)."""
        if self.matchers is None or self._seen == input_ids.shape[1]:
            return
        last = input_ids[:, -1].tolist()  # cheap here: the next forward is not queued yet
        t0 = time.perf_counter()
        self._seen = input_ids.shape[1]
        self._pending = self._pool.submit(self._advance, last)
        self.seconds += time.perf_counter() - t0

    def _advance(self, last: Sequence[int]) -> None:
        """Worker: consume the sampled tokens, then compute the next masks."""
        self._consume(last)
        self._fill()

    def __call__(self, input_ids, scores):
        if self.matchers is None:
            t0 = time.perf_counter()
            self._start(input_ids.shape[0])
            self._seen = input_ids.shape[1]
            self._fill()
            self.start_seconds = time.perf_counter() - t0
        elif self._seen != input_ids.shape[1]:  # not hooked: consume now (waits for the GPU)
            last = input_ids[:, -1].tolist()
            t0 = time.perf_counter()
            self._seen = input_ids.shape[1]
            self._consume(last)
            self._fill()
        else:
            t0 = time.perf_counter()
            self._pending.result()
            self.wait_seconds += time.perf_counter() - t0
        if not all(self.done):
            scores = self._mask(scores)
        self.seconds += time.perf_counter() - t0
        return scores

    def _mask(self, scores):
        """Scores with every token the bitmask (intersected with the usable tokens) forbids at -inf."""
        allowed = self._restrict(unpack_bitmask(self._bitmask, scores.shape[-1], scores.device))
        return scores.masked_fill(~allowed, float("-inf"))

    def _restrict(self, allowed):
        """Intersect with the usable tokens, except in rows where nothing would be left."""
        usable = self.constraint.usable
        if usable is None:
            return allowed
        if self._usable is None or self._usable.device != allowed.device:
            width = allowed.shape[1]
            u = usable[:width].to(allowed.device)
            if u.shape[0] < width:
                u = require("torch").cat([u, u.new_zeros(width - u.shape[0])])
            self._usable = u
        both = allowed & self._usable
        empty = ~both.any(dim=1, keepdim=True)
        return require("torch").where(empty, allowed, both)


class MaskAhead:
    """Stopping criterion that never stops: it hands each sampled token to the grammar processor."""

    def __init__(self, processor: GrammarLogitsProcessor) -> None:
        self.processor = processor

    def __call__(self, input_ids, scores, **kwargs):
        self.processor.observe(input_ids)
        return require("torch").zeros(input_ids.shape[0], dtype=require("torch").bool, device=input_ids.device)
