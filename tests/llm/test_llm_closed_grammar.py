"""The extraction grammar leaves no free text: per puzzle, only its own names, symbols and strings;
no comments, no made-up aliases. Checked in python-lark and in llguidance for every shipped puzzle."""

from __future__ import annotations

from pathlib import Path

import pytest

from epistemic.language import grammar_text, parse_claim
from epistemic.language.load import load_puzzle
from epistemic.llm.extract import formal_part, strip_comments, worked_examples
from epistemic.llm.grammar import ClaimListParser, closed_grammar, extraction_grammar, puzzle_vocabulary

PUZZLES = sorted((Path(__file__).resolve().parents[2] / "puzzles").glob("*.txt"))


@pytest.fixture(scope="module")
def base():
    return extraction_grammar(grammar_text())


def _closed(base, path):
    puzzle = load_puzzle(str(path))
    return puzzle, ClaimListParser(closed_grammar(base, puzzle_vocabulary(puzzle, base)))


def test_card16_no_escape(base):
    puzzle, parser = _closed(base, PUZZLES[[p.name for p in PUZZLES].index("card16.txt")])
    assert parser.accepts("P knows card ; before (Q knows not P knows card)")
    assert parser.accepts("suit = diamonds and rank = 5") and parser.accepts("card = (♦, 5)")
    for bad in ["P (P最后) knows card", "P knows card  # I know you didn't know", 'P knows "anything"',
                "Pete knows card", "P knows card \\\n ; Q knows card"]:
        assert not parser.accepts(bad), bad
    assert ClaimListParser(base).accepts("P knows card  # a comment")  # the open grammar allowed it


@pytest.mark.parametrize("path", PUZZLES, ids=lambda p: p.stem)
def test_every_puzzle_announcement_is_expressible(base, path):
    """Each announcement's formula that is a valid claim on its own parses in the puzzle's closed
    grammar (the grammar lost nothing a claim needs); the grammar compiles in llguidance too."""
    puzzle, parser = _closed(base, path)

    def elaborates(formula):
        try:
            parse_claim(formula, puzzle)
            return True
        except Exception:  # noqa: BLE001 - e.g. the i of `for i in`, a let name
            return False

    claims = worked_examples(puzzle, limit=100, usable=elaborates)
    assert claims or path.stem in ("russian_cards", "islanders", "muddy", "drinking_logicians",
                                   "dining_cryptographers_n")
    for _step, formula in claims:
        assert parser.accepts(formula), formula
    llg = pytest.importorskip("llguidance")
    from epistemic.llm.constrained import compile_lark

    compile_lark(parser.grammar)
    assert llg is not None


def test_context_has_no_comments():
    src = 'P says: not P knows card   # "I don\'t know"\n  en: "I # don\'t"\nshow x as "a#b"  # c\n'
    assert strip_comments(src) == 'P says: not P knows card\n  en: "I # don\'t"\nshow x as "a#b"\n'
    assert formal_part(src) == 'P says: not P knows card\nshow x as "a#b"\n'
