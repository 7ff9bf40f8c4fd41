"""The command line: a thin click layer over epistemic.api (every command also has --json)."""
from __future__ import annotations

import json
import sys

import click

from .errors import EpistemicError


def emit_json(data: dict) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(exc: EpistemicError, as_json: bool) -> None:
    """Print a clean error (never a traceback) and exit with its code (2 for bad input)."""
    if as_json:
        emit_json({"schema": "epistemic.error/1", **exc.to_dict()})
    else:
        click.echo(exc.render(), err=True)
    sys.exit(exc.exit_code)


def parse_params(items: tuple[str, ...]) -> dict[str, int]:
    params = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip().lstrip("-").isdigit():
            raise EpistemicError(f"bad --param {item!r}", hint="write --param NAME=INTEGER, e.g. --param n=10")
        params[name.strip()] = int(value)
    return params


class Command(click.Command):
    """A command whose EpistemicErrors become clean messages with exit codes."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except EpistemicError as exc:
            fail(exc, bool(ctx.params.get("as_json")))
        except MemoryError:
            fail(EpistemicError("out of memory", hint="try a smaller instance or lower --param values"),
                 bool(ctx.params.get("as_json")))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="epistemic")
def cli() -> None:
    """Solve, check, audit and generate puzzles about knowledge."""


json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable output (schema in README).")
param_option = click.option("--param", "params", multiple=True, metavar="NAME=INT", help="Override a `param`.")
engine_option = click.option("--engine", type=click.Choice(["explicit", "z3"]), default="explicit",
                             show_default=True, help="Which engine computes the stages.")


@cli.command(cls=Command)
@click.argument("puzzle")
@param_option
@engine_option
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@json_option
def solve(puzzle: str, params, engine: str, lang: str, as_json: bool) -> None:
    """Announce each statement of PUZZLE in turn and print the stages and the answer.

    Exit codes: 0 ok, 1 the puzzle's own expectation failed, 2 bad input.
    """
    from . import api
    from .report import solution_text

    sol = api.solve(api.load_puzzle(puzzle, parse_params(params)), engine=engine)
    if as_json:
        emit_json(sol.to_dict())
    else:
        click.echo(solution_text(sol, lang))
    if not sol.ok:
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
    """Is FORMULA valid at a stage of PUZZLE, where does it hold, and is it true at a world?"""
    from . import api

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


def main() -> None:
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
