"""`ask` and `eval` commands: thin click wrappers over epistemic.llm (registered by cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from .common import Command, WholeNumber, fail
from ..interrupts import acknowledge


class EvalGroup(Command, click.Group):
    """`eval` runs an evaluation itself, or a subcommand (`eval compare`); errors as every command's."""


def _model_options(fn: Callable, required: bool = True) -> Callable:
    """Options shared by ask and eval: model, device, prompt and decoding settings."""
    opts = [
        click.option("--model", "model_dir", required=required, type=click.Path(),
                     help="Local Hugging Face model directory or .gguf file (never downloaded)."),
        click.option("--quantize", type=click.Choice(["4bit", "8bit"]), default=None,
                     help="Load the weights quantized with bitsandbytes (CUDA GPUs only)."),
        click.option("--device", default="auto", show_default=True, help="auto, cpu, cuda, cuda:1, …"),
        click.option("--dtype", default="auto", show_default=True, help="auto, bfloat16, float16, float32."),
        click.option("--lang", default="en", show_default=True, help="Language of the puzzle statement."),
        click.option("--system", default=None, help="System prompt."),
        click.option("--chat-template", type=click.Path(dir_okay=False, exists=True), default=None,
                     help="Jinja chat template file for a model without one."),
        click.option("--no-chat-template", is_flag=True, help="Send the plain statement, no chat template."),
        click.option("--thinking/--no-thinking", default=None,
                     help="Pass enable_thinking to templates that support it (default: the template's)."),
        click.option("--temperature", type=float, default=None, help="Override the model's temperature (0: greedy)."),
        click.option("--top-p", type=float, default=None, help="Override the model's top-p."),
        click.option("--top-k", type=WholeNumber(0), default=None, help="Override the model's top-k."),
        click.option("--max-new-tokens", type=WholeNumber(1), default=None, help="Override the token budget."),
        click.option("--seed", type=WholeNumber(), default=None, help="Random seed for sampling."),
        click.option("--greedy", is_flag=True, help="Greedy decoding (no sampling)."),
        click.option("--static-cache", is_flag=True,
                     help="Static KV cache: on a GPU, transformers compiles the decoding step (CUDA graphs); "
                          "fastest when batches have one shape."),
        click.option("--decoder", type=click.Choice(["generate", "fast"]), default="generate", show_default=True,
                     help="fast: own decode loop, forward and sampling in one CUDA graph (GPU); falls back to "
                          "generate, with a warning, where it does not apply."),
        click.option("--no-audit", is_flag=True, help="Skip auditing the traces."),
        click.option("--json", "as_json", is_flag=True, help="Print one JSON object (schema: docs/llm.md)."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def _setup(kw: dict[str, Any], quiet: bool):
    """Overrides, prompt options and the loaded model from the shared options."""
    from epistemic.llm.runner import PromptOptions
    from epistemic.llm.settings import Overrides

    if quiet:
        _quiet_transformers()
    template = Path(kw["chat_template"]).read_text(encoding="utf-8") if kw["chat_template"] else None
    overrides = Overrides(temperature=kw["temperature"], top_p=kw["top_p"], top_k=kw["top_k"],
                          max_new_tokens=kw["max_new_tokens"], seed=kw["seed"],
                          do_sample=False if kw["greedy"] else None,
                          cache_implementation="static" if kw["static_cache"] else None,
                          decoder=kw["decoder"])
    options = PromptOptions(kw["lang"], kw["system"], not kw["no_chat_template"], kw["thinking"])
    return overrides, options, template


def _require_model_dir(kw: dict[str, Any]) -> None:
    """A missing --model folder is said first, before any optional (slow, maybe absent) import."""
    from ..errors import EpistemicError

    model_dir = Path(kw["model_dir"])
    if not model_dir.exists():
        raise EpistemicError(f"model directory {str(model_dir)!r} does not exist",
                             hint="download it first, e.g. `hf download ORG/NAME --local-dir DIR`, then pass --model DIR")


def _load(kw: dict[str, Any], template: str | None):
    from epistemic.llm.loading import load_model

    return load_model(kw["model_dir"], kw["device"], kw["dtype"], template,
                      need_chat_template=not kw["no_chat_template"], quantize=kw["quantize"])


def _quiet_transformers() -> None:
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:
        pass


def _fail(exc: Exception, as_json: bool) -> None:
    """Report an error the way every command does: exit 2, `epistemic.error/1` JSON under --json."""
    from ..errors import EpistemicError

    if not isinstance(exc, EpistemicError):
        exc = EpistemicError(getattr(exc, "message", str(exc)), hint=getattr(exc, "hint", "") or None)
    fail(exc, as_json)


def _print_verdicts(rec: dict[str, Any]) -> None:
    """Human summary of one trace record."""
    t = rec["tokens"]
    click.echo(f"\n---\ntokens: prompt {t['prompt']}, thinking {t['thinking']}, answer {t['answer']} "
               f"(finish: {rec['finish_reason']}, {rec['seconds']} s)")
    for w in rec.get("warnings", []):
        click.echo(f"warning: {w}")
    if rec.get("answer_score") is not None:
        click.echo(f"answer score: {rec['answer_score']}  correct: {rec['correct']}")
    audit = rec.get("audit")
    if audit:
        labels = audit.get("labels") or []
        marks = " ".join({1: "+", 0: "0", -1: "-"}.get(x, "?") for x in labels)
        click.echo(f"steps: {len(audit.get('steps') or [])}  labels: {marks}")
        first = audit.get("label", -1)
        click.echo("reasoning: no wrong step" if first == -1 else f"reasoning: first wrong step is {first}")
    if rec.get("audit_error"):
        click.echo(f"audit failed: {rec['audit_error']}")


@click.command("ask", cls=Command)
@click.argument("puzzle")
@_model_options
@click.option("--save", type=click.Path(dir_okay=False), default=None,
              help="Append the trace and its audit as one JSON line to this file.")
def ask(puzzle: str, save: str | None, **kw: Any) -> None:
    """Ask a local model to solve PUZZLE (a file or puzzle text), stream its answer, audit the trace."""
    from epistemic.llm.errors import LLMError
    from epistemic.llm.evaluate import append_records
    from epistemic.api import project_api
    from epistemic.llm.runner import ask as run_ask

    as_json = kw["as_json"]
    _require_model_dir(kw)
    pieces: list[str] = []
    try:
        api = project_api()  # puzzles and mazes: the API's loader decides which
        api.load_puzzle(puzzle)  # fail on a bad puzzle before loading a model
        overrides, options, template = _setup(kw, quiet=as_json or not sys.stdout.isatty())
        loaded = _load(kw, template)

        def on_text(text: str) -> None:
            pieces.append(text)
            if not as_json:
                click.echo(text, nl=False)

        rec = run_ask(loaded, puzzle, overrides, options, on_text, api, audit=not kw["no_audit"])
    except KeyboardInterrupt:
        acknowledge()
        if save and pieces:
            append_records(save, [{"schema": "epistemic.llm.trace/1", "puzzle": puzzle, "text": "".join(pieces),
                                   "finish_reason": "interrupted"}])
        click.echo(f"\ninterrupted{'; partial text saved to ' + save if save and pieces else ''}", err=True)
        sys.exit(130)
    except LLMError as exc:
        _fail(exc, as_json)
    except Exception as exc:  # noqa: BLE001 - puzzle errors from the language layer
        if type(exc).__name__ in ("EpistemicError", "FileNotFoundError", "LarkError"):
            _fail(exc, as_json)
        raise
    if save:
        append_records(save, [rec])
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False))
    else:
        _print_verdicts(rec)
        if save:
            click.echo(f"saved to {save}")


def _default_out(dataset: str, model_dir: str) -> str:
    return str(Path(dataset).with_suffix("")) + f".{Path(model_dir).resolve().name}.jsonl"


def _summary_table(summary: dict[str, Any]) -> str:
    """The summary as aligned text rows."""
    names = ["all"] + [f"{key[3:]}={name}" for key in ("by_family", "by_difficulty", "by_family_difficulty")
                       for name in summary[key]]
    width = max(len(n) for n in names) + 2
    head = f"{'group':<{width}}{'n':>6}{'acc':>8}{'first-err|ok':>14}{'think tok':>11}{'trunc':>8}"
    rows = [head]

    def row(name: str, s: dict[str, Any]) -> str:
        def f(x: Any) -> str:
            return "-" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))
        return (f"{name:<{width}}{s['samples']:>6}{f(s['accuracy']):>8}"
                f"{f(s['first_error_rate_among_correct']):>14}{f(s['mean_thinking_tokens']):>11}"
                f"{f(s['truncated_rate']):>8}")

    rows.append(row("all", summary["overall"]))
    for key in ("by_family", "by_difficulty", "by_family_difficulty", "by_size"):
        for name, s in summary.get(key, {}).items():
            rows.append(row(f"{key[3:]}={name}", s))
    return "\n".join(rows)


@click.group("eval", cls=EvalGroup, invoke_without_command=True)
@click.pass_context
@lambda fn: _model_options(fn, required=False)
@click.option("--dataset", type=click.Path(dir_okay=False, exists=True), help="JSONL puzzles.")
@click.option("--out", default=None, type=click.Path(dir_okay=False),
              help="Output JSONL (resumed if it exists). Default: DATASET.MODELNAME.jsonl.")
@click.option("--batch-size", type=WholeNumber(1), default=8, show_default=True)
@click.option("--num-samples", type=WholeNumber(1), default=1, show_default=True, help="Samples per puzzle.")
@click.option("--limit", type=WholeNumber(0), default=None, help="Only the first N puzzles.")
@click.option("--ray", "ray_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
              help="Run model replicas as Ray actors, one per GPU (CPU replicas without GPUs): ADDRESS (auto, "
                   "ray://host:10001) or, alone, a local cluster. Needs pip install -e '.[scale]'; docs/scale.md.")
@click.option("--replicas", type=WholeNumber(1), default=None,
              help="With --ray: how many replicas (default: one per GPU, or 1 on CPU).")
def eval_cmd(ctx: click.Context, dataset: str | None, out: str | None, batch_size: int, num_samples: int,
             limit: int | None, ray_address: str | None, replicas: int | None, **kw: Any) -> None:
    """Evaluate a local model on a dataset: batched, resumable, with a summary per family and difficulty.

    `eval compare RUN_A RUN_B …` compares finished runs instead."""
    from epistemic.errors import EpistemicError
    from epistemic.llm.errors import LLMError
    from epistemic.llm.evaluate import EvalConfig, read_records, run_eval

    if ctx.invoked_subcommand is not None:
        return
    missing = [name for name, value in (("--model", kw["model_dir"]), ("--dataset", dataset)) if not value]
    if missing:
        raise click.UsageError(f"eval needs {' and '.join(missing)} (or: eval compare RUN_A RUN_B …)")
    as_json = kw["as_json"]
    _require_model_dir(kw)
    out = out or _default_out(dataset, kw["model_dir"])
    show_bar = not as_json and sys.stderr.isatty()
    bar = None
    try:
        overrides, options, template = _setup(kw, quiet=not show_bar)
        config = EvalConfig(batch_size, num_samples, overrides, options, not kw["no_audit"], limit)

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if not show_bar:
                return
            if bar is None:
                from tqdm.auto import tqdm
                bar = tqdm(total=total, initial=done, unit="sample", file=sys.stderr)
            bar.update(done - bar.n)

        def notice(msg: str) -> None:
            click.echo(msg, err=True)

        if ray_address is not None:
            from .scale import eval_on_ray

            summary = eval_on_ray(ray_address, dataset, out, config, kw, template, replicas, progress)
        else:
            from epistemic.api import project_api

            summary = run_eval(_load(kw, template), dataset, out, config, api=project_api(), progress=progress,
                               notice=notice)
    except KeyboardInterrupt:
        acknowledge()  # the records are on disk already; reading them back must not be cut short
        n = len(read_records(out))
        click.echo(f"\ninterrupted: {n} samples are saved in {out}; run the same command to resume", err=True)
        sys.exit(130)
    except (LLMError, EpistemicError) as exc:
        _fail(exc, as_json)
    finally:
        if bar is not None:
            bar.close()
    if as_json:
        click.echo(json.dumps({"out": out, "summary": summary}, ensure_ascii=False))
    else:
        click.echo(_summary_table(summary))
        click.echo(f"records: {out}")


@eval_cmd.command("compare")
@click.argument("runs", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--plot", type=click.Path(dir_okay=False), default=None,
              help="Also draw thought-token histograms and accuracy per difficulty (.png or .svg).")
@click.option("--force", is_flag=True, help="Replace the --plot file if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (schema: docs/llm.md).")
def compare_cmd(runs: tuple[str, ...], plot: str | None, force: bool, as_json: bool) -> None:
    """Compare eval outputs (JSONL files written by `eval --out`): accuracy, right answer with a wrong
    step, first-error positions, thought tokens, truncation."""
    from epistemic.llm.compare import compare_runs, comparison_table, load_run, plot_comparison
    from epistemic.llm.errors import LLMError

    try:
        loaded = [load_run(r) for r in runs]
        if len({r.name for r in loaded}) < len(loaded):  # same stems: name runs by their paths
            loaded = [load_run(r, name=r) for r in runs]
        comparison = compare_runs(loaded)
        if plot:
            comparison["plot"] = str(plot_comparison(loaded, comparison, plot, force))
    except LLMError as exc:
        _fail(exc, as_json)
    if as_json:
        click.echo(json.dumps(comparison, ensure_ascii=False))
    else:
        click.echo(comparison_table(comparison))
        if plot:
            click.echo(f"picture: {comparison['plot']}")
