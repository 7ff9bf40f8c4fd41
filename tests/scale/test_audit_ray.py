"""`audit` on Ray: one output row per input row, in input order, bad rows kept as error rows."""
from __future__ import annotations

import gzip
import json

import pytest

from .conftest import ROOT

GOLDEN = ROOT / "tests/data/audit/golden.jsonl.gz"


def traces(n: int) -> list[str]:
    """n golden traces with bad rows mixed in: not JSON, no trace field, an unknown puzzle, a blank line."""
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as fh:
        lines = [next(fh).rstrip("\n") for _ in range(n)]
    lines.insert(2, "not json")
    lines.insert(5, json.dumps({"text": "no puzzle named"}))
    lines.insert(7, "")
    lines.insert(9, json.dumps({"puzzle": "puzzles/card16.txt"}))
    return lines


def single_process(lines: list[str]) -> list[dict]:
    from epistemic import api
    from epistemic.audit.batch import ContextCache, audit_records

    return list(audit_records(lines, None, ContextCache(lambda key: api.load_puzzle(key, {}))))


def test_audit_jsonl_matches_the_single_process_batch(ray_cluster, tmp_path, monkeypatch):
    from epistemic.audit.batch import summarize
    from epistemic.scale.audit_job import AuditJob, run_audit

    monkeypatch.chdir(ROOT)  # the golden rows name their puzzles relative to the repository
    lines = traces(14)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = single_process(lines)
    out = tmp_path / "out.jsonl"
    result = run_audit(AuditJob(str(src)), out, shard_size=4)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert rows == expected
    assert out.read_text(encoding="utf-8") == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in expected)
    assert [r["line"] for r in rows] == [n for n, x in enumerate(lines, 1) if x.strip()]  # blank line: no row
    assert sum("error" in r for r in rows) == 3 and result.summary == summarize(expected)
    assert result.shards == 5 and result.rows == len(lines) - 1


def test_audit_parquet_in_and_out(ray_cluster, tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from epistemic.scale.audit_job import AuditJob, run_audit

    monkeypatch.chdir(ROOT)
    records = [json.loads(x) for x in traces(6) if x.strip() and x.startswith("{")]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([{"puzzle": r.get("puzzle"), "text": r.get("text")} for r in records]),
                   src, row_group_size=3)
    out = tmp_path / "out.parquet"
    run_audit(AuditJob(str(src)), out, shard_size=2)
    table = pq.read_table(out)
    expected = single_process([json.dumps({"puzzle": r.get("puzzle"), "text": r.get("text")}) for r in records])
    assert table.column("line").to_pylist() == list(range(1, len(records) + 1))
    assert [json.loads(x) for x in table.column("result").to_pylist()] == expected
    assert table.column("label").to_pylist() == [r.get("label") for r in expected]
