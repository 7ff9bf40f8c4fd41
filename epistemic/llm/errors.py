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


def install_hint(extra: str = "llm") -> str:
    """How to install an extra: editable from the checkout when running from one, else from the index."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and 'name = "epistemic"' in pyproject.read_text(encoding="utf-8", errors="replace"):
        return f"pip install -e '.[{extra}]'  (in {root})"
    return f"pip install 'epistemic[{extra}]'"


def require(module: str, extra: str = "llm"):
    """Import an optional module or raise a MissingDependencyError naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"the optional package {module!r} is not installed ({exc})", install_hint(extra)) from exc
