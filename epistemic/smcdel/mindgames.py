"""Random MindGames-style problems in SMCDEL's format (Sileo & Lernould, 2023).

Each problem: 2–4 agents, one atom per agent, each agent observing some of the others' atoms, a
LAW (Top or a small formula), 0–4 public announcements, and a hypothesis of depth 0–1 (an atom, a
binary connective over atoms, or an agent knowing that/whether an atom), asked as one VALID? job.
Pure function of its seed.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

AGENTS = ("alice", "bob", "carol", "dave")


@dataclass(frozen=True)
class Problem:
    """One generated problem: its SMCDEL text and the pieces it was built from."""

    seed: int
    text: str
    agents: tuple[str, ...]
    atoms: tuple[int, ...]
    observes: tuple[tuple[str, tuple[int, ...]], ...]
    law: str
    announcements: tuple[str, ...]
    hypothesis: str


def _literal(rng: random.Random, atoms) -> str:
    a = rng.choice(atoms)
    return f"~{a}" if rng.random() < 0.3 else str(a)


def _expression(rng: random.Random, atoms, depth: int) -> str:
    if depth == 0:
        return _literal(rng, atoms)
    op = rng.choice(["&", "|", "->", "iff"])
    return f"({_literal(rng, atoms)} {op} {_literal(rng, atoms)})"


def _knowledge(rng: random.Random, agents, atoms, depth: int) -> str:
    who = rng.choice(agents)
    verb = rng.choice(["knows that", "knows whether"])
    body = _expression(rng, atoms, depth)
    text = f"{who} {verb} {body if body.startswith('(') or body.isdigit() else '(' + body + ')'}"
    return f"~ ({text})" if rng.random() < 0.3 else text


def _satisfiable(law: str, atoms) -> bool:
    from .reader import read_smcdel
    from .jobs import smcdel_space

    doc = read_smcdel(f"VARS {', '.join(map(str, atoms))} LAW {law} OBS x: {atoms[0]}", "<law>")
    return smcdel_space(doc).size > 0


def generate(seed: int, min_agents: int = 2, max_agents: int = 4, max_announcements: int = 4) -> Problem:
    """A random problem, deterministic in its seed."""
    rng = random.Random(seed)
    n = rng.randint(min_agents, max_agents)
    agents = AGENTS[:n]
    atoms = tuple(range(1, n + 1))
    observes = []
    for i, agent in enumerate(agents):
        others = [a for a in atoms if a != i + 1]
        seen = sorted(a for a in others if rng.random() < 0.6) or [rng.choice(others)]
        observes.append((agent, tuple(seen)))
    law = "Top"
    if rng.random() < 0.5:
        for _ in range(10):
            candidate = _expression(rng, atoms, rng.randint(0, 1))
            if _satisfiable(candidate, atoms):
                law = candidate
                break
    announcements = []
    for _ in range(rng.randint(0, max_announcements)):
        if rng.random() < 0.5:
            announcements.append(_expression(rng, atoms, rng.randint(0, 1)))
        else:
            announcements.append(_knowledge(rng, agents, atoms, 0))
    depth = rng.randint(0, 1)
    hypothesis = _expression(rng, atoms, depth) if rng.random() < 0.5 else _knowledge(rng, agents, atoms, depth)
    lines = [f"-- MindGames-style problem, seed {seed}", f"VARS {', '.join(map(str, atoms))}", f"LAW  {law}",
             "OBS  " + "\n     ".join(f"{a}: {', '.join(map(str, seen))}" for a, seen in observes),
             "VALID?", *(f"  [ ! {a} ]" for a in announcements), f"  {hypothesis}", ""]
    return Problem(seed, "\n".join(lines), agents, atoms, tuple(observes), law, tuple(announcements), hypothesis)


def problems(count: int, start: int = 0, **options) -> list[Problem]:
    """`count` problems with consecutive seeds."""
    return [generate(seed, **options) for seed in itertools.islice(itertools.count(start), count)]
