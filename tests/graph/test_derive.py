"""Derived recurrence facts: years, first and last weakness years, state at the latest year."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from cskg.graph.derive import recurrence_quads, recurrences, state_at
from cskg.loaders.records import Finding
from cskg.ontology import CSKG
from cskg.ontology.themes import load_themes


@pytest.fixture(scope="module")
def scheme():
    return load_themes()


def _finding(n: int, year: int, polarity: str) -> tuple[URIRef, Finding, tuple[str, ...]]:
    f = Finding(
        text=f"finding {n}", assessment=f"a{year}", year=year, polarity=polarity, excerpts=()
    )
    return URIRef(f"https://example.org/f{n}"), f, ("assessment-quality",)


@pytest.mark.parametrize(
    ("weak", "strong", "latest", "state"),
    [
        ({2015, 2019}, set(), 2019, "persisting"),
        ({2019}, set(), 2019, "new"),
        ({2015}, {2019}, 2019, "improved"),
        ({2015}, set(), 2019, "resolved"),
        (set(), {2019}, 2019, ""),
    ],
)
def test_state_at(weak, strong, latest, state) -> None:
    assert state_at(weak, strong, latest) == state


def test_first_and_last_year_count_weaknesses_only(scheme) -> None:
    # a weakness in 2013 and 2015, a strength in 2023: the last *weakness* year is 2015
    found = [
        _finding(1, 2013, "Weakness"),
        _finding(2, 2015, "Weakness"),
        _finding(3, 2023, "Strength"),
    ]
    (r,) = [r for r in recurrences(found, scheme) if r.theme == "assessment-quality"]
    assert (r.weak_years, r.strong_years) == ((2013, 2015), (2023,))
    assert (r.first_year, r.last_year, r.state) == (2013, 2015, "improved")


def test_a_theme_only_ever_strong_has_no_first_or_last_year(scheme) -> None:
    found = [_finding(1, 2019, "Strength"), _finding(2, 2023, "Strength")]
    (r,) = [r for r in recurrences(found, scheme) if r.theme == "assessment-quality"]
    assert (r.first_year, r.last_year, r.state) == (None, None, "")
    predicates = {p for _s, p, _o, _g in recurrence_quads([r], scheme)}
    assert CSKG.firstYear not in predicates and CSKG.lastYear not in predicates
    assert CSKG.strongYear in predicates
