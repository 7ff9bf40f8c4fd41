"""The puzzle language: every construct parses to the tree it should, and printing round-trips."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from epistemic import api
from epistemic.errors import EpistemicError
from epistemic.language import formula_source, load_puzzle, parse_claim
from epistemic.language import syntax as s
from epistemic.language.grammar import grammar_for, grammar_path

from tests.random_puzzles import puzzle_texts
from tests.paths import ROOT

CARD16 = (ROOT / "puzzles" / "card16.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def card16():
    return load_puzzle(CARD16, "card16.txt")


def test_table_values_aliases_and_agents(card16):
    suit = card16.variable("suit")
    assert [v.name for v in suit.values] == ["hearts", "spades", "clubs", "diamonds"]
    assert suit.values[3].aliases == ("方块", "♦")
    assert suit.values[2].alias_of_kind("zh") == "草花" and suit.values[2].alias_of_kind("symbol") == "♣"
    rank = card16.variable("rank")
    assert not rank.numeric and rank.values[0].name == "A"  # inferred in order of appearance
    assert len(card16.table_rows) == 16
    assert [a.display for a in card16.agents] == [("P先生", "Mr. P"), ("Q先生", "Mr. Q")]
    assert dict(card16.names)["card"] == ("suit", "rank")


def test_says_wraps_content_in_the_speakers_knowledge(card16):
    first, second = card16.announcements[:2]
    assert first.speaker == "P"
    assert first.content == s.Knows("agent", ("P",), "that", first.said)
    assert first.text("zh") == "我不知道这张牌。"
    assert isinstance(second.said, s.Past) and second.said.back == 1


@pytest.mark.parametrize("claim, expected", [
    ("suit = ♦", s.Compare("=", s.Var("suit"), s.Const(3))),
    ("suit = 方块", s.Compare("=", s.Var("suit"), s.Const(3))),
    ('suit = "diamonds"', s.Compare("=", s.Var("suit"), s.Const(3))),
    ("rank = Q", s.Compare("=", s.Var("rank"), s.Const(1))),  # Q the rank, although Q is also an agent
    ("rank in {A, 5}", s.Member(s.Var("rank"), (0, 9))),
    ("P knows card", s.Knows("agent", ("P",), "value", (s.Var("suit"), s.Var("rank")))),
    ("P knows whether suit = hearts", s.Knows("agent", ("P",), "whether", s.Compare("=", s.Var("suit"), s.Const(0)))),
    ("P does not know rank", s.Not(s.Knows("agent", ("P",), "value", (s.Var("rank"),)))),
    ("distributed knows card", s.Knows("distributed", ("P", "Q"), "value", (s.Var("suit"), s.Var("rank")))),
    ("initially P considers possible rank = K", s.Past(s.Possible("P", s.Compare("=", s.Var("rank"), s.Const(8))), None)),
])
def test_claims_parse_to_their_trees(card16, claim, expected):
    formula, stage = parse_claim(claim, card16)
    assert formula == expected and stage is None


def test_claim_at_a_stage(card16):
    formula, stage = parse_claim("at stage 2: Q knows not P knows card", card16)
    assert stage == 2 and isinstance(formula, s.Knows)


def test_params_families_quantifiers_and_comprehensions():
    text = (ROOT / "puzzles" / "muddy.txt").read_text(encoding="utf-8")
    p = load_puzzle(text, params={"n": 4, "k": 3})
    assert [v.name for v in p.variables] == ["m[1]", "m[2]", "m[3]", "m[4]"]
    assert [a.name for a in p.agents] == ["c[1]", "c[2]", "c[3]", "c[4]"]
    assert p.agents[1].observes == (s.Var("m[1]"), s.Var("m[3]"), s.Var("m[4]"))
    assert len(p.announcements) == 1 + 2 + 1  # father, k-1 rounds, the muddy ones know
    assert [a.round for a in p.announcements] == [None, 1, 2, None]
    assert p.expected_answer == ((3,),)


def test_chained_comparisons_arithmetic_and_lets():
    p = load_puzzle('puzzle "t"\nparam top = 9\nvar x, y in 1..top\nlet s = x + y\nwhere 2 <= x < y and s mod 3 = 1\n'
                    "agent S observes s\nagent P observes x * y\nask (x, y)\n")
    sol = api.solve(p)
    pairs = {(int(sol.space.columns["x"][i]), int(sol.space.columns["y"][i])) for i in range(sol.space.size)}
    assert pairs == {(x, y) for x in range(1, 10) for y in range(1, 10) if 2 <= x < y and (x + y) % 3 == 1}


def test_division_and_modulo_follow_the_shared_semantics():
    """Floor division, modulo with the divisor's sign, and x / 0 = x mod 0 = 0 (engines/arith.py)."""
    p = load_puzzle('puzzle "t"\nvar x in -3..3\nvar y in -2..2\nagent A observes x\nask (x, y)\n')
    sol = api.solve(p)
    for x in range(-3, 4):
        for y in range(-2, 3):
            q, r = (x // y, x % y) if y else (0, 0)
            res = api.check(sol, f"x / y = {q} and x mod y = {r}", at=f"x = {x} and y = {y}")
            assert res.at_value, (x, y)


def test_repeat_and_each_announcements():
    p = load_puzzle((ROOT / "puzzles" / "drinking_logicians.txt").read_text(encoding="utf-8"), params={"n": 4})
    assert [a.speaker for a in p.announcements] == ["l[1]", "l[2]", "l[3]", "l[4]"]
    assert all(a.text("en") for a in p.announcements)


def test_text_lines_attach_to_the_statement_above(card16):
    assert card16.text("en").startswith("There are 16 playing cards")
    assert card16.question.texts == (("en", "Which card is it?"), ("zh", "这张牌是什么牌？"))


def test_params_override_and_unknown_params():
    from epistemic.errors import EpistemicError

    text = (ROOT / "puzzles" / "sum_product.txt").read_text(encoding="utf-8")
    assert dict(load_puzzle(text, params={"bound": 50}).params)["bound"] == 50
    with pytest.raises(EpistemicError, match="unknown parameter 'bond'"):
        load_puzzle(text, params={"bond": 50})


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(puzzle_texts())
def test_printed_formulas_parse_back_to_the_same_tree(text):
    puzzle = load_puzzle(text)
    for ann in puzzle.announcements:
        again, _ = parse_claim(formula_source(ann.said, puzzle), puzzle)
        assert again == ann.said, formula_source(ann.said, puzzle)


@pytest.mark.parametrize("path", sorted((ROOT / "puzzles").glob("*.txt")), ids=lambda p: p.stem)
def test_every_announcement_of_every_puzzle_prints_back(path):
    puzzle = api.load_puzzle(path)
    for ann in puzzle.announcements:
        again, _ = parse_claim(formula_source(ann.said, puzzle), puzzle)
        assert again == ann.said


def test_grammar_is_found_and_can_start_at_claims():
    assert grammar_path().name == "epistemic.lark"
    assert any(line == "start: claim" for line in grammar_for("claim").splitlines())


def test_apply_int_lists_is_apply_int_elementwise():
    """The list form (a map of the operator for + - *) gives apply_int's value at every pair, x / 0 = x mod 0 = 0."""
    from epistemic.language.arith import apply_int, apply_int_lists

    xs = [-7, -1, 0, 1, 5, 9, 10**20]
    ys = [3, -2, 0, 4, -5, 0, 7]
    for op in ("+", "-", "*", "/", "mod"):
        assert apply_int_lists(op, xs, ys) == [apply_int(op, a, b) for a, b in zip(xs, ys)]


def test_a_value_of_several_parts_without_its_tuple_gets_a_hint(card16):
    """`card = diamonds 5` is how an `answer` line writes the card; in a formula the card is a tuple."""
    for claim, hint in [("card = diamonds 5", "card = (diamonds, 5)"),
                        ("card = diamonds 5 and P knows card", "card = (diamonds, 5)")]:
        with pytest.raises(EpistemicError) as err:
            parse_claim(claim, card16)
        assert err.value.hint == f"a value of several parts is a tuple in a formula: {hint}", claim
    with pytest.raises(EpistemicError) as err:
        parse_claim("P knows card card", card16)  # no value before: no such hint
    assert err.value.hint is None or "tuple" not in err.value.hint
    formula, _ = parse_claim("card = (diamonds, 5)", card16)
    assert formula is not None
