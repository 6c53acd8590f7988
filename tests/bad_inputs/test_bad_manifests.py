"""Bad manifests (corpus/manifest.yaml), through `cskg build`: one test per case."""

from __future__ import annotations

import pytest


def _where(case) -> str:
    return str(case.corpus / "manifest.yaml")


def test_malformed_yaml(case) -> None:
    case.manifest("documents:\n  - id: letter\n   file: x.txt\n")
    case.fails(
        case.build(),
        f"{_where(case)}: malformed YAML at line 3, column 4: expected <block end>, but found "
        "'<block mapping start>'",
    )


def test_half_written_manifest(case) -> None:
    # a save interrupted mid-entry
    case.manifest("council: Medway\ndocuments:\n" + case.entry() + "  - id: oth")
    case.fails(case.build(), f"{_where(case)}: document 'oth': missing 'file'")


def test_empty_manifest(case) -> None:
    case.manifest("")
    case.fails(
        case.build(),
        f"{_where(case)}: is empty; list the documents under 'documents:' or delete it",
    )


def test_manifest_that_is_a_list(case) -> None:
    case.manifest(f"- {case.good.name}\n")
    case.fails(case.build(), f"{_where(case)}: must be a mapping with a 'documents' list")


def test_manifest_not_utf8(case) -> None:
    (case.corpus / "manifest.yaml").write_bytes("council: Médway\n".encode("latin-1"))
    case.fails(
        case.build(),
        f"{_where(case)}: is not UTF-8 text (byte 0xe9 at offset 10); save it as UTF-8",
    )


def test_manifest_is_a_folder(case) -> None:
    (case.corpus / "manifest.yaml").mkdir()
    case.fails(case.build(), f"{_where(case)}: is a folder, not a file")


def test_manifest_nested_too_deeply(case) -> None:
    case.manifest("documents: " + "[" * 5000 + "]" * 5000 + "\n")
    case.fails(case.build(), f"{_where(case)}: is nested too deeply to be a manifest")


def test_manifest_asks_for_a_python_object(case) -> None:
    # safe loading only: a tag that would run code is a syntax error, never a call
    case.manifest("documents: !!python/object/apply:os.system ['touch pwned']\n")
    case.fails(
        case.build(),
        f"{_where(case)}: malformed YAML at line 1, column 12: could not determine a constructor "
        "for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    )
    assert not (case.corpus / "pwned").exists()


def test_entry_whose_file_is_missing(case) -> None:
    case.manifest("documents:\n" + case.entry() + "  - id: gone\n    file: gone.txt\n")
    case.fails(
        case.build(),
        f"{_where(case)}: document 'gone': file 'gone.txt' does not exist in {case.corpus}",
    )


def test_entry_outside_the_corpus_folder(case) -> None:
    case.manifest("documents:\n  - id: secret\n    file: ../../etc/passwd\n")
    case.fails(
        case.build(),
        f"{_where(case)}: document 'secret': file '../../etc/passwd' must be a file name in "
        "the corpus folder",
    )


def test_entry_of_a_kind_cskg_does_not_read(case) -> None:
    (case.corpus / "minutes.docx").write_bytes(b"PK\x03\x04")
    case.manifest("documents:\n" + case.entry() + "  - id: minutes\n    file: minutes.docx\n")
    case.fails(
        case.build(),
        f"{_where(case)}: document 'minutes': 'minutes.docx' is not a "
        ".txt/.md/.pdf/.html/.htm file",
    )


def test_unknown_document_type(case) -> None:
    case.manifest(f"documents:\n  - id: letter\n    file: {case.good.name}\n    type: memo\n")
    result = case.build()
    case.fails(
        result,
        f"{_where(case)}: document 'letter': unknown type 'memo'; use one of: inspection report, "
        "visit letter, focused visit letter, monitoring visit letter, JTAI letter, "
        "SEND inspection report, commissioner report, cabinet report, committee minutes, "
        "committee report, improvement plan, other",
    )


@pytest.mark.parametrize("quoted", [False, True], ids=["unquoted", "quoted"])
def test_impossible_date(case, quoted: bool) -> None:
    date = "'2023-02-30'" if quoted else "2023-02-30"
    case.manifest("documents:\n" + case.entry(f"    date: {date}\n"))
    case.fails(
        case.build(),
        f"{_where(case)}: document 'letter': date '2023-02-30' does not exist "
        "(day is out of range for month)",
    )


def test_date_in_another_format(case) -> None:
    case.manifest("documents:\n" + case.entry("    date: 30/02/2023\n"))
    case.fails(
        case.build(),
        f"{_where(case)}: document 'letter': date '30/02/2023' is not YYYY, YYYY-MM or YYYY-MM-DD",
    )


def test_impossible_assessment_date(case) -> None:
    case.manifest(
        "assessments:\n  ilacs:\n    year: 2019\n    start: 2019-06-31\n"
        "documents:\n" + case.entry("    assessments: [ilacs]\n")
    )
    case.fails(
        case.build(),
        f"{_where(case)}: assessment 'ilacs': date '2019-06-31' does not exist "
        "(day is out of range for month)",
    )


def test_assessment_without_a_year(case) -> None:
    case.manifest("assessments:\n  ilacs:\n    label: ILACS\ndocuments:\n" + case.entry())
    case.fails(case.build(), f"{_where(case)}: assessment 'ilacs' needs a year such as 2019")


def test_unknown_assessment(case) -> None:
    case.manifest("documents:\n" + case.entry("    assessments: [ofsted-2019]\n"))
    case.fails(case.build(), f"{_where(case)}: document 'letter': unknown assessment 'ofsted-2019'")


def test_duplicate_ids(case) -> None:
    other = case.corpus / "copy.txt"
    other.write_bytes(case.good.read_bytes())
    case.manifest("documents:\n" + case.entry() + "  - id: letter\n    file: copy.txt\n")
    case.fails(case.build(), f"{_where(case)}: document 'letter': duplicate id")


def test_one_file_listed_twice(case) -> None:
    case.manifest("documents:\n" + case.entry() + case.entry(doc_id="again"))
    case.fails(
        case.build(), f"{_where(case)}: document 'again': file '{case.good.name}' is listed twice"
    )


def test_id_that_cannot_be_an_iri(case) -> None:
    case.manifest(f"documents:\n  - id: Ofsted Letter 2019\n    file: {case.good.name}\n")
    case.fails(
        case.build(),
        f"{_where(case)}: document 'Ofsted Letter 2019': id must be lower-case letters, "
        "digits and '-'",
    )


def test_entry_that_is_not_a_mapping(case) -> None:
    case.manifest(f"documents:\n  - {case.good.name}\n")
    case.fails(case.build(), f"{_where(case)}: document 1: must be a mapping with id and file")


def test_file_name_too_long(case) -> None:
    name = "x" * 300 + ".txt"
    case.manifest(f"documents:\n  - id: long\n    file: {name}\n")
    case.fails(
        case.build(),
        f"{_where(case)}: document 'long': file '{name}' cannot be used (File name too long)",
    )


def test_keep_going_does_not_skip_a_broken_manifest(case) -> None:
    # --keep-going skips broken documents; a manifest is what the user says, so it must be right
    case.manifest("documents:\n" + case.entry("    date: 2023-13-01\n"))
    case.fails(
        case.build("--keep-going"),
        f"{_where(case)}: document 'letter': date '2023-13-01' does not exist "
        "(month must be in 1..12)",
    )
