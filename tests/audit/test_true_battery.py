"""Two precision batteries (tests/data/audit/true_battery.jsonl and true_battery_2.jsonl, 360 sentences each, written
in session 13 by helpers who never read the auditor): each sentence is TRUE at the stage it is written, in one of the
forms models use mid-reasoning (case analyses, verification lines, restatements of earlier stages, property lists,
table rows, recap credits, rejected ideas, ...), and has a FALSE twin changed as little as possible. Each is audited
as a paragraph of a trace that retells the announcements up to its stage and closes with the right answer
(bench/audit_true_battery.py). A true sentence whose step is marked wrong is a false alarm: none is known, and the
test fails on any. The twins caught are listed too: losing one fails, and catching a new one asks to add it.
The second battery was scored blind three times in session 13 and once at the start of session 14 (10 alarms, 82
caught), then opened."""
import json
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

from audit_true_battery import BATTERY, flagged  # noqa: E402

BATTERY_2 = str(pathlib.Path(BATTERY).with_name("true_battery_2.jsonl"))
KNOWN_ALARMS: dict[str, set] = {BATTERY: set(), BATTERY_2: set()}  # none since session 14
CAUGHT = {BATTERY: {
    "tb-card16-001", "tb-card16-003", "tb-card16-016", "tb-card16-021", "tb-card16-033",
    "tb-card16-043", "tb-card16-044", "tb-cheryl-001", "tb-cheryl-012", "tb-cheryl-015",
    "tb-cheryl-031", "tb-cheryl-035", "tb-cheryl-039", "tb-cheryl_cam-001", "tb-cheryl_cam-013",
    "tb-cheryl_cam-016", "tb-cheryl_cam-026", "tb-cheryl_cam-039", "tb-cheryl_cam-040", "tb-cheryl_cam-042",
    "tb-cheryl_cam-049",  # session 16
    "tb-cheryl_cam-041",  # session 68: "纪念日是7月17日", the anniversary named as the date
    "tb-cheryl_variant-001", "tb-cheryl_variant-014", "tb-cheryl_variant-027", "tb-cheryl_variant-039", "tb-cheryl_variant-040",
    "tb-cheryl_variant-041", "tb-cheryl_variant-051", "tb-impossible-002", "tb-impossible-012",
    "tb-impossible-024",  # session 59: "Had the sum been 53, … so 53 is out", the sum of its first mention
    "tb-impossible-026",
    "tb-impossible-028", "tb-impossible-041", "tb-impossible-042", "tb-impossible-043", "tb-impossible-049",
    "tb-muddy-010", "tb-muddy-024",  # session 19: "… would know in round r" (rounds.py)
    "tb-sum_product-002", "tb-sum_product-003", "tb-sum_product-010", "tb-sum_product-019",
    "tb-sum_product-025", "tb-sum_product-027", "tb-sum_product-028", "tb-sum_product-041", "tb-sum_product-042",
    "tb-impossible-019",  # session 24: a false list dated by its own words ("left after …") weighs alone
    "tb-muddy-011",  # session 32: one named child knowing she is clean ("Child 4, …, already knows she is clean")
    "tb-cheryl-042",  # session 40: "after his first line" names Albert's first statement ("line" as "statement")
    "tb-cheryl_cam-027",  # session 45: "波说完后" names Bo's one statement
    "tb-muddy-008", "tb-muddy-020", "tb-muddy-029", "tb-muddy-032", "tb-muddy-048",  # session 49: worlds in bits
    "tb-card16-027",  # session 52: "- rank 5: ♣5 and ♦5 are left, so P would not know" (a line labelled "rank 5:")
    "tb-cheryl_cam-043",  # session 54: "both know the date is March 19" is knowing that (false), not which date
    "tb-card16-049", "tb-cheryl-052",  # session 56: a row's bare list under "cards left" / "dates left" is what its
    # statement leaves
    "tb-cheryl_variant-047",  # session 62: "exactly two dates are left: June 12 and April 14", a count and its list
    "tb-card16-034",  # session 63: "被Q先生的“我早知道你不知道”排除的", Q's statement quoted with its time said
    "tb-card16-045",  # session 63: "removed by P's 'Now I know the card'", a statement in single quotes
}, BATTERY_2: {
    "tc-card16-002",
    "tc-card16-003",  # (s39: "both fives are gone", the plural of a rank written as a digit)
    "tc-card16-007",  # session 55: "P's "now I know" kills both queens" ("kills" removes)
    "tc-card16-008", "tc-card16-017", "tc-card16-018", "tc-card16-035", "tc-card16-038",
    "tc-card16-044", "tc-card16-045", "tc-card16-047", "tc-card16-050", "tc-card16-051",
    "tc-card16-052", "tc-cheryl-003", "tc-cheryl-006", "tc-cheryl-007", "tc-cheryl-010",
    "tc-cheryl-014", "tc-cheryl-016", "tc-cheryl-022", "tc-cheryl-036", "tc-cheryl-037",
    "tc-cheryl-044", "tc-cheryl-045", "tc-cheryl-048", "tc-cheryl-050", "tc-cheryl_cam-001",
    "tc-cheryl_cam-002", "tc-cheryl_cam-005", "tc-cheryl_cam-006", "tc-cheryl_cam-011", "tc-cheryl_cam-013",
    "tc-cheryl_cam-016",  # (s38: "one-off days")
    "tc-cheryl_cam-032", "tc-cheryl_cam-036", "tc-cheryl_cam-039", "tc-cheryl_cam-045", "tc-cheryl_cam-046",  # (046: s17)
    "tc-cheryl_cam-048",
    "tc-cheryl_cam-008",  # session 69: "阿里只有在拿到7月时才知道" (what he holds, as the condition of only_if.py)
    "tc-cheryl_cam-049", "tc-cheryl_cam-051", "tc-cheryl_variant-002", "tc-cheryl_variant-003", "tc-cheryl_variant-004",
    "tc-cheryl_variant-005", "tc-cheryl_variant-006", "tc-cheryl_variant-007", "tc-cheryl_variant-015", "tc-cheryl_variant-021",
    "tc-cheryl_variant-034", "tc-cheryl_variant-037", "tc-cheryl_variant-044", "tc-cheryl_variant-045", "tc-cheryl_variant-046",
    "tc-cheryl_variant-047", "tc-cheryl_variant-049", "tc-cheryl_variant-050", "tc-impossible-004", "tc-impossible-013",
    "tc-sum_product-001",  # session 24: a false list dated by its own words ("after S's remark …") weighs alone
    "tc-impossible-014", "tc-impossible-031", "tc-impossible-038", "tc-impossible-040", "tc-impossible-041",
    "tc-impossible-042", "tc-impossible-043",
    "tc-impossible-044", "tc-impossible-046", "tc-impossible-047", "tc-impossible-048", "tc-impossible-049",
    "tc-impossible-050", "tc-impossible-051", "tc-muddy-010", "tc-muddy-048", "tc-muddy-051",
    "tc-muddy-014",  # session 66: a cleft credit ("It was the first silence, not the second, that ruled out …")
    "tc-sum_product-003", "tc-sum_product-006", "tc-sum_product-009", "tc-sum_product-014", "tc-sum_product-043",
    "tc-sum_product-045", "tc-sum_product-046", "tc-sum_product-048", "tc-sum_product-050", "tc-sum_product-051",
    "tc-cheryl_cam-029", "tc-cheryl_variant-032",  # session 60: "验证4月19日：…，保留。", a tested date's verdict
    "tc-sum_product-049",  # session 61: "P with 30 would know", a product's case
    "tc-cheryl-001",  # session 62: "five dates are left: June 17, …", a count and its list
}}


@pytest.fixture(scope="module")
def results(ctxs):
    out = {}
    for path in (BATTERY, BATTERY_2):
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        for row in rows:
            ctx = ctxs(row["puzzle"], row.get("params") or None)
            out.setdefault(path, {})[row["id"]] = (flagged(ctx, row, row["true"]), flagged(ctx, row, row["false"]))
    return out


@pytest.mark.parametrize("path", [BATTERY, BATTERY_2], ids=["battery-1", "battery-2"])
def test_no_true_sentence_is_flagged_but_the_known(results, path):
    alarms = {k for k, (alarm, _) in results[path].items() if alarm}
    assert alarms <= KNOWN_ALARMS[path], sorted(alarms - KNOWN_ALARMS[path])
    assert alarms == KNOWN_ALARMS[path], f"read now, drop from KNOWN_ALARMS: {sorted(KNOWN_ALARMS[path] - alarms)}"


@pytest.mark.parametrize("path", [BATTERY, BATTERY_2], ids=["battery-1", "battery-2"])
def test_the_false_twins_caught_stay_caught(results, path):
    caught = {k for k, (_, hit) in results[path].items() if hit}
    assert CAUGHT[path] <= caught, f"lost: {sorted(CAUGHT[path] - caught)}"
    assert caught == CAUGHT[path], f"caught now, add to CAUGHT: {sorted(caught - CAUGHT[path])}"
