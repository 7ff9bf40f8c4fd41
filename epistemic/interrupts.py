"""Ctrl-C that always lands: a SIGINT handler that raises KeyboardInterrupt where Python code can take it.

Z3's finalizers (`AstRef.__del__`) run at arbitrary moments, and an exception raised inside a finalizer
is printed ("Exception ignored in ...") and dropped, so a plain handler loses the interrupt and the run
goes on. `InterruptWatch` does not raise inside a finalizer: it asks again a moment later, until the
interrupt is raised in ordinary code. A command that catches it and keeps its finished work calls
`acknowledge()` first; should nothing catch it within `give_up` seconds (the main thread stuck in a long
C call), the process exits with 130 so the stop is still prompt.
"""
from __future__ import annotations

import _thread
import os
import signal
import threading
import time
from types import FrameType

EXIT_INTERRUPTED = 130


class InterruptWatch:
    """The process's SIGINT handler (installed by `install`, found again through signal.getsignal)."""

    def __init__(self, retry: float = 0.05, give_up: float = 5.0) -> None:
        self.retry = retry
        self.give_up = give_up
        self._acknowledged = threading.Event()
        self._deferred = threading.Event()
        self._watchdog: threading.Thread | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self._acknowledged.is_set():  # pressed again while the command saves: the user insists
            raise KeyboardInterrupt
        if self._watchdog is None:
            self._watchdog = threading.Thread(target=self._watch, name="interrupt-watchdog", daemon=True)
            self._watchdog.start()
        if _inside_finalizer(frame):
            self._deferred.set()  # raised here it would be dropped; the watchdog asks again shortly
            return
        self._deferred.clear()
        raise KeyboardInterrupt

    def acknowledge(self) -> None:
        """A command has caught the interrupt: stop re-raising it and do not end the process."""
        self._acknowledged.set()

    def _watch(self) -> None:
        deadline = time.monotonic() + self.give_up
        while not self._acknowledged.wait(self.retry):
            if time.monotonic() > deadline:
                os._exit(EXIT_INTERRUPTED)
            if self._deferred.is_set():
                _thread.interrupt_main(signal.SIGINT)


def _inside_finalizer(frame: FrameType | None) -> bool:
    """Whether the interrupted code runs inside a `__del__` (where a raised exception is dropped)."""
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return False


def install() -> InterruptWatch:
    """Make Ctrl-C raise KeyboardInterrupt through an InterruptWatch (call once, from the main thread)."""
    watch = InterruptWatch()
    signal.signal(signal.SIGINT, watch)
    return watch


def acknowledge() -> None:
    """Tell the installed InterruptWatch, if any, that the interrupt was caught (a no-op otherwise)."""
    handler = signal.getsignal(signal.SIGINT)
    if isinstance(handler, InterruptWatch):
        handler.acknowledge()


__all__ = ["InterruptWatch", "install", "acknowledge", "EXIT_INTERRUPTED"]
