"""A progress bar on stderr for a terminal; nothing under --json or when stderr is piped."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import click


@dataclass
class Progress:
    """Counts items done out of `total`; draws a click bar only when `show` (a terminal, not --json)."""

    total: int
    label: str
    show: bool = False
    done: int = 0
    _bar: Any = field(default=None, repr=False)

    def __enter__(self) -> "Progress":
        if self.show:
            self._bar = click.progressbar(length=self.total, label=self.label, file=sys.stderr).__enter__()
        return self

    def update(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def wanted(as_json: bool) -> bool:
    """Show a bar only for a person at a terminal."""
    return not as_json and sys.stderr.isatty()
