"""Tests for loaders/read.py: real Ofsted PDFs, HTML, text, and every way a file can be bad."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cskg.errors import DocumentError
from cskg.loaders.read import (
    PAGE_SEPARATOR,
    SourceText,
    html_text,
    read_document,
    sniff_media_type,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"

# (file, pages, a phrase on page 1, a phrase on the last page)
REAL_PDFS = [
    ("norfolk-lac-2013.pdf", 23, "Inspection of looked after children", "Record of main findings"),
    ("peterborough-sif-2015.pdf", 48, "Children’s services in Peterborough", "© Crown copyright"),
    ("newham-ilacs-2019.pdf", 13, "Overall effectiveness Inadequate", "Ofsted"),
    ("isles-of-scilly-ilacs-2023.pdf", 9, "Requires Improvement to be good", "Ofsted"),
    ("trafford-ilacs-2026.pdf", 12, "Inspection of Trafford local authority", "Ofsted"),
    ("darlington-focused-visit-2021.pdf", 4, "Focused visit to Darlington", "Yours sincerely"),
    ("barnsley-focused-visit-2024.pdf", 5, "Focused visit to Barnsley", "Yours sincerely"),
]


def _page(source: SourceText, number: int) -> str:
    """Text of 1-based page ``number``, without the separator."""
    starts = (*source.page_starts, len(source.text) + len(PAGE_SEPARATOR))
    return source.text[starts[number - 1] : starts[number] - len(PAGE_SEPARATOR)]


@pytest.mark.parametrize(("name", "pages", "first", "last"), REAL_PDFS)
def test_real_pdf_text_and_page_starts(name: str, pages: int, first: str, last: str) -> None:
    source = read_document(FIXTURES / name)
    assert source.media_type == "application/pdf"
    assert len(pdfium.PdfDocument(FIXTURES / name)) == pages
    assert len(source.page_starts) == pages
    assert source.page_starts[0] == 0
    assert list(source.page_starts) == sorted(set(source.page_starts))
    for start in source.page_starts[1:]:
        assert source.text[start - len(PAGE_SEPARATOR) : start] == PAGE_SEPARATOR
    assert source.text.count("\f") == pages - 1
    # Our normalisations: no carriage returns, no PDFium wrapped-hyphen markers.
    assert not {"\r", "\x02", "\ufffe"} & set(source.text)
    assert first in _page(source, 1)
    assert last in _page(source, pages)


@pytest.mark.parametrize("name", [row[0] for row in REAL_PDFS])
def test_real_pdf_text_is_deterministic(name: str) -> None:
    assert read_document(FIXTURES / name) == read_document(FIXTURES / name)


def test_wrapped_hyphen_marker_becomes_a_hyphen() -> None:
    # PDFium gives "mid\ufffe2012" where the report printed "mid-" at a line end.
    text = read_document(FIXTURES / "norfolk-lac-2013.pdf").text
    assert "(mid-2012 estimates)" in text


def test_fake_pdf_from_the_wild_is_an_html_page() -> None:
    # A scraper saved Ofsted's "Report not found" page as this .pdf.
    path = FIXTURES / "birmingham-not-a-pdf-2012.pdf"
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: is not a PDF (it looks like an HTML page)"


# --- building small PDFs ----------------------------------------------------------------


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF file from numbered object bodies (object 1 is the catalog), with a valid xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def _text_pdf(*pages: str) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(len(pages)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))
    font = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        lines = text.encode("latin-1").split(b"\n")
        ops = b" 0 -14 Td ".join(b"(%s) Tj" % line for line in lines)
        stream = b"BT /F1 12 Tf 20 170 Td " + ops + b" ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _pdf(objects)


def test_pdf_pages_are_joined_and_newlines_normalised(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    path.write_bytes(_text_pdf("Kent\nCounty Council", "Page two"))
    source = read_document(path)
    assert source == SourceText(
        "Kent\nCounty Council" + PAGE_SEPARATOR + "Page two",
        "application/pdf",
        (0, len("Kent\nCounty Council" + PAGE_SEPARATOR)),
    )
    assert _page(source, 2) == "Page two"


# --- errors: one line, naming the file ---------------------------------------------------


def _error(path: Path, **kwargs: int) -> str:
    with pytest.raises(DocumentError) as err:
        read_document(path, **kwargs)
    message = str(err.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name", ["x.pdf", "x.txt", "x.md", "x.html"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert _error(path) == f"{path}: the file is empty"


def test_html_saved_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"<!DOCTYPE html>\n<html><body>Report not found</body></html>")
    assert _error(path) == f"{path}: is not a PDF (it looks like an HTML page)"


def test_other_file_saved_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert _error(path) == (
        f"{path}: is not a PDF (it looks like a ZIP archive, such as a Word .docx file)"
    )


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>" % (b"11" * 32, b"22" * 32)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        encrypt,
    ]
    file_id = b"<%s>" % (b"33" * 16)
    path.write_bytes(_pdf(objects, b"/Encrypt 4 0 R /ID [%s %s] " % (file_id, file_id)))
    assert _error(path) == f"{path}: is encrypted (a password is needed to open it)"


def test_image_only_pdf(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(200, 200)
    bitmap = pdfium.PdfBitmap.new_native(20, 20, pdfium.raw.FPDFBitmap_BGR)
    bitmap.fill_rect((90, 90, 90, 255), 0, 0, 20, 20)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(150, 150))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    assert _error(path) == f"{path}: has no text layer (scanned images?); OCR it first"


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    assert _error(path).startswith(f"{path}: cannot be read as a PDF (it may be damaged: ")


@pytest.mark.parametrize(
    "data",
    [
        b"abc\x00def",  # a NUL byte
        bytes(range(1, 32)) * 10,  # mostly control bytes
        bytes(range(128, 256)) * 4,  # mostly bytes that are not UTF-8 text
    ],
)
def test_binary_data_in_a_text_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    assert _error(path) == f"{path}: looks like a binary file, not text"


def test_image_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 30)
    assert _error(path) == f"{path}: looks like a binary file, not text (a PNG image)"


def test_pdf_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(_text_pdf("Kent"))
    assert _error(path) == f"{path}: is a PDF, not text; rename it to .pdf"


@pytest.mark.parametrize(
    ("data", "byte", "offset"),
    [
        (b"Budget: \xa3100m", "0xa3", 8),  # a pound sign in Windows-1252
        (b"\xef\xbb\xbfBOM then \x92quote", "0x92", 12),  # offsets count the BOM's bytes
    ],
)
def test_text_that_is_not_utf8(tmp_path: Path, data: bytes, byte: str, offset: int) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(data)
    assert _error(path) == (
        f"{path}: is not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8"
    )


def test_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as f:
        f.truncate(61_000_000)  # sparse: no need to write 61 MB
    assert _error(path) == f"{path}: is 61 MB; the limit is 50 MB"


def test_file_over_a_small_limit(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("x" * 61)
    assert _error(path, max_bytes=50) == f"{path}: is 61 bytes; the limit is 50 bytes"


def test_directory(tmp_path: Path) -> None:
    path = tmp_path / "reports.pdf"
    path.mkdir()
    assert _error(path) == f"{path}: is a directory, not a document"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.pdf"
    assert _error(path) == f"{path}: does not exist"


def test_symlink_loop(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    a.symlink_to(b)
    b.symlink_to(a)
    assert _error(a) == f"{a}: is a symbolic link loop"


def test_broken_symlink(tmp_path: Path) -> None:
    path = tmp_path / "link.pdf"
    path.symlink_to(tmp_path / "nowhere.pdf")
    assert _error(path) == f"{path}: is a broken symbolic link"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hello")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert _error(path) == f"{path}: cannot be read (permission denied)"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hello")
    path.chmod(0)
    try:
        assert _error(path) == f"{path}: cannot be read (permission denied)"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize(
    ("name", "shown"),
    [("report.docx", "an unknown extension '.docx'"), ("README", "no extension")],
)
def test_unknown_extension(tmp_path: Path, name: str, shown: str) -> None:
    path = tmp_path / name
    path.write_text("hello")
    assert _error(path) == f"{path}: has {shown}; cskg reads .txt, .md, .pdf, .html and .htm"


# --- text and markdown: kept exactly -----------------------------------------------------


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(
    st.text(
        alphabet=st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t\f"),
        min_size=1,
    ).filter(lambda s: not s.startswith("\ufeff") and not s.lstrip().startswith("%PDF-"))
)
def test_text_round_trips_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_document(path) == SourceText(text, "text/plain", ())


def test_text_keeps_crlf_and_drops_only_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_bytes(b"\xef\xbb\xbf# Minutes\r\n\r\n\xc2\xa3 5m \xe2\x80\x9cquoted\xe2\x80\x9d\r\n")
    assert read_document(path) == SourceText(
        "# Minutes\r\n\r\n£ 5m “quoted”\r\n", "text/markdown", ()
    )


def test_extension_case_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "NOTES.TXT"
    path.write_text("Kent")
    assert read_document(path).text == "Kent"


# --- HTML: visible text, one block per line ----------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Cabinet</title><style>p { color: red }</style>
<script>var secret = "do not show";</script></head>
<body>
<noscript>Enable JavaScript</noscript>
<template><p>template text</p></template>
<h1>Children’s   services
  report</h1>
<p>Ofsted found   that <b>leaders</b> had
acted.<br>Next line</p>
<ul><li>First item</li><li><p>Second item</p></li></ul>
<table><tr><th>Area</th><th>Grade</th></tr><tr><td>Leaders</td><td>Good</td></tr></table>
<div hidden>hidden text</div>
<script>document.write("also hidden")</script>
<p>Cost &pound;5m&nbsp;a year</p>
</body></html>"""


def test_html_text() -> None:
    assert html_text(PAGE) == (
        "Children’s services report\n"
        "\n"
        "Ofsted found that leaders had acted.\n"
        "Next line\n"
        "\n"
        "- First item\n"
        "- Second item\n"
        "\n"
        "Area\tGrade\n"
        "Leaders\tGood\n"
        "\n"
        "Cost £5m\xa0a year\n"
    )


def test_html_document(tmp_path: Path) -> None:
    path = tmp_path / "cabinet.html"
    path.write_text(PAGE, encoding="utf-8")
    source = read_document(path)
    assert source.media_type == "text/html"
    assert source.page_starts == ()
    assert "secret" not in source.text and "also hidden" not in source.text
    assert "Enable JavaScript" not in source.text and "template text" not in source.text
    assert source.text.splitlines()[0] == "Children’s services report"
    assert "- Second item" in source.text.splitlines()
    assert read_document(path) == source


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    page = b'<html><head><meta charset="windows-1252"></head><body><p>\x93Cost\x94 \xa35m</p>'
    path.write_bytes(page)
    assert read_document(path).text == "“Cost” £5m\n"


def test_html_without_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><script>1</script></body></html>")
    assert _error(path) == f"{path}: has no visible text"


def test_deeply_nested_html_does_not_overflow() -> None:
    assert html_text("<div>" * 5000 + "deep" + "</div>" * 5000) == "deep\n"


# --- sniffing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (b"\r\n\r\n%PDF-1.4\n", "application/pdf"),  # junk before the header is allowed
        (b"\x00\x01MacBinary%PDF-1.4\n", "application/pdf"),
        (b"Notes: a PDF file starts %PDF-1.4", "text/plain"),  # text that mentions it
        (b"<!DOCTYPE html><html>", "text/html"),
        (b"\xef\xbb\xbf  <html lang=en>", "text/html"),
        (b"<!-- saved page -->\n<HTML>", "text/html"),
        (b"\x89PNG\r\n\x1a\nrest", "image/png"),
        (b"PK\x03\x04rest", "application/zip"),
        (b"Plain words\r\n", "text/plain"),
        (b"Budget \xa3100m", "text/plain"),  # not UTF-8, but text: read_document says so
        (b"a\x00b", "application/octet-stream"),
        (b"", "text/plain"),
    ],
)
def test_sniff_media_type(data: bytes, expected: str) -> None:
    assert sniff_media_type(data) == expected
