"""A prefilter for lists of regular expressions run over every sentence.

Extraction runs ~150 cue patterns and ~60 assessment-kind patterns over every sentence, and
most of them cannot match most sentences. Each pattern's literal start ("delay" for
``\\bdelays?\\b``) is read from the parsed pattern, and a substring test on the lower-cased
sentence rules a pattern out without running it. The test is a necessary condition only: a
pattern that passes it still runs, so results are exactly those of running every pattern
(tests/loaders/test_patterns.py checks that).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from cskg.loaders import regexcache

__all__ = [
    "FOLDS_TO_ASCII",
    "AnyOf",
    "Gate",
    "Gated",
    "Prefilter",
    "literal_parts",
    "literal_starts",
    "literal_starts_of_any",
    "lowered",
    "trie",
]


@lru_cache(maxsize=4096)
def literal_starts(pattern: str) -> tuple[str, ...] | None:
    """Lower-case ASCII texts one of which every match of ``pattern`` begins with.

    Read from the parsed pattern: zero-width assertions (``\\b``, look-arounds) are passed
    over, literal characters collected, a group or alternation of literals branches; the
    first repeat or character class ends the start. None when some match could begin with
    fewer than two known characters. (Kept between runs by :mod:`cskg.loaders.regexcache`.)
    """
    return regexcache.remembered("literal_starts", _literal_starts, pattern)


def _literal_starts(pattern: str) -> tuple[str, ...] | None:
    """:func:`literal_starts`, worked out."""
    from re import _constants as c
    from re import _parser

    def starts(items: object) -> list[str] | None:
        out = [""]
        for op, av in items:  # type: ignore[attr-defined]
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.LITERAL:
                out = [o + chr(av) for o in out]
                continue
            if op is c.SUBPATTERN:
                alts: list[list[str] | None] = [starts(av[3])]
            elif op is c.BRANCH:
                alts = [starts(a) for a in av[1]]
            else:
                break
            if all(a is not None for a in alts):
                out = [o + x for o in out for a in alts for x in a]  # type: ignore[union-attr]
            break
        return out

    try:
        found = starts(_parser.parse(pattern, re.IGNORECASE))
    except Exception:  # noqa: BLE001 - a parser that changed: no shortcut, never a wrong one
        return None
    if not found or len(found) > 64 or any(len(x) < 2 or not x.isascii() for x in found):
        return None
    return tuple(sorted({x.lower() for x in found}))


def literal_parts(pattern: str) -> tuple[str, ...] | None:
    """Lower-case ASCII texts one of which every match of ``pattern`` contains somewhere.

    Like :func:`literal_starts`, but any run of literal characters that every match has will
    do, not only the one it starts with ("concerns? (?:was|were)" after an optional opening
    gives "concern"); of the runs found, the one whose shortest text is longest. None when no
    run of at least two known characters is found. (Kept between runs, as literal_starts.)
    """
    return regexcache.remembered("literal_parts", _literal_parts, pattern)


def _literal_parts(pattern: str) -> tuple[str, ...] | None:
    from re import _constants as c
    from re import _parser

    def full(items: object) -> list[str] | None:
        """The texts ``items`` match when they are literal characters only (and zero-width)."""
        out = [""]
        for op, av in items:  # type: ignore[attr-defined]
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.LITERAL:
                out = [o + chr(av) for o in out]
            elif op in (c.SUBPATTERN, c.BRANCH):
                alts = [full(av[3])] if op is c.SUBPATTERN else [full(a) for a in av[1]]
                if any(a is None for a in alts):
                    return None
                out = [o + x for o in out for a in alts for x in a]  # type: ignore[union-attr]
            else:
                return None
            if len(out) > 64:
                return None
        return out

    def valid(texts: list[str] | None) -> bool:
        return (
            bool(texts)
            and len(texts) <= 64
            and all(  # type: ignore[arg-type]
                len(x) >= 2 and x.isascii()
                for x in texts  # type: ignore[union-attr]
            )
        )

    def parts(items: object) -> list[str] | None:
        best: list[str] | None = None

        def consider(texts: list[str] | None) -> None:
            nonlocal best
            if valid(texts) and (
                best is None or min(map(len, texts)) > min(map(len, best))  # type: ignore[arg-type]
            ):
                best = texts

        run = [""]
        for op, av in items:  # type: ignore[attr-defined]
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # zero-width: the characters either side are adjacent
            if op is c.LITERAL:
                run = [o + chr(av) for o in run]
                continue
            if op in (c.SUBPATTERN, c.BRANCH):
                body = [av[3]] if op is c.SUBPATTERN else list(av[1])
                texts = [full(b) for b in body]
                if all(t is not None for t in texts):
                    longer = [o + x for o in run for t in texts for x in t]  # type: ignore[union-attr]
                    if len(longer) <= 64:
                        run = longer
                        continue
                    consider(run)
                    run = [""]
                    continue
                consider(run)
                run = [""]
                sub = [parts(b) for b in body]  # every match contains a part of its branch
                if all(x is not None for x in sub):
                    consider(sorted({x for t in sub for x in t}))  # type: ignore[union-attr]
                continue
            consider(run)
            run = [""]
            if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                consider(parts(av[2]))  # a repeat at least once contains its body
        consider(run)
        return best

    try:
        found = parts(_parser.parse(pattern, re.IGNORECASE))
    except Exception:  # noqa: BLE001 - a parser that changed: no shortcut, never a wrong one
        return None
    return tuple(sorted({x.lower() for x in found})) if found else None


def literal_starts_of_any(patterns: Sequence[str]) -> tuple[str, ...] | None:
    """:func:`literal_starts` of an alternation of ``patterns``: None when one has none."""
    out: set[str] = set()
    for p in patterns:
        starts = literal_starts(p)
        if starts is None:
            return None
        out.update(starts)
    return tuple(sorted(out))


def trie(texts: Sequence[str]) -> str:
    """A regular expression (case-sensitive) matching exactly ``texts``, the longest one where
    several begin at the same place: one character is tried once, not once per text."""
    root: dict = {}
    for t in texts:
        node = root
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a text ends here: going on is optional (greedy, so longest first)
            body = f"(?:{body})?"
        return body

    return build(root)


# the only characters outside ASCII that match an ASCII letter under re.IGNORECASE
# (İ ı ſ and the Kelvin sign; tests/loaders/test_patterns.py checks the list)
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


_FOLDS = regexcache.compile(f"[{FOLDS_TO_ASCII}]")


def lowered(s: str) -> str | None:
    """``s`` in lower case for :meth:`Prefilter.candidates`, or None when a rare character that
    matches an ASCII letter under re.IGNORECASE makes the substring test unsafe."""
    if _FOLDS.search(s):
        return None
    return s.lower()


class Prefilter:
    """Which of a list of patterns could match a text, by their literal starts.

    The starts are found in one pass: a regular expression of all of them as a trie finds,
    at each place where some start occurs, the longest one there; the starts occurring there
    are exactly that one and those of its prefixes that are starts too.
    """

    def __init__(
        self,
        patterns: Sequence[re.Pattern[str]],
        literals: Callable[[str], tuple[str, ...] | None] = literal_starts,
    ) -> None:
        """:param literals: the texts one of which every match of a pattern has:
        :func:`literal_starts` (the default) or :func:`literal_parts`."""
        by_start: dict[str, set[int]] = {}
        self._always: list[int] = []
        for i, p in enumerate(patterns):
            starts = literals(p.pattern)
            if starts is None:
                self._always.append(i)
            for x in starts or ():
                by_start.setdefault(x, set()).add(i)
        self._all = list(range(len(patterns)))
        # each start with the patterns of every start that is a prefix of it
        self._with_prefixes = {
            x: frozenset(i for k in range(2, len(x) + 1) for i in by_start.get(x[:k], ()))
            for x in by_start
        }
        self._starts = regexcache.compile(trie(sorted(by_start))) if by_start else None

    def candidates(self, low: str | None) -> list[int]:
        """Indices, in order, of the patterns that could match the text whose
        :func:`lowered` form is ``low`` (None: every pattern)."""
        if low is None:
            return self._all
        found = set(self._always)
        rx = self._starts
        m = rx.search(low) if rx is not None else None
        while m is not None:
            found |= self._with_prefixes[m.group()]
            m = rx.search(low, m.start() + 1)  # type: ignore[union-attr]
        return sorted(found)


class Alternation:
    """``re.compile("|".join(patterns))``, faster where most texts match none of them: only
    the patterns one of whose :func:`literal_parts` occurs in a text are tried on it, and the
    matches are exactly the full alternation's.

    The patterns tried are not compiled again as one alternation (a sentence's few candidates
    are a new combination as often as not, and compiling one costs more than running it):
    each is searched on its own and their matches merged as the alternation scans, leftmost
    first and, at one place, the first pattern in order.
    """

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        self._patterns = tuple(patterns)
        self._flags = flags
        self._each = [regexcache.compile(p, flags) for p in patterns]
        self._filter = Prefilter(self._each, literal_parts)

    def finditer(self, s: str) -> Iterator[re.Match[str]]:
        """The matches of the alternation in ``s``, as :meth:`re.Pattern.finditer`."""
        which = self._filter.candidates(lowered(s))
        if len(which) <= 1:
            return self._each[which[0]].finditer(s) if which else iter(())
        return iter(self._merged(which, s))

    def _merged(self, which: list[int], s: str) -> list[re.Match[str]]:
        tried = [self._each[i] for i in which]
        ahead = [p.search(s) for p in tried]  # each pattern's next match
        found: list[re.Match[str]] = []
        pos = 0
        while True:
            best: re.Match[str] | None = None
            for k, m in enumerate(ahead):
                if m is not None and m.start() < pos:  # overlapped by the last match
                    m = ahead[k] = tried[k].search(s, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return found
            if best.end() == best.start():
                # an empty match: finditer's rules for what may follow one are its own
                joined = _alternation([self._patterns[i] for i in which], self._flags)
                return list(joined.finditer(s))  # type: ignore[union-attr]
            found.append(best)
            pos = best.end()


class Gate:
    """Could a pattern match a text at all? No when none of its literal starts occurs in it.

    A necessary condition only, like :class:`Prefilter`: a text that passes still needs the
    pattern run.
    """

    def __init__(self, starts: Sequence[str] | None) -> None:
        # a start that contains another is implied by it
        kept = sorted({x for x in starts or () if not any(y != x and y in x for y in starts)})
        self._rx = regexcache.compile(trie(kept)) if starts else None

    @classmethod
    def of(cls, patterns: Sequence[str]) -> Gate:
        """The gate of an alternation of ``patterns``: one of each one's :func:`literal_parts`
        must occur."""
        parts: set[str] = set()
        for p in patterns:
            found = literal_parts(p)
            if found is None:
                return cls(None)
            parts.update(found)
        return cls(sorted(parts))

    def may_match(self, low: str | None) -> bool:
        """False only when the pattern cannot match the text whose :func:`lowered` form is
        ``low`` (None: unknown, so True)."""
        return low is None or self._rx is None or self._rx.search(low) is not None


class Gated:
    """One pattern, searched only in texts where one of its :func:`literal_parts` occurs.

    For a long pattern run over every sentence (cues.yaml's ``knowing``, ``remedied``): a
    :class:`Gate` over the lower-cased text rules most sentences out in one quick scan, and
    finds exactly what the pattern would (none) where it does.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = regexcache.compile(pattern, flags)
        self.pattern = pattern
        self.flags = self.regex.flags
        self._gate = Gate.of([pattern])

    def finditer(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        if not self._gate.may_match(lowered(s)):
            return iter(())
        return self.regex.finditer(s, pos, endpos)

    def search(self, s: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        if not self._gate.may_match(lowered(s)):
            return None
        return self.regex.search(s, pos, endpos)


def _anchored(pattern: str, flags: int) -> bool:
    """Can ``pattern`` match only at the start of the text searched (``^``, not multiline)?"""
    return regexcache.remembered("anchored", _anchored_now, pattern, int(flags))


def _anchored_now(pattern: str, flags: int) -> bool:
    from re import _constants as c
    from re import _parser

    def starts_anchored(items: object) -> bool:
        for op, av in items:  # type: ignore[attr-defined]
            if op is c.AT:
                return av is c.AT_BEGINNING or av is c.AT_BEGINNING_STRING
            if op is c.SUBPATTERN:
                return not av[1] & re.MULTILINE and starts_anchored(av[3])
            if op is c.BRANCH:
                return all(starts_anchored(a) for a in av[1])
            return False
        return False

    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a parser that changed: not known to be anchored
        return False
    if (flags | parsed.state.flags) & re.MULTILINE:
        return False
    return starts_anchored(parsed)


class AnyOf:
    """Does any of a list of patterns match somewhere in a text? As ``bool(re.search(...))``
    on their alternation, faster: the patterns anchored at the text's start are tried there
    only, the few with no literal part everywhere ("[\\w.-]+@[\\w-]+\\.[\\w.]+"), and the
    others only when one of their literal parts occurs in the text."""

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        anchored = [p for p in patterns if _anchored(p, flags)]
        rest = [p for p in patterns if p not in anchored]
        free = [p for p in rest if literal_parts(p) is None]
        gated = [p for p in rest if p not in free]
        self._anchored = _alternation(anchored, flags)
        self._free = _alternation(free, flags)
        self._rest = _alternation(gated, flags)
        self._gate = Gate.of(gated)

    def search(self, s: str) -> bool:
        """Whether some pattern matches somewhere in ``s``."""
        if self._anchored is not None and self._anchored.match(s):
            return True
        if self._free is not None and self._free.search(s):
            return True
        if self._rest is None:
            return False
        return self._gate.may_match(lowered(s)) and self._rest.search(s) is not None


def _alternation(patterns: Sequence[str], flags: int) -> re.Pattern[str] | None:
    return regexcache.compile("|".join(f"(?:{p})" for p in patterns), flags) if patterns else None
