"""Bad queries, parameters and options, through `cskg query` and friends: one test per case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REQUIRED = """# title: Findings of a year
# param: year (year): the year the assessments took place
PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
SELECT ?f WHERE { ?f a cskg:Finding ; cskg:year ?year }
"""


@pytest.fixture
def rq(tmp_path: Path) -> Path:
    """A query file whose one parameter has no default."""
    path = tmp_path / "by-year.rq"
    path.write_text(REQUIRED, encoding="utf-8")
    return path


def test_query_syntax_error(case) -> None:
    result = case.query("--sparql", "SELECT ?x WHERE { ?x ")
    case.failed(result)
    assert result.stderr.startswith("Error: --sparql: syntax error at line 1, column ")
    assert result.stderr.count("\n") == 1
    case.untouched()


def test_unknown_named_query(case) -> None:
    case.fails(
        case.query("recurring_weakneses"),
        "unknown query 'recurring_weakneses'; `cskg query --list` shows the named queries",
    )


def test_query_file_missing(case, tmp_path: Path) -> None:
    missing = tmp_path / "gone.rq"
    case.fails(case.query(missing), f"{missing}: no such query file")


def test_query_file_not_utf8(case, tmp_path: Path) -> None:
    path = tmp_path / "latin.rq"
    path.write_bytes(b"# title: Spend\nSELECT * WHERE { ?s ?p '\xa3' }\n")
    case.fails(
        case.query(path),
        f"{path}: cannot read the query file ('utf-8' codec can't decode byte 0xa3 in position "
        "39: invalid start byte)",
    )


def test_missing_parameter(case, rq: Path) -> None:
    case.fails(case.query(rq), f"{rq}: missing parameter year (year): add --param year=VALUE")


def test_ill_typed_parameter(case, rq: Path) -> None:
    case.fails(
        case.query(rq, "--param", "year=last year"),
        f"{rq}: parameter year='last year' is not a year (e.g. 2019)",
    )


def test_parameter_that_is_not_an_iri(case) -> None:
    case.fails(
        case.query("findings_for_theme", "--param", "theme=workforce"),
        "query findings_for_theme: parameter theme='workforce' is not an IRI (write <https://…>, "
        "https://… or a prefixed name such as id:theme/workforce)",
    )


def test_unknown_parameter(case, rq: Path) -> None:
    case.fails(
        case.query(rq, "--param", "year=2019", "--param", "colour=red"),
        f"{rq}: unknown parameter 'colour'; its parameters are: year",
    )


def test_parameter_without_a_value(case, rq: Path) -> None:
    case.fails(
        case.query(rq, "--param", "year"),
        "--param 'year': write name=value, e.g. --param year=2019",
    )


def test_unknown_format(case) -> None:
    case.fails(
        case.query("named_graphs", "--format", "xml"),
        "--format 'xml' is not one of: table, csv, tsv, json",
        code=2,
    )


def test_no_query_given(case) -> None:
    case.fails(
        case.query(),
        "give a query name, a .rq file or --sparql TEXT (`cskg query --list` lists the named "
        "queries)",
    )


# --- the query text is untrusted: nothing beyond the local, read-only graph --------------


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        (
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "SERVICE at line 1, column {col} is refused: queries run on the local graph only "
            "(no federated queries)",
        ),
        (
            "select * where { service <http://127.0.0.1:7878/query> { ?s ?p ?o } }",
            "SERVICE at line 1, column {col} is refused: queries run on the local graph only "
            "(no federated queries)",
        ),
        (
            "LOAD <http://example.org/x.ttl>",
            "LOAD at line 1, column {col} is refused: the graph is read-only (no LOAD or other "
            "updates)",
        ),
        (
            "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            "INSERT at line 1, column {col} is refused: the graph is read-only (no LOAD or other "
            "updates)",
        ),
        (
            "DROP ALL",
            "DROP at line 1, column {col} is refused: the graph is read-only (no LOAD or other "
            "updates)",
        ),
        (
            "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
            "FROM <file:///etc/passwd> at line 1, column {col} is refused: FROM may name only "
            "this graph's own named graphs (see `cskg query named_graphs`)",
        ),
        (
            "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "FROM NAMED <http://example.org/g> at line 1, column {col} is refused: FROM may "
            "name only this graph's own named graphs (see `cskg query named_graphs`)",
        ),
    ],
    ids=["service", "service-lower-case", "load", "insert", "drop", "from-file", "from-named"],
)
def test_query_reaching_beyond_the_graph_is_refused(case, text: str, refused: str) -> None:
    keyword = refused.split(" at line")[0].split()[0]
    column = text.upper().index(keyword) + 1
    case.fails(case.query("--sparql", text), f"--sparql: {refused.format(col=column)}")


def test_service_inside_a_string_is_only_text(case) -> None:
    # the keyword in a literal is data, not an operation
    result = case.query("--sparql", 'SELECT ("SERVICE LOAD" AS ?x) WHERE {}', "--format", "csv")
    assert case.succeeds(result) == []
    assert result.stdout.splitlines()[1] == "SERVICE LOAD"
    case.untouched()


# --- the built graph itself is damaged ----------------------------------------------------


def test_store_folder_missing(case) -> None:
    shutil.rmtree(case.out / "store")
    case.before = case.snapshot(case.out)
    case.fails(
        case.query("named_graphs"),
        f"{case.out / 'store'}: no query store; run `cskg build` first",
    )


def test_other_commands_refuse_an_out_that_is_a_file(case, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    for command in (["query", "named_graphs"], ["recurring"], ["export"]):
        result = case.run(*command, "--out", notes)
        case.fails(result, f"{notes}: is a file, not an output folder; choose another --out")
    assert notes.read_text() == "my notes\n"


def test_export_unknown_format(case) -> None:
    case.fails(
        case.run("export", "--format", "xml", "--out", case.out),
        "--format 'xml' is not one of: ttl, trig, nt, nq, jsonld, graphml",
        code=2,
    )


def test_store_damaged(case) -> None:
    for sst in (case.out / "store").glob("*.sst"):
        with sst.open("r+b") as fh:
            fh.truncate(100)  # a copy cut short, a full disk
    case.before = case.snapshot(case.out)
    result = case.query("named_graphs")
    case.failed(result)
    assert result.stderr.startswith(
        f"Error: {case.out / 'store'}: cannot open the query store ("
    ), result.stderr
    assert result.stderr.count("\n") == 1
    case.untouched()
