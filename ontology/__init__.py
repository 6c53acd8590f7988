"""The cskg ontology, SHACL shapes and theme scheme, and the small code that loads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = [
    "CSKG",
    "ID",
    "ONTOLOGY_DIR",
    "ONTOLOGY_IRI",
    "ONTOLOGY_VERSION_IRI",
    "PREFIXES",
    "ontology_path",
    "shapes_path",
]

ONTOLOGY_DIR = Path(__file__).parent

#: Base of every instance IRI (see docs/iri-scheme.md), e.g. ``ID + "document/<doc-id>"``.
ID = "https://w3id.org/childrens-services-kg/id/"

#: The vocabularies the graph uses, by their usual prefixes (TriG output, query tables).
PREFIXES: dict[str, str] = {
    "cskg": "https://w3id.org/childrens-services-kg/ontology#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vann": "http://purl.org/vocab/vann/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

ONTOLOGY_IRI = "https://w3id.org/childrens-services-kg/ontology"
ONTOLOGY_VERSION_IRI = "https://w3id.org/childrens-services-kg/ontology/0.1.0"


def __getattr__(name: str) -> Any:
    # CSKG needs rdflib; importing it only when used keeps lookups that never touch rdflib fast
    if name == "CSKG":
        from .vocab import CSKG

        return CSKG
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def ontology_path() -> Path:
    """The OWL/RDFS ontology, ``cskg.ttl``."""
    return ONTOLOGY_DIR / "cskg.ttl"


def shapes_path() -> Path:
    """The SHACL shapes the built graph must conform to, ``shapes.ttl``."""
    return ONTOLOGY_DIR / "shapes.ttl"
