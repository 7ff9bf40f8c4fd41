"""The scanner's regex layout (lexicon.words_pattern) is a speed-up only: with the words that start with an ASCII
letter or digit sharing one word-start test, every text scans exactly as with one alternative per group."""
import random
import re
import sys

import pytest

from epistemic.api import load_puzzle
from epistemic.audit import lexicon as L
from epistemic.audit.lexicon import build_lexicon
from tests.paths import ROOT

PUZZLES = ("card16", "cheryl", "sum_product", "muddy", "drinking_logicians")


def test_word_start_chars_are_every_character_an_ascii_letter_matches_in_any_case():
    folds = re.compile(r"(?i)[A-Za-z0-9_]")
    others = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if folds.match(chr(c)))
    assert set(L._WORD_START_CHARS) == set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + others)


def _groups(lex):
    exact = list(lex.entries)
    return exact, [x for x in lex.folded if x not in lex.entries]


@pytest.mark.parametrize("name", PUZZLES)
def test_shared_word_start_scans_like_one_alternative_per_group(name, monkeypatch):
    path = ROOT / "puzzles" / f"{name}.txt"
    exact, folded = _groups(build_lexicon(load_puzzle(str(path))))
    fast = re.compile(L.words_pattern(exact, folded, numbers=True))
    monkeypatch.setattr(L, "_apart", lambda words, flags: False)  # forces one alternative per group
    plain = re.compile(L.words_pattern(exact, folded, numbers=True))
    assert fast.pattern != plain.pattern
    rng = random.Random(7)
    pieces = list("abcsSkKiI019_. ,'-\n") + ["\u017f", "\u212a", "\u0131", "\u0130", "\uff13", "\u0663", "知道", "和",
                                               "♥", "→"]
    words = exact + folded
    for _ in range(1500):
        text = "".join(rng.choice(pieces + rng.sample(words, 3)) for _ in range(25))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text
