"""Dialogue lines are syntax formulas: the parser reads back exactly the formula each line was built from."""
import random

import pytest

from epistemic.api import load_puzzle
from epistemic.generate import dialogue as d
from epistemic.generate.difficulty import modal_depth
from epistemic.generate.families import FAMILIES
from epistemic.generate.families.cards import ANSWER, VOICE
from epistemic.generate.families.muddy import father, is_muddy, nobody_knows
from epistemic.generate.screen import Verdict, build_model, evaluate, run, screen
from epistemic.language import syntax as s
from epistemic.language.printer import formula_source

KNOBS = {"muddy": {"story": "hats"}, "sum_product": {"pairs": 12}, "generic": {"agents": 3, "columns": 3}}


@pytest.mark.parametrize("family", ["cards", "birthdays", "sum_product", "muddy", "generic"])
def test_printed_lines_parse_back_to_the_same_formulas(family):
    fam = FAMILIES[family]
    knobs = {**fam.defaults, **KNOBS.get(family, {})}
    for seed in range(12):
        cand = fam.sample(random.Random(seed), knobs)
        counts = tuple(h.bit_count() for h in run(cand.model, cand.lines))
        text = cand.write(Verdict(True, "ok", counts, 0), "t")
        text = "\n".join(l for l in text.splitlines() if not l.startswith("expect"))
        puzzle = load_puzzle(text)
        assert [a.said for a in puzzle.announcements] == [line.body for line in cand.lines]
        assert [a.speaker for a in puzzle.announcements] == [line.speaker for line in cand.lines]


def test_line_source_names_the_answer_and_spells_facts():
    line = d.make_line("knew_other_didnt", "Q", "P", VOICE, False, False, 2, ANSWER)
    assert line.body == s.Past(s.Knows("agent", ("Q",), "that", s.Not(s.Knows("agent", ("P",), "value", ANSWER))), 1)
    assert d.line_source(line, {ANSWER: "card"}) == "Q says: before (Q knows that (not P knows card))"
    assert d.line_source(line, {}) == "Q says: before (Q knows that (not P knows (suit, rank)))"
    unsure = d.Line("c[1]", s.Not(d.knows_whether("c[1]", is_muddy(1))), "", "")
    assert d.line_source(unsure, {is_muddy(1): "m[1]"}) == "c[1] says: not (c[1] knows whether (m[1]))"
    assert d.line_source(unsure, {}) == "c[1] says: not (c[1] knows whether m[1] = 1)"
    public = d.Line(None, father(2), "", "")
    assert d.line_source(public, {father(2): "any i in 1..2: m[i]"}) == "announce: any i in 1..2: m[i]"
    assert formula_source(father(2)) == "m[1] = 1 or m[2] = 1"


def test_modal_depth_of_dialogue_moves():
    depth = {k: modal_depth(d.make_line(k, "P", "Q", VOICE, False, False, 2, ANSWER).body)
             for k in ("dont_know", "knew_other_didnt", "know_other_doesnt", "dont_know_and_other_doesnt", "know")}
    assert depth == {"dont_know": 1, "knew_other_didnt": 2, "know_other_doesnt": 2,
                     "dont_know_and_other_doesnt": 2, "know": 1}
    assert modal_depth(nobody_knows(3)) == 1 and modal_depth(father(3)) == 0


def test_screen_by_hand_on_two_children():
    """Two children, worlds 00 01 10 11 (bits 0..3), worked by hand: the father, then "nobody knows" leaves 11."""
    worlds = [(0, 0), (0, 1), (1, 0), (1, 1)]
    keys = {"c[1]": [w[1] for w in worlds], "c[2]": [w[0] for w in worlds]}
    model = build_model(keys, {is_muddy(i): [w[i - 1] == 1 for w in worlds] for i in (1, 2)},
                        answer=(s.Var("m[1]"), s.Var("m[2]")))
    full = model.full
    assert evaluate(father(2), model, (full,)) == 0b1110
    # After the father: in 01 child 2 sees a clean child 1 and knows; in 10 child 1 knows; in 11 nobody does.
    after = (full, 0b1110)
    assert evaluate(nobody_knows(2), model, after) == 0b1000
    assert evaluate(d.knows_that("c[2]", is_muddy(2)), model, after) == 0b0010
    # `before` looks one announcement back: at stage 0 child 2 knows nothing about m[2] anywhere.
    assert evaluate(d.before(d.knows_whether("c[2]", is_muddy(2))), model, after) == 0
    lines = (d.Line(None, father(2), "", ""), d.Line(None, nobody_knows(2), "", ""))
    assert run(model, lines) == (full, 0b1110, 0b1000)
    assert screen(model, lines).ok


def test_screen_refuses_what_it_cannot_evaluate():
    model = build_model({"P": [0, 0, 1]}, answer=(s.Var("x"),))
    with pytest.raises(ValueError, match="cannot evaluate"):
        evaluate(s.Knows("agent", ("P",), "value", (s.Var("y"),)), model, (model.full,))
    with pytest.raises(ValueError, match="cannot evaluate"):
        evaluate(s.Possible("P", s.Bool(True)), model, (model.full,))
    with pytest.raises(ValueError, match="cannot evaluate"):
        evaluate(s.Compare("=", s.Var("x"), s.Const(1)), model, (model.full,))
    assert evaluate(s.Knows("agent", ("P",), "value", (s.Var("x"),)), model, (model.full,)) == 0b100
