"""Extraction: one document's text -> records; and a deterministic merge of documents' records.

``extract_document`` is pure (text and seeds in, records out), so documents can be extracted
in parallel and cached by hash. ``merge`` joins the parts: one Assessment per key, one Finding
per (assessment, normalised text), and one Finding for a statement that documents restate
with small differences (:func:`restated`), posts resolved to the people who held them that
year, and everything sorted so the graph serialises identically whatever order documents
arrive in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from cskg.loaders import regexcache

from .actions import antecedent, due_date, is_action, is_recommended, jointly, responsible
from .actors import Gazetteer, find_people, gazetteer, name_at, person_key, team_role
from .assessments import (
    Kind,
    Registry,
    choose_own,
    data,
    find_dates,
    find_kinds,
    heading_assessment,
    kind_by_name,
    seed_kind_for_doc,
    slugify,
)
from .corpus import ASSESSMENT_REPORT_TYPES
from .figures import distinct_figures, figures_in
from .findings import (
    conceded,
    consequence,
    context_polarity,
    contrast,
    cues,
    elaborates,
    is_conjecture,
    is_intent,
    is_supposed,
    polarity,
    score,
)
from .judgements import (
    graded_kinds,
    grades_in_line,
    grades_in_lines,
    grades_in_sentence,
    is_grade_row,
)
from .ofsted import refine
from .records import (
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
from .segment import Block, cells, clean, segment, sentences

__all__ = ["content_words", "extract_document", "merge", "normalise", "restated"]

_MAX_FINDING = 1200  # characters: a longer "sentence" is a run-on table or list, not a statement
_ASSESSOR = regexcache.compile(
    r"\bOfsted\b|\binspections\b|\binspectors\b|\bthe inspection\b", re.I
)

_DIGIT = regexcache.compile(r"\d")
_YEAR_MONTH = regexcache.compile(r"(\d{4})-(\d{2})")
_NOT_LETTER = regexcache.compile(r"[^A-Za-z]")


def normalise(s: str) -> str:
    """Text as compared for duplicates: case, quotes, whitespace and end punctuation folded."""
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    # split() splits at exactly the characters ``\s`` matches, three times faster
    return " ".join(s.split()).strip(" .;:").lower()


def _excerpt(doc: Document, start: int, end: int, section: str, para: int = -1) -> Excerpt:
    return Excerpt(doc.id, start, end, doc.text[start:end], section, doc.page_at(start), para)


def _infer_council(text: str) -> str:
    head = text[:6000]
    m = re.search(
        r"(?:Inspection of|[Vv]isit to|[Ll]etter to)\s+([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3})"
        r"\s+(?:local authority|children)",
        head,
    )
    if m:
        return m.group(1)
    m = re.search(
        r"(?:London Borough of|Royal Borough of|Borough of|City of|County of)\s+"
        r"([A-Z][\w'-]+(?: (?:and |upon )?[A-Z][\w'-]+){0,3})",
        head[:400],
    ) or re.search(
        r"(?m)^\W*([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}) (?:County |City |Metropolitan Borough "
        r"|Borough )?Council\b",
        head[:400],
    )
    if m:
        return m.group(1)
    counts = Counter(
        re.findall(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:County |Borough |City )?Council\b", text)
    )
    for name, _ in counts.most_common():
        if name not in ("The", "Medway Commercial", "County", "Borough", "City"):
            return name
    return ""


@dataclass
class _Ctx:
    """What governs a stretch of text: its assessment, polarity leaning and evaluativeness."""

    key: str = ""
    prior: str = ""
    evaluative: bool = False
    digits: bool = False  # the lead-in was itself a numbered item ("4.4. Key findings:")
    # the lead-in names what is to be done, as a heading would: "What needs to improve in this
    # area of social work practice:" (its items are actions, read as under that heading)
    section: str = ""
    # the lead-in's paragraph introduces things to be done in other words: "The areas they
    # recommended Medway focussed on were:", "The Direction appointed me as Commissioner,
    # requiring me:" (each item's first sentence is an action, by the lead-in's agent unless
    # the item names its own)
    acts: str = ""


@dataclass
class _State:
    doc: Document
    gaz: Gazetteer
    reg: Registry
    referenced: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    agents: dict[str, Agent] = field(default_factory=dict)
    roles: list[RoleAssignment] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # name as written -> person key
    holders: dict[str, str] = field(default_factory=dict)  # post key -> person key
    # the last organisation named whose name ends in a noun ("board" -> the Improvement
    # Board), for "The Board must ensure …", and the last director's post ("director");
    # see _remember_names
    recent: dict[str, str] = field(default_factory=dict)
    # the body recommendations are addressed to under the headings read so far: a board's
    # own part of a report ("The Local Safeguarding Children Board (LSCB)", then its
    # "Recommendations"); "" for the council (see _scope)
    scope: str = ""
    # the scope was set by a heading opening the body's own part of a report ("The Local
    # Safeguarding Children Board (LSCB)"), which runs on under its own sub-headings
    scope_part: bool = False
    # under a sub-heading of a list of recommendations ("Areas for improvement", then "Help and
    # protection", "Care leavers"): see _action_part
    action_part: bool = False
    # the last finding: its block's start and its polarity (see _finding)
    last: tuple[int, str] = (-1, "")


def _mention_date(s: str, a: int, b: int) -> tuple[int | None, int | None]:
    """The date a mention at s[a:b] carries: just after it, or "In 2015, Ofsted ..." before."""
    for d in find_dates(s):
        gap = s[b : d.start]
        if d.start >= b and len(gap) <= 50 and not re.search(r"[.;:]", gap):
            return d.year, d.month
    for d in find_dates(s[:a]):
        if a - d.end <= 12:
            return d.year, d.month
    return None, None


def _refs(
    s: str, reg: Registry, doc_year: int | None, doc_date: tuple[int, int] | None = None
) -> list[tuple[int, str, bool]]:
    """(position, key, reports) for each assessment a sentence mentions.

    ``reports`` is true when the sentence reports what that assessment said ("highlighted in
    inspections since 2015", "The inspection in July identified"), not when it only dates
    something against it ("improved since the inspection in 2019").
    """
    d = data()
    after_re = re.compile(d["reporting_after"], re.I)
    before_re = re.compile(d["reporting_before"] + r"\s*(?:\w+\s+){0,4}$", re.I)
    mentions: list[tuple[Kind, int, int]] = list(find_kinds(s))
    inspection = kind_by_name("inspection")
    for m in _ASSESSOR.finditer(s):
        if inspection and not any(a <= m.start() < b for _, a, b in mentions):
            mentions.append((inspection, m.start(), m.end()))
    out = []
    for kind, a, b in sorted(mentions, key=lambda t: t[1]):
        year, month = _mention_date(s, a, b)
        if year is None and re.search(
            r"\bin (?:january|february|march|april|may|june|july|"
            r"august|september|october|november|december)\b",
            s[b : b + 20],
            re.I,
        ):
            year = doc_year  # "The inspection in July": this year's
        generic = kind.name == "inspection" or kind.name == "review"
        if year is None and generic:
            continue  # "the inspection", "Ofsted": too loose to say which one
        plural = s[a:b].lower().endswith("s")
        key = reg.resolve(kind, year, month, doc_year, earliest=plural, before=doc_date)
        if not key:
            continue
        since = re.search(
            r"\b(?:since|after|following)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}$", s[:a], re.I
        )
        before = before_re.search(s, max(0, a - 60), a)
        # "the areas identified at the focused visit in 2019", "the serious deficits identified
        # at a focused visit in October 2021": what an earlier assessment found, named as the
        # object of what is said now ("have been addressed", "insufficient pace in tackling")
        if before and _NAMED_FINDINGS.search(s, max(0, before.start() - 60), before.start()):
            before = None
        # (a mention may carry its own verb: "Medway was previously judged inadequate by Ofsted
        # in 2013" reports that inspection)
        reports = not since and bool(
            after_re.search(s[b : b + 80]) or before or after_re.search(s, a, b)
        )
        out.append((a, key, reports))
    return out


def _detect(blocks: list[Block], st: _State) -> dict[int, str]:
    """Register assessments that headings and dating sentences name; heading index -> key."""
    text, reg, doc = st.doc.text, st.reg, st.doc
    d = data()
    heading_only = set(d["heading_only"])
    gap_re = re.compile(d["creation_gap"], re.I)
    heads: dict[int, str] = {}
    for i, b in enumerate(blocks):
        if b.kind != "heading":
            continue
        found = heading_assessment(b.section)
        if not found:
            continue
        kind, date, label = found
        if date is None:
            continue
        year, month = date.year, date.month
        # the section's opening may date it more exactly: "inspected in December 2017"
        body = " ".join(
            text[x.start : x.end] for x in blocks[i + 1 : i + 3] if x.kind != "heading"
        )[:600]
        m = re.search(
            r"\b(?:was|were) (?:inspected|carried out|undertaken|conducted)\b"
            r"[^.]{0,30}?\b(?:in|on|between)\s|"
            r"\btook place (?:in|on|between)\s",
            body,
        )
        if m:
            dates = find_dates(body[m.end() : m.end() + 40])
            if dates:
                year, month = dates[0].year, dates[0].month or month
                label = re.sub(r", [A-Z][a-z]+ \d{4}$|, \d{4}$", "", label)
                label = f"{label}, {_date_label(year, month)}"
        conductor = _conductor(text[b.start : b.end], kind, st, fallback=False) or _conductor(
            body, kind, st
        )
        heads[i] = reg.add(
            kind, year, month, label, conductor, _excerpt(doc, b.start, b.end, b.section)
        )
    for b in blocks:
        if b.kind == "heading":
            continue
        for s0, s1 in sentences(text, b.start, b.end):
            s = text[s0:s1]
            for kind, _a, e in find_kinds(s):
                if kind.name in heading_only:
                    continue
                for dt in find_dates(s[e : e + 70]):
                    if gap_re.search(s[e : e + dt.start]) or dt.start == 1:
                        label = f"{kind.label}, {_date_label(dt.year, dt.month)}"
                        reg.add(
                            kind,
                            dt.year,
                            dt.month,
                            label,
                            kind.conductor,
                            _excerpt(doc, s0, s1, b.section),
                        )
                    break
    return heads


def _date_label(year: int, month: int | None) -> str:
    from .assessments import MONTH_NAMES

    return f"{MONTH_NAMES[month]} {year}" if month else str(year)


def _conductor(s: str, kind: Kind, st: _State, fallback: bool = True) -> str:
    """Who carried an assessment out: "by JWP Consultancy Ltd", a named body, or the usual one."""
    m = re.search(r"\bby (?:the )?((?:[A-Z][\w&'-]*[ \t]?){1,5}(?:Ltd|Limited|LLP|plc)?)", s)
    if m and not st.gaz.orgs_in(m.group(1)):
        name = m.group(1).strip()
        key = slugify(name)
        if key and len(name.split()) >= 2:
            st.agents.setdefault(key, Agent(key, "Organisation", name))
            return key
    m = re.search(
        r"\b(?:from|by) ([A-Z][a-z]+(?: [A-Z][a-z]+)?) (County |Borough |City )?Council\b", s
    )
    if m and slugify(m.group(1)) != st.reg.council_slug:
        name = f"{m.group(1)} {m.group(2) or ''}Council".replace("  ", " ")
        key = slugify(name)
        st.agents.setdefault(key, Agent(key, "Organisation", name))
        return key
    for _, key in st.gaz.orgs_in(s[:300]):
        if key not in (st.gaz.council_key, "police"):
            return key
    return kind.conductor if fallback else ""


def _own(blocks: list[Block], st: _State) -> str:
    """The assessment the document itself is (manifest first, else its header)."""
    doc, reg = st.doc, st.reg
    keys = [k for k in doc.assessment_keys if k in reg.entries]
    own = choose_own(keys, reg, doc.doc_type)
    if own:
        return own
    head = doc.text[: blocks[min(len(blocks) - 1, 12)].end if blocks else 2000]
    found = [(heading_assessment(clean(doc.text[b.start : b.end])), b) for b in blocks[:15]]
    kind = next((f[0][0] for f in found if f[0]), None) or seed_kind_for_doc(doc.doc_type)
    if kind is None:
        kind = kind_by_name("review")
    assert kind is not None
    # a dated header ("Inspection dates: 17 to 28 July 2023"); a bare year may be any year
    dates = [d for d in find_dates(head) if d.month]
    year = dates[0].year if dates else (doc.year or 0)
    month = dates[0].month if dates else None
    existing = reg.resolve(kind, year, month, doc.year)
    if existing:
        return existing
    key = reg.add(kind, year, month, f"{kind.label}, {_date_label(year, month)}", kind.conductor)
    e = reg.entries[key]
    if dates and dates[0].day and month:
        e.start_date = f"{year}-{month:02d}-{dates[0].day:02d}"
    return key


def _people(st: _State) -> None:
    doc, gaz = st.doc, st.gaz
    year = doc.year or 0
    for pm in find_people(doc.text, gaz):
        pkey = person_key(pm.name)
        if not pkey:
            continue
        st.agents.setdefault(pkey, Agent(pkey, "Person", re.sub(r"\s+", " ", pm.name)))
        st.people[pm.name] = pkey
        surname = pm.name.split()[-1]
        st.people.setdefault(surname, pkey)
        posts = [p for _, p in gaz.posts_in(pm.title)]
        intro_posts = [p for _, p in gaz.posts_in(pm.intro)] if pm.intro else []
        labels: list[tuple[str, str, str]] = []
        if pm.team:  # the line's role is the person's, at Ofsted ("Deputy lead inspector" too)
            role = team_role(pm.intro)
            lead = [p for p in intro_posts if p.label.lower() == role.lower()]
            labels.append(
                (lead[0].key, lead[0].label, lead[0].org) if lead else ("", role, "ofsted")
            )
            intro_posts = []
        for p in posts + [p for p in intro_posts if p not in posts]:
            labels.append((p.key, p.title_on(doc.date, f"{pm.title} {pm.intro}"), p.org))
        if not labels:
            org = gaz.council_key if "inspector" not in pm.title.lower() else "ofsted"
            labels.append(("", pm.title, "" if gaz.independent.match(pm.title) else org))
        ex = _excerpt(doc, pm.start, pm.end, "")
        for post_key, label, org in labels:
            if not label:
                continue
            if org not in st.agents and gaz.agent(org):
                st.agents[org] = gaz.agent(org)  # type: ignore[assignment]
            st.roles.append(RoleAssignment(pkey, label, org, year, ex))
            if post_key:
                st.holders.setdefault(post_key, pkey)


def _involves(s: str, st: _State) -> tuple[str, ...]:
    keys: set[str] = set()
    for _, k in st.gaz.orgs_in(s):
        keys.add(k)
        if k not in st.agents and st.gaz.agent(k):
            st.agents[k] = st.gaz.agent(k)  # type: ignore[assignment]
    for _, p in st.gaz.posts_in(s):
        holder = st.holders.get(p.key)
        # a post of this council, resolved when the documents are merged (another council's
        # Director of Children's Services is not this one's)
        keys.add(holder or f"post:{p.key}@{st.gaz.council}")
    for name, k in st.people.items():
        if len(name) > 3 and name_at(s, name) >= 0:
            keys.add(k)
    return tuple(sorted(keys))


def _graded_key(key: str, year_hint: int | None, st: _State) -> str:
    """Grades belong to inspections: map another kind's key to the inspection of that year."""
    e = st.reg.entries.get(key)
    if e is None:
        return ""
    if e.kind.name in graded_kinds():
        return key
    inspection = kind_by_name("inspection")
    assert inspection is not None
    return st.reg.resolve(inspection, year_hint or e.year, None, None) if inspection else ""


def extract_document(doc: Document, seeds: Sequence[Assessment]) -> Extraction:
    """All records one document yields. Pure: depends only on ``doc`` and ``seeds``."""
    council = doc.council or _infer_council(doc.text)
    if council != doc.council:
        doc = replace(doc, council=council)
    gaz = gazetteer(council)
    reg = Registry(council)
    st = _State(doc, gaz, reg)
    for s in seeds:
        k = reg.add_seed(s)
        if s.key in doc.assessment_keys and k != s.key:
            doc = replace(
                doc, assessment_keys=tuple(k if x == s.key else x for x in doc.assessment_keys)
            )
    st.doc = doc
    blocks = segment(doc.text)
    heads = _detect(blocks, st)
    own = _own(blocks, st)
    reg.own = own
    st.referenced.update(k for k in doc.assessment_keys if k in reg.entries)
    st.referenced.add(own)
    st.referenced.update(heads.values())
    council_key = gaz.council_key
    st.agents[council_key] = Agent(council_key, "Organisation", f"{council or 'Local'} Council")
    _people(st)
    _walk(blocks, heads, st)
    return refine(_finish(st), own)


_AREAS_TO_IMPROVE = regexcache.compile(r"\bwhat needs to improve\b", re.I)


_RECOMMENDATIONS = regexcache.compile(r"^\W*recommendations?\W*$", re.I)
_STATEMENT = regexcache.compile(r"(?:the|this|these|those|it|its|there|they|their|a|an)\b", re.I)
_PARAGRAPH_NUMBER = regexcache.compile(r"(\d{1,3})\.\s+")
_FIRST_NUMBER = regexcache.compile(r"\d+")
# ("The Cabinet is asked to note this report": a council report's recommendation)
_RECOMMENDS = regexcache.compile(
    r"\b(?:should|must|needs?|needed|required|ought|recommend\w*|(?:asked|invited) to)\b", re.I
)


def _misplaced(b: Block, text: str) -> bool:
    """Is ``b``, a numbered paragraph under "Recommendations", a statement of findings? PDF
    text can put the heading of a report's recommendations pages after where it stands
    (Redbridge 2016: "Recommendations" at the foot of a page of the board's findings), and
    what follows it is no recommendation ("130. The board demonstrates a culture of …")."""
    if not _RECOMMENDATIONS.match(b.section):
        return False
    first = text[b.start : b.end].lstrip("*_ ")
    number = _PARAGRAPH_NUMBER.match(first)
    # (a paragraph's own number: "8.1" is paragraph 1 of section 8)
    marked = _FIRST_NUMBER.match(b.marker)
    digits = number.group(1) if number else marked.group() if marked else ""
    # (a report's own paragraph numbers run high by its recommendations pages; a list of
    # recommendations numbered from one is what its heading says)
    if not digits or int(digits) < 20:
        return False
    first = first[number.end() :] if number else first
    end = first.find(". ")
    first = first if end < 0 else first[: end + 1]
    return bool(_STATEMENT.match(first)) and not _RECOMMENDS.search(first)


def _walk(blocks: list[Block], heads: dict[int, str], st: _State) -> None:
    c = cues()
    text, reg, doc = st.doc.text, st.reg, st.doc
    stack: list[tuple[int, str, str, bool]] = []  # (level, key, prior, evaluative)
    lead: _Ctx | None = None
    void = False  # the heading above is out of place (see _misplaced)
    before = ""  # the section of the last statement before the latest heading
    own_voice = doc.doc_type in _OWN_VOICE
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            void = False
            key = heads.get(i, "")
            if not key:
                found = heading_assessment(b.section)
                if found and found[1] is None:
                    key = reg.resolve(found[0], None, None, doc.year)
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            stack.append(
                (
                    b.level,
                    key,
                    context_polarity(b.section),
                    bool(c.evaluative_context.search(b.section)),
                )
            )
            for h in grades_in_line(text, b.start, b.end):
                _judgement(h.domain, h.grade, key or reg.own, doc.year, b, h.start, h.end, st)
            lead = None
            _remember_names(b.section, st)  # "Inspection judgement about the LSCB"
            st.scope, st.scope_part = _scope(b.section, st)
            st.action_part = _action_part(b.section, st.action_part)
            continue
        void = void or _misplaced(b, text)
        if void:
            # its statements are quoted under the section they belong to
            b = replace(b, section=before)
        else:
            before = b.section
        # (under a heading out of place, the section is the one before it)
        here = stack[:-1] if void else stack
        sec_key = next((k for _, k, _, _ in reversed(here) if k), "") or reg.own
        sec_prior = next((p for _, _, p, _ in reversed(here) if p), "")
        sec_eval = here[-1][3] if here else False
        spans = None
        if b.kind == "table_row":
            graded = grades_in_line(text, b.start, b.end)
            for h in graded:
                _judgement(h.domain, h.grade, sec_key, doc.year, b, h.start, h.end, st)
            lead = None
            if graded:
                continue
            # a table of prose (a council report's risk register: the risk, what is done to
            # mitigate it): each cell's sentences, read as a paragraph's
            spans = [sp for a, e in cells(text, b.start, b.end) for sp in sentences(text, a, e)]
        is_item = b.kind in ("bullet", "numbered")
        has_digits = bool(_DIGIT.search(b.marker))
        if lead is not None and (not is_item or (lead.digits and has_digits)):
            lead = None
        # a table cell is judged by its own words, never by its section's leaning
        ctx = lead or (
            _Ctx(sec_key, "", False) if spans is not None else _Ctx(sec_key, sec_prior, sec_eval)
        )
        procedural = not void and bool(c.procedural_sections.search(b.section))
        heading = ctx.section or ("" if void else b.section)
        action_sec = bool(c.action_sections.search(heading)) or bool(ctx.acts)
        explains = bool(_AREAS_TO_IMPROVE.search(heading))
        table_hits = grades_in_line(text, b.start, b.end) or grades_in_lines(text, b.start, b.end)
        for h in table_hits:
            _judgement(h.domain, h.grade, ctx.key, doc.year, b, h.start, h.end, st)
        carry = ctx.key
        last_sentence = ""
        described = False  # a grade descriptor opened the block: the rest is standard text too
        if spans is None:
            spans = sentences(text, b.start, b.end)
        for n, (s0, s1) in enumerate(spans):
            s = text[s0:s1]
            last_sentence = s
            refs = _refs(s, reg, doc.year, _doc_date(doc))
            reporting = [k for _, k, rep in refs if rep]
            if own_voice and reporting and _STILL.search(s):
                # "This was identified in the 2018 inspection and remains a concern": found
                # again, by this inspection
                reporting = [reg.own]
            if own_voice and reporting:
                # "Personal advisers are unable to identify …; this issue was highlighted in the
                # 2018 inspection": what this inspection found, with a reminder after it
                brk = _AFTERTHOUGHT.search(s)
                if brk and all(a > brk.start() for a, _, rep in refs if rep):
                    reporting = []
            span = conceded(s) if reporting else None
            if span and all(a < span[1] for a, _, rep in refs if rep):
                # "Although improvements were seen by Ofsted in 2015, many of these issues are
                # again current concerns": the concession is 2015's; the sentence says now
                reporting = []
            key = reporting[0] if reporting else carry
            # an inspection's own report recalls an earlier one in passing ("…; this issue was
            # highlighted in the 2018 inspection"): the sentences after it are its own again
            if reporting and not (own_voice and reporting[0] != reg.own):
                carry = reporting[0]
            # a grade table flattened into lines is not prose: its rows were read above
            tabled = any(s0 <= h.start < s1 for h in table_hits)
            for h in [] if tabled else grades_in_sentence(text, s0, s1):
                before = [k for a, k, _ in refs if a < h.at]
                gk = before[-1] if before else key
                _judgement(h.domain, h.grade, gk, doc.year, b, h.start, h.end, st)
            display = clean(s)
            described = described or bool(c.grade_descriptor.search(display))
            # under "What needs to improve" an item's first sentence is the area to improve;
            # what follows in the item explains it ("Management oversight is not consistent.
            # Managers do not always evaluate …") and is an action only by its own words (under
            # "Recommendations" every sentence of an item recommends: "There are two key
            # strands to the support that is needed. Firstly, the council leadership needs …")
            first_only = explains or bool(ctx.acts)
            if is_action(
                display,
                action_sec and is_item and (n == 0 or not first_only),
                st.gaz.council,
                doc.doc_type == "commissioner report",
            ) or (st.action_part and is_item and is_recommended(display)):
                _action(display, s0, s1, b, action_sec, st, ctx.acts if is_item else "")
            # a grade table's heading run into its row ("… protection Key Judgement Judgement
            # Grade The experiences and progress of … Inadequate") is no statement; a row on its
            # own ("Adoption performance Requires improvement") is one, as the report's bullets
            # of its grades are
            row = is_grade_row(display) and bool(_TABLE_HEAD.search(display))
            # a risk register says what may happen ("… can result in drift in planning"): only
            # what its cells say is so is found, and a column's few words ("Need to recruit")
            # head it
            row = row or (
                b.kind == "table_row" and (len(display.split()) < 5 or is_conjecture(display))
            )
            if not procedural and not row and not described:
                explaining = explains and is_item and n > 0
                _finding(display, s0, s1, b, key, ctx, st, lead is not None, explaining)
            for fh in figures_in(s, s0):
                st.figures.append(
                    Figure(
                        fh.value,
                        fh.unit,
                        fh.measure,
                        fh.year or doc.year or 0,
                        _excerpt(doc, fh.start, fh.end, b.section),
                    )
                )
            _remember_names(s, st)
        if last_sentence.rstrip(" *").endswith(":"):
            para = clean(text[b.start : b.end])
            lead = _Ctx(
                carry,
                context_polarity(last_sentence) or ctx.prior,
                bool(c.evaluative_context.search(last_sentence)) or ctx.evaluative,
                has_digits,
                clean(last_sentence) if c.action_sections.search(last_sentence) else "",
                para if c.action_leads.search(para) else "",
            )


# nouns a document names an organisation by once it has named it in full: "The Improvement
# Board will meet monthly. … The Board will receive performance reports"
# (not "panel": a child death, fostering, adoption …; "trust": a children's services trust, "The
# trust should ensure …", of the organisations only, not a hospital's)
_RECENT_NOUNS = ("board", "partnership", "trust")
_ACRONYM_NOUNS = {"B": "board", "P": "partnership"}  # LSCB, MSCP
_NAMES_A_NOUN = regexcache.compile(r"(?i:board|partnership|trust)|\b[A-Z]{1,5}[BP]\b")
# a children's services trust is "the trust" wherever a sentence names it ("Significant progress
# has been made by the council and Slough Children's Services Trust"): a council has one, and
# no other trust is in the gazetteer; a board named further on may be an object the text does
# not go on about
_NAMED_ANYWHERE = ("trust",)


def _near_start(s: str, i: int) -> bool:
    # named further on, as an object ("The board's interface with … the corporate parenting
    # board"), it is not what the text goes on about
    return len(s[:i].split()) <= 6


# headings within a part of a report that do not end it: its recommendations and findings
_PART_HEADING = regexcache.compile(
    r"^\W*(?:recommendations?|areas? for (?:improvement|development)|what needs to improve"
    r"|inspection findings|key (?:strengths|findings)|summary|the review of)\b",
    re.I,
)
# a heading that opens a body's own part of an inspection report: "The Local Safeguarding
# Children Board (LSCB)", "Section 2: The effectiveness of the local safeguarding children
# board", "Review of the effectiveness of the LSCB" (not a sentence naming it on the way:
# "Ensure that the LSCB annual report …")
_OPENS_PART = regexcache.compile(
    r"^\W*(?:section \d+\W+)?(?:the\s+)?(?:(?:review|inspection|effectiveness)\s+of\s+the\s+)*"
    r"(?:local\s+safeguarding|LSCB\b|[A-Z]{1,4}SCB\b)",
    re.I,
)
# ... and the headings that end it: the local authority's own part, the grade areas of its
# judgements, and the report's closing parts ("What the inspection judgements mean",
# "Information about this inspection")
_ENDS_PART = regexcache.compile(
    r"\blocal authority\b|\bexperiences and progress\b|\bgraded judge?ment\b"
    r"|^\W*leadership,? management\b|^\W*overall effectiveness\b|\bjudgements? mean\b"
    r"|^\W*information about\b|^\W*summary for children\b",
    re.I,
)


# headings that end a list of recommendations run on under sub-headings: the next part of the
# report ("The local authority's strengths", "Summary for children and young people",
# "Information about this inspection", "Inspection judgements about …")
_ENDS_ACTIONS = regexcache.compile(
    r"\b(?:strengths?|summary|findings|information|judge?ments?|local authority|progress"
    r"|about|overall|experiences|inspection|effectiveness|contents|background|introduction"
    r"|context|methodology)\b",
    re.I,
)


# a 2013-18 report's "Priority and immediate action": its items that recommend (not the lines
# after it that the layout leaves under it: "The inspection did not find any areas for
# priority and immediate action", "The local authority has the following strengths: …")
_PRIORITY_ACTION = regexcache.compile(r"^\W*priority and immediate action", re.I)


def _action_part(heading: str, within: bool) -> bool:
    """Whether statements under ``heading`` are within a list of recommendations: the list's
    own heading ("Areas for improvement"), or a short topic heading within it ("Leadership,
    Management and Governance", "Help and protection") after one."""
    if cues().action_sections.search(heading) or _PRIORITY_ACTION.match(heading):
        return True
    return within and len(heading) <= 80 and not _ENDS_ACTIONS.search(heading)


def _scope(heading: str, st: _State) -> tuple[str, bool]:
    """Whom recommendations are addressed to under ``heading``, and whether its part runs on
    under sub-headings: a body addressed in its own right that the heading names (a
    safeguarding board); under any heading of that body's own part of a report (its
    "Recommendations", or "Understanding the quality of practice" within them), the body
    named before; else "" (the council)."""
    for _, key in st.gaz.orgs_in(heading):
        org = st.gaz.org(key)
        if org is not None and org.addressed:
            return key, bool(_OPENS_PART.match(heading)) or (st.scope_part and key == st.scope)
    if st.scope and st.scope_part and not _ENDS_PART.search(heading):
        return st.scope, True
    return (st.scope, st.scope_part) if _PART_HEADING.match(heading) else ("", False)


def _remember_names(s: str, st: _State) -> None:
    """Note the organisations ``s`` names near its start by the last word of their name
    (_RECENT_NOUNS), and a director's post as "the Director" ("The Director of People –
    Children and Adult Services introduced the report. … the Director confirmed that …")."""
    # (a name wrapped across a PDF's lines: "Slough Children's Services\nTrust")
    s = " ".join(s.split())
    at = s.find("Director")
    if at >= 0 and _near_start(s, at):
        for i, p in st.gaz.posts_in(s):
            if p.label.startswith("Director") and _near_start(s, i):
                st.recent["director"] = st.holders.get(p.key, p.agent_key)
    found = _NAMES_A_NOUN.search(s)
    if found is None:
        return
    anywhere = any(n in s.lower() for n in _NAMED_ANYWHERE)
    if not anywhere and not _near_start(s, found.start()):
        return  # (a name ends in its noun: none ends near the start)
    for i, end, key in st.gaz.org_spans(s):
        near = _near_start(s, i)
        if not near and not anywhere:
            continue
        # the noun as named here, not the label's: "the LSCB" (now a partnership) is "the
        # Board" in the reports of its time
        name = s[i:end].split()
        noun = _ACRONYM_NOUNS.get(name[-1][-1], "") if name[-1].isupper() else name[-1].lower()
        if noun in _RECENT_NOUNS and (near or noun in _NAMED_ANYWHERE):
            st.recent[noun] = key


def _doc_date(doc: Document) -> tuple[int, int] | None:
    m = _YEAR_MONTH.match(doc.date)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _judgement(
    domain: str, grade: str, key: str, year: int | None, b: Block, s: int, e: int, st: _State
) -> None:
    gk = _graded_key(key or st.reg.own, None, st)
    if not gk:
        return
    st.referenced.add(gk)
    st.judgements.append(Judgement(gk, domain, grade, _excerpt(st.doc, s, e, b.section)))


_NAMED_FINDINGS = regexcache.compile(
    r"\b(?:areas?|deficits?|weakness(?:es)?|issues?|concerns?|recommendations?|priorities|"
    r"shortfalls?|shortcomings?|improvements?|failings?|actions?)"
    r"(?: for (?:improvement|development|priority action|action))?"
    r"(?: (?:that|which) (?:were|was|had been))?\s+$",
    re.I,
)
_WHEN_CLAUSE = regexcache.compile(r"(?:when|where|at which)\b", re.I)
_NEGATED_GRADE = regexcache.compile(r"\b(?:no|not|none|never|neither|nor)\b", re.I)
# from the assessment's mention to its "when": "the last inspection in September 2016, when"
_WHEN_REACH = 60
# the reports in which an inspection speaks for itself (not a commissioner's report, which also
# sets out in turn what earlier assessments found)
_OWN_VOICE = ASSESSMENT_REPORT_TYPES - {"commissioner report"}
_STILL = regexcache.compile(
    r"\b(?:remains?|continues? to|persists?|not (?:yet )?(?:been )?(?:addressed|resolved))\b",
    re.I,
)
# a clause added after what a sentence finds: "…; this issue was highlighted in …", "…, which
# was also identified at …", "…, as was found at …"
_AFTERTHOUGHT = regexcache.compile(r"(?<=\w)(?:;|,\s+(?:which|as)\b)", re.I)
_TABLE_HEAD = regexcache.compile(r"\b(?:key|inspection) judgements?\b|\bjudgement grade\b", re.I)


def _finding(
    display: str,
    s0: int,
    s1: int,
    b: Block,
    key: str,
    ctx: _Ctx,
    st: _State,
    in_lead: bool,
    explaining: bool = False,
) -> None:
    """A finding for sentence ``display`` if it judges; ``explaining``: a later sentence of
    an item under "What needs to improve", read as a sentence, not as the item."""
    c = cues()
    words = display.split()
    if len(words) < 3 or len(display) > _MAX_FINDING or display.endswith("?"):
        return
    letters = _NOT_LETTER.sub("", display)
    if letters.isupper():
        return  # a title in capitals
    if b.kind == "paragraph" and display[-1] not in ".!?;:)'\"’”" and len(words) < 12:
        return  # a caption, a name and title, an address line: no statement
    if c.procedural.search(display) or display.endswith(":"):
        return
    weak, strong = score(display)
    if not (weak or strong) and is_intent(display):
        return  # "Improved auditing will assist with this": intent, no judgement
    if not (weak or strong or ctx.evaluative):
        return
    if in_lead and not ctx.evaluative and not ctx.prior and weak + strong < 1:
        return  # an item of a descriptive list ("decisions are made about: ...")
    if not (weak or strong) and len(words) < 4:
        return
    e = st.reg.entries.get(key) or st.reg.entries[st.reg.own]
    st.referenced.add(e.key)
    leaning = polarity(display, ctx.prior, item=not explaining and (in_lead or b.kind == "bullet"))
    before = st.last[1] if st.last[0] == b.start else ""
    if not (weak or strong) and leaning == "Neutral":
        # "This means that some children wait": as the sentence before it in its paragraph
        leaning = consequence(display, before) or leaning
    # "This includes children in need and care leavers": as the sentence it elaborates, when
    # it has no cue word of its own (rather than as its section leans)
    if not (weak or strong):
        leaning = elaborates(display, before) or leaning
    st.last = (b.start, leaning)
    st.findings.append(
        Finding(
            text=display,
            assessment=e.key,
            year=e.year,
            polarity=leaning,
            excerpts=(_excerpt(st.doc, s0, s1, b.section, b.start),),
            involves=_involves(display, st),
        )
    )
    _turned(s0, s1, leaning, b, e.key, e.year, st)
    _earlier(s0, s1, b, e.key, st)


# what an earlier grade says of the services then
_GRADE_LEANING = {
    "Outstanding": "Strength",
    "Good": "Strength",
    "Requires improvement to be good": "Weakness",
    "Inadequate": "Weakness",
    "Adequate": "Neutral",
}
_NOT_WORDS = regexcache.compile(r"[\W_]*")


def _earlier(s0: int, s1: int, b: Block, key: str, st: _State) -> None:
    """A sentence that dates what it finds against an earlier assessment's grade ("Services
    … have substantially improved since the inspection in 2019, when they were judged to be
    inadequate") says two things: what it finds now, and the grade that assessment gave,
    which is that assessment's finding, of its year, with the clause as its excerpt."""
    raw = st.doc.text[s0:s1]
    for m in cues().earlier_judgement.finditer(raw):
        a = _NOT_WORDS.match(raw, m.start()).end()  # type: ignore[union-attr]
        z = a + len(raw[a : m.end()].rstrip(" \t\r\n,;:."))
        if z <= a or not _WHEN_CLAUSE.match(raw, a):
            continue  # (", which judged …" reports what was done since, not the grade then)
        clause = clean(raw[a:z])  # (a grade wrapped across a PDF's lines: "requires\nimprovement")
        hits = grades_in_sentence(clause, 0, len(clause))
        # (not "when no areas were judged to be inadequate"; not a clause that names an
        # assessment itself: "where decisions were judged to be good during this inspection")
        if not hits or _NEGATED_GRADE.search(clause) or _ASSESSOR.search(clause):
            continue
        if any(True for _ in find_kinds(clause)):
            continue
        # the assessment the clause's "when" refers to: the one named just before it, of a
        # kind that grades (a focused visit awards none)
        refs = _refs(raw[:a], st.reg, st.doc.year, _doc_date(st.doc))
        if not refs or refs[-1][1] == key or a - refs[-1][0] > _WHEN_REACH:
            continue
        e = st.reg.entries.get(refs[-1][1])
        if e is None or e.year is None or e.kind.name not in graded_kinds():
            continue
        st.referenced.add(e.key)
        st.findings.append(
            Finding(
                text=clause,
                assessment=e.key,
                year=e.year,
                polarity=_GRADE_LEANING.get(hits[0].grade, "Neutral"),
                excerpts=(_excerpt(st.doc, s0 + a, s0 + z, b.section, b.start),),
                involves=_involves(clause, st),
            )
        )


def _turned(s0: int, s1: int, leaning: str, b: Block, key: str, year: int, st: _State) -> None:
    """A sentence that sets a strength against a weakness ("Although there has been a recent
    improvement in the timeliness of assessments, there is considerable variability in their
    quality") is one finding, with the leaning of the whole; the clause that leans the other
    way by its own words is a finding too, with its own excerpt, so that neither is lost."""
    text, doc = st.doc.text, st.doc
    raw = text[s0:s1]
    for a, z in contrast(raw):
        clause = clean(raw[a:z])
        if is_supposed(clause):
            continue  # "a more robust system … would reduce the need for such challenge"
        weak, strong = score(clause)
        own = "Weakness" if weak and not strong else "Strength" if strong and not weak else ""
        if own and own != leaning:
            # a clause that names the assessment it reports is that assessment's ("improvements
            # and progress were seen by Ofsted in 2015")
            named = [k for _, k, rep in _refs(raw[a:z], st.reg, doc.year, _doc_date(doc)) if rep]
            e = st.reg.entries.get(named[0]) if named else None
            st.findings.append(
                Finding(
                    text=clause,
                    assessment=e.key if e else key,
                    year=e.year if e else year,
                    polarity=own,
                    excerpts=(_excerpt(st.doc, s0 + a, s0 + z, b.section, b.start),),
                    involves=_involves(clause, st),
                )
            )


def _action(
    display: str, s0: int, s1: int, b: Block, action_sec: bool, st: _State, lead: str = ""
) -> None:
    gaz = st.gaz
    speaker = _speaker(st)

    def who_in(sentence: str, default: str) -> str:
        return responsible(
            sentence, gaz, st.people, st.holders, default, speaker=speaker, recent=st.recent
        )

    # an item with no agent of its own is its lead-in's ("The Direction appointed me as
    # Commissioner, requiring me:" → "To report to the Minister … by 1 December 2019.")
    # (or, in a board's part of a report, the board's: "Ensure that the annual report …")
    base = st.scope or gaz.council_key
    default = who_in(lead, base) if lead else base
    who = who_in(display, default)
    if who == default and _PRONOUN_SUBJECT.match(display):
        # "In addition, they intend holding a wider partnership leadership event": whoever the
        # sentence before names ("The partnership will over-see the work of …")
        span = antecedent(st.doc.text, s0, person=True)
        if span is not None:
            # within its item: a list's items run on without a blank line between them
            before = st.doc.text[span[0] : span[1]]
            items = list(_ITEM_START.finditer(before))
            who = who_in(clean(before[items[-1].end() :] if items else before), default)
    if not _known_agent(who, st):
        who = gaz.council_key
    # the others named with it as the subject: "The council and the trust should ensure …"
    also = [k for k in jointly(display, gaz, st.holders, who, st.recent) if _known_agent(k, st)]
    st.actions.append(
        Action(
            display,
            who,
            st.doc.year or 0,
            _excerpt(st.doc, s0, s1, b.section, b.start),
            due_date(display),
            jointly=tuple(also),
        )
    )


def _known_agent(key: str, st: _State) -> bool:
    """Whether ``key`` is an agent of the record or the gazetteer, noting it (and a post's
    organisation: "Director of People, Medway Council") among the document's agents."""
    agent = st.agents.get(key) or st.gaz.agent(key)
    if agent is None:
        return False
    if key not in st.agents:
        st.agents[key] = agent
        if agent.organisation and agent.organisation not in st.agents:
            st.agents[agent.organisation] = st.gaz.agent(agent.organisation)  # type: ignore[assignment]
    return True


# a personal pronoun as the subject, perhaps after an opening phrase ("In addition, they
# intend …"); not the placeholder "It is intended that …"
# (after an opening phrase: "Given the relative inexperience of the lead member, he needs to")
_PRONOUN_SUBJECT = regexcache.compile(
    r"^\W*(?:[A-Za-z][^,;:.\n]{0,80},\s*)?(?:they|he|she|it(?! (?:is|was|has been)\b))\b", re.I
)


# where a list item starts: a line opening with a bullet or a number ("- ", "3. ", "b) ")
_ITEM_START = regexcache.compile(r"\n[ \t]*(?:[-•◼·*▪]|\(?\w{1,3}[.)])[ \t]+")


def _speaker(st: _State) -> str | None:
    """Who "I" is: in a commissioner's report, the commissioner (in that office: "I recommend
    a further review after 6 months")."""
    if st.doc.doc_type != "commissioner report":
        return None
    post = next((p for p in st.gaz.posts if p.key == "commissioner"), None)
    return post.agent_key if post else None


def _finish(st: _State) -> Extraction:
    reg, doc = st.reg, st.doc
    # seeds only where this document reports them; what it detected itself, always
    assessments = [
        a for a in reg.records(doc) if a.key in st.referenced or not reg.entries[a.key].seed
    ]
    for a in assessments:
        if a.conducted_by and a.conducted_by not in st.agents:
            st.agents[a.conducted_by] = _conductor_agent(a.conducted_by, st.gaz)
    # nobody named: a review the council commissioned is the council's own
    assessments = [
        replace(
            a, conducted_by=st.agents[a.conducted_by].key if a.conducted_by else st.gaz.council_key
        )
        for a in assessments
    ]
    return _sorted(
        Extraction(
            documents=(doc,),
            assessments=tuple(assessments),
            judgements=tuple(st.judgements),
            findings=tuple(st.findings),
            agents=tuple(st.agents.values()),
            roles=tuple(st.roles),
            actions=tuple(st.actions),
            # a number a document states twice (in its summary and its body) is one figure
            figures=tuple(distinct_figures(st.figures)),
        )
    )


def _conductor_agent(name_or_key: str, gaz: Gazetteer) -> Agent:
    """An agent for a conductor given by key ("ofsted") or name ("Eleanor Brazil")."""
    key = slugify(name_or_key)
    a = gaz.agent(key)
    if a:
        return a
    for o in gaz.orgs:
        if o.pattern.fullmatch(name_or_key) or o.label.lower() == name_or_key.lower():
            return Agent(o.key, "Organisation", o.label)
    words = name_or_key.split()
    looks_personal = (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(
            w in ("Council", "Ltd", "Limited", "Group", "Board", "Association") for w in words
        )
    )
    return Agent(key, "Person" if looks_personal else "Organisation", name_or_key)


# ---------------------------------------------------------------- merge


def _ex_key(x: Excerpt) -> tuple:
    return (x.doc_id, x.start, x.end)


def _sorted(x: Extraction, norm: Callable[[str], str] = normalise) -> Extraction:
    return Extraction(
        documents=tuple(sorted(x.documents, key=lambda d: d.id)),
        assessments=tuple(sorted(x.assessments, key=lambda a: a.key)),
        judgements=tuple(
            sorted(x.judgements, key=lambda j: (j.assessment, j.domain, _ex_key(j.excerpt)))
        ),
        findings=tuple(
            sorted(
                x.findings,
                key=lambda f: (f.assessment, norm(f.text), [_ex_key(e) for e in f.excerpts]),
            )
        ),
        agents=tuple(sorted(x.agents, key=lambda a: a.key)),
        roles=tuple(
            sorted(
                x.roles, key=lambda r: (r.agent, r.role, r.organisation, r.year, _ex_key(r.excerpt))
            )
        ),
        actions=tuple(sorted(x.actions, key=lambda a: (_ex_key(a.excerpt), a.text, a.responsible))),
        figures=tuple(sorted(x.figures, key=lambda f: (_ex_key(f.excerpt), f.unit, f.value))),
        warnings=tuple(sorted(set(x.warnings))),
    )


# Words that carry no content for comparing restatements: articles, prepositions, auxiliaries.
# Negation ("not", "no") carries content and is kept.
_FUNCTION_WORDS = frozenset(
    "a an the of and or to in into for on at by with from as that this these those it its there"
    " their they them which who whom whose when where while also both either so than then"
    " am is are was were be been being has have had do does did will would shall can could"
    " may might".split()
)
_NEGATIONS = frozenset({"not", "no", "never", "nor", "without", "neither"})
_RESTATED_OVERLAP = 0.85  # Jaccard overlap of content-word sets
_RESTATED_MIN_WORDS = 5  # a contained statement must say at least this much
_RESTATED_MIN_SHARE = 0.5  # ... and be at least this share of the statement containing it


@lru_cache(maxsize=1 << 16)
def _stem(w: str) -> str:
    """A word with a regular ending folded, so "receive" and "received" compare equal."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=1 << 16)
def content_words(s: str) -> tuple[str, ...]:
    """The content words of ``s`` in order: lower case, function words dropped, endings folded."""
    words = re.findall(r"[a-z0-9]+", normalise(s).replace("'", " "))
    return tuple(
        _stem(w) for w in words if w not in _FUNCTION_WORDS and (len(w) > 1 or w.isdigit())
    )


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def restated(a: str, b: str) -> bool:
    """Is one statement a restatement of the other, as a report restates an inspection's words?

    True when one's content words, in order, lie within the other's ("... improved since the
    inspection in 2019" within "... improved since the inspection in 2019, when they were judged
    to be inadequate"), or when the two sets of content words largely coincide.
    """
    x, y = content_words(a), content_words(b)
    return _restated(x, set(x), y, set(y))


def _restated(x: tuple[str, ...], sx: set[str], y: tuple[str, ...], sy: set[str]) -> bool:
    """:func:`restated` on content words already computed (``sx``, ``sy``: their sets)."""
    if not x or not y or _NEGATIONS & sx != _NEGATIONS & sy:
        return False  # "is effective" and "is not effective" share every other word
    common = len(sx & sy)
    if common >= _RESTATED_OVERLAP * len(sx | sy):
        return True
    (short, s_short), (long, s_long) = sorted(((x, sx), (y, sy)), key=lambda t: len(t[0]))
    return (
        len(short) >= _RESTATED_MIN_WORDS
        and len(short) >= _RESTATED_MIN_SHARE * len(long)
        and common == len(s_short)  # every word of the shorter one is in the longer
        and _subsequence(short, long)
    )


def _primary_key(f: Finding, docs: dict[str, Document]) -> tuple:
    """Which of a finding's statements speaks for it: an assessment's own report before a
    report restating it, then the fullest wording, then the earliest excerpt."""
    doc = docs.get(f.excerpts[0].doc_id)
    restating = doc is None or doc.doc_type not in ASSESSMENT_REPORT_TYPES
    return (restating, -len(content_words(f.text)), [_ex_key(e) for e in f.excerpts])


def _overlap_prefix(n: int) -> int:
    """Among how many of its first words a set of ``n`` words shares one with any set it
    restates by overlap, when every set's words are in one order.

    :func:`_restated`'s overlap test, ``common >= _RESTATED_OVERLAP * len(union)``, implies
    ``common >= ceil(_RESTATED_OVERLAP * n)`` (the union has at least ``n`` words, and the
    float product does not shrink as it grows). All shared words but the first come after it,
    so the first lies among the first ``n - common + 1``, at most ``n - ceil(...) + 1``.
    """
    return n - math.ceil(_RESTATED_OVERLAP * n) + 1


def _restatement_groups(groups: list[list[Finding]]) -> list[list[Finding]]:
    """Join groups of one assessment whose findings restate each other across documents.

    Two groups are joined when they come from different documents, have the same polarity and
    :func:`restated` holds; joins are transitive. The result does not depend on input order.

    Not every pair of an assessment's groups is compared, only those that could restate each
    other: the same assessment, polarity and negation words, and, with each one's words put
    rarest first, either a word in common among the first :func:`_overlap_prefix` of each (as
    any two overlapping enough have) or the rarest word of one, long enough to be contained,
    among the other's words (as any statement containing it has).
    """
    words = [content_words(g[0].text) for g in groups]
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple, list[int]] = {}
    for i, g in enumerate(groups):
        if words[i]:  # no content words: never restated
            pol = (g[0].polarity or "") if len(g) == 1 else _pick([f.polarity for f in g])
            negations = _NEGATIONS.intersection(words[i])
            key = (g[0].assessment, pol, tuple(sorted(negations)) if negations else ())
            buckets.setdefault(key, []).append(i)
    for idx in buckets.values():
        if len(idx) < 2:
            continue
        docs = {i: {e.doc_id for f in groups[i] for e in f.excerpts} for i in idx}
        if len(set().union(*docs.values())) < 2:
            continue  # all from one document
        sets = {i: set(words[i]) for i in idx}
        # one order of the bucket's words, rarest first (any total order would be correct)
        freq = Counter(chain.from_iterable(sets.values()))
        rank = {w: n for n, (w, _) in enumerate(sorted(freq.items(), key=itemgetter(1)))}
        order = {i: sorted(sets[i], key=rank.__getitem__) for i in idx}
        by_rarest: dict[str, list[int]] = {}  # rarest word -> groups long enough to be contained
        for i in idx:
            if len(words[i]) >= _RESTATED_MIN_WORDS:
                by_rarest.setdefault(order[i][0], []).append(i)
        rarest = set(by_rarest)
        by_prefix: dict[str, list[int]] = {}  # word -> earlier groups with it in their prefix
        for i in idx:  # ascending: an overlapping pair is met when its later group is reached
            prefix = order[i][: _overlap_prefix(len(order[i]))]
            cands = {j for w in prefix for j in by_prefix.get(w, ())}
            for w in prefix:
                by_prefix.setdefault(w, []).append(i)
            for w in sets[i] & rarest:  # groups that may lie within i, earlier or later
                cands.update(by_rarest[w])
            cands.discard(i)
            for j in sorted(cands) if cands else ():
                if root(i) == root(j) or docs[i] & docs[j]:
                    continue
                lo, hi = min(i, j), max(i, j)
                if _restated(words[lo], sets[lo], words[hi], sets[hi]):
                    parent[root(j)] = root(i)
    joined: dict[int, list[Finding]] = {}
    for i, g in enumerate(groups):
        joined.setdefault(root(i), []).extend(g)
    return list(joined.values())


def _pick(values: list[str]) -> str:
    """The most common non-empty value; ties broken alphabetically, so the result is stable."""
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    best = max(counts.values())
    return min(v for v, n in counts.items() if n == best)


def merge(parts: Sequence[Extraction]) -> Extraction:
    """Join per-document extractions; the result does not depend on the order of ``parts``."""
    docs = {d.id: d for p in parts for d in p.documents}
    normal: dict[str, str] = {}  # each finding's text is compared twice: normalised once

    def norm(text: str) -> str:
        got = normal.get(text)
        if got is None:
            got = normal[text] = normalise(text)
        return got

    # assessments
    by_key: dict[str, list[Assessment]] = {}
    for p in parts:
        for a in p.assessments:
            by_key.setdefault(a.key, []).append(a)
    assessments = []
    for key, group in by_key.items():
        starts = sorted(a.start_date for a in group if a.start_date)
        ends = sorted(a.end_date for a in group if a.end_date)
        assessments.append(
            Assessment(
                key=key,
                label=_pick([a.label for a in group]),
                kind=_pick([a.kind for a in group]),
                year=int(_pick([str(a.year) for a in group]) or 0),
                conducted_by=_pick([a.conducted_by for a in group]),
                local_authority=_pick([a.local_authority for a in group]),
                start_date=starts[0] if starts else None,
                end_date=ends[-1] if ends else None,
                reported_in=tuple(sorted({d for a in group for d in a.reported_in})),
                excerpts=tuple(sorted({x for a in group for x in a.excerpts}, key=_ex_key)),
            )
        )
    # agents
    agents_by: dict[str, list[Agent]] = {}
    for p in parts:
        for ag in p.agents:
            agents_by.setdefault(ag.key, []).append(ag)
    agents = {
        k: Agent(
            k,
            _pick([a.kind for a in g]),
            _pick([a.label for a in g]),
            _pick([a.organisation for a in g]),
            _pick([a.role for a in g]),
        )
        for k, g in agents_by.items()
    }
    # roles, and who held each post in each year
    roles = sorted(
        {(r.agent, r.role, r.organisation, r.year): r for p in parts for r in p.roles}.values(),
        key=lambda r: (r.agent, r.role, r.organisation, r.year),
    )
    roles_min: dict[tuple, RoleAssignment] = {}
    for p in parts:
        for r in p.roles:
            k = (r.agent, r.role, r.organisation, r.year)
            if k not in roles_min or _ex_key(r.excerpt) < _ex_key(roles_min[k].excerpt):
                roles_min[k] = r
    roles = list(roles_min.values())
    # who held each post (by its title's slug) of each council (of the document saying so)
    held: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for r in roles:
        council = docs[r.excerpt.doc_id].council if r.excerpt.doc_id in docs else ""
        held.setdefault((slugify(r.role), council), []).append((r.year, r.agent))

    def resolve(keys: tuple[str, ...], year: int) -> tuple[str, ...]:
        out = set()
        for k in keys:
            if not k.startswith("post:"):
                out.add(k)
                continue
            post, _, council = k[5:].partition("@")
            cands = sorted(
                (y, a) for y, a in held.get((post, council), []) if y <= year and year - y <= 2
            )
            if cands:
                out.add(cands[-1][1])
        return tuple(sorted(out))

    # findings
    fgroups: dict[tuple[str, str], list[Finding]] = {}
    for p in parts:
        for f in p.findings:
            fgroups.setdefault((f.assessment, norm(f.text)), []).append(f)
    # restatements: a report's near-verbatim copy of an inspection's sentence is that finding
    exact = [
        sorted(g, key=lambda f: [_ex_key(e) for e in f.excerpts])
        for _, g in sorted(fgroups.items())
    ]
    findings = []
    for group in _restatement_groups(exact):
        if len(group) > 1:  # (most are one statement: its sort key is not worth computing)
            group.sort(key=lambda f: _primary_key(f, docs))
        first = group[0]
        if len(group) == 1 and len(first.excerpts) == 1:
            excerpts = first.excerpts
        else:
            excerpts = tuple(sorted({e for f in group for e in f.excerpts}, key=_ex_key))
        involves = resolve(tuple({k for f in group for k in f.involves}), first.year)
        findings.append(
            Finding(
                first.text,
                first.assessment,
                first.year,
                _pick([f.polarity for f in group]) if len(group) > 1 else first.polarity,
                excerpts,
                involves,
            )
        )
    # judgements: one per (assessment, area)
    jgroups: dict[tuple[str, str], list[Judgement]] = {}
    for p in parts:
        for j in p.judgements:
            jgroups.setdefault((j.assessment, j.domain), []).append(j)
    judgements = []
    for group in jgroups.values():
        grade = _pick([j.grade for j in group])
        judgements.append(
            min((j for j in group if j.grade == grade), key=lambda j: _ex_key(j.excerpt))
        )
    # actions and figures
    actions = {}
    for p in parts:
        for a in p.actions:
            k = (normalise(a.text), a.responsible)
            if k not in actions or _ex_key(a.excerpt) < _ex_key(actions[k].excerpt):
                actions[k] = a
    figures = {
        (f.excerpt.doc_id, f.excerpt.start, f.excerpt.end, f.unit): f
        for p in parts
        for f in p.figures
    }
    # every agent a record points to must exist
    used = {a.conducted_by for a in assessments} | {a.responsible for a in actions.values()}
    used |= {k for a in actions.values() for k in a.jointly}
    used |= {k for f in findings for k in f.involves} | {r.agent for r in roles}
    used |= {r.organisation for r in roles}
    agents = {k: v for k, v in agents.items() if k in used or v.kind == "Organisation"}
    return _sorted(
        Extraction(
            documents=tuple(docs.values()),
            assessments=tuple(assessments),
            judgements=tuple(judgements),
            findings=tuple(findings),
            agents=tuple(agents.values()),
            roles=tuple(roles),
            actions=tuple(actions.values()),
            figures=tuple(figures.values()),
            warnings=tuple(w for p in parts for w in p.warnings),
        ),
        norm,
    )
