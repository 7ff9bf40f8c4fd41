"""The command line: a click group over one module per command group (also installed as `epistemic`).

Each command's module is imported only when that command runs (or when help lists it), so
`solve` does not pay for the auditor, the generator or the model runner at start-up.
"""
from __future__ import annotations

import importlib
import sys

import click

# command name -> (module under epistemic.cli, attribute): the order is the order of `--help`
COMMANDS: dict[str, tuple[str, str]] = {
    "solve": ("solve", "solve"),
    "check": ("solve", "check"),
    "audit": ("audit", "audit"),
    "explain": ("audit", "explain"),
    "generate": ("generate", "generate"),
    "export": ("smcdel", "export"),
    "ask": ("llm", "ask"),
    "eval": ("llm", "eval_cmd"),
}


class LazyGroup(click.Group):
    """A click group that imports a command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def invoke(self, ctx: click.Context):
        """Ctrl-C outside a command's own handling (while a command module is imported, or in `eval compare`)
        exits 130 too, not click's "Aborted!" with 1."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from ..interrupts import EXIT_INTERRUPTED, acknowledge

            acknowledge()
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.commands or name not in COMMANDS:
            return self.commands.get(name)
        module, attr = COMMANDS[name]
        command = getattr(importlib.import_module(f"{__package__}.{module}"), attr)
        self.add_command(command, name)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="epistemic")
def cli() -> None:
    """Solve, check, audit and generate puzzles about knowledge."""


def main() -> None:
    from ..interrupts import install

    install()  # Ctrl-C: commands keep what is done and exit 130, even when Z3's finalizers are running
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
