"""`generate` on Ray: the joined output is byte for byte the single-process one, duplicates included, through
the API and the --ray flag, and with a worker killed mid-run."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from epistemic import generate as gen
from epistemic.generate import datasets
from epistemic.errors import EpistemicError

from .conftest import Killer

DUPLICATES = {"dates": 6, "months": 3, "days": 4}  # a small space: item 5 skips 3 duplicates


def single_process(path, family, count, seed, knobs, use_z3=False, lang="en"):
    items, stats = gen.generate(family, count, seed, None, knobs, use_z3=use_z3)
    rows = [datasets.item_of(p.to_dict(), lang, None) for p in items]
    if path.suffix == ".jsonl":
        datasets.export_jsonl(rows, path)
    else:
        datasets.export_parquet(rows, path)
    return items, stats


def test_generate_with_duplicates_is_byte_identical(ray_cluster, tmp_path, monkeypatch):
    from epistemic.scale import generate_job
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
    monkeypatch.setattr(generate_job, "WINDOW_MIN", 2)  # 6 shards, at most 2 in flight: the window slides
    monkeypatch.setattr(generate_job, "WINDOW_PER_CPU", 0)
    assert run_generate(job, out, force=True, shard_size=1).shards == 6
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


def test_generate_flag_writes_the_same_file(ray_cluster, tmp_path):
    from epistemic.cli.main import cli

    run = CliRunner()
    ref, out = tmp_path / "ref.jsonl", tmp_path / "ray.jsonl"
    assert run.invoke(cli, ["generate", "muddy", "--count", "4", "--seed", "5", "--out", str(ref)]).exit_code == 0
    res = run.invoke(cli, ["generate", "muddy", "--count", "4", "--seed", "5", "--out", str(out), "--ray",
                           "--shard-size", "2", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["schema"] == "epistemic.scale.generate/1" and data["count"] == 4 and data["shards"] == 2
    assert out.read_bytes() == ref.read_bytes()
    again = run.invoke(cli, ["generate", "muddy", "--count", "4", "--out", str(out), "--ray", "--json"])
    assert again.exit_code == 2 and json.loads(again.stdout)["schema"] == "epistemic.error/1"
    assert "--force" in json.loads(again.stdout)["hint"]
    no_out = run.invoke(cli, ["generate", "muddy", "--count", "4", "--ray"])
    assert no_out.exit_code == 2 and "--out" in no_out.output and "Traceback" not in no_out.output


def test_killed_generate_worker_loses_and_duplicates_nothing(ray_cluster, tmp_path):
    from epistemic.scale.generate_job import GenerateJob, run_generate

    ref = tmp_path / "ref.jsonl"
    single_process(ref, "cards", 8, 11, {})
    killer = Killer(ray_cluster, "run_shard")
    killer.start()
    out = tmp_path / "ray.jsonl"
    run_generate(GenerateJob("cards", 8, seed=11, use_z3=False), out, shard_size=2)
    killer.stop.set()
    assert killer.killed is not None, "no worker was caught running a shard"
    assert out.read_bytes() == ref.read_bytes()
