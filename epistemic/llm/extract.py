"""Model-based claim extraction: a step of reasoning → claims of the puzzle language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Sequence

from .constrained import Constraint
from .generation import generate
from .grammar import ClaimListParser, closed_grammar, extraction_grammar, puzzle_vocabulary
from .loading import LoadedModel
from .project import ProjectAPI
from .prompting import render_chat
from .settings import Overrides, Settings, resolve

SYSTEM = (
    "You translate one step of someone's reasoning about a logic puzzle into claims written in "
    "the puzzle's formal language (the language of the puzzle file below). Write only the claims "
    "the step asserts, separated by ' ; ', e.g. `P knows card ; not Q knows card`. Use only the "
    "puzzle's agents, variables and values; no comments, no quotes, no aliases in parentheses."
)


@dataclass(frozen=True)
class ExtractedClaim:
    """One claim: its text in the puzzle language, where it came from, and its parse if available."""

    text: str
    source: str  # "rule" or "model"
    parsed: Any = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return {"text": self.text, "source": self.source}


def puzzle_context(puzzle: Any) -> str:
    """The puzzle as text for the extraction prompt (its source when it keeps one), without comments
    and without its natural-language lines (`en: "…"`, `zh: "…"`): shorter prompts, and the worked
    examples already pair those texts with their formulas."""
    if isinstance(puzzle, str):
        return formal_part(puzzle)
    for name in ("source", "text", "source_text"):
        value = getattr(puzzle, name, None)
        if isinstance(value, str) and value.strip():
            return formal_part(value)
    return str(puzzle)


_TEXT_LINE = re.compile(r"^\s*(?:en|zh)\s*:")


def formal_part(source: str) -> str:
    """`source` without comments and natural-language text lines."""
    return "\n".join(ln for ln in strip_comments(source).splitlines() if not _TEXT_LINE.match(ln)).strip() + "\n"


def strip_comments(source: str) -> str:
    """Puzzle text without `# …` comments (a `#` inside a "string" is kept), so the model sees none to copy."""
    out = []
    for line in source.splitlines():
        in_string, cut = False, len(line)
        for i, ch in enumerate(line):
            if ch == '"':
                in_string = not in_string
            elif ch == "#" and not in_string:
                cut = i
                break
        kept = line[:cut].rstrip()
        if kept or cut == len(line):
            out.append(kept)
    return "\n".join(out).strip() + "\n"


def worked_examples(puzzle: Any, limit: int = 3,
                    usable: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
    """(step, claims) pairs taken from the puzzle itself: each announcement's English text and the
    formula it states (`P says: not P knows card` with "I don't know the card." gives
    ("P: I don't know the card.", "not P knows card")). `usable` drops formulas that are no valid
    claim on their own (one that uses the `i` of `for i in …`, or a `let` name)."""
    out = []
    for a in getattr(puzzle, "announcements", ()):
        text = a.text("en") if hasattr(a, "text") else None
        source = strip_comments(getattr(a, "source", "") or "").strip()
        if not text or ":" not in source:
            continue
        formula = source.split(":", 1)[1].strip()
        if usable is not None and not usable(formula):
            continue
        out.append((f"{a.speaker}: {text}" if a.speaker else text, formula))
        if len(out) == limit:
            break
    return out


def extraction_messages(puzzle_text: str, step: str,
                        examples: Sequence[tuple[str, str]] = ()) -> list[dict[str, str]]:
    """Chat messages asking for the claims of one step, after worked examples (few-shot turns)."""
    msgs = [{"role": "system", "content": SYSTEM + "\n\nPuzzle file:\n" + puzzle_text}]
    for ex_step, ex_claims in examples:
        msgs += [{"role": "user", "content": f"Reasoning step:\n{ex_step}\n\nClaims:"},
                 {"role": "assistant", "content": ex_claims}]
    return msgs + [{"role": "user", "content": f"Reasoning step:\n{step}\n\nClaims:"}]


@dataclass(frozen=True)
class ModelClaimExtractor:
    """Grammar-constrained claim extraction with a local model; outputs always re-parse.

    With `closed` (the default), each puzzle gets its own grammar whose names, symbols and strings
    are only the puzzle's (grammar.closed_grammar): the model cannot write free text, comments or
    made-up aliases. Those grammars are compiled once per puzzle vocabulary and kept in `_by_grammar`."""

    loaded: LoadedModel
    constraint: Constraint
    parser: ClaimListParser
    settings: Settings
    parse_claim: Any = None
    closed: bool = True
    _by_grammar: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, loaded: LoadedModel, grammar_text: str, rule: str = "claim",
              max_new_tokens: int = 96, parse_claim: Any = None) -> "ModelClaimExtractor":
        """Compile the project grammar for this model's tokenizer (greedy decoding by default)."""
        text = extraction_grammar(grammar_text, rule)
        constraint = Constraint.from_lark(text, loaded.tokenizer, loaded.model.config.vocab_size,
                                          loaded.eos_token_ids)
        settings = resolve(loaded.generation_config, Overrides(do_sample=False, max_new_tokens=max_new_tokens))
        return cls(loaded, constraint, ClaimListParser(text), settings, parse_claim)

    def with_settings(self, settings: Settings) -> "ModelClaimExtractor":
        """Copy with other decoding settings (e.g. sampling, for tests)."""
        return replace(self, settings=settings)

    def grammar_for(self, puzzle: Any) -> tuple[Constraint, ClaimListParser]:
        """The constraint and parser for one puzzle: its closed grammar, or the open one."""
        vocabulary = puzzle_vocabulary(puzzle, self.parser.grammar) if self.closed else None
        if vocabulary is None:
            return self.constraint, self.parser
        text = closed_grammar(self.parser.grammar, vocabulary)
        if text not in self._by_grammar:
            self._by_grammar[text] = (self.constraint.with_grammar(text), ClaimListParser(text))
        return self._by_grammar[text]

    def extract_many(self, puzzle: Any, steps: Sequence[str]) -> list[list[ExtractedClaim]]:
        """Claims for each step, in one batch."""
        if not steps:
            return []
        tok = self.loaded.tokenizer
        constraint, parser = self.grammar_for(puzzle)
        context, examples = puzzle_context(puzzle), worked_examples(puzzle, usable=self._usable(puzzle, parser))
        prompts = [render_chat(tok, extraction_messages(context, s, examples), enable_thinking=False)
                   for s in steps]
        proc = constraint.processor()
        outs = generate(self.loaded, prompts, self.settings, logits_processors=[proc])
        result = []
        for i, out in enumerate(outs):
            ids = out.token_ids if out.finish_reason == "stop" else out.token_ids[: proc.accepting[i]]
            text = tok.decode(list(ids), skip_special_tokens=True)
            result.append(self._claims(text, puzzle, parser))
        return result

    def __call__(self, puzzle: Any, step: str) -> list[ExtractedClaim]:
        """Claims of one step."""
        return self.extract_many(puzzle, [step])[0]

    def _usable(self, puzzle: Any, parser: ClaimListParser) -> Callable[[str], bool]:
        """A worked example is shown only if the model could write it: the grammar accepts it and it
        elaborates against the puzzle."""
        def usable(formula: str) -> bool:
            return parser.accepts(formula) and bool(self._claims(formula, puzzle, parser))
        return usable

    def _claims(self, text: str, puzzle: Any, parser: ClaimListParser) -> list[ExtractedClaim]:
        """Split the output into claims; anything python-lark rejects is dropped, never returned."""
        if not text.strip() or not parser.accepts(text):
            return []
        out = []
        for c in parser.claims(text):
            parsed = None
            if self.parse_claim is not None:
                try:
                    parsed = self.parse_claim(c, puzzle)
                except Exception:  # noqa: BLE001 - grammatical but ill-typed for this puzzle
                    continue
            out.append(ExtractedClaim(c, "model", parsed))
        return out


def extract_claims(puzzle: Any, step: str, api: ProjectAPI | None = None,
                   extractor: ModelClaimExtractor | None = None) -> list[ExtractedClaim]:
    """Rule-based claims first; the model only where the rules find nothing checkable."""
    rule_based = api.extract_claims_rule_based if api is not None else None
    found = list(rule_based(puzzle, step) or []) if rule_based else []
    if found or extractor is None:
        return [c if isinstance(c, ExtractedClaim) else ExtractedClaim(getattr(c, "text", str(c)), "rule", c)
                for c in found]
    return extractor(puzzle, step)
