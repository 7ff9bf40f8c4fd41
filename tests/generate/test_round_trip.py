"""The generator's round trip: a candidate's dialogue (syntax-tree formulas) -> the text it writes -> the
parsed puzzle gives back the same formula trees, speakers and en/zh texts, and the engine's stage sizes
equal the screen's. The screen decides on the candidate; this is what makes the shipped text that puzzle."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from epistemic.generate import dialogue as d
from epistemic.generate.families import FAMILIES
from epistemic.generate.knobs import resolve
from epistemic.generate.screen import Verdict, run
from epistemic.language.elaborate import load_puzzle
from epistemic.stages.solve import solve


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(0, 10**6), st.sampled_from(sorted(FAMILIES)), st.booleans())
def test_written_text_parses_back_to_the_screened_dialogue(seed, family, by_line):
    fam = FAMILIES[family]
    cand = fam.sample(random.Random(seed), resolve(fam, None, {}))
    counts = tuple(h.bit_count() for h in run(cand.model, cand.lines))
    text = cand.write(Verdict(True, "ok", counts, 0), "round trip")
    puzzle = load_puzzle(text, by_line=by_line)
    assert [a.said for a in puzzle.announcements] == [line.body for line in cand.lines]
    assert [a.speaker for a in puzzle.announcements] == [line.speaker for line in cand.lines]
    assert [(a.text("en"), a.text("zh")) for a in puzzle.announcements] == [(l.en, l.zh) for l in cand.lines]
    solution = solve(puzzle, engine="auto")
    assert solution.space.size == cand.model.n
    # text -> tree -> text: each parsed statement prints back to the line the text holds
    spelled = {cand.model.answer: cand.question, **cand.facts}
    lines = text.splitlines()
    for a in puzzle.announcements:
        again = d.line_source(d.Line(a.speaker, a.said, "", ""), spelled)
        assert lines[a.span.line - 1] == again
    # both stop at the first empty stage
    assert tuple(stage.count for stage in solution.stages) == counts
