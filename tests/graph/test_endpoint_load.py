"""A bounded burst of concurrent queries on a real `cskg serve` endpoint on 127.0.0.1.

20 clients × 25 queries each, every client stopping by itself: no errors, and every answer
the same rows as `cskg query` gives for the same query.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from typer.testing import CliRunner

from cskg.cli.app import app
from cskg.graph.serve import Server, free_port, serve
from cskg.queries import load_query
from cskg.queries.safety import check_query

pytestmark = pytest.mark.server

CLIENTS, PER_CLIENT = 20, 25
# named queries with no required parameter: the same text runs on the CLI and the endpoint
NAMES = ("documents", "people_roles", "theme_hierarchy", "assessments", "named_graphs")


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[Server]:
    srv = serve(built, check_query, port=free_port(), timeout_s=30)
    try:
        yield srv
    finally:
        srv.stop()


def _rows(data: bytes) -> list[tuple]:
    """The bindings of a SPARQL JSON result as a sorted list (row order is the engine's)."""
    doc = json.loads(data)
    names = doc["head"]["vars"]
    return sorted(
        tuple((b.get(n) or {}).get("value") for n in names) for b in doc["results"]["bindings"]
    )


def _cli_rows(built: Path, name: str) -> list[tuple]:
    result = CliRunner().invoke(app, ["query", name, "--format", "json", "--out", str(built)])
    assert result.exit_code == 0, result.output
    return _rows(result.stdout.encode())


def _ask(url: str, text: str) -> bytes:
    req = urllib.request.Request(
        f"{url}?{urlencode({'query': text})}",
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(req, timeout=60) as resp:
        assert resp.status == 200
        return resp.read()


def test_burst_of_concurrent_queries(server: Server, built: Path) -> None:
    texts = {name: load_query(name).text for name in NAMES}
    expected = {name: _cli_rows(built, name) for name in NAMES}

    def client(i: int) -> list[str]:
        problems = []
        for k in range(PER_CLIENT):
            name = NAMES[(i + k) % len(NAMES)]
            try:
                got = _rows(_ask(server.query_url, texts[name]))
            except Exception as err:  # noqa: BLE001 - every failure is counted and reported
                problems.append(f"client {i} query {k} ({name}): {err!r}")
                continue
            if got != expected[name]:
                problems.append(f"client {i} query {k} ({name}): rows differ from the CLI's")
        return problems

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        results = list(pool.map(client, range(CLIENTS)))
    seconds = time.perf_counter() - t0
    problems = [p for r in results for p in r]
    assert problems == [], problems[:5]
    total = CLIENTS * PER_CLIENT
    # a figure for the record, not a speed assertion
    print(f"{total} queries from {CLIENTS} clients in {seconds:.1f} s: {total / seconds:.0f}/s")
