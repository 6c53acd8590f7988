"""Ofsted reports on local authority children's services: format, dates and grades, from text.

Ofsted has published its reports on each English council's children's services in eight
formats since 2013; :func:`read_report` recognises each one from the text that
:func:`cskg.loaders.read.read_document` extracts, and reads what the report states about
itself: its inspection (or visit) dates, its publication or letter date, the council, and
the grade it gives each judgement area, each with exact offsets into the text.

============================  =========================================================
format                        what it grades
============================  =========================================================
``pre-2014``                  "Record of main findings": Outstanding / Good / Adequate /
                              Inadequate ("Grade 4 (inadequate)" under each section)
``SIF``                       single inspection framework 2013-18: a headline ("Children's
                              services in X require improvement to be good"), five areas
                              and the Local Safeguarding Children Board
``ILACS``                     2018-25: three or four areas plus overall effectiveness
``post-2025 ILACS``           four areas, no overall effectiveness grade
``focused visit``             letters: no grades
``monitoring visit``          letters: no grades
``JTAI``                      joint targeted area inspection letters: no grades
``SEND``                      local area SEND inspections: no grades
============================  =========================================================

A grade is read as printed ("Requires Improvement", "Grade 4 (inadequate)") and normalised to
one of :data:`GRADES`. Grades that a report recalls from an earlier inspection ("Since the
previous inspection in 2022, when services were judged to require improvement") are read as
:class:`PriorGrade`, dated to that inspection, never to this one. :func:`refine` applies
all of this to what :func:`cskg.loaders.extract.extract_document` found in the document.
No RDF here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from cskg.loaders import regexcache

from .records import Agent, Assessment, Document, Excerpt, Extraction, Judgement

__all__ = [
    "FORMATS",
    "GRADES",
    "Grade",
    "PriorGrade",
    "Report",
    "assessment_key",
    "assessment_label",
    "detect_format",
    "normalise_grade",
    "read_report",
    "refine",
]

#: The report formats :func:`read_report` recognises.
FORMATS = (
    "pre-2014",
    "SIF",
    "ILACS",
    "post-2025 ILACS",
    "focused visit",
    "monitoring visit",
    "JTAI",
    "SEND",
)

#: The five grade labels (the four-point scale, and "Adequate" of the pre-2014 one).
GRADES = ("Outstanding", "Good", "Requires improvement to be good", "Inadequate", "Adequate")

# format -> (document type as corpus.DOCUMENT_TYPES names it, assessment kind as
# assessments.yaml names it)
_TYPES = {
    "pre-2014": ("inspection report", "inspection"),
    "SIF": ("inspection report", "inspection"),
    "ILACS": ("inspection report", "inspection"),
    "post-2025 ILACS": ("inspection report", "inspection"),
    "focused visit": ("focused visit letter", "focused visit"),
    "monitoring visit": ("monitoring visit letter", "monitoring visit"),
    "JTAI": ("JTAI letter", "joint targeted area inspection"),
    "SEND": ("SEND inspection report", "SEND inspection"),
}

_HEAD = 2500  # characters of the text that hold a report's title, dates and grade table
_TOP = 1200  # a report's title or a letter's subject line starts within these
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_SEP = r"\s*(?:–|—|-|to|and|until|&)\s*"

# A printed grade, longest alternatives first; "Not judged" is read so that it ends a row.
_GRADE = (
    r"(?:outstanding|good|inadequate|adequate|not\s+judged"
    r"|requir(?:es|e|ing)\s+improvement(?:\s+to\s+be\s+good)?)"
)
_GRADE_N = r"grade\s+[1-4]\s*\(\s*(?:outstanding|good|adequate|inadequate)\s*\)"


@dataclass(frozen=True)
class Grade:
    """A grade the report gives one of its judgement areas: ``text[start:end]`` is the row."""

    area: str  # the judgement area in the framework's own words, e.g. "Overall effectiveness"
    grade: str  # one of GRADES
    printed: str  # the grade as printed: text[grade_start:grade_end]
    start: int
    end: int
    grade_start: int
    grade_end: int


@dataclass(frozen=True)
class PriorGrade:
    """A grade the report recalls from an earlier inspection, dated to that inspection."""

    year: int
    month: int | None
    area: str
    grade: str
    start: int  # text[start:end]: the statement, from its date to the grade
    end: int


@dataclass(frozen=True)
class Report:
    """What an Ofsted report or letter says about itself."""

    format: str  # one of FORMATS
    doc_type: str  # "inspection report", "focused visit letter", ...
    kind: str  # assessment kind: "inspection", "focused visit", ...
    title: str
    council: str  # gazetteer name, "" when not found
    start_date: str  # YYYY-MM-DD of the first day of the inspection or visit, "" if not printed
    end_date: str  # YYYY-MM-DD of the last day
    dates: tuple[int, int]  # text[dates[0]:dates[1]] is the printed date range; (0, 0) if none
    published: str  # YYYY-MM-DD: "Published:" on a report's cover or a letter's date, else ""
    grades: tuple[Grade, ...] = ()
    evidence: tuple[tuple[int, int], ...] = ()  # every span where it states its own grades
    prior: tuple[PriorGrade, ...] = ()

    @property
    def year(self) -> int | None:
        """The year the inspection or visit took place (not the year of publication)."""
        for d in (self.start_date, self.end_date, self.published):
            if d:
                return int(d[:4])
        return None

    @property
    def graded(self) -> bool:
        """True for the formats that award grades."""
        return self.kind == "inspection"


# ------------------------------------------------------------------ small helpers


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _words(phrase: str) -> str:
    """A phrase as a regex that lets any run of whitespace (a wrapped line) stand for a space."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def normalise_grade(printed: str) -> str | None:
    """One of :data:`GRADES` for a grade as printed; None for "Not judged" or no grade."""
    t = _fold(printed).lower().strip(" '\"‘’“”.:")
    m = re.fullmatch(r"grade\s*[1-4]\s*\(\s*(.+?)\s*\)", t)
    if m:
        t = m.group(1)
    t = re.sub(r"\s+grade\s+[1-4]$", "", t)
    if t.startswith("requir"):
        return "Requires improvement to be good"
    return {
        "outstanding": "Outstanding",
        "good": "Good",
        "inadequate": "Inadequate",
        "adequate": "Adequate",
    }.get(t)


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    first: str  # YYYY-MM-DD
    last: str


def _ymd(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def _year(s: str) -> int:
    y = int(s)
    return y + 2000 if y < 100 else y


_RANGE = regexcache.compile(
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:\s+(?P<y1>\d{{4}}))?{_SEP}"
    rf"(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MONTH})\s+(?P<y2>\d{{4}}|\d{{2}}(?!\d))"
    rf"|(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})\s+(?P<y>\d{{4}})"
    rf"|(?P<n1>\d{{1,2}}/\d{{1,2}}/\d{{4}})(?:{_SEP}(?P<n2>\d{{1,2}}/\d{{1,2}}/\d{{4}}))?",
    re.IGNORECASE,
)


def _month(word: str) -> int:
    w = word.lower().rstrip(".")[:3]
    return [m[:3] for m in _MONTHS].index(w) + 1


def _numeric(s: str) -> str:
    d, m, y = (int(p) for p in s.split("/"))
    return _ymd(y, m, d)


def _dates(text: str, start: int = 0, end: int | None = None) -> _Date | None:
    """The first date or date range in ``text[start:end]`` ("11 to 13 July 2023", ...)."""
    for m in _RANGE.finditer(text, start, len(text) if end is None else end):
        try:
            if m.group("n1"):
                first = _numeric(m.group("n1"))
                last = _numeric(m.group("n2")) if m.group("n2") else first
                _check(first)
                _check(last)
                if last < first:
                    continue
                return _Date(m.start(), m.end(), first, last)
            if m.group("d"):
                y, mo = int(m.group("y")), _month(m.group("m"))
                day = _ymd(y, mo, int(re.match(r"\d+", m.group("d")).group()))
                _check(day)
                return _Date(m.start(), m.end(), day, day)
            y2 = _year(m.group("y2"))
            m2 = _month(m.group("m2"))
            m1 = _month(m.group("m1")) if m.group("m1") else m2
            y1 = int(m.group("y1")) if m.group("y1") else (y2 - 1 if m1 > m2 else y2)
            d1 = int(re.match(r"\d+", m.group("d1")).group())
            d2 = int(re.match(r"\d+", m.group("d2")).group())
            first, last = _ymd(y1, m1, d1), _ymd(y2, m2, d2)
            _check(first)
            _check(last)
            if last < first:
                continue
            return _Date(m.start(), m.end(), first, last)
        except ValueError:
            continue
    return None


_NO_YEAR = regexcache.compile(
    rf"(?P<d1>{_DAY})(?:\s+(?P<m1>{_MONTH}))?(?:{_SEP}(?P<d2>{_DAY}))?\s+(?P<m2>{_MONTH})"
    rf"(?![\s,]*\d)",
    re.IGNORECASE,
)


def _dates_in_year(text: str, start: int, end: int, letter: str) -> _Date | None:
    """A date range printed without its year, dated by the letter that reports it."""
    m = _NO_YEAR.search(text, start, end)
    if m is None:
        return None
    y, lm = int(letter[:4]), int(letter[5:7])
    m2 = _month(m.group("m2"))
    m1 = _month(m.group("m1")) if m.group("m1") else m2
    y2 = y if m2 <= lm else y - 1
    y1 = y2 if m1 <= m2 else y2 - 1
    d1 = int(re.match(r"\d+", m.group("d1")).group())
    d2 = int(re.match(r"\d+", m.group("d2") or m.group("d1")).group())
    try:
        first, last = _ymd(y1, m1, d1), _ymd(y2, m2, d2)
        _check(first)
        _check(last)
    except ValueError:
        return None
    return _Date(m.start(), m.end(), first, last) if first <= last else None


def _check(day: str) -> None:
    from datetime import date

    date.fromisoformat(day)


# ------------------------------------------------------------------ format


_FORMAT_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "JTAI",
            r"\bjoint\s+targeted\s+area\s+inspection\b|\bjoint\s+inspection\s+of\s+the\s+"
            r"multi-agency\s+response\b",
        ),
        (
            "SEND",
            r"\b(?:joint\s+)?(?:local\s+)?area\s+SEND\s+(?:inspection|revisit)\b"
            r"|\bSEND\s+inspection\s+in\b",
        ),
        (
            "monitoring visit",
            r"^\s*monitoring\s+visit\s+(?:to|of)\b|\bfindings\s+of\s+the\s+"
            r"monitoring\s+visit\b",
        ),
        (
            "focused visit",
            r"^\s*focus+ed\s+visit\s+(?:to|of)\b|\bfindings\s+of\s+(?:the|a)\s+"
            r"focus+ed\s+visit\b",
        ),
        (
            "pre-2014",
            r"\binspection\s+of\s+(?:safeguarding\s+and\s+)?looked\s+after\s+children"
            r"(?:'s|’s)?\s+services\b|\binspection\s+of\s+safeguarding\s+services\b"
            r"|\binspection\s+of\s+local\s+authority\s+arrangements\s+for\s+the\s+"
            r"protection\s+of\s+children\b",
        ),
        (
            "SIF",
            r"\b(?:re-?)?inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+"
            r"help\s+and\s+protection\b|^\W*(?:\S+\s+){0,8}?review\s+of\s+the\s+"
            r"effectiveness\s+of\s+the\s+local\s+safeguarding\s+children\s+board\b",
        ),
        (
            "ILACS",
            r"(?s)\binspection\s+of\s+.{0,120}?children.s\s+(?:social\s+care\s+)?services\b"
            r"|\binspection\s+of\s+.{0,80}?\btrust\b(?=.{0,400}judgement\s+grade)"
            r"|^.{0,600}?judgement\s+grade\b",
        ),
    )
)


def detect_format(text: str) -> str | None:
    """Which Ofsted report format ``text`` is, judged from its first page; None if none."""
    head = text[:_HEAD]
    # A report's title and a letter's subject line come first (after a letter's date and
    # address); what a report says later about other visits, or a council paper quoting a
    # title further down, must not decide it: the earliest cue in the first page's top wins.
    best: tuple[int, str] | None = None
    for name, pattern in _FORMAT_CUES:
        m = pattern.search(head, 0, _TOP)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best is None:
        return None
    name = best[1]
    if name == "ILACS" and not re.search(r"inspection\s+dates?|judgement\s+grade", head, re.I):
        return None  # a council paper quoting an inspection's title, not the report
    if name == "ILACS":
        rows = _ilacs_rows(text)
        if rows and not any(g.area == "Overall effectiveness" for g in rows):
            return "post-2025 ILACS"
    return name


# ------------------------------------------------------------------ grade tables

_ILACS_AREAS = (
    (
        "The impact of leaders on social work practice with children and families",
        r"The\s+impact\s+of\s+leaders\s+on\s+(?:social\s+work\s+)?practice\s+with\s+children\s+"
        r"and\s+families",
    ),
    (
        "The experiences and progress of children who need help and protection",
        _words("The experiences and progress of children who need help and protection"),
    ),
    (
        "The experiences and progress of children in care and care leavers",
        _words("The experiences and progress of children in care and care leavers"),
    ),
    (
        "The experiences and progress of children in care",
        _words("The experiences and progress of children in care") + r"(?!\s+and\s+care)",
    ),
    (
        "The experiences and progress of care leavers",
        r"The\s+experiences\s+and\s+progress\s+of\s+(?:children\s+)?care\s+leavers",
    ),
    ("Overall effectiveness", r"Overall\s+effectiveness"),
)

_SIF_AREAS = (
    ("Children who need help and protection", _words("Children who need help and protection")),
    (
        "Children looked after and achieving permanence",
        _words("Children looked after and achieving permanence"),
    ),
    ("Adoption performance", _words("Adoption performance")),
    (
        "Experiences and progress of care leavers",
        _words("Experiences and progress of care leavers"),
    ),
    ("Leadership, management and governance", _words("Leadership, management and governance")),
)
LSCB = "The effectiveness of the Local Safeguarding Children Board"
OVERALL = "Overall effectiveness"


@lru_cache(maxsize=4)
def _row_patterns(kind: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    areas = _ILACS_AREAS if kind == "ILACS" else _SIF_AREAS
    number = r"(?:\d(?:\.\d)?\.?[ \t]+)?" if kind == "SIF" else ""
    return tuple(
        (
            label,
            re.compile(
                rf"(?m)^[ \t]*{number}(?P<area>{pattern})[ \t.]*\s*(?P<g>{_GRADE})(?![\w-])",
                re.IGNORECASE,
            ),
        )
        for label, pattern in areas
    )


def _table(text: str, kind: str, start: int, end: int) -> list[Grade]:
    """Rows of a grade table: each area's first "area grade" line in text[start:end]."""
    rows: list[Grade] = []
    for label, pattern in _row_patterns(kind):
        m = pattern.search(text, start, end)
        if m is None:
            continue
        rows.append(_grade(text, label, m.start("area"), m.start("g"), m.end("g")))
    return sorted(rows, key=lambda g: g.start)


def _grade(text: str, area: str, start: int, g0: int, g1: int) -> Grade:
    printed = text[g0:g1]
    return Grade(area, normalise_grade(printed) or "", printed, start, g1, g0, g1)


def _ilacs_rows(text: str) -> list[Grade]:
    m = re.search(r"judgement\s+grade", text[:_HEAD], re.IGNORECASE)
    start = m.end() if m else 0
    return [g for g in _table(text, "ILACS", start, min(len(text), start + 1800)) if g.grade]


# Section headings that repeat an area's grade: "…help and protection: Requires improvement".
_HEADING_GRADE = regexcache.compile(
    rf"(?m)^[ \t]*(?:\d+\.?\s*)?(?:The\s+)?(?:impact\s+of\s+leaders|experiences\s+and\s+progress"
    rf"|overall\s+effectiveness)[^:\n]{{0,40}}(?:\n[^:\n]{{0,80}})?(?:\n[^:\n]{{0,80}})?\s*"
    rf"(?:is)?:\s*{_GRADE}",
    re.IGNORECASE,
)


def _read_ilacs(text: str) -> tuple[list[Grade], list[tuple[int, int]]]:
    rows = _ilacs_rows(text)
    evidence = [(g.start, g.end) for g in rows]
    evidence += [(m.start(), m.end()) for m in _HEADING_GRADE.finditer(text)]
    return rows, evidence


_SIF_HEADLINE = regexcache.compile(
    r"(?P<s>Children.s\s+services\s+(?:(?:in|on|for)\s+(?:(?!\.\s)[^\n]|\n(?!\s*\n)){1,150}?\s+"
    r"(?:area\s+)?)?(?P<v>are|is|require|requires)\s+(?P<g>outstanding|good|inadequate"
    r"|improvement(?:\s+to\s+be\s+good)?)(?![\w-])"
    r"|The\s+overall\s+judgement\s+is\s+(?:that\s+children.s\s+services?\s+)?"
    r"(?P<v2>are|is|require|requires)?\s*(?P<g2>outstanding|good|inadequate"
    r"|requires?\s+improvement(?:\s+to\s+be\s+good)?|improvement(?:\s+to\s+be\s+good)?)(?![\w-]))",
    re.IGNORECASE,
)
_LSCB_LINE = regexcache.compile(
    rf"(?m)^[ \t]*(?P<area>(?:The\s+effectiveness\s+of\s+)?the\s+(?:Local\s+Safeguarding\s+"
    rf"Children\s+Board|LSCB)(?:\s+\(LSCB\))?)\s+(?:is\s+)?(?P<g>{_GRADE})"
    rf"(?=[ \t]*(?:\n|$|\.|,?\s*because))",
    re.IGNORECASE,
)
_SIF_EVIDENCE = regexcache.compile(
    rf"(?s)Key\s+judgement\s+Judgement\s+grade.{{0,220}}?{_GRADE}"
    rf"|The\s+graded\s+judge?ment\s+(?:for|about)\s+[^.]{{0,120}}?\s+is\s+(?:that\s+it\s+is\s+)?"
    rf"{_GRADE}",
    re.IGNORECASE,
)


def _read_sif(text: str) -> tuple[list[Grade], list[tuple[int, int]]]:
    first = re.search(
        r"(?m)^[ \t]*(?:1\.[ \t]+)?Children\s+who\s+need\s+help\s+and\s+"
        r"protection\s",
        text[:6000],
    )
    grades: list[Grade] = []
    evidence: list[tuple[int, int]] = []
    if first:
        grades = _table(text, "SIF", first.start(), min(len(text), first.start() + 2500))
        head = text[: first.start()]
        for m in _SIF_HEADLINE.finditer(head):
            g0, g1 = (
                (m.start("v"), m.end("g"))
                if m.group("v")
                else ((m.start("v2") if m.group("v2") else m.start("g2")), m.end("g2"))
            )
            printed = text[g0:g1]
            if m.group("g") and m.group("v").lower() in ("are", "is"):
                g0 = m.start("g")
                printed = text[g0:g1]
            if normalise_grade(_strip_verb(printed)):
                grades.insert(
                    0,
                    Grade(
                        OVERALL,
                        normalise_grade(_strip_verb(printed)) or "",
                        printed,
                        m.start(),
                        g1,
                        g0,
                        g1,
                    ),
                )
                break
    lscb = _LSCB_LINE.search(text)
    if lscb:
        grades.append(_grade(text, LSCB, lscb.start("area"), lscb.start("g"), lscb.end("g")))
    evidence = [(g.start, g.end) for g in grades]
    evidence += [(m.start(), m.end()) for m in _SIF_EVIDENCE.finditer(text)]
    evidence += [(m.start(), m.end()) for m in _LSCB_LINE.finditer(text)]
    return [g for g in grades if g.grade], evidence


def _strip_verb(printed: str) -> str:
    """ "require improvement" is a grade; "are good" -> "good"."""
    return re.sub(r"^(?:are|is)\s+", "", printed, flags=re.IGNORECASE)


_PRE_ROW = regexcache.compile(
    rf"(?P<g>{_GRADE})(?:[ \t]+Grade[ \t]+[1-4])?[ \t]*(?=\n|$)", re.IGNORECASE
)
_PRE_SUBHEADING = regexcache.compile(
    r"(?:Safeguarding\s+services|Services\s+for\s+looked\s+after\s+children|Looked\s+after\s+"
    r"children(?:'s|’s)?\s+services)",
    re.IGNORECASE,
)
_PRE_SECTION = regexcache.compile(rf"(?m)^[ \t]*(?P<g>{_GRADE_N})[ \t]*$", re.IGNORECASE)


def _read_pre2014(text: str) -> tuple[list[Grade], list[tuple[int, int]]]:
    grades: list[Grade] = []
    evidence: list[tuple[int, int]] = []
    record = None
    for m in re.finditer(r"(?m)^[ \t]*Record\s+of\s+main\s+findings[ \t]*$", text):
        record = m  # the table, not the contents line that names it
    if record is not None:
        pos = record.end()
        sections: list[str] = []
        end = text.find("\f", pos)
        end = len(text) if end < 0 else end
        qualify = len(_PRE_SUBHEADING.findall(text, pos, end)) > 1
        section = ""
        while True:
            m = _PRE_ROW.search(text, pos, end)
            if m is None:
                break
            label_start = pos
            chunk = text[pos : m.start("g")]
            # a sub-heading line ("Services for looked after children") opens a group of rows
            sub = None
            for sm in _PRE_SUBHEADING.finditer(chunk):
                line_end = chunk.find("\n", sm.end())
                if line_end >= 0 and not chunk[sm.end() : line_end].strip():
                    sub = sm
            if sub is not None:
                section = _fold(sub.group(0))
                sections.append(section)
                label_start = pos + chunk.find("\n", sub.end()) + 1
            while label_start < m.start("g") and text[label_start].isspace():
                label_start += 1
            label = _fold(text[label_start : m.start("g")])
            if not label or len(label) > 150:
                break
            area = f"{label} ({section.lower()})" if qualify and section else label
            grades.append(_grade(text, area, label_start, m.start("g"), m.end("g")))
            pos = m.end()
        if grades:
            evidence.append((record.start(), grades[-1].end))
    for m in _PRE_SECTION.finditer(text):
        evidence.append((m.start("g"), m.end("g")))
        if record is None:
            # no record table: the section heading above names the area
            before = text[max(0, m.start() - 200) : m.start()].rstrip()
            lines = before.split("\n")
            label = _fold(lines[-1]) if lines else ""
            if label and not any(g.area == label for g in grades):
                s = m.start() - len(before) + before.rfind(lines[-1]) if lines else m.start()
                grades.append(_grade(text, label, s, m.start("g"), m.end("g")))
    return [g for g in grades if g.grade], evidence


# ------------------------------------------------------------------ grades of earlier inspections

_AREA_WORDS = (
    (
        "The experiences and progress of children in care and care leavers",
        r"children\s+in\s+care\s+and\s+care\s+leavers",
    ),
    (
        "The experiences and progress of children who need help and protection",
        r"help\s+and\s+protection|child\s+protection|safeguarding",
    ),
    (
        "The experiences and progress of children in care",
        r"children\s+in\s+care|looked\s+after|children\s+looked",
    ),
    ("The experiences and progress of care leavers", r"care\s+leavers|care-experienced"),
    (
        "The impact of leaders on social work practice with children and families",
        r"\bleaders\b|leadership",
    ),
)
_WHEN = rf"(?:(?:in|of)\s+)?(?:(?P<m>{_MONTH})\s+)?(?P<y>(?:19|20)\d\d)"
_PRIOR = regexcache.compile(
    # "Since the previous inspection in 2022, when services were judged as requires improvement"
    rf"\b(?:the|its|their|\w+(?:'s|’s))\s+(?:(?:previous|last|earlier|most\s+recent)\s+)?"
    rf"(?:full\s+|ILACS\s+|Ofsted\s+|judgement\s+|standard\s+)*inspection(?:\s+of\s+[^,.;]{{0,80}}?)?,?\s+{_WHEN},?\s+(?:when|where|in\s+which|which|"
    rf"at\s+which)\s+(?P<subj>[^.;]{{0,160}}?)\b(?:judged|rated|graded|found)\s+"
    rf"(?:(?:them|it|services|the\s+services?)\s+)?(?:overall\s+)?(?:to\s+be\s+|as\s+|to\s+)?"
    rf"(?:being\s+)?['‘\"“]?(?P<g>{_GRADE})"
    # "since the local authority was judged inadequate in December 2021"
    rf"|\bsince\s+(?P<subj2>(?:the\s+local\s+authority|services|children.s\s+services|it|they)"
    rf"[^.;]{{0,80}}?)\s+(?:was|were|had\s+been)\s+(?:judged|rated|graded|found)\s+"
    rf"(?:to\s+be\s+|as\s+)?['‘\"“]?(?P<g2>{_GRADE})['’\"”]?(?:\s+overall)?\s+"
    rf"(?:at\s+(?:its|the)\s+(?:previous|last)\s+inspection\s+)?in\s+"
    rf"(?:(?P<m2>{_MONTH})\s+)?(?P<y2>(?:19|20)\d\d)"
    # "The inspection of safeguarding … in 2011 judged overall effectiveness … to be adequate"
    rf"|\binspection\s+(?:of\s+[^.;]{{0,80}}?\s+)?in\s+(?:(?P<m4>{_MONTH})\s+)?"
    rf"(?P<y4>(?:19|20)\d\d),?\s+(?:which\s+)?judged\s+(?P<subj4>[^.;]{{0,120}}?)\s+"
    rf"(?:to\s+be\s+|as\s+|to\s+)['‘\"“]?(?P<g4>{_GRADE})",
    re.IGNORECASE,
)
# "outcomes judged good at the last inspection in 2011": matched from the verb, the subject
# being the sentence before it
_PRIOR_AFTER = regexcache.compile(
    rf"(?:judged|rated|graded)\s+(?:to\s+be\s+|as\s+)?['‘\"“]?(?P<g3>{_GRADE})['’\"”]?\s+"
    rf"(?:at|in|by)\s+the\s+(?:previous|last)\s+(?:\w+\s+)?inspection\s+(?:in|of)\s+"
    rf"(?:(?P<m3>{_MONTH})\s+)?(?P<y3>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_VERB = regexcache.compile(r"\b(?:judged|rated|graded)\b", re.IGNORECASE)


_OTHER_SERVICE = regexcache.compile(
    r"\b(?:adoption|fostering)\s+(?:services?|agency|agencies)\b|children.s\s+homes?\b"
    r"|private\s+fostering|\bschools?\b|residential\s+(?:special|home)|youth\s+offending"
    r"|secure\s+(?:unit|children)",
    re.IGNORECASE,
)


def _read_prior(text: str, year: int | None) -> list[PriorGrade]:
    found: list[tuple[int, int, re.Match[str], str]] = []
    for m in _PRIOR.finditer(text):
        found.append((m.start(), m.end(), m, next(i for i in ("", "2", "4") if m.group("g" + i))))
    for v in _VERB.finditer(text):
        m = _PRIOR_AFTER.match(text, v.start())
        if m is None:
            continue
        # the subject: back to the start of the sentence
        cut = max(text.rfind(c, max(0, v.start() - 200), v.start()) for c in ".;:\f")
        found.append((cut + 1, m.end(), m, "3"))
    out: list[PriorGrade] = []
    last_end = -1
    for start, end, m, n in sorted(found, key=lambda f: (f[0], -f[1])):
        if start < last_end:
            continue  # overlaps a statement already read
        y = int(m.group("y" + n))
        month_word = m.group("m" + n)
        grade = normalise_grade(m.group("g" + n))
        if grade is None or (year is not None and y >= year):
            continue
        if _OTHER_SERVICE.search(text, max(0, start - 60), end):
            continue  # an adoption agency's or a children's home's own inspection
        subject = text[start : m.start()] if n == "3" else (m.group("subj" + n) or "")
        area = OVERALL
        if not re.search(r"\boverall\b", subject + text[end : end + 10], re.I):
            # the area named nearest before the grade ("help and protection to require
            # improvement and those for children looked after to be good": children in care);
            # of two ending together, the longer ("children in care and care leavers")
            best = (-1, 0)
            for label, words in _AREA_WORDS:
                for w in re.finditer(words, subject, re.IGNORECASE):
                    if (w.end(), w.end() - w.start()) > best:
                        best, area = (w.end(), w.end() - w.start()), label
        while start < end and text[start].isspace():
            start += 1
        last_end = end
        month = _month(month_word) if month_word else None
        out.append(PriorGrade(y, month, area, grade, start, end))
    return out


# ------------------------------------------------------------------ the report


_COVER_DATES = regexcache.compile(r"\binspection\s+dates?\s*:?", re.IGNORECASE)
_VISIT_DATES = regexcache.compile(
    r"\b(?:focus+ed|monitoring)\s+visit\s+(?:to|of)\b.{0,240}?\b(?:on|from|between)\s"
    r"|\b(?:inspection|visit)\s+took\s+place\s+(?:on|from|between)\s|\bbetween\s(?=\d)",
    re.IGNORECASE | re.DOTALL,
)
_PUBLISHED = regexcache.compile(r"\b(?:report\s+)?published\s*:?\s*", re.IGNORECASE)
_LETTER_DATE = regexcache.compile(
    rf"(?m)^[ \t]*(?P<d>{_DAY}[ \t]+{_MONTH}[ \t]+\d{{4}})[ \t]*$", re.IGNORECASE
)
_TITLE_END = regexcache.compile(
    r"\n[ \t]*(?:Inspection\s+dates?|Published|Dates?\s+of\s+inspection)\b", re.IGNORECASE
)
_LETTER_TITLE = regexcache.compile(
    r"(?m)^[ \t]*(?P<t>(?:Focus+ed|Monitoring)\s+visit\s+(?:to|of)\s(?:[^\n]*?children.s\s+"
    r"services|[^\n]*\n[^\n]*?children.s\s+services|[^\n]*)|Joint\s+targeted\s+area\s+inspection\s+of\s[^\n]*(?:\n[^\n]+)?|(?:Joint\s+)?"
    r"(?:local\s+)?area\s+SEND\s+(?:inspection|revisit)\s[^\n]*)",
    re.IGNORECASE,
)


def read_report(text: str) -> Report | None:
    """The format, dates, council and grades an Ofsted report states; None if it is not one."""
    fmt = detect_format(text)
    if fmt is None:
        return None
    from .gazetteer import find_council

    doc_type, kind = _TYPES[fmt]
    head = text[:_HEAD]
    # a letter's date is a line of its own near the top (after Ofsted's address block)
    letter_date = _LETTER_DATE.search(text, 0, 600)
    letter = fmt in ("focused visit", "monitoring visit", "JTAI") or (
        fmt == "SEND" and letter_date is not None
    )
    published = ""
    if letter and letter_date:
        d = _dates(text, letter_date.start("d"), letter_date.end("d"))
        published = d.first if d else ""
    else:
        pub = _PUBLISHED.search(head)
        if pub:
            d = _dates(text, pub.end(), pub.end() + 40)
            published = d.first if d else ""
    dates = None
    cover = _COVER_DATES.search(head)
    if cover:
        dates = _dates(text, cover.end(), cover.end() + 80)
    if dates is None:
        anchor = _VISIT_DATES.search(text, 0, 4000)
        if anchor:
            dates = _dates(text, anchor.end() - 1, anchor.end() + 80)
            if dates is None and published:
                # "on 30 and 31 January." : the year is the letter's (or the one before)
                dates = _dates_in_year(text, anchor.end() - 1, anchor.end() + 40, published)
    if dates is None and letter:
        # a letter with no dated visit sentence: the first date after its own date
        after = letter_date.end() if letter_date else 0
        dates = _dates(text, after, 4000)
    grades: list[Grade] = []
    evidence: list[tuple[int, int]] = []
    if fmt in ("ILACS", "post-2025 ILACS"):
        grades, evidence = _read_ilacs(text)
    elif fmt == "SIF":
        grades, evidence = _read_sif(text)
    elif fmt == "pre-2014":
        grades, evidence = _read_pre2014(text)
    start_date = dates.first if dates else ""
    year = int(start_date[:4]) if start_date else None
    own_spans = sorted(set(evidence))
    prior = [
        p
        for p in _read_prior(text, year)
        if not any(a < p.end and p.start < b for a, b in own_spans)
    ]
    return Report(
        format=fmt,
        doc_type=doc_type,
        kind=kind,
        title=_title(text, letter),
        council=find_council(text) or "",
        start_date=start_date,
        end_date=dates.last if dates else "",
        dates=(dates.start, dates.end) if dates else (0, 0),
        published=published,
        grades=tuple(grades),
        evidence=tuple(own_spans),
        prior=tuple(prior),
    )


def _title(text: str, letter: bool) -> str:
    """The report's title as printed, wrapped lines joined; a letter's subject line."""
    if letter:
        m = _LETTER_TITLE.search(text, 0, 3000)
        if m:
            return _fold(m.group("t"))[:200]
    end = _TITLE_END.search(text, 0, 1200)
    if end is None:
        first = next((ln for ln in text.splitlines() if len(ln.strip()) > 8), "")
        return _fold(first)[:200]
    title = text[: end.start()]
    title = re.sub(r"\A\s*\d+\s*\n", "", title)  # a page number line
    title = re.sub(r"(?<=[A-Za-z])\d\b", "", title)  # a footnote marker ("Board1")
    return _fold(title)[:200]


# ------------------------------------------------------------------ records


def assessment_key(council: str, kind: str, year: int, month: int | None = None) -> str:
    """The key an assessment of ``council`` gets, as :class:`assessments.Registry` makes it."""
    from .assessments import kind_by_name, slugify

    k = kind_by_name(kind)
    slug = k.slug if k is not None else slugify(kind)
    key = f"{slugify(council) or 'council'}-{slug}-{year}"
    return f"{key}-{month:02d}" if month else key


def assessment_label(kind: str, fmt: str, year: int, month: int | None) -> str:
    """The label of an assessment of ``kind``, e.g. "Ofsted focused visit, November 2024"."""
    from .assessments import MONTH_NAMES, kind_by_name

    k = kind_by_name(kind)
    base = k.label if k is not None else kind
    if fmt == "pre-2014":
        base = "Ofsted inspection of looked after children services"
    elif fmt == "SIF":
        base = (
            "Ofsted inspection of services for children in need of help and protection, "
            "children looked after and care leavers"
        )
    return f"{base}, {MONTH_NAMES[month]} {year}" if month else f"{base}, {year}"


def _overlaps(x: Excerpt, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(a < x.end and x.start < b for a, b in spans)


def refine(x: Extraction, own: str) -> Extraction:
    """Correct one document's extraction by what its Ofsted report format states.

    ``own`` is the key extraction gave the document's own assessment. When the document is an
    Ofsted report, that assessment takes the report's kind, inspection dates and year (not the
    year of publication); its judgements become exactly the report's grade table; grades the
    report recalls from earlier inspections go to those inspections; findings follow their
    assessment's new key and year. Any other document is returned unchanged.
    """
    if len(x.documents) != 1:
        return x
    doc = x.documents[0]
    report = read_report(doc.text)
    if report is None or report.year is None:
        return x
    council = doc.council or report.council
    if not council:
        return x
    old = {a.key: a for a in x.assessments}
    base = old.get(own)
    known = _sections(x)
    start = report.start_date or None
    month = int(start[5:7]) if start else None
    year = report.year
    # monitoring visits come several a year: their key carries the month
    key = assessment_key(
        council, report.kind, year, month if report.kind == "monitoring visit" else None
    )
    seeded = base is not None and own in doc.assessment_keys
    if seeded:
        key = own  # the manifest names this assessment: its key and fields stand
    excerpts = set(base.excerpts) if base else set()
    if key in old and key != own:
        excerpts |= set(old[key].excerpts)
    if report.dates != (0, 0):
        a, b = report.dates
        excerpts.add(_excerpt(doc, a, b, known))
    mine = Assessment(
        key=key,
        label=assessment_label(report.kind, report.format, year, month),
        kind=report.kind,
        year=year,
        conducted_by="ofsted",
        local_authority=council,
        start_date=start,
        end_date=report.end_date or None,
        reported_in=(doc.id,),
        excerpts=tuple(sorted(excerpts, key=lambda e: (e.start, e.end))),
    )
    if seeded and base is not None:
        mine = replace(
            base,
            start_date=base.start_date or mine.start_date,
            end_date=base.end_date or mine.end_date,
            excerpts=mine.excerpts,
        )
        year = base.year
    renamed = {own, key}
    assessments = {k: v for k, v in old.items() if k not in renamed}
    assessments[key] = mine
    findings = tuple(
        replace(f, assessment=key, year=year) if f.assessment in renamed else f for f in x.findings
    )
    # judgements: the report's own table, plus what it recalls of earlier inspections
    prior_spans = tuple((p.start, p.end) for p in report.prior)
    drop = report.evidence + prior_spans
    judgements = [
        j for j in x.judgements if j.assessment not in renamed and not _overlaps(j.excerpt, drop)
    ]
    if report.graded and not report.grades:
        # a graded report whose table could not be read: keep what extraction found
        judgements += [
            replace(j, assessment=key)
            for j in x.judgements
            if j.assessment in renamed and not _overlaps(j.excerpt, prior_spans)
        ]
    for g in report.grades:
        judgements.append(Judgement(key, g.area, g.grade, _excerpt(doc, g.start, g.end, known)))
    seen = {(j.assessment, j.domain) for j in judgements}
    for p in report.prior:
        pkey = assessment_key(council, "inspection", p.year)
        if pkey not in assessments:
            assessments[pkey] = Assessment(
                key=pkey,
                label=assessment_label("inspection", "", p.year, p.month),
                kind="inspection",
                year=p.year,
                conducted_by="ofsted",
                local_authority=council,
                reported_in=(doc.id,),
                excerpts=(_excerpt(doc, p.start, p.end, known),),
            )
        if (pkey, p.area) not in seen:
            seen.add((pkey, p.area))
            evidence = _excerpt(doc, p.start, p.end, known)
            judgements.append(Judgement(pkey, p.area, p.grade, evidence))
    agents = x.agents
    if not any(ag.key == "ofsted" for ag in agents):
        agents = (*agents, Agent("ofsted", "Organisation", "Ofsted"))
    return replace(
        x,
        documents=(doc,),
        assessments=tuple(sorted(assessments.values(), key=lambda a: a.key)),
        judgements=tuple(
            sorted(
                judgements, key=lambda j: (j.assessment, j.domain, j.excerpt.start, j.excerpt.end)
            )
        ),
        findings=tuple(sorted(findings, key=lambda f: (f.assessment, f.text))),
        agents=tuple(sorted(agents, key=lambda ag: ag.key)),
    )


def _sections(x: Extraction) -> list[tuple[int, int, str]]:
    """(start, end, section) of every excerpt extraction made, in text order."""
    spans = {(e.start, e.end, e.section) for f in x.findings for e in f.excerpts}
    spans |= {(j.excerpt.start, j.excerpt.end, j.excerpt.section) for j in x.judgements}
    spans |= {(e.start, e.end, e.section) for a in x.assessments for e in a.excerpts}
    spans |= {(a.excerpt.start, a.excerpt.end, a.excerpt.section) for a in x.actions}
    spans |= {(r.excerpt.start, r.excerpt.end, r.excerpt.section) for r in x.roles}
    spans |= {(f.excerpt.start, f.excerpt.end, f.excerpt.section) for f in x.figures}
    return sorted(spans)


def _excerpt(doc: Document, start: int, end: int, known: list[tuple[int, int, str]]) -> Excerpt:
    """An excerpt whose section is the one extraction gave the same span (or the text before)."""
    section = ""
    for s, e, sec in known:
        if s > start:
            break
        if (s, e) == (start, end):
            section = sec
            break
        section = sec
    return Excerpt(doc.id, start, end, doc.text[start:end], section, doc.page_at(start))
