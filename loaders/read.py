"""Read a corpus document into the text that excerpt offsets index: no RDF here.

What each reader does to the text, and no more:

* ``.txt`` / ``.md``: decoded as UTF-8 and kept exactly, byte for byte, except that a leading
  byte order mark is dropped (as Python's ``utf-8-sig`` codec does). Line endings are kept as
  they are (``\\r\\n`` stays ``\\r\\n``), so offsets index the file as a user opens it.
* ``.pdf``: the text layer of each page as PDFium gives it, in page order, pages joined by
  :data:`PAGE_SEPARATOR`. The text is ours, so it is normalised: ``\\r\\n`` and ``\\r`` become
  ``\\n``, and the marker PDFium puts where a hyphenated word was wrapped (``\\x02`` or
  ``U+FFFE``, as in ``multi\\ufffeagency``) becomes ``-``. Nothing else changes.
* ``.html`` / ``.htm``: visible text only, one block element per line (see :func:`html_text`).

The same bytes always give the same text.
"""

from __future__ import annotations

import codecs
import errno
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cskg.errors import DocumentError
from cskg.loaders import regexcache

__all__ = [
    "MEDIA_TYPES",
    "PAGE_SEPARATOR",
    "SourceText",
    "html_text",
    "read_document",
    "sniff_media_type",
]

#: Media type of each extension cskg reads.
MEDIA_TYPES: dict[str, str] = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".pdf": "application/pdf",
    ".html": "text/html",
    ".htm": "text/html",
}

#: Put between the text of consecutive PDF pages (a form feed on a line of its own).
PAGE_SEPARATOR = "\n\f\n"

_SNIFF_BYTES = 64 * 1024

# Magic numbers of the files most often misnamed in a council's folder.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"PK\x03\x04", "application/zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),
    (b"\x1f\x8b", "application/gzip"),
    (b"{\\rtf", "application/rtf"),
)

_DESCRIPTIONS: dict[str, str] = {
    "text/html": "an HTML page",
    "text/plain": "plain text",
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/gif": "a GIF image",
    "image/tiff": "a TIFF image",
    "application/zip": "a ZIP archive, such as a Word .docx file",
    "application/x-ole-storage": "an old Word or Excel file",
    "application/gzip": "a gzip archive",
    "application/rtf": "an RTF document",
    "application/octet-stream": "binary data",
}

_HTML_START = regexcache.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_META_CHARSET = regexcache.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I
)


@dataclass(frozen=True)
class SourceText:
    """A document's text as cskg reads it; excerpt offsets index ``text``."""

    text: str
    media_type: str
    page_starts: tuple[int, ...] = ()  # PDF only: offset in ``text`` where each 1-based page starts


def sniff_media_type(data: bytes) -> str:
    """Guess a media type from a file's first bytes: PDF, HTML, a known binary, text or binary."""
    head = data[:1024]
    at = head.find(b"%PDF-")
    # PDFium, like Acrobat, accepts junk before the header in the first 1 KB; a text file
    # that merely mentions "%PDF-" is still text.
    if at >= 0 and (not head[:at].strip() or _looks_binary(head[:at])):
        return "application/pdf"
    body = head[3:] if head.startswith(codecs.BOM_UTF8) else head
    if _HTML_START.match(body):
        return "text/html"
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    return "application/octet-stream" if _looks_binary(data[:_SNIFF_BYTES]) else "text/plain"


def _looks_binary(sample: bytes) -> bool:
    """True for NUL bytes, or mostly control bytes, or mostly bytes that are not UTF-8 text."""
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\x1b")
    if controls / len(sample) > 0.1:
        return True
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.reason != "unexpected end of data":  # a sample may cut a character in two
            high = sum(1 for b in sample if b >= 128)
            return high / len(sample) > 0.3
    return False


def _size(n: int, other: int) -> str:
    """``n`` bytes for a message, precise enough to differ from ``other``."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if n >= scale:
            for digits in (0, 1, 2):
                if round(n / scale, digits) != round(other / scale, digits):
                    return f"{n / scale:.{digits}f} {unit}"
            return f"{n / scale:.2f} {unit}"
    return f"{n} bytes"


def _too_big(path: Path, size: int, limit: int) -> DocumentError:
    return DocumentError(f"{path}: is {_size(size, limit)}; the limit is {_size(limit, size)}")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a one-line :class:`DocumentError` naming it and the problem."""
    try:
        st = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise DocumentError(f"{path}: is a symbolic link loop") from err
        if err.errno == errno.ENOENT:
            if path.is_symlink():
                raise DocumentError(f"{path}: is a broken symbolic link") from err
            raise DocumentError(f"{path}: does not exist") from err
        if err.errno == errno.EACCES:
            raise DocumentError(f"{path}: cannot be read (permission denied)") from err
        raise DocumentError(f"{path}: cannot be read ({err.strerror})") from err
    if path.is_dir():
        raise DocumentError(f"{path}: is a directory, not a document")
    if not path.is_file():
        raise DocumentError(f"{path}: is not a regular file")
    suffix = path.suffix.lower()
    if suffix not in MEDIA_TYPES:
        shown = f"an unknown extension '{path.suffix}'" if path.suffix else "no extension"
        raise DocumentError(f"{path}: has {shown}; cskg reads .txt, .md, .pdf, .html and .htm")
    if st.st_size > max_bytes:
        raise _too_big(path, st.st_size, max_bytes)
    try:
        data = path.read_bytes()
    except PermissionError as err:
        raise DocumentError(f"{path}: cannot be read (permission denied)") from err
    except OSError as err:
        raise DocumentError(f"{path}: cannot be read ({err.strerror})") from err
    if not data:
        raise DocumentError(f"{path}: the file is empty")
    if len(data) > max_bytes:  # it grew since stat
        raise _too_big(path, len(data), max_bytes)
    return data


def _decode_utf8(path: Path, data: bytes) -> str:
    """Strict UTF-8 (a leading BOM dropped), or an error naming the first bad byte."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = start + err.start
        raise DocumentError(
            f"{path}: is not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset}); "
            "save it as UTF-8"
        ) from err


def _describe(media_type: str) -> str:
    return _DESCRIPTIONS.get(media_type, media_type)


def read_document(path: Path, max_bytes: int = 50_000_000) -> SourceText:
    """Read a .txt, .md, .pdf, .html or .htm file into the text that offsets index."""
    # PDFium is not thread-safe: read PDFs in parallel with processes, not threads.
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    media_type = MEDIA_TYPES[path.suffix.lower()]
    sniffed = sniff_media_type(data)
    if media_type == "application/pdf":
        if sniffed != "application/pdf":
            raise DocumentError(f"{path}: is not a PDF (it looks like {_describe(sniffed)})")
        return _read_pdf(path, data)
    if sniffed == "application/pdf":
        raise DocumentError(f"{path}: is a PDF, not text; rename it to .pdf")
    if sniffed == "application/octet-stream":
        raise DocumentError(f"{path}: looks like a binary file, not text")
    if sniffed not in ("text/plain", "text/html"):
        raise DocumentError(f"{path}: looks like a binary file, not text ({_describe(sniffed)})")
    if media_type == "text/html":
        return SourceText(_html_text_of(path, data), media_type, ())
    return SourceText(_decode_utf8(path, data), media_type, ())


# --- PDF ---------------------------------------------------------------------------------

_PDF_NEWLINES = regexcache.compile(r"\r\n?")
_PDF_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})


def _pdf_page_text(raw: str) -> str:
    """PDFium's page text with our two normalisations: newlines and wrapped-hyphen markers."""
    return _PDF_NEWLINES.sub("\n", raw).translate(_PDF_HYPHENS)


def _read_pdf(path: Path, data: bytes) -> SourceText:
    """Text of every page, joined by :data:`PAGE_SEPARATOR`, with each page's start offset."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError(f"{path}: is encrypted (a password is needed to open it)") from err
        if getattr(err, "err_code", None) == pdfium_c.FPDF_ERR_SECURITY:
            raise DocumentError(f"{path}: uses an unsupported PDF security handler") from err
        raise DocumentError(f"{path}: cannot be read as a PDF (it may be damaged: {err})") from err
    pages: list[str] = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(_pdf_page_text(textpage.get_text_bounded()))
                finally:
                    textpage.close()
            finally:
                page.close()
    except pdfium.PdfiumError as err:
        raise DocumentError(
            f"{path}: cannot be read as a PDF (page {len(pages) + 1}: {err})"
        ) from err
    finally:
        pdf.close()
    if not pages:
        raise DocumentError(f"{path}: has no pages")
    if not any(page.strip() for page in pages):
        raise DocumentError(f"{path}: has no text layer (scanned images?); OCR it first")
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(PAGE_SEPARATOR)
    return SourceText(PAGE_SEPARATOR.join(pages), "application/pdf", tuple(starts))


# --- HTML --------------------------------------------------------------------------------

# Never rendered: their text is not part of the document.
_SKIP = frozenset(
    "script style noscript template head title meta link iframe object embed svg math canvas "
    "audio video button select textarea input -comment !doctype".split()
)
# Blocks that stand apart from their neighbours: a blank line before and after.
_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 ul ol dl table blockquote pre section article header footer main nav "
    "aside figure form address details hr fieldset".split()
)
# Blocks that only start a new line.
_LINE = frozenset(
    "div li tr dt dd caption figcaption summary legend option thead tbody tfoot center".split()
)
_CELLS = frozenset({"td", "th"})
_ASCII_SPACE = regexcache.compile(r"[ \t\n\r\f]+")  # HTML collapses these; a no-break space stays
_SPACE_RUN = regexcache.compile(r" {2,}")


class _TextBuilder:
    """Collects inline text and line breaks; emits each break once, before the next text."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.pending = 0  # 0 none, 1 new line, 2 blank line
        self.prefix = ""  # a list item's "- ", written before its first text
        self.cell_depth = 0
        self.item_depth = 0
        self.row_has_cell = False

    def brk(self, level: int) -> None:
        if self.cell_depth:  # a block inside a table cell keeps the row on one line
            self.current.append(" ")
            return
        self._end_line()
        if self.item_depth:  # paragraphs inside a list item do not split the list
            level = 1
        self.pending = max(self.pending, level)

    def item(self) -> None:
        self.brk(1)
        self.prefix = "- "

    def text(self, value: str) -> None:
        if not self.current and not value.strip():
            return  # blank text at the start of a line is never shown
        if self.pending:
            if self.lines and self.pending == 2:
                self.lines.append("")
            self.pending = 0
        if self.prefix:
            self.current.append(self.prefix)
            self.prefix = ""
        self.current.append(value)

    def cell(self) -> None:
        if self.row_has_cell:
            self.current.append("\t")
        self.row_has_cell = True

    def _end_line(self) -> None:
        line = _SPACE_RUN.sub(" ", "".join(self.current))
        line = "\t".join(part.strip(" ") for part in line.split("\t"))
        self.current = []
        if line.strip():
            self.lines.append(line)

    def result(self) -> str:
        self._end_line()
        return "\n".join(self.lines) + "\n" if self.lines else ""


def html_text(html: str) -> str:
    """Visible text of an HTML page: one block per line, list items as ``- item``."""
    # Paragraph-like blocks (p, headings, lists, tables, sections) are set apart by a blank
    # line; div, li, tr and br start a new line; table cells are joined by a tab; runs of
    # spaces collapse to one. script, style, noscript, template, head and [hidden] are dropped.
    tree = LexborHTMLParser(html)
    out = _TextBuilder()
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return ""
    # Iterative walk (deeply nested pages would overflow a recursive one): (node, entering).
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    pre_depth = 0
    while stack:
        node, entering = stack.pop()
        tag = node.tag or ""
        if tag == "-text":
            if entering:
                value = node.text_content or ""
                if pre_depth:
                    for i, piece in enumerate(value.split("\n")):
                        if i:
                            out.brk(1)
                        out.text(piece)
                else:
                    out.text(_ASCII_SPACE.sub(" ", value))
            continue
        if entering:
            if tag in _SKIP or (node.attributes and "hidden" in node.attributes):
                continue
            stack.append((node, False))
            children = []
            child = node.first_child
            while child is not None:
                children.append(child)
                child = child.next
            stack.extend((c, True) for c in reversed(children))
            if tag == "br":
                out.brk(1)
            elif tag in _PARAGRAPH:
                out.brk(2)
            elif tag in _LINE:
                out.brk(1)
            if tag == "pre":
                pre_depth += 1
            elif tag == "li":
                out.item()
                out.item_depth += 1
            elif tag == "tr":
                out.row_has_cell = False
            elif tag in _CELLS:
                out.cell()
                out.cell_depth += 1
        else:
            if tag == "pre":
                pre_depth -= 1
            elif tag == "li":
                out.item_depth -= 1
            elif tag in _CELLS:
                out.cell_depth -= 1
            if tag in _PARAGRAPH:
                out.brk(2)
            elif tag in _LINE:
                out.brk(1)
    return out.result()


def _html_text_of(path: Path, data: bytes) -> str:
    """Decode an HTML file (UTF-8, or the charset its meta tag declares) and take its text."""
    match = _HTML_META_CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii").lower() if match else "utf-8"
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        codec = "utf-8"
    if codec in ("utf-8", "ascii"):
        source = _decode_utf8(path, data)
    else:  # an old page in windows-1252 or latin-1: its declared charset is its truth
        source = data.decode(codec, errors="replace")
    text = html_text(source)
    if not text.strip():
        raise DocumentError(f"{path}: has no visible text")
    return text
