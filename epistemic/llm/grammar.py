"""The claim-extraction grammar: the project's Lark grammar with a start rule for claim lists."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Sequence

from .errors import GrammarError, require

ITEM = "llmx_item"
_START_DEF = re.compile(r"^([?!]?)start(\s*:)", re.MULTILINE)


def extraction_grammar(base: str, rule: str = "claim", separator: str = ";") -> str:
    """`base` with its `start` rule renamed and a new start: `rule (separator rule)*`."""
    if not re.search(rf"^[?!]?{re.escape(rule)}\s*:", base, re.MULTILINE):
        raise GrammarError(f"the grammar has no rule {rule!r}", "pass the rule that parses one claim")
    renamed = _START_DEF.sub(r"\1llmx_file_start\2", base)
    sep = '"' + separator.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (f"start: {ITEM} ({sep} {ITEM})*\n{ITEM}: {rule}\n\n" + renamed.strip() + "\n")


@dataclass(frozen=True)
class ClaimListParser:
    """python-lark parser of the extraction grammar; splits an output into claim texts."""

    grammar: str

    @cached_property
    def _lark(self):
        """LALR like the project's own parser; Earley when the grammar is not LALR(1)."""
        lark = require("lark", "llm")
        try:
            try:
                return lark.Lark(self.grammar, start="start", parser="lalr", propagate_positions=True)
            except lark.exceptions.GrammarError:
                return lark.Lark(self.grammar, start="start", parser="earley", propagate_positions=True)
        except lark.exceptions.LarkError as exc:
            raise GrammarError(f"python-lark rejects the grammar: {exc}",
                               "keep the grammar inside the subset both python-lark and llguidance accept") from exc

    def parse(self, text: str) -> Any:
        """The lark tree (raises lark's UnexpectedInput when `text` is not a claim list)."""
        return self._lark.parse(text)

    def claims(self, text: str) -> list[str]:
        """Each claim's source text, in order."""
        tree = self.parse(text)
        items = [t for t in tree.children if getattr(t, "data", None) == ITEM]
        return [text[t.meta.start_pos:t.meta.end_pos].strip() for t in items]

    def accepts(self, text: str) -> bool:
        """True when `text` parses."""
        lark = require("lark", "llm")
        try:
            self.parse(text)
            return True
        except lark.exceptions.LarkError:
            return False


# ---- a closed vocabulary: the extraction grammar accepts only the puzzle's own names

FUNCTIONS = ("sum", "count", "min", "max", "abs")
_NEVER = "\ue000"  # a private-use character: stands for an empty set of spellings (never in a claim)
_TERMINAL_DEF = r"^{name}:[^\n]*$"
_BOUND = re.compile(r"\b(?:all|any|for)\s+(\w+)\s+in\b")


@dataclass(frozen=True)
class Vocabulary:
    """The spellings a claim about one puzzle may use, by the terminal that lexes them."""

    names: tuple[str, ...]
    symbols: tuple[str, ...] = ()
    strings: tuple[str, ...] = ()  # without their quotes


def _terminal_regex(base: str, name: str) -> "re.Pattern[str] | None":
    """The regex of a `NAME: /.../` terminal of `base` (None when it is not a plain regex)."""
    m = re.search(rf"^{name}:\s*/(.*)/\s*$", base, re.MULTILINE)
    return re.compile(m.group(1)) if m else None


def _spellings(puzzle: Any) -> list[str]:
    """Every name a claim about `puzzle` can use: agents, variables, families, values and their
    aliases, named tuples, parameters, and the built-in functions."""
    out: list[str] = list(FUNCTIONS)
    for agent in getattr(puzzle, "agents", ()):
        out += [agent.name, agent.name.split("[")[0]]
    for var in getattr(puzzle, "variables", ()):
        out += [var.name, var.name.split("[")[0]]
        for value in var.values:
            out += [value.name, *value.aliases]
    out += [name for name, _ in getattr(puzzle, "names", ())]
    out += [name for name, _ in getattr(puzzle, "params", ())]
    for announcement in getattr(puzzle, "announcements", ()):  # names its quantifiers bind (all i in …)
        out += _BOUND.findall(getattr(announcement, "source", "") or "")
    return list(dict.fromkeys(x for x in out if x))


def puzzle_vocabulary(puzzle: Any, base: str) -> Vocabulary | None:
    """The puzzle's spellings sorted into `base`'s NAME, SYMBOL and STRING terminals; None when the
    puzzle is not an elaborated puzzle (e.g. plain text), so no closed vocabulary can be given."""
    if not hasattr(puzzle, "variables") or not hasattr(puzzle, "agents"):
        return None
    name_re, symbol_re = _terminal_regex(base, "NAME"), _terminal_regex(base, "SYMBOL")
    names, symbols, strings = [], [], []
    for sp in _spellings(puzzle):
        if sp.isdigit() or "[" in sp:
            continue  # NUMBER lexes it; a family member is written base[index]
        if name_re is not None and name_re.fullmatch(sp):
            names.append(sp)
        elif symbol_re is not None and symbol_re.fullmatch(sp):
            symbols.append(sp)
        elif '"' not in sp and "\n" not in sp:
            strings.append(sp)
    return Vocabulary(tuple(names), tuple(symbols), tuple(strings))


def _alternatives(spellings: Sequence[str], quoted: bool = False) -> str:
    """A Lark terminal body: the literal spellings, longest first (never empty)."""
    items = sorted(set(spellings), key=lambda x: (-len(x), x)) or [_NEVER]
    lits = [json.dumps(f'"{x}"' if quoted else x, ensure_ascii=False) for x in items]
    return " | ".join(lits)


NAME_RULE = "llmx_name"


def closed_grammar(extraction: str, vocabulary: Vocabulary) -> str:
    """`extraction` (from extraction_grammar) with no free text left: names are a rule of the
    vocabulary's literal names (keywords to the lexer, so `not` is never lexed as the name `n` + `ot`),
    SYMBOL and STRING accept only the vocabulary's spellings, and comments and line continuations are
    no longer ignored."""
    text = re.sub(_TERMINAL_DEF.format(name="NAME"), "", extraction, count=1, flags=re.MULTILINE)
    if text == extraction:
        raise GrammarError("the grammar has no terminal NAME", "use the project grammar")
    text = re.sub(r"\bNAME\b", NAME_RULE, text)
    text += f"\n{NAME_RULE}: {_alternatives(vocabulary.names)}\n"
    for terminal, body in (("SYMBOL", _alternatives(vocabulary.symbols)),
                           ("STRING", _alternatives(vocabulary.strings, quoted=True))):
        pattern = re.compile(_TERMINAL_DEF.format(name=terminal), re.MULTILINE)
        if not pattern.search(text):
            raise GrammarError(f"the grammar has no terminal {terminal}", "use the project grammar")
        text = pattern.sub(lambda _m, t=terminal, b=body: f"{t}: {b}", text, count=1)
    return re.sub(r"^%ignore\s+(COMMENT|CONTINUATION)\s*$", "", text, flags=re.MULTILINE)
