"""Shared fixtures of the auditor's tests."""
import json

import pytest

from epistemic import api
from epistemic.audit import AuditContext
from tests.paths import ROOT


@pytest.fixture(scope="module")
def ctxs():
    """One audit context per puzzle file and parameters, built once per test module."""
    cache = {}

    def get(name, params=None):
        key = (name, json.dumps(params or {}, sort_keys=True))
        if key not in cache:
            cache[key] = AuditContext.build(api.load_puzzle(ROOT / "puzzles" / name, params))
        return cache[key]
    return get
