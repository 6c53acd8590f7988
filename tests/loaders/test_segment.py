"""Segmenter: blocks, markers outside spans, furniture dropped, sentences, display text."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cskg.loaders.segment import cells, clean, footnotes, segment, sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
OTHER = Path(__file__).resolve().parents[1] / "fixtures" / "other_council"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a markdown heading with bold fences and a section number: both left out of the span
        ("#### **4.5. What needs to improve:**\n", [("heading", "What needs to improve:")]),
        # "- 3.2. " is a bullet marker plus its number
        (
            "- 3.2. Since the inadequate rating, there has been investment.\n",
            [("bullet", "Since the inadequate rating, there has been investment.")],
        ),
        (
            "·       Thanks to staff - members thanked staff.\n",
            [("bullet", "Thanks to staff - members thanked staff.")],
        ),
        (
            "◼ Senior managers’ interaction with social workers.\n",
            [("bullet", "Senior managers’ interaction with social workers.")],
        ),
        # a short unpunctuated line between blank lines is a heading
        (
            "\n7. Background\n\nMedway was judged inadequate.\n",
            [("heading", "Background"), ("paragraph", "Medway was judged inadequate.")],
        ),
        # agenda furniture and contact lines yield no block
        ("A meeting of the Cabinet will be held on:\n\nDate: 5 March 2019\n", []),
        ("This page is intentionally left blank\n", []),
        # a table row
        ("Overall effectiveness\tGood\n", [("table_row", "Overall effectiveness\tGood")]),
    ],
)
def test_blocks(text, expected):
    assert _kinds(text) == expected


def test_paragraph_over_a_page_break_is_one_block():
    text = "Responding is likely to have been a challenge for the\n\nservice, given the changes.\n"
    assert _kinds(text) == [("paragraph", text.strip())]


def test_heading_path_and_section():
    text = "7. Background\n\n2013-2015\n\nMedway was judged inadequate.\n"
    para = segment(text)[-1]
    assert para.section == "2013-2015"
    assert para.path == ("Background", "2013-2015")


def test_pdf_running_header_and_page_numbers_dropped():
    page = "Inspection of Barset\nFindings are good here.\n{n}\n"
    text = "\f".join(page.format(n=i) for i in range(1, 5))
    quoted = [text[b.start : b.end] for b in segment(text)]
    assert "Inspection of Barset" not in quoted
    assert not any(q.strip().isdigit() for q in quoted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pressures e.g. court work. Staff left.", ["Pressures e.g. court work.", "Staff left."]),
        ("Dr. Smith spoke. No. 4 was late.", ["Dr. Smith spoke.", "No. 4 was late."]),
        ("Spend was £1.5m in 2019. It rose.", ["Spend was £1.5m in 2019.", "It rose."]),
        ("They said ‘it is weak.’ Then left.", ["They said ‘it is weak.’", "Then left."]),
    ],
)
def test_sentences(text, expected):
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**More regular staff events.**", "More regular staff events."),
        ("\t<p>statutory duties are carried out.</p>\t", "statutory duties are carried out."),
        ("[sue@x.gov.uk](mailto:sue@x.gov.uk)", "sue@x.gov.uk"),
        ("a\u00a0b\n  c", "a b c"),
    ],
)
def test_clean(raw, expected):
    assert clean(raw) == expected


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_corpus_blocks_lie_within_text(path):
    text = path.read_text(encoding="utf-8")
    blocks = segment(text)
    assert blocks
    for b in blocks:
        assert 0 <= b.start < b.end <= len(text)
        assert text[b.start : b.end] == text[b.start : b.end].strip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .:-*#\n\t\f1£’\u00a0|")), max_size=300))
def test_blocks_and_sentences_lie_within_any_text(text):
    for b in segment(text):
        assert 0 <= b.start <= b.end <= len(text)
        for s, e in sentences(text, b.start, b.end):
            assert b.start <= s < e <= b.end


# PDF text as cskg extracts it from Ofsted reports: one line per printed line, no blank lines
# between paragraphs or around headings, "\f" between pages.


def _pdf(*pages: str) -> str:
    return "\f".join(pages)


# Isle of Wight, inspection of September 2014 (single inspection framework), page 6
IOW_2014_P6 = (
    "26. The intensive support service (ISS) provides effective support to children, both \n"
    "as an early help intervention to prevent the need for children to become looked \n"
    "after and also as a support to placements that are vulnerable to breakdown. \n"
    "27. The disabled children’s team is working effectively and sensitively with disabled \n"
    "children and their siblings to ensure that they are protected and that their \n"
    "range of needs are being met.\n"
    "28. There is a strong and effective commitment to placing brothers and sisters\n"
    "together when it is in their best interests to do so.\n"
    "29. The role of a Social Care Educational Professional (SCEP) has been developed \n"
    "to support the educational attainment of children looked after.\n"
    "30. The fostering team are on target to recruit an ambitious number of new foster \n"
    "carers. Existing foster carers report that they receive good support from the\n"
    "team.\n"
    "Progress since the last inspection\n"
    "31. The last Ofsted inspection of Isle of Wight Council’s arrangements for the \n"
    "protection of children was undertaken in November 2012. The local authority \n"
    "was judged to be inadequate.\n"
)


def test_pdf_heading_by_layout_alone():
    text = _pdf("6\n" + IOW_2014_P6, "7\n" + IOW_2014_P6)
    blocks = segment(text)
    heads = [text[b.start : b.end] for b in blocks if b.kind == "heading"]
    assert heads == ["Progress since the last inspection"] * 2
    # the paragraph before it ends at "team." and the one after it is in its section
    item30 = next(b for b in blocks if b.marker == "30.")
    assert text[item30.start : item30.end].endswith("support from the\nteam.")
    item31 = next(b for b in blocks if b.marker == "31.")
    assert item31.section == "Progress since the last inspection"


# Cornwall, inspection of May 2016 (single inspection framework), page 19: a sentence on a
# line of its own closed by "(Recommendation)." on the next
CORNWALL_2016_P19 = (
    "become apprentices. Additionally, the pathway plans do not give enough attention to the \n"
    "views of care leavers and are written for young people rather than written with them. \n"
    "Managers acknowledge that this is an area for development\n"
    "(Recommendation).\n"
    "81. A particular strength of the local authority is the involvement and consultation \n"
    "with care leavers. Two care leavers sit on the fostering panel and a care leaver \n"
    "is the vice-chair of the virtual school.\n"
)


# Kirklees, inspection of November 2016: a paragraph's last sentence, with its note, on a line
# of its own before the next numbered paragraph
KIRKLEES_2016 = (
    "managers. However, the impact of this is not yet evident. Inspectors saw that\n"
    "supervision lacks a focus on children and does not drive forward care planning. \n"
    "Agency staff often do not have supervision. (Recommendation) \n"
    "107. Poor and inconsistent recording on children’s files makes it difficult for \n"
    "managers and newly allocated workers to identify progress and work to be \n"
    "undertaken.\n"
)


@pytest.mark.parametrize(
    ("page", "marker", "earlier"),
    [(CORNWALL_2016_P19, "81.", "area for development"), (KIRKLEES_2016, "107.", "supervision")],
)
def test_pdf_sentence_closed_by_a_note_is_no_heading(page: str, marker: str, earlier: str):
    text = _pdf("19\n" + page * 3, "20\n" + page * 3)
    blocks = segment(text)
    assert not [text[b.start : b.end] for b in blocks if b.kind == "heading"]
    item = next(b for b in blocks if b.marker == marker)
    assert earlier not in item.section


# Dorset, inspection of March 2025 (ILACS): the grade table, the "What needs to improve?" list
# and a judgement area heading wrapped over two lines, none of them parted by blank lines
DORSET_2025 = (
    "Inspection of Dorset local authority \n"
    "children’s services \n"
    "Inspection dates: 17 March to 21 March 2025\n"
    "Lead inspector: Sarah Canto, His Majesty’s Inspector\n"
    "Judgement Grade\n"
    "The impact of leaders on social work \n"
    "practice with children and families\n"
    "Outstanding\n"
    "The experiences and progress of care \n"
    "leavers\n"
    "Good\n"
    "Overall effectiveness Outstanding\n"
    "Children in Dorset receive exceptional services that help meet their needs and reduce \n"
    "risks, supporting them to have better experiences and reach their potential. Since the \n"
    "previous inspection in 2021 when Dorset was judged to be good, senior leaders have \n"
    "continually and relentlessly strengthened and developed services for children. \n"
    "\f"
    "Inspection of Dorset local authority children’s services\n"
    "17 to 21 March 2025 2\n"
    "What needs to improve?\n"
    "◼ The clarity and detail of the care leaver offer, including for care leavers who are \n"
    "parents. (Outcome four, National Framework)\n"
    "The experiences and progress of children who need help and \n"
    "protection: outstanding\n"
    "1. Children and families receive the help they need at the earliest point through \n"
    "wide-ranging prevention and early intervention services. Dorset’s family help \n"
    "service’s model of one continuous assessment means that children get the right \n"
    "help they need, at the right time, to help them make progress.\n"
)


def test_pdf_grade_table_and_area_headings_are_headings():
    blocks = segment(DORSET_2025)
    kinds = [(b.kind, clean(DORSET_2025[b.start : b.end])) for b in blocks]
    assert ("heading", "Overall effectiveness Outstanding") in kinds
    assert ("heading", "What needs to improve?") in kinds
    assert (
        "heading",
        "The experiences and progress of children who need help and protection: outstanding",
    ) in kinds
    # no paragraph swallows a table row or a heading
    para = next(b for b in blocks if b.kind == "paragraph")
    assert DORSET_2025[para.start :].startswith("Children in Dorset receive exceptional")
    bullet = next(b for b in blocks if b.kind == "bullet")
    assert bullet.section == "What needs to improve?"
    assert DORSET_2025[bullet.start : bullet.end].endswith("(Outcome four, National Framework)")
    first = next(b for b in blocks if b.marker == "1.")
    assert first.section.endswith("protection: outstanding")


def test_text_without_page_breaks_keeps_its_old_reading():
    # a .txt file's lines are read as before: no heading without blank lines around it
    text = DORSET_2025.replace("\f", "")
    assert not [b for b in segment(text) if b.kind == "heading"]


@pytest.mark.parametrize(
    ("line", "kind", "content"),
    [
        # Isle of Wight 2014: a Symbol-font bullet, which PDF text gives as U+F06E
        (
            "\uf06e The educational outcomes for some children looked after on the island are "
            "poor.",
            "bullet",
            "The educational outcomes for some children looked after",
        ),
        # Kent 2013: U+F0A7
        (
            "\uf0a7 improve the quality of supervision and management oversight in casework",
            "bullet",
            "improve the quality of supervision and management oversight in casework",
        ),
        # Westmorland and Furness 2024: a paragraph number set tight against its sentence
        (
            "29.When children require significant restrictions or supervision to keep them safe, "
            "deprivation of liberty orders are sought, obtained, and their use is appropriately "
            "monitored.",
            "numbered",
            "When children require significant restrictions",
        ),
        (
            "18.A very small number of children are in private fostering arrangements in"
            " Westmorland and Furness.",
            "numbered",
            "A very small number of children",
        ),
    ],
)
def test_pdf_list_markers(line, kind, content):
    (block,) = segment(line + "\n")
    assert block.kind == kind
    assert line[block.start : block.end].startswith(content)


def _pages_with_header(header: tuple[str, ...], bodies: list[str]) -> str:
    return "\f".join(
        "\n".join((*header[:-1], f"{header[-1]} {n}", body)) for n, body in enumerate(bodies, 2)
    )


# Bath and North East Somerset, inspection of February 2022: a paragraph runs over a page break,
# past the next page's running header and number
BANES_HEADER = (
    "Inspection of Bath and North East Somerset local authority children’s services",
    "28 February to 4 March 2022",
)
BANES_TURN = (
    "7. Children and their families benefit from a wide range of targeted early help services.\n"
    "There is a clear determination to engage with families who choose this route and to "
)
BANES_NEXT = (
    "ensure that they have the best possible information to help them. As a result, \n"
    "children’s circumstances improve."
)


def test_paragraph_over_a_pdf_page_break_is_one_block_and_reads_without_the_header():
    filler = "Social workers know children well and visit them regularly.\n" * 3
    text = _pages_with_header(
        BANES_HEADER, [filler, filler + BANES_TURN, BANES_NEXT + "\n" + filler, filler]
    )
    block = next(b for b in segment(text) if b.marker == "7.")
    quoted = text[block.start : block.end]
    assert "\f" in quoted and quoted.endswith("children’s circumstances improve.")
    spans = sentences(text, block.start, block.end)
    shown = [clean(text[a:b]) for a, b in spans]
    assert shown[1] == (
        "There is a clear determination to engage with families who choose this route and to"
        " ensure that they have the best possible information to help them."
    )


def test_pdf_table_of_contents_is_furniture():
    # Bedford 2017: the contents page, titles and page numbers
    contents = (
        "4\nContents\nExecutive summary 2\nThe local authority 5\n"
        "Information about this local authority area 5\nRecommendations 7\n"
        "The experiences and progress of children who need help and \nprotection 9\n"
        "The experiences and progress of children looked after and achieving \npermanence 14\n"
        "Leadership, management and governance 23\n"
    )
    text = _pdf(IOW_2014_P6, contents, IOW_2014_P6)
    a = text.index("\f") + 1
    b = text.index("\f", a)
    assert not [x for x in segment(text) if a <= x.start < b]


def test_pdf_short_line_ending_a_sentence_ends_a_paragraph():
    # Isle of Wight 2014, leadership summary: two paragraphs with no blank line between them
    body = (
        "A self-evaluation by the local authority children’s services in June 2014, together \n"
        "with monitoring reports, provide a realistic analysis of the work undertaken to tackle \n"
        "the deficits identified in the Ofsted inspection in 2012 and the significant further \n"
        "work required to improve services to a good standard. \n"
        "The Isle of Wight Council and Hampshire County Council have established an \n"
        "effective strategic partnership. Clear lines of reporting and accountability have \n"
        "been agreed between the two councils that ensure timely decision making and an \n"
    )
    text = _pdf(IOW_2014_P6, body + "effective oversight of services.\n", IOW_2014_P6)
    paras = [text[b.start : b.end] for b in segment(text) if b.kind == "paragraph"]
    assert paras[0].endswith("to a good standard.")
    assert paras[1].startswith("The Isle of Wight Council and Hampshire County Council")


def test_open_government_licence_notice_is_furniture():
    # the back page of every Ofsted report (Birmingham 2019)
    line = (
        "licence, visit www.nationalarchives.gov.uk/doc/open-government-licence, write to the "
        "Information Policy Team, The National Archives, Kew, London TW9 4DU, or\n"
    )
    assert segment(line) == []
    # and the invitation to Ofsted's newsletter (Dorset 2025)
    lines = (
        "Interested in our work? You can subscribe to our monthly newsletter for more \n"
        "information and updates: http://eepurl.com/iTrDn.\n"
    )
    assert segment(lines) == []


def test_ofsted_back_page_is_furniture_however_it_wraps():
    # Islington 2025: the back page's sentences wrap across lines; none of it is a statement
    body = "Leaders know their services well. Plans are clear and timely.\n"
    back = (
        "The Office for Standards in Education, Children’s Services and Skills (Ofsted) regulates\n"
        "and inspects to achieve excellence in the care of children and young people.\n"
        "If you would like a copy of this document in a different format, such as large print\n"
        "or Braille, please telephone 0300 123 1231, or email enquiries@ofsted.gov.uk.\n"
        "You may reuse this information (not including logos) free of charge in any format\n"
        "or medium, under the terms of the Open Government Licence. To view this\n"
        "licence, visit www.nationalarchives.gov.uk/doc/open-government-licence, write to\n"
        "the Information Policy Team, The National Archives, Kew, London TW9 4DU, or\n"
        "email: psi@nationalarchives.gsi.gov.uk.\n"
        "© Crown copyright 2024\n"
    )
    text = body + back + "Appendix 2\nThe council's response follows.\n"
    got = [text[b.start : b.end] for b in segment(text)]
    assert got[0] == body.strip()
    assert not any("Braille" in g or "Archives" in g or "achieve excellence" in g for g in got)
    # the back page ends at its copyright line: what follows is read again
    assert any(g.endswith("The council's response follows.") for g in got)


def test_a_back_page_that_opens_with_how_to_complain_is_furniture() -> None:
    # Norfolk 2018 (single inspection framework): the back page starts with the complaints
    # paragraph, whose "should be made" read as an action, four lines above Ofsted's own
    body = "Quality assurance manager: Lynn Radley \n\n21\n"
    back = (
        "Any complaints about the inspection or the report should be made following the "
        "procedures set out in \n"
        "the guidance, ‘Raising concerns and making complaints about Ofsted’, which is "
        "available from Ofsted’s \n"
        "website: www.gov.uk/government/publications/complaints-about-ofsted. If you would "
        "like Ofsted to \n"
        "send you a copy of the guidance, please telephone 0300 123 4234, or email "
        "enquiries@ofsted.gov.uk.\n"
        "The Office for Standards in Education, Children’s Services and Skills (Ofsted) "
        "regulates and inspects to \n"
        "achieve excellence in the care of children and young people.\n"
        "© Crown copyright 2018\n"
    )
    got = [(body + back)[b.start : b.end] for b in segment(body + back)]
    assert not any("complaints" in g or "0300" in g for g in got)


# Reading, inspection of October 2019 (ILACS), pages 3 and 4: a judgement heading ends in a
# full stop and wraps past the page's measure
READING_2019_P3 = (
    "What needs to improve\n"
    "◼ The participation and engagement of the police in child protection processes.\n"
    "◼ The timeliness of initial health assessments for children in care.\n"
)
READING_2019_P4 = (
    "The experiences and progress of children who need help and protection:\n"
    "requires improvement to be good.\n"
    "1. Overall, services for children who need help and protection in Reading have \n"
    "improved since the last inspection. However, some significant areas for \n"
    "improvement remain, and, consequently, these services are judged to require \n"
    "improvement to be good. The quality of practice is variable. For some children,\n"
    "their circumstances aren’t properly understood or assessed, and plans are \n"
    "insufficiently detailed. This includes children in need, children living in private \n"
    "2. Children and families benefit from a well-established range of early help \n"
    "services. Early help services are a real strength in Reading.\n"
    "The experiences and progress of children in care and care leavers requires \n"
    "improvement to be good.\n"
    "17. Many children in care in Reading live in good homes that meet their needs well. \n"
    "However, too many children live too far from their family and friends, and do not \n"
)


def test_a_judgement_heading_that_ends_in_a_full_stop_closes_the_section_before():
    text = _pdf(READING_2019_P3 * 3, READING_2019_P4 * 2)
    blocks = segment(text)
    heads = [b.section for b in blocks if b.kind == "heading"]
    help_ = (
        "The experiences and progress of children who need help and protection: requires"
        " improvement to be good."
    )
    care = (
        "The experiences and progress of children in care and care leavers requires"
        " improvement to be good."
    )
    assert help_ in heads and care in heads
    strength = next(b for b in blocks if "a real strength" in text[b.start : b.end])
    assert strength.section == help_


@pytest.mark.parametrize(
    "item",
    [
        # Slough 2026 focused visit: what needs to improve, each item tagged with the national
        # framework's outcome or enabler (here wrapped over two lines)
        "Management oversight, including the supervision of staff. (enabler 2, national \n"
        "framework)",
        "The consistency of planning for care leavers. (enabler 3, national framework)\n",
    ],
)
def test_a_note_that_closes_an_item_is_no_sentence(item: str) -> None:
    (span,) = sentences(item, 0, len(item))
    assert item[span[0] : span[1]].endswith(".")
    assert "(" not in item[span[0] : span[1]]


def test_a_parenthesis_between_sentences_is_still_a_sentence() -> None:
    text = "Plans are good. (See below.) Children are safe."
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Plans are good.",
        "(See below.)",
        "Children are safe.",
    ]


def test_a_note_mid_paragraph_closes_the_sentence_before_it() -> None:
    # Telford and Wrekin 2016: the board's findings run on after "(Recommendation)"
    text = (
        "Despite this, it is important that the document fully delivers\nthe expectations of "
        "statutory guidance. (Recommendation)\nListening to children is a key board priority. "
        "See the board's plan (paragraph 48). It is good."
    )
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [
        "Despite this, it is important that the document fully delivers\nthe expectations of "
        "statutory guidance.",
        "Listening to children is a key board priority.",
        "See the board's plan (paragraph 48).",
        "It is good.",
    ]


def test_a_line_that_opens_with_a_date_at_the_foot_of_a_page_is_no_footnote():
    """ "1 April and 30 June 2016, 86% of social workers ..." at the foot of a page runs on the
    text: a footnote opens with its number and a word that is no month."""
    text = (
        "Supervision is regular. Between \n1 April and 30 June 2016, 86% of social workers "
        "received supervision on time.\n\f\nInspection of Bury 3\nManagers review the rest.\n"
    )
    assert footnotes(text, 0, len(text)) == []
    spans = sentences(text, 0, text.index("\f"))
    assert [text[a:b] for a, b in spans][-1].endswith("on time.")
    note = "Plans are clear. \n2 Ofsted produces this report under its power.\n\f\nPage 4\n"
    assert [note[a:b] for a, b in footnotes(note, 0, len(note))] == [
        "2 Ofsted produces this report under its power.\n"
    ]
    assert [note[a:b] for a, b in sentences(note, 0, note.index("\f"))] == ["Plans are clear."]


def test_a_footnote_straight_after_a_hyphen_is_no_part_of_the_word_it_breaks():
    """Derby 2025 (as PDF text): the line break before the footnote was lost, so the note
    follows "decision-" at once; the sentence reads on across it and the page turn."""
    text = (
        "Experienced, conscientious managers provide clear oversight for decision-1 The areas "
        "for improvement have been cross-referenced with the outcomes, enablers or principles in"
        " \nthe Children’s Social Care: National Framework. This statutory guidance sets out the "
        "purpose, \nprinciples for practice and expected outcomes of children’s social care.\n\f\n"
        "making when progressing contacts, which ensures that children receive help.\n"
    )
    spans = sentences(text, 0, len(text))
    assert [clean(text[a:b]) for a, b in spans] == [
        "Experienced, conscientious managers provide clear oversight for decision-making when "
        "progressing contacts, which ensures that children receive help."
    ]


def test_paragraph_numbers_past_99_open_items():
    """Nottinghamshire 2015 (a 2014-18 report): paragraphs 115, 116 and 117 are three items,
    not one paragraph that runs to the section's end (where a mention of a 2011 inspection in
    paragraph 115 dated everything after it)."""
    path = OTHER / "nottinghamshire-sif-2015-paragraph-115.txt"
    text = path.read_text(encoding="utf-8")
    items = [b for b in segment(text) if b.kind == "numbered"]
    assert [b.marker for b in items] == ["115.", "116.", "117."]
    assert text[items[1].start :].startswith("The senior leadership team, including")


@given(st.lists(st.text(alphabet="ab c\n**", max_size=8), min_size=1, max_size=5))
def test_cells_are_the_trimmed_non_empty_parts_of_a_row(parts: list[str]) -> None:
    row = "\t".join(parts)
    text = f"x\n{row}\ny"
    start = 2
    spans = cells(text, start, start + len(row))
    for a, e in spans:
        assert start <= a < e <= start + len(row)
        assert not text[a].isspace() and not text[e - 1].isspace()
        assert "\t" not in text[a:e]


def test_cells_of_a_risk_register_row():
    row = "Risk\tDescription\t\tAction to avoid or mitigate risk\t Risk Rating "
    assert [row[a:e] for a, e in cells(row, 0, len(row))] == [
        "Risk",
        "Description",
        "Action to avoid or mitigate risk",
        "Risk Rating",
    ]


# Enfield, inspection of July 2024 (ILACS): each page opens with its number, the report's title
# and the inspection's dates, three lines of running header, and a paragraph runs across it
def test_a_running_header_of_three_lines_is_furniture():
    head = "{n}\nInspection of Enfield local authority children’s services \n22 to 26 July 2024\n"
    topics = ["plans", "visits", "reviews", "meetings", "assessments"]
    pages = [
        head.format(n=n)
        + f"people to gain support from one another through {topics[n - 2]}.\n"
        + f"{n}0. Child in need {topics[n - 2]} address the concerns raised and have \n"
        + f"improved. These positive {topics[n - 2]} enable children and young\n"
        for n in range(2, 7)
    ]
    text = _pdf(*pages)
    blocks = segment(text)
    assert not [b for b in blocks if b.kind == "heading"]
    crossing = [b for b in blocks if "children and young" in text[b.start : b.end]]
    assert len(crossing) == 5
    assert all("gain support" in text[b.start : b.end] for b in crossing[:-1])


# Norfolk, inspection of looked after children's services of 2013 (PDF text): each area's heading,
# then its grade on a line of its own, then the numbered paragraphs
def test_a_grade_on_the_line_under_a_heading_completes_it():
    text = (OTHER / "norfolk-2013-graded-headings.txt").read_text(encoding="utf-8")
    blocks = segment(text)
    heads = [b.section for b in blocks if b.kind == "heading"]
    assert heads[:2] == [
        "Overall effectiveness of services for looked after children and young people "
        "Grade 4 (inadequate)",
        "Capacity to improve Grade 4 (inadequate)",
    ]
    item11 = next(b for b in blocks if b.marker == "11.")
    assert item11.section == "Capacity to improve Grade 4 (inadequate)"
    head = next(b for b in blocks if b.section.startswith("Capacity to improve"))
    assert text[head.start : head.end] == "Capacity to improve\nGrade 4 (inadequate)"


def test_a_long_first_line_of_a_numbered_paragraph_is_no_heading():
    """Plymouth 2015 (PDF text): "38. The number of assessments completed under the Common
    Assessment" / "Framework (CAF) has decreased …" is paragraph 38 of 37 and 39, not a
    heading over the paragraphs after it."""
    text = (OTHER / "plymouth-sif-2015-paragraph-38.txt").read_text(encoding="utf-8")
    blocks = segment(text)
    assert not [b for b in blocks if "Common Assessment" in b.section]
    item38 = next(b for b in blocks if b.marker == "38.")
    assert text[item38.start : item38.end].startswith("The number of assessments completed")
    assert "Framework (CAF) has decreased" in text[item38.start : item38.end]


def test_a_quotation_that_ends_a_sentence_on_its_own_line_is_no_heading():
    """West Berkshire 2015 (PDF text): a parent's words close paragraph 34 on a line of their
    own, "Nobody comes, nobody phones, meetings get cancelled.’", before paragraph 35."""
    text = (OTHER / "west-berkshire-sif-2015-quotation.txt").read_text(encoding="utf-8")
    blocks = segment(text)
    assert not [b for b in blocks if b.section.startswith("Nobody comes")]
    item35 = next(b for b in blocks if b.marker == "35.")
    assert not item35.section.startswith("Nobody")
