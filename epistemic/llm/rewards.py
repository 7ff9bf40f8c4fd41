"""Rewards for reinforcement learning, in the form TRL's GRPOTrainer calls them.

Example (a dataset with a ``puzzle`` column holding puzzle text)::

    from trl import GRPOConfig, GRPOTrainer
    from epistemic.llm.rewards import make_reward

    reward = make_reward(answer_weight=1.0, process_weight=0.5)
    trainer = GRPOTrainer(model="Qwen/Qwen3-0.6B", reward_funcs=reward,
                          args=GRPOConfig(output_dir="out"), train_dataset=dataset)

    reward(prompts=["…"], completions=["<think>…</think> 5 of diamonds"], puzzle=[card16_text])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from . import project as _project
from .project import ProjectAPI, to_plain
from .thinking import split_thinking


@dataclass(frozen=True)
class RewardParts:
    """The pieces of one reward: answer score in [0, 1], process score in [0, 1], total."""

    answer: float
    process: float | None
    total: float


def completion_text(completion: Any) -> str:
    """Text of a TRL completion: a string, or a list of chat messages (conversational data)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        return str(completion.get("content", ""))
    if isinstance(completion, (list, tuple)):
        return "".join(completion_text(m) for m in completion if not isinstance(m, dict)
                       or m.get("role", "assistant") == "assistant")
    return str(completion)


def process_score(audit: dict[str, Any]) -> float:
    """1.0 with no wrong step; else the share of steps before the first wrong one (ProcessBench label)."""
    label = audit.get("label", -1)
    if label is None or label < 0:
        return 1.0
    return label / max(len(audit.get("steps") or []), 1)


def score_one(puzzle: Any, text: str, api: ProjectAPI, answer_weight: float,
              process_weight: float) -> RewardParts:
    """Answer score from the answer part (after thinking), process score from the audit of the whole trace;
    text the scorer or the audit rejects scores 0."""
    try:
        answer = float(api.score_answer(split_thinking(text).answer or text, puzzle))
    except Exception:  # noqa: BLE001 - untrusted model text must not stop training
        answer = 0.0
    process = None
    if process_weight:
        try:
            process = process_score(to_plain(api.audit_trace(puzzle, text)))
        except Exception:  # noqa: BLE001 - e.g. the audit rejects binary-looking text
            process = 0.0
    total = answer_weight * answer + (process_weight * process if process is not None else 0.0)
    return RewardParts(answer, process, total)


def make_reward(answer_weight: float = 1.0, process_weight: float = 0.0, puzzle_key: str = "puzzle",
                api: ProjectAPI | None = None, name: str = "epistemic_reward") -> Callable[..., list[float]]:
    """A reward function `reward(prompts, completions, **kwargs) -> list[float]` for GRPO.

    `kwargs[puzzle_key]` holds, per completion, the puzzle (text, path or Puzzle object);
    text puzzles are loaded once per call. The total is
    answer_weight · answer_score + process_weight · process_score.
    """

    def reward(prompts: Sequence[Any] | None = None, completions: Sequence[Any] = (), **kwargs: Any) -> list[float]:
        project = api or _project.default_api()
        puzzles = kwargs.get(puzzle_key)
        if puzzles is None:
            raise KeyError(f"the reward needs a dataset column {puzzle_key!r} with each puzzle")
        loaded: dict[str, Any] = {}

        def load(p: Any) -> Any:
            if isinstance(p, str):
                if p not in loaded:
                    loaded[p] = project.load_puzzle(p)
                return loaded[p]
            return p

        return [score_one(load(p), completion_text(c), project, answer_weight, process_weight).total
                for p, c in zip(puzzles, completions)]

    reward.__name__ = name
    reward.__qualname__ = name
    return reward
