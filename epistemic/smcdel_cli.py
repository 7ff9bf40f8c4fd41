"""The SMCDEL bridge on the command line: `export --smcdel PUZZLE`, and running SMCDEL files from solve/check."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from .cli_common import Command, emit_json, json_option, param_option, parse_params
from .errors import EpistemicError

SMCDEL_SUFFIXES = (".smcdel.txt", ".smcdel")


# VARS first, past `--` comments and blank space (as smcdel.reader.is_smcdel_text, without importing it at start-up)
_STARTS_WITH_VARS = re.compile(r"(?:\s|--[^\n]*)*VARS(?![A-Za-z0-9])")


def is_smcdel(path: str | Path | None, text: str | None = None) -> bool:
    """Is this an SMCDEL file? By its extension, or by its content starting with VARS."""
    if path is not None and str(path).lower().endswith(SMCDEL_SUFFIXES):
        return True
    return text is not None and _STARTS_WITH_VARS.match(text) is not None


def run_smcdel(text: str, file: str, engine: str = "explicit", as_json: bool = False) -> tuple[str | dict, int]:
    """Answer every job of an SMCDEL file: (SMCDEL-style text, or the `epistemic.smcdel/1` dict; exit code)."""
    from .smcdel import read_smcdel, run_jobs

    run = run_jobs(read_smcdel(text, file), engine)
    return (run.to_dict() if as_json else run.text()), 0


def check_smcdel(text: str, file: str, formula: str, engine: str = "explicit", as_json: bool = False,
                 at: str | None = None) -> tuple[str | dict, int]:
    """Check one formula (SMCDEL syntax) on an SMCDEL file's structure: VALID?, WHERE?, and TRUE? at a state.

    `at` is a state in SMCDEL's notation, e.g. "{1,3}" or "1,3".
    """
    from .smcdel import read_smcdel, run_jobs

    jobs = f"VALID? {formula}\nWHERE? {formula}\n"
    if at is not None:
        jobs += f"TRUE? {{{at.strip().strip('{}')}}} {formula}\n"
    base = read_smcdel(text, file)
    doc = read_smcdel(_without_jobs(text, base) + "\n" + jobs, file)
    run = run_jobs(doc, engine)
    return (run.to_dict() if as_json else run.text()), 0


def _without_jobs(text: str, doc) -> str:
    """The structure part of an SMCDEL file (everything before its first job)."""
    if not doc.jobs:
        return text
    return text[: min(j.offset for j in doc.jobs)]


@click.command(cls=Command)
@click.argument("puzzle")
@click.option("--smcdel", "fmt", flag_value="smcdel", default="smcdel",
              help="Write SMCDEL's text format (.smcdel.txt); the only format so far.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the file here instead of standard output.")
@param_option
@json_option
def export(puzzle: str, fmt: str, output, params, as_json: bool) -> None:
    """Write PUZZLE in another tool's format, e.g. an SMCDEL file to cross-check our answers with SMCDEL."""
    from . import api
    from .smcdel.writer import export_smcdel

    if fmt != "smcdel":  # pragma: no cover - only one format so far
        raise EpistemicError(f"unknown export format {fmt!r}", hint="use --smcdel")
    result = export_smcdel(api.load_puzzle(puzzle, parse_params(params)))
    if output:
        Path(output).write_text(result.text + "\n", encoding="utf-8")
    if as_json:
        emit_json(result.to_dict() | {"output": output})
    elif not output:
        click.echo(result.text)
    else:
        click.echo(f"wrote {output} ({len(result.text):,} characters, {len(result.comments)} atoms)", err=True)
    sys.exit(0)
