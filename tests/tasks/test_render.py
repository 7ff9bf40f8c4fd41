"""render_prompt works on every puzzle file and every generated family, in English and Chinese."""
import glob

import pytest

from epistemic.api import load_puzzle
from epistemic.errors import EpistemicError
from epistemic.generate import FAMILIES, generate
from epistemic.tasks.render import render_prompt

PUZZLES = sorted(glob.glob("puzzles/*.txt"))


def _loads(path):
    try:
        load_puzzle(path)
        return True
    except EpistemicError:
        return False


@pytest.mark.parametrize("path", PUZZLES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_puzzle_file_renders(path, lang):
    if not _loads(path):
        pytest.skip(f"{path} does not load (not a puzzle of this language)")
    text = render_prompt(load_puzzle(path), lang)
    assert ("Answer:" in text) if lang == "en" else ("答案：" in text)
    puzzle = load_puzzle(path)
    for a in puzzle.announcements:
        if a.text(lang):
            assert a.text(lang) in text


def test_card16_reads_like_the_seed():
    zh = render_prompt("puzzles/card16.txt", "zh")
    assert "红桃A、Q、4" in zh and "P先生：我不知道这张牌。" in zh and "请问：这张牌是什么牌？" in zh
    en = render_prompt("puzzles/card16.txt", "en")
    assert "hearts: A, Q, 4" in en and "Mr. Q: I knew you didn't know the card." in en


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_generated_puzzles_render(family, lang):
    items, _ = generate(family, 1, seed=2, use_z3=False)
    text = render_prompt(items[0].text, lang)
    assert len(text) > 100 and "<answer>" in text
    assert " says: " not in text and "knows card" not in text  # no puzzle language leaks into the statement


def test_unknown_language():
    with pytest.raises(EpistemicError):
        render_prompt("puzzles/card16.txt", "fr")
