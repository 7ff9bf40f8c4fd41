"""docs/semantics.md: of the 1290 candidate announcements of 5–7 hands, 102 are safe (SMCDEL's analysis)."""
from __future__ import annotations

from pathlib import Path

import pytest

from epistemic import api
from epistemic.examples.russian_cards import HANDS, candidate_announcements, safe_announcements
from epistemic.worlds.build import build_space
from tests.paths import ROOT



@pytest.fixture(scope="module")
def space():
    return build_space(api.load_puzzle(ROOT / "puzzles" / "russian_cards.txt"))


def test_1290_candidates_102_safe(space):
    candidates = candidate_announcements()
    assert len(candidates) == 1290
    safe = safe_announcements(space)
    assert len(safe) == 102
    classic = ((0, 1, 2), (0, 3, 4), (0, 5, 6), (1, 3, 5), (1, 4, 6), (2, 3, 6), (2, 4, 5))
    assert classic in safe
    assert all((0, 1, 2) in hands for hands in safe)  # Alice can only say what she knows


def test_a_sample_of_verdicts_agrees_with_the_z3_engine(space):
    """The second engine on a few safe and unsafe candidates (the full run is in bench/)."""
    candidates = [c for c in candidate_announcements() if (0, 1, 2) in c]
    explicit = set(safe_announcements(space, candidates=candidates))
    sample = sorted(explicit)[:1] + [c for c in candidates if c not in explicit][:1]
    assert set(safe_announcements(space, engine="z3", candidates=sample)) == explicit & set(sample)
    assert len(HANDS) == 35
