"""`cskg serve` (read-only endpoint) and `cskg push` (Graph Store Protocol), on real servers."""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from cskg.errors import CskgError
from cskg.graph import serve as serve_module
from cskg.graph.push import graph_url, push
from cskg.graph.serve import (
    IsolationUnavailable,
    OxigraphProcess,
    Server,
    free_port,
    guard_request,
    serve,
)
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
        (
            "update",
            b"INSERT DATA { <http://a/> <http://b/> <http://c/> }",
            "application/sparql-update",
            b"read-only",
        ),
        (
            "update",
            urlencode({"update": "CLEAR ALL"}).encode(),
            "application/x-www-form-urlencoded",
            b"read-only",
        ),
        (
            "query",
            urlencode({"query": "DROP ALL"}).encode(),
            "application/x-www-form-urlencoded",
            b"DROP at line 1",
        ),
        (
            "query",
            b"SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
            "application/sparql-query",
            b"SERVICE at line 1",
        ),
        (
            "query",
            b"SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }",
            "application/sparql-query",
            b"FROM <http://127.0.0.1:9/x.ttl>",
        ),
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


# --- isolation of the inner server ---------------------------------------------------------

HOST = "127.0.0.1"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


class Sink:
    """A TCP listener on 127.0.0.1 that records the first bytes of every connection."""

    def __init__(self) -> None:
        self.sock = socket.create_server((HOST, 0))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.received.append(conn.recv(300))
                except OSError:
                    self.received.append(b"")

    def close(self) -> list[bytes]:
        time.sleep(0.3)  # let a late connection land
        self._stop.set()
        self._thread.join()
        self.sock.close()
        return self.received


def _direct(proc: OxigraphProcess, query: str) -> bytes:
    """Send a query straight to the Oxigraph server, bypassing the guard."""
    with proc.connect(timeout=30) as sock:
        path = "/query?" + urlencode({"query": query})
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture
def sink() -> Iterator[Sink]:
    s = Sink()
    try:
        yield s
    finally:
        s.close()


def test_inner_server_cannot_be_reached_or_reach_out(server: Server, sink: Sink) -> None:
    if not server.isolated:
        pytest.skip(f"no network namespace here: {server.isolation_note}")
    assert server.isolation_note == ""
    with pytest.raises(ConnectionRefusedError):  # its port is not on this machine's loopback
        socket.create_connection((HOST, server.oxigraph.port), timeout=5).close()
    # the guard refuses SERVICE; even sent straight to the server, it reaches nothing
    answer = _direct(server.oxigraph, f"SELECT * {{ SERVICE <http://{HOST}:{sink.port}/q> {{}} }}")
    assert answer.startswith(b"HTTP/1.1 200") and b"Connection refused" in answer
    answer = _direct(server.oxigraph, "SELECT * { SERVICE <http://example.org/sparql> {} }")
    assert b"failed to lookup address" in answer  # no name resolution either
    assert sink.close() == []


def test_without_isolation_service_reaches_out(built: Path, sink: Sink) -> None:
    # what isolation prevents: the same request to a server on the loopback hits the sink
    with OxigraphProcess(built / "store", free_port(), isolate=False) as proc:
        _direct(proc, f"SELECT * {{ SERVICE <http://{HOST}:{sink.port}/q> {{}} }}")
    received = sink.close()
    assert len(received) == 1 and received[0].startswith(b"POST /q HTTP/1.1")


def test_falls_back_when_namespaces_are_refused(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = serve_module.OxigraphProcess

    def refuse_isolation(*args: Any, isolate: bool = False, **kwargs: Any) -> OxigraphProcess:
        if isolate:
            raise IsolationUnavailable("unshare: Operation not permitted")
        return real(*args, isolate=False, **kwargs)

    monkeypatch.setattr(serve_module, "OxigraphProcess", refuse_isolation)
    with serve(built, check_query, port=free_port(), timeout_s=10) as srv:
        assert not srv.isolated
        assert srv.isolation_note == (
            "the Oxigraph server runs without network isolation (unshare: Operation not "
            "permitted): local processes that find its private port on 127.0.0.1 can bypass "
            "the guard, and make it run SERVICE and fetch URLs"
        )
        status, data = _get(f"{srv.query_url}?{urlencode({'query': COUNT_FINDINGS})}")
        assert status == 200 and _count(data) > 100


# --- a runaway query is stopped ------------------------------------------------------------


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (not gone, not a zombie)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_runaway_query_is_stopped(built: Path) -> None:
    notes: list[str] = []
    with serve(built, check_query, port=free_port(), timeout_s=1, notify=notes.append) as srv:
        first = srv.oxigraph.pid
        started = time.monotonic()
        status, data = _get(f"{srv.query_url}?{urlencode({'query': CROSS_PRODUCT})}")
        assert status == 504, data
        assert data == b"the query ran longer than the 1 s timeout and was stopped\n"
        assert time.monotonic() - started < 15
        assert srv.restarts == 1 and srv.oxigraph.pid != first
        assert notes == [
            "a query ran over the 1 s timeout: restarted the Oxigraph server to stop it"
        ]
        deadline = time.monotonic() + 10
        while _running(first) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(first), "the runaway query's server still runs"
        # the next query answers at once, and the new server is idle afterwards
        started = time.monotonic()
        status, data = _get(f"{srv.query_url}?{urlencode({'query': COUNT_FINDINGS})}")
        assert status == 200 and _count(data) > 100
        assert time.monotonic() - started < 5
        busy = _cpu_seconds(srv.oxigraph.pid)
        time.sleep(1.0)
        assert _cpu_seconds(srv.oxigraph.pid) - busy < 0.3
    assert not _running(srv.oxigraph.pid)


def test_a_rebuild_of_the_served_folder_is_served(
    built: Path, corpus_dir: Path, tmp_path: Path
) -> None:
    import shutil

    from cskg.graph.pipeline import build

    out = tmp_path / "out"
    shutil.copytree(built, out)
    small = tmp_path / "small"
    small.mkdir()
    other = Path(__file__).parents[1] / "fixtures" / "other_council" / "newham-ilacs-2019.txt"
    shutil.copy(other, small / other.name)
    notes: list[str] = []
    stop = threading.Event()
    with serve(out, check_query, port=free_port(), timeout_s=10, notify=notes.append) as srv:
        url = f"{srv.query_url}?{urlencode({'query': COUNT_FINDINGS})}"
        before = _count(_get(url)[1])
        waiting = threading.Thread(target=srv.wait, args=(stop,), daemon=True)
        waiting.start()
        build(small, out)  # while serving: the new build is swapped in whole
        deadline = time.monotonic() + 20
        while srv.restarts == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        after = _count(_get(url)[1])
        stop.set()
        waiting.join(5)
    assert before > 300 and 0 < after < 150, (before, after)
    assert notes == [f"{out} was rebuilt: now serving the new build"]


def test_restart_spares_other_requests(built: Path) -> None:
    # two runaway queries at once restart the server once; quick queries sent meanwhile,
    # some in flight on the old server when it is stopped, are retried and all answered
    from concurrent.futures import ThreadPoolExecutor

    # (a 5 s timeout: on a loaded machine both runaway queries must still reach the server
    # before the first is stopped, or the second runs on the new one and stops it too; 3 s
    # was too short with other builds sharing the two cores)
    with serve(built, check_query, port=free_port(), timeout_s=5) as srv:
        slow_url = f"{srv.query_url}?{urlencode({'query': CROSS_PRODUCT})}"
        quick_url = f"{srv.query_url}?{urlencode({'query': COUNT_FINDINGS})}"

        def quick() -> list[int]:
            statuses = []
            end = time.monotonic() + 10
            while time.monotonic() < end:
                statuses.append(_get(quick_url)[0])
            return statuses

        with ThreadPoolExecutor(5) as pool:
            slow = [pool.submit(_get, slow_url) for _ in range(2)]
            quick_runs = [pool.submit(quick) for _ in range(3)]
            assert [f.result()[0] for f in slow] == [504, 504]
            statuses = [s for f in quick_runs for s in f.result()]
        assert statuses and set(statuses) == {200}
        assert srv.restarts == 1


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


@pytest.mark.parametrize("slash", ["", "/"])
def test_push_to_the_server_root_names_the_store_url(
    built: Path, store: Any, remote: OxigraphProcess, slash: str
) -> None:
    root = remote.url.rstrip("/")
    with pytest.raises(CskgError) as err:
        push(built, root + slash, store=store)
    assert str(err.value) == (
        f"{root}{slash}: HTTP 404 Not Found: give the store's Graph Store Protocol URL, not the "
        f"server's root, e.g. {root}/store for Oxigraph"
    )


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
    assert graph_url("http://h/ds/data?default", "urn:g").startswith(
        "http://h/ds/data?default&graph="
    )
