"""Click commands `audit` and `explain` (registered on the main group by epistemic.cli)."""
from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from .common import Command, emit_json, json_option, param_option, parse_params
from .scale import audit_on_ray, ray_options
from ..errors import EpistemicError
from ..files import read_bytes
from ..interrupts import EXIT_INTERRUPTED, acknowledge
from ..limits import MAX_DEPTH, bracket_depth
from ..outputs import atomic_output, check_output, write_text

MAX_TRACE_BYTES = 64_000_000


def _read_trace(trace: str) -> bytes:
    return read_bytes(trace, MAX_TRACE_BYTES, "trace", hint="give a text file, a JSONL file, or - for stdin")


def _kept_rows(out_path: str) -> tuple[list[str], list[dict]]:
    """The rows an interrupted batch audit left in --out, as written and parsed (none when it does not exist)."""
    if not Path(out_path).is_file():
        return [], []
    lines, rows = [], []
    text = read_bytes(out_path, MAX_TRACE_BYTES * 4, "audit rows").decode("utf-8", "replace")
    for n, line in enumerate(text.rstrip("\n").split("\n") if text else [], start=1):  # rows may hold U+2028
        try:  # json.loads recurses: deep nesting is refused first
            row = json.loads(line) if bracket_depth(line) <= MAX_DEPTH else None
        except ValueError:
            row = None
        if not isinstance(row, dict) or not isinstance(row.get("line"), int) or (rows and row["line"] <= rows[-1]["line"]):
            raise EpistemicError(f"{out_path}:{n}: not a row of an audit batch",
                                 hint="--resume continues a file `audit --out` wrote; choose another --out")
        lines.append(line)
        rows.append(row)
    return lines, rows


def _jsonl(row: dict) -> str:
    """One JSON line; a row holding lone surrogates (from a bad input row) is written with escapes."""
    text = json.dumps(row, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(row)
    return text


@click.command(cls=Command)
@click.argument("puzzle")
@click.argument("trace")
@param_option
@click.option("--html", "html_path", type=click.Path(dir_okay=False), default=None,
              help="Also write the audit as a self-contained HTML page.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default=None,
              help="Batch (JSONL input): write results here instead of stdout.")
@click.option("--force", is_flag=True, help="Replace --out / --html files that already exist.")
@click.option("--resume", is_flag=True, help="Batch: keep the rows already in --out (an interrupted run) and "
                                             "audit the input lines after them.")
@click.option("--puzzle-root", "puzzle_root", type=click.Path(file_okay=False), default=None,
              help="Batch: the folder a row's `puzzle` path must lie in (default: the dataset's folder).")
@click.option("--verbose", "-v", is_flag=True, help="Also list steps with nothing checkable.")
@click.option("--z3", "use_z3", is_flag=True,
              help="Take counterexamples to false and premature claims from Z3 (slower; same verdicts).")
@ray_options
@json_option
def audit(puzzle: str, trace: str, params, html_path, out_path, force: bool, resume: bool, puzzle_root, verbose: bool,
          use_z3: bool, ray_address, shard_size: int, as_json: bool) -> None:
    """Audit the reasoning TRACE (text file, - for stdin, or JSONL) step by step against PUZZLE.

    Labels per step: +1 every claim entailed, 0 nothing checkable, -1 a claim false or premature.
    PUZZLE may be a maze: then each move is a step (docs/maze.md).
    """
    from .. import api
    from ..audit import AuditContext, audit_trace
    from ..audit.batch import ContextCache, audit_records, looks_like_jsonl, summarize, summary_text
    from ..audit.report import audit_text
    from ..audit.segment import decode_trace

    overrides = parse_params(params)
    if ray_address is not None:  # TRACE is a .jsonl or .parquet batch; rows may name their own puzzles
        audit_on_ray(ray_address, trace, puzzle, overrides, use_z3, out_path, force, shard_size, as_json, puzzle_root)
        return
    if resume and not out_path:
        raise EpistemicError("--resume continues the file given by --out", hint="add --out FILE.jsonl")
    for path in (out_path, html_path):
        if path:
            check_output(path, force or (resume and path == out_path and Path(path).is_file()))
    text = decode_trace(_read_trace(trace))
    source = api.read_source(puzzle)
    if source.kind == "maze":
        _audit_maze(source, trace, text, html_path, out_path, force, as_json)
        return
    if looks_like_jsonl(text):
        root = Path(puzzle_root) if puzzle_root else (Path(trace).resolve().parent if trace != "-" else Path.cwd())
        cache = ContextCache(lambda key: api.load_puzzle(key, overrides), z3=use_z3)
        lines = text.splitlines()
        kept_lines, kept = _kept_rows(out_path) if resume else ([], [])
        done = kept[-1]["line"] if kept else 0
        results = list(kept)
        last = done  # the input line of the last row written
        show = sys.stderr.isatty() and not as_json
        try:
            with contextlib.ExitStack() as stack:
                sink = stack.enter_context(atomic_output(out_path, force or bool(kept))) if out_path else sys.stdout
                bar = stack.enter_context(click.progressbar(length=len(lines), label="auditing", file=sys.stderr,
                                                            hidden=not show))
                sink.write("".join(line + "\n" for line in kept_lines))
                bar.update(done)
                for result in audit_records(lines[done:], puzzle, cache, root=root, first=done + 1):
                    sink.write(_jsonl(result) + "\n")
                    results.append(result)
                    last = result["line"]
                    bar.update(1)
        except KeyboardInterrupt:  # atomic_output has renamed the rows done into place
            acknowledge()
            where = (f"{len(results):,} rows (input lines 1..{last} of {len(lines):,}) are in {out_path}; to finish, "
                     f"run the same command with --resume" if out_path else f"stopped after input line {last}")
            click.echo(f"\ninterrupted: {where}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        summary = summarize(results)
        if out_path and as_json:
            emit_json(summary)
        else:
            click.echo(summary_text(summary) + (f"; written to {out_path}" if out_path else ""), err=True)
        return
    p = api.load_puzzle(puzzle, overrides)
    report = audit_trace(p, text, context=AuditContext.build(p, z3=use_z3), z3=use_z3)
    if html_path:
        from ..audit.html import audit_html

        write_text(html_path, audit_html(report), force, "HTML page")
        if not as_json:
            click.echo(f"wrote {html_path}", err=True)
    if as_json:
        emit_json(report.to_dict())
    else:
        click.echo(audit_text(report, verbose))


@click.command(cls=Command)
@click.argument("puzzle")
@param_option
@click.option("--lang", type=click.Choice(["en", "zh"]), default="en", show_default=True)
@json_option
def explain(puzzle: str, params, lang: str, as_json: bool) -> None:
    """Write a correct step-by-step reasoning trace for PUZZLE from the solver's stages (or a maze's path)."""
    from .. import api
    from ..audit import AuditContext, audit_trace
    from ..audit.explain import explain as make

    source = api.read_source(puzzle)
    if source.kind == "maze":
        from ..maze.run import explain_command

        out = explain_command(source.text, source.name, as_json)
        emit_json(out) if as_json else click.echo(out, nl=False)
        return

    p = api.load_puzzle(puzzle, parse_params(params))
    sol = api.solve(p)
    exp = make(sol, lang)
    if not as_json:
        click.echo(exp.text, nl=False)
        return
    report = audit_trace(p, exp.text, context=AuditContext.build(p, sol))
    emit_json({
        "schema": "epistemic.explain/1",
        "puzzle": p.title,
        "lang": lang,
        "steps": [st.text for st in exp.steps],
        "step_stages": [st.stage for st in exp.steps],
        "roles": [st.role for st in exp.steps],
        "text": exp.text,
        "answer": sol.answer_text(),
        "self_check": {"labels": report.labels, "all_plus_one": all(x == 1 for x in report.labels),
                       "final_answer_correct": report.final_answer_correct},
    })


def _audit_maze(source, trace: str, text: str, html_path, out_path, force: bool, as_json: bool) -> None:
    """`audit MAZE REPLY`: one reply (text) or many (JSONL), each move a step (epistemic.maze)."""
    from ..audit.batch import looks_like_jsonl
    from ..maze import batch
    from ..maze.run import audit_command, report
    from ..maze.solve import solve_maze

    if looks_like_jsonl(text):
        from .. import api

        default = solve_maze(api.maze_of(source).maze)
        results = list(batch.audit_lines(text.splitlines(), default))
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        if out_path:
            write_text(out_path, lines, force)
        else:
            click.echo(lines, nl=False)
        summary = batch.summarize(results)
        emit_json(summary) if out_path and as_json else click.echo(batch.summary_text(summary), err=True)
        return
    a = audit_command(source.text, source.name, text, None if trace == "-" else trace)
    if html_path:
        from ..maze.svg import audit_html

        write_text(html_path, audit_html(a), force, "HTML page")
    emit_json(a.to_dict()) if as_json else click.echo(report(a))
