"""`cskg serve` (read-only endpoint) and `cskg push` (Graph Store Protocol), on real servers."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from cskg.errors import CskgError
from cskg.graph.push import graph_url, push
from cskg.graph.serve import OxigraphProcess, Server, free_port, guard_request, serve
from cskg.queries.safety import check_query

pytestmark = pytest.mark.server

CSKG = "https://w3id.org/childrens-services-kg/ontology#"
G = "https://w3id.org/childrens-services-kg/id/graph/"
COUNT_FINDINGS = f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ ?f a <{CSKG}Finding> }}"


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[Server]:
    srv = serve(built, check_query, port=free_port(), timeout_s=10)
    try:
        yield srv
    finally:
        srv.stop()
    assert not srv.oxigraph.alive()


def _get(url: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _post(url: str, body: bytes, ctype: str, accept: str = "application/json") -> tuple[int, bytes]:
    req = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": ctype, "Accept": accept}
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _count(data: bytes) -> int:
    return int(json.loads(data)["results"]["bindings"][0]["n"]["value"])


# --- serve --------------------------------------------------------------------------------


def test_query_by_get(server: Server, store: Any) -> None:
    status, data = _get(f"{server.query_url}?{urlencode({'query': COUNT_FINDINGS})}")
    assert status == 200, data
    expected = next(iter(store.query(COUNT_FINDINGS, use_default_graph_as_union=True)))["n"]
    assert _count(data) == int(expected.value) > 100


def test_query_by_post_form_and_direct(server: Server) -> None:
    form = urlencode({"query": COUNT_FINDINGS}).encode()
    status, data = _post(server.query_url, form, "application/x-www-form-urlencoded")
    assert status == 200 and _count(data) > 100
    status, data = _post(
        server.query_url, COUNT_FINDINGS.encode(), "application/sparql-query", accept="text/csv"
    )
    assert status == 200 and data.startswith(b"n\r\n")


def test_union_default_graph_and_named_graphs(server: Server) -> None:
    q = f"SELECT (COUNT(*) AS ?n) FROM <{G}themes> WHERE {{ ?s a ?c }}"
    status, data = _get(f"{server.query_url}?{urlencode({'query': q})}")
    assert status == 200 and _count(data) > 30


def test_query_page(server: Server) -> None:
    status, data = _get(server.url, accept="text/html")
    assert status == 200 and b"<html" in data.lower()


@pytest.mark.parametrize(
    ("path", "body", "ctype", "why"),
    [
        ("update", b"INSERT DATA { <http://a/> <http://b/> <http://c/> }",
         "application/sparql-update", b"read-only"),
        ("update", urlencode({"update": "CLEAR ALL"}).encode(),
         "application/x-www-form-urlencoded", b"read-only"),
        ("query", urlencode({"query": "DROP ALL"}).encode(),
         "application/x-www-form-urlencoded", b"DROP at line 1"),
        ("query", b"SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
         "application/sparql-query", b"SERVICE at line 1"),
        ("query", b"SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }",
         "application/sparql-query", b"FROM <http://127.0.0.1:9/x.ttl>"),
        ("store", b"<http://a/> <http://b/> <http://c/> .", "application/n-triples", b"read-only"),
    ],
)
def test_writes_and_unsafe_queries_are_refused(
    server: Server, path: str, body: bytes, ctype: str, why: bytes
) -> None:
    status, data = _post(server.url + path, body, ctype)
    assert status == 403
    assert why in data


def test_unsafe_query_by_get_is_refused(server: Server, store: Any) -> None:
    q = 'SELECT * WHERE { ?s ?p "SERVICE in a string is fine" }'
    assert _get(f"{server.query_url}?{urlencode({'query': q})}")[0] == 200
    q = "SELECT * WHERE { service <http://127.0.0.1:9/> { ?s ?p ?o } }"
    status, data = _get(f"{server.query_url}?{urlencode({'query': q})}")
    assert status == 403 and b"SERVICE" in data
    q = "SELECT * WHERE { ?s ?p ?o }"
    url = f"{server.query_url}?{urlencode({'query': q, 'default-graph-uri': 'http://evil/'})}"
    assert _get(url)[0] == 403
    assert len(store) > 0  # nothing was written


def test_guard_request_routes() -> None:
    graphs = {G + "themes"}
    ok = "SELECT * WHERE { ?s ?p ?o }"
    assert guard_request("GET", "/?x=1", {}, b"", graphs, check_query) is None
    assert guard_request("GET", "/yasgui.min.js", {}, b"", graphs, check_query) is None
    path = "/query?" + urlencode({"query": ok})
    assert guard_request("GET", path, {}, b"", graphs, check_query) is None
    assert "read-only" in (guard_request("PUT", "/store", {}, b"", graphs, check_query) or "")
    assert "read-only" in (guard_request("DELETE", "/store", {}, b"", graphs, check_query) or "")
    two = "/query?" + urlencode([("query", ok), ("query", ok)])
    assert guard_request("GET", two, {}, b"", graphs, check_query) == "give one query per request"


def test_port_in_use_is_one_line(built: Path, server: Server) -> None:
    with pytest.raises(CskgError) as err:
        serve(built, check_query, port=server.port)
    assert str(err.value).startswith(f"cannot listen on 127.0.0.1:{server.port} (")
    assert str(err.value).endswith("try --port another")


def test_timeout_option_is_passed(server: Server) -> None:
    assert server.oxigraph.command[-2:] == ["--timeout-s", "10"]
    assert "--union-default-graph" in server.oxigraph.command
    assert "serve-read-only" in server.oxigraph.command


def test_no_store(tmp_path: Path) -> None:
    with pytest.raises(CskgError, match="no query store; run `cskg build` first"):
        serve(tmp_path, check_query, port=free_port())


# --- push ---------------------------------------------------------------------------------


@pytest.fixture
def remote(tmp_path: Path) -> Iterator[OxigraphProcess]:
    """A real read-write Oxigraph server with an empty store: the push target."""
    proc = OxigraphProcess(tmp_path / "remote", free_port(), read_only=False)
    try:
        yield proc
    finally:
        proc.stop()
    assert not proc.alive()


def _remote_count(remote: OxigraphProcess) -> int:
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, data = _get(f"{remote.url}query?{urlencode({'query': q})}")
    assert status == 200, data
    return _count(data)


def test_push_twice_is_idempotent(built: Path, store: Any, remote: OxigraphProcess) -> None:
    endpoint = f"{remote.url}store"
    first = push(built, endpoint, store=store)
    assert {p.graph for p in first} == {g.value for g in store.named_graphs()}
    assert sum(p.triples for p in first) == len(store)
    assert {p.status for p in first} <= {200, 201, 204}
    assert _remote_count(remote) == len(store)
    second = push(built, endpoint, store=store)
    assert [(p.graph, p.triples) for p in second] == [(p.graph, p.triples) for p in first]
    assert _remote_count(remote) == len(store)  # PUT replaced each graph: nothing doubled


def test_push_http_error_is_one_line(built: Path, store: Any, remote: OxigraphProcess) -> None:
    with pytest.raises(CskgError) as err:
        push(built, f"{remote.url}nowhere", store=store)
    msg = str(err.value)
    assert msg.startswith(f"{remote.url}nowhere: HTTP 404 Not Found for graph <{G}")
    assert "\n" not in msg


def test_push_connection_refused(built: Path, store: Any) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(CskgError) as err:
        push(built, endpoint, store=store)
    assert str(err.value) == (
        f"{endpoint}: cannot push graph <{G}cabinet-2019-03-05-focused-visit>: "
        "connection refused; is the store running?"
    )


@pytest.mark.parametrize("endpoint", ["ftp://x/store", "localhost:7878/store", "store"])
def test_push_needs_an_http_url(built: Path, store: Any, endpoint: str) -> None:
    with pytest.raises(CskgError, match="give the store's Graph Store Protocol URL"):
        push(built, endpoint, store=store)


def test_graph_url() -> None:
    assert graph_url("http://h/store", G + "x") == (
        "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fchildrens-services-kg%2Fid%2Fgraph%2Fx"
    )
    assert graph_url("http://h/ds/data?default", "urn:g").startswith("http://h/ds/data?default&graph=")
