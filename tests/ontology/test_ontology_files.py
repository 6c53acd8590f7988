"""The ontology (cskg.ttl), the SHACL shapes (shapes.ttl) and the Python vocabulary agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SH

from cskg.ontology import CSKG, ID, ONTOLOGY_DIR, ontology_path, shapes_path

NS = "https://w3id.org/childrens-services-kg/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/childrens-services-kg/ontology")
SCHEMA_MD = Path(__file__).parents[2] / "docs" / "schema.md"

# The public schema contract (DESIGN.md), spelt out here rather than read from the files,
# so that dropping a term from cskg.ttl fails a test.
CLASSES = [
    "Document", "Assessment", "LocalAuthority", "Judgement", "Finding", "Excerpt", "Person",
    "Organisation", "RoleAssignment", "Action", "Figure", "Recurrence", "Polarity",
    "RecurrenceState",
]  # fmt: skip
INDIVIDUALS = {
    "Strength": "Polarity",
    "Weakness": "Polarity",
    "Neutral": "Polarity",
    "Persisting": "RecurrenceState",
    "Improved": "RecurrenceState",
    "New": "RecurrenceState",
    "Resolved": "RecurrenceState",
}
PROPERTIES = [
    "sourcePath", "sha256", "textPath", "mediaType", "documentType", "year", "conductedBy",
    "reportedIn", "localAuthority", "startDate", "endDate", "kind", "ofAssessment", "domain",
    "grade", "text", "fromAssessment", "polarity", "theme", "involves", "quote", "inDocument",
    "start", "end", "section", "page", "agent", "role", "organisation", "responsible",
    "addresses", "due", "value", "unit", "measure", "gssCode", "ofstedURN", "region",
    "statisticalNeighbour", "ofTheme", "weakYear", "strongYear", "firstYear", "lastYear",
    "weakYearCount", "latestState", "latestYear", "evidence",
]  # fmt: skip
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
QB = Namespace("http://purl.org/linked-data/cube#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def declared_terms(graph: Graph) -> set[str]:
    return {
        str(s)[len(NS) :]
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def test_paths_point_into_the_package():
    assert ontology_path() == ONTOLOGY_DIR / "cskg.ttl"
    assert shapes_path().is_file()
    assert ID == "https://w3id.org/childrens-services-kg/id/"


def test_ontology_header(ontology: Graph):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    version_iri = URIRef("https://w3id.org/childrens-services-kg/ontology/0.1.0")
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == version_iri
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/title"))
    assert ontology.value(ONTOLOGY_IRI, URIRef("http://purl.org/dc/terms/description"))


def test_ontology_has_no_blank_nodes(ontology: Graph):
    blank = [t for triple in ontology for t in triple if isinstance(t, BNode)]
    assert blank == []


@pytest.mark.parametrize("name", CLASSES + list(INDIVIDUALS) + PROPERTIES + ["Themes"])
def test_term_has_label_and_comment(ontology: Graph, name: str):
    term = URIRef(NS + name)
    assert ontology.value(term, RDFS.label), f"cskg:{name} has no rdfs:label"
    assert ontology.value(term, RDFS.comment), f"cskg:{name} has no rdfs:comment"
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


@pytest.mark.parametrize("name", CLASSES)
def test_classes_are_owl_classes(ontology: Graph, name: str):
    assert (URIRef(NS + name), RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", PROPERTIES)
def test_property_is_typed_and_has_a_range(ontology: Graph, name: str):
    term = URIRef(NS + name)
    types = set(ontology.objects(term, RDF.type))
    assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"cskg:{name} is not typed"
    assert ontology.value(term, RDFS.range) is not None, f"cskg:{name} has no rdfs:range"
    # A property used on several classes leaves rdfs:domain off and says so in its comment.
    if ontology.value(term, RDFS.domain) is None:
        assert "no rdfs:domain" in str(ontology.value(term, RDFS.comment))


@pytest.mark.parametrize(
    ("name", "range_"),
    [
        ("year", XSD.integer),
        ("start", XSD.integer),
        ("end", XSD.integer),
        ("page", XSD.integer),
        ("quote", XSD.string),
        ("text", XSD.string),
        ("sha256", XSD.string),
        ("reportedIn", CSKG.Document),
        ("polarity", CSKG.Polarity),
        ("latestState", CSKG.RecurrenceState),
        ("evidence", CSKG.Finding),
    ],
)
def test_ranges(ontology: Graph, name: str, range_: URIRef):
    assert ontology.value(URIRef(NS + name), RDFS.range) == range_


@pytest.mark.parametrize(("name", "cls"), INDIVIDUALS.items())
def test_individuals(ontology: Graph, name: str, cls: str):
    assert (URIRef(NS + name), RDF.type, URIRef(NS + cls)) in ontology


def test_theme_scheme(ontology: Graph):
    assert (CSKG.Themes, RDF.type, SKOS.ConceptScheme) in ontology
    assert ontology.value(CSKG.Themes, SKOS.prefLabel) == Literal("Themes")


@pytest.mark.parametrize(
    ("triple"),
    [
        (CSKG.Document, RDFS.subClassOf, PROV.Entity),
        (CSKG.Document, RDFS.subClassOf, FOAF.Document),
        (CSKG.Assessment, RDFS.subClassOf, PROV.Activity),
        (CSKG.LocalAuthority, RDFS.subClassOf, ORG.Organization),
        (CSKG.Organisation, RDFS.subClassOf, ORG.Organization),
        (CSKG.Organisation, RDFS.subClassOf, PROV.Organization),
        (CSKG.Person, RDFS.subClassOf, PROV.Person),
        (CSKG.Person, RDFS.subClassOf, FOAF.Person),
        (CSKG.RoleAssignment, RDFS.subClassOf, ORG.Membership),
        (CSKG.Excerpt, RDFS.subClassOf, OA.TextQuoteSelector),
        (CSKG.Excerpt, RDFS.subClassOf, OA.TextPositionSelector),
        (CSKG.Finding, RDFS.subClassOf, PROV.Entity),
        (CSKG.Judgement, RDFS.subClassOf, PROV.Entity),
        (CSKG.Action, RDFS.subClassOf, PROV.Entity),
        (CSKG.Figure, RDFS.subClassOf, QB.Observation),
        (CSKG.agent, RDFS.subPropertyOf, ORG.member),
        (CSKG.role, RDFS.subPropertyOf, ORG.role),
        (CSKG.organisation, RDFS.subPropertyOf, ORG.organization),
        (CSKG.quote, RDFS.subPropertyOf, OA.exact),
        (CSKG.start, RDFS.subPropertyOf, OA.start),
        (CSKG.end, RDFS.subPropertyOf, OA.end),
        (CSKG.fromAssessment, RDFS.subPropertyOf, PROV.wasGeneratedBy),
        (CSKG.conductedBy, RDFS.subPropertyOf, PROV.wasAssociatedWith),
    ],
)
def test_alignment_with_standard_vocabularies(ontology: Graph, triple):
    assert triple in ontology


def test_python_vocabulary_matches_the_ontology(ontology: Graph):
    in_python = {name for name in CSKG.__annotations__ if not name.startswith("_")}
    assert in_python == declared_terms(ontology)
    with pytest.raises(AttributeError):
        CSKG.Findng  # noqa: B018 - a misspelt term must raise, not mint an IRI


def test_every_class_has_a_node_shape_with_messages(ontology: Graph, shapes: Graph):
    targeted = set(shapes.objects(None, SH.targetClass))
    assert {URIRef(NS + c) for c in CLASSES} | {CSKG.ThemeTag} <= targeted
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, RDFS.comment), f"{shape} has no rdfs:comment"
    for prop in shapes.subjects(RDF.type, SH.PropertyShape):
        assert shapes.value(prop, SH.message), f"{prop} has no sh:message"
        assert isinstance(prop, URIRef), "property shapes are named"


# A tiny graph with one node of every class, meeting every shape.
CONFORMING = """
@prefix cskg: <https://w3id.org/childrens-services-kg/ontology#> .
@base <https://w3id.org/childrens-services-kg/id/> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

<document/ofsted-ilacs-2023-report> a cskg:Document ;
    dct:title "Medway: Inspection of children's social care services" ;
    dct:date "2023-09-01"^^xsd:date ;
    cskg:sourcePath "corpus/ofsted-2023.pdf" ;
    cskg:textPath "text/ofsted-ilacs-2023-report.txt" ;
    cskg:mediaType "application/pdf" ;
    cskg:documentType "inspection report" ;
    cskg:localAuthority <local-authority/medway> ;
    cskg:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" .

<local-authority/medway> a cskg:LocalAuthority ; rdfs:label "Medway" ;
    cskg:gssCode "E06000035" ; cskg:region "South East" .

<organisation/ofsted> a cskg:Organisation ; rdfs:label "Ofsted" .
<organisation/medway-council> a cskg:Organisation ; rdfs:label "Medway Council" .
<person/jane-example> a cskg:Person ; rdfs:label "Jane Example" .
<role/director-of-people> a org:Role ; rdfs:label "Director of People" .

<assessment/medway-ofsted-inspection-2023> a cskg:Assessment ;
    rdfs:label "Ofsted inspection of children's services, July 2023" ;
    cskg:kind "inspection" ;
    cskg:year 2023 ;
    cskg:startDate "2023-07-17"^^xsd:date ;
    cskg:endDate "2023-07-28"^^xsd:date ;
    cskg:conductedBy <organisation/ofsted> ;
    cskg:localAuthority <local-authority/medway> ;
    cskg:reportedIn <document/ofsted-ilacs-2023-report> .

<excerpt/ofsted-ilacs-2023-report/100-160> a cskg:Excerpt ;
    cskg:quote "Management oversight of frontline practice is not consistent." ;
    cskg:inDocument <document/ofsted-ilacs-2023-report> ;
    cskg:start 100 ; cskg:end 160 ; cskg:section "What needs to improve" ; cskg:page 3 .

<grade/good> a skos:Concept ; skos:prefLabel "Good" .
<judgement-area/overall-effectiveness> a skos:Concept ; skos:prefLabel "Overall effectiveness" .
<judgement/medway-ofsted-inspection-2023/overall-effectiveness> a cskg:Judgement ;
    cskg:ofAssessment <assessment/medway-ofsted-inspection-2023> ;
    cskg:domain <judgement-area/overall-effectiveness> ;
    cskg:grade <grade/good> ;
    prov:wasDerivedFrom <excerpt/ofsted-ilacs-2023-report/100-160> .

<theme/management-oversight> a skos:Concept ;
    skos:inScheme cskg:Themes ; skos:prefLabel "Management oversight" .

<finding/0123456789abcdef> a cskg:Finding ;
    cskg:text "Management oversight of frontline practice is not consistent." ;
    cskg:fromAssessment <assessment/medway-ofsted-inspection-2023> ;
    cskg:year 2023 ;
    cskg:polarity cskg:Weakness ;
    cskg:theme <theme/management-oversight> ;
    cskg:involves <organisation/medway-council> ;
    cskg:themeEvidence <theme-tag/0123456789abcdef/management-oversight> ;
    prov:wasDerivedFrom <excerpt/ofsted-ilacs-2023-report/100-160> .

<theme-tag/0123456789abcdef/management-oversight> a cskg:ThemeTag ;
    cskg:ofTheme <theme/management-oversight> ;
    cskg:matchedTerm "management oversight" .

<role-assignment/jane-example/director-of-people/2023> a cskg:RoleAssignment ;
    cskg:agent <person/jane-example> ;
    cskg:role <role/director-of-people> ;
    cskg:organisation <organisation/medway-council> ;
    cskg:year 2023 ;
    prov:wasDerivedFrom <excerpt/ofsted-ilacs-2023-report/100-160> .

<action/fedcba9876543210> a cskg:Action ;
    cskg:text "Improve management oversight of frontline practice." ;
    cskg:responsible <organisation/medway-council> ;
    cskg:year 2023 ;
    cskg:addresses <theme/management-oversight> ;
    cskg:due "by March 2024" ;
    prov:wasDerivedFrom <excerpt/ofsted-ilacs-2023-report/100-160> .

<figure/00112233aabbccdd> a cskg:Figure ;
    cskg:value 23.5 ; cskg:unit "count" ; cskg:measure "average social worker caseload" ;
    cskg:year 2023 ;
    prov:wasDerivedFrom <excerpt/ofsted-ilacs-2023-report/100-160> .

<recurrence/management-oversight> a cskg:Recurrence ;
    cskg:ofTheme <theme/management-oversight> ;
    cskg:weakYear 2019 , 2023 ;
    cskg:firstYear 2019 ; cskg:lastYear 2023 ; cskg:weakYearCount 2 ;
    cskg:latestState cskg:Persisting ; cskg:latestYear 2023 ;
    cskg:evidence <finding/0123456789abcdef> .
"""

# The same graph with two mistakes: a finding without its year, an excerpt whose start is text.
BROKEN = CONFORMING.replace("    cskg:year 2023 ;\n    cskg:polarity", "    cskg:polarity").replace(
    "cskg:start 100 ;", 'cskg:start "100" ;'
)


def conforming_data(ontology: Graph) -> Graph:
    # Validation runs over the union of the named graphs, which includes the ontology.
    data = Graph().parse(data=CONFORMING, format="turtle")
    data += ontology
    return data


def test_conforming_graph_conforms(ontology: Graph, shapes: Graph):
    conforms, _, text = validate(conforming_data(ontology), shacl_graph=shapes, inference="none")
    assert conforms, text


def test_month_precision_dates_conform(ontology: Graph, shapes: Graph):
    # Documents sometimes give only the month of a visit: xsd:gYearMonth is accepted too.
    data = conforming_data(ontology)
    assessment = URIRef(ID + "assessment/medway-ofsted-inspection-2023")
    data.set((assessment, CSKG.startDate, Literal("2023-07", datatype=XSD.gYearMonth)))
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_broken_graph_reports_in_plain_words(ontology: Graph, shapes: Graph):
    assert BROKEN != CONFORMING
    data = Graph().parse(data=BROKEN, format="turtle")
    data += ontology
    conforms, report, text = validate(data, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "A Finding must have exactly one year (cskg:year)" in text
    assert "An Excerpt must have exactly one start (cskg:start)" in text
    focus = {str(n) for n in report.objects(None, SH.focusNode)}
    assert focus == {
        ID + "finding/0123456789abcdef",
        ID + "excerpt/ofsted-ilacs-2023-report/100-160",
    }


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('skos:prefLabel "Good"', 'skos:prefLabel "Very good"', "A grade must have"),
        ("cskg:polarity cskg:Weakness", "cskg:polarity cskg:Persisting", "exactly one polarity"),
        ('"9f86d08', '"9F86D08', "64 lower-case hexadecimal"),
        ("cskg:start 100 ;", "cskg:start 200 ;", "not after its end"),
        ("cskg:page 3", "cskg:page 0", "counting from 1"),
        ("skos:inScheme cskg:Themes ;", "", "A theme must belong to the theme scheme"),
        (
            "cskg:agent <person/jane-example>",
            "cskg:agent <role/director-of-people>",
            "exactly one person (cskg:agent)",
        ),
        ("cskg:latestState cskg:Persisting", "cskg:latestState cskg:Weakness", "latest state"),
    ],
)
def test_each_mistake_is_caught(ontology: Graph, shapes: Graph, old: str, new: str, message: str):
    assert old in CONFORMING
    data = Graph().parse(data=CONFORMING.replace(old, new, 1), format="turtle")
    data += ontology
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none")
    assert not conforms
    assert message in text


def test_schema_doc_covers_every_term(ontology: Graph):
    doc = SCHEMA_MD.read_text(encoding="utf-8")
    for name in sorted(declared_terms(ontology)):
        assert f"`cskg:{name}`" in doc, f"docs/schema.md does not document cskg:{name}"


def schema_doc_queries() -> list[str]:
    doc = SCHEMA_MD.read_text(encoding="utf-8")
    return re.findall(r"```sparql\n(.*?)```", doc, flags=re.S)


def test_schema_doc_has_queries():
    assert len(schema_doc_queries()) >= len(CLASSES)


@pytest.mark.parametrize("query", schema_doc_queries())
def test_schema_doc_queries_run(ontology: Graph, query: str):
    rows = list(conforming_data(ontology).query(query))
    assert rows, f"no rows for:\n{query}"
