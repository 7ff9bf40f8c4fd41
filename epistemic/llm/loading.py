"""Load a local Hugging Face model directory (never downloads) with clear errors."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from .errors import ChatTemplateError, LLMError, MissingDependencyError, ModelDirError, require
from .memory import oom_guard

TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model", "vocab.json", "tokenizer_config.json")
WEIGHT_PATTERNS = ("*.safetensors", "pytorch_model*.bin", "model*.bin")
DOWNLOAD_HINT = "download it first, e.g. `hf download ORG/NAME --local-dir DIR`, then pass --model DIR"


@dataclass(frozen=True)
class LoadedModel:
    """A model, its tokenizer and its own generation config, ready to generate."""

    model: Any
    tokenizer: Any
    generation_config: Any
    path: str
    device: str
    context_length: int | None
    # State reused across calls on this model: the fast decoder's KV caches and compiled steps (fastdecode.py)
    reusable: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def eos_token_ids(self) -> tuple[int, ...]:
        """Every token id that ends generation."""
        ids = getattr(self.generation_config, "eos_token_id", None)
        ids = [ids] if isinstance(ids, int) else list(ids or [])
        if self.tokenizer.eos_token_id is not None:
            ids.append(self.tokenizer.eos_token_id)
        return tuple(dict.fromkeys(ids))


def check_model_dir(path: str | os.PathLike) -> Path:
    """Raise ModelDirError unless `path` holds a config, a tokenizer and every weight shard."""
    p = Path(path).expanduser()
    if not p.exists():
        raise ModelDirError(f"model directory {str(p)!r} does not exist", DOWNLOAD_HINT)
    if p.is_file() and p.suffix.lower() == ".gguf":
        raise ModelDirError(f"{str(p)!r} is a GGUF file", "pass it to load_model (or --model), which converts it once")
    if not p.is_dir():
        raise ModelDirError(f"{str(p)!r} is a file, not a model directory", "pass the folder that holds config.json")
    if not (p / "config.json").is_file():
        raise ModelDirError(
            f"{str(p)!r} is not a Hugging Face model directory: config.json is missing",
            "pass the folder that holds config.json; " + DOWNLOAD_HINT,
        )
    if not any((p / f).is_file() for f in TOKENIZER_FILES):
        raise ModelDirError(
            f"{str(p)!r} has no tokenizer (none of {', '.join(TOKENIZER_FILES)})",
            "the download is incomplete: download the tokenizer files into the same folder",
        )
    _check_weights(p)
    return p


def _check_weights(p: Path) -> None:
    """Every shard named by an index exists; at least one weight file exists."""
    for index_name in ("model.safetensors.index.json", "pytorch_model.bin.index.json"):
        index = p / index_name
        if index.is_file():
            try:
                shards = sorted(set(json.loads(index.read_text())["weight_map"].values()))
            except (ValueError, KeyError) as exc:
                raise ModelDirError(f"{index} is unreadable ({exc})", "re-download the model") from exc
            missing = [s for s in shards if not (p / s).is_file()]
            if missing:
                raise ModelDirError(
                    f"{str(p)!r} is incomplete: {len(missing)} of {len(shards)} weight shards missing "
                    f"({', '.join(missing[:3])}{'…' if len(missing) > 3 else ''})",
                    "resume the download (it skips files already there), then run again",
                )
            return
    if not any(any(p.glob(pat)) for pat in WEIGHT_PATTERNS):
        raise ModelDirError(
            f"{str(p)!r} has a config but no weights (*.safetensors or *.bin)",
            "the download is incomplete: " + DOWNLOAD_HINT,
        )


def pick_device(device: str | None) -> str:
    """'auto' or None → cuda when available, else cpu."""
    torch = require("torch")
    if device in (None, "auto"):
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


def pick_dtype(dtype: str | None, device: str):
    """'auto' → bf16 on a GPU that supports it, float32 on cpu."""
    torch = require("torch")
    if dtype in (None, "auto"):
        if device.startswith("cuda") and torch.cuda.is_bf16_supported():
            return torch.bfloat16
        return torch.float16 if device.startswith("cuda") else torch.float32
    names = {"bf16": "bfloat16", "fp16": "float16", "fp32": "float32", "half": "float16"}
    return getattr(torch, names.get(dtype, dtype))


def load_tokenizer(path: str | os.PathLike, chat_template: str | None = None):
    """Tokenizer from a local folder, padded on the left, with a pad token."""
    transformers = require("transformers")
    p = check_model_dir(path)
    tok = transformers.AutoTokenizer.from_pretrained(str(p), local_files_only=True)
    tok.padding_side = "left"
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    if chat_template is not None:
        tok.chat_template = chat_template
    return tok


def require_chat_template(tokenizer: Any, path: str) -> None:
    """Raise ChatTemplateError when the tokenizer cannot render a chat."""
    if not getattr(tokenizer, "chat_template", None):
        raise ChatTemplateError(
            f"the tokenizer in {path!r} has no chat template (a base model, or tokenizer_config.json "
            "without 'chat_template' and no chat_template.jinja)",
            "use the instruct/chat version of the model, pass --chat-template FILE.jinja, "
            "or --no-chat-template to send the plain puzzle text",
        )


QUANTIZE_CHOICES = ("4bit", "8bit")


def resolve_model_path(path: str | os.PathLike) -> Path:
    """A model folder for `path`: the folder itself, or the cached conversion of a `.gguf` file."""
    p = Path(path).expanduser()
    if p.suffix.lower() == ".gguf" and p.is_file():
        from .gguf import hf_dir_from_gguf

        return hf_dir_from_gguf(p)
    return check_model_dir(p)


def quantization_config(quantize: str | None, device: str, dtype: Any):
    """A bitsandbytes config for `--quantize 4bit|8bit`, or a clear error where the platform cannot."""
    if quantize is None:
        return None
    if quantize not in QUANTIZE_CHOICES:
        raise LLMError(f"unknown quantization {quantize!r}", f"use one of {', '.join(QUANTIZE_CHOICES)}")
    if not device.startswith("cuda"):
        raise LLMError(f"--quantize {quantize} needs a CUDA GPU (bitsandbytes' kernels); the device is {device!r}",
                       "drop --quantize on CPU, or run on a machine with an NVIDIA GPU")
    try:
        import bitsandbytes  # noqa: F401 - only checks that the kernels are there
    except ImportError as exc:
        raise MissingDependencyError(f"--quantize {quantize} needs bitsandbytes, which is not installed ({exc})",
                                     "pip install bitsandbytes") from exc
    transformers = require("transformers")
    if quantize == "8bit":
        return transformers.BitsAndBytesConfig(load_in_8bit=True)
    return transformers.BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                           bnb_4bit_compute_dtype=dtype)


@contextlib.contextmanager
def quiet_hf_progress() -> Iterator[None]:
    """No transformers progress bars ("Loading weights") while inside; the previous state restored."""
    from transformers.utils import logging as hf_logging

    was_on = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_on:
            hf_logging.enable_progress_bar()


def load_model(
    path: str | os.PathLike,
    device: str | None = "auto",
    dtype: str | None = "auto",
    chat_template: str | None = None,
    need_chat_template: bool = True,
    quantize: str | None = None,
) -> LoadedModel:
    """Load model + tokenizer from a local directory (or a .gguf file), offline, on `device`.

    `quantize` ("4bit", "8bit") loads the weights through bitsandbytes on a CUDA GPU."""
    given = Path(path).expanduser()
    if not (given.suffix.lower() == ".gguf" and given.is_file()):
        check_model_dir(given)  # a missing folder is reported before torch/transformers are needed
    transformers = require("transformers")
    require("torch")
    with quiet_hf_progress():
        p = resolve_model_path(given)
        tok = load_tokenizer(p, chat_template)
        if need_chat_template:
            require_chat_template(tok, str(p))
        dev = pick_device(device)
        kwargs: dict[str, Any] = {"local_files_only": True, "dtype": pick_dtype(dtype, dev)}
        quant = quantization_config(quantize, dev, kwargs["dtype"])
        if quant is not None:
            kwargs["quantization_config"] = quant
        if dev.startswith("cuda"):
            kwargs["device_map"] = dev  # weights go straight to the GPU
        try:
            with oom_guard("loading the model"):
                model = transformers.AutoModelForCausalLM.from_pretrained(str(p), **kwargs)
        except OSError as exc:
            raise ModelDirError(f"could not load the weights in {str(p)!r}: {exc}", DOWNLOAD_HINT) from exc
    if quant is None:  # bitsandbytes models are placed by device_map and refuse .to()
        model = _to_device(model, dev)
    model.eval()
    gen = getattr(model, "generation_config", None)
    ctx = getattr(model.config, "max_position_embeddings", None)
    return LoadedModel(model, tok, gen, str(p), dev, ctx)


def _to_device(model: Any, device: str):
    """Move the model, turning an out-of-memory into a clear error."""
    with oom_guard("loading the model"):
        return model.to(device)
