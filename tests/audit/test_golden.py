"""The auditor's outputs on ~300 stored traces are exactly those recorded before the speed work
(tests/data/audit/golden.jsonl.gz; regenerate with python bench/make_audit_golden.py --remake; --check lists differences)."""
import gzip
import json
import os

import pytest

from epistemic.api import load_puzzle
from epistemic.audit import AuditContext, audit_trace

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
GOLDEN = os.path.join(ROOT, "tests", "data", "audit", "golden.jsonl.gz")


def _rows() -> list[dict]:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def rows():
    return _rows()


def _contexts(rows, cwd):
    out = {}
    for r in rows:
        if r["puzzle"] not in out:
            out[r["puzzle"]] = AuditContext.build(load_puzzle(r["puzzle"]))
    return out


def test_golden_shared_context(rows, monkeypatch):
    """One context per puzzle, traces in the stored order (as the golden file was made)."""
    monkeypatch.chdir(ROOT)
    assert len(rows) >= 300
    ctxs = _contexts(rows, ROOT)
    for n, r in enumerate(rows):
        ctx = ctxs[r["puzzle"]]
        assert audit_trace(ctx.puzzle, r["text"], context=ctx).to_dict() == r["audit"], n


def test_golden_memo_independent(rows, monkeypatch):
    """Reversed order, and each trace twice: memos must not change any output."""
    monkeypatch.chdir(ROOT)
    ctxs = _contexts(rows, ROOT)
    for n in reversed(range(0, len(rows), 3)):
        r = rows[n]
        ctx = ctxs[r["puzzle"]]
        for _ in range(2):
            assert audit_trace(ctx.puzzle, r["text"], context=ctx).to_dict() == r["audit"], n
