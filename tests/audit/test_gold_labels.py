"""The auditor's gold data (natural traces in tests/data/natural/, real published traces in tests/data/real/):
every row is well formed and every gold check agrees with the solver, so the labels stay consistent with the
ground truth; plus Norvig's reworded Cheryl variant, worked by hand."""
from __future__ import annotations

import json
from functools import lru_cache
import pytest

from epistemic import api
from tests.paths import DATA, ROOT

FILES = sorted((DATA / "natural").glob("*.jsonl")) + sorted((DATA / "real").glob("real*.jsonl"))
KINDS = {"wrong-elimination", "kept-eliminated", "premature", "wrong-agent", "arithmetic",
         "wrong-final-answer", "wrong-credit"}
ROWS = [json.loads(line) for path in FILES for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=None)
def _solved(puzzle: str, params: tuple[tuple[str, int], ...]):
    return api.solve(api.load_puzzle(ROOT / "puzzles" / puzzle, dict(params)))


def test_held_out_rows_are_a_fresh_set_of_their_own():
    """The held-out set is written blind after the tuning data was opened (session 4): a file of its own whose
    every row is held out, and no tuning file holds a held-out row."""
    by_file = {path.name: [json.loads(line)["split"] for line in path.read_text(encoding="utf-8").splitlines()
                           if line.strip()] for path in FILES}
    for name, splits in by_file.items():
        if "heldout" in splits:
            assert set(splits) == {"heldout"}, name
    natural = [r for r in ROWS if r["split"] != "real"]
    assert sum(r["split"] == "tune" for r in natural) >= 60


def test_rows_have_unique_ids_and_sources():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    for r in ROWS:
        assert r["split"] in {"tune", "heldout", "real"}, r["id"]
        assert r["source"], r["id"]
        assert r["model"] or r["split"] != "real", r["id"]
        assert (ROOT / "puzzles" / r["puzzle"]).is_file(), r["puzzle"]
        assert r["lang"] in {"en", "zh"}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_gold_label_is_well_formed(row):
    gold = row["gold"]
    quote, kind = gold["first_error_quote"], gold["first_error_kind"]
    assert (quote is None) == (kind is None)
    assert isinstance(gold["final_answer_correct"], bool) and gold["final_answer"] and gold["why"]
    if quote is not None:
        assert kind in KINDS
        assert row["text"].count(quote) == 1, "the quote must occur exactly once"
        assert sum(quote in p for p in row["text"].split("\n\n")) == 1, "the quote must lie inside one paragraph"
        assert any(not c["expect_valid"] for c in row["checks"]), "an error row shows a wrong claim failing"
    assert row["checks"], "every row carries at least one solver check"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_gold_checks_agree_with_the_solver(row):
    sol = _solved(row["puzzle"], tuple(sorted(row.get("params", {}).items())))
    for c in row["checks"]:
        got = api.check(sol, c["formula"], stage=c["stage"]).valid
        assert got == c["expect_valid"], (c["formula"], c["stage"], c["about"])


def test_cam_anniversary_published_answer_and_hand_worked_stages():
    """Norvig's variant: April (28) and June (29) fall to Ali, the 19s to Bo, July to Ali's last word."""
    sol = _solved("cheryl_cam.txt", ())
    assert [st.count for st in sol.stages] == [10, 5, 3, 1]
    assert sol.answer_text() == ["March 18"]  # Norvig: "The correct answer is March 18"
    by_hand = [
        {("March", 18), ("March", 19), ("July", 16), ("July", 17), ("July", 19)},
        {("March", 18), ("July", 16), ("July", 17)},
        {("March", 18)},
    ]
    for k, want in enumerate(by_hand, start=1):
        for month, day in want:
            assert api.check(sol, f"not (month = {month} and day = {day})", stage=k).holds < sol.stages[k].count
        assert sol.stages[k].count == len(want)
