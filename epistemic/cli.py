"""The command line: a thin click layer over epistemic.api (every command also has --json)."""
from __future__ import annotations

import sys

import click

from .cli_common import Command, emit_json, engine_option, json_option, param_option, parse_params
from .errors import EpistemicError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="epistemic")
def cli() -> None:
    """Solve, check, audit and generate puzzles about knowledge."""


@cli.command(cls=Command)
@click.argument("puzzle")
@param_option
@engine_option
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--certify/--no-certify", default=True, show_default=True,
              help="Prove the answer with Z3 (the negation of the claim is unsat).")
@click.option("--worlds", type=click.Choice(["auto", "explicit", "z3"]), default="auto", show_default=True,
              help="Enumerate worlds by product-and-filter, by Z3 from the constraints, or auto (Z3 when too large).")
@json_option
def solve(puzzle: str, params, engine: str, lang: str, certify: bool, worlds: str, as_json: bool) -> None:
    """Announce each statement of PUZZLE in turn and print the stages and the answer.

    Exit codes: 0 ok, 1 the puzzle's own expectation failed (or Z3 refutes the answer), 2 bad input.
    """
    import dataclasses

    from . import api
    from .report import solution_text

    text = _smcdel_text(puzzle)
    if text is not None:
        from .smcdel_cli import run_smcdel

        out, code = run_smcdel(text, puzzle, engine, as_json)
        emit_json(out) if as_json else click.echo(out, nl=False)
        sys.exit(code)
    sol = api.solve(api.load_puzzle(puzzle, parse_params(params)), engine=engine, worlds=worlds)
    if certify:
        from .certify import certify as certify_solution

        sol = dataclasses.replace(sol, certificate=certify_solution(sol))
    if as_json:
        emit_json(sol.to_dict())
    else:
        click.echo(solution_text(sol, lang))
        if sol.space.method == "z3":
            click.echo(f"worlds: enumerated by Z3 from the constraints ({sol.space.raw_size:,} raw assignments "
                       "are too many to filter)" if worlds == "auto" else "worlds: enumerated by Z3 (--worlds z3)")
        if sol.certificate is not None:
            click.echo(sol.certificate.line())
    refuted = sol.certificate is not None and sol.certificate.outcome == "refuted"
    if not sol.ok or refuted:
        sys.exit(1)


@cli.command(cls=Command)
@click.argument("puzzle")
@click.argument("formula")
@click.option("--stage", type=int, default=None, help="Stage to evaluate at (default: the last).")
@click.option("--at", "at", default=None, metavar="FORMULA", help="Also evaluate at the one world this picks out.")
@param_option
@engine_option
@json_option
def check(puzzle: str, formula: str, stage, at, params, engine: str, as_json: bool) -> None:
    """Is FORMULA valid at a stage of PUZZLE, where does it hold, and is it true at a world?

    For SMCDEL files FORMULA is in SMCDEL syntax and --at is a state such as {1,3}.
    """
    from . import api

    text = _smcdel_text(puzzle)
    if text is not None:
        from .smcdel_cli import check_smcdel

        if stage is not None:
            raise EpistemicError("SMCDEL files have no stages; --stage does not apply",
                                 hint="write announcements inside the formula: [! φ] ψ")
        out, code = check_smcdel(text, puzzle, formula, engine, as_json, at=at)
        emit_json(out) if as_json else click.echo(out, nl=False)
        sys.exit(code)
    sol = api.solve(api.load_puzzle(puzzle, parse_params(params)), engine=engine)
    result = api.check(sol, formula, stage=stage, at=at)
    if as_json:
        emit_json(result.to_dict())
        return
    verdict = "valid" if result.valid else "not valid"
    click.echo(f"{result.formula}")
    click.echo(f"stage {result.stage}: {verdict} — holds in {result.holds:,} of {result.total:,} worlds")
    if result.worlds_true:
        click.echo("  true at:  " + " ".join(result.worlds_true))
    if result.worlds_false:
        click.echo("  false at: " + " ".join(result.worlds_false))
    if result.at_world is not None:
        click.echo(f"at {result.at_world}: {'true' if result.at_value else 'false'}")


def _smcdel_text(path: str) -> str | None:
    """The file's text when it is an SMCDEL file (by extension or content), else None."""
    from pathlib import Path

    from .smcdel_cli import is_smcdel

    if path == "-" or not Path(path).is_file():
        return None
    from .api import read_text

    text = read_text(path)
    return text if is_smcdel(path, text) else None


def _register() -> None:
    """The commands that live in their own modules (audit, generation, SMCDEL, local models)."""
    from .audit_cli import audit, explain
    from .generate_cli import generate
    from .smcdel_cli import export

    for command in (audit, explain, generate, export):
        cli.add_command(command)
    try:
        from .llm_cli import ask, eval_cmd
    except ImportError:  # pragma: no cover - the llm module is optional at import time
        return
    cli.add_command(ask)
    cli.add_command(eval_cmd, name="eval")


_register()


def main() -> None:
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
