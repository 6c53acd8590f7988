"""Shared fixtures: the embedded corpus, and one build of it shared by the session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of one build of the embedded corpus (read-only for tests)."""
    from cskg.graph.pipeline import build

    out = tmp_path_factory.mktemp("built") / "build"
    build(CORPUS, out)
    return out


@pytest.fixture(scope="session")
def store(built: Path):
    """The built Oxigraph store, opened read-only."""
    from cskg.graph.store import open_store

    return open_store(built)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests last: Playwright's session leaves threads running to the end, and a
    process with threads cannot fork safely, so the tests of forked workers after them would
    be skipped (graph/workers.py ``can_fork``)."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)  # stable
