"""Formulas and terms of the language as BDDs over a knowledge structure, stage by stage.

A stage is a BDD: the worlds still possible (the state law and every announcement so far). A formula
evaluates to a BDD that is meaningful inside the stage's worlds. Knowing is SMCDEL's rule: K_a φ holds
where φ holds at every world of the stage that agrees on a's observed atoms, i.e. ∀(unobserved atoms).
(stage → φ). Knowing a value is knowing each of its bits; common knowledge is the greatest fixpoint
of "everyone knows φ and it"; the past evaluates at an earlier stage; [!φ]ψ evaluates ψ at the stage
restricted to φ. Results are memoised per node and stage history.
"""
from __future__ import annotations

from typing import Sequence

from ...language import syntax as s
from ...language.arith import apply_int, compare_int
from .bitvec import BitVec, width_for

EXACTLY_LAYERS = 16  # `count = k` by a counter when k or n - k is at most this (see Circuits.exactly)


_SIMPLE = (s.Var, s.Const)


def _by_value(node) -> bool:
    """A comparison of variables and constants: cheap to hash, and repeated across announcements."""
    if isinstance(node, s.Compare):
        return isinstance(node.left, _SIMPLE) and isinstance(node.right, _SIMPLE)
    return isinstance(node, s.Member) and isinstance(node.term, _SIMPLE)


class Evaluator:
    """Evaluates at the last stage of a history (a tuple of stage BDDs, stage 0 first)."""

    def __init__(self, structure):
        self.st = structure
        self.m = structure.manager
        self.c = structure.circuits
        self._memo: dict[tuple, tuple[object, object]] = {}

    def _modal(self, node) -> bool:
        """s.is_modal, memoised per node (shared subtrees are looked at once)."""
        if isinstance(node, _SIMPLE) or _by_value(node):
            return False
        key = ("modal", id(node))
        hit = self._memo.get(key)
        if hit is not None and hit[0] is node:
            return hit[1]
        if isinstance(node, (s.Knows, s.Possible, s.Past, s.Announce)):
            value = True
        elif isinstance(node, (s.And, s.Or)):
            value = any(self._modal(x) for x in node.items)
        elif isinstance(node, s.Count):
            value = any(self._modal(x) for x in node.formulas)
        elif isinstance(node, (s.Implies, s.Iff, s.Compare, s.Arith)):
            value = self._modal(node.left) or self._modal(node.right)
        elif isinstance(node, s.Not):
            value = self._modal(node.body)
        elif isinstance(node, s.Neg):
            value = self._modal(node.term)
        elif isinstance(node, s.Member):
            value = self._modal(node.term)
        else:
            value = False
        self._memo[key] = (node, value, ())
        return value

    def _cached(self, node, frames, compute):
        if _by_value(node):
            # small knowledge-free nodes are shared by value: equal copies in many announcements
            key = ("value", node)
            hit = self._memo.get(key)
            if hit is None:
                hit = self._memo[key] = (node, compute(), ())
            return hit[1]
        # a history is identified by its length and its last stage object: each stage BDD object is
        # made once, from one history (the entry holds the frames, so the ids stay unique)
        key = (id(node), len(frames), id(frames[-1])) if self._modal(node) else (id(node),)
        hit = self._memo.get(key)
        if hit is not None and hit[0] is node:
            return hit[1]
        value = compute()
        self._memo[key] = (node, value, frames)
        return value

    # ------------------------------------------------------------ terms

    def term(self, t: s.Term, frames: tuple) -> BitVec:
        if isinstance(t, s.Var):
            return self.st.values[t.name]
        if isinstance(t, s.Const):
            return self.c.const(t.value)
        return self._cached(t, frames, lambda: self._term(t, frames))

    def _term(self, t, frames) -> BitVec:
        c = self.c
        if isinstance(t, s.Arith) and t.op == "+":
            return c.total_of([self.term(x, frames) for x in _summands(t)])
        if isinstance(t, s.Arith):
            a, b = self.term(t.left, frames), self.term(t.right, frames)
            if t.op == "-":
                return c.sub(a, b)
            if t.op == "*":
                return c.mul(a, b)
            q, r = c.divmod(a, b)
            return q if t.op == "/" else r
        if isinstance(t, s.Neg):
            return c.neg(self.term(t.term, frames))
        if isinstance(t, s.Count):
            return c.total([self.formula(f, frames) for f in t.formulas])
        raise TypeError(f"not a term: {t!r}")

    def flags(self, t: s.Term, frames: tuple) -> list | None:
        """The BDDs whose number is t, when t counts conditions or adds up booleans (count(...), sum(b));
        else None."""
        if isinstance(t, s.Count):
            return [self.formula(f, frames) for f in t.formulas]
        if not (isinstance(t, s.Arith) and t.op == "+"):
            return None
        out = []
        for part in _summands(t):
            if isinstance(part, s.Count):
                out.extend(self.formula(f, frames) for f in part.formulas)
            elif isinstance(part, s.Var) and self.st.values[part.name].lo == 0 and self.st.values[part.name].hi == 1:
                out.append(self.st.values[part.name].bits[0])
            else:
                return None
        return out

    def width(self, t: s.Term, frames: tuple) -> int:
        """The bits of t's vector, without building it for a count (the adders of sum(b) over hundreds of
        booleans cost seconds)."""
        flags = self.flags(t, frames) if isinstance(t, (s.Count, s.Arith)) else None
        return width_for(0, len(flags)) if flags is not None else self.term(t, frames).width

    def _count_compare(self, f: s.Compare, frames: tuple):
        """`count = k` or `count != k` for a count of conditions and a constant k that is near 0 or near
        the number of conditions: a small counter (Circuits.exactly) instead of the sum's adder; else None."""
        if f.op not in ("=", "!="):
            return None
        count, k = (f.left, f.right.value) if isinstance(f.right, s.Const) else \
            (f.right, f.left.value) if isinstance(f.left, s.Const) else (None, None)
        if not isinstance(count, (s.Count, s.Arith)):
            return None
        flags = self.flags(count, frames)
        if flags is None or min(k, len(flags) - k) > EXACTLY_LAYERS:
            return None
        same = self.c.exactly(flags, k)
        return same if f.op == "=" else ~same

    # ------------------------------------------------------------ formulas

    def formula(self, f: s.Formula, frames: tuple):
        return self._cached(f, frames, lambda: self._formula(f, frames))

    def _formula(self, f, frames):
        m, c = self.m, self.c
        if isinstance(f, s.Bool):
            return m.true if f.value else m.false
        if isinstance(f, s.Compare):
            counted = self._count_compare(f, frames)
            if counted is not None:
                return counted
            return c.compare(f.op, self.term(f.left, frames), self.term(f.right, frames))
        if isinstance(f, s.Member):
            t = self.term(f.term, frames)
            out = m.false
            for v in f.values:
                out = out | c.equal(t, c.const(v))
            return out
        if isinstance(f, s.Not):
            return ~self.formula(f.body, frames)
        if isinstance(f, s.And):
            return c.conjoin(self.formula(item, frames) for item in f.items)
        if isinstance(f, s.Or):
            return c.disjoin(self.formula(item, frames) for item in f.items)
        if isinstance(f, s.Implies):
            return ~self.formula(f.left, frames) | self.formula(f.right, frames)
        if isinstance(f, s.Iff):
            return ~c.xor(self.formula(f.left, frames), self.formula(f.right, frames))
        if isinstance(f, s.Knows):
            return self.knows(f, frames)
        if isinstance(f, s.Possible):
            return self.possible((f.agent,), self.formula(f.body, frames), frames[-1])
        if isinstance(f, s.Past):
            earlier = frames[:1] if f.back is None else frames[: max(1, len(frames) - f.back)]
            return self.formula(f.body, earlier)
        if isinstance(f, s.Announce):
            keep = self.formula(f.announcement, frames)
            after = frames[-1] & keep
            # within the stage: outside it the value is free, and leaving it unconstrained lets nested
            # announcements conjoin functions the law would have tied together (exponential BDDs)
            return frames[-1] & (~keep | self.formula(f.body, frames + (after,)))
        raise TypeError(f"not a formula: {f!r}")

    # ------------------------------------------------------------ knowledge

    def box(self, agents: tuple[str, ...], phi, stage):
        """Where the group's pooled observations rule out every ¬φ world of the stage."""
        return self.m.box(stage, phi, self.st.hidden(agents))

    def possible(self, agents: tuple[str, ...], phi, stage):
        return self.m.diamond(stage, phi, self.st.hidden(agents))

    def knows(self, f: s.Knows, frames: tuple):
        stage = frames[-1]
        if f.kind != "common" and self._observed_by(f):
            # what the group observes it knows: K φ = φ within the stage, with no quantification
            return self.formula(f.body, frames) if f.mode == "that" else self.m.true
        if f.mode == "value":
            bits = [b for t in f.body for b in self.term(t, frames).bits]
            return self._all_bits_known(f, bits, stage)
        phi = self.formula(f.body, frames)
        if f.mode == "whether":
            return self._group(f, phi, stage) | self._group(f, ~phi, stage)
        return self._group(f, phi, stage)

    def _observed_by(self, f: s.Knows) -> bool:
        """Is the body a function of the terms each knower observes (pooled for distributed knowledge)?
        Then it takes one value over each knower's class, and knowing it is having it (memoised per node)."""
        # keyed by the body's identity with the group: the who-knows report builds a fresh Knows node per
        # agent and stage around the same question terms, and walking a deep sum each time cost more than
        # the knowledge itself (muddy children n=20: 440 walks)
        key = ("observed", f.kind, f.agents, f.mode, id(f.body))
        hit = self._memo.get(key)
        if hit is not None and hit[0] is f.body:
            return hit[1]
        roots = f.body if f.mode == "value" else (f.body,)
        groups = [f.agents] if f.kind in ("agent", "distributed") else [(a,) for a in f.agents]
        value = all(all(_determined(root, self.st.observed_terms(g)) for root in roots) for g in groups)
        self._memo[key] = (f.body, value, ())
        return value

    def _all_bits_known(self, f: s.Knows, bits, stage):
        if f.kind == "agent" and len(self.st.hidden(f.agents)) == 1:
            return self._one_hidden_atom(self.st.hidden(f.agents), bits, stage)
        out = self.m.true
        for b in bits:
            if b == self.m.true or b == self.m.false:
                continue
            out = out & (self._group(f, b, stage) | self._group(f, ~b, stage))
            if out == self.m.false:  # known nowhere already: the other bits cannot change that
                break
        return out

    def _one_hidden_atom(self, hidden: tuple[int], bits, stage):
        """Knowing a value when one atom x is hidden: w's class in the stage is w and w with x flipped, so
        the value is known where the flipped world is not in the stage (not ∀x stage) or no bit depends
        on x there (∀x b or ∀x ¬b for every bit). The second part does not depend on the stage and is kept:
        one quantification per stage instead of two per bit (muddy children, drinking logicians)."""
        key = ("one hidden", hidden, tuple(map(id, bits)))
        hit = self._memo.get(key)
        if hit is None or any(a is not b for a, b in zip(hit[0], bits)):
            same = self.m.true
            for b in bits:
                same = same & (self.m.forall(b, hidden) | self.m.forall(~b, hidden))
            hit = self._memo[key] = (tuple(bits), same, ())
        return ~self.m.forall(stage, hidden) | hit[1]

    def _group(self, f: s.Knows, phi, stage):
        if f.kind == "agent":
            return self.box(f.agents, phi, stage)
        if f.kind == "distributed":
            return self.box(tuple(sorted(f.agents)), phi, stage)
        if f.kind == "everyone":
            out = self.m.true
            for a in f.agents:
                out = out & self.box((a,), phi, stage)
            return out
        if f.kind == "common":
            return self.common(f.agents, phi, stage)
        raise TypeError(f"unknown group kind {f.kind!r}")

    def common(self, agents: tuple[str, ...], phi, stage):
        """C_G φ: the greatest X with X = everyone in G knows (φ and X), within the stage."""
        x = self.m.true
        while True:
            target = phi & x
            y = self.m.true
            for a in agents:
                y = y & self.box((a,), target, stage)
            if y == x:
                return x
            x = y


_COMPOUND = (s.Arith, s.Neg, s.Count, s.Compare, s.Member, s.Not, s.And, s.Or, s.Implies, s.Iff)


def _determined(root, observed: frozenset) -> bool:
    """Is root (a term or formula) built only from observed terms, constants and connectives? Then worlds
    that agree on the observed terms agree on it. Looked at without recursion (sums nest deeply); a node is
    hashed (compared with the observed terms) only when some observed term has its type."""
    types = {type(t) for t in observed}
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen or isinstance(node, (s.Const, s.Bool)):
            continue
        seen.add(id(node))
        if type(node) in types and node in observed:
            continue
        if s.Count in types and isinstance(node, (s.Compare, s.Member)) and s.Count((node,)) in observed:
            continue  # a condition observed as a term (`observes (paid = i)`)
        if not isinstance(node, _COMPOUND):
            return False  # a variable not observed, or knowledge, the past, an announcement
        stack.extend(_parts(node))
    return True


def _parts(node) -> tuple:
    if isinstance(node, (s.Arith, s.Compare, s.Implies, s.Iff)):
        return node.left, node.right
    if isinstance(node, s.Neg):
        return (node.term,)
    if isinstance(node, s.Member):
        return (node.term,)
    if isinstance(node, s.Count):
        return node.formulas
    if isinstance(node, s.Not):
        return (node.body,)
    return node.items  # And, Or


def _summands(t: s.Arith) -> list:
    """The operands of a chain of additions (sum(m) is one: m[1] + m[2] + ...), without recursion."""
    out, stack = [], [t]
    while stack:
        x = stack.pop()
        if isinstance(x, s.Arith) and x.op == "+":
            stack.append(x.right)
            stack.append(x.left)
        else:
            out.append(x)
    return out


def value_at(t: s.Term, world: dict[str, int]) -> int | None:
    """A knowledge-free term's integer value at one world ({variable: code}); None if it is modal."""
    if isinstance(t, s.Const):
        return t.value
    if isinstance(t, s.Var):
        return world[t.name]
    if isinstance(t, s.Arith) and t.op == "+":
        values = [value_at(x, world) for x in _summands(t)]
        return None if any(v is None for v in values) else sum(values)
    if isinstance(t, s.Arith):
        a, b = value_at(t.left, world), value_at(t.right, world)
        return None if a is None or b is None else apply_int(t.op, a, b)
    if isinstance(t, s.Neg):
        a = value_at(t.term, world)
        return None if a is None else -a
    if isinstance(t, s.Count):
        truths = [holds_at(f, world) for f in t.formulas]
        return None if any(v is None for v in truths) else sum(truths)
    return None


def holds_at(f: s.Formula, world: dict[str, int]) -> bool | None:
    """A knowledge-free formula's truth at one world; None if it is modal."""
    if isinstance(f, s.Bool):
        return f.value
    if isinstance(f, s.Compare):
        a, b = value_at(f.left, world), value_at(f.right, world)
        return None if a is None or b is None else compare_int(f.op, a, b)
    if isinstance(f, s.Member):
        a = value_at(f.term, world)
        return None if a is None else a in f.values
    if isinstance(f, s.Not):
        a = holds_at(f.body, world)
        return None if a is None else not a
    if isinstance(f, (s.And, s.Or)):
        values = [holds_at(x, world) for x in f.items]
        if any(v is None for v in values):
            return None
        return all(values) if isinstance(f, s.And) else any(values)
    if isinstance(f, (s.Implies, s.Iff)):
        a, b = holds_at(f.left, world), holds_at(f.right, world)
        if a is None or b is None:
            return None
        return (not a or b) if isinstance(f, s.Implies) else a == b
    return None


def static_formula(partial, f: s.Formula):
    """A knowledge-free formula (a `where` constraint) over the structure being built."""
    return Evaluator(partial).formula(f, (partial.law,))


def static_term(partial, t: s.Term) -> BitVec:
    return Evaluator(partial).term(t, (partial.law,))


def evaluate(structure, history: Sequence, formula: s.Formula, evaluator: Evaluator | None = None):
    """φ at the last stage of `history` (stage BDDs), restricted to that stage's worlds."""
    ev = evaluator or Evaluator(structure)
    frames = tuple(history)
    return ev.formula(formula, frames) & frames[-1]
