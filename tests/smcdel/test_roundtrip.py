"""Our puzzles -> SMCDEL files -> our reader: the same worlds at every stage; and the CLI entry points."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from epistemic import api
from epistemic.errors import EpistemicError
from epistemic.worlds.build import build_space
from epistemic.smcdel import read_smcdel, run_jobs
from epistemic.smcdel.writer import export_smcdel
from epistemic.api import file_kind
from epistemic.cli.smcdel import export
from epistemic.smcdel.run import check_smcdel, run_smcdel
from tests.paths import ROOT

PUZZLES = sorted((ROOT / "puzzles").glob("*.txt"))
SMALL = [p for p in PUZZLES if build_space(api.load_puzzle(p)).size <= 200]


def test_the_small_puzzles_include_the_classics():
    names = {p.stem for p in SMALL}
    assert {"card16", "cheryl", "muddy", "drinking_logicians", "dining_cryptographers"} <= names


def assert_round_trip(puzzle, engine: str = "auto", **options):
    """Export, read back, answer the jobs with `engine`: every listed stage has the worlds the explicit
    engine finds on the original puzzle, and the answer's VALID? job holds."""
    sol = api.solve(puzzle, "explicit")
    exported = export_smcdel(puzzle, **options)
    assert exported.stage_counts == tuple(st.count for st in sol.stages)
    doc = read_smcdel(exported.text, "export.smcdel.txt")
    run = run_jobs(doc, engine)
    names = [v.name for v in puzzle.variables]
    ours = [tuple(int(sol.space.columns[n][i]) for n in names) for i in range(sol.space.size)]
    wheres = iter(r for r in run.results if r.kind == "where")
    for stage, listed in zip(sol.stages, exported.listed):
        if not listed:
            continue
        want = {ours[i] for i in np.flatnonzero(stage.mask)}
        got = {tuple(exported.decode(state)[n] for n in names) for state in next(wheres).states}
        assert got == want, f"stage {stage.index}"
    assert next(wheres, None) is None
    valids = [r.valid for r in run.results if r.kind == "valid"]
    assert valids == ([True] if exported.answer_written else [])  # the answer holds after the announcements
    return exported


@pytest.mark.parametrize("path", SMALL, ids=lambda p: p.stem)
def test_round_trip_gives_the_same_worlds_at_every_stage(path):
    exported = assert_round_trip(api.load_puzzle(path))
    assert all(exported.listed) and exported.answer_written


@pytest.mark.parametrize("name,params", [("sum_product", {"bound": 24}), ("what_sum", {"bound": 9}),
                                         ("cheryls_age", {}), ("consecutive", {}), ("islanders", {})])
def test_round_trip_of_arithmetic_puzzles_through_the_symbolic_reader(name, params):
    assert_round_trip(api.load_puzzle(ROOT / "puzzles" / f"{name}.txt", params), "symbolic")


def test_stages_too_large_to_list_are_left_out_and_said_so():
    puzzle = api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 7, "k": 3})
    exported = assert_round_trip(puzzle, list_limit=50)
    assert exported.listed == tuple(n <= 50 for n in exported.stage_counts) and not all(exported.listed)
    assert "(128 worlds; not listed: WHERE? would print each)" in exported.text


def test_sum_and_product_exports_as_bit_vectors_like_smcdels_own_example():
    exported = export_smcdel(api.load_puzzle(ROOT / "puzzles" / "sum_product.txt"))
    # 7 + 7 index bits for x, y in 2..100, and the bits of x + y and x * y that vary over the worlds: 7 (sums
    # up to 100) and 12 (products below 2500), the 33 atoms of SMCDEL's own SumAndProduct.hs
    assert "VARS " + ", ".join(map(str, range(1, 34))) + "\n" in exported.text
    assert "OBS  S: 15, 16, 17, 18, 19, 20, 21\n     P: " + ", ".join(map(str, range(22, 34))) + "\n" in exported.text
    assert exported.stage_counts == (2352, 1747, 145, 86, 1) and exported.answer_written
    assert exported.decode({1, 2, 9, 11}) == {"x": 5, "y": 12}  # index 3 -> 5, index 10 -> 12


def test_muddy_children_100_exports_without_listing_worlds():
    exported = export_smcdel(api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 100, "k": 2}))
    assert exported.stage_counts[0] == 2**100 and exported.listed == (False, False, False, True)
    assert "VARS " + ", ".join(map(str, range(1, 101))) + "\n" in exported.text and "LAW  Top" in exported.text
    assert "<! OR (" + ", ".join(map(str, range(1, 101))) + ") >" in exported.text


def test_observed_terms_are_written_over_their_own_atoms():
    exported = export_smcdel(api.load_puzzle(ROOT / "puzzles" / "dining_cryptographers_n.txt"))
    assert "OBS  d1: 3, 4, 6\n" in exported.text  # coin[1], coin[2] and the atom of paid = 1
    assert "(6 iff (1 & ~2))" in exported.text
    assert "<! d1 knows that (OR ((3 & 4 & ~6), (3 & ~4 & 6), (~3 & 4 & 6), (~3 & ~4 & ~6))) >" in exported.text


def test_a_formula_too_large_for_the_text_is_refused_by_its_size(monkeypatch):
    import epistemic.smcdel.bdd_text as bdd_text

    monkeypatch.setattr(bdd_text, "MAX_LITERALS", 40)
    with pytest.raises(EpistemicError, match=r"literals .* more than 40"):
        export_smcdel(api.load_puzzle(ROOT / "puzzles" / "sum_product.txt", {"bound": 24}))
    # an answer too large to write is left out with a note; the stages are still checked
    exported = assert_round_trip(api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 8, "k": 2}))
    assert not exported.answer_written and "the answer is not checked by a VALID? job" in exported.text


def test_card16_exports_its_published_stages():
    exported = export_smcdel(api.load_puzzle(ROOT / "puzzles" / "card16.txt"))
    assert exported.stage_counts == (16, 9, 5, 3, 1)
    run = run_jobs(read_smcdel(exported.text, "card16.smcdel.txt"), "z3")
    assert [len(r.states) for r in run.results if r.kind == "where"] == [16, 9, 5, 3, 1]
    assert "SMCDEL has no past operator" in exported.text  # `before` is precomputed, and says so
    assert "VARS 1, 2, 3, 4, 5, 6\n" in exported.text and "OBS  P: 3, 4, 5, 6\n" in exported.text


def test_agent_names_become_smcdel_names():
    exported = export_smcdel(api.load_puzzle(ROOT / "puzzles" / "muddy.txt"))
    assert exported.agent_names == {"c[1]": "c1", "c[2]": "c2", "c[3]": "c3"}
    assert "-- agent c1 is c[1]" in exported.text


def test_detection_by_extension_or_content():
    assert file_kind("x.smcdel.txt", "") == "smcdel"
    assert file_kind("x.txt", "-- hi\nVARS 1 LAW Top OBS a: 1") == "smcdel"
    assert file_kind("puzzles/card16.txt", (ROOT / "puzzles" / "card16.txt").read_text()) == "puzzle"


def test_run_smcdel_text_and_json():
    text = (ROOT / "puzzles" / "smcdel" / "drinking_logicians.smcdel.txt").read_text()
    out, code = run_smcdel(text, "d.smcdel.txt")
    assert code == 0
    assert out.splitlines()[:2] == ["Is a knows that ~ (1 & 2 & 3) true at []?", "True"]
    data, code = run_smcdel(text, "d.smcdel.txt", "z3", as_json=True)
    assert data["schema"] == "epistemic.smcdel/1" and data["states"] == 8 and data["engine"] == "z3"
    assert data["jobs"][0] == {"index": 0, "kind": "true", "formula": "a knows that ~ (1 & 2 & 3)", "line": 12,
                               "state": [], "value": True}
    assert data["jobs"][-1]["states"] == [[1, 2, 3]]
    json.dumps(data)


def test_check_smcdel_formula_and_state():
    text = (ROOT / "puzzles" / "smcdel" / "muddy_children.smcdel.txt").read_text()
    out, code = check_smcdel(text, "m.smcdel.txt", "ann knows whether 1 | 1", at="{2,3}")
    assert code == 0
    lines = out.splitlines()
    assert lines[0:2] == ["Is ann knows whether 1 | 1 valid on F?", "False"]
    assert "[2,3]" not in lines[3:lines.index("", 3)]
    assert lines[-2:] == ["Is ann knows whether 1 | 1 true at [2,3]?", "False"]


def test_unsupported_constructs_raise_clean_errors():
    with pytest.raises(EpistemicError, match="announcements to a group"):
        run_smcdel("VARS 1 LAW Top OBS a: 1 b: 1\nVALID? [a ! 1] b knows that 1\n", "g.smcdel.txt")


def test_export_command(tmp_path):
    runner = CliRunner()
    result = runner.invoke(export, ["--smcdel", str(ROOT / "puzzles" / "cheryl.txt")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("-- Cheryl's Birthday")
    out = tmp_path / "cheryl.smcdel.txt"
    result = runner.invoke(export, ["--smcdel", str(ROOT / "puzzles" / "cheryl.txt"), "-o", str(out), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema"] == "epistemic.smcdel-export/1" and data["stages"] == [10, 5, 3, 1]
    assert data["encoding"] == "bit-vector" and data["listed_stages"] == [0, 1, 2, 3] and data["answer_job"]
    assert out.read_text().startswith("-- Cheryl's Birthday")
    result = runner.invoke(export, ["--smcdel", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_param_and_larger_export_reads_back_through_the_law_cubes():
    puzzle = api.load_puzzle(ROOT / "puzzles" / "muddy.txt", {"n": 5, "k": 3})
    exported = export_smcdel(puzzle)
    run = run_jobs(read_smcdel(exported.text, "m5.smcdel.txt"))
    assert [len(r.states) for r in run.results if r.kind == "where"] == list(exported.stage_counts)
