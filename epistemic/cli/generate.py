"""`generate FAMILY --count N --seed S [--knob k=v] [--difficulty] [--synth] --out DIR-or-FILE.jsonl`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import Command, WholeNumber, emit_json, json_option
from .scale import force_option, generate_on_ray, ray_options
from ..errors import EpistemicError
from ..limits import MAX_INT, check_count
from ..outputs import check_output, write_text

SCHEMA = "epistemic.generate/1"


@click.command(cls=Command)
@click.argument("family")
@click.option("--count", type=WholeNumber(), default=10, show_default=True, help="How many distinct puzzles.")
@click.option("--seed", type=WholeNumber(), default=0, show_default=True, help="Item i depends only on (seed, i, knobs).")
@click.option("--start", type=WholeNumber(), default=0, help="First item index (regenerate items start.. alone).")
@click.option("--knob", "knobs", multiple=True, metavar="NAME=VALUE", help="A family knob: 16, 10..16 or a,b.")
@click.option("--difficulty", type=click.Choice(["easy", "medium", "hard"]), default=None)
@click.option("--synth", is_flag=True, help="Let Z3 choose the world set (cards, birthdays).")
@click.option("--target", "targets", multiple=True, metavar="NAME=VALUE",
              help='Synthesis targets: answer=NAME ("diamonds 5", "July 16"), worlds=N, per_row=N, removed=a,b,c.')
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@click.option("--max-tries", type=WholeNumber(), default=None, help="Candidates per item before giving up.")
@click.option("--no-z3", is_flag=True, help="Skip Z3 certification (the explicit engine still verifies).")
@click.option("--out", default=None, help="FILE.jsonl (dataset lines), FILE.parquet, or a directory of .txt files.")
@ray_options
@force_option
@json_option
def generate(family, count, seed, start, knobs, difficulty, synth, targets, lang, max_tries, no_z3, out, ray_address,
             shard_size, force, as_json):
    """Generate puzzles of FAMILY (cards, birthdays, sum_product, muddy, generic) with unique certified answers,
    or AlphaMaze mazes (FAMILY maze; knobs size, rows, cols, loops, unique, length: docs/maze.md)."""
    from .. import generate as gen
    from ..generate.knobs import parse_knobs

    check_count(count, "--count", 1)
    check_count(start, "--start", 0, MAX_INT)
    if max_tries is not None:
        check_count(max_tries, "--max-tries", 1, MAX_INT)
    if out:
        _check_out(out, force)
    knob_values = parse_knobs(knobs)
    target_values = parse_knobs(targets)
    for item in targets:  # the answer is a name ("diamonds 5", "July 16"), taken as written
        name, _, value = item.partition("=")
        if name.strip() == "answer":
            target_values["answer"] = value.strip()
    if "removed" in target_values and isinstance(target_values["removed"], int):
        target_values["removed"] = [target_values["removed"]]
    if ray_address is not None:
        generate_on_ray(ray_address, out, force, shard_size, as_json, family=family, count=count, seed=seed,
                        start=start, difficulty=difficulty, knobs=knob_values, synth=synth, targets=target_values,
                        max_tries=max_tries, use_z3=not no_z3, lang=lang)
        return
    show = not as_json and sys.stderr.isatty()
    if show:
        with click.progressbar(length=count, label=f"{family}", file=sys.stderr) as bar:
            puzzles, stats = gen.generate(family, count, seed, difficulty, knob_values, synth, target_values, start,
                                          max_tries, not no_z3, bar.update)
    else:
        puzzles, stats = gen.generate(family, count, seed, difficulty, knob_values, synth, target_values, start,
                                      max_tries, not no_z3)
    records = [p.to_dict() for p in puzzles]
    written = None
    if out:
        written = _write(out, records, lang, difficulty, force)
    if as_json:
        emit_json({"schema": SCHEMA, "family": family, "count": len(records), "seed": seed, "out": written,
                   "stats": stats.to_dict(), "items": records})
        return
    if not out:
        for r in records:
            click.echo(r["source"])
    if family == "maze":
        unique = sum(r["certificate"]["unique"] for r in records)
        click.echo(f"{len(records)} mazes in {stats.seconds:.2f} s ({stats.candidates:,} candidates); {unique} with a "
                   f"unique shortest path (BFS)" + (f"; written to {written}" if written else ""), err=bool(not out))
        return
    certified = sum(r["certificate"]["z3"] and r["certificate"]["unique"] for r in records)
    click.echo(f"{len(records)} {family} puzzles in {stats.seconds:.2f} s ({stats.candidates:,} candidates, "
               f"yield {stats.to_dict()['yield']:.2%}); {certified} certified by Z3"
               + (f"; written to {written}" if written else ""), err=bool(not out))


def _check_out(out: str, force: bool) -> None:
    """Refuse, before any work, an --out that would replace files without --force or cannot be written."""
    path = Path(out)
    if path.suffix in (".jsonl", ".parquet"):
        check_output(path, force)
        return
    if path.exists() and not path.is_dir():
        raise EpistemicError(f"{out} exists and is not a directory", hint="use a directory or a .jsonl/.parquet file")
    if path.is_dir():
        check_output(path / "index.jsonl", force)
    elif not path.parent.is_dir():
        raise EpistemicError(f"the folder {path.parent} does not exist", hint="create it first, or write elsewhere")


def _write(out: str, records: list[dict], lang: str, difficulty, force: bool) -> str:
    from ..generate import datasets

    path = Path(out)
    if path.suffix in (".jsonl", ".parquet"):
        items = [datasets.item_of(r, lang, difficulty) for r in records]
        if path.suffix == ".jsonl":
            write_text(path, "".join(json.dumps(datasets.row_of(i), ensure_ascii=False) + "\n" for i in items), force)
        else:
            check_output(path, force)
            datasets.export_parquet(items, path)
        return str(path)
    try:
        path.mkdir(exist_ok=True)
    except OSError as exc:
        raise EpistemicError(f"cannot create the folder {out}: {exc.strerror or exc}", hint="write elsewhere") from None
    for r in records:
        write_text(path / f"{r['id']}.txt", r["source"], force)
    write_text(path / "index.jsonl", "".join(json.dumps({k: v for k, v in r.items() if k != "source"},
                                                        ensure_ascii=False) + "\n" for r in records), force)
    return str(path)
