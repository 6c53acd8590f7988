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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from cskg.ontology import CSKG, shapes_path

SHARED = ("reference", "themes")


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


def _shapes(drop_targets: Sequence[URIRef] = (), only_targets: Sequence[URIRef] = ()) -> Graph:
    shapes = Graph().parse(shapes_path(), format="turtle")
    for shape, cls in list(shapes.subject_objects(SH.targetClass)):
        if cls in drop_targets or (only_targets and cls not in only_targets):
            shapes.remove((shape, SH.targetClass, cls))
    return shapes


def _run(triples: Iterable[tuple], shapes: Graph, graph_name: str) -> list[Violation]:
    from pyshacl import validate

    data = Graph()
    for t in triples:
        data.add(t)
    conforms, report, _ = validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
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


def validate_triples(triples: Iterable[tuple]) -> list[Violation]:
    """Validate one graph with every shape; an empty list means it conforms."""
    return sorted(_run(triples, _shapes(), ""), key=lambda v: (v.focus, v.path, v.message))


def _digest(quads: list[tuple], salt: bytes) -> str:
    h = hashlib.sha256(salt)
    for s, p, o, _ in quads:
        h.update(f"{s}\x1f{p}\x1f{o!r}\x1e".encode())
    return h.hexdigest()[:32]


def validate_quads(
    quads: Iterable[tuple],
    cache: Path | None = None,
    new_cache: Path | None = None,
) -> list[Violation]:
    """Validate every named graph except the ontology, in pieces (see the module docstring).

    ``cache`` is the previous build's folder of validated-piece markers; ``new_cache``
    receives a marker for every piece that conforms now.
    """
    from cskg.graph import iri

    graphs: dict[URIRef, list[tuple]] = defaultdict(list)
    for q in quads:
        graphs[q[3]].append(q)
    ontology = iri.named_graph("ontology")
    derived = iri.named_graph("derived")
    shared = {iri.named_graph(n) for n in SHARED}
    salt = hashlib.sha256(shapes_path().read_bytes()).digest()
    shared_classes = (CSKG.Person, CSKG.Organisation, CSKG.LocalAuthority)

    shared_quads = [q for g in sorted(shared, key=str) for q in graphs.get(g, [])]
    shared_triples = [(s, p, o) for s, p, o, _ in shared_quads]
    shared_types = [t for t in shared_triples if t[1] == RDF.type]
    finding_types = [
        (s, p, o)
        for g, qs in graphs.items()
        if g not in shared and g not in (ontology, derived)
        for s, p, o, _ in qs
        if p == RDF.type and o == CSKG.Finding
    ]
    pieces: list[tuple[str, list[tuple], list[tuple], dict]] = [
        ("reference and themes", shared_quads, [], {}),
        (
            "derived",
            graphs.get(derived, []),
            sorted(set(finding_types)) + shared_triples,
            {"only_targets": (CSKG.Recurrence,)},
        ),
    ]
    for g in sorted(graphs, key=str):
        if g in shared or g in (ontology, derived):
            continue
        pieces.append(
            (
                _short(g).removeprefix("graph/"),
                graphs[g],
                shared_triples,
                {"drop_targets": shared_classes},
            )
        )

    violations: list[Violation] = []
    shapes_for: dict[tuple, Graph] = {}
    for name, piece, context, opts in pieces:
        key = _digest(piece, salt + repr(sorted(opts.items())).encode())
        if cache is not None and (cache / key).is_file():
            if new_cache is not None:
                new_cache.mkdir(parents=True, exist_ok=True)
                (new_cache / key).touch()
            continue
        okey = tuple(sorted((k, tuple(v)) for k, v in opts.items()))
        if okey not in shapes_for:
            shapes_for[okey] = _shapes(**opts)
        found = _run([(s, p, o) for s, p, o, _ in piece] + list(context), shapes_for[okey], name)
        if found:
            violations.extend(found)
        elif new_cache is not None:
            new_cache.mkdir(parents=True, exist_ok=True)
            (new_cache / key).touch()
    return sorted(set(violations), key=lambda v: (v.graph, v.focus, v.path, v.message))
