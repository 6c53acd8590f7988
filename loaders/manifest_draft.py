"""`cskg manifest DIR`: the manifest inferred from a folder's documents, as YAML to review."""

from __future__ import annotations

from pathlib import Path

import yaml

from cskg.loaders import corpus as corpus_mod


def draft_manifest(root: Path) -> str:
    """Read every document of ``root`` and print what the manifest would say of each."""
    manifest, specs, _ = corpus_mod.plan(root)
    entries = []
    councils = set()
    for spec in specs:
        doc = corpus_mod.load_document(root, spec)
        councils.add(doc.council)
        entry = {
            "id": doc.id,
            "file": spec.file,
            "title": doc.title,
            "type": doc.doc_type,
            "date": doc.date,
            "publisher": doc.publisher,
            "council": doc.council,
        }
        if spec.assessments:
            entry["assessments"] = list(spec.assessments)
        entries.append({k: v for k, v in entry.items() if v})
    data: dict = {}
    if len(councils) == 1 and "" not in councils:
        data["council"] = councils.pop()
    if manifest.assessments:
        data["assessments"] = {
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
    data["documents"] = entries
    header = (
        f"# Manifest inferred by `cskg manifest {root}`: review each field, then save it as\n"
        f"# {root / corpus_mod.MANIFEST}. Fields given there override inference.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
