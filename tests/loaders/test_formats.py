"""End to end, one real Ofsted PDF of each format: a folder holding it, no manifest, `cskg build`.

Each build must get the document's council and type, its assessment (the year of the
inspection dates, not of publication; the dates themselves), every grade exactly, and put
grades that the report only recalls from an earlier inspection on that earlier assessment.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cskg.cli.app import app
from cskg.graph.pipeline import BuildResult, build
from cskg.graph.store import open_store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
FAKE = "birmingham-not-a-pdf-2012.pdf"

RI = "Requires improvement to be good"
LEADERS = "The impact of leaders on social work practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
IN_CARE = "The experiences and progress of children in care"
LEAVERS = "The experiences and progress of care leavers"
OVERALL = "Overall effectiveness"


@dataclass(frozen=True)
class Case:
    council: str
    doc_type: str
    date: str  # the document's: publication or letter date, else the inspection's last day
    kind: str
    start: str
    end: str
    grades: dict[str, str]
    # (year, area, grade, words of the statement) an earlier inspection is recalled with
    prior: tuple[tuple[int, str, str, str], ...] = ()


CASES = {
    "norfolk-lac-2013.pdf": Case(
        "Norfolk",
        "inspection report",
        "2013-08-16",
        "inspection",
        "2013-07-08",
        "2013-07-12",
        {
            OVERALL: "Inadequate",
            "Capacity to improve": "Inadequate",
            "Outcomes for looked after children and young people": "Inadequate",
            "Quality of provision": "Inadequate",
            "Leadership and management": "Inadequate",
        },
        ((2011, OVERALL, "Adequate", "judged overall effectiveness of services"),),
    ),
    "peterborough-sif-2015.pdf": Case(
        "Peterborough",
        "inspection report",
        "2015-09-18",
        "inspection",
        "2015-04-13",
        "2015-05-08",
        {
            OVERALL: RI,
            "Children who need help and protection": RI,
            "Children looked after and achieving permanence": RI,
            "Adoption performance": "Good",
            "Experiences and progress of care leavers": RI,
            "Leadership, management and governance": RI,
            "The effectiveness of the Local Safeguarding Children Board": "Good",
        },
    ),
    "newham-ilacs-2019.pdf": Case(
        "Newham",
        "inspection report",
        "2019-02-22",
        "inspection",
        "2019-02-11",
        "2019-02-22",
        {
            LEADERS: "Inadequate",
            HELP: RI,
            "The experiences and progress of children in care and care leavers": "Inadequate",
            OVERALL: "Inadequate",
        },
    ),
    "isles-of-scilly-ilacs-2023.pdf": Case(
        "Isles of Scilly",
        "inspection report",
        "2023-07-13",
        "inspection",
        "2023-07-11",
        "2023-07-13",
        {
            LEADERS: "Inadequate",
            HELP: "Inadequate",
            IN_CARE: RI,
            LEAVERS: RI,
            OVERALL: "Inadequate",
        },
    ),
    "trafford-ilacs-2026.pdf": Case(
        "Trafford",
        "inspection report",
        "2026-06-19",
        "inspection",
        "2026-06-08",
        "2026-06-19",
        {LEADERS: "Inadequate", HELP: "Inadequate", IN_CARE: "Good", LEAVERS: RI},
        # "Since the previous inspection in 2022, when services in Trafford were judged as
        # requires improvement to be good": 2022's grade, never 2026's
        ((2022, OVERALL, RI, "when services in Trafford were judged as"),),
    ),
    "darlington-focused-visit-2021.pdf": Case(
        "Darlington",
        "focused visit letter",
        "2021-11-30",
        "focused visit",
        "2021-10-26",
        "2021-10-27",
        {},
    ),
    "barnsley-focused-visit-2024.pdf": Case(
        "Barnsley",
        "focused visit letter",
        "2024-12-05",
        "focused visit",
        "2024-11-05",
        "2024-11-06",
        {},
        ((2023, IN_CARE, "Good", "of children in care was judged good"),),
    ),
}


def _corpus(root: Path, *names: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, root / name)
    return root


@pytest.fixture(scope="module", params=sorted(CASES))
def one(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    name = request.param
    tmp = tmp_path_factory.mktemp(Path(name).stem)
    result = build(_corpus(tmp / "corpus", name), tmp / "build")
    return name, CASES[name], result


def _own(case: Case, result: BuildResult):
    x = result.extraction
    own = [a for a in x.assessments if a.kind == case.kind and a.start_date == case.start]
    assert len(own) == 1, [(a.key, a.kind, a.start_date) for a in x.assessments]
    return own[0]


def test_document_type_date_and_council(one) -> None:
    name, case, result = one
    (doc,) = result.extraction.documents
    assert (doc.council, doc.doc_type, doc.date, doc.publisher) == (
        case.council,
        case.doc_type,
        case.date,
        "Ofsted",
    )
    assert doc.path == f"corpus/{name}"


def test_assessment_year_and_dates_are_the_inspections(one) -> None:
    _, case, result = one
    a = _own(case, result)
    assert a.year == int(case.start[:4])  # not the year of publication
    assert (a.start_date, a.end_date) == (case.start, case.end)
    assert a.local_authority == case.council
    assert a.conducted_by == "ofsted"
    assert a.reported_in == (result.extraction.documents[0].id,)
    # the findings the report makes are the inspection's, with its year
    own_findings = [f for f in result.extraction.findings if f.assessment == a.key]
    assert own_findings
    assert {f.year for f in own_findings} == {a.year}


def test_every_grade_exactly(one) -> None:
    _, case, result = one
    a = _own(case, result)
    got = {j.domain: j.grade for j in result.extraction.judgements if j.assessment == a.key}
    assert got == case.grades
    assert len([j for j in result.extraction.judgements if j.assessment == a.key]) == len(got)


def test_recalled_grades_go_to_the_earlier_assessment(one) -> None:
    _, case, result = one
    x = result.extraction
    a = _own(case, result)
    years = {b.key: b.year for b in x.assessments}
    for year, area, grade, words in case.prior:
        hits = [j for j in x.judgements if words in " ".join(j.excerpt.quote.split())]
        assert hits, words
        for j in hits:
            assert j.assessment != a.key
            assert (years[j.assessment], j.domain, j.grade) == (year, area, grade)
    # and nothing this assessment is graded on comes from a sentence about another one
    for j in x.judgements:
        if j.assessment == a.key:
            assert not any(words in j.excerpt.quote for *_, words in case.prior)


def test_offsets_are_exact_in_the_text_the_build_wrote(one) -> None:
    _, _, result = one
    out = result.out
    (doc,) = result.extraction.documents
    text = (out / "text" / f"{doc.id}.txt").read_text(encoding="utf-8")
    assert text == doc.text
    rows = open_store(out).query(
        """PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
        SELECT ?q ?s ?e WHERE { ?x a cskg:Excerpt ; cskg:quote ?q ; cskg:start ?s ; cskg:end ?e }
        """,
        use_default_graph_as_union=True,
    )
    n = 0
    for r in rows:
        assert text[int(r["s"].value) : int(r["e"].value)] == r["q"].value
        n += 1
    assert n > 20
    for j in result.extraction.judgements:
        assert text[j.excerpt.start : j.excerpt.end] == j.excerpt.quote


def test_grades_in_the_graph(one) -> None:
    _, case, result = one
    a = _own(case, result)
    rows = open_store(result.out).query(
        """PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?area ?grade ?year WHERE {
          ?j a cskg:Judgement ; cskg:ofAssessment ?a ; cskg:domain ?d ; cskg:grade ?g .
          ?a cskg:year ?year . ?d skos:prefLabel ?area . ?g skos:prefLabel ?grade }""",
        use_default_graph_as_union=True,
    )
    own = {(r["area"].value, r["grade"].value) for r in rows if int(r["year"].value) == a.year}
    assert own == set(case.grades.items())


runner = CliRunner()


def test_keep_going_skips_the_fake_pdf_with_a_warning(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", "darlington-focused-visit-2021.pdf", FAKE)
    result = runner.invoke(
        app, ["build", "--corpus", str(corpus), "--out", str(tmp_path / "b"), "--keep-going"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"Warning: skipped {corpus / FAKE}: is not a PDF (it looks like an HTML page)" in lines
    assert lines[-1].endswith("; skipped 1 broken file(s)")
    assert " 1 documents," in lines[-1]


def test_without_keep_going_the_fake_pdf_stops_the_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", "darlington-focused-visit-2021.pdf")
    out = tmp_path / "b"
    first = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(out)])
    assert first.exit_code == 0, first.output
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    shutil.copy(FIXTURES / FAKE, corpus / FAKE)
    result = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(out)])
    assert result.exit_code == 1
    assert result.output == (f"Error: {corpus / FAKE}: is not a PDF (it looks like an HTML page)\n")
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_reading_in_parallel_keeps_file_order_and_errors(tmp_path: Path) -> None:
    from cskg.errors import DocumentError
    from cskg.graph.pipeline import read_all
    from cskg.loaders.corpus import plan

    corpus = _corpus(tmp_path / "corpus", *sorted(CASES), FAKE)
    _, specs, _ = plan(corpus)
    assert len(specs) == 8  # enough to read in worker processes
    serial = list(read_all(corpus, specs, lambda _m: None, workers=1))
    parallel = list(read_all(corpus, specs, lambda _m: None, workers=2))
    assert [type(x) for x in parallel] == [type(x) for x in serial]
    assert [str(x) if isinstance(x, DocumentError) else x for x in parallel] == [
        str(x) if isinstance(x, DocumentError) else x for x in serial
    ]
    assert [s.file for s, x in zip(specs, serial, strict=True) if isinstance(x, DocumentError)] == [
        FAKE
    ]


@pytest.mark.slow
def test_a_parallel_build_is_byte_identical_to_a_serial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = [
        "darlington-focused-visit-2021.pdf",
        "barnsley-focused-visit-2024.pdf",
        "isles-of-scilly-ilacs-2023.pdf",
        "newham-ilacs-2019.pdf",
    ]
    corpus = _corpus(tmp_path / "corpus", *small, FAKE)
    for name in small:  # the same reports under other names: eight documents to share out
        shutil.copy(FIXTURES / name, corpus / f"copy-{name}")
    parallel = build(corpus, tmp_path / "parallel", keep_going=True)
    monkeypatch.setattr("cskg.graph.pipeline.os.cpu_count", lambda: 1)
    serial = build(corpus, tmp_path / "serial", keep_going=True)
    assert parallel.counts["documents"] == serial.counts["documents"] == 8
    assert parallel.skipped == serial.skipped == (FAKE,)
    for name in ("graph.trig", "graph.html"):
        assert (parallel.out / name).read_bytes() == (serial.out / name).read_bytes(), name
