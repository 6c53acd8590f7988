"""The cskg vocabulary as Python attributes: ``CSKG.Finding``, ``CSKG.year``.

A misspelt term raises instead of minting a new IRI. The term list mirrors
``ontology/cskg.ttl``; ``tests/ontology/test_ontology_files.py`` checks they agree.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["CSKG"]


class CSKG(DefinedNamespace):
    """cskg: the children's services knowledge graph ontology."""

    _fail = True

    # Classes
    Action: URIRef  # Something recommended, required or promised.
    Assessment: URIRef  # An inspection, visit, review or other assessment.
    Document: URIRef  # A source document in the corpus.
    Excerpt: URIRef  # An exact quote with character offsets.
    Figure: URIRef  # A number a document reports (a qb:Observation).
    Finding: URIRef  # One evaluative statement an assessment made.
    Judgement: URIRef  # A grade for one judgement area.
    LocalAuthority: URIRef  # A council responsible for children's services.
    Organisation: URIRef  # A named organisation.
    Person: URIRef  # A named person.
    Polarity: URIRef  # Strength, weakness or neutral.
    Post: URIRef  # A post in an organisation, as an agent.
    Recurrence: URIRef  # Derived summary of one theme over the years.
    RecurrenceState: URIRef  # Persisting, improved, new or resolved.
    RoleAssignment: URIRef  # A person held a post at an organisation in a year.
    ThemeTag: URIRef  # Why a finding was tagged with a theme.

    # Individuals
    Improved: URIRef
    Neutral: URIRef
    New: URIRef
    Persisting: URIRef
    Resolved: URIRef
    Strength: URIRef
    Themes: URIRef  # The skos:ConceptScheme of themes.
    Weakness: URIRef

    # Document
    documentType: URIRef
    mediaType: URIRef
    sha256: URIRef
    sourcePath: URIRef
    textPath: URIRef

    # Assessment
    conductedBy: URIRef
    endDate: URIRef
    kind: URIRef
    localAuthority: URIRef
    reportedIn: URIRef
    startDate: URIRef
    year: URIRef  # Also on Finding, RoleAssignment, Action, Figure.

    # Judgement
    domain: URIRef
    grade: URIRef
    ofAssessment: URIRef

    # Finding and Action
    addresses: URIRef
    due: URIRef
    fromAssessment: URIRef
    involves: URIRef
    matchedTerm: URIRef
    polarity: URIRef
    responsible: URIRef
    text: URIRef
    theme: URIRef
    themeEvidence: URIRef

    # Excerpt
    end: URIRef
    inDocument: URIRef
    page: URIRef
    quote: URIRef
    section: URIRef
    start: URIRef

    # RoleAssignment
    agent: URIRef
    organisation: URIRef
    role: URIRef

    # Figure
    measure: URIRef
    unit: URIRef
    value: URIRef

    # LocalAuthority
    gssCode: URIRef
    ofstedURN: URIRef
    region: URIRef
    statisticalNeighbour: URIRef

    # Recurrence (derived)
    evidence: URIRef
    firstYear: URIRef
    lastYear: URIRef
    latestState: URIRef
    latestYear: URIRef
    ofTheme: URIRef
    strongYear: URIRef
    weakYear: URIRef
    weakYearCount: URIRef

    _NS = Namespace("https://w3id.org/childrens-services-kg/ontology#")
