"""Bad input gives a located message with a hint and exit code 2 — never a traceback."""
from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from epistemic import api
from epistemic.cli.main import cli
from epistemic.errors import EpistemicError
from epistemic.language import load_puzzle, parse_claim
from epistemic.worlds.build import build_space
from tests.paths import ROOT

BROKEN = sorted((ROOT / "tests" / "data" / "broken").glob("*.txt"))
PUZZLES = sorted((ROOT / "puzzles").glob("*.txt"))


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_gives_its_exact_message(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    relative = path.relative_to(ROOT)
    with pytest.raises(EpistemicError) as info:
        build_space(api.load_puzzle(relative))
    assert info.value.render() + "\n" == path.with_suffix(".err").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_exits_2_without_traceback(path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["solve", str(path.relative_to(ROOT)), "--no-certify", "--engine", "explicit"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "error:" in result.output


def test_errors_under_json_are_json(monkeypatch):
    import json

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["solve", "tests/data/broken/unknown_agent.txt", "--json"])
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert data["schema"] == "epistemic.error/1"
    assert (data["line"], data["column"], data["error"]) == (7, 13, "unknown agent 'R'")


@pytest.mark.parametrize("args", [
    ["solve", "does/not/exist.txt"],
    ["solve", "puzzles/card16.txt", "--param", "n"],
    ["solve", "puzzles/card16.txt", "--param", "nope=3"],
    ["check", "puzzles/card16.txt", "P knows"],
    ["check", "puzzles/card16.txt", "P knows card", "--stage", "9"],
    ["check", "puzzles/card16.txt", "P knows card", "--at", "suit = hearts"],
])
def test_bad_arguments_exit_2(args, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "error:" in result.output


def test_binary_and_non_utf8_files(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02puzzle")
    with pytest.raises(EpistemicError, match="NUL byte"):
        api.load_puzzle(binary)
    latin = tmp_path / "y.txt"
    latin.write_bytes("puzzle \"caf\xe9\"\n".encode("latin-1"))
    with pytest.raises(EpistemicError, match="not UTF-8"):
        api.load_puzzle(latin)


def test_too_large_is_refused_before_allocating():
    puzzle = load_puzzle('puzzle "big"\nvar a, b, c, d in 1..1000\nagent P observes a\n')
    with pytest.raises(EpistemicError, match="1,000,000,000,000 possible worlds"):
        build_space(puzzle)


# ---------------------------------------------------------------- fuzzing the parser

_TEXTS = [p.read_text(encoding="utf-8") for p in PUZZLES]
_ALPHABET = string.printable + "♦♥方块红桃：（）“”\u0301"


def _mutate(text: str, seed: int, edits: int) -> str:
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(edits):
        op = rng.randrange(4)
        i = rng.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(i, len(chars) - 1)]
        elif op == 1:
            chars.insert(i, rng.choice(_ALPHABET))
        elif op == 2 and chars:
            j = rng.randrange(len(chars))
            chars[min(i, len(chars) - 1)], chars[j] = chars[j], chars[min(i, len(chars) - 1)]
        else:
            a = rng.randrange(len(chars) + 1)
            chars[a:a] = chars[i : i + rng.randrange(1, 12)]
    return "".join(chars)


def _only_clean_errors(text: str) -> None:
    try:
        puzzle = load_puzzle(text)
        if len(puzzle.variables) <= 40:
            from epistemic.worlds.space import raw_size

            if raw_size(puzzle) <= 200_000:
                api.solve(puzzle)
    except EpistemicError as exc:
        assert exc.render()


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(_TEXTS) - 1), st.integers(0, 2**32), st.integers(1, 6))
def test_mutated_puzzles_give_only_clean_errors(which, seed, edits):
    _only_clean_errors(_mutate(_TEXTS[which], seed, edits))


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(list(_ALPHABET) + ["knows ", "agent ", "var ", "\n", " says: ", "worlds ", "x",
                                                    " in 1..3", "(", ")", "before ", "[! "]), max_size=80).map("".join))
def test_random_text_gives_only_clean_errors(text):
    _only_clean_errors(text)


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=80))
def test_random_claims_give_only_clean_errors(text):
    puzzle = load_puzzle(_TEXTS[0])
    try:
        parse_claim(text, puzzle)
    except EpistemicError as exc:
        assert exc.render()
