"""What every command shares: clean errors with exit codes, JSON output, common options."""
from __future__ import annotations

import json
import sys

import click

from ..errors import EpistemicError


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


json_option = click.option("--json", "as_json", is_flag=True, help="Machine-readable output (schema in README).")
param_option = click.option("--param", "params", multiple=True, metavar="NAME=INT", help="Override a `param`.")
engine_option = click.option("--engine", type=click.Choice(["auto", "explicit", "z3", "symbolic"]), default="auto",
                             show_default=True,
                             help="Which engine computes the stages: auto takes explicit when the worlds fit "
                                  "the memory budget and symbolic (BDDs) otherwise.")


def write_new(path: str, text: str, force: bool = False) -> None:
    """Write a text file through a temporary file and a rename; an existing file is kept unless `force`."""
    import os
    import tempfile
    from pathlib import Path

    target = Path(path)
    if target.exists() and not force:
        raise EpistemicError(f"{path} exists; not replacing it", hint="pass --force to replace it, or choose another name")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
