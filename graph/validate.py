"""SHACL validation of the built graph against ``ontology/shapes.ttl``, reported in plain words.

A build validates its graph in pieces so that a rebuild after one document changes only
validates that document's named graph:

- the shared graphs (reference: agents, councils, grades; themes) with every shape;
- each document's named graph, with the ``rdf:type`` triples of the shared nodes it points
  to (all ``sh:class`` needs), and without the shapes that target those shared classes
  (they were checked with their own graph);
- the derived graph, with the types of the findings it cites, against the Recurrence shape.

Every document graph is self-contained by construction (graph/build.py), so the pieces
together check what one run over the union would. A piece whose quads and shapes are
unchanged since the last build is not validated again.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from cskg.graph.build import quads_digest
from cskg.ontology import CSKG, shapes_path

SHARED = ("reference", "themes")
# document graphs validated together, with the shared context once per batch
BATCH_TRIPLES = 40_000
# below this many triples to validate, one process is as quick as several
PARALLEL_TRIPLES = 50_000


@dataclass(frozen=True)
class Violation:
    """One failed rule: which node, which property, what the rule says, in which graph."""

    focus: str
    path: str
    message: str
    severity: str
    graph: str = ""

    def line(self) -> str:
        where = f" ({self.path})" if self.path else ""
        doc = f" [in {self.graph}]" if self.graph else ""
        return f"{self.focus}{where}: {self.message}{doc}"


def _short(term: object) -> str:
    text = str(term)
    if "/id/" in text:
        return text.split("/id/", 1)[1]
    if "#" in text:
        return text.rsplit("#", 1)[1]
    return text


@lru_cache(maxsize=1)
def _parsed_shapes() -> tuple[tuple, ...]:
    return tuple(Graph().parse(shapes_path(), format="turtle"))


def _shapes(drop_targets: Sequence[URIRef] = (), only_targets: Sequence[URIRef] = ()) -> Graph:
    shapes = Graph()  # a fresh graph per variant, from shapes.ttl parsed once
    for t in _parsed_shapes():
        shapes.add(t)
    for shape, cls in list(shapes.subject_objects(SH.targetClass)):
        if cls in drop_targets or (only_targets and cls not in only_targets):
            shapes.remove((shape, SH.targetClass, cls))
    return _hoisted(shapes)


def _hoisted(shapes: Graph) -> Graph:
    """The same constraints, with each targeted node shape's property shapes targeted directly.

    ``S sh:targetClass C; sh:property P`` checks P on every C, as ``P sh:targetClass C`` does
    (SHACL 2.1.3: property shapes may have targets), and reports the same results (focus
    node, path, source shape P, message). pySHACL evaluates the nested form once per focus
    node and the direct form once per shape; on a document graph that is most of the
    validation time. Node shapes without a target (reached by ``sh:node``) keep their
    property shapes.
    """
    for shape, cls in list(shapes.subject_objects(SH.targetClass)):
        for prop in list(shapes.objects(shape, SH.property)):
            shapes.add((prop, SH.targetClass, cls))
    for shape in set(shapes.subjects(SH.targetClass)):
        for prop in list(shapes.objects(shape, SH.property)):
            if (prop, SH.targetClass, None) in shapes:
                shapes.remove((shape, SH.property, prop))
    return shapes


def data_graph(triples: Iterable[tuple]) -> Graph:
    """A graph on rdflib's Memory store holding ``triples``, as ``Graph.add`` one by one makes it.

    ``Graph.add`` dispatches an event and records the triple's contexts for every triple,
    half the time of validating a document graph. Here the store's three indexes and its
    record of the one context are filled directly; tests compare every index with the one
    ``Graph.add`` makes, so a release of rdflib that changes them fails there, and a store
    without them is filled the usual way.
    """
    data = Graph(store="Memory")
    store = data.store
    try:
        spo, pos, osp = store._Memory__spo, store._Memory__pos, store._Memory__osp  # type: ignore[attr-defined]
        contexts = store._Memory__contextTriples  # type: ignore[attr-defined]
        store._Memory__defaultContexts  # type: ignore[attr-defined] # noqa: B018
    except AttributeError:  # another store layout: the public way
        for t in triples:
            data.add(t)
        return data
    added = set()
    for t in triples:
        s, p, o = t
        by_p = spo.get(s)
        if by_p is None:
            by_p = spo[s] = {}
        objects = by_p.get(p)
        if objects is None:
            objects = by_p[p] = {}
        if o in objects:
            continue
        objects[o] = 1
        by_o = pos.get(p)
        if by_o is None:
            by_o = pos[p] = {}
        subjects = by_o.get(o)
        if subjects is None:
            subjects = by_o[o] = {}
        subjects[s] = 1
        by_s = osp.get(o)
        if by_s is None:
            by_s = osp[o] = {}
        predicates = by_s.get(s)
        if predicates is None:
            predicates = by_s[s] = {}
        predicates[p] = 1
        added.add(t)
    if added:
        # what Memory.add records for a triple's first addition to a graph's context
        ctx = f"{type(data.identifier).__name__}:{data.identifier}"
        store._Memory__context_obj_map[ctx] = data  # type: ignore[attr-defined]
        store._Memory__all_contexts.add(data)  # type: ignore[attr-defined]
        contexts[None] = added
        contexts[ctx] = set(added)
        store._Memory__defaultContexts = {ctx: False, None: False}  # type: ignore[attr-defined]
    return data


def _run(triples: Iterable[tuple], shapes: Graph, graph_name: str) -> list[Violation]:
    from pyshacl import validate

    data = data_graph(triples)
    # inplace: ``data`` is ours and thrown away after, so pySHACL need not copy it first
    conforms, report, _ = validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,
    )
    if conforms:
        return []
    out = []
    for r in report.subjects(predicate=SH.resultSeverity):
        out.append(
            Violation(
                focus=_short(report.value(r, SH.focusNode)),
                path=_short(report.value(r, SH.resultPath) or ""),
                message=str(report.value(r, SH.resultMessage) or "violates a shape"),
                severity=_short(report.value(r, SH.resultSeverity)),
                graph=graph_name,
            )
        )
    return out


def _names(batch: list[tuple[str, URIRef]]) -> str:
    names = [_short(g).removeprefix("graph/") for _, g in batch]
    if len(names) <= 3:
        return ", ".join(names)
    return f"{', '.join(names[:3])} and {len(names) - 3} more document graphs"


def _job(job: tuple[list[str], str, list[tuple], dict]) -> list[Violation]:
    _, name, triples, opts = job
    return _run(triples, _cached_shapes(tuple(sorted(opts.items()))), name)


@lru_cache(maxsize=8)
def _cached_shapes(opts: tuple) -> Graph:
    return _shapes(**dict(opts))


def _jobs(jobs: list[tuple[list[str], str, list[tuple], dict]]) -> list[list[Violation]]:
    return [_job(j) for j in jobs]


def _in_parallel(
    jobs: list[tuple[list[str], str, list[tuple], dict]], workers: int
) -> list[list[Violation]]:
    """Each job's violations, the jobs shared out among ``workers`` processes by size.

    Where fork is available the workers are forked children: they inherit the triples
    rather than receive them pickled, and pySHACL already imported.
    """
    from cskg.graph.workers import Forked, can_fork, process_pool

    if not can_fork():
        with process_pool(workers) as pool:
            return list(pool.map(_job, jobs))
    import pyshacl  # noqa: F401 - once, here, rather than in every child

    groups: list[list[int]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for i in sorted(range(len(jobs)), key=lambda i: (-len(jobs[i][2]), i)):
        lightest = loads.index(min(loads))
        groups[lightest].append(i)
        loads[lightest] += len(jobs[i][2])
    children = [(g, Forked(_jobs, [jobs[i] for i in g])) for g in groups if g]
    results: list[list[Violation]] = [[] for _ in jobs]
    for group, child in children:
        for i, found in zip(group, child.result(), strict=True):
            results[i] = found
    return results


def validate_triples(triples: Iterable[tuple]) -> list[Violation]:
    """Validate one graph with every shape; an empty list means it conforms."""
    return sorted(_run(triples, _shapes(), ""), key=lambda v: (v.focus, v.path, v.message))


DOC_OPTS = {"drop_targets": (CSKG.Person, CSKG.Organisation, CSKG.Post, CSKG.LocalAuthority)}


def _salt() -> bytes:
    return hashlib.sha256(shapes_path().read_bytes()).digest()


def document_graph_key(digest: str, salt: bytes | None = None) -> str:
    """The marker of a document graph validated before, from its quads' digest
    (:func:`cskg.graph.build.quads_digest`, or :func:`cskg.graph.build.graph_digest`) and the
    shapes."""
    salt = (salt if salt is not None else _salt()) + repr(sorted(DOC_OPTS.items())).encode()
    return hashlib.sha256(salt + digest.encode()).hexdigest()[:32]


def validate_quads(
    quads: Iterable[tuple],
    cache: Path | None = None,
    new_cache: Path | None = None,
    known: Mapping[URIRef, str] | None = None,
    findings: Iterable[URIRef] = (),
    digests: Mapping[URIRef, str] | None = None,
) -> list[Violation]:
    """Validate every named graph except the ontology, in pieces (see the module docstring).

    ``cache`` is the previous build's folder of validated-piece markers; ``new_cache``
    receives a marker for every piece that conforms now. ``known`` gives document graphs
    left out of ``quads`` because they are unchanged, by their quads' digest: each must
    have a marker in ``cache``. ``findings`` are findings of those graphs (or any), for the
    derived facts' check that a recurrence points at findings. ``digests`` gives document
    graphs' digests known without reading their quads
    (:func:`cskg.graph.build.graph_digest`).
    """
    from cskg.graph import iri

    graphs: dict[URIRef, list[tuple]] = defaultdict(list)
    for q in quads:
        graphs[q[3]].append(q)
    ontology = iri.named_graph("ontology")
    derived = iri.named_graph("derived")
    shared = {iri.named_graph(n) for n in SHARED}
    salt = _salt()

    shared_quads = [q for g in sorted(shared, key=str) for q in graphs.get(g, [])]
    shared_triples = [(s, p, o) for s, p, o, _ in shared_quads]
    a, finding = RDF.type, CSKG.Finding  # looked up once, not per quad
    finding_types = [
        (s, p, o)
        for g, qs in graphs.items()
        if g not in shared and g not in (ontology, derived)
        for s, p, o, _ in qs
        if p == a and o == finding
    ] + [(s, a, finding) for s in findings]
    doc_opts = DOC_OPTS
    pieces: list[tuple[str, list[tuple], list[tuple], dict]] = [
        ("reference and themes", shared_quads, [], {}),
        (
            "derived",
            graphs.get(derived, []),
            sorted(set(finding_types)) + shared_triples,
            {"only_targets": (CSKG.Recurrence,)},
        ),
    ]
    doc_graphs = [g for g in sorted(graphs, key=str) if g not in shared | {ontology, derived}]

    def marked(key: str) -> bool:
        if cache is None or not (cache / key).is_file():
            return False
        mark(key)
        return True

    def mark(key: str) -> None:
        if new_cache is not None:
            new_cache.mkdir(parents=True, exist_ok=True)
            (new_cache / key).touch()

    jobs: list[tuple[list[str], str, list[tuple], dict]] = []
    for name, piece, context, opts in pieces:
        key = quads_digest(piece, salt + repr(sorted(opts.items())).encode())
        if not marked(key):
            jobs.append(([key], name, [(s, p, o) for s, p, o, _ in piece] + context, opts))
    # document graphs not validated before go in batches, the shared context once per batch
    batch: list[tuple[str, URIRef]] = []
    size = 0
    for g, digest in sorted((known or {}).items()):
        key = document_graph_key(digest, salt)
        if not marked(key):
            raise ValueError(f"{g}: left out of the validation but never validated")
    for g in doc_graphs:
        digest = (digests or {}).get(g) or quads_digest(graphs[g])
        key = document_graph_key(digest, salt)
        if marked(key):
            continue
        batch.append((key, g))
        size += len(graphs[g])
        if size >= BATCH_TRIPLES or g == doc_graphs[-1]:
            triples = [(s, p, o) for _, bg in batch for s, p, o, _ in graphs[bg]]
            names = _names(batch)
            jobs.append(([k for k, _ in batch], names, triples + shared_triples, doc_opts))
            batch, size = [], 0
    if batch:
        triples = [(s, p, o) for _, bg in batch for s, p, o, _ in graphs[bg]]
        names = _names(batch)
        jobs.append(([k for k, _ in batch], names, triples + shared_triples, doc_opts))

    violations: list[Violation] = []
    work = sum(len(j[2]) for j in jobs)
    cpus = os.cpu_count() or 1
    if len(jobs) > 1 and work > PARALLEL_TRIPLES and cpus > 1:
        results = _in_parallel(jobs, min(cpus, 4))
    else:
        results = [_job(j) for j in jobs]
    for (keys, _, _, _), found in zip(jobs, results, strict=True):
        if found:
            violations.extend(found)
        else:
            for key in keys:
                mark(key)
    return sorted(set(violations), key=lambda v: (v.graph, v.focus, v.path, v.message))
