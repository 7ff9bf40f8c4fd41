"""GPU benchmark of the local-model runner with a randomly initialised model of a real size.

Builds a Qwen2.5-7B-shaped model (random bf16 weights) and a byte-level tokenizer of Qwen's
vocabulary size, saves them as a local model folder, then measures through epistemic.llm:
  1. decode throughput (tokens/s) against batch size, fixed output length;
  2. the overhead of grammar-constrained decoding (llguidance) against plain decoding;
  3. `ask` and `eval` end to end on the saved folder.
Writes results.json and table.md to --out (default $OUT or ./bench_out).

    python bench/bench_llm_gpu.py                  # on a GPU machine
    python bench/bench_llm_gpu.py --tiny --out /tmp/b   # the same code path on CPU, in seconds
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import traceback
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STATEMENT = (
    "There are 16 playing cards in a drawer: hearts A, Q, 4; spades J, 8, 4, 2, 7, 3; clubs K, Q, 5, 4, 6; "
    "diamonds A, 5. Professor John picks one card, tells Mr. P its rank and Mr. Q its suit. "
    "P: I don't know the card. Q: I knew you didn't know. P: Now I know the card. Q: Now I know it too. "
    "Which card is it? Think step by step, then give the card as 'suit rank'."
)


def log(*a):
    print(*a, flush=True)


def build(model_dir: Path, tiny: bool, device: str) -> dict:
    """Tokenizer + random model saved to model_dir."""
    from epistemic.llm import tiny as t

    t0 = time.perf_counter()
    if tiny:
        raw, cfg, dtype = t.byte_level_tokenizer(400), t.qwen2_config(512), "float32"
    else:
        raw, cfg, dtype = t.synthetic_bpe_tokenizer(151_643 + 22), dict(t.QWEN25_7B), "bfloat16"
    fast = t.save_tokenizer(raw, model_dir)
    t1 = time.perf_counter()
    model = t.save_random_model(cfg, model_dir, fast, dtype=dtype, device=device,
                                generation={"max_new_tokens": 256})
    n_params = sum(p.numel() for p in model.parameters())
    del model
    return {"tokenizer_size": len(fast), "params": n_params, "dtype": dtype,
            "tokenizer_s": round(t1 - t0, 1), "model_s": round(time.perf_counter() - t1, 1)}


def throughput(loaded, batches, new_tokens, reps) -> list[dict]:
    """Tokens per second for each batch size (best of `reps`), output length fixed by min_new_tokens."""
    from epistemic.llm.generation import generate, timed
    from epistemic.llm.prompting import puzzle_prompt
    from epistemic.llm.settings import Overrides, resolve

    prompt = puzzle_prompt(loaded.tokenizer, STATEMENT)
    s = resolve(loaded.generation_config, Overrides(max_new_tokens=new_tokens, min_new_tokens=new_tokens, seed=0))
    generate(loaded, [prompt], replace(s, max_new_tokens=8, min_new_tokens=8))  # warm-up
    import torch

    x = torch.tensor([[11]], device=loaded.model.device)
    with torch.inference_mode():
        for _ in range(3):
            loaded.model(input_ids=x)
        _, sec = timed(lambda: [loaded.model(input_ids=x) for _ in range(20)])
    log("one forward of one token (no cache), ms:", round(1000 * sec / 20, 2))
    rows = [{"batch": "forward", "ms_per_forward": round(1000 * sec / 20, 2)}]
    for b in batches:
        generate(loaded, [prompt] * b, s)  # warm-up at this shape (the allocator grows once per shape)
        runs = [timed(lambda: generate(loaded, [prompt] * b, s)) for _ in range(reps)]
        outs, sec = min(runs, key=lambda r: r[1])
        n = sum(o.generated_tokens for o in outs)
        rows.append({"batch": b, "prompt_tokens": outs[0].prompt_tokens, "new_tokens": n, "seconds": round(sec, 2),
                     "all_s": [round(r[1], 2) for r in runs],
                     "tokens_per_s": round(n / sec, 1), "ms_per_step": round(1000 * sec / new_tokens, 1)})
        log("throughput", rows[-1])
    return rows


class NoEOS:
    """Forbids end-of-sequence so every run produces exactly max_new_tokens (placed before the grammar)."""

    def __init__(self, eos):
        self.eos = list(eos)

    def __call__(self, input_ids, scores):
        scores[:, self.eos] = float("-inf")
        return scores


def constrained(loaded, grammar_text, batches, new_tokens, reps) -> tuple[list[dict], dict]:
    """Constrained vs plain greedy decoding at equal output length (median of `reps`); processor host time."""
    from epistemic.llm.constrained import Constraint
    from epistemic.llm.extract import extraction_messages
    from epistemic.llm.generation import generate, timed
    from epistemic.llm.grammar import ClaimListParser, extraction_grammar
    from epistemic.llm.prompting import render_chat
    from epistemic.llm.settings import Overrides, resolve

    text = extraction_grammar(grammar_text)
    t0 = time.perf_counter()
    c = Constraint.from_lark(text, loaded.tokenizer, loaded.model.config.vocab_size, loaded.eos_token_ids)
    setup = {"compile_s": round(time.perf_counter() - t0, 2), "usable_tokens": int(c.usable.sum())}
    log("constraint setup", setup)
    prompt = render_chat(loaded.tokenizer, extraction_messages("P says: not P knows card", "P does not know."),
                         enable_thinking=False)
    s = resolve(loaded.generation_config, Overrides(do_sample=False, max_new_tokens=new_tokens))
    no_eos = NoEOS(loaded.eos_token_ids)
    generate(loaded, [prompt], replace(s, max_new_tokens=8), logits_processors=[no_eos, c.processor()])
    parser = ClaimListParser(text)
    rows = []
    for b in batches:
        plain_runs, cons_runs = [], []
        generate(loaded, [prompt] * b, s, logits_processors=[no_eos])  # warm-up at this shape (allocator)
        generate(loaded, [prompt] * b, s, logits_processors=[no_eos, c.processor()])
        for _ in range(reps):  # alternate, so drift in clocks or allocator hits both alike
            plain_runs.append(timed(lambda: generate(loaded, [prompt] * b, s, logits_processors=[no_eos]))[1])
            proc = c.processor()
            cons, sec = timed(lambda: generate(loaded, [prompt] * b, s, logits_processors=[no_eos, proc]))
            cons_runs.append((sec, proc.seconds, proc.mask_seconds))
        t_plain = sorted(plain_runs)[len(plain_runs) // 2]
        t_cons, host, mask = sorted(cons_runs)[len(cons_runs) // 2]
        n = sum(o.generated_tokens for o in cons)
        ok = sum(parser.accepts(loaded.tokenizer.decode(list(o.token_ids[: proc.accepting[i]]),
                                                        skip_special_tokens=True)) for i, o in enumerate(cons))
        rows.append({"batch": b, "new_tokens": n, "plain_s": round(t_plain, 2), "constrained_s": round(t_cons, 2),
                     "overhead_pct": round(100 * (t_cons - t_plain) / t_plain, 1),
                     "plain_all_s": [round(x, 2) for x in plain_runs],
                     "constrained_all_s": [round(x[0], 2) for x in cons_runs],
                     "processor_host_s": round(host, 2),
                     "processor_pct": round(100 * host / t_cons, 1),
                     "mask_compute_s": round(mask, 2), "overhead_best_pct": round(
                         100 * (min(x[0] for x in cons_runs) - min(plain_runs)) / min(plain_runs), 1),
                     "reparsed": f"{ok}/{len(cons)}", "errors": len(proc.errors)})
        log("constrained", rows[-1])
    return rows, setup


def project_or_fallback():
    """The package's API, or (while render/audit/scoring are missing) a minimal stand-in."""
    from epistemic.llm.project import ProjectAPI, default_api

    try:
        return default_api(), "project"
    except ImportError as exc:
        log("project API incomplete, using a stand-in:", exc)
        return ProjectAPI(load_puzzle=lambda src, params=None: src, render_prompt=lambda p, lang="en": STATEMENT,
                          audit_trace=lambda p, text: {"steps": [text], "labels": [0], "label": -1,
                                                       "final_answer_correct": False, "claims": []},
                          score_answer=lambda a, p: 0.0, grammar_text=lambda: ""), "stand-in"


def end_to_end(loaded, model_dir: Path, work: Path, new_tokens: int, n_items: int, batch: int) -> dict:
    """`ask` once and `eval` over a small dataset, through the CLI when the package is complete."""
    from epistemic.llm.evaluate import EvalConfig, run_eval
    from epistemic.llm.runner import ask
    from epistemic.llm.settings import Overrides

    api, kind = project_or_fallback()
    puzzle = str(ROOT / "puzzles" / "card16.txt")
    data = work / "data.jsonl"
    data.write_text("".join(json.dumps({"id": f"c{i}", "puzzle": puzzle, "family": "cards",
                                        "difficulty": i % 3}) + "\n" for i in range(n_items)))
    out, res = work / "eval.jsonl", {"api": kind}
    if kind == "project":
        cli = [sys.executable, "-c", "import sys; from epistemic import llm_cli; "
               "getattr(llm_cli, sys.argv[1])(sys.argv[2:])"]
        t0 = time.perf_counter()
        r = subprocess.run(cli + ["ask", puzzle, "--model", str(model_dir), "--max-new-tokens", str(new_tokens),
                                  "--json"], capture_output=True, text=True, cwd=ROOT)
        res["ask_cli"] = {"rc": r.returncode, "wall_s": round(time.perf_counter() - t0, 1),
                          "stderr": r.stderr[-500:], "out": r.stdout[-300:]}
        t0 = time.perf_counter()
        r = subprocess.run(cli + ["eval_cmd", "--model", str(model_dir), "--dataset", str(data), "--out", str(out),
                                  "--batch-size", str(batch), "--num-samples", "2", "--max-new-tokens",
                                  str(new_tokens), "--json"], capture_output=True, text=True, cwd=ROOT)
        res["eval_cli"] = {"rc": r.returncode, "wall_s": round(time.perf_counter() - t0, 1),
                           "stderr": r.stderr[-500:], "out": r.stdout[-600:]}
        log("cli", res)
    t0 = time.perf_counter()
    rec = ask(loaded, puzzle, Overrides(max_new_tokens=new_tokens, seed=0), api=api)
    res["ask_api"] = {"seconds": round(time.perf_counter() - t0, 2), "tokens": rec["tokens"],
                      "finish": rec["finish_reason"]}
    out2 = work / "eval_api.jsonl"
    t0 = time.perf_counter()
    summary = run_eval(loaded, data, out2, EvalConfig(batch, 2, Overrides(max_new_tokens=new_tokens, seed=0)), api=api)
    sec = time.perf_counter() - t0
    recs = [json.loads(x) for x in out2.read_text().splitlines()]
    n_tok = sum(r["tokens"]["thinking"] + r["tokens"]["answer"] for r in recs)
    res["eval_api"] = {"samples": len(recs), "seconds": round(sec, 2), "new_tokens": n_tok,
                       "tokens_per_s": round(n_tok / sec, 1), "summary_overall": summary["overall"]}
    log("api", {k: v for k, v in res.items() if k.endswith("api")})
    return res


def table(results: dict) -> str:
    """Markdown tables for BENCHMARKS.md."""
    lines = [f"Device: {results.get('device')}; model: {results.get('model')}; torch {results.get('torch')}, "
             f"transformers {results.get('transformers')}, llguidance {results.get('llguidance')}.", ""]
    if results.get("throughput"):
        lines += ["| batch | prompt tokens | new tokens | seconds (best; all runs) | tokens/s | ms/step |",
                  "|---|---|---|---|---|---|"]
        lines += [f"| {r['batch']} | {r['prompt_tokens']} | {r['new_tokens']} | {r['seconds']}; {r['all_s']} "
                  f"| {r['tokens_per_s']} | {r['ms_per_step']} |" for r in results["throughput"] if "all_s" in r]
        lines += ["", f"One bare forward pass of one token: {results['throughput'][0]['ms_per_forward']} ms."]
        lines.append("")
    if results.get("constrained"):
        lines += ["| batch | new tokens | plain s (median; all) | constrained s (median; all) | overhead (median; best) "
                  "| host time added | mask compute (overlapped) | re-parsed |", "|---|---|---|---|---|---|---|---|"]
        lines += [f"| {r['batch']} | {r['new_tokens']} | {r['plain_s']}; {r['plain_all_s']} "
                  f"| {r['constrained_s']}; {r['constrained_all_s']} | {r['overhead_pct']}%; {r['overhead_best_pct']}% "
                  f"| {r['processor_host_s']} s ({r['processor_pct']}%) | {r['mask_compute_s']} s | {r['reparsed']} |"
                  for r in results["constrained"]]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tiny", action="store_true", help="tiny CPU model: checks the script, measures nothing")
    ap.add_argument("--out", default=os.environ.get("OUT", "bench_out"))
    ap.add_argument("--work", default="/tmp/epistemic-bench")
    ap.add_argument("--batches", default="1,8,32,128")
    ap.add_argument("--new-tokens", type=int, default=128)
    ap.add_argument("--reps", type=int, default=3, help="repetitions of each timing")
    ap.add_argument("--skip", default="", help="comma list of sections to skip: throughput,constrained,e2e")
    args = ap.parse_args()
    import torch
    import transformers
    import llguidance

    out, work = Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() and not args.tiny else "cpu"
    batches = [int(b) for b in args.batches.split(",")]
    skip = set(args.skip.split(","))
    results: dict = {"device": torch.cuda.get_device_name(0) if device == "cuda" else "cpu",
                     "model": "tiny Qwen2" if args.tiny else "Qwen2.5-7B config, random bf16 weights",
                     "torch": torch.__version__, "transformers": transformers.__version__,
                     "llguidance": llguidance.__version__}

    def save():
        (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
        (out / "table.md").write_text(table(results))

    model_dir = work / "model"
    t0 = time.perf_counter()
    results["build"] = build(model_dir, args.tiny, device)
    log("build", results["build"])
    from epistemic.llm.loading import load_model

    t0 = time.perf_counter()
    loaded = load_model(model_dir, device=device)
    results["load_s"] = round(time.perf_counter() - t0, 1)
    log("load", results["load_s"])
    save()
    sections = [("throughput", lambda: throughput(loaded, batches, args.new_tokens, args.reps))]
    try:
        from epistemic.language import grammar_text
        gtext = grammar_text()
    except ImportError:
        from tests.llm.conftest import CLAIM_GRAMMAR as gtext
    sections.append(("constrained", lambda: constrained(loaded, gtext, [b for b in batches if b <= 32],
                                                       args.new_tokens, args.reps)))
    sections.append(("e2e", lambda: end_to_end(loaded, model_dir, work, args.new_tokens, 32, 16)))
    for name, fn in sections:
        if name in skip:
            continue
        try:
            value = fn()
            if name == "constrained":
                results["constrained"], results["constraint_setup"] = value
            else:
                results[name] = value
        except Exception:  # noqa: BLE001 - keep the other sections
            results[name + "_error"] = traceback.format_exc()[-2000:]
            log(results[name + "_error"])
        if device == "cuda":
            results.setdefault("peak_gib", {})[name] = round(torch.cuda.max_memory_allocated() / 2**30, 1)
        save()
    log(table(results))


if __name__ == "__main__":
    main()
