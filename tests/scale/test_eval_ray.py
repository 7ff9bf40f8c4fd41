"""`eval` on Ray: model replicas as actors (CPU here: num_gpus=0), the same records as the single-process
run, resumable from a partly written output."""
from __future__ import annotations

import json

import pytest

from .conftest import ROOT

pytest.importorskip("torch")
pytest.importorskip("transformers")


def comparable(records: list[dict]) -> list[tuple]:
    """Records without their timings and tracebacks (where the code ran), in (id, sample) order."""
    return sorted((r["id"], r["sample"], json.dumps({k: v for k, v in r.items() if k not in ("seconds", "audit_traceback")},
                                                    sort_keys=True)) for r in records)


def test_eval_replicas_match_the_single_process_run_and_resume(ray_cluster, tmp_path):
    from epistemic.llm.evaluate import EvalConfig, read_records, run_eval
    from epistemic.llm.loading import load_model
    from epistemic.llm.settings import Overrides
    from epistemic.llm.tiny import build_tiny_model_dir
    from epistemic.scale.eval_job import ModelSpec, placement, run_eval as run_ray

    model = build_tiny_model_dir(tmp_path / "tiny")
    card16 = (ROOT / "puzzles/card16.txt").read_text(encoding="utf-8")
    rows = [{"id": f"p{i}", "puzzle": card16, "family": "cards", "difficulty": i % 2} for i in range(4)]
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows))
    # batch size 1: each batch's seed is fixed by its item, so sampling matches whatever replica runs it
    config = EvalConfig(batch_size=1, num_samples=2, overrides=Overrides(seed=3, max_new_tokens=5))
    ref = tmp_path / "ref.jsonl"
    run_eval(load_model(model, device="cpu", dtype="float32"), data, ref, config)

    out = tmp_path / "ray.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in read_records(ref)[:3]))  # a run cut short
    calls = []
    summary = run_ray(ModelSpec(str(model), "cpu", "float32"), data, out, config, replicas=2,
                      progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (3, 8) and calls[-1] == (8, 8)
    assert comparable(read_records(out)) == comparable(read_records(ref))
    assert summary["overall"]["samples"] == 8 and summary["replicas"] == 2
    assert placement(0, None, "auto").gpus_each == 0 and placement(4, None, "auto").replicas == 4
