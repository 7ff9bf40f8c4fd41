"""Writing output files safely: never replace a file without --force, write a temp file then rename.

A crash or an error never leaves a half-written or lost file: the target is only ever replaced by
a complete temp file (os.replace is atomic on one file system). Ctrl-C (KeyboardInterrupt) keeps
what is done: the rows written so far are renamed into place before the interrupt goes on.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .errors import EpistemicError
from .interrupts import acknowledge

FORCE_HINT = "pass --force to replace it, or choose another name"


def check_output(path: str | Path, force: bool, what: str = "output file") -> Path:
    """The path to write, refused (exit 2) when it exists without --force or its folder is missing."""
    p = Path(path)
    name = str(path)
    if not name or name.endswith(("/", os.sep)):
        raise EpistemicError(f"{name!r} is not a file name", hint=f"give a file name for the {what}")
    if p.is_dir():
        raise EpistemicError(f"{name} is a directory, not a file", hint=f"give a file name for the {what}")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise EpistemicError(f"the folder {parent} does not exist", hint=f"create it first, or write the {what} elsewhere")
    if not os.access(parent, os.W_OK):
        raise EpistemicError(f"cannot write into the folder {parent}", hint=f"write the {what} elsewhere")
    if (p.exists() or p.is_symlink()) and not force:
        raise EpistemicError(f"{name} exists; not replacing it", hint=FORCE_HINT)
    return p


@contextmanager
def atomic_output(path: str | Path, force: bool, what: str = "output file", binary: bool = False,
                  keep_partial: bool = True) -> Iterator[IO]:
    """Open a temp file next to `path`; rename it over `path` when the block ends (or on Ctrl-C, if
    keep_partial); remove it on any other error, leaving `path` as it was."""
    p = check_output(path, force, what)
    parent = p.parent if str(p.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=parent)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; an output file is an ordinary file
    except OSError as exc:
        raise EpistemicError(f"cannot write {p}: {exc.strerror or exc}", hint=f"write the {what} elsewhere") from None
    handle = os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": "\n"}))
    try:
        yield handle
    except KeyboardInterrupt:
        acknowledge()  # caught: the interrupt watchdog must not end the process while the rows are renamed
        handle.close()
        if keep_partial:
            os.replace(tmp, p)
        else:
            os.unlink(tmp)
        raise
    except BaseException:
        handle.close()
        os.unlink(tmp)
        raise
    handle.close()
    try:
        os.replace(tmp, p)
    except OSError as exc:
        os.unlink(tmp)
        raise EpistemicError(f"cannot write {p}: {exc.strerror or exc}", hint=f"write the {what} elsewhere") from None


def write_text(path: str | Path, text: str, force: bool, what: str = "output file") -> Path:
    """Write a whole text file atomically (refused without --force when it exists)."""
    with atomic_output(path, force, what, keep_partial=False) as handle:
        handle.write(text)
    return Path(path)


__all__ = ["check_output", "atomic_output", "write_text", "FORCE_HINT"]
