"""Builds are atomic and safe to run at once: graph/pipeline.py `build`, `_swap`, `_lock_for`."""

from __future__ import annotations

import os
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from cskg.cli.app import app
from cskg.errors import CskgError
from cskg.graph.pipeline import META_FILE, _lock_for, build, ensure_built
from cskg.graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent.parent
ONE = "000_4b6353ed468da645.txt"
TWO = "003_7830cd6119b21209.txt"


@pytest.fixture
def corpora(tmp_path: Path) -> tuple[Path, Path]:
    """Two small corpora of different sizes: one document, and two."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(ROOT / "corpus" / ONE, a)
    shutil.copy(ROOT / "corpus" / ONE, b)
    shutil.copy(ROOT / "corpus" / TWO, b)
    return a, b


def _held(out: Path) -> bool:
    """Whether some build holds the lock of ``out`` now."""
    lock = FileLock(str(out.with_name(f".{out.name}.lock")))
    try:
        lock.acquire(timeout=0)
    except Exception:  # noqa: BLE001 - filelock.Timeout: held
        return True
    lock.release()
    return False


def _until(condition, timeout: float = 60) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_second_build_waits_for_the_first(corpora: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = corpora
    out = tmp_path / "out"
    errors: list[BaseException] = []

    def first() -> None:
        try:
            build(b, out)
        except BaseException as err:  # noqa: BLE001 - reported by the main thread
            errors.append(err)

    thread = threading.Thread(target=first)
    thread.start()
    _until(lambda: _held(out) or not thread.is_alive())
    messages: list[str] = []
    result = build(a, out, progress=messages.append)
    thread.join()
    assert errors == []
    assert messages[0] == f"waiting for another build of {out} to finish"
    # the second build ran after the first and its graph is the one in place
    assert result.counts["documents"] == 1
    assert '"documents": 1' in (out / META_FILE).read_text()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [".out.lock"]


def test_build_gives_up_after_waiting(corpora: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock = _lock_for(out)
    lock.acquire()
    try:
        with pytest.raises(CskgError) as err:
            build(corpora[0], out, wait=1)
    finally:
        lock.release()
    assert str(err.value) == (
        f"{out}: another build is writing this folder (waited 1 s); try again when it ends"
    )
    assert not out.exists()


def test_cli_build_waits_for_a_running_build(corpora: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    held = threading.Event()

    def hold() -> None:  # filelock's locks are per thread: take and release in one
        with _lock_for(out):
            held.set()
            time.sleep(1.0)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    t0 = time.perf_counter()
    result = CliRunner().invoke(app, ["build", "--corpus", str(corpora[0]), "--out", str(out)])
    holder.join()
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - t0 >= 1.0
    assert (out / "graph.trig").is_file()


def test_reader_waits_for_a_build_instead_of_building_again(
    corpora: tuple[Path, Path], tmp_path: Path
) -> None:
    # `cskg recurring` while `cskg build` runs: wait for it, then use what it built
    a, _ = corpora
    out = tmp_path / "out"
    thread = threading.Thread(target=build, args=(a, out))
    thread.start()
    _until(lambda: _held(out) or not thread.is_alive())
    messages: list[str] = []
    ensure_built(a, out, progress=messages.append)
    thread.join()
    assert messages == [f"waiting for another build of {out} to finish"]  # and no build
    assert (out / "graph.trig").is_file()


def test_output_folder_is_never_missing_during_a_rebuild(
    corpora: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = corpora
    out = tmp_path / "out"
    build(a, out)
    missing: list[float] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            if not (out / META_FILE).is_file() or not (out / "store").is_dir():
                missing.append(time.monotonic())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for corpus in (b, a):
            build(corpus, out)
    finally:
        stop.set()
        watcher.join()
    assert missing == []


def test_an_open_store_outlives_the_rebuild_that_replaces_it(
    corpora: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = corpora
    out = tmp_path / "out"
    build(a, out)
    store = open_store(out)
    n = len(store)
    build(b, out)  # swaps the folder away and deletes it
    assert len(store) == n
    assert len(list(store.quads_for_pattern(None, None, None, None))) == n
    assert len(open_store(out)) > n


def test_readers_never_see_a_mixed_store(corpora: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = corpora
    out = tmp_path / "out"
    build(a, out)
    sizes = {len(open_store(out))}
    errors: list[str] = []
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                store = open_store(out)
                n = len(store)
                assert len(list(store.quads_for_pattern(None, None, None, None))) == n
                seen.add(n)
            except Exception as err:  # noqa: BLE001 - collected for the assertion
                errors.append(repr(err))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for corpus in (b, a, b):
            build(corpus, out)
            sizes.add(len(open_store(out)))
    finally:
        stop.set()
        reader.join()
    assert errors == []
    assert seen <= sizes


def test_output_folder_has_ordinary_permissions(corpora: tuple[Path, Path], tmp_path: Path) -> None:
    # a staging folder made by mkdtemp would be 0700: unreadable for colleagues on a share
    umask = os.umask(0o022)
    try:
        out = build(corpora[0], tmp_path / "out").out
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
