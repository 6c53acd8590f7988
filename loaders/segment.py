"""Split a document's text into headings, paragraphs, bullets and table rows, keeping offsets.

The text is never edited: every :class:`Block` carries ``start``/``end`` offsets into the
original string, with list markers (``- ``, ``1.1.``, ``·``), markdown heading hashes and
``**`` bold fences left outside the span. Page furniture (agenda headers, contact lines,
licence text, running headers and page numbers of PDF text) yields no block at all, so later
stages never mistake it for a statement.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from cskg import yamlio
from cskg.loaders import regexcache
from cskg.loaders.patterns import AnyOf

__all__ = ["Block", "cells", "clean", "footnotes", "segment", "sentences"]

_CUES = Path(__file__).with_name("cues.yaml")


@lru_cache(maxsize=1)
def _segment_cues() -> dict:
    """The ``segment`` section of cues.yaml, read once for every pattern made from it."""
    return yamlio.safe_load(_CUES.read_text(encoding="utf-8"))["segment"]


@lru_cache(maxsize=1)
def _furniture() -> tuple[AnyOf, re.Pattern[str], re.Pattern[str]]:
    """Compiled furniture patterns from cues.yaml: (line furniture, reset, heading blacklist)."""
    seg = _segment_cues()
    line = AnyOf(seg["furniture"], re.IGNORECASE)
    reset = re.compile("|".join(f"(?:{p})" for p in seg["reset"]), re.IGNORECASE)
    not_heading = re.compile("|".join(f"(?:{p})" for p in seg["not_heading"]), re.IGNORECASE)
    return line, reset, not_heading


@lru_cache(maxsize=1)
def _graded_heading() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """cues.yaml ``graded_heading``: (how its first line opens, how its last line ends)."""
    seg = _segment_cues()["graded_heading"]
    return re.compile(seg["opens"], re.IGNORECASE), re.compile(seg["ends"], re.IGNORECASE)


@lru_cache(maxsize=1)
def _back_matter() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled back-matter patterns from cues.yaml: (its first line, its last line)."""
    seg = _segment_cues()["back_matter"]
    return (
        re.compile("|".join(f"(?:{p})" for p in seg["start"]), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in seg["end"]), re.IGNORECASE),
    )


# a back page is a few dozen lines at most: one whose end is missing ends here
_BACK_MATTER_LINES = 40


@dataclass(frozen=True)
class Block:
    """A unit of the document: ``text[start:end]`` is its content without list markers."""

    kind: str  # heading | paragraph | bullet | numbered | table_row
    start: int
    end: int
    section: str  # nearest heading text, cleaned
    level: int  # heading depth for headings; list nesting depth for items; 0 otherwise
    path: tuple[str, ...] = ()  # heading path, outermost first
    marker: str = ""  # the list marker or heading number as written, e.g. "3.2." or "a."


# Whitespace that PDF and web conversions leave behind: tabs, NBSP, narrow NBSP.
_WS = " \t\u00a0\u202f\u2007\r"
# PDFs set bullets in symbol fonts, which text extraction gives as private-use characters
# (U+F06E, U+F02D, U+F0A7, U+F0B7 ...)
_PUA = "\uf000-\uf0ff"
_BULLET = regexcache.compile(rf"[-*•·◼▪●○◦➢►–{_PUA}](?=[\s\u00a0])[\s\u00a0]*")
# (a 2014-18 report numbers its paragraphs past 99: "115. Following the unannounced inspection")
_NUMBER = regexcache.compile(
    r"(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,3}\.|\(?[a-hj-z]\)|[a-hj-z]\.|\(?[ivx]{1,4}\)|[ivx]{1,4}\.)"
    r"(?=[\s\u00a0])[\s\u00a0]+"
    # a paragraph number set tight against its sentence ("29.When children require ...")
    r"|\d{1,3}\.(?=[A-Z][a-z]|[AI] )"
)
_MD_HEADING = regexcache.compile(r"#{1,6}[ \t]+")
_TAG = regexcache.compile(r"</?[a-zA-Z][^>\n]{0,40}>")
_MD_LINK = regexcache.compile(r"\[([^\]\n]*)\]\((?:mailto:|https?:)[^)\s]*\)")
_ANGLE_URL = regexcache.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_DATE_ONLY = regexcache.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}",
    re.IGNORECASE,
)
_TERMINAL = ".!;,"


# patterns of the hot paths below, compiled once
_PUA_CHAR = regexcache.compile(f"[{_PUA}]")
_MD_HASHES = regexcache.compile(r"(?m)^\s*#{1,6}\s+")
_SPACES = regexcache.compile(r"\s+")
_CELL_SEP = regexcache.compile(r"\t|\s\|\s|^\||\|$")
_TABLE_RULE = regexcache.compile(r"[\s|:\-+\t=]*-{3,}[\s|:\-+\t=]*")
_DIGITS = regexcache.compile(r"\d+")
_PAGE_NUMBER = regexcache.compile(r"(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?", re.IGNORECASE)
_TOC_PAGE = regexcache.compile(r"\S\t+\d{1,3}$")
_LAST_WORD = regexcache.compile(r"([A-Za-z.]+)$")
_NEXT_CHAR = regexcache.compile(r"[\s\u00a0]+([^\s\u00a0])")

# A PDF page break inside a paragraph, with the next page's running header and page number:
# up to the line that continues the paragraph in lower case (see ``_continues``)
_PAGE_TURN = regexcache.compile(r"\f(?:[^\n\f]*\n)*?(?=[\s*_'‘“\"(]*[a-z])")
# the same after a word broken by a hyphen, up to the rest of the word ("decision-" "making")
_HYPHEN_TURN = regexcache.compile(r"(?<=[a-z]-)\f(?:[^\n\f]*\n)*?[ \t\n]*(?=[a-z])")


@lru_cache(maxsize=1)
def _letterhead() -> re.Pattern[str]:
    """A run of two or more letterhead lines inside a sentence (cues.yaml ``letterhead``)."""
    lines = _segment_cues()["letterhead"]
    line = "|".join(f"(?:{p})" for p in lines)
    return re.compile(rf"(?:\n[ \t]*(?:{line})(?:[ \t]+(?:{line}))*[ \t]*(?=\n)){{2,}}")


# A footnote at the foot of a PDF page, just before the page break: a line that opens with the
# note's number and a capital ("1 The areas for improvement have been cross-referenced with
# ...", "2 Ofsted produces this report under its power to ..."), and the lines after it up to the
# break. Often inside a sentence that runs on to the next page. Not a line that opens with a
# date ("1 April and 30 June 2016, 86% of ..."), which runs on the text. The rule above a note
# ("_______") is part of it.
_FOOTNOTE = regexcache.compile(
    # (or, where the PDF's text lost the line break, straight after a word broken by a hyphen:
    # "provide clear oversight for decision-1 The areas for improvement …")
    r"(?:(?:\n[ \t]*_{5,}[ \t]*)?\n[ \t]*|(?<=[a-z]-))\d{1,2}[ \t]+"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)[A-Z][^\n\f]*(?:\n[^\n\f]*){0,5}?\n?[ \t]*(?=\f)"
)


def footnotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of page-foot footnotes that begin within ``text[start:end]`` (at its start too)."""
    # (a block ends before the blank line and page break that end its footnote)
    stop = min(len(text), end + 4)
    if "\f" not in text[start:stop]:
        return []
    return [
        (m.start() + (text[m.start()] == "\n"), m.end())
        for m in _FOOTNOTE.finditer(text, max(0, start - 1), stop)
    ]


def clean(s: str) -> str:
    """Display text: drop ``**``/``*`` emphasis, tags and link debris, a page's running header,
    a footnote and a letterhead inside a paragraph, symbol-font bullets; fold whitespace."""
    # (a letterhead inside a sentence comes with the page break after it, or its e-mail line)
    if "\n" in s and ("\f" in s or "@" in s):
        s = _letterhead().sub("", s)
    if "\f" in s:
        s = _FOOTNOTE.sub(lambda m: "\n" if m.group(0)[0] == "\n" else "", s)
    # (a word broken by a hyphen at the page's end runs on: "decision-" + "making")
    s = _HYPHEN_TURN.sub("", s)
    s = _PAGE_TURN.sub(" ", s)
    s = _PUA_CHAR.sub(" ", s)
    s = _MD_LINK.sub(r"\1", s)
    s = _ANGLE_URL.sub(r"\1", s)
    s = _TAG.sub(" ", s)
    s = s.replace("**", "").replace("*", "")
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\f", " ")
    s = _MD_HASHES.sub("", s)
    s = _SPACES.sub(" ", s)
    return s.strip()


@dataclass
class _Line:
    start: int  # content start (after indentation)
    end: int  # content end (trailing whitespace excluded)
    line_start: int
    page: int
    indent: int
    text: str  # content text


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    page = 0
    for m in re.finditer(r"[^\n\f]*", text):
        a, b = m.start(), m.end()
        if a == b and a > 0 and a < len(text) and text[a - 1] not in "\n\f":
            continue  # regex yields an empty match right after each line
        s, e = a, b
        while s < e and text[s] in _WS:
            s += 1
        while e > s and text[e - 1] in _WS:
            e -= 1
        out.append(_Line(s, e, a, page, s - a, text[s:e]))
        if b < len(text) and text[b] == "\f":
            page += 1
    return out


def _running_furniture(lines: list[_Line]) -> set[str]:
    """Lines repeated at the top or bottom of most PDF pages (running headers, footers)."""
    pages: dict[int, list[_Line]] = {}
    for ln in lines:
        if ln.text:
            pages.setdefault(ln.page, []).append(ln)
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for page_lines in pages.values():
        # (three at the top: a page number, the report's title and its dates, as ILACS
        # reports of 2024 set them)
        edge = {re.sub(r"\d+", "#", ln.text) for ln in page_lines[:3] + page_lines[-2:]}
        counts.update(edge)
    need = max(3, len(pages) // 2)
    return {k for k, n in counts.items() if n >= need}


def _is_table(line: str) -> bool:
    cells = [c for c in _CELL_SEP.split(line) if c.strip()]
    return ("\t" in line and len(cells) >= 2) or (line.startswith("|") and line.count("|") >= 2)


def _is_table_rule(line: str) -> bool:
    return bool(_TABLE_RULE.fullmatch(line))


@dataclass
class _Item:
    kind: str
    start: int
    end: int
    marker: str
    indent: int
    lines: int
    blank_before: bool
    md_level: int = 0
    heading: bool = False  # a heading by layout (see _layout_headings)
    statement: bool = False  # a heading stated as a sentence (cues.yaml ``graded_heading``)


def _strip_marker(text: str, ln: _Line) -> tuple[str, int, str]:
    """Return (kind, content start, marker) for one line."""
    s = ln.start
    content = text[s : ln.end]
    m = _MD_HEADING.match(content)
    if m:
        return "md", s + m.end(), m.group(0).strip()
    kind, marker = "text", ""
    m = _BULLET.match(content)
    if m and not content.startswith("**"):
        kind, marker, s = "bullet", content[: m.end()].strip(), s + m.end()
        content = text[s : ln.end]
    m = _NUMBER.match(content)
    if m:
        kind = "numbered" if kind == "text" else kind
        marker = (marker + " " + m.group(0).strip()).strip()
        s += m.end()
    return kind, s, marker


_CONTENTS = regexcache.compile(r"(?:table of )?contents", re.IGNORECASE)


def _classify(text: str, lines: list[_Line]) -> list[tuple[str, int, str]]:
    """(kind, content start, marker) of each line: blank, reset, furniture, table_row, md,
    bullet, numbered, text, or back (prose of a report's back page: furniture that measures the
    page for :func:`_short_line`)."""
    line_furn, reset_re, _ = _furniture()
    back_start, back_end = _back_matter()
    running = _running_furniture(lines)
    paged = "\f" in text
    # in a PDF's table of contents: "Contents", then titles and page numbers to its page's end
    toc = False
    # on a report's back page: from its first line to its last (the copyright line), whatever
    # wraps in between ("... in a different format, such as large print\nor Braille, ...")
    back = 0
    out: list[tuple[str, int, str]] = []
    for n, ln in enumerate(lines):
        t = ln.text
        same_page = n > 0 and lines[n - 1].page == ln.page
        toc = paged and bool(t) and ((toc and same_page) or bool(_CONTENTS.fullmatch(t)))
        if not back and t and back_start.search(t):
            back = _BACK_MATTER_LINES
        if back:
            back = 0 if back_end.search(t) else back - 1
            # furniture, but its prose still measures the page (see _short_line)
            kind = _classify_line(text, ln, toc, reset_re, line_furn, running)
            out.append(("back", ln.start, "") if kind[0] in _CONTENT else kind)
        else:
            out.append(_classify_line(text, ln, toc, reset_re, line_furn, running))
    return out


def _classify_line(
    text: str,
    ln: _Line,
    toc: bool,
    reset_re: re.Pattern[str],
    line_furn: AnyOf,
    running: set[str],
) -> tuple[str, int, str]:
    """(kind, content start, marker) of one line (see :func:`_classify`)."""
    t = ln.text
    if toc:
        return ("furniture", ln.start, "")
    if not t:
        return ("blank", ln.start, "")
    if reset_re.search(t):
        return ("reset", ln.start, "")
    if (
        _DIGITS.sub("#", t) in running
        or _PAGE_NUMBER.fullmatch(t)
        or line_furn.search(t)
        or _is_table_rule(t)
        or _TOC_PAGE.search(t)  # table of contents: title, tab, page number
    ):
        return ("furniture", ln.start, "")
    if _is_table(t) or (_TAG.search(t) and "\t" in text[ln.line_start : ln.end]):
        return ("table_row", ln.start, "")
    return _strip_marker(text, ln)


# A line that ends a sentence or a clause: what follows it starts afresh.
_LINE_END = ".!?:;)\"”’'"
# A heading's last line ends in none of these ("What needs to improve?" is a heading).
_NOT_HEADING_END = ".,;:!"
_OPEN_WORD = regexcache.compile(
    r"\s(?:in|of|the|a|an|and|or|to|for|with|by|on|at|from|that|which|who|is|are|was|were|"
    r"their|its|his|her|this|these|as)\s*$",
    re.I,
)


_CONTENT = ("text", "bullet", "numbered")


def _short_line(text: str, lines: list[_Line], kinds: list[tuple[str, int, str]]) -> int:
    """The length under which a line of PDF text stops short of the page's measure (0: not
    PDF text, or too little of it to tell)."""
    if "\f" not in text:
        return 0
    lengths = sorted(
        len(ln.text) for ln, k in zip(lines, kinds, strict=True) if k[0] in (*_CONTENT, "back")
    )
    if len(lengths) < 10:
        return 0
    return max(40, int(0.78 * lengths[int(len(lengths) * 0.9)]))


def _judgement_heading(
    text: str, lines: list[_Line], kinds: list[tuple[str, int, str]], i: int
) -> int | None:
    """The last line of the judgement heading that starts at line ``i`` ("The experiences and
    progress of children who need help and protection:" / "requires improvement to be good."),
    or None: a heading however long its lines and though it ends in a full stop."""
    pattern = _furniture_judgement()
    parts: list[str] = []
    last = None  # the longest: "Overall effectiveness Requires improvement" / "to be good"
    for j in range(i, min(i + 3, len(lines))):
        if kinds[j][0] != "text" or (j > i and not lines[j].text[:1].islower()):
            break
        parts.append(text[kinds[j][1] : lines[j].end].strip())
        if pattern.fullmatch(" ".join(parts)):
            last = j
    return last


@lru_cache(maxsize=1)
def _furniture_judgement() -> re.Pattern[str]:
    seg = _segment_cues()
    return re.compile("|".join(f"(?:{p})" for p in seg["judgement_heading"]), re.IGNORECASE)


def _layout_headings(
    text: str, lines: list[_Line], kinds: list[tuple[str, int, str]], short: int
) -> dict[int, int]:
    """Headings that PDF text shows by layout alone: first line index -> last line index.

    PDF text has no blank lines between a heading and its paragraph ("Progress since the
    last inspection" then "31. The last Ofsted inspection ..."), so a heading is a run of one
    to three short lines (under ``short``: see :func:`_short_line`) that starts afresh (after
    a line that ends a sentence, another heading, furniture or a page break), starts with a
    capital or a digit, does not end a sentence or a clause, and is followed by a line that
    starts afresh too: a capital, a digit, a list marker. A body line ending mid-sentence is
    nearly the page's width, and the line after it usually starts lower-case.
    """
    if not short:
        return {}

    def line(i: int) -> str:
        return text[kinds[i][1] : lines[i].end]

    def fresh(i: int) -> bool:  # does line i start afresh?
        k, _, _ = kinds[i]
        if k in ("bullet", "numbered"):
            return True
        first = line(i).lstrip("*_'‘“\"(")[:1]
        return bool(first) and (first.isupper() or first.isdigit())

    numbered = [n for n, k in enumerate(kinds) if k[0] == "numbered"]

    def a_paragraph(i: int) -> bool:
        # "38. The number of assessments completed under the Common Assessment" then
        # "Framework (CAF) has decreased …": a long first line of paragraph 38 of a report whose
        # next paragraph is 39 is no heading (numbered headings number their paragraphs 3.1,
        # 3.2, or stand short)
        m = re.fullmatch(r"(\d{1,3})\.", kinds[i][2])
        if not m or len(line(i)) < short * 0.6 or _GRADE_END.search(line(i)):
            return False  # (a grade table's row: "1. Children who need help and protection Good")
        if i + 1 >= len(lines) or kinds[i + 1][0] != "text":
            return False
        if _GRADE_START.match(line(i + 1)) or re.search(
            r"\brequires?(?: improvement(?: to)?)?\s*$", line(i), re.I
        ):
            return False  # (… whose grade wraps: "… protection Requires" / "improvement")
        k = bisect_right(numbered, i)
        return k < len(numbered) and kinds[numbered[k]][2] == f"{int(m.group(1)) + 1}."

    out: dict[int, int] = {}
    boundary = True  # the previous content line ended a sentence, or none came before
    i = 0
    while i < len(lines):
        k = kinds[i][0]
        if k not in _CONTENT:
            # a page's running header or number, a table, a markdown heading: start afresh
            boundary = boundary or k != "blank"
            i += 1
            continue
        j = _judgement_heading(text, lines, kinds, i) if boundary and k == "text" else None
        if j is not None:
            out[i] = j
            boundary = True
            i = j + 1
            continue
        j = i
        if k != "bullet" and boundary and fresh(i) and len(line(i)) <= short and not a_paragraph(i):
            # a heading's wrapped lines continue in lower case
            while (
                j + 1 < len(lines)
                and j - i < 2
                and kinds[j + 1][0] == "text"
                and line(j + 1)[:1].islower()
                and len(line(j + 1)) <= short
                and line(j)[-1:] not in _NOT_HEADING_END
            ):
                j += 1
            nxt = j + 1
            while nxt < len(lines) and kinds[nxt][0] in ("blank", "furniture"):
                nxt += 1
            after = nxt >= len(lines) or kinds[nxt][0] != "text" or fresh(nxt)
            if after and nxt < len(lines) and _CLOSING_NOTE.fullmatch(line(nxt).strip()):
                # "Managers acknowledge that this is an area for development" then
                # "(Recommendation).": the note closes a sentence, which is no heading
                after = False
            # (nor on a word that needs the next: "46. Unaccompanied asylum-seeking children
            # receive a good service in" wraps, whatever the next line starts with)
            # (a quotation's close counts too: "… meetings get cancelled.’")
            last = line(j).rstrip("’'\"”")[-1:]
            ends = last not in _NOT_HEADING_END and not _OPEN_WORD.search(line(j))
            if after and ends and re.search(r"[A-Za-z]{3}", line(i)):
                out[i] = j
                boundary = True
                i = j + 1
                continue
            j = i
        boundary = line(j)[-1:] in _LINE_END
        i = j + 1
    return out


def _items(text: str, lines: list[_Line]) -> list[_Item]:
    """Group lines into raw items: one per list marker, paragraph, table row or md heading."""
    kinds = _classify(text, lines)
    short = _short_line(text, lines, kinds)
    kinds = [("furniture", cs, "") if k == "back" else (k, cs, m) for k, cs, m in kinds]
    heads = _layout_headings(text, lines, kinds, short)
    opens, ends = _graded_heading()
    items: list[_Item] = []
    cur: _Item | None = None
    blank = True
    skip_to = -1
    for n, ln in enumerate(lines):
        if n <= skip_to:
            continue
        t = ln.text
        kind, cs, marker = kinds[n]
        if kind == "blank":
            blank, cur = True, None
            continue
        if kind == "reset":
            items.append(_Item("reset", ln.start, ln.end, "", 0, 1, True))
            cur, blank = None, True
            continue
        if kind == "furniture":
            items.append(_Item("furniture", ln.start, ln.end, "", 0, 1, blank))
            cur, blank = None, False
            continue
        if kind == "table_row":
            items.append(_Item("table_row", ln.start, ln.end, "", 0, 1, blank))
            cur, blank = None, False
            continue
        if n in heads:
            last = heads[n]
            head = _Item(kind, cs, lines[last].end, marker, ln.indent, last - n + 1, True)
            head.heading = True
            items.append(head)
            cur, blank, skip_to = None, False, last
            continue
        if kind == "text" and opens.match(t):
            # "The graded judgement about the experience and progress of care leavers / is that
            # it requires improvement": a heading over two lines at most, ended by its grade,
            # whatever the layout and whatever the line before it left open
            last = n + 1 if not ends.search(t) and n + 1 < len(lines) else n
            if last > n and (kinds[last][0] != "text" or opens.match(lines[last].text)):
                last = n
            head = _Item("text", cs, lines[last].end, "", ln.indent, last - n + 1, True)
            head.statement = True
            items.append(head)
            cur, blank, skip_to = None, False, last
            continue
        if kind == "md":
            level = len(marker)
            items.append(_Item("md", cs, ln.end, marker, 0, 1, blank, level))
            cur, blank = None, False
            continue
        if kind in ("bullet", "numbered"):
            cur = _Item(kind, cs, ln.end, marker, ln.indent, 1, blank)
            items.append(cur)
            blank = False
            continue
        # plain text line: continue the open item, or a paragraph broken by a page or blank line
        prev = items[-1] if items else None
        paged = False
        if prev is not None and prev.kind == "furniture":
            # a PDF page's running header and number lie between a paragraph and its end
            k = len(items) - 1
            while k > 0 and items[k].kind == "furniture":
                k -= 1
            if "\f" in text[items[k].end : ln.start]:
                prev, paged = items[k], True
        if cur is not None and not blank and not _ends_paragraph(text, lines[n - 1], t, short):
            cur.end, cur.lines = ln.end, cur.lines + 1
        elif (
            prev is not None
            and prev.kind in ("text", "bullet", "numbered")
            and not prev.heading
            and (blank or paged)
            and _continues(text, prev, t)
        ):
            cur = prev
            cur.end, cur.lines = ln.end, cur.lines + 1
        else:
            cur = _Item("text", cs, ln.end, "", ln.indent, 1, blank)
            items.append(cur)
        blank = False
    return items


def _ends_paragraph(text: str, last: _Line, line: str, short: int) -> bool:
    """In PDF text, does ``last`` end a paragraph before ``line``? It ends a sentence well
    short of the page's measure, and ``line`` starts afresh with a capital."""
    if not short or len(last.text) >= short or last.text[-1:] not in _SENTENCE_END:
        return False
    first = line.lstrip("*_'‘“\"(")[:1]
    return first.isupper()


_SENTENCE_END = ".!?\"”’'"


def _continues(text: str, prev: _Item, line: str) -> bool:
    """A paragraph that ran over a page break: no closing punctuation, next starts lower-case."""
    end = prev.end
    for a, b in footnotes(text, prev.start, end):
        if b >= end - 1:  # the page's footnote is no part of the paragraph it interrupts
            end = a
    tail = text[prev.start : end].rstrip("*_ \n")
    if not tail or tail[-1] in ".!?:;\"”’'":
        return False
    first = line.lstrip("*_'‘“\"( ")
    return bool(first) and first[0].islower()


def _layout_heading(text: str, item: _Item) -> bool:
    """Does a heading by layout (:func:`_layout_headings`) read as a heading?"""
    _, _, not_heading = _furniture()
    stripped = clean(text[item.start : item.end])
    if len(stripped) > 200 or len(stripped.split()) > 30 or stripped[:1] in "('‘\"“":
        return False  # "(Recommendation)" closes a paragraph of SIF reports
    return not (_DATE_ONLY.fullmatch(stripped) or not_heading.search(stripped))


def _heading_level(marker: str, stack: list[tuple[int, str]]) -> int:
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.?", marker):
        return 1 + marker.rstrip(".").count(".")
    if marker:
        return 3
    return 2 if any(lv == 1 for lv, _ in stack) else 1


def _plain_heading(text: str, item: _Item, nxt: _Item | None) -> bool:
    """A short, unpunctuated line standing alone between blank lines reads as a heading."""
    _, _, not_heading = _furniture()
    body = text[item.start : item.end]
    stripped = body.strip("*_ ")
    if item.kind == "text" and body.startswith("**") and body.rstrip().endswith("**"):
        inner = stripped
        return len(inner) <= 240 and inner[-1:] not in ".!?;," and "**" not in inner.strip("*")
    if item.lines != 1 or not item.blank_before:
        return False
    if nxt is not None and not nxt.blank_before and nxt.kind in ("text", "numbered", "bullet"):
        return False
    longest = 220 if item.marker else 160
    if not stripped or len(stripped) > longest or stripped[-1] in _TERMINAL + ":":
        return False
    if stripped[-1] == "?" and len(stripped) > 80:
        return False
    if stripped[0] in "'‘\"“(" or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    year_range = re.fullmatch(r"\d{4}\s*[-–/]\s*\d{2,4}|\d{4} onwards", stripped)
    wordy = len(stripped.split()) > (30 if item.marker else 22)
    if wordy or not (re.search(r"[A-Za-z]{3}", stripped) or year_range):
        return False
    if _DATE_ONLY.fullmatch(stripped) or not_heading.search(stripped):
        return False
    # "Field: value" lines (a numbered heading may still contain a colon)
    return bool(item.marker) or not re.match(r"[A-Z][\w ’'&/-]{0,40}:\s", stripped)


_CELL = regexcache.compile(r"[^\t|]+")


def cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of the table row text[start:end] (tab- or bar-separated), each
    trimmed; empty cells are left out."""
    out = []
    for m in _CELL.finditer(text, start, end):
        a, e = _trim(text, m.start(), m.end())
        if a < e:
            out.append((a, e))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    # str.isspace: also Word's manual line break (\x0b), U+2028/2029, ideographic space
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if text.startswith("**", s) and text[s:e].count("**") == 2 and text.endswith("**", s, e):
        s, e = s + 2, e - 2  # a wholly bold line: the fences are markup, not content
    elif text.startswith("**", s) and text[s:e].count("**") == 1:
        s += 2
    elif text.endswith("**", s, e) and text[s:e].count("**") == 1:
        e -= 2
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def segment(text: str) -> list[Block]:
    """Blocks of ``text`` in reading order; furniture is dropped, offsets index ``text``."""
    lines = _lines(text)
    items = _items(text, lines)
    blocks: list[Block] = []
    stack: list[tuple[int, str]] = []
    for i, it in enumerate(items):
        if it.kind == "reset":
            stack = []
            continue
        if it.kind == "furniture":
            continue
        nxt = next((x for x in items[i + 1 :] if x.kind != "furniture"), None)
        s, e = _trim(text, it.start, it.end)
        if s >= e:
            continue
        if (
            it.kind == "md"
            or it.statement
            or (
                it.kind in ("text", "numbered")
                and (_layout_heading(text, it) if it.heading else _plain_heading(text, it, nxt))
            )
        ):
            title_s, title_e, marker = s, e, it.marker
            if it.kind == "md":
                # "#### **4.5. What needs to improve:**": strip bold fences and the number too
                inner = text[s:e]
                m = re.match(r"(\*\*)?(\d{1,2}(?:\.\d{1,2})*\.?)\s+", inner)
                if m:
                    marker = m.group(2)
                    title_s = s + m.end()
                    title_s, title_e = _trim(text, title_s, e)
                    if text.startswith("**", s) and text.endswith("**", s, e):
                        title_e = max(title_s, title_e)
                level = it.md_level
            else:
                level = _heading_level(it.marker, stack)
            title = clean(text[title_s:title_e]).rstrip(":")
            if not title:
                continue
            prev = blocks[-1] if blocks else None
            if prev is not None and prev.kind == "heading" and _GRADE_LINE.fullmatch(title):
                # "Outcomes for looked after children and young people / Grade 4 (inadequate)"
                # (a report of 2013): the grade completes the heading before it
                title = f"{prev.section} {title}"
                stack[-1] = (stack[-1][0], title)
                blocks[-1] = replace(
                    prev, end=title_e, section=title, path=tuple(t for _, t in stack)
                )
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            blocks.append(
                Block("heading", title_s, title_e, title, level, tuple(t for _, t in stack), marker)
            )
            continue
        section = stack[-1][1] if stack else ""
        path = tuple(t for _, t in stack)
        kind = {"text": "paragraph"}.get(it.kind, it.kind)
        if kind == "table_row":
            blocks.append(Block(kind, s, e, section, 0, path))
            continue
        level = 1 + it.indent // 2 if kind in ("bullet", "numbered") else 0
        blocks.append(Block(kind, s, e, section, level, path, it.marker))
    return blocks


# a line that ends with a grade: a row of a grade table
_GRADE_END = regexcache.compile(
    r"\b(?:outstanding|good|adequate|inadequate|requires? improvement(?: to be good)?)\s*$",
    re.IGNORECASE,
)
_GRADE_START = regexcache.compile(
    r"\s*(?:outstanding|good|adequate|inadequate|requires?|improvement|be good)\b", re.IGNORECASE
)
# a line that is only a grade, as reports of 2013 set one under each heading
_GRADE_LINE = regexcache.compile(
    r"grade [1-4] \((?:outstanding|good|adequate|inadequate)\)", re.IGNORECASE
)

_ABBREV = {
    "e.g",
    "i.e",
    "eg",
    "ie",
    "dr",
    "no",
    "nos",
    "st",
    "mr",
    "mrs",
    "ms",
    "prof",
    "cllr",
    "etc",
    "vs",
    "approx",
    "para",
    "paras",
    "ref",
    "cf",
    "al",
    "inc",
    "ltd",
    "co",
    "fig",
    "q.a",
    "sept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
}
# a parenthetical that closes a block after its last sentence is a note on that sentence
_CLOSING_NOTE = regexcache.compile(r"\s*\([^()]{1,120}\)[.;]?\s*")
# a note that closes the sentence before it, wherever it stands: a 2014-18 report's
# "(Recommendation)", a reference "(paragraph 48)"
_SENTENCE_NOTE = regexcache.compile(
    r"[ \t\u00a0]*\((?:[Rr]ecommendations?|(?:see )?paragraphs? \d[\d, and–-]*)\)[.;]?(?=\s)"
)
_END = regexcache.compile(r"[.!?](?:[\"'”’*)\]]*)(?=[\s\u00a0]+)")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``, trimmed; abbreviation- and number-aware."""
    out: list[tuple[int, int]] = []
    s = start
    notes = footnotes(text, start, end)
    for m in _END.finditer(text, start, end):
        stop = m.end()
        if notes and any(a <= m.start() < b for a, b in notes):
            continue  # a footnote's full stops end no sentence of the text it interrupts
        if text[m.start()] == ".":
            # only the last word matters: look back a bounded window, not the whole sentence
            word = _LAST_WORD.search(text[max(s, m.start() - 40) : m.start()])
            w = word.group(1).lower() if word else ""
            if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                continue  # "e.g." "Dr." "No." or an initial: not a sentence end
        nxt = _NEXT_CHAR.match(text[stop:end])
        if not nxt:
            continue
        ch = nxt.group(1)
        if not (ch.isupper() or ch.isdigit() or ch in "\"'“‘*([•◼▪" or "\uf000" <= ch <= "\uf0ff"):
            continue
        note = _SENTENCE_NOTE.match(text, stop, end) if ch == "(" else None
        if note and note.end() < end:
            # "… statutory guidance. (Recommendation) Listening to children is …": a note on
            # the sentence before it, as at a paragraph's end, mid-paragraph too; no part of
            # the next sentence
            a, b = _trim(text, s, stop)
            if a < b:
                out.append((a, b))
            s = note.end()
            continue
        if ch == "(" and _CLOSING_NOTE.fullmatch(text, stop, end):
            # "... supervision of staff. (enabler 2, national framework)", "... (Recommendation)":
            # a note on the sentence, not a sentence of its own
            a, b = _trim(text, s, stop)
            if a < b:
                out.append((a, b))
            return out
        a, b = _trim(text, s, stop)
        if a < b:
            out.append((a, b))
        s = stop
    a, b = _trim(text, s, end)
    if a < b:
        out.append((a, b))
    if notes:
        # a footnote after a sentence's end, or one alone in its block, is no sentence; one
        # that ends a block is no part of its last sentence
        kept = []
        for a, b in out:
            for x, y in notes:
                if a < x < b <= y:
                    b = _trim(text, a, x)[1]
            if not any(x <= a and b <= y for x, y in notes):
                kept.append((a, b))
        out = kept
    return out
