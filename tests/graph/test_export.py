"""Export formats: each parses back to the graph, and the same build gives the same bytes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from cskg.errors import CskgError
from cskg.graph.export import FORMATS, export, export_to, rdf_format

ID = "https://w3id.org/childrens-services-kg/id/"


def _bytes(built: Path, store: Any, fmt: str) -> bytes:
    buf = io.BytesIO()
    export(built, fmt, buf, store=store)
    return buf.getvalue()


@pytest.fixture(scope="module")
def exported(built: Path, store: Any) -> dict[str, bytes]:
    return {fmt: _bytes(built, store, fmt) for fmt in FORMATS}


def _distinct_triples(store: Any) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in store}


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_triple_formats_are_the_union_as_one_graph(
    exported: dict[str, bytes], store: Any, fmt: str
) -> None:
    import pyoxigraph as ox

    parsed = list(ox.parse(exported[fmt], format=rdf_format(fmt)))
    got = {(str(t.subject), str(t.predicate), str(t.object)) for t in parsed}
    assert len(parsed) == len(got)  # a triple several documents state appears once
    assert got == _distinct_triples(store)


@pytest.mark.parametrize("fmt", ["trig", "nq", "jsonld"])
def test_quad_formats_keep_the_named_graphs(
    exported: dict[str, bytes], store: Any, fmt: str
) -> None:
    import pyoxigraph as ox

    parsed = list(ox.parse(exported[fmt], format=rdf_format(fmt)))
    assert {str(q) for q in parsed} == {str(q) for q in store}
    assert {q.graph_name.value for q in parsed} == {g.value for g in store.named_graphs()}


def test_turtle_uses_prefixes(exported: dict[str, bytes]) -> None:
    text = exported["ttl"].decode("utf-8")
    assert "@prefix cskg: <https://w3id.org/childrens-services-kg/ontology#> ." in text
    assert "cskg:Finding" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_build_same_bytes(
    built: Path, store: Any, exported: dict[str, bytes], fmt: str
) -> None:
    assert _bytes(built, store, fmt) == exported[fmt]


def test_graphml_projection(exported: dict[str, bytes]) -> None:
    import networkx as nx

    g = nx.read_graphml(io.BytesIO(exported["graphml"]))
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types >= {
        "Finding",
        "Theme",
        "Assessment",
        "Document",
        "Person",
        "Organisation",
        "Action",
    }
    assert all(d["label"] for _, d in g.nodes(data=True))
    theme = g.nodes[ID + "theme/caseloads"]
    assert theme == {
        "label": "Caseloads and workload",
        "type": "Theme",
        "iri": ID + "theme/caseloads",
    }
    doc = g.nodes[ID + "document/ofsted-ilacs-2023-report"]
    assert doc["type"] == "Document" and doc["date"] == "2023-09-11"
    props = {d["property"] for _, _, d in g.edges(data=True)}
    assert props >= {
        "cskg:theme",
        "cskg:fromAssessment",
        "cskg:reportedIn",
        "cskg:responsible",
        "skos:broader",
        "prov:wasDerivedFrom/cskg:inDocument",
    }
    # every finding links to its assessment and to the documents quoting it
    for node, d in g.nodes(data=True):
        if d["type"] == "Finding":
            out = {e["property"] for _, _, e in g.out_edges(node, data=True)}
            assert {"cskg:fromAssessment", "prov:wasDerivedFrom/cskg:inDocument"} <= out
            assert isinstance(d["year"], int) and d["polarity"].startswith("cskg:")


def test_unknown_format(built: Path, store: Any) -> None:
    with pytest.raises(CskgError) as err:
        export(built, "xml", io.BytesIO(), store=store)
    assert str(err.value) == "unknown export format 'xml'; use one of: " + ", ".join(FORMATS)


def test_export_to_a_file_is_all_or_nothing(built: Path, tmp_path: Path) -> None:
    target = tmp_path / "graph.nt"
    n = export_to(built, "nt", target, io.BytesIO())
    assert n > 1000 and target.read_bytes().count(b"\n") == n
    assert not list(tmp_path.glob(".*.part"))
    with pytest.raises(CskgError, match="cannot write"):
        export_to(built, "nt", tmp_path / "no" / "such" / "dir.nt", io.BytesIO())
