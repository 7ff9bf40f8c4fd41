"""`eval --ray`: model replicas as Ray actors (CPU here: num_gpus=0). The run against the single-process
one, resumed and with a replica killed, is in test_faults.py (one Ray run pays for both); here the
placement of replicas, which needs no cluster."""
from __future__ import annotations

import json

import pytest

from .conftest import ROOT

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
