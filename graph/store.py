"""The query store: the built graph loaded into an on-disk Oxigraph store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from cskg.errors import CskgError

STORE_DIR = "store"


def create_store(trig: Path, location: Path) -> None:
    """Bulk-load ``trig`` into a new Oxigraph store at ``location``."""
    store = ox.Store(str(location))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.optimize()
    store.flush()
    del store


def open_store(out: Path) -> ox.Store:
    """Open the built store of output folder ``out`` read-only."""
    location = out / STORE_DIR
    if not location.is_dir():
        raise CskgError(f"{location}: no query store; run `cskg build` first")
    try:
        return ox.Store.read_only(str(location))
    except OSError as err:
        raise CskgError(f"{location}: cannot open the query store ({err})") from err
