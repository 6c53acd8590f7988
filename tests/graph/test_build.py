"""Records -> quads for figures (Data Cube observations of one data set) and actions."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import pytest
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS

from cskg.graph import iri
from cskg.graph.build import FIGURES_DATASET, QuadBuilder, action_iri, figure_iri
from cskg.graph.validate import validate_triples
from cskg.loaders.figures import figures_in
from cskg.loaders.records import Action, Document, Excerpt, Extraction, Figure
from cskg.ontology import CSKG, ontology_path
from cskg.ontology.themes import load_themes

QB = Namespace("http://purl.org/linked-data/cube#")
STRUCTURE = URIRef("https://w3id.org/childrens-services-kg/id/structure/figures")

# a cabinet report states the same budget growth in its summary and again in its body
TEXT = (
    "3.2. Since the inadequate rating, there has been significant investment, with c£6million "
    "added to the gross budget for 2022/23.\n\n"
    "9.1. The gross budget for the service has grown each year, with c£6million added to the "
    "budget for 2022/23.\n\n"
    "3. Medway also need to develop the use of Family Group conferences, which are provided "
    "on a limited basis. This should be a key resource to support positive work with families\n"
)


def _doc() -> Document:
    return Document(
        id="cabinet", path="corpus/cabinet.txt", title="Cabinet report", doc_type="cabinet report",
        date="2023-09-26", publisher="Medway Council", council="",
        sha256=hashlib.sha256(TEXT.encode()).hexdigest(), text=TEXT,
    )  # fmt: skip


def _excerpt(start: int, end: int, section: str = "Financial implications") -> Excerpt:
    return Excerpt("cabinet", start, end, TEXT[start:end], section)


def _figures() -> list[Figure]:
    out = []
    for para in TEXT.split("\n\n")[:2]:
        at = TEXT.index(para)
        for h in figures_in(para, at):
            out.append(Figure(h.value, h.unit, h.measure, h.year or 2023, _excerpt(h.start, h.end)))
    return out


def _extraction(figures=(), actions=()) -> Extraction:
    return Extraction(
        documents=(_doc(),), assessments=(), judgements=(), findings=(), agents=(), roles=(),
        actions=tuple(actions), figures=tuple(figures),
    )  # fmt: skip


def _graph(x: Extraction) -> Graph:
    g = Graph()
    for s, p, o, _ in QuadBuilder(x, load_themes()).document_quads():
        g.add((s, p, o))
    return g


def test_a_figure_restated_in_the_same_document_is_one_figure():
    from cskg.loaders.extract import extract_document

    figures = _figures()
    assert len(figures) == 2 and figures[0].measure == figures[1].measure
    (found,) = extract_document(_doc(), ()).figures  # extraction keeps the first statement
    assert (found.value, found.unit, found.excerpt.start) == (
        figures[0].value, figures[0].unit, figures[0].excerpt.start,
    )  # fmt: skip
    g = _graph(extract_document(_doc(), ()))
    assert len(set(g.subjects(RDF.type, CSKG.Figure))) == 1


def test_a_figure_is_an_observation_of_the_figures_data_set():
    fig = _figures()[0]
    g = _graph(_extraction([fig]))
    s = figure_iri(fig)
    assert FIGURES_DATASET == URIRef(iri.ID + "dataset/figures")
    assert set(g.objects(s, QB.dataSet)) == {FIGURES_DATASET}
    assert set(g.objects(s, DCTERMS.source)) == {iri.document("cabinet")}
    assert g.value(s, CSKG.measure) == Literal("addition to gross budget")
    assert g.value(s, CSKG.year).toPython() == 2022
    assert g.value(s, CSKG.value).toPython() == 6_000_000


def test_the_document_graph_conforms():
    assert validate_triples(_graph(_extraction(_figures()))) == []


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def test_the_data_set_and_its_structure(ontology: Graph):
    assert (FIGURES_DATASET, RDF.type, QB.DataSet) in ontology
    assert ontology.value(FIGURES_DATASET, QB.structure) == STRUCTURE
    assert (STRUCTURE, RDF.type, QB.DataStructureDefinition) in ontology
    components = set(ontology.objects(STRUCTURE, QB.component))
    assert all(isinstance(c, URIRef) for c in components)  # named, no blank nodes

    def of(kind: URIRef) -> set:
        return {o for c in components for o in ontology.objects(c, kind)}

    assert of(QB.dimension) == {CSKG.year, DCTERMS.source, CSKG.measure}
    assert of(QB.measure) == {CSKG.value}
    assert of(QB.attribute) == {CSKG.unit}
    assert (DCTERMS.source, RDF.type, QB.DimensionProperty) in ontology
    assert not [t for t in ontology if any(isinstance(x, BNode) for x in t)]


def test_an_action_opening_with_a_pronoun_takes_the_themes_of_the_sentence_before():
    scheme = load_themes()
    start = TEXT.index("This should")
    end = TEXT.index("families\n", start) + len("families")
    act = Action(TEXT[start:end], "medway-council", 2023, _excerpt(start, end, "Current issues"))
    assert scheme.tag(act.text, "Current issues") == ()  # its own words name no theme
    before = TEXT[TEXT.index("Medway also") : TEXT.index("This should") - 1]
    expected = {t.theme_id for t in scheme.tag(before)}
    assert expected
    g = _graph(_extraction(actions=[act]))
    got = {str(o).rsplit("/", 1)[1] for o in g.objects(action_iri(act), CSKG.addresses)}
    assert got == expected


def _two_documents(finding_docs: tuple[str, ...]) -> Extraction:
    from dataclasses import replace

    from cskg.loaders.records import Finding

    other = replace(_doc(), id="other", path="corpus/other.txt")
    excerpts = tuple(Excerpt(d, 0, 30, TEXT[0:30], "Summary") for d in finding_docs)
    finding = Finding(TEXT[0:30], "a-2023", 2023, "Strength", excerpts)
    return replace(_extraction(_figures()), documents=(_doc(), other), findings=(finding,))


def test_graph_inputs_change_only_for_the_graphs_a_record_goes_into():
    from dataclasses import replace

    scheme = load_themes()
    base = QuadBuilder(_two_documents(("cabinet",)), scheme).graph_inputs()
    assert set(base) == {"cabinet", "other"}
    # a finding restated in the other document: both graphs hold it now
    both = QuadBuilder(_two_documents(("cabinet", "other")), scheme).graph_inputs()
    assert both["cabinet"] != base["cabinet"] and both["other"] != base["other"]
    # a figure of the cabinet report changes: the other document's graph does not
    x = _two_documents(("cabinet",))
    fig = x.figures[0]
    changed = replace(x, figures=(replace(fig, value=fig.value + 1), *x.figures[1:]))
    moved = QuadBuilder(changed, scheme).graph_inputs()
    assert moved["cabinet"] != base["cabinet"] and moved["other"] == base["other"]
    # what else the quads depend on (the theme scheme) goes in as the salt
    salted = QuadBuilder(x, scheme).graph_inputs(b"another scheme")
    assert salted["cabinet"] != base["cabinet"] and salted["other"] != base["other"]


def test_the_quads_of_some_documents_are_those_of_all_restricted_to_their_graphs():
    x = _two_documents(("cabinet", "other"))
    scheme = load_themes()
    every = list(QuadBuilder(x, scheme).document_quads())
    some = list(QuadBuilder(x, scheme).document_quads({"other"}))
    assert some == [q for q in every if q[3] == iri.named_graph("other")]
    assert some


# Medway, commissioner's review 2019; Dudley 2016 (a sentence with themes of its own)
PASSAGE = (
    "Early help is not sufficiently connected to children's social care despite a presence in "
    "the MASH. Both parts of the service use different case management systems which makes "
    "sharing information difficult.\n\n"
    "Care leavers who spoke to inspectors are positive about working with their personal "
    "advisers. They are positive about the support they receive.\n\n"
    "The majority of children live in stable and secure placements. They live in, or close "
    "to, Dudley, and their health needs are met.\n"
)


def _finding_themes(sentence: str, section: str = "Current service issues") -> set[str]:
    from dataclasses import replace

    from cskg.loaders.records import Finding

    doc = replace(_doc(), text=PASSAGE, sha256=hashlib.sha256(PASSAGE.encode()).hexdigest())
    start = PASSAGE.index(sentence)
    end = start + len(sentence)
    excerpt = Excerpt("cabinet", start, end, sentence, section)
    x = replace(_extraction(), documents=(doc,))
    return set(QuadBuilder(x, load_themes()).finding_theme_ids(
        Finding(sentence, "a-2019", 2019, "Weakness", (excerpt,))
    ))  # fmt: skip


def test_a_finding_that_names_nothing_takes_the_themes_of_the_sentence_before():
    assert load_themes().tag("They are positive about the support they receive.") == ()
    assert _finding_themes("They are positive about the support they receive.") == {"care-leavers"}


def test_a_finding_that_names_nothing_keeps_its_headings_themes_beside_the_sentence_before():
    # its heading gives it a theme, its own words none: the sentence it points back to says
    # what it is about as well
    section = "The impact of leaders on social work practice with children and families"
    sentence = "They are positive about the support they receive."
    assert "leadership-governance" in {t.theme_id for t in load_themes().tag(sentence, section)}
    assert {"care-leavers", "leadership-governance"} <= _finding_themes(sentence, section)


def test_both_parts_of_what_the_sentence_before_names_adds_its_themes():
    themes = _finding_themes(
        "Both parts of the service use different case management systems which makes sharing "
        "information difficult."
    )
    assert {"early-help", "police-information-sharing"} <= themes


def test_a_finding_with_themes_of_its_own_keeps_them_alone():
    # "They" points back, but the finding names its own themes: the placement sentence's
    # themes are not added
    themes = _finding_themes("They live in, or close to, Dudley, and their health needs are met.")
    assert themes and "placements-and-sufficiency" not in themes


def _themes_in(text: str) -> Callable[[str, str, int], set[str]]:
    """The themes of a finding quoting ``phrase`` of ``text``, under ``section``, in the
    paragraph starting at ``para``."""
    from dataclasses import replace

    from cskg.loaders.records import Finding

    doc = replace(_doc(), text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    builder = QuadBuilder(replace(_extraction(), documents=(doc,)), load_themes())

    def themes(phrase: str, section: str, para: int) -> set[str]:
        start = text.index(phrase)
        e = Excerpt("cabinet", start, start + len(phrase), phrase, section, None, para)
        return set(builder.finding_theme_ids(Finding(phrase, "a-2019", 2019, "Weakness", (e,))))

    return themes


def test_a_finding_under_a_heading_naming_two_groups_takes_the_one_its_paragraph_names():
    text = (
        "The experiences and progress of children in care and care leavers: good\n\n"
        "40. Care leavers have pathway plans that they helped to write. They are not "
        "consistently reviewed to reflect changing risks.\n"
    )
    sentence = "They are not consistently reviewed to reflect changing risks."
    section = "The experiences and progress of children in care and care leavers: good"

    def themes(para: int) -> set[str]:
        return _themes_in(text)(sentence, section, para)

    assert "care-leavers" in themes(text.index("Care leavers"))
    assert "children-in-care" not in themes(text.index("Care leavers"))
    # (a statement whose paragraph is not known keeps the heading's first)
    assert "children-in-care" in themes(-1)


def test_a_clause_that_names_nothing_takes_its_sentences_themes():
    text = (
        "Supervision\n\n"
        "Most social workers receive effective and timely supervision, although records do "
        "not always demonstrate that sufficient time is given for reflection.\n\n"
        "- records do not always demonstrate the reasons for decisions\n"
    )
    clause = "records do not always demonstrate that sufficient time is given for reflection"
    assert load_themes().tag(clause) == ()

    def themes(phrase: str, para: int) -> set[str]:
        return _themes_in(text)(phrase, "Inspection findings", para)

    # the clause of "…, although …" is about the supervision its sentence names
    assert "management-oversight" in themes(clause, text.index("Most social workers"))
    # a bullet that opens its own block in lower case is no clause of anything
    bullet = "records do not always demonstrate the reasons for decisions"
    assert themes(bullet, text.index(bullet)) == set()


MINUTES = (
    "The Commissioner added that she would submit her formal 6 month review report to the "
    "minister in July.\n"
)


def test_a_post_nobody_is_named_as_holding_is_responsible_as_a_post():
    from cskg.loaders.extract import extract_document

    doc = Document(
        id="minutes", path="corpus/minutes.txt", title="Minutes", doc_type="committee minutes",
        date="2020-06-30", publisher="Medway Council", council="Medway",
        sha256=hashlib.sha256(MINUTES.encode()).hexdigest(), text=MINUTES,
    )  # fmt: skip
    x = extract_document(doc, ())
    (action,) = x.actions
    post = next(a for a in x.agents if a.key == action.responsible)
    assert (post.kind, post.label, post.organisation, post.role) == (
        "Post", "Children's Services Commissioner for Medway", "dfe",
        "Children's Services Commissioner",
    )  # fmt: skip
    assert "dfe" in {a.key for a in x.agents}  # the organisation the post is in
    builder = QuadBuilder(x, load_themes())
    g = Graph()
    for s, p, o, _ in [*builder.document_quads(), *builder.reference_quads()]:
        g.add((s, p, o))
    org = Namespace("http://www.w3.org/ns/org#")
    s = iri.agent(post.key, "Post")
    assert s == URIRef(iri.ID + "post/childrens-services-commissioner-for-medway")
    assert g.value(action_iri(action), CSKG.responsible) == s
    assert (s, RDF.type, CSKG.Post) in g
    assert g.value(s, org.postIn) == iri.agent("dfe", "Organisation")
    role = g.value(s, org.role)
    assert role == iri.role("Children's Services Commissioner")
    assert g.value(role, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) == Literal(
        "Children's Services Commissioner"
    )
    assert validate_triples(g) == []
    g.remove((s, org.postIn, None))
    assert [v.path for v in validate_triples(g)] == ["postIn"]


def _statements() -> Extraction:
    """Each sentence of TEXT a finding, and the last one an action too."""
    from dataclasses import replace

    from cskg.loaders.records import Finding

    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n.][^\n]*?(?:\.(?= |\n)|\n)", TEXT)]
    findings = tuple(
        Finding(TEXT[a:b], "a-2023", 2023, "Weakness", (_excerpt(a, b, "Summary"),))
        for a, b in spans
    )
    a, b = spans[-1]
    act = Action(TEXT[a:b], "medway-council", 2023, _excerpt(a, b, "Current issues"))
    return replace(_extraction(actions=[act]), findings=findings)


def test_themes_tagged_ahead_and_in_a_forked_child_are_those_of_the_quads_made_alone(
    monkeypatch: pytest.MonkeyPatch,
):
    import os

    from cskg.graph import build
    from cskg.graph.workers import can_fork

    if not can_fork() or (os.cpu_count() or 1) < 2:
        pytest.skip("tags in a forked child only on Linux with two cores or more")
    x = _statements()
    scheme = load_themes()
    alone = QuadBuilder(x, scheme)
    quads = list(alone.document_quads())
    assert any(alone.tags.values())
    monkeypatch.setattr(build, "PARALLEL_TAGGING", 2)  # half the statements in a child
    ahead = QuadBuilder(x, scheme)
    assert ahead.tag() == alone.tags
    assert list(ahead.document_quads()) == quads
    assert ahead.tags == alone.tags and ahead.graph_tags == alone.graph_tags


def test_an_action_of_several_agents_is_each_ones():
    start = TEXT.index("Medway also")
    end = TEXT.index("limited basis") + len("limited basis")
    act = Action(
        TEXT[start:end], "medway-council", 2023, _excerpt(start, end, "Current issues"),
        jointly=("police",),
    )  # fmt: skip
    g = _graph(_extraction(actions=[act]))
    got = set(g.objects(action_iri(act), CSKG.responsible))
    assert got == {iri.agent("medway-council", "Organisation"), iri.agent("police", "Organisation")}
    # the first named is still the one the action's IRI is made from
    assert action_iri(act) == action_iri(Action(act.text, "medway-council", 2023, act.excerpt))
