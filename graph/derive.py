"""Derived facts: for each theme, the assessment years it was raised as a weakness or a strength,
and its state at the latest assessment (persisting, improved, new, resolved)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from cskg.graph import iri
from cskg.graph.build import DERIVED, Quad
from cskg.loaders.records import Finding
from cskg.ontology import CSKG
from cskg.ontology.themes import ThemeScheme

STATES = {
    "persisting": CSKG.Persisting,
    "improved": CSKG.Improved,
    "new": CSKG.New,
    "resolved": CSKG.Resolved,
}


@dataclass(frozen=True)
class Recurrence:
    """One theme's history across assessment years."""

    theme: str
    weak_years: tuple[int, ...]
    strong_years: tuple[int, ...]
    latest_year: int
    state: str  # persisting | improved | new | resolved | "" (never a weakness)
    evidence: tuple[URIRef, ...]

    @property
    def first_year(self) -> int | None:
        years = self.weak_years or self.strong_years
        return min(years) if years else None

    @property
    def last_year(self) -> int | None:
        years = self.weak_years + self.strong_years
        return max(years) if years else None


def state_at(weak: set[int], strong: set[int], latest: int) -> str:
    """Persisting: weak now and before; new: weak now only; improved: weak before, strong now;
    resolved: weak before, not raised now."""
    if not weak:
        return ""
    if latest in weak:
        return "persisting" if weak - {latest} else "new"
    return "improved" if latest in strong else "resolved"


def recurrences(
    findings: list[tuple[URIRef, Finding, tuple[str, ...]]], scheme: ThemeScheme
) -> list[Recurrence]:
    """Per theme (counting a narrower theme's findings for its broader themes too)."""
    weak: dict[str, set[int]] = defaultdict(set)
    strong: dict[str, set[int]] = defaultdict(set)
    evidence: dict[str, set[URIRef]] = defaultdict(set)
    latest = max((f.year for _, f, _ in findings), default=0)
    for s, f, themes in findings:
        reach = set(themes)
        for t in themes:
            reach.update(scheme.ancestor_ids(t))
        for t in reach:
            if f.polarity == "Weakness":
                weak[t].add(f.year)
            elif f.polarity == "Strength":
                strong[t].add(f.year)
            else:
                continue
            evidence[t].add(s)
    out = []
    for theme in scheme.themes:
        w, st = weak.get(theme.id, set()), strong.get(theme.id, set())
        if not w and not st:
            continue
        out.append(
            Recurrence(
                theme=theme.id,
                weak_years=tuple(sorted(w)),
                strong_years=tuple(sorted(st)),
                latest_year=latest,
                state=state_at(w, st, latest),
                evidence=tuple(sorted(evidence[theme.id])),
            )
        )
    return out


def recurrence_quads(items: list[Recurrence], scheme: ThemeScheme) -> Iterator[Quad]:
    """The derived named graph."""
    g = DERIVED
    for r in items:
        s = iri.iri("recurrence", iri.slug(r.theme))
        label = scheme.get(r.theme).pref_label
        yield s, RDF.type, CSKG.Recurrence, g
        yield s, RDFS.label, Literal(f"Recurrence of {label}"), g
        yield s, CSKG.ofTheme, iri.theme(r.theme), g
        for y in r.weak_years:
            yield s, CSKG.weakYear, Literal(y, datatype=XSD.integer), g
        for y in r.strong_years:
            yield s, CSKG.strongYear, Literal(y, datatype=XSD.integer), g
        if r.first_year is not None:
            yield s, CSKG.firstYear, Literal(r.first_year, datatype=XSD.integer), g
        if r.last_year is not None:
            yield s, CSKG.lastYear, Literal(r.last_year, datatype=XSD.integer), g
        yield s, CSKG.weakYearCount, Literal(len(r.weak_years), datatype=XSD.integer), g
        yield s, CSKG.latestYear, Literal(r.latest_year, datatype=XSD.integer), g
        if r.state:
            yield s, CSKG.latestState, STATES[r.state], g
        for f in r.evidence:
            yield s, CSKG.evidence, f, g
