"""Z3 synthesis: Z3 picks the world set; the result passes the same screen and engine checks."""
import pytest

from epistemic.errors import EpistemicError
from epistemic.generate import generate


def test_synth_birthdays_meets_targets():
    items, stats = generate("birthdays", 2, seed=1, synth=True, targets={"worlds": 8, "per_row": 3},
                            use_z3=False)
    for it in items:
        rec = it.to_dict()
        assert rec["method"] == "synth" and rec["stages"][0]["remaining"] == 8
        assert all(rec["necessary"]) and rec["certificate"]["unique"]
        months = [w.split()[0] for w in rec["stages"][0]["worlds"]]
        assert max(months.count(m) for m in set(months)) <= 3


def test_synth_removed_per_stage():
    first, _ = generate("birthdays", 1, seed=3, synth=True, knobs={"dates": 8}, use_z3=False)
    removed = first[0].to_dict()["difficulty"]["removed"]
    items, _ = generate("birthdays", 1, seed=3, synth=True, knobs={"dates": 8}, targets={"removed": removed},
                        use_z3=False)
    assert items[0].to_dict()["difficulty"]["removed"] == removed


def test_synth_refuses_other_families_and_impossible_targets():
    with pytest.raises(EpistemicError, match="not available"):
        generate("muddy", 1, synth=True)
    with pytest.raises(EpistemicError, match="Z3 found no"):
        generate("birthdays", 1, synth=True, knobs={"lines": 2}, targets={"removed": [0, 1]}, max_tries=3, use_z3=False)


def test_synth_answer_by_name():
    cards, _ = generate("cards", 1, seed=1, synth=True, targets={"answer": "diamonds 5"},
                        knobs={"ranks": 6, "cards": 10})
    rec = cards[0].to_dict()
    assert rec["answer"] == "5 of diamonds (♦5)" and rec["certificate"]["z3"] and all(rec["necessary"])
    dates, _ = generate("birthdays", 1, seed=2, synth=True, targets={"answer": "July 16"})
    assert dates[0].to_dict()["answer"] == "July 16"
    assert generate("birthdays", 1, seed=2, synth=True, targets={"answer": "7月16日"})[0][0].text == dates[0].text


def test_synth_answer_names_fail_clearly():
    with pytest.raises(EpistemicError, match="unknown card 'rubies 5'"):
        generate("cards", 1, synth=True, targets={"answer": "rubies 5"})
    with pytest.raises(EpistemicError, match="not in the synthesis deck"):
        generate("cards", 1, synth=True, targets={"answer": "hearts K"}, knobs={"ranks": 6})
    with pytest.raises(EpistemicError, match="unknown month"):
        generate("birthdays", 1, synth=True, targets={"answer": "Juno 5"})
    with pytest.raises(EpistemicError, match="no such date"):
        generate("birthdays", 1, synth=True, targets={"answer": "February 30"})


def test_cli_target_answer_by_name():
    import json

    from click.testing import CliRunner

    from epistemic.cli.generate import generate as command

    ok = CliRunner().invoke(command, ["birthdays", "--count", "1", "--synth", "--target", "answer=July 16", "--json"])
    assert ok.exit_code == 0 and json.loads(ok.output)["items"][0]["answer"] == "July 16"
    bad = CliRunner().invoke(command, ["cards", "--count", "1", "--synth", "--target", "answer=rubies 5"])
    assert bad.exit_code == 2 and "unknown card" in bad.output and "Traceback" not in bad.output
