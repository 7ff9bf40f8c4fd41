"""`eval --ray`: model replicas as Ray actors (CPU here: num_gpus=0), placed one per GPU; one run against
the single-process one, resumed from a file cut short and with a replica killed mid-batch (each replica
imports torch in a fresh process, so one Ray run pays for all three checks)."""
from __future__ import annotations

import json

import pytest

from .conftest import ROOT, Killer

pytest.importorskip("torch")
pytest.importorskip("transformers")


def eval_rows(n: int) -> list[dict]:
    """n dataset rows, each the 16-card puzzle under its own id."""
    card16 = (ROOT / "puzzles/card16.txt").read_text(encoding="utf-8")
    return [{"id": f"p{i}", "puzzle": card16, "family": "cards", "difficulty": i % 2} for i in range(n)]


def comparable(records: list[dict]) -> list[tuple]:
    """Records without their timings and tracebacks (where the code ran), in (id, sample) order."""
    return sorted((r["id"], r["sample"], json.dumps({k: v for k, v in r.items() if k not in ("seconds", "audit_traceback")},
                                                    sort_keys=True)) for r in records)


def test_one_replica_per_gpu_else_cpu_replicas():
    from epistemic.scale.eval_job import placement

    assert placement(0, None, "auto") == placement(0, 1, "auto")
    assert placement(0, None, "auto").gpus_each == 0 and placement(0, None, "auto").device == "cpu"
    assert placement(0, 3, "cpu").replicas == 3
    four = placement(4, None, "auto")
    assert (four.replicas, four.gpus_each, four.device) == (4, 1, "auto")
    assert placement(4, 2, "cuda").replicas == 2 and placement(4, 2, "cuda").device == "cuda"
    cpu_asked = placement(2, None, "cpu")  # --device cpu on a GPU cluster: CPU replicas, no GPU taken
    assert (cpu_asked.replicas, cpu_asked.gpus_each, cpu_asked.device) == (1, 0, "cpu")


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
