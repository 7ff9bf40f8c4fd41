"""Model-based claim extraction: a step of reasoning → claims of the puzzle language."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .constrained import Constraint
from .generation import generate
from .grammar import ClaimListParser, extraction_grammar
from .loading import LoadedModel
from .project import ProjectAPI
from .prompting import render_chat
from .settings import Overrides, Settings, resolve

SYSTEM = (
    "You translate one step of someone's reasoning about a logic puzzle into claims written in "
    "the puzzle's formal language (the language of the puzzle file below). Write only the claims "
    "the step asserts, separated by ' ; '. Use only the puzzle's agents, variables and values."
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
    """The puzzle as text for the extraction prompt (its source when it keeps one)."""
    if isinstance(puzzle, str):
        return puzzle
    for name in ("source", "text", "source_text"):
        value = getattr(puzzle, name, None)
        if isinstance(value, str) and value.strip():
            return value
    return str(puzzle)


def extraction_messages(puzzle_text: str, step: str) -> list[dict[str, str]]:
    """Chat messages asking for the claims of one step."""
    user = f"Puzzle file:\n{puzzle_text}\n\nReasoning step:\n{step}\n\nClaims:"
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


@dataclass(frozen=True)
class ModelClaimExtractor:
    """Grammar-constrained claim extraction with a local model; outputs always re-parse."""

    loaded: LoadedModel
    constraint: Constraint
    parser: ClaimListParser
    settings: Settings
    parse_claim: Any = None

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
        return ModelClaimExtractor(self.loaded, self.constraint, self.parser, settings, self.parse_claim)

    def extract_many(self, puzzle: Any, steps: Sequence[str]) -> list[list[ExtractedClaim]]:
        """Claims for each step, in one batch."""
        if not steps:
            return []
        tok = self.loaded.tokenizer
        context = puzzle_context(puzzle)
        prompts = [render_chat(tok, extraction_messages(context, s), enable_thinking=False) for s in steps]
        proc = self.constraint.processor()
        outs = generate(self.loaded, prompts, self.settings, logits_processors=[proc])
        result = []
        for i, out in enumerate(outs):
            ids = out.token_ids if out.finish_reason == "stop" else out.token_ids[: proc.accepting[i]]
            text = tok.decode(list(ids), skip_special_tokens=True)
            result.append(self._claims(text, puzzle))
        return result

    def __call__(self, puzzle: Any, step: str) -> list[ExtractedClaim]:
        """Claims of one step."""
        return self.extract_many(puzzle, [step])[0]

    def _claims(self, text: str, puzzle: Any) -> list[ExtractedClaim]:
        """Split the output into claims; anything python-lark rejects is dropped, never returned."""
        if not text.strip() or not self.parser.accepts(text):
            return []
        out = []
        for c in self.parser.claims(text):
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
