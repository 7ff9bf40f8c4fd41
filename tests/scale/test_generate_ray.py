"""`generate` on Ray: the joined output is byte for byte the single-process one, duplicates included."""
from __future__ import annotations

import pytest

from epistemic import generate as gen
from epistemic.generate import datasets
from epistemic.errors import EpistemicError

DUPLICATES = {"dates": 6, "months": 3, "days": 4}  # a small space: item 5 skips 3 duplicates


def single_process(path, family, count, seed, knobs, use_z3=False, lang="en"):
    items, stats = gen.generate(family, count, seed, None, knobs, use_z3=use_z3)
    rows = [datasets.item_of(p.to_dict(), lang, None) for p in items]
    if path.suffix == ".jsonl":
        datasets.export_jsonl(rows, path)
    else:
        datasets.export_parquet(rows, path)
    return items, stats


def test_generate_with_duplicates_is_byte_identical(ray_cluster, tmp_path):
    from epistemic.scale.generate_job import GenerateJob, run_generate

    ref = tmp_path / "ref.jsonl"
    items, stats = single_process(ref, "birthdays", 6, 4, DUPLICATES)
    assert stats.duplicates > 0 and any(i.skip for i in items)  # the case where shards disagree
    job = GenerateJob("birthdays", 6, seed=4, knobs=DUPLICATES, use_z3=False)
    out = tmp_path / "ray.jsonl"
    seen = []
    result = run_generate(job, out, shard_size=2, progress=seen.append)
    assert out.read_bytes() == ref.read_bytes()
    assert result.redone >= 1 and sum(seen) == 6 and result.shards == 3
    assert not (tmp_path / "ray.jsonl.parts").exists()

    with pytest.raises(EpistemicError, match="exists"):  # never replaced without force
        run_generate(job, out, shard_size=2)
    run_generate(job, out, force=True, shard_size=4)
    assert out.read_bytes() == ref.read_bytes()


def test_generate_parquet_with_z3_certificates(ray_cluster, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from epistemic.scale.generate_job import GenerateJob, run_generate

    ref = tmp_path / "ref.parquet"
    single_process(ref, "cards", 5, 7, {}, use_z3=True)
    out = tmp_path / "ray.parquet"
    result = run_generate(GenerateJob("cards", 5, seed=7, use_z3=True), out, shard_size=2)
    assert pq.read_table(out).equals(pq.read_table(ref))
    assert result.count == 5 and result.stats["passed_screen"] >= 5


def test_bad_family_fails_before_any_task(tmp_path):
    from epistemic.scale.generate_job import GenerateJob, run_generate

    with pytest.raises(EpistemicError, match="unknown family"):
        run_generate(GenerateJob("nope", 3), tmp_path / "x.jsonl")
    assert not (tmp_path / "x.jsonl").exists()
