"""The command line: a click group over one module per command group (also installed as `epistemic`)."""
from __future__ import annotations

import click

from .audit import audit, explain
from .generate import generate
from .smcdel import export
from .solve import check, solve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="epistemic")
def cli() -> None:
    """Solve, check, audit and generate puzzles about knowledge."""


for _command in (solve, check, audit, explain, generate, export):
    cli.add_command(_command)


def _register_llm() -> None:
    """ask and eval: their module imports nothing heavy at load time, but stays optional."""
    try:
        from .llm import ask, eval_cmd
    except ImportError:  # pragma: no cover - the llm module is optional at import time
        return
    cli.add_command(ask)
    cli.add_command(eval_cmd, name="eval")


_register_llm()


def _on_interrupt(signum, frame) -> None:
    """Ctrl-C: raise KeyboardInterrupt (commands keep what is done and exit 130); should a library swallow
    it (Z3's AstRef.__del__ does), a watchdog ends the process 2 s later so the stop is still prompt."""
    import os
    import threading

    watchdog = threading.Timer(2.0, os._exit, args=(130,))
    watchdog.daemon = True
    watchdog.start()
    raise KeyboardInterrupt


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, _on_interrupt)
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()
