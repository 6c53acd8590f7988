"""`cskg manifest DIR`: the manifest inferred from a folder's documents, as YAML to review."""

from __future__ import annotations

from pathlib import Path

import yaml

from cskg.errors import DocumentError
from cskg.loaders import corpus as corpus_mod

__all__ = ["draft_manifest"]


def _inferred_assessment(text: str, council: str) -> tuple[str, dict] | None:
    """(key, manifest entry) of the assessment an Ofsted report or letter is, if it is one."""
    from cskg.loaders.ofsted import assessment_key, assessment_label, read_report

    report = read_report(text)
    if report is None or report.year is None or not council:
        return None
    month = int(report.start_date[5:7]) if report.start_date else None
    key = assessment_key(
        council, report.kind, report.year, month if report.kind == "monitoring visit" else None
    )
    entry = {
        "label": assessment_label(report.kind, report.format, report.year, month),
        "kind": report.kind,
        "year": report.year,
        "start": report.start_date,
        "end": report.end_date,
        "conducted_by": "Ofsted",
        "council": council,
    }
    return key, {k: v for k, v in entry.items() if v}


def draft_manifest(root: Path, keep_going: bool = False) -> str:
    """Read every document of ``root`` and print what the manifest would say of each.

    A file that cannot be read is an error, as in ``cskg build``. With ``keep_going`` it is
    named in a comment at the top instead, so that one broken file in a folder of hundreds
    does not hide the draft of the others.
    """
    manifest, specs, _ = corpus_mod.plan(root)
    entries = []
    councils = set()
    inferred: dict[str, dict] = {}
    broken: list[str] = []
    for spec in specs:
        try:
            doc = corpus_mod.load_document(root, spec)
        except DocumentError as err:
            if not keep_going:
                raise
            broken.append(str(err))  # the draft still covers the rest of the folder
            continue
        councils.add(doc.council)
        keys = list(spec.assessments)
        if not keys:
            found = _inferred_assessment(doc.text, doc.council)
            if found is not None:
                inferred.setdefault(found[0], found[1])
                keys = [found[0]]
        entry = {
            "id": doc.id,
            "file": spec.file,
            "title": doc.title,
            "type": doc.doc_type,
            "date": doc.date,
            "publisher": doc.publisher,
            "council": doc.council,
            "assessments": keys,
        }
        entries.append({k: v for k, v in entry.items() if v})
    data: dict = {}
    single = len(councils) == 1 and "" not in councils
    if single:
        data["council"] = councils.pop()
        for entry in entries:
            entry.pop("council", None)
        for a in inferred.values():
            a.pop("council", None)
    assessments = {
        a.key: {
            k: v
            for k, v in {
                "label": a.label,
                "kind": a.kind,
                "year": a.year,
                "start": a.start_date,
                "end": a.end_date,
                "conducted_by": a.conducted_by,
            }.items()
            if v
        }
        for a in manifest.assessments
    }
    for key, entry in sorted(inferred.items()):
        assessments.setdefault(key, entry)
    if assessments:
        data["assessments"] = assessments
    data["documents"] = entries
    header = (
        f"# Manifest inferred by `cskg manifest {root}`: review each field, then save it as\n"
        f"# {root / corpus_mod.MANIFEST}. Fields given there override inference.\n"
    ) + "".join(f"# Not read (`cskg build --keep-going` skips it): {b}\n" for b in broken)
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
