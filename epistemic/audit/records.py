"""Claims as compact records: hashable formula keys made straight from tokens, formulas built on demand.

A formula key is a formula written as nested tuples of names and numbers (`formula_key`): equal keys
exactly when the formulas are equal, and a flat tuple hashes far faster than a tree of frozen
dataclasses. The extractor (claims.py) writes keys directly, the judge caches verdicts by key, and a
`Claim` with its formula objects is only built (`ClaimRecord.claim`) when a verdict is not cached yet
or when someone reads the claim.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..language import syntax as s
from .keys import (formula_key, implies_key, junction_key, knows_key, not_key, set_key, term_of,  # noqa: F401
                   value_key)
from .lexicon import Lexicon


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a step: a formula that must hold in every remaining world, and
    witnesses that must each hold in some remaining world (for exact candidate sets)."""

    kind: str
    formula: s.Formula | None  # None for a remaining count ("9 cards remain"), which the language cannot state
    witnesses: tuple[s.Formula, ...] = ()
    text: str = ""
    start: int = 0
    end: int = 0
    past: bool = False
    answer: tuple[tuple[int, ...], ...] | None = None


class ClaimKey(NamedTuple):
    """What a verdict depends on: the formula's key, the witnesses' keys, and whether the claim may be
    about an earlier stage. Equal keys mean equal verdicts."""

    formula: tuple
    witnesses: tuple
    past: bool


# How a claim was read. Only the readings in CERTAIN can make a step wrong; the others are reasons
# why a claim that looks wrong is left unchecked (see docs/audit.md, "Readings").
FORMULA, VALUES, EXCLUSION, KNOWLEDGE, HYPOTHETICAL, TABLE, ANSWER, POSSIBLE, ARITHMETIC, COUNTED, LEFT = (
    "formula", "value list", "exclusion", "knowledge phrase", "hypothetical", "table row", "answer", "possibility",
    "arithmetic", "remaining count", "what is left")
ATTRIBUTION = "attribution"  # who said which statement (speakers.py)
HEDGED, MODAL, QUESTION, PURPOSE, REJECTED, CONDITIONAL, HEADLINE, SUPPOSED, REPORTED, PRONOUN, CASE, LOOSE = (
    "hedged", "modal", "question", "purpose clause", "rejected idea", "inside a conditional", "answer headline",
    "supposition", "reported speech", "pronoun subject", "case analysis", "loose pairing")
UNALIGNED = "stage not reached by any cue"
OTHERS = "an answer others give"  # "网上流传的另一个常见答案是8月17日", "another popular answer is …" (scope.py)
CROSSED = "crossed out"  # "May (19) ✗": the phrase before a cross is rejected (scope.py); but "8 + 7 = 16 ✗" is a sum
# that fails a test, the sum itself still the writer's
SUM_TEST = "kept by the test of s − 2"  # "For 51: 51 − 2 = 49, composite, so 51 stays" (topics.py)
PROPERTY = "list under a property"  # "So the singleton days are 13 and 20. … Only 13 and 20." (claims.py)
CLASS = "class of values"  # "eliminates every sum of 55 or more" (classes.py): certain only when credited to a statement
SPLIT = "unique split"  # "54 = 2 × 27 is the only factorization" (splits.py)
LEMMA = "a lemma before its proof"  # "*Lemma 2.* S₂ = {April 14, June 12}." then "*Proof.* …": the proof weighs
KNOWN_BY = "what an agent knows"  # "Carol knows both b ≠ c and a ≠ c": true when she speaks, not said of the stage
CERTAIN = frozenset({FORMULA, VALUES, EXCLUSION, KNOWLEDGE, HYPOTHETICAL, TABLE, ANSWER, POSSIBLE, ARITHMETIC,
                     COUNTED, LEFT, ATTRIBUTION, SPLIT, SUM_TEST})


class ClaimRecord(NamedTuple):
    """A claim as the extractor emits it (a tuple: made by the hundred per trace, hashed, moved)."""

    kind: str
    key: ClaimKey
    text: str
    start: int
    end: int
    answer: tuple[tuple[int, ...], ...] | None = None
    made: Claim | None = None  # a claim parsed from an inline formula (its formula has no key builder)
    reading: str = VALUES
    at: int | None = None  # the stage the claim's own time names ("… would know in round 2": rounds.py), else None

    @property
    def past(self) -> bool:
        return self.key.past

    @property
    def certain(self) -> bool:
        """Whether the claim was read with certainty (only such claims can make a step wrong)."""
        return self.reading in CERTAIN

    def as_removed(self) -> "ClaimRecord":
        """The record's values said to go, not to be left: `not (…)`, an exclusion (a list under "what it rules out",
        after a set difference sign, or answering "what does it remove?")."""
        return self._replace(kind="exclusion", key=ClaimKey(not_key(self.key.formula), (), self.key.past))

    def read_as(self, reading: str) -> "ClaimRecord":
        """The record under another reading; a sum stays arithmetic inside a case ("e.g. (18, 30): 18 + 30 = 58"):
        it holds or fails in every world alike."""
        if reading == self.reading or (reading == CASE and self.kind == "arithmetic" and self.reading == ARITHMETIC):
            return self
        return self._replace(reading=reading)

    def claim(self, lex: Lexicon) -> Claim:
        """The full claim, formulas included (built from the key, equal to what the key was made from)."""
        if self.made is not None:
            formula, witnesses = self.made.formula, self.made.witnesses
        elif self.kind in ("count", "count chain", "speaker", "possible", "prime", "singletons"):  # "9 cards remain", "Q says “…”": no formula in the puzzle language
            formula, witnesses = None, ()
        elif self.kind == "credit":  # "Q's statement rules out spades": the values ruled out (None: nothing)
            ykey = self.key.formula[2]
            formula, witnesses = (None if ykey is None else formula_of(lex, ykey)), ()
        else:
            formula = formula_of(lex, self.key.formula)
            witnesses = tuple(formula_of(lex, w) for w in self.key.witnesses)
        return Claim(self.kind, formula, witnesses, self.text, self.start, self.end, self.key.past, self.answer)


def record(kind: str, fkey: tuple, wkeys: tuple, text: str, start: int, end: int, past: bool,
           answer=None, reading: str = VALUES) -> ClaimRecord:
    return ClaimRecord(kind, ClaimKey(fkey, wkeys, past), text, start, end, answer, None, reading)


EXACT = "exact"  # the last field of a credit said to remove what it names and nothing else


def credit_part(f: tuple) -> int | None:
    """The clause a credit key names (`("Credit", ks, Y, part, …)`), or None for the whole statement."""
    return f[3] if len(f) > 3 else None


def credited(r: ClaimRecord, ks: tuple[int, ...], part: int | None = None, exact: bool = False) -> ClaimRecord:
    """An exclusion ("not Y") credited to announcement ks[0] (or one of ks): the claim `("Credit", ks, Y)`, or to
    clause `part` of it alone (Albert's "I don't know"): `("Credit", ks, Y, part)`; said to remove Y and nothing
    else ("removes only June 18 and May 19"): `("Credit", ks, Y, part, EXACT)` (strategies.Credit)."""
    f = r.key.formula
    if f[0] == "Not":
        ruled_out = f[1]
    elif f[0] == "Compare" and f[1] == "!=":
        ruled_out = ("Compare", "=") + f[2:]
    elif f[0] == "And" and all(p[0] == "Not" or (p[0] == "Compare" and p[1] == "!=") for p in f[1]):
        ruled_out = ("Or", tuple(p[1] if p[0] == "Not" else ("Compare", "=") + p[2:] for p in f[1]))
    else:
        return r
    key = ("Credit", ks, ruled_out, part, EXACT) if exact else \
        ("Credit", ks, ruled_out) if part is None else ("Credit", ks, ruled_out, part)
    return r._replace(kind="credit", key=ClaimKey(key, (), r.key.past),
                      reading=EXCLUSION if r.reading == CLASS else r.reading)


def moved(r: ClaimRecord, offset: int) -> ClaimRecord:
    """The record with its span shifted by `offset` (records are memoised per sentence, spans per step)."""
    if offset == 0:
        return r
    return tuple.__new__(ClaimRecord, (r[0], r[1], r[2], r[3] + offset, r[4] + offset, r[5], r[6], r[7], r[8]))


def claim_key(c: Claim) -> ClaimKey:
    return ClaimKey(formula_key(c.formula), formula_key(c.witnesses) if c.witnesses else (), c.past)


def formula_of(lex: Lexicon, key: tuple) -> s.Formula:
    """The formula of a key written by the extractor (the inverse of `formula_key` on those shapes)."""
    head = key[0]
    if head == "Compare":
        return s.Compare(key[1], term_of(key[2]), term_of(key[3]))
    if head == "Member":
        return s.Member(term_of(key[1]), key[2])
    if head == "And":
        return s.And(tuple(formula_of(lex, k) for k in key[1]))
    if head == "Or":
        return s.Or(tuple(formula_of(lex, k) for k in key[1]))
    if head == "Not":
        return s.Not(formula_of(lex, key[1]))
    if head == "Implies":
        return s.Implies(formula_of(lex, key[1]), formula_of(lex, key[2]))
    if head == "Knows":
        kind, agents, mode, body = key[1:]
        if mode in ("that", "whether"):
            return s.Knows(kind, agents, mode, formula_of(lex, body))
        return s.Knows(kind, agents, mode, _terms_of(lex, body))
    raise ValueError(f"no formula for key {key!r}")


def _terms_of(lex: Lexicon, keys: tuple) -> tuple[s.Term, ...]:
    q = lex.puzzle.question
    if q is not None and formula_key(q.terms) == keys:
        return q.terms  # the question's own terms, whatever their shape
    return tuple(term_of(k) for k in keys)


