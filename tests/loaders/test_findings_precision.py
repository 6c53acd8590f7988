"""Polarity precision: narrative and topic sentences carry no judgement; judgements keep theirs.

Every sentence is quoted from the embedded corpus (corpus/*.txt), some across a line break.
"""

import pytest

from cskg.loaders.findings import (
    LEAN,
    context_polarity,
    contrast,
    cues,
    is_conjecture,
    is_intent,
    is_supposed,
    polarity,
    score,
)

# Narrative of events, process description, hypotheses: no cue counts, so outside an
# evaluative section these are not findings, and their polarity is Neutral.
NOT_EVALUATIVE = [
    # someone started, joined, was appointed: "interim" alone is no weakness
    "An experienced interim Assistant Director started in October to manage children's social"
    " care and early help.",
    "The current interim AD education came to Medway 18 months ago as interim HOS school"
    " improvement reporting to the Director of People.",
    "During 2018, until the inspection, a new interim Head of Safeguarding and an interim head"
    " of improvement joined Medway.",
    "An interim AD social care was appointed in January 2016, and she subsequently became"
    " permanent.",
    "The role of AD Education was also covered by an interim manager.",
    # someone made recommendations: "recommend" alone is no weakness
    "He made a number of recommendations aimed at strengthening the commitment to and support"
    " for care leavers, not just by Children's social care, but with other parts of the"
    " Council, and partners, particularly health.",
    # a need denied, a further review recommended
    "If they do this, there may not be a need to consider an alternative delivery model but I"
    " recommend a further review after 6 months to confirm this is the case.",
    # a visit described: "strengths and improvements" is what was considered
    "Managers from Hampshire Council spent a number of days with Medway observing practice and"
    " supporting Medway managers to consider strengths and improvements in Medway's Quality"
    " Assurance and Performance Management, how it is working and the impact on practice.",
    "Discussions had taken place prior to the inspection with Ealing Council, who are an"
    " approved DFE Partner in Practice (PiP) about providing support on practice improvements.",
    # a topic examined, not a quality found
    "This peer review looked at the effectiveness of safeguarding practice in Medway.",
    "Ofsted and CQC have notified the Council that they will be re-visiting Medway on"
    " 9th-11th December to assess progress.",
    # names and posts
    "A staff reference group was established in October, and two members of staff are on the"
    " Improvement Board.",
    "The current political make-up of the council is: 32 Conservative, 20 Labour and"
    " Co-operative, 2 Independent and 1 Independent Conservative.",
    # the work's own vocabulary: child protection concerns, risk of harm
    "Where social workers were required to carry out a Section 47 visit due to child protection"
    " concerns, they would attend using Personal Protection Equipment.",
    "There was one long-standing LA-led initiative aimed at reducing exclusion.",
    # plans and hypotheses
    "The phased return of schools would help in terms of possible spikes in referrals as would"
    " improved partnership working to manage the service post lockdown.",
    "The STC will be closing in March and will re-open in September next year as the first"
    " national secure school.",
    "This can impact on their well-being during the early part of their adult lives.",
]

WEAKNESSES = [
    "Since 2015, many key management roles in children's services have been covered by interim"
    " or acting up arrangements.",
    "Since 2015 there has been a series of changes in front-line, middle and senior management"
    " in children's services with too many posts covered for long periods of time by interim or"
    " acting up arrangements.",
    "The current interim AD has tried to address this but much more is needed.",
    "A recruitment process has started, but the Council processes are slow, meaning that it is"
    " likely to be some months before this concludes.",
    "Although the previous lead member, and then the Chief Executive from May, chaired a monthly"
    " internal Delivery Board to over-see performance in children's social care, it is"
    " difficult to extract from the minutes, which provide considerable detail on individual"
    " issues, an overall picture of the challenges and priorities and how they were being"
    " addressed.",
    "Many stakeholders drew attention to changes in personnel at the LA and expressed the view"
    " that, for some years, the LA had not presented a coherent, coordinated or strategic"
    " approach to tackling exclusion and the use of AP.",
    "The inspection report found that the overall effectiveness in relation to children's"
    " services was 'inadequate'.",
    "However, there is not yet an agreed action plan to ensure timely implementation.",
    "It is not possible therefore to judge how quickly and effectively these priorities will be"
    " acted on to make a real difference.",
    "This has had unfortunate consequences in terms of continuity, stability and direction.",
    "Issues relating to recruitment and retention of social workers have been an ongoing concern"
    " for many years in Medway.",
    "Both parts of the service use different case management systems which makes sharing"
    " information difficult.",
    "Multi-agency working in Medway is not consistently effective in ensuring that the right",
    "Sixteen- and 17-year-old children who are at risk of homelessness receive an inconsistent"
    " response.",
    "Improve quality and consistency of care planning and commissioning for children in care and"
    " care leavers.",
    "There continue to be significant challenges regarding recruitment and retention of the"
    " workforce.",
]

STRENGTHS = [
    "Permanent exclusions have fallen.",
    "Suitable plans are in place to address these weaknesses.",
    "Since the review, the interim AD Education has worked more closely with schools than was"
    " previously the case.",
    "Social workers have a clear understanding of children's experiences and how risks and"
    " concerns impact on their development.",
    "Some make good use of research, history and multi-agency information to inform analysis,"
    " recommendations and decisions.",
    "The designated officer service, responding to concerns about adults in positions of trust,"
    " is now fully staffed, and the quality and timeliness of work is progressing.",
    "Managers and social workers demonstrate a clear understanding of risk.",
    "When children are at immediate risk of significant harm, this is quickly recognised, and"
    " referrals are progressed to child protection strategy meetings and assessment teams, so"
    " that protective action can be taken.",
    "Practice in relation to the pre-proceedings stage of the Public Law Outline has"
    " significantly improved since the previous inspection.",
    "The service for care leavers has significantly improved since the previous inspection in"
    " 2019.",
    "This is informed by robust and effective quality assurance processes, feedback gathered"
    " from children and families and surveys completed by partners and staff.",
    "Children are visited regularly by social workers who know them well.",
    "They have helped parents to improve their skills and safely meet their children's needs.",
]


@pytest.mark.parametrize("sentence", NOT_EVALUATIVE)
def test_narrative_and_topics_carry_no_judgement(sentence):
    assert score(sentence) == (0.0, 0.0)
    assert polarity(sentence) == "Neutral"


@pytest.mark.parametrize("sentence", WEAKNESSES)
def test_weaknesses_keep_their_polarity(sentence):
    assert polarity(sentence) == "Weakness"


@pytest.mark.parametrize("sentence", STRENGTHS)
def test_strengths_keep_their_polarity(sentence):
    assert polarity(sentence) == "Strength"


@pytest.mark.parametrize(
    ("sentence", "prior", "item", "expected"),
    [
        # a list under "key issues" is weaknesses whatever its words
        ("The quality and consistency of management oversight.", "Weakness", True, "Weakness"),
        # an evaluative section's leaning still decides a sentence without cues
        ("Others talk of using 'Signs of Safety'.", "Weakness", False, "Weakness"),
    ],
)
def test_context_still_decides(sentence, prior, item, expected):
    assert polarity(sentence, prior, item=item) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a weakness word whose weaknesses are being dealt with is praise, not a weakness
        (
            "Senior leaders have amended their processes and supervision oversight to ensure that"
            " weaknesses identified by audit activity are addressed.",
            "Strength",
        ),
        ("Corporate and political leaders have addressed the systemic weaknesses.", "Strength"),
        ("Weaknesses identified at the last inspection have been tackled.", "Strength"),
        # a problem to be dealt with is no weakness found, nor a strength
        ("Leaders have taken action to address shortfalls in placement sufficiency.", "Neutral"),
        # not dealt with: still a weakness
        ("Weaknesses in the quality of plans have not been addressed.", "Weakness"),
        ("Weaknesses in the quality of plans are yet to be addressed.", "Weakness"),
        ("Weaknesses in the quality of plans need to be addressed.", "Weakness"),
        ("Leaders have not ensured that weaknesses identified by audit are addressed.", "Weakness"),
    ],
)
def test_problems_dealt_with(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the main clause says what will happen, and judges nothing
        ("Improved auditing will assist with this", True),
        ("The Improvement Board will meet monthly.", True),
        (
            "It will over-see implementation of the improvement plan, respond to Ofsted"
            " recommendations and those of future monitoring visits.",
            True,
        ),
        # a judgement about the future is still a judgement
        (
            "The Board will receive performance reports with data against most key children's"
            " services indicators, but also needs to see the outcome of improved auditing.",
            False,
        ),
        # the main clause is not in the future
        (
            "Agency workers can leave the authority at short notice and this leaves a full"
            " workload needing to be re-allocated.",
            False,
        ),
        (
            "Cabinet have recently agreed to the closure of the unit and proposals to be drawn up"
            " to develop a new unit that will link to improved adolescent edge of care service.",
            False,
        ),
    ],
)
def test_statements_of_intent(sentence, expected):
    assert is_intent(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # minutes: members' questions and comments
        (
            "Evidence of progress – comments were expressed of the need for clearer evidence to"
            " demonstrate progress and outcomes.",
            True,
        ),
        (
            "The 0-25 Disability Service – concern was raised regarding extending the scope of the"
            " 0-25 Disability Service to include safeguarding and court work.",
            True,
        ),
        (
            "Avoiding drift in Child Protection Cases – assurances were sought that the progress"
            " made in addressing drift would continue.",
            True,
        ),
        # what was said of practice, and the work's own "responding to concerns", stay; so do
        # the replies members' questions draw: officers' own account of the service, a finding
        # as much as "He also stated that ..." (the reference annotations count that one)
        (
            "Impact of Covid-19 – in response to a query about how the pandemic had impacted on the"
            " improvement journey, the Director commented that the pandemic had resulted in some"
            " impact to the trajectory of the progress.",
            False,
        ),
        (
            "In response the Director confirmed that measuring impact was a focus of the"
            " Improvement Board also.",
            False,
        ),
        (
            "He also stated that through the lockdown the Council had worked closely with schools"
            " and built a strengthened relationship with them that would be continued going"
            " forward.",
            False,
        ),
        (
            "The designated officer service, responding to concerns about adults in positions of"
            " trust, is now fully staffed, and the quality and timeliness of work is progressing.",
            False,
        ),
        (
            "The Director explained that this was planned in response to criticism by Ofsted of the"
            " service not providing these functions.",
            False,
        ),
    ],
)
def test_discussion_in_minutes_is_no_finding(sentence, expected):
    assert bool(cues().procedural_sentences.search(sentence)) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a leading "when/where/if" clause sets the circumstance; the main clause judges
        (
            "When children’s circumstances do not improve, timely action is taken by social"
            " workers to safeguard their welfare.",
            "Strength",
        ),
        ("Where concerns are identified, strategy meetings are held promptly.", "Strength"),
        ("When children go missing, return home interviews are not always completed.", "Weakness"),
        ("When risks increase, there are delays in convening strategy meetings.", "Weakness"),
    ],
)
def test_a_leading_condition_does_not_judge(sentence, expected):
    assert polarity(sentence) == expected


# Other councils' Ofsted reports, as cskg reads them from the PDFs (council and year noted)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Kent 2013: what is "yet to" show is not shown
        (
            "However, the arrangements are new and have yet to show sustained improvement in"
            " enabling looked after children to access services in a timely way.",
            "Weakness",
        ),
        # Kent 2013: something the council has none of
        (
            "The council has no formal risk assessment in place for using this type of"
            " accommodation, although the accommodation officer does undertake regular visits.",
            "Weakness",
        ),
        # Birmingham 2018: gaps that remain
        (
            "BCT has improved their evaluation of performance overall, but gaps remain in their"
            " understanding of the effectiveness of the fostering service.",
            "Weakness",
        ),
        # Birmingham 2018: further work needed
        (
            "BCT acknowledges that further work is needed to reduce the rates of re-referrals.",
            "Weakness",
        ),
        # Newham 2019: a deterioration
        (
            "There has been a significant deterioration in children’s services since the previous"
            " inspection in 2014.",
            "Weakness",
        ),
        # Bedford 2017: young people pleased
        (
            "They are pleased that this allows them to leave care at a time that is right for"
            " them.",
            "Strength",
        ),
        # Dorset 2025: meetings well attended judge the meetings; no narrative of a visit
        (
            "When children are at risk of significant harm, strategy meetings are well attended by"
            " partner agencies.",
            "Strength",
        ),
        # Bedford 2017
        (
            "This includes a well-attended annual awards event which is supported by carers, social"
            " workers, senior leaders, the elected mayor and councillors, which young people are"
            " positive about.",
            "Strength",
        ),
        (
            "Social workers and managers work hard to secure children’s permanence through adoption"
            " and special guardianship orders.",
            "Strength",
        ),
        # Isle of Wight 2014: "require improvement" (the plural verb)
        (
            "Since then, services for children have got better, but they still require improvement"
            " to be good.",
            "Weakness",
        ),
        # Isle of Wight 2014: not all children
        (
            "Staff sickness and previous changes in social work staff have meant that not all"
            " children and young people know their social workers well.",
            "Weakness",
        ),
        # Birmingham 2018: still at an early stage (not "considered at an early stage": timely,
        # which is praise)
        (
            "Despite this, measures to better align work around child sexual exploitation, children"
            " going missing, children missing education and wider contextual safeguarding are still"
            " at a relatively early stage.",
            "Weakness",
        ),
        (
            "Adoption is considered at an early stage for all children who cannot be cared for by"
            " their birth families.",
            "Strength",
        ),
        # Isle of Wight 2014: too early to see; there is no ...
        (
            "It is too early to see how children’s experiences of services have been used as a"
            " measure of improvement.",
            "Weakness",
        ),
        (
            "Social workers report that they have good access to CAMHS and are able to spot "
            "purchase"
            " an independent therapist, however there is no ring-fenced therapeutic time available"
            " for adoption related consultation or direct work.",
            "Weakness",
        ),
        # Bedford 2017: unaware
        (
            "Care leavers who met inspectors were unaware of the CiCC or the care leavers’"
            " charter.",
            "Weakness",
        ),
        # Bracknell Forest 2025: decisive action
        (
            "When risks escalate, decisive action is taken to reduce children’s exposure to harm.",
            "Strength",
        ),
        # Bedford 2017: within timescales
        (
            "Setting aside the impact of this small cohort, most children have a decision for"
            " adoption, matching and placement with prospective adopters within national"
            " timescales.",
            "Strength",
        ),
    ],
)
def test_other_councils_cues(sentence, expected):
    assert polarity(sentence) == expected


# Gaps, limits and things not done, in other councils' reports (as read from the PDFs)
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Norfolk 2018; Kent 2017
        (
            "Overall, the systems for drawing out the views of children and young people, in order"
            " to further improve their services, are underdeveloped.",
            "Weakness",
        ),
        (
            "Strategic links between the MSCB and other partnership groups such as the H&WB and"
            " the MAP are underdeveloped.",
            "Weakness",
        ),
        # Middlesbrough 2016: limited as a finding
        ("Quality assurance is also limited.", "Weakness"),
        (
            "However, some of the changes that leaders have introduced are still relatively new"
            " and, because of this, their impact is limited.",
            "Weakness",
        ),
        (
            "There is now a performance data set, but limited analysis of this within the MSCB.",
            "Weakness",
        ),
        # Blackpool 2019: a restriction, not a finding; Salford 2015: an amount
        ("The interview is limited to an account from the child.", "Neutral"),
        (
            "Bed and breakfast is now considered only in emergencies for a very limited period"
            " of time.",
            "Neutral",
        ),
        # Blackpool 2019: not done
        (
            "The needs of older children who have been living in neglectful situations are not"
            " accurately evaluated.",
            "Weakness",
        ),
        ("This work has not been completed, so impact is not evident.", "Weakness"),
        # Kent 2017; Harrow 2020: not received, not had
        (
            "For example, the board does not receive data relating to the conversion rates from"
            " strategy meetings, child protection enquiries, conferences and plans, or the rate"
            " of repeat child protection plans.",
            "Weakness",
        ),
        ("Some young people do not have an up-to-date pathway plan.", "Weakness"),
        # (a fault not done, "do not have to wait", is praise)
        (
            "Children and families do not have to wait for the outcome of an assessment before"
            " receiving help from other services that they may need.",
            "Strength",
        ),
        # Norfolk 2018: a missed opportunity; gaps found, not the attainment gap
        (
            "However, the tool used to track pre-proceedings processes does not record outcomes"
            " other than whether proceedings are issued, and this is a missed opportunity for"
            " managers to understand any patterns.",
            "Weakness",
        ),
        (
            "There are gaps in services for adult perpetrators as there are currently no"
            " perpetrator programmes other than those mandated by the court.",
            "Weakness",
        ),
        ("Managers recognise that this is a gap.", "Weakness"),
    ],
)
def test_other_councils_gaps_and_limits(sentence, expected):
    assert polarity(sentence) == expected


# Other councils' plain words of praise and of fault (as read from the PDFs)
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Shropshire 2017; Cambridgeshire 2019; Norfolk 2018; Reading 2019
        ("Contact supervisors are not specifically trained in supervision.", "Weakness"),
        ("Most pathway plans do not help with this.", "Weakness"),
        (
            "Nonetheless, inspectors saw examples where young people were transferred too rapidly"
            " to the leaving care team, without adequate preparation.",
            "Weakness",
        ),
        ("However, some foster carer records are incomplete or inaccurate.", "Weakness"),
        # North Lincolnshire 2017; Newham 2022; Camden 2025; Sutton 2025; Islington 2025
        (
            "Specialist therapeutic interventions are readily available from commissioned services"
            " to complement that support to meet more complex needs.",
            "Strength",
        ),
        ("Matching for children is carefully considered.", "Strength"),
        ("UAS children in Camden receive exceptional support.", "Strength"),
        ("Staff told inspectors that they enjoy working in Sutton.", "Strength"),
        (
            "The House project and Next Steps groups have made a real difference to young"
            " people’s lives.",
            "Strength",
        ),
        # Shropshire 2017; Norfolk 2018
        (
            "The chair of the adoption panel is experienced, knowledgeable and child centred.",
            "Strength",
        ),
        (
            "The local authority has taken determined action to improve educational outcomes for"
            " children looked after.",
            "Strength",
        ),
    ],
)
def test_other_councils_plain_words(sentence, expected):
    assert polarity(sentence) == expected


def test_a_difference_still_to_make_is_no_strength():
    # Medway 2019 (the commissioner): an aim, "to make a real difference", praises nothing
    assert (
        polarity(
            "It is not possible therefore to judge how quickly and effectively these priorities "
            "will"
            " be acted on to make a real difference."
        )
        == "Weakness"
    )


def test_the_attainment_gap_is_no_gap_found():
    # the attainment gap narrows or widens: the word is no weakness of its own
    assert (
        score("The gap in attainment between children looked after and their peers is narrowing.")[
            0
        ]
        == 0
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Westmorland and Furness 2024: an inverted condition ("should the risks not reduce",
        # "Should they need to move") says when, not how well
        (
            "Escalation into pre-proceedings is timely should the risks not reduce quickly enough"
            " for children.",
            "Strength",
        ),
        ("Should they need to move, they are supported practically as required.", "Strength"),
        # Barnsley 2024
        (
            "This means that should children in later life request to see their files, they are"
            " able to understand the rationale behind decisions that social workers and managers"
            " made during their time in Barnsley’s care.",
            "Strength",
        ),
        # a recommendation is still one
        (
            "The local authority should ensure that return home interviews are completed.",
            "Weakness",
        ),
    ],
)
def test_inverted_conditions_do_not_judge(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Bedford 2017: the support young people need is theirs, not a gap in the service
        (
            "They record in detail the support that young people need to make good progress towards"
            " becoming independent and self-sufficient adults.",
            "Strength",
        ),
        # Dorset 2025: barriers that need to be overcome are what supervision works on
        (
            "In addition to individual supervision of practitioners to track children’s progress,"
            " multi-disciplinary group supervision encourages reflection on engagement and barriers"
            " that need to be overcome to reduce risks for the child and accelerate the action"
            " plan.",
            "Neutral",
        ),
        # a need the inspection finds, or a named one that leaders know of, still judges
        ("Leaders know that plans need to improve.", "Weakness"),
        # knowing where to improve, with nothing named, is self-awareness
        ("Leaders recognise the areas that need to improve.", "Strength"),
    ],
)
def test_a_persons_need_is_no_gap(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        # ILACS area headings (Bath and North East Somerset 2022, Dorset 2025)
        (
            "The experiences and progress of children who need help and protection: good",
            "Strength?",
        ),
        ("The experiences and progress of children in care: outstanding", "Strength?"),
        # single inspection framework (Bedford 2017), pre-2014 (Kent 2013)
        ("The Local Safeguarding Children Board is good", "Strength?"),
        ("Grade 4 (Inadequate)", "Weakness?"),
        # the last row of an ILACS grade table heads the opening summary (Dorset 2025)
        ("Overall effectiveness Outstanding", "Strength?"),
        ("Overall effectiveness Requires improvement to be good", ""),
        # no leaning
        ("The experiences and progress of care leavers: requires improvement to be good", ""),
        ("Grade 3 (Adequate)", ""),
    ],
)
def test_graded_headings_lean(heading, expected):
    assert context_polarity(heading) == expected


GOOD = "The experiences and progress of children who need help and protection: good"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Bath and North East Somerset 2022: no cue word, in a section graded good
        (
            "They identify needs and focus on actions that help to reduce risks to children.",
            "Strength",
        ),
        # a cue word still decides ("this limits the ability")
        (
            "In a small number of children’s cases, plans do not have specific timescales for"
            " completing actions and this limits the ability to monitor how work with children is"
            " being progressed.",
            "Weakness",
        ),
        # something not done is a weakness whatever the section's grade (Dorset 2025, care
        # leavers: good)
        (
            "The information in the offer does not reflect the local authority’s high aspirations"
            " to parents as a corporate parent/grandparent.",
            "Weakness",
        ),
        (
            "When concerns are less immediate, there are some delays in holding multi-agency"
            " strategy discussions.",
            "Weakness",
        ),
        # the exceptions a good section notes take no leaning from it; this one is a shortfall
        # of homes by its own words (Medway 2023)
        ("A small number of children live in unregistered children's homes.", "Weakness"),
        # nor does a supposition
        (
            "This can impact on their well-being during the early part of their adult lives.",
            "Neutral",
        ),
    ],
)
def test_graded_section_leans_only_where_no_cue_decides(sentence, expected):
    assert polarity(sentence, context_polarity(GOOD)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the standard text of single inspection framework reports (Isle of Wight 2014)
        "It is Ofsted’s expectation that, as a minimum, all children and young people receive good"
        " help, care and protection.",
        # Dorset 2025: Ofsted's account of itself
        "The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates"
        " and inspects to achieve excellence in the care of children and young people, and in"
        " education and skills for learners of all ages.",
        # Birmingham 2019: Ofsted's account of itself, after a page's line break
        "to achieve excellence in the care of children and young people, and in education and"
        " skills for learners of all ages.",
    ],
)
def test_ofsted_standard_text_is_no_finding(sentence):
    assert cues().procedural_sentences.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # what a grade means, in single inspection framework reports (Isle of Wight 2014)
        "A good local authority leads effective services that help, protect and care for children"
        " and young people and those who are looked after and care leavers have their welfare"
        " safeguarded and promoted.",
        "In a local authority that requires improvement, there are no widespread or serious"
        " failures that create or leave children being harmed or at risk of harm.",
        "An LSCB requires improvement if it does not yet demonstrate the characteristics of good.",
        # Kent 2013: the grade key
        "Outstanding (Grade 1) A service that significantly exceeds minimum requirements Good"
        " (Grade 2) A service that exceeds minimum requirements",
    ],
)
def test_grade_descriptors(sentence):
    assert cues().grade_descriptor.search(sentence)


def test_a_good_local_authority_of_a_report_is_still_a_finding():
    assert not cues().procedural_sentences.search(
        "A good range of services supports children and families at the earliest point."
    )


@pytest.mark.parametrize(
    ("section", "procedural"),
    [
        # single inspection framework: the area's context and the inspection's method
        ("Information about this local authority area2", True),
        ("Children looked after in this area", True),
        ("Previous Ofsted inspections", True),
        ("What the inspection judgements mean", True),
        # the grade descriptors of the LSCB's review and the council's (about 230 national
        # sentences were findings: "The LSCB creates and fosters an effective learning culture.")
        ("What the inspection judgements mean: the LSCB", True),
        ("What the inspection judgments mean: the local authority", True),
        ("What the LSCB inspection judgements mean", True),
        ("What the local authority inspection judgements mean", True),
        ("The inspection team", True),
        # the summary of a judgement area is its findings (Isle of Wight 2014)
        ("Summary", False),
        ("Inspection findings", False),
    ],
)
def test_report_sections(section, procedural):
    assert bool(cues().procedural_sections.search(section)) is procedural


@pytest.mark.parametrize(
    "sentence",
    [
        # SIF complaints paragraph (Barnet 2017), wrapped into a sentence of its own
        "If you would like Ofsted to send you a copy of the guidance, please telephone"
        " 0300 123 4234, or email enquiries@ofsted.gov.uk.",
        "or Braille, please telephone 0300 123 1231, or email enquiries@ofsted.gov.uk.",
    ],
)
def test_contact_details_are_no_finding(sentence):
    assert cues().procedural.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # focused visit letters: the visit's scope and arrangements (Wigan 2020, Hackney 2021,
        # Manchester 2018, St Helens 2018)
        "Inspectors looked at the local authority’s arrangements for receiving referrals to "
        "children’s services (the front door), making decisions about further action and the "
        "undertaking of assessments of need.",
        "The lead inspector and the interim director of children’s services agreed arrangements "
        "to deliver this visit effectively while working within national and local guidelines "
        "for responding to COVID-19.",
        "The lead inspector and the director of children’s services (DCS) agreed arrangements to "
        "deliver this visit effectively.",
        "Children waiting to be adopted were not considered during this visit.",
        "As part of our early review of the framework for the inspection of local authority "
        "children’s services (ILACS), we have decided to amend the framework.",
    ],
)
def test_a_focused_visits_scope_is_no_finding(sentence):
    assert cues().procedural_sentences.search(sentence)


def test_what_inspectors_found_in_a_focused_visit_is_still_a_finding():
    assert not cues().procedural_sentences.search(
        "Inspectors found that social workers do not always take effective or timely action when "
        "children are living in neglectful circumstances with their families."
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # focused visit letters: Birmingham 2024, Central Bedfordshire 2019, Hackney 2021,
        # Cambridgeshire 2025
        ("Social work visits to children are purposeful.", "Strength"),
        ("Life-story work is expertly conducted.", "Strength"),
        (
            "Direct work is undertaken to support children and practitioners are skilful in "
            "engaging with children, including disabled children, and their families.",
            "Strength",
        ),
        ("Personal advisors like working in Cambridgeshire.", "Strength"),
        # St Helens 2018, Rotherham 2020, Sunderland 2021, Slough 2026, Derbyshire 2018
        (
            "The focused visit confirmed that entrenched cultural, management and social work "
            "practices are negatively impacting on children’s outcomes.",
            "Weakness",
        ),
        (
            "This has created some capacity issues in visiting and monitoring these children.",
            "Weakness",
        ),
        (
            "This was evident in the variations in the oversight provided in one-to-one "
            "supervision and in how managers were recording their guidance to social workers.",
            "Weakness",
        ),
        (
            "While some staff report responsive managers, others report low morale and a "
            "demanding working environment.",
            "Weakness",
        ),
        (
            "Inspectors saw plans with unrealistic expectations of parents, requiring them to "
            "overcome their addictions in unlikely timescales.",
            "Weakness",
        ),
    ],
)
def test_focused_visit_plain_words(sentence, expected):
    assert polarity(sentence) == expected


def test_an_absent_harm_is_no_weakness():
    assert polarity("There has been no negative impact on children.") != "Weakness"


@pytest.mark.parametrize(
    "sentence",
    [
        # Stockton-on-Tees 2022: a sentence that opens with how little there is negates its
        # whole clause, praise words far along it too
        "Insufficient reflection is given to the formulation of meaningful plans and the "
        "development of purposeful strategies.",
        # Southend-on-Sea 2022: what limited someone's ability
        "Increased caseloads have also limited the ability of IROs to drive progress in "
        "obtaining the right placements and services for children.",
    ],
)
def test_how_little_there_is_and_what_limited_it(sentence):
    assert polarity(sentence) == "Weakness"


def test_limited_as_an_amount_is_no_weakness():
    assert polarity("This has limited the number of cases.") == "Neutral"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Middlesbrough 2016: "None of" opens the clause and negates it
        (
            "None of the existing multi-agency bodies provide a strong enough focus for agreeing "
            "how agencies plan to meet the safeguarding and social care needs of children.",
            "Weakness",
        ),
        # North Lincolnshire 2017: a condition of two clauses ("When ..., or ...,") says when
        (
            "When it is not appropriate, or no adopters are identified in North Lincolnshire, "
            "children are matched and placed either regionally or nationally in a timely way.",
            "Strength",
        ),
        # what could be better is a wish, not praise
        (
            "Personal advisers could be more proactive in encouraging young parents to think of "
            "their employment or training opportunities.",
            "Weakness",
        ),
        ("Practice could be more consistent.", "Weakness"),
        # not done well enough to happen: what was to happen does not
        (
            "Where families are resistant to help, professional involvement is not always "
            "coordinated well enough to engage the family proactively and effectively in the "
            "delivery of services.",
            "Weakness",
        ),
        # a question inside the sentence: its modal says what is right, not what is missing
        ("Staff are clear about how they should respond to concerns.", "Strength"),
        (
            "Decisions about whether children should become or remain looked after are timely "
            "and based on evidence about the child’s needs.",
            "Strength",
        ),
        ("Plans should be clearer about what children need.", "Weakness"),
        # short forms in quotes of staff and children
        (
            "I just can’t do what I should do and they don’t get what they need and deserve "
            "from me.",
            "Weakness",
        ),
        ("Staff cannot access effective supervision.", "Weakness"),
        # praise words
        (
            "The Board has until very recently been led by an interim independent chair who is "
            "held in high regard by partners.",
            "Strength",
        ),
        (
            "Analysis of learning from serious case reviews has led to the commendable practice "
            "of sharing with schools all police domestic abuse reports.",
            "Strength",
        ),
        (
            "Social workers are proactive in ending care orders when they are no longer required.",
            "Strength",
        ),
        # what a plan sets out that "needs to happen" is its content, not a gap
        (
            "Care plans are clear, analytical and outline what needs to happen, by whom and "
            "by when.",
            "Strength",
        ),
        ("Assessments analyse risk carefully and what needs to be done to reduce it.", "Strength"),
        # but it still ends what is found: "timely improvements" is the aim
        (
            "Plans and services are not always focused sharply enough on what needs to change "
            "within the family to secure timely improvements in children’s circumstances.",
            "Weakness",
        ),
        # a risk of something not happening is no failure
        (
            "Staff effectively target their support towards those children who are most at risk "
            "of not achieving, and intervene effectively.",
            "Strength",
        ),
        # the negation reaches each participle of a list and what follows it
        (
            "Although an adoption tracker is used to follow the progress of individual children, "
            "relevant data are not regularly gathered, aggregated, analysed and used to drive "
            "improvements.",
            "Weakness",
        ),
        # a later clause of time or condition names the circumstance
        (
            "Families, children and young people who need extra help are able to get the support "
            "they need when they are having difficulties.",
            "Strength",
        ),
        (
            "Strategy discussions are held promptly when concerns for children first arise.",
            "Strength",
        ),
        # work still to do; what could bring more
        (
            "There is still work to do to develop participation and engagement of children.",
            "Weakness",
        ),
        ("Much work remains to be done.", "Weakness"),
        (
            "However, the local authority could draw greater benefit from this resource, which "
            "offers a depth of specialist knowledge and skills.",
            "Weakness",
        ),
        # held-out reports (Peterborough 2015, Sunderland 2021, Tameside 2019, Luton 2020,
        # Northumberland 2016)
        (
            "Fostering and adoption panels scrutinise assessments rigorously and provide "
            "constructive challenge and feedback.",
            "Strength",
        ),
        (
            "The new senior management team is responding promptly to concerns raised by staff, "
            "for example about the size of caseloads.",
            "Strength",
        ),
        (
            "In response to the concerns identified by inspectors, senior leaders carried out an "
            "immediate review and took decisive action.",
            "Strength",
        ),
        (
            "A council-wide mentoring scheme is helping young people to explore opportunities that "
            "might not otherwise be open to them.",
            "not Weakness",
        ),
        (
            "The steady improvement in attainment for children looked after over the past few "
            "years was not maintained in 2015, when results dipped.",
            "Weakness",
        ),
        (
            "Although Tameside has previously been behind national expectations for the timeliness "
            "of adoption, children are now being placed much more quickly.",
            "Strength",
        ),
        ("It has succeeded in reducing the proportion aged 16–18 who are NEET to 31%.", "Strength"),
        (
            "This inhibits their ability to identify and respond promptly to issues and concerns "
            "as they arise and is therefore hampering the drive for improvement.",
            "Weakness",
        ),
        (
            "Children continue to wait too long to be adopted, and adopters are not referred to "
            "the adoption register quickly enough.",
            "Weakness",
        ),
        # a fault in a "where" clause is still found (not a circumstance, as in "planning for
        # children where changes are not sustained", which stays wrong)
        (
            "This is particularly the case in some assessments of young children where "
            "observations are not consistently analysed.",
            "Weakness",
        ),
        # ... but "situations where" is what is found
        (
            "As a result, some children remained in situations where their risk had not been fully "
            "assessed.",
            "Weakness",
        ),
        # criticism answered is still criticism reported
        (
            "The Director explained that this was planned in response to criticism by Ofsted of "
            "the service not providing these functions.",
            "Weakness",
        ),
        # plain words of fault (Barking and Dagenham 2014, Croydon 2017, Stoke-on-Trent 2015)
        (
            "Systems in place for monitoring and evaluating frontline practice are ineffective.",
            "Weakness",
        ),
        ("The vast majority of care planning is ineffective.", "Weakness"),
        (
            "The educational attainment of children looked after is improving but progress is "
            "fragile and not fast enough.",
            "Weakness",
        ),
        ("Some staff say that they feel overwhelmed by their workload.", "Weakness"),
        (
            "Current caseloads of IROs remain significantly higher than recommended in statutory "
            "guidance.",
            "Weakness",
        ),
        (
            "Specialist workers provide therapeutically informed interventions to help repair and "
            "strengthen fragile relationships.",
            "not Weakness",
        ),
        (
            "The overwhelming strength of the board is the voice of the child in the development "
            "of services.",
            "Strength",
        ),
        (
            "The local authority is sometimes too slow to take decisive and effective action when "
            "concerns for children do not reduce.",
            "Weakness",
        ),
        (
            "The reduction in the number of early help hubs has impacted adversely on the capacity "
            "of partner agencies to provide support promptly when problems first arise.",
            "Weakness",
        ),
        (
            "The vast majority of children placed out of area are well supported and are not "
            "adversely affected by the fact they do not live in Oxford.",
            "Strength",
        ),
        (
            "Leaders review the quality of alternative education providers for those not accessing "
            "mainstream education in order to ensure that children are safe.",
            "Strength",
        ),
        (
            "However, care leavers have limited options for moving on to independent living when "
            "they are ready to do so.",
            "Weakness",
        ),
        # held-out focused visit letters (Hertfordshire 2021, Leeds 2021, Manchester 2020)
        (
            "Effective early help arrangements reduce the need for social care interventions.",
            "Strength",
        ),
        (
            "However, these changes are still too recent to be able to fully evaluate impact and "
            "outcomes.",
            "Weakness",
        ),
        (
            "Although there has been some work done to improve services since this inspection, "
            "this has led to minimal impact on the experiences and outcomes for some children.",
            "Weakness",
        ),
        (
            "This makes it easier for children to share their worries with someone they have "
            "learned to trust.",
            "Strength",
        ),
        (
            "The continuing impact of the pandemic on the workforce has slowed their progress in "
            "strengthening services.",
            "Weakness",
        ),
        # a need that is the object of a verb ending it is not one found... but "monitoring
        # needs to improve" still is
        (
            "However, management oversight and monitoring needs to improve to ensure that letters "
            "are timely.",
            "Weakness",
        ),
        ("The current interim AD has tried to address this but much more is needed.", "Weakness"),
        # open as a quality, not a case's state; as little disruption as possible
        ("Early help cases are open for an average of 120 days.", "Neutral"),
        ("There is a culture of learning and openness.", "Strength"),
        (
            "Applications to the family court are properly evidenced, resulting in care "
            "proceedings concluding quickly with as little disruption for children as possible.",
            "Strength",
        ),
        ("This is an impressive achievement.", "Strength"),
        (
            "Underpinning their work is an imaginative approach, enhanced by the exemplary "
            "partnership, to service provision and problem solving.",
            "Strength",
        ),
    ],
)
def test_negation_wishes_questions_and_short_forms(sentence, expected):
    if expected == "not Weakness":  # what would be, or a fragile thing helped: no fault found
        assert polarity(sentence) != "Weakness"
    else:
        assert polarity(sentence) == expected


def test_a_heading_of_strengths_and_weaknesses_leans_neither_way():
    assert context_polarity("Key strengths and weaknesses of the LSCB") == ""
    assert context_polarity("Key strengths") == "Strength"
    assert context_polarity("Key weaknesses") == "Weakness"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # read by hand on 10 more held-out inspection reports (other councils)
        # a that-clause opened within a negation's reach is denied whole
        (
            "As a result, they have not ensured that the service delivered to children remains "
            "consistently safe and effective.",
            "Weakness",
        ),
        (
            "It does not routinely analyse data to identify risk, nor includes commentaries that "
            "assist effective challenge and inform improvement.",
            "Weakness",
        ),
        (
            "There are insufficient systems to assure managers that children are regularly seen "
            "and that their plans are appropriately progressed.",
            "Weakness",
        ),
        # ... but not "that of" (a comparison), and "less than half" is an amount
        (
            "This latter figure is less than half that of neighbouring authorities and shows "
            "exceptional performance on matching children to their adoptive family.",
            "Strength",
        ),
        ("Decision-making is potentially less than robust as a consequence.", "Weakness"),
        # plain words of fault
        (
            "The involvement of independent reviewing officers is reflected in children's "
            "records, but their impact on progressing children's plans is less evident.",
            "Weakness",
        ),
        (
            "However, while the local authority has a formal scheme of delegation, it is not "
            "being used.",
            "Weakness",
        ),
        (
            "However, there has been a recent decline in the timeliness of review health "
            "assessments and dental checks, which senior managers had identified and are closely "
            "monitoring.",
            "Weakness",
        ),
        (
            "While supervision and case records identify future actions, many give no rationale.",
            "Weakness",
        ),
        ("PAs' caseloads have reduced, but most remain relatively high.", "Weakness"),
        # a problem that is falling is praise
        ("Waiting times for children with a plan for adoption are reducing.", "Strength"),
        # a wish finds nothing, but a wish is not what a relative clause denies
        (
            "Senior managers, and people who run the council, want to do a good job but do not "
            "have enough accurate information about how services are doing to make sure they "
            "concentrate on improving the right things.",
            "Weakness",
        ),
        (
            "Those young people who do not wish to become looked after are appropriately "
            "supported through a joint protocol between housing and children's social care.",
            "Strength",
        ),
        # a recommendation made with partners is still a recommendation
        (
            "With partners, ensure that professionals are fully aware of their role in "
            "contributing to the identification and support of children with additional needs.",
            "Weakness",
        ),
    ],
)
def test_denied_clauses_declines_and_wishes(sentence, expected):
    assert polarity(sentence) == expected


def test_a_recommendation_made_with_partners_is_an_item_to_act_on():
    item = "With partners, ensure that professionals are fully aware of their role."
    assert polarity(item, item=True) == "Weakness"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # read by hand on 10 more held-out focused visit letters
        ("Plans for children in care who are placed with parents are too generic.", "Weakness"),
        ("The current recording system is a barrier to improvement.", "Weakness"),
        ("This can leave some young people vulnerable.", "Weakness"),
        ("This, in turn, impacts on the quality of plans.", "Weakness"),
        (
            "However, it does impact on the timeliness of progression of children's cases to "
            "closure or transfer to another team.",
            "Weakness",
        ),
        # an aside after the negation
        (
            "It does not, however, always ensure that discussions about this possibility are "
            "clearly recorded.",
            "Weakness",
        ),
        (
            "Leaders have a detailed and accurate understanding of the quality of practice and "
            "the services that are delivered.",
            "Strength",
        ),
        (
            "Social workers receive invaluable support from social work support officers.",
            "Strength",
        ),
        (
            "Professionals work conscientiously to safeguard children from gangs.",
            "Strength",
        ),
        # progress in the areas for improvement is praise
        (
            "In its services to care leavers, the local authority has made some progress in most "
            "of the areas for improvement highlighted in the last inspection.",
            "Strength",
        ),
        # "rather than" denies what follows it
        (
            "A preferred model of social work practice is used in assessments, but it is often a "
            "list of risk factors rather than an accurate analysis of a child's needs.",
            "Weakness",
        ),
        # a relative "who wish to" is no wish of the subject
        (
            "This can mean that social workers and children who wish to view their records cannot "
            "access information about key decisions affecting their lives.",
            "Weakness",
        ),
    ],
)
def test_plain_faults_asides_and_praise_in_letters(sentence, expected):
    assert polarity(sentence) == expected


def test_rather_than_leaves_a_graded_sections_leaning():
    s = (
        "Once children's cases are allocated, visiting is in line with their needs, rather "
        "than the regulatory minimum."
    )
    assert polarity(s, "Strength" + LEAN) == "Strength"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # read by hand on a fourth set of 10 held-out inspection reports
        (
            "IROs' understanding of children's views and feelings is significantly hampered by "
            "the very low rate (15%) of reviews where children's views are formally shared.",
            "Weakness",
        ),
        (
            "Very high and costly use of agency social workers and managers compromised the "
            "council's ability to recruit a stable workforce.",
            "Weakness",
        ),
        # a fault that children do not experience is praise
        (
            "In addition, robust tracking of cases means that children do not experience "
            "unnecessary delays.",
            "Strength",
        ),
        ("Children do not experience consistent support from their social workers.", "Weakness"),
        (
            "Many children access a range of hobbies and recreational activities, which enhance "
            "their lives and widen their experiences.",
            "Strength",
        ),
        # an aspiration finds nothing
        (
            "However, the difficulty in recruiting permanent staff is currently impacting "
            "adversely on the council's aspirations to develop and enhance social work practice.",
            "Weakness",
        ),
    ],
)
def test_hampered_compromised_and_faults_not_experienced(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fourth set of held-out reports, second sample
        ("Capacity has been an issue.", "Weakness"),
        ("This has impacted negatively on children's lives and experiences.", "Weakness"),
        ("This was exacerbated by frequent changes in key appointments.", "Weakness"),
        ("Adopters and staff told inspectors of the frustration this causes.", "Weakness"),
        (
            "PAs talk openly with care leavers about how to better manage their frustrations.",
            "Strength",
        ),
        (
            "Earlier frustrations experienced by the LSCB in monitoring the effectiveness of local "
            "arrangements have been assertively addressed.",
            "Strength",
        ),
        (
            "The council acknowledges that it channelled leadership resources into the transition "
            "to the trust at the expense of a focus on the necessary practice improvements.",
            "Weakness",
        ),
        (
            "However, recruitment of staff and managers could not keep pace with increasing "
            "demand, and some families with less urgent needs had to wait for this support.",
            "Weakness",
        ),
        ("He has not however, undertaken a formal annual test of assurance.", "Weakness"),
        ("This is demonstrated in there having been no recent placement disruptions.", "Strength"),
        # what praise words name before something happens is not found
        (
            "There are a small number of children for whom a previous lack of professional "
            "curiosity has led to the premature ending of support before positive change has "
            "embedded.",
            "Weakness",
        ),
        (
            "In a very small number of cases seen children suffered harm before the correct action "
            "was taken.",
            "Weakness",
        ),
        # ... but "letters before proceedings" are documents
        ("Letters before proceedings are issued promptly to parents.", "Strength"),
        # a need in a later when-clause is the circumstance
        (
            "Interventions are proportionate to risk, and, when children and young people need to "
            "be safeguarded, actions are taken promptly to ensure that they are protected.",
            "Strength",
        ),
        (
            "The dialogue at the challenge panels provides good opportunities for the Board to "
            "engage in emerging concerns, such as the Prevent duty.",
            "Strength",
        ),
    ],
)
def test_issues_impacts_and_what_comes_before(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a question opened within a negation's reach is denied whole, like a that-clause
        "This inhibits the understanding of what is working well to improve outcomes for "
        "children and measure whether such progress is sufficiently timely.",
        "However, the authority cannot identify whether those young people who do not become "
        "looked after are provided with appropriate support as children in need.",
    ],
)
def test_a_question_within_a_negations_reach_is_denied(sentence):
    assert polarity(sentence) == "Weakness"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what is monitored is no decline found
        (
            "Close scrutiny and monitoring of the recent decline in timeliness of court "
            "performance is supporting the progression of court work effectively.",
            "Strength",
        ),
        # what it will be before long is not what it is
        (
            "The timeliness of pathway plans has improved, but it has some way to go before it "
            "is consistent.",
            "Weakness",
        ),
    ],
)
def test_a_decline_monitored_and_a_quality_still_to_come(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a state of the service that is a fault, said without a fault word of its own
        (
            "This seems a very small number of reviews, leaving scrutiny members reliant only "
            "on the reports they receive.",
            "Weakness",
        ),
        (
            "This was a significant loss in terms of leadership and focus on education issues "
            "that impact on all children, including vulnerable children.",
            "Weakness",
        ),
        (
            "The proportion of staff who are agency workers, particularly in manager roles is "
            "high, as shown in the table below.",
            "Weakness",
        ),
        ("Despite this, turnover is relatively high for social workers.", "Weakness"),
        ("As a result, caseloads for many personal advisers were high.", "Weakness"),
        ("The Social Care AD role was vacant for some weeks.", "Weakness"),
        (
            "The recommendations from 2015 are equally relevant today.",
            "Weakness",
        ),
        ("Since the inspection more attention has been paid to staff engagement.", "Strength"),
    ],
)
def test_losses_vacancies_high_turnover_and_attention_paid(sentence, expected):
    assert polarity(sentence) == expected
    assert sum(score(sentence)) > 0  # judges, so a finding even outside an evaluative section


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what work still to do aims at is not found
        (
            "Much work remains to be done to ensure that all of the workforce has sufficient "
            "capacity, skills and support to deliver consistently good quality and timely "
            "practice.",
            "Weakness",
        ),
        (
            "Social workers do not receive sufficient support, direction or challenge to ensure "
            "that children receive effective and timely help.",
            "Weakness",
        ),
        (
            "This has led to improvements, but there is more to do to ensure that systems "
            "support timely decision-making.",
            "Weakness",
        ),
        # what is done to ensure something is still found, and a result is no aim
        (
            "Personal advisers are tenacious in ensuring that young people get what they are "
            "entitled to.",
            "Strength",
        ),
        (
            "There are no children waiting for adoption because early permanency planning is "
            "effective, which is ensuring that children are placed in adoptive homes quickly.",
            "Strength",
        ),
        # a need is the main clause's, not the when-clause's
        (
            "However, management oversight when key decisions are made needs to be further "
            "improved to ensure consistency.",
            "Weakness",
        ),
        # shared without consent; what a record says is still to be done
        (
            "In some cases, information is sought and shared by iCART with agencies without "
            "informed parental consent.",
            "Weakness",
        ),
        (
            "Records are completed promptly, show the actions taken and provide the detail of "
            "what further work is required by the day service.",
            "Strength",
        ),
    ],
)
def test_aims_of_work_still_to_do_and_what_a_record_says_is_to_be_done(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # praise with no stock praise word
        ("Specialist workers are tenacious in their efforts to build trust.", "Strength"),
        ("Most direct work undertaken with children is of a high quality.", "Strength"),
        ("Adopters spoke highly of the support provided to them.", "Strength"),
        ("Staff morale is high in the MASH and assessment teams.", "Strength"),
        ("Social workers make persistent efforts to engage with children.", "Strength"),
        ("New arrangements to track permanence plans are beginning to make an impact.", "Strength"),
        ("This is no longer the case.", "Strength"),
        # faults with no stock fault word
        ("Work to address this is in its infancy.", "Weakness"),
        ("Pathway plans vary in quality.", "Weakness"),
        ("Life-story work is rarely undertaken with children in foster care.", "Weakness"),
        ("There is duplication of effort, as screening relies on two records.", "Weakness"),
        ("The local authority's self-assessment is overly positive.", "Weakness"),
        ("However, placement choice is often limited.", "Weakness"),
        ("There are significant limitations in the children's database.", "Weakness"),
        # not faults: what is best avoided is rare, a limit one works within, what could be
        ("Bed and breakfast accommodation is rarely used.", "Neutral"),
        (
            "However, it is too early for these strategies to have a significant impact to enable "
            "an environment where good social work can flourish.",
            "Weakness",
        ),
    ],
)
def test_praise_and_faults_in_plain_words_of_other_reports(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # leaders who know their weaknesses and act on them: self-awareness, not a fault found
        (
            "Senior managers are aware of these weaknesses and are addressing this through "
            "practice workshops.",
            "Strength",
        ),
        (
            "The director of children's services (DCS) has recognised the shortfalls in practice "
            "and has driven the improvement plan forward.",
            "Strength",
        ),
        # not when they do not know, nor when an inspection or an analysis finds them
        ("Leaders are not aware of the weaknesses in practice.", "Weakness"),
        ("Inspectors identified weaknesses in planning.", "Weakness"),
        (
            "A recent detailed analysis of children who go missing identified gaps in the "
            "recording of the reasons why children run away.",
            "Weakness",
        ),
        # a worry looked into and dealt with
        (
            "There is effective use of child protection processes to ensure that concerns are "
            "explored and addressed.",
            "Strength",
        ),
        # what parents need to do is theirs
        (
            "Letters to parents before proceedings are clear about the actions that parents need "
            "to take to address concerns.",
            "Strength",
        ),
        ("Leaders know that they need to accelerate progress.", "Weakness"),
    ],
)
def test_weaknesses_known_worries_dealt_with_and_what_parents_need_to_do(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fault denied or kept small is no fault, and praise may say so
        ("Most children are well cared for and are not subject to disruption.", "Strength"),
        ("This has helped to keep disruption to a minimum.", "Strength"),
        ("No children were found to be left at risk of immediate harm.", "Neutral"),
        (
            "However, steps have now been taken to improve services for children and, as a "
            "result, services are no longer inadequate.",
            "Strength",
        ),
        ("Review meetings ensure that plans do not drift.", "Strength"),
        # what is overcome is no fault found, unless nothing else judges
        ("Despite the challenges, workloads are manageable.", "Strength"),
        (
            "Despite these challenges, it is to the credit of the council that vulnerable "
            "children have been prioritised.",
            "Strength",
        ),
        (
            "Recruitment to social work roles remains a priority despite the challenges "
            "regionally and nationally.",
            "Weakness",
        ),
        # knowing the challenges is self-awareness
        ("Senior leaders recognise the challenges of providing local placements.", "Strength"),
        # too many cases
        (
            "While most caseloads are manageable, some social workers have higher caseloads.",
            "Weakness",
        ),
        (
            "A small number of staff have caseloads that exceed the desired maximum size.",
            "Weakness",
        ),
    ],
)
def test_faults_denied_overcome_or_known_and_caseloads(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Staff have access to a wide range of induction and training opportunities.", "Strength"),
        ("Permanence options are considered for most children at an early stage.", "Strength"),
        ("Young people are actively encouraged to remain in care until the age of 18.", "Strength"),
        ("This is helping to reduce the risk for some children.", "Strength"),
        ("They show professional curiosity and take time to understand children.", "Strength"),
        ("These records are written with care and kindness.", "Strength"),
        ("Carers are sensitive to children's ethnic and cultural identities.", "Strength"),
        ("Young people reported positively about the quality of support.", "Strength"),
        ("PAs take great pride in what they do and morale among the team is high.", "Strength"),
        ("Children living in supported accommodation receive tailored support.", "Strength"),
        (
            "Young people were very complimentary about the supported lodgings provision.",
            "Strength",
        ),
        ("Staff are aspirational for care leavers.", "Strength"),
        # an aim yet to be met is not praise
        ("Impact is often aspirational rather than quantifiable.", "Neutral"),
        # the name of a kind of home praises nothing
        ("This includes supported accommodation and emergency accommodation.", "Neutral"),
        # a range of options only just begun to improve is still limited
        (
            "Housing options remain limited, however, with the range of options having only "
            "recently begun to improve.",
            "Weakness",
        ),
    ],
)
def test_praise_in_plain_words_and_kinds_of_home(sentence, expected):
    assert polarity(sentence) == expected


def test_a_grade_stated_as_a_sentence_is_no_finding():
    """2014-18 reports state each graded judgement as a sentence; it is read as a judgement."""
    c = cues()
    assert c.procedural.search(
        "The graded judgement about the experience and progress of care leavers is that it "
        "requires improvement"
    )
    assert c.procedural.search("The graded judgement for adoption performance is that it is good.")
    # (spelt as some of those reports spell it)
    assert c.procedural.search("The graded judgment for adoption performance is that it is good.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A significant number of social workers said that their morale is low.", "Weakness"),
        ("There are high sickness rates among staff.", "Weakness"),
        ("Social workers reported that they had irregular supervision.", "Weakness"),
        ("Key planning documents and records of visits are absent.", "Weakness"),
        ("Some children in care report several changes in social worker.", "Weakness"),
        ("Short- and long-term placement stability needs improvement.", "Weakness"),
        (
            "Only one in three children have an initial health assessment within 28 days.",
            "Weakness",
        ),
        ("The response to the mental health of children in care is mixed.", "Weakness"),
        (
            "Audits overly focus on process and give little sense of children's experience.",
            "Weakness",
        ),
        ("The early help system is not as efficient as it could be.", "Weakness"),
        ("Some members of the panel have been left feeling disillusioned.", "Weakness"),
        # not the children's or families' absence, nor turnover that is low
        ("Assessments include consideration of fathers, even when they are absent.", "Neutral"),
        ("Those with high absence rates receive a range of additional support.", "Neutral"),
        ("Staff morale is high, and turnover is low.", "Strength"),
    ],
)
def test_plain_faults_of_the_fifth_reading(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a fault it is no fault not to do is praise (Durham 2025, Bury 2016, Richmond 2022)
        (
            "PAs do not give up on them and they continue attempts to support care leavers to "
            "access what they need so that they feel valued, seen and cared about.",
            "Strength",
        ),
        ("Leaders have not stood still since the last inspection.", "Strength"),
        ("Children and young people do not enter the care system unnecessarily.", "Strength"),
        (
            "Children and young people do not stay on plans for too long, with no child or young "
            "person being on a plan for over two years.",
            "Strength",
        ),
        (
            "Active intervention begins immediately and children do not wait to receive a service.",
            "Strength",
        ),
        # what children and families live with is no fault of the service (Durham 2025,
        # West Northamptonshire 2026)
        (
            "This is helping to facilitate positive changes in families with complex difficulties"
            " and ultimately is making a difference to children’s lived experiences.",
            "Strength",
        ),
        (
            "PAs are passionate and speak with sensitivity about the challenges some young people"
            " have faced and how they have overcome these.",
            "Strength",
        ),
        (
            "This offers a space where children can explore their trauma, fears and concerns.",
            "Neutral",
        ),
        (
            # (no fault; and being made aware of their rights is praise since this release)
            "Those who are unable to return home are made aware of their rights and entitlements.",
            "Strength",
        ),
        (
            "Social workers are proactive to understand the views of both parents, even when a "
            "non-resident parent may be reluctant to contribute.",
            "Strength",
        ),
        # (a concern of theirs not acted on is still a fault)
        ("Parents say that their concerns are not listened to.", "Weakness"),
        # an earlier judgement is background (South Gloucestershire 2024, Suffolk 2025) ...
        (
            "Since the last inspection in 2019, when the local authority was judged requires "
            "improvement to be good, and the focused visit in 2021, which identified areas for "
            "priority action, the pace of progress has accelerated and services have "
            "significantly improved.",
            "Strength",
        ),
        (
            "Since the last inspection in 2019, when Suffolk was judged to be outstanding, there "
            "has been a decline in the impact of leaders on social work practice.",
            "Weakness",
        ),
        # ... unless it is all the sentence says (Waltham Forest 2015)
        (
            "Ofsted’s last inspection of the local authority’s services for looked-after children"
            " was in October 2011, when they were judged to be inadequate.",
            "Weakness",
        ),
        # a need of theirs is no need found (South Gloucestershire 2024, East Riding 2019)
        (
            "Workers are culturally attuned to their individual needs to ensure the best possible"
            " life chances for them.",
            "Neutral",
        ),
        ("This is enabling children’s needs to be identified and well met.", "Strength"),
        (
            "While many services for care leavers have improved, the strategic oversight and "
            "monitoring of educational outcomes for care leaver’s needs to strengthen.",
            "Weakness",
        ),
        # knowing one's strengths and challenges is self-awareness (St Helens 2023,
        # Middlesbrough 2023, South Gloucestershire 2024), not when it is limited (Swindon 2016)
        (
            "St Helens’ self-evaluation accurately reflects developments and challenges in "
            "services for children.",
            "Strength",
        ),
        (
            "The leadership team is realistic about the areas of practice that still need to "
            "strengthen and develop further.",
            "Strength",
        ),
        (
            "The chief executive and executive director have fully grasped the challenges to "
            "improve the lives of the most vulnerable children.",
            "Strength",
        ),
        ("The local authority knows its strengths and areas for development.", "Strength"),
        (
            "However, the Board’s current understanding of the key strengths and challenges faced"
            " by children in care is limited.",
            "Weakness",
        ),
        # missed, an issue, diminished (Southampton 2016, South Gloucestershire 2024,
        # Birmingham 2014)
        ("Opportunities are missed to safeguard them when risks increase.", "Weakness"),
        (
            "Accessing routine dental treatment is also an issue for some care leavers.",
            "Weakness",
        ),
        (
            "However, the overall impact of commissioned services is diminished by the absence of"
            " an integrated strategic approach to commissioning.",
            "Weakness",
        ),
        # praise in what a fault fails to record is no praise (South Gloucestershire 2024)
        (
            "However, this reflective discussion is not routinely recorded to evidence this "
            "additional positive oversight and to demonstrate a clear record of decision-making.",
            "Weakness",
        ),
        ("Minutes comprehensively capture professionals’ views.", "Strength"),
    ],
)
def test_faults_not_done_lives_of_families_earlier_judgements_and_self_awareness(
    sentence, expected
):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a plain word of praise outweighs as much soft fault (Bury 2016, Durham 2025) ...
        (
            "Social workers in Family Connect make effective use of family histories to understand"
            " current concerns and risks to children.",
            "Strength",
        ),
        (
            "The success rate of this service is impressive, with a high number of children "
            "remaining with their family or long-term carers following intervention.",
            "Strength",
        ),
        # ... but not praise of a few, nor a plain fault (Liverpool 2016, Stoke-on-Trent 2015)
        (
            "A small minority of good quality assessments were seen during the inspection.",
            "Weakness",
        ),
        (
            "Collaborative working between youth justice workers and children’s social care is "
            "mixed.",
            "Weakness",
        ),
        (
            "High numbers of children are placed out of area due to a shortage of suitable "
            "placements.",
            "Weakness",
        ),
        # how strongly something is felt is no praise (the commissioner's report, 2019)
        (
            "There is a strong sense that one of the key difficulties for Medway is its location, "
            "wedged between Kent and London.",
            "Weakness",
        ),
    ],
)
def test_plain_praise_breaks_a_tie_with_soft_faults(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # plain praise of the sixth reading (Bury 2016, Middlesbrough 2023, St Helens 2023)
        ("Bury is a learning organisation.", "Strength"),
        ("PAs are responsive to young people’s individual needs.", "Strength"),
        (
            "Social workers speak warmly about children and gain their wishes and feelings.",
            "Strength",
        ),
        ("The voice of the child is paramount to this.", "Strength"),
        (
            "A wealth of support is available from individual sessions to group workshops.",
            "Strength",
        ),
        ("The board is independently chaired and efficiently run.", "Strength"),
        ("Services for these children are joined up across partnerships.", "Strength"),
        ("Learning from recent SCRs is disseminated widely.", "Strength"),
        ("Virtual school leaders have high aspirations for all children.", "Strength"),
        ("This was the strongest element in most plans seen by inspectors.", "Strength"),
        ("Senior managers are highly visible.", "Strength"),
        # ... not where it is negated, a role, or a motto
        (
            "Not all district council housing departments are sufficiently responsive to the "
            "needs of care leavers.",
            "Weakness",
        ),
        (
            "However, the post holders in some of the most pivotal roles have changed in a very "
            "short period of time.",
            "Neutral",
        ),
        ("Medway: A place to be proud of.", "Neutral"),
    ],
)
def test_plain_praise_of_the_sixth_reading(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a harm to what makes a service good negates the praise words after it (South
        # Gloucestershire 2024, St Helens 2023, Middlesbrough 2023)
        (
            "While this has recently improved, it has negatively affected these children’s "
            "ability to make and maintain consistent relationships with their workers.",
            "Weakness",
        ),
        (
            "These issues impact children’s ability to form meaningful relationships with social"
            " workers, which delays their progress.",
            "Weakness",
        ),
        (
            "This reduces the value of these visits and children do not have the opportunity to "
            "speak with a trusted adult who knows them well.",
            "Weakness",
        ),
        ("This misses the opportunity to sufficiently explore relationships.", "Weakness"),
        (
            "Higher workloads for some social workers affect their ability to spend focused time "
            "with children.",
            "Weakness",
        ),
        # ... not a good impact
        ("Effective planning has a positive impact on the quality of care.", "Strength"),
    ],
)
def test_a_harm_to_what_makes_a_service_good(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # what would make a service better is what it lacks (Bury 2016, Camden 2016)
        (
            "Accountability would be improved by minuting the regular meetings between the chief"
            " executive of the council and the DCS.",
            "Weakness",
        ),
        (
            "The CPB’s field of vision regarding children and young people looked after is "
            "suitably broad, but its effectiveness would benefit from tighter priorities.",
            "Weakness",
        ),
        (
            "Easier access to independent visitors would further enhance the experiences of many "
            "children looked after in Camden.",
            "Weakness",
        ),
        # ... not which children would benefit (Suffolk 2019)
        (
            "Adoption is considered for all children who would benefit from this, and this "
            "happens in a timely way.",
            "Strength",
        ),
    ],
)
def test_what_would_make_a_service_better(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a thing not done is a fault (Stoke-on-Trent 2019, Westmorland and Furness 2024)
        ("Risk is not robustly managed.", "Weakness"),
        ("Vulnerable children are not safeguarded in Stoke-on-Trent.", "Weakness"),
        ("Children’s experiences and their views are not at the centre of practice.", "Weakness"),
        ("Care leavers are not provided with their health histories.", "Weakness"),
        ("Management oversight of pathway planning lacks sufficient rigour.", "Weakness"),
        # (a main clause after "when they …" is no clause of the "when")
        ("Support for care leavers when they leave custody has not been sufficient.", "Weakness"),
        # ... not which case, nor a board shared with no other council (Tameside 2016)
        ("When thresholds are not met, families are signposted to early help.", "Neutral"),
        ("The LSCB is not shared with any other local authority.", "Neutral"),
    ],
)
def test_things_not_done(sentence, expected):
    assert polarity(sentence) == expected


def test_praise_in_a_question_put_in_doubt_is_no_praise():
    """Rutland 2019: "it is unclear whether issues have been successfully resolved"."""
    assert (
        polarity(
            "IROs appropriately escalate concerns to social workers and their managers, but "
            "resolution is not tracked, so it is unclear whether issues have been successfully "
            "resolved."
        )
        == "Weakness"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # worries about a child that practice handles are no fault (Stoke-on-Trent 2019,
        # Lewisham 2025)
        (
            "When required, concerns are appropriately escalated through multi-agency forums.",
            "Strength",
        ),
        (
            "Letters before proceedings appropriately outline concerns and actions required of "
            "parents.",
            "Strength",
        ),
        # ... unless they are the inspectors' or not handled
        ("Inspectors raised concerns about the quality of assessments.", "Weakness"),
        ("Concerns are not always escalated.", "Weakness"),
        ("There are concerns about the quality of assessments.", "Weakness"),
    ],
)
def test_concerns_that_practice_handles(sentence, expected):
    assert polarity(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # ways to do something well are advice about it, not praise of what is there
        "She explained that there were a number of different ways to undertake effective"
        " scrutiny which needed to be explored.",
        "Leaders are considering ways of making supervision more reflective.",
    ],
)
def test_ways_to_do_well_are_no_praise(sentence):
    assert score(sentence)[1] == 0


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a council's risk register: what may happen
        (
            "Variable quality in assessment and timeliness in initial visit can result in drift in"
            " planning.",
            True,
        ),
        (
            "If the participation of health partners in strategy meetings does not improve, timely"
            " and full information will not be available.",
            True,
        ),
        (
            "The risk is that the authority cannot continue to maintain the necessary long-term"
            " investment in the service.",
            True,
        ),
        ("The Improvement Board will monitor progress and hold the service to account.", True),
        # what is so
        (
            "Impact of new IT System Athena has resulted in there being delays in sending referrals"
            " to Children’s Services which can delay provision of services.",
            False,
        ),
        (
            "There are ongoing challenges relating to recruitment & retention of Social Workers.",
            False,
        ),
    ],
)
def test_is_conjecture(sentence, expected):
    assert is_conjecture(sentence) is expected


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "Although there has been a recent improvement in the timeliness of assessments, there"
            " is considerable variability in their quality.",
            [
                "there has been a recent improvement in the timeliness of assessments",
                "there is considerable variability in their quality",
            ],
        ),
        (
            "There are many longstanding and committed staff in early help but many of them feel"
            " let down by the Council.",
            [
                "There are many longstanding and committed staff in early help",
                "many of them feel let down by the Council",
            ],
        ),
        # "not yet" is no turn; two turns, or a clause of a few words, are not split
        ("Plans are clear and the service is not yet open to new referrals.", []),
        ("This is a good move but has taken a long time, but it is open now.", []),
        ("Good work, but slow.", []),
        # a concession of a noun, a part without its subject and verb, "not only … but also",
        # and "not yet" across a line break are no turn
        (
            "Despite these weaknesses, some care-experienced young people’s outcomes far exceed"
            " their expectations, a testament to the efforts of these young people.",
            [],
        ),
        ("Reports are timely but not of consistent quality.", []),
        (
            "Leaders have made steady progress in most areas of the service, but not all, aspects"
            " of the service.",
            ["Leaders have made steady progress in most areas of the service"],
        ),
        (
            "Parents explained how these courses not only helped them improve their parenting"
            " skills but also gave them confidence.",
            [],
        ),
        (
            "Improvement and forward planning by the virtual school are not\nyet sufficiently"
            " focused on outcomes.",
            [],
        ),
        # "however" turns after a semicolon or a comma it does not close, not set in a clause
        (
            "The commitment of the Director of People to improving outcomes for children is"
            " evident, however decisions that should be within his delegated authority do not"
            " always progress.",
            [
                "The commitment of the Director of People to improving outcomes for children is"
                " evident",
                "decisions that should be within his delegated authority do not always progress",
            ],
        ),
        (
            "It does not, however, have a sufficient understanding of the performance of services.",
            [],
        ),
        ("Assessments do not however always make clear how they inform decision-making.", []),
        # a concession that opens with a list runs to the comma after its verb
        (
            "Whilst the Chief Executive, the Leader and the lead member have all been explicit"
            " about their determination to see improvements to the service, they do not"
            " articulate their vision and ambitions for children.",
            [
                "the Chief Executive, the Leader and the lead member have all been explicit about"
                " their determination to see improvements to the service",
                "they do not articulate their vision and ambitions for children",
            ],
        ),
        # a part ends before the conjunction that joins the turn to it, and so is no clause
        # here: too short (Hampshire 2014)
        (
            "Supervision is regular, and although social workers report that it is helpful in"
            " promoting reflection and analysis, this is not always well evidenced.",
            [
                "social workers report that it is helpful in promoting reflection and analysis,"
                " this is not always well evidenced"
            ],
        ),
    ],
)
def test_contrast(sentence, parts):
    assert [sentence[a:b] for a, b in contrast(sentence)] == parts


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "a more robust system of management oversight would reduce the need for such challenge",
            True,
        ),
        ("ensure all children have a good quality personal education plan", True),
        ("This may be an effective approach for some", True),
        # ability is no supposition; May is a month
        ("social workers can describe the work that they do with children well", False),
        (
            "In cases initiated since May 2013, government targets of 26 weeks are not being met",
            False,
        ),
    ],
)
def test_is_supposed(clause, expected):
    assert is_supposed(clause) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a change in how many children there are: the service's context, whatever its section
        "There has been a recent increase in the number of unaccompanied asylum-seeking children.",
        "There has been a significant and ongoing rise in the numbers of children being"
        " electively home educated.",
        # ... nor does a count (national reports, 2014-2016)
        "This agency is currently providing support for 20 individuals.",
        "The current cohort includes five children who have a disability.",
        "Of these, 68 have left care already.",
        "At the time of the inspection, 24 adopters were waiting for a match and seven were linked"
        " to children.",
    ],
)
def test_a_change_in_numbers_takes_no_leaning(sentence):
    assert polarity(sentence, "Strength" + LEAN) == "Neutral"


def test_what_a_review_did_not_look_at_is_its_scope():
    assert score("They did not look at longer term work in other parts of the service.") == (0, 0)
    # what practice does not look at is a fault
    assert polarity("Many assessments do not look at the individual needs of the children.") == (
        "Weakness"
    )


def test_what_practice_brings_about_keeps_its_leaning():
    s = "New Roads hubs provide extensive support, which contributes to a reduction in the number"
    assert polarity(s + " of children entering care.", "Strength" + LEAN) == "Strength"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # leaders who need help to lead are a fault; people who need help have a need
        (
            "In my view, the Council's senior leaders also need help to make best use of such"
            " support.",
            "Weakness",
        ),
        (
            "Firstly, the council leadership needs direct and intensive support to drive better"
            " scrutiny, understanding and leadership of children's social care.",
            "Weakness",
        ),
        ("Families who need help receive it quickly.", "Strength"),
    ],
)
def test_leaders_who_need_help(sentence, expected):
    assert polarity(sentence) == expected


def test_no_priority_areas_for_action_is_praise():
    # the cabinet report on the 2019 focused visit
    assert polarity("No priority areas for action were identified by the inspectors.") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # a fault measure that has come down; posts filled by permanent staff
        "In the last six months our vacancy rate has reduced from 38% to 28%.",
        "Permanent appointments have been made to three of the social care Head of Service roles.",
    ],
)
def test_fewer_vacancies_and_permanent_appointments_are_praise(sentence):
    assert polarity(sentence) == "Strength"


def test_managers_aware_of_the_issues_know_themselves():
    s = (
        "Senior managers are aware of these issues, and the People too proposal was intended to "
        "offer a way forward."
    )
    assert polarity(s) == "Strength"
    assert polarity("Senior managers were not aware of these issues.") == "Weakness"


def test_a_sentence_with_no_cue_word_is_weighed_only_for_a_problem_dealt_with():
    # score() stops early where no cue word matches; a problem dealt with still counts
    assert score("The service meets weekly.") == (0.0, 0.0)
    assert score("The council has addressed the backlog.") == (0.0, 1.0)


@pytest.mark.parametrize(
    "sentence",
    [
        # a fault inspectors looked for and did not find is praise (SIF reports, 2014-17)
        "Inspectors saw no cases where children had entered care inappropriately.",
        "Inspectors did not see any children or young people entering care who should not have"
        " done so.",
        "Inspectors found no cases where children were left at risk.",
        "However, inspectors saw no children whose immediate health needs were not being"
        " addressed due to this delay.",
    ],
)
def test_a_fault_inspectors_saw_no_case_of_is_praise(sentence):
    assert polarity(sentence, "") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # what is not found is a good thing: still a fault
        "There is no evidence of management oversight identifying or challenging these delays.",
        # the fault after the clause that denies one still counts
        "While inspectors did not find any children at risk of immediate harm, initial responses"
        " for children are inconsistent and, at times, too slow.",
    ],
)
def test_a_fault_found_beside_none_seen_is_still_a_fault(sentence):
    assert polarity(sentence, "") == "Weakness"


@pytest.mark.parametrize(
    "sentence",
    [
        # no evidence of a fault is praise (SIF reports and ILACS, national)
        "There is no evidence of significant drift or delay.",
        "Inspectors found no evidence of children being harmed as a result of these delays.",
        "The inspection found no evidence of children entering the care system unnecessarily.",
        "Inspectors saw no evidence of children being looked after who did not need to be.",
        "Although most children come into care in an unplanned way, inspectors found no evidence"
        " of children becoming looked after who should not have been.",
        "There is no evidence that the length of time taken has impacted negatively on the"
        " children involved and careful support and planning is evident in these cases.",
    ],
)
def test_no_evidence_of_a_fault_is_praise(sentence):
    assert polarity(sentence, "") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # what is not evidenced is a good thing, or the fault is dealt with, passed on or a
        # reason: still a fault
        "There is no evidence of management oversight on case files.",
        "In some cases, visits have taken place but there is no evidence of the work undertaken"
        " because recording was not up to date on children’s files.",
        "There was no evidence that the significant concerns about practice were being shared"
        " with the Safeguarding Children Board.",
        "There is no evidence that managers are giving direction to social workers and holding"
        " them to account for poor practice.",
        "However, there is no evidence that holding the partnership to account and raising these"
        " concerns is having any impact on improving the number of notifications.",
        "There is no evidence of drift, but plans are weak.",
    ],
)
def test_no_evidence_of_a_good_thing_is_still_a_fault(sentence):
    assert polarity(sentence, "") == "Weakness"


@pytest.mark.parametrize(
    "sentence",
    [
        # how people are, in a later "when" or "if" clause, is the circumstance of what is done
        # for them (national, 2014-25)
        "Care leavers are offered emotional support by their PAs when they are concerned about"
        " their health and encouraged to attend relevant appointments.",
        "Children swiftly move into permanent homes if they are unable to live safely with their"
        " birth parents.",
        "Practical support is provided when young people feel anxious or uncertain about"
        " attending appointments.",
        "Care leavers know how to make complaints and have access to managers if they are"
        " unhappy about the support being provided.",
    ],
)
def test_how_people_are_when_they_are_helped_is_no_fault(sentence):
    # (praise only where other words say so; in a report, the text around it weighs too)
    assert polarity(sentence, "") != "Weakness"
    assert score(sentence)[0] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        # the clause ends at the main clause's verb, and what is not done for them is a fault
        "The threshold for escalating concerns when children have been subjected to chronic"
        " neglect is too high.",
        "However, the quality of return home interviews when children have been missing is too"
        " variable.",
        "However, in some cases seen securing the permanence of children when they are not able"
        " to return to their family home was delayed.",
        "Young people who leave care when they are old enough do not always receive the help"
        " that they need to live on their own.",
        "For many children and young people there continues to be work outstanding from periods"
        " when they have not been properly supported by the local authority.",
    ],
)
def test_a_fault_beside_how_people_are_is_still_a_fault(sentence):
    assert polarity(sentence, "") == "Weakness"


@pytest.mark.parametrize(
    "sentence",
    [
        # a service or tool not used as much as it should be (SIF reports, 2014-17)
        "Escalation processes are underused.",
        "Advocacy and independent visitors are under-used, and so some children miss out on these"
        " opportunities to have their voices heard and understood.",
        "Use of feedback from children and families to inform service development is"
        " underutilised.",
    ],
)
def test_what_is_underused_is_a_fault(sentence):
    assert polarity(sentence, "") == "Weakness"


def test_unduly_is_too_much():
    # more than is right is a fault, praise after it too; not waiting unduly is no fault
    s = (
        "Case audits completed by the authority for the purposes of the inspection had, in some"
        " instances, an unduly positive view of the case."
    )
    assert polarity(s, "") == "Weakness"
    s = (
        "Specialist roles within the virtual school mean that children do not wait unduly to"
        " access speech and language assessments."
    )
    assert polarity(s, "") == "Strength"
    s = "There is no evidence that the shortage of in-house carers is unduly impacting on children."
    assert polarity(s, "") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # praise of a minority is a fault of the rest (national, 2014-25)
        "A minority of children have their wishes and feelings well understood and recorded"
        " because of good direct work.",
        "Only a very small minority of cases demonstrate effective and timely decision making.",
        "Only a third of referrals are responded to in a timely way.",
        "Only one of the three teams that are working with children looked after is routinely"
        " ensuring that young people have a pathway plan.",
        # a sentence that goes on from a fault
        "Nor is there identification of thematic issues.",
        "Nor have they had their education, physical and emotional health needs met.",
    ],
)
def test_praise_of_a_few_and_a_sentence_going_on_from_a_fault_are_faults(sentence):
    assert polarity(sentence, "") == "Weakness"


def test_a_small_number_may_be_all_there_are():
    s = "A small number of children have been successfully reunified with their families."
    assert polarity(s, "") == "Strength"


def test_leaders_aware_of_the_strengths_and_the_areas_for_development_know_their_service():
    s = (
        "As a result, leaders in the council are aware of the existing strengths and the areas"
        " for development that remain."
    )
    assert polarity(s, "") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # plain praise the cue words missed (national, 2014-25)
        "The plans make a real difference to the lives of children and their adoptive carers.",
        "Care leavers can readily access key documents such as passports and birth certificates.",
        "Chairs of child protection conferences actively engage families in the child protection"
        " process.",
        "Children and young people looked after actively participate in the corporate parenting"
        " board.",
    ],
)
def test_plain_praise(sentence):
    assert polarity(sentence, "") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # what would make a difference is wanted, not found
        "This could make a real difference.",
        "Not all children currently benefit from timely interventions that make a difference to"
        " their lives.",
    ],
)
def test_a_difference_wanted_is_no_praise(sentence):
    assert polarity(sentence, "") != "Strength"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # longer than it should be is a fault, not longer than it should be no fault
        (
            "This means that some children have remained in care for longer than necessary.",
            "Weakness",
        ),
        (
            "At a duration of 34 weeks, care proceedings in Northumberland take considerably longer"
            " than the expected average of 26 weeks.",
            "Weakness",
        ),
        ("Children do not remain in care any longer than is needed.", "Strength"),
        (
            "As a result, children are not subject to ‘higher level’ processes longer than is"
            " required.",
            "Strength",
        ),
        # wide variation is a fault
        (
            "Nevertheless, care leavers report significant variations in the quality of support"
            " that they receive from personal advisers.",
            "Weakness",
        ),
        # too high to do good work: the good work is not done
        (
            "This situation is improving, but caseloads remain too high for many social workers to"
            " do effective work with children and their families.",
            "Weakness",
        ),
        # what is held back is not done
        (
            "While action has been taken in response to the recommendations made at the time of"
            " the last inspection, progress in improving practice and driving better outcomes for"
            " children has been hampered by high turnover of both managers and social workers.",
            "Weakness",
        ),
        # a need in an opening concession wants only what that clause names
        (
            "While further work is needed to strengthen the consistency of supervision in some"
            " teams, there is a substantial improvement from a low base at the last inspection.",
            "Strength",
        ),
        (
            "While a regular newsletter to staff from the DCS does refer to some learning"
            " identified, much more needs to be done to show how findings inform training.",
            "Weakness",
        ),
    ],
)
def test_delay_variation_and_concessions(sentence, expected):
    assert polarity(sentence, "") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a tool's name judges nothing
        ("Strengths and difficulties questionnaires (SDQs) are completed for all children.", None),
        # a problem made smaller is praise; not where it is not done or only aimed at
        ("There has been a significant reduction in inappropriate referrals.", "Strength"),
        ("There has also been a reduction in staff turnover.", "Strength"),
        (
            "Effective quality assurance work has contributed to the reduction in inadequate"
            " practice.",
            "Strength",
        ),
        (
            "Partners work well together but do not routinely collate and analyse data on the"
            " identification, assessment and reduction of risks.",
            "Weakness",
        ),
        ("The reduction in number of social work vacancies is to be commended.", "Strength"),
        # the understated fault
        ("Some of these children might have benefited from a foster placement.", "Weakness"),
        ("Progress is very much dependent on the individual social worker.", "Weakness"),
        (
            "The local authority’s approach to performance management is still a work in progress.",
            "Weakness",
        ),
        (
            "While care leavers have a level of priority for district council tenancies, they"
            " sometimes still have to wait between four and eight months.",
            "Weakness",
        ),
    ],
)
def test_names_reductions_and_understatement(sentence, expected):
    if expected is None:
        assert score(sentence) == (0.0, 0.0)
    else:
        assert polarity(sentence, "") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # praise in the subject of what is found slow or variable is not found
        (
            "Progress in developing an effective early help service in collaboration with partner"
            " agencies has been too slow.",
            "Weakness",
        ),
        ("Progress in improving these discrete areas of practice has been limited.", "Weakness"),
        # not where a clause within says it of its own subject
        (
            "Children are increasingly benefiting from a direct focus on the impact of neglect, and"
            " social workers challenge parents appropriately when progress is too slow.",
            "Strength",
        ),
        (
            "Assisted by a comprehensive permanence tracker tool, senior leaders have a clear"
            " overview of cases that are slow to progress or that get stuck.",
            "Strength",
        ),
    ],
)
def test_praise_found_slow(sentence, expected):
    assert polarity(sentence, "") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # praise the cue words missed (national readings)
        "Particular attention is paid to sibling attachment.",
        "They keep a close eye on children’s welfare and visit children at home when necessary.",
        "Thresholds for action are set at the right level.",
        "Forty adopters have undertaken therapeutic parenting training and have reported feeling"
        " more confident as a result.",
    ],
)
def test_more_plain_praise(sentence):
    assert polarity(sentence, "") == "Strength"


def test_a_problem_being_rectified_is_no_fault():
    s = "Leaders have brought in additional staffing capacity, which is rectifying this problem."
    assert score(s)[0] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        # work beginning to pay off is praise (national readings)
        "The local authority has begun to tackle the significant pressures that have affected"
        " practice for children and their families.",
        "A lot of time, energy and resources went into setting up the company arrangement, but"
        " this is beginning to deliver results.",
        "The new Chair has introduced more of a challenge culture between partners and this is"
        " starting to take effect.",
    ],
)
def test_work_beginning_to_pay_off(sentence):
    assert polarity(sentence, "") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # "not only" negates nothing
        "Visits to children are not only regular but sensitively increased when children need a"
        " closer presence.",
        "Since the last inspection, leaders, managers and practitioners have not only sustained"
        " outstanding services but have raised the bar even higher.",
    ],
)
def test_not_only_is_no_negation(sentence):
    assert polarity(sentence, "") == "Strength"


@pytest.mark.parametrize(
    "sentence",
    [
        # the opening and the copy line of the 2020-21 focused visit letters
        "Her Majesty’s Chief Inspector of Education, Children’s Services and Skills is leading"
        " Ofsted’s work into how England’s social care system has delivered child-centred practice"
        " and care within the context of the restrictions placed on society during the COVID-19"
        " (coronavirus) pandemic.",
        "The lead inspector and the strategic director of people services agreed arrangements to"
        " deliver this visit effectively while working within national and local guidelines.",
        "I am copying this letter to Andy Couldrick, Chief Executive, Birmingham Children’s Trust.",
    ],
)
def test_letter_furniture_is_procedure(sentence):
    assert cues().procedural.search(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Care leavers are made aware of their rights and entitlements.", "Strength"),
        ("Care leavers are not informed of their rights and entitlements.", "Weakness"),
        ("Staff take pride in their work.", "Strength"),
        ("Supervision could evidence greater challenge.", "Weakness"),
        ("Some risks remain unaddressed.", "Weakness"),
    ],
)
def test_rights_pride_and_soft_criticism(sentence, expected):
    assert polarity(sentence, "") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # recent reports' praise and faults in words the cues missed (ILACS 2023-26)
        ("Social workers are professionally curious.", "Strength"),
        (
            "PAs are persistent, kind, and visit care leavers at a frequency that meets their"
            " needs.",
            "Strength",
        ),
        (
            "Parents who spoke to inspectors were unanimously positive about the help that they"
            " receive from early help practitioners.",
            "Strength",
        ),
        (
            "Foster carers receive a high level of support from their supervising social workers.",
            "Strength",
        ),
        ("They describe leaders as engaged and moving in the right direction.", "Strength"),
        ("Plans have drifted for a small number of children in pre-proceedings.", "Weakness"),
        (
            "Audit activity is completed without social worker involvement and is descriptive"
            " rather than evaluative, focusing on compliance.",
            "Weakness",
        ),
        # not a high level of what is needed, nor of care proceedings
        ("Frome Foyer has 12 beds for those in need of high levels of support.", "Neutral"),
    ],
)
def test_recent_reports_words(sentence, expected):
    assert polarity(sentence, "") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The report was published on 5 March 2019.", True),
        ("The final report will be published on the Ofsted website.", True),
        # ... but not one that goes on to say what the report found (Medway 2019: Kent Police's
        # inspection by HMICFRS)
        (
            "The report was published in September and described a number of strengths "
            "including good governance and oversight of child protection work.",
            False,
        ),
    ],
)
def test_a_report_published_is_procedure_unless_it_says_what_it_found(sentence, expected):
    assert bool(cues().procedural_sentences.search(sentence)) is expected
