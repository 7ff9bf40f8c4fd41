"""A worker killed mid-run (SIGKILL): Ray retries its task or restarts its actor and retries the call; no row
is lost and none is written twice. Each test also checks the whole output against the single-process run,
so one Ray run per command pays for both (actors start fresh processes: a run costs seconds)."""
from __future__ import annotations

import json

from .conftest import ROOT, Killer
from .test_audit_ray import single_process, traces
from .test_eval_ray import comparable, eval_rows
from .test_generate_ray import single_process as generate_single


def test_killed_generate_worker_loses_and_duplicates_nothing(ray_cluster, tmp_path):
    from epistemic.scale.generate_job import GenerateJob, run_generate

    ref = tmp_path / "ref.jsonl"
    generate_single(ref, "cards", 8, 11, {})
    killer = Killer(ray_cluster, "run_shard")
    killer.start()
    out = tmp_path / "ray.jsonl"
    run_generate(GenerateJob("cards", 8, seed=11, use_z3=False), out, shard_size=2)
    killer.stop.set()
    assert killer.killed is not None, "no worker was caught running a shard"
    assert out.read_bytes() == ref.read_bytes()


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


def test_killed_eval_replica_loses_and_duplicates_nothing(ray_cluster, tiny_model_dir, tmp_path):
    """`eval --ray` resumed from a run cut short, with a replica killed while it runs a batch: the file ends
    with every (id, sample) of the single-process run exactly once, the same records."""
    from epistemic.llm.evaluate import EvalConfig, read_records, run_eval
    from epistemic.llm.loading import load_model
    from epistemic.llm.settings import Overrides
    from epistemic.scale.eval_job import ModelSpec, run_eval as run_ray

    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in eval_rows(4)), encoding="utf-8")
    # batch size 1: each batch's seed is fixed by its item, so sampling matches whatever replica runs it
    config = EvalConfig(batch_size=1, num_samples=2, overrides=Overrides(seed=3, max_new_tokens=5))
    ref = tmp_path / "ref.jsonl"
    run_eval(load_model(tiny_model_dir, device="cpu", dtype="float32"), data, ref, config)

    out = tmp_path / "ray.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in read_records(ref)[:3]))  # a run cut short
    calls = []
    killer = Killer(ray_cluster, "Replica.run")
    killer.start()
    summary = run_ray(ModelSpec(str(tiny_model_dir), "cpu", "float32"), data, out, config, replicas=2,
                      progress=lambda done, total: calls.append((done, total)))
    killer.stop.set()
    assert killer.killed is not None, "no replica was caught running a batch"
    records = read_records(out)
    assert len({(r["id"], r["sample"]) for r in records}) == len(records) == 8  # none lost, none twice
    assert comparable(records) == comparable(read_records(ref))
    assert calls[0] == (3, 8) and calls[-1] == (8, 8)  # the 3 records already there were not run again
    assert summary["overall"]["samples"] == 8 and summary["replicas"] == 2
