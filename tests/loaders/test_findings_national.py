"""Polarity on other councils' Ofsted reports (single inspection framework and ILACS).

Every sentence is quoted from a published Ofsted inspection report; the council and year of
each are named beside it.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cskg.loaders.findings import context_polarity, contrast, polarity, score


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Westminster 2016: the gap is what the project tackles, not one found
        (
            "For example, the LSCB has supported a pilot project to tackle female genital"
            " mutilation, an identified gap in services.",
            "Strength",
        ),
        # Essex 2023: gaps explored with care leavers are the work, not a weakness
        (
            "Personal advisers help care leavers to gain practical skills, such as cooking and"
            " budgeting, and use direct work and cultural genograms to help to explore gaps in "
            "their"
            " understanding of their life histories.",
            "Neutral",
        ),
        # Dudley 2018
        (
            "In many cases, social workers work directly with children using a variety of tools to"
            " help explore their concerns and experiences.",
            "Neutral",
        ),
        # Sutton 2025: what is overseen is no finding about the oversight
        ("There is strong oversight of these unlawful arrangements.", "Strength"),
        # Kent 2017: a need of monitoring still judges ("monitoring" is no verb here)
        (
            "However, management oversight and monitoring needs to improve to ensure that letters"
            " are timely and children do not spend extended periods at this stage with no progress"
            " made against agreed actions.",
            "Weakness",
        ),
    ],
)
def test_problems_looked_at_or_dealt_with_are_no_weakness(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # knowing where to improve is self-awareness
        # Barnet 2017
        (
            "Senior leaders and elected members demonstrate a clear understanding of areas for"
            " development within children’s social care, and a commitment to improving services for"
            " children and families in Barnet.",
            "Strength",
        ),
        # Kent 2017
        (
            "Managers know what they need to do and plans are already in place to make"
            " improvements.",
            "Strength",
        ),
        # Newham 2022
        (
            "Leaders are aware of the need to increase the number of carers available for children"
            " coming into care.",
            "Strength",
        ),
        # Oxfordshire 2014
        (
            "The local authority has identified the need to increase the number of adoptions of"
            " children over 5 years.",
            "Strength",
        ),
        # but not when the knowing is someone else's, or denied
        ("Inspectors identified areas for improvement in the quality of plans.", "Weakness"),
        ("Leaders do not know where practice needs to improve.", "Weakness"),
        # Lancashire 2018: children helped to understand their history is no self-awareness
        (
            "Work to help children understand what has happened to them before they become looked"
            " after needs to start earlier.",
            "Weakness",
        ),
    ],
)
def test_knowing_what_needs_to_improve(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Kent 2017: "or" carries the negation to its second alternative
        "However, it does not provide a rigorous and transparent assessment and scrutiny of"
        " frontline practice, or a comprehensive assessment of the performance and effectiveness"
        " of local services.",
        # Blackpool 2019
        "However, this does not sufficiently address the quality of practice or lead to sustained"
        " improvement.",
        # Barnet 2017
        "Partners in the multi-agency safeguarding hub do not work together effectively to ensure"
        " timely or effective decision making that is informed by good-quality information.",
        # Barnet 2017: "too few" negates
        "However, too few achieve sufficient qualifications and high grades or make sufficient"
        " progress by age 16 in secondary school.",
        # Cambridgeshire 2019: "lacks" negates
        "However, performance management information lacks sufficient clarity and depth of"
        " analysis to provide a detailed and up-to-date picture of practice to support"
        " improvement work.",
        # Bradford 2023
        "Kinship assessments do not thoroughly consider the strengths and weaknesses of"
        " prospective placements with family and friends.",
    ],
)
def test_negation_reaches_alternatives(sentence):
    assert polarity(sentence) == "Weakness"


@pytest.mark.parametrize(
    "sentence",
    [
        # Essex 2023: "not in education, training or employment" names a group
        "Young people who are not in education, training or employment are helped effectively to"
        " gain employability skills, to prepare for job interviews and to access college,"
        " apprenticeships and further and higher education.",
        # Hampshire 2024
        "Care leavers can also access funding for specialist training and those who are not in"
        " education, employment or training are encouraged and helped to return and to pursue"
        " their aspirations.",
    ],
)
def test_a_negated_group_name_does_not_negate_the_predicate(sentence):
    assert polarity(sentence) == "Strength"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Bradford 2023
        (
            "Since that inspection, the experience and progress of many children have declined.",
            "Weakness",
        ),
        (
            "The inspection identified a small number of children aged under 16 living in unlawful"
            " placements.",
            "Weakness",
        ),
        # Blackpool 2019
        (
            "A small number of complex child in need cases were allocated to non-qualified staff"
            " inappropriately.",
            "Weakness",
        ),
        ("Progress in reducing risks for some of these young people is a challenge.", "Weakness"),
        # Barnet 2017
        (
            "Securing sufficient financial contributions from partner agencies has been an ongoing"
            " challenge for the board.",
            "Weakness",
        ),
        # Blackpool 2019: sufficient and compliant are praise
        (
            "Children who are privately fostered receive a sufficient level of support, and the "
            "local"
            " authority is compliant with its statutory responsibilities.",
            "Strength",
        ),
        # Cornwall 2016: and negated like any other
        (
            "The plans do not pay sufficient attention to how care leavers might improve their"
            " emotional and psychological well-being and needs.",
            "Weakness",
        ),
        # Cornwall 2016: not scrutinising is a failing, whatever is not scrutinised
        (
            "Similarly, the board was not actively scrutinising the Children’s Trust concerning "
            "high"
            " numbers of young people, aged 16 and 17 years old, presenting as homeless who were"
            " housed in bed and breakfast accommodation.",
            "Weakness",
        ),
    ],
)
def test_other_councils_cues_2(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Oxfordshire 2014, "Areas for improvement": a recommendation, not praise
        "Ensure that all foster carers receive regular supervision that is properly recorded.",
        "Establish effective governance arrangements between the Health and Well-Being Board,"
        " Children and Young People’s Partnership Board and the Oxfordshire Safeguarding Children"
        " Board (OSCB).",
    ],
)
def test_a_recommendation_is_a_weakness_to_address(sentence):
    assert polarity(sentence) == "Weakness"
    assert polarity(sentence, "Strength?") == "Weakness"


def test_a_noun_that_opens_a_sentence_is_no_recommendation():
    # Review and Increase open sentences as nouns too; only verbs that cannot count
    assert polarity("Review meetings are timely and well attended.") == "Strength"


_PRAISE = st.sampled_from(["effective", "timely", "robust", "thorough", "comprehensive"])
_SUBJECT = st.sampled_from(["assessment", "scrutiny", "oversight", "challenge", "analysis"])


@settings(max_examples=60, deadline=None)
@given(_PRAISE, _PRAISE, _SUBJECT, _SUBJECT)
def test_each_alternative_after_a_negator_is_negated(a, b, x, y):
    s = f"The board does not provide a {a} {x} of practice, or a {b} {y} of services."
    weak, strong = score(s)
    assert strong == 0 and weak > 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # something not done
        # Bradford 2023
        ("PEPs do not reflect ambition for what children in care can achieve.", "Weakness"),
        # Lancashire 2018
        (
            "The panel is not using its wider quality assurance role to help improve practice in"
            " relation to the quality of assessments and plans across the service.",
            "Weakness",
        ),
        # Blackpool 2019
        ("There has not been a leader in post for the virtual school until recently.", "Weakness"),
        # Salford 2015
        (
            "The independent chair has plans to meet directly with young people but has not done so"
            " yet.",
            "Weakness",
        ),
        # but not what a purpose clause prevents, nor who or when a clause describes
        # Camden 2025
        (
            "Delegated authority is appropriately in place for children, and when additional"
            " guidance or negotiation is needed, these issues are prioritised quickly, so "
            "children do"
            " not miss out.",
            "Strength",
        ),
        # Derby 2022 (a fault not done, "do not have to wait", is praise)
        (
            "Children and families do not have to wait for the outcome of an assessment before"
            " receiving help from other services that they may need.",
            "Strength",
        ),
        # Leicestershire 2024 (children who do not attend: which children, no fault; provision
        # tailored to need: praise)
        (
            "For children who do not attend school, bespoke packages of education provision are"
            " tailored to meet individual need.",
            "Strength",
        ),
        # Essex 2023
        (
            "There is effective support and challenge when services are not making the expected"
            " difference for children.",
            "Strength",
        ),
        # Barnet 2017: the ADM challenges when reports fall short
        (
            "The ADM makes timely decisions and appropriately challenges staff when information and"
            " reports are not sufficient.",
            "Strength",
        ),
        ("Social workers visit regularly to ensure that children do not go missing.", "Strength"),
        # a relative clause that ends before the negation does not shelter it (Barnet 2017)
        (
            "The response to children at risk of sexual exploitation and those who go missing is "
            "not"
            " consistently effective.",
            "Weakness",
        ),
        # Cornwall 2016
        (
            "As a result, some children remained in situations where their risk had not been fully"
            " assessed.",
            "Weakness",
        ),
    ],
)
def test_something_not_done(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # ILACS 2018-19 judgement headings end in a full stop (Reading 2019, Blackpool 2019)
        ("The experiences and progress of children in care and care leavers: good.", "Strength?"),
        (
            "The impact of leaders on social work practice with children and families is"
            " inadequate.",
            "Weakness?",
        ),
        (
            "The experiences and progress of children who need help and protection: requires"
            " improvement to be good.",
            "",
        ),
    ],
)
def test_a_graded_heading_may_end_in_a_full_stop(heading, expected):
    assert context_polarity(heading) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a problem said to be absent is praise
        # Salford 2015
        (
            "34 young people are currently receiving post adoption support and there is no waiting"
            " list for this service.",
            "Strength",
        ),
        (
            "This has ensured that the use of agency staff to cover vacancies is kept to a"
            " minimum.",
            "Strength",
        ),
        # Reading 2019
        ("Matching is effective, and children achieve permanence without delay.", "Strength"),
        # Barnet 2017
        (
            "Small numbers of children are placed without delay to achieve permanency through"
            " adoption.",
            "Strength",
        ),
        # and a problem present is still one
        ("There are delays in allocation.", "Weakness"),
        # more to do
        # Salford 2015
        (
            "There is an effective compact between the LSCB, the Children’s Trust and the Health "
            "and"
            " Wellbeing Board, but governance arrangements between these strategic leadership "
            "groups"
            " requires further strengthening.",
            "Weakness",
        ),
        # Bedford 2022
        ("There is some way to go, however.", "Weakness"),
    ],
)
def test_absent_problems_and_more_to_do(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # Bradford 2023, in sections graded inadequate: events, not qualities
        "Recently, the local authority has increased its fostering allowances via a newly"
        " implemented fostering policy.",
        "Ofsted has conducted seven monitoring visits since the previous inadequate judgement.",
        # Blackpool 2019
        "A new model of social work practice has been introduced to help social workers"
        " recognise risk.",
    ],
)
def test_something_done_takes_no_leaning(sentence):
    assert polarity(sentence, "Weakness?") == "Neutral"
    assert polarity(sentence, "Strength?") == "Neutral"


def test_a_subordinate_event_does_not_stop_the_leaning():
    # Kensington and Chelsea 2019, in a section graded outstanding
    s = (
        "Once checks have been completed, social workers comprehensively analyse the information"
        " obtained, alongside historical information held."
    )
    assert polarity(s, "Strength?") == "Strength"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # plain praise words
        # Oxfordshire 2014
        ("Quality auditing is undertaken routinely across frontline services.", "Strength"),
        (
            "Services for children and families are given a high priority by senior leaders and"
            " elected members.",
            "Strength",
        ),
        (
            "Oxfordshire’s workforce strategy is linked closely to the social work reform board and"
            " employer standards.",
            "Strength",
        ),
        # Norfolk 2018
        (
            "Urgent safeguarding concerns referred to the MASH result in immediate action by"
            " decision makers.",
            "Strength",
        ),
        (
            "Many children in Norfolk, including children looked after and care leavers, now "
            "receive"
            " better support than they did before.",
            "Strength",
        ),
        # but not an adjective of urgency (Cambridgeshire 2019)
        (
            "These weaknesses were compounded by high caseloads, making it very difficult for "
            "social"
            " workers to complete work beyond the most immediate tasks in a timely manner or to a"
            " consistent standard.",
            "Weakness",
        ),
        # more wanted
        # Cornwall 2016
        (
            "Pathway plans are helpful but overly long and care leavers require better access to"
            " careers advice.",
            "Weakness",
        ),
        # Shropshire 2017
        (
            "Care planning requires more detail and management oversight to ensure timely outcomes"
            " for children.",
            "Weakness",
        ),
    ],
)
def test_other_councils_plain_words_2(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a leading concession's main clause starts after the comma a subject follows, not
        # inside a list (Lancashire 2018, Reading 2019)
        (
            "While most assessments are timely, detailed and routinely updated, the quality of"
            " analysis provided is not consistently sharp.",
            "Weakness",
        ),
        (
            "While there are some good examples of purposeful, creative, direct work to understand"
            " children’s experiences or to help children understand their situation, this is not"
            " always recorded on children’s files.",
            "Weakness",
        ),
        ("Although plans are poor, in most cases children are safe.", "Strength"),
        # what a leading concession concedes weighs little beside what its main clause asserts,
        # however many praise words it has (Bedford 2022, Bristol 2018, Oxfordshire 2014,
        # Medway 2019 focused visit)
        (
            "While the council has made good progress in improving services since the last "
            "inspection, workforce challenges remain.",
            "Weakness",
        ),
        (
            "Although there is evidence of social work practice that is increasingly purposeful "
            "and effective, with some examples of very good plans, plans do not always make it "
            "clear who is going to do what by when or why.",
            "Weakness",
        ),
        (
            "Although they routinely see children a few days before their review, and clearly know "
            "them well, they do not consistently have face-to-face contact with young people "
            "between their reviews.",
            "Weakness",
        ),
        (
            "Despite high service demand and high caseloads, social workers are positive and "
            "optimistic.",
            "Strength",
        ),
    ],
)
def test_the_main_clause_of_a_concession(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what is hard to do is not done well (Medway 2019; Salford 2015)
        (
            "The Medway POD arrangement of small teams of social workers with one practice manager"
            " covering all work on Children in Need, Child Protection and for Children in Care, has"
            " made it difficult for staff to prioritise effectively and spend sufficient time on"
            " direct intervention with children and their families.",
            "Weakness",
        ),
        (
            "However, the board has struggled to develop consistent performance reporting that is"
            " clear, includes trends, and supports scrutiny.",
            "Weakness",
        ),
        # but people who are hard to reach, and hard work, are no failing (Cornwall 2016)
        (
            "Young people who are harder to engage receive effective targeted support to enable "
            "them"
            " to re-engage in education, employment and training.",
            "Strength",
        ),
        # Salford 2015
        (
            "The people in charge and social workers are working hard to make sure services stay"
            " good and get even better.",
            "Strength",
        ),
    ],
)
def test_what_is_hard_to_do(sentence, expected):
    assert polarity(sentence) == expected


def test_neither_nor_negates_its_whole_clause():
    # Blackpool 2019
    s = (
        "Neither the quality assurance framework nor the performance management framework have"
        " assisted the local authority sufficiently so that there is a clear and accurate"
        " understanding of the gravity and level of concerns for children."
    )
    assert polarity(s) == "Weakness"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Kent 2017, Slough 2016, St Helens 2023: a problem avoided or prevented is dealt with
        ("Planning is purposeful and any unnecessary delays are avoided.", "Strength"),
        ("Unnecessary delay is avoided.", "Strength"),
        ("Most problems are prevented from escalating.", "Strength"),
        # Thurrock 2024: an effect not yet shown
        (
            "However, despite concerted efforts by leaders to address the timeliness of initial "
            "health assessments, the impact of this remains to be seen.",
            "Weakness",
        ),
    ],
)
def test_problems_avoided_and_effects_not_yet_shown(sentence, expected):
    assert polarity(sentence) == expected


def test_a_problem_not_avoided_is_still_a_weakness():
    assert polarity("Unnecessary delay is not avoided.") == "Weakness"


@pytest.mark.parametrize(
    "sentence",
    [
        # Dudley 2018
        "Currently, the virtual school cannot reliably or accurately measure its impact on "
        "children in care.",
        # Kent 2017
        "In the absence of a single, shared risk register, the board cannot be confident that "
        "it has a sufficiently clear overview of risk across the partnership, and this makes it "
        "difficult for the board to be sure that any risks are addressed in a timely way.",
        "Consequently, the local authority cannot be assured that all young people who present "
        "as homeless receive an appropriate level of support and intervention.",
    ],
)
def test_no_assurance_is_a_weakness(sentence):
    # what follows "cannot be confident that" is what is not known, not praise
    assert polarity(sentence) == "Weakness"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Medway 2019 (commissioner's review): a comparative subject that "is needed" is wanted
        (
            "A stronger sense of leadership and direction is needed, faster recruitment to key "
            "posts, as well as a clear sense of the uniqueness and benefits of working in Medway.",
            "Weakness",
        ),
        # Lancashire 2018
        (
            "A more focused response to neglect is still required to ensure that children receive "
            "consistently effective child in need support.",
            "Weakness",
        ),
        # Camden 2025: a need inside a "when" clause says when, not what is lacking
        (
            "Delegated authority is appropriately in place for children, and when additional "
            "guidance or negotiation is needed, these issues are prioritised quickly.",
            "Strength",
        ),
        # Medway 2019 (focused visit): knowing what is needed is no need found
        (
            "Senior leaders are realistic about what further improvement is needed and suitable "
            "plans are in place.",
            "Strength",
        ),
    ],
)
def test_what_is_needed(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Medway 2023
        (
            "Most families receive the right support at the earliest opportunity and their "
            "situations improve.",
            "Strength",
        ),
        # Norfolk 2018
        (
            "The option of staying put is considered at the earliest opportunity, when long-term "
            "foster placement matches are first approved.",
            "Strength",
        ),
        # Cornwall 2016
        (
            "As a result, some children’s circumstances improve and others are quickly stepped up "
            "to targeted or specialist help.",
            "Strength",
        ),
        # Blackpool 2019: negated like any other cue
        (
            "Many children’s needs are not responded to in the right way or at the right time.",
            "Weakness",
        ),
        # Kent 2017, Reading 2019, Medway 2019 (commissioner's review)
        (
            "Direct and assertive action is taken when safeguarding concerns are identified.",
            "Strength",
        ),
        (
            "These children’s cases were reviewed during the inspection by senior leaders, and "
            "further action was taken to address the level of concern for a small number of "
            "children.",
            "Strength",
        ),
        (
            "The Council have since looked at all the children who were raised as concerns by the "
            "inspectors and action has been taken to progress those cases.",
            "Strength",
        ),
        ("No action was taken.", "Weakness"),
    ],
)
def test_the_right_help_at_the_right_time_and_action_taken(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Medway 2023, 2019 (focused visit), 2023
        (
            "Children are offered advocacy support; this helps them to understand their rights "
            "and entitlements.",
            "Strength",
        ),
        (
            "Staff describe experiencing high support and high expectations within a learning "
            "culture.",
            "Strength",
        ),
        (
            "Children do not wait long to be matched and once placed, they achieve permanence.",
            "Strength",
        ),
        # Camden 2025, Westminster 2016
        (
            "Family group conferences are used early and throughout the child’s journey, "
            "enabling families to use existing strengths to solve problems.",
            "Strength",
        ),
        (
            "Instead, a strong culture of continuous learning, professional accountability and "
            "responsibility, devoid of blame, enables staff to flourish in a safe but challenging "
            "environment.",
            "Strength",
        ),
        # Medway 2019 (focused visit), Newham 2022: a challenge that remains, varying quality
        (
            "A substantial challenge remains in ensuring that health agencies participate in, and "
            "contribute meaningfully to, strategy meetings and assessments.",
            "Weakness",
        ),
        (
            "Social workers have varying levels of competence and confidence in supporting and "
            "protecting children.",
            "Weakness",
        ),
        (
            "Young people report varying quality in their relationships with their personal "
            "advisers.",
            "Weakness",
        ),
        # Leicestershire 2024, Northumberland 2024: what a thing "that" helps do is no praise of
        # the sentence's subject
        (
            "Letters before proceedings, although consistently sent to parents, are not always "
            "written in a language that enables parents to understand the changes being asked of "
            "them.",
            "Weakness",
        ),
        (
            "The quality of written plans does not always reflect the high quality of social work "
            "practice that helps children progress.",
            "Weakness",
        ),
        # Norfolk 2018: an aim
        (
            "From the moment that children become looked after, social workers are thinking how "
            "best to achieve permanence for them.",
            "Neutral",
        ),
    ],
)
def test_help_that_works_and_quality_that_varies(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Leeds 2015, Enfield 2015, Isle of Wight 2014; Herefordshire 2014: nothing to act on first
        ("There are no priority actions.", "Strength"),
        ("There are no areas of priority action.", "Strength"),
        # children in unregistered homes, said as what is so, are a shortfall of homes:
        # Medway 2023, Tameside 2023; Durham 2025
        ("A small number of children live in unregistered children’s homes.", "Weakness"),
        (
            "There are a small number of children living in unregistered children’s homes.",
            "Weakness",
        ),
        # ... not oversight of them (Worcestershire 2023), none (Buckinghamshire 2022), fewer
        # (West Northamptonshire 2026) or rarely (St Helens 2023)
        (
            "Senior leaders and managers have appropriate oversight of the small number of "
            "children who are living in unregistered settings.",
            "Strength",
        ),
        # (none is praise, as the readers of late November 2026 read it: Greenwich 2024 "a
        # significant achievement")
        ("No children are living in unregistered children’s homes.", "Strength"),
        (
            "There are a reducing number of children living in unregistered children’s homes.",
            "Neutral",
        ),
        (
            "Children are placed in unregistered children’s homes rarely and only in emergency "
            "situations.",
            "Neutral",
        ),
    ],
)
def test_priority_actions_and_unregistered_homes(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # vacancies, turnover and agency staff that have come down: Doncaster 2015, Kent 2017
        ("Social work vacancies have reduced, as has reliance on agency staff.", "Strength"),
        ("Turnover is also steadily reducing.", "Strength"),
        # ... not vacancies that have reduced something else (Brighton and Hove 2018)
        (
            "At the time of the inspection, vacancies in some social work pods have reduced "
            "social worker capacity, resulting in a small number of children’s cases being held "
            "by managers in two teams.",
            "Weakness",
        ),
        # posts filled by permanent staff (Peterborough 2015), not by interims (Sunderland 2015)
        ("Permanent appointments have now been made.", "Strength"),
        ("This role has been filled with a series of interim post holders.", "Neutral"),
    ],
)
def test_staffing_that_has_become_more_stable(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # leaders who know the issues: self-awareness (Cheshire West and Chester 2016, Central
        # Bedfordshire 2022)
        "Managers are aware of these issues and are currently undertaking a review of the "
        "support offered to disabled children, with initial recommendations expected in January "
        "2016.",
        "Leaders are fully aware of these difficulties and have committed resources to increase "
        "local placements.",
    ],
)
def test_leaders_aware_of_the_issues(sentence):
    assert polarity(sentence) == "Strength"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # children heard, and work watched closely (national reports, 2014-2026)
        (
            "Their views are listened to and influence the help and support that they receive.",
            "Strength",
        ),
        ("Care leavers in Wirral trust their PAs and feel listened to.", "Strength"),
        ("Children do not feel listened to by their social workers.", "Weakness"),
        ("Children known to be missing education are closely tracked and monitored.", "Strength"),
        ("The Board’s business plan is detailed, specific and measurable.", "Strength"),
        (
            "Strategic plans outline general principles rather than focus on specific and "
            "measurable activities designed to improve outcomes for children.",
            "Weakness",
        ),
        # work that stalled, a problem that lasts
        ("The support for the family lost momentum once the child had returned home.", "Weakness"),
        (
            "Although leaders recognise this and have plans to address it, the issue persists.",
            "Weakness",
        ),
        # ... not a step taken where concerns persist
        ("Managers escalate cases where concerns persist, and they do so promptly.", "Strength"),
        # a child's needs are no need to improve: "with additional needs to make the transition"
        (
            "Effective arrangements support young people with additional needs to make the "
            "transition to adult services.",
            "Strength",
        ),
        (
            "Social workers carefully consider their communication needs to help ensure that "
            "their views are known.",
            "Strength",
        ),
        # ... but the verb still is ("support needs to be improved", "in care needs to improve")
        ("Support needs to be improved for care leavers with mental health needs.", "Weakness"),
        # a transition without disruption
        (
            "Effective arrangements are in place for young people with mental health needs to "
            "make the transition to adult services without disruption.",
            "Strength",
        ),
        # praise in words the reports use (national reports, 2014-2026)
        (
            "Children know that they have a trusted adult with whom they can share their worries "
            "and aspirations.",
            "Strength",
        ),
        (
            "It is a credit to the service that the volume of compliments now outweighs negative "
            "feedback.",
            "Strength",
        ),
        ("Key Stage 4 outcomes compare favourably with the national picture.", "Strength"),
        ("Consequently, there are no young people in unregistered provision.", "Strength"),
        ("There were no young people in bed and breakfast accommodation.", "Strength"),
        ("The virtual school provides valuable support to children.", "Strength"),
        # ... not what is valuable and lost or wasted
        (
            "This means that valuable time is lost in dealing with a large volume of inappropriate "
            "contacts.",
            "Weakness",
        ),
        # leaders who know this one shortfall (self-awareness)
        (
            "Senior managers recognised this shortfall and had implemented tighter checks and "
            "balances.",
            "Strength",
        ),
        ("The local authority is aware of this deficit and has taken action.", "Strength"),
        # faults in a noun or a quantifier, and praise of fewer agency staff (national reports)
        ("When young people go missing, little effort is made to find them.", "Weakness"),
        ("Assessments gave little consideration to issues of culture or diversity.", "Weakness"),
        (
            "This scoping audit confirms a current disconnect between strategy and practice.",
            "Weakness",
        ),
        ("This results in further unnecessary moves for young people.", "Weakness"),
        ("There is less reliance on agency staff.", "Strength"),
        # ... not moves minimised
        (
            "The frequent use of fostering to adopt placements minimises unnecessary moves for "
            "children.",
            "Neutral",
        ),
        # the readings of late November 2026
        # delay made smaller (Dorset 2025, Portsmouth 2023, Wandsworth 2016)
        (
            "Active family finding by the regional adoption agency (Aspire) means that children "
            "have permanent homes with less delay.",
            "Strength",
        ),
        (
            "Parallel planning and good case tracking help to ensure that children experience "
            "minimum delay.",
            "Strength",
        ),
        (
            "Tracking meetings to review cases are resulting in fewer delays for children.",
            "Strength",
        ),
        # ... but not its absence denied
        (
            "The local authority is not performing well in ensuring that children are adopted "
            "with the minimum of delay.",
            "Weakness",
        ),
        # what helps, and what care is taken over (national reports, 2014-2026)
        ("Case summaries are particularly helpful.", "Strength"),
        (
            "The PLO tracker is a useful tool for managers to oversee plans for children.",
            "Strength",
        ),
        (
            "Young people told inspectors that they do not find their pathway plans to be helpful.",
            "Weakness",
        ),
        (
            "However, care leavers spoken to by inspectors said they did not always find the "
            "current pathway plan to be a useful tool to effectively plan for their future.",
            "Weakness",
        ),
        (
            "Where interpreters and translators are used, care is taken to ensure that they have "
            "no connections to the child’s immediate community.",
            "Strength",
        ),
        ("This has enabled an increasing number of children to remain at home safely.", "Strength"),
        (
            "Practice learning mentors work alongside staff, helping them to reflect on their "
            "practice.",
            "Strength",
        ),
        (
            "The needs of children in the family who are not disabled are also fully considered.",
            "Strength",
        ),
        ("However, diversity is not always fully considered or explored.", "Weakness"),
        # a problem's own relative clause is part of what was resolved (Bexley 2018)
        (
            "Data integrity issues that had adversely affected the reliability and quality of "
            "analysis have recently been resolved.",
            "Strength",
        ),
        # leaders who know what requires improvement, not areas an inspection identified
        (
            "Senior leaders are effective at recognising service areas that require improvement.",
            "Strength",
        ),
        ("Both were identified as areas for development in that inspection.", "Weakness"),
        # reliance on temporary staff, unless reduced (Wokingham 2016 and others)
        (
            "There is a significant reliance on locum social workers, and temporary social "
            "workers comprise half of the establishment in the MASH.",
            "Weakness",
        ),
        ("However, there is still high reliance on agency staff.", "Weakness"),
        ("Social work vacancies have reduced, as has reliance on agency staff.", "Strength"),
        ("The reliance on agency staff is being reduced.", "Strength"),
        (
            "Reliance on agency staff has also reduced from 27 in September 2015 to 22 in February "
            "2016.",
            "Strength",
        ),
        # a concession that opens a later clause weighs little beside the clause after it
        (
            "Supervision is regular, and although social workers report that it is helpful in "
            "promoting reflection and analysis, this is not always well evidenced in recording of "
            "these discussions.",
            "Weakness",
        ),
        # "not as well" is a comparison that finds fault
        (
            "However, risk assessments are not as well used when young people are at risk from "
            "gang activity.",
            "Weakness",
        ),
        # a later clause of what there may be, which the work meets; not what there is
        (
            "This supports effective transitions where there may be delays in the allocation of "
            "PAs.",
            "Strength",
        ),
        (
            "The edge of care work is a positive addition to the social work support available "
            "to children and their families when there is a risk of family breakdown.",
            "Strength",
        ),
        (
            "A small but significant number of children’s cases are closed when there is limited "
            "information for safe decisions to be made.",
            "Weakness",
        ),
        # the second readings of November 2026 (national reports, 2014-2026)
        ("Pathway plans are not quality-assured by a manager.", "Weakness"),
        ("Some care leavers are not allocated a PA until their 18th birthday.", "Weakness"),
        (
            "The inclusion of children’s data in the Health and Well-being Board is too limited "
            "to standard public health datasets.",
            "Weakness",
        ),
        (
            "The local authority as the corporate parent misses opportunities as a major "
            "employer to boost care leavers’ employment prospects.",
            "Weakness",
        ),
        (
            "When care leavers become 21, they are no longer provided with a social worker, PA "
            "or leaving care services.",
            "Weakness",
        ),
        (
            "Some young people told inspectors that pathway planning felt rushed.",
            "Weakness",
        ),
        ("The duty, triage and assessment team was at breaking point.", "Weakness"),
        (
            "There are constructive working relationships between the judiciary, Cafcass and "
            "the local authority.",
            "Strength",
        ),
        # no evidence of children left at risk is praise
        (
            "Most children come into local authority care at the right time, and there is no "
            "evidence of children being left in situations of risk or harm.",
            "Strength",
        ),
        # a condition by inversion, and what parents live with
        (
            "Wider family networks are considered, and contingency plans are in place should "
            "needs escalate.",
            "Neutral",
        ),
        (
            "Embedded, specialist, multi-disciplinary workers provide sophisticated and highly "
            "impactful support to parents experiencing domestic abuse, poor mental health and "
            "substance misuse.",
            "Strength",
        ),
        ("Too many children are living with neglect for too long.", "Weakness"),
        # the end readings: "without doubt" is no doubt; what limits effective work is a fault;
        # what is not referenced or captured; managers helped
        (
            "This leadership style is, without doubt, a critical feature which engages staff "
            "and partner agencies.",
            "Neutral",
        ),
        (
            "The board has an excessively large membership, limiting meaningful debate and "
            "effective decision-making.",
            "Weakness",
        ),
        (
            "The support available for care leavers who are parents is not explicitly "
            "referenced in the offer.",
            "Weakness",
        ),
        (
            "The quality framework is more coherent and is helping managers to better "
            "understand children’s experiences.",
            "Strength",
        ),
        # faults the end readings found read as Neutral (national reports, 2014-2018)
        (
            "In the very small number of currently open cases, no written plans were in place.",
            "Weakness",
        ),
        ("Too frequently these were ‘signed off’ by managers.", "Weakness"),
        (
            "These are both in early stages of development and so cannot yet evidence impact.",
            "Weakness",
        ),
        ("SDQ’s are reported, but are not robustly analysed.", "Weakness"),
        (
            "This will make it difficult for children to make sense in later life of significant "
            "decisions made for them.",
            "Weakness",
        ),
        # what needs (or needed) to be firmer, clearer or more consistent (Dudley 2016)
        (
            "Earlier Ofsted inspections found that help and support for children needed to be "
            "better.",
            "Weakness",
        ),
        ("Management oversight needs to be more consistent.", "Weakness"),
        # a practice model's name is no praise (Southend 2014)
        ("Conference reports from partners use the strengthening families model.", "Neutral"),
        # a recommendation whose partners stand between its verb and its object (Rochdale 2014)
        (
            "Ensure, with partners, that early help is coordinated and targeted effectively so "
            "that children receive help when their needs are first identified.",
            "Weakness",
        ),
    ],
)
def test_words_of_the_2026_readings(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fault kept low is praise, its fault word no fault found (national reports, 2014-18)
        ("Disruptions in Calderdale are low, with just one in the last three years.", "Strength"),
        ("Matching arrangements are sound and there is a low disruption rate.", "Strength"),
        ("Turnover, staff vacancies and the use of agency social workers are low.", "Strength"),
        ("Re-referral rates are lower than statistical neighbours.", "Strength"),
        ("Low levels of repeat child protection plans indicate effective help.", "Strength"),
        ("Low-level concerns are managed well.", "Strength"),
        # what should be high is low: a fault; what should be high is high: praise
        ("However, advocacy take-up is low.", "Weakness"),
        ("There are low levels of attendance by children at core groups.", "Weakness"),
        ("The attainment of qualifications by children looked after is too low.", "Weakness"),
        ("The participation of children looked after is high.", "Strength"),
        ("High levels of engagement are apparent across the professional network.", "Strength"),
        # ... unless it was low before, or is what is looked at or dealt with
        (
            "IROs actively promote the service and initially low take-up by children and young "
            "people is increasing.",
            "Neutral",
        ),
        ("Previous problems with low completion rates for PEPs have been resolved.", "Strength"),
        (
            "Clear criteria are used to identify the main factors affecting low attendance.",
            "Strength",
        ),
        # leaning on agency staff, in other words
        (
            "At 12.6%, the staff turnover rate is comparatively low, but the local authority "
            "continues to be heavily dependent on agency staff.",
            "Weakness",
        ),
        # a difference made, in other words; a second reported clause is not the first's
        (
            "The support provided is making a demonstrable difference to their well-being.",
            "Strength",
        ),
        (
            "One young person said that without her foster carers she “wouldn’t be where she is "
            "today” and that being in care had made a huge difference to her life.",
            "Strength",
        ),
    ],
)
def test_levels_kept_low_and_levels_that_should_be_high(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an understatement is a fault (national reports, 2013-18)
        (
            "In 2014–15, only 28% of initial health assessments were undertaken within 20 days "
            "of admission to care.",
            "Weakness",
        ),
        ("Only half of children have had an up-to-date check-up.", "Weakness"),
        ("However, only 41 of 138 were completed within the expected timescale (30%).", "Weakness"),
        (
            "As a result, only a small proportion of children looked after in Warwickshire are "
            "benefiting from the support of an advocate.",
            "Weakness",
        ),
        # ... not a small share of something bad, a comparison, or where a figure rose from
        (
            "In 2012–13 only 9% of children experienced three or more placements, which is "
            "better than statistical neighbours and the national average.",
            "Strength",
        ),
        (
            "Support to birth parents is provided through the innovative PAUSE project where "
            "success has been shown through only one of 20 parents having had a further "
            "pregnancy.",
            "Strength",
        ),
        (
            "Only a very small number of children reunited with their family re-enter care.",
            "Neutral",
        ),
        (
            "The rate rose from only 41% during 2015–16 to 75% at the end of December 2016.",
            "Neutral",
        ),
        (
            "Currently, all children looked after have a PEP, compared to only half of them a few "
            "years ago.",
            "Neutral",
        ),
    ],
)
def test_only_a_share_is_an_understated_fault(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two readings of late November 2026 (reports of 2013-18 and 2019-25)
        ("Improvements are required to provide more specialist interventions.", "Weakness"),
        (
            "A more effective process for assessing and responding to children placed in custody, "
            "particularly outside core hours, is required to ensure that children are not "
            "detained unnecessarily.",
            "Weakness",
        ),
        ("This has minimised disruption for these very young children.", "Strength"),
        (
            "The local authority has significantly reduced the use of agency staff over the last "
            "year.",
            "Strength",
        ),
        ("The fostering and adoption panel is properly organised.", "Strength"),
        (
            "Improved marketing strategies are in place, aimed at recruiting more carers from "
            "Black and minority ethnic heritage.",
            "Strength",
        ),
        (
            "An independent visiting service is available to all looked after children but the "
            "take up rates are low.",
            "Weakness",
        ),
        (
            "Transfers are made via e-mail with no prior discussion and are therefore sometimes "
            "missed.",
            "Weakness",
        ),
        (
            "There is a tendency to focus on process matters rather than the quality of work.",
            "Weakness",
        ),
        ("There is currently no active plan or offer in place to address this.", "Weakness"),
        ("A significant number of children are subject to repeat referrals.", "Weakness"),
        ("However, the re-referral rate has increased and is high.", "Weakness"),
        ("Under the current director, the pace of improvement has accelerated.", "Strength"),
        # needs met, said by the statement; not what is to be ensured, asked or measured
        (
            "Most care-experienced young people have their physical and emotional health needs "
            "met.",
            "Strength",
        ),
        ("Other groups of more difficult to place children have their needs met well.", "Strength"),
        (
            "Equally, young people can access a range of services to ensure that their emotional "
            "and mental health needs are met.",
            "Neutral",
        ),
        (
            "Politicians have not been meeting their corporate parenting responsibilities to "
            "champion looked after children and ensure that their needs are met.",
            "Weakness",
        ),
    ],
)
def test_words_of_the_second_november_readings(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # words of the end readings of late November 2026
        ("The coordination of early help services is under developed.", "Weakness"),
        ("This means that there is a restricted choice available when matching.", "Weakness"),
        ("The local target to recruit 25 adopters has been narrowly missed.", "Weakness"),
        (
            "The joint strategic needs analysis contains limited information or analysis of "
            "priority areas affecting children.",
            "Weakness",
        ),
        (
            "The gap in attainment between children looked after and their peers remains too wide.",
            "Weakness",
        ),
        ("Significant work has stabilised the workforce.", "Strength"),
        # a time-limited service is no limit on its quality
        ("It has been time limited, risk assessed and appropriately escalated.", "Strength"),
        # ... nor are numbers that have settled, or a child who narrowly missed a grade, faults
        (
            "After a sharp rise in numbers of children educated at home, the numbers have "
            "stabilised.",
            "Neutral",
        ),
        (
            "Additional tuition is in place to help three young people who narrowly missed getting "
            "their predicted grades.",
            "Neutral",
        ),
    ],
)
def test_words_of_the_end_readings(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a concession after its main clause leans to the main clause (national reports)
        ("Assessments are thorough, although they are not always timely.", "Strength"),
        (
            "Most staff have caseloads that are manageable, though a small number were too large.",
            "Strength",
        ),
        (
            "Decisions to start legal proceedings are often delayed, although once proceedings "
            "commence they progress quickly.",
            "Weakness",
        ),
        # ... and one set between commas weighs little only up to its closing comma
        (
            "The quality of practice for disabled children, although improving, remains "
            "inconsistent for some children.",
            "Weakness",
        ),
    ],
)
def test_a_trailing_concession_leans_to_its_main_clause(sentence, expected):
    assert polarity(sentence) == expected


def test_a_trailing_concession_is_still_a_clause_row_of_its_own():
    s = (
        "Supervision for social workers is mostly regular and addresses risk, although some "
        "actions lack timescales."
    )
    assert polarity(s) == "Strength"
    assert [s[a:b] for a, b in contrast(s)] == [
        "Supervision for social workers is mostly regular and addresses risk",
        "some actions lack timescales",
    ]
    assert polarity("some actions lack timescales") == "Weakness"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Despite this progress, important work remains.", "Weakness"),
        ("Care leavers are aware of their financial entitlements.", "Strength"),
        ("Most children looked after know their rights and entitlements.", "Strength"),
        ("Care leavers do not know their entitlements.", "Weakness"),
        ("Parental consent is correctly obtained for the vast majority of children.", "Strength"),
    ],
)
def test_work_remaining_rights_known_and_things_done_correctly(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # few of a group who undergo something bad: praise (national reports, 2014-23)
        ("Very few children in care are placed at a distance from their local area.", "Strength"),
        ("Very few children experience disruption.", "Strength"),
        ("Very few children return to care for a second or subsequent time.", "Strength"),
        ("Few children in care are subject to fixed-term exclusions.", "Strength"),
        ("Very few children looked after come to the attention of the police.", "Strength"),
        ("There are few complaints.", "Strength"),
        ("Hartlepool place very few children at a distance from their own area.", "Strength"),
        # few of a group who have something good: a fault, whatever praise it names
        ("Few children attend their conferences.", "Weakness"),
        (
            "Very few children and young people have support from an independent visitor.",
            "Weakness",
        ),
        (
            "Very few children benefit from an up-to-date holistic social work assessment to "
            "inform their care planning reviews.",
            "Weakness",
        ),
        # (nor "a few", "the few", or a fact about voluntary care)
        ("The few children who do live at a distance are appropriately placed.", "Strength"),
        ("Very few children are looked after by voluntary agreement (8%).", "Neutral"),
        # praise after a turn is the other clause's
        (
            "Few children with additional needs have been identified as being in need of "
            "protection, but when this does happen, decision-making and actions are prompt and "
            "appropriate.",
            "Strength",
        ),
    ],
)
def test_few_of_a_bad_thing_is_praise_and_few_of_a_good_one_a_fault(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # readings of late November 2026 (national reports, 2014-26)
        ("In cases tracked, bullying was not a cause for concern.", "Strength"),
        ("This ensures that there are no unnecessary delays in care planning.", "Strength"),
        ("There have been no tenancy breakdowns for care leavers.", "Strength"),
        (
            "However, the impact of learning from serious case reviews is not widely evident.",
            "Weakness",
        ),
        (
            "However, follow-up checks for any possible issues are not systematically made.",
            "Weakness",
        ),
        (
            "The local authority has been slow in developing effective performance monitoring.",
            "Weakness",
        ),
        ("Managers deal with poor performance effectively.", "Strength"),
        ("Leaders have been honest about some of the challenges and areas to improve.", "Strength"),
        ("The number and range of placements for children is an area of challenge.", "Weakness"),
        ("Life-story work is largely absent.", "Weakness"),
        (
            "Planned transitions for disabled children and care leavers need to happen earlier.",
            "Weakness",
        ),
        ("They have continued to strengthen the quality and impact of services.", "Strength"),
        (
            "The range of accommodation available to care leavers generally meets their needs.",
            "Strength",
        ),
        ("Most young people spoken to were very happy with the current arrangements.", "Strength"),
        ("The authority is on track to meet a stretching target.", "Strength"),
        (
            "Young people were happy with their accommodation but disliked the proximity of the "
            "accommodation to a children's home.",
            "Weakness",
        ),
        # (a relative clause says what is sought, not what is met; likes and dislikes are no fault)
        (
            "Many care leavers experience difficulty in obtaining safe, secure accommodation that "
            "meets their needs.",
            "Weakness",
        ),
        ("Social workers know children's likes, dislikes, hobbies and interests well.", "Strength"),
    ],
)
def test_plain_praise_and_faults_of_the_late_november_readings(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # readings of late November 2026, the second four (national reports, 2014-26)
        ("Very few children (3%) have experienced three or more placement changes.", "Strength"),
        ("There have not been any permanent exclusions for the last seven years.", "Strength"),
        (
            "Parallel planning for those children unable to live safely with their parents was "
            "progressed speedily in all cases.",
            "Strength",
        ),
        ("She is taking decisive action to identify areas of weakness.", "Strength"),
        ("Senior leaders have already identified this issue.", "Strength"),
        (
            "Children's social care urgently needs the kind of comprehensive performance "
            "management framework that would help.",
            "Weakness",
        ),
        ("The range of work placement opportunities is negligible.", "Weakness"),
        ("This has still not been produced.", "Weakness"),
        ("However, due to issues within the process, there is a backlog of cases.", "Weakness"),
        ("Return home interviews are routinely offered, but take-up has stalled.", "Weakness"),
        ("Children and families were negative in their feedback.", "Weakness"),
        ("However, timely action is not taken to undertake agency checks.", "Weakness"),
        ("These decisions are not taken lightly.", "Neutral"),
        ("Children placed at home are not left to drift for extended periods.", "Strength"),
        ("There is no use of bed and breakfast or houses of multiple occupation.", "Strength"),
        ("Children's views and opinions are taken into account.", "Strength"),
        (
            "Once the local authority has entered court proceedings, work is of a higher standard.",
            "Strength",
        ),
        ("Through transparent governance arrangements, partners share accountability.", "Strength"),
        ("In a small number of cases, assessments are written to a high standard.", "Weakness"),
        ("In cases seen, assessments are good.", "Strength"),
        (
            "Multiple changes enacted during 2014 had powerful and unintended consequences.",
            "Neutral",
        ),
    ],
)
def test_plain_praise_and_faults_of_the_second_late_november_readings(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bad thing limited, or none of it (2024-26 reports)
        (
            "Children in care generally live in placements that meet their needs, and the use of "
            "unregistered provision is limited.",
            "Strength",
        ),
        (
            "At the time of this inspection, no children were living in unregistered "
            "children's homes.",
            "Strength",
        ),
        ("No young people are placed in bed and breakfast accommodation.", "Strength"),
        ("PAs work robustly with partner agencies.", "Strength"),
        # a concession after an opening adverb ("Likewise, while …", "However, despite …")
        (
            "Likewise, while some young people benefit from careful planning, some aftercare "
            "workers are not aware when this happens.",
            "Weakness",
        ),
        ("However, despite this deficit, the quality of interventions is improving.", "Strength"),
        # what limits an ability, and a recommendation to take action
        (
            "This also limits senior managers' ability to respond robustly to emerging risk.",
            "Weakness",
        ),
        (
            "Take action to reduce the numbers of care leavers living in unsuitable accommodation.",
            "Weakness",
        ),
    ],
)
def test_bad_things_limited_later_concessions_and_limits(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what follows "but" is affirmed, not negated
        ("Decisions are not resource led, but made in the child's best interests.", "Strength"),
        ("Placement stability is not yet good but is improving.", "Strength"),
        ("Children only become looked after when it is in their best interests.", "Strength"),
        # (a best interest denied is a condition)
        (
            "Brothers and sisters are placed together, unless their plans identify that this "
            "would not be in their best interests.",
            "Neutral",
        ),
        # "not just … but also" adds, it does not turn
        (
            "Working relationships are not just effective among statutory partners, but also "
            "with the third sector.",
            "Strength",
        ),
        (
            "There have been changes in managers, which has resulted in professional "
            "discontinuity.",
            "Weakness",
        ),
        (
            "Care leavers in temporary accommodation, which further increases their vulnerability.",
            "Weakness",
        ),
        ("Leaders promote good attendance but the number of exclusions have risen.", "Weakness"),
        ("Care leavers in custody have limited assistance.", "Weakness"),
        (
            "Senior leaders demonstrate an in-depth knowledge of the functioning of services.",
            "Strength",
        ),
        # (what increases a vulnerability, recognised, is no fault)
        (
            "Social workers recognise the factors that increase children's vulnerabilities.",
            "Neutral",
        ),
    ],
)
def test_but_affirms_and_plain_words_of_the_second_late_november_readings(sentence, expected):
    assert polarity(sentence) == expected


def test_including_but_not_limited_to_is_no_turn():
    s = (
        "The timely and robust identification and multi-agency response to children who are at "
        "risk of harm, including, but not limited to, the response to pre-birth children."
    )
    assert contrast(s) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # children still waiting are a fault (national reports, 2014-24) ...
        (
            "However, a small number of children are still waiting to live in a permanent home.",
            "Weakness",
        ),
        (
            "This has resulted in some children still waiting to be adopted by a family beyond "
            "timescales that are in their best interests.",
            "Weakness",
        ),
        # ... not the children a panel tracks
        (
            "The permanence panel is responsible for tracking the progress for children still "
            "waiting for permanence.",
            "Neutral",
        ),
    ],
)
def test_children_still_waiting(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an effect that holds back how well or how soon something good goes is a fault
        # (national reports, 2014-22) ...
        ("This reduces the impact of the strong strategic arrangements in place.", "Weakness"),
        ("This reduces the focus on continuous improvement.", "Weakness"),
        ("This has reduced the impact of the review system for some children.", "Weakness"),
        (
            "There is only one lay member, and this reduces the benefits of having two "
            "independent perspectives.",
            "Weakness",
        ),
        (
            "Recent management changes in the Clinical Commissioning Group (CCG) have affected "
            "the progress of an integrated commissioning strategy.",
            "Weakness",
        ),
        ("COVID-19 has affected the availability and engagement from some partners.", "Weakness"),
        # ... not one that lessens a harm, nor the issues that affect it, looked at
        ("Social workers provide help that reduces the impact of neglect on children.", "Neutral"),
        (
            "Senior leaders understand the importance of reducing the impact of turnover of "
            "workers on children's lives.",
            "Neutral",
        ),
        (
            "The agency decision maker is well informed on all issues affecting the timeliness "
            "of assessments and placements.",
            "Strength",
        ),
    ],
)
def test_effects_that_hold_back_or_lessen(sentence, expected):
    assert polarity(sentence) == expected


def test_an_effect_that_lessens_a_harm_keeps_its_sections_leaning():
    # (no negation, so a good section's leaning still decides it: Dudley 2018)
    assert polarity("This also reduces the impact of any delay.", "Strength?") == "Strength"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # faults in other words (national reports, 2014-25)
        ("A few legacy issues remain, which affect timely completion.", "Weakness"),
        (
            "However, some issues with the quality and accuracy of performance information remain.",
            "Weakness",
        ),
        (
            "However, for some PAs, there is confusion about the procedures and when it is "
            "appropriate to refer care leavers to MASH.",
            "Weakness",
        ),
        ("Children's plans vary in the quality of how they are written.", "Weakness"),
        (
            "Social workers and personal advisers are not equipped or driven to help children "
            "understand their life stories.",
            "Weakness",
        ),
        (
            "This has limited some children's chances of permanence with family members.",
            "Weakness",
        ),
        (
            "In some cases tracked, the information was too brief and it is unlikely that "
            "assessments could be used effectively to inform care plans.",
            "Weakness",
        ),
        # ... not "to remain" (where children live), nor issues a project works with
        (
            "A specialist project supporting children and families when there are complex mental "
            "health issues also positively contributes to supporting children to remain at home.",
            "Strength",
        ),
        # praise in other words: done in the required timescales; a bad provision rarely used
        ("Most assessments are completed in the required timescales.", "Strength"),
        ("Temporary accommodation is rarely used.", "Strength"),
    ],
)
def test_plain_words_of_the_fourth_november_readings(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what an ability held back was for is not done, up to its clause's end ...
        (
            "This reduces the ability of social workers, carers and professionals to ensure that "
            "they are working together purposefully to improve children's outcomes.",
            "Weakness",
        ),
        (
            "This is significantly impacting on the ability of social workers and PAs to respond "
            "appropriately to children and young people when they need to be supported.",
            "Weakness",
        ),
        # ... and what there is no sign of is denied
        (
            "There is little sense from children's files of IROs actively engaging with looked "
            "after children between reviews to check on the progress of care plans.",
            "Weakness",
        ),
        (
            "There is, as yet therefore, no sustained evidence of impact from this evidently "
            "improved means of managing, challenging and improving performance.",
            "Weakness",
        ),
        # a negation in a leading concession ends with it: the main clause is affirmed
        (
            "While COVID-19 has significantly reduced children's ability to see a dentist, this "
            "is more recently starting to improve.",
            "Strength",
        ),
        (
            "Although placement choice is limited, most children live in stable placements that "
            "meet their needs.",
            "Strength",
        ),
        (
            "Although services for children are not yet good, the progress made has been "
            "considerable.",
            "Strength",
        ),
    ],
)
def test_how_far_a_negation_reaches(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what children, families and staff are given, said plainly (national reports, 2014-25)
        ("Children are encouraged to participate in their own reviews.", "Strength"),
        ("Care leavers are encouraged to live healthy lifestyles.", "Strength"),
        ("Care leavers have access to a range of health-related support.", "Strength"),
        (
            "Independent reviewing officers maintain contact with children and social workers in "
            "between reviews.",
            "Strength",
        ),
        (
            "In most cases, potential carers are identified early for those children who cannot "
            "return home.",
            "Strength",
        ),
        ("Staff turnover is now less than the national and regional average.", "Strength"),
        # ... negated like any other, and no early that is an adjective
        ("Care leavers do not have access to their health histories.", "Weakness"),
        (
            "However, children who need to be adopted are not always identified early enough.",
            "Weakness",
        ),
        (
            "An extensive investment in services for those identified with early emotional health "
            "difficulties has been secured, but this will not be in place until the autumn.",
            "Weakness",
        ),
        # "not all" after a turn denies its whole clause, as it does opening a sentence
        (
            "Young people who wish to stay on with their foster carers are encouraged to do so, "
            "but not all young people who leave care are in suitable accommodation.",
            "Weakness",
        ),
        (
            "The quality of referrals to social care is improving, but not all partners provide "
            "timely information to inform initial decision-making.",
            "Weakness",
        ),
        # what the work left to do aims at is not found
        (
            "However, there is still more work to do in ensuring that children have access to a "
            "wider range of high-quality placements.",
            "Weakness",
        ),
    ],
)
def test_plain_praise_and_what_not_all_denies(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # areas for improvement, or the fault the clause before names, dealt with (national
        # reports, 2014-25)
        (
            "All the areas for improvement identified in the last inspection have been addressed "
            "and good progress has been made.",
            "Strength",
        ),
        (
            "The areas for improvement identified at the previous inspection are largely resolved.",
            "Strength",
        ),
        (
            "For some time, rates of pay have been lower than in neighbouring authorities, but "
            "this has now been rectified through a market supplement.",
            "Strength",
        ),
        ("This has subsequently been addressed.", "Strength"),
        # a negation in a condition ends at its comma: the main clause after it is affirmed
        (
            "Inspectors saw excellent formal challenge by IROs, ensuring that where practice is "
            "not of a good standard, it is urgently addressed.",
            "Strength",
        ),
        (
            "In most cases, when children's circumstances do not improve, timely and appropriate "
            "decisions are made for them to come into care.",
            "Strength",
        ),
        (
            "Most of the sub-groups are well-attended and, when this is not the case, the board "
            "robustly challenges the agency concerned.",
            "Strength",
        ),
    ],
)
def test_faults_dealt_with_and_conditions(sentence, expected):
    assert polarity(sentence) == expected
