"""The judge's strategies, tried in order: the first that handles a claim gives its verdict.

- Arithmetic: "4 + 13 = 17" is true or false whatever the stage, checked with integers.
- Primality: "both 2 and 51 are prime" likewise.
- Speaker: "Q says “Now I know the card”" is true when Q made that statement, whatever the stage.
- Survives: "May stays", "9 survives S's statement": the value is possible at the stage.
- RemainingCount: "9 cards remain", "还剩3张", from the number of answers still possible at each stage.
- CountChain: "10 → 5 → 3 → 1", the count at every stage at once (chains.py).
- UniqueSplit: "54 = 2 × 27 is the only factorization", from the pairs of the puzzle's domain.
- Credit: "Q's statement rules out spades and clubs": possible before that statement, gone after it.
- ValueSets: claims about values only ("the date is July 16 or August 15", "not May", "A: hearts and
  diamonds") from the live tuples of each stage.
- KnowledgeTables: "P knows the card", "Q knows that P does not know", hypotheticals, from per-stage
  knowledge masks (knowledge.py) made from the claim's key without building formulas.
- FormulaFallback: everything else (inline formulas, groups, common knowledge) through the model checker.

Each strategy's `verdict(judge, record, lex, window)` returns a Verdict, None (the claim cannot be
judged: an empty model, a formula the engine refuses), or NOT_HANDLED. Only the project's own
exceptions are caught on the way: a bug in a strategy fails loudly.
"""
from __future__ import annotations

from ..language import syntax as s
from ..language.printer import formula_source
from .align import statement_parts
from .chains import chain_text
from .keys import formula_key, term_of  # noqa: F401  (formula_key re-exported for strategy authors)
from dataclasses import replace

import numpy as np

from .primes import is_prime, smallest_factor
from .records import EXACT, credit_part, formula_of

from .verdicts import ENTAILED, FALSE, NOT_HANDLED, PREMATURE, Verdict, Window


def _decided(name: str, holds: bool, stage: int, text: str, why: str) -> Verdict:
    """A claim that is simply true or false (no later stage can make it hold): entailed, or false with `why`."""
    if holds:
        return Verdict(ENTAILED, stage, text, strategy=name)
    return Verdict(FALSE, stage, text, counterexample={"stage": stage, "explanation": why}, strategy=name)


def speaker_text(key) -> str:
    """How a `speaker` claim is shown: "P made statement 1"."""
    return f"{key.formula[1]} made statement {' or '.join(map(str, key.formula[2]))}"


def survivor_text(lex, key) -> str:
    """How a `possible` claim is shown: "month = May still possible", "x = 2 and y = 15 still possible",
    "x + y = 51 still possible"."""
    if key.formula[0] == "PossibleTerm":
        return f"{formula_source(_term_value(key), lex.puzzle)} still possible"
    return f"{' and '.join(lex.show_value(var, code) for var, code in _survivor(key))} still possible"


def _term_value(key) -> s.Formula:
    """`term = value` of a `possible` claim about an observed term ("51 stays" under the sums)."""
    _, term, value = key.formula
    return s.Compare("=", term_of(term), s.Const(value))


def _survivor(key) -> tuple[tuple[str, int], ...]:
    """The (variable, value) pairs of a `possible` claim: one value ("May stays") or a tuple ("(2, 15) survives")."""
    f = key.formula
    return ((f[1], f[2]),) if len(f) == 3 else f[1]


class Arithmetic:
    name = "arithmetic"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "arithmetic":
            return NOT_HANDLED
        _, _, left, right = record.key.formula
        a, b = _value(left), _value(right)
        return _decided(self.name, a == b, window.stage, f"{_text(left)} = {_text(right)}",
                        f"{_text(left)} = {a} and {_text(right)} = {b}")


def prime_text(key) -> str:
    """How a `prime` claim is shown: "51 is prime", "9 is not prime"."""
    numbers, prime = key.formula[1], key.formula[2]
    return f"{' and '.join(map(str, numbers))} {'is' if len(numbers) == 1 else 'are'}{'' if prime else ' not'} prime"


class Primality:
    """ "both 2 and 51 are prime", "91 is not prime": true or false whatever the stage (claims.py reads it)."""

    name = "primality"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "prime":
            return NOT_HANDLED
        _, numbers, prime = record.key.formula
        wrong = [n for n in numbers if is_prime(n) != prime]
        why = ", ".join(f"{n} is prime" if is_prime(n) else _factored(n) for n in wrong)
        return _decided(self.name, not wrong, window.stage, prime_text(record.key), why)


def _factored(n: int) -> str:
    """ "51 = 3 × 17" (or "1 is not prime")."""
    d = smallest_factor(n)
    return f"{n} = {d} × {n // d}" if d else f"{n} is not prime"


class Speaker:
    """Who made a statement: checked against the puzzle's announcements (speakers.py reads the claim)."""

    name = "speaker"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "speaker":
            return NOT_HANDLED
        _, agent, ks = record.key.formula
        made = [a.speaker for a in lex.puzzle.announcements]
        return _decided(self.name, any(made[k - 1] == agent for k in ks), window.stage, speaker_text(record.key),
                        f"statement {ks[0]} was made by {made[ks[0] - 1]}, not {agent}")


class Survives:
    """ "May stays", "9 survives S's statement": the value is still possible in some live world of the stage."""

    name = "survives"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "possible":
            return NOT_HANDLED
        if record.key.formula[0] == "PossibleTerm":  # "51 stays": some live world of the stage has that sum
            f, stage = _term_value(record.key), window.stage
            return _decided(self.name, judge.possible(f, stage), stage, f"at stage {stage}: {survivor_text(lex, record.key)}",
                            f"no world of stage {stage} has {formula_source(f, lex.puzzle)}")
        pairs = _survivor(record.key)
        names, codes = tuple(v for v, _ in pairs), tuple(c for _, c in pairs)
        stage = window.stage  # "survives" says what is left after the statement: the stage itself, never the one before
        shown = " and ".join(lex.show_value(v, c) for v, c in pairs)
        return _decided(self.name, codes in judge.live(names, stage), stage,
                        f"at stage {stage}: {survivor_text(lex, record.key)}", f"no world of stage {stage} has {shown}")


class RemainingCount:
    """ "9 cards remain": the number of answers (values of the question's terms) still possible at a stage."""

    name = "remaining count"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "count":
            return NOT_HANDLED
        names = lex.question_vars
        if judge.solution.space.size == 0:
            return None
        n = record.key.formula[1]

        def count(j: int) -> int:  # (a question that is no tuple of variables, "is a + b odd?": worlds are counted)
            return len(judge.live(names, j)) if names else judge.solution.stages[j].count

        def matches(j: int) -> bool:  # "还剩1747种" may count worlds rather than answers: either reading holds
            return count(j) == n or judge.solution.stages[j].count == n

        stage = window.stage
        back = stage if record.past else (min(1, stage) if window.fresh and len(record.key.formula) < 3 else 0)
        # (("Remaining", n, "still"): "还是剩六种", "still six left", the count after the statement in hand, not the one
        # before it)
        if any(matches(stage - b) for b in range(back + 1)):
            return Verdict(ENTAILED, stage, f"at stage {stage}: {n} remain", strategy=self.name)
        for j in range(stage + 1, window.reached + 1):
            if matches(j):
                return Verdict(ENTAILED, j, f"at stage {j}: {n} remain", strategy=self.name)
        later = next((j for j in range(window.reached + 1, judge.last + 1) if matches(j)), None)
        earlier = next((j for j in range(stage - back - 1, -1, -1) if matches(j)), None)
        return Verdict(PREMATURE if later is not None else FALSE, stage, f"at stage {stage}: {n} remain", 0, later,
                       {"stage": stage, "explanation": f"{count(stage)} possible answers remain at stage {stage}, "
                                                       f"not {n}"}, self.name, earlier)


class CountChain:
    """ "10 → 5 → 3 → 1": the count before any statement, then after each one (chains.py). Counts are of answers (values
    of the question's terms) or of worlds, whichever the first number is; a chain that skips the statements that
    remove nothing is read as such, and one that stops before the last statement holds for the stages it gives. A
    first number that is neither count is no chain of this puzzle (not judged)."""

    name = "count chain"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "count chain":
            return NOT_HANDLED
        if judge.solution.space.size == 0:
            return None
        numbers = record.key.formula[1]
        stages = range(judge.last + 1)
        bases = [tuple(judge.solution.stages[j].count for j in stages)]
        if lex.question_vars:
            bases.insert(0, tuple(len(judge.live(lex.question_vars, j)) for j in stages))
        bases = [b for b in bases if b[0] == numbers[0]]
        if not bases:
            return None
        shown = chain_text(record.key)
        if any(numbers in (b, _collapsed(b), b[:len(numbers)], _collapsed(b)[:len(numbers)]) for b in bases):
            return Verdict(ENTAILED, window.stage, shown, strategy=self.name)  # (or its first stages: "每一个“我不知道”
            # 都把可能情况减半：32→16→8→4→2", then "最后第五位说“是的”，只剩1种")
        if len(numbers) > len(bases[0]):
            return None  # longer than the dialogue: a chain of something else
        true = " → ".join(map(str, bases[0]))
        return Verdict(FALSE, window.stage, shown, counterexample={"stage": window.stage,
                                                                   "explanation": f"the stage counts are {true}"},
                       strategy=self.name)


def _collapsed(counts: tuple[int, ...]) -> tuple[int, ...]:
    """The counts without the repeats of statements that remove nothing (16 → 16 → 4 → 1 → 1 as 16 → 4 → 1)."""
    return tuple(c for n, c in enumerate(counts) if n == 0 or c != counts[n - 1])


class UniqueSplit:
    """ "54 = 2 × 27 is the only factorization": exactly that pair of the puzzle's domain (the worlds before any
    announcement) has that product or sum (splits.py reads the claim)."""

    name = "unique split"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "split":
            return NOT_HANDLED
        _, (_, _, (_, op, (_, x), (_, y)), (_, n)), _ = record.key.formula
        pairs = sorted((p, q) for p, q in judge.live((x, y), 0) if (p * q if op == "*" else p + q) == n)
        said = _split_pairs(record.key.witnesses[0])
        shown = f"{x} {op} {y} = {n} only for ({x}, {y}) = {' or '.join(f'({p}, {q})' for p, q in said)}"
        found = ", ".join(f"({p}, {q})" for p, q in pairs) or "none"
        return _decided(self.name, len(pairs) == 1 and pairs[0] in said, window.stage, f"before any announcement: {shown}",
                        f"the pairs of the puzzle with {x} {op} {y} = {n}: {found}")


def singletons_text(lex, key) -> str:
    """How a `singletons` claim is shown: "only day = 18 occurs once", "day = 18, day = 19 occur once"."""
    _, var, codes, exact = key.formula
    shown = ", ".join(lex.show_value(var, c) for c in codes)
    return f"{'only ' if exact else ''}{shown} {'occurs' if len(codes) == 1 else 'occur'} once"


class Singletons:
    """ "the only day that appears once is 18": those values of the variable (all of them, when `exact`) are the ones
    with a single candidate answer, at some stage the text can be talking about — any stage up to the one the trace
    has reached, since traces count them on the puzzle's list as often as on what is left (singletons.py reads it).
    False only when no such stage has them."""

    name = "singletons"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "singletons":
            return NOT_HANDLED
        _, var, codes, exact = record.key.formula
        names = lex.question_vars
        if var not in names or judge.solution.space.size == 0:
            return None
        i = names.index(var)

        def once(j: int) -> set:
            counts: dict = {}
            for t in judge.live(names, j):
                counts[t[i]] = counts.get(t[i], 0) + 1
            return {c for c, n in counts.items() if n == 1}

        said = set(codes)
        holds = [j for j in range(window.reached + 1) if (said == once(j) if exact else said <= once(j))]
        text = f"at stage {window.stage}: {singletons_text(lex, record.key)}"
        if holds:
            return Verdict(ENTAILED, holds[-1], text, strategy=self.name)
        seen = ", ".join(lex.show_value(var, c) for c in sorted(once(window.stage))) or "none"
        return Verdict(FALSE, window.stage, text, counterexample={
            "stage": window.stage, "explanation": f"the values with one candidate at stage {window.stage}: {seen}"},
            strategy=self.name)


def credit_text(judge, lex, key) -> str:
    """How a `credit` claim is shown: "statement 2 rules out suit in {spades, clubs}"."""
    ks, ykey = key.formula[1], key.formula[2]
    ruled_out = "nothing" if ykey is None else judge.source(formula_of(lex, ykey))
    part = f" (its clause {judge.source(_part(lex, key.formula))} alone)" if credit_part(key.formula) is not None \
        else ""
    only = " and nothing else" if key.formula[-1] == EXACT else ""
    return f"statement {' or '.join(map(str, ks))}{part} rules out {ruled_out}{only}"


def _part(lex, f: tuple) -> s.Formula:
    """The clause of the credited statement a part credit names: `("Credit", ks, Y, i)` -> clause i of ks[0]."""
    return statement_parts(lex.puzzle.announcements[f[1][0] - 1].said)[f[3]]


class Credit:
    """ "Q's statement rules out spades and clubs", "被P的第一句话排除了": the values were still possible before
    statement k and are gone after it (anchors.py reads the claim; of a speaker's several statements, any one may
    be meant). Gone before it is another statement's work."""

    name = "credit"

    def verdict(self, judge, record, lex, window: Window):
        if record.kind != "credit":
            return NOT_HANDLED
        if judge.solution.space.size == 0:
            return None
        ks, ykey = record.key.formula[1], record.key.formula[2]
        stages = judge.solution.stages
        if ykey is None and credit_part(record.key.formula) is not None:  # one clause of it removes nothing: it
            k = ks[0]  # holds in every world of stage k - 1
            text = f"at stage {k}: {credit_text(judge, lex, record.key)}"
            fails = stages[k - 1].mask & ~judge.mask(_part(lex, record.key.formula), k - 1)
            return _decided(self.name, not np.any(fails), k, text,
                            f"the clause fails in {int(np.count_nonzero(fails))} worlds of stage {k - 1}")
        if ykey is None:  # "the second silence adds no information": no world is removed
            text = f"at stage {ks[0]}: {credit_text(judge, lex, record.key)}"
            same = [j for j in ks if stages[j].count == stages[j - 1].count]
            return _decided(self.name, bool(same), ks[0], text,
                            f"statement {ks[0]} leaves {stages[ks[0]].count} of {stages[ks[0] - 1].count} worlds")
        f = formula_of(lex, ykey)

        def live(j: int) -> bool:
            return bool(np.any(judge.mask(f, j) & stages[j].mask))

        k = ks[0]
        text = f"at stage {k}: {credit_text(judge, lex, record.key)}"
        part = credit_part(record.key.formula)
        if part is not None and live(k - 1):  # one clause alone: gone where the clause fails at k - 1
            kept = judge.mask(f, k - 1) & stages[k - 1].mask & judge.mask(_part(lex, record.key.formula), k - 1)
            if not np.any(kept):
                return Verdict(ENTAILED, k, text, strategy=self.name)
            why = "the clause holds in a world of stage {} that still has it".format(k - 1) + (
                f"; the rest of statement {k} rules it out" if not live(k) else "")
            return Verdict(FALSE, k, text, counterexample={"stage": k - 1, "explanation": why}, strategy=self.name)
        gone = _gone_before(judge, lex, ykey, ks) if part is None and ykey[0] == "Or" else None
        if gone is not None:  # "♥A、♥Q、♥4 都是被Q最后一句排除的": ♥A had gone with the statement before
            why = f"{judge.keyed_source(formula_of(lex, gone), gone, 0)} was gone before statement {k}"
            return Verdict(FALSE, k, text, counterexample={"stage": k - 1, "explanation": why}, strategy=self.name)
        done = [j for j in ks if live(j - 1) and not live(j)]
        if done and record.key.formula[-1] == EXACT and part is None:
            # "removes June 18 and May 19 and nothing else": every world statement j removes has them
            more = [j for j in done if np.any(stages[j - 1].mask & ~stages[j].mask & ~judge.mask(f, j - 1))]
            if len(more) == len(done):
                j = more[0]
                why = (f"statement {j} removes {stages[j - 1].count - stages[j].count} worlds of stage {j - 1}, "
                       f"some without it")
                return Verdict(FALSE, j, text, counterexample={"stage": j - 1, "explanation": why},
                               strategy=self.name)
        if done:
            return Verdict(ENTAILED, k, text, strategy=self.name)
        if part is not None and _rules_out_then(judge, f, _part(lex, record.key.formula), k):
            return Verdict(ENTAILED, k, text, strategy=self.name)
        if not live(k - 1):
            done = next((j for j in range(k - 1, 0, -1) if live(j - 1)), None)
            why = f"no world of stage {k - 1} has it: " + (f"statement {done} ruled it out" if done else
                                                           "no world ever had it")
            return Verdict(FALSE, k, text, counterexample={"stage": k - 1, "explanation": why}, strategy=self.name)
        later = next((j for j in range(k + 1, judge.last + 1) if not live(j)), None)
        why = f"some world of stage {k} still has it" + (f"; statement {later} rules it out" if later else "")
        return Verdict(PREMATURE if later is not None else FALSE, k, text, 0, later, {"stage": k, "explanation": why},
                       self.name)


def _gone_before(judge, lex, ykey: tuple, ks: tuple) -> tuple | None:
    """Of the values a credit lists (`ykey` a disjunction), the first already gone before each statement it may
    credit, when some other one is still there: the list is not all that statement's work."""
    if not all(_point_key(item) for item in ykey[1]):
        return None  # (classes, "every triple with a repeated number", go as a whole: no item is a value listed)
    stages = judge.solution.stages
    dead = [item for item in ykey[1] if not any(
        np.any(judge.mask(formula_of(lex, item), j - 1) & stages[j - 1].mask) for j in ks)]
    return dead[0] if dead and len(dead) < len(ykey[1]) else None


def _point_key(key: tuple) -> bool:
    """Whether a key names values outright: "v = c", or a conjunction of such ("suit = hearts and rank = A")."""
    parts = key[1] if key[0] == "And" else (key,)
    return all(p[0] == "Compare" and p[1] == "=" and p[2][0] == "Var" and p[3][0] == "Const" for p in parts)


def _rules_out_then(judge, f: s.Formula, part: s.Formula, k: int) -> bool:
    """Whether a clause about an earlier stage ("At first I didn't know") rules `f` out there, though an earlier
    statement already had: true of the clause, which the trace may say while noting the values are gone."""
    if not isinstance(part, s.Past):
        return False
    e = 0 if part.back is None else k - 1 - part.back
    if e < 0:
        return False
    stage = judge.solution.stages[e].mask
    had = judge.mask(f, e) & stage
    return bool(np.any(had)) and not np.any(had & judge.mask(part.body, e))


def _split_pairs(key: tuple) -> list[tuple[int, int]]:
    """The (x, y) pairs of a key `x = p and y = q` or a disjunction of such keys."""
    items = key[1] if key[0] == "Or" else (key,)
    return [(a[3][1], b[3][1]) for a, b in (item[1] for item in items)]


def _value(key: tuple) -> int:
    """The value of a term key of integer constants (arithmetic claims)."""
    if key[0] == "Const":
        return key[1]
    _, op, left, right = key
    a, b = _value(left), _value(right)
    return a + b if op == "+" else a - b if op == "-" else a * b


def _text(key: tuple) -> str:
    return str(key[1]) if key[0] == "Const" else f"{_text(key[2])} {key[1]} {_text(key[3])}"


def _moved(verdict, window: Window, moved: Window):
    """A hypothetical judged at an earlier stage (its antecedent ruled out since) is false there, or true:
    it cannot be "premature", since later stages only hold it vacuously."""
    if moved != window and verdict is not None and verdict is not NOT_HANDLED and verdict.verdict == PREMATURE:
        return replace(verdict, verdict=FALSE, holds_at=None)
    return verdict


class ValueSets:
    name = "value sets"

    def verdict(self, judge, record, lex, window: Window):
        if record.made is not None:
            return NOT_HANDLED
        shape = judge.shape(record.key.formula)
        if shape is None:
            return NOT_HANDLED
        moved = judge.window_for(record, lex, window)
        return _moved(judge.judge_sets(record, lex, shape, moved), window, moved)


class KnowledgeTables:
    name = "knowledge tables"

    def verdict(self, judge, record, lex, window: Window):
        if record.made is not None:
            return NOT_HANDLED
        moved = judge.window_for(record, lex, window)
        return _moved(judge.judge_keys(record, lex, moved), window, moved)


class FormulaFallback:
    name = "formula"

    def verdict(self, judge, record, lex, window: Window):
        key = record.key.formula if record.made is None else None
        moved = judge.window_for(record, lex, window)
        return _moved(judge._judge(record.claim(lex), moved, key), window, moved)


STRATEGIES = (Arithmetic(), Primality(), Speaker(), Survives(), RemainingCount(), CountChain(), UniqueSplit(), Credit(), Singletons(),
              ValueSets(), KnowledgeTables(), FormulaFallback())
