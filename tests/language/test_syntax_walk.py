"""The one generic view of the formula tree (children / with_children / walk / transform) on random puzzles."""
from dataclasses import fields

from hypothesis import given, settings

from epistemic.api import load_puzzle
from epistemic.language import syntax as s
from tests.random_puzzles import puzzle_texts


def _nodes_by_fields(node) -> int:
    """Count nodes by reading every dataclass field (independent of syntax._CHILD_FIELDS)."""
    total = 1
    for f in fields(node):
        value = getattr(node, f.name)
        items = value if isinstance(value, tuple) else (value,)
        total += sum(_nodes_by_fields(x) for x in items if isinstance(x, s.NODE_TYPES))
    return total


def _modal_by_hand(node) -> bool:
    if isinstance(node, s.MODAL_TYPES):
        return True
    return any(_modal_by_hand(x) for f in fields(node)
               for x in (getattr(node, f.name) if isinstance(getattr(node, f.name), tuple) else (getattr(node, f.name),))
               if isinstance(x, s.NODE_TYPES))


@settings(max_examples=40, deadline=None)
@given(puzzle_texts())
def test_walk_visits_every_node_and_rebuilding_is_the_identity(text):
    puzzle = load_puzzle(text)
    for formula in [a.content for a in puzzle.announcements] + list(puzzle.constraints):
        assert len(list(s.walk(formula))) == _nodes_by_fields(formula)
        assert s.transform(formula, lambda n: n) == formula
        assert s.with_children(formula, s.children(formula)) == formula
        assert s.is_modal(formula) == _modal_by_hand(formula)


def test_transform_rewrites_bottom_up():
    f = s.And((s.Compare("=", s.Var("x"), s.Const(1)), s.Not(s.Compare("<", s.Var("y"), s.Const(2)))))
    bumped = s.transform(f, lambda n: s.Const(n.value + 1) if isinstance(n, s.Const) else n)
    assert bumped == s.And((s.Compare("=", s.Var("x"), s.Const(2)), s.Not(s.Compare("<", s.Var("y"), s.Const(3)))))


def test_walk_is_not_limited_by_recursion_depth():
    deep = s.Bool(True)
    for _ in range(20_000):
        deep = s.Not(deep)
    assert sum(1 for _ in s.walk(deep)) == 20_001
    assert not s.is_modal(deep)
    assert s.is_modal(s.Not(s.Past(deep)))


def test_static_terms():
    assert s.is_static_term(s.Arith("+", s.Var("x"), s.Neg(s.Const(3))))
    assert not s.is_static_term(s.Count((s.Bool(True),)))
