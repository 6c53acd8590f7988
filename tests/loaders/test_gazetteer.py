"""Tests for loaders/gazetteer.py and the shipped loaders/local_authorities.yaml."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cskg.errors import CskgError
from cskg.loaders.gazetteer import LocalAuthority, find_council, load_local_authorities
from cskg.loaders.read import read_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"

AUTHORITIES = load_local_authorities()
CURRENT = [la for la in AUTHORITIES if la.abolished is None]


@pytest.mark.parametrize(
    ("name", "council"),
    [
        ("norfolk-lac-2013.pdf", "Norfolk"),
        ("peterborough-sif-2015.pdf", "Peterborough"),
        ("newham-ilacs-2019.pdf", "Newham"),
        ("isles-of-scilly-ilacs-2023.pdf", "Isles of Scilly"),
        ("trafford-ilacs-2026.pdf", "Trafford"),
        ("darlington-focused-visit-2021.pdf", "Darlington"),
        ("barnsley-focused-visit-2024.pdf", "Barnsley"),
    ],
)
def test_find_council_on_first_page_of_each_fixture(name: str, council: str) -> None:
    source = read_document(FIXTURES / name)
    first_page = source.text[: source.page_starts[1]]
    assert find_council(first_page) == council


@pytest.mark.parametrize(
    ("text", "council"),
    [
        ("Inspection of Kent local authority children’s services", "Kent"),
        ("Medway Council\nCabinet\n12 March 2024", "Medway"),
        ("Director of Children's Services, Kingston upon Hull City Council", "Kingston upon Hull"),
        ("Focused visit to Hull children’s services", "Kingston upon Hull"),
        ("Inspection of City of York Council local authority children’s services", "York"),
        ("London Borough of Hammersmith & Fulham", "Hammersmith and Fulham"),
        ("Royal Borough of Kingston-upon-Thames", "Kingston upon Thames"),
        ("St. Helens Council", "St Helens"),
        ("Bath and North East Somerset Council", "Bath and North East Somerset"),
        ("BCP Council", "Bournemouth, Christchurch and Poole"),
        ("Durham County Council", "Durham"),
        # Longest variant first: the longer name hides the shorter one inside it.
        ("Inspection of North Northamptonshire local authority", "North Northamptonshire"),
        ("Northamptonshire County Council", "Northamptonshire"),
        ("Central Bedfordshire Council", "Central Bedfordshire"),
        # A title beats a name mentioned earlier or more often.
        (
            "Dear Ms Smith, Leeds and Bradford have worked together. Leeds, Leeds.\n"
            "Focused visit to Bradford children’s services",
            "Bradford",
        ),
        ("Children’s services in Wirral are inadequate", "Wirral"),
        # Otherwise the most mentioned; the earliest on a tie.
        ("Kent and Medway; Medway again", "Medway"),
        ("Kent and Medway", "Kent"),
        # Word boundaries and proper nouns only.
        ("Derbyshire County Council", "Derbyshire"),
        ("inspectors were reading case files; they did not bury the lead", None),
        ("Newcastle-under-Lyme Borough Council", None),
        ("Yorkshire", None),
        ("", None),
    ],
)
def test_find_council(text: str, council: str | None) -> None:
    assert find_council(text) == council


def test_find_council_reads_only_the_head() -> None:
    assert find_council("x" * 3000 + " Kent County Council") is None


def test_find_council_with_a_custom_gazetteer() -> None:
    mine = (LocalAuthority(name="Atlantis", variants=("Atlantis Council",)),)
    assert find_council("Atlantis Council cabinet", mine) == "Atlantis"
    assert find_council("Kent County Council", mine) is None


def test_gazetteer_size_and_unique_names_and_codes() -> None:
    assert len(AUTHORITIES) >= 150
    assert len(CURRENT) == 153
    names = [la.name for la in AUTHORITIES]
    assert len(names) == len(set(names))
    codes = [la.gss for la in AUTHORITIES if la.gss]
    assert len(codes) == len(set(codes))
    urns = [la.urn for la in AUTHORITIES if la.urn]
    assert len(urns) == len(set(urns))


def test_known_codes() -> None:
    by_name = {la.name: la for la in AUTHORITIES}
    assert by_name["Medway"].gss == "E06000035"
    assert by_name["Medway"].urn == "80522"
    assert by_name["Kent"].gss == "E10000016"
    assert by_name["Kent"].region == "South East"
    assert by_name["Barnsley"].gss == "E08000038"  # recoded in 2021 (was E08000016)
    assert by_name["North Yorkshire"].gss == "E06000065"  # unitary since 2023
    assert "Hull" in by_name["Kingston upon Hull"].variants


def test_every_current_authority_has_codes_and_region() -> None:
    regions = {
        "North East", "North West", "Yorkshire and The Humber", "East Midlands",
        "West Midlands", "East of England", "London", "South East", "South West",
    }  # fmt: skip
    for la in CURRENT:
        assert la.gss and re.fullmatch(r"E(06|08|09|10)\d{6}", la.gss), la
        assert la.urn and la.urn.isdigit(), la
        assert la.dfe_code and re.fullmatch(r"\d{3}", la.dfe_code), la
        assert la.region in regions, la


def test_gss_prefix_matches_kind() -> None:
    by_name = {la.name: la for la in AUTHORITIES}
    assert by_name["Camden"].gss.startswith("E09")  # London borough
    assert by_name["City of London"].gss == "E09000001"
    assert by_name["Isles of Scilly"].gss.startswith("E06")


def test_neighbours_are_known_current_authorities() -> None:
    current_codes = {la.gss for la in CURRENT}
    for la in CURRENT:
        assert len(la.neighbours) == 10, la.name
        assert set(la.neighbours) <= current_codes - {la.gss}, la.name


def test_abolished_authorities_name_their_successors() -> None:
    names = {la.name for la in AUTHORITIES}
    abolished = {la.name: la for la in AUTHORITIES if la.abolished}
    assert set(abolished) == {"Bournemouth", "Cumbria", "Northamptonshire", "Poole"}
    for la in abolished.values():
        assert la.replaced_by and set(la.replaced_by) <= names


def test_no_variant_names_two_authorities() -> None:
    def fold(s: str) -> str:
        return re.sub(r"\s+", " ", re.sub(r"[-.&]", " ", s.replace("&", "and"))).casefold()

    owners = Counter(fold(name) for la in AUTHORITIES for name in set(map(fold, la.names)))
    assert [name for name, n in owners.items() if n > 1] == []


def test_load_reports_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "las.yaml"
    path.write_text("- name: Kent\n- gss: E10000016\n")
    with pytest.raises(CskgError) as err:
        load_local_authorities(path)
    assert str(err.value) == f"{path}: entry 2: needs a 'name'"


def test_load_rejects_unknown_fields(tmp_path: Path) -> None:
    path = tmp_path / "las.yaml"
    path.write_text("- name: Kent\n  gsss: E10000016\n")
    with pytest.raises(CskgError) as err:
        load_local_authorities(path)
    assert str(err.value) == f"{path}: entry 1 (Kent): unknown field 'gsss'"


def _names_sample() -> list[str]:
    from cskg.loaders.gazetteer import _matcher

    return sorted(_matcher(load_local_authorities()).names)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_names_sample()).map(lambda n: n.title() if len(n) % 2 else n.upper()),
            st.sampled_from([" ", ", ", "-", "'s ", ". ", "shire ", "North ", "x", "\n"]),
            st.text(alphabet="abcNSTWYorkhire -'\u0130\u212a", max_size=8),
        ),
        max_size=25,
    ).map("".join)
)
def test_the_council_trie_matches_as_the_longest_first_alternation(text: str) -> None:
    from cskg.loaders.gazetteer import _matcher

    matcher = _matcher(load_local_authorities())
    names = sorted(matcher.names, key=lambda v: (-len(v), v))
    plain = re.compile(rf"\b(?:{'|'.join(re.escape(v) for v in names)})\b", re.IGNORECASE)
    assert [m.span() for m in matcher.pattern.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
