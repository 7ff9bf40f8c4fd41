"""A precision battery (tests/data/audit/true_battery.jsonl, 360 sentences written in session 13 by a helper who never
read the auditor): each sentence is TRUE at the stage it is written, in one of the forms models use mid-reasoning (case
analyses, verification lines, restatements of earlier stages, property lists, table rows, recap credits, rejected
ideas, ...), and has a FALSE twin changed as little as possible. Each is audited as a paragraph of a trace that retells
the announcements up to its stage and closes with the right answer (bench/audit_true_battery.py). A true sentence
whose step is marked wrong is a false alarm; only the listed one is known, and the test fails on any other. The twins
caught are listed too: losing one fails, and catching a new one asks to add it."""
import json
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from audit_true_battery import BATTERY, flagged  # noqa: E402

KNOWN_ALARMS = {  # session 13, first measured blind: 4 of 360 true sentences flagged (3 once the trace goes on
    # past the sentence and closes with the right answer); read since but this one
    "tb-muddy-030",  # "After round 1, in every two-mud world the muddy children can already say there are exactly
    # two": a case ("in every two-mud world") read as the stage's count
}
CAUGHT = set([
    "tb-card16-001", "tb-card16-003", "tb-card16-016", "tb-card16-021", "tb-card16-033",
    "tb-card16-043", "tb-card16-044", "tb-cheryl-001", "tb-cheryl-012", "tb-cheryl-031",
    "tb-cheryl-035", "tb-cheryl-039", "tb-cheryl_variant-001", "tb-cheryl_variant-014", "tb-cheryl_variant-027",
    "tb-cheryl_variant-039", "tb-cheryl_variant-040", "tb-cheryl_variant-041", "tb-cheryl_variant-051", "tb-cheryl_cam-001",
    "tb-cheryl_cam-013", "tb-cheryl_cam-016", "tb-cheryl_cam-026", "tb-cheryl_cam-039", "tb-cheryl_cam-040",
    "tb-cheryl_cam-042", "tb-sum_product-002", "tb-sum_product-003", "tb-sum_product-010", "tb-sum_product-019",
    "tb-sum_product-025", "tb-sum_product-027", "tb-sum_product-028", "tb-sum_product-041", "tb-sum_product-042",
    "tb-impossible-002", "tb-impossible-012", "tb-impossible-026", "tb-impossible-028", "tb-impossible-041",
    "tb-impossible-042", "tb-impossible-043", "tb-impossible-049", "tb-muddy-010", "tb-muddy-030"])


@pytest.fixture(scope="module")
def results(ctxs):
    rows = [json.loads(line) for line in open(BATTERY, encoding="utf-8") if line.strip()]
    out = {}
    for row in rows:
        ctx = ctxs(row["puzzle"], row.get("params") or None)
        out[row["id"]] = (flagged(ctx, row, row["true"]), flagged(ctx, row, row["false"]))
    return out


def test_no_true_sentence_is_flagged_but_the_known(results):
    alarms = {k for k, (alarm, _) in results.items() if alarm}
    assert alarms <= KNOWN_ALARMS, sorted(alarms - KNOWN_ALARMS)
    assert alarms == KNOWN_ALARMS, f"read now, drop from KNOWN_ALARMS: {sorted(KNOWN_ALARMS - alarms)}"


def test_the_false_twins_caught_stay_caught(results):
    caught = {k for k, (_, hit) in results.items() if hit}
    assert CAUGHT <= caught, f"lost: {sorted(CAUGHT - caught)}"
    assert caught == CAUGHT, f"caught now, add to CAUGHT: {sorted(caught - CAUGHT)}"
