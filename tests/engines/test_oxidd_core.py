"""OxiDD's compiled module loaded without the package's __init__ (engines/symbolic/bdd.py, oxidd_core):
the symbolic engine works through it, and a later `import oxidd` shares its classes."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.paths import ROOT

PROBE = r"""
import json, sys
from epistemic import api
from epistemic.stages.solve import solve
sol = solve(api.load_puzzle("puzzles/muddy.txt", {"n": 6, "k": 3}), "symbolic")
before = sorted(m for m in sys.modules if m.split(".")[0] == "oxidd")
import oxidd.bdd, oxidd.util
core = sys.modules["oxidd._oxidd"]
print(json.dumps({"before": before, "counts": [st.count for st in sol.stages], "answer": [list(a) for a in sol.answer],
                  "same": oxidd.bdd.BDDManager is core.BDDManager and oxidd.util.BooleanOperator is core.BooleanOperator}))
"""


def test_the_symbolic_engine_loads_only_oxidds_compiled_module():
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["before"] == ["oxidd._oxidd"]  # not the package: its __init__ costs ~65 ms
    assert got["same"]
    from epistemic import api
    from epistemic.stages.solve import solve

    explicit = solve(api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 6, "k": 3}), "explicit")
    assert got["counts"] == [st.count for st in explicit.stages]
    assert got["answer"] == [list(a) for a in explicit.answer]
