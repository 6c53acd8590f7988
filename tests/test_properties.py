"""Properties that must hold for any input: offsets, IRIs, escaping and extraction.

Documents come from PDF converters, web pages and e-mail, so the text is anything at all.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.term import _is_valid_uri

from cskg.graph import iri
from cskg.loaders.segment import segment, sentences

# Text as conversions leave it: words, markup debris, odd spaces and line ends, or anything.
PIECES = [
    "Leaders", "must", "improve", "the quality of", "supervision", "is inadequate", "Good",
    "Inadequate", "Requires improvement to be good", "Overall effectiveness", "2019", "July 2023",
    "Ofsted", "Medway", "Director of People", "Mr. Smith", "e.g.", "i.e.", "No. 5", "£2.4m",
    "children’s", "“quoted”", "- ", "* ", "• ", "1. ", "1.1. ", "(a) ", "iv. ", "# ", "### ",
    "**", "|", " | ", "<p>", "</p>", "[link](https://example.org)", ".", ". ", "? ", "! ", ":",
    ";", ",", " ", "  ", "\t", "\u00a0", "\u202f", "\n", "\n\n", "\r\n", "\r", "\f", "\n\f\n",
    "\u2028", "\ufeff", "\x0b", "\u200b", "é", "Ω", "漢字", "🙂", "\u0301",
]  # fmt: skip
documents = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
    st.text(max_size=300),
)

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- segmentation offsets -----------------------------------------------------------------


def _spans_hold(spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    """Every span is non-empty, within ``[lo, hi]``, and after the one before it."""
    previous_end = lo
    for start, end in spans:
        assert lo <= start < end <= hi, (start, end)
        assert start >= previous_end, "spans overlap or go backwards"
        previous_end = end


def _stripped(text: str, spans: list[tuple[int, int]]) -> None:
    """A span never begins or ends with white space: the quote is what a reader sees."""
    for start, end in spans:
        assert text[start:end] == text[start:end].strip(), repr(text[start:end])


@FAST
@given(documents)
@example("- one\n- two\r\n\f\n# Heading\n\ntext.")
def test_segment_spans_hold_for_any_text(text: str) -> None:
    _spans_hold([(b.start, b.end) for b in segment(text)], 0, len(text))


@FAST
@given(documents)
@example("Dr. Smith met Mr. Jones. The plan, e.g. this one, failed. 2019 was worse.")
def test_sentence_spans_hold_for_any_text(text: str) -> None:
    for b in segment(text):
        _spans_hold(sentences(text, b.start, b.end), b.start, b.end)
    _spans_hold(sentences(text, 0, len(text)), 0, len(text))


# Python's str.strip() removes these; loaders/segment.py trims only the white space it lists
# (_WS), so they can stay at a span's edge. "\x0b" is Word's manual line break.
OTHER_SPACES = ["\x0b", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029", "\u3000"]


@FAST
@given(st.lists(st.sampled_from(PIECES + OTHER_SPACES), max_size=60).map("".join))
@example("\u2028x")
@example("Leaders must improve.\x0b")
def test_spans_have_no_white_space_at_their_edges(text: str) -> None:
    blocks = segment(text)
    _stripped(text, [(b.start, b.end) for b in blocks])
    for b in blocks:
        _stripped(text, sentences(text, b.start, b.end))


@FAST
@given(documents)
def test_spans_of_ordinary_text_have_no_white_space_at_their_edges(text: str) -> None:
    assume(not set(OTHER_SPACES) & set(text))
    blocks = segment(text)
    _stripped(text, [(b.start, b.end) for b in blocks])
    for b in blocks:
        _stripped(text, sentences(text, b.start, b.end))


# --- IRIs -------------------------------------------------------------------------------

labels = st.text(max_size=200)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MINTERS = [
    ("assessment", iri.assessment),
    ("local authority", iri.local_authority),
    ("role", iri.role),
    ("theme", iri.theme),
    ("grade", iri.grade),
    ("judgement area", iri.judgement_area),
    ("person", lambda label: iri.agent(label, "Person")),
    ("organisation", lambda label: iri.agent(label, "Organisation")),
]


@FAST
@given(labels)
@example("")
@example("   ")
@example("Director of People")
@example("Directeur général – Enfance")
@example("<script>alert(1)</script>")
@example('a"b{c}d|e^f`g\\h')
@example("漢字")
@example("x" * 500)
def test_slug_is_a_short_stable_slug(label: str) -> None:
    s = iri.slug(label)
    assert SLUG.match(s), s
    assert len(s) <= 80
    assert iri.slug(label) == s


@FAST
@given(labels)
@example("Director of People")
@example('<>"{}|^`\\ \n\t')
def test_minted_iris_are_valid_everywhere(label: str) -> None:
    for _, mint in MINTERS:
        term = mint(label)
        assert isinstance(term, URIRef)
        assert _is_valid_uri(str(term)), term
        assert str(term).startswith(iri.ID)
        ox.NamedNode(str(term))  # pyoxigraph parses it as an absolute IRI, or raises
        assert mint(label) == term  # same input, same IRI


@FAST
@given(st.text(alphabet=st.characters(categories=["Lo", "So", "Nd"]), min_size=1, max_size=20))
def test_labels_without_ascii_letters_still_get_distinct_slugs(label: str) -> None:
    assume(not re.search(r"[A-Za-z0-9]", unicodedata.normalize("NFKD", label)))
    s = iri.slug(label)
    assert re.fullmatch(r"x[0-9a-f]{12,16}", s), s
    assert s == iri.slug(label)
    assert s != iri.slug(label + label)


@FAST
@given(
    st.lists(
        st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), min_size=1, max_size=6),
        min_size=2,
        max_size=20,
        unique_by=tuple,
    )
)
def test_labels_of_different_words_get_different_slugs(phrases: list[list[str]]) -> None:
    # slugs fold case, spacing and punctuation on purpose; different words must not collide
    slugs = {iri.slug(" ".join(words)) for words in phrases}
    assert len(slugs) == len(phrases)


def test_excerpt_and_document_iris_from_manifest_ids() -> None:
    # manifest ids are checked against [a-z0-9][a-z0-9-]*, so they go into IRIs unchanged
    for doc_id in ("a", "cabinet-2023-09-26-ilacs", "0" * 100):
        for term in (iri.document(doc_id), iri.excerpt(doc_id, 0, 10), iri.named_graph(doc_id)):
            assert _is_valid_uri(str(term))
            ox.NamedNode(str(term))


# --- escaping -----------------------------------------------------------------------------


@FAST
@given(st.text())
@example("<script>alert('x')</script> & \"quotes\"")
def test_html_escape_round_trips(text: str) -> None:
    escaped = html.escape(text, quote=True)
    assert not set("<>\"'") & set(escaped)
    assert html.unescape(escaped) == text


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=30,
)


@FAST
@given(json_values)
@example({"quote": "</script><script>alert(1)</script>"})
@example({"quote": "<!-- <script> -->", "x": "\u2028\u2029 & >"})
def test_embedded_json_round_trips_and_cannot_leave_its_script(data: object) -> None:
    from cskg.graph.html import embed_json

    text = embed_json(data)
    assert json.loads(text) == data
    assert not set("<>&\u2028\u2029") & set(text)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=100))
@example("</script><img src=x onerror=alert(1)>")
def test_embedded_json_reads_back_from_a_real_page(quote: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from cskg.graph.html import embed_json

    page = (
        '<!doctype html><html><head><script id="data" type="application/json">'
        + embed_json({"quote": quote})
        + "</script></head><body></body></html>"
    )
    tree = LexborHTMLParser(page)
    scripts = tree.css("script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].text()) == {"quote": quote}


# --- extraction -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extract():
    from cskg.loaders.extract import extract_document
    from cskg.loaders.records import Document

    def run(text: str):  # noqa: ANN202
        doc = Document(
            id="d", path="corpus/d.txt", title="", doc_type="", date="2019", publisher="",
            council="Medway", sha256="0" * 64, text=text,
        )  # fmt: skip
        return extract_document(doc, ())

    return run


def _excerpts(x) -> list:  # noqa: ANN001
    out = [e for f in x.findings for e in f.excerpts]
    out += [r.excerpt for r in (*x.judgements, *x.roles, *x.actions, *x.figures)]
    return out


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=documents)
@example(text="Overall effectiveness: Inadequate\n\n- Leaders must improve supervision.\n")
def test_extraction_never_crashes_and_quotes_are_exact(extract, text: str) -> None:  # noqa: ANN001
    x = extract(text)
    for e in _excerpts(x):
        assert text[e.start : e.end] == e.quote
