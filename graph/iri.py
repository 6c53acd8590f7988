"""Stable IRIs for instances: the same input always mints the same IRI, and no blank nodes."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

ID = "https://w3id.org/childrens-services-kg/id/"


@lru_cache(maxsize=1 << 16)  # keys and labels recur across a build's records
def slug(label: str, limit: int = 80) -> str:
    """Lower-case ASCII words joined by '-', e.g. 'Director of People' -> 'director-of-people'."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    text = text[:limit].rstrip("-")
    if not text:
        # labels with no ASCII letters still need a stable, distinct slug (the "12" is hashed
        # with the label, giving 16 digits; kept as it is so that published IRIs stay the same)
        return "x" + digest(label, 12)
    return text


def digest(*parts: object, length: int = 16) -> str:
    """First ``length`` hex digits of the SHA-256 of the parts, joined by a separator."""
    data = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


def iri(kind: str, *parts: str) -> URIRef:
    """``ID + kind/part/part``; parts must already be slugs or hashes."""
    return URIRef(ID + "/".join((kind, *parts)))


def document(doc_id: str) -> URIRef:
    return iri("document", doc_id)


def named_graph(name: str) -> URIRef:
    return iri("graph", name)


def assessment(key: str) -> URIRef:
    return iri("assessment", slug(key))


def excerpt(doc_id: str, start: int, end: int) -> URIRef:
    return iri("excerpt", doc_id, f"{start}-{end}")


def agent(key: str, kind: str) -> URIRef:
    if kind == "Post":  # key "post:director-of-people-medway-council"
        return iri("post", slug(key.removeprefix("post:")))
    return iri("person" if kind == "Person" else "organisation", slug(key))


def local_authority(name: str) -> URIRef:
    return iri("local-authority", slug(name))


def role(label: str) -> URIRef:
    return iri("role", slug(label))


def theme(theme_id: str) -> URIRef:
    return iri("theme", slug(theme_id))


def grade(label: str) -> URIRef:
    return iri("grade", slug(label))


def judgement_area(label: str) -> URIRef:
    return iri("judgement-area", slug(label))
