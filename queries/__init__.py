"""Named SPARQL queries over the built graph, and the safety rules every query passes."""

from .run import (
    FORMATS,
    NamedQuery,
    Param,
    QueryResult,
    bind,
    catalogue,
    format_result,
    list_queries,
    load_dataset,
    load_query,
    query_from_text,
    run_query,
)
from .safety import check_query

__all__ = [
    "FORMATS",
    "NamedQuery",
    "Param",
    "QueryResult",
    "bind",
    "catalogue",
    "check_query",
    "format_result",
    "list_queries",
    "load_dataset",
    "load_query",
    "query_from_text",
    "run_query",
]
