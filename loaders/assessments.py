"""Which assessments a document reports, and which one governs each part of it.

An assessment is detected from a heading naming a kind and a date ("Ofsted Focussed visit
February 2019"), from a sentence that dates one ("An improvement notice was issued in July
2013"), from the manifest's seeds, or from the document's own header. Keys are
``{council}-{kind}-{year}``; a manifest seed of the same kind and year shares the key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cskg import yamlio
from cskg.loaders import regexcache
from cskg.loaders.patterns import Prefilter, literal_parts, lowered

from .records import Assessment, Document, Excerpt

__all__ = [
    "DateRef",
    "Kind",
    "Registry",
    "find_dates",
    "find_kinds",
    "kinds",
    "slugify",
]

_DATA = Path(__file__).with_name("assessments.yaml")

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
MONTH_NAMES = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def slugify(s: str) -> str:
    """Lower-case ASCII words joined by '-'."""
    s = s.replace("’", "").replace("'", "").replace("&", " and ")
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s


@dataclass(frozen=True)
class Kind:
    """A kind of assessment and the words that name it."""

    name: str
    slug: str
    label: str
    conductor: str
    patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _data() -> dict:
    return yamlio.safe_load(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def kinds() -> tuple[Kind, ...]:
    """Assessment kinds, most specific first."""
    return tuple(
        Kind(
            k["name"],
            k["slug"],
            k["label"],
            k.get("conductor") or "",
            tuple(re.compile(p, re.IGNORECASE) for p in k["patterns"]),
        )
        for k in _data()["kinds"]
    )


def kind_by_name(name: str) -> Kind | None:
    """The kind called ``name`` (or whose words ``name`` contains)."""
    n = name.strip().lower()
    for k in kinds():
        if n in (k.name.lower(), k.slug):
            return k
    for k in kinds():
        if any(p.search(name) for p in k.patterns):
            return k
    return None


@lru_cache(maxsize=1)
def _kind_patterns() -> tuple[list[tuple[Kind, re.Pattern[str]]], Prefilter]:
    pairs = [(k, p) for k in kinds() for p in k.patterns]
    return pairs, Prefilter([p for _, p in pairs], literal_parts)


def find_kinds(text: str) -> list[tuple[Kind, int, int]]:
    """Non-overlapping kind mentions in ``text``; the more specific kind wins an overlap."""
    taken: list[tuple[int, int]] = []
    out: list[tuple[Kind, int, int]] = []
    pairs, prefilter = _kind_patterns()
    for i in prefilter.candidates(lowered(text)):
        k, p = pairs[i]
        for m in p.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            # "inspection" inside a longer, more specific phrase already claimed nearby
            taken.append((m.start(), m.end()))
            out.append((k, m.start(), m.end()))
    # a JTAI heading often repeats "inspection": drop generic mentions near a specific one
    specific = [(a, b) for k, a, b in out if k.name not in ("inspection", "review")]
    out = [
        (k, a, b)
        for k, a, b in out
        if k.name not in ("inspection", "review")
        or not any(a - sb < 60 and sa - b < 60 for sa, sb in specific)
    ]
    return sorted(out, key=lambda t: t[1])


@dataclass(frozen=True)
class DateRef:
    """A date named in text: year, with month and day where given."""

    start: int
    end: int
    year: int
    month: int | None = None
    day: int | None = None


_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_RE = regexcache.compile(
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+)?"
    rf"(?:(?P<m0>{_MONTH_RE})\.?\s+(?:(?:and|to|[-–])\s+\d{{1,2}}\s+)?)?"
    rf"(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:and|to|[-–])\s+\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?P<m>{_MONTH_RE})?\.?\s*(?P<y>(?:19[89]\d|20[0-4]\d))(?![/\d])(?!\s*[-–/]\s*\d)",
    re.IGNORECASE,
)


# the start of every year _DATE_RE matches: text without one has no date
_YEAR_START = regexcache.compile(r"19[89]|20[0-4]")


def find_dates(text: str) -> list[DateRef]:
    """Dates in ``text``: "July 2019", "15 July 2019", "20 – 22 March 2018", "2015"."""
    if _YEAR_START.search(text) is None:
        return []
    out = []
    for m in _DATE_RE.finditer(text):
        if m.start("y") > 0 and text[m.start("y") - 1] in "/-–" and not m.group("m"):
            continue  # "2015/16", "2019-2020": financial or plan years, not a date
        month_word = m.group("m") or m.group("m0")
        month = MONTHS.get(month_word.lower()) if month_word else None
        day_s = m.group("d1") or m.group("d2")
        day = int(day_s) if day_s and month else None
        start = m.start() if month else m.start("y")
        out.append(DateRef(start, m.end(), int(m.group("y")), month, day))
    return out


def _date_label(year: int, month: int | None) -> str:
    return f"{MONTH_NAMES[month]} {year}" if month else str(year)


@dataclass
class Entry:
    """One assessment known to a document, before it becomes a record."""

    key: str
    kind: Kind
    year: int
    month: int | None
    label: str
    conductor: str
    start_date: str | None = None
    end_date: str | None = None
    seed: bool = False
    excerpts: list[Excerpt] = field(default_factory=list)


@dataclass
class Registry:
    """The assessments one document knows of, by key."""

    council: str
    entries: dict[str, Entry] = field(default_factory=dict)
    own: str = ""

    @property
    def council_slug(self) -> str:
        return slugify(self.council) or "council"

    def key_for(self, kind: Kind, year: int, month: int | None) -> str:
        base = f"{self.council_slug}-{kind.slug}-{year}"
        e = self.entries.get(base)
        if e and month and e.month and abs(e.month - month) >= 3 and not self._same(e, month):
            return f"{base}-{month:02d}"
        return base

    @staticmethod
    def _same(e: Entry, month: int) -> bool:
        return any(d and len(d) >= 7 and int(d[5:7]) == month for d in (e.start_date, e.end_date))

    def add(
        self,
        kind: Kind,
        year: int,
        month: int | None,
        label: str,
        conductor: str,
        excerpt: Excerpt | None = None,
    ) -> str:
        key = self.key_for(kind, year, month)
        e = self.entries.get(key)
        if e is None:
            e = Entry(key, kind, year, month, label, conductor)
            self.entries[key] = e
        elif not e.seed:
            if month and not e.month:
                e.month = month
            if conductor and (not e.conductor or e.conductor == kind.conductor):
                e.conductor = conductor
        if excerpt is not None:
            e.excerpts.append(excerpt)
        return key

    def add_seed(self, seed: Assessment) -> str:
        kind = kind_by_name(seed.kind) or kind_by_name(seed.label)
        if kind is None:
            key = seed.key
            self.entries[key] = Entry(
                key,
                Kind(seed.kind, slugify(seed.kind), seed.kind, "", ()),
                seed.year,
                None,
                seed.label,
                seed.conducted_by,
                seed.start_date,
                seed.end_date,
                True,
            )
            return key
        month = int(seed.start_date[5:7]) if seed.start_date and len(seed.start_date) >= 7 else None
        key = self.key_for(kind, seed.year, month)
        self.entries[key] = Entry(
            key,
            kind,
            seed.year,
            month,
            seed.label,
            seed.conducted_by,
            seed.start_date,
            seed.end_date,
            True,
        )
        return key

    def resolve(
        self,
        kind: Kind,
        year: int | None,
        month: int | None,
        doc_year: int | None,
        earliest: bool = False,
        before: tuple[int, int] | None = None,
    ) -> str:
        """The key of a mentioned assessment, or "" when the document knows none such.

        :param earliest: for a plural mention ("the Improvement Notices"), the first of them
        :param before: the document's (year, month): it cannot report a later assessment
        """
        same = [e for e in self.entries.values() if e.kind.name == kind.name]
        if before is not None:
            same = [e for e in same if (e.year, e.month or 0) <= before]
        if year is not None:
            same = [e for e in same if e.year == year]
            if month and len(same) > 1:
                same = [e for e in same if e.month == month] or same
        if not same:
            return ""
        if len(same) == 1:
            return same[0].key
        if earliest:
            return min(same, key=lambda e: (e.year, e.month or 0)).key
        if doc_year is not None:
            before = [e for e in same if e.year <= doc_year]
            if before:
                return max(before, key=lambda e: (e.year, e.month or 0)).key
        return min(same, key=lambda e: (e.year, e.month or 0)).key

    def records(self, doc: Document) -> list[Assessment]:
        out = []
        for e in self.entries.values():
            out.append(
                Assessment(
                    key=e.key,
                    label=e.label,
                    kind=e.kind.name,
                    year=e.year,
                    conducted_by=e.conductor,
                    local_authority=self.council,
                    start_date=e.start_date,
                    end_date=e.end_date,
                    reported_in=(doc.id,),
                    excerpts=tuple(sorted(set(e.excerpts), key=lambda x: (x.start, x.end))),
                )
            )
        return out


def heading_assessment(title: str) -> tuple[Kind, DateRef | None, str] | None:
    """(kind, date, label) for a heading that names an assessment."""
    found = find_kinds(title)
    if not found:
        return None
    order = {k.name: i for i, k in enumerate(kinds())}
    kind, a, _ = min(found, key=lambda t: (order[t[0].name], t[1]))
    if kind.name in ("review", "inspection") and re.search(
        r"\b(?:since|after|following|before)\b[^.]{0,20}$", title[:a], re.IGNORECASE
    ):
        return None  # "Further reviews since the Ofsted inspection": about, not of, one
    dates = find_dates(title)
    date = dates[0] if dates else None
    label = title
    if date:
        label = (title[: date.start] + title[date.end :]).strip()
        label = re.sub(r"\(\s*(?:and[^)]*)?\)", "", label)
        label = re.sub(r"\s+(?:in|on|of|dated)\s*$", "", label.strip(" -–,(")).strip(" -–,(")
        label = re.sub(r"\s{2,}", " ", label)
        label = f"{label}, {_date_label(date.year, date.month)}"
    return kind, date, label


def data() -> dict:
    """The raw assessments.yaml data."""
    return _data()


def seed_kind_for_doc(doc_type: str) -> Kind | None:
    name = _data()["doc_type_kinds"].get(doc_type.strip().lower())
    return kind_by_name(name) if name else None


def choose_own(keys: Sequence[str], reg: Registry, doc_type: str) -> str:
    """Of a document's manifest assessments, the one the document itself is."""
    if not keys:
        return ""
    wanted = seed_kind_for_doc(doc_type)
    if wanted is not None:
        for k in keys:
            e = reg.entries.get(k)
            if e is not None and e.kind.name == wanted.name:
                return k
    return keys[0]
