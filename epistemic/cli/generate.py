"""`generate FAMILY --count N --seed S [--knob k=v] [--difficulty] [--synth] --out DIR-or-FILE.jsonl`."""
from __future__ import annotations

import sys

import click

from .common import Command, WholeNumber, emit_json, json_option, step
from .scale import force_option, generate_on_ray, ray_options
from ..errors import EpistemicError
from ..limits import MAX_INT, check_count
from ..interrupts import EXIT_INTERRUPTED, acknowledge

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
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run: keep the items already in --out and make the rest.")
@ray_options
@force_option
@json_option
def generate(family, count, seed, start, knobs, difficulty, synth, targets, lang, max_tries, no_z3, out, resume,
             ray_address, shard_size, force, as_json):
    """Generate puzzles of FAMILY (cards, birthdays, sum_product, muddy, generic) with unique certified answers,
    or AlphaMaze mazes (FAMILY maze; knobs size, rows, cols, loops, unique, length: docs/maze.md)."""
    from .. import generate as gen
    from ..generate.knobs import parse_knobs

    check_count(count, "--count", 1)
    check_count(start, "--start", 0, MAX_INT)
    if max_tries is not None:
        check_count(max_tries, "--max-tries", 1, MAX_INT)
    if resume and not out:
        raise EpistemicError("--resume continues the file given by --out", hint="add --out FILE.jsonl")
    if resume and ray_address is not None:
        raise EpistemicError("--resume runs without --ray", hint="drop --ray, or start over with --force")
    if out:
        from ..generate.output import check_target

        check_target(out, force, resume)
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
    from ..generate.output import NOTHING_KEPT, DatasetOutput, check_continues, read_kept

    kept = read_kept(out) if out and resume else NOTHING_KEPT
    check_continues(kept, family, seed, start, count, out)
    sink = DatasetOutput(out, force, lang, difficulty, kept) if out else None
    made: list = []

    def keep(item) -> None:
        made.append(item)
        if sink is not None:
            sink.add(item)

    first, todo = start + len(kept), count - len(kept)
    stats = None
    try:
        with click.progressbar(length=count, label=family, file=sys.stderr,
                               hidden=as_json or not sys.stderr.isatty()) as bar:
            bar.update(len(kept))
            if todo:
                _, stats = gen.generate(family, todo, seed, difficulty, knob_values, synth, target_values, first,
                                        max_tries, not no_z3, bar.update, kept.keys, keep)
        if sink is not None:
            with step(f"writing {sink.total:,} rows to {out}", as_json):
                sink.save()
    except KeyboardInterrupt:
        acknowledge()  # from here on the rows are saved undisturbed (a second Ctrl-C still stops at once)
        _interrupted(family, made, sink, start, count, out, as_json)
    except EpistemicError as exc:  # e.g. no puzzle found for item i: the items before it are kept
        if sink is None or not sink.records:
            raise
        sink.save()
        raise EpistemicError(exc.message, exc.location, f"{exc.hint}; " + _kept_text(sink, start, count, out)) from None
    records = sink.records if sink is not None else [g.to_dict() for g in made]
    if as_json:
        emit_json({"schema": SCHEMA, "family": family, "count": len(records), "seed": seed, "out": out,
                   "resumed": len(kept), "stats": stats.to_dict() if stats else None, "items": records})
        return
    if not out:
        for r in records:
            click.echo(r["source"])
    if stats is None:
        click.echo(f"{out} already holds items {start}..{start + count - 1}; nothing to do", err=True)
        return
    tail = (f"; {len(kept):,} kept from before" if kept else "") + (f"; written to {out}" if out else "")
    if family == "maze":
        unique = sum(r["certificate"]["unique"] for r in records)
        click.echo(f"{len(records)} mazes in {stats.seconds:.2f} s ({stats.candidates:,} candidates); {unique} with a "
                   f"unique shortest path (BFS)" + tail, err=bool(not out))
        return
    certified = sum(r["certificate"]["z3"] and r["certificate"]["unique"] for r in records)
    click.echo(f"{len(records)} {family} puzzles in {stats.seconds:.2f} s ({stats.candidates:,} candidates, "
               f"yield {stats.to_dict()['yield']:.2%}); {certified} certified by Z3" + tail, err=bool(not out))


def _kept_text(sink, start: int, count: int, out: str) -> str:
    """Which items --out holds and how to make the rest (the exact --start)."""
    held, end = sink.total, start + count - 1
    nxt = start + held
    return (f"items {start}..{nxt - 1} ({held:,} of {count:,}) are in {out}; to finish, run the same command with "
            f"--resume (makes items {nxt}..{end} and adds them to {out}), or make the rest alone with "
            f"--start {nxt} --count {end - nxt + 1}")


def _interrupted(family: str, made: list, sink, start: int, count: int, out: str | None, as_json: bool) -> None:
    """Ctrl-C: save the items finished so far, say how many and how to go on, exit 130."""
    if sink is None:  # no --out: print what is done (the sources; under --json only the message)
        records = [g.to_dict() for g in made]
        for r in records if not as_json else ():
            click.echo(r["source"])
        nxt, end = (records[-1]["index"] + 1 if records else start), start + count - 1
        click.echo(f"\ninterrupted: {len(records)} {family} items made" + ("" if as_json else " (printed above)")
                   + (f"; the rest: --start {nxt} --count {end - nxt + 1}" if nxt <= end else ""), err=True)
    elif not sink.total:
        click.echo(f"\ninterrupted before the first item was finished; {out} was not written", err=True)
    else:
        if sink.records:
            sink.save()
        click.echo(f"\ninterrupted: {_kept_text(sink, start, count, out)}", err=True)
    sys.exit(EXIT_INTERRUPTED)
