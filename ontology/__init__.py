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
    "ontology_path",
    "shapes_path",
]

ONTOLOGY_DIR = Path(__file__).parent

#: Base of every instance IRI (see docs/iri-scheme.md), e.g. ``ID + "document/<doc-id>"``.
ID = "https://w3id.org/childrens-services-kg/id/"

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
