"""Compile extraction's and tagging's fixed patterns ahead, and keep them for every run.

``python -m cskg.graph.prepare`` is to cskg's patterns what ``python -m compileall`` is to its
bytecode (:mod:`cskg.loaders.regexcache` says why and how): `make run` runs both, so that a
first build does not pay for compiling them, even where ``PYTHONDONTWRITEBYTECODE`` keeps
builds themselves from writing the file.
"""

from __future__ import annotations

import sys

from cskg.loaders import regexcache

__all__ = ["prepare"]

# a short statement that takes extraction through its tables (cues, actors, judgements,
# assessment kinds); what it yields is not kept
_SAMPLE = (
    "Ofsted inspection of children's services, 1 to 12 May 2023.\n\n"
    "Overall effectiveness: Requires improvement to be good.\n\n"
    "Leaders should improve the quality of plans for children in care. "
    "The Director of Children's Services has acted on the findings of the last inspection.\n"
)


def prepare() -> tuple[int, bool]:
    """Compile the fixed patterns and write them to the kept file; (how many theme phrases
    were compiled, whether the file was written)."""
    from cskg.loaders.extract import extract_document
    from cskg.loaders.records import Document
    from cskg.ontology.themes import load_themes

    doc = Document(
        id="sample", path="sample.txt", title="sample", doc_type="inspection report",
        date="2023-06-01", publisher="Ofsted", council="", sha256="", text=_SAMPLE,
    )  # fmt: skip
    extract_document(doc, ())
    phrases = load_themes().compile_all()
    return phrases, regexcache.save(force=True)


def main() -> None:  # pragma: no cover - run by make
    phrases, written = prepare()
    where = regexcache.cache_path()
    if written:
        kept = f"kept in {where}"
    elif regexcache.unsaved():
        kept = f"could not write {where}: each build will compile them again"
    else:
        kept = f"{where} was up to date"
    sys.stdout.write(f"{phrases} theme phrases and extraction's tables compiled; {kept}\n")


if __name__ == "__main__":  # pragma: no cover
    main()
