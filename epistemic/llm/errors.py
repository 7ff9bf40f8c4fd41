"""Errors of the local-model runner: each says what went wrong and what to do."""

from __future__ import annotations


class LLMError(Exception):
    """A failure with a one-line cause and a hint on what to do next."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  what to do: {self.hint}" if self.hint else self.message


class ModelDirError(LLMError):
    """The model directory is missing, not a model, or incomplete."""


class ChatTemplateError(LLMError):
    """The tokenizer has no chat template and none was supplied."""


class ContextLengthError(LLMError):
    """The prompt does not fit into the model's context window."""


class OutOfMemoryError(LLMError):
    """The accelerator ran out of memory."""


class MissingDependencyError(LLMError):
    """An optional package (torch, transformers, llguidance) is not installed."""


class GrammarError(LLMError):
    """The grammar is not accepted by llguidance or python-lark."""


def require(module: str, extra: str = "llm"):
    """Import an optional module or raise a MissingDependencyError naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise MissingDependencyError(
            f"the optional package {module!r} is not installed ({exc})",
            f"in a checkout: pip install -e '.[{extra}]'  (or: pip install torch==2.13.0 transformers tokenizers llguidance)",
        ) from exc
