"""An agent knowing its own knowledge (language/introspection.py): the explicit engine takes K_a φ to be φ, and
K_a whether φ to hold everywhere, when φ is about a's own knowledge. Checked against the Z3 engine (which
evaluates every operator class by class) at every stage of random puzzles, with the formulas built so that
the shortcut is taken: a's knowledge in every mode, negations, conjunctions, disjunctions, constants, before
and initially."""
from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic import api
from epistemic.engines.base import get_engine
from epistemic.language import syntax as s
from epistemic.language.elaborate import parse_claim
from epistemic.language.introspection import about_own_knowledge
from epistemic.stages.solve import solve

from tests.random_puzzles import COLUMNS, formula, puzzle_texts

EXPLICIT = get_engine("explicit")
Z3 = get_engine("z3")
SETTINGS = dict(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def own(agent: str, depth: int):
    """Formulas about `agent`'s own knowledge, nested up to `depth` connectives."""
    sub = formula(COLUMNS[:2], ("A", "B"), 1)
    base = st.one_of(
        sub.map(lambda f: f"{agent} knows ({f})"),
        sub.map(lambda f: f"{agent} knows whether ({f})"),
        sub.map(lambda f: f"{agent} does not know ({f})"),
        st.sampled_from((f"{agent} knows a", f"{agent} knows (a, b)", "true", "false")),
    )
    if depth <= 0:
        return base
    inner = own(agent, depth - 1)
    return st.one_of(
        base,
        inner.map(lambda f: f"not ({f})"),
        st.tuples(inner, st.sampled_from(("and", "or")), inner).map(lambda t: f"({t[0]}) {t[1]} ({t[2]})"),
        inner.map(lambda f: f"before ({f})"),
        inner.map(lambda f: f"initially ({f})"),
    )


@settings(max_examples=150, **SETTINGS)
@given(puzzle_texts(max_worlds=60), own("A", 2), st.sampled_from(("knows", "knows whether")))
def test_knowing_own_knowledge_matches_z3(text, body, mode):
    puzzle = api.load_puzzle(text)
    sol = solve(puzzle, EXPLICIT)
    claim, _ = parse_claim(f"A {mode} ({body})", puzzle)
    assert isinstance(claim, s.Knows) and about_own_knowledge(claim.body, "A")  # the shortcut is taken
    for k in range(len(sol.stages)):
        history = sol.history(k)
        got = EXPLICIT.evaluate(sol.space, history, claim)
        assert np.array_equal(got, Z3.evaluate(sol.space, history, claim)), (claim, k)


def test_other_agents_and_facts_are_not_own_knowledge():
    puzzle = api.load_puzzle("puzzles/card16.txt")
    for text, expected in [("P knows card", True), ("not (P knows (suit = hearts))", True), ("Q knows card", False),
                           ("(P knows card) and suit = hearts", False), ("P considers possible (suit = hearts)", False),
                           ("everyone {P} knows card", False), ("[! true] (P knows card)", False)]:
        f, _ = parse_claim(text, puzzle)
        assert about_own_knowledge(f, "P") is expected, text
