"""queries/compare_neighbours.rq, and the councils' identifiers and neighbours in the graph.

The corpus is the embedded Medway documents that carry a date (without their manifest, whose
default council would claim every file) plus Norfolk's 2013 report: Norfolk is one of Medway's ten
statistical neighbours, so its weaknesses count against Medway's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cskg.graph.pipeline import build
from cskg.graph.store import open_store
from cskg.queries import load_query, run_query

ROOT = Path(__file__).resolve().parents[2]
NORFOLK = ROOT / "tests" / "fixtures" / "pdf" / "norfolk-lac-2013.pdf"


@pytest.fixture(scope="module")
def two_councils(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("neighbours")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for path in (ROOT / "corpus").glob("*.txt"):
        if not path.name.startswith("001_"):  # scrutiny minutes that print no date
            shutil.copy(path, corpus / path.name)
    shutil.copy(NORFOLK, corpus / NORFOLK.name)
    return build(corpus, tmp / "build").out


def _rows(out: Path, **params: str) -> list[dict[str, str]]:
    result = run_query(load_query("compare_neighbours"), params, store=open_store(out))
    return result.values()


def test_councils_carry_their_identifiers_and_neighbours(two_councils: Path) -> None:
    store = open_store(two_councils)
    rows = store.query(
        """PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?gss ?urn ?region WHERE {
          ?la a cskg:LocalAuthority ; rdfs:label ?name ; cskg:gssCode ?gss ;
              cskg:ofstedURN ?urn ; cskg:region ?region .
          FILTER(?name IN ("Medway", "Norfolk")) }""",
        use_default_graph_as_union=True,
    )
    got = {tuple(r[v].value for v in ("name", "gss", "urn", "region")) for r in rows}
    assert got == {
        ("Medway", "E06000035", "80522", "South East"),
        ("Norfolk", "E10000020", "80418", "East of England"),
    }
    neighbours = store.query(
        """PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?n WHERE { ?la rdfs:label "Medway" ; cskg:statisticalNeighbour/rdfs:label ?n }""",
        use_default_graph_as_union=True,
    )
    names = {r["n"].value for r in neighbours}
    assert len(names) == 10
    assert {"Norfolk", "Kent", "Bexley"} <= names


def test_medway_against_its_neighbours(two_councils: Path) -> None:
    rows = _rows(two_councils, council="Medway")
    assert rows
    assert {r["council"] for r in rows} == {"Medway"}
    assert {r["neighbours_in_corpus"] for r in rows} == {"1"}
    shared = [r for r in rows if r["neighbours"] == "1"]
    assert shared, "Norfolk 2013 raised none of Medway's recurring weaknesses"
    for r in shared:
        assert r["neighbour_years"].startswith("Norfolk ")
        assert int(r["years"]) >= 2
        # Norfolk's 2013 inspection, and the 2011 one its report recalls
        assert 1 <= int(r["neighbour_assessments"]) <= int(r["of_neighbour_assessments"]) == 2
    # themes are ordered by how many neighbours share them
    assert [r["neighbours"] for r in rows] == sorted(
        (r["neighbours"] for r in rows), key=int, reverse=True
    )


def test_the_comparison_runs_from_either_council(two_councils: Path) -> None:
    # Medway is one of Norfolk's neighbours too; Norfolk has one report (2013, recalling 2011)
    rows = _rows(two_councils, council="Norfolk", min_years="1")
    assert rows
    assert {r["neighbours_in_corpus"] for r in rows} == {"1"}
    assert any(r["neighbour_years"].startswith("Medway ") for r in rows)


def test_every_council_when_none_is_given(two_councils: Path) -> None:
    assert {r["council"] for r in _rows(two_councils, min_years="1")} == {"Medway", "Norfolk"}


def test_cskg_recurring_compare(two_councils: Path) -> None:
    from typer.testing import CliRunner

    from cskg.cli.app import app

    runner = CliRunner()
    out = ["--out", str(two_councils)]
    result = runner.invoke(app, ["recurring", "--compare", "Medway", "-f", "csv", *out])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "council,theme,label,years,council_years,neighbours_in_corpus,"
        "neighbours,neighbour_assessments,of_neighbour_assessments,"
        "neighbour_years,min_years"
    )
    assert any(",Norfolk " in line for line in lines[1:])
    result = runner.invoke(app, ["recurring", "--compare", "Nowhere", *out])
    assert result.exit_code == 1
    assert result.output == (
        "Error: 'Nowhere' raised no theme as a weakness in 2 or more assessment years; "
        "`cskg query compare_neighbours` lists the councils\n"
    )
    result = runner.invoke(app, ["recurring", "--compare", "Medway", "--since", "2019", *out])
    assert result.exit_code == 2
    assert result.output == "Error: --since cannot be combined with --compare\n"
