"""Bad documents in the corpus folder, through `cskg build`: one test per case."""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# ---------------------------------------------------------------- errors: the build stops


def test_empty_document(case) -> None:
    bad = case.corpus / "notes.txt"
    bad.write_bytes(b"")
    case.fails(case.build(), f"{bad}: the file is empty")


def test_binary_file(case) -> None:
    bad = case.corpus / "dump.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    case.fails(case.build(), f"{bad}: looks like a binary file, not text")


def test_word_file_renamed_txt(case) -> None:
    bad = case.corpus / "minutes.txt"
    bad.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" + bytes(200))
    case.fails(
        case.build(),
        f"{bad}: looks like a binary file, not text (a ZIP archive, such as a Word .docx file)",
    )


def test_latin1_text_with_pound_sign(case) -> None:
    bad = case.corpus / "budget.txt"
    bad.write_bytes("The budget rose by £2.4m in 2019.\n".encode("latin-1"))
    offset = len("The budget rose by ")
    case.fails(
        case.build(), f"{bad}: is not UTF-8 text (byte 0xa3 at offset {offset}); save it as UTF-8"
    )


def test_document_over_the_size_limit(case) -> None:
    bad = case.corpus / "scan.txt"
    with bad.open("wb") as fh:
        fh.truncate(61_000_000)  # sparse: nothing is written or read
    case.fails(case.build(), f"{bad}: is 61 MB; the limit is 50 MB")


def test_pdf_renamed_txt(case) -> None:
    bad = case.corpus / "report.txt"
    shutil.copy(case.pdfs / "darlington-focused-visit-2021.pdf", bad)
    case.fails(case.build(), f"{bad}: is a PDF, not text; rename it to .pdf")


def test_web_page_saved_as_pdf(case) -> None:
    bad = case.corpus / "birmingham-2012.pdf"
    shutil.copy(case.pdfs / "birmingham-not-a-pdf-2012.pdf", bad)
    case.fails(case.build(), f"{bad}: is not a PDF (it looks like an HTML page)")


def test_truncated_pdf(case) -> None:
    # a download cut off half-way
    data = (case.pdfs / "newham-ilacs-2019.pdf").read_bytes()
    bad = case.corpus / "newham.pdf"
    bad.write_bytes(data[: len(data) // 3])
    result = case.build()
    case.failed(result)
    assert result.stderr.startswith(f"Error: {bad}: cannot be read as a PDF"), result.output
    assert result.stderr.count("\n") == 1
    case.untouched()


def test_scanned_pdf_without_text(case) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(200, 200)
    bitmap = pdfium.PdfBitmap.new_native(20, 20, pdfium.raw.FPDFBitmap_BGR)
    image = pdfium.PdfImage.new(pdf)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(150, 150))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    pdf.save(buffer)
    bad = case.corpus / "scan.pdf"
    bad.write_bytes(buffer.getvalue())
    case.fails(case.build(), f"{bad}: has no text layer (scanned images?); OCR it first")


def test_html_page_without_text(case) -> None:
    bad = case.corpus / "page.html"
    bad.write_text("<!doctype html><html><head><script>x()</script></head><body> </body></html>")
    case.fails(case.build(), f"{bad}: has no visible text")


def test_directory_where_a_file_should_be(case) -> None:
    bad = case.corpus / "2019 reports.pdf"
    bad.mkdir()
    case.fails(case.build(), f"{bad}: is a directory, not a document")


def test_symlink_loop(case) -> None:
    a, b = case.corpus / "a.txt", case.corpus / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    case.fails(case.build(), f"{a}: is a symbolic link loop")


def test_broken_symlink(case) -> None:
    bad = case.corpus / "shared-drive.txt"
    bad.symlink_to(case.corpus / "moved-away.txt")
    case.fails(case.build(), f"{bad}: is a broken symbolic link")


def test_named_pipe(case) -> None:
    # reading a FIFO would block for ever
    bad = case.corpus / "pipe.txt"
    os.mkfifo(bad)
    case.fails(case.build(), f"{bad}: is not a regular file")


def test_unreadable_file(case) -> None:
    bad = case.corpus / "secret.txt"
    bad.write_text("hello\n")
    bad.chmod(0)
    try:
        if os.geteuid() != 0:
            case.fails(case.build(), f"{bad}: cannot be read (permission denied)")
            return
        # root reads any file whatever its mode: run the real `cskg` as root without the
        # capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH)
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and util-linux setpriv is not installed")
        drop = "-dac_override,-dac_read_search"
        cskg = Path(sys.executable).with_name("cskg")
        command = ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", cskg, "build"]
        proc = subprocess.run(
            [*command, "--corpus", case.corpus, "--out", case.out],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if "setpriv:" in proc.stderr:
            pytest.skip(f"cannot drop capabilities here: {proc.stderr.strip()}")
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr == f"Error: {bad}: cannot be read (permission denied)\n"
        case.untouched()
    finally:
        bad.chmod(0o644)


def test_document_without_a_date(case) -> None:
    # no manifest, and nothing in the text says when it was written
    bad = case.corpus / "minutes.txt"
    bad.write_text("Children's services scrutiny\n\nMembers noted the report.\n", encoding="utf-8")
    case.fails(
        case.build(),
        f"{bad}: no date found in its text; give it one in {case.corpus / 'manifest.yaml'} "
        f"(`cskg manifest {case.corpus}` drafts the manifest)",
    )


def test_keep_going_skips_a_document_without_a_date(case) -> None:
    bad = case.corpus / "minutes.txt"
    bad.write_text("Children's services scrutiny\n\nMembers noted the report.\n", encoding="utf-8")
    result = case.build("--keep-going")
    [warning] = case.succeeds(result)
    assert warning.startswith(f"Warning: skipped {bad}: no date found in its text")
    assert "; skipped 1 broken file(s)" in result.stdout


def test_only_broken_documents(case) -> None:
    (case.corpus / case.good.name).unlink()
    (case.corpus / "a.txt").write_bytes(b"")
    result = case.build("--keep-going")
    case.fails(
        result,
        f"{case.corpus}: no readable documents (1 skipped as broken; "
        f"the first: {case.corpus / 'a.txt'}: the file is empty)",
    )


def test_empty_corpus_folder(case) -> None:
    (case.corpus / case.good.name).unlink()
    case.fails(case.build(), f"{case.corpus}: no readable documents (.txt, .md, .pdf, .html)")


def test_corpus_folder_missing(case, tmp_path: Path) -> None:
    nowhere = tmp_path / "nowhere"
    case.fails(case.build(corpus=nowhere), f"{nowhere}: no such corpus folder")


def test_corpus_is_a_file(case) -> None:
    file = case.corpus / case.good.name
    case.fails(case.build(corpus=file), f"{file}: is not a folder")


# ------------------------------------------------------- warnings: the build goes on


def test_keep_going_skips_a_broken_document(case) -> None:
    bad = case.corpus / "notes.txt"
    bad.write_bytes(b"")
    result = case.build("--keep-going")
    warnings = case.succeeds(result)
    assert warnings == [f"Warning: skipped {bad}: the file is empty"]
    assert "1 documents" in result.stdout
    assert result.stdout.rstrip().endswith("; skipped 1 broken file(s)")
    meta = json.loads((case.out / "build.json").read_text(encoding="utf-8"))
    assert meta["skipped"] == ["notes.txt"]


def test_document_not_in_the_manifest(case) -> None:
    extra = case.corpus / "extra.txt"
    shutil.copy(case.good, extra)
    case.manifest("council: Medway\ndocuments:\n" + case.entry())
    result = case.build()
    assert case.succeeds(result) == [
        f"Warning: {extra}: not in manifest.yaml; its details are inferred from its text"
    ]
    assert "2 documents" in result.stdout


def _excerpts_match(out: Path) -> int:
    """Every excerpt's quote is its document's text (text/<id>.txt) at its offsets."""
    from cskg.graph.store import open_store

    rows = open_store(out).query(
        """PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
        SELECT ?q ?s ?e ?d WHERE { ?x a cskg:Excerpt ; cskg:quote ?q ; cskg:start ?s ;
        cskg:end ?e ; cskg:inDocument ?d }""",
        use_default_graph_as_union=True,
    )
    n = 0
    for r in rows:
        doc_id = r["d"].value.rsplit("/", 1)[1]
        text = (out / "text" / f"{doc_id}.txt").read_bytes().decode("utf-8")
        assert text[int(r["s"].value) : int(r["e"].value)] == r["q"].value
        n += 1
    return n


def _counts(out: Path) -> dict[str, int]:
    return json.loads((out / "build.json").read_text(encoding="utf-8"))["counts"]


def test_utf8_with_byte_order_mark(case) -> None:
    path = case.corpus / case.good.name
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    before = _counts(case.out)
    result = case.build()
    assert case.succeeds(result) == []
    assert "\ufeff" not in (case.out / "graph.trig").read_text(encoding="utf-8")
    assert _excerpts_match(case.out) > 10
    after = _counts(case.out)
    # the same graph as without the mark, plus cskg:textPath: the offsets index the text
    # without the mark, which is not the file byte for byte
    assert after == {**before, "triples": before["triples"] + 1}
    assert "cskg:textPath" in (case.out / "graph.trig").read_text(encoding="utf-8")


def test_windows_line_ends(case) -> None:
    path = case.corpus / case.good.name
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before = _counts(case.out)
    result = case.build()
    assert case.succeeds(result) == []
    # offsets index the file as it is, "\r\n" and all
    text = (case.out / "text" / "000-4b6353ed468da645.txt").read_bytes()
    assert text == path.read_bytes()
    assert _excerpts_match(case.out) > 10
    after = _counts(case.out)
    assert after["findings"] == before["findings"] and after["judgements"] == before["judgements"]


def test_file_name_with_a_line_break_and_a_terminal_escape(case) -> None:
    # e-mail attachments and web downloads can be named anything: the error stays one line
    # and cannot drive the terminal
    bad = case.corpus / "report\n\x1b]0;pwned\x07.txt"
    bad.write_bytes(b"")
    shown = str(case.corpus) + "/report\\n\\x1b]0;pwned\\x07.txt"
    case.fails(case.build(), f"{shown}: the file is empty")


def test_draft_manifest_of_a_folder_with_a_broken_document(case) -> None:
    bad = case.corpus / "minutes.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    case.fails(case.run("manifest", case.corpus), f"{bad}: looks like a binary file, not text")
    # --keep-going, as in build: the broken file is named in a comment, the rest is drafted
    result = case.run("manifest", case.corpus, "--keep-going")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2] == (
        f"# Not read (`cskg build --keep-going` skips it): {bad}: "
        "looks like a binary file, not text"
    )
    assert "documents:" in lines


def test_unknown_option(case) -> None:
    result = case.build("--keep-goin")
    case.failed(result, code=2)
    assert "Error: No such option: --keep-goin" in result.stderr
    case.untouched()
