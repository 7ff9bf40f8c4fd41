"""An item's search stops at its CPU budget, looked at every BUDGET_STRIDE tries (the clock is a system call)."""
from __future__ import annotations

import pytest

from epistemic.errors import EpistemicError
from epistemic.generate import FAMILIES
from epistemic.generate import pipeline
from epistemic.generate.screen import Verdict


def test_a_spent_budget_stops_the_search_at_the_next_look(monkeypatch):
    monkeypatch.setattr(pipeline, "ITEM_SECONDS", 0.0)
    monkeypatch.setattr(pipeline, "screen", lambda model, lines: Verdict(False, "rejected"))
    cards = FAMILIES["cards"]
    with pytest.raises(EpistemicError, match=f"after {pipeline.BUDGET_STRIDE - 1} candidates"):
        pipeline.find_item(cards, dict(cards.defaults), seed=1, index=0, use_z3=False)


def test_an_explicit_max_tries_is_not_cut_by_the_budget(monkeypatch):
    monkeypatch.setattr(pipeline, "ITEM_SECONDS", 0.0)
    monkeypatch.setattr(pipeline, "screen", lambda model, lines: Verdict(False, "rejected"))
    cards = FAMILIES["cards"]
    with pytest.raises(EpistemicError, match="after 40 candidates"):
        pipeline.find_item(cards, dict(cards.defaults), seed=1, index=0, max_tries=40, use_z3=False)
