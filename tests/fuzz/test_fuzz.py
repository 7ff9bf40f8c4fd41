"""Fuzzing every input kind through the CLI: exit code in {0, 1, 2}, no traceback, files intact.

Bounded to about a minute: a fixed slice of the mutation corpus (tests/fuzz/corpus.py, the same
inputs bench/fuzz.py runs by the thousand) plus hypothesis on puzzle text, parameters and rows.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic.cli.main import cli
from tests.fuzz.corpus import MAKERS, SEEDS, case, run_in_process
from tests.paths import PUZZLES

PER_KIND = 6


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_corpus_inputs_never_crash(kind, tmp_path):
    for seed in range(PER_KIND):
        c = case(seed, kind)
        folder = tmp_path / str(seed)
        folder.mkdir()
        code, out, crash = run_in_process(c, folder)
        assert crash is None, (c.args, crash)
        assert code in (0, 1, 2), (c.args, code, out[-500:])
        assert "Traceback" not in out, (c.args, out[-500:])


def _clean(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=300))
def test_any_text_as_a_puzzle(text):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p.txt"
        path.write_text(SEEDS["muddy.txt"][:200] + text, encoding="utf-8", errors="surrogatepass")
        _clean(CliRunner().invoke(cli, ["solve", str(path), "--no-certify"]))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=30))
def test_any_param_value(value):
    _clean(CliRunner().invoke(cli, ["solve", str(PUZZLES / "muddy.txt"), "--param", f"n={value}", "--no-certify"]))


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.one_of(st.text(max_size=40), st.dictionaries(st.sampled_from(["text", "puzzle", "steps"]),
                                                                 st.one_of(st.text(max_size=20), st.integers()))),
                min_size=1, max_size=3))
def test_any_jsonl_rows(rows):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "rows.jsonl"
        lines = [json.dumps(r) if isinstance(r, dict) else r.replace("\n", " ") for r in rows]
        path.write_text("{}\n" + "\n".join(lines), encoding="utf-8", errors="surrogatepass")
        _clean(CliRunner().invoke(cli, ["audit", str(PUZZLES / "muddy.txt"), str(path)]))


_MAZE = (PUZZLES / "mazes" / "seed_5x5.txt").read_text(encoding="utf-8")


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(_MAZE)), st.integers(0, 40), st.text(max_size=30))
def test_mutated_mazes_and_maze_answers(at, cut, text):
    """Maze files (a later input kind than the corpus): text spliced into the seed maze, and any answer."""
    with tempfile.TemporaryDirectory() as d:
        maze = Path(d) / "m.txt"
        maze.write_text(_MAZE[:at] + text + _MAZE[at + cut:], encoding="utf-8", errors="surrogatepass")
        _clean(CliRunner().invoke(cli, ["solve", str(maze)]))
        answer = Path(d) / "a.txt"
        answer.write_text(text, encoding="utf-8", errors="surrogatepass")
        _clean(CliRunner().invoke(cli, ["audit", str(PUZZLES / "mazes" / "seed_5x5.txt"), str(answer), "--json"]))


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=200))
def test_any_text_as_a_run_to_compare(text):
    """`eval compare` reads run files written by `eval --out`; anything else is a clean refusal."""
    with tempfile.TemporaryDirectory() as d:
        run = Path(d) / "run.jsonl"
        run.write_text(text, encoding="utf-8", errors="surrogatepass")
        _clean(CliRunner().invoke(cli, ["eval", "compare", str(run), str(run), "--json"]))
