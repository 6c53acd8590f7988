"""Actions: what counts as one, who is responsible, and the sentence an action points back to.

The sentences are fragments of real council and inspection reports.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cskg.loaders.actions import (
    antecedent,
    due_date,
    is_action,
    is_recommended,
    jointly,
    responsible,
)
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
        # a stated plan or intention, and what is due or arranged (Ofsted reports)
        "The local authority recognises that this is unacceptable and intends to review the "
        "housing protocol as a matter of urgency.",
        "The local authority is now intending to refocus on local adoption recruitment.",
        "The local authority has plans to implement a more user-friendly and reliable electronic "
        "case record system.",
        "Managers have well-considered plans to develop a training centre for this purpose.",
        "There are plans to integrate PLO tracking into the current electronic recording system "
        "in the coming months.",
        "Managers at all levels are involved in case-auditing, and they plan to strengthen this "
        "activity further.",
        "A refreshed neglect strategy is planned, but at the time of the inspection the current "
        "strategy had not led to an effective, coordinated response to neglect.",
        "Joint training with the foster panel is planned in June 2017 to develop workers' skills.",
        "A panel to do this is due to be introduced in January 2016.",
        "A new executive strategic group is due to meet in May 2017.",
        # a commitment made, not an attitude
        "During the inspection, the police committed to providing additional resources to the "
        "CSPoA in Reading to better meet demand.",
        # someone who can act is the subject of an effect verb; what a newly created post will do
        "A newly created learning and improvement officer post within the OSCB will further "
        "support dissemination of learning and best practice across agencies.",
        # a relative clause that has its verb before the cue
        "A change to the way in which health services for children looked after are commissioned "
        "is intended to address this issue.",
        # an object and what it is told, not a relative clause
        "Ofsted and CQC have notified the Council that they will be re-visiting Medway.",
        "Agreement has been reached that children looked after will receive preferential "
        "treatment while CAMHS is being recommissioned.",
        # a step agreed, a plan under way
        "Senior managers agreed to review the current process.",
        "The local authority is seeking to deploy funds to establish a post-18 service.",
        # a request made, as "requested a report"
        "Following the inspection, the Council asked for a proposal from an experienced "
        "consultancy to review the coordination of early help services.",
        # a commitment reported in minutes
        "The Commissioner added that she would submit her formal 6 month review report to the "
        "minister in July.",
        "Audits – in response to a question about quality assurance and audits, officers "
        "confirmed that this was a critical area of focus going forward and would provide more "
        "detail on this in future reports.",
        "The Director explained that this was planned in response to criticism by Ofsted of the "
        "service not providing these functions but that officers would work with the Medway "
        "Parent and Carer Forum to address these concerns.",
        # ... or what was said would be done
        "He explained that the Council was beginning to move into the second phase of the "
        "improvement journey where progress needed to be firmer, go further and go faster, "
        "adding the improvement plan would be refreshed accordingly.",
        "The Director welcomed the suggestion of organising an updated staff survey and added "
        "that further opportunities for the Committee to engage with frontline staff would also "
        "be explored as social distancing eased.",
        # a decision taken, work begun, a partnership's need, a reviewer's recommendation
        "Since July there has been agreement to appoint an additional 8 social workers and a "
        "practice manager.",
        "Agreement was reached to establish the AD roles for education and children's social "
        "care on a permanent footing.",
        "In 2018/19 approval was given to recruit 10 additional social worker posts.",
        "In December 2017, Cabinet approved the move of the short breaks provision.",
        "The leader of the council has approved significant financial investment to increase "
        "the social care workforce.",
        "It is currently under urgent review.",
        "Consultation has begun on proposals to re-align the service.",
        "The MSCP needs to link closely to the work of the Improvement Board.",
        "She also recommended that the case allocation system is reviewed and improved.",
        # a recommendation after a condition
        "If they do this, there may not be a need to consider an alternative delivery model but "
        "I recommend a further review after 6 months to confirm this is the case.",
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
        "The local area published a Written Statement of Action that explains how "
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
        "Social workers use interpreters to help children understand how they will be cared for.",
        # a modal in a comparison, or with no verb of its own (Ofsted reports)
        "Children live in neglectful circumstances for longer than they should, resulting in "
        "their needs often becoming more complex.",
        "When children are not achieving as well as they should, senior leaders and the virtual "
        "school take action to help them catch up.",
        "The rationale for decision-making is not always fully recorded, and information from "
        "partners is not always as detailed as it should be.",
        "For these children, the local authority is not making the positive difference it could "
        "and should.",
        "When IROs identify drift and delay, they do not always challenge decisions when they "
        "should; when they do, their challenge is often ineffective.",
        # a modal in a clause of reason, result, place, purpose or concession
        "Independent Reviewing Officers (IROs) write review templates directly to the child, which "
        "means that they will understand in future why decisions were made about their lives.",
        "Care leavers feel confident in contacting their PAs as they know that they will receive "
        "the right help and support.",
        "At the time of the inspection there was a projected overspend meaning the LSCB will need "
        "increased funding for 2016.",
        "This is helping children to feel safe and secure, knowing they are living in a permanent "
        "home where they will be cared for.",
        "Although recent initiatives should result in increased participation by children, "
        "parents do not have access to independent advocacy within meetings.",
        "Permanence options are routinely considered for children so that they can be clear about "
        "who they will live with.",
        "Care leavers are confident that the local authority will respond to their concerns.",
        "In cases seen by inspectors, decisions that children should live out of the county were "
        "appropriate.",
        "The use of the terms 'ongoing' and 'to be reviewed at core group' does not assist "
        "families to understand the timescales in which change must occur for the child.",
        # a relative clause without "that"
        "Corporate leaders have consistently failed to understand the scale of improvements needed "
        "and have failed to comprehend the time it will take for services to improve.",
        "Unaccompanied asylum-seeking children have access to information which helps them "
        "understand the services and support they will receive.",
        "Workers are supported by specially trained workers, who help to formulate plans that are "
        "intended to successfully divert children away from harm.",
        # a condition by inversion
        "Should children choose to access their records at a later date, they will be unable to "
        "gain an understanding of professional interventions.",
        "Those seen were providing an opportunity to avoid further changes should children not be "
        "able to return to their birth families.",
        "Inspectors saw the backup of additional staff should demand increase.",
        "Wider family networks are considered, and contingency plans are in place should needs "
        "escalate.",
        # a past counterfactual
        "However, there remains a legacy of drift and delay for many children whose plans should "
        "have progressed much sooner to care applications.",
        "Inspectors found that the local authority could, and should, have been more "
        "authoritative in over-ruling consent.",
        "In a very few cases, contacts about children had been managed by early help services when "
        "the information received should have led to a social work assessment.",
        "However, this accommodation should not have been offered as an alternative to the "
        "suitable accommodation available.",
        # an attitude, not a commitment
        "Corporate parenting is well embedded and senior leaders are committed to the needs of "
        "looked after children in Salford.",
        "LCWs are committed to helping young people access education, employment or training.",
        "The senior leadership team, supported by strong corporate services, is strongly "
        "committed to improving outcomes for children in Shropshire.",
        "Corporate parenting panel members are enthusiastic and committed to looked after "
        "children in Oxfordshire.",
        # an expected effect or a forecast
        "This will help in the board's aspiration to achieve an ongoing exchange with children.",
        "Life-story books are child-friendly, attractively presented and will help children "
        "understand their histories now or in the future.",
        "This will further strengthen the retention of social workers.",
        "This should provide an increased number of secure and stable placements for children.",
        "However, this year's reduction in applications will almost certainly impact on adoption "
        "capacity during 2015 and beyond.",
        "Improved auditing will assist with this",
        # practice described, not promised
        "For example, personal advisers will text a young person to remind them that they have a "
        "medical appointment.",
        "School leaders say that, often, the VST staff will go 'over and above' to support the "
        "pupils.",
        # an earlier inspection's recommendation, recalled
        "The last inspection recommended that there should be a more focused approach to issues "
        "of neglect.",
        # a plan that was, a plan described, and how things are planned
        "The local authority already had plans to review this service, but this had not happened "
        "by the time of the inspection.",
        "The local authority’s plans to create a network of locality-based groups are not yet "
        "fully developed.",
        "Transitional support is planned well in advance of adulthood.",
        "When admissions to care are necessary, most are planned, with thorough management "
        "oversight, via a panel.",
        "This is due to ineffective work with families prior to proceedings.",
        # held-out reports (Kent 2013, Croydon 2017, Stoke-on-Trent 2015, Barking and
        # Dagenham 2014): a lead-in, children's plans, a purpose, what a thing is meant to be,
        # what a step will bring
        "In order to improve the quality of provision and services for looked after children "
        "and young people in Kent, the local authority should take the following action.",
        "Recently, more children have had plans to be adopted and, once this decision is made, "
        "they receive a better service.",
        "Foster carers, adopters and practitioners work together to ensure that children will "
        "understand their journeys through care.",
        "Many of these placements are intended to be permanent arrangements but in some of these "
        "cases the authority has been slow to ratify these.",
        "This work will further enhance the understanding of the board in these key areas.",
        # held-out focused visit letters (Leeds 2021, Manchester 2020): a plan denied, what
        # someone is aware will be needed
        "They do not consistently have clear action plans to help achieve positive change or to "
        "mitigate potential risks.",
        "As this is a new service, the local authority is aware that the thresholds between early "
        "help and statutory services will require consistent management oversight.",
        "The local authority is aware of these deficiencies but has not yet made sufficient "
        "improvements to ensure that timescales will be met.",
        # what children may achieve; a judgement's caveat; what someone does when needed
        "Leaders in the virtual school are ambitious for children in care and the progress that "
        "they should make.",
        "Recent improvements in timeliness are very positive, but this will need to be sustained.",
        "The agency decision maker scrutinises recommendations from the panel and will seek "
        "further information if necessary.",
        # someone else's agreement to something; agreement lacking; foster carers approved
        "The use of parental agreement to accommodate children is appropriately applied.",
        "IRO agreement to reunification plans is recorded on children’s records.",
        "By seeking agreement to progress with screening, social workers build positive "
        "relationships with parents.",
        "There is no agreement to share data.",
        "There are not always enough council approved foster carers in Brent.",
        "Children need to feel safe.",
        # what others said they would do or think
        "Adopters all said that they would recommend York as an adoption agency.",
        "Young people said that they would like more contact with their families.",
        "If the plan is agreed, the council will recruit more staff.",
        # a chance, a likelihood or an assurance sought: no one commits (national, 2014-22)
        "This serves as a significant part of the keeping in touch service for care leavers and"
        " increases the likelihood that they will access support when they need it.",
        "The multi-agency risk assessment conference chair has been proactive in challenging"
        " police partners, seeking assurance that these issues will be resolved.",
        "There is a real chance now that this will carry on.",
        # priorities held, not a commitment to do something
        "Senior leaders are caring corporate parents and have committed to clear strategic"
        " priorities to promote good outcomes for children in care.",
    ],
)
def test_not_actions(sentence: str) -> None:
    assert not is_action(sentence, in_action_section=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "This concerns the exercise of police powers of protection.",
        "This was an area for improvement in the last inspection.",
        "This inhibits the understanding of what is working well to improve outcomes for children",
        "This leads to a lack of clarity in planning to ensure that actions are appropriately "
        "focused on improving children’s circumstances.",
    ],
)
def test_a_comment_on_the_item_before_is_no_item(sentence: str) -> None:
    assert not is_action(sentence, in_action_section=True)


def test_plans_and_intentions_still_count() -> None:
    assert is_action("The new service is intended to be launched in May 2017.", False)
    assert is_action("The local authority has plans to implement a new model.", False)
    assert is_action("Ensure that the board will review its priorities.", True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an item under "What needs to improve" is itself the action
        ("The quality and consistency of management oversight.", True),
        ("The timeliness of contacts and referrals that are sent by the police to the MASH.", True),
        # a summary sentence among the items is not
        ("There are two key strands to the support that is needed.", False),
        (
            "The second areas of focus are the practice and front-line service delivery issues.",
            False,
        ),
        ("It is not possible to say whether the plan has worked.", False),
    ],
)
def test_items_under_an_action_heading(sentence: str, expected: bool) -> None:
    assert is_action(sentence, in_action_section=True) is expected


def test_an_item_may_say_generally() -> None:
    # "generally" marks a habit only in a statement with "will"; an item under "What needs to
    # improve" is the action whatever its adverbs
    s = (
        "Timeliness in delivering children’s plans without delay across all services by "
        "generally improving management oversight and grip."
    )
    assert is_action(s, in_action_section=True)


_PRONOUNS = st.sampled_from(["it", "they", "he", "she", "the council", "the service"])
_MODALS = st.sampled_from(["should", "will", "must"])


@given(_PRONOUNS, _MODALS, st.sampled_from(["than", "as quickly as", "as well as"]))
def test_a_modal_in_a_comparison_is_no_action(subject: str, modal: str, than: str) -> None:
    s = f"Some assessments take longer {than} {subject} {modal}."
    s = s.replace("longer as", "as")
    assert not is_action(s, in_action_section=False)


@given(
    st.sampled_from(["Leaders", "Senior managers", "The corporate parenting panel", "Staff"]),
    st.sampled_from(["are", "is", "remain", "are highly", "are clearly", "are strongly"]),
    st.sampled_from(["improving services", "the needs of children", "continual improvement"]),
)
def test_being_committed_is_an_attitude(who: str, be: str, what: str) -> None:
    assert not is_action(f"{who} {be} committed to {what}.", in_action_section=False)


@given(
    st.sampled_from(["The local authority", "The council", "Leaders", "The police"]),
    st.sampled_from(["has committed to", "have committed to", "committed to", "commits to"]),
)
def test_committing_is_a_commitment(who: str, verb: str) -> None:
    assert is_action(f"{who} {verb} providing additional resources.", in_action_section=False)


@given(
    st.sampled_from(["should", "could, and should,", "must"]),
    st.sampled_from(["progressed", "happened", "been", "led", "received", "taken"]),
)
def test_a_past_counterfactual_is_no_action(modal: str, participle: str) -> None:
    s = f"Several children's plans {modal} have {participle} sooner."
    assert not is_action(s, in_action_section=False)


def test_a_noun_in_ing_can_be_a_subject() -> None:
    # "Funding" and "Training" are nouns here, not a gerund stating an effect
    assert is_action("Funding will be provided for six additional social workers.", False)
    assert is_action("Training for all staff will be delivered by March.", False)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # the subject wins over an agent named later ("identified by Ofsted")
        (
            "Children's Services will continue to embed improvements, and prioritise the areas "
            "identified by Ofsted.",
            "medway-council",
        ),
        ("Ofsted will return to Medway to do a focused visit in a year.", "ofsted"),
        ("The Improvement Board will meet monthly.", "medway-improvement-board"),
        # a passive verb: its agent follows "by", in its clause
        (
            "This is unacceptable for the most vulnerable children in Medway, and should be "
            "urgently "
            "addressed by commissioning, children's services and the CCG.",
            "ccg",
        ),
        # "supported by" after a comma is not the agent of "will be undertaken"
        (
            "A Test of Assurance will be undertaken in early 2024, supported by the LGA.",
            "medway-council",
        ),
        # after an opening subordinate clause, the subject follows its comma
        (
            "While inspectors did not see any cases where risks were not identified, the local "
            "authority needs to develop a more robust approach.",
            "medway-council",
        ),
        # a list of subjects: the first (all three safeguarding partners together are their
        # partnership: see test_the_three_safeguarding_partners_together_are_the_partnership)
        (
            "The executive, the local authority and the CCG have agreed to have a rotating chair.",
            "medway-council",
        ),
        (
            "Ofsted and CQC have notified the Council that they will be re-visiting Medway.",
            "ofsted",
        ),
        # nobody named: the document's default
        (
            "Additional expertise and support must be secured through the Partners in Practice "
            "programme.",
            "medway-council",
        ),
        # the cue opens with the subject
        (
            "In December 2017, Cabinet approved the move of the short breaks provision to "
            "Parklands.",
            "medway-cabinet",
        ),
        (
            "The MSCP needs to link closely to the work of the Improvement Board.",
            "medway-safeguarding-partnership",
        ),
        # what a preposition governs is not the subject; a commitment reported with its own
        # subject ("but that officers would work") is that subject's
        (
            "The Director explained that this was planned in response to criticism by Ofsted of "
            "the service not providing these functions but that officers would work with the "
            "Medway Parent and Carer Forum to address these concerns.",
            "medway-officers",
        ),
        (
            "The Director explained that this was planned in response to criticism by Ofsted of "
            "the service and would be reviewed.",
            "medway-council",
        ),
        # the council's officers, not the police's nor reviewing officers
        ("Officers undertook to provide further information on these.", "medway-officers"),
        ("Police officers will attend every strategy meeting.", "police"),
        (
            "Independent reviewing officers will escalate concerns to senior managers.",
            "medway-council",
        ),
        # a post nobody is named as holding is itself the agent
        (
            "The Commissioner added that she would submit her formal 6 month review report to "
            "the minister in July.",
            "post:childrens-services-commissioner-for-medway",
        ),
        (
            "The Director of People must ensure that the plan is delivered.",
            "post:director-of-people-medway-council",
        ),
        # ... but not a post named as a thing, nor another council's
        (
            "Recruitment to the two Assistant Director roles must proceed rapidly to secure "
            "stable leadership.",
            "medway-council",
        ),
        ("The DCS in Oxfordshire has agreed to be the independent chair.", "medway-council"),
        (
            "Members in key executive roles must ensure that the needs of children are championed.",
            "medway-elected-members",
        ),
        # a recommendation is the addressee's, whoever its clause names ...
        (
            "Ensure that elected members understand their role as corporate parents.",
            "medway-council",
        ),
        (
            "Ensure effective joint working with the police and youth offending services.",
            "medway-council",
        ),
        # ... unless it names a body Ofsted addresses in its own right
        (
            "Ensure that the LSCB annual report provides a clear account of its work.",
            "medway-safeguarding-partnership",
        ),
        # the partners, where a statement opens with them (Warrington 2015, South Tyneside
        # 2023, Salford 2019), not partners named in passing
        (
            "Partners have agreed to establish a multi-agency safeguarding hub (MASH) model.",
            "medway-safeguarding-partnership",
        ),
        (
            "Partner agencies’ understanding and application of the threshold guidance.",
            "medway-safeguarding-partnership",
        ),
        (
            "The partnership recognises that there is more to do, and plans are in place to "
            "address this.",
            "medway-safeguarding-partnership",
        ),
        ("The council will work with partners to develop the offer.", "medway-council"),
        ("Partnership arrangements, so that these provide effective governance.", "medway-council"),
        # a relation between bodies as the subject names no one to act: the addressee does
        (
            "The link between this Board and the SEND Improvement Board, and the Corporate "
            "Parenting Board should be strengthened to ensure the support needs are addressed.",
            "medway-council",
        ),
        (
            "Communication between Cafcass and the local authority is infrequent, but plans are "
            "in place to improve this.",
            "medway-council",
        ),
        # ... but the body itself as the subject acts
        ("The Corporate Parenting Board should meet monthly.", "medway-corporate-parenting-board"),
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
        ("A panel to do this is due to be introduced in January 2016.", "2016-01"),
        (
            "However, following a County Council decision, the DCS will report to the head of Paid "
            "Service with effect from 3 April 2017.",
            "2017-04",
        ),
        (
            "The plan to open an additional children's home later this year is on target.",
            "later this year",
        ),
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


def test_antecedent_after_an_opening_clause() -> None:
    # Medway focused visit 2019: the pointer comes after a concession
    text = (
        "Inspectors identified delays of between four days, and, in one case, four weeks, in "
        "the sharing by police of domestic abuse and relevant crime notifications. Although no "
        "children were found to have suffered further harm as a result, these delays "
        "potentially leave children in situations of unassessed risk."
    )
    a, b = antecedent(text, text.index("Although"))
    assert text[a:b].startswith("Inspectors identified delays")
    assert antecedent("Overall, these approaches have had a positive impact.", 0) is None
    # an opening clause without a pointer after it points nowhere
    text = "Children were seen alone. Although visits were late, children were seen."
    assert antecedent(text, text.index("Although")) is None


def test_antecedent_in_a_long_paragraph_looks_back_a_bounded_way() -> None:
    # a PDF's text may run for pages without a blank line
    filler = "Inspectors met staff. " * 400
    before = "The virtual school tracks children's attendance closely."
    text = filler + before + " They know every child well."
    a, b = antecedent(text, text.index("They know"))
    assert text[a:b] == before
    # a sentence that starts further back than the window is not taken for the one meant
    long = "The virtual school " + "and its partners " * 120 + "tracks attendance."
    text = filler + long + " They know every child well."
    assert antecedent(text, text.index("They know")) is None


def test_a_plan_as_the_second_verb_of_its_subject() -> None:
    # Cornwall 2016: the managers' own plan, after "and"
    assert is_action(
        "Senior managers accept that this area needs to be addressed and plan to expand the "
        "‘Open Door’ provision to meet the needs of this group.",
        False,
    )


def test_what_children_told_inspectors_is_no_commitment() -> None:
    # Westminster (the sentence's first part)
    assert not is_action(
        "Children told inspectors that senior leaders will intervene to ensure that they have "
        "specific experiences.",
        False,
    )
    # a council's own word still is
    assert is_action("The council will publish its sufficiency strategy in May 2024.", False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Medway 2019 (commissioner's review): an intention with a gerund
        (
            "In addition, they intend holding a wider partnership leadership event twice a year.",
            True,
        ),
        # Barnet 2017 and Salford 2015: work the agent has under way
        (
            "For this reason, the local authority is in the process of recommissioning the "
            "service.",
            True,
        ),
        (
            "The local authority is in the process of revising the sufficiency strategy for looked "
            "after children.",
            True,
        ),
        # Hampshire 2024, Oxfordshire 2014: a third party's process, and what is done to
        # something, are no commitment
        (
            "A number of children in care under 16 live in unregistered children’s homes which are "
            "in the process of applying for registration with Ofsted.",
            False,
        ),
        (
            "Two notifications are awaiting a decision to go to serious case review and five "
            "are in the process of being evaluated.",
            False,
        ),
    ],
)
def test_intentions_and_work_under_way(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # read on 10 more held-out reports: what a framework sets out, across a list
        (
            "A Learning and Improvement Framework is in place, which sets out how the learning "
            "from review processes, audits, performance information and external scrutiny will "
            "be taken forward.",
            False,
        ),
        # a requirement reported, not made
        (
            "The local authority has introduced a requirement that looked after children’s "
            "assessments should be updated every year, but monitoring shows that this is achieved "
            "in only 55% of cases.",
            False,
        ),
        # children's own plans
        (
            "The 17 children who receive less than 15 hours of education per week have clear "
            "plans to increase their educational hours.",
            False,
        ),
        ("Children's services have plans to recruit more foster carers.", True),
        (
            "Child sexual exploitation arrangements are monitored through the sub-group and there "
            "are plans to extend the work of the group to include all exploitation.",
            True,
        ),
        # how to read the report
        (
            "This executive summary should be read alongside the recommendations in the next "
            "section of this report.",
            False,
        ),
        # a recommendation made with partners
        (
            "With partners, ensure that professionals are fully aware of their role in "
            "contributing to the identification and support of children with additional needs.",
            True,
        ),
    ],
)
def test_reported_requirements_and_childrens_own_plans(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # plans made and under way (South Gloucestershire 2024, Middlesbrough 2023, Bury 2016)
        (
            "The local authority hub-based model of support for foster carers is a strength and "
            "plans are in place to extend these in the very near future.",
            True,
        ),
        (
            "Accessing routine dental treatment is also an issue for some care leavers and work is"
            " under way with health colleagues to address this.",
            True,
        ),
        (
            "The local authority has recognised this and plans to reinstate this service are in "
            "place.",
            True,
        ),
        ("Plans are in place to remedy this.", True),
        ("However, plans are underway to introduce a feedback survey for young people.", True),
        # not a child's plan
        ("Safety plans are in place, and social workers remain persistent.", False),
        ("Good pathway plans are in place to support this work.", False),
        ("Young people have plans in place to support them into work.", False),
    ],
)
def test_plans_in_place_and_work_under_way(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


def test_a_council_named_by_its_name_needs_to_act() -> None:
    # the commissioner's review; Oldham 2015's summary for children
    s = (
        "Medway also need to develop the use of Family Group conferences, which are provided on "
        "a limited basis."
    )
    assert is_action(s, False, "Medway")
    assert not is_action(s, False)  # without knowing the council, a name is nobody's
    assert is_action("Oldham needs to do more to help looked after young people.", False, "Oldham")
    assert not is_action("Medway needs to be more ambitious.", False, "Medway")  # a gap stated


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # an item of a list of things to do has no subject of its own: the list's agent
        (
            "To bring together evidence to assess the Council's capacity and capability to "
            "improve itself, in a reasonable timeframe.",
            "lead",
        ),
        (
            "To report to the Minister of State for Children and Families by 1 December 2019.",
            "lead",
        ),
        # ... but an opening infinitive of purpose is followed by its subject
        (
            "To address this, the next LSCB will focus entirely on domestic abuse.",
            "medway-safeguarding-partnership",
        ),
        # with no verb of commitment, only an agent opening the item is its subject
        (
            "Engagement with partners at strategic boards and meetings between DCS and health "
            "partners",
            "lead",
        ),
        ("The participation and engagement of the police in child protection processes.", "lead"),
        ("The LSCB's monitoring of the response to neglect", "medway-safeguarding-partnership"),
        # ... or a body addressed in its own right, named anywhere in it
        (
            "Enable children to influence the LSCB's priorities more fully.",
            "medway-safeguarding-partnership",
        ),
    ],
)
def test_an_item_with_no_subject_is_its_lists(gaz: Gazetteer, sentence: str, who: str) -> None:
    assert responsible(sentence, gaz, {}, {}, "lead") == who


def test_the_writer_is_the_speaker(gaz: Gazetteer) -> None:
    commissioner = "post:childrens-services-commissioner-for-medway"

    def who(s: str) -> str:
        return responsible(s, gaz, {}, {}, gaz.council_key, speaker=commissioner)

    assert who("I recommend a further review after 6 months.") == commissioner
    assert (
        who("If they do this, there may be no need but I recommend a further review.")
        == commissioner
    )
    assert who("The Direction appointed me as Commissioner, requiring me:") == commissioner
    # what is recommended is its own subject's to do
    assert (
        who("I would recommend that the Council is directed to work with an improvement partner.")
        == "medway-council"
    )
    # a list's roman numeral is nobody
    assert who("I. Continue to develop the early help offer.") == "medway-council"
    # with no speaker known (a council's report), "I" is nobody
    s = "I recommend a further review after 6 months."
    assert responsible(s, gaz, {}, {}, gaz.council_key) == "medway-council"
    # the writer's report is the writer's to write
    s = "The report must also consider the need for any form of Alternative Delivery Model."
    assert who(s) == commissioner
    assert responsible(s, gaz, {}, {}, gaz.council_key) == "medway-council"


def test_the_board_is_the_board_named_last(gaz: Gazetteer) -> None:
    s = "The Board must ensure that there is a co-ordinated approach to improvement."
    recent = {"board": "medway-improvement-board"}
    assert responsible(s, gaz, {}, {}, gaz.council_key, recent=recent) == recent["board"]
    assert responsible(s, gaz, {}, {}, gaz.council_key) == "medway-council"  # none named yet
    # the noun as an object is nobody's subject
    s = "Reports to the Board will be made quarterly by the service."
    assert responsible(s, gaz, {}, {}, gaz.council_key, recent=recent) == "medway-council"


def test_the_director_is_the_director_named_last(gaz: Gazetteer) -> None:
    recent = {"director": "post:director-of-people-medway-council"}
    s = (
        "The Director welcomed the suggestion of organising an updated staff survey and added "
        "that further opportunities would also be explored."
    )
    assert responsible(s, gaz, {}, {}, gaz.council_key, recent=recent) == recent["director"]
    # a director named in full is that post, or nobody this gazetteer knows
    s = "The Director of Public Health will lead the work."
    assert responsible(s, gaz, {}, {}, gaz.council_key, recent=recent) == "medway-council"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the writer's recommendation in other words
        (
            "It is important for the service to assure itself that decision making and the "
            "application of thresholds is consistent and appropriate.",
            True,
        ),
        ("It is essential that full momentum is maintained in implementing this strategy.", True),
        ("There is a need for continued ongoing financial commitment.", True),
        ("There is an immediate need to improve understanding of the model of practice.", True),
        ("Action is now required to strengthen practice and manage demand.", True),
        ("As a result, action is required to ensure that managers have the skills.", True),
        ("They need to provide political leadership across education and social care.", True),
        (
            "Given the relative inexperience of the lead member, he needs to ensure that she is "
            "supported.",
            True,
        ),
        (
            "Fundamentally there is a need to create an environment in the Council that gives "
            "enough priority to meeting the needs of children.",
            True,
        ),
        ("Given their age, they need to feel safe where they live.", False),
        # ... not a letter's advice to a child, nor a condition, nor a child's need
        ("It is important that you are able to see your brothers and sisters.", False),
        (
            "Management decisions are clearly recorded and if immediate action is needed to "
            "protect children it is taken.",
            False,
        ),
        ("Children get the help that they need to stay safe.", False),
        ("They need to be more confident about what happens next.", False),
        # work a named agent goes on with, or is doing to an end
        ("Senior leaders continue to develop and improve the local provision.", True),
        ("They also continue to moderate all their audit activity.", True),
        ("The local authority continues to invest in its workforce.", True),
        ("Police colleagues are working to mitigate risks of the new IT system.", True),
        # ... not what children go on receiving, nor a trend, nor working to a framework
        ("They continue to receive a good service from their personal advisers.", False),
        (
            "Relationships with partners across the Torbay Safeguarding Children Partnership "
            "continue to improve.",
            False,
        ),
        (
            "These arrangements have not ensured that the board is working to the national "
            "framework.",
            False,
        ),
        # a decision reported
        ("In September it was agreed they would start this support with assistance on QA.", True),
    ],
)
def test_recommendations_in_other_words_and_work_going_on(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The role of scrutiny needs to be strengthened.", True),
        # (a strategy needing updating is a recommendation in an inspection's body too: see
        # test_work_under_way_decisions_and_what_remains_to_do)
        ("The role of early help needs urgent review and attention.", True),
        ("The plan is ambitious and needs to be driven by the whole Council.", True),
        # ... with a degree word before the participle, or what must go on or change
        (
            "Early help is delivered from four child and family hubs and needs to be better "
            "linked to children's social care.",
            True,
        ),
        ("The two strategies need to be more closely aligned.", True),
        (
            "The Council has been open to securing support and advice and this needs to "
            "continue in a more formal agreement.",
            True,
        ),
        ("Political and officer strategic leadership needs to improve.", True),
        ("The findings of the multi-agency audits need to inform future training.", True),
        # ("there needs to be …" is a recommendation in an inspection's body too: see
        # test_work_under_way_decisions_and_what_remains_to_do)
        # ... not what a subordinate clause says needs to change
        ("Medway knows what needs to change but there remain significant doubts.", False),
        ("The Improvement Notices go into detail on what needs to change.", False),
        # a gap stated, or a subordinate clause's need
        ("Medway needs to be more ambitious for its children.", False),
        ("Staff need to be able to rely on their managers.", False),
        ("The support which needs to be provided is not yet agreed.", False),
    ],
)
def test_a_review_recommends_in_the_passive(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False, review=True) is expected
    assert not is_action(sentence, False)  # an inspection's body states it as a finding


@pytest.mark.parametrize(
    "sentence",
    [
        "However, the virtual school has analysed the reasons and school data predict that "
        "outcomes for 2014/15 will rise again.",
        "The local authority anticipates that this will bring about the necessary improvements.",
        "Managers expect that the central list will increase.",
    ],
)
def test_a_forecast_is_no_commitment(sentence: str) -> None:
    assert not is_action(sentence, False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a relative clause with "that" and its own subject is no commitment
        (
            "Too many young people do not have a written, up-to-date pathway plan that details "
            "the support that they will receive.",
            False,
        ),
        ("They are helped to obtain the documents that they will need in life.", False),
        # ... but what someone was told or said is
        ("Ofsted and CQC have notified the Council that they will be re-visiting Medway.", True),
        (
            "During the inspection, the local authority acknowledged that it should review its "
            "arrangements.",
            True,
        ),
    ],
)
def test_a_relative_clause_with_its_own_subject(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # work a named agent has in hand
        ("The local authority is currently piloting a resettlement passport.", True),
        ("The partnership is appropriately prioritising the recruitment of adopters.", True),
        ("Senior managers are now implementing plans for improvement.", True),
        ("The Board is developing a dashboard of multi-agency performance indicators.", True),
        # ... not a culture, a reputation or an understanding growing
        ("Leaders are developing a culture that promotes good practice.", False),
        ("The local authority is developing a positive reputation for its work.", False),
        ("The local authority is developing its understanding of the risks.", False),
        ("The local authority is developing into a learning organisation.", False),
    ],
)
def test_work_in_hand(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


def test_what_a_report_asks_the_cabinet_to_do_is_its_action(gaz: Gazetteer) -> None:
    # noting is the decision the report asks for; the sentence is still no finding
    s = "The Cabinet is asked to note the report."
    assert is_action(s, False)
    assert responsible(s, gaz, {}, {}, gaz.council_key) == "medway-cabinet"


@pytest.mark.parametrize(
    "sentence",
    [
        # an assurance given is a commitment
        "The local authority has provided an assurance that these cases will be reviewed.",
        "The police have committed to providing additional resources.",
    ],
)
def test_assurances_and_commitments_given_are_actions(sentence: str) -> None:
    assert is_action(sentence, in_action_section=False)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # a proposal is what its proposer means to do; a council report's "it is proposed" the
        # council's
        (
            "The CCG are proposing that when the new single Kent and Medway CCG is formed there "
            "is a strengthening of the reporting lines within the partnership commissioning team.",
            "ccg",
        ),
        (
            "The Council is proposing to relaunch the partnership Improvement Board.",
            "medway-council",
        ),
        (
            "In addition, it is proposed to increase scrutiny of performance and quality.",
            "medway-council",
        ),
        (
            "It is proposed that Cabinet approves the revised fostering allowances.",
            "medway-cabinet",
        ),
    ],
)
def test_proposals_are_their_proposers_actions(gaz: Gazetteer, sentence: str, who: str) -> None:
    assert is_action(sentence, in_action_section=False)
    assert responsible(sentence, gaz, {}, {}, gaz.council_key) == who


@pytest.mark.parametrize(
    "sentence",
    [
        "The proposed changes to the front door were not implemented.",
        "Leaders had proposed a new model, but it has not yet been agreed.",
    ],
)
def test_a_proposal_mentioned_is_no_action(sentence: str) -> None:
    assert not is_action(sentence, in_action_section=False)


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        (
            "HR continues to actively pursue the recruitment strategy, supported by the service.",
            "medway-human-resources",
        ),
        (
            "The Commissioning team should develop systems to monitor and predict demand for SEND "
            "services.",
            "medway-commissioning-team",
        ),
        # HR named as a thing is no one acting
        ("HR processes will be reviewed by the council.", "medway-council"),
    ],
)
def test_teams_of_the_council_act_in_their_own_name(
    gaz: Gazetteer, sentence: str, who: str
) -> None:
    assert is_action(sentence, in_action_section=False)
    assert responsible(sentence, gaz, {}, {}, gaz.council_key) == who


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a recommendation whose object opens with a noun or an adjective of its kind (an
        # improvement notice's, as a review lists them; national reports, 2013-15)
        (
            "Improve quality and consistency of care planning and commissioning for children in "
            "care and care leavers.",
            True,
        ),
        ("Ensure effective leadership, scrutiny and challenge shape the service.", True),
        ("Strengthen management oversight of social work practice.", True),
        # ... not an aim a list completes, nor a noun opening a statement
        ("Improve social, emotional and mental health and resilience", False),
        ("Review meetings take place regularly.", False),
        # the council's need as someone reported it, not a need a relative clause names
        (
            "The Children's Commissioner stated that Medway needed to develop its Members to be "
            "able to provide good challenge.",
            True,
        ),
        (
            "Inconsistency in practice continued to be key concerns that Medway needed to tackle.",
            False,
        ),
        # a reviewer's "more … is needed"
        ("More rigour is needed in all parts of the process.", True),
        # a commitment in minutes, in the progressive
        (
            "The Commissioner added that she would be seeking demonstrable change in leadership.",
            True,
        ),
        ("The Commissioner added that she would be pleased to attend.", False),
    ],
)
def test_recommendations_and_needs_of_the_fourth_november_reading(
    sentence: str, expected: bool
) -> None:
    review = expected and sentence.startswith("More ")
    assert is_action(sentence, False, council="Medway", review=review) is expected


def test_a_government_intervention_is_the_governments(gaz: Gazetteer) -> None:
    for s in (
        "The Secretary of State for Education issued a Statutory Direction.",
        "The Secretary of State issued an Improvement Notice in April 2013.",
        "Following this judgement, the Department for Education issued an Improvement Notice.",
    ):
        assert is_action(s, False)
        assert responsible(s, gaz, {}, {}, gaz.council_key) == "dfe"
    # no one named: no action (the council did not issue it)
    assert not is_action("An improvement notice was issued in July 2013.", False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # work under way, in the passive, and plans held (readings of 25 November 2026)
        ("Enhanced human resource and legal support are being planned for.", True),
        ("This service is being re-commissioned so that services reach young people.", True),
        ("A whole system review is being undertaken to understand demand.", True),
        ("Work is ongoing to ensure that average caseloads can be accurately calculated.", True),
        ("The local authority has plans in place to address this.", True),
        ("The CiCC has recently been relaunched, with plans to widen participation.", True),
        ("There are appropriate plans to review the pathway plan template.", True),
        # ... not the work on a child's case, nor a routine
        ("Her plan is being reviewed.", False),
        ("Children's needs are being reviewed regularly.", False),
        ("There are no plans to change this.", False),
        # decisions taken and steps being taken
        ("The local authority has recently decided to adopt nationally recommended formats.", True),
        ("A number of staff have decided to leave.", False),
        ("The local authority has recently commissioned an external provider.", True),
        ("The local authority has commissioned a range of services for foster carers.", False),
        ("Leaders are taking steps to address this.", True),
        ("The local authority is now looking to revise its performance reports.", True),
        ("The local authority is working proactively to improve the sufficiency of homes.", True),
        # what remains to be done, in other words than "needs to"
        ("More needs to be done to ensure that children's records are up to date.", True),
        ("Further work is required to establish partners' understanding of thresholds.", True),
        ("There is more to do to ensure that letters before proceedings improve.", True),
        ("The corporate parenting strategy needs updating to ensure priorities are right.", True),
        ("There needs to be a clearer link to how this makes a difference to children.", True),
        ("There needs to be more routine involvement of health in strategy discussions.", True),
        ("It is not clear whether there needs to be a new panel.", False),
        ("A continued focus on the timeliness of placements for children is required.", True),
        ("Although improving, a sharper focus is needed to develop a whole-system approach.", True),
        ("The DCS has brought renewed focus to the areas in which improvement is needed.", False),
        (
            "Some of these are not yet permanent and need to be formalised by the local authority.",
            True,
        ),
        ("Practice is improving but needs to continue to ensure that progress is sustained.", True),
        # work under way in other forms
        ("Recruitment is underway to establish a second team.", True),
        ("A review of placements is under way, and service redesign is taking place.", True),
        ("Briefing meetings are planned with the council across a range of departments.", True),
        ("When moves are necessary, transitions are planned with management oversight.", False),
        ("Leaders are aware of this shortfall and plans are being developed.", True),
        ("Care plans are being developed for all children.", False),
        ("The board lost its lay member in March and is now recruiting to this position.", True),
        ("A task and finish group is currently working to develop an adolescents strategy.", True),
        ("In response, all managers are undertaking a leadership development programme.", True),
        (
            "Many of the newly appointed managers are undertaking their first management roles.",
            False,
        ),
        ("A new system is due for implementation in March 2025.", True),
        ("Inspectors have asked the council to make sure that they do this better.", True),
        # a third pass: a step after "and", something now to be done, an intention or plan held,
        # efforts made, work needed with its kind named, what is due
        ("Leaders recognise this and are currently reviewing their policy.", True),
        ("Young people are settled and are currently exploring their interests.", False),
        ("This successful approach is now to be rolled out across all departments.", True),
        ("The Council has a clearly stated intention to increase apprenticeships.", True),
        ("Leaders have an action plan to further strengthen oversight.", True),
        ("Efforts are being made to broaden the panel's membership.", True),
        ("Focused work is needed to secure timely specialist emotional support.", True),
        ("Health and education partners are due to join the MASH in the near future.", True),
        ("The local authority together with the police plan to launch the guidance.", True),
        ("The extent of this work must not be underestimated.", False),
        ("These will be valuable for children in the future.", False),
        ("They correctly forecast the additional pressure that this will place on budgets.", False),
        ("The ethos of the local authority is that children should remain at home.", False),
        # a summary for children's recommendations in plain words
        (
            "Senior managers need to make sure that the risks these children face are understood.",
            True,
        ),
        ("Managers need to be more visible.", False),
        # a child's plan, not the council's; the council's beside a child's
        ("A few children have been placed with parents with a plan to discharge the order.", False),
        (
            "Care leavers have access to apprenticeships, and plans are in place to grow this.",
            True,
        ),
        ("A few children become looked after late, and managers have plans in place to act.", True),
        ("Chronologies are of variable quality and the majority need updating.", False),
        # a need the agent knows of, not the knowledge children need
        ("They know that they need to continue their work in this area.", True),
        ("The authority recognises that it needs to understand better why outcomes vary.", True),
        ("The vast majority have the skills and knowledge that they need to become adults.", False),
        # a report's priority actions, of leaders and managers together
        ("Senior leaders and managers need to take urgent action on unallocated cases.", True),
    ],
)
def test_work_under_way_decisions_and_what_remains_to_do(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a purpose's condition leads to what must be done; a circumstance's does not
        (
            "If the Council are to retain operational control of children's services, they will "
            "need to prioritise politically, financially and managerially.",
            True,
        ),
        ("If children go missing, they will need to be seen by a social worker.", False),
        ("If a child is to be adopted, the plan will be reviewed.", False),
        # a need reported as a view, or one the agent sees
        (
            "The conclusions above are in line with my own, as is their view that there is a "
            "need to consolidate the plethora of plans, reviews and information.",
            True,
        ),
        ("Managers recognise that there is a pressing need to improve communication.", True),
        # what requires attention, not the areas that need it
        ("The participation of health partners is an area that requires attention.", True),
        ("Systems and processes at the front door require further attention.", True),
        ("Scrutiny is focused on those areas that most need attention.", False),
        # a direction given, not a routine duty
        # (the modal of its relative clause is still none: see test_not_actions)
        (
            "The local area was required to produce a Written Statement of Action that explains "
            "how it will tackle the significant weaknesses.",
            True,
        ),
        ("Partners are required to provide evidence to support their self-assessments.", False),
        # proposals put forward and work in development, not work still unfinished
        ("Proposals have been submitted to the DFE for two new free schools.", True),
        ("A database is currently in development to address this shortfall.", True),
        ("Improvement plans are still in development or very new and untested.", False),
    ],
)
def test_needs_directions_and_work_in_development(sentence: str, expected: bool) -> None:
    assert is_action(sentence, False) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Improve agency attendance at all initial child protection meetings.", True),
        ("Further embed the culture of continuous professional development.", True),
        ("Immediately: cease the use of bed and breakfast accommodation.", True),
        ("Work with partners to reduce delay for children.", True),
        # a lead-in, a noun opening a statement, a statement
        ("Improve the quality of assessments and plans by:", False),
        ("Support workers from the virtual school make a strong contribution.", False),
        ("Work to counter exploitation is driven by the sub-group.", False),
        ("The inspection did not find any areas for priority and immediate action.", False),
    ],
)
def test_an_item_under_a_recommendations_topic_heading(sentence: str, expected: bool) -> None:
    assert is_recommended(sentence) is expected


def test_what_someone_said_should_be_done_is_the_doers(gaz: Gazetteer) -> None:
    s = (
        "Inspectors have said that more looked after children should be helped to join the "
        "children in care council, and senior managers should spend more time with them."
    )
    assert responsible(s, gaz, {}, {}, gaz.council_key) == gaz.council_key
    s = "The Commissioner said that she would submit her report in December."
    assert responsible(s, gaz, {}, {}, gaz.council_key).startswith("post:childrens-services-comm")
    # a need someone agrees there is: whoever is to meet it, not the inspectors
    s = "Inspectors agree that there is a need to build workers' skills and confidence."
    assert responsible(s, gaz, {}, {}, gaz.council_key) == gaz.council_key
    s = "Inspectors agreed that the LSCB should review its priorities."
    assert responsible(s, gaz, {}, {}, gaz.council_key) != "ofsted"


def test_the_three_safeguarding_partners_together_are_the_partnership(gaz: Gazetteer) -> None:
    s = (
        "The executive, the local authority, CCG and Police have agreed to have a rotating "
        "chair, currently the Director of People."
    )
    assert responsible(s, gaz, {}, {}, gaz.council_key) == "medway-safeguarding-partnership"
    # two of them are not the partnership: the first named acts
    s = "The local authority and police are taking action to reduce exploitation."
    assert responsible(s, gaz, {}, {}, gaz.council_key) == gaz.council_key


def test_a_body_worked_with_is_not_the_one_addressed(gaz: Gazetteer) -> None:
    s = "Working with the LSCB to ensure that partners fully understand thresholds."
    assert responsible(s, gaz, {}, {}, gaz.council_key) == gaz.council_key
    s = "Ensure that the LSCB annual report includes an analysis of the quality of practice."
    assert responsible(s, gaz, {}, {}, gaz.council_key) == "medway-safeguarding-partnership"


@pytest.mark.parametrize(
    "sentence",
    [
        # forecasts and the noun "will" (readings of 25 November 2026)
        "Cross-party leadership of the board demonstrates the collective will to do the right "
        "things for children.",
        "There are strong grounds to consider that this positive trend will continue.",
        "While some progress can be seen, consistently good practice will take longer to achieve.",
        "The new arrangements will need time to bed in.",
        "This will make it easier for children to understand their histories.",
        "The ONS estimates suggest that the 0-15 years population will increase by 3.8% by 2017.",
        # what children will be able to do; a relative clause's second verb
        "Young people will be able to update their passports.",
        "The team recruits carers who can foster a baby during proceedings and will go on to "
        "adopt.",
        # a condition inverted, a past counterfactual, advice to the reader, a judgement
        "Records are not up to date to support the team should further referrals arise.",
        "In some cases children should have become looked after sooner.",
        "Lessons are shared through seminars and 'things you should know' briefings.",
        "Chairs report that social workers prepare children well but that attendance should be "
        "better.",
        # an effect on children, a frame that finds, children's plans
        "This will make children's journeys through to adoption easier to understand.",
        "The local authority acknowledges that more children will benefit from permanence.",
        "It is notable that workers from the advocacy service will travel to see children.",
        "Legal decisions are made quickly, and there are plans to achieve permanence.",
    ],
)
def test_forecasts_and_other_wills_and_shoulds_are_no_actions(sentence: str) -> None:
    assert not is_action(sentence, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council will continue to invest in early help.",
        "The partnership will take time to review its procedures.",
        "Additionally, the board should further scrutinise numbers of repeat referrals.",
        "The forthcoming LSCB Annual Report should more explicitly address the board's impact.",
    ],
)
def test_commitments_beside_those_forms_still_count(sentence: str) -> None:
    assert is_action(sentence, False)


@pytest.mark.parametrize(
    ("sentence", "others"),
    [
        # a list of agents opening the sentence, then its verb
        ("The local authority and police are taking action, but there is more to do.", ("police",)),
        ("The police and the local authority have recognised that this is a challenge.",
         ("medway-council",)),
        ("The local authority and the CCG have recognised issues over access to CAMHS.", ("ccg",)),
        ("The DCS and the Deputy Director have agreed to meet counterparts.",
         ("post:deputy-director-medway-council",)),
        # what they agreed or said that someone else will do is that one's
        ("The council and Ofsted have agreed that the council will review its plans.", ()),
        ("The council and the police have said that the school will improve attendance.", ()),
        # ... not what they say they will do, nor a need they see
        ("Ofsted and CQC have notified the Council that they will be re-visiting Medway.",
         ("cqc",)),
        ("The local authority and the CCG have recognised that there is a need to improve CAMHS.",
         ("ccg",)),
        # one agent, or others in other words
        ("The council should ensure that the police are told.", ()),
        ("The local authority and its partners should ensure that plans are joined up.", ()),
        ("The council and the police, working with schools, should ensure that all are safe.", ()),
        ("Work with the police and the CCG should continue.", ()),
        # the three safeguarding partners together are their partnership, one agent
        ("The executive, the local authority, CCG and Police have agreed to rotate the chair.", ()),
    ],
)  # fmt: skip
def test_jointly(gaz: Gazetteer, sentence: str, others: tuple[str, ...]) -> None:
    who = responsible(sentence, gaz, {}, {}, gaz.council_key)
    assert jointly(sentence, gaz, {}, who) == others
