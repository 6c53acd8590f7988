"""Tests for loaders/ofsted.py: every Ofsted report format, read from real PDFs and snippets."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from cskg.loaders.ofsted import (
    FORMATS,
    GRADES,
    assessment_key,
    detect_format,
    normalise_grade,
    read_report,
)
from cskg.loaders.read import read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"

INADEQUATE = "Inadequate"
RI = "Requires improvement to be good"
LEADERS = "The impact of leaders on social work practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
IN_CARE = "The experiences and progress of children in care"
LEAVERS = "The experiences and progress of care leavers"
OVERALL = "Overall effectiveness"


@cache
def _text(name: str) -> str:
    return read_document(FIXTURES / name).text


# file -> (format, doc type, start, end, published, {area: (grade, printed)})
EXPECTED = {
    "norfolk-lac-2013.pdf": (
        "pre-2014",
        "inspection report",
        "2013-07-08",
        "2013-07-12",
        "2013-08-16",
        {
            OVERALL: (INADEQUATE, "Inadequate"),
            "Capacity to improve": (INADEQUATE, "Inadequate"),
            "Outcomes for looked after children and young people": (INADEQUATE, "Inadequate"),
            "Quality of provision": (INADEQUATE, "Inadequate"),
            "Leadership and management": (INADEQUATE, "Inadequate"),
        },
    ),
    "peterborough-sif-2015.pdf": (
        "SIF",
        "inspection report",
        "2015-04-13",
        "2015-05-08",
        "2015-09-18",
        {
            OVERALL: (RI, "require improvement to be good"),
            "Children who need help and protection": (RI, "Requires improvement"),
            "Children looked after and achieving permanence": (RI, "Requires improvement"),
            "Adoption performance": ("Good", "Good"),
            "Experiences and progress of care leavers": (RI, "Requires improvement"),
            "Leadership, management and governance": (RI, "Requires improvement"),
            "The effectiveness of the Local Safeguarding Children Board": ("Good", "good"),
        },
    ),
    "newham-ilacs-2019.pdf": (
        "ILACS",
        "inspection report",
        "2019-02-11",
        "2019-02-22",
        "",
        {
            LEADERS: (INADEQUATE, "Inadequate"),
            HELP: (RI, "Requires improvement"),
            "The experiences and progress of children in care and care leavers": (
                INADEQUATE,
                "Inadequate",
            ),
            OVERALL: (INADEQUATE, "Inadequate"),
        },
    ),
    "isles-of-scilly-ilacs-2023.pdf": (
        "ILACS",
        "inspection report",
        "2023-07-11",
        "2023-07-13",
        "",
        {
            LEADERS: (INADEQUATE, "Inadequate"),
            HELP: (INADEQUATE, "Inadequate"),
            IN_CARE: (RI, "Requires Improvement to be good"),
            LEAVERS: (RI, "Requires improvement to be good"),
            OVERALL: (INADEQUATE, "Inadequate"),
        },
    ),
    "trafford-ilacs-2026.pdf": (
        "post-2025 ILACS",
        "inspection report",
        "2026-06-08",
        "2026-06-19",
        "",
        {
            LEADERS: (INADEQUATE, "Inadequate"),
            HELP: (INADEQUATE, "Inadequate"),
            IN_CARE: ("Good", "Good"),
            LEAVERS: (RI, "Requires improvement to be good"),
        },
    ),
    "darlington-focused-visit-2021.pdf": (
        "focused visit",
        "focused visit letter",
        "2021-10-26",
        "2021-10-27",
        "2021-11-30",
        {},
    ),
    "barnsley-focused-visit-2024.pdf": (
        "focused visit",
        "focused visit letter",
        "2024-11-05",
        "2024-11-06",
        "2024-12-05",
        {},
    ),
}
COUNCILS = {
    "norfolk-lac-2013.pdf": "Norfolk",
    "peterborough-sif-2015.pdf": "Peterborough",
    "newham-ilacs-2019.pdf": "Newham",
    "isles-of-scilly-ilacs-2023.pdf": "Isles of Scilly",
    "trafford-ilacs-2026.pdf": "Trafford",
    "darlington-focused-visit-2021.pdf": "Darlington",
    "barnsley-focused-visit-2024.pdf": "Barnsley",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_report(name: str) -> None:
    fmt, doc_type, start, end, published, grades = EXPECTED[name]
    text = _text(name)
    report = read_report(text)
    assert report is not None
    assert (report.format, report.doc_type, report.council) == (fmt, doc_type, COUNCILS[name])
    assert (report.start_date, report.end_date, report.published) == (start, end, published)
    assert report.year == int(start[:4])
    got = {g.area: (g.grade, g.printed) for g in report.grades}
    assert got == grades
    for g in report.grades:
        # exact offsets: the row runs from the area's first word to the grade as printed
        assert text[g.grade_start : g.grade_end] == g.printed
        assert text[g.start : g.end].endswith(g.printed)
        assert g.start <= g.grade_start < g.grade_end == g.end
    a, b = report.dates
    assert start[:4] in text[a:b]


def test_grade_rows_quote_the_printed_table() -> None:
    text = _text("isles-of-scilly-ilacs-2023.pdf")
    rows = {g.area: text[g.start : g.end] for g in read_report(text).grades}
    assert rows[IN_CARE] == (
        "The experiences and progress of \nchildren in care\nRequires Improvement to be good"
    )
    assert rows[OVERALL] == "Overall effectiveness Inadequate"
    text = _text("norfolk-lac-2013.pdf")
    rows = {g.area: text[g.start : g.end] for g in read_report(text).grades}
    assert rows["Outcomes for looked after children and young people"] == (
        "Outcomes for looked after children \nand young people\nInadequate"
    )


def test_pre2014_section_grades_are_evidence_of_this_inspection() -> None:
    text = _text("norfolk-lac-2013.pdf")
    report = read_report(text)
    lines = [text[a:b] for a, b in report.evidence if text[a:b].startswith("Grade")]
    assert lines == ["Grade 4 (inadequate)"] * 5


@pytest.mark.parametrize(
    ("name", "year", "month", "area", "grade", "quote"),
    [
        # Trafford 2026 recalls its 2022 inspection; the grade is 2022's, not 2026's
        (
            "trafford-ilacs-2026.pdf",
            2022,
            None,
            OVERALL,
            RI,
            "the previous inspection in 2022, when services in Trafford were judged as \n"
            "requires improvement to be good",
        ),
        # a focused visit letter recalls the inspection of September 2023
        (
            "barnsley-focused-visit-2024.pdf",
            2023,
            9,
            IN_CARE,
            "Good",
            "the previous inspection in September 2023, when the experience and progress \n"
            "of children in care was judged good",
        ),
        (
            "norfolk-lac-2013.pdf",
            2011,
            None,
            OVERALL,
            "Adequate",
            "inspection of safeguarding and looked after children’s \nservices in 2011 judged "
            "overall effectiveness of services for looked after \nchildren to be adequate",
        ),
    ],
)
def test_grades_of_earlier_inspections(name, year, month, area, grade, quote) -> None:
    text = _text(name)
    report = read_report(text)
    hits = [p for p in report.prior if text[p.start : p.end] == quote]
    assert len(hits) == 1, [text[p.start : p.end] for p in report.prior]
    p = hits[0]
    assert (p.year, p.month, p.area, p.grade) == (year, month, area, grade)
    assert p.year < report.year


def test_no_earlier_grade_is_read_from_this_reports_own_table() -> None:
    for name in EXPECTED:
        report = read_report(_text(name))
        for p in report.prior:
            assert not any(g.start <= p.start < g.end for g in report.grades)


@pytest.mark.parametrize(
    ("printed", "grade"),
    [
        ("Requires improvement", RI),
        ("Requires Improvement to be good", RI),
        ("require improvement to be good", RI),
        ("requires \nimprovement", RI),
        ("Requiring improvement", RI),
        ("Grade 4 (inadequate)", INADEQUATE),
        ("Grade 3 (Adequate)", "Adequate"),
        ("Grade 1 (Outstanding)", "Outstanding"),
        ("Inadequate Grade 4", INADEQUATE),  # Medway 2013's record of main findings
        ("good", "Good"),
        ("‘Outstanding’", "Outstanding"),
        ("Not judged", None),
        ("satisfactory", None),
    ],
)
def test_normalise_grade(printed: str, grade: str | None) -> None:
    assert normalise_grade(printed) == grade
    assert grade is None or grade in GRADES


# Letters of the formats that have no fixture PDF, written here in Ofsted's layout.
MONITORING = """12 April 2019
Jane Doe
Director of Children's Services
Kent County Council
Dear Ms Doe
Monitoring visit to Kent children’s services
This letter summarises the findings of the monitoring visit to Kent children’s services
on 5 and 6 March 2019. The visit was the second monitoring visit since the local
authority was judged inadequate in June 2018. The inspectors were John Smith and
Ann Jones.
"""
JTAI = """2 May 2018
John Smith
Director of Children's Services
Hampshire County Council
Dear Mr Smith
Joint targeted area inspection of the multi-agency response to children living with
domestic abuse in Hampshire
Between 12 and 16 March 2018, Ofsted, the Care Quality Commission, HMI Constabulary
and HMI Probation carried out a joint inspection of the multi-agency response to
domestic abuse in Hampshire.
"""
SEND_LETTER = """20 April 2018
Ms Ann Jones
Director of Children's Services
Hertfordshire County Council
Dear Ms Jones
Joint local area SEND inspection in Hertfordshire
Between 5 March 2018 and 9 March 2018, Ofsted and the Care Quality Commission (CQC)
conducted a joint inspection of the local area of Hertfordshire to judge the effectiveness
of the area in implementing the special educational needs and disability reforms.
"""
SEND = """Area SEND inspection of Bristol Local Area Partnership
Inspection dates: 11 to 15 September 2023
Dates of previous inspection: 5 March 2019
Inspection outcome
The local area partnership’s arrangements lead to inconsistent experiences and outcomes.
"""


@pytest.mark.parametrize(
    ("text", "fmt", "doc_type", "council", "start", "end"),
    [
        (
            MONITORING,
            "monitoring visit",
            "monitoring visit letter",
            "Kent",
            "2019-03-05",
            "2019-03-06",
        ),
        (JTAI, "JTAI", "JTAI letter", "Hampshire", "2018-03-12", "2018-03-16"),
        (SEND, "SEND", "SEND inspection report", "Bristol", "2023-09-11", "2023-09-15"),
        (
            SEND_LETTER,
            "SEND",
            "SEND inspection report",
            "Hertfordshire",
            "2018-03-05",
            "2018-03-09",
        ),
    ],
)
def test_letter_formats(text, fmt, doc_type, council, start, end) -> None:
    report = read_report(text)
    assert report is not None
    assert (report.format, report.doc_type, report.council) == (fmt, doc_type, council)
    assert (report.start_date, report.end_date) == (start, end)
    assert report.grades == ()


def test_monitoring_visit_recalls_the_inadequate_judgement() -> None:
    report = read_report(MONITORING)
    assert [(p.year, p.month, p.area, p.grade) for p in report.prior] == [
        (2018, 6, OVERALL, INADEQUATE)
    ]


def test_every_format_is_covered() -> None:
    found = {read_report(_text(n)).format for n in EXPECTED} | {
        read_report(t).format for t in (MONITORING, JTAI, SEND)
    }
    assert found == set(FORMATS)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Cabinet\n26 September 2023\nOfsted inspection of local authority children's services "
        "(ILACS)\nThe Ofsted inspection in July 2023 judged services to be good.\n",
        "Minutes of the Children and Young People Overview and Scrutiny Committee\n",
    ],
)
def test_other_documents_are_not_reports(text: str) -> None:
    assert detect_format(text) is None
    assert read_report(text) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Inspection dates: 8 – 12 July 2013\n", "2013-07-08", "2013-07-12"),
        ("Inspection date: 13 April 2015 – 8 May 2015\n", "2015-04-13", "2015-05-08"),
        ("Inspection date: 25 September to 19 October 2017\n", "2017-09-25", "2017-10-19"),
        ("Inspection dates: 8 June 2026 to 19 June 2026\n", "2026-06-08", "2026-06-19"),
        ("Inspection date: 18 Feb 2014 – 12 March 2014\n", "2014-02-18", "2014-03-12"),
        ("Inspection date: 12/09/2016 to 06/10/2016\n", "2016-09-12", "2016-10-06"),
        ("Inspection dates: 15-19 July 2013\n", "2013-07-15", "2013-07-19"),
        ("Inspection dates: 27 November to 8 December 2017\n", "2017-11-27", "2017-12-08"),
        ("Inspection dates: 30 December to 10 January 2020\n", "2019-12-30", "2020-01-10"),
    ],
)
def test_inspection_dates(text: str, start: str, end: str) -> None:
    page = (
        "Inspection of Kent local authority children’s services\n"
        + text
        + "Judgement Grade\nOverall effectiveness Good\n"
    )
    report = read_report(page)
    assert (report.start_date, report.end_date) == (start, end)


def test_assessment_keys_follow_the_registry_scheme() -> None:
    key = assessment_key("Isles of Scilly", "inspection", 2023)
    assert key == "isles-of-scilly-inspection-2023"
    assert assessment_key("Barnsley", "focused visit", 2024) == "barnsley-focused-visit-2024"
    assert assessment_key("Kent", "monitoring visit", 2019, 3) == "kent-monitoring-visit-2019-03"


OFSTED_ADDRESS = (
    "Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\nT 0300 123 1231\n"
    "enquiries@ofsted.gov.uk\nwww.gov.uk/ofsted\n"
)


@pytest.mark.parametrize(
    ("visit", "letter", "start", "end"),
    [
        # the year is left out: the letter's, or the year before for a later month
        ("on 30 and 31 January.", "22 February 2018", "2018-01-30", "2018-01-31"),
        ("on 13 and 14 December.", "20 January 2021", "2020-12-13", "2020-12-14"),
        ("on the 15 and 16 of May 2018.", "8 June 2018", "2018-05-15", "2018-05-16"),
        ("on 31 January and 1 February 2024.", "7 March 2024", "2024-01-31", "2024-02-01"),
        ("on 21 January 2020.", "13 February 2020", "2020-01-21", "2020-01-21"),
    ],
)
def test_focused_visit_letter_dates(visit: str, letter: str, start: str, end: str) -> None:
    # some letters print Ofsted's address block above their date
    text = (
        f"{OFSTED_ADDRESS}{letter}\nJo Bloggs\nDirector of Children's Services\n"
        "Dear Jo\nFocused visit to Wigan children’s services\n"
        f"This letter summarises the findings of a focused visit to Wigan children’s services\n"
        f"{visit} The inspectors were Ann Smith and Bob Jones.\n"
    )
    report = read_report(text)
    assert (report.format, report.council) == ("focused visit", "Wigan")
    assert (report.start_date, report.end_date) == (start, end)
    assert report.year == int(start[:4])
    assert report.title == "Focused visit to Wigan children’s services"
