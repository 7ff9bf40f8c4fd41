"""Classes of an observed term's values that an elimination names: "eliminates every sum of 55 or more", "rules
out all the even sums", "removes every pair with sum 13", "throws out sums above 54".

Each is read as an exclusion of the class (kind "exclusion"), so that the trace's "P's first statement already
eliminates …" is judged as a credit like any other elimination (anchors.py, strategies.Credit): the class must
still be possible before that statement and gone after it. Uncredited ("Goldbach eliminates the even sums") the
reading is uncertain: the sentence may explain a filter inside a statement's analysis, not the stage. Only a class right after the verb is read, with an
optional quantifier ("every", "all the"); what the verb's object is otherwise is left to the other readers.
"""
from __future__ import annotations

import re

from .keys import formula_key, knows_key
from .lexicon import ZH_REMOVING, Token
from .primes import two_prime_sums
from .records import CLASS, ClaimRecord, record

ELIMINATES = re.compile(r"(?i:\b(?:eliminat(?:es|ed|e|ing)|rul(?:es|ed|e|ing)\s+out|throw(?:s|ing)?\s+out|threw\s+out|"
                        r"remov(?:es|ed|e|ing)|exclud(?:es|ed|e|ing)|kill(?:s|ed)?|knock(?:s|ed)?\s+out|"
                        r"dispos(?:es|ed)\s+of|get(?:s)?\s+rid\s+of|got\s+rid\s+of|wipe(?:s|d)?\s+out|"
                        r"strike(?:s)?\s+out|struck\s+out)\b)")
# Between the verb and the term: "every", "all the", "any", "the", "all", "every pair with", "all pairs whose".
_OBJECT = re.compile(r"(?i:\s*(?:already\s+|also\s+|immediately\s+)?(?:(?:every|each|any|all(?:\s+of)?(?:\s+the)?|the)\s+)?"
                     r"(?:(?P<parity>even|odd)\s+)?(?:(?:pairs?|splits?|worlds?|cases?)\s+(?:with|whose|having)\s+"
                     r"(?:an?\s+|the\s+)?(?:(?P<with>even|odd)\s+)?)?)")  # ("every pair with an even sum")
_AT_LEAST = r"(?:or\s+(?:more|above|higher|greater|larger|bigger)|and\s+(?:up(?:wards?)?|above|over|higher)|upwards?|or\s+over)"
_AT_MOST = r"(?:or\s+(?:less|fewer|below|lower|smaller|under)|and\s+(?:below|under|down(?:wards?)?)|downwards?)"
_BOUND = re.compile(
    r"(?i:\s*(?:(?P<sym>≥|>=|>|≤|<=|<)\s*(?P<n1>\d{1,6})"
    r"|(?:of\s+|from\s+)?(?P<n2>\d{1,6})\s+(?P<dir>" + _AT_LEAST + "|" + _AT_MOST + r")"
    r"|(?P<word>above|over|greater\s+than|larger\s+than|bigger\s+than|more\s+than|exceeding|below|under|less\s+than|"
    r"smaller\s+than)\s+(?P<n3>\d{1,6})"
    r"|(?:that\s+(?:are|is)\s+)(?P<parity>even|odd)\b"
    r"|(?:of\s+|=\s*|equal\s+to\s+)?(?P<n4>\d{1,6})\b(?!\s*(?:[+×·*−=-]|or\b|and\b|,\s*\d))))")
_WORD_OPS = {"above": ">", "over": ">", "greater than": ">", "larger than": ">", "bigger than": ">", "more than": ">",
             "exceeding": ">", "below": "<", "under": "<", "less than": "<", "smaller than": "<"}
_SYMBOL_OPS = {"≥": ">=", ">=": ">=", ">": ">", "≤": "<=", "<=": "<=", "<": "<"}


# "every sum that can be written as a sum of two primes", "所有能拆成两个素数之和的和": Goldbach's class of sums
_TWO_PRIMES = re.compile(r"(?i:\s*(?:s\s+)?(?:(?:that|which)\s+(?:can|could)\s+be|(?:that|which)\s+(?:is|are)|"
                         r"expressible|writable)\s+(?:(?:written|expressed|split|decomposed|broken\s+up)\s+)?"
                         r"(?:(?:as|into)\s+)?"
                         r"(?:(?:the\s+|a\s+)?sum\s+of\s+)?two\s+(?P<distinct>distinct\s+|different\s+)?primes\b)")
# (or "every sum that can be split into two primes", "every sum that is a sum of two primes")
_ZH_TWO_PRIMES = re.compile(r"(?:所有|凡是)?(?:能|可以)(?:拆|分|写|表示)成两个(?P<distinct>不同的?)?(?:素数|质数)之和的(?:和|数)")
_ZH_OUT = re.compile(ZH_REMOVING)
def class_exclusions(raw: list[Token], sentence: str) -> list[ClaimRecord]:
    """The exclusions of the term classes named right after an elimination verb in one sentence."""
    out = []
    terms = [t for t in raw if t.kind == "attr" and isinstance(t.payload, tuple) and t.payload[0] == "@term"]
    if not terms:
        return out
    for m in _ZH_TWO_PRIMES.finditer(sentence):  # "所有能拆成两个素数之和的和都已经被 P先生的第一句话排除了"
        term = next((t for t in terms if t.end == m.end() and t.payload[1][:2] == ("Arith", "+")), None)
        if term is not None and _ZH_OUT.search(sentence, m.end()):
            cond = ("Member", term.payload[1], two_prime_sums(bool(m.group("distinct"))))
            out.append(record("exclusion", ("Not", cond), (), sentence.strip(), m.start(), m.end(), False,
                              reading=CLASS))
    for verb in ELIMINATES.finditer(sentence):
        obj = _OBJECT.match(sentence, verb.end())
        term = next((t for t in terms if t.start == obj.end()), None)
        if term is None:
            continue
        cond, end = _condition(term, obj.group("parity") or obj.group("with"), sentence)
        if cond is not None:
            out.append(record("exclusion", ("Not", cond), (), sentence.strip(), verb.start(), end, False,
                              reading=CLASS))
    return out


# "rules out every triple whose sum is unique", "discard the triples with a unique sum": the class of worlds where the
# term's value is met once, that is where the one who sees only the term knows the answer
_DISCARDS = re.compile(r"(?i:\b(?:discard(?:s|ed|ing)?|drop(?:s|ped|ping)?|cross(?:es|ed)?\s+out|strik(?:es|e)\s+off)\b)")
_UNIQUE_AFTER = re.compile(r"(?i:\s+(?:is|was|are|were)\s+(?:unique|one\s+of\s+a\s+kind)\b|\s+(?:appears|occurs|shows\s+up)\s+"
                           r"(?:only\s+)?once\b)")
_UNIQUE_BEFORE = re.compile(r"(?i:\b(?:unique|one-off)\s+$)")
_WHOSE = re.compile(r"(?i:\b(?:whose|with|having)\s+(?:(?:an?|the)\s+)?(?:unique\s+)?$)")


def unique_class_exclusions(lex, raw: list[Token], sentence: str) -> list[ClaimRecord]:
    """The exclusions of the worlds whose observed term is unique ("already rules out every triple whose sum is
    unique"), as `not (the one who sees the term knows the answer)`: the class of worlds where that agent would
    know. Only a term that exactly one agent sees, and sees alone, is read; the class right after the verb's object
    noun ("every triple whose …", "the pairs with a unique …")."""
    out = []
    terms = [t for t in raw if t.kind == "attr" and (isinstance(t.payload, tuple) and t.payload[0] == "@term" or
                                                     isinstance(t.payload, str) and t.payload in lex.order)]
    if not terms or not lex.question_vars:  # (a sum, "every triple whose sum is unique", or a variable, "every card
        # with a unique rank")
        return out
    for verb in list(ELIMINATES.finditer(sentence)) + list(_DISCARDS.finditer(sentence)):
        term = next((t for t in terms if verb.end() < t.start <= verb.end() + 50 and
                     _WHOSE.search(sentence, max(verb.end(), t.start - 20), t.start) is not None), None)
        if term is None or any(c in sentence[verb.end():term.start] for c in ",.:;"):  # ("rules out May and June:
            continue  # each contains a date with a unique day": the class explains the object, it is not it)
        unique = _UNIQUE_AFTER.match(sentence, term.end) or _UNIQUE_BEFORE.search(sentence, max(0, term.start - 12),
                                                                                  term.start)
        agent = _sole_observer(lex, term.payload[1] if isinstance(term.payload, tuple) else ("Var", term.payload))
        if unique is None or agent is None:
            continue
        end = unique.end() if unique.start() >= term.end else term.end
        knows = knows_key(agent, "value", tuple(("Var", v) for v in lex.question_vars))
        out.append(record("exclusion", ("Not", knows), (), sentence.strip(), verb.start(), end, False,
                          reading=CLASS))
    return out


def _sole_observer(lex, key: tuple) -> str | None:
    """The one agent that observes exactly the term `key` and nothing else, else None."""
    found = [a.name for a in lex.puzzle.agents if len(a.observes) == 1 and formula_key(a.observes[0]) == key]
    return found[0] if len(found) == 1 else None


def _condition(term: Token, parity: str | None, sentence: str) -> tuple[tuple | None, int]:
    """(the class as a formula key, where it ends) for the term at `term`: parity before it, a bound or a value
    after it."""
    key = term.payload[1]
    if parity:  # "all the even sums"
        return _parity(key, parity), term.end
    primes = _TWO_PRIMES.match(sentence, term.end)
    if primes is not None and key[:2] == ("Arith", "+"):  # "every sum that can be written as a sum of two primes"
        return ("Member", key, two_prime_sums(bool(primes.group("distinct")))), primes.end()
    m = _BOUND.match(sentence, term.end)
    if m is None:
        return None, term.end
    if m.group("sym"):
        return ("Compare", _SYMBOL_OPS[m.group("sym")], key, ("Const", int(m.group("n1")))), m.end()
    if m.group("n2"):
        op = ">=" if re.match(_AT_LEAST, m.group("dir"), re.IGNORECASE) else "<="
        return ("Compare", op, key, ("Const", int(m.group("n2")))), m.end()
    if m.group("word"):
        return ("Compare", _WORD_OPS[" ".join(m.group("word").lower().split())], key,
                ("Const", int(m.group("n3")))), m.end()
    if m.group("parity"):  # "every sum that is even"
        return _parity(key, m.group("parity")), m.end()
    return ("Compare", "=", key, ("Const", int(m.group("n4")))), m.end()


def _parity(key: tuple, word: str) -> tuple:
    return ("Compare", "=", ("Arith", "mod", key, ("Const", 2)), ("Const", 1 if word.lower() == "odd" else 0))
