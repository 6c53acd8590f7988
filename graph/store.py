"""The query store: the built graph loaded into an on-disk Oxigraph store."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from cskg.errors import CskgError

STORE_DIR = "store"
_OPEN_FOLDERS: list[int] = []


def create_store(trig: Path, location: Path) -> None:
    """Bulk-load ``trig`` into a new Oxigraph store at ``location``."""
    store = ox.Store(str(location))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.optimize()
    store.flush()
    del store


def update_store(
    previous: Path,
    location: Path,
    changes: list[tuple[str, str, str]],
    removed: list[str],
) -> None:
    """A new store at ``location``: the ``previous`` one with the ``removed`` named graphs
    dropped and the ``changed`` ones brought up to date. Each change is (graph IRI, its TriG
    block in the previous build or "" if unknown, its TriG block now); only the quads that
    differ are removed and added, so a large graph that changed a little (the derived facts
    after one document changed) costs little. The previous store is only read: RocksDB's checkpoint
    links its files.
    """
    from cskg.graph.trig import header

    def parsed(block: str) -> set[ox.Quad]:
        return set(ox.parse(input=header() + block, format=ox.RdfFormat.TRIG)) if block else set()

    ox.Store.read_only(str(previous)).backup(str(location))
    store = ox.Store(str(location))
    for g in removed:
        store.remove_graph(ox.NamedNode(g))
    for g, before, now in changes:
        if not before:  # new, or its previous block is unknown: replace the graph whole
            store.remove_graph(ox.NamedNode(g))
        old, new = parsed(before), parsed(now)
        for q in old - new:
            store.remove(q)
        store.extend(new - old)
    store.flush()
    del store


def open_store(out: Path) -> ox.Store:
    """Open the built store of output folder ``out`` read-only."""
    location = out / STORE_DIR
    if not location.is_dir():
        raise CskgError(f"{location}: no query store; run `cskg build` first")
    last: Exception | None = None
    for attempt in range(5):
        # open through a descriptor of the folder: a build swapping in a new output folder
        # meanwhile cannot hand RocksDB files from two different stores
        try:
            fd = os.open(location, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as err:
            raise CskgError(f"{location}: cannot open the query store ({err.strerror})") from err
        try:
            path = f"/proc/self/fd/{fd}" if sys.platform == "linux" else str(location)
            store = ox.Store.read_only(path)
        except (OSError, RuntimeError) as err:
            os.close(fd)
            last = err
            time.sleep(0.05 * (attempt + 1))
            continue
        # RocksDB may open table files later, through the same path: keep the folder's
        # descriptor open as long as the process may use the store
        _OPEN_FOLDERS.append(fd)
        return store
    raise CskgError(
        f"{location}: cannot open the query store ({last}); run `cskg build` to rebuild it"
    ) from last
