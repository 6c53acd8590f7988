"""The pattern prefilter (loaders/patterns.py): a substring test may skip a pattern only when
the pattern cannot match, so cue scores and assessment mentions are exactly those of running
every pattern."""

import re
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cskg.loaders import actors, assessments, findings
from cskg.loaders.assessments import find_kinds
from cskg.loaders.findings import cues, score
from cskg.loaders.patterns import FOLDS_TO_ASCII, Gate, Prefilter, literal_starts, lowered

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_literal_starts_of_common_pattern_shapes() -> None:
    assert literal_starts(r"\bdelays?\b") == ("delay",)
    assert literal_starts(r"(?<!not )\bpoor(?:ly)?\b") == ("poor",)
    # a group ends the start
    assert literal_starts(r"\b(?:lack|absence) of\b") == ("absence", "lack")
    assert literal_starts(r"\bNeed (?:for|to)\b") == ("need for", "need to")
    # a class, a repeat or a one-letter start gives no shortcut
    assert literal_starts(r"^\W*improve\b") is None
    assert literal_starts(r"\b(?:a|an) gap") is None
    assert literal_starts(r"\w+ly weak") is None
    assert literal_starts("(") is None  # unparsable: no shortcut rather than an error


def test_most_patterns_have_a_start() -> None:
    # the shortcut is only worth having while most patterns have one
    c = cues()
    cue_patterns = [cue.pattern.pattern for cue in c.weakness.cues + c.strength.cues]
    kind_patterns = [p.pattern for k in assessments.kinds() for p in k.patterns]
    for patterns in (cue_patterns, kind_patterns):
        with_start = [p for p in patterns if literal_starts(p)]
        assert len(with_start) >= 0.8 * len(patterns)


def test_folds_to_ascii_is_complete() -> None:
    # every character outside ASCII that re.IGNORECASE matches with an ASCII letter
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(0x80, 0x110000) if letter.match(chr(c)))
    assert found == FOLDS_TO_ASCII


def _without_prefilter(module, fn, s):  # noqa: ANN001, ANN202
    saved = module.lowered
    module.lowered = lambda _s: None  # "do not know": every pattern runs
    try:
        return fn(s)
    finally:
        module.lowered = saved


def _score_without_prefilter(s: str) -> tuple[float, float]:
    # score keeps its results per sentence: run it afresh, every pattern running
    return _without_prefilter(findings, score.__wrapped__, s)


def _kinds(found: list) -> list[tuple[str, int, int]]:
    return [(k.name, a, b) for k, a, b in found]


def _sentences() -> list[str]:
    out = []
    for p in sorted(CORPUS.glob("*.txt")):
        out.extend(x for x in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if x)
    return out


def test_prefilter_changes_no_score_on_the_embedded_corpus() -> None:
    for s in _sentences():
        assert score(s) == _score_without_prefilter(s), s


def test_prefilter_changes_no_assessment_mention_on_the_embedded_corpus() -> None:
    for s in _sentences():
        assert _kinds(find_kinds(s)) == _kinds(_without_prefilter(assessments, find_kinds, s)), s


def test_prefilter_changes_no_organisation_or_post_on_the_embedded_corpus() -> None:
    g = actors.gazetteer("Medway")
    for s in _sentences():
        assert g.orgs_in(s) == _without_prefilter(actors, g.orgs_in, s), s
        assert g.posts_in(s) == _without_prefilter(actors, g.posts_in, s), s


WORDS = [
    "not",
    "effective",
    "Delay",
    "DRIFT",
    "poor",
    "good",
    "strong",
    "Improvement",
    "lack of",
    "need to",
    "well",
    "ensure",
    "İmproved",
    "ıneffective",
    "ſtrong",
    "\u212aey",
    "weak",
    "consistent",
    "inconsistent",
    "but",
    "however",
    "’",
    "children",
    "oversight",
    "  ",
    "Ofsted",
    "inspection",
    "focused visit",
    "MONITORING VISIT",
    "JTAI",
    "peer review",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=14))
def test_prefilter_never_changes_a_score(parts: list[str]) -> None:
    s = " ".join(parts)
    assert score(s) == _score_without_prefilter(s)
    assert _kinds(find_kinds(s)) == _kinds(_without_prefilter(assessments, find_kinds, s))


def _naive_candidates(patterns: list[re.Pattern[str]], low: str) -> list[int]:
    out = []
    for i, p in enumerate(patterns):
        starts = literal_starts(p.pattern)
        if starts is None or any(x in low for x in starts):
            out.append(i)
    return out


PREFILTER_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in [
        r"\bnot\b",
        r"\bnot all\b",
        r"\bnot yet\b",
        r"\bno\b",
        r"\bnote",
        r"\bnoted\b",
        r"\b(?:too|to) (?:many|much)\b",
        r"\bto\b",
        r"\w+ly",
        r"\bdelays?\b",
        r"\bde",
        r"lay",
    ]
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["not", "no", "note", "all", "yet", "too", "to", "many", "delay", "de"])
        | st.text(alphabet="notalydem ", max_size=5),
        max_size=12,
    )
)
def test_prefilter_finds_every_start_even_overlapping(parts: list[str]) -> None:
    # starts that overlap, nest ("not", "not all") and share prefixes ("no", "not", "note")
    low = "".join(parts)
    f = Prefilter(PREFILTER_PATTERNS)
    assert f.candidates(low) == _naive_candidates(PREFILTER_PATTERNS, low)
    starts = [x for p in PREFILTER_PATTERNS for x in literal_starts(p.pattern) or ()]
    assert Gate(starts).may_match(low) == any(x in low for x in starts)


def test_prefilter_agrees_with_substring_tests_on_the_embedded_corpus() -> None:
    c = cues()
    for cue_set in (c.weakness, c.strength):
        patterns = [cue.pattern for cue in cue_set.cues]
        f = Prefilter(patterns)
        for s in _sentences():
            low = lowered(s)
            assert low is not None
            assert f.candidates(low) == _naive_candidates(patterns, low), s


def test_literal_parts_of_common_pattern_shapes() -> None:
    from cskg.loaders.patterns import literal_parts

    assert literal_parts(r"\bdelays?\b") == ("delay",)
    # an optional or repeated opening is passed over: the run every match has
    assert literal_parts(r"(?:^\W*|[–—-] )concerns? (?:was|were)") == ("concern",)
    assert literal_parts(r"^\W*improve\b") == ("improve",)
    assert literal_parts(r"\b(?:a|an) gap") == ("a gap", "an gap")
    assert literal_parts(r"x{2,}yy") == ("yy",)
    assert literal_parts(r"(?:abc){2}") == ("abc",)
    assert literal_parts(r"(?:abc)?") is None
    assert literal_parts(r"\w+ \d") is None
    assert literal_parts("(") is None


def _cue_lists() -> dict[str, list[str]]:
    from cskg import yamlio

    d = yamlio.safe_load(findings._CUES.read_text(encoding="utf-8"))
    lists = ("procedural_sentences", "not_action")
    return {**{k: d[k] for k in lists}, **d["segment"]}


def test_any_of_is_search_of_the_alternation_on_the_embedded_corpus() -> None:
    from cskg.loaders.patterns import AnyOf

    texts = _sentences() + [
        line.strip() for p in sorted(CORPUS.glob("*.txt")) for line in p.read_text().splitlines()
    ]
    for patterns in _cue_lists().values():
        plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        fast = AnyOf(patterns, re.IGNORECASE)
        for s in texts:
            assert fast.search(s) == bool(plain.search(s)), s


PROCEDURAL_WORDS = [
    "The",
    "committee",
    "noted",
    "Members",
    "asked",
    "concern",
    "was",
    "raised",
    " – ",
    "in response to",
    "a query",
    "page 3",
    "crown copyright",
    "Tel: ",
    "ME4 4TR",
    "psi@",
    "İ",
    "ſ",
    "\u212a",
    "took place in",
    "May",
    "2023",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PROCEDURAL_WORDS) | st.text(max_size=4), max_size=10))
def test_any_of_never_differs_from_search(parts: list[str]) -> None:
    from cskg.loaders.patterns import AnyOf

    s = " ".join(parts)
    for patterns in _cue_lists().values():
        plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        assert AnyOf(patterns, re.IGNORECASE).search(s) == bool(plain.search(s)), s


def _alternations() -> dict[str, list[str]]:
    from cskg import yamlio

    d = yamlio.safe_load(findings._CUES.read_text(encoding="utf-8"))
    return {"action": d["action"], "needs": [d["needs"]]}


def _spans(matches: object) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]  # type: ignore[attr-defined]


def test_alternation_finds_what_the_full_alternation_finds_on_the_embedded_corpus() -> None:
    from cskg.loaders.patterns import Alternation

    texts = _sentences()
    for patterns in _alternations().values():
        plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        fast = Alternation(patterns, re.IGNORECASE)
        for s in texts:
            assert _spans(fast.finditer(s)) == _spans(plain.finditer(s)), s


ACTION_WORDS = [
    "The council",
    "will",
    "must",
    "should",
    "plans to",
    "has plans to",
    "is planned",
    "intends to",
    "committed to",
    "the police",
    "is due to be",
    "launched",
    "in the process of",
    "reviewing",
    "needs to",
    "be",
    "could be more",
    "recommend",
    "İ",
    "ſ",
    "\u212a",
    ".",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ACTION_WORDS) | st.text(max_size=4), max_size=12))
def test_alternation_never_differs_from_the_full_alternation(parts: list[str]) -> None:
    from cskg.loaders.patterns import Alternation

    s = " ".join(parts)
    for patterns in _alternations().values():
        plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        assert _spans(Alternation(patterns, re.IGNORECASE).finditer(s)) == _spans(
            plain.finditer(s)
        ), s


# patterns whose matches overlap, begin at one place, or are empty: the merge of each
# pattern's own matches must scan as the alternation does (leftmost, then first in order)
OVERLAPPING = [r"ab", r"abc", r"bcd", r"cd(?=a)", r"\bda", r"x*", r"(?<=a)bb"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcdx ", max_size=16),
    st.lists(st.sampled_from(OVERLAPPING), min_size=2, max_size=5, unique=True),
)
def test_alternation_merges_overlapping_matches_as_the_alternation_scans(
    s: str, patterns: list[str]
) -> None:
    from cskg.loaders.patterns import Alternation

    plain = re.compile("|".join(f"(?:{p})" for p in patterns))
    fast = [(m.span(), m.group()) for m in Alternation(patterns).finditer(s)]
    assert fast == [(m.span(), m.group()) for m in plain.finditer(s)], (s, patterns)


def test_any_of_runs_the_patterns_with_no_literal_part_on_every_text() -> None:
    # an e-mail address has no literal part of two characters: it must still be found when
    # no other pattern's literal part occurs
    from cskg.loaders.patterns import AnyOf

    any_of = AnyOf([r"(?<![\w.-])[\w.-]+@[\w-]+\.[\w.]+", r"\bplease contact\b"], re.IGNORECASE)
    assert any_of.search("Write to enquiries@ofsted.gov.uk today.")
    assert any_of.search("Please contact the clerk.")
    assert not any_of.search("Plans are reviewed regularly.")


def _gated_cues() -> dict[str, str]:
    from cskg import yamlio

    d = yamlio.safe_load(findings._CUES.read_text(encoding="utf-8"))
    return {k: d[k] for k in ("remedied", "knowing", "topic", "remedy", "purpose")}


@cache
def _gated(pattern: str) -> tuple[re.Pattern[str], object]:
    from cskg.loaders.patterns import Gated

    return re.compile(pattern, re.IGNORECASE), Gated(pattern, re.IGNORECASE)


def _same_as_the_pattern(pattern: str, s: str) -> None:
    plain, fast = _gated(pattern)
    assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)], s
    half = len(s) // 2
    got = fast.search(s, half)
    want = plain.search(s, half)
    assert (got and got.span()) == (want and want.span()), s


def test_gated_patterns_find_what_the_pattern_finds_on_the_embedded_corpus() -> None:
    for pattern in _gated_cues().values():
        for s in _sentences():
            _same_as_the_pattern(pattern, s)


GATED_WORDS = [
    "Leaders",
    "know",
    "where",
    "practice",
    "needs to improve",
    "delays",
    "have been",
    "addressed",
    "to ensure",
    "consider",
    "the need",
    "tackle",
    "weaknesses",
    "are aware of",
    "İ",
    "ſ",
    "\u212a",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GATED_WORDS) | st.text(max_size=4), max_size=12))
def test_gated_patterns_never_differ_from_the_pattern(parts: list[str]) -> None:
    s = " ".join(parts)
    for pattern in _gated_cues().values():
        _same_as_the_pattern(pattern, s)


def test_kept_low_finds_what_its_full_alternation_finds_on_the_embedded_corpus() -> None:
    from cskg import yamlio

    patterns = yamlio.safe_load(findings._CUES.read_text(encoding="utf-8"))["kept_low"]
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    fast = cues().kept_low
    extra = [
        "Staff turnover is low.",
        "Very few children go missing.",
        "There have been no tenancy breakdowns.",
    ]
    for s in _sentences() + extra:
        assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)], s
