"""The screen's fast paths against the code they replace: compiled line closures (screen_tests.py) against
`screen.evaluate`, and `table_model` against `build_model`, on the candidates every family samples and on
every dialogue the banks hold."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings, strategies as st

from epistemic.generate import FAMILIES
from epistemic.generate import dialogue as d
from epistemic.generate.families.cards import ANSWER, VOICE
from epistemic.generate.pipeline import item_rng
from epistemic.generate.screen import ScreenModel, build_model, evaluate, table_model
from epistemic.generate.screen_tests import compile_formula
from epistemic.language import syntax as s


def _histories(model: ScreenModel, lines, rng: random.Random):
    """The histories the screen meets (the dialogue's own stages) and random decreasing ones."""
    hist = (model.full,)
    for line in lines:
        yield hist
        hist = hist + (evaluate(line.content, model, hist),)
    yield hist
    for _ in range(3):
        m, hist = model.full, (model.full,)
        for _ in range(rng.randint(0, 4)):
            m &= rng.getrandbits(model.n)
            hist = hist + (m,)
        yield hist


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_compiled_lines_equal_evaluate_on_sampled_candidates(family):
    fam = FAMILIES[family]
    knobs = dict(fam.defaults)
    rng, check = item_rng(family, knobs, 5, 0), random.Random(0)
    for _ in range(150):
        cand = fam.sample(rng, knobs)
        for hist in _histories(cand.model, cand.lines, check):
            for line in cand.lines:
                assert line.screen_test(cand.model, hist) == evaluate(line.content, cand.model, hist)
                assert compile_formula(line.content)(cand.model, hist) == evaluate(line.content, cand.model, hist)


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("agents", [("P", "Q"), ("A", "B", "C")])
def test_compiled_lines_equal_evaluate_on_every_banked_dialogue(length, agents):
    check = random.Random(length)
    keys = {a: [check.randrange(4) for _ in range(12)] for a in agents}
    model = build_model(keys, answer=ANSWER)
    for lines in d.dialogue_bank(agents, VOICE, ANSWER, length, "random"):
        for hist in _histories(model, lines, check):
            for line in lines:
                assert line.screen_test(model, hist) == evaluate(line.content, model, hist)


def test_compiled_formulas_cover_or_bool_whether_facts_and_errors():
    knows = d.knows_answer("P", ANSWER)
    model = build_model({"P": [0, 0, 1, 1, 2]}, answer=ANSWER, answers=[0, 1, 1, 2, 2])
    formulas = [s.Or((knows, s.Bool(False))), s.Bool(True), d.knows_whether("P", knows),
                s.Past(knows, None), s.And(()), s.Or(())]
    hist = (0b11111, 0b11011, 0b01011)
    for f in formulas:
        assert compile_formula(f)(model, hist) == evaluate(f, model, hist)
    other = d.knows_answer("P", (s.Var("date"),))
    for bad in (other, s.Knows("everyone", ("P",), "value", ANSWER), s.Possible("P", knows)):
        test = compile_formula(bad)  # compiling never raises; evaluating does, as evaluate does
        with pytest.raises(ValueError) as compiled:
            test(model, hist)
        with pytest.raises(ValueError) as plain:
            evaluate(bad, model, hist)
        assert str(compiled.value) == str(plain.value)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 12)), min_size=1, max_size=30, unique=True),
       st.booleans())
def test_table_model_equals_build_model(cards, by_rank):
    cards = sorted(cards)
    p, q = (1, 0) if by_rank else (0, 1)
    expected = build_model({"P": [c[p] for c in cards], "Q": [c[q] for c in cards]}, answer=ANSWER)
    assert table_model(cards, (("P", p), ("Q", q)), ANSWER) == expected


def test_own_knowledge_is_recognised_by_form():
    """Every banked line is about its speaker's own knowledge (its outer class loop is skipped); a fact or
    another agent's knowledge is not."""
    from epistemic.language.introspection import about_own_knowledge as _about_own_knowledge

    for length in (1, 2, 3, 4):
        for dialogue in d.dialogue_bank(("P", "Q"), VOICE, ANSWER, length, "random"):
            assert all(_about_own_knowledge(line.body, line.speaker) for line in dialogue)
    fact = s.Compare("=", s.Var("suit"), s.Const(0))
    assert not _about_own_knowledge(s.And((d.knows_answer("P", ANSWER), fact)), "P")
    assert not _about_own_knowledge(s.Not(d.knows_answer("Q", ANSWER)), "P")
    assert _about_own_knowledge(s.Or((s.Bool(True), s.Past(s.Not(d.knows_answer("P", ANSWER)), 1))), "P")


@pytest.mark.parametrize("told", ["rank", "suit"])
def test_cards_draft_gives_sample_s_candidate_and_table_model(told):
    """The cards draft (base.Draft) screens table_model's model and finishes into the Candidate that
    `sample` makes from the same stream; the stream is left where `sample` leaves it."""
    from epistemic.generate.families.cards import two_column_model

    fam = FAMILIES["cards"]
    knobs = {**fam.defaults, "told": told, "cards": (2, 30), "ranks": (1, 13), "suits": (1, 4)}
    a, b = item_rng("cards", knobs, 3, 0), item_rng("cards", knobs, 3, 0)
    p_col, q_col = (1, 0) if told == "rank" else (0, 1)
    for _ in range(300):
        draft, cand = fam.draft(a, knobs), fam.sample(b, knobs)
        rows = list(cand.rows)
        assert draft.model == table_model(rows, (("P", p_col), ("Q", q_col)), ANSWER) == cand.model
        assert two_column_model(rows, told) == draft.model
        assert list(draft.model.classes) == ["P", "Q"]
        done = draft.finish()
        assert (done.rows, done.lines, done.shape, done.write_header()) == (cand.rows, cand.lines, cand.shape,
                                                                         cand.write_header())
        assert draft.lines == cand.lines
    assert a.random() == b.random()
