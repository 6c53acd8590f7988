"""Plain records that extraction emits: no RDF here, so extraction is testable on its own.

Every record that makes a claim carries an :class:`Excerpt` whose ``quote`` equals
``document_text[start:end]`` (Python ``str`` offsets into the document's text).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Excerpt:
    """An exact quote: ``text[start:end] == quote`` in document ``doc_id``."""

    doc_id: str
    start: int
    end: int
    quote: str
    section: str = ""
    page: int | None = None
    # where the paragraph (or list item) the quote stands in starts, for what its earlier
    # sentences name; -1 when not known. Not part of the graph.
    para: int = field(default=-1, compare=False)


@dataclass(frozen=True)
class Document:
    """One corpus document and the text that excerpt offsets index."""

    id: str
    path: str  # "corpus/<file>", relative, as users see it
    title: str
    doc_type: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    publisher: str
    council: str
    sha256: str
    text: str = field(repr=False)
    media_type: str = "text/plain"
    page_starts: tuple[int, ...] = ()  # PDF: offset where each 1-based page starts
    assessment_keys: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    def page_at(self, offset: int) -> int | None:
        """1-based page holding ``offset``, for PDF sources."""
        if not self.page_starts:
            return None
        page = 1
        for i, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = i
            else:
                break
        return page


@dataclass(frozen=True)
class Assessment:
    """An inspection, visit, review, diagnostic, peer challenge or monitoring activity."""

    key: str  # stable slug, e.g. "medway-ofsted-inspection-2019-07"
    label: str
    kind: str  # inspection, focused visit, monitoring visit, JTAI, SEND inspection, review...
    year: int
    conducted_by: str  # agent key
    local_authority: str  # council name, e.g. "Medway"
    start_date: str | None = None
    end_date: str | None = None
    reported_in: tuple[str, ...] = ()  # document ids
    excerpts: tuple[Excerpt, ...] = ()


@dataclass(frozen=True)
class Judgement:
    """An Ofsted grade for one judgement area of one assessment."""

    assessment: str  # assessment key
    domain: str  # as the report words it, e.g. "Overall effectiveness"
    grade: str  # Outstanding | Good | Requires improvement to be good | Inadequate | Adequate
    excerpt: Excerpt


@dataclass(frozen=True)
class Finding:
    """One evaluative statement (a bullet, one sentence, or the clause of a sentence that turns
    from a strength to a weakness or back) made by an assessment."""

    text: str
    assessment: str  # assessment key
    year: int
    polarity: str  # Strength | Weakness | Neutral
    excerpts: tuple[Excerpt, ...]
    involves: tuple[str, ...] = ()  # agent keys


@dataclass(frozen=True)
class Agent:
    """A person, an organisation or a post named in the corpus.

    A post ("the Director of People", "the Commissioner") is an agent where a document says
    what the post-holder will do without naming them: ``organisation`` is the agent key of the
    organisation the post is in, ``role`` its title.
    """

    key: str
    kind: str  # Person | Organisation | Post
    label: str
    organisation: str = ""  # a Post's organisation (agent key)
    role: str = ""  # a Post's title, e.g. "Director of People"


@dataclass(frozen=True)
class RoleAssignment:
    """``agent`` held ``role`` at ``organisation`` in ``year``."""

    agent: str  # agent key (a Person)
    role: str  # e.g. "Director of People"
    organisation: str  # agent key (an Organisation)
    year: int
    excerpt: Excerpt


@dataclass(frozen=True)
class Action:
    """A recommendation, next step or commitment, with who must carry it out."""

    text: str
    responsible: str  # agent key
    year: int
    excerpt: Excerpt
    due: str | None = None
    # others named with it as the subject ("The council and the police are taking action")
    jointly: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A number the corpus reports: a budget, caseload, rate or count."""

    value: float
    unit: str  # GBP | percent | count | ...
    measure: str
    year: int
    excerpt: Excerpt


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from a corpus, ready for the graph layer."""

    documents: tuple[Document, ...]
    assessments: tuple[Assessment, ...]
    judgements: tuple[Judgement, ...]
    findings: tuple[Finding, ...]
    agents: tuple[Agent, ...]
    roles: tuple[RoleAssignment, ...]
    actions: tuple[Action, ...]
    figures: tuple[Figure, ...]
    warnings: tuple[str, ...] = ()
