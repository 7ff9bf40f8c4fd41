"""`audit` on Ray: one output row per input row, in input order, bad rows kept as error rows: JSONL through
the API with an actor killed mid-run, Parquet in and out through the command's --ray flag."""
from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from .conftest import ROOT, Killer

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


def single_process(lines: list[str], puzzle: str | None = None, root=None) -> list[dict]:
    from epistemic import api
    from epistemic.audit.batch import ContextCache, audit_records

    return list(audit_records(lines, puzzle, ContextCache(lambda key: api.load_puzzle(key, {})), root=root))


def test_audit_flag_parquet_in_and_out(ray_cluster, tmp_path, monkeypatch):
    """`audit PUZZLE in.parquet --out out.parquet --ray --json`: the rows of the single-process batch (with
    the default puzzle for rows naming none), row groups cut across shards, the summary in the JSON."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from epistemic.audit.batch import summarize
    from epistemic.cli.main import cli

    monkeypatch.chdir(ROOT)
    records = [json.loads(x) for x in traces(5) if x.strip() and x.startswith("{")]
    rows = [{"puzzle": r.get("puzzle"), "text": r.get("text")} for r in records]
    src = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=3)
    out = tmp_path / "out.parquet"
    res = CliRunner().invoke(cli, ["audit", "puzzles/card16.txt", str(src), "--out", str(out), "--ray", "--json",
                                   "--shard-size", "2", "--puzzle-root", str(ROOT)])  # rows name puzzles/…
    assert res.exit_code == 0, res.output
    expected = single_process([json.dumps(r) for r in rows], "puzzles/card16.txt", ROOT)
    data = json.loads(res.stdout)
    assert data["schema"] == "epistemic.scale.audit/1" and data["summary"] == summarize(expected)
    assert data["rows"] == len(rows) == 7 and data["shards"] == 4
    assert data["summary"]["errors"] == 1  # the record with a puzzle and no trace
    table = pq.read_table(out)
    assert table.column("line").to_pylist() == list(range(1, len(rows) + 1))
    assert [json.loads(x) for x in table.column("result").to_pylist()] == expected
    assert table.column("label").to_pylist() == [r.get("label") for r in expected]
    assert table.column("error").to_pylist() == [r.get("error") for r in expected]


def test_killed_audit_actor_loses_and_duplicates_nothing(ray_cluster, tmp_path, monkeypatch):
    """The JSONL audit equals the single-process batch row for row (bad rows, blank line, line numbers,
    summary) although an Auditor was killed while auditing a shard."""
    from epistemic.audit.batch import summarize
    from epistemic.scale.audit_job import AuditJob, run_audit

    monkeypatch.chdir(ROOT)  # the golden rows name their puzzles relative to the repository
    lines = traces(14)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = single_process(lines)
    killer = Killer(ray_cluster, "Auditor.run")
    killer.start()
    out = tmp_path / "out.jsonl"
    result = run_audit(AuditJob(str(src)), out, shard_size=4)
    killer.stop.set()
    assert killer.killed is not None, "no Auditor was caught auditing a shard"
    assert out.read_text(encoding="utf-8") == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in expected)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["line"] for r in rows] == [n for n, x in enumerate(lines, 1) if x.strip()]  # blank line: no row
    assert sum("error" in r for r in rows) == 3 and result.summary == summarize(expected)
    assert result.shards == 5 and result.rows == len(lines) - 1
