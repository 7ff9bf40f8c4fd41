"""Limits every input is checked against before work or memory is spent on it.

One place for the numbers: how deep text may nest, how many items elaboration may expand, how
large an integer may be, how many bytes a world space may take. Each check raises a clear
EpistemicError (TooLarge for sizes) that says the size and what to use instead.
"""
from __future__ import annotations

from .errors import EpistemicError, Location, TooLarge

# Nesting: each level of a formula costs a few Python frames in the elaborator, the engines, the
# printer and the Z3 encoder; 100 levels stay far below Python's 1000-frame limit everywhere.
MAX_DEPTH = 100

# Elaboration: `for`, `all`/`any`, families and `repeat` expand to at most this many items in total
# over a whole puzzle. The elaborator estimates a puzzle's expansion from its syntax tree before
# expanding anything (language/expansion.py), so a puzzle past the limit is refused in milliseconds
# (muddy children n = 1000, about 1,006,000 items) and the limit no longer bounds the time a refusal
# takes. An inner `all`/`any` that does not mention an outer index is expanded once and shared, so
# drinking logicians n = 400 expands to 2,400 items, not 160,000. Each expanded item costs 10-30 µs
# of CPU and 100-650 bytes (tracemalloc, `for` over observed variables and over `all` bodies); the
# refusal quotes the upper ends.
MAX_EXPANDED = 250_000
BYTES_PER_EXPANDED_ITEM = 650
SECONDS_PER_EXPANDED_ITEM = 30e-6

# Integer literals and parameters: 18 digits fit an int64 (the world columns' type).
MAX_INT_DIGITS = 18
MAX_INT = 10**18

# Memory for one explicit world space. Bytes per world were measured with tracemalloc on muddy
# children (n = 16, 18, 20; `python bench/fuzz.py --bytes-per-world` repeats it): peak / worlds was
# 430, 480, 496 bytes for n variables + n agents, i.e. about 12 bytes per (variable or agent) +
# 40: each variable is an int64 column (8 B), each agent an int64 class id (8 B), plus the chunked
# product's temporaries and a bool mask per stage. We charge 16 B per variable or agent, 1 B per
# announcement (its stage mask) and 64 B of overhead — a safe margin over every measurement.
BYTES_PER_COLUMN = 16
BYTES_PER_STAGE = 1
BYTES_OVERHEAD_PER_WORLD = 64
MEMORY_BUDGET_BYTES = 1_500_000_000  # with the interpreter, numpy and Z3 the process stays under 2 GB

# Memory for the symbolic engine's BDDs. OxiDD's live nodes cost 31-33 bytes each (node store and unique
# table), measured as RSS growth over 1-8 million nodes (`python bench/bdd_node_bytes.py`); we charge 40.
# Its operation cache costs ~20 bytes an entry and is allocated up front. The node table is capped at
# the budget, so a BDD that would outgrow it stops with a TooLarge that names its size.
BYTES_PER_BDD_NODE = 40
BYTES_PER_CACHE_ENTRY = 24
SYMBOLIC_MIN_NODES = 1 << 16  # below this the engine cannot hold even a small puzzle's BDDs

# Traces: auditing costs ~0.2 ms of CPU per step; a longer trace is audited up to its first 20,000
# steps and marked truncated (as a text over 1,000,000 characters is).
MAX_TRACE_STEPS = 20_000

# Batches and generation.
MAX_COUNT = 100_000
MAX_KNOB = 1_000_000


def parse_int(text: str, what: str, hint: str) -> int:
    """A decimal integer written with ASCII digits and at most one leading '-', at most 18 digits."""
    t = text.strip()
    digits = t[1:] if t.startswith("-") else t
    if not digits or not (digits.isascii() and digits.isdigit()):
        raise EpistemicError(f"bad {what} {text!r}: not a whole number", hint=hint)
    if len(digits.lstrip("0")) > MAX_INT_DIGITS:
        raise EpistemicError(f"{what} {text[:30]!r}... has {len(digits):,} digits; at most {MAX_INT_DIGITS} are allowed",
                             hint=hint)
    return int(t)


def check_numbers(tree, file: str, text: str) -> None:
    """Refuse number tokens longer than 18 digits in a parse tree (before int() spends time on them)."""
    lines = text.splitlines()
    for tok in tree_leaves(tree):
        if not (isinstance(tok, str) and tok.isdigit()):
            continue
        if len(tok.lstrip("0")) > MAX_INT_DIGITS:
            line = tok.line or 1
            raise EpistemicError(f"the number {tok[:12]}... has {len(tok):,} digits; at most {MAX_INT_DIGITS} are allowed",
                                 Location(file, line, tok.column or 1, lines[line - 1] if line <= len(lines) else ""),
                                 "use a smaller number")


def tree_leaves(tree):
    """A parse tree's leaves in text order (tokens, or None for an absent optional part), walked without
    recursion. Either Lark runtime's tree (the puzzle grammar's stand-alone parser has no scan_values): every
    node of a parse has the root's class."""
    node_type = type(tree)
    stack = [iter(tree.children)]
    while stack:
        for child in stack[-1]:
            if isinstance(child, node_type):
                stack.append(iter(child.children))
                break
            yield child
        else:
            stack.pop()


def check_tree_depth(tree, file: str, text: str, levels_per_nesting: int = 1) -> None:
    """Refuse a parse tree nested more than MAX_DEPTH levels (each nesting may cost several tree levels)."""
    node_type = type(tree)  # every node of a parse has the runtime's Tree class (the stand-alone or the lark package)
    deepest, where, stack = 0, None, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest, where = depth, node
        if depth > MAX_DEPTH * levels_per_nesting:
            line = getattr(where.meta, "line", None) if isinstance(where, node_type) and not where.meta.empty else None
            lines = text.splitlines()
            loc = Location(file, line, getattr(where.meta, "column", 1),
                           lines[line - 1] if line and line <= len(lines) else "") if line else Location(file, 1, 1)
            raise EpistemicError(f"the text is nested more than {MAX_DEPTH} levels deep", loc,
                                 "split the formula into smaller ones (e.g. with `let`), or nest it less")
        stack.extend((child, depth + 1) for child in node.children if isinstance(child, node_type))


def bracket_depth(text: str) -> int:
    """How deep brackets nest in text (JSON-aware: brackets inside strings are skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]})":
            depth -= 1
    return deepest


def explicit_bytes(worlds: int, variables: int, agents: int, announcements: int) -> int:
    """Bytes the explicit engine needs for a world space of this size (see the constants' derivation)."""
    per_world = BYTES_PER_COLUMN * (variables + agents) + BYTES_PER_STAGE * announcements + BYTES_OVERHEAD_PER_WORLD
    return worlds * per_world


def check_world_bytes(worlds: int, variables: int, agents: int, announcements: int, hint: str,
                      budget: int = MEMORY_BUDGET_BYTES) -> None:
    """Refuse, before allocating, a world space whose estimated bytes exceed the budget."""
    need = explicit_bytes(worlds, variables, agents, announcements)
    if need > budget:
        raise TooLarge(f"the puzzle has {worlds:,} possible worlds; with {variables} variables and {agents} agents "
                       f"the explicit engine would need about {human_bytes(need)} (the limit is {human_bytes(budget)})",
                       hint=hint)


def bdd_node_capacity(cache_entries: int, budget: int = MEMORY_BUDGET_BYTES) -> int:
    """How many BDD nodes fit the budget beside an operation cache of this many entries; refused (before
    allocating) when not even SYMBOLIC_MIN_NODES fit."""
    nodes = (budget - cache_entries * BYTES_PER_CACHE_ENTRY) // BYTES_PER_BDD_NODE
    if nodes < SYMBOLIC_MIN_NODES:
        raise TooLarge(f"a memory budget of {human_bytes(budget)} holds {max(nodes, 0):,} BDD nodes beside the "
                       f"operation cache; the symbolic engine needs at least {SYMBOLIC_MIN_NODES:,}",
                       hint=f"give it at least {human_bytes(SYMBOLIC_MIN_NODES * BYTES_PER_BDD_NODE + cache_entries * BYTES_PER_CACHE_ENTRY)}")
    return nodes


def human_bytes(n: int) -> str:
    for unit, size in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= size:
            return f"{n / size:,.1f} {unit}"
    return f"{n} B"


def check_count(value: int, what: str, low: int = 0, high: int = MAX_COUNT) -> int:
    """A count or index option within [low, high]."""
    if not low <= value <= high:
        raise EpistemicError(f"{what} must be between {low:,} and {high:,}, got {value:,}",
                             hint="split larger runs with --start (each item depends only on its index)")
    return value


__all__ = ["BYTES_PER_BDD_NODE", "bdd_node_capacity", "MAX_DEPTH", "MAX_EXPANDED", "MAX_INT_DIGITS", "MEMORY_BUDGET_BYTES", "MAX_COUNT", "MAX_KNOB",
           "parse_int", "check_numbers", "check_tree_depth", "tree_leaves", "bracket_depth", "explicit_bytes",
           "check_world_bytes", "human_bytes", "check_count", "MAX_TRACE_STEPS"]
