"""Necessity by dialogue unit: "I don't know" + "I knew you didn't know" is one step; real redundancy fails."""
from pathlib import Path

from epistemic.api import load_puzzle
from epistemic.generate import dialogue as d, generate
from epistemic.generate.families.cards import ANSWER, RANKS, VOICE, Cards
from epistemic.generate.screen import Verdict, run, screen
from epistemic.generate.units import announcement_units, line_units
from epistemic.generate.verify import verify_text
from epistemic.stages.solve import solve
from tests.paths import ROOT

CARD16 = {"hearts": "A Q 4", "spades": "J 8 4 2 7 3", "clubs": "K Q 5 4 6", "diamonds": "A 5"}


def _deck():
    suits = {"hearts": 0, "spades": 1, "clubs": 2, "diamonds": 3}
    return sorted((suits[s], RANKS.index(r)) for s, rs in CARD16.items() for r in rs.split())


def _lines(moves):
    said, knows, out = set(), False, []
    for kind, speaker, other in moves:
        out.append(d.make_line(kind, speaker, other, VOICE, speaker in said, knows, 2, ANSWER))
        said |= {speaker} if kind.startswith("dont_know") else set()
        knows = knows or kind == "know"
    return tuple(out)


CLASSIC = [("dont_know", "P", "Q"), ("knew_other_didnt", "Q", "P"), ("know", "P", "Q"), ("know", "Q", "P")]
# P's first line adds "I know you don't know", which the rest already implies: genuinely redundant.
REDUNDANT = [("dont_know_and_other_doesnt", "P", "Q"), ("knew_other_didnt", "Q", "P"), ("know", "P", "Q"),
             ("know", "Q", "P")]


def test_card16_file_passes_the_verifier_with_units():
    v = verify_text((ROOT / "puzzles" / "card16.txt").read_text(encoding="utf-8"), "card16.txt")
    assert v.ok and v.units == ((0, 1), (2,), (3,)) and v.necessary == (True, True, True)
    assert v.certificate.z3 and v.certificate.unique and v.certificate.encoding == "direct"
    assert [st.count for st in v.solution.stages] == [16, 9, 5, 3, 1]


def test_card16_dialogue_written_by_the_generator_passes_screen_and_engine():
    cand = Cards().candidate(_deck(), _lines(CLASSIC))
    assert line_units(cand.lines) == ((0, 1), (2,), (3,))
    verdict = screen(cand.model, cand.lines)
    assert verdict.ok and verdict.counts == (16, 9, 5, 3, 1)
    v = verify_text(cand.write(verdict, "card16 again"))
    assert v.ok and v.solution.answer_text()[0] == "5 of diamonds (♦5)"


def test_dropping_p_line_alone_keeps_the_answer_but_the_unit_does_not():
    cand = Cards().candidate(_deck(), _lines(CLASSIC))
    without_p = run(cand.model, cand.lines[1:])
    assert without_p[-1] == run(cand.model, cand.lines)[-1]  # P's line alone is redundant ...
    assert run(cand.model, cand.lines[2:])[-1].bit_count() != 1  # ... the pair is not


def test_genuinely_redundant_announcement_is_rejected_by_screen_and_engine():
    cand = Cards().candidate(_deck(), _lines(REDUNDANT))
    assert line_units(cand.lines) == ((0,), (1,), (2,), (3,))  # not "I don't know": no pair
    verdict = screen(cand.model, cand.lines)
    assert verdict.reason == "unnecessary"
    counts = tuple(h.bit_count() for h in run(cand.model, cand.lines))
    text = cand.write(Verdict(True, "ok", counts, run(cand.model, cand.lines)[-1].bit_length() - 1), "redundant")
    v = verify_text(text, use_z3=False)
    assert all(v.informative) and v.solution.unique  # every line removes worlds, one answer ...
    assert v.necessary[0] is False and not v.ok  # ... but the first line is not needed


def test_units_of_parsed_announcements_need_the_exact_pair():
    p = load_puzzle((ROOT / "puzzles" / "card16.txt").read_text(encoding="utf-8"))
    assert announcement_units(p.announcements) == ((0, 1), (2,), (3,))
    assert announcement_units(p.announcements[1:]) == ((0,), (1,), (2,))
    swapped = (p.announcements[1], p.announcements[0]) + p.announcements[2:]
    assert announcement_units(swapped) == ((0,), (1,), (2,), (3,))


def test_classic_dialogue_generates_cards_with_unit_records():
    items, _ = generate("cards", 3, seed=2, knobs={"dialogue": "classic"})
    for it in items:
        rec = it.to_dict()
        assert rec["necessity"] == "per unit" and rec["units"] == [[0, 1], [2], [3]]
        assert all(rec["necessary"]) and rec["certificate"]["z3"]
        assert solve(load_puzzle(rec["source"])).unique
