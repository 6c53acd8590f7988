"""Refuse query text that would reach beyond the local graph or change it.

Every path that runs SPARQL from a user (the library, ``cskg query``, ``cskg serve``) calls
:func:`check_query` first. It reads the text with a SPARQL tokenizer, so a keyword inside a
string literal, an IRI or a comment never counts, and a keyword in any letter case does:

- ``SERVICE`` (federated query: the engine would call another endpoint over HTTP);
- ``LOAD`` and every other update operation (``INSERT``, ``DELETE``, ``CLEAR``, ``DROP``,
  ``CREATE``, ``ADD``, ``MOVE``, ``COPY``): the graph is read-only;
- ``FROM <iri>`` / ``FROM NAMED <iri>`` naming anything but one of the graph's own named
  graphs (rdflib's engine would fetch such an IRI from the network or the file system).

For rdflib's own engine, :func:`rdflib_guard` also switches off its graph loading and makes
any ``SERVICE`` it reaches fail, and :func:`check_rdflib_query` walks the parsed algebra.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from threading import Lock
from urllib.parse import urljoin

from cskg.errors import QueryError

__all__ = ["Token", "check_query", "check_rdflib_query", "rdflib_guard", "tokens"]

# One alternative per SPARQL terminal that can hide a keyword (strings, IRIs, comments,
# prefixed names, variables, language tags), then words, numbers and punctuation.
# Long strings come before short ones, prefixed names before bare words.
_PN = r"(?:[\w\-:%]|\\[_~.\-!$&'()*+,;=/?#@%])"
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>
        '''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
      | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
      | '(?:[^'\\\n\r]|\\.)*'
      | "(?:[^"\\\n\r]|\\.)*"
    )
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d_](?:[\w.\-]*[\w\-])?)?:(?:"""
    + _PN
    + r"""(?:(?:"""
    + _PN
    + r"""|\.)*"""
    + _PN
    + r""")?)?)
  | (?P<bnode>_:[\w.\-]*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<word>[^\W\d]\w*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|.)
    """,
    re.VERBOSE | re.DOTALL,
)

#: Keywords that make a query unsafe, with what to tell the user.
UPDATES = ("LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")


@dataclass(frozen=True)
class Token:
    """One lexical token of a SPARQL text, with its 1-based line and column."""

    kind: str  # ws comment string iri var langtag pname bnode number word punct
    text: str
    line: int
    column: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text``, including whitespace and comments."""
    line, line_start = 1, 0
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)  # always matches: the last alternative takes any character
        assert m is not None
        kind, value = m.lastgroup or "punct", m.group()
        yield Token(kind, value, line, pos - line_start + 1)
        newlines = value.count("\n")
        if newlines:
            line += newlines
            line_start = pos + value.rindex("\n") + 1
        pos += len(value)


def _significant(text: str) -> list[Token]:
    return [t for t in tokens(text) if t.kind not in ("ws", "comment")]


def _where(t: Token) -> str:
    return f"line {t.line}, column {t.column}"


def _resolve(t: Token, prefixes: dict[str, str], base: str) -> str | None:
    if t.kind == "iri":
        return urljoin(base, t.text[1:-1]) if base else t.text[1:-1]
    if t.kind == "pname":
        prefix, _, local = t.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def check_query(text: str, named_graphs: Collection[str] = (), source: str = "query") -> None:
    """Raise :class:`QueryError` naming the clause if ``text`` is not a safe read-only query.

    :param named_graphs: the IRIs ``FROM`` and ``FROM NAMED`` may name (the graph's own).
    :param source: what to call the query in the message (its name or file).
    """
    toks = _significant(text)
    prefixes: dict[str, str] = {}
    base = ""
    for i, t in enumerate(toks):
        if t.kind != "word":
            continue
        word = t.text.upper()
        nxt = toks[i + 1 : i + 3]
        if word == "PREFIX" and len(nxt) == 2 and nxt[0].kind == "pname" and nxt[1].kind == "iri":
            prefixes[nxt[0].text.rstrip(":").partition(":")[0]] = urljoin(base, nxt[1].text[1:-1])
        elif word == "BASE" and nxt and nxt[0].kind == "iri":
            base = urljoin(base, nxt[0].text[1:-1])
        elif word == "SERVICE":
            raise QueryError(
                f"{source}: SERVICE at {_where(t)} is refused: queries run on the local graph "
                "only (no federated queries)"
            )
        elif word in UPDATES:
            raise QueryError(
                f"{source}: {word} at {_where(t)} is refused: the graph is read-only "
                "(no LOAD or other updates)"
            )
        elif word == "FROM":
            target = nxt[0] if nxt else None
            clause = "FROM"
            if target is not None and target.kind == "word" and target.text.upper() == "NAMED":
                clause = "FROM NAMED"
                target = nxt[1] if len(nxt) > 1 else None
            iri = _resolve(target, prefixes, base) if target is not None else None
            if iri is None or iri not in named_graphs:
                shown = f"<{iri}>" if iri is not None else (target.text if target else "")
                raise QueryError(
                    f"{source}: {clause} {shown} at {_where(t)} is refused: FROM may name only "
                    "this graph's own named graphs (see `cskg query named_graphs`)"
                )


def check_rdflib_query(prepared: object, named_graphs: Collection[str], source: str) -> None:
    """Walk an rdflib prepared query's algebra: no SERVICE, FROM only our named graphs."""
    from rdflib.plugins.sparql.parserutils import CompValue

    algebra = prepared.algebra  # type: ignore[attr-defined]
    for clause in algebra.get("datasetClause") or ():
        iri = clause.get("default") or clause.get("named")
        if str(iri) not in named_graphs:
            name = "FROM" if clause.get("default") is not None else "FROM NAMED"
            raise QueryError(
                f"{source}: {name} <{iri}> is refused: FROM may name only this graph's own "
                "named graphs"
            )
    stack: list[object] = [algebra]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise QueryError(
                    f"{source}: SERVICE is refused: queries run on the local graph only "
                    "(no federated queries)"
                )
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)


_RDFLIB_LOCK = Lock()


def _refuse_service(ctx: object, part: object) -> object:
    if getattr(part, "name", None) == "ServiceGraphPattern":
        raise QueryError("SERVICE is refused: queries run on the local graph only")
    raise NotImplementedError


@contextmanager
def rdflib_guard() -> Iterator[None]:
    """Run rdflib's SPARQL engine with FROM loading off and SERVICE failing, then restore."""
    import rdflib.plugins.sparql as sparql

    with _RDFLIB_LOCK:
        saved = sparql.SPARQL_LOAD_GRAPHS
        sparql.SPARQL_LOAD_GRAPHS = False
        sparql.CUSTOM_EVALS["cskg-refuse-service"] = _refuse_service
        try:
            yield
        finally:
            sparql.SPARQL_LOAD_GRAPHS = saved
            sparql.CUSTOM_EVALS.pop("cskg-refuse-service", None)
