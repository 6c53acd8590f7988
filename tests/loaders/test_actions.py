"""Actions: what counts as one, who is responsible, and the sentence an action points back to.

The sentences are fragments of real council and inspection reports.
"""

from __future__ import annotations

import pytest

from cskg.loaders.actions import antecedent, due_date, is_action, responsible
from cskg.loaders.actors import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return gazetteer("Medway")


@pytest.mark.parametrize(
    "sentence",
    [
        # recommendations, next steps and commitments
        "Ofsted will return to Medway to do a focused visit in a year.",
        "Recruitment to the two Assistant Director roles must proceed rapidly.",
        "The local authority should ensure that return home interviews are offered.",
        "The Cabinet is asked to accept this report as urgent.",
        "We will work closely with HR colleagues to build a stable workforce.",
        "The Committee noted the report and requested a report on the Edge of Care Services.",
        "A Test of Assurance will be undertaken in early 2024, supported by the LGA.",
        "It is intended to build these posts into the 2020/21 base budget.",
        # "when it is not possible" states a condition, not that something cannot be known
        "When it is not possible for them to return home, the local authority will offer them "
        "accommodation.",
        # an adverb between the auxiliary and "agreed to"
        "Cabinet have recently agreed to the closure of the unit.",
        # an agent's need is a recommendation
        "The Council needs to use the lessons from the range of reviews it has commissioned.",
        # a participle or a place after "will be" is a step someone takes
        "The STC will be closing in March and will re-open in September next year.",
        "A new plan will be in place by March 2024.",
        # "should" with a verb is a recommendation, not a condition
        "The Commissioner role should be retained for a period of time.",
        # the imperative of an Ofsted recommendation, with or without its timescale
        "Ensure that all staff receive regular good quality supervision which strengthens "
        "management oversight.",
        "Develop and implement a neglect strategy.",
        "Immediately:  ensure all elected members understand their corporate parenting duties "
        "and responsibilities for looked after children",
        "Within three months:  ensure all children have a good quality personal education plan",
    ],
)
def test_actions(sentence: str) -> None:
    assert is_action(sentence, in_action_section=False)


@pytest.mark.parametrize(
    "sentence",
    [
        # a statement of impossibility
        "It is not possible therefore to judge how quickly and effectively these priorities "
        "will be acted on to make a real difference.",
        "It is unclear what 'typical' ongoing demand levels on the service should be.",
        # how inspections usually run
        "Usually, two inspectors will be on site for two days contained within one week.",
        # a negated fact
        "No consultation has been undertaken in relation to this report, but the outcomes of "
        "the Ofsted inspection will be published on the Ofsted website, so will be made "
        "available to the general public.",
        "Nor will they indicate what the grade may have been if the visit had been a short or "
        "standard inspection.",
        # a lead-in: its items are the actions
        "There a number of additional points that must be tackled:",
        # the modal is in a relative clause, an indirect question, an opinion or a condition
        "The commitment of the Director of People is evident, however decisions that should be "
        "within his delegated authority do not always progress.",
        "A bid has gone to NHS England to merge the 8 CCGs which cover Kent and Medway which "
        "will include children's commissioning across all CCGs.",
        "The local area was required to produce a Written Statement of Action that explains how "
        "it will tackle the significant weaknesses.",
        "I just can’t do what I should do and they don’t get what they need and deserve from me.",
        "In addition, they felt that the recent Gilbert report will assist with the development "
        "of better systems.",
        "It is hoped that other agencies will also use the centre to develop the range of support.",
        "Care-experienced young people aged over 21 continue to receive support from their "
        "personal advisers should they still have a need.",
        # a prediction about an effect or a state, or a purpose in the past
        "Helping families earlier at a lower cost will reduce the burden on the Council of high "
        "cost statutory provision.",
        "Successful recruitment to these posts will be an important factor in helping drive the "
        "improvements needed.",
        "The outcome will be findings about strengths and areas for improvement, reported in a "
        "published letter.",
        "The PODs were intended to provide continuity for children and families post assessment.",
        # "needs to be" states a gap, not a step
        "The Council needs to be more explicit and ambitious in terms of delivery.",
        # a noun that looks like an imperative; an item of a description
        "Review meetings take place every six weeks.",
        "develop their skills and experience through apprenticeships within the council.",
        "It is too early to know if these changes will be sustained.",
        # a description of practice: the modal is in an indirect question
        "Social workers use interpreters to help children understand how they will be cared "
        "for.",
    ],
)
def test_not_actions(sentence: str) -> None:
    assert not is_action(sentence, in_action_section=False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an item under "What needs to improve" is itself the action
        ("The quality and consistency of management oversight.", True),
        ("The timeliness of contacts and referrals that are sent by the police to the MASH.", True),
        # a summary sentence among the items is not
        ("There are two key strands to the support that is needed.", False),
        ("The second areas of focus are the practice and front-line service delivery issues.",
         False),
        ("It is not possible to say whether the plan has worked.", False),
    ],
)
def test_items_under_an_action_heading(sentence: str, expected: bool) -> None:
    assert is_action(sentence, in_action_section=True) is expected


def test_a_noun_in_ing_can_be_a_subject() -> None:
    # "Funding" and "Training" are nouns here, not a gerund stating an effect
    assert is_action("Funding will be provided for six additional social workers.", False)
    assert is_action("Training for all staff will be delivered by March.", False)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # the subject wins over an agent named later ("identified by Ofsted")
        ("Children's Services will continue to embed improvements, and prioritise the areas "
         "identified by Ofsted.", "medway-council"),
        ("Ofsted will return to Medway to do a focused visit in a year.", "ofsted"),
        ("The Improvement Board will meet monthly.", "medway-improvement-board"),
        # a passive verb: its agent follows "by", in its clause
        ("This is unacceptable for the most vulnerable children in Medway, and should be urgently "
         "addressed by commissioning, children's services and the CCG.", "ccg"),
        # "supported by" after a comma is not the agent of "will be undertaken"
        ("A Test of Assurance will be undertaken in early 2024, supported by the LGA.",
         "medway-council"),
        # after an opening subordinate clause, the subject follows its comma
        ("While inspectors did not see any cases where risks were not identified, the local "
         "authority needs to develop a more robust approach.", "medway-council"),
        # a list of subjects: the first
        ("The executive, the local authority, CCG and Police have agreed to have a rotating "
         "chair.", "medway-council"),
        ("Ofsted and CQC have notified the Council that they will be re-visiting Medway.",
         "ofsted"),
        # nobody named: the document's default
        ("Additional expertise and support must be secured through the Partners in Practice "
         "programme.", "medway-council"),
    ],
)
def test_responsible(gaz: Gazetteer, sentence: str, who: str) -> None:
    assert responsible(sentence, gaz, {}, {}, gaz.council_key) == who


def test_responsible_person_and_post(gaz: Gazetteer) -> None:
    people = {"Eleanor Brazil": "eleanor-brazil"}
    s = "Eleanor Brazil will report back to the Minister within six months."
    assert responsible(s, gaz, people, {}, gaz.council_key) == "eleanor-brazil"
    s = "The Director of People must ensure that the plan is delivered."
    holders = {"director-of-people": "ian-sutherland"}
    assert responsible(s, gaz, {}, holders, gaz.council_key) == "ian-sutherland"


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("The plan will be shared with Ofsted as required by mid December 2023.", "2023-12"),
        ("Ofsted will return to Medway to do a focused visit in a year.", "in a year"),
        ("The Improvement Board will meet monthly.", None),
    ],
)
def test_due_date(sentence: str, due: str | None) -> None:
    assert due_date(sentence) == due


def test_antecedent_of_a_pronoun() -> None:
    text = (
        "3. Medway also need to develop the use of Family Group conferences, which are provided "
        "on a limited basis. This should be a key resource to support positive work with "
        "families.\n\nThe Board must ensure that there is sufficient pace."
    )
    start = text.index("This should")
    a, b = antecedent(text, start)
    assert text[a:b] == (
        "Medway also need to develop the use of Family Group conferences, which are provided "
        "on a limited basis."
    )
    # no pronoun: nothing to point back to; and never across a blank line
    assert antecedent(text, text.index("The Board")) is None
    assert antecedent("It is intended to build these posts.", 0) is None
    assert antecedent("They will meet monthly.", 0) is None
