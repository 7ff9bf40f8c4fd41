"""`--ray` for generate, audit and eval: the options and thin handlers the commands call (epistemic.scale)."""
from __future__ import annotations

from pathlib import Path

from typing import Any

import click

from .common import WholeNumber, emit_json
from ..errors import EpistemicError

LOCAL = "local"


def ray_options(fn):
    """--ray [ADDRESS], --force, --shard-size: shared by the commands that can run on a Ray cluster."""
    opts = [
        click.option("--ray", "ray_address", is_flag=False, flag_value=LOCAL, default=None, metavar="[ADDRESS]",
                     help="Run on a Ray cluster: ADDRESS (auto, ray://host:10001) or, alone, a local one "
                          "(or $RAY_ADDRESS). Needs pip install -e '.[scale]'; see docs/scale.md."),
        click.option("--shard-size", type=WholeNumber(1), default=64, show_default=True,
                     help="With --ray: items (or input rows) per task."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


force_option = click.option("--force", is_flag=True, help="With --ray: replace an existing output file.")


def address_of(value: str | None) -> str | None:
    return None if value in (None, LOCAL) else value


def generate_on_ray(address: str, out: str | None, force: bool, shard_size: int, as_json: bool, **job: Any) -> None:
    """`generate --ray`: shards on the cluster, joined into --out (identical to the single-process file)."""
    from ..scale.generate_job import GenerateJob, run_generate
    from ..scale.progress import Progress, wanted

    if not out:
        raise EpistemicError("generate --ray writes its puzzles to a file", hint="add --out FILE.jsonl or FILE.parquet")
    spec = GenerateJob(**job)
    with Progress(spec.count, spec.family, wanted(as_json)) as bar:
        result = run_generate(spec, out, force, address_of(address), shard_size, progress=bar.update)
    if as_json:
        emit_json(result.to_dict())
        return
    click.echo(f"{result.count} {spec.family} puzzles in {result.seconds:.2f} s on Ray ({result.shards} shard(s), "
               f"{result.redone} remade on the driver after a duplicate); written to {result.out}")


def audit_on_ray(address: str, source: str, puzzle: str | None, params: dict, use_z3: bool, out: str | None,
                 force: bool, shard_size: int, as_json: bool, root: str | None = None) -> None:
    """`audit DATASET --ray`: rows audited on the cluster, written in input order to --out; a row's
    `puzzle` path must lie in `root` (default: the dataset's folder), as in the single-process batch."""
    from ..audit.batch import summary_text
    from ..scale.audit_job import AuditJob, input_shards, run_audit
    from ..scale.progress import Progress, wanted

    if not out:
        raise EpistemicError("audit --ray writes its rows to a file", hint="add --out FILE.jsonl or FILE.parquet")
    shards = input_shards(source, shard_size)  # one pass over the input, for the bar's total and the tasks
    with Progress(sum(sh.size for sh in shards), "auditing", wanted(as_json)) as bar:
        folder = root if root is not None else str(Path(source).resolve().parent)
        result = run_audit(AuditJob(source, puzzle, params, use_z3, folder), out, force, address_of(address), shard_size,
                           progress=bar.update, shards=shards)
    if as_json:
        emit_json(result.to_dict())
        return
    click.echo(summary_text(result.summary), err=True)
    click.echo(f"{result.rows} rows in {result.seconds:.2f} s on Ray ({result.shards} shard(s)); written to {result.out}",
               err=True)


def eval_on_ray(address: str, dataset: str, out: str, config, kw: dict, template: str | None,
                replicas: int | None, progress) -> dict:
    """`eval --ray`: model replicas as Ray actors; records appended to `out` (resumable); the summary."""
    from ..scale.eval_job import ModelSpec, run_eval

    spec = ModelSpec(kw["model_dir"], kw["device"], kw["dtype"], template, not kw["no_chat_template"])
    return run_eval(spec, dataset, out, config, replicas, address_of(address), progress=progress)
