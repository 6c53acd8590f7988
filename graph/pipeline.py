"""The build: corpus folder -> records -> RDF -> validated graph.trig, query store and graph.html.

The build writes into a staging folder beside the output and swaps it in only when every
step has succeeded, under a lock, so a failed or concurrent build never leaves a
half-written output and the previous build stays intact.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout
from rdflib import Graph

from cskg.errors import CskgError, DocumentError, ValidationError
from cskg.graph import derive
from cskg.graph.build import Quad, QuadBuilder, finding_iri, ontology_quads
from cskg.graph.html import render_page
from cskg.graph.store import STORE_DIR, create_store
from cskg.graph.trig import write_trig
from cskg.graph.validate import validate_triples
from cskg.loaders import corpus as corpus_mod
from cskg.loaders.extract import extract_document, merge
from cskg.loaders.records import Document, Extraction
from cskg.ontology import ontology_path
from cskg.ontology.themes import load_themes

log = logging.getLogger(__name__)

GRAPH_FILE = "graph.trig"
HTML_FILE = "graph.html"
META_FILE = "build.json"
TEXT_DIR = "text"
CACHE_DIR = "cache"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote and counted."""

    out: Path
    counts: dict[str, int]
    warnings: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    seconds: float = 0.0
    extraction: Extraction | None = field(default=None, repr=False, compare=False)


def default_corpus() -> Path:
    """The corpus a bare `cskg build` reads: ./corpus if present, else the embedded one."""
    here = Path.cwd() / "corpus"
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "corpus"


def fingerprint(corpus: Path) -> dict[str, list[int]]:
    """File name -> [size, mtime_ns] of every corpus file and the manifest: cheap staleness test."""
    files = corpus_mod.corpus_files(corpus)
    manifest = corpus / corpus_mod.MANIFEST
    if manifest.is_file():
        files.append(manifest)
    out = {}
    for p in files:
        st = p.stat()
        out[p.name] = [st.st_size, st.st_mtime_ns]
    return out


def is_stale(corpus: Path, out: Path) -> bool:
    """True when ``out`` has no build, or one made from a different state of ``corpus``."""
    meta = out / META_FILE
    if not (out / GRAPH_FILE).is_file() or not meta.is_file():
        return True
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    try:
        return data.get("corpus_path") != str(corpus.resolve()) or data.get(
            "fingerprint"
        ) != fingerprint(corpus)
    except CskgError:
        return False  # the corpus went away: the build we have is the best we can do


def load_documents(
    corpus: Path, keep_going: bool, progress: Progress
) -> tuple[corpus_mod.Manifest, list[Document], list[str], list[str]]:
    """Read every document; with ``keep_going`` a broken file is skipped with a warning."""
    manifest, specs, warnings = corpus_mod.plan(corpus)
    docs: list[Document] = []
    skipped: list[str] = []
    for i, spec in enumerate(specs, start=1):
        progress(f"reading {i}/{len(specs)} {spec.file}")
        try:
            docs.append(corpus_mod.load_document(corpus, spec))
        except DocumentError as err:
            if not keep_going:
                raise
            warnings.append(f"skipped {err}")
            skipped.append(spec.file)
    if not docs:
        raise DocumentError(f"{corpus}: no readable documents (.txt, .md, .pdf, .html)")
    return manifest, docs, warnings, skipped


def extractor_version() -> str:
    """A hash of the extraction code and data: a cached extraction is reused only under it."""
    import hashlib

    import cskg.loaders

    h = hashlib.sha256()
    root = Path(cskg.loaders.__file__).parent
    for p in sorted(root.glob("*.py")) + sorted(root.glob("*.yaml")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _cache_key(doc: Document, seeds: tuple, version: str) -> str:
    import hashlib

    spec = repr((doc.id, doc.path, doc.title, doc.doc_type, doc.date, doc.publisher, doc.council,
                 doc.assessment_keys, seeds, version))
    return hashlib.sha256(doc.sha256.encode() + spec.encode()).hexdigest()[:32]


def _extract_one(args: tuple[Document, tuple]) -> Extraction:
    doc, seeds = args
    return extract_document(doc, seeds)


def extract_all(
    docs: list[Document],
    manifest: corpus_mod.Manifest,
    progress: Progress,
    cache: Path | None = None,
    new_cache: Path | None = None,
    workers: int | None = None,
) -> Extraction:
    """Extract every document (in parallel across cores when there are many) and merge.

    With ``cache`` (the previous build's cache folder), a document whose bytes, manifest entry
    and extractor are unchanged is not extracted again; ``new_cache`` receives every part.
    The merge sorts everything, so the result does not depend on order or worker count.
    """
    import pickle

    seeds = tuple(manifest.assessments)
    version = extractor_version()
    keys = [_cache_key(d, seeds, version) for d in docs]
    parts: list[Extraction | None] = [None] * len(docs)
    todo: list[int] = []
    for i, key in enumerate(keys):
        hit = cache / f"{key}.pickle" if cache else None
        if hit is not None and hit.is_file():
            try:
                parts[i] = pickle.loads(hit.read_bytes())
                continue
            except Exception:  # noqa: BLE001 - a damaged cache entry is only a miss
                pass
        todo.append(i)
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if len(todo) >= 8 and workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            jobs = ((docs[i], seeds) for i in todo)
            for n, (i, part) in enumerate(zip(todo, pool.map(_extract_one, jobs, chunksize=4)), 1):
                progress(f"extracting {n}/{len(todo)} {docs[i].id}")
                parts[i] = part
    else:
        for n, i in enumerate(todo, start=1):
            progress(f"extracting {n}/{len(todo)} {docs[i].id}")
            parts[i] = extract_document(docs[i], seeds)
    if new_cache is not None:
        new_cache.mkdir(parents=True, exist_ok=True)
        for key, part in zip(keys, parts):
            (new_cache / f"{key}.pickle").write_bytes(pickle.dumps(part, protocol=5))
    return merge([p for p in parts if p is not None])


def graph_quads(x: Extraction) -> tuple[list[Quad], list[derive.Recurrence]]:
    """Every quad of the build, and the recurrence facts derived from the findings."""
    scheme = load_themes()
    builder = QuadBuilder(x, scheme)
    quads: list[Quad] = list(builder.document_quads())
    quads.extend(builder.reference_quads())
    quads.extend(builder.theme_quads())
    onto = Graph().parse(ontology_path(), format="turtle")
    quads.extend(ontology_quads(onto))
    tagged = [(finding_iri(f), f, builder.tags.get(finding_iri(f), ())) for f in x.findings]
    recs = derive.recurrences(tagged, scheme)
    quads.extend(derive.recurrence_quads(recs, scheme))
    return quads, recs


def _counts(x: Extraction, triples: int, scheme_size: int) -> dict[str, int]:
    return {
        "documents": len(x.documents),
        "assessments": len(x.assessments),
        "judgements": len(x.judgements),
        "findings": len(x.findings),
        "themes": scheme_size,
        "actors": len(x.agents),
        "roles": len(x.roles),
        "actions": len(x.actions),
        "figures": len(x.figures),
        "triples": triples,
    }


def _write_outputs(
    stage: Path, x: Extraction, quads: list[Quad], recs: list[derive.Recurrence]
) -> int:
    with (stage / GRAPH_FILE).open("w", encoding="utf-8", newline="\n") as fh:
        count = write_trig(quads, fh)
    text_dir = stage / TEXT_DIR
    text_dir.mkdir()
    for d in x.documents:
        # the text excerpt offsets index; for .txt/.md it equals the source file
        (text_dir / f"{d.id}.txt").write_text(d.text, encoding="utf-8", newline="")
    create_store(stage / GRAPH_FILE, stage / STORE_DIR)
    page = render_page(x, recs, load_themes())
    (stage / HTML_FILE).write_text(page, encoding="utf-8", newline="\n")
    return count


def _swap(stage: Path, out: Path) -> None:
    """Replace ``out`` by ``stage`` with renames: never a half-written output folder."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    os.replace(stage, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _lock_for(out: Path) -> FileLock:
    return FileLock(str(out.with_name(f".{out.name}.lock")), timeout=0)


def build(
    corpus: Path | None = None,
    out: Path = Path("build"),
    keep_going: bool = False,
    progress: Progress | None = None,
    validate: bool = True,
) -> BuildResult:
    """Build the graph of ``corpus`` into ``out``; raises :class:`CskgError` on bad input."""
    t0 = time.perf_counter()
    corpus = corpus or default_corpus()
    progress = progress or (lambda _msg: None)
    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CskgError(f"{out}: cannot create the output folder ({err.strerror})") from err
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise CskgError(f"{out}: the output folder is not writable")
    lock = _lock_for(out)
    try:
        lock.acquire()
    except Timeout as err:
        raise CskgError(f"{out}: another build is writing this folder; try again when it ends") from err
    stage: Path | None = None
    try:
        prints = fingerprint(corpus)
        manifest, docs, warnings, skipped = load_documents(corpus, keep_going, progress)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
        old_cache = out / CACHE_DIR if (out / CACHE_DIR).is_dir() else None
        x = extract_all(docs, manifest, progress, cache=old_cache, new_cache=stage / CACHE_DIR)
        progress("building the graph")
        quads, recs = graph_quads(x)
        if validate:
            progress("validating against ontology/shapes.ttl")
            violations = validate_triples((s, p, o) for s, p, o, _ in _data_quads(quads))
            if violations:
                lines = "; ".join(v.line() for v in violations[:5])
                more = f" (and {len(violations) - 5} more)" if len(violations) > 5 else ""
                raise ValidationError(
                    f"the graph does not conform to ontology/shapes.ttl: {lines}{more}"
                )
        progress("writing graph.trig, the query store and graph.html")
        count = _write_outputs(stage, x, quads, recs)
        counts = _counts(x, count, len(load_themes().themes))
        meta = {
            "corpus_path": str(corpus.resolve()),
            "fingerprint": prints,
            "counts": counts,
            "documents": {d.id: d.sha256 for d in x.documents},
            "skipped": skipped,
        }
        (stage / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
        _swap(stage, out)
        stage = None
    except OSError as err:
        name = err.filename or out
        raise CskgError(f"{name}: {err.strerror or err}") from err
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
        lock.release()
    return BuildResult(
        out=out,
        counts=counts,
        warnings=tuple(warnings),
        skipped=tuple(skipped),
        seconds=time.perf_counter() - t0,
        extraction=x,
    )


def _data_quads(quads: list[Quad]) -> Iterator[Quad]:
    """The instance data (not the ontology graph) that the shapes constrain."""
    from cskg.graph.build import ONTOLOGY

    return (q for q in quads if q[3] != ONTOLOGY)


def built_from(out: Path) -> Path | None:
    """The corpus folder the build in ``out`` was made from, if there is one."""
    try:
        data = json.loads((out / META_FILE).read_text(encoding="utf-8"))
        return Path(data["corpus_path"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def ensure_built(corpus: Path | None, out: Path, progress: Progress | None = None) -> Path:
    """Build when ``out`` is missing or older than its corpus; return ``out``.

    Without ``corpus``, the corpus of the existing build is checked (else the default one).
    """
    corpus = corpus or built_from(out) or default_corpus()
    if is_stale(corpus, out):
        build(corpus, out, progress=progress)
    return out


def validate_build(out: Path) -> list:
    """SHACL violations of the graph in ``out`` (its instance data, not the ontology graph)."""
    import pyoxigraph as ox

    from cskg.graph.build import ONTOLOGY
    from cskg.graph.store import open_store

    store = open_store(out)
    onto = ox.NamedNode(str(ONTOLOGY))
    rows = store.quads_for_pattern(None, None, None, None)
    return validate_triples(
        (_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object))
        for q in rows
        if q.graph_name != onto
    )


def _to_rdflib(term):  # noqa: ANN001, ANN202 - pyoxigraph term to rdflib term
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise CskgError(f"unexpected term in the store: {term}")
