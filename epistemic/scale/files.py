"""Output files written in shards and joined: part files in OUT.parts/, then one file by temp + rename.

Formats by suffix: .jsonl (lines joined byte for byte) and .parquet (one schema, row groups appended).
A part is written to a temp name and renamed, so a retried task replaces its own part and never adds
rows twice; an existing output is never replaced without `force`.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import EpistemicError

FORMATS = (".jsonl", ".parquet")


def output_format(path: str | Path) -> str:
    """'.jsonl' or '.parquet' from the file name, or a clear error."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise EpistemicError(f"{path}: --ray writes .jsonl or .parquet files", hint="name the output FILE.jsonl or FILE.parquet")
    return suffix


def check_output(path: str | Path, force: bool) -> Path:
    """The output path, refused when it exists (unless `force`) or is a directory."""
    path = Path(path)
    output_format(path)
    if path.is_dir():
        raise EpistemicError(f"{path} is a directory", hint="give a .jsonl or .parquet file name")
    if path.exists() and not force:
        raise EpistemicError(f"{path} exists", hint="pass --force to replace it, or choose another name")
    return path


def parts_dir(out: str | Path) -> Path:
    """Where the shards of `out` are written (next to it, so the final rename stays on one file system)."""
    out = Path(out)
    return out.with_name(out.name + ".parts")


def part_path(parts: Path, number: int, fmt: str) -> Path:
    return parts / f"part-{number:06d}{fmt}"


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to a temp file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_jsonl_part(path: Path, lines: Iterable[str]) -> Path:
    """One JSONL part: each line (without its newline) followed by a newline."""
    return atomic_write_bytes(path, "".join(line + "\n" for line in lines).encode("utf-8"))


def write_parquet_part(path: Path, table) -> Path:
    """One Parquet part (a pyarrow Table), written to a temp file and renamed."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def read_jsonl_part(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").split("\n")[:-1]


def join_parts(parts: Sequence[Path], out: str | Path, force: bool) -> Path:
    """Concatenate the parts (in the order given) into `out` by temp file + rename; remove the parts."""
    out = Path(out)
    fmt = output_format(out)
    if out.exists() and not force:
        raise EpistemicError(f"{out} exists", hint="pass --force to replace it, or choose another name")
    missing = [p for p in parts if not p.exists()]
    if missing:
        raise EpistemicError(f"shard {missing[0].name} of {out} is missing", hint="run the job again")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        if fmt == ".jsonl":
            _join_jsonl(parts, tmp)
        else:
            _join_parquet(parts, tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for p in parts:
        p.unlink()
    _remove_if_empty(parts)
    return out


def _join_jsonl(parts: Sequence[Path], tmp: str) -> None:
    with open(tmp, "wb") as dst:
        for p in parts:
            with open(p, "rb") as src:
                shutil.copyfileobj(src, dst, 1 << 22)


def _join_parquet(parts: Sequence[Path], tmp: str) -> None:
    import pyarrow.parquet as pq

    writer = None
    try:
        for p in parts:
            table = pq.read_table(p)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            if table.num_rows:
                writer.write_table(table)
        if writer is None:
            raise EpistemicError("nothing to join: no shards")
    finally:
        if writer is not None:
            writer.close()


def _remove_if_empty(parts: Sequence[Path]) -> None:
    for folder in {p.parent for p in parts}:
        try:
            folder.rmdir()
        except OSError:
            pass
