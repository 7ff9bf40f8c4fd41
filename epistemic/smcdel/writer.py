"""Our Puzzle -> SMCDEL text with bit-vectors, so SMCDEL can cross-check our answers at its own scale.

The file is the symbolic engine's knowledge structure written out (engines/symbolic/structure.py):
each finite-domain variable is the binary (log) encoding of its value's index, a few atoms instead
of one per value; each observed term that is not a plain variable (x + y, x * y, paid = i) gets
fresh atoms holding its bits, which the LAW ties to the term. Agents observe atoms. The LAW and every
knowledge-free piece of a formula are BDDs written as flat disjunctions of cubes (smcdel/bdd_text.py),
simplified within the worlds where they are evaluated; arithmetic never needs to be spelled as text
circuits. Knowing a value is knowing whether each of its bits holds. Nothing lists worlds, so puzzles
with 2^100 worlds export. Announcements become nested `<! φ >` in one WHERE? job per stage (stages
with more than `list_limit` worlds are not listed: WHERE? would print every state), and the answer a
VALID? job. Formulas about the past (`before`, `initially`) have no SMCDEL counterpart; they are
written as the states where they held, which we compute (the file says so in a comment).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engines.symbolic import SymbolicEngine
from ..engines.symbolic.bitvec import BitVec
from ..engines.symbolic.evaluate import Evaluator
from ..engines.symbolic.structure import table_law
from ..errors import EpistemicError, TooLarge
from ..language import syntax as s
from ..language.printer import formula_source, term_source
from ..stages.solve import Solution, solve
from .bdd_text import BddText

RESERVED = {"VARS", "LAW", "OBS", "Top", "Bot", "Not", "not", "AND", "OR", "XOR", "ONEOF", "ForAll", "Forall",
            "Exists", "K", "Kw", "iff", "knows", "comknow", "distknow", "that", "whether", "G"}
LIST_LIMIT = 10_000  # stages up to this many worlds get a WHERE? job (SMCDEL prints each state) ...
MAX_WHERE = 8  # ... at most this many, the latest ones (each repeats the announcements before it) ...
WHERE_CHARS = 1_000_000  # ... and past the last one only while their announcements fit in this much text
ENCODING = "bit-vector"


@dataclass(frozen=True, eq=False)
class Export:
    """The SMCDEL text with the encoding, so states can be decoded back into our worlds."""

    text: str
    puzzle: s.Puzzle
    index_atoms: dict[str, tuple[int, ...]]  # variable -> SMCDEL atoms of its value's index, low bit first
    agent_names: dict[str, str]
    stage_counts: tuple[int, ...]
    listed: tuple[bool, ...]  # which stages have a WHERE? job
    answer_written: bool
    notes: tuple[str, ...] = ()
    comments: dict[int, str] = field(default_factory=dict)

    def decode(self, state) -> dict[str, int]:
        """An SMCDEL state (its true atoms) -> our variables' codes."""
        true = set(state)
        out = {}
        for var in self.puzzle.variables:
            index = sum(1 << j for j, atom in enumerate(self.index_atoms[var.name]) if atom in true)
            if index >= len(var.codes):
                raise ValueError(f"state {sorted(true)} has index {index} for {var.name}, out of its range")
            out[var.name] = var.codes[index]
        return out

    def to_dict(self) -> dict:
        """JSON schema `epistemic.smcdel-export/1` (docs/smcdel.md)."""
        return {
            "schema": "epistemic.smcdel-export/1",
            "puzzle": self.puzzle.title,
            "file": self.puzzle.file,
            "encoding": ENCODING,
            "atoms": [{"atom": a, "encodes": self.comments[a]} for a in sorted(self.comments)],
            "agents": dict(self.agent_names),
            "stages": list(self.stage_counts),
            "listed_stages": [k for k, shown in enumerate(self.listed) if shown],
            "answer_job": self.answer_written,
            "notes": list(self.notes),
            "text": self.text,
        }


def export_smcdel(puzzle: s.Puzzle, solution: Solution | None = None, list_limit: int = LIST_LIMIT,
                  backend: str | None = None) -> Export:
    """Write the puzzle as an SMCDEL file: structure, one WHERE? per listable stage, the answer as VALID?.

    The puzzle is solved with the symbolic engine (its structure is what the file writes); a solution
    from that engine can be passed in to save solving twice.
    """
    if solution is None or getattr(solution.space, "method", None) != "symbolic":
        solution = solve(puzzle, SymbolicEngine(backend))
    return _Writer(puzzle, solution, list_limit).write()


class _Writer:
    def __init__(self, puzzle: s.Puzzle, sol: Solution, list_limit: int):
        self.puzzle = puzzle
        self.sol = sol
        self.st = sol.space
        self.m = self.st.manager
        self.ev = Evaluator(self.st)
        self.seen_ev = _ObservedTerms(self.st)
        self.bdd = BddText(self.m, offset=1)
        self.masks = [stage.mask for stage in sol.stages]
        self.list_limit = list_limit
        self.notes: list[str] = []
        self.agent_names = _agent_names([a.name for a in puzzle.agents])

    def atom(self, var: int) -> int:
        return var + 1

    # ------------------------------------------------------------ the structure

    def comments(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for v in self.puzzle.variables:
            for j, var in enumerate(self.st.index_atoms[v.name]):
                out[self.atom(var)] = f"{v.name} is true" if v.numeric and v.codes == (0, 1) else \
                    f"bit {j} of the index of {v.name} ({_domain(v)})"
        for t, pairs in self.st.term_atoms.items():
            vec = self.ev.term(t, (self.st.law,))
            for j, var in pairs:
                out[self.atom(var)] = (f"bit {j} of {term_source(t, self.puzzle)} "
                                       f"(two's complement, {vec.lo}..{vec.hi})")
        return out

    def law(self) -> str:
        """The LAW, as one DNF of the whole law or as a conjunction of its parts, whichever is shorter."""
        whole, refused = None, None
        try:
            whole = self.bdd.formula(self.st.law, what="the LAW")
        except TooLarge as exc:
            refused = exc
        parts = self._law_parts()
        if whole is not None and (parts is None or len(whole) <= len(parts)):
            return whole
        if parts is None:
            raise TooLarge(f"{refused.message if refused else 'the LAW is too large'}, and so does writing it "
                           "part by part", hint=refused.hint if refused else None)
        return parts

    def _law_parts(self) -> str | None:
        """Ranges, table, constraints and each observation atom's definition, written one by one."""
        c = self.st.circuits
        m = self.m
        base = m.true
        pieces = []
        try:
            for v in self.puzzle.variables:
                atoms = self.st.index_atoms[v.name]
                if len(v.codes) < (1 << len(atoms)):
                    index = c.from_bits([m.var(a) for a in atoms], 0, (1 << len(atoms)) - 1)
                    in_range = c.less(index, c.const(len(v.codes)))
                    base = base & in_range
                    pieces.append(self.bdd.formula(in_range, what=f"the range of {v.name}"))
            rest = self.st.law
            if self.st.term_atoms:
                rest = m.exists(self.st.law, self.st.observation_atoms)  # the law of the variables alone
            if rest != base:
                pieces.extend(self._constraints(base, rest))
            for t, pairs in self.st.term_atoms.items():
                vec = self.ev.term(t, (self.st.law,))
                for j, var in pairs:
                    text = self.bdd.formula(vec.bits[j], rest, what=f"a bit of {term_source(t, self.puzzle)}")
                    pieces.append(f"({self.atom(var)} iff {_paren(text)})")
        except TooLarge:
            return None
        pieces = [p for p in pieces if p != "Top"]
        if not pieces:
            return "Top"
        return pieces[0] if len(pieces) == 1 else "AND ( " + ",\n       ".join(pieces) + " )"

    def _constraints(self, base, rest) -> list[str]:
        """The table and `where` constraints: one DNF of them all within the ranges, or the table's DNF
        and each constraint written as a formula, whichever is shorter."""
        options = []
        try:
            options.append([self.bdd.formula(rest, base, what="the table and `where` constraints")])
        except TooLarge:
            pass
        try:
            split = []
            if self.puzzle.table_columns:
                table = table_law(self.st.circuits, self.puzzle, self.st.index_atoms)
                split.append(self.bdd.formula(table, base, what="the table"))
                base = base & table
            split.extend(self.static(f, base) for f in self.puzzle.constraints)
            options.append(split)
        except TooLarge:
            pass
        if not options:
            raise TooLarge("the table and `where` constraints are too large to write in SMCDEL's text",
                           hint="shrink the variables' ranges, or solve with --engine symbolic instead of exporting")
        return min(options, key=lambda texts: sum(map(len, texts)))

    # ------------------------------------------------------------ formulas

    def static(self, f: s.Formula, care=None) -> str:
        """A knowledge-free formula: connectives kept, each comparison a DNF exact where `care` holds
        (default: within the law; the law's own constraints pass the ranges)."""
        care = self.st.law if care is None else care
        if isinstance(f, s.Bool):
            return "Top" if f.value else "Bot"
        if isinstance(f, s.Not):
            return "~ " + _paren(self.static(f.body, care))
        if isinstance(f, (s.And, s.Or)) and f.items:
            items = [self.static(x, care) for x in f.items]
            if len(items) == 1:
                return items[0]
            return ("AND" if isinstance(f, s.And) else "OR") + " (" + ", ".join(items) + ")"
        if isinstance(f, (s.Implies, s.Iff)):
            op = "->" if isinstance(f, s.Implies) else "iff"
            return f"{_paren(self.static(f.left, care))} {op} {_paren(self.static(f.right, care))}"
        ev = self.seen_ev if care is self.st.law else self.ev  # observation atoms are defined by the law
        bdd = ev.formula(f, (self.st.law,))
        return self.bdd.formula(bdd, care, what=formula_source(f, self.puzzle))

    def formula(self, f: s.Formula, k: int, inside_announce: bool = False) -> str:
        """f evaluated at stage k (for `before`/`initially`), as SMCDEL text."""
        if not s.is_modal(f):
            return self.static(f)
        if isinstance(f, s.Not):
            return "~ " + _paren(self.formula(f.body, k, inside_announce))
        if isinstance(f, (s.And, s.Or)):
            items = [self.formula(x, k, inside_announce) for x in f.items]
            if len(items) == 1:
                return items[0]
            return ("AND" if isinstance(f, s.And) else "OR") + " (" + ", ".join(items) + ")"
        if isinstance(f, (s.Implies, s.Iff)):
            op = "->" if isinstance(f, s.Implies) else "iff"
            return f"{_paren(self.formula(f.left, k, inside_announce))} {op} {_paren(self.formula(f.right, k, inside_announce))}"
        if isinstance(f, s.Knows):
            return self.knows(f, k, inside_announce)
        if isinstance(f, s.Possible):
            inner = self.formula(f.body, k, inside_announce)
            return f"~ ({self.agent(f.agent)} knows that ~ {_paren(inner)})"
        if isinstance(f, s.Announce):
            return (f"[ ! {self.formula(f.announcement, k, inside_announce)} ] "
                    f"{_paren(self.formula(f.body, k, True))}")
        if isinstance(f, s.Past):
            return self.past(f, k, inside_announce)
        raise EpistemicError(f"cannot write {formula_source(f, self.puzzle)} in SMCDEL's language",
                             hint="counting knowledge formulas has no SMCDEL counterpart")

    def agent(self, name: str) -> str:
        return self.agent_names[name]

    def value_bits(self, t: s.Term) -> list[str]:
        """Formulas whose truth values together fix the term's value: its atoms where it has them."""
        if isinstance(t, s.Var):
            return [str(self.atom(a)) for a in self.st.index_atoms[t.name]]
        if t in self.st.term_atoms:
            return [str(self.atom(a)) for _, a in self.st.term_atoms[t]]
        if s.is_modal(t):
            raise EpistemicError(f"cannot write knowing the value of {term_source(t, self.puzzle)} in SMCDEL's "
                                 "language", hint="counting knowledge formulas has no SMCDEL counterpart")
        vec = self.ev.term(t, (self.st.law,))
        out = []
        for bit in vec.bits:
            text = self.bdd.formula(bit, self.st.law, what=f"a bit of {term_source(t, self.puzzle)}")
            if text not in ("Top", "Bot") and text not in out:
                out.append(text)
        return out

    def knows(self, f: s.Knows, k: int, inside: bool) -> str:
        if f.mode == "value":
            verb_mode = "whether"
            bodies = [b for t in f.body for b in self.value_bits(t)]  # knowing each bit = knowing the value
            if not bodies:
                return "Top"
        else:
            verb_mode = f.mode
            bodies = [self.formula(f.body, k, inside)]
        parts = []
        if f.kind == "agent" and verb_mode == "whether" and len(bodies) > 1:
            return f"{self.agent(f.agents[0])} knows whether (" + ", ".join(bodies) + ")"
        for body in bodies:
            b = _paren(body)
            if f.kind == "agent":
                parts.append(f"{self.agent(f.agents[0])} knows {verb_mode} {b}")
            elif f.kind == "everyone":
                parts.extend(f"{self.agent(a)} knows {verb_mode} {b}" for a in f.agents)
            else:
                word = "comknow" if f.kind == "common" else "distknow"
                group = ", ".join(self.agent(a) for a in f.agents)
                parts.append(f"({group}) {word} {verb_mode} {b}")
        return parts[0] if len(parts) == 1 else "AND (" + ", ".join(parts) + ")"

    def past(self, f: s.Past, k: int, inside: bool) -> str:
        if inside:
            raise EpistemicError("cannot export `before`/`initially` inside a nested announcement [! ...]",
                                 hint="SMCDEL has no past operator; move it out of the announcement")
        if k >= len(self.masks):
            raise EpistemicError(f"cannot export `before`/`initially` at stage {k}: the puzzle stops at stage "
                                 f"{len(self.masks) - 1}", hint="an earlier announcement leaves no world; check the puzzle")
        truth = self.ev.formula(f, tuple(self.masks[: k + 1]))
        note = (f"{formula_source(f, self.puzzle)} at stage {k} is written as the states where it holds, "
                f"computed by epistemic (SMCDEL has no past operator)")
        if note not in self.notes:
            self.notes.append(note)
        return self.bdd.formula(truth, self.masks[k], what=formula_source(f, self.puzzle))

    # ------------------------------------------------------------ the file

    def write(self) -> Export:
        p = self.puzzle
        comments = self.comments()
        natoms = self.st.atoms
        out = [f"-- {p.title}", f"-- written by epistemic from {p.file} (SMCDEL's text format, bit-vectors)", "--"]
        for a in range(1, natoms + 1):
            out.append(f"-- atom {a}: {comments[a]}")
        for ours, theirs in self.agent_names.items():
            if ours != theirs:
                out.append(f"-- agent {theirs} is {ours}")
        out.append("")
        out.append("VARS " + ", ".join(str(a) for a in range(1, natoms + 1)))
        out.append("")
        out.append("LAW  " + self.law())
        out.append("")
        obs_lines = []
        for agent in p.agents:
            atoms = sorted(self.atom(a) for a in self.st.observed[agent.name])
            obs_lines.append(f"{self.agent(agent.name)}: " + ", ".join(map(str, atoms)))
        out.append("OBS  " + "\n     ".join(obs_lines))
        out.append("")
        counts = tuple(stage.count for stage in self.sol.stages)
        contents = [self.formula(ann.content, i) for i, ann in enumerate(p.announcements[: len(counts) - 1])]
        listed = self.listed_stages(counts, [len(c) for c in contents])
        for k in range(len(counts)):
            what = "the worlds" if k == 0 else f"after: {p.announcements[k - 1].source}"
            shown = listed[k]
            if not shown:
                why = "WHERE? would print each" if counts[k] > self.list_limit else \
                    "later stages are listed, and each WHERE? repeats every announcement before it"
                out.append(f"-- stage {k}, {what} ({counts[k]:,} worlds; not listed: {why})")
                out.append("")
                continue
            out.append(f"-- stage {k}, {what} ({counts[k]} worlds)")
            chain = "".join(f"<! {c} >\n  " for c in contents[:k])
            out.append(f"WHERE?\n  {chain}Top")
            out.append("")
        answer_written = False
        if p.question is not None and self.sol.answer and self.sol.complete:
            try:
                answer = self.answer_formula()
            except (TooLarge, EpistemicError) as exc:
                self.notes.append(f"the answer is not checked by a VALID? job: {exc.message}")
            else:
                chain = "".join(f"[! {c} ]\n  " for c in contents)
                out.append(f"-- the answer: {', '.join(self.sol.answer_text())}")
                out.append(f"VALID?\n  {chain}{_paren(answer)}")
                out.append("")
                answer_written = True
        for note in self.notes:
            out.insert(3, f"-- note: {note}")
        text = "\n".join(out)
        index_atoms = {v.name: tuple(self.atom(a) for a in self.st.index_atoms[v.name]) for v in p.variables}
        return Export(text, p, index_atoms, dict(self.agent_names), counts, tuple(listed), answer_written,
                      tuple(self.notes), comments)

    def listed_stages(self, counts: tuple[int, ...], sizes: list[int]) -> list[bool]:
        """Which stages get a WHERE? job: the latest with at most list_limit worlds, at most MAX_WHERE,
        the others only while the announcements they repeat fit in WHERE_CHARS."""
        chosen: list[int] = []
        used = 0
        for k in reversed(range(len(counts))):
            if counts[k] > self.list_limit or len(chosen) >= MAX_WHERE:
                continue
            cost = sum(sizes[:k])
            if chosen and used + cost > WHERE_CHARS:
                break
            chosen.append(k)
            used += cost
        return [k in chosen for k in range(len(counts))]

    def answer_formula(self) -> str:
        terms = self.puzzle.question.terms  # type: ignore[union-attr]
        if any(s.is_modal(t) for t in terms):
            raise EpistemicError("the question counts knowledge, which SMCDEL's language cannot write")
        options = [s.And(tuple(s.Compare("=", t, s.Const(c)) for t, c in zip(terms, codes)))
                   for codes in self.sol.answer]
        f = s.Or(tuple(options)) if len(options) > 1 else options[0]
        return self.bdd.formula(self.ev.formula(f, (self.st.law,)), self.st.law, what="the answer")


class _ObservedTerms(Evaluator):
    """Evaluates with each observed term read from its own atoms (equal to the term within the law),
    so `(coin[i] + count(paid = i)) mod 2 = 0` is written over one atom, not over paid's bits."""

    def term(self, t: s.Term, frames: tuple):
        pairs = self.st.term_atoms.get(t) if not isinstance(t, (s.Var, s.Const)) else None
        if pairs is None:
            return super().term(t, frames)
        vec = super().term(t, frames)
        bits = list(vec.bits)
        for j, atom in pairs:
            bits[j] = self.m.var(atom)
        return BitVec(tuple(bits), vec.lo, vec.hi)


def _domain(v: s.Variable) -> str:
    """How an index maps to a value, in a few words."""
    codes = v.codes
    if v.numeric and codes == tuple(range(codes[0], codes[0] + len(codes))):
        return f"{v.name} = index + {codes[0]}, index 0..{len(codes) - 1}" if codes[0] else \
            f"{v.name} = index, 0..{len(codes) - 1}"
    names = [v.value_of(c).name for c in codes]
    shown = ", ".join(f"{i} = {n}" for i, n in enumerate(names[:16]))
    return shown + (f", ... ({len(names)} values)" if len(names) > 16 else "")


def _agent_names(names: list[str]) -> dict[str, str]:
    """SMCDEL agent names are ASCII letters and digits starting with a letter, and not keywords."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = re.sub(r"[^A-Za-z0-9]", "", name) or "agent"
        if not base[0].isalpha():
            base = "a" + base
        if base in RESERVED:
            base = base + "x"
        candidate, k = base, 2
        while candidate in used:
            candidate, k = f"{base}{k}", k + 1
        used.add(candidate)
        out[name] = candidate
    return out


def _paren(text: str) -> str:
    if re.fullmatch(r"~?\s*\d+|Top|Bot", text) or (text.startswith("(") and _balanced_outer(text)):
        return text
    return f"({text})"


def _balanced_outer(text: str) -> bool:
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(text) - 1:
            return False
    return depth == 0
