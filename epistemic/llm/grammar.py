"""The claim-extraction grammar: the project's Lark grammar with a start rule for claim lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

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
