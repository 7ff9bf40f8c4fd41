"""The explicit engine: every operator vectorised with numpy over the worlds of a model.

A model (frame) is the set of worlds still possible. Large models keep full-length arrays with an
`alive` mask (no copying of columns); small ones are compacted to their world indices. Knowing is
a property of an agent's class: K_a φ holds at w when no live world of w's class falsifies φ —
one bincount over class ids, or, when the worlds are a full product and the agent sees plain
variables, a reduction over the axes the agent cannot see. Common knowledge uses the connected
components of the union of the group's partitions (label propagation with pointer jumping).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from ..language import syntax as s
from ..language.introspection import about_own_knowledge
from ..worlds.evaluate import StaticEvaluator
from ..worlds.space import DISTINCT_WORLDS, WorldSpace, combine_keys

COMPACT_BELOW = 0.25  # a model with fewer than this share of all worlds is compacted


class ExplicitEngine:
    """numpy model checker; see Engine in base.py for the contract."""

    name = "explicit"

    def __init__(self):
        # frames by stage mask, for this engine's lifetime (one solve): each stage's counts, live indices and
        # renumbered class ids are computed once, not again at every later announcement and report
        self._frames: dict[int, tuple[np.ndarray, _Frame]] = {}

    def evaluate(self, space: WorldSpace, history: Sequence[np.ndarray], formula: s.Formula) -> np.ndarray:
        return self.evaluate_many(space, history, [formula])[0]

    def evaluate_many(self, space: WorldSpace, history: Sequence[np.ndarray],
                      formulas: Sequence[s.Formula]) -> list[np.ndarray]:
        """Several formulas at one history, sharing frames and every common subterm's value."""
        frames = self._history(space, history)
        evaluator = _Evaluator()
        return [frames[-1].to_full(evaluator.formula(f, frames)) for f in formulas]


    def _history(self, space: WorldSpace, history: Sequence[np.ndarray]) -> tuple["_Frame", ...]:
        """The frames of a history, reusing those of masks seen before (the same array object, read-only
        from then on so that it cannot change under its frame; held here, so its id is not reused)."""
        out = []
        for mask in history:
            hit = self._frames.get(id(mask))
            if hit is None or hit[0] is not mask or hit[1].space is not space:
                mask.flags.writeable = False
                hit = self._frames[id(mask)] = (mask, _frames(space, [mask])[0])
            out.append(hit[1])
        for frame in out[1:-2]:  # older stages keep their counts and live indices, not their class ids
            frame.release()
        return tuple(out)


def _frames(space: WorldSpace, history: Sequence[np.ndarray]) -> tuple["_Frame", ...]:
    frames: list[_Frame] = []
    for mask in history:
        count = int(np.count_nonzero(mask))
        if count * 1.0 >= COMPACT_BELOW * space.size:
            frames.append(_Frame(space, alive=None if count == space.size else mask, count=count))
        else:
            frames.append(_Frame(space, idx=np.flatnonzero(mask), count=count))
    return tuple(frames)


class _Frame:
    """The worlds of one model: full-length arrays with an alive mask, or compacted indices."""

    def __init__(self, space: WorldSpace, alive: np.ndarray | None = None, idx: np.ndarray | None = None,
                 count: int = 0):
        self.space = space
        self.alive = alive  # full mode: None means every world is alive
        self.idx = idx  # compact mode: the live worlds' indices (sorted)
        self.full = idx is None
        self.n = space.size if self.full else len(idx)
        self.count = count
        self._cache: dict[object, object] = {}

    def release(self) -> None:
        """Drops what was computed over this frame (per-agent class ids, columns); rebuilt when asked again."""
        self._cache.clear()

    def _memo(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def live(self, values: np.ndarray) -> np.ndarray:
        """values with the dead worlds (full mode) set to False."""
        return values if self.alive is None else values & self.alive

    def column(self, name: str) -> np.ndarray:
        col = self.space.columns[name]
        return col if self.full else self._memo(("col", name), lambda: col[self.idx])

    def partition(self, key, cls: np.ndarray, count: int) -> "_Partition":
        def make():
            if self.full:
                return _Partition(cls, count, self.alive, lambda: _whole_sizes(self.space, key, cls, count))
            ids = cls[self.idx]
            if count > 4 * len(ids) + 64:  # renumber, so per-class counts scale with the frame, not the space
                _, ids = np.unique(ids, return_inverse=True)
                return _Partition(ids.reshape(-1), int(ids.max()) + 1 if len(ids) else 0, None)
            return _Partition(ids, count, None)

        return self._memo(("part", key), make)

    def agent(self, agent: str) -> "_Partition":
        return self.partition(agent, self.space.classes[agent], self.space.class_counts[agent])

    def hidden_axes(self, agents: tuple[str, ...]) -> tuple[int, ...] | None:
        """Axes no agent of the group sees, when every one of them sees plain variables of a product."""
        if not self.full or self.space.shape is None or any(a not in self.space.hidden_axes for a in agents):
            return None
        return tuple(sorted(set.intersection(*(set(self.space.hidden_axes[a]) for a in agents))))

    def components(self, agents: tuple[str, ...]) -> "_Partition":
        """Connected components of the union of the agents' relations over the live worlds."""

        def make():
            if self.full:
                live = np.flatnonzero(self.alive) if self.alive is not None else np.arange(self.n)
            else:
                live = np.arange(self.n)
            parts = []
            for a in agents:
                p = self.agent(a)
                parts.append((p.ids[live], p.count))
            labels = np.zeros(self.n, dtype=np.int64)
            labels[live] = live[_components(parts, len(live))]
            return _Partition(labels, self.n, self.alive)

        return self._memo(("common", agents), make)

    def to_full(self, values: np.ndarray) -> np.ndarray:
        if self.full:
            return self.live(values)
        out = np.zeros(self.space.size, dtype=bool)
        out[self.idx] = values
        return out

    def restrict(self, keep: np.ndarray) -> "_Frame":
        """The frame after announcing a formula true exactly at `keep`."""
        if self.full:
            mask = self.live(keep)
        else:
            mask = np.zeros(self.space.size, dtype=bool)
            mask[self.idx[keep]] = True
        return _frames(self.space, [mask])[0]

    def positions_in(self, later: "_Frame") -> np.ndarray | None:
        """Where `later`'s worlds sit in this (earlier, larger) frame; None if at the same positions."""
        if self.full and later.full:
            return None
        if self.full:
            return later.idx
        return np.searchsorted(self.idx, later.idx)


def _whole_sizes(space: WorldSpace, key, cls: np.ndarray, count: int) -> np.ndarray:
    """How many worlds of the space each class holds (read-only), computed once per space and partition and
    shared by every full-length frame of it."""
    hit = space.cache.get(("class sizes", key))
    if hit is None or hit[0] is not cls:
        sizes = np.bincount(cls, minlength=count)
        sizes.flags.writeable = False
        hit = space.cache[("class sizes", key)] = (cls, sizes)
    return hit[1]


class _Partition:
    """Class ids over a frame, restricted to its live worlds, with per-class live counts cached.

    `whole` (full-length frames of an agent's or a group's classes): a function giving each class's size over
    all the ids, alive or not, which a mask holding most of the worlds is counted against (see _per_class)."""

    def __init__(self, ids: np.ndarray, count: int, alive: np.ndarray | None, whole=None):
        self.ids = ids
        self.count = count
        self.alive = alive
        self._whole = whole
        self._sizes: np.ndarray | None = None
        self._alone: np.ndarray | None = None

    def _per_class(self, selected: np.ndarray) -> np.ndarray:
        """How many of the worlds in `selected` (a mask over the ids) each class holds. Where the mask holds most
        worlds, the classes' whole sizes less the count of the rest: fewer increments scattered over a table
        of classes as long as the space (Sum and Product's products), and a smaller index array."""
        if self._whole is not None and 2 * np.count_nonzero(selected) > len(selected):
            out = np.bincount(self.ids[~selected], minlength=self.count)
            np.subtract(self._whole(), out, out=out)
            return out
        return np.bincount(self.ids[selected], minlength=self.count)

    def hits(self, phi: np.ndarray) -> np.ndarray:
        """How many live worlds of each class satisfy phi."""
        return self._per_class(phi if self.alive is None else phi & self.alive)

    def sizes(self) -> np.ndarray:
        if self._sizes is None:
            if self.alive is not None:
                self._sizes = self._per_class(self.alive)
            elif self._whole is not None:
                self._sizes = self._whole()
            else:
                self._sizes = np.bincount(self.ids, minlength=self.count)
        return self._sizes

    def alone(self) -> np.ndarray:
        """Where the world is the only live world of its class (kept: an announcement and the report of the same
        stage both ask it of a frame)."""
        if self._alone is None:
            self._alone = (self.sizes() <= 1)[self.ids]
            self._alone.flags.writeable = False
        return self._alone

    def all(self, phi: np.ndarray) -> np.ndarray:
        return (self.hits(phi) == self.sizes())[self.ids]

    def any(self, phi: np.ndarray) -> np.ndarray:
        return (self.hits(phi) > 0)[self.ids]

    def constant(self, phi: np.ndarray) -> np.ndarray:
        hits = self.hits(phi)
        return ((hits == 0) | (hits == self.sizes()))[self.ids]

    def same_value(self, values: np.ndarray) -> np.ndarray:
        """Where the value is the same at every live world of the class."""
        representative = np.zeros(self.count, dtype=values.dtype)
        live = self.ids if self.alive is None else self.ids[self.alive]
        representative[live] = values if self.alive is None else values[self.alive]  # any member will do
        return ~self.any(values != representative[self.ids])


class _Axes:
    """Knowledge over a full product space: a reduction over the axes the group cannot see."""

    def __init__(self, shape: tuple[int, ...], axes: tuple[int, ...], alive: np.ndarray | None):
        self.shape = shape
        self.axes = axes
        self.dead = None if alive is None else ~alive

    def _spread(self, reduced: np.ndarray) -> np.ndarray:
        return np.broadcast_to(reduced, self.shape).reshape(-1)

    def all(self, phi: np.ndarray) -> np.ndarray:
        x = phi if self.dead is None else phi | self.dead
        return self._spread(x.reshape(self.shape).all(axis=self.axes, keepdims=True))

    def any(self, phi: np.ndarray) -> np.ndarray:
        x = phi if self.dead is None else phi & ~self.dead
        return self._spread(x.reshape(self.shape).any(axis=self.axes, keepdims=True))

    def constant(self, phi: np.ndarray) -> np.ndarray:
        return self.all(phi) | self.all(~phi)

    def same_value(self, values: np.ndarray) -> np.ndarray:
        big = np.iinfo(np.int64)
        v = values.reshape(self.shape)
        if self.dead is None:
            lo, hi = v.min(axis=self.axes, keepdims=True), v.max(axis=self.axes, keepdims=True)
        else:
            dead = self.dead.reshape(self.shape)
            lo = np.where(dead, big.max, v).min(axis=self.axes, keepdims=True)
            hi = np.where(dead, big.min, v).max(axis=self.axes, keepdims=True)
        return self._spread(lo >= hi)


def _components(partitions: list[tuple[np.ndarray, int]], n: int) -> np.ndarray:
    labels = np.arange(n, dtype=np.int64)
    if n == 0:
        return labels
    while True:
        before = labels
        for cls, count in partitions:
            low = np.full(count, n, dtype=np.int64)
            np.minimum.at(low, cls, labels)
            labels = np.minimum(labels, low[cls])
        labels = labels[labels]
        if np.array_equal(labels, before):
            return labels


class _Evaluator(StaticEvaluator):
    """The explicit engine's evaluator: the knowledge-free part plus knowledge, the past and announcements."""

    def modal(self, f, frames):
        frame = frames[-1]
        if isinstance(f, s.Knows):
            return self.knows(f, frames)
        if isinstance(f, s.Possible):
            return self.relation("agent", (f.agent,), frame).any(self.formula(f.body, frames))
        if isinstance(f, s.Past):
            earlier = frames[:1] if f.back is None else frames[: max(1, len(frames) - f.back)]
            values = self.formula(f.body, earlier)
            positions = earlier[-1].positions_in(frame) if earlier[-1] is not frame else None
            return values if positions is None else values[positions]
        if isinstance(f, s.Announce):
            keep = self.formula(f.announcement, frames)
            after = frame.restrict(keep)
            body = self.formula(f.body, frames + (after,))
            positions = frame.positions_in(after)
            holds = np.ones(frame.n, dtype=bool)
            if positions is None:
                holds = body
            else:
                holds[positions] = body
            return ~keep | holds
        raise TypeError(f"not a formula: {f!r}")

    def relation(self, kind: str, agents: tuple[str, ...], frame: _Frame):
        """The indistinguishability structure of a group: classes, components, or product axes."""
        if kind == "common":
            if len(agents) == 1:
                return self.relation("agent", agents, frame)
            return frame.components(agents)
        axes = frame.hidden_axes(agents)
        if axes is not None:
            return _Axes(frame.space.shape, axes, frame.alive)
        if kind == "agent":
            return frame.agent(agents[0])
        key = ("distributed", tuple(sorted(agents)))
        cls, count = frame.space.cache.get(key) or frame.space.group_classes(agents)
        return frame.partition(key, cls, count)

    def knows(self, f: s.Knows, frames: tuple[_Frame, ...]) -> np.ndarray:
        frame = frames[-1]
        if f.kind == "everyone":
            out = np.ones(frame.n, dtype=bool)
            for agent in f.agents:
                out &= self.knows(s.Knows("agent", (agent,), f.mode, f.body), frames)
            return out
        if f.kind == "agent" and f.mode != "value" and about_own_knowledge(f.body, f.agents[0]):
            # φ is constant on each of the agent's classes: K_a φ is φ at every live world, and K_a whether φ
            # holds throughout (language/introspection.py); values at dead worlds are never read
            body = self.formula(f.body, frames)
            return body if f.mode == "that" else np.ones(frame.n, dtype=bool)
        rel = self.relation(f.kind, f.agents, frame)
        if f.mode == "that":
            return rel.all(self.formula(f.body, frames))
        if f.mode == "whether":
            return rel.constant(self.formula(f.body, frames))
        if isinstance(rel, _Partition) and _names_the_world(frame.space, f.body):
            return rel.alone()  # one value of every variable: one live world in the class
        out = np.ones(frame.n, dtype=bool)
        for t in f.body:
            values = np.broadcast_to(self.term(t, frames), (frame.n,))
            out &= rel.same_value(values)
        return out


def _names_the_world(space: WorldSpace, terms: tuple) -> bool:
    """Whether the terms include every variable and no two worlds are the same assignment, so that
    knowing their value is knowing the world."""
    names = {t.name for t in terms if isinstance(t, s.Var)}
    if any(v.name not in names for v in space.puzzle.variables):
        return False
    if DISTINCT_WORLDS not in space.cache:  # set by the product enumeration, else checked here once
        key, span = combine_keys([space.columns[v.name] for v in space.puzzle.variables], space.size)
        space.cache[DISTINCT_WORLDS] = space.size == 0 or int(np.bincount(key, minlength=span).max()) <= 1
    return space.cache[DISTINCT_WORLDS]


__all__ = ["ExplicitEngine"]
