"""Write epistemic/audit/traditional.py from OpenCC's TSCharacters dictionary:
python bench/make_traditional.py PATH/TO/TSCharacters.txt OUT.py

TSCharacters.txt ships with OpenCC (Apache License 2.0), for example inside the opencc-python-reimplemented wheel at
opencc/dictionary/TSCharacters.txt. Only one-to-one pairs are kept (one traditional character, its first simplified
form), so that the auditor's offsets still point into the original text; a character that the project's own sources
use is left out (a reader written with it would never match after the conversion). OUT.py must not exist yet.
"""
import glob
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PER_LINE = 50

HEAD = '''"""Traditional Chinese characters as their simplified forms, one character for one, so that offsets still point into
the original text: the auditor's readers are written in simplified Chinese, and models answering Taiwan and Hong Kong
users write traditional ("伯納德說他現在知道了" is read as "伯纳德说他现在知道了").

The pairs are OpenCC's one-to-one character pairs (TSCharacters, Apache License 2.0, https://github.com/BYVoid/OpenCC),
written by bench/make_traditional.py (docs/third_party.md); words that differ as a whole (資訊, 撲克牌) stay as
written."""
from __future__ import annotations

'''

TAIL = '''_TABLE = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_KEYS = frozenset(_TRADITIONAL)  # (a set test is ten times faster than a character class this large)


def simplified(text: str) -> str:
    """`text` with its traditional characters in their simplified forms, same length; as is when it has none."""
    if text.isascii() or _KEYS.isdisjoint(text):
        return text
    return text.translate(_TABLE)
'''


def pairs(path: str, used: set[str]) -> list[tuple[str, str]]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            trad, forms = line.rstrip("\n").split("\t")
            simp = forms.split()[0]
            if len(trad) == 1 and len(simp) == 1 and trad != simp and trad not in used and trad.isprintable():
                out.append((trad, simp))
    return sorted(out)


def source_chars() -> set[str]:
    files = glob.glob(os.path.join(ROOT, "epistemic", "**", "*.py"), recursive=True)
    files = [f for f in files if not f.endswith(os.path.join("audit", "traditional.py"))]
    files += [f for f in glob.glob(os.path.join(ROOT, "puzzles", "**", "*"), recursive=True) if os.path.isfile(f)]
    chars = set()
    for f in files:
        with open(f, encoding="utf-8", errors="ignore") as h:
            chars |= set(h.read())
    return chars


def literal(name: str, chars: str) -> str:
    rows = [chars[i:i + PER_LINE] for i in range(0, len(chars), PER_LINE)]
    return f"{name} = (\n" + "".join(f'    "{row}"\n' for row in rows) + ")\n"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    src, out = argv
    if os.path.exists(out):
        print(f"{out} exists: remove it first", file=sys.stderr)
        return 2
    table = pairs(src, source_chars())
    body = HEAD + literal("_TRADITIONAL", "".join(t for t, _ in table)) + \
        literal("_SIMPLIFIED", "".join(s for _, s in table)) + TAIL
    tmp = out + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(body)
    os.replace(tmp, out)
    print(f"{len(table)} pairs -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
