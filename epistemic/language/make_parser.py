"""Writes epistemic/language/lark_parser.py, the puzzle grammar's stand-alone Lark parser (issue 14, start-up).

    python -m epistemic.language.make_parser

Run it after every change to grammar/epistemic.lark. Lark's own generator (`lark.tools.standalone`) writes
one module holding lark's LALR runtime and the grammar's parse tables; importing it and loading its tables
costs a command less than importing the lark package (with the `regex` package it imports) and loading the
tables from lark's cache. The generated module is checked in: the lark package is not imported on the
puzzle path at all (the SMCDEL reader and the model runner still use it, with their own grammars), and nor
is the `regex` package (REGEX_IMPORT below).

The module records the sha256 of the grammar it was made from; tests/language/test_lark_parser.py fails
when the grammar file no longer matches it, and checks that the stand-alone parser gives the lark
package's trees on every shipped puzzle and on random puzzle texts. Two runs need not write the same bytes
(lark numbers the parser's states in the order of sets of objects hashed by address); they build the same
parser.
"""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

from .grammar import grammar_path

OUTPUT = Path(__file__).resolve().parent / "lark_parser.py"
# what parser() in grammar.py built from the grammar with the lark package: an LALR parser with both start rules.
# -c: the tables as one compressed string (unpickled at import) instead of a 170 KB dict literal, which Python
# takes 140-220 ms to compile where no bytecode cache is written (this sandbox's PYTHONDONTWRITEBYTECODE=1, a
# fresh clone); byte-compiled, both load alike (15 interleaved pairs: 1.02)
OPTIONS = ("-c", "-s", "start", "-s", "claim", "--propagate_positions", "--maybe_placeholders")


# Lark's runtime imports the `regex` package when it is installed (about 10 ms of start-up), and uses it only
# for the width of terminals written with Unicode categories (\p{...}), which this grammar has none of
# (generate() checks). In the generated module, and there only, that import is left out.
REGEX_IMPORT = """try:
    import regex
    _has_regex = True
except ImportError:
    _has_regex = False
"""
NO_REGEX = "_has_regex = False  # make_parser.py: no \\p{...} in the grammar, so the `regex` package is not needed\n"


# Lark's scanner joins a lexer's terminals into one alternation of named groups and compiles it; the contextual
# lexer has a lexer per set of terminals a parser state accepts, so parsing one puzzle compiled some 60 such
# alternations (card16: 13 ms of a 200 ms `solve`). An alternation matches its first alternative that matches,
# in order; so does trying the terminals' own patterns in that order, and each of those is compiled once per
# process, whatever lexer uses it (re's cache): card16 parses in 5.5 ms, the trees are the same
# (tests/language/test_lark_parser.py).
SCANNER_MRES = """    def _build_mres(self, terminals, max_size):
        ##

        ##

        ##

        mres = []
        while terminals:
            pattern = u'|'.join(u'(?P<%s>%s)' % (t.name, t.pattern.to_regexp()) for t in terminals[:max_size])
            if self.use_bytes:
                pattern = pattern.encode('latin-1')
            try:
                mre = self.re_.compile(pattern, self.g_regex_flags)
            except AssertionError:  ##

                return self._build_mres(terminals, max_size // 2)

            mres.append(mre)
            terminals = terminals[max_size:]
        return mres

    def match(self, text: TextSlice, pos):
        for mre in self._mres:
            m = mre.match(text.text, pos, text.end)
            if m:
                return m.group(0), m.lastgroup


    def fullmatch(self, text: str) -> Optional[str]:
        for mre in self._mres:
            m = mre.fullmatch(text)
            if m:
                return m.lastgroup
        return None
"""
TERMINAL_BY_TERMINAL = """    def _build_mres(self, terminals, max_size):
        # make_parser.py: each terminal's own pattern, tried in order (compiled once per process by re's cache)
        patterns = [(t.name, t.pattern.to_regexp()) for t in terminals]
        return [(name, self.re_.compile(p.encode('latin-1') if self.use_bytes else p, self.g_regex_flags))
                for name, p in patterns]

    def match(self, text: TextSlice, pos):
        for name, mre in self._mres:
            m = mre.match(text.text, pos, text.end)
            if m:
                return m.group(0), name

    def fullmatch(self, text: str) -> Optional[str]:
        for name, mre in self._mres:
            if mre.fullmatch(text):
                return name
        return None
"""


# Lark's runtime logs to a "lark" logger it sets to CRITICAL, above every message it logs (debug, info, warning,
# exception): nothing it logs is ever shown. In the generated module the logger is a stand-in that drops the
# messages, and the logging package (3 ms of start-up, imported by nothing else on the puzzle path) is not imported.
LOGGING = """import sys, re
import logging
from dataclasses import dataclass
from typing import Generic, AnyStr

logger: logging.Logger = logging.getLogger("lark")
logger.addHandler(logging.StreamHandler())
##

##

logger.setLevel(logging.CRITICAL)
"""
NO_LOGGING = """import sys, re
from dataclasses import dataclass
from typing import Generic, AnyStr


class _Silent:
    \"\"\"make_parser.py: lark's logger, at CRITICAL, shows none of its messages; this one drops them.\"\"\"

    def _drop(self, *args, **kwargs):
        return None

    debug = info = warning = exception = _drop


logger = _Silent()
"""


# Lark's generator leaves two imports relative to the lark package in the module (raising UnexpectedEOF, and
# reading a cache); in the stand-alone module both names (Token, __version__) are its own globals, and as
# imports they would name modules of epistemic.language that do not exist (an import cycle to grimp).
PACKAGE_IMPORTS = ("        from .lexer import Token\n", "                from . import __version__\n")


def grammar_sha256(text: str) -> str:
    """The fingerprint recorded in the generated module (of the grammar file's text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def generate() -> str:
    """The text of lark_parser.py for the current grammar file (needs the lark package)."""
    import lark

    path = grammar_path()
    text = path.read_text(encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "lark.tools.standalone", *OPTIONS, str(path)],
                         capture_output=True, text=True, check=True)
    if "\\p{" in text or out.stdout.count(REGEX_IMPORT) != 1:
        raise RuntimeError("the grammar uses \\p{...} or lark's generated runtime changed: revisit REGEX_IMPORT")
    if any(out.stdout.count(line) != 1 for line in PACKAGE_IMPORTS):
        raise RuntimeError("lark's generated runtime changed: revisit PACKAGE_IMPORTS")
    if out.stdout.count(SCANNER_MRES) != 1:
        raise RuntimeError("lark's generated scanner changed: revisit SCANNER_MRES")
    if out.stdout.count(LOGGING) != 1 or out.stdout.count("logging.") != LOGGING.count("logging."):
        raise RuntimeError("lark's generated logging changed: revisit LOGGING")
    if {m for m in re.findall(r"logger\.(\w+)", out.stdout)} - {"debug", "info", "warning", "exception", "addHandler",
                                                                   "setLevel"}:
        raise RuntimeError("lark's runtime logs at another level: revisit NO_LOGGING")
    body = out.stdout.replace(REGEX_IMPORT, NO_REGEX).replace(SCANNER_MRES, TERMINAL_BY_TERMINAL)
    body = body.replace(LOGGING, NO_LOGGING)
    for line in PACKAGE_IMPORTS:
        body = body.replace(line, "")
    header = (
        "# Generated by `python -m epistemic.language.make_parser` from grammar/epistemic.lark: do not edit.\n"
        f"# lark {lark.__version__}, lark.tools.standalone {' '.join(OPTIONS)}\n"
        "# flake8: noqa\n"
        f'GRAMMAR_SHA256 = "{grammar_sha256(text)}"\n\n'
    )
    return header + body


def main() -> None:
    OUTPUT.write_text(generate(), encoding="utf-8")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
