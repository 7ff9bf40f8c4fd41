"""Where two parse trees differ, for the tests that compare parsers (line by line against whole, the checked-in
stand-alone parser against the lark package)."""
from __future__ import annotations

TOKEN = ("type", "value", "start_pos", "line", "column", "end_line", "end_column", "end_pos")


def difference(a, b, meta: tuple[str, ...], path: str = "start", same_runtime: bool = True) -> str | None:
    """Where two trees differ (data, tokens and the `meta` positions), or None. `same_runtime`: the node classes
    must be the same too; across two Lark runtimes only what the nodes say is compared (tokens are strings)."""
    if same_runtime and type(a) is not type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, str) or isinstance(b, str):  # tokens
        if not (isinstance(a, str) and isinstance(b, str)):
            return f"{path}: {a!r} vs {b!r}"
        for key in TOKEN:
            if getattr(a, key) != getattr(b, key):
                return f"{path}: token {key} {getattr(a, key)!r} vs {getattr(b, key)!r}"
        return None
    if not hasattr(a, "children") or not hasattr(b, "children"):  # None, or anything else that is no tree
        return None if a == b else f"{path}: {a!r} vs {b!r}"
    if a.data != b.data or len(a.children) != len(b.children):
        return f"{path}: {a.data}/{len(a.children)} vs {b.data}/{len(b.children)}"
    for key in meta:
        if getattr(a.meta, key, None) != getattr(b.meta, key, None):
            return f"{path}: meta {key} {getattr(a.meta, key, None)} vs {getattr(b.meta, key, None)}"
    for i, (x, y) in enumerate(zip(a.children, b.children)):
        found = difference(x, y, meta, f"{path}/{a.data}[{i}]", same_runtime)
        if found:
            return found
    return None
