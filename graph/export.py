"""Export the built graph as TriG, Turtle, N-Triples, N-Quads, JSON-LD or GraphML.

RDF formats are written by pyoxigraph from the query store, sorted, so the same build always
gives the same bytes. ``ttl`` and ``nt`` are the union of the named graphs as one graph (a
triple several documents state appears once); ``trig``, ``nq`` and ``jsonld`` keep the named
graphs. ``graphml`` is a networkx projection for graph tools (Gephi, yEd, Cytoscape): findings,
themes, assessments, documents, people, organisations and actions as nodes with ``label`` and
``type``, and the properties between them as edges.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from cskg.errors import CskgError

FORMATS = ("ttl", "trig", "nt", "nq", "jsonld", "graphml")
MEDIA_TYPES = {
    "ttl": "text/turtle",
    "trig": "application/trig",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
}

CSKG = "https://w3id.org/childrens-services-kg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"

# node type -> how to recognise it; the first match wins (a council is also an organisation)
_NODE_CLASSES = (
    ("Finding", f"{CSKG}Finding"),
    ("Action", f"{CSKG}Action"),
    ("Assessment", f"{CSKG}Assessment"),
    ("Document", f"{CSKG}Document"),
    ("LocalAuthority", f"{CSKG}LocalAuthority"),
    ("Person", f"{CSKG}Person"),
    ("Post", f"{CSKG}Post"),
    ("Organisation", f"{CSKG}Organisation"),
)
_LABELS = (
    "http://www.w3.org/2000/01/rdf-schema#label",
    f"{SKOS}prefLabel",
    "http://purl.org/dc/terms/title",
    f"{CSKG}text",
)


def rdf_format(fmt: str) -> Any:
    """The pyoxigraph format for an export format name."""
    import pyoxigraph as ox

    return {
        "ttl": ox.RdfFormat.TURTLE,
        "trig": ox.RdfFormat.TRIG,
        "nt": ox.RdfFormat.N_TRIPLES,
        "nq": ox.RdfFormat.N_QUADS,
        "jsonld": ox.RdfFormat.JSON_LD,
    }[fmt]


def _prefixes() -> dict[str, str]:
    """Vocabulary prefixes (instances stay whole IRIs: Turtle would escape their "/")."""
    from cskg.graph.trig import PREFIXES

    return dict(PREFIXES)


def sorted_quads(store: Any) -> list[Any]:
    """Every quad of the store, sorted by graph, subject, predicate, object."""
    quads = list(store.quads_for_pattern(None, None, None, None))
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return quads


def union_triples(store: Any) -> list[Any]:
    """The distinct triples of all named graphs, sorted."""
    import pyoxigraph as ox

    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store}
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def export(out: Path, fmt: str, dest: IO[bytes], store: Any = None) -> int:
    """Write the graph built in ``out`` to ``dest`` in ``fmt``; returns the items written."""
    import pyoxigraph as ox

    if fmt not in FORMATS:
        raise CskgError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if store is None:
        from cskg.graph.store import open_store

        store = open_store(out)
    try:
        if fmt == "graphml":
            return write_graphml(projection(store), dest)
        if fmt in ("ttl", "nt"):
            items = union_triples(store)
        else:
            items = sorted_quads(store)
        prefixes = _prefixes() if fmt in ("ttl", "trig") else None
        ox.serialize(items, dest, format=rdf_format(fmt), prefixes=prefixes)
        return len(items)
    except BrokenPipeError:
        raise  # `cskg export | head`: the CLI ends quietly
    except OSError as err:
        raise CskgError(f"cannot write the {fmt} export ({err})") from err


# --- GraphML ------------------------------------------------------------------------------


def _first(values: list[str]) -> str:
    return sorted(values)[0] if values else ""


def projection(store: Any) -> Any:
    """A networkx MultiDiGraph of the graph's main nodes and the properties linking them."""
    import networkx as nx
    import pyoxigraph as ox

    prefixes = sorted(
        {**_prefixes(), "id": "https://w3id.org/childrens-services-kg/id/"}.items(),
        key=lambda kv: -len(kv[1]),
    )

    def compact(term: Any) -> str:
        for prefix, ns in prefixes:
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns) :]}"
        return term.value

    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    types: dict[str, str] = {}
    for kind, cls in reversed(_NODE_CLASSES):  # first match wins: write it last
        for q in store.quads_for_pattern(None, rdf_type, ox.NamedNode(cls), None):
            if isinstance(q.subject, ox.NamedNode):
                types[q.subject.value] = kind
    themes = ox.NamedNode(f"{CSKG}Themes")
    for q in store.quads_for_pattern(None, ox.NamedNode(f"{SKOS}inScheme"), themes, None):
        types.setdefault(q.subject.value, "Theme")

    attrs: dict[str, dict[str, list[str]]] = {n: {} for n in types}
    wanted = {
        **dict.fromkeys(_LABELS, "label"),
        f"{CSKG}year": "year",
        f"{CSKG}polarity": "polarity",
        f"{CSKG}kind": "kind",
        f"{CSKG}documentType": "documentType",
        "http://purl.org/dc/terms/date": "date",
    }
    edges: set[tuple[str, str, str]] = set()
    derived_from = f"{PROV}wasDerivedFrom"
    excerpts: dict[str, list[str]] = {}
    in_document = ox.NamedNode(f"{CSKG}inDocument")
    for q in store.quads_for_pattern(None, in_document, None, None):
        excerpts.setdefault(q.subject.value, []).append(q.object.value)
    for q in store:
        s = q.subject.value
        if s not in types:
            continue
        p, o = q.predicate.value, q.object
        if p in wanted:
            attrs[s].setdefault(wanted[p], []).append(
                compact(o) if isinstance(o, ox.NamedNode) else o.value
            )
        elif isinstance(o, ox.NamedNode) and o.value in types:
            edges.add((s, compact(q.predicate), o.value))
        elif p == derived_from and isinstance(o, ox.NamedNode):
            for doc in excerpts.get(o.value, ()):
                if doc in types:
                    edges.add((s, "prov:wasDerivedFrom/cskg:inDocument", doc))

    g = nx.MultiDiGraph(name="cskg")
    for node in sorted(types):
        a = attrs[node]
        data: dict[str, Any] = {"label": _first(a.get("label", [])), "type": types[node]}
        for key in ("polarity", "kind", "documentType", "date"):
            if a.get(key):
                data[key] = _first(a[key])
        if a.get("year"):
            data["year"] = int(_first(a["year"]))
        data["iri"] = node
        g.add_node(node, **data)
    for s, p, o in sorted(edges):
        g.add_edge(s, o, key=p, property=p)
    return g


def write_graphml(graph: Any, dest: IO[bytes]) -> int:
    """Write a projection as GraphML; returns the number of nodes."""
    import networkx as nx

    nx.write_graphml(graph, dest, encoding="utf-8", prettyprint=True)
    return graph.number_of_nodes()


def export_to(out: Path, fmt: str, target: Path | None, stdout: IO[bytes]) -> int:
    """Export to the file ``target`` (written whole, then renamed) or to ``stdout``."""
    if target is None:
        return export(out, fmt, stdout)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with tmp.open("wb") as fh:
            n = export(out, fmt, fh)
        tmp.replace(target)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise CskgError(f"{target}: cannot write ({err.strerror or err})") from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n
