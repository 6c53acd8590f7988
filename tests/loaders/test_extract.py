"""Extraction: corpus fragments, evidence integrity, determinism, another council."""

import hashlib
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cskg.loaders.extract import (
    _overlap_prefix,
    _pick,
    _restated,
    _restatement_groups,
    content_words,
    extract_document,
    merge,
    restated,
)
from cskg.loaders.judgements import is_grade_row
from cskg.loaders.records import Assessment, Document, Excerpt, Extraction, Finding
from cskg.loaders.segment import clean, segment

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
OTHER = ROOT / "tests" / "fixtures" / "other_council"


def _doc(
    text, doc_id="d", doc_type="commissioner report", date="2019-12", council="Medway", keys=()
):
    return Document(
        id=doc_id,
        path=f"corpus/{doc_id}.txt",
        title="",
        doc_type=doc_type,
        date=date,
        publisher="",
        council=council,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        assessment_keys=tuple(keys),
    )


def _manifest():
    man = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    seeds = [
        Assessment(
            key=k,
            label=v["label"],
            kind=v["kind"],
            year=v["year"],
            conducted_by=v["conducted_by"],
            local_authority=man["council"],
            start_date=str(v["start"]) if v.get("start") else None,
            end_date=str(v["end"]) if v.get("end") else None,
        )
        for k, v in man["assessments"].items()
    ]
    docs = []
    for d in man["documents"]:
        text = (CORPUS / d["file"]).read_text(encoding="utf-8")
        docs.append(
            _doc(text, d["id"], d["type"], str(d["date"]), man["council"], d["assessments"])
        )
    return seeds, docs


@pytest.fixture(scope="module")
def corpus():
    seeds, docs = _manifest()
    parts = [extract_document(d, seeds) for d in docs]
    return seeds, docs, parts, merge(parts)


def _finding(x: Extraction, words: str):
    hits = [f for f in x.findings if words.lower() in f.text.lower()]
    assert hits, words
    return hits[0]


# (fragment of a corpus document, words of the finding, year, polarity)
FINDINGS = [
    # a lead-in naming the improvement notices governs the bullets that follow it
    (
        "7. Background\n\n2013-2015\n\nAn improvement notice was issued in July 2013. "
        "The Improvement Notices go into considerable detail. At that time, the key issues were "
        "in respect of:\n\n- the need to fully implement and embed the new early help strategy\n"
        "- Ensure effective leadership, scrutiny and challenge continue direct and shape "
        "services.\n",
        "embed the new early help strategy",
        2013,
        "Weakness",
    ),
    # a heading naming an assessment and a date governs its section
    (
        "c. LGA Safeguarding Practice Diagnostic 20 – 22 March 2018\n\nThey were positive about "
        "the functioning of the front door which they found to be effective.\n",
        "functioning of the front door",
        2018,
        "Strength",
    ),
    # "highlighted in inspections since 2015" points to 2015
    (
        "Ofsted inspection of services September 2015\n\nThe overall judgement was 'requires "
        "improvement to be good.'\n\nExecutive summary\n\nThe lack of a clear early help strategy "
        "has been highlighted in inspections since 2015.\n",
        "lack of a clear early help strategy",
        2015,
        "Weakness",
    ),
    # the commissioner's own view keeps the document's year, even after "Since 2015"
    (
        "Executive summary\n\nSince 2015 there has been a series of changes in management with "
        "too many posts covered for long periods of time by interim or acting up arrangements.\n",
        "too many posts covered",
        2019,
        "Weakness",
    ),
    # negation: "not consistently effective" is a weakness
    (
        "d. Joint targeted area inspection of the multi-agency response to domestic abuse June "
        "2018\n\nMulti-agency working in Medway is not consistently effective in ensuring that "
        "the right children receive the right services quickly enough.\n",
        "not consistently effective",
        2018,
        "Weakness",
    ),
    # contrast: the clause after "but" decides
    (
        "9. Ofsted inspection of children's services July 2019\n\nIn summary the key findings "
        "were:\n\n- Responses to referrals at the MASH were appropriate, but then there was too "
        "much delay in progressing cases\n",
        "too much delay",
        2019,
        "Weakness",
    ),
]


@pytest.mark.parametrize(("text", "words", "year", "pol"), FINDINGS)
def test_findings(text, words, year, pol):
    f = _finding(extract_document(_doc(text), []), words)
    assert (f.year, f.polarity) == (year, pol)


@pytest.mark.parametrize(
    "text",
    [
        "A meeting of the Cabinet will be held on:\n\nDate: 5 March 2019\n",
        "Author: Sue Brunton-Reed, Head of Special Projects and Improvement\n",
        "1. Recommendation\n\n1.1. The Cabinet is asked to note the report.\n",
        "You may reuse this information (not including logos) free of charge in any format.\n",
        "This report provides a summary of the findings of the inspection.\n",
    ],
)
def test_procedural_text_is_no_finding(text):
    assert extract_document(_doc(text, doc_type="cabinet report"), []).findings == ()


FINANCE = (
    "- 9.1. Improving Children's Services has created additional budget pressures and "
    "additional funding has been made available to the service since 2020 through the "
    "budget build process and the improvement action plan.\n"
)


@pytest.mark.parametrize(
    ("heading", "found"),
    [
        # a council report's closing sections are about the decision, not an assessment
        ("## 9. Financial implications", False),
        ("## 10. Legal implications", False),
        ("## 11. Climate change implications", False),
        ("## 12. Equalities", False),
        ("## 8. Consultation", False),
        # the same sentence under a section that reports findings is one
        ("## 4. Background", True),
    ],
)
def test_procedural_sections_yield_no_findings(heading, found):
    x = extract_document(_doc(f"{heading}\n\n{FINANCE}", doc_type="cabinet report"), [])
    assert bool(x.findings) is found


MINUTES = (
    "Members then raised a number of comments and questions, which included:\n\n\n"
    "·       Evidence of progress – comments were expressed of the need for clearer evidence "
    "to demonstrate progress and outcomes.  In response the Director confirmed that measuring "
    "impact was a focus of the Improvement Board also.\n\n\n"
    "·       Impact of Covid-19 – in response to a query about how the pandemic had impacted on "
    "the improvement journey, the Director commented that the pandemic had resulted in some "
    "impact to the trajectory of the progress but that continued momentum was being maintained, "
    "which had been recognised by Ofsted.  He also stated that through the lockdown the Council "
    "had worked closely with schools and built a strengthened relationship with them that would "
    "be continued going forward.\n"
)


def test_minutes_keep_what_was_found_not_what_was_asked():
    x = extract_document(_doc(MINUTES, doc_type="committee minutes", date="2020"), [])
    texts = [f.text for f in x.findings]
    assert not [t for t in texts if "comments were expressed" in t]
    assert any(t.startswith("He also stated that through the lockdown") for t in texts)
    # the reply a question draws is the Director's account of the service
    reply = [f for f in x.findings if "continued momentum was being maintained" in f.text]
    assert [f.polarity for f in reply] == ["Strength"]
    # what was only confirmed to be a focus judges nothing
    assert not [t for t in texts if "measuring impact was a focus" in t]


def test_statement_of_intent_is_no_finding():
    text = (
        "12. Current service issues and performance\n\nThere a number of additional points "
        "that must be tackled:\n\n1. Numbers of referrals, and of children subject to child "
        "protection plans have risen in the past few months. It is important for the service "
        "to assure itself that decision making and the application of thresholds is "
        "consistent and appropriate. Improved auditing will assist with this\n"
    )
    texts = [f.text for f in extract_document(_doc(text), []).findings]
    assert "Improved auditing will assist with this" not in texts
    assert any(t.startswith("It is important for the service") for t in texts)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a report quotes an inspection, leaving a clause out
        (
            "Services for children and families in Medway have substantially improved since the "
            "inspection in 2019.",
            "Services for children and families in Medway have substantially improved since the "
            "inspection in 2019, when they were judged to be inadequate.",
            True,
        ),
        # ... or changing the tense, or a word
        (
            "In most cases, children and their families now receive a timely and proportionate "
            "response to their needs.",
            "In most cases, children and their families received a timely and proportionate "
            "response to their needs.",
            True,
        ),
        (
            "There have been improvements for children in care and care leavers, who now receive "
            "good care and support.",
            "There have also been improvements for children in care and care leavers, who now "
            "receive good care and support.",
            True,
        ),
        # the same frame about another group of children is another finding
        (
            "The experiences and progress of children in care: Good",
            "The experiences and progress of care leavers: Good",
            False,
        ),
        # a short statement inside a much longer one is not a restatement of it
        (
            "There has been significant investment and commitment by leaders.",
            "There has been significant investment and commitment by leaders and the new corporate "
            "and political leadership have given their ongoing commitment and support to the "
            "continual improvement journey of children's services.",
            False,
        ),
        # negation is content
        (
            "Management oversight of practice is consistently effective in all teams.",
            "Management oversight of practice is not consistently effective in all teams.",
            False,
        ),
    ],
)
def test_restated(a, b, expected):
    assert restated(a, b) is expected
    assert restated(b, a) is expected


CABINET_2023 = (
    "4.4. Key findings:\n"
    "- Variability remains in the quality and impact of social work practice, specifically in "
    "the longer-term support provided to adolescents, and those at risk of exploitation.\n"
)
OFSTED_2023 = (
    "Variability remains in the quality and impact of social work practice, specifically in the "
    "longer-term support provided to adolescents, those at risk of exploitation, and disabled "
    "children and their families. Leaders know this and are continually striving to establish "
    "and deliver greater consistency.\n"
)


def test_restated_finding_is_one_finding_with_an_excerpt_from_each():
    seed = Assessment(
        key="ofsted-ilacs-2023",
        label="Ofsted inspection, July 2023",
        kind="inspection",
        year=2023,
        conducted_by="ofsted",
        local_authority="Medway",
    )
    docs = [
        _doc(CABINET_2023, "cabinet", "cabinet report", "2023-09-26", keys=[seed.key]),
        _doc(OFSTED_2023, "ofsted", "inspection report", "2023-09-11", keys=[seed.key]),
    ]
    parts = [extract_document(d, [seed]) for d in docs]
    x = merge(parts)
    assert merge(list(reversed(parts))) == x
    hits = [f for f in x.findings if f.text.startswith("Variability remains")]
    assert len(hits) == 1
    f = hits[0]
    # the inspection's own words speak for it; the cabinet report's restatement is evidence too
    assert f.text.endswith("and disabled children and their families.")
    assert (f.year, f.polarity) == (2023, "Weakness")
    assert {x.assessment for x in parts[0].findings + parts[1].findings} == {f.assessment}
    assert sorted(e.doc_id for e in f.excerpts) == ["cabinet", "ofsted"]
    texts = {d.id: d.text for d in docs}
    for e in f.excerpts:
        assert texts[e.doc_id][e.start : e.end] == e.quote
        assert e.quote.startswith("Variability remains")


def test_restatement_needs_the_same_assessment_and_polarity():
    seeds = [
        Assessment(
            key=k,
            label=k,
            kind="inspection",
            year=y,
            conducted_by="ofsted",
            local_authority="Medway",
        )
        for k, y in (("ofsted-ilacs-2019", 2019), ("ofsted-ilacs-2023", 2023))
    ]
    docs = [
        _doc(CABINET_2023, "cabinet", "cabinet report", "2023-09-26", keys=["ofsted-ilacs-2019"]),
        _doc(OFSTED_2023, "ofsted", "inspection report", "2023-09-11", keys=["ofsted-ilacs-2023"]),
    ]
    x = merge([extract_document(d, seeds) for d in docs])
    hits = [f for f in x.findings if f.text.startswith("Variability remains")]
    assert len(hits) == 2


def _restatement_groups_all_pairs(groups):
    """The reference: :func:`_restatement_groups` comparing every pair of an assessment's."""
    reps = [g[0] for g in groups]
    words = [content_words(f.text) for f in reps]
    sets = [set(w) for w in words]
    docs = [{e.doc_id for f in g for e in f.excerpts} for g in groups]
    pols = [_pick([f.polarity for f in g]) for g in groups]
    parent = list(range(len(groups)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_assessment = {}
    for i, f in enumerate(reps):
        by_assessment.setdefault(f.assessment, []).append(i)
    for idx in by_assessment.values():
        for n, i in enumerate(idx):
            for j in idx[n + 1 :]:
                if docs[i] & docs[j] or pols[i] != pols[j]:
                    continue
                if _restated(words[i], sets[i], words[j], sets[j]):
                    parent[root(i)] = root(j)
    joined = {}
    for i, g in enumerate(groups):
        joined.setdefault(root(i), []).extend(g)
    return list(joined.values())


# a small vocabulary, so that overlaps and contained statements are frequent: content words,
# endings that fold ("receive", "received"), negations, function words and a lone letter
_WORDS = (
    "leaders",
    "know",
    "practice",
    "quality",
    "children",
    "care",
    "plans",
    "timely",
    "receive",
    "received",
    "2019",
    "not",
    "no",
    "without",
    "the",
    "of",
    "x",
)


@st.composite
def _finding_groups(draw):
    """Groups of findings as merge makes them: two assessments, a few documents and polarities,
    each group's text one of a few sentences with words dropped, inserted or replaced."""
    sentences = draw(
        st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=20), min_size=1, max_size=3)
    )
    # drop a run of words (a contained statement), or insert or replace one word
    edit = st.tuples(
        st.sampled_from(("drop", "insert", "replace")),
        st.integers(0, 16),
        st.integers(1, 6),
        st.sampled_from(_WORDS),
    )
    groups = []
    for _ in range(draw(st.integers(0, 14))):
        words = list(draw(st.sampled_from(sentences)))
        for how, at, run, word in draw(st.lists(edit, max_size=3)):
            at = min(at, len(words))
            if how == "drop":
                del words[at : at + run]
            elif how == "insert":
                words.insert(at, word)
            else:
                words[at : at + 1] = [word]
        text = " ".join(words) + "."
        assessment = draw(st.sampled_from(("a1", "a2")))
        groups.append(
            [
                Finding(
                    text,
                    assessment,
                    2019,
                    draw(st.sampled_from(("Strength", "Weakness", ""))),
                    tuple(
                        Excerpt(d, 0, 1, "x")
                        for d in draw(
                            st.lists(
                                st.sampled_from(("d1", "d2", "d3", "d4")), min_size=1, max_size=2
                            )
                        )
                    ),
                )
                for _ in range(draw(st.integers(1, 2)))
            ]
        )
    return groups


def _partition(groups):
    return sorted(sorted(map(repr, g)) for g in groups)


def _group(text, doc, polarity="Weakness", assessment="a1"):
    return [Finding(text, assessment, 2019, polarity, (Excerpt(doc, 0, 1, "x"),))]


@settings(max_examples=400, deadline=None)
@given(_finding_groups(), st.randoms(use_true_random=False))
# the same negations, in other places: a restatement
@example(
    [
        _group("Not all leaders know practice quality.", "d1"),
        _group("All leaders do not know practice quality.", "d2"),
        _group("All leaders know practice quality.", "d3"),
    ],
    random.Random(0),
)
def test_restatement_groups_are_those_of_comparing_every_pair(groups, rnd):
    joined = _restatement_groups(groups)
    assert joined == _restatement_groups_all_pairs(groups)
    assert _partition(_restatement_groups(rnd.sample(groups, len(groups)))) == _partition(joined)


def test_statements_restating_by_overlap_share_a_word_among_their_rarest():
    """The bound _restatement_groups relies on, at its worst: when the words only one of two
    statements has ("a…", "b…") come before all the words they share ("s…"), two statements
    restating each other by overlap (shared words in another order, so neither lies within
    the other) still share a word among the first _overlap_prefix words of each."""
    for common in range(1, 101):
        shared = [f"s{k}" for k in range(common)]
        for a in range(21):
            for b in range(21):
                x = tuple(shared + [f"a{k}" for k in range(a)])
                y = tuple(shared[::-1] + [f"b{k}" for k in range(b)])
                if _restated(x, set(x), y, set(y)):
                    # the first shared word comes after the a (b) words only one has
                    assert a < _overlap_prefix(common + a) and b < _overlap_prefix(common + b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The experiences and progress of children in care and care leavers was judged "
            "requires improvement to be good.",
            {
                (
                    "The experiences and progress of children in care",
                    "Requires improvement to be good",
                ),
                ("The experiences and progress of care leavers", "Requires improvement to be good"),
            },
        ),
        (
            "Medway was previously judged inadequate by Ofsted in 2013.",
            {("Overall effectiveness", "Inadequate")},
        ),
        # expected, not awarded
        ("They had expected that the judgement would be requiring improvement to be good.", set()),
        ("Overall effectiveness\tGood\n", {("Overall effectiveness", "Good")}),
        # a grade and an area wrapped across a PDF's lines
        (
            "The experiences and progress of children who need help and\nprotection were "
            "judged to be requires\nimprovement to be good.",
            {
                (
                    "The experiences and progress of children who need help and protection",
                    "Requires improvement to be good",
                )
            },
        ),
    ],
)
def test_judgements(text, expected):
    x = extract_document(_doc(text, doc_type="inspection report"), [])
    assert {(j.domain, j.grade) for j in x.judgements} == expected


def test_earlier_grade_belongs_to_earlier_inspection():
    text = (
        "Inspection of Medway local authority children's services\n\nInspection dates: 17 "
        "to 28 July 2023\n\nServices have improved since the inspection in 2019, when they "
        "were judged to be inadequate.\n"
    )
    x = extract_document(_doc(text, doc_type="inspection report", date="2023-09"), [])
    assert {(j.assessment, j.grade) for j in x.judgements} == {
        ("medway-inspection-2019", "Inadequate")
    }
    # the sentence finds improvement now; its clause is the grade 2019 gave, 2019's finding
    assert {(f.text, f.year, f.polarity) for f in x.findings} == {
        (
            "Services have improved since the inspection in 2019, when they were judged to be "
            "inadequate.",
            2023,
            "Strength",
        ),
        ("when they were judged to be inadequate", 2019, "Weakness"),
    }
    clause = next(f for f in x.findings if f.year == 2019).excerpts[0]
    assert text[clause.start : clause.end] == clause.quote
    assert clause.quote == "when they were judged to be inadequate"


@pytest.mark.parametrize(
    ("sentence", "clause", "year", "polarity"),
    [
        # Bury 2025: no verb of judging, and the sentence leans by what follows "since"
        (
            "Services for children and families in Bury have improved since the last "
            "inspection in 2021, when the overall effectiveness was inadequate.",
            "when the overall effectiveness was inadequate",
            2021,
            "Weakness",
        ),
        # Rochdale 2023: the grade wrapped across the PDF's lines
        (
            "Since the last inspection in 2018, when children’s services were judged to be "
            "requires \nimprovement to be good overall, the local authority has not made "
            "sufficient progress in addressing the inconsistent quality of social work practice.",
            "when children’s services were judged to be requires \nimprovement to be good overall",
            2018,
            "Weakness",
        ),
        (
            "Since the last inspection in 2018, when children’s services in Essex were judged to "
            "be outstanding overall, the quality of services has been further strengthened.",
            "when children’s services in Essex were judged to be outstanding overall",
            2018,
            "Strength",
        ),
    ],
)
def test_an_earlier_grade_in_a_clause_is_that_assessments_finding(sentence, clause, year, polarity):
    text = f"Inspection of Bury local authority children's services\n\nSummary\n\n{sentence}\n"
    x = extract_document(_doc(text, doc_type="inspection report", date="2024-06"), [])
    now = _finding(x, sentence[:40])
    assert now.year == 2024
    assert now.polarity == ("Weakness" if "not made" in sentence else "Strength")
    then = [f for f in x.findings if f.year == year]
    assert [(f.excerpts[0].quote, f.polarity) for f in then] == [(clause, polarity)]
    e = then[0].excerpts[0]
    assert text[e.start : e.end] == e.quote


@pytest.mark.parametrize(
    "sentence",
    [
        # no grade in the clause
        "Services have improved since the inspection in 2019, when too many children came into "
        "care in an emergency.",
        # no year: which inspection is not said
        "Services have improved since the last inspection, when they were judged inadequate.",
        # what was done since, not the grade then
        "Leaders have acted on the focused visit in 2022, which found areas for priority action.",
        # a grade denied
        "Services have improved since the inspection in 2019, when no areas were judged to be "
        "inadequate.",
        # the clause names an assessment itself: this one
        "Practice has improved since the inspection in 2019, where decisions were judged to be "
        "good during this inspection.",
        # a focused visit awards no grade
        "Services have improved since the focused visit in 2021, when they were judged to be good.",
        # the assessment named long before the clause is not what its "when" refers to
        "Services have improved since the inspection in 2019 and the many changes of leadership "
        "and of social workers that followed, when they were judged to be good.",
    ],
)
def test_no_earlier_grade_finding_without_a_grade_and_a_dated_assessment(sentence):
    text = f"Inspection of Bury local authority children's services\n\nSummary\n\n{sentence}\n"
    x = extract_document(_doc(text, doc_type="inspection report", date="2024-06"), [])
    assert {f.year for f in x.findings} <= {2024}


@pytest.mark.parametrize(
    ("text", "words", "who", "due"),
    [
        (
            "4.6. Next Steps\n\n- Ofsted will return to Medway to do a focused visit in a year.\n",
            "Ofsted will return",
            "ofsted",
            "in a year",
        ),
        (
            "19. Recommendations\n\n4. Recruitment to the two Assistant Director roles must "
            "proceed "
            "rapidly to secure robust leadership.\n",
            "Recruitment to the two",
            "medway-council",
            None,
        ),
        (
            "The Committee noted the report and requested a report on the Edge of Care Services.",
            "requested a report",
            "medway-overview-and-scrutiny-committee",
            None,
        ),
    ],
)
def test_actions(text, words, who, due):
    x = extract_document(_doc(text), [])
    a = next(a for a in x.actions if words in a.text)
    assert (a.responsible, a.due) == (who, due)
    assert a.responsible in {g.key for g in x.agents}


def _who(x: Extraction, words: str) -> str | None:
    hits = [a.responsible for a in x.actions if words in a.text]
    return hits[0] if hits else None


def test_items_of_a_lead_in_that_sets_out_things_to_do_are_actions():
    commissioner = "post:childrens-services-commissioner-for-medway"
    text = (
        "2. Terms of reference\n\nThe Direction appointed me as Commissioner, requiring me:\n\n"
        "- a) To issue any necessary instructions to the local authority for the purpose of "
        "securing immediate improvement.\n"
        "- b) To report to the Minister of State for Children and Families by 1 December 2019.\n"
        "\nThe areas they recommended Medway focussed on were:\n\n"
        "- Embedding the structure and concentrating on improving basic practice and culture\n"
        "- Ensuring a consistent and structured approach to induction procedures\n"
        "\nAt that time, the key issues were in respect of:\n\n"
        "- the quality and consistency of assessments and child protection plans\n"
    )
    x = extract_document(_doc(text), [])
    assert _who(x, "To issue any necessary") == commissioner
    assert _who(x, "To report to the Minister") == commissioner
    assert _who(x, "Embedding the structure") == "medway-council"
    assert _who(x, "Ensuring a consistent") == "medway-council"
    assert _who(x, "the quality and consistency") is None  # what was wrong, not what to do
    # the same words in a council's report: "me" is nobody, so the council's
    x = extract_document(_doc(text, doc_type="cabinet report"), [])
    assert _who(x, "To report to the Minister") == "medway-council"


def test_a_pronoun_acts_for_whom_the_sentence_before_names():
    text = (
        "The Medway Safeguarding Partnership (MSCP) was set up in September. "
        "The partnership will over-see the work of a number of sub-groups. In addition, they "
        "intend holding a wider partnership leadership event twice a year.\n\n"
        "- Children's Services will continue to embed improvements, and prioritise the areas "
        "identified by Ofsted.\n"
        "- They will work closely with HR colleagues to build a stable workforce.\n"
    )
    x = extract_document(_doc(text, doc_type="cabinet report", date="2023-09"), [])
    assert _who(x, "they intend holding") == "medway-safeguarding-partnership"
    # within its own item, not the item before it ("Ofsted will return …")
    assert _who(x, "They will work closely") == "medway-council"


def test_he_or_she_after_an_opening_phrase_acts_for_whom_the_sentence_before_names():
    text = (
        "The Leader has retained the finance portfolio. Given the relative inexperience of the "
        "lead member, he needs to ensure that she is supported to fully focus on children.\n"
    )
    x = extract_document(_doc(text), [])
    assert _who(x, "he needs to ensure") == "post:leader-of-medway-council"


def test_the_board_is_the_one_the_text_is_about():
    text = (
        "The Improvement Board will meet monthly. It met for the first time in October. The "
        "Board must ensure that there is sufficient pace in delivering change.\n\n"
        "### The LSCB\n\n"
        "The board's interface with the family justice board and the corporate parenting "
        "board still needs to be formalised.\n\n"
        "Recommendations\n\n"
        "- The board should strengthen its case file audit programme.\n"
    )
    x = extract_document(_doc(text, doc_type="cabinet report"), [])
    assert _who(x, "The Board must ensure") == "medway-improvement-board"
    # named by a heading; a board named as an object later does not take its place
    assert _who(x, "strengthen its case file") == "medway-safeguarding-partnership"


def test_the_trust_is_the_childrens_services_trust_named_before():
    # a council that runs its children's services through a trust (Doncaster 2015): "the
    # trust" is that trust once named, not the council; the partnership boards of the 2000s
    # called "the Children's Trust" are no such trust
    text = (
        "Doncaster Children's Services Trust delivers children's social care on behalf of the "
        "council.\n\n"
        "Recommendations\n\n"
        "1. The trust should ensure that all children in need have a plan.\n"
        "2. The council and the trust should monitor the take-up of return interviews.\n"
    )
    x = extract_document(_doc(text, doc_type="inspection report", council="Doncaster"), [])
    assert _who(x, "all children in need") == "doncaster-childrens-services-trust"
    # the two named together: the first, and the other with it
    assert _who(x, "return interviews") == "doncaster-council"
    both = next(a for a in x.actions if "return interviews" in a.text)
    assert both.jointly == ("doncaster-childrens-services-trust",)
    assert {"doncaster-council", "doncaster-childrens-services-trust"} <= {a.key for a in x.agents}
    text = (
        "The Children's Trust and the Health and Wellbeing Board have clear links.\n\n"
        "Recommendations\n\n"
        "1. The trust should ensure that all children in need have a plan.\n"
    )
    x = extract_document(_doc(text, doc_type="inspection report", council="Doncaster"), [])
    assert _who(x, "all children in need") == "doncaster-council"
    # named further into a sentence, and wrapped across a PDF's lines (Slough 2019)
    text = (
        "Significant progress has been made by the council and Slough Children's Services \n"
        "Trust in tackling weaknesses.\n\n"
        "The trust and the council are working to improve accommodation for care leavers.\n"
    )
    x = extract_document(_doc(text, doc_type="inspection report", council="Slough"), [])
    assert _who(x, "accommodation for care leavers") == "slough-childrens-services-trust"


def test_a_boards_part_of_a_report_recommends_to_the_board():
    # the 2014-18 reports: the council's recommendations, then the board's own part with its
    # own "Recommendations", whose items name no subject (Northumberland 2016, Wirral 2016)
    text = (
        "Recommendations\n\n"
        "1. Ensure that the annual report includes an analysis of the quality of plans.\n\n"
        "### Summary for children and young people\n\n"
        "Social workers visit children regularly.\n\n"
        "### The Local Safeguarding Children Board (LSCB)\n\n"
        "The Local Safeguarding Children Board is good.\n\n"
        "### Recommendations\n\n"
        "100. Ensure that the Annual Report 2015−16 includes an analysis of the quality of "
        "multi-agency practice.\n\n"
        "### Inspection findings – the Local Safeguarding Children Board\n\n"
        "103. Improve the attendance at child protection training.\n\n"
        "### Information about this inspection\n\n"
        "Ensure that children see their records.\n"
    )
    x = extract_document(_doc(text, doc_type="inspection report", date="2016-04"), [])
    assert _who(x, "analysis of the quality of plans") == "medway-council"
    assert _who(x, "quality of multi-agency practice") == "medway-safeguarding-partnership"
    assert _who(x, "attendance at child protection") == "medway-safeguarding-partnership"
    # a heading of another kind ends the board's part
    assert _who(x, "children see their records") == "medway-council"


def test_a_boards_part_runs_on_under_its_own_sub_headings():
    # South Tyneside 2017, Southampton 2014: the board's part has an "Executive summary" and
    # topic headings within its recommendations; the report's closing parts end it
    text = (
        "### The Local Safeguarding Children Board (LSCB)\n\n"
        "### Executive summary\n\n"
        "The board is a learning organisation.\n\n"
        "### Recommendations\n\n"
        "90. Ensure that the quality of services for children living out of area is reported.\n\n"
        "### Understanding the quality of practice\n\n"
        "165. Carry out regular case audits to evaluate the quality of practice in all partner "
        "agencies.\n\n"
        "### What the inspection judgements mean\n\n"
        "### The local authority\n\n"
        "Ensure that children see their records.\n"
    )
    x = extract_document(_doc(text, doc_type="inspection report", date="2017-11"), [])
    assert _who(x, "children living out of area") == "medway-safeguarding-partnership"
    assert _who(x, "regular case audits") == "medway-safeguarding-partnership"
    assert _who(x, "children see their records") == "medway-council"


def test_a_heading_naming_a_board_in_passing_opens_no_part():
    # a council paper's or review's section on the partnership, then other topics
    text = (
        "### Medway Safeguarding Children Partnership\n\n"
        "The partnership has agreed a rotating chair.\n\n"
        "### Workforce\n\n"
        "- Ensure that the recruitment strategy is refreshed.\n"
    )
    x = extract_document(_doc(text, doc_type="commissioner report", date="2019-12"), [])
    assert _who(x, "recruitment strategy") == "medway-council"


def test_recommendations_under_topic_sub_headings():
    # Leeds 2015: "Areas for improvement", then the items under topic headings, numbered on;
    # an item opening with a verb of recommending is an action whatever its object
    text = (
        "### Areas for improvement\n\n"
        "### Leadership, Management and Governance\n\n"
        "1. Extend the reach of the outcomes-based accountability approach, so that outcomes "
        "are clearly identified.\n\n"
        "### Help and protection\n\n"
        "5. Improve agency attendance at all initial child protection meetings.\n"
        "6. Support workers visit families in the evening.\n\n"
        "### The local authority’s strengths\n\n"
        "16. Track records show that children are seen quickly.\n"
    )
    x = extract_document(_doc(text, doc_type="inspection report", date="2015-03"), [])
    texts = [a.text for a in x.actions]
    assert any(t.startswith("Extend the reach") for t in texts)
    assert any(t.startswith("Improve agency attendance") for t in texts)
    # a noun that could be a verb, and the part after the list's end
    assert not any(t.startswith(("Support workers", "Track records")) for t in texts)


def test_the_director_is_the_director_the_minutes_named():
    text = (
        "The Director of People – Children and Adult Services introduced the report.\n\n"
        "- Engagement with staff – The Director welcomed the suggestion of organising an "
        "updated staff survey and added that further opportunities for the Committee to engage "
        "with frontline staff would also be explored.\n"
        "- Audits – officers confirmed that this was a focus and would provide more detail on "
        "this in future reports.\n"
    )
    x = extract_document(_doc(text, doc_type="committee minutes", date="2020-09"), [])
    assert _who(x, "welcomed the suggestion") == "post:director-of-people-medway-council"
    assert _who(x, "would provide more detail") == "medway-officers"
    assert {"post:director-of-people-medway-council", "medway-officers"} <= {
        a.key for a in x.agents
    }


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Report from: Dr Lee Anne Farach, Director of People and Deputy Chief  \nExecutive\n",
            "lee-anne-farach",
            "Director of People",
        ),
        (
            "Lead inspector: Amanda Maxwell, His Majesty's Inspector\n",
            "amanda-maxwell",
            "His Majesty's Inspector",
        ),
        (
            "**Report for the Minister by Eleanor Brazil,\nCommissioner for Children's Social "
            "Care\nin Medway**\n",
            "eleanor-brazil",
            "Children's Services Commissioner",
        ),
    ],
)
def test_roles(text, person, role):
    x = extract_document(_doc(text, date="2023"), [])
    assert (person, role) in {(r.agent, r.role) for r in x.roles}


def _all_excerpts(x: Extraction):
    yield from (e for f in x.findings for e in f.excerpts)
    yield from (j.excerpt for j in x.judgements)
    yield from (a.excerpt for a in x.actions)
    yield from (r.excerpt for r in x.roles)
    yield from (f.excerpt for f in x.figures)
    yield from (e for a in x.assessments for e in a.excerpts)


def test_corpus_excerpts_quote_their_documents(corpus):
    _, docs, _, merged = corpus
    texts = {d.id: d.text for d in docs}
    excerpts = list(_all_excerpts(merged))
    assert len(excerpts) > 500
    for e in excerpts:
        assert texts[e.doc_id][e.start : e.end] == e.quote


def test_corpus_records_point_to_known_agents_and_assessments(corpus):
    _, _, _, x = corpus
    agents = {a.key for a in x.agents}
    keys = {a.key for a in x.assessments}
    assert {a.conducted_by for a in x.assessments} <= agents
    assert {a.responsible for a in x.actions} <= agents
    assert {f.assessment for f in x.findings} | {j.assessment for j in x.judgements} <= keys
    assert {r.agent for r in x.roles} <= agents


def test_corpus_assessments_and_keys(corpus):
    _, _, _, x = corpus
    keys = {a.key for a in x.assessments}
    assert {
        "medway-inspection-2019",
        "medway-inspection-2023",
        "medway-focused-visit-2019",
        "medway-improvement-notice-2013",
        "medway-send-inspection-2017",
        "medway-diagnostic-2018",
        "medway-joint-targeted-area-inspection-2018",
        "medway-commissioner-review-2019",
    } <= keys
    by_key = {a.key: a for a in x.assessments}
    assert by_key["medway-inspection-2019"].label.endswith("July 2019")  # the manifest's label
    assert len(by_key["medway-inspection-2023"].reported_in) == 2


def test_merge_is_order_independent(corpus):
    _, _, parts, merged = corpus
    shuffled = list(parts)
    random.Random(7).shuffle(shuffled)
    assert merge(shuffled) == merged
    assert merge(list(reversed(parts))) == merged


def test_extraction_is_deterministic(corpus):
    seeds, docs, parts, _ = corpus
    assert [extract_document(d, seeds) for d in docs] == parts


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "7. Background\n\n",
                "- Quality of assessments was inconsistent\n",
                "The inspection was judged inadequate by Ofsted in 2013. ",
                "Ofsted will return by March 2020.\n\n",
                "Report from: Jo Bloggs, Director of People\n",
                "£7million added. 29%.\n",
                "  ",
                "\f",
                "**bold** ",
                "Leaders must act.\n",
                "’",
                "\t|\t",
            ]
        ),
        max_size=25,
    )
)
def test_excerpts_hold_for_generated_text(parts):
    text = "".join(parts)
    x = extract_document(_doc(text), [])
    for e in _all_excerpts(x):
        assert text[e.start : e.end] == e.quote


def test_another_council_needs_no_code_change():
    """Newham's 2019 ILACS report, as PDF text: no manifest, no council given."""
    text = (OTHER / "newham-ilacs-2019.txt").read_text(encoding="utf-8")
    doc = _doc(text, "newham-ilacs-2019", "inspection report", "2019-04", council="")
    x = extract_document(doc, [])
    assert "newham-inspection-2019" in {a.key for a in x.assessments}
    judged = {(j.assessment, j.domain, j.grade) for j in merge([x]).judgements}
    assert judged == {
        ("newham-inspection-2019", "Overall effectiveness", "Inadequate"),
        (
            "newham-inspection-2019",
            "The impact of leaders on social work practice with children and families",
            "Inadequate",
        ),
        (
            "newham-inspection-2019",
            "The experiences and progress of children who need help and protection",
            "Requires improvement to be good",
        ),
        # a 2019 report grades children in care and care leavers as one area, as printed
        (
            "newham-inspection-2019",
            "The experiences and progress of children in care and care leavers",
            "Inadequate",
        ),
    }
    assert ("dawn-godfrey", "Lead inspector") in {(r.agent, r.role) for r in x.roles}
    assert _finding(x, "Care leavers in Newham receive a poor service").polarity == "Weakness"
    assert _finding(x, "Child protection enquiries appropriately reduce risk").polarity == (
        "Strength"
    )
    assert {f.year for f in x.findings} == {2019}
    for e in _all_excerpts(x):
        assert text[e.start : e.end] == e.quote


def test_pdf_text_headings_give_findings_their_sections():
    """Newham 2019 (ILACS), as PDF text: no blank lines, yet the grade table is no finding and
    each finding lies in the judgement area its heading names."""
    text = (OTHER / "newham-ilacs-2019.txt").read_text(encoding="utf-8")
    doc = _doc(text, "newham-ilacs-2019", "inspection report", "2019-04", council="")
    x = extract_document(doc, [])
    # the grade table ("Judgement Grade / The impact of leaders ... Inadequate / ...") and the
    # area headings ("...care leavers: Inadequate") are headings, not statements
    assert not [
        f for f in x.findings if "Judgement Grade" in f.text or f.text.endswith(": Inadequate")
    ]
    found = _finding(x, "Many children benefit from good-quality assessments")
    assert found.excerpts[0].section == (
        "The experiences and progress of children who need help and protection: Requires"
        " improvement"
    )
    # the report's opening summary follows the last row of its grade table
    opening = _finding(x, "There has been a significant deterioration in children’s services")
    assert opening.excerpts[0].section == "Overall effectiveness Inadequate"
    assert opening.polarity == "Weakness"
    assert {f.excerpts[0].section for f in x.findings} >= {"What needs to improve"}


_SPACES_AND_ENDS = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000.;:ab’‘“”A"


@given(st.text(alphabet=st.sampled_from(_SPACES_AND_ENDS), max_size=30))
@example(" a .\n")
def test_normalise_folds_whitespace_as_the_regular_expression_did(s: str) -> None:
    import re

    from cskg.loaders.extract import normalise

    folded = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    assert normalise(s) == re.sub(r"\s+", " ", folded).strip(" .;:").lower()


def test_what_needs_to_improve_items_explained_in_later_sentences():
    """Newham 2018 (focused visit letter, as PDF text): each item under "What needs to improve"
    is the area to improve, then sentences that explain it; those are findings read on their
    own words, not actions (under "Recommendations" every sentence of an item still
    recommends)."""
    text = (OTHER / "newham-focused-visit-2018.txt").read_text(encoding="utf-8")
    doc = _doc(text, "newham-fv-2018", "focused visit letter", "2018-03", council="Newham")
    x = extract_document(doc, [])
    actions = {a.text for a in x.actions}
    assert "Management oversight is not consistent or sufficiently robust." in actions
    assert not [a for a in actions if a.startswith(("Managers do not", "Child protection"))]
    assert _finding(x, "Child protection concerns are responded to").polarity == "Strength"
    assert _finding(x, "Managers do not always evaluate").polarity == "Weakness"
    for e in _all_excerpts(x):
        assert text[e.start : e.end] == e.quote


def test_a_letterhead_where_page_one_ends_is_no_part_of_the_text():
    """Cambridgeshire 2022, Luton 2019 (focused visit letters, as PDF text): Ofsted's letterhead
    lies where page one ends, inside a sentence or between paragraphs; the sentence reads on
    across it (its excerpt, exact, spans it), and what follows is no section "Ofsted"."""
    text = (OTHER / "cambridgeshire-focused-visit-2022.txt").read_text(encoding="utf-8")
    doc = _doc(text, "cambs-fv-2022", "focused visit letter", "2022-04", council="Cambridgeshire")
    x = extract_document(doc, [])
    f = _finding(x, "However, when there is a need for social care support")
    assert f.text == (
        "However, when there is a need for social care support, the quality and timeliness of "
        "services remain less than good for too many children."
    )
    assert f.polarity == "Weakness"
    assert not [f for f in x.findings if "gov.uk/ofsted" in f.text or "M1 2WD" in f.text]
    for e in _all_excerpts(x):
        assert text[e.start : e.end] == e.quote
    text = (OTHER / "luton-focused-visit-2019.txt").read_text(encoding="utf-8")
    doc = _doc(text, "luton-fv-2019", "focused visit letter", "2019-06", council="Luton")
    x = extract_document(doc, [])
    g = _finding(x, "However, placement choice is often limited")
    assert g.excerpts[0].section == "Overview"
    assert not [e for e in _all_excerpts(x) if e.section == "Ofsted"]


def test_a_footnote_at_the_foot_of_a_page_is_no_part_of_the_text():
    """Richmond upon Thames 2025, North Northamptonshire 2026 (ILACS reports, as PDF text): the
    footnote at the foot of page two ("1 The areas for improvement have been cross-referenced
    ...") interrupts a sentence that runs on to page three, or follows the last sentence of a
    page. The sentence reads on across it (its excerpt, exact, spans it); the footnote is no
    sentence, no finding, and its full stops end no sentence."""
    text = (OTHER / "richmond-ilacs-2025-page-foot.txt").read_text(encoding="utf-8")
    doc = _doc(
        text, "richmond-2025", "inspection report", "2025-07", council="Richmond upon Thames"
    )
    x = extract_document(doc, [])
    f = _finding(x, "This results in gaps in information-sharing")
    assert f.text == (
        "This results in gaps in information-sharing, coordination of activity and the "
        "management of risk."
    )
    assert f.polarity == "Weakness"
    assert "cross-referenced" in f.excerpts[0].quote  # the excerpt spans what it interrupts
    text2 = (OTHER / "north-northamptonshire-ilacs-2026-page-foot.txt").read_text(encoding="utf-8")
    doc2 = _doc(text2, "nn-2026", "inspection report", "2026-05", council="North Northamptonshire")
    y = extract_document(doc2, [])
    assert _finding(y, "Past, present and potential risks are understood").text.endswith(
        "key strengths."
    )
    for z, t in ((x, text), (y, text2)):
        assert not [g for g in z.findings if "cross-referenced" in g.text]
        assert not [g for g in z.findings if "statutory guidance sets out" in g.text]
        for e in _all_excerpts(z):
            assert t[e.start : e.end] == e.quote


def test_a_framework_reference_apart_from_its_item_is_no_finding():
    """Somerset 2026 (an ILACS report, as PDF text): each area for improvement carries its
    reference to the National Framework, which the PDF text often sets on a line of its own
    ("(National Framework, Outcome 1)", "(Enabler 2: Leaders drive conditions for effective
    practice)"): the item is a finding, its reference no finding of its own."""
    text = (OTHER / "somerset-ilacs-2026-framework-refs.txt").read_text(encoding="utf-8")
    x = extract_document(_doc(text, "somerset-2026", "inspection report", "2026-06"), [])
    items = [f for f in x.findings if f.excerpts[0].section.startswith("What needs to improve")]
    assert len(items) == 8
    assert all(f.polarity == "Weakness" for f in items)
    assert not [f for f in x.findings if f.text.startswith(("(", "Framework", "Outcome"))]
    assert _finding(x, "Workloads that enable practitioners").text.endswith("families.")


def test_a_graded_judgement_stated_as_a_sentence_heads_its_section():
    """Bury 2016 (a 2014-18 report, as PDF text): "The graded judgement about the experience
    and progress of care leavers / is that it requires improvement", wrapped over two lines,
    heads the care leavers' section: what follows is read under it (a finding where no cue
    word judges; its section the heading's), not under the adoption section before it, and the
    heading is no finding."""
    text = (OTHER / "bury-sif-2016-care-leavers.txt").read_text(encoding="utf-8")
    heads = [b for b in segment(text) if b.kind == "heading"]
    assert [clean(text[b.start : b.end]) for b in heads] == [
        "The graded judgement about the experience and progress of care leavers is that it "
        "requires improvement"
    ]
    doc = _doc(text, "bury-2016", "inspection report", "2016-03", council="Bury")
    x = extract_document(doc, [])
    f = _finding(x, "The local authority makes strenuous efforts to keep in touch")
    assert f.excerpts[0].section.startswith("The graded judgement about the experience")
    assert not [g for g in x.findings if g.text.startswith("The graded judgement")]
    before = _finding(x, "No families have experienced a placement breakdown")
    assert before.excerpts[0].section == ""


def test_a_lead_in_that_says_what_needs_to_improve_makes_its_items_actions():
    """Luton 2019: "What needs to improve in this area of social work practice:" is a lead-in,
    not a heading, and its items are the areas to improve, as under that heading."""
    text = (OTHER / "luton-focused-visit-2019.txt").read_text(encoding="utf-8")
    doc = _doc(text, "luton-fv-2019", "focused visit letter", "2019-06", council="Luton")
    x = extract_document(doc, [])
    actions = {a.text for a in x.actions}
    assert "Caseloads are too high in some teams." in actions
    assert "Children’s health needs are not being identified and addressed quickly enough." in (
        actions
    )
    assert not [a for a in actions if a.startswith("Children come into care")]


def test_a_recommendations_heading_out_of_place_ends_no_findings():
    """Redbridge 2016 (single inspection framework, as PDF text): "Recommendations" stands at the
    foot of a page of the board's findings, and paragraph 130 goes on with findings: they are
    findings of the section before, not recommendations."""
    text = (OTHER / "redbridge-sif-2016-lscb.txt").read_text(encoding="utf-8")
    doc = _doc(text, "redbridge-2016", "inspection report", "2016-11", council="Redbridge")
    x = extract_document(doc, [])
    f = _finding(x, "Engagement and commitment of partners to the work of the board")
    assert f.polarity == "Strength"
    assert _finding(x, "The board demonstrates a culture of effective").polarity == "Strength"
    assert not [a for a in x.actions if a.text.startswith("The board demonstrates")]
    # ... and are quoted under that section, not under "Recommendations"
    assert (
        f.excerpts[0].section == _finding(x, "The LSCB chair provides strong").excerpts[0].section
    )
    assert f.excerpts[0].section != "Recommendations"


def test_a_council_reports_recommendation_is_in_its_place():
    """Medway cabinet, March 2019: "8. Recommendation" then "8.1 The Cabinet is asked to note
    this report": paragraph 1 of section 8, a recommendation, quoted under its heading."""
    text = (
        "7. Financial and legal implications\n\n- 7.1 There are no legal implications arising "
        "directly from this report.\n\n8. Recommendation\n\n- 8.1 The Cabinet is asked to note "
        "this report on the ILACS Focused Visit and the next steps for Medway Council.\n"
    )
    doc = _doc(text, "medway-cabinet", "cabinet report", "2019-03", council="Medway")
    x = extract_document(doc, [])
    (a,) = [a for a in x.actions if a.text.startswith("The Cabinet is asked")]
    assert a.excerpt.section == "Recommendation"


def test_a_numbered_paragraph_whose_first_line_ends_on_in_is_no_heading():
    """Warwickshire 2017: "46. Unaccompanied asylum-seeking children receive a good service in"
    wraps onto "Warwickshire. Social workers …": no heading, a sentence."""
    text = (OTHER / "warwickshire-sif-2017-uasc.txt").read_text(encoding="utf-8")
    doc = _doc(text, "warwickshire-2017", "inspection report", "2017-07", council="Warwickshire")
    x = extract_document(doc, [])
    f = _finding(x, "Unaccompanied asylum-seeking children receive a good service")
    assert f.text.endswith("in Warwickshire.")
    assert not [e for e in _all_excerpts(x) if e.section.startswith("46.")]


@pytest.mark.parametrize(
    ("before", "sentence", "expected"),
    [
        # what follows leans as what it follows from
        (
            "Assessments are detailed, but risk is not rigorously analysed.",
            "This means that relatives often emerge late in the proceedings.",
            "Weakness",
        ),
        (
            "Social workers know their children well.",
            "As a result, almost all children have a plan for permanence.",
            "Strength",
        ),
        # a benefit is praise and a harm a fault, whatever came before
        (
            "Some plans are not updated after reviews.",
            "This helps to prevent drift and delay.",
            "Strength",
        ),
        (
            "Assessments are thorough and child-centred.",
            "This leaves a small number of children without the right level of care.",
            "Weakness",
        ),
        # what someone did in response leans neither way
        (
            "Return home interviews were not always offered.",
            "As a result, the board has revised its performance reporting arrangements.",
            "Neutral",
        ),
    ],
)
def test_a_consequence_leans_as_the_sentence_it_follows(before, sentence, expected):
    text = f"Findings\n\n{before} {sentence}\n"
    doc = _doc(text, "consequence", "inspection report", "2019-07")
    x = extract_document(doc, [])
    assert _finding(x, sentence[:30]).polarity == expected


def test_an_elaboration_judges_as_the_sentence_it_elaborates():
    """Westmorland and Furness 2024: "This is especially true for PEPs for children of
    post-secondary school age" has no cue word of its own; it judges as the sentence it
    elaborates (a fault), not as its section leans."""
    text = (
        "The experiences and progress of children in care: good\n\n"
        "The virtual school has high ambitions for children in care. However, these "
        "children’s educational attendance and attainment are not always strong. Personal "
        "education plans (PEPs) do not consistently capture social issues, emotional "
        "issues, strengths or struggles. This is especially true for PEPs for children of "
        "post-secondary school age.\n"
    )
    doc = _doc(text, "wf-2024", "inspection report", "2024-07", council="Westmorland and Furness")
    x = extract_document(doc, [])
    assert _finding(x, "This is especially true for PEPs").polarity == "Weakness"


def test_a_grade_table_heading_run_into_its_row_is_no_finding():
    """2014-18 reports: a section's "Key Judgement Judgement Grade" table, its heading run into
    its area and grade, is no statement (it was read as praise of an inadequate service)."""
    text = (OTHER / "buckinghamshire-sif-2014-key-judgement.txt").read_text(encoding="utf-8")
    x = extract_document(_doc(text, "d", "inspection report", "2014-08", "Buckinghamshire"), [])
    assert not [f.text for f in x.findings if "Judgement Grade" in f.text]
    assert _finding(x, "Failures by Buckinghamshire’s safeguarding services").polarity == "Weakness"


def test_a_grade_table_row_is_a_judgement_and_a_finding_of_its_grade():
    """The numbered rows of a 2014-18 report's grade table ("2.1 Adoption performance Requires
    improvement") are its judgements, and findings as the bullets of a council report's summary
    of the grades are, with the grade's polarity."""
    text = (OTHER / "leicestershire-sif-2017-grade-table.txt").read_text(encoding="utf-8")
    x = extract_document(_doc(text, "d", "inspection report", "2017-02", "Leicestershire"), [])
    assert ("Adoption performance", "Requires improvement to be good") in {
        (j.domain, j.grade) for j in x.judgements
    }
    assert _finding(x, "Adoption performance Requires improvement").polarity == "Weakness"


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("Adoption performance Requires improvement", True),
        ("Leadership, management and governance: Good", True),
        ("Leadership is good", False),
        ("Children who need help and protection are inadequate", False),
        ("The quality of assessments. Leadership Good", False),
    ],
)
def test_is_grade_row(text, row):
    assert is_grade_row(text) is row


def test_a_risk_register_finds_what_is_so_not_what_may_be():
    """A council report's risk table (tab-separated cells) is read cell by cell: a cell that says
    what is so is a finding; what may happen ("can result in drift"), a condition ("If the
    participation … does not improve"), what will be done, and a column's heading ("Need to
    recruit", from a staffing table) are not; the section's leaning does not decide a cell."""
    text = (OTHER.parent / "medway-cabinet-2019-risk-register.txt").read_text(encoding="utf-8")
    x = extract_document(_doc(text, "d", "cabinet report", "2019-03"), [])
    texts = {f.text: f.polarity for f in x.findings}
    athena = [t for t in texts if t.startswith("Impact of new IT System Athena")]
    assert [texts[t] for t in athena] == ["Weakness"]
    assert not [t for t in texts if "can result in drift" in t or t.startswith("If the")]
    assert not [t for t in texts if t.startswith(("Need to recruit", "Risk"))]
    assert not [t for t in texts if "police colleagues are working" in t]


@pytest.mark.parametrize(
    ("sentence", "whole", "clause", "leans"),
    [
        (
            "Although there has been a recent improvement in the timeliness of assessments, there "
            "is considerable variability in their quality.",
            "Weakness",
            "there has been a recent improvement in the timeliness of assessments",
            "Strength",
        ),
        (
            "There is little evidence that strategic partnerships in Medway have driven "
            "improvement consistently and sufficiently, although senior leaders express a strong "
            "commitment to making this a reality.",
            "Weakness",
            "senior leaders express a strong commitment to making this a reality",
            "Strength",
        ),
        (
            "Responses to referrals at the MASH were appropriate, but then there was too much "
            "delay in progressing cases.",
            "Weakness",
            "Responses to referrals at the MASH were appropriate",
            "Strength",
        ),
    ],
)
def test_a_sentence_that_turns_yields_the_clause_that_leans_the_other_way(
    sentence, whole, clause, leans
):
    text = f"Findings\n\n{sentence}\n"
    x = extract_document(_doc(text), [])
    by_text = {f.text: f for f in x.findings}
    assert by_text[sentence].polarity == whole
    part = by_text[clause]
    assert part.polarity == leans
    ex = part.excerpts[0]
    assert text[ex.start : ex.end] == ex.quote == clause
    assert part.assessment == by_text[sentence].assessment


def test_a_supposed_clause_is_no_finding_of_its_own():
    """Doncaster 2015: what a more robust system would do is no praise of what is there."""
    sentence = (
        "The independent reviewing service is effectively challenging delay and drift, but a "
        "more robust system of management oversight would reduce the need for such challenge "
        "from IROs and ensure permanent arrangements for children were secured quickly."
    )
    x = extract_document(_doc(f"Findings\n\n{sentence}\n"), [])
    assert [f.text for f in x.findings] == [sentence]


def test_what_followed_an_earlier_inspection_is_this_inspections_finding():
    """Gateshead 2019: "Following the last inspection in 2015, when the local authority was
    judged good overall, the service experienced almost two years of instability" dates what
    this inspection found against the last one; neither it nor what follows is the 2015
    inspection's, only the clause that gives 2015's grade."""
    text = (OTHER / "gateshead-ilacs-2019-following.txt").read_text(encoding="utf-8")
    x = extract_document(_doc(text, "d", "inspection report", "2019-06", "Gateshead"), [])
    years = {f.text: f.year for f in x.findings}
    following = _finding(x, "the service experienced almost two years of instability")
    assert following.year == 2019
    assert years.pop("when the local authority was judged good overall") == 2015
    assert set(years.values()) == {2019}


def test_an_earlier_judgement_a_sentence_reports_is_that_inspections_finding():
    text = (
        "Background\n\nMedway was previously judged inadequate by Ofsted in 2013, following 2 "
        "separate inspections, covering firstly the arrangements for the protection of children "
        "and secondly looked after children's services.\n"
    )
    x = extract_document(_doc(text), [])
    assert _finding(x, "previously judged inadequate").year == 2013


def test_an_inspection_report_recalling_an_earlier_one_carries_no_date_on():
    """Portsmouth 2023: "…; this issue was highlighted in the 2018 inspection" recalls the 2018
    inspection in passing; the sentences after it are the 2023 inspection's ("Current health
    needs are met …" was dated 2018), and a fault that "remains a concern" is found again."""
    text = (OTHER / "portsmouth-ilacs-2023-recalls-2018.txt").read_text(encoding="utf-8")
    x = extract_document(_doc(text, "d", "inspection report", "2023-07", "Portsmouth"), [])
    assert _finding(x, "Current health needs are met").year == 2023
    assert _finding(x, "Personal advisers understand risk and vulnerabilities").year == 2023
    assert _finding(x, "This was identified in the 2018 inspection and remains").year == 2023
    # what it finds, with the reminder after a semicolon, is its own finding too
    assert _finding(x, "Personal advisers are unable to identify which care").year == 2023


@pytest.mark.parametrize(
    "sentence",
    [
        # Kent 2022, Halton 2024: what an earlier assessment found, named as the object of what
        # is said now, is this inspection's finding
        "Senior leaders have also taken the required steps to make improvements in the areas "
        "identified at the focused visit in 2019.",
        "There has been insufficient pace in tackling the serious deficits identified at a "
        "focused visit in October 2021 for children in need of help and protection.",
    ],
)
def test_progress_on_what_an_earlier_visit_found_is_this_inspections(sentence):
    text = (
        "Inspection of Kent local authority children’s services\n\nInspection dates: 9 May "
        "2022 to 20 May 2022\n\nOverall effectiveness\n\nThe last focused visit in October "
        f"2021 and the focused visit in 2019 looked at the front door.\n\n{sentence}\n"
    )
    x = extract_document(_doc(text, "d", "inspection report", "2022-06", "Kent"), [])
    assert _finding(x, sentence[:40]).year == 2022


def test_a_concession_that_names_an_earlier_assessment_dates_only_itself(corpus):
    """ "Although improvements and progress were seen by Ofsted in 2015, unfortunately many of
    these issues are again current concerns": the sentence says what the commissioner found in
    2019; the clause it concedes is the 2015 inspection's."""
    _, _, _, x = corpus
    whole = [f for f in x.findings if f.text.startswith("Although improvements and progress")]
    part = [
        f for f in x.findings if f.text == "improvements and progress were seen by Ofsted in 2015"
    ]
    assert [(f.polarity, f.year) for f in whole] == [("Weakness", 2019)]
    assert [(f.polarity, f.year) for f in part] == [("Strength", 2015)]


def test_an_unnamed_post_holder_is_found_in_the_same_councils_documents_only() -> None:
    # the holder of a post is named in one document and the post alone in others: the post
    # is resolved to its holder in that council's documents, never in another council's
    named = _doc(
        "Report from: Jane Smith, Director of Children's Services\n\nThe service is improving.\n",
        "leeds-cabinet", "cabinet report", "2019-03", "Leeds",
    )  # fmt: skip
    sentence = "The Director of Children's Services is visible and well respected by staff.\n"
    same = _doc(sentence, "leeds-letter", "visit letter", "2019-06", "Leeds")
    other = _doc(sentence, "kent-letter", "visit letter", "2019-06", "Kent")
    x = merge([extract_document(d, ()) for d in (named, same, other)])
    roles = [(r.agent, r.role) for r in x.roles]
    assert roles == [("jane-smith", "Director of Children's Services")]
    involves = {f.excerpts[0].doc_id: f.involves for f in x.findings if "visible" in f.text}
    assert involves == {
        "leeds-letter": ("jane-smith", "leeds-council"),
        "kent-letter": ("kent-council",),
    }


# Isle of Wight 2014, the back of a single inspection framework report: what each grade means
GRADE_DESCRIPTORS = """What the inspection judgements mean

The local authority

An outstanding local authority leads highly effective services that contribute to
significantly improved outcomes for children and young people who need help and
protection and care. Their progress exceeds expectations and is sustained over time.

The LSCB

An outstanding LSCB is highly influential in improving the care and protection of
children. Their evaluation of performance is exceptional and helps the local authority
and its partners to understand the difference that services make and where they
need to improve. The LSCB creates and fosters an effective learning culture.
"""


def test_a_grade_descriptor_and_the_rest_of_its_paragraph_are_no_findings():
    x = extract_document(_doc(GRADE_DESCRIPTORS, doc_type="inspection report", date="2014-11"), [])
    assert x.findings == ()


def test_a_graded_judgment_spelt_without_e_heads_its_section_too():
    """Kingston upon Thames 2015 (PDF text): Ofsted spells it "judgment" in some 2014-18
    reports. The care leavers' heading, wrapped over two lines, ends the adoption paragraph
    before it; a statement under it with no cue word of its own is still a finding, in the
    care leavers' section."""
    text = (OTHER / "kingston-upon-thames-sif-2015-care-leavers.txt").read_text(encoding="utf-8")
    heads = [b for b in segment(text) if b.kind == "heading"]
    assert [clean(text[b.start : b.end]) for b in heads] == [
        "The graded judgment about the experience and progress of care leavers is that it is good"
    ]
    doc = _doc(
        text, "kingston-2015", "inspection report", "2015-08", council="Kingston upon Thames"
    )
    x = extract_document(doc, [])
    f = _finding(x, "The local authority currently has 93 care leavers")
    assert f.excerpts[0].section.startswith("The graded judgment about the experience")
    assert not [g for g in x.findings if "graded judgment" in g.text]
    # the adoption paragraph ends where the heading starts
    last = _finding(x, "This is a notable strength")
    assert last.text == "This is a notable strength."
    assert last.excerpts[0].section == ""


def test_the_experience_and_progress_heading_in_the_singular_is_evaluative():
    """Gateshead 2016: "The experience and progress of care leavers requires improvement"
    heads its section as the plural does; a plain statement under it is a finding."""
    text = (
        "The experience and progress of care leavers requires improvement\n\n"
        "76. Arrangements for keeping in touch with care leavers are effective. Gateshead are "
        "in touch with 140 of 145 care leavers.\n"
    )
    doc = _doc(text, "gateshead-2016", "inspection report", "2016-03", council="Gateshead")
    x = extract_document(doc, [])
    f = _finding(x, "Gateshead are in touch with 140 of 145 care leavers")
    assert f.excerpts[0].section.startswith("The experience and progress of care leavers")


def test_a_findings_excerpt_knows_where_its_paragraph_starts():
    text = (
        "Inspection findings\n\n"
        "40. Care leavers have pathway plans that they helped to write. They are not "
        "consistently reviewed to reflect changing risks.\n"
    )
    x = extract_document(_doc(text, "p-2022", "inspection report", "2022-05", council="Luton"), [])
    f = _finding(x, "They are not consistently reviewed")
    e = f.excerpts[0]
    assert text[e.para :].startswith("Care leavers have pathway plans")
    assert e.para < e.start
