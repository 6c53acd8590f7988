"""Officers' lookups over the built graph: what keeps coming back, a theme's or an actor's
history, full-text search, and why a statement is where it is.

Each function reads the built Oxigraph store with the SPARQL of ``queries/lookup_*.rq``. User
text goes in as bound values (pyoxigraph ``substitutions=``), never formatted into a query.
Results are frozen dataclasses (``dataclasses.asdict`` gives their JSON form, keys in field
order). A lookup that finds nothing raises :class:`CskgError` with a one-line message.
Nothing here imports rdflib, so a lookup starts fast.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cskg.errors import CskgError, QueryError

if TYPE_CHECKING:
    import pyoxigraph as ox

    from cskg.ontology.themes import ThemeScheme

__all__ = [
    "Example",
    "Explanation",
    "Hit",
    "Post",
    "Quote",
    "Actor",
    "Recurring",
    "Statement",
    "ThemeHistory",
    "ThemeLabel",
    "ThemeMatch",
    "actor",
    "explain",
    "match_spans",
    "match_themes",
    "open_built",
    "recurring",
    "search",
    "search_words",
    "theme",
    "theme_labels",
]

QUERY_DIR = Path(__file__).parent
_CONTEXT = 120  # characters of document text shown either side of an excerpt


# ------------------------------------------------------------------------------ records


@dataclass(frozen=True)
class Example:
    """A weakness finding quoted as the example of one year of a recurrence."""

    year: int
    quote: str
    document: str  # document id
    section: str
    finding: str  # finding id (the hash ending its IRI)
    start: int
    end: int
    page: int | None


@dataclass(frozen=True)
class Recurring:
    """A theme raised as a weakness in several assessment years."""

    theme: str
    theme_id: str
    council: str
    weak_years: tuple[int, ...]
    count: int  # number of weak years (counted from ``since``)
    strong_years: tuple[int, ...]
    latest_state: str  # persisting | improved | new | resolved
    latest_year: int | None  # the latest assessment year the state refers to
    examples: tuple[Example, ...]  # one per weak year


@dataclass(frozen=True)
class Statement:
    """A finding or an action, with the excerpt it is best read in (the earliest document)."""

    id: str  # the hash ending its IRI; `cskg explain` takes it or a unique prefix
    kind: str  # finding | action
    year: int
    polarity: str  # strength | weakness | neutral; "" for an action
    text: str
    assessment: str  # a finding's assessment (label); "" for an action
    responsible: tuple[str, ...]  # an action's responsible agents
    due: str  # an action's due date, as worded
    document: str  # document id
    section: str
    start: int
    end: int
    page: int | None
    quote: str


@dataclass(frozen=True)
class ThemeHistory:
    """A theme, its derived recurrence and the statements about it, year by year."""

    theme: str
    theme_id: str
    weak_years: tuple[int, ...]
    strong_years: tuple[int, ...]
    latest_state: str  # "" when the theme was never raised as a weakness
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Post:
    """A post a person held in a year, as a document says."""

    year: int
    post: str
    organisation: str
    document: str
    section: str
    start: int
    end: int
    page: int | None
    quote: str


@dataclass(frozen=True)
class Actor:
    """A person, post or organisation: posts held, findings involving them, actions they own."""

    actor: str
    type: str  # person | post | organisation | local authority
    iri: str
    matched_by: tuple[str, ...]  # "name" and/or "post: <post>"
    posts: tuple[Post, ...]
    findings: tuple[Statement, ...]
    actions: tuple[Statement, ...]


@dataclass(frozen=True)
class Hit(Statement):
    """A statement that contains every word searched for, and where they are in its text."""

    highlights: tuple[tuple[int, int], ...] = ()  # [start, end) offsets into ``text``


@dataclass(frozen=True)
class ThemeMatch:
    """Why a statement carries a theme: the phrase ``term`` matched ``matched`` at offsets
    ``[start, end)`` of its text (``source`` "text"), of its section heading ("section"), or
    of the sentence before it that its opening "This", "They" or "Both parts" points back to
    ("antecedent"), or of the sentence a clause row lies in ("sentence")."""

    theme: str
    theme_id: str
    term: str
    source: str
    start: int
    end: int
    matched: str


@dataclass(frozen=True)
class Quote:
    """An excerpt a statement is derived from, with its offsets checked against the text."""

    document: str
    title: str
    path: str
    section: str
    start: int
    end: int
    page: int | None
    quote: str
    verified: bool | None  # text[start:end] == quote; None when the text is not at hand
    before: str  # document text just before the quote
    after: str  # and just after


@dataclass(frozen=True)
class Explanation:
    """Everything that puts a finding or an action where it is in the graph."""

    id: str
    iri: str
    kind: str
    text: str
    polarity: str
    year: int
    assessment: str
    assessment_kind: str
    assessment_year: int | None
    why: str
    involves: tuple[str, ...]
    responsible: tuple[str, ...]
    due: str
    themes: tuple[ThemeMatch, ...]
    excerpts: tuple[Quote, ...]


# ------------------------------------------------------------------------------ the store


def open_built(
    out: Path, corpus: Path | None = None, progress: Callable[[str], None] | None = None
) -> ox.Store:
    """The query store of build ``out``, built first when missing or older than its corpus."""
    if not _up_to_date(out, corpus):
        from cskg.graph.pipeline import ensure_built

        ensure_built(corpus, out, progress=progress)
    from cskg.graph.store import open_store

    return open_store(out)


def _up_to_date(out: Path, corpus: Path | None) -> bool:
    """Cheap test that ``out`` holds a build of its corpus as the corpus is now.

    It compares build.json's fingerprint with the size and mtime of every file in the corpus
    folder, without importing the build pipeline; when unsure (another file in the folder, no
    build.json) it answers False and :func:`graph.pipeline.ensure_built` decides.
    """
    try:
        meta = json.loads((out / "build.json").read_text(encoding="utf-8"))
        stored, folder = meta["fingerprint"], Path(meta["corpus_path"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if corpus is not None and str(corpus.resolve()) != str(folder):
        return False
    if not (out / "graph.trig").is_file() or not (out / "store").is_dir():
        return False
    try:
        now = {}
        for p in folder.iterdir():
            if not p.name.startswith(".") and p.is_file():
                st = p.stat()
                now[p.name] = [st.st_size, st.st_mtime_ns]
    except OSError:
        return False
    return now == stored


@functools.cache
def _query_text(name: str) -> str:
    path = QUERY_DIR / f"lookup_{name}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"queries/lookup_{name}.rq: cannot read it ({err.strerror})") from err


class IRI(str):
    """A string to bind as an IRI rather than as a literal."""


def _term(value: object) -> Any:
    import pyoxigraph as ox

    if isinstance(value, IRI):
        return ox.NamedNode(value)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise QueryError(f"cannot bind {value!r} in a lookup query")
    return ox.Literal(value)


# Variables the lookup queries bind to xsd:integer and xsd:boolean values. Converting by name
# rather than by each literal's datatype saves a third of the time a large lookup takes.
_INTEGERS = frozenset(
    (
        "year",
        "start",
        "end",
        "page",
        "count",
        "latestYear",
        "assessmentYear",
        "minYears",
        "since",
        "broad",
    )
)
_BOOLEANS = frozenset(("direct",))


def _converter(name: str) -> Callable[[Any], Any]:
    if name in _INTEGERS:
        return lambda t: None if t is None else int(t.value)
    if name in _BOOLEANS:
        return lambda t: None if t is None else t.value in ("true", "1")
    return lambda t: None if t is None else t.value


def _select(store: ox.Store, name: str, **params: object) -> list[dict[str, Any]]:
    """Rows of ``queries/lookup_<name>.rq`` with ``params`` bound by name."""
    import pyoxigraph as ox

    substitutions = {ox.Variable(k): _term(v) for k, v in params.items()}
    try:
        solutions = store.query(_query_text(name), substitutions=substitutions)
        columns = [(v.value, _converter(v.value)) for v in solutions.variables]
        return [{n: conv(s[n]) for n, conv in columns} for s in solutions]
    except (SyntaxError, OSError, RuntimeError, ValueError) as err:
        raise QueryError(f"queries/lookup_{name}.rq: {err}") from err


def _tail(iri: str | None) -> str:
    """The last path segment of an IRI: a document id, a finding's hash."""
    return iri.rsplit("/", 1)[-1] if iri else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------------------ recurring


def recurring(
    store: ox.Store, min_years: int = 2, since: int | None = None, broad: bool = True
) -> list[Recurring]:
    """Themes raised as weaknesses in at least ``min_years`` distinct assessment years (counting
    years from ``since`` on), from the derived graph, by council, most recurrent first.

    Broad themes (those with narrower ones, e.g. Workforce) gather every finding of their
    narrower themes; ``broad=False`` leaves them out."""
    if min_years < 1:
        raise CskgError(f"--min-years must be 1 or more, not {min_years}")
    rows = _select(store, "recurring", minYears=min_years, since=since or 0, broad=int(broad))
    if not rows:
        after = f" from {since} on" if since else ""
        raise CskgError(
            f"no theme was raised as a weakness in {min_years} or more assessment years{after}"
        )
    quotes = {q["excerpt"]: q for q in _select(store, "recurring_quotes")}
    examples = {
        (r["recurrence"], r["year"]): Example(
            year=r["year"],
            quote=q["quote"],
            document=_tail(r["document"]),
            section=q["section"] or "",
            finding=_tail(r["finding"]),
            start=r["start"],
            end=q["end"],
            page=q["page"],
        )
        for r in _select(store, "recurring_evidence")
        if (q := quotes.get(r["excerpt"])) is not None
    }
    out = []
    for r in rows:
        weak = _year_list(r["weakYears"])
        shown = tuple(y for y in weak if since is None or y >= since)
        out.append(
            Recurring(
                theme=r["label"],
                theme_id=r["themeId"],
                council=r["council"] or "",
                weak_years=shown,
                count=r["count"],
                strong_years=_year_list(r["strongYears"]),
                latest_state=r["state"] or "",
                latest_year=r["latestYear"],
                examples=tuple(
                    examples[(r["recurrence"], y)]
                    for y in shown
                    if (r["recurrence"], y) in examples
                ),
            )
        )
    return out


def _year_list(text: str | None) -> tuple[int, ...]:
    """Years from a GROUP_CONCAT, sorted and distinct."""
    return tuple(sorted({int(y) for y in (text or "").split()}))


def _recurrences(store: ox.Store) -> dict[str, tuple[tuple[int, ...], tuple[int, ...], str]]:
    """Theme id -> (weakness years, strength years, latest state), from the derived graph."""
    weak: dict[str, set[int]] = {}
    strong: dict[str, set[int]] = {}
    state: dict[str, str] = {}
    for r in _select(store, "recurrences"):
        tid = r["themeId"]
        state[tid] = r["state"] or ""
        (weak if r["polarity"] == "weakness" else strong).setdefault(tid, set()).add(r["year"])
    return {
        tid: (tuple(sorted(weak.get(tid, ()))), tuple(sorted(strong.get(tid, ()))), state[tid])
        for tid in state
    }


# ------------------------------------------------------------------------------ statements


_KIND_ORDER = {"finding": 0, "action": 1, "role": 2}


def _best_first(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows by year and kind, then the excerpt's document date, document and offset."""
    return sorted(
        rows,
        key=lambda r: (
            r["year"],
            _KIND_ORDER.get(r["kind"], 9),
            r["docDate"] or "",
            r["document"],
            r["start"],
            r["item"],
        ),
    )


def _statements(rows: Iterable[dict[str, Any]], agent: str = "agent") -> list[Statement]:
    """One statement per item, read in its best excerpt; the agents (column ``agent``) of all
    its rows gathered. Ordered by year, kind, document date, document and offset."""
    first: dict[str, dict[str, Any]] = {}
    agents: dict[str, set[str]] = {}
    for r in _best_first(rows):
        first.setdefault(r["item"], r)
        if r.get(agent):
            agents.setdefault(r["item"], set()).add(r[agent])
    return [_statement(r, tuple(sorted(agents.get(i, ())))) for i, r in first.items()]


def _statement(r: dict[str, Any], responsible: tuple[str, ...] = ()) -> Statement:
    return Statement(**_statement_fields(r, responsible))


def _statement_fields(r: dict[str, Any], responsible: tuple[str, ...]) -> dict[str, Any]:
    return {
        "id": _tail(r["item"]),
        "kind": r["kind"],
        "year": r["year"],
        "polarity": r.get("polarity") or "",
        "text": r.get("text") or r["quote"],
        "assessment": r.get("assessment") or "",
        "responsible": responsible,
        "due": r.get("due") or "",
        "document": _tail(r["document"]),
        "section": r.get("section") or "",
        "start": r["start"],
        "end": r["end"],
        "page": r.get("page"),
        "quote": r["quote"],
    }


# ------------------------------------------------------------------------------ theme


@functools.cache
def _scheme(path: Path | None = None) -> ThemeScheme:
    from cskg.ontology.themes import load_themes

    return load_themes(path)


def _build_scheme(out: Path | None) -> ThemeScheme:
    """The theme scheme the build in ``out`` was made with (``cskg build --themes``), if it
    is still there unchanged; else ontology/themes.yaml."""
    import hashlib

    if out is not None:
        try:
            meta = json.loads((out / "build.json").read_text(encoding="utf-8"))
            path = Path(meta["themes"])
            if hashlib.sha256(path.read_bytes()).hexdigest() == meta["themes_sha256"]:
                return _scheme(path)
        except (OSError, ValueError, KeyError, TypeError, CskgError):
            pass
    return _scheme()


@dataclass(frozen=True)
class ThemeLabel:
    """A theme's id and names, as the graph's SKOS gives them."""

    theme_id: str
    pref_label: str
    alt_labels: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.theme_id, self.pref_label, *self.alt_labels)


_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015"


def _fold(text: str) -> str:
    """Case-, apostrophe-, hyphen- and space-insensitive form of a name."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.sub(f"[{_DASHES}_]+", " ", text).split())


def theme_labels(store: ox.Store) -> list[ThemeLabel]:
    """The themes of the built graph, by preferred label."""
    found: dict[str, ThemeLabel] = {}
    for r in _select(store, "theme_labels"):
        t = found.get(r["themeId"]) or ThemeLabel(r["themeId"], r["prefLabel"], ())
        if r["altLabel"]:
            t = ThemeLabel(t.theme_id, t.pref_label, (*t.alt_labels, r["altLabel"]))
        found[t.theme_id] = t
    return sorted(found.values(), key=lambda t: (t.pref_label.casefold(), t.theme_id))


def match_themes(themes: Sequence[ThemeLabel], text: str) -> list[ThemeLabel]:
    """The themes ``text`` names: an exact id or label, else those with a label containing it,
    else close spellings (the rules of ``ThemeScheme.match_label``, over the graph's SKOS)."""
    import difflib

    query = _fold(text)
    if not query:
        return []
    names = {t.theme_id: [_fold(n) for n in t.names] for t in themes}
    exact = [t for t in themes if query in names[t.theme_id]]
    if exact:
        return exact
    partial = [t for t in themes if any(query in n for n in names[t.theme_id])]
    if partial:
        return partial
    owners: dict[str, list[ThemeLabel]] = {}
    for t in themes:
        for n in names[t.theme_id]:
            owners.setdefault(n, [])
            if t not in owners[n]:
                owners[n].append(t)
    found: list[ThemeLabel] = []
    for n in difflib.get_close_matches(query, sorted(owners), n=10, cutoff=0.6):
        found.extend(t for t in owners[n] if t not in found)
    return found


def theme(store: ox.Store, text: str) -> list[ThemeHistory]:
    """The themes ``text`` names (see :func:`match_themes`), each with its findings (its
    narrower themes' too) and actions, year by year."""
    query = _one_line(text)
    if not query:
        raise CskgError("the theme to look up is empty; give a name such as 'early help'")
    themes = theme_labels(store)
    matches = match_themes(themes, query)
    if not matches:
        names = ", ".join(t.pref_label for t in themes)
        raise CskgError(f"no theme matches {query!r}; themes include: {names}")
    derived = _recurrences(store)
    out = []
    for t in matches:
        weak, strong, state = derived.get(t.theme_id, ((), (), ""))
        out.append(
            ThemeHistory(
                theme=t.pref_label,
                theme_id=t.theme_id,
                weak_years=weak,
                strong_years=strong,
                latest_state=state,
                statements=tuple(_statements(_select(store, "theme", themeId=t.theme_id))),
            )
        )
    return out


# ------------------------------------------------------------------------------ actor

_TYPE_ORDER = ("person", "post", "organisation", "localauthority")
_TYPE_NAMES = {
    "person": "person",
    "post": "post",
    "organisation": "organisation",
    "localauthority": "local authority",
}


def actor(store: ox.Store, text: str) -> list[Actor]:
    """People, organisations and posts whose name contains ``text`` (case-insensitive), and the
    holders of posts whose title contains it: their posts, findings and actions."""
    needle = _one_line(text).lower()
    if not needle:
        raise CskgError("the name to look up is empty; give a name or a post such as 'director'")
    found: dict[str, dict[str, Any]] = {}
    for r in _select(store, "actors", needle=needle):
        a = found.setdefault(r["agent"], {"name": r["name"], "types": [], "matched": []})
        if r["type"] not in a["types"]:
            a["types"].append(r["type"])
        if r["matchedBy"] not in a["matched"]:
            a["matched"].append(r["matchedBy"])
    if not found:
        raise CskgError(f"no person, organisation or post matches {_one_line(text)!r}")
    out = []
    for agent_iri, a in found.items():
        rows = _select(store, "actor", agent=IRI(agent_iri))
        posts: dict[str, Post] = {}
        for r in _best_first(r for r in rows if r["kind"] == "role"):
            if r["item"] not in posts:
                posts[r["item"]] = Post(
                    year=r["year"],
                    post=r["post"],
                    organisation=r["organisation"] or "",
                    document=_tail(r["document"]),
                    section=r["section"] or "",
                    start=r["start"],
                    end=r["end"],
                    page=r["page"],
                    quote=r["quote"],
                )
        kind = min(a["types"], key=lambda t: _TYPE_ORDER.index(t) if t in _TYPE_ORDER else 9)
        out.append(
            Actor(
                actor=a["name"],
                type=_TYPE_NAMES.get(kind, kind),
                iri=agent_iri,
                matched_by=tuple(sorted(a["matched"], key=lambda m: (m != "name", m))),
                posts=tuple(posts.values()),
                findings=tuple(
                    _statements((r for r in rows if r["kind"] == "finding"), "responsible")
                ),
                actions=tuple(
                    _statements((r for r in rows if r["kind"] == "action"), "responsible")
                ),
            )
        )
    return out


# ------------------------------------------------------------------------------ search

_EDGE = "\"'`\u2018\u2019\u201c\u201d.,;:!?()[]{}*"
_APOSTROPHES = "'\u2018\u2019"


def search_words(text: str) -> list[str]:
    """The words of a search, without surrounding quotes and punctuation."""
    return [w for w in (t.strip(_EDGE) for t in text.split()) if w]


@functools.lru_cache(maxsize=256)
def _word_regex(word: str) -> re.Pattern[str]:
    # a word matches at the start of a word of the text ("assess" finds "assessments"), and
    # an apostrophe matches a straight or curly one, or none
    body = "".join(f"[{_APOSTROPHES}]?" if c in _APOSTROPHES else re.escape(c) for c in word)
    return re.compile(f"(?<![^\\W_]){body}", re.IGNORECASE)


def _needle(words: list[str]) -> str:
    """Lower-case text every matching statement contains, for the query to filter on."""
    runs = [run for w in words for run in re.findall(r"[^\W_]+", w)] or words
    return max(runs, key=len).lower()


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return tuple(out)


def match_spans(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...] | None:
    """Where the words are in ``text`` (merged, sorted), or None if one of them is missing.

    A word matches case-insensitively at the start of a word of the text ("assess" finds
    "Assessments", not "reassess"); an apostrophe matches a straight or curly one, or none.
    """
    spans: list[tuple[int, int]] = []
    for word in words:
        found = [m.span() for m in _word_regex(word).finditer(text)]
        if not found:
            return None
        spans.extend(found)
    return _merge(spans)


def search(store: ox.Store, text: str) -> list[Hit]:
    """Findings and actions whose text contains every word of ``text`` (see
    :func:`match_spans`), year by year, with where the words are."""
    words = search_words(text)
    if not words:
        raise CskgError("the search is empty; give one or more words, such as 'early help'")
    hits = []
    for s in _statements(_select(store, "search", needle=_needle(words))):
        spans = match_spans(s.text, words)
        if spans is not None:
            hits.append(Hit(**vars(s), highlights=spans))
    if not hits:
        raise CskgError(f"no finding or action contains {' '.join(words)!r}")
    return hits


# ------------------------------------------------------------------------------ explain

_ID = re.compile(r"(?:(finding|action)/)?([0-9a-f]+)")
_IRI_ID = re.compile(r".*/(finding|action)/([0-9a-f]+)")


def explain(store: ox.Store, ident: str, out: Path | None = None) -> Explanation:
    """A finding or action by IRI, id or unique id prefix: its assessment and year and why,
    the theme phrases that matched, and each excerpt with its offsets checked against the
    document text in build folder ``out``."""
    item = _resolve(store, ident)
    rows = _select(store, "explain", item=IRI(item))
    head = next((r for r in rows if r["part"] == "item"), None)
    if head is None:
        raise CskgError(f"{item}: not a finding or action in the graph")
    quotes = [_quote(r, out) for r in rows if r["part"] == "excerpt"]
    graph_themes = {r["themeId"]: r["themeLabel"] for r in rows if r["part"] == "theme"}
    agents = [(r["agentRole"], r["agentLabel"]) for r in rows if r["part"] == "agent"]
    # the first excerpt's document, for the sentence it points back to, its paragraph and the
    # sentence a clause lies in
    text = _document_text(out, quotes[0].document) if out is not None and quotes else None
    before = context = around = ""
    if text is not None:
        before, context, around = _surroundings(text, quotes[0], head["text"][:1].islower())
    return Explanation(
        id=_tail(item),
        iri=item,
        kind=head["kind"],
        text=head["text"],
        polarity=head["polarity"] or "",
        year=head["year"],
        assessment=head["assessmentLabel"] or "",
        assessment_kind=head["assessmentKind"] or "",
        assessment_year=head["assessmentYear"],
        why=_why(head, quotes),
        involves=tuple(label for role, label in agents if role == "involves"),
        responsible=tuple(label for role, label in agents if role == "responsible"),
        due=head["due"] or "",
        themes=_theme_matches(
            head["text"],
            [q.section for q in quotes],
            graph_themes,
            _build_scheme(out),
            before,
            context,
            around,
        ),
        excerpts=tuple(quotes),
    )


def _resolve(store: ox.Store, ident: str) -> str:
    """The IRI of the finding or action ``ident`` names: an IRI, an id, or a unique prefix."""
    text = ident.strip()
    is_iri = text.startswith(("http://", "https://"))
    m = (_IRI_ID if is_iri else _ID).fullmatch(text if is_iri else text.lower())
    if m is None:
        raise CskgError(
            f"{ident!r} is not a finding or action id: give its IRI, its 16-hex-digit id "
            "or the start of it, as `cskg search` and `cskg theme` show"
        )
    kind, prefix = m.groups()
    rows = [r for r in _select(store, "ids", prefix=prefix) if kind in (None, r["kind"])]
    if is_iri:
        rows = [r for r in rows if r["item"] == text]
    if not rows:
        raise CskgError(f"no finding or action has id {text!r}")
    if len(rows) > 1:
        some = ", ".join(_tail(r["item"]) for r in rows[:5])
        more = ", …" if len(rows) > 5 else ""
        raise CskgError(
            f"id {text!r} is ambiguous: {len(rows)} findings and actions start with it "
            f"({some}{more}); give more digits"
        )
    return rows[0]["item"]


def _quote(r: dict[str, Any], out: Path | None) -> Quote:
    doc = _tail(r["document"])
    verified, before, after = None, "", ""
    text = _document_text(out, doc) if out is not None else None
    if text is not None:
        start, end = r["start"], r["end"]
        verified = text[start:end] == r["quote"]
        before = text[max(0, start - _CONTEXT) : start]
        after = text[end : end + _CONTEXT]
    return Quote(
        document=doc,
        title=r["title"] or "",
        path=r["sourcePath"] or "",
        section=r["section"] or "",
        start=r["start"],
        end=r["end"],
        page=r["page"],
        quote=r["quote"],
        verified=verified,
        before=before,
        after=after,
    )


def _document_text(out: Path, doc_id: str) -> str | None:
    # the build writes every document's text, the one excerpt offsets index, to text/<id>.txt
    try:
        return (out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _why(head: dict[str, Any], quotes: list[Quote]) -> str:
    where = "; ".join(
        f"{q.document} under {q.section!r}" if q.section else q.document for q in quotes
    )
    if head["kind"] == "finding" and head["assessmentLabel"]:
        return (
            f"{head['year']} is the year of the assessment that made this finding, "
            f"{head['assessmentLabel']!r}"
            + (f" ({head['assessmentKind']})" if head["assessmentKind"] else "")
            + f", not the date of a document reporting it; it is quoted in {where}"
        )
    return f"{head['year']} is the year the {head['kind']} was set out, in {where}"


def _surroundings(text: str, quote: Quote, clause: bool) -> tuple[str, str, str]:
    """What the build reads around a statement to tag it (:meth:`QuadBuilder.finding_theme_ids`):
    the sentence an opening "This", "They" or "Both parts" points back to, the sentences of its
    paragraph before it, and, for a clause (``clause``), the sentence it lies in."""
    from cskg.graph.build import paragraph_before, sentence_around
    from cskg.loaders.actions import antecedent
    from cskg.loaders.segment import segment

    span = antecedent(text, quote.start)
    para = next((b.start for b in segment(text) if b.start <= quote.start < b.end), -1)
    return (
        text[span[0] : span[1]] if span else "",
        paragraph_before(text, para, quote.start),
        sentence_around(text, para, quote.start, quote.end) if clause else "",
    )


def _theme_matches(
    text: str,
    sections: list[str],
    graph_themes: dict[str, str],
    scheme: ThemeScheme,
    before: str = "",
    context: str = "",
    around: str = "",
) -> tuple[ThemeMatch, ...]:
    """Why the statement carries each of its themes, as the tagger sees it now: a phrase in
    its text ("text"), its section heading ("section", the group its paragraph names where the
    heading names two), for a statement that points back with "This", "They" or "Both
    parts", the sentence before it ("antecedent"), or, for the clause of a sentence that
    turns, the sentence it lies in ("sentence")."""
    tags = {}
    for section in sections or [""]:
        for tag in scheme.tag(text, section, context):
            tags.setdefault(tag.theme_id, (tag, section))
    for tag in scheme.tag(before) if before else ():
        tags.setdefault(tag.theme_id, (replace(tag, source="antecedent"), before))
    for tag in scheme.tag(around) if around else ():
        tags.setdefault(tag.theme_id, (replace(tag, source="sentence"), around))
    out = []
    for tid, (tag, section) in tags.items():
        if tid not in graph_themes:
            continue  # the scheme changed since the build; the graph is what we explain
        source = text if tag.source == "text" else section
        out.append(
            ThemeMatch(
                theme=graph_themes[tid],
                theme_id=tid,
                term=tag.term,
                source=tag.source,
                start=tag.start,
                end=tag.end,
                matched=source[tag.start : tag.end],
            )
        )
    for tid in sorted(set(graph_themes) - set(tags)):
        out.append(ThemeMatch(graph_themes[tid], tid, "", "", 0, 0, ""))
    return tuple(out)
