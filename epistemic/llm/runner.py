"""`ask`: one puzzle through a local model, streamed, split, counted and audited."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Callable

from .generation import generate
from .loading import LoadedModel
from . import project as _project
from .project import ProjectAPI
from .prompting import puzzle_prompt
from .records import audit_fields, trace_record
from .settings import Overrides, resolve


@dataclass(frozen=True)
class PromptOptions:
    """How a puzzle becomes a prompt."""

    lang: str = "en"
    system: str | None = None
    use_template: bool = True
    enable_thinking: bool | None = None


def ask(loaded: LoadedModel, puzzle_source: str, overrides: Overrides = Overrides(),
        options: PromptOptions = PromptOptions(), on_text: Callable[[str], None] | None = None,
        api: ProjectAPI | None = None, audit: bool = True) -> dict[str, Any]:
    """Generate one answer to a puzzle (path or text) and return its trace record."""
    project = api or _project.default_api()
    puzzle = project.load_puzzle(puzzle_source)
    statement = project.render_prompt(puzzle, lang=options.lang)
    prompt = puzzle_prompt(loaded.tokenizer, statement, options.system, options.use_template,
                           options.enable_thinking)
    settings = resolve(loaded.generation_config, overrides)
    t0 = time.perf_counter()
    gen = generate(loaded, [prompt], settings, on_text=on_text)[0]
    seconds = time.perf_counter() - t0
    checked = audit_fields(puzzle, gen, project) if audit else {}
    return trace_record(gen, prompt.text, settings, loaded.path, checked, round(seconds, 3),
                        puzzle=puzzle_source)
