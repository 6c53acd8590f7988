"""Bad output folders and builds that die part-way, through `cskg build`: one test per case."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def test_out_is_an_existing_file(case, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    result = case.run("build", "--corpus", case.corpus, "--out", notes)
    case.fails(result, f"{notes}: is a file, not an output folder; choose another --out")
    assert notes.read_text() == "my notes\n"


def test_out_inside_a_file(case, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    result = case.run("build", "--corpus", case.corpus, "--out", notes / "build")
    case.fails(result, f"{notes / 'build'}: cannot create the output folder ({notes} is a file)")
    assert notes.read_text() == "my notes\n"


def test_out_is_a_folder_of_other_files(case, tmp_path: Path) -> None:
    # `--out ~/Documents` must not swap the user's folder away
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "budget.xlsx").write_bytes(b"PK\x03\x04")
    result = case.run("build", "--corpus", case.corpus, "--out", documents)
    case.fails(
        result,
        f"{documents}: is not empty and holds no cskg build, so a build would replace its files; "
        "choose a new or empty --out",
    )
    assert [p.name for p in documents.iterdir()] == ["budget.xlsx"]


def test_out_is_the_corpus_folder(case) -> None:
    result = case.run("build", "--corpus", case.corpus, "--out", case.corpus)
    case.fails(
        result,
        f"{case.corpus}: is not empty and holds no cskg build, so a build would replace its "
        "files; choose a new or empty --out",
    )
    assert [p.name for p in case.corpus.iterdir()] == [case.good.name]


def test_out_is_a_symlink_loop(case, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    result = case.run("build", "--corpus", case.corpus, "--out", a)
    case.fails(result, f"{a}: is a symbolic link loop")


def test_out_in_a_read_only_folder(case, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    out = locked / "build"
    try:
        if os.geteuid() != 0:
            result = case.run("build", "--corpus", case.corpus, "--out", out)
            case.fails(result, f"{out}: the output folder is not writable")
            return
        # root writes anywhere: run the real `cskg` without CAP_DAC_OVERRIDE
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and util-linux setpriv is not installed")
        drop = "-dac_override,-dac_read_search"
        proc = subprocess.run(
            ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", _cskg(), "build",
             "--corpus", case.corpus, "--out", out],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if "setpriv:" in proc.stderr:
            pytest.skip(f"cannot drop capabilities here: {proc.stderr.strip()}")
        assert (proc.returncode, proc.stderr) == (
            1,
            f"Error: {out}: the output folder is not writable\n",
        )
        assert not out.exists()
    finally:
        locked.chmod(0o755)


def test_stale_staging_folders_are_cleared(case) -> None:
    # what `kill -9` during a build leaves: a staging folder and a swapped-out old build
    staging = case.out.with_name(f".{case.out.name}.staging-999999-deadbeef")
    (staging / "store").mkdir(parents=True)
    (staging / "graph.trig").write_text("half a graph")
    old = case.out.with_name(f".{case.out.name}.old-999999")
    shutil.copytree(case.out, old)
    case.succeeds(case.build())
    assert not staging.exists() and not old.exists()
    assert (case.out / "graph.trig").is_file()


def test_build_killed_mid_swap_is_restored(case) -> None:
    # killed between the two renames of a swap, the output folder is missing and the previous
    # build waits beside it; even a build that then fails puts it back
    old = case.out.with_name(f".{case.out.name}.old-999999")
    case.out.rename(old)
    (case.corpus / "empty.txt").write_bytes(b"")
    case.fails(case.build(), f"{case.corpus / 'empty.txt'}: the file is empty")
    assert not old.exists()


# --- kill -9 of a real `cskg build` -----------------------------------------------------


def _cskg() -> Path:
    return Path(sys.executable).with_name("cskg")


def _staging(out: Path) -> list[Path]:
    return sorted(out.parent.glob(f".{out.name}.staging-*"))


def _kill_when(proc: subprocess.Popen, ready: Callable[[], bool], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            return
        if proc.poll() is not None:
            pytest.fail(f"the build ended before it could be killed: {proc.stderr.read()}")
        time.sleep(0.002)
    proc.kill()
    pytest.fail("the build never reached the point to kill it at")


KILL_POINTS: dict[str, Callable[[Path], bool]] = {
    # extracting: the staging folder exists, nothing of the graph is written yet
    "extracting": lambda out: bool(_staging(out)),
    # writing: graph.trig is in the staging folder, the store and page are on their way
    "writing": lambda out: any((s / "graph.trig").exists() for s in _staging(out)),
}


@pytest.mark.slow
@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_build_killed_part_way(case, tmp_path: Path, point: str) -> None:
    from filelock import FileLock

    corpus = tmp_path / "five"
    shutil.copytree(ROOT / "corpus", corpus)  # big enough to take a few seconds
    with subprocess.Popen(
        [_cskg(), "build", "--corpus", corpus, "--out", case.out],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        _kill_when(proc, lambda: KILL_POINTS[point](case.out))
    assert proc.returncode == -signal.SIGKILL
    # the previous build is byte for byte intact
    assert case.snapshot(case.out) == case.before
    assert _staging(case.out), "the killed build should have left its staging folder"
    # the OS released the killed build's lock with the process
    lock = FileLock(str(case.out.with_name(f".{case.out.name}.lock")))
    lock.acquire(timeout=0)
    lock.release()
    # and the next build goes ahead, clearing what the killed one left
    result = case.build()
    case.succeeds(result)
    assert "1 documents" in result.stdout
    assert _staging(case.out) == []
    assert json.loads((case.out / "build.json").read_text())["counts"]["documents"] == 1
