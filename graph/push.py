"""Push the built graph to a remote store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph is sent as ``PUT {endpoint}?graph=<iri>`` with an N-Triples body. PUT
replaces the graph, so pushing the same build twice leaves the remote store as it was after
the first push. Only the standard library talks to the network (urllib).
"""

from __future__ import annotations

import base64
import socket
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from cskg.errors import CskgError

MEDIA_TYPE = "application/n-triples"


@dataclass(frozen=True)
class Pushed:
    """One named graph sent: its IRI, its triples, and the HTTP status the store answered."""

    graph: str
    triples: int
    status: int


def graph_url(endpoint: str, graph: str) -> str:
    """``endpoint?graph=<iri>`` (``&graph=`` when the endpoint already has a query string)."""
    sep = "&" if urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}graph={quote(graph, safe='')}"


def _check_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CskgError(
            f"--endpoint {endpoint!r}: give the store's Graph Store Protocol URL, "
            "e.g. http://localhost:7878/store"
        )


def _store_example(endpoint: str) -> str:
    """``endpoint`` with Oxigraph's store path: http://host:port/store."""
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}/store"


def _why(err: BaseException) -> str:
    reason = getattr(err, "reason", err)
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused; is the store running?"
    if isinstance(reason, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(text.split())


def put_graph(
    endpoint: str,
    graph: str,
    body: bytes,
    auth: tuple[str, str] | None = None,
    timeout: float = 60.0,
) -> int:
    """PUT one graph's N-Triples; returns the HTTP status, or raises a one-line CskgError."""
    headers = {"Content-Type": MEDIA_TYPE, "Content-Length": str(len(body))}
    if auth is not None:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    url = graph_url(endpoint, graph)
    req = urllib.request.Request(url, data=body, method="PUT", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) checked
            return int(resp.status)
    except urllib.error.HTTPError as err:
        detail = err.read(300).decode("utf-8", "replace")
        detail = " ".join(detail.split())
        if err.code in (404, 405) and urlsplit(endpoint).path in ("", "/"):
            # the server's root, not its store: Oxigraph answers "PUT / is not supported"
            raise CskgError(
                f"{endpoint}: HTTP {err.code} {err.reason}: give the store's Graph Store "
                f"Protocol URL, not the server's root, e.g. {_store_example(endpoint)} for "
                "Oxigraph"
            ) from None
        raise CskgError(
            f"{endpoint}: HTTP {err.code} {err.reason} for graph <{graph}>"
            + (f": {detail}" if detail else "")
        ) from None
    except (urllib.error.URLError, OSError) as err:
        raise CskgError(f"{endpoint}: cannot push graph <{graph}>: {_why(err)}") from None


def push(
    out: Path,
    endpoint: str,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 60.0,
    store: Any = None,
    progress: Callable[[Pushed], None] | None = None,
) -> list[Pushed]:
    """PUT every named graph of the build in ``out`` to ``endpoint``; returns what was sent."""
    import pyoxigraph as ox

    _check_endpoint(endpoint)
    if password and not user:
        raise CskgError("a password was given without a user; set --user or CSKG_PUSH_USER")
    auth = (user, password or "") if user else None
    if store is None:
        from cskg.graph.store import open_store

        store = open_store(out)
    sent = []
    for g in sorted(store.named_graphs(), key=lambda n: n.value):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, g)
        ]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        status = put_graph(endpoint, g.value, body, auth, timeout)
        item = Pushed(g.value, len(triples), status)
        sent.append(item)
        if progress is not None:
            progress(item)
    return sent
