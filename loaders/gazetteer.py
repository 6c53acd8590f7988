"""English children's services authorities, and which one a document is about: no RDF here."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from cskg import yamlio
from cskg.errors import CskgError
from cskg.loaders.patterns import trie

__all__ = ["DEFAULT_PATH", "LocalAuthority", "find_council", "load_local_authorities"]

DEFAULT_PATH = Path(__file__).with_name("local_authorities.yaml")

#: How much of a document's start :func:`find_council` reads.
HEAD_CHARS = 3000

# Phrases that contain an authority's name but name something else; matched (longest first)
# so that they hide the shorter name inside them, then ignored.
_NOT_AUTHORITIES = ("Newcastle-under-Lyme", "Durham Constabulary")

# Where a report names its subject: title lines of inspections, visits and SIF summaries.
_TITLES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\binspection of (?P<x>.{1,120}?) (?:local authority )?children's (?:social care )?serv",
        r"\b(?:focused|monitoring) visit (?:to|of) (?P<x>.{1,120}?) (?:local authority )?childr",
        r"\bchildren's services in (?P<x>.{1,120}?) (?:are|is|require|requires)\b",
    )
)


@dataclass(frozen=True)
class LocalAuthority:
    """One children's services authority, with the identifiers analysts join on."""

    name: str  # as Ofsted writes it, e.g. "Kingston upon Hull"
    variants: tuple[str, ...] = ()  # e.g. "Hull", "Hull City Council"
    gss: str | None = None  # ONS GSS code, e.g. "E06000035"
    region: str | None = None  # ONS region name
    urn: str | None = None  # Ofsted unique reference number
    neighbours: tuple[str, ...] = ()  # DfE statistical neighbours, GSS codes, closest first
    dfe_code: str | None = None  # DfE three-digit LA code, e.g. "887"
    abolished: int | None = None  # year the authority ceased to exist
    replaced_by: tuple[str, ...] = ()  # names of its successors

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its variants."""
        return (self.name, *self.variants)


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CskgError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def load_local_authorities(path: Path | str | None = None) -> tuple[LocalAuthority, ...]:
    """Read the gazetteer (default: the one shipped with cskg), in file order."""
    return _load(Path(path) if path is not None else DEFAULT_PATH)


@lru_cache(maxsize=8)
def _load(path: Path) -> tuple[LocalAuthority, ...]:
    try:
        data = yamlio.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise CskgError(f"{path}: cannot be read ({err.strerror})") from err
    except yaml.YAMLError as err:
        raise CskgError(f"{path}: is not valid YAML ({str(err).splitlines()[0]})") from err
    if not isinstance(data, list):
        raise CskgError(f"{path}: must be a list of authorities")
    known = set(LocalAuthority.__dataclass_fields__)
    out: list[LocalAuthority] = []
    for i, entry in enumerate(data, start=1):
        where = f"{path}: entry {i}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise CskgError(f"{where}: needs a 'name'")
        unknown = sorted(set(entry) - known)
        if unknown:
            raise CskgError(f"{where} ({entry['name']}): unknown field '{unknown[0]}'")
        abolished = entry.get("abolished")
        out.append(
            LocalAuthority(
                name=entry["name"],
                variants=_strings(entry.get("variants"), where, "variants"),
                gss=_str_or_none(entry.get("gss")),
                region=_str_or_none(entry.get("region")),
                urn=_str_or_none(entry.get("urn")),
                neighbours=_strings(entry.get("neighbours"), where, "neighbours"),
                dfe_code=_str_or_none(entry.get("dfe_code")),
                abolished=int(abolished) if abolished is not None else None,
                replaced_by=_strings(entry.get("replaced_by"), where, "replaced_by"),
            )
        )
    return tuple(out)


def _normalise(text: str) -> str:
    """Fold the spellings that differ between documents; keeps case and word boundaries."""
    text = re.sub(r"[’‘`]", "'", text)
    text = text.replace("&", " and ")
    text = re.sub(r"[-‐‑–]", " ", text)  # Kingston-upon-Thames, Stoke-on-Trent
    text = text.replace(".", "")  # St. Helens
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]
    names: dict[str, str | None]  # folded variant -> authority name (None: not an authority)


@lru_cache(maxsize=8)
def _matcher(authorities: tuple[LocalAuthority, ...]) -> _Matcher:
    names: dict[str, str | None] = {}
    for la in authorities:
        for variant in la.names:
            names.setdefault(_normalise(variant).strip().casefold(), la.name)
    for phrase in _NOT_AUTHORITIES:
        names[_normalise(phrase).strip().casefold()] = None
    # The longest name at a position wins ("North Northamptonshire" over "Northamptonshire"):
    # the names as a trie, each optional tail greedy, which tries one character once rather
    # than once per name (the same matches as the alternation longest-first, ~20x faster)
    return _Matcher(re.compile(rf"\b(?:{trie(sorted(names))})\b", re.IGNORECASE), names)


def _mentions(text: str, matcher: _Matcher) -> list[str]:
    """Authority names mentioned in ``text``, in order; proper nouns only (capitalised)."""
    found: list[str] = []
    for m in matcher.pattern.finditer(text):
        if not m.group(0)[0].isupper():  # "bury" and "reading" are words, "Bury" a council
            continue
        name = matcher.names[m.group(0).casefold()]
        if name is not None:
            found.append(name)
    return found


def find_council(text: str, authorities: tuple[LocalAuthority, ...] | None = None) -> str | None:
    """Name of the authority a document is about, judged from its first 3000 characters."""
    # A title wins ("Inspection of Kent local authority children's services", "Focused visit
    # to Darlington children's services", "Children's services in Peterborough require
    # improvement"); otherwise the authority mentioned most often, the earliest on a tie.
    matcher = _matcher(authorities if authorities is not None else load_local_authorities())
    head = _normalise(text[:HEAD_CHARS])
    for title in _TITLES:
        for m in title.finditer(head):
            named = _mentions(m.group("x"), matcher)
            if named:
                return named[0]
    mentions = _mentions(head, matcher)
    if not mentions:
        return None
    counts = Counter(mentions)
    best = max(counts.values())
    return next(name for name in mentions if counts[name] == best)
