"""Engines evaluate formulas on a world space; each one gives the same answers (cross-checked in tests)."""
from __future__ import annotations

from .base import Engine, get_engine

__all__ = ["Engine", "get_engine"]
