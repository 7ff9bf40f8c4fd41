"""The explicit engine's per-class counts: counting a mask that holds most worlds as the classes' whole sizes
less the rest (engines/explicit.py, _Partition._per_class) gives plain bincount's counts, for any mask."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from epistemic.engines.explicit import _Partition


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.integers(1, 200), st.integers(1, 40), st.floats(0, 1), st.floats(0, 1), st.integers(0, 2**32 - 1))
def test_counts_against_the_whole_equal_bincount(n, classes, p_alive, p_phi, seed):
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, classes, n)
    count = classes + int(rng.integers(0, 3))  # unused ids above the largest, as single-term class ids leave
    alive = rng.random(n) < p_alive
    phi = rng.random(n) < p_phi
    whole = np.bincount(ids, minlength=count)
    for live in (None, alive):
        fast = _Partition(ids, count, live, lambda: whole)
        plain = _Partition(ids, count, live)
        assert np.array_equal(fast.sizes(), plain.sizes())
        assert np.array_equal(fast.hits(phi), plain.hits(phi))
        assert np.array_equal(fast.all(phi), plain.all(phi)) and np.array_equal(fast.alone(), plain.alone())
        expected = np.bincount(ids[phi if live is None else phi & live], minlength=count)
        assert np.array_equal(fast.hits(phi), expected)
