"""Ctrl-C that always lands: a SIGINT handler that raises KeyboardInterrupt where Python code can take it.

Z3's finalizers (`AstRef.__del__`) run at arbitrary moments, and an exception raised inside a finalizer
is printed ("Exception ignored in ...") and dropped, so a plain handler loses the interrupt and the run
goes on. `InterruptWatch` does not raise inside a finalizer: it asks again a moment later, until the
interrupt is raised in ordinary code. A command that catches it and keeps its finished work calls
`acknowledge()` first; should nothing catch it within `give_up` seconds (the main thread stuck in a long
C call), the process exits with 130 so the stop is still prompt.

libz3 swaps in a SIGINT handler of its own while it works (its `ctrl_c` parameter): a Ctrl-C that lands
then cancels what Z3 is doing and never reaches Python; when it lands outside the check proper, nothing
even says so. Under an installed watch Z3's handler is off, and a thread woken by the signal itself
(Python's wakeup fd, written even while the main thread is inside a C call) cancels the checks in hand
(`cancelling`) and starts the give-up clock. Without a watch (the library used from other code) Z3 keeps
its handler, and `z3_check` / `pass_on_z3_interrupt` raise the signal again when Z3 says it took one.
"""
from __future__ import annotations

import _thread
import contextlib
import os
import signal
import socket
import threading
import time
from types import FrameType
from typing import Any, Callable, Iterator

EXIT_INTERRUPTED = 130
Z3_INTERRUPTED = "interrupted from keyboard"  # Z3's reason_unknown when its own SIGINT handler cancelled a check


class InterruptWatch:
    """The process's SIGINT handler (installed by `install`, found again through signal.getsignal)."""

    def __init__(self, retry: float = 0.05, give_up: float = 5.0) -> None:
        self.retry = retry
        self.give_up = give_up
        self._acknowledged = threading.Event()
        self._deferred = threading.Event()
        self._watchdog: threading.Thread | None = None
        self._lock = threading.Lock()
        self._cancels: dict[object, Callable[[], Any]] = {}  # the C calls in hand that a Ctrl-C cancels (`cancelling`)
        self._pair: tuple[socket.socket, socket.socket] | None = None  # the wakeup fd's socket pair, once listening
        self.listening = False  # whether a thread hears SIGINT through the wakeup fd (`listen`)
        self.z3_quiet = False  # whether libz3's own SIGINT handler is off (`z3_check`, certify.z3_text)

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self._acknowledged.is_set():  # pressed again while the command saves: the user insists
            raise KeyboardInterrupt
        self._start_watchdog()
        if _inside_finalizer(frame):
            self._deferred.set()  # raised here it would be dropped; the watchdog asks again shortly
            return
        self._deferred.clear()
        raise KeyboardInterrupt

    def acknowledge(self) -> None:
        """A command has caught the interrupt: stop re-raising it and do not end the process."""
        self._acknowledged.set()

    @contextlib.contextmanager
    def cancelling(self, cancel: Callable[[], Any]) -> Iterator[None]:
        """Within the block a Ctrl-C calls `cancel` (from the listening thread): a long C call (a Z3 check)
        returns early, and the KeyboardInterrupt is raised as soon as Python runs again."""
        key = object()
        with self._lock:
            self._cancels[key] = cancel
        try:
            yield
        finally:
            with self._lock:
                del self._cancels[key]

    def quiet_z3(self, switch_off: Callable[[], Any]) -> None:
        """Turn libz3's own SIGINT handler off, once (its `ctrl_c` parameter is global to the library): the
        watch owns SIGINT in this process."""
        if not self.z3_quiet:
            switch_off()
            self.z3_quiet = True

    def listen(self) -> None:
        """Hear SIGINT on a thread of its own through Python's wakeup fd (call from the main thread): the
        signal's C handler writes there at once, whatever the main thread is doing."""
        reader, writer = socket.socketpair()
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
        self._pair = (reader, writer)  # kept open for the life of the process
        threading.Thread(target=self._hear, args=(reader,), name="interrupt-listener", daemon=True).start()
        self.listening = True

    def _hear(self, reader: socket.socket) -> None:
        while True:
            received = reader.recv(64)
            if not received:
                return
            if signal.SIGINT in received and not self._acknowledged.is_set():
                with self._lock:
                    cancels = list(self._cancels.values())
                for cancel in cancels:
                    cancel()
                self._start_watchdog()

    def _start_watchdog(self) -> None:
        with self._lock:
            if self._watchdog is None:
                self._watchdog = threading.Thread(target=self._watch, name="interrupt-watchdog", daemon=True)
                self._watchdog.start()

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
    watch.listen()
    return watch


def listening_watch() -> InterruptWatch | None:
    """The installed InterruptWatch when it hears SIGINT on its own thread, else None."""
    handler = signal.getsignal(signal.SIGINT)
    return handler if isinstance(handler, InterruptWatch) and handler.listening else None


def acknowledge() -> None:
    """Tell the installed InterruptWatch, if any, that the interrupt was caught (a no-op otherwise)."""
    handler = signal.getsignal(signal.SIGINT)
    if isinstance(handler, InterruptWatch):
        handler.acknowledge()


def pass_on_z3_interrupt(reason: str) -> None:
    """Raise SIGINT again when Z3's reason for unknown says it took a Ctrl-C (it dropped the signal)."""
    if Z3_INTERRUPTED in reason:
        signal.raise_signal(signal.SIGINT)  # the process's handler runs now: KeyboardInterrupt here


def z3_check(solver: Any, *assumptions: Any) -> Any:
    """`solver.check(*assumptions)` for a z3 package solver, stopped by Ctrl-C like any other code: under a
    listening watch Z3's own handler is off and the listener cancels the check; else a Ctrl-C that Z3 took
    is raised again."""
    watch = listening_watch()
    if watch is None:
        result = solver.check(*assumptions)
        if str(result) == "unknown":
            pass_on_z3_interrupt(solver.reason_unknown())
        return result
    import z3

    watch.quiet_z3(lambda: z3.set_param("ctrl_c", False))
    with watch.cancelling(solver.ctx.interrupt):
        return solver.check(*assumptions)


__all__ = ["InterruptWatch", "install", "acknowledge", "listening_watch", "pass_on_z3_interrupt", "z3_check",
           "EXIT_INTERRUPTED", "Z3_INTERRUPTED"]
