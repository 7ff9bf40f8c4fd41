"""The puzzle language: grammar, parser, syntax tree, elaboration and printing."""
from __future__ import annotations

from .elaborate import load_puzzle, parse_claim
from .grammar import grammar_for, grammar_path, grammar_text
from .printer import formula_source, term_source

__all__ = ["load_puzzle", "parse_claim", "grammar_for", "grammar_path", "grammar_text", "formula_source", "term_source"]
