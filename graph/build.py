"""Records -> RDF quads: one named graph per document, plus reference, themes and ontology graphs.

A record that several documents support (an assessment, a finding restated) is written, with
the same IRI and the same core triples, into each document's graph together with that
document's excerpt, so every document graph stands on its own and the union is consistent.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import SKOS as _SKOS
from rdflib import XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import PROV as _PROV

from cskg.graph import iri
from cskg.graph.workers import Forked
from cskg.loaders.actions import antecedent
from cskg.loaders.records import (
    Action,
    Agent,
    Assessment,
    Document,
    Excerpt,
    Extraction,
    Figure,
    Finding,
    Judgement,
    RoleAssignment,
)
from cskg.loaders.segment import sentences
from cskg.ontology import CSKG as _CSKG
from cskg.ontology.themes import ThemeScheme

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef]

# statements to tag before half of them are tagged in a forked child, on the other core
PARALLEL_TAGGING = 20_000


class _Terms:
    """A vocabulary whose terms are looked up once: rdflib's DefinedNamespace checks the
    name on every attribute access, and a build makes hundreds of thousands of them."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        value = getattr(self._namespace, name)
        setattr(self, name, value)
        return value


CSKG, RDF, RDFS, SKOS, DCTERMS, PROV = (
    _Terms(ns) for ns in (_CSKG, _RDF, _RDFS, _SKOS, _DCTERMS, _PROV)
)

QB = Namespace("http://purl.org/linked-data/cube#")
ORG = Namespace("http://www.w3.org/ns/org#")
REFERENCE = iri.named_graph("reference")
THEMES = iri.named_graph("themes")
ONTOLOGY = iri.named_graph("ontology")
DERIVED = iri.named_graph("derived")
# the RDF Data Cube data set every figure is an observation of; ontology/cskg.ttl declares it
# and its structure (dimensions year, source document and measure; measure value; attribute unit)
FIGURES_DATASET = iri.iri("dataset", "figures")
GRADES = (
    "Outstanding",
    "Good",
    "Requires improvement to be good",
    "Adequate",
    "Inadequate",
)
POLARITY = {"Strength": CSKG.Strength, "Weakness": CSKG.Weakness, "Neutral": CSKG.Neutral}


@lru_cache(maxsize=65536)
def _int(value: int) -> Literal:
    # offsets, years and counts repeat across a build; a Literal is costly to make
    return Literal(value, datatype=XSD.integer)


def _date(value: str) -> Literal:
    kind = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.string)
    return Literal(value, datatype=kind)


def _decimal(value: float) -> Literal:
    # a lexical form, not a float: rdflib keeps a float's Python value, which SHACL then
    # sees as ill-typed for xsd:decimal
    text = format(Decimal(repr(value)).normalize(), "f")
    return Literal(text, datatype=XSD.decimal)


def _str(value: str) -> Literal:
    return Literal(value)


def quads_digest(quads: Iterable[Quad], salt: bytes = b"") -> str:
    """A digest of a sequence of quads: the same quads in the same order, the same digest."""
    h = hashlib.sha256(salt)
    for s, p, o, _ in quads:
        h.update(f"{s}\x1f{p}\x1f{o!r}\x1e".encode())
    return h.hexdigest()[:32]


def graph_digest(inputs: str, tool: str) -> str:
    """The digest of a document graph's quads, known without reading them: the digest of the
    records that make the graph (:meth:`QuadBuilder.graph_inputs`) under the code that turns
    them into quads (``tool``, a hash of cskg's code and data). Equal records and code, equal
    quads; so it stands for :func:`quads_digest` of the graph, at a fraction of the cost."""
    return hashlib.sha256(f"graph\x1f{tool}\x1f{inputs}".encode()).hexdigest()[:32]


def finding_iri(f: Finding) -> URIRef:
    return _statement_iri("finding", f.assessment, f.text)


def action_iri(a: Action) -> URIRef:
    return _statement_iri("action", a.responsible, a.text)


@lru_cache(maxsize=1 << 18)  # the graph, the derived facts and the page each ask for them
def _statement_iri(kind: str, key: str, text: str) -> URIRef:
    return iri.iri(kind, iri.digest(key, " ".join(text.lower().split())))


def judgement_iri(j: Judgement) -> URIRef:
    return iri.iri("judgement", iri.slug(j.assessment), iri.slug(j.domain))


def role_assignment_iri(r: RoleAssignment) -> URIRef:
    org = iri.slug(r.organisation) if r.organisation else "none"
    return iri.iri("role-assignment", iri.slug(r.agent), iri.slug(r.role), org, str(r.year))


def figure_iri(f: Figure) -> URIRef:
    e = f.excerpt
    return iri.iri("figure", iri.digest(e.doc_id, e.start, e.end, f.measure, f.value))


# how far back a statement's paragraph is read for the group it is about (a PDF paragraph may
# run on for pages where the text has no paragraph breaks)
_PARAGRAPH_CONTEXT = 1500
_BOTH = re.compile(r"[\W_]*both\b", re.IGNORECASE)
# how far around a clause its sentence is sought
_SENTENCE_REACH = 600


def paragraph_before(text: str, para: int, start: int) -> str:
    """The sentences of a statement's paragraph (starting at ``para``) before the statement
    (at ``start``), at most the last 1,500 characters; "" when the paragraph is not known. It
    may choose the group a heading naming two gives the statement (:meth:`ThemeScheme.tag`)."""
    if para < 0 or para >= start:
        return ""
    return text[max(para, start - _PARAGRAPH_CONTEXT) : start]


def sentence_around(text: str, para: int, start: int, end: int) -> str:
    """The sentence that the clause ``text[start:end]`` lies inside, within its paragraph
    (starting at ``para``); "" for a statement that opens its paragraph or its sentence (a
    bullet, a sentence of its own)."""
    if not 0 <= para < start:
        return ""
    lo = max(para, start - _SENTENCE_REACH)
    hi = min(len(text), end + _SENTENCE_REACH)
    around = next(((a, b) for a, b in sentences(text, lo, hi) if a <= start < b), None)
    if around is None or around[0] == start or around[1] < end:
        return ""
    return text[around[0] : around[1]]


def excerpt_iri(e: Excerpt) -> URIRef:
    return iri.excerpt(e.doc_id, e.start, e.end)


@dataclass(frozen=True)
class Tagged:
    """The theme ids tagged on each finding and action, keyed by IRI."""

    themes: dict[URIRef, tuple[str, ...]]


class QuadBuilder:
    """Turns an :class:`Extraction` into quads, deterministically."""

    def __init__(self, extraction: Extraction, scheme: ThemeScheme) -> None:
        self.x = extraction
        self.scheme = scheme
        self.agents = {a.key: a for a in extraction.agents}
        self.assessments = {a.key: a for a in extraction.assessments}
        self.texts = {d.id: d.text for d in extraction.documents}
        self.tags: dict[URIRef, tuple[str, ...]] = {}
        # the same, by the named graph the finding or action is written into
        self.graph_tags: dict[URIRef, dict[URIRef, tuple[str, ...]]] = {}
        # themes tagged ahead (:meth:`tag`), by the finding or action object
        self._tagged: dict[int, tuple[str, ...]] = {}

    # --- helpers -------------------------------------------------------------------------
    def agent_iri(self, key: str) -> URIRef:
        agent = self.agents.get(key)
        return iri.agent(key, agent.kind if agent else "Organisation")

    def theme_ids(self, text: str, section: str, context: str = "") -> tuple[str, ...]:
        return tuple(sorted({t.theme_id for t in self.scheme.tag(text, section, context)}))

    def _paragraph_before(self, e: Excerpt) -> str:
        text = self.texts.get(e.doc_id)
        return paragraph_before(text, e.para, e.start) if text is not None else ""

    def excerpt_quads(self, e: Excerpt, g: URIRef) -> Iterator[Quad]:
        x = excerpt_iri(e)
        yield x, RDF.type, CSKG.Excerpt, g
        yield x, CSKG.quote, _str(e.quote), g
        yield x, CSKG.inDocument, iri.document(e.doc_id), g
        yield x, CSKG.start, _int(e.start), g
        yield x, CSKG.end, _int(e.end), g
        yield x, CSKG.section, _str(e.section), g
        if e.page is not None:
            yield x, CSKG.page, _int(e.page), g

    # --- per record ----------------------------------------------------------------------
    def document(self, d: Document) -> Iterator[Quad]:
        s, g = iri.document(d.id), iri.named_graph(d.id)
        yield s, RDF.type, CSKG.Document, g
        yield s, DCTERMS.title, _str(d.title), g
        if d.date:
            yield s, DCTERMS.date, _date(d.date), g
        yield s, CSKG.sourcePath, _str(d.path), g
        yield s, CSKG.sha256, _str(d.sha256), g
        yield s, CSKG.documentType, _str(d.doc_type), g
        yield s, CSKG.mediaType, _str(d.media_type), g
        if d.publisher:
            yield s, DCTERMS.publisher, _str(d.publisher), g
        if d.media_type != "text/plain" or hashlib.sha256(d.text.encode()).hexdigest() != d.sha256:
            # offsets index the extracted text (PDF, HTML; or a text file read without its
            # byte order mark), which the build writes to text/<id>.txt
            yield s, CSKG.textPath, _str(f"text/{d.id}.txt"), g
        if d.council:
            yield s, CSKG.localAuthority, iri.local_authority(d.council), g

    def assessment(self, a: Assessment, g: URIRef, doc_id: str) -> Iterator[Quad]:
        s = iri.assessment(a.key)
        yield s, RDF.type, CSKG.Assessment, g
        yield s, RDFS.label, _str(a.label), g
        yield s, CSKG.kind, _str(a.kind), g
        yield s, CSKG.year, _int(a.year), g
        yield s, CSKG.conductedBy, self.agent_iri(a.conducted_by), g
        yield s, CSKG.reportedIn, iri.document(doc_id), g
        yield s, CSKG.localAuthority, iri.local_authority(a.local_authority), g
        if a.start_date:
            yield s, CSKG.startDate, _date(a.start_date), g
        if a.end_date:
            yield s, CSKG.endDate, _date(a.end_date), g

    def judgement(self, j: Judgement) -> Iterator[Quad]:
        g, s = iri.named_graph(j.excerpt.doc_id), judgement_iri(j)
        yield s, RDF.type, CSKG.Judgement, g
        yield s, CSKG.ofAssessment, iri.assessment(j.assessment), g
        yield s, CSKG.domain, iri.judgement_area(j.domain), g
        yield s, CSKG.grade, iri.grade(j.grade), g
        yield s, PROV.wasDerivedFrom, excerpt_iri(j.excerpt), g
        yield from self.excerpt_quads(j.excerpt, g)

    def tag(self, only: Set[str] | None = None) -> dict[URIRef, tuple[str, ...]]:
        """Tag with themes, ahead of their quads, every finding and action whose quads
        :meth:`document_quads` (with the same ``only``) makes; returns :attr:`tags`.

        The quads then take the themes found here, so the page, which needs only the tags,
        can be started before the quads are made. Many statements are tagged half in a forked
        child (tagging is pure: the same themes either way).
        """
        todo: list[Finding | Action] = [
            f for f in self.x.findings if only is None or any(e.doc_id in only for e in f.excerpts)
        ]
        todo += [a for a in self.x.actions if only is None or a.excerpt.doc_id in only]
        for record, themes in zip(todo, self._theme_ids_of(todo), strict=True):
            self._tagged[id(record)] = themes
            s = finding_iri(record) if isinstance(record, Finding) else action_iri(record)
            self.tags[s] = themes
        return self.tags

    def _theme_ids_of(self, records: list[Finding | Action]) -> list[tuple[str, ...]]:
        if len(records) < PARALLEL_TAGGING or (os.cpu_count() or 1) < 2:
            return self._theme_ids_in_order(records)
        half = len(records) // 2
        child = Forked(self._theme_ids_in_order, records[half:])
        try:
            first = self._theme_ids_in_order(records[:half])
        except BaseException:
            child.cancel()
            raise
        return first + child.result()

    def _theme_ids_in_order(self, records: list[Finding | Action]) -> list[tuple[str, ...]]:
        return [
            self.finding_theme_ids(r) if isinstance(r, Finding) else self.action_theme_ids(r)
            for r in records
        ]

    def finding(self, f: Finding, only: Set[str] | None = None) -> Iterator[Quad]:
        s = finding_iri(f)
        themes = self._tagged.get(id(f))
        if themes is None:
            themes = self.finding_theme_ids(f)
        self.tags[s] = themes
        for e in f.excerpts:
            if only is not None and e.doc_id not in only:
                continue
            g = iri.named_graph(e.doc_id)
            self.graph_tags.setdefault(g, {})[s] = themes
            yield s, RDF.type, CSKG.Finding, g
            yield s, CSKG.text, _str(f.text), g
            yield s, CSKG.fromAssessment, iri.assessment(f.assessment), g
            yield s, CSKG.year, _int(f.year), g
            yield s, CSKG.polarity, POLARITY[f.polarity], g
            for t in themes:
                yield s, CSKG.theme, iri.theme(t), g
            for key in f.involves:
                yield s, CSKG.involves, self.agent_iri(key), g
            yield s, PROV.wasDerivedFrom, excerpt_iri(e), g
            yield from self.excerpt_quads(e, g)

    def finding_theme_ids(self, f: Finding) -> tuple[str, ...]:
        """A finding's themes: those of its words and section; for a finding that names
        nothing in its own words ("They are positive about working for Medway."), those of the
        sentence its opening pronoun points back to as well."""
        return self._statement_theme_ids(f.text, f.excerpts[0])

    def action_theme_ids(self, a: Action) -> tuple[str, ...]:
        """An action's themes, as a finding's (:meth:`finding_theme_ids`)."""
        return self._statement_theme_ids(a.text, a.excerpt)

    def _statement_theme_ids(self, statement: str, e: Excerpt) -> tuple[str, ...]:
        tags = self.scheme.tag(statement, e.section, self._paragraph_before(e))
        themes = tuple(sorted({t.theme_id for t in tags}))
        named = any(t.source == "text" for t in tags)
        if not named and statement[:1].islower():
            # the clause of a sentence that turns ("Supervision is mostly regular, although
            # some actions lack timescales"), naming nothing itself, is about what its sentence
            # names
            sentence = self._sentence_around(e)
            if sentence:
                return tuple(sorted({*themes, *self.theme_ids(sentence, "")}))
        return self._or_antecedent(themes, e, named)

    def _sentence_around(self, e: Excerpt) -> str:
        text = self.texts.get(e.doc_id)
        return sentence_around(text, e.para, e.start, e.end) if text is not None else ""

    def _or_antecedent(self, themes: tuple[str, ...], e: Excerpt, named: bool) -> tuple[str, ...]:
        # "Both parts of the service use different case management systems": a statement that
        # names both of what the sentence before it names is about those too, whatever else it
        # names; one that opens "This"/"They" takes the sentence's themes where its own words
        # name none (its heading's themes, if any, are kept beside them: "They address support
        # needs, balanced with any areas of concern" under "children in care" is about the
        # plans the sentence before names, too)
        text = self.texts.get(e.doc_id)
        if text is None or (named and not _BOTH.match(text, e.start)):
            return themes
        span = antecedent(text, e.start)
        if span is None:
            return themes
        return tuple(sorted({*themes, *self.theme_ids(text[span[0] : span[1]], "")}))

    def action(self, a: Action) -> Iterator[Quad]:
        s, g = action_iri(a), iri.named_graph(a.excerpt.doc_id)
        themes = self._tagged.get(id(a))
        if themes is None:
            themes = self.action_theme_ids(a)
        self.tags[s] = themes
        self.graph_tags.setdefault(g, {})[s] = themes
        yield s, RDF.type, CSKG.Action, g
        yield s, CSKG.text, _str(a.text), g
        yield s, CSKG.responsible, self.agent_iri(a.responsible), g
        for other in a.jointly:  # named with it as the subject: "The council and the trust …"
            yield s, CSKG.responsible, self.agent_iri(other), g
        yield s, CSKG.year, _int(a.year), g
        if a.due:
            yield s, CSKG.due, _str(a.due), g
        for t in themes:
            yield s, CSKG.addresses, iri.theme(t), g
        yield s, PROV.wasDerivedFrom, excerpt_iri(a.excerpt), g
        yield from self.excerpt_quads(a.excerpt, g)

    def role_assignment(self, r: RoleAssignment) -> Iterator[Quad]:
        s, g = role_assignment_iri(r), iri.named_graph(r.excerpt.doc_id)
        yield s, RDF.type, CSKG.RoleAssignment, g
        yield s, CSKG.agent, self.agent_iri(r.agent), g
        yield s, CSKG.role, iri.role(r.role), g
        if r.organisation:
            yield s, CSKG.organisation, self.agent_iri(r.organisation), g
        yield s, CSKG.year, _int(r.year), g
        yield s, PROV.wasDerivedFrom, excerpt_iri(r.excerpt), g
        yield from self.excerpt_quads(r.excerpt, g)

    def figure(self, f: Figure) -> Iterator[Quad]:
        s, g = figure_iri(f), iri.named_graph(f.excerpt.doc_id)
        yield s, RDF.type, CSKG.Figure, g
        yield s, QB.dataSet, FIGURES_DATASET, g
        yield s, DCTERMS.source, iri.document(f.excerpt.doc_id), g
        yield s, CSKG.value, _decimal(f.value), g
        yield s, CSKG.unit, _str(f.unit), g
        yield s, CSKG.measure, _str(f.measure), g
        yield s, CSKG.year, _int(f.year), g
        yield s, PROV.wasDerivedFrom, excerpt_iri(f.excerpt), g
        yield from self.excerpt_quads(f.excerpt, g)

    def agent(self, a: Agent) -> Iterator[Quad]:
        s, g = self.agent_iri(a.key), REFERENCE
        kind = {"Person": CSKG.Person, "Post": CSKG.Post}.get(a.kind, CSKG.Organisation)
        yield s, RDF.type, kind, g
        yield s, RDFS.label, _str(a.label), g
        if a.kind == "Post":
            yield s, ORG.postIn, self.agent_iri(a.organisation), g
            yield s, ORG.role, iri.role(a.role), g

    # --- whole graphs --------------------------------------------------------------------
    def document_quads(self, only: Set[str] | None = None) -> Iterator[Quad]:
        """The quads of every document's graph, or (``only``) of those documents' graphs.

        A finding restated in several documents is tagged, and its quads made, once for the
        graphs wanted; the quads of a graph come in the same order either way.
        """

        def wanted(doc_id: str) -> bool:
            return only is None or doc_id in only

        for d in self.x.documents:
            if wanted(d.id):
                yield from self.document(d)
        for a in self.x.assessments:
            for doc_id in a.reported_in:
                if wanted(doc_id):
                    yield from self.assessment(a, iri.named_graph(doc_id), doc_id)
        for j in self.x.judgements:
            if wanted(j.excerpt.doc_id):
                yield from self.judgement(j)
        for f in self.x.findings:
            if only is None:
                yield from self.finding(f)
            elif any(e.doc_id in only for e in f.excerpts):
                yield from self.finding(f, only)
        for act in self.x.actions:
            if wanted(act.excerpt.doc_id):
                yield from self.action(act)
        for r in self.x.roles:
            if wanted(r.excerpt.doc_id):
                yield from self.role_assignment(r)
        for fig in self.x.figures:
            if wanted(fig.excerpt.doc_id):
                yield from self.figure(fig)

    def graph_inputs(self, salt: bytes = b"") -> dict[str, str]:
        """For each document, a digest of every record whose quads go into its named graph
        (with the kinds of the agents they name): equal digests, equal graphs, so a later
        build can copy the graph instead of making it again. ``salt`` stands for what else
        the quads depend on (the theme scheme)."""
        parts: dict[str, list[str]] = {d.id: [repr(d)] for d in self.x.documents}
        agents: dict[str, set[str]] = {d.id: set() for d in self.x.documents}

        def add(doc_id: str, record: object, *keys: str | None) -> None:
            parts.setdefault(doc_id, []).append(repr(record))
            agents.setdefault(doc_id, set()).update(k for k in keys if k)

        for a in self.x.assessments:
            for doc_id in a.reported_in:
                add(doc_id, a, a.conducted_by)
        for j in self.x.judgements:
            add(j.excerpt.doc_id, j)
        for f in self.x.findings:
            for doc_id in dict.fromkeys(e.doc_id for e in f.excerpts):
                add(doc_id, f, *f.involves)
        for act in self.x.actions:
            add(act.excerpt.doc_id, act, act.responsible, *act.jointly)
        for r in self.x.roles:
            add(r.excerpt.doc_id, r, r.agent, r.organisation)
        for fig in self.x.figures:
            add(fig.excerpt.doc_id, fig)
        out = {}
        for doc_id, records in parts.items():
            h = hashlib.sha256(salt)
            for record in records:
                h.update(record.encode())
                h.update(b"\x1e")
            kinds = sorted((k, self.agent_iri(k)) for k in agents[doc_id])
            h.update(repr(kinds).encode())
            out[doc_id] = h.hexdigest()[:32]
        return out

    def reference_quads(self) -> Iterator[Quad]:
        g = REFERENCE
        for a in self.x.agents:
            yield from self.agent(a)
        councils = {a.local_authority for a in self.x.assessments} | {
            d.council for d in self.x.documents if d.council
        }
        yield from local_authority_quads(sorted(councils), g)
        scheme_grades = iri.iri("scheme", "grades")
        scheme_areas = iri.iri("scheme", "judgement-areas")
        scheme_roles = iri.iri("scheme", "roles")
        yield scheme_grades, RDF.type, SKOS.ConceptScheme, g
        yield scheme_grades, SKOS.prefLabel, _str("Ofsted grades"), g
        yield scheme_areas, RDF.type, SKOS.ConceptScheme, g
        yield scheme_areas, SKOS.prefLabel, _str("Ofsted judgement areas"), g
        yield scheme_roles, RDF.type, SKOS.ConceptScheme, g
        yield scheme_roles, SKOS.prefLabel, _str("Posts and roles"), g
        for i, label in enumerate(GRADES, start=1):
            s = iri.grade(label)
            yield s, RDF.type, SKOS.Concept, g
            yield s, SKOS.prefLabel, _str(label), g
            yield s, SKOS.inScheme, scheme_grades, g
            yield s, SKOS.notation, _int(i), g
        for label in sorted({j.domain for j in self.x.judgements}):
            s = iri.judgement_area(label)
            yield s, RDF.type, SKOS.Concept, g
            yield s, SKOS.prefLabel, _str(label), g
            yield s, SKOS.inScheme, scheme_areas, g
        posts = {a.role for a in self.x.agents if a.kind == "Post"}
        for label in sorted({r.role for r in self.x.roles} | posts):
            s = iri.role(label)
            yield s, RDF.type, SKOS.Concept, g
            yield s, RDF.type, URIRef("http://www.w3.org/ns/org#Role"), g
            yield s, RDFS.label, _str(label), g
            yield s, SKOS.prefLabel, _str(label), g
            yield s, SKOS.inScheme, scheme_roles, g

    def theme_quads(self) -> Iterator[Quad]:
        g = THEMES
        yield CSKG.Themes, RDF.type, SKOS.ConceptScheme, g
        yield CSKG.Themes, SKOS.prefLabel, _str("Themes"), g
        for t in self.scheme.themes:
            s = iri.theme(t.id)
            yield s, RDF.type, SKOS.Concept, g
            yield s, SKOS.inScheme, CSKG.Themes, g
            yield s, SKOS.prefLabel, _str(t.pref_label), g
            yield s, SKOS.notation, _str(t.id), g
            for alt in t.alt_labels:
                yield s, SKOS.altLabel, _str(alt), g
            if t.definition:
                yield s, SKOS.definition, _str(t.definition), g
            if t.broader:
                yield s, SKOS.broader, iri.theme(t.broader), g
                yield iri.theme(t.broader), SKOS.narrower, s, g
            else:
                yield s, SKOS.topConceptOf, CSKG.Themes, g
                yield CSKG.Themes, SKOS.hasTopConcept, s, g
            if t.close_match:
                yield s, SKOS.closeMatch, iri.judgement_area(t.close_match), g


def local_authority_quads(names: Iterable[str], g: URIRef) -> Iterator[Quad]:
    """Each council, with its GSS code, Ofsted URN, region and statistical neighbours.

    The identifiers come from the gazetteer (loaders/local_authorities.yaml); a neighbour is
    declared a LocalAuthority too (label and identifiers), but only the councils named here
    get neighbour links, so a corpus brings in its councils' neighbours, not the country.
    """
    from cskg.loaders.gazetteer import load_local_authorities

    known = load_local_authorities()
    by_name = {n.casefold(): la for la in known for n in la.names}
    by_gss = {la.gss: la for la in known if la.gss}
    declared: dict[str, object] = {}
    links: list[tuple[str, str]] = []
    for name in names:
        la = by_name.get(name.casefold())
        declared[name] = la
        for code in la.neighbours if la is not None else ():
            other = by_gss.get(code)
            if other is not None:
                declared.setdefault(other.name, other)
                links.append((name, other.name))
    for name in sorted(declared):
        s, la = iri.local_authority(name), declared[name]
        yield s, RDF.type, CSKG.LocalAuthority, g
        yield s, RDFS.label, _str(name), g
        for prop, value in (
            (CSKG.gssCode, getattr(la, "gss", None)),
            (CSKG.ofstedURN, getattr(la, "urn", None)),
            (CSKG.region, getattr(la, "region", None)),
        ):
            if value:
                yield s, prop, _str(value), g
    for name, other in links:
        yield iri.local_authority(name), CSKG.statisticalNeighbour, iri.local_authority(other), g


def ontology_quads(triples: Iterable[tuple]) -> Iterator[Quad]:
    """The ontology's own triples, placed in its named graph."""
    for s, p, o in triples:
        yield s, p, o, ONTOLOGY
