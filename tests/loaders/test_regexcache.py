"""Compiled patterns kept between runs (loaders/regexcache.py): a pattern rebuilt from the kept
file is the pattern ``re.compile`` makes, and a missing, damaged, foreign or unwritable file
only means compiling as usual."""

import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cskg.loaders import regexcache
from cskg.loaders.findings import cues
from cskg.loaders.patterns import literal_parts
from cskg.loaders.regexcache import PatternCache

ROOT = Path(__file__).resolve().parents[2]

# pieces of the kinds of pattern cues.yaml and themes.yaml hold
_ATOMS = st.sampled_from(
    [
        "a", "b", "ab", r"\b", r"\w+", r"\s*", "[ab]", "[^a]", ".", r"\d{1,2}", "(?:a|b)",
        "(a)", "(?P<x>b)", "(?=a)", "(?!b)", "(?<!a)", "(?<=b)", "^", "$", r"\W", "a?", "b*?",
        "(?-i:A)", "(?i:b)", "(?:ab)+", "(a)(?(1)b|a)", r"(a)\1", "[İı]", "é",
    ]
)  # fmt: skip
_PATTERNS = st.lists(_ATOMS, min_size=1, max_size=6).map("".join)
_FLAGS = st.sampled_from([0, re.IGNORECASE, re.IGNORECASE | re.MULTILINE, re.DOTALL])
_TEXTS = st.text(alphabet="abAB \n1é-İı", max_size=30)


def _kept_and_reread(tmp: Path, pattern: str, flags: int) -> re.Pattern[str]:
    path = tmp / "kept.marshal"
    path.unlink(missing_ok=True)
    first = PatternCache(path)
    first.compile(pattern, flags)
    assert first.save(force=True)
    again = PatternCache(path)
    rebuilt = again.compile(pattern, flags)
    assert again.new == 0, "read from the file, not compiled"
    return rebuilt


@settings(max_examples=300, deadline=None)
@given(pattern=_PATTERNS, flags=_FLAGS, texts=st.lists(_TEXTS, max_size=4))
def test_a_rebuilt_pattern_is_the_compiled_one(
    tmp_path_factory: pytest.TempPathFactory, pattern: str, flags: int, texts: list[str]
) -> None:
    try:
        expected = re.compile(pattern, flags)
    except re.error:
        return
    rebuilt = _kept_and_reread(tmp_path_factory.mktemp("rx"), pattern, flags)
    assert rebuilt == expected  # flags, pattern text and the engine's program
    assert (rebuilt.groups, rebuilt.groupindex) == (expected.groups, expected.groupindex)
    for text in texts:
        got = [(m.span(), m.groups()) for m in rebuilt.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in expected.finditer(text)]


def test_equality_compares_the_program(tmp_path: Path) -> None:
    # the check made before an entry is kept would catch a program that differs
    import _sre

    a = re.compile("ab")
    entry = regexcache._entry("ab", 0)
    assert regexcache._rebuilt("ab", entry) == a
    other = regexcache._entry("ac", 0)
    flags, code, groups, groupindex, indexgroup = other
    assert _sre.compile("ab", flags, code, groups, groupindex, indexgroup) != a


def test_every_cue_pattern_survives_the_file(tmp_path: Path) -> None:
    c = cues()
    patterns = [cue.pattern for cue in c.weakness.cues + c.strength.cues]
    patterns += [c.negators, c.procedural_sections, c.not_action, c.purpose]
    path = tmp_path / "kept.marshal"
    first = PatternCache(path)
    for p in patterns:
        first.compile(p.pattern, p.flags)
    first.remembered("literal_parts", literal_parts, patterns[0].pattern)
    assert first.save(force=True)
    again = PatternCache(path)
    for p in patterns:
        assert again.compile(p.pattern, p.flags) == re.compile(p.pattern, p.flags)
    # read from the file (nothing new), the same value
    got = again.remembered("literal_parts", literal_parts, patterns[0].pattern)
    assert got == literal_parts(patterns[0].pattern)
    assert again.new == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\x01 not marshal",
        marshal.dumps(("another interpreter", {("rx", "a", 0): (0, [1, 2], 0, {}, ())})),
        marshal.dumps(["not", "a", "pair"]),
    ],
    ids=["empty", "damaged", "foreign", "wrong shape"],
)
def test_a_bad_file_means_compiling_as_usual(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kept.marshal"
    path.write_bytes(content)
    cache = PatternCache(path)
    assert cache.compile(r"\bdelays?\b", re.I) == re.compile(r"\bdelays?\b", re.I)
    assert cache.new == 1
    assert cache.save(force=True)  # and the file is made good again
    assert PatternCache(path).compile(r"\bdelays?\b", re.I).search("Delay")


def test_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "kept.marshal"
    stamp = regexcache._stamp()
    # a program the engine refuses
    path.write_bytes(marshal.dumps((stamp, {("rx", "ab", 0): (32, [999999], 0, {}, (None,))})))
    cache = PatternCache(path)
    assert cache.compile("ab") == re.compile("ab")


def test_saving_follows_dont_write_bytecode(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "kept.marshal"
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = PatternCache(path)
    cache.compile("ab")
    assert not cache.save()
    assert not path.exists()
    assert cache.save(force=True)  # as compileall does
    assert not cache.save(force=True), "nothing new since"


def test_an_unwritable_folder_is_no_error(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    cache = PatternCache(blocked / "kept.marshal")  # its folder is a file
    assert cache.compile("ab").match("ab")
    assert not cache.save(force=True)


def test_the_file_holds_what_runs_use_not_more(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "kept.marshal"
    monkeypatch.setattr(regexcache, "_MAX_ENTRIES", 3)
    first = PatternCache(path)
    for p in ("a1", "a2", "a3"):
        first.compile(p)
    assert first.save(force=True)
    second = PatternCache(path)
    second.compile("a1")
    second.compile("b1")
    second.compile("b2")
    assert second.save(force=True)
    _, entries = marshal.loads(path.read_bytes())
    assert sorted(k[1] for k in entries) == ["a1", "b1", "b2"]  # over the cap: this run's


def test_prepare_then_extraction_is_the_same(tmp_path: Path) -> None:
    # a build's records with the kept file and without it: a child process each, so that
    # neither inherits the other's compiled patterns
    script = (
        "import hashlib, pickle, sys\n"
        "from cskg.loaders import regexcache\n"
        "from cskg.loaders.regexcache import PatternCache\n"
        "regexcache._default = PatternCache(None if sys.argv[1] == '-' else "
        "__import__('pathlib').Path(sys.argv[1]))\n"
        "if sys.argv[2] == 'prepare':\n"
        "    from cskg.graph.prepare import prepare\n"
        "    prepare()\n"
        "    regexcache._default.save(force=True)\n"
        "    raise SystemExit\n"
        "from cskg.graph.pipeline import load_documents\n"
        "from cskg.loaders.extract import extract_document\n"
        "from pathlib import Path\n"
        "man, docs, _, _ = load_documents(Path(sys.argv[3]), False, lambda m: None)\n"
        "got = [extract_document(d, tuple(man.assessments)) for d in docs]\n"
        "print(hashlib.sha256(pickle.dumps(got)).hexdigest())\n"
        "print(regexcache._default.new)\n"
    )
    kept = tmp_path / "kept.marshal"
    corpus = ROOT / "corpus"

    def run(*args: str) -> list[str]:
        out = subprocess.run(
            [sys.executable, "-c", script, *args], capture_output=True, text=True, check=True
        )
        return out.stdout.split()

    run(str(kept), "prepare", "")
    assert kept.is_file()
    with_file = run(str(kept), "extract", str(corpus))
    without = run("-", "extract", str(corpus))
    assert with_file[0] == without[0]
    assert int(with_file[1]) < int(without[1]) // 10, "the kept patterns were used"


def test_a_changed_analysis_is_worked_out_again(tmp_path: Path) -> None:
    # what the file keeps of a function's results is keyed by the function's code
    path = tmp_path / "kept.marshal"
    first = PatternCache(path)

    def parts(pattern: str) -> tuple[str, ...]:
        return (pattern.lower(),)

    assert first.remembered("parts", parts, "Ab") == ("ab",)
    assert first.save(force=True)

    def parts(pattern: str) -> tuple[str, ...]:  # noqa: F811 - a new release of it
        return (pattern.upper(),)

    again = PatternCache(path)
    assert again.remembered("parts", parts, "Ab") == ("AB",)


def test_the_code_digest_is_the_same_in_another_process() -> None:
    script = (
        "from cskg.loaders import regexcache, patterns\n"
        "print(regexcache._code_digest(patterns._literal_parts))\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    }
    from cskg.loaders import patterns

    assert runs == {regexcache._code_digest(patterns._literal_parts) + "\n"}
