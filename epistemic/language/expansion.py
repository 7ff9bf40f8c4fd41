"""How many items a puzzle's ranges expand to, estimated from its syntax tree before any is expanded.

The elaborator expands `all`/`any`, comprehensions (`for i in a..b`, in agents, arguments and
announcements) and `repeat` into one item per binding. It elaborates an `all`/`any` or a call once
per binding of the index names it mentions (`MemoKey`), so an inner range that does not mention the
outer index is expanded once and shared. The estimate follows the same rule and evaluates each range's
body at its first, middle and last binding only (exact when the body's size is affine in the index,
an upper bound when it is convex or concave), so a puzzle that would expand to millions of items is
refused in milliseconds instead of after seconds.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..errors import EpistemicError
from .lark_parser import Token, Tree

MEMOISED = frozenset({"quantified", "call"})
RANGES = frozenset({"quantified", "comp", "repeat_stmt"})  # nodes that expand into one item per binding  # elaborated once per binding of the names they mention
MAX_VISITS = 20_000  # tree nodes the estimate looks at; past them it stops (the running count stays a check)


@dataclass(frozen=True)
class Estimate:
    """Items the trees would expand to, and the tree (a statement) that expands to the most."""

    items: int
    largest: Any = None
    largest_items: int = 0


class _Enough(Exception):
    """The estimate has looked at MAX_VISITS nodes: what it counted so far is returned."""


class Expansions:
    """The index names each subtree mentions (cached per tree), memo keys, and expansion estimates.

    `const` evaluates a bound (a tree) under an environment of index values, as the elaborator does;
    `lets` are the puzzle's `let` trees by name and `done` tells whether a let was already elaborated.
    """

    def __init__(self, const: Callable[[Any, dict], int], lets: dict[str, Tree],
                 done: Callable[[str], bool] = lambda name: False):
        self.const = const
        self.lets = lets
        self.done = done
        self._names: dict[int, tuple[Tree, frozenset[str]]] = {}
        self._ranges: dict[int, tuple[Tree, bool]] = {}
        self._visits = 0

    # ------------------------------------------------------------ names and memo keys

    def names(self, tree: Tree) -> frozenset[str]:
        """Every NAME token in the tree (an over-approximation of the index names it depends on)."""
        hit = self._names.get(id(tree))
        if hit is None or hit[0] is not tree:
            self._index(tree)
            hit = self._names[id(tree)]
        return hit[1]

    def _index(self, root: Tree) -> None:
        """Names and whether a range lies inside, for every subtree of root, in one pass from the leaves
        up (asking each subtree separately would scan the tree once per node)."""
        order, stack = [], [root]
        while stack:
            node = stack.pop()
            order.append(node)
            stack.extend(c for c in node.children if isinstance(c, Tree) and self._names.get(id(c), (None,))[0] is not c)
        for node in reversed(order):  # children before their parents
            names = {str(c) for c in node.children if isinstance(c, Token) and c.type == "NAME"}
            ranged = node.data in RANGES
            for c in node.children:
                if isinstance(c, Tree):
                    names |= self._names[id(c)][1]
                    ranged = ranged or self._ranges[id(c)][1]
            self._names[id(node)] = (node, frozenset(names))
            self._ranges[id(node)] = (node, ranged)

    def key(self, tree: Tree, env: dict) -> tuple:
        """The memo key of elaborating `tree` under `env`: the tree and the index values it can see."""
        names = self.names(tree)
        return id(tree), tuple(sorted((k, v) for k, v in env.items() if k in names))

    def _has_range(self, tree: Tree) -> bool:
        hit = self._ranges.get(id(tree))
        if hit is None or hit[0] is not tree:
            if not _mentions_range(tree):  # most statements: no need for every subtree's names
                return False
            self._index(tree)
            hit = self._ranges[id(tree)]
        return hit[1]

    def _expands(self, tree: Tree) -> bool:
        return self._has_range(tree) or (bool(self.lets) and any(name in self.lets and not self.done(name)
                                                                 for name in self.names(tree)))

    # ------------------------------------------------------------ the estimate

    def estimate(self, trees: list, env: dict) -> Estimate:
        """Items the trees (statements or expressions, elaborated in order under env) would expand to."""
        seen: set = set()
        self._visits = 0
        total, largest, most = 0, None, 0
        try:
            for tree in trees:
                items = self._cost(tree, env, seen)
                total += items
                if items > most:
                    largest, most = tree, items
        except _Enough:
            pass
        return Estimate(total, largest, most)

    def _cost(self, node: Any, env: dict, seen: set) -> int:
        """Items elaborating node under env adds, given the memo keys already elaborated (`seen`)."""
        if not isinstance(node, Tree) or not self._expands(node):
            return 0
        self._visits += 1
        if self._visits > MAX_VISITS:
            raise _Enough
        if node.data in MEMOISED:
            key = self.key(node, env)
            if key in seen:
                return 0
            seen.add(key)
        if node.data == "name":
            name = str(node.children[0])
            if name in self.lets and not self.done(name) and ("let", name) not in seen and name not in env:
                seen.add(("let", name))
                return self._cost(self.lets[name], {}, seen)
            return 0
        if node.data == "quantified":
            _kind, var, lo, hi, body = node.children
            return self._ranged(str(var), lo, hi, [body], env, seen)
        comp = next((c for c in node.children if isinstance(c, Tree) and c.data == "comp"), None)
        if comp is not None:
            var, lo, hi, _cond = comp.children
            return self._ranged(str(var), lo, hi, [c for c in node.children if c is not comp], env, seen)
        if node.data == "repeat_stmt":
            count = self._bound(node.children[0], env)
            if count is None or count <= 0:
                return 0
            # every round elaborates the same announcement: its ranges are memoised after the first
            return count + self._cost(node.children[1], env, seen)
        return sum(self._cost(c, env, seen) for c in node.children)

    def _ranged(self, var: str, lo: Any, hi: Any, body: list, env: dict, seen: set) -> int:
        """n items for the range, the body's parts that do not mention `var` once, the rest n times.

        The rest's size per binding, f(i), is taken at the ends and the middle: the larger of the mean of
        the ends and the middle is exact for an affine f, and an upper bound for a convex f (the chord lies
        above it) and for a concave one (Jensen: f(middle) >= the mean of f)."""
        a, b = self._bound(lo, env), self._bound(hi, env)
        if a is None or b is None or b < a:
            return 0
        n = b - a + 1
        once = sum(self._invariant(c, frozenset({var}), env, seen) for c in body)

        marked: set = set()

        def f(i: int) -> int:
            """The size at binding i as if it were the first binding (what other bindings share is counted
            again: an over-estimate, never an under-estimate)."""
            local = set(seen)
            size = sum(self._cost(c, {**env, var: i}, local) for c in body)
            marked.update(local)
            return size

        ends = 2 * f(a) if n == 1 else f(a) + f(b)
        middle = ends if n <= 2 else f((a + b) // 2) + f((a + b + 1) // 2) if n % 2 == 0 else 2 * f((a + b) // 2)
        seen.update(marked)
        return n + once + (n * max(ends, middle) + 1) // 2  # ends and middle are twice a size per binding

    def _invariant(self, node: Any, bound: frozenset[str], env: dict, seen: set) -> int:
        """Items of node's largest subtrees that mention none of the `bound` index names: the elaborator
        expands each of those once for every binding of them, so they are counted once here."""
        if not isinstance(node, Tree) or not self._expands(node):
            return 0
        if not (self.names(node) & bound):
            return self._cost(node, env, seen)
        inner = _binder(node)
        if inner is not None:
            bound = bound | {inner}
        return sum(self._invariant(c, bound, env, seen) for c in node.children)

    def _bound(self, tree: Any, env: dict) -> int | None:
        """A range's end; None where it cannot be evaluated here (the elaborator then says why)."""
        try:
            return self.const(tree, env)
        except EpistemicError:
            return None


def _mentions_range(root: Tree) -> bool:
    """Is any node of the tree a range (what `_index` records as `ranged`), found without collecting names."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.data in RANGES:
            return True
        stack.extend(c for c in node.children if isinstance(c, Tree))
    return False


def _binder(node: Tree) -> str | None:
    """The index name a range node binds, if it is one."""
    if node.data == "quantified":
        return str(node.children[1])
    for c in node.children:
        if isinstance(c, Tree) and c.data == "comp":
            return str(c.children[0])
    return None
