"""`cskg query`, `cskg export`, `cskg serve` and `cskg push`: the graph for analysts."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from cskg.cli.app import app, call, choice, reported
from cskg.errors import CskgError

OutOpt = Annotated[Path, typer.Option("--out", help="Output folder of the build.", metavar="DIR")]
QUERY_FORMATS = ("table", "csv", "tsv", "json")
EXPORT_FORMATS = ("ttl", "trig", "nt", "nq", "jsonld", "graphml")


def _params(values: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values or []:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise CskgError(f"--param {item!r}: write name=value, e.g. --param year=2019")
        out[name.strip()] = value
    return out


def _ensure(out: Path) -> None:
    from cskg.graph.pipeline import ensure_built

    call(ensure_built, None, out)


@app.command()
def query(
    name: Annotated[
        str | None,
        typer.Argument(
            help="A named query (see --list) or a .rq file.",
            show_default=False,
            metavar="NAME|FILE.rq",
        ),
    ] = None,
    sparql: Annotated[
        str | None,
        typer.Option(
            "--sparql", help="SPARQL text to run instead ('-' reads it from stdin).", metavar="TEXT"
        ),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p", help="A parameter value; repeat for more.", metavar="NAME=VALUE"
        ),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="table, csv, tsv or json (W3C SPARQL results).", metavar="FORMAT"
        ),
    ] = "table",
    list_: Annotated[
        bool, typer.Option("--list", help="List the named queries with their parameters.")
    ] = False,
    out: OutOpt = Path("build"),
) -> None:
    """Run a named SPARQL query, a .rq file or --sparql TEXT over the built graph."""
    from cskg.queries import run as q

    choice(fmt, QUERY_FORMATS, "--format")
    if list_:
        width = min(max(shutil.get_terminal_size((100, 24)).columns, 60), 120)
        typer.echo(call(q.format_list, call(q.list_queries), fmt, width), nl=False)
        return
    with reported():
        if name is not None and sparql is not None:
            raise CskgError(
                f"give only one of NAME, FILE.rq or --sparql TEXT (both {name!r} and --sparql "
                "were given)"
            )
        if name is None and sparql is None:
            raise CskgError(
                "give a query name, a .rq file or --sparql TEXT "
                "(`cskg query --list` lists the named queries)"
            )
        if sparql is not None:
            text = sys.stdin.read() if sparql == "-" else sparql
            named = q.query_from_text(text)
        else:
            named = q.load_query(name or "")
        values = _params(param)
        q.bind(named, values)  # report a bad parameter before building anything
    _ensure(out)
    result = call(q.run_query, named, values, out=out)
    # a parameter left out is an empty column in every row: the table leaves it out
    hidden = [p.name for p in named.params]
    typer.echo(call(q.format_result, result, fmt, hidden), nl=False)


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="ttl, trig, nt, nq, jsonld or graphml.", metavar="FORMAT"
        ),
    ] = "trig",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write [default: standard output].", metavar="FILE"
        ),
    ] = None,
    out: OutOpt = Path("build"),
) -> None:
    """Write the graph as Turtle, TriG, N-Triples, N-Quads, JSON-LD or GraphML."""
    from cskg.graph.export import export_to

    choice(fmt, EXPORT_FORMATS, "--format")
    _ensure(out)
    stdout = typer.get_binary_stream("stdout")
    n = call(export_to, out, fmt, output, stdout)
    if output is not None:
        what = "nodes" if fmt == "graphml" else ("triples" if fmt in ("ttl", "nt") else "quads")
        typer.echo(f"Wrote {output} ({fmt}, {n} {what}).", err=True)
    else:
        stdout.flush()


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.", metavar="PORT")] = 7878,
    timeout: Annotated[
        int,
        typer.Option(
            "--timeout",
            help="Seconds a query may run; one still running is stopped (Oxigraph restarts).",
            metavar="SECONDS",
        ),
    ] = 30,
    out: OutOpt = Path("build"),
) -> None:
    """Serve the graph read-only over the SPARQL 1.1 Protocol on 127.0.0.1, until Ctrl-C."""
    from cskg.graph.serve import serve as start
    from cskg.queries.safety import check_query

    _ensure(out)

    def notify(message: str) -> None:
        typer.echo(f"Warning: {message}", err=True)

    server = call(start, out, check_query, port=port, timeout_s=timeout, notify=notify)
    if server.isolation_note:
        notify(server.isolation_note)

    # Ctrl-C and SIGTERM only set a flag: an exception raised at an arbitrary point (inside
    # subprocess's bookkeeping, say) could leave the shutdown itself stuck
    stopping = threading.Event()

    def _stop(signum: int, frame: object) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        typer.echo(f"Query page: {server.url}")
        typer.echo(f"SPARQL endpoint: {server.query_url} (read-only; Ctrl-C stops it)")
        code = server.wait(stopping)
        if code is not None:
            typer.echo(f"Error: the Oxigraph server stopped (exit code {code})", err=True)
            raise typer.Exit(1)
        typer.echo("Stopped.", err=True)
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@app.command()
def push(
    endpoint: Annotated[
        str,
        typer.Option(
            "--endpoint",
            help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store.",
            show_default=False,
            metavar="URL",
        ),
    ],
    user: Annotated[
        str | None,
        typer.Option("--user", help="User name [default: $CSKG_PUSH_USER].", metavar="USER"),
    ] = None,
    password_env: Annotated[
        str,
        typer.Option(
            "--password-env", help="Environment variable holding the password.", metavar="VAR"
        ),
    ] = "CSKG_PUSH_PASSWORD",
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds per request.", metavar="SECONDS")
    ] = 60.0,
    out: OutOpt = Path("build"),
) -> None:
    """Replace each named graph on a remote store (Graph Store Protocol PUT): safe to repeat."""
    from cskg.graph.push import Pushed
    from cskg.graph.push import push as run_push

    user = user or os.environ.get("CSKG_PUSH_USER") or None
    password = os.environ.get(password_env)
    with reported():
        if password_env != "CSKG_PUSH_PASSWORD" and password is None:
            raise CskgError(f"--password-env {password_env}: that environment variable is not set")
    _ensure(out)

    def progress(item: Pushed) -> None:
        typer.echo(f"PUT <{item.graph}> {item.triples} triples: HTTP {item.status}")

    sent = call(run_push, out, endpoint, user, password, timeout, progress=progress)
    total = sum(s.triples for s in sent)
    typer.echo(f"Pushed {len(sent)} graphs ({total} triples) to {endpoint}.")
