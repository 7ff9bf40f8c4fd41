"""Rule-based claim extraction: sentences of a step -> formulas over the puzzle's own vocabulary.

Claim kinds: candidates ("the rank is A, Q, 4 or 5": the exact set of remaining values, so each
listed value must still be possible), exclusion ("cannot be spades"), knowledge ("Q knows P does
not know"), hypothetical ("if the rank were K, P would know"), conditional ("A: hearts and
diamonds" = rank A implies suit in {hearts, diamonds}), answer (the final answer), formula (an
inline `formula` in puzzle syntax).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ..errors import EpistemicError
from ..language import syntax as s
from .lexicon import Lexicon, Token, build_lexicon

_QUOTES = re.compile(r"“[^”\n]{0,400}”|\"[^\"\n]{0,400}\"|「[^」\n]{0,400}」|『[^』\n]{0,400}』")
_CODE = re.compile(r"`([^`\n]{1,400})`")
# A sentence runs to a run of 。！？!? or newlines, to a '.' before a space or the end (not after Mr, Mrs,
# Ms, Dr or a one-letter abbreviation like "e.g."), or to the end. Written greedily: the runs between
# full stops are matched in one step each, instead of trying every ending at every character.
_SENTENCE = re.compile(r"[^。！？!?\n](?:[^。！？!?\n.]+|\.(?!\s|$)|(?<=Mr|Ms|Dr)\.|(?<=Mrs)\.|(?<=[ .][a-z])\.)*"
                       r"(?:[。！？!?\n]+|\.|$)")
_TUPLE_GAP = re.compile(r"\s*(?:of|的|-|/)?\s*")
_PAIR = re.compile(r"\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)")
MAX_SENTENCE = 2000
_ANSWER_WORDS = re.compile(r"最终答案|答案|final answer|answer", re.IGNORECASE)


@dataclass(frozen=True)
class Claim:
    """One checkable statement of a step: a formula that must hold in every remaining world, and
    witnesses that must each hold in some remaining world (for exact candidate sets)."""

    kind: str
    formula: s.Formula
    witnesses: tuple[s.Formula, ...] = ()
    text: str = ""
    start: int = 0
    end: int = 0
    past: bool = False
    answer: tuple[tuple[int, ...], ...] | None = None


@dataclass
class _State:
    """What carries from clause to clause inside one sentence (mutable, local to a sentence)."""

    subject: str | None = None
    past: bool = False


@dataclass(frozen=True, eq=False)
class ClaimMemo:
    """One puzzle's memo (see AuditContext): sentence -> its claims, inline formula -> its parse.

    Claims depend only on the sentence text and whether an answer cue came before it, so a sentence
    seen in any earlier trace of the puzzle costs one dict lookup. Each memo is cleared when it
    reaches `limit` entries, so memory stays bounded however many traces go through.
    """

    sentences: dict = field(default_factory=dict)
    formulas: dict = field(default_factory=dict)
    limit: int = 50_000

    def remember(self, table: dict, key, value) -> None:
        if len(table) >= self.limit:
            table.clear()
        table[key] = value


# A claim's key: its formula, witnesses and past flag as nested tuples of names and numbers. Equal keys
# mean equal verdicts, and a flat tuple hashes far faster than a tree of frozen dataclasses (which
# rehash every node on every lookup), so verdicts are cached by key across traces.
ClaimKey = tuple
_FIELDS: dict[type, tuple[str, ...]] = {}


def formula_key(x) -> object:
    """A formula (or term, or tuple of them) as nested tuples: equal keys exactly when the formulas are equal."""
    t = type(x)
    if t is s.Compare:  # the common shapes first, without reflection (same keys as the general case)
        left, right = x.left, x.right
        return ("Compare", x.op, ("Var", left.name) if type(left) is s.Var else formula_key(left),
                ("Const", right.value) if type(right) is s.Const else formula_key(right))
    if t is s.And or t is s.Or:
        return (t.__name__, tuple([formula_key(y) for y in x.items]))
    if t is s.Not:
        return ("Not", formula_key(x.body))
    if t is s.Implies:
        return ("Implies", formula_key(x.left), formula_key(x.right))
    if t is s.Member and type(x.term) is s.Var and all(type(v) is int for v in x.values):
        return ("Member", ("Var", x.term.name), x.values)
    if t is s.Knows and all(type(a) is str for a in x.agents):
        return ("Knows", x.kind, x.agents, x.mode, formula_key(x.body))
    if t is s.Var:
        return ("Var", x.name)
    if t is int or t is str:
        return x
    if t is tuple:
        return tuple([formula_key(y) for y in x])
    names = _FIELDS.get(t)
    if names is None:
        if not dataclasses.is_dataclass(t):
            return x
        names = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(t))
    if t is s.Compare:
        return ("Compare", x.op, formula_key(x.left), formula_key(x.right))
    if t is s.Var:
        return ("Var", x.name)
    if t is s.Const:
        return ("Const", x.value)
    return (t.__name__, *[formula_key(getattr(x, n)) for n in names])


def claim_key(c: Claim) -> ClaimKey:
    return (formula_key(c.formula), formula_key(c.witnesses) if c.witnesses else (), c.past)


def extract_claims_rule_based(puzzle: s.Puzzle, step_text: str, lexicon: Lexicon | None = None,
                              answer_step: bool = False, memo: ClaimMemo | None = None) -> list[Claim]:
    """All claims of one step, in text order. `answer_step`: the step states the final answer."""
    lex = lexicon or build_lexicon(puzzle)
    return [c for c, _ in extract_keyed(lex, step_text, answer_step, memo or ClaimMemo())]


def extract_keyed(lex: Lexicon, step_text: str, answer_step: bool, memo: ClaimMemo) -> list[tuple[Claim, ClaimKey]]:
    """The claims of one step with their keys, in text order, reusing `memo`."""
    out: list[tuple[Claim, ClaimKey]] = []
    text = step_text
    if "`" in text:
        for m in _CODE.finditer(text):
            cue = answer_step or bool(_ANSWER_WORDS.search(text[:m.start()]))
            key = ("code", m.group(1), cue)
            hit = memo.formulas.get(key)
            if hit is None:
                hit = tuple((c, claim_key(c)) for c in _code_claim(lex.puzzle, m.group(1), cue))
                memo.remember(memo.formulas, key, hit)
            out.extend((_moved(c, m.start()), k) for c, k in hit)
        text = _CODE.sub(_blank, text)
    text = _QUOTES.sub(_blank, text)
    answer_cue = answer_step
    sentences = memo.sentences
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        if len(sentence) > MAX_SENTENCE or not sentence.strip():
            continue
        key = (sentence, answer_cue)
        hit = sentences.get(key)
        if hit is None:
            raw = lex.scan(sentence)
            kinds = {t.kind for t in raw}
            cue = answer_cue or "answer" in kinds
            # Every claim needs a value, a number, a pair or an agent (as a subject); many sentences have none.
            wanted = kinds & _CONTENT or "(" in sentence
            found = _sentence_claims(lex, _tokens(lex, sentence, raw), sentence, cue) if wanted else ()
            hit = (tuple((c, claim_key(c)) for c in found), cue)
            memo.remember(sentences, key, hit)
        claims, answer_cue = hit
        at = m.start()
        out.extend((_moved(c, at), k) for c, k in claims)
    out.sort(key=lambda ck: ck[0].start)
    return out


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def _moved(c: Claim, offset: int) -> Claim:
    if offset == 0:
        return c
    return Claim(c.kind, c.formula, c.witnesses, c.text, c.start + offset, c.end + offset, c.past, c.answer)


def _code_claim(puzzle: s.Puzzle, source: str, answer_cue: bool) -> list[Claim]:
    """An inline formula as a claim, with offsets relative to the formula's backtick."""
    from ..language.elaborate import parse_claim

    try:
        formula, _stage = parse_claim(source, puzzle)
    except (EpistemicError, RecursionError, ValueError, TypeError, KeyError):
        return []
    q = puzzle.question
    end = len(source) + 2
    if (answer_cue and q is not None and len(q.terms) == 1 and isinstance(formula, s.Compare)
            and formula.op == "=" and formula.left == q.terms[0] and isinstance(formula.right, s.Const)):
        return [Claim("answer", formula, (formula,), source, 0, end, False, ((formula.right.value,),))]
    return [Claim("formula", formula, (), source, 0, end)]


# ---------------------------------------------------------------- tokens


_CONTENT = frozenset({"value", "number", "ambig", "agent"})


def _tokens(lex: Lexicon, sentence: str, raw: list[Token] | None = None) -> list[Token]:
    """Scanned tokens, resolved: ambiguous words, numbers as values, pairs and adjacent values as tuples."""
    raw = lex.scan(sentence) if raw is None else raw
    pairs = _pairs(lex, sentence) if "(" in sentence else None
    if pairs:
        raw = [t for t in raw if not any(a <= t.start < b for a, b, _ in pairs)]
        raw += [Token("tuple", codes, a, b, sentence[a:b]) for a, b, codes in pairs]
        raw.sort(key=lambda t: t.start)
    tv = lex.tuple_vars if len(lex.tuple_vars) == 2 else None
    out: list[Token] = []
    last_attr: str | None = None
    for i, t in enumerate(raw):
        kind = t.kind
        if kind == "attr":
            last_attr = t.payload
        elif kind == "ambig":
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            agentish = nxt is not None and nxt.kind in ("know", "notknow", "says", "modal") and nxt.start - t.end <= 3
            agentish = agentish or sentence[t.end:t.end + 2] in ("'s", "’s")
            meanings = dict(t.payload)
            t = Token("agent", meanings["agent"], t.start, t.end, t.text) if agentish and "agent" in meanings else \
                Token("value", meanings.get("value", next(iter(meanings.values()))), t.start, t.end, t.text)
            kind = t.kind
        elif kind == "number":
            var = _numeric_var(lex, t.payload, last_attr)
            if var is None:
                continue
            t = Token("value", (var, t.payload), t.start, t.end, t.text)
            kind = "value"
        if kind == "value" and tv is not None and out and out[-1].kind == "value":
            merged = _merged(out[-1], t, tv, sentence)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(t)
    return out


def _numeric_var(lex: Lexicon, number: int, last_attr: str | None) -> str | None:
    if last_attr in lex.codes and number in lex.codes[last_attr]:
        return last_attr
    owners = [v for v in lex.numeric if number in lex.codes[v]]
    return owners[0] if len(owners) == 1 else None


def _pairs(lex: Lexicon, sentence: str) -> list[tuple[int, int, dict]]:
    q = lex.question_vars
    if len(q) != 2 or not all(v in lex.numeric for v in q):
        return []
    out = []
    for m in _PAIR.finditer(sentence):
        a, b = int(m.group(1)), int(m.group(2))
        if a in lex.codes[q[0]] and b in lex.codes[q[1]]:
            out.append((m.start(), m.end(), {q[0]: a, q[1]: b}))
    return out


def _merged(t: Token, u: Token, tv: tuple[str, str], sentence: str) -> Token | None:
    """`方块5`, `5 of diamonds`, `♦5`, `July 16`: adjacent values of the tuple's variables form one value."""
    (va, ca), (vb, cb) = t.payload, u.payload
    if va != vb and va in tv and vb in tv and _TUPLE_GAP.fullmatch(sentence, t.end, u.start):
        return Token("tuple", {va: ca, vb: cb}, t.start, u.end, sentence[t.start:u.end])
    return None


def _clauses(toks: list[Token]) -> list[list[Token]]:
    """Split at separators, except commas inside a list of values of one variable."""
    out: list[list[Token]] = [[]]
    for i, t in enumerate(toks):
        if t.kind == "sep":
            prev = out[-1][-1] if out[-1] else None
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if t.text in (":", "：") and len(out[-1]) == 1 and prev.kind == "value":
                continue
            if t.text in (",", "，") and prev is not None and nxt is not None and _same_kind(prev, nxt):
                continue
            out.append([])
            continue
        out[-1].append(t)
    return [c for c in out if c]


def _same_kind(a: Token, b: Token) -> bool:
    if a.kind == "tuple" and b.kind == "tuple":
        return True
    return a.kind == b.kind == "value" and a.payload[0] == b.payload[0]


# ---------------------------------------------------------------- formulas


def _value_formula(lex: Lexicon, var: str, code: int) -> s.Formula:
    """`var = code`, made once per puzzle (the vocabulary is finite; frozen formulas are slow to build)."""
    f = lex.atoms.get((var, code))
    if f is None:
        f = lex.atoms[(var, code)] = s.Compare("=", s.Var(var), s.Const(code))
    return f


def _tuple_formula(lex: Lexicon, codes: dict) -> s.Formula:
    key = tuple(codes.items())
    f = lex.atoms.get(key)
    if f is None:
        items = tuple(_value_formula(lex, v, codes[v]) for v in sorted(codes, key=lambda v: _order(lex, v)))
        f = lex.atoms[key] = items[0] if len(items) == 1 else s.And(items)
    return f


def _order(lex: Lexicon, var: str) -> int:
    return lex.order.get(var, len(lex.order))


def _set_formula(lex: Lexicon, var: str, codes: list[int]) -> s.Formula:
    return _value_formula(lex, var, codes[0]) if len(codes) == 1 else s.Member(s.Var(var), tuple(sorted(codes)))


def _dedupe(items):
    seen = []
    for x in items:
        if x not in seen:
            seen.append(x)
    return seen


def _values_by_var(toks: list[Token]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for t in toks:
        if t.kind == "value":
            out.setdefault(t.payload[0], [])
            if t.payload[1] not in out[t.payload[0]]:
                out[t.payload[0]].append(t.payload[1])
    return out


def _constraint(lex: Lexicon, toks: list[Token]) -> s.Formula | None:
    """What a stretch of tokens says about values, as an inclusion (no witnesses): used in hypotheticals."""
    parts: list[s.Formula] = []
    tuples = _dedupe([t.payload for t in toks if t.kind == "tuple"])
    neg_at = next((t.start for t in toks if t.kind == "neg"), None)
    if tuples:
        fs = [_tuple_formula(lex, c) for c in tuples]
        parts.append(fs[0] if len(fs) == 1 else s.Or(tuple(fs)))
    for var, codes in _values_by_var(toks).items():
        first = next(t.start for t in toks if t.kind == "value" and t.payload[0] == var)
        f = _set_formula(lex, var, codes)
        parts.append(s.Not(f) if neg_at is not None and neg_at < first else f)
    return _conj(parts)


def _conj(parts: list[s.Formula]) -> s.Formula | None:
    flat: list[s.Formula] = []
    for p in parts:
        for q in (p.items if isinstance(p, s.And) else (p,)):
            if q not in flat:
                flat.append(q)
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else s.And(tuple(flat))


def _question_terms(lex: Lexicon) -> tuple[s.Term, ...] | None:
    q = lex.puzzle.question
    return q.terms if q is not None else None


def _knowledge(lex: Lexicon, toks: list[Token], i: int, subject: str | None) -> s.Formula | None:
    """The knowledge formula of `subject knows/does not know [object]` starting at toks[i]."""
    rest = toks[i + 1:]
    inner = None
    for j, t in enumerate(rest):
        if t.kind in ("agent", "he") and j + 1 < len(rest):
            k = next((j + 1 + n for n, u in enumerate(rest[j + 1:j + 4]) if u.kind in ("know", "notknow")), None)
            if k is not None and t.kind == "agent":
                inner = _knowledge(lex, rest, k, t.payload)
                break
    if inner is not None:
        body: s.Formula | None = s.Knows("agent", (subject,), "that", inner)
    else:
        body = None
        obj = next((t for t in rest if t.kind in ("attr", "value", "tuple")), None)
        if obj is not None and obj.kind == "attr":
            if obj.payload == "@question":
                body = s.Knows("agent", (subject,), "value", _question_terms(lex))
            else:
                body = s.Knows("agent", (subject,), "value", (s.Var(obj.payload),))
        elif obj is not None:
            cons = _constraint(lex, rest)
            if cons is not None:
                body = s.Knows("agent", (subject,), "that", cons)
        if body is None and _question_terms(lex):
            body = s.Knows("agent", (subject,), "value", _question_terms(lex))
    if body is None:
        return None
    return s.Not(body) if toks[i].kind == "notknow" else body


def _sentence_claims(lex: Lexicon, toks: list[Token], sentence: str, answer_cue: bool) -> list[Claim]:
    state = _State()
    claims: list[Claim] = []
    if_at = next((n for n, t in enumerate(toks) if t.kind == "if"), None)
    head = toks if if_at is None else toks[:if_at]
    for clause in _clauses(head):
        claims.extend(_clause_claims(lex, clause, sentence, state, answer_cue, if_at is not None))
    if if_at is not None:
        claims.extend(_hypothetical(lex, toks[if_at:], sentence, state))
    return claims


def _span(clause: list[Token], sentence: str) -> tuple[int, int, str]:
    a, b = clause[0].start, clause[-1].end
    return a, b, sentence.strip()


def _clause_claims(lex, clause, sentence, state: _State, answer_cue: bool, has_if: bool) -> list[Claim]:
    kinds = [t.kind for t in clause]
    if "now" in kinds:
        state.past = False
    if "past" in kinds:
        state.past = True
    if "because" in kinds:
        _note_subject(clause, state)
        return []
    a, b, text = _span(clause, sentence)
    know = next((n for n, t in enumerate(clause) if t.kind in ("know", "notknow")), None)
    if know is not None:
        before = clause[:know]
        if any(t.kind == "we" for t in before):
            state.past = True
            clause = clause[know + 1:]
        else:
            subject = next((t.payload for t in reversed(before) if t.kind == "agent"), None) or state.subject
            if subject is None:
                return []
            if any(t.kind == "modal" for t in before) and not has_if:
                _note_subject(clause, state)
                return []
            f = _knowledge(lex, clause, know, subject)
            state.subject = subject
            return [Claim("knowledge", f, (), text, a, b, state.past)] if f is not None else []
    _note_subject(clause, state)
    return _value_claims(lex, clause, text, a, b, state, answer_cue)


def _note_subject(clause: list[Token], state: _State) -> None:
    first = next((t.payload for t in clause if t.kind == "agent"), None)
    if first is not None:
        state.subject = first


def _value_claims(lex, clause, text, a, b, state: _State, answer_cue: bool) -> list[Claim]:
    vals = [t for t in clause if t.kind in ("value", "tuple")]
    if not vals:
        return []
    first = vals[0]
    by_var = _values_by_var(vals)
    tuples = _dedupe([t.payload for t in vals if t.kind == "tuple"])
    cue_before = [t.kind for t in clause if t.start < first.start]
    if first.kind == "value" and not tuples and len(by_var) == 2:
        x, y = first.payload[0], next(v for v in by_var if v != first.payload[0])
        if len(by_var[x]) == 1 and all(t.payload[0] == y for t in vals[1:]):
            f = s.Implies(_value_formula(lex, x, by_var[x][0]), _set_formula(lex, y, by_var[y]))
            return [Claim("conditional", f, (), text, a, b, state.past)]
        return []
    if tuples and by_var:
        return []
    if len(by_var) > 1:
        return []
    negated = "neg" in cue_before
    asserted = any(k in ("only", "copula") for k in cue_before)
    if tuples:
        fs = [_tuple_formula(lex, c) for c in tuples]
        inclusion = fs[0] if len(fs) == 1 else s.Or(tuple(fs))
        witnesses = tuple(fs)
        answer = tuple(tuple(c[v] for v in lex.question_vars) for c in tuples) if set(tuples[0]) == set(lex.question_vars) else None
    else:
        var, codes = next(iter(by_var.items()))
        inclusion = _set_formula(lex, var, codes)
        witnesses = tuple(_value_formula(lex, var, c) for c in codes)
        answer = tuple((c,) for c in codes) if lex.question_vars == (var,) else None
    if negated:
        return [Claim("exclusion", s.Not(inclusion) if not isinstance(inclusion, s.Compare)
                      else s.Compare("!=", inclusion.left, inclusion.right), (), text, a, b, state.past)]
    if answer_cue and answer is not None:
        return [Claim("answer", inclusion, witnesses, text, a, b, False, answer)]
    if asserted:
        return [Claim("candidates", inclusion, witnesses, text, a, b, state.past, answer)]
    return []


def _hypothetical(lex, toks: list[Token], sentence: str, state: _State) -> list[Claim]:
    """`if <values> [then] <consequent>`: the antecedent runs until a then/modal/knowledge cue."""
    start = None
    for n, t in enumerate(toks[1:], start=1):
        if t.kind in ("then", "modal", "know", "notknow"):
            start = n
            break
        if t.kind == "agent" and n + 1 < len(toks) and toks[n + 1].kind in ("know", "notknow", "modal", "then"):
            start = n
            break
    if start is None:
        return []
    ante = _constraint(lex, [t for t in toks[1:start] if t.kind in ("value", "tuple", "neg", "sep")
                             and t.kind != "sep"])
    end = next((n for n in range(start, len(toks)) if toks[n].kind == "sep"), len(toks))
    cons_toks = toks[start:end]
    if ante is None:
        return []
    know = next((n for n, t in enumerate(cons_toks) if t.kind in ("know", "notknow")), None)
    if know is not None:
        subject = next((t.payload for t in reversed(cons_toks[:know]) if t.kind == "agent"), None) or state.subject
        if subject is None:
            return []
        cons = _knowledge(lex, cons_toks, know, subject)
    else:
        cons = _constraint(lex, cons_toks)
    if cons is None:
        return []
    a, b = toks[0].start, toks[end - 1].end
    return [Claim("hypothetical", s.Implies(ante, cons), (), sentence.strip(), a, b, state.past)]
