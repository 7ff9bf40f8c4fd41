"""Datasets: items, scoring, JSONL/Parquet export, and the train/test leak check."""
import pytest

from epistemic.generate import datasets
from epistemic.errors import EpistemicError


def test_create_items_and_score():
    items = datasets.create("cards", 3, seed=5, use_z3=False, cards=12)
    assert len(items) == 3
    for it in items:
        assert set(it) == {"question", "answer", "metadata"}
        m = it["metadata"]
        assert m["source"] and m["stages"][0]["remaining"] == 12 and "solver_effort" in m["difficulty"]
        assert datasets.score_answer(f"<answer>{it['answer']}</answer>", it) == 1.0
        assert datasets.score_answer("Answer: ♥Z", it) == 0.0
        assert datasets.score_answer(None, it) == 0.0


def test_chinese_items_and_difficulty_presets():
    items = datasets.create("birthdays", 2, seed=1, lang="zh", difficulty="easy", use_z3=False)
    assert all("请问" in it["question"] for it in items)
    assert all(it["metadata"]["level"] == "easy" for it in items)


def test_jsonl_roundtrip(tmp_path):
    items = datasets.create("generic", 2, seed=2, use_z3=False)
    path = datasets.export_jsonl(items, tmp_path / "d.jsonl")
    back = datasets.read_jsonl(path)
    assert back == items


def test_parquet(tmp_path):
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    items = datasets.create("cards", 2, seed=2, use_z3=False)
    table = pq.read_table(datasets.export_parquet(items, tmp_path / "d.parquet"))
    assert table.num_rows == 2 and table.column("answer").to_pylist() == [i["answer"] for i in items]


def test_split_check():
    train = datasets.create("birthdays", 4, seed=1, use_z3=False)
    test = datasets.create("birthdays", 3, seed=2, use_z3=False)
    datasets.check_split(train, test)
    leaked = test + [train[1]]
    assert datasets.split_leaks(train, leaked) == [train[1]["metadata"]["id"]]
    with pytest.raises(EpistemicError, match="also appear in train"):
        datasets.check_split(train, leaked)
