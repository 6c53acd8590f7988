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
from collections.abc import Sequence

__all__ = ["FOLDS_TO_ASCII", "Prefilter", "literal_starts", "lowered"]


def literal_starts(pattern: str) -> tuple[str, ...] | None:
    """Lower-case ASCII texts one of which every match of ``pattern`` begins with.

    Read from the parsed pattern: zero-width assertions (``\\b``, look-arounds) are passed
    over, literal characters collected, a group or alternation of literals branches; the
    first repeat or character class ends the start. None when some match could begin with
    fewer than two known characters.
    """
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


# the only characters outside ASCII that match an ASCII letter under re.IGNORECASE
# (İ ı ſ and the Kelvin sign; tests/loaders/test_findings.py checks the list)
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def lowered(s: str) -> str | None:
    """``s`` in lower case for :meth:`Prefilter.candidates`, or None when a rare character that
    matches an ASCII letter under re.IGNORECASE makes the substring test unsafe."""
    if any(ch in s for ch in FOLDS_TO_ASCII):
        return None
    return s.lower()


class Prefilter:
    """Which of a list of patterns could match a text, by their literal starts."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._by_start: dict[str, list[int]] = {}
        self._always: list[int] = []
        for i, p in enumerate(patterns):
            starts = literal_starts(p.pattern)
            if starts is None:
                self._always.append(i)
            for x in starts or ():
                self._by_start.setdefault(x, []).append(i)
        self._all = list(range(len(patterns)))

    def candidates(self, low: str | None) -> list[int]:
        """Indices, in order, of the patterns that could match the text whose
        :func:`lowered` form is ``low`` (None: every pattern)."""
        if low is None:
            return self._all
        found = set(self._always)
        for x, ids in self._by_start.items():
            if x in low:
                found.update(ids)
        return sorted(found)
