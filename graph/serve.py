"""A read-only SPARQL endpoint over the built store: Oxigraph's own server, behind a guard.

``oxigraph serve-read-only`` does the work (SPARQL 1.1 Protocol, its query page, the Graph
Store Protocol for reading, a query timeout). It would also run ``SERVICE`` clauses, calling
any URL a query names, so it listens on a private port and a small proxy on
``127.0.0.1:PORT`` forwards to it only what :func:`cskg.queries.safety.check_query` accepts:
queries without ``SERVICE``, updates or ``FROM`` outside the graph, and reads. Updates are
refused with 403. The checker is passed in (``check=``), so this module does not import the
queries layer.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Collection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import IO
from urllib.parse import parse_qs, urlsplit

from cskg.errors import CskgError
from cskg.graph.workers import die_with_parent

#: ``check(query_text, named_graphs)`` raises :class:`CskgError` for a query to refuse;
#: the CLI passes :func:`cskg.queries.safety.check_query` (graph/ does not import queries/).
QueryCheck = Callable[[str, Collection[str]], None]

HOST = "127.0.0.1"
START_SECONDS = 30.0  # how long a server may take to accept connections
MAX_QUERY_BYTES = 1 << 20
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "content-length",
    "server",
    "date",
}


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program installed with cskg (the ``oxigraph`` package)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise CskgError("the `oxigraph` server program is not installed; pip install oxigraph")
    return found


def free_port(host: str = HOST) -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class OxigraphProcess:
    """A running ``oxigraph serve`` / ``serve-read-only`` child process; stop() ends it."""

    def __init__(
        self,
        location: Path,
        port: int,
        *,
        read_only: bool = True,
        union_default_graph: bool = True,
        timeout_s: int | None = None,
        host: str = HOST,
    ) -> None:
        self.location = location
        self.port = port
        self.host = host
        cmd = [oxigraph_binary(), "serve-read-only" if read_only else "serve"]
        cmd += ["--location", str(location), "--bind", f"{host}:{port}"]
        if union_default_graph:
            cmd.append("--union-default-graph")
        if timeout_s:
            cmd += ["--timeout-s", str(timeout_s)]
        self.command = cmd
        self._log: IO[bytes] = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=self._log,
                start_new_session=True,  # Ctrl-C reaches cskg, which stops the server itself
                preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,
            )
        except OSError as err:
            self._log.close()
            raise CskgError(f"cannot start {cmd[0]}: {err.strerror or err}") from err
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def log(self) -> str:
        """What the server wrote to its output so far."""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                lines = [ln for ln in self.log().splitlines() if ln.strip()]
                why = lines[-1].strip() if lines else f"exit code {self.process.returncode}"
                raise CskgError(
                    f"the Oxigraph server did not start on {self.host}:{self.port}: {why}"
                )
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise CskgError(
            f"the Oxigraph server did not answer on {self.host}:{self.port} "
            f"within {START_SECONDS:.0f} s"
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        """Terminate the server (kill it if it does not end within 5 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()

    def __enter__(self) -> OxigraphProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


# --- the guard ----------------------------------------------------------------------------


def _query_text(method: str, path: str, headers: object, body: bytes) -> tuple[list[str], dict]:
    """The query texts and protocol parameters of a SPARQL Protocol request."""
    params = parse_qs(urlsplit(path).query, keep_blank_values=True)
    queries = list(params.get("query", []))
    if method == "POST":
        ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()  # type: ignore[attr-defined]
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            queries += form.get("query", [])
            for k, v in form.items():
                params.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            queries.append(body.decode("utf-8", "replace"))
        elif body:
            queries.append(body.decode("utf-8", "replace"))  # unknown type: check it anyway
    return queries, params


def guard_request(
    method: str,
    path: str,
    headers: object,
    body: bytes,
    graphs: Collection[str],
    check: QueryCheck,
) -> str | None:
    """Why a request must be refused, or None to forward it to the server."""
    route = urlsplit(path).path.rstrip("/") or "/"
    if route == "/update" or (route != "/query" and method not in ("GET", "HEAD")):
        return "the endpoint is read-only: updates and writes are refused"
    if route != "/query":
        return None
    queries, params = _query_text(method, path, headers, body)
    if len(queries) > 1:
        return "give one query per request"
    for key in ("default-graph-uri", "named-graph-uri"):
        for iri in params.get(key, []):
            if iri not in graphs:
                return f"{key} <{iri}> is refused: name only this graph's own named graphs"
    for text in queries:
        try:
            check(text, graphs)
        except CskgError as err:
            return str(err)
    return None


class _Guard(BaseHTTPRequestHandler):
    server_version = "cskg"
    protocol_version = "HTTP/1.1"
    upstream: tuple[str, int] = (HOST, 0)
    graphs: Collection[str] = ()
    check: QueryCheck
    timeout_s: float | None = 60.0

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base signature
        pass  # quiet: the terminal shows the URL and nothing else

    def _refuse(self, code: int, reason: str) -> None:
        data = (reason + "\n").encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _handle(self) -> None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self._refuse(411, "send a Content-Length")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_QUERY_BYTES:
            self._refuse(413, f"request body over {MAX_QUERY_BYTES} bytes")
            return
        body = self.rfile.read(length) if length else b""
        why = guard_request(
            self.command, self.path, self.headers, body, self.graphs, type(self).check
        )
        if why is not None:
            self._refuse(403, why)
            return
        conn = http.client.HTTPConnection(*self.upstream, timeout=self.timeout_s)
        try:
            headers = {
                k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP | {"host"}
            }
            conn.request(self.command, self.path, body=body or None, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
        except OSError as err:
            self._refuse(502, f"the Oxigraph server did not answer ({err})")
            return
        finally:
            conn.close()
        self.send_response(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() not in _HOP_BY_HOP:
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = _handle


class Server:
    """``cskg serve``: Oxigraph read-only on a private port, the guard on ``host:port``."""

    def __init__(
        self, out: Path, check: QueryCheck, port: int = 7878, timeout_s: int = 30, host: str = HOST
    ) -> None:
        from cskg.graph.store import STORE_DIR, open_store

        location = out / STORE_DIR
        store = open_store(out)  # also checks there is a store
        graphs = frozenset(g.value for g in store.named_graphs())
        del store
        try:
            self._http = ThreadingHTTPServer((host, port), _Guard)
        except OSError as err:
            raise CskgError(
                f"cannot listen on {host}:{port} ({err.strerror or err}); try --port another"
            ) from err
        self._http.daemon_threads = True
        self.port = int(self._http.server_address[1])
        self.host = host
        try:
            self.oxigraph = OxigraphProcess(
                location, free_port(host), read_only=True, timeout_s=timeout_s, host=host
            )
        except BaseException:
            self._http.server_close()
            raise
        handler = type(
            "Guard",
            (_Guard,),
            {
                "upstream": (host, self.oxigraph.port),
                "graphs": graphs,
                "check": staticmethod(check),
                "timeout_s": float(timeout_s) + 5 if timeout_s else None,
            },
        )
        self._http.RequestHandlerClass = handler
        self._thread = threading.Thread(
            target=self._http.serve_forever, name="cskg-serve", daemon=True
        )
        self._thread.start()
        self._stopped = False

    @property
    def url(self) -> str:
        """The query page."""
        return f"http://{self.host}:{self.port}/"

    @property
    def query_url(self) -> str:
        """The SPARQL Protocol endpoint."""
        return f"{self.url}query"

    def wait(self, stop: threading.Event | None = None, poll: float = 0.5) -> int | None:
        """Block until the Oxigraph server exits (its exit code) or ``stop`` is set (None)."""
        while self.oxigraph.alive():
            if stop is None:
                time.sleep(poll)
            elif stop.wait(poll):
                return None
        return self.oxigraph.process.returncode

    def stop(self) -> None:
        """Stop the guard and the server; safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        self._http.shutdown()
        self._http.server_close()
        self.oxigraph.stop()

    def __enter__(self) -> Server:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def serve(
    out: Path, check: QueryCheck, port: int = 7878, timeout_s: int = 30, host: str = HOST
) -> Server:
    """Start the read-only endpoint over ``out/store``; use as a context manager or stop() it.

    :param check: refuses unsafe query text (pass :func:`cskg.queries.safety.check_query`).
    """
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise CskgError(f"--host {host}: cskg serves on this machine only (127.0.0.1)")
    if not 0 <= port <= 65535:
        raise CskgError(f"--port {port}: use a port number from 1 to 65535")
    if timeout_s is not None and timeout_s < 1:
        raise CskgError(f"--timeout {timeout_s}: use a whole number of seconds, 1 or more")
    return Server(out, check, port, timeout_s, host)

