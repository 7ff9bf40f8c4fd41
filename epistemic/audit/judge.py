"""Verdicts: is a claim entailed at the step's stage, only true later (premature), or false?

A claim made while reasoning about announcement k is entailed when its formula holds in every world
of stage k, or held when the announcement was made (`before φ` at stage k, i.e. φ at stage k-1 on
the worlds that survive); claims marked as about the past ("originally", "原来") may look further
back. Each witness of an exact candidate set must hold in some world of that same stage.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import NamedTuple, Sequence

import numpy as np

from ..engines.base import get_engine
from ..errors import EpistemicError
from ..language import syntax as s
from ..language.printer import formula_source
from ..worlds.labels import value_text, world_label
from ..stages.solve import Solution
from .lexicon import Lexicon
from .records import Claim, ClaimRecord, formula_of
from .knowledge import StageTables
from .chains import chain_text
from .keys import knower
from .strategies import STRATEGIES, credit_text, prime_text, singletons_text, speaker_text, survivor_text
from .verdicts import ENTAILED, FALSE, NOT_HANDLED, PREMATURE, Text, Verdict, Window  # noqa: F401

_MISSING = object()


# A sentence that supposes its case in words ("Then the clean children would know …", "如果只有一个孩子有泥，…")
_SUPPOSED = re.compile(r"(?i:\b(?:would|could|wouldn['’]t|couldn['’]t|if|suppose|supposing|assume|were)\b|['’]d\b)|"
                       r"如果|假设|假如|要是|就会")
_SUPPOSING = ("hypothetical", "case knowledge")  # claims about a case, judged where the case was last possible


class _NoTable(Exception):
    """The knowledge tables do not handle a formula key: judge the claim's formula instead."""
Z3_TIMEOUT_S = 10.0
MASK_BYTES = 100_000_000


@dataclass(frozen=True, eq=False)
class Judge:
    """Evaluates formulas on one solution's stages, caching each (formula, stage) mask.

    `z3`: counterexamples come from Z3 (epistemic.counterexample) rather than the explicit mask.
    """

    solution: Solution
    cache: dict
    z3: bool = False
    limit: int = 50_000  # cached masks and verdicts; the cache is emptied when it reaches this
    tables: StageTables | None = None  # per-stage knowledge masks (knowledge.py), kept for the puzzle
    strategies: tuple = ()  # strategies.py: tried in order, the first that handles a claim judges it

    def _store(self, key, value):
        if len(self.cache) >= self.limit:
            self.cache.clear()
        self.cache[key] = value
        return value

    @classmethod
    def build(cls, solution: Solution, z3: bool = False) -> "Judge":
        """A judge whose cache holds at most about MASK_BYTES of masks (and never more than 50,000 entries)."""
        return cls(solution, {}, z3, min(50_000, max(1_000, MASK_BYTES // max(1, solution.space.size))),
                   StageTables.build(solution), STRATEGIES)

    @property
    def last(self) -> int:
        return len(self.solution.stages) - 1

    def mask(self, f: s.Formula, stage: int) -> np.ndarray:
        """Where `f` holds at `stage` (meaningful on the stage's live worlds; the judge looks nowhere else)."""
        key = (f, stage)
        hit = self.cache.get(key)
        if hit is None:
            if stage > 0 and _static(f):
                hit = self.mask(f, 0)  # no knowledge, no past: the same on every world at every stage
            elif isinstance(f, s.Past) and f.back is not None and 0 < f.back <= stage and _static(f.body):
                hit = self.mask(f.body, 0)  # what was true of a world's values still is
            else:
                hit = self.tables.mask(f, stage) if self.tables is not None else None
                if hit is None:
                    hit = get_engine("explicit").evaluate(self.solution.space, self.solution.history(stage), f)
            self._store(key, hit)
        return hit

    def entailed(self, f: s.Formula, stage: int) -> bool:
        live = self.solution.stages[stage].mask
        return bool(np.all(self.mask(f, stage)[live]))

    def possible(self, f: s.Formula, stage: int) -> bool:
        live = self.solution.stages[stage].mask
        return bool(np.any(self.mask(f, stage) & live))

    def quotes_fact(self, f: s.Formula, j: int) -> bool:
        """Whether `f` says exactly what announcement `j` says when that announcement is a plain fact ("at least
        one of you is muddy"): on the worlds live before it, the two hold on the same worlds."""
        if not 0 < j <= self.last or f is None or not _static(f):
            return False
        ann = self.solution.stages[j].announcement
        if ann is None or ann.speaker is not None or not _static(ann.said):
            return False
        live = self.solution.stages[j - 1].mask
        a, b = self.mask(f, j - 1), self.mask(ann.said, j - 1)
        return a is not None and b is not None and bool(np.array_equal(a[live], b[live]))

    def holds(self, claim: Claim, stage: int, back: int = 0) -> bool:
        """Whether the claim holds at `stage`, or `back` stages before it. An exact candidate set (with witnesses)
        held before when it was that earlier stage's set, as the value-set strategy reads it: `before^back` of a
        formula without knowledge only re-reads the current worlds."""
        if back and claim.witnesses:
            stage, back = stage - back, 0
        f = claim.formula if back == 0 else s.Past(claim.formula, back)
        if not self.entailed(f, stage):
            return False
        return all(self.possible(w, stage) for w in claim.witnesses)

    def judge(self, claim: Claim, stage: int, reached: int | None = None) -> Verdict | None:
        """The verdict of one claim made at `stage` (the trace having reached `reached`, by default the
        same), or None when it cannot be evaluated (cached)."""
        window = Window(stage, stage if reached is None else max(stage, reached))
        key = ("@verdict", claim.formula, claim.witnesses, claim.past, window)
        hit = self.cache.get(key, _MISSING)
        return self._store(key, self._judge(claim, window)) if hit is _MISSING else hit

    def audit(self, record: ClaimRecord, window: Window, lex: Lexicon) -> tuple[Verdict, Text] | None:
        """(verdict, formula in puzzle syntax) of a claim in a window of stages, cached by the claim's key.

        The named strategies of strategies.py are tried in order (arithmetic, value sets, knowledge
        tables, the formula fallback); the claim's formulas are built only by the last."""
        key = record.key
        window = Window(max(0, min(window.stage, self.last)), max(0, min(max(window.reached, window.stage), self.last)),
                        window.fresh)
        supposed = record.kind in _SUPPOSING and _SUPPOSED.search(record.text) is not None
        k = ("@claim", key, window, record.kind, supposed)
        # (the strategies read the kind, how far back it may look, and window_for the words: "so P would know" and
        # "P knows" share a key, not their window)
        hit = self.cache.get(k, _MISSING)
        if hit is _MISSING:
            for strategy in self.strategies:
                v = strategy.verdict(self, record, lex, window)
                if v is not NOT_HANDLED:
                    break
            if v is not None and v.verdict == PREMATURE and not self._case_live(record, lex, v.holds_at):
                # "(2, 9): P still can't determine" holds "later" only because (2, 9) is gone by then: vacuous
                v = dataclasses.replace(v, verdict=FALSE, holds_at=None)
            hit = self._store(k, None if v is None else (v, self._claim_text(record, lex)))
        return hit

    def _claim_text(self, record: ClaimRecord, lex: Lexicon) -> Text:
        key = record.key
        if record.kind == "count":
            return Text(lambda: f"{key.formula[1]} remain")
        if record.kind == "count chain":
            return Text(lambda: chain_text(key))
        if record.kind == "possible":
            return Text(lambda: survivor_text(lex, key))
        if record.kind == "speaker":
            return Text(lambda: speaker_text(key))
        if record.kind == "prime":
            return Text(lambda: prime_text(key))
        if record.kind == "singletons":
            return Text(lambda: singletons_text(lex, key))
        if record.kind == "credit":
            return Text(lambda: credit_text(self, lex, key))
        if record.made is None:
            return self._key_text(lex, key.formula, 0)
        f = record.made.formula
        return Text(lambda: self.keyed_source(f, key.formula, 0))

    def _case_live(self, record: ClaimRecord, lex: Lexicon, stage: int | None) -> bool:
        """Whether a supposition's case is still possible at `stage` (True for other claims, or when unknown)."""
        if stage is None or record.kind not in _SUPPOSING or record.key.formula[0] != "Implies" or self.tables is None:
            return True
        ante = record.key.formula[1]
        mask = self.tables.mask_key(ante, stage)
        if mask is None and _static_key(ante):
            mask = self.mask(formula_of(lex, ante), 0)
        return mask is None or bool(np.any(mask & self.solution.stages[stage].mask))

    def window_for(self, record: ClaimRecord, lex: Lexicon, window: Window) -> Window:
        """A hypothetical about values the stage has already ruled out ("if the month were May" after
        May is gone) is about the latest stage where its antecedent was still possible, not vacuously true; nor is
        it judged at the later stages the trace has reached, where its case is gone ("Suppose just one child were
        muddy. Then the clean children would know …" once the first silence is reached)."""
        if record.kind not in _SUPPOSING or record.key.formula[0] != "Implies" or self.tables is None:
            return window
        ante = record.key.formula[1]
        static = None

        def live(j: int) -> bool:
            nonlocal static
            mask = self.tables.mask_key(ante, j)
            if mask is None and _static_key(ante):  # "x * y = 30": no table, but the same on every stage
                mask = static = self.mask(formula_of(lex, ante), 0) if static is None else static
            return mask is None or bool(np.any(mask & self.solution.stages[j].mask))
        for j in range(window.stage, -1, -1):
            if live(j):
                if j != window.stage:
                    return Window(j, j)  # (where the case was last possible, with no stage more of slack)
                if _SUPPOSED.search(record.text) is None:
                    return window  # (a case read off a label, "Q knows, so the suit is diamonds", may be misread)
                last = next(i for i in range(window.reached, j - 1, -1) if i == j or live(i))
                return window if last == window.reached else Window(j, last, window.fresh)
        return window

    def shape(self, fkey: tuple) -> tuple | None:
        """`_shape` of a formula key, cached."""
        return self._memo("@shape", fkey, _shape)

    def _key_text(self, lex: Lexicon, fkey: tuple, back: int, prefix: str = "") -> Text:
        """`prefix` + the source of the formula of `fkey` (or of `before^back` it); built when read."""
        return Text(lambda: prefix + self.keyed_source(formula_of(lex, fkey), fkey, back))

    def _memo(self, tag: str, key, make):
        """make(key), cached under (tag, key)."""
        k = (tag, key)
        hit = self.cache.get(k, _MISSING)
        return self._store(k, make(key)) if hit is _MISSING else hit

    def keyed_source(self, f: s.Formula, key: tuple, back: int) -> str:
        """`source(f)` (or of `before^back f`), cached by the formula's key rather than by the formula."""
        k = ("@keyed-source", key, back)
        hit = self.cache.get(k)
        if hit is None:
            hit = self._store(k, self.source(f if back == 0 else s.Past(f, back)))
        return hit

    def live(self, names: tuple[str, ...], stage: int) -> frozenset:
        """The tuples of values of `names` in the live worlds of `stage` (a belief state as a set)."""
        k = ("@live", names, stage)
        hit = self.cache.get(k)
        if hit is None:
            sol = self.solution
            mask = sol.stages[stage].mask
            cols = [sol.space.columns[n][mask].tolist() for n in names]
            hit = self._store(k, frozenset(zip(*cols)))
        return hit

    def judge_sets(self, record: ClaimRecord, lex: Lexicon, shape: tuple, window: Window) -> Verdict | None:
        """Claims without knowledge, from per-stage value sets instead of masks (the same verdicts).

        The claim's formulas are built only for a witness of another shape, Z3, or a missing witness."""
        if self.solution.space.size == 0:
            return None
        key = record.key
        stage = window.stage
        reach = self._reach_of(record.kind, record.past, window, key.formula)
        witnesses = self._memo("@points", key.witnesses, self._points)
        if None in witnesses:
            return self.judge(record.claim(lex), stage, window.reached)

        def holds(k: int, back: int) -> bool:  # the whole claim at one stage: `before^back` of it at k
            if not _entailed_sets(self, shape, k - back):
                return False
            return all(w[1] in self.live(w[0], k - back) for w in witnesses)

        def counterexample() -> dict:
            if self.z3:
                return self.counterexample(record.claim(lex), stage)
            return self._counterexample_sets(record, lex, shape, witnesses, stage)

        return self._verdict(window, reach, holds, lambda j, back: self._key_text(lex, key.formula, back,
                                                                                  f"at stage {j}: "),
                             counterexample, "value sets", record.past)

    def _reach_of(self, kind: str, past: bool, window: Window, fkey) -> int:
        """`_reach`, except that a supposition about what someone would know is about now when the last statement
        says nothing of that one's knowledge and the next that does speaks of the present ("He [the second man] sees
        … So in the WWR case he wouldn't know either", after the first man said only that he does not know), not
        about the stage before it (as "如果是黑桃，Q就没法确定P不知道" is, for Q's "I knew you didn't know")."""
        reach = _reach(kind, past, window.stage, window.fresh)
        if reach and kind == "hypothetical" and isinstance(fkey, tuple) and fkey[0] == "Implies":
            who = knower(fkey[2])
            knowers, looks_back = self._memo("@statements", None, lambda _: _statement_knowers(self.solution))
            about = [n for n, agents in enumerate(knowers) if who in agents]
            after = next((n for n in about if n >= window.stage), None)
            if who is not None and window.stage - 1 not in about and after is not None and not looks_back[after]:
                return 0
        return reach

    def _verdict(self, window: Window, reach: int, holds, text, counterexample, strategy: str,
                 past: bool = False) -> Verdict:
        """Entailed if `holds(stage, back)` for some back <= reach, or `holds(j, 0)` at a later stage the trace
        has already reached (`holds(j, back)` for any back when the claim is `past`: "伯纳德起初不知道" in a recap
        that reaches his statement); else premature if it holds at a stage beyond; else false. `text(j, back)` is
        the claim as judged, `counterexample()` why it fails."""
        stage = window.stage
        for back in range(reach + 1):
            if holds(stage, back):
                return Verdict(ENTAILED, stage, text(stage, back), back, strategy=strategy)
        for j in range(stage + 1, window.reached + 1):
            for back in range(j + 1 if past else 1):
                if holds(j, back):
                    return Verdict(ENTAILED, j, text(j, back), back, strategy=strategy)
        later = next((j for j in range(window.reached + 1, self.last + 1) if holds(j, 0)), None)
        earlier = next((stage - back for back in range(reach + 1, stage + 1) if holds(stage, back)), None)
        example = counterexample()
        return Verdict(PREMATURE if later is not None else FALSE, stage, text(stage, 0), 0, later, example, strategy,
                       earlier)

    def judge_keys(self, record: ClaimRecord, lex: Lexicon, window: Window):
        """Masks made from the claim's keys by the knowledge tables, without building formulas;
        NOT_HANDLED when the tables do not handle a shape (or Z3 gives the counterexamples)."""
        if self.z3 or self.tables is None:
            return NOT_HANDLED
        if self.solution.space.size == 0:
            return None
        fkey, wkeys, past = record.key
        stage = window.stage
        reach = self._reach_of(record.kind, past, window, fkey)
        stages = self.solution.stages

        def holds(j: int, back: int) -> bool:
            if not np.all(self._key_mask(fkey, j, back)[stages[j].mask]):
                return False
            return all(np.any(self._key_mask(w, j - back) & stages[j - back].mask) for w in wkeys)

        def counterexample() -> dict:
            sol = self.solution
            live = stages[stage].mask
            bad = live & ~self._key_mask(fkey, stage)
            if bad.any():
                return world_dict(sol, _pick(sol, bad), stage, "explicit")
            for w in wkeys:
                if not np.any(self._key_mask(w, stage) & live):
                    source = formula_source(formula_of(lex, w), sol.puzzle)
                    return {"stage": stage, "missing": source,
                            "explanation": f"no world of stage {stage} satisfies {source}"}
            return {"stage": stage}

        try:
            return self._verdict(window, reach, holds, lambda j, back: self._key_text(lex, fkey, back,
                                                                                      f"at stage {j}: "),
                                 counterexample, "knowledge tables", past)
        except _NoTable:
            return NOT_HANDLED  # the formula fallback decides

    def _key_mask(self, key: tuple, stage: int, back: int = 0) -> np.ndarray:
        """The mask of `key` at `stage` (of `before^back key`, as `mask` evaluates it), cached by key."""
        if back:
            if not (self.tables.nested or _static_key(key)):
                raise _NoTable
            stage -= back
        k = ("@key-mask", key, stage)
        hit = self.cache.get(k)
        if hit is None:
            hit = self.tables.mask_key(key, stage)
            if hit is None:
                raise _NoTable
            self._store(k, hit)
        return hit

    def _points(self, keys: tuple) -> list:
        """`_point` of each witness key, each cached on its own (witnesses recur in new combinations)."""
        return [self._memo("@point", w, _point) for w in keys]

    def _shown_text(self, f: s.Formula, key: tuple, stage: int, back: int) -> Text:
        return Text(lambda: f"at stage {stage}: {self.keyed_source(f, key, back)}")

    def _counterexample_sets(self, record: ClaimRecord, lex: Lexicon, shape: tuple, witnesses: list,
                             stage: int) -> dict:
        """`counterexample` (explicit engine) for a claim `_shape` understands, without the engine."""
        sol = self.solution
        if not _entailed_sets(self, shape, stage):
            index = self._first_violator(shape, record.key[0], stage)
            k = ("@world", index, stage)
            hit = self.cache.get(k)
            if hit is None:
                hit = self._store(k, world_dict(sol, index, stage, "explicit"))
            return dict(hit)
        for w, wkey in zip(witnesses, record.key[1]):
            if w[1] not in self.live(w[0], stage):
                wf = formula_of(lex, wkey)
                return {"stage": stage, "missing": formula_source(wf, sol.puzzle),
                        "explanation": f"no world of stage {stage} satisfies {formula_source(wf, sol.puzzle)}"}
        return {"stage": stage}

    def _first_violator(self, shape: tuple, fkey: tuple, stage: int) -> int:
        """`_pick` of the stage's live worlds where `shape` fails: from value sets when the stages are nested."""
        sol = self.solution
        if not self._nested():
            k = ("@shape-mask", fkey)
            mask = self.cache.get(k)
            if mask is None:
                mask = self._store(k, _shape_mask(self, shape))
            return _pick(sol, sol.stages[stage].mask & ~mask)
        # Nested stages: _pick's first hit is at the latest stage j >= `stage` with a violating world.
        for j in range(self.last, stage - 1, -1):
            firsts = self.firsts(shape.names, j)
            bad = _violators(shape, firsts)
            if bad:
                return min(firsts[t] for t in bad)
        raise ValueError("no violating world")  # unreachable: the claim is not entailed at `stage`

    def _nested(self) -> bool:
        """Whether every stage's live worlds are a subset of the previous stage's (announcements only remove)."""
        hit = self.cache.get("@nested")
        if hit is None:
            masks = [st.mask for st in self.solution.stages]
            hit = self._store("@nested", all(not np.any(b & ~a) for a, b in zip(masks, masks[1:])))
        return hit

    def firsts(self, names: tuple[str, ...], stage: int) -> dict:
        """Tuple of values of `names` -> the lowest index of a live world of `stage` with those values."""
        k = ("@firsts", names, stage)
        hit = self.cache.get(k)
        if hit is None:
            sol = self.solution
            index = np.flatnonzero(sol.stages[stage].mask)[::-1]
            cols = [sol.space.columns[n][index].tolist() for n in names]
            hit = self._store(k, dict(zip(zip(*cols), index.tolist())))  # later (lower) indices win
        return hit

    def _judge(self, claim: Claim, window: Window, fkey: tuple | None = None) -> Verdict | None:
        """The verdict of a claim from its formula; with its formula's key `fkey`, the judged text is printed
        only when read. None when the engine refuses the formula (an EpistemicError, e.g. too large)."""
        if self.solution.space.size == 0:
            return None
        window = Window(max(0, min(window.stage, self.last)), max(0, min(window.reached, self.last)), window.fresh)
        stage = window.stage
        reach = self._reach_of(claim.kind, claim.past, window, fkey)
        try:
            return self._verdict(window, reach, lambda j, back: self.holds(claim, j, back),
                                 lambda j, back: self._text(claim.formula, fkey, j, back),
                                 lambda: self.counterexample(claim, stage), "formula", claim.past)
        except EpistemicError:
            return None

    def _text(self, f: s.Formula, fkey: tuple | None, stage: int, back: int) -> str | Text:
        return self.shown(f, stage, back) if fkey is None else self._shown_text(f, fkey, stage, back)

    def source(self, f: s.Formula) -> str:
        """The formula in puzzle syntax (printed once per formula)."""
        key = ("@source", f)
        hit = self.cache.get(key)
        if hit is None:
            hit = self._store(key, formula_source(f, self.solution.puzzle))
        return hit

    def shown(self, f: s.Formula, stage: int, back: int) -> str:
        return f"at stage {stage}: {self.source(f if back == 0 else s.Past(f, back))}"

    def counterexample(self, claim: Claim, stage: int) -> dict:
        """A world of the stage where the formula is false, or the witness no world satisfies."""
        sol = self.solution
        live = sol.stages[stage].mask
        bad = live & ~self.mask(claim.formula, stage)
        if bad.any():
            if not self.z3:
                return world_dict(sol, _pick(sol, bad), stage, "explicit")
            found, outcome = _z3_world(sol, claim.formula, stage)
            if found is not None and bad[found]:
                return world_dict(sol, found, stage, "z3")
            # Z3 timed out, failed, or disagrees with the explicit mask: keep the explicit world, say why.
            why = "disagrees with the explicit engine" if found is not None else outcome
            return {**world_dict(sol, _pick(sol, bad), stage, "explicit"), "z3": why}
        for w in claim.witnesses:
            if not self.possible(w, stage):
                return {"stage": stage, "missing": formula_source(w, sol.puzzle),
                        "explanation": f"no world of stage {stage} satisfies {formula_source(w, sol.puzzle)}"}
        return {"stage": stage}


def _statement_knowers(solution: Solution) -> tuple[tuple[frozenset, ...], tuple[bool, ...]]:
    """For each announcement, the agents whose knowledge it speaks of, and whether it looks back ("before …")."""
    said = [a.content for a in solution.puzzle.announcements]
    return (tuple(frozenset(ag for x in s.walk(f) if isinstance(x, s.Knows) for ag in x.agents) for f in said),
            tuple(any(isinstance(x, s.Past) for x in s.walk(f)) for f in said))


def _reach(kind: str, past: bool, stage: int, fresh: bool) -> int:
    """How many stages back a claim may be about: any with a past cue ("originally", "after Albert's
    statement"); one for knowledge (what held when the announcement was made) and for a candidate set in
    the step that quotes the announcement ("P says ... The remaining cards are ..."); none for a candidate
    set further on, so a set that keeps a value the last announcement removed is wrong; likewise for a case's
    knowledge ("| 15 | August 15 | no |" under "Bernard knows?" after Albert's statement is about now)."""
    if past:
        return stage
    if kind in ("candidates", "exclusion", "conditional", "answer", "case knowledge") and not fresh:
        return 0
    return min(1, stage)


class Shape(NamedTuple):
    """A value claim as a condition on a belief state (the live tuples of `names`): `test` "in" — all
    live tuples are in `values`; "out" — none is; "if" — every live (x, y) with x = `head` has y in `values`."""

    test: str
    names: tuple[str, ...]
    values: frozenset
    head: int | None = None


def _shape(key) -> Shape | None:
    """A formula key (keys.formula_key) as a Shape, or None if it is not one of those conditions."""
    head = key[0]
    if head == "Compare" and key[2][0] == "Var" and key[3][0] == "Const":
        if key[1] == "=":
            return Shape("in", (key[2][1],), frozenset({(key[3][1],)}))
        if key[1] == "!=":
            return Shape("out", (key[2][1],), frozenset({(key[3][1],)}))
        return None
    if head == "Member" and key[1][0] == "Var":
        return Shape("in", (key[1][1],), frozenset((c,) for c in key[2]))
    if head == "Not":
        inner = _shape(key[1])
        return inner._replace(test="out") if inner is not None and inner.test == "in" else None
    if head == "And":
        atoms = [_value_atom(x) for x in key[1]]
        if None not in atoms:  # the common case, without a shape per part (same result as below)
            names = tuple(n for n, _ in atoms)
            return Shape("in", names, frozenset({tuple(c for _, c in atoms)})) if len(set(names)) == len(names) \
                else None
        parts = [_shape(x) for x in key[1]]
        if all(p is not None and p.test == "in" and len(p.names) == 1 and len(p.values) == 1 for p in parts):
            names = tuple(p.names[0] for p in parts)
            if len(set(names)) == len(names):
                return Shape("in", names, frozenset({tuple(next(iter(p.values))[0] for p in parts)}))
        return None
    if head == "Or":
        atoms = [_value_atom(x) for x in key[1]]
        if atoms and None not in atoms and all(n == atoms[0][0] for n, _ in atoms):
            return Shape("in", (atoms[0][0],), frozenset((c,) for _, c in atoms))  # as below, without part shapes
        parts = [_shape(x) for x in key[1]]
        if parts and all(p is not None and p.test == "in" and p.names == parts[0].names for p in parts):
            return Shape("in", parts[0].names, frozenset().union(*(p.values for p in parts)))
        return None
    if head == "Implies":
        a, b = _shape(key[1]), _shape(key[2])
        if (a is not None and b is not None and a.test == b.test == "in" and len(a.names) == len(b.names) == 1
                and len(a.values) == 1 and a.names != b.names):
            return Shape("if", (a.names[0], b.names[0]), frozenset(c for (c,) in b.values), next(iter(a.values))[0])
    return None


def _value_atom(key) -> tuple[str, int] | None:
    """(v, c) of the key of `v = c`, else None."""
    if key[0] == "Compare" and key[1] == "=" and key[2][0] == "Var" and key[3][0] == "Const":
        return key[2][1], key[3][1]
    return None


def _point(key) -> tuple | None:
    """A witness key `v = c` or `v1 = c1 and v2 = c2 ...` as ((v, ...), (c, ...)), else None."""
    if key[0] == "Compare":
        if key[1] == "=" and key[2][0] == "Var" and key[3][0] == "Const":
            return (key[2][1],), (key[3][1],)
        return None
    if key[0] == "And":
        parts = [_point(x) for x in key[1]]
        if None in parts or any(len(p[0]) != 1 for p in parts):
            return None
        names = tuple(p[0][0] for p in parts)
        return (names, tuple(p[1][0] for p in parts)) if len(set(names)) == len(names) else None
    return None


def _in_mask(judge: Judge, name: str, codes) -> np.ndarray:
    """np.isin(column, codes) through the column's distinct values (faster for the few values a variable has)."""
    k = ("@distinct", name)
    hit = judge.cache.get(k)
    if hit is None:
        values, inverse = np.unique(judge.solution.space.columns[name], return_inverse=True)
        hit = judge._store(k, (values.tolist(), inverse.reshape(-1)))
    values, inverse = hit
    return np.fromiter((v in codes for v in values), dtype=bool, count=len(values))[inverse]


def _shape_mask(judge: Judge, shape: tuple) -> np.ndarray:
    """Where a `_shape` condition holds, world by world (over all worlds)."""
    sol = judge.solution
    cols = sol.space.columns
    if shape.test == "if":
        x, y = shape.names
        return (cols[x] != shape.head) | _in_mask(judge, y, shape.values)
    names, tuples = shape.names, shape.values
    if len(names) == 1:
        mask = _in_mask(judge, names[0], {c for (c,) in tuples})
    else:
        mask = np.zeros(sol.space.size, dtype=bool)
        for t in tuples:
            one = np.ones(sol.space.size, dtype=bool)
            for n, c in zip(names, t):
                one &= cols[n] == c
            mask |= one
    return mask if shape.test == "in" else ~mask


def _violators(shape: tuple, firsts: dict):
    """The tuples among `firsts` (a stage's live tuples) that break a `_shape` condition."""
    if shape.test == "in":
        return firsts.keys() - shape.values
    if shape.test == "out":
        return firsts.keys() & shape.values
    return [t for t in firsts if t[0] == shape.head and t[1] not in shape.values]


def _entailed_sets(judge: Judge, shape: tuple, stage: int) -> bool:
    live = judge.live(shape.names, stage)
    if shape.test == "in":
        return live <= shape.values
    if shape.test == "out":
        return live.isdisjoint(shape.values)
    return all(y in shape.values for x, y in live if x == shape.head)


def _static_key(key) -> bool:
    """`_static` of the formula of a key written by the extractor (records.py)."""
    head = key[0]
    if head == "Compare" or head == "Member":
        return True
    if head == "Not":
        return _static_key(key[1])
    if head == "And" or head == "Or":
        return all(_static_key(x) for x in key[1])
    if head == "Implies":
        return _static_key(key[1]) and _static_key(key[2])
    return False


def _static(f) -> bool:
    """Whether a formula or term depends only on the world's values (not on what anyone knows or knew)."""
    if isinstance(f, (s.Const, s.Var, s.Bool)):
        return True
    if isinstance(f, (s.Compare, s.Arith, s.Implies, s.Iff)):
        return _static(f.left) and _static(f.right)
    if isinstance(f, (s.And, s.Or)):
        return all(_static(x) for x in f.items)
    if isinstance(f, s.Not):
        return _static(f.body)
    if isinstance(f, s.Neg):
        return _static(f.term)
    if isinstance(f, s.Member):
        return _static(f.term)
    return False


def _pick(sol: Solution, bad: np.ndarray) -> int:
    """Prefer a world that survives longest (it makes the most convincing counterexample)."""
    for st in reversed(sol.stages):
        both = bad & st.mask
        if both.any():
            return int(np.flatnonzero(both)[0])
    return int(np.flatnonzero(bad)[0])


def _z3_world(sol: Solution, f: s.Formula, stage: int, timeout_s: float = Z3_TIMEOUT_S) -> tuple[int | None, str]:
    """The index of a world of the stage where Z3 finds `f` false (or None) and Z3's outcome."""
    try:
        import z3

        from ..certify.counterexample import find_counterexample
    except ImportError:
        return None, "z3 is not installed"
    try:
        result = find_counterexample(sol, stage, f, timeout_s=timeout_s)
    except (EpistemicError, z3.Z3Exception, ValueError, TypeError, KeyError, RecursionError) as exc:
        return None, f"error: {exc}"[:200]
    return (result.index if result.outcome == "counterexample" else None), result.outcome


def world_dict(sol: Solution, index: int, stage: int, source: str = "explicit") -> dict:
    values = {}
    for var in sol.puzzle.variables:
        values[var.name] = value_text(var, int(sol.space.columns[var.name][index]))
    return {"stage": stage, "world": world_label(sol.space, index), "values": values, "source": source}


def first_error(labels: Sequence[int]) -> int:
    return next((i for i, x in enumerate(labels) if x == -1), -1)
