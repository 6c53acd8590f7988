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
    council: str
    weak_years: tuple[int, ...]
    strong_years: tuple[int, ...]
    latest_year: int
    state: str  # persisting | improved | new | resolved | "" (never a weakness)
    evidence: tuple[URIRef, ...]

    @property
    def first_year(self) -> int | None:
        """The earliest year it was raised as a weakness (None if never)."""
        return min(self.weak_years) if self.weak_years else None

    @property
    def last_year(self) -> int | None:
        """The most recent year it was raised as a weakness (None if never)."""
        return max(self.weak_years) if self.weak_years else None


def state_at(weak: set[int], strong: set[int], latest: int) -> str:
    """Persisting: weak now and before; new: weak now only; improved: weak before, strong now;
    resolved: weak before, not raised now."""
    if not weak:
        return ""
    if latest in weak:
        return "persisting" if weak - {latest} else "new"
    return "improved" if latest in strong else "resolved"


def recurrences(
    findings: list[tuple[URIRef, Finding, tuple[str, ...]]],
    scheme: ThemeScheme,
    council_of: dict[str, str] | None = None,
) -> list[Recurrence]:
    """Per council and theme (a narrower theme's findings count for its broader themes too).

    ``council_of`` maps an assessment key to the council it assessed: recurrence is a
    council's own history, so a national corpus gets one per council.
    """
    council_of = council_of or {}
    weak: dict[tuple[str, str], set[int]] = defaultdict(set)
    strong: dict[tuple[str, str], set[int]] = defaultdict(set)
    evidence: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    latest: dict[str, int] = defaultdict(int)
    for s, f, themes in findings:
        council = council_of.get(f.assessment, "")
        latest[council] = max(latest[council], f.year)
        reach = set(themes)
        for t in themes:
            reach.update(scheme.ancestor_ids(t))
        for t in reach:
            if f.polarity == "Weakness":
                weak[council, t].add(f.year)
            elif f.polarity == "Strength":
                strong[council, t].add(f.year)
            else:
                continue
            evidence[council, t].add(s)
    out = []
    for council in sorted(latest):
        for theme in scheme.themes:
            key = (council, theme.id)
            w, st = weak.get(key, set()), strong.get(key, set())
            if not w and not st:
                continue
            out.append(
                Recurrence(
                    theme=theme.id,
                    council=council,
                    weak_years=tuple(sorted(w)),
                    strong_years=tuple(sorted(st)),
                    latest_year=latest[council],
                    state=state_at(w, st, latest[council]),
                    evidence=tuple(sorted(evidence[key])),
                )
            )
    return out


def recurrence_quads(items: list[Recurrence], scheme: ThemeScheme) -> Iterator[Quad]:
    """The derived named graph."""
    g = DERIVED
    # each term looked up once, not once per quad (a namespace attribute is a call)
    a, label_p, recurrence = RDF.type, RDFS.label, CSKG.Recurrence
    of_theme, local_authority, weak_year = CSKG.ofTheme, CSKG.localAuthority, CSKG.weakYear
    strong_year, first_year, last_year = CSKG.strongYear, CSKG.firstYear, CSKG.lastYear
    weak_count, latest_year, latest_state = CSKG.weakYearCount, CSKG.latestYear, CSKG.latestState
    evidence, integer = CSKG.evidence, XSD.integer
    for r in items:
        s = iri.iri("recurrence", iri.slug(r.council or "all"), iri.slug(r.theme))
        label = scheme.get(r.theme).pref_label
        where = f" in {r.council}" if r.council else ""
        yield s, a, recurrence, g
        yield s, label_p, Literal(f"Recurrence of {label}{where}"), g
        yield s, of_theme, iri.theme(r.theme), g
        if r.council:
            yield s, local_authority, iri.local_authority(r.council), g
        for y in r.weak_years:
            yield s, weak_year, Literal(y, datatype=integer), g
        for y in r.strong_years:
            yield s, strong_year, Literal(y, datatype=integer), g
        if r.first_year is not None:
            yield s, first_year, Literal(r.first_year, datatype=integer), g
        if r.last_year is not None:
            yield s, last_year, Literal(r.last_year, datatype=integer), g
        yield s, weak_count, Literal(len(r.weak_years), datatype=integer), g
        yield s, latest_year, Literal(r.latest_year, datatype=integer), g
        if r.state:
            yield s, latest_state, STATES[r.state], g
        for f in r.evidence:
            yield s, evidence, f, g
