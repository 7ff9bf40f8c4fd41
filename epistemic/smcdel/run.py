"""Running SMCDEL files for solve and check: every job of a file, or one formula on its structure."""
from __future__ import annotations

from .jobs import run_jobs
from ..errors import EpistemicError, Location
from .reader import read_smcdel


def run_smcdel(text: str, file: str, engine: str = "explicit", as_json: bool = False) -> tuple[str | dict, int]:
    """Answer every job of an SMCDEL file: (SMCDEL-style text, or the `epistemic.smcdel/1` dict; exit code)."""
    run = run_jobs(read_smcdel(text, file), engine)
    return (run.to_dict() if as_json else run.text()), 0


def check_smcdel(text: str, file: str, formula: str, engine: str = "explicit", as_json: bool = False,
                 at: str | None = None) -> tuple[str | dict, int]:
    """Check one formula (SMCDEL syntax) on an SMCDEL file's structure: VALID?, WHERE?, and TRUE? at a state.

    `at` is a state in SMCDEL's notation, e.g. "{1,3}" or "1,3".
    """
    jobs = f"VALID? {formula}\nWHERE? {formula}\n"
    if at is not None:
        jobs += f"TRUE? {{{at.strip().strip('{}')}}} {formula}\n"
    base = read_smcdel(text, file)
    head = _without_jobs(text, base) + "\n"
    try:
        doc = read_smcdel(head + jobs, file)
    except EpistemicError as exc:
        raise _in_formula(exc, head, formula) from None
    run = run_jobs(doc, engine)
    return (run.to_dict() if as_json else run.text()), 0


def _in_formula(exc: EpistemicError, head: str, formula: str) -> EpistemicError:
    """An error in the appended jobs is an error in the command-line formula: say so, not a line of the file."""
    loc = exc.location
    head_lines = head.count("\n")
    if loc is None or not loc.line or loc.line <= head_lines:
        return exc
    column = max(1, loc.column - len("VALID? ")) if loc.line == head_lines + 1 else 1
    return EpistemicError(exc.message, Location("<formula>", 1, column, formula), exc.hint)


def _without_jobs(text: str, doc) -> str:
    """The structure part of an SMCDEL file (everything before its first job)."""
    if not doc.jobs:
        return text
    return text[: min(j.offset for j in doc.jobs)]
