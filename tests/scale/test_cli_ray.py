"""The --ray flag of generate: the same file as without, clean errors, the --json schema; ray missing.
(audit --ray through the command: test_audit_ray.py.)"""
from __future__ import annotations

import json
import sys

from click.testing import CliRunner


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


def test_ray_missing_gives_the_install_hint(tmp_path, monkeypatch):
    from epistemic.cli.main import cli

    monkeypatch.setitem(sys.modules, "ray", None)
    res = CliRunner().invoke(cli, ["generate", "muddy", "--count", "2", "--out", str(tmp_path / "x.jsonl"),
                                   "--ray", "--json"])
    assert res.exit_code == 2 and "pip install -e '.[scale]'" in json.loads(res.stdout)["hint"]
