"""Start-up hygiene: a command imports only what it uses (issue 14).

Each probe runs in a fresh interpreter and lists the heavy or unrelated modules it ended up with:
numpy only where the numpy engine runs, the z3 package only where a certificate needs a model or
the object encoder, the maze reader only for mazes, no other command's modules.
"""
from __future__ import annotations

import json
import subprocess
import sys

from tests.paths import ROOT

WATCHED = ("numpy", "z3", "torch", "transformers", "ray", "lark", "regex")  # lark: the puzzle parser is stand-alone
PROBE = r"""
import contextlib, io, json, sys
args = sys.argv[1:]
if args == ["import-api"]:
    import epistemic.api
else:
    from epistemic.cli.main import cli
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            cli(args, standalone_mode=False)
        except SystemExit:
            pass
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in %r
                        or m.startswith(("epistemic.audit", "epistemic.generate", "epistemic.llm", "epistemic.maze",
                                         "epistemic.certify", "epistemic.engines", "epistemic.cli.")))))
""" % (WATCHED,)


def imported(*args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def heavy(mods: list[str]) -> list[str]:
    return [m for m in mods if m.split(".")[0] in WATCHED]


def test_importing_the_api_loads_no_engine_library_and_no_maze():
    mods = imported("import-api")
    assert heavy(mods) == [] and not any(m.startswith("epistemic.maze") for m in mods), mods


def test_solve_without_certificate_imports_no_numpy_no_z3_and_no_other_command():
    assert imported("solve", "puzzles/card16.txt", "--no-certify") == [
        "epistemic.cli.common", "epistemic.cli.main", "epistemic.cli.solve",
        "epistemic.engines", "epistemic.engines.base", "epistemic.engines.small"]


def test_solve_with_certificate_talks_to_libz3_without_the_z3_package():
    mods = imported("solve", "puzzles/card16.txt")
    assert heavy(mods) == [], mods
    assert "epistemic.certify.smt_text" in mods and "epistemic.certify.z3_text" in mods
    assert "epistemic.engines.z3" not in mods  # card16 needs no fallback
    assert not any(m.startswith(("epistemic.audit", "epistemic.generate", "epistemic.llm", "epistemic.maze")) for m in mods)


def test_the_numpy_engine_and_mazes_still_load_what_they_need():
    assert "numpy" in imported("solve", "puzzles/card16.txt", "--no-certify", "--engine", "explicit")
    assert "epistemic.maze.parse" in imported("solve", "puzzles/mazes/" + _a_maze(), "--json")


def _a_maze() -> str:
    return sorted(p.name for p in (ROOT / "puzzles" / "mazes").iterdir() if p.is_file())[0]


def test_help_still_lists_every_command():
    from click.testing import CliRunner

    from epistemic.cli.main import COMMANDS, cli

    out = CliRunner().invoke(cli, ["--help"]).output
    assert all(name in out for name in COMMANDS)
