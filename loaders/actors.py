"""People, posts and organisations: a YAML gazetteer plus "Name, Title" patterns in the text.

Nothing about one council is written here: "{council}" in the gazetteer becomes the council
the document is about, and people come only from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from cskg import yamlio
from cskg.loaders import regexcache
from cskg.loaders.patterns import Prefilter, literal_parts, lowered

from .assessments import slugify
from .records import Agent

__all__ = ["Gazetteer", "PersonMention", "PostEntry", "find_people", "gazetteer"]

_DATA = Path(__file__).with_name("actors.yaml")


@dataclass(frozen=True)
class OrgEntry:
    key: str
    label: str
    pattern: re.Pattern[str]
    # a body Ofsted addresses recommendations to in its own right (a safeguarding board): a
    # recommendation that names it is its own
    addressed: bool = False


@dataclass(frozen=True)
class PostEntry:
    key: str
    label: str
    org: str
    pattern: re.Pattern[str]
    # the post as an agent, where a document does not say who holds it: "Director of People,
    # Medway Council"; unique to the council wherever the post is
    agent_label: str = ""
    # the post's earlier titles, each with the day it ended (ISO): (("2022-09-08", "Her
    # Majesty's Inspector"),)
    earlier: tuple[tuple[str, str], ...] = ()

    def title_on(self, date: str, written: str = "") -> str:
        """The post's title in a document of ``date`` (YYYY, YYYY-MM or YYYY-MM-DD): one the
        text spells out (``written``) as it is written, else the one in use on that date."""
        said = written.replace("’", "'").lower()
        for _, label in self.earlier:
            if label.lower() in said:
                return label
        if self.label.lower() in said:
            return self.label
        # a date that stops short of the day counts as before it: "2022" is before "2022-09-08"
        return next((label for until, label in self.earlier if date and date < until), self.label)

    @property
    def agent_key(self) -> str:
        return f"post:{slugify(self.agent_label)}"


@dataclass(frozen=True)
class Gazetteer:
    """Organisations and posts for one council."""

    council: str
    orgs: tuple[OrgEntry, ...]
    posts: tuple[PostEntry, ...]
    title_words: re.Pattern[str]
    # titles of people who act for no organisation of the record ("Consultant")
    independent: re.Pattern[str] = re.compile(r"(?!)")

    @property
    def council_key(self) -> str:
        return f"{slugify(self.council) or 'council'}-council"

    def org(self, key: str) -> OrgEntry | None:
        return next((o for o in self.orgs if o.key == key), None)

    def agent(self, key: str) -> Agent | None:
        """The organisation, or (key "post:…") the post, as an agent."""
        if key.startswith("post:"):
            p = next((p for p in self.posts if p.agent_key == key), None)
            return Agent(key, "Post", p.agent_label, p.org, p.label) if p else None
        o = self.org(key)
        return Agent(o.key, "Organisation", o.label) if o else None

    @cached_property
    def _org_filter(self) -> Prefilter:
        return Prefilter([o.pattern for o in self.orgs], literal_parts)

    @cached_property
    def _post_filter(self) -> Prefilter:
        return Prefilter([p.pattern for p in self.posts], literal_parts)

    def orgs_in(self, s: str) -> list[tuple[int, str]]:
        """(position, org key) of each organisation named in ``s``."""
        out = []
        for i in self._org_filter.candidates(lowered(s)):
            o = self.orgs[i]
            m = o.pattern.search(s)
            if m:
                out.append((m.start(), o.key))
        return sorted(out)

    def org_spans(self, s: str) -> list[tuple[int, int, str]]:
        """(start, end, org key) of each organisation named in ``s``, as :meth:`orgs_in`
        finds them; an organisation may have several entries (its name, and what it is
        called): the longest match there."""
        out = []
        for i, key in self.orgs_in(s):
            ends = [m.end() for o in self.orgs if o.key == key and (m := o.pattern.match(s, i))]
            if ends:
                out.append((i, max(ends), key))
        return out

    def posts_in(self, s: str) -> list[tuple[int, PostEntry]]:
        """(position, post) of each post named in ``s``; a longer post hides one inside it."""
        found: list[tuple[int, int, PostEntry]] = []
        for i in self._post_filter.candidates(lowered(s)):
            p = self.posts[i]
            for m in p.pattern.finditer(s):
                if any(m.start() >= a and m.end() <= b for a, b, _ in found):
                    continue
                found.append((m.start(), m.end(), p))
                break
        return sorted(((a, p) for a, _, p in found), key=lambda t: t[0])


@lru_cache(maxsize=64)
def gazetteer(council: str) -> Gazetteer:
    """The gazetteer with "{council}" filled in."""
    d = yamlio.safe_load(_DATA.read_text(encoding="utf-8"))
    slug = slugify(council) or "council"
    name = council or "Local authority"

    def fill(s: str) -> str:
        return s.replace("{council}-", f"{slug}-").replace("{council}", name)

    orgs = tuple(
        OrgEntry(
            fill(o["key"]),
            fill(o["label"]),
            re.compile("|".join(o["aliases"])),
            bool(o.get("addressed")),
        )
        for o in d["organisations"]
    )
    council_named = (
        OrgEntry(
            f"{slug}-council", f"{name} Council", re.compile(rf"\b{re.escape(name)} Council\b")
        )
        if council
        else None
    )
    if council_named:
        orgs = (council_named, *orgs)
    org_labels = {o.key: o.label for o in orgs}

    def post(p: dict) -> PostEntry:
        org = fill(p["org"])
        shown = p.get("agent", "{label}, {org}")
        shown = fill(shown.replace("{label}", p["label"]).replace("{org}", org_labels[org]))
        earlier = tuple((str(e["until"]), e["label"]) for e in p.get("earlier", ()))
        return PostEntry(
            p["key"], p["label"], org, re.compile("|".join(p["aliases"])), shown, earlier
        )

    posts = tuple(post(p) for p in d["posts"])
    return Gazetteer(
        council, orgs, posts, re.compile(d["title_words"]), re.compile(d["independent_titles"])
    )


@dataclass(frozen=True)
class PersonMention:
    """A named person with the title the text gives them, and where."""

    name: str
    title: str
    start: int
    end: int
    intro: str = ""
    team: bool = False  # named in a report's inspection team ("Team inspectors: …"): Ofsted's


# "O’Neill", "McEntee", "MacDonald", "D’Souza", "Thomson-Jones"
_NAME_WORD = r"(?:Mc|Mac|O[’']|D[’'])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
# honours and degrees after a name on its own line: "Saleem Tariq OBE"
_POSTNOMINALS = r"(?:,?[ \t]+(?:OBE|MBE|CBE|DBE|KBE|QPM|DL|JP|MBA|PhD|MSc|MA|BA))*"
_HONORIFIC = r"(?:(?:Dr|Councillor|Cllr|Mr|Mrs|Ms|Miss|Professor|Prof)\.?\s+)"
_NAME = rf"{_HONORIFIC}?(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})"
_NOT_NAME = regexcache.compile(
    r"\b(?:Council|Services?|Children|Ofsted|Board|Committee|Report|The|Social|Care|Director|"
    r"Head|Chief|Medway|Local|Authority|Portfolio|Holder|Inspector|Inspection|Department|"
    r"Education|Improvement|Majesty|Lead|Assistant|Deputy|Principal|Commissioner|Minister|"
    r"Executive|Her|His|Dear|Yours|Area|Team|Partnership|Group|Adults?|Health|Police|Review|"
    r"Independent|Chair)\b"
)
# a title line that cannot end there: "Director of", "Her Majesty’s" (wrapped before "Inspector")
_CONNECTOR_END = regexcache.compile(
    r"(?:\b(?:and|of|for|the|to|in|Chief|Deputy|His|Her)|[&–-]|\w[’']s)\s*$"
)


def _title_end(text: str, start: int) -> int:
    """Where a job title that starts at ``start`` ends: end of line, or its wrapped tail."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while True:
        line = text[start:end]
        nxt_start = end + 1
        if nxt_start >= len(text):
            break
        nxt_end = text.find("\n", nxt_start)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        nxt = text[nxt_start:nxt_end].strip()
        joined = _CONNECTOR_END.search(line.rstrip(" *"))  # "Director of", "Her" + "Majesty’s"
        if not nxt or ":" in nxt or (len(nxt) > 60 and not joined):
            break
        if joined or nxt[0].islower() or nxt[0] == "(":
            end = nxt_end
            start = nxt_start
            continue
        break
    return end


def _clean_title(s: str) -> str:
    s = re.sub(r"\*+", "", s)
    s = re.split(r"\s+(?:on|T|E|Tel)\s*[:\s]\s*\d|\s+on\s+Telephone|\s*\(|\[|\s+E:|\s+T:", s)[0]
    s = re.sub(r"\s+", " ", s).strip(" ,.;:")
    return s


# An Ofsted report's inspection team, one role a line, its names in a list that may wrap:
# "Team inspectors: Anne Waterman, Nigel Parkes, Marcie Taylor", "Senior data analyst: Matthew
# King", "Lead inspector: Rebecca Dubbins, His Majesty's Inspector", "Joy Howick, HMI, …".
_TEAM_LABEL = regexcache.compile(
    r"(?im)^[ \t]*(?P<label>(?:(?:deputy |assistant )?lead|team|shadow|additional|associate|"
    r"supernumerary|regulatory|contracted) inspectors?(?: on site)?|(?:shadow )?(?:senior )?"
    r"data analysts?|senior analytical officers?|quality assurance managers?)[ \t]*:[ \t]*"
)
_TEAM_NAME_WORD = r"(?:O[’']|D[’'])?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?"
_TEAM_NAME = regexcache.compile(
    rf"[ \t\n]*{_HONORIFIC}?(?P<name>{_TEAM_NAME_WORD}(?:[ \t]*\n?[ \t]*{_TEAM_NAME_WORD}){{1,3}})"
)
_TEAM_TITLE_WORDS = regexcache.compile(
    r"\s+(?:Senior|Social|Regulatory|Contracted|Associate|Shadow|Seconded)\b.*", re.S
)
_HMI = regexcache.compile(
    r"\b(?:S(?=HMI))?(?P<hmi>HMI)\b|(?P<title>(?:His|Her) Majesty(?:'s|’s) Inspector)"
)


def _hmi(s: str) -> str:
    """ "His Majesty's Inspector" (or "HMI", for a senior one too) where ``s`` says so."""
    m = _HMI.search(s)
    return "" if m is None else (m.group("title") or m.group("hmi"))


def _team_value_end(text: str, start: int) -> int:
    """Where the list of names that starts at ``start`` ends: its line, and the lines it wraps
    onto (after a comma, an "and" or half a name; never a line with a label of its own)."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end < len(text):
        value = text[start:end].rstrip()
        nxt_end = text.find("\n", end + 1)
        nxt_end = len(text) if nxt_end < 0 else nxt_end
        nxt = text[end + 1 : nxt_end].strip()
        if not nxt or ":" in nxt or len(nxt) > 120 or not nxt[0].isupper():
            break
        last = re.split(r",|\band\b", value)[-1].split()
        one_a_line = _TEAM_NAME.match(nxt) and re.match(r"[^,(]*?(?:,|\(|\bS?HMI\b)", nxt)
        half_a_name = len(last) == 1 and re.fullmatch(_TEAM_NAME_WORD, last[0])
        if not (value.endswith((",", " and")) or not last or half_a_name or one_a_line):
            break
        end = nxt_end
    return end


def team_role(label: str) -> str:
    """A team line's label as one person's role: "Team inspectors" -> "Team inspector"."""
    label = re.sub(r"\s+", " ", label.strip())
    return re.sub(r"(?i)\b(inspector|analyst|manager|officer)s\b", r"\1", label)


def _team_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a team list: between commas, "and"s and line ends, except that a single
    word ending a line is the first half of a name the line wraps ("Ralph\\nTrevelyan-Butler")."""
    pieces: list[tuple[int, int, str]] = []  # start, end, the separator after it
    i = start
    for sep in re.finditer(r",|\n|(?<=\S)\s+and\s+", text[start:end]):
        pieces.append((i, start + sep.start(), sep.group()))
        i = start + sep.end()
    pieces.append((i, end, ""))
    out: list[tuple[int, int]] = []
    joining = False
    for a, b, sep in pieces:
        if joining:
            a = out.pop()[0]
        words = text[a:b].split()
        joining = sep == "\n" and len(words) == 1 and re.fullmatch(_TEAM_NAME_WORD, words[0])
        out.append((a, b))
    return [(a, b) for a, b in out if text[a:b].strip()]


def find_team(text: str) -> tuple[list[PersonMention], list[tuple[int, int]]]:
    """The people of an inspection team list, each with its line's role (and "HMI" where the
    list says so), and the spans of those lines (no other reading of them is wanted)."""
    out: list[PersonMention] = []
    spans: list[tuple[int, int]] = []
    for m in _TEAM_LABEL.finditer(text):
        end = _team_value_end(text, m.end())
        found: list[PersonMention] = []
        for pa, pb in _team_pieces(text, m.end(), end):
            piece = text[pa:pb]
            name = _TEAM_NAME.match(text, pa, pb)
            who = _TEAM_TITLE_WORDS.sub("", name.group("name")) if name else ""
            if name and len(who.split()) > 1 and not _NOT_NAME.search(who):
                rest = text[name.start("name") + len(who) : pb]
                found.append(
                    PersonMention(
                        re.sub(r"\s+", " ", who),
                        _hmi(rest),
                        name.start("name"),
                        _rtrim(text, pb),
                        m.group("label"),
                        team=True,
                    )
                )
            elif found and _hmi(piece):  # "Joy Howick, HMI": the name before it
                last = found[-1]
                found[-1] = replace(last, title=last.title or _hmi(piece), end=_rtrim(text, pb))
        if found:
            out.extend(found)
            spans.append((m.start(), end))
    return out, spans


def find_people(text: str, gaz: Gazetteer) -> list[PersonMention]:
    """People the text names with a title: "Name, Title", sign-off "Name\\nTitle" and the
    lines of an inspection team."""
    out, team_lines = find_team(text)

    def in_team(i: int) -> bool:
        return any(a <= i < b for a, b in team_lines)

    # "The inspectors were Matt Reed, Louise Hollick, … and Michele Costello, all of whom are
    # Her Majesty’s Inspectors": one title for the whole list
    listed: list[tuple[int, int]] = []
    for m in _ALL_OF_WHOM.finditer(text):
        names, title = ("names", "title") if m["names"] else ("names2", "title2")
        role = _clean_title(re.sub(r"(?i)\b(inspector)s\b", r"\1", " ".join(m[title].split())))
        listed.append(m.span())
        for piece in re.finditer(_LIST_NAME, m[names]):
            a, b = m.start(names) + piece.start(), m.start(names) + piece.end()
            name = " ".join(piece.group().split())
            if not _NOT_NAME.search(name):
                # the quote: the name and the title, wherever the sentence puts the title
                out.append(PersonMention(name, role, min(a, m.start(title)), max(b, m.end(title))))
    comma = re.compile(
        rf"(?<![\w,])(?:(?P<intro>[A-Z][\w ]{{2,30}}):[ \t]*)?{_NAME}"
        rf"(?P<sep>,[ \t]*\n?|[ \t]*\n)[ \t]*"
    )
    for m in comma.finditer(text):
        name = m.group("name")
        if team_lines and in_team(m.start()):
            continue
        if any(a <= m.start("name") < b for a, b in listed):
            continue  # named in a list with one title for all (read above)
        if "," not in m.group("sep") and not m.group("intro"):
            continue  # a name alone on its line is a sign-off, handled below
        if _NOT_NAME.search(name):
            continue
        rest = text[m.end() : m.end() + 80]
        intro = (m.group("intro") or "").strip()
        if not gaz.title_words.match(rest) and not intro:
            continue
        end = _title_end(text, m.end())
        # "Stella Elliott, Her Majesty’s\nInspector, and Caroline Walsh, …": the title ends
        # where the next person's name begins
        nxt = _NEXT_PERSON.search(text, m.end(), end + 40)  # a name may wrap past the line
        end = nxt.start() if nxt and nxt.start() < end else end
        title = _clean_title(text[m.end() : end])
        if not title or len(title) > 120:
            continue
        out.append(PersonMention(name, title, m.start("name"), _rtrim(text, end), intro))
    for m in _TITLE_FIRST.finditer(text):
        if _NOT_NAME.search(m.group("name")) or (team_lines and in_team(m.start())):
            continue
        title = " ".join(m.group("title").split())
        out.append(
            PersonMention(
                m.group("name"), title[:1].upper() + title[1:], m.start("title"), m.end("name")
            )
        )
    signoff = re.compile(rf"(?m)^[ \t]*{_NAME}{_POSTNOMINALS}[ \t]*\n[ \t]*(?=\S)")
    for m in signoff.finditer(text):
        name = m.group("name")
        if team_lines and in_team(m.start("name")):
            continue
        if _NOT_NAME.search(name) or not gaz.title_words.match(text[m.end() : m.end() + 40]):
            continue
        end = _title_end(text, m.end())
        title = _clean_title(text[m.end() : end])
        lines = title.split("\n")
        # (not the label of a team line that follows: "Team inspectors: Gary Lamb, …")
        if title and len(title) <= 120 and not _TEAM_LABEL.match(lines[0]):
            out.append(PersonMention(name, lines[0], m.start("name"), _rtrim(text, end)))
    # "Councillor Adam Price, Portfolio Holder for ...", already covered; "Portfolio Holder:"
    # intros with a title that names no post still say which post the person holds.
    # Minutes name councillors by surname: "Councillors Cooper, Howcroft-Scott and Johnson
    # requested that their votes … be recorded", "Councillor Khan asked …"
    for m in _COUNCILLORS.finditer(text):
        names = m.group("names") or m.group("one")
        for piece in re.finditer(_SURNAME, names):
            name = f"Councillor {piece.group()}"
            out.append(PersonMention(name, "Councillor", m.start(), m.end()))
    return out


_SURNAME = rf"{_NAME_WORD}\b"
_COUNCILLORS = regexcache.compile(
    rf"\b(?:Councillors|Cllrs\.?)[ \t]+(?P<names>{_SURNAME}(?:,[ \t]+{_SURNAME})*,?[ \t]+and[ \t]+"
    rf"{_SURNAME})(?![ \t]+[A-Z])"
    rf"|\b(?:Councillor|Cllr\.?)[ \t]+(?P<one>{_SURNAME})(?![ \t]*[A-Z])"
)


# where a title ends: the next person's name ("…, and Caroline Walsh", "Inspector and Julie
# Knight"), or the end of the sentence ("Her Majesty’s Inspector. This is the second …")
_NEXT_PERSON = regexcache.compile(
    r",\s+(?:and\s+)?(?=[A-Z][^\W\d_]+\s+[A-Z])|(?<=Inspector)\s+and\s+(?=[A-Z])"
    r"|(?<=[a-z])\.\s+(?=[A-Z])"
)
_LIST_WORD = _NAME_WORD
# a name in a list may wrap, but the next sentence is no part of it ("… and Teresa Godfrey
# ⏎ Inspectors looked at …")
_LIST_NAME = (
    rf"{_LIST_WORD}(?:\s+(?!(?:Inspectors?|The|This|These|They|Their|There|It|In|On|At|We|Our|"
    rf"Her|His)\b){_LIST_WORD}){{1,3}}"
)


# a title before the name, both between commas: "A consultant, Jon Gilbert, was commissioned",
# "the independent chair, Jane Doe, said"
_TITLE_FIRST = regexcache.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<title>(?:[a-z][\w’'-]*\s+){0,3}?(?:[Cc]onsultant|[Aa]dvis[oe]r"
    r"|[Ss]crutineer|[Cc]hair(?:person)?|[Cc]hief [Ee]xecutive|[Dd]irector|[Cc]ommissioner"
    r"|[Ll]ead [Mm]ember|[Pp]ortfolio [Hh]older)(?:\s+(?:of|for)\s+[A-Z][\w’'-]*"
    r"(?:\s+(?:and\s+)?[A-Z&][\w’'-]*){0,5})?),[ \t]+"
    rf"{_NAME},"
)


def _names(group: str) -> str:
    return rf"(?P<{group}>{_LIST_NAME}(?:,\s+{_LIST_NAME})*,?\s+and\s+{_LIST_NAME})"


def _hmis(group: str) -> str:
    return rf"(?P<{group}>(?:His|Her)\s+Majesty[’']s\s+Inspectors)"


# a list of inspectors with one title: "The inspectors were A, B and C, all of whom are Her
# Majesty’s Inspectors", "carried out by A, B and C, Her Majesty’s Inspectors", "Her
# Majesty’s Inspectors for this visit were A, B and C"
_ALL_OF_WHOM = regexcache.compile(
    rf"\b(?:inspectors\s+were|(?:carried\s+out|conducted|undertaken)\s+by)\s+{_names('names')}"
    rf",?\s+(?:all\s+of\s+whom\s+(?:are|were)\s+)?{_hmis('title')}"
    rf"|{_hmis('title2')}\s+(?:for\s+this\s+visit\s+)?were\s+{_names('names2')}"
)


def _rtrim(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " \t\r\n*\u00a0":
        end -= 1
    return end


def person_key(name: str) -> str:
    return slugify(re.sub(rf"^{_HONORIFIC}", "", name))


def name_at(s: str, name: str, end: int | None = None) -> int:
    """Where ``name`` (a person's name, or their surname alone) is named in ``s[:end]``, or -1.

    A whole word; a surname alone not followed by more of a longer name or by "people",
    "children" and the like ("Young" is not named in "Children and Young People's Select
    Committee" or "Young children have received support").
    """
    at = s.find(name, 0, end)
    while at >= 0:
        after = at + len(name)
        whole = (at == 0 or not s[at - 1].isalnum()) and (after >= len(s) or not s[after].isalnum())
        if whole and (" " in name.strip() or not _NAME_GOES_ON.match(s, after)):
            return at
        at = s.find(name, at + 1, end)
    return -1


_NAME_GOES_ON = regexcache.compile(
    r"\s+(?:(?:and|of|for|&)\s+)?[A-Z]|\s+(?:people|persons?|children|carers|adults|m[ae]n|wom[ae]n)\b"
)
