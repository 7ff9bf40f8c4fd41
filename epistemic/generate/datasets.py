"""Datasets of generated puzzles: items {question, answer, metadata}, scoring, export, split checks."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from ..errors import EpistemicError
from ..tasks.render import render_prompt
from ..tasks import scoring

PARQUET_COLUMNS = ("id", "question", "answer", "puzzle", "family", "lang", "difficulty", "metadata")

__all__ = ["create", "score_answer", "export_jsonl", "export_parquet", "read_jsonl", "split_leaks", "check_split"]


def create(family: str, size: int, seed: int = 0, lang: str = "en", difficulty: str | None = None,
           synth: bool = False, use_z3: bool = True, **knobs: Any) -> list[dict]:
    """`size` items of a family; item i depends only on (family, knobs, seed, i) and the dedup skips."""
    from .. import generate as gen

    puzzles, _ = gen.generate(family, size, seed, difficulty, knobs, synth=synth, use_z3=use_z3)
    return [item_of(p.to_dict(), lang, difficulty) for p in puzzles]


def item_of(record: dict, lang: str = "en", difficulty: str | None = None, puzzle=None) -> dict:
    """A dataset item from a generated record (schema `epistemic.generated/2`); `puzzle`, the record's
    source already parsed (the generator has it), saves parsing the source again to render the question."""
    if record.get("family") == "maze":  # the question is the AlphaMaze prompt itself
        from ..maze.tasks import dataset_item

        return dataset_item(record, lang, difficulty)
    question = render_prompt(record["source"] if puzzle is None else puzzle, lang)
    meta = {k: record[k] for k in ("id", "family", "seed", "index", "skip", "method", "knobs", "source",
                                   "answer_values", "stages", "difficulty", "certificate", "key")}
    meta.update({k: record[k] for k in ("necessity", "units", "necessary") if k in record})
    meta["lang"] = lang
    meta["level"] = difficulty
    return {"question": question, "answer": record["answer"], "metadata": meta}


def score_answer(answer: str | None, item: dict) -> float:
    """1.0 for the item's answer in any accepted format (aliases, ♦5, 方块5, <answer> tags), else 0.0."""
    if answer is None:
        return 0.0
    if item.get("metadata", {}).get("family") == "maze":  # legal moves ending on the target
        from ..maze.tasks import score_answer as score_moves

        return score_moves(answer, item)
    return scoring.score_answer(answer, item)


def row_of(item: dict) -> dict:
    """The exported row of a dataset item (one JSONL line, one Parquet row before encoding)."""
    m = item["metadata"]
    row = {"id": m["id"], "question": item["question"], "answer": item["answer"], "puzzle": m["source"],
           "prompt": item["question"], "family": m["family"], "difficulty": m["difficulty"], "lang": m["lang"],
           "metadata": m}
    if "size" in m:  # mazes: eval reports per size
        row["size"] = m["size"]
    return row


def export_jsonl(items: Iterable[dict], path: str | Path) -> Path:
    """One JSON object per line (also readable by the LLM runner: `puzzle`, `prompt`, `id`)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(row_of(item), ensure_ascii=False) + "\n")
    return path


def read_jsonl(path: str | Path) -> list[dict]:
    items = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items.append({"question": row["question"], "answer": row["answer"], "metadata": row["metadata"]})
    return items


def export_parquet(items: Iterable[dict], path: str | Path) -> Path:
    """A Parquet file (needs pyarrow: `pip install -e ".[datasets]"`); nested fields as JSON strings."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise EpistemicError("Parquet export needs pyarrow", hint="pip install pyarrow (in a checkout: pip install -e '.[datasets]')") from None
    table = parquet_table(items)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path


def parquet_table(items: Iterable[dict]):
    """The pyarrow Table of dataset items (fixed columns; nested fields as JSON strings)."""
    import pyarrow as pa

    rows = [row_of(i) for i in items]
    return pa.table({
        "id": [r["id"] for r in rows],
        "question": [r["question"] for r in rows],
        "answer": [r["answer"] for r in rows],
        "puzzle": [r["puzzle"] for r in rows],
        "family": [r["family"] for r in rows],
        "lang": [r["lang"] for r in rows],
        "difficulty": [json.dumps(r["difficulty"]) for r in rows],
        "metadata": [json.dumps(r["metadata"], ensure_ascii=False) for r in rows],
    }, schema=pa.schema([(name, pa.string()) for name in PARQUET_COLUMNS]))


def normalised_key(item: dict) -> str:
    """The item's puzzle in canonical form, hashed: worlds, observers, announcements and question, equal
    up to renaming values within a sort (suits swapped, months permuted). Recomputed from the source;
    the same key the generator dedups by (generate/dedup.py)."""
    from ..language.load import load_puzzle
    from .dedup import puzzle_key
    from ..worlds.build import build_space

    source = item["metadata"]["source"] if "metadata" in item else item["puzzle"]
    if (item.get("metadata") or item).get("family") == "maze":  # walls, origin and target, from the prompt
        from ..maze.tasks import maze_of

        return "maze:" + maze_of(source).key()
    puzzle = load_puzzle(source)
    return puzzle_key(puzzle, build_space(puzzle))


def split_leaks(train: Iterable[dict], test: Iterable[dict]) -> list[str]:
    """Ids of test items whose canonical puzzle also appears in train (a renamed copy counts as a leak)."""
    seen = {normalised_key(i) for i in train}
    return [i["metadata"]["id"] if "metadata" in i else str(i.get("id")) for i in test if normalised_key(i) in seen]


def check_split(train: Iterable[dict], test: Iterable[dict]) -> None:
    """Raise a clear error when a test puzzle appears (up to renaming values) in the train split."""
    leaks = split_leaks(list(train), list(test))
    if leaks:
        shown = ", ".join(leaks[:5]) + (" ..." if len(leaks) > 5 else "")
        raise EpistemicError(f"{len(leaks)} test puzzle(s) also appear in train: {shown}",
                             hint="generate the splits with different seeds, or drop these items")
