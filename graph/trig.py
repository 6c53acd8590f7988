"""A deterministic TriG writer: same quads in, byte-identical text out.

rdflib's serialisers do not promise an order; this one sorts graphs, subjects, predicates
(rdf:type first) and objects, and uses prefixed names only for vocabulary terms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TextIO

from rdflib import RDF, XSD, Literal, URIRef

from cskg.graph.build import Quad
from cskg.ontology import PREFIXES

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}
_ESCAPE_RE = re.compile(r'[\\"\n\r\t\b\f]')
_DIGITS = re.compile(r"[+-]?\d+")
_INTEGER, _STRING = str(XSD.integer), str(XSD.string)


def term(t: URIRef | Literal) -> str:
    """One RDF term in Turtle syntax."""
    if isinstance(t, Literal):
        text = str(t)
        datatype = str(t.datatype) if t.datatype is not None else ""  # str: a fast compare
        if datatype == _INTEGER and _DIGITS.fullmatch(text):
            return text
        body = '"' + _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], text) + '"'
        if t.language:
            return f"{body}@{t.language}"
        if datatype and datatype != _STRING:
            return f"{body}^^{term(t.datatype)}"
        return body
    if not isinstance(t, URIRef):
        raise TypeError(f"cannot write {t!r}: the graph has no blank nodes")
    text = str(t)
    for prefix, ns in _BY_LENGTH:
        if text.startswith(ns) and _LOCAL.match(text[len(ns) :]):
            return f"{prefix}:{text[len(ns) :]}"
    return "<" + text.replace(">", "%3E").replace(" ", "%20") + ">"


def _order(p: URIRef) -> tuple[int, str]:
    return (0 if p == RDF.type else 1, str(p))


def write_trig(quads: Iterable[Quad], out: TextIO) -> int:
    """Write ``quads`` as sorted TriG; returns the number of distinct quads."""
    graphs: dict[URIRef, dict[URIRef, dict[URIRef, set[str]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(set))
    )
    names: dict[URIRef, str] = {}  # an IRI recurs in many quads: write it out once

    def name(t: URIRef | Literal) -> str:
        if isinstance(t, Literal):
            return term(t)
        found = names.get(t)
        if found is None:
            found = names[t] = term(t)
        return found

    for s, p, o, g in quads:
        graphs[g][s][p].add(name(o))
    out.write("".join(f"@prefix {k}: <{v}> .\n" for k, v in sorted(PREFIXES.items())))
    count = 0
    for g in sorted(graphs, key=str):
        out.write(f"\n{name(g)} {{\n")
        subjects = graphs[g]
        for s in sorted(subjects, key=str):
            preds = subjects[s]
            lines = []
            for p in sorted(preds, key=_order):
                objs = sorted(preds[p])
                count += len(objs)
                lines.append(
                    f"    {'a' if p == RDF.type else name(p)} " + " ,\n        ".join(objs)
                )
            out.write(f"  {name(s)}\n" + " ;\n".join(lines) + " .\n")
        out.write("}\n")
    return count
