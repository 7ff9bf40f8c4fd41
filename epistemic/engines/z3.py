"""The Z3 engine: a puzzle's models and formulas as an SMT problem, solved by Z3.

Every world is a row of Z3 integer constants; terms are Z3 integer expressions over them (Z3
computes the arithmetic); each model (stage) is one Z3 Boolean per world; each knowledge operator
is one fresh Boolean per class of the agent, defined as the conjunction over the class's members.
Common knowledge under a symbolic model is a least fixpoint, pinned down by integer ranks.
Nothing here calls the explicit engine: the two are cross-checked in tests.
"""
from __future__ import annotations

import time
from typing import Sequence

import numpy as np
import z3

from ..errors import EpistemicError
from ..interrupts import z3_check
from ..language import syntax as s
from ..worlds.components import components
from ..worlds.space import WorldSpace
from ..worlds.z3_terms import (AND, EQ, IFF, IMPLIES, NOT, OR, Frame, StaticEncoder, floor_div, floor_mod,
                               ground_int, is_constant, z3_arith, z3_compare)


class Encoder(StaticEncoder):
    """The Z3 engine's encoder: knowledge, possibility, the past and announcements over frames."""

    # ---------------------------------------------------------------- classes

    def observation(self, agent: str) -> list[tuple[int, ...]]:
        """Each world's observation by `agent`, computed by Z3 from the observed terms (cached)."""
        key = ("z3-observation", agent)
        cache = self.space.cache
        if key not in cache:
            frame = Frame(np.arange(self.space.size))
            terms = self.space.puzzle.agent(agent).observes
            per_term = []
            for t in terms:
                values = [ground_int(e) for e in self.term(t, (frame,))]
                if any(v is None for v in values):
                    raise EpistemicError(f"agent {agent} observes a term that is not determined by the world")
                per_term.append(values)
            cache[key] = list(zip(*per_term)) if per_term else [()] * self.space.size
        return cache[key]

    def groups(self, frame: Frame, agents: tuple[str, ...]) -> list[list[int]]:
        """The classes (lists of positions in the frame) of the agents' joint observation."""
        key = tuple(sorted(agents))
        if key not in frame.groups:
            obs = [self.observation(a) for a in key]
            by_key: dict[tuple, list[int]] = {}
            for p, w in enumerate(frame.worlds.tolist()):
                by_key.setdefault(tuple(o[w] for o in obs), []).append(p)
            frame.groups[key] = list(by_key.values())
        return frame.groups[key]

    # ---------------------------------------------------------------- modal formulas

    def modal(self, f: s.Formula, frames: tuple[Frame, ...]) -> list:
        frame = frames[-1]
        n = len(frame.worlds)
        if isinstance(f, s.Knows):
            return self.knows(f, frames)
        if isinstance(f, s.Possible):
            phi = self.formula(f.body, frames)
            return self.per_class(frame, self.groups(frame, (f.agent,)), "possible",
                                  lambda members: OR([self._alive_and(frame, p, phi[p]) for p in members]))
        if isinstance(f, s.Past):
            earlier = frames[:1] if f.back is None else frames[: max(1, len(frames) - f.back)]
            values = self.formula(f.body, earlier)
            then = earlier[-1]
            if then is frame:
                return values
            where = np.searchsorted(then.worlds, frame.worlds)
            return [values[i] for i in where.tolist()]
        if isinstance(f, s.Announce):
            keep = self.formula(f.announcement, frames)
            alive = [self.define("alive", keep[p] if frame.alive is None else AND([frame.alive[p], keep[p]])) for p in range(n)]
            after = Frame(frame.worlds, alive, frame.groups)
            body = self.formula(f.body, frames + (after,))
            return [IMPLIES(k, b) for k, b in zip(keep, body)]
        raise TypeError(f"not a formula: {f!r}")

    def _alive_and(self, frame: Frame, p: int, phi):
        return phi if frame.alive is None else AND([frame.alive[p], phi])

    def _alive_implies(self, frame: Frame, p: int, phi):
        return phi if frame.alive is None else IMPLIES(frame.alive[p], phi)

    def per_class(self, frame: Frame, groups: list[list[int]], prefix: str, make) -> list:
        """One fresh Bool per class, defined by make(members); each world gets its class's Bool."""
        out = [None] * len(frame.worlds)
        for members in groups:
            b = self.define(prefix, make(members))
            for p in members:
                out[p] = b
        return out

    def knows(self, f: s.Knows, frames: tuple[Frame, ...]) -> list:
        frame = frames[-1]
        if f.kind == "everyone":
            parts = [self.knows(s.Knows("agent", (a,), f.mode, f.body), frames) for a in f.agents]
            return [AND(list(bs)) for bs in zip(*parts)]
        if f.kind == "common":
            return self.common(f, frames)
        if f.kind not in ("agent", "distributed"):
            raise ValueError(f"unknown group kind {f.kind!r}")
        groups = self.groups(frame, f.agents)
        if f.mode == "that":
            phi = self.formula(f.body, frames)
            return self.per_class(frame, groups, "knows", lambda m: self._all(frame, m, phi))
        if f.mode == "whether":
            phi = self.formula(f.body, frames)
            neg = [NOT(b) for b in phi]
            return self.per_class(frame, groups, "knows_whether",
                                  lambda m: OR([self._all(frame, m, phi), self._all(frame, m, neg)]))
        values = [self.term(t, frames) for t in f.body]
        return self.per_class(frame, groups, "knows_value", lambda m: self._one_value(frame, m, values))

    def _all(self, frame: Frame, members: list[int], phi: list):
        return AND([self._alive_implies(frame, p, phi[p]) for p in members])

    def _one_value(self, frame: Frame, members: list[int], values: list[list]):
        """The terms take one value over the class's live members."""
        per_term = [self.grounds(v) for v in values]
        grounds = [tuple(g[p] for g in per_term) for p in members]
        if all(None not in g for g in grounds):
            by_value: dict[tuple, list[int]] = {}
            for p, g in zip(members, grounds):
                by_value.setdefault(g, []).append(p)
            if len(by_value) == 1:
                return z3.BoolVal(True)
            present = [OR([frame.alive_at(p) for p in ps]) for ps in by_value.values()]
            return z3.AtMost(*present, 1)
        pairs = []
        for i, p in enumerate(members):
            for q in members[i + 1:]:
                differ = z3.Or([v[p] != v[q] for v in values])
                pairs.append(z3.Not(z3.And(frame.alive_at(p), frame.alive_at(q), differ)))
        return z3.And(pairs) if pairs else z3.BoolVal(True)

    def common(self, f: s.Knows, frames: tuple[Frame, ...]) -> list:
        """C_G: the body holds on every live world reachable through G's classes."""
        frame = frames[-1]
        if f.mode == "that":
            bodies = [self.formula(f.body, frames)]
        elif f.mode == "whether":
            phi = self.formula(f.body, frames)
            bodies = [phi, [NOT(b) for b in phi]]
        else:
            return self.common_value(f, frames)
        if frame.alive is None:
            comps = self.components(frame, f.agents)
            parts = [self.per_class(frame, comps, "common", lambda m, phi=phi: self._all(frame, m, phi)) for phi in bodies]
        else:
            parts = [[NOT(r) for r in self.reaches(frame, f.agents, phi)] for phi in bodies]
        return [OR(list(bs)) for bs in zip(*parts)]

    def common_value(self, f: s.Knows, frames: tuple[Frame, ...]) -> list:
        """C_G knows a value: the terms take one value over the live component."""
        frame = frames[-1]
        values = [self.term(t, frames) for t in f.body]
        if frame.alive is None:
            return self.per_class(frame, self.components(frame, f.agents), "common_value",
                                  lambda m: self._one_value(frame, m, values))
        n = len(frame.worlds)
        per_term = [self.grounds(v) for v in values]
        grounds = [tuple(g[p] for g in per_term) for p in range(n)]
        if all(None not in g for g in grounds):
            # one reachability per value present: "the terms equal d" must hold all over the component
            reach_for = {}
            for d in dict.fromkeys(grounds):
                reach_for[d] = self.reaches(frame, f.agents, [z3.BoolVal(g == d) for g in grounds])
            return [z3.Not(reach_for[g][p]) for p, g in enumerate(grounds)]
        out = []
        for p in range(n):
            same = [z3.And([v[q] == v[p] for v in values]) for q in range(n)]
            out.append(z3.Not(self.reaches(frame, f.agents, same)[p]))
        return out

    def components(self, frame: Frame, agents: tuple[str, ...]) -> list[list[int]]:
        """Connected components of the union of the agents' classes (a concrete model)."""
        return components(len(frame.worlds), (self.groups(frame, (a,)) for a in agents))

    def reaches(self, frame: Frame, agents: tuple[str, ...], phi: list) -> list:
        """R[w]: from live w, a live world falsifying phi is reachable through G's classes.

        Least fixpoint: R is closed under the rules, and every R[w] is justified by a strictly
        smaller integer rank, so Z3 cannot make R larger than the reachable set.
        """
        n = len(frame.worlds)
        k = next(self.counter)
        r_world = [z3.Bool(f"reach!{k}!{p}") for p in range(n)]
        rank_world = [z3.Int(f"rank!{k}!{p}") for p in range(n)]
        via: list[list[tuple]] = [[] for _ in range(n)]
        for a in agents:
            for j, members in enumerate(self.groups(frame, (a,))):
                rc = z3.Bool(f"reach!{k}!{a}!{j}")
                rank_c = z3.Int(f"rank!{k}!{a}!{j}")
                for p in members:
                    via[p].append((rc, rank_c))
                    self.defs.append(z3.Implies(r_world[p], rc))
                self.defs.append(z3.Implies(rc, z3.Or([z3.And(r_world[p], rank_world[p] < rank_c) for p in members])))
        for p in range(n):
            alive = frame.alive_at(p)
            bad = z3.And(alive, z3.Not(phi[p]))
            self.defs.append(z3.Implies(r_world[p], alive))
            self.defs.append(z3.Implies(z3.And(alive, z3.Or([bad] + [rc for rc, _ in via[p]])), r_world[p]))
            self.defs.append(z3.Implies(r_world[p], z3.Or([bad] + [z3.And(rc, rc_rank < rank_world[p])
                                                                   for rc, rc_rank in via[p]])))
        return r_world


def solve_values(defs: list, values: list, timeout_ms: int | None = None) -> list[bool]:
    """The truth of each expression in the (unique) model of the definitions."""
    pending = [i for i, v in enumerate(values) if not (z3.is_true(v) or z3.is_false(v))]
    out = [z3.is_true(v) for v in values]
    if not pending:
        return out
    start = time.perf_counter()
    solver = z3.Solver()
    if timeout_ms:
        solver.set("timeout", timeout_ms)
    solver.add(defs)
    result = z3_check(solver)
    if result != z3.sat:
        reason = solver.reason_unknown() if result == z3.unknown else "the definitions are unsatisfiable"
        raise EpistemicError(f"Z3 could not evaluate the formula ({result}: {reason}) after "
                             f"{time.perf_counter() - start:.2f} s", hint="this is not an answer; try the explicit engine")
    model = solver.model()
    for i in pending:
        out[i] = z3.is_true(model.eval(values[i], model_completion=True))
    return out


def symbolic_frames(enc: Encoder, announcements) -> list[Frame]:
    """Stage 0 (every world) and one frame per announcement, each world's membership a Z3 Bool
    defined from the previous stage: alive_k(w) = alive_{k-1}(w) and content_k holds at w."""
    everything = Frame(np.arange(enc.space.size))
    frames = [everything]
    for k, ann in enumerate(announcements, start=1):
        content = enc.formula(ann.content, tuple(frames))
        previous = frames[-1]
        alive = [enc.define(f"stage{k}", AND([previous.alive_at(p), content[p]])) for p in range(enc.space.size)]
        frames.append(Frame(everything.worlds, alive, everything.groups))
    return frames


class Z3Engine:
    """SMT model checker; see Engine in base.py for the contract."""

    name = "z3"

    def __init__(self, timeout_ms: int | None = None):
        self.timeout_ms = timeout_ms

    def evaluate(self, space: WorldSpace, history: Sequence[np.ndarray], formula: s.Formula) -> np.ndarray:
        enc = Encoder(space)
        frames = enc.top_frames(history)
        values = enc.formula(formula, frames)
        truth = solve_values(enc.defs, values, self.timeout_ms)
        out = np.zeros(space.size, dtype=bool)
        out[frames[-1].worlds] = np.array(truth, dtype=bool)
        return out


__all__ = ["Z3Engine", "Encoder", "Frame", "symbolic_frames", "AND", "OR", "NOT", "IMPLIES", "IFF", "EQ", "is_constant", "floor_div", "floor_mod", "z3_arith", "z3_compare", "ground_int",
           "solve_values"]
