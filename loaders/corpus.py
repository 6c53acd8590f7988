"""A corpus folder: its documents and what the manifest (or inference) says each one is.

The manifest is optional. Without one, each field is inferred from the document's text
(``cskg manifest DIR`` prints that inference); where present, each field it gives overrides
the inferred one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from cskg.errors import DocumentError, ManifestError
from cskg.loaders import infer, regexcache
from cskg.loaders.read import read_document
from cskg.loaders.records import Assessment, Document

MANIFEST = "manifest.yaml"
SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm")
DOCUMENT_TYPES = (
    "inspection report",
    "visit letter",
    "focused visit letter",
    "monitoring visit letter",
    "JTAI letter",
    "SEND inspection report",
    "commissioner report",
    "cabinet report",
    "committee minutes",
    "committee report",
    "improvement plan",
    "other",
)
#: the types in which an assessment speaks for itself (the first seven); a council's reports,
#: minutes and plans restate what assessments found
ASSESSMENT_REPORT_TYPES = frozenset(DOCUMENT_TYPES[:7])
_ID = regexcache.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
_DATE = regexcache.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MAX_MANIFEST_BYTES = 10_000_000  # a manifest of thousands of documents is well under 1 MB


if getattr(yaml, "__with_libyaml__", False):  # PyYAML built with libyaml (yaml.cyaml)

    class _Base(
        yaml.composer.Composer,
        yaml.cyaml.CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """Safe loading with libyaml's scanner and parser (five times faster on a manifest of
        500 documents) and PyYAML's own composer: libyaml's composer recurses in C and crashes
        the interpreter on a document nested thousands deep, where this one raises
        RecursionError, reported as such."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

else:  # pragma: no cover - PyYAML without libyaml
    _Base = yaml.SafeLoader  # type: ignore[misc,assignment]


class _ManifestLoader(_Base):
    """A safe loader that leaves dates as text.

    The safe loader turns ``2023-02-30`` into a ``ValueError`` with no line number; as text,
    :func:`check_date` reports it against the document that gave it.
    """


_ManifestLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}


class _PureManifestLoader(yaml.SafeLoader):
    """PyYAML's own parser, for its error messages (libyaml words and places some otherwise)."""


_PureManifestLoader.yaml_implicit_resolvers = _ManifestLoader.yaml_implicit_resolvers


def _load_yaml(text: str) -> Any:
    """The manifest's data; a syntax error is raised as PyYAML's pure-Python parser words it,
    so the message is the same with or without libyaml."""
    try:
        return yaml.load(text, Loader=_ManifestLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as fast:
        if issubclass(_Base, yaml.SafeLoader):  # no libyaml: this was PyYAML's own parser
            raise
        try:
            yaml.load(text, Loader=_PureManifestLoader)  # noqa: S506 - a SafeLoader
        except yaml.YAMLError as err:
            raise err from None
        raise fast from None


@dataclass(frozen=True)
class DocumentSpec:
    """What the manifest (or inference) says of one file, before its text is read."""

    id: str
    file: str
    title: str = ""
    doc_type: str = ""
    date: str = ""
    publisher: str = ""
    council: str = ""
    assessments: tuple[str, ...] = ()
    # for a file the manifest does not list: the manifest's council, used only when the
    # file's own text names none (a report of another council dropped in keeps its own)
    fallback_council: str = ""

    @property
    def described(self) -> bool:
        """True when the manifest gives every field its text could suggest: nothing to infer."""
        return all((self.title, self.doc_type, self.date, self.publisher, self.council))


@dataclass(frozen=True)
class Manifest:
    """A corpus folder's manifest: its documents and the assessments they report."""

    root: Path
    documents: tuple[DocumentSpec, ...]
    assessments: tuple[Assessment, ...]
    council: str = ""
    present: bool = False


def corpus_files(root: Path) -> list[Path]:
    """The document files in ``root`` (not recursive), sorted by name: not hidden files, nor a
    README, which describes the folder rather than being a council's document."""
    if not root.exists():
        raise DocumentError(f"{root}: no such corpus folder")
    if not root.is_dir():
        raise DocumentError(f"{root}: is not a folder")
    try:
        names = list(root.iterdir())
    except OSError as err:
        raise DocumentError(f"{root}: cannot list the corpus folder ({err.strerror})") from err
    return sorted(
        p
        for p in names
        if p.suffix.lower() in SUFFIXES
        and not p.name.startswith(".")
        and p.stem.lower() != "readme"
    )


def check_date(value: Any, where: str) -> str:
    """A manifest date as text, YYYY, YYYY-MM or YYYY-MM-DD, checked to exist."""
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    m = _DATE.match(text)
    if not m:
        raise ManifestError(f"{where}: date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        # ``is None``, not ``or``: month 00 and day 00 are errors, not January and the 1st
        date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as err:
        raise ManifestError(f"{where}: date {text!r} does not exist ({err})") from err
    return text


def _str(entry: dict, key: str, where: str, required: bool = False) -> str:
    value = entry.get(key)
    if value is None:
        if required:
            raise ManifestError(f"{where}: missing '{key}'")
        return ""
    if not isinstance(value, str | int | float):
        raise ManifestError(f"{where}: '{key}' must be text, not {type(value).__name__}")
    return str(value).strip()


def _assessment(key: str, entry: Any, council: str, where: str) -> Assessment:
    if not isinstance(entry, dict):
        raise ManifestError(f"{where}: assessment '{key}' must be a mapping")
    year = entry.get("year")
    if not isinstance(year, int) or not 1900 < year < 2100:
        raise ManifestError(f"{where}: assessment '{key}' needs a year such as 2019")
    start = check_date(entry["start"], f"{where}: assessment '{key}'") if "start" in entry else None
    end = check_date(entry["end"], f"{where}: assessment '{key}'") if "end" in entry else None
    if start and end and end < start:
        raise ManifestError(f"{where}: assessment '{key}' ends before it starts")
    return Assessment(
        key=key,
        label=_str(entry, "label", f"{where}: assessment '{key}'") or key,
        kind=_str(entry, "kind", f"{where}: assessment '{key}'") or "inspection",
        year=year,
        conducted_by=_str(entry, "conducted_by", where) or "Ofsted",
        local_authority=_str(entry, "council", where) or council,
        start_date=start,
        end_date=end,
    )


def load_manifest(root: Path) -> Manifest:
    """Read and check ``root/manifest.yaml``; an absent manifest gives an empty one."""
    path = root / MANIFEST
    where = str(path)
    if not path.exists():
        return Manifest(root=root, documents=(), assessments=())
    if path.is_dir():
        raise ManifestError(f"{where}: is a folder, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise ManifestError(f"{where}: is {size:,} bytes; a manifest is a short YAML file")
        text = path.read_text(encoding="utf-8")
        data = _load_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        pos = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or getattr(err, "reason", None) or "invalid YAML"
        raise ManifestError(f"{where}: malformed YAML{pos}: {problem}") from err
    except UnicodeDecodeError as err:
        raise ManifestError(
            f"{where}: is not UTF-8 text (byte 0x{err.object[err.start]:02x} at offset "
            f"{err.start}); save it as UTF-8"
        ) from err
    except RecursionError as err:
        raise ManifestError(f"{where}: is nested too deeply to be a manifest") from err
    except OSError as err:
        raise ManifestError(f"{where}: cannot be read ({err.strerror or err})") from err
    if data is None:
        raise ManifestError(
            f"{where}: is empty; list the documents under 'documents:' or delete it"
        )
    if not isinstance(data, dict):
        raise ManifestError(f"{where}: must be a mapping with a 'documents' list")
    council = _str(data, "council", where)
    raw_assessments = data.get("assessments") or {}
    if not isinstance(raw_assessments, dict):
        raise ManifestError(f"{where}: 'assessments' must be a mapping of key to assessment")
    assessments = tuple(
        _assessment(str(k), v, council, where) for k, v in sorted(raw_assessments.items())
    )
    known = {a.key for a in assessments}
    raw_docs = data.get("documents")
    if not isinstance(raw_docs, list):
        raise ManifestError(f"{where}: 'documents' must be a list")
    specs: list[DocumentSpec] = []
    seen_ids: set[str] = set()
    seen_files: set[str] = set()
    for i, entry in enumerate(raw_docs, start=1):
        at = f"{where}: document {i}"
        if not isinstance(entry, dict):
            raise ManifestError(f"{at}: must be a mapping with id and file")
        doc_id = _str(entry, "id", at, required=True)
        at = f"{where}: document '{doc_id}'"
        if not _ID.match(doc_id):
            raise ManifestError(f"{at}: id must be lower-case letters, digits and '-'")
        if doc_id in seen_ids:
            raise ManifestError(f"{at}: duplicate id")
        seen_ids.add(doc_id)
        file = _str(entry, "file", at, required=True)
        if "/" in file or "\\" in file or file.startswith("."):
            raise ManifestError(f"{at}: file {file!r} must be a file name in the corpus folder")
        if file in seen_files:
            raise ManifestError(f"{at}: file {file!r} is listed twice")
        seen_files.add(file)
        target = root / file
        try:
            present = target.exists() or target.is_symlink()
        except OSError as err:  # e.g. a name longer than the file system allows
            raise ManifestError(f"{at}: file {file!r} cannot be used ({err.strerror})") from err
        if not present:
            raise ManifestError(f"{at}: file {file!r} does not exist in {root}")
        doc_type = _str(entry, "type", at)
        if doc_type and doc_type not in DOCUMENT_TYPES:
            raise ManifestError(
                f"{at}: unknown type {doc_type!r}; use one of: {', '.join(DOCUMENT_TYPES)}"
            )
        keys = entry.get("assessments") or []
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise ManifestError(f"{at}: 'assessments' must be a list of assessment keys")
        for key in keys:
            if key not in known:
                raise ManifestError(f"{at}: unknown assessment {key!r}")
        specs.append(
            DocumentSpec(
                id=doc_id,
                file=file,
                title=_str(entry, "title", at),
                doc_type=doc_type,
                date=check_date(entry["date"], at) if entry.get("date") is not None else "",
                publisher=_str(entry, "publisher", at),
                council=_str(entry, "council", at) or council,
                assessments=tuple(keys),
            )
        )
    return Manifest(
        root=root, documents=tuple(specs), assessments=assessments, council=council, present=True
    )


def document_id(path: Path) -> str:
    """A stable id for a file that the manifest does not name."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:80] or "document"
    return slug if slug[0].isalnum() else f"d-{slug}"


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_document(root: Path, spec: DocumentSpec, require_date: bool = False) -> Document:
    """Read one file and fill what the manifest left out by inference from its text.

    :param require_date: raise :class:`DocumentError` when neither gives a date (a build
        needs one; a draft manifest does not).
    """
    path = root / spec.file
    source = read_document(path)
    if spec.described:  # inference would be overridden field by field: skip it
        guess = infer.Guess(spec.title, spec.doc_type, spec.date, spec.publisher, spec.council)
    else:
        guess = infer.describe(source.text, path.name)
    if require_date and not (spec.date or guess.date):
        # every document needs a date (ontology/shapes.ttl); say so here, naming the file,
        # rather than as a SHACL violation of the whole build
        raise DocumentError(
            f"{path}: no date found in its text; give it one in {root / MANIFEST} "
            f"(`cskg manifest {root}` drafts the manifest)"
        )
    return Document(
        id=spec.id,
        path=f"corpus/{spec.file}",
        title=spec.title or guess.title,
        doc_type=spec.doc_type or guess.doc_type,
        date=spec.date or guess.date,
        publisher=spec.publisher or guess.publisher,
        council=spec.council or guess.council or spec.fallback_council,
        sha256=sha256(path),
        text=source.text,
        media_type=source.media_type,
        page_starts=source.page_starts,
        assessment_keys=spec.assessments,
    )


def plan(root: Path) -> tuple[Manifest, list[DocumentSpec], list[str]]:
    """The manifest and one spec per document file; warnings for files it does not name."""
    manifest = load_manifest(root)
    files = corpus_files(root)
    named = {s.file: s for s in manifest.documents}
    specs: list[DocumentSpec] = []
    warnings: list[str] = []
    ids = {s.id for s in manifest.documents}
    for path in files:
        if path.name in named:
            specs.append(named[path.name])
            continue
        if manifest.present:
            warnings.append(f"{path}: not in {MANIFEST}; its details are inferred from its text")
        doc_id = document_id(path)
        while doc_id in ids:
            doc_id += "-x"
        ids.add(doc_id)
        specs.append(DocumentSpec(id=doc_id, file=path.name, fallback_council=manifest.council))
    for spec in manifest.documents:
        if spec.file not in {p.name for p in files}:
            # listed with an extension we do not read
            raise ManifestError(
                f"{root / MANIFEST}: document '{spec.id}': {spec.file!r} is not a "
                f"{'/'.join(SUFFIXES)} file"
            )
    return manifest, specs, warnings


def iter_documents(root: Path) -> Iterator[Document]:
    """Every document of the corpus, read, in file-name order."""
    _, specs, _ = plan(root)
    for spec in specs:
        yield load_document(root, spec)
