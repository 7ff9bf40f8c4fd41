"""A puzzle as a knowledge structure: boolean atoms, a state law over them, and what each agent observes.

Each finite-domain variable is the binary (log) encoding of its value's index; its integer value is a
bit-vector over those atoms. The state law says which assignments are worlds: indices in range, the
table's rows, the `where` constraints. An agent that observes plain variables observes their atoms;
any other observed term (x + y, a comparison) gets fresh atoms that the law ties to the term's bits,
so every agent observes a set of atoms and knowing is quantifying the other atoms away, as in SMCDEL.
Nothing here lists worlds: sizes are model counts.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import EpistemicError
from ...language import syntax as s
from ...limits import MEMORY_BUDGET_BYTES
from .bdd import Manager, make_manager, within_budget
from .bitvec import BitVec, Circuits

MAX_ANSWERS = 100_000


@dataclass(frozen=True, eq=False)
class Structure:
    """The knowledge structure of a puzzle (stage 0); `size` is how many worlds the law allows."""

    puzzle: s.Puzzle
    manager: Manager
    circuits: Circuits
    index_atoms: dict[str, tuple[int, ...]]
    values: dict[str, BitVec]
    law: object
    observed: dict[str, frozenset[int]]
    atoms: int
    observation_atoms: tuple[int, ...]
    size: int
    raw_size: int
    method: str = "symbolic"
    term_atoms: dict = field(default_factory=dict)  # observed non-variable term -> its (bit, fresh atom) pairs
    cache: dict = field(default_factory=dict, repr=False)

    def count(self, f) -> int:
        """How many worlds satisfy f (f within the law): a model count, never a listing."""
        return self.manager.count(f, self.atoms)

    def hidden(self, agents: tuple[str, ...]) -> tuple[int, ...]:
        """The atoms none of the agents observes (quantified away to evaluate their knowledge)."""
        key = ("hidden", agents)
        if key not in self.cache:
            seen = frozenset().union(*(self.observed[a] for a in agents))
            self.cache[key] = tuple(i for i in range(self.atoms) if i not in seen)
        return self.cache[key]

    def observed_terms(self, agents: tuple[str, ...]) -> frozenset:
        """The terms the agents observe, pooled (plain variables as Var terms)."""
        key = ("terms", agents)
        if key not in self.cache:
            wanted = set(agents)
            self.cache[key] = frozenset(t for a in self.puzzle.agents if a.name in wanted for t in a.observes)
        return self.cache[key]

    def worlds(self, f, limit: int | None = None) -> list[dict[str, int]]:
        """Up to `limit` worlds of f as {variable: code}, in the order of the variables' value indices
        (first variable most significant), found by fixing index atoms; nothing else is listed.

        Each variable's value is fixed bit by bit in the BDD's order (usually one cofactor step a bit);
        the observation atoms are left free: they follow from the index atoms by the law, so what is
        left of f is non-false exactly when the index atoms fixed so far extend to a world of f."""
        m = self.manager
        variables = self.puzzle.variables
        layout = []  # per variable: its name, codes and atoms in the BDD's order (with their bit numbers)
        for v in variables:
            atoms = self.index_atoms[v.name]
            layout.append((v.name, v.codes, sorted(enumerate(atoms), key=lambda ja: m.level(ja[1]))))
        out: list[dict[str, int]] = []
        # depth first, smaller indices first, without recursion (a family may have thousands of variables);
        # each entry: what is left of f, how many variables are fixed, their codes (linked), and the next
        # index to try for the variable at `depth` (tried lazily: listing one world tries few values)
        stack: list[tuple[object, int, tuple | None, int]] = [(f, 0, None, 0)] if f != m.false else []
        while stack and (limit is None or len(out) < limit):
            g, depth, path, start = stack.pop()
            if depth == len(layout):
                world = {}
                while path is not None:
                    path, (name, code) = path
                    world[name] = code
                out.append({name: world[name] for name, _, _ in layout})
                continue
            name, codes, bits = layout[depth]
            for index in range(start, len(codes)):
                h = g
                for j, atom in bits:
                    h = self._restrict(h, atom, bool((index >> j) & 1))
                    if h == m.false:
                        break
                if h != m.false:
                    stack.append((g, depth, path, index + 1))
                    stack.append((h, depth + 1, (path, (name, codes[index])), 0))
                    break
        return out

    def _restrict(self, g, atom: int, value: bool):
        """g with the atom fixed: the top node's child when the atom is g's top variable (one step), g itself
        when g cannot depend on it (it lies above g's top), else by conjunction and quantification."""
        m = self.manager
        top = m.top(g)
        if top is None:
            return g
        var, level, high, low = top
        if var == atom:
            return high if value else low
        if m.level(atom) < level:
            return g
        x = m.var(atom)
        return m.exists(g & (x if value else ~x), (atom,))

    def point(self, world: dict[str, int]):
        """The cube of one world's index atoms (cached: the report asks it once per agent)."""
        key = ("point", tuple(sorted(world.items())))
        if key not in self.cache:
            m = self.manager
            cube = m.true
            for v in self.puzzle.variables:
                index = v.codes.index(world[v.name])
                for j, atom in enumerate(self.index_atoms[v.name]):
                    cube = cube & (m.var(atom) if (index >> j) & 1 else ~m.var(atom))
            self.cache[key] = cube
        return self.cache[key]

    def labels(self, f, limit: int | None = None) -> list[str]:
        from ...worlds.labels import world_label_of

        return [world_label_of(self.puzzle, w) for w in self.worlds(f, limit)]

    def seen_by(self, agent: str, world: dict[str, int], key: tuple | None = None):
        """The worlds the agent cannot tell from `world`: its observed atoms as there (one cube).

        `key` (the world's sorted items) saves re-sorting when one world is asked about many times.
        """
        key = key or tuple(sorted(world.items()))
        cache_key = ("seen", agent, key)
        if cache_key not in self.cache:
            m = self.manager
            cube = m.true
            for atom, value in sorted(self.observed_values(agent, world, key).items(), reverse=True):
                cube = cube & (m.var(atom) if value else ~m.var(atom))
            self.cache[cache_key] = cube
        return self.cache[cache_key]

    def observed_values(self, agent: str, world: dict[str, int], key: tuple | None = None) -> dict[int, bool]:
        """The agent's observed atoms and their values at `world`."""
        return self.observed_at(world, key)[agent]

    def observed_at(self, world: dict[str, int], key: tuple | None = None) -> dict[str, dict[int, bool]]:
        """Every agent's observed atoms and their values at `world` (cached per world: one lookup per
        stage of a report, however many agents it asks about)."""
        key = key or tuple(sorted(world.items()))
        cache_key = ("observed", key)
        if cache_key not in self.cache:
            m = self.manager
            values = self.atom_values(world, key)
            here = None
            out = {}
            for agent, atoms in self.observed.items():
                for atom in atoms:
                    if atom not in values:  # an observation atom: its value follows from the law
                        here = self.law & self.point(world) if here is None else here
                        values[atom] = (here & m.var(atom)) != m.false
                out[agent] = {atom: values[atom] for atom in atoms}
            self.cache[cache_key] = out
        return self.cache[cache_key]

    def atom_values(self, world: dict[str, int], key: tuple | None = None) -> dict[int, bool]:
        """The index atoms' values at a world (a fresh dict; cached per world key)."""
        key = ("atoms", key or tuple(sorted(world.items())))
        if key not in self.cache:
            out = {}
            for v in self.puzzle.variables:
                index = v.codes.index(world[v.name])
                for j, atom in enumerate(self.index_atoms[v.name]):
                    out[atom] = bool((index >> j) & 1)
            self.cache[key] = out
        return dict(self.cache[key])

    def constant(self, f, bits) -> bool:
        """Does every bit take one value over the (non-empty) worlds of f?"""
        F = self.manager.false
        return all((f & b) == F or (f & ~b) == F for b in bits)

    def distinct(self, f, vectors: list[BitVec], most: int = MAX_ANSWERS) -> list[tuple[int, ...]]:
        """The distinct values of the vectors over the worlds of f (at most `most`), splitting f bit by bit."""
        bits = [(k, j, b) for k, vec in enumerate(vectors) for j, b in enumerate(vec.bits)]
        found: list[tuple[int, ...]] = []
        F = self.manager.false

        def split(g, depth: int, chosen: list[bool]):
            if g == F:
                return
            if len(found) >= most:
                return
            if depth == len(bits):
                found.append(_decode(vectors, chosen))
                if len(found) > MAX_ANSWERS:
                    raise EpistemicError(f"the question has over {MAX_ANSWERS:,} possible values at the last stage",
                                         hint="ask about fewer or narrower terms")
                return
            b = bits[depth][2]
            split(g & ~b, depth + 1, chosen + [False])
            split(g & b, depth + 1, chosen + [True])

        split(f, 0, [])
        return sorted(found)


def _decode(vectors: list[BitVec], chosen: list[bool]) -> tuple[int, ...]:
    out, pos = [], 0
    for vec in vectors:
        raw = sum(1 << j for j in range(vec.width) if chosen[pos + j])
        if vec.width and chosen[pos + vec.width - 1]:
            raw -= 1 << vec.width
        out.append(raw)
        pos += vec.width
    return tuple(out)


def build_structure(puzzle: s.Puzzle, backend: str | None = None, budget: int = MEMORY_BUDGET_BYTES) -> Structure:
    """The puzzle's knowledge structure: atoms, law and observations (see the module docstring), its BDDs
    within `budget` bytes."""
    estimate = sum((len(v.values) - 1).bit_length() for v in puzzle.variables) + 8 * len(puzzle.agents)
    m = make_manager(backend, estimate, budget)
    with within_budget(m, "building the worlds' law"):
        return _build(puzzle, m)


def _build(puzzle: s.Puzzle, m: Manager) -> Structure:
    from .evaluate import static_formula, static_term

    c = Circuits(m)
    index_atoms: dict[str, tuple[int, ...]] = {}
    values: dict[str, BitVec] = {}
    law = m.true
    raw = 1
    for v in puzzle.variables:
        k = len(v.values)
        if k == 0:
            raise EpistemicError(f"variable {v.name} has an empty domain")
        raw *= k
        nbits = (k - 1).bit_length()
        atoms = tuple(m.new_vars(nbits))
        index_atoms[v.name] = atoms
        index = c.from_bits([m.var(i) for i in atoms], 0, (1 << nbits) - 1)
        if k < (1 << nbits):
            law = law & c.less(index, c.const(k))
            index = c.narrow(index, 0, k - 1)  # within the law
        values[v.name] = _value_vector(c, index, v.codes)
    if puzzle.table_columns:
        law = law & table_law(c, puzzle, index_atoms)
        raw = len(puzzle.table_rows) * raw // max(1, _product(len(puzzle.variable(n).values) for n in puzzle.table_columns))
    partial = _Partial(puzzle, m, c, values, law)
    for f in puzzle.constraints:
        law = law & static_formula(partial, f)
    partial = _Partial(puzzle, m, c, values, law)
    observed: dict[str, frozenset[int]] = {}
    observation_atoms: list[int] = []
    shared: dict[s.Term, tuple[int, ...]] = {}
    ties = []  # each observation atom = its term's bit, conjoined with the law at the end, balanced
    for agent in puzzle.agents:
        seen: set[int] = set()
        for t in agent.observes:
            if isinstance(t, s.Var):
                seen.update(index_atoms[t.name])
                continue
            if t not in shared:
                vec = static_term(partial, t)
                pairs = []
                for j, bit in enumerate(vec.bits if vec.lo != vec.hi else ()):
                    # the worlds are the law's so far (observation atoms add no worlds)
                    if (partial.law & bit) == m.false or (partial.law & ~bit) == m.false:
                        continue  # a bit constant over the worlds (e.g. a non-negative term's sign) tells nothing
                    (atom,) = m.new_vars(1)
                    ties.append(~c.xor(m.var(atom), bit))
                    pairs.append((j, atom))
                shared[t] = tuple(pairs)
                observation_atoms.extend(atom for _, atom in pairs)
            seen.update(atom for _, atom in shared[t])
        observed[agent.name] = frozenset(seen)
    law = law & c.conjoin(ties)
    atoms = sum(len(a) for a in index_atoms.values()) + len(observation_atoms)
    size = m.count(law, atoms)
    return Structure(puzzle, m, c, index_atoms, values, law, observed, atoms, tuple(observation_atoms), size, raw,
                     term_atoms=shared)


def _product(xs) -> int:
    out = 1
    for x in xs:
        out *= x
    return out


@dataclass(frozen=True, eq=False)
class _Partial:
    """The pieces a knowledge-free formula needs while the structure is being built."""

    puzzle: s.Puzzle
    manager: Manager
    circuits: Circuits
    values: dict[str, BitVec]
    law: object


def _value_vector(c: Circuits, index: BitVec, codes: tuple[int, ...]) -> BitVec:
    """A variable's integer value from its index vector: an offset when the codes are consecutive."""
    first = codes[0]
    if codes == tuple(range(first, first + len(codes))):
        return index if first == 0 else c.add(index, c.const(first))
    lo, hi = min(codes), max(codes)
    from .bitvec import width_for

    w = width_for(lo, hi)
    bits = [c.F] * w
    for i, code in enumerate(codes):
        here = c.equal(index, c.const(i))
        for j in range(w):
            if (code >> j) & 1:
                bits[j] = bits[j] | here
    return BitVec(tuple(bits), lo, hi)


def table_law(c: Circuits, puzzle: s.Puzzle, index_atoms: dict[str, tuple[int, ...]]):
    """The disjunction of the table's rows, each a conjunction of index literals."""
    m = c.m
    law = m.false
    position = {name: {code: i for i, code in enumerate(puzzle.variable(name).codes)} for name in puzzle.table_columns}
    for row in puzzle.table_rows:
        cube = m.true
        for name, code in zip(puzzle.table_columns, row):
            index = position[name][code]
            for j, atom in enumerate(index_atoms[name]):
                cube = cube & (m.var(atom) if (index >> j) & 1 else ~m.var(atom))
        law = law | cube
    return law
