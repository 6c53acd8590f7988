"""graph/workers.py: a forked child's result or exception comes back; it never holds the lock."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from cskg.errors import CskgError
from cskg.graph.workers import Forked, can_fork


@pytest.fixture(autouse=True)
def _forking(request: pytest.FixtureRequest) -> None:
    # Linux, and no thread left behind by an earlier test (see can_fork)
    if not can_fork() and "threads" not in request.node.name:
        pytest.skip("this process cannot fork safely now")


def _pid_and_sum(xs: list[int]) -> tuple[int, int]:
    return os.getpid(), sum(xs)


def _fails() -> None:
    raise CskgError("corpus/x.txt: a problem")


def _exits() -> None:
    os._exit(3)


def _sleeps(seconds: float) -> bool:
    time.sleep(seconds)
    return True


def test_result_comes_from_another_process() -> None:
    pid, total = Forked(_pid_and_sum, [1, 2, 3]).result()
    assert total == 6 and pid != os.getpid()


def test_exception_is_raised_in_the_caller() -> None:
    with pytest.raises(CskgError, match="corpus/x.txt: a problem"):
        Forked(_fails).result()


def test_a_child_that_dies_is_a_clear_error() -> None:
    with pytest.raises(CskgError, match="_exits: its worker process ended without a result"):
        Forked(_exits).result()


def test_a_killed_build_leaves_no_child_holding_its_lock(tmp_path: Path) -> None:
    # a "build" process takes the lock, starts a forked child, and dies without releasing
    path = str(tmp_path / ".build.lock")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the build
        FileLock(path, timeout=0).acquire()
        child = Forked(_sleeps, 5.0)
        os.write(write, str(child._pid).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as fh:
        child_pid = int(fh.read())
    os.waitpid(pid, 0)
    deadline = time.monotonic() + 3
    while True:  # the lock is free as soon as the build is gone, long before the child's 5 s
        try:
            FileLock(path, timeout=0).acquire()
            break
        except Timeout:
            assert time.monotonic() < deadline, "a child of the killed build holds the lock"
            time.sleep(0.05)
    assert _stopped(child_pid), "the child outlived the build"


def _stopped(pid: int, wait: float = 2.0) -> bool:
    """Gone, or dead and waiting to be reaped by whoever adopted it."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_a_process_with_threads_runs_the_call_itself() -> None:
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not can_fork()
        pid, total = Forked(_pid_and_sum, [2, 3]).result()
        assert (pid, total) == (os.getpid(), 5)
    finally:
        stop.set()
        other.join()


def test_cancel_stops_and_reaps_the_child() -> None:
    started = time.perf_counter()
    child = Forked(_sleeps, 60.0)
    pid = child._pid
    child.cancel()
    assert time.perf_counter() - started < 10
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie left
    child.cancel()  # a second cancel does nothing


def test_cancel_after_the_result_does_nothing() -> None:
    child = Forked(_pid_and_sum, [1])
    assert child.result()[1] == 1
    child.cancel()
