"""Cutting work into shards by index: contiguous ranges of items or of input lines, numbered in order."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import EpistemicError

DEFAULT_SHARD = 64
READ_BLOCK = 1 << 20
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Shard:
    """Items start..stop-1 (for a file: lines or rows), the `number`-th shard of a job."""

    number: int
    start: int
    stop: int

    @property
    def size(self) -> int:
        return self.stop - self.start


@dataclass(frozen=True)
class LineShard:
    """Lines of a JSONL file in bytes [offset, end); `first` is the number (1-based) of its first line."""

    number: int
    offset: int
    end: int
    first: int
    lines: int

    @property
    def size(self) -> int:
        return self.lines


def index_shards(start: int, count: int, size: int = DEFAULT_SHARD) -> list[Shard]:
    """Items start..start+count-1 cut into shards of at most `size`, in index order."""
    if size < 1:
        raise EpistemicError(f"shard size must be at least 1, not {size}")
    if count < 0:
        raise EpistemicError("--count must be at least 0")
    return [Shard(n, lo, min(lo + size, start + count)) for n, lo in enumerate(range(start, start + count, size))]


def line_shards(path: str | Path, size: int = DEFAULT_SHARD) -> list[LineShard]:
    """A JSONL file cut every `size` lines, from one pass over its bytes (no parsing on the driver)."""
    if size < 1:
        raise EpistemicError(f"shard size must be at least 1, not {size}")
    shards: list[LineShard] = []
    first = line = 1
    with open(path, "rb") as fh:
        offset = pos = len(BOM) if fh.read(len(BOM)) == BOM else 0  # a byte-order mark is not part of line 1
        fh.seek(pos)
        while block := fh.read(READ_BLOCK):
            cut = -1
            while True:
                cut = block.find(b"\n", cut + 1)
                if cut < 0:
                    break
                if line - first + 1 == size:
                    end = pos + cut + 1
                    shards.append(LineShard(len(shards), offset, end, first, size))
                    offset, first = end, line + 1
                line += 1
            pos += len(block)
    if pos > offset:  # the rest, with or without a final newline
        lines = line - first + (0 if _ends_with_newline(path, pos) else 1)
        shards.append(LineShard(len(shards), offset, pos, first, lines))
    return shards


def _ends_with_newline(path: str | Path, size: int) -> bool:
    with open(path, "rb") as fh:
        fh.seek(size - 1)
        return fh.read(1) == b"\n"


def read_line_shard(path: str | Path, shard: LineShard) -> list[str]:
    """The lines of one shard, cut at newlines only (utf-8; line_shards starts after a byte-order mark)."""
    with open(path, "rb") as fh:
        fh.seek(shard.offset)
        data = fh.read(shard.end - shard.offset)
    text = data.decode("utf-8")
    lines = text.split("\n")
    if data.endswith(b"\n"):
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]
