"""Ofsted grades per judgement area, from grade tables, "area: grade" lines and prose.

Prose counts only when the grade follows a judging verb ("was judged requires improvement
to be good", "found to be inadequate", "graded the service as Good overall"); a grade that
is expected or hypothetical ("would be requiring improvement", "only to be judged
inadequate") is not a judgement. A statement naming two areas yields two judgements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cskg import yamlio
from cskg.loaders import regexcache

__all__ = ["GradeHit", "area_label", "grades_in_line", "grades_in_sentence", "normalise_grade"]

_DATA = Path(__file__).with_name("judgements.yaml")


@dataclass(frozen=True)
class GradeHit:
    """A graded area found in a span of text: ``text[start:end]`` is its evidence."""

    domain: str
    grade: str
    start: int
    end: int
    at: int = 0  # where the grade word sits, relative to ``start``


@lru_cache(maxsize=1)
def _data() -> dict:
    d = yamlio.safe_load(_DATA.read_text(encoding="utf-8"))
    # (a space in a pattern is any run of white space: a PDF wraps "requires\nimprovement")
    d["_areas"] = [
        (a["label"], re.compile("|".join(a["patterns"]).replace(" ", r"\s+"), re.IGNORECASE))
        for a in d["areas"]
    ]
    alts = []
    grades = {label: [p.replace(" ", r"\s+") for p in pats] for label, pats in d["grades"].items()}
    for label, pats in grades.items():
        alts.extend((label, re.compile(rf"^(?:{p})\b", re.IGNORECASE)) for p in pats)
    d["_grades"] = alts
    words = "|".join(p for pats in grades.values() for p in pats)
    d["_grade_re"] = re.compile(rf"['\"‘“*]*\b(?:{words})\b['\"’”*]*", re.IGNORECASE)
    verbs = d["verbs"].replace(" ", r"\s+")
    d["_verbs"] = re.compile(rf"\b{verbs}\s*$", re.IGNORECASE)
    d["_not"] = re.compile(d["not_awarded"], re.IGNORECASE)
    return d


def graded_kinds() -> tuple[str, ...]:
    return tuple(_data()["graded_kinds"])


def normalise_grade(s: str) -> str | None:
    """The scale's wording for a grade as written ("Requires Improvement" -> full label)."""
    t = s.strip(" '\"‘’“”*.:").lower()
    for label, p in _data()["_grades"]:
        if p.match(t):
            return label
    return None


def areas_in(s: str) -> list[str]:
    """Judgement area labels named in ``s``, in the order of the yaml (overall last)."""
    out = []
    s = re.sub(r"\s+", " ", s)  # PDF text wraps an area over two lines
    for label, p in _data()["_areas"]:
        if p.search(s):
            if label == "Overall effectiveness" and out:
                continue  # "overall" inside a sentence naming specific areas
            out.append(label)
    return out


def area_label(s: str) -> str | None:
    """The one area a table cell or heading names."""
    found = areas_in(s)
    return found[0] if found else None


def grades_in_line(text: str, start: int, end: int) -> list[GradeHit]:
    """A table row or an "area: grade" heading or bullet."""
    s = text[start:end]
    cells = [c for c in re.split(r"\t+|\s*\|\s*", s) if c.strip()]
    if len(cells) >= 2:
        area = area_label(cells[0])
        grade = normalise_grade(cells[-1])
        if area and grade and len(cells[0]) < 120:
            return [GradeHit(area, grade, start, end)]
        return []
    m = re.match(r"(?P<a>[^:]{8,120}):\s*(?P<g>[^:]{3,60})$", s)
    if m:
        grade = normalise_grade(m.group("g"))
        area = area_label(m.group("a"))
        if grade and area and len(m.group("g").strip(" *")) <= 40:
            return [GradeHit(area, grade, start, end)]
    return []


_WRAPPED_ROW = regexcache.compile(
    r"(?m)^(?P<a>[A-Z][^\n.;]{5,120}(?:\n[^\n.;]{1,80})?)[ \t]*:?[ \t]+"
    r"(?P<g>outstanding|good|requires improvement(?: to be good)?|inadequate|adequate)[ \t]*$",
    re.IGNORECASE,
)


def grades_in_lines(text: str, start: int, end: int) -> list[GradeHit]:
    """Grade-table rows that PDF text gives as lines, an area wrapped over two lines:
    "The experiences and progress of children in care and care\nleavers Inadequate"."""
    out = []
    for m in _WRAPPED_ROW.finditer(text, start, end):
        grade = normalise_grade(m.group("g"))
        if grade is None:
            continue
        for area in areas_in(m.group("a")):
            out.append(GradeHit(area, grade, m.start(), m.end(), m.start("g") - m.start()))
    return out


_VERB = regexcache.compile(r"\b(?:is|are|was|were|remains?|ha(?:s|ve)|be(?:en)?)\b", re.IGNORECASE)
_ROW = regexcache.compile(
    r"(?P<a>[A-Z][^.;]{5,300}?)[ \t]*:?[ \t]+"
    r"(?P<g>outstanding|good|requires improvement(?: to be good)?|inadequate|adequate)",
    re.IGNORECASE,
)


def is_grade_row(s: str) -> bool:
    """``s`` is a grade-table row and nothing more: an area and its grade, no verb and no full
    stop ("Adoption performance Requires improvement", a numbered row of a 2014-18 report's
    table once its number is gone; "… protection Key Judgement Judgement Grade The experiences
    and progress of children who need help and protection Inadequate", a table's header and
    row run together); "Leadership is good." is a sentence."""
    m = _ROW.fullmatch(s.strip())
    if m is None or not normalise_grade(m.group("g")):
        return False
    return bool(areas_in(m.group("a"))) and not _VERB.search(m.group("a"))


def grades_in_sentence(text: str, start: int, end: int) -> list[GradeHit]:
    """Graded areas a prose sentence states."""
    d = _data()
    s = text[start:end]
    out: list[GradeHit] = []
    for m in d["_grade_re"].finditer(s):
        before = s[: m.start()]
        grade = normalise_grade(m.group(0))
        if grade is None:
            continue
        after = s[m.end() : m.end() + 12]
        overall_after = re.match(r"\s+overall\b", after, re.IGNORECASE)
        adjective = re.search(r"\boverall\s+['\"‘“*]*$", before, re.IGNORECASE) and re.match(
            r"['\"’”*]*\s+judgement", s[m.start() :]
        )
        if not (d["_verbs"].search(before) or overall_after or adjective):
            continue
        if d["_not"].search(before[-30:]):
            continue
        if grade == "Good" and not (
            re.search(r"\b(?:judged|rated|graded|judgement)\b", before, re.IGNORECASE)
            or overall_after
        ):
            continue  # "good" is everyday English: only an explicit rating counts
        subject = before
        areas = areas_in(subject)
        if not areas:
            if overall_after or adjective:
                areas = ["Overall effectiveness"]
            elif re.search(r"\b(?:judged|found|rated|graded)\b", before, re.IGNORECASE):
                areas = ["Overall effectiveness"]
        for a in areas:
            out.append(GradeHit(a, grade, start, end, m.start()))
    # one grade per area: the first statement wins
    seen: dict[str, GradeHit] = {}
    for h in out:
        seen.setdefault(h.domain, h)
    return list(seen.values())
