"""Sharding by index and the part files: pure functions, no Ray needed."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from epistemic.errors import EpistemicError
from epistemic.scale.files import check_output, join_parts, write_jsonl_part, write_parquet_part
from epistemic.scale.shards import index_shards, line_shards, read_line_shard


@settings(deadline=None)
@given(st.integers(0, 50), st.integers(0, 300), st.integers(1, 40))
def test_index_shards_cover_each_index_once_in_order(start, count, size):
    shards = index_shards(start, count, size)
    covered = [i for sh in shards for i in range(sh.start, sh.stop)]
    assert covered == list(range(start, start + count))
    assert [sh.number for sh in shards] == list(range(len(shards)))
    assert all(0 < sh.size <= size for sh in shards)


lines_strategy = st.lists(st.text(st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)),
                                  max_size=12), max_size=30)


@settings(max_examples=60, deadline=None)
@given(lines_strategy, st.integers(1, 7), st.booleans(), st.booleans())
def test_line_shards_read_back_every_line_once(tmp_path_factory, lines, size, final_newline, bom):
    path = tmp_path_factory.mktemp("lines") / "in.jsonl"
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    path.write_bytes(("\ufeff" if bom and lines else "").encode() + text.encode("utf-8"))
    shards = line_shards(path, size)
    got = [line for sh in shards for line in read_line_shard(path, sh)]
    expected = text.split("\n")
    if expected and expected[-1] == "":
        expected.pop()
    assert got == expected  # the same lines as a plain split, numbered from 1 across shards
    firsts = [sh.first for sh in shards]
    assert firsts == [1 + sum(sh.lines for sh in shards[:k]) for k in range(len(shards))]
    assert sum(sh.lines for sh in shards) == len(expected)


def test_join_jsonl_parts_in_order_and_refuse_to_replace(tmp_path):
    parts = [write_jsonl_part(tmp_path / "p" / f"{k}.jsonl", [json.dumps({"k": k, "i": i}) for i in range(k)])
             for k in range(4)]
    out = tmp_path / "out.jsonl"
    join_parts(parts, out, force=False)
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(r["k"], r["i"]) for r in rows] == [(k, i) for k in range(4) for i in range(k)]
    assert not (tmp_path / "p").exists()  # parts removed after the join
    with pytest.raises(EpistemicError, match="exists"):
        check_output(out, force=False)
    assert check_output(out, force=True) == out
    with pytest.raises(EpistemicError, match=r"\.jsonl or \.parquet"):
        check_output(tmp_path / "out.csv", force=False)


def test_join_parquet_parts(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    parts = [write_parquet_part(tmp_path / f"{k}.parquet", pa.table({"x": pa.array(range(k * 10, k * 10 + k), pa.int64())}))
             for k in range(4)]
    out = join_parts(parts, tmp_path / "out.parquet", force=False)
    assert pq.read_table(out).column("x").to_pylist() == [k * 10 + i for k in range(4) for i in range(k)]


def test_missing_part_is_a_clear_error(tmp_path):
    with pytest.raises(EpistemicError, match="missing"):
        join_parts([tmp_path / "part-000000.jsonl"], tmp_path / "out.jsonl", force=False)
    assert not (tmp_path / "out.jsonl").exists()


def test_no_ray_gives_the_install_hint(monkeypatch):
    import sys

    from epistemic.scale.cluster import need_ray

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(EpistemicError) as info:
        need_ray()
    assert "pip install -e '.[scale]'" in info.value.hint


def test_core_never_imports_ray():
    import subprocess
    import sys

    code = ("import sys, epistemic, epistemic.api, epistemic.generate, epistemic.audit, epistemic.cli; "
            "print('ray' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_command_without_ray_gives_the_install_hint(tmp_path, monkeypatch):
    import sys

    from click.testing import CliRunner

    from epistemic.cli.main import cli

    monkeypatch.setitem(sys.modules, "ray", None)
    res = CliRunner().invoke(cli, ["generate", "muddy", "--count", "2", "--out", str(tmp_path / "x.jsonl"),
                                   "--ray", "--json"])
    assert res.exit_code == 2 and "pip install -e '.[scale]'" in json.loads(res.stdout)["hint"]
