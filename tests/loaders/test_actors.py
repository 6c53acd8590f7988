"""loaders/actors.py: the people a report names, and the roles it gives them.

The inspection teams below are quoted from Ofsted reports of other councils (2014–2024).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cskg.loaders.actors import find_people, find_team, gazetteer, name_at, team_role
from cskg.loaders.extract import extract_document
from cskg.loaders.records import Document

NORFOLK_2018 = (
    "The inspection team\n"
    "Lead inspector: Donna Marriott\n"
    "Deputy lead inspector: Mandy Nightingale \n"
    "Team inspectors: Anne Waterman, Nigel Parkes, Marcie Taylor, Tony Gallagher\n"
    "Senior data analyst: Matthew King \n"
    "Quality assurance manager: Lynn Radley \n"
    "\n"
    "21\n"
)
LANCASHIRE_2018 = (
    "The inspection team\n"
    "Lead inspector: Lorna Schlechte, Her Majesty’s Inspector\n"
    "Deputy lead inspector: Sue Myers, Her Majesty’s Inspector\n"
    "Team inspectors: \n"
    "Nigel Parkes, HMI\n"
    "Ian Young, HMI\n"
    "Kathryn Townsley, Ofsted Inspector\n"
    "Diane Partridge, HMI (Desigate)\n"
    "Senior data analyst: Stewart Hartshorne\n"
    "Quality assurance manager: Jenny Turnross, Senior Her Majesty’s Inspector\n"
)
# names wrapped onto the next line, "HMI" after each, a title word after a name
WRAPPED = (
    "Team inspectors: Joy Howick, HMI, Pauline Higham, HMI, Nick Stacey, HMI, Nick \n"
    "Crombie, HMI, Emmy Tomsett, HMI\n"
    "Shadow inspectors: Natalie Trentham HMI and Joy Howick HMI\n"
    "Quality assurance manager: Helen Cawston, Senior HMI\n"
)
# the 2018+ reports name the lead inspector above the grade table
HAVERING_2018 = (
    "Inspection dates: 11 June 2018 to 22 June 2018\n"
    "Lead inspector: Andy Whippey, HMI\n"
    "Judgement Grade\n"
    "The impact of leaders on social work practice with children and families Good\n"
)


def _team(text: str) -> list[tuple[str, str, str]]:
    return [(m.name, team_role(m.intro), m.title) for m in find_team(text)[0]]


def test_each_line_of_an_inspection_team_gives_its_role_to_every_name_on_it() -> None:
    assert _team(NORFOLK_2018) == [
        ("Donna Marriott", "Lead inspector", ""),
        ("Mandy Nightingale", "Deputy lead inspector", ""),
        ("Anne Waterman", "Team inspector", ""),
        ("Nigel Parkes", "Team inspector", ""),
        ("Marcie Taylor", "Team inspector", ""),
        ("Tony Gallagher", "Team inspector", ""),
        ("Matthew King", "Senior data analyst", ""),
        ("Lynn Radley", "Quality assurance manager", ""),
    ]


def test_a_team_listed_one_a_line_with_titles() -> None:
    assert _team(LANCASHIRE_2018) == [
        ("Lorna Schlechte", "Lead inspector", "Her Majesty’s Inspector"),
        ("Sue Myers", "Deputy lead inspector", "Her Majesty’s Inspector"),
        ("Nigel Parkes", "Team inspector", "HMI"),
        ("Ian Young", "Team inspector", "HMI"),
        ("Kathryn Townsley", "Team inspector", ""),
        ("Diane Partridge", "Team inspector", "HMI"),
        ("Stewart Hartshorne", "Senior data analyst", ""),
        ("Jenny Turnross", "Quality assurance manager", "Her Majesty’s Inspector"),
    ]


def test_wrapped_names_and_hmi_after_each() -> None:
    assert _team(WRAPPED) == [
        ("Joy Howick", "Team inspector", "HMI"),
        ("Pauline Higham", "Team inspector", "HMI"),
        ("Nick Stacey", "Team inspector", "HMI"),
        ("Nick Crombie", "Team inspector", "HMI"),
        ("Emmy Tomsett", "Team inspector", "HMI"),
        ("Natalie Trentham", "Shadow inspector", "HMI"),
        ("Joy Howick", "Shadow inspector", "HMI"),
        ("Helen Cawston", "Quality assurance manager", "HMI"),
    ]


def test_the_line_after_the_lead_inspector_is_not_a_name() -> None:
    assert _team(HAVERING_2018) == [("Andy Whippey", "Lead inspector", "HMI")]


def test_team_lines_are_not_read_again_as_name_and_title() -> None:
    # before: "Team inspectors: Anne Waterman, Nigel Parkes" made "Nigel Parkes" Anne
    # Waterman's job title, and "Matthew King" took the next line's as his
    people = find_people(NORFOLK_2018, gazetteer("Norfolk"))
    assert {(p.name, p.title, p.intro) for p in people if not p.team} == set()


def _doc(text: str) -> Document:
    return Document(
        id="r",
        path="corpus/r.txt",
        title="Norfolk",
        doc_type="inspection report",
        date="2018-01-19",
        publisher="Ofsted",
        council="Norfolk",
        sha256="0" * 64,
        text=text,
    )


@pytest.mark.parametrize("text", [NORFOLK_2018, LANCASHIRE_2018, WRAPPED, HAVERING_2018])
def test_team_roles_are_ofsted_roles_with_exact_excerpts(text: str) -> None:
    x = extract_document(_doc(text), ())
    assert x.roles
    for r in x.roles:
        assert r.organisation == "ofsted"
        assert text[r.excerpt.start : r.excerpt.end] == r.excerpt.quote
        label = next(a.label for a in x.agents if a.key == r.agent)
        assert " ".join(r.excerpt.quote.split()).startswith(label)
    roles = {(r.agent, r.role) for r in x.roles}
    if text is NORFOLK_2018:
        assert ("mandy-nightingale", "Deputy lead inspector") in roles
        assert ("mandy-nightingale", "Lead inspector") not in roles
        assert ("donna-marriott", "Lead inspector") in roles
    if text is LANCASHIRE_2018:  # "Senior Her Majesty’s Inspector", in 2018
        assert ("jenny-turnross", "Her Majesty's Inspector") in roles
    if text is HAVERING_2018:  # "Andy Whippey HMI", in 2018: Her Majesty's, by its date
        assert ("andy-whippey", "Her Majesty's Inspector") in roles


@pytest.mark.parametrize(
    ("date", "written", "title"),
    [
        ("2019-02-05", "HMI", "Her Majesty's Inspector"),
        ("2022-09-07", "HMI", "Her Majesty's Inspector"),
        ("2022-09-08", "HMI", "His Majesty's Inspector"),
        ("2023", "HMI", "His Majesty's Inspector"),
        ("2022", "HMI", "Her Majesty's Inspector"),  # a year alone: before the day
        ("", "HMI", "His Majesty's Inspector"),  # no date: today's title
        # as the text spells it out, whatever the date says
        ("2023-01-10", "Her Majesty’s Inspector", "Her Majesty's Inspector"),
        ("2019-02-05", "Senior His Majesty's Inspector", "His Majesty's Inspector"),
    ],
)
def test_an_inspectors_title_is_the_one_of_the_documents_date(
    date: str, written: str, title: str
) -> None:
    post = next(p for p in gazetteer("Norfolk").posts if p.key == "his-majestys-inspector")
    assert post.title_on(date, written) == title


def test_a_post_without_earlier_titles_keeps_its_label() -> None:
    post = next(p for p in gazetteer("Norfolk").posts if p.key == "director-of-people")
    assert post.title_on("2013-01-01", "Director of People") == "Director of People"
    assert post.title_on("", "") == "Director of People"


_FIRST = st.sampled_from(["Anne", "Nigel", "Mary-Jane", "Brenda", "Tony", "Sue"])
_LAST = st.sampled_from(["Waterman", "McLaughlin", "Trevelyan-Butler", "Young", "Parkes"])
_LABEL = st.sampled_from(["Team inspectors", "Lead inspector", "Shadow inspectors"])


@given(
    _LABEL,
    st.lists(st.tuples(_FIRST, _LAST, st.sampled_from(["", " HMI", ", HMI"])), min_size=1),
    st.sampled_from([", ", ",\n", " and "]),
)
def test_every_name_of_a_generated_team_line_is_found_where_it_is(
    label: str, people: list[tuple[str, str, str]], sep: str
) -> None:
    text = f"{label}: " + sep.join(f"{a} {b}{t}" for a, b, t in people) + "\n\nAny complaints\n"
    found = find_team(text)[0]
    assert [m.name for m in found] == [f"{a} {b}" for a, b, _ in people]
    for m, (_, _, t) in zip(found, people, strict=True):
        assert text[m.start :].startswith(m.name)
        assert m.title == ("HMI" if t else "")
        assert not re.search(r"\s$", text[m.start : m.end])


# focused visit letters name their inspectors in a sentence, in several forms
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # St Helens 2018: the title wraps after "Her Majesty’s"
            "The inspectors were Stella Elliott, Her Majesty’s \n"
            "Inspector, and Caroline Walsh, Her Majesty’s Inspector.\n",
            {"Stella Elliott", "Caroline Walsh"},
        ),
        (  # South Tyneside 2022: no comma before "and"
            "The inspectors were Louise Walker, Her Majesty’s \n"
            "Inspector and Julie Knight, Her Majesty’s Inspector.\n",
            {"Louise Walker", "Julie Knight"},
        ),
        (  # Knowsley 2020: a title that wraps after "Her" (a name that wraps, "Kathryn
            # \nGrindrod", is still not read: a name may not span lines in this form)
            "The inspectors were Paula Thomson-Jones, Her \nMajesty’s Inspector, HMI Neil "
            "Penswick, Her Majesty’s Inspector, and Kathryn \nGrindrod, Her Majesty’s Inspector.\n",
            {"Paula Thomson-Jones", "Neil Penswick"},
        ),
        (  # Rotherham 2020: one title for the list
            "The inspectors were Matt Reed, Louise \nHollick, Mandy Nightingale, Kathryn Grindrod "
            "and Michele Costello, all of whom are \nHer Majesty’s Inspectors.\n",
            {"Matt Reed", "Louise Hollick", "Mandy Nightingale", "Kathryn Grindrod",
             "Michele Costello"},
        ),
        (  # Sutton 2018
            "a focused visit to the London Borough of \nSutton children’s services on 26 and 27 "
            "June 2018 carried out by Caroline Walsh and \nMarcie Taylor, Her Majesty's "
            "Inspectors.\n",
            {"Caroline Walsh", "Marcie Taylor"},
        ),
        (  # Bolton 2021: the title first
            "29 and 30 June 2021. Her Majesty’s Inspectors for this visit were Mandy Nightingale "
            "\nand Kathryn Grindrod.\n",
            {"Mandy Nightingale", "Kathryn Grindrod"},
        ),
        (  # Shropshire 2019: "Mc" and a capital
            "The inspectors were Peter McEntee,\nHer Majesty’s Inspector, and Alison Smale, Her "
            "Majesty’s Inspector.\n",
            {"Peter McEntee", "Alison Smale"},
        ),
    ],
)  # fmt: skip
def test_a_letters_inspectors(text: str, expected: set[str]) -> None:
    found = find_people(text, gazetteer("X"))
    inspectors = {p.name for p in found if re.fullmatch(r"H(?:is|er) Majesty.s Inspector", p.title)}
    assert expected <= inspectors
    assert all(p.title.endswith("Inspector") for p in found)  # no title runs into a name
    for p in found:
        assert p.name.split()[-1] in " ".join(text[p.start : p.end].split())


def test_a_list_name_stops_at_the_next_sentence() -> None:
    # Westminster 2022: no full stop after the last name
    text = (
        "Her Majesty’s Inspectors for this visit were Kendra \nBell and Teresa Godfrey\n"
        "Inspectors looked at the local authority’s arrangements.\n"
    )
    names = {p.name for p in find_people(text, gazetteer("Westminster"))}
    assert names == {"Kendra Bell", "Teresa Godfrey"}


def test_a_team_line_name_with_an_apostrophe() -> None:
    # Darlington 2015: "O’Brien" is a name, and the team line below is no title
    text = (
        "Lead inspector: Wendy Ghaffar\nDeputy lead inspector: Dick O’Brien\n"
        "Team inspectors: Gary Lamb, Carolyn Spray\n"
    )
    found = {(p.name, p.intro) for p in find_people(text, gazetteer("Darlington"))}
    assert ("Dick O’Brien", "Deputy lead inspector") in found
    assert all(not p.title.startswith("Team") for p in find_people(text, gazetteer("X")))


def test_an_independent_chair_is_no_person() -> None:
    # Bradford 2014: a list of posts, not a person and a title
    text = (
        "lines of communication between the Independent Chair, Director of \n"
        "Children’s Services and the Chief Executive of the authority. There is \n"
    )
    assert [p.name for p in find_people(text, gazetteer("X"))] == []


@pytest.mark.parametrize(
    ("text", "council", "name", "title"),
    [
        # Leeds 2021: honours after the name on its own line
        (
            "Saleem Tariq OBE \nDirector of Children and Families\nThe Merrion Centre\n",
            "Leeds",
            "Saleem Tariq",
            "Director of Children and Families",
        ),
        # Derbyshire 2025, Rotherham: an interim, acting or strategic director
        (
            "9 June 2025\nAlison Noble\nInterim Executive Director of Children’s Services \n"
            "Derbyshire County Council \n",
            "Derbyshire",
            "Alison Noble",
            "Interim Executive Director of Children’s Services",
        ),
        (
            "Jon Stonehouse\nStrategic Director of Children’s Services\nRotherham Council\n",
            "Rotherham",
            "Jon Stonehouse",
            "Strategic Director of Children’s Services",
        ),
        # Birmingham 2020, St Helens 2018: names with an apostrophe, a professor
        (
            "13 March 2020\nTim O’Neill\nDirector for Education and Skills\n"
            "Birmingham City Council\n",
            "Birmingham",
            "Tim O’Neill",
            "Director for Education and Skills",
        ),
        (
            "6 December 2018\nProfessor Sarah O’Brien\nDirector of People’s Services \n"
            "St Helens Metropolitan Borough Council\n",
            "St Helens",
            "Sarah O’Brien",
            "Director of People’s Services",
        ),
        # Westminster 2022: a post shared by two boroughs
        (
            "20 July 2022\nSarah Newman\nBi-Borough Executive Director of Children’s Services\n"
            "Westminster City Council\n",
            "Westminster",
            "Sarah Newman",
            "Bi-Borough Executive Director of Children’s Services",
        ),
    ],
)
def test_a_letters_addressee(text: str, council: str, name: str, title: str) -> None:
    found = [(p.name, p.title) for p in find_people(text, gazetteer(council))]
    assert (name, title) in found
    for p in find_people(text, gazetteer(council)):
        assert text[p.start : p.end].startswith(p.name)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        # a title before the name, between commas
        (
            "A consultant, Jon Gilbert, was commissioned to undertake this review.",
            "Jon Gilbert",
            "Consultant",
        ),
        ("The independent chair, Jane Doe, said so.", "Jane Doe", "Independent chair"),
        (
            "The Director of Children's Services, Mary Smith, attended.",
            "Mary Smith",
            "Director of Children's Services",
        ),
    ],
)
def test_a_title_before_the_name(text: str, name: str, title: str) -> None:
    (p,) = find_people(text, gazetteer("X"))
    assert (p.name, p.title) == (name, title)
    assert text[p.start : p.end].endswith(name)  # the quote holds the title and the name


def test_a_list_of_posts_is_no_title_before_a_name() -> None:
    assert find_people("Both the Chief Executive, Lead Member, and others.", gazetteer("X")) == []


def test_a_consultant_holds_no_post_in_the_council() -> None:
    text = "Placements were reviewed in October. A consultant, Jon Gilbert, was commissioned.\n"
    doc = Document(
        id="d", path="d.txt", title="t", doc_type="commissioner report", date="2019-12",
        publisher="", council="Medway", text=text, sha256="0" * 64,
    )  # fmt: skip
    x = extract_document(doc, ())
    roles = [(r.agent, r.role, r.organisation) for r in x.roles]
    assert roles == [("jon-gilbert", "Consultant", "")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Councillors Cooper, Howcroft-Scott and Johnson requested that their votes in favour "
            "of the decision be recorded.",
            ["Councillor Cooper", "Councillor Howcroft-Scott", "Councillor Johnson"],
        ),
        ("Councillor Khan asked about caseloads.", ["Councillor Khan"]),
        # a full name is read with its title, as any other; councillors as a group are nobody
        ("Councillor Adam Price, Portfolio Holder for Children's Services", ["Adam Price"]),
        ("Councillors and officers met.", []),
    ],
)
def test_councillors_named_by_surname(text: str, names: list[str]) -> None:
    found = find_people(text, gazetteer("Medway"))
    assert [p.name for p in found] == names
    for p in found:
        assert text[p.start : p.end].startswith(("Councillor", "Adam"))


@pytest.mark.parametrize(
    ("text", "name", "at"),
    [
        ("Councillor Young asked about caseloads.", "Young", 11),
        ("Ian Young will chair the panel.", "Ian Young", 0),
        ("Councillors Cooper, Howcroft-Scott and Johnson requested it.", "Johnson", 39),
        ("The Commissioner, Eleanor Brazil, will report.", "Brazil", 26),
        # a surname inside a longer name, or before "people", names nobody
        ("the Children and Young People's Select Committee", "Young", -1),
        ("Young people said that they felt safe.", "Young", -1),
        ("Young children have received one-to-one support.", "Young", -1),
        ("Youngsters are consulted.", "Young", -1),
    ],
)
def test_where_a_person_is_named(text: str, name: str, at: int) -> None:
    assert name_at(text, name) == at


@given(
    st.text(alphabet="Young peopleCrx ,.'", max_size=40), st.sampled_from(["Young", "Ian Young"])
)
def test_a_name_is_found_only_where_it_is(text: str, name: str) -> None:
    at = name_at(text, name)
    assert at == -1 or text[at : at + len(name)] == name


def test_a_post_is_an_agent_of_the_council_it_is_in() -> None:
    gaz = gazetteer("Medway")
    dop = next(p for p in gaz.posts if p.key == "director-of-people")
    agent = gaz.agent(dop.agent_key)
    assert agent is not None
    assert (agent.kind, agent.label, agent.organisation, agent.role) == (
        "Post", "Director of People, Medway Council", "medway-council", "Director of People",
    )  # fmt: skip
    # a commissioner is appointed to one council: the post is that council's
    commissioner = next(p for p in gaz.posts if p.key == "commissioner")
    assert gaz.agent(commissioner.agent_key).label == (  # type: ignore[union-attr]
        "Children's Services Commissioner for Medway"
    )
    assert (
        commissioner.agent_key
        != next(p for p in gazetteer("Leeds").posts if p.key == "commissioner").agent_key
    )


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ensure that elected members understand their role as corporate parents.", True),
        (
            "Members in key executive roles must ensure that the needs of children are championed.",
            True,
        ),
        # a board's or panel's members, as often as the council's (Ofsted reports' LSCB sections)
        ("Members come from diverse backgrounds and represent the voices of children.", False),
        ("Members of the corporate parenting panel visit children's homes.", False),
    ],
)
def test_elected_members_only_where_the_words_say_so(text: str, named: bool) -> None:
    keys = {k for _, k in gazetteer("Medway").orgs_in(text)}
    assert ("medway-elected-members" in keys) is named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The regional adoption agency (RAA) has improved the timeliness of matching.", True),
        ("Adopters are positive about the support from the RAA.", True),
        ("Regional Adoption Agencies were set up from 2017.", True),
        ("The adoption panel is effective.", False),
    ],
)
def test_a_councils_regional_adoption_agency(text: str, expected: bool) -> None:
    gaz = gazetteer("Medway")
    keys = {k for _, k in gaz.orgs_in(text)}
    assert ("medway-regional-adoption-agency" in keys) is expected
    if expected:
        assert gaz.org("medway-regional-adoption-agency").label == (
            "Regional adoption agency of Medway"
        )


@pytest.mark.parametrize(
    ("text", "trust"),
    [
        ("Doncaster Children's Services Trust delivers children's social care.", True),
        ("Slough Children First took over the service in 2021.", True),
        ("Achieving for Children provides children's services for Kingston.", True),
        ("Inspection of Bradford Children and Families Trust children’s services", True),
        # Kent 2013: an improvement plan's name
        ("Putting Children First sets out the council’s improvement agenda.", False),
        # Leeds 2015: the partnership board of the 2000s, as "the Children's Trust" was
        ("Priorities are set out in the Children and Families Trust strategic plan.", False),
        ("The Children and Families Trust Board meets quarterly.", False),
        ("The Children's Trust and the Health and Wellbeing Board have clear links.", False),
    ],
)
def test_a_childrens_services_trust_is_named_by_a_place(text: str, trust: bool) -> None:
    keys = {k for _, k in gazetteer("Leeds").orgs_in(text)}
    assert ("leeds-childrens-services-trust" in keys) is trust
