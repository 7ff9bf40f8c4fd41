"""A worker killed mid-run: Ray retries its task; no row is lost and none is written twice."""
from __future__ import annotations

from .conftest import ROOT, Killer
from .test_audit_ray import single_process, traces
from .test_generate_ray import single_process as generate_single


def test_killed_generate_worker_loses_and_duplicates_nothing(ray_cluster, tmp_path):
    from epistemic.scale.generate_job import GenerateJob, run_generate

    ref = tmp_path / "ref.jsonl"
    generate_single(ref, "cards", 8, 11, {})
    killer = Killer("run_shard")
    killer.start()
    out = tmp_path / "ray.jsonl"
    run_generate(GenerateJob("cards", 8, seed=11, use_z3=False), out, shard_size=2)
    killer.stop.set()
    assert killer.killed is not None, "no worker was caught running a shard"
    assert out.read_bytes() == ref.read_bytes()


def test_killed_audit_worker_loses_and_duplicates_nothing(ray_cluster, tmp_path, monkeypatch):
    import json

    from epistemic.scale.audit_job import AuditJob, run_audit

    monkeypatch.chdir(ROOT)
    lines = traces(16)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    killer = Killer("Auditor")
    killer.start()
    out = tmp_path / "out.jsonl"
    run_audit(AuditJob(str(src)), out, shard_size=4)
    killer.stop.set()
    assert killer.killed is not None, "no worker was caught running a shard"
    assert [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] == single_process(lines)
