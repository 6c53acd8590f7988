"""Segmenter: blocks, markers outside spans, furniture dropped, sentences, display text."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cskg.loaders.segment import clean, segment, sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a markdown heading with bold fences and a section number: both left out of the span
        ("#### **4.5. What needs to improve:**\n", [("heading", "What needs to improve:")]),
        # "- 3.2. " is a bullet marker plus its number
        ("- 3.2. Since the inadequate rating, there has been investment.\n",
         [("bullet", "Since the inadequate rating, there has been investment.")]),
        ("·       Thanks to staff - members thanked staff.\n",
         [("bullet", "Thanks to staff - members thanked staff.")]),
        ("◼ Senior managers’ interaction with social workers.\n",
         [("bullet", "Senior managers’ interaction with social workers.")]),
        # a short unpunctuated line between blank lines is a heading
        ("\n7. Background\n\nMedway was judged inadequate.\n",
         [("heading", "Background"), ("paragraph", "Medway was judged inadequate.")]),
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
