"""Build small local models for tests and benchmarks: byte-level tokenizer + random Qwen2."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from .errors import require

SPECIAL = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")
THINK = ("<think>", "</think>")

# A Qwen-style chat template; `enable_thinking=false` pre-fills an empty think block.
CHAT_TEMPLATE = (
    "{%- for message in messages -%}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}"
    "{{ '<|im_start|>assistant\\n' }}"
    "{%- if enable_thinking is defined and enable_thinking is false -%}"
    "{{ '<think>\\n\\n</think>\\n\\n' }}"
    "{%- endif -%}"
    "{%- endif -%}"
)

CORPUS = (
    "P knows card. Q knows not P knows card. before(Q knows not P knows card). "
    "P says: I don't know the card. Q: I knew you didn't know. Now I know. "
    "hearts spades clubs diamonds A Q 4 J 8 2 7 3 K 5 6 card suit rank x y sum product "
    "answer stage worlds agent observes puzzle ( ) ; = + * < > and or not if then "
    "我不知道这张牌。我知道你不知道这张牌。现在我知道这张牌了。我也知道了。方块5 红桃 黑桃 草花 "
)


def byte_level_tokenizer(vocab_size: int = 400, corpus: str = CORPUS):
    """A trained byte-level BPE `tokenizers.Tokenizer` with Qwen-like special tokens."""
    tk = require("tokenizers", "test")
    from tokenizers import decoders, models, pre_tokenizers, trainers

    tok = tk.Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=list(SPECIAL),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False,
    )
    tok.train_from_iterator([corpus] * 4, trainer=trainer)
    tok.add_tokens([tk.AddedToken(t, special=False, normalized=False) for t in THINK])
    return tok


def vocab_words() -> list[str]:
    """Common English words of puzzle statements and reasoning (for a realistic synthetic vocabulary)."""
    return ("the a an is it of in on to and or not that this there are was were be card cards drawer "
            "playing professor picks tells its rank suit know knows knew don't now too which think step "
            "by then give as one two three four five mr so if only because must can cannot possible "
            "remaining worlds after before said says first second answer hearts spades clubs diamonds "
            "therefore means unique rule out eliminate left case cases each every would could").split()


def synthetic_bpe_tokenizer(n_tokens: int, seed: int = 0):
    """A byte-level BPE tokenizer with about `n_tokens` entries, made by random merges (for benchmarks)."""
    tk = require("tokenizers", "test")
    from tokenizers import decoders, models, pre_tokenizers

    alphabet = pre_tokenizers.ByteLevel.alphabet()
    vocab = {ch: i for i, ch in enumerate(sorted(alphabet))}
    letters = [c for c in vocab if (c.isascii() and c.isalnum()) or c == "Ġ"]
    rng = random.Random(seed)
    pool = list(letters)
    merges: list[tuple[str, str]] = []
    n_base = len(SPECIAL) + len(THINK)
    for word in re.findall(r" ?[A-Za-z]+", CORPUS + " " + " ".join(vocab_words())):
        word = word.replace(" ", "Ġ")
        for k in range(2, len(word) + 1):  # prefix merges: real words become single tokens
            if word[:k] not in vocab:
                vocab[word[:k]] = len(vocab)
                merges.append((word[:k - 1], word[k - 1]))
    while len(vocab) < n_tokens - n_base:
        a = rng.choice(pool)
        b = rng.choice(letters) if rng.random() < 0.6 else rng.choice(pool)
        if len(a) + len(b) > 16 or (a + b) in vocab:
            continue
        vocab[a + b] = len(vocab)
        merges.append((a, b))
        pool.append(a + b)
    tok = tk.Tokenizer(models.BPE(vocab=vocab, merges=merges))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.add_special_tokens([tk.AddedToken(t, special=True) for t in SPECIAL])
    tok.add_tokens([tk.AddedToken(t, special=False, normalized=False) for t in THINK])
    return tok


def save_tokenizer(raw_tokenizer: Any, path: str | Path, chat_template: str | None = CHAT_TEMPLATE):
    """Wrap a `tokenizers.Tokenizer` for transformers and save it (with a chat template) to `path`."""
    transformers = require("transformers")
    fast = transformers.PreTrainedTokenizerFast(
        tokenizer_object=raw_tokenizer, eos_token="<|im_end|>", pad_token="<|endoftext|>",
        bos_token=None, unk_token=None,
    )
    if chat_template:
        fast.chat_template = chat_template
    fast.save_pretrained(str(path))
    return fast


def qwen2_config(vocab_size: int, **overrides: Any) -> dict[str, Any]:
    """A tiny Qwen2 configuration dict (override any field; see `QWEN25_7B` for a real size)."""
    cfg = dict(
        model_type="qwen2", vocab_size=vocab_size, hidden_size=32, intermediate_size=64,
        num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
        max_position_embeddings=2048, rope_theta=10000.0, tie_word_embeddings=True,
        rms_norm_eps=1e-6, hidden_act="silu",
    )
    cfg.update(overrides)
    return cfg


# The published Qwen2.5-7B-Instruct architecture (weights are random here).
QWEN25_7B = dict(
    model_type="qwen2", vocab_size=152064, hidden_size=3584, intermediate_size=18944,
    num_hidden_layers=28, num_attention_heads=28, num_key_value_heads=4,
    max_position_embeddings=32768, rope_theta=1000000.0, tie_word_embeddings=False,
    rms_norm_eps=1e-6, hidden_act="silu",
)


def save_random_model(config: dict[str, Any], path: str | Path, tokenizer: Any, seed: int = 0,
                      dtype: str = "float32", device: str = "cpu", generation: dict[str, Any] | None = None):
    """Initialise a random causal LM from a config dict and save it with a generation config."""
    torch = require("torch")
    transformers = require("transformers")
    cfg = transformers.AutoConfig.for_model(**config)
    torch.manual_seed(seed)
    with torch.device(device):
        model = transformers.AutoModelForCausalLM.from_config(cfg, dtype=getattr(torch, dtype))
    eos = [tokenizer.convert_tokens_to_ids("<|im_end|>"), tokenizer.convert_tokens_to_ids("<|endoftext|>")]
    gen = dict(do_sample=True, temperature=0.7, top_p=0.8, top_k=20, max_new_tokens=32,
               eos_token_id=eos, pad_token_id=eos[1])
    gen.update(generation or {})
    model.generation_config = transformers.GenerationConfig(**gen)
    model.save_pretrained(str(path))
    return model


def build_tiny_model_dir(path: str | Path, vocab_size: int = 400, model_vocab: int = 512,
                         chat_template: str | None = CHAT_TEMPLATE, **config: Any) -> Path:
    """Tokenizer + random tiny Qwen2 saved together in `path` (a complete local model folder)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    fast = save_tokenizer(byte_level_tokenizer(vocab_size), path, chat_template)
    save_random_model(qwen2_config(model_vocab, **config), path, fast)
    return path
