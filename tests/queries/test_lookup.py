"""The officers' lookups (queries/lookup.py) on one build of the embedded corpus."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cskg.errors import CskgError
from cskg.queries import lookup
from cskg.queries.lookup import match_spans, search_words

QUERIES = Path(lookup.__file__).parent

# What the embedded corpus says, year by year (assessment years, not document dates):
# - management oversight: the 2015 inspection ("greater senior management oversight"), the 2018
#   LGA diagnostic and JTAI, the 2019 visit and inspection, the 2023 inspection ("the quality and
#   consistency of management oversight");
# - workforce: 2015 ("disruption ... from workforce changes"), 2018, 2019, 2023;
# - early help: the 2013 improvement notice, 2018 (the AP review), 2019; improved by 2023;
# - assessment quality: 2013 ("the quality and consistency of assessments"), 2019, 2023.
# Extraction may find more years; these must be there.
EXPECTED_RECURRING = {
    "management-oversight": ({2015, 2018, 2019, 2023}, "persisting"),
    "workforce": ({2015, 2018, 2019, 2023}, "persisting"),
    "early-help": ({2013, 2018, 2019}, "improved"),
    "assessment-quality": ({2013, 2019, 2023}, "persisting"),
}


def _text(built: Path, doc: str) -> str:
    return (built / "text" / f"{doc}.txt").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ queries


@pytest.mark.parametrize("path", sorted(QUERIES.glob("lookup_*.rq")), ids=lambda p: p.name)
def test_query_files_have_a_header(path: Path) -> None:
    head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    for field in ("# title: ", "# description: ", "# parameters: "):
        assert any(line.startswith(field) for line in head), f"{path.name} lacks {field!r}"


def test_query_files_parse(store) -> None:  # noqa: ANN001 - pyoxigraph store
    import pyoxigraph as ox

    for path in sorted(QUERIES.glob("lookup_*.rq")):
        text = path.read_text(encoding="utf-8")
        params = {
            line.split("(")[0].split(":")[1].strip()
            for line in text.splitlines()
            if line.startswith("# param:")
        }
        subs = {ox.Variable(p): ox.Literal("0") for p in params}
        list(store.query(text, substitutions=subs))  # raises SyntaxError if malformed


# ------------------------------------------------------------------------------ recurring


@pytest.mark.parametrize("theme_id", sorted(EXPECTED_RECURRING))
def test_recurring_finds_the_problems_that_keep_coming_back(store, theme_id: str) -> None:  # noqa: ANN001
    years, state = EXPECTED_RECURRING[theme_id]
    found = {r.theme_id: r for r in lookup.recurring(store, min_years=3, broad=True)}
    assert theme_id in found, f"{theme_id} is not raised as a weakness in 3 or more years"
    r = found[theme_id]
    assert years <= set(r.weak_years), f"{theme_id}: weak years {r.weak_years}, expected {years}"
    assert r.latest_state == state
    assert r.count == len(r.weak_years) >= 3


def test_recurring_is_read_from_the_derived_graph(store) -> None:  # noqa: ANN001

    q = """PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
    SELECT ?r ?n WHERE { GRAPH ?g { ?r a cskg:Recurrence ; cskg:weakYearCount ?n } }"""
    derived = {
        row["r"].value.rsplit("/", 1)[1]: int(row["n"].value)
        for row in store.query(q)
        if int(row["n"].value) >= 2
    }
    found = lookup.recurring(store, broad=True)
    assert {r.theme_id for r in found} == set(derived)
    assert all(r.count == derived[r.theme_id] for r in found)
    counts = [r.count for r in found]
    assert counts == sorted(counts, reverse=True)


def test_recurring_leaves_broad_themes_out_when_asked(store) -> None:  # noqa: ANN001
    narrow = {r.theme_id for r in lookup.recurring(store, min_years=3, broad=False)}
    everything = {r.theme_id for r in lookup.recurring(store, min_years=3)}
    assert "workforce" in everything and "workforce" not in narrow  # gathers its narrower themes
    assert {"workforce-stability", "management-oversight", "early-help"} <= narrow < everything
    assert {r.council for r in lookup.recurring(store)} == {"Medway"}


def test_recurring_examples_quote_the_documents_exactly(store, built: Path) -> None:  # noqa: ANN001
    for r in lookup.recurring(store):
        assert [e.year for e in r.examples] == list(r.weak_years)
        for e in r.examples:
            assert _text(built, e.document)[e.start : e.end] == e.quote


def test_recurring_since_counts_only_later_years(store) -> None:  # noqa: ANN001
    for r in lookup.recurring(store, min_years=2, since=2019):
        assert r.weak_years and min(r.weak_years) >= 2019
        assert r.count == len(r.weak_years) >= 2


@pytest.mark.parametrize(
    ("min_years", "since", "message"),
    [
        (0, None, "--min-years must be 1 or more, not 0"),
        (99, None, "no theme was raised as a weakness in 99 or more assessment years"),
        (2, 2100, "no theme was raised as a weakness in 2 or more assessment years from 2100 on"),
    ],
)
def test_recurring_errors(store, min_years: int, since: int | None, message: str) -> None:  # noqa: ANN001
    with pytest.raises(CskgError) as err:
        lookup.recurring(store, min_years, since)
    assert str(err.value) == message


# ------------------------------------------------------------------------------ theme


@pytest.mark.parametrize(
    ("text", "theme_id"),
    [
        ("early help", "early-help"),  # the prefLabel
        ("EARLY-HELP", "early-help"),  # the id, any case
        ("erly help", "early-help"),  # a close spelling
        ("oversight", "management-oversight"),  # part of a label
        ("Workforce", "workforce"),  # exact wins over "Workforce stability and recruitment"
    ],
)
def test_theme_matches_labels(store, text: str, theme_id: str) -> None:  # noqa: ANN001
    found = lookup.theme(store, text)
    assert found[0].theme_id == theme_id


def test_theme_history_is_year_by_year_with_narrower_themes(store, built: Path) -> None:  # noqa: ANN001
    (h,) = lookup.theme(store, "workforce")
    years = [s.year for s in h.statements]
    assert years == sorted(years)
    assert {s.year for s in h.statements if s.polarity == "weakness"} == set(h.weak_years)
    assert h.latest_state == "persisting"
    # narrower themes count: a finding tagged only "management oversight" is in workforce's history
    (mo,) = lookup.theme(store, "management oversight")
    assert {s.id for s in mo.statements} <= {s.id for s in h.statements}
    for s in h.statements:
        assert _text(built, s.document)[s.start : s.end] == s.quote
        assert s.kind in ("finding", "action")
        assert (s.polarity == "") == (s.kind == "action")


def test_theme_without_a_match_names_the_themes(store) -> None:  # noqa: ANN001
    from cskg.ontology.themes import load_themes

    labels = sorted(load_themes().themes, key=lambda t: (t.pref_label.casefold(), t.id))
    names = ", ".join(t.pref_label for t in labels)
    with pytest.raises(CskgError) as err:
        lookup.theme(store, "xyzzy")
    assert str(err.value) == f"no theme matches 'xyzzy'; themes include: {names}"


@pytest.mark.parametrize(
    "text",
    ["early help", "Early-Help", "care", "oversight", "erly help", "workforse", "MASH", "x", ""],
)
def test_match_themes_follows_the_scheme_rules(store, text: str) -> None:  # noqa: ANN001
    # matching over the graph's SKOS gives what ThemeScheme.match_label gives over themes.yaml
    from cskg.ontology.themes import load_themes

    ours = {t.theme_id for t in lookup.match_themes(lookup.theme_labels(store), text)}
    assert ours == {t.id for t in load_themes().match_label(text)}


# ------------------------------------------------------------------------------ actor


def test_actor_by_post_finds_its_holders(store) -> None:  # noqa: ANN001
    found = lookup.actor(store, "Director of People")
    people = [a for a in found if a.type == "person"]
    assert people, "nobody held the post Director of People"
    for a in people:
        assert "post: Director of People" in a.matched_by
        assert any(p.post == "Director of People" for p in a.posts)
    # and the post itself, where the 2020 minutes say what "the Director" will do, and where
    # the 2019 review's recommendation names it with the Leader, the lead member and the chief
    # executive ("The Leader, lead member, Chief Executive and Director of People must …")
    posts = [a for a in found if a.type == "post"]
    assert [a.actor for a in posts] == ["Director of People, Medway Council"]
    assert sorted(s.year for s in posts[0].actions) == [2019, 2020]
    years = sorted(p.year for a in people for p in a.posts if p.post == "Director of People")
    assert years[0] <= 2019 and years[-1] >= 2023


def test_actor_by_name_is_case_insensitive(store) -> None:  # noqa: ANN001
    (ofsted,) = [a for a in lookup.actor(store, "OFSTED") if a.actor == "Ofsted"]
    assert ofsted.type == "organisation"
    assert ofsted.matched_by == ("name",)
    assert ofsted.findings
    assert all(s.kind == "finding" for s in ofsted.findings)
    assert all(s.kind == "action" and "Ofsted" in s.responsible for s in ofsted.actions)


def test_actor_finds_a_post_as_the_agent_of_its_actions(store) -> None:  # noqa: ANN001
    # the 2020 minutes say what "the Commissioner" will do without naming her; her 2019 report
    # says what she was appointed to do ("requiring me: To report to the Minister …") and
    # what she recommends in the first person
    found = {a.actor: a for a in lookup.actor(store, "commissioner")}
    post = found["Children's Services Commissioner for Medway"]
    assert post.type == "post" and post.matched_by == ("name",)
    texts = [s.text[:40] for s in post.actions]
    assert "The Commissioner added that she would su" in texts
    assert "To report to the Minister of State for C" in texts
    assert any("I recommend a further review" in s.text for s in post.actions)
    assert found["Eleanor Brazil"].type == "person"  # and who held the post, by her post


def test_actor_without_a_match(store) -> None:  # noqa: ANN001
    with pytest.raises(CskgError) as err:
        lookup.actor(store, "  Nobody  At All ")
    assert str(err.value) == "no person, organisation or post matches 'Nobody At All'"


# ------------------------------------------------------------------------------ search


@pytest.mark.parametrize(
    ("text", "words", "spans"),
    [
        ("Early help is early", ["early"], ((0, 5), (14, 19))),
        # a word matches at the start of a word only
        ("reassess the assessments", ["assess"], ((13, 19),)),
        # every word must be there
        ("early years", ["early", "help"], None),
        # apostrophes: straight, curly or none
        ("the children’s services", ["children's"], ((4, 14),)),
        ("the childrens services", ["children's"], ((4, 13),)),
        # overlapping matches merge
        ("front-door", ["front", "front-door"], ((0, 10),)),
        # markdown debris does not hide a word
        ("**Early** help", ["early", "help"], ((2, 7), (10, 14))),
    ],
)
def test_match_spans(text: str, words: list[str], spans: tuple | None) -> None:
    assert match_spans(text, words) == spans


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("early help", ["early", "help"]),
        ("  'early'  “help”. ", ["early", "help"]),
        ("...", []),
    ],
)
def test_search_words(text: str, words: list[str]) -> None:
    assert search_words(text) == words


def test_search_finds_every_word_and_says_where(store) -> None:  # noqa: ANN001
    hits = lookup.search(store, "Early HELP")
    assert hits
    for h in hits:
        matched = " ".join(h.text[a:b].lower() for a, b in h.highlights)
        assert "early" in matched and "help" in matched
    assert [h.year for h in hits] == sorted(h.year for h in hits)
    assert len({h.id for h in hits}) == len(hits)


def test_search_without_a_match(store) -> None:  # noqa: ANN001
    with pytest.raises(CskgError) as err:
        lookup.search(store, "zebra crossing")
    assert str(err.value) == "no finding or action contains 'zebra crossing'"


# ------------------------------------------------------------------------------ explain


def test_explain_by_iri_id_or_prefix(store, built: Path) -> None:  # noqa: ANN001
    hit = lookup.search(store, "management oversight")[0]
    full = lookup.explain(store, hit.id, built)
    assert lookup.explain(store, full.iri, built) == full
    assert lookup.explain(store, f"{full.kind}/{hit.id[:10]}", built) == full
    assert full.text == hit.text and full.year == hit.year
    assert "management-oversight" in {t.theme_id for t in full.themes}
    for t in full.themes:
        source = full.text if t.source == "text" else full.excerpts[0].section
        assert source[t.start : t.end] == t.matched
    for q in full.excerpts:
        assert q.verified is True
        assert _text(built, q.document)[q.start : q.end] == q.quote


def test_explain_says_why_a_finding_has_its_year(store, built: Path) -> None:  # noqa: ANN001
    # the 2013 improvement notice, quoted by the commissioner's report of December 2019
    hit = next(h for h in lookup.search(store, "early help strategy") if h.year == 2013)
    e = lookup.explain(store, hit.id, built)
    assert e.assessment_year == 2013
    assert e.excerpts[0].document == "commissioner-report-2019-12"
    assert e.why.startswith("2013 is the year of the assessment that made this finding")
    assert e.excerpts[0].section in e.why


def test_explain_shows_themes_a_clause_takes_from_its_sentence(store, built: Path) -> None:  # noqa: ANN001
    # commissioner's review 2019, of the February 2019 focused visit: "… and that assessments
    # were timely although the quality was inconsistent"; the clause row names nothing itself
    (hit,) = [
        h for h in lookup.search(store, "the quality was inconsistent") if h.text.startswith("the")
    ]
    e = lookup.explain(store, hit.id, built)
    by_theme = {t.theme_id: t for t in e.themes}
    assert (by_theme["assessment-quality"].source, by_theme["assessment-quality"].matched) == (
        "sentence",
        "assessments",
    )
    assert all(t.term for t in e.themes)  # every theme is explained, none "not found"


def test_explain_shows_themes_taken_from_the_sentence_before(store, built: Path) -> None:  # noqa: ANN001
    # commissioner's review 2019: "Early help is not sufficiently connected to children's social
    # care despite a presence in the MASH. Both parts of the service use different ..."
    (hit,) = lookup.search(store, "Both parts of the service")
    e = lookup.explain(store, hit.id, built)
    by_theme = {t.theme_id: t for t in e.themes}
    early = by_theme["early-help"]
    assert (early.source, early.matched) == ("antecedent", "Early help")
    assert by_theme["police-information-sharing"].source == "text"
    assert all(t.term for t in e.themes)  # every theme is explained, none "not found"
    text = _text(built, e.excerpts[0].document)
    before = text[: e.excerpts[0].start].rstrip()
    assert before.endswith("despite a presence in the MASH.")


@pytest.mark.parametrize(
    ("ident", "message"),
    [
        (
            "xyz!",
            "'xyz!' is not a finding or action id: give its IRI, its 16-hex-digit id or "
            "the start of it, as `cskg search` and `cskg theme` show",
        ),
        ("ffffffffffffffff", "no finding or action has id 'ffffffffffffffff'"),
        (
            "judgement/abc",
            "'judgement/abc' is not a finding or action id: give its IRI, its "
            "16-hex-digit id or the start of it, as `cskg search` and `cskg theme` show",
        ),
    ],
)
def test_explain_errors(store, ident: str, message: str) -> None:  # noqa: ANN001
    with pytest.raises(CskgError) as err:
        lookup.explain(store, ident)
    assert str(err.value) == message


def test_explain_ambiguous_prefix(store) -> None:  # noqa: ANN001
    with pytest.raises(CskgError) as err:
        lookup.explain(store, "a")
    message = str(err.value)
    assert message.startswith("id 'a' is ambiguous: ")
    assert message.endswith("; give more digits")


# ------------------------------------------------------------------------------ the store


def test_up_to_date_reads_the_fingerprint(built: Path, tmp_path: Path) -> None:
    assert lookup._up_to_date(built, None)
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    (out / "graph.trig").write_text("")
    meta = json.loads((built / "build.json").read_text(encoding="utf-8"))
    (out / "build.json").write_text(json.dumps(meta), encoding="utf-8")
    assert lookup._up_to_date(out, None)
    assert not lookup._up_to_date(out, tmp_path)  # another corpus
    name = sorted(meta["fingerprint"])[0]
    meta["fingerprint"][name][1] += 1  # that file changed since the build
    (out / "build.json").write_text(json.dumps(meta), encoding="utf-8")
    assert not lookup._up_to_date(out, None)


@pytest.mark.slow
def test_open_built_rebuilds_a_changed_corpus(corpus_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    out = tmp_path / "build"
    lookup.open_built(out, corpus)
    built_at = (out / "build.json").stat().st_mtime_ns
    lookup.open_built(out, corpus)
    assert (out / "build.json").stat().st_mtime_ns == built_at  # fresh: not rebuilt
    (corpus / "manifest.yaml").write_text(
        (corpus / "manifest.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    lookup.open_built(out, corpus)
    assert (out / "build.json").stat().st_mtime_ns != built_at


@pytest.mark.parametrize(
    "argv",
    [["recurring"], ["search", "early"], ["theme", "early", "help"], ["actor", "director"]],
)
def test_lookups_do_not_import_rdflib(built: Path, argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from cskg.cli.app import main\n"
        f"sys.argv = ['cskg', *{argv!r}, '--out', {str(built)!r}]\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "print('rdflib' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stderr.strip().splitlines()[-1] == "False", done.stderr
