"""A read-only SPARQL endpoint over the built store: Oxigraph's own server, behind a guard.

``oxigraph serve-read-only`` does the work (SPARQL 1.1 Protocol, its query page, the Graph
Store Protocol for reading, a query timeout). It would also run ``SERVICE`` clauses, calling
any URL a query names, so a small proxy on ``127.0.0.1:PORT`` forwards to it only what
:func:`cskg.queries.safety.check_query` accepts: queries without ``SERVICE``, updates or
``FROM`` outside the graph, and reads. Updates are refused with 403. The checker is passed in
(``check=``), so this module does not import the queries layer.

The guard is only worth anything if it is the Oxigraph server's only client. Oxigraph listens
on TCP and has no way to require a secret, and its ``SERVICE`` client ignores ``HTTP_PROXY``
and friends (tested: it connects straight to the URL). So on Linux the server runs in a
network namespace of its own (:func:`_unshare_network`: a new user and network namespace, or a
network namespace alone when run as root), where the only interface is its own loopback:

- no process outside the namespace can connect to its port, and
- ``SERVICE`` (and any other request it might make) cannot reach any network: not this
  machine's other ports, not the LAN, not the internet; host names do not even resolve.

The guard reaches the server through a launcher process inside the namespace
(:func:`_sandbox_main`), which connects to the server's port and hands the connected socket
back over a private Unix socket pair (``SCM_RIGHTS``).

Remaining risk, stated plainly: a process running as the same user (or root) can still join
the namespace (``nsenter``) and talk to the server directly; such a process can already read
the store, and inside the namespace ``SERVICE`` still reaches nothing. Where namespaces are not
available (not Linux; unprivileged user namespaces disabled, as in many containers), the
server falls back to a random port on 127.0.0.1: any local process that finds that port can
bypass the guard and make the server fetch URLs, and :attr:`Server.isolation_note` says so
(``cskg serve`` prints it as a warning).

A query that runs past the timeout is answered 504 and the Oxigraph process is restarted: its
own ``--timeout-s`` is only checked at some points of the evaluation (a COUNT over a
cross-product ran on at full CPU long after it), and the store is read-only, so a fresh
process loses nothing. Requests that were in flight on the old process are retried once.
"""

from __future__ import annotations

import functools
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
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
GRACE_SECONDS = 1.0  # past --timeout, Oxigraph's own timeout has had its chance: restart it
MAX_QUERY_BYTES = 1 << 20
#: what Oxigraph appends to a 200 response it cancels half-way (its own timeout)
CANCELLED = b"The SPARQL operation has been cancelled"
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


class IsolationUnavailable(CskgError):
    "The Oxigraph server could not be given a network namespace of its own."


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


# --- network isolation (Linux) ------------------------------------------------------------

_CLONE_NEWUSER = 0x10000000
_CLONE_NEWNET = 0x40000000
_SIOCGIFFLAGS, _SIOCSIFFLAGS, _IFF_UP = 0x8913, 0x8914, 0x1
_IFREQ = "16sH22x"  # struct ifreq: the interface name, then ifr_flags (40 bytes in all)
#: the launcher, run as ``python -c _SANDBOX CONTROL_FD PORT OXIGRAPH_COMMAND…``
_SANDBOX = (
    "import sys; from cskg.graph.serve import _sandbox_main; sys.exit(_sandbox_main(sys.argv[1:]))"
)


def _write_once(path: str, text: str) -> None:
    # /proc/self/uid_map must be written in one write() call
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode("ascii"))
    finally:
        os.close(fd)


def _unshare_network() -> None:  # pragma: no cover - runs in the launcher process
    """Move this process into a new network namespace whose one interface, lo, is up.

    As root a network namespace alone; otherwise (or when that is refused) a user namespace
    too, mapping this user to itself so the store's files keep their owner. Raises OSError.
    """
    import ctypes
    import fcntl
    import struct

    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.geteuid(), os.getegid()
    attempts = ([_CLONE_NEWNET] if uid == 0 else []) + [_CLONE_NEWUSER | _CLONE_NEWNET]
    for flags in attempts:
        if libc.unshare(flags) == 0:
            break
        err = ctypes.get_errno()
    else:
        raise OSError(err, f"unshare: {os.strerror(err)}")
    if flags & _CLONE_NEWUSER:
        _write_once("/proc/self/setgroups", "deny")
        _write_once("/proc/self/uid_map", f"{uid} {uid} 1")
        _write_once("/proc/self/gid_map", f"{gid} {gid} 1")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        got = fcntl.ioctl(s, _SIOCGIFFLAGS, struct.pack(_IFREQ, b"lo", 0))
        up = struct.unpack(_IFREQ, got)[1] | _IFF_UP
        fcntl.ioctl(s, _SIOCSIFFLAGS, struct.pack(_IFREQ, b"lo", up))


def _sandbox_main(argv: list[str]) -> int:  # pragma: no cover - runs in the launcher process
    """The launcher: isolate, start Oxigraph, then hand out connections to it until told to stop.

    Protocol on the control socket (SOCK_SEQPACKET): first ``ok PID`` or ``err REASON``; then
    for each ``c`` received, ``y`` with a connected socket attached, or ``n REASON``. An empty
    read (the guard closed its end or died) stops Oxigraph and the launcher; so does Oxigraph
    exiting, with its exit code.
    """
    import select

    ctl = socket.socket(fileno=int(argv[0]))
    port, cmd = int(argv[1]), argv[2:]
    try:
        _unshare_network()
    except OSError as err:
        ctl.send(f"err {err.strerror or err}".encode())
        return 3
    try:
        proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            preexec_fn=functools.partial(die_with_parent, signal.SIGKILL),
        )
    except OSError as err:
        ctl.send(f"err cannot start {cmd[0]}: {err.strerror or err}".encode())
        return 3
    ctl.send(f"ok {proc.pid}".encode())
    try:
        while proc.poll() is None:
            ready, _, _ = select.select([ctl], [], [], 0.2)
            if not ready:
                continue
            if not ctl.recv(16):
                return 0
            try:
                conn = socket.create_connection((HOST, port), timeout=5)
            except OSError as err:
                ctl.send(f"n {err.strerror or err}".encode())
                continue
            with conn:
                socket.send_fds(ctl, [b"y"], [conn.fileno()])
        return proc.returncode
    except OSError:
        return 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def can_isolate() -> bool:
    """Whether this system might run the server in a network namespace (Linux only)."""
    return sys.platform.startswith("linux")


class OxigraphProcess:
    """A running ``oxigraph serve`` / ``serve-read-only`` child process; stop() ends it.

    With ``isolate=True`` it runs in a network namespace of its own (see the module's
    docstring): nothing outside can connect to ``port``, and :meth:`connect` is the way in.
    Raises :class:`IsolationUnavailable` when the namespace cannot be made.
    """

    def __init__(
        self,
        location: Path,
        port: int,
        *,
        read_only: bool = True,
        union_default_graph: bool = True,
        timeout_s: int | None = None,
        host: str = HOST,
        isolate: bool = False,
    ) -> None:
        self.location = location
        self.port = port
        self.host = HOST if isolate else host
        cmd = [oxigraph_binary(), "serve-read-only" if read_only else "serve"]
        cmd += ["--location", str(location), "--bind", f"{self.host}:{port}"]
        if union_default_graph:
            cmd.append("--union-default-graph")
        if timeout_s:
            cmd += ["--timeout-s", str(timeout_s)]
        #: the Oxigraph command line (inside the launcher when isolated)
        self.command = cmd
        self.isolated = isolate
        self._ctl: socket.socket | None = None
        self._ctl_lock = threading.Lock()
        self._log: IO[bytes] = tempfile.TemporaryFile()
        self._pid: int | None = None
        launch = cmd
        pass_fds: tuple[int, ...] = ()
        child_end = None
        if isolate:
            self._ctl, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            launch = [sys.executable, "-c", _SANDBOX, str(child_end.fileno()), str(port), *cmd]
            pass_fds = (child_end.fileno(),)
        try:
            self.process = subprocess.Popen(
                launch,
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=self._log,
                pass_fds=pass_fds,
                start_new_session=True,  # Ctrl-C reaches cskg, which stops the server itself
                preexec_fn=die_with_parent if sys.platform.startswith("linux") else None,
            )
        except OSError as err:
            self._close()
            raise CskgError(f"cannot start {launch[0]}: {err.strerror or err}") from err
        finally:
            if child_end is not None:
                child_end.close()
        try:
            if isolate:
                self._handshake()
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def pid(self) -> int:
        """The Oxigraph server's process id (the launcher's child when isolated)."""
        return self._pid if self._pid is not None else self.process.pid

    def log(self) -> str:
        """What the server wrote to its output so far."""
        if self._log.closed:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def _handshake(self) -> None:
        assert self._ctl is not None
        self._ctl.settimeout(START_SECONDS)
        try:
            first = self._ctl.recv(512).decode("utf-8", "replace")
        except OSError as err:
            first = f"err no answer from the launcher ({err})"
        if first.startswith("ok "):
            self._pid = int(first[3:])
            return
        if not first:  # the launcher died before it could say why
            self.process.wait(timeout=START_SECONDS)
            lines = [ln for ln in self.log().splitlines() if ln.strip()]
            first = "err " + (lines[-1].strip() if lines else f"exit {self.process.returncode}")
        raise IsolationUnavailable(first.removeprefix("err ").strip())

    def connect(self, timeout: float | None = None) -> socket.socket:
        """A new TCP connection to the server (through the launcher when isolated)."""
        if self._ctl is None:
            return socket.create_connection((self.host, self.port), timeout=timeout)
        with self._ctl_lock:
            if self._ctl.fileno() < 0:
                raise ConnectionError("the Oxigraph server has stopped")
            self._ctl.settimeout(10.0)
            self._ctl.send(b"c")
            msg, fds, _flags, _addr = socket.recv_fds(self._ctl, 512, 1)
        if fds:
            sock = socket.socket(fileno=fds[0])
            sock.settimeout(timeout)
            return sock
        if not msg:
            raise ConnectionError("the Oxigraph server has stopped")
        raise ConnectionRefusedError(msg.decode("utf-8", "replace").removeprefix("n "))

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
                with self.connect(timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        raise CskgError(
            f"the Oxigraph server did not answer on {self.host}:{self.port} "
            f"within {START_SECONDS:.0f} s"
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, *, force: bool = False) -> None:
        """Terminate the server (kill it if it does not end within 5 s; at once if ``force``)."""
        if self._ctl is not None:
            with self._ctl_lock:
                self._ctl.close()  # the launcher reads EOF, kills Oxigraph, waits for it, exits
            if not force:
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
        if self.process.poll() is None:
            if force:
                self._signal(signal.SIGKILL)
            else:
                self._signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.process.wait(timeout=5)
        self._close()

    def _signal(self, sig: int) -> None:
        # the launcher leads its own process group (start_new_session), Oxigraph with it; the
        # group id is ours for as long as the launcher is not reaped, which is checked first
        if self.isolated and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, sig)
                return
            except OSError:
                pass
        self.process.send_signal(sig)

    def _close(self) -> None:
        if self._ctl is not None:
            self._ctl.close()
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


class _Deadline(TimeoutError):
    """A request ran past the guard's deadline."""


def _forward(
    proc: OxigraphProcess,
    method: str,
    path: str,
    headers: dict[str, str],
    body: bytes,
    deadline: float | None,
) -> tuple[int, str, list[tuple[str, str]], bytes]:
    """Send one request to the server and read the whole answer before ``deadline``."""

    def left() -> float | None:
        if deadline is None:
            return None
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Deadline
        return remaining

    sock = proc.connect(left())
    conn = http.client.HTTPConnection(proc.host, proc.port)
    conn.sock = sock  # already connected (possibly inside the server's namespace)
    try:
        conn.request(method, path, body=body or None, headers=headers)
        sock.settimeout(left())
        resp = conn.getresponse()
        chunks = []
        while True:
            sock.settimeout(left())  # a timeout per read, shrinking to the deadline
            chunk = resp.read1(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        return resp.status, resp.reason, resp.getheaders(), b"".join(chunks)
    except TimeoutError as err:
        raise _Deadline from err
    finally:
        conn.close()


class _Guard(BaseHTTPRequestHandler):
    server_version = "cskg"
    protocol_version = "HTTP/1.1"
    graphs: Collection[str] = ()
    check: QueryCheck
    owner: Server

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
        try:
            self._answer()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away: nothing to tell it

    def _answer(self) -> None:
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
        owner = self.owner
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP | {"host"}}
        deadline = time.monotonic() + owner.deadline_s if owner.deadline_s else None
        for attempt in (1, 2):
            generation, proc = owner.upstream()
            try:
                status, reason, got, data = _forward(
                    proc, self.command, self.path, headers, body, deadline
                )
                break
            except _Deadline:
                owner.restart(generation, f"a query ran over the {owner.timeout_s} s timeout")
                self._refuse(504, owner.timeout_message)
                return
            except (OSError, http.client.HTTPException) as err:
                if attempt == 1 and owner.upstream()[0] != generation:
                    continue  # the server was restarted under this request: once more
                self._refuse(502, f"the Oxigraph server did not answer ({err})")
                return
        if status == 200 and data.endswith(CANCELLED):
            # Oxigraph's own timeout cut the answer off after its 200 status line
            self._refuse(504, owner.timeout_message)
            return
        self.send_response(status, reason)
        for k, v in got:
            if k.lower() not in _HOP_BY_HOP:
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = _handle


def _exposed(why: str) -> str:
    return (
        f"the Oxigraph server runs without network isolation ({why}): local processes "
        "that find its private port on 127.0.0.1 can bypass the guard, and make it run "
        "SERVICE and fetch URLs"
    )


class Server:
    """``cskg serve``: Oxigraph read-only on a private port, the guard on ``host:port``.

    :param isolate: run Oxigraph in a network namespace of its own when the system allows
        it (falling back, with :attr:`isolation_note` saying so, when it does not).
    :param notify: called with a one-line message when the server is restarted.
    """

    def __init__(
        self,
        out: Path,
        check: QueryCheck,
        port: int = 7878,
        timeout_s: int = 30,
        host: str = HOST,
        *,
        isolate: bool = True,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        from cskg.graph.store import STORE_DIR, open_store

        self._out = out
        self._location = out / STORE_DIR
        store = open_store(out)  # also checks there is a store
        graphs = frozenset(g.value for g in store.named_graphs())
        del store
        self._build = self._build_stamp()
        self.timeout_s = timeout_s
        #: how long the guard waits for an answer before it restarts the server
        self.deadline_s = float(timeout_s) + GRACE_SECONDS if timeout_s else None
        self.timeout_message = (
            f"the query ran longer than the {timeout_s} s timeout and was stopped"
        )
        self._isolate = isolate and can_isolate()
        #: empty when isolated; otherwise why not, and what that exposes
        self.isolation_note = ""
        if not isolate:
            self.isolation_note = _exposed("isolation turned off")
        elif not self._isolate:
            self.isolation_note = _exposed("network namespaces need Linux")
        self._notify = notify
        self._cond = threading.Condition()
        self._restarting = False
        self._stopped = False
        #: how many times the server was restarted after a timeout
        self.restarts = 0
        #: bumped on each restart: a request knows whether its server was replaced
        self.generation = 0
        try:
            self._http = ThreadingHTTPServer((host, port), _Guard)
        except OSError as err:
            raise CskgError(
                f"cannot listen on {host}:{port} ({err.strerror or err}); try --port another"
            ) from err
        self._http.daemon_threads = True
        self.port = int(self._http.server_address[1])
        self.host = host
        # Linux signals a child when the *thread* that started it ends (PR_SET_PDEATHSIG), so
        # every server process is started from this one long-lived thread
        self._spawner = ThreadPoolExecutor(1, thread_name_prefix="cskg-oxigraph")
        try:
            self.oxigraph = self._spawner.submit(self._spawn).result()
        except BaseException:
            self._http.server_close()
            self._spawner.shutdown()
            raise
        self._http.RequestHandlerClass = type(
            "Guard", (_Guard,), {"owner": self, "graphs": graphs, "check": staticmethod(check)}
        )
        self._thread = threading.Thread(
            target=self._http.serve_forever, name="cskg-serve", daemon=True
        )
        self._thread.start()

    @property
    def isolated(self) -> bool:
        """Whether the Oxigraph server runs in a network namespace of its own."""
        return self._isolate

    def _spawn(self) -> OxigraphProcess:
        def start(isolate: bool) -> OxigraphProcess:
            return OxigraphProcess(
                self._location,
                free_port(HOST),
                read_only=True,
                timeout_s=self.timeout_s,
                isolate=isolate,
            )

        if self._isolate:
            try:
                return start(True)
            except IsolationUnavailable as err:
                self._isolate = False
                self.isolation_note = _exposed(str(err))
        return start(False)

    def upstream(self) -> tuple[int, OxigraphProcess]:
        """The current server process and its generation (waits while one is restarting)."""
        with self._cond:
            while self._restarting:
                self._cond.wait()
            return self.generation, self.oxigraph

    def _build_stamp(self) -> tuple[int, int] | None:
        """Which build ``out`` holds now (its build.json's inode and time), None if none."""
        try:
            st = (self._out / "build.json").stat()
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns

    def follow_build(self) -> bool:
        """If a new build has replaced the one served, serve the new one: restart Oxigraph on
        the new store and let the guard know its named graphs. True if it did."""
        from cskg.graph.store import open_store

        stamp = self._build_stamp()
        if stamp is None or stamp == self._build:
            return False
        self._build = stamp
        try:
            graphs = frozenset(g.value for g in open_store(self._out).named_graphs())
        except CskgError:
            return False  # no store there (yet): keep serving the one we have
        self._http.RequestHandlerClass.graphs = graphs
        self.restart(
            self.generation,
            f"{self._out} was rebuilt",
            then="now serving the new build",
        )
        return True

    def restart(
        self,
        generation: int,
        why: str = "restart requested",
        then: str = "restarted the Oxigraph server to stop it",
    ) -> None:
        """Replace the server process of ``generation`` by a fresh one (once, whoever asks)."""
        with self._cond:
            if self._restarting:
                while self._restarting:
                    self._cond.wait()
                return
            if generation != self.generation or self._stopped:
                return
            self._restarting = True
        old = self.oxigraph
        new = None
        try:
            old.stop(force=True)
            if not self._stopped:
                new = self._spawner.submit(self._spawn).result()
        except CskgError as err:
            if self._notify is not None:
                self._notify(f"could not restart the Oxigraph server: {err}")
        finally:
            with self._cond:
                if new is not None:
                    self.oxigraph = new
                self.generation += 1
                self.restarts += 1
                self._restarting = False
                self._cond.notify_all()
        if new is not None and self._notify is not None:
            self._notify(f"{why}: {then}")

    @property
    def url(self) -> str:
        """The query page."""
        return f"http://{self.host}:{self.port}/"

    @property
    def query_url(self) -> str:
        """The SPARQL Protocol endpoint."""
        return f"{self.url}query"

    def wait(self, stop: threading.Event | None = None, poll: float = 0.5) -> int | None:
        """Block until the Oxigraph server exits (its exit code) or ``stop`` is set (None).

        A restart after a timeout is not an exit. Meanwhile, a new build of the same folder
        (``cskg build`` while serving) is served as soon as it is in place.
        """
        while True:
            self.follow_build()
            with self._cond:
                proc = None if self._restarting else self.oxigraph
            if proc is not None and not proc.alive():
                with self._cond:
                    if proc is self.oxigraph and not self._restarting:
                        return proc.process.returncode
                continue
            if stop is None:
                time.sleep(poll)
            elif stop.wait(poll):
                return None

    def stop(self) -> None:
        """Stop the guard and the server; safe to call twice."""
        with self._cond:
            if self._stopped:
                return
            self._stopped = True
            while self._restarting:
                self._cond.wait()
        self._http.shutdown()
        self._http.server_close()
        self.oxigraph.stop()
        self._spawner.shutdown()

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
    out: Path,
    check: QueryCheck,
    port: int = 7878,
    timeout_s: int = 30,
    host: str = HOST,
    *,
    isolate: bool = True,
    notify: Callable[[str], None] | None = None,
) -> Server:
    """Start the read-only endpoint over ``out/store``; use as a context manager or stop() it.

    :param check: refuses unsafe query text (pass :func:`cskg.queries.safety.check_query`).
    :param isolate: run Oxigraph in a network namespace of its own where the system allows.
    :param notify: called with a one-line message when a runaway query restarts Oxigraph.
    """
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise CskgError(f"--host {host}: cskg serves on this machine only (127.0.0.1)")
    if not 0 <= port <= 65535:
        raise CskgError(f"--port {port}: use a port number from 1 to 65535")
    if timeout_s is not None and timeout_s < 1:
        raise CskgError(f"--timeout {timeout_s}: use a whole number of seconds, 1 or more")
    return Server(out, check, port, timeout_s, host, isolate=isolate, notify=notify)
