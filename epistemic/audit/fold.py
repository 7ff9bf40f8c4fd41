"""Text folded for quote matching: NFKC, lower case, without punctuation, symbols or spaces.

`fold(text)` equals `_slow(text)` for every text. Most text (ASCII, CJK, their punctuation and the
full-width forms) folds in one `str.translate` pass: when every character's compatibility
decomposition lies in PLAIN, no two characters can compose or reorder (tests/test_audit_fold.py
checks this against the running Python's Unicode tables), so NFKC acts character by character.
"""
from __future__ import annotations

import unicodedata

# Code point ranges with no combining marks and no second halves of canonical compositions.
PLAIN = ((0x0000, 0x007F), (0x2000, 0x206F), (0x3000, 0x3029), (0x3030, 0x303F), (0x3400, 0x4DBF),
         (0x4E00, 0x9FFF))
_OTHER = "\uffff"  # marks a character outside the fast path (U+FFFF itself is not in PLAIN)


def plain(ch: str) -> bool:
    code = ord(ch)
    return any(a <= code <= b for a, b in PLAIN)


def dropped(ch: str) -> bool:
    """Punctuation, separators, symbols and spaces: ignored when quotes are matched."""
    return unicodedata.category(ch)[0] in "PZS" or ch.isspace()


class _Table(dict):
    """str.translate table: a character -> its folded form, or _OTHER (filled as characters are met)."""

    def __missing__(self, code: int) -> str:
        parts = unicodedata.normalize("NFKD", chr(code))
        if all(plain(ch) for ch in parts):
            hit = "".join(ch for ch in parts.lower() if not dropped(ch))
        else:
            hit = _OTHER
        self[code] = hit
        return hit


class _Dropped(dict):
    """str.translate table that deletes dropped characters (filled as met)."""

    def __missing__(self, code: int) -> int | None:
        hit = None if dropped(chr(code)) else code
        self[code] = hit
        return hit


_TABLE = _Table()
_DROPPED = _Dropped()


def fold(text: str) -> str:
    """NFKC, lower case, punctuation, symbols and spaces removed."""
    out = text.translate(_TABLE)
    return _slow(text) if _OTHER in out else out


def _slow(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().translate(_DROPPED)


def fold_prefix(text: str, need: int) -> str:
    """A prefix of `fold(text)` at least `need` long (or all of it), folding as little of `text` as it can.

    When the character after the cut takes the fast path, nothing composes across the cut."""
    cut = 2 * need
    if len(text) > cut:
        out = text[:cut].translate(_TABLE)
        if len(out) >= need and _OTHER not in out and _TABLE[ord(text[cut])] != _OTHER:
            return out
    return fold(text)
