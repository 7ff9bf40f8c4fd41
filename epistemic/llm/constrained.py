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

    def processor(self) -> "GrammarLogitsProcessor":
        """A fresh processor for one `generate` call."""
        return GrammarLogitsProcessor(self)


def unpack_bitmask(bitmask, vocab: int, device):
    """Boolean (batch, vocab) tensor of allowed tokens from llguidance's packed int32 bitmask."""
    torch = require("torch")
    bits = bitmask.to(device, non_blocking=True)
    shifts = torch.arange(32, device=device, dtype=torch.int32)
    allowed = ((bits.unsqueeze(-1) >> shifts) & 1).bool().reshape(bits.shape[0], -1)
    if allowed.shape[1] >= vocab:
        return allowed[:, :vocab]
    pad = torch.zeros(bits.shape[0], vocab - allowed.shape[1], dtype=torch.bool, device=device)
    return torch.cat([allowed, pad], dim=1)


class GrammarLogitsProcessor:
    """Masks every token the grammar forbids; one llguidance matcher per batch row.

    Rows whose matcher has ended (end-of-sequence consumed) or failed are left unmasked:
    transformers pads finished rows itself. `accepting[i]` is the longest number of generated
    tokens of row i that forms a complete sentence of the grammar (to cut a truncated output);
    `seconds` accumulates the time spent here.
    """

    def __init__(self, constraint: Constraint) -> None:
        self.constraint = constraint
        self.matchers: list[Any] | None = None
        self.done: list[bool] = []
        self.consumed: list[int] = []
        self.accepting: list[int] = []
        self.errors: list[str] = []
        self.seconds = 0.0
        self._executor = None
        self._usable = None

    def _start(self, batch: int) -> None:
        llg = require("llguidance")
        c = self.constraint
        self.matchers = [llg.LLMatcher(c.tokenizer, c.grammar, log_level=0) for _ in range(batch)]
        self.done = [False] * batch
        self.consumed = [0] * batch
        self.accepting = [0] * batch
        self._executor = llg.LLExecutor()

    def _consume(self, last: Sequence[int]) -> None:
        eos = set(self.constraint.tokenizer.eos_tokens)
        for i, (m, t) in enumerate(zip(self.matchers, last)):
            if self.done[i]:
                continue
            if t in eos and (m.is_accepting() or m.is_stopped()):
                self.done[i] = True
            elif not m.consume_token(t):
                self.done[i] = True
                self.errors.append(m.get_error())
            else:
                self.consumed[i] += 1
                if m.is_accepting():
                    self.accepting[i] = self.consumed[i]

    def __call__(self, input_ids, scores):
        torch = require("torch")
        t0 = time.perf_counter()
        if self.matchers is None:
            self._start(input_ids.shape[0])
        else:
            self._consume(input_ids[:, -1].tolist())
        live = [(m, i) for i, m in enumerate(self.matchers) if not self.done[i]]
        if live:
            n_words = (self.constraint.tokenizer.vocab_size + 31) // 32
            bitmask = torch.full((len(self.matchers), n_words), -1, dtype=torch.int32)
            self._executor.unsafe_compute_mask_ptr(live, bitmask.data_ptr(), n_words * 4, bitmask.shape[0])
            allowed = unpack_bitmask(bitmask, scores.shape[-1], scores.device)
            allowed = self._restrict(allowed)
            rows = torch.tensor([i for _, i in live], device=scores.device)
            forbid = torch.zeros_like(allowed)
            forbid[rows] = ~allowed[rows]
            scores = scores.masked_fill(forbid, float("-inf"))
        self.seconds += time.perf_counter() - t0
        return scores

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
