"""Recommendations, next steps and commitments, with who must carry them out and by when."""

from __future__ import annotations

import re

from .actors import Gazetteer
from .assessments import find_dates
from .findings import cues

__all__ = ["due_date", "is_action", "responsible"]


def is_action(sentence: str, in_action_section: bool) -> bool:
    """A sentence that commits, recommends or requests something."""
    c = cues()
    s = sentence.strip()
    if c.not_action.search(s):
        return False
    if c.action.search(s):
        return True
    # A bare item under "Recommendations" or "What needs to improve" is itself the action.
    return in_action_section and len(s.split()) >= 4


def due_date(sentence: str) -> str | None:
    """When the action is due: "2023-12" for "by mid December 2023", or the phrase itself."""
    m = cues().due.search(sentence)
    if not m:
        return None
    phrase = m.group(0)
    dates = find_dates(phrase)
    if dates:
        d = dates[0]
        return f"{d.year}-{d.month:02d}" if d.month else str(d.year)
    return phrase


def responsible(
    sentence: str,
    gaz: Gazetteer,
    people: dict[str, str],
    post_holders: dict[str, str],
    default: str,
) -> str:
    """The agent key of the sentence's subject (the words before the action verb).

    :param people: person name (as written) -> person key, for people this document names
    :param post_holders: post key -> person key, for posts this document says who holds
    :param default: the agent when the subject names none (a recommendation's addressee)
    """
    c = cues()
    m = c.action.search(sentence)
    subject = sentence[: m.start()] if m else sentence
    found: list[tuple[int, str]] = []
    for name, key in people.items():
        i = subject.find(name)
        if i >= 0:
            found.append((i, key))
    found.extend(gaz.orgs_in(subject))
    posts = gaz.posts_in(subject)
    for i, p in posts:
        found.append((i, post_holders.get(p.key, p.org)))
    if found:
        return min(found)[1]
    rest = sentence[m.end() :] if m else ""
    by = re.search(r"\b(?:by|with) (?:the )?(.{2,60})", rest)
    if by:
        orgs = gaz.orgs_in(by.group(1))
        if orgs:
            return orgs[0][1]
    return default
