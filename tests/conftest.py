"""Shared fixtures: paths to the puzzles and a solved-puzzle cache per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("TORCHDYNAMO_DISABLE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
PUZZLES = ROOT / "puzzles"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def solved():
    """solved(name, **params) -> Solution, computed once per session for each puzzle and params."""
    from epistemic import api

    cache = {}

    def get(name: str, **params):
        key = (name, tuple(sorted(params.items())))
        if key not in cache:
            cache[key] = api.solve(api.load_puzzle(PUZZLES / name, params))
        return cache[key]

    return get


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory):
    """A complete local model folder: byte-level tokenizer.json + chat template + random tiny Qwen2 weights,
    built once per session (no download); shared by tests/llm and the Ray eval tests in tests/scale."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("tokenizers")
    from epistemic.llm.tiny import build_tiny_model_dir

    return build_tiny_model_dir(tmp_path_factory.mktemp("tiny-qwen2"))
