"""Tests for loaders/infer.py and loaders/manifest_draft.py: what a document is, from its text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from cskg.errors import DocumentError
from cskg.loaders.corpus import DOCUMENT_TYPES, load_manifest
from cskg.loaders.infer import describe, first_date, title_of
from cskg.loaders.manifest_draft import draft_manifest
from cskg.loaders.read import read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"

# file -> (title, type, date, council): the date is the report's publication (cover) or the
# letter's date; an ILACS report prints none, so it is the last day of the inspection.
REAL = {
    "norfolk-lac-2013.pdf": (
        "Inspection of looked after children services Norfolk County Council",
        "inspection report",
        "2013-08-16",
        "Norfolk",
    ),
    "peterborough-sif-2015.pdf": (
        "Peterborough City Council Inspection of services for children in need of help and "
        "protection, children looked after and care leavers and Review of the effectiveness of "
        "the Local Safeguarding Children ",
        "inspection report",
        "2015-09-18",
        "Peterborough",
    ),
    "newham-ilacs-2019.pdf": (
        "London Borough of Newham Inspection of children’s social care services",
        "inspection report",
        "2019-02-22",
        "Newham",
    ),
    "isles-of-scilly-ilacs-2023.pdf": (
        "Inspection of Isles of Scilly local authority children’s services",
        "inspection report",
        "2023-07-13",
        "Isles of Scilly",
    ),
    "trafford-ilacs-2026.pdf": (
        "Inspection of Trafford local authority children’s services",
        "inspection report",
        "2026-06-19",
        "Trafford",
    ),
    "darlington-focused-visit-2021.pdf": (
        "Focused visit to Darlington children’s services",
        "focused visit letter",
        "2021-11-30",
        "Darlington",
    ),
    "barnsley-focused-visit-2024.pdf": (
        "Focused visit to Barnsley Metropolitan Borough Council children’s services",
        "focused visit letter",
        "2024-12-05",
        "Barnsley",
    ),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_describe_real_ofsted_documents(name: str) -> None:
    title, doc_type, date, council = REAL[name]
    guess = describe(read_document(FIXTURES / name).text, name)
    assert (guess.title[: len(title)], guess.doc_type, guess.date, guess.council) == (
        title,
        doc_type,
        date,
        council,
    )
    assert guess.publisher == "Ofsted"
    assert guess.doc_type in DOCUMENT_TYPES


@pytest.mark.parametrize(
    ("text", "doc_type", "date", "council", "publisher"),
    [
        (
            "CABINET\n26 SEPTEMBER 2023\nOFSTED INSPECTION OF MEDWAY CHILDREN'S SERVICES\n"
            "Report from: Director of People, Medway Council\n",
            "cabinet report",
            "2023-09-26",
            "Medway",
            "Medway Council",
        ),
        (
            "Minutes of the meeting of the Children and Young People Overview and Scrutiny "
            "Committee held on 4 December 2018\nKent County Council\n",
            "committee minutes",
            "2018-12-04",
            "Kent",
            "Kent Council",
        ),
        (
            "Report of the Children's Services Commissioner, December 2019\nMedway\n",
            "commissioner report",
            "2019-12",
            "Medway",
            "Department for Education",
        ),
        ("A note with nothing in it.\n", "other", "", "", ""),
    ],
)
def test_describe_other_documents(text, doc_type, date, council, publisher) -> None:
    guess = describe(text, "x.txt")
    assert (guess.doc_type, guess.date, guess.council, guess.publisher) == (
        doc_type,
        date,
        council,
        publisher,
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("held on 4th December 2018", "2018-12-04"),
        ("in July 2019 and later", "2019-07"),
        ("the 2015/16 plan", "2015"),
        ("no date", ""),
    ],
)
def test_first_date(text: str, date: str) -> None:
    assert first_date(text) == date


def test_title_of_skips_markdown_and_short_lines() -> None:
    assert title_of("\n# **Cabinet** | report\n", "f.txt") == "Cabinet report"
    assert title_of("\n\n- a\n", "f.txt") == "f.txt"


def test_draft_manifest_of_a_folder_of_reports_is_a_valid_manifest(tmp_path: Path) -> None:
    for name in (
        "trafford-ilacs-2026.pdf",
        "barnsley-focused-visit-2024.pdf",
        "birmingham-not-a-pdf-2012.pdf",
    ):
        shutil.copy(FIXTURES / name, tmp_path / name)
    with pytest.raises(DocumentError, match="is not a PDF"):
        draft_manifest(tmp_path)
    text = draft_manifest(tmp_path, keep_going=True)
    assert text.startswith(f"# Manifest inferred by `cskg manifest {tmp_path}`")
    # the broken file is named, and the draft covers the others
    fake = tmp_path / "birmingham-not-a-pdf-2012.pdf"
    assert text.splitlines()[2] == (
        f"# Not read (`cskg build --keep-going` skips it): {fake}: is not a PDF "
        "(it looks like an HTML page)"
    )
    fake.unlink()
    data = yaml.safe_load(text)
    assert data["assessments"]["trafford-inspection-2026"] == {
        "label": "Ofsted inspection of local authority children's services, June 2026",
        "kind": "inspection",
        "year": 2026,
        "start": "2026-06-08",
        "end": "2026-06-19",
        "conducted_by": "Ofsted",
        "council": "Trafford",
    }
    assert data["assessments"]["barnsley-focused-visit-2024"]["year"] == 2024
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["barnsley-focused-visit-2024"] == {
        "id": "barnsley-focused-visit-2024",
        "file": "barnsley-focused-visit-2024.pdf",
        "title": "Focused visit to Barnsley Metropolitan Borough Council children’s services",
        "type": "focused visit letter",
        "date": "2024-12-05",
        "publisher": "Ofsted",
        "council": "Barnsley",
        "assessments": ["barnsley-focused-visit-2024"],
    }
    # kept as it is, the draft is a manifest the build accepts
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    manifest = load_manifest(tmp_path)
    assert {a.key: (a.year, a.local_authority) for a in manifest.assessments} == {
        "barnsley-focused-visit-2024": (2024, "Barnsley"),
        "trafford-inspection-2026": (2026, "Trafford"),
    }
