"""Where `generate --out` puts its puzzles, and how a run keeps them when it is stopped.

Each puzzle is turned into its dataset row as soon as it is made (rendering the question from the
puzzle in hand, not by parsing its source again), so saving is only writing: at the end of the run, or
on Ctrl-C with the rows finished so far. Files are written to a temp file and renamed (epistemic.outputs):
never half a row, never an existing file replaced without --force. `--resume` reads the rows an
interrupted run kept and makes only the rest, with the kept keys as already seen, so the finished file
is the one an uninterrupted run writes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EpistemicError
from ..limits import MAX_DEPTH, bracket_depth
from ..outputs import check_output, write_text
from . import datasets

FILE_KINDS = (".jsonl", ".parquet")
MAX_KEPT_BYTES = 4_000_000_000  # 100,000 rows (the --count limit) of a large family stay well below


@dataclass(frozen=True)
class Kept:
    """The rows an earlier, interrupted run of the same command left in --out (what --resume continues)."""

    lines: tuple[str, ...]        # JSONL rows (or a folder's index.jsonl rows) as written; () for Parquet
    items: tuple[dict, ...]       # the rows as dataset items {question, answer, metadata}; () for a folder
    identities: tuple[dict, ...]  # per row: family, seed, index, knobs, method, key

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(i["key"] for i in self.identities)

    def __len__(self) -> int:
        return len(self.identities)


NOTHING_KEPT = Kept((), (), ())


def check_target(out: str, force: bool, resume: bool) -> None:
    """Refuse, before any work, an --out that would replace files without --force or cannot be written."""
    path = Path(out)
    if path.suffix in FILE_KINDS:
        check_output(path, force or (resume and path.is_file()))
        return
    if path.exists() and not path.is_dir():
        raise EpistemicError(f"{out} exists and is not a directory", hint="use a directory or a .jsonl/.parquet file")
    if path.is_dir():
        check_output(path / "index.jsonl", force or resume)
    elif not path.parent.is_dir():
        raise EpistemicError(f"the folder {path.parent} does not exist", hint="create it first, or write elsewhere")


def read_kept(out: str) -> Kept:
    """The rows already in --out (nothing when it does not exist yet); a file this run did not write is refused."""
    path = Path(out)
    if path.suffix == ".parquet":
        return _read_parquet(path) if path.is_file() else NOTHING_KEPT
    source = path if path.suffix == ".jsonl" else path / "index.jsonl"
    if not source.is_file():
        return NOTHING_KEPT
    from ..files import read_text

    text = read_text(source, MAX_KEPT_BYTES, "generated rows")
    lines = tuple(line for line in text.split("\n") if line.strip())  # not splitlines: rows may hold U+2028
    dataset = path.suffix == ".jsonl"
    rows = [_row(line, source, n, dataset) for n, line in enumerate(lines, start=1)]
    if dataset:
        items = tuple({"question": r["question"], "answer": r["answer"], "metadata": r["metadata"]} for r in rows)
        return Kept(lines, items, tuple(_identity(r["metadata"], source) for r in rows))
    return Kept(lines, (), tuple(_identity(r, source) for r in rows))


def _row(line: str, source: Path, n: int, dataset: bool) -> dict:
    """One kept row: a dataset row {question, answer, metadata, ...} or (a folder's index) a record."""
    try:  # json.loads recurses: refuse deep nesting first, as the audit batch does
        row = json.loads(line) if bracket_depth(line) <= MAX_DEPTH else None
    except ValueError:
        row = None
    fields = ("question", "answer", "metadata") if dataset else ("key",)
    if not isinstance(row, dict) or any(k not in row for k in fields):
        raise EpistemicError(f"{source}:{n}: not a row written by `generate`",
                             hint="--resume continues a file `generate --out` wrote; choose another --out")
    return row


def _identity(meta: Any, source: Path) -> dict:
    names = ("family", "seed", "index", "knobs", "method", "key")
    if not isinstance(meta, dict) or any(k not in meta for k in names):
        raise EpistemicError(f"{source}: a row lacks the fields of a generated puzzle",
                             hint="--resume continues a file `generate --out` wrote; choose another --out")
    return {k: meta[k] for k in names}


def _read_parquet(path: Path) -> Kept:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise EpistemicError("Parquet needs pyarrow", hint="pip install pyarrow (in a checkout: pip install -e '.[datasets]')") from None
    try:
        rows = pq.read_table(path).to_pylist()
        items = tuple({"question": r["question"], "answer": r["answer"], "metadata": json.loads(r["metadata"])}
                      for r in rows)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EpistemicError(f"{path}: not a dataset written by `generate` ({exc})",
                             hint="--resume continues a file `generate --out` wrote; choose another --out") from None
    return Kept((), items, tuple(_identity(i["metadata"], path) for i in items))


def check_continues(kept: Kept, family: str, seed: int, start: int, count: int, out: str) -> None:
    """The kept rows must be items start.. of this family and seed (knobs are checked on the first new item)."""
    if not kept:
        return
    first = kept.identities[0]
    if first["family"] != family or first["seed"] != seed:
        raise EpistemicError(f"{out} holds {first['family']} puzzles of seed {first['seed']}, not {family} of seed {seed}",
                             hint="resume with the options of the run that wrote it, or choose another --out")
    indices = [i["index"] for i in kept.identities]
    if indices != list(range(start, start + len(indices))):
        raise EpistemicError(f"{out} holds items {indices[0]}..{indices[-1]} with gaps or another start than {start}",
                             hint="resume with the --start of the run that wrote it")
    if len(kept) > count:
        raise EpistemicError(f"{out} already holds {len(kept):,} items, more than --count {count:,}",
                             hint="resume with the --count of the run that wrote it")


class DatasetOutput:
    """The rows of one generate run: those kept from before (--resume) and those made now, saved atomically."""

    def __init__(self, out: str, force: bool, lang: str, difficulty: str | None, kept: Kept = NOTHING_KEPT):
        self.path = Path(out)
        self.force = force
        self.lang = lang
        self.difficulty = difficulty
        self.kept = kept
        self.records: list[dict] = []
        self.items: list[dict] = []
        self._saved = -1  # how many rows the last save wrote (Ctrl-C right after a save must not save again)

    def add(self, generated) -> None:
        """Take one item as it is made: its record and (for a file) its dataset row."""
        record = generated.to_dict()
        if self.kept:
            _check_same_run(self.kept.identities[-1], record, self.path)
        if self.path.suffix in FILE_KINDS:
            verified = getattr(generated, "verified", None)  # mazes have no puzzle to render
            puzzle = verified.solution.puzzle if verified is not None else None
            # the row first: a Ctrl-C between the two appends leaves a row with no record, which `total` leaves out
            # and `save` drops, never a record the file lacks
            self.items.append(datasets.item_of(record, self.lang, self.difficulty, puzzle))
        self.records.append(record)

    @property
    def total(self) -> int:
        """The rows a save writes: those kept and those made whole (a row whose record a Ctrl-C cut off is not)."""
        made = min(len(self.records), len(self.items)) if self.path.suffix in FILE_KINDS else len(self.records)
        return len(self.kept) + made

    def save(self) -> str:
        """Write the kept rows and the new ones (temp file, then rename)."""
        if self.path.suffix in FILE_KINDS:
            del self.items[len(self.records):]  # (a row made whose record a Ctrl-C cut off)
        if self._saved == self.total:
            return str(self.path)
        replace = self.force or bool(self.kept)
        if self.path.suffix == ".jsonl":
            new = "".join(json.dumps(datasets.row_of(i), ensure_ascii=False) + "\n" for i in self.items)
            write_text(self.path, "".join(line + "\n" for line in self.kept.lines) + new, replace)
        elif self.path.suffix == ".parquet":
            _write_parquet(self.path, list(self.kept.items) + self.items, replace)
        else:
            self._save_folder(replace)
        self._saved = self.total
        return str(self.path)

    def _save_folder(self, replace: bool) -> None:
        try:
            self.path.mkdir(exist_ok=True)
        except OSError as exc:
            raise EpistemicError(f"cannot create the folder {self.path}: {exc.strerror or exc}",
                                 hint="write elsewhere") from None
        for r in self.records:  # a resumed run may meet the .txt of an item it makes again: the same text
            write_text(self.path / f"{r['id']}.txt", r["source"], self.force or bool(self.kept))
        index = "".join(json.dumps({k: v for k, v in r.items() if k != "source"}, ensure_ascii=False) + "\n"
                        for r in self.records)
        write_text(self.path / "index.jsonl", "".join(line + "\n" for line in self.kept.lines) + index, replace)


def _check_same_run(kept: dict, record: dict, path: Path) -> None:
    for name in ("knobs", "method"):
        if kept[name] != record[name]:
            raise EpistemicError(f"the rows in {path} were made with {name} {kept[name]}; this run's are {record[name]}",
                                 hint="resume with the options of the run that wrote it, or choose another --out")


def _write_parquet(path: Path, items: list[dict], replace: bool) -> None:
    """A Parquet file of dataset items, written beside `path` and renamed."""
    import os
    import tempfile

    check_output(path, replace)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent if str(path.parent) else ".")
    os.close(fd)
    try:
        datasets.export_parquet(items, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


__all__ = ["Kept", "NOTHING_KEPT", "DatasetOutput", "check_target", "read_kept", "check_continues"]
