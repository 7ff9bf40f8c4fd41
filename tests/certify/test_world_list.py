"""The certificate's compact world list (smt_text.listed_worlds) against one equation per world,
and the completeness check it feeds: a world missing from the list, or a listed world outside
the domains or the constraints, is refuted by Z3."""
from __future__ import annotations

import numpy as np
import z3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic import api
from epistemic.certify import certificate as cert_module
from epistemic.certify.smt_text import _sym, listed_worlds, value_set
from epistemic.worlds.space import space_from_columns
from tests.paths import ROOT

SETTINGS = dict(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None)

rows_strategy = st.integers(1, 3).flatmap(
    lambda k: st.sets(st.tuples(*[st.integers(-3, 4)] * k), max_size=40).map(lambda rows: (k, sorted(rows))))


def _one_equation_per_row(names, rows) -> str:
    syms = [_sym(n) for n in names]
    eqs = ["(and " + " ".join(f"(= {x} {v if v >= 0 else f'(- {-v})'})" for x, v in zip(syms, row)) + " true)"
           for row in rows]
    return "(or " + " ".join(eqs) + " false)"


@settings(max_examples=80, **SETTINGS)
@given(rows_strategy)
def test_listed_worlds_holds_exactly_of_the_rows(case):
    k, rows = case
    names = [f"v{i}" for i in range(k)]
    decls = "".join(f"(declare-const {_sym(n)} Int)" for n in names)
    solver = z3.Solver()
    solver.from_string(f"{decls}(assert (not (= {listed_worlds(names, rows).text} {_one_equation_per_row(names, rows)})))")
    assert solver.check() == z3.unsat, rows


@settings(max_examples=100, **SETTINGS)
@given(st.sets(st.integers(-20, 20)), st.integers(-25, 25))
def test_value_set_is_membership(values, probe):
    solver = z3.Solver()
    solver.from_string(f"(declare-const |world.x| Int)(assert (= |world.x| {probe if probe >= 0 else f'(- {-probe})'}))"
                       f"(assert {value_set('|world.x|', values)})")
    assert (solver.check() == z3.sat) == (probe in values)


def test_a_product_space_and_a_triangle_take_a_few_terms():
    """Sum and Product's 2,352 worlds (x < y, x + y <= 100) are one run of y per x."""
    sol = api.solve(api.load_puzzle(ROOT / "puzzles" / "sum_product.txt"))
    names = [v.name for v in sol.puzzle.variables]
    rows = list(zip(*(sol.space.columns[n] for n in names)))
    listing = listed_worlds(names, rows)
    assert listing.runs <= 2 * 98 + 2 and listing.runs * 4 <= len(rows)  # so the tree is used
    assert listing.text.count("(and (<=") <= 2 * 98 + 2  # one run of x per distinct y-run, one run of y each
    full = listed_worlds(["a", "b", "c"], [(a, b, c) for a in range(5) for b in range(5) for c in range(5)])
    assert full.text.count("(<=") == 6 and full.runs == 3  # three runs, two bounds each


def _space_with(sol, drop: int | None = None, extra: dict[str, int] | None = None):
    """The solution's worlds without world `drop`, or with one more world `extra` at the end."""
    cols = {k: np.asarray(v) for k, v in sol.space.columns.items()}
    if drop is not None:
        keep = np.arange(sol.space.size) != drop
        cols = {k: v[keep] for k, v in cols.items()}
    if extra is not None:
        cols = {k: np.append(v, extra[k]) for k, v in cols.items()}
    return space_from_columns(sol.puzzle, cols, "product", sol.space.size)


def test_missing_and_invalid_worlds_are_refuted_in_a_product_space():
    """Sum and Product's list compresses: both halves of the check search its tree."""
    puzzle = api.load_puzzle(ROOT / "puzzles" / "sum_product.txt", {"bound": 30})
    sol = api.solve(puzzle, engine="explicit")
    assert cert_module.certify(sol).outcome == "proved"
    for space in (_space_with(sol, drop=7),  # a world missing from the list
                  _space_with(sol, extra={"x": 9, "y": 5}),  # a listed world that breaks x < y
                  _space_with(sol, extra={"x": 1, "y": 5}),  # a listed world outside x's domain 2..30
                  _space_with(sol, extra={"x": 20, "y": 21})):  # a listed world that breaks x + y <= 30
        cert = cert_module.certify(api.solve(puzzle, space=space, engine="explicit"))
        assert cert.outcome == "refuted", space.size


def test_missing_and_invalid_worlds_are_refuted_when_the_list_does_not_compress():
    """Russian cards' 140 deals do not compress: one clause per world, and each listed world evaluated."""
    puzzle = api.load_puzzle(ROOT / "puzzles" / "russian_cards.txt")
    sol = api.solve(puzzle, engine="explicit")
    names = [v.name for v in puzzle.variables]
    assert listed_worlds(names, list(zip(*(sol.space.columns[n].tolist() for n in names)))).runs * 4 > sol.space.size
    assert cert_module.certify(sol).outcome == "proved"
    first = {n: int(sol.space.columns[n][0]) for n in names}
    four = dict(first, **{names[j]: 0 for j in range(4)}, **{names[j]: 1 for j in range(4, 7)})  # Alice holds 4 cards
    for space in (_space_with(sol, drop=11), _space_with(sol, extra=four),
                  _space_with(sol, extra=dict(first, **{names[0]: 3}))):  # a card held by no one of the three
        cert = cert_module.certify(api.solve(puzzle, space=space, engine="explicit"))
        assert cert.outcome == "refuted", space.size
