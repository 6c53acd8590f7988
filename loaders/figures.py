"""Numbers the corpus reports: money, percentages and counts, with what they measure and when.

Each number becomes a :class:`FigureHit`: its value ("65,000" is 65000, "c£1.5m" 1500000),
its unit, the year it refers to and a short noun phrase naming what it measures.

- **Year.** The year nearest the number in its own clause ("c£9m added for 2021/22, a further
  £10m for 2023/24": 2021, then 2023), else the sentence's only year, else none (the caller
  falls back to the document's year). A financial or academic year such as 2021/22 or 2021-22
  is the year it starts: 2021.
- **Measure.** What the number quantifies: the noun it counts ("65,000 children and young
  people"), the phrase it is "of" ("75% of staff", "a cumulative deficit of £10.3m"), the
  nearest measure noun of its clause ("our vacancy rate has reduced from 38% to 28%", "£7m added
  to the gross budget"), the measure of the number before it in a list ("a further £9m added
  for 2021/22"), or a measure noun earlier in the sentence; failing those, the unit's plain
  name ("amount of money", "percentage").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from cskg.loaders import regexcache

from .records import Figure

__all__ = ["FigureHit", "distinct_figures", "figures_in"]


@dataclass(frozen=True)
class FigureHit:
    """A number in ``text[start:end]`` with its unit and what it measures."""

    value: float
    unit: str
    measure: str
    year: int | None
    start: int
    end: int


_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# (not "£000's", a table's unit: thousands of pounds)
_MONEY = regexcache.compile(
    rf"(?:\bc\.?\s?)?£\s?(?!000(?:['’]?s)?\b)(?P<n>{_NUMBER})(?:\s?(?P<mult>million|m|bn|billion|k)\b)?",
    re.IGNORECASE,
)
_PERCENT = regexcache.compile(rf"(?<![\d.,])(?P<n>{_NUMBER})\s?(?:%|per ?cent\b)", re.IGNORECASE)
_COUNTED = (
    "children and young people|young people|children in care|children looked after|"
    "looked after children|care leavers|children|families|unallocated cases|cases|"
    "social worker posts|social workers?|agency (?:staff|workers|social workers)|vacancies|"
    "referrals|assessments|placements|foster carers|posts"
)
# a space, or one line break (a PDF's wrapped line), but not a blank line between paragraphs
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
_CASES = regexcache.compile(
    rf"(?<![\d.,£])(?P<n>{_NUMBER}){_GAP}(?:(?:additional|new|more|further|extra|permanent|"
    rf"qualified|full-time|fte){_GAP})?(?P<what>{_COUNTED})\b",
    re.IGNORECASE,
)
_YEARLIKE = regexcache.compile(r"(?:19|20)\d{2}")
_DIGIT = regexcache.compile(r"\d")  # the digits _NUMBER's \d matches
# 2019, and the financial or academic years 2019/20, 2019/2020 and 2019-20: the year they start
_YEAR = regexcache.compile(
    r"(?<![\d£.,])(?P<y>(?:19|20)\d{2})(?:\s*/\s*(?:(?:19|20)\d{2}|\d{2})|-\d{2})?\b"
)
_MULT = {"million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3}

# where a clause ends: a number's year and measure are looked for within its clause first
_CLAUSE_END = regexcache.compile(r",(?!\d)|[;:()\[\]]|\s[–—-]\s|[.!?](?=\s+[A-Z(])")
_SENTENCE_END = regexcache.compile(r"[.!?](?=\s+[A-Z(])")

# nouns that name what a number measures, in council and inspection reports
_HEADS = frozenset(
    "budget budgets overspend overspends underspend deficit surplus spend spending expenditure "
    "cost costs funding investment savings income grant allocation reserve reserves growth "
    "pressure pressures rate rates caseload caseloads proportion share percentage average "
    "turnover ratio increase reduction rise fall number".split()
)
# heads that name a part of something, which their "of" phrase names: "proportion of the budget"
_RELATIONAL = frozenset("proportion share percentage number majority rate".split())
# words that end a noun phrase, walking out from its head
_STOP = frozenset(
    "a an the this that these those its their our his her my your all each every any some no "
    "of in on at for from to by with as into over under between than per within across via "
    "and or but nor is are was were be been being has have had will would should must can "
    "could may might do does did which who whose what when where there here it they we he she "
    "also only just very too not so such while whilst since until after before during up down "
    "about around approximately almost nearly over below above forecast projected".split()
)
# common verbs that end a noun phrase "of" a number: "95% of care leavers live in…"
_VERBS = frozenset(
    "live lives receive receives attend attends go goes remain remains stay stays leave leaves "
    "return returns need needs get gets make makes say says feel feels know knows".split()
)
# comparatives describe the number, not the measure: "a larger proportion"
_COMPARATIVE = frozenset(
    "larger smaller higher lower greater bigger fewer more less further additional".split()
)
# "£7m added to the budget" is an addition to the budget, not the budget
_CHANGE = {
    "added": "addition to",
    "allocated": "allocation to",
    "invested": "investment in",
    "cut": "reduction in",
    "removed": "reduction in",
    "saved": "savings in",
}
_FALLBACK = {"GBP": "amount of money", "percent": "percentage", "count": "count"}
_DETERMINERS = frozenset("the a an its their our all".split())
_PER = regexcache.compile(r"\s+(per (?:person|head|child|capita|week|month|year|annum|case))\b")
_WORD = regexcache.compile(r"[A-Za-z][\w'’-]*|\d[\d,./]*%?|£|[^\w\s]")


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def word(self) -> bool:
        return self.text[:1].isalpha()


def _span(bounds: Iterable[int], at: int, end: int, size: int) -> tuple[int, int]:
    """The part of ``[0, size)`` between the nearest bounds before ``at`` and after ``end``."""
    a, b = 0, size
    for i in bounds:
        if i <= at:
            a = i
        elif i >= end:
            b = i
            break
    return a, b


def _bounds(pattern: re.Pattern[str], s: str) -> list[int]:
    out: list[int] = []
    for m in pattern.finditer(s):
        out.extend((m.start(), m.end()))
    return sorted(out)


def _phrase(toks: list[_Tok], head: int, first: int) -> tuple[int, str]:
    """The noun phrase ending at ``toks[head]``: its first token, and its words (up to three
    modifiers, comparatives dropped; a word that opens the sentence at ``first`` lower-cased)."""
    i = head
    while i > 0 and head - i < 3:
        t = toks[i - 1]
        if not t.word or t.low in _STOP or t.low in _CHANGE:
            break
        i -= 1
    words = []
    for t in toks[i : head + 1]:
        if t.low in _COMPARATIVE and t is not toks[head]:
            continue
        text = t.text
        if t.start == first and text[:1].isupper() and not text.isupper():
            text = text.lower()
        words.append(text)
    return i, " ".join(words)


def _noun_after(toks: list[_Tok], i: int, limit: int = 4) -> str:
    """Words from ``toks[i]`` up to the first function word or punctuation (at most ``limit``)."""
    if i < len(toks) and toks[i].low in _DETERMINERS:
        i += 1
    out: list[str] = []
    for t in toks[i:]:
        if not t.word or len(out) >= limit:
            break
        looked_after = t.low == "after" and out and out[-1].lower() == "looked"
        # a participle or verb after the noun starts what is said of it: "of care leavers
        # categorised as…", "the number of pupils increased"
        verb = out and t.low != "looked" and (t.low.endswith(("ed", "ing")) or t.low in _VERBS)
        if (t.low in _STOP and not looked_after) or verb:
            break
        out.append(t.text)
    return " ".join(out)


class _Measures:
    """The measure of each number of one sentence, in order."""

    def __init__(self, s: str) -> None:
        self.s = s
        self.toks = [_Tok(m.group(0), m.start(), m.end()) for m in _WORD.finditer(s)]
        self.starts = [t.start for t in self.toks]
        self.clause_bounds = _bounds(_CLAUSE_END, s)
        self.sentence_bounds = _bounds(_SENTENCE_END, s)
        self.previous: dict[str, str] = {}  # unit -> measure of the last figure of that unit

    def _index(self, pos: int) -> int:
        """The first token that starts at or after ``pos``."""
        return bisect_left(self.starts, pos)

    def _head_phrase(self, i: int, first: int) -> str:
        """The measure named by the head noun at ``toks[i]``, in a sentence opening at token
        ``first``."""
        toks = self.toks
        opening = toks[first].start
        i0, phrase = _phrase(toks, i, opening)
        head = toks[i].low
        # "as a proportion of the overall budget": the part, then what it is a part of
        k = i0 - 1
        if k >= 0 and toks[k].low in _DETERMINERS:
            k -= 1
        if k >= 1 and toks[k].low == "of" and toks[k - 1].low in _RELATIONAL:
            return f"{toks[k - 1].low} of {self.s[toks[k + 1].start : toks[i].end]}"
        if " " in phrase:
            return phrase
        # "the proportion of children seen alone"
        if head in _RELATIONAL and i + 1 < len(toks) and toks[i + 1].low == "of":
            noun = _noun_after(toks, i + 2)
            if noun:
                return f"{phrase} of {noun}"
        # "the budget" after "the gross budget": the fuller name said earlier in the sentence
        for t in range(i - 1, first - 1, -1):
            if toks[t].low == head:
                _, fuller = _phrase(toks, t, opening)
                if " " in fuller:
                    return fuller
        return phrase

    def measure(self, unit: str, start: int, end: int, counted: str | None) -> str:
        """What the number at ``s[start:end]`` measures; ``counted`` is the noun it counts."""
        s, toks = self.s, self.toks
        a, b = _span(self.clause_bounds, start, end, len(s))
        first = self._index(_span(self.sentence_bounds, start, end, len(s))[0])
        at, after = self._index(start), self._index(end)
        found = counted.lower() if counted else ""
        # "75% of staff", "£130,000 of temporary resource", "the majority (63%) of schools"
        k = after + (1 if after < len(toks) and toks[after].text == ")" else 0)
        if not found and k < len(toks) and toks[k].low == "of":
            noun = _noun_after(toks, k + 1)
            if noun:
                found = f"proportion of {noun}" if unit == "percent" else noun
        # "a cumulative deficit of £10.3m", "the unitary average of £792"
        if not found and at >= 2 and toks[at - 1].low == "of" and toks[at - 2].low in _HEADS:
            found = self._head_phrase(at - 2, first)
        # the nearest measure noun of the clause: before the number, then after it
        if not found:
            i = next(
                (
                    i
                    for i in range(at - 1, first - 1, -1)
                    if toks[i].start < a or toks[i].low in _HEADS
                ),
                None,
            )
            if i is not None and toks[i].start >= a:
                found = self._head_phrase(i, first)
        if not found:
            change = ""
            for i in range(after, len(toks)):
                if toks[i].end > b:
                    break
                change = change or _CHANGE.get(toks[i].low, "")
                if toks[i].low in _HEADS:
                    phrase = self._head_phrase(i, first)
                    found = f"{change} {phrase}" if change else phrase
                    break
        # a list: "£7m added to the budget for 2020/21, a further £9m added for 2021/22"
        found = found or self.previous.get(unit, "")
        # a measure noun earlier in the sentence
        if not found:
            i = next((i for i in range(at - 1, first - 1, -1) if toks[i].low in _HEADS), None)
            if i is not None:
                found = self._head_phrase(i, first)
        found = found or _FALLBACK.get(unit, unit)
        # "£688 per person"
        m = _PER.match(s, end)
        if m and not found.endswith(m.group(1)):
            found = f"{found} {m.group(1)}"
        self.previous[unit] = found
        return found


def _years(s: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(year, start, end) of each year in ``s`` that is not itself a figure."""
    out = []
    for m in _YEAR.finditer(s):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        out.append((int(m.group("y")), m.start(), m.end()))
    return out


def _year_of(
    years: list[tuple[int, int, int]],
    start: int,
    end: int,
    clause: tuple[int, int],
    sentence: tuple[int, int],
) -> int | None:
    """The year nearest the number in its clause, else its sentence's only year."""
    a, b = clause
    near = [(max(ys - end, start - ye, 0), ys, y) for y, ys, ye in years if a <= ys and ye <= b]
    if near:
        return min(near)[2]
    sa, sb = sentence
    only = {y for y, ys, ye in years if sa <= ys and ye <= sb}
    return only.pop() if len(only) == 1 else None


def _value(n: str) -> float:
    return float(n.replace(",", ""))


def figures_in(sentence: str, offset: int) -> list[FigureHit]:
    """Figures in one sentence; offsets are shifted by ``offset`` into the document."""
    s = sentence
    if _DIGIT.search(s) is None:
        return []  # every figure has a number
    spans: list[tuple[str, float, int, int, str | None]] = []  # unit, value, start, end, noun
    for m in _MONEY.finditer(s):
        mult = _MULT.get((m.group("mult") or "").lower(), 1.0)
        spans.append(("GBP", _value(m.group("n")) * mult, m.start(), m.end(), None))
    for m in _PERCENT.finditer(s):
        spans.append(("percent", _value(m.group("n")), m.start(), m.end(), None))
    for m in _CASES.finditer(s):
        if any(a <= m.start() < b for _, _, a, b, _ in spans) or _YEARLIKE.fullmatch(m["n"]):
            continue  # "in 2014 looked after children…": a year, not a count
        spans.append(("count", _value(m.group("n")), m.start(), m.end(), m.group("what")))
    if not spans:
        return []
    spans.sort(key=lambda t: (t[2], t[3]))
    taken = [(a, b) for _, _, a, b, _ in spans]
    years = _years(s, taken)
    clause_bounds = _bounds(_CLAUSE_END, s)
    sentence_bounds = _bounds(_SENTENCE_END, s)
    measures = _Measures(s)
    out: list[FigureHit] = []
    for unit, value, a, b, noun in spans:
        year = _year_of(
            years,
            a,
            b,
            _span(clause_bounds, a, b, len(s)),
            _span(sentence_bounds, a, b, len(s)),
        )
        measure = measures.measure(unit, a, b, noun)
        out.append(FigureHit(value, unit, measure, year, offset + a, offset + b))
    return out


def distinct_figures(figures: Iterable[Figure]) -> list[Figure]:
    """One figure per (document, value, unit, measure, year): a document that states the same
    number twice (a summary and its body) reports one figure, quoted where it first says it."""
    best: dict[tuple[str, float, str, str, int], Figure] = {}
    for f in figures:
        key = (f.excerpt.doc_id, f.value, f.unit, f.measure, f.year)
        if key not in best or _where(f) < _where(best[key]):
            best[key] = f
    return sorted(best.values(), key=lambda f: (*_where(f), f.unit, f.value))


def _where(f: Figure) -> tuple[str, int, int]:
    return f.excerpt.doc_id, f.excerpt.start, f.excerpt.end
