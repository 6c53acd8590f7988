"""The build end to end on the embedded corpus."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from cskg.errors import CskgError, ValidationError
from cskg.graph.pipeline import build, is_stale

PREFIXES = """
PREFIX cskg: <https://w3id.org/childrens-services-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct:  <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# Each pattern of the public schema in DESIGN.md must match in the union of the named graphs.
CONTRACT = {
    "document": """?d a cskg:Document ; dct:title ?t ; dct:date ?date ; cskg:sourcePath ?p ;
                   cskg:sha256 ?h . FILTER(STRSTARTS(?p, "corpus/"))""",
    "assessment": """?a a cskg:Assessment ; rdfs:label ?l ; cskg:year ?y ; cskg:conductedBy ?ag ;
                     cskg:reportedIn ?d ; cskg:localAuthority ?la .
                     ?la a cskg:LocalAuthority ; rdfs:label ?lal .""",
    "judgement": """?j a cskg:Judgement ; cskg:ofAssessment ?a ; cskg:domain ?dom ; cskg:grade ?g .
                    ?dom skos:prefLabel ?dl . ?g skos:prefLabel ?gl .""",
    "finding": """?f a cskg:Finding ; cskg:text ?s ; cskg:fromAssessment ?a ; cskg:year ?y ;
                  cskg:polarity ?pol ; prov:wasDerivedFrom ?x .
                  FILTER(?pol IN (cskg:Strength, cskg:Weakness, cskg:Neutral))""",
    "finding theme": "?f a cskg:Finding ; cskg:theme ?theme .",
    "finding involves": "?f a cskg:Finding ; cskg:involves ?agent .",
    "excerpt": """?x a cskg:Excerpt ; cskg:quote ?q ; cskg:inDocument ?d ; cskg:start ?i ;
                  cskg:end ?k ; cskg:section ?h .""",
    "theme": """?theme a skos:Concept ; skos:inScheme cskg:Themes ; skos:prefLabel ?l ;
                skos:altLabel ?alt ; skos:broader ?b .""",
    "person": "?p a cskg:Person ; rdfs:label ?name .",
    "organisation": "?o a cskg:Organisation ; rdfs:label ?name .",
    "role assignment": """?r a cskg:RoleAssignment ; cskg:agent ?p ; cskg:role ?role ;
                          cskg:organisation ?o ; cskg:year ?y ; prov:wasDerivedFrom ?x .
                          ?role rdfs:label ?rl .""",
    "action": """?act a cskg:Action ; cskg:text ?s ; cskg:responsible ?agent ; cskg:year ?y ;
                 cskg:addresses ?theme ; prov:wasDerivedFrom ?x .""",
}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_pattern_has_rows(store, name: str) -> None:
    assert store.query(PREFIXES + f"ASK {{ {CONTRACT[name]} }}", use_default_graph_as_union=True)


def test_build_writes_outputs(built: Path) -> None:
    for name in ("graph.trig", "graph.html", "build.json", "store"):
        assert (built / name).exists(), name
    assert not list(built.parent.glob(".build.staging-*"))


def test_every_excerpt_matches_its_document(built: Path, store, corpus_dir: Path) -> None:
    rows = store.query(
        PREFIXES
        + """SELECT ?q ?s ?e ?p WHERE { ?x a cskg:Excerpt ; cskg:quote ?q ; cskg:start ?s ;
             cskg:end ?e ; cskg:inDocument ?d . ?d cskg:sourcePath ?p }""",
        use_default_graph_as_union=True,
    )
    texts: dict[str, str] = {}
    n = 0
    for r in rows:
        path = r["p"].value
        if path not in texts:
            texts[path] = (corpus_dir / Path(path).name).read_text(encoding="utf-8")
        assert texts[path][int(r["s"].value) : int(r["e"].value)] == r["q"].value
        n += 1
    assert n > 50


def test_two_builds_are_byte_identical(built: Path, corpus_dir: Path, tmp_path: Path) -> None:
    again = build(corpus_dir, tmp_path / "again").out
    assert (again / "graph.trig").read_bytes() == (built / "graph.trig").read_bytes()
    assert (again / "graph.html").read_bytes() == (built / "graph.html").read_bytes()


def test_graph_digests_do_not_depend_on_the_process(tmp_path: Path) -> None:
    # a rebuild keeps a named graph whose digest is unchanged: each digest must be the same in
    # every process (Python salts its string hashes per process, and rdflib's graphs iterate
    # in hash order; the ontology graph's digest used to differ from build to build)
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(Path(__file__).resolve().parents[2] / "corpus" / "003_7830cd6119b21209.txt", corpus)
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        code = "import sys; from pathlib import Path; from cskg.graph.pipeline import build; "
        code += "build(Path(sys.argv[1]), Path(sys.argv[2]), validate=False)"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(corpus), str(out)], env=env, check=True)
        graphs = json.loads((out / "build.json").read_text(encoding="utf-8"))["graphs"]
        digests.append({g: v["sha256"] for g, v in graphs.items()})
    assert digests[0] == digests[1]
    assert any(g.endswith("/graph/ontology") for g in digests[0])


def test_build_is_up_to_date_until_the_corpus_changes(
    built: Path, corpus_dir: Path, tmp_path: Path
) -> None:
    assert not is_stale(corpus_dir, built)
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    out = build(copy, tmp_path / "out").out
    assert not is_stale(copy, out)
    (copy / "000_4b6353ed468da645.txt").write_text("changed\n" * 3, encoding="utf-8")
    assert is_stale(copy, out)


def test_if_changed_keeps_a_current_build_and_rebuilds_a_stale_one(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cskg.graph import pipeline

    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    out = tmp_path / "out"
    first = build(copy, out, if_changed=True)
    assert not first.up_to_date
    trig = (out / "graph.trig").read_bytes()
    kept = build(copy, out, if_changed=True)
    assert kept.up_to_date and kept.counts == first.counts
    assert (out / "graph.trig").read_bytes() == trig
    assert not build(copy, out).up_to_date  # the library rebuilds unless asked
    # what the outputs depend on: the corpus files, cskg itself, the theme scheme, the outputs
    (copy / "000_4b6353ed468da645.txt").write_text("changed\n" * 3, encoding="utf-8")
    assert not build(copy, out, if_changed=True).up_to_date
    assert build(copy, out, if_changed=True).up_to_date
    monkeypatch.setattr(pipeline, "tool_version", lambda: "another cskg")
    assert not build(copy, out, if_changed=True).up_to_date
    assert build(copy, out, if_changed=True).up_to_date
    shutil.rmtree(out / "store")
    assert not build(copy, out, if_changed=True).up_to_date
    assert (out / "store").is_dir()
    scheme = tmp_path / "themes.yaml"
    from cskg.ontology.themes import DEFAULT_PATH

    shutil.copy(DEFAULT_PATH, scheme)
    assert not build(copy, out, if_changed=True, themes=scheme).up_to_date
    assert build(copy, out, if_changed=True, themes=scheme).up_to_date
    scheme.write_text(scheme.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build(copy, out, if_changed=True, themes=scheme).up_to_date


def test_tool_version_covers_code_and_data() -> None:
    from cskg.graph.pipeline import _TOOL_FILES, tool_version

    assert tool_version() == tool_version()
    assert {"*.py", "*.yaml", "*.ttl", "*.rq", "templates/*"} <= set(_TOOL_FILES)


def test_missing_corpus_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CskgError, match=r"no such corpus folder"):
        build(tmp_path / "nowhere", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_failed_build_leaves_previous_output(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = (out / "graph.trig").read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    with pytest.raises(CskgError):
        build(bad, out)
    assert (out / "graph.trig").read_bytes() == before


# A real shape the embedded graph breaks: no finding may quote more than 40 characters.
STRICTER = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix cskg: <https://w3id.org/childrens-services-kg/ontology#> .
cskg:ShortQuoteShape a sh:NodeShape ; sh:targetClass cskg:Finding ;
    sh:property [ sh:path cskg:text ; sh:maxLength 40 ;
                  sh:message "A finding's text is at most 40 characters." ] .
"""


def test_a_graph_that_breaks_the_shapes_fails_the_build_and_keeps_the_previous_one(
    built: Path, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cskg.graph import validate
    from cskg.ontology import shapes_path

    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(shapes_path().read_text(encoding="utf-8") + STRICTER, encoding="utf-8")
    monkeypatch.setattr(validate, "shapes_path", lambda: shapes)
    validate._parsed_shapes.cache_clear()
    validate._cached_shapes.cache_clear()
    try:
        with pytest.raises(ValidationError) as caught:
            build(corpus_dir, out, if_changed=False)
    finally:
        validate._parsed_shapes.cache_clear()
        validate._cached_shapes.cache_clear()
    message = str(caught.value)
    assert message.startswith("the graph does not conform to ontology/shapes.ttl: ")
    assert "at most 40 characters" in message and "\n" not in message
    assert "(and " in message and " more)" in message  # many findings: five named, the rest counted
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not list(tmp_path.glob(".out.staging-*"))


def _children() -> set[int]:
    me = os.getpid()
    text = Path(f"/proc/{me}/task/{me}/children").read_text()
    return {int(p) for p in text.split()}


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_a_build_that_fails_while_the_page_renders_stops_the_child_and_keeps_the_previous_one(
    built: Path, corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the page is rendered by a forked child while graph.trig is written: the disk filling up
    # then must stop the child, leave no staging folder and keep the previous build
    import errno

    from cskg.graph import pipeline

    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    children = _children()

    def full_disk(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "graph.trig"))

    monkeypatch.setattr(pipeline, "write_graphs", full_disk)
    with pytest.raises(CskgError, match="graph.trig: No space left on device"):
        build(corpus_dir, out)
    assert _children() == children  # no page or validation child left running
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert not list(tmp_path.glob(".out.staging-*"))


def _all_quads(out: Path) -> list[str]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))


def test_rebuild_after_one_change_reuses_graphs_and_equals_a_full_build(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cskg.graph import pipeline

    updates: list[list] = []
    real_update = pipeline.update_store

    def counting(previous, location, changes, removed):  # noqa: ANN001, ANN202
        updates.append([g for g, _, _ in changes])
        return real_update(previous, location, changes, removed)

    monkeypatch.setattr(pipeline, "update_store", counting)
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    out = tmp_path / "out"
    build(copy, out)
    assert updates == []  # nothing to reuse the first time
    doc = copy / "001_227d37f2af385646.txt"
    doc.write_text(
        doc.read_text(encoding="utf-8")
        + "\nThe Director of People must ensure that management oversight improves.\n",
        encoding="utf-8",
    )
    made: list[set[str] | None] = []
    real_quads = pipeline.QuadBuilder.document_quads

    def recording(self, only=None):  # noqa: ANN001, ANN202
        made.append(only)
        return real_quads(self, only)

    monkeypatch.setattr(pipeline.QuadBuilder, "document_quads", recording)
    build(copy, out)
    # only the changed document's graph was made again; the others were copied
    assert made[0] is not None and len(made[0]) == 1
    fresh = build(copy, tmp_path / "fresh").out
    assert made[-1] is None  # a build into a new folder makes everything
    assert (out / "graph.trig").read_bytes() == (fresh / "graph.trig").read_bytes()
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()
    assert _all_quads(out) == _all_quads(fresh)
    graphs = [json.loads((o / "build.json").read_text())["graphs"] for o in (out, fresh)]
    assert graphs[0] == graphs[1]
    assert sorted(os.listdir(out / "validated")) == sorted(os.listdir(fresh / "validated"))
    assert sorted(os.listdir(out / "cache")) == sorted(os.listdir(fresh / "cache"))
    (changed,) = updates
    assert any(g.endswith("/graph/derived") for g in changed)  # the recurrences moved too
    assert len(changed) < 5  # the other documents' graphs were copied


def test_a_changed_theme_scheme_remakes_every_document_graph(
    corpus_dir: Path, tmp_path: Path
) -> None:
    from cskg.ontology.themes import DEFAULT_PATH

    out = tmp_path / "out"
    build(corpus_dir, out)
    before = (out / "graph.trig").read_bytes()
    scheme = tmp_path / "themes.yaml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert "      - supervision\n" in text
    # one phrase less: findings that only it tagged lose the theme, in every document
    scheme.write_text(text.replace("      - supervision\n", "", 1), encoding="utf-8")
    build(corpus_dir, out, themes=scheme)
    fresh = build(corpus_dir, tmp_path / "fresh", themes=scheme).out
    assert (out / "graph.trig").read_bytes() == (fresh / "graph.trig").read_bytes()
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()
    assert (out / "graph.trig").read_bytes() != before  # the scheme did change the graph


def test_a_build_json_that_does_not_match_its_trig_is_not_trusted(
    corpus_dir: Path, tmp_path: Path
) -> None:
    import json

    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    out = tmp_path / "out"
    build(copy, out)
    meta = json.loads((out / "build.json").read_text(encoding="utf-8"))
    for info in meta["graphs"].values():
        info["start"] += 1  # every recorded block is off by one character
    (out / "build.json").write_text(json.dumps(meta), encoding="utf-8")
    (copy / "000_4b6353ed468da645.txt").write_text("changed\n" * 3, encoding="utf-8")
    build(copy, out)
    fresh = build(copy, tmp_path / "fresh").out
    assert (out / "graph.trig").read_bytes() == (fresh / "graph.trig").read_bytes()
    assert _all_quads(out) == _all_quads(fresh)


def test_a_damaged_previous_store_is_loaded_whole_instead(
    corpus_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(corpus_dir, copy)
    out = tmp_path / "out"
    build(copy, out)
    for f in (out / "store").iterdir():
        if f.is_file():
            f.write_bytes(b"not a RocksDB file")
    doc = copy / "001_227d37f2af385646.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nLeaders must act.\n", encoding="utf-8")
    build(copy, out)
    assert "the previous query store cannot be reused" in caplog.text
    fresh = build(copy, tmp_path / "fresh").out
    assert _all_quads(out) == _all_quads(fresh)
