"""A deterministic TriG writer: same quads in, byte-identical text out.

rdflib's serialisers do not promise an order; this one sorts graphs, subjects, predicates
(rdf:type first) and objects, and uses prefixed names only for vocabulary terms.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
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


_TYPE = RDF.type  # looked up once: a DefinedNamespace attribute costs a call each time


def _order(p: URIRef) -> tuple[int, str]:
    # (str's own comparison: rdflib's, in Python, costs a call per predicate of every subject)
    return (0 if str.__eq__(p, _TYPE) else 1, str(p))


@dataclass(frozen=True)
class Block:
    """Where one named graph's block lies in a TriG file (character offsets), and its size."""

    start: int
    end: int
    quads: int


def header() -> str:
    """The prefix lines every file written here starts with."""
    return "".join(f"@prefix {k}: <{v}> .\n" for k, v in sorted(PREFIXES.items()))


def write_trig(quads: Iterable[Quad], out: TextIO) -> int:
    """Write ``quads`` as sorted TriG; returns the number of distinct quads."""
    groups: dict[URIRef, list[Quad]] = defaultdict(list)
    for q in quads:
        groups[q[3]].append(q)
    return sum(b.quads for b in write_graphs(groups, out).values())


def write_graphs(
    groups: Mapping[URIRef, Sequence[Quad]],
    out: TextIO,
    reuse: Mapping[URIRef, tuple[str, int]] | None = None,
) -> dict[URIRef, Block]:
    """Write the named graphs of ``groups`` as sorted TriG, each graph one block.

    ``reuse`` gives, for a graph whose quads are known to be the ones that made it, the block
    text a previous run wrote and its number of quads: the text is written as it is, which
    is what formatting the quads again would give. Returns where each block lies in ``out``.
    """
    reuse = reuse or {}
    names: dict[URIRef, str] = {}  # an IRI recurs in many quads: write it out once

    def name(t: URIRef | Literal) -> str:
        # (type, not isinstance: rdflib's terms check instances through abc, a cost per quad)
        if type(t) is not URIRef:
            return term(t)
        found = names.get(t)
        if found is None:
            found = names[t] = term(t)
        return found

    text = header()
    out.write(text)
    at = len(text)
    blocks: dict[URIRef, Block] = {}
    for g in sorted(groups, key=str):
        if g in reuse:
            block, count = reuse[g]
        else:
            block, count = _block(g, groups[g], name)
        out.write(block)
        blocks[g] = Block(at, at + len(block), count)
        at += len(block)
    return blocks


def _block(
    g: URIRef, quads: Iterable[Quad], name: Callable[[URIRef | Literal], str]
) -> tuple[str, int]:
    subjects: dict[URIRef, dict[URIRef, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, p, o, _ in quads:
        subjects[s][p].add(name(o))
    parts = [f"\n{name(g)} {{\n"]
    count = 0
    for s in sorted(subjects, key=str):
        preds = subjects[s]
        lines = []
        for p in sorted(preds, key=_order):
            objs = sorted(preds[p])
            count += len(objs)
            verb = "a" if str.__eq__(p, _TYPE) else name(p)
            lines.append(f"    {verb} " + " ,\n        ".join(objs))
        parts.append(f"  {name(s)}\n" + " ;\n".join(lines) + " .\n")
    parts.append("}\n")
    return "".join(parts), count
