"""A hypothesis strategy for random puzzle TEXT (so the parser and elaborator are exercised too).

2–4 agents observing random terms, a table of up to ~80 worlds over 2–3 small integer columns,
1–5 announcements, and formulas nested up to depth 3 with knowing that / whether / a value,
possibility, everyone / common / distributed knowledge, before / initially and [!φ]ψ.
"""
from __future__ import annotations

import itertools
from functools import lru_cache

from hypothesis import strategies as st

AGENTS = ("A", "B", "C", "D")
COLUMNS = ("a", "b", "c")


@st.composite
def puzzle_texts(draw, max_worlds: int = 80, max_depth: int = 3) -> str:
    """The text of a random, well-formed puzzle."""
    n_cols = draw(st.integers(2, 3))
    cols = COLUMNS[:n_cols]
    top = draw(st.integers(2, 4 if n_cols == 3 else 9))
    grid = list(itertools.product(range(top + 1), repeat=n_cols))
    size = draw(st.integers(2, min(max_worlds, len(grid))))
    rows = sorted(draw(st.randoms(use_true_random=False)).sample(grid, size))
    agents = AGENTS[: draw(st.integers(2, 4))]
    lines = ['puzzle "random"', f"worlds w({', '.join(cols)}):"]
    for i in range(0, len(rows), 8):
        lines.append("  " + " ".join("(" + ", ".join(map(str, r)) + ")" for r in rows[i : i + 8]))
    for agent in agents:
        lines.append(f"agent {agent} observes {draw(observation(cols))}")
    for _ in range(draw(st.integers(1, 5))):
        body = draw(formula(cols, agents, max_depth))
        speaker = draw(st.sampled_from(("announce",) + agents))
        lines.append(f"announce: {body}" if speaker == "announce" else f"{speaker} says: {body}")
    question = draw(st.sampled_from(cols + (f"({cols[0]}, {cols[1]})",)))
    lines.append(f"ask {question}")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=None)
def observation(cols: tuple[str, ...]):
    terms = st.sampled_from(cols) | term(cols, 1)
    return st.lists(terms, min_size=1, max_size=2, unique=True).map(", ".join) | st.just("nothing")


@lru_cache(maxsize=None)
def term(cols: tuple[str, ...], depth: int = 2):
    """Integer terms: columns, small constants, + - * / mod (division by zero included)."""
    atoms = st.sampled_from(cols) | st.integers(0, 3).map(str)
    if depth <= 0:
        return atoms
    sub = term(cols, depth - 1)
    ops = st.sampled_from(("+", "-", "*", "/", "mod"))
    return atoms | st.tuples(sub, ops, sub).map(lambda t: f"({t[0]} {t[1]} {t[2]})")


@lru_cache(maxsize=None)
def atom(cols: tuple[str, ...]):
    cmp = st.sampled_from(("=", "!=", "<", "<=", ">", ">="))
    compare = st.tuples(term(cols, 1), cmp, term(cols, 1)).map(lambda t: f"{t[0]} {t[1]} {t[2]}")
    member = st.tuples(st.sampled_from(cols), st.lists(st.integers(0, 4), min_size=1, max_size=3, unique=True)).map(
        lambda t: f"{t[0]} in {{{', '.join(map(str, t[1]))}}}")
    return compare | member | st.sampled_from(("true", "false"))


@lru_cache(maxsize=None)
def group(agents: tuple[str, ...]):
    return st.lists(st.sampled_from(agents), min_size=1, max_size=len(agents), unique=True).map(
        lambda g: "{" + ", ".join(g) + "}")


@lru_cache(maxsize=None)
def formula(cols: tuple[str, ...], agents: tuple[str, ...], depth: int):
    """Formulas nested up to `depth` modal/connective levels; every operand is parenthesised."""
    if depth <= 0:
        return atom(cols)
    sub = formula(cols, agents, depth - 1)
    agent = st.sampled_from(agents)
    value = st.sampled_from(cols + (f"({cols[0]}, {cols[1]})",)) | term(cols, 1)
    kinds = st.sampled_from(("everyone", "common", "distributed"))
    options = [
        atom(cols),
        sub.map(lambda f: f"not ({f})"),
        st.tuples(sub, st.sampled_from(("and", "or", "implies", "iff")), sub).map(lambda t: f"({t[0]}) {t[1]} ({t[2]})"),
        st.tuples(agent, sub).map(lambda t: f"{t[0]} knows ({t[1]})"),
        st.tuples(agent, sub).map(lambda t: f"{t[0]} knows whether ({t[1]})"),
        st.tuples(agent, value).map(lambda t: f"{t[0]} knows {t[1]}"),
        st.tuples(agent, sub).map(lambda t: f"{t[0]} does not know ({t[1]})"),
        st.tuples(agent, sub).map(lambda t: f"{t[0]} considers possible ({t[1]})"),
        st.tuples(kinds, group(agents), sub).map(lambda t: f"{t[0]} {t[1]} knows ({t[2]})"),
        st.tuples(kinds, group(agents), sub).map(lambda t: f"{t[0]} {t[1]} knows whether ({t[2]})"),
        st.tuples(kinds, group(agents), value).map(lambda t: f"{t[0]} {t[1]} knows {t[2]}"),
        sub.map(lambda f: f"before ({f})"),
        sub.map(lambda f: f"initially ({f})"),
        st.tuples(sub, sub).map(lambda t: f"[! ({t[0]})] ({t[1]})"),
    ]
    return st.one_of(options)


def claims(cols: tuple[str, ...] = COLUMNS[:2], agents: tuple[str, ...] = AGENTS[:2], depth: int = 3):
    """Random claims (formulas) over the first columns and agents, for evaluating at every stage."""
    return formula(cols, agents, depth)


__all__ = ["puzzle_texts", "formula", "term", "claims"]
