"""The query safety rules: SERVICE, LOAD and updates, FROM outside the graph are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cskg.errors import QueryError
from cskg.queries.safety import check_query, rdflib_guard, tokens

G = "https://w3id.org/childrens-services-kg/id/graph/"
OURS = {G + "ontology", G + "themes"}

SAFE = [
    # a keyword inside a string literal, in every quoting style, does not count
    'SELECT * WHERE { ?s ?p "SERVICE <http://evil/> { }" }',
    "SELECT * WHERE { ?s ?p 'LOAD <http://evil/>' }",
    'SELECT * WHERE { ?s ?p """a\nSERVICE <http://evil/> {\n}""" }',
    "SELECT * WHERE { ?s ?p '''DROP ALL''' }",
    # an escaped quote does not end the string early
    r'SELECT * WHERE { ?s ?p "say \"SERVICE\" twice" }',
    # comments, IRIs, variables, prefixed names and language tags are not keywords
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://evil/> { }",
    "# INSERT DATA { <a> <b> <c> }\nSELECT * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE#load> ?o }",
    "SELECT ?service ?load WHERE { ?service ?drop ?load }",
    "PREFIX service: <http://x/> SELECT * WHERE { ?s service:load ?o }",
    "PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:from ex:SERVICE }",
    'SELECT * WHERE { ?s ?p "x"@service }',
    # FROM naming the graph's own named graphs is fine, however it is written
    f"SELECT * FROM <{G}ontology> WHERE {{ ?s ?p ?o }}",
    f"SELECT * FROM NAMED <{G}themes> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    f"PREFIX g: <{G}> SELECT * FROM g:ontology WHERE {{ ?s ?p ?o }}",
    f"BASE <{G}> SELECT * FROM <themes> WHERE {{ ?s ?p ?o }}",
    # less-than is not an IRI
    "SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?o > 1) }",
]

REFUSED = [
    # (query, the start of the message after "query: ")
    ("SELECT * WHERE { SERVICE <http://evil/> { ?s ?p ?o } }", "SERVICE at line 1, column 18"),
    ("select * where { service <http://evil/> { ?s ?p ?o } }", "SERVICE at line 1, column 18"),
    ("SELECT * WHERE {\n  Service\n<http://evil/> { ?s ?p ?o } }", "SERVICE at line 2, column 3"),
    ("SELECT * WHERE { SERVICE SILENT <http://evil/> { ?s ?p ?o } }", "SERVICE at line 1"),
    ("SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }", "SERVICE at line 1"),
    ("SELECT*WHERE{SERVICE<http://evil/>{?s ?p ?o}}", "SERVICE at line 1, column 14"),
    ('SELECT * WHERE { ?s ?p "x" } # ok\nSERVICE', "SERVICE at line 2, column 1"),
    ("LOAD <http://evil/data.ttl>", "LOAD at line 1, column 1"),
    ("load <file:///etc/passwd> INTO GRAPH <http://x/>", "LOAD at line 1, column 1"),
    ("INSERT DATA { <http://a/> <http://b/> <http://c/> }", "INSERT at line 1"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE at line 1"),
    ("PREFIX ex: <http://x/>\nCLEAR ALL", "CLEAR at line 2"),
    ("DROP GRAPH <http://x/>", "DROP at line 1"),
    ("CREATE GRAPH <http://x/>", "CREATE at line 1"),
    ("ADD DEFAULT TO <http://x/>", "ADD at line 1"),
    ("MOVE <http://x/> TO <http://y/>", "MOVE at line 1"),
    ("COPY <http://x/> TO <http://y/>", "COPY at line 1"),
    ("SELECT * FROM <http://evil/data.ttl> WHERE { ?s ?p ?o }", "FROM <http://evil/data.ttl>"),
    ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM <file:///etc/passwd>"),
    (
        "SELECT * from named <http://evil/> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "FROM NAMED <http://evil/>",
    ),
    (
        "PREFIX ex: <http://evil/>\nSELECT * FROM\nex:data WHERE { ?s ?p ?o }",
        "FROM <http://evil/data> at line 2, column 10",
    ),
    (f"SELECT * FROM <{G}nope> WHERE {{ ?s ?p ?o }}", f"FROM <{G}nope>"),
    ("BASE <http://evil/> SELECT * FROM <x.ttl> WHERE { ?s ?p ?o }", "FROM <http://evil/x.ttl>"),
    # an unterminated string does not hide what follows it
    ('SELECT * WHERE { ?s ?p "open SERVICE <http://evil/> { } }', "SERVICE at line 1, column 30"),
]


@pytest.mark.parametrize("text", SAFE)
def test_safe_queries_pass(text: str) -> None:
    check_query(text, OURS)


@pytest.mark.parametrize(("text", "start"), REFUSED)
def test_unsafe_queries_are_refused(text: str, start: str) -> None:
    with pytest.raises(QueryError) as err:
        check_query(text, OURS)
    assert str(err.value).startswith(f"query: {start}"), str(err.value)
    assert "\n" not in str(err.value)


def test_message_names_the_rule() -> None:
    with pytest.raises(QueryError, match=r"local graph only \(no federated queries\)"):
        check_query("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", source="q")
    with pytest.raises(QueryError, match=r"^q: LOAD at .* the graph is read-only"):
        check_query("LOAD <http://x/>", source="q")
    with pytest.raises(QueryError, match=r"FROM may name only this graph's own named graphs"):
        check_query("SELECT * FROM <http://x/> { ?s ?p ?o }", source="q")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_inside_a_string_literal_is_data(text: str) -> None:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    escaped = escaped.replace("\r", "\\r")
    check_query(f'SELECT * WHERE {{ ?s ?p "{escaped}" }}', OURS)


@settings(max_examples=200, deadline=None)
@given(st.text().filter(lambda t: "\n" not in t and "\r" not in t))
def test_any_text_in_a_comment_is_ignored(text: str) -> None:
    check_query(f"SELECT * WHERE {{ ?s ?p ?o }} #{text}\n", OURS)


def test_tokens_keep_line_and_column() -> None:
    toks = [t for t in tokens('SELECT ?x\n  WHERE { ?x <a> "b" }') if t.kind != "ws"]
    assert [(t.kind, t.text, t.line, t.column) for t in toks[:4]] == [
        ("word", "SELECT", 1, 1),
        ("var", "?x", 1, 8),
        ("word", "WHERE", 2, 3),
        ("punct", "{", 2, 9),
    ]


# --- the engines --------------------------------------------------------------------------


def test_oxigraph_path_refuses_before_running(store: object) -> None:
    from cskg.queries import run_query

    with pytest.raises(QueryError, match="^--sparql: SERVICE at line 1"):
        run_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", store=store)


def test_oxigraph_does_not_expand_unicode_escapes_outside_strings(store: object) -> None:
    from cskg.queries import run_query

    # rdflib would read \u0053ERVICE as SERVICE; Oxigraph does not, so it is a syntax error
    with pytest.raises(QueryError, match="syntax error at line 1"):
        run_query(r"SELECT * { \u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", store=store)


@pytest.fixture(scope="module")
def dataset(built: Path) -> object:
    from cskg.queries import load_dataset

    return load_dataset(built)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE at line 1"),
        ("SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }", "FROM <http://127.0.0.1"),
        # rdflib expands \u escapes before parsing: the algebra walk still finds the SERVICE
        (r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "SERVICE is"),
        (r"SELECT * \u0046ROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }", "FROM <http"),
    ],
)
def test_rdflib_path_refuses(dataset: object, text: str, message: str) -> None:
    from cskg.queries import run_query

    with pytest.raises(QueryError) as err:
        run_query(text, engine="rdflib", dataset=dataset)
    assert message in str(err.value)


def test_rdflib_path_allows_our_named_graphs(dataset: object) -> None:
    from cskg.queries import run_query

    result = run_query(
        f"SELECT (COUNT(*) AS ?n) FROM <{G}themes> WHERE {{ ?s a ?c }}",
        engine="rdflib",
        dataset=dataset,
    )
    assert int(result.values()[0]["n"]) > 30


def test_rdflib_guard_switches_off_loading_and_service() -> None:
    import warnings

    import rdflib.plugins.sparql as sparql
    from rdflib import Dataset, Graph

    before = sparql.SPARQL_LOAD_GRAPHS
    with rdflib_guard():
        assert sparql.SPARQL_LOAD_GRAPHS is False
        # no check_query here: the guard alone stops rdflib from calling the endpoint
        with pytest.raises(QueryError, match="SERVICE is refused"):
            list(Graph().query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"))
        # FROM an unknown graph loads nothing (rdflib 7.6's Dataset warns about itself)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            rows = Dataset().query("SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }")
            assert list(rows) == []
    assert sparql.SPARQL_LOAD_GRAPHS is before
    assert "cskg-refuse-service" not in sparql.CUSTOM_EVALS
