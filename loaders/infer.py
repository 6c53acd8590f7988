"""Infer what a document is (type, date, council, title) from its text, when no manifest says.

An Ofsted report or letter is recognised by its format (:mod:`cskg.loaders.ofsted`), which
says exactly what it is: its title, its type, its publication or letter date and its council.
Any other document (a cabinet report, committee minutes, a commissioner's review) is judged
from cue phrases in its first pages, its first date and the council it names most.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from cskg.loaders import regexcache

__all__ = ["Guess", "describe", "first_date", "title_of"]

_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        start=1,
    )
}
_DAY_MONTH_YEAR = regexcache.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE
)
_MONTH_YEAR = regexcache.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)

# (pattern over the first part of the text, document type, publisher); first match wins.
# Ofsted's own reports and letters are recognised before these, by loaders/ofsted.py; so a
# council paper that discusses an inspection or a visit is a council paper first.
_TYPES: tuple[tuple[str, str, str], ...] = (
    (
        r"\bCommissioner for Children.s (?:Social Care|Services)\b"
        r"|\bChildren.s Services Commissioner\b",
        "commissioner report",
        "Department for Education",
    ),
    (r"^\W*CABINET\b|\bmeeting of the Cabinet\b", "cabinet report", ""),
    (r"\bminutes\b|\bthe committee noted\b|\bmembers then raised\b", "committee minutes", ""),
    (r"\bscrutiny committee\b", "committee report", ""),
    (
        r"\bfocus+ed visit\b.{0,400}\bletter\b"
        r"|\bthis letter summarises the findings of a focus+ed visit",
        "focused visit letter",
        "Ofsted",
    ),
    (
        r"\bmonitoring visit\b.{0,400}\bletter\b"
        r"|\bthis letter summarises the findings of a monitoring visit",
        "monitoring visit letter",
        "Ofsted",
    ),
    (r"\bjoint targeted area inspection\b", "JTAI letter", "Ofsted"),
    (
        r"\bjoint local area SEND inspection\b|\blocal area SEND inspection\b",
        "SEND inspection report",
        "Ofsted",
    ),
    (
        r"^\s*(?:Inspection of [^\n]{2,80} local authority children.s services"
        r"|[^\n]{0,80}inspection of services for children in need of help and protection)",
        "inspection report",
        "Ofsted",
    ),
)


@dataclass(frozen=True)
class Guess:
    """What the text suggests a document is; empty strings where it says nothing."""

    title: str
    doc_type: str
    date: str
    publisher: str
    council: str


def first_date(text: str) -> str:
    """The first full date (``YYYY-MM-DD``) or month (``YYYY-MM``) in ``text``, else ''."""
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = _MONTH_YEAR.search(text)
    if m:
        return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1).lower()]:02d}"
    m = re.search(r"\b(20[0-4]\d|19[89]\d)\b", text)
    return m.group(1) if m else ""


def title_of(text: str, filename: str) -> str:
    """The first substantial line of the text, cleaned of markdown markers."""
    for line in text.splitlines():
        clean = re.sub(r"[#*_|]+", " ", line)
        clean = re.sub(r"\s+", " ", clean).strip()
        if len(clean) >= 8 and re.search(r"[A-Za-z]{3}", clean):
            return clean[:200]
    return filename


def _council(text: str, find_council: Callable[[str], str | None]) -> str:
    """The council the first pages name; a cover page may name none (only its web address)."""
    for start in range(0, min(len(text), 30000), 3000):
        found = find_council(text[start : start + 3000])
        if found:
            return found
    return ""


def describe(text: str, filename: str) -> Guess:
    """Infer title, type, date, publisher and council from ``text``."""
    from cskg.loaders.gazetteer import find_council
    from cskg.loaders.ofsted import read_report

    report = read_report(text)
    if report is not None:
        # the document's date is when it was published (a report's cover, a letter's date);
        # an ILACS report prints no publication date, so the last day of its inspection
        return Guess(
            title=report.title or title_of(text, filename),
            doc_type=report.doc_type,
            date=report.published
            or report.end_date
            or report.start_date
            or first_date(text[:6000]),
            publisher="Ofsted",
            council=report.council,
        )
    head = text[:6000]
    doc_type, publisher = "other", ""
    for pattern, kind, pub in _TYPES:
        if re.search(pattern, head, re.IGNORECASE | re.MULTILINE | re.DOTALL):
            doc_type, publisher = kind, pub
            break
    council = _council(text, find_council)
    if not publisher and council:
        publisher = f"{council} Council"
    return Guess(
        title=title_of(text, filename),
        doc_type=doc_type,
        date=first_date(head),
        publisher=publisher,
        council=council,
    )
