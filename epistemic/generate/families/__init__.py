"""Puzzle families: each samples candidates (a world table, who is told what, a dialogue)."""
from __future__ import annotations

from .birthdays import Birthdays
from .cards import Cards
from .generic import Generic
from .muddy import Muddy
from .sum_product import SumProduct

FAMILIES = {f.name: f for f in (Cards(), Birthdays(), SumProduct(), Muddy(), Generic())}
