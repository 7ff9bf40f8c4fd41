"""Start-up hygiene: a command imports only what it uses (issue 14)."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.paths import ROOT

PROBE = r"""
import contextlib, io, json, sys
from epistemic.cli.main import cli
with contextlib.redirect_stdout(io.StringIO()):
    try:
        cli(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("z3", "torch", "transformers")
                        or m.startswith(("epistemic.audit", "epistemic.generate", "epistemic.llm",
                                         "epistemic.certify", "epistemic.engines.z3", "epistemic.cli.")))))
"""


def imported(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_solve_without_certificate_imports_no_z3_and_no_other_command():
    assert imported("solve", "puzzles/card16.txt", "--no-certify") == ["epistemic.cli.common", "epistemic.cli.main", "epistemic.cli.solve"]


def test_solve_with_certificate_imports_z3_but_not_the_object_encoder():
    mods = imported("solve", "puzzles/card16.txt")
    assert "z3" in mods and "epistemic.certify.smt_text" in mods
    assert "epistemic.engines.z3" not in mods  # card16 needs no fallback
    assert not any(m.startswith(("epistemic.audit", "epistemic.generate", "epistemic.llm", "torch")) for m in mods)


def test_help_still_lists_every_command():
    from click.testing import CliRunner

    from epistemic.cli.main import COMMANDS, cli

    out = CliRunner().invoke(cli, ["--help"]).output
    assert all(name in out for name in COMMANDS)
