"""Characters on which Python's `re` and Rust's `regex` agree for \\w, \\s and \\d.

llguidance matches the grammar's regexes with Rust semantics and python-lark with Python's;
they differ on combining marks, some numerals, connector punctuation and a few controls
(e.g. Rust's \\w accepts U+0329, Python's does not). Constrained decoding is kept to tokens
made only of characters on which both agree, so every output re-parses in python-lark.
"""

from __future__ import annotations

import unicodedata

# Symbols that Unicode also marks Other_Alphabetic (so Rust's \w matches them, Python's does not).
_ALPHABETIC_SYMBOLS = ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))


def portable_char(c: str) -> bool:
    """True when both regex engines classify `c` alike."""
    o = ord(c)
    if o < 0x80:
        return c in "\t\n\r" or 0x20 <= o < 0x7F
    cat = unicodedata.category(c)
    if any(lo <= o <= hi for lo, hi in _ALPHABETIC_SYMBOLS):
        return False
    return cat[0] in "LZ" or cat == "Nd" or (cat[0] in "PS" and cat != "Pc")


def portable_bytes(b: bytes) -> bool:
    """True for non-empty, complete UTF-8 made only of portable characters."""
    if not b:
        return False
    try:
        text = b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(portable_char(c) for c in text)
