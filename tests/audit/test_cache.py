"""The per-puzzle memos change no answer: a warm context, a fresh one and a tiny bounded memo give the
same audit; masks served for formulas without knowledge equal the engine's own on live worlds."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from epistemic.api import load_puzzle
from epistemic.audit import AuditContext, audit_trace
from epistemic.audit.claims import ClaimMemo
from epistemic.audit.judge import Judge, _static
from epistemic.engines.base import get_engine
from epistemic.audit.inject import dataset
from epistemic.language import syntax as s
from tests.paths import ROOT

SEED = (ROOT / "tests" / "data" / "audit" / "qwq_card16_zh.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=["card16", "cheryl", "sum_product"])
def case(request):
    ctx = AuditContext.build(load_puzzle(str(ROOT / "puzzles" / f"{request.param}.txt")))
    texts = [it.text for it in dataset(ctx.solution, seed=3, per_kind=2, correct=2)]
    if request.param == "card16":
        texts += [SEED, SEED[:2500]]
    return ctx, texts


def test_warm_fresh_and_bounded_contexts_agree(case):
    ctx, texts = case
    tiny = AuditContext.build(ctx.puzzle, ctx.solution)
    tiny = AuditContext(tiny.puzzle, tiny.solution, tiny.lexicon, tiny.aligner, tiny.judge, ClaimMemo(limit=5))
    for _ in range(2):
        for text in texts:
            warm = audit_trace(ctx.puzzle, text, context=ctx).to_dict()
            fresh = audit_trace(ctx.puzzle, text, context=AuditContext.build(ctx.puzzle, ctx.solution)).to_dict()
            bounded = audit_trace(ctx.puzzle, text, context=tiny).to_dict()
            assert warm == fresh == bounded
    assert len(tiny.memo.sentences) <= 5 and len(tiny.audits) <= 5


def test_masks_without_knowledge_match_the_engine(case):
    ctx, texts = case
    sol, eng = ctx.solution, get_engine("explicit")
    judge = Judge.build(sol)
    formulas = {c.claim.formula for t in texts for c in audit_trace(ctx.puzzle, t, context=ctx).claims()
                if c.record.kind != "count"}
    static = [f for f in formulas if _static(f)]
    assert static
    for f in static:
        for k in range(len(sol.stages)):
            live = sol.stages[k].mask
            direct = eng.evaluate(sol.space, sol.history(k), f)
            assert (judge.mask(f, k)[live] == direct[live]).all(), (f, k)
            if k > 0:
                past = s.Past(f, 1)
                assert (judge.mask(past, k)[live] == eng.evaluate(sol.space, sol.history(k), past)[live]).all()


def test_static_is_conservative():
    knows = s.Knows("agent", ("P",), "value", (s.Var("rank"),))
    assert _static(s.And((s.Compare("=", s.Var("rank"), s.Const(1)), s.Not(s.Bool(True)))))
    assert not _static(s.And((s.Compare("=", s.Var("rank"), s.Const(1)), knows)))
    assert not _static(s.Past(s.Compare("=", s.Var("rank"), s.Const(1)), 1))
    assert not _static(s.Compare("=", s.Count((knows,)), s.Const(1)))


# The sentence splitter as first written (lazy: try every ending at every character); the fast one must agree.
_REFERENCE_SENTENCE = r"[^。！？!?\n]+?(?:[。！？!?\n]+|(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)(?<![ .][a-z])\.(?=\s|$)|$)"


@settings(max_examples=1000, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(list("ab .Mrsd\n!?。！？\t.xyzDM") + ["Mr.", "Mrs.", "Dr.", "e.g.", ". ", ".\n"]),
                max_size=30).map("".join))
def test_sentence_splitter_matches_the_reference(text):
    import re

    from epistemic.audit.claims import _SENTENCE

    ref = re.compile(_REFERENCE_SENTENCE)
    assert [m.span() for m in _SENTENCE.finditer(text)] == [m.span() for m in ref.finditer(text)]
