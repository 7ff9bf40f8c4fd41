"""What every command shares: clean errors with exit codes, JSON output, common options."""
from __future__ import annotations

import contextlib
import sys
import time

import click

from ..errors import EpistemicError
from ..interrupts import EXIT_INTERRUPTED, acknowledge
from ..limits import parse_int


def emit_json(data: dict) -> None:
    import json  # only under --json: the text output never loads the json package

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(exc: EpistemicError, as_json: bool) -> None:
    """Print a clean error (never a traceback) and exit with its code (2 for bad input)."""
    if as_json:
        emit_json({"schema": "epistemic.error/1", **exc.to_dict()})
    else:
        click.echo(exc.render(), err=True)
    sys.exit(exc.exit_code)


def parse_params(items: tuple[str, ...]) -> dict[str, int]:
    """--param NAME=INT values: ASCII digits, one optional '-', at most 18 digits."""
    params = {}
    hint = "write --param NAME=INTEGER, e.g. --param n=10"
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise EpistemicError(f"bad --param {item!r}", hint=hint)
        params[name.strip()] = parse_int(value, f"--param {name.strip()}", hint)
    return params


@contextlib.contextmanager
def step(label: str, as_json: bool):
    """Say on a terminal that a step which may take seconds (a certificate, an export) is running, and
    how long it took; quiet under --json or when stderr is piped."""
    show = not as_json and sys.stderr.isatty()
    start = time.perf_counter()
    if show:
        click.echo(f"{label} ...", err=True, nl=False)
    try:
        yield
    finally:
        if show:
            click.echo(f"\r{label}: {time.perf_counter() - start:.1f} s", err=True)


class WholeNumber(click.ParamType):
    """An integer option written with the digits 0-9 (click's int, like Python's, also reads '٣' and other
    Unicode digits; they are refused here as in --param), optionally within [low, high]."""

    name = "integer"

    def __init__(self, low: int | None = None, high: int | None = None) -> None:
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            try:
                number = parse_int(str(value), "value", "write a whole number with the digits 0-9")
            except EpistemicError as exc:
                self.fail(f"{value!r} is not a whole number written with the digits 0-9"
                          if "not a whole number" in exc.message else exc.message, param, ctx)
        if self.low is not None and number < self.low:
            self.fail(f"{number:,} is less than {self.low:,}", param, ctx)
        if self.high is not None and number > self.high:
            self.fail(f"{number:,} is more than {self.high:,}", param, ctx)
        return number


class Command(click.Command):
    """A command whose EpistemicErrors become clean messages with exit codes."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """A usage error (unknown option, bad value) exits 2 as click does; under --json as epistemic.error/1."""
        wants_json = "--json" in args  # read first: click's parser consumes the list
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if not wants_json:
                raise
            fail(EpistemicError(exc.format_message(), hint=f"see {ctx.command_path} --help"), True)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except EpistemicError as exc:
            fail(exc, bool(ctx.params.get("as_json")))
        except MemoryError:
            fail(EpistemicError("out of memory", hint="try a smaller instance or lower --param values"),
                 bool(ctx.params.get("as_json")))
        except RecursionError:  # a last resort: every parser refuses deep nesting before this
            fail(EpistemicError("the input is nested too deeply to process", hint="nest it less"),
                 bool(ctx.params.get("as_json")))
        except KeyboardInterrupt:
            acknowledge()
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable output (schema in README).")
param_option = click.option("--param", "params", multiple=True, metavar="NAME=INT", help="Override a `param`.")
engine_option = click.option("--engine", type=click.Choice(["auto", "explicit", "small", "z3", "symbolic"]),
                             default="auto", show_default=True,
                             help="Which engine computes the stages: auto takes small (plain Python) for puzzles of "
                                  "a few thousand worlds, explicit (numpy) when the worlds fit "
                                  "the memory budget and symbolic (BDDs) otherwise.")

