"""Reading input files: one bounded reader for puzzles, SMCDEL files, traces and datasets.

Sizes are checked by the bytes actually read (never the size a file reports: /dev/zero and pipes
report 0), so no input can grow memory past its limit.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import EpistemicError, Location

MAX_TEXT_BYTES = 5_000_000


def read_bytes(path: str | Path, limit: int = MAX_TEXT_BYTES, what: str = "file", hint: str = "check the path") -> bytes:
    """At most `limit` bytes of a file (or stdin for "-"); a clear error when there are more."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
    else:
        p = Path(path)
        try:
            if not p.exists():
                raise EpistemicError(f"no such file: {name}", hint=hint)
            if p.is_dir():
                raise EpistemicError(f"{name} is a directory, not a {what}", hint=hint)
            with p.open("rb") as handle:
                data = handle.read(limit + 1)
        except OSError as exc:
            raise EpistemicError(f"cannot read {name}: {exc.strerror or exc}", hint=hint) from None
    if len(data) > limit:
        raise EpistemicError(f"{name} is larger than {limit:,} bytes, the limit for a {what}",
                             hint=f"split it, or pass a smaller {what}")
    return data


def read_text(path: str | Path, limit: int = MAX_TEXT_BYTES, what: str = "puzzle file") -> str:
    """A UTF-8 text file (a BOM is dropped), bounded as read_bytes; binary or other encodings are refused."""
    data = read_bytes(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EpistemicError(f"{path} is not UTF-8 text (byte {exc.start})", Location(str(path), 1, 1),
                             "save the file as UTF-8") from None


__all__ = ["read_bytes", "read_text", "MAX_TEXT_BYTES"]
