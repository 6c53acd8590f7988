"""The theme scheme (ontology/themes.yaml) as plain data, and a transparent phrase tagger.

No RDF here: the graph layer turns :class:`Theme` records into SKOS concepts. The tagger
reports, for each theme, the phrase that matched and where, so ``cskg explain`` can show
exactly which words put a statement under a theme.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cskg import yamlio
from cskg.errors import CskgError
from cskg.loaders import regexcache
from cskg.loaders.patterns import lowered

__all__ = [
    "DEFAULT_PATH",
    "JUDGEMENT_AREAS",
    "Theme",
    "ThemeScheme",
    "ThemeTag",
    "load_themes",
    "phrase_regex",
]

DEFAULT_PATH = Path(__file__).with_name("themes.yaml")

# The Ofsted (ILACS) judgement areas a theme may declare as its closeMatch.
JUDGEMENT_AREAS = (
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
    "Overall effectiveness",
)

_KEYS = {
    "id",
    "prefLabel",
    "altLabels",
    "definition",
    "broader",
    "closeMatch",
    "match",
    "exclude",
    "section",
    "sectionFirstOnly",
}
_SLUG = regexcache.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

# A space or hyphen in a phrase matches any run of spaces, hyphens and dashes in the text.
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015"
_SEP = f"[\\s{_DASHES}]+"
# An apostrophe matches a straight or curly one, or none ("children's" ~ "childrens").
_APOSTROPHES = "'\u2018\u2019"
_APOS = f"[{_APOSTROPHES}]?"
_PIECES = regexcache.compile(f"([\\s{_DASHES}]+|[{_APOSTROPHES}])")
# Word boundaries: letters and digits, not underscores (markdown debris), count as word
# characters; a phrase may not start inside a hyphenated word ("self-assessment").
_LEFT = f"(?<![^\\W_]|[{_DASHES}])"
_RIGHT = "(?![^\\W_])"
_WORD = "[^\\W_]"
_TOKEN = regexcache.compile(_WORD + "+")
# A phrase written with a leading "^" matches only where the statement opens: after at most
# _OPENING_SLACK characters that are not letters or digits ("• Plans are…", "‘These plans…").
_OPENING = "^"
_OPENING_SLACK = 4
_OPENING_LEFT = (
    "(?:" + "|".join("(?<=\\A" + "[\\W_]" * n + ")" for n in range(_OPENING_SLACK + 1)) + ")"
)
_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015")


@dataclass(frozen=True)
class Theme:
    """One theme of the scheme, as written in themes.yaml."""

    id: str
    pref_label: str
    alt_labels: tuple[str, ...]
    definition: str
    broader: str | None
    close_match: str | None
    match: tuple[str, ...]
    section: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    # a heading that names several of this theme's narrower themes gives only the first
    section_first_only: bool = False


@dataclass(frozen=True)
class ThemeTag:
    """Why a statement carries a theme: ``term`` matched at ``[start, end)`` of ``source``."""

    theme_id: str
    term: str  # the phrase from themes.yaml, e.g. "life story" or "exclusion*"
    start: int
    end: int
    source: str  # "text": offsets index the statement; "section": they index its heading


def _is_acronym(phrase: str) -> bool:
    letters = [c for c in phrase if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# An exclude phrase may leave a gap of up to four words between two of its parts:
# "recruit* ... foster carer*" covers "recruitment processes for foster carers".
_GAP = " ... "
_GAP_WORDS = 4
_GAP_BODY = f"(?:,?{_SEP}[^\\W_][\\w{_APOSTROPHES}{_DASHES}]*){{0,{_GAP_WORDS}}},?{_SEP}"


def _phrase_body(phrase: str) -> str:
    """Regex for one phrase, without the word boundaries."""
    phrase = phrase.removeprefix(_OPENING).lstrip()
    if _GAP in phrase:
        return _GAP_BODY.join(f"(?:{_phrase_body(part)})" for part in phrase.split(_GAP))
    stem = phrase.endswith("*")
    text = phrase[:-1] if stem else phrase
    parts = []
    for piece in _PIECES.split(text):
        if not piece:
            continue
        if piece[0] in _APOSTROPHES:
            parts.append(_APOS)
        elif _PIECES.fullmatch(piece):
            parts.append(_SEP)
        else:
            parts.append(re.escape(piece))
    body = "".join(parts) + (f"{_WORD}*" if stem else "")
    # acronyms match only in capitals: "SEND" the acronym, not the verb "send"
    return f"(?-i:{body})" if _is_acronym(text) else body


@functools.lru_cache(maxsize=4096)
def phrase_regex(phrase: str) -> re.Pattern[str]:
    """Compile one themes.yaml phrase as the tagger matches it."""
    left = _OPENING_LEFT if phrase.startswith(_OPENING) else _LEFT
    return regexcache.compile(f"{left}(?:{_phrase_body(phrase)}){_RIGHT}", re.IGNORECASE)


def _first_token(phrase: str) -> tuple[str, bool]:
    """The phrase's first word, lower-cased, and whether it is a stem ("exclusion*")."""
    m = _TOKEN.match(phrase := phrase.removeprefix(_OPENING).lstrip())
    if m is None:
        raise CskgError(f"theme phrase '{phrase}' must start with a letter or digit")
    stem = m.end() == len(phrase) - 1 and phrase.endswith("*")
    return m.group().lower(), stem


@dataclass(frozen=True)
class _Entry:
    theme: int  # index into ThemeScheme.themes
    order: int  # position of the phrase in its theme's list
    term: str

    @functools.cached_property
    def opening(self) -> bool:
        """The phrase matches only where the statement opens ("^plans")."""
        return self.term.startswith(_OPENING)

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """Anchored at a word start; checks the right boundary. Compiled when first tried:
        a build meets only some of the scheme's phrases, and compiling all costs more."""
        return _anchored_regex(self.term)


@functools.lru_cache(maxsize=4096)
def _anchored_regex(term: str) -> re.Pattern[str]:
    return regexcache.compile(f"(?:{_phrase_body(term)}){_RIGHT}", re.IGNORECASE)


class _PhraseIndex:
    """Phrases indexed by their first word, so tagging looks up words instead of scanning.

    One regex search per theme over every sentence is far too slow for a national build;
    instead the text is split into words once, and only phrases whose first word (or stem)
    matches a word are tried there, anchored.
    """

    def __init__(self, phrase_lists: Sequence[Sequence[str]]) -> None:
        exact: dict[str, list[_Entry]] = {}
        stems: dict[int, dict[str, list[_Entry]]] = {}
        for theme, phrases in enumerate(phrase_lists):
            for order, term in enumerate(phrases):
                entry = _Entry(theme, order, term)
                word, stem = _first_token(term)
                table = stems.setdefault(len(word), {}) if stem else exact
                table.setdefault(word, []).append(entry)
        # within a theme, try longer phrases first so the fullest match is reported
        self._exact = {w: _ordered(es) for w, es in exact.items()}
        self._cache: dict[str, list[_Entry]] = {}
        self._stems = sorted(
            (n, {w: _ordered(es) for w, es in table.items()}) for n, table in stems.items()
        )

    def compile_all(self) -> int:
        """Compile every phrase's regex now, not when first tried; how many."""
        entries = [e for es in self._exact.values() for e in es]
        entries += [e for _, table in self._stems for es in table.values() for e in es]
        for e in entries:
            e.regex  # noqa: B018 - a cached property, compiled by reading it
        return len(entries)

    def lookup(self, word: str) -> list[_Entry]:
        """Phrases that may start at a word (lower-cased)."""
        found = self._cache.get(word)
        if found is None:
            found = self._lookup(word)
            if len(self._cache) >= 100_000:
                self._cache.clear()
            self._cache[word] = found
        return found

    def _lookup(self, word: str) -> list[_Entry]:
        found = self._exact.get(word, [])
        for length, table in self._stems:
            if length > len(word):
                break
            more = table.get(word[:length])
            if more:
                found = _ordered([*found, *more])
        return found

    def first_matches(
        self, text: str, excludes: Sequence[_Excludes]
    ) -> dict[int, tuple[_Entry, int, int]]:
        """For each theme, its first phrase match in ``text`` that no exclude phrase covers."""
        found: dict[int, tuple[_Entry, int, int]] = {}
        spans: dict[int, list[tuple[int, int]]] = {}
        for word in _TOKEN.finditer(text):
            start = word.start()
            # no phrase starts inside a hyphenated word, but an opening one may follow a dash
            # that opens the statement ("-Plans are clear"), as its regex allows
            hyphenated = start > 0 and text[start - 1] in _DASH_CHARS
            if hyphenated and (start > _OPENING_SLACK or _TOKEN.search(text, 0, start)):
                continue
            for entry in self.lookup(word.group().lower()):
                if entry.theme in found:
                    continue
                if entry.opening and (start > _OPENING_SLACK or _TOKEN.search(text, 0, start)):
                    continue
                if hyphenated and not entry.opening:
                    continue
                m = entry.regex.match(text, start)
                if m is None:
                    continue
                end = m.end()
                if excludes[entry.theme]:
                    if entry.theme not in spans:
                        spans[entry.theme] = excludes[entry.theme].spans(text)
                    if any(a <= start and end <= b for a, b in spans[entry.theme]):
                        continue
                found[entry.theme] = (entry, start, end)
        return found


class _Excludes:
    """A theme's exclude phrases, and where they match in a text.

    A phrase can match only where its first word occurs (in any case), so a phrase whose
    first word is nowhere in the text is not run: a theme may have eighty of them, and most
    texts hold the first words of a few.
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        self.regexes = tuple(phrase_regex(p) for p in phrases)
        words = [_first_token(p)[0] for p in phrases]
        # (no shortcut for a first word outside ASCII, whose case folding is not lower())
        self._words = tuple(w if w.isascii() else "" for w in words)

    def __bool__(self) -> bool:
        return bool(self.regexes)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of every match of every exclude phrase in ``text``, phrase by phrase."""
        low = lowered(text)  # (None: a character that folds to an ASCII letter; run them all)
        return [
            x.span()
            for r, w in zip(self.regexes, self._words, strict=True)
            if low is None or not w or w in low
            for x in r.finditer(text)
        ]


def _ordered(entries: list[_Entry]) -> list[_Entry]:
    return sorted(entries, key=lambda e: (e.theme, -len(e.term), e.order))


def _fold(text: str) -> str:
    """Case-, apostrophe-, hyphen- and space-insensitive key for label lookup."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(re.sub(f"[{_DASHES}_]+", " ", text).split())


class ThemeScheme:
    """The loaded theme scheme: lookup, hierarchy and tagging."""

    def __init__(self, themes: Iterable[Theme], source: str = "themes") -> None:
        self.themes: tuple[Theme, ...] = tuple(themes)
        self.source = source
        self._by_id = {t.id: t for t in self.themes}
        self._text_index = _PhraseIndex([t.match for t in self.themes])
        self._section_index = _PhraseIndex([t.section for t in self.themes])
        self._excludes = [_Excludes(t.exclude) for t in self.themes]
        self._no_excludes = [_Excludes(())] * len(self.themes)
        self._section_cache: dict[str, tuple[ThemeTag, ...]] = {}

    def __len__(self) -> int:
        return len(self.themes)

    def compile_all(self) -> int:
        """Compile every phrase's regex now (a build compiles each when first tried); how
        many. For keeping them ahead (cskg.graph.prepare)."""
        return self._text_index.compile_all() + self._section_index.compile_all()

    def __iter__(self) -> Iterator[Theme]:
        return iter(self.themes)

    def __contains__(self, theme_id: object) -> bool:
        return theme_id in self._by_id

    def get(self, theme_id: str) -> Theme:
        """The theme with this id; raises CskgError if there is none."""
        try:
            return self._by_id[theme_id]
        except KeyError:
            raise CskgError(f"{self.source}: no theme with id '{theme_id}'") from None

    def ancestors(self, theme_id: str) -> tuple[Theme, ...]:
        """Broader themes of ``theme_id``, nearest first."""
        out: list[Theme] = []
        broader = self.get(theme_id).broader
        while broader is not None:
            theme = self._by_id[broader]
            out.append(theme)
            broader = theme.broader
        return tuple(out)

    def ancestor_ids(self, theme_id: str) -> tuple[str, ...]:
        """Ids of the broader themes of ``theme_id``, nearest first."""
        return tuple(t.id for t in self.ancestors(theme_id))

    def narrower(self, theme_id: str) -> tuple[Theme, ...]:
        """Themes whose broader theme is ``theme_id``, in file order."""
        self.get(theme_id)
        return tuple(t for t in self.themes if t.broader == theme_id)

    def top(self) -> tuple[Theme, ...]:
        """Themes with no broader theme, in file order."""
        return tuple(t for t in self.themes if t.broader is None)

    def match_label(self, text: str) -> list[Theme]:
        """Themes a user means by ``text``: exact label, else substring, else close spelling."""
        query = _fold(text)
        if not query:
            return []

        def names(theme: Theme) -> list[str]:
            return [_fold(n) for n in (theme.id, theme.pref_label, *theme.alt_labels)]

        exact = [t for t in self.themes if query in names(t)]
        if exact:
            return exact
        partial = [t for t in self.themes if any(query in n for n in names(t))]
        if partial:
            return partial
        owners: dict[str, list[Theme]] = {}
        for theme in self.themes:
            for name in names(theme):
                owners.setdefault(name, [])
                if theme not in owners[name]:
                    owners[name].append(theme)
        found: list[Theme] = []
        for name in difflib.get_close_matches(query, sorted(owners), n=10, cutoff=0.6):
            found.extend(t for t in owners[name] if t not in found)
        return found

    def tag(self, text: str, section: str = "", context: str = "") -> tuple[ThemeTag, ...]:
        """Themes of a statement: one tag per theme, text matches first, then section ones.

        Text tags are ordered by start offset, then theme id; a theme matched in the text is
        not repeated from the section heading. Section tags follow, in the same order.

        A phrase that matches only where the statement opens ("^plans") does not count under
        a heading that one of its theme's exclude phrases matches ("Council plan 2019-2020").

        A heading that names several narrower themes of a theme marked ``sectionFirstOnly``
        ("The experiences and progress of children in care and care leavers") gives a
        statement the first it names, or none when the statement's own words name one of
        them: a paragraph on care leavers says so ("Care leavers ...", "Personal advisers
        ..."), and the statements around it are about children in care. ``context``, the
        sentences of the statement's paragraph before it, decides for a statement that names
        none of them when it names exactly one ("Care leavers have a personal adviser. They are
        not consistently reviewed."): that one, not the heading's first.
        """
        found = self._text_index.first_matches(text, self._excludes)
        if section:
            # an opening phrase is read in its heading's light: "Plans are important as
            # indicators of commitment" under "Council plan 2019-2020" are the council's plans,
            # which the theme excludes
            for k in [k for k, (entry, _, _) in found.items() if entry.opening]:
                if any(r.search(section) for r in self._excludes[k].regexes):
                    del found[k]
        text_tags = self._tags(found, "text")
        if not section:
            return text_tags
        seen = {t.theme_id for t in text_tags}
        heading = sorted(self._section_tags(section), key=lambda t: t.start)
        # the groups of which the statement names one of the heading's themes itself
        groups = {self._exclusive(t.theme_id) for t in heading if t.theme_id in seen} - {None}
        # (only where the heading names two or more of a group and the statement none: most
        # statements are under no such heading, and reading every paragraph costs the build)
        chosen: dict[str, str] = {}
        if context and len(heading) > 1:
            open_groups = Counter(self._exclusive(t.theme_id) for t in heading)
            if any(n > 1 and g is not None and g not in groups for g, n in open_groups.items()):
                chosen = self._named_in(context, heading, groups)
        extra = []
        for t in heading:
            if t.theme_id in seen:
                continue
            broader = self._exclusive(t.theme_id)
            if broader is not None and chosen.get(broader, t.theme_id) != t.theme_id:
                continue  # the paragraph is about another of the heading's groups
            if broader is not None and broader in groups:
                continue  # the heading's first, or the one the statement names, is enough
            if broader is not None:
                groups.add(broader)
            extra.append(t)
        return text_tags + tuple(sorted(extra, key=lambda t: (t.start, t.theme_id)))

    def _named_in(
        self, context: str, heading: list[ThemeTag], groups: set[str | None]
    ) -> dict[str, str]:
        """Of each ``sectionFirstOnly`` group the heading names and the statement does not
        (``groups``), the one theme ``context`` names, where it names exactly one."""
        wanted = {t.theme_id for t in heading if self._exclusive(t.theme_id) not in groups}
        named: dict[str, set[str]] = {}
        for t in self._tags(self._text_index.first_matches(context, self._excludes), "text"):
            broader = self._exclusive(t.theme_id)
            if broader is not None and t.theme_id in wanted:
                named.setdefault(broader, set()).add(t.theme_id)
        return {b: next(iter(ids)) for b, ids in named.items() if len(ids) == 1}

    def _exclusive(self, theme_id: str) -> str | None:
        """The broader theme of ``theme_id`` when it is marked ``sectionFirstOnly``."""
        broader = self._by_id[theme_id].broader
        if broader is None or not self._by_id[broader].section_first_only:
            return None
        return broader

    def _tags(self, found: dict[int, tuple[_Entry, int, int]], source: str) -> tuple[ThemeTag, ...]:
        tags = [
            ThemeTag(self.themes[entry.theme].id, entry.term, start, end, source)
            for entry, start, end in found.values()
        ]
        return tuple(sorted(tags, key=lambda t: (t.start, t.theme_id)))

    def _section_tags(self, section: str) -> tuple[ThemeTag, ...]:
        # many statements share one heading: match each heading once
        cached = self._section_cache.get(section)
        if cached is None:
            found = self._section_index.first_matches(section, self._no_excludes)
            cached = self._tags(found, "section")
            if len(self._section_cache) >= 4096:
                self._section_cache.clear()
            self._section_cache[section] = cached
        return cached


# ------------------------------------------------------------------------------ loading


def _display(path: Path) -> str:
    return "ontology/themes.yaml" if path == DEFAULT_PATH else str(path)


def _strings(value: Any, where: str, field: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, list):
        raise CskgError(f"{where}: theme '{name}': {field} must be a list of strings")
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise CskgError(f"{where}: theme '{name}': {field} has an empty or non-text entry")
        out.append(" ".join(item.split()))
    return tuple(out)


def _check_phrases(phrases: tuple[str, ...], where: str, field: str, name: str) -> None:
    seen: dict[str, str] = {}
    for phrase in phrases:
        parts = phrase.split(_GAP)
        if "..." in phrase and (field != "exclude" or any("..." in part for part in parts)):
            raise CskgError(
                f"{where}: theme '{name}': {field} phrase '{phrase}': a gap ' ... ' between "
                "words is allowed only in exclude phrases"
            )
        for part in parts:
            body = part[:-1] if part.endswith("*") else part
            body = body.removeprefix(_OPENING).lstrip()
            if "*" in body:
                where_star = "the end of a word before a gap or at " if len(parts) > 1 else ""
                raise CskgError(
                    f"{where}: theme '{name}': {field} phrase '{phrase}' may use * only at "
                    f"{where_star}its end"
                )
            if not _TOKEN.match(body):
                raise CskgError(
                    f"{where}: theme '{name}': {field} phrase '{phrase}' "
                    "must start with a letter or digit"
                )
        body_re = _phrase_body(phrase)
        acronym = _is_acronym(phrase.replace(_GAP, " "))
        # (a phrase and its opening form, "^plans", are different phrases)
        key = (body_re if acronym else body_re.lower()) + (
            _OPENING if phrase.startswith(_OPENING) else ""
        )
        if key in seen:
            raise CskgError(
                f"{where}: theme '{name}': {field} phrases '{seen[key]}' and '{phrase}' "
                "match the same words"
            )
        seen[key] = phrase


def _text(value: Any, where: str, field: str, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise CskgError(f"{where}: theme '{name}': {field} must be non-empty text")
    return " ".join(value.split())


def _theme(entry: Any, index: int, where: str) -> Theme:
    if not isinstance(entry, dict):
        raise CskgError(f"{where}: theme {index} is not a mapping of id, prefLabel, ...")
    theme_id = entry.get("id")
    if not isinstance(theme_id, str) or not theme_id:
        raise CskgError(f"{where}: theme {index} has no id")
    if not _SLUG.match(theme_id):
        raise CskgError(
            f"{where}: theme id '{theme_id}' is not a slug (lower-case words joined by '-')"
        )
    unknown = sorted(set(entry) - _KEYS, key=str)
    if unknown:
        raise CskgError(
            f"{where}: theme '{theme_id}' has unknown key '{unknown[0]}' "
            f"(allowed: {', '.join(sorted(_KEYS))})"
        )
    pref = entry.get("prefLabel")
    if not isinstance(pref, str) or not pref.strip():
        raise CskgError(f"{where}: theme '{theme_id}' has no prefLabel")
    close = _text(entry.get("closeMatch"), where, "closeMatch", theme_id)
    if close is not None and close not in JUDGEMENT_AREAS:
        raise CskgError(
            f"{where}: theme '{theme_id}': closeMatch '{close}' is not an Ofsted judgement area"
        )
    theme = Theme(
        id=theme_id,
        pref_label=" ".join(pref.split()),
        alt_labels=_strings(entry.get("altLabels"), where, "altLabels", theme_id),
        definition=_text(entry.get("definition"), where, "definition", theme_id) or "",
        broader=_text(entry.get("broader"), where, "broader", theme_id),
        close_match=close,
        match=_strings(entry.get("match"), where, "match", theme_id),
        section=_strings(entry.get("section"), where, "section", theme_id),
        exclude=_strings(entry.get("exclude"), where, "exclude", theme_id),
        section_first_only=_flag(entry.get("sectionFirstOnly"), where, theme_id),
    )
    for field in ("match", "section", "exclude"):
        _check_phrases(getattr(theme, field), where, field, theme_id)
    return theme


def _flag(value: Any, where: str, theme_id: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise CskgError(f"{where}: theme '{theme_id}': sectionFirstOnly must be true or false")
    return value


def _check_hierarchy(themes: Sequence[Theme], where: str) -> None:
    by_id: dict[str, Theme] = {}
    for i, theme in enumerate(themes, start=1):
        if theme.id in by_id:
            first = next(j for j, t in enumerate(themes, start=1) if t.id == theme.id)
            raise CskgError(f"{where}: duplicate theme id '{theme.id}' (themes {first} and {i})")
        by_id[theme.id] = theme
    for theme in themes:
        if theme.broader is not None and theme.broader not in by_id:
            raise CskgError(
                f"{where}: theme '{theme.id}' has broader '{theme.broader}', "
                "which is not a theme id"
            )
    for theme in themes:
        chain = [theme.id]
        broader = theme.broader
        while broader is not None:
            chain.append(broader)
            if broader == theme.id:
                raise CskgError(
                    f"{where}: theme '{theme.id}' is its own ancestor via {' → '.join(chain)}"
                )
            if broader in chain[:-1]:
                break  # a cycle above this theme: reported from one of its members
            broader = by_id[broader].broader


def load_themes(path: Path | None = None) -> ThemeScheme:
    """Load and check the theme scheme (default: ontology/themes.yaml beside this module)."""
    path = DEFAULT_PATH if path is None else Path(path)
    where = _display(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise CskgError(f"{where}: cannot read theme scheme ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise CskgError(f"{where}: not UTF-8 text ({err.reason})") from err
    try:
        data = yamlio.safe_load(raw)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "cannot parse"
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise CskgError(f"{where}: malformed YAML{at}: {problem}") from err
    except (ValueError, RecursionError) as err:  # a date-like value that is no date; deep nesting
        raise CskgError(f"{where}: malformed YAML: {err}") from err
    entries = data.get("themes") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not entries:
        raise CskgError(f"{where}: expected a non-empty list under 'themes:'")
    themes = [_theme(entry, i, where) for i, entry in enumerate(entries, start=1)]
    _check_hierarchy(themes, where)
    return ThemeScheme(themes, source=where)
