"""Compiled regular expressions kept between runs, as Python keeps bytecode in ``__pycache__``.

Extraction's tables (cues.yaml, the theme scheme, the prefilters built from them) are some
1,500 patterns, and the loaders' module constants some 260 more; Python's ``re`` parses and
compiles each in pure Python: about a quarter of a second in every process that extracts,
before the first sentence is read, and a twentieth at import. What a compile
produces is a list of integers (the ``_sre`` engine's program) that depends only on the
pattern, its flags and the interpreter, so it is written once to a file beside this module's
bytecode (``__pycache__/regexcache.<tag>.marshal``) and read back by later runs, which hand it
straight to the engine.

Safe by construction:

- an entry is stored only after the pattern rebuilt from it compares equal (same flags,
  pattern and program) to what :func:`re.compile` returned for it;
- the file is tied to the exact interpreter build (``sys.version``, the engine's magic number
  and code size); any other interpreter, a damaged or foreign file, or an engine that refuses
  the program, and the pattern is compiled as usual;
- only the fixed patterns of cskg's own data go through it, never patterns made from a
  document's text, and the file holds what the last run used, so it cannot grow without end;
- where ``__pycache__`` is not writable (or ``sys.dont_write_bytecode`` is set) nothing is
  written and every run compiles, as before.

The literal analysis of :mod:`cskg.loaders.patterns` (which texts every match of a pattern
contains) is kept in the same file by :func:`remembered`, keyed by a digest of the code that
works it out: a changed analysis is worked out again, never read from an older file.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

__all__ = ["PatternCache", "cache_path", "compile", "remembered", "save", "unsaved"]

T = TypeVar("T")

_FORMAT = 1
# more entries than this in the file and it keeps only what the last run used
_MAX_ENTRIES = 20_000


def _stamp() -> tuple:
    try:
        import _sre

        return (_FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE)
    except (ImportError, AttributeError):
        return ()


def cache_path() -> Path | None:
    """Where the compiled patterns are kept (None: this interpreter keeps no bytecode cache)."""
    from importlib.util import cache_from_source

    try:
        pyc = Path(cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    return pyc.with_name(pyc.name.removesuffix(".pyc") + ".marshal")


class PatternCache:
    """The kept file and what this run used of it; the module's functions use one of these
    at :func:`cache_path` (tests make their own)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.stamp = _stamp()
        self.known: dict[Hashable, object] = {}
        self.used: dict[Hashable, object] = {}
        # compiled this run and not in the file: their programs are worked out when saving
        self.pending: dict[Hashable, re.Pattern[str]] = {}
        self.new = 0
        self.loaded = False
        self.broken = not self.stamp  # the engine's internals are not as expected

    def _load(self) -> None:
        self.loaded = True
        if self.path is None or self.broken:
            return
        try:
            stamp, entries = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return  # none yet, or damaged: compiled as usual, and written again
        if stamp == self.stamp and isinstance(entries, dict):
            self.known = entries

    def compile(self, pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the kept program when there is one."""
        flags = int(flags)
        if not self.loaded:
            self._load()
        key = ("rx", pattern, flags)
        entry = self.known.get(key)
        if entry is not None:
            try:
                compiled = _rebuilt(pattern, entry)  # type: ignore[arg-type]
            except Exception:  # noqa: BLE001 - a damaged entry: compile as usual
                pass
            else:
                self.used[key] = entry
                return compiled
        compiled = re.compile(pattern, flags)
        if not self.broken and key not in self.pending:
            self.pending[key] = compiled
            self.new += 1
        return compiled

    def _settle(self) -> None:
        """Work out the program of each pattern compiled this run, kept only where the pattern
        rebuilt from it equals the one ``re.compile`` made (not at compile time: a run that
        writes no file pays nothing for it)."""
        for key, compiled in self.pending.items():
            if self.broken:
                break
            _, pattern, flags = key  # type: ignore[misc]
            try:
                entry = _entry(pattern, flags)
                same = _rebuilt(pattern, entry) == compiled
            except Exception:  # noqa: BLE001 - the engine's internals changed: stop trying
                same = False
            if same:
                self.used[key] = entry
            else:
                self.broken = True
        self.pending = {}

    def remembered(self, kind: str, fn: Callable[..., T], *args: Hashable) -> T:
        """``fn(*args)``, kept under ``(kind, fn's code, *args)``: a changed ``fn`` works its
        values out again."""
        if not self.loaded:
            self._load()
        key = (kind, _code_digest(fn), *args)
        if key in self.known:
            value = self.known[key]
        else:
            value = fn(*args)
            self.new += 1
        self.used[key] = value
        return value  # type: ignore[return-value]

    def save(self, force: bool = False) -> bool:
        """Write the file if this run compiled something it did not hold; True if written."""
        if self.path is None or not self.new or (sys.dont_write_bytecode and not force):
            return False
        self._settle()
        entries = {**self.known, **self.used}
        if len(entries) > _MAX_ENTRIES:
            entries = dict(self.used)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            data = marshal.dumps((self.stamp, entries))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            return False
        self.known = entries
        self.new = 0
        return True


_default: PatternCache | None = None


def _cache() -> PatternCache:
    global _default
    if _default is None:
        _default = PatternCache(cache_path())
    return _default


_DIGESTS: dict[object, str] = {}


def _code_digest(fn: Callable[..., object]) -> str:
    """A digest of ``fn``'s compiled code, nested functions and constants included (and its
    line numbers: an edit above it counts as a change, which only costs a recomputation)."""
    code = getattr(getattr(fn, "__wrapped__", fn), "__code__", None)  # (through lru_cache)
    found = _DIGESTS.get(code)
    if found is None:
        import hashlib

        # (marshal version 2 writes no back-references, which depend on reference counts)
        name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', '')}"
        data = marshal.dumps(code, 2) if code is not None else name.encode()
        found = _DIGESTS[code] = hashlib.sha256(data).hexdigest()[:16]
    return found


def _entry(pattern: str, flags: int) -> tuple:
    """What the engine needs to rebuild ``re.compile(pattern, flags)``."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))  # fmt: skip


def _rebuilt(pattern: str, entry: tuple) -> re.Pattern[str]:
    import _sre

    flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001
    """``re.compile(pattern, flags)``, from the kept program when there is one.

    Only for cskg's own fixed patterns: one made from a document's text would only fill the
    file.
    """
    return _cache().compile(pattern, flags)


def remembered(kind: str, fn: Callable[..., T], *args: Hashable) -> T:
    """``fn(*args)``, kept in the same file under ``(kind, *args)``: for pure functions of a
    pattern whose results are made of str, int, bool, None and tuples."""
    return _cache().remembered(kind, fn, *args)


def save(force: bool = False) -> bool:
    """Write the file if this run compiled something it did not hold; True if written.

    Not where ``sys.dont_write_bytecode`` is set, unless ``force`` (as compileall writes
    bytecode whatever it says). Atomic (a concurrent run reads the old file or the new one,
    never half of one); a folder that cannot be written is no error.
    """
    return _cache().save(force)


def unsaved() -> int:
    """How many entries this run made that the file does not hold (after a :func:`save` that
    could not write, all of them)."""
    return _cache().new
