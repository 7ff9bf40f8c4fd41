"""Z3 on an SMT-LIB script through its C library, without importing the z3 Python package.

The z3 package's import (its ctypes prototypes for every C function and the Python API's classes)
costs several times what Z3 needs to check a small puzzle's certificate; the script itself is
already text (smt_text.py). This module loads the same libz3 the package ships, declares the five
C functions it uses and hands Z3 the script in one `Z3_eval_smtlib2_string` call: Z3 parses and
checks it exactly as the z3 package's `Solver.from_string` + `check` would. Where the library is
not found there, or Z3 reports an error, `check_script` answers None and the caller uses the package.
"""
from __future__ import annotations

import ctypes
import importlib.util
import sys
import weakref
from dataclasses import dataclass
from pathlib import Path

from ..interrupts import listening_watch, pass_on_z3_interrupt

_NAMES = {"linux": "libz3.so", "darwin": "libz3.dylib", "win32": "libz3.dll"}


@dataclass(frozen=True)
class Verdict:
    """Z3's answer to `(check-sat)`: 'sat', 'unsat' or 'unknown', and why when unknown."""

    result: str
    reason: str = ""


def _library() -> ctypes.CDLL | None:
    """The z3 package's libz3 with the prototypes used here, or None (the loader keeps one copy per process)."""
    spec = importlib.util.find_spec("z3")  # finds the package's folder without running its __init__
    if spec is None or not spec.submodule_search_locations:
        return None
    name = _NAMES.get(sys.platform, "libz3.so")
    path = Path(next(iter(spec.submodule_search_locations))) / "lib" / name
    if not path.is_file():
        return None
    try:
        lib = ctypes.CDLL(str(path))
    except OSError:
        return None
    lib.Z3_mk_config.restype = ctypes.c_void_p
    lib.Z3_mk_config.argtypes = []
    lib.Z3_del_config.argtypes = [ctypes.c_void_p]
    lib.Z3_mk_context.restype = ctypes.c_void_p
    lib.Z3_mk_context.argtypes = [ctypes.c_void_p]
    lib.Z3_set_error_handler.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.Z3_eval_smtlib2_string.restype = ctypes.c_char_p
    lib.Z3_eval_smtlib2_string.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.Z3_get_error_code.restype = ctypes.c_int
    lib.Z3_get_error_code.argtypes = [ctypes.c_void_p]
    lib.Z3_del_context.argtypes = [ctypes.c_void_p]
    lib.Z3_interrupt.argtypes = [ctypes.c_void_p]
    lib.Z3_global_param_set.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    return lib


def _evaluate(lib: ctypes.CDLL, ctx, text: str) -> bytes | None:
    """libz3's output for an SMT-LIB text, stopped by Ctrl-C like any other code (interrupts.py): under a
    listening watch Z3's own SIGINT handler is off and the watch cancels the call."""
    watch = listening_watch()
    if watch is None:
        return lib.Z3_eval_smtlib2_string(ctx, text.encode())
    watch.quiet_z3(lambda: lib.Z3_global_param_set(b"ctrl_c", b"false"))  # (the z3 package's libz3: one switch)
    with watch.cancelling(lambda: lib.Z3_interrupt(ctx)):
        return lib.Z3_eval_smtlib2_string(ctx, text.encode())


def check_script(script: str, timeout_ms: int) -> Verdict | None:
    """Z3's verdict on the assertions of an SMT-LIB script (declarations and asserts, no check-sat),
    within timeout_ms; None when libz3 cannot be used this way (the caller then uses the z3 package)."""
    lib = _library()
    if lib is None:
        return None
    ctx = _new_context(lib)
    try:
        full = f"(set-option :timeout {max(1, int(timeout_ms))})\n{script}(check-sat)\n(get-info :reason-unknown)\n"
        out = _evaluate(lib, ctx, full)
        if lib.Z3_get_error_code(ctx) != 0 or out is None:
            return None
    finally:
        lib.Z3_del_context(ctx)
    return _verdict(out)


class Session:
    """One Z3 context for many scripts (a generation run checks hundreds of small ones): each script
    is asserted and checked between `(push)` and `(pop)`, so none sees another's assertions. Creating
    the z3 package's solver and passing the text through its Python API cost twice the check itself."""

    def __init__(self, lib: ctypes.CDLL, timeout_ms: int):
        self._lib = lib
        self._ctx = _new_context(lib)
        self._finalizer = weakref.finalize(self, lib.Z3_del_context, self._ctx)
        self.broken = self._eval(f"(set-option :timeout {max(1, int(timeout_ms))})\n") is None

    @classmethod
    def open(cls, timeout_ms: int) -> Session | None:
        """A session on the z3 package's libz3, or None when the library cannot be used this way."""
        lib = _library()
        return None if lib is None else cls(lib, timeout_ms)

    def check(self, script: str) -> Verdict | None:
        """Z3's verdict on the script's assertions; None (and no later use) after any error from Z3."""
        if self.broken:
            return None
        out = self._eval(f"(push)\n{script}(check-sat)\n(get-info :reason-unknown)\n(pop)\n")
        verdict = None if out is None else _verdict(out)
        self.broken = verdict is None
        return verdict

    def check_many(self, scripts: list[str]) -> list[Verdict] | None:
        """Z3's verdict on each script's assertions, all in one call to libz3, each script between its own
        `(push)` and `(pop)` exactly as `check` runs it (no script sees another's assertions). One call
        instead of one per script: libz3 builds a parser for every call, and Z3's code and tables are cold
        again after the Python work between two puzzles; together that cost about twice the checks.
        None after any error from Z3 or output that is not one verdict per script; the session is then
        retired (a script stopped inside its push could leave its assertions behind for the next one)."""
        if self.broken:
            return None
        if not scripts:
            return []
        blocks = "".join(f"(push)\n{script}(check-sat)\n(get-info :reason-unknown)\n(pop)\n" for script in scripts)
        out = self._eval(blocks)
        lines = None if out is None else out.splitlines(keepends=True)
        verdicts = None
        if (lines is not None and len(lines) == 2 * len(scripts)
                and all(line.startswith(b"(:reason-unknown") for line in lines[1::2])):
            verdicts = [_verdict(b"".join(lines[i:i + 2])) for i in range(0, len(lines), 2)]
            if any(v is None for v in verdicts):
                verdicts = None
        self.broken = verdicts is None
        return verdicts

    def _eval(self, text: str) -> bytes | None:
        out = _evaluate(self._lib, self._ctx, text)
        return None if self._lib.Z3_get_error_code(self._ctx) != 0 or out is None else out


def _new_context(lib: ctypes.CDLL):
    config = lib.Z3_mk_config()
    ctx = lib.Z3_mk_context(config)
    lib.Z3_del_config(config)
    lib.Z3_set_error_handler(ctx, None)  # errors are read back after each call, never a jump out of the C call
    return ctx


def _verdict(out: bytes) -> Verdict | None:
    """The verdict in the output of `(check-sat)(get-info :reason-unknown)`, or None on any error."""
    lines = out.decode(errors="replace").strip().splitlines()
    if not lines or lines[0] not in ("sat", "unsat", "unknown") or any(l.startswith("(error") for l in lines):
        return None
    reason = lines[1].removeprefix("(:reason-unknown").strip(' ")') if len(lines) > 1 else ""
    if lines[0] == "unknown":
        pass_on_z3_interrupt(reason)  # libz3 took a Ctrl-C itself and dropped it: the process's handler stops us
    return Verdict(lines[0], reason if lines[0] == "unknown" else "")


__all__ = ["Session", "Verdict", "check_script"]
