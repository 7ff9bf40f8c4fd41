"""The hand-written natural traces in tests/data/natural/*.jsonl are well-formed and their gold checks hold.

Each row carries puzzle-language checks of its key claims (valid for correct traces, NOT valid for the first
error of an error trace); they are re-run here against the solver so the gold labels cannot drift from it.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from epistemic import api

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "tests" / "data" / "natural").glob("*.jsonl"))
KINDS = {"wrong-elimination", "kept-eliminated", "premature", "wrong-agent", "arithmetic",
         "wrong-final-answer", "wrong-credit"}


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = [(f"{p.stem}:{r['id']}", r) for p in FILES for r in _rows(p)]


@lru_cache(maxsize=None)
def _solution(puzzle: str, params: tuple):
    return api.solve(api.load_puzzle(ROOT / "puzzles" / puzzle, dict(params)))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_ids_unique_and_a_third_heldout(path):
    rows = _rows(path)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    heldout = sum(r["split"] == "heldout" for r in rows)
    assert abs(3 * heldout - len(rows)) <= 2, (heldout, len(rows))


@pytest.mark.parametrize("rid,row", ROWS, ids=[i for i, _ in ROWS])
def test_row_is_well_formed(rid, row):
    assert (ROOT / "puzzles" / row["puzzle"]).is_file()
    assert row["lang"] in {"en", "zh"} and row["split"] in {"tune", "heldout"}
    gold, text = row["gold"], row["text"]
    assert gold["final_answer"] in text
    quote, kind = gold["first_error_quote"], gold["first_error_kind"]
    if quote is None:
        assert kind is None and gold["final_answer_correct"] is True
        assert any(c["expect_valid"] for c in row["checks"])
    else:
        assert kind in KINDS
        assert text.count(quote) == 1 and "\n\n" not in quote  # unique, inside one paragraph
        assert any(not c["expect_valid"] for c in row["checks"])


@pytest.mark.parametrize("rid,row", ROWS, ids=[i for i, _ in ROWS])
def test_gold_checks_hold(rid, row):
    sol = _solution(row["puzzle"], tuple(sorted(row.get("params", {}).items())))
    for c in row["checks"]:
        got = api.check(sol, c["formula"], stage=c["stage"]).valid
        assert got is c["expect_valid"], (c["formula"], c["stage"], c["about"])
