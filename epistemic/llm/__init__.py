"""Local Hugging Face model runner: prompting, generation, constrained claim extraction, rewards.

Names are imported lazily, so `import epistemic.llm` needs neither torch nor transformers.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "LLMError": "errors", "ModelDirError": "errors", "ChatTemplateError": "errors",
    "ContextLengthError": "errors", "OutOfMemoryError": "errors", "MissingDependencyError": "errors",
    "GrammarError": "errors",
    "Overrides": "settings", "Settings": "settings", "resolve": "settings",
    "split_thinking": "thinking",
    "LoadedModel": "loading", "load_model": "loading", "check_model_dir": "loading",
    "Prompt": "prompting", "puzzle_prompt": "prompting", "render_chat": "prompting",
    "Generation": "generation", "generate": "generation",
    "Constraint": "constrained", "GrammarLogitsProcessor": "constrained",
    "extraction_grammar": "grammar", "ClaimListParser": "grammar",
    "ModelClaimExtractor": "extract", "ExtractedClaim": "extract", "extract_claims": "extract",
    "make_reward": "rewards",
    "PromptOptions": "runner", "ask": "runner",
    "EvalConfig": "evaluate", "run_eval": "evaluate", "summarize": "evaluate", "read_dataset": "evaluate",
    "ProjectAPI": "project",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Import the defining submodule on first access."""
    if name not in _EXPORTS:
        raise AttributeError(f"module 'epistemic.llm' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)


def __dir__() -> list[str]:
    return __all__
