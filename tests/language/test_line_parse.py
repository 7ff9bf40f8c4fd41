"""Parsing line by line (with the parse of each distinct line reused) gives parse_text's tree, positions included."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic.errors import EpistemicError
from epistemic.generate import FAMILIES, generate
from epistemic.language.elaborate import load_puzzle
from epistemic.language.line_parse import parse_by_line, statements_by_line
from epistemic.language.parse import parse_text

from tests.language import trees

ROOT = Path(__file__).resolve().parents[2]
META = ("empty", "line", "column", "start_pos", "end_line", "end_column", "end_pos", "container_line",
        "container_column", "container_start_pos", "container_end_line", "container_end_column", "container_end_pos")


def difference(a, b) -> str | None:
    """Where two parse trees of one runtime differ (node kinds, data, tokens and every position), or None."""
    return trees.difference(a, b, META)


def puzzle_files() -> list[Path]:
    return [p for p in sorted((ROOT / "puzzles").glob("*.txt"))]


@pytest.mark.parametrize("path", puzzle_files(), ids=lambda p: p.name)
def test_shipped_puzzles_parse_to_the_same_tree(path):
    text = path.read_text(encoding="utf-8")
    assert difference(parse_text(text, str(path)), parse_by_line(text, str(path))) is None
    assert difference(parse_text(text, str(path)), parse_by_line(text, str(path))) is None  # lines now reused


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_generated_puzzles_give_the_same_tree_and_puzzle(family):
    items, _ = generate(family, 4, seed=21, use_z3=False)
    for item in items:
        assert difference(parse_text(item.text), parse_by_line(item.text)) is None
        assert load_puzzle(item.text, by_line=True) == load_puzzle(item.text)


LINES = [
    'puzzle "t"', "", "   ", "# a comment", "values suit: hearts (红桃, ♥), spades", "values rank: A, 2",
    "worlds card(suit, rank):", "  hearts: A 2", "  spades: 2", "", 'agent P (P先生, "Mr. P") observes rank',
    "agent Q observes suit", "P says: not P knows card  # why", '  en: "I do not know."', "Q says: Q knows card",
    "answer card = spades 2", "expect stages 3 2 1", "ask card", "\t", "let x = not P knows card",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), min_size=0, max_size=25), st.sampled_from(["\n", "\n\n", "\n \n"]),
       st.booleans())
def test_random_line_sequences_agree_with_the_whole_parse(lines, sep, final_newline):
    """Blank lines, comments, whitespace-only lines and a missing last newline: same tree, or the same error."""
    text = sep.join(lines) + ("\n" if final_newline else "")
    try:
        whole = parse_text(text)
    except EpistemicError as exc:
        with pytest.raises(EpistemicError) as caught:
            parse_by_line(text)
        assert caught.value.render() == exc.render()
        return
    assert difference(whole, parse_by_line(text)) is None


def test_continuations_and_errors_fall_back_to_the_whole_parse():
    text = 'puzzle "t"\nvalues v: a, \\\n  b\nvar x: v\nagent P observes x\nask x\n'
    assert difference(parse_text(text), parse_by_line(text)) is None
    bad = 'puzzle "t"\nvalues v: a, b\nagent P observes x x x\n'
    with pytest.raises(EpistemicError) as whole:
        parse_text(bad, "f.txt")
    with pytest.raises(EpistemicError) as by_line:
        parse_by_line(bad, "f.txt")
    assert by_line.value.render() == whole.value.render()


@pytest.mark.parametrize("line", ["param n = 1234567890123456789012345", "where " + "not " * 120 + "x = 1",
                                  "where " + "x + " * 150 + "1 = 1"])
def test_limits_give_the_whole_parse_error(line):
    """The depth and number limits are checked per cached line; a line past them gives parse_text's error."""
    text = f'puzzle "t"\nvar x in 1..3\n{line}\nagent P observes x\nask x\n'
    with pytest.raises(EpistemicError) as whole:
        parse_text(text, "f.txt")
    for _ in range(2):  # the line's parse comes from the cache the second time
        with pytest.raises(EpistemicError) as by_line:
            parse_by_line(text, "f.txt")
        assert by_line.value.render() == whole.value.render()


def shifted(placed):
    """The statements statements_by_line places, as parse_by_line's copies of them."""
    from epistemic.language.line_parse import _shift

    return [_shift(tree, lines, pos) for tree, lines, pos in placed]


@pytest.mark.parametrize("path", puzzle_files(), ids=lambda p: p.name)
def test_placed_statements_are_the_whole_trees_statements(path):
    """Each cached statement moved by its offsets is the whole parse's statement, positions included; and the
    puzzle elaborated from the shared trees equals the puzzle of the whole parse (spans and sources included)."""
    text = path.read_text(encoding="utf-8")
    placed = statements_by_line(text)
    if placed is None:  # continuations: load_puzzle(by_line=True) parses the whole text
        assert "\\" in text
        return
    whole = [st for st in parse_text(text, str(path)).children if st is not None and hasattr(st, "data")]
    assert len(placed) == len(whole)
    for mine, theirs in zip(shifted(placed), whole):
        assert difference(mine, theirs) is None
    try:
        expected = load_puzzle(text, str(path))
    except EpistemicError as exc:
        with pytest.raises(EpistemicError) as caught:
            load_puzzle(text, str(path), by_line=True)
        assert caught.value.render() == exc.render()
        return
    got = load_puzzle(text, str(path), by_line=True)
    assert got == expected
    assert [a.span for a in got.announcements] == [a.span for a in expected.announcements]
    assert [a.source for a in got.announcements] == [a.source for a in expected.announcements]


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "data" / "broken").glob("*.txt")), ids=lambda p: p.name)
def test_elaboration_errors_by_line_are_located_like_the_whole_parse(path):
    """An error met while elaborating the shared line trees is raised again from the whole tree: same message,
    same line and column."""
    text = path.read_text(encoding="utf-8")
    try:
        expected = load_puzzle(text, str(path))
    except EpistemicError as exc:
        for _ in range(2):  # the second time every line comes from the cache
            with pytest.raises(EpistemicError) as caught:
                load_puzzle(text, str(path), by_line=True)
            assert caught.value.render() == exc.render()
        return
    assert load_puzzle(text, str(path), by_line=True) == expected


def test_an_error_on_a_later_line_names_that_line():
    """The error's location is the whole text's, not the cached line's (line 1, offset 0)."""
    text = 'puzzle "t"\nvalues v: a, b\nvar x: v\nagent P observes x\nP says: P knows y\nask x\n'
    with pytest.raises(EpistemicError) as whole:
        load_puzzle(text, "f.txt")
    with pytest.raises(EpistemicError) as by_line:
        load_puzzle(text, "f.txt", by_line=True)
    assert by_line.value.render() == whole.value.render()
    assert whole.value.location is not None and whole.value.location.line == 5
