"""Two BDD libraries behind one small interface: CUDD (through `dd.cudd`) and OxiDD.

The engine needs only: constants, variables by number, and/or/not (the libraries' own operators on
their function objects), universal and existential quantification over a set of variable numbers,
model counting over a given number of variables, and picking satisfying assignments.
"""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from typing import Iterator, Protocol

from ...errors import EpistemicError, TooLarge
from ...limits import BYTES_PER_BDD_NODE, MEMORY_BUDGET_BYTES, bdd_node_capacity, human_bytes

BACKENDS = ("cudd", "oxidd")
MAX_OXIDD_NODES = 1 << 24


class Manager(Protocol):
    """What the symbolic engine asks of a BDD library (functions support &, |, ~ and ==)."""

    name: str
    true: object
    false: object

    def new_vars(self, count: int) -> list[int]: ...
    def var(self, index: int): ...
    def forall(self, f, variables: tuple[int, ...]): ...
    def exists(self, f, variables: tuple[int, ...]): ...
    def xor(self, a, b): ...
    def box(self, stage, phi, variables: tuple[int, ...]): ...
    def diamond(self, stage, phi, variables: tuple[int, ...]): ...
    def count(self, f, nvars: int) -> int: ...
    def assignments(self, f, variables: tuple[int, ...]) -> Iterator[dict[int, bool]]: ...
    def pick(self, f) -> dict[int, bool]: ...
    def nodes(self) -> int: ...
    def size(self, f) -> int: ...
    def top(self, f) -> tuple[int, int, object, object] | None: ...
    def level(self, var: int) -> int: ...
    node_limit: int


class CuddManager:
    """CUDD through the `dd` package (its wheels ship CUDD compiled in)."""

    name = "cudd"

    def __init__(self, reorder: bool = True, node_limit: int = 1 << 24):
        self.node_limit = node_limit  # checked after each engine step (CUDD aborts the process past max_memory)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import dd.cudd as cudd

        self._bdd = cudd.BDD()
        self._bdd.configure(reordering=reorder)
        self.true, self.false = self._bdd.true, self._bdd.false
        self._count = 0

    def new_vars(self, count: int) -> list[int]:
        names = [f"v{self._count + i}" for i in range(count)]
        self._bdd.declare(*names)
        out = list(range(self._count, self._count + count))
        self._count += count
        return out

    def var(self, index: int):
        return self._bdd.var(f"v{index}")

    def forall(self, f, variables: tuple[int, ...]):
        return self._bdd.forall([f"v{i}" for i in variables], f) if variables else f

    def exists(self, f, variables: tuple[int, ...]):
        return self._bdd.exist([f"v{i}" for i in variables], f) if variables else f

    def xor(self, a, b):
        return self._bdd.apply("xor", a, b)

    def box(self, stage, phi, variables: tuple[int, ...]):
        return self.forall(~stage | phi, variables)

    def diamond(self, stage, phi, variables: tuple[int, ...]):
        return self.exists(stage & phi, variables)

    def count(self, f, nvars: int) -> int:
        if f == self.false:
            return 0
        approx = self._bdd.count(f, nvars=nvars)
        return int(approx) if approx < 2**52 else self._exact_count(f, nvars)

    def _exact_count(self, f, nvars: int) -> int:
        """Exact model count by one pass over the nodes (CUDD's own count is a float)."""
        memo: dict[int, int] = {}
        level_of = self._bdd.level_of_var
        levels = sorted(level_of(f"v{i}") for i in range(self._count))
        rank = {lev: r for r, lev in enumerate(levels)}  # position among all variables, 0 = top

        def below(u, top: int) -> int:
            """Assignments of the variables at ranks >= top that satisfy u."""
            if u == self.true:
                return 1 << (nvars - top)
            if u == self.false:
                return 0
            r = rank[u.level]
            key = int(u)
            if key not in memo:
                low, high = (~u.low, ~u.high) if u.negated else (u.low, u.high)  # complemented edge
                memo[key] = below(low, r + 1) + below(high, r + 1)
            return memo[key] << (r - top)

        import sys

        sys.setrecursionlimit(max(sys.getrecursionlimit(), 4 * nvars + 1000))
        return below(f, 0)

    def pick(self, f) -> dict[int, bool]:
        """A cube inside f (non-empty): every assignment that agrees with it satisfies f."""
        return {int(k[1:]): bool(v) for k, v in self._bdd.pick(f).items()}

    def assignments(self, f, variables: tuple[int, ...]) -> Iterator[dict[int, bool]]:
        names = {f"v{i}" for i in variables}
        for cube in self._bdd.pick_iter(f, care_vars=names):
            yield {int(k[1:]): v for k, v in cube.items() if k in names}

    def nodes(self) -> int:
        return len(self._bdd)

    def size(self, f) -> int:
        """f's BDD nodes."""
        return len(f)

    def top(self, f):
        """(variable number, level, f with it true, f with it false) for f's top node; None for a constant."""
        if f == self.true or f == self.false:
            return None
        name = f.var
        return int(name[1:]), f.level, self._bdd.let({name: True}, f), self._bdd.let({name: False}, f)

    def level(self, var: int) -> int:
        """The variable's position in the current order (CUDD reorders)."""
        return int(self._bdd.level_of_var(f"v{var}"))

    def memory(self) -> int:
        return int(self._bdd.statistics()["mem"])


def oxidd_core():
    """OxiDD's compiled module (`oxidd._oxidd`: the managers, functions and operators), loaded without running
    the `oxidd` package's __init__, which reads its own version through importlib.metadata and imports
    every submodule: 60-70 ms of CPU here, against 3 ms for the module itself, in a command that takes
    half a second. It is registered under its own name, so a later `import oxidd` reuses it (the same
    classes); where the package is already imported, or the module is not found beside it, the ordinary
    import is used."""
    import importlib.machinery
    import importlib.util
    import os
    import sys

    name = "oxidd._oxidd"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec("oxidd")  # the package's folder, without running its __init__
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    paths = [os.path.join(f, e) for f in folders for e in sorted(os.listdir(f))
             if e.startswith("_oxidd.") and e.endswith(suffixes)]
    if not paths:
        import oxidd._oxidd  # noqa: F401  (raises ImportError where OxiDD is not installed)

        return sys.modules[name]
    loader = importlib.machinery.ExtensionFileLoader(name, paths[0])
    module = importlib.util.module_from_spec(importlib.util.spec_from_file_location(name, paths[0], loader=loader))
    sys.modules[name] = module
    loader.exec_module(module)
    return module


class OxiddManager:
    """OxiDD (Rust, prebuilt wheels), its BDDs with complement edges (negation in constant time)."""

    name = "oxidd"

    def __init__(self, nodes: int = 1 << 24, cache: int = 1 << 20, threads: int = 1):
        """nodes: the node table's capacity; an operation that needs more raises MemoryError."""
        import os

        self.node_limit = nodes
        core = oxidd_core()
        if os.environ.get("EPISTEMIC_OXIDD", "bdd") == "bcdd":
            self._m = core.BCDDManager(nodes, cache, threads)
        else:
            self._m = core.BDDManager(nodes, cache, threads)
        self._imp = core.BooleanOperator.IMP
        self._and = core.BooleanOperator.AND
        self._cubes: dict[tuple[int, ...], object] = {}
        self.true, self.false = self._m.true(), self._m.false()

    def new_vars(self, count: int) -> list[int]:
        return list(self._m.add_vars(count))

    def var(self, index: int):
        return self._m.var(index)

    def _cube(self, variables: tuple[int, ...]):
        cube = self._cubes.get(variables)
        if cube is None:
            cube = self.true
            for i in sorted(variables, reverse=True):
                cube = cube & self._m.var(i)
            self._cubes[variables] = cube
        return cube

    def xor(self, a, b):
        return a ^ b

    def box(self, stage, phi, variables: tuple[int, ...]):
        """∀variables. (stage → φ), in one pass."""
        return stage.apply_forall(self._imp, phi, self._cube(variables)) if variables else ~stage | phi

    def diamond(self, stage, phi, variables: tuple[int, ...]):
        """∃variables. (stage ∧ φ), in one pass."""
        return stage.apply_exists(self._and, phi, self._cube(variables)) if variables else stage & phi

    def forall(self, f, variables: tuple[int, ...]):
        return f.forall(self._cube(variables)) if variables else f

    def exists(self, f, variables: tuple[int, ...]):
        return f.exists(self._cube(variables)) if variables else f

    def count(self, f, nvars: int) -> int:
        return int(f.sat_count(nvars))

    def pick(self, f) -> dict[int, bool]:
        """A cube inside f (non-empty): one path of its BDD, the variables off the path left out."""
        return {i: bool(v) for i, v in enumerate(f.pick_cube()) if v is not None}

    def assignments(self, f, variables: tuple[int, ...]) -> Iterator[dict[int, bool]]:
        rest = f
        while rest.satisfiable():
            cube = rest.pick_cube()
            point = {i: bool(cube[i]) for i in variables}  # don't-cares read as False
            yield point
            here = self.true
            for i, value in point.items():
                here = here & (self._m.var(i) if value else ~self._m.var(i))
            rest = rest & ~here

    def nodes(self) -> int:
        return int(self._m.num_inner_nodes())

    def size(self, f) -> int:
        """f's BDD nodes."""
        return int(f.node_count())

    def top(self, f):
        """(variable number, level, f with it true, f with it false) for f's top node; None for a constant."""
        if f == self.true or f == self.false:
            return None
        high, low = f.cofactors()
        return int(f.node_var()), int(f.node_level()), high, low

    def level(self, var: int) -> int:
        """The variable's position in the order."""
        return int(self._m.var_to_level(var))


def make_manager(name: str | None = None, atoms: int = 1000, budget: int = MEMORY_BUDGET_BYTES) -> Manager:
    """A fresh manager of the named library (default: $EPISTEMIC_BDD, else oxidd), holding at most as many
    nodes as `budget` bytes allow (limits.bdd_node_capacity; refused before allocating if too few fit).

    `atoms` (an estimate) sizes OxiDD's operation cache: a large cache costs ~75 ms to allocate, which
    dominates small puzzles, and pays off only on large ones. 2^20 entries (24 MB) cost 5-40 ms of CPU in
    a fresh process (the pages are zeroed as they are touched) against about 1 ms for 2^17; muddy children
    and drinking logicians up to n = 60 (estimates up to 540: index bits + 8 per agent) solve as fast with
    2^17, muddy children n = 100 (900) four times slower. Hence 2^20 only from an estimate of 300.
    """
    import os

    name = name or os.environ.get("EPISTEMIC_BDD", "oxidd")
    cache = 1 << 14 if atoms < 40 else 1 << 17 if atoms < 300 else 1 << 20
    try:
        if name == "cudd":
            return CuddManager(node_limit=bdd_node_capacity(0, budget))
        if name == "oxidd":
            # OxiDD reserves its node table up front: at most 2^24 nodes, 2^22 for fewer than 40 atoms (Sum and
            # Product's 33 need about 10^5). A larger reservation in a long-lived process under an address-space
            # cap left no room for OxiDD's worker thread, which aborts the process (seen by bench/fuzz.py).
            nodes = min(MAX_OXIDD_NODES if atoms >= 40 else MAX_OXIDD_NODES >> 2, bdd_node_capacity(cache, budget))
            return OxiddManager(nodes=nodes, cache=cache)
    except ImportError as exc:
        raise EpistemicError(f"the BDD library for {name!r} is not installed ({exc})",
                             hint="pip install 'epistemic[symbolic]' (dd and oxidd)") from None
    raise EpistemicError(f"unknown BDD library {name!r}", hint="use cudd or oxidd")


@contextmanager
def within_budget(manager: Manager, what: str):
    """Runs BDD work; a node table that outgrows its budget becomes a TooLarge naming its size and what to do."""
    try:
        yield
    except MemoryError:
        raise _too_large(manager, what) from None
    if manager.nodes() > manager.node_limit:  # CUDD has no hard cap that fails cleanly: checked per step
        raise _too_large(manager, what)


def _too_large(manager: Manager, what: str) -> TooLarge:
    nodes = max(manager.nodes(), manager.node_limit)
    return TooLarge(
        f"the symbolic engine's BDDs outgrew their memory budget while {what}: {nodes:,} nodes, about "
        f"{human_bytes(nodes * BYTES_PER_BDD_NODE)} (the limit is {manager.node_limit:,} nodes, "
        f"{human_bytes(manager.node_limit * BYTES_PER_BDD_NODE)})",
        hint="BDDs grow with the formulas and the order of the variables' bits (as declared): shrink the ranges or "
             "--param values, declare variables that are compared with each other next to each other, and use "
             "--engine explicit for puzzles that multiply variables (Sum and Product)")
