"""generate --out: rows rendered from the puzzle in hand equal rows rendered from the source; a run
continued from kept rows (--resume) writes what an uninterrupted run writes, in every output kind."""
from __future__ import annotations

import json

import pytest

from epistemic import generate as gen
from epistemic.errors import EpistemicError
from epistemic.generate import datasets
from epistemic.generate.output import DatasetOutput, check_continues, read_kept


@pytest.mark.parametrize("family", ["cards", "birthdays", "sum_product", "muddy", "generic"])
def test_rows_from_the_puzzle_in_hand_equal_rows_from_the_source(family):
    made, _ = gen.generate(family, 3, 7, use_z3=False)
    for g in made:
        record = g.to_dict()
        for lang in ("en", "zh"):
            assert datasets.item_of(record, lang, puzzle=g.verified.solution.puzzle) == datasets.item_of(record, lang)


def run(out, family: str, count: int, resume: bool = False, start: int = 0, knobs=None) -> DatasetOutput:
    """What the CLI does: kept rows, then the rest made with their keys as seen, then one atomic save."""
    kept = read_kept(str(out)) if resume else read_kept(str(out) + ".none")
    check_continues(kept, family, 0, start, count, str(out))
    sink = DatasetOutput(str(out), False, "en", None, kept)
    gen.generate(family, count - len(kept), 0, knobs=knobs, start=start + len(kept), use_z3=False, known=kept.keys,
                 on_item=sink.add)
    sink.save()
    return sink


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ""])
def test_resume_writes_what_an_uninterrupted_run_writes(tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    family, knobs = "muddy", {"n": 4}  # few distinct puzzles: later items skip duplicates of earlier ones
    whole, part = tmp_path / f"whole{suffix}", tmp_path / f"part{suffix}"
    run(whole, family, 12, knobs=knobs)
    run(part, family, 5, knobs=knobs)
    sink = run(part, family, 12, resume=True, knobs=knobs)
    assert len(sink.kept) == 5 and len(sink.records) == 7
    if suffix:
        assert part.read_bytes() == whole.read_bytes()
    else:
        assert (part / "index.jsonl").read_bytes() == (whole / "index.jsonl").read_bytes()
        assert sorted(p.name for p in part.iterdir()) == sorted(p.name for p in whole.iterdir())
    # the kept keys matter: items 5.. made as if nothing had been seen differ from the uninterrupted run's
    alone, _ = gen.generate(family, 7, 0, knobs=knobs, start=5, use_z3=False)
    with_keys, _ = gen.generate(family, 7, 0, knobs=knobs, start=5, use_z3=False, known=sink.kept.keys)
    assert [g.to_dict() for g in with_keys] == sink.records
    assert [g.verified.key for g in alone] != [g.verified.key for g in with_keys]


def test_resume_refuses_rows_of_another_run(tmp_path):
    out = tmp_path / "g.jsonl"
    run(out, "muddy", 3)
    kept = read_kept(str(out))
    for args, says in [(("cards", 0, 0, 5), "muddy puzzles"), (("muddy", 1, 0, 5), "seed 1"),
                       (("muddy", 0, 2, 5), "another start"), (("muddy", 0, 0, 2), "more than --count")]:
        with pytest.raises(EpistemicError, match=says):
            check_continues(kept, *args, str(out))
    sink = DatasetOutput(str(out), False, "en", None, kept)
    with pytest.raises(EpistemicError, match="knobs"):
        gen.generate("muddy", 1, 0, knobs={"n": 5}, start=3, use_z3=False, known=kept.keys, on_item=sink.add)


@pytest.mark.parametrize("text", ['{"key": "k"}\n', "precious\n", '{"metadata": ' + "[" * 5000 + "]" * 5000 + "}\n",
                                  '{"question": "q", "answer": "a", "metadata": {"family": "muddy"}}\n'])
def test_kept_rows_that_generate_did_not_write_are_refused(tmp_path, text):
    out = tmp_path / "g.jsonl"  # '{"key": ...}' in a .jsonl was a KeyError the fuzz bench found
    out.write_text(text)
    with pytest.raises(EpistemicError, match="generate"):
        read_kept(str(out))


class _CutList(list):
    """A list whose n-th append raises KeyboardInterrupt after nothing was added: Ctrl-C between two appends."""

    def __init__(self, at: int):
        super().__init__()
        self.at = at

    def append(self, item) -> None:
        if len(self) == self.at:
            self.at = -1
            raise KeyboardInterrupt
        super().append(item)


@pytest.mark.parametrize("cut", ["row", "record"])
def test_an_item_cut_off_by_ctrl_c_is_neither_counted_nor_written(tmp_path, monkeypatch, cut):
    """Ctrl-C while an item is being added (making its row, or between its row and its record): the count the
    message gives, the rows written and the records agree, so "--start N" resumes right after the last row."""
    made, _ = gen.generate("cards", 4, 3, use_z3=False)
    out = tmp_path / "g.jsonl"
    sink = DatasetOutput(str(out), False, "en", None)
    if cut == "row":
        real = datasets.item_of
        calls = iter(range(100))
        monkeypatch.setattr(datasets, "item_of", lambda *a, **k: real(*a, **k) if next(calls) != 3 else
                            (_ for _ in ()).throw(KeyboardInterrupt))
    else:
        sink.records = _CutList(3)
    with pytest.raises(KeyboardInterrupt):
        for g in made:
            sink.add(g)
    assert sink.total == 3
    sink.save()
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 == len(sink.records) and [json.loads(r)["metadata"]["index"] for r in rows] == [0, 1, 2]
