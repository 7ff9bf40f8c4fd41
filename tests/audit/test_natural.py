"""The auditor on traces written the way reasoning models write (hand-written in the style of R1 and QwQ
traces, not generated from our templates): step labels, alignment and the final answer, against labels
worked out by hand. tests/data/audit/natural/cases.json holds the expected values."""
import json
from pathlib import Path

import pytest

from epistemic import api
from epistemic.audit import AuditContext, audit_trace
from tests.paths import ROOT

DATA = ROOT / "tests" / "data" / "audit" / "natural"
CASES = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["trace"] for c in CASES])
def test_natural_trace(case):
    puzzle = api.load_puzzle(ROOT / "puzzles" / case["puzzle"])
    report = audit_trace(puzzle, (DATA / case["trace"]).read_text(encoding="utf-8"),
                         context=AuditContext.build(puzzle))
    assert report.label == case["label"], report.labels
    assert report.final_answer_correct == case["final_answer_correct"]
    if "stages" in case:
        assert [st.stage for st in report.steps] == case["stages"]
    if case["label"] >= 0:
        assert report.labels[case["label"]] == -1 and -1 not in report.labels[:case["label"]]
