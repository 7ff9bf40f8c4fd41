"""Scale out on Ray: generate, audit and evaluate across a cluster (optional extra: pip install -e '.[scale]').

Nothing outside this package imports ray. Work is cut into shards by index (shards.py); each shard is a
Ray task (or, for eval, a batch for a model-replica actor); shards are written to part files and joined
atomically (files.py); the driver shows a progress bar (progress.py).
"""
from __future__ import annotations

from .cluster import RAY_HINT, connect, need_ray
from .shards import Shard, index_shards

__all__ = ["RAY_HINT", "connect", "need_ray", "Shard", "index_shards"]
