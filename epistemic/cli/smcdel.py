"""Click command `export --smcdel PUZZLE`: a puzzle in SMCDEL's text format."""
from __future__ import annotations

import sys

import click

from .. import api
from ..errors import EpistemicError
from ..outputs import check_output, write_text
from .common import Command, emit_json, step, json_option, param_option, parse_params


@click.command(cls=Command)
@click.argument("puzzle")
@click.option("--smcdel", "fmt", flag_value="smcdel", default="smcdel",
              help="Write SMCDEL's text format (.smcdel.txt); the only format so far.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the file here instead of standard output.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@param_option
@json_option
def export(puzzle: str, fmt: str, output, force: bool, params, as_json: bool) -> None:
    """Write PUZZLE in another tool's format, e.g. an SMCDEL file to cross-check our answers with SMCDEL."""
    from ..smcdel.writer import export_smcdel

    if fmt != "smcdel":  # pragma: no cover - only one format so far
        raise EpistemicError(f"unknown export format {fmt!r}", hint="use --smcdel")
    if output:
        check_output(output, force)
    loaded = api.load_puzzle(puzzle, parse_params(params))
    with step("solving and writing the SMCDEL file", as_json or not output):
        result = export_smcdel(loaded)
    if output:
        write_text(output, result.text + "\n", force)
    if as_json:
        emit_json(result.to_dict() | {"output": output})
    elif not output:
        click.echo(result.text)
    else:
        click.echo(f"wrote {output} ({len(result.text):,} characters, {len(result.comments)} atoms)", err=True)
    sys.exit(0)
