"""SHACL validation of the built graph against ``ontology/shapes.ttl``, reported in plain words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from cskg.ontology import shapes_path


@dataclass(frozen=True)
class Violation:
    """One failed rule: which node, which property, what the rule says."""

    focus: str
    path: str
    message: str
    severity: str

    def line(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


def _short(term: object) -> str:
    text = str(term)
    for sep in ("#", "/id/"):
        if sep in text:
            return text.split(sep, 1)[1] if sep == "/id/" else text.rsplit(sep, 1)[1]
    return text


def validate_triples(triples: Iterable[tuple]) -> list[Violation]:
    """Validate the union of the data; an empty list means the graph conforms."""
    from pyshacl import validate

    data = Graph()
    for t in triples:
        data.add(t)
    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, report, _ = validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    if conforms:
        return []
    out = []
    for r in report.subjects(predicate=SH.resultSeverity):
        if not isinstance(r, URIRef) and report.value(r, SH.focusNode) is None:
            continue
        out.append(
            Violation(
                focus=_short(report.value(r, SH.focusNode)),
                path=_short(report.value(r, SH.resultPath) or ""),
                message=str(report.value(r, SH.resultMessage) or "violates a shape"),
                severity=_short(report.value(r, SH.resultSeverity)),
            )
        )
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))
