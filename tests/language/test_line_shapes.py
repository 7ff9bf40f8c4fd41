"""Lines built from a learnt shape (line_shapes.py) are lark's trees: same nodes, tokens, positions and meta
order; lines lark refuses are refused alike."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic.generate import FAMILIES, generate
from epistemic.language.grammar import parser
from epistemic.language.lark_parser import UnexpectedInput
from epistemic.language.line_parse import _LINE
from epistemic.language.line_shapes import LineShapes, _RecordingThread, template

from tests.language import trees
from tests.random_puzzles import puzzle_texts

META = ("empty", "line", "column", "start_pos", "end_line", "end_column", "end_pos", "container_line",
        "container_column", "container_start_pos", "container_end_line", "container_end_column", "container_end_pos")


def difference(a, b, path: str = "start") -> str | None:
    """trees.difference, and each node's positions set in the same order (Meta's dict as lark fills it)."""
    found = trees.difference(a, b, META, path)
    if found:
        return found
    if hasattr(a, "children"):
        if list(a.meta.__dict__) != list(b.meta.__dict__):
            return f"{path}: meta order {list(a.meta.__dict__)} vs {list(b.meta.__dict__)}"
        for i, (x, y) in enumerate(zip(a.children, b.children)):
            found = difference(x, y, f"{path}[{i}]")
            if found:
                return found
    return None


def lines_of(text: str) -> list[str]:
    return [m.group() for m in _LINE.finditer(text if text.endswith("\n") else text + "\n")]


def lark_outcome(chunk: str):
    try:
        return parser().parse(chunk, start="start")
    except UnexpectedInput as exc:
        return type(exc)


def shapes_outcome(shapes: LineShapes, chunk: str):
    try:
        return shapes.parse(chunk)
    except UnexpectedInput as exc:
        return type(exc)


def same(shapes: LineShapes, chunk: str) -> str | None:
    ours, theirs = shapes_outcome(shapes, chunk), lark_outcome(chunk)
    if isinstance(ours, type) or isinstance(theirs, type):
        return None if ours is theirs else f"{ours!r} vs {theirs!r}"
    return difference(ours, theirs)


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_generated_lines_built_by_shape_are_larks_trees(family):
    shapes = LineShapes(parser())
    items, _ = generate(family, 12, seed=5, use_z3=False)
    built = 0
    for item in items:
        for chunk in lines_of(item.text):
            built += shapes.by_shape(chunk) is not None
            assert same(shapes, chunk) is None, chunk
    assert built > 0  # most lines come back in a shape seen before


def test_a_learnt_shape_builds_other_lines_of_that_shape():
    shapes = LineShapes(parser())
    assert shapes.by_shape("  hearts: A 4 5 6\n") is None
    shapes.parse("  hearts: A 4 5 6\n")
    for chunk in ["  spades: K 2 3 7\n\n", "clubs:J 10 2 7\n", "  x: y 1 22 3   # note\n"]:
        assert shapes.by_shape(chunk) is not None
        assert same(shapes, chunk) is None
    assert shapes.by_shape("  spades: 2 3\n") is None  # fewer tokens: another shape


@pytest.mark.parametrize("pair", [
    ("agent P observes rank\n", "agent in observes rank\n"),  # a keyword where a name stood
    ("P says: P knows card\n", "P says: P knows that\n"),
    ("answer card = spades 2\n", "answer card = spades 2 3\n"),
    ("ask x\n", "ask \u00e9\n"),
    ('puzzle "a"\n', 'puzzle "a\n'),
    ("values v: a, b\n", "values v: a, b,\n"),
])
def test_lines_near_a_learnt_shape_parse_or_fail_as_lark_says(pair):
    shapes = LineShapes(parser())
    learnt, other = pair
    assert same(shapes, learnt) is None
    assert same(shapes, other) is None
    assert same(shapes, other) is None  # and again, now that its own shape may be learnt


WORDS = st.sampled_from(["P", "Q", "card", "suit", "rank", "hearts", "A", "K", "10", "2", "in", "and", "or", "not",
                         "knows", "says", "observes", "agent", "values", "answer", "expect", "stages", "=", ":",
                         ",", "(", ")", "{", "}", "[", "]", "..", "-", "+", "<=", '"x"', '"a b"', "♥", "红桃",
                         "en", "zh", "ask", "show", "as", "that", "whether", "#c", "worlds", "puzzle"])


@settings(max_examples=300, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(WORDS, min_size=1, max_size=12), min_size=1, max_size=30),
       st.sampled_from([" ", "  ", "\t"]), st.sampled_from(["\n", "\n\n"]))
def test_random_word_lines_agree_with_lark(lines, gap, end):
    """Lines of grammar words in random order (most refused, some in the same shape as others): a shared memo
    sees each shape first learnt, then built; the outcome is lark's every time."""
    shapes = LineShapes(parser())
    for words in lines + lines:
        chunk = "  " + gap.join(words) + end
        assert same(shapes, chunk) is None, chunk


@settings(max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(puzzle_texts(max_worlds=20), puzzle_texts(max_worlds=20))
def test_random_puzzle_lines_agree_with_lark(first, second):
    shapes = LineShapes(parser())
    for chunk in lines_of(first) + lines_of(second) + lines_of(first):
        assert same(shapes, chunk) is None, chunk


def test_a_tree_with_a_token_the_lexer_did_not_make_has_no_template():
    shapes = LineShapes(parser())
    recorded, again = _RecordingThread(shapes.contextual, "ask x\n"), _RecordingThread(shapes.contextual, "ask x\n")
    tree = shapes.lalr.parse(recorded, "start")
    shapes.lalr.parse(again, "start")
    assert [t.type for t in recorded.tokens] == ["ASK", "NAME", "_NL"] and len(recorded.states) == 4
    assert template(tree, recorded.tokens) is not None
    assert template(tree, again.tokens) is None  # equal tokens of another parse are not that tree's
    assert template(tree, recorded.tokens[:2]) is None  # a position from a token not given
