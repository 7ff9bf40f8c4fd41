"""The symbolic engine's memory budget: refused before allocating when too small to start, and a BDD that
outgrows it ends in a TooLarge naming its size in nodes and bytes and what to do, never a crash."""
from __future__ import annotations

import pytest

from epistemic import api
from epistemic.engines.symbolic import SymbolicEngine
from epistemic.engines.symbolic.bdd import CuddManager, OxiddManager, make_manager, within_budget
from epistemic.errors import TooLarge
from epistemic.limits import BYTES_PER_BDD_NODE, SYMBOLIC_MIN_NODES, bdd_node_capacity
from epistemic.stages.solve import solve
from tests.paths import ROOT


def test_the_node_capacity_follows_the_budget_and_too_small_a_budget_is_refused_up_front():
    assert bdd_node_capacity(0, 40_000_000) == 40_000_000 // BYTES_PER_BDD_NODE
    assert bdd_node_capacity(1 << 14, 40_000_000) < 1_000_000
    with pytest.raises(TooLarge, match=r"holds .* BDD nodes .* needs at least 65,536") as info:
        make_manager("oxidd", 10, budget=1_000_000)
    assert "give it at least" in info.value.hint
    m = make_manager("oxidd", 10, budget=SYMBOLIC_MIN_NODES * BYTES_PER_BDD_NODE + (1 << 14) * 24)
    assert isinstance(m, OxiddManager) and m.node_limit == SYMBOLIC_MIN_NODES


def test_sum_and_product_past_a_small_budget_is_a_clear_error_and_within_a_larger_one_solves():
    puzzle = api.load_puzzle(ROOT / "puzzles" / "sum_product.txt")
    with pytest.raises(TooLarge, match=r"outgrew their memory budget while .*: [\d,]+ nodes, about [\d.]+ MB "
                                       r"\(the limit is [\d,]+ nodes") as info:
        solve(puzzle, SymbolicEngine("oxidd", budget_bytes=3_100_000))  # ~68k nodes; its peak is over 90k
    assert "--engine explicit" in info.value.hint and "--param" in info.value.hint
    sol = solve(puzzle, SymbolicEngine("oxidd", budget_bytes=32_000_000))  # ~790k nodes: room for any peak
    assert [st.count for st in sol.stages] == [2352, 1747, 145, 86, 1]
    assert sol.space.manager.nodes() <= sol.space.manager.node_limit


def test_cudd_is_checked_after_each_step():
    m = CuddManager(node_limit=10)
    m.new_vars(8)
    with pytest.raises(TooLarge, match="while counting"):
        with within_budget(m, "counting"):
            f = m.false
            for i in range(7):
                f = f | (m.var(i) & m.var(i + 1))
