"""Click commands `solve` and `check`: puzzle files, SMCDEL files and mazes (the API's loader tells which)."""
from __future__ import annotations

import dataclasses
import sys

import click

from .. import api
from ..errors import EpistemicError
from .common import Command, WholeNumber, emit_json, step, engine_option, json_option, param_option, parse_params


@click.command(cls=Command)
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
    """Announce each statement of PUZZLE in turn and print the stages and the answer (a maze: its shortest path).

    Exit codes: 0 ok, 1 the puzzle's own expectation failed (or Z3 refutes the answer), 2 bad input.
    """
    from ..stages.report import solution_text

    source = api.read_source(puzzle)
    if source.kind == "smcdel":
        from ..smcdel.run import run_smcdel

        out, code = run_smcdel(source.text, source.name, engine, as_json)
        emit_json(out) if as_json else click.echo(out, nl=False)
        sys.exit(code)
    if source.kind == "maze":  # docs/maze.md: the shortest path by BFS; exit 1 if unreachable or not as expected
        from ..maze.run import solve_command

        out, code = solve_command(source.text, source.name, as_json)
        emit_json(out) if as_json else click.echo(out)
        sys.exit(code)
    sol = api.solve(api.puzzle_of(source, parse_params(params)), engine=engine, worlds=worlds)
    if certify:
        from ..certify.certificate import certify as certify_solution

        with step("certifying the answer with Z3", as_json):
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


@click.command(cls=Command)
@click.argument("puzzle")
@click.argument("formula")
@click.option("--stage", type=WholeNumber(), default=None, help="Stage to evaluate at (default: the last).")
@click.option("--at", "at", default=None, metavar="FORMULA", help="Also evaluate at the one world this picks out.")
@param_option
@engine_option
@json_option
def check(puzzle: str, formula: str, stage, at, params, engine: str, as_json: bool) -> None:
    """Is FORMULA valid at a stage of PUZZLE, where does it hold, and is it true at a world?

    For SMCDEL files FORMULA is in SMCDEL syntax and --at is a state such as {1,3}.
    """
    source = api.read_source(puzzle)
    if source.kind == "smcdel":
        from ..smcdel.run import check_smcdel

        if stage is not None:
            raise EpistemicError("SMCDEL files have no stages; --stage does not apply",
                                 hint="write announcements inside the formula: [! φ] ψ")
        out, code = check_smcdel(source.text, source.name, formula, engine, as_json, at=at)
        emit_json(out) if as_json else click.echo(out, nl=False)
        sys.exit(code)
    sol = api.solve(api.puzzle_of(source, parse_params(params)), engine=engine)
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
