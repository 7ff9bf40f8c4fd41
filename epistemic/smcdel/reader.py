"""SMCDEL text -> our Puzzle (one boolean variable per atom, agents observing atoms) and its jobs.

Formulas become our syntax tree directly: atoms are `pN = 1`, `XOR`/`ONEOF` count their items,
`[?! φ]ψ` and `<! φ>ψ` are spelled with public announcements, and `ForAll`/`Exists` over a
knowledge-free body are expanded. What our engines cannot express (secret announcements to a
group) is refused with a message that names the construct.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from lark import Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import EpistemicError, Location
from ..language import syntax as s
from ..language.elaborate import BOOL_VALUES
from ..language.parse import ErrorKinds, located, node_error, too_deep
from ..limits import check_numbers, check_tree_depth

MAX_QUANTIFIED = 12
JOB_KINDS = ("valid", "where", "true", "update")
_KNOWLEDGE_VERBS = {"knows that": "that", "knows whether": "whether"}


@dataclass(frozen=True)
class Job:
    """One SMCDEL job: VALID? / WHERE? / TRUE? {state} / UPDATE! with its formula."""

    kind: str
    formula: s.Formula
    source: str
    line: int
    state: tuple[int, ...] | None = None
    offset: int = 0


@dataclass(frozen=True)
class SmcdelFile:
    """A read SMCDEL file: the structure as a Puzzle, its atoms, law, observations and jobs."""

    puzzle: s.Puzzle
    atoms: tuple[int, ...]
    law: s.Formula
    law_source: str
    observes: tuple[tuple[str, tuple[int, ...]], ...]
    jobs: tuple[Job, ...]

    @property
    def file(self) -> str:
        return self.puzzle.file


def atom_var(n: int) -> str:
    """The name of the boolean variable that stands for SMCDEL atom n."""
    return f"p{n}"


def atom_formula(n: int) -> s.Formula:
    return s.Compare("=", s.Var(atom_var(n)), s.Const(1))


def atom_of(f: s.Formula) -> int | None:
    """The atom number if f is an atom formula `pN = 1`, else None."""
    if (isinstance(f, s.Compare) and f.op == "=" and isinstance(f.left, s.Var) and isinstance(f.right, s.Const)
            and f.right.value == 1 and re.fullmatch(r"p\d+", f.left.name)):
        return int(f.left.name[1:])
    return None


# ---------------------------------------------------------------- parsing


def grammar_path() -> Path:
    return Path(__file__).resolve().parent / "grammar" / "smcdel.lark"


@functools.lru_cache(maxsize=1)
def parser():
    from lark import Lark

    return Lark(grammar_path().read_text(encoding="utf-8"), parser="lalr", propagate_positions=True,
                maybe_placeholders=True, cache=True)


_TERMINAL_NAMES = {
    "INT": "an atom (a number)", "NAME": "an agent name", "IMPOP": "'->' or 'iff'", "BINOP": "'&' or '|'",
    "NEG": "'~'", "KNOWS_THAT": "'knows that'", "KNOWS_WHETHER": "'knows whether'",
    "GROUP_KNOWS": "'comknow that/whether' or 'distknow that/whether'", "VALIDQ": "'VALID?'",
    "WHEREQ": "'WHERE?'", "TRUEQ": "'TRUE?'", "UPDATEQ": "'UPDATE!'", "FORALL": "'ForAll'",
    "EXISTS": "'Exists'", "$END": "the end of the file",
}


# the lark package's error classes, not the puzzle parser's (language/lark_parser.py)
_ERRORS = ErrorKinds(UnexpectedCharacters, UnexpectedToken, UnexpectedEOF)


SYNTAX_HINT = "SMCDEL files read: VARS 1,2,... LAW <formula> OBS agent: 1,2 ... then VALID?/WHERE?/TRUE? jobs"


# SMCDEL's library also has belief (non-S5) structures and action/event transformers; its text format
# does not, and neither do our engines. Words that only make sense for those are refused by name.
_UNSUPPORTED = re.compile(
    r"^[ \t]*(TRANSFORMERS?|EVENTS?|ACTIONS?|BELIEFS?|RELATIONS?|REL|PRE|POST|CHANGES?)\b"
    r"|\b(believes?|comBelieve|Bel)\b", re.MULTILINE)


def refuse_unsupported(text: str, file: str) -> None:
    """A clear error naming a belief-structure or transformer construct, before any parsing."""
    code = re.sub(r"--[^\n]*", lambda c: " " * len(c.group()), text)  # comments may say anything
    m = _UNSUPPORTED.search(code)
    if m is None:
        return
    word = m.group(1) or m.group(2)
    line = text.count("\n", 0, m.start(m.lastindex)) + 1
    column = m.start(m.lastindex) - (text.rfind("\n", 0, m.start(m.lastindex)) + 1) + 1
    kind = "belief structures (non-S5 relations)" if word.lower().startswith(("bel", "rel")) else \
        "transformers (action models with events, preconditions and postconditions)"
    raise EpistemicError(
        f"{word!r}: SMCDEL {kind} are not supported",
        Location(file, line, column, text.splitlines()[line - 1]),
        "epistemic reads S5 knowledge structures only: VARS, LAW, OBS and VALID?/WHERE?/TRUE? jobs with "
        "public announcements ([! φ], [?! φ])",
    )


def parse_tree(text: str, file: str = "<smcdel>") -> Tree:
    """Text -> Lark tree, with Lark's errors turned into located EpistemicErrors."""
    if "\x00" in text:
        raise EpistemicError("the text contains a NUL byte; is it a binary file?", Location(file, 1, 1))
    refuse_unsupported(text, file)
    try:
        tree = parser().parse(text)
    except UnexpectedInput as exc:
        raise located(exc, text, file, parser().terminals, keywords=(), hint=SYNTAX_HINT,
                      names=_TERMINAL_NAMES, kinds=_ERRORS) from None
    except RecursionError:
        raise too_deep(file) from None
    check_tree_depth(tree, file, text)
    check_numbers(tree, file, text)
    return tree


# ---------------------------------------------------------------- reading


def is_smcdel_text(text: str) -> bool:
    """True when the text, past `--` comments and blank space, begins with SMCDEL's VARS keyword."""
    for line in text.splitlines():
        stripped = line.split("--", 1)[0].strip()
        if stripped:
            return bool(re.match(r"VARS(?![A-Za-z0-9])", stripped))
    return False


def read_smcdel(text: str, file: str = "<smcdel>") -> SmcdelFile:
    """Parse and translate an SMCDEL file."""
    tree = parse_tree(text, file)
    return _Reader(text, file).read(tree)


class _Reader:
    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.lines = text.splitlines()
        self.atoms: set[int] = set()
        self.agents: set[str] = set()

    def error(self, message: str, where, hint: str | None = None) -> EpistemicError:
        return node_error(message, where, self.file, self.lines, hint)

    def source(self, tree) -> str:
        if isinstance(tree, Token):
            return str(tree)
        if tree.meta.empty:
            return ""
        return " ".join(self.text[tree.meta.start_pos:tree.meta.end_pos].split())

    def read(self, tree: Tree) -> SmcdelFile:
        vars_list, law_tree, *rest = tree.children
        atoms: list[int] = []
        for tok in vars_list.children:
            n = int(tok)
            if n not in atoms:
                atoms.append(n)
        self.atoms = set(atoms)
        obs_lines = [c for c in rest if isinstance(c, Tree) and c.data == "obs_line"]
        jobs_trees = [c for c in rest if isinstance(c, Tree) and c.data != "obs_line"]
        observes: dict[str, tuple[int, ...]] = {}
        for ol in obs_lines:
            name, ints = ol.children
            seen = tuple(int(t) for t in ints.children) if ints is not None else ()
            for t in (ints.children if ints is not None else ()):
                if int(t) not in self.atoms:
                    raise self.error(f"OBS: agent {name} observes atom {t}, which is not in VARS", t,
                                     "add the atom to VARS or remove it from the agent's list")
            merged = observes.get(str(name), ()) + tuple(a for a in seen if a not in observes.get(str(name), ()))
            observes[str(name)] = merged
        self.agents = set(observes)
        law = self.formula(law_tree)
        if s.is_modal(law):
            raise self.error("the LAW must be a boolean formula (no knowledge or announcements)", law_tree)
        jobs = [self.job(j) for j in jobs_trees]
        title = _title(self.text) or Path(self.file).name
        variables = tuple(s.Variable(atom_var(n), BOOL_VALUES, True, "bool") for n in atoms)
        agents = tuple(s.Agent(name, tuple(s.Var(atom_var(n)) for n in obs), (), ", ".join(map(str, obs)) or "nothing")
                       for name, obs in observes.items())
        puzzle = s.Puzzle(title=title, file=self.file, variables=variables, table_columns=(), table_rows=(),
                          constraints=() if law == s.Bool(True) else (law,), agents=agents, announcements=(),
                          question=None, source=self.text)
        return SmcdelFile(puzzle, tuple(atoms), law, self.source(law_tree), tuple(observes.items()), tuple(jobs))

    def job(self, tree: Tree) -> Job:
        kind = tree.data.removesuffix("_job")
        keyword = tree.children[0]
        state = None
        if kind == "true":
            state_tree, body = tree.children[1], tree.children[2]
            ints = state_tree.children[0]
            state = tuple(sorted({int(t) for t in ints.children})) if ints is not None else ()
            for t in (ints.children if ints is not None else ()):
                if int(t) not in self.atoms:
                    raise self.error(f"TRUE? state mentions atom {t}, which is not in VARS", t)
        else:
            body = tree.children[1]
        return Job(kind, self.formula(body), self.source(body), keyword.line or 0, state, keyword.start_pos or 0)

    # ------------------------------------------------------------ formulas

    def formula(self, t) -> s.Formula:
        method = getattr(self, "f_" + t.data, None)
        if method is None:  # pragma: no cover - every rule of the grammar has a method
            raise self.error(f"unsupported SMCDEL construct {t.data!r}", t)
        return method(t)

    def f_atom(self, t):
        tok = t.children[0]
        n = int(tok)
        if n not in self.atoms:
            raise self.error(f"atom {n} is not in VARS", tok, "declare every atom after VARS")
        return atom_formula(n)

    def f_top(self, t):
        return s.Bool(True)

    def f_bot(self, t):
        return s.Bool(False)

    def f_neg(self, t):
        return s.Not(self.formula(t.children[1]))

    def f_binop(self, t):
        left, op, right = t.children
        a, b = self.formula(left), self.formula(right)
        text = str(op)
        if text in ("&", "∧"):
            return s.And((a, b))
        if text in ("|", "∨"):
            return s.Or((a, b))
        if text in ("->", "→"):
            return s.Implies(a, b)
        return s.Iff(a, b)

    def items(self, t) -> tuple[s.Formula, ...]:
        return tuple(self.formula(c) for c in t.children[0].children)

    def f_conj(self, t):
        return s.And(self.items(t))

    def f_disj(self, t):
        return s.Or(self.items(t))

    def f_xor(self, t):
        return s.Compare("=", s.Arith("mod", s.Count(self.items(t)), s.Const(2)), s.Const(1))

    def f_oneof(self, t):
        return s.Compare("=", s.Count(self.items(t)), s.Const(1))

    def agent(self, tok) -> str:
        name = str(tok)
        if name not in self.agents:
            raise self.error(f"agent {name!r} is not in OBS", tok,
                             f"agents: {', '.join(sorted(self.agents)) or 'none'}; add `{name}: ...` to OBS")
        return name

    def f_knows_that(self, t):
        return s.Knows("agent", (self.agent(t.children[0]),), "that", self.formula(t.children[2]))

    def f_knows_whether(self, t):
        return s.Knows("agent", (self.agent(t.children[0]),), "whether", self.formula(t.children[2]))

    def f_knows_whether_list(self, t):
        agent = self.agent(t.children[0])
        return s.And(tuple(s.Knows("agent", (agent,), "whether", self.formula(c)) for c in t.children[2:]))

    def f_prefix_k(self, t):
        return s.Knows("agent", (self.agent(t.children[0]),), "that", self.formula(t.children[1]))

    def f_prefix_kw(self, t):
        return s.Knows("agent", (self.agent(t.children[0]),), "whether", self.formula(t.children[1]))

    def f_group_knows(self, t):
        group, verb, body = t.children
        names = group.children[0]
        agents = tuple(dict.fromkeys(self.agent(n) for n in names.children))
        word, mode = str(verb).split()
        kind = "common" if word == "comknow" else "distributed"
        return s.Knows(kind, agents, mode, self.formula(body))

    def f_box_announce(self, t):
        return s.Announce(self.formula(t.children[0]), self.formula(t.children[1]))

    def f_dia_announce(self, t):
        return s.Not(s.Announce(self.formula(t.children[0]), s.Not(self.formula(t.children[1]))))

    def f_box_announce_whether(self, t):
        return announce_whether(self.formula(t.children[0]), self.formula(t.children[1]))

    def f_dia_announce_whether(self, t):
        return s.Not(announce_whether(self.formula(t.children[0]), s.Not(self.formula(t.children[1]))))

    def f_group_announce(self, t):
        names = ", ".join(str(n) for n in t.children[0].children)
        raise self.error(
            f"announcements to a group ([{names} ! ...], SMCDEL's secret group announcement) are not supported",
            t, "they change the agents' relations (SMCDEL adds a fresh atom only the group observes); our "
            "engines model public announcements only: use [! φ] or [?! φ]")

    def quantifier(self, t, combine):
        _, ints, body_tree = t.children
        body = self.formula(body_tree)
        atoms = list(dict.fromkeys(int(x) for x in ints.children))
        for tok in ints.children:
            if int(tok) not in self.atoms:
                raise self.error(f"atom {tok} is not in VARS", tok)
        if s.is_modal(body):
            raise self.error(
                f"{t.children[0]} over a formula with knowledge or announcements is not supported",
                t, "SMCDEL quantifies the formula's BDD, which also looks at assignments outside the LAW; "
                "we expand ForAll/Exists only over boolean formulas")
        if len(atoms) > MAX_QUANTIFIED:
            raise self.error(f"{t.children[0]} over {len(atoms)} atoms is too large to expand "
                             f"(at most {MAX_QUANTIFIED})", t)
        out = body
        for n in atoms:
            out = combine((substitute(out, n, True), substitute(out, n, False)))
        return out

    def f_forall(self, t):
        return self.quantifier(t, s.And)

    def f_exists(self, t):
        return self.quantifier(t, s.Or)


def announce_whether(phi: s.Formula, psi: s.Formula) -> s.Formula:
    """[?! φ]ψ: announce φ if it is true, else its negation; then ψ."""
    return s.And((s.Implies(phi, s.Announce(phi, psi)), s.Implies(s.Not(phi), s.Announce(s.Not(phi), psi))))


def substitute(f: s.Formula, atom: int, value: bool) -> s.Formula:
    """f with the atom replaced by Top/Bot (f is boolean: no knowledge operators)."""
    if atom_of(f) == atom:
        return s.Bool(value)
    if isinstance(f, s.Not):
        return s.Not(substitute(f.body, atom, value))
    if isinstance(f, (s.And, s.Or)):
        return type(f)(tuple(substitute(x, atom, value) for x in f.items))
    if isinstance(f, (s.Implies, s.Iff)):
        return type(f)(substitute(f.left, atom, value), substitute(f.right, atom, value))
    if isinstance(f, s.Compare):
        return s.Compare(f.op, _substitute_term(f.left, atom, value), _substitute_term(f.right, atom, value))
    return f


def _substitute_term(t: s.Term, atom: int, value: bool) -> s.Term:
    if isinstance(t, s.Count):
        return s.Count(tuple(substitute(x, atom, value) for x in t.formulas))
    if isinstance(t, s.Arith):
        return s.Arith(t.op, _substitute_term(t.left, atom, value), _substitute_term(t.right, atom, value))
    return t


def _title(text: str) -> str | None:
    """The first comment line, as SMCDEL's examples use it for a title."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("--"):
            return stripped.lstrip("-").strip() or None
        return None
    return None
