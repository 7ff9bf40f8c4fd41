"""The symbolic (BDD) engine: circuits against the shared integer semantics, every puzzle against the
explicit and Z3 engines stage by stage, closed forms at sizes the explicit engine refuses, the CLI."""
from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from epistemic import api
from epistemic.cli import cli
from epistemic.language.arith import apply_int, compare_int
from epistemic.engines.base import choose_engine, get_engine
from epistemic.engines.symbolic.bdd import BACKENDS, make_manager
from epistemic.engines.symbolic.bitvec import Circuits
from epistemic.errors import TooLarge
from epistemic.worlds.build import build_space
from epistemic.stages.solve import solve

from tests.paths import PUZZLES

ROOT = PUZZLES.parent
PUZZLES = sorted((ROOT / "puzzles").glob("*.txt"))


def symbolic_masks(sym, space) -> list[np.ndarray]:
    """The symbolic solution's stages as masks over an explicit space's worlds (its listed worlds, matched)."""
    names = [v.name for v in space.puzzle.variables]
    rows = [tuple(int(space.columns[n][i]) for n in names) for i in range(space.size)]
    out = []
    for stage in sym.stages:
        listed = {tuple(w[n] for n in names) for w in sym.space.worlds(stage.mask)}
        out.append(np.array([r in listed for r in rows], dtype=bool))
    return out


# ------------------------------------------------------------------ circuits


def _vector(m, c, lo: int, hi: int):
    """A fresh input vector ranging over exactly lo..hi (offset binary), with its atoms and domain law."""
    n = max(1, (hi - lo).bit_length())
    atoms = m.new_vars(n)
    raw = c.from_bits([m.var(a) for a in atoms], 0, (1 << n) - 1)
    law = c.less(raw, c.const(hi - lo + 1))
    return c.add(c.narrow(raw, 0, hi - lo), c.const(lo)), atoms, law


def _value(m, vec, point) -> int:
    raw = sum(1 << j for j, b in enumerate(vec.bits) if (b & point) != m.false)
    return raw - (1 << vec.width) if (vec.bits[-1] & point) != m.false else raw


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=15, deadline=None, derandomize=True, database=None)
@given(st.integers(-9, 6), st.integers(0, 9), st.integers(-9, 6), st.integers(0, 9))
def test_circuits_compute_the_shared_integer_semantics(backend, alo, aspan, blo, bspan):
    m = make_manager(backend)
    c = Circuits(m)
    a, a_atoms, a_law = _vector(m, c, alo, alo + aspan)
    b, b_atoms, b_law = _vector(m, c, blo, blo + bspan)
    results = {op: c.add(a, b) if op == "+" else c.sub(a, b) if op == "-" else c.mul(a, b) for op in "+-*"}
    results["/"], results["mod"] = c.divmod(a, b)
    for x, y in itertools.product(range(alo, alo + aspan + 1), range(blo, blo + bspan + 1)):
        point = m.true
        for atoms, v in ((a_atoms, x - alo), (b_atoms, y - blo)):
            for j, atom in enumerate(atoms):
                point = point & (m.var(atom) if (v >> j) & 1 else ~m.var(atom))
        assert (point & a_law & b_law) != m.false
        for op, vec in results.items():
            assert _value(m, vec, point) == apply_int(op, x, y), (op, x, y)
        for op in ("=", "!=", "<", "<=", ">", ">="):
            assert ((c.compare(op, a, b) & point) != m.false) == compare_int(op, x, y), (op, x, y)


def test_backends_count_exactly_past_floating_point():
    for name in BACKENDS:
        m = make_manager(name)
        xs = [m.var(i) for i in m.new_vars(100)]
        anyone = m.false
        for x in xs:
            anyone = anyone | x
        assert m.count(anyone, 100) == 2**100 - 1
        assert m.count(xs[3] & ~xs[70], 100) == 2**98


# ------------------------------------------------------------------ every puzzle, three engines


@pytest.mark.parametrize("path", PUZZLES, ids=lambda p: p.stem)
def test_symbolic_matches_explicit_and_z3_on_every_puzzle(path):
    puzzle = api.load_puzzle(path)
    a = solve(puzzle, "explicit")
    c = solve(puzzle, "symbolic")
    assert c.engine == "symbolic" and c.space.size == a.space.size
    for x, mask in zip(a.stages, symbolic_masks(c, a.space)):
        assert np.array_equal(x.mask, mask), x.index
    assert [(x.count, x.knows, x.knows_actual) for x in a.stages] == [(y.count, y.knows, y.knows_actual) for y in c.stages]
    assert set(a.answer) == set(c.answer)
    assert [l.message for l in a.lints] == [l.message for l in c.lints]
    if a.space.size <= 200:  # Z3 on the same stages (every puzzle's Z3 stages are also in test_z3_engine)
        b = solve(puzzle, "z3")
        assert [x.knows for x in b.stages] == [y.knows for y in c.stages]
        for x, mask in zip(b.stages, symbolic_masks(c, a.space)):
            assert np.array_equal(x.mask, mask)


def test_check_agrees_with_explicit_at_every_stage():
    puzzle = api.load_puzzle(ROOT / "puzzles" / "card16.txt")
    a, c = solve(puzzle, "explicit"), solve(puzzle, "symbolic")
    for claim in ("P knows card", "Q knows whether suit = hearts", "common {P, Q} knows not rank = 7",
                  "distributed {P, Q} knows card", "P considers possible rank = A", "initially Q knows card",
                  "[! suit = spades] P knows card"):
        for k in range(len(a.stages)):
            x, y = api.check(a, claim, stage=k), api.check(c, claim, stage=k)
            assert (x.valid, x.holds, x.total) == (y.valid, y.holds, y.total), (claim, k)
            assert set(x.worlds_true) == set(y.worlds_true) and set(x.worlds_false) == set(y.worlds_false)
    at = api.check(c, "P knows card", stage=2, at="suit = diamonds and rank = 5")
    assert at.at_world == "♦5" and at.at_value is True


# ------------------------------------------------------------------ past the explicit engine


def test_muddy_children_at_forty_matches_the_closed_form():
    n = 40
    puzzle = api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": n, "k": n})
    with pytest.raises(TooLarge) as refused:
        build_space(puzzle)
    assert "--engine symbolic" in refused.value.hint
    sol = solve(puzzle, "symbolic")
    # after the father and r rounds of silence: the worlds with at least r + 1 muddy children
    expected = [2**n] + [sum(math.comb(n, j) for j in range(r + 1, n + 1)) for r in range(n)] + [1]
    assert [st.count for st in sol.stages] == expected
    assert sol.answer == ((n,),)


def test_dining_cryptographers_at_forty_matches_the_closed_form():
    n = 40
    sol = solve(api.load_puzzle(ROOT / "puzzles" / "dining_cryptographers_n.txt", {"n": n}), "symbolic")
    # k independent parity equations halve each payer's coin assignments; all n leave the NSA, coins equal
    assert [st.count for st in sol.stages] == [(n + 1) * 2 ** (n - k) for k in range(n)] + [2]
    assert sol.answer == ((1,),)


def test_drinking_logicians_at_sixty():
    n = 60
    sol = solve(api.load_puzzle(ROOT / "puzzles" / "drinking_logicians.txt", {"n": n}), "symbolic")
    assert [st.count for st in sol.stages] == [2 ** (n - k) for k in range(n)] + [1]
    assert sol.answer == ((n,),)


def test_auto_takes_explicit_when_the_worlds_fit_and_symbolic_otherwise():
    tiny = api.load_puzzle(ROOT / "puzzles" / "card16.txt")  # plain Python: tests/engines/test_small.py
    small = api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 12, "k": 2})
    big = api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 40, "k": 2})
    assert choose_engine(tiny) == "small" and choose_engine(small) == "explicit" and choose_engine(big) == "symbolic"
    assert solve(small, "auto").engine == "explicit"
    assert get_engine("symbolic").name == "symbolic"


def test_cli_symbolic_solve_json_and_refusal():
    runner = CliRunner()
    out = runner.invoke(cli, ["solve", str(ROOT / "puzzles" / "muddy.txt"), "--param", "n=30", "--param", "k=3",
                              "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["engine"] == "symbolic" and data["worlds"] == 2**30
    assert [s["remaining"] for s in data["stages"]][-1] == math.comb(30, 3)
    assert data["certificate"]["outcome"] == "skipped"
    refused = runner.invoke(cli, ["solve", str(ROOT / "puzzles" / "muddy.txt"), "--param", "n=30",
                                  "--engine", "explicit"])
    assert refused.exit_code == 2 and "--engine symbolic" in refused.output


@pytest.mark.parametrize("path", sorted((ROOT / "puzzles" / "smcdel").glob("*.txt")), ids=lambda p: p.stem)
def test_smcdel_files_run_on_the_symbolic_engine(path):
    from epistemic.smcdel import read_smcdel, run_jobs

    doc = read_smcdel(path.read_text(encoding="utf-8"), str(path))
    a, b = run_jobs(doc, "explicit"), run_jobs(doc, "symbolic")
    assert a.text() == b.text() and b.engine == "symbolic"
