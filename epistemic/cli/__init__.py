"""The command line, one module per command group; `cli.py` at the root and `epistemic` call main()."""
from .main import cli, main

__all__ = ["cli", "main"]
