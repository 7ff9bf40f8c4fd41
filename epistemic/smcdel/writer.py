"""Our Puzzle -> SMCDEL text, so that SMCDEL can cross-check our answers.

Each finite domain is encoded one-hot (one atom per value that occurs in some world; a boolean is
one atom), each observed term that is not a plain variable gets atoms for its values, and the LAW
admits exactly the puzzle's worlds. Agents observe the atoms of what they observe. Announcements
become nested `<! φ >` in one WHERE? job per stage; formulas about the past (`before`,
`initially`) have no SMCDEL counterpart and are written as the states where they held, which we
compute (the file says so in a comment).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..engines.base import get_engine
from ..worlds.evaluate import static_term, static_values
from ..errors import EpistemicError
from ..language import syntax as s
from ..language.printer import formula_source, term_source
from ..worlds.space import WorldSpace
from ..stages.solve import Solution, solve

RESERVED = {"VARS", "LAW", "OBS", "Top", "Bot", "Not", "not", "AND", "OR", "XOR", "ONEOF", "ForAll", "Forall",
            "Exists", "K", "Kw", "iff", "knows", "comknow", "distknow", "that", "whether", "G"}


@dataclass(frozen=True)
class Group:
    """Atoms encoding one variable or observed term: one-hot (atom per value) or a single boolean atom."""

    key: str  # a variable's name, or an observed term's source text
    term: s.Term
    values: tuple[int, ...]
    atoms: tuple[int, ...]
    boolean: bool

    def literal_of(self, code: int) -> str:
        if self.boolean:
            return str(self.atoms[0]) if code else f"~{self.atoms[0]}"
        return str(self.atoms[self.values.index(code)])


@dataclass(frozen=True, eq=False)
class Export:
    """The SMCDEL text with the encoding, so states can be decoded back into our worlds."""

    text: str
    puzzle: s.Puzzle
    groups: tuple[Group, ...]
    agent_names: dict[str, str]
    stage_counts: tuple[int, ...]
    notes: tuple[str, ...] = ()
    comments: dict[int, str] = field(default_factory=dict)

    def decode(self, state) -> dict[str, int]:
        """An SMCDEL state (its true atoms) -> our variables' codes."""
        true = set(state)
        out = {}
        for g in self.groups:
            if not isinstance(g.term, s.Var):
                continue
            if g.boolean:
                out[g.key] = 1 if g.atoms[0] in true else 0
            else:
                hits = [v for v, a in zip(g.values, g.atoms) if a in true]
                if len(hits) != 1:
                    raise ValueError(f"state {sorted(true)} does not encode one value of {g.key}")
                out[g.key] = hits[0]
        return out

    def to_dict(self) -> dict:
        """JSON schema `epistemic.smcdel-export/1` (docs/smcdel.md)."""
        return {
            "schema": "epistemic.smcdel-export/1",
            "puzzle": self.puzzle.title,
            "file": self.puzzle.file,
            "atoms": [{"atom": a, "encodes": self.comments[a]} for a in sorted(self.comments)],
            "agents": dict(self.agent_names),
            "stages": list(self.stage_counts),
            "notes": list(self.notes),
            "text": self.text,
        }


def export_smcdel(puzzle: s.Puzzle, engine: str = "explicit", solution: Solution | None = None) -> Export:
    """Write the puzzle as an SMCDEL file: structure, one WHERE? per stage, and the answer as VALID?."""
    sol = solution or solve(puzzle, engine)
    return _Writer(puzzle, sol, get_engine(engine) if isinstance(engine, str) else engine).write()


class _Writer:
    def __init__(self, puzzle: s.Puzzle, sol: Solution, engine):
        self.puzzle = puzzle
        self.sol = sol
        self.space: WorldSpace = sol.space
        self.engine = engine
        self.masks = [st.mask for st in sol.stages]
        self.groups: list[Group] = []
        self.by_key: dict[str, Group] = {}
        self.notes: list[str] = []
        self.comments: dict[int, str] = {}
        self.next_atom = 1
        self.agent_names = _agent_names([a.name for a in puzzle.agents])

    # ------------------------------------------------------------ encoding

    def add_group(self, key: str, term: s.Term, codes: np.ndarray, label) -> Group:
        values = tuple(int(v) for v in np.unique(codes)) if len(codes) else ()
        boolean = set(values) <= {0, 1} and (isinstance(term, s.Var) and self._is_bool_var(term.name)
                                             or not isinstance(term, s.Var))
        if boolean:
            atoms = (self.next_atom,)
            self.comments[self.next_atom] = f"{key} is true" if isinstance(term, s.Var) else f"{key} = 1"
            values = (0, 1)
        else:
            atoms = tuple(range(self.next_atom, self.next_atom + len(values)))
            for a, v in zip(atoms, values):
                self.comments[a] = f"{key} = {label(v)}"
        self.next_atom += len(atoms)
        group = Group(key, term, values, atoms, boolean)
        self.groups.append(group)
        self.by_key[key] = group
        return group

    def _is_bool_var(self, name: str) -> bool:
        var = self.puzzle.variable(name)
        return var.numeric and set(var.codes) <= {0, 1}

    def encode(self) -> None:
        for var in self.puzzle.variables:
            col = self.space.columns[var.name]
            self.add_group(var.name, s.Var(var.name), col, lambda c, v=var: v.value_of(c).name)
        for agent in self.puzzle.agents:
            for t in agent.observes:
                if isinstance(t, s.Var):
                    continue
                key = term_source(t, self.puzzle)
                if key not in self.by_key:
                    values = np.broadcast_to(static_term(t, self.space.columns), (self.space.size,))
                    self.add_group(key, t, values, str)

    def term_values(self, group: Group) -> np.ndarray:
        return np.broadcast_to(static_term(group.term, self.space.columns), (self.space.size,))

    def cube(self, index: int, groups=None) -> str:
        """The conjunction of literals that picks world `index` out among the LAW's states."""
        lits = []
        for g in groups or self.groups:
            lits.append(g.literal_of(int(self.term_values(g)[index])))
        return lits[0] if len(lits) == 1 else "(" + " & ".join(lits) + ")"

    def law(self) -> str:
        parts = []
        for g in self.groups:
            if not g.boolean:
                parts.append(str(g.atoms[0]) if len(g.atoms) == 1 else "ONEOF (" + ", ".join(map(str, g.atoms)) + ")")
        product = 1
        for g in self.groups:
            product *= 2 if g.boolean else len(g.atoms)
        derived = any(not isinstance(g.term, s.Var) for g in self.groups)
        if derived or product != self.space.size:
            cubes = [self.cube(i) for i in range(self.space.size)]
            lines = [", ".join(cubes[k:k + 6]) for k in range(0, len(cubes), 6)]
            parts.append("OR ( " + ",\n         ".join(lines) + " )" if cubes else "Bot")
        if not parts:
            return "Top"
        return parts[0] if len(parts) == 1 else "AND ( " + ",\n       ".join(parts) + " )"

    # ------------------------------------------------------------ formulas

    def static(self, f: s.Formula, mask: np.ndarray | None = None) -> str:
        """A knowledge-free formula as a boolean formula over the atoms (exact on every world)."""
        fast = self._static_fast(f)
        if fast is not None:
            return fast
        names = sorted(_free_vars(f))
        groups = [self.by_key[n] for n in names]
        truth = np.broadcast_to(static_values(f, self.space.columns, self.space.size), (self.space.size,))
        return self.world_set(truth, groups)

    def world_set(self, truth: np.ndarray, groups, within: np.ndarray | None = None) -> str:
        """A boolean formula true exactly at the worlds (of `within`) where truth holds, over `groups`' atoms."""
        within = np.ones(self.space.size, dtype=bool) if within is None else within
        if not groups:
            groups = [g for g in self.groups if isinstance(g.term, s.Var)]
        keys = np.stack([self.term_values(g) for g in groups], axis=1) if groups else np.zeros((self.space.size, 0))
        yes = {tuple(r) for r in keys[truth & within].tolist()}
        no = {tuple(r) for r in keys[~truth & within].tolist()}
        if yes & no:  # the chosen atoms cannot tell the worlds apart: use every variable
            return self.world_set(truth, [g for g in self.groups if isinstance(g.term, s.Var)], within)
        if not yes:
            return "Bot"
        if not no:
            return "Top"
        negate = len(no) < len(yes)
        picked = sorted(no if negate else yes)
        cubes = []
        for row in picked:
            lits = [g.literal_of(int(v)) for g, v in zip(groups, row)]
            cubes.append(lits[0] if len(lits) == 1 else "(" + " & ".join(lits) + ")")
        body = cubes[0] if len(cubes) == 1 else "OR (" + ", ".join(cubes) + ")"
        return f"~ {body}" if negate else body

    def _static_fast(self, f: s.Formula) -> str | None:
        if isinstance(f, s.Compare) and f.op in ("=", "!=") and isinstance(f.left, s.Var) and isinstance(f.right, s.Const):
            g = self.by_key.get(f.left.name)
            if g is None:
                return None
            code = f.right.value
            if g.boolean:
                text = str(g.atoms[0]) if code == 1 else f"~ {g.atoms[0]}" if code == 0 else "Bot"
            else:
                text = str(g.atoms[g.values.index(code)]) if code in g.values else "Bot"
            if f.op == "!=":
                return "Top" if text == "Bot" else f"~ {text}" if not text.startswith("~") else text[2:]
            return text
        return None

    def indicators(self, terms: tuple[s.Term, ...]) -> list[str]:
        """Formulas whose truth values together fix the terms' values (one-hot atoms where we have them)."""
        out = []
        for t in terms:
            key = t.name if isinstance(t, s.Var) else term_source(t, self.puzzle)
            g = self.by_key.get(key)
            if g is not None:
                out.extend(str(a) for a in g.atoms)
                continue
            values = np.broadcast_to(static_term(t, self.space.columns), (self.space.size,))
            for v in np.unique(values):
                out.append(self.world_set(values == v, [self.by_key[n] for n in sorted(_free_vars_term(t))]))
        return out

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

    def knows(self, f: s.Knows, k: int, inside: bool) -> str:
        if f.mode == "value":
            verb_mode = "whether"
            bodies = self.indicators(f.body)  # knowing the value = knowing whether each indicator holds
        else:
            verb_mode = f.mode
            bodies = [self.formula(f.body, k, inside)]
        parts = []
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
        j = 0 if f.back is None else max(0, k - f.back)
        truth = self.engine.evaluate(self.space, self.masks[: j + 1], f.body)
        note = (f"{formula_source(f, self.puzzle)} at stage {k} is written as the states where it holds, "
                f"computed by epistemic (SMCDEL has no past operator)")
        if note not in self.notes:
            self.notes.append(note)
        return self.world_set(truth, [], within=self.masks[k])

    # ------------------------------------------------------------ the file

    def write(self) -> Export:
        self.encode()
        p = self.puzzle
        out = [f"-- {p.title}", f"-- written by epistemic from {p.file} (SMCDEL's text format)", "--"]
        for a in range(1, self.next_atom):
            out.append(f"-- atom {a}: {self.comments[a]}")
        renamed = {ours: theirs for ours, theirs in self.agent_names.items() if ours != theirs}
        for ours, theirs in renamed.items():
            out.append(f"-- agent {theirs} is {ours}")
        out.append("")
        out.append("VARS " + ", ".join(str(a) for a in range(1, self.next_atom)))
        out.append("")
        out.append("LAW  " + self.law())
        out.append("")
        obs_lines = []
        for agent in p.agents:
            atoms: list[int] = []
            for t in agent.observes:
                key = t.name if isinstance(t, s.Var) else term_source(t, p)
                atoms.extend(self.by_key[key].atoms)
            obs_lines.append(f"{self.agent(agent.name)}: " + ", ".join(map(str, atoms)))
        out.append("OBS  " + "\n     ".join(obs_lines))
        out.append("")
        contents = [self.formula(ann.content, i) for i, ann in enumerate(p.announcements)]
        counts = tuple(st.count for st in self.sol.stages)
        for k in range(len(counts)):
            what = "the worlds" if k == 0 else f"after: {p.announcements[k - 1].source}"
            out.append(f"-- stage {k}, {what} ({counts[k]} worlds)")
            chain = "".join(f"<! {c} >\n  " for c in contents[:k])
            out.append(f"WHERE?\n  {chain}Top")
            out.append("")
        if p.question is not None and self.sol.answer and self.sol.complete:
            answer = self.answer_formula()
            chain = "".join(f"[! {c} ]\n  " for c in contents)
            out.append(f"-- the answer: {', '.join(self.sol.answer_text())}")
            out.append(f"VALID?\n  {chain}{_paren(answer)}")
            out.append("")
        for note in self.notes:
            out.insert(3, f"-- note: {note}")
        text = "\n".join(out)
        return Export(text, p, tuple(self.groups), dict(self.agent_names), counts, tuple(self.notes),
                      dict(self.comments))

    def answer_formula(self) -> str:
        terms = self.puzzle.question.terms  # type: ignore[union-attr]
        options = []
        for codes in self.sol.answer:
            f = s.And(tuple(s.Compare("=", t, s.Const(c)) for t, c in zip(terms, codes)))
            options.append(f)
        return self.static(s.Or(tuple(options)) if len(options) > 1 else options[0])


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


def _free_vars(f) -> set[str]:
    if isinstance(f, s.Compare):
        return _free_vars_term(f.left) | _free_vars_term(f.right)
    if isinstance(f, s.Member):
        return _free_vars_term(f.term)
    if isinstance(f, s.Not):
        return _free_vars(f.body)
    if isinstance(f, (s.And, s.Or)):
        return set().union(*(_free_vars(x) for x in f.items)) if f.items else set()
    if isinstance(f, (s.Implies, s.Iff)):
        return _free_vars(f.left) | _free_vars(f.right)
    return set()


def _free_vars_term(t) -> set[str]:
    if isinstance(t, s.Var):
        return {t.name}
    if isinstance(t, s.Arith):
        return _free_vars_term(t.left) | _free_vars_term(t.right)
    if isinstance(t, s.Neg):
        return _free_vars_term(t.term)
    if isinstance(t, s.Count):
        return set().union(*(_free_vars(x) for x in t.formulas)) if t.formulas else set()
    return set()
