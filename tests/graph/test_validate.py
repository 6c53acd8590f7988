"""`cskg validate` and graph/validate.py: SHACL results in plain words; exit 0, 1 or 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from typer.testing import CliRunner

from cskg.cli.app import app
from cskg.graph.validate import Violation, validate_quads, validate_triples

runner = CliRunner()
CSKG = "https://w3id.org/childrens-services-kg/ontology#"
ID = "https://w3id.org/childrens-services-kg/id/"


ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of a one-document corpus: quick to validate."""
    from cskg.graph.pipeline import build

    base = tmp_path_factory.mktemp("small")
    (base / "corpus").mkdir()
    shutil.copy(ROOT / "corpus" / "000_4b6353ed468da645.txt", base / "corpus")
    return build(base / "corpus", base / "build").out


@pytest.fixture
def copy(small: Path, tmp_path: Path) -> Path:
    """A copy of the small build, free to damage."""
    out = tmp_path / "build"
    shutil.copytree(small, out)
    return out


def _break_a_finding(out: Path) -> tuple[str, str]:
    """Drop one finding's year and give it a polarity that is not a concept; (id, graph)."""
    store = ox.Store(str(out / "store"))
    year, polarity = ox.NamedNode(CSKG + "year"), ox.NamedNode(CSKG + "polarity")
    q = next(
        q for q in store.quads_for_pattern(None, year, None, None) if "/finding/" in q.subject.value
    )
    store.remove(q)
    p = next(iter(store.quads_for_pattern(q.subject, polarity, None, q.graph_name)))
    store.remove(p)
    store.add(ox.Quad(q.subject, polarity, ox.Literal("weak"), q.graph_name))
    store.flush()
    del store
    return q.subject.value.removeprefix(ID), q.graph_name.value.removeprefix(ID + "graph/")


def test_violations_name_node_rule_and_document(copy: Path) -> None:
    finding, document = _break_a_finding(copy)
    result = runner.invoke(app, ["validate", "--out", str(copy)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == [
        f"{finding} (polarity): A Finding must have exactly one polarity (cskg:polarity): "
        f"cskg:Strength, cskg:Weakness or cskg:Neutral. [in {document}]",
        f"{finding} (year): A Finding must have exactly one year (cskg:year), a whole number: "
        f"the year of the assessment that made it. [in {document}]",
    ]
    assert result.stderr == "2 violation(s).\n"


def test_error_is_exit_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    result = runner.invoke(app, ["validate", "--out", str(notes)])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: {notes}: is a file, not an output folder; choose another --out\n"
    )
    assert result.stdout == ""


def test_missing_store_is_exit_2(copy: Path) -> None:
    shutil.rmtree(copy / "store")
    result = runner.invoke(app, ["validate", "--out", str(copy)])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: {copy / 'store'}: no query store; run `cskg build` first\n"


PREFIXES = f"""
@base <{ID}> .
@prefix cskg: <{CSKG}> .
"""


def _triples(turtle: str) -> list[tuple]:
    return list(Graph().parse(data=PREFIXES + turtle, format="turtle"))


def test_year_as_text_is_a_violation() -> None:
    violations = validate_triples(
        _triples('<finding/f> a cskg:Finding ; cskg:year "2019" ; cskg:text "x" .')
    )
    years = [v for v in violations if v.focus == "finding/f" and v.path == "year"]
    assert years, violations
    assert all(isinstance(v, Violation) and "\n" not in v.line() for v in violations)


def test_quads_name_their_graph() -> None:
    graph = URIRef(ID + "graph/minutes-2020")
    triples = _triples('<finding/f> a cskg:Finding ; cskg:text "x" .')
    violations = validate_quads([(s, p, o, graph) for s, p, o in triples])
    assert violations
    assert {v.graph for v in violations} == {"minutes-2020"}
    assert all(v.line().endswith(" [in minutes-2020]") for v in violations)


def test_hoisted_property_shapes_report_what_nested_ones_do(small: Path) -> None:
    # validation targets property shapes directly (fast in pySHACL); on a graph damaged in
    # many ways it reports exactly the violations of shapes.ttl as written
    from rdflib import Literal

    from cskg.graph.validate import _run, _shapes
    from cskg.ontology import shapes_path

    store = ox.Store.read_only(str(small / "store"))
    triples = []
    for i, q in enumerate(store.quads_for_pattern(None, None, None, None)):
        if q.graph_name.value.endswith("graph/ontology"):
            continue
        s, p = URIRef(q.subject.value), URIRef(q.predicate.value)
        o = (
            URIRef(q.object.value)
            if isinstance(q.object, ox.NamedNode)
            else Literal(
                q.object.value,
                lang=q.object.language,
                datatype=None if q.object.language else URIRef(q.object.datatype.value),
            )
        )
        if i % 7 == 0:
            continue  # a missing value
        if i % 11 == 0:
            o = Literal("not what the rule wants")  # a wrong kind of value
        if i % 13 == 0:
            triples.append((s, p, o))  # a second value where one is allowed
            o = Literal(f"second {i}")
        triples.append((s, p, o))
    nested = Graph().parse(shapes_path(), format="turtle")

    def seen(violations: list[Violation]) -> set[tuple[str, str, str]]:
        return {(v.focus, v.path, v.message) for v in violations}

    found = seen(_run(triples, _shapes(), ""))
    assert len(found) > 50  # the damage is visible
    assert found == seen(_run(triples, nested, ""))


def test_parallel_validation_reports_what_one_process_does(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cskg.graph import validate as v
    from cskg.graph.pipeline import _to_rdflib

    store = ox.Store.read_only(str(small / "store"))
    quads = [
        tuple(_to_rdflib(t) for t in (q.subject, q.predicate, q.object, q.graph_name))
        for i, q in enumerate(store.quads_for_pattern(None, None, None, None))
        if i % 9  # every ninth quad missing: many violations, in several pieces
    ]
    monkeypatch.setattr(v, "BATCH_TRIPLES", 500)  # many document batches
    monkeypatch.setattr(v, "PARALLEL_TRIPLES", 10**9)
    alone = validate_quads(quads)
    monkeypatch.setattr(v, "PARALLEL_TRIPLES", 0)
    assert len(alone) > 20
    assert validate_quads(quads) == alone


def _memory_state(g: Graph) -> dict:
    store = g.store
    names = ("spo", "pos", "osp", "tripleContexts", "contextTriples", "defaultContexts")
    return {n: getattr(store, f"_Memory__{n}") for n in names}


def test_data_graph_fills_the_store_as_graph_add_does(small: Path) -> None:
    # data_graph fills rdflib's Memory store directly: every index and the record of the
    # graph's context must be what Graph.add makes (a release of rdflib that changes its
    # store fails here); triples repeated, as the shared context is in every batch
    from cskg.graph.validate import data_graph

    store = ox.Store.read_only(str(small / "store"))
    triples = sorted({_rdflib(q) for q in store.quads_for_pattern(None, None, None, None)})[:3000]
    triples += triples[:100]
    made, added = data_graph(triples), Graph()
    for t in triples:
        added.add(t)
    assert len(made) == len(added) == len(set(triples))
    key = f"{type(added.identifier).__name__}:{added.identifier}"
    mine = _memory_state(made)
    theirs = _memory_state(added)
    for n in ("spo", "pos", "osp", "tripleContexts"):
        assert mine[n] == theirs[n], n
    ctx = f"{type(made.identifier).__name__}:{made.identifier}"
    assert mine["contextTriples"][None] == theirs["contextTriples"][None]
    assert mine["contextTriples"][ctx] == theirs["contextTriples"][key]
    assert mine["defaultContexts"] == {ctx: False, None: False}
    assert theirs["defaultContexts"] == {key: False, None: False}
    assert list(made.store.contexts()) == [made]
    s, p, o = triples[0]
    assert set(made.triples((s, None, None))) == set(added.triples((s, None, None)))
    assert set(made.triples((None, p, o))) == set(added.triples((None, p, o)))
    assert len(data_graph([])) == 0


def _rdflib(q: ox.Quad) -> tuple:
    from cskg.graph.pipeline import _to_rdflib

    return (_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object))
