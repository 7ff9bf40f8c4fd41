"""Out-of-memory handling shared by loading and generation (its own module, so neither imports the other)."""

from __future__ import annotations

import contextlib
from typing import Iterator

from .errors import OutOfMemoryError, require


@contextlib.contextmanager
def oom_guard(doing: str) -> Iterator[None]:
    """Turn torch's out-of-memory error into an OutOfMemoryError that says what to do."""
    torch = require("torch")
    try:
        yield
    except torch.OutOfMemoryError as exc:
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
        raise OutOfMemoryError(
            f"out of GPU memory while {doing}",
            "lower --batch-size, --num-samples or --max-new-tokens, use --dtype bfloat16, "
            "a smaller model, or --device cpu",
        ) from exc
