"""The world table's cells are looked up by exact spelling (elaborate._exact_codes) before `code_of`: the same
code for every spelling of every value, in every shipped and generated puzzle."""
from __future__ import annotations

from pathlib import Path

import pytest

from epistemic.errors import EpistemicError
from epistemic.generate import FAMILIES, generate
from epistemic.language.elaborate import Elaborator, _exact_codes, load_puzzle

ROOT = Path(__file__).resolve().parents[2]


def _puzzles():
    for path in sorted((ROOT / "puzzles").glob("*.txt")):
        try:
            yield load_puzzle(path.read_text(encoding="utf-8"), str(path))
        except EpistemicError:
            continue  # needs parameters
    for family in sorted(FAMILIES):
        for item in generate(family, 2, seed=3, use_z3=False)[0]:
            yield item.verified.solution.puzzle


def test_exact_spellings_give_code_ofs_codes():
    elab = Elaborator("", "<test>", {})
    checked = 0
    for puzzle in _puzzles():
        for var in puzzle.variables:
            for spelling, code in _exact_codes(var).items():
                assert elab.code_of(var, spelling, None) == code, (puzzle.file, var.name, spelling)
                checked += 1
    assert checked > 100


def test_a_cell_in_another_case_still_resolves_and_a_wrong_one_fails():
    text = ('puzzle "t"\nvalues suit: hearts (h), spades\nvalues rank: A (ace), 2\nworlds card(suit, rank):\n'
            '  Hearts: ace 2\n  spades: A\nagent P observes rank\nask card\n')
    assert load_puzzle(text).table_rows == ((0, 0), (0, 1), (1, 0))
    with pytest.raises(EpistemicError, match="is not a value of rank"):
        load_puzzle(text.replace("ace 2", "ace 3"))
