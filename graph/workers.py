"""Worker processes for the parts of a build that run in parallel across cores."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Generic, TypeVar

from cskg.errors import CskgError

T = TypeVar("T")


def process_pool(workers: int) -> ProcessPoolExecutor:
    """Workers started from a fork server, not forked from the build itself: a worker forked
    from a build that holds the output lock would inherit the lock and keep it after the build
    is killed. (PDFium is not thread-safe, so the workers are processes.)"""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("forkserver")
    )


def die_with_parent(sig: int = signal.SIGTERM) -> None:  # pragma: no cover - in a child
    """Linux: this process gets ``sig`` when its parent dies."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, sig)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def can_fork() -> bool:
    """A forked child is cheap (it shares every imported module), and safe on Linux from a
    process with one thread: a lock another thread held at the fork would stay held forever
    in the child."""
    return (
        sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
    )


class Forked(Generic[T]):
    """``fn(*args)`` running in a forked child while the caller goes on; result() waits.

    The child starts at once, with everything the build has imported and computed, and so
    costs no start-up. It must never keep the build's lock: it closes every inherited
    descriptor but its pipe, and it is killed if the build dies. Its result, or the exception
    it raised, comes back pickled. Where fork is not available (see :func:`can_fork`), the
    call runs in result(), in this process.
    """

    def __init__(self, fn: Callable[..., T], *args: object) -> None:
        self._fn, self._args = fn, args
        self._pid = 0
        self._read = -1
        if not can_fork():
            return
        read, write = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; coverage does not follow a fork
            code = 0
            try:
                die_with_parent(signal.SIGKILL)
                if os.getppid() != parent:  # the build died before the line above took hold
                    os._exit(1)
                os.closerange(3, write)
                os.closerange(write + 1, 65536)
                try:
                    outcome: tuple[bool, object] = (True, fn(*args))
                except BaseException as err:  # noqa: BLE001 - sent to the parent to raise
                    outcome = (False, err)
                try:
                    data = pickle.dumps(outcome, protocol=5)
                except Exception as err:  # noqa: BLE001 - an unpicklable result
                    data = pickle.dumps((False, CskgError(f"{fn.__name__}: {err}")))
                with os.fdopen(write, "wb") as fh:
                    fh.write(data)
            except BaseException:  # noqa: BLE001 - whatever happens, never return to the caller
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def cancel(self) -> None:
        """Stop the child, if it is still running, and reap it (its result is not wanted)."""
        if not self._pid:
            return
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self._pid, 0)
        os.close(self._read)
        self._pid = 0

    def result(self) -> T:
        """The call's return value; re-raises its exception."""
        if not self._pid:
            return self._fn(*self._args)
        with os.fdopen(self._read, "rb") as fh:
            data = fh.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if not data:
            raise CskgError(
                f"{self._fn.__name__}: its worker process ended without a result (status {status})"
            )
        ok, value = pickle.loads(data)
        if ok:
            return value  # type: ignore[no-any-return]
        raise value  # type: ignore[misc]
