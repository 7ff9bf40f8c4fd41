"""Reading SMCDEL's text format: its grammar and precedence, the translation, and clean refusals."""
from __future__ import annotations

import pytest

from epistemic.errors import EpistemicError
from epistemic.language import syntax as s
from epistemic.smcdel import is_smcdel_text, read_smcdel, run_jobs
from epistemic.smcdel.reader import atom_formula as A

HEAD = "VARS 1,2,3 LAW Top OBS alice: 2,3 bob: 1,3 carol: 1,2\n"


def job_formula(text: str) -> s.Formula:
    return read_smcdel(HEAD + "VALID? " + text).jobs[0].formula


def K(agent, body, mode="that"):
    return s.Knows("agent", (agent,), mode, body)


@pytest.mark.parametrize("text, expected", [
    # & and | share one level and associate to the left, as in SMCDEL's parser
    ("1 | 2 & 3", s.And((s.Or((A(1), A(2))), A(3)))),
    ("1 & 2 | 3", s.Or((s.And((A(1), A(2))), A(3)))),
    ("1 -> 2 -> 3", s.Implies(s.Implies(A(1), A(2)), A(3))),
    ("1 -> 2 & 3", s.Implies(A(1), s.And((A(2), A(3))))),
    ("1 iff 2 -> 3", s.Implies(s.Iff(A(1), A(2)), A(3))),
    ("~ 1 & 2", s.And((s.Not(A(1)), A(2)))),
    # infix knowledge binds tightly ...
    ("alice knows that 2 & 3", s.And((K("alice", A(2)), A(3)))),
    ("~ alice knows whether 1", s.Not(K("alice", A(1), "whether"))),
    ("alice knows that ~ 1 & 2", s.And((K("alice", s.Not(A(1))), A(2)))),
    # ... and the prefix K takes everything to its right
    ("K alice 1 & 2", K("alice", s.And((A(1), A(2))))),
    ("1 & ~ K alice 2 -> 3", s.And((A(1), s.Not(K("alice", s.Implies(A(2), A(3))))))),
    ("Kw bob 1", K("bob", A(1), "whether")),
    ("[! 1] 2 & 3", s.And((s.Announce(A(1), A(2)), A(3)))),
    ("<! 1> 2", s.Not(s.Announce(A(1), s.Not(A(2))))),
    ("(alice, bob) comknow that 1", s.Knows("common", ("alice", "bob"), "that", A(1))),
    ("alice, bob comknow whether 1", s.Knows("common", ("alice", "bob"), "whether", A(1))),
    ("(alice, bob) distknow that 1", s.Knows("distributed", ("alice", "bob"), "that", A(1))),
    ("alice knows whether (1, 2)", s.And((K("alice", A(1), "whether"), K("alice", A(2), "whether")))),
    ("AND (1, 2, 3)", s.And((A(1), A(2), A(3)))),
    ("OR (1)", s.Or((A(1),))),
    ("Top & Bot", s.And((s.Bool(True), s.Bool(False)))),
    ("¬ 1 ∧ 2 ∨ 3 → 1", s.Implies(s.Or((s.And((s.Not(A(1)), A(2))), A(3))), A(1))),
    ("not 1 & Not 2", s.And((s.Not(A(1)), s.Not(A(2))))),
])
def test_precedence_and_translation(text, expected):
    assert job_formula(text) == expected


def verdict(law: str, formula: str) -> bool:
    doc = read_smcdel(f"VARS 1,2,3 LAW {law} OBS alice: 1\nVALID? {formula}\n")
    return run_jobs(doc).results[0].valid


@pytest.mark.parametrize("law, formula, valid", [
    ("Top", "ForAll 1 (1 | 2)", False),
    ("2", "ForAll 1 (1 | 2)", True),
    ("Top", "Exists 1 (1 & 2) iff 2", True),
    ("Top", "Forall 1, 2 (1 | 2 | (~1 & ~2))", True),
    ("Top", "Forall 1, 2 (1 | 2 | ~1 & ~2)", False),  # ((1 | 2) | ~1) & ~2
    ("Top", "XOR (1, 2) iff ((1 | 2) & ~(1 & 2))", True),
    ("Top", "XOR (1, 2, 3) iff (1 iff (2 iff 3))", True),
    ("Top", "ONEOF (1, 2, 3) -> ~(1 & 2)", True),
    ("ONEOF (1, 2, 3)", "1 | 2 | 3", True),
    ("Top", "[?! 1] alice knows whether 1", True),
    ("Top", "[?! 2] alice knows whether 2", True),
    ("Top", "<?! 2> Top", True),
    ("Top", "<! 2> Top", False),
])
def test_quantifiers_xor_oneof_and_announce_whether(law, formula, valid):
    assert verdict(law, formula) is valid


def test_comments_keywords_and_title():
    doc = read_smcdel("-- A title\nVARS 1 -- one atom\nLAW Top\nOBS Topx: 1 Kwa: 1\nVALID? Topx knows that 1 | Kwa knows whether 1\n",
                      "t.smcdel.txt")
    assert doc.puzzle.title == "A title"
    assert [a.name for a in doc.puzzle.agents] == ["Topx", "Kwa"]
    assert run_jobs(doc).results[0].valid is True


def test_detection():
    assert is_smcdel_text("-- comment\n\n  VARS 1 LAW Top OBS a: 1")
    assert not is_smcdel_text('puzzle "x"\nvar VARS in 1..2\n')
    assert not is_smcdel_text("VARSITY 1")


@pytest.mark.parametrize("text, message, line", [
    ("VARS 1 LAW 2 OBS a: 1", "atom 2 is not in VARS", 1),
    ("VARS 1 LAW Top OBS a: 3", "observes atom 3, which is not in VARS", 1),
    ("VARS 1 LAW Top OBS a: 1\nVALID? b knows that 1", "agent 'b' is not in OBS", 2),
    ("VARS 1 LAW Top OBS a: 1\nVALID? [a ! 1] 1", "announcements to a group", 2),
    ("VARS 1 LAW Top OBS a: 1\nVALID? <a ?! 1> 1", "announcements to a group", 2),
    ("VARS 1 LAW Top OBS a: 1\nVALID? ForAll 1 a knows that 1", "ForAll over a formula with knowledge", 2),
    ("VARS 1 LAW a knows that 1 OBS a: 1", "LAW must be a boolean formula", 1),
    ("VARS 1 LAW Top OBS a: 1\nVALID? 1 &", "unexpected end of the file", 2),
    ("VARS 1 LAW Top OBS a: 1\nVALID? 1 $ 1", "unexpected character '$'", 2),
    ("VARS 1 LAW Top OBS a: 1\nTRUE? {2} 1", "atom 2, which is not in VARS", 2),
])
def test_errors_are_located_and_name_the_construct(text, message, line):
    with pytest.raises(EpistemicError) as info:
        read_smcdel(text, "bad.smcdel.txt")
    assert message in info.value.message
    assert info.value.location is not None and info.value.location.line == line
    assert info.value.location.file == "bad.smcdel.txt"


def test_true_at_a_state_outside_the_law_is_refused():
    doc = read_smcdel("VARS 1, 2 LAW 1 OBS a: 1\nTRUE? {2} 1\n", "x.smcdel.txt")
    with pytest.raises(EpistemicError, match=r"state \[2\], which does not satisfy the LAW"):
        run_jobs(doc)


def test_update_restricts_later_jobs():
    doc = read_smcdel("VARS 1, 2 LAW Top OBS a: 1\nVALID? 2\nUPDATE! 2\nVALID? 2\nWHERE? Top\n")
    run = run_jobs(doc)
    assert [r.valid for r in run.results if r.kind == "valid"] == [False, True]
    assert run.results[1].remaining == 2
    assert run.results[3].states == ((2,), (1, 2))


@pytest.mark.parametrize("text, word", [
    ("VARS 1,2\nLAW Top\nOBS alice: 1\nTRANSFORMER t\nVALID? 1\n", "TRANSFORMER"),
    ("VARS 1,2\nLAW Top\nOBS alice: 1\nEVENTS 1,2\n", "EVENTS"),
    ("VARS 1,2\nLAW Top\nOBS alice: 1\nVALID? alice believes 1\n", "believes"),
])
def test_belief_structures_and_transformers_are_refused_by_name(text, word):
    with pytest.raises(EpistemicError) as info:
        read_smcdel(text, "x.smcdel.txt")
    assert info.value.message.startswith(repr(word)) and "not supported" in info.value.message
    assert info.value.location.line == text[: text.index(word)].count("\n") + 1


def test_comments_may_mention_beliefs():
    doc = read_smcdel("-- Alice believes it; EVENTS happen\nVARS 1\nLAW Top\nOBS alice: 1\nVALID? alice knows whether 1\n")
    assert len(doc.jobs) == 1
