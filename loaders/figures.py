"""Numbers the corpus reports: money, percentages, caseloads and counts (a first pass)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FigureHit", "figures_in"]


@dataclass(frozen=True)
class FigureHit:
    """A number in ``text[start:end]`` with its unit and what it measures."""

    value: float
    unit: str
    measure: str
    year: int | None
    start: int
    end: int


_MONEY = re.compile(
    r"(?:c\.?\s?)?£\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s?(?P<mult>million|m\b|bn|billion|k\b)?",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?%")
_CASES = re.compile(
    r"(?P<n>\d+)\s+(?P<what>cases|children|families|social workers?|social worker posts|"
    r"unallocated cases|vacancies|agency (?:staff|workers))\b",
    re.IGNORECASE,
)
_FIN_YEAR = re.compile(r"\b(20\d{2})\s*/\s*\d{2}\b|\b(20\d{2})\b")
_MULT = {"million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}


def _measure(s: str, a: int, b: int) -> str:
    """A few words around the number, as a plain description of what it counts."""
    left = re.findall(r"[A-Za-z][\w'’-]*", s[max(0, a - 60) : a])[-5:]
    right = re.findall(r"[A-Za-z][\w'’-]*", s[b : b + 50])[:5]
    return " ".join(left + ["…"] + right)


def figures_in(sentence: str, offset: int) -> list[FigureHit]:
    """Figures in one sentence; offsets are shifted by ``offset`` into the document."""
    out: list[FigureHit] = []
    years = _FIN_YEAR.search(sentence)
    year = int(years.group(1) or years.group(2)) if years else None
    taken: list[tuple[int, int]] = []
    for m in _MONEY.finditer(sentence):
        n = float(m.group("n").replace(",", ""))
        mult = _MULT.get((m.group("mult") or "").lower(), 1.0)
        out.append(
            FigureHit(
                n * mult,
                "GBP",
                _measure(sentence, m.start(), m.end()),
                year,
                offset + m.start(),
                offset + m.end(),
            )
        )
        taken.append((m.start(), m.end()))
    for m in _PERCENT.finditer(sentence):
        out.append(
            FigureHit(
                float(m.group("n")),
                "percent",
                _measure(sentence, m.start(), m.end()),
                year,
                offset + m.start(),
                offset + m.end(),
            )
        )
    for m in _CASES.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        what = m.group("what").lower()
        out.append(
            FigureHit(
                float(m.group("n")),
                "count",
                _measure(sentence, m.start(), m.end()) or what,
                year,
                offset + m.start(),
                offset + m.end(),
            )
        )
    return out
