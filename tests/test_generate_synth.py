"""Z3 synthesis: Z3 picks the world set; the result passes the same screen and engine checks."""
import pytest

from epistemic.errors import EpistemicError
from epistemic.generate import generate


def test_synth_birthdays_meets_targets():
    items, stats = generate("birthdays", 2, seed=1, synth=True, targets={"worlds": 8, "per_row": 3},
                            use_z3=False)
    for it in items:
        rec = it.to_dict()
        assert rec["method"] == "synth" and rec["stages"][0]["remaining"] == 8
        assert all(rec["necessary"]) and rec["certificate"]["unique"]
        months = [w.split()[0] for w in rec["stages"][0]["worlds"]]
        assert max(months.count(m) for m in set(months)) <= 3


def test_synth_removed_per_stage():
    first, _ = generate("birthdays", 1, seed=3, synth=True, knobs={"dates": 8}, use_z3=False)
    removed = first[0].to_dict()["difficulty"]["removed"]
    items, _ = generate("birthdays", 1, seed=3, synth=True, knobs={"dates": 8}, targets={"removed": removed},
                        use_z3=False)
    assert items[0].to_dict()["difficulty"]["removed"] == removed


def test_synth_refuses_other_families_and_impossible_targets():
    with pytest.raises(EpistemicError, match="not available"):
        generate("muddy", 1, synth=True)
    with pytest.raises(EpistemicError, match="Z3 found no"):
        generate("birthdays", 1, synth=True, knobs={"lines": 2}, targets={"removed": [0, 1]}, max_tries=3, use_z3=False)
