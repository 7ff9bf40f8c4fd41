"""Import ray with a clear error when it is missing, and connect to (or start) a cluster."""
from __future__ import annotations

import contextlib
import logging
import os
from typing import Iterator

from ..errors import EpistemicError

RAY_HINT = "pip install -e '.[scale]'  (or: pip install 'ray[data]')"


def need_ray():
    """The ray module, or an EpistemicError saying how to install it."""
    try:
        import ray
    except ImportError:
        raise EpistemicError("--ray needs the optional Ray extra, which is not installed", hint=RAY_HINT) from None
    return ray


@contextlib.contextmanager
def connect(address: str | None = None, num_cpus: int | None = None) -> Iterator[object]:
    """A Ray session for one job: the cluster at `address` ("auto": the one this machine belongs to),
    or a local one (with `num_cpus` workers) when no address is given and none is running.

    A session this call started is shut down on exit; one that was already initialised is left alone."""
    ray = need_ray()
    if ray.is_initialized():
        try:
            yield ray
        except ray.exceptions.RayError as exc:
            raise task_failed(exc) from exc
        return
    kwargs: dict = {"ignore_reinit_error": True, "log_to_driver": False, "include_dashboard": False,
                    "logging_level": logging.ERROR}
    if address:
        kwargs["address"] = address
    elif os.environ.get("RAY_ADDRESS"):
        kwargs["address"] = os.environ["RAY_ADDRESS"]
    else:
        kwargs["num_cpus"] = num_cpus
    try:
        ray.init(**kwargs)
    except ConnectionError as exc:
        raise EpistemicError(f"cannot reach the Ray cluster at {address}: {exc}",
                             hint="start it with `ray start --head` (docs/scale.md), or leave out the address "
                                  "to run a local cluster") from None
    try:
        yield ray
    except ray.exceptions.RayError as exc:
        raise task_failed(exc) from exc
    finally:
        ray.shutdown()


def task_failed(exc: Exception) -> EpistemicError:
    """A Ray failure that retries did not cure, as a clean error (its first line, not a remote traceback)."""
    first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
    return EpistemicError(f"a Ray task failed: {first}",
                          hint="the parts written so far are kept next to the output; fix the cause and run again")
