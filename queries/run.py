"""Named SPARQL queries: read their headers, bind parameters, run them, format the results.

A named query is a file ``queries/<name>.rq`` that starts with comment lines::

    # title: Findings for a theme and year
    # description: Every finding an assessment of that year tagged with the theme, with its quote.
    # param: theme (iri, default id:theme/workforce): the theme
    # param: year (year, optional): the assessment year; leave out for every year

A parameter's type is ``iri``, ``int``, ``string`` or ``year``; it has a default, is
``optional`` (left unbound, so it matches anything) or, with neither, is required. Values are
bound with the engine's substitution mechanism (pyoxigraph ``substitutions=``, rdflib
``initBindings``), never pasted into the text, and the parameter's variable must be in the
``SELECT`` projection (Oxigraph's rule for substitutions).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cskg.errors import QueryError
from cskg.ontology import ID
from cskg.ontology import PREFIXES as _VOCABULARIES

from .safety import check_query, check_rdflib_query, rdflib_guard, tokens

QUERY_DIR = Path(__file__).resolve().parent
FORMATS = ("table", "csv", "tsv", "json")
PARAM_TYPES = ("iri", "int", "string", "year")
ENGINES = ("oxigraph", "rdflib")
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: Prefixes a parameter value and a table cell may use (and graph results are written with).
PREFIXES: dict[str, str] = {"cskg": _VOCABULARIES["cskg"], "id": ID} | {
    k: v for k, v in _VOCABULARIES.items() if k not in ("cskg", "sh", "vann")
}
#: Turtle output leaves instance IRIs whole: their local parts contain "/", which Turtle escapes.
TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "id"}
TABLE_CELL = 70  # a table cell longer than this is cut with "…"; csv/tsv/json are never cut

_FIELD = re.compile(r"#\s*(title|description|param):\s*(.*)$")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)"
    r"(?:,\s*(?:default\s+(?P<default>[^)]+?)|(?P<optional>optional)))?\s*\):\s*(?P<meaning>.+)$"
)
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str  # iri | int | string | year
    meaning: str
    default: str | None = None
    optional: bool = False

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional

    def signature(self) -> str:
        """``name (type, default X)`` as the header writes it."""
        extra = f", default {self.default}" if self.default is not None else ""
        extra = ", optional" if self.optional else extra
        return f"{self.name} ({self.type}{extra})"


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with the title, description and parameters from its header."""

    name: str
    text: str = field(repr=False)
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    path: Path | None = None

    @property
    def source(self) -> str:
        """How error messages name the query."""
        if self.path is not None and self.path.parent == QUERY_DIR:
            return f"query {self.name}"
        return str(self.path) if self.path is not None else self.name

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def body(self) -> str:
        """The text after the header comment lines."""
        lines = self.text.splitlines(keepends=True)
        i = 0
        while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
            i += 1
        return "".join(lines[i:])


def parse_header(text: str, source: str) -> tuple[str, str, tuple[Param, ...]]:
    """Title, description and parameters from the leading ``#`` lines of a query."""
    title, description, params = "", "", []
    last = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        m = _FIELD.match(line)
        if m is None:
            # "#   more words" continues the field above it
            rest = line.lstrip("#").strip()
            if last == "description" and rest and raw.startswith("#  "):
                description = f"{description} {rest}"
            continue
        key, value = m.group(1), m.group(2).strip()
        last = key
        if key == "title":
            title = value
        elif key == "description":
            description = value
        else:
            p = _PARAM.match(value)
            if p is None:
                raise QueryError(
                    f"{source}: bad header line {line!r}; write "
                    "`# param: name (type, default X): meaning`"
                )
            if p.group("type") not in PARAM_TYPES:
                raise QueryError(
                    f"{source}: parameter {p.group('name')} has type {p.group('type')!r}; "
                    f"use one of: {', '.join(PARAM_TYPES)}"
                )
            params.append(
                Param(
                    name=p.group("name"),
                    type=p.group("type"),
                    meaning=p.group("meaning").strip(),
                    default=p.group("default"),
                    optional=p.group("optional") is not None,
                )
            )
    return title, description, tuple(params)


def query_from_text(text: str, name: str = "--sparql", path: Path | None = None) -> NamedQuery:
    """A :class:`NamedQuery` from SPARQL text (its header, if any, is read)."""
    title, description, params = parse_header(text, str(path) if path else name)
    return NamedQuery(name, text, title, description, params, path)


def query_paths() -> list[Path]:
    """The named queries' files, sorted by name.

    ``lookup_*.rq`` are left out: they serve ``cskg theme``, ``actor``, ``search`` and ``explain``
    (see ``queries/lookup.py``); they still run by name.
    """
    return sorted(p for p in QUERY_DIR.glob("*.rq") if not p.name.startswith("lookup_"))


def list_queries() -> list[NamedQuery]:
    """Every named query, sorted by name."""
    return [load_query(p.stem) for p in query_paths()]


def load_query(ref: str | Path) -> NamedQuery:
    """A named query by name (``recurring_weaknesses``) or a ``.rq`` file by path."""
    text_ref = str(ref)
    if isinstance(ref, Path) or text_ref.endswith(".rq") or "/" in text_ref:
        path = Path(ref)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as err:
            raise QueryError(f"{path}: no such query file") from err
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"{path}: cannot read the query file ({err})") from err
        return query_from_text(text, path.stem, path)
    path = QUERY_DIR / f"{text_ref}.rq"
    if not _NAME.match(text_ref) or not path.is_file():
        raise QueryError(f"unknown query {text_ref!r}; `cskg query --list` shows the named queries")
    return query_from_text(path.read_text(encoding="utf-8"), text_ref, path)


# --- parameters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A parameter value, engine-neutral: an IRI or a literal with its datatype."""

    kind: str  # iri | literal
    value: str
    datatype: str = XSD_STRING

    def to_oxigraph(self) -> Any:
        import pyoxigraph as ox

        if self.kind == "iri":
            return ox.NamedNode(self.value)
        return ox.Literal(self.value, datatype=ox.NamedNode(self.datatype))

    def to_rdflib(self) -> Any:
        from rdflib import Literal, URIRef

        if self.kind == "iri":
            return URIRef(self.value)
        return Literal(self.value, datatype=URIRef(self.datatype))


_IRI_OK = re.compile(r"^[^\s<>\"{}|^`\\]+$")


def expand_iri(text: str) -> str | None:
    """``<iri>``, an absolute IRI, or ``prefix:local`` with a known prefix; else None."""
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefix, colon, local = text.partition(":")
    if colon and prefix in PREFIXES and not local.startswith("//"):
        text = PREFIXES[prefix] + local
    if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", text) and _IRI_OK.match(text):
        return text
    return None


def typed_value(param: Param, raw: str, source: str) -> Value:
    """Check ``raw`` against the parameter's type; one-line error naming the parameter."""
    raw = raw.strip()
    if param.type == "iri":
        iri = expand_iri(raw)
        if iri is None:
            raise QueryError(
                f"{source}: parameter {param.name}={raw!r} is not an IRI "
                "(write <https://…>, https://… or a prefixed name such as id:theme/workforce)"
            )
        return Value("iri", iri)
    if param.type in ("int", "year"):
        if not re.fullmatch(r"[+-]?\d+", raw):
            kind = "a year (e.g. 2019)" if param.type == "year" else "a whole number"
            raise QueryError(f"{source}: parameter {param.name}={raw!r} is not {kind}")
        number = int(raw)
        if param.type == "year" and not 1900 <= number <= 2100:
            raise QueryError(
                f"{source}: parameter {param.name}={raw!r} is not a year between 1900 and 2100"
            )
        return Value("literal", str(number), XSD_INTEGER)
    return Value("literal", raw)


def _infer(name: str, raw: str) -> Param:
    """The type of a value given to a query with no header: IRI, whole number or string."""
    text = raw.strip()
    if text.startswith("<") or "://" in text or text.partition(":")[0] in PREFIXES:
        return Param(name, "iri", "")
    if re.fullmatch(r"[+-]?\d+", text):
        return Param(name, "int", "")
    return Param(name, "string", "")


def query_variables(text: str) -> set[str]:
    """The variable names a query text uses (outside strings, IRIs and comments)."""
    return {t.text[1:] for t in tokens(text) if t.kind == "var"}


def bind(query: NamedQuery, given: Mapping[str, str] | None = None) -> dict[str, Value]:
    """Typed values for the query's parameters: given ones, then defaults; checks required."""
    given = dict(given or {})
    values: dict[str, Value] = {}
    if query.params:
        for name in given:
            if query.param(name) is None:
                known = ", ".join(p.name for p in query.params)
                raise QueryError(
                    f"{query.source}: unknown parameter {name!r}; its parameters are: {known}"
                )
        for p in query.params:
            if p.name in given:
                values[p.name] = typed_value(p, given[p.name], query.source)
            elif p.default is not None:
                values[p.name] = typed_value(p, p.default, query.source)
            elif p.required:
                raise QueryError(
                    f"{query.source}: missing parameter {p.name} ({p.type}): "
                    f"add --param {p.name}=VALUE"
                )
        return values
    names = query_variables(query.text)
    for name, raw in given.items():
        if name not in names:
            raise QueryError(f"{query.source}: parameter {name!r}: the query has no ?{name}")
        values[name] = typed_value(_infer(name, raw), raw, query.source)
    return values


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryResult:
    """What a query returned: solutions (as W3C JSON), a boolean, or triples (N-Triples)."""

    kind: str  # select | ask | graph
    data: bytes  # select/ask: SPARQL 1.1 Query Results JSON; graph: N-Triples

    @property
    def variables(self) -> list[str]:
        if self.kind != "select":
            return []
        return list(json.loads(self.data)["head"].get("vars", []))

    @property
    def boolean(self) -> bool | None:
        return bool(json.loads(self.data)["boolean"]) if self.kind == "ask" else None

    def solutions(self) -> Any:
        """A fresh pyoxigraph iterator over the solutions (or the boolean) of the result."""
        import pyoxigraph as ox

        return ox.parse_query_results(self.data, format=ox.QueryResultsFormat.JSON)

    def rows(self) -> list[dict[str, Any]]:
        """Each solution as ``{variable: pyoxigraph term}`` (unbound variables left out)."""
        if self.kind != "select":
            return []
        out = []
        names = self.variables
        for sol in self.solutions():
            row = {}
            for name in names:
                term = sol[name]
                if term is not None:
                    row[name] = term
            out.append(row)
        return out

    def values(self) -> list[dict[str, str]]:
        """Each solution as ``{variable: lexical value}``: IRIs and literals as plain strings."""
        return [{k: v.value for k, v in row.items()} for row in self.rows()]

    def triples(self) -> list[Any]:
        """The triples of a CONSTRUCT or DESCRIBE result (pyoxigraph)."""
        import pyoxigraph as ox

        if self.kind != "graph":
            return []
        return list(ox.parse(self.data, format=ox.RdfFormat.N_TRIPLES))

    def __len__(self) -> int:
        if self.kind == "select":
            return len(json.loads(self.data)["results"]["bindings"])
        if self.kind == "graph":
            return self.data.count(b"\n")
        return 1


def compact(term: Any) -> str:
    """A term as a table shows it: a prefixed name for IRIs, the lexical value for literals."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{iri}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"


def format_table(result: QueryResult, hide: Collection[str] = ()) -> str:
    """A plain-text table of a SELECT result (``true``/``false`` for ASK, Turtle for graphs).

    :param hide: columns to leave out when no row binds them: a query's parameters, which
        are selected only so that they can be bound (Oxigraph's rule), and are empty when
        left out.
    """
    if result.kind == "ask":
        return "true\n" if result.boolean else "false\n"
    if result.kind == "graph":
        return format_result(result, "table")
    rows = result.rows()
    names = [n for n in result.variables if n not in hide or any(n in row for row in rows)]
    if not names:  # every column hidden: show them after all, empty
        names = result.variables
    cells = [[_cell(compact(row[n])) if n in row else "" for n in names] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    lines.append(f"({len(cells)} row{'' if len(cells) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str = "table", hide: Collection[str] = ()) -> str:
    """The result as text: table, csv, tsv or json (SPARQL 1.1 Query Results JSON).

    CONSTRUCT and DESCRIBE results are Turtle (JSON-LD with ``json``); ASK gives
    ``true``/``false`` (the W3C boolean document with ``json``). ``hide``: see
    :func:`format_table` (the table only; csv, tsv and json keep every variable).
    """
    import pyoxigraph as ox

    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if result.kind == "graph":
        triples = result.triples()
        if fmt == "json":
            return ox.serialize(triples, format=ox.RdfFormat.JSON_LD).decode("utf-8") + "\n"
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES).decode(
            "utf-8"
        )
    if fmt == "json":
        return result.data.decode("utf-8") + "\n"
    if fmt == "table":
        return format_table(result, hide)
    kind = ox.QueryResultsFormat.CSV if fmt == "csv" else ox.QueryResultsFormat.TSV
    text = result.solutions().serialize(format=kind).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


def format_list(queries: list[NamedQuery], fmt: str = "table", width: int = 100) -> str:
    """The named queries' names, titles and parameters as a table, csv, tsv or json.

    The table gives each query's description too, wrapped to ``width`` under its title.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt == "json":
        items = [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "default": p.default,
                        "optional": p.optional,
                        "meaning": p.meaning,
                    }
                    for p in q.params
                ],
            }
            for q in queries
        ]
        return json.dumps(items, indent=1, ensure_ascii=False) + "\n"
    rows = [[q.name, q.title, ", ".join(p.signature() for p in q.params)] for q in queries]
    header = ["name", "title", "parameters"]
    if fmt in ("csv", "tsv"):
        import csv
        import io

        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerows([header, *rows])
        return buf.getvalue()
    import textwrap

    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(2)]
    indent = " " * (widths[0] + 2)
    lines = [f"{header[0].ljust(widths[0])}  {header[1].ljust(widths[1])}  {header[2]}"]
    lines.append(f"{'-' * widths[0]}  {'-' * widths[1]}  {'-' * len(header[2])}")
    for q, r in zip(queries, rows, strict=True):
        lines.append(f"{r[0].ljust(widths[0])}  {r[1].ljust(widths[1])}  {r[2]}".rstrip())
        if q.description:
            lines += textwrap.wrap(
                q.description,
                width=max(width, len(indent) + 40),
                initial_indent=indent,
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
    return "\n".join(lines) + "\n"


# --- running ------------------------------------------------------------------------------


_OX_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
#: one item of Oxigraph's "expected one of …" list: a "token", a [character class], or words
_EXPECTED_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:\'[^\']*\'|[^\]])*\]|[^,\s][^,]*')
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:[\w.%-]*$")
MAX_EXPECTED = 6
_CLOSERS = ('"}"', '")"', '"]"', '">"', '"\\""')


def _at_end(text: str, line: int, column: int) -> bool:
    """Whether nothing but blanks and comments follows ``line``:``column`` (1-based)."""
    lines = text.split("\n")
    rest = "\n".join([lines[line - 1][column - 1 :], *lines[line:]]) if line <= len(lines) else ""
    return not re.sub(r"#[^\n]*", "", rest).strip()


def _rdflib_position(text: str) -> tuple[int, int] | None:
    """Where rdflib's parser (pyparsing) fails on ``text``: the start of the part it could
    not read, which for an unclosed bracket is where Oxigraph's parser, reading on to the end,
    cannot point."""
    try:
        from pyparsing import ParseException
        from rdflib.plugins.sparql import prepareQuery
    except ImportError:  # pragma: no cover - both are dependencies
        return None
    try:
        with _rdflib_quiet():
            prepareQuery(text)
    except ParseException as err:
        return int(err.lineno), int(err.col)
    except Exception:  # noqa: BLE001 - any other complaint of rdflib's says nothing of position
        return None
    return None


def _expected(listed: str, before: str) -> str:
    """Oxigraph's list of what it expected, short: the tokens and keywords, at most a few,
    without the character classes (``['A' ..= 'Z' | '\\u{00C0}'…``) and ``[_]``."""
    items = _EXPECTED_ITEM.findall(listed)
    if "Prefix not found" in items:
        m = _PREFIXED.search(before)
        name = f"'{m.group(1) or ''}:' " if m else ""
        return f"the prefix {name}is not declared (add a PREFIX line)"
    if "IRI parsing failed" in items:
        return "not a valid IRI"
    kept = [i.strip() for i in items if not i.startswith("[")]
    # a missing closer is the likeliest mistake: list those first
    kept.sort(key=lambda i: _CLOSERS.index(i) if i in _CLOSERS else len(_CLOSERS))
    more = len(kept) > MAX_EXPECTED or len(kept) < len(items)
    if not kept:
        return ""
    shown = ", ".join(kept[:MAX_EXPECTED]) + (", …" if more else "")
    return f"expected {shown}" if len(kept) == 1 and not more else f"expected one of {shown}"


def _first_token(text: str) -> tuple[int, int]:
    """The line and column (1-based) of the first thing in ``text`` not a blank or comment."""
    for n, line in enumerate(text.split("\n"), 1):
        code = line.split("#", 1)[0]
        if code.strip():
            return n, len(code) - len(code.lstrip()) + 1
    return 1, 1


def _syntax_error(err: Exception, source: str, text: str = "") -> QueryError:
    """pyoxigraph's ``error at 3:16: expected …`` as one short line naming line and column.

    Oxigraph's parser reports the furthest point it read: at or after the mistake, and for a
    bracket left open the very end of the query. rdflib's parser reports the start of the part
    it could not read: at or before the mistake. When rdflib's position comes first it leads,
    and Oxigraph's follows in brackets (so a query rdflib misreads, being SPARQL 1.1 only,
    still shows Oxigraph's position; a failure at rdflib's very first token is ignored).
    """
    msg = " ".join(str(err).split())
    m = _OX_ERROR.match(msg)
    if m is None:
        return QueryError(f"{source}: syntax error: {msg[:200]}")
    line, column = int(m.group(1)), int(m.group(2))
    lines = text.split("\n")
    before = lines[line - 1][: column - 1] if 0 < line <= len(lines) else ""
    said = m.group(3)
    if said.startswith("expected "):
        what = _expected(said.removeprefix("expected ").removeprefix("one of "), before)
    else:
        what = said if len(said) <= 120 else said[:119] + "…"
    at_end = bool(text) and _at_end(text, line, column)
    where = _rdflib_position(text) if text and not what.startswith("the prefix") else None
    if where is not None and _first_token(text) < where < (line, column):
        stopped = (
            f"the parser ran on to its end, line {line}, column {column}"
            if at_end
            else f"the parser stopped at line {line}, column {column}"
            + (f": {what}" if what else "")
        )
        return QueryError(
            f"{source}: syntax error at line {where[0]}, column {where[1]}: the query "
            f"cannot be read from here on ({stopped})"
        )
    if at_end:
        what = f"the query ends too early ({what})" if what else "the query ends too early"
    return QueryError(
        f"{source}: syntax error at line {line}, column {column}: {what or 'unexpected text'}"
    )


def named_graphs(store: Any) -> set[str]:
    """The IRIs of the store's named graphs."""
    return {g.value for g in store.named_graphs()}


def _as_query(query: NamedQuery | str) -> NamedQuery:
    return query if isinstance(query, NamedQuery) else query_from_text(query)


def run_query(
    query: NamedQuery | str,
    params: Mapping[str, str] | None = None,
    *,
    out: Path = Path("build"),
    store: Any = None,
    engine: str = "oxigraph",
    dataset: Any = None,
) -> QueryResult:
    """Run a named query (or SPARQL text) over the built graph, the union of its named graphs.

    :param params: parameter values as text, typed by the query's header.
    :param store: an open pyoxigraph store (default: ``open_store(out)``).
    :param engine: ``oxigraph`` (the store) or ``rdflib`` (rdflib's own engine over
        ``dataset``, default: ``out/graph.trig`` parsed; for comparison and benchmarks).
    """
    q = _as_query(query)
    values = bind(q, params)
    if engine == "oxigraph":
        return _run_oxigraph(q, values, out, store)
    if engine == "rdflib":
        return _run_rdflib(q, values, out, dataset)
    raise QueryError(f"unknown engine {engine!r}; use one of: {', '.join(ENGINES)}")


def _run_oxigraph(q: NamedQuery, values: dict[str, Value], out: Path, store: Any) -> QueryResult:
    import pyoxigraph as ox

    if store is None:
        from cskg.graph.store import open_store

        store = open_store(out)
    graphs = named_graphs(store) if re.search("from", q.text, re.IGNORECASE) else set()
    check_query(q.text, graphs, q.source)
    subs = {ox.Variable(k): v.to_oxigraph() for k, v in values.items()}
    try:
        result = store.query(q.text, use_default_graph_as_union=True, substitutions=subs or None)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", result.serialize(format=ox.QueryResultsFormat.JSON))
        if isinstance(result, ox.QueryTriples):
            return QueryResult("graph", result.serialize(format=ox.RdfFormat.N_TRIPLES))
        return QueryResult("select", result.serialize(format=ox.QueryResultsFormat.JSON))
    except SyntaxError as err:
        raise _syntax_error(err, q.source, q.text) from err
    except RuntimeError as err:
        msg = " ".join(str(err).split())
        if "SELECT projection" in msg:
            msg = f"{msg} (a parameter's variable must be selected)"
        raise QueryError(f"{q.source}: {msg}") from err
    except (OSError, ValueError) as err:
        raise QueryError(f"{q.source}: the query failed ({' '.join(str(err).split())})") from err


def load_dataset(out: Path) -> Any:
    """``out/graph.trig`` as an rdflib Dataset whose default graph is the union."""
    from rdflib import Dataset

    path = out / "graph.trig"
    if not path.is_file():
        raise QueryError(f"{path}: no graph; run `cskg build` first")
    ds = Dataset(default_union=True)
    with _rdflib_quiet(), path.open("rb") as fh:  # rdflib leaves a file it opens unclosed
        ds.parse(fh, format="trig")
    return ds


@contextmanager
def _rdflib_quiet() -> Iterator[None]:
    """rdflib 7.6's Dataset calls its own deprecated methods; those warnings are not ours."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib(\.|$)")
        yield


def _run_rdflib(q: NamedQuery, values: dict[str, Value], out: Path, dataset: Any) -> QueryResult:
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    if dataset is None:
        dataset = load_dataset(out)
    with _rdflib_quiet():
        graphs = {str(g.identifier) for g in dataset.graphs()}
    check_query(q.text, graphs, q.source)
    try:
        prepared = prepareQuery(q.text)
    except ParseException as err:
        raise QueryError(
            f"{q.source}: syntax error at line {err.lineno}, column {err.col}: {err.msg}"
        ) from err
    check_rdflib_query(prepared, graphs, q.source)
    bindings = {k: v.to_rdflib() for k, v in values.items()}
    with rdflib_guard(), _rdflib_quiet():
        try:
            res = dataset.query(prepared, initBindings=bindings)
            if res.type == "ASK":
                return QueryResult("ask", res.serialize(format="json"))
            if res.type in ("CONSTRUCT", "DESCRIBE"):
                return QueryResult("graph", res.serialize(format="nt"))
            return QueryResult("select", res.serialize(format="json"))
        except QueryError:
            raise
        except Exception as err:  # rdflib raises bare Exceptions from evaluation
            raise QueryError(f"{q.source}: the query failed ({err})") from err


def catalogue() -> str:
    """``docs/queries.md``: every named query's title, description, parameters and text."""
    qs = list_queries()
    lines = [
        "# Named queries",
        "",
        "<!-- Generated from the headers of queries/*.rq: do not edit by hand. Regenerate with",
        '     .venv/bin/python -c "from cskg.queries import catalogue; '
        "print(catalogue(), end='')\" > docs/queries.md -->",
        "",
        "Run one with `cskg query NAME [--param name=value …] [--format table|csv|tsv|json]`;",
        "`cskg query --list` lists them. Each runs over the union of the graph's named graphs.",
        "Parameters are bound as typed values, never pasted into the text; a parameter's",
        "variable is in the `SELECT` clause (Oxigraph binds only selected variables), and an",
        "`optional` parameter left out matches anything.",
        "",
        "Writing your own: a record that several documents report (an assessment, a finding",
        "quoted twice) is stated in each document's named graph, and Oxigraph's union default",
        "graph returns a triple once per graph that holds it. Use `DISTINCT` or",
        "`COUNT(DISTINCT …)`, and match a record's own triples inside one `GRAPH ?g { … }`, as",
        "these queries do: a join of several duplicated patterns grows as the product of the",
        "duplicates.",
        "",
        "| name | title | parameters |",
        "| --- | --- | --- |",
    ]
    for q in qs:
        params = ", ".join(f"`{p.name}`" for p in q.params) or "—"
        lines.append(f"| [`{q.name}`](#{q.name}) | {q.title} | {params} |")
    for q in qs:
        lines += ["", f"## {q.name}", "", f"**{q.title}.** {q.description}", ""]
        if q.params:
            lines += ["| parameter | type | default | meaning |", "| --- | --- | --- | --- |"]
            for p in q.params:
                default = (
                    f"`{p.default}`"
                    if p.default is not None
                    else ("(optional: any)" if p.optional else "(required)")
                )
                lines.append(f"| `{p.name}` | {p.type} | {default} | {p.meaning} |")
            lines.append("")
        example = f"cskg query {q.name}"
        for p in q.params:
            if p.default is not None:
                example += f" --param {p.name}={p.default}"
                break
        lines += ["```console", f"$ {example}", "```", "", "```sparql", q.body.strip(), "```"]
    return "\n".join(lines) + "\n"
