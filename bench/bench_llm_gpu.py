"""GPU benchmark of the local-model runner with a randomly initialised model of a real size.

Builds a Qwen2.5-7B-shaped model (random bf16 weights) and a byte-level tokenizer of Qwen's
vocabulary size, saves them as a local model folder (kept in memory when e2e is skipped), then
measures through epistemic.llm:
  1. decode throughput (tokens/s) against batch size, fixed output length;
  2. the overhead of grammar-constrained decoding (llguidance) against plain decoding: rounds of
     plain and constrained runs interleaved, GPU synchronised around each, median of per-round ratios;
  3. `ask` and `eval` end to end on the saved folder.
Writes results.json and table.md to --out (default $OUT or ./bench_out).

    python bench/bench_llm_gpu.py                  # on a GPU machine
    python bench/bench_llm_gpu.py --skip throughput,e2e --rounds 8   # the constrained table only
    python bench/bench_llm_gpu.py --tiny --out /tmp/b   # the same code path on CPU, in seconds
    python bench/bench_llm_gpu.py --skip constrained,e2e --decoders generate,fast --caches static --batches 1
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


def build(model_dir: Path, tiny: bool, device: str, save: bool = True):
    """Tokenizer + random model; saved to model_dir and loaded back, or (save=False) kept in memory.

    Returns (build facts, LoadedModel).
    """
    import torch
    import transformers

    from epistemic.llm import tiny as t
    from epistemic.llm.loading import LoadedModel, load_model

    t0 = time.perf_counter()
    if tiny:
        raw, cfg, dtype = t.byte_level_tokenizer(400), t.qwen2_config(512), "float32"
    else:
        raw, cfg, dtype = t.synthetic_bpe_tokenizer(151_643 + 22), dict(t.QWEN25_7B), "bfloat16"
    fast = t.save_tokenizer(raw, model_dir)
    t1 = time.perf_counter()
    gen = {"max_new_tokens": 256}
    if save:
        model = t.save_random_model(cfg, model_dir, fast, dtype=dtype, device=device, generation=gen)
        n_params = sum(p.numel() for p in model.parameters())
        del model
        t2 = time.perf_counter()
        loaded = load_model(model_dir, device=device)
    else:  # the same random model as save_random_model builds, without the disk round trip
        torch.manual_seed(0)
        with torch.device(device):
            model = transformers.AutoModelForCausalLM.from_config(transformers.AutoConfig.for_model(**cfg),
                                                                  dtype=getattr(torch, dtype))
        eos = [fast.convert_tokens_to_ids("<|im_end|>"), fast.convert_tokens_to_ids("<|endoftext|>")]
        model.generation_config = transformers.GenerationConfig(
            do_sample=True, temperature=0.7, top_p=0.8, top_k=20, eos_token_id=eos, pad_token_id=eos[1], **gen)
        model.eval()
        n_params = sum(p.numel() for p in model.parameters())
        t2 = time.perf_counter()
        tok = transformers.AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        tok.padding_side = "left"  # as load_tokenizer (which needs weights in the folder)
        loaded = LoadedModel(model, tok, model.generation_config, str(model_dir), device,
                             model.config.max_position_embeddings)
    facts = {"tokenizer_size": len(fast), "params": n_params, "dtype": dtype, "saved": save,
             "tokenizer_s": round(t1 - t0, 1), "model_s": round(t2 - t1, 1),
             "load_s": round(time.perf_counter() - t2, 1)}
    return facts, loaded


def throughput(loaded, batches, new_tokens, reps, caches=("dynamic",), greedy=False, decoders=("generate",)) -> list[dict]:
    """Tokens per second for each decoder, KV-cache kind and batch size (best of `reps`), output length fixed
    by min_new_tokens. Decoder "generate" is transformers' generate with each of `caches`: "dynamic" is
    eager, "static" transformers' static cache, with which generate() compiles the decoding step
    (torch.compile, reduce-overhead: CUDA graphs). Decoder "fast" is epistemic.llm.fastdecode (its own
    loop over a static cache; forward and sampling in one captured step). The first run at each shape
    compiles and is reported as `first_s`."""
    from epistemic.llm.generation import generate, timed
    from epistemic.llm.prompting import puzzle_prompt
    from epistemic.llm.settings import Overrides, resolve

    prompt = puzzle_prompt(loaded.tokenizer, STATEMENT)
    s = resolve(loaded.generation_config, Overrides(max_new_tokens=new_tokens, min_new_tokens=new_tokens, seed=0,
                                                    do_sample=False if greedy else None))
    generate(loaded, [prompt], replace(s, max_new_tokens=8, min_new_tokens=8))  # warm-up
    import torch

    x = torch.tensor([[11]], device=loaded.model.device)
    with torch.inference_mode():
        for _ in range(3):
            loaded.model(input_ids=x)
        _, sec = timed(lambda: [loaded.model(input_ids=x) for _ in range(20)])
    log("one forward of one token (no cache), ms:", round(1000 * sec / 20, 2))
    rows = [{"batch": "forward", "ms_per_forward": round(1000 * sec / 20, 2)}]
    kinds = [(d, c) for d in decoders for c in (caches if d == "generate" else ["static"])]
    for decoder, cache in kinds:
        sc = replace(s, cache_implementation=None if cache == "dynamic" or decoder == "fast" else cache,
                     decoder="fast" if decoder == "fast" else None)
        for b in batches:
            try:
                # warm-up at this shape (the allocator grows once per shape; static: compiles)
                first = timed(lambda: generate(loaded, [prompt] * b, sc))[1]
                runs = [timed(lambda: generate(loaded, [prompt] * b, sc)) for _ in range(reps)]
            except Exception as exc:  # noqa: BLE001 - keep the other rows
                rows.append({"decoder": decoder, "cache": cache, "batch": b,
                             "error": f"{type(exc).__name__}: {exc}"[:500]})
                log("throughput", rows[-1])
                continue
            outs, sec = min(runs, key=lambda r: r[1])
            n = sum(o.generated_tokens for o in outs)
            rows.append({"decoder": decoder, "cache": cache, "batch": b, "decoding": "greedy" if greedy else "sampled",
                         "prompt_tokens": outs[0].prompt_tokens, "new_tokens": n,
                         "seconds": round(sec, 3), "all_s": [round(r[1], 3) for r in runs],
                         "first_s": round(first, 1), "warnings": list(outs[0].warnings),
                         "same_tokens_over_runs": len({tuple(o.token_ids for o in r[0]) for r in runs}) == 1,
                         "tokens_per_s": round(n / sec, 1), "ms_per_step": round(1000 * sec / new_tokens, 2)})
            log("throughput", rows[-1])
    return rows


def greedy_agreement(loaded, new_tokens: int) -> dict:
    """Greedy tokens of the fast decoder against eager transformers generate (batch 1): how many agree.

    bf16 on a random model: compiled and eager kernels round differently, so near-ties may flip late."""
    from epistemic.llm.generation import generate
    from epistemic.llm.prompting import puzzle_prompt
    from epistemic.llm.settings import Overrides, resolve

    prompt = puzzle_prompt(loaded.tokenizer, STATEMENT)
    s = resolve(loaded.generation_config, Overrides(max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                                                    do_sample=False))
    a = generate(loaded, [prompt], s)[0].token_ids
    b = generate(loaded, [prompt], replace(s, decoder="fast"))[0].token_ids
    same = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    res = {"new_tokens": new_tokens, "agreeing_prefix": same, "equal": a == b}
    log("greedy agreement", res)
    return res


def copy_bandwidth() -> float:
    """Device-to-device copy bandwidth in GB/s (bytes read + written), best of 10 copies of 2 GiB."""
    import torch

    x = torch.empty(2**30, dtype=torch.int16, device="cuda").random_()
    y = torch.empty_like(x)
    best = float("inf")
    for _ in range(12):
        a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        a.record()
        y.copy_(x)
        b.record()
        torch.cuda.synchronize()
        best = min(best, a.elapsed_time(b) / 1000)
    del x, y
    return 2 * 2**31 / best / 1e9


def profile_fast(loaded, batch: int, new_tokens: int, greedy: bool) -> dict:
    """Where one fast-decoder step's time goes: host time per step (launches only), device time per step
    (CUDA events over many steps), the prefill, the weight-read floor, and the profiler's kernel table."""
    import torch

    from epistemic.llm import fastdecode as fd
    from epistemic.llm.generation import generate
    from epistemic.llm.prompting import puzzle_prompt
    from epistemic.llm.settings import Overrides, resolve

    model, tok = loaded.model, loaded.tokenizer
    prompt = puzzle_prompt(tok, STATEMENT)
    s = resolve(loaded.generation_config, Overrides(max_new_tokens=new_tokens, min_new_tokens=new_tokens, seed=0,
                                                    do_sample=False if greedy else None, decoder="fast"))
    generate(loaded, [prompt] * batch, s)  # compiles if no row did yet
    generate(loaded, [prompt] * batch, s)
    enc = tok([prompt.text] * batch, return_tensors="pt", padding=True, add_special_tokens=prompt.add_special_tokens)
    ids, mask = enc["input_ids"].to(model.device), enc["attention_mask"].to(model.device)
    params = fd.sampling_params(loaded, s, model.config.vocab_size)
    session = fd.session_for(loaded, batch, ids.shape[1], new_tokens, params)
    gen = torch.Generator(device=model.device).manual_seed(0)
    n = new_tokens - 1
    res = {"batch": batch, "decoding": "greedy" if greedy else "sampled", "steps": n,
           "cache_len": session.cache_len}
    with torch.inference_mode():
        best = {}
        for _ in range(3):
            torch.cuda.synchronize()
            t0 = time.perf_counter()
            session.prefill(model, ids, mask, gen)
            torch.cuda.synchronize()
            t1 = time.perf_counter()
            e0, e1 = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            e0.record()
            h0 = time.perf_counter()
            for _ in range(n):
                session.advance(model, gen)
            h1 = time.perf_counter()
            e1.record()
            torch.cuda.synchronize()
            t2 = time.perf_counter()
            run = {"prefill_ms": 1000 * (t1 - t0), "host_ms_per_step": 1000 * (h1 - h0) / n,
                   "device_ms_per_step": e0.elapsed_time(e1) / n, "wall_ms_per_step": 1000 * (t2 - t1) / n}
            if not best or run["wall_ms_per_step"] < best["wall_ms_per_step"]:
                best = run
        res.update({k: round(v, 3) for k, v in best.items()})
        session.prefill(model, ids, mask, gen)
        acts = [torch.profiler.ProfilerActivity.CPU, torch.profiler.ProfilerActivity.CUDA]
        with torch.profiler.profile(activities=acts) as prof:
            for _ in range(16):
                session.advance(model, gen)
            torch.cuda.synchronize()
        res["profile_table"] = prof.key_averages().table(sort_by="cuda_time_total", row_limit=25)
    weight_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
    kv = session.cache.layers[0]
    kv_bytes = len(session.cache.layers) * 2 * kv.keys.numel() * kv.keys.element_size()
    bw = copy_bandwidth()
    res.update({"weight_gb": round(weight_bytes / 1e9, 2), "kv_cache_gb": round(kv_bytes / 1e9, 3),
                "copy_gb_per_s": round(bw, 1),
                "floor_ms_per_step": round(1000 * (weight_bytes + kv_bytes) / (bw * 1e9), 3),
                "floor_tokens_per_s": round(batch * bw * 1e9 / (weight_bytes + kv_bytes), 1)})
    from torch._dynamo.utils import counters

    res["dynamo_counters"] = {"graph_break": dict(counters["graph_break"]),
                              "cudagraph": {k: v for k, v in counters["inductor"].items() if "cudagraph" in k},
                              "unique_graphs": counters["stats"].get("unique_graphs")}
    log("profile", {k: v for k, v in res.items() if k != "profile_table"})
    log(res["profile_table"])
    return res


class NoEOS:
    """Forbids end-of-sequence so every run produces exactly max_new_tokens (placed before the grammar)."""

    def __init__(self, eos):
        self.eos = list(eos)

    def __call__(self, input_ids, scores):
        scores[:, self.eos] = float("-inf")
        return scores


def pack_usable(usable, width: int):
    """The usable-token flags of the first `width` tokens as llguidance's int32 bitmask words."""
    import torch

    flags = torch.zeros(((width + 31) // 32) * 32, dtype=torch.int64)
    n = min(width, usable.shape[0])
    flags[:n] = usable[:n].to(torch.int64)
    words = (flags.view(-1, 32) << torch.arange(32, dtype=torch.int64)).sum(dim=1)
    return torch.where(words >= 2**31, words - 2**32, words).to(torch.int32)


def llg_kernel(constraint):
    """The processor with the mask applied by llguidance.torch.apply_token_bitmask_inplace (usable
    tokens intersected on the packed bitmask on the GPU) instead of unpack + masked_fill."""
    import torch
    from llguidance.torch import apply_token_bitmask_inplace

    from epistemic.llm.constrained import GrammarLogitsProcessor

    class LlgKernel(GrammarLogitsProcessor):
        words = None

        def _mask(self, scores):
            bits = self._bitmask.to(scores.device, non_blocking=True)
            if self.constraint.usable is not None:
                if self.words is None:
                    self.words = pack_usable(self.constraint.usable, scores.shape[-1]).to(scores.device)
                n = min(bits.shape[1], self.words.shape[0])
                both = bits[:, :n] & self.words[:n]
                bits[:, :n] = torch.where((both != 0).any(dim=1, keepdim=True), both, bits[:, :n])
            apply_token_bitmask_inplace(scores, bits)
            return scores

    return LlgKernel(constraint)


VARIANTS = {  # processors measured against plain decoding
    "default": lambda c: c.processor(),
    "llg-kernel": llg_kernel,
}


def load_other(path: str):
    """GrammarLogitsProcessor class of another version of constrained.py (for an A/B comparison)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("epistemic.llm._other_constrained", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module.GrammarLogitsProcessor


def quartiles(xs: list[float]) -> tuple[float, float, float]:
    """Lower quartile, median, upper quartile."""
    import statistics

    if len(xs) < 2:
        return xs[0], xs[0], xs[0]
    q = statistics.quantiles(xs, n=4, method="inclusive")
    return q[0], statistics.median(xs), q[2]


def constrained(loaded, grammar_text, batches, new_tokens, rounds, variants, other=None,
                on_row=lambda rows: None) -> tuple[list[dict], dict]:
    """Constrained vs plain greedy decoding at equal output length, interleaved round by round.

    Each round times plain decoding and every variant once (order rotated from round to round),
    with the GPU synchronised around each `generate`; a variant's overhead is the median over rounds
    of (its time / plain time of the same round) - 1.
    """
    import gc
    import statistics

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
    makers = {name: (lambda f=VARIANTS[name]: f(c)) for name in variants}
    if other:
        other_cls = load_other(other)
        makers["other"] = lambda: other_cls(c)
    names = ["plain"] + list(makers)
    parser = ClaimListParser(text)

    def run(name, b, settings):
        proc = makers[name]() if name != "plain" else None
        procs = [no_eos] + ([proc] if proc else [])
        gc.collect()
        outs, sec = timed(lambda: generate(loaded, [prompt] * b, settings, logits_processors=procs))
        return outs, sec, proc

    def digest(outs):
        return hash(tuple(o.token_ids for o in outs))

    rows = []
    for b in batches:
        run("plain", b, s)  # warm-up at this shape (the allocator grows once per shape)
        warm = {}
        for name in list(makers):  # first use: llguidance's kernel compiles here
            try:
                warm[name] = round(run(name, b, replace(s, max_new_tokens=16))[1], 2)
            except Exception:  # noqa: BLE001 - e.g. torch.compile unavailable: drop the variant
                setup[f"{name}_error"] = traceback.format_exc()[-1500:]
                log(setup[f"{name}_error"])
                del makers[name]
                names.remove(name)
        log(f"batch {b}: warm-up s", warm)
        rec = {n: [] for n in names}
        for r in range(rounds):
            order = names[r % len(names):] + names[: r % len(names)]
            got = {name: run(name, b, s) for name in order}
            for name, (outs, sec, proc) in got.items():
                stats = {"s": sec, "digest": digest(outs)}
                if proc is not None:
                    stats.update(host=proc.seconds, wait=getattr(proc, "wait_seconds", float("nan")),
                                 start=getattr(proc, "start_seconds", float("nan")), mask=proc.mask_seconds,
                                 errors=len(proc.errors),
                                 ok=sum(parser.accepts(loaded.tokenizer.decode(
                                     list(o.token_ids[: proc.accepting[i]]), skip_special_tokens=True))
                                     for i, o in enumerate(outs)),
                                 n=sum(o.generated_tokens for o in outs))
                rec[name].append(stats)
            log(f"batch {b} round {r}:", {n: round(rec[n][-1]["s"], 3) for n in names})
        plain = [x["s"] for x in rec["plain"]]
        outputs = {n: {x["digest"] for x in rec[n]} for n in names}
        same = len(set().union(*(outputs[n] for n in makers))) == 1
        log(f"batch {b}: distinct outputs over rounds", {n: len(v) for n, v in outputs.items()}, "same:", same)
        for name in makers:
            xs = rec[name]
            ratios = [100 * (x["s"] / p - 1) for x, p in zip(xs, plain)]
            lo, med, hi = quartiles(ratios)
            med_of = lambda k: statistics.median(x[k] for x in xs)  # noqa: E731
            rows.append({"batch": b, "variant": name, "rounds": rounds, "new_tokens": xs[0]["n"],
                         "plain_s": round(statistics.median(plain), 3), "constrained_s": round(med_of("s"), 3),
                         "overhead_pct": round(med, 1), "overhead_iqr": [round(lo, 1), round(hi, 1)],
                         "overhead_range": [round(min(ratios), 1), round(max(ratios), 1)],
                         "host_s": round(med_of("host"), 3), "host_pct": round(100 * med_of("host") / med_of("s"), 1),
                         "wait_s": round(med_of("wait"), 3), "start_s": round(med_of("start"), 4),
                         "mask_s": round(med_of("mask"), 3),
                         "reparsed": f"{sum(x['ok'] for x in xs)}/{b * rounds}",
                         "errors": sum(x["errors"] for x in xs), "same_tokens": same,
                         "distinct_outputs": len(outputs[name]), "plain_distinct_outputs": len(outputs["plain"]),
                         "plain_all_s": [round(x, 3) for x in plain], "constrained_all_s": [round(x["s"], 3) for x in xs],
                         "warmup_s": warm[name]})
            log("constrained", rows[-1])
            on_row(rows)
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
        cli = [sys.executable, "-c", "import sys; from epistemic.cli import llm as llm_cli; "
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
        lines += ["| decoder | KV cache | decoding | batch | prompt tokens | new tokens | first run s (compile) "
                  "| seconds (best; all runs) | tokens/s | ms/step |", "|---|---|---|---|---|---|---|---|---|---|"]
        lines += [f"| {r.get('decoder', 'generate')} | {r['cache']} | {r['decoding']} | {r['batch']} | {r['prompt_tokens']} "
                  f"| {r['new_tokens']} | {r['first_s']} | {r['seconds']}; {r['all_s']} | {r['tokens_per_s']} "
                  f"| {r['ms_per_step']} |" for r in results["throughput"] if "all_s" in r]
        lines += [f"| {r.get('decoder', 'generate')} | {r['cache']} | {r['batch']} | error: {r['error'][:120]} |||||||"
                  for r in results["throughput"] if "error" in r]
        lines += ["", f"One bare forward pass of one token: {results['throughput'][0]['ms_per_forward']} ms."]
        lines.append("")
    for r in results.get("profile") or []:
        lines += [f"Fast decoder, one step at batch {r['batch']} ({r['decoding']}; cache {r['cache_len']} tokens): "
                  f"device {r['device_ms_per_step']} ms/step, host launches {r['host_ms_per_step']} ms/step, "
                  f"wall {r['wall_ms_per_step']} ms/step; prefill {r['prefill_ms']} ms; floor (weights "
                  f"{r['weight_gb']} GB + KV cache {r['kv_cache_gb']} GB at {r['copy_gb_per_s']} GB/s) "
                  f"{r['floor_ms_per_step']} ms/step = {r['floor_tokens_per_s']} tokens/s.", ""]
    if results.get("agreement"):
        a = results["agreement"]
        lines += [f"Greedy, fast decoder vs eager generate, batch 1: {a['agreeing_prefix']} of {a['new_tokens']} "
                  f"tokens agree before the first difference (equal: {a['equal']}).", ""]
    if results.get("constrained"):
        lines += ["| batch | variant | plain s | constrained s | overhead: median of per-round ratios (IQR; range) "
                  "| host time added (of which waiting for the worker; start) | mask compute | re-parsed "
                  "| distinct outputs over rounds (plain's) |", "|---|---|---|---|---|---|---|---|---|"]
        lines += [f"| {r['batch']} | {r['variant']} | {r['plain_s']} | {r['constrained_s']} "
                  f"| {r['overhead_pct']:+.1f}% ({r['overhead_iqr'][0]:+.1f} to {r['overhead_iqr'][1]:+.1f}; "
                  f"{r['overhead_range'][0]:+.1f} to {r['overhead_range'][1]:+.1f}) "
                  f"| {r['host_s']} s = {r['host_pct']}% ({r['wait_s']} s; {r['start_s']} s) | {r['mask_s']} s "
                  f"| {r['reparsed']} | {r['distinct_outputs']} ({r['plain_distinct_outputs']}) |" for r in results["constrained"]]
        lines.append("")
    return "\n".join(lines)


def claim_grammar() -> str:
    """The project's grammar, or (without lark) the tests' small claim grammar, read as text.

    Imported only when the constrained section runs: tests/llm/conftest.py sets TORCHDYNAMO_DISABLE on
    import, which silently turned every compiled row of a run without lark into an eager one."""
    try:
        from epistemic.language import grammar_text
        return grammar_text()
    except ImportError:
        import ast

        tree = ast.parse((ROOT / "tests" / "llm" / "conftest.py").read_text())
        return next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                    and any(getattr(t, "id", None) == "CLAIM_GRAMMAR" for t in n.targets))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tiny", action="store_true", help="tiny CPU model: checks the script, measures nothing")
    ap.add_argument("--out", default=os.environ.get("OUT", "bench_out"))
    ap.add_argument("--work", default="/tmp/epistemic-bench")
    ap.add_argument("--batches", default="1,8,32,128")
    ap.add_argument("--new-tokens", type=int, default=128)
    ap.add_argument("--reps", type=int, default=3, help="repetitions of each throughput timing")
    ap.add_argument("--greedy", action="store_true",
                    help="greedy decoding in the throughput rows (default: the model's sampling settings)")
    ap.add_argument("--caches", default="dynamic,static",
                    help="KV-cache kinds for the generate throughput rows: dynamic (eager), static (compiled decoding)")
    ap.add_argument("--decoders", default="generate",
                    help="decoders for the throughput rows: generate (transformers, with each of --caches), "
                         "fast (epistemic.llm.fastdecode)")
    ap.add_argument("--profile-batches", default="",
                    help="batch sizes at which to profile one fast-decoder step (section 'profile'; GPU only)")
    ap.add_argument("--constrained-batches", default="1,8,32")
    ap.add_argument("--rounds", type=int, default=8, help="interleaved rounds of the constrained comparison")
    ap.add_argument("--variants", default="default,llg-kernel", help=f"processor variants: {','.join(VARIANTS)}")
    ap.add_argument("--other", default=None,
                    help="another version of epistemic/llm/constrained.py to compare, as variant 'other' "
                         "(e.g. from `git show REV:epistemic/llm/constrained.py > /tmp/old.py`)")
    ap.add_argument("--skip", default="",
                    help="comma list of sections to skip: throughput,agreement,profile,constrained,e2e")
    args = ap.parse_args()
    import torch
    import transformers
    try:
        import llguidance
    except ImportError:  # only the constrained section needs it
        llguidance = None

    out, work = Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() and not args.tiny else "cpu"
    batches = [int(b) for b in args.batches.split(",")]
    skip = set(args.skip.split(","))
    results: dict = {"device": torch.cuda.get_device_name(0) if device == "cuda" else "cpu",
                     "model": "tiny Qwen2" if args.tiny else "Qwen2.5-7B config, random bf16 weights",
                     "torch": torch.__version__, "transformers": transformers.__version__,
                     "llguidance": getattr(llguidance, "__version__", None),
                     "torchdynamo_disable": os.environ.get("TORCHDYNAMO_DISABLE")}
    if results["torchdynamo_disable"]:
        log("warning: TORCHDYNAMO_DISABLE is set: compiled rows run eager")

    def save():
        (out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
        (out / "table.md").write_text(table(results))

    model_dir = work / "model"
    results["build"], loaded = build(model_dir, args.tiny, device, save="e2e" not in skip)
    log("build", results["build"])
    save()
    sections = [("throughput", lambda: throughput(loaded, batches, args.new_tokens, args.reps,
                                                  [c for c in args.caches.split(",") if c], args.greedy,
                                                  [d for d in args.decoders.split(",") if d]))]
    if "fast" in args.decoders.split(",") and args.greedy:  # the rows' shape and settings: no new compilation
        sections.append(("agreement", lambda: greedy_agreement(loaded, args.new_tokens)))
    if args.profile_batches and device == "cuda":
        sections.append(("profile", lambda: [profile_fast(loaded, int(b), args.new_tokens, args.greedy)
                                             for b in args.profile_batches.split(",")]))
    sections.append(("constrained", lambda: constrained(
        loaded, claim_grammar(), [int(b) for b in args.constrained_batches.split(",")], args.new_tokens, args.rounds,
        [v for v in args.variants.split(",") if v], args.other,
        on_row=lambda rows: (results.__setitem__("constrained", rows), save()))))
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
