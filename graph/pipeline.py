"""The build: corpus folder -> records -> RDF -> validated graph.trig, query store and graph.html.

The build writes into a staging folder beside the output and swaps it in only when every
step has succeeded, under a lock, so a failed or concurrent build never leaves a
half-written output and the previous build stays intact.
"""

from __future__ import annotations

import errno
import glob
import json
import logging
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from filelock import FileLock, Timeout
from rdflib import Graph, URIRef

from cskg.errors import CskgError, DocumentError, ValidationError
from cskg.graph import derive
from cskg.graph.build import (
    Quad,
    QuadBuilder,
    finding_iri,
    graph_digest,
    ontology_quads,
    quads_digest,
)
from cskg.graph.html import render_page
from cskg.graph.iri import named_graph
from cskg.graph.store import STORE_DIR, create_store, update_store
from cskg.graph.trig import term as trig_term
from cskg.graph.trig import write_graphs
from cskg.graph.validate import Violation, validate_quads
from cskg.graph.workers import Forked, can_fork, process_pool
from cskg.loaders import corpus as corpus_mod
from cskg.loaders import regexcache
from cskg.loaders.extract import extract_document, merge
from cskg.loaders.records import Document, Extraction
from cskg.ontology import ontology_path
from cskg.ontology.themes import ThemeScheme, load_themes

log = logging.getLogger(__name__)

GRAPH_FILE = "graph.trig"
HTML_FILE = "graph.html"
META_FILE = "build.json"
TEXT_DIR = "text"
CACHE_DIR = "cache"
VALIDATED_DIR = "validated"

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
    up_to_date: bool = False  # nothing was built: the build in ``out`` was already current


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
        try:
            st = p.stat()
        except OSError:  # a symbolic link loop or a broken link: reading it says which
            st = p.lstat()
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


def _read_one(job: tuple[Path, corpus_mod.DocumentSpec]) -> Document | DocumentError:
    """Read one document (in a worker process); a broken file's error is returned, not raised."""
    corpus, spec = job
    try:
        return corpus_mod.load_document(corpus, spec, require_date=True)
    except DocumentError as err:
        return err


_SLOW = (".pdf", ".html", ".htm")  # read by PDFium or an HTML parser


def read_all(
    corpus: Path,
    specs: list[corpus_mod.DocumentSpec],
    progress: Progress,
    workers: int | None = None,
) -> Iterator[Document | DocumentError]:
    """Each spec's document (or its error), in spec order, read in parallel when there are many.

    PDF text extraction is the slow part of reading and PDFium is not thread-safe, so the
    reading runs in worker processes; results come back in file order whatever the number of
    workers, and stopping early (a broken file without --keep-going) cancels what is left.
    """
    jobs = [(corpus, spec) for spec in specs]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    # text files the manifest fully describes take a fraction of a millisecond each: fewer
    # than that of the slow ones and worker processes cost more than they save
    slow = sum(1 for s in specs if not s.described or Path(s.file).suffix.lower() in _SLOW)
    if slow < 8 or workers < 2:
        for i, job in enumerate(jobs, start=1):
            progress(f"reading {i}/{len(jobs)} {job[1].file}")
            yield _read_one(job)
        return
    pool = process_pool(workers)
    try:
        for i, (job, got) in enumerate(
            zip(jobs, pool.map(_read_one, jobs, chunksize=2), strict=True), 1
        ):
            progress(f"reading {i}/{len(jobs)} {job[1].file}")
            yield got
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def load_documents(
    corpus: Path, keep_going: bool, progress: Progress
) -> tuple[corpus_mod.Manifest, list[Document], list[str], list[str]]:
    """Read every document; with ``keep_going`` a broken file is skipped with a warning."""
    manifest, specs, warnings = corpus_mod.plan(corpus)
    docs: list[Document] = []
    skipped: list[str] = []
    first_error = ""
    for spec, got in zip(specs, read_all(corpus, specs, progress), strict=True):
        if isinstance(got, DocumentError):
            if not keep_going:
                raise got
            warnings.append(f"skipped {got}")
            skipped.append(spec.file)
            first_error = first_error or str(got)
        else:
            docs.append(got)
    if not docs and skipped:  # the warnings are lost with the error: name the first problem
        raise DocumentError(
            f"{corpus}: no readable documents ({len(skipped)} skipped as broken; "
            f"the first: {first_error})"
        )
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


_TOOL_FILES = ("*.py", "*.yaml", "*.ttl", "*.rq", "templates/*")


def tool_version() -> str:
    """A hash of all of cskg's code and data: a build is reused only under the same one."""
    import hashlib
    import importlib

    h = hashlib.sha256()
    for name in ("cskg", "cskg.ontology", "cskg.graph", "cskg.loaders", "cskg.queries"):
        root = Path(importlib.import_module(name).__file__ or "").parent
        for pattern in _TOOL_FILES:
            for p in sorted(root.glob(pattern)):
                h.update(f"{name}/{p.relative_to(root)}".encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _build_state(corpus: Path, prints: dict, themes: Path | None, validate: bool) -> dict:
    """What a build's outputs depend on, as build.json records it."""
    from cskg.ontology.themes import DEFAULT_PATH

    scheme = themes or DEFAULT_PATH
    return {
        "corpus_path": str(corpus.resolve()),
        "fingerprint": prints,
        "tool": tool_version(),
        "themes": str(scheme.resolve()),
        "themes_sha256": _file_sha256(scheme),
        "validated": validate,
    }


def _file_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _up_to_date(out: Path, state: dict, keep_going: bool) -> dict | None:
    """The metadata of the build in ``out`` when it was made from exactly ``state``."""
    try:
        meta = json.loads((out / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or any(meta.get(k) != v for k, v in state.items()):
        return None
    if meta.get("skipped") and not keep_going:
        return None  # without --keep-going the broken file must stop the build again
    if not all((out / f).exists() for f in (GRAPH_FILE, HTML_FILE, STORE_DIR, TEXT_DIR)):
        return None
    return meta


def _cache_key(doc: Document, seeds: str, version: str) -> str:
    """``seeds``: the digest of the manifest's assessments (:func:`_seeds_digest`)."""
    import hashlib

    spec = repr(
        (
            doc.id,
            doc.path,
            doc.title,
            doc.doc_type,
            doc.date,
            doc.publisher,
            doc.council,
            doc.assessment_keys,
            seeds,
            version,
        )
    )
    return hashlib.sha256(doc.sha256.encode() + spec.encode()).hexdigest()[:32]


def _seeds_digest(seeds: tuple) -> str:
    """The manifest's assessments, digested once for every document's cache key (written out
    for each of 500 documents, 1,750 assessments took longer than reading their extractions)."""
    import hashlib

    return hashlib.sha256(repr(seeds).encode()).hexdigest()


def _extract_one(args: tuple[Document, tuple]) -> Extraction:
    doc, seeds = args
    return extract_document(doc, seeds)


def _extract_many(docs: list[Document], seeds: tuple) -> list[Extraction]:
    return [extract_document(d, seeds) for d in docs]


def _halves(todo: list[int], sizes: list[int]) -> tuple[list[int], list[int]]:
    """``todo`` split in two parts of about equal total size (largest first, to the lighter)."""
    a: list[int] = []
    b: list[int] = []
    load = [0, 0]
    for i in sorted(todo, key=lambda i: (-sizes[i], i)):
        side = 0 if load[0] <= load[1] else 1
        (a, b)[side].append(i)
        load[side] += sizes[i]
    return sorted(a), sorted(b)


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
    seeds_key = _seeds_digest(seeds)
    keys = [_cache_key(d, seeds_key, version) for d in docs]
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
        from concurrent.futures.process import BrokenProcessPool

        try:
            with process_pool(workers) as pool:
                jobs = ((docs[i], seeds) for i in todo)
                done = pool.map(_extract_one, jobs, chunksize=4)
                for n, (i, part) in enumerate(zip(todo, done, strict=True), start=1):
                    progress(f"extracting {n}/{len(todo)} {docs[i].id}")
                    parts[i] = part
        except BrokenProcessPool as err:
            raise CskgError(
                "an extraction worker process stopped unexpectedly (killed, or out of memory); "
                "the previous build is unchanged"
            ) from err
    elif len(todo) >= 2 and workers > 1 and can_fork():
        # a few documents: a forked child (no start-up cost) takes about half of the text
        mine, theirs = _halves(todo, [len(d.text) for d in docs])
        child = Forked(_extract_many, [docs[i] for i in theirs], seeds)
        for n, i in enumerate(mine, start=1):
            progress(f"extracting {n}/{len(todo)} {docs[i].id}")
            parts[i] = extract_document(docs[i], seeds)
        for i, part in zip(theirs, child.result(), strict=True):
            parts[i] = part
    else:
        for n, i in enumerate(todo, start=1):
            progress(f"extracting {n}/{len(todo)} {docs[i].id}")
            parts[i] = extract_document(docs[i], seeds)
    if new_cache is not None:
        new_cache.mkdir(parents=True, exist_ok=True)
        made = set(todo)
        for i, (key, part) in enumerate(zip(keys, parts, strict=True)):
            name = f"{key}.pickle"
            if i in made or cache is None or not _link(cache / name, new_cache / name):
                (new_cache / name).write_bytes(pickle.dumps(part, protocol=5))
    return merge([p for p in parts if p is not None])


@dataclass
class Reuse:
    """Document graphs a build copies from the previous one instead of making them again:
    their records are unchanged (:meth:`QuadBuilder.graph_inputs`)."""

    graphs: dict[URIRef, tuple[str, int, str]] = field(default_factory=dict)  # block, quads, digest
    documents: set[str] = field(default_factory=set)  # their document ids
    tags: dict[URIRef, tuple[str, ...]] = field(default_factory=dict)  # of their statements


Tagged = Callable[[list[derive.Recurrence], dict[URIRef, tuple[str, ...]]], None]


def graph_quads(
    x: Extraction,
    scheme: ThemeScheme | None = None,
    reuse: Reuse | None = None,
    builder: QuadBuilder | None = None,
    tagged: Tagged | None = None,
) -> tuple[list[Quad], list[derive.Recurrence], dict[URIRef, tuple[str, ...]]]:
    """Every quad of the build, the recurrence facts derived from the findings, and the theme
    ids tagged on each finding and action (by IRI), for the page.

    With ``reuse``, the graphs of those documents are left out (the previous build's copies
    stand for them) and their statements' tags are taken from it. ``tagged`` is called with
    the recurrences and tags as soon as they are known, before any quad is made
    (the build starts the page then).
    """
    scheme = scheme or load_themes()
    builder = builder or QuadBuilder(x, scheme)
    only = None
    if reuse is not None and reuse.documents:
        graphs = {d.id for d in x.documents} | {i for a in x.assessments for i in a.reported_in}
        only = graphs - reuse.documents
    # the themes first: the recurrences follow from them alone, and the page needs no more,
    # so it is started (on the other core) before the quads are made
    builder.tag(only)
    if only is not None:
        for s, themes in reuse.tags.items():  # type: ignore[union-attr]
            builder.tags.setdefault(s, themes)
    iris = [finding_iri(f) for f in x.findings]
    by_finding = [(s, f, builder.tags.get(s, ())) for s, f in zip(iris, x.findings, strict=True)]
    council_of = {a.key: a.local_authority for a in x.assessments}
    recs = derive.recurrences(by_finding, scheme, council_of)
    if tagged is not None:
        tagged(recs, builder.tags)
    quads: list[Quad] = list(builder.document_quads(only))
    quads.extend(builder.reference_quads())
    quads.extend(builder.theme_quads())
    onto = Graph().parse(ontology_path(), format="turtle")
    # in a fixed order: a Graph's order varies from run to run, and the graph's digest (which
    # decides whether a rebuild can keep it) is of its quads in order
    quads.extend(ontology_quads(sorted(onto, key=lambda t: tuple(x.n3() for x in t))))
    quads.extend(derive.recurrence_quads(recs, scheme))
    return quads, recs, builder.tags


def _keep_graph_tags(
    inputs: dict[str, str],
    builder: QuadBuilder,
    copied: Reuse,
    cache: Path | None,
    new_cache: Path,
) -> None:
    """Keep each document graph's tags in ``new_cache`` under the digest of its records, for
    the next build to reuse the graph with (:meth:`Previous.reusable`)."""
    import pickle

    new_cache.mkdir(parents=True, exist_ok=True)
    for doc_id, digest in inputs.items():
        name = f"graph-{digest}.pickle"
        reused = doc_id in copied.documents and cache is not None
        if reused and _link(cache / name, new_cache / name):  # type: ignore[operator]
            continue
        tags = builder.graph_tags.get(named_graph(doc_id), {})
        (new_cache / name).write_bytes(pickle.dumps(tags, protocol=5))


def _link(src: Path, dst: Path) -> bool:
    """``dst`` made a hard link to ``src`` (a cache entry, never written in place); False
    when that cannot be done."""
    try:
        os.link(src, dst)
    except FileExistsError:
        return True
    except OSError:
        return False
    return True


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
    stage: Path,
    x: Extraction,
    quads: list[Quad],
    recs: list[derive.Recurrence],
    scheme: ThemeScheme,
    tags: dict[URIRef, tuple[str, ...]],
    previous: Previous | None = None,
    copied: Reuse | None = None,
    page: Forked[None] | None = None,
    digests: Mapping[URIRef, str] | None = None,
) -> dict[str, dict]:
    """Write graph.trig, the texts, the store and the page into ``stage``; returns, for each
    named graph, its digest, where its block lies in graph.trig and its number of quads.

    With ``page`` (:func:`write_page` already under way), the page is waited for, not made.
    ``digests`` gives graphs' digests known without reading their quads (:func:`graph_digest`).

    With ``previous`` (the build being replaced, made by the same cskg), a named graph whose
    quads are unchanged is copied from its graph.trig and its store rather than made again;
    so is each graph of ``copied``, whose quads are not in ``quads``.
    """
    groups: dict[URIRef, list[Quad]] = {}
    for q in quads:
        groups.setdefault(q[3], []).append(q)
    known = digests or {}
    digests = {g: known.get(g) or quads_digest(qs) for g, qs in groups.items()}
    reuse = previous.blocks(digests) if previous else {}
    for g, (block, count, digest) in (copied.graphs if copied else {}).items():
        groups[g], digests[g], reuse[g] = [], digest, (block, count)
    with (stage / GRAPH_FILE).open("w", encoding="utf-8", newline="\n") as fh:
        blocks = write_graphs(groups, fh, reuse)
    changed = [g for g in groups if g not in reuse]
    # Oxigraph loads the store without holding the GIL: a thread does it while this one
    # writes the texts and renders the page
    loading = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cskg-store")
    total = sum(b.quads for b in blocks.values())
    if previous and reuse and sum(blocks[g].quads for g in changed) < total // 2:
        text = (stage / GRAPH_FILE).read_text(encoding="utf-8")
        changes = [
            (str(g), previous.block(g), text[blocks[g].start : blocks[g].end]) for g in changed
        ]
        names = {str(g) for g in groups}
        removed = [g for g in previous.graphs if g not in names]
        loaded = loading.submit(
            _update_or_create_store, previous.out / STORE_DIR, stage, changes, removed
        )
    else:
        loaded = loading.submit(create_store, stage / GRAPH_FILE, stage / STORE_DIR)
    try:
        text_dir = stage / TEXT_DIR
        text_dir.mkdir()
        for d in x.documents:
            # the text excerpt offsets index; for .txt/.md it equals the source file
            (text_dir / f"{d.id}.txt").write_text(d.text, encoding="utf-8", newline="")
        if page is None:
            write_page(stage / HTML_FILE, x, recs, scheme, tags)
    finally:
        loading.shutdown(wait=True)
    loaded.result()  # re-raises what the load raised
    if page is not None:
        page.result()  # re-raises what the page raised
    return {
        str(g): {"sha256": digests[g], "start": b.start, "end": b.end, "quads": b.quads}
        for g, b in blocks.items()
    }


def write_page(
    path: Path,
    x: Extraction,
    recs: list[derive.Recurrence],
    scheme: ThemeScheme,
    tags: dict[URIRef, tuple[str, ...]],
) -> None:
    """Render graph.html to ``path``."""
    path.write_text(render_page(x, recs, scheme, tags), encoding="utf-8", newline="\n")


def _update_or_create_store(
    previous: Path, stage: Path, changes: list[tuple[str, str, str]], removed: list[str]
) -> None:
    """The store brought up to date from the previous one; made whole if that fails (a
    previous store damaged or of another Oxigraph version, say)."""
    try:
        update_store(previous, stage / STORE_DIR, changes, removed)
    except (OSError, RuntimeError, ValueError, SyntaxError) as err:
        log.warning("the previous query store cannot be reused (%s): loading it whole", err)
        shutil.rmtree(stage / STORE_DIR, ignore_errors=True)
        create_store(stage / GRAPH_FILE, stage / STORE_DIR)


@dataclass
class Previous:
    """The build being replaced, as far as its named graphs can be reused."""

    out: Path
    graphs: dict[str, dict]  # graph IRI -> its digest, block offsets and quads, from build.json
    text: str | None = None  # its graph.trig, read when first needed

    @classmethod
    def of(cls, out: Path, tool: str) -> Previous | None:
        """The build in ``out`` if it was made by this cskg (``tool``) and recorded its graphs."""
        try:
            meta = json.loads((out / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("tool") != tool:
            return None
        graphs = meta.get("graphs")
        if not isinstance(graphs, dict):
            return None
        if not (out / GRAPH_FILE).is_file() or not (out / STORE_DIR).is_dir():
            return None
        return cls(out, graphs)

    def block(self, g: URIRef) -> str:
        """Graph ``g``'s block in the previous graph.trig ("" when there is none to trust)."""
        if self.text is None:
            try:
                self.text = (self.out / GRAPH_FILE).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                self.text = ""
        info = self.graphs.get(str(g))
        try:
            block = self.text[info["start"] : info["end"]]  # type: ignore[index]
        except (KeyError, TypeError):
            return ""
        if block.startswith(f"\n{trig_term(g)} {{\n") and block.endswith("\n}\n"):
            return block
        return ""  # the file is not what build.json says

    def reusable(
        self,
        inputs: dict[str, str],
        cache: Path | None,
        marks: Path | None,
        validate: bool,
    ) -> Reuse:
        """The document graphs whose records (``inputs``: digest by document id) are those
        that made them last time, with their block, quads, digest and tags; when the build
        validates, only those the previous build validated."""
        import pickle

        from cskg.graph.validate import document_graph_key

        out = Reuse()
        if cache is None:
            return out
        for doc_id, digest in inputs.items():
            g = named_graph(doc_id)
            info = self.graphs.get(str(g))
            if not isinstance(info, dict) or info.get("inputs") != digest:
                continue
            count, sha = info.get("quads"), info.get("sha256")
            if not isinstance(count, int) or not isinstance(sha, str):
                continue
            if validate and (marks is None or not (marks / document_graph_key(sha)).is_file()):
                continue
            try:
                tags = pickle.loads((cache / f"graph-{digest}.pickle").read_bytes())
            except Exception:  # noqa: BLE001 - a damaged cache entry is only a miss
                continue
            block = self.block(g)
            if not block or not isinstance(tags, dict):
                continue
            out.graphs[g] = (block, count, sha)
            out.documents.add(doc_id)
            out.tags.update(tags)
        return out

    def blocks(self, digests: dict[URIRef, str]) -> dict[URIRef, tuple[str, int]]:
        """The graph.trig block and quad count of every graph whose digest is unchanged."""
        out = {}
        for g, d in digests.items():
            info = self.graphs.get(str(g))
            if not isinstance(info, dict) or info.get("sha256") != d:
                continue
            block = self.block(g)
            count = info.get("quads")
            if block and isinstance(count, int):
                out[g] = (block, count)
        return out


LOCK_WAIT = 600.0  # seconds a build waits for another build of the same folder to end


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without renameat2
        return False
    c_int, c_path = ctypes.c_int, ctypes.c_char_p
    renameat2.argtypes = (c_int, c_path, c_int, c_path, ctypes.c_uint)
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # the file system cannot exchange
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap(stage: Path, out: Path) -> None:
    """Put ``stage`` in place of ``out``: a reader sees the old build or the new, never a mix."""
    if out.is_dir() and _exchange(stage, out):
        shutil.rmtree(stage, ignore_errors=True)  # it now holds the previous build
        return
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        os.replace(out, old)
    # killed between these two renames, ``out`` is missing: the next build restores ``old``
    os.replace(stage, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _lock_for(out: Path) -> FileLock:
    # flock(2): the OS releases it when the process dies, so a killed build never blocks
    return FileLock(str(out.with_name(f".{out.name}.lock")), timeout=0)


def _acquire(lock: FileLock, out: Path, wait: float, progress: Progress) -> None:
    """Take the build lock of ``out``, waiting up to ``wait`` seconds for another build."""
    try:
        lock.acquire(timeout=0)
        return
    except Timeout:
        pass
    progress(f"waiting for another build of {out} to finish")
    try:
        lock.acquire(timeout=wait)
    except Timeout as err:
        raise CskgError(
            f"{out}: another build is writing this folder (waited {wait:.0f} s); "
            "try again when it ends"
        ) from err


def _leftovers(out: Path) -> list[Path]:
    """Staging and swapped-out folders beside ``out``, as a build that was killed leaves them."""
    name = glob.escape(out.name)
    found = [*out.parent.glob(f".{name}.old-*"), *out.parent.glob(f".{name}.staging-*")]
    return sorted(p for p in found if p.is_dir() and not p.is_symlink())


def _clear_leftovers(out: Path) -> None:
    """Under the lock: restore ``out`` if a build died mid-swap, then delete its leftovers."""
    olds = [p for p in _leftovers(out) if ".old-" in p.name]
    if olds and not out.exists():
        newest = max(olds, key=lambda p: p.stat().st_mtime_ns)
        os.replace(newest, out)
        log.warning("restored %s from %s, left by a build that was stopped", out, newest.name)
    for p in _leftovers(out):
        shutil.rmtree(p, ignore_errors=True)


def _check_out(out: Path) -> None:
    """Refuse an ``out`` whose replacement would lose a user's files."""
    if out.exists() and not out.is_dir():
        raise CskgError(f"{out}: is a file, not an output folder; choose another --out")
    if not out.is_dir() or (out / META_FILE).is_file() or (out / GRAPH_FILE).is_file():
        return
    try:
        empty = next(out.iterdir(), None) is None
    except OSError as err:
        raise CskgError(f"{out}: cannot list the output folder ({err.strerror})") from err
    if not empty:
        raise CskgError(
            f"{out}: is not empty and holds no cskg build, so a build would replace its "
            "files; choose a new or empty --out"
        )


def build(
    corpus: Path | None = None,
    out: Path = Path("build"),
    keep_going: bool = False,
    progress: Progress | None = None,
    validate: bool = True,
    wait: float = LOCK_WAIT,
    themes: Path | None = None,
    if_changed: bool = False,
) -> BuildResult:
    """Build the graph of ``corpus`` into ``out``; raises :class:`CskgError` on bad input.

    A build of the same ``out`` already running is waited for, up to ``wait`` seconds.
    ``themes`` is a theme scheme to use instead of ontology/themes.yaml. With ``if_changed``,
    a build in ``out`` made from the same corpus files (names, sizes, times), the same cskg
    and the same theme scheme is kept as it is (:attr:`BuildResult.up_to_date`).
    """
    t0 = time.perf_counter()
    corpus = corpus or default_corpus()
    progress = progress or (lambda _msg: None)
    scheme = load_themes(themes)  # a broken scheme fails now, not after extracting everything
    try:
        out = out.resolve()
    except RuntimeError as err:  # Python 3.11 raises it for a symbolic link loop
        raise CskgError(f"{out}: is a symbolic link loop") from err
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
        why = f"{blocker} is a file" if blocker else err.strerror
        raise CskgError(f"{out}: cannot create the output folder ({why})") from err
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise CskgError(f"{out}: the output folder is not writable")
    _check_out(out)
    lock = _lock_for(out)
    _acquire(lock, out, wait, progress)
    stage: Path | None = None
    page: Forked[None] | None = None
    checking: Forked[list[Violation]] | None = None
    try:
        _check_out(out)  # again: it may have changed while we waited for the lock
        _clear_leftovers(out)  # what a killed build left; restores ``out`` if it died mid-swap
        prints = fingerprint(corpus)
        state = _build_state(corpus, prints, themes, validate)
        kept = _up_to_date(out, state, keep_going) if if_changed else None
        if kept is not None:
            return BuildResult(
                out=out,
                counts=kept["counts"],
                warnings=tuple(kept.get("warnings", ())),
                skipped=tuple(kept["skipped"]),
                seconds=time.perf_counter() - t0,
                up_to_date=True,
            )
        manifest, docs, warnings, skipped = load_documents(corpus, keep_going, progress)
        # mkdir, not mkdtemp: the output folder gets the usual permissions, not 0700
        stage = out.with_name(f".{out.name}.staging-{os.getpid()}-{secrets.token_hex(4)}")
        stage.mkdir()
        old_cache = out / CACHE_DIR if (out / CACHE_DIR).is_dir() else None
        new_cache = stage / CACHE_DIR
        x = extract_all(docs, manifest, progress, cache=old_cache, new_cache=new_cache)
        progress("building the graph")
        previous = Previous.of(out, state["tool"])
        old_marks = out / VALIDATED_DIR if (out / VALIDATED_DIR).is_dir() else None
        builder = QuadBuilder(x, scheme)
        inputs = builder.graph_inputs(state["themes_sha256"].encode())
        # each document graph's digest from its records, not by reading its quads again
        known_digests = {
            named_graph(doc_id): graph_digest(d, state["tool"]) for doc_id, d in inputs.items()
        }
        copied = previous.reusable(inputs, old_cache, old_marks, validate) if previous else Reuse()

        def start_page(recs: list[derive.Recurrence], tags: dict) -> None:
            # the page needs only the records, tags and recurrences: a child renders it while
            # this process makes the rest of the quads, graph.trig and the store
            nonlocal page
            page = Forked(write_page, stage / HTML_FILE, x, recs, scheme, tags)

        quads, recs, tags = graph_quads(x, scheme, copied, builder, tagged=start_page)
        _keep_graph_tags(inputs, builder, copied, old_cache, new_cache)
        if validate:
            # validation runs beside the writing of the outputs, on the other core; the staged
            # outputs are only swapped in once the graph is known to conform
            progress("validating against ontology/shapes.ttl")
            known = {g: sha for g, (_, _, sha) in copied.graphs.items()}
            findings = [finding_iri(f) for f in x.findings] if known else []
            checking = Forked(
                validate_quads,
                quads,
                old_marks,
                stage / VALIDATED_DIR,
                known,
                findings,
                known_digests,
            )
        progress("writing graph.trig, the query store and graph.html")
        graphs = _write_outputs(
            stage, x, quads, recs, scheme, tags, previous, copied, page, known_digests
        )
        for doc_id, digest in inputs.items():
            graphs[str(named_graph(doc_id))]["inputs"] = digest
        count = sum(g["quads"] for g in graphs.values())
        if checking is not None:
            violations = checking.result()
            if violations:
                violations = _in_documents(violations, quads)
                lines = "; ".join(v.line() for v in violations[:5])
                more = f" (and {len(violations) - 5} more)" if len(violations) > 5 else ""
                raise ValidationError(
                    f"the graph does not conform to ontology/shapes.ttl: {lines}{more}"
                )
        counts = _counts(x, count, len(scheme.themes))
        meta = {
            **state,
            "counts": counts,
            "documents": {d.id: d.sha256 for d in x.documents},
            "skipped": skipped,
            "warnings": warnings,
            "graphs": graphs,
        }
        (stage / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
        _swap(stage, out)
        stage = None
        regexcache.save()  # the patterns this run compiled, kept for the next as __pycache__ is
    except OSError as err:
        name = err.filename or out
        raise CskgError(f"{name}: {err.strerror or err}") from err
    finally:
        if stage is not None:
            for child in (page, checking):  # stopped before their folder is removed
                if child is not None:
                    child.cancel()
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
    if is_stale(corpus, out) and out.parent.is_dir():
        # a build of ``out`` under way may be making it fresh: wait for it, then look again
        lock = _lock_for(Path(os.path.realpath(out)))  # the path build() locks
        _acquire(lock, out, LOCK_WAIT, progress or (lambda _msg: None))
        lock.release()
    if is_stale(corpus, out):
        build(corpus, out, progress=progress)
    return out


def validate_build(out: Path) -> list[Violation]:
    """SHACL violations of the graph in ``out`` (every named graph but the ontology's)."""
    from cskg.graph.store import open_store

    store = open_store(out)
    quads = [
        (
            _to_rdflib(q.subject),
            _to_rdflib(q.predicate),
            _to_rdflib(q.object),
            _to_rdflib(q.graph_name),
        )
        for q in store.quads_for_pattern(None, None, None, None)
    ]
    return _in_documents(validate_quads(quads), quads)


def _in_documents(violations: list[Violation], quads: list) -> list[Violation]:
    """Name the named graph (the document) that describes each violation's node.

    Document graphs are validated in batches, so a violation knows only its batch.
    """
    from cskg.graph.iri import ID

    wanted = {v.focus for v in violations}
    where: dict[str, set[str]] = {}
    for s, _p, _o, g in quads:
        key = str(s).removeprefix(ID)
        if key in wanted:
            where.setdefault(key, set()).add(str(g).removeprefix(f"{ID}graph/"))
    return [
        replace(v, graph=", ".join(sorted(where[v.focus]))) if v.focus in where else v
        for v in violations
    ]


def _to_rdflib(term):  # noqa: ANN001, ANN202 - pyoxigraph term to rdflib term
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)  # as the build made it, so sh:in compares equal
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise CskgError(f"unexpected term in the store: {term}")
