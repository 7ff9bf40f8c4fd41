"""Z3 through its C library (z3_text.py), and certificates of the small engine's solutions."""
from __future__ import annotations

import dataclasses

import pytest

from epistemic import api
from epistemic.certify import certificate as cert_module
from epistemic.certify import z3_text
from epistemic.certify.z3_text import Verdict, check_script
from epistemic.engines.base import choose_engine
from epistemic.stages.solve import solve
from tests.paths import ROOT

SMALL = sorted(p for p in (ROOT / "puzzles").glob("*.txt") if choose_engine(api.load_puzzle(p)) == "small")


def test_libz3_answers_sat_unsat_and_unknown():
    assert check_script("(declare-const x Int)(assert (> x 2))(assert (< x 2))\n", 10_000) == Verdict("unsat")
    assert check_script("(declare-const x Int)(assert (> x 2))\n", 10_000) == Verdict("sat")
    hard = ("(declare-const x Int)(declare-const y Int)(declare-const z Int)"
            "(assert (= (+ (* x x x) (* y y y) (* z z z)) 42))\n")  # x³ + y³ + z³ = 42: out of Z3's reach
    got = check_script(hard, 50)
    assert got.result == "unknown" and got.reason


def test_errors_in_the_script_give_none_so_the_z3_package_reports_them():
    assert check_script("(assert (> x 2))\n", 1000) is None  # x is not declared
    assert check_script("(assert\n", 1000) is None


def test_a_missing_library_gives_none(monkeypatch):
    monkeypatch.setattr(z3_text, "_library", lambda: None)
    assert check_script("(assert true)\n", 1000) is None


@pytest.mark.parametrize("path", SMALL, ids=lambda p: p.stem)
def test_small_solutions_certify_as_the_numpy_ones(path):
    puzzle = api.load_puzzle(path)
    small, numpy = solve(puzzle, "small"), solve(puzzle, "explicit")
    a, b = cert_module.certify(small), cert_module.certify(numpy)
    assert (a.outcome, a.reason, a.claim, a.worlds_checked) == ("proved", b.reason, b.claim, b.worlds_checked)


def test_the_library_and_the_package_agree(monkeypatch):
    sol = solve(api.load_puzzle(ROOT / "puzzles" / "sum_product.txt"), "small")
    through_library = cert_module.certify(sol)
    monkeypatch.setattr("epistemic.certify.z3_text._library", lambda: None)
    through_package = cert_module.certify(sol)
    assert (through_library.outcome, through_library.reason) == (through_package.outcome, through_package.reason)


@pytest.mark.parametrize("change", ["wrong", "extra", "stage mask"])
def test_wrong_claims_about_small_solutions_are_refuted_as_about_numpy_ones(change):
    puzzle = api.load_puzzle(ROOT / "puzzles" / "card16.txt")
    if change == "stage mask":
        puzzle = dataclasses.replace(puzzle, question=None, expected_answer=None)
    outcomes = []
    for engine in ("small", "explicit"):
        sol = solve(puzzle, engine)
        if change == "wrong":
            sol = dataclasses.replace(sol, answer=((0, 0),))
        elif change == "extra":
            sol = dataclasses.replace(sol, answer=sol.answer + ((0, 0),))
        else:  # one more world claimed to survive: the first world that does not
            last = sol.stages[-1]
            flags = cert_module.world_flags(sol, len(sol.stages) - 1)
            p = flags.index(False)
            bad = last.mask | (1 << p) if engine == "small" else _set(last.mask, p)
            sol = dataclasses.replace(sol, stages=sol.stages[:-1] + (dataclasses.replace(last, mask=bad),))
        cert = cert_module.certify(sol)
        outcomes.append((cert.outcome, cert.reason))
    assert outcomes[0] == outcomes[1] and outcomes[0][0] == "refuted"


def _set(mask, p: int):
    out = mask.copy()
    out[p] = True
    return out


def test_ctrl_c_during_a_check_reaches_python():
    """libz3 takes SIGINT itself during a check (it cancels the check); the interrupt must still reach the process's
    handler, or Ctrl-C would be lost (generate went on after Ctrl-C whenever it landed inside a certificate)."""
    import os
    import signal
    import threading
    import time

    from epistemic.certify.z3_text import check_script

    class Stopped(Exception):
        pass

    def handler(signum, frame):
        raise Stopped

    n = 11  # pigeonhole: 12 pigeons, 11 holes, far longer than the test waits
    script = "".join(f"(declare-const p{i}_{j} Bool)\n" for i in range(n + 1) for j in range(n))
    script += "".join("(assert (or " + " ".join(f"p{i}_{j}" for j in range(n)) + "))\n" for i in range(n + 1))
    script += "".join(f"(assert (not (and p{i}_{j} p{k}_{j})))\n"
                      for j in range(n) for i in range(n + 1) for k in range(i + 1, n + 1))
    old = signal.signal(signal.SIGINT, handler)
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    started = time.monotonic()
    try:
        timer.start()
        with pytest.raises(Stopped):
            check_script(script, 60_000)
            time.sleep(1.0)  # the re-raised signal is handled at the next bytecode boundary
    finally:
        timer.cancel()
        signal.signal(signal.SIGINT, old)
    assert time.monotonic() - started < 5.0
