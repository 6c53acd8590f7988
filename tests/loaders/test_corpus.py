"""loaders/corpus.py: the corpus folder, its manifest, and what each document is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cskg.errors import DocumentError, ManifestError
from cskg.loaders.corpus import (
    DocumentSpec,
    check_date,
    corpus_files,
    document_id,
    load_document,
    load_manifest,
    plan,
    sha256,
)

ROOT = Path(__file__).resolve().parent.parent.parent
CABINET = ROOT / "corpus" / "000_4b6353ed468da645.txt"


def _manifest(root: Path, text: str) -> Path:
    root.mkdir(exist_ok=True)
    (root / "manifest.yaml").write_text(text, encoding="utf-8")
    return root


def test_embedded_manifest() -> None:
    m = load_manifest(ROOT / "corpus")
    assert m.present and m.council == "Medway"
    assert len(m.documents) == 5
    assert {d.date for d in m.documents} >= {"2023-09-26", "2020", "2019-12"}
    ilacs = next(a for a in m.assessments if a.key == "ofsted-ilacs-2019")
    # dates stay text as written, never datetime.date
    assert (ilacs.year, ilacs.start_date, ilacs.end_date) == (2019, "2019-07-15", "2019-07-26")


def test_corpus_files_are_sorted_and_filtered(tmp_path: Path) -> None:
    # (a README describes the folder: "README.md" beside a folder of reports is no report)
    names = ("b.TXT", "a.md", "c.pdf", "d.html", "e.htm", ".hidden.txt", "f.docx", "g", "README.md")
    for name in names:
        (tmp_path / name).write_text("x")
    assert [p.name for p in corpus_files(tmp_path)] == ["a.md", "b.TXT", "c.pdf", "d.html", "e.htm"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such corpus folder"),
        (lambda p: p.write_text("x"), "is not a folder"),
    ],
    ids=["missing", "file"],
)
def test_corpus_folder_errors(tmp_path: Path, make, message: str) -> None:  # noqa: ANN001
    root = tmp_path / "corpus"
    make(root)
    with pytest.raises(DocumentError) as err:
        corpus_files(root)
    assert str(err.value) == f"{root}: {message}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", "2019"),
        ("2019-07", "2019-07"),
        ("2019-07-15", "2019-07-15"),
        (2020, "2020"),  # YAML reads a bare year as an int
        (" 2019-07-15 ", "2019-07-15"),
        ("2024-02-29", "2024-02-29"),  # a leap day
    ],
)
def test_check_date_accepts(value: object, expected: str) -> None:
    assert check_date(value, "here") == expected


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2023-02-30", "date '2023-02-30' does not exist (day is out of range for month)"),
        ("2023-02-29", "date '2023-02-29' does not exist (day is out of range for month)"),
        ("2023-13", "date '2023-13' does not exist (month must be in 1..12)"),
        ("2023-00-10", "date '2023-00-10' does not exist (month must be in 1..12)"),
        ("2023-07-00", "date '2023-07-00' does not exist (day is out of range for month)"),
        ("0000", "date '0000' does not exist (year 0 is out of range)"),
        ("15/07/2019", "date '15/07/2019' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("July 2019", "date 'July 2019' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2019-7-5", "date '2019-7-5' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "date '' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_check_date_refuses(value: str, problem: str) -> None:
    with pytest.raises(ManifestError) as err:
        check_date(value, "here")
    assert str(err.value) == f"here: {problem}"


def test_absent_manifest_is_empty(tmp_path: Path) -> None:
    m = load_manifest(tmp_path)
    assert (m.present, m.documents, m.assessments) == (False, (), ())


def test_manifest_dates_are_text(tmp_path: Path) -> None:
    # PyYAML would turn these into datetime.date (and 2023-02-30 into a ValueError)
    shutil.copy(CABINET, tmp_path / "a.txt")
    root = _manifest(
        tmp_path,
        "assessments:\n  v:\n    year: 2019\n    start: 2019-02-05\n    end: 2019-02-06\n"
        "documents:\n  - id: a\n    file: a.txt\n    date: 2019-03-05\n    assessments: [v]\n",
    )
    m = load_manifest(root)
    assert m.documents[0].date == "2019-03-05"
    assert (m.assessments[0].start_date, m.assessments[0].end_date) == ("2019-02-05", "2019-02-06")


A = "documents:\n  - id: a\n    file: a.txt\n"  # one good entry, to add a line to


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("documents: [", "malformed YAML at line 1, column 13: expected the node content"),
        ("", "is empty; list the documents under 'documents:' or delete it"),
        ("- a.txt\n", "must be a mapping with a 'documents' list"),
        ("council: Medway\n", "'documents' must be a list"),
        ("documents: a.txt\n", "'documents' must be a list"),
        ("documents: !!binary YWJj\n", "'documents' must be a list"),
        ("documents: &d [*d]\n", "document 1: must be a mapping with id and file"),
        (
            "assessments: [a]\ndocuments: []\n",
            "'assessments' must be a mapping of key to assessment",
        ),
        ("assessments:\n  v: 2019\ndocuments: []\n", "assessment 'v' must be a mapping"),
        (
            "assessments:\n  v:\n    year: '2019'\ndocuments: []\n",
            "assessment 'v' needs a year such as 2019",
        ),
        (
            "assessments:\n  v:\n    year: 2019\n    start: 2019-07-26\n    end: 2019-07-15\n"
            "documents: []\n",
            "assessment 'v' ends before it starts",
        ),
        ("documents:\n  - file: a.txt\n", "document 1: missing 'id'"),
        ("documents:\n  - id: a\n", "document 'a': missing 'file'"),
        (
            "documents:\n  - id: a\n    file: [a.txt]\n",
            "document 'a': 'file' must be text, not list",
        ),
        (
            "documents:\n  - id: -a\n    file: a.txt\n",
            "document '-a': id must be lower-case letters, digits and '-'",
        ),
        (
            "documents:\n  - id: a\n    file: sub/a.txt\n",
            "document 'a': file 'sub/a.txt' must be a file name in the corpus folder",
        ),
        (
            "documents:\n  - id: a\n    file: .a.txt\n",
            "document 'a': file '.a.txt' must be a file name in the corpus folder",
        ),
        (
            "documents:\n  - id: a\n    file: b.txt\n",
            "document 'a': file 'b.txt' does not exist in {root}",
        ),
        (
            A + "    assessments: v\n",
            "document 'a': 'assessments' must be a list of assessment keys",
        ),
        (
            A + "    date: 2019-02-29\n",
            "document 'a': date '2019-02-29' does not exist (day is out of range for month)",
        ),
        (
            A + "    date: 2019-02-28 10:00:00\n",
            "document 'a': date '2019-02-28 10:00:00' is not YYYY, YYYY-MM or YYYY-MM-DD",
        ),
    ],
)
def test_manifest_errors(tmp_path: Path, text: str, problem: str) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("x")
    _manifest(root, text)
    with pytest.raises(ManifestError) as err:
        load_manifest(root)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{root / 'manifest.yaml'}: {problem.format(root=root)}")


def test_manifest_too_big(tmp_path: Path) -> None:
    with (tmp_path / "manifest.yaml").open("wb") as fh:
        fh.truncate(20_000_000)
    with pytest.raises(ManifestError, match="is 20,000,000 bytes; a manifest is a short YAML"):
        load_manifest(tmp_path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_4b6353ed468da645.txt", "000-4b6353ed468da645"),
        ("Medway ILACS 2019 (final).PDF", "medway-ilacs-2019-final"),
        ("___.txt", "document"),
        ("Évaluation.txt", "valuation"),
        ("x" * 120 + ".txt", "x" * 80),
    ],
)
def test_document_id(name: str, expected: str) -> None:
    assert document_id(Path(name)) == expected


def test_plan_warns_of_files_the_manifest_does_not_name(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "a-txt.md"):
        (tmp_path / name).write_text("x")
    _manifest(tmp_path, "documents:\n  - id: a\n    file: a.txt\n")
    manifest, specs, warnings = plan(tmp_path)
    assert [(s.id, s.file) for s in specs] == [
        ("a-txt", "a-txt.md"),
        ("a", "a.txt"),
        ("b", "b.txt"),
    ]
    assert warnings == [
        f"{tmp_path / 'a-txt.md'}: not in manifest.yaml; its details are inferred from its text",
        f"{tmp_path / 'b.txt'}: not in manifest.yaml; its details are inferred from its text",
    ]


def test_plan_gives_colliding_ids_a_suffix(tmp_path: Path) -> None:
    for name in ("Report.txt", "report.md"):
        (tmp_path / name).write_text("x")
    _, specs, warnings = plan(tmp_path)
    assert sorted(s.id for s in specs) == ["report", "report-x"]
    assert warnings == []  # no manifest: nothing to warn about


def test_load_document_takes_the_manifest_over_inference(tmp_path: Path) -> None:
    shutil.copy(CABINET, tmp_path / "c.txt")
    spec = DocumentSpec(id="c", file="c.txt", title="Given title", date="2023", council="Kent")
    doc = load_document(tmp_path, spec)
    assert (doc.title, doc.date, doc.council) == ("Given title", "2023", "Kent")
    assert doc.path == "corpus/c.txt"
    assert doc.sha256 == sha256(tmp_path / "c.txt")
    assert doc.text == CABINET.read_text(encoding="utf-8")


def test_a_fully_described_document_is_taken_as_the_manifest_says(tmp_path: Path) -> None:
    # every field given: its text is not searched for them (a rebuild of 500 such documents
    # spent most of its reading there)
    shutil.copy(CABINET, tmp_path / "c.txt")
    fields = {"title": "T", "doc_type": "minutes", "date": "2020-01-02"}
    fields |= {"publisher": "P", "council": "Kent"}
    spec = DocumentSpec(id="c", file="c.txt", **fields)
    assert spec.described
    doc = load_document(tmp_path, spec)
    got = (doc.title, doc.doc_type, doc.date, doc.publisher, doc.council)
    assert got == tuple(fields.values())
    for key in fields:
        assert not DocumentSpec(id="c", file="c.txt", **{**fields, key: ""}).described


def test_load_document_infers_what_the_manifest_leaves_out(tmp_path: Path) -> None:
    shutil.copy(CABINET, tmp_path / "c.txt")
    doc = load_document(tmp_path, DocumentSpec(id="c", file="c.txt"), require_date=True)
    assert doc.date.startswith("2023")
    assert doc.council == "Medway"


def test_a_build_needs_a_date(tmp_path: Path) -> None:
    (tmp_path / "n.txt").write_text("Notes of a meeting.\n\nMembers noted the report.\n")
    spec = DocumentSpec(id="n", file="n.txt")
    assert load_document(tmp_path, spec).date == ""  # a draft manifest shows it empty
    with pytest.raises(DocumentError) as err:
        load_document(tmp_path, spec, require_date=True)
    assert str(err.value) == (
        f"{tmp_path / 'n.txt'}: no date found in its text; give it one in "
        f"{tmp_path / 'manifest.yaml'} (`cskg manifest {tmp_path}` drafts the manifest)"
    )


def test_an_unlisted_report_of_another_council_keeps_its_own_council(tmp_path: Path) -> None:
    # a Newham report dropped into a Medway corpus is Newham's; an unlisted file whose text
    # names no council takes the manifest's
    root = _manifest(tmp_path / "c", "council: Medway\ndocuments: []\n")
    shutil.copy(ROOT / "tests" / "fixtures" / "other_council" / "newham-ilacs-2019.txt", root)
    (root / "note.txt").write_text(
        "Minutes of the meeting held on 3 March 2020.\n", encoding="utf-8"
    )
    _manifest_, specs, warnings = plan(root)
    assert len(warnings) == 2
    councils = {s.file: load_document(root, s).council for s in specs}
    assert councils == {"newham-ilacs-2019.txt": "Newham", "note.txt": "Medway"}


def _pure_python_manifest_loader() -> type:
    import yaml

    from cskg.loaders import corpus

    class Pure(yaml.SafeLoader):
        pass

    Pure.yaml_implicit_resolvers = corpus._ManifestLoader.yaml_implicit_resolvers
    return Pure


_scalars = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.none(),
    st.sampled_from(["2023-02-30", "1:20", "~", "yes", "0x1f", "1e3"]),
)
_data = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(data=_data, flow=st.booleans())
def test_manifest_yaml_reads_as_pyyamls_own_safe_loader(data: object, flow: bool) -> None:
    # the manifest loader parses with libyaml and composes with PyYAML: the same data as
    # PyYAML's pure-Python safe loader with the same resolvers (dates left as text)
    import yaml

    from cskg.loaders import corpus

    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    expected = yaml.load(text, Loader=_pure_python_manifest_loader())  # noqa: S506 - a SafeLoader
    assert yaml.load(text, Loader=corpus._ManifestLoader) == expected  # noqa: S506


def test_manifest_loader_parses_with_libyaml_where_pyyaml_has_it() -> None:
    # the pure-Python parser is five times slower on a manifest of 500 documents; it is used
    # only by a PyYAML built without libyaml
    import yaml

    from cskg.loaders import corpus

    if not yaml.__with_libyaml__:
        pytest.skip("this PyYAML is built without libyaml")
    assert issubclass(corpus._ManifestLoader, yaml.cyaml.CParser)
    assert not issubclass(corpus._ManifestLoader, yaml.parser.Parser)


def test_the_embedded_manifest_reads_as_pyyamls_own_safe_loader() -> None:
    import yaml

    from cskg.loaders import corpus

    text = (Path(__file__).resolve().parents[2] / "corpus" / "manifest.yaml").read_text()
    expected = yaml.load(text, Loader=_pure_python_manifest_loader())  # noqa: S506
    assert yaml.load(text, Loader=corpus._ManifestLoader) == expected  # noqa: S506
