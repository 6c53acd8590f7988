"""`cskg query`, `cskg export`, `cskg serve` and `cskg push`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from typer.testing import CliRunner

from cskg.cli.app import app
from cskg.graph.serve import free_port

runner = CliRunner()
ID = "https://w3id.org/childrens-services-kg/id/"


def cskg(built: Path, *args: str, input: str | None = None):  # noqa: A002 - CliRunner's name
    return runner.invoke(app, [*args, "--out", str(built)], input=input)


# --- query --------------------------------------------------------------------------------


def test_list(built: Path) -> None:
    result = cskg(built, "query", "--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["name", "title", "parameters"]
    row = next(line for line in lines if line.startswith("findings_for_theme "))
    assert "Findings for a theme and year" in row
    assert "theme (iri, default id:theme/workforce), year (year, default 2019)" in row


def test_list_shows_descriptions(built: Path) -> None:
    result = cskg(built, "query", "--list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("post_holders "))
    title_column = lines[1].index(" ") + 2
    assert lines[i + 1].startswith(" " * title_column + "The people the documents say held")


def test_unbound_parameter_column_is_hidden(built: Path) -> None:
    result = cskg(built, "query", "post_holders")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split()[-2:] == ["document", "year"]
    result = cskg(built, "query", "post_holders", "-p", "role_words=Director")
    assert result.output.splitlines()[0].split()[-2:] == ["year", "role_words"]
    result = cskg(built, "query", "post_holders", "-f", "csv")  # csv keeps every variable
    assert result.output.splitlines()[0].endswith(",year,role_words")


def test_syntax_error_in_a_file_names_the_line(built: Path, tmp_path: Path) -> None:
    f = tmp_path / "recent.rq"
    f.write_text(
        "# title: Recent findings\n"
        "PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>\n"
        "SELECT ?f ?y WHERE {\n"
        "  ?f a cskg:Finding ; cskg:year ?y FILTER(?y > 2019\n"
        "}\n"
        "\n"
    )
    result = cskg(built, "query", str(f))
    assert result.exit_code == 1
    # the mistake is on line 4; Oxigraph's parser alone would say line 7, column 1
    assert result.output == (
        f"Error: {f}: syntax error at line 4, column 36: the query cannot be read from here on "
        "(the parser ran on to its end, line 7, column 1)\n"
    )


def test_list_json(built: Path) -> None:
    result = cskg(built, "query", "--list", "--format", "json")
    assert result.exit_code == 0, result.output
    items = {i["name"]: i for i in json.loads(result.output)}
    assert items["post_holders"]["params"][0] == {
        "name": "year",
        "type": "year",
        "default": "2019",
        "optional": False,
        "meaning": "the year",
    }


def test_named_query_table(built: Path) -> None:
    result = cskg(built, "query", "judgement_history", "--param", "year=2023")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["council", "area", "year", "grade"]
    assert any(
        line.startswith("Medway   Overall effectiveness") and " Good " in line for line in lines
    )
    assert lines[-1] == "(5 rows)"


def test_named_query_json_is_w3c(built: Path) -> None:
    result = cskg(built, "query", "post_holders", "-p", "year=2019", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert "role" in data["head"]["vars"]
    names = {b["name"]["value"] for b in data["results"]["bindings"]}
    assert "Ian Sutherland" in names


@pytest.mark.parametrize(
    ("fmt", "start"), [("csv", "council,area,year,grade"), ("tsv", "?council\t?area\t?year")]
)
def test_csv_and_tsv(built: Path, fmt: str, start: str) -> None:
    result = cskg(built, "query", "judgement_history", "-p", "year=2023", "-f", fmt)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(start)


def test_query_file_and_sparql_text(built: Path, tmp_path: Path) -> None:
    f = tmp_path / "count.rq"
    f.write_text(
        "# title: Count findings\n# param: y (year, default 2023): the year\n"
        "PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>\n"
        "SELECT ?y (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a cskg:Finding ; cskg:year ?y }"
        " GROUP BY ?y\n"
    )
    result = cskg(built, "query", str(f), "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"y,n\r\n2023,")  # W3C CSV lines end in CRLF
    result = cskg(built, "query", "--sparql", "ASK { ?s ?p ?o }")
    assert result.exit_code == 0, result.output
    assert result.output == "true\n"
    result = cskg(built, "query", "--sparql", "-", input="ASK { ?s ?p <urn:nothing> }")
    assert result.output == "false\n"


def test_construct_is_turtle(built: Path) -> None:
    result = cskg(built, "query", "node_triples", "-p", "node=id:theme/caseloads")
    assert result.exit_code == 0, result.output
    assert "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ." in result.output
    assert '"Caseloads and workload"' in result.output


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["nope"], "Error: unknown query 'nope'; `cskg query --list` shows the named queries"),
        (
            ["post_holders", "-p", "year=next"],
            "Error: query post_holders: parameter year='next' is not a year (e.g. 2019)",
        ),
        (
            ["post_holders", "-p", "when=2019"],
            "Error: query post_holders: unknown parameter 'when'; its parameters are: "
            "year, role_words",
        ),
        (
            ["post_holders", "-p", "2019"],
            "Error: --param '2019': write name=value, e.g. --param year=2019",
        ),
        (
            ["-f", "xml", "post_holders"],
            "Error: --format 'xml' is not one of: table, csv, tsv, json",
        ),
        (
            [],
            "Error: give a query name, a .rq file or --sparql TEXT "
            "(`cskg query --list` lists the named queries)",
        ),
        (
            ["post_holders", "--sparql", "ASK {}"],
            "Error: give only one of NAME, FILE.rq or --sparql TEXT (both 'post_holders' and "
            "--sparql were given)",
        ),
        (
            ["--sparql", "SELECT ?x WHERE {\n  ?x ?p }"],
            "Error: --sparql: syntax error at line 2, column 3: the query cannot be read from "
            "here on (the parser ran on to its end, line 2, column 10)",
        ),
        (
            ["--sparql", "SELECT * WHERE { ?s ?p ?o . FILTER(?o = ) . ?s <x> ?o }"],
            "Error: --sparql: syntax error at line 1, column 29: the query cannot be read from "
            "here on (the parser stopped at line 1, column 55: expected ENCODE_FOR_URI)",
        ),
        (
            ["--sparql", "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }"],
            "Error: --sparql: SERVICE at line 1, column 18 is refused: queries run on the local "
            "graph only (no federated queries)",
        ),
        (
            ["--sparql", "LOAD <file:///etc/passwd>"],
            "Error: --sparql: LOAD at line 1, column 1 is refused: the graph is read-only "
            "(no LOAD or other updates)",
        ),
        (
            ["--sparql", "SELECT * FROM <http://127.0.0.1:9/g> { ?s ?p ?o }"],
            "Error: --sparql: FROM <http://127.0.0.1:9/g> at line 1, column 10 is refused: FROM "
            "may name only this graph's own named graphs (see `cskg query named_graphs`)",
        ),
    ],
)
def test_query_errors_are_one_line(built: Path, args: list[str], line: str) -> None:
    result = cskg(built, "query", *args)
    assert result.exit_code != 0
    assert result.output == line + "\n"


def test_missing_parameter(built: Path, tmp_path: Path) -> None:
    f = tmp_path / "need.rq"
    f.write_text("# title: Need\n# param: node (iri): a node\nSELECT ?node WHERE { }\n")
    result = cskg(built, "query", str(f))
    assert result.exit_code == 1
    assert result.output == f"Error: {f}: missing parameter node (iri): add --param node=VALUE\n"


# --- export -------------------------------------------------------------------------------


def test_export_to_stdout_and_file(built: Path, tmp_path: Path) -> None:
    result = cskg(built, "export", "--format", "nt")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") > 1000
    target = tmp_path / "g.graphml"
    result = cskg(built, "export", "-f", "graphml", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {target} (graphml, ")
    assert target.read_bytes().startswith(b"<?xml")


def test_export_unknown_format(built: Path) -> None:
    result = cskg(built, "export", "-f", "rdfxml")
    assert result.exit_code != 0
    assert result.output == (
        "Error: --format 'rdfxml' is not one of: ttl, trig, nt, nq, jsonld, graphml\n"
    )


# --- push ---------------------------------------------------------------------------------


def test_push_connection_refused(built: Path) -> None:
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    result = cskg(built, "push", "--endpoint", endpoint)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {endpoint}: cannot push graph <{ID}graph/cabinet-2019-03-05-focused-visit>: "
        "connection refused; is the store running?\n"
    )


def test_push_password_env_must_exist(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MY_SECRET", raising=False)
    endpoint = "http://127.0.0.1:1/store"
    result = cskg(built, "push", "--endpoint", endpoint, "--password-env", "MY_SECRET")
    assert result.exit_code == 1
    assert result.output == (
        "Error: --password-env MY_SECRET: that environment variable is not set\n"
    )


@pytest.mark.server
def test_push_to_the_server_root_says_where_the_store_is(built: Path, tmp_path: Path) -> None:
    from cskg.graph.serve import OxigraphProcess

    with OxigraphProcess(tmp_path / "remote", free_port(), read_only=False) as remote:
        endpoint = remote.url.rstrip("/")  # http://127.0.0.1:PORT, no /store
        result = cskg(built, "push", "--endpoint", endpoint)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {endpoint}: HTTP 404 Not Found: give the store's Graph Store Protocol URL, "
        f"not the server's root, e.g. {endpoint}/store for Oxigraph\n"
    )


@pytest.mark.server
def test_push_to_a_real_store(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cskg.graph.serve import OxigraphProcess

    monkeypatch.setenv("CSKG_PUSH_USER", "analyst")
    monkeypatch.setenv("CSKG_PUSH_PASSWORD", "secret")  # Oxigraph ignores credentials
    with OxigraphProcess(tmp_path / "remote", free_port(), read_only=False) as remote:
        result = cskg(built, "push", "--endpoint", f"{remote.url}store")
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[0].startswith(f"PUT <{ID}graph/") and lines[0].endswith(": HTTP 201")
        assert lines[-1].startswith("Pushed ") and lines[-1].endswith(f"to {remote.url}store.")
        again = cskg(built, "push", "--endpoint", f"{remote.url}store")
        assert again.exit_code == 0, again.output
        assert again.output.splitlines()[0].endswith(": HTTP 204")  # replaced, not added
        assert again.output.splitlines()[-1] == lines[-1]


# --- serve -----------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """Child process ids (Linux /proc; empty elsewhere)."""
    out = []
    for f in Path(f"/proc/{pid}/task").glob("*/children"):
        out += [int(x) for x in f.read_text().split()]
    return out


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.server
def test_serve_until_ctrl_c(built: Path) -> None:
    port = free_port()
    exe = Path(sys.executable).parent / "cskg"
    cmd = [str(exe), "serve", "--port", str(port), "--timeout", "5", "--out", str(built)]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stdout is not None and proc.stderr is not None
            first = proc.stdout.readline()
            assert first == f"Query page: http://127.0.0.1:{port}/\n", proc.stderr.read()
            second = proc.stdout.readline()
            assert second.startswith(f"SPARQL endpoint: http://127.0.0.1:{port}/query")
            q = urlencode({"query": "ASK { ?s ?p ?o }"})
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?{q}", timeout=30) as resp:
                assert json.loads(resp.read())["boolean"] is True
            children = _children(proc.pid)
            children += [c for pid in children for c in _children(pid)]  # Oxigraph, if isolated
            assert len(children) >= 1
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=20) == 0
            # before it, a warning if this system cannot isolate the Oxigraph server
            assert proc.stderr.read().endswith("Stopped.\n")
            with pytest.raises(OSError):  # nothing listens on the port any more
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
            for pid in children:  # and the Oxigraph server is gone, not orphaned
                assert not Path(f"/proc/{pid}").exists() or _is_zombie(pid)
        finally:
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
