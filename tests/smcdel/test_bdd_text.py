"""BDD -> SMCDEL text: the care-set simplification agrees on the care set, and the written DNF, read back
by our SMCDEL reader, holds at exactly the BDD's assignments (random truth tables over 4 atoms)."""
from __future__ import annotations

import itertools

from hypothesis import given, settings, strategies as st

from epistemic.engines.symbolic.bdd import make_manager
from epistemic.smcdel import read_smcdel, run_jobs
from epistemic.smcdel.bdd_text import BddText

N = 4
POINTS = list(itertools.product((False, True), repeat=N))


def from_table(m, table: list[bool]):
    f = m.false
    for point, value in zip(POINTS, table):
        if value:
            cube = m.true
            for i, bit in enumerate(point):
                cube = cube & (m.var(i) if bit else ~m.var(i))
            f = f | cube
    return f


tables = st.lists(st.booleans(), min_size=len(POINTS), max_size=len(POINTS))


@settings(max_examples=60, deadline=None)
@given(tables, tables, st.sampled_from(["oxidd", "cudd"]))
def test_restrict_agrees_on_the_care_set_and_the_text_reads_back(f_table, care_table, backend):
    m = make_manager(backend, N)
    m.new_vars(N)
    f, care = from_table(m, f_table), from_table(m, care_table)
    writer = BddText(m, offset=1)
    g = writer.restrict(f, care)
    assert (g & care) == (f & care)
    text = writer.formula(f, care)
    doc = read_smcdel(f"VARS 1, 2, 3, 4\nLAW Top\nOBS a: 1\nWHERE? {text}\n", "t.smcdel.txt")
    (result,) = run_jobs(doc, "explicit").results
    got = {state for state in result.states}
    for point, in_f, in_care in zip(POINTS, f_table, care_table):
        state = tuple(i + 1 for i, bit in enumerate(point) if bit)
        if in_care:
            assert (state in got) == in_f
    if not any(care_table):
        assert (writer.formula(f) == "Top") == all(f_table)
